package timeline_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// dateCmp compares claim.Date values, whose fields are unexported.
var dateCmp = cmp.Comparer(func(a, b claim.Date) bool { return a == b })

// sampleCorpus is the module's sample corpus, also used by the examples
// and the golden file.
const sampleCorpus = "../testdata/corpus.json"

// The corpora built in Go below share one world of sources and articles.
// Article "aN" appears at noon on day N of March 2024.
var world = []source.Source{
	{ID: "us", Name: "United States", Kind: source.KindGovernment},
	{ID: "white-house", Name: "White House", Kind: source.KindAgency, Parent: "us"},
	{ID: "state-dept", Name: "State Department", Kind: source.KindAgency, Parent: "us"},
	{ID: "kirby", Name: "John Kirby", Kind: source.KindSpokesperson, Parent: "white-house"},
	{ID: "us-intel", Name: "US intelligence officials", Kind: source.KindOfficial, Identity: source.IdentityUnnamed, Parent: "us"},
	{ID: "ukraine", Name: "Ukraine", Kind: source.KindGovernment},
	{ID: "korea", Name: "North Korea", Kind: source.KindGovernment},
	{ID: "korea-fm", Name: "North Korea foreign ministry", Kind: source.KindAgency, Parent: "korea"},
	{ID: "russia", Name: "Russia", Kind: source.KindGovernment},
	{ID: "un-panel", Name: "UN panel of experts", Kind: source.KindOrganisation, Investigator: true},
	{ID: "insiders", Name: "people familiar with the matter", Identity: source.IdentityUnnamed},
	{ID: "korea-insider", Name: "a North Korean official", Kind: source.KindOfficial, Identity: source.IdentityUnnamed, Parent: "korea"},
}

// shells is the default claim of the Go-built corpora: North Korea is the
// accused party.
var shells = claim.Claim{
	ID:   "c",
	Text: "North Korea supplies artillery shells to Russia",
	Actors: []claim.Actor{
		{Source: "korea", Role: claim.RoleAccused},
		{Source: "russia", Role: claim.RoleBeneficiary},
	},
}

// pub returns the publication time of article "aN".
func pub(a string) time.Time {
	n, err := strconv.Atoi(strings.TrimPrefix(a, "a"))
	if err != nil {
		panic("bad article " + a)
	}
	return time.Date(2024, 3, n, 12, 0, 0, 0, time.UTC)
}

// articles returns articles a1 to a20.
func articles() []source.Article {
	var out []source.Article
	for n := 1; n <= 20; n++ {
		id := fmt.Sprintf("a%d", n)
		out = append(out, source.Article{ID: source.ArticleID(id), Title: "Article " + id, Published: pub(id)})
	}
	return out
}

// st describes a statement compactly. Mentions are "aN" or "aN@pos"; the
// claim defaults to "c" and the said date, in ParseDate's format, to unknown.
type st struct {
	id    string
	claim claim.ID
	src   source.ID
	act   claim.Act
	f     claim.Factuality
	said  string
	at    []string
	via   []source.ID
}

func (s st) statement() claim.Statement {
	out := claim.Statement{
		ID:         claim.StatementID(s.id),
		Claim:      cmpOr(s.claim, "c"),
		Source:     s.src,
		Via:        s.via,
		Act:        s.act,
		Factuality: s.f,
		Said:       claim.MustParseDate(s.said),
	}
	for _, m := range s.at {
		art, pos, _ := strings.Cut(m, "@")
		start, _ := strconv.Atoi(pos)
		exact := "quote " + s.id
		out.Mentions = append(out.Mentions, claim.Mention{
			Article: source.ArticleID(art),
			Span:    claim.Span{Start: start, End: start + len(exact), Exact: exact},
		})
	}
	return out
}

func cmpOr(id, def claim.ID) claim.ID {
	if id == "" {
		return def
	}
	return id
}

// corpus returns a corpus of the world's sources, articles a1 to a20, the
// claims (the shells claim when none are given) and the statements.
func corpus(claims []claim.Claim, stmts ...st) *claim.Corpus {
	if claims == nil {
		claims = []claim.Claim{shells}
	}
	c := &claim.Corpus{
		Sources:  slices.Clone(world),
		Articles: articles(),
	}
	for _, cl := range claims {
		c.Claims = append(c.Claims, cl.Clone())
	}
	for _, s := range stmts {
		c.Statements = append(c.Statements, s.statement())
	}
	return c
}

// build builds the timeline of a corpus that must be valid.
func build(t testing.TB, c *claim.Corpus) *timeline.Timeline {
	t.Helper()
	tl, err := timeline.Build(c, nil)
	require.NoError(t, err, "Build")
	return tl
}

// load builds the timeline of a fixture file.
func load(t testing.TB, path string) *timeline.Timeline {
	t.Helper()
	c, err := claim.Load(path)
	require.NoError(t, err, "Load(%s)", path)
	return build(t, c)
}

// ids returns the statement IDs of entries, for compact comparisons.
func ids(entries []timeline.Entry) []claim.StatementID {
	var out []claim.StatementID
	for _, e := range entries {
		out = append(out, e.Statement.ID)
	}
	return out
}

func TestBuildInvalid(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(c *claim.Corpus)
		target error
	}{
		{"unknown-claim", func(c *claim.Corpus) { c.Statements[0].Claim = "nope" }, claim.ErrUnknownClaim},
		{"unknown-source", func(c *claim.Corpus) { c.Statements[0].Source = "nobody" }, claim.ErrUnknownSource},
		{"unknown-article", func(c *claim.Corpus) { c.Statements[0].Mentions[0].Article = "a99" }, claim.ErrUnknownArticle},
		{"duplicate-source", func(c *claim.Corpus) { c.Sources = append(c.Sources, c.Sources[0]) }, source.ErrDuplicateID},
		{"affiliation-cycle", func(c *claim.Corpus) { c.Sources[0].Parent = "kirby" }, source.ErrCycle},
		{"refinement-cycle", func(c *claim.Corpus) {
			c.Claims = append(c.Claims, claim.Claim{ID: "d", Text: "d", Relations: []claim.Relation{{Kind: claim.RelationRefines, To: "c"}}})
			c.Claims[0].Relations = []claim.Relation{{Kind: claim.RelationPartOf, To: "d"}}
		}, claim.ErrCycle},
		{"factuality", func(c *claim.Corpus) { c.Statements[0].Factuality = claim.CTMinus() }, claim.ErrFactuality},
		{"no-time", func(c *claim.Corpus) { c.Statements[0].Mentions = nil }, claim.ErrEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := corpus(nil, st{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}})
			tc.edit(c)
			tl, err := timeline.Build(c, nil)
			assert.ErrorIs(t, err, tc.target)
			assert.Nil(t, tl)
		})
	}

	t.Run("every-problem", func(t *testing.T) {
		c := corpus(nil,
			st{id: "s1", claim: "nope", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			st{id: "s2", src: "nobody", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
		)
		c.Sources[1].Parent = "nowhere"
		_, err := timeline.Build(c, nil)
		assert.ErrorIs(t, err, claim.ErrUnknownClaim)
		assert.ErrorIs(t, err, claim.ErrUnknownSource)
		assert.ErrorIs(t, err, source.ErrUnknownSource)
		// Every problem is a *claim.FieldError, the source's too.
		values := map[string]string{}
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			var fe *claim.FieldError
			if assert.ErrorAs(t, e, &fe) {
				values[fe.Field] = fe.Value
			}
		}
		assert.Equal(t, "nope", values["statements[0].claim"])
		assert.Equal(t, "nowhere", values["sources[1].parent"])
	})
}

