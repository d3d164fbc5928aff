package source_test

import (
	"encoding/json"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

func TestNewRegistry(t *testing.T) {
	tests := []struct {
		name    string
		sources []source.Source
		want    []source.Source
	}{
		{
			name: "empty",
			want: []source.Source{source.Absent()},
		},
		{
			name:    "absent-built-in-last",
			sources: []source.Source{{ID: "us", Name: "United States"}, {ID: "wh", Name: "White House", Parent: "us"}},
			want:    []source.Source{{ID: "us", Name: "United States"}, {ID: "wh", Name: "White House", Parent: "us"}, source.Absent()},
		},
		{
			name: "absent-declared",
			sources: []source.Source{
				{ID: source.AbsentID, Name: "it is believed", Identity: source.IdentityAbsent},
				{ID: "us", Name: "United States"},
			},
			want: []source.Source{
				{ID: source.AbsentID, Name: "it is believed", Identity: source.IdentityAbsent},
				{ID: "us", Name: "United States"},
			},
		},
		{
			// A source can be declared before its parent.
			name:    "forward-parent",
			sources: []source.Source{{ID: "kirby", Name: "John Kirby", Parent: "wh"}, {ID: "wh", Name: "White House"}},
			want:    []source.Source{{ID: "kirby", Name: "John Kirby", Parent: "wh"}, {ID: "wh", Name: "White House"}, source.Absent()},
		},
		{
			// A name and an alias of one source may share a key.
			name:    "own-alias",
			sources: []source.Source{{ID: "us", Name: "United States", Aliases: []string{"the United States", "US", "U.S."}}},
			want:    []source.Source{{ID: "us", Name: "United States", Aliases: []string{"the United States", "US", "U.S."}}, source.Absent()},
		},
		{
			// A name with no letters has no key, so it conflicts with nothing.
			name:    "keyless-names",
			sources: []source.Source{{ID: "a", Name: "…"}, {ID: "b", Name: "?!", Aliases: []string{"--"}}},
			want:    []source.Source{{ID: "a", Name: "…"}, {ID: "b", Name: "?!", Aliases: []string{"--"}}, source.Absent()},
		},
		{
			name:    "seed",
			sources: seedSources(),
			want:    append(seedSources(), source.Absent()),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := source.NewRegistry(tc.sources, nil)
			require.NoError(t, err)
			assert.Equal(t, len(tc.want), r.Len())
			if diff := cmp.Diff(tc.want, r.Sources()); diff != "" {
				t.Errorf("NewRegistry(...).Sources() mismatch (-want +got):\n%s", diff)
			}
			for _, s := range tc.want {
				got, ok := r.Source(s.ID)
				assert.True(t, ok, "Source(%q)", s.ID)
				if diff := cmp.Diff(s, got); diff != "" {
					t.Errorf("Source(%q) mismatch (-want +got):\n%s", s.ID, diff)
				}
			}
			checkRegistry(t, r)
		})
	}
}

