package extract

import (
	"github.com/claimtrail/claimtrail/claim"
)

// span is a byte range of the original text.
type span struct{ start, end int }

func (s span) empty() bool { return s.end <= s.start }

// found is an attribution as the matcher finds it, before its speaker is
// resolved: byte spans, the act, and the hints for factuality and
// confidence.
type found struct {
	source     span
	cue        span
	content    []span
	form       Form
	act        claim.Act
	certainty  claim.Certainty // from the cue word itself
	hedge      claim.Certainty // from hedges around it
	confidence float64
	said       claim.Date
	// participle marks "..., urging ...": its source is the main clause's.
	participle bool
	// openQuote marks a content whose last quotation runs on into the next
	// paragraph.
	openQuote bool
}

// matcher finds attributions in one sentence of a block.
type matcher struct {
	x    *extractor
	text string
	toks []token // the block's tokens
	inq  []bool  // which tokens are inside quotations
	regs []region
	lo   int // the sentence, toks[lo:hi]
	hi   int
	// last is the sentence's final index before a closing full stop.
	last int
	out  []found
}

// word returns the lower-case form of a word token, in scratch space valid
// until the next call.
func (m *matcher) word(i int) string {
	if i < m.lo || i >= m.hi || m.toks[i].kind != tokWord {
		return ""
	}
	t := m.toks[i]
	return m.x.z.lower(m.text[t.start:t.end])
}

// is reports whether token i is the word w (lower case).
func (m *matcher) is(i int, w string) bool {
	if i < m.lo || i >= m.hi || m.toks[i].kind != tokWord {
		return false
	}
	t := m.toks[i]
	return eqFold(m.text[t.start:t.end], w)
}

// punct reports whether token i is the punctuation mark c.
func (m *matcher) punct(i int, c byte) bool {
	return i >= m.lo && i < m.hi && m.toks[i].kind == tokPunct && m.text[m.toks[i].start] == c
}

func (m *matcher) comma(i int) bool { return m.punct(i, ',') }

// boundary reports whether token i ends a clause: a comma, semicolon,
// colon, dash or bracket.
func (m *matcher) boundary(i int) bool {
	if i < m.lo || i >= m.hi {
		return true
	}
	t := m.toks[i]
	if t.kind == tokStop {
		return true
	}
	if t.kind != tokPunct {
		return false
	}
	switch m.text[t.start] {
	case ',', ';', ':', '(', ')', '[', ']':
		return true
	}
	r, _ := decode(m.text, t.start)
	return r == '—' || r == '–'
}

// tokSpan returns the byte span of tokens [i, j] (inclusive).
func (m *matcher) tokSpan(i, j int) span {
	if i > j {
		return span{}
	}
	return span{m.toks[i].start, m.toks[j].end}
}

// run looks at every word of the sentence that is not quoted.
func (m *matcher) run() {
	m.last = m.hi - 1
	for m.last >= m.lo && m.toks[m.last].kind == tokStop {
		m.last--
	}
	for i := m.lo; i < m.hi; i++ {
		if m.toks[i].kind != tokWord || m.inq[i] {
			continue
		}
		if n := m.special(i); n > 0 {
			i += n - 1
			continue
		}
		w := m.word(i)
		entries := cues[w]
		if len(entries) == 0 {
			continue
		}
		m.cue(i, entries)
	}
}

// special matches the multi-word cues that start at token i and returns how
// many tokens they take, or 0.
func (m *matcher) special(i int) int {
	switch {
	case m.is(i, "according") && m.is(i+1, "to"):
		m.accordingTo(i)
		return 2
	case m.is(i, "it") && isBe(m.word(i+1)) && agentlessVerbs[m.word(i+2)] != 0:
		if n := m.itIsBelieved(i); n > 0 {
			return n
		}
	case isBe(m.word(i)) && agentlessVerbs[m.word(i+1)] != 0 && m.is(i+2, "to") && !m.is(i-1, "it"):
		return m.isSaidTo(i)
	}
	if n := m.nonResponse(i); n > 0 {
		return n
	}
	return 0
}

// cue tries each reading of the cue word at token i.
func (m *matcher) cue(i int, entries []cueWord) {
	det := m.determinerBefore(i)
	for _, e := range entries {
		switch e.class {
		case cueVerb:
			if det {
				continue // "the alleged shipments", "a warning": not a verb
			}
			if m.verb(i, e) {
				return
			}
		case cueNoun:
			if m.noun(i, e) {
				return
			}
		case cueAdj:
			if m.adjective(i, e) {
				return
			}
		case cueAdverb:
			m.adverb(i, e)
			return
		}
	}
}

