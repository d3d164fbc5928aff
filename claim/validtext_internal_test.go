package claim

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestValidText checks validText against utf8.ValidString on strings of
// every length up to past 16 bytes, with a byte of each kind at each
// position: ASCII, a lone continuation byte, an invalid byte, and the
// start of a rune of two, three or four bytes, cut short or whole.
func TestValidText(t *testing.T) {
	tests := []struct {
		name   string
		insert string
	}{
		{name: "ascii", insert: "a"},
		{name: "continuation", insert: "\x80"},
		{name: "invalid", insert: "\xff"},
		{name: "two", insert: "é"},
		{name: "two-cut", insert: "\xc3"},
		{name: "three", insert: "€"},
		{name: "three-cut", insert: "\xe2\x82"},
		{name: "four", insert: "𝄞"},
		{name: "surrogate", insert: "\xed\xa0\x80"},
		{name: "high-ascii", insert: "\x7f"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for n := 0; n <= 20; n++ {
				for at := 0; at <= n; at++ {
					s := strings.Repeat("x", at) + tc.insert + strings.Repeat("y", n-at)
					if got, want := validText(s), utf8.ValidString(s); got != want {
						t.Errorf("validText(%q) = %v, want %v", s, got, want)
					}
				}
			}
		})
	}
}

// FuzzValidText checks that validText agrees with utf8.ValidString.
func FuzzValidText(f *testing.F) {
	for _, s := range []string{"", "a", "s12345", "quote said", "\xff", "abcdefgh\x80", "c1234567890é", strings.Repeat("z", 17) + "\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validText(s), utf8.ValidString(s); got != want {
			t.Errorf("validText(%q) = %v, want %v", s, got, want)
		}
	})
}
