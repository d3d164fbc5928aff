package source_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// officeSources is a small world of office holders.
func officeSources() []source.Source {
	fs := func(from, to time.Time) source.Office {
		return source.Office{Title: "Foreign Secretary", Aliases: []string{"foreign minister"}, Of: "uk", From: from, To: to}
	}
	return []source.Source{
		{ID: "uk", Name: "United Kingdom", Kind: source.KindGovernment, Aliases: []string{"Britain", "British", "UK"}, Wikidata: "Q145"},
		{ID: "truss", Name: "Liz Truss", Kind: source.KindOfficial, Parent: "uk", Offices: []source.Office{fs(day(2021, 9, 15), day(2022, 9, 6))}},
		{ID: "cleverly", Name: "James Cleverly", Kind: source.KindOfficial, Parent: "uk", Offices: []source.Office{fs(day(2022, 9, 6), day(2023, 11, 13))}},
		{ID: "cameron", Name: "David Cameron", Kind: source.KindOfficial, Parent: "uk", Offices: []source.Office{fs(day(2023, 11, 13), time.Time{})}},
		{ID: "russia", Name: "Russia", Kind: source.KindGovernment},
		{ID: "kremlin", Name: "Kremlin", Kind: source.KindAgency, Parent: "russia"},
		{ID: "peskov", Name: "Dmitry Peskov", Kind: source.KindSpokesperson, Parent: "kremlin", Wikidata: "Q2410085",
			Offices: []source.Office{{Title: "spokesman", Aliases: []string{"press secretary", "spokesperson"}, Of: "kremlin", From: day(2012, 5, 22)}}},
		{ID: "us", Name: "United States", Kind: source.KindGovernment, Aliases: []string{"US"}},
		{ID: "dod", Name: "Department of Defense", Kind: source.KindAgency, Parent: "us", Aliases: []string{"Pentagon"}},
		{ID: "austin", Name: "Lloyd Austin", Kind: source.KindOfficial, Parent: "dod",
			Offices: []source.Office{{Title: "defense secretary", Aliases: []string{"defence secretary", "secretary of defense"}, Of: "dod", From: day(2021, 1, 22), To: day(2025, 1, 20)}}},
	}
}

func TestResolveOffice(t *testing.T) {
	r, err := source.NewRegistry(officeSources(), nil)
	require.NoError(t, err)
	tests := []struct {
		name   string
		phrase string
		at     time.Time
		want   source.OfficeMatch
		wantOK bool
	}{
		{"possessive", "Britain's foreign secretary", day(2022, 10, 1), source.OfficeMatch{Of: "uk", Title: "Foreign Secretary", Holder: "cleverly"}, true},
		{"curly-possessive", "Britain’s Foreign Secretary", day(2023, 12, 1), source.OfficeMatch{Of: "uk", Title: "Foreign Secretary", Holder: "cameron"}, true},
		{"adjective", "the British foreign secretary", day(2022, 1, 10), source.OfficeMatch{Of: "uk", Title: "Foreign Secretary", Holder: "truss"}, true},
		{"alias-title", "the UK foreign minister", day(2022, 9, 6), source.OfficeMatch{Of: "uk", Title: "Foreign Secretary", Holder: "cleverly"}, true},
		{"of-form", "the foreign secretary of the UK", day(2022, 1, 10), source.OfficeMatch{Of: "uk", Title: "Foreign Secretary", Holder: "truss"}, true},
		{"current", "Britain's foreign secretary", time.Time{}, source.OfficeMatch{Of: "uk", Title: "Foreign Secretary", Holder: "cameron"}, true},
		{"nobody-then", "Britain's foreign secretary", day(2000, 1, 1), source.OfficeMatch{Of: "uk", Title: "Foreign Secretary"}, true},
		{"kremlin-spokesman", "the Kremlin spokesman", day(2020, 9, 3), source.OfficeMatch{Of: "kremlin", Title: "spokesman", Holder: "peskov"}, true},
		{"office-below-org", "the US defence secretary", day(2023, 2, 1), source.OfficeMatch{Of: "dod", Title: "defense secretary", Holder: "austin"}, true},
		{"org-alias", "Pentagon secretary of defense", day(2023, 2, 1), source.OfficeMatch{Of: "dod", Title: "defense secretary", Holder: "austin"}, true},
		{"term-ended", "the US defense secretary", day(2025, 6, 1), source.OfficeMatch{Of: "dod", Title: "defense secretary"}, true},
		{"unknown-org", "the French foreign minister", day(2022, 1, 1), source.OfficeMatch{}, false},
		{"unknown-title", "Britain's prime minister", day(2022, 1, 1), source.OfficeMatch{}, false},
		{"title-alone", "the foreign secretary", day(2022, 1, 1), source.OfficeMatch{}, false},
		{"name", "Liz Truss", day(2022, 1, 1), source.OfficeMatch{}, false},
		{"empty", "", day(2022, 1, 1), source.OfficeMatch{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := r.ResolveOffice(tc.phrase, tc.at)
			assert.Equal(t, tc.wantOK, ok, "ResolveOffice(%q) ok", tc.phrase)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ResolveOffice(%q, %v) mismatch (-want +got):\n%s", tc.phrase, tc.at, diff)
			}
		})
	}
	var zero *source.Registry
	_, ok := zero.ResolveOffice("Britain's foreign secretary", time.Time{})
	assert.False(t, ok, "zero registry")
}

