package story

import (
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// The errors a story reports, for errors.Is. Those it shares with packages
// source and claim are their values, so one errors.Is test finds a problem
// whichever package reports it.
var (
	// ErrEmpty is [source.ErrEmpty]: a required field that is empty.
	ErrEmpty = source.ErrEmpty
	// ErrDuplicateID is [source.ErrDuplicateID]: an article, claim or
	// source ID the story already holds.
	ErrDuplicateID = source.ErrDuplicateID
	// ErrUnknownArticle is [source.ErrUnknownArticle].
	ErrUnknownArticle = source.ErrUnknownArticle
	// ErrUnknownSource is [source.ErrUnknownSource].
	ErrUnknownSource = source.ErrUnknownSource
	// ErrUnknownClaim is [claim.ErrUnknownClaim].
	ErrUnknownClaim = claim.ErrUnknownClaim
	// ErrUnknownName is [source.ErrUnknownName]: an enum name that is not
	// one of the valid names.
	ErrUnknownName = source.ErrUnknownName
	// ErrInvalid is [source.ErrInvalid]: a value that breaks a rule the
	// wrapping error names.
	ErrInvalid = source.ErrInvalid
	// ErrUnknownStatement reports a reference to a statement the story
	// does not hold.
	ErrUnknownStatement = errors.New("unknown statement")
	// ErrRejected reports a use of a source or candidate that a decision
	// rejected.
	ErrRejected = errors.New("rejected")
	// ErrSyntax reports a line of a decisions file that is not a JSON object
	// of a decision.
	ErrSyntax = errors.New("malformed decision")
)

// FieldError is a problem with one field of an input: an article given to
// Story.Add, a decision, a line of a decisions file. Field is a path such
// as "article.published" or "decisions[3].claim", Value the offending value
// (an excerpt of at most 64 runes, see [source.Excerpt]), and Err the
// sentinel or underlying error, for errors.Is and errors.As.
type FieldError struct {
	Field string
	Value string
	Err   error
}

// Error returns "story: FIELD "VALUE": REASON".
func (e *FieldError) Error() string {
	return fmt.Sprintf("story: %s %q: %v", e.Field, e.Value, e.Err)
}

// Unwrap returns the wrapped error.
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field, value string, err error) *FieldError {
	return &FieldError{Field: field, Value: source.Excerpt(value), Err: err}
}
