package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/claim"
)

// refineAct reads the content for what the verb leaves open: a dismissal
// makes an assertion a denial ("said the reports were a fabrication"), a
// refusal to say makes it a non-response ("I'm not going to speculate"),
// and the speaker's own "will" or "would" makes it a pledge.
func (s *sentence) refineAct(f *found) {
	if f.act == claim.ActUrge && len(f.content) > 0 && lemmaOf(s.word(s.tokenAt(f.cue.start))) == "ask" && s.endsInQuestion(f.content) {
		// "“Where are the facts?” she asked": what was asked is a
		// question, not a request.
		f.act = claim.ActQuestion
		return
	}
	if len(f.content) == 0 || f.act != claim.ActAssert && f.act != claim.ActPledge {
		return
	}
	kinds, first := s.phrasesIn(f.content)
	perf, performed := s.performative(f.content)
	switch {
	case kinds&phraseThreatIdiom != 0 || kinds&phraseThreat != 0 && (kinds&phraseFuture != 0 || f.act == claim.ActPledge):
		f.act = claim.ActThreaten
	case f.act == claim.ActPledge:
	case performed:
		// "“We deny these reports,” the minister said": the quotation
		// performs the act its own verb names.
		f.act = perf
	case s.ownDenial(f.content) != 0:
		// "The firm said it strongly denies the reports": the speaker
		// reports its own denial.
		f.act = s.ownDenial(f.content)
	case kinds&phraseNonAnswer != 0:
		f.act = claim.ActDeclineComment
	case kinds&phraseRetract != 0:
		f.act = claim.ActRetract
	case kinds&phraseAdmission != 0:
		f.act = claim.ActAdmit
	case s.insistsOn(f):
		f.act = claim.ActUrge
	case first&phraseUrge != 0 || kinds&phraseUrge != 0 && s.quoted(f.content):
		// "the need for" opens an appeal; "we urge" makes one anywhere
		// in a quotation.
		f.act = claim.ActUrge
	case kinds&phraseRejection != 0:
		// "“China will never accept this,” Zhao said": turned down in
		// so many words, before any negation reads as a denial.
		f.act = claim.ActReject
	case kinds&phraseObligation != 0 && s.obligesOther(f.content) && !s.obligedWrong(f.content):
		// "the sanctions must be lifted" urges; "Ostria must stop
		// smuggling arms" affirms the smuggling, and accuses below.
		f.act = claim.ActUrge
	case kinds&phraseConcern != 0:
		f.act = claim.ActConcern
	case kinds&phraseDenial != 0 || s.negatedFact(f.content) || s.dismissedClaim(f.content):
		f.act = claim.ActDeny
	case f.act == claim.ActAssert && kinds&(phraseAccusation|phraseHarm) != 0:
		// "said Ostria did not attack the hospital" denies the
		// wrongdoing; "said it was unlikely Ostria was behind it" accuses
		// nobody.
		switch s.wrongdoing(f.content) {
		case wrongAffirmed:
			if s.nobodySays(f) {
				// "Nobody believed that Kestrel failed to disclose
				// it": a wrongdoing no one affirms.
				break
			}
			f.act = claim.ActAccuse
		case wrongDenied:
			f.act = claim.ActDeny
		case wrongNone, wrongDoubted:
			// Harm with nobody doing it, or wrongdoing doubted, is
			// asserted.
		}
	case kinds&phrasePledge != 0 || s.ownFuture(f.content[0]) || s.quotedPledge(f.content):
		f.act = claim.ActPledge
	}
}

// nobodySays reports whether the attribution's source is a negation of
// anyone: "nobody", "no one", "none of them".
func (s *sentence) nobodySays(f *found) bool {
	if f.source.end <= f.source.start {
		return false
	}
	k := s.tokenAt(f.source.start)
	if k >= s.hi || s.toks[k].kind != tokWord {
		return false
	}
	switch s.word(k) {
	case "nobody", "none", "noone":
		return true
	case "no":
		return s.is(k+1, "one")
	}
	return false
}

// endsInQuestion reports whether the content's last span ends with a
// question mark, before any closing quotation marks.
func (s *sentence) endsInQuestion(content []span) bool {
	c := content[len(content)-1]
	k := s.tokenAt(c.start)
	last := -1
	for ; k < s.hi && s.toks[k].end <= c.end; k++ {
		if s.toks[k].kind != tokQuote {
			last = k
		}
	}
	return last >= 0 && s.toks[last].kind == tokStop && s.text[s.toks[last].start] == '?'
}

