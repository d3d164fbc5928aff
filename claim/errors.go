package claim

import (
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail/source"
)

// Sentinel errors wrapped by [FieldError]; test for them with [errors.Is].
//
// The sentinels both packages need are package source's own values, not
// copies: errors.Is(err, [ErrDuplicateID]) matches a duplicate claim and a
// duplicate source alike, whether [*FieldError] or, from package source's
// own functions, [*source.FieldError] reports it.
var (
	// ErrEmpty is [source.ErrEmpty]: a required text field that is empty.
	ErrEmpty = source.ErrEmpty
	// ErrInvalidUTF8 is [source.ErrInvalidUTF8]: text that is not valid UTF-8.
	ErrInvalidUTF8 = source.ErrInvalidUTF8
	// ErrUnknownName is [source.ErrUnknownName]: an enum name that is not one
	// of the valid names; the wrapping error lists them.
	ErrUnknownName = source.ErrUnknownName
	// ErrDuplicateID is [source.ErrDuplicateID]: an ID declared twice.
	ErrDuplicateID = source.ErrDuplicateID
	// ErrUnknownClaim reports a reference to a claim the corpus does not hold.
	ErrUnknownClaim = errors.New("unknown claim")
	// ErrUnknownSource is [source.ErrUnknownSource]: a reference to a source
	// the corpus does not hold.
	ErrUnknownSource = source.ErrUnknownSource
	// ErrUnknownArticle is [source.ErrUnknownArticle]: a reference to an
	// article the corpus does not hold.
	ErrUnknownArticle = source.ErrUnknownArticle
	// ErrCycle is [source.ErrCycle]: claim relations that loop back on
	// themselves, or a statement that reaches the reader through its own
	// source.
	ErrCycle = source.ErrCycle
	// ErrAliasConflict is [source.ErrAliasConflict]: a name or alias that
	// two sources of the corpus claim.
	ErrAliasConflict = source.ErrAliasConflict
	// ErrSpan reports a span outside its article's text, off a rune boundary,
	// or not matching its quote.
	ErrSpan = errors.New("span does not match the article")
	// ErrNotFound reports a quote that does not occur in a text.
	ErrNotFound = errors.New("quote not found")
	// ErrAmbiguous reports a quote that occurs more than once in a text, so
	// its place cannot be told without more context.
	ErrAmbiguous = errors.New("quote occurs more than once")
	// ErrDate reports a date or time phrase that cannot be parsed or
	// resolved, or a date that cannot be right: out of the years 0000-9999,
	// or a statement said after it was first reported.
	ErrDate = errors.New("invalid date")
	// ErrFactuality reports an act whose factuality contradicts it, such as a
	// denial that affirms.
	ErrFactuality = errors.New("factuality does not fit the act")
	// ErrUnknownField reports a JSON member that names no field of its
	// record (names are matched exactly, case included).
	ErrUnknownField = errors.New("unknown field")
	// ErrDuplicateKey reports a JSON member given twice in one object.
	ErrDuplicateKey = errors.New("key given twice")
	// ErrInvalid is [source.ErrInvalid]: a value that breaks a rule other
	// than the ones above; the wrapping error says which.
	ErrInvalid = source.ErrInvalid
)

// FieldError reports one problem with one field of one record. Field is a
// path such as "statements[4].mentions[0].span"; Value is the offending value
// as text, or for a value longer than 64 runes an excerpt of it, its first
// 64 runes, "…" and its length in bytes, as [source.Excerpt] makes it. Err wraps one of the package's sentinel errors, so that
// errors.Is(err, [ErrUnknownClaim]) and errors.As(err, &fe) both work.
//
// Line and Column place the problem in the document [Decode] or [Load]
// read, both counting from 1, Column in bytes (a byte-order mark
// included): where the value at fault starts, or the member at fault, or
// the byte a syntax error or invalid UTF-8 is found at. They are zero for
// a problem of no one place (an empty document) and for the problems
// [Corpus.Validate] reports of a corpus built in memory.
type FieldError struct {
	Field  string
	Value  string
	Err    error
	Line   int
	Column int
}

// Error returns "claim: FIELD "VALUE": REASON", or with a place in the
// document "claim: line L, column C: FIELD "VALUE": REASON".
func (e *FieldError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("claim: line %d, column %d: %s %q: %v", e.Line, e.Column, e.Field, e.Value, e.Err)
	}
	return fmt.Sprintf("claim: %s %q: %v", e.Field, e.Value, e.Err)
}

// Unwrap returns the wrapped error.
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field, value string, err error) *FieldError {
	return &FieldError{Field: field, Value: source.Excerpt(value), Err: err}
}

// corpusErrAt returns fieldErr's error on the field "corpus", the
// document as a whole, at byte offset at of the document. Until Decode
// places it, its Line is unplaced and its Column the offset plus one.
func corpusErrAt(at int, value string, err error) *FieldError {
	fe := fieldErr("corpus", value, err)
	fe.Line, fe.Column = unplaced, at+1
	return fe
}

// unplaced is the Line of a *FieldError whose Column holds its byte offset
// in the document plus one, until Decode turns it into a line and column.
const unplaced = -1

// unknownName returns the error for an enum name not in names.
func unknownName(field, value, valid string) *FieldError {
	return fieldErr(field, value, fmt.Errorf("%w (valid: %s)", ErrUnknownName, valid))
}

// enumErr is the error of this package's enum types, for enumtext.
func enumErr(field, value string, err error) error { return fieldErr(field, value, err) }
