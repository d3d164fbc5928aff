package story_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// workersStory returns a story opened on st in which Marta Ilves (under
// Westmark) and "Rail workers at Hallen", a proposed source, both say
// Norland ships shells; the returned keys are their candidates.
func workersStory(t *testing.T, st story.Store) (s *story.Story, ilves, workers story.Key, proposed source.ID) {
	t.Helper()
	srcs, _ := fixture(t)
	s, _, err := story.Open(ctx, st, "workers", story.Options{Sources: srcs})
	require.NoError(t, err)
	texts := []string{
		"Marta Ilves said on Monday that Norland ships artillery shells to Eastria.",
		"Rail workers at Hallen, who spoke on condition of anonymity, said that Norland ships artillery shells to Eastria.",
	}
	var keys []story.Key
	for i, text := range texts {
		id := source.ArticleID("w" + string(rune('1'+i)))
		ad, err := s.Add(ctx, source.Article{ID: id, Text: text, Published: time.Date(2025, 3, 2+i, 9, 0, 0, 0, time.UTC)})
		require.NoError(t, err)
		require.Len(t, ad.Candidates, 1)
		keys = append(keys, ad.Candidates[0].Key)
		if i == 1 {
			require.Len(t, ad.Sources, 1)
			proposed = ad.Sources[0].Source.ID
		}
	}
	_, err = s.Apply(ctx,
		story.Decision{Kind: story.KindCreateClaim, Claim: "shells", Text: "Norland ships artillery shells to Eastria"},
		story.Decision{Kind: story.KindAccept, Key: keys[0], Claim: "shells"},
	)
	require.NoError(t, err)
	return s, keys[0], keys[1], proposed
}

// TestAcceptSourceEdited accepts a proposed source with its kind, identity,
// parent and investigator mark set, and checks what the status rules make
// of it, and that reopening the story replays it.
func TestAcceptSourceEdited(t *testing.T) {
	unnamed, named := source.IdentityUnnamed, source.IdentityNamed
	yes := true
	tests := []struct {
		name   string
		d      story.Decision
		want   source.Source
		status timeline.Status
	}{
		{
			name:   "as-proposed",
			d:      story.Decision{},
			want:   source.Source{ID: "rail-workers-at-hallen", Name: "Rail workers at Hallen", Aliases: []string{}},
			status: timeline.StatusCorroborated,
		},
		{
			name:   "unnamed-no-parent",
			d:      story.Decision{Identity: &unnamed},
			want:   source.Source{ID: "rail-workers-at-hallen", Name: "Rail workers at Hallen", Identity: source.IdentityUnnamed, Aliases: []string{}},
			status: timeline.StatusAlleged,
		},
		{
			name:   "unnamed-under-ilves-root",
			d:      story.Decision{As: "hallen-workers", Identity: &unnamed, Parent: "westmark", SourceKind: source.KindPerson},
			want:   source.Source{ID: "hallen-workers", Name: "Rail workers at Hallen", Kind: source.KindPerson, Identity: source.IdentityUnnamed, Parent: "westmark", Aliases: []string{}},
			status: timeline.StatusAlleged,
		},
		{
			name:   "unnamed-under-another-root",
			d:      story.Decision{Identity: &unnamed, Parent: "southvale"},
			want:   source.Source{ID: "rail-workers-at-hallen", Name: "Rail workers at Hallen", Identity: source.IdentityUnnamed, Parent: "southvale", Aliases: []string{}},
			status: timeline.StatusCorroborated,
		},
		{
			name:   "named-investigator",
			d:      story.Decision{Identity: &named, Investigator: &yes, SourceKind: source.KindOrganisation, Text: "Hallen rail inspectors"},
			want:   source.Source{ID: "rail-workers-at-hallen", Name: "Hallen rail inspectors", Kind: source.KindOrganisation, Investigator: true, Aliases: []string{}},
			status: timeline.StatusConfirmed,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := &memStore{}
			s, _, workers, proposed := workersStory(t, st)
			d := tc.d
			d.Kind, d.Source = story.KindAccept, proposed
			_, err := s.Apply(ctx, d, story.Decision{Kind: story.KindAccept, Key: workers, Claim: "shells"})
			require.NoError(t, err)
			check := func(s *story.Story, what string) {
				t.Helper()
				var got *source.Source
				for _, src := range s.Corpus().Sources {
					if src.ID == tc.want.ID {
						got = &src
					}
				}
				require.NotNil(t, got, "%s: %s not among the sources", what, tc.want.ID)
				if diff := cmp.Diff(tc.want, *got, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("%s: source mismatch (-want +got):\n%s", what, diff)
				}
				tl, err := s.Timeline(nil)
				require.NoError(t, err)
				status, err := tl.Current("shells")
				require.NoError(t, err)
				assert.Equal(t, tc.status, status, what)
			}
			check(s, "applied")
			r, err := s.Reextract(ctx)
			require.NoError(t, err)
			assert.Empty(t, r.Failed)
			check(s, "re-extracted")
			again, r, err := story.Open(ctx, st, "workers", story.Options{})
			require.NoError(t, err)
			assert.Empty(t, r.Failed)
			check(again, "reopened")
		})
	}
}

