package story_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// randomDecision returns a decision drawn from what the story offers: a
// candidate accepted (onto its own claim, a created one, with its speaker
// edited) or rejected, a proposed source accepted (edited), rejected or
// merged, a story source merged, a claim created or renamed, a reprint
// marked, or an earlier decision undone. Many of them are refused by
// Apply, which the caller ignores.
func randomDecision(r *rand.Rand, s *story.Story, arts []source.Article, added int) story.Decision {
	var keys []story.Key
	var proposed []source.ID
	for _, a := range arts[:added] {
		ad, ok := s.Proposals(a.ID)
		if !ok {
			continue
		}
		for _, c := range ad.Candidates {
			keys = append(keys, c.Key)
		}
		for _, sp := range ad.Sources {
			proposed = append(proposed, sp.Source.ID)
		}
	}
	var srcs []source.ID
	for _, src := range s.Corpus().Sources {
		if src.ID != source.AbsentID {
			srcs = append(srcs, src.ID)
		}
	}
	pick := func(ids []source.ID) source.ID {
		if len(ids) == 0 {
			return "westmark"
		}
		return ids[r.IntN(len(ids))]
	}
	claims := []claim.ID{"", "", "k1", "k2"}
	unnamed := source.IdentityUnnamed
	switch n := r.IntN(12); {
	case n < 4 && len(keys) > 0:
		d := story.Decision{Kind: story.KindAccept, Key: keys[r.IntN(len(keys))], Claim: claims[r.IntN(len(claims))]}
		if r.IntN(3) == 0 {
			d.Speaker = pick(append(srcs, proposed...))
		}
		return d
	case n == 4 && len(keys) > 0:
		return story.Decision{Kind: story.KindReject, Key: keys[r.IntN(len(keys))]}
	case n == 5:
		d := story.Decision{Kind: story.KindAccept, Source: pick(proposed)}
		switch r.IntN(4) {
		case 0:
			d.Identity = &unnamed
		case 1:
			d.Parent = pick(srcs)
		case 2:
			d.As = source.ID(fmt.Sprintf("as%d", r.IntN(3)))
		}
		return d
	case n == 6:
		return story.Decision{Kind: story.KindReject, Source: pick(proposed)}
	case n == 7:
		return story.Decision{Kind: story.KindMergeSource, Source: pick(proposed), Into: pick(append(srcs, proposed...))}
	case n == 8:
		return story.Decision{Kind: story.KindMergeSource, Source: pick(srcs), Into: pick(srcs)}
	case n == 9:
		return story.Decision{Kind: story.KindCreateClaim, Claim: claims[2+r.IntN(2)], Text: fmt.Sprintf("claim text %d", r.IntN(100))}
	case n == 10:
		return story.Decision{Kind: story.KindRenameClaim, Claim: claims[2+r.IntN(2)], Text: fmt.Sprintf("renamed %d", r.IntN(100))}
	default:
		if n := len(s.Decisions()); n > 0 && r.IntN(2) == 0 {
			return story.Decision{Kind: story.KindUndo, Undoes: int64(1 + r.IntN(n))}
		}
		i := r.IntN(added)
		return story.Decision{Kind: story.KindReprint, Article: arts[i].ID, Of: arts[r.IntN(added)].ID}
	}
}

// TestUndoProperty checks undo on random logs: an undo of decision N is
// either refused, leaving the story as it was, or leaves the story equal
// to one given the same articles and the log without N, through the
// public API (its corpus, its proposals, what is pending), with every
// statement accepted after N as it was.
func TestUndoProperty(t *testing.T) {
	srcs, arts := fixture(t)
	trials := 60
	if testing.Short() {
		trials = 8
	}
	refused, taken := 0, 0
	for trial := range trials {
		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(trial), 20))
			s, err := story.New("prop", story.Options{Sources: srcs})
			require.NoError(t, err)
			after := make([]int, len(arts)) // decisions logged before each article
			for i, a := range arts {
				after[i] = len(s.Decisions())
				_, err := s.Add(ctx, a)
				require.NoError(t, err)
				for range r.IntN(10) {
					_, _ = s.Apply(ctx, randomDecision(r, s, arts, i+1))
				}
			}
			log := s.Decisions()
			var undoable []int64
			for _, d := range log {
				if d.Kind != story.KindUndo && !undone(log, d.Seq) {
					undoable = append(undoable, d.Seq)
				}
			}
			if len(undoable) == 0 {
				return
			}
			// Earlier decisions have more that may depend on them.
			n := undoable[r.IntN((len(undoable)+1)/2)]
			beforeCorpus := s.Corpus()
			statements := map[story.Key]claim.Statement{}
			for _, d := range log[n:] {
				if d.Kind == story.KindAccept && d.Key != "" && !undone(log, d.Seq) {
					if st, ok := s.StatementOf(d.Key); ok {
						statements[d.Key] = st
					}
				}
			}

			_, err = s.Apply(ctx, story.Decision{Kind: story.KindUndo, Undoes: n})
			if err != nil {
				refused++
				require.True(t, errors.Is(err, story.ErrDependent), "undo %d: %v", n, err)
				assert.Equal(t, log, s.Decisions())
				if diff := cmp.Diff(beforeCorpus, s.Corpus()); diff != "" {
					t.Errorf("refused undo %d changed the story (-want +got):\n%s", n, diff)
				}
				return
			}
			taken++
			for k, want := range statements {
				got, ok := s.StatementOf(k)
				if assert.True(t, ok, "undo %d: the statement of %s, accepted after it, is gone", n, k) {
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("undo %d: the statement of %s mismatch (-want +got):\n%s", n, k, diff)
					}
				}
			}

			// The log without N, applied decision by decision to a new
			// story, each article after the decisions logged before it.
			without, err := story.New("prop", story.Options{Sources: srcs})
			require.NoError(t, err)
			var ds []story.Decision
			for _, d := range log {
				switch {
				case d.Seq == n:
					continue
				case d.Kind == story.KindUndo && d.Undoes > n:
					d.Undoes--
				}
				d.Seq = 0
				ds = append(ds, d)
			}
			next := 0
			for i, a := range arts {
				at := after[i]
				if int64(at) >= n {
					at--
				}
				for ; next < at; next++ {
					_, err := without.Apply(ctx, ds[next])
					require.NoError(t, err, "decision %d of the log without %d", next+1, n)
				}
				_, err := without.Add(ctx, a)
				require.NoError(t, err)
			}
			for ; next < len(ds); next++ {
				_, err := without.Apply(ctx, ds[next])
				require.NoError(t, err, "decision %d of the log without %d", next+1, n)
			}
			if diff := cmp.Diff(without.Corpus(), s.Corpus()); diff != "" {
				t.Errorf("undo %d: story mismatch with the log without it (-want +got):\n%s", n, diff)
			}
			// What the articles propose too: an undo reads them again
			// with the registry as it would have been, extracting again
			// only those whose registry differs.
			for _, a := range arts {
				want, _ := without.Proposals(a.ID)
				got, _ := s.Proposals(a.ID)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("undo %d: proposals of %s mismatch (-want +got):\n%s", n, a.ID, diff)
				}
			}
			if diff := cmp.Diff(without.Pending(), s.Pending()); diff != "" {
				t.Errorf("undo %d: pending mismatch (-want +got):\n%s", n, diff)
			}
		})
	}
	t.Logf("%d undos taken, %d refused", taken, refused)
}

// undone reports whether an undo in the log takes back decision seq.
func undone(log []story.Decision, seq int64) bool {
	for _, d := range log {
		if d.Kind == story.KindUndo && d.Undoes == seq {
			return true
		}
	}
	return false
}
