package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// dateEqual compares claim.Date values, whose fields are unexported.
var dateEqual = cmp.Comparer(func(a, b claim.Date) bool { return a == b })

func mustCorpus(t *testing.T) *claim.Corpus {
	t.Helper()
	c, err := seedCorpus()
	require.NoError(t, err, "seedCorpus()")
	require.NotNil(t, c)
	return c
}

func statementsByID(t *testing.T, c *claim.Corpus) map[claim.StatementID]claim.Statement {
	t.Helper()
	m := make(map[claim.StatementID]claim.Statement, len(c.Statements))
	for _, s := range c.Statements {
		m[s.ID] = s
	}
	return m
}

func TestSeedCorpusValidates(t *testing.T) {
	c := mustCorpus(t)
	assert.NoError(t, c.Validate())
	require.Len(t, c.Articles, 1)
	a := c.Articles[0]
	assert.Equal(t, source.ArticleID("ctn-2023-08-31"), a.ID)
	assert.Equal(t, source.ID("ctn-news"), a.Outlet)
	assert.Equal(t, "en", a.Language)
	assert.Empty(t, a.URL, "the saved text has no URL")
	assert.Equal(t, "2023-08-31T00:00:00Z", a.Published.Format("2006-01-02T15:04:05Z07:00"))
	assert.Equal(t, articleText, a.Text)
}

func TestMentionsCheckAgainstArticle(t *testing.T) {
	c := mustCorpus(t)
	for _, s := range c.Statements {
		t.Run(string(s.ID), func(t *testing.T) {
			require.NotEmpty(t, s.Mentions)
			for _, m := range s.Mentions {
				assert.Equal(t, articleID, m.Article)
				assert.NoError(t, m.Span.Check(articleText), "span %s", m.Span)
				require.NotEmpty(t, m.Cue)
				assert.Contains(t, strings.ToLower(m.Quote()), strings.ToLower(m.Cue), "cue outside span")
			}
		})
	}
}

func TestNoJunkInSpans(t *testing.T) {
	c := mustCorpus(t)
	junk := []struct{ name, text string }{
		{"banner", "Connect with us"},
		{"counter", "1x 1 2"},
		{"caption", "US warns N Korea against selling weapons to Russia for 750x375 1"},
		{"continue", "Continue Reading"},
		{"app", "CTN News App"},
		{"casino", "české casino"},
		{"recent", "Recent News"},
		{"fc24", "compras monedas fc 24"},
		{"soi-dog", "Volunteering at Soi Dog"},
		{"job", "Find a Job"},
		{"jooble", "Jooble jobs"},
		{"movies", "Free ibomma Movies"},
		{"h-shoigu", "Russian Defense Minister’s Visit Raises Concerns"},
		{"h-letters", "Exchange of Letters Between Putin and Kim"},
		{"h-denials", "Allegations and Denials Amid Diplomatic Tensions"},
		{"h-un", "Violation of UN Resolutions and Regional Stability Concerns"},
		{"h-diplomacy", "Calls for Diplomacy and Dialogue"},
		{"h-pledges", "Past Agreements and Unfulfilled Pledges"},
		{"h-sanctions", "International Response and Sanctions"},
	}
	for _, tc := range junk {
		t.Run(tc.name, func(t *testing.T) {
			require.Contains(t, articleText, tc.text, "junk line not in the article")
			for from := 0; ; {
				i := strings.Index(articleText[from:], tc.text)
				if i < 0 {
					break
				}
				start, end := from+i, from+i+len(tc.text)
				for _, s := range c.Statements {
					for _, m := range s.Mentions {
						assert.False(t, m.Span.Start < end && start < m.Span.End,
							"%s mention %s overlaps junk %q at [%d:%d]", s.ID, m.Span, tc.text, start, end)
					}
				}
				from = end
			}
		})
	}
}

