package timeline

import (
	"cmp"
	"maps"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
)

// A claim refined along a chain inherits the affirmations of every claim
// below it: in a chain of n claims each affirmed once, the broadest claim
// hears n-1 of them, and the claims together n(n+1)/2. Most of those words
// change nothing. When one source affirms many claims with the same said
// date and factuality, and nothing else that source says about the claim
// being built falls between two of those words in the order they became
// known, the later word only takes the place of the earlier: the source's
// position, the tallies and the changes stay as they were. So each claim
// hears, of such agreeing words, only the first, and the first after each
// other word of the same source: its effective words. And when every word
// a source says about the claim, its own and inherited, affirms it with
// one factuality, whatever their dates, the claim hears only the first
// the source carries to it, since from its first word on the source
// affirms the claim alike. The effective words are found in one pass over
// the claims from the narrowest to the broadest, which carries each
// claim's agreeing words up in bags of rank sets, moved rather than copied
// along a chain, at a cost of O(log² n) per word, per effective word and
// per source a claim inherits words from.
//
// Only words from a channel (one source's words about one refining claim)
// that are all affirmations of one said date and factuality are carried
// this way; a channel with a retraction, or with words that differ, is
// plain: its words are heard one by one, as the channels machinery needs.

// bulkMode says whether Build carries agreeing affirmations in bulk.
type bulkMode uint8

const (
	bulkAuto   bulkMode = iota // when the claims inherit more words than the corpus has statements
	bulkAlways                 // always, for tests
	bulkNever                  // never: every word is plain, for tests
	bulkMovers                 // always, hearing only the movers of every claim with heads, for tests
)

// manySources returns from how many sources a claim hears of its uniform
// sources only the movers (see heads.go).
func (b *builder) manySources() int {
	if b.bulk == bulkMovers {
		return 0
	}
	return manySources
}

// carryPays reports whether to carry words along the claims' relations in
// bags: under bulkAuto, when the claims inherit, counted along every path,
// more words than the corpus has statements, as in long chains; otherwise
// hearing every word costs no more than the corpus, and the bags would
// only add to it. Words go up (affirmations and retractions, to the claims
// a claim refines: from lists, for each claim, those it hears from, and
// own is upOff) when backward is false, and down (negations: from is out,
// own is downOff) when it is true; order puts each claim after those it
// hears from when walked forward.
func (b *builder) carryPays(order, from, fromOff, own []int32, backward bool) bool {
	switch b.bulk {
	case bulkAlways, bulkMovers:
		return true
	case bulkNever:
		return false
	case bulkAuto:
		// Decided below.
	}
	limit := int64(len(b.events))
	reach := make([]int64, len(b.t.claims)) // words reaching each claim, capped
	var total int64
	for k := range order {
		c := order[k]
		if backward {
			c = order[len(order)-1-k]
		}
		for _, d := range from[fromOff[c]:fromOff[c+1]] {
			reach[c] = min(reach[c]+reach[d]+int64(own[d+1]-own[d]), limit+1)
		}
		if total += reach[c]; total > limit {
			return true
		}
	}
	return false
}

// wordKey is what the affirmations carried in bulk must share: the source,
// the said period and its precision, and the factuality.
type wordKey struct {
	saidSec, endSec   int64
	saidNsec, endNsec int32
	src               int32
	prec              claim.Precision
	pol               claim.Polarity
	cert              claim.Certainty
}

func keyOf(e *event) wordKey {
	return wordKey{
		saidSec: e.saidSec, endSec: e.endSec, saidNsec: e.saidNsec, endNsec: e.endNsec,
		src: e.src, prec: e.prec, pol: e.pol, cert: e.cert,
	}
}

// rankSet is a set of ranks (places in the order statements became known)
// kept as sorted runs whose lengths at least halve from one run to the
// next, so that adding a rank costs O(log n) amortised and finding one
// O(log² n).
type rankSet struct {
	runs [][]int32
	n    int
}

