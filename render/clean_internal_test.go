package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestClean checks what clean replaces and how it cuts.
func TestClean(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		max      int
		want     string
	}{
		{"plain", "Norland denies", 0, "Norland denies"},
		{"invalid-utf8", "a\xffb\xc3", 0, "a\ufffdb\ufffd"},
		{"nul", "a\x00b", 0, "a\ufffdb"},
		{"ansi", "\x1b[31mred", 0, "\ufffd[31mred"},
		{"bidi", "a\u202eb\u2067c\u200fd\u061ce", 0, "a\ufffdb\ufffdc\ufffdd\ufffde"},
		{"c1", "a\u0085b\u009bc", 0, "a b\ufffdc"},
		{"lines", "a\nb\r\nc\td\u2028e", 0, "a b  c d e"},
		{"nonchar", "a\ufffeb\ufdd0c", 0, "a\ufffdb\ufffdc"},
		{"cut", "abcdef", 3, "abc…"},
		{"cut-exact", "abc", 3, "abc"},
		{"cut-runes", "ŏŏŏŏ", 2, "ŏŏ…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, clean(tc.in, tc.max))
		})
	}
}

// TestXMLText checks the escaping.
func TestXMLText(t *testing.T) {
	assert.Equal(t, "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;]]&gt;&amp;amp;", xmlText(`<a href="x" title='y'>]]>&amp;`, 0))
	assert.Equal(t, "a\nb \ufffd", xmlLines("a\nb \x00"))
}

// TestMermaidText checks the replacements.
func TestMermaidText(t *testing.T) {
	got := mermaidText("a: b # c %% d; <e> & `f` {g}\n", 0)
	assert.Equal(t, "a∶ b ＃ c ％％ d； ‹e› ＆ ˋfˋ ｛g｝", got)
	for _, r := range ":#%;<>&`{}" {
		assert.NotContains(t, got, string(r))
	}
}

// FuzzClean checks that clean's output is valid UTF-8 with no control or
// bidirectional character, whatever the input.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "plain", "a\xffb", "\x1b[0m", "\u202e", "\x00", "]]>"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max %= 1000
		got := clean(s, max)
		if !utf8.ValidString(got) {
			t.Fatalf("clean(%q) = %q: invalid UTF-8", s, got)
		}
		for _, r := range got {
			if unsafeRune(r) || r == '\n' || r == '\r' || r == '\t' {
				t.Fatalf("clean(%q) = %q: holds %U", s, got, r)
			}
		}
		if max > 0 && utf8.RuneCountInString(got) > max+1 {
			t.Fatalf("clean(%q, %d) = %q: too long", s, max, got)
		}
		esc := xmlText(s, max)
		if strings.ContainsAny(esc, `<>"'`) {
			t.Fatalf("xmlText(%q) = %q: unescaped", s, esc)
		}
	})
}
