package timeline

import (
	"math"
	"slices"
)

// A source's words about a claim come through channels: its own, and one
// for each related claim that carries words to the claim. The source's
// position is the latest word among the latest of each channel, so a
// source speaking through thousands of refining claims (dozens of
// incidents under one accusation) needs that latest word found without
// going over every channel at every statement. Each source with carried
// words has a channel tree, a segment tree over its carried words in the
// order they were applied, which is the order they became known: a leaf
// holds a channel's latest word while it is the latest, and each node
// the largest start and end of the said periods below it, for the words
// that stand and for the withdrawn ones apart. Carrying a word and
// finding the latest each cost O(log n) for n words carried.

// chanSource is what stream records of one source while it numbers the
// channels of the claim being built.
type chanSource struct {
	mark  int32 // the related claim whose words last gave the source a channel ...
	ch    int32 // ... and that channel
	gen   int32 // the claim being built when words was counted
	words int32 // the source's carried words on that claim
}

// The two sets of words a channel tree keeps apart.
const (
	standing  = 0 // the latest word of each channel that was not withdrawn
	withdrawn = 1 // the retraction that withdrew a channel's affirmation
)

// chanNode is one node of a channel tree.
type chanNode struct {
	span [2]span // per set, the words below the node
	ch   int32   // at a leaf, the channel whose word it holds
}

// span is the largest start and the largest end of some said periods.
type span struct{ start, end moment }

// noSpan is the span of no period: before every instant.
var noSpan = span{moment{math.MinInt64, 0}, moment{math.MinInt64, 0}}

func (m moment) less(n moment) bool { return m.sec < n.sec || m.sec == n.sec && m.nsec < n.nsec }

func later(m, n moment) moment {
	if m.less(n) {
		return n
	}
	return m
}

func (e *event) start() moment { return moment{e.saidSec, e.saidNsec} }
func (e *event) end() moment   { return moment{e.endSec, e.endNsec} }

// carry makes e, of the source of slot sl, the latest word of channel ch,
// withdrawn or standing.
func (b *builder) carry(sl *slot, ch *carry, e *event, gone bool) {
	if sl.width == 0 {
		sl.width = 1
		for sl.width < b.chanSrcs[e.src].words {
			sl.width *= 2
		}
		sl.tree = int32(len(b.tree))
		b.tree = slices.Grow(b.tree, int(2*sl.width))[:len(b.tree)+int(2*sl.width)]
		// Every node starts empty; copying doubling runs of empty nodes
		// is quicker than setting them one by one.
		nodes := b.tree[sl.tree:]
		nodes[0] = chanNode{span: [2]span{noSpan, noSpan}}
		for k := 1; k < len(nodes); k *= 2 {
			copy(nodes[k:], nodes[:k])
		}
	}
	if ch.seen {
		b.setLeaf(sl, ch.leaf, ch.set(), noSpan)
	}
	*ch = carry{ev: *e, leaf: sl.leaves, seen: true, withdrawn: gone}
	sl.leaves++
	b.tree[sl.tree+sl.width+ch.leaf].ch = e.ch
	b.setLeaf(sl, ch.leaf, ch.set(), span{e.start(), e.end()})
}

// set returns the set of the channel tree that holds ch's word.
func (ch *carry) set() int {
	if ch.withdrawn {
		return withdrawn
	}
	return standing
}

// setLeaf sets the span of one leaf of sl's channel tree in one set and
// updates the nodes above it.
func (b *builder) setLeaf(sl *slot, leaf int32, set int, sp span) {
	tree := b.tree[sl.tree : sl.tree+2*sl.width]
	i := sl.width + leaf
	tree[i].span[set] = sp
	for i > 1 {
		i /= 2
		l, r := &tree[2*i].span[set], &tree[2*i+1].span[set]
		up := span{later(l.start, r.start), later(l.end, r.end)}
		if up == tree[i].span[set] {
			return // nor will the nodes above change
		}
		tree[i].span[set] = up
	}
}

// latest returns the latest of own, when not nil, and the words of one set
// of sl's channel tree, or nil when there is none. The latest word is the
// one later than all the others by sayOrder when there is one; as said
// periods of different precision can make each word later than the next
// in a circle, it is in general the word known last among those said in a
// period wholly before no other's. A word is wholly before another exactly
// when its period ends by the latest start of all, and starts before it,
// so those are the words whose period ends after the latest start or
// starts at it.
func (b *builder) latest(sl *slot, set int, own *event) *event {
	tree := b.tree[sl.tree : sl.tree+2*sl.width]
	all := tree[1].span[set]
	if all == noSpan {
		return own
	}
	last := all.start
	if own != nil {
		last = later(last, own.start())
	}
	ok := func(sp *span) bool { return last.less(sp.end) || sp.start == last }
	var word *event
	if i := sl.width + sl.leaves - 1; ok(&tree[i].span[set]) {
		// The last leaf used holds the word known last of all, as
		// commonly the latest is.
		word = &b.chans[tree[i].ch].ev
	} else if ok(&tree[1].span[set]) {
		// The rightmost leaf that qualifies holds the word known last.
		i := int32(1)
		for i < sl.width {
			if i = 2 * i; ok(&tree[i+1].span[set]) {
				i++
			}
		}
		word = &b.chans[tree[i].ch].ev
	}
	if own != nil && (last.less(own.end()) || own.start() == last) && (word == nil || own.rank > word.rank) {
		return own
	}
	return word
}
