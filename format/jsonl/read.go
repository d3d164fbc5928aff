package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// DefaultMaxLine is the longest line [Read] accepts when [Options.MaxLine]
// is zero: 64 MiB, room for an article's text many times over.
const DefaultMaxLine = 64 << 20

// Options holds the choices of [Read], [Decode] and [Validate]. The zero
// Options means the defaults.
type Options struct {
	// MaxLine is the longest line accepted, in bytes; zero means
	// [DefaultMaxLine]. A longer line gives an [*Error] wrapping
	// [ErrLineTooLong] and is skipped without being held in memory.
	MaxLine int
	// Other, when set, takes the lines whose type is none of this
	// package's ("decision", say, for records another package defines),
	// instead of their being errors wrapping [ErrUnknownType]: it is
	// called with the line's number, its type as written and the line
	// itself, which is valid only during the call. An error it returns is
	// reported at that line as an [*Error] wrapping it. Read, Decode and
	// Validate call it in the order of the lines; Encoder.EncodeOther
	// writes such lines.
	Other func(line int, typ string, data []byte) error
}

func (o Options) maxLine() int {
	if o.MaxLine <= 0 {
		return DefaultMaxLine
	}
	return o.MaxLine
}

// Read returns the records of the JSON Lines corpus in r, one per non-blank
// line, in the order of the lines. A line that does not decode yields a zero
// Record (but for its Line) and an [*Error], and reading goes on with the
// next line; a read error from r ends the sequence after yielding it. A
// UTF-8 byte-order mark before the first line and a carriage return before
// each line end are ignored. Read checks each record's shape (its type,
// its members, the kinds and the enum names of their values, invalid UTF-8
// and escaped lone surrogates) but not its content: [Validate] does.
//
// Read takes time linear in the length of r and holds one line at a time
// in memory, at most [Options.MaxLine] bytes, plus the record decoded from
// it. The sequence reads r as it is iterated, so it can be iterated once.
func Read(r io.Reader, opts Options) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		lr := lineReader{r: bufio.NewReaderSize(r, 64<<10), max: opts.maxLine()}
		d := lineDecoder{other: opts.Other}
		for {
			line, err := lr.next()
			if errors.Is(err, io.EOF) {
				return
			}
			if errors.Is(err, ErrLineTooLong) {
				if !yield(Record{Line: lr.n}, &Error{Line: lr.n, Err: err}) {
					return
				}
				continue
			}
			if err != nil {
				yield(Record{Line: lr.n}, fmt.Errorf("jsonl: reading line %d: %w", lr.n, err))
				return
			}
			if lr.n == 1 {
				line = bytes.TrimPrefix(line, []byte("\uFEFF"))
			}
			line = bytes.TrimSpace(line)
			if len(line) == 0 {
				continue
			}
			rec, err := d.parse(line, lr.n)
			if errors.Is(err, errOther) {
				continue // taken by Options.Other
			}
			rec.Line = lr.n
			if !yield(rec, err) {
				return
			}
		}
	}
}

// lineReader splits a stream into lines of at most max bytes.
type lineReader struct {
	r   *bufio.Reader
	max int
	n   int    // the number of the line last returned
	buf []byte // a line longer than the bufio buffer, assembled
}

// next returns the next line without its end. The line is valid until the
// next call.
func (l *lineReader) next() ([]byte, error) {
	l.buf = l.buf[:0]
	long := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			if !long && len(l.buf)+len(chunk) > l.max {
				long, l.buf = true, l.buf[:0]
			}
			if !long {
				l.buf = append(l.buf, chunk...)
			}
			continue
		}
		if err == io.EOF && len(chunk) == 0 && len(l.buf) == 0 && !long {
			return nil, io.EOF
		}
		l.n++
		if err != nil && err != io.EOF {
			return nil, err
		}
		if long || len(l.buf)+len(bytes.TrimRight(chunk, "\r\n")) > l.max {
			return nil, fmt.Errorf("%w: more than %d bytes", ErrLineTooLong, l.max)
		}
		if len(l.buf) > 0 {
			l.buf = append(l.buf, chunk...)
			return l.buf, nil
		}
		return chunk, nil
	}
}

// errOther tells Read that Options.Other took a line.
var errOther = errors.New("taken by Options.Other")

// lineDecoder decodes lines with one json.Decoder, fed a line at a time,
// so that its buffer is reused rather than allocated for every line.
type lineDecoder struct {
	other func(line int, typ string, data []byte) error // Options.Other
	feed  lineFeed
	dec   *json.Decoder
	fed   int64 // bytes fed to dec so far
	// scratch holds a statement line's object for claim.DecodeStatement.
	scratch []byte
}

// lineFeed is a reader that returns the line set last, once.
type lineFeed struct{ line []byte }

func (f *lineFeed) Read(p []byte) (int, error) {
	if len(f.line) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.line)
	f.line = f.line[n:]
	return n, nil
}

