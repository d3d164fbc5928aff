package extract

import (
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