func TestZeroTimeline(t *testing.T) {
	var tl timeline.Timeline
	assert.Empty(t, tl.Claims())
	assert.Empty(t, tl.AllChanges())
	assert.Empty(t, tl.Denials())
	assert.Empty(t, tl.Disputed())
	assert.Empty(t, tl.AnonymousClaims())
	assert.Empty(t, tl.ByStatus(timeline.StatusUnreported, time.Now()))
	_, ok := tl.Claim("c")
	assert.False(t, ok)
	_, ok = tl.Statement("s")
	assert.False(t, ok)
	got, err := tl.Statements(timeline.Query{})
	assert.NoError(t, err)
	assert.Empty(t, got)
	_, err = tl.Track("c")
	assert.ErrorIs(t, err, timeline.ErrUnknownClaim)
	_, err = tl.Added("a1")
	assert.ErrorIs(t, err, timeline.ErrUnknownArticle)
	_, ok = tl.Registry().Source(source.AbsentID)
	assert.True(t, ok, "the zero timeline's registry holds the absent source")
	var b strings.Builder
	assert.NoError(t, tl.WriteText(&b))
	assert.Empty(t, b.String())
}

func TestUnknownClaim(t *testing.T) {
	tl := load(t, sampleCorpus)
	calls := []struct {
		name string
		call func(id claim.ID) error
	}{
		{"Track", func(id claim.ID) error { _, err := tl.Track(id); return err }},
		{"Status", func(id claim.ID) error { _, err := tl.Status(id, time.Now()); return err }},
		{"Current", func(id claim.ID) error { _, err := tl.Current(id); return err }},
		{"History", func(id claim.ID) error { _, err := tl.History(id); return err }},
		{"Changes", func(id claim.ID) error { _, err := tl.Changes(id); return err }},
		{"Statements", func(id claim.ID) error { _, err := tl.Statements(timeline.Query{Claim: id}); return err }},
	}
	for _, tc := range calls {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call("unicorns")
			assert.ErrorIs(t, err, timeline.ErrUnknownClaim)
			var te *timeline.Error
			if assert.ErrorAs(t, err, &te) {
				assert.Equal(t, "claim", te.Field)
				assert.Equal(t, "unicorns", te.Value)
			}
		})
	}
}

func TestLookups(t *testing.T) {
	c, err := claim.Load(sampleCorpus)
	require.NoError(t, err)
	tl := build(t, c)

	if diff := cmp.Diff(c.Claims, tl.Claims(), dateCmp); diff != "" {
		t.Errorf("Claims() mismatch (-want +got):\n%s", diff)
	}
	for _, want := range c.Claims {
		got, ok := tl.Claim(want.ID)
		assert.True(t, ok, "Claim(%q)", want.ID)
		if diff := cmp.Diff(want, got, dateCmp); diff != "" {
			t.Errorf("Claim(%q) mismatch (-want +got):\n%s", want.ID, diff)
		}
	}
	_, ok := tl.Claim("unicorns")
	assert.False(t, ok)

	tests := []struct {
		name string
		id   claim.StatementID
		want timeline.Entry
	}{
		{"said", "westmark-accuses", timeline.Entry{
			Claim:     "shells",
			Statement: c.Statements[0],
			Said:      claim.Day(2024, 3, 4),
			Article:   "ledger-2024-03-04",
			Reported:  time.Date(2024, 3, 4, 18, 0, 0, 0, time.UTC),
			Position:  44,
		}},
		{"said-from-report", "officials-talks", timeline.Entry{
			Claim:          "talks",
			Statement:      c.Statements[2],
			Said:           claim.MustParseDate("2024-03-04T18:00:00Z"),
			SaidFromReport: true,
			Article:        "ledger-2024-03-04",
			Reported:       time.Date(2024, 3, 4, 18, 0, 0, 0, time.UTC),
			Position:       213,
			Anonymous:      true,
		}},
		{"reprinted", "believed-containers", timeline.Entry{
			Claim:          "containers",
			Statement:      c.Statements[4],
			Said:           claim.MustParseDate("2024-03-05T09:00:00Z"),
			SaidFromReport: true,
			Article:        "wire-2024-03-05",
			Reported:       time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC),
			Position:       112,
			Anonymous:      true,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tl.Statement(tc.id)
			assert.True(t, ok)
			if diff := cmp.Diff(tc.want, got, dateCmp); diff != "" {
				t.Errorf("Statement(%q) mismatch (-want +got):\n%s", tc.id, diff)
			}
		})
	}
	_, ok = tl.Statement("nope")
	assert.False(t, ok)

	r := tl.Registry()
	root, ok := r.Root("westmark-officials")
	assert.True(t, ok)
	assert.Equal(t, source.ID("westmark"), root)
}

// TestTrackOrder checks the order of a track: said date with precision,
// first report for an unknown said date, then publication time, article
// ID, position and statement ID.
func TestTrackOrder(t *testing.T) {
	sameTime := []source.Article{
		{ID: "b-late-id", Published: pub("a5")},
		{ID: "a-early-id", Published: pub("a5")},
	}
	tests := []struct {
		name  string
		extra []source.Article
		stmts []st
		want  []claim.StatementID
	}{
		{
			name: "year-before-day",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2022-03-15", at: []string{"a1"}},
				{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2022", at: []string{"a2"}},
				{id: "s3", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), said: "2021-12-31", at: []string{"a3"}},
			},
			want: []claim.StatementID{"s3", "s2", "s1"},
		},
		{
			name: "coarser-first",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2022-01-01", at: []string{"a1"}},
				{id: "s2", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2022-01", at: []string{"a2"}},
				{id: "s3", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2022", at: []string{"a3"}},
				{id: "s4", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2022-01-01T00:00:00Z", at: []string{"a4"}},
			},
			want: []claim.StatementID{"s3", "s2", "s1", "s4"},
		},
		{
			name: "sub-second",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01T10:00:00.5Z", at: []string{"a1"}},
				{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-01T10:00:00.25Z", at: []string{"a2"}},
				{id: "s3", src: "ukraine", act: claim.ActReject, f: claim.CTMinus(), said: "2024-03-01T10:00:00.125Z", at: []string{"a3"}},
			},
			want: []claim.StatementID{"s3", "s2", "s1"},
		},
		{
			name: "said-before-report",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
				{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a9"}},
			},
			want: []claim.StatementID{"s2", "s1"},
		},
		{
			name: "unknown-said-is-first-report",
			stmts: []st{
				// Day 3 starts before a3's noon; 18:00 on day 3 is after it.
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-03T18:00:00Z", at: []string{"a4"}},
				{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a5", "a3"}},
				{id: "s3", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), said: "2024-03-03", at: []string{"a7"}},
			},
			want: []claim.StatementID{"s3", "s2", "s1"},
		},
		{
			name: "tie-publication-time",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a4"}},
				{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a2"}},
			},
			want: []claim.StatementID{"s2", "s1"},
		},
		{
			name:  "tie-article-id",
			extra: sameTime,
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"b-late-id@0"}},
				{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a-early-id@90"}},
			},
			want: []claim.StatementID{"s2", "s1"},
		},
		{
			name: "tie-position",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a2@50"}},
				{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a2@80", "a2@10"}},
			},
			want: []claim.StatementID{"s2", "s1"},
		},
		{
			name: "tie-statement-id",
			stmts: []st{
				{id: "s2", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a2@10"}},
				{id: "s1", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a2@10"}},
			},
			want: []claim.StatementID{"s1", "s2"},
		},
		{
			name: "no-mention",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-02", at: []string{"a2"}},
				{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-02"},
			},
			want: []claim.StatementID{"s2", "s1"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := corpus(nil, tc.stmts...)
			c.Articles = append(c.Articles, tc.extra...)
			tl := build(t, c)
			got, err := tl.Track("c")
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, ids(got)); diff != "" {
				t.Errorf("Track(%q) mismatch (-want +got):\n%s", "c", diff)
			}
		})
	}
}

