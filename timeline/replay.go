package timeline

import (
	"slices"
	"sync"
)

// A claim that inherits agreeing affirmations from many sources has a
// change for each new source it hears, and a chain of n claims each
// affirmed by a source of its own has n(n-1)/2 of them. Build hears only
// the sources that can move such a claim's status (see heads.go) and
// keeps no changes for it; they are worked out again, from every word the
// claim hears, when they are read. replayState holds what that needs.

// replayState is what the timeline keeps of its builder to work out the
// changes of the claims Build left them to.
type replayState struct {
	derived     []bool // the claims whose changes are worked out when read
	lazyDenials []bool // the claims whose denials are worked out when read, nil for none
	// What builder.stream reads; downEv is a copy, as relations turns the
	// builder's into statement indexes.
	off, plainUps, plainOff, plainEv, downs, downOff, downEv []int32
	ups                                                      []int32 // per claim, the claims whose words count for it
	keyedOff, keyedEv                                        []int32
	events                                                   []event
	evOfRank                                                 []int32
	sets                                                     *claimSets
	pool                                                     sync.Pool // of *replayer
}

// replayer is the scratch space of working out one claim's changes.
type replayer struct {
	b     *builder
	w     effWalk
	stamp []int32
	mark  int32 // the last mark put in stamp
}

// replayState returns what the timeline keeps to work out the changes of
// the claims b left them to.
func (b *builder) replayState() *replayState {
	rs := &replayState{
		derived: b.derived, lazyDenials: b.lazyDenials,
		off: b.off, plainUps: b.plainUps, plainOff: b.plainOff, plainEv: b.plainEv,
		downs: b.downs, downOff: b.downOff, downEv: slices.Clone(b.downEv),
		ups: b.ups, keyedOff: b.keyedOff, keyedEv: b.keyedEv,
		events: b.events, sets: b.sets,
	}
	rs.evOfRank = make([]int32, len(b.events))
	for k := range b.events {
		rs.evOfRank[b.events[k].rank] = int32(k)
	}
	return rs
}

// changes returns the changes of claim c, which Build left to be worked
// out, as Build records those of the other claims. It hears every word the
// claim hears: for k words inherited in bulk and m others it takes
// O(k log k + m log m) time, plus the memory of the changes.
func (rs *replayState) changes(t *Timeline, c int32) []change {
	var out []change
	rs.replay(t, c, func(b *builder) { out = slices.Clone(b.changes) })
	return out
}

// denials returns the denials of claim c, which Build left to be worked
// out, as Build records those of the other claims, at the cost of changes.
func (rs *replayState) denials(t *Timeline, c int32) []denial {
	var out []denial
	rs.replay(t, c, func(b *builder) { out = slices.Clone(b.denials) })
	return out
}

// replay builds claim c hearing every word, and passes the builder that
// did to read.
func (rs *replayState) replay(t *Timeline, c int32, read func(*builder)) {
	r, _ := rs.pool.Get().(*replayer)
	if r == nil {
		n := len(t.srcs.ids)
		r = &replayer{
			b: &builder{
				t: t, off: rs.off, events: rs.events, downs: rs.downs, downOff: rs.downOff, downEv: rs.downEv,
				pdowns: rs.downs, pdownOff: rs.downOff, pdownEv: rs.downEv,
				plainUps: rs.plainUps, plainOff: rs.plainOff, plainEv: rs.plainEv, sets: rs.sets,
				replay: true,
				slots:  make([]slot, n), rootCount: make([]int32, n), rootGen: make([]int32, n),
				chanSrcs: make([]chanSource, n),
			},
			stamp: make([]int32, n),
		}
	}
	defer rs.pool.Put(r)
	// The bag of the words the claim inherits in bulk, gathered from the
	// claims that carry words to it, as Build had it.
	bag := &keyBag{srcs: make(map[int32]*srcBag)}
	for d := range rs.sets.all(rs.ups[c]) {
		for _, k := range rs.keyedEv[rs.keyedOff[d]:rs.keyedOff[d+1]] {
			bag.add(&rs.events[k])
		}
	}
	b := r.b
	r.mark++
	b.effFor, _ = r.w.effective(b, c, bag, r.stamp, r.mark, rs.evOfRank, true)
	b.changes, b.denials = b.changes[:0], b.denials[:0]
	b.buildClaim(c)
	read(b)
}

// changesOf returns claim c's changes, kept or worked out.
func (t *Timeline) changesOf(c int32) []change {
	if rs := t.replay; rs != nil && rs.derived[c] {
		return rs.changes(t, c)
	}
	p, c := t.home(c)
	return p.changes[p.changeOff[c]:p.changeOff[c+1]]
}
