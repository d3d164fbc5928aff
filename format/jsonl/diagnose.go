package jsonl

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
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
	w := walker{dec: json.NewDecoder(bytes.NewReader(line)), line: line, n: n}
	w.dec.UseNumber()
	if e := w.record(t); e != nil {
		return e
	}
	if !utf8.Valid(line) {
		at := invalidAt(line)
		return &Error{Line: n, Column: at + 1, Err: ErrInvalidUTF8}
	}
	if _, err := w.dec.Token(); err == nil || w.dec.InputOffset() < int64(len(line)) {
		return &Error{Line: n, Column: int(w.dec.InputOffset()) + 1, Err: fmt.Errorf("%w: data after the object", ErrSyntax)}
	}
	// Not reached for what encoding/json rejects; kept so that a problem
	// is never lost.
	return &Error{Line: n, Err: fmt.Errorf("%w: the line does not decode", ErrInvalid)}
}

// walker walks one line's tokens.
type walker struct {
	dec  *json.Decoder
	line []byte
	n    int
}

var (
	timeType        = reflect.TypeFor[time.Time]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// record walks the line's object: its "type" member, and the members of
// the record type it names.
func (w *walker) record(t Type) *Error {
	tok, e := w.token()
	if e != nil {
		return e
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return &Error{Line: w.n, Column: 1, Err: fmt.Errorf("%w: a line must hold one object, not %s", ErrSyntax, kindOf(tok))}
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
	var fields map[string]jsonField
	if t != TypeUnknown {
		fields = jsonFields(recordTypes[t])
	}
	for w.dec.More() {
		key, e := w.key()
		if e != nil {
			return e
		}
		if key == "type" {
			named, e := w.typeValue(t)
			if e != nil {
				return e
			}
			if t == TypeUnknown {
				// The members before it were skipped unchecked.
				t, prefix, fields = named, named.String(), jsonFields(recordTypes[named])
			}
			continue
		}
		if t == TypeUnknown {
			if e := w.skip(); e != nil {
				return e
			}
			continue
		}
		f, ok := lookup(fields, key)
		if !ok {
			return lineErr(w.n, prefix+"."+key, key, ErrUnknownField)
		}
		if e := w.value(f.typ, prefix+"."+f.name); e != nil {
			return e
		}
	}
	if _, e := w.token(); e != nil { // the closing brace
		return e
	}
	if t == TypeUnknown {
		return &Error{Line: w.n, Field: "type", Err: fmt.Errorf("%w: the line has no \"type\" member naming one of format, source, article, claim, statement", ErrUnknownType)}
	}
	return nil
}

// typeValue reads the "type" member's value and returns the type it
// names.
func (w *walker) typeValue(t Type) (Type, *Error) {
	tok, e := w.token()
	if e != nil {
		return TypeUnknown, e
	}
	s, ok := tok.(string)
	if !ok {
		if d, isDelim := tok.(json.Delim); isDelim {
			w.skipRest(d)
		}
		return TypeUnknown, lineErr(w.n, "type", kindOf(tok), fmt.Errorf("%w: want a string", ErrUnknownType))
	}
	named, err := ParseType(s)
	if err != nil || t != TypeUnknown && named != t {
		return TypeUnknown, lineErr(w.n, "type", s, fmt.Errorf("%w (valid: format, source, article, claim, statement)", ErrUnknownType))
	}
	return named, nil
}

// value walks one value that decodes into t at path.
func (w *walker) value(t reflect.Type, path string) *Error {
	start := w.dec.InputOffset()
	tok, e := w.token()
	if e != nil {
		return e
	}
	if tok == nil {
		return nil // encoding/json leaves the zero value
	}
	if s, ok := tok.(string); ok {
		raw := w.line[start:w.dec.InputOffset()]
		if !utf8.Valid(raw) {
			return &Error{Line: w.n, Column: int(start) + invalidAt(raw) + 1, Field: path, Value: excerptValid(s), Err: ErrInvalidUTF8}
		}
	}
	switch {
	case t == timeType:
		s, ok := tok.(string)
		if !ok {
			return w.wrongKind(tok, path, "a time as a string")
		}
		var v time.Time
		if err := v.UnmarshalText([]byte(s)); err != nil {
			if _, err := time.Parse(time.DateOnly, s); err != nil {
				return lineErr(w.n, path, s, fmt.Errorf("%w: not an RFC 3339 time or a date", ErrInvalid))
			}
		}
		return nil
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		s, ok := tok.(string)
		if !ok {
			return w.wrongKind(tok, path, "a string")
		}
		if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return lineErr(w.n, path, s, err)
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		if _, ok := tok.(string); !ok {
			return w.wrongKind(tok, path, "a string")
		}
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			return w.wrongKind(tok, path, "true or false")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		num, ok := tok.(json.Number)
		if !ok {
			return w.wrongKind(tok, path, "an integer")
		}
		if _, err := strconv.ParseInt(string(num), 10, t.Bits()); err != nil {
			return lineErr(w.n, path, string(num), fmt.Errorf("%w: want an integer of %d bits", ErrInvalid, t.Bits()))
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		num, ok := tok.(json.Number)
		if !ok {
			return w.wrongKind(tok, path, "an integer")
		}
		if _, err := strconv.ParseUint(string(num), 10, t.Bits()); err != nil {
			return lineErr(w.n, path, string(num), fmt.Errorf("%w: want a non-negative integer of %d bits", ErrInvalid, t.Bits()))
		}
	case reflect.Slice:
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			return w.wrongKind(tok, path, "an array")
		}
		for i := 0; w.dec.More(); i++ {
			if e := w.value(t.Elem(), fmt.Sprintf("%s[%d]", path, i)); e != nil {
				return e
			}
		}
		_, e := w.token()
		return e
	case reflect.Struct:
		if d, ok := tok.(json.Delim); !ok || d != '{' {
			return w.wrongKind(tok, path, "an object")
		}
		fields := jsonFields(t)
		for w.dec.More() {
			key, e := w.key()
			if e != nil {
				return e
			}
			f, ok := lookup(fields, key)
			if !ok {
				return lineErr(w.n, path+"."+key, key, ErrUnknownField)
			}
			if e := w.value(f.typ, path+"."+f.name); e != nil {
				return e
			}
		}
		_, e := w.token()
		return e
	default:
		// The record types hold no other kinds; skip what cannot be
		// checked here rather than report it wrongly.
		if d, ok := tok.(json.Delim); ok {
			w.skipRest(d)
		}
	}
	return nil
}

// key reads an object member's name.
func (w *walker) key() (string, *Error) {
	start := w.dec.InputOffset()
	tok, e := w.token()
	if e != nil {
		return "", e
	}
	key, _ := tok.(string)
	if raw := w.line[start:w.dec.InputOffset()]; !utf8.Valid(raw) {
		return "", &Error{Line: w.n, Column: int(start) + invalidAt(raw) + 1, Value: excerptValid(key), Err: fmt.Errorf("%w in a member name", ErrInvalidUTF8)}
	}
	return key, nil
}

// token reads the next token, turning a syntax error into an *Error with
// its column.
func (w *walker) token() (json.Token, *Error) {
	tok, err := w.dec.Token()
	if err == nil {
		return tok, nil
	}
	col := int(w.dec.InputOffset()) + 1
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		col = int(syn.Offset)
		if col < 1 {
			col = 1
		}
	}
	return nil, &Error{Line: w.n, Column: col, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
}

// skip skips one value.
func (w *walker) skip() *Error {
	tok, e := w.token()
	if e != nil {
		return e
	}
	if d, ok := tok.(json.Delim); ok {
		return w.skipRest(d)
	}
	return nil
}

// skipRest skips the rest of an array or object whose opening delimiter
// was read, counting depth rather than recursing.
func (w *walker) skipRest(json.Delim) *Error {
	for depth := 1; depth > 0; {
		tok, e := w.token()
		if e != nil {
			return e
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

func (w *walker) wrongKind(tok json.Token, path, want string) *Error {
	if d, ok := tok.(json.Delim); ok {
		w.skipRest(d)
	}
	return lineErr(w.n, path, kindOf(tok), fmt.Errorf("%w: want %s, got %s", ErrInvalid, want, kindName(tok)))
}

// kindOf returns a token as an error quotes it: a string, number or
// boolean as written, or "object", "array" or "null".
func kindOf(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "object"
		}
		return "array"
	case nil:
		return "null"
	case string:
		return v
	case json.Number:
		return string(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(tok)
}

// kindName names a token's kind.
func kindName(tok json.Token) string {
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

// jsonField is a member of a struct as encoding/json sees it.
type jsonField struct {
	name string
	typ  reflect.Type
}

// jsonFields returns the members of struct type t by name, with the
// members of embedded structs promoted as encoding/json promotes them.
func jsonFields(t reflect.Type) map[string]jsonField {
	out := map[string]jsonField{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			for k, v := range jsonFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = jsonField{name: name, typ: f.Type}
	}
	return out
}

// lookup finds a member by name as encoding/json does: exactly, or else
// with case ignored.
func lookup(fields map[string]jsonField, key string) (jsonField, bool) {
	if f, ok := fields[key]; ok {
		return f, true
	}
	for name, f := range fields {
		if strings.EqualFold(name, key) {
			return f, true
		}
	}
	return jsonField{}, false
}

// invalidAt returns the offset of the first byte of b that is not valid
// UTF-8, or 0.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// excerptValid returns s as an error quotes it, with invalid bytes
// already replaced by U+FFFD.
func excerptValid(s string) string {
	return strings.ToValidUTF8(lineErr(0, "", s, nil).Value, "\uFFFD")
}
