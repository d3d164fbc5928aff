package rows

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// compactStatement is the first byte of a statement row in the compact
// layout. A row that begins with '{' holds the statement as JSON, as every
// row written before the layout did.
const compactStatement = 0x01

// The compact layout of a statement, after its first byte: the fields of
// claim.Statement in order, each string as its length (a uvarint) and its
// bytes, each list as its length and its items, each int as a varint:
//
//	id claim source len(via) via... act factuality said
//	len(mentions) (article cue start end exact prefix suffix)... [flags]
//
// flags, a uvarint, holds the statement's booleans, written only when one
// is set: bit 0 is MachineAccepted; bit 1 says that some mentions are
// machine-accepted (claim.Mention.MachineAccepted), and is followed by
// their number and their indices, each a uvarint, in increasing order. A row without it (every row written
// before the flag, and every statement a person accepted) has none set,
// so that the mark costs no byte where it is absent. A reader refuses a
// bit it does not know, and flags with none set, which no writer writes.
//
// Act, factuality and said are written as their text (claim.Act.String,
// "CT+", "2025-03"), never as numbers, so that the layout does not depend
// on the order of an enum's values. A statement's row takes less than half
// the bytes of its JSON, and reads about five times faster.

// appendStatement appends the compact layout of s to b. An act, factuality
// or date that does not marshal is an error.
func appendStatement(b []byte, s *claim.Statement) ([]byte, error) {
	act, err := actText(s.Act)
	if err != nil {
		return nil, err
	}
	f, err := factualityText(s.Factuality)
	if err != nil {
		return nil, err
	}
	said, err := s.Said.MarshalText()
	if err != nil {
		return nil, err
	}
	b = append(b, compactStatement)
	b = appendString(b, string(s.ID))
	b = appendString(b, string(s.Claim))
	b = appendString(b, string(s.Source))
	b = binary.AppendUvarint(b, uint64(len(s.Via)))
	for _, v := range s.Via {
		b = appendString(b, string(v))
	}
	b = appendString(b, string(act))
	b = appendString(b, string(f))
	b = appendString(b, string(said))
	b = binary.AppendUvarint(b, uint64(len(s.Mentions)))
	for _, m := range s.Mentions {
		b = appendString(b, string(m.Article))
		b = appendString(b, m.Cue)
		b = binary.AppendVarint(b, int64(m.Span.Start))
		b = binary.AppendVarint(b, int64(m.Span.End))
		b = appendString(b, m.Span.Exact)
		b = appendString(b, m.Span.Prefix)
		b = appendString(b, m.Span.Suffix)
	}
	var flags uint64
	if s.MachineAccepted {
		flags |= flagMachineAccepted
	}
	marked := 0
	for _, m := range s.Mentions {
		if m.MachineAccepted {
			marked++
		}
	}
	if marked > 0 {
		flags |= flagMachineMentions
	}
	if flags != 0 {
		b = binary.AppendUvarint(b, flags)
	}
	if marked > 0 {
		b = binary.AppendUvarint(b, uint64(marked))
		for i, m := range s.Mentions {
			if m.MachineAccepted {
				b = binary.AppendUvarint(b, uint64(i))
			}
		}
	}
	return b, nil
}

// flagMachineAccepted is the bit of a compact row's flags for
// claim.Statement.MachineAccepted; flagsKnown holds every bit a reader
// knows.
const (
	flagMachineAccepted = 1 << iota
	flagMachineMentions
	flagsKnown = flagMachineAccepted | flagMachineMentions
)

// actText returns what Act.MarshalText does, as a string and without
// allocating for an act in range.
func actText(a claim.Act) (string, error) {
	if a == claim.ActUnknown || a.IsValid() {
		return a.String(), nil
	}
	t, err := a.MarshalText()
	return string(t), err
}

// factualityTexts holds the text of every factuality that marshals, so
// that writing a statement does not build it again: a million statements
// written would be two million allocations.
var factualityTexts = func() map[claim.Factuality]string {
	m := make(map[claim.Factuality]string)
	for c := range 16 {
		for p := range 16 {
			f := claim.Factuality{Certainty: claim.Certainty(c), Polarity: claim.Polarity(p)}
			if t, err := f.MarshalText(); err == nil {
				m[f] = string(t)
			}
		}
	}
	return m
}()

// factualityText returns what Factuality.MarshalText does, as a string.
func factualityText(f claim.Factuality) (string, error) {
	if t, ok := factualityTexts[f]; ok {
		return t, nil
	}
	t, err := f.MarshalText()
	return string(t), err
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// errCompact reports a compact row that ends early or holds a length
// beyond its end.
var errCompact = errors.New("truncated or corrupt compact row")

// compactReader reads a compact row. Its strings are substrings of the
// row, which is copied into one string once: a statement's strings share
// one allocation.
type compactReader struct {
	row string
	err error
}

func (r *compactReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := uvarintString(r.row)
	if n <= 0 {
		r.err = errCompact
		return 0
	}
	r.row = r.row[n:]
	return v
}

func (r *compactReader) int() int {
	u := r.uvarint()
	v := int64(u>>1) ^ -int64(u&1) // zig-zag, as binary.AppendVarint writes
	if v < math.MinInt || v > math.MaxInt {
		r.err = errCompact
		return 0
	}
	return int(v)
}

// count reads a list's length, which cannot exceed the bytes left, since
// each item takes at least one.
func (r *compactReader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.row)) {
		r.err = errCompact
		return 0
	}
	return int(n)
}

