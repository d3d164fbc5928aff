package source_test

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

// The tests in this file feed NewRegistry and the registry's queries
// inputs large enough that quadratic work would take minutes (80,000
// sources sharing one name took 45 s when each problem searched the
// declared list for its path), and check that the work stays within
// allocation bounds per item, with generous margins. Wall time is never
// asserted; a regression shows as a test that runs for minutes.

// allocsPer returns the allocations of one call of f divided by n.
func allocsPer(n int, f func()) float64 {
	return testing.AllocsPerRun(1, f) / float64(n)
}

func TestNewRegistryScale(t *testing.T) {
	const n = 80_000
	id := func(i int) source.ID { return source.ID(fmt.Sprintf("s%d", i)) }
	tests := []struct {
		name    string
		sources func(i int) source.Source
		want    error
	}{
		{
			name:    "alias-conflicts",
			sources: func(i int) source.Source { return source.Source{ID: id(i), Name: "Same"} },
			want:    source.ErrAliasConflict,
		},
		{
			name:    "missing-parents",
			sources: func(i int) source.Source { return source.Source{ID: id(i), Name: string(id(i)), Parent: "nowhere"} },
			want:    source.ErrUnknownSource,
		},
		{
			name: "parent-cycle",
			sources: func(i int) source.Source {
				return source.Source{ID: id(i), Name: string(id(i)), Parent: id((i + 1) % n)}
			},
			want: source.ErrCycle,
		},
		{
			name: "unknown-office-orgs",
			sources: func(i int) source.Source {
				return source.Source{ID: id(i), Name: string(id(i)), Offices: []source.Office{{Title: "spokesman", Of: "nowhere"}}}
			},
			want: source.ErrUnknownSource,
		},
		{
			name: "overlapping-offices",
			sources: func(i int) source.Source {
				return source.Source{ID: id(i), Name: string(id(i)), Offices: []source.Office{{Title: "spokesman", Of: "s0"}}}
			},
			want: source.ErrInvalid,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sources := make([]source.Source, n)
			for i := range sources {
				sources[i] = tc.sources(i)
			}
			var err error
			per := allocsPer(n, func() { _, err = source.NewRegistry(sources, nil) })
			assert.ErrorIs(t, err, tc.want)
			assert.Less(t, per, 40.0, "allocations per source")
		})
	}
}

func TestNewRegistryArticleChainScale(t *testing.T) {
	const n = 200_000
	articles := make([]source.Article, n)
	for i := range articles {
		articles[i] = source.Article{ID: source.ArticleID(fmt.Sprintf("a%d", i)), Published: published}
		if i > 0 {
			articles[i].Reprints = articles[i-1].ID
		}
	}
	var r *source.Registry
	var err error
	per := allocsPer(n, func() { r, err = source.NewRegistry(nil, articles) })
	require.NoError(t, err)
	assert.Less(t, per, 4.0, "allocations per article")
	got, ok := r.Origin(articles[n-1].ID)
	assert.True(t, ok)
	assert.Equal(t, articles[0].ID, got)
}

func TestOfficeScale(t *testing.T) {
	const n = 100_000
	aliases := make([]string, n)
	for i := range aliases {
		aliases[i] = fmt.Sprintf("title %d", i)
	}
	sources := []source.Source{
		{ID: "kremlin", Name: "Kremlin"},
		{ID: "peskov", Name: "Dmitry Peskov", Parent: "kremlin", Offices: []source.Office{{Title: "spokesman", Aliases: aliases, Of: "kremlin"}}},
	}
	var r *source.Registry
	var err error
	per := allocsPer(n, func() { r, err = source.NewRegistry(sources, nil) })
	require.NoError(t, err)
	assert.Less(t, per, 10.0, "allocations per office alias")

	// A phrase of many words is split once, not joined anew at every
	// split.
	phrase := strings.Repeat("the Kremlin ", n) + "spokesman"
	var ok bool
	per = allocsPer(n, func() { _, ok = r.ResolveOffice(phrase, day(2020, 1, 1)) })
	assert.False(t, ok)
	assert.Less(t, per, 10.0, "allocations per word")
	m, ok := r.ResolveOffice("the foreign minister of the Kremlin", day(2020, 1, 1))
	assert.False(t, ok, "%v", m)
	m, ok = r.ResolveOffice("the title 99999 of the Kremlin", day(2020, 1, 1))
	assert.True(t, ok)
	assert.Equal(t, source.ID("peskov"), m.Holder)
}

