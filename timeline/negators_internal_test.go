package timeline

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
)

// TestNegIndexAgainstModel holds a negIndex, through random additions and
// removals, to a plain list: scanning it from every threshold must yield
// the words of the list that count from there on, in rank order.
func TestNegIndexAgainstModel(t *testing.T) {
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 47))
		var x negIndex
		var model []idxWord
		dead := map[int32]bool{}
		var q idxScan
		nOps := 1 + r.IntN(300)
		for op := range nOps {
			if len(model) > 0 && r.IntN(4) == 0 {
				w := model[r.IntN(len(model))]
				x.kill(w.from, w.rank)
				dead[w.rank] = true
			} else {
				w := idxWord{from: moment{sec: int64(r.IntN(8)), nsec: int32(r.IntN(2))}, rank: int32(op), src: int32(r.IntN(5))}
				x.add(w)
				model = append(model, w)
			}
			m := moment{sec: int64(r.IntN(9)) - 1, nsec: int32(r.IntN(2))}
			var want, got []idxWord
			for _, w := range model {
				if !dead[w.rank] && m.less(w.from) {
					want = append(want, w)
				}
			}
			slices.SortFunc(want, func(a, b idxWord) int { return int(a.rank - b.rank) })
			q.scan(&x, m, func(w idxWord) bool { got = append(got, w); return true })
			if !slices.Equal(want, got) {
				t.Fatalf("seed %d, op %d: scan(%v) mismatch (-want +got):\n%s", seed, op, m, cmp.Diff(want, got, cmp.AllowUnexported(idxWord{}, moment{})))
			}
			// Stopping early yields a prefix.
			if len(want) > 1 {
				got = got[:0]
				q.scan(&x, m, func(w idxWord) bool { got = append(got, w); return len(got) < 2 })
				if !slices.Equal(want[:2], got) {
					t.Fatalf("seed %d, op %d: scan(%v) stopped after two, mismatch (-want +got):\n%s", seed, op, m, cmp.Diff(want[:2], got, cmp.AllowUnexported(idxWord{}, moment{})))
				}
			}
		}
		c := x.clone()
		x.add(idxWord{from: moment{sec: 3}, rank: int32(nOps), src: 0})
		var got []idxWord
		q.scan(c, moment{sec: -1}, func(w idxWord) bool { got = append(got, w); return true })
		for _, w := range got {
			if w.rank == int32(nOps) {
				t.Fatalf("seed %d: a clone shares its original's runs", seed)
			}
		}
	}
}

// TestNegBagsIndexLeavesMixed checks that a source whose words come to
// differ in factuality leaves a bag's indexes, whether its words differ
// when added one by one or once two bags merge, so that the indexes hold
// only the words of uniform negators.
func TestNegBagsIndexLeavesMixed(t *testing.T) {
	inv := []bool{true, false, true}
	word := func(rank, src int32, cert claim.Certainty) event {
		return event{saidSec: int64(rank), endSec: int64(rank), rank: rank, src: src, stance: stanceNegate, pol: claim.PolarityNegative, cert: cert}
	}
	events := []event{
		word(0, 0, claim.CertaintyCertain), word(1, 1, claim.CertaintyCertain), word(2, 2, claim.CertaintyCertain),
		word(3, 0, claim.CertaintyProbable), word(4, 2, claim.CertaintyProbable), word(5, 1, claim.CertaintyCertain),
	}
	evOfRank := []int32{0, 1, 2, 3, 4, 5}
	srcsIn := func(x *negIndex) []int32 {
		var q idxScan
		var out []int32
		if x != nil {
			q.scan(x, moment{sec: -1}, func(w idxWord) bool { out = append(out, w.src); return true })
		}
		return out
	}
	a := newNegBags(inv)
	for _, k := range []int{0, 1, 2, 3} {
		a.add(&events[k])
	}
	assert.Equal(t, []int32{1, 2}, srcsIn(a.idx), "index after source 0 differs")
	assert.Equal(t, []int32{2}, srcsIn(a.ref), "refuting index after source 0 differs")
	other := newNegBags(inv)
	other.add(&events[4])
	other.add(&events[5])
	a.mergeBags(other, true, events, evOfRank)
	assert.Equal(t, []int32{1, 1}, srcsIn(a.idx), "index after merging a word of source 2 that differs")
	assert.Nil(t, srcsIn(a.ref), "refuting index after merging a word of source 2 that differs")
	assert.ElementsMatch(t, []int32{0, 2}, a.mixed, "mixed sources")
}
