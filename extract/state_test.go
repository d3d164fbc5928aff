package extract_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/extract/gold"
)

// TestNoStateBetweenCalls checks that what Extract finds in one text, or in
// one sentence, does not change what it finds in the next: a relative
// clause ("Velkor, which denied") once cut the content of every later
// participle at its first comma.
func TestNoStateBetweenCalls(t *testing.T) {
	const warning = "The ministry issued a statement on Monday, warning that shells, rockets and drones would be used."
	tests := []struct {
		name    string
		before  string // extracted first, by the same extractor
		text    string
		cue     string
		content string
	}{
		{
			name:    "relative-then-participle",
			before:  "Velkor, which denied the report.",
			text:    warning,
			cue:     "warning",
			content: "shells, rockets and drones would be used",
		},
		{
			name:    "relative-non-response-then-participle",
			before:  "Velkor, which declined to comment, was fined.",
			text:    warning,
			cue:     "warning",
			content: "shells, rockets and drones would be used",
		},
		{
			name:    "same-article",
			text:    "Velkor, which denied the report. " + warning,
			cue:     "warning",
			content: "shells, rockets and drones would be used",
		},
		{
			name:    "aside-then-coordinated",
			before:  "The minister, Anton Relic, confirmed the deal.",
			text:    "Velkor said the report was false and denied that it sold arms.",
			cue:     "denied",
			content: "it sold arms",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fresh, err := new(extract.Extractor).Extract(tc.text, extract.Options{Published: published})
			require.NoError(t, err)
			used := new(extract.Extractor)
			_, err = used.Extract(tc.before, extract.Options{Published: published})
			require.NoError(t, err)
			got, err := used.Extract(tc.text, extract.Options{Published: published})
			require.NoError(t, err)
			if diff := cmp.Diff(fresh, got); diff != "" {
				t.Errorf("Extract(%q) after Extract(%q) mismatch (-want +got):\n%s", tc.text, tc.before, diff)
			}
			// Through the pool, as callers use it.
			_, err = extract.Extract(tc.before, extract.Options{Published: published})
			require.NoError(t, err)
			pooled, err := extract.Extract(tc.text, extract.Options{Published: published})
			require.NoError(t, err)
			if diff := cmp.Diff(fresh, pooled); diff != "" {
				t.Errorf("pooled Extract(%q) after Extract(%q) mismatch (-want +got):\n%s", tc.text, tc.before, diff)
			}
			assert.Equal(t, tc.content, contentOf(got, tc.cue), "content of %q", tc.cue)
		})
	}
}

// contentOf returns the content of the first candidate with the cue, its
// pieces joined by " | ".
func contentOf(res *extract.Result, cue string) string {
	for _, c := range res.Candidates {
		if c.Cue.Exact == cue {
			var parts []string
			for _, s := range c.Content {
				parts = append(parts, s.Exact)
			}
			return strings.Join(parts, " | ")
		}
	}
	return ""
}

// TestGoldSameAfterOthers checks that each gold article, with its registry
// and publication time, gives the same Result from a new extractor as from
// one that has just read every other gold article.
func TestGoldSameAfterOthers(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "gold", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	var arts []gold.Article
	for _, n := range names {
		a, err := gold.Load(n)
		require.NoError(t, err)
		arts = append(arts, a)
	}
	used := new(extract.Extractor)
	for i, a := range arts {
		t.Run(strings.TrimSuffix(filepath.Base(names[i]), ".json"), func(t *testing.T) {
			opts := extract.Options{Registry: a.Registry, Published: a.Published}
			want, err := new(extract.Extractor).Extract(a.Text, opts)
			require.NoError(t, err)
			for j, b := range arts {
				if j != i {
					_, err := used.Extract(b.Text, extract.Options{Registry: b.Registry, Published: b.Published})
					require.NoError(t, err)
				}
			}
			got, err := used.Extract(a.Text, opts)
			require.NoError(t, err)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Extract(%s) after the other articles mismatch (-want +got):\n%s", names[i], diff)
			}
		})
	}
}
