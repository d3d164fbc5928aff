package extract

import "slices"

// Extractor is one extractor kept out of the pool, for tests that need to
// know whether it is new or has read other texts before: state that leaked
// from one call to the next would show as a difference between the two.
type Extractor struct{ x extractor }

// Extract runs the extractor on text as the package's Extract does.
func (e *Extractor) Extract(text string, opts Options) (*Result, error) {
	return e.x.extract(text, opts)
}

// RuleNames are the names a candidate's Rule can have, in the order the
// matcher tries them: the rule table's, with the verb rule's source rows in
// place of the verb rule, then the relay rule, read once the others have
// read the sentence.
var RuleNames = func() []string {
	var out []string
	for _, r := range rules {
		if r.class != cueVerb {
			out = append(out, r.name)
			continue
		}
		for _, s := range verbSources {
			if !slices.Contains(out, s.name) {
				out = append(out, s.name)
			}
		}
	}
	return append(out, relayRule.name)
}()

// LexiconError returns the errors of the embedded lexicon file.
var LexiconError = lexiconError

// ParseLexicon parses text as a lexicon file and returns the classes it
// defines, with their references resolved.
func ParseLexicon(text string) (map[string]map[string]bool, error) {
	f, err := parseLexicon(text)
	return f.classes, err
}

// GoldRegistry is one registry of the gold articles' sources, for the
// fuzz tests (see goldRegistry).
var GoldRegistry = goldRegistry
