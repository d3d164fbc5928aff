package timeline

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claim"
)

// checkOrderings fails unless event.compare, which orders the events
// Build works on, Timeline.compareTrack, which orders statements for
// queries, and the keys trackStmts sorts a track by agree on every pair
// of statements of a random corpus, whose said dates often start at one
// instant with different precisions.
func checkOrderings(t *testing.T, r *rand.Rand) {
	t.Helper()
	c := chainCorpus(r)
	// Said dates whose periods start at one instant, at every precision,
	// so that ties on the start go to the precision.
	jan := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	same := []claim.Date{
		claim.NewDate(jan, claim.PrecisionYear), claim.NewDate(jan, claim.PrecisionMonth),
		claim.NewDate(jan, claim.PrecisionDay), claim.NewDate(jan, claim.PrecisionInstant),
		claim.NewDate(jan.AddDate(0, 0, 1), claim.PrecisionDay), {},
	}
	for i := range c.Statements {
		if len(c.Statements[i].Mentions) > 0 && r.IntN(2) == 0 {
			c.Statements[i].Said = same[r.IntN(len(same))]
		}
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("an invalid corpus: %v", err)
	}
	tl, ok := buildBulk(c, Rules{}, 1, bulkNever)
	if !ok {
		t.Fatal("buildBulk failed")
	}
	b := newBuilder(tl, tl.knowledgeOrder(), 1, bulkNever)
	ev := make([]*event, len(tl.recs))
	for k := range b.events {
		ev[b.events[k].stmt] = &b.events[k]
	}
	sign := func(x int) int { return min(max(x, -1), 1) }
	for i := range int32(len(ev)) {
		for j := range int32(len(ev)) {
			want := sign(tl.compareTrack(i, j))
			if got := sign(ev[i].compare(ev[j])); got != want {
				t.Fatalf("statements %s and %s: event.compare %d, compareTrack %d", tl.recs[i].id, tl.recs[j].id, got, want)
			}
		}
	}
	// A track gathered on read is in compareTrack's order.
	var track []int32
	for id := range int32(len(tl.claims)) {
		track = tl.trackStmts(id, track[:0])
		for k := 1; k < len(track); k++ {
			if tl.compareTrack(track[k-1], track[k]) >= 0 {
				t.Fatalf("claim %s: track entries %d and %d out of compareTrack's order", tl.claims[id].ID, k-1, k)
			}
		}
	}
}

// TestOrderingsAgree checks on random corpora that the orderings of
// events, statements and tracks agree (see checkOrderings).
func TestOrderingsAgree(t *testing.T) {
	n := 300
	if testing.Short() || raceEnabled {
		n = 30
	}
	for seed := range n {
		checkOrderings(t, rand.New(rand.NewPCG(uint64(seed), 53)))
	}
}

// FuzzOrderingsAgree is TestOrderingsAgree on the fuzzer's seeds.
func FuzzOrderingsAgree(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, seed*7)
	}
	f.Fuzz(func(t *testing.T, a, b uint64) {
		checkOrderings(t, rand.New(rand.NewPCG(a, b)))
	})
}
