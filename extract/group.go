package extract

import (
	"slices"
	"strings"
	"unicode"
)

// groupThreshold is the similarity at which two contents are proposed as
// one claim. It is set high on purpose: a missed merge costs a reviewer a
// click, a wrong one hides a claim.
const groupThreshold = 0.5

// group proposes claims: candidates whose content words overlap by at least
// groupThreshold (the overlap coefficient of their content word sets) are
// linked, and linked candidates form a group. Candidates with no content
// join no group.
func group(cands []Candidate) []Group {
	sets := make([][]uint64, len(cands))
	for i, c := range cands {
		sets[i] = contentWords(c)
	}
	parent := make([]int, len(cands))
	low := make([]float64, len(cands))
	for i := range parent {
		parent[i] = i
		low[i] = 1
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range cands {
		if len(sets[i]) < 2 {
			continue
		}
		for j := i + 1; j < len(cands) && j < i+200; j++ {
			if len(sets[j]) < 2 {
				continue
			}
			s := similarity(sets[i], sets[j])
			if s < groupThreshold {
				continue
			}
			a, b := find(i), find(j)
			if a != b {
				parent[b] = a
				low[a] = min(low[a], low[b], s)
			} else {
				low[a] = min(low[a], s)
			}
		}
	}
	members := make(map[int][]int)
	for i := range cands {
		r := find(i)
		members[r] = append(members[r], i)
	}
	var out []Group
	for r, m := range members {
		if len(m) < 2 {
			continue
		}
		out = append(out, Group{Members: m, Similarity: low[r]})
	}
	slices.SortFunc(out, func(a, b Group) int { return a.Members[0] - b.Members[0] })
	return out
}

// contentWords returns the hashes of the lower-case content words of a
// candidate's content, without stop words, sorted and without repeats.
func contentWords(c Candidate) []uint64 {
	var set []uint64
	var buf []byte
	for _, s := range c.Content {
		for f := range strings.FieldsFuncSeq(s.Exact, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			buf = appendLower(buf[:0], f)
			if len(buf) < 3 || stopWords[string(buf)] {
				continue
			}
			set = append(set, hash(stem(buf)))
		}
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// hash is FNV-1a.
func hash(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// stem cuts common English endings so that "shipping" and "shipments" and
// "shipped" meet.
func stem(w []byte) []byte {
	for _, suf := range []string{"ments", "ment", "ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && string(w[len(w)-len(suf):]) == suf {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if n := len(w); n > 4 && w[n-1] == w[n-2] {
		w = w[:n-1]
	}
	return w
}

// similarity is the overlap coefficient of two sorted sets: shared words
// over the smaller set's size.
func similarity(a, b []uint64) float64 {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(n) / float64(min(len(a), len(b)))
}

var stopWords = setOf(
	"the", "and", "for", "that", "this", "with", "from", "was", "were", "are", "has", "have",
	"had", "not", "but", "its", "his", "her", "their", "our", "they", "them", "will", "would",
	"could", "should", "may", "might", "been", "being", "any", "all", "there", "which", "who",
	"what", "when", "where", "than", "then", "into", "about", "over", "after", "before", "also",
	"can", "did", "does", "more", "most", "such", "some", "very", "said", "says", "those",
	"these", "she", "him", "you", "your", "out", "only", "own", "other", "between", "against",
)
