package timeline

import (
	"cmp"
	"iter"
	"slices"
	"time"

	"github.com/claimtrail/claimtrail/claim"
)

// stance is where one source stands on one claim, for the status rules.
type stance uint8

const (
	stanceNeutral   stance = iota // no position, or only a possibility
	stanceAffirm                  // positive polarity, probable or certain
	stanceNegate                  // negative polarity, probable or certain
	stanceRetracted               // withdrew its earlier statement
)

// classify returns the stance a statement takes under the rules.
func classify(s *claim.Statement, r Rules) stance {
	f := s.Factuality
	switch {
	case s.Act == claim.ActRetract:
		return stanceRetracted
	case r.PossibleAlleges && f == claim.PSPlus():
		return stanceAffirm
	case f.Certainty < claim.CertaintyProbable:
		return stanceNeutral
	case f.Polarity == claim.PolarityPositive:
		return stanceAffirm
	case f.Polarity == claim.PolarityNegative:
		return stanceNegate
	}
	return stanceNeutral
}

// event is what the builder needs of one statement, gathered once into a
// small value laid out claim by claim, so that building a claim reads
// memory in order instead of jumping around the statements.
type event struct {
	saidSec   int64 // said date: start of its period, then precision
	saidNsec  int32
	endNsec   int32
	endSec    int64 // said date: end of its period (its start for an instant)
	rank      int32 // place in the order statements became known
	stmt      int32
	src       int32
	ch        int32 // for an inherited event in a claim's stream, its channel (see stream)
	prec      claim.Precision
	stance    stance
	pol       claim.Polarity
	cert      claim.Certainty
	act       claim.Act
	inherited bool
	discount  Discount
	anonymous bool // the statement rests on an unnamed or absent source
}

// compare orders events as tracks are ordered: by said date, then by the
// order they became known. It matches [Timeline.compareTrack] and the keys
// trackStmts sorts by, as TestOrderingsAgree and FuzzOrderingsAgree check.
func (e *event) compare(f *event) int {
	switch {
	case e.saidSec != f.saidSec:
		return cmp.Compare(e.saidSec, f.saidSec)
	case e.saidNsec != f.saidNsec:
		return cmp.Compare(e.saidNsec, f.saidNsec)
	case e.prec != f.prec:
		return cmp.Compare(e.prec, f.prec)
	}
	return cmp.Compare(e.rank, f.rank)
}

// sayOrder orders events for setting a source's position: a statement said
// in a period wholly before the other's comes first; when the periods
// overlap, as "2024" and "2024-03-04" do, the one that became known first
// comes first, since neither date tells which was said later.
func (e *event) sayOrder(f *event) int {
	switch {
	case e.before(f):
		return -1
	case f.before(e):
		return +1
	}
	return cmp.Compare(e.rank, f.rank)
}

// before reports whether e's said period ends before f's starts.
func (e *event) before(f *event) bool {
	endFirst := e.endSec < f.saidSec || e.endSec == f.saidSec && e.endNsec <= f.saidNsec
	startFirst := e.saidSec < f.saidSec || e.saidSec == f.saidSec && e.saidNsec < f.saidNsec
	return endFirst && startFirst
}

// countsUp reports whether a statement with this stance on a claim counts
// for the claims it refines: an affirmation or a retraction.
func countsUp(s stance) bool { return s == stanceAffirm || s == stanceRetracted }

// countsDown reports whether a statement with this stance on a claim counts
// for the claims that refine it: a negation.
func countsDown(s stance) bool { return s == stanceNegate }

// slot is the builder's memory of one source on the claim being built.
// gen tells whether it belongs to the current claim, so that slots need no
// clearing between claims.
type slot struct {
	gen     int32
	seen    bool  // the source has a known statement on the claim
	everNeg bool  // ... and one of them negated it
	hasPol  bool  // the source has a known statement with a polarity ...
	pol     event // ... and this is the latest said of them
	hasCur  bool  // the source has a position on the claim ...
	cur     event // ... set by this statement (see position)
	hasOwn  bool  // the source has a position of its own on the claim ...
	own     event // ... set by this statement, its latest said that takes one
	hasAff  bool  // the source has affirmed the claim, itself or through a refining claim ...
	aff     event // ... and this is the latest said of those affirmations
	hasNeg  bool  // the source has negated the claim, itself or through a broader claim ...
	neg     event // ... and this is the latest said of those negations
	tree    int32 // the source's channel tree: builder.tree[tree+1 : tree+2*width] ...
	width   int32 // ... with this many leaves, 0 before the source carries anything
	leaves  int32 // leaves used, one per word carried, in the order applied
	curConf bool  // the position confirms the claim
	curRef  bool  // the position refutes the claim
	curCorr bool  // the position can corroborate
}

// carry is the latest word one related claim carried to the claim being
// built for one source, or the retraction that withdrew it: one channel.
type carry struct {
	ev        event
	leaf      int32 // ev's leaf in the source's channel tree
	seen      bool  // the channel has carried a word
	withdrawn bool
}

// counters hold the tallies the status rules read.
type counters struct {
	affirm, negate, retracted, confirm, refute, indep int
}

