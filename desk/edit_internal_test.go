package desk

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

func TestClaimID(t *testing.T) {
	taken := map[claim.ID]bool{"norland-ships-shells": true, "norland-ships-shells-2": true,
		claim.ID(strings.Repeat("d", 64)): true, claim.ID(strings.Repeat("e", 30) + "-" + strings.Repeat("f", 33)): true,
		claim.ID(strings.Repeat("ü", 32)): true}
	for _, tc := range []struct {
		name, text string
		want       claim.ID
	}{
		{"words", "Norland ships shells", "norland-ships-shells-3"},
		{"punctuation", "  Trains, at night!  ", "trains-at-night"},
		{"long", "one two three four five six seven eight", "one-two-three-four-five-six"},
		{"no-words", "!!! ???", "claim"},
		{"letters-of-any-script", "Ñandú über ÉLAN", "ñandú-über-élan"},
		{"long-words", strings.Repeat("a", 30) + " " + strings.Repeat("b", 30) + " " + strings.Repeat("c", 30),
			claim.ID(strings.Repeat("a", 30) + "-" + strings.Repeat("b", 30))},
		{"one-long-word", strings.Repeat("é", 100), claim.ID(strings.Repeat("é", 32))},
		{"one-long-word-odd", "x" + strings.Repeat("é", 100), claim.ID("x" + strings.Repeat("é", 31))},
		{"long-word-taken", strings.Repeat("d", 70), claim.ID(strings.Repeat("d", 62) + "-2")},
		{"long-id-taken-cut-at-word", strings.Repeat("e", 30) + " " + strings.Repeat("f", 33), claim.ID(strings.Repeat("e", 30) + "-2")},
		{"long-id-taken-cut-in-rune", strings.Repeat("ü", 40), claim.ID(strings.Repeat("ü", 31) + "-2")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, claimID(tc.text, func(id claim.ID) bool { return taken[id] }))
		})
	}
}

// FuzzApplyEdit checks that no edit form makes the desk panic, and that
// an edit it takes gives an accept decision that Check takes, with the
// values it names: a valid act, factuality and date, and for a new claim
// its text and an ID of at most maxIDBytes bytes that no claim has.
func FuzzApplyEdit(f *testing.F) {
	f.Add("eastria", "deny", "PR-", "2025-02", "", "")
	f.Add("Southvale's government", "", "", "", "shipments", "")
	f.Add("new:x@a1", "accuse", "CT+", "2025-03-14", "", "Trains run at night")
	f.Add("nobody", "shout", "XX", "2025-02-30", "a", "b")
	f.Add("", "", "", "", "", "\u202e<script>")
	f.Fuzz(func(t *testing.T, speaker, act, factuality, said, other, newClaim string) {
		e := edit{speaker: speaker, act: act, factuality: factuality, said: said, other: other, newClaim: newClaim}
		d := story.Decision{Kind: story.KindAccept, Key: "a1#1:00000000", By: "tester"}
		resolve := func(s string) (source.ID, bool) {
			return source.ID(strings.ToLower(s)), s == "eastria" || s == "Eastria"
		}
		err := applyEdit(&d, e, resolve, func(id claim.ID) bool { return id == "taken" })
		if err != nil {
			assert.NotEmpty(t, err.Error())
			return
		}
		assert.NoError(t, d.Check())
		assert.True(t, d.Act == claim.ActUnknown || d.Act.IsValid())
		if d.Factuality != nil {
			assert.True(t, d.Factuality.IsValid())
		}
		if e.said != "" {
			assert.True(t, d.Said.IsValid())
		}
		if e.newClaim == "" || e.other != "" {
			assert.Empty(t, d.Text)
			return
		}
		assert.Equal(t, newClaim, d.Text)
		assert.NotEqual(t, claim.ID("taken"), d.Claim)
		assert.LessOrEqual(t, len(d.Claim), maxIDBytes)
		assert.True(t, utf8.ValidString(string(d.Claim)))
		for _, r := range d.Text {
			assert.False(t, unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r), "%q kept", r)
		}
	})
}

// TestEditErrorBounded checks that an edit's error quotes each value the
// form sent as an excerpt, however long it is.
func TestEditErrorBounded(t *testing.T) {
	long := strings.Repeat("Norland ships shells by rail ", 2000)
	for _, e := range []edit{
		{other: long, newClaim: "Trains run at night"},
		{other: "shipments", newClaim: long},
		{speaker: long},
		{act: long},
		{factuality: long},
		{said: long},
		{newClaim: long},
	} {
		d := story.Decision{Kind: story.KindAccept, Key: "a1#1:00000000"}
		err := applyEdit(&d, e, func(string) (source.ID, bool) { return "", false }, func(claim.ID) bool { return false })
		if assert.Error(t, err) {
			assert.Less(t, len(err.Error()), 400, "%.80s", err.Error())
		}
	}
}
