package claim

import (
	"time"
	"unsafe"

	"github.com/claimtrail/claimtrail/internal/jsonwalk"
	"github.com/claimtrail/claimtrail/source"
)

// decodeFast decodes a corpus document without reflection, as
// encoding/json writes one (members in any order, any white space,
// escapes, null for an optional field), with strings that hold no escapes
// sharing data's memory. It reports false for anything else: every
// problem Decode reports (a member it does not know or meets twice, a
// value of the wrong kind, an enum, date or time that does not parse, a
// required value that is null or the zero time, trailing data), and what
// only encoding/json reads (a member name with escapes, a number with a
// fraction or of 19 digits or more). Decode then takes the slow path,
// which decodes the document the same way or reports its problems.
// FuzzDecodeFast checks that both paths agree.
//
// data must be valid UTF-8, and must not change while the corpus is used.
// decodeFast reads it once, in time linear in its length, and allocates
// the corpus's values and the strings that hold escapes.
func decodeFast(data []byte) (*Corpus, bool) {
	p := fastParser{Parser: jsonwalk.Parser{B: data, Share: true}, mentions: slab[Mention]{chunk: 512}}
	var c Corpus
	ok := members(&p, func(key []byte) (uint8, bool) {
		switch string(key) {
		case "format":
			return 1, p.Null() || p.str(&c.Format)
		case "sources":
			return 2, p.Null() || list(&p, &c.Sources, p.source)
		case "articles":
			return 4, p.Null() || list(&p, &c.Articles, p.article)
		case "claims":
			return 8, p.Null() || list(&p, &c.Claims, p.claim)
		case "statements":
			return 16, p.Null() || lastList(&p, &c.Statements, p.statement)
		}
		return 0, false
	})
	if !ok || !p.End() {
		return nil, false
	}
	return &c, true
}

// fastParser is package jsonwalk's parser with readers for the corpus's
// types. Each reader reports false for anything decodeFast turns away.
type fastParser struct {
	jsonwalk.Parser
	mentions slab[Mention]
}

// members reads an object, reading each member with member, which
// returns the member's bit and whether its value was read. It reports
// false for a member that failed, one with no bit (unknown), or one read
// before.
func members[B uint8 | uint16](p *fastParser, member func(key []byte) (B, bool)) bool {
	var seen B
	return p.Object(func(key []byte) bool {
		bit, ok := member(key)
		if !ok || bit == 0 || seen&bit != 0 {
			return false
		}
		seen |= bit
		return true
	})
}

// list reads an array of T into *dst, each element with item; an empty
// array is an empty slice, as encoding/json makes it. A long array is
// read into chunks, each as long as all before it, and copied once into a
// slice of its length: append's growth by a quarter at a time would
// allocate about five times the final slice over a million statements.
func list[T any](p *fastParser, dst *[]T, item func(*T) bool) bool {
	return readList(p, dst, item, false)
}

// lastList reads an array as list does, for the array that runs to about
// the end of the document, as a corpus's statements do when encoding/json
// writes it. Its slice is sized from the elements read so far: the bytes
// they took and the bytes left in the document give an estimate of its
// length, so that a million statements are copied about once rather than
// twice. An estimate is made only while the elements read take 64 bytes
// or more each (a real statement takes several times more), so that the
// capacity it asks for stays within about two bytes per byte of input;
// a slice whose estimate was too high is copied into one of its length,
// and one whose estimate was too low grows by a new estimate.
func lastList[T any](p *fastParser, dst *[]T, item func(*T) bool) bool {
	return readList(p, dst, item, true)
}

func readList[T any](p *fastParser, dst *[]T, item func(*T) bool, last bool) bool {
	const long = 1024 // shorter lists grow by append
	var chunks [][]T
	total := 0
	start := p.I
	out := []T{}
	ok := p.Array(func() bool {
		if len(out) == cap(out) && len(out) >= long {
			n, used, left := len(out), p.I-start, len(p.B)-p.I
			if last && chunks == nil && used >= 64*n {
				est := n + int(int64(left)*int64(n)/int64(used))
				est = max(est+est/16, n+n/8)
				out = append(make([]T, 0, est), out...)
			} else {
				chunks = append(chunks, out)
				total += len(out)
				out = make([]T, 0, total)
			}
		}
		out = append(out, *new(T))
		return item(&out[len(out)-1])
	})
	switch {
	case chunks != nil:
		all := make([]T, 0, total+len(out))
		for _, c := range chunks {
			all = append(all, c...)
		}
		out = append(all, out...)
	case last && cap(out) > long && cap(out)-len(out) > len(out)/8:
		out = append(make([]T, 0, len(out)), out...)
	}
	*dst = out
	return ok
}

