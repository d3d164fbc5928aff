package timeline

import (
	"cmp"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
)

// A claim refining a long chain inherits the negations of every claim
// above it: when one source denies every claim of a chain of n claims, the
// narrowest hears n-1 denials, and the claims n(n-1)/2 of them, each a
// repeated denial. Most of them change nothing in a claim's status. A
// source that says nothing about the claims but negations, none of its
// words carried up, is a down-only source; at a claim where every word it
// says, its own and carried down, negates with one factuality, it is a
// uniform negator there, and from the first of its words that counts for
// the claim on, its position negates the claim alike whichever word sets
// it. So the claim hears of a uniform negator's carried words only the
// first that counts: the first in the order words became known of those
// said on or after the claim's threshold (its event, or its first report;
// see claimThreshold), the others being discounted anyway. The words of
// down-only sources are carried down the claims, from the broadest to the
// narrowest, in bags kept by source, moved rather than copied along a
// chain, at a cost of O(log² n) per word, and per source a claim inherits
// words from up to manySources of them; a claim that inherits words from
// more hears of its uniform negators only the words that can move its
// status (see negators.go).
//
// A claim that hears fewer words than it inherits that count keeps no
// changes (they name every repeated denial) and no denials (each names
// the statement that sets a source's position, which can be any of the
// words left out): both are worked out again when read, from every word
// (see replay.go). Words of sources that also carry words up, and every
// word of a source that is no uniform negator at a claim, are heard one by
// one, as before.

// negWord is one carried negation in a negRun: from, the instant from
// which it counts (see countsFrom), its rank, and the smallest rank from
// it to the end of its run.
type negWord struct {
	from      moment
	rank, min int32
}

// negBag holds the negations one down-only source carries to a claim, in
// runs sorted by the instant they count from, whose lengths at least
// halve from one run to the next, so that adding a word costs O(log n)
// amortised and finding the first that counts from an instant O(log² n).
type negBag struct {
	runs  [][]negWord
	ranks rankSet // every rank in the bag, so that none is added twice
	n     int
	first *event // the first word added, for its factuality
	mixed bool   // the words differ in factuality
}

// countsFrom returns the instant from which a negation carried to a
// narrower claim counts: it counts for a claim whose threshold is m when
// m is before this instant (see event.onOrAfter). A period counts while
// its end is after m; an instant, which ends where it starts, also at m.
func (e *event) countsFrom() moment {
	m := e.end()
	if m != e.start() {
		return m
	}
	if m.nsec++; m.nsec == 1e9 {
		m.sec, m.nsec = m.sec+1, 0
	}
	return m
}

// add adds e unless the bag holds it.
func (nb *negBag) add(e *event) {
	if nb.ranks.has(e.rank) {
		return
	}
	nb.ranks.add(e.rank)
	nb.n++
	if nb.first == nil {
		nb.first = e
	}
	nb.mixed = nb.mixed || e.pol != nb.first.pol || e.cert != nb.first.cert
	nb.runs = append(nb.runs, []negWord{{from: e.countsFrom(), rank: e.rank, min: e.rank}})
	for k := len(nb.runs); k >= 2 && len(nb.runs[k-1]) >= len(nb.runs[k-2]); k-- {
		a, b := nb.runs[k-2], nb.runs[k-1]
		m := make([]negWord, 0, len(a)+len(b))
		i, j := 0, 0
		for i < len(a) && j < len(b) {
			if a[i].from.less(b[j].from) {
				m = append(m, a[i])
				i++
			} else {
				m = append(m, b[j])
				j++
			}
		}
		m = append(append(m, a[i:]...), b[j:]...)
		low := int32(-1)
		for x := len(m) - 1; x >= 0; x-- {
			if low < 0 || m[x].rank < low {
				low = m[x].rank
			}
			m[x].min = low
		}
		nb.runs[k-2] = m
		nb.runs = nb.runs[:k-1]
	}
}

// counting returns the smallest rank of the words that count for a claim
// whose threshold is m, and how many count.
func (nb *negBag) counting(m moment) (first int32, n int) {
	first = -1
	for _, run := range nb.runs {
		i, _ := slices.BinarySearchFunc(run, m, func(w negWord, m moment) int {
			if m.less(w.from) {
				return +1
			}
			return -1
		})
		if i < len(run) {
			n += len(run) - i
			if first < 0 || run[i].min < first {
				first = run[i].min
			}
		}
	}
	return first, n
}

