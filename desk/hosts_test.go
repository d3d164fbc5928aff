package desk_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/desk"
)

// TestHosts checks that a desk answers only the names it is served under:
// by default the loopback names, so that a page of another site whose
// domain is made to resolve to 127.0.0.1 (DNS rebinding) is refused.
func TestHosts(t *testing.T) {
	f := newFixture(t, 1)
	tests := []struct {
		name  string
		hosts []string
		host  string
		code  int
	}{
		{"default-ipv4", nil, "127.0.0.1:8080", http.StatusOK},
		{"default-ipv4-no-port", nil, "127.0.0.1", http.StatusOK},
		{"default-loopback-range", nil, "127.0.0.2:8080", http.StatusOK},
		{"default-localhost", nil, "LocalHost:8080", http.StatusOK},
		{"default-ipv6", nil, "[::1]:8080", http.StatusOK},
		{"default-ipv6-no-port", nil, "[::1]", http.StatusOK},
		{"default-rebound-domain", nil, "attacker.example:8080", http.StatusMisdirectedRequest},
		{"default-lookalike", nil, "localhost.attacker.example", http.StatusMisdirectedRequest},
		{"default-lan-address", nil, "192.0.2.1:8080", http.StatusMisdirectedRequest},
		{"default-empty", nil, "", http.StatusMisdirectedRequest},
		{"named-host", []string{"desk.newsroom.example"}, "Desk.Newsroom.Example:443", http.StatusOK},
		{"named-host-only", []string{"desk.newsroom.example"}, "127.0.0.1:8080", http.StatusMisdirectedRequest},
		{"named-address", []string{"192.0.2.10"}, "192.0.2.10:8080", http.StatusOK},
		{"any", []string{"*"}, "attacker.example", http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := desk.ForStory(f.story, &desk.Options{Hosts: tc.hosts})
			for _, method := range []string{http.MethodGet, http.MethodPost} {
				path := "/queue"
				if method == http.MethodPost {
					path = "/decide"
				}
				r := httptest.NewRequest(method, path, nil)
				r.Host = tc.host
				w := httptest.NewRecorder()
				d.ServeHTTP(w, r)
				if tc.code == http.StatusOK {
					assert.NotEqual(t, http.StatusMisdirectedRequest, w.Code, "%s %s", method, tc.host)
				} else {
					assert.Equal(t, tc.code, w.Code, "%s %s", method, tc.host)
					assert.NotContains(t, w.Body.String(), "<html", "nothing of the desk is served")
				}
			}
		})
	}
}

func TestZeroDesk(t *testing.T) {
	var d desk.Desk
	w := httptest.NewRecorder()
	d.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://127.0.0.1/", nil))
	assert.Equal(t, http.StatusInternalServerError, w.Code)
}
