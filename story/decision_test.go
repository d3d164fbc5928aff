package story_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// candidate returns the proposal of an article whose quote contains text.
func candidate(t *testing.T, ad *story.Added, text string) story.Proposal {
	t.Helper()
	for _, p := range ad.Candidates {
		if strings.Contains(p.Quote, text) {
			return p
		}
	}
	t.Fatalf("no candidate of %s quotes %q", ad.Article, text)
	return story.Proposal{}
}

func TestAcceptEdited(t *testing.T) {
	s, added := newStory(t, 3, story.Options{})
	acc := candidate(t, added[0], "Norland on Sunday")
	den := candidate(t, added[0], "any shells had been shipped")
	pr := claim.PRMinus()
	_, err := s.Apply(ctx,
		story.Decision{Kind: story.KindCreateClaim, Claim: "shells", Text: "Norland ships artillery shells to Eastria"},
		story.Decision{Kind: story.KindAccept, Key: acc.Key, Claim: "shells", Speaker: "westmark-defence", Said: claim.MustParseDate("2025-03-02")},
		story.Decision{Kind: story.KindAccept, Key: den.Key, Claim: "shells", Act: claim.ActReject, Factuality: &pr, By: "ana"},
	)
	require.NoError(t, err)
	st, ok := s.StatementOf(acc.Key)
	require.True(t, ok)
	assert.Equal(t, source.ID("westmark-defence"), st.Source)
	assert.Equal(t, claim.ID("shells"), st.Claim)
	assert.Equal(t, "2025-03-02", st.Said.String())
	assert.Equal(t, claim.ActAccuse, st.Act, "the extractor's act is kept")
	st, _ = s.StatementOf(den.Key)
	assert.Equal(t, claim.ActReject, st.Act)
	assert.Equal(t, claim.PRMinus(), st.Factuality)
	assert.Equal(t, story.KindAccept, s.Decided(den.Key))

	// A candidate accepted with no claim goes to its group's new claim.
	grouped := candidate(t, added[0], "Norland of shipping shells")
	require.NotEmpty(t, grouped.Group)
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: grouped.Key})
	require.NoError(t, err)
	st, _ = s.StatementOf(grouped.Key)
	assert.Equal(t, grouped.Group, st.Claim)

	tl, err := s.Timeline(nil)
	require.NoError(t, err)
	status, err := tl.Current("shells")
	require.NoError(t, err)
	assert.Equal(t, timeline.StatusContested, status)
}