// merge adds the words of o.
func (nb *negBag) merge(o *negBag, events []event, evOfRank []int32) {
	for _, run := range o.runs {
		for _, w := range run {
			nb.add(&events[evOfRank[w.rank]])
		}
	}
}

func (nb *negBag) clone() *negBag {
	c := &negBag{runs: make([][]negWord, len(nb.runs)), ranks: *nb.ranks.clone(), n: nb.n, first: nb.first, mixed: nb.mixed}
	for i, run := range nb.runs {
		c.runs[i] = slices.Clone(run)
	}
	return c
}

// negBags holds the bags of the down-only sources carrying words to one
// claim, by source, and indexes of the words of those whose words share
// one factuality (see negators.go).
type negBags struct {
	srcs  map[int32]*negBag
	n     int
	idx   *negIndex // the words of the sources whose words share one factuality
	ref   *negIndex // ... of those that can refute: investigators, certain
	mixed []int32   // the sources whose words differ in factuality, each once
	inv   []bool    // per source, whether it is an investigator
}

func newNegBags(inv []bool) *negBags {
	return &negBags{srcs: make(map[int32]*negBag), inv: inv}
}

func (bs *negBags) add(e *event) {
	nb := bs.srcs[e.src]
	if nb == nil {
		nb = new(negBag)
		bs.srcs[e.src] = nb
	}
	before, wasMixed := nb.n, nb.mixed
	nb.add(e)
	if nb.n == before {
		return
	}
	bs.n += nb.n - before
	switch {
	case nb.mixed && !wasMixed:
		bs.unindex(e.src, nb)
	case !nb.mixed:
		bs.index(e.src, []negWord{{from: e.countsFrom(), rank: e.rank}})
	}
}

// mergeBags adds the words of o to bs, taking o's bags over when owned.
// It costs O(log² n) per word of o.
func (bs *negBags) mergeBags(o *negBags, owned bool, events []event, evOfRank []int32) {
	var fresh []negWord
	for src, onb := range o.srcs {
		nb := bs.srcs[src]
		if nb == nil {
			if !owned {
				onb = onb.clone()
			}
			bs.srcs[src] = onb
			bs.n += onb.n
			if onb.mixed {
				bs.mixed = append(bs.mixed, src)
				continue
			}
			for _, run := range onb.runs {
				bs.index(src, run)
			}
			continue
		}
		// The words of o new to bs, for the indexes.
		fresh = fresh[:0]
		if !nb.mixed {
			for _, run := range onb.runs {
				for _, w := range run {
					if !nb.ranks.has(w.rank) {
						fresh = append(fresh, w)
					}
				}
			}
		}
		old, wasMixed := nb.n, nb.mixed
		if owned && onb.n > nb.n {
			// Merge the smaller into the larger.
			nb, onb = onb, nb
			bs.srcs[src] = nb
		}
		nb.merge(onb, events, evOfRank)
		bs.n += nb.n - old
		switch {
		case wasMixed:
		case nb.mixed:
			bs.unindex(src, nb)
		default:
			bs.index(src, fresh)
		}
	}
}

func (bs *negBags) clone() *negBags {
	c := &negBags{srcs: make(map[int32]*negBag, len(bs.srcs)), n: bs.n, mixed: slices.Clone(bs.mixed), inv: bs.inv}
	for src, nb := range bs.srcs {
		c.srcs[src] = nb.clone()
	}
	if bs.idx != nil {
		c.idx = bs.idx.clone()
	}
	if bs.ref != nil {
		c.ref = bs.ref.clone()
	}
	return c
}

