package schemaorg

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/review"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// Context is the @context of the documents this package writes.
const Context = "https://schema.org"

// DefaultBase is the prefix of a claim's @id when [Options.Base] is empty.
const DefaultBase = "urn:claimtrail:claim:"

// Options holds the choices of [Claims], [ClaimReviews] and [Import]. The
// zero Options means the defaults.
type Options struct {
	// Base is the prefix of each claim's @id, such as
	// "https://factcheck.example/claims/"; empty means [DefaultBase].
	// Import reads a claim's ID back from an @id with this prefix.
	Base string
}

func (o Options) base() string {
	if o.Base == "" {
		return DefaultBase
	}
	return o.Base
}

// The JSON-LD nodes written.
type (
	document struct {
		Context string `json:"@context"`
		Graph   []any  `json:"@graph"`
	}
	claimNode struct {
		Type            string  `json:"@type"`
		ID              string  `json:"@id"`
		Text            string  `json:"text"`
		DatePublished   string  `json:"datePublished,omitempty"`
		Author          []agent `json:"author,omitempty"`
		FirstAppearance *work   `json:"firstAppearance,omitempty"`
		Appearance      []work  `json:"appearance,omitempty"`
		About           []agent `json:"about,omitempty"`
	}
	agent struct {
		Type   string `json:"@type"`
		Name   string `json:"name"`
		URL    string `json:"url,omitempty"`
		SameAs string `json:"sameAs,omitempty"`
	}
	work struct {
		Type          string `json:"@type"`
		ID            string `json:"@id,omitempty"`
		URL           string `json:"url,omitempty"`
		Headline      string `json:"headline,omitempty"`
		DatePublished string `json:"datePublished,omitempty"`
		InLanguage    string `json:"inLanguage,omitempty"`
		Publisher     *agent `json:"publisher,omitempty"`
	}
	reviewNode struct {
		Type          string    `json:"@type"`
		URL           string    `json:"url"`
		ClaimReviewed string    `json:"claimReviewed"`
		ReviewRating  rating    `json:"reviewRating"`
		Author        agent     `json:"author"`
		DatePublished string    `json:"datePublished,omitempty"`
		ItemReviewed  claimNode `json:"itemReviewed"`
	}
	rating struct {
		Type          string   `json:"@type"`
		AlternateName string   `json:"alternateName"`
		Name          string   `json:"name"`
		RatingValue   *float64 `json:"ratingValue,omitempty"`
		BestRating    *float64 `json:"bestRating,omitempty"`
		WorstRating   *float64 `json:"worstRating,omitempty"`
	}
)

// Claims returns a JSON-LD document, {"@context": "https://schema.org",
// "@graph": [...]}, holding each claim of tl as a schema.org Claim, in
// corpus order (see the package documentation for what each holds). It
// takes time linear in the size of the timeline's tracks and articles.
func Claims(tl *timeline.Timeline, opts Options) ([]byte, error) {
	w := newWriter(tl, opts)
	doc := document{Context: Context, Graph: []any{}}
	for _, c := range tl.Claims() {
		doc.Graph = append(doc.Graph, w.claim(c))
	}
	return marshal(doc)
}

// ClaimReviews returns a JSON-LD document holding each review as a
// schema.org ClaimReview, in order, its itemReviewed the reviewed claim of
// tl as [Claims] writes it. The reviews are checked first with
// review.Check against tl's corpus; the error is Check's. It takes time
// linear in the size of the reviews and of the timeline's tracks.
func ClaimReviews(reviews []review.Review, tl *timeline.Timeline, opts Options) ([]byte, error) {
	if err := review.Check(reviews, tl.Corpus()); err != nil {
		return nil, err
	}
	w := newWriter(tl, opts)
	doc := document{Context: Context, Graph: []any{}}
	for _, r := range reviews {
		c, _ := tl.Claim(r.Claim)
		node := reviewNode{
			Type:          "ClaimReview",
			URL:           r.URL,
			ClaimReviewed: r.ClaimReviewed,
			ReviewRating:  rating{Type: "Rating", AlternateName: r.Rating.Name, Name: r.Rating.Name},
			Author:        agent{Type: "Organization", Name: r.Reviewer.Name, URL: r.Reviewer.URL},
			DatePublished: dateTime(r.Published),
			ItemReviewed:  w.claim(c),
		}
		if node.ClaimReviewed == "" {
			node.ClaimReviewed = c.Text
		}
		if r.Reviewer.Person {
			node.Author.Type = "Person"
		}
		if g := r.Rating; g.Numeric {
			node.ReviewRating.RatingValue, node.ReviewRating.BestRating, node.ReviewRating.WorstRating = &g.Value, &g.Best, &g.Worst
		}
		doc.Graph = append(doc.Graph, node)
	}
	return marshal(doc)
}