// status applies the status rules; corroboration is how many independent
// roots corroborate.
func (c *counters) status(corroboration int) Status {
	switch {
	case c.confirm > 0 && c.refute == 0:
		return StatusConfirmed
	case c.refute > 0 && c.confirm == 0:
		return StatusRefuted
	case c.indep >= corroboration:
		return StatusCorroborated
	case c.affirm > 0 && c.negate > 0:
		return StatusContested
	case c.affirm > 0:
		return StatusAlleged
	case c.retracted > 0:
		return StatusRetracted
	case c.negate > 0:
		return StatusDenied
	}
	return StatusReported
}

// builder walks each claim's statements in the order they became known and
// fills the timeline's tracks, status histories and changes.
type builder struct {
	t      *Timeline
	off    []int32 // events of claim i, known order: events[off[i]:off[i+1]]
	events []event
	ups    []int32 // ups[c]: the set of claims whose affirmations count for c (see relate)
	downs  []int32 // downs[c]: the set of claims whose negations count for c
	sets   *claimSets
	// The events each claim carries to others: upEv[upOff[c]:upOff[c+1]]
	// are claim c's affirmations and retractions, downEv[downOff[c]:...]
	// its negations, as indexes into events.
	upOff, upEv, downOff, downEv []int32
	// The affirmations and retractions claims hear one by one (see
	// bulk.go): plainEv[plainOff[c]:plainOff[c+1]] are claim c's, and
	// plainUps[c] the set of claims whose plain words count for c. The
	// others each claim hears as its effective words,
	// eff[effOff[c]:effOff[c+1]]. All are indexes into events.
	plainUps, plainOff, plainEv []int32
	effOff, eff                 []int32
	// The negations claims hear one by one (see downs.go):
	// pdownEv[pdownOff[c]:pdownOff[c+1]] are claim c's, and pdowns[c] the
	// set of claims whose plain negations count for c; the others each
	// claim hears as effDown[effDownOff[c]:effDownOff[c+1]]. All are
	// indexes into events.
	pdowns, pdownOff, pdownEv []int32
	effDownOff, effDown       []int32
	// lazyDenials tells the claims whose denials are worked out when read
	// (see downs.go), nil for none.
	lazyDenials []bool
	// dated orders the words of the dated sources (see twoway.go), nil
	// when there is none.
	dated    *datedOrder
	evOfRank []int32 // rank -> index into events, when carrying in bulk
	// bulk says whether to carry agreeing affirmations in bulk.
	bulk bulkMode
	// keyedEv[keyedOff[c]:keyedOff[c+1]] are the words claim c passes on
	// in bulk, as indexes into events.
	keyedOff, keyedEv []int32
	// derived tells the claims whose uniform sources Build hears only in
	// part (see heads.go and downs.go), nil for none: their changes are
	// worked out when read (see replay.go).
	derived []bool
	// replay says that the builder works out one claim's changes for a
	// reader, with effFor as its effective words, and changes nothing in
	// the timeline.
	replay bool
	effFor []int32
	quiet  bool   // the claim being built records no changes ...
	spare  change // ... and its would-be changes go here

	gen       int32 // the claim being built, counted from 1: zeroed slots belong to none
	slots     []slot
	rootCount []int32
	rootGen   []int32
	cnt       counters
	lo, hi    int // the range of claims this builder builds
	claim     int32
	accused   []int32 // roots of the accused parties of the claim being built
	parties   []int32 // roots of its actors that cannot corroborate it: all but targets
	actors    []int32 // roots of all its actors, targets included
	corrob    int     // how many independent roots corroborate
	shown     int     // statements applied, not quietly, to the claim being built
	touched   []int32 // sources with a statement on the claim being built
	items     []event
	chans     []carry      // the channels of the claim being built
	chanSrcs  []chanSource // per source, for numbering channels
	mark      int32        // counts the claims whose words stream has carried
	tree      []chanNode   // the channel trees of the sources of the claim being built
	pending   []int32      // indexes in items of denials of broader claims before the claim is reported

	// What the builder produces for its range of claims; run joins the
	// ranges of all builders in claim order.
	track   []int32
	changes []change
	history []step
	denials []denial
	// Per claim in the range, the end of its items in the slices above.
	trackEnd, histEnd, changeEnd []int32
}

func newBuilder(t *Timeline, order []int32, parts int, bulk bulkMode) *builder {
	n := len(t.claims)
	b := &builder{
		t:         t,
		bulk:      bulk,
		off:       make([]int32, n+1),
		events:    make([]event, len(order)),
		slots:     make([]slot, len(t.srcs.ids)),
		rootCount: make([]int32, len(t.srcs.ids)),
		rootGen:   make([]int32, len(t.srcs.ids)),
		chanSrcs:  make([]chanSource, len(t.srcs.ids)),
		sets:      new(claimSets),
	}
	t.rank = make([]int32, len(order))
	for i, s := range order {
		t.rank[s] = int32(i)
	}
	t.firstWord = make([]int32, len(t.srcs.ids))
	for i := range t.firstWord {
		t.firstWord[i] = -1
	}
	for _, s := range order {
		if src := t.info[s].src; t.firstWord[src] < 0 {
			t.firstWord[src] = s
		}
	}
	// A stable counting sort by claim keeps the knowledge order within each.
	for _, s := range order {
		b.off[t.info[s].claim+1]++
	}
	for i := 1; i <= n; i++ {
		b.off[i] += b.off[i-1]
	}
	// Each statement's place among the events: its claim's bucket, in
	// knowledge order. The events are then filled reading statements in
	// order, which is kinder to the cache than gathering them at random.
	next := slices.Clone(b.off[:n])
	dest := make([]int32, len(order))
	for _, s := range order {
		c := t.info[s].claim
		dest[s] = next[c]
		next[c]++
	}
	inParts(len(t.recs), parts, func(_, lo, hi int) {
		for s := lo; s < hi; s++ {
			in := &t.info[s]
			f := t.recs[s].factuality
			said := t.said(int32(s))
			start := said.Start()
			endSec, endNsec := periodEnd(said)
			b.events[dest[s]] = event{
				saidSec: start.Unix(), saidNsec: int32(start.Nanosecond()), prec: said.Precision(),
				endSec: endSec, endNsec: endNsec,
				rank: t.rank[s], stmt: int32(s), src: in.src, stance: in.stance, anonymous: in.anonymous,
				pol: f.Polarity, cert: f.Certainty, act: t.recs[s].act,
			}
		}
	})
	t.anon = make([]uint8, n)
	b.relate()
	return b
}