// decode decodes one JSON value, the whole of line, into v, rejecting
// members v does not have.
func (d *lineDecoder) decode(line []byte, v any) error {
	if d.dec == nil {
		d.dec = json.NewDecoder(&d.feed)
		d.dec.DisallowUnknownFields()
		d.fed = 0
	}
	d.feed.line = line
	d.fed += int64(len(line))
	err := d.dec.Decode(v)
	if err == nil && (d.dec.InputOffset() != d.fed || len(d.feed.line) > 0) {
		err = errors.New("data after the object")
	}
	if err != nil {
		d.dec = nil // its state is lost; the next line starts afresh
	}
	return err
}

// parse decodes one trimmed, non-empty line.
func (d *lineDecoder) parse(line []byte, n int) (Record, error) {
	if !utf8.Valid(line) || hasLoneSurrogate(line) {
		return Record{}, diagnose(line, n, TypeUnknown)
	}
	t, ok := fastType(line)
	if !ok {
		var probe struct {
			Type *string `json:"type"`
		}
		if err := json.Unmarshal(line, &probe); err != nil {
			return Record{}, diagnose(line, n, TypeUnknown)
		}
		if probe.Type == nil {
			return Record{}, &Error{Line: n, Field: "type", Err: fmt.Errorf("%w: the line has no \"type\" member", ErrUnknownType)}
		}
		var err error
		if t, err = ParseType(*probe.Type); err != nil || !t.IsValid() {
			if d.other != nil {
				if err := d.other(n, *probe.Type, line); err != nil {
					return Record{}, lineErr(n, "type", *probe.Type, err)
				}
				return Record{}, errOther
			}
			return Record{}, lineErr(n, "type", *probe.Type, fmt.Errorf("%w (valid: format, source, article, claim, statement)", ErrUnknownType))
		}
	}
	rec := Record{Type: t}
	var err error
	switch t {
	case TypeFormat:
		var v formatLine
		err = d.decode(line, &v)
		rec.Format = v.Format
	case TypeSource:
		var v sourceLine
		err = d.decode(line, &v)
		rec.Source = v.Source
	case TypeArticle:
		var v articleLine
		err = d.decode(line, &v)
		rec.Article = v.Article
	case TypeClaim:
		var v claimLine
		err = d.decode(line, &v)
		rec.Claim = v.Claim
	case TypeStatement:
		s, scratch, ok := fastStatement(line, d.scratch)
		d.scratch = scratch
		if ok {
			rec.Statement = s
			return rec, nil
		}
		var v statementLine
		err = d.decode(line, &v)
		rec.Statement = v.Statement
	case TypeUnknown:
		// Not reached: t names a record type by now.
	}
	if err != nil {
		return Record{}, diagnose(line, n, t)
	}
	if e := duplicateMember(line, n, t); e != nil {
		return Record{}, e
	}
	return rec, nil
}

// fastType reads the type of a line that starts as the encoder writes
// lines, {"type":"NAME", without looking further.
func fastType(line []byte) (Type, bool) {
	const open = `{"type":"`
	if !bytes.HasPrefix(line, []byte(open)) {
		return TypeUnknown, false
	}
	rest := line[len(open):]
	for t := TypeFormat; t <= TypeStatement; t++ {
		name := t.String()
		if len(rest) > len(name) && rest[len(name)] == '"' && string(rest[:len(name)]) == name {
			return t, true
		}
	}
	return TypeUnknown, false
}

// hasLoneSurrogate reports whether line holds an escaped UTF-16 surrogate
// without its pair, which encoding/json would silently turn into U+FFFD.
func hasLoneSurrogate(line []byte) bool {
	return loneSurrogateAt(line) >= 0
}

// loneSurrogateAt returns the offset of the first escaped lone surrogate
// in line, or -1. Backslashes occur only inside strings in JSON, so the
// escapes can be read without tracking strings.
func loneSurrogateAt(line []byte) int {
	high := -1 // offset of a high surrogate waiting for its low half
	for i := 0; i < len(line); i++ {
		if line[i] != '\\' {
			if high >= 0 {
				return high
			}
			continue
		}
		if i+1 >= len(line) {
			break
		}
		if line[i+1] != 'u' || i+5 >= len(line) {
			if high >= 0 {
				return high
			}
			i++
			continue
		}
		var r rune
		for _, c := range line[i+2 : i+6] {
			r <<= 4
			switch {
			case '0' <= c && c <= '9':
				r |= rune(c - '0')
			case 'a' <= c && c <= 'f':
				r |= rune(c-'a') + 10
			case 'A' <= c && c <= 'F':
				r |= rune(c-'A') + 10
			}
		}
		switch {
		case 0xD800 <= r && r < 0xDC00:
			if high >= 0 {
				return high
			}
			high = i
		case 0xDC00 <= r && r < 0xE000:
			if high < 0 {
				return i
			}
			high = -1
		default:
			if high >= 0 {
				return high
			}
		}
		i += 5
	}
	return high
}

// recordTypes maps each record type to the Go type its members decode into.
var recordTypes = [...]reflect.Type{
	TypeFormat: reflect.TypeFor[struct {
		Format string `json:"format"`
	}](),
	TypeSource:    reflect.TypeFor[source.Source](),
	TypeArticle:   reflect.TypeFor[source.Article](),
	TypeClaim:     reflect.TypeFor[claim.Claim](),
	TypeStatement: reflect.TypeFor[claim.Statement](),
}