// determinerBefore reports whether token i follows a determiner or a
// possessive, which makes it a noun or an adjective rather than a verb.
func (m *matcher) determinerBefore(i int) bool {
	p := i - 1
	if p < m.lo || m.toks[p].kind != tokWord {
		return false
	}
	w := m.word(p)
	return determiners[w] || hasPossessive(w)
}

// verb matches a reporting verb at token i.
func (m *matcher) verb(i int, e cueWord) bool {
	cue := m.tokSpan(i, i)
	cueEnd := i
	act := e.act
	// Multi-word verbs: "called on", "called for", "expressed concern",
	// "cast doubt".
	w := m.word(i)
	switch {
	case (w == "ask" || w == "asks" || w == "asked") && (m.is(i+1, "whether") || m.is(i+1, "if") || m.is(i+1, "about")):
		act = claim.ActQuestion
	case w == "asked" && (m.is(i-1, "when") || m.is(i-1, "if") || i == m.lo || isBe(m.word(i-1))):
		return false // "Asked whether ...": the reporter asks
	}
	// A passive ("was denied entry") is not an attribution.
	if p := m.skipLeft(i - 1); p >= m.lo && isBe(m.word(p)) && !m.is(i+1, "that") {
		return false
	}
	if e.ing && !m.comma(i-1) && !m.is(i-1, "and") {
		// A participle that does not follow a comma is not a cue here:
		// "the warning came", "reporting from Seoul".
		if !(m.is(i-1, "by")) {
			return false
		}
	}
	f := found{cue: cue, act: act, certainty: e.certainty, confidence: 0.8, form: FormIndirect}
	if e.weak {
		f.confidence -= 0.15
	}
	if e.ing && (m.comma(i-1) || m.is(i-1, "and")) {
		f.participle = true
		f.confidence -= 0.1
	}
	// Content to the right of the cue.
	c := m.contentStart(cueEnd+1, e.tell)
	var src span
	srcRight := false
	if !f.participle {
		src = m.subject(i)
		if src.empty() {
			// "..., said Kirby." or "“...,” said the minister."
			if s, next := m.sourceRight(cueEnd + 1); !s.empty() {
				src, srcRight = s, true
				c = next
			}
		}
		if src.empty() && !m.reportingBefore(i) {
			return false
		}
	}
	f.source = src
	right := m.contentRight(c)
	switch {
	case !srcRight && len(right) > 0 && !m.onlyTrailer(c):
		f.content = right
	default:
		left := m.contentLeft(i, src)
		if len(left) == 0 {
			return false
		}
		f.content = left
		// “Q1,” he said, “Q2.”
		if q := m.quoteAfter(c); !q.empty() {
			f.content = append(f.content, q)
		}
	}
	f.form = m.form(f.content)
	if f.form == FormDirect {
		f.confidence += 0.1
	}
	m.hedges(&f, i)
	m.out = append(m.out, f)
	return true
}

// reportingBefore reports whether the verb at i follows content and a
// comma or closing quote, so its source may come after it.
func (m *matcher) reportingBefore(i int) bool {
	p := i - 1
	return p >= m.lo && (m.comma(p) || m.toks[p].kind == tokQuote)
}

// skipLeft steps left over auxiliaries and adverbs from token i.
func (m *matcher) skipLeft(i int) int {
	for i >= m.lo && m.toks[i].kind == tokWord {
		w := m.word(i)
		if !auxiliaries[w] && !isAdverb(w) {
			break
		}
		i--
	}
	return i
}

// subject finds the source noun phrase left of the verb at token i: the
// words back to the start of the clause, without the auxiliaries and
// adverbs before the verb and the time words that open the sentence.
func (m *matcher) subject(i int) span {
	j := m.skipLeft(i - 1)
	if j < m.lo {
		return span{}
	}
	if m.comma(j) {
		return m.appositiveSubject(j)
	}
	if m.toks[j].kind != tokWord || clauseWords[m.word(j)] {
		return span{}
	}
	return m.nounPhraseLeft(j)
}