// splitDowns sorts the negations each claim carries down into four
// lists, each as offsets and indexes into events, as downOff and downEv
// are: those of down-only sources, keyed; those of a two-way source (see
// the top of twoway.go) whose negations carried down all share one key,
// agreeing; those of a dated two-way source (see datedOrder), dated; and
// the others, plain. With bulk false every negation is plain. related
// tells the claims that have a refines relation.
//
// A two-way source whose negations differ in said date or factuality
// and is not dated has all of them plain: a claim would hear nearly
// every one of them anyway, each key's first and each after a word of
// another key, and the bags would only add their cost to the walk's.
func (b *builder) splitDowns(outOff []int32, bulk bool, related func(int) bool) (plainOff, plainEv []int32, ws downWordLists) {
	n := len(b.t.claims)
	var twoWay, agree, dated []bool
	if bulk {
		// A source with an affirmation or a retraction on a claim that
		// refines another carries words up; its negations agree unless
		// it carries a keyed one up, in bulk, or they differ in key.
		var oneKey []bool
		twoWay, oneKey = b.twoWaySources(outOff)
		nSrc := len(b.t.srcs.ids)
		upPlain := slices.Clone(twoWay)
		for c := range n {
			if outOff[c+1] > outOff[c] {
				for _, k := range b.keyedEv[b.keyedOff[c]:b.keyedOff[c+1]] {
					upPlain[b.events[k].src] = false
				}
			}
		}
		agree = make([]bool, nSrc)
		for src := range agree {
			agree[src] = upPlain[src] && oneKey[src]
		}
		dated = b.datedSources(upPlain, agree, related)
	}
	plainOff = make([]int32, n+1)
	ws.keyedOff = make([]int32, n+1)
	ws.twoOff = make([]int32, n+1)
	ws.datedOff = make([]int32, n+1)
	plainEv = make([]int32, 0, b.downOff[n])
	for c := range n {
		for _, k := range b.downEv[b.downOff[c]:b.downOff[c+1]] {
			switch src := b.events[k].src; {
			case !bulk:
				plainEv = append(plainEv, k)
			case !twoWay[src]:
				ws.keyedEv = append(ws.keyedEv, k)
			case agree[src]:
				ws.twoEv = append(ws.twoEv, k)
			case dated != nil && dated[src]:
				ws.datedEv = append(ws.datedEv, k)
			default:
				plainEv = append(plainEv, k)
			}
		}
		plainOff[c+1], ws.keyedOff[c+1], ws.twoOff[c+1] = int32(len(plainEv)), int32(len(ws.keyedEv)), int32(len(ws.twoEv))
		ws.datedOff[c+1] = int32(len(ws.datedEv))
	}
	return plainOff, plainEv, ws
}

// twoWaySources returns, per source, whether it carries words up (an
// affirmation or a retraction on a claim that refines another), and
// whether its negations that claims carry down all share one key.
func (b *builder) twoWaySources(outOff []int32) (twoWay, oneKey []bool) {
	n := len(b.t.claims)
	nSrc := len(b.t.srcs.ids)
	twoWay, oneKey = make([]bool, nSrc), make([]bool, nSrc)
	for c := range n {
		if outOff[c+1] > outOff[c] {
			for _, k := range b.upEv[b.upOff[c]:b.upOff[c+1]] {
				twoWay[b.events[k].src] = true
			}
		}
	}
	first := make([]int32, nSrc) // per source, its first negation+1
	for src := range oneKey {
		oneKey[src] = twoWay[src]
	}
	for _, k := range b.downEv[:b.downOff[n]] {
		switch src := b.events[k].src; {
		case !oneKey[src]:
		case first[src] == 0:
			first[src] = k + 1
		case keyOf(&b.events[k]) != keyOf(&b.events[first[src]-1]):
			oneKey[src] = false
		}
	}
	return twoWay, oneKey
}

// plainUpSources returns, per source, whether bulkWords is to keep its
// affirmations plain, nil for none: a two-way source whose negations
// claims carry down would agree or be dated (see the top of twoway.go
// and datedOrder) with every word it carries up plain, as they cannot
// while one goes up in bulk, and that carries no more words up than
// down. A government that denies each new allegation and confirms a few
// of them is one: with a confirmation carried up in bulk, every claim of
// a chain would hear each of its denials of broader claims one by one,
// the square of the chain's length in all; with its confirmations heard
// one by one, a claim hears few of its denials, and no more of its
// confirmations than the source says.
func (b *builder) plainUpSources(outOff, inOff []int32, related func(int) bool) []bool {
	n := len(b.t.claims)
	twoWay, oneKey := b.twoWaySources(outOff)
	if !slices.Contains(twoWay, true) {
		return nil
	}
	nSrc := len(twoWay)
	ups, downs := make([]int32, nSrc), make([]int32, nSrc)
	for c := range n {
		if outOff[c+1] > outOff[c] {
			for _, k := range b.upEv[b.upOff[c]:b.upOff[c+1]] {
				ups[b.events[k].src]++
			}
		}
		if inOff[c+1] > inOff[c] {
			for _, k := range b.downEv[b.downOff[c]:b.downOff[c+1]] {
				downs[b.events[k].src]++
			}
		}
	}
	_, dated := b.datedCandidates(twoWay, oneKey, related)
	plain := make([]bool, nSrc)
	some := false
	for src := range plain {
		if twoWay[src] && ups[src] <= downs[src] && (oneKey[src] || dated != nil && dated[src]) {
			plain[src], some = true, true
		}
	}
	if !some {
		return nil
	}
	return plain
}

