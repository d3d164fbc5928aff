package source_test

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seedSources returns the speakers and outlets of the seed story (the White
// House warning North Korea against arms sales to Russia), with an
// affiliation tree under the United States and aliases that the article
// text uses.
func seedSources() []source.Source {
	return []source.Source{
		{ID: "us", Name: "United States", Kind: source.KindGovernment, Aliases: []string{"US", "U.S.", "USA", "Washington"}},
		{ID: "white-house", Name: "White House", Kind: source.KindAgency, Parent: "us"},
		{ID: "kirby", Name: "John Kirby", Kind: source.KindSpokesperson, Parent: "white-house", Aliases: []string{"Kirby"}},
		{ID: "state-dept", Name: "US Department of State", Kind: source.KindAgency, Parent: "us", Aliases: []string{"State Department"}},
		{ID: "us-intel", Name: "US intelligence officials", Kind: source.KindAgency, Identity: source.IdentityUnnamed, Parent: "us"},
		{ID: "dprk", Name: "North Korea", Kind: source.KindGovernment, Aliases: []string{"Pyongyang", "DPRK", "Democratic People's Republic of Korea"}},
		{ID: "kcna", Name: "Korean Central News Agency", Kind: source.KindStateMedia, Parent: "dprk", Aliases: []string{"KCNA"}},
		{ID: "russia", Name: "Russia", Kind: source.KindGovernment, Aliases: []string{"Moscow", "the Kremlin"}},
		{ID: "shoigu", Name: "Sergei Shoigu", Kind: source.KindOfficial, Parent: "russia"},
		{ID: "ukraine", Name: "Ukraine", Kind: source.KindGovernment, Aliases: []string{"Kyiv"}},
		{ID: "ap", Name: "Associated Press", Kind: source.KindMediaOutlet, Aliases: []string{"AP"}},
		{ID: "ctn", Name: "CTN News", Kind: source.KindMediaOutlet},
	}
}

// seedArticles returns a wire story, the seed article that reprints it, and
// a blog post that copies the seed article.
func seedArticles() []source.Article {
	return []source.Article{
		{
			ID:        "ap-wire",
			Outlet:    "ap",
			Title:     "US warns North Korea against selling arms to Russia",
			Published: time.Date(2023, 8, 30, 18, 5, 0, 0, time.UTC),
			Language:  "en",
		},
		{
			ID:        "ctn-2023-08-31",
			Outlet:    "ctn",
			URL:       "https://www.chiangraitimes.com/world/white-house-warns-north-korea/",
			Title:     "White House Warns North Korea Against Arms Sales to Russia Amid Ukraine Crisis",
			Published: time.Date(2023, 8, 31, 9, 30, 0, 0, time.FixedZone("ICT", 7*60*60)),
			Language:  "en",
			Reprints:  "ap-wire",
			Text:      "The White House has issued a stern warning to North Korea, urging the country to refrain from selling munitions to Russia.",
		},
		{
			ID:        "blog-copy",
			Published: time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC),
			Reprints:  "ctn-2023-08-31",
		},
	}
}

// seedRegistry builds the registry of the seed story.
func seedRegistry(t *testing.T) *source.Registry {
	t.Helper()
	r, err := source.NewRegistry(seedSources(), seedArticles())
	require.NoError(t, err, "NewRegistry(seed)")
	return r
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want source.Kind
	}{
		{name: "empty", in: "", want: source.KindUnknown},
		{name: "unknown", in: "unknown", want: source.KindUnknown},
		{name: "lower", in: "government", want: source.KindGovernment},
		{name: "upper", in: "GOVERNMENT", want: source.KindGovernment},
		{name: "mixed", in: "State-Media", want: source.KindStateMedia},
		{name: "space", in: " person\t", want: source.KindPerson},
		{name: "agency", in: "agency", want: source.KindAgency},
		{name: "official", in: "official", want: source.KindOfficial},
		{name: "spokesperson", in: "spokesperson", want: source.KindSpokesperson},
		{name: "military", in: "military", want: source.KindMilitary},
		{name: "outlet", in: "media-outlet", want: source.KindMediaOutlet},
		{name: "organisation", in: "Organisation", want: source.KindOrganisation},
		{name: "organization", in: "organization", want: source.KindOrganisation},
		{name: "organization-upper", in: "ORGANIZATION", want: source.KindOrganisation},
		{name: "organization-space", in: " Organization\n", want: source.KindOrganisation},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := source.ParseKind(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseKindError(t *testing.T) {
	for _, in := range []string{"gov", "state media", "state_media", "organisations", "organizations", "Kind(3)", "3", "\xff"} {
		t.Run(in, func(t *testing.T) {
			got, err := source.ParseKind(in)
			assert.ErrorIs(t, err, source.ErrUnknownName)
			var fe *source.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "kind", fe.Field)
				assert.Equal(t, in, fe.Value)
			}
			assert.Equal(t, source.KindUnknown, got)
		})
	}
}

