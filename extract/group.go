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
// two content words join no group. A minSimilarity of 0 means
// DefaultSimilarity.
//
// The work is linear in the number of candidates. A candidate is compared
// only with the latest 200 groups that share a content word with it
// (found through an index of the groups by word), newest first, and with
// at most 256 of their members in all; a group takes at most 64 members.
// So no candidate costs more than 256 comparisons of two word sets,
// however alike the input, besides reading the index, whose lists hold at
// most 200 groups each. Within these bounds the groups are those of
// comparing every candidate with every member of the latest 200 groups,
// and always a candidate is like every member of the group it joins. Past
// them a claim stated very often is proposed as several groups, and a
// candidate whose comparisons run out before it reaches a group it is like
// joins the best one found so far or starts a new one.
//
// Groups are proposals: nothing is merged, and a caller keeps or drops each
// one. Groups is safe for concurrent use.
func Groups(cands []Candidate, minSimilarity float64) []Group {
	out, _ := groups(cands, minSimilarity, defaultGroupLimits)
	return out
}

// groupLimits bound the work Groups does per candidate.
type groupLimits struct {
	// window is how many of the latest groups a candidate may join.
	window int
	// comparisons is how many members a candidate is compared with in all.
	comparisons int
	// members is the most members a group takes.
	members int
}

var defaultGroupLimits = groupLimits{window: 200, comparisons: 256, members: 64}

// groups is Groups within the limits lim. It also returns how many word
// sets it compared, which the limits bound.
func groups(cands []Candidate, minSimilarity float64, lim groupLimits) ([]Group, int) {
	threshold := minSimilarity
	if threshold <= 0 {
		threshold = DefaultSimilarity
	}
	// The candidates' word sets, one after another in one array, so that
	// comparing with the members of a group reads memory close together.
	var all []uint64
	off := make([]int, len(cands)+1)
	for i, c := range cands {
		all = appendContentWords(all, c)
		off[i+1] = len(all)
	}
	set := func(i int) []uint64 { return all[off[i]:off[i+1]] }
	var (
		groups []Group
		// words holds each group's content words, the union of its
		// members', sorted.
		words [][]uint64
		// postings finds the groups by content word: the groups that hold
		// it. Groups that left the window are dropped from a list when it
		// is read.
		postings = make(map[uint64][]int32)
		// near[g] is i+1 when group g shares a word with candidate i.
		near     []int
		compared int
	)
	for i := range cands {
		a := set(i)
		if len(a) < 2 {
			continue
		}
		// Mark the groups in the window that share a word with the
		// candidate: no other can be like it.
		first := max(len(groups)-lim.window, 0)
		for _, w := range a {
			list := postings[w]
			live := list[:0]
			for _, g := range list {
				if int(g) >= first {
					live = append(live, g)
					near[g] = i + 1
				}
			}
			postings[w] = live
		}
		// Newest first; among groups alike, the newest wins.
		best, bestLow := -1, 0.0
		budget := lim.comparisons
	scan:
		for g := len(groups) - 1; g >= first; g-- {
			if near[g] != i+1 || len(groups[g].Members) >= lim.members {
				continue
			}
			low := 1.0
			for _, m := range groups[g].Members {
				if budget == 0 {
					break scan // cannot tell this group; keep the best so far
				}
				budget--
				low = min(low, similarity(a, set(m)))
				if low < threshold {
					break
				}
			}
			if low >= threshold && low > bestLow {
				best, bestLow = g, low
			}
		}
		compared += lim.comparisons - budget
		if best < 0 {
			best = len(groups)
			groups = append(groups, Group{Members: []int{i}, Similarity: 1})
			words = append(words, nil)
			near = append(near, 0)
		} else {
			groups[best].Members = append(groups[best].Members, i)
			groups[best].Similarity = min(groups[best].Similarity, bestLow)
		}
		// Index the words the group did not hold yet.
		for _, w := range a {
			if _, ok := slices.BinarySearch(words[best], w); !ok {
				postings[w] = append(postings[w], int32(best))
			}
		}
		words[best] = union(words[best], a)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Members) >= 2 {
			out = append(out, g)
		}
	}
	return out, compared
}

// union returns the sorted union of two sorted sets.
func union(a, b []uint64) []uint64 {
	out := make([]uint64, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		default:
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// appendContentWords appends to set the hashes of the lower-case content
// words of a candidate's content, without stop words, sorted and without
// repeats.
func appendContentWords(all []uint64, c Candidate) []uint64 {
	start := len(all)
	set := all
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
	slices.Sort(set[start:])
	return set[:start+len(slices.Compact(set[start:]))]
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
	if len(a)*len(b) <= 64 {
		// Small sets, the usual case: every pair, which the processor
		// runs faster than a merge whose branches it cannot predict.
		for _, x := range a {
			for _, y := range b {
				if x == y {
					n++
				}
			}
		}
		return float64(n) / float64(min(len(a), len(b)))
	}
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

var stopWords = lex.class("stopWords")