func TestDecisionErrors(t *testing.T) {
	s, added := newStory(t, 3, story.Options{})
	acc := candidate(t, added[0], "Norland on Sunday")
	byMinistry := candidate(t, added[2], "never supplied")
	ps := claim.CTMinus()
	_, err := s.Apply(ctx, story.Decision{Kind: story.KindReject, Source: byMinistry.Candidate.Speaker},
		story.Decision{Kind: story.KindCreateClaim, Claim: "held", Text: "a claim the story holds"})
	require.NoError(t, err)
	tests := []struct {
		name  string
		d     story.Decision
		field string
		want  error
	}{
		{name: "no-kind", d: story.Decision{Key: acc.Key}, field: "decisions[0].kind", want: story.ErrInvalid},
		{name: "no-key", d: story.Decision{Kind: story.KindAccept}, field: "decisions[0].key", want: story.ErrEmpty},
		{name: "key-and-source", d: story.Decision{Kind: story.KindAccept, Key: acc.Key, Source: "new:x@a"}, field: "decisions[0].source", want: story.ErrInvalid},
		{name: "bad-key", d: story.Decision{Kind: story.KindReject, Key: "nohash"}, field: "decisions[0].key", want: story.ErrInvalid},
		{name: "unknown-claim", d: story.Decision{Kind: story.KindAccept, Key: acc.Key, Claim: "nope"}, field: "decisions[0].claim", want: story.ErrUnknownClaim},
		{name: "unknown-speaker", d: story.Decision{Kind: story.KindAccept, Key: acc.Key, Speaker: "nobody"}, field: "decisions[0].speaker", want: story.ErrUnknownSource},
		{name: "rejected-speaker", d: story.Decision{Kind: story.KindAccept, Key: byMinistry.Key}, field: "decisions[0].speaker", want: story.ErrRejected},
		{name: "accuse-negates", d: story.Decision{Kind: story.KindAccept, Key: acc.Key, Factuality: &ps}, field: "decisions[0].key", want: claim.ErrFactuality},
		{name: "said-after", d: story.Decision{Kind: story.KindAccept, Key: acc.Key, Said: claim.MustParseDate("2026")}, field: "decisions[0].key", want: claim.ErrDate},
		{name: "text-no-claim", d: story.Decision{Kind: story.KindAccept, Key: acc.Key, Text: "Norland ships shells"}, field: "decisions[0].text", want: story.ErrInvalid},
		{name: "text-same-as", d: story.Decision{Kind: story.KindAccept, Key: acc.Key, Claim: "c9", SameAs: "s:x", Text: "Norland ships shells"}, field: "decisions[0].text", want: story.ErrInvalid},
		{name: "text-claim-held", d: story.Decision{Kind: story.KindAccept, Key: acc.Key, Claim: "held", Text: "Norland ships shells"}, field: "decisions[0].claim", want: story.ErrDuplicateID},
		{name: "same-as-unknown", d: story.Decision{Kind: story.KindAccept, Key: acc.Key, SameAs: "s:nope"}, field: "decisions[0].same_as", want: story.ErrUnknownStatement},
		{name: "merge-into-unknown", d: story.Decision{Kind: story.KindMergeSource, Source: added[2].Sources[0].Source.ID, Into: "nobody"}, field: "decisions[0].into", want: story.ErrUnknownSource},
		{name: "merge-into-itself", d: story.Decision{Kind: story.KindMergeSource, Source: "norland", Into: "norland"}, field: "decisions[0].into", want: story.ErrInvalid},
		{name: "merge-into-under", d: story.Decision{Kind: story.KindMergeSource, Source: "westmark", Into: "ilves"}, field: "decisions[0].into", want: story.ErrInvalid},
		{name: "merge-accepted-into-unknown", d: story.Decision{Kind: story.KindMergeSource, Source: "norland", Into: "nobody"}, field: "decisions[0].into", want: story.ErrUnknownSource},
		{name: "merge-absent", d: story.Decision{Kind: story.KindMergeSource, Source: "absent", Into: "norland"}, field: "decisions[0].source", want: story.ErrInvalid},
		{name: "merge-rejected", d: story.Decision{Kind: story.KindMergeSource, Source: byMinistry.Candidate.Speaker, Into: "norland"}, field: "decisions[0].source", want: story.ErrInvalid},
		{name: "create-twice", d: story.Decision{Kind: story.KindCreateClaim, Claim: "fresh", Text: "x"}, want: nil},
		{name: "create-no-text", d: story.Decision{Kind: story.KindCreateClaim, Claim: "c"}, field: "decisions[0].text", want: story.ErrEmpty},
		{name: "rename-unknown", d: story.Decision{Kind: story.KindRenameClaim, Claim: "nope", Text: "x"}, field: "decisions[0].claim", want: story.ErrUnknownClaim},
		{name: "reprint-unknown", d: story.Decision{Kind: story.KindReprint, Article: "nope", Of: "herald-03-02"}, field: "decisions[0].article", want: story.ErrUnknownArticle},
		{name: "reprint-later", d: story.Decision{Kind: story.KindReprint, Article: "herald-03-02", Of: "ledger-03-04"}, field: "decisions[0].of", want: story.ErrInvalid},
		{name: "reprint-self", d: story.Decision{Kind: story.KindReprint, Article: "herald-03-02", Of: "herald-03-02"}, field: "decisions[0].of", want: story.ErrInvalid},
		{name: "at-year-10000", d: story.Decision{Kind: story.KindCreateClaim, Claim: "late", Text: "x", At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, field: "decisions[0].at", want: story.ErrInvalid},
		{name: "at-year-10000-in-utc", d: story.Decision{Kind: story.KindCreateClaim, Claim: "late", Text: "x", At: time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -2*3600))}, field: "decisions[0].at", want: story.ErrInvalid},
		{name: "at-year-before-0", d: story.Decision{Kind: story.KindCreateClaim, Claim: "early", Text: "x", At: time.Date(-1, 6, 1, 0, 0, 0, 0, time.UTC)}, field: "decisions[0].at", want: story.ErrInvalid},
		{name: "at-year-before-0-in-utc", d: story.Decision{Kind: story.KindCreateClaim, Claim: "early", Text: "x", At: time.Date(0, 1, 1, 0, 30, 0, 0, time.FixedZone("", 3600))}, field: "decisions[0].at", want: story.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := len(s.Decisions())
			_, err := s.Apply(ctx, tc.d)
			if tc.want == nil {
				require.NoError(t, err)
				_, err = s.Apply(ctx, tc.d)
				assert.ErrorIs(t, err, story.ErrDuplicateID)
				return
			}
			assert.ErrorIs(t, err, tc.want)
			var fe *story.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.Len(t, s.Decisions(), before, "a refused decision is not logged")
		})
	}
}