func TestNewRegistrySourceErrors(t *testing.T) {
	tests := []struct {
		name    string
		sources []source.Source
		want    []problem
	}{
		{
			name:    "empty-id",
			sources: []source.Source{{Name: "United States"}},
			want:    []problem{{"sources[0].id", "", source.ErrEmpty}},
		},
		{
			name:    "empty-name",
			sources: []source.Source{{ID: "us"}},
			want:    []problem{{"sources[0].name", "", source.ErrEmpty}},
		},
		{
			name:    "zero",
			sources: []source.Source{{}},
			want:    []problem{{"sources[0].id", "", source.ErrEmpty}, {"sources[0].name", "", source.ErrEmpty}},
		},
		{
			name:    "empty-alias",
			sources: []source.Source{{ID: "us", Name: "United States", Aliases: []string{"US", ""}}},
			want:    []problem{{"sources[0].aliases[1]", "", source.ErrEmpty}},
		},
		{
			name: "duplicate-id",
			sources: []source.Source{
				{ID: "us", Name: "United States"},
				{ID: "ukraine", Name: "Ukraine"},
				{ID: "us", Name: "USA"},
			},
			want: []problem{{"sources[2].id", "us", source.ErrDuplicateID}},
		},
		{
			name:    "duplicate-empty-id",
			sources: []source.Source{{Name: "A"}, {Name: "B"}},
			want:    []problem{{"sources[0].id", "", source.ErrEmpty}, {"sources[1].id", "", source.ErrEmpty}},
		},
		{
			name:    "unknown-parent",
			sources: []source.Source{{ID: "us", Name: "United States"}, {ID: "wh", Name: "White House", Parent: "usa"}},
			want:    []problem{{"sources[1].parent", "usa", source.ErrUnknownSource}},
		},
		{
			// A self-parent is one problem, not one from the field check
			// and another from the cycle search.
			name:    "self-cycle",
			sources: []source.Source{{ID: "us", Name: "United States", Parent: "us"}},
			want:    []problem{{"sources[0].parent", "us", source.ErrCycle}},
		},
		{
			name: "two-cycle",
			sources: []source.Source{
				{ID: "a", Name: "A", Parent: "b"},
				{ID: "b", Name: "B", Parent: "a"},
			},
			want: []problem{{"sources[0].parent", "b", source.ErrCycle}},
		},
		{
			name: "three-cycle",
			sources: []source.Source{
				{ID: "kirby", Name: "John Kirby", Parent: "wh"},
				{ID: "wh", Name: "White House", Parent: "us"},
				{ID: "us", Name: "United States", Parent: "kirby"},
			},
			want: []problem{{"sources[0].parent", "wh", source.ErrCycle}},
		},
		{
			// The cycle is reported where the walk enters it, not at the
			// source leading into it.
			name: "cycle-with-tail",
			sources: []source.Source{
				{ID: "tail", Name: "Tail", Parent: "a"},
				{ID: "a", Name: "A", Parent: "b"},
				{ID: "b", Name: "B", Parent: "a"},
			},
			want: []problem{{"sources[1].parent", "b", source.ErrCycle}},
		},
		{
			name: "two-cycles",
			sources: []source.Source{
				{ID: "a", Name: "A", Parent: "b"},
				{ID: "b", Name: "B", Parent: "a"},
				{ID: "c", Name: "C", Parent: "c"},
				{ID: "d", Name: "D", Parent: "e"},
				{ID: "e", Name: "E", Parent: "d"},
			},
			want: []problem{
				{"sources[0].parent", "b", source.ErrCycle},
				{"sources[2].parent", "c", source.ErrCycle},
				{"sources[3].parent", "e", source.ErrCycle},
			},
		},
		{
			name: "alias-conflict",
			sources: []source.Source{
				{ID: "dprk", Name: "North Korea", Aliases: []string{"P'yŏngyang"}},
				{ID: "kcna", Name: "KCNA", Aliases: []string{"Pyongyang"}},
			},
			want: []problem{{"sources[1].aliases[0]", "Pyongyang", source.ErrAliasConflict}},
		},
		{
			name: "name-conflict",
			sources: []source.Source{
				{ID: "us", Name: "United States"},
				{ID: "usa", Name: "The United States"},
			},
			want: []problem{{"sources[1].name", "The United States", source.ErrAliasConflict}},
		},
		{
			name: "alias-name-conflict",
			sources: []source.Source{
				{ID: "russia", Name: "Russia", Aliases: []string{"Kremlin"}},
				{ID: "kremlin", Name: "the Kremlin"},
			},
			want: []problem{{"sources[1].name", "the Kremlin", source.ErrAliasConflict}},
		},
		{
			name:    "parent-built-in-absent",
			sources: []source.Source{{ID: "officials", Name: "officials", Identity: source.IdentityUnnamed, Parent: source.AbsentID}},
			want:    []problem{{"sources[0].parent", "absent", source.ErrInvalid}},
		},
		{
			name: "parent-declared-absent",
			sources: []source.Source{
				{ID: "rumour", Name: "it is rumoured", Identity: source.IdentityAbsent},
				{ID: "us", Name: "United States", Parent: "rumour"},
			},
			want: []problem{{"sources[1].parent", "rumour", source.ErrInvalid}},
		},
		{
			// Reported once, as a cycle.
			name:    "absent-own-parent",
			sources: []source.Source{{ID: source.AbsentID, Name: "nobody", Identity: source.IdentityAbsent, Parent: source.AbsentID}},
			want:    []problem{{"sources[0].parent", "absent", source.ErrCycle}},
		},
		{
			// An absent source may itself stand under another source.
			name: "absent-with-parent",
			sources: []source.Source{
				{ID: "us", Name: "United States"},
				{ID: "rumour", Name: "it is rumoured", Identity: source.IdentityAbsent, Parent: "us"},
				{ID: "wh", Name: "White House", Parent: "rumour"},
			},
			want: []problem{
				{"sources[1].parent", "us", source.ErrInvalid},
				{"sources[2].parent", "rumour", source.ErrInvalid},
			},
		},
		{
			name:    "utf8-id",
			sources: []source.Source{{ID: "us\xff", Name: "United States"}},
			want:    []problem{{"sources[0].id", "us\xff", source.ErrInvalidUTF8}},
		},
		{
			name:    "utf8-name",
			sources: []source.Source{{ID: "us", Name: "United\xc3States"}},
			want:    []problem{{"sources[0].name", "United\xc3States", source.ErrInvalidUTF8}},
		},
		{
			name:    "utf8-alias",
			sources: []source.Source{{ID: "us", Name: "United States", Aliases: []string{"US", "\xffUSA"}}},
			want:    []problem{{"sources[0].aliases[1]", "\xffUSA", source.ErrInvalidUTF8}},
		},
		{
			// An invalid parent is also one no source has.
			name:    "utf8-parent",
			sources: []source.Source{{ID: "wh", Name: "White House", Parent: "\xff"}},
			want: []problem{
				{"sources[0].parent", "\xff", source.ErrInvalidUTF8},
				{"sources[0].parent", "\xff", source.ErrUnknownSource},
			},
		},
		{
			name:    "invalid-kind",
			sources: []source.Source{{ID: "us", Name: "United States", Kind: source.KindPerson + 1}},
			want:    []problem{{"sources[0].kind", "Kind(10)", source.ErrInvalid}},
		},
		{
			name:    "invalid-identity",
			sources: []source.Source{{ID: "us", Name: "United States", Identity: 7}},
			want:    []problem{{"sources[0].identity", "Identity(7)", source.ErrInvalid}},
		},
		{
			name:    "absent-named",
			sources: []source.Source{{ID: source.AbsentID, Name: "nobody"}},
			want:    []problem{{"sources[0].identity", "named", source.ErrInvalid}},
		},
		{
			name:    "absent-unnamed",
			sources: []source.Source{{ID: source.AbsentID, Name: "officials", Identity: source.IdentityUnnamed}},
			want:    []problem{{"sources[0].identity", "unnamed", source.ErrInvalid}},
		},
		{
			name: "all-at-once",
			sources: []source.Source{
				{ID: "us", Name: "United States", Aliases: []string{"USA"}},
				{ID: "us", Name: "America"},
				{ID: "wh", Name: "White House", Parent: "nowhere"},
				{ID: "a", Name: "A", Parent: "b", Kind: 99},
				{ID: "b", Name: "B", Parent: "a"},
				{ID: "usa", Name: "U.S.A."},
				{Name: "Nameless", Identity: 5},
				{ID: source.AbsentID, Name: "nobody"},
			},
			want: []problem{
				{"sources[1].id", "us", source.ErrDuplicateID},
				{"sources[2].parent", "nowhere", source.ErrUnknownSource},
				{"sources[3].kind", "Kind(99)", source.ErrInvalid},
				{"sources[3].parent", "b", source.ErrCycle},
				{"sources[5].name", "U.S.A.", source.ErrAliasConflict},
				{"sources[6].id", "", source.ErrEmpty},
				{"sources[6].identity", "Identity(5)", source.ErrInvalid},
				{"sources[7].identity", "named", source.ErrInvalid},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := source.NewRegistry(tc.sources, nil)
			assert.Nil(t, r)
			if diff := cmp.Diff(tc.want, problems(t, err), problemOpts); diff != "" {
				t.Errorf("NewRegistry(...) problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNewRegistryAbsentNameConflict checks that a declared source cannot
// take the name of the built-in absent source, which would make Resolve
// ambiguous.
func TestNewRegistryAbsentNameConflict(t *testing.T) {
	tests := []struct {
		name    string
		sources []source.Source
	}{
		{name: "name", sources: []source.Source{{ID: "x", Name: "No source given"}}},
		{name: "alias", sources: []source.Source{{ID: "x", Name: "X", Aliases: []string{"no source, given"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := source.NewRegistry(tc.sources, nil)
			assert.Nil(t, r)
			assert.ErrorIs(t, err, source.ErrAliasConflict)
		})
	}
}

func TestRegistryResolve(t *testing.T) {
	r := seedRegistry(t)
	tests := []struct {
		name   string
		in     string
		want   source.ID
		wantOK bool
	}{
		{name: "name", in: "North Korea", want: "dprk", wantOK: true},
		{name: "case", in: "NORTH KOREA", want: "dprk", wantOK: true},
		{name: "alias", in: "Pyongyang", want: "dprk", wantOK: true},
		{name: "diacritic", in: "P'yŏngyang", want: "dprk", wantOK: true},
		{name: "the-alias", in: "the DPRK", want: "dprk", wantOK: true},
		{name: "straight-apostrophe", in: "Democratic People's Republic of Korea", want: "dprk", wantOK: true},
		{name: "curly-apostrophe", in: "the Democratic People’s Republic of Korea", want: "dprk", wantOK: true},
		{name: "dots", in: "U.S.", want: "us", wantOK: true},
		{name: "the-name", in: "the United States", want: "us", wantOK: true},
		{name: "spacing", in: "  United\u00a0 States ", want: "us", wantOK: true},
		{name: "drop-the", in: "Kremlin", want: "russia", wantOK: true},
		{name: "unnamed", in: "US intelligence officials", want: "us-intel", wantOK: true},
		{name: "built-in-absent", in: "No source given", want: source.AbsentID, wantOK: true},
		{name: "unknown", in: "Seoul", wantOK: false},
		{name: "empty", in: "", wantOK: false},
		{name: "punctuation-only", in: "...", wantOK: false},
		// Resolve looks up names, not IDs: "white-house" matches only
		// because hyphens fold to spaces.
		{name: "hyphen", in: "white-house", want: "white-house", wantOK: true},
		{name: "id", in: "us-intel", wantOK: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := r.Resolve(tc.in)
			assert.Equal(t, tc.wantOK, ok, "Resolve(%q) ok", tc.in)
			assert.Equal(t, tc.want, got.ID, "Resolve(%q).ID", tc.in)
		})
	}
}

func TestRegistryRoot(t *testing.T) {
	r := seedRegistry(t)
	tests := []struct {
		name   string
		id     source.ID
		want   source.ID
		wantOK bool
	}{
		{name: "root", id: "us", want: "us", wantOK: true},
		{name: "child", id: "white-house", want: "us", wantOK: true},
		{name: "grandchild", id: "kirby", want: "us", wantOK: true},
		{name: "state-media", id: "kcna", want: "dprk", wantOK: true},
		{name: "absent", id: source.AbsentID, want: source.AbsentID, wantOK: true},
		{name: "unknown", id: "seoul", wantOK: false},
		{name: "empty", id: "", wantOK: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := r.Root(tc.id)
			assert.Equal(t, tc.wantOK, ok, "Root(%q) ok", tc.id)
			assert.Equal(t, tc.want, got, "Root(%q)", tc.id)
		})
	}
}

func TestRegistryUnder(t *testing.T) {
	r := seedRegistry(t)
	tests := []struct {
		name     string
		id       source.ID
		ancestor source.ID
		want     bool
	}{
		{name: "self", id: "us", ancestor: "us", want: true},
		{name: "parent", id: "white-house", ancestor: "us", want: true},
		{name: "grandparent", id: "kirby", ancestor: "us", want: true},
		{name: "middle", id: "kirby", ancestor: "white-house", want: true},
		{name: "upward", id: "us", ancestor: "kirby", want: false},
		{name: "sibling", id: "state-dept", ancestor: "white-house", want: false},
		{name: "other-root", id: "shoigu", ancestor: "us", want: false},
		{name: "absent", id: source.AbsentID, ancestor: source.AbsentID, want: true},
		{name: "unknown-id", id: "seoul", ancestor: "us", want: false},
		{name: "unknown-ancestor", id: "kirby", ancestor: "seoul", want: false},
		{name: "empty", id: "", ancestor: "", want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, r.Under(tc.id, tc.ancestor), "Under(%q, %q)", tc.id, tc.ancestor)
		})
	}
}

func TestRegistryIndependent(t *testing.T) {
	sources := append(seedSources(),
		source.Source{ID: "it-is-believed", Name: "it is believed", Identity: source.IdentityAbsent},
	)
	r, err := source.NewRegistry(sources, nil)
	require.NoError(t, err)
	tests := []struct {
		name string
		a, b source.ID
		want bool
	}{
		{name: "one-root", a: "white-house", b: "state-dept", want: false},
		{name: "child-and-root", a: "kirby", b: "us", want: false},
		{name: "deep-and-shallow", a: "kirby", b: "state-dept", want: false},
		{name: "unnamed-same-root", a: "us-intel", b: "white-house", want: false},
		{name: "self", a: "us", b: "us", want: false},
		{name: "two-roots", a: "us", b: "ukraine", want: true},
		{name: "two-roots-reversed", a: "ukraine", b: "us", want: true},
		{name: "children-of-two-roots", a: "kirby", b: "shoigu", want: true},
		{name: "unnamed-other-root", a: "us-intel", b: "russia", want: true},
		{name: "outlets", a: "ap", b: "ctn", want: true},
		{name: "absent-first", a: source.AbsentID, b: "us", want: false},
		{name: "absent-second", a: "us", b: source.AbsentID, want: false},
		{name: "absent-both", a: source.AbsentID, b: source.AbsentID, want: false},
		{name: "declared-absent", a: "it-is-believed", b: "ukraine", want: false},
		{name: "unknown-first", a: "seoul", b: "us", want: false},
		{name: "unknown-second", a: "us", b: "seoul", want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, r.Independent(tc.a, tc.b), "Independent(%q, %q)", tc.a, tc.b)
		})
	}
}

func TestRegistrySource(t *testing.T) {
	r := seedRegistry(t)
	tests := []struct {
		name   string
		id     source.ID
		want   source.Source
		wantOK bool
	}{
		{name: "known", id: "kirby", want: seedSources()[2], wantOK: true},
		{name: "absent", id: source.AbsentID, want: source.Absent(), wantOK: true},
		{name: "unknown", id: "seoul"},
		{name: "empty", id: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := r.Source(tc.id)
			assert.Equal(t, tc.wantOK, ok)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Source(%q) mismatch (-want +got):\n%s", tc.id, diff)
			}
		})
	}
}

