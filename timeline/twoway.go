package timeline

import (
	"cmp"
	"math"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
)

// A source that denies every claim of a chain and also carries words up
// (it affirms or retracts a narrower claim) is a two-way source: its
// negations cannot be carried as a down-only source's are (see downs.go),
// since what it carries up can stand between them. Heard one by one, they
// cost the chain the square of its length: the narrowest of n claims
// hears n-1 of them. But most of them change nothing in a claim's status.
// When a two-way source negates many claims with the same said date and
// factuality (the same key), and nothing else the source says about the
// claim being built falls between two of those words in the order they
// became known, the later word only takes the place of the earlier: they
// share a said period, so both count for the claim or neither does, and
// the source's position and the tallies stay as they were. So each claim
// hears, of such agreeing negations, only the first of each key and the
// first after each other word of the same source, as bulk.go does for
// affirmations; those it leaves out are repeated denials, so the claim's
// changes and denials are worked out when read (see replay.go).
//
// Only a source whose negations carried down all share one key has them
// carried this way, and only one none of whose affirmations is carried in
// bulk, so that every word of the source the claim hears otherwise,
// which breaks a run of agreeing negations, is one it hears one by one;
// bulkWords keeps such a source's affirmations plain when it carries no
// more of them up than negations down (see plainUpSources). The
// negations are carried down the claims in bags of rank sets, moved
// rather than copied along a chain, at a cost of
// O(log² n) per word, and per key and per other word of the source that a
// claim hears. A source whose negations differ in key is carried as a
// dated source (see datedOrder) when its said periods allow, and heard
// one by one otherwise: each key's first and each after a word of
// another key would be heard anyway, nearly all of them where the keys
// differ from claim to claim, and the bags would only add their cost to
// that of hearing them.

// twoWalk holds the scratch space of finding the agreeing negations of
// two-way sources that a claim hears.
type twoWalk struct {
	w     effWalk
	stamp []int32 // per source, claim+1 when effective listed it
}

// effective returns the negations of bag that claim c hears, sorted as
// sortDowns sorts, and whether it leaves some out.
func (tw *twoWalk) effective(b *builder, c int32, bag *keyBag) (out []int32, reduced bool) {
	out, _ = tw.w.effective(b, c, bag, tw.stamp, c+1, b.evOfRank, true)
	b.sortDowns(out)
	return out, len(out) < bag.n
}

// takeBag returns acc with the words of bag added, taking bag over when
// owned, for a walk that gathers the bags of several claims.
func takeBag(acc, bag *keyBag, owned bool) *keyBag {
	switch {
	case bag == nil || acc == bag:
		return acc
	case acc == nil && owned:
		return bag
	case acc == nil:
		return bag.clone()
	case owned && bag.n > acc.n:
		bag.mergeBag(acc, true)
		return bag
	}
	acc.mergeBag(bag, owned)
	return acc
}

// A two-way source whose negations differ in said date or factuality is a
// dated source when the said periods of its words on related claims are,
// two by two, the same or apart (all instants, or all days, as a
// government denying each new allegation on the day it is made says
// them), none of its affirmations is carried in bulk (see
// plainUpSources), and its negations
// either cannot refute or all can alike. Its words are then ordered by
// sayOrder as by their start, then by the order they became known, and
// its position on a claim is the latest of them that stands. Of its
// negations of broader claims, a claim needs to hear only those that set
// what the rest of its words compare with: between two of the source's
// other words the claim hears (its breakers), the negations that count
// change the source's position only when the latest of them passes the
// latest of its words that stand, or its latest affirmation (against
// which its own retraction is weighed), and they all negate alike. So
// the claim hears, between two breakers, the first negation later than
// every negation before it, the first later than each of those two
// words, and the latest of them: at most four, whatever the number of
// broader claims. The source's position is then the same word as with
// every negation heard at each breaker, and between breakers one of the
// same stance, with the same tallies; the claim's changes and denials,
// which name every negation, are worked out when read (see replay.go).
// The negations are carried down the claims in bags of sorted runs, moved
// rather than copied along a chain, at O(log² n) per word, and per
// breaker of the source that a claim hears.

