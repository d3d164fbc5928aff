package jsonl

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/internal/jsonwalk"
	"github.com/claimtrail/claimtrail/source"
)

// diagnose finds, for a line that failed to decode, the first problem and
// where it lies: it walks the line's tokens against the Go type of the
// record, as encoding/json would decode them, keeping the path. Decoding
// takes the fast path; this slower walk runs only for lines that fail.
// t is TypeUnknown when the record's type is not known yet.
func diagnose(line []byte, n int, t Type) *Error {
	if at := loneSurrogateAt(line); at >= 0 && utf8.Valid(line) {
		return &Error{Line: n, Column: at + 1, Err: fmt.Errorf("%w: an escaped UTF-16 surrogate without its pair", ErrInvalidUTF8)}
	}
	w := newWalker(line, n)
	if e := w.record(t); e != nil {
		return e
	}
	if !utf8.Valid(line) {
		at := jsonwalk.InvalidAt(line)
		return &Error{Line: n, Column: at + 1, Err: ErrInvalidUTF8}
	}
	if _, err := w.w.Token(); err == nil || w.w.Offset() < int64(len(line)) {
		return &Error{Line: n, Column: int(w.w.Offset()) + 1, Err: fmt.Errorf("%w: data after the object", ErrSyntax)}
	}
	// Not reached for what encoding/json rejects; kept so that a problem
	// is never lost.
	return &Error{Line: n, Err: fmt.Errorf("%w: the line does not decode", ErrInvalid)}
}

// walker walks one line's tokens with package jsonwalk, keeping the
// first problem it finds.
type walker struct {
	w     *jsonwalk.Walker
	line  []byte
	n     int
	first *Error
}

func newWalker(line []byte, n int) *walker {
	w := &walker{line: line, n: n}
	w.w = jsonwalk.New(line, jsonwalk.Options{Duplicates: true, CheckUTF8: true, NullAnywhere: true, WantTime: "a time as a string", WantInt: "an integer"}, w.report)
	return w
}

// duplicateMember reports the first member given twice in one object of a
// line that decoded, or nil. encoding/json keeps the last of the two
// silently. A scan of member names ([mayRepeatMember]) clears almost every
// line; the walk that finds the member and its path runs only for a line
// that scan cannot clear.
func duplicateMember(line []byte, n int, t Type) *Error {
	if !mayRepeatMember(line) {
		return nil
	}
	return newWalker(line, n).record(t)
}

// report keeps the first problem as an *Error and stops the walk.
func (w *walker) report(p jsonwalk.Problem) bool {
	w.first = w.problem(p)
	return w.first == nil
}

// problem returns the *Error for a problem the walk found, nil for one
// that is none here.
func (w *walker) problem(p jsonwalk.Problem) *Error {
	switch p.Kind {
	case jsonwalk.Unknown:
		return lineErr(w.n, memberPath(p.Path, p.Key), p.Key, ErrUnknownField)
	case jsonwalk.WrongKind:
		return lineErr(w.n, p.Path, jsonwalk.ValueOf(p.Tok), fmt.Errorf("%w: want %s, got %s", ErrInvalid, p.Want, jsonwalk.KindName(p.Tok)))
	case jsonwalk.BadUTF8:
		if p.InName {
			return &Error{Line: w.n, Column: p.Offset + 1, Value: excerptValid(p.Value), Err: fmt.Errorf("%w in a member name", ErrInvalidUTF8)}
		}
		return &Error{Line: w.n, Column: p.Offset + 1, Field: p.Path, Value: excerptValid(p.Value), Err: ErrInvalidUTF8}
	case jsonwalk.BadTime:
		return lineErr(w.n, p.Path, p.Value, fmt.Errorf("%w: not an RFC 3339 time or a date", ErrInvalid))
	case jsonwalk.BadText:
		return lineErr(w.n, p.Path, p.Value, p.Err)
	case jsonwalk.BadInt:
		return lineErr(w.n, p.Path, p.Value, fmt.Errorf("%w: want an integer of %d bits", ErrInvalid, p.Bits))
	case jsonwalk.BadUint:
		return lineErr(w.n, p.Path, p.Value, fmt.Errorf("%w: want a non-negative integer of %d bits", ErrInvalid, p.Bits))
	case jsonwalk.Duplicate:
		return lineErr(w.n, memberPath(p.Path, p.Key), p.Key, ErrDuplicateKey)
	case jsonwalk.Null, jsonwalk.ZeroTime:
		// encoding/json decodes null and the zero time as they are.
	}
	return nil
}

// memberPath returns the path of the member key of the object at path.
// The key comes from the file and goes into an error people read on a
// terminal: shortened, and quoted when it holds anything that does not
// print plainly, such as an escape sequence that would clear the screen.
func memberPath(path, key string) string {
	return path + "." + display.Safe(source.Excerpt(key))
}

