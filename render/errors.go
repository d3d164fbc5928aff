package render

import (
	"fmt"

	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// Sentinel errors wrapped by Error; test for them with errors.Is. They are
// the values of package timeline and source, so that one errors.Is test
// covers every package.
var (
	// ErrUnknownClaim reports a picture asked for a claim the timeline does
	// not hold. It is [timeline.ErrUnknownClaim].
	ErrUnknownClaim = timeline.ErrUnknownClaim
	// ErrInvalid reports an unusable argument or option: a nil timeline, an
	// article link that is not an http, https or relative URL, an id prefix
	// that cannot be an XML id. It is [source.ErrInvalid].
	ErrInvalid = source.ErrInvalid
)

// Error reports a problem with one argument or option, such as an unknown
// claim or an article link with a javascript: scheme. Err wraps one of the
// package's sentinel errors.
type Error struct {
	Field string
	Value string
	Err   error
}

// Error returns "render: FIELD "VALUE": REASON".
func (e *Error) Error() string {
	return fmt.Sprintf("render: %s %q: %v", e.Field, e.Value, e.Err)
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// invalid returns an *Error on field wrapping ErrInvalid with the reason.
func invalid(field, value, reason string) error {
	return &Error{Field: field, Value: source.Excerpt(value), Err: fmt.Errorf("%s: %w", reason, ErrInvalid)}
}

// errNilTimeline is returned for a nil timeline.
var errNilTimeline = &Error{Field: "timeline", Value: "nil", Err: fmt.Errorf("no timeline to draw: %w", ErrInvalid)}