func TestAcceptSourceEditErrors(t *testing.T) {
	s, ilves, _, proposed := workersStory(t, &memStore{})
	unnamed, absent, bad := source.IdentityUnnamed, source.IdentityAbsent, source.Identity(9)
	yes := true
	// A second proposal whose extractor parent is the first would make a
	// cycle were the first put under it.
	ad, err := s.Add(ctx, source.Article{ID: "w3", Text: "Hallen station staff said that Norland ships artillery shells to Eastria.",
		Published: time.Date(2025, 3, 5, 9, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	require.Len(t, ad.Sources, 1)
	staff := ad.Sources[0].Source.ID
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindReject, Source: staff})
	require.NoError(t, err)
	tests := []struct {
		name  string
		d     story.Decision
		field string
		value string
		want  error
	}{
		{name: "unknown-parent", d: story.Decision{Kind: story.KindAccept, Source: proposed, Parent: "nobody"}, field: "decisions[0].parent", value: "nobody", want: story.ErrUnknownSource},
		{name: "unknown-proposed-parent", d: story.Decision{Kind: story.KindAccept, Source: proposed, Parent: "new:nobody@w2"}, field: "decisions[0].parent", value: "new:nobody@w2", want: story.ErrUnknownSource},
		{name: "rejected-parent", d: story.Decision{Kind: story.KindAccept, Source: proposed, Parent: staff}, field: "decisions[0].parent", value: string(staff), want: story.ErrRejected},
		{name: "own-parent", d: story.Decision{Kind: story.KindAccept, Source: proposed, Parent: proposed}, field: "decisions[0].parent", value: string(proposed), want: story.ErrInvalid},
		{name: "absent-parent", d: story.Decision{Kind: story.KindAccept, Source: proposed, Parent: source.AbsentID}, field: "decisions[0].parent", value: "absent", want: story.ErrInvalid},
		{name: "absent-identity", d: story.Decision{Kind: story.KindAccept, Source: proposed, Identity: &absent}, field: "decisions[0].identity", value: "absent", want: story.ErrInvalid},
		{name: "bad-identity", d: story.Decision{Kind: story.KindAccept, Source: proposed, Identity: &bad}, field: "decisions[0].identity", value: "Identity(9)", want: story.ErrInvalid},
		{name: "bad-kind", d: story.Decision{Kind: story.KindAccept, Source: proposed, SourceKind: source.Kind(99)}, field: "decisions[0].source_kind", value: "Kind(99)", want: story.ErrInvalid},
		{name: "kind-on-candidate", d: story.Decision{Kind: story.KindAccept, Key: ilves, SourceKind: source.KindPerson}, field: "decisions[0].source_kind", value: "person", want: story.ErrInvalid},
		{name: "identity-on-reject", d: story.Decision{Kind: story.KindReject, Source: proposed, Identity: &unnamed}, field: "decisions[0].identity", value: "unnamed", want: story.ErrInvalid},
		{name: "parent-on-merge", d: story.Decision{Kind: story.KindMergeSource, Source: proposed, Into: "westmark", Parent: "westmark"}, field: "decisions[0].parent", value: "westmark", want: story.ErrInvalid},
		{name: "investigator-on-claim", d: story.Decision{Kind: story.KindCreateClaim, Claim: "c", Text: "t", Investigator: &yes}, field: "decisions[0].investigator", value: "true", want: story.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := len(s.Decisions())
			_, err := s.Apply(ctx, tc.d)
			assert.ErrorIs(t, err, tc.want)
			var fe *story.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, tc.value, fe.Value)
			assert.Len(t, s.Decisions(), before, "a refused decision is not logged")
		})
	}
}

