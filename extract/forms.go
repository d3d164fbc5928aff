package extract

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
)

// verb matches a reporting verb at token i, its source found by the
// verbSources table.
func (m *matcher) verb(i int, r *rule, e cueWord) (int, bool) {
	w := m.word(i)
	if m.determinerBefore(i) && !m.relativeVerb(i, e) {
		// "the alleged shipments", "a warning": not a verb; but
		// "documents that indicated" is one.
		return i, false
	}
	// A capitalised cue inside a sentence is part of a name ("the United
	// States"), except in a heading, where every word is capitalised.
	if m.toks[i].is(flagUpper) && i != m.lo && !m.heading && m.toks[i-1].kind == tokWord {
		return i, false
	}
	if e.base && !m.baseFormFits(i) || m.nounCompound(i, w) {
		return i, false
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && (m.is(i-1, "has") || m.is(i-1, "have") || m.is(i-1, "had")) {
		// "Velkor has questions to answer", "the port has claims against
		// it": after "has" a verb would be a participle, so this is a
		// noun.
		return i, false
	}
	if m.negated(i) {
		return i, false
	}
	passive := m.passive(i)
	act, cueEnd, ok := m.phrasal(i, w, e.act)
	if !ok {
		return i, false
	}
	if e.weak && cueEnd == i && i > m.lo && strings.HasSuffix(w, "ed") && (m.is(i+1, "to") || m.is(i+1, "with") || m.is(i+1, "by")) && m.toks[i-1].kind == tokWord && !m.toks[i-1].is(flagUpper) && !pronouns[m.word(i-1)] && !auxiliaries[m.word(i-1)] && !isAdverb(m.word(i-1)) {
		// "three men linked to Moscow": a participle after its noun,
		// not the noun's statement.
		return i, false
	}
	v := verbMatch{i: i, cueEnd: cueEnd, e: e, passive: passive, f: r.found(m.tokSpan(i, cueEnd))}
	if !passive {
		v.c = m.contentStart(cueEnd+1, e.tell)
	}
	v.f.act, v.f.certainty = act, e.certainty
	if e.weak {
		v.f.confidence -= 0.15
	}
	verdict := sourceNext
	for k := 0; k < len(verbSources) && verdict == sourceNext; k++ {
		if v, verdict = verbSources[k].find(m, v); verdict == sourceFound {
			v.f.ruleName = &verbSources[k].name
		}
	}
	if verdict != sourceFound {
		return i, false
	}
	f := v.f
	if passive || v.content != nil && m.askedAlone(i) {
		f.content = v.content
	} else if v.relative && !v.srcRight && m.is(m.skipLeft(i-1), "that") || v.f.participle && m.quoteComma(i-1) {
		// "“spurious” documents that showed C", "“... blockbuster,”
		// adding that C": the content follows the verb; the quotation
		// before it is no part of it.
		f.content = m.contentRight(v.c)
	} else {
		f.content = m.contents(i, v.c, f.source, v.srcRight)
	}
	if v.relative {
		f.content = m.untilComma(f.content) // "the firm, which denied wrongdoing, would appeal"
	}
	if !passive && !v.srcRight && e.act != claim.ActAssert && e.act != claim.ActReport {
		// "denied the report on Monday": a verb that takes a noun phrase.
		f.content = m.trailingTime(f.content)
	}
	if len(f.content) == 0 && act != claim.ActDeclineComment {
		return i, false
	}
	f.form = m.form(f.content)
	if !e.tell && cueEnd == i && !v.srcRight && !m.heading && f.form == FormIndirect && m.placeOrManner(f.content, e.takes) {
		// "The festival concluded with fireworks", "future claims in
		// its bankruptcy", "the audience applauded at the end": a verb
		// with only a phrase of place, time or manner after it says
		// nothing. A heading's is telegraphic ("officials charged in
		// water crisis"); a verb that takes a recipient reads past it.
		return i, false
	}
	if e.clause && cueEnd == i && !v.srcRight && !m.saysWhat(f) {
		// "Protesters shouted slogans", "hails from Lyon", "welcomed
		// the delegation": the verb reports a sound or a deed unless
		// what was said comes with it.
		return i, false
	}
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
	} else if f.act == claim.ActReject && e.weak && m.factOpens(f.content) {
		// "pushed back against reports that C", "hits back at claims":
		// a claim of fact turned down by a verb that does not say it
		// rejects is denied.
		f.act = claim.ActDeny
	}
	m.out = append(m.out, f)
	return m.lastCueEnd(), true
}

// saysWhat reports whether the content f found for a cue that reports
// speech only with what was said (a "clause" word of the lexicon) gives
// it: a quotation, a that-clause or a clause ("shouted the bridge was
// collapsing"), or what the object is called ("hailed the deal as a
// turning point", "welcomed the decision as long overdue").
func (m *matcher) saysWhat(f found) bool {
	if len(f.content) == 0 {
		return false
	}
	if f.form == FormDirect || f.form == FormMixed {
		return true
	}
	first := m.tokenAt(f.content[0].start)
	if subordinators[m.word(first)] || m.is(first, "until") {
		// "shouted as the verdict was read", "whispered because the baby
		// was asleep": when or why, not what was said.
		return false
	}
	if m.is(first-1, "that") || m.clauseAhead(first-1) {
		return true
	}
	for k := first + 1; k <= m.last && m.toks[k].end <= f.content[0].end; k++ {
		if m.is(k, "as") && !m.clauseAhead(k) && !m.asClause(k) {
			// "as a turning point", "as long overdue", "as “reckless”";
			// not "as they arrived", "as the band played" or "as spring
			// began", a clause.
			if k+1 > m.last {
				return false
			}
			n := m.word(k + 1)
			if m.toks[k+1].kind == tokWord && agentPlural(n) {
				// "welcomed the soldiers as liberators", "received them
				// as partners": the role people are taken in, not what
				// anyone said of them.
				return false
			}
			return m.toks[k+1].kind == tokQuote || m.toks[k+1].kind == tokWord && !pronouns[n] && !possessives[n] && (!determiners[n] || n == "a" || n == "an")
		}
	}
	return false
}

