package timeline_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// TestStatements runs queries on testdata/queries.json, whose statements
// are said, in track order:
//
//	ostland-2023     2023                  ostland        assert  drones
//	fm-drones        2024-02               ostland-fm     assert  drones
//	intel-drones     2024-02-12            ostland-intel  assert  drones (unnamed, via lind)
//	pelago-rejects   2024-02-12T15:00:00Z  pelago-fm      reject  drones (said unknown)
//	believed-pilots  2024-02-12T15:00:00Z  absent         assert  pilots (said unknown)
//	lind-warns       2024-03-01            lind           warn    drones
//	lind-pilots      2024-03-01T09:00:00Z  lind           assert  pilots (said unknown, via unnamed officials)
func TestStatements(t *testing.T) {
	tl := load(t, "testdata/queries.json")
	at := func(s string) time.Time { return claim.MustParseDate(s).Start() }
	tests := []struct {
		name string
		q    timeline.Query
		want []claim.StatementID
	}{
		{"all", timeline.Query{}, []claim.StatementID{
			"ostland-2023", "fm-drones", "intel-drones", "pelago-rejects", "believed-pilots", "lind-warns", "lind-pilots",
		}},
		{"claim", timeline.Query{Claim: "pilots"}, []claim.StatementID{"believed-pilots", "lind-pilots"}},
		{"source", timeline.Query{Source: "lind"}, []claim.StatementID{"lind-warns", "lind-pilots"}},
		{"source-root-only", timeline.Query{Source: "ostland"}, []claim.StatementID{"ostland-2023"}},
		{"under-root", timeline.Query{Under: "ostland"}, []claim.StatementID{
			"ostland-2023", "fm-drones", "intel-drones", "lind-warns", "lind-pilots",
		}},
		{"under-branch", timeline.Query{Under: "ostland-office"}, []claim.StatementID{"lind-warns", "lind-pilots"}},
		{"under-leaf", timeline.Query{Under: "pelago-fm"}, []claim.StatementID{"pelago-rejects"}},
		{"under-absent", timeline.Query{Under: source.AbsentID}, []claim.StatementID{"believed-pilots"}},
		{"acts-one", timeline.Query{Acts: []claim.Act{claim.ActDeny, claim.ActReject}}, []claim.StatementID{"pelago-rejects"}},
		{"acts-two", timeline.Query{Acts: []claim.Act{claim.ActQuestion, claim.ActWarn}}, []claim.StatementID{"lind-warns"}},
		{"acts-assert", timeline.Query{Acts: []claim.Act{claim.ActAssert}}, []claim.StatementID{
			"ostland-2023", "fm-drones", "intel-drones", "believed-pilots", "lind-pilots",
		}},
		{"anonymous", timeline.Query{Anonymous: true}, []claim.StatementID{"intel-drones", "believed-pilots", "lind-pilots"}},
		{"via", timeline.Query{Via: "lind"}, []claim.StatementID{"intel-drones"}},
		{"via-unnamed", timeline.Query{Via: "ostland-intel"}, []claim.StatementID{"lind-pilots"}},
		{"via-none", timeline.Query{Via: "pelago-fm"}, nil},
		{"article", timeline.Query{Article: "rp-2024-02-12"}, []claim.StatementID{"intel-drones", "pelago-rejects", "believed-pilots"}},
		{"article-and-source", timeline.Query{Article: "rp-2024-03-01", Source: "lind"}, []claim.StatementID{"lind-warns", "lind-pilots"}},
		{"anonymous-claim", timeline.Query{Anonymous: true, Claim: "drones"}, []claim.StatementID{"intel-drones"}},
		{"anonymous-under", timeline.Query{Anonymous: true, Under: "ostland-office"}, []claim.StatementID{"lind-pilots"}},
		{"combined", timeline.Query{Claim: "drones", Under: "ostland", Acts: []claim.Act{claim.ActAssert}, From: at("2024-01-01")},
			[]claim.StatementID{"fm-drones", "intel-drones"}},
		{"window-month", timeline.Query{From: at("2024-02-01"), To: at("2024-02-12")}, []claim.StatementID{"fm-drones"}},
		{"window-from-instant", timeline.Query{From: at("2024-02-12T15:00:00Z")}, []claim.StatementID{
			"fm-drones", "intel-drones", "pelago-rejects", "believed-pilots", "lind-warns", "lind-pilots",
		}},
		{"window-after-instant", timeline.Query{From: at("2024-02-12T15:00:01Z")}, []claim.StatementID{
			"fm-drones", "intel-drones", "lind-warns", "lind-pilots",
		}},
		{"window-to-instant", timeline.Query{To: at("2024-02-12T15:00:00Z")}, []claim.StatementID{
			"ostland-2023", "fm-drones", "intel-drones",
		}},
		{"window-to-year-end", timeline.Query{To: at("2024-01-01")}, []claim.StatementID{"ostland-2023"}},
		{"window-inside-year", timeline.Query{From: at("2023-06-01"), To: at("2023-07-01")}, []claim.StatementID{"ostland-2023"}},
		{"window-day-end", timeline.Query{From: at("2024-02-13")}, []claim.StatementID{"fm-drones", "lind-warns", "lind-pilots"}},
		{"window-other-zone", timeline.Query{From: at("2024-02-12T15:00:00Z").In(time.FixedZone("UTC-5", -5*3600))}, []claim.StatementID{
			"fm-drones", "intel-drones", "pelago-rejects", "believed-pilots", "lind-warns", "lind-pilots",
		}},
		{"window-future", timeline.Query{From: at("2030")}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tl.Statements(tc.q)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, ids(got)); diff != "" {
				t.Errorf("Statements(%+v) mismatch (-want +got):\n%s", tc.q, diff)
			}
			for _, e := range got {
				assert.Equal(t, e.Statement.Claim, e.Claim, "entries of Statements are on their own claim's track")
				assert.False(t, e.Inherited)
			}
		})
	}

	t.Run("entries", func(t *testing.T) {
		got, err := tl.Statements(timeline.Query{Anonymous: true})
		require.NoError(t, err)
		for _, e := range got {
			want, ok := tl.Statement(e.Statement.ID)
			require.True(t, ok)
			if diff := cmp.Diff(want, e, dateCmp); diff != "" {
				t.Errorf("Statements entry %s differs from Statement (-want +got):\n%s", e.Statement.ID, diff)
			}
			assert.True(t, e.Anonymous)
		}
	})

	t.Run("window-reversed", func(t *testing.T) {
		_, err := tl.Statements(timeline.Query{From: at("2024-03-01"), To: at("2024-02-01")})
		assert.ErrorIs(t, err, timeline.ErrWindow)
		var te *timeline.Error
		if assert.ErrorAs(t, err, &te) {
			assert.Equal(t, "query.to", te.Field)
		}
	})

	t.Run("unknown-arguments", func(t *testing.T) {
		tests := []struct {
			name  string
			q     timeline.Query
			field string
			is    error
		}{
			{name: "source", q: timeline.Query{Source: "atlantis"}, field: "query.source", is: timeline.ErrUnknownSource},
			{name: "under", q: timeline.Query{Under: "atlantis"}, field: "query.under", is: timeline.ErrUnknownSource},
			{name: "act", q: timeline.Query{Acts: []claim.Act{claim.ActDeny, claim.ActUnknown}}, field: "query.acts[1]", is: timeline.ErrInvalid},
			{name: "via", q: timeline.Query{Via: "atlantis"}, field: "query.via", is: timeline.ErrUnknownSource},
			{name: "article", q: timeline.Query{Article: "atlantis-daily"}, field: "query.article", is: timeline.ErrUnknownArticle},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				_, err := tl.Statements(tc.q)
				assert.ErrorIs(t, err, tc.is)
				var te *timeline.Error
				if assert.ErrorAs(t, err, &te) {
					assert.Equal(t, tc.field, te.Field)
				}
			})
		}
	})

	t.Run("unknown-claim", func(t *testing.T) {
		_, err := tl.Statements(timeline.Query{Claim: "unicorns"})
		assert.ErrorIs(t, err, timeline.ErrUnknownClaim)
	})
}