// add adds r, which must not be in the set.
func (s *rankSet) add(r int32) {
	s.runs = append(s.runs, []int32{r})
	s.n++
	for k := len(s.runs); k >= 2 && len(s.runs[k-1]) >= len(s.runs[k-2]); k-- {
		a, b := s.runs[k-2], s.runs[k-1]
		m := make([]int32, 0, len(a)+len(b))
		i, j := 0, 0
		for i < len(a) && j < len(b) {
			if a[i] < b[j] {
				m = append(m, a[i])
				i++
			} else {
				m = append(m, b[j])
				j++
			}
		}
		m = append(append(m, a[i:]...), b[j:]...)
		s.runs[k-2] = m
		s.runs = s.runs[:k-1]
	}
}

// has reports whether r is in the set.
func (s *rankSet) has(r int32) bool {
	for _, run := range s.runs {
		if _, ok := slices.BinarySearch(run, r); ok {
			return true
		}
	}
	return false
}

// after returns the smallest rank in the set greater than r.
func (s *rankSet) after(r int32) (int32, bool) {
	best, ok := int32(0), false
	for _, run := range s.runs {
		i, found := slices.BinarySearch(run, r)
		if found {
			i++
		}
		if i < len(run) && (!ok || run[i] < best) {
			best, ok = run[i], true
		}
	}
	return best, ok
}

// merge adds the ranks of o that s does not hold.
func (s *rankSet) merge(o *rankSet) {
	for _, run := range o.runs {
		for _, r := range run {
			if !s.has(r) {
				s.add(r)
			}
		}
	}
}

func (s *rankSet) clone() *rankSet {
	c := &rankSet{runs: make([][]int32, len(s.runs)), n: s.n}
	for i, run := range s.runs {
		c.runs[i] = slices.Clone(run)
	}
	return c
}

// keyBag holds the affirmations a claim passes on in bulk, by source.
type keyBag struct {
	srcs  map[int32]*srcBag
	n     int       // ranks in all sets
	mixed []int32   // the sources whose words differ in factuality, each once
	heads *bagHeads // the other sources by first rank, when info is set (see heads.go)
	info  *headInfo
}

// noted records what changed for src, whose bag was old before (nil when
// new to the bag) with the given first rank and mix: a source whose words
// now differ is listed as mixed, and one whose first rank is new is pushed
// into the heads.
func (b *keyBag) noted(src int32, wasIn bool, first int32, wasMixed bool) {
	sb := b.srcs[src]
	switch {
	case sb.mixed && (!wasIn || !wasMixed):
		b.mixed = append(b.mixed, src)
	case !sb.mixed && b.info != nil && (!wasIn || sb.first < first):
		if b.heads == nil {
			b.heads = new(bagHeads)
		}
		b.heads.push(b.info, src, sb)
	}
}

// srcBag holds one source's affirmations in a bag, by key, with the
// earliest known of them and whether they all share one factuality.
type srcBag struct {
	keys  map[wordKey]*rankSet
	n     int
	first int32 // the smallest rank
	pol   claim.Polarity
	cert  claim.Certainty
	mixed bool // the keys differ in factuality
}

// add adds the affirmation e, which must not be in the bag.
func (b *keyBag) add(e *event) {
	sb := b.srcs[e.src]
	if sb != nil {
		defer b.noted(e.src, true, sb.first, sb.mixed)
	} else {
		defer b.noted(e.src, false, 0, false)
	}
	if sb == nil {
		sb = &srcBag{keys: make(map[wordKey]*rankSet), first: e.rank, pol: e.pol, cert: e.cert}
		b.srcs[e.src] = sb
	}
	key := keyOf(e)
	set := sb.keys[key]
	if set == nil {
		set = new(rankSet)
		sb.keys[key] = set
	}
	set.add(e.rank)
	sb.n++
	b.n++
	sb.first = min(sb.first, e.rank)
	sb.mixed = sb.mixed || e.pol != sb.pol || e.cert != sb.cert
}

// mergeBag adds the ranks of o to b; o's sets are taken over when owned,
// else copied.
func (b *keyBag) mergeBag(o *keyBag, owned bool) {
	for src, osb := range o.srcs {
		sb := b.srcs[src]
		if sb == nil {
			if !owned {
				osb = osb.clone()
			}
			b.srcs[src] = osb
			b.n += osb.n
			b.noted(src, false, 0, false)
			continue
		}
		first, mixed := sb.first, sb.mixed
		before := sb.n
		if owned && osb.n > sb.n {
			// Merge the smaller into the larger.
			sb, osb = osb, sb
			b.srcs[src] = sb
		}
		sb.merge(osb, owned)
		b.n += sb.n - before
		b.noted(src, true, first, mixed)
	}
}

