package extract

import "strings"

// subjectPhrase is the source noun phrase that subject finds left of a
// verb, with what it learnt on the way. It is returned, never kept in the
// matcher, so that nothing found for one verb reaches another verb, the
// next sentence or the next call.
type subjectPhrase struct {
	src span
	// aside is a name set off by commas after the source ("the minister,
	// Anton Relic, confirmed"), or empty.
	aside span
	// relative is true when the source is the antecedent of "who" or
	// "which": the content then ends at the clause's comma.
	relative bool
}

// reportingBefore reports whether the verb at i follows content and a
// comma or closing quote, so its source may come after it.
func (s *sentence) reportingBefore(i int) bool {
	p := i - 1
	return p >= s.lo && (s.comma(p) || s.toks[p].kind == tokQuote)
}

// skipLeft steps left over auxiliaries, adverbs and time phrases from
// token i: "Kirby on Tuesday also said", "Regulators have so far found".
func (s *sentence) skipLeft(i int) int {
	for stop := i - 12; i >= s.lo && i > stop && s.toks[i].kind == tokWord; {
		w := s.word(i)
		if (auxiliaries[w] || isAdverb(w)) && (!s.toks[i].is(flagUpper) || i <= s.lo || !s.toks[i-1].is(flagUpper)) {
			i--
			continue
		}
		if t := s.timeEndingAt(i); t >= 0 {
			i = t - 1
			continue
		}
		if w == "far" && (s.is(i-1, "so") || s.is(i-1, "thus")) {
			i -= 2 // "have so far found"
			continue
		}
		break
	}
	return i
}

// subject finds the source noun phrase left of the verb at token i: the
// words back to the start of the clause, without the auxiliaries and
// adverbs before the verb and the time words that open the sentence.
func (s *sentence) subject(i int) subjectPhrase {
	j := s.skipLeft(i - 1)
	if w := s.word(j); (w == "itself" || w == "themselves" || w == "himself" || w == "herself") && j-1 >= s.lo && s.toks[j-1].kind == tokWord {
		// "the Energy Department itself labeled": the reflexive only
		// stresses the name before it.
		j = s.skipLeft(j - 1)
	}
	// "the White House continues to call for": the subject is before the
	// verb that carries "to". Other verbs before "to" ("expected to say",
	// "able to verify") tell of a statement not yet made.
	if s.is(j, "to") && j-1 >= s.lo {
		if continueForms[s.word(j-1)] {
			j = s.skipLeft(j - 2)
		}
	}
	if j < s.lo {
		return subjectPhrase{}
	}
	if w := s.word(j); (w == "all" || w == "both") && j-1 >= s.lo && s.toks[j-1].kind == tokWord && !s.inq[j-1] {
		// "The port authority, the coastguard and the navy (have) all
		// said": the quantifier floats after its subject, a list of any
		// names.
		if e := s.skipLeft(j - 1); e >= s.lo && s.toks[e].kind == tokWord && !s.inq[e] {
			return subjectPhrase{src: s.floatedList(e)}
		}
		return subjectPhrase{}
	}
	if s.comma(j) {
		src, aside := s.appositiveSubject(j)
		return subjectPhrase{src: src, aside: aside}
	}
	if o, ok := s.bracketedAside(j); ok {
		// "the Harbour Agency (HA) announced": the name keeps its
		// abbreviation; "both agencies — on behalf of the council —
		// said": the aside between dashes is left out.
		if src := s.nounPhraseLeft(o - 1); !src.empty() {
			if s.punct(j, ')') {
				src.end = s.toks[j].end
			}
			return subjectPhrase{src: src}
		}
		return subjectPhrase{}
	}
	if s.toks[j].kind != tokWord {
		return subjectPhrase{}
	}
	if w := s.word(j); w == "who" || w == "which" {
		// "Velkor, which had denied ...": the name before the comma, and
		// the content ends with the relative clause.
		if s.comma(j-1) && j-2 >= s.lo && s.toks[j-2].kind == tokWord {
			return subjectPhrase{src: s.nounPhraseLeft(j - 2), relative: true}
		}
		return subjectPhrase{}
	}
	if src, ok := s.relativeThat(j); ok {
		// "documents that indicated the presence of funds": the noun
		// before "that" is the subject of the relative clause.
		return subjectPhrase{src: src, relative: true}
	}
	if w := s.word(j); w == "to" || clauseWords[w] && !s.inName(j) || s.verbAt(j) && !s.toks[j].is(flagUpper) && !s.nounCompound(j, w) {
		// "Pyongyang calls claim": "calls" ends no subject; but "several
		// reports point out" has "reports" for its head.
		return subjectPhrase{}
	}
	return subjectPhrase{src: s.nounPhraseLeft(j)}
}

