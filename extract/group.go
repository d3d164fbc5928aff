package extract

import (
	"math/bits"
	"slices"
)

// DefaultSimilarity is the similarity at which Groups links two candidates
// when given 0. It is set high on purpose: a missed merge costs a reviewer
// a click, a wrong one hides a claim.
const DefaultSimilarity = 0.5

// Groups proposes claims among candidates, usually one article's or several
// articles' Result.Candidates: two candidates whose content words overlap
// by at least minSimilarity (the overlap coefficient of their content word
// sets, after stop words and common endings are dropped) are linked, and
// linked candidates form a group. Candidates with fewer than two content
// words join no group, and each candidate is compared with the 200 after
// it, so the work stays linear in the number of candidates. A
// minSimilarity of 0 means DefaultSimilarity.
//
// Groups are proposals: nothing is merged, and a caller keeps or drops each
// one. Groups is safe for concurrent use.
func Groups(cands []Candidate, minSimilarity float64) []Group {
	groupThreshold := minSimilarity
	if groupThreshold <= 0 {
		groupThreshold = DefaultSimilarity
	}
	sets := make([][]uint64, len(cands))
	sigs := make([]uint64, len(cands))
	for i, c := range cands {
		sets[i] = contentWords(c)
		for _, h := range sets[i] {
			sigs[i] |= 1 << (h >> 58)
		}
	}
	parent := make([]int, len(cands))
	low := make([]float64, len(cands))
	for i := range parent {
		parent[i] = i
		low[i] = 1
	}
	find := func(i int) int {
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
			// The signatures bound the shared words from above: skip
			// pairs that cannot reach the threshold.
			need := groupThreshold * float64(min(len(sets[i]), len(sets[j])))
			if float64(bits.OnesCount64(sigs[i]&sigs[j])) < need {
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
	var buf [64]byte
	for _, s := range c.Content {
		text := s.Exact
		for i := 0; i < len(text); {
			r, n := decode(text, i)
			if !isWordRune(r) {
				i += n
				continue
			}
			j := i
			for j < len(text) {
				r, n := decode(text, j)
				if !isWordRune(r) {
					break
				}
				j += n
			}
			w := appendLower(buf[:0], text[i:j])
			i = j
			if len(w) < 3 || len(w) > len(buf) || stopWords[string(w)] {
				continue
			}
			set = append(set, hash(stem(w)))
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
