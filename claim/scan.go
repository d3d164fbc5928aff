package claim

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

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
	dec  *json.Decoder
	errs []error
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// scanDocument checks data against t. A syntax error ends the scan and is
// returned alone; otherwise every problem found is returned.
func scanDocument(data []byte, t reflect.Type) []error {
	s := &scanner{dec: json.NewDecoder(strings.NewReader(string(data)))}
	s.dec.UseNumber()
	if err := s.value(t, "corpus", true); err != nil {
		return []error{err}
	}
	return s.errs
}

// value reads one value of type t at path. Its error is a syntax or read
// error that ends the scan; problems with the value are collected.
func (s *scanner) value(t reflect.Type, path string, root bool) error {
	tok, err := s.dec.Token()
	if err != nil {
		return s.syntax(err)
	}
	if tok == nil && !root {
		return nil // null leaves the zero value, which validation judges
	}
	switch {
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		str, ok := tok.(string)
		if !ok {
			return s.wrongKind(tok, path, "a string")
		}
		v := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		if err := v.UnmarshalText([]byte(str)); err != nil {
			s.errs = append(s.errs, atPath(path, str, err))
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
			if err := s.value(t.Elem(), fmt.Sprintf("%s[%d]", path, i), false); err != nil {
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
			s.errs = append(s.errs, fieldErr(path, string(n), fmt.Errorf("%w: want a whole number that fits %d bits", ErrInvalid, t.Bits())))
		}
	}
	return nil
}

// object reads the members of an object of struct type t.
func (s *scanner) object(t reflect.Type, path string, root bool) error {
	fields := jsonFields(t)
	seen := map[string]bool{}
	for s.dec.More() {
		tok, err := s.dec.Token()
		if err != nil {
			return s.syntax(err)
		}
		key, _ := tok.(string)
		ft, known := fields[key]
		switch {
		case seen[key]:
			s.errs = append(s.errs, fieldErr(path, key, ErrDuplicateKey))
		case !known:
			s.errs = append(s.errs, fieldErr(path, key, ErrUnknownField))
		}
		seen[key] = true
		child := key
		if !root {
			child = path + "." + key
		}
		if !known {
			if err := s.skip(); err != nil {
				return err
			}
			continue
		}
		if err := s.value(ft, child, false); err != nil {
			return err
		}
	}
	_, err := s.dec.Token() // }
	return s.syntax(err)
}

// wrongKind records a value of the wrong JSON kind and skips the rest of it.
func (s *scanner) wrongKind(tok json.Token, path, want string) error {
	s.errs = append(s.errs, fieldErr(path, kindOf(tok), fmt.Errorf("%w: want %s", ErrInvalid, want)))
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
	if err == io.EOF {
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
func jsonFields(t reflect.Type) map[string]reflect.Type {
	m := make(map[string]reflect.Type, t.NumField())
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		m[name] = f.Type
	}
	return m
}

// kindOf names the JSON kind of a token for an error message.
func kindOf(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "object"
		}
		return "array"
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
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
		return &source.FieldError{Field: path, Value: value, Err: sfe.Err}
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