// TestAcceptSourceCycle puts a proposed source under a proposed source
// the extractor proposed under it, which would make a cycle, and then the
// other way round, which is how it was proposed.
func TestAcceptSourceCycle(t *testing.T) {
	s, _, _, _ := workersStory(t, &memStore{})
	ad, err := s.Add(ctx, source.Article{ID: "w3", Text: "Olav Berg said that Norland ships artillery shells to Eastria. A spokesman for Olav Berg said that Norland ships artillery shells to Eastria.",
		Published: time.Date(2025, 3, 5, 9, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	require.Len(t, ad.Sources, 2)
	berg, spokesman := ad.Sources[0].Source.ID, ad.Sources[1].Source.ID
	require.Equal(t, berg, ad.Sources[1].Source.Parent, "the spokesman is proposed under Berg")

	_, err = s.Apply(ctx, story.Decision{Kind: story.KindAccept, Source: berg, Parent: spokesman})
	assert.ErrorIs(t, err, story.ErrInvalid)
	var fe *story.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "decisions[0].parent", fe.Field)
	assert.Equal(t, string(spokesman), fe.Value)

	// The spokesman under Berg, as proposed, accepts Berg too: a later
	// decision can no longer set Berg's parent.
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindAccept, Source: spokesman, As: "berg-spokesman"})
	require.NoError(t, err)
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindAccept, Source: berg, Parent: "westmark"})
	assert.ErrorIs(t, err, story.ErrInvalid)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "decisions[0].source", fe.Field)
	assert.Contains(t, err.Error(), "already accepted as olav-berg")
	parents := map[source.ID]source.ID{}
	for _, src := range s.Corpus().Sources {
		parents[src.ID] = src.Parent
	}
	assert.Equal(t, source.ID("olav-berg"), parents["berg-spokesman"])
	assert.Equal(t, source.ID(""), parents["olav-berg"])
}

func TestDecisionSourceJSON(t *testing.T) {
	unnamed := source.IdentityUnnamed
	no := false
	d := story.Decision{Kind: story.KindAccept, Source: "new:x@a", SourceKind: source.KindAgency, Identity: &unnamed, Parent: "norland", Investigator: &no}
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"accept","source":"new:x@a","source_kind":"agency","identity":"unnamed","parent":"norland","investigator":false}`, string(b))
	var back story.Decision
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Empty(t, cmp.Diff(d, back))
	// A decision logged before these fields existed reads unchanged.
	var old story.Decision
	require.NoError(t, json.NewDecoder(strings.NewReader(`{"kind":"accept","source":"new:x@a","as":"x","text":"X"}`)).Decode(&old))
	assert.Equal(t, story.Decision{Kind: story.KindAccept, Source: "new:x@a", As: "x", Text: "X"}, old)
}
