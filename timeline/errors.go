package timeline

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped by [Error]; test for them with [errors.Is].
var (
	// ErrUnknownName reports an enum name that is not one of the valid
	// names; the wrapping error lists them.
	ErrUnknownName = errors.New("unknown name")
	// ErrInvalid reports an out-of-range enum value.
	ErrInvalid = errors.New("invalid value")
	// ErrUnknownClaim reports a query for a claim the timeline does not hold.
	ErrUnknownClaim = errors.New("unknown claim")
	// ErrUnknownArticle reports a query for an article the timeline does not hold.
	ErrUnknownArticle = errors.New("unknown article")
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
