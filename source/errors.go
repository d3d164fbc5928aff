package source

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
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
// path such as "sources[3].parent"; Value is the offending value as text,
// or for a value longer than 64 runes an excerpt of it: its first 64 runes,
// "…" and its length, as in "Lorem ipsum… (104857600 bytes)", so that a
// huge value is never copied into an error.
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
	return &FieldError{Field: field, Value: Excerpt(value), Err: err}
}

// enumErr is the error of this package's enum types, for enumtext.
func enumErr(field, value string, err error) error { return fieldErr(field, value, err) }

// excerptRunes is how many runes of a value an error quotes.
const excerptRunes = 64

// Excerpt returns v as a [FieldError] quotes it: v itself when it has at
// most 64 runes, else its first 64 runes followed by "…" and its length in
// bytes, "Lorem ipsum… (104857600 bytes)". The excerpt is a copy, so an
// error that holds it does not keep v in memory. It takes time linear in
// the excerpt, not in v. Invalid UTF-8 counts a byte as a rune and is
// kept as it is.
func Excerpt(v string) string {
	i := 0
	for range excerptRunes {
		if i >= len(v) {
			return v
		}
		_, size := utf8.DecodeRuneInString(v[i:])
		i += size
	}
	if i >= len(v) {
		return v
	}
	return strings.Clone(v[:i]) + "… (" + strconv.Itoa(len(v)) + " bytes)"
}

// MaxProblems is how many problems an error from [NewRegistry] lists in
// full; package claim's Decode and Validate keep to it too. The problems
// after those are not built, only counted by kind, and the error ends
// with one [*MoreError] that gives the counts.
const MaxProblems = 100

// MoreError stands for the problems an error leaves out after the first
// [MaxProblems]: how many there are of each kind. It is the last of the
// errors joined, so that the error a million problems give is as short as
// the one a hundred give.
//
// Its Unwrap returns the sentinels of the problems left out, so that
// errors.Is(err, [ErrCycle]) reports a cycle among them too.
type MoreError struct {
	// Kinds counts the problems left out by the sentinel they wrap, in
	// the order the kinds were first met. Err is nil for problems that
	// wrap no sentinel of the package.
	Kinds []KindCount
}

// KindCount is how many problems of one kind a [MoreError] leaves out.
type KindCount struct {
	Err   error
	Count int
}

// Len returns the number of problems left out.
func (e *MoreError) Len() int {
	n := 0
	for _, k := range e.Kinds {
		n += k.Count
	}
	return n
}

// Error returns "and N more problems: K unknown claim, L duplicate id". It
// has no package prefix: it ends a list of problems, which may come from
// either package.
func (e *MoreError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "and %d more problems:", e.Len())
	for i, k := range e.Kinds {
		if i > 0 {
			b.WriteByte(',')
		}
		name := "other"
		if k.Err != nil {
			name = k.Err.Error()
		}
		fmt.Fprintf(&b, " %d %s", k.Count, name)
	}
	return b.String()
}

// Unwrap returns the sentinels of the problems left out.
func (e *MoreError) Unwrap() []error {
	out := make([]error, 0, len(e.Kinds))
	for _, k := range e.Kinds {
		if k.Err != nil {
			out = append(out, k.Err)
		}
	}
	return out
}

// problems collects the problems of one call: the first [MaxProblems] in
// full, and then only their number by kind.
type problems struct {
	errs  []error
	kinds []error // the sentinels to count by, most specific first
	more  MoreError
}

// full reports whether the next problem is only counted.
func (p *problems) full() bool { return len(p.errs) >= MaxProblems }

// add records each error given, merging the counts of a *MoreError.
func (p *problems) add(errs ...error) {
	for _, err := range errs {
		var more *MoreError
		isMore := errors.As(err, &more)
		switch {
		case isMore:
			for _, k := range more.Kinds {
				p.count(k.Err, k.Count)
			}
		case p.full():
			p.count(p.kindOf(err), 1)
		default:
			p.errs = append(p.errs, err)
		}
	}
}

// kindOf returns the first of p.kinds that err wraps, or nil.
func (p *problems) kindOf(err error) error {
	for _, k := range p.kinds {
		if errors.Is(err, k) {
			return k
		}
	}
	return nil
}

func (p *problems) count(kind error, n int) {
	for i := range p.more.Kinds {
		if errors.Is(p.more.Kinds[i].Err, kind) {
			p.more.Kinds[i].Count += n
			return
		}
	}
	p.more.Kinds = append(p.more.Kinds, KindCount{Err: kind, Count: n})
}

// err joins the problems, nil when there were none.
func (p *problems) err() error {
	if len(p.more.Kinds) > 0 {
		more := p.more
		return errors.Join(append(p.errs, &more)...)
	}
	return errors.Join(p.errs...)
}

// sentinels are the kinds package source counts problems by.
var sentinels = []error{ErrEmpty, ErrInvalidUTF8, ErrUnknownName, ErrDuplicateID, ErrUnknownSource, ErrUnknownArticle, ErrCycle, ErrAliasConflict, ErrInvalid}
