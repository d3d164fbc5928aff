package synth_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/synth"
)

func TestCorpus(t *testing.T) {
	for _, n := range []int{1, 49, 1000} {
		c := synth.Corpus(n)
		require.NoError(t, c.Validate(), "n=%d", n)
		assert.Len(t, c.Statements, n)
		if diff := cmp.Diff(c, synth.Corpus(n), cmp.Comparer(func(a, b claim.Date) bool { return a == b })); diff != "" {
			t.Errorf("Corpus(%d) differs between calls (-first +second):\n%s", n, diff)
		}
	}
}
