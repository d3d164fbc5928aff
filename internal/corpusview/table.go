package corpusview

import (
	"math/bits"
	"math/rand/v2"
)

// Table maps IDs to values: what package claim's validator keeps of each
// claim, source and article it looks up for every statement, and the
// lookups by ID an [Index] answers. It is an open-addressing hash table
// with linear probing, sized once from the number of IDs it will hold, in
// which a lookup reads one slot (the ID's header, the high bits of its
// hash and the value) where a Go map reads a group's control word and then
// the slot, and needs no call through the map's hash function: a
// validation of a million statements makes three million lookups, most of
// them cache misses.
//
// The hash multiplies the ID's bytes, 8 at a time, each XORed with a seed
// drawn at random for each Table, and folds each 128-bit product into 64
// bits, as wyhash's protected form and the Go runtime's fallback hash do:
// an ID of up to 16 bytes is hashed in a few instructions, inline, where
// hash/maphash costs three calls. Both operands of every multiply depend on
// the seed, so no set of IDs chosen in advance shares a hash or makes the
// probes long, whatever bytes the IDs hold. The table is at most
// two-thirds full. As a safety net, an Add whose probe would pass
// maxProbe slots draws a new seed and moves the IDs, and doubles the bound
// so that no IDs make it do so more than a few times.
//
// The zero Table is empty and ready to use; [NewTable] makes one sized for
// the IDs it will hold, which grows only when Add is given more. A Table is
// not safe for concurrent use while it is filled; once filled, lookups are
// safe for concurrent use.
type Table[K ~string, V any] struct {
	seed  uint64
	slots []slot[K, V]
	n     int
	// limit is the longest probe an Add makes before it draws a new seed;
	// 0 stands for maxProbe.
	limit int
}

// maxProbe is the longest probe an Add makes at first. At two-thirds full,
// a probe of random hashes passes 512 slots with a probability below
// 1e-15, so no Table of honest IDs comes near it.
const maxProbe = 512

// slot is one place of a Table; tag is 0 in an empty slot, and otherwise
// the high 32 bits of the ID's hash with the lowest set.
type slot[K ~string, V any] struct {
	id  K
	tag uint32
	v   V
}

// NewTable returns an empty Table that holds up to n IDs. It allocates a
// number of slots that is a power of two, more than 1.5n and at most 3n
// (8 at least).
func NewTable[K ~string, V any](n int) *Table[K, V] {
	size := 1 << bits.Len(uint(n+n/2))
	return &Table[K, V]{seed: rand.Uint64(), slots: make([]slot[K, V], max(size, 8))}
}

// Len returns the number of IDs t holds.
func (t *Table[K, V]) Len() int {
	if t == nil {
		return 0
	}
	return t.n
}

// hash returns where id's probes start in t's slots, and its tag.
func (t *Table[K, V]) hash(id K) (int, uint32) {
	h := hashString(t.seed, string(id))
	return int(h) & (len(t.slots) - 1), uint32(h>>32) | 1
}

// The odd constants hashString multiplies by, wyhash's.
const (
	hashK0 = 0xa0761d6478bd642f
	hashK1 = 0xe7037ed1a0b428db
	hashK2 = 0x8ebc6af09c88c6e3
)

// Hash returns the hash of s under seed, the hash a Table uses: package
// claim's check for duplicate statement IDs hashes each ID with it too.
func Hash(seed uint64, s string) uint64 { return hashString(seed, s) }

// hashString returns the hash of s under seed.
//
// Both operands of every multiply depend on the seed, as in wyhash's
// protected form: the first is 8 bytes of s XORed with k, the seed XORed
// with hashK1, the second 8 bytes XORed with h, which starts from the seed.
// With hashK1 alone in place of k, an ID whose first 8 bytes are hashK1
// would make the product 0 and its hash the same under every seed.
func hashString(seed uint64, s string) uint64 {
	k := seed ^ hashK1
	h := seed ^ hashK0 ^ uint64(len(s))*hashK1
	for len(s) > 16 {
		h = mix(LE64(s)^k, LE64(s[8:])^h)
		s = s[16:]
	}
	var a, b uint64
	switch n := len(s); {
	case n > 8:
		a, b = LE64(s), LE64(s[n-8:])
	case n >= 4:
		a, b = uint64(LE32(s)), uint64(LE32(s[n-4:]))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n/2])<<8 | uint64(s[n-1])
	}
	return mix(hashK2^mix(a^k, b^h), uint64(len(s))^hashK0)
}

