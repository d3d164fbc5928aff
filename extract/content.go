package extract

import (
	"strings"
	"unicode/utf8"
)

// contents finds a verb's content: a quotation just before the source or
// the verb (“Q1,” he said, with “Q2” after it), the two halves around a
// parenthetical source ("The records, she noted, match"), the words after
// the verb, or failing those the words before the source.
func (s *sentence) contents(i, c int, src span, srcRight bool) []span {
	first := i
	if !src.empty() && !srcRight {
		first = s.tokenAt(src.start)
	}
	if srcRight {
		left := s.contentLeft(i, span{})
		if q := s.quoteAfter(c); !q.empty() && len(left) > 0 {
			left = append(left, q)
		}
		return left
	}
	if q := s.quoteBefore(first); !q.empty() {
		out := []span{q}
		if q2 := s.quoteAfter(c); !q2.empty() {
			out = append(out, q2)
		}
		return out
	}
	if s.comma(c) && s.comma(first-1) && first-2 >= s.lo && !s.trailer(c+1) {
		// "Several of the records, she noted, match the data."
		out := []span{s.tokSpan(s.lo, first-2)}
		return append(out, s.contentRight(c+1)...)
	}
	if right := s.contentRight(c); len(right) > 0 && !s.onlyTrailer(c) && !s.commaNoContent(c) {
		return right
	}
	// "..., the minister said." The content stands before the source.
	if (s.comma(c) || c > s.last || s.toks[c].kind == tokStop) && first-1 >= s.lo && (s.comma(first-1) || s.toks[first-1].kind == tokQuote) {
		left := s.contentLeft(i, src)
		if q := s.quoteAfter(c); !q.empty() && len(left) > 0 {
			left = append(left, q)
		}
		return left
	}
	return nil
}

// commaNoContent reports whether the words after a verb open with a comma
// that begins no content: "the result announced on Monday, including ..."
// is a noun with its participle, not a statement. A comma that sets off an
// aside before "that" or a quotation ("said, in a statement, that") does
// begin one.
func (s *sentence) commaNoContent(c int) bool {
	if !s.comma(c) {
		return false
	}
	for k := c + 1; k <= s.last && k <= c+7; k++ {
		if s.toks[k].kind == tokQuote {
			return false
		}
		if s.comma(k) {
			return !s.is(k+1, "that") && (k+1 > s.last || s.toks[k+1].kind != tokQuote)
		}
	}
	return true
}

// untilComma cuts a content at its first comma outside quotations.
func (s *sentence) untilComma(content []span) []span {
	if len(content) == 0 {
		return content
	}
	c := content[0]
	for k := s.tokenAt(c.start); k < s.hi && s.toks[k].end <= c.end; k++ {
		if s.comma(k) && !s.inq[k] && k > s.tokenAt(c.start) {
			return []span{{c.start, s.toks[k-1].end}}
		}
	}
	return content
}

// afterComma returns the content that follows the verb at i when the verb
// is not the last word of its sentence: a verb right after a comma with
// content of its own coordinates with the verb before.
func (s *sentence) afterComma(i int) []span {
	c := s.contentStart(i+1, false)
	if c > s.last || s.comma(c) {
		return nil
	}
	return s.contentRight(c)
}

// quoteBefore returns the quotation that ends just before token k, with a
// comma between or not: the “...,” of “...,” he said.
func (s *sentence) quoteBefore(k int) span {
	p := k - 1
	if s.comma(p) {
		p--
	}
	if p < s.lo || s.toks[p].kind != tokQuote {
		return span{}
	}
	if r, ok := s.regionEndingAt(p); ok && !r.unclosed {
		return s.tokSpan(r.lo, r.hi)
	}
	return span{}
}