func TestSourcesDecisions(t *testing.T) {
	s, added := newStory(t, 3, story.Options{})
	ministry := candidate(t, added[2], "never supplied")
	workers := candidate(t, added[2], "timber")
	r, err := s.Apply(ctx,
		story.Decision{Kind: story.KindMergeSource, Source: ministry.Candidate.Speaker, Into: "norland-foreign"},
		story.Decision{Kind: story.KindAccept, Source: workers.Candidate.Speaker, As: "hallen-workers", Text: "Rail workers at Hallen"},
		story.Decision{Kind: story.KindCreateClaim, Claim: "shells", Text: "Norland ships shells to Eastria"},
		story.Decision{Kind: story.KindAccept, Key: ministry.Key, Claim: "shells"},
		story.Decision{Kind: story.KindAccept, Key: workers.Key},
		story.Decision{Kind: story.KindReprint, Article: "courier-03-03", Of: "herald-03-02"},
	)
	require.NoError(t, err)
	assert.Len(t, r.Applied, 6)
	st, ok := s.StatementOf(ministry.Key)
	require.True(t, ok)
	assert.Equal(t, source.ID("norland-foreign"), st.Source, "merged into the registry's source")
	st, _ = s.StatementOf(workers.Key)
	assert.Equal(t, source.ID("hallen-workers"), st.Source)
	c := s.Corpus()
	assert.Equal(t, source.ID("hallen-workers"), c.Sources[len(c.Sources)-1].ID)
	assert.Equal(t, source.ArticleID("herald-03-02"), c.Articles[1].Reprints)

	// A proposed source accepted through its candidate takes the
	// extractor's ID without "new:" and the article.
	s2, added2 := newStory(t, 3, story.Options{})
	m2 := candidate(t, added2[2], "never supplied")
	_, err = s2.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: m2.Key})
	require.NoError(t, err)
	st, _ = s2.StatementOf(m2.Key)
	assert.Equal(t, source.ID("ministry"), st.Source)
}

func TestRejectTakesBack(t *testing.T) {
	s, added := newStory(t, 2, story.Options{})
	p := candidate(t, added[0], "Norland on Sunday")
	again := candidate(t, added[1], "Norland on Sunday")
	_, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: p.Key})
	require.NoError(t, err)
	st, _ := s.StatementOf(p.Key)
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: again.Key, SameAs: st.ID})
	require.NoError(t, err)
	st, _ = s.StatementOf(again.Key)
	assert.Len(t, st.Mentions, 2)
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindReject, Key: again.Key})
	require.NoError(t, err)
	st, _ = s.StatementOf(p.Key)
	assert.Len(t, st.Mentions, 1)
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindReject, Key: p.Key})
	require.NoError(t, err)
	assert.Empty(t, s.Corpus().Statements)
	assert.Equal(t, story.KindReject, s.Decided(p.Key))
	assert.Len(t, s.Decisions(), 4, "the log keeps every decision")
}

func TestOrphansAndReextract(t *testing.T) {
	s, added := newStory(t, 8, story.Options{})
	var ds []story.Decision
	for _, ad := range added {
		for _, p := range ad.Candidates {
			if p.SameAs != "" {
				ds = append(ds, story.Decision{Kind: story.KindAccept, Key: p.Key, SameAs: p.SameAs})
				continue
			}
			ds = append(ds, story.Decision{Kind: story.KindAccept, Key: p.Key})
		}
	}
	ghost := story.Decision{Kind: story.KindAccept, Key: "herald-03-02#9999:00000000"}
	ds = append(ds, ghost, story.Decision{Kind: story.KindReprint, Article: "courier-03-03", Of: "herald-03-02"})
	r, err := s.Apply(ctx, ds...)
	require.NoError(t, err)
	require.Len(t, r.Orphans, 1)
	assert.Equal(t, ghost.Key, r.Orphans[0].Key)
	before := s.Corpus()
	_, err = timeline.Build(before, nil)
	require.NoError(t, err)

	re, err := s.Reextract(ctx)
	require.NoError(t, err)
	assert.Empty(t, re.Failed)
	require.Len(t, re.Orphans, 1, "an orphan is reported again, never dropped")
	assert.Equal(t, ghost.Key, re.Orphans[0].Key)
	assert.Len(t, re.Applied, len(ds)-1)
	if diff := cmp.Diff(before, s.Corpus()); diff != "" {
		t.Errorf("Reextract changed the corpus (-before +after):\n%s", diff)
	}
	assert.Len(t, s.Orphans(), 1)
	assert.Len(t, s.Decisions(), len(ds))
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = s.Reextract(cancelled)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, cmp.Diff(before, s.Corpus()), "a failed Reextract leaves the story as it was")
}