// periodEnd returns the end of d's period as Unix seconds and nanoseconds,
// as d.End() does but without its calendar arithmetic for the commonest
// precisions, days and instants: a Date's day is a UTC day, 86,400 seconds.
func periodEnd(d claim.Date) (int64, int32) {
	start := d.Start()
	switch d.Precision() {
	case claim.PrecisionInstant:
		return start.Unix(), int32(start.Nanosecond())
	case claim.PrecisionDay:
		return start.Unix() + 24*60*60, 0
	default:
		end := d.End()
		return end.Unix(), int32(end.Nanosecond())
	}
}

// relate finds, for each claim, the claims whose statements count for it
// through refines relations, transitively (part-of, supersedes and
// contradicts carry no statements): ups[c] holds the claims that refine c
// and have an affirmation or a retraction, downs[c] the claims c refines
// that have a negation. Claims with nothing to carry are left out, so
// that a long chain of claims with few statements costs little, and the
// sets are shared where the graph allows: along a chain, each claim's set
// is one claim more than the next one's. Each set is thus no larger than
// what it adds to the claim's track, and is found in one pass over the
// claims in topological order, with no recursion. A cycle, which
// validation refuses before any build starts, would leave its claims with
// empty sets instead of making this loop.
//
// The tracks read ups and downs. Working out statuses reads plainUps and
// pdowns (ups and downs restricted to the claims with plain words) and
// each claim's effective words, which relate also finds (see bulk.go and
// downs.go), along with the flags Timeline.AnonymousClaims reads.
func (b *builder) relate() {
	t := b.t
	n := len(t.claims)
	b.ups = slices.Repeat([]int32{-1}, n)
	b.downs = slices.Repeat([]int32{-1}, n)
	// The refines graph: d refines the claims out[outOff[d]:outOff[d+1]],
	// and is refined by in[inOff[c]:inOff[c+1]].
	outOff := make([]int32, n+1)
	var out []int32
	for d := range n {
		for _, r := range t.claims[d].Relations {
			if c := t.claimIdx[r.To]; r.Kind == claim.RelationRefines && c != int32(d) {
				out = append(out, c)
			}
		}
		outOff[d+1] = int32(len(out))
	}
	if len(out) == 0 {
		return
	}
	inOff := make([]int32, n+1)
	for _, c := range out {
		inOff[c+1]++
	}
	for c := range n {
		inOff[c+1] += inOff[c]
	}
	in := make([]int32, len(out))
	next := slices.Clone(inOff[:n])
	for d := range n {
		for _, c := range out[outOff[d]:outOff[d+1]] {
			in[next[c]] = int32(d)
			next[c]++
		}
	}
	// The events each related claim carries up (affirmations,
	// retractions) and down (negations), as indexes into b.events.
	related := func(c int) bool { return outOff[c+1] > outOff[c] || inOff[c+1] > inOff[c] }
	b.upOff = make([]int32, n+1)
	b.downOff = make([]int32, n+1)
	for c := range n {
		b.upOff[c+1], b.downOff[c+1] = b.upOff[c], b.downOff[c]
		if !related(c) {
			continue
		}
		for _, e := range b.events[b.off[c]:b.off[c+1]] {
			switch {
			case countsUp(e.stance):
				b.upOff[c+1]++
			case countsDown(e.stance):
				b.downOff[c+1]++
			}
		}
	}
	b.upEv = make([]int32, 0, b.upOff[n])
	b.downEv = make([]int32, 0, b.downOff[n])
	for c := range n {
		if !related(c) {
			continue
		}
		for k := b.off[c]; k < b.off[c+1]; k++ {
			switch s := b.events[k].stance; {
			case countsUp(s):
				b.upEv = append(b.upEv, k)
			case countsDown(s):
				b.downEv = append(b.downEv, k)
			}
		}
	}
	// Kahn's order, from the narrowest claims to the broadest: a claim
	// comes after every claim that refines it.
	left := make([]int32, n)
	order := make([]int32, 0, n)
	for c := range n {
		if left[c] = inOff[c+1] - inOff[c]; left[c] == 0 {
			order = append(order, int32(c))
		}
	}
	for k := 0; k < len(order); k++ {
		d := order[k]
		for _, c := range out[outOff[d]:outOff[d+1]] {
			if left[c]--; left[c] == 0 {
				order = append(order, c)
			}
		}
	}
	// passes[x] is what x passes on along an edge: itself, if it has
	// words to carry, and what it inherits.
	passes := slices.Repeat([]int32{-1}, n)
	stamp := make([]int32, n)
	upSets := func(off []int32) []int32 {
		sets := slices.Repeat([]int32{-1}, n)
		for _, c := range order {
			sets[c] = b.sets.union(in[inOff[c]:inOff[c+1]], passes, stamp, c+1)
			if passes[c] = sets[c]; off[c+1] > off[c] && outOff[c+1] > outOff[c] {
				passes[c] = b.sets.add(c, sets[c])
			}
		}
		clear(stamp)
		for i := range passes {
			passes[i] = -1
		}
		return sets
	}
	b.ups = upSets(b.upOff)
	upBulk := b.carryPays(order, in, inOff, b.upOff, false)
	downBulk := b.carryPays(order, out, outOff, b.downOff, true)
	var plainSrc []bool
	if upBulk && downBulk {
		plainSrc = b.plainUpSources(outOff, inOff, related)
	}
	plainOff, plainEv, keyedOff, keyedEv := b.bulkWords(related, upBulk, plainSrc)
	b.plainOff, b.plainEv = plainOff, plainEv
	b.plainUps = upSets(plainOff)
	// A claim's track holds an inherited word with a positive polarity, a
	// named one, when a claim refining it holds or passes on one.
	for _, c := range order {
		pass := t.anon[c] & (anonInherited | anonInheritedNamed)
		for _, k := range b.upEv[b.upOff[c]:b.upOff[c+1]] {
			if e := &b.events[k]; e.pol == claim.PolarityPositive {
				pass |= anonInherited
				if !e.anonymous {
					pass |= anonInheritedNamed
				}
			}
		}
		for _, p := range out[outOff[c]:outOff[c+1]] {
			t.anon[p] |= pass
		}
	}
	for _, d := range slices.Backward(order) {
		b.downs[d] = b.sets.union(out[outOff[d]:outOff[d+1]], passes, stamp, d+1)
		if passes[d] = b.downs[d]; b.downOff[d+1] > b.downOff[d] && inOff[d+1] > inOff[d] {
			passes[d] = b.sets.add(d, b.downs[d])
		}
	}
	b.keyedOff, b.keyedEv = keyedOff, keyedEv
	if downBulk || len(keyedEv) > 0 {
		b.evOfRank = make([]int32, len(b.events))
		for k := range b.events {
			b.evOfRank[b.events[k].rank] = int32(k)
		}
	}
	pdownOff, pdownEv, ws := b.splitDowns(outOff, downBulk, related)
	b.pdownOff, b.pdownEv, b.pdowns = pdownOff, pdownEv, b.downs
	if len(ws.keyedEv) > 0 || len(ws.twoEv) > 0 || len(ws.datedEv) > 0 {
		clear(stamp)
		for i := range passes {
			passes[i] = -1
		}
		b.pdowns = slices.Repeat([]int32{-1}, n)
		for _, d := range slices.Backward(order) {
			b.pdowns[d] = b.sets.union(out[outOff[d]:outOff[d+1]], passes, stamp, d+1)
			if passes[d] = b.pdowns[d]; pdownOff[d+1] > pdownOff[d] && inOff[d+1] > inOff[d] {
				passes[d] = b.sets.add(d, b.pdowns[d])
			}
		}
	}
	b.effectiveWords(order, in, inOff, outOff, keyedOff, keyedEv)
	b.effectiveDowns(order, inOff, out, outOff, ws)
}

