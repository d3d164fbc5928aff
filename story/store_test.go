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
// backends run story/storetest.
type memStore struct {
	mu      sync.Mutex
	stories map[string]*story.Batch
	fail    error
}

func (m *memStore) Load(_ context.Context, id string) (*story.Batch, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b := m.stories[id]
	if b == nil {
		return &story.Batch{}, nil
	}
	c := *b
	c.Decisions = slices.Clone(b.Decisions)
	return &c, nil
}

func (m *memStore) Append(_ context.Context, id string, b *story.Batch) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	if m.stories == nil {
		m.stories = map[string]*story.Batch{}
	}
	s := m.stories[id]
	if s == nil {
		s = &story.Batch{}
		m.stories[id] = s
	}
	s.Sources = append(s.Sources, b.Sources...)
	s.Articles = append(s.Articles, b.Articles...)
	s.Claims = append(s.Claims, b.Claims...)
	s.Statements = append(s.Statements, b.Statements...)
	for _, d := range b.Decisions {
		d.Seq = int64(len(s.Decisions) + 1)
		s.Decisions = append(s.Decisions, d)
	}
	if b.Format != "" {
		s.Format = b.Format
	}
	return nil
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
