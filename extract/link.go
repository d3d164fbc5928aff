package extract

import (
	"slices"
	"strings"
	"unicode"
)

// add takes a sentence's attributions: participles get the main clause's
// source, coordinated sources ("North Korea and Russia") split into one
// attribution each, a quotation that opened the paragraph picks up its
// earlier part, and each is resolved and dated.
func (x *extractor) add(m *matcher) {
	if len(m.out) == 0 {
		x.quoteGoesOn(m)
		return
	}
	x.lastDirect = -1
	first := x.found.len()
	for _, f := range m.out {
		if f.participle {
			f.source = m.mainSubject(m.tokenAt(f.cue.start))
			if f.source.empty() {
				continue
			}
		}
		x.prependOpenQuote(&f)
		f.said = x.dates.saidDate(&m.sentence, f, m.out)
		if n := x.found.len(); n > 0 && m.repeats(f.content) {
			// "said the same": the act of the statement repeated.
			f.act = x.found.at(n - 1).act
		}
		var one [1]span
		srcs := x.conjuncts(f.source, one[:0])
		if f.participle {
			// "X joined the US in accusing C": the US accuses too.
			if j := m.joinedParty(m.tokenAt(f.cue.start)); !j.empty() {
				srcs = x.conjuncts(j, srcs)
			}
		}
		var aliases [2]span
		switch {
		case len(srcs) == 2:
			x.pair = [2]span{srcs[0], srcs[1]}
		case !x.pair[0].empty() && x.bothOf(f.source):
			// "Both banks said", after "BDO and BPI": one each.
			srcs, aliases = []span{f.source, f.source}, x.pair
		case x.pair[0].empty() && (x.speakers.reg != nil && x.endsInPairNoun(f.source) || x.both(f.source)) && x.bothOf(f.source):
			// The cheap tests first: bothOf splits and lower-cases.
			// "Two of its lenders denied", with "BDO and BPI" named
			// together somewhere in the article, and no other pair.
			if x.speakers.reg != nil && x.endsInPairNoun(f.source) {
				if p, ok := x.articlePair(f.source); ok {
					srcs, aliases = []span{f.source, f.source}, p
					break
				}
			}
			// "Halden Bank and Orvik Bank examined the ledgers. Both
			// concluded ...": the two names that opened the sentence
			// before.
			if p, ok := x.openingPair(m.lo); ok && x.both(f.source) {
				srcs, aliases = []span{f.source, f.source}, p
			}
		case len(srcs) > 2:
			x.pair = [2]span{}
		}
		for n, src := range srcs {
			g := f
			if n > 0 {
				g.content = slices.Clone(f.content)
			}
			g.source = src
			if !aliases[n%2].empty() {
				g.alias = aliases[n%2]
			}
			x.found.push(g)
			if r, ok := m.lastRegion(); ok && r.unclosed && len(g.content) > 0 && g.content[len(g.content)-1].end == x.toks[r.hi].end {
				x.openQuote = x.found.len() - 1
			}
			if g.form == FormDirect && n == 0 {
				x.lastDirect = x.found.len() - 1
			}
		}
	}
	x.relays(first)
}

// bothOf reports whether a source refers to the two names last
// coordinated: "both", "both banks", "the two banks", "two of its
// lenders", or "they" when the latest attribution is the pair's.
func (x *extractor) bothOf(s span) bool {
	// The words are read one by one, lower-cased into a buffer on the
	// stack, not split and lowered into new strings: bothOf runs for every
	// attribution once an article has named a pair.
	var (
		buf         [32]byte
		n, two      = 0, -1
		first, last string // as written
		firstIsThe  bool
	)
	for w := range strings.FieldsSeq(x.text[s.start:s.end]) {
		lw := string(appendLower(buf[:0], w)) // a fresh copy only past 32 bytes
		if n == 0 {
			first, firstIsThe = w, lw == "the"
		}
		if two < 0 && n <= 3 && !possessives[lw] && lw != "of" && lw == "two" {
			two = n
		}
		last = w
		n++
	}
	lower := func(w string) string { return string(appendLower(buf[:0], w)) }
	switch {
	case n == 0:
		return false
	case n == 1 && lower(first) == "they":
		k := x.found.len()
		return k > 0 && (x.found.at(k-1).source == x.pair[1] || x.found.at(k-1).alias == x.pair[1])
	case lower(first) == "both":
		return true
	case firstIsThe && n <= 4 && pairNouns[lower(last)]:
		// "the local lenders", "the lenders": a description of the
		// pair's kind.
		return true
	case two >= 0:
		return (two == 0 || firstIsThe) && strings.HasSuffix(lower(last), "s")
	}
	return false
}

