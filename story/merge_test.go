package story_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// TestMergeAccepted merges two story sources after statements were
// accepted from both, and an outlet into another: the statements, the
// claim's parties, the articles and later candidates follow the merge, and
// re-extraction and reopening the story replay it.
func TestMergeAccepted(t *testing.T) {
	srcs, arts := fixture(t)
	st := &memStore{}
	s, _, err := story.Open(ctx, st, "merge", story.Options{Sources: srcs})
	require.NoError(t, err)
	var added []*story.Added
	for _, a := range arts[:3] {
		ad, err := s.Add(ctx, a)
		require.NoError(t, err)
		added = append(added, ad)
	}
	denial := candidate(t, added[0], "any shells had been shipped")
	fabrication := candidate(t, added[2], "shell claims as a fabrication")
	_, err = s.Apply(ctx,
		story.Decision{Kind: story.KindCreateClaim, Claim: "shells", Text: "Norland ships shells to Eastria",
			Actors: []claim.Actor{{Source: "norland", Role: claim.RoleAccused}, {Source: "norland-foreign", Role: claim.RoleAccused}, {Source: "eastria", Role: claim.RoleBeneficiary}}},
		story.Decision{Kind: story.KindAccept, Key: denial.Key, Claim: "shells"},
		story.Decision{Kind: story.KindAccept, Key: fabrication.Key, Claim: "shells"},
	)
	require.NoError(t, err)
	before, ok := s.StatementOf(denial.Key)
	require.True(t, ok)
	require.Equal(t, source.ID("norland-foreign"), before.Source)

	r, err := s.Apply(ctx,
		story.Decision{Kind: story.KindMergeSource, Source: "norland-foreign", Into: "norland", By: "ana"},
		story.Decision{Kind: story.KindMergeSource, Source: "courier", Into: "herald"},
		story.Decision{Kind: story.KindMergeSource, Source: "gone", Into: "norland"},
	)
	require.NoError(t, err)
	assert.Len(t, r.Applied, 2)
	require.Len(t, r.Orphans, 1, "a source the story does not hold is an orphan")
	assert.Equal(t, source.ID("gone"), r.Orphans[0].Source)

	after, _ := s.StatementOf(denial.Key)
	assert.Equal(t, source.ID("norland"), after.Source)
	c := s.Corpus()
	ids := map[source.ID]source.Source{}
	for _, src := range c.Sources {
		ids[src.ID] = src
	}
	assert.NotContains(t, ids, source.ID("norland-foreign"))
	assert.NotContains(t, ids, source.ID("courier"))
	assert.Subset(t, ids["norland"].Aliases, []string{"Nordport", "Norland foreign ministry", "Norland's foreign ministry"})
	for _, cl := range c.Claims {
		if cl.ID == "shells" {
			want := []claim.Actor{{Source: "norland", Role: claim.RoleAccused}, {Source: "eastria", Role: claim.RoleBeneficiary}}
			if diff := cmp.Diff(want, cl.Actors); diff != "" {
				t.Errorf("claim parties mismatch (-want +got):\n%s", diff)
			}
		}
	}
	assert.Equal(t, source.ID("herald"), c.Articles[1].Outlet, "the merged outlet's article")

	// Articles added afterwards: the foreign ministry's words are
	// Norland's, and an article of the merged outlet is the other's.
	ad, err := s.Add(ctx, arts[4])
	require.NoError(t, err)
	require.Equal(t, source.ID("courier"), arts[4].Outlet)
	stolen := candidate(t, ad, "stolen from a depot")
	assert.Equal(t, source.ID("norland"), stolen.Candidate.Speaker, "the registry knows the merged names")
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: stolen.Key, Claim: "shells", Speaker: "norland-foreign"})
	require.NoError(t, err)
	got, _ := s.StatementOf(stolen.Key)
	assert.Equal(t, source.ID("norland"), got.Source, "a decision naming the merged source")
	want := s.Corpus()
	assert.Equal(t, source.ID("herald"), want.Articles[len(want.Articles)-1].Outlet)

	_, err = s.Apply(ctx, story.Decision{Kind: story.KindMergeSource, Source: "norland-foreign", Into: "eastria"})
	assert.ErrorIs(t, err, story.ErrInvalid, "merged twice")

	r, err = s.Reextract(ctx)
	require.NoError(t, err)
	assert.Empty(t, r.Failed)
	if diff := cmp.Diff(want, s.Corpus()); diff != "" {
		t.Errorf("Reextract mismatch (-before +after):\n%s", diff)
	}
	again, r, err := story.Open(ctx, st, "merge", story.Options{})
	require.NoError(t, err)
	assert.Empty(t, r.Failed)
	if diff := cmp.Diff(want, again.Corpus()); diff != "" {
		t.Errorf("reopened story mismatch (-before +after):\n%s", diff)
	}
}

// TestMergeAcceptedRelay merges a source that relays a statement into the
// statement's speaker: the chain loses it rather than hold the speaker.
func TestMergeAcceptedRelay(t *testing.T) {
	srcs, _ := fixture(t)
	c := &claim.Corpus{Format: claim.Format, Sources: srcs,
		Claims: []claim.Claim{{ID: "k", Text: "A claim"}},
		Statements: []claim.Statement{
			{ID: "s1", Claim: "k", Source: "westmark-defence", Via: []source.ID{"ilves", "herald"}, Act: claim.ActAssert, Said: claim.MustParseDate("2025-03-01")},
			{ID: "s2", Claim: "k", Source: "ilves", Act: claim.ActAssert, Said: claim.MustParseDate("2025-03-01")},
		}}
	st := &memStore{}
	require.NoError(t, story.Import(ctx, st, "relay", c))
	s, _, err := story.Open(ctx, st, "relay", story.Options{})
	require.NoError(t, err)
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindMergeSource, Source: "ilves", Into: "westmark-defence"})
	require.NoError(t, err)
	got := s.Corpus().Statements
	assert.Equal(t, []source.ID{"herald"}, got[0].Via)
	assert.Equal(t, source.ID("westmark-defence"), got[1].Source)
	_, err = s.Timeline(nil)
	require.NoError(t, err, "the merged corpus is valid")
	assert.Equal(t, []source.ID{"ilves", "herald"}, c.Statements[0].Via, "the imported corpus is not changed")
}

// TestMergeIntoProposed merges a story source into a proposed one, which
// is accepted as proposed first.
func TestMergeIntoProposed(t *testing.T) {
	s, added := newStory(t, 3, story.Options{})
	ministry := candidate(t, added[2], "never supplied")
	require.True(t, strings.HasPrefix(string(ministry.Candidate.Speaker), "new:"))
	_, err := s.Apply(ctx, story.Decision{Kind: story.KindMergeSource, Source: "norland-foreign", Into: ministry.Candidate.Speaker})
	require.NoError(t, err)
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: ministry.Key})
	require.NoError(t, err)
	st, ok := s.StatementOf(ministry.Key)
	require.True(t, ok)
	assert.Equal(t, source.ID("ministry"), st.Source)
	var names []string
	for _, src := range s.Corpus().Sources {
		assert.NotEqual(t, source.ID("norland-foreign"), src.ID)
		if src.ID == "ministry" {
			names = append([]string{src.Name}, src.Aliases...)
		}
	}
	assert.Contains(t, names, "Norland foreign ministry")
}
