package corpusview

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTable fills Tables, sized beforehand and grown from the zero Table,
// and checks every lookup against a Go map: IDs of every length to past
// the 16 bytes hashed in one step, IDs that differ only in their last
// byte or their length, repeated IDs, and the empty ID.
func TestTable(t *testing.T) {
	tests := []struct {
		name string
		ids  func() []string
	}{
		{name: "none", ids: func() []string { return nil }},
		{name: "empty-id", ids: func() []string { return []string{"", "a", ""} }},
		{name: "lengths", ids: func() []string {
			var ids []string
			for n := range 70 {
				ids = append(ids, strings.Repeat("x", n), strings.Repeat("x", n)+"y")
			}
			return ids
		}},
		{name: "last-byte", ids: func() []string {
			var ids []string
			for b := range 256 {
				ids = append(ids, "article-"+string(rune(b)), "a-much-longer-article-id-"+string([]byte{byte(b)}))
			}
			return ids
		}},
		{name: "many", ids: func() []string {
			r := rand.New(rand.NewPCG(3, 4))
			ids := make([]string, 20_000)
			for i := range ids {
				ids[i] = fmt.Sprintf("c%d", r.IntN(15_000)) // about a quarter repeat
			}
			return ids
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ids := tc.ids()
			sized, grown := NewTable[string, int32](len(ids)), &Table[string, int32]{}
			want := map[string]int32{}
			for i, id := range ids {
				_, had := want[id]
				if !had {
					want[id] = int32(i)
				}
				assert.Equal(t, !had, sized.Add(id, int32(i)), "sized.Add(%q)", id)
				assert.Equal(t, !had, grown.Add(id, int32(i)), "grown.Add(%q)", id)
			}
			for _, x := range []*Table[string, int32]{sized, grown} {
				assert.Equal(t, len(want), x.Len())
				for id, j := range want {
					got, ok := x.Get(id)
					assert.True(t, ok, "Get(%q)", id)
					assert.Equal(t, j, got, "Get(%q)", id)
				}
				for _, id := range []string{"no such id", "c-1", strings.Repeat("x", 71), "article-"} {
					_, ok := x.Get(id)
					assert.Equal(t, false, ok, "Get(%q) of an ID never added", id)
				}
				assertGetAll(t, x, append(slices.Clone(ids), "no such id", "c-1", strings.Repeat("x", 71), "article-"))
			}
			// Set replaces the value of an ID held, and adds one that is not.
			for id := range want {
				assert.True(t, sized.Set(id, -7), "Set(%q)", id)
				got, _ := sized.Get(id)
				assert.Equal(t, int32(-7), got, "Get(%q) after Set", id)
			}
			assert.False(t, sized.Set("a new id", 9))
			got, ok := sized.Get("a new id")
			assert.True(t, ok)
			assert.Equal(t, int32(9), got)
			assert.Equal(t, len(want)+1, sized.Len())
		})
	}
}

// TestTableNil checks that nil and zero Tables hold nothing.
func TestTableNil(t *testing.T) {
	var nilTable *Table[string, int]
	_, ok := nilTable.Get("x")
	assert.False(t, ok)
	assert.Equal(t, 0, nilTable.Len())
	var zero Table[string, int]
	_, ok = zero.Get("")
	assert.False(t, ok)
	for _, x := range []*Table[string, int]{nilTable, &zero} {
		vals, found := []int{7, 8}, []bool{true, true}
		x.GetAll([]string{"", "x"}, vals, found)
		assert.Equal(t, []int{0, 0}, vals)
		assert.Equal(t, []bool{false, false}, found)
	}
}

// assertGetAll checks that GetAll finds what Get finds of each of ids, in
// more than one batch and in a last batch that is not full, whatever the
// vals and found slices held before.
func assertGetAll(t *testing.T, x *Table[string, int32], ids []string) {
	t.Helper()
	for _, n := range []int{len(ids), min(len(ids), Batch+5), min(len(ids), 1)} {
		vals, found := make([]int32, n), make([]bool, n)
		for k := range vals {
			vals[k], found[k] = -99, true
		}
		x.GetAll(ids[:n], vals, found)
		for k, id := range ids[:n] {
			want, ok := x.Get(id)
			assert.Equal(t, ok, found[k], "GetAll found %q", id)
			assert.Equal(t, want, vals[k], "GetAll value of %q", id)
		}
	}
}