// contentStart skips what stands between a verb and its content: a time
// phrase ("on Tuesday"), "in a statement", a recipient for verbs such as
// "told" ("told reporters"), "that", and a colon or comma before a quote.
func (s *sentence) contentStart(i int, tell bool) int {
	i = s.skipTime(i)
	if tell {
		// The recipient runs to "that", a colon or a quote if one comes
		// soon; otherwise it is one short noun phrase.
		for k := i; k <= s.last && k < i+8; k++ {
			if s.is(k, "that") || s.punct(k, ':') || s.toks[k].kind == tokQuote || s.comma(k) {
				i = k
				break
			}
		}
		if i <= s.last && s.toks[i].kind == tokWord && !s.is(i, "that") {
			i = s.skipRecipient(i)
		}
		i = s.skipTime(i)
	}
	for i <= s.last {
		switch {
		case s.is(i, "that"):
			i++
			continue
		case s.is(i, "to") && (recipients[s.word(i+1)] && !determiners[s.word(i+1)] || determiners[s.word(i+1)] && recipients[s.word(i+2)]):
			// "said to reporters on Sunday", "said to the press":
			// whom it was said to is no content.
			i = s.skipTime(s.skipRecipient(i + 1))
			continue
		case s.punct(i, ':') || (s.comma(i) && i+1 <= s.last && s.toks[i+1].kind == tokQuote):
			i++
			continue
		case s.comma(i):
			// "said, in a brief note, that": the aside is no content.
			k := i + 1
			for k <= s.last && k <= i+7 && s.toks[k].kind == tokWord {
				k++
			}
			if !s.comma(k) || !s.is(k+1, "that") {
				break
			}
			i = k + 1
			continue
		case (s.is(i, "in") || s.is(i, "at") || s.is(i, "during")) && (s.is(i+1, "a") || s.is(i+1, "an") || s.is(i+1, "its") || s.is(i+1, "his") || s.is(i+1, "her") || s.is(i+1, "their")):
			// "in a statement", "in a Telegram post", "in a televised
			// address", "at a briefing", "during a news conference",
			// followed perhaps by a time: "on Monday".
			k := i + 2
			for k <= s.last && k < i+6 && s.toks[k].kind == tokWord && !statementWords[s.word(k)] {
				k++
			}
			if k > s.last || !statementWords[s.word(k)] {
				break
			}
			i = s.skipTime(k + 1)
			if s.comma(i) && !s.trailer(i+1) {
				// A comma before a trailing attribution ("said at a
				// briefing, the agency reported") ends the clause.
				i++
			}
			continue
		}
		break
	}
	return i
}

// skipRecipient skips the short noun phrase after "told": "reporters",
// "the BBC", "a news conference in Seoul", "an online news briefing".
func (s *sentence) skipRecipient(i int) int {
	if determiners[s.word(i)] {
		// "told a news conference", "told an online news briefing":
		// where it was said, up to its head noun.
		for k := i + 1; k <= s.last && k < i+5 && s.toks[k].kind == tokWord && !s.inq[k]; k++ {
			if statementWords[s.word(k)] {
				return k + 1
			}
		}
	}
	k := i
	for k <= s.last && k < i+4 && s.toks[k].kind == tokWord && !s.inq[k] {
		w := s.word(k)
		if k > i && !s.toks[k].is(flagUpper) && !recipients[w] {
			break
		}
		k++
		if recipients[w] && !determiners[w] && w != "a" && w != "an" {
			break // "told reporters"; but "told The Associated Press" goes on
		}
	}
	return k
}

