package extract

// The names of the rules, as Candidate.Rule gives them. They are listed in
// the order the matcher tries them at a word: the multi-word cues first,
// then the readings of a single cue word (verb, noun, adjective, adverb).
// The verb rule is named for where it finds the source.
const (
	ruleAccordingTo        = "according-to"        // "according to X", before or after its content
	ruleItIsBelieved       = "it-is-believed"      // "it is believed that C": no speaker
	ruleIsSaidTo           = "is-said-to"          // "X is said to have C": no speaker
	ruleNonResponse        = "non-response"        // "declined to comment", "could not be reached"
	ruleNotGuilty          = "not-guilty-plea"     // "pleaded not guilty to C": a denial
	ruleVerbBefore         = "verb-before"         // a reporting verb after its source: "Russia denied that C"
	ruleVerbAfter          = "verb-after"          // a reporting verb before its source: "“C,” said the minister"
	ruleCoordinated        = "coordinated"         // a verb sharing an earlier verb's source: "accused X and urged Y"
	ruleParticiple         = "participle"          // "..., urging C": the main clause's source
	ruleEmbeddedParticiple = "embedded-participle" // "new information suggesting that C": the noun before speaks
	ruleNoun               = "noun"                // "the allegation that C", "Moscow's denial of C"
	ruleAdjective          = "adjective"           // "X remains concerned that C"
	ruleAdverb             = "agentless-adverb"    // "X reportedly did C": no speaker
)
