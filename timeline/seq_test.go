package timeline_test

import (
	"encoding/json"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/timeline"
)

// collect reads a sequence whole, or its first limit values when limit is
// positive.
func collect[T any](seq func(func(T) bool), limit int) []T {
	var out []T
	for v := range seq {
		out = append(out, v)
		if len(out) == limit {
			break
		}
	}
	return out
}

// TestStatementSeq checks that StatementSeq yields what Statements
// returns, in the same order, that a caller can stop it after any entry,
// and that it fails as Statements does before anything is read.
func TestStatementSeq(t *testing.T) {
	tl := load(t, sampleCorpus)
	claims := tl.Claims()
	require.NotEmpty(t, claims)
	queries := []struct {
		name string
		q    timeline.Query
	}{
		{"all", timeline.Query{}},
		{"claim", timeline.Query{Claim: claims[0].ID}},
		{"anonymous", timeline.Query{Anonymous: true}},
		{"acts", timeline.Query{Acts: []claim.Act{claim.ActDeny, claim.ActAccuse}}},
		{"window", timeline.Query{From: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)}},
	}
	for _, tc := range queries {
		t.Run(tc.name, func(t *testing.T) {
			want, err := tl.Statements(tc.q)
			require.NoError(t, err, "Statements")
			seq, err := tl.StatementSeq(tc.q)
			require.NoError(t, err, "StatementSeq")
			if diff := cmp.Diff(want, collect(seq, 0)); diff != "" {
				t.Errorf("StatementSeq(%+v) mismatch (-want +got):\n%s", tc.q, diff)
			}
			for _, k := range []int{1, 2, len(want) / 2} {
				if k == 0 || k > len(want) {
					continue
				}
				if diff := cmp.Diff(want[:k], collect(seq, k)); diff != "" {
					t.Errorf("StatementSeq(%+v), first %d, mismatch (-want +got):\n%s", tc.q, k, diff)
				}
			}
		})
	}
	bad := []struct {
		name string
		q    timeline.Query
		want error
	}{
		{"window", timeline.Query{From: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, timeline.ErrWindow},
		{"claim", timeline.Query{Claim: "nope"}, timeline.ErrUnknownClaim},
		{"source", timeline.Query{Source: "nope"}, timeline.ErrUnknownSource},
		{"article", timeline.Query{Article: "nope"}, timeline.ErrUnknownArticle},
		{"act", timeline.Query{Acts: []claim.Act{claim.Act(200)}}, timeline.ErrInvalid},
	}
	for _, tc := range bad {
		t.Run("bad-"+tc.name, func(t *testing.T) {
			seq, err := tl.StatementSeq(tc.q)
			assert.ErrorIs(t, err, tc.want, "StatementSeq(%+v)", tc.q)
			assert.Nil(t, seq, "StatementSeq(%+v) with an error", tc.q)
			_, err = tl.Statements(tc.q)
			assert.ErrorIs(t, err, tc.want, "Statements(%+v)", tc.q)
		})
	}
}

// TestStatementSeqStopsEarly checks that reading the first entries of a
// large selection allocates far less than Statements, which copies every
// entry.
func TestStatementSeqStopsEarly(t *testing.T) {
	tl, err := timeline.Build(chain(5_000, chainAffirmAll), nil)
	require.NoError(t, err, "Build")
	seq, err := tl.StatementSeq(timeline.Query{})
	require.NoError(t, err, "StatementSeq")
	first := testing.AllocsPerRun(3, func() { collect(seq, 1) })
	whole := testing.AllocsPerRun(1, func() { _, _ = tl.Statements(timeline.Query{}) })
	t.Logf("allocations: %v for the first entry, %v for Statements", first, whole)
	assert.Less(t, 100*first, whole, "StatementSeq allocates for the entries read")
}

