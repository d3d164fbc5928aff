package timeline_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// hstep is one status step, compactly, for comparing whole histories.
type hstep struct {
	Statement claim.StatementID
	Source    source.ID
	To        timeline.Status
}

func histories(t *testing.T, tl *timeline.Timeline, claims ...claim.ID) map[claim.ID][]hstep {
	t.Helper()
	out := map[claim.ID][]hstep{}
	for _, id := range claims {
		h, err := tl.History(id)
		require.NoError(t, err)
		for i, sc := range h {
			if i > 0 && sc.From != h[i-1].To {
				t.Errorf("History(%q)[%d] starts from %v, not %v", id, i, sc.From, h[i-1].To)
			}
			out[id] = append(out[id], hstep{sc.Statement, sc.Source, sc.To})
		}
	}
	return out
}

// Claims of the small stories below: broad is about North Korea arming
// Russia; narrow refines it (or relates otherwise), with an event in March
// 2024 when dated.
var (
	broad = claim.Claim{ID: "broad", Text: "North Korea arms Russia", Actors: []claim.Actor{{Source: "korea", Role: claim.RoleAccused}}}
)

func narrowAs(kind claim.RelationKind, event string) claim.Claim {
	return claim.Claim{
		ID: "narrow", Text: "North Korea sent 1,000 containers of shells",
		Actors:    []claim.Actor{{Source: "korea", Role: claim.RoleAccused}},
		Event:     claim.MustParseDate(event),
		Relations: []claim.Relation{{Kind: kind, To: "broad"}},
	}
}

