package extract

import (
	"slices"
)

// DefaultSimilarity is the similarity at which Groups links two candidates
// when given 0. It is set high on purpose: a missed merge costs a reviewer
// a click, a wrong one hides a claim.
const DefaultSimilarity = 0.5

// Groups proposes claims among candidates, usually one article's or several
// articles' Result.Candidates. A candidate joins a group only when its
// content words overlap with every member's by at least minSimilarity (the
// overlap coefficient of their content word sets, after stop words and
// common endings are dropped), so groups never chain from one topic to
// another; it joins the group it is most like. Candidates with fewer than
// two content words join no group, and each candidate is compared with the
// latest 200 groups only, so the work stays linear in the number of
// candidates. A minSimilarity of 0 means DefaultSimilarity.
//
// Groups are proposals: nothing is merged, and a caller keeps or drops each
// one. Groups is safe for concurrent use.
func Groups(cands []Candidate, minSimilarity float64) []Group {
	threshold := minSimilarity
	if threshold <= 0 {
		threshold = DefaultSimilarity
	}
	sets := make([][]uint64, len(cands))
	for i, c := range cands {
		sets[i] = contentWords(c)
	}
	var groups []Group
	for i := range cands {
		if len(sets[i]) < 2 {
			continue
		}
		best, bestLow := -1, 0.0
		for g := len(groups) - 1; g >= 0 && g >= len(groups)-200; g-- {
			low := 1.0
			for _, m := range groups[g].Members {
				low = min(low, similarity(sets[i], sets[m]))
				if low < threshold {
					break
				}
			}
			if low >= threshold && low > bestLow {
				best, bestLow = g, low
			}
		}
		if best < 0 {
			groups = append(groups, Group{Members: []int{i}, Similarity: 1})
			continue
		}
		groups[best].Members = append(groups[best].Members, i)
		groups[best].Similarity = min(groups[best].Similarity, bestLow)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Members) >= 2 {
			out = append(out, g)
		}
	}
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