// datedOrder holds the dated sources' words in the order sayOrder puts
// them: list[off[src]:off[src+1]] are the events of source src, by start
// then rank, and pos[k] the place of event k in its source's list.
type datedOrder struct {
	off, list, pos []int32
}

// datedRun is one sorted run of a datedBag: the ranks of its words in
// increasing order, their places in their source's datedOrder list, and
// a tree over the places for the largest below each node: tree[size+i]
// is place[i], or -1 past the run's end, and tree[v] the larger of
// tree[2v] and tree[2v+1].
type datedRun struct {
	rank, place, tree []int32
}

func newDatedRun(rank, place []int32) datedRun {
	size := 1
	for size < len(rank) {
		size *= 2
	}
	r := datedRun{rank: rank, place: place, tree: make([]int32, 2*size)}
	for i := range size {
		r.tree[size+i] = -1
		if i < len(place) {
			r.tree[size+i] = place[i]
		}
	}
	for v := size - 1; v >= 1; v-- {
		r.tree[v] = max(r.tree[2*v], r.tree[2*v+1])
	}
	return r
}

// span returns the indexes of the run's words whose ranks are above lo
// and below hi.
func (r *datedRun) span(lo, hi int32) (int, int) {
	i, _ := slices.BinarySearch(r.rank, lo+1)
	j, _ := slices.BinarySearch(r.rank, hi)
	return i, j
}

// first returns the first index in [i, j) whose place is above v, or -1.
func (r *datedRun) first(i, j int, v int32) int {
	size := len(r.tree) / 2
	var left, right [64]int
	nl, nr := 0, 0
	for l, h := i+size, j+size; l < h; l, h = l/2, h/2 {
		if l&1 == 1 {
			left[nl] = l
			nl++
			l++
		}
		if h&1 == 1 {
			h--
			right[nr] = h
			nr++
		}
	}
	for k := range nl + nr {
		node := 0
		if k < nl {
			node = left[k]
		} else {
			node = right[nr-1-(k-nl)]
		}
		if r.tree[node] <= v {
			continue
		}
		for node < size {
			if node *= 2; r.tree[node] <= v {
				node++
			}
		}
		return node - size
	}
	return -1
}

// most returns the largest place of the indexes in [i, j), or -1.
func (r *datedRun) most(i, j int) int32 {
	size := len(r.tree) / 2
	m := int32(-1)
	for l, h := i+size, j+size; l < h; l, h = l/2, h/2 {
		if l&1 == 1 {
			m = max(m, r.tree[l])
			l++
		}
		if h&1 == 1 {
			h--
			m = max(m, r.tree[h])
		}
	}
	return m
}

// datedBag holds the negations one dated source carries to a claim, in
// runs sorted by rank whose lengths at least halve from one run to the
// next, so that adding a word costs O(log n) amortised and each query
// O(log² n).
type datedBag struct {
	runs []datedRun
	n    int
}

func (db *datedBag) has(rank int32) bool {
	for i := range db.runs {
		if _, ok := slices.BinarySearch(db.runs[i].rank, rank); ok {
			return true
		}
	}
	return false
}

// add adds the word of the given rank and place unless the bag holds it.
func (db *datedBag) add(rank, place int32) {
	if db.has(rank) {
		return
	}
	db.n++
	db.runs = append(db.runs, newDatedRun([]int32{rank}, []int32{place}))
	for k := len(db.runs); k >= 2 && len(db.runs[k-1].rank) >= len(db.runs[k-2].rank); k-- {
		a, b := &db.runs[k-2], &db.runs[k-1]
		n := len(a.rank) + len(b.rank)
		rank, place := make([]int32, 0, n), make([]int32, 0, n)
		i, j := 0, 0
		for i < len(a.rank) || j < len(b.rank) {
			if j >= len(b.rank) || i < len(a.rank) && a.rank[i] < b.rank[j] {
				rank, place = append(rank, a.rank[i]), append(place, a.place[i])
				i++
			} else {
				rank, place = append(rank, b.rank[j]), append(place, b.place[j])
				j++
			}
		}
		db.runs[k-2] = newDatedRun(rank, place)
		db.runs = db.runs[:k-1]
	}
}

