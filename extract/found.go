package extract

import "github.com/claimtrail/claimtrail/claim"

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
	embedded bool
	// othersPaper marks a source that is a document some verb other than
	// an issuing one takes as object ("denied a statement saying C",
	// "received a letter saying C"): it speaks for its unnamed author, not
	// for the latest speaker, as a document otherwise does.
	othersPaper bool
	// dropInside marks an attribution that is dropped when its cue stands
	// inside another attribution's content, which holds it: a noun with
	// its possessor and nothing said ("Harlow's denial came") and an
	// accusation by nobody named ("the driver was blamed for the crash,
	// police said": the police's words, not a statement of their own).
	dropInside bool
	confidence float64
	said       claim.Date
	// via is the index in the extractor's found of the attribution whose
	// content holds this one's cue, or -1.
	via int
	// relay is, for an attribution a relay cue found ("the agency, citing
	// two officials, reported"), the cue of the attribution that relays
	// it, which becomes its via; empty for any other.
	relay span
	// alias is a name given beside the source, which names the speaker
	// better: "the minister, Anton Relic,".
	alias span
	// ruleName names the rule that found the attribution: see Candidate.Rule.
	// It points at the name in the rule's table, which takes half the
	// room of a string in a found, kept for every attribution of a call.
	ruleName *string
}

// holds reports whether one of f's content pieces contains s.
func (f found) holds(s span) bool {
	for _, c := range f.content {
		if c.start <= s.start && s.end <= c.end {
			return true
		}
	}
	return false
}

// contentLen is the bytes of f's content.
func (f found) contentLen() int {
	n := 0
	for _, c := range f.content {
		n += c.end - c.start
	}
	return n
}
