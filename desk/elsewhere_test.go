package desk_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/story"
)

// pageForm is a proposal's form as a page drew it: its hidden fields.
var pageForm = regexp.MustCompile(`name="key" value="([^"]+)">\s*<input type="hidden" name="back" value="[^"]*">\s*<input type="hidden" name="seen" value="(\d+)">`)

// TestDecidedElsewhere is a desk and a second program (a Story value of its
// own, as the command line opens) on one SQLite file. The second decides a
// proposal the desk's page still offers; the click on that stale page is
// refused, says who decided, and overwrites nothing. What the second adds
// shows on the desk's next page.
func TestDecidedElsewhere(t *testing.T) {
	f := newFixture(t, 2)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	tok := c.token("/queue")
	_, page, _ := c.get("/queue") // the stale page
	forms := pageForm.FindAllStringSubmatch(page, -1)
	require.GreaterOrEqual(t, len(forms), 3)
	stale, other, seen := forms[0][1], forms[1][1], forms[0][2]

	// The command line, elsewhere, rejects the first proposal.
	cli := f.reopen(t)
	at := time.Date(2026, 12, 7, 15, 1, 0, 0, time.UTC)
	_, err := cli.Apply(context.Background(), story.Decision{Kind: story.KindReject, Key: story.Key(stale), By: "maria", At: at})
	require.NoError(t, err)
	before := cli.Decisions()

	for _, tc := range []struct {
		name string
		form url.Values
	}{
		{"accept", url.Values{"csrf": {tok}, "key": {stale}, "action": {"accept"}, "claim": {""}, "seen": {seen}, "back": {"/queue?article=herald-03-02"}}},
		{"reject-again", url.Values{"csrf": {tok}, "key": {stale}, "action": {"reject"}, "seen": {seen}}},
		{"no-seen", url.Values{"csrf": {tok}, "key": {stale}, "action": {"accept"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := c.post(tc.form, nil)
			assert.Equal(t, http.StatusConflict, status)
			assert.Contains(t, body, "was rejected meanwhile by maria at 2026-12-07 15:01 UTC")
			assert.Contains(t, body, "your decision was not saved")
			if back := tc.form.Get("back"); back != "" {
				assert.Contains(t, body, `href="/queue?article=herald-03-02" id="back"`, "a link to the page, reloaded")
			}
		})
	}
	again := f.reopen(t)
	if diff := cmp.Diff(before, again.Decisions()); diff != "" {
		t.Errorf("the log changed (-before +after):\n%s", diff)
	}
	assert.Equal(t, story.KindReject, again.Decided(story.Key(stale)))

	// A proposal nobody else decided is still decided from the same page.
	status, loc := c.post(url.Values{"csrf": {tok}, "key": {other}, "action": {"reject"}, "seen": {seen}}, nil)
	assert.Equal(t, http.StatusSeeOther, status, loc)
	assert.Equal(t, story.KindReject, f.reopen(t).Decided(story.Key(other)))

	// The reloaded queue no longer offers the proposal decided elsewhere,
	// and an article added elsewhere shows.
	_, page, _ = c.get("/queue")
	assert.NotContains(t, page, `value="`+stale+`"`)
	_, arts := exampleStory(t)
	_, err = cli.Add(context.Background(), arts[2])
	require.NoError(t, err)
	for _, p := range []string{"/", "/queue", "/article/" + string(arts[2].ID)} {
		status, body, _ := c.get(p)
		assert.Equal(t, http.StatusOK, status, p)
		assert.Contains(t, body, string(arts[2].ID), p)
	}
}

// TestBadSeen checks that a seen that is no head is refused.
func TestBadSeen(t *testing.T) {
	f := newFixture(t, 1)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	tok := c.token("/article/herald-03-02")
	key := string(f.story.Pending()[0].Key)
	for _, seen := range []string{"x", "-3", "99999"} {
		status, _ := c.post(url.Values{"csrf": {tok}, "key": {key}, "action": {"reject"}, "seen": {seen}}, nil)
		assert.Contains(t, []int{http.StatusBadRequest, http.StatusUnprocessableEntity}, status, seen)
	}
	assert.Equal(t, story.KindUnknown, f.reopen(t).Decided(story.Key(key)))
}

// TestMachineAccepted checks that the overview and the claim page mark the
// statements the unattended mode accepted and no person reviewed.
func TestMachineAccepted(t *testing.T) {
	f := newFixture(t, 1)
	key := f.story.Pending()[0].Key
	_, err := f.story.Apply(context.Background(), story.Decision{Kind: story.KindAccept, Key: key, By: story.MachineBy})
	require.NoError(t, err)
	st, ok := f.story.StatementOf(key)
	require.True(t, ok)
	require.True(t, f.story.MachineAccepted(st.ID))
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	claimPage := "/claim/" + url.PathEscape(string(st.Claim))
	_, body, _ := c.get("/")
	assert.Contains(t, body, "(1 by machine, not reviewed)")
	assert.Contains(t, body, `<ul class="changes"><li>`+string(st.Claim)+`: `, "the statement changed its claim's status")
	assert.Contains(t, body, `by a statement the unattended mode accepted`, "the article's change is marked")
	_, body, _ = c.get(claimPage)
	assert.Contains(t, body, "by machine, not reviewed")
	art, _ := key.Article()
	artPage := "/article/" + url.PathEscape(string(art))
	_, body, _ = c.get(artPage)
	assert.Contains(t, body, "by machine, not reviewed", "the article page marks the accepted proposal")

	// Once a person accepts it, the mark goes.
	_, err = f.story.Apply(context.Background(), story.Decision{Kind: story.KindAccept, Key: key, Claim: st.Claim, By: "maria"})
	require.NoError(t, err)
	_, body, _ = c.get("/")
	assert.NotContains(t, body, "by machine")
	_, body, _ = c.get(claimPage)
	assert.NotContains(t, body, "by machine")
	_, body, _ = c.get(artPage)
	assert.NotContains(t, body, "by machine")
}