func TestUnattended(t *testing.T) {
	s, added := newStory(t, 3, story.Options{Unattended: 0.8})
	machine := 0
	for _, ad := range added {
		for _, d := range ad.Machine {
			machine++
			assert.Equal(t, story.MachineBy, d.By)
			st, ok := s.StatementOf(d.Key)
			require.True(t, ok)
			assert.True(t, s.MachineAccepted(st.ID), st.ID)
			if d.SameAs == "" {
				assert.True(t, s.AcceptedByMachine(d.Key), d.Key)
			}
		}
		for _, p := range ad.Candidates {
			if p.Candidate.Resolution != extract.ResolutionRegistry || p.Candidate.Confidence < 0.8 {
				assert.Equal(t, story.KindUnknown, s.Decided(p.Key), "left for people: %s", p.Key)
				assert.False(t, s.AcceptedByMachine(p.Key), p.Key)
			}
		}
	}
	require.Positive(t, machine)
	assert.Len(t, s.Decisions(), machine, "machine decisions are logged")
	// A person's decision on a machine-accepted candidate makes it theirs.
	d := added[0].Machine[0]
	_, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: d.Key, Claim: d.Claim, By: "ana"})
	require.NoError(t, err)
	st, _ := s.StatementOf(d.Key)
	assert.False(t, s.MachineAccepted(st.ID))
	assert.False(t, s.AcceptedByMachine(d.Key))
}

func TestReadDecisions(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		n     int
		field string
		want  error
	}{
		{name: "empty", in: "", n: 0},
		{name: "blank-lines", in: "\n\n{\"kind\":\"create-claim\",\"claim\":\"c\",\"text\":\"t\"}\n\n", n: 1},
		{name: "case", in: `{"kind":"ACCEPT","key":"a#1:00000000","act":"Deny","factuality":"ct-"}`, n: 1},
		{name: "no-newline", in: `{"kind":"reprint","article":"b","of":"a"}`, n: 1},
		{name: "not-json", in: "{\"kind\":\"reprint\",\"article\":\"b\",\"of\":\"a\"}\nnope", field: "line 2.json", want: story.ErrSyntax},
		{name: "array", in: `[1]`, field: "line 1.json", want: story.ErrSyntax},
		{name: "unknown-member", in: `{"kind":"reprint","article":"b","of":"a","colour":1}`, field: "line 1.json", want: story.ErrSyntax},
		{name: "twice", in: `{"kind":"reprint","kind":"accept"}`, field: "line 1.kind", want: story.ErrSyntax},
		{name: "trailing", in: `{"kind":"reprint","article":"b","of":"a"} {}`, field: "line 1.json", want: story.ErrSyntax},
		{name: "bad-kind", in: `{"kind":"approve"}`, field: "line 1.kind", want: story.ErrUnknownName},
		{name: "bad-act", in: `{"kind":"accept","key":"a#1:00000000","act":"shout"}`, want: claim.ErrUnknownName},
		{name: "check", in: `{"kind":"merge-source","source":"new:x@a"}`, field: "line 1.into", want: story.ErrEmpty},
		{name: "long", in: `{"kind":"reprint","note":"` + strings.Repeat("x", story.MaxDecisionLine) + `"}`, field: "line 1", want: story.ErrSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := story.ReadDecisions(strings.NewReader(tc.in))
			if tc.want == nil {
				require.NoError(t, err)
				assert.Len(t, ds, tc.n)
				return
			}
			assert.ErrorIs(t, err, tc.want)
			var fe *story.FieldError
			require.ErrorAs(t, err, &fe)
			if tc.field != "" {
				assert.Equal(t, tc.field, fe.Field)
			}
		})
	}
}

