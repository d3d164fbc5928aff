package story_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// TestUndo takes back decisions and checks that the story is as if each
// had never been made: applied, re-extracted, and reopened from its store.
func TestUndo(t *testing.T) {
	for _, tc := range []struct {
		name string
		// decide makes the decisions after the story's own two (claim
		// "shells" created, Ilves accepted onto it); undoes names the one
		// taken back.
		decide func(workers story.Key, proposed story.Decision) []story.Decision
		undoes int64
		check  func(t *testing.T, s *story.Story, ilves, workers story.Key)
	}{
		{"accepted-candidate", nil, 2, func(t *testing.T, s *story.Story, ilves, _ story.Key) {
			assert.Equal(t, story.KindUnknown, s.Decided(ilves))
			_, ok := s.StatementOf(ilves)
			assert.False(t, ok)
			assert.Len(t, s.Pending(), 2)
		}},
		{"rejected-candidate", func(w story.Key, _ story.Decision) []story.Decision {
			return []story.Decision{{Kind: story.KindReject, Key: w}}
		}, 3, func(t *testing.T, s *story.Story, _, workers story.Key) {
			assert.Equal(t, story.KindUnknown, s.Decided(workers))
		}},
		{"accepted-source", func(_ story.Key, p story.Decision) []story.Decision {
			return []story.Decision{p}
		}, 3, func(t *testing.T, s *story.Story, _, workers story.Key) {
			for _, src := range s.Corpus().Sources {
				assert.NotEqual(t, "Rail workers at Hallen", src.Name)
			}
		}},
		{"earlier-of-two", func(w story.Key, _ story.Decision) []story.Decision {
			return []story.Decision{{Kind: story.KindReject, Key: w}, {Kind: story.KindRenameClaim, Claim: "shells", Text: "Norland sends shells"}}
		}, 3, func(t *testing.T, s *story.Story, _, workers story.Key) {
			assert.Equal(t, story.KindUnknown, s.Decided(workers))
			assert.Equal(t, "Norland sends shells", s.Corpus().Claims[0].Text, "the later decision stands")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := &memStore{}
			s, ilves, workers, proposed := workersStory(t, st)
			if tc.decide != nil {
				_, err := s.Apply(ctx, tc.decide(workers, story.Decision{Kind: story.KindAccept, Source: proposed})...)
				require.NoError(t, err)
			}
			n := len(s.Decisions())
			r, err := s.Apply(ctx, story.Decision{Kind: story.KindUndo, Undoes: tc.undoes, By: "ana"})
			require.NoError(t, err)
			require.Len(t, r.Applied, 1)
			assert.Equal(t, story.Decision{Seq: int64(n + 1), Kind: story.KindUndo, Undoes: tc.undoes, By: "ana"}, r.Applied[0])
			assert.Len(t, s.Decisions(), n+1, "the log only grows")
			tc.check(t, s, ilves, workers)
			want := s.Corpus()

			rr, err := s.Reextract(ctx)
			require.NoError(t, err)
			assert.Empty(t, rr.Failed)
			tc.check(t, s, ilves, workers)
			again, rr, err := story.Open(ctx, st, "workers", story.Options{})
			require.NoError(t, err)
			assert.Empty(t, rr.Failed)
			tc.check(t, again, ilves, workers)
			if diff := cmp.Diff(want, again.Corpus()); diff != "" {
				t.Errorf("reopened story mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUndoRefused checks the undos refused, each leaving the story and its
// log as they were.
func TestUndoRefused(t *testing.T) {
	st := &memStore{}
	s, ilves, workers, _ := workersStory(t, st)
	_, err := s.Apply(ctx, story.Decision{Kind: story.KindReject, Key: workers}, story.Decision{Kind: story.KindUndo, Undoes: 3})
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		undoes int64
		want   error
	}{
		{"dependent", 1, story.ErrDependent}, // Ilves was accepted onto the claim it created
		{"an-undo", 4, story.ErrInvalid},
		{"undone-before", 3, story.ErrInvalid},
		{"beyond-the-log", 9, story.ErrInvalid},
		{"zero", 0, story.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := s.Decisions()
			_, err := s.Apply(ctx, story.Decision{Kind: story.KindUndo, Undoes: tc.undoes})
			assert.ErrorIs(t, err, tc.want)
			var fe *story.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "decisions[0].undoes", fe.Field)
			assert.Equal(t, before, s.Decisions())
			assert.Equal(t, story.KindAccept, s.Decided(ilves))
		})
	}
	// Undone, Ilves's acceptance lets the claim go.
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindUndo, Undoes: 2}, story.Decision{Kind: story.KindUndo, Undoes: 1})
	require.NoError(t, err)
	assert.Empty(t, s.Corpus().Claims)
}

// TestUndoLog checks that an undo goes through the decisions file and that
// only an undo may name a decision to take back.
func TestUndoLog(t *testing.T) {
	ds := []story.Decision{{Seq: 5, Kind: story.KindUndo, Undoes: 3, By: "ana"}}
	var b bytes.Buffer
	require.NoError(t, story.WriteDecisions(&b, ds))
	assert.Equal(t, `{"seq":5,"kind":"undo","undoes":3,"by":"ana"}`+"\n", b.String())
	got, err := story.ReadDecisions(&b)
	require.NoError(t, err)
	assert.Equal(t, ds, got)

	for _, tc := range []struct{ line, field string }{
		{`{"kind":"undo"}`, "undoes"},
		{`{"kind":"undo","undoes":-1}`, "undoes"},
		{`{"kind":"reject","key":"a#1:00000000","undoes":2}`, "undoes"},
		{`{"kind":"undo","undoes":2,"key":"a#1:00000000"}`, "key"},
		{`{"kind":"undo","undoes":2,"into":"norland"}`, "into"},
		{`{"kind":"undo","undoes":2,"text":"Norland ships shells"}`, "text"},
		{`{"kind":"undo","undoes":2,"speaker":"norland"}`, "speaker"},
		{`{"kind":"undo","undoes":2,"act":"deny"}`, "act"},
		{`{"kind":"undo","undoes":2,"factuality":"CT-"}`, "factuality"},
		{`{"kind":"undo","undoes":2,"said":"2025-03"}`, "said"},
		{`{"kind":"undo","undoes":2,"same_as":"s:x"}`, "same_as"},
		{`{"kind":"undo","undoes":2,"as":"x"}`, "as"},
		{`{"kind":"undo","undoes":2,"of":"a1"}`, "of"},
		{`{"kind":"undo","undoes":2,"actors":[{"source":"norland","role":"accused"}]}`, "actors"},
		{`{"kind":"undo","undoes":2,"parent":"norland"}`, "parent"},
	} {
		_, err := story.ReadDecisions(bytes.NewBufferString(tc.line))
		assert.ErrorIs(t, err, story.ErrInvalid, tc.line)
		var fe *story.FieldError
		if assert.ErrorAs(t, err, &fe, tc.line) {
			assert.Equal(t, "line 1."+tc.field, fe.Field, tc.line)
		}
	}
	// By, at and note go with any decision.
	_, err = story.ReadDecisions(bytes.NewBufferString(`{"kind":"undo","undoes":2,"by":"ana","at":"2025-03-02T10:00:00Z","note":"wrong claim"}`))
	assert.NoError(t, err)
}

// TestUndoElsewhere checks that a story catches up with an undo another
// program made, holding what the store holds, and that a decision made
// without seeing the undo, on what it took back, is refused.
func TestUndoElsewhere(t *testing.T) {
	st := &memStore{}
	one, ilves, workers, _ := workersStory(t, st)
	two, _, err := story.Open(ctx, st, "workers", story.Options{})
	require.NoError(t, err)
	seen := two.Head()
	_, err = one.Apply(ctx, story.Decision{Kind: story.KindUndo, Undoes: 2, By: "ana"})
	require.NoError(t, err)

	// Refused: ilves's acceptance was taken back after two last looked.
	_, err = two.ApplySeen(ctx, seen, story.Decision{Kind: story.KindReject, Key: ilves})
	var de *story.DecidedError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, story.KindUndo, de.Decided.Kind)

	r, err := two.Sync(ctx)
	require.NoError(t, err)
	assert.Empty(t, r.Failed)
	assert.Equal(t, story.KindUnknown, two.Decided(ilves))
	assert.Equal(t, story.KindUnknown, two.Decided(workers))
	sameAsReopened(t, st, two)
}