// TestZeroRegistry checks that a nil *Registry and &Registry{} behave as a
// registry holding only the absent source and no articles.
func TestZeroRegistry(t *testing.T) {
	tests := []struct {
		name string
		r    *source.Registry
	}{
		{name: "nil", r: nil},
		{name: "zero", r: &source.Registry{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			assert.Equal(t, 1, r.Len())
			if diff := cmp.Diff([]source.Source{source.Absent()}, r.Sources()); diff != "" {
				t.Errorf("Sources() mismatch (-want +got):\n%s", diff)
			}

			got, ok := r.Source(source.AbsentID)
			assert.True(t, ok, "Source(absent) ok")
			if diff := cmp.Diff(source.Absent(), got); diff != "" {
				t.Errorf("Source(absent) mismatch (-want +got):\n%s", diff)
			}
			_, ok = r.Source("us")
			assert.False(t, ok, "Source(us) ok")

			got, ok = r.Resolve("No source given.")
			assert.True(t, ok, "Resolve(no source given) ok")
			assert.Equal(t, source.AbsentID, got.ID)
			_, ok = r.Resolve("United States")
			assert.False(t, ok, "Resolve(United States) ok")

			root, ok := r.Root(source.AbsentID)
			assert.True(t, ok, "Root(absent) ok")
			assert.Equal(t, source.AbsentID, root)
			_, ok = r.Root("us")
			assert.False(t, ok, "Root(us) ok")

			assert.True(t, r.Under(source.AbsentID, source.AbsentID), "Under(absent, absent)")
			assert.False(t, r.Under("us", source.AbsentID), "Under(us, absent)")
			assert.False(t, r.Independent(source.AbsentID, source.AbsentID), "Independent(absent, absent)")

			_, ok = r.Article("ap-wire")
			assert.False(t, ok, "Article(ap-wire) ok")
			assert.Empty(t, r.Articles())
			_, ok = r.Origin("ap-wire")
			assert.False(t, ok, "Origin(ap-wire) ok")
		})
	}
}