// merge adds the ranks of o to sb, taking o's sets over when owned.
func (sb *srcBag) merge(o *srcBag, owned bool) {
	sb.first = min(sb.first, o.first)
	sb.mixed = sb.mixed || o.mixed || o.pol != sb.pol || o.cert != sb.cert
	for k, os := range o.keys {
		s := sb.keys[k]
		if s == nil {
			if !owned {
				os = os.clone()
			}
			sb.keys[k] = os
			sb.n += os.n
			continue
		}
		before := s.n
		if owned && os.n > s.n {
			s, os = os, s
			sb.keys[k] = s
		}
		s.merge(os)
		sb.n += s.n - before
	}
}

func (sb *srcBag) clone() *srcBag {
	c := *sb
	c.keys = make(map[wordKey]*rankSet, len(sb.keys))
	for k, s := range sb.keys {
		c.keys[k] = s.clone()
	}
	return &c
}

func (b *keyBag) clone() *keyBag {
	c := &keyBag{srcs: make(map[int32]*srcBag, len(b.srcs)), n: b.n, mixed: slices.Clone(b.mixed), info: b.info}
	if b.heads != nil {
		c.heads = b.heads.clone()
	}
	for src, sb := range b.srcs {
		c.srcs[src] = sb.clone()
	}
	return c
}

// bulkWords sorts each claim's affirmations and retractions into those it
// passes on in bulk and the plain ones, and returns the plain ones as
// plainOff/plainEv (indexes into events, as upEv) and for each claim the
// bulk ones, its keyed words. related tells the claims that have a
// refines relation. With bulk false every word is plain, and so are the
// words of the sources plainSrc marks (see plainUpSources).
func (b *builder) bulkWords(related func(int) bool, bulk bool, plainSrc []bool) (plainOff, plainEv, keyedOff, keyedEv []int32) {
	n := len(b.t.claims)
	plainOff = make([]int32, n+1)
	keyedOff = make([]int32, n+1)
	plainEv = make([]int32, 0, b.upOff[n])
	var bySrc []int32
	for c := range n {
		ks := b.upEv[b.upOff[c]:b.upOff[c+1]]
		if !bulk || !related(c) || len(ks) == 0 {
			plainEv = append(plainEv, ks...)
			plainOff[c+1], keyedOff[c+1] = int32(len(plainEv)), int32(len(keyedEv))
			continue
		}
		// A source's words on c are one channel: keyed when all are
		// affirmations with one key.
		bySrc = append(bySrc[:0], ks...)
		slices.SortStableFunc(bySrc, func(x, y int32) int { return cmp.Compare(b.events[x].src, b.events[y].src) })
		for i := 0; i < len(bySrc); {
			j := i + 1
			e := &b.events[bySrc[i]]
			keyed := e.stance == stanceAffirm && (plainSrc == nil || !plainSrc[e.src])
			for ; j < len(bySrc) && b.events[bySrc[j]].src == e.src; j++ {
				f := &b.events[bySrc[j]]
				keyed = keyed && f.stance == stanceAffirm && keyOf(f) == keyOf(e)
			}
			if keyed {
				keyedEv = append(keyedEv, bySrc[i:j]...)
			} else {
				plainEv = append(plainEv, bySrc[i:j]...)
			}
			i = j
		}
		// Plain words stay in the order they became known.
		slices.Sort(plainEv[plainOff[c]:])
		plainOff[c+1], keyedOff[c+1] = int32(len(plainEv)), int32(len(keyedEv))
	}
	return plainOff, plainEv, keyedOff, keyedEv
}

