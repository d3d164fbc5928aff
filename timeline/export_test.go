package timeline

import "github.com/claimtrail/claimtrail/claim"

// BuildInParts builds a valid corpus's timeline with its statements and
// claims split into the given number of parts, whatever the corpus's size,
// so that tests can compare the parallel build with the sequential one.
func BuildInParts(c *claim.Corpus, rules Rules, parts int) (*Timeline, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	t, _ := build(c, rules, parts)
	return t, nil
}

// ChainCorpus makes a random valid corpus of chains of refining claims.
var ChainCorpus = chainCorpus

// RaceEnabled reports whether the tests run under the race detector.
const RaceEnabled = raceEnabled