// slab reads an array of T, each element with item, into a slice of one
// of the slab's chunks rather than an allocation of its own: the short
// lists a corpus holds one of per statement (its mentions), allocated one
// by one, would cost an allocation each. The chunks are never written
// again once a list's slice of them is handed out, and each slice's
// capacity is its length, so appending to it copies.
type slab[T any] struct {
	buf     []T // the chunk's unused part
	scratch []T // the list being read
	// chunk is the length of a chunk; zero gives each list a slice of
	// its own, for a reader of one statement.
	chunk int
}

// read reads the array into *dst, an empty array as an empty slice.
func (s *slab[T]) read(p *fastParser, dst *[]T, item func(*T) bool) bool {
	s.scratch = s.scratch[:0]
	ok := p.Array(func() bool {
		s.scratch = append(s.scratch, *new(T))
		return item(&s.scratch[len(s.scratch)-1])
	})
	n := len(s.scratch)
	if n == 0 {
		*dst = []T{} // not nil, as encoding/json reads []
		return ok
	}
	if n > len(s.buf) {
		s.buf = make([]T, max(s.chunk, n))
	}
	*dst = s.buf[:n:n]
	copy(*dst, s.scratch)
	s.buf = s.buf[n:]
	clear(s.scratch) // let go of what the strings point to
	return ok
}

// str reads a string into *dst.
func (p *fastParser) str(dst *string) bool { return id(p, dst) }

// id reads a string into a value of a string type, such as an ID.
func id[T ~string](p *fastParser, dst *T) bool {
	s, ok := p.String()
	*dst = T(s)
	return ok
}

// text reads a string with an UnmarshalText method: an enum or a Date.
func text[T any, PT interface {
	*T
	UnmarshalText([]byte) error
}](p *fastParser, dst *T) bool {
	b, ok := p.Text()
	return ok && PT(dst).UnmarshalText(b) == nil
}

// parsed reads a string with parse, which sees the string's bytes in the
// document when they hold no escape, so that the enums and dates of
// statements allocate nothing. parse must keep its argument only in the
// error it returns, which parsed drops.
func parsed[T any](p *fastParser, dst *T, parse func(string) (T, error)) bool {
	var v T
	var err error
	if b, ok := p.RawString(); ok {
		v, err = parse(unsafe.String(unsafe.SliceData(b), len(b)))
	} else if s, ok := p.String(); ok {
		v, err = parse(s)
	} else {
		return false
	}
	*dst = v
	return err == nil
}

// when reads a time as package source reads publication times and office
// terms: an RFC 3339 time, or a date alone as midnight UTC. Escapes are
// left to the slow path, where source reads the JSON text itself. A zero
// time stands for none, which only an optional time may be.
func (p *fastParser) when(dst *time.Time, optional bool) bool {
	b, ok := p.RawString()
	if !ok {
		return false
	}
	var err error
	if len(b) == len(time.DateOnly) {
		*dst, err = time.Parse(time.DateOnly, string(b))
	} else {
		err = dst.UnmarshalText(b)
	}
	return err == nil && (optional || !dst.IsZero())
}

func (p *fastParser) source(s *source.Source) bool {
	return members(p, func(key []byte) (uint16, bool) {
		switch string(key) {
		case "id":
			return 1, id(p, &s.ID)
		case "name":
			return 2, p.str(&s.Name)
		case "kind":
			return 4, p.Null() || text(p, &s.Kind)
		case "identity":
			return 8, p.Null() || text(p, &s.Identity)
		case "parent":
			return 16, p.Null() || id(p, &s.Parent)
		case "aliases":
			return 32, p.Null() || list(p, &s.Aliases, p.str)
		case "investigator":
			if p.Null() {
				return 64, true
			}
			v, ok := p.Bool()
			s.Investigator = v
			return 64, ok
		case "offices":
			return 128, p.Null() || list(p, &s.Offices, p.office)
		case "wikidata":
			return 256, p.Null() || p.str(&s.Wikidata)
		}
		return 0, false
	})
}