// bracketedAside reports whether token j closes a short aside between the
// subject and its verb, a parenthesis ("(HA)") or a phrase between dashes
// ("— on behalf of the council —") of at most eight words with no verb of
// its own, and returns the token that opens it.
func (s *sentence) bracketedAside(j int) (int, bool) {
	if j < s.lo || s.toks[j].kind != tokPunct {
		return 0, false
	}
	closer := s.text[s.toks[j].start:s.toks[j].end]
	opener := closer
	switch closer {
	case ")":
		opener = "("
	case "—", "–":
	default:
		return 0, false
	}
	for o := j - 1; o > s.lo && o >= j-9; o-- {
		t := s.toks[o]
		if t.kind == tokPunct && s.text[t.start:t.end] == opener {
			return o, o < j-1 && s.toks[o-1].kind == tokWord
		}
		if t.kind != tokWord || s.verbAt(o) {
			return 0, false
		}
	}
	return 0, false
}

// nounPhraseLeft collects a noun phrase ending at token j going left.
func (s *sentence) nounPhraseLeft(j int) span {
	k := j
	for k >= s.lo {
		t := s.toks[k]
		if t.kind != tokWord {
			if t.kind == tokPunct && (s.text[t.start] == '&' || s.text[t.start] == '/') {
				k--
				continue
			}
			// "Bangko Sentral (BSP) Governor Benjamin Diokno": an
			// abbreviation in brackets inside a name.
			if s.punct(k, ')') && k < j && s.punct(k-2, '(') && k-3 >= s.lo && s.toks[k-1].is(flagUpper) &&
				s.toks[k-3].kind == tokWord && s.toks[k-3].is(flagUpper) && s.toks[k+1].is(flagUpper) {
				k -= 3
				continue
			}
			// "The United States, Japan and South Korea": a list of names
			// goes on over its commas.
			if s.comma(k) && k-1 >= s.lo && s.toks[k-1].kind == tokWord && s.toks[k-1].is(flagUpper) && !s.inq[k-1] && s.nameList(k+1, j) {
				k--
				continue
			}
			break
		}
		if s.inq[k] {
			break
		}
		w := s.word(k)
		if w == "a.m." || w == "p.m." || k < j && placeAbbrevs[w] && s.toks[k+1].is(flagUpper) && k > s.lo && !s.toks[k-1].is(flagUpper) {
			// "parts from the U.S. Kirby said": the abbreviation ends the
			// sentence before, even though the splitter could not tell.
			break
		}
		if w == "and" {
			// "North Korea and Russia", "the White House and its allies":
			// a conjunction of names.
			if k+1 <= j && (s.toks[k+1].is(flagUpper) || determiners[s.word(k+1)]) && k-1 >= s.lo && s.toks[k-1].kind == tokWord && s.toks[k-1].is(flagUpper) {
				k--
				continue
			}
			// "Spokespeople for the agency and the ministry": the bodies
			// spoken for.
			if k+1 <= j && (s.toks[k+1].is(flagUpper) || determiners[s.word(k+1)]) && s.spokesFor(k) {
				k--
				continue
			}
			// "Halden Bank, the largest lender, and Orvik Bank".
			if k+1 <= j && s.toks[k+1].is(flagUpper) && s.comma(k-1) {
				if np, ok := s.namedWithAside(k - 1); ok {
					return span{np.start, s.toks[j].end}
				}
			}
			// "The port, Velkor, and the navy": a serial comma before
			// "and" in a list of names.
			if k+1 <= j && (s.toks[k+1].is(flagUpper) || determiners[s.word(k+1)]) && s.comma(k-1) &&
				k-2 >= s.lo && s.toks[k-2].kind == tokWord && s.toks[k-2].is(flagUpper) && !s.inq[k-2] {
				k -= 2
				continue
			}
			break
		}
		if clauseWords[w] && !s.inName(k) || (k < j && s.verbAt(k) && !s.toks[k].is(flagUpper)) {
			break
		}
		if j-k >= 14 {
			break
		}
		k--
	}
	start := k + 1
	// Trim the words that open a sentence before its subject.
	for start <= j && s.toks[start].kind == tokWord && (introWords[s.word(start)] || s.toks[start].is(flagNumber)) && !s.nameAt(start) {
		start++
		if start <= j && s.comma(start) {
			// "On Friday, Halden and Orvik denied": the comma after the
			// time phrase, taken for a list of names, goes with it.
			start++
		}
	}
	if start > j {
		return span{}
	}
	return s.tokSpan(start, j)
}

