package story_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/story"
)

// memStore is a Store in memory, for the tests of package story; the real
// backends run story/storetest. It keeps each story as its batches.
type memStore struct {
	mu      sync.Mutex
	stories map[string][]story.Batch
	fail    error
}

func (m *memStore) Load(_ context.Context, id string, since int64) (*story.Batch, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	bs := m.stories[id]
	if since < 0 || since > int64(len(bs)) {
		return nil, &story.FieldError{Field: "since", Err: story.ErrInvalid}
	}
	out := &story.Batch{Head: int64(len(bs))}
	seq := int64(0)
	for i, b := range bs {
		for _, d := range b.Decisions {
			seq++
			d.Seq = seq
			if int64(i) >= since {
				out.Decisions = append(out.Decisions, d)
			}
		}
		if b.Format != "" {
			out.Format = b.Format
		}
		if int64(i) < since {
			continue
		}
		out.Sources = append(out.Sources, b.Sources...)
		out.Articles = append(out.Articles, b.Articles...)
		out.Claims = append(out.Claims, b.Claims...)
		out.Statements = append(out.Statements, b.Statements...)
	}
	return out, nil
}

func (m *memStore) Append(_ context.Context, id string, head int64, b *story.Batch) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return 0, m.fail
	}
	if m.stories == nil {
		m.stories = map[string][]story.Batch{}
	}
	bs := m.stories[id]
	if head != story.AnyHead && head != int64(len(bs)) {
		return 0, story.ErrConflict
	}
	c := *b
	c.Decisions = slices.Clone(b.Decisions)
	m.stories[id] = append(bs, c)
	return int64(len(bs) + 1), nil
}

func TestOpenWritesThrough(t *testing.T) {
	srcs, arts := fixture(t)
	st := &memStore{}
	s, r, err := story.Open(ctx, st, "shells", story.Options{Sources: srcs, Unattended: 0.85})
	require.NoError(t, err)
	assert.Empty(t, r.Applied)
	for _, a := range arts[:3] {
		ad, err := s.Add(ctx, a)
		require.NoError(t, err)
		for _, p := range ad.Candidates {
			if s.Decided(p.Key) == story.KindUnknown {
				_, err := s.Apply(ctx, story.Decision{Kind: story.KindReject, Key: p.Key})
				require.NoError(t, err)
			}
		}
	}
	again, r, err := story.Open(ctx, st, "shells", story.Options{})
	require.NoError(t, err)
	assert.Empty(t, r.Failed)
	assert.Empty(t, r.Orphans)
	if diff := cmp.Diff(s.Corpus(), again.Corpus()); diff != "" {
		t.Errorf("reopened corpus mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(s.Decisions(), again.Decisions()); diff != "" {
		t.Errorf("reopened log mismatch (-want +got):\n%s", diff)
	}
	_, _, err = story.Open(ctx, st, "bad/id", story.Options{})
	assert.ErrorIs(t, err, story.ErrInvalid)
}

func TestBrokenStore(t *testing.T) {
	srcs, arts := fixture(t)
	st := &memStore{}
	s, _, err := story.Open(ctx, st, "shells", story.Options{Sources: srcs})
	require.NoError(t, err)
	ad, err := s.Add(ctx, arts[0])
	require.NoError(t, err)
	st.fail = errors.New("disk full")
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindReject, Key: ad.Candidates[0].Key})
	assert.ErrorIs(t, err, story.ErrBroken)
	_, err = s.Add(ctx, arts[1])
	assert.ErrorIs(t, err, story.ErrBroken)
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindReject, Key: ad.Candidates[0].Key})
	assert.ErrorIs(t, err, story.ErrBroken)
	st.fail = nil
	again, _, err := story.Open(ctx, st, "shells", story.Options{})
	require.NoError(t, err)
	assert.Empty(t, again.Decisions(), "what the store refused is not there")
	assert.Len(t, again.Corpus().Articles, 1)
}

func TestImportExport(t *testing.T) {
	c, err := claim.Load("../testdata/corpus.json")
	require.NoError(t, err)
	st := &memStore{}
	require.NoError(t, story.Import(ctx, st, "imported", c))
	got, err := story.Export(ctx, st, "imported")
	require.NoError(t, err)
	if diff := cmp.Diff(c, got); diff != "" {
		t.Errorf("Export(Import) mismatch (-want +got):\n%s", diff)
	}
	assert.ErrorIs(t, story.Import(ctx, st, "a/b", c), story.ErrInvalid)
	bad := *c
	bad.Claims = nil
	assert.ErrorIs(t, story.Import(ctx, st, "bad", &bad), claim.ErrUnknownClaim)

	// An imported story is followed further: its articles are not
	// extracted, its statements count for claim matching, and Reextract
	// keeps them.
	s, _, err := story.Open(ctx, st, "imported", story.Options{})
	require.NoError(t, err)
	r, err := s.Reextract(ctx)
	require.NoError(t, err)
	assert.Empty(t, r.Applied)
	if diff := cmp.Diff(c, s.Corpus()); diff != "" {
		t.Errorf("Reextract of an imported story mismatch (-want +got):\n%s", diff)
	}
}