// TestChangeSeq checks that ChangeSeq yields what Changes returns, for
// claims whose changes Build kept and for claims whose changes are worked
// out when read, and that a caller can stop it early.
func TestChangeSeq(t *testing.T) {
	corpora := []struct {
		name string
		tl   *timeline.Timeline
	}{
		{"sample", load(t, sampleCorpus)},
		{"affirm-each", build(t, chain(300, chainAffirmEach))},
	}
	for _, tc := range corpora {
		t.Run(tc.name, func(t *testing.T) {
			for _, cl := range tc.tl.Claims() {
				want, err := tc.tl.Changes(cl.ID)
				require.NoError(t, err, "Changes(%s)", cl.ID)
				seq, err := tc.tl.ChangeSeq(cl.ID)
				require.NoError(t, err, "ChangeSeq(%s)", cl.ID)
				if diff := cmp.Diff(want, collect(seq, 0)); diff != "" {
					t.Fatalf("ChangeSeq(%s) mismatch (-want +got):\n%s", cl.ID, diff)
				}
				if len(want) > 1 {
					if diff := cmp.Diff(want[:1], collect(seq, 1)); diff != "" {
						t.Fatalf("ChangeSeq(%s), first, mismatch (-want +got):\n%s", cl.ID, diff)
					}
				}
			}
		})
	}
	// A claim whose changes Build kept: reading the first copies one.
	c := corpus(nil)
	for i := range 2000 {
		s := st{id: fmt.Sprintf("s%d", i), src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{fmt.Sprintf("a%d@%d", 1+i%20, i)}}
		if i%2 == 1 {
			s = st{id: fmt.Sprintf("s%d", i), src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{fmt.Sprintf("a%d@%d", 1+i%20, i)}}
		}
		c.Statements = append(c.Statements, s.statement())
	}
	tl := build(t, c)
	id := c.Claims[0].ID
	all, err := tl.Changes(id)
	require.NoError(t, err)
	require.Greater(t, len(all), 1000, "Changes(%s)", id)
	seq, err := tl.ChangeSeq(id)
	require.NoError(t, err)
	first := allocBytes(func() { collect(seq, 1) })
	whole := allocBytes(func() { _, _ = tl.Changes(id) })
	t.Logf("bytes allocated: %d for the first change, %d for Changes", first, whole)
	assert.Less(t, 100*first, whole, "ChangeSeq does not copy the changes it does not yield")

	seq, err = tl.ChangeSeq("nope")
	assert.ErrorIs(t, err, timeline.ErrUnknownClaim, "ChangeSeq(nope)")
	assert.Nil(t, seq, "ChangeSeq(nope)")
}

// TestBuildChecked checks that a checked corpus builds, without a second
// validation, the timeline Build makes of the same corpus.
func TestBuildChecked(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(path, func(t *testing.T) {
			ch, err := claim.LoadChecked(path)
			require.NoError(t, err, "LoadChecked")
			got, err := timeline.BuildChecked(ch, nil)
			require.NoError(t, err, "BuildChecked")
			want := load(t, path)
			assert.JSONEq(t, string(mustJSON(t, want)), string(mustJSON(t, got)), "BuildChecked and Build")
			for _, rules := range []*timeline.Rules{{Corroboration: 3}, {ExcludeUnnamed: true, PossibleAlleges: true}} {
				c, err := claim.Load(path)
				require.NoError(t, err)
				w, err := timeline.Build(c, rules)
				require.NoError(t, err)
				g, err := timeline.BuildChecked(ch, rules)
				require.NoError(t, err)
				assert.JSONEq(t, string(mustJSON(t, w)), string(mustJSON(t, g)), "BuildChecked and Build under %+v", *rules)
			}
		})
	}
	t.Run("zero", func(t *testing.T) {
		got, err := timeline.BuildChecked(new(claim.Checked), nil)
		require.NoError(t, err, "BuildChecked(zero Checked)")
		want := build(t, &claim.Corpus{})
		assert.JSONEq(t, string(mustJSON(t, want)), string(mustJSON(t, got)))
	})
	t.Run("nil", func(t *testing.T) {
		_, err := timeline.BuildChecked(nil, nil)
		var e *timeline.Error
		require.ErrorAs(t, err, &e, "BuildChecked(nil)")
		assert.Equal(t, "corpus", e.Field)
		assert.ErrorIs(t, err, timeline.ErrInvalid)
	})
	t.Run("rules", func(t *testing.T) {
		ch, err := claim.Check(&claim.Corpus{})
		require.NoError(t, err)
		_, err = timeline.BuildChecked(ch, &timeline.Rules{Corroboration: -1})
		assert.ErrorIs(t, err, timeline.ErrInvalid, "BuildChecked with a negative corroboration")
	})
	t.Run("checked-copy", func(t *testing.T) {
		// A corpus changed after Check, even into an invalid one, leaves
		// the Checked, and what BuildChecked builds, as they were.
		c, err := claim.Load(sampleCorpus)
		require.NoError(t, err)
		want := build(t, c)
		ch, err := claim.Check(c)
		require.NoError(t, err)
		for i := range c.Statements {
			c.Statements[i].Claim = "nope"
			c.Statements[i].Mentions = nil
		}
		c.Claims[0].Relations = append(c.Claims[0].Relations, claim.Relation{Kind: claim.RelationRefines, To: c.Claims[0].ID})
		got, err := timeline.BuildChecked(ch, nil)
		require.NoError(t, err, "BuildChecked after the corpus changed")
		assert.JSONEq(t, string(mustJSON(t, want)), string(mustJSON(t, got)))
	})
}

// allocBytes returns the bytes f allocates.
func allocBytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func mustJSON(t testing.TB, tl *timeline.Timeline) []byte {
	t.Helper()
	b, err := json.Marshal(tl)
	require.NoError(t, err, "json.Marshal")
	return b
}
