package table_test

import (
	"flag"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seed loads the sample corpus and builds its timeline.
func seed(t testing.TB) (*claim.Corpus, *timeline.Timeline) {
	t.Helper()
	c, err := claim.Load("../../testdata/corpus.json")
	require.NoError(t, err)
	tl, err := timeline.Build(c, nil)
	require.NoError(t, err)
	return c, tl
}
