package enumtext

// The functions below serve enum types not yet brought under [Enum]; an
// enum built on Enum needs none of them.

import "strings"

// Lookup returns the index of s in names, ignoring case and surrounding
// space; ok is false when s names none of them.
func Lookup(names []string, s string) (i int, ok bool) {
	s = strings.TrimSpace(s)
	for i, n := range names {
		if n != "" && strings.EqualFold(n, s) {
			return i, true
		}
	}
	return 0, false
}

// Valid returns the non-empty names joined by ", ", for error messages.
func Valid(names []string) string {
	var b strings.Builder
	for _, n := range names {
		if n == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}

// Name returns names[i], or fallback when i is out of range.
func Name(names []string, i int, fallback string) string {
	if i < 0 || i >= len(names) {
		return fallback
	}
	return names[i]
}
