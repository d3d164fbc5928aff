// Package jsonwalk walks a JSON document against the Go type it decodes
// into, as encoding/json would decode it, and reports each problem with
// the path of the value at fault, such as "statements[3].mentions[0].span".
// It serves package claim, which reports every problem of a corpus
// document at once, and package format/jsonl, which reports the first
// problem of a line; each turns the problems into its own errors.
//
// The walk is the slow path: callers decode valid input some faster way
// and walk only what failed to decode, to say why.
package jsonwalk

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

// Kind is the kind of a [Problem].
type Kind int

// The kinds of problem a [Walker] reports.
const (
	// Unknown is a member that names no field; Path is the object's, Key
	// the member's name.
	Unknown Kind = iota + 1
	// Duplicate is a member given twice in one object (with
	// [Options.Duplicates]), or, without [Options.Exact], a member that
	// fills a field an earlier one filled under another spelling ("id",
	// "ID"); Path is the object's, Key the second member's name.
	Duplicate
	// Null is null where a field that is not nullable wants a value.
	Null
	// WrongKind is a value of the wrong JSON kind; Tok is its first token
	// and Want the kind wanted, with its article: "a string".
	WrongKind
	// BadUTF8 is a string holding invalid UTF-8 (with
	// [Options.CheckUTF8]); Offset is the first invalid byte, InName says
	// whether the string is a member name, and Value is the string as
	// decoded.
	BadUTF8
	// BadTime is a time.Time string that is neither an RFC 3339 time nor
	// a date alone ("2024-03-04", midnight UTC); Value is the string.
	BadTime
	// ZeroTime is a time.Time string that parses as the zero time; Value
	// is the string, and Nullable says whether the field may be left
	// empty.
	ZeroTime
	// BadText is a string its type's UnmarshalText rejects; Value is the
	// string and Err the error UnmarshalText returned.
	BadText
	// BadInt is a number that is not a whole number of Bits bits; Value is
	// the number as written.
	BadInt
	// BadUint is a number that is not a non-negative whole number of Bits
	// bits; Value is the number as written.
	BadUint
)

// Problem is one problem the walk found.
type Problem struct {
	Kind Kind
	// Path is the path of the value at fault, or of the object for
	// Unknown and Duplicate, and for a member name holding invalid UTF-8.
	// The root's path is "".
	Path     string
	Key      string
	Value    string
	Tok      json.Token
	Want     string
	Bits     int
	Err      error
	Nullable bool
	// InName says that a BadUTF8 string is a member name.
	InName bool
	// Offset is the byte of the document where the value or the member
	// starts, or for BadUTF8 the first invalid byte.
	Offset int
}

// Options says how a [Walker] reads. The zero Options reads as
// encoding/json decodes, and reports no duplicates and no invalid UTF-8.
type Options struct {
	// Exact matches member names exactly; otherwise a name that matches no
	// field exactly matches one with case ignored, as encoding/json does.
	Exact bool
	// Duplicates reports a member given twice in one object.
	Duplicates bool
	// CheckUTF8 reports strings, member names included, that hold invalid
	// UTF-8.
	CheckUTF8 bool
	// NullAnywhere accepts null for any value, leaving it zero, as
	// encoding/json does; otherwise null stands only for a nullable field
	// (omitempty, omitzero or a list) and is a Null problem elsewhere.
	NullAnywhere bool
	// WantTime and WantInt name the kind wanted for a time and an integer
	// in a WrongKind problem; "a string" and "a number" when empty.
	WantTime, WantInt string
}

// ErrStop is returned by a walk that stopped because its report function
// asked it to.
var ErrStop = errors.New("jsonwalk: stopped")

// SyntaxError is a JSON syntax or read error that ends a walk. Err is the
// error encoding/json's Decoder returned, and Offset the Decoder's input
// offset when it did.
type SyntaxError struct {
	Err    error
	Offset int64
}

func (e *SyntaxError) Error() string { return e.Err.Error() }

// Unwrap returns Err.
func (e *SyntaxError) Unwrap() error { return e.Err }

// Walker walks one document. It is not safe for concurrent use.
type Walker struct {
	dec    *json.Decoder
	data   []byte
	opts   Options
	report func(Problem) bool
	fields map[reflect.Type]map[string]Field
}

// New returns a Walker of data that passes each problem it finds to
// report, and stops with [ErrStop] when report returns false.
//
// A walk recurses only as deep as the Go type's fields nest; deeper JSON is
// of the wrong kind or in an unknown member, which it skips with a counter.
// encoding/json's Decoder keeps a stack of open arrays and objects linear in
// the input, so a walk takes time and memory linear in the size of data.
func New(data []byte, opts Options, report func(Problem) bool) *Walker {
	if opts.WantTime == "" {
		opts.WantTime = "a string"
	}
	if opts.WantInt == "" {
		opts.WantInt = "a number"
	}
	w := &Walker{dec: json.NewDecoder(bytes.NewReader(data)), data: data, opts: opts, report: report, fields: map[reflect.Type]map[string]Field{}}
	w.dec.UseNumber()
	return w
}