// nounPhraseLeft collects a noun phrase ending at token j going left.
func (m *matcher) nounPhraseLeft(j int) span {
	k := j
	for k >= m.lo {
		t := m.toks[k]
		if t.kind != tokWord {
			if t.kind == tokPunct && (m.text[t.start] == '&' || m.text[t.start] == '/') {
				k--
				continue
			}
			break
		}
		if m.inq[k] {
			break
		}
		w := m.word(k)
		if w == "and" {
			// "North Korea and Russia": a conjunction of names.
			if k+1 <= j && m.toks[k+1].is(flagUpper) && k-1 >= m.lo && m.toks[k-1].kind == tokWord && m.toks[k-1].is(flagUpper) {
				k--
				continue
			}
			break
		}
		if clauseWords[w] || (k < j && cues[w] != nil && isVerbForm(w) && !m.toks[k].is(flagUpper)) {
			break
		}
		if j-k >= 14 {
			break
		}
		k--
	}
	start := k + 1
	// Trim the words that open a sentence before its subject.
	for start <= j && m.toks[start].kind == tokWord && (introWords[m.word(start)] || m.toks[start].is(flagNumber)) && !m.nameAt(start) {
		start++
	}
	if start > j {
		return span{}
	}
	return m.tokSpan(start, j)
}

// nameAt reports whether the word at i starts a proper name rather than an
// introductory word: "May" before a capitalised word is a name, "Today" is
// not.
func (m *matcher) nameAt(i int) bool {
	w := m.word(i)
	if pronouns[w] {
		return true
	}
	return false
}

// appositiveSubject handles "Kirby, who spoke in Seoul, said" and "Peskov,
// the Kremlin spokesman, said": the source is the name before the commas.
func (m *matcher) appositiveSubject(c int) span {
	// Find the comma that opens the appositive.
	o := c - 1
	for o >= m.lo && !m.boundary(o) && !m.inq[o] && c-o < 16 {
		o--
	}
	if o < m.lo || !m.comma(o) || o+1 >= c {
		return span{}
	}
	first := m.word(o + 1)
	if !(first == "who" || first == "which" || first == "whose" || determiners[first] || first == "a" || first == "an") {
		return span{}
	}
	if o-1 < m.lo || m.toks[o-1].kind != tokWord || !m.toks[o-1].is(flagUpper) {
		return span{}
	}
	return m.nounPhraseLeft(o - 1)
}

// sourceRight reads a source after the verb: "said Kirby", "said the
// minister, adding". It returns the source and the token after it.
func (m *matcher) sourceRight(i int) (span, int) {
	i = m.skipTime(i)
	if i > m.last || m.toks[i].kind != tokWord {
		return span{}, i
	}
	w := m.word(i)
	if !(m.toks[i].is(flagUpper) || determiners[w] || w == "a" || w == "an" || pronouns[w]) {
		return span{}, i
	}
	k := i
	for k <= m.last && m.toks[k].kind == tokWord && !m.inq[k] {
		w := m.word(k)
		if k > i && (clauseWords[w] || w == "on" || w == "in" && !m.toks[k+1].is(flagUpper)) {
			break
		}
		k++
	}
	if k <= m.last && !m.boundary(k) {
		return span{}, i
	}
	return m.tokSpan(i, k-1), k
}

// contentStart skips what stands between a verb and its content: a time
// phrase ("on Tuesday"), "in a statement", a recipient for verbs such as
// "told" ("told reporters"), "that", and a colon or comma before a quote.
func (m *matcher) contentStart(i int, tell bool) int {
	i = m.skipTime(i)
	if tell {
		// The recipient runs to "that", a colon or a quote if one comes
		// soon; otherwise it is one short noun phrase.
		for k := i; k <= m.last && k < i+8; k++ {
			if m.is(k, "that") || m.punct(k, ':') || m.toks[k].kind == tokQuote || m.comma(k) {
				i = k
				break
			}
		}
		if i <= m.last && m.toks[i].kind == tokWord && !m.is(i, "that") {
			i = m.skipRecipient(i)
		}
		i = m.skipTime(i)
	}
	for i <= m.last {
		switch {
		case m.is(i, "that"):
			i++
			continue
		case m.punct(i, ':') || (m.comma(i) && i+1 <= m.last && m.toks[i+1].kind == tokQuote):
			i++
			continue
		case m.is(i, "in") && (m.is(i+1, "a") || m.is(i+1, "an") || m.is(i+1, "its") || m.is(i+1, "his") || m.is(i+1, "her")) && i+2 <= m.last && statementWords[m.word(i+2)]:
			i += 3
			if m.comma(i) {
				i++
			}
			continue
		}
		break
	}
	return i
}

// skipRecipient skips the short noun phrase after "told": "reporters",
// "the BBC", "a news conference in Seoul".
func (m *matcher) skipRecipient(i int) int {
	k := i
	for k <= m.last && k < i+4 && m.toks[k].kind == tokWord && !m.inq[k] {
		w := m.word(k)
		if k > i && !m.toks[k].is(flagUpper) && !recipients[w] {
			break
		}
		k++
		if recipients[w] {
			break
		}
	}
	return k
}

