package timeline

import (
	"cmp"
	"iter"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
)

// relations is what a timeline keeps of the refines relations to gather
// what each claim inherits when its track is read, rather than write out
// tracks that together grow as the square of a chain's length.
type relations struct {
	ups, downs []int32 // per claim, handles into sets (see builder.relate)
	sets       *claimSets
	// upStmt[upOff[c]:upOff[c+1]] are claim c's affirmations and
	// retractions, downStmt[downOff[c]:...] its negations, as statement
	// indexes.
	upOff, upStmt, downOff, downStmt []int32
}

// relations returns what the timeline keeps of the builder's relations,
// with events turned into statements.
func (b *builder) relations() *relations {
	r := &relations{
		ups: b.ups, downs: b.downs, sets: b.sets,
		upOff: b.upOff, upStmt: b.upEv, downOff: b.downOff, downStmt: b.downEv,
	}
	for i, k := range r.upStmt {
		r.upStmt[i] = b.events[k].stmt
	}
	for i, k := range r.downStmt {
		r.downStmt[i] = b.events[k].stmt
	}
	return r
}

// trackLenAt returns the number of entries on claim c's track, t the
// timeline that holds c's data (see Timeline.home).
func (t *Timeline) trackLenAt(c int32) int {
	n := int(t.trackOff[c+1] - t.trackOff[c])
	if r := t.rel; r != nil {
		for d := range r.sets.all(r.ups[c]) {
			n += int(r.upOff[d+1] - r.upOff[d])
		}
		for d := range r.sets.all(r.downs[c]) {
			n += int(r.downOff[d+1] - r.downOff[d])
		}
	}
	return n
}

// trackStmts returns the statements on claim c's track in track order,
// appended to buf. Its own come ordered from Build; when it inherits some,
// they are gathered from the claims that carry them and the whole sorted,
// which for k entries costs O(k log k), less when they are nearly in order.
func (t *Timeline) trackStmts(c int32, buf []int32) []int32 {
	p, c := t.home(c)
	own := p.track[p.trackOff[c]:p.trackOff[c+1]]
	r := p.rel
	if r == nil || r.ups[c] < 0 && r.downs[c] < 0 {
		return append(buf, own...)
	}
	buf = slices.Grow(buf, p.trackLenAt(c))
	buf = append(buf, own...)
	for d := range r.sets.all(r.ups[c]) {
		buf = append(buf, r.upStmt[r.upOff[d]:r.upOff[d+1]]...)
	}
	for d := range r.sets.all(r.downs[c]) {
		buf = append(buf, r.downStmt[r.downOff[d]:r.downOff[d+1]]...)
	}
	// Sort on keys worked out once per statement, not per comparison.
	keys := make([]trackKey, len(buf))
	for i, s := range buf {
		said := t.said(s)
		start := said.Start()
		keys[i] = trackKey{sec: start.Unix(), nsec: int32(start.Nanosecond()), prec: said.Precision(), rank: t.rank[s], stmt: s}
	}
	slices.SortFunc(keys, func(x, y trackKey) int {
		switch {
		case x.sec != y.sec:
			return cmp.Compare(x.sec, y.sec)
		case x.nsec != y.nsec:
			return cmp.Compare(x.nsec, y.nsec)
		case x.prec != y.prec:
			return cmp.Compare(x.prec, y.prec)
		}
		return cmp.Compare(x.rank, y.rank)
	})
	for i := range keys {
		buf[i] = keys[i].stmt
	}
	return buf
}

// trackKey is what orders a statement on a track, as [Timeline.compareTrack]
// orders it: the start of its said period, its precision, its rank in the
// order statements became known.
type trackKey struct {
	sec        int64
	nsec       int32
	prec       claim.Precision
	rank, stmt int32
}

// item returns statement s as an item of claim c's track: inherited when
// it is about another claim, and discounted when it is a negation of a
// broader claim said before c's event or first report (see [Discount]).
func (t *Timeline) item(c, s int32) trackItem {
	it := trackItem{stmt: s, inherited: t.info[s].claim != c}
	if it.inherited && t.info[s].stance == stanceNegate {
		p, k := t.home(c)
		cut := &p.cut[k]
		said := t.said(s)
		start := said.Start()
		endSec, endNsec := periodEnd(said)
		e := event{saidSec: start.Unix(), saidNsec: int32(start.Nanosecond()), endSec: endSec, endNsec: endNsec}
		if !cut.reported || !e.onOrAfter(moment{cut.sec, cut.nsec}) {
			it.discount = cut.why
		}
	}
	return it
}

// Track returns the statements that count for the claim, ordered as
// [Build] documents: its own, and those inherited through refines
// relations (marked Inherited). It fails with an [*Error] wrapping
// [ErrUnknownClaim] for an unknown claim.
//
// Build does not write out what a claim inherits; Track gathers it. For a
// track of k entries it takes O(k log k) time, less when they are nearly
// in order already, and O(k) memory for the entries it returns. The
// sort is kept rather than a merge of runs ordered by Build: what a claim
// inherits comes from every claim that carries words to it, as many as
// its entries in a chain affirmed claim by claim, so merging their runs
// would cost O(k log k) as well, while keeping each track in order would
// cost memory in proportion to all the tracks, which grow as the square of
// a chain's length.
// [Timeline.TrackSeq] yields the same entries one at a time.
func (t *Timeline) Track(id claim.ID) ([]Entry, error) {
	c, err := t.claimIndex(id)
	if err != nil {
		return nil, err
	}
	stmts := t.trackStmts(c, nil)
	out := make([]Entry, len(stmts))
	for i, s := range stmts {
		out[i] = t.entry(c, t.item(c, s))
	}
	return out, nil
}

// TrackSeq returns the entries of the claim's track, in the order
// [Timeline.Track] returns them, one at a time: a caller that stops early
// pays for the entries it read, not for a copy of the whole track. It
// fails with an [*Error] wrapping [ErrUnknownClaim] for an unknown claim.
//
// Ordering the track takes O(k log k) time and 28k bytes for a track of k
// entries when the sequence is first pulled, less when they are nearly in
// order already; each entry then costs a copy of its statement. The
// sequence can be ranged over more than once, and each range orders the
// track again.
func (t *Timeline) TrackSeq(id claim.ID) (iter.Seq[Entry], error) {
	c, err := t.claimIndex(id)
	if err != nil {
		return nil, err
	}
	return func(yield func(Entry) bool) {
		for _, s := range t.trackStmts(c, nil) {
			if !yield(t.entry(c, t.item(c, s))) {
				return
			}
		}
	}, nil
}
