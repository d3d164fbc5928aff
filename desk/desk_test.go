package desk_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/desk"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// client is one browser: its own cookies, no redirects followed.
type client struct {
	t    testing.TB
	base string
	http *http.Client
}

func newClient(t testing.TB, base string) *client {
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	return &client{t: t, base: base, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// get returns a page's status and body.
func (c *client) get(path string) (int, string, http.Header) {
	resp, err := c.http.Get(c.base + path)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	return resp.StatusCode, string(b), resp.Header
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]{64})"`)

// token returns the CSRF token a page's forms carry.
func (c *client) token(path string) string {
	_, body, _ := c.get(path)
	m := csrfField.FindStringSubmatch(body)
	require.NotNil(c.t, m, "no CSRF token on %s", path)
	return m[1]
}

// post posts a form and returns the status and the Location or body.
func (c *client) post(form url.Values, header http.Header) (int, string) {
	req, err := http.NewRequest(http.MethodPost, c.base+"/decide", strings.NewReader(form.Encode()))
	require.NoError(c.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.http.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if loc := resp.Header.Get("Location"); loc != "" {
		return resp.StatusCode, loc
	}
	return resp.StatusCode, string(b)
}

// TestPages checks that every page serves, escaped and with its security
// headers, and that nothing else does.
func TestPages(t *testing.T) {
	f := newFixture(t, 3)
	pending := f.story.Pending()
	require.NotEmpty(t, pending)
	_, err := f.story.Apply(context.Background(), story.Decision{Kind: story.KindAccept, Key: pending[0].Key})
	require.NoError(t, err)
	tl, err := f.story.Timeline(nil)
	require.NoError(t, err)
	require.NotEmpty(t, tl.Claims())
	claimID := string(tl.Claims()[0].ID)

	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	for _, tc := range []struct {
		name, path string
		status     int
		want       []string
	}{
		{"overview", "/", 200, []string{"<h1>shells</h1>", `role="img"`, "/claim/" + url.PathEscape(claimID), "Articles"}},
		{"queue", "/queue", 200, []string{`class="proposal state-pending"`, `name="action" value="accept"`, `<mark class="hl-cue"`,
			// A proposal links to its place on its article's page, not its place in the queue.
			`<a href="/article/courier-03-03#p-1" class="open">`}},
		{"queue-article", "/queue?article=courier-03-03", 200, []string{`<a href="/article/courier-03-03#p-1" class="open">`}},
		{"queue-none", "/queue?source=nobody", 200, []string{`id="empty"`}},
		{"article", "/article/herald-03-02", 200, []string{`<mark class="hl-source"`, `<mark class="hl-content"`, `id="p-1"`}},
		{"claim", "/claim/" + url.PathEscape(claimID), 200, []string{`<svg xmlns="http://www.w3.org/2000/svg"`, `aria-labelledby="claim-title claim-desc"`, "Status history"}},
		{"css", "/static/desk.css", 200, []string{"mark.hl-cue"}},
		{"js", "/static/desk.js", 200, []string{"requestSubmit"}},
		{"no-listing", "/static/", 404, nil},
		{"no-traversal", "/static/..%2fdesk.go", 404, nil},
		{"no-template", "/static/templates", 404, nil},
		{"unknown-article", "/article/nope", 404, []string{"no article nope"}},
		{"unknown-claim", "/claim/nope", 404, []string{"no claim nope"}},
		{"unknown-path", "/etc/passwd", 404, nil},
		{"get-decide", "/decide", 405, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body, h := c.get(tc.path)
			assert.Equal(t, tc.status, status)
			for _, w := range tc.want {
				assert.Contains(t, body, w)
			}
			assert.Contains(t, h.Get("Content-Security-Policy"), "default-src 'none'")
			assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
		})
	}
}

// TestDecide accepts and rejects proposals as a browser does and checks
// the store afterwards, then the writes that must be refused.
func TestDecide(t *testing.T) {
	f := newFixture(t, 2)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	tok := c.token("/queue")
	pending := f.story.Pending()
	require.GreaterOrEqual(t, len(pending), 3)
	k1, k2, k3 := string(pending[0].Key), string(pending[1].Key), string(pending[2].Key)

	status, loc := c.post(url.Values{"csrf": {tok}, "key": {k1}, "action": {"accept"}, "claim": {""}, "back": {"/queue?article=herald-03-02"}}, nil)
	require.Equal(t, http.StatusSeeOther, status, loc)
	u, err := url.Parse(loc)
	require.NoError(t, err)
	assert.Equal(t, "/queue", u.Path)
	assert.Equal(t, k1, u.Query().Get("saved"))
	assert.Equal(t, "herald-03-02", u.Query().Get("article"))
	_, body, _ := c.get(loc)
	assert.Contains(t, body, `id="flash"`)
	assert.Contains(t, body, "Saved: accepted")

	status, loc = c.post(url.Values{"csrf": {tok}, "key": {k2}, "action": {"reject"}, "back": {"https://evil.example/"}}, nil)
	require.Equal(t, http.StatusSeeOther, status)
	assert.True(t, strings.HasPrefix(loc, "/queue?"), "a redirect stays on the desk: %s", loc)
	_, body, _ = c.get("/queue?saved=x&did=deleted+everything")
	assert.NotContains(t, body, `id="flash"`, "the note says only what the desk did")

	for _, tc := range []struct {
		name   string
		form   url.Values
		header http.Header
		status int
	}{
		{"no-token", url.Values{"key": {k3}, "action": {"accept"}}, nil, http.StatusForbidden},
		{"wrong-token", url.Values{"csrf": {strings.Repeat("0", 64)}, "key": {k3}, "action": {"accept"}}, nil, http.StatusForbidden},
		{"other-origin", url.Values{"csrf": {tok}, "key": {k3}, "action": {"accept"}}, http.Header{"Origin": {"https://evil.example"}}, http.StatusForbidden},
		{"null-origin", url.Values{"csrf": {tok}, "key": {k3}, "action": {"accept"}}, http.Header{"Origin": {"null"}}, http.StatusForbidden},
		{"bad-action", url.Values{"csrf": {tok}, "key": {k3}, "action": {"delete"}}, nil, http.StatusBadRequest},
		{"bad-key", url.Values{"csrf": {tok}, "key": {"nonsense"}, "action": {"accept"}}, nil, http.StatusBadRequest},
		{"unknown-claim", url.Values{"csrf": {tok}, "key": {k3}, "action": {"accept"}, "claim": {"claim:no-such-claim"}}, nil, http.StatusUnprocessableEntity},
		{"unknown-statement", url.Values{"csrf": {tok}, "key": {k3}, "action": {"accept"}, "claim": {"same:s:no-such-statement"}}, nil, http.StatusUnprocessableEntity},
		{"bare-claim", url.Values{"csrf": {tok}, "key": {k3}, "action": {"accept"}, "claim": {"no-such-claim"}}, nil, http.StatusBadRequest},
		{"empty-claim-id", url.Values{"csrf": {tok}, "key": {k3}, "action": {"accept"}, "claim": {"claim:"}}, nil, http.StatusBadRequest},
		{"empty-statement-id", url.Values{"csrf": {tok}, "key": {k3}, "action": {"accept"}, "claim": {"same:"}}, nil, http.StatusBadRequest},
		{"decided-before", url.Values{"csrf": {tok}, "key": {k1}, "action": {"reject"}}, nil, http.StatusConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _ := c.post(tc.form, tc.header)
			assert.Equal(t, tc.status, status)
		})
	}

	// Another process opening the store sees both decisions, made by the
	// desk's reviewer.
	s := f.reopen(t)
	assert.Equal(t, story.KindAccept, s.Decided(story.Key(k1)))
	assert.Equal(t, story.KindReject, s.Decided(story.Key(k2)))
	assert.Equal(t, story.KindUnknown, s.Decided(story.Key(k3)))
	for _, d := range s.Decisions() {
		assert.Equal(t, "tester", d.By)
	}
}

