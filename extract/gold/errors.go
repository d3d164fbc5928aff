package gold

import (
	"errors"
	"fmt"
	"strings"

	"github.com/claimtrail/claimtrail/source"
)

// The sentinels an [*Error] wraps; test for them with [errors.Is].
var (
	// ErrGold reports a gold file or manifest that does not hold together:
	// a context that is not in the text once, a span not in its context, a
	// missing field, an entry given twice.
	ErrGold = errors.New("invalid annotation")
	// ErrText reports an article text that is missing or is not the text
	// the manifest describes.
	ErrText = errors.New("article text missing or changed")
)

// Error reports one problem with a gold file or manifest. File is the
// file's path, empty when the data came from [Decode] or [DecodeOffsets]
// rather than a file; Field is a path such as "attributions[3].cue",
// empty for the file as a whole; Value is the offending value as text,
// excerpted as [source.Excerpt] does. Err wraps [ErrGold] or [ErrText],
// so that errors.Is(err, ErrGold) and errors.As(err, &ge) both work.
type Error struct {
	File  string
	Field string
	Value string
	Err   error
}

// Error returns "gold: FILE: FIELD "VALUE": REASON", leaving out the file
// and the field when they are empty.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("gold: ")
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "%s %q: ", e.Field, e.Value)
	}
	fmt.Fprint(&b, e.Err)
	return b.String()
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// invalid returns the error for field's value, wrapping ErrGold with the
// reason format gives.
func invalid(field, value, format string, args ...any) *Error {
	return &Error{Field: field, Value: source.Excerpt(value), Err: fmt.Errorf("%w: "+format, append([]any{ErrGold}, args...)...)}
}

// in returns err with its field under prefix and its file set to file,
// when err is an *Error; other errors are wrapped in one, on ErrGold.
func in(file, prefix string, err error) error {
	var ge *Error
	if !errors.As(err, &ge) {
		return &Error{File: file, Field: prefix, Err: fmt.Errorf("%w: %w", ErrGold, err)}
	}
	out := *ge
	if file != "" {
		out.File = file
	}
	switch {
	case prefix == "":
	case out.Field == "":
		out.Field = prefix
	default:
		out.Field = prefix + "." + out.Field
	}
	return &out
}
