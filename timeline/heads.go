package timeline

import (
	"slices"

	"github.com/claimtrail/claimtrail/claim"
)

// A claim at the top of a long chain can inherit agreeing affirmations
// from thousands of sources, each of which affirms it alike from its first
// word on: a uniform source (see effWalk.effective). Hearing the first word
// of each costs the claim as much as it has sources, and along a chain
// whose claims are each affirmed by a source of their own that adds up to
// the square of the chain's length. But the status of a claim reads its
// tallies only through a few thresholds, and a uniform source's word only
// ever adds to them, for good: the claim's status depends on the uniform
// sources only through the first of them, the first that confirms the
// claim, and the first of each of the first Rules.Corroboration roots that
// corroborate it. Every later one leaves the status as it was. So when a
// claim inherits words from many sources, Build hears of the uniform ones
// only those that can move its status, found in the bag's heads below, and
// leaves the claim's changes, which name every new source, to be worked out
// when they are read (see replay.go).
//
// The heads are binary heaps of (source, first rank) kept beside a bag's
// sources. An entry is current while its source is in the bag, its words
// still share one factuality, and its first rank is the one in the entry;
// entries that are no longer current are dropped when they come to the top.

// manySources is the number of sources a claim must inherit agreeing
// affirmations from, in bulk, for Build to hear only those uniform sources
// that can move its status.
const manySources = 64

// bagHeads orders the uniform candidates of a bag by their first rank.
type bagHeads struct {
	all   []srcRank           // every source whose words share one factuality
	corr  rootHeap            // those that corroborate a claim none of whose parties is their root
	inv   rootHeap            // investigators' certain words
	named map[int32][]srcRank // per root, named sources' certain words
}

// rootHeap orders roots by the first rank of their sources in per; roots
// holds (root, rank) entries, src standing for the root.
type rootHeap struct {
	roots []srcRank
	per   map[int32][]srcRank
}

func (h *rootHeap) push(root int32, x srcRank) {
	if h.per == nil {
		h.per = make(map[int32][]srcRank)
	}
	h.per[root] = heapPush(h.per[root], x)
	h.roots = heapPush(h.roots, srcRank{root, x.rank})
}

func (h *rootHeap) clone() rootHeap {
	c := rootHeap{roots: slices.Clone(h.roots)}
	if h.per != nil {
		c.per = make(map[int32][]srcRank, len(h.per))
		for r, p := range h.per {
			c.per[r] = slices.Clone(p)
		}
	}
	return c
}

func (h *bagHeads) clone() *bagHeads {
	c := &bagHeads{all: slices.Clone(h.all), corr: h.corr.clone(), inv: h.inv.clone()}
	if h.named != nil {
		c.named = make(map[int32][]srcRank, len(h.named))
		for r, p := range h.named {
			c.named[r] = slices.Clone(p)
		}
	}
	return c
}

// headInfo is what the heads need to know of sources and rules.
type headInfo struct {
	srcs  *sourceTable
	rules Rules
}

// push records that src, whose words in the bag share one factuality,
// now has sb.first as its first rank.
func (h *bagHeads) push(in *headInfo, src int32, sb *srcBag) {
	x := srcRank{src, sb.first}
	h.all = heapPush(h.all, x)
	st := in.srcs
	root := st.root[src]
	if sb.cert >= claim.CertaintyProbable && !st.absent[src] && !st.floating[src] &&
		(!in.rules.ExcludeUnnamed || !st.anonymous[src]) {
		h.corr.push(root, x)
	}
	if sb.cert == claim.CertaintyCertain && !st.anonymous[src] {
		if h.named == nil {
			h.named = make(map[int32][]srcRank)
		}
		h.named[root] = heapPush(h.named[root], x)
		if st.investigator[src] {
			h.inv.push(root, x)
		}
	}
}

// current reports whether the entry x still stands for its source in bag.
func (bag *keyBag) current(x srcRank) bool {
	sb := bag.srcs[x.src]
	return sb != nil && !sb.mixed && sb.first == x.rank
}

// headQuery holds the scratch space of the queries on a bag's heads.
type headQuery struct {
	stash, rootStash []srcRank
	pins             []int32
}