func TestResolveOfficeAmbiguous(t *testing.T) {
	// Two offices titled spokesman under Russia: "the Russian spokesman"
	// could be either.
	src := officeSources()
	src[4].Aliases = []string{"Russian"}
	src = append(src, source.Source{ID: "mfa", Name: "Russian foreign ministry", Parent: "russia"},
		source.Source{ID: "zakharova", Name: "Maria Zakharova", Parent: "mfa", Offices: []source.Office{{Title: "spokesman", Of: "mfa"}}})
	r, err := source.NewRegistry(src, nil)
	require.NoError(t, err)
	_, ok := r.ResolveOffice("the Russian spokesman", day(2020, 1, 1))
	assert.False(t, ok)
	got, ok := r.ResolveOffice("the Kremlin spokesman", day(2020, 1, 1))
	assert.True(t, ok)
	assert.Equal(t, source.ID("peskov"), got.Holder)
}

func TestOfficeErrors(t *testing.T) {
	tests := []struct {
		name  string
		edit  func([]source.Source) []source.Source
		field string
		err   error
	}{
		{"unknown-of", func(s []source.Source) []source.Source {
			s[1].Offices[0].Of = "france"
			return s
		}, "sources[1].offices[0].of", source.ErrUnknownSource},
		{"empty-title", func(s []source.Source) []source.Source {
			s[1].Offices[0].Title = ""
			return s
		}, "sources[1].offices[0].title", source.ErrEmpty},
		{"punctuation-title", func(s []source.Source) []source.Source {
			s[1].Offices[0].Title = "--"
			return s
		}, "sources[1].offices[0].title", source.ErrInvalid},
		{"ends-before-start", func(s []source.Source) []source.Source {
			s[1].Offices[0].To = day(2020, 1, 1)
			return s
		}, "sources[1].offices[0].to", source.ErrInvalid},
		{"overlapping-terms", func(s []source.Source) []source.Source {
			s[2].Offices[0].From = day(2022, 1, 1)
			return s
		}, "sources[2].offices[0].from", source.ErrInvalid},
		{"two-open-terms", func(s []source.Source) []source.Source {
			s[2].Offices[0].To = time.Time{}
			return s
		}, "sources[3].offices[0].from", source.ErrInvalid},
		{"bad-wikidata", func(s []source.Source) []source.Source {
			s[0].Wikidata = "145"
			return s
		}, "sources[0].wikidata", source.ErrInvalid},
		{"absent-of", func(s []source.Source) []source.Source {
			s[1].Offices[0].Of = source.AbsentID
			return s
		}, "sources[1].offices[0].of", source.ErrInvalid},
		{"absent-holder", func(s []source.Source) []source.Source {
			return append(s, source.Source{ID: "believed", Name: "it is believed", Identity: source.IdentityAbsent, Offices: []source.Office{{Title: "x", Of: "uk"}}})
		}, "sources[10].offices", source.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := source.NewRegistry(tc.edit(officeSources()), nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.err)
			var fe *source.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
		})
	}
}

func TestOfficeJSON(t *testing.T) {
	in := officeSources()
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"wikidata":"Q145"`)
	assert.Contains(t, string(b), `"offices":[{"title":"Foreign Secretary","aliases":["foreign minister"],"of":"uk","from":"2021-09-15T00:00:00Z","to":"2022-09-06T00:00:00Z"}]`)
	var out []source.Source
	require.NoError(t, json.Unmarshal(b, &out))
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
	}
	// The registry keeps its own copy of offices.
	r, err := source.NewRegistry(in, nil)
	require.NoError(t, err)
	in[1].Offices[0].Aliases[0] = "changed"
	got, _ := r.Source("truss")
	assert.Equal(t, "foreign minister", got.Offices[0].Aliases[0])
}
