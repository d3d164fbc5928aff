package claim

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
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
			want := make([]bool, tc.n)
			seen := map[StatementID]bool{}
			for i, s := range stmts {
				want[i] = s.ID != "" && seen[s.ID]
				seen[s.ID] = true
			}
			if diff := cmp.Diff(want, duplicates(stmts)); diff != "" {
				t.Errorf("duplicates(%d statements) mismatch (-want +got):\n%s", tc.n, diff)
			}
		})
	}
}