// TestNewRegistryTimeRange checks times that are within 0001-9999 where
// they were written but not in UTC, where encoding/json could not write
// them.
func TestNewRegistryTimeRange(t *testing.T) {
	behind := time.FixedZone("UTC-5", -5*60*60)
	ahead := time.FixedZone("UTC+5", 5*60*60)
	late := time.Date(9999, 12, 31, 23, 0, 0, 0, behind) // 10000-01-01T04:00Z
	early := time.Date(1, 1, 1, 1, 0, 0, 0, ahead)       // year 0 in UTC
	office := func(from, to time.Time) []source.Source {
		return []source.Source{
			{ID: "uk", Name: "United Kingdom"},
			{ID: "fs", Name: "Foreign Secretary", Offices: []source.Office{{Title: "foreign secretary", Of: "uk", From: from, To: to}}},
		}
	}
	tests := []struct {
		name     string
		sources  []source.Source
		articles []source.Article
		want     []problem
	}{
		{
			name:     "published-late",
			articles: []source.Article{{ID: "a", Published: late}},
			want:     []problem{{"articles[0].published", "9999-12-31T23:00:00-05:00", source.ErrInvalid}},
		},
		{
			name:     "published-early",
			articles: []source.Article{{ID: "a", Published: early}},
			want:     []problem{{"articles[0].published", "0001-01-01T01:00:00+05:00", source.ErrInvalid}},
		},
		{
			name:     "published-last-instant",
			articles: []source.Article{{ID: "a", Published: time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)}},
		},
		{
			name:    "office-to-late",
			sources: office(day(2020, 1, 1), late),
			want:    []problem{{"sources[1].offices[0].to", "9999-12-31T23:00:00-05:00", source.ErrInvalid}},
		},
		{
			name:    "office-from-early",
			sources: office(early, time.Time{}),
			want:    []problem{{"sources[1].offices[0].from", "0001-01-01T01:00:00+05:00", source.ErrInvalid}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := source.NewRegistry(tc.sources, tc.articles)
			if diff := cmp.Diff(tc.want, problems(t, err), problemOpts); diff != "" {
				t.Errorf("NewRegistry(...) problems mismatch (-want +got):\n%s", diff)
			}
			if err == nil {
				_, err := json.Marshal(r)
				assert.NoError(t, err, "json.Marshal of a registry NewRegistry accepted")
			}
		})
	}
}

// TestNewRegistryManyProblems checks that an error lists the first
// MaxProblems problems and counts the rest by kind in one MoreError,
// which errors.Is sees through.
func TestNewRegistryManyProblems(t *testing.T) {
	const n = 200_000
	articles := make([]source.Article, n)
	for i := range articles {
		articles[i] = source.Article{ID: "a", Published: published, Outlet: "nobody"}
	}
	articles[n-1].Reprints = articles[n-1].ID // one cycle, at the very end
	var err error
	kept := retained(func() any {
		_, err = source.NewRegistry(nil, articles)
		return err
	})
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	require.Len(t, errs, source.MaxProblems+1)
	var more *source.MoreError
	require.ErrorAs(t, errs[len(errs)-1], &more)
	// n unknown outlets, n-1 duplicates, and the self-reprint.
	assert.Equal(t, 2*n-source.MaxProblems, more.Len(), "problems left out")
	kinds := map[error]int{}
	for _, k := range more.Kinds {
		kinds[k.Err] = k.Count
	}
	assert.Len(t, kinds, 3)
	assert.Equal(t, 1, kinds[source.ErrCycle], "cycles left out")
	assert.InDelta(t, n, kinds[source.ErrDuplicateID], source.MaxProblems, "duplicates left out")
	for _, sentinel := range []error{source.ErrDuplicateID, source.ErrUnknownSource, source.ErrCycle} {
		assert.ErrorIs(t, err, sentinel)
	}
	assert.NotErrorIs(t, err, source.ErrAliasConflict)
	assert.Less(t, len(err.Error()), 100*source.MaxProblems, "message length")
	assert.Less(t, kept, uint64(1<<20), "bytes the error keeps")
}

// TestNewRegistryLongValue checks that a value of 10 MB is quoted as an
// excerpt, and that the error does not keep it in memory.
func TestNewRegistryLongValue(t *testing.T) {
	long := strings.Repeat("é", 5<<20) // 10 MiB
	tests := []struct {
		name     string
		sources  []source.Source
		articles []source.Article
	}{
		{name: "unknown-outlet", articles: []source.Article{{ID: "a", Published: published, Outlet: source.ID(long)}}},
		{name: "alias-conflict", sources: []source.Source{{ID: source.ID(long), Name: "x"}, {ID: "b", Name: "x"}}},
		{name: "invalid-text", articles: []source.Article{{ID: "a", Published: published, Text: long + "\xff"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := source.NewRegistry(tc.sources, tc.articles)
			var fe *source.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Less(t, len(fe.Value), 200, "len(Value)")
			assert.Less(t, len(err.Error()), 500, "message length")
		})
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name, v, want string
	}{
		{name: "empty", v: "", want: ""},
		{name: "short", v: "Kim", want: "Kim"},
		{name: "64-runes", v: strings.Repeat("é", 64), want: strings.Repeat("é", 64)},
		{name: "65-runes", v: strings.Repeat("é", 65), want: strings.Repeat("é", 64) + "… (130 bytes)"},
		{name: "invalid", v: strings.Repeat("\xff", 100), want: strings.Repeat("\xff", 64) + "… (100 bytes)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, source.Excerpt(tc.v))
		})
	}
}

// retained returns the bytes of heap that f's result keeps alive.
func retained(f func() any) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}
