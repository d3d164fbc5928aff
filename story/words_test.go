package story

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// contentWordsSlow is the obvious contentWords: every word lowered into a
// new string, a map of those seen. The fast one must agree with it.
func contentWordsSlow(text string, limit int) []string {
	var out []string
	seen := make(map[string]bool)
	var cur []rune
	flush := func() {
		w := strings.TrimRight(string(cur), "'’")
		cur = cur[:0]
		w = strings.ReplaceAll(w, "’", "'")
		if w == "" || (limit > 0 && len(out) >= limit) || stopWords[w] || len(w) < 2 {
			return
		}
		if s := stem(w); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, r := range strings.ToValidUTF8(text, "\uFFFD") {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, unicode.ToLower(r))
		case (r == '\'' || r == '’') && len(cur) > 0:
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

func TestContentWords(t *testing.T) {
	many := strings.Repeat("alpha beta gamma delta epsilon zeta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi ", 3)
	tests := []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{name: "lower", text: "officials said it was shelling", want: []string{"official", "shell"}},
		{name: "upper", text: "Officials DENIED the Shelling", want: []string{"official", "deni", "shell"}},
		{name: "apostrophe", text: "Moscow's claim, the ministry’s denial", want: []string{"moscow", "claim", "ministr", "denial"}},
		{name: "unicode", text: "Ünïcode Łódź straße", want: []string{"ünïcode", "łódź", "straße"}},
		{name: "repeats", text: "shell shells shelling shell", want: []string{"shell"}},
		{name: "many", text: many, want: strings.Fields(many)[:20]},
		{name: "limit", text: many, limit: 5, want: strings.Fields(many)[:5]},
		{name: "invalid", text: "bad\xffbyte", want: []string{"bad", "byte"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := contentWords(tc.text, tc.limit)
			if diff := cmp.Diff(contentWordsSlow(tc.text, tc.limit), got); diff != "" {
				t.Errorf("contentWords(%q) against the slow one (-slow +fast):\n%s", tc.text, diff)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("contentWords(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func FuzzContentWords(f *testing.F) {
	f.Add("Officials said it was shelling the Moscow's port", 0)
	f.Add("alpha beta gamma delta epsilon zeta theta iota kappa lambda mu nu xi omicron pi rho sigma tau alpha", 3)
	f.Add("Ünïcode ’quoted’ bad\xff", 64)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		limit = max(limit, 0) % 100
		if diff := cmp.Diff(contentWordsSlow(text, limit), contentWords(text, limit)); diff != "" {
			t.Errorf("contentWords(%q, %d) against the slow one (-slow +fast):\n%s", text, limit, diff)
		}
	})
}
