package main

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// FuzzReadEdit reads any values typed into the edit form: it never
// panics; a value read gives a valid act, factuality or date that prints
// back as a value read alike; a value refused is named, quoted, with its
// field, and the values after it are not read.
func FuzzReadEdit(f *testing.F) {
	for _, seed := range [][nFields]string{
		{"", "", "", ""},
		{"Westmark", "deny", "CT-", "2025-03"},
		{"new:ministry@plain", "Decline", "certain negates", "2025-03-14"},
		{"nobody", "shout", "PR", "2025-02-30"},
		{" westmark ", "unknown", "Uu", "2025-03-14T10:00:00Z"},
		{"\x1b[2J", "\u202edeny", "CT+\x00", "\xff"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	known := map[string]source.ID{"westmark": "westmark", "new:ministry@plain": "new:ministry@plain"}
	resolve := func(v string) (source.ID, bool) { id, ok := known[strings.ToLower(v)]; return id, ok }
	f.Fuzz(func(t *testing.T, speaker, act, fact, said string) {
		values := [nFields]string{speaker, act, fact, said}
		d, edited, bad, msg := readEdit(values, resolve)
		given := false
		for _, v := range values {
			given = given || strings.TrimSpace(v) != ""
		}
		assert.Equal(t, given, edited)
		if msg != "" {
			v := strings.TrimSpace(values[bad])
			assert.Contains(t, msg, "the "+fieldNames[bad]+" "+strconv.Quote(v))
			assert.Zero(t, d.Speaker)
			return
		}
		if d.Act != claim.ActUnknown {
			require.True(t, d.Act.IsValid())
			again, err := claim.ParseAct(d.Act.String())
			require.NoError(t, err)
			assert.Equal(t, d.Act, again)
		}
		if d.Factuality != nil {
			require.True(t, d.Factuality.IsValid())
			again, err := claim.ParseFactuality(d.Factuality.String())
			require.NoError(t, err)
			assert.Equal(t, *d.Factuality, again)
		}
		if d.Said.IsValid() {
			again, err := claim.ParseDate(d.Said.String())
			require.NoError(t, err)
			assert.True(t, d.Said.Equal(again))
		}
		assert.Equal(t, strings.TrimSpace(speaker) != "", d.Speaker != "")
	})
}

// FuzzClaimID makes IDs from any wording: never empty, at most 64 bytes
// with its suffix, valid UTF-8, lower case letters, digits and hyphens,
// and never one that is taken.
func FuzzClaimID(f *testing.F) {
	for _, seed := range []string{"Norland ships shells", "", "!!!", "Ünïcode wörds are kept", strings.Repeat("word ", 40), strings.Repeat("x", 200), "shipments"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		taken := map[claim.ID]bool{"shipments": true, "claim": true, "claim-2": true}
		id := claimID(text, func(id claim.ID) bool { return taken[id] })
		assert.NotEmpty(t, id)
		assert.False(t, taken[id])
		assert.LessOrEqual(t, len(id), 64)
		assert.True(t, utf8.ValidString(string(id)))
		assert.Equal(t, strings.ToLower(string(id)), string(id))
		assert.False(t, strings.HasPrefix(string(id), "-") || strings.HasSuffix(string(id), "-"))
	})
}

// TestClaimID checks the IDs the review makes for new claims: the desk's
// (see package desk): a first word too long is cut at a character rather
// than dropped, and a suffix stays within 64 bytes, the words cut for it.
func TestClaimID(t *testing.T) {
	taken := map[claim.ID]bool{"shipments": true, claim.ID(strings.Repeat("d", 64)): true,
		claim.ID(strings.Repeat("e", 30) + "-" + strings.Repeat("f", 33)): true}
	for _, tc := range []struct {
		name, text string
		want       claim.ID
	}{
		{"words", "Norland ships shells, by rail!", "norland-ships-shells-by-rail"},
		{"taken", "Shipments", "shipments-2"},
		{"no-words", "!!!", "claim"},
		{"one-long-word", strings.Repeat("é", 100), claim.ID(strings.Repeat("é", 32))},
		{"long-word-taken", strings.Repeat("d", 70), claim.ID(strings.Repeat("d", 62) + "-2")},
		{"long-id-taken", strings.Repeat("e", 30) + " " + strings.Repeat("f", 33), claim.ID(strings.Repeat("e", 30) + "-2")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, claimID(tc.text, func(id claim.ID) bool { return taken[id] }))
		})
	}
}
