package claim_test

import (
	"cmp"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
)

// spanText is an article line with multi-byte runes on both sides of
// "denied", so that byte offsets and rune counts differ.
const spanText = "Zoë Ilić’s office denied the report on Tuesday — “baseless”, it said."

func TestLocate(t *testing.T) {
	long := strings.Repeat("ä", 40) + "denied" + strings.Repeat("ö", 40)
	tests := []struct {
		name       string
		text       string
		start, end int
		want       claim.Span
	}{
		{
			name: "ascii",
			text: "The ministry denied the report.", start: 13, end: 19,
			want: claim.Span{Start: 13, End: 19, Exact: "denied", Prefix: "The ministry ", Suffix: " the report."},
		},
		{
			name: "multibyte",
			text: spanText, start: 22, end: 28,
			want: claim.Span{
				Start: 22, End: 28, Exact: "denied",
				Prefix: "Zoë Ilić’s office ",
				Suffix: " the report on Tuesday — “basele", // 32 runes, 36 bytes
			},
		},
		{
			name: "at-start",
			text: "Denied, said the ministry.", start: 0, end: 6,
			want: claim.Span{Start: 0, End: 6, Exact: "Denied", Suffix: ", said the ministry."},
		},
		{
			name: "at-end",
			text: "The ministry denied", start: 13, end: 19,
			want: claim.Span{Start: 13, End: 19, Exact: "denied", Prefix: "The ministry "},
		},
		{
			name: "whole-text",
			text: "denied", start: 0, end: 6,
			want: claim.Span{Start: 0, End: 6, Exact: "denied"},
		},
		{
			name: "context-32-runes",
			text: long, start: 80, end: 86,
			want: claim.Span{
				Start: 80, End: 86, Exact: "denied",
				Prefix: strings.Repeat("ä", 32), Suffix: strings.Repeat("ö", 32),
			},
		},
		{
			name: "multibyte-exact",
			text: "Die Behörde dementierte „Lieferungen“ am Freitag.", start: 13, end: 42,
			want: claim.Span{
				Start: 13, End: 42, Exact: "dementierte „Lieferungen“",
				Prefix: "Die Behörde ", Suffix: " am Freitag.",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.Locate(tc.text, tc.start, tc.end)
			require.NoError(t, err)
			if diff := gocmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Locate(%q, %d, %d) mismatch (-want +got):\n%s", tc.text, tc.start, tc.end, diff)
			}
			assert.NoError(t, got.Check(tc.text), "Locate output must pass Check")
		})
	}
}

func TestLocateErrors(t *testing.T) {
	// "ë" is two bytes, at offsets 2 and 3.
	const text = "Zoë denied it."
	tests := []struct {
		name       string
		start, end int
		wantValue  string
	}{
		{name: "negative-start", start: -1, end: 3, wantValue: "[-1:3]"},
		{name: "end-beyond-text", start: 5, end: len(text) + 1, wantValue: "[5:16]"},
		{name: "reversed", start: 10, end: 5, wantValue: "[10:5]"},
		{name: "empty", start: 5, end: 5, wantValue: "[5:5]"},
		{name: "start-inside-rune", start: 3, end: 6, wantValue: "[3:6]"},
		{name: "end-inside-rune", start: 0, end: 3, wantValue: "[0:3]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.Locate(text, tc.start, tc.end)
			assert.ErrorIs(t, err, claim.ErrSpan)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "span", fe.Field)
				assert.Equal(t, tc.wantValue, fe.Value)
			}
			assert.Equal(t, claim.Span{}, got)
		})
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		exact string
		want  claim.Span
	}{
		{
			name: "unique", text: "Halvard denied it. Tarnow confirmed it.", exact: "Tarnow confirmed",
			want: claim.Span{Start: 19, End: 35, Exact: "Tarnow confirmed", Prefix: "Halvard denied it. ", Suffix: " it."},
		},
		{
			name: "multibyte", text: spanText, exact: "“baseless”",
			want: claim.Span{
				Start: 55, End: 69, Exact: "“baseless”",
				Prefix: " denied the report on Tuesday — ", // 32 runes
				Suffix: ", it said.",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.Find(tc.text, tc.exact)
			require.NoError(t, err)
			if diff := gocmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Find(%q, %q) mismatch (-want +got):\n%s", tc.text, tc.exact, diff)
			}
		})
	}
}