// mix returns the two halves of a's and b's 128-bit product, folded.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// LE64 returns the first 8 bytes of s as a little-endian number; LE32 the
// first 4. The lookup table hashes with them, and claim's validation
// reads eight or four bytes at a time with them.
func LE64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func LE32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// Get returns the value of id and true, or the zero V and false when t
// does not hold id. A nil Table holds nothing.
func (t *Table[K, V]) Get(id K) (V, bool) {
	if t == nil || t.n == 0 {
		var zero V
		return zero, false
	}
	mask := len(t.slots) - 1
	h := hashString(t.seed, string(id))
	p, tag := int(h)&mask, uint32(h>>32)|1
	for {
		s := &t.slots[p]
		switch {
		case s.tag == tag && s.id == id:
			return s.v, true
		case s.tag == 0:
			var zero V
			return zero, false
		}
		p = (p + 1) & mask
	}
}

// Batch is the most IDs [Table.GetAll] looks up together: enough
// lookups for their cache misses to overlap, few enough for their slots'
// positions to stay on the stack.
const Batch = 32

// GetAll looks up ids[k] for every k, as Get does, and sets vals[k] and
// found[k] to what Get returns; vals and found must be as long as ids. It
// takes Get's time a lookup, but where a Table larger than the processor's
// caches makes each Get wait for its slot from memory before the next
// starts, GetAll makes the waits overlap: for each [Batch] of IDs, it
// hashes every ID, then reads every ID's first slot (loads that depend on
// nothing but the hashes, which the processor issues together), then
// probes from those slots, now in the cache, and compares the IDs.
func (t *Table[K, V]) GetAll(ids []K, vals []V, found []bool) {
	vals, found = vals[:len(ids)], found[:len(ids)]
	if t == nil || t.n == 0 {
		clear(vals)
		clear(found)
		return
	}
	mask := len(t.slots) - 1
	var pos [Batch]int
	var tags, first [Batch]uint32
	for len(ids) > 0 {
		n := min(len(ids), Batch)
		for k, id := range ids[:n] {
			h := hashString(t.seed, string(id))
			pos[k], tags[k] = int(h)&mask, uint32(h>>32)|1
		}
		for k := range n {
			first[k] = t.slots[pos[k]].tag
		}
		for k, id := range ids[:n] {
			vals[k], found[k] = t.probe(id, pos[k], tags[k], first[k])
		}
		ids, vals, found = ids[n:], vals[n:], found[n:]
	}
}

// probe returns the value of id, whose probe starts at slot p with tag,
// and whether t holds it, as Get does; first is the tag of slot p, read
// already.
func (t *Table[K, V]) probe(id K, p int, tag, first uint32) (V, bool) {
	mask := len(t.slots) - 1
	for st := first; st != 0; st = t.slots[p].tag {
		if st == tag && t.slots[p].id == id {
			return t.slots[p].v, true
		}
		p = (p + 1) & mask
	}
	var zero V
	return zero, false
}

// Add records v for id and returns true, unless t holds id already: then
// it returns false and leaves t unchanged. It takes constant time on
// average; past the IDs NewTable was asked for, t doubles its slots when
// it is two-thirds full.
//
// An Add whose probe passes the Table's bound (maxProbe at first) draws a
// new seed, moves the IDs into slots of the same number and doubles the
// bound: a Table is moved at most log2 of its slots times over.
func (t *Table[K, V]) Add(id K, v V) bool {
	if 3*(t.n+1) > 2*len(t.slots) {
		t.grow()
	}
	if t.limit == 0 {
		t.limit = maxProbe
	}
	for {
		mask := len(t.slots) - 1
		p, tag := t.hash(id)
		for d := 0; ; d++ {
			s := &t.slots[p]
			if s.tag == tag && s.id == id {
				return false
			}
			if s.tag == 0 {
				if d > t.limit {
					break
				}
				*s = slot[K, V]{id: id, tag: tag, v: v}
				t.n++
				return true
			}
			p = (p + 1) & mask
		}
		t.limit *= 2
		t.rehash(len(t.slots), rand.Uint64())
	}
}

// Set records v for id, in place of the value t holds for id if it holds
// one, and returns whether it held one. It takes constant time on average,
// as Add does.
func (t *Table[K, V]) Set(id K, v V) bool {
	if t.Add(id, v) {
		return false
	}
	mask := len(t.slots) - 1
	p, tag := t.hash(id)
	for t.slots[p].tag != tag || t.slots[p].id != id {
		p = (p + 1) & mask
	}
	t.slots[p].v = v
	return true
}

// grow moves t's IDs into twice as many slots (8 for the zero Table).
func (t *Table[K, V]) grow() {
	seed := t.seed
	if len(t.slots) == 0 {
		seed = rand.Uint64()
	}
	t.rehash(max(2*len(t.slots), 8), seed)
}

// rehash moves t's IDs into size slots, hashed under seed.
func (t *Table[K, V]) rehash(size int, seed uint64) {
	old := t.slots
	t.seed = seed
	t.slots = make([]slot[K, V], size)
	mask := len(t.slots) - 1
	for i := range old {
		if old[i].tag == 0 {
			continue
		}
		p, tag := t.hash(old[i].id)
		old[i].tag = tag
		for t.slots[p].tag != 0 {
			p = (p + 1) & mask
		}
		t.slots[p] = old[i]
	}
}