func TestDecisionsRoundTrip(t *testing.T) {
	s, added := newStory(t, 3, story.Options{Unattended: 0.8})
	pr := claim.PRPlus()
	_, err := s.Apply(ctx,
		story.Decision{Kind: story.KindCreateClaim, Claim: "shells", Text: "Norland ships shells to Eastria", By: "ana", Note: "wording from the desk"},
		story.Decision{Kind: story.KindAccept, Key: candidate(t, added[0], "January").Key, Factuality: &pr, Said: claim.MustParseDate("2025-01")},
		story.Decision{Kind: story.KindReprint, Article: "courier-03-03", Of: "herald-03-02"},
	)
	require.NoError(t, err)
	log := s.Decisions()
	var buf bytes.Buffer
	require.NoError(t, story.WriteDecisions(&buf, log))
	got, err := story.ReadDecisions(&buf)
	require.NoError(t, err)
	if diff := cmp.Diff(log, got); diff != "" {
		t.Errorf("ReadDecisions(WriteDecisions) mismatch (-want +got):\n%s", diff)
	}
	err = story.WriteDecisions(&buf, []story.Decision{{Kind: story.Kind(99)}})
	assert.ErrorIs(t, err, story.ErrInvalid)
}

func TestKind(t *testing.T) {
	for k := story.KindAccept; k <= story.KindReprint; k++ {
		got, err := story.ParseKind(strings.ToUpper(k.String()))
		require.NoError(t, err)
		assert.Equal(t, k, got)
		assert.True(t, k.IsValid())
	}
	got, err := story.ParseKind("unknown")
	require.NoError(t, err, "the placeholder zero reads back")
	assert.Equal(t, story.KindUnknown, got)
	_, err = story.ParseKind("approve")
	assert.ErrorIs(t, err, story.ErrUnknownName)
	assert.False(t, story.KindUnknown.IsValid())
	for _, line := range []string{`{"kind":"unknown","key":"a#1:00000000"}`, `{"kind":"","key":"a#1:00000000"}`, `{"key":"a#1:00000000"}`} {
		_, err := story.ReadDecisions(strings.NewReader(line))
		assert.ErrorIs(t, err, story.ErrInvalid, "a decision of no kind is refused: %s", line)
	}
	assert.Equal(t, "Kind(42)", story.Kind(42).String())
}