// TestTwoBrowsers has two browsers decide at once, each on its own half of
// the queue and both on one shared proposal: every decision is in the store
// afterwards, and the shared one is decided once, the other browser told.
func TestTwoBrowsers(t *testing.T) {
	f := newFixture(t, 4)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	pending := f.story.Pending()
	require.GreaterOrEqual(t, len(pending), 7)
	shared := pending[0].Key
	browsers := []*client{newClient(t, srv.URL), newClient(t, srv.URL)}
	tokens := []string{browsers[0].token("/queue"), browsers[1].token("/queue")}
	statuses := make([][]int, 2)
	var wg sync.WaitGroup
	for b := range browsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			keys := []story.Key{shared}
			for i := 1 + b; i < len(pending); i += 2 {
				keys = append(keys, pending[i].Key)
			}
			for i, k := range keys {
				action := "accept"
				if i%3 == 2 {
					action = "reject"
				}
				status, _ := browsers[b].post(url.Values{"csrf": {tokens[b]}, "key": {string(k)}, "action": {action}}, nil)
				statuses[b] = append(statuses[b], status)
			}
		}()
	}
	wg.Wait()
	// The shared proposal: one browser saved it, the other was told.
	assert.ElementsMatch(t, []int{http.StatusSeeOther, http.StatusConflict}, []int{statuses[0][0], statuses[1][0]})
	for b := range statuses {
		for _, s := range statuses[b][1:] {
			assert.Equal(t, http.StatusSeeOther, s)
		}
	}
	s := f.reopen(t)
	assert.Empty(t, s.Pending(), "every proposal decided and saved")
	assert.Len(t, s.Decisions(), len(pending))
}

