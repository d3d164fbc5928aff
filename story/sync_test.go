package story_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/story"
)

// sameAsReopened fails the test when s differs from the story opened again
// from st.
func sameAsReopened(t *testing.T, st story.Store, s *story.Story) {
	t.Helper()
	again, _, err := story.Open(ctx, st, s.ID(), story.Options{})
	require.NoError(t, err)
	if diff := cmp.Diff(again.Corpus(), s.Corpus()); diff != "" {
		t.Errorf("corpus mismatch (-reopened +synced):\n%s", diff)
	}
	if diff := cmp.Diff(again.Decisions(), s.Decisions()); diff != "" {
		t.Errorf("log mismatch (-reopened +synced):\n%s", diff)
	}
	assert.Equal(t, again.Head(), s.Head())
}

func TestSync(t *testing.T) {
	srcs, arts := fixture(t)
	st := &memStore{}
	one, _, err := story.Open(ctx, st, "shells", story.Options{Sources: srcs})
	require.NoError(t, err)
	two, _, err := story.Open(ctx, st, "shells", story.Options{})
	require.NoError(t, err)

	r, err := two.Sync(ctx)
	require.NoError(t, err)
	assert.Equal(t, &story.Report{}, r, "nothing new")

	// Articles and decisions interleaved, as one wrote them.
	for _, a := range arts[:3] {
		added, err := one.Add(ctx, a)
		require.NoError(t, err)
		_, err = one.Apply(ctx, story.Decision{Kind: story.KindReject, Key: added.Candidates[0].Key, By: "ana"})
		require.NoError(t, err)
	}
	r, err = two.Sync(ctx)
	require.NoError(t, err)
	require.Len(t, r.Applied, 3)
	assert.Equal(t, "ana", r.Applied[0].By)
	sameAsReopened(t, st, two)

	// A corpus imported into the story meanwhile: read whole again.
	c := &claim.Corpus{Format: claim.Format, Claims: []claim.Claim{{ID: "imported", Text: "Imported claim"}}}
	require.NoError(t, story.Import(ctx, st, "shells", c))
	_, err = one.Apply(ctx, story.Decision{Kind: story.KindRenameClaim, Claim: "imported", Text: "Renamed", By: "ana"})
	require.NoError(t, err)
	r, err = two.Sync(ctx)
	require.NoError(t, err)
	require.Len(t, r.Applied, 1, "only what is new is reported")
	assert.Equal(t, story.KindRenameClaim, r.Applied[0].Kind)
	sameAsReopened(t, st, two)

	// A failed write: the story is read again by the next Apply.
	st.fail = errors.New("disk full")
	pending := two.Pending()
	_, err = two.Apply(ctx, story.Decision{Kind: story.KindReject, Key: pending[0].Key})
	assert.ErrorIs(t, err, story.ErrBroken)
	assert.Equal(t, story.KindReject, two.Decided(pending[0].Key), "held in memory, not in the store")
	st.fail = nil
	_, err = two.Apply(ctx, story.Decision{Kind: story.KindReject, Key: pending[1].Key})
	require.NoError(t, err)
	assert.Equal(t, story.KindUnknown, two.Decided(pending[0].Key), "what the store refused is gone")
	sameAsReopened(t, st, two)

	// A refused decision after one whose write fails: both are reported.
	require.NoError(t, func() error {
		_, err := one.Apply(ctx, story.Decision{Kind: story.KindReject, Key: pending[2].Key, By: "ana"})
		return err
	}())
	st.fail = errors.New("disk full")
	_, err = two.Apply(ctx, story.Decision{Kind: story.KindReject, Key: pending[3].Key}, story.Decision{Kind: story.KindAccept, Key: pending[2].Key})
	assert.ErrorIs(t, err, story.ErrBroken, "the first decision is not stored")
	var de *story.DecidedError
	assert.ErrorAs(t, err, &de, "the second is refused")
	st.fail = nil
	_, err = two.Sync(ctx)
	require.NoError(t, err)
	sameAsReopened(t, st, two)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = two.Sync(cancelled)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestHeadInMemory(t *testing.T) {
	srcs, arts := fixture(t)
	s, err := story.New("shells", story.Options{Sources: srcs})
	require.NoError(t, err)
	assert.Zero(t, s.Head())
	added, err := s.Add(ctx, arts[0])
	require.NoError(t, err)
	assert.Equal(t, int64(1), s.Head(), "an Add is a batch")
	r, err := s.Sync(ctx)
	require.NoError(t, err)
	assert.Equal(t, &story.Report{}, r, "a story in memory has nothing to catch up with")

	k := added.Candidates[0].Key
	seen := s.Head()
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindReject, Key: k, By: "ana", At: time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	assert.Equal(t, int64(2), s.Head())

	// A second reviewer of the same story, whose page was drawn at seen.
	_, err = s.ApplySeen(ctx, seen, story.Decision{Kind: story.KindAccept, Key: k, By: "ben"})
	var de *story.DecidedError
	require.ErrorAs(t, err, &de)
	assert.ErrorIs(t, err, story.ErrConflict)
	assert.Equal(t, seen, de.Seen)
	assert.Contains(t, err.Error(), `key "`+string(k)+`" was decided (reject) by ana at 2025-03-04T10:00:00Z, decision 1, after head 1`)
	assert.Equal(t, story.KindReject, s.Decided(k))

	_, err = s.ApplySeen(ctx, 3, story.Decision{Kind: story.KindAccept, Key: k})
	var fe *story.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "seen", fe.Field)
	assert.ErrorIs(t, err, story.ErrInvalid)
	_, err = s.ApplySeen(ctx, -1, story.Decision{Kind: story.KindAccept, Key: k})
	assert.ErrorIs(t, err, story.ErrInvalid)

	// Decisions on other targets, and one decision after another in one
	// call, are not refused.
	tests := []struct {
		name string
		ds   []story.Decision
	}{
		{name: "claim", ds: []story.Decision{{Kind: story.KindCreateClaim, Claim: "c1", Text: "t"}, {Kind: story.KindRenameClaim, Claim: "c1", Text: "u"}}},
		{name: "same-call", ds: []story.Decision{{Kind: story.KindAccept, Key: added.Candidates[1].Key, Claim: "c1"}, {Kind: story.KindReject, Key: added.Candidates[1].Key}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.ApplySeen(ctx, seen, tc.ds...)
			require.NoError(t, err)
		})
	}
	// Renamed after seen by the call before: refused.
	_, err = s.ApplySeen(ctx, seen, story.Decision{Kind: story.KindRenameClaim, Claim: "c1", Text: "v"})
	require.ErrorAs(t, err, &de)
	assert.Equal(t, `claim "c1"`, de.Target)
	assert.Contains(t, err.Error(), "by someone")
	_, err = s.ApplySeen(ctx, s.Head(), story.Decision{Kind: story.KindRenameClaim, Claim: "c1", Text: "v"})
	require.NoError(t, err, "seen, it may be decided again")
}

func TestApplySeenBeforeOpen(t *testing.T) {
	srcs, arts := fixture(t)
	st := &memStore{}
	one, _, err := story.Open(ctx, st, "shells", story.Options{Sources: srcs})
	require.NoError(t, err)
	added, err := one.Add(ctx, arts[0])
	require.NoError(t, err)
	_, err = one.Apply(ctx, story.Decision{Kind: story.KindReject, Key: added.Candidates[0].Key, By: "ana"})
	require.NoError(t, err)
	early := one.Head() - 1 // before ana's decision

	// A program started later knows nothing of the log at early: the
	// decision, which it cannot tell from one made after early, is kept.
	later, _, err := story.Open(ctx, st, "shells", story.Options{})
	require.NoError(t, err)
	_, err = later.ApplySeen(ctx, early, story.Decision{Kind: story.KindAccept, Key: added.Candidates[0].Key})
	var de *story.DecidedError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "ana", de.Decided.By)
	_, err = later.ApplySeen(ctx, later.Head(), story.Decision{Kind: story.KindAccept, Key: added.Candidates[0].Key})
	require.NoError(t, err)
}