// effectiveWords walks the claims in topological order, narrowest first,
// carrying the keyed words up in bags, and sets b.effOff and b.eff: for
// each claim, the keyed words it inherits that can change something (see
// the top of this file), as indexes into events.
func (b *builder) effectiveWords(order, in, inOff, outOff, keyedOff, keyedEv []int32) {
	n := len(b.t.claims)
	b.effOff = make([]int32, n+1)
	if len(keyedEv) == 0 {
		return
	}
	evOfRank := make([]int32, len(b.events))
	for k := range b.events {
		evOfRank[b.events[k].rank] = int32(k)
	}
	bags := make([]*keyBag, n)
	left := make([]int32, n) // consumers of each claim's bag not yet served
	for c := range n {
		left[c] = outOff[c+1] - outOff[c]
	}
	effs := make([][]int32, n)
	info := &headInfo{srcs: &b.t.srcs, rules: b.t.rules}
	stamp := make([]int32, len(b.t.srcs.ids))
	var w effWalk
	for _, c := range order {
		var acc *keyBag
		for _, d := range in[inOff[c]:inOff[c+1]] {
			left[d]--
			bd := bags[d]
			if bd == nil {
				continue
			}
			owned := left[d] == 0
			switch {
			case acc == bd:
			case acc == nil && owned:
				acc = bd
			case acc == nil:
				acc = bd.clone()
			case owned && bd.n > acc.n:
				acc, bd = bd, acc
				fallthrough
			default:
				acc.mergeBag(bd, owned)
			}
			if owned {
				bags[d] = nil
			}
		}
		if acc != nil && acc.n > 0 {
			var reduced bool
			if effs[c], reduced = w.effective(b, c, acc, stamp, c+1, evOfRank, false); reduced {
				if b.derived == nil {
					b.derived = make([]bool, n)
				}
				b.derived[c] = true
			}
		}
		if outOff[c+1] == outOff[c] {
			continue
		}
		if own := keyedEv[keyedOff[c]:keyedOff[c+1]]; len(own) > 0 {
			if acc == nil {
				acc = &keyBag{srcs: make(map[int32]*srcBag), info: info}
			}
			for _, k := range own {
				acc.add(&b.events[k])
			}
		}
		bags[c] = acc
	}
	total := 0
	for _, e := range effs {
		total += len(e)
	}
	b.eff = make([]int32, 0, total)
	for c := range n {
		b.eff = append(b.eff, effs[c]...)
		b.effOff[c+1] = int32(len(b.eff))
	}
}

// effWalk holds the scratch space of effective.
type effWalk struct {
	srcs     []int32
	movers   []int32
	q        headQuery
	keys     []wordKey
	breakers []srcRank
	heap     []srcRank // by rank: the next word of each key, key as src
}

type srcRank struct{ src, rank int32 }