// datedSources returns which sources are dated (see datedOrder), nil for
// none, and sets b.dated: of the two-way sources whose affirmations are
// all plain (upPlain) and whose negations do not agree, those whose words
// on related claims have said periods that are, two by two, the same or
// apart, and whose negations cannot refute or all can alike.
func (b *builder) datedSources(upPlain, agree []bool, related func(int) bool) []bool {
	d, cand := b.datedCandidates(upPlain, agree, related)
	if d != nil {
		b.dated = d
	}
	return cand
}

// datedCandidates returns what datedSources does, and the order of the
// dated sources' words, without setting b.dated.
func (b *builder) datedCandidates(upPlain, agree []bool, related func(int) bool) (*datedOrder, []bool) {
	n := len(b.t.claims)
	nSrc := len(b.t.srcs.ids)
	cand := make([]bool, nSrc)
	some := false
	for _, k := range b.downEv[:b.downOff[n]] {
		if src := b.events[k].src; upPlain[src] && !agree[src] {
			cand[src], some = true, true
		}
	}
	if !some {
		return nil, nil
	}
	// Investigators whose negations are certain and not, in turn, can
	// refute with some and not with others.
	certain := make([]int8, nSrc) // 1 certain, 2 not, 3 both
	for _, k := range b.downEv[:b.downOff[n]] {
		if e := &b.events[k]; cand[e.src] && b.t.srcs.investigator[e.src] {
			if e.cert == claim.CertaintyCertain {
				certain[e.src] |= 1
			} else {
				certain[e.src] |= 2
			}
			cand[e.src] = certain[e.src] != 3
		}
	}
	d := &datedOrder{off: make([]int32, nSrc+1), pos: make([]int32, len(b.events))}
	for c := range n {
		if related(c) {
			for k := b.off[c]; k < b.off[c+1]; k++ {
				if src := b.events[k].src; cand[src] {
					d.off[src+1]++
				}
			}
		}
	}
	for src := range nSrc {
		d.off[src+1] += d.off[src]
	}
	d.list = make([]int32, d.off[nSrc])
	next := slices.Clone(d.off[:nSrc])
	for c := range n {
		if related(c) {
			for k := b.off[c]; k < b.off[c+1]; k++ {
				if src := b.events[k].src; cand[src] {
					d.list[next[src]] = k
					next[src]++
				}
			}
		}
	}
	for src := range nSrc {
		if !cand[src] {
			continue
		}
		list := d.list[d.off[src]:d.off[src+1]]
		slices.SortFunc(list, func(x, y int32) int {
			ex, ey := &b.events[x], &b.events[y]
			switch {
			case ex.saidSec != ey.saidSec:
				return cmp.Compare(ex.saidSec, ey.saidSec)
			case ex.saidNsec != ey.saidNsec:
				return cmp.Compare(ex.saidNsec, ey.saidNsec)
			}
			return cmp.Compare(ex.rank, ey.rank)
		})
		for i, k := range list {
			d.pos[k] = int32(i)
			if i == 0 {
				continue
			}
			prev, e := &b.events[list[i-1]], &b.events[k]
			if same := prev.start() == e.start() && prev.end() == e.end(); !same && !prev.before(e) {
				cand[src] = false
				break
			}
		}
	}
	if !slices.Contains(cand, true) {
		return nil, nil
	}
	return d, cand
}

