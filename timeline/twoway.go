package timeline

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
// which breaks a run of agreeing negations, is one it hears one by one. The negations are carried down the claims in
// bags of rank sets, moved rather than copied along a chain, at a cost of
// O(log² n) per word, and per key and per other word of the source that a
// claim hears. A source whose negations differ in key has them heard one
// by one: each key's first and each after a word of another key would be
// heard anyway, nearly all of them where the keys differ from claim to
// claim, and the bags would only add their cost to that of hearing them.

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