// TestHostileArticle adds an article whose title, text, speakers and claim
// are hostile and checks that no page writes them raw: markup escaped, and
// control characters and bidirectional overrides replaced by U+FFFD, as
// the pictures do.
func TestHostileArticle(t *testing.T) {
	text := `<script>alert("x")</script> Westmark said that "]]><img src=x onerror=alert(1)>" was true. ` +
		"Norland denied \u202eevil\u202c reports \x1b[31m.\n\n" +
		"Mallory \u2066Knox\u2069 said on Monday that the trains ran\x00 at night."
	f := newFixture(t, 1, source.Article{ID: "evil", Title: "<script>alert(\"title\")</script> \u202eeltit", Text: text,
		Published: time.Date(2025, 3, 20, 9, 0, 0, 0, time.UTC)})
	_, err := f.story.Apply(context.Background(), story.Decision{Kind: story.KindCreateClaim, Claim: "trains", Text: "The trains \u202eran\x1b[5m at night"})
	require.NoError(t, err)
	accepted := 0
	for _, p := range f.story.Pending() {
		if a, _ := p.Key.Article(); a == "evil" && accepted < 2 {
			_, err := f.story.Apply(context.Background(), story.Decision{Kind: story.KindAccept, Key: p.Key, Claim: "trains"})
			require.NoError(t, err)
			accepted++
		}
	}
	require.NotZero(t, accepted)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	tl, err := f.story.Timeline(nil)
	require.NoError(t, err)
	paths := []string{"/", "/queue", "/article/evil"}
	for _, cl := range tl.Claims() {
		paths = append(paths, "/claim/"+url.PathEscape(string(cl.ID)))
	}
	for _, p := range paths {
		status, body, _ := c.get(p)
		assert.Equal(t, http.StatusOK, status, p)
		assert.NotContains(t, body, "<script>alert", p)
		assert.NotContains(t, body, "<img src=x", p)
		assert.Equal(t, 1, strings.Count(body, "<script"), "%s: only the desk's own script", p)
		for _, r := range body {
			if display.Unsafe(r) && r != '\n' && r != '\t' && r != '\r' {
				t.Errorf("%s: the page holds %U", p, r)
				break
			}
		}
	}
	for _, p := range []string{"/", "/queue", "/article/evil", "/claim/trains"} {
		_, body, _ := c.get(p)
		assert.Contains(t, body, "\ufffd", "%s: the hostile runes show as U+FFFD", p)
	}
	_, body, _ := c.get("/article/evil")
	assert.Contains(t, body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;")
}

// TestNew opens a desk from a store.
func TestNew(t *testing.T) {
	f := newFixture(t, 1)
	d, err := desk.New(context.Background(), f.store, "shells", &desk.Options{Story: story.Options{Sources: f.srcs}})
	require.NoError(t, err)
	srv := httptest.NewServer(d)
	defer srv.Close()
	status, body, _ := newClient(t, srv.URL).get("/queue")
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, "herald-03-02")

	_, err = desk.New(context.Background(), f.store, "bad id!", nil)
	assert.ErrorIs(t, err, story.ErrInvalid)
}