// TestRegistryCopies checks that the registry shares no memory with what
// goes in or comes out.
func TestRegistryCopies(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(r *source.Registry)
	}{
		{name: "Source", mutate: func(r *source.Registry) {
			s, _ := r.Source("dprk")
			s.Aliases[0] = "Seoul"
		}},
		{name: "Sources", mutate: func(r *source.Registry) {
			for _, s := range r.Sources() {
				if len(s.Aliases) > 0 {
					s.Aliases[0] = "Seoul"
				}
			}
		}},
		{name: "Resolve", mutate: func(r *source.Registry) {
			s, _ := r.Resolve("North Korea")
			s.Aliases[0] = "Seoul"
		}},
		{name: "Articles", mutate: func(r *source.Registry) {
			as := r.Articles()
			as[0].ID = "changed"
			as[1].Reprints = "changed"
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := seedRegistry(t)
			tc.mutate(r)
			assertSeed(t, r)
		})
	}

	t.Run("inputs", func(t *testing.T) {
		sources, articles := seedSources(), seedArticles()
		r, err := source.NewRegistry(sources, articles)
		require.NoError(t, err)
		for i := range sources {
			sources[i].Name = "changed"
			if len(sources[i].Aliases) > 0 {
				sources[i].Aliases[0] = "Seoul"
			}
		}
		articles[0].ID = "changed"
		assertSeed(t, r)
	})
}