// dismissedClaim reports whether the content calls a claim untrue: a
// dismissal or an untruth ("baseless", "lies", "incorrect") as what a claim, or
// "this", "that" or "it", is or is described as, with adverbs, "a" or "an"
// and quotation marks between ("the army's accusation is “lies”", "this
// is ‘completely incorrect’", "as “lies” the accusations"). The claim is
// what someone said (claimObjects); "the plan is absurd" dismisses an
// opinion of its own and is no denial here.
func (s *sentence) dismissedClaim(content []span) bool {
	for _, c := range content {
		start := s.tokenAt(c.start)
		for k := start; k < s.hi && s.toks[k].end <= c.end; k++ {
			if s.toks[k].kind != tokWord || s.lex[k]&lexDismissal == 0 && (s.ents[k] == nil || !s.ents[k].untruth) || s.is(k+1, "to") || s.is(k+1, "that") || !s.dismissesAt(k, c.start) {
				// "it was incorrect to blame the referee": a judgement
				// of what follows, not of a claim; "it was a false
				// start" calls no claim untrue.
				continue
			}
			j := k - 1
			for j >= start && (s.toks[j].kind == tokQuote || s.toks[j].kind == tokWord && (isAdverb(s.word(j)) || s.is(j, "a") || s.is(j, "an") || s.is(j, "completely") || s.is(j, "totally"))) {
				j--
			}
			if j < start || s.toks[j].kind != tokWord {
				continue
			}
			switch w := s.word(j); {
			case w == "as":
				// "described as “lies” the accusations", "branded the
				// reports as false".
				if s.claimNear(start, j, k) {
					return true
				}
			case copulas[w] || w == "are" || w == "is" || w == "was" || w == "were":
				if j-1 >= start && s.toks[j-1].kind == tokWord {
					if p := s.word(j - 1); p == "this" || p == "that" || p == "it" || p == "these" || p == "those" {
						return true
					}
				}
				if s.claimNear(start, j, j) {
					return true
				}
			}
		}
	}
	return false
}

// claimNear reports whether a claim noun (claimObjects) stands within
// eight words before token j, from start, or after token k to the
// content's end.
func (s *sentence) claimNear(start, j, k int) bool {
	for q := j - 1; q >= start && q >= j-8; q-- {
		if s.toks[q].kind == tokWord && claimObjects[s.word(q)] {
			return true
		}
	}
	for q := k + 1; q < s.hi && q <= k+8; q++ {
		if s.toks[q].kind == tokWord && claimObjects[s.word(q)] {
			return true
		}
	}
	return false
}

// ownDenial returns the act of a denial or rejection the content opens
// with, said by a pronoun for the speaker ("it strongly denies the
// reports", "they “categorically reject” the claim"), or zero.
func (s *sentence) ownDenial(content []span) claim.Act {
	k := s.tokenAt(content[0].start)
	if k >= s.hi || s.toks[k].kind != tokWord || !pronouns[s.word(k)] {
		return 0
	}
	for n, j := 0, k+1; j < s.hi && s.toks[j].end <= content[0].end && n < 4; j, n = j+1, n+1 {
		if s.toks[j].kind == tokQuote {
			continue
		}
		if s.toks[j].kind != tokWord {
			return 0
		}
		w := s.word(j)
		if isAdverb(w) || auxiliaries[w] && w != "not" && w != "n't" && w != "never" {
			continue
		}
		for _, e := range cues[w] {
			if e.class == cueVerb && (e.act == claim.ActDeny || e.act == claim.ActReject) && !e.weak {
				return e.act
			}
		}
		return 0
	}
	return 0
}

// insistsOn reports whether the attribution insists on something to be
// done rather than on a fact: "insisted on an inquiry", "have insisted for
// free elections", where "on" or "for" opens the content.
func (s *sentence) insistsOn(f *found) bool {
	switch s.word(s.tokenAt(f.cue.start)) {
	case "insist", "insists", "insisted", "insisting":
	default:
		return false
	}
	w := s.word(s.firstWordAt(s.tokenAt(f.content[0].start)))
	return w == "on" || w == "for"
}