// endsInPairNoun reports whether a source ends in a plural noun for
// parties ("lenders"), without allocating: most sources do not, and
// bothOf need not read them.
func (x *extractor) endsInPairNoun(s span) bool {
	text := strings.TrimRight(x.text[s.start:s.end], " ")
	w := text[strings.LastIndexByte(text, ' ')+1:]
	var buf [32]byte
	if len(w) > len(buf) {
		return false
	}
	return pairNouns[string(appendLower(buf[:0], w))]
}

// relays links each attribution of the sentence just added (from index
// first on) to the one whose content holds its cue, the nearest one: in
// "The ministry denied the report, KCNA said", the denial came through
// KCNA.
func (x *extractor) relays(first int) {
	for i := first; i < x.found.len(); i++ {
		g := x.found.at(i)
		g.via = -1
		if !g.relay.empty() {
			// "the agency, citing two officials, reported": the
			// officials' statement came through the agency.
			for j := first; j < x.found.len(); j++ {
				if x.found.at(j).cue == g.relay {
					g.via = j
					break
				}
			}
			continue
		}
		best := -1
		for j := first; j < x.found.len(); j++ {
			h := x.found.at(j)
			if j == i || h.cue == g.cue || h.source == g.source || !h.holds(g.cue) {
				continue
			}
			if best < 0 || h.contentLen() < x.found.at(best).contentLen() {
				best = j
			}
		}
		if best >= 0 {
			// The first of the conjuncts that share a cue stands for them.
			for best > first && x.found.at(best-1).cue == x.found.at(best).cue {
				best--
			}
			g.via = best
		}
	}
}

// quoteGoesOn gives a sentence that is only a quotation, right after a
// direct quotation in the same paragraph, to that quotation's speaker:
// “We deny it,” Peskov said. “It is a lie.”
func (x *extractor) quoteGoesOn(m *matcher) {
	if x.lastDirect < 0 || x.lastDirect >= x.found.len() {
		return
	}
	r, ok := m.regionStartingAt(m.lo)
	if !ok || r.unclosed || r.hi < m.last {
		x.lastDirect = -1 // narration ends the speaker's turn
		return
	}
	q := span{x.toks[r.lo].start, x.toks[r.hi].end}
	// Every conjunct of the attribution gets the quotation.
	for k := x.lastDirect; k < x.found.len() && x.found.at(k).cue == x.found.at(x.lastDirect).cue; k++ {
		f := x.found.at(k)
		f.content = append(f.content, q)
	}
}

// prependOpenQuote gives a direct quotation that opens its paragraph the
// part of it in the paragraph before: “A, (new paragraph) “B,” he said.
func (x *extractor) prependOpenQuote(f *found) {
	if x.prevOpen.empty() || len(f.content) == 0 || len(x.regs) == 0 || x.regs[0].lo != 0 {
		return
	}
	if f.content[0].start != x.toks[0].start {
		return
	}
	if x.openQuote >= 0 && x.openQuote < x.found.len() {
		return // already carried by an earlier attribution
	}
	f.content = append([]span{x.prevOpen}, f.content...)
}

