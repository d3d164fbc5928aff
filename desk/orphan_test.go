package desk_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDecideUnknown posts decisions on what the story does not have, a
// proposal or a source, as a crafted or stale form would: each is refused
// with 404 and nothing is logged, not even as an orphan.
func TestDecideUnknown(t *testing.T) {
	f := newFixture(t, 2)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	tok := c.token("/queue")
	for _, tc := range []struct {
		name string
		form url.Values
	}{
		{"accept-unknown-article", url.Values{"key": {"nowhere#12:0a1b2c3d"}, "action": {"accept"}, "claim": {""}}},
		{"accept-unknown-cue", url.Values{"key": {"herald-03-02#99999:0a1b2c3d"}, "action": {"accept"}, "claim": {""}}},
		{"reject-unknown-cue", url.Values{"key": {"herald-03-02#99999:0a1b2c3d"}, "action": {"reject"}}},
		{"merge-unknown-proposed", url.Values{"action": {"merge"}, "source": {"new:nobody@herald-03-02"}, "into": {"eastria"}}},
		{"merge-unknown-article", url.Values{"action": {"merge"}, "source": {"new:nobody@nowhere"}, "into": {"eastria"}}},
		{"merge-unknown-source", url.Values{"action": {"merge"}, "source": {"nobody"}, "into": {"eastria"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{"csrf": {tok}}
			for k, v := range tc.form {
				form[k] = v
			}
			status, body := c.post(form, nil)
			assert.Equal(t, http.StatusNotFound, status, body)
			assert.Contains(t, body, "nothing was saved")
			assert.Empty(t, f.reopen(t).Decisions(), "nothing logged")
		})
	}
}