// performative returns the act a quotation of the content performs in
// so many words: "we" or "I", perhaps an adverb, and a reporting verb in
// its base form, or in the perfect, that names an act other than asserting
// or reporting ("We deny", "I promise", "we strongly condemn", "We
// demand", "We have seen and rejected"). It reports false when no
// quotation does.
func (s *sentence) performative(content []span) (claim.Act, bool) {
	for _, c := range content {
		k := s.tokenAt(c.start)
		if k >= s.hi || s.toks[k].kind != tokQuote {
			continue
		}
		for ; k < s.hi && s.toks[k].end <= c.end; k++ {
			if w := s.word(k); w != "we" && w != "i" {
				continue
			}
			j := k + 1
			for j < s.hi && j < k+3 && isAdverb(s.word(j)) {
				j++
			}
			perfect := false
			if s.is(j, "have") || s.is(j, "had") {
				// "We have rejected", "We have seen and rejected":
				// the act done, in the perfect.
				perfect = true
				j++
				if s.is(j+1, "and") {
					j += 2
				}
				for j < s.hi && j < k+7 && isAdverb(s.word(j)) {
					j++
				}
			}
			if j >= s.hi || s.toks[j].end > c.end || s.ents[j] == nil {
				continue
			}
			if e, ok := reading(s.ents[j].cues, cueVerb); ok && (e.base || perfect && !e.ing) && e.act != claim.ActAssert && e.act != claim.ActReport {
				return e.act, true
			}
		}
	}
	return claim.ActUnknown, false
}

// quotedPledge reports whether a quotation of the content has the
// speaker's side say what it will do, anywhere in it: "we will fight",
// "we are going to appeal", "I'll see to it", "we will certainly be ready
// to comment". A refusal ("we will not give") and a state to come ("we
// will be hit", "we will be there") pledge nothing.
func (s *sentence) quotedPledge(content []span) bool {
	for _, c := range content {
		k := s.tokenAt(c.start)
		if k >= s.hi || s.toks[k].kind != tokQuote {
			continue
		}
		for ; k < s.hi && s.toks[k].end <= c.end; k++ {
			if s.toks[k].kind != tokWord {
				continue
			}
			w := s.word(k)
			j := k + 1
			switch w {
			case "we", "i":
				if !s.is(j, "will") && !s.is(j, "shall") {
					if s.is(j, "are") || s.is(j, "am") {
						j++
					} else {
						continue
					}
					if s.is(j, "going") && s.is(j+1, "to") {
						return true
					}
					continue
				}
			case "we'll", "i'll", "we’ll", "i’ll":
				j = k
			case "we're", "i'm", "we’re", "i’m":
				if s.is(j, "going") && s.is(j+1, "to") {
					return true
				}
				continue
			default:
				continue
			}
			j++
			for j < s.hi && isAdverb(s.word(j)) {
				j++
			}
			if j >= s.hi || s.toks[j].kind != tokWord || s.is(j, "not") || s.is(j, "n't") {
				continue
			}
			if s.is(j, "be") && !s.is(j+2, "to") {
				continue // "we will be hit", but "we will be ready to"
			}
			return true
		}
	}
	return false
}

// quoted reports whether the content opens with a quotation mark.
func (s *sentence) quoted(content []span) bool {
	k := s.tokenAt(content[0].start)
	return k < s.hi && s.toks[k].kind == tokQuote
}

