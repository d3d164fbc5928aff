package desk_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/story"
)

var undoField = regexp.MustCompile(`name="undoes" value="([0-9]+)"`)

// TestUndo takes back decisions from the note that says they were saved,
// as a browser does, and checks the store afterwards; then the undos
// refused.
func TestUndo(t *testing.T) {
	f := newFixture(t, 3)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	tok := c.token("/queue")
	pending := f.story.Pending()
	k1, k2 := string(pending[0].Key), string(pending[1].Key)

	// undoFrom returns the Seq the note's Undo button takes back.
	undoFrom := func(loc string) string {
		t.Helper()
		_, body, _ := c.get(loc)
		m := undoField.FindStringSubmatch(body)
		require.NotNil(t, m, "no Undo button after %s", loc)
		assert.Contains(t, body, `class="undo"`)
		return m[1]
	}
	for _, tc := range []struct {
		name string
		form url.Values
		key  string
	}{
		{"accepted", url.Values{"key": {k1}, "action": {"accept"}, "claim": {""}}, k1},
		{"rejected", url.Values{"key": {k2}, "action": {"reject"}}, k2},
		{"merged", url.Values{"action": {"merge"}, "source": {"southvale"}, "into": {"eastria"}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{"csrf": {tok}, "back": {"/queue"}}
			for k, v := range tc.form {
				form[k] = v
			}
			status, loc := c.post(form, nil)
			require.Equal(t, http.StatusSeeOther, status, loc)
			seq := undoFrom(loc)
			status, loc = c.post(url.Values{"csrf": {tok}, "action": {"undo"}, "undoes": {seq}, "back": {"/queue"}}, nil)
			require.Equal(t, http.StatusSeeOther, status, loc)
			_, body, _ := c.get(loc)
			assert.Contains(t, body, "Saved: undone decision "+seq)
			s := f.reopen(t)
			ds := s.Decisions()
			n, _ := strconv.ParseInt(seq, 10, 64)
			assert.Equal(t, story.Decision{Seq: n + 1, Kind: story.KindUndo, Undoes: n, By: "tester", At: ds[n].At}, ds[n])
			if tc.key != "" {
				assert.Equal(t, story.KindUnknown, s.Decided(story.Key(tc.key)), "pending again")
			} else {
				assert.Contains(t, f.reopen(t).Corpus().Sources, f.srcs[6], "southvale back in the registry")
			}
		})
	}

	// A proposal accepted onto a new claim: the claim cannot be taken
	// back before the acceptance.
	status, loc := c.post(url.Values{"csrf": {tok}, "key": {k1}, "action": {"accept-edited"}, "new_claim": {"Trains run at night"}, "speaker": {"westmark"}}, nil)
	require.Equal(t, http.StatusSeeOther, status, loc)
	accepted, _ := strconv.Atoi(undoFrom(loc))
	created := strconv.Itoa(accepted - 1)
	before := len(f.reopen(t).Decisions())
	for _, tc := range []struct {
		name   string
		undoes string
		status int
		want   string
	}{
		{"not-the-last", created, http.StatusConflict, "takes back only the last decision"},
		{"an-earlier-one", "1", http.StatusConflict, "takes back only the last decision"},
		{"beyond-the-log", "999", http.StatusUnprocessableEntity, "the log holds"},
		{"not-a-number", "last", http.StatusBadRequest, "names no decision"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := c.post(url.Values{"csrf": {tok}, "action": {"undo"}, "undoes": {tc.undoes}}, nil)
			assert.Equal(t, tc.status, status, body)
			assert.Contains(t, body, tc.want)
		})
	}
	assert.Len(t, f.reopen(t).Decisions(), before, "nothing logged by a refused undo")

	// The last decision, made by someone else in another program: a link
	// that puts its Seq in the page cannot make this reviewer take it back.
	other := f.reopen(t)
	rep, err := other.Apply(context.Background(), story.Decision{Kind: story.KindReject, Key: story.Key(k2), By: "someone-else"})
	require.NoError(t, err)
	theirs := strconv.FormatInt(rep.Applied[0].Seq, 10)
	status, body := c.post(url.Values{"csrf": {tok}, "action": {"undo"}, "undoes": {theirs}}, nil)
	assert.Equal(t, http.StatusConflict, status, body)
	assert.Contains(t, body, "takes back only the last decision")
	assert.Equal(t, story.KindReject, f.reopen(t).Decided(story.Key(k2)), "their rejection stands")
	status, _ = c.post(url.Values{"action": {"undo"}, "undoes": {created}}, nil)
	assert.Equal(t, http.StatusForbidden, status, "an undo without the CSRF token")
}