func TestDisputed(t *testing.T) {
	tests := []struct {
		path string
		want []claim.ID
	}{
		{sampleCorpus, []claim.ID{"shells", "containers"}},
		{"testdata/queries.json", []claim.ID{"drones"}},
		{"testdata/refine.json", []claim.ID{"arms", "rifles"}},
		{"testdata/latest.json", nil},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			tl := load(t, tc.path)
			assert.Equal(t, tc.want, tl.Disputed(), "Contested()")
		})
	}

	t.Run("withdrawn-denial", func(t *testing.T) {
		tl := build(t, corpus(nil,
			st{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			st{id: "s2", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			st{id: "s3", src: "korea-fm", act: claim.ActRetract, f: claim.Uu(), at: []string{"a3"}},
		))
		assert.Empty(t, tl.Disputed(), "a source whose latest word retracts its denial negates nothing")
	})
}

func TestAnonymousClaims(t *testing.T) {
	tests := []struct {
		path string
		want []claim.ID
	}{
		{sampleCorpus, []claim.ID{"talks"}},
		{"testdata/queries.json", []claim.ID{"pilots"}},
		{"testdata/refine.json", nil},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			tl := load(t, tc.path)
			assert.Equal(t, tc.want, tl.AnonymousClaims(), "AnonymousClaims()")
		})
	}

	claims := []claim.Claim{
		{ID: "unnamed", Text: "rests on unnamed officials"},
		{ID: "possible", Text: "rests on an unnamed possibility"},
		{ID: "relayed", Text: "named speaker relaying unnamed officials"},
		{ID: "named", Text: "has a named source too"},
		{ID: "denied", Text: "unnamed sources deny it"},
		{ID: "nothing", Text: "no statement"},
		{ID: "inherited", Text: "affirmed through a refining claim", Relations: nil},
		{ID: "narrow", Text: "refines inherited", Relations: []claim.Relation{{Kind: claim.RelationRefines, To: "inherited"}}},
	}
	tl := build(t, corpus(claims,
		st{id: "s1", claim: "unnamed", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
		st{id: "s2", claim: "possible", src: source.AbsentID, act: claim.ActAssert, f: claim.PSPlus(), at: []string{"a1"}},
		st{id: "s3", claim: "relayed", src: "kirby", via: []source.ID{"us-intel"}, act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
		st{id: "s4", claim: "named", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
		st{id: "s5", claim: "named", src: "kirby", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a2"}},
		st{id: "s6", claim: "denied", src: "us-intel", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
		st{id: "s7", claim: "narrow", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
		st{id: "s8", claim: "inherited", src: "russia", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
	))
	assert.Equal(t, []claim.ID{"unnamed", "possible", "relayed", "inherited", "narrow"}, tl.AnonymousClaims())
}

func TestDenials(t *testing.T) {
	tests := []struct {
		path string
		want []timeline.Denial
	}{
		{sampleCorpus, []timeline.Denial{
			{Claim: "shells", Source: "norland-foreign", Statement: "norland-denies-again"},
			{Claim: "containers", Source: "norland-foreign", Statement: "norland-denies-again", Inherited: true},
		}},
		{"testdata/queries.json", []timeline.Denial{
			{Claim: "drones", Source: "pelago-fm", Statement: "pelago-rejects"},
		}},
		{"testdata/latest.json", nil},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			tl := load(t, tc.path)
			if diff := cmp.Diff(tc.want, tl.Denials()); diff != "" {
				t.Errorf("Denials() mismatch (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("source-order", func(t *testing.T) {
		other := claim.Claim{ID: "d", Text: "Russia pays in oil"}
		tl := build(t, corpus([]claim.Claim{shells, other},
			st{id: "s1", claim: "d", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
			st{id: "s2", src: "russia", act: claim.ActDeny, f: claim.PRMinus(), at: []string{"a1"}},
			st{id: "s3", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			st{id: "s4", src: "us", act: claim.ActReject, f: claim.CTMinus(), at: []string{"a2"}},
			st{id: "s5", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a3"}},
			st{id: "s6", src: "ukraine", act: claim.ActConcern, f: claim.PSMinus(), at: []string{"a3"}},
		))
		want := []timeline.Denial{
			{Claim: "c", Source: "korea-fm", Statement: "s3"},
			{Claim: "c", Source: "russia", Statement: "s2"},
			{Claim: "d", Source: "korea-fm", Statement: "s1"},
		}
		if diff := cmp.Diff(want, tl.Denials()); diff != "" {
			t.Errorf("Denials() mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestReprintIsNotFirstReport checks that a reprint published at the same
// instant as its original never counts as a statement's first report.
func TestReprintIsNotFirstReport(t *testing.T) {
	c := corpus(nil, st{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a5", "a0copy"}})
	c.Articles = append(c.Articles, source.Article{ID: "a0copy", Published: pub("a5"), Reprints: "a5"})
	tl := build(t, c)
	orig, err := tl.Added("a5")
	require.NoError(t, err)
	copied, err := tl.Added("a0copy")
	require.NoError(t, err)
	assert.Equal(t, []claim.StatementID{"s1"}, ids(orig.New))
	assert.Empty(t, copied.New)
	assert.Equal(t, []claim.StatementID{"s1"}, ids(copied.Repeated))
}

func TestStatementsUnknownArgumentsInOrder(t *testing.T) {
	tl := build(t, corpus(nil))
	for range 20 {
		_, err := tl.Statements(timeline.Query{Source: "x", Under: "y"})
		var te *timeline.Error
		require.ErrorAs(t, err, &te)
		assert.Equal(t, "query.source", te.Field)
	}
}
