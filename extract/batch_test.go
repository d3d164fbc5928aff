package extract_test

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// goldTexts returns the gold articles' texts.
func goldTexts(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "gold", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	var out []string
	for _, n := range names {
		raw, err := os.ReadFile(n)
		require.NoError(t, err)
		out = append(out, string(raw))
	}
	return out
}

// TestExtractAll checks that ExtractAll yields, in order, what Extract
// gives for each article with its own publication time, errors in their
// places, with more articles than it reads ahead.
func TestExtractAll(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	reg, err := source.NewRegistry([]source.Source{{ID: "velkor", Name: "Velkor", Kind: source.KindGovernment}}, nil)
	require.NoError(t, err)
	opts := extract.Options{Registry: reg, Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
	texts := goldTexts(t)
	var arts []extract.Article
	for i := range 3 {
		for k, text := range texts {
			a := extract.Article{Text: text}
			if k%2 == 0 {
				a.Published = time.Date(2023, 1, 1+i+k, 0, 0, 0, 0, time.UTC)
			}
			arts = append(arts, a)
		}
	}
	arts = slices.Insert(arts, 5, extract.Article{Text: "Velkor said \xff."}, extract.Article{Text: "Velkor denied it."})
	tests := []struct {
		name string
		arts []extract.Article
	}{
		{"none", nil},
		{"one", arts[:1]},
		{"many", arts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got, want []*extract.Result
			var gotErr, wantErr []bool
			for res, err := range extract.ExtractAll(slices.Values(tc.arts), opts) {
				got, gotErr = append(got, res), append(gotErr, err != nil)
			}
			for _, a := range tc.arts {
				o := opts
				if !a.Published.IsZero() {
					o.Published = a.Published
				}
				res, err := extract.Extract(a.Text, o)
				want, wantErr = append(want, res), append(wantErr, err != nil)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ExtractAll mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, wantErr, gotErr)
		})
	}
}

// TestExtractAllStop checks that a caller that stops after the first
// Result stops the reading: ExtractAll has read no more than twice
// GOMAXPROCS articles ahead.
func TestExtractAllStop(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	text := goldTexts(t)[0]
	read := 0
	articles := func(yield func(extract.Article) bool) {
		for range 1000 {
			read++
			if !yield(extract.Article{Text: text}) {
				return
			}
		}
	}
	n := 0
	for res, err := range extract.ExtractAll(articles, extract.Options{}) {
		require.NoError(t, err)
		require.NotNil(t, res)
		n++
		break
	}
	assert.Equal(t, 1, n)
	assert.LessOrEqual(t, read, 1+2*2, "articles read before the first Result was yielded")
}
