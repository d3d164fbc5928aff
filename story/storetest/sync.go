package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/story"
)

// testHeads checks the numbered batches: Append checks the head it is
// given, Load reads from one.
func testHeads(t *testing.T, st story.Store) {
	b, err := st.Load(ctx, "heads", 0)
	require.NoError(t, err)
	assert.Zero(t, b.Head, "a story never written is at head 0")
	_, err = st.Load(ctx, "heads", 1)
	assert.ErrorIs(t, err, story.ErrInvalid, "a head the story never had")

	h, err := st.Append(ctx, "heads", 0, sample("x"))
	require.NoError(t, err)
	assert.Equal(t, int64(1), h)
	_, err = st.Append(ctx, "heads", 0, sample("y"))
	assert.ErrorIs(t, err, story.ErrConflict, "a writer that did not see batch 1")
	_, err = st.Append(ctx, "heads", 2, sample("y"))
	assert.ErrorIs(t, err, story.ErrConflict, "a head ahead of the story")
	h, err = st.Append(ctx, "heads", 1, sample("y"))
	require.NoError(t, err)
	assert.Equal(t, int64(2), h)
	h, err = st.Append(ctx, "heads", story.AnyHead, &story.Batch{Decisions: sample("z").Decisions[:1]})
	require.NoError(t, err)
	assert.Equal(t, int64(3), h)
	_, err = st.Append(ctx, "heads", 3, &story.Batch{Sources: sample("x").Sources})
	assert.ErrorIs(t, err, story.ErrDuplicateID)

	all, err := st.Load(ctx, "heads", 0)
	require.NoError(t, err)
	assert.Equal(t, int64(3), all.Head, "a refused batch takes no number")
	assert.Len(t, all.Decisions, 5)
	tests := []struct {
		since int64
		want  *story.Batch
	}{
		{since: 3, want: &story.Batch{Head: 3}},
		{since: 2, want: &story.Batch{Head: 3, Decisions: all.Decisions[4:]}},
		{since: 1, want: &story.Batch{Head: 3, Sources: all.Sources[1:], Articles: all.Articles[1:], Claims: all.Claims[1:],
			Statements: all.Statements[1:], Decisions: all.Decisions[2:]}},
	}
	for _, tc := range tests {
		got, err := st.Load(ctx, "heads", tc.since)
		require.NoError(t, err)
		if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(story.Batch{}, "Format")); diff != "" {
			t.Errorf("Load since %d mismatch (-want +got):\n%s", tc.since, diff)
		}
	}
	_, err = st.Load(ctx, "heads", 4)
	assert.ErrorIs(t, err, story.ErrInvalid)
	_, err = st.Load(ctx, "heads", -1)
	assert.ErrorIs(t, err, story.ErrInvalid)
}

// testTwoStories follows one story through two Story values, as two
// programs would: each sees the other's writes after Sync or before its
// own, and neither overwrites a decision it has not seen.
func testTwoStories(t *testing.T, st story.Store) {
	srcs, arts, _ := Fixture(t)
	one, _, err := story.Open(ctx, st, "two", story.Options{Sources: srcs})
	require.NoError(t, err)
	two, _, err := story.Open(ctx, st, "two", story.Options{})
	require.NoError(t, err)
	assert.Equal(t, one.Head(), two.Head())

	added, err := one.Add(ctx, arts[0])
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(added.Candidates), 3)
	_, known := two.Proposals(arts[0].ID)
	assert.False(t, known, "two has not caught up yet")
	r, err := two.Sync(ctx)
	require.NoError(t, err)
	assert.Empty(t, r.Applied)
	got, known := two.Proposals(arts[0].ID)
	require.True(t, known, "two sees the article one added")
	if diff := cmp.Diff(added, got); diff != "" {
		t.Errorf("proposals seen by two mismatch (-one +two):\n%s", diff)
	}
	assert.Equal(t, one.Head(), two.Head())

	// one accepts a candidate; two, which has not seen it, rejects it.
	k0, k1, k2 := added.Candidates[0].Key, added.Candidates[1].Key, added.Candidates[2].Key
	_, err = one.Apply(ctx, story.Decision{Kind: story.KindReject, Key: k0, By: "ana"})
	require.NoError(t, err)
	seenByTwo := two.Head()
	r, err = two.Apply(ctx, story.Decision{Kind: story.KindReject, Key: k1, By: "ben"}, story.Decision{Kind: story.KindAccept, Key: k0, By: "ben"})
	var de *story.DecidedError
	require.ErrorAs(t, err, &de)
	assert.ErrorIs(t, err, story.ErrConflict)
	assert.Equal(t, "ana", de.Decided.By)
	assert.Equal(t, story.KindReject, de.Decided.Kind)
	assert.Equal(t, int64(1), de.Decided.Seq)
	assert.Contains(t, err.Error(), string(k0))
	assert.Contains(t, err.Error(), "ana")
	require.Len(t, r.Applied, 1, "the decision before the refused one is applied")
	assert.Equal(t, story.KindReject, two.Decided(k0), "one's decision stands")
	assert.Equal(t, story.KindReject, two.Decided(k1))

	// A decision made against an old head is refused too, even once the
	// story has caught up.
	_, err = one.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: k2, By: "ana"})
	require.NoError(t, err)
	_, err = two.Sync(ctx)
	require.NoError(t, err)
	_, err = two.ApplySeen(ctx, seenByTwo, story.Decision{Kind: story.KindReject, Key: k2, By: "ben"})
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "ana", de.Decided.By)
	_, err = two.ApplySeen(ctx, two.Head()+1, story.Decision{Kind: story.KindReject, Key: k2})
	assert.ErrorIs(t, err, story.ErrInvalid)
	// Seen, it may be decided again.
	_, err = two.ApplySeen(ctx, two.Head(), story.Decision{Kind: story.KindReject, Key: k2, By: "ben"})
	require.NoError(t, err)

	// one adds with a stale story: it catches up first.
	_, err = two.Add(ctx, arts[1])
	require.NoError(t, err)
	_, err = one.Add(ctx, arts[2])
	require.NoError(t, err)
	_, known = one.Proposals(arts[1].ID)
	assert.True(t, known, "one caught up before adding")
	_, err = two.Add(ctx, arts[2])
	assert.ErrorIs(t, err, story.ErrDuplicateID, "an article another writer added meanwhile")

	_, err = two.Sync(ctx)
	require.NoError(t, err)
	again, _, err := story.Open(ctx, st, "two", story.Options{})
	require.NoError(t, err)
	for name, s := range map[string]*story.Story{"one": one, "two": two} {
		if diff := cmp.Diff(again.Decisions(), s.Decisions()); diff != "" {
			t.Errorf("%s's log mismatch (-store +%s):\n%s", name, name, diff)
		}
		if diff := cmp.Diff(again.Corpus(), s.Corpus()); diff != "" {
			t.Errorf("%s's corpus mismatch (-store +%s):\n%s", name, name, diff)
		}
		assert.Equal(t, again.Head(), s.Head(), name)
	}
	for i, d := range again.Decisions() {
		assert.Equal(t, int64(i+1), d.Seq)
	}
	assert.Len(t, again.Decisions(), 4, "the refused decisions are not in the log")
}

