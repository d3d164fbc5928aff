package story_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/story"
)

// TestUnattendedOneStatementPerArticle holds the unattended mode to what a
// person's decisions make of an article that states one thing twice (its
// headline and its body): one statement with two mentions, not two
// statements by one speaker on one claim with one polarity.
func TestUnattendedOneStatementPerArticle(t *testing.T) {
	for _, threshold := range []float64{0.5, 0.8} {
		s, added := newStory(t, 1, story.Options{Unattended: threshold})
		require.NotEmpty(t, added[0].Machine)
		inArticle := 0
		for _, d := range added[0].Machine {
			if d.SameAs != "" {
				inArticle++
			}
		}
		assert.Positive(t, inArticle, "threshold %v: a candidate is taken as a mention of a statement its own article made", threshold)
		type same struct {
			source, claim string
			polarity      claim.Polarity
			said          claim.Date
		}
		seen := map[same]claim.StatementID{}
		for _, st := range s.Corpus().Statements {
			k := same{string(st.Source), string(st.Claim), st.Factuality.Polarity, st.Said}
			if prev, ok := seen[k]; ok {
				t.Errorf("threshold %v: %s and %s are one statement made twice", threshold, prev, st.ID)
			}
			seen[k] = st.ID
		}
	}
}
