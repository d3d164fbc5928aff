package claim

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"

	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/internal/jsonwalk"
	"github.com/claimtrail/claimtrail/source"
)

// scanDocument checks the JSON value at the start of data against t, the
// Go type it will be decoded into, before encoding/json decodes it, and
// returns the offset of its end. It reports what encoding/json would pass
// over silently or report without a path: unknown fields (encoding/json
// also matches field names in any case), keys given twice (encoding/json
// keeps the last), values of the wrong kind, and enum, date and time
// values that do not parse, each with its full path, such as
// "statements[3].mentions[0].span.start".
//
// A syntax error ends the scan and is returned alone; otherwise the
// problems found are returned joined, nil when there are none, capped as
// Validate caps them. With checkUTF8, a string holding invalid UTF-8 is a
// problem too, at the path of its field (or of its object, for a key), and
// bad counts them.
//
// The walk (package jsonwalk) takes time and memory linear in the input,
// so a document nested 100,000 deep is an error, not a stack overflow.
func scanDocument(data []byte, t reflect.Type, checkUTF8 bool) (end, bad int, err error) {
	p := newProblems()
	report := func(pr jsonwalk.Problem) bool {
		if pr.Kind == jsonwalk.BadUTF8 {
			bad++
		}
		if e := scanProblem(pr); e != nil {
			e.Line, e.Column = unplaced, pr.Offset+1
			p.add(e)
		}
		return true
	}
	w := jsonwalk.New(data, jsonwalk.Options{Exact: true, Duplicates: true, CheckUTF8: checkUTF8}, report)
	if err := w.Value(t, "", false); err != nil {
		return 0, bad, syntaxErr(err)
	}
	return int(w.Offset()), bad, p.err()
}

// scanProblem returns the *FieldError for a problem the walk found, nil
// for one that is none here.
func scanProblem(pr jsonwalk.Problem) *FieldError {
	path := pr.Path
	if path == "" {
		path = "corpus"
	}
	switch pr.Kind {
	case jsonwalk.Unknown:
		return fieldErr(path, pr.Key, ErrUnknownField)
	case jsonwalk.Duplicate:
		// The member itself is at fault, so the field is its path; the
		// value names the key, as for an unknown field. A key goes into
		// the path of an error, which people read on a terminal:
		// shortened, and quoted when it holds anything that does not
		// print plainly.
		return fieldErr(jsonwalk.Join(pr.Path, display.Safe(source.Excerpt(pr.Key))), pr.Key, ErrDuplicateKey)
	case jsonwalk.Null:
		return fieldErr(path, "null", fmt.Errorf("%w: want a value, got null", ErrInvalid))
	case jsonwalk.WrongKind:
		return fieldErr(path, jsonwalk.ValueOf(pr.Tok), fmt.Errorf("%w: want %s, got %s", ErrInvalid, pr.Want, jsonwalk.KindName(pr.Tok)))
	case jsonwalk.BadUTF8:
		return fieldErr(path, fmt.Sprintf("byte offset %d", pr.Offset), ErrInvalidUTF8)
	case jsonwalk.BadTime:
		// time's own message quotes layouts ("2006-01-02T15:04:05Z07:00")
		// that read as a date of 2006.
		reason := fmt.Errorf("%w: want an RFC 3339 time such as 2024-03-04T18:00:00Z, or a date such as 2024-03-04", ErrInvalid)
		if missing := missingDay(pr.Value); missing != nil {
			reason = missing
		}
		return fieldErr(path, pr.Value, reason)
	case jsonwalk.ZeroTime:
		if pr.Nullable {
			return nil
		}
		// Validation would see only the zero time.Time, and report a
		// missing value as "".
		return fieldErr(path, pr.Value, fmt.Errorf("%w: the zero time stands for no time; want the real one", ErrInvalid))
	case jsonwalk.BadText:
		return atPath(path, pr.Value, pr.Err)
	case jsonwalk.BadInt:
		return fieldErr(path, pr.Value, fmt.Errorf("%w: want a whole number that fits %d bits", ErrInvalid, pr.Bits))
	case jsonwalk.BadUint:
		return fieldErr(path, pr.Value, fmt.Errorf("%w: want a non-negative whole number that fits %d bits", ErrInvalid, pr.Bits))
	}
	return fieldErr(path, pr.Value, ErrInvalid) // no other kinds; kept so that a problem is never lost
}

// syntaxErr turns the error that ended a walk into a *FieldError at the
// byte where it occurred.
func syntaxErr(err error) error {
	var se *jsonwalk.SyntaxError
	if !errors.As(err, &se) {
		return fieldErr("corpus", "", fmt.Errorf("%w: %w", ErrInvalid, err))
	}
	err, at := se.Err, se.Offset
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		at = syn.Offset
	}
	return corpusErrAt(int(at), fmt.Sprintf("byte offset %d", at), fmt.Errorf("%w: %w", ErrInvalid, err))
}

// atPath returns err from an UnmarshalText call as a *FieldError at path,
// keeping its sentinel.
func atPath(path, value string, err error) *FieldError {
	var fe *FieldError
	var sfe *source.FieldError
	switch {
	case errors.As(err, &fe):
		return fieldErr(path, value, fe.Err)
	case errors.As(err, &sfe):
		return fieldErr(path, value, sfe.Err)
	}
	return fieldErr(path, value, fmt.Errorf("%w: %w", ErrInvalid, err))
}

// loneSurrogate returns the byte offset of the first \u escape in a JSON
// string that encodes half of a UTF-16 surrogate pair without the other
// half, or -1. encoding/json would silently decode it as U+FFFD.
func loneSurrogate(data []byte) int {
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case !inString:
			inString = c == '"'
		case c == '"':
			inString = false
		case c == '\\' && i+1 < len(data):
			if data[i+1] != 'u' {
				i++ // skip the escaped character
				continue
			}
			r, ok := hex4(data, i+2)
			if !ok {
				i++
				continue
			}
			switch {
			case r >= 0xD800 && r <= 0xDBFF:
				low, ok := hex4(data, i+8)
				if i+7 >= len(data) || data[i+6] != '\\' || data[i+7] != 'u' || !ok || low < 0xDC00 || low > 0xDFFF {
					return i
				}
				i += 11 // both escapes
			case r >= 0xDC00 && r <= 0xDFFF:
				return i
			default:
				i += 5
			}
		}
	}
	return -1
}

// hex4 reads four hex digits at data[i:i+4].
func hex4(data []byte, i int) (rune, bool) {
	if i < 0 || i+4 > len(data) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(data[i:i+4]), 16, 32)
	return rune(v), err == nil
}