// Offset returns the offset of the byte after the last token read.
func (w *Walker) Offset() int64 { return w.dec.InputOffset() }

// More reports whether the array or object being read has another element.
func (w *Walker) More() bool { return w.dec.More() }

// Token reads the next token; numbers are json.Number. Its error is a
// [*SyntaxError].
func (w *Walker) Token() (json.Token, error) {
	tok, err := w.dec.Token()
	if err != nil {
		return nil, &SyntaxError{Err: err, Offset: w.dec.InputOffset()}
	}
	return tok, nil
}

// start returns where the next token starts: the decoder's offset past
// the separators and space before it.
func (w *Walker) start() int {
	i := int(w.dec.InputOffset())
	for i < len(w.data) && strings.IndexByte(" \t\r\n:,", w.data[i]) >= 0 {
		i++
	}
	return i
}

// token reads the next token as Token does, and with CheckUTF8 reports a
// string token holding invalid UTF-8 as a problem at path; key says it is
// a member name. stop reports that the report function asked to stop.
func (w *Walker) token(path string, key bool) (tok json.Token, at int, err error) {
	at = w.start()
	from := w.dec.InputOffset()
	tok, err = w.Token()
	if err != nil {
		return nil, at, err
	}
	if s, ok := tok.(string); ok && w.opts.CheckUTF8 {
		raw := w.data[from:w.dec.InputOffset()]
		if bad := InvalidAt(raw); bad >= 0 {
			if !w.report(Problem{Kind: BadUTF8, Path: path, InName: key, Value: s, Offset: int(from) + bad}) {
				return tok, at, ErrStop
			}
		}
	}
	return tok, at, nil
}

// Key reads an object member's name, as Object does, for a caller that
// reads members itself; path is the object's.
func (w *Walker) Key(path string) (string, int, error) {
	tok, at, err := w.token(path, true)
	key, _ := tok.(string)
	return key, at, err
}

// Value walks one value of type t at path; nullable says that null may
// stand for it. At the root, path "", a null that may not stand for the
// value is reported as of the wrong kind. Its error is a [*SyntaxError] or [ErrStop].
func (w *Walker) Value(t reflect.Type, path string, nullable bool) error {
	tok, at, err := w.token(path, false)
	if err != nil {
		return err
	}
	switch {
	case tok == nil && (nullable || w.opts.NullAnywhere):
		return nil // null leaves the zero value
	case tok == nil && path != "":
		return w.problem(Problem{Kind: Null, Path: path, Offset: at})
	}
	// A null document is of the wrong kind, below.
	switch {
	case t == timeType:
		str, ok := tok.(string)
		if !ok {
			return w.wrongKind(tok, path, w.opts.WantTime, at)
		}
		var v time.Time
		err := v.UnmarshalText([]byte(str))
		if err != nil {
			// A date alone is midnight UTC, as package source reads
			// publication times and office terms.
			v, err = time.Parse(time.DateOnly, str)
		}
		if err != nil {
			return w.problem(Problem{Kind: BadTime, Path: path, Value: str, Offset: at})
		}
		if v.IsZero() {
			return w.problem(Problem{Kind: ZeroTime, Path: path, Value: str, Nullable: nullable, Offset: at})
		}
		return nil
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		str, ok := tok.(string)
		if !ok {
			return w.wrongKind(tok, path, "a string", at)
		}
		if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(str)); err != nil {
			return w.problem(Problem{Kind: BadText, Path: path, Value: str, Err: err, Offset: at})
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		if tok != json.Delim('{') {
			return w.wrongKind(tok, path, "an object", at)
		}
		return w.Object(t, path)
	case reflect.Slice:
		if tok != json.Delim('[') {
			return w.wrongKind(tok, path, "an array", at)
		}
		for i := 0; w.dec.More(); i++ {
			if err := w.Value(t.Elem(), fmt.Sprintf("%s[%d]", path, i), false); err != nil {
				return err
			}
		}
		_, err := w.Token() // ]
		return err
	case reflect.String:
		if _, ok := tok.(string); !ok {
			return w.wrongKind(tok, path, "a string", at)
		}
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			return w.wrongKind(tok, path, "true or false", at)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := tok.(json.Number)
		if !ok {
			return w.wrongKind(tok, path, w.opts.WantInt, at)
		}
		if _, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil {
			return w.problem(Problem{Kind: BadInt, Path: path, Value: string(n), Bits: t.Bits(), Offset: at})
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := tok.(json.Number)
		if !ok {
			return w.wrongKind(tok, path, w.opts.WantInt, at)
		}
		if _, err := strconv.ParseUint(string(n), 10, t.Bits()); err != nil {
			return w.problem(Problem{Kind: BadUint, Path: path, Value: string(n), Bits: t.Bits(), Offset: at})
		}
	default:
		// The types walked hold no other kinds; skip what cannot be
		// checked here rather than report it wrongly.
		if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
			return w.SkipRest()
		}
	}
	return nil
}