// TestHashString checks that hashString depends on the seed and on every
// byte of IDs of each length, so that IDs that differ anywhere spread
// over a Table's slots.
func TestHashString(t *testing.T) {
	for n := 1; n <= 40; n++ {
		base := strings.Repeat("k", n)
		h := hashString(1, base)
		assert.NotEqual(t, h, hashString(2, base), "seed, %d bytes", n)
		assert.NotEqual(t, h, hashString(1, base+"k"), "length, %d bytes", n)
		for i := range n {
			b := []byte(base)
			b[i] ^= 1
			assert.NotEqual(t, h, hashString(1, string(b)), "byte %d of %d", i, n)
		}
	}
}

// probes returns the mean and the longest distance of t's IDs from the
// slot where their probes start.
func probes[K ~string, V any](t *Table[K, V]) (mean float64, longest int) {
	mask, total := len(t.slots)-1, 0
	for i, s := range t.slots {
		if s.tag == 0 {
			continue
		}
		home, _ := t.hash(s.id)
		d := (i - home) & mask
		total += d
		longest = max(longest, d)
	}
	return float64(total) / float64(max(t.n, 1)), longest
}

// k1 is hashK1 as the 8 bytes an ID would hold to XOR it away.
var k1 = string([]byte{0xdb, 0x28, 0xb4, 0xa0, 0xd1, 0x7e, 0x03, 0xe7})

// TestHashChosenIDs checks that IDs chosen to zero a product of the hash
// (every 8-byte word that is XORed with hashK1 set to hashK1) neither
// share a hash nor keep it from one seed to another, and that a Table of
// them keeps its probes short.
func TestHashChosenIDs(t *testing.T) {
	const n = 4000
	tests := []struct {
		name string
		id   func(i int) string
	}{
		{name: "review-15-bytes", id: func(i int) string { return fmt.Sprintf(k1+"%07d", i) }},
		{name: "9-to-40-bytes", id: func(i int) string { return k1 + string(rune(i%128)) + strings.Repeat("z", i/128) }},
		{name: "16-bytes", id: func(i int) string { return fmt.Sprintf(k1+"%08d", i) }},
		{name: "24-bytes", id: func(i int) string { return fmt.Sprintf(k1+"%016d", i) }},
		{name: "32-bytes", id: func(i int) string { return fmt.Sprintf(k1+"%08d"+k1+"%08d", i, i) }},
		{name: "48-bytes", id: func(i int) string { return fmt.Sprintf(k1+"%08d"+k1+"%08d"+k1+"%08d", i, i, i) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := NewTable[string, int32](n)
			for i := range n {
				id := tc.id(i)
				assert.True(t, x.Add(id, int32(i)), "Add(%q)", id)
			}
			hashes := map[uint64]bool{}
			for i := range n {
				hashes[hashString(x.seed, tc.id(i))] = true
			}
			assert.Equal(t, n, len(hashes), "distinct hashes of %d IDs", n)
			mean, longest := probes(x)
			assert.Less(t, mean, 4.0, "mean probe distance")
			assert.Less(t, longest, 100, "longest probe distance")
			for i := range 10 {
				id := tc.id(i)
				assert.NotEqual(t, hashString(1, id), hashString(2, id), "%q under seeds 1 and 2", id)
				assert.NotEqual(t, hashString(x.seed, id), hashString(^x.seed, id), "%q under two seeds", id)
			}
		})
	}
}

// TestTableLongProbe checks the safety net against long probes: a Table
// whose bound is a few slots draws new seeds and moves its IDs as it is
// filled, doubling the bound, and still holds every ID.
func TestTableLongProbe(t *testing.T) {
	tests := []struct {
		name  string
		limit int
		n     int
	}{
		{name: "bound-1", limit: 1, n: 3000},
		{name: "bound-4", limit: 4, n: 3000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := NewTable[string, int32](tc.n)
			x.limit = tc.limit
			seed := x.seed
			for i := range tc.n {
				assert.True(t, x.Add(fmt.Sprintf("id-%d", i), int32(i)))
			}
			assert.Greater(t, x.limit, tc.limit, "bound after the fill")
			assert.NotEqual(t, seed, x.seed, "seed after the fill")
			assert.Equal(t, tc.n, x.Len())
			for i := range tc.n {
				got, ok := x.Get(fmt.Sprintf("id-%d", i))
				assert.True(t, ok, "Get(id-%d)", i)
				assert.Equal(t, int32(i), got)
			}
			_, ok := x.Get("id--1")
			assert.False(t, ok)
			ids := []string{"id--1"}
			for i := range tc.n {
				ids = append(ids, fmt.Sprintf("id-%d", i), fmt.Sprintf("id-%d-not-added", i))
			}
			assertGetAll(t, x, ids)
		})
	}
}
