package desk_test

import (
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// TestEdit accepts proposals edited as the edit form posts them and checks
// the statements the store holds afterwards, then the edits refused, each
// leaving the proposal pending.
func TestEdit(t *testing.T) {
	f := newFixture(t, 3)
	_, err := f.story.Apply(context.Background(), story.Decision{Kind: story.KindCreateClaim, Claim: "shipments", Text: "Norland ships artillery shells"})
	require.NoError(t, err)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	tok := c.token("/queue")
	pending := f.story.Pending()
	require.GreaterOrEqual(t, len(pending), 12)
	next := 0
	key := func() string { next++; return string(pending[next-1].Key) }

	type want struct {
		source     source.ID
		act        claim.Act
		factuality string
		said       string
		claim      claim.ID
		text       string // the claim's text, when checked
	}
	for _, tc := range []struct {
		name string
		form url.Values
		want want
	}{
		{"speaker-id", url.Values{"speaker": {"eastria"}, "other_claim": {"shipments"}}, want{source: "eastria", claim: "shipments"}},
		{"speaker-name", url.Values{"speaker": {"Southvale's government"}, "other_claim": {"shipments"}}, want{source: "southvale", claim: "shipments"}},
		{"act-factuality", url.Values{"speaker": {"norland"}, "act": {"deny"}, "factuality": {"PR-"}, "other_claim": {"shipments"}},
			want{source: "norland", act: claim.ActDeny, factuality: "PR-", claim: "shipments"}},
		{"said", url.Values{"speaker": {"westmark"}, "said": {"2025-02"}, "other_claim": {"shipments"}}, want{source: "westmark", said: "2025-02", claim: "shipments"}},
		{"new-claim", url.Values{"speaker": {"westmark"}, "new_claim": {"Trains cross the border at night"}},
			want{source: "westmark", claim: "trains-cross-the-border-at-night", text: "Trains cross the border at night"}},
		{"new-claim-again", url.Values{"speaker": {"westmark"}, "new_claim": {"Trains cross the border at night!"}},
			want{source: "westmark", claim: "trains-cross-the-border-at-night-2", text: "Trains cross the border at night!"}},
		{"new-claim-hostile", url.Values{"speaker": {"westmark"}, "new_claim": {"<script>alert(1)</script> shells"}},
			want{source: "westmark", claim: "script-alert-1-script-shells", text: "<script>alert(1)</script> shells"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := key()
			form := url.Values{"csrf": {tok}, "key": {k}, "action": {"accept-edited"}, "claim": {""}}
			for f, v := range tc.form {
				form[f] = v
			}
			status, loc := c.post(form, nil)
			require.Equal(t, http.StatusSeeOther, status, loc)
			// Saved before the page says so: another process reads it.
			s := f.reopen(t)
			st, ok := s.StatementOf(story.Key(k))
			require.True(t, ok, "%s accepted", k)
			assert.Equal(t, tc.want.source, st.Source)
			assert.Equal(t, tc.want.claim, st.Claim)
			if tc.want.act != claim.ActUnknown {
				assert.Equal(t, tc.want.act, st.Act)
			}
			if tc.want.factuality != "" {
				assert.Equal(t, tc.want.factuality, st.Factuality.String())
			}
			if tc.want.said != "" {
				assert.Equal(t, tc.want.said, st.Said.String())
			}
			if tc.want.text != "" {
				got := ""
				for _, cl := range s.Corpus().Claims {
					if cl.ID == tc.want.claim {
						got = cl.Text
					}
				}
				if diff := cmp.Diff(tc.want.text, got); diff != "" {
					t.Errorf("claim %s text mismatch (-want +got):\n%s", tc.want.claim, diff)
				}
			}
		})
	}

	before := len(f.reopen(t).Decisions())
	for _, tc := range []struct {
		name   string
		form   url.Values
		status int
		says   string // in the form's words, not the story's field paths
	}{
		{"unknown-speaker", url.Values{"speaker": {"Nobody At All"}}, http.StatusBadRequest, `the speaker "Nobody At All" is no source`},
		{"bad-act", url.Values{"act": {"shout"}}, http.StatusBadRequest, `the act "shout" is no act`},
		{"bad-factuality", url.Values{"factuality": {"XX+"}}, http.StatusBadRequest, `the factuality "XX+" is no factuality`},
		{"bad-date", url.Values{"said": {"2025-02-30"}}, http.StatusBadRequest, `the date said "2025-02-30" is no date`},
		{"two-claims", url.Values{"other_claim": {"shipments"}, "new_claim": {"Another"}}, http.StatusBadRequest, `the new claim "Another"`},
		{"unknown-claim", url.Values{"other_claim": {"no-such-claim"}}, http.StatusUnprocessableEntity, `the claim "no-such-claim": unknown claim`},
		{"act-against-factuality", url.Values{"act": {"deny"}, "factuality": {"CT+"}, "other_claim": {"shipments"}}, http.StatusUnprocessableEntity, `the factuality "CT+": factuality does not fit the act`},
		{"reject-edited", url.Values{"action": {"reject"}, "act": {"deny"}}, http.StatusBadRequest, `a rejected proposal takes no edit`},
		// One decision: the claim is not created when the acceptance is
		// refused.
		{"new-claim-refused", url.Values{"act": {"deny"}, "factuality": {"CT+"}, "new_claim": {"Trains run at night"}}, http.StatusUnprocessableEntity, `the factuality "CT+": factuality does not fit the act`},
		{"new-claim-bidi", url.Values{"new_claim": {"Trains \u202erun at night"}}, http.StatusBadRequest, `the new claim "Trains \u202erun at night" holds the invisible character U+202E`},
		{"new-claim-escape", url.Values{"new_claim": {"Trains \x1b[31mrun at night"}}, http.StatusBadRequest, `the new claim "Trains \x1b[31mrun at night" holds the invisible character U+001B`},
		{"new-claim-line-break", url.Values{"new_claim": {"Trains\nrun at night"}}, http.StatusBadRequest, `the new claim "Trains\nrun at night" holds the invisible character U+000A`},
		{"new-claim-long", url.Values{"new_claim": {strings.Repeat("Trains run at night. ", 20)}}, http.StatusBadRequest, `has 419 characters: a claim is one sentence of at most 300`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := string(pending[next].Key)
			form := url.Values{"csrf": {tok}, "key": {k}, "action": {"accept-edited"}, "claim": {""}}
			for f, v := range tc.form {
				form[f] = v
			}
			status, body := c.post(form, nil)
			assert.Equal(t, tc.status, status, body)
			assert.Contains(t, body, "not saved")
			// As html/template escapes it.
			assert.Contains(t, body, strings.ReplaceAll(html.EscapeString(tc.says), "+", "&#43;"))
			assert.NotContains(t, body, "decisions[")
			assert.NotContains(t, body, "statements[")
			assert.Equal(t, story.KindUnknown, f.reopen(t).Decided(story.Key(k)))
		})
	}
	assert.Len(t, f.reopen(t).Decisions(), before, "nothing logged by a refused edit")
	for _, cl := range f.reopen(t).Corpus().Claims {
		assert.NotContains(t, cl.Text, "Trains run at night", "a claim created by a refused edit")
	}

	// Tried again, valid, the new claim takes the ID the refused try
	// would have had: the refused try left no claim to step around.
	k := string(pending[next].Key)
	status, loc := c.post(url.Values{"csrf": {tok}, "key": {k}, "action": {"accept-edited"}, "claim": {""}, "new_claim": {"Trains run at night"}}, nil)
	require.Equal(t, http.StatusSeeOther, status, loc)
	st, ok := f.reopen(t).StatementOf(story.Key(k))
	require.True(t, ok)
	assert.Equal(t, claim.ID("trains-run-at-night"), st.Claim)

	// The edit form offers the story's sources and claims, hostile names
	// escaped, and each act and factuality value.
	for _, p := range []string{"/queue", "/claim/script-alert-1-script-shells"} {
		status, body, _ := c.get(p)
		assert.Equal(t, http.StatusOK, status)
		assert.NotContains(t, body, "<script>alert", p)
		assert.NotContains(t, body, "\u202e", p)
	}
	_, body, _ := c.get("/queue")
	for _, w := range []string{`<datalist id="sources">`, `<option value="southvale">Southvale</option>`,
		`<option value="shipments">Norland ships artillery shells</option>`, `name="new_claim"`, `<option>deny</option>`, `<option>PR-</option>`} {
		assert.Contains(t, body, w)
	}
}

