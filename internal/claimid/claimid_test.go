package claimid

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
)

func TestNew(t *testing.T) {
	long := strings.Repeat("é", 40) // 80 bytes, one word
	for _, tc := range []struct {
		name, text string
		taken      []claim.ID
		want       claim.ID
	}{
		{"words", "Norland ships shells, by rail!", nil, "norland-ships-shells-by-rail"},
		{"six-words", "one two three four five six seven", nil, "one-two-three-four-five-six"},
		{"no-letters", "?!", nil, "claim"},
		{"suffix", "Trains run at night", []claim.ID{"trains-run-at-night"}, "trains-run-at-night-2"},
		{"suffix-3", "?", []claim.ID{"claim", "claim-2"}, "claim-3"},
		{"long-word", long, nil, claim.ID(strings.Repeat("é", 32))},
		{"long-word-suffix", long, []claim.ID{claim.ID(strings.Repeat("é", 32))}, claim.ID(strings.Repeat("é", 31) + "-2")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			taken := map[claim.ID]bool{}
			for _, id := range tc.taken {
				taken[id] = true
			}
			got := New(tc.text, func(id claim.ID) bool { return taken[id] })
			assert.Equal(t, tc.want, got)
			assert.LessOrEqual(t, len(got), MaxBytes)
			assert.True(t, utf8.ValidString(string(got)))
		})
	}
}