// first returns the current entry of *h with the smallest rank whose
// source is not skipped, and leaves *h holding every current entry it
// held.
func (q *headQuery) first(bag *keyBag, h *[]srcRank, skip func(int32) bool) (srcRank, bool) {
	q.stash = q.stash[:0]
	var found srcRank
	ok := false
	for len(*h) > 0 {
		var x srcRank
		x, *h = heapPop(*h)
		if !bag.current(x) {
			continue
		}
		q.stash = append(q.stash, x)
		if !skip(x.src) {
			found, ok = x, true
			break
		}
	}
	for _, x := range q.stash {
		*h = heapPush(*h, x)
	}
	return found, ok
}

// roots calls take with the first source not skipped of each root of h,
// roots in the order of their sources' first ranks, leaving out the roots
// left out by skipRoot, until enough reports that the roots yet to come,
// whose sources all come at or after the given rank, are not needed.
func (q *headQuery) roots(bag *keyBag, h *rootHeap, skipRoot func(int32) bool, skip func(int32) bool,
	enough func(next int32) bool, take func(srcRank)) {
	q.rootStash = q.rootStash[:0]
	for len(h.roots) > 0 && !enough(h.roots[0].rank) {
		var top srcRank
		top, h.roots = heapPop(h.roots)
		per := h.per[top.src]
		for len(per) > 0 && !bag.current(per[0]) {
			_, per = heapPop(per)
		}
		h.per[top.src] = per
		switch {
		case len(per) == 0:
			continue
		case per[0].rank > top.rank:
			// The root's first source left or moved: the root comes later.
			h.roots = heapPush(h.roots, srcRank{top.src, per[0].rank})
			continue
		case per[0].rank < top.rank:
			// A later entry of a root whose first entry is in the heap, or
			// was taken.
			continue
		}
		q.rootStash = append(q.rootStash, top)
		if skipRoot(top.src) {
			continue
		}
		if x, ok := q.first(bag, &per, skip); ok {
			take(x)
		}
		h.per[top.src] = per
	}
	for _, x := range q.rootStash {
		h.roots = heapPush(h.roots, x)
	}
}

// movers returns the sources of bag whose words share one factuality, that
// skip leaves in, and that can move the status of claim c: the first of
// them, the first that confirms c, and the first of each root among the
// first Rules.Corroboration roots that corroborate c. It may return more,
// each once; marked marks those taken, with stamp[src] == mark.
func (q *headQuery) movers(b *builder, bag *keyBag, c int32, skip func(int32) bool, stamp []int32, mark int32, out []int32) []int32 {
	h := bag.heads
	srcs := &b.t.srcs
	take := func(x srcRank) bool {
		if stamp[x.src] == mark {
			return false
		}
		stamp[x.src] = mark
		out = append(out, x.src)
		return true
	}
	if x, ok := q.first(bag, &h.all, skip); ok {
		take(x)
	}
	// Confirmation: a certain word of a named source on the accused side,
	// or of an investigator that is none of the claim's actors.
	for _, r := range srcs.accused[c] {
		if p := h.named[r]; p != nil {
			if x, ok := q.first(bag, &p, skip); ok {
				take(x)
			}
			h.named[r] = p
		}
	}
	best := int32(-1)
	inActors := func(r int32) bool { return slices.Contains(srcs.actors[c], r) }
	q.roots(bag, &h.inv, inActors, skip,
		func(next int32) bool { return best >= 0 && next > best },
		func(x srcRank) {
			take(x)
			if best < 0 || x.rank < best {
				best = x.rank
			}
		})
	// Corroboration: the first source of each of the first roots, by the
	// first rank of a source not skipped; a root whose first sources are
	// skipped can come later than its place in the heap.
	want := b.t.rules.corroboration()
	q.pins = q.pins[:0]
	inParties := func(r int32) bool { return slices.Contains(srcs.parties[c], r) }
	q.roots(bag, &h.corr, inParties, skip,
		func(next int32) bool { return len(q.pins) >= want && next > q.pins[want-1] },
		func(x srcRank) {
			if take(x) {
				i, _ := slices.BinarySearch(q.pins, x.rank)
				q.pins = slices.Insert(q.pins, i, x.rank)
			}
		})
	return out
}