// TestUndoDependent checks that an undo is refused, naming the later
// decision, when that decision would apply differently without the one
// taken back (a statement with another speaker, a source accepted
// otherwise), and allowed when it would apply the same.
func TestUndoDependent(t *testing.T) {
	unnamed := source.IdentityUnnamed
	for _, tc := range []struct {
		name string
		// decide makes the decisions after the story's own two (claim
		// "shells" created as 1, Ilves accepted onto it as 2).
		decide func(ilves, workers story.Key, proposed source.ID) []story.Decision
		undoes int64
		// later is the Seq of the decision the refusal names; 0 when the
		// undo is allowed.
		later int64
	}{
		{"source-edited-then-spoken", func(_, w story.Key, p source.ID) []story.Decision {
			return []story.Decision{
				{Kind: story.KindAccept, Source: p, Identity: &unnamed, Parent: "westmark"},
				{Kind: story.KindAccept, Key: w, Claim: "shells"},
			}
		}, 3, 4},
		{"source-renamed-then-spoken", func(_, w story.Key, p source.ID) []story.Decision {
			return []story.Decision{
				{Kind: story.KindAccept, Source: p, As: "hallen-workers"},
				{Kind: story.KindAccept, Key: w, Claim: "shells"},
			}
		}, 3, 4},
		{"merged-then-spoken", func(_, w story.Key, p source.ID) []story.Decision {
			return []story.Decision{
				{Kind: story.KindMergeSource, Source: p, Into: "southvale"},
				{Kind: story.KindAccept, Key: w, Claim: "shells"},
			}
		}, 3, 4},
		{"story-source-merged-then-spoken", func(i, _ story.Key, _ source.ID) []story.Decision {
			return []story.Decision{
				{Kind: story.KindReject, Key: i},
				{Kind: story.KindMergeSource, Source: "ilves", Into: "westmark-defence"},
				{Kind: story.KindAccept, Key: i, Claim: "shells"},
			}
		}, 4, 5},
		{"source-edited-then-merged-into", func(_, _ story.Key, p source.ID) []story.Decision {
			return []story.Decision{
				{Kind: story.KindAccept, Source: p, Identity: &unnamed},
				{Kind: story.KindMergeSource, Source: "eastria", Into: p},
			}
		}, 3, 4},
		{"source-edited-then-parent", func(_, w story.Key, p source.ID) []story.Decision {
			return []story.Decision{
				{Kind: story.KindAccept, Source: p, Identity: &unnamed},
				{Kind: story.KindMergeSource, Source: "southvale", Into: "norland"},
			}
		}, 3, 0},
		{"renamed-then-accepted", func(_, w story.Key, _ source.ID) []story.Decision {
			return []story.Decision{
				{Kind: story.KindRenameClaim, Claim: "shells", Text: "Norland sends shells"},
				{Kind: story.KindAccept, Key: w, Claim: "shells"},
			}
		}, 3, 0},
		{"source-as-proposed-then-spoken", func(_, w story.Key, p source.ID) []story.Decision {
			return []story.Decision{
				{Kind: story.KindAccept, Source: p},
				{Kind: story.KindAccept, Key: w, Claim: "shells"},
			}
		}, 3, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := &memStore{}
			s, ilves, workers, proposed := workersStory(t, st)
			_, err := s.Apply(ctx, tc.decide(ilves, workers, proposed)...)
			require.NoError(t, err)
			before, corpus := s.Decisions(), s.Corpus()
			_, err = s.Apply(ctx, story.Decision{Kind: story.KindUndo, Undoes: tc.undoes})
			if tc.later == 0 {
				require.NoError(t, err)
				sameAsReopened(t, st, s)
				return
			}
			require.ErrorIs(t, err, story.ErrDependent)
			var de *story.DependentError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tc.later, de.Later.Seq)
			assert.Equal(t, tc.undoes, de.Undoes)
			assert.Equal(t, before, s.Decisions())
			if diff := cmp.Diff(corpus, s.Corpus()); diff != "" {
				t.Errorf("refused undo changed the story (-want +got):\n%s", diff)
			}
		})
	}
}