// TestTrackEntries checks the times and places an entry carries.
func TestTrackEntries(t *testing.T) {
	c := corpus(nil,
		st{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2022", at: []string{"a3@40", "a2@70", "a2@30"}},
		st{id: "s2", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a4@5"}, via: []source.ID{"kirby"}},
		st{id: "s3", src: "ukraine", act: claim.ActAssert, f: claim.PRPlus(), said: "2024-03-05"},
	)
	tl := build(t, c)
	want := []timeline.Entry{
		{Claim: "c", Statement: c.Statements[0], Said: claim.Year(2022), Article: "a2", Reported: pub("a2"), Position: 30},
		{Claim: "c", Statement: c.Statements[1], Said: claim.NewDate(pub("a4"), claim.PrecisionInstant), SaidFromReport: true,
			Article: "a4", Reported: pub("a4"), Position: 5, Anonymous: true},
		{Claim: "c", Statement: c.Statements[2], Said: claim.Day(2024, 3, 5), Reported: claim.Day(2024, 3, 5).Start(), Position: -1},
	}
	got, err := tl.Track("c")
	require.NoError(t, err)
	if diff := cmp.Diff(want, got, dateCmp); diff != "" {
		t.Errorf("Track(%q) mismatch (-want +got):\n%s", "c", diff)
	}
	// A statement with no mention becomes known at the start of its said
	// date, and has no article.
	h, err := tl.History("c")
	require.NoError(t, err)
	want2 := []timeline.StatusChange{
		{At: pub("a2"), From: timeline.StatusUnreported, To: timeline.StatusAlleged, Statement: "s1", Source: "us", Article: "a2"},
		{At: claim.Day(2024, 3, 5).Start(), From: timeline.StatusAlleged, To: timeline.StatusCorroborated, Statement: "s3", Source: "ukraine"},
	}
	if diff := cmp.Diff(want2, h); diff != "" {
		t.Errorf("History(%q) mismatch (-want +got):\n%s", "c", diff)
	}
}

// TestStatusAt checks the status at instants before, at and after each
// article, and that each history step names its statement and article.
func TestStatusAt(t *testing.T) {
	tl := build(t, corpus(nil,
		st{id: "accuse", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
		st{id: "deny", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a3"}},
		st{id: "possible", src: "russia", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a4"}},
		st{id: "assert", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a5"}},
		st{id: "confirm", src: "un-panel", act: claim.ActConfirm, f: claim.CTPlus(), at: []string{"a7"}},
	))
	tests := []struct {
		name string
		at   time.Time
		want timeline.Status
	}{
		{"zero-time", time.Time{}, timeline.StatusUnreported},
		{"before-a1", pub("a1").Add(-time.Nanosecond), timeline.StatusUnreported},
		{"at-a1", pub("a1"), timeline.StatusAlleged},
		{"after-a1", pub("a2"), timeline.StatusAlleged},
		{"before-a3", pub("a3").Add(-time.Second), timeline.StatusAlleged},
		{"at-a3", pub("a3"), timeline.StatusContested},
		{"at-a4", pub("a4"), timeline.StatusContested},
		{"at-a5", pub("a5"), timeline.StatusCorroborated},
		{"before-a7", pub("a6"), timeline.StatusCorroborated},
		{"at-a7", pub("a7"), timeline.StatusConfirmed},
		{"later", pub("a7").AddDate(10, 0, 0), timeline.StatusConfirmed},
		{"other-zone", pub("a3").In(time.FixedZone("UTC+9", 9*3600)), timeline.StatusContested},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tl.Status("c", tc.at)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "Status(%q, %v)", "c", tc.at)
		})
	}

	want := []timeline.StatusChange{
		{At: pub("a1"), From: timeline.StatusUnreported, To: timeline.StatusAlleged, Statement: "accuse", Source: "us", Article: "a1"},
		{At: pub("a3"), From: timeline.StatusAlleged, To: timeline.StatusContested, Statement: "deny", Source: "korea-fm", Article: "a3"},
		{At: pub("a5"), From: timeline.StatusContested, To: timeline.StatusCorroborated, Statement: "assert", Source: "ukraine", Article: "a5"},
		{At: pub("a7"), From: timeline.StatusCorroborated, To: timeline.StatusConfirmed, Statement: "confirm", Source: "un-panel", Article: "a7"},
	}
	got, err := tl.History("c")
	require.NoError(t, err)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("History(%q) mismatch (-want +got):\n%s", "c", diff)
	}
	cur, err := tl.Current("c")
	require.NoError(t, err)
	assert.Equal(t, timeline.StatusConfirmed, cur)
}

// TestHistoryOnlyGrows builds each fixture again from what was known after
// each article and checks that the history then is a prefix of the full
// history: a later article adds steps and rewrites none.
func TestHistoryOnlyGrows(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			full, err := claim.Load(path)
			require.NoError(t, err)
			tl := build(t, full)
			for _, a := range full.Articles {
				cut := a.Published
				sub := knownBy(full, cut)
				part := build(t, sub)
				for _, cl := range full.Claims {
					whole, err := tl.History(cl.ID)
					require.NoError(t, err)
					var want []timeline.StatusChange
					for _, sc := range whole {
						if !sc.At.After(cut) {
							want = append(want, sc)
						}
					}
					got, err := part.History(cl.ID)
					require.NoError(t, err)
					if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
						t.Errorf("History(%q) known by %v mismatch (-want +got):\n%s", cl.ID, cut, diff)
					}
					st, err := tl.Status(cl.ID, cut)
					require.NoError(t, err)
					cur, err := part.Current(cl.ID)
					require.NoError(t, err)
					assert.Equal(t, st, cur, "Status(%q, %v) of the full timeline and Current of what was known then", cl.ID, cut)
				}
			}
		})
	}
}

// knownBy returns the part of c published by the instant cut: the
// articles published by then, and the statements and mentions in them.
func knownBy(c *claim.Corpus, cut time.Time) *claim.Corpus {
	out := &claim.Corpus{Sources: c.Sources, Claims: c.Claims}
	keep := map[source.ArticleID]bool{}
	for _, a := range c.Articles {
		if !a.Published.After(cut) {
			keep[a.ID] = true
			a.Reprints = keptReprint(keep, a.Reprints)
			out.Articles = append(out.Articles, a)
		}
	}
	for _, s := range c.Statements {
		reported := len(s.Mentions) > 0
		s = s.Clone()
		s.Mentions = slices.DeleteFunc(s.Mentions, func(m claim.Mention) bool { return !keep[m.Article] })
		// A statement reported later than cut is not known yet, even when
		// it was said before.
		if len(s.Mentions) > 0 || !reported && !s.Said.Start().After(cut) {
			out.Statements = append(out.Statements, s)
		}
	}
	return out
}

// keptReprint keeps a reprint link only to an article that is kept.
func keptReprint(keep map[source.ArticleID]bool, id source.ArticleID) source.ArticleID {
	if keep[id] {
		return id
	}
	return ""
}

// fixtures returns the corpus files the tests run on.
func fixtures(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return append([]string{sampleCorpus}, files...)
}