// claimSets holds sets of claims that share their tails: a set is a
// handle to a node, -1 for the empty set, and holds the node's claim, its
// flat claims, and the set its next handle names.
type claimSets struct {
	nodes []claimNode
	flat  []int32
}

type claimNode struct {
	claim  int32 // a claim in the set, or -1
	lo, hi int32 // more claims in the set: flat[lo:hi]
	next   int32 // the rest of the set, or -1
}

// add returns the set of claim c and the claims of set h, which must not
// hold c.
func (s *claimSets) add(c, h int32) int32 {
	s.nodes = append(s.nodes, claimNode{claim: c, next: h})
	return int32(len(s.nodes) - 1)
}

// union returns the union of the sets of[x] for x in xs. When they are
// all the same set, or empty, it is that set, shared; otherwise the union
// is written out, each claim once, marking stamp[c] = mark for claims
// taken.
func (s *claimSets) union(xs []int32, of []int32, stamp []int32, mark int32) int32 {
	h := int32(-1)
	for _, x := range xs {
		switch y := of[x]; {
		case y < 0 || y == h:
		case h < 0:
			h = y
		default:
			h = -2
		}
		if h == -2 {
			break
		}
	}
	if h != -2 {
		return h
	}
	lo := int32(len(s.flat))
	for _, x := range xs {
		for c := range s.all(of[x]) {
			if stamp[c] != mark {
				stamp[c] = mark
				s.flat = append(s.flat, c)
			}
		}
	}
	s.nodes = append(s.nodes, claimNode{claim: -1, lo: lo, hi: int32(len(s.flat)), next: -1})
	return int32(len(s.nodes) - 1)
}

