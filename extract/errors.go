package extract

import (
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail/source"
)

// ErrTooLarge reports a text longer than Options.MaxTextBytes, or one in
// which Extract found more attributions than Options.MaxCandidates.
var ErrTooLarge = errors.New("too large")

// ErrUnresolved reports a candidate whose speaker the extractor could not
// resolve to a source ("he" with nobody before it), accepted as a
// statement before a reviewer chose the source. The speaker is empty, so
// errors.Is(err, source.ErrEmpty) holds too; the message says why.
var ErrUnresolved error = unresolved{}

// unresolved is ErrUnresolved: an empty speaker, said in words that name
// the cause rather than "required field is empty".
type unresolved struct{}

func (unresolved) Error() string {
	return "an unresolved reference, not a name: choose the source it refers to"
}

// Is makes errors.Is(ErrUnresolved, source.ErrEmpty) hold.
func (unresolved) Is(target error) bool { return target == source.ErrEmpty }

// Error is the error this package returns: an argument or a candidate's
// field that is not usable (Field, such as "text" or "speaker"), its value
// as text, excerpted as [source.Excerpt] does, and what is wrong with it.
// Err wraps [ErrTooLarge], [ErrUnresolved] or one of the source package's sentinels
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
