package render

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Options holds the choices a caller can make about a picture. The zero
// Options, and a nil *Options, draw a picture 960 pixels wide with no links
// and ids starting with "ct". An Options is a plain value; the functions
// copy it.
type Options struct {
	// Width is the width of an SVG picture in pixels; zero means 960,
	// and anything below 480 is drawn 480 wide.
	Width int
	// ArticleURL is the link each statement and each status change
	// carries to the article that reported it: "{article}" in it is
	// replaced by the article's ID, escaped as a URL path segment
	// ("/article/{article}", "https://news.example/a/{article}.html").
	// It must be an http or https URL or a relative one. Empty means no
	// links.
	ArticleURL string
	// ArticleLinks gives single articles their own link, such as the
	// address each was read at (source.Article.URL); an article it names
	// takes that link rather than ArticleURL's. Each link must be an http,
	// https or relative URL with no control or bidirectional characters.
	// Checking it costs time linear in the links' total length, and a
	// sort of the articles it names, so that the first bad link reported
	// is always the same.
	ArticleLinks map[source.ArticleID]string
	// ClaimURL is the link each row of a story picture carries to its
	// claim: "{claim}" in it is replaced by the claim's ID, escaped as a
	// URL path segment. The same rules as ArticleURL apply.
	ClaimURL string
	// IDPrefix starts every id attribute in an SVG picture, so that several
	// pictures can share one HTML page: 1 to 32 ASCII letters, digits,
	// hyphens and underscores, starting with a letter. Empty means "ct".
	IDPrefix string
}

// settings are the options checked and with their defaults filled in.
type settings struct {
	width      float64
	articleURL string
	links      map[source.ArticleID]string
	claimURL   string
	prefix     string
}

// check returns the settings of opts, or an *Error wrapping ErrInvalid
// naming the option that is wrong.
func (opts *Options) check() (settings, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	s := settings{width: 960, prefix: "ct", articleURL: o.ArticleURL, links: o.ArticleLinks, claimURL: o.ClaimURL}
	if o.Width > 0 {
		s.width = float64(max(o.Width, 480))
	}
	if o.Width > 100000 {
		return s, invalid("Width", strconv.Itoa(o.Width), "wider than 100000 pixels")
	}
	if o.IDPrefix != "" {
		if !validPrefix(o.IDPrefix) {
			return s, invalid("IDPrefix", o.IDPrefix, "want 1 to 32 ASCII letters, digits, '-' and '_', starting with a letter")
		}
		s.prefix = o.IDPrefix
	}
	if err := checkLink("ArticleURL", o.ArticleURL, "{article}"); err != nil {
		return s, err
	}
	if err := checkLink("ClaimURL", o.ClaimURL, "{claim}"); err != nil {
		return s, err
	}
	for _, id := range slices.Sorted(maps.Keys(o.ArticleLinks)) {
		field := "ArticleLinks[" + strconv.Quote(source.Excerpt(string(id))) + "]"
		link := o.ArticleLinks[id]
		if link == "" {
			return s, invalid(field, link, "empty: leave the article out instead")
		}
		if err := checkLink(field, link, "{article}"); err != nil {
			return s, err
		}
	}
	return s, nil
}

// validPrefix reports whether p can start an XML id.
func validPrefix(p string) bool {
	if len(p) > 32 || !asciiLetter(p[0]) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !asciiLetter(c) && (c < '0' || c > '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// asciiLetter reports whether c is an ASCII letter.
func asciiLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// checkLink checks a link pattern: it must parse as a URL once its
// placeholder is filled in, with no scheme or an http or https one, so that
// a pattern cannot run script when a reader follows it.
func checkLink(field, pattern, placeholder string) error {
	if pattern == "" {
		return nil
	}
	u, err := url.Parse(strings.ReplaceAll(pattern, placeholder, "x"))
	if err != nil {
		return invalid(field, pattern, "not a URL")
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
	default:
		return invalid(field, pattern, "want an http, https or relative URL")
	}
	if clean(pattern, 0) != pattern {
		return invalid(field, pattern, "holds control or bidirectional characters")
	}
	return nil
}

// articleLink returns the link to an article, or "" when there is none.
func (s settings) articleLink(id source.ArticleID) string {
	if link, ok := s.links[id]; ok && id != "" {
		return link
	}
	if s.articleURL == "" || id == "" {
		return ""
	}
	return strings.ReplaceAll(s.articleURL, "{article}", url.PathEscape(string(id)))
}

// claimLink returns the link to a claim, or "" when there is none.
func (s settings) claimLink(id claim.ID) string {
	if s.claimURL == "" {
		return ""
	}
	return strings.ReplaceAll(s.claimURL, "{claim}", url.PathEscape(string(id)))
}