// assertSeed checks that r still holds exactly the seed corpus.
func assertSeed(t *testing.T, r *source.Registry) {
	t.Helper()
	if diff := cmp.Diff(append(seedSources(), source.Absent()), r.Sources()); diff != "" {
		t.Errorf("Sources() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(seedArticles(), r.Articles()); diff != "" {
		t.Errorf("Articles() mismatch (-want +got):\n%s", diff)
	}
	_, ok := r.Resolve("Seoul")
	assert.False(t, ok, "Resolve(Seoul) ok")
}

// TestRegistryConcurrent runs queries from many goroutines; with -race it
// checks that a built registry is safe for concurrent reads.
func TestRegistryConcurrent(t *testing.T) {
	r := seedRegistry(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				s, _ := r.Resolve("Pyongyang")
				_ = r.Independent(s.ID, "us")
				_ = r.Under("kirby", "us")
				_, _ = r.Origin("blog-copy")
				_ = r.Sources()
				_ = r.Articles()
			}
		})
	}
	wg.Wait()
	assertSeed(t, r)
}

// BenchmarkResolve measures resolving a name that needs every step of
// Normalize: case, diacritics, punctuation and a leading "the".
func BenchmarkResolve(b *testing.B) {
	r, err := source.NewRegistry(seedSources(), seedArticles())
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := r.Resolve("the Democratic People’s Republic of Korea"); !ok {
			b.Fatal("Resolve failed")
		}
	}
}