func TestKindString(t *testing.T) {
	tests := []struct {
		name string
		kind source.Kind
		want string
	}{
		{name: "unknown", kind: source.KindUnknown, want: "unknown"},
		{name: "government", kind: source.KindGovernment, want: "government"},
		{name: "state-media", kind: source.KindStateMedia, want: "state-media"},
		{name: "person", kind: source.KindPerson, want: "person"},
		{name: "out-of-range", kind: source.KindPerson + 1, want: "Kind(10)"},
		{name: "max", kind: 255, want: "Kind(255)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.kind.String())
		})
	}
}

func TestKindTextRoundTrip(t *testing.T) {
	for k := source.KindUnknown; k <= source.KindPerson; k++ {
		t.Run(k.String(), func(t *testing.T) {
			b, err := k.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, k.String(), string(b))
			var got source.Kind
			require.NoError(t, got.UnmarshalText(b))
			assert.Equal(t, k, got)
		})
	}
}

func TestKindMarshalTextInvalid(t *testing.T) {
	for _, k := range []source.Kind{source.KindPerson + 1, 200} {
		t.Run(k.String(), func(t *testing.T) {
			b, err := k.MarshalText()
			assert.ErrorIs(t, err, source.ErrInvalid)
			var fe *source.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "kind", fe.Field)
				assert.Equal(t, k.String(), fe.Value)
			}
			assert.Nil(t, b)
		})
	}
}

