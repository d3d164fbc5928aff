package timeline

import (
	"slices"

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

// classify returns the stance a statement takes.
func classify(s *claim.Statement) stance {
	f := s.Factuality
	switch {
	case s.Act == claim.ActRetract:
		return stanceRetracted
	case f.Certainty < claim.CertaintyProbable:
		return stanceNeutral
	case f.Polarity == claim.PolarityPositive:
		return stanceAffirm
	case f.Polarity == claim.PolarityNegative:
		return stanceNegate
	}
	return stanceNeutral
}

// slot is the builder's memory of one source on the claim being built.
// gen tells whether it belongs to the current claim, so that slots need no
// clearing between claims.
type slot struct {
	gen      int32
	seen     bool // the source has a known statement on the claim
	everNeg  bool // ... and one of them negated it
	lastPol  claim.Polarity
	lastCert claim.Certainty
	hasCur   bool
	cur      int32 // the statement that sets its stance: the latest said
	curSt    stance
	curConf  bool // the current stance confirms the claim
	curCorr  bool // the current stance can corroborate
}

// counters hold the tallies the status rules read.
type counters struct {
	affirm, negate, retracted, confirm, indep int
}

func (c *counters) status() Status {
	switch {
	case c.confirm > 0:
		return StatusConfirmed
	case c.indep >= 2:
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
	t       *Timeline
	rank    []int32 // rank[stmt] is its place in the knowledge order
	off     []int32 // statements of claim i, known order: byClaim[off[i]:off[i+1]]
	byClaim []int32
	ups     [][]int32 // ups[c]: claims whose affirmations count for c
	downs   [][]int32 // downs[c]: claims whose negations count for c

	gen       int32 // the claim being built, counted from 1: zeroed slots belong to none
	slots     []slot
	rootCount []int32
	rootGen   []int32
	cnt       counters
	claim     int32
	shown     int     // statements applied, not quietly, to the claim being built
	touched   []int32 // sources with a statement on the claim being built
	items     []trackItem
}

func newBuilder(t *Timeline, order []int32) *builder {
	n := len(t.claims)
	b := &builder{
		t:         t,
		rank:      make([]int32, len(order)),
		off:       make([]int32, n+1),
		byClaim:   make([]int32, len(order)),
		slots:     make([]slot, len(t.srcs.ids)),
		rootCount: make([]int32, len(t.srcs.ids)),
		rootGen:   make([]int32, len(t.srcs.ids)),
	}
	for i, s := range order {
		b.rank[s] = int32(i)
	}
	t.rank = b.rank
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
	next := slices.Clone(b.off[:n])
	for _, s := range order {
		c := t.info[s].claim
		b.byClaim[next[c]] = s
		next[c]++
	}
	b.relate()
	return b
}

// relate fills ups and downs from the refines and part-of relations,
// transitively. Validation has ruled out cycles.
func (b *builder) relate() {
	t := b.t
	b.ups = make([][]int32, len(t.claims))
	b.downs = make([][]int32, len(t.claims))
	for d := range t.claims {
		if len(t.claims[d].Relations) == 0 {
			continue
		}
		seen := map[int32]bool{}
		stack := []int32{int32(d)}
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, r := range t.claims[x].Relations {
				if r.Kind != claim.RelationRefines && r.Kind != claim.RelationPartOf {
					continue
				}
				c := t.claimIdx[r.To]
				if !seen[c] && c != int32(d) {
					seen[c] = true
					stack = append(stack, c)
				}
			}
		}
		for c := range seen {
			b.ups[c] = append(b.ups[c], int32(d))
			b.downs[d] = append(b.downs[d], c)
		}
	}
}

func (b *builder) run() {
	t := b.t
	n := len(t.claims)
	t.trackOff = make([]int32, n+1)
	t.histOff = make([]int32, n+1)
	t.changeOff = make([]int32, n+1)
	// Inherited statements make tracks longer than the statement count.
	t.track = make([]trackItem, 0, len(t.stmts)+len(t.stmts)/4)
	t.changes = make([]change, 0, 2*len(t.stmts))
	t.history = make([]step, 0, 2*n)
	t.final = make([]counters, n)
	for c := range n {
		b.buildClaim(int32(c))
		t.trackOff[c+1] = int32(len(t.track))
		t.histOff[c+1] = int32(len(t.history))
		t.changeOff[c+1] = int32(len(t.changes))
	}
}

// stream returns the statements that count for claim c, in the order they
// became known: its own, the affirmations and retractions of claims that
// refine it, and the negations of claims it refines.
func (b *builder) stream(c int32) []trackItem {
	b.items = b.items[:0]
	for _, s := range b.byClaim[b.off[c]:b.off[c+1]] {
		b.items = append(b.items, trackItem{stmt: s})
	}
	if len(b.ups[c]) == 0 && len(b.downs[c]) == 0 {
		return b.items
	}
	for _, d := range b.ups[c] {
		for _, s := range b.byClaim[b.off[d]:b.off[d+1]] {
			if st := b.t.info[s].stance; st == stanceAffirm || st == stanceRetracted {
				b.items = append(b.items, trackItem{stmt: s, inherited: true})
			}
		}
	}
	for _, d := range b.downs[c] {
		for _, s := range b.byClaim[b.off[d]:b.off[d+1]] {
			if b.t.info[s].stance == stanceNegate {
				b.items = append(b.items, trackItem{stmt: s, inherited: true})
			}
		}
	}
	slices.SortFunc(b.items, func(x, y trackItem) int { return int(b.rank[x.stmt] - b.rank[y.stmt]) })
	return b.items
}

func (b *builder) buildClaim(c int32) {
	t := b.t
	b.gen++
	b.claim = c
	b.cnt = counters{}
	b.shown = 0
	b.touched = b.touched[:0]
	items := b.stream(c)
	status := StatusUnreported
	reported := false
	var pending []trackItem
	for _, it := range items {
		if !reported {
			if it.inherited && t.info[it.stmt].stance == stanceNegate {
				// A blanket denial older than the claim counts against it
				// from the claim's first report on.
				pending = append(pending, it)
				continue
			}
			reported = true
			for _, p := range pending {
				b.apply(p, true)
			}
			b.emit(ChangeFirstReport, it)
		}
		b.apply(it, false)
		if s := b.cnt.status(); s != status {
			ch := b.emit(ChangeStatus, it)
			ch.from, ch.to = status, s
			t.history = append(t.history, step{stmt: it.stmt, from: status, to: s})
			status = s
		}
	}
	t.final[c] = b.cnt
	slices.Sort(b.touched)
	for _, src := range b.touched {
		if sl := &b.slots[src]; sl.curSt == stanceNegate {
			t.denials = append(t.denials, Denial{
				Claim: t.claims[c].ID, Source: t.srcs.ids[src],
				Statement: t.stmts[sl.cur].ID, Inherited: t.info[sl.cur].claim != c,
			})
		}
	}
	start := len(t.track)
	t.track = append(t.track, items...)
	track := t.track[start:]
	less := func(x, y trackItem) int { return t.compareTrack(x.stmt, y.stmt) }
	if !slices.IsSortedFunc(track, less) {
		slices.SortStableFunc(track, less)
	}
}

// apply updates the tallies with one statement and, unless quiet, records
// the changes it causes.
func (b *builder) apply(it trackItem, quiet bool) {
	t := b.t
	s := &t.stmts[it.stmt]
	src := t.info[it.stmt].src
	sl := &b.slots[src]
	if sl.gen != b.gen {
		*sl = slot{gen: b.gen}
		b.touched = append(b.touched, src)
	}
	st := t.info[it.stmt].stance
	before := b.cnt.indep
	if !sl.hasCur || t.compareTrack(sl.cur, it.stmt) <= 0 {
		b.count(src, sl, -1)
		sl.hasCur, sl.cur, sl.curSt = true, it.stmt, st
		sl.curConf, sl.curCorr = b.confirms(src, s, st), b.corroborates(src, st)
		b.count(src, sl, +1)
	}
	pol, cert := s.Factuality.Polarity, s.Factuality.Certainty
	if !quiet {
		if !sl.seen && b.shown > 0 {
			b.emit(ChangeNewSource, it)
		}
		b.shown++
		if st == stanceNegate {
			if sl.everNeg {
				b.emit(ChangeRepeatedDenial, it)
			} else {
				b.emit(ChangeDenial, it)
			}
		}
		if sl.seen && sl.lastPol != claim.PolarityUnderspecified && pol != claim.PolarityUnderspecified {
			switch {
			case pol != sl.lastPol:
				b.emit(ChangeReversal, it)
			case cert > sl.lastCert:
				b.emit(ChangeCertaintyRaised, it)
			case cert < sl.lastCert:
				b.emit(ChangeCertaintyLowered, it)
			}
		}
		if s.Act == claim.ActRetract {
			b.emit(ChangeRetraction, it)
		}
		if b.cnt.indep > before && before >= 1 {
			b.emit(ChangeCorroboration, it)
		}
	}
	sl.seen = true
	sl.everNeg = sl.everNeg || st == stanceNegate
	// Only a statement with a polarity is a position that a later one can
	// reverse, raise or lower: a question, a declined comment or a
	// retraction in between must not hide a reversal.
	if pol != claim.PolarityUnderspecified {
		sl.lastPol, sl.lastCert = pol, cert
	}
}

// count adds (d = +1) or removes (d = -1) a source's current stance from
// the tallies.
func (b *builder) count(src int32, sl *slot, d int) {
	if !sl.hasCur {
		return
	}
	switch sl.curSt {
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

// confirms reports whether a stance confirms the claim: certain and from
// the accused side, or a certain confirmation by an organisation outside it.
func (b *builder) confirms(src int32, s *claim.Statement, st stance) bool {
	if st != stanceAffirm || s.Factuality.Certainty != claim.CertaintyCertain {
		return false
	}
	accused := slices.Contains(b.t.srcs.accused[b.claim], b.t.srcs.root[src])
	return accused || s.Act == claim.ActConfirm && b.t.srcs.org[src]
}

// corroborates reports whether a stance counts toward corroboration: an
// affirmation by a source that is neither absent nor on the accused side.
func (b *builder) corroborates(src int32, st stance) bool {
	return st == stanceAffirm && !b.t.srcs.absent[src] &&
		!slices.Contains(b.t.srcs.accused[b.claim], b.t.srcs.root[src])
}

// emit records a change caused by it and returns it for further detail.
func (b *builder) emit(k ChangeKind, it trackItem) *change {
	t := b.t
	t.changes = append(t.changes, change{claim: b.claim, stmt: it.stmt, kind: k, inherited: it.inherited})
	return &t.changes[len(t.changes)-1]
}