// all yields the claims of set h.
func (s *claimSets) all(h int32) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for h >= 0 {
			nd := &s.nodes[h]
			if nd.claim >= 0 && !yield(nd.claim) {
				return
			}
			for _, c := range s.flat[nd.lo:nd.hi] {
				if !yield(c) {
					return
				}
			}
			h = nd.next
		}
	}
}

// run builds every claim, in the given number of parts. Claims are independent of each other, so a
// large corpus is split into ranges of claims of about equal size, built
// side by side by copies of b, one per processor.
func (b *builder) run(parts int) {
	t := b.t
	n := len(t.claims)
	t.final = make([]counters, n)
	workers := make([]*builder, 0, parts)
	lo := 0
	for p := range parts {
		// Cut where the events reach the next 1/parts of the total.
		hi := n
		if p < parts-1 {
			goal := int32(len(b.events) * (p + 1) / parts)
			hi, _ = slices.BinarySearch(b.off[:n+1], goal)
			hi = max(hi, lo)
		}
		w := b
		if p > 0 {
			w = &builder{
				t: t, off: b.off, events: b.events, ups: b.ups, downs: b.downs, sets: b.sets,
				upOff: b.upOff, upEv: b.upEv, downOff: b.downOff, downEv: b.downEv,
				plainUps: b.plainUps, plainOff: b.plainOff, plainEv: b.plainEv, effOff: b.effOff, eff: b.eff,
				derived: b.derived,
				pdowns:  b.pdowns, pdownOff: b.pdownOff, pdownEv: b.pdownEv,
				effDownOff: b.effDownOff, effDown: b.effDown, lazyDenials: b.lazyDenials,
				slots:     make([]slot, len(b.slots)),
				rootCount: make([]int32, len(b.rootCount)),
				rootGen:   make([]int32, len(b.rootGen)),
				chanSrcs:  make([]chanSource, len(b.chanSrcs)),
			}
		}
		w.lo, w.hi = lo, hi
		workers = append(workers, w)
		lo = hi
	}
	// Each builder appends its claims' own statements, in track order, to
	// its own stretch of one shared array, sized exactly, so tracks need
	// no joining. What a claim inherits is not written out: the track
	// gathers it when read (see track.go).
	t.track = make([]int32, len(b.events))
	t.cut = make([]claimCut, n)
	for _, w := range workers {
		base := int(b.off[w.lo])
		w.prepare(t.track[base:base:b.off[w.hi]])
	}
	inParts(len(workers), len(workers), func(p, _, _ int) { workers[p].buildRange() })
	t.join(workers)
	if b.derived != nil {
		t.replay = b.replayState()
	}
	if b.ups != nil && b.upOff != nil {
		t.rel = b.relations()
	}
}

// prepare sizes the builder's output; track has room for exactly its
// claims' own statements.
func (b *builder) prepare(track []int32) {
	b.track = track
	// Capacities for typical corpora (about two changes per statement, far
	// fewer per inherited one, a few status steps per claim); they grow
	// when outgrown.
	own := int(b.off[b.hi] - b.off[b.lo])
	b.changes = make([]change, 0, 2*own)
	b.history = make([]step, 0, 4*(b.hi-b.lo))
	// A claim's denials are the sources whose position on it negates it:
	// no more than its negations, its own and those it inherits, which
	// are few in most corpora; a sixty-fourth more leaves room for them.
	negations := 0
	evs := b.events[b.off[b.lo]:b.off[b.hi]]
	for i := range evs {
		if evs[i].stance == stanceNegate {
			negations++
		}
	}
	b.denials = make([]denial, 0, negations+negations/64+1)
	b.trackEnd = make([]int32, b.hi-b.lo)
	b.histEnd = make([]int32, b.hi-b.lo)
	b.changeEnd = make([]int32, b.hi-b.lo)
}

// buildRange builds the claims the builder was prepared for.
func (b *builder) buildRange() {
	for c := b.lo; c < b.hi; c++ {
		b.buildClaim(int32(c))
		b.trackEnd[c-b.lo] = int32(len(b.track))
		b.histEnd[c-b.lo] = int32(len(b.history))
		b.changeEnd[c-b.lo] = int32(len(b.changes))
	}
}

// join concatenates the builders' output, in claim order, into t.
func (t *Timeline) join(workers []*builder) {
	n := len(t.claims)
	t.trackOff = make([]int32, n+1)
	t.histOff = make([]int32, n+1)
	t.changeOff = make([]int32, n+1)
	if len(workers) == 1 {
		w := workers[0]
		t.history, t.changes, t.denials = w.history, w.changes, w.denials
	} else {
		var nHist, nChange, nDenial int
		for _, w := range workers {
			nHist += len(w.history)
			nChange += len(w.changes)
			nDenial += len(w.denials)
		}
		t.history = make([]step, 0, nHist)
		t.changes = make([]change, 0, nChange)
		t.denials = make([]denial, 0, nDenial)
	}
	// Each builder filled its own stretch of t.track, sized beforehand for
	// exactly the claims' own statements, which is what buildClaim
	// appends, so the stretches need no joining.
	baseTrack := int32(0)
	for k, w := range workers {
		baseHist, baseChange := int32(len(t.history)), int32(len(t.changes))
		if len(workers) > 1 {
			t.history = append(t.history, w.history...)
			t.changes = append(t.changes, w.changes...)
			t.denials = append(t.denials, w.denials...)
		} else {
			baseHist, baseChange = 0, 0
		}
		for c := w.lo; c < w.hi; c++ {
			t.trackOff[c+1] = baseTrack + w.trackEnd[c-w.lo]
			t.histOff[c+1] = baseHist + w.histEnd[c-w.lo]
			t.changeOff[c+1] = baseChange + w.changeEnd[c-w.lo]
		}
		baseTrack += int32(len(w.track))
		workers[k] = nil
	}
}

