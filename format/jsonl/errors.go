package jsonl

import (
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Sentinel errors wrapped by [Error]; test for them with errors.Is. The
// problems [Validate] reports wrap the sentinels of packages claim and
// source, such as claim.ErrUnknownClaim and source.ErrDuplicateID.
var (
	// ErrSyntax reports a line that is not one JSON object.
	ErrSyntax = errors.New("not a JSON object")
	// ErrUnknownType reports a line whose "type" member is missing or names
	// no record type.
	ErrUnknownType = errors.New("unknown record type")
	// ErrLineTooLong reports a line longer than [Options.MaxLine].
	ErrLineTooLong = errors.New("line too long")
	// ErrUnknownField is claim.ErrUnknownField: a member the record type
	// does not have.
	ErrUnknownField = claim.ErrUnknownField
	// ErrInvalid is claim.ErrInvalid: a value of the wrong kind, or one
	// that does not parse; the wrapping error says why.
	ErrInvalid = claim.ErrInvalid
	// ErrInvalidUTF8 is claim.ErrInvalidUTF8: a line that is not valid
	// UTF-8.
	ErrInvalidUTF8 = claim.ErrInvalidUTF8
	// ErrDuplicateKey is claim.ErrDuplicateKey: a member given twice in one
	// object, which would leave only one of its values.
	ErrDuplicateKey = claim.ErrDuplicateKey
)

// Error reports one problem on one line of a JSON Lines corpus. Line
// counts from 1; Column, when known (for syntax errors and invalid UTF-8),
// is the byte of the line where the problem starts, counting from 1.
// Field is the path of the member within the record, prefixed by the
// record's type, such as "statement.mentions[0].span.start", or "" for the
// line as a whole; Value is the offending value as text, or an excerpt of
// it (source.Excerpt). Err wraps a sentinel of this package or of packages
// claim and source, so that errors.Is and errors.As both work.
type Error struct {
	Line   int
	Column int
	Field  string
	Value  string
	Err    error
}

// Error returns "jsonl: line N: FIELD "VALUE": REASON", with the column
// after the line when known, without the field when there is none, and
// without the line for a problem found outside a file, such as
// [ParseType]'s.
func (e *Error) Error() string {
	at := fmt.Sprintf("jsonl: line %d", e.Line)
	if e.Line == 0 {
		at = "jsonl"
	}
	if e.Column > 0 {
		at += fmt.Sprintf(", column %d", e.Column)
	}
	if e.Field == "" && e.Value == "" {
		return fmt.Sprintf("%s: %v", at, e.Err)
	}
	return fmt.Sprintf("%s: %s %q: %v", at, e.Field, e.Value, e.Err)
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

func lineErr(line int, field, value string, err error) *Error {
	return &Error{Line: line, Field: field, Value: source.Excerpt(value), Err: err}
}
