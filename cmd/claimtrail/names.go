package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
)

// names turns IDs into the names people read: a source's name, a claim's
// text, an article's title. With verbose set each name carries its ID in
// brackets. Every name is made safe for a terminal (display.Safe): article
// text and source names are hostile input.
type names struct {
	sources  map[source.ID]string
	claims   map[claim.ID]string
	articles map[source.ArticleID]string
	verbose  bool
}

// newNames returns the names of a corpus's sources, claims and articles,
// in time linear in the corpus.
func newNames(c *claim.Corpus, verbose bool) *names {
	n := &names{
		sources:  make(map[source.ID]string, len(c.Sources)+1),
		claims:   make(map[claim.ID]string, len(c.Claims)),
		articles: make(map[source.ArticleID]string, len(c.Articles)),
		verbose:  verbose,
	}
	n.sources[source.AbsentID] = "(no one named)"
	for _, s := range c.Sources {
		n.sources[s.ID] = s.Name
	}
	for _, cl := range c.Claims {
		n.claims[cl.ID] = cl.Text
	}
	for _, a := range c.Articles {
		n.articles[a.ID] = a.Title
	}
	return n
}

// source returns a source's name.
func (n *names) source(id source.ID) string {
	if id == "" {
		return "(unresolved)"
	}
	name, ok := n.sources[id]
	if !ok {
		return display.Safe(id)
	}
	if n.verbose {
		return display.Safe(name) + " [" + display.Safe(id) + "]"
	}
	return display.Safe(name)
}

// sourceList returns the names of sources joined by commas, or "-".
func (n *names) sourceList(ids []source.ID) string {
	if len(ids) == 0 {
		return "-"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = n.source(id)
	}
	return strings.Join(out, ", ")
}

// claim returns a claim's text, cut to width runes unless verbose.
func (n *names) claim(id claim.ID, width int) string {
	text, ok := n.claims[id]
	if !ok {
		return display.Safe(id)
	}
	if n.verbose {
		return display.Safe(text) + " [" + display.Safe(id) + "]"
	}
	return display.Safe(excerpt(text, width))
}

// article returns an article's title, or its ID when it has none.
func (n *names) article(id source.ArticleID) string {
	title := n.articles[id]
	switch {
	case title == "":
		return display.Safe(id)
	case n.verbose:
		return display.Safe(title) + " [" + display.Safe(id) + "]"
	}
	return display.Safe(title)
}

// excerpt cuts s to at most width runes, ending in "…" when cut; width 0
// keeps s whole.
func excerpt(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	if width <= 0 {
		return s
	}
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	return string(r[:width-1]) + "…"
}

// quote returns a quote cut to width runes, in quotation marks and safe for
// a terminal.
func quote(s string, width int) string {
	return display.Safe("\u201c" + excerpt(s, width) + "\u201d")
}

// day formats a time as its day in UTC, or "-" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.DateOnly)
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// safe is display.Safe for a string.
func safe(s string) string { return display.Safe(s) }