func TestFindErrors(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		exact   string
		wantErr error
	}{
		{name: "not-found", text: "Halvard denied it.", exact: "confirmed", wantErr: claim.ErrNotFound},
		{name: "ambiguous", text: "Halvard denied it. Tarnow denied it too.", exact: "denied it", wantErr: claim.ErrAmbiguous},
		{name: "overlapping", text: "a baaad day", exact: "aa", wantErr: claim.ErrAmbiguous},
		{name: "empty", text: "Halvard denied it.", exact: "", wantErr: claim.ErrEmpty},
		{name: "empty-text", text: "", exact: "denied", wantErr: claim.ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.Find(tc.text, tc.exact)
			assert.ErrorIs(t, err, tc.wantErr)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "exact", fe.Field)
				assert.Equal(t, tc.exact, fe.Value)
			}
			assert.Equal(t, claim.Span{}, got)
		})
	}
}

func TestSpanCheck(t *testing.T) {
	const text = "Halvard denied it. Tarnow denied it too."
	good := claim.Span{Start: 8, End: 14, Exact: "denied", Prefix: "Halvard ", Suffix: " it."}
	tests := []struct {
		name      string
		text      string // "" for the text above
		span      claim.Span
		wantField string // "" for no error
	}{
		{name: "good", span: good},
		{name: "exact-only", span: claim.Span{Start: 26, End: 32, Exact: "denied"}},
		{name: "short-context", span: claim.Span{Start: 26, End: 32, Exact: "denied", Prefix: "w ", Suffix: " "}},
		{name: "wrong-exact", span: claim.Span{Start: 8, End: 14, Exact: "denies"}, wantField: "span"},
		{name: "shifted", span: claim.Span{Start: 9, End: 15, Exact: "denied"}, wantField: "span"},
		{name: "wrong-prefix", span: claim.Span{Start: 26, End: 32, Exact: "denied", Prefix: "Halvard "}, wantField: "span.prefix"},
		{name: "wrong-suffix", span: claim.Span{Start: 26, End: 32, Exact: "denied", Suffix: " it."}, wantField: "span.suffix"},
		{name: "out-of-range", span: claim.Span{Start: 38, End: 44, Exact: "denied"}, wantField: "span"},
		{name: "zero", span: claim.Span{}, wantField: "span"},
		{
			// The error quotes the text found there, shortened.
			name: "long-wrong-exact", text: strings.Repeat("Halvard denied it. ", 10),
			span: claim.Span{Start: 0, End: 100, Exact: strings.Repeat("x", 100)}, wantField: "span",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := cmp.Or(tc.text, text)
			err := tc.span.Check(text)
			if tc.wantField == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, claim.ErrSpan)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, tc.wantField, fe.Field)
			}
		})
	}
}

func TestSpanRelocate(t *testing.T) {
	const (
		before = "Halvard denied it. Tarnow denied it too."
		// Halvard's denial, located in before.
		inserted = "Update, Friday: Halvard denied it. Tarnow denied it too."
	)
	halvard := mustFind(t, before, "Halvard denied")
	second := mustLocate(t, before, 26, 32) // Tarnow's "denied"
	tests := []struct {
		name string
		span claim.Span
		text string
		want claim.Span
	}{
		{name: "unchanged", span: second, text: before, want: second},
		{
			name: "insertion-before", span: halvard, text: inserted,
			want: mustLocate(t, inserted, 16, 30),
		},
		{
			name: "second-of-two-by-prefix", span: second, text: inserted,
			want: mustLocate(t, inserted, 42, 48),
		},
		{
			name: "first-of-two-by-prefix",
			span: mustLocate(t, before, 8, 14), text: inserted,
			want: mustLocate(t, inserted, 24, 30),
		},
		{
			name: "by-suffix",
			// The prefix is gone; the suffix " too." still picks the second.
			span: claim.Span{Start: 26, End: 35, Exact: "denied it", Suffix: " too."},
			text: "Officials denied it. Others denied it too.",
			want: mustLocate(t, "Officials denied it. Others denied it too.", 28, 37),
		},
		{
			name: "nearest-on-equal-context",
			span: claim.Span{Start: 30, End: 36, Exact: "denied"},
			text: "denied " + strings.Repeat(".", 24) + " denied",
			want: mustLocate(t, "denied "+strings.Repeat(".", 24)+" denied", 32, 38),
		},
		{
			name: "multibyte-shift",
			span: mustFind(t, spanText, "denied the report"),
			text: "Überraschung: " + spanText,
			want: mustLocate(t, "Überraschung: "+spanText, 22+15, 22+15+17), // "Ü" is two bytes
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.span.Relocate(tc.text)
			require.NoError(t, err)
			if diff := gocmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Relocate(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
			assert.NoError(t, got.Check(tc.text))
		})
	}
}