// skipTime skips a time phrase: "on Tuesday", "on Sept. 13", "last week",
// "yesterday", with a comma after it.
func (m *matcher) skipTime(i int) int {
	for {
		n := m.timeAt(i)
		if n == 0 {
			return i
		}
		i += n
		if m.comma(i) && !(i+1 <= m.last && m.is(i+1, "that")) {
			// "said on Tuesday, adding" keeps the comma for the caller.
			return i
		}
	}
}

// timeAt returns the number of tokens of a time phrase starting at token i,
// or 0.
func (m *matcher) timeAt(i int) int {
	w := m.word(i)
	switch w {
	case "yesterday", "today", "tonight", "overnight", "earlier", "later", "again", "also", "late", "publicly", "repeatedly":
		return 1
	case "on", "in", "last", "this", "next", "early":
		k := i + 1
		if m.is(k, "early") || m.is(k, "late") {
			k++
		}
		n := m.dateWords(k)
		if n > 0 {
			return k - i + n
		}
		switch m.word(k) {
		case "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night":
			return k - i + 1
		}
	}
	if n := m.dateWords(i); n > 0 {
		return n
	}
	return 0
}

// dateWords returns the tokens of a weekday or date at i: "Tuesday",
// "Sept. 13", "Wednesday, Sept. 13, 2023", "2018".
func (m *matcher) dateWords(i int) int {
	w := m.word(i)
	k := i
	if weekdays[w] {
		k++
		if m.comma(k) && monthNames[m.word(k+1)] {
			k++
		} else {
			return k - i
		}
		w = m.word(k)
	}
	if monthNames[w] {
		k++
		if k <= m.last && m.toks[k].is(flagNumber) {
			k++
			if m.comma(k) && k+1 <= m.last && m.toks[k+1].is(flagNumber) && m.toks[k+1].end-m.toks[k+1].start == 4 {
				k += 2
			}
		}
		return k - i
	}
	if i <= m.last && m.toks[i].is(flagNumber) && m.toks[i].end-m.toks[i].start == 4 && k > m.lo && (m.is(i-1, "in")) {
		return 1
	}
	return 0
}

// contentRight returns the content starting at token i: to the end of the
// sentence, or to a comma before a trailing attribution ("..., Kirby
// said"), a participle clause (", adding ...") or a semicolon.
func (m *matcher) contentRight(i int) []span {
	if i > m.last {
		return nil
	}
	end := m.last
	for k := i; k <= m.last; k++ {
		if m.inq[k] {
			continue
		}
		if m.punct(k, ';') {
			end = k - 1
			break
		}
		if m.comma(k) && k+1 <= m.last && m.clauseAfterComma(k+1) {
			end = k - 1
			break
		}
	}
	// Keep a full stop that sits inside a closing quotation.
	if end == m.last && m.last+2 < m.hi+1 && m.last+1 < m.hi && m.toks[m.last+1].kind == tokStop && m.inq[m.last+1] {
		end = m.last + 1
	}
	if end+1 < m.hi && m.toks[end].kind == tokStop && end+1 < len(m.toks) && m.inq[end] && m.toks[end+1].kind == tokQuote {
		end++
	}
	if end < i {
		return nil
	}
	// A closing quote right after a final stop inside the quotation.
	if end+1 < m.hi && m.toks[end+1].kind == tokStop && m.inq[end+1] && end+2 < m.hi && m.toks[end+2].kind == tokQuote {
		end += 2
	}
	return []span{m.tokSpan(i, end)}
}

// clauseAfterComma reports whether the words after a comma at k-1 start a
// trailing attribution or a participle clause that is not content:
// "..., Kirby said", "..., according to", "..., adding that".
func (m *matcher) clauseAfterComma(k int) bool {
	w := m.word(k)
	if w == "according" && m.is(k+1, "to") {
		return true
	}
	if ws := cues[w]; len(ws) > 0 && ws[0].class == cueVerb && ws[0].ing {
		return true
	}
	if w == "said" || w == "says" || w == "added" || w == "told" {
		return true
	}
	// "..., the minister said." A short phrase and a saying verb that ends
	// the sentence or runs into a time phrase.
	for j := k; j <= m.last && j < k+10; j++ {
		if m.toks[j].kind != tokWord || m.inq[j] {
			return false
		}
		v := m.word(j)
		if v == "said" || v == "says" || v == "added" || v == "told" || v == "reported" || v == "wrote" || v == "stated" || v == "noted" || v == "insisted" {
			rest := m.skipTime(j + 1)
			return rest > m.last || m.comma(rest) || m.skipRecipient(rest) > m.last
		}
		if clauseWords[v] {
			return false
		}
	}
	return false
}

