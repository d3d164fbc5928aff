package extract

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
)

// A rule is a row of the rule table: what it is called, the form and base
// confidence of what it finds, and how it matches. Rules are values, tried
// in the table's order, as time's layout tokens or go-cmp's options are.
type rule struct {
	// name is what Candidate.Rule gives for what the rule finds; the verb
	// rule names its candidates by its source rows instead (verbSources).
	name string
	// form and confidence start each attribution the rule finds; the
	// matcher may change them (a verb's form comes from its content).
	form       Form
	confidence float64
	// pattern is what the words from the cue word on must be before the
	// matcher runs; nil lets the matcher look for itself.
	pattern seq
	// class, for a rule of a single cue word, is the reading of the word
	// in the lexicon that the rule takes ("report" is a verb and a noun);
	// zero for a multi-word rule.
	class cueClass
	// match looks for the rule's attribution at the cue word i, given its
	// reading e (zero for a multi-word rule), and appends what it finds to
	// m.out. It reports whether the rule takes the word, and the last token
	// it takes: the words up to it are not looked at again.
	match func(m *matcher, i int, r *rule, e cueWord) (last int, ok bool)
}

// rules is the rule table, in the order the package documentation gives:
// at each word, the first rule that takes it wins. The multi-word cues come
// first, so that "according to", "it is believed" and "did not respond" are
// not read word by word; then the readings of a cue word, verb before noun
// before adjective before adverb.
var rules = []rule{
	{name: "according-to", form: FormAccordingTo, confidence: 0.85,
		pattern: seq{lit("according"), lit("to")}, match: (*matcher).accordingTo},
	{name: "it-is-believed", form: FormAgentless, confidence: 0.75,
		pattern: seq{lit("it"), wordIn(isBe)}, match: (*matcher).itIsBelieved},
	{name: "is-said-to", form: FormAgentless, confidence: 0.7,
		pattern: seq{wordIn(isBe)}, match: (*matcher).isSaidTo},
	{name: "non-response", form: FormNonResponse, confidence: 0.85, match: (*matcher).nonResponse},
	{name: "not-guilty-plea", form: FormIndirect, confidence: 0.8,
		pattern: seq{wordIn(isPlead), lit("not"), lit("guilty")}, match: (*matcher).notGuilty},
	{name: "alleged-noun", form: FormAgentless, confidence: 0.6,
		pattern: seq{wordIn(isAttributive)}, match: (*matcher).allegedNoun},
	{name: "learned-from", form: FormIndirect, confidence: 0.7,
		pattern: seq{wordIn(isLearn), lit("from")}, match: (*matcher).learnedFrom},
	{name: "verb", form: FormIndirect, confidence: 0.8, class: cueVerb, match: (*matcher).verb},
	{name: "noun", form: FormNoun, confidence: 0.6, class: cueNoun, match: (*matcher).noun},
	{name: "adjective", form: FormIndirect, confidence: 0.7, class: cueAdj, match: (*matcher).adjective},
	{name: "agentless-adverb", form: FormAgentless, confidence: 0.65, class: cueAdverb, match: (*matcher).adverb},
}

// apply runs the rule at the cue word i, whose lexicon readings are
// entries.
func (r *rule) apply(m *matcher, i int, entries []cueWord) (last int, ok bool) {
	var e cueWord
	if r.class != 0 {
		if e, ok = reading(entries, r.class); !ok {
			return i, false
		}
	}
	if !r.pattern.matchAt(&m.sentence, i) {
		return i, false
	}
	return r.match(m, i, r, e)
}

// reading returns the word's reading of the class. The lexicon gives a
// word at most one reading of each class.
func reading(entries []cueWord, class cueClass) (cueWord, bool) {
	for _, e := range entries {
		if e.class == class {
			return e, true
		}
	}
	return cueWord{}, false
}

// seq is a sequence pattern: one element a token, from the cue word on. The
// empty seq matches anywhere.
type seq []elem

// elem matches one word token: a given word, or a word of a class.
type elem struct {
	word string            // the word in lower case, matched as sentence.is does
	in   func(string) bool // or a test of the word's lower-case form
}

// wordIn is the pattern element for a word that passes the test in.
func wordIn(in func(string) bool) elem { return elem{in: in} }

