// Package claimid makes the ID of a claim worded by a person, as the review
// desk and the terminal review both do, so that the two give one claim the
// same ID.
package claimid

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
)

// MaxWords bounds the words of a claim's wording that its ID is made of,
// and MaxBytes the ID's length, suffix included.
const (
	MaxWords = 6
	MaxBytes = 64
)

// New makes a new claim's ID from the first words of its wording, lower
// case, joined by hyphens ("norland-ships-shells"): at most MaxWords words
// and MaxBytes bytes, cut after the last whole word that fits (a first word
// longer than that is cut at a character), with "-2", "-3", ... after it
// while taken reports the ID as held, the words cut so that the suffix fits
// in MaxBytes too. A wording without letters or digits gives "claim". It is
// linear in the wording, plus one call of taken per suffix tried.
func New(text string, taken func(claim.ID) bool) claim.ID {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	words = words[:min(len(words), MaxWords)]
	id := claim.ID(base(words, MaxBytes))
	for n := 2; taken(id); n++ {
		suffix := "-" + strconv.Itoa(n)
		id = claim.ID(base(words, MaxBytes-len(suffix)) + suffix)
	}
	return id
}

// base joins words with hyphens in at most n bytes, as New says, or gives
// "claim" when there are none.
func base(words []string, n int) string {
	b := ""
	for _, w := range words {
		if b == "" {
			b = cutUTF8(w, n)
			continue
		}
		if len(b)+1+len(w) > n {
			break
		}
		b += "-" + w
	}
	if b == "" {
		b = "claim"
	}
	return b
}

// cutUTF8 returns the longest prefix of s of at most n bytes that ends
// between two characters.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