// stream returns the statements that count for claim c, in the order they
// became known: its own, the affirmations and retractions of claims that
// refine it, and the negations of claims it refines. Of the affirmations
// carried in bulk it holds only the effective ones (see bulk.go), which
// stand for the others. Each inherited one is given its channel: the words
// of one source about one related claim form a channel, numbered from 0
// for each claim; an effective word has a channel of its own.
func (b *builder) stream(c int32) []event {
	own := b.events[b.off[c]:b.off[c+1]]
	var eff []int32
	switch {
	case b.replay:
		eff = b.effFor
	case b.effOff != nil:
		eff = b.eff[b.effOff[c]:b.effOff[c+1]]
	}
	var effDown []int32
	if !b.replay && b.effDownOff != nil {
		effDown = b.effDown[b.effDownOff[c]:b.effDownOff[c+1]]
	}
	if b.plainUps == nil || b.plainUps[c] < 0 && b.pdowns[c] < 0 && len(eff) == 0 && len(effDown) == 0 {
		return own
	}
	// Room for every item at once: a claim refined by many may inherit
	// many more items than it has.
	n := len(eff) + len(effDown)
	for d := range b.sets.all(b.plainUps[c]) {
		n += int(b.plainOff[d+1] - b.plainOff[d])
	}
	for d := range b.sets.all(b.pdowns[c]) {
		n += int(b.pdownOff[d+1] - b.pdownOff[d])
	}
	b.items = append(slices.Grow(b.items[:0], len(own)+n), own...)
	b.chans = slices.Grow(b.chans[:0], n)
	for i := range eff {
		b.inherit(eff[i : i+1])
	}
	for d := range b.sets.all(b.plainUps[c]) {
		b.inherit(b.plainEv[b.plainOff[d]:b.plainOff[d+1]])
	}
	for d := range b.sets.all(b.pdowns[c]) {
		b.inherit(b.pdownEv[b.pdownOff[d]:b.pdownOff[d+1]])
	}
	// The effective negations come grouped by the claim they are about,
	// and each group forms channels as a claim's plain words do.
	for i := 0; i < len(effDown); {
		j := i + 1
		of := b.t.info[b.events[effDown[i]].stmt].claim
		for j < len(effDown) && b.t.info[b.events[effDown[j]].stmt].claim == of {
			j++
		}
		b.inherit(effDown[i:j])
		i = j
	}
	clear(b.chans)
	slices.SortFunc(b.items, func(x, y event) int { return cmp.Compare(x.rank, y.rank) })
	return b.items
}

// inherit adds the words of one related claim, events[ks], to the stream
// of the claim being built, and gives each its source's channel for them.
func (b *builder) inherit(ks []int32) {
	b.mark++
	for _, k := range ks {
		e := b.events[k]
		e.inherited = true
		cs := &b.chanSrcs[e.src]
		if cs.mark != b.mark {
			cs.mark, cs.ch = b.mark, int32(len(b.chans))
			b.chans = append(b.chans, carry{})
		}
		if cs.gen != b.gen {
			cs.gen, cs.words = b.gen, 0
		}
		cs.words++
		e.ch = cs.ch
		b.items = append(b.items, e)
	}
}