// matchAt reports whether the tokens from i on match the pattern.
func (p seq) matchAt(s *sentence, i int) bool {
	for k, e := range p {
		if e.in != nil {
			if !e.in(s.word(i + k)) {
				return false
			}
		} else if !s.is(i+k, e.word) {
			return false
		}
	}
	return true
}

// isAgentless reports whether w is a participle of "it is believed" or "is
// said to".
func isAgentless(w string) bool { return agentlessVerbs[w] != 0 }

// isAttributive reports whether w is a participle that, before a noun,
// says the noun is only alleged: "the alleged spy drone".
func isAttributive(w string) bool { return attributives[w] }

// isLearn reports whether w is a past form of "learn" or "hear".
func isLearn(w string) bool { return learnVerbs[w] }

// isPlead reports whether w is a form of "plead".
func isPlead(w string) bool { return pleads[w] }

// A verbSource is a way the verb rule finds a verb's source, a row of the
// verbSources table. The rows are tried in order; the first that finds a
// source names the candidate. find takes the verb as read so far and
// returns it with what the row found: a value, not a pointer, so that a
// verb costs no allocation.
type verbSource struct {
	name string
	find func(m *matcher, v verbMatch) (verbMatch, verdict)
}

// verdict is what a verbSource row says about a verb.
type verdict uint8

const (
	sourceNext  verdict = iota // no source here: try the next row
	sourceFound                // the source is found: this row names the candidate
	sourceNone                 // the verb is no cue: stop
)

// verbMatch is a verb the verb rule is reading: the cue word, its reading,
// the cue's last token and where the content starts, with what the source
// rows find.
type verbMatch struct {
	i, cueEnd int
	e         cueWord
	// c is where the content starts; a source after the verb moves it.
	c int
	f found
	// srcRight is true when the source follows the verb; relative when it
	// is the antecedent of "who" or "which".
	srcRight, relative bool
	// coordinated is true when the verb follows "and" or "but": it shares
	// the earlier verb's source, and no subject of its own is looked for.
	coordinated bool
	// passive is true for a passive participle ("was announced by"),
	// whose source is its agent and whose content the passive row
	// finds.
	passive bool
	content []span
}

// verbSources is the table of the verb rule's sources, in the order they
// are tried. A participle (an -ing form) has its source only by the first
// two rows; "coordinated" comes twice, after "and" or "but" first and, when
// no source stands on either side, after a comma.
var verbSources = []verbSource{
	{name: "passive", find: (*matcher).passiveSource},
	{name: "participle", find: (*matcher).participleSource},
	{name: "embedded-participle", find: (*matcher).embeddedSource},
	{name: "coordinated", find: (*matcher).coordinatedSource},
	{name: "verb-before", find: (*matcher).subjectSource},
	{name: "verb-after", find: (*matcher).rightSource},
	{name: "coordinated", find: (*matcher).commaSource},
}

// passiveSource takes a passive verb with its agent, who speaks: "the
// findings were announced by the mayor", "the plan was criticised by the
// harbour master as reckless", "the ferry has been reported in local media
// as too small" (only media report "in"). The content is the subject with
// what follows the agent ("as reckless"); for a verb that takes a
// recipient, whose subject is who was told ("the mayor was told by the
// engineers that C"), it is only what follows. A passive with no agent,
// or one whose agent names a time ("by Friday"), is no cue, except "was
// asked whether", "if" or "about", a question by nobody named.
func (m *matcher) passiveSource(v verbMatch) (verbMatch, verdict) {
	if !v.passive && !m.askedAlone(v.i) {
		return v, sourceNext
	}
	if v.e.ing || lemmaOf(m.word(v.i)) == "quote" {
		return v, sourceNone
	}
	k := m.skipTime(v.cueEnd + 1)
	for k <= m.last && isAdverb(m.word(k)) {
		k++
	}
	by := m.is(k, "by")
	inMedia := m.is(k, "in") && lemmaOf(m.word(v.i)) == "report"
	if !by && lemmaOf(m.word(v.i)) == "ask" && (m.is(k, "whether") || m.is(k, "if") || m.is(k, "about")) && !m.inFound(v.i) {
		// "The minister was asked whether the inquiry would go on",
		// "When asked about the plan, she said": a question by nobody
		// named (reporters, as a rule).
		if v.content = m.untilComma(m.contentRight(k)); len(v.content) == 0 {
			return v, sourceNone
		}
		v.f.act = claim.ActQuestion // "was asked on Tuesday whether"
		return v, sourceFound
	}
	if !by && !inMedia {
		return v, sourceNone
	}
	src, end := m.agent(k + 1)
	if src.empty() || !by && !m.isMedia(src) {
		return v, sourceNone
	}
	var right []span
	if c := m.contentStart(end+1, false); c <= m.last && !m.boundary(c) {
		right = m.contentRight(c)
	}
	switch {
	case v.e.tell:
		v.content = right
	case v.e.weak && len(right) == 0:
		// "the body was found by police": a weak verb with nothing after
		// its agent says nothing.
		return v, sourceNone
	default:
		subj := m.subject(v.i).src
		if subj.empty() {
			return v, sourceNone
		}
		v.content = append([]span{subj}, right...)
	}
	if len(v.content) == 0 {
		return v, sourceNone
	}
	v.f.source = src
	return v, sourceFound
}