// downWordLists are the negations claims carry down in bulk, as
// splitDowns returns them: keyedEv[keyedOff[c]:keyedOff[c+1]] are claim
// c's negations by down-only sources, twoEv[twoOff[c]:twoOff[c+1]] its
// agreeing negations by two-way sources, and
// datedEv[datedOff[c]:datedOff[c+1]] those of dated sources, as indexes
// into events.
type downWordLists struct {
	keyedOff, keyedEv, twoOff, twoEv, datedOff, datedEv []int32
}

// effectiveDowns walks the claims from the broadest to the narrowest,
// carrying the negations of ws down in bags, and sets b.effDownOff and
// b.effDown: for each claim, those of them it hears (see the top of this
// file and of twoway.go), as indexes into events, in the order of the
// claims they are about, then the order they became known. A claim that
// hears fewer of them than count for it is marked derived and
// lazyDenials.
func (b *builder) effectiveDowns(order, inOff, out, outOff []int32, ws downWordLists) {
	n := len(b.t.claims)
	b.effDownOff = make([]int32, n+1)
	if len(ws.keyedEv) == 0 && len(ws.twoEv) == 0 && len(ws.datedEv) == 0 {
		return
	}
	bags := make([]*negBags, n)
	twoBags := make([]*keyBag, n)
	datedBagsOf := make([]*datedBags, n)
	var dw datedWalk
	left := make([]int32, n) // consumers of each claim's bags not yet served
	for c := range n {
		left[c] = inOff[c+1] - inOff[c]
	}
	effs := make([][]int32, n)
	spoilt := make([]int32, len(b.t.srcs.ids)) // claim+1 where the source is no uniform negator
	var ds downScratch
	tw := twoWalk{stamp: make([]int32, len(b.t.srcs.ids))}
	for _, c := range slices.Backward(order) {
		var acc *negBags
		var twoAcc *keyBag
		var datedAcc *datedBags
		for _, p := range out[outOff[c]:outOff[c+1]] {
			left[p]--
			owned := left[p] == 0
			twoAcc = takeBag(twoAcc, twoBags[p], owned)
			datedAcc = takeDated(datedAcc, datedBagsOf[p], owned)
			if owned {
				twoBags[p], datedBagsOf[p] = nil, nil
			}
			bp := bags[p]
			if bp == nil {
				continue
			}
			switch {
			case acc == bp:
			case acc == nil && owned:
				acc = bp
			case acc == nil:
				acc = bp.clone()
			case owned && bp.n > acc.n:
				acc, bp = bp, acc
				fallthrough
			default:
				acc.mergeBags(bp, owned, b.events, b.evOfRank)
			}
			if owned {
				bags[p] = nil
			}
		}
		var reduced, twoReduced, datedReduced bool
		if acc != nil && acc.n > 0 {
			effs[c], reduced = b.downWords(c, acc, spoilt, &ds)
		}
		if twoAcc != nil && twoAcc.n > 0 {
			var heard []int32
			heard, twoReduced = tw.effective(b, c, twoAcc)
			effs[c] = append(effs[c], heard...)
			if len(heard) > 0 && acc != nil && acc.n > 0 {
				b.sortDowns(effs[c])
			}
		}
		if datedAcc != nil && datedAcc.n > 0 {
			thr, ok := b.downThreshold(c)
			var heard []int32
			heard, datedReduced = b.datedWords(c, datedAcc, thr, ok, &dw)
			if len(heard) > 0 {
				effs[c] = append(effs[c], heard...)
				b.sortDowns(effs[c])
			}
		}
		if reduced || twoReduced || datedReduced {
			if b.derived == nil {
				b.derived = make([]bool, n)
			}
			if b.lazyDenials == nil {
				b.lazyDenials = make([]bool, n)
			}
			b.derived[c], b.lazyDenials[c] = true, true
		}
		if inOff[c+1] == inOff[c] {
			continue
		}
		if own := ws.keyedEv[ws.keyedOff[c]:ws.keyedOff[c+1]]; len(own) > 0 {
			if acc == nil {
				acc = newNegBags(b.t.srcs.investigator)
			}
			for _, k := range own {
				acc.add(&b.events[k])
			}
		}
		bags[c] = acc
		if own := ws.twoEv[ws.twoOff[c]:ws.twoOff[c+1]]; len(own) > 0 {
			if twoAcc == nil {
				twoAcc = &keyBag{srcs: make(map[int32]*srcBag)}
			}
			for _, k := range own {
				twoAcc.add(&b.events[k])
			}
		}
		twoBags[c] = twoAcc
		if own := ws.datedEv[ws.datedOff[c]:ws.datedOff[c+1]]; len(own) > 0 {
			if datedAcc == nil {
				datedAcc = &datedBags{srcs: make(map[int32]*datedBag)}
			}
			for _, k := range own {
				datedAcc.add(b.events[k].src, b.events[k].rank, b.dated.pos[k])
			}
		}
		datedBagsOf[c] = datedAcc
	}
	total := 0
	for _, e := range effs {
		total += len(e)
	}
	b.effDown = make([]int32, 0, total)
	for c := range n {
		b.effDown = append(b.effDown, effs[c]...)
		b.effDownOff[c+1] = int32(len(b.effDown))
	}
}