// asClause reports whether the "as" at k opens a clause of time or
// manner with a past-tense verb after its subject ("as spring began", "as
// prices soared", "as the crowd cheered"), not what something is called
// ("as badly needed", "as an unexpected win", "as long-awaited").
func (m *matcher) asClause(k int) bool {
	for j := k + 2; j <= m.last && j <= k+4 && m.toks[j].kind == tokWord && !m.inq[j]; j++ {
		w, prev := m.word(j), m.word(j-1)
		if m.toks[j-1].kind != tokWord || prepositions[prev] || w == "that" || prev == "that" {
			return false
		}
		if determiners[prev] || isAdverb(prev) || intensifiers[prev] || strings.Contains(w, "-") {
			continue
		}
		if strongPast[w] || irregularPast[w] || len(w) > 4 && strings.HasSuffix(w, "ed") {
			return true
		}
	}
	return false
}

// agentPlural reports whether w is a plural noun of people by what they
// do: "liberators", "invaders", "partners", "tourists", "guardians".
func agentPlural(w string) bool {
	for _, suf := range [...]string{"ers", "ors", "ists", "ians"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// placeOrManner reports whether a content is only a phrase opened by a
// preposition of place, time or manner ("with fireworks", "in its
// bankruptcy", "into a wall"), with no clause in it.
func (m *matcher) placeOrManner(content []span, takes [][]string) bool {
	if len(content) != 1 {
		return false
	}
	first := m.tokenAt(content[0].start)
	if !placePrepositions[m.word(first)] {
		return false
	}
	for _, p := range takes {
		if m.wordsAt(first, p) {
			// "disagreed with the findings": the verb's own complement.
			return false
		}
	}
	for k := first; k <= m.last && m.toks[k].end <= content[0].end; k++ {
		if m.toks[k].kind != tokWord || m.inq[k] || m.is(k, "that") || finiteAux[m.word(k)] {
			return false
		}
	}
	return true
}

// wordsAt reports whether the words from token k are ws, in lower case.
func (m *matcher) wordsAt(k int, ws []string) bool {
	for j, w := range ws {
		if !m.is(k+j, w) {
			return false
		}
	}
	return true
}

// silence reports whether the verb at k, after "declined to" or "refused
// to", is one of saying: "declined to comment", "refused to say whether",
// "declined to be named", "refused to do so" (read apart). Anything else
// ("refused to resign") is an act turned down.
func (m *matcher) silence(k int) bool {
	if k > m.last || m.toks[k].kind != tokWord {
		return true
	}
	w := m.word(k)
	if silentVerbs[w] || m.is(k, "do") && (m.is(k+1, "so") || m.is(k+1, "that")) {
		return true
	}
	for _, e := range cues[w] {
		if e.class == cueVerb {
			return true
		}
	}
	return false
}

// trailingTime leaves out of a content that is only a noun phrase the
// time phrase that ends it, which dates the statement: in "denied the
// report on Monday" the denial was made on Monday. A clause keeps its time
// phrase, which dates what it tells: "said the ship sank on Monday".
func (m *matcher) trailingTime(content []span) []span {
	if len(content) != 1 {
		return content
	}
	first, last := m.tokenAt(content[0].start), m.tokenAt(content[0].start)
	for last+1 <= m.last && m.toks[last+1].end <= content[0].end {
		last++
	}
	if last < first || m.toks[last].kind != tokWord || m.inq[last] {
		return content
	}
	start := m.timeEndingAt(last)
	if start <= first || m.is(start, "in") {
		return content // "denied any wrongdoing in 2019" may date the wrongdoing
	}
	for k := first; k < start; k++ {
		if m.toks[k].kind != tokWord || m.inq[k] {
			return content // a quotation or a clause's punctuation: not a bare noun phrase
		}
		w := m.word(k)
		if finiteAux[w] || strongPast[w] || clauseWords[w] || pronouns[w] || len(w) > 4 && strings.HasSuffix(w, "ed") || m.verbAt(k) && k > first {
			return content
		}
	}
	return []span{m.tokSpan(first, start-1)}
}

// factOpens reports whether a content opens with a claim of fact, past a
// preposition, a determiner and adjectives: "against reports that C", "at
// the baseless claims".
func (m *matcher) factOpens(content []span) bool {
	if len(content) == 0 {
		return false
	}
	for k, n := m.tokenAt(content[0].start), 0; k <= m.last && m.toks[k].end <= content[0].end && n < 5; k, n = k+1, n+1 {
		if m.toks[k].kind != tokWord {
			return false
		}
		w := m.word(k)
		switch {
		case claimObjects[w]:
			return true
		case n == 0 && prepositions[w], determiners[w], isAdjective(w), dismissals[w]:
			continue
		}
		return false
	}
	return false
}

// relativeVerb reports whether the cue word i, after "that", is the verb
// of a relative clause ("documents that indicated") rather than a noun
// after a determiner ("that report").
func (m *matcher) relativeVerb(i int, e cueWord) bool {
	return m.is(i-1, "that") && !e.base && !e.ing && m.subject(i).relative
}

// accordingTo matches "according to X": "According to X, C." and "C,
// according to X." The act is a report when X is news media. The rule
// takes the two words whether or not it finds an attribution.
func (m *matcher) accordingTo(i int, r *rule, _ cueWord) (int, bool) {
	f := r.found(m.tokSpan(i, i+1))
	f.act = claim.ActAssert
	// The source runs to the next comma or the sentence's end.
	k := i + 2
	for k <= m.last && !m.boundary(k) && !m.inq[k] && k < i+16 {
		k++
	}
	if k == i+2 {
		return i + 1, true
	}
	f.source = m.tokSpan(i+2, k-1)
	switch {
	case i == m.lo || (i == m.lo+1 && introWords[m.word(m.lo)]):
		// According to X, C.
		c := k
		if m.comma(c) {
			c++
		}
		f.content = m.contentRight(c)
	default:
		// C, according to X.   C according to X.   C1, according to X, C2.
		end := i - 1
		if m.comma(end) {
			end--
		}
		if end >= m.lo {
			f.content = []span{m.tokSpan(m.lo, end)}
		}
		if m.comma(k) && k+1 <= m.last {
			f.content = append(f.content, m.contentRight(k+1)...)
		}
	}
	if len(f.content) == 0 {
		return i + 1, true
	}
	if m.isMedia(f.source) {
		f.act = claim.ActReport
	}
	m.hedges(&f, i)
	m.refineAct(&f) // "according to the governor, none of the cash entered"
	m.out = append(m.out, f)
	return i + 1, true
}

// itIsBelieved matches "it is believed that C", "it is widely assumed
// that C": no speaker.
func (m *matcher) itIsBelieved(i int, r *rule, _ cueWord) (int, bool) {
	// "it is widely believed", "it is now thought": adverbs between.
	p := i + 2
	for p < i+4 && p <= m.last && (isAdverb(m.word(p)) || m.is(p, "now") || m.is(p, "still") || m.is(p, "also")) {
		p++
	}
	part := m.word(p)
	c := p + 1
	if !isAgentless(part) || !m.is(c, "that") && !m.comma(c) {
		return i, false
	}
	f := r.found(m.tokSpan(i, p))
	f.act, f.certainty = agentlessVerbs[part], claim.CertaintyProbable
	if cert, ok := agentlessCertainty[part]; ok {
		f.certainty = cert
	}
	if m.comma(c) {
		c++
	}
	c = m.contentStart(c, false)
	f.content = m.contentRight(c)
	if len(f.content) == 0 {
		return i, false
	}
	m.hedges(&f, i)
	m.out = append(m.out, f)
	return p, true
}

// isSaidTo matches "X is said to have ..." and "X was accused of ...":
// the speaker is not given, and the content is X and what follows "to"
// (or "of", with "of"). After "it" it is "it is said to", which is not
// this rule.
func (m *matcher) isSaidTo(i int, r *rule, _ cueWord) (int, bool) {
	if m.is(i-1, "it") {
		return i, false
	}
	// "was widely believed to", "was initially reported as": adverbs
	// between.
	p := i + 1
	for p < i+3 && p <= m.last && isAdverb(m.word(p)) {
		p++
	}
	if !isAgentless(m.word(p)) || p+1 > m.last {
		return i, false // every form below reads a word after the participle
	}
	part := m.word(p)
	f := r.found(m.tokSpan(i, p+1))
	f.act, f.certainty = agentlessVerbs[part], claim.CertaintyProbable
	if cert, ok := agentlessCertainty[part]; ok {
		f.certainty = cert
	}
	from := p + 2
	switch {
	case m.is(p+1, "to"):
	case m.is(p+1, "as") && part == "reported":
		// "the cause was initially reported as technical": what it was
		// reported to be.
	case (m.is(p+1, "of") || m.is(p+1, "for")) && f.act == claim.ActAccuse && !m.inFound(i):
		// "He was accused of inflating the accounts", "the board was
		// blamed for the losses": an accusation by nobody named, of the
		// subject and what follows; within what someone said
		// ("prosecutors said he is accused of"), the speaker's
		// accusation.
		f.cue, f.certainty, from = m.tokSpan(p, p), 0, p+1
		f.dropInside = true
	default:
		return i, false
	}
	sp := m.subject(i)
	subj, right := sp.src, m.contentRight(from)
	if sp.relative {
		right = m.untilComma(right) // "the ferry, which was said to be late, sank"
	}
	if subj.empty() || len(right) == 0 {
		return i, false
	}
	f.content = append([]span{subj}, right...)
	m.hedges(&f, i)
	m.out = append(m.out, f)
	return p + 1, true
}

// nonResponse matches "declined to comment", "did not (immediately)
// respond", "could not be reached", "would not comment", "had no comment".
func (m *matcher) nonResponse(i int, r *rule, _ cueWord) (int, bool) {
	w := m.word(i)
	if m.lex[i]&lexNonResponse == 0 && !isBe(w) {
		return i, false // none of the cases below starts at this word
	}
	end := -1
	switch {
	case refusals[w]:
		// "declined to comment", "refused to resign"; not "Shares
		// declined to a record low" or "Turnout declined to 40 percent",
		// where "to" leads to a level, not a verb.
		if m.is(i+1, "to") && i+2 <= m.last && m.toks[i+2].kind == tokWord && !toALevel(m.word(i+2)) {
			end = i + 2
		}
	case negatableAux[w]:
		k := i + 1
		if m.is(k, "not") || m.is(k, "n't") {
			k++
			if m.is(k, "immediately") {
				k++
			}
			if respondVerbs[m.word(k)] || modalNot[w] && withholdVerbs[m.word(k)] {
				end = k // "would not confirm", "will not say"
			}
		} else if noCommentVerbs[w] {
			end = m.noComment(i)
		}
	case noCommentVerbs[w]:
		end = m.noComment(i)
	case isBe(w) && !m.is(i-1, "it"):
		// "was not (immediately) available for comment".
		k := i + 1
		if m.is(k, "not") || m.is(k, "n't") {
			k++
			if m.is(k, "immediately") {
				k++
			}
			if m.is(k, "available") && m.is(k+1, "for") && m.is(k+2, "comment") {
				end = k + 2
			}
		}
	case w == "responded" || w == "replied":
		// "Neither the Kremlin nor the embassy responded to requests for
		// comment."
		if m.is(i+1, "to") && m.neitherBefore(i) {
			for k := i + 2; k <= m.last && k < i+6; k++ {
				if m.is(k, "comment") {
					end = i
				}
			}
		}
	case unableAux[w]:
		k := i + 1
		if m.is(k, "not") || m.is(k, "n't") {
			k++
		}
		if m.is(k, "be") && m.is(k+1, "reached") {
			end = k + 1
		} else if k > i+1 && modalNot[w] && withholdVerbs[m.word(k)] {
			end = k // "could not confirm"
		}
	}
	if end < 0 {
		return i, false
	}
	sp := m.subject(i)
	if sp.relative && m.is(m.skipLeft(i-1), "that") {
		return i, false // "a tanker that did not answer radio calls" describes the tanker
	}
	src := sp.src
	if (m.is(i, "responded") || m.is(i, "replied")) && !src.empty() {
		// The source is the whole "neither ... nor ..." phrase.
		for k := m.tokenAt(src.start) - 1; k >= m.lo && k >= i-12; k-- {
			if m.is(k, "neither") {
				src = m.tokSpan(k, m.tokenAt(src.end)-1)
				break
			}
		}
	}
	if j := m.skipLeft(i - 1); src.empty() && j >= m.lo && (m.is(j, "and") || m.is(j, "but")) {
		src = m.previousSource(i) // "said ..., but declined to elaborate"
	}
	if src.empty() {
		return i, false
	}
	if refusals[w] && !m.silence(i+2) {
		// "refused to resign", "declined to step down": what is turned
		// down is an act, not a question, so it is a rejection of what
		// was asked, not a silence (FrameNet Respond_to_proposal).
		f := r.found(m.tokSpan(i, i))
		f.source, f.act = src, claim.ActReject
		if f.content = m.contentRight(i + 1); len(f.content) > 0 {
			m.hedges(&f, i)
			m.out = append(m.out, f)
			return i + 1, true
		}
	}
	if (w == "refused" || w == "refuses") && m.is(i+2, "do") && (m.is(i+3, "so") || m.is(i+3, "that")) {
		// "refused to do so" after a demand turns the demand down: a
		// rejection of what was asked, not a silence.
		f := r.found(m.tokSpan(i, i))
		f.source, f.act = src, claim.ActReject
		f.content = []span{m.tokSpan(i+1, i+3)}
		m.out = append(m.out, f)
		return i + 3, true
	}
	f := r.found(m.tokSpan(i, end))
	f.source, f.act = src, claim.ActDeclineComment
	m.out = append(m.out, f)
	return end, true
}

// toALevel reports whether w, after "declined to", starts a level or an
// amount rather than a verb: a determiner, a number, or "record".
func toALevel(w string) bool {
	return determiners[w] || w == "record" || w == "around" || w == "about" || w == "below" || w == "under" ||
		w != "" && w[0] >= '0' && w[0] <= '9'
}

// noComment returns the last token of "had no comment", "made no further
// comment" at i, or -1.
func (s *sentence) noComment(i int) int {
	k := i + 1
	if !s.is(k, "no") {
		return -1
	}
	k++
	if s.is(k, "immediate") || s.is(k, "further") {
		k++
	}
	if s.is(k, "comment") {
		return k
	}
	return -1
}

// notGuilty matches "pleaded not guilty to three counts": a denial, with
// content.
func (m *matcher) notGuilty(i int, r *rule, _ cueWord) (int, bool) {
	src := m.subject(i).src
	if src.empty() {
		return i, false
	}
	f := r.found(m.tokSpan(i, i+2))
	f.source, f.act = src, claim.ActDeny
	f.content = m.contentRight(i + 3)
	m.out = append(m.out, f)
	return i + 2, true
}

// learnedFrom matches "learned from the coastguard that C", "heard from
// officials that C": the party after "from" says C to the subject, who
// learns it, and speaks. Without "that" within ten words after "from"
// ("learned from the mistakes") it is no cue.
func (m *matcher) learnedFrom(i int, r *rule, _ cueWord) (int, bool) {
	s := i + 2
	e := s
	for e <= m.last && e < s+10 && m.toks[e].kind == tokWord && !m.inq[e] && !m.is(e, "that") {
		e++
	}
	if e == s || !m.is(e, "that") {
		return i, false
	}
	f := r.found(m.tokSpan(i, i+1))
	f.source, f.act = m.tokSpan(s, e-1), claim.ActAssert
	if f.content = m.contentRight(e + 1); len(f.content) == 0 {
		return i, false
	}
	m.hedges(&f, i)
	m.refineAct(&f)
	m.out = append(m.out, f)
	return e, true
}

// neitherBefore reports whether the clause before token i opens with
// "neither".
func (s *sentence) neitherBefore(i int) bool {
	for k := i - 1; k >= s.lo && k >= i-12; k-- {
		if s.is(k, "neither") {
			return true
		}
		if s.boundary(k) {
			return false
		}
	}
	return false
}

// noun matches an attribution noun: "the allegation that C", "Moscow's
// denial of C", "a warning from the ministry that C".
func (m *matcher) noun(i int, r *rule, e cueWord) (int, bool) {
	if i-1 >= m.lo && m.toks[i-1].kind == tokWord && pronouns[m.word(i-1)] {
		return i, false // "We demand that": a verb after its subject
	}
	f := r.found(m.tokSpan(i, i))
	f.act, f.certainty = e.act, e.certainty
	// A possessive source: "Moscow's denial", "Kirby’s statement".
	p := i - 1
	for p >= m.lo && m.toks[p].kind == tokWord && !hasPossessive(m.word(p)) && isAdjective(m.word(p)) {
		p--
	}
	possessor := false
	if p >= m.lo && m.toks[p].kind == tokWord && hasPossessive(m.word(p)) && (m.toks[p].is(flagUpper) ||
		!m.inq[i] && p-1 >= m.lo && (determiners[m.word(p-1)] || m.toks[p-1].kind == tokWord && m.toks[p-1].is(flagUpper) && p-1 > m.lo)) {
		// "Moscow's denial", "the minister's remark", "U.S. officials'
		// claims", "the Israel army's accusations".
		f.source = m.possessorPhrase(p)
		possessor = !f.source.empty()
	}
	owner := false
	if f.source.empty() && p >= m.lo && m.toks[p].kind == tokWord && !m.inq[i] && ownerPronouns[m.word(p)] != "" {
		// "his allegations against India", "her claim that C": whom the
		// pronoun refers to, once the noun gives what was said.
		f.source, owner = m.tokSpan(p, p), true
	}
	k := i + 1
	// "a warning from the ministry", "the allegation by Washington".
	if (m.is(k, "from") || m.is(k, "by")) && (k+1 > m.last || !m.toks[k+1].is(flagNumber)) {
		s := k + 1
		e := s
		for e <= m.last && m.toks[e].kind == tokWord && !m.is(e, "that") && !m.is(e, "of") && !m.is(e, "to") && !m.is(e, "against") && e < s+8 {
			if w := m.word(e); e > s && (nounThenVerbs[w] || auxiliaries[w] && !isAdverb(w) && !prepositions[w] || m.verbAt(e) && !m.toks[e].is(flagUpper)) {
				break // "the assurance from the governor came as"
			}
			e++
		}
		if e > s && f.source.empty() {
			f.source = m.tokSpan(s, e-1)
			k = e
		}
	}
	// "a report in the Harbour Times that C": the medium it appeared in
	// speaks.
	if f.source.empty() && f.act == claim.ActReport && m.is(k, "in") {
		s := k + 1
		e := s
		for e <= m.last && e < s+6 && m.toks[e].kind == tokWord && !m.inq[e] && !m.is(e, "that") {
			e++
		}
		if src := m.tokSpan(s, e-1); e > s && m.is(e, "that") && m.isMedia(src) {
			f.source, k = src, e
		}
	}
	// "the accusations made by the German government regarding C": the
	// party after "by" makes them, and the content follows it.
	if f.source.empty() && madeBy[m.word(k)] && m.is(k+1, "by") {
		s := k + 2
		e := s
		for e <= m.last && e < s+10 && m.toks[e].kind == tokWord && !m.inq[e] && !aboutWords[m.word(e)] {
			e++
		}
		if e > s && e <= m.last && aboutWords[m.word(e)] {
			f.source = m.tokSpan(s, e-1)
			f.content = m.contentRight(e)
			m.hedges(&f, i)
			m.refineAct(&f)
			m.out = append(m.out, f)
			return i, true
		}
	}
	// "The White House has issued a stern warning": the light verb's
	// subject speaks.
	light := false
	if f.source.empty() {
		assumption := m.word(i) == "assumption" || m.word(i) == "assumptions"
		for q := i - 1; q >= m.lo && q >= i-4 && m.toks[q].kind == tokWord; q-- {
			if lightVerbs[m.word(q)] || assumption && assumptionVerbs[m.word(q)] {
				f.source = m.subject(q).src
				light = !f.source.empty()
				break
			}
		}
	}
	// said is set when the content comes with words of its own (a
	// clause, a quotation or a colon), not a phrase after the noun: a
	// "clause" noun needs them ("a message from the king that C", not
	// "the message of the film").
	said := true
	switch {
	case m.is(k, "that") && m.headsSubject(i, f.source, possessor):
		// "The allegation that the mayor took bribes surfaced last week":
		// the clause, not the verb whose subject the noun is.
		f.content = m.clauseRight(k + 1)
	case m.is(k, "that"):
		f.content = m.contentRight(k + 1)
	case (m.is(k, "is") || m.is(k, "was")) && m.is(k+1, "that"):
		// "the first report is that C", "his theory was that C".
		f.content = m.contentRight(k + 2)
	case m.clauseAfterNoun(k):
		// "accusations it was behind the fire", "claims they lied".
		f.content = m.contentRight(k)
	case m.punct(k, ':'):
		f.content = m.contentRight(k + 1)
	case !f.source.empty() && (m.is(k, "of") || m.is(k, "against") || m.is(k, "about") || m.is(k, "over")):
		// "the governor's allegations against the port were rejected":
		// the phrase, not the verb whose subject it is.
		f.content, said = m.phraseRight(k), false
	case f.source.empty() && f.act == claim.ActAccuse && !m.is(i-1, "on") && !m.is(i-1, "in") && nounObjects[m.word(k)] && k+1 <= m.last && m.toks[k+1].kind == tokWord:
		// "allegations of the port's involvement", "accusations linking
		// the firm to the fire", "criticism over its response": an
		// accusation by nobody named, of what the phrase says.
		f.content = m.phraseRight(k)
	case nounSwells[m.word(k)] && m.is(k+1, "that"):
		// "suspicions grew that C", "speculation mounted that C".
		f.content = m.contentRight(k + 2)
	case m.is(i-1, "on") && m.is(k, "of") && f.act == claim.ActAccuse:
		// "arrested on suspicion of fraud": what is suspected, by
		// nobody named.
		f.content = m.contentRight(k + 1)
	case m.fallsOn(k, f.act == claim.ActAccuse) > k:
		// "suspicion has fallen on the harbour master", "attention
		// turned to Velkor": on whom is what is suspected, by nobody
		// named. Only suspicion turns to someone: "the report turned to
		// funding" says nothing.
		f.content = m.contentRight(m.fallsOn(k, f.act == claim.ActAccuse))
	}
	if m.inq[i] {
		f.content = m.withinQuote(i, f.content)
	}
	if owner && (len(f.content) == 0 || light) {
		// "his comments came after the vote", "made his remarks": no
		// words of the owner's given here.
		return i, false
	}
	if e.clause && (len(f.content) == 0 || !said) {
		// "the president's message", "a message of hope": no words.
		return i, false
	}
	if len(f.content) == 0 && m.modifier(i, light) {
		// "filed financial disclosure forms": the noun says what kind
		// of forms, not that anything was disclosed.
		return i, false
	}
	if len(f.content) == 0 && !light {
		// A noun with its possessor and nothing said ("Mr Holm's comments
		// came after the vote") is still a statement by the possessor.
		if !possessor || m.inq[i] || !m.opensClause(m.tokenAt(f.source.start)) || !m.nounStandsAlone(i) {
			return i, false
		}
		f.dropInside = true
	}
	if f.act == claim.ActReport && f.source.empty() && !light {
		// "reports say C", "the first report is that C": a report by
		// nobody named states what it says.
		f.act = claim.ActAssert
	}
	m.hedges(&f, i)
	m.refineAct(&f)
	m.out = append(m.out, f)
	return i, true
}

// modifier reports whether the attribution noun at i modifies the noun
// after it ("disclosure forms", "a warning shot", "the statement
// necklace") rather than heading its phrase: the next word is a plain
// word that neither starts a phrase nor can be the verb of a clause, nor
// is a time ("a statement yesterday", "a denial hours later", "late on
// Friday"). The object of a light verb followed by a word and a verb
// heads a clause, not a noun ("issued a warning residents should stay
// indoors").
func (m *matcher) modifier(i int, light bool) bool {
	n := i + 1
	if n > m.last || m.toks[n].kind != tokWord || m.inq[n] || m.toks[n].is(flagUpper) || m.toks[n].is(flagNumber) {
		return false
	}
	w := m.word(n)
	if prepositions[w] || auxiliaries[w] || clauseWords[w] || determiners[w] || pronouns[w] || isAdverb(w) ||
		w == "that" || w == "and" || w == "or" || w == "but" || weekdays[w] || timeNouns[w] ||
		timeAdverbs[w] || w == "early" || m.is(n+1, "later") || m.is(n+1, "earlier") || m.is(n+1, "ago") {
		return false
	}
	if light && n+1 <= m.last && m.toks[n+1].kind == tokWord && (auxiliaries[m.word(n+1)] || m.verbAt(n+1)) {
		return false
	}
	if m.verbAt(n) || strongPast[w] || irregularPast[w] || nounThenVerbs[w] || strings.HasSuffix(w, "ed") ||
		strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") {
		return false
	}
	// The noun it modifies ends the phrase: "forms on Friday", "forms."
	// ("a statement late Friday" goes on).
	after := n + 1
	if after > m.last || m.toks[after].kind != tokWord {
		return true
	}
	a := m.word(after)
	return prepositions[a] || auxiliaries[a] && !isAdverb(a) || a == "and" || a == "that" || strongPast[a] || m.verbAt(after)
}

// phraseRight returns the content that starts with the phrase at token k
// after an attribution noun ("of the port's involvement", "linking the
// firm to the fire"): as contentRight, but ending before a verb that
// follows it, whose subject the noun phrase is ("allegations of bribery
// were rejected", "criticism over the delay prompted an inquiry").
func (m *matcher) phraseRight(k int) []span {
	c := m.contentRight(k)
	if len(c) != 1 {
		return c
	}
	first := m.tokenAt(c[0].start)
	for e := first + 1; e <= m.last && m.toks[e].start < c[0].end; e++ {
		if m.toks[e].kind != tokWord || m.inq[e] {
			continue
		}
		w := m.word(e)
		prev := m.word(e - 1)
		finite := finiteAux[w] || strongPast[w] || nounThenVerbs[w] ||
			len(w) > 4 && strings.HasSuffix(w, "ed") && m.toks[e-1].kind == tokWord && !prepositions[prev] && !determiners[prev] && !hasPossessive(prev) && !auxiliaries[prev]
		if finite && e-1 > first {
			return []span{m.tokSpan(first, e-1)}
		}
	}
	return c
}

// headsSubject reports whether the attribution noun at i, with its
// possessor src when possessor is set, opens its clause as the head of its
// subject ("The mayor's announcement that C surprised the traders"),
// rather than being a verb's object ("dismissed the criticism that C").
func (m *matcher) headsSubject(i int, src span, possessor bool) bool {
	start := i
	if possessor {
		start = m.tokenAt(src.start)
	}
	for start-1 >= m.lo && m.toks[start-1].kind == tokWord && (determiners[m.word(start-1)] || isAdjective(m.word(start-1))) {
		start--
	}
	return m.opensClause(start)
}

// clauseRight returns the content of a clause that starts at token k and
// is part of its sentence's subject: as contentRight, but ending before the
// verb of the sentence, a second finite verb after the clause's own with a
// word between them that neither joins clauses nor is an auxiliary ("that
// the pier would reopen surprised the traders", "that the quotas were
// unfair was heard in court").
func (m *matcher) clauseRight(k int) []span {
	c := m.contentRight(k)
	if len(c) != 1 {
		return c
	}
	first := m.tokenAt(c[0].start)
	seen := false
	for e := first; e <= m.last && m.toks[e].start < c[0].end; e++ {
		if m.toks[e].kind != tokWord || m.inq[e] {
			continue
		}
		w := m.word(e)
		verb := finiteAux[w] || strongPast[w] || nounThenVerbs[w] || len(w) > 4 && strings.HasSuffix(w, "ed") || m.verbAt(e)
		if !verb {
			continue
		}
		prev := ""
		if e-1 >= first && m.toks[e-1].kind == tokWord {
			prev = m.word(e - 1)
		}
		plain := prev != "" && !auxiliaries[prev] && !isAdverb(prev) && !prepositions[prev] && !determiners[prev] && !hasPossessive(prev) && !clauseWords[prev] && prev != "to"
		if seen && plain && e-1 > first {
			return []span{m.tokSpan(first, e-1)}
		}
		if plain || e == first || !seen && !determiners[prev] && !hasPossessive(prev) && !prepositions[prev] {
			seen = true
		}
	}
	return c
}

// nounStandsAlone reports whether the attribution noun at i is the head of
// its clause's subject: the next word is its verb ("Moscow's denial came",
// "Kirby's statement followed", "Korvat's denial did little"), not another
// noun ("the ministry's report card").
func (m *matcher) nounStandsAlone(i int) bool {
	n := i + 1
	if n > m.last || m.toks[n].kind != tokWord {
		return false
	}
	w := m.word(n)
	if m.verbAt(n) {
		return false // "Putin's statement emphasized C": the verb's subject
	}
	return auxiliaries[w] && !isAdverb(w) && !prepositions[w] || nounThenVerbs[w] || len(w) > 3 && strings.HasSuffix(w, "ed")
}

// opensClause reports whether token k opens a clause: the sentence's first
// word, or a word after a comma, "and", "but" or a colon.
func (m *matcher) opensClause(k int) bool {
	return k == m.lo || k-1 >= m.lo && (m.comma(k-1) || m.is(k-1, "and") || m.is(k-1, "but") || m.punct(k-1, ':'))
}

// possessorPhrase returns the noun phrase that ends with the possessive
// at token p ("the minister's", "Russia's"), back to a determiner, six
// words at most, stopping at a preposition or a verb.
func (m *matcher) possessorPhrase(p int) span {
	k := p
	for k-1 >= m.lo && k > p-5 && m.toks[k-1].kind == tokWord && !m.inq[k-1] {
		w := m.word(k - 1)
		if prepositions[w] || clauseWords[w] || auxiliaries[w] || m.verbAt(k-1) && !m.toks[k-1].is(flagUpper) || len(w) > 4 && strings.HasSuffix(w, "ed") {
			break
		}
		k--
		if determiners[w] {
			break
		}
	}
	return m.tokSpan(k, p)
}

// fallsOn returns the token after "has fallen on", "fell on" or "falls
// upon" from token k, or k when the words are not there. With turns, also
// after "turned to", "has shifted to" or "focused on" ("attention turned to
// the harbour master").
func (s *sentence) fallsOn(k int, turns bool) int {
	j := k
	if s.is(j, "has") || s.is(j, "have") || s.is(j, "had") {
		j++
	}
	switch w := s.word(j); {
	case (w == "fallen" || w == "fell" || w == "falls" || w == "fall") && (s.is(j+1, "on") || s.is(j+1, "upon")):
		return j + 2
	case turns && (w == "turned" || w == "turns" || w == "shifted" || w == "shifts") && s.is(j+1, "to"),
		turns && (w == "focused" || w == "focuses" || w == "focussed") && s.is(j+1, "on"):
		return j + 2
	}
	return k
}

// withinQuote cuts a content found inside a quotation at the quotation's
// end, before its closing mark and any comma: the rest is the quoting
// speaker's.
func (s *sentence) withinQuote(i int, content []span) []span {
	for _, r := range s.regs {
		if r.lo >= i || r.hi < i {
			continue
		}
		end := r.hi - 1
		if r.unclosed {
			end = r.hi
		}
		for end > i && (s.comma(end) || s.toks[end].kind == tokQuote) {
			end--
		}
		if len(content) > 0 && content[0].end > s.toks[end].end {
			if content[0].start >= s.toks[end].end {
				return nil
			}
			return []span{{content[0].start, s.toks[end].end}}
		}
		return content[:min(len(content), 1)]
	}
	return content
}

// clauseAfterNoun reports whether a clause with a pronoun subject opens at
// k, after an attribution noun with its "that" left out: "accusations it
// was behind the fire", "claims they lied".
func (s *sentence) clauseAfterNoun(k int) bool {
	if k+1 > s.last || s.toks[k].kind != tokWord || s.toks[k+1].kind != tokWord {
		return false
	}
	w := s.word(k)
	if !pronouns[w] || w == "it" && !auxiliaries[s.word(k+1)] && !s.verbAt(k+1) {
		return false
	}
	next := s.word(k + 1)
	return auxiliaries[next] && !isAdverb(next) || strings.HasSuffix(next, "ed") || irregularPast[next]
}

// adjective matches "X is concerned that C", "remains confident that C".
func (m *matcher) adjective(i int, r *rule, e cueWord) (int, bool) {
	k := i + 1
	switch {
	case m.is(k, "that"):
	case e.clause:
		// "hopeful about the economy" is a mood; "adamant: “...”"
		// says something. Without "that" a clause is not read ("Not
		// everyone is convinced the documents were forged" says
		// nothing of anyone's).
		if !m.punct(k, ':') || k+1 > m.last || m.toks[k+1].kind != tokQuote {
			return i, false
		}
		k++
	case !m.is(k, "about") && !m.is(k, "over") && !m.is(k, "by") && (e.act != claim.ActPledge || !m.is(k, "to")):
		return i, false
	}
	// "is concerned", "were deeply concerned", "remains concerned".
	p := i - 1
	for p >= m.lo && m.toks[p].kind == tokWord && isAdverb(m.word(p)) {
		p--
	}
	if p < m.lo || !isBe(m.word(p)) && !copulas[m.word(p)] {
		return i, false
	}
	cue := m.tokSpan(i, i)
	if copulas[m.word(p)] {
		cue = m.tokSpan(p, i)
	}
	src := m.subject(p).src
	if src.empty() {
		return i, false
	}
	c := k
	if m.is(c, "that") {
		c++
	}
	f := r.found(cue)
	f.source, f.act, f.certainty = src, e.act, e.certainty
	f.content = m.contentRight(c)
	if len(f.content) == 0 {
		return i, false
	}
	m.hedges(&f, i)
	m.out = append(m.out, f)
	return i, true
}

// allegedNoun matches "the alleged spy drone", "a suspected arms
// depot": nobody named alleges that the thing is what the noun says. The
// participle must stand where a verb cannot, after a determiner or at the
// start of a heading, and the content is the noun phrase after it, up to
// a preposition, a verb or a mark.
func (m *matcher) allegedNoun(i int, r *rule, _ cueWord) (int, bool) {
	if !m.determinerBefore(i) && i != m.lo {
		return i, false
	}
	if q, ok := m.regionStartingAt(i + 1); ok && !q.unclosed && q.hi-q.lo <= 5 {
		// "the port's alleged “cover-up”": the noun in quotation marks.
		f := r.found(m.tokSpan(i, i))
		f.act, f.certainty = claim.ActAccuse, claim.CertaintyProbable
		f.content = []span{m.tokSpan(q.lo, q.hi)}
		m.out = append(m.out, f)
		return q.hi, true
	}
	k := i + 1
	for k <= m.last && k < i+6 && m.toks[k].kind == tokWord {
		w := m.word(k)
		if prepositions[w] || clauseWords[w] || determiners[w] || m.verbAt(k) || w == "and" || w == "or" || w == "off" || isBe(w) || auxiliaries[w] {
			break
		}
		if k > i+1 && strings.HasSuffix(w, "ed") && !m.toks[k].is(flagUpper) {
			break // "the alleged drone spotted over Orvik"
		}
		k++
	}
	if k == i+1 {
		return i, false
	}
	f := r.found(m.tokSpan(i, i))
	f.act = claim.ActAccuse
	f.certainty = claim.CertaintyProbable
	f.content = []span{m.tokSpan(i+1, k-1)}
	m.out = append(m.out, f)
	return k - 1, true
}

// adverb matches "X reportedly did Y": no speaker; the content is the
// clause around the adverb. The rule takes the word whether or not it finds
// an attribution.
func (m *matcher) adverb(i int, r *rule, e cueWord) (int, bool) {
	f := r.found(m.tokSpan(i, i))
	f.act, f.certainty = e.act, e.certainty
	start := i - 1
	for start >= m.lo && !m.boundary(start) && !m.inq[start] {
		start--
	}
	start++
	if start < i {
		f.content = append(f.content, m.tokSpan(start, i-1))
	}
	f.content = append(f.content, m.contentRight(i+1)...)
	if len(f.content) == 0 {
		return i, true
	}
	m.hedges(&f, i)
	m.out = append(m.out, f)
	return i, true
}

// isMedia reports whether a source span names news media.
func (s *sentence) isMedia(src span) bool {
	for _, w := range strings.Fields(s.text[src.start:src.end]) {
		// Trim punctuation, then a possessive: not every "s", or
		// "Times" and "News" would be read as "time" and "new".
		w = strings.Trim(w, ".,")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if mediaWords[strings.ToLower(strings.Trim(w, "’'"))] {
			return true
		}
	}
	return false
}

// relayRule names what a relay cue finds: in "the agency, citing two
// officials, reported that C", the officials say C, and the agency relays
// it.
var relayRule = rule{name: "relay", form: FormIndirect, confidence: 0.7}

// relays reads the sentence's relay cues once its other attributions are
// found: "X, citing Y, reported C", "C, X reported, citing Y", "according
// to X, citing Y, C", "X quoting Y said C". Y speaks: it gets an
// attribution of its own with X's content, which reached the reader
// through X; "citing Y" leaves X's content, and X's source. A cue whose
// object names no source ("citing safety concerns") gives a reason, which
// leaves X's content too.
func (m *matcher) relays() {
	n := len(m.out)
	for k := m.lo + 1; k <= m.last; k++ {
		if m.toks[k].kind != tokWord || m.ents[k] == nil || !m.ents[k].relay || m.inq[k] {
			continue
		}
		y, ye := m.relaySource(k + 1)
		r := m.relayer(k, n)
		if r < 0 {
			continue
		}
		f := &m.out[r]
		if y.empty() {
			// "denied the report, citing safety concerns": a reason,
			// which is no part of what was denied.
			ye = k
			for ye < m.last && !m.boundary(ye+1) {
				ye++
			}
			if content := m.withoutRelay(f.content, k, ye); len(content) > 0 {
				f.content = content
			}
			continue
		}
		content := m.withoutRelay(f.content, k, ye)
		if len(content) == 0 {
			continue
		}
		if f.source.start < m.toks[k].start && m.toks[k].end <= f.source.end {
			f.source.end = m.toks[k-1].end // "Interfax quoting a source said"
		}
		f.content = content
		g := relayRule.found(m.tokSpan(k, k))
		g.source, g.content, g.relay = y, slices.Clone(content), f.cue
		g.act = claim.ActAssert
		g.form = m.form(g.content)
		m.hedges(&g, k)
		m.refineAct(&g)
		m.out = append(m.out, g)
		k = ye
	}
}

// relayer returns the index among the first n attributions of the one a
// relay cue at token k belongs to, or -1: the one whose source holds the
// cue ("Interfax quoting a source said"), or, after a comma, the latest
// whose source, cue or content ends at most five tokens before the comma
// ("the agency reported on Monday, citing") or whose content runs on over
// the cue ("according to the agency, citing a source, the ferry sank").
func (m *matcher) relayer(k, n int) int {
	at := m.toks[k].start
	for r := n - 1; r >= 0; r-- {
		f := m.out[r]
		if f.source.start < at && at < f.source.end {
			return r
		}
	}
	if !m.comma(k - 1) {
		return -1
	}
	from := m.toks[max(m.lo, k-6)].start
	near := func(end int) bool { return end >= from && end <= m.toks[k-1].start }
	for r := n - 1; r >= 0; r-- {
		f := m.out[r]
		if near(f.source.end) || near(f.cue.end) {
			return r
		}
		for _, c := range f.content {
			if near(c.end) || c.start <= at && at < c.end {
				return r
			}
		}
	}
	return -1
}

// withoutRelay returns a copy of the content without the relay cue at
// token k and its source, which ends at token ye: a piece that opens with
// the cue keeps what follows the source and its comma ("citing a source,
// the ferry sank"), or goes; a piece that holds it ends before it.
func (m *matcher) withoutRelay(content []span, k, ye int) []span {
	cue := m.toks[k].start
	out := make([]span, 0, len(content))
	for _, c := range content {
		switch {
		case cue < c.start || c.end <= cue:
			out = append(out, c)
		case c.start == cue:
			a := ye + 1
			if m.comma(a) {
				a++
			}
			if a <= m.last && m.toks[a].end <= c.end {
				out = append(out, span{m.toks[a].start, c.end})
			}
		default:
			b := k - 1
			if m.comma(b) {
				b--
			}
			if b >= m.lo && m.toks[b].start >= c.start {
				out = append(out, span{c.start, m.toks[b].end})
			}
		}
	}
	return out
}
