package timeline

import (
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Sentinel errors wrapped by [Error]; test for them with [errors.Is]. Those
// that name the same problem as a sentinel of package claim or source are
// the same value, so that one errors.Is test covers every package.
var (
	// ErrUnknownName reports an enum name that is not one of the valid
	// names; the wrapping error lists them. It is [source.ErrUnknownName].
	ErrUnknownName = source.ErrUnknownName
	// ErrInvalid reports an out-of-range value or an unusable argument. It
	// is [source.ErrInvalid].
	ErrInvalid = source.ErrInvalid
	// ErrUnknownClaim reports a query for a claim the timeline does not
	// hold. It is [claim.ErrUnknownClaim].
	ErrUnknownClaim = claim.ErrUnknownClaim
	// ErrUnknownSource reports a query for a source the timeline does not
	// hold. It is [source.ErrUnknownSource].
	ErrUnknownSource = source.ErrUnknownSource
	// ErrUnknownArticle reports a query for an article the timeline does not
	// hold. It is [source.ErrUnknownArticle].
	ErrUnknownArticle = source.ErrUnknownArticle
	// ErrWindow reports a time window whose end is before its start.
	ErrWindow = errors.New("window ends before it starts")
)

// Error reports a problem with one field or argument, such as an unknown
// status name or a query for a missing claim. Err wraps one of the package's
// sentinel errors.
type Error struct {
	Field string
	Value string
	Err   error
}

// Error returns "timeline: FIELD "VALUE": REASON".
func (e *Error) Error() string { return fmt.Sprintf("timeline: %s %q: %v", e.Field, e.Value, e.Err) }

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// enumErr is the error of this package's enum types, for enumtext.
func enumErr(field, value string, err error) error {
	return &Error{Field: field, Value: source.Excerpt(value), Err: err}
}
