package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/desk"
	"github.com/stretchr/testify/require"
)

func TestRender(t *testing.T) {
	c := followStory(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"story", []string{"render"}, "<svg"},
		{"claim", []string{"render", "shipments"}, "Norland ships artillery shells to Eastria by rail"},
		{"story-mermaid", []string{"render", "--mermaid"}, "timeline"},
		{"claim-mermaid", []string{"render", "--mermaid", "shipments"}, "timeline"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Contains(t, c.in(t).ok(tc.args...), tc.want)
		})
	}
	t.Run("folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "pictures")
		assert.Contains(t, c.in(t).ok("render", "--out", dir), "5 claim pictures")
		index, err := os.ReadFile(filepath.Join(dir, "index.html"))
		require.NoError(t, err)
		assert.Contains(t, string(index), `<a href="claims/shipments.svg">Norland ships artillery shells to Eastria by rail</a>`)
		// Norland&#39;s: the page escapes what the story holds.
		assert.Contains(t, string(index), "without Norland&#39;s knowledge")
		for _, name := range []string{"story.svg", "claims/shipments.svg", "claims/dealer.svg"} {
			b, err := os.ReadFile(filepath.Join(dir, name))
			require.NoError(t, err)
			assert.Contains(t, string(b), "<svg", name)
		}
	})
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"unknown-claim", []string{"render", "moon"}, 1},
		{"out-and-claim", []string{"render", "--out", t.TempDir(), "shipments"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := c.in(t).run("", tc.args...)
			assert.Equal(t, tc.code, code, errs)
		})
	}
}

func TestServe(t *testing.T) {
	c := followStory(t)
	tests := []struct {
		name, addr string
		token      bool
	}{
		{"loopback", "127.0.0.1:0", false},
		// On every interface the address printed is one a browser can
		// open, with the token.
		{"every-interface", "0.0.0.0:0", true},
		{"every-interface-v6", "[::]:0", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			pr, pw := io.Pipe()
			var errs strings.Builder
			codes := make(chan int, 1)
			go func() {
				vars := map[string]string{"CLAIMTRAIL_STORE": c.store, "USER": "tester"}
				e := env2(pw, &errs, strings.NewReader(""), vars)
				e.hostname = func() (string, error) { return "newsroom-7", nil }
				codes <- run(ctx, []string{"serve", "--addr", tc.addr}, e)
				pw.Close()
			}()
			out := bufio.NewReader(pr)
			line, err := out.ReadString('\n')
			require.NoError(t, err, "stderr: %s", errs.String())
			require.Contains(t, line, "review desk of story norland: open http://127.0.0.1:")
			url := strings.Fields(line[strings.Index(line, "http://"):])[0]
			if !tc.token {
				assert.NotContains(t, url, "token", "no token on the loopback interface")
			} else {
				assert.Contains(t, url, "/?token=")
				other, err := out.ReadString('\n')
				require.NoError(t, err)
				port := url[len("http://127.0.0.1:"):strings.Index(url, "/?")]
				assert.Contains(t, other, "from other machines: http://newsroom-7:"+port+"/?token=")
			}
			go func() { _, _ = io.Copy(io.Discard, out) }()

			jar, err := cookiejar.New(nil)
			require.NoError(t, err)
			resp, err := (&http.Client{Jar: jar}).Get(url)
			require.NoError(t, err)
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Contains(t, string(body), "Norland ships artillery shells to Eastria by rail")

			// A page of another site whose domain resolves to this address
			// (DNS rebinding) is refused on the loopback interface; beyond it
			// the token guards the desk.
			req, err := http.NewRequest(http.MethodGet, url, nil)
			require.NoError(t, err)
			req.Host = "attacker.example"
			resp, err = (&http.Client{Jar: jar}).Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			if !tc.token {
				assert.Equal(t, http.StatusMisdirectedRequest, resp.StatusCode)
			}

			cancel()
			assert.Equal(t, 0, <-codes, "stderr: %s", errs.String())
		})
	}
}

