package corpusview

import (
	"fmt"
	"math/rand/v2"
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