func marshal(doc document) ([]byte, error) {
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("schemaorg: %w", err)
	}
	return append(out, '\n'), nil
}

// writer builds claim nodes from a timeline.
type writer struct {
	tl    *timeline.Timeline
	reg   *source.Registry
	base  string
	order map[source.ArticleID]int // place in the timeline's article order
}

func newWriter(tl *timeline.Timeline, opts Options) *writer {
	w := &writer{tl: tl, reg: tl.Registry(), base: opts.base(), order: map[source.ArticleID]int{}}
	for i, id := range tl.ArticleOrder() {
		w.order[id] = i
	}
	return w
}

// claim builds the Claim node of c.
func (w *writer) claim(c claim.Claim) claimNode {
	n := claimNode{Type: "Claim", ID: w.base + string(c.ID), Text: c.Text}
	track, _ := w.tl.Track(c.ID)
	var first claim.Date
	authors := map[source.ID]bool{}
	articles := map[source.ArticleID]bool{}
	var appear []source.ArticleID
	for _, e := range track {
		if e.Inherited {
			continue
		}
		s := e.Statement
		if s.Factuality.Polarity == claim.PolarityPositive {
			if !first.IsValid() || e.Said.Compare(first) < 0 {
				first = e.Said
			}
			if sp, ok := w.reg.Source(s.Source); ok && !sp.IsAbsent() && !authors[s.Source] {
				authors[s.Source] = true
				n.Author = append(n.Author, person(sp))
			}
		}
		for _, m := range s.Mentions {
			if !articles[m.Article] {
				articles[m.Article] = true
				appear = append(appear, m.Article)
			}
		}
	}
	n.DatePublished = first.String()
	slices.SortFunc(appear, func(a, b source.ArticleID) int { return w.order[a] - w.order[b] })
	for _, id := range appear {
		a, ok := w.reg.Article(id)
		if !ok {
			continue
		}
		wk := work{Type: "NewsArticle", ID: "urn:claimtrail:article:" + string(a.ID), URL: a.URL, Headline: a.Title, DatePublished: dateTime(a.Published), InLanguage: a.Language}
		if o, ok := w.reg.Source(a.Outlet); ok {
			p := person(o)
			wk.Publisher = &p
		}
		n.Appearance = append(n.Appearance, wk)
	}
	if len(n.Appearance) > 0 {
		f := n.Appearance[0]
		n.FirstAppearance = &f
	}
	for _, a := range c.Actors {
		if sp, ok := w.reg.Source(a.Source); ok && !sp.IsAbsent() {
			n.About = append(n.About, person(sp))
		}
	}
	return n
}

// person returns a source as a schema.org Person or Organization.
func person(s source.Source) agent {
	a := agent{Type: "Organization", Name: s.Name}
	switch s.Kind {
	case source.KindOfficial, source.KindSpokesperson, source.KindPerson:
		a.Type = "Person"
	default:
		// Governments, agencies, militaries, media and organisations,
		// and a source of no kind, are organisations.
	}
	if s.Wikidata != "" {
		a.SameAs = "https://www.wikidata.org/wiki/" + s.Wikidata
	}
	return a
}

// dateTime writes a time as schema.org DateTime in UTC, or as a Date when
// it is midnight UTC; "" for the zero time.
func dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// idOf reads a claim ID back from an @id written with base.
func idOf(atID, base string) (claim.ID, bool) {
	id, ok := strings.CutPrefix(atID, base)
	return claim.ID(id), ok && id != ""
}
