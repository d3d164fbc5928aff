package extract

// Extractor is one extractor kept out of the pool, for tests that need to
// know whether it is new or has read other texts before: state that leaked
// from one call to the next would show as a difference between the two.
type Extractor struct{ x extractor }

// Extract runs the extractor on text as the package's Extract does.
func (e *Extractor) Extract(text string, opts Options) (*Result, error) {
	return e.x.extract(text, opts)
}

// RuleNames are the names of the rules, in the order the matcher tries
// them.
var RuleNames = []string{
	ruleAccordingTo, ruleItIsBelieved, ruleIsSaidTo, ruleNonResponse, ruleNotGuilty,
	ruleVerbBefore, ruleVerbAfter, ruleCoordinated, ruleParticiple, ruleEmbeddedParticiple,
	ruleNoun, ruleAdjective, ruleAdverb,
}

// LexiconError returns the errors of the embedded lexicon file.
var LexiconError = lexiconError

// ParseLexicon parses text as a lexicon file and returns the classes it
// defines, with their references resolved.
func ParseLexicon(text string) (map[string]map[string]bool, error) {
	f, err := parseLexicon(text)
	return f.classes, err
}