// merge adds the words of o.
func (db *datedBag) merge(o *datedBag) {
	for i := range o.runs {
		for k, r := range o.runs[i].rank {
			db.add(r, o.runs[i].place[k])
		}
	}
}

func (db *datedBag) clone() *datedBag {
	c := &datedBag{runs: make([]datedRun, len(db.runs)), n: db.n}
	for i, r := range db.runs {
		c.runs[i] = datedRun{rank: slices.Clone(r.rank), place: slices.Clone(r.place), tree: slices.Clone(r.tree)}
	}
	return c
}

// firstAbove returns the place of the first word, in the order words
// became known, ranked above lo and below hi, whose place is above v, or
// -1.
func (db *datedBag) firstAbove(lo, hi, v int32) int32 {
	best, place := int32(-1), int32(-1)
	for k := range db.runs {
		r := &db.runs[k]
		i, j := r.span(lo, hi)
		if x := r.first(i, j, v); x >= 0 && (best < 0 || r.rank[x] < best) {
			best, place = r.rank[x], r.place[x]
		}
	}
	return place
}

// most returns the largest place of the words ranked above lo and below
// hi, or -1.
func (db *datedBag) most(lo, hi int32) int32 {
	m := int32(-1)
	for k := range db.runs {
		r := &db.runs[k]
		i, j := r.span(lo, hi)
		m = max(m, r.most(i, j))
	}
	return m
}

// datedBags holds the bags of the dated sources carrying negations to one
// claim, by source.
type datedBags struct {
	srcs map[int32]*datedBag
	n    int
}

// takeDated returns acc with the words of bag added, taking bag over
// when owned, as takeBag does.
func takeDated(acc, bag *datedBags, owned bool) *datedBags {
	switch {
	case bag == nil || acc == bag:
		return acc
	case acc == nil && owned:
		return bag
	case acc == nil:
		return bag.clone()
	case owned && bag.n > acc.n:
		acc, bag = bag, acc
	}
	for src, ob := range bag.srcs {
		nb := acc.srcs[src]
		if nb == nil {
			if !owned {
				ob = ob.clone()
			}
			acc.srcs[src] = ob
			acc.n += ob.n
			continue
		}
		before := nb.n
		if owned && ob.n > nb.n {
			nb, ob = ob, nb
			acc.srcs[src] = nb
		}
		nb.merge(ob)
		acc.n += nb.n - before
	}
	return acc
}

func (bs *datedBags) clone() *datedBags {
	c := &datedBags{srcs: make(map[int32]*datedBag, len(bs.srcs)), n: bs.n}
	for src, db := range bs.srcs {
		c.srcs[src] = db.clone()
	}
	return c
}

func (bs *datedBags) add(src, rank, place int32) {
	db := bs.srcs[src]
	if db == nil {
		db = new(datedBag)
		bs.srcs[src] = db
	}
	before := db.n
	db.add(rank, place)
	bs.n += db.n - before
}

// breaker is a word of a dated source that a claim hears one by one.
type breaker struct {
	src, rank, k int32
}

// datedChan is what a claim knows of one channel of a dated source while
// it goes over the source's breakers: the place of its latest word, and
// whether that withdrew an affirmation.
type datedChan struct {
	place     int32
	affirm    bool
	withdrawn bool
}

// datedWalk holds the scratch space of datedWords.
type datedWalk struct {
	breakers []breaker
	chans    map[int32]datedChan
	heap     []srcRank // channels by their latest word: claim as src, minus its place as rank
	heard    []int32
}

