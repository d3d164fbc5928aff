package desk

import (
	"context"
	"embed"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static/desk.css static/desk.js
var staticFS embed.FS

// templates are parsed once; a template that does not parse is a bug in
// this package, caught by every test.
var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"percent":  func(f float64) int { return int(f*100 + 0.5) },
	"inc":      func(i int) int { return i + 1 },
	"dict":     proposalContext,
	"mergeCtx": mergeContext,
	"path":     func(s any) string { return url.PathEscape(fmt.Sprint(s)) },
}).ParseFS(templateFS, "templates/*.html"))

// Options configures a Desk. The zero Options, and a nil *Options, open the
// story with the zero story.Options, build timelines under the default
// rules and record decisions as made by "desk". An Options is a plain value;
// New copies it.
type Options struct {
	// Story is how the story is opened: its base sources on first use and
	// its review settings (see story.Open).
	Story story.Options
	// Rules are the status rules the overview and the claim pages use;
	// nil means the defaults.
	Rules *timeline.Rules
	// By names the reviewer in the decisions the desk records
	// (story.Decision.By); empty means "desk".
	By string
	// Hosts are the names the desk answers to, as a request's Host header
	// gives them, without the port: "desk.newsroom.example",
	// "192.0.2.10". Empty means the loopback names only (localhost,
	// 127.0.0.1 and the rest of 127.0.0.0/8, ::1). A request addressed to
	// any other name is refused with 421 Misdirected Request, so that a web
	// page whose own domain is made to resolve to the desk's address (DNS
	// rebinding) cannot read the desk or post decisions as if it were the
	// desk's own page. The single name "*" answers to any host: use it
	// only behind a check of its own, such as the token the claimtrail
	// command's serve asks beyond the loopback interface, or an
	// authenticating proxy.
	Hosts []string
}

// Desk is the review desk of one story, an http.Handler. Create one with
// New or ForStory; a zero Desk answers every request with 500 Internal
// Server Error. It is safe for concurrent use: requests from any number
// of browsers may arrive at once, and the decisions they make are applied
// one at a time, each saved through the story before its page says so.
type Desk struct {
	story *story.Story
	rules *timeline.Rules
	by    string
	hosts []string // nil: loopback names only; ["*"]: any
	mux   *http.ServeMux
	// decide serialises checking that a proposal is still undecided and
	// deciding it, so that two browsers deciding on one proposal at once
	// do not both think theirs stands.
	decide sync.Mutex
}

// New opens the story named id in st (see story.Open, which creates it on
// first use) and returns its desk. It fails with story.Open's error. Opening
// costs what story.Open costs: extracting every article and applying every
// decision again.
func New(ctx context.Context, st story.Store, id string, opts *Options) (*Desk, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	s, _, err := story.Open(ctx, st, id, o.Story)
	if err != nil {
		return nil, err
	}
	return ForStory(s, &o), nil
}

// ForStory returns the desk of a story already open, in memory or from a
// store; opts.Story is not used. Decisions go through s, so a story opened
// from a store saves each before the desk reports it.
func ForStory(s *story.Story, opts *Options) *Desk {
	var o Options
	if opts != nil {
		o = *opts
	}
	d := &Desk{story: s, rules: o.Rules, by: o.By, hosts: slices.Clone(o.Hosts)}
	if d.by == "" {
		d.by = "desk"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", d.overview)
	mux.HandleFunc("GET /queue", d.queue)
	mux.HandleFunc("GET /article/{id}", d.article)
	mux.HandleFunc("GET /claim/{id}", d.claim)
	mux.HandleFunc("GET /sources", d.sources)
	mux.HandleFunc("POST /decide", d.decideHandler)
	mux.HandleFunc("GET /static/{file}", serveStatic)
	d.mux = mux
	return d
}

// ServeHTTP serves the desk's pages: the overview at "/", the queue of
// proposals at "/queue" (filtered by ?article=, ?claim= and ?source=,
// QueuePageSize to a page chosen by ?page=),
// an article with its candidates highlighted at "/article/ID", a claim with
// its timeline picture at "/claim/ID", the sources to merge at "/sources",
// and decisions posted to "/decide".
// Every response carries a strict Content-Security-Policy; nothing is
// loaded from outside the desk.
func (d *Desk) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if d.mux == nil {
		http.Error(w, "desk: not created with desk.New or desk.ForStory", http.StatusInternalServerError)
		return
	}
	if !d.hostOK(r.Host) {
		http.Error(w, "This review desk does not answer to this address: open the address it was started on.", http.StatusMisdirectedRequest)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin") // "no-referrer" would make browsers send "Origin: null" with the desk's own forms
	d.mux.ServeHTTP(w, r)
}

// serveStatic serves the two embedded files by name; there is no directory
// to list.
func serveStatic(w http.ResponseWriter, r *http.Request) {
	types := map[string]string{"desk.css": "text/css; charset=utf-8", "desk.js": "text/javascript; charset=utf-8"}
	name := r.PathValue("file")
	ct, ok := types[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := staticFS.ReadFile("static/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(b)
}

// proposalCtx is what the "proposal" and "decision" templates receive.
type proposalCtx struct {
	P    proposalView
	CSRF string
	Back string
	// Seen is the story's head when the page was drawn.
	Seen int64
	// Choices are what the edit form offers.
	Choices choices
	// Merge is the form merging the proposal's speaker, a proposed source
	// waiting for a decision, into another; nil for another speaker.
	Merge *mergeCtx
}

// mergeCtx is what the "merge" template receives.
type mergeCtx struct {
	S    sourceRow
	CSRF string
	Back string
	Seen int64
}

// mergeContext gives the merge template the page's token, the address to
// come back to and the head the page was drawn at.
func mergeContext(root page, s sourceRow) mergeCtx {
	data, _ := root.Data.(map[string]any)
	back, _ := data["Back"].(string)
	seen, _ := data["Seen"].(int64)
	return mergeCtx{S: s, CSRF: root.CSRF, Back: back, Seen: seen}
}

// proposalContext gives a proposal template the page's token, the address
// to come back to after deciding and the head the page was drawn at.
func proposalContext(root page, p proposalView) proposalCtx {
	data, _ := root.Data.(map[string]any)
	back, _ := data["Back"].(string)
	seen, _ := data["Seen"].(int64)
	ch, _ := data["Choices"].(choices)
	pc := proposalCtx{P: p, CSRF: root.CSRF, Back: back, Seen: seen, Choices: ch}
	if p.Merge != nil {
		m := mergeContext(root, *p.Merge)
		pc.Merge = &m
	}
	return pc
}

// hostOK reports whether the desk answers to a request addressed to host,
// a Host header with or without its port (see Options.Hosts).
func (d *Desk) hostOK(host string) bool {
	if hp, _, err := net.SplitHostPort(host); err == nil {
		host = hp
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if len(d.hosts) == 0 {
		return Loopback(host)
	}
	for _, h := range d.hosts {
		if h == "*" || strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// Loopback reports whether host, a name or address without a port, names
// the loopback interface only: "localhost", an address in 127.0.0.0/8, or
// ::1. It is the default of Options.Hosts.
func Loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
