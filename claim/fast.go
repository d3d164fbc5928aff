package claim

import (
	"time"

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
	p := fastParser{jsonwalk.Parser{B: data, Share: true}}
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
			return 16, p.Null() || list(&p, &c.Statements, p.statement)
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
type fastParser struct{ jsonwalk.Parser }

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
	const chunked = 1024 // shorter lists grow by append
	var chunks [][]T
	total := 0
	out := []T{}
	ok := p.Array(func() bool {
		if len(out) == cap(out) && len(out) >= chunked {
			chunks = append(chunks, out)
			total += len(out)
			out = make([]T, 0, total)
		}
		out = append(out, *new(T))
		return item(&out[len(out)-1])
	})
	if chunks != nil {
		all := make([]T, 0, total+len(out))
		for _, c := range chunks {
			all = append(all, c...)
		}
		out = append(all, out...)
	}
	*dst = out
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
			return 8, p.Null() || text(p, &c.Event)
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
			return 16, text(p, &s.Act)
		case "factuality":
			return 32, text(p, &s.Factuality)
		case "said":
			return 64, p.Null() || text(p, &s.Said)
		case "mentions":
			return 128, p.Null() || list(p, &s.Mentions, p.mention)
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
