// Package enumtext holds the one text contract every small enum type of
// claimtrail keeps, written once and generic over the type, so that each
// type's String, IsValid, MarshalText, UnmarshalText and Parse are
// one-line calls into an [Enum].
//
// The contract, for an enum type T whose values are 0 to n-1:
//
//   - Every value 0 to n-1 has one canonical name, which String returns and
//     MarshalText writes. An out-of-range value String-s as "T(42)" and
//     fails to marshal with an error wrapping the package's ErrInvalid, so
//     nothing is written that cannot be read back.
//   - Parse reads a canonical name or one of the type's documented
//     alternatives, ignoring case and surrounding space. The empty string
//     reads as the zero value, as an omitted JSON field does. Anything else
//     fails with an error wrapping the package's ErrUnknownName that quotes
//     the input and lists the canonical names of the valid values.
//   - The zero value is the type's first constant. Either it means
//     something (a Polarity of underspecified, a Role of subject) and
//     IsValid reports true for it, or it is a placeholder named "unknown"
//     that IsValid reports false for. Either way it marshals to its name and
//     reads back, so a zero field round-trips through JSON; a check such as
//     a corpus's Validate rejects a placeholder where a value is required.
//   - UnmarshalText parses as Parse does and, when it fails, leaves the
//     receiver as it was.
package enumtext

import (
	"fmt"
	"strings"
)

// Enum is the text form of one enum type T. It is built once per type, at
// package initialisation, and is safe for concurrent use: nothing changes
// it after [New].
type Enum[T ~uint8] struct {
	c     Config[T]
	valid string // the valid names, for the error of an unknown name
}

// Config describes an enum type to [New].
type Config[T ~uint8] struct {
	// Type is the Go type's name, such as "Act", for the String of an
	// out-of-range value: "Act(42)".
	Type string
	// Field names the value in errors, such as "act".
	Field string
	// Names holds the canonical name of each value, indexed by value.
	Names []string
	// UnknownZero says that the zero value is a placeholder that IsValid
	// reports false for.
	UnknownZero bool
	// Alternatives maps other names Parse accepts, in lower case, to their
	// values. MarshalText never writes them.
	Alternatives map[string]T
	// Err builds the package's error for a problem with value: Err wraps
	// ErrUnknownName or ErrInvalid.
	Err func(field, value string, err error) error
	// ErrUnknownName and ErrInvalid are the package's sentinels.
	ErrUnknownName, ErrInvalid error
}

// New returns the Enum c describes. It panics if c lists no names or more
// than 256, or an alternative that is not in lower case or is also a
// canonical name: those are
// mistakes in the package that declares the type, caught when it is
// initialised.
func New[T ~uint8](c Config[T]) *Enum[T] {
	if len(c.Names) == 0 || len(c.Names) > 256 || c.Err == nil {
		panic("enumtext: bad config for " + c.Type)
	}
	var valid []string
	for i, n := range c.Names {
		if i == 0 && c.UnknownZero {
			continue
		}
		valid = append(valid, n)
	}
	for a := range c.Alternatives {
		if a != strings.ToLower(a) {
			panic("enumtext: alternative " + a + " of " + c.Type + " is not in lower case")
		}
		if _, ok := lookup(c.Names, a); ok {
			panic("enumtext: alternative " + a + " of " + c.Type + " is a canonical name")
		}
	}
	return &Enum[T]{c: c, valid: strings.Join(valid, ", ")}
}

// String returns v's canonical name, or "Type(v)" for an out-of-range
// value. It takes constant time.
func (e *Enum[T]) String(v T) string {
	if int(v) < len(e.c.Names) {
		return e.c.Names[v]
	}
	return fmt.Sprintf("%s(%d)", e.c.Type, uint8(v))
}

// IsValid reports whether v is one of the type's values other than an
// unknown placeholder zero.
func (e *Enum[T]) IsValid(v T) bool {
	return int(v) < len(e.c.Names) && (v != 0 || !e.c.UnknownZero)
}

// Marshal returns v's canonical name, or for an out-of-range value an
// error wrapping ErrInvalid.
func (e *Enum[T]) Marshal(v T) ([]byte, error) {
	if int(v) >= len(e.c.Names) {
		return nil, e.c.Err(e.c.Field, e.String(v), fmt.Errorf("%w: out of range (valid: %s)", e.c.ErrInvalid, e.valid))
	}
	return []byte(e.c.Names[v]), nil
}

// Parse returns the value s names, as the package documentation says. It
// takes time linear in len(s) and the number of names.
func (e *Enum[T]) Parse(s string) (T, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, nil
	}
	if i, ok := lookup(e.c.Names, t); ok {
		return T(i), nil
	}
	if len(e.c.Alternatives) > 0 {
		if v, ok := e.c.Alternatives[strings.ToLower(t)]; ok {
			return v, nil
		}
	}
	return 0, e.c.Err(e.c.Field, s, fmt.Errorf("%w (valid: %s)", e.c.ErrUnknownName, e.valid))
}

// Unmarshal parses b as [Enum.Parse] does and stores the value in *p; on
// error *p is left as it was.
func (e *Enum[T]) Unmarshal(p *T, b []byte) error {
	v, err := e.Parse(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Lookup returns the value whose canonical name is s, ignoring case and
// surrounding space, without alternatives and without reading the empty
// string as the zero value.
func (e *Enum[T]) Lookup(s string) (T, bool) {
	i, ok := lookup(e.c.Names, strings.TrimSpace(s))
	return T(i), ok
}

// Len returns the number of values, the zero value included.
func (e *Enum[T]) Len() int { return len(e.c.Names) }

func lookup(names []string, s string) (int, bool) {
	for i, n := range names {
		if strings.EqualFold(n, s) {
			return i, true
		}
	}
	return 0, false
}
