package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cues are matched in text case-insensitively, rune by rune: two runes
// match when [unicode.SimpleFold] takes one to the other (as
// strings.EqualFold compares them) and they take as many bytes, so that a
// match spans exactly len(cue) bytes of the text. Case pairs of different
// lengths (the Kelvin sign and k) are not matched, which cues in practice
// never need. Matching is Knuth-Morris-Pratt over fold keys: linear in the
// text and the cue, where comparing the cue at every offset was quadratic
// (a 500 KB corpus took 14 s).

// shortCue is the length in runes up to which a cue's tables live on the
// stack, so that checking the cues of a valid corpus allocates nothing.
const shortCue = 64

// containsFold reports whether cue occurs in s, case ignored as above; the
// empty cue occurs in every s.
func containsFold(s, cue string) bool {
	if utf8.ValidString(cue) && strings.Contains(s, cue) {
		// The cue as written, the common case: its bytes are valid
		// UTF-8, so they start on a rune boundary of s and match rune
		// by rune, as below.
		return true
	}
	found := false
	indexFold(s, cue, func(int) bool {
		found = true
		return false
	})
	return found
}

// indexFold calls yield with the byte offset of each occurrence of cue in
// s, case ignored as above, in increasing order and overlaps included,
// until yield returns false. Occurrences start on rune boundaries of s; an
// invalid byte of s matches nothing. An empty cue occurs nowhere.
func indexFold(s, cue string, yield func(i int) bool) {
	if cue == "" || len(cue) > len(s) {
		return
	}
	var keyBuf, failBuf [shortCue]int32
	n := utf8.RuneCountInString(cue)
	keys, fail := keyBuf[:0], failBuf[:0]
	if n > shortCue {
		keys, fail = make([]int32, 0, n), make([]int32, 0, n)
	}
	for i := 0; i < len(cue); {
		r, size := utf8.DecodeRuneInString(cue[i:])
		keys = append(keys, foldKey(r, size))
		i += size
	}
	// fail[q] is the length of the longest proper prefix of keys[:q+1]
	// that is also its suffix.
	fail = append(fail, 0)
	for q, k := 1, int32(0); q < len(keys); q++ {
		for k > 0 && keys[q] != keys[k] {
			k = fail[k-1]
		}
		if keys[q] == keys[k] {
			k++
		}
		fail = append(fail, k)
	}
	// starts holds the byte offsets of the last len(keys) runes read, a
	// ring, so that a match's start is known when its last rune is read.
	var startBuf [shortCue]int
	starts := startBuf[:]
	if n > shortCue {
		starts = make([]int, n)
	}
	q := int32(0)
	for i, count := 0, 0; i < len(s); count++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		key := foldKey(r, size)
		if r == utf8.RuneError && size <= 1 {
			key = -1 // an invalid byte matches no rune of a valid cue
		}
		starts[count%n] = i
		i += size
		for q > 0 && keys[q] != key {
			q = fail[q-1]
		}
		if keys[q] == key {
			q++
		}
		if int(q) == n {
			if !yield(starts[(count-n+1)%n]) {
				return
			}
			q = fail[q-1]
		}
	}
}

// foldKey is the key under which r, encoded in size bytes, matches: the
// smallest rune of its case-folding orbit, with its length in the low
// bits.
func foldKey(r rune, size int) int32 {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A' // the smallest of {a, A} is A
		}
	default:
		low := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			low = min(low, f)
		}
		r = low
	}
	return int32(r)<<3 | int32(size)
}
