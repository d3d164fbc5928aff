package jsonl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Encoder writes records as JSON Lines, one line per record, to a writer
// it appends to: give it a file opened with os.O_APPEND and a story grows
// without being rewritten. Each line is the record's JSON object, its
// "type" member first, then its members as the corpus JSON document writes
// them (enums as names, dates as text, empty optional members left out).
//
// The zero Encoder is not usable; make one with [NewEncoder]. An Encoder
// is not safe for concurrent use.
type Encoder struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// NewEncoder returns an encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder {
	e := &Encoder{w: w}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

// Encode writes rec as one line, in one Write call, so that a failed write
// leaves no partial line behind it unless the writer itself wrote part of
// it. It checks the record's shape, not its content: a record of
// TypeUnknown, or whose value does not marshal (an enum out of range, a
// date outside 0000-9999) or holds a string that is not valid UTF-8
// (which JSON would silently replace), gives an error naming the record
// and writes nothing. Encode takes time and memory linear in the size of the record.
func (e *Encoder) Encode(rec Record) error {
	e.buf.Reset()
	var v any
	switch rec.Type {
	case TypeFormat:
		v = formatLine{Type: "format", Format: rec.Format}
	case TypeSource:
		v = sourceLine{Type: "source", Source: rec.Source}
	case TypeArticle:
		v = articleLine{Type: "article", Article: rec.Article}
	case TypeClaim:
		v = claimLine{Type: "claim", Claim: rec.Claim}
	case TypeStatement:
		v = statementLine{Type: "statement", Statement: rec.Statement}
	default:
		return fmt.Errorf("jsonl: encoding a record of type %s: %w", rec.Type, ErrUnknownType)
	}
	if err := e.enc.Encode(v); err != nil { // Encode ends the line with '\n'
		return fmt.Errorf("jsonl: encoding %s %q: %w", rec.Type, source.Excerpt(rec.ID()), err)
	}
	if replaced(e.buf.Bytes()) {
		return fmt.Errorf("jsonl: encoding %s %q: %w: JSON would write U+FFFD in place of the bad bytes", rec.Type, source.Excerpt(rec.ID()), ErrInvalidUTF8)
	}
	if _, err := e.w.Write(e.buf.Bytes()); err != nil {
		return fmt.Errorf("jsonl: writing %s %q: %w", rec.Type, source.Excerpt(rec.ID()), err)
	}
	return nil
}

// EncodeOther writes v as one line of type typ, for records that another
// package defines (a story's decisions, say) and that [Options.Other]
// reads back: the line is {"type":TYP, followed by the members of v's
// JSON object, which must not have a "type" member of its own. typ must
// be valid UTF-8, not empty, and no name [ParseType] reads (none of this
// package's types, in any case or with surrounding space, nor "unknown"); v must
// marshal to a JSON object. It writes nothing on error, and takes time
// and memory linear in the size of v.
func (e *Encoder) EncodeOther(typ string, v any) error {
	if _, err := ParseType(typ); err == nil || typ == "" || !utf8.ValidString(typ) {
		return fmt.Errorf("jsonl: encoding a record of type %q: %w: want a type of its own, not empty nor one of format, source, article, claim, statement", source.Excerpt(typ), ErrInvalid)
	}
	e.buf.Reset()
	if err := e.enc.Encode(typ); err != nil {
		return fmt.Errorf("jsonl: encoding a record of type %q: %w", source.Excerpt(typ), err)
	}
	name := bytes.TrimSuffix(bytes.Clone(e.buf.Bytes()), []byte("\n"))
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return fmt.Errorf("jsonl: encoding a record of type %q: %w", source.Excerpt(typ), err)
	}
	if replaced(e.buf.Bytes()) {
		return fmt.Errorf("jsonl: encoding a record of type %q: %w: JSON would write U+FFFD in place of the bad bytes", source.Excerpt(typ), ErrInvalidUTF8)
	}
	body := bytes.TrimSpace(e.buf.Bytes())
	if len(body) < 2 || body[0] != '{' {
		return fmt.Errorf("jsonl: encoding a record of type %q: %w: the value is not a JSON object", source.Excerpt(typ), ErrInvalid)
	}
	line := make([]byte, 0, len(name)+len(body)+12)
	line = append(append(append(line, `{"type":`...), name...), ',')
	if len(bytes.TrimSpace(body[1:len(body)-1])) == 0 {
		line = append(line[:len(line)-1], '}')
	} else {
		line = append(line, body[1:]...)
	}
	line = append(line, '\n')
	if _, err := e.w.Write(line); err != nil {
		return fmt.Errorf("jsonl: writing a record of type %q: %w", source.Excerpt(typ), err)
	}
	return nil
}

// replaced reports whether encoding/json replaced bytes that are not
// valid UTF-8 in the JSON text line, which would lose them silently: it
// writes each such byte as the escape \ufffd, while a U+FFFD in the value
// comes out as its UTF-8 bytes and a backslash as \\. replaced takes time
// linear in the length of line.
func replaced(line []byte) bool {
	esc := []byte(`\ufffd`)
	for i := 0; ; {
		j := bytes.Index(line[i:], esc)
		if j < 0 {
			return false
		}
		j += i
		// An even run of backslashes before it is escaped backslashes, so
		// this one starts an escape.
		n := 0
		for k := j - 1; k >= 0 && line[k] == '\\'; k-- {
			n++
		}
		if n%2 == 0 {
			return true
		}
		i = j + len(esc)
	}
}

// Write writes the corpus c to w as JSON Lines: a format record when
// c.Format is set, then its sources, articles, claims and statements, each
// list in its order, so that every record comes after those it refers to
// in a corpus whose own lists are in that order, which is what [Validate]
// reads fastest. It does not validate c; it fails as [Encoder.Encode] does
// on the first record that does not marshal, or on a nil corpus. Write
// takes time linear in the size of c and holds one record's line at a time.
func Write(w io.Writer, c *claim.Corpus) error {
	if c == nil {
		return fmt.Errorf("jsonl: writing a nil corpus: %w", claim.ErrEmpty)
	}
	e := NewEncoder(w)
	if c.Format != "" {
		if err := e.Encode(Record{Type: TypeFormat, Format: c.Format}); err != nil {
			return err
		}
	}
	for _, s := range c.Sources {
		if err := e.Encode(SourceRecord(s)); err != nil {
			return err
		}
	}
	for _, a := range c.Articles {
		if err := e.Encode(ArticleRecord(a)); err != nil {
			return err
		}
	}
	for _, cl := range c.Claims {
		if err := e.Encode(ClaimRecord(cl)); err != nil {
			return err
		}
	}
	for _, s := range c.Statements {
		if err := e.Encode(StatementRecord(s)); err != nil {
			return err
		}
	}
	return nil
}
