package timeline_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// TestSummaries checks who a summary lists on each side: a source's latest
// word counts, a possibility replaces a firmer word, a retraction
// withdraws an affirmation, and a question leaves the word as it was.
func TestSummaries(t *testing.T) {
	tests := []struct {
		name         string
		stmts        []st
		rules        *timeline.Rules
		status       timeline.Status
		affirm, deny []source.ID
		since        string
	}{
		{name: "nobody", status: timeline.StatusUnreported},
		{name: "accused-and-denied", status: timeline.StatusContested, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "korea", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a3"}},
		}, affirm: []source.ID{"us"}, deny: []source.ID{"korea"}, since: "2024-03-03"},
		{name: "possibility-replaces", status: timeline.StatusReported, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a1"}},
			{id: "s2", src: "us", act: claim.ActConcern, f: claim.PSPlus(), said: "2024-03-02", at: []string{"a2"}},
		}, since: "2024-03-02"},
		{name: "possibility-alleges-by-rule", status: timeline.StatusAlleged, rules: &timeline.Rules{PossibleAlleges: true, Corroboration: 2}, stmts: []st{
			{id: "s1", src: "us", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a1"}},
		}, affirm: []source.ID{"us"}, since: "2024-03-01"},
		{name: "retraction-withdraws", status: timeline.StatusRetracted, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a1"}},
			{id: "s2", src: "us", act: claim.ActRetract, f: claim.CTu(), said: "2024-03-02", at: []string{"a2"}},
		}, since: "2024-03-02"},
		{name: "retraction-after-denial", status: timeline.StatusReported, stmts: []st{
			{id: "s1", src: "korea", act: claim.ActDeny, f: claim.CTMinus(), said: "2024-03-01", at: []string{"a1"}},
			{id: "s2", src: "korea", act: claim.ActRetract, f: claim.CTu(), said: "2024-03-02", at: []string{"a2"}},
		}, since: "2024-03-02"},
		{name: "question-leaves-word", status: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a1"}},
			{id: "s2", src: "us", act: claim.ActQuestion, f: claim.Uu(), said: "2024-03-02", at: []string{"a2"}},
		}, affirm: []source.ID{"us"}, since: "2024-03-01"},
		{name: "order-of-first-word", status: timeline.StatusCorroborated, stmts: []st{
			{id: "s1", src: "ukraine", act: claim.ActAccuse, f: claim.PRPlus(), said: "2024-03-02", at: []string{"a2"}},
			{id: "s2", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), said: "2024-03-01", at: []string{"a2"}},
		}, affirm: []source.ID{"us", "ukraine"}, since: "2024-03-02"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, err := timeline.Build(corpus(nil, tc.stmts...), tc.rules)
			require.NoError(t, err)
			got := tl.Summaries()
			require.Len(t, got, 1)
			want := timeline.Summary{Claim: "c", Text: shells.Text, Status: tc.status,
				Affirm: tc.affirm, Negate: tc.deny, Statements: len(tc.stmts)}
			if tc.since != "" {
				want.Since = pub("a" + strings.TrimLeft(tc.since[len("2024-03-"):], "0"))
			}
			if diff := cmp.Diff(want, got[0]); diff != "" {
				t.Errorf("Summaries() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteSummary(t *testing.T) {
	long := claim.Claim{ID: "long", Text: strings.Repeat("Norland's long claim ", 5)}
	tl, err := timeline.Build(corpus([]claim.Claim{shells, long},
		st{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
		st{id: "s2", src: "korea", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
		st{id: "s3", claim: "long", src: "insiders", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a2"}},
	), nil)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, tl.WriteSummary(&b))
	want := `STATUS     CLAIM                                                         AFFIRMED BY                      DENIED BY    SINCE
contested  North Korea supplies artillery shells to Russia               United States                    North Korea  2024-03-02
alleged    Norland's long claim Norland's long claim Norland's long cl…  people familiar with the matter  -            2024-03-02

alleged:      affirmed, and denied by no one
contested:    affirmed and denied
`
	assert.Equal(t, want, b.String())
}

func TestStatusMeaning(t *testing.T) {
	for s := timeline.StatusUnreported; s.IsValid() || s == timeline.StatusUnreported; s++ {
		assert.NotEmpty(t, s.Meaning(), "status %s", s)
	}
	assert.Empty(t, timeline.Status(200).Meaning())
}