// racing is a store whose next Append is preceded by another writer's, so
// that a Story's write meets a story that moved after it caught up.
type racing struct {
	story.Store
	other func() error
}

func (r *racing) Append(ctx context.Context, id string, head int64, b *story.Batch) (int64, error) {
	if other := r.other; other != nil {
		r.other = nil
		if err := other(); err != nil {
			return 0, err
		}
	}
	return r.Store.Append(ctx, id, head, b)
}

// testRetry checks what Add and Apply do when another writer appends
// between their catching up and their write: they read the story again and
// try once more, refusing what that makes unsafe.
func testRetry(t *testing.T, st story.Store) {
	srcs, arts, _ := Fixture(t)
	one, _, err := story.Open(ctx, st, "retry", story.Options{Sources: srcs})
	require.NoError(t, err)
	added, err := one.Add(ctx, arts[0])
	require.NoError(t, err)
	k0, k1 := added.Candidates[0].Key, added.Candidates[1].Key

	rs := &racing{Store: st}
	two, _, err := story.Open(ctx, rs, "retry", story.Options{})
	require.NoError(t, err)
	rs.other = func() error {
		_, err := one.Apply(ctx, story.Decision{Kind: story.KindReject, Key: k0, By: "ana"})
		return err
	}
	r, err := two.Apply(ctx, story.Decision{Kind: story.KindReject, Key: k1, By: "ben"})
	require.NoError(t, err, "the second try goes through")
	assert.Equal(t, int64(2), r.Applied[0].Seq, "after the decision made meanwhile")
	assert.Equal(t, story.KindReject, two.Decided(k0), "two read the decision made meanwhile")

	rs.other = func() error {
		_, err := one.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: k1, By: "ana"})
		return err
	}
	_, err = one.Sync(ctx)
	require.NoError(t, err)
	_, err = two.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: k1, By: "ben"})
	var de *story.DecidedError
	require.ErrorAs(t, err, &de, "on the second try the decision made meanwhile is seen and not overwritten")
	assert.Equal(t, "ana", de.Decided.By)

	rs.other = func() error {
		_, err := one.Add(ctx, arts[1])
		return err
	}
	_, err = two.Add(ctx, arts[2])
	require.NoError(t, err)
	assert.Equal(t, []string{string(arts[0].ID), string(arts[1].ID), string(arts[2].ID)}, articleIDs(two), "articles in the store's order")

	// Another writer at every try: the second conflict is returned, and
	// the story reads the store again next time.
	rs.other = func() error {
		_, err := one.Apply(ctx, story.Decision{Kind: story.KindReject, Key: k0, By: "ana"})
		if err != nil {
			return err
		}
		rs.other = func() error {
			_, err := one.Apply(ctx, story.Decision{Kind: story.KindReject, Key: k0, By: "ana"})
			return err
		}
		return nil
	}
	_, err = two.Add(ctx, arts[3])
	assert.ErrorIs(t, err, story.ErrConflict)
	assert.False(t, errors.Is(err, story.ErrBroken))
	_, err = two.Sync(ctx)
	require.NoError(t, err)
	_, known := two.Proposals(arts[3].ID)
	assert.False(t, known, "the refused article is not in the story")

	again, _, err := story.Open(ctx, st, "retry", story.Options{})
	require.NoError(t, err)
	if diff := cmp.Diff(again.Decisions(), two.Decisions()); diff != "" {
		t.Errorf("log mismatch (-store +two):\n%s", diff)
	}
	if diff := cmp.Diff(again.Corpus(), two.Corpus()); diff != "" {
		t.Errorf("corpus mismatch (-store +two):\n%s", diff)
	}
}

func articleIDs(s *story.Story) []string {
	var ids []string
	for _, a := range s.Corpus().Articles {
		ids = append(ids, string(a.ID))
	}
	return ids
}
