package extract

// The fast paths of this package that stand in for slower library calls,
// each held to the call it replaces.

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/source"
)

// TestNormalize holds normalize's ASCII path to source.Normalize: on named
// cases, on every string of up to two ASCII bytes, and on text outside
// ASCII, which normalize hands to source.Normalize.
func TestNormalize(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty", ""},
		{"plain", "Dmitry Peskov"},
		{"the", "The Ministry of Defence"},
		{"the-the", "the the the"},
		{"only-the", "the"},
		{"the-space", "the "},
		{"punct", "U.S. State Department's  spokesman"},
		{"separators", "Al-Shabaab_x/y\tz\r\nw"},
		{"leading-space", "  - the  Kremlin -"},
		{"digits", "G7 and the 1st Army"},
		{"diacritics", "Hà Nội's P'yŏngyang"},
		{"mixed", "The Café, the bar"},
		{"long", "a very long name of a source that runs past sixty-four bytes of buffer space, surely"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, source.Normalize(tc.in), normalize(tc.in))
		})
	}
	for a := range 128 {
		for b := range 129 {
			in := string(rune(a))
			if b < 128 {
				in += string(rune(b))
			}
			if got, want := normalize(in), source.Normalize(in); got != want {
				t.Errorf("normalize(%q) = %q, source.Normalize gives %q", in, got, want)
			}
		}
	}
}

// FuzzNormalize checks normalize against source.Normalize on any text.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"The Kremlin", "the the x", "U.S.-led", "Hà Nội", "a\tb/c_d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if got, want := normalize(in), source.Normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, source.Normalize gives %q", in, got, want)
		}
	})
}

// TestLabelEnd holds labelEnd to strings.IndexAny, including dashes cut
// short at the end of the string.
func TestLabelEnd(t *testing.T) {
	for _, s := range []string{"", "Read more: x", "a|b", "re-run", "Watch – now", "Watch — now", "no label here", "cut \xe2\x80", "cut \xe2", "é: x", "‒ figure dash"} {
		assert.Equal(t, strings.IndexAny(s, ":|-–—"), labelEnd(s), "labelEnd(%q)", s)
	}
}

// TestLineEnd holds lineEnd to strings.IndexAny.
func TestLineEnd(t *testing.T) {
	for _, s := range []string{"", "a", "a\nb", "a\r\nb", "a\rb\nc", "ab\n\rc", "\n", "\r", "no break"} {
		assert.Equal(t, strings.IndexAny(s, "\r\n"), lineEnd(s), "lineEnd(%q)", s)
	}
}

// TestHearKeepsLatest checks that recent, bounded by hear, still ends with
// the latest carryBack speakers in order, which are all carry reads.
func TestHearKeepsLatest(t *testing.T) {
	var s speakers
	for i := range 3*maxRecent + 5 {
		s.hear(heard{id: source.ID(strconv.Itoa(i))})
		assert.LessOrEqual(t, len(s.recent), maxRecent)
		for k := range min(i+1, carryBack) {
			assert.Equal(t, source.ID(strconv.Itoa(i-k)), s.recent[len(s.recent)-1-k].id)
		}
	}
}
