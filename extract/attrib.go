package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
)

// span is a byte range of the original text.
type span struct{ start, end int }

func (s span) empty() bool { return s.end <= s.start }

// found is an attribution as the matcher finds it, before its speaker is
// resolved: byte spans, the act, and the hints for factuality and
// confidence.
type found struct {
	source    span
	cue       span
	content   []span
	form      Form
	act       claim.Act
	certainty claim.Certainty // from the cue word itself
	hedge     claim.Certainty // from hedges around it
	// participle marks "..., urging ...": its source is the main clause's.
	// It and embedded sit with the one-byte fields, so that a found, kept
	// for every attribution of a call, takes no padding for them.
	participle bool
	// embedded marks a source inside another clause ("a report alleging
	// that"), which a participle later in the sentence does not take.
	embedded   bool
	confidence float64
	said       claim.Date
	// via is the index in the extractor's found of the attribution whose
	// content holds this one's cue, or -1.
	via int
	// alias is a name given beside the source, which names the speaker
	// better: "the minister, Anton Relic,".
	alias span
	// rule names the rule that found the attribution: see Candidate.Rule.
	// It points at the name in the rule's table, which takes half the
	// room of a string in a found, kept for every attribution of a call.
	rule *string
}

// matcher finds attributions in one sentence of a block.
type matcher struct {
	x    *extractor
	text string
	toks []token  // the block's tokens
	inq  []bool   // which tokens are inside quotations
	lows []string // lower-case forms of the block's words, filled by word
	// lowBuf and lowEnds are scratch for lowerSentence.
	lowBuf  []byte
	lowEnds []lowEnd
	lex     []uint8 // the lexicon flags of the block's words, filled by run
	// ents are the lexicon entries of the block's words, or nil, filled
	// by run with lex.
	ents []*lexEntry
	regs []region
	lo   int // the sentence, toks[lo:hi]
	hi   int
	// last is the sentence's final index before a closing full stop.
	last int
	// heading is true in a headline or section heading.
	heading bool
	// dates are the sentence's time phrases resolved so far.
	dates []dateMemo
	out   []found
}

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

// word returns the lower-case form of a word token of the sentence, or ""
// for any other token. lowerSentence works out every word's form when run
// starts on the sentence: a word already in lower case is a slice of the
// text, and the others share one string.
func (m *matcher) word(i int) string {
	if i < m.lo || i >= m.hi || m.toks[i].kind != tokWord {
		return ""
	}
	return m.lows[i]
}

// lowerSentence sets the lower-case forms of all the sentence's words,
// those that are not their own from one string: one allocation per
// sentence rather than one per capitalised word. Every word of the
// sentence is set, so the block's slice needs no clearing: word reads
// no other index.
func (m *matcher) lowerSentence() {
	buf, ends := m.lowBuf[:0], m.lowEnds[:0]
	for i := m.lo; i < m.hi; i++ {
		t := m.toks[i]
		if t.kind != tokWord {
			continue
		}
		if w := m.text[t.start:t.end]; isLowerASCII(w) {
			m.lows[i] = w
		} else {
			buf = appendLower(buf, w)
			ends = append(ends, lowEnd{i, len(buf)})
		}
	}
	m.lowBuf, m.lowEnds = buf, ends
	if len(ends) == 0 {
		return
	}
	all, start := string(buf), 0
	for _, e := range ends {
		m.lows[e.tok], start = all[start:e.end], e.end
	}
}

// lowEnd is where a word's lower-case form ends in lowerSentence's buffer.
type lowEnd struct{ tok, end int }

// isLowerASCII reports whether w has no upper-case letter and no byte
// outside ASCII, so that it is its own lower-case form.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
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
	m.dates = m.dates[:0]
	m.last = m.hi - 1
	for m.last >= m.lo && m.toks[m.last].kind == tokStop {
		m.last--
	}
	m.lowerSentence()
	// One lookup per word gives its flags, quoted words included, which
	// the content readers use; most words are in no table at all.
	// Every token of the sentence is set, words or not, so the block's
	// slices need no clearing: the readers look at no token past the
	// sentence, and the block's earlier sentences were set before it.
	for i := m.lo; i < m.hi; i++ {
		m.ents[i], m.lex[i] = nil, 0
		if m.toks[i].kind == tokWord {
			if e := lookup(m.lows[i]); e != nil {
				m.ents[i], m.lex[i] = e, e.flags
			}
		}
	}
	for i := m.lo; i < m.hi; i++ {
		if m.lex[i]&lexStarter == 0 {
			continue
		}
		// In a quotation only an attribution noun with its clause is read:
		// “The first report is that no fuel was lost,” he said.
		quoted := m.inq[i]
		if quoted && !(m.is(i+1, "that") || (m.is(i+1, "is") || m.is(i+1, "was")) && m.is(i+2, "that")) {
			continue
		}
		entries := m.ents[i].cues
		for k := range rules {
			if quoted && rules[k].class != cueNoun {
				continue
			}
			if last, ok := rules[k].apply(m, i, entries); ok {
				// "expressed concern": "concern" is not a cue of its own.
				i = max(i, last)
				break
			}
		}
	}
}