func (p *fastParser) office(o *source.Office) bool {
	return members(p, func(key []byte) (uint8, bool) {
		switch string(key) {
		case "title":
			return 1, p.str(&o.Title)
		case "aliases":
			return 2, p.Null() || list(p, &o.Aliases, p.str)
		case "of":
			return 4, id(p, &o.Of)
		case "from":
			return 8, p.Null() || p.when(&o.From, true)
		case "to":
			return 16, p.Null() || p.when(&o.To, true)
		}
		return 0, false
	})
}

func (p *fastParser) article(a *source.Article) bool {
	return members(p, func(key []byte) (uint16, bool) {
		switch string(key) {
		case "id":
			return 1, id(p, &a.ID)
		case "outlet":
			return 2, p.Null() || id(p, &a.Outlet)
		case "url":
			return 4, p.Null() || p.str(&a.URL)
		case "title":
			return 8, p.Null() || p.str(&a.Title)
		case "published":
			return 16, p.when(&a.Published, false)
		case "language":
			return 32, p.Null() || p.str(&a.Language)
		case "reprints":
			return 64, p.Null() || id(p, &a.Reprints)
		case "wire":
			return 128, p.Null() || id(p, &a.Wire)
		case "text":
			return 256, p.Null() || p.str(&a.Text)
		}
		return 0, false
	})
}

func (p *fastParser) claim(c *Claim) bool {
	return members(p, func(key []byte) (uint8, bool) {
		switch string(key) {
		case "id":
			return 1, id(p, &c.ID)
		case "text":
			return 2, p.str(&c.Text)
		case "actors":
			return 4, p.Null() || list(p, &c.Actors, p.actor)
		case "event":
			return 8, p.Null() || parsed(p, &c.Event, ParseDate)
		case "relations":
			return 16, p.Null() || list(p, &c.Relations, p.relation)
		}
		return 0, false
	})
}

func (p *fastParser) actor(a *Actor) bool {
	return members(p, func(key []byte) (uint8, bool) {
		switch string(key) {
		case "source":
			return 1, id(p, &a.Source)
		case "role":
			return 2, p.Null() || text(p, &a.Role)
		}
		return 0, false
	})
}

func (p *fastParser) relation(r *Relation) bool {
	return members(p, func(key []byte) (uint8, bool) {
		switch string(key) {
		case "kind":
			return 1, text(p, &r.Kind)
		case "to":
			return 2, id(p, &r.To)
		}
		return 0, false
	})
}

func (p *fastParser) statement(s *Statement) bool {
	return members(p, func(key []byte) (uint16, bool) {
		switch string(key) {
		case "id":
			return 1, id(p, &s.ID)
		case "claim":
			return 2, id(p, &s.Claim)
		case "source":
			return 4, id(p, &s.Source)
		case "via":
			return 8, p.Null() || list(p, &s.Via, func(v *source.ID) bool { return id(p, v) })
		case "act":
			return 16, parsed(p, &s.Act, ParseAct)
		case "factuality":
			return 32, parsed(p, &s.Factuality, ParseFactuality)
		case "said":
			return 64, p.Null() || parsed(p, &s.Said, ParseDate)
		case "mentions":
			return 128, p.Null() || p.mentions.read(p, &s.Mentions, p.mention)
		case "machine_accepted":
			if p.Null() {
				return 256, true
			}
			v, ok := p.Bool()
			s.MachineAccepted = v
			return 256, ok
		}
		return 0, false
	})
}

func (p *fastParser) mention(m *Mention) bool {
	return members(p, func(key []byte) (uint8, bool) {
		switch string(key) {
		case "article":
			return 1, id(p, &m.Article)
		case "cue":
			return 2, p.Null() || p.str(&m.Cue)
		case "span":
			return 4, p.span(&m.Span)
		case "machine_accepted":
			if p.Null() {
				return 8, true
			}
			v, ok := p.Bool()
			m.MachineAccepted = v
			return 8, ok
		}
		return 0, false
	})
}

func (p *fastParser) span(s *Span) bool {
	return members(p, func(key []byte) (uint8, bool) {
		switch string(key) {
		case "start":
			return 1, p.int(&s.Start)
		case "end":
			return 2, p.int(&s.End)
		case "exact":
			return 4, p.str(&s.Exact)
		case "prefix":
			return 8, p.Null() || p.str(&s.Prefix)
		case "suffix":
			return 16, p.Null() || p.str(&s.Suffix)
		}
		return 0, false
	})
}

// int reads a plain integer that fits an int.
func (p *fastParser) int(dst *int) bool {
	n, ok := p.Int()
	*dst = int(n)
	return ok && int64(*dst) == n
}
