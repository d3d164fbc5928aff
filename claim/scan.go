package claim

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
)

// scanner walks a JSON document against the Go type it will be decoded
// into, before encoding/json decodes it, and reports what encoding/json
// would pass over silently or report without a path: unknown fields
// (encoding/json also matches field names in any case), keys given twice
// (encoding/json keeps the last), values of the wrong kind, and enum, date
// and time values that do not parse, each with its full path, such as
// "statements[3].mentions[0].span.start".
type scanner struct {
	dec    *json.Decoder
	p      *problems
	fields map[reflect.Type]map[string]jsonField // jsonFields of each struct type met

	// With checkUTF8, each string is checked for invalid UTF-8 in data,
	// and bad counts the strings that hold some.
	data      []byte
	checkUTF8 bool
	bad       int
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// scanDocument checks the JSON value at the start of data against t, and
// returns the offset of its end. A syntax error ends the scan and is
// returned alone; otherwise the problems found are returned joined, nil
// when there are none, capped as Validate caps them. With checkUTF8, a
// string holding invalid UTF-8 is a problem too, at the path of its field
// (or of its object, for a key), and bad counts them.
//
// The scan recurses only as deep as t's fields nest (a corpus's are five
// deep); deeper JSON is of the wrong kind or in an unknown field, which
// skip and skipRest walk with a counter. json.Decoder's own stack of open
// arrays and objects is linear in the input, so a document nested 100,000
// deep is an error, not a stack overflow.
func scanDocument(data []byte, t reflect.Type, checkUTF8 bool) (end, bad int, err error) {
	s := &scanner{
		dec: json.NewDecoder(bytes.NewReader(data)), p: newProblems(), fields: map[reflect.Type]map[string]jsonField{},
		data: data, checkUTF8: checkUTF8,
	}
	s.dec.UseNumber()
	if err := s.value(t, "corpus", true, false); err != nil {
		return 0, s.bad, err
	}
	return int(s.dec.InputOffset()), s.bad, s.p.err()
}

// token reads the next token. With checkUTF8, a string token holding
// invalid UTF-8 is recorded as a problem of the field at path whose value
// is the offset of the first invalid byte.
func (s *scanner) token(path string) (json.Token, error) {
	from := s.dec.InputOffset()
	tok, err := s.dec.Token()
	if _, ok := tok.(string); ok && err == nil && s.checkUTF8 {
		raw := s.data[from:s.dec.InputOffset()]
		if at := invalidAt(raw); at >= 0 {
			s.bad++
			s.p.add(fieldErr(path, fmt.Sprintf("byte offset %d", int(from)+at), ErrInvalidUTF8))
		}
	}
	return tok, err
}

var timeType = reflect.TypeFor[time.Time]()

// value reads one value of type t at path; nullable says that null may
// stand for it (an optional field or a list). Its error is a syntax or read
// error that ends the scan; problems with the value are collected.
func (s *scanner) value(t reflect.Type, path string, root, nullable bool) error {
	tok, err := s.token(path)
	if err != nil {
		return s.syntax(err)
	}
	if tok == nil && nullable {
		return nil // null leaves the zero value
	}
	if tok == nil && !root {
		s.p.add(fieldErr(path, "null", fmt.Errorf("%w: want a value, got null", ErrInvalid)))
		return nil
	}
	switch {
	case t == timeType:
		str, ok := tok.(string)
		if !ok {
			return s.wrongKind(tok, path, "a string")
		}
		var v time.Time
		err := v.UnmarshalText([]byte(str))
		if err != nil {
			// A date alone is midnight UTC, as source's articles and
			// offices read it.
			v, err = time.Parse(time.DateOnly, str)
		}
		if err != nil {
			// time's own message quotes layouts ("2006-01-02T15:04:05Z07:00")
			// that read as a date of 2006.
			reason := fmt.Errorf("%w: want an RFC 3339 time such as 2024-03-04T18:00:00Z, or a date such as 2024-03-04", ErrInvalid)
			if missing := missingDay(str); missing != nil {
				reason = missing
			}
			s.p.add(fieldErr(path, str, reason))
			return nil
		}
		if v.IsZero() && !nullable {
			// Validation would see only the zero time.Time, and report a
			// missing value as "".
			s.p.add(fieldErr(path, str, fmt.Errorf("%w: the zero time stands for no time; want the real one", ErrInvalid)))
		}
		return nil
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		str, ok := tok.(string)
		if !ok {
			return s.wrongKind(tok, path, "a string")
		}
		v := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		if err := v.UnmarshalText([]byte(str)); err != nil {
			s.p.add(atPath(path, str, err))
		}
		return nil
	case t.Kind() == reflect.Struct:
		if tok != json.Delim('{') {
			return s.wrongKind(tok, path, "an object")
		}
		return s.object(t, path, root)
	case t.Kind() == reflect.Slice:
		if tok != json.Delim('[') {
			return s.wrongKind(tok, path, "an array")
		}
		for i := 0; s.dec.More(); i++ {
			if err := s.value(t.Elem(), fmt.Sprintf("%s[%d]", path, i), false, false); err != nil {
				return err
			}
		}
		_, err := s.dec.Token() // ]
		return s.syntax(err)
	case t.Kind() == reflect.String:
		if _, ok := tok.(string); !ok {
			return s.wrongKind(tok, path, "a string")
		}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		n, ok := tok.(json.Number)
		if !ok {
			return s.wrongKind(tok, path, "a number")
		}
		if _, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil {
			s.p.add(fieldErr(path, string(n), fmt.Errorf("%w: want a whole number that fits %d bits", ErrInvalid, t.Bits())))
		}
	}
	return nil
}

// object reads the members of an object of struct type t.
func (s *scanner) object(t reflect.Type, path string, root bool) error {
	fields, ok := s.fields[t]
	if !ok {
		fields = jsonFields(t)
		s.fields[t] = fields
	}
	seen := map[string]bool{}
	for s.dec.More() {
		tok, err := s.token(path)
		if err != nil {
			return s.syntax(err)
		}
		key, _ := tok.(string)
		ft, known := fields[key]
		// A key goes into the path of an error, which people read on a
		// terminal: shortened, and quoted when it holds anything that
		// does not print plainly.
		child := display.Safe(source.Excerpt(key))
		if !root {
			child = path + "." + child
		}
		switch {
		case seen[key]:
			// The member itself is at fault, so the field is its path; the
			// value names the key, as for an unknown field.
			s.p.add(fieldErr(child, key, ErrDuplicateKey))
		case !known:
			s.p.add(fieldErr(path, key, ErrUnknownField))
		}
		seen[key] = true
		if !known {
			if err := s.skip(); err != nil {
				return err
			}
			continue
		}
		if err := s.value(ft.t, child, false, ft.nullable); err != nil {
			return err
		}
	}
	_, err := s.dec.Token() // }
	return s.syntax(err)
}

// wrongKind records a value of the wrong JSON kind and skips the rest of it.
// want is the kind wanted with its article: "a string".
func (s *scanner) wrongKind(tok json.Token, path, want string) error {
	s.p.add(fieldErr(path, valueOf(tok), fmt.Errorf("%w: want %s, got %s", ErrInvalid, want, kindOf(tok))))
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		return s.skipRest()
	}
	return nil
}

