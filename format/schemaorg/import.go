package schemaorg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/review"
	"github.com/claimtrail/claimtrail/source"
)

// Sentinel errors wrapped by [Error]; test for them with errors.Is.
var (
	// ErrSyntax reports a document that is not JSON, or not an object or
	// an array of objects.
	ErrSyntax = errors.New("not a JSON-LD document")
	// ErrNoReview reports a document that holds no ClaimReview.
	ErrNoReview = errors.New("no ClaimReview in the document")
	// ErrInvalid is source.ErrInvalid: a property whose value is of the
	// wrong kind or does not parse; the wrapping error says why.
	ErrInvalid = source.ErrInvalid
	// ErrEmpty is source.ErrEmpty: a required property that is missing or
	// empty.
	ErrEmpty = source.ErrEmpty
)

// Error reports one problem with one property of a document. Path locates
// it, such as "@graph[2].reviewRating.alternateName"; Value is the
// offending value as text, or an excerpt of it (source.Excerpt). Err wraps
// one of the package's sentinels, or a review.FieldError's.
type Error struct {
	Path  string
	Value string
	Err   error
}

// Error returns "schemaorg: PATH "VALUE": REASON".
func (e *Error) Error() string { return fmt.Sprintf("schemaorg: %s %q: %v", e.Path, e.Value, e.Err) }

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// Imported is what [Import] reads from ClaimReview documents: the claims
// reviewed, each once, and the reviews, in document order.
type Imported struct {
	Claims  []claim.Claim
	Reviews []review.Review
}

// MaxSize is the largest document Import reads: 64 MiB.
const MaxSize = 64 << 20

