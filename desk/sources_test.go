package desk_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// The proposed sources of the example's fourth article, ledger-03-04: "the
// ministry", which the story matches with two ministries, and "Rail
// workers at Hallen", which it matches with nothing.
const (
	ministry    = "new:ministry@ledger-03-04"
	railWorkers = "new:rail-workers-at-hallen@ledger-03-04"
)

var seenField = regexp.MustCompile(`name="seen" value="([0-9]+)"`)

// speakerKey returns the key of a pending candidate spoken by a source.
func speakerKey(t *testing.T, s *story.Story, id source.ID) story.Key {
	t.Helper()
	for _, p := range s.Pending() {
		if p.Candidate.Speaker == id {
			return p.Key
		}
	}
	require.FailNow(t, "no pending candidate spoken by "+string(id))
	return ""
}

// TestSources checks the sources page: the proposed sources waiting for a
// decision, each with the story's best matches first, and the story's
// sources, each with a merge form.
func TestSources(t *testing.T) {
	f := newFixture(t, 4)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	status, body, _ := c.get("/sources")
	require.Equal(t, http.StatusOK, status)
	for _, w := range []string{`data-source="` + ministry + `"`, `data-source="` + railWorkers + `"`, `data-source="southvale"`,
		`name="action" value="merge"`, `<datalist id="sources">`} {
		assert.Contains(t, body, w)
	}
	// The best match first, then the next, then a typed source.
	form := body[strings.Index(body, `value="`+ministry+`"`):]
	form = form[:strings.Index(form, "</form>")]
	best, next, typed := strings.Index(form, `<option value="norland-foreign">`), strings.Index(form, `<option value="westmark-defence">`), strings.Index(form, `<option value="">`)
	assert.True(t, 0 <= best && best < next && next < typed, "matches best first: %s", form)
	assert.Contains(t, form, "Norland foreign ministry (25%, name)")

	// The queue offers to merge a proposed speaker, with the same matches.
	_, body, _ = c.get("/queue?article=ledger-03-04")
	assert.Contains(t, body, `class="speaker-merge"`)
	assert.Contains(t, body, `<input type="hidden" name="source" value="`+ministry+`">`)
}

// TestMerge merges proposed and story sources as the merge forms post them
// and checks the store afterwards, then the merges refused.
func TestMerge(t *testing.T) {
	f := newFixture(t, 4)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	tok := c.token("/sources")
	spoken := speakerKey(t, f.story, ministry)

	for _, tc := range []struct {
		name   string
		form   url.Values
		source source.ID
		into   source.ID
	}{
		{"proposed-best-match", url.Values{"source": {ministry}, "into": {"norland-foreign"}}, ministry, "norland-foreign"},
		{"proposed-typed-name", url.Values{"source": {railWorkers}, "into": {""}, "other_into": {"Nordport"}}, railWorkers, "norland"},
		{"story-source-typed-id", url.Values{"source": {"southvale"}, "into": {"westmark-defence"}, "other_into": {"eastria"}}, "southvale", "eastria"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{"csrf": {tok}, "action": {"merge"}, "back": {"/sources"}}
			for k, v := range tc.form {
				form[k] = v
			}
			status, loc := c.post(form, nil)
			require.Equal(t, http.StatusSeeOther, status, loc)
			assert.Contains(t, loc, "did=merged")
			_, body, _ := c.get(loc)
			assert.Contains(t, body, "Saved: merged "+string(tc.source))
			s := f.reopen(t)
			assert.False(t, s.PendingSource(tc.source))
			ds := s.Decisions()
			last := ds[len(ds)-1]
			assert.Equal(t, story.Decision{Seq: last.Seq, Kind: story.KindMergeSource, Source: tc.source, Into: tc.into, By: "tester", At: last.At}, last)
		})
	}
	// The merged speaker's candidate, accepted, is the match's statement;
	// the merged story source has left the registry.
	_, err := f.story.Apply(context.Background(), story.Decision{Kind: story.KindAccept, Key: spoken, Claim: ""})
	require.NoError(t, err)
	st, ok := f.reopen(t).StatementOf(spoken)
	require.True(t, ok)
	assert.Equal(t, source.ID("norland-foreign"), st.Source)
	for _, s := range f.reopen(t).Corpus().Sources {
		assert.NotEqual(t, source.ID("southvale"), s.ID)
	}

	_, page, _ := c.get("/sources")
	m := seenField.FindStringSubmatch(page)
	require.NotNil(t, m)
	seen := m[1]
	// Decided elsewhere after the page was drawn.
	_, err = f.reopen(t).Apply(context.Background(), story.Decision{Kind: story.KindMergeSource, Source: "new:shell@ledger-03-04", Into: "westmark", By: "ana"})
	require.NoError(t, err)
	before := len(f.reopen(t).Decisions())
	for _, tc := range []struct {
		name   string
		form   url.Values
		status int
		want   string
	}{
		{"no-source", url.Values{"into": {"norland"}}, http.StatusBadRequest, "names no source"},
		{"no-into", url.Values{"source": {"eastria"}, "into": {""}}, http.StatusBadRequest, "choose the source"},
		{"unknown-into", url.Values{"source": {"eastria"}, "other_into": {"Nobody At All"}}, http.StatusBadRequest, "is no source of the story"},
		{"merged-before", url.Values{"source": {ministry}, "into": {"westmark-defence"}}, http.StatusUnprocessableEntity, "not saved"},
		{"into-itself", url.Values{"source": {"eastria"}, "into": {"eastria"}}, http.StatusUnprocessableEntity, "the source to merge into &#34;eastria&#34;: invalid value: a source cannot be merged into itself"},
		{"decided-elsewhere", url.Values{"source": {"new:shell@ledger-03-04"}, "into": {"norland"}, "seen": {seen}}, http.StatusConflict, "by ana"},
		{"bad-seen", url.Values{"source": {"eastria"}, "into": {"norland"}, "seen": {"-3"}}, http.StatusBadRequest, "not a head"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{"csrf": {tok}, "action": {"merge"}}
			for k, v := range tc.form {
				form[k] = v
			}
			status, body := c.post(form, nil)
			assert.Equal(t, tc.status, status, body)
			assert.Contains(t, body, tc.want)
			assert.NotContains(t, body, "decisions[")
		})
	}
	assert.Len(t, f.reopen(t).Decisions(), before, "nothing logged by a refused merge")
	status, _ := c.post(url.Values{"action": {"merge"}, "source": {"eastria"}, "into": {"norland"}}, nil)
	assert.Equal(t, http.StatusForbidden, status, "a merge without the CSRF token")
}