func (b *builder) buildClaim(c int32) {
	t := b.t
	b.gen++
	b.tree = b.tree[:0]
	b.claim = c
	b.accused = t.srcs.accused[c]
	b.parties = t.srcs.parties[c]
	b.actors = t.srcs.actors[c]
	b.corrob = t.rules.corroboration()
	b.cnt = counters{}
	b.shown = 0
	b.touched = b.touched[:0]
	b.pending = b.pending[:0]
	b.quiet = !b.replay && b.derived != nil && b.derived[c]
	items := b.stream(c)
	status := StatusUnreported
	reported := false
	// Negations of broader claims count from the claim's event on, or,
	// with no event time, from its first report on.
	thr, hasThr := claimThreshold(t.claims[c].Event)
	why := DiscountBeforeEvent
	if !hasThr {
		why = DiscountBeforeReport
	}
	for i := range items {
		e := &items[i]
		if e.inherited && e.stance == stanceNegate && hasThr && !e.onOrAfter(thr) {
			e.discount = why
			continue
		}
		if !reported {
			if e.inherited && e.stance == stanceNegate {
				// A denial of a broader claim does not report this one by
				// itself; it counts, quietly, from the first report on.
				b.pending = append(b.pending, int32(i))
				continue
			}
			reported = true
			if !hasThr {
				thr, hasThr = instant(t.reportedAt(e.stmt)), true
			}
			for _, k := range b.pending {
				if p := &items[k]; p.onOrAfter(thr) {
					b.apply(p, true)
				} else {
					p.discount = why
				}
			}
			b.emit(ChangeFirstReport, e)
		}
		b.apply(e, false)
		if s := b.cnt.status(b.corrob); s != status {
			ch := b.emit(ChangeStatus, e)
			ch.from, ch.to = status, s
			if !b.replay {
				b.history = append(b.history, step{stmt: e.stmt, from: status, to: s})
			}
			status = s
		}
	}
	if !reported {
		// Denials of broader claims alone: the claim was never reported,
		// so none of them was said after its first report.
		for _, k := range b.pending {
			items[k].discount = why
		}
	}
	if b.replay || b.lazyDenials == nil || !b.lazyDenials[c] {
		slices.Sort(b.touched)
		for _, src := range b.touched {
			if sl := &b.slots[src]; sl.hasCur && sl.cur.stance == stanceNegate {
				b.denials = append(b.denials, denial{claim: c, src: src, stmt: sl.cur.stmt, inherited: sl.cur.inherited})
			}
		}
	}
	if b.replay {
		return
	}
	t.final[c] = b.cnt
	t.cut[c] = claimCut{sec: thr.sec, nsec: thr.nsec, reported: reported, why: why}
	// The claim's own statements in said order; in most corpora they are
	// nearly so already. What it inherits is ordered when read.
	own := b.events[b.off[c]:b.off[c+1]]
	if !slices.IsSortedFunc(own, func(x, y event) int { return x.compare(&y) }) {
		own = append(b.items[:0], own...)
		b.items = own
		slices.SortFunc(own, func(x, y event) int { return x.compare(&y) })
	}
	var anon uint8
	for i := range own {
		b.track = append(b.track, own[i].stmt)
		if own[i].pol == claim.PolarityPositive {
			anon |= anonOwn
			if !own[i].anonymous {
				anon |= anonOwnNamed
			}
		}
	}
	t.anon[c] |= anon
}

// moment is an instant as Unix seconds and nanoseconds.
type moment struct {
	sec  int64
	nsec int32
}

func instant(t time.Time) moment { return moment{t.Unix(), int32(t.Nanosecond())} }

// claimThreshold returns the start of a claim's event, if it has one.
func claimThreshold(ev claim.Date) (moment, bool) {
	if !ev.IsValid() {
		return moment{}, false
	}
	return instant(ev.Start()), true
}

// onOrAfter reports whether e was said on or after the instant m: its said
// period starts at m or later, or ends after m.
func (e *event) onOrAfter(m moment) bool {
	return e.saidSec > m.sec || e.saidSec == m.sec && e.saidNsec >= m.nsec ||
		e.endSec > m.sec || e.endSec == m.sec && e.endNsec > m.nsec
}

// apply updates the tallies with one statement and, unless quiet, records
// the changes it causes.
func (b *builder) apply(e *event, quiet bool) {
	sl := &b.slots[e.src]
	if sl.gen != b.gen {
		*sl = slot{gen: b.gen}
		b.touched = append(b.touched, e.src)
	}
	before := b.cnt.indep
	// A statement with no polarity (a question, a declined comment, a
	// neutral report) leaves the source's position as it was, unless it
	// retracts. A possibility (PS+, PS-) is a position, if one that counts
	// for nothing.
	withdrew := false
	if e.pol != claim.PolarityUnderspecified || e.stance == stanceRetracted {
		b.count(e.src, sl, -1)
		withdrew = b.position(sl, e)
		b.count(e.src, sl, +1)
	}
	// Reversals and certainty changes compare a statement with the one the
	// source said before it, and only when it is the source's newest word
	// with a polarity: a question, a declined comment or a retraction in
	// between does not hide a reversal, and an old statement reported late
	// reverses nothing.
	newer := e.pol != claim.PolarityUnderspecified && (!sl.hasPol || sl.pol.sayOrder(e) <= 0)
	if !quiet {
		if !sl.seen && b.shown > 0 {
			b.emit(ChangeNewSource, e)
		}
		b.shown++
		if e.stance == stanceNegate {
			if sl.everNeg {
				b.emit(ChangeRepeatedDenial, e)
			} else {
				b.emit(ChangeDenial, e)
			}
		}
		if newer && sl.hasPol {
			switch {
			case e.pol != sl.pol.pol:
				b.emit(ChangeReversal, e)
			case e.cert > sl.pol.cert:
				b.emit(ChangeCertaintyRaised, e)
			case e.cert < sl.pol.cert:
				b.emit(ChangeCertaintyLowered, e)
			}
		}
		if e.act == claim.ActRetract && (!e.inherited || withdrew) {
			b.emit(ChangeRetraction, e)
		}
		if b.cnt.indep > before && before >= 1 {
			b.emit(ChangeCorroboration, e)
		}
	}
	sl.seen = true
	sl.everNeg = sl.everNeg || e.stance == stanceNegate
	if newer {
		sl.hasPol, sl.pol = true, *e
	}
}

