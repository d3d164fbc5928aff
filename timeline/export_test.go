package timeline

import (
	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/corpusview"
)

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

// BuildCheckedInParts is BuildInParts for a checked corpus, reading its
// interned form as BuildChecked does.
func BuildCheckedInParts(ch *claim.Checked, rules Rules, parts int) (*Timeline, error) {
	c, reg := corpusview.Open[claim.Corpus](ch)
	t, _ := buildFrom(c, reg, corpusview.Interned(ch), rules, parts, bulkAuto)
	return t, nil
}

// ChainCorpus makes a random valid corpus of chains of refining claims.
var ChainCorpus = chainCorpus

// RaceEnabled reports whether the tests run under the race detector.
const RaceEnabled = raceEnabled

// Incremental reports whether Extend made t without building it whole.
func Incremental(t *Timeline) bool { return t.ov != nil }
