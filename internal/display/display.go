// Package display makes values from a corpus safe to print to a terminal
// for people to read.
package display

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Safe returns v as it is when every rune of it prints plainly, and
// otherwise quoted with Go's escapes, so that no control character,
// escape sequence, line break, invalid byte or bidirectional override in an
// ID or a text can clear the screen, set the title, forge a line or
// reorder what a reader sees. It is linear in the length of v.
func Safe[S ~string](v S) string {
	s := string(v)
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) && r != ' ' || unicode.Is(unicode.Bidi_Control, r) {
			return strconv.Quote(s)
		}
	}
	return s
}
