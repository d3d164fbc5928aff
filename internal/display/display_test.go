package display_test

import (
	"testing"

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
