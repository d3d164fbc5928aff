// Package display makes values from a corpus safe to show people: quoted
// for a terminal (Safe), and with the runes that could deceive a reader
// replaced for pages and pictures (Unsafe, Scrub).
package display

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unsafe reports whether r must not reach a reader as it is: a control
// character (NUL and ESC among them, line breaks and tabs too), one of the
// bidirectional controls that reorder what a reader sees (U+061C, U+200E,
// U+200F, U+202A-U+202E, U+2066-U+2069), or a noncharacter. The SVG
// pictures, the desk's pages and the HTML the command writes replace each
// with U+FFFD.
func Unsafe(r rune) bool {
	switch {
	case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r):
		return true
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		return true
	}
	return false
}

// Scrub returns s with every invalid byte and every rune Unsafe reports,
// other than the line breaks and tabs that lay out a page (\t, \n, \r),
// replaced by U+FFFD, so that an HTML page built from a corpus shows where
// such a rune was rather than letting it reorder or hide text. Markup
// escaping is not its job: html/template does that. It returns s itself
// when nothing needs replacing, and is linear in the length of s.
func Scrub(s string) string {
	i := scrubFrom(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || Unsafe(r) && !layout(r) {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// scrubFrom returns the offset of the first byte Scrub replaces, or len(s).
func scrubFrom(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || Unsafe(r) && !layout(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// layout reports the control characters a page keeps: tab and line breaks.
func layout(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }

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
