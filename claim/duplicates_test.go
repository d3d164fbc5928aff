package claim

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestDuplicates checks the radix-sorted duplicate search against a map,
// below and above the size where it stops using a plain sort.
func TestDuplicates(t *testing.T) {
	tests := []struct {
		name string
		n    int
	}{
		{name: "none", n: 0},
		{name: "small", n: 100},
		{name: "radix", n: 20_000},
		{name: "collisions", n: 300_000}, // about ten pairs of distinct IDs share the 32 bits sorted on
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(7, uint64(tc.n)))
			stmts := make([]Statement, tc.n)
			for i := range stmts {
				// About one ID in ten repeats an earlier one; some are empty.
				id := fmt.Sprintf("s%d", i)
				switch k := r.IntN(20); {
				case k == 0 && i > 0:
					id = string(stmts[r.IntN(i)].ID)
				case k == 1:
					id = ""
				}
				stmts[i].ID = StatementID(id)
			}
			var want []int32
			seen := map[StatementID]bool{}
			for i, s := range stmts {
				if s.ID != "" && seen[s.ID] {
					want = append(want, int32(i))
				}
				seen[s.ID] = true
			}
			if diff := gocmp.Diff(want, duplicates(stmts)); diff != "" {
				t.Errorf("duplicates(%d statements) mismatch (-want +got):\n%s", tc.n, diff)
			}
		})
	}
}

// TestDuplicatesAllSame checks a corpus whose statements all share one ID,
// and one whose IDs are all empty: the first is marked for all but the
// first statement, the second for none.
func TestDuplicatesAllSame(t *testing.T) {
	for _, tc := range []struct {
		name string
		id   StatementID
		want func(n int) []int32
	}{
		{name: "same", id: "s", want: func(n int) []int32 {
			out := make([]int32, n-1)
			for i := range out {
				out[i] = int32(i + 1)
			}
			return out
		}},
		{name: "empty", id: "", want: func(int) []int32 { return nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const n = 1<<12 + 10
			stmts := make([]Statement, n)
			for i := range stmts {
				stmts[i].ID = tc.id
			}
			if diff := gocmp.Diff(tc.want(n), duplicates(stmts)); diff != "" {
				t.Errorf("duplicates(%d statements of ID %q) mismatch (-want +got):\n%s", n, tc.id, diff)
			}
		})
	}
}

// TestRadixSort checks the radix sort against slices.Sort, for keys
// spread evenly, crowded into a few values of their low or high bits, and
// below the size where it sorts by comparison.
func TestRadixSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name string
		n    int
		key  func() uint32
	}{
		{name: "small", n: 1000, key: r.Uint32},
		{name: "even", n: 100_000, key: r.Uint32},
		{name: "high-bits", n: 50_000, key: func() uint32 { return uint32(r.IntN(3)) << 16 }},
		{name: "low-bits", n: 50_000, key: func() uint32 { return 0xabcd0000 | uint32(r.IntN(5)) }},
		{name: "extremes", n: 50_000, key: func() uint32 { return uint32(r.IntN(2)) * 0xffffffff }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keys := make([]uint32, tc.n)
			for i := range keys {
				keys[i] = tc.key()
			}
			want := slices.Clone(keys)
			slices.Sort(want)
			if diff := gocmp.Diff(want, radixSort(keys)); diff != "" {
				t.Errorf("radixSort(%d keys) mismatch (-want +got):\n%s", tc.n, diff)
			}
		})
	}
}

// duplicates returns, in increasing order, the index of each statement
// that a dupFinder marks, asked about the statements in order as the
// validator asks it.
func duplicates(statements []Statement) []int32 {
	d := newDupFinder(statements)
	var dup []int32
	for i := range statements {
		if d.dup(statements[i].ID) {
			dup = append(dup, int32(i))
		}
	}
	return dup
}