// nameList reports whether tokens [i, j] end a list of names: they hold
// "and" followed by a capitalised word.
func (s *sentence) nameList(i, j int) bool {
	for k := i; k < j; k++ {
		if s.is(k, "and") && (s.toks[k+1].is(flagUpper) || determiners[s.word(k+1)]) {
			return true
		}
	}
	return false
}

// nameAt reports whether the word at i starts a proper name rather than an
// introductory word: "May" before a capitalised word is a name, "Today" is
// not.
func (s *sentence) nameAt(i int) bool {
	return pronouns[s.word(i)]
}

// appositiveSubject handles a phrase set off by commas between the
// subject and its verb: "Kirby, who spoke in Seoul, said", "Peskov, the
// Kremlin spokesman, said", "the minister, Anton Relic, confirmed", "the
// army, in a separate statement, denied". The source is the noun phrase
// before the commas, returned with the aside when the aside is a name
// ("Anton Relic"). A phrase holding a finite verb is a clause of its own,
// not an aside, and gives no subject.
func (s *sentence) appositiveSubject(c int) (src, aside span) {
	if conj, ok := s.asideConjunct(c); ok {
		return conj, span{}
	}
	o := c - 1
	verb := false // the aside holds a finite verb
	for o >= s.lo && !s.comma(o) && !s.inq[o] && c-o < 30 {
		t := s.toks[o]
		if t.kind == tokStop || t.kind == tokQuote {
			return span{}, span{}
		}
		if t.kind == tokWord {
			w := s.word(o)
			verb = verb || s.verbAt(o) && !strings.HasSuffix(w, "ed") || auxiliaries[w] && !isAdverb(w) && w != "in" && w != "also"
		}
		o--
	}
	if o >= s.lo && s.comma(o) && o+1 < c && verb {
		// A verb is allowed in an aside that opens as one does: "the
		// state-owned maker whose crates were seen", "who spoke in Seoul".
		if first := s.word(o + 1); !determiners[first] && first != "a" && first != "an" && first != "who" && first != "which" && first != "whose" && !strings.HasSuffix(first, "ing") {
			return span{}, span{}
		}
	}
	if o < s.lo || !s.comma(o) || o+1 >= c {
		return s.clausalAside(c), span{}
	}
	var np span
	if op, ok := s.bracketedAside(o - 1); ok && s.punct(o-1, ')') {
		// "The director of the Harbour Agency (HA), Mira Sol, said": the
		// name keeps its abbreviation.
		if np = s.nounPhraseLeft(op - 1); !np.empty() {
			np.end = s.toks[o-1].end
		}
	} else {
		if o-1 < s.lo || s.toks[o-1].kind != tokWord || s.inq[o-1] {
			return span{}, span{}
		}
		np = s.nounPhraseLeft(o - 1)
	}
	if np.empty() || s.timeEndingAt(o-1) >= 0 {
		return span{}, span{}
	}
	name := c-o-1 <= 4
	for k := o + 1; k < c; k++ {
		name = name && s.toks[k].kind == tokWord && s.toks[k].is(flagUpper)
	}
	if name {
		return np, s.tokSpan(o+1, c-1)
	}
	return np, span{}
}

