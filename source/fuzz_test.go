package source_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

func FuzzParseKind(f *testing.F) {
	for _, s := range []string{"", "unknown", "government", "STATE-MEDIA", " person ", "media outlet", "Organization", "Kind(3)", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := source.ParseKind(s)
		if err != nil {
			assert.ErrorIs(t, err, source.ErrUnknownName)
			return
		}
		k2, err := source.ParseKind(k.String())
		require.NoError(t, err, "ParseKind(%q)", k.String())
		assert.Equal(t, k, k2, "ParseKind(ParseKind(%q).String())", s)

		b, err := k.MarshalText()
		require.NoError(t, err, "MarshalText")
		var k3 source.Kind
		require.NoError(t, k3.UnmarshalText(b))
		assert.Equal(t, k, k3, "UnmarshalText(MarshalText(%v))", k)
	})
}

func FuzzParseIdentity(f *testing.F) {
	for _, s := range []string{"", "named", "Unnamed", "ABSENT", "\tabsent\n", "anonymous", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		i, err := source.ParseIdentity(s)
		if err != nil {
			assert.ErrorIs(t, err, source.ErrUnknownName)
			return
		}
		i2, err := source.ParseIdentity(i.String())
		require.NoError(t, err, "ParseIdentity(%q)", i.String())
		assert.Equal(t, i, i2, "ParseIdentity(ParseIdentity(%q).String())", s)

		b, err := i.MarshalText()
		require.NoError(t, err, "MarshalText")
		var i3 source.Identity
		require.NoError(t, i3.UnmarshalText(b))
		assert.Equal(t, i, i3, "UnmarshalText(MarshalText(%v))", i)
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"", "the", "The The", "the the Kremlin", "U.S.", "P'yŏngyang", "Pyo\u0306ngyang",
		"Democratic People’s Republic of Korea", "  United \t States ", "STRAẞE", "\u212Bland",
		"İstanbul", "Кремль", "조선중앙통신", "US\xffA", "the\u00a0DPRK", "-_/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := source.Normalize(s)
		assert.Equal(t, n, source.Normalize(n), "Normalize(Normalize(%q))", s)
		// Normalize drops what is not a letter or digit, invalid bytes
		// included, so its key is valid even for invalid input.
		assert.True(t, utf8.ValidString(n), "Normalize(%q) = %q is valid UTF-8", s, n)
		assert.False(t, strings.HasPrefix(n, " ") || strings.HasSuffix(n, " "), "Normalize(%q) = %q is trimmed", s, n)
		assert.NotContains(t, n, "  ", "Normalize(%q)", s)
		assert.False(t, strings.HasPrefix(n, "the "), "Normalize(%q) = %q starts with the", s, n)
	})
}

func FuzzNewRegistry(f *testing.F) {
	f.Add(
		[]byte(`[{"id":"us","name":"United States","kind":"government","aliases":["US","U.S."]},{"id":"wh","name":"White House","parent":"us"}]`),
		[]byte(`[{"id":"a","outlet":"wh","published":"2023-08-31T09:30:00Z"},{"id":"b","published":"2023-09-01T00:00:00Z","reprints":"a"}]`),
	)
	f.Add(
		[]byte(`[{"id":"a","name":"A","parent":"b"},{"id":"b","name":"B","parent":"a"},{"id":"absent","name":"x"}]`),
		[]byte(`[{"id":"a","reprints":"b"},{"id":"b","reprints":"a","published":"2023-08-31T09:30:00Z"}]`),
	)
	f.Add(
		[]byte(`[{"id":"x","name":"Pyongyang"},{"id":"y","name":"P'yŏngyang"},{"id":"x","name":""}]`),
		[]byte(`[{"id":"a","published":"2023-08-31T09:30:00Z","reprints":"a"},{"id":"","outlet":"nowhere"}]`),
	)
	f.Add([]byte(`[{"id":"absent","name":"it is believed","identity":"absent"}]`), []byte(`null`))
	f.Add([]byte(`[]`), []byte(`[]`))
	f.Add(
		[]byte(`[{"id":"x","name":"X","parent":"absent"}]`),
		[]byte(`[{"id":"a","published":"2023-08-31T09:30:00Z","language":"pt-BR"},{"id":"b","published":"2023-08-30T00:00:00Z","reprints":"a","language":"en_US"}]`),
	)
	f.Add([]byte(`[{"id":"x","kind":"bogus"}]`), []byte(`{`))
	f.Add(
		[]byte(`[{"id":"ap","name":"Associated Press","kind":"outlet"},{"id":"local","name":"Local"}]`),
		[]byte(`[{"id":"a","outlet":"local","wire":"ap","published":"2023-08-31T09:30:00Z"},{"id":"b","published":"2023-09-01T00:00:00Z","reprints":"a"},`+
			`{"id":"c","wire":"absent","published":"2023-09-01T00:00:00Z"},{"id":"d","wire":"reuters","published":"2023-09-01T00:00:00Z"}]`),
	)
	f.Add(
		[]byte(`[{"id":"uk","name":"United Kingdom","aliases":["Britain"],"wikidata":"Q145"},`+
			`{"id":"t","name":"Liz Truss","offices":[{"title":"foreign secretary","of":"uk","from":"2021-09-15T00:00:00Z","to":"2022-09-06T00:00:00Z"}]},`+
			`{"id":"c","name":"James Cleverly","offices":[{"title":"Foreign Secretary","aliases":["foreign minister"],"of":"uk","from":"2022-09-06T00:00:00Z"}]}]`),
		[]byte(`[]`),
	)
	f.Fuzz(func(t *testing.T, sourcesJSON, articlesJSON []byte) {
		var sources []source.Source
		var articles []source.Article
		if json.Unmarshal(sourcesJSON, &sources) != nil {
			sources = nil
		}
		if json.Unmarshal(articlesJSON, &articles) != nil {
			articles = nil
		}
		r, err := source.NewRegistry(sources, articles)
		if err != nil {
			assert.Nil(t, r)
			for _, p := range problems(t, err) {
				assert.NotNil(t, p.Err, "FieldError %s wraps a sentinel", p.Field)
			}
			return
		}
		checkRegistry(t, r)
	})
}

