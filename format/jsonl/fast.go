package jsonl

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// fastStatement decodes a statement line as the encoder writes it,
// without reflection: the members of a statement, a mention and a span,
// each at most once and named exactly, strings, integers, and enums that
// parse. It reports false for anything else (null, a member it does not
// know or meets twice, a number that is not a plain integer, an enum that
// does not parse, malformed JSON), and the line then takes the general
// path through encoding/json, which decodes it the same way or reports
// the problem. FuzzFastStatement checks that both paths agree.
func fastStatement(line []byte) (claim.Statement, bool) {
	p := fastParser{b: line}
	var s claim.Statement
	var seen uint16
	ok := p.object(func(key []byte) bool {
		bit, known := statementKeys[string(key)]
		if !known || seen&bit != 0 {
			return false
		}
		seen |= bit
		switch string(key) {
		case "type":
			v, ok := p.str()
			return ok && v == "statement"
		case "id":
			v, ok := p.str()
			s.ID = claim.StatementID(v)
			return ok
		case "claim":
			v, ok := p.str()
			s.Claim = claim.ID(v)
			return ok
		case "source":
			v, ok := p.str()
			s.Source = source.ID(v)
			return ok
		case "via":
			s.Via = []source.ID{}
			return p.array(func() bool {
				v, ok := p.str()
				s.Via = append(s.Via, source.ID(v))
				return ok
			})
		case "act":
			v, ok := p.raw()
			return ok && s.Act.UnmarshalText(v) == nil
		case "factuality":
			v, ok := p.raw()
			return ok && s.Factuality.UnmarshalText(v) == nil
		case "said":
			v, ok := p.raw()
			return ok && s.Said.UnmarshalText(v) == nil
		case "mentions":
			s.Mentions = []claim.Mention{}
			return p.array(func() bool {
				m, ok := p.mention()
				s.Mentions = append(s.Mentions, m)
				return ok
			})
		}
		return false
	})
	if !ok || seen&1 == 0 {
		return claim.Statement{}, false
	}
	p.ws()
	return s, p.i == len(p.b)
}

// statementKeys gives each member of a statement line a bit, to tell a
// member met twice.
var statementKeys = map[string]uint16{
	"type": 1, "id": 2, "claim": 4, "source": 8, "via": 16, "act": 32,
	"factuality": 64, "said": 128, "mentions": 256,
}

// fastParser reads JSON from b at i.
type fastParser struct {
	b []byte
	i int
}

func (p *fastParser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// next skips space and reports whether the next byte is c, consuming it.
func (p *fastParser) next(c byte) bool {
	p.ws()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// object reads an object, calling member for each key with the parser at
// its value.
func (p *fastParser) object(member func(key []byte) bool) bool {
	if !p.next('{') {
		return false
	}
	if p.next('}') {
		return true
	}
	for {
		p.ws()
		key, ok := p.rawString()
		if !ok || !p.next(':') {
			return false
		}
		p.ws()
		if !member(key) {
			return false
		}
		if p.next(',') {
			continue
		}
		return p.next('}')
	}
}

// array reads an array, calling item for each element with the parser at
// it.
func (p *fastParser) array(item func() bool) bool {
	if !p.next('[') {
		return false
	}
	if p.next(']') {
		return true
	}
	for {
		p.ws()
		if !item() {
			return false
		}
		if p.next(',') {
			continue
		}
		return p.next(']')
	}
}

// rawString reads a string without escapes and returns its bytes, which
// alias the line.
func (p *fastParser) rawString() ([]byte, bool) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return nil, false
	}
	start := p.i + 1
	for j := start; j < len(p.b); j++ {
		switch c := p.b[j]; {
		case c == '"':
			p.i = j + 1
			return p.b[start:j], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
	}
	return nil, false
}

// raw reads a string for an enum's UnmarshalText, escapes decoded.
func (p *fastParser) raw() ([]byte, bool) {
	if b, ok := p.rawString(); ok {
		return b, true
	}
	s, ok := p.str()
	return []byte(s), ok
}

// str reads a string and decodes its escapes.
func (p *fastParser) str() (string, bool) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return "", false
	}
	start := p.i + 1
	j := start
	for j < len(p.b) && p.b[j] != '"' && p.b[j] != '\\' && p.b[j] >= 0x20 {
		j++
	}
	if j < len(p.b) && p.b[j] == '"' {
		p.i = j + 1
		return string(p.b[start:j]), true
	}
	out := make([]byte, 0, j-start+16)
	out = append(out, p.b[start:j]...)
	for j < len(p.b) {
		c := p.b[j]
		switch {
		case c == '"':
			p.i = j + 1
			return string(out), true
		case c < 0x20:
			return "", false
		case c != '\\':
			out = append(out, c)
			j++
			continue
		}
		if j+1 >= len(p.b) {
			return "", false
		}
		switch e := p.b[j+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(p.b, j+2)
			if !ok {
				return "", false
			}
			j += 4
			if utf16.IsSurrogate(r) {
				r2, ok := rune(0), j+3 < len(p.b) && p.b[j+2] == '\\' && p.b[j+3] == 'u'
				if ok {
					r2, ok = hex4(p.b, j+4)
				}
				dec := utf16.DecodeRune(r, r2)
				if !ok || dec == utf8.RuneError {
					return "", false // a lone surrogate: the general path reports it
				}
				r = dec
				j += 6
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", false
		}
		j += 2
	}
	return "", false
}

// hex4 reads four hexadecimal digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c-'a') + 10
		case 'A' <= c && c <= 'F':
			r |= rune(c-'A') + 10
		default:
			return 0, false
		}
	}
	return r, true
}

// int reads a plain integer: an optional minus and digits, no leading
// zero, no fraction or exponent.
func (p *fastParser) int() (int, bool) {
	start := p.i
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	digits := p.i
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	if p.i == digits || p.b[digits] == '0' && p.i-digits > 1 {
		return 0, false
	}
	if p.i < len(p.b) && (p.b[p.i] == '.' || p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		return 0, false
	}
	n, err := strconv.Atoi(string(p.b[start:p.i]))
	return n, err == nil
}

// mention reads a mention object.
func (p *fastParser) mention() (claim.Mention, bool) {
	var m claim.Mention
	var seen uint8
	ok := p.object(func(key []byte) bool {
		var bit uint8
		switch string(key) {
		case "article":
			bit = 1
			v, ok := p.str()
			m.Article = source.ArticleID(v)
			if !ok {
				return false
			}
		case "cue":
			bit = 2
			v, ok := p.str()
			m.Cue = v
			if !ok {
				return false
			}
		case "span":
			bit = 4
			if !p.span(&m.Span) {
				return false
			}
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return true
	})
	return m, ok
}

// span reads a span object.
func (p *fastParser) span(s *claim.Span) bool {
	var seen uint8
	return p.object(func(key []byte) bool {
		var bit uint8
		var ok bool
		switch string(key) {
		case "start":
			bit = 1
			s.Start, ok = p.int()
		case "end":
			bit = 2
			s.End, ok = p.int()
		case "exact":
			bit = 4
			s.Exact, ok = p.str()
		case "prefix":
			bit = 8
			s.Prefix, ok = p.str()
		case "suffix":
			bit = 16
			s.Suffix, ok = p.str()
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
		return true
	})
}
