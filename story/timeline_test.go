package story_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// TestTimelineKeptEqualsBuild follows the fixture's story with random
// decisions (accepts, edits, merges, renames, undos among them), asks for
// the timeline after each article and after some decisions, and holds
// each to timeline.Build of the story's corpus: the story extends the
// timeline it kept when it has only grown, and builds whole otherwise.
func TestTimelineKeptEqualsBuild(t *testing.T) {
	srcs, arts := fixture(t)
	trials := 30
	if testing.Short() {
		trials = 6
	}
	rules := []*timeline.Rules{nil, {Corroboration: 1}}
	for trial := range trials {
		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(trial), 21))
			s, err := story.New("kept", story.Options{Sources: srcs})
			require.NoError(t, err)
			for i, a := range arts {
				_, err := s.Add(ctx, a)
				require.NoError(t, err)
				for range r.IntN(12) {
					_, _ = s.Apply(ctx, randomDecision(r, s, arts, i+1))
					if r.IntN(4) == 0 {
						checkKept(t, s, rules[r.IntN(len(rules))])
					}
				}
				checkKept(t, s, rules[r.IntN(len(rules))])
			}
		})
	}
}

// checkKept holds the story's timeline to Build of its corpus.
func checkKept(t *testing.T, s *story.Story, rules *timeline.Rules) {
	t.Helper()
	got, err := s.Timeline(rules)
	require.NoError(t, err)
	want, err := timeline.Build(s.Corpus(), rules)
	require.NoError(t, err)
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	gotJSON, err := json.Marshal(got)
	require.NoError(t, err)
	if diff := cmp.Diff(string(wantJSON), string(gotJSON)); diff != "" {
		t.Fatalf("Timeline mismatch with Build (-want +got):\n%s", diff)
	}
	var wantText, gotText bytes.Buffer
	require.NoError(t, want.WriteText(&wantText))
	require.NoError(t, got.WriteText(&gotText))
	if diff := cmp.Diff(wantText.String(), gotText.String()); diff != "" {
		t.Fatalf("Timeline text mismatch with Build (-want +got):\n%s", diff)
	}
}

// TestTimelineKeptReprints follows the fixture's story with a reprint
// after some articles, whose candidates are accepted as new mentions of
// the statements the story holds (the one proposed, or another), the
// reprint marked before or after the timeline is asked for, beside random
// decisions, and holds each timeline to timeline.Build of the story's
// corpus.
func TestTimelineKeptReprints(t *testing.T) {
	srcs, arts := fixture(t)
	trials := 20
	if testing.Short() {
		trials = 4
	}
	for trial := range trials {
		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(trial), 22))
			s, err := story.New("reprints", story.Options{Sources: srcs})
			require.NoError(t, err)
			for i, a := range arts {
				_, err := s.Add(ctx, a)
				require.NoError(t, err)
				for range r.IntN(6) {
					_, _ = s.Apply(ctx, randomDecision(r, s, arts, i+1))
				}
				if r.IntN(3) == 0 {
					checkKept(t, s, nil)
				}
				if r.IntN(2) == 0 {
					continue
				}
				// A reprint of the article, a minute later.
				cp := a
				cp.ID, cp.URL = a.ID+"-reprint", ""
				cp.Published = a.Published.Add(time.Minute)
				ad, err := s.Add(ctx, cp)
				require.NoError(t, err)
				markFirst := r.IntN(2) == 0
				mark := func() {
					_, err := s.Apply(ctx, story.Decision{Kind: story.KindReprint, Article: cp.ID, Of: a.ID})
					require.NoError(t, err)
				}
				if markFirst {
					mark()
				}
				accepted := s.Corpus().Statements
				for _, p := range ad.Candidates {
					same := p.SameAs
					if (same == "" || r.IntN(4) == 0) && len(accepted) > 0 {
						same = accepted[r.IntN(len(accepted))].ID
					}
					if same == "" || r.IntN(5) == 0 {
						continue
					}
					_, _ = s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: p.Key, SameAs: same})
				}
				if !markFirst {
					if r.IntN(2) == 0 {
						checkKept(t, s, nil)
					}
					mark()
				}
				checkKept(t, s, nil)
			}
		})
	}
}

// TestTimelineDeskOrder follows the fixture's story as a review desk
// does: each article added and its timeline viewed before any decision,
// then its candidates accepted one at a time, top down, with the
// timeline viewed after each. Each view equals Build. Only the first
// view builds the whole timeline, and the views after an accepted
// statement that became known before one accepted earlier in its
// article (at the same position, with a smaller ID) or after a candidate
// accepted as a new mention before its statement's first report: every
// other view extends the timeline kept, with statements first reported
// in an article it holds or new mentions of its statements there.
func TestTimelineDeskOrder(t *testing.T) {
	srcs, arts := fixture(t)
	s, err := story.New("desk", story.Options{Sources: srcs})
	require.NoError(t, err)
	views, accepted, mentioned, wantBuilds := 0, 0, 0, 1
	for _, a := range arts {
		ad, err := s.Add(ctx, a)
		require.NoError(t, err)
		checkKept(t, s, nil)
		views++
		lastPos, lastID := -1, claim.StatementID("")
		for _, p := range ad.Candidates {
			if p.SameAs != "" {
				// A new mention, in an article the timeline holds, of a
				// statement it holds: it builds whole only when it comes
				// before the statement's first report.
				before, err := s.Timeline(nil)
				require.NoError(t, err)
				first, ok := before.Statement(p.SameAs)
				require.True(t, ok)
				m, err := p.Candidate.Mention(a.ID, a.Text)
				require.NoError(t, err)
				if _, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: p.Key, SameAs: p.SameAs}); err != nil {
					continue
				}
				mentioned++
				checkKept(t, s, nil)
				views++
				order := before.ArticleOrder()
				if first.Article == "" || slices.Index(order, a.ID) < slices.Index(order, first.Article) ||
					a.ID == first.Article && m.Span.Start < first.Position {
					wantBuilds++
				}
				require.Equal(t, wantBuilds, story.TimelineBuilds(s), "whole builds after accepting %s as a mention of %s", p.Key, p.SameAs)
				continue
			}
			if _, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: p.Key}); err != nil {
				continue // a candidate with no claim to go to
			}
			accepted++
			checkKept(t, s, nil)
			views++
			tl, err := s.Timeline(nil)
			require.NoError(t, err)
			st, ok := s.StatementOf(p.Key)
			require.True(t, ok)
			e, ok := tl.Statement(st.ID)
			require.True(t, ok)
			require.Equal(t, a.ID, e.Article, "first report of %s", st.ID)
			if e.Position < lastPos || e.Position == lastPos && st.ID < lastID {
				wantBuilds++
			} else {
				lastPos, lastID = e.Position, st.ID
			}
			require.Equal(t, wantBuilds, story.TimelineBuilds(s), "whole builds after accepting %s at %d", st.ID, e.Position)
		}
	}
	require.Greater(t, accepted, len(arts), "candidates accepted")
	require.Positive(t, mentioned, "candidates accepted as new mentions")
	require.Less(t, wantBuilds, 3, "whole builds in %d views, %d accepts", views, accepted)
}