// TestStatusRuleStories tells one small invented story per rule, with a
// case where the rule applies and one where it does not, and compares the
// whole status history of every claim.
func TestStatusRuleStories(t *testing.T) {
	shellsWith := func(actors ...claim.Actor) []claim.Claim {
		c := shells
		c.Actors = actors
		return []claim.Claim{c}
	}
	accused := claim.Actor{Source: "korea", Role: claim.RoleAccused}
	tests := []struct {
		name   string
		claims []claim.Claim
		rules  timeline.Rules
		stmts  []st
		want   map[claim.ID][]hstep
	}{
		// 1. Only refines carries statements.
		{
			name:   "refines-carries",
			claims: []claim.Claim{broad, narrowAs(claim.RelationRefines, "")},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{
				"broad":  {{"s1", "us", timeline.StatusAlleged}, {"s2", "korea-fm", timeline.StatusContested}},
				"narrow": {{"s1", "us", timeline.StatusAlleged}, {"s2", "korea-fm", timeline.StatusContested}},
			},
		},
		{
			name:   "part-of-carries-nothing",
			claims: []claim.Claim{broad, narrowAs(claim.RelationPartOf, "")},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{
				"broad":  {{"s2", "korea-fm", timeline.StatusDenied}},
				"narrow": {{"s1", "us", timeline.StatusAlleged}},
			},
		},

		// 2. A blanket denial cannot deny what had not happened yet.
		{
			name:   "denial-after-event-counts",
			claims: []claim.Claim{broad, narrowAs(claim.RelationRefines, "2024-03")},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), said: "2024-03-01", at: []string{"a3"}},
			},
			want: map[claim.ID][]hstep{
				"broad":  {{"s1", "us", timeline.StatusAlleged}, {"s2", "korea-fm", timeline.StatusContested}},
				"narrow": {{"s1", "us", timeline.StatusAlleged}, {"s2", "korea-fm", timeline.StatusContested}},
			},
		},
		{
			name:   "denial-before-event-does-not-count",
			claims: []claim.Claim{broad, narrowAs(claim.RelationRefines, "2024-03")},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), said: "2023-11", at: []string{"a3"}},
			},
			want: map[claim.ID][]hstep{
				"broad":  {{"s1", "us", timeline.StatusAlleged}, {"s2", "korea-fm", timeline.StatusContested}},
				"narrow": {{"s1", "us", timeline.StatusAlleged}},
			},
		},
		{
			name:   "denial-before-first-report-does-not-count",
			claims: []claim.Claim{broad, narrowAs(claim.RelationRefines, "")},
			stmts: []st{
				{id: "s1", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
				{id: "s2", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a3"}},
			},
			want: map[claim.ID][]hstep{
				"broad":  {{"s1", "korea-fm", timeline.StatusDenied}, {"s2", "us", timeline.StatusContested}},
				"narrow": {{"s2", "us", timeline.StatusAlleged}},
			},
		},
		{
			name:   "denial-after-first-report-counts",
			claims: []claim.Claim{broad, narrowAs(claim.RelationRefines, "")},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a3"}},
				{id: "s2", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a5"}},
			},
			want: map[claim.ID][]hstep{
				"broad":  {{"s1", "us", timeline.StatusAlleged}, {"s2", "korea-fm", timeline.StatusContested}},
				"narrow": {{"s1", "us", timeline.StatusAlleged}, {"s2", "korea-fm", timeline.StatusContested}},
			},
		},

		// 3. A retraction withdraws everything the statement carried.
		{
			name:   "affirm-soften-retract",
			claims: []claim.Claim{broad, narrowAs(claim.RelationRefines, "")},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", claim: "narrow", src: "us", act: claim.ActAssert, f: claim.PSPlus(), at: []string{"a2"}},
				{id: "s3", claim: "narrow", src: "us", act: claim.ActRetract, f: claim.Uu(), at: []string{"a3"}},
			},
			want: map[claim.ID][]hstep{
				"broad":  {{"s1", "us", timeline.StatusAlleged}, {"s3", "us", timeline.StatusRetracted}},
				"narrow": {{"s1", "us", timeline.StatusAlleged}, {"s2", "us", timeline.StatusReported}, {"s3", "us", timeline.StatusRetracted}},
			},
		},
		{
			name:   "retraction-of-a-denial-withdraws-no-affirmation",
			claims: []claim.Claim{broad, narrowAs(claim.RelationRefines, "")},
			stmts: []st{
				{id: "s1", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", claim: "narrow", src: "us", act: claim.ActAssert, f: claim.CTMinus(), at: []string{"a2"}},
				{id: "s3", claim: "narrow", src: "us", act: claim.ActRetract, f: claim.Uu(), at: []string{"a3"}},
			},
			want: map[claim.ID][]hstep{
				// The affirmation carried to broad is withdrawn by the
				// retraction; the denial said nothing about broad.
				"broad":  {{"s1", "us", timeline.StatusAlleged}, {"s3", "us", timeline.StatusRetracted}},
				"narrow": {{"s1", "us", timeline.StatusAlleged}, {"s2", "us", timeline.StatusDenied}, {"s3", "us", timeline.StatusReported}},
			},
		},

		// 4. Investigators confirm and refute, whatever the verb.
		{
			name:  "investigator-finds",
			stmts: []st{{id: "s1", src: "un-panel", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a1"}}},
			want:  map[claim.ID][]hstep{"c": {{"s1", "un-panel", timeline.StatusConfirmed}}},
		},
		{
			name: "investigator-refutes",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", src: "un-panel", act: claim.ActAssert, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{"c": {{"s1", "us", timeline.StatusAlleged}, {"s2", "un-panel", timeline.StatusRefuted}}},
		},
		{
			name: "accused-denial-never-refutes",
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{"c": {{"s1", "us", timeline.StatusAlleged}, {"s2", "korea-fm", timeline.StatusContested}}},
		},
		{
			name:  "ordinary-organisation-does-not-confirm",
			stmts: []st{{id: "s1", src: "aid-group", act: claim.ActConfirm, f: claim.CTPlus(), at: []string{"a1"}}},
			want:  map[claim.ID][]hstep{"c": {{"s1", "aid-group", timeline.StatusAlleged}}},
		},
		{
			name:  "unnamed-investigator-leak-does-not-confirm",
			stmts: []st{{id: "s1", src: "panel-leak", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a1"}}},
			want:  map[claim.ID][]hstep{"c": {{"s1", "panel-leak", timeline.StatusAlleged}}},
		},
		{
			name:   "investigator-party-to-claim-does-not-confirm",
			claims: shellsWith(accused, claim.Actor{Source: "un-panel", Role: claim.RoleSubject}),
			stmts:  []st{{id: "s1", src: "un-panel", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a1"}}},
			want:   map[claim.ID][]hstep{"c": {{"s1", "un-panel", timeline.StatusAlleged}}},
		},
		{
			name: "confirmed-and-refuted-is-contested",
			stmts: []st{
				{id: "s1", src: "korea", act: claim.ActAdmit, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", src: "court", act: claim.ActAssert, f: claim.CTMinus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{"c": {{"s1", "korea", timeline.StatusConfirmed}, {"s2", "court", timeline.StatusContested}}},
		},

		// 5. The harmed party is a witness, not a suspect.
		{
			name:   "target-corroborates",
			claims: shellsWith(accused, claim.Actor{Source: "ukraine", Role: claim.RoleTarget}),
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", src: "ukraine", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{"c": {{"s1", "us", timeline.StatusAlleged}, {"s2", "ukraine", timeline.StatusCorroborated}}},
		},
		{
			name:   "subject-does-not-corroborate",
			claims: shellsWith(accused, claim.Actor{Source: "ukraine", Role: claim.RoleSubject}),
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", src: "ukraine", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{"c": {{"s1", "us", timeline.StatusAlleged}}},
		},

		// 6. Editorial policy as Rules.
		{
			name:  "one-root-corroborates-by-rule",
			rules: timeline.Rules{Corroboration: 1},
			stmts: []st{{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}}},
			want:  map[claim.ID][]hstep{"c": {{"s1", "us", timeline.StatusCorroborated}}},
		},
		{
			name:  "three-roots-by-rule",
			rules: timeline.Rules{Corroboration: 3},
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
				{id: "s2", src: "ukraine", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{"c": {{"s1", "us", timeline.StatusAlleged}}},
		},
		{
			name: "unnamed-with-affiliation-corroborates",
			stmts: []st{
				{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
				{id: "s2", src: "ukraine", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{"c": {{"s1", "us-intel", timeline.StatusAlleged}, {"s2", "ukraine", timeline.StatusCorroborated}}},
		},
		{
			name:  "unnamed-excluded-by-rule",
			rules: timeline.Rules{ExcludeUnnamed: true},
			stmts: []st{
				{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
				{id: "s2", src: "ukraine", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
			},
			want: map[claim.ID][]hstep{"c": {{"s1", "us-intel", timeline.StatusAlleged}}},
		},
		{
			name:  "possibility-reported",
			stmts: []st{{id: "s1", src: "us", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a1"}}},
			want:  map[claim.ID][]hstep{"c": {{"s1", "us", timeline.StatusReported}}},
		},
		{
			name:  "possibility-alleges-by-rule",
			rules: timeline.Rules{PossibleAlleges: true},
			stmts: []st{
				{id: "s1", src: "us", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a1"}},
				{id: "s2", src: "ukraine", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a2"}},
			},
			// Possibilities allege but never corroborate.
			want: map[claim.ID][]hstep{"c": {{"s1", "us", timeline.StatusAlleged}}},
		},
	}
	extra := []source.Source{
		{ID: "aid-group", Name: "An aid group", Kind: source.KindOrganisation},
		{ID: "court", Name: "A court", Investigator: true},
		{ID: "panel-leak", Name: "a member of the panel", Identity: source.IdentityUnnamed, Parent: "un-panel"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := corpus(tc.claims, tc.stmts...)
			c.Sources = append(c.Sources, extra...)
			tl, err := timeline.Build(c, &tc.rules)
			require.NoError(t, err)
			var ids []claim.ID
			for _, cl := range c.Claims {
				ids = append(ids, cl.ID)
			}
			got := histories(t, tl, ids...)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("histories mismatch (-want +got):\n%s", diff)
			}
			checkAgainstReference(t, c, tc.rules)
		})
	}
}

// TestDiscountedStaysOnTrack checks that a denial that does not count
// stays on the track, marked with why.
func TestDiscountedStaysOnTrack(t *testing.T) {
	tests := []struct {
		name  string
		event string
		said  string
		want  timeline.Discount
	}{
		{name: "before-event", event: "2024-03", said: "2023-11", want: timeline.DiscountBeforeEvent},
		{name: "after-event", event: "2024-03", said: "2024-03-02", want: timeline.Counted},
		{name: "overlapping-event", event: "2024-03-02", said: "2024-03", want: timeline.Counted},
		{name: "day-before-event", event: "2024-03-02", said: "2024-03-01", want: timeline.DiscountBeforeEvent},
		{name: "before-first-report", said: "2024-03-01", want: timeline.DiscountBeforeReport},
		{name: "reported-with-the-claim", said: "", want: timeline.Counted},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := corpus([]claim.Claim{broad, narrowAs(claim.RelationRefines, tc.event)},
				st{id: "accuse", claim: "narrow", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a3"}},
				st{id: "deny", claim: "broad", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), said: tc.said, at: []string{"a3@50"}},
			)
			tl := build(t, c)
			track, err := tl.Track("narrow")
			require.NoError(t, err)
			var got timeline.Discount = 99
			for _, e := range track {
				if e.Statement.ID == "deny" {
					got = e.Discounted
				}
			}
			assert.Equal(t, tc.want, got, "Discounted of the inherited denial")
			status, _ := tl.Current("narrow")
			want := timeline.StatusContested
			if tc.want != timeline.Counted {
				want = timeline.StatusAlleged
			}
			assert.Equal(t, want, status, "Current(narrow)")
			var buf strings.Builder
			require.NoError(t, tl.WriteText(&buf))
			if tc.want != timeline.Counted {
				assert.Contains(t, buf.String(), "[not counted: said before")
			}
		})
	}
}

// TestRulesInvalid checks that a bad rule is an error naming the field.
func TestRulesInvalid(t *testing.T) {
	_, err := timeline.Build(corpus(nil), &timeline.Rules{Corroboration: -1})
	var e *timeline.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "rules.corroboration", e.Field)
	assert.Equal(t, "-1", e.Value)
	assert.ErrorIs(t, err, timeline.ErrInvalid)
}

// TestStatusAfter checks the status right after each article, with
// articles that share an instant and a reprint among them.
func TestStatusAfter(t *testing.T) {
	noon := time.Date(2024, 3, 4, 12, 0, 0, 0, time.UTC)
	c := corpus(nil,
		st{id: "accuse", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"m-b"}},
		st{id: "deny", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"m-a"}},
		st{id: "witness", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"m-c", "m-z"}},
		st{id: "unmentioned", src: "un-panel", act: claim.ActAssert, f: claim.CTPlus(), said: "2024-03-05T12:00:00Z"},
	)
	c.Articles = append(c.Articles,
		source.Article{ID: "m-b", Published: noon},
		source.Article{ID: "m-a", Published: noon},
		source.Article{ID: "m-z", Published: noon.Add(time.Hour)},
		source.Article{ID: "m-c", Published: noon.Add(time.Hour), Reprints: "m-z"},
		source.Article{ID: "m-0", Published: noon.Add(time.Hour), Wire: "us"},
		source.Article{ID: "m-late", Published: noon.AddDate(0, 0, 1)},
	)
	tl := build(t, c)
	order := tl.ArticleOrder()
	var ours []source.ArticleID
	for _, id := range order {
		if id[0] == 'm' {
			ours = append(ours, id)
		}
	}
	// Same instant: by ID; the original m-z before its reprint m-c.
	// Wire copy (m-0) is a reprint too, after the original m-z.
	assert.Equal(t, []source.ArticleID{"m-a", "m-b", "m-z", "m-0", "m-c", "m-late"}, ours, "ArticleOrder()")
	tests := []struct {
		article source.ArticleID
		want    timeline.Status
	}{
		{"a3", timeline.StatusUnreported},
		{"a4", timeline.StatusUnreported}, // the same instant as m-a and m-b, and before them by ID
		{"m-a", timeline.StatusDenied},
		{"m-b", timeline.StatusContested},
		{"m-z", timeline.StatusCorroborated},
		{"m-c", timeline.StatusCorroborated},
		{"a5", timeline.StatusConfirmed}, // the statement with no mention comes before articles of its instant
		{"m-late", timeline.StatusConfirmed},
		{"a20", timeline.StatusConfirmed},
	}
	for _, tc := range tests {
		got, err := tl.StatusAfter("c", tc.article)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "StatusAfter(c, %s)", tc.article)
	}
	// Status at the shared instant sees both same-instant articles.
	at, _ := tl.Status("c", noon)
	assert.Equal(t, timeline.StatusContested, at)

	_, err := tl.StatusAfter("nope", "m-a")
	assert.ErrorIs(t, err, timeline.ErrUnknownClaim)
	_, err = tl.StatusAfter("c", "nope")
	assert.ErrorIs(t, err, timeline.ErrUnknownArticle)
	var zero timeline.Timeline
	assert.Empty(t, zero.ArticleOrder())
}

// TestRelated checks that every kind of relation is listed from both
// ends.
func TestRelated(t *testing.T) {
	talks := claim.Claim{ID: "talks", Text: "Talks on drones", Relations: []claim.Relation{
		{Kind: claim.RelationPartOf, To: "broad"}, {Kind: claim.RelationContradicts, To: "narrow"},
	}}
	tl := build(t, corpus([]claim.Claim{broad, narrowAs(claim.RelationRefines, ""), talks}))
	tests := []struct {
		claim claim.ID
		want  []timeline.Link
	}{
		{"broad", []timeline.Link{{Claim: "narrow", Kind: claim.RelationRefines, Incoming: true}, {Claim: "talks", Kind: claim.RelationPartOf, Incoming: true}}},
		{"narrow", []timeline.Link{{Claim: "broad", Kind: claim.RelationRefines}, {Claim: "talks", Kind: claim.RelationContradicts, Incoming: true}}},
		{"talks", []timeline.Link{{Claim: "broad", Kind: claim.RelationPartOf}, {Claim: "narrow", Kind: claim.RelationContradicts}}},
	}
	for _, tc := range tests {
		got, err := tl.Related(tc.claim)
		require.NoError(t, err)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Related(%q) mismatch (-want +got):\n%s", tc.claim, diff)
		}
	}
	assert.Equal(t, "talks part-of this", timeline.Link{Claim: "talks", Kind: claim.RelationPartOf, Incoming: true}.String())
	assert.Equal(t, "refines broad", timeline.Link{Claim: "broad", Kind: claim.RelationRefines}.String())
	assert.Equal(t, `refines "ev\x1b[2J\rFAKE: confirmed\u202e"`, timeline.Link{Claim: "ev\x1b[2J\rFAKE: confirmed\u202e", Kind: claim.RelationRefines}.String())
	assert.Equal(t, `"a\nb" part-of this`, timeline.Link{Claim: "a\nb", Kind: claim.RelationPartOf, Incoming: true}.String())
	_, err := tl.Related("nope")
	assert.ErrorIs(t, err, timeline.ErrUnknownClaim)
}

// TestDiscountText checks the Discount enum's names.
func TestDiscountText(t *testing.T) {
	for _, d := range []timeline.Discount{timeline.Counted, timeline.DiscountBeforeEvent, timeline.DiscountBeforeReport} {
		b, err := d.MarshalText()
		require.NoError(t, err)
		var back timeline.Discount
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, d, back)
	}
	got, err := timeline.ParseDiscount("Before-Event")
	require.NoError(t, err)
	assert.Equal(t, timeline.DiscountBeforeEvent, got)
	_, err = timeline.ParseDiscount("later")
	assert.ErrorIs(t, err, timeline.ErrUnknownName)
	var d timeline.Discount
	assert.ErrorIs(t, d.UnmarshalText([]byte("later")), timeline.ErrUnknownName)
	_, err = timeline.Discount(9).MarshalText()
	assert.ErrorIs(t, err, timeline.ErrInvalid)
	assert.Equal(t, "Discount(9)", timeline.Discount(9).String())
}

// TestRulesSurviveJSON checks that a timeline built under rules other than
// the default is built under the same rules when read back from JSON.
func TestRulesSurviveJSON(t *testing.T) {
	rules := timeline.Rules{Corroboration: 1, ExcludeUnnamed: true, PossibleAlleges: true}
	tl, err := timeline.Build(corpus(nil,
		st{id: "s1", src: "us", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a1"}},
		st{id: "s2", src: "ukraine", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
	), &rules)
	require.NoError(t, err)
	b, err := json.Marshal(tl)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"rules":{"corroboration":1,"exclude_unnamed":true,"possible_alleges":true}`)
	var back timeline.Timeline
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, rules, back.Rules(), "Rules() after the JSON round trip")
	want := histories(t, tl, "c")
	if diff := cmp.Diff(want, histories(t, &back, "c")); diff != "" {
		t.Errorf("histories after the JSON round trip mismatch (-want +got):\n%s", diff)
	}
	assert.Equal(t, []hstep{{"s1", "us", timeline.StatusAlleged}, {"s2", "ukraine", timeline.StatusCorroborated}}, want["c"])

	bad := strings.Replace(string(b), `"corroboration":1`, `"corroboration":-2`, 1)
	assert.ErrorIs(t, json.Unmarshal([]byte(bad), &back), timeline.ErrInvalid)
}
