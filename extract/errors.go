package extract

import (
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail/source"
)

// ErrTooLarge reports a text longer than Options.MaxTextBytes, or one in
// which Extract found more attributions than Options.MaxCandidates.
var ErrTooLarge = errors.New("too large")

// Error is the error this package returns: an argument or a candidate's
// field that is not usable (Field, such as "text" or "speaker"), its value
// as text, excerpted as [source.Excerpt] does, and what is wrong with it.
// Err wraps [ErrTooLarge] or one of the source package's sentinels
// ([source.ErrInvalid], [source.ErrEmpty], [source.ErrUnknownName],
// [source.ErrInvalidUTF8]), so that errors.Is(err, source.ErrInvalidUTF8)
// and errors.As(err, &xe) both work.
type Error struct {
	Field string
	Value string
	Err   error
}

// Error returns `extract: FIELD "VALUE": REASON`.
func (e *Error) Error() string {
	return fmt.Sprintf("extract: %s %q: %v", e.Field, e.Value, e.Err)
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// fieldErr returns the error of field with value, excerpted.
func fieldErr(field, value string, err error) *Error {
	return &Error{Field: field, Value: source.Excerpt(value), Err: err}
}