func TestDeskURLs(t *testing.T) {
	named := func() (string, error) { return "newsroom-7", nil }
	tests := []struct {
		name             string
		addr             net.Addr
		hostname         func() (string, error)
		local, elsewhere string
	}{
		{"loopback", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, named, "http://127.0.0.1:8080/", ""},
		{"loopback-v6", &net.TCPAddr{IP: net.IPv6loopback, Port: 8080}, named, "http://[::1]:8080/", ""},
		{"one-interface", &net.TCPAddr{IP: net.IPv4(192, 0, 2, 7), Port: 8081}, named, "http://192.0.2.7:8081/", ""},
		{"every-v4", &net.TCPAddr{IP: net.IPv4zero, Port: 8081}, named, "http://127.0.0.1:8081/", "http://newsroom-7:8081/"},
		{"every-v6", &net.TCPAddr{IP: net.IPv6unspecified, Port: 8081}, named, "http://127.0.0.1:8081/", "http://newsroom-7:8081/"},
		{"no-hostname", &net.TCPAddr{IP: net.IPv4zero, Port: 8081}, func() (string, error) { return "", errors.New("none") }, "http://127.0.0.1:8081/", ""},
		{"nil-hostname", &net.TCPAddr{IP: net.IPv4zero, Port: 8081}, nil, "http://127.0.0.1:8081/", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			local, elsewhere := deskURLs(tc.addr, tc.hostname)
			assert.Equal(t, tc.local, local)
			assert.Equal(t, tc.elsewhere, elsewhere)
		})
	}
}

func TestWithToken(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "desk") })
	h := withToken(ok, "secret")
	tests := []struct {
		name     string
		target   string
		cookie   string
		code     int
		location string
	}{
		{"none", "/queue", "", http.StatusUnauthorized, ""},
		{"wrong-query", "/queue?token=guess", "", http.StatusUnauthorized, ""},
		{"wrong-cookie", "/queue", "guess", http.StatusUnauthorized, ""},
		{"query", "/queue?article=a&token=secret", "", http.StatusSeeOther, "/queue?article=a"},
		{"cookie", "/queue", "secret", http.StatusOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, tc.target, nil)
			if tc.cookie != "" {
				r.AddCookie(&http.Cookie{Name: tokenCookie, Value: tc.cookie})
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			assert.Equal(t, tc.code, w.Code)
			assert.Equal(t, tc.location, w.Header().Get("Location"))
			if tc.code == http.StatusSeeOther {
				assert.Contains(t, w.Header().Get("Set-Cookie"), tokenCookie+"=secret")
				assert.Contains(t, w.Header().Get("Set-Cookie"), "HttpOnly")
			}
		})
	}
	for _, tc := range []struct {
		host string
		want bool
	}{{"127.0.0.1", true}, {"::1", true}, {"localhost", true}, {"0.0.0.0", false}, {"", false}, {"192.0.2.1", false}} {
		assert.Equal(t, tc.want, desk.Loopback(tc.host), tc.host)
	}
}

// TestRenderArticleLinks checks that the pictures' marks link to the address
// their article was read at, and that an address that is no plain http or
// https URL gives no link.
func TestRenderArticleLinks(t *testing.T) {
	for _, tc := range []struct {
		name, url, want string
	}{
		{"https", "https://news.example/herald?d=0302&p=1", `<a href="https://news.example/herald?d=0302&amp;p=1">`},
		{"script", "javascript:alert(1)", ""},
		{"no-host", "https:///herald", ""},
		{"bidi", "https://news.example/\u202eherald", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw, err := os.ReadFile(storyManifest)
			require.NoError(t, err)
			first := `{"id": "herald-03-02", `
			require.Contains(t, string(raw), first)
			u, err := json.Marshal(tc.url)
			require.NoError(t, err)
			raw = []byte(strings.Replace(string(raw), first, first+`"url": `+string(u)+`, `, 1))
			manifest := filepath.Join(t.TempDir(), "follow-story.jsonl")
			require.NoError(t, os.WriteFile(manifest, raw, 0o644))

			c := newCLI(t)
			c.ok("init", "norland", "--sources", storySources)
			c.ok("add", "--manifest", manifest, "--dir", storyArticles)
			c.ok("decide", storyDecisions)
			for _, args := range [][]string{{"render", "shipments"}, {"render"}} {
				got := c.ok(args...)
				if tc.want == "" {
					assert.NotContains(t, got, "<a ", args)
				} else {
					assert.Contains(t, got, tc.want, args)
				}
			}
		})
	}
}