// sortDowns sorts the negations ks in the order of the claims they are
// about, then the order they became known, so that the words of one
// source about one claim share its channel (see stream).
func (b *builder) sortDowns(ks []int32) {
	slices.SortFunc(ks, func(x, y int32) int {
		ex, ey := &b.events[x], &b.events[y]
		if c := cmp.Compare(b.t.info[ex.stmt].claim, b.t.info[ey.stmt].claim); c != 0 {
			return c
		}
		return cmp.Compare(ex.rank, ey.rank)
	})
}

// downWords returns the keyed negations of bag that claim c hears, and
// whether some that count for it are left out. spoilt and ds are scratch
// space.
func (b *builder) downWords(c int32, bag *negBags, spoilt []int32, ds *downScratch) (out []int32, reduced bool) {
	thr, ok := b.downThreshold(c)
	if !ok {
		return nil, false
	}
	// A source whose own words on c are not all negations of its bag's
	// factuality is no uniform negator at c.
	ds.full = ds.full[:0]
	for k := b.off[c]; k < b.off[c+1]; k++ {
		e := &b.events[k]
		if nb := bag.srcs[e.src]; nb != nil && spoilt[e.src] != c+1 && (e.stance != stanceNegate || e.pol != nb.first.pol || e.cert != nb.first.cert) {
			spoilt[e.src] = c + 1
			ds.full = append(ds.full, e.src)
		}
	}
	all := func(nb *negBag) {
		for _, run := range nb.runs {
			for _, w := range run {
				out = append(out, b.evOfRank[w.rank])
			}
		}
	}
	if len(bag.srcs) > b.manySources() {
		// Sources whose words differ, at c or in the bag, are heard in
		// full; of the others, only the words that can move the status.
		for _, src := range ds.full {
			if !bag.srcs[src].mixed {
				all(bag.srcs[src])
			}
		}
		for _, src := range bag.mixed {
			spoilt[src] = c + 1
			all(bag.srcs[src])
		}
		out, reduced = b.negMovers(c, bag, thr, spoilt, c+1, ds, out)
	} else {
		for src, nb := range bag.srcs {
			if nb.mixed || spoilt[src] == c+1 {
				all(nb)
				continue
			}
			if first, n := nb.counting(thr); n > 0 {
				out = append(out, b.evOfRank[first])
				reduced = reduced || n > 1
			}
		}
	}
	b.sortDowns(out)
	return out, reduced
}

// downThreshold returns the instant from which negations of broader
// claims count for claim c: its event, or with none, its first report,
// the first word it hears that is no negation of a broader claim, which
// is one of its own or of those carried up. A claim never reported hears
// none of them, and downThreshold reports false.
func (b *builder) downThreshold(c int32) (moment, bool) {
	if thr, ok := claimThreshold(b.t.claims[c].Event); ok {
		return thr, true
	}
	first := int32(-1)
	take := func(k int32) {
		if r := b.events[k].rank; first < 0 || r < first {
			first = r
		}
	}
	if b.off[c+1] > b.off[c] {
		take(b.off[c])
	}
	for d := range b.sets.all(b.plainUps[c]) {
		if b.plainOff[d+1] > b.plainOff[d] {
			take(b.plainEv[b.plainOff[d]])
		}
	}
	if b.effOff != nil {
		for _, k := range b.eff[b.effOff[c]:b.effOff[c+1]] {
			take(k)
		}
	}
	if first < 0 {
		return moment{}, false
	}
	return instant(b.t.reportedAt(b.events[b.evOfRank[first]].stmt)), true
}