// contentRight returns the content starting at token i: to the end of the
// sentence, or to a comma before a trailing attribution ("..., Kirby
// said"), a participle clause (", adding ...") or a semicolon.
func (s *sentence) contentRight(i int) []span {
	if i > s.last {
		return nil
	}
	end := s.last
	for k := i; k <= s.last; k++ {
		if s.toks[k].kind == tokQuote && k > i && s.comma(k-1) && s.inq[k-1] && k+1 <= s.last && s.toks[k+1].kind == tokWord {
			if ws := cues[s.word(k+1)]; len(ws) > 0 && ws[0].class == cueVerb && ws[0].ing {
				// “... blockbuster,” adding that: the comma inside the
				// quotation ends the content before the participle.
				end = k
				break
			}
		}
		if s.inq[k] {
			continue
		}
		if s.punct(k, ';') {
			end = k - 1
			break
		}
		if s.comma(k) && k+1 <= s.last && s.clauseAfterComma(k+1) {
			end = k - 1
			break
		}
		if k > i && s.newClause(k) {
			end = k - 1
			if s.comma(end) {
				end--
			}
			break
		}
	}
	// Keep a full stop that sits inside a closing quotation.
	if end == s.last && s.last+2 < s.hi+1 && s.last+1 < s.hi && s.toks[s.last+1].kind == tokStop && s.inq[s.last+1] {
		end = s.last + 1
	}
	if end+1 < s.hi && s.toks[end].kind == tokStop && end+1 < len(s.toks) && s.inq[end] && s.toks[end+1].kind == tokQuote {
		end++
	}
	if end < i {
		return nil
	}
	// A closing quote right after a final stop inside the quotation.
	if end+1 < s.hi && s.toks[end+1].kind == tokStop && s.inq[end+1] && end+2 < s.hi && s.toks[end+2].kind == tokQuote {
		end += 2
	}
	return []span{s.tokSpan(i, end)}
}

// newClause reports whether token k starts another attribution that ends
// the content before it: "and urged ...", ", but insisted ...", ", and on
// Monday it dismissed ...", "as Seoul confirms ...".
func (s *sentence) newClause(k int) bool {
	w := s.word(k)
	switch {
	case w == "and" || w == "but":
		// A verb coordinated with the cue: "accused X of Y and urged Z".
		j := k + 1
		for j <= s.last && s.toks[j].kind == tokWord && (isAdverb(s.word(j)) || auxiliaries[s.word(j)] && !isBe(s.word(j))) {
			j++
		}
		if s.finiteCue(j) {
			return true
		}
		if s.namedClause(k + 1) {
			return true // "... and Anna Holm, the port's chief, said"
		}
		if !s.comma(k - 1) {
			return false
		}
	case s.comma(k):
		if s.finiteCue(k + 1) {
			return true // "denies the deal, calls reports absurd"
		}
		if !s.is(k+1, "and") && !s.is(k+1, "but") && !s.is(k+1, "while") && !s.is(k+1, "whereas") {
			return false
		}
	case subordinators[w]:
		if participleOpeners[w] && k+1 <= s.last && s.toks[k+1].kind == tokWord {
			// "praised the port while accusing the navy": the participle
			// is another attribution.
			if ws := cues[s.word(k+1)]; len(ws) > 0 && ws[0].class == cueVerb && ws[0].ing {
				return true
			}
		}
	default:
		return false
	}
	for j := k + 1; j <= s.last && j < k+10; j++ {
		if s.inq[j] || s.boundary(j) && (j != k+1 || !s.comma(j)) {
			return false
		}
		if s.finiteCue(j) {
			return true
		}
	}
	return false
}

// clauseAfterComma reports whether the words after a comma at k-1 start a
// trailing attribution or a participle clause that is not content:
// "..., Kirby said", "..., according to", "..., adding that".
func (s *sentence) clauseAfterComma(k int) bool {
	w := s.word(k)
	if w == "according" && s.is(k+1, "to") {
		return true
	}
	if ws := cues[w]; len(ws) > 0 && ws[0].class == cueVerb && ws[0].ing {
		return true
	}
	if trailerVerbs[w] {
		return true
	}
	if w == "with" {
		// "..., with spokesman Ali Rabiei describing it as": another
		// speaker's clause.
		for j := k + 2; j <= s.last && j <= k+7; j++ {
			if ws := cues[s.word(j)]; len(ws) > 0 && ws[0].class == cueVerb && ws[0].ing {
				return !s.withSubject(j).empty()
			}
		}
	}
	return s.trailer(k)
}

// trailer reports whether the words from k on are a trailing attribution
// that ends the sentence: "..., the minister said.", "..., the agency
// reported on Monday". A short phrase and a saying verb that ends the
// sentence or runs into a time phrase.
func (s *sentence) trailer(k int) bool {
	for j := k; j <= s.last && j < k+10; j++ {
		if s.toks[j].kind != tokWord || s.inq[j] {
			return false
		}
		v := s.word(j)
		if trailerEndVerbs[v] {
			rest := s.skipTime(j + 1)
			return rest > s.last || s.comma(rest) || s.skipRecipient(rest) > s.last
		}
		if clauseWords[v] {
			return false
		}
	}
	return false
}