// onlyTrailer reports whether the tokens from i to the sentence's end hold
// no content: nothing, or only a quotation continuing after a comma.
func (m *matcher) onlyTrailer(i int) bool {
	if i > m.last {
		return true
	}
	return m.comma(i) && i+1 <= m.last && m.toks[i+1].kind == tokQuote && m.toks[i+1].is(flagOpen) && m.reportingBeforeQuote(i)
}

// reportingBeforeQuote reports whether the sentence starts with a
// quotation, so that a quotation after "he said," continues it.
func (m *matcher) reportingBeforeQuote(int) bool {
	return m.toks[m.lo].kind == tokQuote
}

// contentLeft returns the content before a verb whose source follows it or
// stands between: from the start of the sentence to the comma or quote
// before the source (or the verb).
func (m *matcher) contentLeft(i int, src span) []span {
	end := i - 1
	if !src.empty() && src.start < m.toks[i].start {
		for end >= m.lo && m.toks[end].start >= src.start {
			end--
		}
	}
	end = m.skipLeft(end)
	if end >= m.lo && m.comma(end) {
		end--
	}
	if end < m.lo {
		return nil
	}
	// Inside a nested attribution the content starts at the sentence's
	// start all the same: "X said A, Y reported" has Y report "X said A".
	start := m.lo
	// A sentence that opens with another clause before a quotation: take
	// the quotation only.
	if m.toks[end].kind == tokQuote && m.toks[end].is(flagClose) {
		for _, r := range m.regs {
			if r.hi == end && r.lo >= m.lo {
				start = r.lo
			}
		}
	}
	if end < start {
		return nil
	}
	return []span{m.tokSpan(start, end)}
}

// quoteAfter returns the quotation that continues after the cue: “Q1,” he
// said, “Q2.”
func (m *matcher) quoteAfter(i int) span {
	if m.comma(i) {
		i++
	}
	if i > m.last || m.toks[i].kind != tokQuote || !m.toks[i].is(flagOpen) {
		return span{}
	}
	for _, r := range m.regs {
		if r.lo == i {
			return m.tokSpan(r.lo, r.hi)
		}
	}
	return span{}
}

// form tells a direct quotation from reported and mixed speech.
func (m *matcher) form(content []span) Form {
	quoted, plain := false, false
	for _, c := range content {
		r, _ := decode(m.text, c.start)
		isQuote := r == '"' || r == '“' || r == '«' || r == '„'
		whole := isQuote && endsWithQuote(m.text[c.start:c.end])
		switch {
		case whole:
			quoted = true
		case containsQuote(m.text[c.start:c.end]):
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

// hedges sets the certainty the words around an attribution give: the
// auxiliaries before the cue ("may have") and the content's first words.
func (m *matcher) hedges(f *found, cueTok int) {
	for k := cueTok - 1; k >= m.lo && k >= cueTok-3; k-- {
		f.hedge = stronger(f.hedge, hedgeOf(m.word(k)))
	}
	n := 0
	for _, c := range f.content {
		for k := m.lo; k < m.hi && n < 40; k++ {
			if m.toks[k].start < c.start || m.toks[k].end > c.end {
				continue
			}
			n++
			if m.toks[k].kind == tokWord {
				w := m.word(k)
				f.hedge = stronger(f.hedge, hedgeOf(w))
				if dismissals[w] && (f.act == claim.ActAssert || f.act == claim.ActReport) {
					f.act = claim.ActDeny
				}
			}
		}
	}
}

// hedgeOf returns the certainty a hedge word gives, or underspecified.
func hedgeOf(w string) claim.Certainty {
	switch {
	case possibles[w]:
		return claim.CertaintyPossible
	case probables[w]:
		return claim.CertaintyProbable
	}
	return claim.CertaintyUnderspecified
}

// stronger returns the weaker of two hedges as a certainty: possible beats
// probable, which beats none.
func stronger(a, b claim.Certainty) claim.Certainty {
	if a == claim.CertaintyPossible || b == claim.CertaintyPossible {
		return claim.CertaintyPossible
	}
	if a == claim.CertaintyProbable || b == claim.CertaintyProbable {
		return claim.CertaintyProbable
	}
	return claim.CertaintyUnderspecified
}