// TestPlainAcceptTakesNoEdit checks that a plain accept saves the proposal
// as proposed, whatever edit fields the form posts with it (left filled
// without script, or refilled by the browser on Back): only "Accept as
// edited" reads them.
func TestPlainAcceptTakesNoEdit(t *testing.T) {
	f := newFixture(t, 3)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	tok := c.token("/queue")
	pending := f.story.Pending()
	require.NotEmpty(t, pending)
	p := pending[0]
	claims := len(f.story.Corpus().Claims)
	status, loc := c.post(url.Values{"csrf": {tok}, "key": {string(p.Key)}, "action": {"accept"}, "claim": {""},
		"speaker": {"westmark"}, "act": {"deny"}, "factuality": {"PR-"}, "said": {"2025-02"}, "new_claim": {"Trains run at night"}}, nil)
	require.Equal(t, http.StatusSeeOther, status, loc)
	assert.Contains(t, loc, "did=accepted")
	s := f.reopen(t)
	st, ok := s.StatementOf(p.Key)
	require.True(t, ok, "%s accepted", p.Key)
	assert.Equal(t, p.Candidate.Speaker, st.Source, "the proposed speaker, not the edit's")
	assert.Equal(t, p.Candidate.Act, st.Act, "the proposed act, not the edit's")
	assert.Equal(t, p.Candidate.Factuality, st.Factuality, "the proposed factuality, not the edit's")
	for _, cl := range s.Corpus().Claims {
		assert.NotEqual(t, "Trains run at night", cl.Text, "a claim made by an edit a plain accept posted")
	}
	assert.LessOrEqual(t, len(s.Corpus().Claims), claims+1, "at most the proposed new claim")
}
