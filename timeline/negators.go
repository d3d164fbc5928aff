package timeline

import (
	"math"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
)

// A claim at the narrow end of a long chain can inherit denials from
// thousands of down-only sources, one for each broader claim when each is
// denied by a source of its own; hearing the first that counts of each
// costs the claim as much as it has sources, and the chain the square of
// its length. But a uniform negator (see downs.go) moves the tallies that
// the status rules read only one way, for good, from the first of its
// words that counts on: it adds a negation, and, when it is an
// investigator speaking with certainty that is none of the claim's
// actors, a refutation. The status reads those tallies only through
// whether they are above zero, so the claim's status depends on its
// uniform negators only through the earliest word that counts of any of
// them, and the earliest of those that refute. Every later one leaves the
// status as it was. So when a claim inherits negations from more than
// manySources down-only sources, Build hears of the uniform negators only
// those two words, found in the bag's indexes below, and leaves the
// claim's changes and denials to be worked out when read (see replay.go).
//
// An index holds the words of a bag's sources whose words share one
// factuality, in runs sorted by the instant they count from, whose
// lengths at least halve from one run to the next; each run keeps a
// tree of the smallest rank below each node, so that the words that count
// from an instant on can be read in the order they became known at a cost
// of O(log² n) for the first and O(log n) for each next. A source whose
// words come to differ leaves the index, word by word, once.

// deadRank marks a word that left an index.
const deadRank = math.MaxInt32

// idxWord is one negation in an index.
type idxWord struct {
	from moment // the instant from which it counts (see countsFrom)
	rank int32
	src  int32
}

func (w *idxWord) compare(from moment, rank int32) int {
	switch {
	case w.from.less(from):
		return -1
	case from.less(w.from):
		return +1
	}
	return int(w.rank) - int(rank)
}

// idxRun is one sorted run of an index: tree[len(w)+i] is w[i]'s rank, or
// deadRank once it left, and tree[v] the smaller of tree[2v] and
// tree[2v+1] for 1 <= v < len(w).
type idxRun struct {
	w    []idxWord
	tree []int32
}

func newRun(ws []idxWord) idxRun {
	n := len(ws)
	r := idxRun{w: ws, tree: make([]int32, 2*n)}
	for i := range ws {
		r.tree[n+i] = ws[i].rank
	}
	for v := n - 1; v >= 1; v-- {
		r.tree[v] = min(r.tree[2*v], r.tree[2*v+1])
	}
	return r
}

// negIndex holds words sorted by the instant they count from, in runs.
type negIndex struct {
	runs []idxRun
}

// add adds w, which the index must not hold.
func (x *negIndex) add(w idxWord) {
	x.runs = append(x.runs, newRun([]idxWord{w}))
	for k := len(x.runs); k >= 2 && len(x.runs[k-1].w) >= len(x.runs[k-2].w); k-- {
		a, b := x.runs[k-2], x.runs[k-1]
		m := make([]idxWord, 0, len(a.w)+len(b.w))
		i, j := 0, 0
		// Words that left are dropped.
		for i < len(a.w) || j < len(b.w) {
			var take idxWord
			var live bool
			if j >= len(b.w) || i < len(a.w) && a.w[i].compare(b.w[j].from, b.w[j].rank) < 0 {
				take, live = a.w[i], a.tree[len(a.w)+i] != deadRank
				i++
			} else {
				take, live = b.w[j], b.tree[len(b.w)+j] != deadRank
				j++
			}
			if live {
				m = append(m, take)
			}
		}
		x.runs[k-2] = newRun(m)
		x.runs = x.runs[:k-1]
	}
}

// kill removes the word with the given instant and rank, if the index
// holds it.
func (x *negIndex) kill(from moment, rank int32) {
	for _, r := range x.runs {
		i, ok := slices.BinarySearchFunc(r.w, rank, func(w idxWord, rank int32) int { return w.compare(from, rank) })
		if !ok {
			continue
		}
		n := len(r.w)
		v := n + i
		if r.tree[v] == deadRank {
			return
		}
		r.tree[v] = deadRank
		for v /= 2; v >= 1; v /= 2 {
			r.tree[v] = min(r.tree[2*v], r.tree[2*v+1])
		}
		return
	}
}

func (x *negIndex) clone() *negIndex {
	c := &negIndex{runs: make([]idxRun, len(x.runs))}
	for i, r := range x.runs {
		c.runs[i] = idxRun{w: slices.Clone(r.w), tree: slices.Clone(r.tree)}
	}
	return c
}

// idxNode is a node of one of an index's trees, by the smallest rank
// below it.
type idxNode struct {
	min, run, v int32
}

// idxScan holds the scratch space of scan.
type idxScan struct {
	heap []idxNode
}