// datedWords returns the negations of bag that claim c hears (see the
// comment above datedOrder), and whether some are left out. thr is the
// claim's threshold, with ok false for a claim never reported, which
// hears none of them.
func (b *builder) datedWords(c int32, bag *datedBags, thr moment, ok bool, dw *datedWalk) (out []int32, reduced bool) {
	if !ok {
		return nil, false
	}
	d := b.dated
	// The breakers: the words of the bag's sources on c, and those that
	// claims refining c carry up, all heard one by one; only those with a
	// polarity, or retractions, move a position.
	dw.breakers = dw.breakers[:0]
	take := func(k int32) {
		e := &b.events[k]
		if bag.srcs[e.src] != nil && (e.pol != claim.PolarityUnderspecified || e.stance == stanceRetracted) {
			dw.breakers = append(dw.breakers, breaker{src: e.src, rank: e.rank, k: k})
		}
	}
	for k := b.off[c]; k < b.off[c+1]; k++ {
		take(k)
	}
	for x := range b.sets.all(b.plainUps[c]) {
		for _, k := range b.plainEv[b.plainOff[x]:b.plainOff[x+1]] {
			take(k)
		}
	}
	slices.SortFunc(dw.breakers, func(x, y breaker) int {
		if x.src != y.src {
			return cmp.Compare(x.src, y.src)
		}
		return cmp.Compare(x.rank, y.rank)
	})
	if dw.chans == nil {
		dw.chans = make(map[int32]datedChan)
	}
	heardAll := 0
	for src, db := range bag.srcs {
		lo, _ := slices.BinarySearchFunc(dw.breakers, src, func(x breaker, src int32) int { return cmp.Compare(x.src, src) })
		hi := lo
		for hi < len(dw.breakers) && dw.breakers[hi].src == src {
			hi++
		}
		list := d.list[d.off[src]:d.off[src+1]]
		// The words said before the threshold, which do not count, come
		// first in the source's list.
		base, _ := slices.BinarySearchFunc(list, thr, func(k int32, m moment) int {
			if b.events[k].onOrAfter(m) {
				return +1
			}
			return -1
		})
		floor := int32(base) - 1
		dw.heard = dw.heard[:0]
		clear(dw.chans)
		dw.heap = dw.heap[:0]
		prev, aff, own := int32(-1), int32(-1), int32(-1)
		last := int32(-1)
		segment := func(next int32) {
			from := max(prev, floor)
			x := db.firstAbove(last, next, from)
			if x < 0 {
				return
			}
			dw.heard = append(dw.heard, x)
			// The latest word that stands beside the negations.
			for len(dw.heap) > 0 {
				top := dw.heap[0]
				if ch := dw.chans[top.src]; ch.place == -top.rank && !ch.withdrawn {
					break
				}
				_, dw.heap = heapPop(dw.heap)
			}
			stand := own
			if len(dw.heap) > 0 {
				stand = max(stand, -dw.heap[0].rank)
			}
			for _, v := range [2]int32{aff, stand} {
				if v > from {
					if y := db.firstAbove(last, next, v); y >= 0 {
						dw.heard = append(dw.heard, y)
					}
				}
			}
			m := db.most(last, next)
			dw.heard = append(dw.heard, m)
			prev = m
		}
		for _, br := range dw.breakers[lo:hi] {
			segment(br.rank)
			last = br.rank
			e := &b.events[br.k]
			p := d.pos[br.k]
			if of := b.t.info[e.stmt].claim; of == c {
				own = max(own, p)
			} else {
				ch, seen := dw.chans[of]
				switch {
				case e.stance == stanceRetracted:
					if seen && !ch.withdrawn && ch.affirm && ch.place < p {
						dw.chans[of] = datedChan{place: p, withdrawn: true}
					}
				case !seen || ch.place < p:
					dw.chans[of] = datedChan{place: p, affirm: e.stance == stanceAffirm}
					dw.heap = heapPush(dw.heap, srcRank{src: of, rank: -p})
				}
			}
			if e.stance == stanceAffirm {
				aff = max(aff, p)
			}
		}
		segment(math.MaxInt32)
		slices.Sort(dw.heard)
		dw.heard = slices.Compact(dw.heard)
		for _, x := range dw.heard {
			out = append(out, list[x])
		}
		heardAll += len(dw.heard)
	}
	return out, heardAll < bag.n
}
