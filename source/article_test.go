package source_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

var published = time.Date(2023, 8, 31, 9, 30, 0, 0, time.UTC)

func TestArticleJSON(t *testing.T) {
	tests := []struct {
		name string
		art  source.Article
		want map[string]any
	}{
		{
			name: "full",
			art: source.Article{
				ID:        "ctn-1",
				Outlet:    "ctn",
				URL:       "https://example.com/a",
				Title:     "White House Warns North Korea",
				Published: time.Date(2023, 8, 31, 9, 30, 0, 0, time.FixedZone("ICT", 7*60*60)),
				Language:  "en",
				Reprints:  "ap-wire",
				Wire:      "ap",
				Text:      "The White House has issued a stern warning.",
			},
			want: map[string]any{
				"id":        "ctn-1",
				"outlet":    "ctn",
				"url":       "https://example.com/a",
				"title":     "White House Warns North Korea",
				"published": "2023-08-31T09:30:00+07:00",
				"language":  "en",
				"reprints":  "ap-wire",
				"wire":      "ap",
				"text":      "The White House has issued a stern warning.",
			},
		},
		{
			// An AP story in a local paper, the AP original not at hand.
			name: "wire-only",
			art:  source.Article{ID: "local-1", Outlet: "local", Published: published, Wire: "ap"},
			want: map[string]any{"id": "local-1", "outlet": "local", "published": "2023-08-31T09:30:00Z", "wire": "ap"},
		},
		{
			name: "minimal",
			art:  source.Article{ID: "a", Published: published},
			want: map[string]any{"id": "a", "published": "2023-08-31T09:30:00Z"},
		},
		{
			name: "nanoseconds",
			art:  source.Article{ID: "a", Published: time.Date(2023, 8, 31, 9, 30, 0, 123456789, time.UTC)},
			want: map[string]any{"id": "a", "published": "2023-08-31T09:30:00.123456789Z"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.art)
			require.NoError(t, err)

			var fields map[string]any
			require.NoError(t, json.Unmarshal(b, &fields))
			if diff := cmp.Diff(tc.want, fields); diff != "" {
				t.Errorf("json.Marshal(%v) fields mismatch (-want +got):\n%s", tc.art.ID, diff)
			}

			var got source.Article
			require.NoError(t, json.Unmarshal(b, &got))
			if diff := cmp.Diff(tc.art, got); diff != "" {
				t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewRegistryArticleErrors(t *testing.T) {
	outlets := []source.Source{{ID: "ap", Name: "Associated Press"}}
	tests := []struct {
		name     string
		articles []source.Article
		want     []problem
	}{
		{
			name:     "empty-id",
			articles: []source.Article{{Published: published}},
			want:     []problem{{"articles[0].id", "", source.ErrEmpty}},
		},
		{
			name:     "missing-published",
			articles: []source.Article{{ID: "a"}},
			want:     []problem{{"articles[0].published", "", source.ErrEmpty}},
		},
		{
			name:     "zero",
			articles: []source.Article{{}},
			want:     []problem{{"articles[0].id", "", source.ErrEmpty}, {"articles[0].published", "", source.ErrEmpty}},
		},
		{
			name: "duplicate-id",
			articles: []source.Article{
				{ID: "a", Published: published},
				{ID: "b", Published: published},
				{ID: "a", Published: published.Add(time.Hour)},
			},
			want: []problem{{"articles[2].id", "a", source.ErrDuplicateID}},
		},
		{
			name:     "unknown-outlet",
			articles: []source.Article{{ID: "a", Outlet: "reuters", Published: published}},
			want:     []problem{{"articles[0].outlet", "reuters", source.ErrUnknownSource}},
		},
		{
			name:     "unknown-reprints",
			articles: []source.Article{{ID: "a", Published: published, Reprints: "wire"}},
			want:     []problem{{"articles[0].reprints", "wire", source.ErrUnknownArticle}},
		},
		{
			// Paths count declared articles, duplicates included.
			name: "unknown-reprints-after-duplicate",
			articles: []source.Article{
				{ID: "a", Published: published},
				{ID: "a", Published: published},
				{ID: "b", Published: published, Reprints: "wire"},
			},
			want: []problem{
				{"articles[1].id", "a", source.ErrDuplicateID},
				{"articles[2].reprints", "wire", source.ErrUnknownArticle},
			},
		},
		{
			name: "reprint-published-first",
			articles: []source.Article{
				{ID: "wire", Published: published},
				{ID: "copy", Published: published.Add(-time.Minute), Reprints: "wire"},
			},
			want: []problem{{"articles[1].published", "2023-08-31T09:29:00Z", source.ErrInvalid}},
		},
		{
			// The times are compared as instants: 16:00 at UTC+7 is 09:00 UTC,
			// before the wire story's 09:30.
			name: "reprint-published-first-other-zone",
			articles: []source.Article{
				{ID: "wire", Published: published},
				{ID: "copy", Published: time.Date(2023, 8, 31, 16, 0, 0, 0, time.FixedZone("ICT", 7*60*60)), Reprints: "wire"},
			},
			want: []problem{{"articles[1].published", "2023-08-31T16:00:00+07:00", source.ErrInvalid}},
		},
		{
			// Only the article it reprints directly counts: blog copies copy,
			// which is the one published too early.
			name: "reprint-of-early-reprint",
			articles: []source.Article{
				{ID: "blog", Published: published.Add(time.Hour), Reprints: "copy"},
				{ID: "wire", Published: published},
				{ID: "copy", Published: published.Add(-time.Hour), Reprints: "wire"},
			},
			want: []problem{{"articles[2].published", "2023-08-31T08:30:00Z", source.ErrInvalid}},
		},
		{
			// A missing time is one problem, not also a reprint out of order.
			name: "reprint-published-missing",
			articles: []source.Article{
				{ID: "wire", Published: published},
				{ID: "copy", Reprints: "wire"},
			},
			want: []problem{{"articles[1].published", "", source.ErrEmpty}},
		},
		{
			name:     "self-reprint",
			articles: []source.Article{{ID: "a", Published: published, Reprints: "a"}},
			want:     []problem{{"articles[0].reprints", "a", source.ErrCycle}},
		},
		{
			name: "reprint-cycle",
			articles: []source.Article{
				{ID: "a", Published: published, Reprints: "b"},
				{ID: "b", Published: published, Reprints: "a"},
			},
			want: []problem{{"articles[0].reprints", "b", source.ErrCycle}},
		},
		{
			name: "reprint-cycle-with-tail",
			articles: []source.Article{
				{ID: "tail", Published: published, Reprints: "a"},
				{ID: "a", Published: published, Reprints: "b"},
				{ID: "b", Published: published, Reprints: "c"},
				{ID: "c", Published: published, Reprints: "a"},
			},
			want: []problem{{"articles[1].reprints", "b", source.ErrCycle}},
		},
		{
			// The duplicate's reprint is dropped with it, so it closes no
			// cycle.
			name: "duplicate-reprint",
			articles: []source.Article{
				{ID: "a", Published: published, Reprints: "b"},
				{ID: "b", Published: published},
				{ID: "b", Published: published, Reprints: "a"},
			},
			want: []problem{{"articles[2].id", "b", source.ErrDuplicateID}},
		},
		{
			name:     "utf8-id",
			articles: []source.Article{{ID: "a\xff", Published: published}},
			want:     []problem{{"articles[0].id", "a\xff", source.ErrInvalidUTF8}},
		},
		{
			name: "utf8-fields",
			articles: []source.Article{{
				ID: "a", Published: published,
				URL: "https://example.com/\xff", Title: "Warns\xc3", Language: "e\xffn",
			}},
			want: []problem{
				{"articles[0].url", "https://example.com/\xff", source.ErrInvalidUTF8},
				{"articles[0].title", "Warns\xc3", source.ErrInvalidUTF8},
				{"articles[0].language", "e\xffn", source.ErrInvalidUTF8},
			},
		},
		{
			name:     "utf8-outlet",
			articles: []source.Article{{ID: "a", Published: published, Outlet: "\xff"}},
			want: []problem{
				{"articles[0].outlet", "\xff", source.ErrInvalidUTF8},
				{"articles[0].outlet", "\xff", source.ErrUnknownSource},
			},
		},
		{
			name:     "utf8-reprints",
			articles: []source.Article{{ID: "a", Published: published, Reprints: "\xff"}},
			want: []problem{
				{"articles[0].reprints", "\xff", source.ErrInvalidUTF8},
				{"articles[0].reprints", "\xff", source.ErrUnknownArticle},
			},
		},
		{
			// The value shows the bytes around the first invalid one, not
			// the whole text.
			name:     "utf8-text",
			articles: []source.Article{{ID: "a", Published: published, Text: strings.Repeat("x", 100) + "0123456789abcdef\xffghijklmnopqrstuvwxyz" + strings.Repeat("y", 100) + "\xfe"}},
			want:     []problem{{"articles[0].text", "0123456789abcdef\xffghijklmnopqrstu", source.ErrInvalidUTF8}},
		},
		{
			name:     "utf8-text-short",
			articles: []source.Article{{ID: "a", Published: published, Text: "ab\xffc"}},
			want:     []problem{{"articles[0].text", "ab\xffc", source.ErrInvalidUTF8}},
		},
		{
			name:     "unknown-wire",
			articles: []source.Article{{ID: "a", Published: published, Wire: "reuters"}},
			want:     []problem{{"articles[0].wire", "reuters", source.ErrUnknownSource}},
		},
		{
			name:     "unknown-wire-with-reprints",
			articles: []source.Article{{ID: "w", Published: published}, {ID: "a", Published: published, Reprints: "w", Wire: "reuters"}},
			want:     []problem{{"articles[1].wire", "reuters", source.ErrUnknownSource}},
		},
		{
			name:     "absent-wire",
			articles: []source.Article{{ID: "a", Published: published, Wire: source.AbsentID}},
			want:     []problem{{"articles[0].wire", "absent", source.ErrInvalid}},
		},
		{
			name:     "utf8-wire",
			articles: []source.Article{{ID: "a", Published: published, Wire: "\xff"}},
			want: []problem{
				{"articles[0].wire", "\xff", source.ErrInvalidUTF8},
				{"articles[0].wire", "\xff", source.ErrUnknownSource},
			},
		},
		{
			name: "all-at-once",
			articles: []source.Article{
				{ID: "a", Outlet: "ap", Published: published},
				{ID: "a", Published: published},
				{ID: "b", Outlet: "reuters", Reprints: "wire"},
				{ID: "c", Published: published, Reprints: "c", Text: "\xff"},
				{Published: published, Reprints: "a"},
			},
			want: []problem{
				{"articles[1].id", "a", source.ErrDuplicateID},
				{"articles[2].outlet", "reuters", source.ErrUnknownSource},
				{"articles[2].published", "", source.ErrEmpty},
				{"articles[2].reprints", "wire", source.ErrUnknownArticle},
				{"articles[3].reprints", "c", source.ErrCycle},
				{"articles[3].text", "\xff", source.ErrInvalidUTF8},
				{"articles[4].id", "", source.ErrEmpty},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := source.NewRegistry(outlets, tc.articles)
			assert.Nil(t, r)
			if diff := cmp.Diff(tc.want, problems(t, err), problemOpts); diff != "" {
				t.Errorf("NewRegistry(...) problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNewRegistryAllProblems checks that problems with sources and with
// articles come back together from one call.
func TestNewRegistryAllProblems(t *testing.T) {
	sources := []source.Source{
		{ID: "us", Name: "United States", Parent: "us"},
		{ID: "us", Name: "USA"},
	}
	articles := []source.Article{
		{ID: "a", Outlet: "ap", Published: published},
		{ID: "b", Published: published, Reprints: "b"},
	}
	want := []problem{
		{"sources[0].parent", "us", source.ErrCycle},
		{"sources[1].id", "us", source.ErrDuplicateID},
		{"articles[0].outlet", "ap", source.ErrUnknownSource},
		{"articles[1].reprints", "b", source.ErrCycle},
	}
	r, err := source.NewRegistry(sources, articles)
	assert.Nil(t, r)
	if diff := cmp.Diff(want, problems(t, err), problemOpts); diff != "" {
		t.Errorf("NewRegistry(...) problems mismatch (-want +got):\n%s", diff)
	}
	// Each problem is reachable from the joined error as well.
	for _, p := range want {
		assert.ErrorIs(t, err, p.Err)
	}
}

// TestNewRegistryReprintTimes checks the reprints that are published in
// order: at the same instant or after what they copy.
func TestNewRegistryReprintTimes(t *testing.T) {
	tests := []struct {
		name     string
		articles []source.Article
	}{
		{
			name: "same-instant",
			articles: []source.Article{
				{ID: "wire", Published: published},
				{ID: "copy", Published: published, Reprints: "wire"},
			},
		},
		{
			// 17:00 at UTC+7 is 10:00 UTC, after the wire story's 09:30,
			// though 09:30 reads later than 17:00 on no clock.
			name: "later-other-zone",
			articles: []source.Article{
				{ID: "wire", Published: published},
				{ID: "copy", Published: time.Date(2023, 8, 31, 17, 0, 0, 0, time.FixedZone("ICT", 7*60*60)), Reprints: "wire"},
			},
		},
		{
			name: "declared-before-original",
			articles: []source.Article{
				{ID: "copy", Published: published.Add(24 * time.Hour), Reprints: "wire"},
				{ID: "wire", Published: published},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := source.NewRegistry(nil, tc.articles)
			assert.NoError(t, err)
		})
	}
}

func TestNewRegistryArticleLanguage(t *testing.T) {
	tests := []struct {
		name  string
		tag   string
		valid bool
	}{
		{name: "none", tag: "", valid: true},
		{name: "two-letters", tag: "en", valid: true},
		{name: "three-letters", tag: "kor", valid: true},
		{name: "region", tag: "pt-BR", valid: true},
		{name: "upper", tag: "EN-GB", valid: true},
		{name: "script-region", tag: "zh-Hant-TW", valid: true},
		{name: "numeric-region", tag: "es-419", valid: true},
		{name: "variant", tag: "de-DE-1901", valid: true},
		{name: "eight-letter-subtag", tag: "sl-rozaj-biske", valid: true},
		{name: "private-use", tag: "x-newsroom", valid: true},
		{name: "grandfathered", tag: "i-klingon", valid: true},
		{name: "one-letter", tag: "e", valid: false},
		{name: "four-letters", tag: "engl", valid: false},
		{name: "name", tag: "English", valid: false},
		{name: "digits-first", tag: "12", valid: false},
		{name: "underscore", tag: "en_US", valid: false},
		{name: "space", tag: "en US", valid: false},
		{name: "trailing-dash", tag: "en-", valid: false},
		{name: "leading-dash", tag: "-en", valid: false},
		{name: "double-dash", tag: "en--US", valid: false},
		{name: "long-subtag", tag: "en-abcdefghi", valid: false},
		{name: "private-alone", tag: "x", valid: false},
		{name: "non-ascii", tag: "énglish", valid: false},
		{name: "non-ascii-digit", tag: "en-١٢٣", valid: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := source.NewRegistry(nil, []source.Article{{ID: "a", Published: published, Language: tc.tag}})
			var want []problem
			if !tc.valid {
				want = []problem{{"articles[0].language", tc.tag, source.ErrInvalid}}
			}
			if diff := cmp.Diff(want, problems(t, err), problemOpts); diff != "" {
				t.Errorf("NewRegistry(Language: %q) problems mismatch (-want +got):\n%s", tc.tag, diff)
			}
		})
	}
}

func TestNewRegistryUTF8TextValue(t *testing.T) {
	text := strings.Repeat("é", 1000) + "\xff" + strings.Repeat("é", 1000)
	_, err := source.NewRegistry(nil, []source.Article{{ID: "a", Published: published, Text: text}})
	var fe *source.FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, fe, source.ErrInvalidUTF8)
	assert.LessOrEqual(t, len(fe.Value), 32, "len(Value)")
	assert.True(t, strings.Contains(fe.Value, "\xff"), "Value %q holds the invalid byte", fe.Value)
	assert.False(t, utf8.ValidString(fe.Value))
}

func TestRegistryOrigin(t *testing.T) {
	articles := []source.Article{
		// Declared before what it reprints, and three steps from the origin.
		{ID: "blog", Published: published, Reprints: "ctn"},
		{ID: "ctn", Published: published, Reprints: "ap-wire"},
		{ID: "ap-wire", Published: published},
		{ID: "yonhap", Published: published},
		{ID: "mirror", Published: published, Reprints: "blog"},
	}
	r, err := source.NewRegistry(nil, articles)
	require.NoError(t, err)
	tests := []struct {
		name   string
		id     source.ArticleID
		want   source.ArticleID
		wantOK bool
	}{
		{name: "original", id: "ap-wire", want: "ap-wire", wantOK: true},
		{name: "lone-original", id: "yonhap", want: "yonhap", wantOK: true},
		{name: "reprint", id: "ctn", want: "ap-wire", wantOK: true},
		{name: "reprint-of-reprint", id: "blog", want: "ap-wire", wantOK: true},
		{name: "three-steps", id: "mirror", want: "ap-wire", wantOK: true},
		{name: "unknown", id: "reuters", wantOK: false},
		{name: "empty", id: "", wantOK: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := r.Origin(tc.id)
			assert.Equal(t, tc.wantOK, ok, "Origin(%q) ok", tc.id)
			assert.Equal(t, tc.want, got, "Origin(%q)", tc.id)
		})
	}
}

func TestArticleIsReprint(t *testing.T) {
	tests := []struct {
		name string
		art  source.Article
		want bool
	}{
		{name: "original", art: source.Article{ID: "a", Outlet: "ap"}, want: false},
		{name: "reprints", art: source.Article{ID: "a", Reprints: "w"}, want: true},
		{name: "wire", art: source.Article{ID: "a", Wire: "ap"}, want: true},
		{name: "both", art: source.Article{ID: "a", Reprints: "w", Wire: "ap"}, want: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.art.IsReprint())
		})
	}
}

func TestRegistryWire(t *testing.T) {
	sources := []source.Source{
		{ID: "ap", Name: "Associated Press", Kind: source.KindMediaOutlet},
		{ID: "reuters", Name: "Reuters", Kind: source.KindMediaOutlet},
		{ID: "local", Name: "Tarnow Herald", Kind: source.KindMediaOutlet},
	}
	articles := []source.Article{
		// An AP story in a local paper, the AP original not in the corpus,
		// and a blog that copies the local paper.
		{ID: "herald", Outlet: "local", Published: published, Wire: "ap"},
		{ID: "blog", Published: published, Reprints: "herald"},
		{ID: "mirror", Published: published, Reprints: "blog"},
		// A Reuters original in the corpus, and a copy that names the wire
		// as well.
		{ID: "reuters-1", Outlet: "reuters", Published: published},
		{ID: "copy", Published: published, Reprints: "reuters-1", Wire: "reuters"},
		{ID: "copy-of-copy", Published: published, Reprints: "copy"},
		// A copy whose own Wire differs from that of what it copies: its
		// own wins.
		{ID: "rewrite", Published: published, Reprints: "herald", Wire: "reuters"},
		// A reprint of an original with no wire.
		{ID: "plain-copy", Published: published, Reprints: "reuters-1"},
	}
	r, err := source.NewRegistry(sources, articles)
	require.NoError(t, err)
	tests := []struct {
		name   string
		id     source.ArticleID
		want   source.ID
		wantOK bool
	}{
		{name: "own-wire", id: "herald", want: "ap", wantOK: true},
		{name: "through-reprint", id: "blog", want: "ap", wantOK: true},
		{name: "two-steps", id: "mirror", want: "ap", wantOK: true},
		{name: "original", id: "reuters-1", want: "", wantOK: true},
		{name: "wire-and-reprints", id: "copy", want: "reuters", wantOK: true},
		{name: "copy-of-copy", id: "copy-of-copy", want: "reuters", wantOK: true},
		{name: "own-wins", id: "rewrite", want: "reuters", wantOK: true},
		{name: "no-wire-on-chain", id: "plain-copy", want: "", wantOK: true},
		{name: "unknown", id: "nowhere", wantOK: false},
		{name: "empty", id: "", wantOK: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := r.Wire(tc.id)
			assert.Equal(t, tc.wantOK, ok, "Wire(%q) ok", tc.id)
			assert.Equal(t, tc.want, got, "Wire(%q)", tc.id)
		})
	}

	t.Run("zero-registry", func(t *testing.T) {
		var zero *source.Registry
		got, ok := zero.Wire("herald")
		assert.False(t, ok)
		assert.Empty(t, got)
	})

	t.Run("json-round-trip", func(t *testing.T) {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var again source.Registry
		require.NoError(t, json.Unmarshal(b, &again))
		if diff := cmp.Diff(articles, again.Articles()); diff != "" {
			t.Errorf("Articles() after a JSON round trip mismatch (-want +got):\n%s", diff)
		}
		got, ok := again.Wire("mirror")
		assert.True(t, ok)
		assert.Equal(t, source.ID("ap"), got)
	})
}

func TestRegistryArticle(t *testing.T) {
	r := seedRegistry(t)
	tests := []struct {
		name   string
		id     source.ArticleID
		want   source.Article
		wantOK bool
	}{
		{name: "known", id: "ctn-2023-08-31", want: seedArticles()[1], wantOK: true},
		{name: "unknown", id: "reuters"},
		{name: "empty", id: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := r.Article(tc.id)
			assert.Equal(t, tc.wantOK, ok)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Article(%q) mismatch (-want +got):\n%s", tc.id, diff)
			}
		})
	}
	if diff := cmp.Diff(seedArticles(), r.Articles()); diff != "" {
		t.Errorf("Articles() mismatch (-want +got):\n%s", diff)
	}
}

func TestRegistryOutlets(t *testing.T) {
	tests := []struct {
		name    string
		sources []source.Source
		outlet  source.ID
	}{
		{name: "declared", sources: []source.Source{{ID: "ap", Name: "Associated Press"}}, outlet: "ap"},
		// An article with no stated outlet is allowed.
		{name: "none", outlet: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := source.Article{ID: "a", Outlet: tc.outlet, Published: published}
			r, err := source.NewRegistry(tc.sources, []source.Article{a})
			require.NoError(t, err)
			got, ok := r.Article("a")
			assert.True(t, ok)
			if diff := cmp.Diff(a, got); diff != "" {
				t.Errorf("Article(a) mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