func FuzzReadDecisions(f *testing.F) {
	f.Add([]byte(`{"kind":"accept","key":"a#1:00000000","speaker":"x","act":"deny","factuality":"CT-","said":"2025-03","by":"ana","at":"2025-03-04T10:00:00Z"}` + "\n"))
	f.Add([]byte(`{"kind":"merge-source","source":"new:x@a","into":"y"}` + "\n" + `{"kind":"reprint","article":"b","of":"a"}`))
	f.Add([]byte(`{"kind":"create-claim","claim":"c","text":"t"}` + "\n\n"))
	f.Add([]byte(`{"seq":4,"kind":"undo","undoes":3,"by":"ana"}` + "\n" + `{"kind":"undo","undoes":-2}`))
	f.Add([]byte(`{"kind":"accept","source":"new:x@a","as":"x","text":"X"}`))
	f.Add([]byte(`{"kind":"accept","source":"new:x@a","source_kind":"person","identity":"unnamed","parent":"y","investigator":false}`))
	f.Add([]byte(`{"kind":"accept","source":"new:x@a","identity":"absent","source_kind":"nobody"}`))
	f.Add([]byte("{\"kind\":\"reject\",\"key\":\"a#1:0\"}\r\n{"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, err := story.ReadDecisions(bytes.NewReader(b))
		if err != nil {
			var fe *story.FieldError
			if !assertAs(err, &fe) {
				t.Fatalf("ReadDecisions error %v is no *FieldError", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := story.WriteDecisions(&buf, ds); err != nil {
			t.Fatalf("WriteDecisions of what ReadDecisions read: %v", err)
		}
		again, err := story.ReadDecisions(&buf)
		if err != nil {
			t.Fatalf("ReadDecisions of what WriteDecisions wrote: %v\n%s", err, buf.String())
		}
		if diff := cmp.Diff(ds, again); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
	})
}

func assertAs(err error, target **story.FieldError) bool {
	return errorsAs(err, target)
}

var _ = context.Background

// TestAcceptOntoNewClaim checks that one decision creates a claim and
// accepts a candidate onto it, or, refused, does neither; and that a
// refused acceptance onto its group's proposed claim leaves no claim.
func TestAcceptOntoNewClaim(t *testing.T) {
	ps := claim.PSMinus()
	for _, tc := range []struct {
		name   string
		d      func(acc story.Key) story.Decision
		want   error
		claims []claim.ID
	}{
		{"created", func(k story.Key) story.Decision {
			return story.Decision{Kind: story.KindAccept, Key: k, Claim: "shells", Text: "Norland ships shells"}
		}, nil, []claim.ID{"shells"}},
		{"refused-worded", func(k story.Key) story.Decision {
			return story.Decision{Kind: story.KindAccept, Key: k, Claim: "shells", Text: "Norland ships shells", Factuality: &ps}
		}, claim.ErrFactuality, nil},
		{"refused-group", func(k story.Key) story.Decision {
			return story.Decision{Kind: story.KindAccept, Key: k, Factuality: &ps}
		}, claim.ErrFactuality, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := &memStore{}
			srcs, arts := fixture(t)
			s, _, err := story.Open(ctx, st, "new-claim", story.Options{Sources: srcs})
			require.NoError(t, err)
			added, err := s.Add(ctx, arts[0])
			require.NoError(t, err)
			acc := candidate(t, added, "Norland on Sunday")
			_, err = s.Apply(ctx, tc.d(acc.Key))
			assert.ErrorIs(t, err, tc.want)
			var got []claim.ID
			for _, c := range s.Corpus().Claims {
				got = append(got, c.ID)
			}
			assert.Equal(t, tc.claims, got)
			if tc.want != nil {
				assert.Empty(t, s.Decisions())
				return
			}
			stmt, ok := s.StatementOf(acc.Key)
			require.True(t, ok)
			assert.Equal(t, claim.ID("shells"), stmt.Claim)
			assert.Equal(t, "Norland ships shells", s.Corpus().Claims[0].Text)
			require.Len(t, s.Decisions(), 1)
			sameAsReopened(t, st, s)

			// Undone, it takes its claim with it.
			_, err = s.Apply(ctx, story.Decision{Kind: story.KindUndo, Undoes: 1})
			require.NoError(t, err)
			assert.Empty(t, s.Corpus().Claims)
		})
	}
}

// TestUnattendedMention checks that a reprint the unattended mode takes
// as a new mention of a statement a person accepted is marked on the
// mention, not the statement, until a person decides on its candidate.
func TestUnattendedMention(t *testing.T) {
	_, arts := fixture(t)
	s, added := newStory(t, 1, story.Options{Unattended: 0.5})
	require.NotEmpty(t, added[0].Machine)
	for _, d := range added[0].Machine {
		st, ok := s.StatementOf(d.Key)
		require.True(t, ok)
		_, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: d.Key, Claim: st.Claim, By: "ana"})
		require.NoError(t, err)
	}
	ad, err := s.Add(ctx, arts[1])
	require.NoError(t, err)
	mentions := 0
	for _, d := range ad.Machine {
		if d.SameAs == "" {
			continue
		}
		mentions++
		assert.True(t, s.AcceptedByMachine(d.Key), d.Key)
		assert.False(t, s.MachineAccepted(d.SameAs), "the statement a person accepted stays theirs: %s", d.SameAs)
		marked := func() []bool {
			var out []bool
			for _, st := range s.Corpus().Statements {
				if st.ID != d.SameAs {
					continue
				}
				for _, m := range st.Mentions {
					if m.Article == arts[1].ID {
						out = append(out, m.MachineAccepted)
					}
				}
			}
			return out
		}
		before := marked()
		require.Contains(t, before, true, "the corpus marks the new mention of %s", d.SameAs)
		_, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: d.Key, SameAs: d.SameAs, By: "ana"})
		require.NoError(t, err)
		assert.False(t, s.AcceptedByMachine(d.Key), "a person accepted %s", d.Key)
		after := marked()
		assert.Len(t, after, len(before), "the mention of %s is still there", d.SameAs)
		assert.Equal(t, count(before, true)-1, count(after, true), "the mention of %s is the person's", d.SameAs)
	}
	require.Positive(t, mentions, "the reprint's candidates were taken as mentions")
}

// count returns how many of xs are x.
func count[T comparable](xs []T, x T) int {
	n := 0
	for _, v := range xs {
		if v == x {
			n++
		}
	}
	return n
}