// checkRegistry checks the invariants of a built registry: every source has
// a root it lies under, every name resolves to its own source, and every
// article has an original origin.
func checkRegistry(t *testing.T, r *source.Registry) {
	t.Helper()
	sources := r.Sources()
	// An office named by its organisation and title, during its term,
	// resolves to a holder of an office so titled, or to none when the
	// phrase is ambiguous.
	for _, s := range sources {
		for _, o := range s.Offices {
			org, _ := r.Source(o.Of)
			m, ok := r.ResolveOffice(org.Name+" "+o.Title, o.From)
			if !ok || m.Holder == "" {
				continue
			}
			h, found := r.Source(m.Holder)
			assert.True(t, found, "ResolveOffice gives a known holder %q", m.Holder)
			assert.True(t, slices.ContainsFunc(h.Offices, func(x source.Office) bool {
				return source.Normalize(x.Title) == source.Normalize(m.Title)
			}), "holder %q holds %q", m.Holder, m.Title)
		}
	}
	require.Len(t, sources, r.Len())
	_, ok := r.Source(source.AbsentID)
	assert.True(t, ok, "Source(absent) ok")
	for _, s := range sources {
		root, ok := r.Root(s.ID)
		assert.True(t, ok, "Root(%q) ok", s.ID)
		assert.True(t, r.Under(s.ID, root), "Under(%q, Root = %q)", s.ID, root)
		assert.False(t, r.Independent(s.ID, s.ID), "Independent(%q, itself)", s.ID)
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if source.Normalize(n) == "" {
				continue
			}
			got, ok := r.Resolve(n)
			assert.True(t, ok, "Resolve(%q) ok", n)
			assert.Equal(t, s.ID, got.ID, "Resolve(%q)", n)
		}
	}
	// The lineage of every source builds the same tree again, each
	// ancestor listed before its descendants.
	ids := make([]source.ID, 0, len(sources))
	for _, s := range sources {
		ids = append(ids, s.ID)
	}
	lineage, err := r.Lineage(ids...)
	require.NoError(t, err, "Lineage(all)")
	assert.Len(t, lineage, len(r.Declared()), "Lineage(all)")
	listed := map[source.ID]bool{}
	for _, s := range lineage {
		assert.True(t, s.Parent == "" || listed[s.Parent], "Lineage lists %q before its parent %q", s.ID, s.Parent)
		listed[s.ID] = true
	}
	again, err := source.NewRegistry(lineage, nil)
	require.NoError(t, err, "NewRegistry(Lineage(all))")
	for _, s := range sources {
		want, _ := r.Root(s.ID)
		got, _ := again.Root(s.ID)
		assert.Equal(t, want, got, "Root(%q) after Lineage", s.ID)
	}

	for _, a := range r.Articles() {
		o, ok := r.Origin(a.ID)
		assert.True(t, ok, "Origin(%q) ok", a.ID)
		orig, ok := r.Article(o)
		assert.True(t, ok, "Article(Origin(%q)) ok", a.ID)
		assert.Empty(t, orig.Reprints, "Origin(%q) = %q reprints nothing", a.ID, o)

		w, ok := r.Wire(a.ID)
		assert.True(t, ok, "Wire(%q) ok", a.ID)
		if a.Wire != "" {
			assert.Equal(t, a.Wire, w, "Wire(%q) is its own", a.ID)
		}
		if !a.IsReprint() {
			assert.Empty(t, w, "Wire(%q) of an original", a.ID)
		}
		if w != "" {
			ws, ok := r.Source(w)
			assert.True(t, ok, "Source(Wire(%q)) ok", a.ID)
			assert.False(t, ws.IsAbsent(), "Wire(%q) = %q is absent", a.ID, w)
		}
	}
}