// askedAlone reports whether the verb at i is "asked" after "when" or "if"
// ("when asked about ..."), a passive in all but form with no subject of
// its own. "Asked whether ..., she said" opening a sentence is left to the
// answer, as the gold set has it.
func (m *matcher) askedAlone(i int) bool {
	return m.word(i) == "asked" && i > m.lo && (m.is(i-1, "when") || m.is(i-1, "if"))
}

// participleSource takes "..., urging the country to": the source is the
// main clause's, found when the sentence is read.
func (m *matcher) participleSource(v verbMatch) (verbMatch, verdict) {
	if !v.e.ing {
		return v, sourceNext
	}
	opened := participleOpeners[m.word(v.i-1)] && m.toks[v.i-1].kind == tokWord
	joined := !m.joinedParty(v.i).empty()
	if !m.comma(v.i-1) && !m.is(v.i-1, "and") && !m.quoteComma(v.i-1) && !opened && !joined {
		return v, sourceNext
	}
	if opened && m.previousSource(v.i).empty() {
		// "he said, before adding": only after a source of the sentence's
		// own; the clause's subject is not otherwise known.
		return v, sourceNext
	}
	v.f.participle = true
	v.f.confidence -= 0.1
	return v, sourceFound
}

// embeddedSource takes "new information suggesting that" and "with
// spokesman Ali Rabiei saying": the noun before speaks. Any other participle is no cue: "the warning came", "reporting
// from Seoul".
func (m *matcher) embeddedSource(v verbMatch) (verbMatch, verdict) {
	if !v.e.ing {
		return v, sourceNext
	}
	i := v.i
	if src := m.withSubject(i); !src.empty() {
		// "Iran denies the reports, with spokesman Ali Rabiei
		// describing them as ...": the noun phrase after "with" speaks.
		v.f.source = src
		return v, sourceFound
	}
	if m.progressive(i) {
		// "Norland is rejecting the claims": a finite verb, whose
		// subject speaks.
		return v, sourceNext
	}
	if i-1 < m.lo || m.toks[i-1].kind != tokWord || determiners[m.word(i-1)] || auxiliaries[m.word(i-1)] {
		return v, sourceNone
	}
	// "new data suggesting that C"; without "that", only a noun that
	// speaks: "a statement from the agency saying C", "reports
	// suggesting C", "documents purporting to show C".
	if !m.is(i+1, "that") && !m.speakingNoun(i-1) {
		return v, sourceNone
	}
	v.f.source = m.shortNounPhrase(i - 1)
	v.f.embedded = true
	if v.f.source.empty() {
		return v, sourceNone
	}
	switch src, issued := m.issuer(v.f.source); {
	case !src.empty():
		// "Snyder has issued a statement saying C", "the players
		// signed a joint statement saying C": whoever issued the paper
		// speaks, not the paper, which stays the source's text.
		v.f.alias = src
	case !issued:
		// "Harlow denied a statement saying C", "the ministry received
		// a letter saying C": someone else's paper, which speaks for no
		// one named before it.
		v.f.othersPaper = true
	}
	return v, sourceFound
}