// Import reads the ClaimReview nodes of a JSON-LD document: a single
// object, an array of objects, or an object with an @graph (objects in an
// array may have their own @graph), as fact-checkers publish them. Nodes
// of other types (WebPage, Organization, ...) are passed over; a node
// given only by its @id is looked up among the document's nodes. @type
// may be written "ClaimReview", "schema:ClaimReview" or with schema.org's
// full IRI.
//
// From each ClaimReview it makes a [review.Review]: claimReviewed, the
// reviewRating's alternateName (its name when alternateName is missing)
// and, when given, ratingValue, bestRating and worstRating (5 and 1 by
// schema.org's defaults), url, the author (the first when there are
// several; a Person or an Organization) and datePublished (a date or a
// date and time). And it makes the claim reviewed: its ID from the
// itemReviewed's @id when that starts with [Options.Base] (so that what
// [ClaimReviews] writes reads back with its IDs), else the whole @id,
// else "claimreview-" and a hash of the claim's text; its text from the
// itemReviewed's text or name, else claimReviewed. The review's
// ClaimReviewed is kept when it differs from the claim's text.
//
// Every problem is reported at once, each an [*Error] with its path:
// syntax, properties of the wrong kind, required properties missing
// (claimReviewed, reviewRating and its alternateName or name, url, author
// and its name), dates that do not parse, and what review.Review.Validate
// finds. A document with no ClaimReview fails with [ErrNoReview]. Import
// takes time and memory linear in the size of data, which may be at most
// [MaxSize] bytes.
func Import(data []byte, opts Options) (Imported, error) {
	if len(data) > MaxSize {
		return Imported{}, &Error{Path: "$", Value: strconv.Itoa(len(data)) + " bytes", Err: fmt.Errorf("%w: more than %d bytes", ErrInvalid, MaxSize)}
	}
	if !utf8.Valid(data) {
		return Imported{}, &Error{Path: "$", Err: fmt.Errorf("%w: the document is not valid UTF-8", ErrSyntax)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return Imported{}, &Error{Path: "$", Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
	}
	if _, err := dec.Token(); err == nil {
		return Imported{}, &Error{Path: "$", Err: fmt.Errorf("%w: data after the document", ErrSyntax)}
	}
	r := reader{base: opts.base(), byID: map[string]map[string]any{}, claims: map[claim.ID]bool{}}
	nodes, err := r.nodes(root)
	if err != nil {
		return Imported{}, err
	}
	for _, n := range nodes {
		if id, ok := n.obj["@id"].(string); ok && id != "" {
			if _, dup := r.byID[id]; !dup {
				r.byID[id] = n.obj
			}
		}
	}
	found := false
	for _, n := range nodes {
		if !hasType(n.obj, "ClaimReview") {
			continue
		}
		found = true
		r.claimReview(n.path, n.obj)
	}
	if !found && len(r.errs) == 0 {
		return Imported{}, &Error{Path: "$", Err: ErrNoReview}
	}
	if err := errors.Join(r.errs...); err != nil {
		return Imported{}, err
	}
	return r.out, nil
}

// node is an object of the document with its path.
type node struct {
	path string
	obj  map[string]any
}

// reader gathers claims and reviews from a document's nodes.
type reader struct {
	base   string
	byID   map[string]map[string]any
	claims map[claim.ID]bool
	out    Imported
	errs   []error
}

func (r *reader) fail(path, value string, err error) {
	if len(r.errs) < claim.MaxProblems {
		r.errs = append(r.errs, &Error{Path: path, Value: source.Excerpt(value), Err: err})
	}
}

// nodes lists the top-level objects of the document.
func (r *reader) nodes(root any) ([]node, error) {
	var out []node
	add := func(path string, v any) error {
		obj, ok := v.(map[string]any)
		if !ok {
			return &Error{Path: path, Value: kind(v), Err: fmt.Errorf("%w: want an object", ErrSyntax)}
		}
		out = append(out, node{path, obj})
		if g, ok := obj["@graph"]; ok {
			list, ok := g.([]any)
			if !ok {
				return &Error{Path: path + ".@graph", Value: kind(g), Err: fmt.Errorf("%w: want an array", ErrSyntax)}
			}
			prefix := "@graph"
			if path != "$" {
				prefix = path + ".@graph"
			}
			for i, v := range list {
				if o, ok := v.(map[string]any); ok {
					out = append(out, node{fmt.Sprintf("%s[%d]", prefix, i), o})
				}
			}
		}
		return nil
	}
	switch v := root.(type) {
	case []any:
		for i, item := range v {
			if err := add(fmt.Sprintf("[%d]", i), item); err != nil {
				return nil, err
			}
		}
		return out, nil
	default:
		return out, add("$", v)
	}
}

// claimReview reads one ClaimReview node.
func (r *reader) claimReview(path string, obj map[string]any) {
	at := func(prop string) string {
		if path == "$" {
			return prop
		}
		return path + "." + prop
	}
	var rv review.Review
	rv.ClaimReviewed = r.text(at("claimReviewed"), obj["claimReviewed"], true)
	rv.URL = r.text(at("url"), obj["url"], true)
	if d, ok := obj["datePublished"]; ok {
		rv.Published = r.date(at("datePublished"), d)
	}
	if g, ok := r.object(at("reviewRating"), obj["reviewRating"], true); ok {
		p := at("reviewRating")
		rv.Rating.Name = r.text(p+".alternateName", g["alternateName"], false)
		if rv.Rating.Name == "" {
			rv.Rating.Name = r.text(p+".name", g["name"], false)
		}
		if rv.Rating.Name == "" {
			r.fail(p+".alternateName", "", fmt.Errorf("%w: a rating needs its verdict in words", ErrEmpty))
		}
		if v, ok := g["ratingValue"]; ok {
			before := len(r.errs)
			rv.Rating.Numeric = true
			rv.Rating.Value = r.number(p+".ratingValue", v)
			rv.Rating.Best, rv.Rating.Worst = 5, 1
			if b, ok := g["bestRating"]; ok {
				rv.Rating.Best = r.number(p+".bestRating", b)
			}
			if w, ok := g["worstRating"]; ok {
				rv.Rating.Worst = r.number(p+".worstRating", w)
			}
			if len(r.errs) > before {
				// A number that did not parse was reported; its zero is
				// no value to check against the scale.
				rv.Rating.Numeric = false
			}
		}
	}
	if a, ok := r.object(at("author"), first(obj["author"]), true); ok {
		rv.Reviewer.Name = r.text(at("author.name"), a["name"], true)
		rv.Reviewer.URL = r.text(at("author.url"), a["url"], false)
		rv.Reviewer.Person = hasType(a, "Person")
	}
	id, text := r.claimOf(at("itemReviewed"), obj, rv.ClaimReviewed)
	rv.Claim = id
	if rv.ClaimReviewed == text {
		rv.ClaimReviewed = ""
	}
	if err := rv.Validate(); err != nil {
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			var fe *review.FieldError
			if errors.As(e, &fe) && !alreadyReported(fe.Field, rv) {
				r.fail(at(property(fe.Field)), fe.Value, fe.Err)
			}
		}
	}
	r.out.Reviews = append(r.out.Reviews, rv)
}

// alreadyReported reports whether a problem Validate finds with a
// required field was reported as a missing property already.
func alreadyReported(field string, rv review.Review) bool {
	switch field {
	case "url":
		return rv.URL == ""
	case "reviewer.name":
		return rv.Reviewer.Name == ""
	case "rating.name":
		return rv.Rating.Name == ""
	case "claim":
		return rv.Claim == ""
	}
	return false
}

// property maps a review's field to the ClaimReview property it came from.
func property(field string) string {
	switch field {
	case "claim", "claim_reviewed":
		return "claimReviewed"
	case "reviewer.name":
		return "author.name"
	case "reviewer.url":
		return "author.url"
	case "rating.name":
		return "reviewRating.alternateName"
	case "rating.value":
		return "reviewRating.ratingValue"
	case "rating.best":
		return "reviewRating.bestRating"
	case "rating.worst":
		return "reviewRating.worstRating"
	case "published":
		return "datePublished"
	}
	return field
}

// claimOf makes the claim a ClaimReview reviews, once per ID, and returns
// its ID and text.
func (r *reader) claimOf(path string, obj map[string]any, reviewed string) (claim.ID, string) {
	item, _ := r.object(path, first(obj["itemReviewed"]), false)
	text := ""
	if item != nil {
		text = r.text(path+".text", item["text"], false)
		if text == "" {
			text = r.text(path+".name", item["name"], false)
		}
	}
	if text == "" {
		text = reviewed
	}
	var id claim.ID
	if item != nil {
		if atID := r.text(path+".@id", item["@id"], false); atID != "" {
			if short, ok := idOf(atID, r.base); ok {
				id = short
			} else {
				id = claim.ID(atID)
			}
		}
	}
	if id == "" && text != "" {
		h := fnv.New64a()
		h.Write([]byte(text))
		id = claim.ID(fmt.Sprintf("claimreview-%016x", h.Sum64()))
	}
	if id != "" && text != "" && !r.claims[id] {
		r.claims[id] = true
		r.out.Claims = append(r.out.Claims, claim.Claim{ID: id, Text: text})
	}
	return id, text
}

// object returns v as an object, resolving a node given by its @id alone.
func (r *reader) object(path string, v any, required bool) (map[string]any, bool) {
	if v == nil {
		if required {
			r.fail(path, "", ErrEmpty)
		}
		return nil, false
	}
	obj, ok := v.(map[string]any)
	if !ok {
		r.fail(path, kind(v), fmt.Errorf("%w: want an object", ErrInvalid))
		return nil, false
	}
	if id, ok := obj["@id"].(string); ok && len(obj) == 1 {
		if full, ok := r.byID[id]; ok {
			return full, true
		}
	}
	return obj, true
}

// text returns v as a string; a language-tagged value's @value counts.
func (r *reader) text(path string, v any, required bool) string {
	if o, ok := v.(map[string]any); ok {
		if val, ok := o["@value"]; ok {
			v = val
		}
	}
	v = first(v)
	switch s := v.(type) {
	case string:
		s = strings.TrimSpace(s)
		if s == "" && required {
			r.fail(path, "", ErrEmpty)
		}
		return s
	case nil:
		if required {
			r.fail(path, "", ErrEmpty)
		}
		return ""
	}
	r.fail(path, kind(v), fmt.Errorf("%w: want text", ErrInvalid))
	return ""
}

// number returns v, a number or a numeric string, as a float64.
func (r *reader) number(path string, v any) float64 {
	var s string
	switch n := v.(type) {
	case json.Number:
		s = string(n)
	case string:
		s = strings.TrimSpace(n)
	default:
		r.fail(path, kind(v), fmt.Errorf("%w: want a number", ErrInvalid))
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		r.fail(path, s, fmt.Errorf("%w: want a number", ErrInvalid))
	}
	return f
}

// date returns v, an ISO 8601 date or date and time, as a time.
func (r *reader) date(path string, v any) time.Time {
	s := r.text(path, v, false)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	r.fail(path, s, fmt.Errorf("%w: want a date such as 2024-06-12, or a date and time", ErrInvalid))
	return time.Time{}
}

// first returns the first item of an array, or v itself.
func first(v any) any {
	if list, ok := v.([]any); ok {
		if len(list) == 0 {
			return nil
		}
		return list[0]
	}
	return v
}

// hasType reports whether a node's @type names t, in any of the forms
// schema.org types are written in.
func hasType(obj map[string]any, t string) bool {
	var types []any
	switch v := obj["@type"].(type) {
	case string:
		types = []any{v}
	case []any:
		types = v
	}
	for _, tv := range types {
		s, _ := tv.(string)
		for _, p := range []string{"https://schema.org/", "http://schema.org/", "schema:"} {
			s = strings.TrimPrefix(s, p)
		}
		if s == t {
			return true
		}
	}
	return false
}

// kind returns a JSON value as an error quotes it.
func kind(v any) string {
	switch x := v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case nil:
		return "null"
	case string:
		return x
	case json.Number:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}
