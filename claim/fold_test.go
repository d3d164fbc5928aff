package claim

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
)

// indexFoldRef is the slow, obvious form of indexFold: the cue compared
// at every rune boundary of s with matchFoldAt.
func indexFoldRef(s, cue string) []int {
	var out []int
	for i := 0; i < len(s); {
		if matchFoldAt(s, i, cue) {
			out = append(out, i)
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return out
}

// matchFoldAt reports whether cue occurs in s at i, compared rune by rune,
// each pair of runes with strings.EqualFold and of the same length; an
// invalid byte matches nothing, and an empty cue occurs nowhere.
func matchFoldAt(s string, i int, cue string) bool {
	if cue == "" || !onBoundary(s, i) {
		return false
	}
	j := i
	for _, c := range cue {
		if j >= len(s) {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError && size <= 1 || size != utf8.RuneLen(c) || !strings.EqualFold(string(r), string(c)) {
			return false
		}
		j += size
	}
	return true
}

func indexFoldAll(s, cue string) []int {
	var out []int
	indexFold(s, cue, func(i int) bool {
		out = append(out, i)
		return true
	})
	return out
}

func TestIndexFold(t *testing.T) {
	tests := []struct {
		name   string
		s, cue string
		want   []int
	}{
		{name: "plain", s: "Kim denied it", cue: "denied", want: []int{4}},
		{name: "case", s: "Kim DENIED it", cue: "Denied", want: []int{4}},
		{name: "overlapping", s: "aaaa", cue: "aa", want: []int{0, 1, 2}},
		{name: "none", s: "Kim said it", cue: "denied"},
		{name: "empty-cue", s: "Kim", cue: ""},
		{name: "longer-cue", s: "Kim", cue: "Kimberly"},
		{name: "accented", s: "il a DÉMENTI", cue: "démenti", want: []int{5}},
		{name: "greek-sigma", s: "ΣΊΣΥΦΟΣ", cue: "σίσυφος", want: []int{0}},
		{name: "long-s", s: "ſtate", cue: "state"},  // ſ is two bytes, s one
		{name: "kelvin", s: "\u212Aim", cue: "kim"}, // the Kelvin sign is three bytes
		{name: "invalid-byte", s: "de\xffnied denied", cue: "denied", want: []int{8}},
		{name: "replacement-char", s: "a\xffb", cue: "a\uFFFDb"},
		{name: "partial-prefix", s: "dedenied", cue: "denied", want: []int{2}},
		{name: "periodic", s: "abababac", cue: "ababac", want: []int{2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, indexFoldAll(tc.s, tc.cue)); diff != "" {
				t.Errorf("indexFold(%q, %q) mismatch (-want +got):\n%s", tc.s, tc.cue, diff)
			}
			if diff := cmp.Diff(tc.want, indexFoldRef(tc.s, tc.cue)); diff != "" {
				t.Errorf("indexFoldRef(%q, %q) mismatch (-want +got):\n%s", tc.s, tc.cue, diff)
			}
			assert.Equal(t, len(tc.want) > 0 || tc.cue == "", containsFold(tc.s, tc.cue))
		})
	}
}

// TestIndexFoldLong checks cues longer than the tables kept on the stack,
// and that the work stays linear: a 250,000-rune span and a 125,001-rune
// cue that matches almost everywhere took 27 s when the cue was compared
// at every offset.
func TestIndexFoldLong(t *testing.T) {
	s := strings.Repeat("a", 250_000)
	cue := strings.Repeat("A", 125_000) + "b"
	assert.False(t, containsFold(s, cue))
	assert.True(t, containsFold(s+"B", cue))
	allocs := testing.AllocsPerRun(1, func() { containsFold(s, cue) })
	assert.LessOrEqual(t, allocs, 4.0, "allocations of containsFold with a long cue")
	short := testing.AllocsPerRun(10, func() { containsFold(s, "aab") })
	assert.Zero(t, short, "allocations of containsFold with a short cue")
}

func FuzzIndexFold(f *testing.F) {
	for _, seed := range [][2]string{
		{"Kim denied it", "DENIED"}, {"aaaa", "aa"}, {"ΣΊΣΥΦΟΣ", "σίσυφος"}, {"ſtate", "state"},
		{"\u212Aim", "kim"}, {"de\xffnied", "denied"}, {"abababac", "ababac"}, {strings.Repeat("ab", 40) + "c", strings.Repeat("AB", 33) + "C"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, s, cue string) {
		if !utf8.ValidString(cue) {
			return // cues are checked for UTF-8 first
		}
		got, want := indexFoldAll(s, cue), indexFoldRef(s, cue)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("indexFold(%q, %q) mismatch with the reference (-want +got):\n%s", s, cue, diff)
		}
		for _, i := range got {
			if !strings.EqualFold(s[i:i+len(cue)], cue) {
				t.Fatalf("indexFold(%q, %q) found %d, where the text is %q", s, cue, i, s[i:i+len(cue)])
			}
		}
		// containsFold takes a short cut when the cue stands as written.
		if found := containsFold(s, cue); found != (cue == "" || len(want) > 0) {
			t.Fatalf("containsFold(%q, %q) = %v, indexFold found %v", s, cue, found, want)
		}
	})
}