// issuer returns, when the noun phrase src is headed by a document, the
// subject of the verb that takes it as object if that verb issues it (the
// lexicon's issuingVerbs: "issued a statement", "signed a joint
// statement", "put out a statement"). issued is false when another verb
// takes the document ("denied a statement", "received a letter", "leaked
// a memo"): the paper is someone else's, and its author is not the
// verb's subject. issued is true, and the span empty, for a phrase that is
// no document or follows no verb ("A statement from the agency saying C").
func (m *matcher) issuer(src span) (_ span, issued bool) {
	first, last := m.tokenAt(src.start), m.tokenAt(src.end)-1
	if last < first || !documents[m.word(last)] {
		return span{}, true
	}
	q := first - 1
	for q >= m.lo && m.toks[q].kind == tokWord && isAdverb(m.word(q)) {
		q--
	}
	if q < m.lo || m.toks[q].kind != tokWord || m.inq[q] {
		return span{}, true
	}
	w := m.word(q)
	if w == "out" && q-1 >= m.lo && m.toks[q-1].kind == tokWord && issuingOutVerbs[m.word(q-1)] {
		return m.subject(q - 1).src, true
	}
	if issuingVerbs[w] {
		return m.subject(q).src, true
	}
	// Any other verb takes someone else's paper; a preposition, a
	// conjunction or a determiner before the phrase is no verb ("said in
	// a statement saying C").
	verb := lightVerbs[w] || strongPast[w] || irregularPast[w] || m.verbAt(q) || len(w) >= 5 && strings.HasSuffix(w, "ed")
	return span{}, !verb || prepositions[w] || clauseWords[w]
}

// progressive reports whether the participle at i follows a form of "be"
// that makes it a finite verb, adverbs between: "is rejecting", "has been
// firmly denying". "be" itself ("will be announcing") tells of a statement
// not yet made.
func (m *matcher) progressive(i int) bool {
	k := i - 1
	for k >= m.lo && m.toks[k].kind == tokWord && isAdverb(m.word(k)) {
		k--
	}
	return k >= m.lo && m.toks[k].kind == tokWord && !m.inq[k] && progressiveBe[m.word(k)]
}

// progressiveBe are the forms of "be" before a participle that make it a
// finite verb.
var progressiveBe = map[string]bool{"is": true, "are": true, "was": true, "were": true, "am": true, "been": true}

// quoteComma reports whether token p closes a quotation whose last mark
// is a comma, as American copy puts it: “... blockbuster,” adding that.
func (m *matcher) quoteComma(p int) bool {
	return p-1 >= m.lo && m.toks[p].kind == tokQuote && m.comma(p-1) && m.inq[p-1]
}

// speakingNoun reports whether the word at k heads a noun phrase that
// speaks: a statement or a paper ("statement", "documents", "reports"),
// a source word ("officials", "the agency") or a name.
func (m *matcher) speakingNoun(k int) bool {
	w := m.word(k)
	return documents[w] || evidenceWords[w] || relaySources[w] || w == "report" || w == "reports" ||
		m.toks[k].is(flagUpper) && k > m.lo
}

// coordinatedSource takes "accused X of Y and urged Z": the same source as
// the verb before.
func (m *matcher) coordinatedSource(v verbMatch) (verbMatch, verdict) {
	j := m.skipLeft(v.i - 1)
	v.coordinated = j >= m.lo && (m.is(j, "and") || m.is(j, "but") || m.heading && m.comma(j))
	if !v.coordinated {
		return v, sourceNext
	}
	if v.f.source = m.previousSource(v.i); v.f.source.empty() {
		if m.comma(j) {
			return v, sourceNext
		}
		// "Valieva is bidding for gold but admitted she had been tired":
		// the subject of the verb before, which is no cue.
		if v.f.source = m.mainSubject(v.i); v.f.source.empty() {
			return v, sourceNext
		}
	}
	return v, sourceFound
}

// subjectSource takes the subject before the verb: "Russia denied".
func (m *matcher) subjectSource(v verbMatch) (verbMatch, verdict) {
	if v.coordinated {
		return v, sourceNext
	}
	s := m.subject(v.i)
	v.f.source, v.f.alias, v.relative = s.src, s.aside, s.relative
	if v.f.source.empty() || m.notNounPhrase(v.f.source) {
		return v, sourceNext
	}
	if m.mute(v.f.source) {
		// "The flood threatened hundreds of homes", "the fire alarm
		// warned residents": nobody speaks.
		return v, sourceNone
	}
	return v, sourceFound
}