func (q *idxScan) push(x idxNode) {
	h := append(q.heap, x)
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if h[p].min <= h[i].min {
			break
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
	q.heap = h
}

func (q *idxScan) pop() idxNode {
	h := q.heap
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && h[l].min < h[m].min {
			m = l
		}
		if r < len(h) && h[r].min < h[m].min {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	q.heap = h
	return top
}

// scan calls take with the words of x that count for a claim whose
// threshold is m (see negBag.counting), in the order they became known,
// until take returns false.
func (q *idxScan) scan(x *negIndex, m moment, take func(idxWord) bool) {
	q.heap = q.heap[:0]
	for k, r := range x.runs {
		n := len(r.w)
		i, _ := slices.BinarySearchFunc(r.w, m, func(w idxWord, m moment) int {
			if m.less(w.from) {
				return +1
			}
			return -1
		})
		// The nodes that cover r.w[i:] exactly.
		for lo, hi := i+n, 2*n; lo < hi; lo, hi = lo/2, hi/2 {
			if lo&1 == 1 {
				if r.tree[lo] != deadRank {
					q.push(idxNode{r.tree[lo], int32(k), int32(lo)})
				}
				lo++
			}
			if hi&1 == 1 {
				hi--
				if r.tree[hi] != deadRank {
					q.push(idxNode{r.tree[hi], int32(k), int32(hi)})
				}
			}
		}
	}
	for len(q.heap) > 0 {
		nd := q.pop()
		r := &x.runs[nd.run]
		n := int32(len(r.w))
		if nd.v >= n {
			if !take(r.w[nd.v-n]) {
				return
			}
			continue
		}
		for _, v := range []int32{2 * nd.v, 2*nd.v + 1} {
			if r.tree[v] != deadRank {
				q.push(idxNode{r.tree[v], nd.run, v})
			}
		}
	}
}

// refutable reports whether words of src with certainty cert can refute
// a claim: those of an investigator, said with certainty.
func refutable(inv []bool, src int32, cert claim.Certainty) bool {
	return inv[src] && cert == claim.CertaintyCertain
}

// index adds the words of nb, a source's bag with one factuality, to the
// bags' indexes.
func (bs *negBags) index(src int32, words []negWord) {
	if bs.idx == nil {
		bs.idx = new(negIndex)
	}
	ref := refutable(bs.inv, src, bs.srcs[src].first.cert)
	if ref && bs.ref == nil {
		bs.ref = new(negIndex)
	}
	for _, w := range words {
		bs.idx.add(idxWord{from: w.from, rank: w.rank, src: src})
		if ref {
			bs.ref.add(idxWord{from: w.from, rank: w.rank, src: src})
		}
	}
}

// unindex takes the words of nb, a source's bag whose words came to
// differ, out of the bags' indexes, and lists the source as mixed.
func (bs *negBags) unindex(src int32, nb *negBag) {
	bs.mixed = append(bs.mixed, src)
	if bs.idx == nil {
		return
	}
	ref := bs.ref != nil && refutable(bs.inv, src, nb.first.cert)
	for _, run := range nb.runs {
		for _, w := range run {
			bs.idx.kill(w.from, w.rank)
			if ref {
				bs.ref.kill(w.from, w.rank)
			}
		}
	}
}

// downScratch holds the scratch space of downWords.
type downScratch struct {
	scan  idxScan
	full  []int32 // the sources heard in full
	found []idxWord
}

// negMovers appends to out the words of bag's uniform negators, those
// whose sources spoilt does not mark with mark, that can move the status
// of claim c (see the top of this file): the first that counts for a
// claim whose threshold is thr, and the first of those that refute c. It
// reports whether some word that counts is left out.
func (b *builder) negMovers(c int32, bag *negBags, thr moment, spoilt []int32, mark int32, ds *downScratch, out []int32) ([]int32, bool) {
	if bag.idx == nil {
		return out, false
	}
	skip := func(src int32) bool { return spoilt[src] == mark }
	// The first three that count and are not skipped: the first is heard,
	// and if any is neither it nor the first refuting word, some word is
	// left out.
	ds.found = ds.found[:0]
	ds.scan.scan(bag.idx, thr, func(w idxWord) bool {
		if !skip(w.src) {
			ds.found = append(ds.found, w)
		}
		return len(ds.found) < 3
	})
	if len(ds.found) == 0 {
		return out, false
	}
	first := ds.found[0].rank
	out = append(out, b.evOfRank[first])
	// The scan for the first refuting word passes over the certain words
	// of investigators that are actors of c, which cannot refute it, one
	// by one, at O(log n) each: an investigator that is an actor of every
	// claim of a chain and denies each with certainty costs each claim as
	// many steps as it has broader claims. Nothing bounds that but the
	// words of such investigators the claim inherits.
	ref := int32(-1)
	if bag.ref != nil {
		srcs := &b.t.srcs
		ds.scan.scan(bag.ref, thr, func(w idxWord) bool {
			if skip(w.src) || slices.Contains(srcs.actors[c], srcs.root[w.src]) {
				return true
			}
			ref = w.rank
			return false
		})
	}
	if ref >= 0 && ref != first {
		out = append(out, b.evOfRank[ref])
	}
	reduced := false
	for _, w := range ds.found[1:] {
		reduced = reduced || w.rank != ref
	}
	return out, reduced
}