// onlyTrailer reports whether the tokens from i to the sentence's end hold
// no content: nothing, or only a quotation continuing after a comma.
func (s *sentence) onlyTrailer(i int) bool {
	if i > s.last {
		return true
	}
	// A sentence that opens with a quotation goes on with one after "he
	// said,".
	return s.comma(i) && i+1 <= s.last && s.toks[i+1].kind == tokQuote && s.toks[i+1].is(flagOpen) && s.toks[s.lo].kind == tokQuote
}

// contentLeft returns the content before a verb whose source follows it or
// stands between: from the start of the sentence to the comma or quote
// before the source (or the verb).
func (s *sentence) contentLeft(i int, src span) []span {
	end := i - 1
	if !src.empty() && src.start < s.toks[i].start {
		for end >= s.lo && s.toks[end].start >= src.start {
			end--
		}
	}
	end = s.skipLeft(end)
	if end >= s.lo && s.comma(end) {
		end--
	}
	if end < s.lo {
		return nil
	}
	// Inside a nested attribution the content starts at the sentence's
	// start all the same: "X said A, Y reported" has Y report "X said A".
	start := s.lo
	// A sentence that opens with another clause before a quotation: take
	// the quotation only.
	if s.toks[end].kind == tokQuote && s.toks[end].is(flagClose) {
		if r, ok := s.regionEndingAt(end); ok && r.lo >= s.lo {
			start = r.lo
		}
	}
	if end < start {
		return nil
	}
	return []span{s.tokSpan(start, end)}
}

// quoteAfter returns the quotation that continues after the cue: “Q1,” he
// said, “Q2.”
func (s *sentence) quoteAfter(i int) span {
	if s.comma(i) {
		i++
	}
	if i > s.last || s.toks[i].kind != tokQuote || !s.toks[i].is(flagOpen) {
		return span{}
	}
	if r, ok := s.regionStartingAt(i); ok {
		return s.tokSpan(r.lo, r.hi)
	}
	return span{}
}

// form tells a direct quotation from reported and mixed speech.
func (s *sentence) form(content []span) Form {
	quoted, plain := false, false
	for _, c := range content {
		text := s.text[c.start:c.end]
		r, n := decode(s.text, c.start)
		opens := r == '"' || r == '“' || r == '«' || r == '„' || r == '‘' || r == '\''
		// A quotation, closed or running on into the next paragraph, with
		// no other quotation mark inside.
		inner := strings.TrimRight(text[n:], ".,")
		if q, _ := utf8.DecodeLastRuneInString(inner); q == '"' || q == '”' || q == '»' || q == '’' || q == '\'' {
			inner = inner[:len(inner)-utf8.RuneLen(q)]
		}
		switch {
		case opens && !containsQuote(inner):
			quoted = true
		case containsQuote(text):
			return FormMixed
		default:
			plain = true
		}
	}
	switch {
	case quoted && plain:
		return FormMixed
	case quoted:
		return FormDirect
	}
	return FormIndirect
}

// namedClause reports whether token k opens a clause of another named
// speaker: a capitalised name, perhaps an aside between commas (twelve
// words at most), and a finite reporting verb: "Anna Holm said", "Anna
// Holm, the head of the port, said".
func (s *sentence) namedClause(k int) bool {
	e := k
	for e <= s.last && s.toks[e].kind == tokWord && s.toks[e].is(flagUpper) && !s.inq[e] {
		e++
	}
	if e == k || e > s.last {
		return false
	}
	if s.comma(e) {
		c := e + 1
		for c <= s.last && c <= e+13 && !s.comma(c) && s.toks[c].kind != tokStop && s.toks[c].kind != tokQuote {
			c++
		}
		if !s.comma(c) {
			return false
		}
		e = c + 1
	}
	for e <= s.last && s.toks[e].kind == tokWord && isAdverb(s.word(e)) {
		e++
	}
	return s.finiteCue(e)
}