// machineMentions reads the indices of the machine-accepted mentions
// and marks them: at least one, each in range and after the one before.
func (r *compactReader) machineMentions(ms []claim.Mention) {
	n := r.count()
	if r.err == nil && (n == 0 || n > len(ms)) {
		r.err = fmt.Errorf("%w: %d machine-accepted mentions of %d", errCompact, n, len(ms))
		return
	}
	last := -1
	for range n {
		i := r.uvarint()
		if r.err != nil {
			return
		}
		if i >= uint64(len(ms)) || int(i) <= last {
			r.err = fmt.Errorf("%w: machine-accepted mention %d of %d", errCompact, i, len(ms))
			return
		}
		last = int(i)
		ms[i].MachineAccepted = true
	}
}

func (r *compactReader) string() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.row)) {
		r.err = errCompact
		return ""
	}
	s := r.row[:n]
	r.row = r.row[n:]
	return s
}

// uvarintString is binary.Uvarint on a string.
func uvarintString(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				return 0, -1
			}
			return x | uint64(c)<<shift, i + 1
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	return 0, 0
}

// enums caches the act and factuality names a decoder has read, so that
// a million statements parse each name once.
type enums struct {
	acts map[string]claim.Act
	facs map[string]claim.Factuality
}

func (e *enums) act(name string) (claim.Act, error) {
	if a, ok := e.acts[name]; ok {
		return a, nil
	}
	a, err := claim.ParseAct(name)
	if err != nil {
		return 0, err
	}
	if e.acts == nil {
		e.acts = make(map[string]claim.Act)
	}
	e.acts[name] = a
	return a, nil
}

func (e *enums) factuality(name string) (claim.Factuality, error) {
	if f, ok := e.facs[name]; ok {
		return f, nil
	}
	f, err := claim.ParseFactuality(name)
	if err != nil {
		return claim.Factuality{}, err
	}
	if e.facs == nil {
		e.facs = make(map[string]claim.Factuality)
	}
	e.facs[name] = f
	return f, nil
}

// readStatement reads a statement's compact row, its first byte included.
// Linear in len(row).
func (e *enums) readStatement(row string) (claim.Statement, error) {
	var s claim.Statement
	if len(row) == 0 || row[0] != compactStatement {
		return s, fmt.Errorf("story: stored statements row: not a compact row")
	}
	r := &compactReader{row: row[1:]}
	s.ID = claim.StatementID(r.string())
	s.Claim = claim.ID(r.string())
	s.Source = source.ID(r.string())
	if n := r.count(); n > 0 {
		s.Via = make([]source.ID, n)
		for i := range s.Via {
			s.Via[i] = source.ID(r.string())
		}
	}
	act, fac, said := r.string(), r.string(), r.string()
	if n := r.count(); n > 0 {
		s.Mentions = make([]claim.Mention, n)
		for i := range s.Mentions {
			m := &s.Mentions[i]
			m.Article = source.ArticleID(r.string())
			m.Cue = r.string()
			m.Span.Start = r.int()
			m.Span.End = r.int()
			m.Span.Exact = r.string()
			m.Span.Prefix = r.string()
			m.Span.Suffix = r.string()
		}
	}
	if r.err == nil && r.row != "" {
		switch flags := r.uvarint(); {
		case r.err != nil:
		case flags == 0 || flags&^flagsKnown != 0:
			r.err = fmt.Errorf("%w: flags %#x", errCompact, flags)
		default:
			s.MachineAccepted = flags&flagMachineAccepted != 0
			if flags&flagMachineMentions != 0 {
				r.machineMentions(s.Mentions)
			}
		}
	}
	if r.err == nil && r.row != "" {
		r.err = fmt.Errorf("%d bytes after its end", len(r.row))
	}
	if r.err != nil {
		return s, fmt.Errorf("story: stored statements row %q: %w", source.Excerpt(string(s.ID)), r.err)
	}
	var err error
	if s.Act, err = e.act(act); err != nil {
		return s, fmt.Errorf("story: stored statements row %q: %w", source.Excerpt(string(s.ID)), err)
	}
	if s.Factuality, err = e.factuality(fac); err != nil {
		return s, fmt.Errorf("story: stored statements row %q: %w", source.Excerpt(string(s.ID)), err)
	}
	if err := s.Said.UnmarshalText([]byte(said)); err != nil {
		return s, fmt.Errorf("story: stored statements row %q: %w", source.Excerpt(string(s.ID)), err)
	}
	return s, nil
}

// Recode returns statement rows in the compact layout: a row in JSON is
// read and written again, a compact row is kept. It is how a store
// rewrites the rows it wrote before the layout. Linear in the rows.
func Recode(docs [][]byte) ([][]byte, error) {
	d := NewDecoder()
	for _, doc := range docs {
		if err := d.Statement(doc); err != nil {
			return nil, err
		}
	}
	if err := d.Finish(); err != nil {
		return nil, err
	}
	out := make([][]byte, len(docs))
	for i := range d.Batch.Statements {
		b, err := appendStatement(nil, &d.Batch.Statements[i])
		if err != nil {
			return nil, fmt.Errorf("story: stored statements row %q: %w", source.Excerpt(string(d.Batch.Statements[i].ID)), err)
		}
		out[i] = b
	}
	return out, nil
}