func TestItemsPresent(t *testing.T) {
	c := mustCorpus(t)
	byID := statementsByID(t, c)
	tests := []struct {
		item       string
		id         claim.StatementID
		source     source.ID
		act        claim.Act
		factuality string
		claim      claim.ID
	}{
		{"a", "s-wh-warn", "white-house", claim.ActWarn, "PS+", "kp-sells-munitions"},
		{"a", "s-kirby-concern", "john-kirby", claim.ActConcern, "PS+", "kp-sells-munitions"},
		{"b", "s-us-urge-halt", "united-states", claim.ActUrge, "CT+", "kp-ru-arms-talks"},
		{"c", "s-believed-shoigu", source.AbsentID, claim.ActAssert, "PR+", "shoigu-sought-ammunition"},
		{"d", "s-intel-talks", "us-intelligence", claim.ActAssert, "PR+", "kp-ru-talks-advancing"},
		{"d", "s-intel-shoigu", "us-intelligence", claim.ActAssert, "PR+", "shoigu-sought-ammunition"},
		{"a", "s-kirby-commitments", "john-kirby", claim.ActUrge, "CT+", "kp-keep-commitments"},
		{"d", "s-us-concern-support", "united-states", claim.ActConcern, "PS+", "kp-military-support"},
		{"e", "s-putin-pledge", "vladimir-putin", claim.ActPledge, "CT+", "kp-ru-ties"},
		{"e", "s-kim-pledge", "kim-jong-un", claim.ActPledge, "CT+", "kp-ru-ties"},
		{"e", "s-putin-cooperation", "vladimir-putin", claim.ActPledge, "CT+", "kp-ru-cooperation"},
		{"f", "s-us-accuse", "united-states", claim.ActAccuse, "CT+", "kp-shells-2022"},
		{"g", "s-kp-deny", "north-korea", claim.ActDeny, "CT-", "kp-sells-munitions"},
		{"g", "s-ru-deny", "russia", claim.ActDeny, "CT-", "kp-sells-munitions"},
		{"h", "s-state-unsc", "state-department", claim.ActAssert, "CT+", "arms-deal-violates-unsc"},
		{"i", "s-us-pledge-trilateral", "united-states", claim.ActPledge, "CT+", "trilateral-cooperation"},
		{"i", "s-kr-pledge-trilateral", "south-korea", claim.ActPledge, "CT+", "trilateral-cooperation"},
		{"i", "s-jp-pledge-trilateral", "japan", claim.ActPledge, "CT+", "trilateral-cooperation"},
		{"j", "s-kp-pledge-2018", "north-korea", claim.ActPledge, "CT+", "kp-denuclearisation-pledge"},
		{"j", "s-ctn-not-dismantled", "ctn-news", claim.ActAssert, "CT+", "kp-nukes-not-dismantled"},
		{"k", "s-ru-oppose-sanctions", "russia", claim.ActReject, "CT-", "harsher-sanctions"},
		{"k", "s-cn-oppose-sanctions", "china", claim.ActReject, "CT-", "harsher-sanctions"},
		{"k", "s-ru-sanctions-ineffective", "russia", claim.ActAssert, "CT+", "sanctions-ineffective"},
		{"k", "s-cn-sanctions-ineffective", "china", claim.ActAssert, "CT+", "sanctions-ineffective"},
		{"l", "s-wh-urge-dialogue", "white-house", claim.ActUrge, "CT+", "diplomacy-with-kp"},
	}
	for _, tc := range tests {
		t.Run(tc.item+"/"+string(tc.id), func(t *testing.T) {
			s, ok := byID[tc.id]
			require.True(t, ok, "statement %s missing", tc.id)
			assert.Equal(t, tc.source, s.Source)
			assert.Equal(t, tc.act, s.Act)
			assert.Equal(t, tc.factuality, s.Factuality.String())
			assert.Equal(t, tc.claim, s.Claim)
		})
	}
}

