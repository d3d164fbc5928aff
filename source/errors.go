package source

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped by [FieldError]; test for them with [errors.Is].
// Package claim declares the same values under the same names (its
// ErrDuplicateID is ErrDuplicateID), so that one errors.Is test matches a
// problem whichever package reports it.
var (
	// ErrEmpty reports a required text field that is empty.
	ErrEmpty = errors.New("required field is empty")
	// ErrInvalidUTF8 reports text that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrUnknownName reports an enum name that is not one of the valid names;
	// the wrapping error lists them.
	ErrUnknownName = errors.New("unknown name")
	// ErrDuplicateID reports an ID declared twice.
	ErrDuplicateID = errors.New("duplicate id")
	// ErrUnknownSource reports a reference to a source the registry does not hold.
	ErrUnknownSource = errors.New("unknown source")
	// ErrUnknownArticle reports a reference to an article the registry does not hold.
	ErrUnknownArticle = errors.New("unknown article")
	// ErrCycle reports an affiliation or reprint chain that loops back on
	// itself (package claim also uses it for claim relations that do).
	ErrCycle = errors.New("cycle")
	// ErrAliasConflict reports an alias (or name) that two sources claim.
	ErrAliasConflict = errors.New("alias claimed by two sources")
	// ErrInvalid reports a value that breaks a rule other than the ones above;
	// the wrapping error says which.
	ErrInvalid = errors.New("invalid value")
)

// FieldError reports one problem with one field of one record. Field is a
// path such as "sources[3].parent"; Value is the offending value as text.
// Err wraps one of the package's sentinel errors, so that
// errors.Is(err, [ErrCycle]) and errors.As(err, &fe) both work.
type FieldError struct {
	Field string
	Value string
	Err   error
}

// Error returns "source: FIELD "VALUE": REASON".
func (e *FieldError) Error() string {
	return fmt.Sprintf("source: %s %q: %v", e.Field, e.Value, e.Err)
}

// Unwrap returns the wrapped error.
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field, value string, err error) *FieldError {
	return &FieldError{Field: field, Value: value, Err: err}
}