// obligesOther reports whether the content says what another party must
// do: an obligation phrase ("must", "should", "needs to") whose subject is
// not the speaker's own side ("we", "I"), not a guess about the past ("must
// have"), and not a question or a condition ("if it should").
func (s *sentence) obligesOther(content []span) bool {
	for _, c := range content {
		for k := s.tokenAt(c.start); k < s.hi && s.toks[k].end <= c.end; k++ {
			if s.toks[k].kind != tokWord || s.lex[k]&lexPhrase == 0 {
				continue
			}
			for _, p := range phrases.byFirst[s.word(k)] {
				if p.kind != phraseObligation || !s.phraseAt(k, c.end, p.words) {
					continue
				}
				prev, next := "", s.word(k+len(p.words))
				if k-1 >= s.lo && s.toks[k-1].kind == tokWord {
					prev = s.word(k - 1)
				}
				switch {
				case prev == "" || notObliged[prev] || auxiliaries[prev]:
					// "we must", "if it should", "will have to", and a
					// quotation that opens with the modal.
				case prev == "one" && k-2 >= s.lo && s.is(k-2, "no"):
					// "no one should have to"
				case next == "have" || next == "not" && s.word(k+2) == "have":
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
func (s *sentence) negatedFact(content []span) bool {
	if len(content) == 0 {
		return false
	}
	var arr [48]string
	buf := s.leadingWords(content[0], arr[:])
	n := len(buf)
	// Each clause "that" opens is read as the content's start is: "the
	// first report is that no money entered"; not after a reporting verb,
	// whose clause is another speaker's ("the banks stated that ...").
	for k := 0; k < n; k++ {
		if k == 0 || buf[k-1] == "that" && (k < 2 || !isVerbForm(buf[k-2])) {
			if s.negatedClause(buf[k:min(n, k+6)]) {
				return true
			}
		}
	}
	return s.namedNegation(content[0])
}

// namedNegation reports whether a content opens by saying a named party
// did not do something, or never did: a name ("TikTok", "Kestrel Rail",
// "the Ostrian army", up to four capitalised words, after "the" and with a
// common noun after them), then, over auxiliaries, a negation of fact as
// negAt reads it ("Ostria did not attack", "TikTok has never shared",
// "Kestrel Rail is not owned by"). Said of something that was to happen
// ("Ostria would not") it is no denial, nor is a name that is the
// content's first word only because a quotation opens there ("This
// money was not"), nor a negation that affirms (affirmedNegation: "Ostria
// did not hesitate to attack").
func (s *sentence) namedNegation(c span) bool {
	k := s.tokenAt(c.start)
	for k < s.hi && s.toks[k].end <= c.end && s.toks[k].kind == tokQuote {
		k++
	}
	if k < s.hi && s.is(k, "the") {
		k++
	}
	names := 0
	for k < s.hi && s.toks[k].end <= c.end && s.toks[k].kind == tokWord && s.toks[k].is(flagUpper) && names < 4 {
		if w := s.word(k); determiners[w] || pronouns[w] || speakerWords[w] || sentenceStarters[w] {
			return false
		}
		names++
		k++
	}
	if names == 0 {
		return false
	}
	if k < s.hi && s.toks[k].end <= c.end && s.toks[k].kind == tokWord && !auxiliaries[s.word(k)] && !strings.HasSuffix(s.word(k), "n't") {
		k++ // "the Ostrian army", "Kestrel Rail's board"
	}
	var arr [4]string
	ws := arr[:0]
	first := k
	for ; k < s.hi && s.toks[k].end <= c.end && s.toks[k].kind == tokWord && len(ws) < len(arr); k++ {
		ws = append(ws, s.word(k))
	}
	for j := range ws {
		if s.negAt(ws, j) {
			return !s.affirmedNegation(first+j, c.end)
		}
		if !auxiliaries[ws[j]] && !strings.HasSuffix(ws[j], "n't") {
			return false
		}
	}
	return false
}

// affirmedNegation reports whether the negator at token k says when or
// how something was done rather than that it was not: a verb whose
// negation affirms (negationAffirms) follows it, over adverbs ("did not
// hesitate to attack", "never stopped shelling", "has never hidden", "did
// not deny attacking"), or "until" stands later in its clause
// (untilLater). end bounds the content.
func (s *sentence) affirmedNegation(k, end int) bool {
	j := k + 1
	for j < s.hi && s.toks[j].end <= end && s.toks[j].kind == tokWord && (isAdverb(s.word(j)) || s.is(j, "even")) {
		j++
	}
	return j < s.hi && s.toks[j].end <= end && s.toks[j].kind == tokWord && negationAffirms[s.word(j)] || s.untilLater(k, end)
}

// untilLater reports whether "until" or "till" (negUntil) follows the
// negator at token k in its clause, before punctuation or "but": "did not
// attack the convoy until Tuesday" says when it was done. end bounds the
// content.
func (s *sentence) untilLater(k, end int) bool {
	for j := k + 1; j < s.hi && s.toks[j].end <= end && s.toks[j].kind == tokWord && !s.is(j, "but"); j++ {
		if negUntil[s.word(j)] {
			return true
		}
	}
	return false
}

// negatedClause reports whether the words opening a clause deny something
// of the speaker's own side or that something exists, as negatedFact says.
func (s *sentence) negatedClause(ws []string) bool {
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
	if strings.HasSuffix(ws[0], "'s") && s.negAt(ws, 1) {
		return true // "it's not possible"
	}
	for k := first; k < n && k <= first+2; k++ {
		if s.negAt(ws, k) {
			return true
		}
		if !auxiliaries[ws[k]] && !strings.HasSuffix(ws[k], "n't") {
			return false
		}
	}
	return false
}

// negAt reports whether ws[k] negates a statement of fact: a negator (or a
// verb with "n't") not after a modal, nor before "been", a word that
// makes it no negation (negSkips) or one that makes it say what is not
// known (unknowns: "it was not known whether").
func (s *sentence) negAt(ws []string, k int) bool {
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
	return !negSkips[next] && !unknowns[next] && next != "been"
}

// phrasesIn returns the kinds of phrase found in the content, and those
// found at its very start. Quotation marks are skipped.
func (s *sentence) phrasesIn(content []span) (kinds, first uint16) {
	for ci, c := range content {
		start := s.tokenAt(c.start)
		for k := start; k < s.hi && s.toks[k].end <= c.end; k++ {
			if s.toks[k].kind != tokWord {
				continue
			}
			w := s.word(k)
			fl := s.lex[k]
			try := func(list []phrase) {
				for _, p := range list {
					if s.phraseAt(k, c.end, p.words) {
						kinds |= p.kind
						if ci == 0 && k == s.firstWordAt(start) {
							first |= p.kind
						}
					}
				}
			}
			if fl&lexPhrase != 0 {
				try(s.ents[k].phrases)
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

// wrong is what a content says of the wrongdoing it names: wrongNone when
// it names none (or harm with nobody doing it), wrongAffirmed when it says
// a party did it, wrongDenied when it says, in so many words, that a party
// did not ("Ostria did not attack", "was never involved"), and wrongDoubted
// when the wrongdoing stands under a negation or a doubt further back ("no
// evidence that it was shot down by Ostrian forces", "very unlikely an
// adversary is responsible").
type wrong int

const (
	wrongNone wrong = iota
	wrongDoubted
	wrongDenied
	wrongAffirmed
)

// wrongdoing reads each accusation phrase, and each harm phrase with a
// named doer, in the content, and returns what the
// content says of it: affirmed when any is affirmed, else denied or
// doubted as the first one is, else none.
func (s *sentence) wrongdoing(content []span) wrong {
	var first wrong
	for _, c := range content {
		start := s.tokenAt(c.start)
		for k := start; k < s.hi && s.toks[k].end <= c.end; k++ {
			if s.toks[k].kind != tokWord {
				continue
			}
			for _, n := range s.wrongsAt(k, c) {
				got := s.negatedWrong(k, start, c.end)
				if got == wrongAffirmed && s.inProcess(k, k+n, start, c.end) {
					got = wrongDoubted
				}
				if got == wrongAffirmed {
					return got
				}
				if first == wrongNone {
					first = got
				}
			}
		}
	}
	return first
}

// wrongsAt returns the lengths, in words, of the wrongdoing phrases that
// open at token k within c. Harm counts only with a doer named: a name or
// a pronoun as the subject of an active verb ("Varnesia shot down", "they
// blew up"), or a party after "by" ("shot down by Ostrian forces"). Harm
// in the passive with no party ("was poisoned with a nerve agent") and
// harm as a noun ("the victim of an attack") name nobody.
func (s *sentence) wrongsAt(k int, c span) []int {
	var ns []int
	w := s.word(k)
	for _, list := range [][]phrase{phrases.byFirst[w], phrases.prefixed[prefix3(w)], phrases.suffixed} {
		for _, p := range list {
			if p.kind != phraseAccusation && p.kind != phraseHarm || !s.phraseAt(k, c.end, p.words) {
				continue
			}
			if p.kind == phraseHarm && !s.doerBefore(k, c.start) && !s.doerAfter(k+len(p.words), c.end, isAgentWord(p.words[len(p.words)-1])) {
				continue
			}
			ns = append(ns, len(p.words))
		}
	}
	return ns
}

// obligedWrong reports whether a demand on another party (obligesOther)
// goes with an affirmed wrongdoing, as wrongdoing reads it. In the clause
// the obligation phrase opens, up to punctuation, the wrongdoing must be
// the obliged party's own ("Ostria must stop smuggling arms", "should
// answer for its aggression"): after an article ("must stop the
// smugglers") or a relative pronoun ("must hand over the men who attacked
// the convoy") it is another party's, as it is in a relative clause after
// the demand, up to punctuation ("must protect the witnesses, whom the
// smugglers threatened"). Elsewhere in the content any
// affirmed wrongdoing counts ("This must end. Punishment for the atrocities
// committed by Ostria is inevitable").
func (s *sentence) obligedWrong(content []span) bool {
	for _, c := range content {
		start := s.tokenAt(c.start)
		seen, inClause, others := false, false, false
		for k := start; k < s.hi && s.toks[k].end <= c.end; k++ {
			if s.toks[k].kind != tokWord {
				inClause, others = false, false
				continue
			}
			if n := s.obligationAt(k, c.end); n > 0 {
				seen, inClause, others = true, true, false
				k += n - 1
				continue
			}
			if seen && relativePronouns[s.word(k)] || inClause && othersArticles[s.word(k)] {
				others = true
			}
			if others {
				continue
			}
			for _, n := range s.wrongsAt(k, c) {
				if s.negatedWrong(k, start, c.end) == wrongAffirmed && !s.inProcess(k, k+n, start, c.end) {
					return true
				}
			}
		}
	}
	return false
}

// obligationAt returns the length in words of the obligation phrase
// ("must", "should", "needs to") that opens at token k within end, or 0.
func (s *sentence) obligationAt(k, end int) int {
	if s.lex[k]&lexPhrase == 0 {
		return 0
	}
	for _, p := range phrases.byFirst[s.word(k)] {
		if p.kind == phraseObligation && s.phraseAt(k, end, p.words) {
			return len(p.words)
		}
	}
	return 0
}

// inProcess reports whether the wrongdoing phrase from token k to token e
// names what a process is about rather than saying it was done: a noun
// of investigation or prosecution within two words of it ("a criminal
// investigation", "charges of corruption", "the corruption probe", "a
// criminal complaint"). start and end bound the content.
func (s *sentence) inProcess(k, e, start, end int) bool {
	for j, n := k-1, 0; j >= start && n < 2 && s.toks[j].kind == tokWord; j, n = j-1, n+1 {
		if processNouns[s.word(j)] {
			return true
		}
	}
	for j, n := e, 0; j < s.hi && s.toks[j].end <= end && n < 3 && s.toks[j].kind == tokWord; j, n = j+1, n+1 {
		if processNouns[s.word(j)] {
			return true
		}
	}
	return false
}

// negatedWrong reads what stands before the wrongdoing phrase at token k,
// back to token start: a negation just before it, over auxiliaries and
// adverbs ("did not attack", "has never been involved", "was not caused
// by"), denies it; a negation or a doubt further back in its clause ("no
// evidence that", "could not identify an adversary as", "unlikely"), or a
// claim noun before "that" ("allegations that"), leaves it doubted;
// otherwise it is affirmed. A clause ends at punctuation or "but". A
// negation with "until" later in its clause (untilLater: "did not attack
// the convoy until Tuesday"), or one with "only" or "just" between it and
// the wrongdoing ("did not only attack the convoy but also"), affirms it.
// end bounds the content.
func (s *sentence) negatedWrong(k, start, end int) wrong {
	j := k - 1
	skipped := false
	for j >= start && s.toks[j].kind == tokWord && (auxiliaries[s.word(j)] && !negators[s.word(j)] && !strings.HasSuffix(s.word(j), "n't") || isAdverb(s.word(j)) || isBe(s.word(j))) {
		skipped = skipped || negSkips[s.word(j)]
		j--
	}
	if j >= start && s.toks[j].kind == tokWord {
		w := s.word(j)
		switch {
		case negModals[w] || j > start && s.toks[j-1].kind == tokWord && negModals[s.word(j-1)] && negators[w]:
			// "would not attack", "won't hack": a refusal or a pledge.
			return wrongDoubted
		case (negators[w] && w != "no" && w != "none" && w != "nothing" || strings.HasSuffix(w, "n't")) && (skipped || s.untilLater(j, end)):
			return wrongAffirmed
		case negators[w] && w != "no" && w != "none" && w != "nothing" || strings.HasSuffix(w, "n't"):
			return wrongDenied
		}
	}
	for n := 0; j >= start && n < 12; j, n = j-1, n+1 {
		if s.toks[j].kind != tokWord {
			if s.toks[j].kind == tokQuote {
				continue
			}
			break
		}
		switch w := s.word(j); {
		case w == "but":
			return wrongAffirmed
		case negators[w], strings.HasSuffix(w, "n't"), doubtWords[w]:
			return wrongDoubted
		case w == "that" && j > start && s.toks[j-1].kind == tokWord && claimObjects[s.word(j-1)]:
			// "allegations that Ostria bribed officials": what a
			// claim says, not what the speaker affirms.
			return wrongDoubted
		}
	}
	return wrongAffirmed
}

// prefix3 returns the first three bytes of w, or "" for a shorter word.
func prefix3(w string) string {
	if len(w) < 3 {
		return ""
	}
	return w[:3]
}

// doerBefore reports whether the harm verb at k has a named subject in the
// active voice: over adverbs, negations and "has", "had", "did", the word before is a
// capitalised name not governed by a preposition ("Varnesia likely shot
// down", not "from inside Varnesia likely shot down"), "they", "he" or
// "she", or a party named by what it is ("hackers targeted"). A form of "be" before the verb makes it passive.
func (s *sentence) doerBefore(k, start int) bool {
	j := k - 1
	for j >= s.lo && s.toks[j].start >= start && s.toks[j].kind == tokWord {
		w := s.word(j)
		if isBe(w) || w == "got" || w == "get" {
			return false
		}
		if !isAdverb(w) && w != "has" && w != "have" && w != "had" && w != "did" && w != "does" && w != "do" && !negators[w] && !strings.HasSuffix(w, "n't") {
			break
		}
		j--
	}
	if j < s.lo || s.toks[j].start < start || s.toks[j].kind != tokWord {
		return false
	}
	switch w := s.word(j); {
	case w == "they" || w == "he" || w == "she" || doers[w]:
		// "hackers targeted": a party named by what it is does harm
		// as a name does.
		return true
	case !s.toks[j].is(flagUpper) || determiners[w] || pronouns[w] || strings.HasSuffix(w, "'s"):
		return false // "Varnesia's poisoning" names the victim
	}
	p := j - 1
	for p >= s.lo && s.toks[p].kind == tokWord && s.toks[p].is(flagUpper) {
		p--
	}
	return p < s.lo || s.toks[p].kind != tokWord || !prepositions[s.word(p)]
}

// doerAfter reports whether a party follows the harm phrase ending before
// token k as its agent: "by", then a name ("by Varnesia", "by the
// Kremlin"), a nationality ("by Ostrian forces", "by actors working for
// the Ostrian state") or a party named by what it is ("by saboteurs", "the
// victim of speculators"), not a thing named for its maker ("by a Kestrel
// missile"); "by" may follow the phrase by up to three words. byDone is
// true when the phrase ends with "by" or "of".
func (s *sentence) doerAfter(k, end int, byDone bool) bool {
	if !byDone {
		// "by" may come a few words on: "brought down accidentally by",
		// "shot down in July by".
		j := k
		for j < s.hi && j < k+4 && s.toks[j].end <= end && s.toks[j].kind == tokWord && !s.is(j, "by") {
			j++
		}
		if j >= s.hi || s.toks[j].end > end || !s.is(j, "by") {
			return false
		}
		k = j + 1
	}
	// The agent's phrase runs to the next punctuation, eight words at
	// most: "by actors working on behalf of the Ostrian state".
	for n := 0; n < 8 && k < s.hi && s.toks[k].end <= end && s.toks[k].kind == tokWord; n, k = n+1, k+1 {
		w := s.word(k)
		if doers[w] {
			return true
		}
		if w == "and" || w == "but" || w == "or" || placePrepositions[w] && n > 0 {
			// "caused by a leak in Wuhan": the place is not the doer.
			return false
		}
		if !s.toks[k].is(flagUpper) || determiners[w] {
			continue
		}
		if isDemonym(w) {
			return true
		}
		// A name is the head of its phrase: "by Varnesia", "by the
		// Kremlin", not "a Kestrel missile" or "a Soviet-made toxin".
		if j := k + 1; j >= s.hi || s.toks[j].end > end || s.toks[j].kind != tokWord && s.text[s.toks[j].start:s.toks[j].end] != "-" {
			return true
		}
	}
	return false
}

// isAgentWord reports whether a harm phrase ending in w goes on with its
// agent: "killed by", "the victim of".
func isAgentWord(w string) bool { return w == "by" || w == "of" }

// isDemonym reports whether a capitalised word has a nationality's ending:
// "Iranian", "Korean", "Chinese", "British", "Israeli", "Iraqi",
// "Pakistani", "Saudi".
func isDemonym(w string) bool {
	for _, suf := range [...]string{"ian", "ean", "can", "ese", "ish", "eli", "aqi", "ani", "udi"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// ownFuture reports whether a content says what the speaker's side will
// do: "we will", "it would", "the company would challenge".
func (s *sentence) ownFuture(c span) bool {
	var arr [8]string
	ws := s.leadingWords(c, arr[:])
	n := len(ws)
	for k := 0; k < n && k < 3; k++ {
		if !speakerWords[ws[k]] && (k == 0 || !ownBodies[ws[k]] || ws[k-1] != "the" && !speakerWords[ws[k-1]]) {
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

// hedges sets the certainty the words around an attribution give: the
// auxiliaries before the cue ("may have") and the content's first words.
func (s *sentence) hedges(f *found, cueTok int) {
	for k := cueTok - 1; k >= s.lo && k >= cueTok-3; k-- {
		if !s.inName(k) {
			f.hedge = stronger(f.hedge, s.hedgeAt(k))
		}
	}
	n := 0
	for _, c := range f.content {
		for k := s.tokenAt(c.start); k < s.hi && n < 40 && s.toks[k].end <= c.end; k++ {
			n++
			if s.toks[k].kind != tokWord {
				continue
			}
			switch fl := s.lex[k]; {
			case fl&(lexPossible|lexProbable|lexDismissal) == 0:
			case fl&lexPossible != 0:
				if s.toks[k].is(flagUpper) && k > s.lo {
					break // "Theresa May", "in May"
				}
				f.hedge = claim.CertaintyPossible
			case fl&lexProbable != 0:
				f.hedge = stronger(f.hedge, claim.CertaintyProbable)
			case fl&lexDismissal != 0:
				if f.act == claim.ActAssert && s.dismissesAt(k, c.start) {
					f.act = claim.ActDeny
				}
			}
		}
	}
}

// dismissesAt reports whether the dismissal at token k calls something
// untrue: not when a negation stands before it, over adverbs ("the claims
// were not baseless", "were never false", "isn't entirely unfounded": two
// negations affirm), nor when, after "a", "an" or "the", it qualifies a
// noun that is no claim ("it was a false start", "the fake passports";
// against "a false claim", "the baseless allegations", "a fake news
// story"). start is where the content begins.
func (s *sentence) dismissesAt(k, start int) bool {
	j := k - 1
	for j >= s.lo && s.toks[j].start >= start && s.toks[j].kind == tokWord && isAdverb(s.word(j)) {
		j--
	}
	if j < s.lo || s.toks[j].start < start || s.toks[j].kind != tokWord {
		return true
	}
	if w := s.word(j); negators[w] || strings.HasSuffix(w, "n't") {
		return false
	}
	if !s.is(j, "a") && !s.is(j, "an") && !s.is(j, "the") {
		return true
	}
	n := k + 1
	if n >= s.hi || s.toks[n].kind != tokWord {
		return true
	}
	switch w := s.word(n); {
	case claimObjects[w], opinionObjects[w], dismissals[w], statementWords[w], dismissedHeads[w], w == "and", w == "or":
		return true
	}
	return false
}

// hedgeAt returns the certainty the word at token k gives as a hedge, by
// the sentence's lexicon flags, or underspecified.
func (s *sentence) hedgeAt(k int) claim.Certainty {
	switch fl := s.lex[k]; {
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

// factuality derives the FactBank value from the act, the cue's own
// certainty and the hedges found around it.
func factuality(f found, act claim.Act) claim.Factuality {
	cert := claim.CertaintyCertain
	if f.certainty != claim.CertaintyUnderspecified {
		cert = f.certainty
	}
	switch f.hedge {
	case claim.CertaintyPossible:
		cert = claim.CertaintyPossible
	case claim.CertaintyProbable:
		if cert == claim.CertaintyCertain {
			cert = claim.CertaintyProbable
		}
	default:
		// No hedge, or a certain one: the cue's certainty stands.
	}
	switch act {
	case claim.ActDeny, claim.ActReject:
		return claim.Factuality{Certainty: cert, Polarity: claim.PolarityNegative}
	case claim.ActDeclineComment, claim.ActQuestion, claim.ActReport:
		return claim.Uu()
	case claim.ActRetract:
		return claim.CTu()
	case claim.ActWarn, claim.ActConcern:
		if cert == claim.CertaintyCertain {
			cert = claim.CertaintyPossible
		}
	default:
		// Every other act affirms with the certainty found.
	}
	return claim.Factuality{Certainty: cert, Polarity: claim.PolarityPositive}
}

// claimOpens reports whether a content opens with a noun phrase whose
// head is an opinion: "the notion", "the union's criticism was".
func (s *sentence) claimOpens(content []span) bool {
	if len(content) == 0 {
		return false
	}
	k := s.tokenAt(content[0].start)
	if k < s.hi && s.toks[k].kind == tokQuote {
		return false // a quotation says more than its subject
	}
	for n := 0; k < s.hi && s.toks[k].end <= content[0].end && n < 5; k, n = k+1, n+1 {
		if s.toks[k].kind != tokWord {
			if s.toks[k].kind == tokPunct && s.text[s.toks[k].start] == '-' {
				continue
			}
			return false
		}
		w := s.word(k)
		if opinionObjects[w] {
			return true
		}
		if n > 0 && (auxiliaries[w] || clauseWords[w] || prepositions[w] || s.verbAt(k)) {
			return false
		}
	}
	return false
}