// fail returns the *Error for the error that ended a walk.
func (w *walker) fail(err error) *Error {
	if errors.Is(err, jsonwalk.ErrStop) {
		return w.first
	}
	var se *jsonwalk.SyntaxError
	if !errors.As(err, &se) {
		return &Error{Line: w.n, Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
	}
	col := int(se.Offset) + 1
	var syn *json.SyntaxError
	if errors.As(se.Err, &syn) {
		col = max(int(syn.Offset), 1)
	}
	return &Error{Line: w.n, Column: col, Err: fmt.Errorf("%w: %w", ErrSyntax, se.Err)}
}

// record walks the line's object: its "type" member, and the members of
// the record type it names.
func (w *walker) record(t Type) *Error {
	tok, err := w.w.Token()
	if err != nil {
		return w.fail(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return &Error{Line: w.n, Column: 1, Err: fmt.Errorf("%w: a line must hold one object, not %s", ErrSyntax, jsonwalk.ValueOf(tok))}
	}
	if t == TypeUnknown {
		// Find the type first: it may come after other members.
		var probe struct {
			Type json.RawMessage `json:"type"`
		}
		if err := json.Unmarshal(w.line, &probe); err == nil {
			var name string
			if json.Unmarshal(probe.Type, &name) == nil {
				t, _ = ParseType(name)
			}
		}
	}
	prefix := t.String()
	var fields map[string]jsonwalk.Field
	if t != TypeUnknown {
		fields = w.w.Fields(recordTypes[t])
	}
	seen := map[string]bool{}
	for w.w.More() {
		key, _, err := w.w.Key(prefix)
		if err != nil {
			return w.fail(err)
		}
		if e := w.once(seen, prefix, key, fields); e != nil {
			return e
		}
		if key == "type" {
			named, e := w.typeValue(t)
			if e != nil {
				return e
			}
			if t == TypeUnknown {
				// The members before it were skipped unchecked.
				t, prefix, fields = named, named.String(), w.w.Fields(recordTypes[named])
			}
			continue
		}
		if t == TypeUnknown {
			if err := w.w.Skip(); err != nil {
				return w.fail(err)
			}
			continue
		}
		f, ok := w.w.Lookup(fields, key)
		if !ok {
			return lineErr(w.n, memberPath(prefix, key), key, ErrUnknownField)
		}
		if err := w.w.Value(f.Type, prefix+"."+f.Name, true); err != nil {
			return w.fail(err)
		}
	}
	if _, err := w.w.Token(); err != nil { // the closing brace
		return w.fail(err)
	}
	if t == TypeUnknown {
		return &Error{Line: w.n, Field: "type", Err: fmt.Errorf("%w: the line has no \"type\" member naming one of format, source, article, claim, statement", ErrUnknownType)}
	}
	return nil
}

// once reports a member of the record's object whose field an earlier
// member filled, however spelled; seen holds the fields filled so far.
// Before the type is known, only "type" itself is told apart.
func (w *walker) once(seen map[string]bool, prefix, key string, fields map[string]jsonwalk.Field) *Error {
	name := key
	if strings.EqualFold(key, "type") {
		name = "type"
	} else if f, ok := w.w.Lookup(fields, key); ok {
		name = f.Name
	} else if fields == nil {
		return nil
	}
	if seen[name] {
		return lineErr(w.n, memberPath(prefix, key), key, ErrDuplicateKey)
	}
	seen[name] = true
	return nil
}

// typeValue reads the "type" member's value and returns the type it
// names.
func (w *walker) typeValue(t Type) (Type, *Error) {
	tok, err := w.w.Token()
	if err != nil {
		return TypeUnknown, w.fail(err)
	}
	s, ok := tok.(string)
	if !ok {
		if d, isDelim := tok.(json.Delim); isDelim && (d == '{' || d == '[') {
			_ = w.w.SkipRest() // the problem is the kind; what follows is not read
		}
		return TypeUnknown, lineErr(w.n, "type", jsonwalk.ValueOf(tok), fmt.Errorf("%w: want a string", ErrUnknownType))
	}
	named, err := ParseType(s)
	if err != nil || !named.IsValid() || t != TypeUnknown && named != t {
		return TypeUnknown, lineErr(w.n, "type", s, fmt.Errorf("%w (valid: format, source, article, claim, statement)", ErrUnknownType))
	}
	return named, nil
}

// excerptValid returns s as an error quotes it, with invalid bytes
// already replaced by U+FFFD.
func excerptValid(s string) string {
	return strings.ToValidUTF8(lineErr(0, "", s, nil).Value, "\uFFFD")
}