// conjuncts splits a coordinated source, "both North Korea and Russia", into
// its names; any other source comes back alone. The names are appended to
// buf, which the caller passes on its stack: most sources are alone.
func (x *extractor) conjuncts(s span, buf []span) []span {
	if s.empty() {
		return append(buf, s)
	}
	text := x.text[s.start:s.end]
	if !strings.Contains(text, " and ") && !strings.Contains(text, " nor ") {
		return append(buf, s)
	}
	// A name the registry knows whole ("Bosnia and Herzegovina") is one.
	if x.speakers.reg != nil {
		if _, ok := x.speakers.reg.Resolve(text); ok {
			return append(buf, s)
		}
	}
	out := buf
	start := s.start
	if len(text) > 5 && eqFold(text[:5], "both ") {
		start += 5
	}
	if len(text) > 8 && eqFold(text[:8], "neither ") {
		start += 8
	}
	// "Spokespeople for the agency and the ministry": each body speaks.
	if head, rest, ok := strings.Cut(text, " "); ok && spokesGroups[strings.ToLower(head)] {
		if prep, _, ok := strings.Cut(rest, " "); ok && (prep == "for" || prep == "of") {
			start += len(head) + len(prep) + 2
		}
	}
	cut := func(i, width int) {
		out = append(out, span{start, i})
		start = i + width
	}
	for i := start; i < s.end; i++ {
		switch {
		case i+5 <= s.end && (x.text[i:i+5] == " and " || x.text[i:i+5] == " nor "):
			cut(i, 5)
		case x.text[i] == ',' && i+1 < s.end && x.text[i+1] == ' ':
			if i+6 <= s.end && x.text[i:i+6] == ", and " {
				cut(i, 6)
				i += 5
			} else {
				cut(i, 2)
			}
		}
	}
	out = append(out, span{start, s.end})
	for i, o := range out {
		// "Ministers from France and Germany", "the Ministry of Oceans and
		// Fisheries": a preposition makes the whole one speaker; the last
		// name may hold one ("Halden and the Bank of Orvik").
		if o.empty() || i < len(out)-1 && hasPreposition(x.text[o.start:o.end]) {
			return []span{s}
		}
	}
	// An aside after a name is no name of its own: "Halden Bank, the
	// largest lender, and Orvik Bank"; but before a floating "all" or
	// "both" every part is a name ("the port, the coastguard and the navy
	// all said").
	floated := false
	n := 0
	for w := range strings.FieldsSeq(x.text[s.end:min(len(x.text), s.end+40)]) {
		if n++; n > 3 {
			break
		}
		floated = floated || eqFold(w, "all") || eqFold(w, "both") // "the navy (have) all said"
	}
	names := out[:1]
	for i, o := range out[1:] {
		if floated || i+2 == len(out) || hasCapital(x.text[o.start:o.end]) {
			names = append(names, o)
		}
	}
	return names
}

// hasCapital reports whether a phrase holds an upper-case letter.
func hasCapital(phrase string) bool {
	return strings.ContainsFunc(phrase, unicode.IsUpper)
}

