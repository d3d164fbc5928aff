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

func TestSizes(t *testing.T) {
	tests := []struct {
		env     string
		want    []int
		wantErr string
	}{
		{env: "", want: []int{10, 20}},
		{env: " ", want: []int{10, 20}},
		{env: "3000000", want: []int{3_000_000}},
		{env: "5, 7", want: []int{5, 7}},
		{env: "5,0", wantErr: `CLAIMTRAIL_BENCH_STATEMENTS="5,0": "0" is not a positive number of statements`},
		{env: "1e6", wantErr: `"1e6" is not a positive number`},
		{env: "4,", wantErr: `"" is not a positive number`},
	}
	for _, tc := range tests {
		t.Run(tc.env, func(t *testing.T) {
			t.Setenv(synth.SizesVar, tc.env)
			got, err := synth.Sizes(10, 20)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
