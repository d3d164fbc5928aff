package jsonl

import (
	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/jsonwalk"
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
	p := fastParser{jsonwalk.Parser{B: line}}
	var s claim.Statement
	var seen uint16
	ok := p.Object(func(key []byte) bool {
		bit, known := statementKeys[string(key)]
		if !known || seen&bit != 0 {
			return false
		}
		seen |= bit
		switch string(key) {
		case "type":
			v, ok := p.String()
			return ok && v == "statement"
		case "id":
			v, ok := p.String()
			s.ID = claim.StatementID(v)
			return ok
		case "claim":
			v, ok := p.String()
			s.Claim = claim.ID(v)
			return ok
		case "source":
			v, ok := p.String()
			s.Source = source.ID(v)
			return ok
		case "via":
			s.Via = []source.ID{}
			return p.Array(func() bool {
				v, ok := p.String()
				s.Via = append(s.Via, source.ID(v))
				return ok
			})
		case "act":
			v, ok := p.Text()
			return ok && s.Act.UnmarshalText(v) == nil
		case "factuality":
			v, ok := p.Text()
			return ok && s.Factuality.UnmarshalText(v) == nil
		case "said":
			v, ok := p.Text()
			return ok && s.Said.UnmarshalText(v) == nil
		case "mentions":
			s.Mentions = []claim.Mention{}
			return p.Array(func() bool {
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
	return s, p.End()
}

// statementKeys gives each member of a statement line a bit, to tell a
// member met twice.
var statementKeys = map[string]uint16{
	"type": 1, "id": 2, "claim": 4, "source": 8, "via": 16, "act": 32,
	"factuality": 64, "said": 128, "mentions": 256,
}

// fastParser is package jsonwalk's hand-written parser, with readers of
// the members of a statement.
type fastParser struct{ jsonwalk.Parser }

// mention reads a mention object.
func (p *fastParser) mention() (claim.Mention, bool) {
	var m claim.Mention
	var seen uint8
	ok := p.Object(func(key []byte) bool {
		var bit uint8
		switch string(key) {
		case "article":
			bit = 1
			v, ok := p.String()
			m.Article = source.ArticleID(v)
			if !ok {
				return false
			}
		case "cue":
			bit = 2
			v, ok := p.String()
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
	return p.Object(func(key []byte) bool {
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
			s.Exact, ok = p.String()
		case "prefix":
			bit = 8
			s.Prefix, ok = p.String()
		case "suffix":
			bit = 16
			s.Suffix, ok = p.String()
		}
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
		return true
	})
}

// int reads a plain integer that fits an int.
func (p *fastParser) int() (int, bool) {
	n, ok := p.Int()
	return int(n), ok && int64(int(n)) == n
}
