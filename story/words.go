package story

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords are the words too common in news copy to say what a claim is
// about. They are left out of claim matching; reprint shingles keep them,
// since word order is what tells a copy from a paraphrase.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a an the and or but of to in on at by for with from as
		into onto over under about after before than then that this these those there here
		is are was were be been being am has have had having do does did done not no nor
		it its it's he she they them their his her him we us our you your i me my
		will would shall should can could may might must also only just very more most
		said says say saying told tells according which who whom whose what when where why how
		if so such any all some each every other another one two three new last year years
		week month day today yesterday monday tuesday wednesday thursday friday saturday sunday
		up down out off again further once both few own same too s t`) {
		m[w] = true
	}
	return m
}()

// words calls f with each word of text, lower-cased, in order: a word is a
// run of letters and digits, apostrophes inside it kept. Invalid UTF-8 is
// read as U+FFFD, which is no letter, so it splits words. The work is linear
// in len(text); a word already in lower case in ASCII is a substring of
// text, and costs no allocation.
func words(text string, f func(w string)) {
	var buf []byte
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.TrimRight(text[start:end], "'’")
		start = -1
		if w == "" {
			return
		}
		buf = buf[:0]
		ascii, lower := true, true
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= w[i] && w[i] <= 'Z' {
				lower = false
			}
		}
		switch {
		case ascii && lower:
			f(w)
			return
		case ascii:
			for i := 0; i < len(w); i++ {
				c := w[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
		default:
			for _, r := range w {
				if r == '’' {
					r = '\''
				}
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
		}
		f(string(buf))
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’') && start >= 0:
			// an apostrophe inside a word ("Moscow's") stays with it
		default:
			flush(i)
		}
	}
	flush(len(text))
}

// stem drops the commonest English endings so that "denies", "denied" and
// "deny" meet; it is deliberately crude: matching only proposes.
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	for _, suf := range []string{"ing", "ies", "ied", "es", "ed", "s", "y"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// contentWords returns the distinct stemmed content words of text, in order
// of first occurrence, at most limit of them (0: no limit). Linear in
// len(text).
func contentWords(text string, limit int) []string {
	var out []string
	var seen map[string]bool // once out is too long to search
	words(text, func(w string) {
		if limit > 0 && len(out) >= limit {
			return
		}
		if stopWords[w] || len(w) < 2 {
			return
		}
		s := stem(w)
		switch {
		case seen != nil:
			if seen[s] {
				return
			}
			seen[s] = true
		case slices.Contains(out, s):
			return
		case len(out) == 16:
			seen = make(map[string]bool, 2*len(out))
			for _, o := range out {
				seen[o] = true
			}
			seen[s] = true
		}
		out = append(out, s)
	})
	return out
}