// asideConjunct reads a coordinated subject whose first name has an aside
// and whose last is set off by a comma too: "Halden Bank, the largest
// lender, and Orvik Bank, said". c is the comma before the verb; the
// source runs from the first name to the last.
func (s *sentence) asideConjunct(c int) (span, bool) {
	o := c - 1
	for o >= s.lo && !s.comma(o) && c-o < 12 && s.toks[o].kind == tokWord && !s.inq[o] {
		o--
	}
	if o < s.lo || !s.comma(o) || !s.is(o+1, "and") || o+2 >= c || !s.toks[o+2].is(flagUpper) {
		return span{}, false
	}
	first, ok := s.namedWithAside(o)
	if !ok {
		return span{}, false
	}
	return span{first.start, s.toks[c-1].end}, true
}

// namedWithAside reads, left of the comma at token o, a name and the aside
// after it, "Halden Bank, the largest lender": the aside opens with a
// determiner and holds no capitalised word or verb, eight words at most.
// It returns the name.
func (s *sentence) namedWithAside(o int) (span, bool) {
	a := o - 1
	for a >= s.lo && !s.comma(a) && o-a <= 8 {
		t := s.toks[a]
		if t.kind == tokWord && (t.is(flagUpper) || s.verbAt(a)) || t.kind == tokStop || t.kind == tokQuote || s.inq[a] {
			return span{}, false
		}
		a--
	}
	if a < s.lo || !s.comma(a) || a+1 >= o || !determiners[s.word(a+1)] && !s.is(a+1, "a") && !s.is(a+1, "an") {
		return span{}, false
	}
	if a-1 < s.lo || s.toks[a-1].kind != tokWord || !s.toks[a-1].is(flagUpper) {
		return span{}, false
	}
	np := s.nounPhraseLeft(a - 1)
	return np, !np.empty()
}

// clausalAside handles an aside that holds a verb of its own but opens
// with "who", "which" or a participle: "Two diplomats, speaking on
// condition of anonymity because they were not authorised, said".
func (s *sentence) clausalAside(c int) span {
	for o := c - 1; o >= s.lo && c-o < 40; o-- {
		if s.inq[o] || s.toks[o].kind == tokStop || s.toks[o].kind == tokQuote {
			return span{}
		}
		if !s.comma(o) {
			continue
		}
		w := s.word(o + 1)
		if w != "who" && w != "which" && !strings.HasSuffix(w, "ing") || o-1 < s.lo || s.toks[o-1].kind != tokWord {
			continue
		}
		if np := s.nounPhraseLeft(o - 1); !np.empty() && s.timeEndingAt(o-1) < 0 {
			return np
		}
	}
	return span{}
}

// sourceRight reads a source after the verb: "said Kirby", "said the
// minister, adding". It returns the source and the token after it.
func (s *sentence) sourceRight(i int) (span, int) {
	i = s.skipTime(i)
	if i > s.last || s.toks[i].kind != tokWord {
		return span{}, i
	}
	w := s.word(i)
	if !s.toks[i].is(flagUpper) && !determiners[w] && w != "a" && w != "an" && !pronouns[w] && !quantifiers[w] {
		return span{}, i
	}
	if w == "that" && i+1 <= s.last && s.toks[i+1].kind == tokWord && (pronouns[s.word(i+1)] || determiners[s.word(i+1)]) {
		return span{}, i // "denies” reports that it sold": a clause, not a speaker
	}
	k := i
	for k <= s.last && k < i+12 && s.toks[k].kind == tokWord && !s.inq[k] {
		w := s.word(k)
		if k > i && (clauseWords[w] || w == "on" || w == "in" && (k+1 > s.last || !s.toks[k+1].is(flagUpper))) {
			break
		}
		if k > i && w == "of" && s.toks[k-1].is(flagUpper) && k+1 <= s.last && !s.toks[k+1].is(flagUpper) && (determiners[s.word(k+1)] || possessives[s.word(k+1)]) {
			// "said Marten of the decision to delay": what the name
			// spoke of is no part of it.
			next := k + 1
			for next <= s.last && next < k+24 && s.toks[next].kind == tokWord && !s.inq[next] {
				next++
			}
			if next <= s.last && !s.boundary(next) {
				return span{}, i
			}
			return s.tokSpan(i, k-1), next
		}
		k++
	}
	if k <= s.last && !s.boundary(k) {
		return span{}, i
	}
	for j := i + 1; j < k; j++ {
		if w := s.word(j); !s.toks[j].is(flagUpper) && (auxiliaries[w] || s.verbAt(j) || len(w) > 4 && strings.HasSuffix(w, "ed")) {
			return span{}, i
		}
	}
	return s.tokSpan(i, k-1), k
}

