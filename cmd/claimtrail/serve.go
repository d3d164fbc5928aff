package main

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/desk"
	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/story"
)

// tokenCookie is the cookie that carries a desk's token once a browser
// opened the address with it.
const tokenCookie = "claimtrail_token"

func (a *app) serveCmd() *cobra.Command {
	var addr, by string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the review desk in the browser",
		Long: `serve serves the story's review desk (package desk): the overview of the
claims with the story's picture, the queue of proposals to accept or reject
by mouse or keyboard, each article with its candidates highlighted, and each
claim's page with its timeline picture. Each decision is saved to the store
before the page says so.

It listens on 127.0.0.1:8080 unless --addr says otherwise. On an address
beyond the loopback interface the desk needs a token: serve prints the
address to open with it, and a browser that has opened it once keeps it in a
cookie; any other request is refused. On every interface (0.0.0.0:PORT or
[::]:PORT) it prints the address to open on this machine and, by the
machine's name, from others. Stop it with Ctrl-C.

The desk catches up with the store before each page, so articles added and
decisions made with other claimtrail commands meanwhile show, and a decision
on a proposal decided elsewhere since the page was drawn is refused.

Each page costs what its desk page costs: the story's timeline, linear in
the story.`,
		Example: `  claimtrail serve
  claimtrail serve --addr 0.0.0.0:8080 --by maria`,
		Args: cobra.NoArgs,
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			host, port, err := net.SplitHostPort(addr)
			if err != nil {
				return cli.Usagef("--addr %q: want HOST:PORT, such as 127.0.0.1:8080", addr)
			}
			if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
				return cli.Usagef("--addr %q: the port %q is invalid: want a number from 1 to 65535 (or 0 for any free port)", addr, port)
			}
			s, err := a.openStory(ctx, story.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			if by == "" {
				by = a.who(&decideFlags{})
			}
			opts := &desk.Options{By: by}
			if !desk.Loopback(host) {
				opts.Hosts = []string{"*"} // any name reaches it; the token guards it
			}
			var h http.Handler = desk.ForStory(s.Story, opts)
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("%w: is another program using the port? choose another with --addr", err)
			}
			url, elsewhere := deskURLs(ln.Addr(), a.hostname)
			if !desk.Loopback(host) {
				token, err := newToken()
				if err != nil {
					ln.Close()
					return err
				}
				h = withToken(h, token)
				url += "?token=" + token
				if elsewhere != "" {
					elsewhere += "?token=" + token
				}
			}
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
			fmt.Fprintf(a.stdout, "review desk of story %s: open %s (Ctrl-C stops it)\n", s.ID(), url)
			if elsewhere != "" {
				fmt.Fprintf(a.stdout, "from other machines: %s (or this machine's address in place of its name)\n", elsewhere)
			}
			done := make(chan error, 1)
			go func() { done <- srv.Serve(ln) }()
			select {
			case err := <-done:
				return err
			case <-ctx.Done():
			}
			shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := srv.Shutdown(shut); err != nil {
				return err
			}
			if err := <-done; !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "the address to listen on")
	cmd.Flags().StringVar(&by, "by", "", "the reviewer the desk's decisions name (default $CLAIMTRAIL_USER, else $USER)")
	return cmd
}

// deskURLs returns the address to open the desk listening on addr at from
// this machine, and, when it listens on every interface (0.0.0.0, [::]),
// the address to open from others, by the machine's name (hostname; none
// when it is empty). An address on every interface is no address a
// browser can open: this machine reaches it on the loopback interface.
func deskURLs(addr net.Addr, hostname func() (string, error)) (local, elsewhere string) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return "http://" + addr.String() + "/", ""
	}
	// Listening on "tcp" at [::] takes IPv4 too, so 127.0.0.1 reaches
	// either.
	port := strconv.Itoa(tcp.Port)
	local = "http://" + net.JoinHostPort("127.0.0.1", port) + "/"
	if hostname != nil {
		if name, err := hostname(); err == nil && name != "" {
			elsewhere = "http://" + net.JoinHostPort(name, port) + "/"
		}
	}
	return local, elsewhere
}

// newToken returns 128 random bits in hex.
func newToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// withToken serves h only to requests that carry the token: in the cookie,
// or in a token query parameter, which sets the cookie and redirects to the
// address without it, so that the token does not stay in the address bar.
func withToken(h http.Handler, token string) http.Handler {
	same := func(s string) bool { return subtle.ConstantTimeCompare([]byte(s), []byte(token)) == 1 }
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie(tokenCookie); err == nil && same(c.Value) {
			h.ServeHTTP(w, r)
			return
		}
		if q := r.URL.Query(); same(q.Get("token")) {
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			q.Del("token")
			u := *r.URL
			u.RawQuery = q.Encode()
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return
		}
		http.Error(w, "This review desk needs its token: open the address claimtrail serve printed when it started.", http.StatusUnauthorized)
	})
}