// Object walks the members of an object of struct type t whose opening
// brace was read, at path, and its closing brace.
func (w *Walker) Object(t reflect.Type, path string) error {
	fields := w.Fields(t)
	var seen map[string]bool
	if w.opts.Duplicates {
		seen = map[string]bool{}
	}
	for w.dec.More() {
		key, at, err := w.Key(path)
		if err != nil {
			return err
		}
		f, known := w.Lookup(fields, key)
		// A member counts as given twice when it names a field given
		// before, however its name is spelled: without Exact, "id" and
		// "ID" fill the same field, and the first would be lost.
		name := key
		if known {
			name = f.Name
		}
		switch {
		case seen[name]:
			err = w.problem(Problem{Kind: Duplicate, Path: path, Key: key, Offset: at})
		case !known:
			err = w.problem(Problem{Kind: Unknown, Path: path, Key: key, Offset: at})
		}
		if err != nil {
			return err
		}
		if seen != nil {
			seen[name] = true
		}
		if !known {
			if err := w.Skip(); err != nil {
				return err
			}
			continue
		}
		if err := w.Value(f.Type, Join(path, f.Name), f.Nullable); err != nil {
			return err
		}
	}
	_, err := w.Token() // }
	return err
}

// problem reports p, and returns ErrStop when the walk is to stop.
func (w *Walker) problem(p Problem) error {
	if !w.report(p) {
		return ErrStop
	}
	return nil
}

// wrongKind reports a value of the wrong kind and, unless the walk stops,
// skips the rest of it.
func (w *Walker) wrongKind(tok json.Token, path, want string, at int) error {
	if err := w.problem(Problem{Kind: WrongKind, Path: path, Tok: tok, Want: want, Offset: at}); err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		return w.SkipRest()
	}
	return nil
}

// Skip reads and drops one value.
func (w *Walker) Skip() error {
	tok, err := w.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		return w.SkipRest()
	}
	return nil
}

// SkipRest drops the rest of an object or array whose opening was read,
// counting depth rather than recursing.
func (w *Walker) SkipRest() error {
	for depth := 1; depth > 0; {
		tok, err := w.Token()
		if err != nil {
			return err
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

// Join returns the path of the member name of the value at path: name
// alone at the root, whose path is "".
func Join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

var (
	timeType        = reflect.TypeFor[time.Time]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// Field is a member of a struct as encoding/json sees it.
type Field struct {
	// Name is the member's name in JSON.
	Name string
	Type reflect.Type
	// Nullable says that null may stand for the field: it is optional
	// (omitempty or omitzero), or a list, which encoding/json writes as
	// null when empty.
	Nullable bool
}

// Fields returns the members of struct type t by name, with the members of
// embedded structs promoted as encoding/json promotes them.
func (w *Walker) Fields(t reflect.Type) map[string]Field {
	fields, ok := w.fields[t]
	if !ok {
		fields = map[string]Field{}
		addFields(fields, t)
		w.fields[t] = fields
	}
	return fields
}

func addFields(out map[string]Field, t reflect.Type) {
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			addFields(out, f.Type)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		optional := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		out[name] = Field{Name: name, Type: f.Type, Nullable: optional || f.Type.Kind() == reflect.Slice}
	}
}

// Lookup finds a member by name: exactly, or without [Options.Exact] also
// with case ignored, as encoding/json does.
func (w *Walker) Lookup(fields map[string]Field, key string) (Field, bool) {
	if f, ok := fields[key]; ok || w.opts.Exact {
		return f, ok
	}
	for name, f := range fields {
		if strings.EqualFold(name, key) {
			return f, true
		}
	}
	return Field{}, false
}

// KindName names the JSON kind of a token, with its article, for an error
// message: "a number".
func KindName(tok json.Token) string {
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

// ValueOf returns a token as an error quotes it: a string, number or
// boolean as written (a string without its quotes and escapes), and
// "object", "array" or "null" for the others, which have no short form.
func ValueOf(tok json.Token) string {
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

// InvalidAt returns the offset of the first byte of b that is not valid
// UTF-8, or -1.
func InvalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}