func TestKindUnmarshalText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    source.Kind
		wantErr error
	}{
		{name: "name", in: "Military", want: source.KindMilitary},
		{name: "empty", in: "", want: source.KindUnknown},
		{name: "us-spelling", in: "organization", want: source.KindOrganisation},
		// A failed parse leaves the receiver as it was.
		{name: "bad", in: "army", want: source.KindAgency, wantErr: source.ErrUnknownName},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := source.KindAgency
			err := got.UnmarshalText([]byte(tc.in))
			if tc.wantErr != nil {
				assert.ErrorIs(t, err, tc.wantErr)
			} else {
				assert.NoError(t, err)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestKindJSONCanonical checks that a kind read under another accepted
// spelling is written back under its canonical name.
func TestKindJSONCanonical(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "us-spelling", in: `{"id":"un","name":"UN","kind":"organization"}`, want: `{"id":"un","name":"UN","kind":"organisation"}`},
		{name: "upper", in: `{"id":"un","name":"UN","kind":"ORGANISATION"}`, want: `{"id":"un","name":"UN","kind":"organisation"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s source.Source
			require.NoError(t, json.Unmarshal([]byte(tc.in), &s))
			assert.Equal(t, source.KindOrganisation, s.Kind)
			got, err := json.Marshal(s)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(got))
		})
	}
}

func TestParseIdentity(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want source.Identity
	}{
		{name: "empty", in: "", want: source.IdentityNamed},
		{name: "named", in: "named", want: source.IdentityNamed},
		{name: "unnamed", in: "Unnamed", want: source.IdentityUnnamed},
		{name: "absent", in: "ABSENT", want: source.IdentityAbsent},
		{name: "space", in: " absent ", want: source.IdentityAbsent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := source.ParseIdentity(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseIdentityError(t *testing.T) {
	for _, in := range []string{"anonymous", "none", "un-named", "1", "\xff"} {
		t.Run(in, func(t *testing.T) {
			got, err := source.ParseIdentity(in)
			assert.ErrorIs(t, err, source.ErrUnknownName)
			var fe *source.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "identity", fe.Field)
				assert.Equal(t, in, fe.Value)
			}
			assert.Equal(t, source.IdentityNamed, got)
		})
	}
}

func TestIdentityString(t *testing.T) {
	tests := []struct {
		name string
		id   source.Identity
		want string
	}{
		{name: "named", id: source.IdentityNamed, want: "named"},
		{name: "unnamed", id: source.IdentityUnnamed, want: "unnamed"},
		{name: "absent", id: source.IdentityAbsent, want: "absent"},
		{name: "out-of-range", id: source.IdentityAbsent + 1, want: "Identity(3)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.id.String())
		})
	}
}

func TestIdentityTextRoundTrip(t *testing.T) {
	for i := source.IdentityNamed; i <= source.IdentityAbsent; i++ {
		t.Run(i.String(), func(t *testing.T) {
			b, err := i.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, i.String(), string(b))
			var got source.Identity
			require.NoError(t, got.UnmarshalText(b))
			assert.Equal(t, i, got)
		})
	}
}

func TestIdentityMarshalTextInvalid(t *testing.T) {
	for _, i := range []source.Identity{source.IdentityAbsent + 1, 255} {
		t.Run(i.String(), func(t *testing.T) {
			b, err := i.MarshalText()
			assert.ErrorIs(t, err, source.ErrInvalid)
			var fe *source.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "identity", fe.Field)
			}
			assert.Nil(t, b)
		})
	}
}

func TestIdentityUnmarshalText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    source.Identity
		wantErr error
	}{
		{name: "name", in: "unnamed", want: source.IdentityUnnamed},
		{name: "empty", in: "", want: source.IdentityNamed},
		{name: "bad", in: "anonymous", want: source.IdentityAbsent, wantErr: source.ErrUnknownName},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := source.IdentityAbsent
			err := got.UnmarshalText([]byte(tc.in))
			if tc.wantErr != nil {
				assert.ErrorIs(t, err, tc.wantErr)
			} else {
				assert.NoError(t, err)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestSourceIdentity(t *testing.T) {
	tests := []struct {
		name        string
		src         source.Source
		wantAbsent  bool
		wantUnnamed bool
	}{
		{name: "zero", src: source.Source{}},
		{name: "named", src: source.Source{ID: "us", Name: "United States"}},
		{name: "unnamed", src: source.Source{ID: "us-intel", Name: "US intelligence officials", Identity: source.IdentityUnnamed}, wantUnnamed: true},
		{name: "absent", src: source.Absent(), wantAbsent: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.wantAbsent, tc.src.IsAbsent(), "IsAbsent")
			assert.Equal(t, tc.wantUnnamed, tc.src.IsUnnamed(), "IsUnnamed")
		})
	}
}

func TestSourceJSON(t *testing.T) {
	tests := []struct {
		name string
		src  source.Source
		// want holds the JSON object's fields, decoded generically, so
		// that names rather than numbers are checked.
		want map[string]any
	}{
		{
			name: "full",
			src:  source.Source{ID: "kcna", Name: "Korean Central News Agency", Kind: source.KindStateMedia, Identity: source.IdentityNamed, Parent: "dprk", Aliases: []string{"KCNA"}},
			want: map[string]any{"id": "kcna", "name": "Korean Central News Agency", "kind": "state-media", "parent": "dprk", "aliases": []any{"KCNA"}},
		},
		{
			name: "unnamed",
			src:  source.Source{ID: "us-intel", Name: "US intelligence officials", Kind: source.KindAgency, Identity: source.IdentityUnnamed},
			want: map[string]any{"id": "us-intel", "name": "US intelligence officials", "kind": "agency", "identity": "unnamed"},
		},
		{
			name: "absent",
			src:  source.Absent(),
			want: map[string]any{"id": "absent", "name": "no source given", "identity": "absent"},
		},
		{
			name: "minimal",
			src:  source.Source{ID: "x", Name: "X"},
			want: map[string]any{"id": "x", "name": "X"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.src)
			require.NoError(t, err)

			var fields map[string]any
			require.NoError(t, json.Unmarshal(b, &fields))
			if diff := cmp.Diff(tc.want, fields); diff != "" {
				t.Errorf("json.Marshal(%v) fields mismatch (-want +got):\n%s", tc.src.ID, diff)
			}

			var got source.Source
			require.NoError(t, json.Unmarshal(b, &got))
			if diff := cmp.Diff(tc.src, got); diff != "" {
				t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSourceJSONErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr error
	}{
		{name: "unknown-kind", in: `{"id":"x","name":"X","kind":"army"}`, wantErr: source.ErrUnknownName},
		{name: "unknown-identity", in: `{"id":"x","name":"X","identity":"anonymous"}`, wantErr: source.ErrUnknownName},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got source.Source
			err := json.Unmarshal([]byte(tc.in), &got)
			assert.ErrorIs(t, err, tc.wantErr)
		})
	}
}

// TestSourceJSONNumbers checks that enums are names on the wire: a number
// where a name belongs is a type error, not a silent conversion.
func TestSourceJSONNumbers(t *testing.T) {
	for _, in := range []string{`{"id":"x","name":"X","kind":3}`, `{"id":"x","name":"X","identity":1}`} {
		t.Run(in, func(t *testing.T) {
			var got source.Source
			err := json.Unmarshal([]byte(in), &got)
			var te *json.UnmarshalTypeError
			assert.ErrorAs(t, err, &te)
		})
	}
}

func TestSourceMarshalInvalid(t *testing.T) {
	tests := []struct {
		name string
		src  source.Source
	}{
		{name: "kind", src: source.Source{ID: "x", Name: "X", Kind: 42}},
		{name: "identity", src: source.Source{ID: "x", Name: "X", Identity: 9}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := json.Marshal(tc.src)
			assert.ErrorIs(t, err, source.ErrInvalid)
		})
	}
}

// TestSeedGolden checks that the seed corpus survives a JSON round trip
// unchanged and that its JSON form matches testdata/seed.golden.json, which
// -update rewrites.
func TestSeedGolden(t *testing.T) {
	type corpus struct {
		Sources  []source.Source  `json:"sources"`
		Articles []source.Article `json:"articles"`
	}
	want := corpus{Sources: seedSources(), Articles: seedArticles()}
	b, err := json.MarshalIndent(want, "", "\t")
	require.NoError(t, err)
	b = append(b, '\n')

	golden := filepath.Join("testdata", "seed.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, b, 0o644))
	}
	wantJSON, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update to create it")
	if diff := cmp.Diff(string(wantJSON), string(b)); diff != "" {
		t.Errorf("json.MarshalIndent(seed) mismatch with %s (-want +got):\n%s", golden, diff)
	}

	var got corpus
	require.NoError(t, json.Unmarshal(wantJSON, &got))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("json.Unmarshal(%s) mismatch (-want +got):\n%s", golden, diff)
	}
	_, err = source.NewRegistry(got.Sources, got.Articles)
	assert.NoError(t, err, "NewRegistry(%s)", golden)
}

func TestFieldError(t *testing.T) {
	fe := &source.FieldError{Field: "sources[3].parent", Value: "nowhere", Err: source.ErrUnknownSource}
	var err error = fe

	assert.ErrorIs(t, err, source.ErrUnknownSource)
	assert.NotErrorIs(t, err, source.ErrCycle)
	var got *source.FieldError
	require.ErrorAs(t, err, &got)
	assert.Same(t, fe, got)
	assert.Equal(t, source.ErrUnknownSource, errors.Unwrap(err))
	// The message format is the documented contract of Error itself, so
	// this is the one place that reads an error's text.
	assert.Equal(t, `source: sources[3].parent "nowhere": unknown source`, err.Error())
}

// problem is a FieldError reduced to what tests check: the field, the value
// and the sentinel it wraps.
type problem struct {
	Field string
	Value string
	Err   error
}

// problems splits err, as NewRegistry returns it, into one problem per
// joined *FieldError.
func problems(t *testing.T, err error) []problem {
	t.Helper()
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else if err != nil {
		errs = []error{err}
	}
	var out []problem
	for _, e := range errs {
		var fe *source.FieldError
		if !assert.ErrorAs(t, e, &fe) {
			continue
		}
		out = append(out, problem{Field: fe.Field, Value: fe.Value, Err: fe.Err})
	}
	return out
}

// problemOpts compares problems by sentinel (errors.Is) and ignores their
// order, which NewRegistry does not document.
var problemOpts = cmp.Options{
	cmpopts.EquateErrors(),
	cmpopts.SortSlices(func(a, b problem) bool {
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Value < b.Value
	}),
}
