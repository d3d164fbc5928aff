package display_test

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/internal/display"
)

func TestSafe(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "kp-shells-2022", "kp-shells-2022"},
		{"spaces-and-accents", "Pyeongyang P'yŏngyang", "Pyeongyang P'yŏngyang"},
		{"empty", "", ""},
		{"clear-screen", "\x1b[2J", `"\x1b[2J"`},
		{"title", "\x1b]0;x\x07", `"\x1b]0;x\a"`},
		{"carriage-return", "a\rFAKE", `"a\rFAKE"`},
		{"newline", "a\nb", `"a\nb"`},
		{"right-to-left-override", "\u202eevil", `"\u202eevil"`},
		{"isolate", "\u2066x\u2069", `"\u2066x\u2069"`},
		{"nul", "a\x00", `"a\x00"`},
		{"invalid-utf8", "a\xff", `"a\xff"`},
		{"tab", "a\tb", `"a\tb"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, display.Safe(tc.in))
		})
	}
}

func TestScrub(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Norland's <b>denial</b>", "Norland's <b>denial</b>"},
		{"empty", "", ""},
		{"layout-kept", "line one\n\tline two\r\n", "line one\n\tline two\r\n"},
		{"escape", "\x1b[31mred", "\ufffd[31mred"},
		{"nul", "a\x00b", "a\ufffdb"},
		{"right-to-left-override", "\u202eevil\u202c", "\ufffdevil\ufffd"},
		{"isolates-and-marks", "\u2066x\u2069\u200e\u200f\u061c", "\ufffdx\ufffd\ufffd\ufffd\ufffd"},
		{"c1-control", "a\u0085b\u009bc", "a\ufffdb\ufffdc"},
		{"noncharacters", "a\ufdd0\uffff\U0001fffe", "a\ufffd\ufffd\ufffd"},
		{"invalid-utf8", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"replacement-kept", "a\ufffdb", "a\ufffdb"},
		{"accents-and-scripts", "P'yŏngyang, Пхеньян, 平壤, بيونغ يانغ", "P'yŏngyang, Пхеньян, 平壤, بيونغ يانغ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, display.Scrub(tc.in))
		})
	}
}

// FuzzScrub checks that Scrub's output is valid UTF-8 with no rune Unsafe
// reports besides layout, that scrubbing again changes nothing, and that
// text with nothing to replace comes back as it was.
func FuzzScrub(f *testing.F) {
	for _, seed := range []string{"", "plain", "\x1b[2J\u202e", "a\xff\n\t", "\ufdd0\uffff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := display.Scrub(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Scrub(%q) = %q: invalid UTF-8", in, out)
		}
		for _, r := range out {
			if display.Unsafe(r) && r != '\t' && r != '\n' && r != '\r' {
				t.Fatalf("Scrub(%q) = %q keeps %U", in, out, r)
			}
		}
		if again := display.Scrub(out); again != out {
			t.Fatalf("Scrub is not idempotent: %q then %q", out, again)
		}
		if utf8.RuneCountInString(out) != utf8.RuneCountInString(in) && utf8.ValidString(in) {
			t.Fatalf("Scrub(%q) = %q changed the number of runes", in, out)
		}
	})
}
