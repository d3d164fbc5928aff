package review

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Review is one fact-checker's verdict on one claim. The zero Review is
// invalid: Claim, Reviewer.Name, Rating.Name and URL are required. It is a
// plain value, safe to copy and for concurrent reads.
type Review struct {
	// Claim is the claim reviewed.
	Claim claim.ID `json:"claim"`
	// ClaimReviewed is the reviewer's short summary of the claim, as
	// schema.org's claimReviewed; empty means the claim's own text.
	ClaimReviewed string `json:"claim_reviewed,omitempty"`
	// Reviewer is who published the verdict.
	Reviewer Reviewer `json:"reviewer"`
	// Rating is the verdict.
	Rating Rating `json:"rating"`
	// URL is the page of the fact check, an absolute http or https URL.
	URL string `json:"url"`
	// Published is when the fact check was published; zero when not known.
	Published time.Time `json:"published,omitzero"`
}

// Reviewer is the person or organisation that published a review.
type Reviewer struct {
	// Name is the reviewer's name: "Full Fact", "Jane Doe".
	Name string `json:"name"`
	// URL is the reviewer's home page, when known.
	URL string `json:"url,omitempty"`
	// Person reports that the reviewer is a person rather than an
	// organisation.
	Person bool `json:"person,omitempty"`
}

// Rating is a verdict: its name in words, as the reviewer wrote it
// ("False", "Mostly true", "Misleading"), and, on a numeric scale, its
// value between the worst and the best.
type Rating struct {
	// Name is the verdict in words; required.
	Name string `json:"name"`
	// Numeric reports that Value, Best and Worst are given.
	Numeric bool `json:"numeric,omitempty"`
	// Value is the verdict on the scale from Worst to Best.
	Value float64 `json:"value,omitempty"`
	// Best and Worst bound the scale: 5 and 1 for "true" to "false".
	Best  float64 `json:"best,omitempty"`
	Worst float64 `json:"worst,omitempty"`
}

// ErrInvalid is source.ErrInvalid: a value that breaks a rule; the
// [*FieldError] wrapping it names the field and says which.
var ErrInvalid = source.ErrInvalid

// FieldError reports one problem with one field of a review. Field is a
// path such as "rating.value" or, from [Check], "reviews[2].claim"; Value
// is the offending value, or an excerpt of it (source.Excerpt); Err wraps
// a sentinel of package source or claim (source.ErrEmpty,
// source.ErrInvalidUTF8, ErrInvalid, claim.ErrUnknownClaim), so that
// errors.Is and errors.As both work.
type FieldError struct {
	Field string
	Value string
	Err   error
}

// Error returns "review: FIELD "VALUE": REASON".
func (e *FieldError) Error() string { return fmt.Sprintf("review: %s %q: %v", e.Field, e.Value, e.Err) }

// Unwrap returns the wrapped error.
func (e *FieldError) Unwrap() error { return e.Err }

// Validate checks the review and reports every problem at once, each a
// [*FieldError] with its field ("rating.name") wrapping
// [source.ErrEmpty], [source.ErrInvalidUTF8] or [ErrInvalid]: a required
// field that is empty, text that is not UTF-8, a URL that is not absolute
// http or https, a numeric rating whose value lies outside its scale or
// whose scale is empty, and a publication time outside 0001-9999. It
// returns nil for a valid review and takes time linear in its size.
func (r Review) Validate() error {
	var errs []error
	text := func(field, v string, required bool) {
		switch {
		case !utf8.ValidString(v):
			errs = append(errs, fieldErr(field, v, source.ErrInvalidUTF8))
		case required && v == "":
			errs = append(errs, fieldErr(field, v, source.ErrEmpty))
		}
	}
	text("claim", string(r.Claim), true)
	text("claim_reviewed", r.ClaimReviewed, false)
	text("reviewer.name", r.Reviewer.Name, true)
	text("rating.name", r.Rating.Name, true)
	text("url", r.URL, true)
	if r.URL != "" && utf8.ValidString(r.URL) && !webURL(r.URL) {
		errs = append(errs, fieldErr("url", r.URL, fmt.Errorf("%w: not an absolute http or https URL", ErrInvalid)))
	}
	if r.Reviewer.URL != "" && (!utf8.ValidString(r.Reviewer.URL) || !webURL(r.Reviewer.URL)) {
		errs = append(errs, fieldErr("reviewer.url", r.Reviewer.URL, fmt.Errorf("%w: not an absolute http or https URL", ErrInvalid)))
	}
	if g := r.Rating; g.Numeric {
		for _, v := range []struct {
			field string
			v     float64
		}{{"rating.value", g.Value}, {"rating.best", g.Best}, {"rating.worst", g.Worst}} {
			if math.IsNaN(v.v) || math.IsInf(v.v, 0) {
				errs = append(errs, fieldErr(v.field, number(v.v), fmt.Errorf("%w: not a finite number", ErrInvalid)))
			}
		}
		switch {
		case g.Best == g.Worst:
			errs = append(errs, fieldErr("rating.best", number(g.Best), fmt.Errorf("%w: the scale's best and worst are the same", ErrInvalid)))
		case g.Value < min(g.Best, g.Worst) || g.Value > max(g.Best, g.Worst):
			errs = append(errs, fieldErr("rating.value", number(g.Value), fmt.Errorf("%w: outside the scale from %s to %s", ErrInvalid, number(g.Worst), number(g.Best))))
		}
	}
	if y := r.Published.UTC().Year(); !r.Published.IsZero() && (y < 1 || y > 9999) {
		errs = append(errs, fieldErr("published", r.Published.Format(time.RFC3339), fmt.Errorf("%w: outside the years 0001-9999", ErrInvalid)))
	}
	return errors.Join(errs...)
}

// Check validates each review and checks that the claim it names is in c.
// The fields of its problems are prefixed with the review's place in the
// list ("reviews[2].claim"); an unknown claim wraps claim.ErrUnknownClaim.
// It takes time linear in the size of the reviews and the number of
// claims.
func Check(reviews []Review, c *claim.Corpus) error {
	known := map[claim.ID]bool{}
	if c != nil {
		for _, cl := range c.Claims {
			known[cl.ID] = true
		}
	}
	var errs []error
	for i, r := range reviews {
		prefix := "reviews[" + strconv.Itoa(i) + "]."
		if err := r.Validate(); err != nil {
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var fe *FieldError
				if errors.As(e, &fe) {
					errs = append(errs, fieldErr(prefix+fe.Field, fe.Value, fe.Err))
				}
			}
		}
		if r.Claim != "" && !known[r.Claim] {
			errs = append(errs, fieldErr(prefix+"claim", string(r.Claim), claim.ErrUnknownClaim))
		}
	}
	return errors.Join(errs...)
}

func fieldErr(field, value string, err error) *FieldError {
	return &FieldError{Field: field, Value: source.Excerpt(value), Err: err}
}

func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// webURL reports whether s is an absolute http or https URL with a host.
func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