// skip reads and drops one value.
func (s *scanner) skip() error {
	tok, err := s.dec.Token()
	if err != nil {
		return s.syntax(err)
	}
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		return s.skipRest()
	}
	return nil
}

// skipRest drops the rest of an object or array whose opening was read.
func (s *scanner) skipRest() error {
	for depth := 1; depth > 0; {
		tok, err := s.dec.Token()
		if err != nil {
			return s.syntax(err)
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

// syntax turns a decoder error into a *FieldError at the byte where it
// occurred; nil stays nil.
func (s *scanner) syntax(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	at := s.dec.InputOffset()
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		at = syn.Offset
	}
	return fieldErr("corpus", fmt.Sprintf("byte offset %d", at), fmt.Errorf("%w: %w", ErrInvalid, err))
}

// jsonFields maps the JSON names of t's exported fields to their types.
func jsonFields(t reflect.Type) map[string]jsonField {
	m := make(map[string]jsonField, t.NumField())
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		optional := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		m[name] = jsonField{f.Type, optional || f.Type.Kind() == reflect.Slice}
	}
	return m
}

// jsonField is what the scanner knows of one field: its type, and whether
// it may be null (an optional field, or a list, which encoding/json writes
// as null when empty).
type jsonField struct {
	t        reflect.Type
	nullable bool
}

// kindOf names the JSON kind of a token, with its article, for an error
// message: "a number".
func kindOf(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

// valueOf returns a token as the Value of an error: a string, number or
// boolean as written (a string without its quotes and escapes), and
// "object", "array" or "null" for the others, which have no short form.
func valueOf(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "object"
		}
		return "array"
	case string:
		return v
	case json.Number:
		return string(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return "null"
}

// atPath returns err from an UnmarshalText call as a *FieldError at path,
// keeping its sentinel.
func atPath(path, value string, err error) error {
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