// lastCueEnd returns the last token of the cue just found, and past it the
// adjunct a verb takes before its content ("said in a statement on
// Monday"), whose words are not cues of their own.
func (m *matcher) lastCueEnd() int {
	f := m.out[len(m.out)-1]
	k := m.tokenAt(f.cue.start)
	for k+1 < m.hi && m.toks[k+1].end <= f.cue.end {
		k++
	}
	if len(f.content) > 0 && f.content[0].start > f.cue.end {
		for k+1 < m.hi && m.toks[k+1].end <= f.content[0].start {
			k++
		}
	}
	return k
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

// verb matches a reporting verb at token i, its source found by the
// verbSources table.
func (m *matcher) verb(i int, r *rule, e cueWord) (int, bool) {
	if m.determinerBefore(i) {
		return i, false // "the alleged shipments", "a warning": not a verb
	}
	w := m.word(i)
	// A capitalised cue inside a sentence is part of a name ("the United
	// States"), except in a heading, where every word is capitalised.
	if m.toks[i].is(flagUpper) && i != m.lo && !m.heading && m.toks[i-1].kind == tokWord {
		return i, false
	}
	if e.base && !m.baseFormFits(i) || m.nounCompound(i, w) {
		return i, false
	}
	if m.passive(i) || m.negated(i) {
		return i, false
	}
	act, cueEnd, ok := m.phrasal(i, w, e.act)
	if !ok {
		return i, false
	}
	v := verbMatch{i: i, cueEnd: cueEnd, e: e, c: m.contentStart(cueEnd+1, e.tell), f: r.found(m.tokSpan(i, cueEnd))}
	v.f.act, v.f.certainty = act, e.certainty
	if e.weak {
		v.f.confidence -= 0.15
	}
	verdict := sourceNext
	for k := 0; k < len(verbSources) && verdict == sourceNext; k++ {
		if v, verdict = verbSources[k].find(m, v); verdict == sourceFound {
			v.f.rule = &verbSources[k].name
		}
	}
	if verdict != sourceFound {
		return i, false
	}
	f := v.f
	f.content = m.contents(i, v.c, f.source, v.srcRight)
	if v.relative {
		f.content = m.untilComma(f.content) // "the firm, which denied wrongdoing, would appeal"
	}
	if len(f.content) == 0 && act != claim.ActDeclineComment {
		return i, false
	}
	f.form = m.form(f.content)
	if f.form == FormDirect {
		f.confidence += 0.1
	}
	m.hedges(&f, i)
	m.refineAct(&f)
	if f.act == claim.ActDeny && lemmaOf(m.word(i)) != "deny" && m.claimOpens(f.content) {
		// "dismissed the notion", "called the criticism unfair": what is
		// denied is an opinion, which is rejected. A claim of fact
		// ("dismissed the reports", "called the allegations absurd") is
		// denied, and so is anything "denied".
		f.act = claim.ActReject
	}
	m.out = append(m.out, f)
	return m.lastCueEnd(), true
}

// claimOpens reports whether a content opens with a noun phrase whose
// head is an opinion: "the notion", "the union's criticism was".
func (m *matcher) claimOpens(content []span) bool {
	if len(content) == 0 {
		return false
	}
	k := m.tokenAt(content[0].start)
	if k < m.hi && m.toks[k].kind == tokQuote {
		return false // a quotation says more than its subject
	}
	for n := 0; k < m.hi && m.toks[k].end <= content[0].end && n < 5; k, n = k+1, n+1 {
		if m.toks[k].kind != tokWord {
			if m.toks[k].kind == tokPunct && m.text[m.toks[k].start] == '-' {
				continue
			}
			return false
		}
		w := m.word(k)
		if opinionObjects[w] {
			return true
		}
		if n > 0 && (auxiliaries[w] || clauseWords[w] || prepositions[w] || m.verbAt(k)) {
			return false
		}
	}
	return false
}

// contents finds a verb's content: a quotation just before the source or
// the verb (“Q1,” he said, with “Q2” after it), the two halves around a
// parenthetical source ("The records, she noted, match"), the words after
// the verb, or failing those the words before the source.
func (m *matcher) contents(i, c int, src span, srcRight bool) []span {
	first := i
	if !src.empty() && !srcRight {
		first = m.tokenAt(src.start)
	}
	if srcRight {
		left := m.contentLeft(i, span{})
		if q := m.quoteAfter(c); !q.empty() && len(left) > 0 {
			left = append(left, q)
		}
		return left
	}
	if q := m.quoteBefore(first); !q.empty() {
		out := []span{q}
		if q2 := m.quoteAfter(c); !q2.empty() {
			out = append(out, q2)
		}
		return out
	}
	if m.comma(c) && m.comma(first-1) && first-2 >= m.lo {
		// "Several of the records, she noted, match the data."
		out := []span{m.tokSpan(m.lo, first-2)}
		return append(out, m.contentRight(c+1)...)
	}
	if right := m.contentRight(c); len(right) > 0 && !m.onlyTrailer(c) && !m.commaNoContent(c) {
		return right
	}
	// "..., the minister said." The content stands before the source.
	if (m.comma(c) || c > m.last || m.toks[c].kind == tokStop) && first-1 >= m.lo && (m.comma(first-1) || m.toks[first-1].kind == tokQuote) {
		left := m.contentLeft(i, src)
		if q := m.quoteAfter(c); !q.empty() && len(left) > 0 {
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
func (m *matcher) commaNoContent(c int) bool {
	if !m.comma(c) {
		return false
	}
	for k := c + 1; k <= m.last && k <= c+7; k++ {
		if m.toks[k].kind == tokQuote {
			return false
		}
		if m.comma(k) {
			return !(m.is(k+1, "that") || k+1 <= m.last && m.toks[k+1].kind == tokQuote)
		}
	}
	return true
}

// phrasal reads the words a verb takes with it ("called on", "expressed
// concern", "cast doubt on", "claimed responsibility") and returns the act,
// the cue's last token, and false when the verb is not a cue here ("a group
// called X").
func (m *matcher) phrasal(i int, w string, act claim.Act) (claim.Act, int, bool) {
	switch lemmaOf(w) {
	case "call":
		if m.is(i+1, "on") || m.is(i+1, "for") || m.is(i+1, "upon") {
			return claim.ActUrge, i + 1, true
		}
		// "called it a fake", "called the report groundless".
		for k := i + 1; k <= m.last && k < i+9; k++ {
			if m.toks[k].kind == tokWord && dismissals[m.word(k)] {
				return claim.ActDeny, i, true
			}
		}
		// "called the seizure 'an act of piracy'", "called the move a
		// provocation": an object, then what it is called, in quotation
		// marks or with "a"; not "called a meeting". Calling what a
		// party did so accuses it; calling a claim so denies it ("called
		// the report 'a smear'"). A pronoun ("calling them 'invention'")
		// does not say which it is.
		if m.toks[i+1].kind != tokWord || m.is(i+1, "a") || m.is(i+1, "an") || m.is(i+1, "for") || m.toks[i+1].is(flagUpper) || objectPronouns[m.word(i+1)] {
			return act, i, false
		}
		for k := i + 2; k <= m.last && k < i+8; k++ {
			if m.toks[k].kind == tokQuote || m.is(k, "a") || m.is(k, "an") {
				if claimObjects[m.word(k-1)] {
					return claim.ActDeny, i, true
				}
				return claim.ActAccuse, i, true
			}
			if m.toks[k].kind != tokWord || m.is(k, "to") || m.is(k, "for") || m.is(k, "on") {
				break
			}
		}
		return act, i, false
	case "express", "voice", "raise":
		k := i + 1
		for k <= m.last && k < i+5 && (intensifiers[m.word(k)] || m.toks[k].kind == tokQuote) {
			k++
		}
		switch o := m.word(k); {
		case concernObjects[o]:
			return claim.ActConcern, k, true
		case rejectObjects[o]:
			// "expressed its protest", "voiced strong dissatisfaction".
			return claim.ActReject, k, true
		case doubtObjects[o]:
			return claim.ActQuestion, k, true
		case stanceObjects[o]:
			return claim.ActAssert, k, true
		}
		return claim.ActAssert, i, lemmaOf(w) == "express"
	case "caution":
		// "cautioned against" warns; "cautioned that" only asserts.
		if !m.is(i+1, "against") {
			return claim.ActAssert, i, true
		}
	case "cast":
		if m.is(i+1, "doubt") {
			if m.is(i+2, "on") || m.is(i+2, "over") || m.is(i+2, "upon") {
				return claim.ActQuestion, i + 2, true
			}
			return claim.ActQuestion, i + 1, true
		}
		return act, i, false
	case "hit", "push":
		// "hits back at the critics", "pushing back at reports": a
		// rejection; "hit" or "push" alone is no cue.
		if !m.is(i+1, "back") {
			return act, i, false
		}
		if m.is(i+2, "at") || m.is(i+2, "against") {
			return claim.ActReject, i + 2, true
		}
		return claim.ActReject, i + 1, true
	case "post":
		// "posted on X", "posted on its Telegram channel"; not "a
		// statement posted online", nor "the Harbour Post".
		k := i + 2
		if possessives[m.word(k)] || m.is(k, "the") {
			k++
		}
		if !m.is(i+1, "on") || !platforms[m.word(k)] || postedThings[m.word(i-1)] || m.toks[i].is(flagUpper) {
			return act, i, false
		}
		if platformNouns[m.word(k+1)] {
			k++
		}
		return act, k, true
	case "rule":
		// "ruled out any involvement": a denial.
		if m.is(i+1, "out") {
			return claim.ActDeny, i + 1, true
		}
	case "claim":
		if m.is(i+1, "responsibility") || m.is(i+1, "credit") {
			return claim.ActAdmit, i, true
		}
	case "ask":
		if m.is(i+1, "whether") || m.is(i+1, "if") || m.is(i+1, "about") {
			return claim.ActQuestion, i, true
		}
		if i == m.lo || m.is(i-1, "when") || m.is(i-1, "if") {
			return act, i, false // "Asked whether ...": the reporter asks
		}
	}
	return act, i, true
}

// baseFormFits reports whether a verb in its base form ("say", "deny")
// stands where a base form can be a finite verb: after "to", a modal, a
// plural subject or "I", "we", "they", "you", or anywhere in a heading.
func (m *matcher) baseFormFits(i int) bool {
	if m.heading {
		return true
	}
	p := i - 1
	for p >= m.lo && m.toks[p].kind == tokWord && isAdverb(m.word(p)) {
		p--
	}
	if p < m.lo || m.toks[p].kind != tokWord {
		return false
	}
	w := m.word(p)
	switch {
	case w == "to":
		return !m.is(p-1, "according") && !m.is(p-1, "due") // "according to state media"
	case baseFormOpeners[w]:
		return true
	}
	return strings.HasSuffix(w, "s") && !hasPossessive(w) && !determiners[w]
}

// nounCompound reports whether a cue ending in -s is the head of a noun
// phrase rather than a verb: "its member states", "the range estimates",
// "urged member states".
func (m *matcher) nounCompound(i int, w string) bool {
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || m.heading {
		return false
	}
	p := i - 1
	if p <= m.lo || m.toks[p].kind != tokWord || m.toks[p].is(flagUpper) {
		return false
	}
	pw := m.word(p)
	if auxiliaries[pw] || isAdverb(pw) || clauseWords[pw] || pronouns[pw] {
		return false
	}
	pp := m.word(p - 1)
	if !(determiners[pp] || prepositions[pp] || m.verbAt(p-1) || pp == "a" || pp == "an") {
		return false
	}
	// A verb takes its content next; a noun is followed by the sentence's
	// verb or a preposition: "the range estimates were", "member states to".
	n := i + 1
	if n > m.last || m.boundary(n) {
		return true
	}
	nw := m.word(n)
	return auxiliaries[nw] && !isAdverb(nw) || prepositions[nw] || nw == "as"
}

// passive reports whether the verb at i is a passive participle: "was
// denied entry", "were not disclosed".
func (m *matcher) passive(i int) bool {
	w := m.word(i)
	if strings.HasSuffix(w, "ing") {
		return false
	}
	for k := i - 1; k >= m.lo && k >= i-4 && m.toks[k].kind == tokWord; k-- {
		v := m.word(k)
		if isBe(v) {
			return !m.is(i+1, "that")
		}
		if !auxiliaries[v] && !isAdverb(v) {
			return false
		}
	}
	return false
}

// negated reports whether the verb at i is negated: "did not say",
// "stopped short of blaming", "refrained from accusing".
func (m *matcher) negated(i int) bool {
	if (m.is(i-1, "of") || m.is(i-1, "from")) && holdBack[m.word(i-2)] {
		return true
	}
	for k := i - 1; k >= m.lo && k >= i-3 && m.toks[k].kind == tokWord; k-- {
		v := m.word(k)
		if v == "not" || v == "n't" || v == "never" {
			return true
		}
		if !auxiliaries[v] && !isAdverb(v) {
			return false
		}
	}
	return false
}

// untilComma cuts a content at its first comma outside quotations.
func (m *matcher) untilComma(content []span) []span {
	if len(content) == 0 {
		return content
	}
	c := content[0]
	for k := m.tokenAt(c.start); k < m.hi && m.toks[k].end <= c.end; k++ {
		if m.comma(k) && !m.inq[k] && k > m.tokenAt(c.start) {
			return []span{{c.start, m.toks[k-1].end}}
		}
	}
	return content
}

// afterComma returns the content that follows the verb at i when the verb
// is not the last word of its sentence: a verb right after a comma with
// content of its own coordinates with the verb before.
func (m *matcher) afterComma(i int) []span {
	c := m.contentStart(i+1, false)
	if c > m.last || m.comma(c) {
		return nil
	}
	return m.contentRight(c)
}

// previousSource returns the source of the sentence's latest attribution
// before token i, for a verb coordinated with it.
func (m *matcher) previousSource(i int) span {
	for k := len(m.out) - 1; k >= 0; k-- {
		if m.out[k].cue.start < m.toks[i].start && !m.out[k].source.empty() && !m.out[k].embedded {
			return m.out[k].source
		}
	}
	return span{}
}

// tokenAt returns the index of the sentence token that starts at or after
// byte offset off.
func (m *matcher) tokenAt(off int) int {
	for k := m.lo; k < m.hi; k++ {
		if m.toks[k].start >= off {
			return k
		}
	}
	return m.hi
}

// quoteBefore returns the quotation that ends just before token k, with a
// comma between or not: the “...,” of “...,” he said.
func (m *matcher) quoteBefore(k int) span {
	p := k - 1
	if m.comma(p) {
		p--
	}
	if p < m.lo || m.toks[p].kind != tokQuote {
		return span{}
	}
	if r, ok := m.regionEndingAt(p); ok && !r.unclosed {
		return m.tokSpan(r.lo, r.hi)
	}
	return span{}
}

// regionEndingAt returns the quotation whose closing mark is token p. The
// regions are in text order and do not overlap, so a binary search finds it.
func (m *matcher) regionEndingAt(p int) (region, bool) {
	k, _ := slices.BinarySearchFunc(m.regs, p, func(r region, p int) int { return cmp.Compare(r.hi, p) })
	if k < len(m.regs) && m.regs[k].hi == p {
		return m.regs[k], true
	}
	return region{}, false
}

// regionStartingAt returns the quotation whose opening mark is token i.
func (m *matcher) regionStartingAt(i int) (region, bool) {
	k, _ := slices.BinarySearchFunc(m.regs, i, func(r region, i int) int { return cmp.Compare(r.lo, i) })
	if k < len(m.regs) && m.regs[k].lo == i {
		return m.regs[k], true
	}
	return region{}, false
}

// refineAct reads the content for what the verb leaves open: a dismissal
// makes an assertion a denial ("said the reports were a fabrication"), a
// refusal to say makes it a non-response ("I'm not going to speculate"),
// and the speaker's own "will" or "would" makes it a pledge.
func (m *matcher) refineAct(f *found) {
	if len(f.content) == 0 || !(f.act == claim.ActAssert || f.act == claim.ActPledge) {
		return
	}
	kinds, first := m.phrasesIn(f.content)
	switch {
	case kinds&phraseThreatIdiom != 0 || kinds&phraseThreat != 0 && (kinds&phraseFuture != 0 || f.act == claim.ActPledge):
		f.act = claim.ActThreaten
	case f.act == claim.ActPledge:
	case kinds&phraseNonAnswer != 0:
		f.act = claim.ActDeclineComment
	case kinds&phraseRetract != 0:
		f.act = claim.ActRetract
	case kinds&phraseAdmission != 0:
		f.act = claim.ActAdmit
	case first&phraseUrge != 0 || kinds&phraseUrge != 0 && m.quoted(f.content):
		// "the need for" opens an appeal; "we urge" makes one anywhere
		// in a quotation.
		f.act = claim.ActUrge
	case kinds&phraseObligation != 0 && m.obligesOther(f.content):
		f.act = claim.ActUrge
	case kinds&phraseConcern != 0:
		f.act = claim.ActConcern
	case kinds&phraseDenial != 0 || m.negatedFact(f.content):
		f.act = claim.ActDeny
	case f.act == claim.ActAssert && (kinds&phraseAccusation != 0 || kinds&phraseHarm != 0 && m.harmByNamed(f.content)):
		f.act = claim.ActAccuse
	case m.ownFuture(f.content[0]) || m.quotedPledge(f.content):
		f.act = claim.ActPledge
	}
}

// quotedPledge reports whether a quotation of the content has the
// speaker's side say what it will do, anywhere in it: "we will fight",
// "we are going to appeal", "I'll see to it", "we will certainly be ready
// to comment". A refusal ("we will not give") and a state to come ("we
// will be hit", "we will be there") pledge nothing.
func (m *matcher) quotedPledge(content []span) bool {
	for _, c := range content {
		k := m.tokenAt(c.start)
		if k >= m.hi || m.toks[k].kind != tokQuote {
			continue
		}
		for ; k < m.hi && m.toks[k].end <= c.end; k++ {
			if m.toks[k].kind != tokWord {
				continue
			}
			w := m.word(k)
			j := k + 1
			switch w {
			case "we", "i":
				if !m.is(j, "will") && !m.is(j, "shall") {
					if m.is(j, "are") || m.is(j, "am") {
						j++
					} else {
						continue
					}
					if m.is(j, "going") && m.is(j+1, "to") {
						return true
					}
					continue
				}
			case "we'll", "i'll", "we’ll", "i’ll":
				j = k
			case "we're", "i'm", "we’re", "i’m":
				if m.is(j, "going") && m.is(j+1, "to") {
					return true
				}
				continue
			default:
				continue
			}
			j++
			for j < m.hi && isAdverb(m.word(j)) {
				j++
			}
			if j >= m.hi || m.toks[j].kind != tokWord || m.is(j, "not") || m.is(j, "n't") {
				continue
			}
			if m.is(j, "be") && !m.is(j+2, "to") {
				continue // "we will be hit", but "we will be ready to"
			}
			return true
		}
	}
	return false
}

// quoted reports whether the content opens with a quotation mark.
func (m *matcher) quoted(content []span) bool {
	k := m.tokenAt(content[0].start)
	return k < m.hi && m.toks[k].kind == tokQuote
}

// obligesOther reports whether the content says what another party must
// do: an obligation phrase ("must", "should", "needs to") whose subject is
// not the speaker's own side ("we", "I"), not a guess about the past ("must
// have"), and not a question or a condition ("if it should").
func (m *matcher) obligesOther(content []span) bool {
	for _, c := range content {
		for k := m.tokenAt(c.start); k < m.hi && m.toks[k].end <= c.end; k++ {
			if m.toks[k].kind != tokWord || m.lex[k]&lexPhrase == 0 {
				continue
			}
			for _, p := range phrases.byFirst[m.word(k)] {
				if p.kind != phraseObligation || !m.phraseAt(k, c.end, p.words) {
					continue
				}
				prev, next := "", m.word(k+len(p.words))
				if k-1 >= m.lo && m.toks[k-1].kind == tokWord {
					prev = m.word(k - 1)
				}
				switch {
				case prev == "" || notObliged[prev] || auxiliaries[prev]:
					// "we must", "if it should", "will have to", and a
					// quotation that opens with the modal.
				case prev == "one" && k-2 >= m.lo && m.is(k-2, "no"):
					// "no one should have to"
				case next == "have" || next == "not" && m.word(k+2) == "have":
					// "must have known": a guess about the past
				default:
					return true
				}
			}
		}
	}
	return false
}

// negatedFact reports whether a content denies something of the speaker's
// own side, or that something exists at all: "it was not involved", "they
// didn't have a relationship with the firm", "we have never", "none of the
// money". The negation follows the content's own subject ("it", "they", "the
// company") within three words, or opens the content ("none of", "no money
// entered"), or does either at the start of a clause "that" opens ("the
// report is that no money entered"). A negation after a modal ("will not", "couldn't") refuses,
// pledges or demands instead; one before "been" is a passive ("had not been
// notified"); "no longer", "not only", "no doubt" negate nothing said.
func (m *matcher) negatedFact(content []span) bool {
	if len(content) == 0 {
		return false
	}
	var arr [48]string
	buf := m.leadingWords(content[0], arr[:])
	n := len(buf)
	// Each clause "that" opens is read as the content's start is: "the
	// first report is that no money entered"; not after a reporting verb,
	// whose clause is another speaker's ("the banks stated that ...").
	for k := 0; k < n; k++ {
		if k == 0 || buf[k-1] == "that" && !(k >= 2 && isVerbForm(buf[k-2])) {
			if m.negatedClause(buf[k:min(n, k+6)]) {
				return true
			}
		}
	}
	return false
}

// negatedClause reports whether the words opening a clause deny something
// of the speaker's own side or that something exists, as negatedFact says.
func (m *matcher) negatedClause(ws []string) bool {
	n := len(ws)
	if n < 2 {
		return false
	}
	if ws[0] == "none" && ws[1] == "of" || ws[0] == "no" && !negSkips[ws[1]] && !negators[ws[1]] {
		return true
	}
	first := 1
	switch w := strings.TrimSuffix(ws[0], "'s"); {
	case speakerWords[w] && !possessives[w]:
	case n > 2 && ws[0] == "the" && ownBodies[ws[1]]:
		first = 2
	default:
		return false
	}
	if strings.HasSuffix(ws[0], "'s") && m.negAt(ws, 1) {
		return true // "it's not possible"
	}
	for k := first; k < n && k <= first+2; k++ {
		if m.negAt(ws, k) {
			return true
		}
		if !auxiliaries[ws[k]] && !strings.HasSuffix(ws[k], "n't") {
			return false
		}
	}
	return false
}

// negAt reports whether ws[k] negates a statement of fact: a negator (or a
// verb with "n't") not after a modal, nor before "been" or a word that
// makes it no negation.
func (m *matcher) negAt(ws []string, k int) bool {
	w := ws[k]
	neg := negators[w]
	if strings.HasSuffix(w, "n't") {
		neg = !negModals[w]
	}
	if !neg || k > 0 && negModals[ws[k-1]] {
		return false
	}
	next := ""
	if k+1 < len(ws) {
		next = ws[k+1]
	}
	return !negSkips[next] && next != "been"
}

// phrasesIn returns the kinds of phrase found in the content, and those
// found at its very start. Quotation marks are skipped.
func (m *matcher) phrasesIn(content []span) (kinds, first uint16) {
	for ci, c := range content {
		start := m.tokenAt(c.start)
		for k := start; k < m.hi && m.toks[k].end <= c.end; k++ {
			if m.toks[k].kind != tokWord {
				continue
			}
			w := m.word(k)
			fl := m.lex[k]
			try := func(list []phrase) {
				for _, p := range list {
					if m.phraseAt(k, c.end, p.words) {
						kinds |= p.kind
						if ci == 0 && k == m.firstWordAt(start) {
							first |= p.kind
						}
					}
				}
			}
			if fl&lexPhrase != 0 {
				try(m.ents[k].phrases)
			}
			if len(w) >= 3 && phrases.hasPrefix(w) {
				try(phrases.prefixed[w[:3]])
			}
			if len(w) > 0 && phrases.lastBytes[w[len(w)-1]] {
				try(phrases.suffixed)
			}
		}
	}
	return kinds, first
}

// harmByNamed reports whether a harm phrase in the content has a named
// doer, which makes the harm an accusation: a name or a pronoun as the
// subject of an active verb ("Varnesia shot down", "they blew up"), or a
// party after "by" ("shot down by Ostrian forces", "by the Kremlin"). Harm
// in the passive with no party ("was poisoned with a nerve agent", "brought
// down by a missile") and harm as a noun ("the victim of an attack") name
// nobody.
func (m *matcher) harmByNamed(content []span) bool {
	for _, c := range content {
		for k := m.tokenAt(c.start); k < m.hi && m.toks[k].end <= c.end; k++ {
			if m.toks[k].kind != tokWord {
				continue
			}
			w := m.word(k)
			for _, list := range [][]phrase{phrases.byFirst[w], phrases.prefixed[prefix3(w)], phrases.suffixed} {
				for _, p := range list {
					if p.kind != phraseHarm || !m.phraseAt(k, c.end, p.words) {
						continue
					}
					if m.doerBefore(k, c.start) || m.doerAfter(k+len(p.words), c.end, isAgentWord(p.words[len(p.words)-1])) {
						return true
					}
				}
			}
		}
	}
	return false
}

// prefix3 returns the first three bytes of w, or "" for a shorter word.
func prefix3(w string) string {
	if len(w) < 3 {
		return ""
	}
	return w[:3]
}

// doerBefore reports whether the harm verb at k has a named subject in the
// active voice: over adverbs and "has", "had", the word before is a
// capitalised name not governed by a preposition ("Varnesia likely shot
// down", not "from inside Varnesia likely shot down"), or "they", "he" or
// "she". A form of "be" before the verb makes it passive.
func (m *matcher) doerBefore(k, start int) bool {
	j := k - 1
	for j >= m.lo && m.toks[j].start >= start && m.toks[j].kind == tokWord {
		w := m.word(j)
		if isBe(w) || w == "got" || w == "get" {
			return false
		}
		if !(isAdverb(w) || w == "has" || w == "have" || w == "had") {
			break
		}
		j--
	}
	if j < m.lo || m.toks[j].start < start || m.toks[j].kind != tokWord {
		return false
	}
	switch w := m.word(j); {
	case w == "they" || w == "he" || w == "she":
		return true
	case !m.toks[j].is(flagUpper) || determiners[w] || pronouns[w] || strings.HasSuffix(w, "'s"):
		return false // "Varnesia's poisoning" names the victim
	}
	p := j - 1
	for p >= m.lo && m.toks[p].kind == tokWord && m.toks[p].is(flagUpper) {
		p--
	}
	return !(p >= m.lo && m.toks[p].kind == tokWord && prepositions[m.word(p)])
}

// doerAfter reports whether a party follows the harm phrase ending before
// token k as its agent: "by", then a name ("by Varnesia", "by the
// Kremlin"), a nationality ("by Ostrian forces", "by actors working for
// the Ostrian state") or a party named by what it is ("by saboteurs", "the
// victim of speculators"), not a thing named for its maker ("by a Kestrel
// missile"); "by" may follow the phrase by up to three words. byDone is
// true when the phrase ends with "by" or "of".
func (m *matcher) doerAfter(k, end int, byDone bool) bool {
	if !byDone {
		// "by" may come a few words on: "brought down accidentally by",
		// "shot down in July by".
		j := k
		for j < m.hi && j < k+4 && m.toks[j].end <= end && m.toks[j].kind == tokWord && !m.is(j, "by") {
			j++
		}
		if j >= m.hi || m.toks[j].end > end || !m.is(j, "by") {
			return false
		}
		k = j + 1
	}
	// The agent's phrase runs to the next punctuation, eight words at
	// most: "by actors working on behalf of the Ostrian state".
	for n := 0; n < 8 && k < m.hi && m.toks[k].end <= end && m.toks[k].kind == tokWord; n, k = n+1, k+1 {
		w := m.word(k)
		if doers[w] {
			return true
		}
		if w == "and" || w == "but" || w == "or" {
			return false
		}
		if !m.toks[k].is(flagUpper) || determiners[w] {
			continue
		}
		if isDemonym(w) {
			return true
		}
		// A name is the head of its phrase: "by Varnesia", "by the
		// Kremlin", not "a Kestrel missile" or "a Soviet-made toxin".
		if j := k + 1; j >= m.hi || m.toks[j].end > end || m.toks[j].kind != tokWord && m.text[m.toks[j].start:m.toks[j].end] != "-" {
			return true
		}
	}
	return false
}

// isAgentWord reports whether a harm phrase ending in w goes on with its
// agent: "killed by", "the victim of".
func isAgentWord(w string) bool { return w == "by" || w == "of" }

// isDemonym reports whether a capitalised word has a nationality's ending:
// "Iranian", "Korean", "Chinese", "British".
func isDemonym(w string) bool {
	for _, suf := range [...]string{"ian", "ean", "can", "ese", "ish"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// phraseAt reports whether the words from token k, skipping quotation
// marks, are the phrase's words, within end.
func (m *matcher) phraseAt(k, end int, words []string) bool {
	for _, pw := range words {
		for k < m.hi && m.toks[k].kind == tokQuote {
			k++
		}
		if k >= m.hi || m.toks[k].end > end || m.toks[k].kind != tokWord || !wordMatches(m.word(k), pw) {
			return false
		}
		k++
	}
	return true
}

// firstWordAt returns the first word token from k on.
func (m *matcher) firstWordAt(k int) int {
	for k < m.hi && m.toks[k].kind != tokWord {
		k++
	}
	return k
}

// leadingWords fills buf with the lower-case words that open c, as many as
// fit, and returns the filled part.
func (m *matcher) leadingWords(c span, buf []string) []string {
	n := 0
	for k := m.tokenAt(c.start); k < m.hi && m.toks[k].end <= c.end && n < len(buf); k++ {
		if m.toks[k].kind == tokWord {
			buf[n] = m.word(k)
			n++
		}
	}
	return buf[:n]
}

// ownFuture reports whether a content says what the speaker's side will
// do: "we will", "it would", "the company would challenge".
func (m *matcher) ownFuture(c span) bool {
	var arr [8]string
	ws := m.leadingWords(c, arr[:])
	n := len(ws)
	for k := 0; k < n && k < 3; k++ {
		if !speakerWords[ws[k]] && !(k > 0 && ownBodies[ws[k]] && (ws[k-1] == "the" || speakerWords[ws[k-1]])) {
			continue
		}
		for j := k + 1; j < n-1 && j < k+4; j++ {
			if (ws[j] == "will" || ws[j] == "would" || strings.HasSuffix(ws[j], "'ll")) && ws[j+1] != "be" && ws[j+1] != "have" && ws[j+1] != "not" {
				return true
			}
		}
	}
	return false
}

// reportingBefore reports whether the verb at i follows content and a
// comma or closing quote, so its source may come after it.
func (m *matcher) reportingBefore(i int) bool {
	p := i - 1
	return p >= m.lo && (m.comma(p) || m.toks[p].kind == tokQuote)
}

// skipLeft steps left over auxiliaries, adverbs and time phrases from
// token i: "Kirby on Tuesday also said".
func (m *matcher) skipLeft(i int) int {
	for stop := i - 12; i >= m.lo && i > stop && m.toks[i].kind == tokWord; {
		w := m.word(i)
		if (auxiliaries[w] || isAdverb(w)) && !(m.toks[i].is(flagUpper) && i > m.lo && m.toks[i-1].is(flagUpper)) {
			i--
			continue
		}
		if s := m.timeEndingAt(i); s >= 0 {
			i = s - 1
			continue
		}
		break
	}
	return i
}

// timeEndingAt returns where a time phrase ending at token j starts ("on
// Tuesday", "on Sept. 13", "last week"), or -1.
func (m *matcher) timeEndingAt(j int) int {
	for s := max(m.lo, j-5); s < j; s++ {
		// timeAt is 0 for a word with no time flag: test that before
		// the map.
		if m.timeWord(s) && timeOpeners[m.word(s)] && m.timeAt(s) == j-s+1 {
			return s
		}
	}
	return -1
}

// subject finds the source noun phrase left of the verb at token i: the
// words back to the start of the clause, without the auxiliaries and
// adverbs before the verb and the time words that open the sentence.
func (m *matcher) subject(i int) subjectPhrase {
	j := m.skipLeft(i - 1)
	// "the White House continues to call for": the subject is before the
	// verb that carries "to". Other verbs before "to" ("expected to say",
	// "able to verify") tell of a statement not yet made.
	if m.is(j, "to") && j-1 >= m.lo {
		if continueForms[m.word(j-1)] {
			j = m.skipLeft(j - 2)
		}
	}
	if j < m.lo {
		return subjectPhrase{}
	}
	if m.comma(j) {
		src, aside := m.appositiveSubject(j)
		return subjectPhrase{src: src, aside: aside}
	}
	if o, ok := m.bracketedAside(j); ok {
		// "the Harbour Agency (HA) announced": the name keeps its
		// abbreviation; "both agencies — on behalf of the council —
		// said": the aside between dashes is left out.
		if src := m.nounPhraseLeft(o - 1); !src.empty() {
			if m.punct(j, ')') {
				src.end = m.toks[j].end
			}
			return subjectPhrase{src: src}
		}
		return subjectPhrase{}
	}
	if m.toks[j].kind != tokWord {
		return subjectPhrase{}
	}
	if w := m.word(j); w == "who" || w == "which" {
		// "Velkor, which had denied ...": the name before the comma, and
		// the content ends with the relative clause.
		if m.comma(j-1) && j-2 >= m.lo && m.toks[j-2].kind == tokWord {
			return subjectPhrase{src: m.nounPhraseLeft(j - 2), relative: true}
		}
		return subjectPhrase{}
	}
	if w := m.word(j); w == "to" || clauseWords[w] && !m.inName(j) || m.verbAt(j) && !m.toks[j].is(flagUpper) {
		return subjectPhrase{} // "Pyongyang calls claim": "calls" ends no subject
	}
	return subjectPhrase{src: m.nounPhraseLeft(j)}
}

// bracketedAside reports whether token j closes a short aside between the
// subject and its verb, a parenthesis ("(HA)") or a phrase between dashes
// ("— on behalf of the council —") of at most eight words with no verb of
// its own, and returns the token that opens it.
func (m *matcher) bracketedAside(j int) (int, bool) {
	if j < m.lo || m.toks[j].kind != tokPunct {
		return 0, false
	}
	closer := m.text[m.toks[j].start:m.toks[j].end]
	opener := closer
	switch closer {
	case ")":
		opener = "("
	case "—", "–":
	default:
		return 0, false
	}
	for o := j - 1; o > m.lo && o >= j-9; o-- {
		t := m.toks[o]
		if t.kind == tokPunct && m.text[t.start:t.end] == opener {
			return o, o < j-1 && m.toks[o-1].kind == tokWord
		}
		if t.kind != tokWord || m.verbAt(o) {
			return 0, false
		}
	}
	return 0, false
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
			// "The United States, Japan and South Korea": a list of names
			// goes on over its commas.
			if m.comma(k) && k-1 >= m.lo && m.toks[k-1].kind == tokWord && m.toks[k-1].is(flagUpper) && !m.inq[k-1] && m.nameList(k+1, j) {
				k--
				continue
			}
			break
		}
		if m.inq[k] {
			break
		}
		w := m.word(k)
		if w == "a.m." || w == "p.m." || k < j && placeAbbrevs[w] && m.toks[k+1].is(flagUpper) && k > m.lo && !m.toks[k-1].is(flagUpper) {
			// "parts from the U.S. Kirby said": the abbreviation ends the
			// sentence before, even though the splitter could not tell.
			break
		}
		if w == "and" {
			// "North Korea and Russia", "the White House and its allies":
			// a conjunction of names.
			if k+1 <= j && (m.toks[k+1].is(flagUpper) || determiners[m.word(k+1)]) && k-1 >= m.lo && m.toks[k-1].kind == tokWord && m.toks[k-1].is(flagUpper) {
				k--
				continue
			}
			// "Halden Bank, the largest lender, and Orvik Bank".
			if k+1 <= j && m.toks[k+1].is(flagUpper) && m.comma(k-1) {
				if np, ok := m.namedWithAside(k - 1); ok {
					return span{np.start, m.toks[j].end}
				}
			}
			break
		}
		if clauseWords[w] && !m.inName(k) || (k < j && m.verbAt(k) && !m.toks[k].is(flagUpper)) {
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
		if start <= j && m.comma(start) {
			// "On Friday, Halden and Orvik denied": the comma after the
			// time phrase, taken for a list of names, goes with it.
			start++
		}
	}
	if start > j {
		return span{}
	}
	return m.tokSpan(start, j)
}

// timeWord reports whether token k can start a time phrase, by the
// sentence's lexicon flags.
func (m *matcher) timeWord(k int) bool {
	return k >= m.lo && k < m.hi && m.lex[k]&lexTime != 0
}

// verbAt reports whether token k is a finite reporting verb form, by the
// sentence's lexicon flags.
func (m *matcher) verbAt(k int) bool {
	return k >= m.lo && k < m.hi && m.lex[k]&lexVerbForm != 0
}

// nameList reports whether tokens [i, j] end a list of names: they hold
// "and" followed by a capitalised word.
func (m *matcher) nameList(i, j int) bool {
	for k := i; k < j; k++ {
		if m.is(k, "and") && (m.toks[k+1].is(flagUpper) || determiners[m.word(k+1)]) {
			return true
		}
	}
	return false
}

// nameAt reports whether the word at i starts a proper name rather than an
// introductory word: "May" before a capitalised word is a name, "Today" is
// not.
func (m *matcher) nameAt(i int) bool {
	return pronouns[m.word(i)]
}

// appositiveSubject handles a phrase set off by commas between the
// subject and its verb: "Kirby, who spoke in Seoul, said", "Peskov, the
// Kremlin spokesman, said", "the minister, Anton Relic, confirmed", "the
// army, in a separate statement, denied". The source is the noun phrase
// before the commas, returned with the aside when the aside is a name
// ("Anton Relic"). A phrase holding a finite verb is a clause of its own,
// not an aside, and gives no subject.
func (m *matcher) appositiveSubject(c int) (src, aside span) {
	if s, ok := m.asideConjunct(c); ok {
		return s, span{}
	}
	o := c - 1
	verb := false // the aside holds a finite verb
	for o >= m.lo && !m.comma(o) && !m.inq[o] && c-o < 30 {
		t := m.toks[o]
		if t.kind == tokStop || t.kind == tokQuote {
			return span{}, span{}
		}
		if t.kind == tokWord {
			w := m.word(o)
			verb = verb || m.verbAt(o) && !strings.HasSuffix(w, "ed") || auxiliaries[w] && !isAdverb(w) && w != "in" && w != "also"
		}
		o--
	}
	if o >= m.lo && m.comma(o) && o+1 < c && verb {
		// A verb is allowed in an aside that opens as one does: "the
		// state-owned maker whose crates were seen", "who spoke in Seoul".
		if first := m.word(o + 1); !(determiners[first] || first == "a" || first == "an" || first == "who" || first == "which" || first == "whose" || strings.HasSuffix(first, "ing")) {
			return span{}, span{}
		}
	}
	if o < m.lo || !m.comma(o) || o+1 >= c {
		return m.clausalAside(c), span{}
	}
	if o-1 < m.lo || m.toks[o-1].kind != tokWord || m.inq[o-1] {
		return span{}, span{}
	}
	np := m.nounPhraseLeft(o - 1)
	if np.empty() || m.timeEndingAt(o-1) >= 0 {
		return span{}, span{}
	}
	name := c-o-1 <= 4
	for k := o + 1; k < c; k++ {
		name = name && m.toks[k].kind == tokWord && m.toks[k].is(flagUpper)
	}
	if name {
		return np, m.tokSpan(o+1, c-1)
	}
	return np, span{}
}

// asideConjunct reads a coordinated subject whose first name has an aside
// and whose last is set off by a comma too: "Halden Bank, the largest
// lender, and Orvik Bank, said". c is the comma before the verb; the
// source runs from the first name to the last.
func (m *matcher) asideConjunct(c int) (span, bool) {
	o := c - 1
	for o >= m.lo && !m.comma(o) && c-o < 12 && m.toks[o].kind == tokWord && !m.inq[o] {
		o--
	}
	if o < m.lo || !m.comma(o) || !m.is(o+1, "and") || o+2 >= c || !m.toks[o+2].is(flagUpper) {
		return span{}, false
	}
	first, ok := m.namedWithAside(o)
	if !ok {
		return span{}, false
	}
	return span{first.start, m.toks[c-1].end}, true
}

// namedWithAside reads, left of the comma at token o, a name and the aside
// after it, "Halden Bank, the largest lender": the aside opens with a
// determiner and holds no capitalised word or verb, eight words at most.
// It returns the name.
func (m *matcher) namedWithAside(o int) (span, bool) {
	a := o - 1
	for a >= m.lo && !m.comma(a) && o-a <= 8 {
		t := m.toks[a]
		if t.kind == tokWord && (t.is(flagUpper) || m.verbAt(a)) || t.kind == tokStop || t.kind == tokQuote || m.inq[a] {
			return span{}, false
		}
		a--
	}
	if a < m.lo || !m.comma(a) || a+1 >= o || !(determiners[m.word(a+1)] || m.is(a+1, "a") || m.is(a+1, "an")) {
		return span{}, false
	}
	if a-1 < m.lo || m.toks[a-1].kind != tokWord || !m.toks[a-1].is(flagUpper) {
		return span{}, false
	}
	np := m.nounPhraseLeft(a - 1)
	return np, !np.empty()
}

// clausalAside handles an aside that holds a verb of its own but opens
// with "who", "which" or a participle: "Two diplomats, speaking on
// condition of anonymity because they were not authorised, said".
func (m *matcher) clausalAside(c int) span {
	for o := c - 1; o >= m.lo && c-o < 40; o-- {
		if m.inq[o] || m.toks[o].kind == tokStop || m.toks[o].kind == tokQuote {
			return span{}
		}
		if !m.comma(o) {
			continue
		}
		w := m.word(o + 1)
		if !(w == "who" || w == "which" || strings.HasSuffix(w, "ing")) || o-1 < m.lo || m.toks[o-1].kind != tokWord {
			continue
		}
		if np := m.nounPhraseLeft(o - 1); !np.empty() && m.timeEndingAt(o-1) < 0 {
			return np
		}
	}
	return span{}
}

// sourceRight reads a source after the verb: "said Kirby", "said the
// minister, adding". It returns the source and the token after it.
func (m *matcher) sourceRight(i int) (span, int) {
	i = m.skipTime(i)
	if i > m.last || m.toks[i].kind != tokWord {
		return span{}, i
	}
	w := m.word(i)
	if !(m.toks[i].is(flagUpper) || determiners[w] || w == "a" || w == "an" || pronouns[w] || quantifiers[w]) {
		return span{}, i
	}
	k := i
	for k <= m.last && k < i+12 && m.toks[k].kind == tokWord && !m.inq[k] {
		w := m.word(k)
		if k > i && (clauseWords[w] || w == "on" || w == "in" && !(k+1 <= m.last && m.toks[k+1].is(flagUpper))) {
			break
		}
		if k > i && w == "of" && m.toks[k-1].is(flagUpper) && k+1 <= m.last && !m.toks[k+1].is(flagUpper) && (determiners[m.word(k+1)] || possessives[m.word(k+1)]) {
			// "said Marten of the decision to delay": what the name
			// spoke of is no part of it.
			next := k + 1
			for next <= m.last && next < k+24 && m.toks[next].kind == tokWord && !m.inq[next] {
				next++
			}
			if next <= m.last && !m.boundary(next) {
				return span{}, i
			}
			return m.tokSpan(i, k-1), next
		}
		k++
	}
	if k <= m.last && !m.boundary(k) {
		return span{}, i
	}
	for j := i + 1; j < k; j++ {
		if w := m.word(j); !m.toks[j].is(flagUpper) && (auxiliaries[w] || m.verbAt(j) || len(w) > 4 && strings.HasSuffix(w, "ed")) {
			return span{}, i
		}
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
		case m.comma(i):
			// "said, in a brief note, that": the aside is no content.
			k := i + 1
			for k <= m.last && k <= i+7 && m.toks[k].kind == tokWord {
				k++
			}
			if !(m.comma(k) && m.is(k+1, "that")) {
				break
			}
			i = k + 1
			continue
		case m.is(i, "in") && (m.is(i+1, "a") || m.is(i+1, "an") || m.is(i+1, "its") || m.is(i+1, "his") || m.is(i+1, "her") || m.is(i+1, "their")):
			// "in a statement", "in a Telegram post", "in a televised
			// address", followed perhaps by a time: "on Monday".
			k := i + 2
			for k <= m.last && k < i+6 && m.toks[k].kind == tokWord && !statementWords[m.word(k)] {
				k++
			}
			if k > m.last || !statementWords[m.word(k)] {
				break
			}
			i = m.skipTime(k + 1)
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
		if recipients[w] && !determiners[w] && w != "a" && w != "an" {
			break // "told reporters"; but "told The Associated Press" goes on
		}
	}
	return k
}

// skipTime skips a time phrase: "on Tuesday", "on Sept. 13", "last week",
// "yesterday", with a comma after it.
func (m *matcher) skipTime(i int) int {
	for range 4 {
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
	return i
}

// timeAt returns the number of tokens of a time phrase starting at token i,
// or 0.
func (m *matcher) timeAt(i int) int {
	if !m.timeWord(i) {
		return 0
	}
	w := m.word(i)
	switch {
	case timeAdverbs[w]:
		return 1
	case w == "at":
		// "at 3 p.m.", "at 0900 GMT": a time of day, no date.
		if k := i + 1; k <= m.last && m.toks[k].is(flagNumber) {
			k++
			if clockWords[m.word(k)] {
				k++
			}
			return k - i
		}
	case timePrepositions[w]:
		k := i + 1
		if m.is(k, "early") || m.is(k, "late") {
			k++
		}
		n := m.dateWords(k)
		if n > 0 {
			return k - i + n
		}
		if timeUnits[m.word(k)] {
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
	if !m.timeWord(i) && !(i <= m.last && i >= m.lo && m.toks[i].is(flagNumber)) {
		return 0
	}
	if weekdays[w] {
		k++
		if m.comma(k) && monthNames[m.word(k+1)] {
			k++
		} else {
			if partsOfDay[m.word(k)] {
				k++ // "Monday evening"
			}
			return k - i
		}
		w = m.word(k)
	}
	if monthNames[w] && (w != "may" || m.mayIsMonth(k)) {
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

// inName reports whether the word at k is part of a name: capitalised after
// a capitalised word, as "May" in "Theresa May".
func (m *matcher) inName(k int) bool {
	return k > m.lo && m.toks[k].is(flagUpper) && m.toks[k-1].kind == tokWord && m.toks[k-1].is(flagUpper)
}

// mayIsMonth reports whether "May" at k is the month, not the modal or a
// name: capitalised, not after another capitalised word, and after a
// preposition or before a number.
func (m *matcher) mayIsMonth(k int) bool {
	if !m.toks[k].is(flagUpper) {
		return false
	}
	if k+1 <= m.last && m.toks[k+1].is(flagNumber) {
		return true
	}
	return monthPrepositions[m.word(k-1)]
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
		if k > i && m.newClause(k) {
			end = k - 1
			if m.comma(end) {
				end--
			}
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

// newClause reports whether token k starts another attribution that ends
// the content before it: "and urged ...", ", but insisted ...", ", and on
// Monday it dismissed ...", "as Seoul confirms ...".
func (m *matcher) newClause(k int) bool {
	w := m.word(k)
	switch {
	case w == "and" || w == "but":
		// A verb coordinated with the cue: "accused X of Y and urged Z".
		j := k + 1
		for j <= m.last && m.toks[j].kind == tokWord && (isAdverb(m.word(j)) || auxiliaries[m.word(j)] && !isBe(m.word(j))) {
			j++
		}
		if m.finiteCue(j) {
			return true
		}
		if !m.comma(k - 1) {
			return false
		}
	case m.comma(k):
		if m.finiteCue(k + 1) {
			return true // "denies the deal, calls reports absurd"
		}
		if !(m.is(k+1, "and") || m.is(k+1, "but") || m.is(k+1, "while") || m.is(k+1, "whereas")) {
			return false
		}
	case subordinators[w]:
	default:
		return false
	}
	for j := k + 1; j <= m.last && j < k+10; j++ {
		if m.inq[j] || m.boundary(j) && !(j == k+1 && m.comma(j)) {
			return false
		}
		if m.finiteCue(j) {
			return true
		}
	}
	return false
}

// finiteCue reports whether token j is a finite reporting verb or the
// start of a non-response: "denied", "declined to comment".
func (m *matcher) finiteCue(j int) bool {
	if j > m.last || m.toks[j].kind != tokWord || m.inq[j] || m.toks[j].is(flagUpper) && !m.heading {
		return false
	}
	w := m.word(j)
	if w == "declined" || w == "refused" {
		return true
	}
	if !m.verbAt(j) || m.determinerBefore(j) {
		return false
	}
	return !m.passive(j)
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
	if trailerVerbs[w] {
		return true
	}
	// "..., the minister said." A short phrase and a saying verb that ends
	// the sentence or runs into a time phrase.
	for j := k; j <= m.last && j < k+10; j++ {
		if m.toks[j].kind != tokWord || m.inq[j] {
			return false
		}
		v := m.word(j)
		if trailerEndVerbs[v] {
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
	// A sentence that opens with a quotation goes on with one after "he
	// said,".
	return m.comma(i) && i+1 <= m.last && m.toks[i+1].kind == tokQuote && m.toks[i+1].is(flagOpen) && m.toks[m.lo].kind == tokQuote
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
		if r, ok := m.regionEndingAt(end); ok && r.lo >= m.lo {
			start = r.lo
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
	if r, ok := m.regionStartingAt(i); ok {
		return m.tokSpan(r.lo, r.hi)
	}
	return span{}
}

// form tells a direct quotation from reported and mixed speech.
func (m *matcher) form(content []span) Form {
	quoted, plain := false, false
	for _, c := range content {
		text := m.text[c.start:c.end]
		r, n := decode(m.text, c.start)
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

// hedges sets the certainty the words around an attribution give: the
// auxiliaries before the cue ("may have") and the content's first words.
func (m *matcher) hedges(f *found, cueTok int) {
	for k := cueTok - 1; k >= m.lo && k >= cueTok-3; k-- {
		if !m.inName(k) {
			f.hedge = stronger(f.hedge, m.hedgeAt(k))
		}
	}
	n := 0
	for _, c := range f.content {
		for k := m.tokenAt(c.start); k < m.hi && n < 40 && m.toks[k].end <= c.end; k++ {
			n++
			if m.toks[k].kind != tokWord {
				continue
			}
			switch fl := m.lex[k]; {
			case fl&(lexPossible|lexProbable|lexDismissal) == 0:
			case fl&lexPossible != 0:
				if m.toks[k].is(flagUpper) && k > m.lo {
					break // "Theresa May", "in May"
				}
				f.hedge = claim.CertaintyPossible
			case fl&lexProbable != 0:
				f.hedge = stronger(f.hedge, claim.CertaintyProbable)
			case fl&lexDismissal != 0:
				if f.act == claim.ActAssert {
					f.act = claim.ActDeny
				}
			}
		}
	}
}

// hedgeAt returns the certainty the word at token k gives as a hedge, by
// the sentence's lexicon flags, or underspecified.
func (m *matcher) hedgeAt(k int) claim.Certainty {
	switch fl := m.lex[k]; {
	case fl&lexPossible != 0:
		return claim.CertaintyPossible
	case fl&lexProbable != 0:
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

// shortNounPhrase collects the few words of a noun phrase ending at j,
// stopping at a preposition or a participle: "new information", not "based
// on new information".
func (m *matcher) shortNounPhrase(j int) span {
	k := j
	for k >= m.lo && k > j-5 && m.toks[k].kind == tokWord && !m.inq[k] {
		w := m.word(k)
		if prepositions[w] || clauseWords[w] || k < j && (strings.HasSuffix(w, "ed") || m.verbAt(k)) {
			break
		}
		k--
	}
	if k == j {
		return span{}
	}
	return m.tokSpan(k+1, j)
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
		if m.inq[k] || m.toks[k].kind != tokWord || m.toks[k-1].kind != tokWord || m.toks[k].is(flagUpper) {
			continue
		}
		w := m.word(k)
		if !(auxiliaries[w] && !isAdverb(w) || m.verbAt(k) || len(w) > 4 && strings.HasSuffix(w, "ed")) {
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