func TestSpanRelocateErrors(t *testing.T) {
	tests := []struct {
		name    string
		span    claim.Span
		text    string
		wantErr error
	}{
		{
			name: "gone",
			span: claim.Span{Start: 8, End: 14, Exact: "denied", Prefix: "Halvard "},
			text: "Halvard confirmed it.", wantErr: claim.ErrNotFound,
		},
		{
			name: "empty-text",
			span: claim.Span{Start: 8, End: 14, Exact: "denied"},
			text: "", wantErr: claim.ErrNotFound,
		},
		{
			name: "tie",
			// Two occurrences with the same context, equally far from the
			// old offset.
			span: claim.Span{Start: 7, End: 13, Exact: "denied", Prefix: "X "},
			text: "Y denied. Z denied.", wantErr: claim.ErrAmbiguous,
		},
		{
			name:    "empty-exact",
			span:    claim.Span{Start: 3, End: 3},
			text:    "Halvard denied it.",
			wantErr: claim.ErrEmpty,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.span.Relocate(tc.text)
			assert.ErrorIs(t, err, tc.wantErr)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "span.exact", fe.Field)
				assert.Equal(t, tc.span.Exact, fe.Value)
			}
			assert.Equal(t, claim.Span{}, got)
		})
	}
}

func TestSpanString(t *testing.T) {
	tests := []struct {
		name string
		span claim.Span
		want string
	}{
		{name: "zero", span: claim.Span{}, want: "[0:0]"},
		{name: "offsets", span: claim.Span{Start: 8, End: 14, Exact: "denied"}, want: "[8:14]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.span.String())
		})
	}
}

func mustLocate(t *testing.T, text string, start, end int) claim.Span {
	t.Helper()
	s, err := claim.Locate(text, start, end)
	require.NoError(t, err)
	return s
}

func mustFind(t *testing.T, text, exact string) claim.Span {
	t.Helper()
	s, err := claim.Find(text, exact)
	require.NoError(t, err)
	return s
}

func TestFindNth(t *testing.T) {
	const text = "Warns. Body. Warns again. Warns."
	tests := []struct {
		name      string
		exact     string
		n         int
		wantStart int
		wantErr   error
	}{
		{name: "first", exact: "Warns", n: 1, wantStart: 0},
		{name: "second", exact: "Warns", n: 2, wantStart: 13},
		{name: "third", exact: "Warns", n: 3, wantStart: 26},
		{name: "too few", exact: "Warns", n: 4, wantErr: claim.ErrNotFound},
		{name: "zero", exact: "Warns", n: 0, wantErr: claim.ErrInvalid},
		{name: "empty", exact: "", n: 1, wantErr: claim.ErrEmpty},
		{name: "absent", exact: "Denies", n: 1, wantErr: claim.ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.FindNth(text, tc.exact, tc.n)
			if tc.wantErr != nil {
				assert.ErrorIs(t, err, tc.wantErr)
				var fe *claim.FieldError
				assert.ErrorAs(t, err, &fe)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.wantStart, got.Start)
			assert.Equal(t, tc.exact, got.Exact)
			assert.NoError(t, got.Check(text))
		})
	}
}