// BenchmarkNewRegistry measures building a registry of 1,000 sources in
// ten affiliation trees, with 1,000 articles in reprint chains.
func BenchmarkNewRegistry(b *testing.B) {
	var sources []source.Source
	for i := range 1000 {
		s := source.Source{ID: source.ID(strconv.Itoa(i)), Name: "Source " + strconv.Itoa(i)}
		if i >= 10 {
			s.Parent = source.ID(strconv.Itoa(i % 10))
		}
		sources = append(sources, s)
	}
	var articles []source.Article
	for i := range 1000 {
		a := source.Article{ID: source.ArticleID(strconv.Itoa(i)), Published: time.Unix(int64(i), 0)}
		if i%10 != 0 {
			a.Reprints = source.ArticleID(strconv.Itoa(i - 1))
		}
		articles = append(articles, a)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := source.NewRegistry(sources, articles); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRegistryJSON(t *testing.T) {
	tests := []struct {
		name     string
		sources  []source.Source
		articles []source.Article
	}{
		{name: "empty"},
		{
			name: "built-in absent",
			sources: []source.Source{
				{ID: "us", Name: "United States", Kind: source.KindGovernment, Aliases: []string{"US", "Washington"}},
				{ID: "wh", Name: "White House", Kind: source.KindAgency, Parent: "us"},
			},
			articles: []source.Article{{ID: "a1", Outlet: "us", Published: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), Text: "text"}},
		},
		{
			name:    "declared absent",
			sources: []source.Source{{ID: source.AbsentID, Name: "it is believed", Identity: source.IdentityAbsent}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg, err := source.NewRegistry(tc.sources, tc.articles)
			require.NoError(t, err)
			data, err := json.Marshal(reg)
			require.NoError(t, err)
			var back source.Registry
			require.NoError(t, json.Unmarshal(data, &back))
			if diff := cmp.Diff(reg.Sources(), back.Sources(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Sources() after a JSON round trip mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(reg.Articles(), back.Articles(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Articles() after a JSON round trip mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.sources, back.Declared(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Declared() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRegistryUnmarshalJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		is   error
	}{
		{name: "cycle", in: `{"sources":[{"id":"a","name":"A","parent":"b"},{"id":"b","name":"B","parent":"a"}]}`, is: source.ErrCycle},
		{name: "unknown kind", in: `{"sources":[{"id":"a","name":"A","kind":"alien"}]}`, is: source.ErrUnknownName},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var r source.Registry
			assert.ErrorIs(t, json.Unmarshal([]byte(tc.in), &r), tc.is)
		})
	}
	var r source.Registry
	assert.Error(t, json.Unmarshal([]byte(`[`), &r))
}

func TestAbsentSourceHasNoParent(t *testing.T) {
	_, err := source.NewRegistry([]source.Source{
		{ID: "us", Name: "United States"},
		{ID: "believed", Name: "it is believed", Identity: source.IdentityAbsent, Parent: "us"},
	}, nil)
	var fe *source.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "sources[1].parent", fe.Field)
	assert.ErrorIs(t, err, source.ErrInvalid)
}

func TestRegistryInvestigator(t *testing.T) {
	r, err := source.NewRegistry([]source.Source{
		{ID: "un", Name: "United Nations", Kind: source.KindOrganisation},
		{ID: "un-panel", Name: "UN panel of experts", Kind: source.KindOrganisation, Parent: "un", Investigator: true},
		{ID: "coordinator", Name: "Panel coordinator", Kind: source.KindPerson, Parent: "un-panel"},
		{ID: "us", Name: "United States", Kind: source.KindGovernment},
	}, nil)
	require.NoError(t, err)
	tests := []struct {
		name string
		id   source.ID
		want bool
	}{
		{name: "marked", id: "un-panel", want: true},
		{name: "speaks-for-it", id: "coordinator", want: true},
		{name: "parent-is-not", id: "un", want: false},
		{name: "unmarked", id: "us", want: false},
		{name: "absent", id: source.AbsentID, want: false},
		{name: "unknown", id: "seoul", want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, r.Investigator(tc.id), "Investigator(%q)", tc.id)
		})
	}
	var zero *source.Registry
	assert.False(t, zero.Investigator(source.AbsentID), "zero registry")
}

func TestAbsentInvestigatorRejected(t *testing.T) {
	_, err := source.NewRegistry([]source.Source{
		{ID: "believed", Name: "it is believed", Identity: source.IdentityAbsent, Investigator: true},
	}, nil)
	var fe *source.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "sources[0].investigator", fe.Field)
	assert.ErrorIs(t, err, source.ErrInvalid)
}

func TestRegistryLineage(t *testing.T) {
	reference := seedRegistry(t)
	byID := func(ids ...source.ID) []source.Source {
		out := []source.Source{}
		for _, id := range ids {
			s, ok := reference.Source(id)
			require.True(t, ok, "Source(%q)", id)
			out = append(out, s)
		}
		return out
	}
	rumour := source.Source{ID: source.AbsentID, Name: "it is believed", Identity: source.IdentityAbsent, Aliases: []string{"reportedly"}}
	declaredAbsent, err := source.NewRegistry(append(seedSources(), rumour), nil)
	require.NoError(t, err)

	tests := []struct {
		name    string
		r       *source.Registry
		ids     []source.ID
		want    []source.Source
		wantErr []problem
	}{
		{name: "root", r: reference, ids: []source.ID{"us"}, want: byID("us")},
		{name: "leaf", r: reference, ids: []source.ID{"kirby"}, want: byID("us", "white-house", "kirby")},
		{name: "shared-ancestor", r: reference, ids: []source.ID{"kirby", "state-dept"},
			want: byID("us", "white-house", "kirby", "state-dept")},
		{name: "ancestor-asked-first", r: reference, ids: []source.ID{"us", "kirby"},
			want: byID("us", "white-house", "kirby")},
		{name: "ancestor-asked-after", r: reference, ids: []source.ID{"kirby", "white-house", "us"},
			want: byID("us", "white-house", "kirby")},
		{name: "two-trees", r: reference, ids: []source.ID{"kcna", "kirby", "shoigu", "ukraine"},
			want: byID("dprk", "kcna", "us", "white-house", "kirby", "russia", "shoigu", "ukraine")},
		{name: "repeated", r: reference, ids: []source.ID{"kcna", "kcna", "dprk"}, want: byID("dprk", "kcna")},
		{name: "none", r: reference, want: []source.Source{}},
		{name: "built-in-absent-left-out", r: reference, ids: []source.ID{source.AbsentID, "ukraine"}, want: byID("ukraine")},
		{name: "declared-absent-kept", r: declaredAbsent, ids: []source.ID{"ukraine", source.AbsentID}, want: []source.Source{byID("ukraine")[0], rumour}},
		{name: "zero-registry-absent", r: nil, ids: []source.ID{source.AbsentID}, want: []source.Source{}},
		{name: "unknown", r: reference, ids: []source.ID{"kirby", "usa", ""},
			wantErr: []problem{{"ids[1]", "usa", source.ErrUnknownSource}, {"ids[2]", "", source.ErrUnknownSource}}},
		{name: "zero-registry-unknown", r: &source.Registry{}, ids: []source.ID{"us"},
			wantErr: []problem{{"ids[0]", "us", source.ErrUnknownSource}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.r.Lineage(tc.ids...)
			if tc.wantErr != nil {
				assert.Nil(t, got)
				assert.ErrorIs(t, err, source.ErrUnknownSource)
				if diff := cmp.Diff(tc.wantErr, problems(t, err), problemOpts); diff != "" {
					t.Errorf("Lineage(%q) problems mismatch (-want +got):\n%s", tc.ids, diff)
				}
				return
			}
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Lineage(%q) mismatch (-want +got):\n%s", tc.ids, diff)
			}
			// What Lineage returns builds a registry as it stands.
			story, err := source.NewRegistry(got, nil)
			require.NoError(t, err, "NewRegistry(Lineage(%q))", tc.ids)
			for _, id := range tc.ids {
				want, _ := tc.r.Root(id)
				root, ok := story.Root(id)
				assert.True(t, ok, "story Root(%q) ok", id)
				assert.Equal(t, want, root, "story Root(%q)", id)
			}
		})
	}

	t.Run("copies", func(t *testing.T) {
		got, err := reference.Lineage("us")
		require.NoError(t, err)
		got[0].Aliases[0] = "changed"
		s, _ := reference.Source("us")
		assert.Equal(t, "US", s.Aliases[0], "Lineage shares aliases with the registry")
	})
}

// TestNewRegistryMissingParent checks that a source whose parent was not
// given, as in a registry grown by hand from a larger one, is reported on
// its parent field with ErrUnknownSource, and that Lineage gives what it
// lacks.
func TestNewRegistryMissingParent(t *testing.T) {
	kirby := source.Source{ID: "kirby", Name: "John Kirby", Kind: source.KindSpokesperson, Parent: "white-house"}
	_, err := source.NewRegistry([]source.Source{{ID: "ukraine", Name: "Ukraine"}, kirby}, nil)
	want := []problem{{"sources[1].parent", "white-house", source.ErrUnknownSource}}
	if diff := cmp.Diff(want, problems(t, err), problemOpts); diff != "" {
		t.Errorf("NewRegistry(without parent) problems mismatch (-want +got):\n%s", diff)
	}
	assert.ErrorIs(t, err, source.ErrUnknownSource)

	lineage, err := seedRegistry(t).Lineage("ukraine", "kirby")
	require.NoError(t, err)
	_, err = source.NewRegistry(lineage, nil)
	assert.NoError(t, err)
}

// TestAbsentCannotBeChanged checks that changing the source Absent returns
// changes nothing for the next caller or registry.
func TestAbsentCannotBeChanged(t *testing.T) {
	hijacked := source.Absent()
	hijacked.Name = "hijacked"
	hijacked.Aliases = append(hijacked.Aliases, "someone")

	assert.Equal(t, "no source given", source.Absent().Name)
	assert.Empty(t, source.Absent().Aliases)
	r, err := source.NewRegistry(nil, nil)
	require.NoError(t, err)
	got, ok := r.Source(source.AbsentID)
	require.True(t, ok)
	if diff := cmp.Diff(source.Absent(), got); diff != "" {
		t.Errorf("Source(AbsentID) mismatch (-want +got):\n%s", diff)
	}
}