// mute reports whether a source is headed by a thing that cannot speak: a
// storm, a flood, a fire, a machine (the lexicon's muteHeads), its head
// word in lower case or opening the sentence; a name such as "Hurricane
// Ian" is not read. The head is the word before what follows it in the
// phrase: a preposition, a relative clause or a participle ("Victims of
// the flood", "Officials investigating the fire"), else the last word.
func (m *matcher) mute(src span) bool {
	k := m.sourceHead(src)
	return k >= m.lo && k < m.hi && m.toks[k].kind == tokWord && (k == m.lo || !m.toks[k].is(flagUpper)) && muteHeads[m.word(k)]
}

// sourceHead returns the token of a source's head word: the word before the
// first preposition, clause word or participle after the
// source's first word, else its last token. It is linear in the source's
// tokens.
func (m *matcher) sourceHead(src span) int {
	first, end := m.tokenAt(src.start), m.tokenAt(src.end)
	for j := first + 1; j < end && j < m.hi; j++ {
		w := m.word(j)
		if prepositions[w] || clauseWords[w] || strings.HasSuffix(w, "ing") {
			return j - 1
		}
	}
	return end - 1
}

// rightSource takes a source after the verb, which follows content and a
// comma or quote: "..., said Kirby.", "“...,” said the minister."
func (m *matcher) rightSource(v verbMatch) (verbMatch, verdict) {
	if !m.reportingBefore(v.i) {
		return v, sourceNone
	}
	s, next := m.sourceRight(v.cueEnd + 1)
	if s.empty() {
		return v, sourceNext
	}
	v.f.source, v.srcRight, v.c = s, true, next
	return v, sourceFound
}

// commaSource takes "Kremlin denies arms deal, calls reports absurd": the
// verb after the comma shares the earlier verb's source.
func (m *matcher) commaSource(v verbMatch) (verbMatch, verdict) {
	if !m.comma(v.i-1) || len(m.afterComma(v.i)) == 0 {
		return v, sourceNone
	}
	if v.f.source = m.previousSource(v.i); v.f.source.empty() {
		return v, sourceNone // a reporting verb with nobody to report
	}
	return v, sourceFound
}

// lit is the pattern element for the literal word w.
func lit(w string) elem { return elem{word: w} }

// matcher finds the attributions of one analysed sentence. Its only state
// is what it found: the sentence is read, never written, and each rule
// appends what it finds to out, which the extractor takes before the next
// sentence.
type matcher struct {
	sentence
	out []found
}

// run looks at every word of the sentence that is not quoted, and tries
// the rules at each cue word.
func (m *matcher) run() {
	relayed := false
	for i := m.lo; i < m.hi; i++ {
		if m.lex[i]&lexStarter == 0 {
			continue
		}
		if m.ents[i].relay {
			relayed = true
			continue
		}
		// In a quotation only an attribution noun with its clause is read:
		// “The first report is that no fuel was lost,” he said.
		quoted := m.inq[i]
		if quoted && !m.is(i+1, "that") && (!m.is(i+1, "is") && !m.is(i+1, "was") || !m.is(i+2, "that")) {
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
	if relayed {
		m.relays()
	}
	// "The officials' claims were false, Peskov said": a bare noun inside
	// what another says is that one's content, not a statement; so is "the
	// driver was blamed for the crash, police said", found before the
	// police's verb was.
	for k := len(m.out) - 1; k >= 0; k-- {
		if m.out[k].dropInside && m.inFound(m.tokenAt(m.out[k].cue.start)) {
			m.out = slices.Delete(m.out, k, k+1)
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

// inFound reports whether token i lies in the content of an attribution
// the sentence has given so far.
func (m *matcher) inFound(i int) bool {
	t := m.toks[i]
	for _, f := range m.out {
		for _, c := range f.content {
			if c.start <= t.start && t.end <= c.end {
				return true
			}
		}
	}
	return false
}

// found starts an attribution of the rule with the cue span.
func (r *rule) found(cue span) found {
	return found{cue: cue, form: r.form, confidence: r.confidence, ruleName: &r.name}
}
