package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/claim"
)

// phrasal reads the words a verb takes with it ("called on", "expressed
// concern", "conveyed strong concern", "cast doubt on", "claimed responsibility") and returns the act,
// the cue's last token, and false when the verb is not a cue here ("a group
// called X").
func (s *sentence) phrasal(i int, w string, act claim.Act) (claim.Act, int, bool) {
	switch lemmaOf(w) {
	case "call":
		if s.is(i+1, "on") || s.is(i+1, "for") || s.is(i+1, "upon") {
			return claim.ActUrge, i + 1, true
		}
		// "called it a fake", "called the report groundless".
		for k := i + 1; k <= s.last && k < i+9; k++ {
			if s.toks[k].kind == tokWord && dismissals[s.word(k)] {
				return claim.ActDeny, i, true
			}
		}
		// "called the seizure 'an act of piracy'", "called the move a
		// provocation": an object, then what it is called, in quotation
		// marks or with "a"; not "called a meeting". Calling what a
		// party did so accuses it; calling a claim so denies it ("called
		// the report 'a smear'"). A pronoun does not say which it is.
		// After a finite verb what it is called decides: a dismissal
		// denies, as above, and anything else accuses ("called that 'a
		// reckless pattern of behaviour'"); a participle's pronoun goes
		// back to what the sentence spoke of before ("denied the
		// reports, calling them 'a tale'"), which this does not read.
		if i+1 > s.last || s.toks[i+1].kind != tokWord || s.is(i+1, "a") || s.is(i+1, "an") || s.is(i+1, "for") || s.toks[i+1].is(flagUpper) ||
			objectPronouns[s.word(i+1)] && strings.HasSuffix(w, "ing") {
			return act, i, false
		}
		for k := i + 2; k <= s.last && k < i+8; k++ {
			if s.toks[k].kind == tokQuote || s.is(k, "a") || s.is(k, "an") {
				if claimObjects[s.word(k-1)] {
					return claim.ActDeny, i, true
				}
				return claim.ActAccuse, i, true
			}
			if s.toks[k].kind != tokWord || s.is(k, "to") || s.is(k, "for") || s.is(k, "on") {
				break
			}
		}
		return act, i, false
	case "express", "voice", "raise", "convey":
		k := i + 1
		for k <= s.last && k < i+5 && (intensifiers[s.word(k)] || s.toks[k].kind == tokQuote) {
			k++
		}
		switch o := s.word(k); {
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
		// "conveyed that C" asserts; "conveyed the goods" is no cue, as
		// the lexicon's "clause" says.
		return claim.ActAssert, i, lemmaOf(w) == "express" || lemmaOf(w) == "convey"
	case "caution":
		// "cautioned against" warns; "cautioned that" only asserts.
		if !s.is(i+1, "against") {
			return claim.ActAssert, i, true
		}
	case "cast":
		if s.is(i+1, "doubt") {
			if s.is(i+2, "on") || s.is(i+2, "over") || s.is(i+2, "upon") {
				return claim.ActQuestion, i + 2, true
			}
			return claim.ActQuestion, i + 1, true
		}
		return act, i, false
	case "slam", "blast":
		// "the van slammed into a wall", "blasted through the rock":
		// motion, not an attack in words.
		if s.is(i+1, "into") || s.is(i+1, "onto") || s.is(i+1, "through") || s.is(i+1, "off") {
			return act, i, false
		}
	case "hit", "push":
		// "hits back at the critics", "pushing back at reports": a
		// rejection; "hit" or "push" alone is no cue.
		if !s.is(i+1, "back") {
			return act, i, false
		}
		if s.is(i+2, "at") || s.is(i+2, "against") {
			return claim.ActReject, i + 2, true
		}
		return claim.ActReject, i + 1, true
	case "post":
		// "posted on X", "posted on its Telegram channel"; not "a
		// statement posted online", nor "the Harbour Post".
		k := i + 2
		if possessives[s.word(k)] || s.is(k, "the") {
			k++
		}
		if s.is(i+1, "that") && !postedThings[s.word(i-1)] && !s.toks[i].is(flagUpper) {
			return act, i, true // "posted that C"
		}
		if !s.is(i+1, "on") || !platforms[s.word(k)] || postedThings[s.word(i-1)] || s.toks[i].is(flagUpper) {
			return act, i, false
		}
		if platformNouns[s.word(k+1)] {
			k++
		}
		return act, k, true
	case "find":
		// "found no evidence that C", "found no sign of C": a denial.
		if s.is(i+1, "no") && noEvidence[s.word(i+2)] {
			return claim.ActDeny, i, true
		}
		// "found that C", "found he had no prior knowledge", "found the
		// money was moved": a finding; "found shells in crates" is a
		// discovery, no statement.
		if w == "found" && !s.heading && !s.is(i+1, "that") && !pronouns[s.word(i+1)] && !s.is(i+1, "there") && !s.clauseAhead(i+1) {
			return act, i, false
		}
	case "refer":
		// "referred to the incident as an accident": what the speaker
		// calls it; "referred to the committee" is no statement.
		if !s.is(i+1, "to") {
			return act, i, false
		}
		for k := i + 2; k <= s.last && k < i+10 && !s.boundary(k); k++ {
			if s.is(k, "as") {
				return act, i + 1, true
			}
		}
		return act, i, false
	case "prove":
		// "proved that C", "has “proven beyond doubt” that C"; not
		// "proved fatal".
		for k := i + 1; k <= s.last && k <= i+5 && !s.boundary(k); k++ {
			if s.is(k, "that") && !s.inq[k] {
				return act, i, true
			}
		}
		return act, i, false
	case "determine":
		// "determined that C"; not "to determine the cause".
		return act, i, s.is(i+1, "that")
	case "hold":
		// "held that C"; "holds Moscow responsible", an accusation.
		if s.is(i+1, "that") {
			return act, i, true
		}
		for k := i + 1; k <= s.last && k <= i+6 && s.toks[k].kind == tokWord; k++ {
			if s.is(k, "responsible") || s.is(k, "accountable") {
				return claim.ActAccuse, i, true
			}
		}
		return act, i, false
	case "point":
		// "pointed to sabotage", "pointed toward a fault", "point out
		// that C".
		if s.is(i+1, "to") || s.is(i+1, "toward") || s.is(i+1, "towards") || s.is(i+1, "out") {
			return act, i + 1, true
		}
		return act, i, false
	case "seek":
		// "sought life sentences"; "sought to reassure" is no demand.
		return act, i, !s.is(i+1, "to")
	case "attest":
		// "papers that attested to the deposits".
		if s.is(i+1, "to") {
			return act, i + 1, true
		}
	case "reads":
		// "“...,” the statement reads", "the letter reads:"; not "read
		// the report".
		return act, i, s.reportingBefore(i-2) && determiners[s.word(i-2)] || s.punct(i+1, ':')
	case "rule":
		// "ruled out any involvement": a denial.
		if s.is(i+1, "out") {
			return claim.ActDeny, i + 1, true
		}
	case "claim":
		if s.is(i+1, "responsibility") || s.is(i+1, "credit") {
			return claim.ActAdmit, i, true
		}
	case "ask":
		if s.is(i+1, "whether") || s.is(i+1, "if") || s.is(i+1, "about") {
			return claim.ActQuestion, i, true
		}
		if i == s.lo || s.is(i-1, "when") || s.is(i-1, "if") {
			return act, i, false // "Asked whether ...": the reporter asks
		}
	}
	return act, i, true
}

// baseFormFits reports whether a verb in its base form ("say", "deny")
// stands where a base form can be a finite verb: after "to", a modal, a
// plural subject (also one with a phrase after its head: "other agencies
// within the council believe") or "I", "we", "they", "you", or anywhere in
// a heading.
func (s *sentence) baseFormFits(i int) bool {
	if s.heading {
		return true
	}
	p := i - 1
	for p >= s.lo && s.toks[p].kind == tokWord && isAdverb(s.word(p)) {
		p--
	}
	if p < s.lo || s.toks[p].kind != tokWord {
		return false
	}
	w := s.word(p)
	switch {
	case w == "to":
		return !s.is(p-1, "according") && !s.is(p-1, "due") // "according to state media"
	case baseFormOpeners[w]:
		return true
	}
	if s.pluralAt(p) {
		return true
	}
	// "Officials at the ministry say": a plural head, then a
	// prepositional phrase of a few words with no verb in it.
	for q := p; q > s.lo && q >= p-6; q-- {
		if s.toks[q].kind != tokWord || s.inq[q] || s.verbAt(q) || clauseWords[s.word(q)] {
			return false
		}
		if prepositions[s.word(q)] {
			// Not the preposition itself before the verb: "the
			// dates in question".
			return q < p && s.toks[q-1].kind == tokWord && s.pluralAt(q-1)
		}
	}
	return false
}

// pluralAt reports whether the word at p reads as a plural noun: it ends
// in "s" and is no possessive or determiner ("this"), nor a singular in
// "-ss", "-us" or "-is" ("address", "status", "analysis").
func (s *sentence) pluralAt(p int) bool {
	w := s.word(p)
	return strings.HasSuffix(w, "s") && !hasPossessive(w) && !determiners[w] &&
		!strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// nounCompound reports whether a cue ending in -s is the head of a noun
// phrase rather than a verb: "its member states", "the range estimates",
// "urged member states".
func (s *sentence) nounCompound(i int, w string) bool {
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || s.heading {
		return false
	}
	p := i - 1
	if p <= s.lo || s.toks[p].kind != tokWord || s.toks[p].is(flagUpper) {
		return false
	}
	pw := s.word(p)
	if auxiliaries[pw] || isAdverb(pw) || clauseWords[pw] || pronouns[pw] {
		return false
	}
	pp := s.word(p - 1)
	if !determiners[pp] && !prepositions[pp] && !s.verbAt(p-1) && pp != "a" && pp != "an" && !quantifiers[pp] {
		return false
	}
	if determiners[pp] && p-2 >= s.lo && (s.comma(p-2) || s.toks[p-2].kind == tokQuote) {
		// "“...,” the minister says": a trailing attribution, its verb
		// after its source.
		return false
	}
	// A verb takes its content next; a noun is followed by the sentence's
	// verb or a preposition: "the range estimates were", "member states to".
	n := i + 1
	if s.punct(n, ':') {
		return false // "the statement says:"
	}
	if n > s.last || s.boundary(n) {
		return true
	}
	nw := s.word(n)
	if e, ok := reading(cues[nw], cueVerb); ok && e.base {
		return true // "several reports point out that": the verb comes next
	}
	// "the disclosure rules took effect": a past tense after it is the
	// verb whose subject the compound is.
	return auxiliaries[nw] && !isAdverb(nw) || prepositions[nw] || nw == "as" || strongPast[nw]
}

// passive reports whether the verb at i is a passive participle: "was
// denied entry", "were not disclosed".
func (s *sentence) passive(i int) bool {
	w := s.word(i)
	if strings.HasSuffix(w, "ing") {
		return false
	}
	for k := i - 1; k >= s.lo && k >= i-4 && s.toks[k].kind == tokWord; k-- {
		v := s.word(k)
		if isBe(v) {
			return !s.is(i+1, "that")
		}
		if !auxiliaries[v] && !isAdverb(v) {
			return false
		}
	}
	return false
}

// negated reports whether the verb at i is negated: "did not say",
// "stopped short of blaming", "refrained from accusing".
func (s *sentence) negated(i int) bool {
	if (s.is(i-1, "of") || s.is(i-1, "from")) && holdBack[s.word(i-2)] {
		return true
	}
	for k := i - 1; k >= s.lo && k >= i-3 && s.toks[k].kind == tokWord; k-- {
		v := s.word(k)
		if v == "not" || v == "n't" || v == "never" {
			return true
		}
		if !auxiliaries[v] && !isAdverb(v) {
			return false
		}
	}
	return false
}

// finiteCue reports whether token j is a finite reporting verb or the
// start of a non-response: "denied", "declined to comment".
func (s *sentence) finiteCue(j int) bool {
	if j > s.last || s.toks[j].kind != tokWord || s.inq[j] || s.toks[j].is(flagUpper) && !s.heading {
		return false
	}
	w := s.word(j)
	if w == "declined" || w == "refused" {
		return true
	}
	if !s.verbAt(j) || s.determinerBefore(j) {
		return false
	}
	return !s.passive(j)
}

// clauseAhead reports whether a clause starts at token i: a finite "be",
// "have" or modal within its first six words, before any comma ("the
// money was moved", "the firm had lied"), not a noun phrase alone ("shells
// in crates").
func (s *sentence) clauseAhead(i int) bool {
	for k := i + 1; k <= s.last && k <= i+6 && s.toks[k].kind == tokWord && !s.inq[k]; k++ {
		if finiteAux[s.word(k)] {
			return true
		}
	}
	return false
}