// hasPreposition reports whether a phrase holds a preposition word.
func hasPreposition(phrase string) bool {
	for w := range strings.FieldsSeq(phrase) {
		if prepositions[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// joinedParty returns the party joined in "X joined the US in accusing
// C", "were among those to join Britain in condemning", "joined the allies
// by formally blaming": the participle at i, after "in" or "by" and
// adverbs, follows a form of "join" and its object, who speaks too. It
// returns the zero span when the words are not there.
func (m *matcher) joinedParty(i int) span {
	p := i - 1
	for p > m.lo && m.toks[p].kind == tokWord && isAdverb(m.word(p)) {
		p--
	}
	if p <= m.lo || !m.is(p, "in") && !m.is(p, "by") {
		return span{}
	}
	for j := p - 2; j >= m.lo && j >= p-9; j-- {
		if m.inq[j] || m.toks[j].kind != tokWord && !m.comma(j) {
			return span{}
		}
		switch m.word(j) {
		case "join", "joins", "joined", "joining":
			return m.tokSpan(j+1, p-1)
		}
	}
	return span{}
}

// mainSubject finds the source of a participle clause ("..., urging the
// country to"): the sentence's latest attribution source before it, or else
// the nearest noun phrase before it that stands before a verb ("Putin and
// Kim exchanged letters, pledging").
func (m *matcher) mainSubject(i int) span {
	if s := m.previousSource(i); !s.empty() {
		return s
	}
	for k := i - 2; k > m.lo; k-- {
		if m.inq[k] || m.toks[k].kind != tokWord || m.toks[k].is(flagUpper) {
			continue
		}
		w := m.word(k)
		if (!auxiliaries[w] || isAdverb(w) || prepositions[w]) && !m.verbAt(k) && (len(w) <= 4 || !strings.HasSuffix(w, "ed")) {
			continue
		}
		if m.comma(k - 1) {
			// "Diokno, for his part, tried to ..., reiterating": the
			// subject before an aside.
			if sp := m.subject(k); !sp.src.empty() && !sp.relative {
				return sp.src
			}
			continue
		}
		if m.toks[k-1].kind != tokWord {
			continue
		}
		p := k - 1
		pw := m.word(p)
		if auxiliaries[pw] || determiners[pw] || prepositions[pw] || clauseWords[pw] || isAdverb(pw) {
			continue
		}
		if np := m.nounPhraseLeft(p); !np.empty() {
			return np
		}
	}
	return span{}
}

// unquoteDangling reads a quotation left open at the end of a paragraph as
// not quoted when the next paragraph does not open one: the closing mark
// was lost ("“We never bought a shell, he said. Kirby said ..."), and the
// rest of the paragraph is not the quoted speaker's. A quotation that runs
// on into a paragraph opening with a quotation mark stays open.
func (x *extractor) unquoteDangling(b Block) {
	n := len(x.regs)
	if n == 0 || !x.regs[n-1].unclosed {
		return
	}
	k := b.End
	for k < len(x.text) {
		r, w := decode(x.text, k)
		if !isSpace(r) {
			break
		}
		k += w
	}
	if k < len(x.text) {
		if r, _ := decode(x.text, k); r == '“' || r == '"' || r == '«' || r == '„' {
			return
		}
	}
	r := x.regs[n-1]
	for i := r.lo; i <= r.hi; i++ {
		x.inq[i] = false
	}
	x.regs = x.regs[:n-1]
}

// continueQuote handles a quotation that runs over paragraphs: when the
// previous paragraph ended inside a quotation and this one opens with a
// quotation mark, this paragraph's first quotation continues the content of
// the attribution that holds the earlier part.
func (x *extractor) continueQuote() {
	if x.prevOpen.empty() || len(x.toks) == 0 || x.toks[0].kind != tokQuote || len(x.regs) == 0 || x.regs[0].lo != 0 {
		x.openQuote = -1
		return
	}
	if x.openQuote < 0 {
		return
	}
	r := x.regs[0]
	f := x.found.at(x.openQuote)
	f.content = append(f.content, span{x.toks[r.lo].start, x.toks[r.hi].end})
	if !r.unclosed {
		x.openQuote = -1
	}
}

// endBlock remembers whether the block ended inside a quotation.
func (x *extractor) endBlock() {
	x.prevOpen = span{}
	if n := len(x.regs); n > 0 && x.regs[n-1].unclosed {
		r := x.regs[n-1]
		x.prevOpen = span{x.toks[r.lo].start, x.toks[r.hi].end}
		return
	}
	x.openQuote = -1
}

// repeats reports whether a content only points back at what was said
// before: "the same", "much the same", "the same thing".
func (s *sentence) repeats(content []span) bool {
	if len(content) != 1 {
		return false
	}
	var arr [5]string
	ws := s.leadingWords(content[0], arr[:])
	if len(ws) > 0 && ws[0] == "much" {
		ws = ws[1:]
	}
	if len(ws) > 0 && ws[len(ws)-1] == "thing" {
		ws = ws[:len(ws)-1]
	}
	return len(ws) == 2 && ws[0] == "the" && ws[1] == "same"
}

// both reports whether a source opens with "both" or "the two": "Both",
// "both banks", "the two lenders".
func (x *extractor) both(s span) bool {
	text := x.text[s.start:s.end]
	return eqFold(text, "both") || len(text) > 5 && eqFold(text[:5], "both ") || len(text) > 8 && eqFold(text[:8], "the two ")
}

// openingPair returns the two names that open the block's sentence before
// the one starting at token lo as its subject, "Halden Bank and Orvik Bank
// examined the ledgers": a capitalised run, "and", a capitalised run, and a
// word in lower case. The runs may hold "of" and "the" ("the Bank of
// Orvik").
func (x *extractor) openingPair(lo int) ([2]span, bool) {
	prev := -1
	for _, s := range x.sents {
		if s[1] == lo {
			prev = s[0]
		}
	}
	if prev < 0 {
		return [2]span{}, false
	}
	a, j := x.capRun(prev, lo)
	if a.empty() || j >= lo || x.toks[j].kind != tokWord || !eqFold(x.text[x.toks[j].start:x.toks[j].end], "and") {
		return [2]span{}, false
	}
	b, e := x.capRun(j+1, lo)
	if b.empty() || e >= lo || x.toks[e].kind != tokWord || x.toks[e].is(flagUpper) {
		return [2]span{}, false
	}
	return [2]span{a, b}, true
}

// capRun returns the run of capitalised words from token i, before token
// hi, with "of", "the" and "for" inside it and "the" before it, and the
// token after it.
func (x *extractor) capRun(i, hi int) (span, int) {
	j, last := i, -1
	if j < hi && x.toks[j].kind == tokWord && eqFold(x.text[x.toks[j].start:x.toks[j].end], "the") {
		j++ // "the Bank of Orvik"
	}
	for ; j < hi && x.toks[j].kind == tokWord; j++ {
		t := x.toks[j]
		if t.is(flagUpper) {
			last = j
			continue
		}
		if !connectors[strings.ToLower(x.text[t.start:t.end])] || last < 0 {
			break
		}
	}
	if last < 0 {
		return span{}, i
	}
	return span{x.toks[i].start, x.toks[last].end}, last + 1
}