// position records a statement that takes a position and sets the
// source's position from what it has said: its own latest word on the
// claim, and the latest word each related claim carried to it, whichever
// was said last (see latest). A statement said before the source's latest
// word on the same footing, but reported late, changes nothing.
//
// A retraction withdraws an affirmation. The source's own retraction
// leaves the claim retracted by it when the latest affirmation it made
// (itself or through a refining claim) is later than its latest negation,
// so that an affirmation softened to a possibility and then withdrawn is
// withdrawn; after anything else it leaves no position. A refining claim's
// retraction withdraws what that claim carried, and only that, so the
// source's other words stand. It reports whether an inherited retraction
// withdrew something.
func (b *builder) position(sl *slot, e *event) (withdrew bool) {
	if !e.inherited {
		if !sl.hasOwn || sl.own.sayOrder(e) <= 0 {
			sl.hasOwn, sl.own = true, *e
		}
	} else {
		ch := &b.chans[e.ch]
		switch {
		case e.stance == stanceRetracted:
			if ch.seen && !ch.withdrawn && ch.ev.stance == stanceAffirm && ch.ev.sayOrder(e) <= 0 {
				b.carry(sl, ch, e, true)
				withdrew = true
			}
		case !ch.seen || ch.ev.sayOrder(e) <= 0:
			b.carry(sl, ch, e, false)
		}
	}
	switch {
	case e.stance == stanceAffirm && (!sl.hasAff || sl.aff.sayOrder(e) <= 0):
		sl.hasAff, sl.aff = true, *e
	case e.stance == stanceNegate && (!sl.hasNeg || sl.neg.sayOrder(e) <= 0):
		sl.hasNeg, sl.neg = true, *e
	}
	// The position is the latest word that stands; with none, a withdrawn
	// carried affirmation leaves the claim retracted by this source.
	var own event
	var best *event
	if sl.hasOwn {
		own = sl.own
		if own.stance == stanceRetracted && (!sl.hasAff || sl.hasNeg && sl.neg.sayOrder(&sl.aff) >= 0) {
			own.stance = stanceNeutral
		}
		best = &own
	}
	if sl.width > 0 {
		if best = b.latest(sl, standing, best); best == nil {
			best = b.latest(sl, withdrawn, nil)
		}
	}
	if sl.hasCur = best != nil; best != nil {
		sl.cur = *best
	}
	sl.curConf, sl.curRef, sl.curCorr = b.confirms(&sl.cur), b.refutes(&sl.cur), b.corroborates(&sl.cur)
	return withdrew
}

// count adds (d = +1) or removes (d = -1) a source's current stance from
// the tallies.
func (b *builder) count(src int32, sl *slot, d int) {
	if !sl.hasCur {
		return
	}
	switch sl.cur.stance {
	case stanceNeutral:
		// A possibility, or no position: it counts for nothing.
	case stanceAffirm:
		b.cnt.affirm += d
	case stanceNegate:
		b.cnt.negate += d
	case stanceRetracted:
		b.cnt.retracted += d
	}
	if sl.curConf {
		b.cnt.confirm += d
	}
	if sl.curRef {
		b.cnt.refute += d
	}
	if sl.curCorr {
		r := b.t.srcs.root[src]
		if b.rootGen[r] != b.gen {
			b.rootGen[r], b.rootCount[r] = b.gen, 0
		}
		switch b.rootCount[r] += int32(d); {
		case d > 0 && b.rootCount[r] == 1:
			b.cnt.indep++
		case d < 0 && b.rootCount[r] == 0:
			b.cnt.indep--
		}
	}
}

// confirms reports whether a statement confirms the claim, certainly
// affirming it: an admission by a named source on the accused side, or a
// finding of an investigator that is none of the claim's actors, whatever
// its act.
func (b *builder) confirms(e *event) bool {
	if e.stance != stanceAffirm || e.cert != claim.CertaintyCertain {
		return false
	}
	srcs := &b.t.srcs
	root := srcs.root[e.src]
	if slices.Contains(b.accused, root) {
		return !srcs.anonymous[e.src]
	}
	return srcs.investigator[e.src] && !slices.Contains(b.actors, root)
}

// refutes reports whether a statement refutes the claim: a certain
// negation by an investigator that is none of the claim's actors.
func (b *builder) refutes(e *event) bool {
	srcs := &b.t.srcs
	return e.stance == stanceNegate && e.cert == claim.CertaintyCertain &&
		srcs.investigator[e.src] && !slices.Contains(b.actors, srcs.root[e.src])
}

// corroborates reports whether a statement counts toward corroboration: a
// probable or certain affirmation by a source that is no party to the
// claim but its target (the accused, a beneficiary or a subject cannot
// corroborate a claim about itself), is not absent, and is not an unnamed
// source with no affiliation, whose independence cannot be told, nor,
// under [Rules.ExcludeUnnamed], any unnamed source.
func (b *builder) corroborates(e *event) bool {
	srcs := &b.t.srcs
	return e.stance == stanceAffirm && e.cert >= claim.CertaintyProbable &&
		!srcs.absent[e.src] && !srcs.floating[e.src] &&
		(!b.t.rules.ExcludeUnnamed || !srcs.anonymous[e.src]) &&
		!slices.Contains(b.parties, srcs.root[e.src])
}

// emit records a change caused by e and returns it for further detail.
func (b *builder) emit(k ChangeKind, e *event) *change {
	if b.quiet {
		return &b.spare
	}
	b.changes = append(b.changes, change{claim: b.claim, stmt: e.stmt, kind: k, inherited: e.inherited})
	return &b.changes[len(b.changes)-1]
}