// shortNounPhrase collects the few words of a noun phrase ending at j,
// stopping at a preposition or a participle: "new information", not "based
// on new information".
func (s *sentence) shortNounPhrase(j int) span {
	k := j
	for k >= s.lo && k > j-5 && s.toks[k].kind == tokWord && !s.inq[k] {
		w := s.word(k)
		afterDeterminer := k-1 >= s.lo && determiners[s.word(k-1)] // "the accused government" is one phrase
		// A verb that issues a document ends its phrase whatever its
		// form: "put out a statement", "read a report".
		verb := strings.HasSuffix(w, "ed") || s.verbAt(k) || issuingVerbs[w] || issuingOutVerbs[w] || w == "out"
		if prepositions[w] || clauseWords[w] || k < j && verb && !afterDeterminer {
			break
		}
		k--
	}
	if k == j {
		return span{}
	}
	return s.tokSpan(k+1, j)
}

// notNounPhrase reports whether a subject found before a verb is no noun
// phrase: one ending in a preposition ("pushing back at reports"), or a
// verb's object after a modal ("will study the ruling on two men accused
// of fraud").
func (s *sentence) notNounPhrase(src span) bool {
	first, last := s.tokenAt(src.start), s.tokenAt(src.end)-1
	if last >= first && last < s.hi && s.toks[last].kind == tokWord && prepositions[s.word(last)] {
		return true
	}
	if first-1 < s.lo || s.toks[first].is(flagUpper) || s.toks[first-1].kind != tokWord {
		return false
	}
	switch s.word(first - 1) {
	case "will", "would", "can", "could", "should", "may", "might", "must", "shall", "to":
		return !determiners[s.word(first)] && !pronouns[s.word(first)]
	}
	return false
}

// relaySource reads the noun phrase a relay cue names, from token i: "two
// port officials", "people familiar with the matter", "Reuters". It runs
// to a clause boundary, a verb, "that" or "as", twelve words at most, and
// names a source when a word before its first preposition is a relay
// source ("officials", "media", "spokesman") or every such word is
// capitalised (a name); "safety concerns" names none. It returns the span
// and its last token, or an empty span.
func (s *sentence) relaySource(i int) (span, int) {
	j, named, head := i, true, false
	inHead := true
	for ; j <= s.last && j < i+12 && s.toks[j].kind == tokWord && !s.inq[j]; j++ {
		w := s.word(j)
		if j > i && (clauseWords[w] || w == "as" || s.verbAt(j) && !s.toks[j].is(flagUpper)) {
			break
		}
		if inHead && j > i && (prepositions[w] || w == "familiar" || w == "close") {
			inHead = false
		}
		if !inHead || determiners[w] || quantifiers[w] || s.toks[j].is(flagNumber) {
			continue
		}
		head = head || relaySources[w]
		named = named && s.toks[j].is(flagUpper)
	}
	if j == i || !head && !named {
		return span{}, 0
	}
	return s.tokSpan(i, j-1), j - 1
}

// spokesFor reports whether the "and" at token k joins the bodies after
// "spokespeople for" or "representatives of": "Spokespeople for the agency
// and the ministry". The preposition stands at most six words before k.
func (s *sentence) spokesFor(k int) bool {
	for p := k - 1; p > s.lo && p >= k-6 && s.toks[p].kind == tokWord && !s.inq[p]; p-- {
		if (s.is(p, "for") || s.is(p, "of")) && spokesGroups[s.word(p-1)] {
			return true
		}
	}
	return false
}

