package extract

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
)

// similarCandidates returns n candidates whose contents are drawn from a
// vocabulary of a few words, so that most of them are alike: the worst case
// for Groups, where every candidate is a match for many groups. The draw is
// seeded, so the candidates are the same on every run.
func similarCandidates(n int) []Candidate {
	return drawCandidates(n, strings.Fields("shells rockets drones missiles artillery shipped supplied Russia Korea border sanctions talks troops weapons"), 6)
}

// drawCandidates returns n candidates of k words each drawn from vocab,
// seeded.
func drawCandidates(n int, vocab []string, k int) []Candidate {
	r := rand.New(rand.NewPCG(8, 1))
	out := make([]Candidate, n)
	words := make([]string, k)
	for i := range out {
		for w, j := range r.Perm(len(vocab))[:k] {
			words[w] = vocab[j]
		}
		out[i].Content = []claim.Span{{Exact: strings.Join(words, " ")}}
	}
	return out
}

// groupsReference is Groups as it was before its work was bounded: every
// candidate compared with every member of the latest 200 groups. It is
// slow on many alike candidates, and the reference for the fast one.
func groupsReference(cands []Candidate, threshold float64) []Group {
	sets := make([][]uint64, len(cands))
	for i, c := range cands {
		sets[i] = appendContentWords(nil, c)
	}
	var groups []Group
	for i := range cands {
		if len(sets[i]) < 2 {
			continue
		}
		best, bestLow := -1, 0.0
		for g := len(groups) - 1; g >= 0 && g >= len(groups)-200; g-- {
			low := 1.0
			for _, m := range groups[g].Members {
				low = min(low, similarity(sets[i], sets[m]))
				if low < threshold {
					break
				}
			}
			if low >= threshold && low > bestLow {
				best, bestLow = g, low
			}
		}
		if best < 0 {
			groups = append(groups, Group{Members: []int{i}, Similarity: 1})
			continue
		}
		groups[best].Members = append(groups[best].Members, i)
		groups[best].Similarity = min(groups[best].Similarity, bestLow)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Members) >= 2 {
			out = append(out, g)
		}
	}
	return out
}

// goldCandidates returns the candidates of every gold article, one
// article after another, as a reader of several articles groups them.
func goldCandidates(t *testing.T) []Candidate {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "gold", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	var out []Candidate
	for _, n := range names {
		raw, err := os.ReadFile(n)
		require.NoError(t, err)
		res, err := Extract(string(raw), Options{})
		require.NoError(t, err)
		out = append(out, res.Candidates...)
	}
	return out
}

// TestGroupsAsReference checks that the index of groups by word changes
// nothing: without the limits on comparisons and members, groups gives
// what comparing with every member of the latest 200 groups gives, and so
// do the default limits on real articles, which they never reach.
func TestGroupsAsReference(t *testing.T) {
	unlimited := groupLimits{window: 200, comparisons: math.MaxInt, members: math.MaxInt}
	gold := goldCandidates(t)
	var spread []string
	for i := range 60 {
		spread = append(spread, "word"+strconv.Itoa(i))
	}
	tests := []struct {
		name      string
		cands     []Candidate
		threshold float64
		lim       groupLimits
	}{
		{"similar-unlimited", similarCandidates(1000), 0.5, unlimited},
		{"similar-unlimited-0.8", similarCandidates(1000), 0.8, unlimited},
		// Many groups, more than the window holds.
		{"spread-unlimited", drawCandidates(3000, spread, 4), 0.5, unlimited},
		{"spread-default", drawCandidates(3000, spread, 4), 0.5, defaultGroupLimits},
		{"gold-unlimited", gold, 0.5, unlimited},
		{"gold-unlimited-0.3", gold, 0.3, unlimited},
		{"gold-default", gold, 0.5, defaultGroupLimits},
		{"gold-default-0.3", gold, 0.3, defaultGroupLimits},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := groupsReference(tc.cands, tc.threshold)
			require.NotEmpty(t, want)
			got, _ := groups(tc.cands, tc.threshold, tc.lim)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("groups(%d candidates, %v) mismatch (-want +got):\n%s", len(tc.cands), tc.threshold, diff)
			}
		})
	}
}

// TestGroupsBounded checks that Groups compares each candidate with at
// most defaultGroupLimits.comparisons members however alike the
// candidates are, that no group grows past defaultGroupLimits.members, and
// that every group still holds only candidates that are all alike, with
// the lowest similarity between two of them as its Similarity.
func TestGroupsBounded(t *testing.T) {
	for _, n := range []int{1_000, 20_000} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			cands := similarCandidates(n)
			got, compared := groups(cands, DefaultSimilarity, defaultGroupLimits)
			require.NotEmpty(t, got)
			assert.LessOrEqual(t, compared, n*defaultGroupLimits.comparisons, "comparisons for %d candidates", n)
			sets := make([][]uint64, n)
			for i, c := range cands {
				sets[i] = appendContentWords(nil, c)
			}
			for _, g := range got {
				assert.LessOrEqual(t, len(g.Members), defaultGroupLimits.members)
				assert.True(t, slices.IsSorted(g.Members), "members %v not in order", g.Members)
				low := 1.0
				for a, i := range g.Members {
					for _, j := range g.Members[a+1:] {
						low = min(low, similarity(sets[i], sets[j]))
					}
				}
				assert.GreaterOrEqual(t, low, DefaultSimilarity, "group %v holds unlike candidates", g.Members)
				assert.InDelta(t, low, g.Similarity, 1e-9, "group %v", g.Members)
			}
		})
	}
}