func TestSaidDates(t *testing.T) {
	c := mustCorpus(t)
	byID := statementsByID(t, c)
	tests := []struct {
		name string
		id   claim.StatementID
		want string
	}{
		{"accusation-last-year", "s-us-accuse", "2022"},
		{"pledge-2018", "s-kp-pledge-2018", "2018"},
		{"denial-unknown", "s-kp-deny", ""},
		{"warning-unknown", "s-wh-warn", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := byID[tc.id]
			require.True(t, ok, "statement %s missing", tc.id)
			assert.Equal(t, tc.want, s.Said.String())
		})
	}
}

func TestShellsClaimRefinesMunitions(t *testing.T) {
	c := mustCorpus(t)
	var got *claim.Claim
	for i := range c.Claims {
		if c.Claims[i].ID == "kp-shells-2022" {
			got = &c.Claims[i]
		}
	}
	require.NotNil(t, got, "claim kp-shells-2022 missing")
	assert.Equal(t, "2022", got.Event.String())
	want := []claim.Relation{{Kind: claim.RelationRefines, To: "kp-sells-munitions"}}
	if diff := cmp.Diff(want, got.Relations); diff != "" {
		t.Errorf("kp-shells-2022 relations mismatch (-want +got):\n%s", diff)
	}
	assert.Equal(t, []source.ID{"north-korea"}, got.Accused())
}

func TestSourceIdentity(t *testing.T) {
	c := mustCorpus(t)
	reg, err := c.Registry()
	require.NoError(t, err)
	byID := statementsByID(t, c)
	tests := []struct {
		name    string
		id      claim.StatementID
		want    source.Identity
		wantVia []source.ID
	}{
		{"believed-absent", "s-believed-shoigu", source.IdentityAbsent, nil},
		{"intelligence-unnamed", "s-intel-talks", source.IdentityUnnamed, []source.ID{"united-states"}},
		{"intelligence-behind-shoigu", "s-intel-shoigu", source.IdentityUnnamed, []source.ID{"white-house"}},
		{"kirby-named", "s-kirby-concern", source.IdentityNamed, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := byID[tc.id]
			require.True(t, ok, "statement %s missing", tc.id)
			src, ok := reg.Source(s.Source)
			require.True(t, ok, "source %s missing", s.Source)
			assert.Equal(t, tc.want, src.Identity)
			assert.Equal(t, tc.wantVia, s.Via)
		})
	}
}

func TestAliasesAndAffiliation(t *testing.T) {
	c := mustCorpus(t)
	reg, err := c.Registry()
	require.NoError(t, err)
	aliases := []struct {
		name string
		want source.ID
	}{
		{"Pyongyang", "north-korea"},
		{"DPRK", "north-korea"},
		{"Democratic People’s Republic of Korea", "north-korea"},
		{"the North", "north-korea"},
		{"Washington", "united-states"},
		{"U.S.", "united-states"},
		{"US Department of State", "state-department"},
		{"Kirby", "john-kirby"},
		{"the Kremlin", "russia"},
		{"Moscow", "russia"},
		{"Beijing", "china"},
	}
	for _, tc := range aliases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := reg.Resolve(tc.name)
			require.True(t, ok, "Resolve(%q)", tc.name)
			assert.Equal(t, tc.want, got.ID)
		})
	}
	root, ok := reg.Root("john-kirby")
	assert.True(t, ok)
	assert.Equal(t, source.ID("united-states"), root)
	assert.False(t, reg.Independent("white-house", "state-department"), "one government is not corroboration")
	assert.True(t, reg.Independent("north-korea", "russia"))
}

func TestEveryClaimHasAStatement(t *testing.T) {
	c := mustCorpus(t)
	used := map[claim.ID]bool{}
	for _, s := range c.Statements {
		used[s.Claim] = true
	}
	for _, cl := range c.Claims {
		assert.True(t, used[cl.ID], "claim %s has no statement", cl.ID)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	want := mustCorpus(t)
	data, err := json.Marshal(want)
	require.NoError(t, err)
	got, err := claim.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	if diff := cmp.Diff(want, got, dateEqual); diff != "" {
		t.Errorf("Decode(Marshal(seedCorpus())) mismatch (-want +got):\n%s", diff)
	}
}