// TestLatestSaidWins checks that an article reporting an old statement
// late does not override the source's newer position.
func TestLatestSaidWins(t *testing.T) {
	t.Run("fixture", func(t *testing.T) {
		tl := load(t, "testdata/latest.json")
		tests := []struct {
			name string
			at   time.Time
			want timeline.Status
		}{
			{"accused", time.Date(2024, 5, 2, 10, 0, 0, 0, time.UTC), timeline.StatusAlleged},
			{"admitted", time.Date(2024, 5, 10, 10, 0, 0, 0, time.UTC), timeline.StatusConfirmed},
			{"old-denial-reported", time.Date(2024, 5, 20, 10, 0, 0, 0, time.UTC), timeline.StatusConfirmed},
		}
		for _, tc := range tests {
			got, err := tl.Status("camps", tc.at)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "Status(%q, %v)", "camps", tc.at)
		}
		h, err := tl.History("camps")
		require.NoError(t, err)
		assert.Len(t, h, 2, "the late report of an old denial adds no status step")
		track, err := tl.Track("camps")
		require.NoError(t, err)
		assert.Equal(t, []claim.StatementID{"interior-denied-2023", "veyra-accuses", "interior-admits"}, ids(track))
		assert.Empty(t, tl.Denials(), "the ministry's latest word admits the claim")
		assert.Empty(t, tl.Disputed())
	})

	tests := []struct {
		name  string
		stmts []st
		want  timeline.Status
	}{
		{
			name: "old-affirmation-reported-late",
			stmts: []st{
				{id: "us", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a1"}},
				{id: "ua-yes", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-02", at: []string{"a2"}},
				{id: "ua-no", src: "ukraine", act: claim.ActReject, f: claim.CTMinus(), said: "2024-03-06", at: []string{"a6"}},
				{id: "ua-old", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a8"}},
			},
			want: timeline.StatusContested,
		},
		{
			name: "newer-statement-reported-late",
			stmts: []st{
				{id: "us", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a1"}},
				{id: "ua-no", src: "ukraine", act: claim.ActReject, f: claim.CTMinus(), said: "2024-03-02", at: []string{"a2"}},
				{id: "ua-yes", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-07", at: []string{"a9"}},
			},
			want: timeline.StatusCorroborated,
		},
		{
			name: "same-said-later-report-wins",
			stmts: []st{
				{id: "us", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a1"}},
				{id: "ua-yes", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-02", at: []string{"a2"}},
				{id: "ua-no", src: "ukraine", act: claim.ActReject, f: claim.CTMinus(), said: "2024-03-02", at: []string{"a3"}},
			},
			want: timeline.StatusContested,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl := build(t, corpus(nil, tc.stmts...))
			got, err := tl.Current("c")
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "Current(%q)", "c")
		})
	}
}

// TestRefinement checks that statements carry across refines and part-of
// relations as the package documentation says, and not across supersedes
// or contradicts.
func TestRefinement(t *testing.T) {
	tl := load(t, "testdata/refine.json")
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 8, 0, 0, 0, time.UTC) }

	tracks := []struct {
		claim claim.ID
		want  []claim.StatementID
		inh   []bool
	}{
		// The convoy is part of the arms claim: navigation only, so neither
		// carries statements to the other.
		{"arms", []claim.StatementID{"defence-denies-arms", "watch-rifles"}, []bool{false, true}},
		{"rifles", []claim.StatementID{"defence-denies-arms", "watch-rifles", "defence-denies-rifles"}, []bool{true, false, false}},
		{"convoy", []claim.StatementID{"veyra-convoy"}, []bool{false}},
		{"aid", []claim.StatementID{"caldera-aid"}, []bool{false}},
		{"rifles-revised", []claim.StatementID{"veyra-revised"}, []bool{false}},
	}
	for _, tc := range tracks {
		t.Run("track-"+string(tc.claim), func(t *testing.T) {
			got, err := tl.Track(tc.claim)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, ids(got)); diff != "" {
				t.Errorf("Track(%q) mismatch (-want +got):\n%s", tc.claim, diff)
			}
			var inh []bool
			for _, e := range got {
				inh = append(inh, e.Inherited)
				assert.Equal(t, tc.claim, e.Claim, "Entry.Claim of %s", e.Statement.ID)
				assert.Equal(t, e.Inherited, e.Statement.Claim != tc.claim, "Entry.Inherited of %s", e.Statement.ID)
			}
			assert.Equal(t, tc.inh, inh, "Inherited flags of Track(%q)", tc.claim)
		})
	}

	statuses := []struct {
		name  string
		claim claim.ID
		at    time.Time
		want  timeline.Status
	}{
		{"arms-denied", "arms", day(4, 2), timeline.StatusDenied},
		{"arms-refiner-affirms", "arms", day(4, 25), timeline.StatusContested},
		{"arms-part-affirms", "arms", day(5, 1), timeline.StatusContested},
		{"arms-refiner-denied", "arms", day(5, 15), timeline.StatusContested},
		{"rifles-blanket-denial-alone", "rifles", day(4, 2), timeline.StatusUnreported},
		{"rifles-first-report", "rifles", day(4, 25), timeline.StatusContested},
		{"rifles-superseded", "rifles", day(5, 15), timeline.StatusContested},
		{"convoy-before", "convoy", day(4, 25), timeline.StatusUnreported},
		{"convoy-first-report", "convoy", day(5, 1), timeline.StatusAlleged},
		{"aid", "aid", day(5, 15), timeline.StatusAlleged},
		{"rifles-revised", "rifles-revised", day(5, 15), timeline.StatusAlleged},
	}
	for _, tc := range statuses {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tl.Status(tc.claim, tc.at)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "Status(%q, %v)", tc.claim, tc.at)
		})
	}

	t.Run("history", func(t *testing.T) {
		want := []timeline.StatusChange{
			{At: day(4, 25), From: timeline.StatusUnreported, To: timeline.StatusContested, Statement: "watch-rifles", Source: "tessaly-watch", Article: "cc-2024-04-25"},
		}
		got, err := tl.History("rifles")
		require.NoError(t, err)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("History(%q) mismatch (-want +got):\n%s", "rifles", diff)
		}
	})

	t.Run("changes", func(t *testing.T) {
		tests := []struct {
			claim claim.ID
			want  []timeline.Change
		}{
			{"arms", []timeline.Change{
				{Kind: timeline.ChangeFirstReport, Claim: "arms", Statement: "defence-denies-arms", Source: "caldera-defence", Article: "cc-2024-04-02", At: day(4, 2)},
				{Kind: timeline.ChangeDenial, Claim: "arms", Statement: "defence-denies-arms", Source: "caldera-defence", Article: "cc-2024-04-02", At: day(4, 2)},
				{Kind: timeline.ChangeStatus, Claim: "arms", Statement: "defence-denies-arms", Source: "caldera-defence", Article: "cc-2024-04-02", At: day(4, 2), To: timeline.StatusDenied},
				{Kind: timeline.ChangeNewSource, Claim: "arms", Statement: "watch-rifles", Source: "tessaly-watch", Article: "cc-2024-04-25", At: day(4, 25), Inherited: true},
				{Kind: timeline.ChangeStatus, Claim: "arms", Statement: "watch-rifles", Source: "tessaly-watch", Article: "cc-2024-04-25", At: day(4, 25), From: timeline.StatusDenied, To: timeline.StatusContested, Inherited: true},
			}},
			{"rifles", []timeline.Change{
				// The blanket denial, said after the rifles' event began
				// (April 2024), counts from the first report on, quietly.
				{Kind: timeline.ChangeFirstReport, Claim: "rifles", Statement: "watch-rifles", Source: "tessaly-watch", Article: "cc-2024-04-25", At: day(4, 25)},
				{Kind: timeline.ChangeStatus, Claim: "rifles", Statement: "watch-rifles", Source: "tessaly-watch", Article: "cc-2024-04-25", At: day(4, 25), To: timeline.StatusContested},
				{Kind: timeline.ChangeRepeatedDenial, Claim: "rifles", Statement: "defence-denies-rifles", Source: "caldera-defence", Article: "cc-2024-05-15", At: day(5, 15)},
			}},
		}
		for _, tc := range tests {
			got, err := tl.Changes(tc.claim)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Changes(%q) mismatch (-want +got):\n%s", tc.claim, diff)
			}
		}
	})

	t.Run("denials", func(t *testing.T) {
		want := []timeline.Denial{
			{Claim: "arms", Source: "caldera-defence", Statement: "defence-denies-arms"},
			{Claim: "rifles", Source: "caldera-defence", Statement: "defence-denies-rifles"},
		}
		if diff := cmp.Diff(want, tl.Denials()); diff != "" {
			t.Errorf("Denials() mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestRefinementRules checks the carrying rules one at a time, on corpora
// where only the relation differs.
func TestRefinementRules(t *testing.T) {
	broad := claim.Claim{ID: "broad", Text: "North Korea arms Russia", Actors: []claim.Actor{{Source: "korea", Role: claim.RoleAccused}}}
	narrow := func(kind claim.RelationKind) claim.Claim {
		return claim.Claim{ID: "narrow", Text: "North Korea sent 1,000 containers", Actors: []claim.Actor{{Source: "korea", Role: claim.RoleAccused}},
			Relations: []claim.Relation{{Kind: kind, To: "broad"}}}
	}
	narrowest := claim.Claim{ID: "narrowest", Text: "One container held shells", Relations: []claim.Relation{{Kind: claim.RelationRefines, To: "narrow"}}}
	tests := []struct {
		name   string
		claims []claim.Claim
		stmts  []st
		want   map[claim.ID]timeline.Status
	}{
		{
			name:   "refines-affirmation-up",
			claims: []claim.Claim{broad, narrow(claim.RelationRefines)},
			stmts:  []st{{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}}},
			want:   map[claim.ID]timeline.Status{"broad": timeline.StatusAlleged, "narrow": timeline.StatusAlleged},
		},
		{
			// Talks about buying drones are part of an arms-trade story but
			// do not mean the arms were delivered.
			name:   "part-of-affirmation-not-carried",
			claims: []claim.Claim{broad, narrow(claim.RelationPartOf)},
			stmts:  []st{{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}}},
			want:   map[claim.ID]timeline.Status{"broad": timeline.StatusUnreported, "narrow": timeline.StatusAlleged},
		},
		{
			name:   "transitive-up",
			claims: []claim.Claim{broad, narrow(claim.RelationRefines), narrowest},
			stmts:  []st{{id: "s1", claim: "narrowest", src: "un-panel", act: claim.ActConfirm, f: claim.CTPlus(), at: []string{"a1"}}},
			want: map[claim.ID]timeline.Status{
				"broad": timeline.StatusConfirmed, "narrow": timeline.StatusConfirmed, "narrowest": timeline.StatusConfirmed,
			},
		},
		{
			name:   "transitive-down",
			claims: []claim.Claim{broad, narrow(claim.RelationRefines), narrowest},
			stmts: []st{
				{id: "s1", claim: "narrowest", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID]timeline.Status{
				"broad": timeline.StatusContested, "narrow": timeline.StatusContested, "narrowest": timeline.StatusContested,
			},
		},
		{
			name:   "possibility-not-carried",
			claims: []claim.Claim{broad, narrow(claim.RelationRefines)},
			stmts:  []st{{id: "s1", claim: "narrow", src: "us", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a1"}}},
			want:   map[claim.ID]timeline.Status{"broad": timeline.StatusUnreported, "narrow": timeline.StatusReported},
		},
		{
			name:   "denial-not-carried-up",
			claims: []claim.Claim{broad, narrow(claim.RelationRefines)},
			stmts:  []st{{id: "s1", claim: "narrow", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}}},
			want:   map[claim.ID]timeline.Status{"broad": timeline.StatusUnreported, "narrow": timeline.StatusDenied},
		},
		{
			name:   "affirmation-not-carried-down",
			claims: []claim.Claim{broad, narrow(claim.RelationRefines)},
			stmts:  []st{{id: "s1", claim: "broad", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}}},
			want:   map[claim.ID]timeline.Status{"broad": timeline.StatusAlleged, "narrow": timeline.StatusUnreported},
		},
		{
			name:   "denial-carried-down",
			claims: []claim.Claim{broad, narrow(claim.RelationRefines)},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID]timeline.Status{"broad": timeline.StatusContested, "narrow": timeline.StatusContested},
		},
		{
			// A denial that drones were delivered does not deny that talks
			// took place.
			name:   "part-of-denial-not-carried",
			claims: []claim.Claim{broad, narrow(claim.RelationPartOf)},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID]timeline.Status{"broad": timeline.StatusDenied, "narrow": timeline.StatusAlleged},
		},
		{
			name:   "retraction-carried-up",
			claims: []claim.Claim{broad, narrow(claim.RelationRefines)},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
				{id: "s2", claim: "narrow", src: "us-intel", act: claim.ActRetract, f: claim.Uu(), at: []string{"a2"}},
			},
			want: map[claim.ID]timeline.Status{"broad": timeline.StatusRetracted, "narrow": timeline.StatusRetracted},
		},
		{
			name:   "blanket-denial-alone",
			claims: []claim.Claim{broad, narrow(claim.RelationRefines)},
			stmts:  []st{{id: "s1", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}}},
			want:   map[claim.ID]timeline.Status{"broad": timeline.StatusDenied, "narrow": timeline.StatusUnreported},
		},
		{
			name:   "supersedes-not-carried",
			claims: []claim.Claim{broad, narrow(claim.RelationSupersedes)},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID]timeline.Status{"broad": timeline.StatusDenied, "narrow": timeline.StatusAlleged},
		},
		{
			name:   "contradicts-not-carried",
			claims: []claim.Claim{broad, narrow(claim.RelationContradicts)},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID]timeline.Status{"broad": timeline.StatusDenied, "narrow": timeline.StatusAlleged},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl := build(t, corpus(tc.claims, tc.stmts...))
			got := map[claim.ID]timeline.Status{}
			for _, cl := range tc.claims {
				s, err := tl.Current(cl.ID)
				require.NoError(t, err)
				got[cl.ID] = s
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Current mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// change returns the change a statement of the shells claim makes, as
// reported in article a.
func change(k timeline.ChangeKind, stmt string, src source.ID, a string) timeline.Change {
	return timeline.Change{Kind: k, Claim: "c", Statement: claim.StatementID(stmt), Source: src, Article: source.ArticleID(a), At: pub(a)}
}

// statusTo returns the status change a statement of the shells claim makes.
func statusTo(stmt string, src source.ID, a string, from, to timeline.Status) timeline.Change {
	ch := change(timeline.ChangeStatus, stmt, src, a)
	ch.From, ch.To = from, to
	return ch
}

func TestChanges(t *testing.T) {
	const (
		unreported   = timeline.StatusUnreported
		reported     = timeline.StatusReported
		alleged      = timeline.StatusAlleged
		contested    = timeline.StatusContested
		denied       = timeline.StatusDenied
		corroborated = timeline.StatusCorroborated
		confirmed    = timeline.StatusConfirmed
		retracted    = timeline.StatusRetracted
	)
	tests := []struct {
		name  string
		stmts []st
		want  []timeline.Change
	}{
		{
			name:  "first-report",
			stmts: []st{{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}}},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "us", "a1"),
				statusTo("s1", "us", "a1", unreported, alleged),
			},
		},
		{
			name: "new-source-denial-repeated",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
				{id: "s3", src: "korea-fm", act: claim.ActReject, f: claim.CTMinus(), at: []string{"a3"}},
				{id: "s4", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a4"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "us", "a1"),
				statusTo("s1", "us", "a1", unreported, alleged),
				change(timeline.ChangeNewSource, "s2", "korea-fm", "a2"),
				change(timeline.ChangeDenial, "s2", "korea-fm", "a2"),
				statusTo("s2", "korea-fm", "a2", alleged, contested),
				change(timeline.ChangeRepeatedDenial, "s3", "korea-fm", "a3"),
			},
		},
		{
			name: "first-report-is-denial",
			stmts: []st{
				{id: "s1", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "korea-fm", "a1"),
				change(timeline.ChangeDenial, "s1", "korea-fm", "a1"),
				statusTo("s1", "korea-fm", "a1", unreported, denied),
			},
		},
		{
			name: "certainty-raised",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a1"}},
				{id: "s2", src: "us", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a2"}},
				{id: "s3", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a3"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "us", "a1"),
				statusTo("s1", "us", "a1", unreported, reported),
				change(timeline.ChangeCertaintyRaised, "s2", "us", "a2"),
				statusTo("s2", "us", "a2", reported, alleged),
				change(timeline.ChangeCertaintyRaised, "s3", "us", "a3"),
			},
		},
		{
			name: "certainty-lowered",
			stmts: []st{
				{id: "s1", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
				{id: "s2", src: "korea-fm", act: claim.ActAssert, f: claim.PSMinus(), at: []string{"a2"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "korea-fm", "a1"),
				change(timeline.ChangeDenial, "s1", "korea-fm", "a1"),
				statusTo("s1", "korea-fm", "a1", unreported, denied),
				change(timeline.ChangeCertaintyLowered, "s2", "korea-fm", "a2"),
				statusTo("s2", "korea-fm", "a2", denied, reported),
			},
		},
		{
			name: "reversal",
			stmts: []st{
				{id: "s1", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
				{id: "s2", src: "korea-fm", act: claim.ActAdmit, f: claim.CTPlus(), at: []string{"a2"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "korea-fm", "a1"),
				change(timeline.ChangeDenial, "s1", "korea-fm", "a1"),
				statusTo("s1", "korea-fm", "a1", unreported, denied),
				change(timeline.ChangeReversal, "s2", "korea-fm", "a2"),
				statusTo("s2", "korea-fm", "a2", denied, confirmed),
			},
		},
		{
			// Declining to comment takes no position; the source still
			// flips its polarity from the denial to the admission.
			name: "reversal-across-neutral",
			stmts: []st{
				{id: "s1", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
				{id: "s2", src: "korea-fm", act: claim.ActDeclineComment, f: claim.Uu(), at: []string{"a2"}},
				{id: "s3", src: "korea-fm", act: claim.ActAdmit, f: claim.CTPlus(), at: []string{"a3"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "korea-fm", "a1"),
				change(timeline.ChangeDenial, "s1", "korea-fm", "a1"),
				statusTo("s1", "korea-fm", "a1", unreported, denied),
				// Declining to comment takes no position, so the denial
				// stands until the admission.
				change(timeline.ChangeReversal, "s3", "korea-fm", "a3"),
				statusTo("s3", "korea-fm", "a3", denied, confirmed),
			},
		},
		{
			// Withdrawing a denial leaves the source with no position: the
			// claim is reported, not retracted.
			name: "retracted-denial",
			stmts: []st{
				{id: "s1", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
				{id: "s2", src: "korea-fm", act: claim.ActRetract, f: claim.Uu(), at: []string{"a2"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "korea-fm", "a1"),
				change(timeline.ChangeDenial, "s1", "korea-fm", "a1"),
				statusTo("s1", "korea-fm", "a1", unreported, denied),
				change(timeline.ChangeRetraction, "s2", "korea-fm", "a2"),
				statusTo("s2", "korea-fm", "a2", denied, reported),
			},
		},
		{
			// An old denial reported after the source's newer admission is
			// still a denial, but reverses nothing and leaves the claim
			// confirmed.
			name: "late-old-denial",
			stmts: []st{
				{id: "s1", src: "korea-fm", act: claim.ActAdmit, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a1"}},
				{id: "s2", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), said: "2023", at: []string{"a2"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "korea-fm", "a1"),
				statusTo("s1", "korea-fm", "a1", unreported, confirmed),
				change(timeline.ChangeDenial, "s2", "korea-fm", "a2"),
			},
		},
		{
			name: "retraction",
			stmts: []st{
				{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
				{id: "s2", src: "us-intel", act: claim.ActRetract, f: claim.Uu(), at: []string{"a2"}},
				{id: "s3", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a3"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "us-intel", "a1"),
				statusTo("s1", "us-intel", "a1", unreported, alleged),
				change(timeline.ChangeRetraction, "s2", "us-intel", "a2"),
				statusTo("s2", "us-intel", "a2", alleged, retracted),
				statusTo("s3", "us-intel", "a3", retracted, alleged),
			},
		},
		{
			name: "corroboration",
			stmts: []st{
				{id: "s1", src: "kirby", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", src: "state-dept", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
				{id: "s3", src: "ukraine", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a3"}},
				{id: "s4", src: "un-panel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a4"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "kirby", "a1"),
				statusTo("s1", "kirby", "a1", unreported, alleged),
				change(timeline.ChangeNewSource, "s2", "state-dept", "a2"),
				change(timeline.ChangeNewSource, "s3", "ukraine", "a3"),
				change(timeline.ChangeCorroboration, "s3", "ukraine", "a3"),
				statusTo("s3", "ukraine", "a3", alleged, corroborated),
				change(timeline.ChangeNewSource, "s4", "un-panel", "a4"),
				change(timeline.ChangeCorroboration, "s4", "un-panel", "a4"),
			},
		},
		{
			name: "no-corroboration-by-absent-or-accused",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", src: source.AbsentID, act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a2"}},
				{id: "s3", src: "korea-fm", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a3"}},
			},
			want: []timeline.Change{
				change(timeline.ChangeFirstReport, "s1", "us", "a1"),
				statusTo("s1", "us", "a1", unreported, alleged),
				change(timeline.ChangeNewSource, "s2", source.AbsentID, "a2"),
				change(timeline.ChangeNewSource, "s3", "korea-fm", "a3"),
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl := build(t, corpus(nil, tc.stmts...))
			got, err := tl.Changes("c")
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Changes(%q) mismatch (-want +got):\n%s", "c", diff)
			}
			// Every status change is also a step of the history.
			var steps []timeline.StatusChange
			for _, ch := range got {
				if ch.Kind == timeline.ChangeStatus {
					steps = append(steps, timeline.StatusChange{At: ch.At, From: ch.From, To: ch.To, Statement: ch.Statement, Source: ch.Source, Article: ch.Article})
				}
			}
			h, err := tl.History("c")
			require.NoError(t, err)
			if diff := cmp.Diff(steps, h); diff != "" {
				t.Errorf("History(%q) and the status changes differ (-changes +history):\n%s", "c", diff)
			}
		})
	}
}

func TestAdded(t *testing.T) {
	tl := load(t, sampleCorpus)
	// summary is a Diff with its entries cut down to statement IDs.
	type summary struct {
		Article    source.ArticleID
		New        []claim.StatementID
		Repeated   []claim.StatementID
		Changes    []string
		NewClaims  []claim.ID
		NewSources []source.ID
	}
	tests := []struct {
		name string
		id   source.ArticleID
		want summary
	}{
		{
			name: "original",
			id:   "ledger-2024-03-04",
			want: summary{
				Article: "ledger-2024-03-04",
				New:     []claim.StatementID{"westmark-accuses", "norland-denies", "officials-talks"},
				Changes: []string{
					"first-report shells westmark-accuses",
					"status shells westmark-accuses unreported->alleged",
					"new-source shells norland-denies",
					"denial shells norland-denies",
					"status shells norland-denies alleged->contested",
					"first-report talks officials-talks",
					"status talks officials-talks unreported->alleged",
				},
				NewClaims:  []claim.ID{"shells", "talks"},
				NewSources: []source.ID{"westmark-defence", "norland-foreign", "westmark-officials"},
			},
		},
		{
			name: "wire",
			id:   "wire-2024-03-05",
			want: summary{
				Article: "wire-2024-03-05",
				New:     []claim.StatementID{"norland-denies-again", "believed-containers"},
				Changes: []string{
					"repeated-denial shells norland-denies-again",
					"new-source shells believed-containers inherited",
					"first-report containers believed-containers",
					"status containers believed-containers unreported->contested",
				},
				NewClaims:  []claim.ID{"containers"},
				NewSources: []source.ID{source.AbsentID},
			},
		},
		{
			name: "reprint",
			id:   "ledger-2024-03-05",
			want: summary{
				Article:  "ledger-2024-03-05",
				Repeated: []claim.StatementID{"norland-denies-again", "believed-containers"},
			},
		},
		{
			name: "corroboration-and-confirmation",
			id:   "ledger-2024-06-10",
			want: summary{
				Article: "ledger-2024-06-10",
				New:     []claim.StatementID{"southvale-images", "panel-confirms", "norland-silent"},
				Changes: []string{
					"new-source shells southvale-images",
					"corroboration shells southvale-images",
					"status shells southvale-images contested->corroborated",
					"new-source shells panel-confirms inherited",
					"corroboration shells panel-confirms inherited",
					"status shells panel-confirms corroborated->confirmed inherited",
					"new-source containers panel-confirms",
					"status containers panel-confirms contested->confirmed",
					"new-source containers norland-silent",
				},
				NewSources: []source.ID{"southvale", "un-panel", "norland"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := tl.Added(tc.id)
			require.NoError(t, err)
			got := summary{
				Article:    d.Article.ID,
				New:        ids(d.New),
				Repeated:   ids(d.Repeated),
				NewClaims:  d.NewClaims,
				NewSources: d.NewSources,
			}
			for _, ch := range d.Changes {
				assert.Equal(t, tc.id, ch.Article, "Change.Article of %v", ch)
				got.Changes = append(got.Changes, describe(ch))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Added(%q) mismatch (-want +got):\n%s", tc.id, diff)
			}
			for _, e := range d.Repeated {
				assert.NotEqual(t, tc.id, e.Article, "a repeated entry's first report is another article")
			}
		})
	}

	_, err := tl.Added("no-such-article")
	assert.ErrorIs(t, err, timeline.ErrUnknownArticle)
	var te *timeline.Error
	if assert.ErrorAs(t, err, &te) {
		assert.Equal(t, "no-such-article", te.Value)
	}
}

// describe returns a change as "kind claim statement [from->to] [inherited]".
func describe(ch timeline.Change) string {
	s := fmt.Sprintf("%s %s %s", ch.Kind, ch.Claim, ch.Statement)
	if ch.Kind == timeline.ChangeStatus {
		s += fmt.Sprintf(" %s->%s", ch.From, ch.To)
	}
	if ch.Inherited {
		s += " inherited"
	}
	return s
}

// TestAllChanges checks that AllChanges holds every claim's changes in the
// order their statements became known, and that the articles' diffs
// partition it.
func TestAllChanges(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			c, err := claim.Load(path)
			require.NoError(t, err)
			tl := build(t, c)
			all := tl.AllChanges()

			var perClaim []timeline.Change
			for _, cl := range c.Claims {
				chs, err := tl.Changes(cl.ID)
				require.NoError(t, err)
				perClaim = append(perClaim, chs...)
			}
			key := func(ch timeline.Change) string { return describe(ch) }
			assert.ElementsMatch(t, mapSlice(perClaim, key), mapSlice(all, key), "AllChanges and the claims' Changes hold the same changes")

			for i := 1; i < len(all); i++ {
				assert.False(t, all[i].At.Before(all[i-1].At), "AllChanges()[%d] at %v comes before [%d] at %v", i, all[i].At, i-1, all[i-1].At)
			}

			var byArticle []timeline.Change
			arts := slices.Clone(c.Articles)
			slices.SortStableFunc(arts, func(a, b source.Article) int {
				if n := a.Published.Compare(b.Published); n != 0 {
					return n
				}
				return strings.Compare(string(a.ID), string(b.ID))
			})
			for _, a := range arts {
				d, err := tl.Added(a.ID)
				require.NoError(t, err)
				byArticle = append(byArticle, d.Changes...)
			}
			if diff := cmp.Diff(all, byArticle); diff != "" {
				t.Errorf("AllChanges() and the articles' changes in publication order differ (-all +articles):\n%s", diff)
			}
		})
	}

	t.Run("claim-order-within-statement", func(t *testing.T) {
		tl := load(t, sampleCorpus)
		var got []string
		for _, ch := range tl.AllChanges() {
			if ch.Statement == "panel-confirms" {
				got = append(got, describe(ch))
			}
		}
		want := []string{
			"new-source shells panel-confirms inherited",
			"corroboration shells panel-confirms inherited",
			"status shells panel-confirms corroborated->confirmed inherited",
			"new-source containers panel-confirms",
			"status containers panel-confirms contested->confirmed",
		}
		assert.Equal(t, want, got)
	})

	noMention := []struct {
		name string
		said string
	}{
		{"no-mention-earlier", "2024-03-02"},
		// Known at the article's instant, it comes first: its article ID
		// is empty.
		{"no-mention-same-instant", "2024-03-03T12:00:00Z"},
	}
	for _, tc := range noMention {
		t.Run(tc.name, func(t *testing.T) {
			tl := build(t, corpus(nil,
				st{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a3"}},
				st{id: "s0", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), said: tc.said},
			))
			want := []string{
				"first-report c s0", "status c s0 unreported->alleged",
				"new-source c s1", "corroboration c s1", "status c s1 alleged->corroborated",
			}
			assert.Equal(t, want, mapSlice(tl.AllChanges(), describe))
			d, err := tl.Added("a3")
			require.NoError(t, err)
			assert.Equal(t, want[2:], mapSlice(d.Changes, describe))
		})
	}
}

func mapSlice[T, U any](in []T, f func(T) U) []U {
	out := make([]U, 0, len(in))
	for _, v := range in {
		out = append(out, f(v))
	}
	return out
}

// snapshot is everything a timeline says about its claims.
type snapshot struct {
	Tracks    map[claim.ID][]timeline.Entry
	Histories map[claim.ID][]timeline.StatusChange
	Changes   map[claim.ID][]timeline.Change
	All       []timeline.Change
	Denials   []timeline.Denial
	Contested []claim.ID
	Anonymous []claim.ID
	Added     map[source.ArticleID]timeline.Diff
}

func takeSnapshot(t testing.TB, tl *timeline.Timeline) snapshot {
	t.Helper()
	s, err := snapshotOf(tl)
	require.NoError(t, err)
	return s
}

// snapshotOf is takeSnapshot for goroutines, which must not call t.FailNow.
func snapshotOf(tl *timeline.Timeline) (snapshot, error) {
	s := snapshot{
		Tracks:    map[claim.ID][]timeline.Entry{},
		Histories: map[claim.ID][]timeline.StatusChange{},
		Changes:   map[claim.ID][]timeline.Change{},
		All:       tl.AllChanges(),
		Denials:   tl.Denials(),
		Contested: tl.Disputed(),
		Anonymous: tl.AnonymousClaims(),
		Added:     map[source.ArticleID]timeline.Diff{},
	}
	var errs []error
	for _, cl := range tl.Claims() {
		var err1, err2, err3 error
		s.Tracks[cl.ID], err1 = tl.Track(cl.ID)
		s.Histories[cl.ID], err2 = tl.History(cl.ID)
		s.Changes[cl.ID], err3 = tl.Changes(cl.ID)
		errs = append(errs, err1, err2, err3)
	}
	for _, a := range tl.Registry().Articles() {
		d, err := tl.Added(a.ID)
		s.Added[a.ID] = d
		errs = append(errs, err)
	}
	return s, errors.Join(errs...)
}

// TestDeterminism checks that the order of the input statements, and of
// their mentions, does not change anything the timeline says.
func TestDeterminism(t *testing.T) {
	// Under the race detector, which makes building twenty to thirty times
	// slower, a smaller corpus and one shuffle.
	size, shuffles := 3000, uint64(3)
	if timeline.RaceEnabled {
		size, shuffles = 1000, 1
	}
	corpora := map[string]*claim.Corpus{"synthetic": synthetic(size)}
	for _, path := range fixtures(t) {
		c, err := claim.Load(path)
		require.NoError(t, err)
		corpora[filepath.Base(path)] = c
	}
	for name, c := range corpora {
		t.Run(name, func(t *testing.T) {
			want := takeSnapshot(t, build(t, c))
			for seed := range shuffles {
				r := rand.New(rand.NewPCG(seed, 7))
				shuffled := *c
				shuffled.Statements = make([]claim.Statement, len(c.Statements))
				for i, s := range c.Statements {
					s = s.Clone()
					r.Shuffle(len(s.Mentions), func(i, j int) { s.Mentions[i], s.Mentions[j] = s.Mentions[j], s.Mentions[i] })
					shuffled.Statements[i] = s
				}
				r.Shuffle(len(shuffled.Statements), func(i, j int) {
					shuffled.Statements[i], shuffled.Statements[j] = shuffled.Statements[j], shuffled.Statements[i]
				})
				got := takeSnapshot(t, build(t, &shuffled))
				// Mentions keep their input order inside a statement.
				ignoreMentions := cmp.Transformer("sortMentions", func(s claim.Statement) claim.Statement {
					s = s.Clone()
					slices.SortFunc(s.Mentions, func(a, b claim.Mention) int {
						if n := strings.Compare(string(a.Article), string(b.Article)); n != 0 {
							return n
						}
						return a.Span.Start - b.Span.Start
					})
					return s
				})
				if diff := cmp.Diff(want, got, dateCmp, ignoreMentions); diff != "" {
					t.Errorf("Build(shuffled corpus, seed %d) mismatch (-want +got):\n%s", seed, diff)
				}
			}
		})
	}
}

// TestCopies checks that values going in and out are copies.
func TestCopies(t *testing.T) {
	// want comes from a timeline of its own, so that it shares no memory
	// with the one whose values are changed.
	load := func() *claim.Corpus {
		c, err := claim.Load(sampleCorpus)
		require.NoError(t, err)
		c.Statements[0].Via = []source.ID{"ledger"}
		return c
	}
	c := load()
	tl := build(t, c)
	ref := build(t, load())
	want := takeSnapshot(t, ref)
	wantClaims := ref.Claims()

	// Changing the corpus after Build changes nothing.
	c.Statements[0].Mentions[0].Span.Exact = "changed"
	c.Statements[0].Via[0] = "wire"
	c.Statements[1].Act = claim.ActAdmit
	c.Claims[0].Actors[0].Source = "westmark"
	c.Claims[1].Relations[0].To = "talks"
	c.Articles[0].Title = "changed"
	c.Sources[0].Name = "changed"

	// Changing returned values changes nothing.
	track, err := tl.Track("shells")
	require.NoError(t, err)
	track[0].Statement.Mentions[0].Span.Exact = "changed"
	track[0].Statement.Via[0] = "wire"
	track[1].Statement.Claim = "talks"
	e, ok := tl.Statement("westmark-accuses")
	require.True(t, ok)
	e.Statement.Mentions[0].Cue = "changed"
	cl, ok := tl.Claim("shells")
	require.True(t, ok)
	cl.Actors[0].Source = "changed"
	tl.Claims()[1].Relations[0].To = "changed"
	d, err := tl.Added("ledger-2024-03-04")
	require.NoError(t, err)
	d.New[0].Statement.Mentions[0].Span.Exact = "changed"
	d.Changes[0].Kind = timeline.ChangeReversal
	tl.Denials()[0].Source = "changed"
	tl.AllChanges()[0].Claim = "changed"
	got, err := tl.Statements(timeline.Query{})
	require.NoError(t, err)
	got[0].Statement.Mentions[0].Span.Exact = "changed"

	if diff := cmp.Diff(want, takeSnapshot(t, tl), dateCmp); diff != "" {
		t.Errorf("timeline changed (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(wantClaims, tl.Claims(), dateCmp); diff != "" {
		t.Errorf("Claims() changed (-before +after):\n%s", diff)
	}
}

// TestConcurrentQueries runs every query from many goroutines on a fresh
// timeline, so that the race detector sees the lazy indexes built.
func TestConcurrentQueries(t *testing.T) {
	c, err := claim.Load(sampleCorpus)
	require.NoError(t, err)
	want := takeSnapshot(t, build(t, c))
	tl := build(t, c)
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch g % 4 {
			case 0:
				_, _ = tl.Statement("panel-confirms")
			case 1:
				_ = tl.AllChanges()
			case 2:
				_, _ = tl.Added("wire-2024-03-05")
			case 3:
				_ = tl.WriteText(io.Discard)
			}
			got, err := snapshotOf(tl)
			if err != nil {
				t.Errorf("goroutine %d: %v", g, err)
			}
			if diff := cmp.Diff(want, got, dateCmp); diff != "" {
				t.Errorf("goroutine %d: snapshot mismatch (-want +got):\n%s", g, diff)
			}
			for _, cl := range c.Claims {
				_, _ = tl.Status(cl.ID, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
				_, _ = tl.Current(cl.ID)
			}
			_, _ = tl.Statements(timeline.Query{Under: "westmark", Anonymous: true})
			_ = tl.ByStatus(timeline.StatusConfirmed, time.Now())
		}()
	}
	wg.Wait()
}

func TestJSONRoundTrip(t *testing.T) {
	tl := load(t, sampleCorpus)
	s := takeSnapshot(t, tl)
	var entries []timeline.Entry
	var steps []timeline.StatusChange
	for _, cl := range tl.Claims() {
		entries = append(entries, s.Tracks[cl.ID]...)
		steps = append(steps, s.Histories[cl.ID]...)
	}
	var diffs []timeline.Diff
	for _, a := range tl.Registry().Articles() {
		diffs = append(diffs, s.Added[a.ID])
	}
	tests := []struct {
		name string
		v    any
		into func() any
	}{
		{"entries", entries, func() any { return new([]timeline.Entry) }},
		{"status-changes", steps, func() any { return new([]timeline.StatusChange) }},
		{"changes", s.All, func() any { return new([]timeline.Change) }},
		{"diffs", diffs, func() any { return new([]timeline.Diff) }},
		{"denials", s.Denials, func() any { return new([]timeline.Denial) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := json.Marshal(tc.v)
			require.NoError(t, err)
			p := tc.into()
			require.NoError(t, json.Unmarshal(data, p))
			got := derefAny(p)
			if diff := cmp.Diff(tc.v, got, dateCmp); diff != "" {
				t.Errorf("json.Unmarshal(json.Marshal(%s)) mismatch (-want +got):\n%s", tc.name, diff)
			}
		})
	}

	t.Run("names", func(t *testing.T) {
		h, err := tl.History("talks")
		require.NoError(t, err)
		var got []map[string]any
		data, err := json.Marshal(h)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &got))
		require.Len(t, got, 2)
		assert.Equal(t, "alleged", got[1]["from"])
		assert.Equal(t, "retracted", got[1]["to"])

		chs, err := tl.Changes("talks")
		require.NoError(t, err)
		data, err = json.Marshal(chs[0])
		require.NoError(t, err)
		var ch map[string]any
		require.NoError(t, json.Unmarshal(data, &ch))
		assert.Equal(t, "first-report", ch["kind"])
		assert.NotContains(t, ch, "from", "from and to are left out of changes other than status")
	})
}

func derefAny(p any) any {
	switch v := p.(type) {
	case *[]timeline.Entry:
		return *v
	case *[]timeline.StatusChange:
		return *v
	case *[]timeline.Change:
		return *v
	case *[]timeline.Diff:
		return *v
	case *[]timeline.Denial:
		return *v
	}
	panic(fmt.Sprintf("unexpected %T", p))
}
