package story

import (
	"errors"
	"fmt"
	"time"

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
	// ErrTooLarge is [claim.ErrTooLarge]: an article text longer than
	// Options.MaxArticleBytes.
	ErrTooLarge = claim.ErrTooLarge
	// ErrUnknownStatement reports a reference to a statement the story
	// does not hold.
	ErrUnknownStatement = errors.New("unknown statement")
	// ErrRejected reports a use of a source or candidate that a decision
	// rejected.
	ErrRejected = errors.New("rejected")
	// ErrSyntax reports a line of a decisions file that is not a JSON object
	// of a decision.
	ErrSyntax = errors.New("malformed decision")
	// ErrConflict reports a write refused because another writer changed
	// the story first: a Store.Append whose head is not the story's, or a
	// decision on something decided by someone else after the decider
	// last saw the story (see [DecidedError]).
	ErrConflict = errors.New("changed meanwhile by another writer")
	// ErrDependent reports an undo refused because a later decision
	// depends on the decision it would take back (accepts a candidate
	// onto a claim it created, say): undo that one first.
	ErrDependent = errors.New("a later decision depends on it")
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

// DependentError is the error of an undo that Story.Apply refuses because
// a later decision depends on the decision it would take back: without
// it, Later would fail, find nothing to decide, or apply differently (a
// statement with another speaker, a source accepted with another ID,
// name, kind, identity, parent or investigator mark, a source merged into
// another). Reason says which. Undo Later first, or leave both. It wraps
// [ErrDependent].
type DependentError struct {
	// Undoes is the Seq of the decision the refused undo would take back.
	Undoes int64
	// Later is the decision that depends on it, with its Seq.
	Later Decision
	// Reason says how Later depends on it.
	Reason string
}

// Error names the later decision and says how it depends on the one the
// undo would take back.
func (e *DependentError) Error() string {
	return fmt.Sprintf("decision %d (%s) %s; undo that first: %v", e.Later.Seq, e.Later.Kind, e.Reason, ErrDependent)
}

// Unwrap returns ErrDependent.
func (e *DependentError) Unwrap() error { return ErrDependent }

// DecidedError is the error of a decision that Story.Apply refuses because
// what it decides (a candidate's key, a proposed source, a claim's wording,
// an article's reprint) was decided after the head the decider saw, by a
// decision made elsewhere: Decided is that decision, with its Seq in the
// log, its By and its At. It wraps [ErrConflict].
type DecidedError struct {
	// Target names what both decisions decide: `key "a1#12:0a1b2c3d"`,
	// `source "new:x@a1"`, `claim "c1"` or `reprint of article "a2"`.
	Target string
	// Seen is the head the refused decision was made against.
	Seen int64
	// Decided is the decision made elsewhere.
	Decided Decision
}

// Error says what was decided, by whom and when.
func (e *DecidedError) Error() string {
	by := e.Decided.By
	if by == "" {
		by = "someone"
	}
	when := ""
	if !e.Decided.At.IsZero() {
		when = " at " + e.Decided.At.UTC().Format(time.RFC3339)
	}
	return fmt.Sprintf("story: %s was decided (%s) by %s%s, decision %d, after head %d that this decision was made against: %v",
		e.Target, e.Decided.Kind, by, when, e.Decided.Seq, e.Seen, ErrConflict)
}

// Unwrap returns ErrConflict.
func (e *DecidedError) Unwrap() error { return ErrConflict }