// effective returns the effective words of claim c among the keyed words
// of bag, as indexes into events. For a source whose every word the claim
// hears is an affirmation of one factuality, that is only the first of
// them in the bag: once the source affirms the claim, whichever of its
// words sets its position affirms it alike, and none of them changes
// anything. Otherwise it is, for each key, the first of its words, and
// each word that follows, in the order words became known, a word of the
// source with another key or a word the claim hears otherwise (its own, a
// plain inherited one, a negation of a broader claim), called a breaker.
//
// It marks stamps with mark, and unless whole, when the bag has
// words of more than manySources sources and heads to find them by, it
// returns of the uniform sources that are no breakers only those that can
// move the claim's status (see heads.go), and reports that it did.
func (w *effWalk) effective(b *builder, c int32, bag *keyBag, stamp []int32, mark int32, evOfRank []int32, whole bool) (out []int32, reduced bool) {
	reduced = !whole && bag.heads != nil && len(bag.srcs) > b.manySources()
	if reduced {
		// The sources that can be anything but uniform: those with words
		// the claim hears otherwise, found below, and the mixed ones.
		w.srcs = w.srcs[:0]
	} else {
		w.srcs = slices.AppendSeq(w.srcs[:0], maps.Keys(bag.srcs))
		for _, src := range w.srcs {
			stamp[src] = mark
		}
	}
	w.breakers = w.breakers[:0]
	add := func(k int32) {
		e := &b.events[k]
		switch {
		case stamp[e.src] == mark:
		case !reduced || bag.srcs[e.src] == nil:
			return
		default:
			stamp[e.src] = mark
			w.srcs = append(w.srcs, e.src)
		}
		w.breakers = append(w.breakers, srcRank{e.src, e.rank})
	}
	for k := b.off[c]; k < b.off[c+1]; k++ {
		add(k)
	}
	for d := range b.sets.all(b.plainUps[c]) {
		for _, k := range b.plainEv[b.plainOff[d]:b.plainOff[d+1]] {
			add(k)
		}
	}
	for d := range b.sets.all(b.pdowns[c]) {
		for _, k := range b.pdownEv[b.pdownOff[d]:b.pdownOff[d+1]] {
			add(k)
		}
	}
	if reduced {
		// Breakers and mixed sources are heard as before; of the others,
		// which are all uniform, only those that can move the status.
		nBreakers := len(w.srcs)
		for _, src := range bag.mixed {
			if stamp[src] != mark {
				stamp[src] = mark
				w.srcs = append(w.srcs, src)
			}
		}
		breaker := func(src int32) bool { return slices.Contains(w.srcs[:nBreakers], src) }
		if nBreakers > 8 {
			breaker = func(src int32) bool { _, ok := slices.BinarySearch(w.srcs[:nBreakers], src); return ok }
			slices.Sort(w.srcs[:nBreakers])
		}
		w.movers = w.q.movers(b, bag, c, breaker, stamp, mark, w.movers[:0])
		for _, src := range w.movers {
			out = append(out, evOfRank[bag.srcs[src].first])
		}
	}
	slices.Sort(w.srcs)
	slices.SortFunc(w.breakers, func(x, y srcRank) int {
		if x.src != y.src {
			return cmp.Compare(x.src, y.src)
		}
		return cmp.Compare(x.rank, y.rank)
	})
	lo := 0
	for _, src := range w.srcs {
		for lo < len(w.breakers) && w.breakers[lo].src < src {
			lo++
		}
		hi := lo
		for hi < len(w.breakers) && w.breakers[hi].src == src {
			hi++
		}
		sb := bag.srcs[src]
		// A negation counts only from a claim's threshold on (see
		// claimThreshold), so of a source that only negates the first word
		// is not enough: it may not count where a later one does.
		uniform := !sb.mixed && sb.pol != claim.PolarityNegative
		for _, br := range w.breakers[lo:hi] {
			e := &b.events[evOfRank[br.rank]]
			uniform = uniform && e.stance == stanceAffirm && e.pol == sb.pol && e.cert == sb.cert
		}
		if uniform {
			out = append(out, evOfRank[sb.first])
		} else {
			w.keys = slices.AppendSeq(w.keys[:0], maps.Keys(sb.keys))
			out = w.walk(w.keys, sb, w.breakers[lo:hi], evOfRank, out)
		}
		lo = hi
	}
	return out, reduced
}

// walk appends to out the effective words of one source's keys.
func (w *effWalk) walk(keys []wordKey, sb *srcBag, breakers []srcRank, evOfRank []int32, out []int32) []int32 {
	h := w.heap[:0]
	for i, k := range keys {
		if r, ok := sb.keys[k].after(-1); ok {
			h = heapPush(h, srcRank{int32(i), r})
		}
	}
	bi := 0
	for len(h) > 0 {
		var top srcRank
		top, h = heapPop(h)
		out = append(out, evOfRank[top.rank])
		// The key's words up to the next word of another key or the next
		// breaker change nothing; its next effective word is its first
		// after that.
		for bi < len(breakers) && breakers[bi].rank < top.rank {
			bi++
		}
		next, has := int32(0), false
		if len(h) > 0 {
			next, has = h[0].rank, true
		}
		if bi < len(breakers) && (!has || breakers[bi].rank < next) {
			next, has = breakers[bi].rank, true
		}
		if !has {
			continue
		}
		if r, ok := sb.keys[keys[top.src]].after(next); ok {
			h = heapPush(h, srcRank{top.src, r})
		}
	}
	w.heap = h
	return out
}

// heapPush and heapPop keep h a binary min-heap by rank.
func heapPush(h []srcRank, x srcRank) []srcRank {
	h = append(h, x)
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if h[p].rank <= h[i].rank {
			break
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
	return h
}

func heapPop(h []srcRank) (srcRank, []srcRank) {
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && h[l].rank < h[m].rank {
			m = l
		}
		if r < len(h) && h[r].rank < h[m].rank {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	return top, h
}
