package story_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// TestPendingSource checks that a proposed source waits for a decision
// until one accepts, rejects or merges it, or accepts a candidate it
// speaks, and that story sources and unknown IDs never wait.
func TestPendingSource(t *testing.T) {
	for _, tc := range []struct {
		name    string
		decide  func(workers story.Key, proposed source.ID) story.Decision
		pending bool
	}{
		{"undecided", nil, true},
		{"accepted", func(_ story.Key, p source.ID) story.Decision {
			return story.Decision{Kind: story.KindAccept, Source: p}
		}, false},
		{"rejected", func(_ story.Key, p source.ID) story.Decision {
			return story.Decision{Kind: story.KindReject, Source: p}
		}, false},
		{"merged", func(_ story.Key, p source.ID) story.Decision {
			return story.Decision{Kind: story.KindMergeSource, Source: p, Into: "norland"}
		}, false},
		{"spoken-accepted", func(k story.Key, _ source.ID) story.Decision {
			return story.Decision{Kind: story.KindAccept, Key: k, Claim: "shells"}
		}, false},
		{"spoken-rejected", func(k story.Key, _ source.ID) story.Decision {
			return story.Decision{Kind: story.KindReject, Key: k}
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, workers, proposed := workersStory(t, &memStore{})
			if tc.decide != nil {
				_, err := s.Apply(ctx, tc.decide(workers, proposed))
				require.NoError(t, err)
			}
			assert.Equal(t, tc.pending, s.PendingSource(proposed))
			assert.False(t, s.PendingSource("norland"), "a story source")
			assert.False(t, s.PendingSource("new:nobody@w9"), "an ID never proposed")
		})
	}
}
