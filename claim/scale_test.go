package claim_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// The tests in this file give Validate and Decode hostile inputs large
// enough that quadratic work, deep recursion or unbounded errors would
// take minutes, crash, or take gigabytes, and check allocation bounds with
// generous margins. Wall time is never asserted; a regression shows as a
// test that runs for minutes.

var scalePublished = time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)

// TestValidateLongCue checks the cue of a 375 KB mention: a cue that
// almost matches everywhere in its span took 27 s when it was compared at
// every offset.
func TestValidateLongCue(t *testing.T) {
	exact := strings.Repeat("a", 250_000)
	c := &claim.Corpus{
		Articles: []source.Article{{ID: "a", Published: scalePublished}},
		Claims:   []claim.Claim{{ID: "c", Text: "c"}},
		Statements: []claim.Statement{{ID: "s", Claim: "c", Source: source.AbsentID, Act: claim.ActReport, Factuality: claim.Uu,
			Mentions: []claim.Mention{{Article: "a", Cue: strings.Repeat("A", 125_000) + "b", Span: claim.Span{Exact: exact, End: len(exact)}}}}},
	}
	var err error
	allocs := testing.AllocsPerRun(1, func() { err = c.Validate() })
	assert.ErrorIs(t, err, claim.ErrSpan)
	assert.Less(t, allocs, 100.0, "allocations")
}