// withSubject returns the noun phrase between "with" and the participle at
// token i, "with government spokesman Ali Rabiei describing", or an empty
// span. The phrase is one to six words, none of them a verb.
func (s *sentence) withSubject(i int) span {
	for k := i - 1; k >= s.lo && k >= i-7 && s.toks[k].kind == tokWord && !s.inq[k]; k-- {
		if s.is(k, "with") {
			if k == i-1 {
				return span{}
			}
			return s.tokSpan(k+1, i-1)
		}
		if s.verbAt(k) || clauseWords[s.word(k)] {
			return span{}
		}
	}
	return span{}
}

// floatedList reads the subject that ends at token e before a floating
// "all" or "both": one noun phrase or a list of them joined by commas and
// "and" ("Halden's allies, the Varnesian government and Western
// officials"), at most six, stopping at a time phrase.
func (s *sentence) floatedList(e int) span {
	end, start := e, -1
	for n := 0; n < 6 && e >= s.lo && s.timeEndingAt(e) < 0; n++ {
		np := s.nounPhraseLeft(e)
		if np.empty() {
			break
		}
		start = s.tokenAt(np.start)
		q := start - 1
		for q >= s.lo && (s.comma(q) || s.is(q, "and")) {
			q--
		}
		if q == start-1 || q < s.lo || s.toks[q].kind != tokWord || s.inq[q] {
			break
		}
		e = q
	}
	if start < 0 {
		return span{}
	}
	return s.tokSpan(start, end)
}

// agent reads the noun phrase after the "by" of a passive verb, from token
// i: "the harbour master", "prosecutors", "the head of the port
// authority". It runs to a comma, a clause word, a preposition other than
// an "of" inside a name or before a determiner, or a verb, ten words at
// most, and names no time ("by Friday"). It returns the span and its last
// token, or an empty span.
func (s *sentence) agent(i int) (span, int) {
	if i > s.last || s.toks[i].kind != tokWord || s.inq[i] || s.skipTime(i) != i || s.timeWord(i) {
		return span{}, 0
	}
	j := i
	for ; j <= s.last && j < i+10 && s.toks[j].kind == tokWord && !s.inq[j]; j++ {
		w := s.word(j)
		if w == "of" && j > i && j+1 <= s.last && (s.toks[j+1].is(flagUpper) || determiners[s.word(j+1)]) {
			continue
		}
		if clauseWords[w] || prepositions[w] || s.verbAt(j) && !s.toks[j].is(flagUpper) || j > i && len(w) > 4 && strings.HasSuffix(w, "ed") && !s.toks[j].is(flagUpper) {
			break
		}
	}
	if j == i || determiners[s.word(j-1)] || s.is(j-1, "a") || s.is(j-1, "an") {
		return span{}, 0
	}
	return s.tokSpan(i, j-1), j - 1
}

// relativeThat reads "that" at token j as a relative pronoun whose
// antecedent is the noun phrase before it: "documents that indicated",
// "intelligence that indicates", "a crash that is presumed to". The word
// before "that" must be a noun, not a verb ("said that"), an auxiliary, a
// preposition or a pronoun. The antecedent runs left to a determiner, six
// words at most, and stops at a verb or a past participle ("falsified
// documents that" is "documents").
func (s *sentence) relativeThat(j int) (span, bool) {
	if !s.is(j, "that") || j-1 < s.lo || s.toks[j-1].kind != tokWord || s.inq[j-1] {
		return span{}, false
	}
	k := j - 1
	for ; k >= s.lo && k > j-7 && s.toks[k].kind == tokWord && !s.inq[k]; k-- {
		w := s.word(k)
		if prepositions[w] || clauseWords[w] || auxiliaries[w] || pronouns[w] || objectPronouns[w] ||
			s.verbAt(k) && !s.toks[k].is(flagUpper) || len(w) > 4 && strings.HasSuffix(w, "ed") && !s.toks[k].is(flagUpper) {
			break
		}
		if determiners[w] || w == "a" || w == "an" {
			k--
			break
		}
	}
	if k == j-1 || determiners[s.word(j-1)] || isAdverb(s.word(j-1)) {
		return span{}, false
	}
	return s.tokSpan(k+1, j-1), true
}
