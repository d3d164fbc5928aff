package jsonwalk

import (
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Parser reads JSON from B at I without reflection, for decoders written
// by hand for one Go type: objects, arrays, strings, integers, booleans
// and null, as the encoders of claimtrail and encoding/json write them.
// Each method reports false for anything it does not read exactly as
// encoding/json would decode it (malformed JSON, a number with a fraction,
// an escaped lone surrogate); the decoder then gives up, and the caller
// decodes the input the slow way, which decodes it the same way or reports
// the problem with a [Walker]. Each method reads in time linear in what it
// reads, and none recurses.
//
// A Parser does not check that B is valid UTF-8; its callers check the
// whole input first.
type Parser struct {
	B []byte
	I int
	// Share makes the strings it returns without escapes share B's memory
	// rather than copy it; B must then never change, and any string kept
	// keeps all of B in memory.
	Share bool
}

// Space skips white space.
func (p *Parser) Space() {
	for p.I < len(p.B) {
		switch p.B[p.I] {
		case ' ', '\t', '\n', '\r':
			p.I++
		default:
			return
		}
	}
}

// Next skips space and reports whether the next byte is c, consuming it.
func (p *Parser) Next(c byte) bool {
	p.Space()
	if p.I < len(p.B) && p.B[p.I] == c {
		p.I++
		return true
	}
	return false
}

// End reports whether only white space is left.
func (p *Parser) End() bool {
	p.Space()
	return p.I == len(p.B)
}

// Null reads null if it is next, and reports whether it was.
func (p *Parser) Null() bool {
	p.Space()
	if len(p.B)-p.I >= 4 && string(p.B[p.I:p.I+4]) == "null" {
		p.I += 4
		return true
	}
	return false
}

// Object reads an object, calling member for each member's name, which
// aliases B, with the parser at its value. A name with escapes is not
// read: encoding/json would match it after decoding.
func (p *Parser) Object(member func(key []byte) bool) bool {
	if !p.Next('{') {
		return false
	}
	if p.Next('}') {
		return true
	}
	for {
		p.Space()
		key, ok := p.RawString()
		if !ok || !p.Next(':') {
			return false
		}
		p.Space()
		if !member(key) {
			return false
		}
		if p.Next(',') {
			continue
		}
		return p.Next('}')
	}
}

// Array reads an array, calling item for each element with the parser at
// it.
func (p *Parser) Array(item func() bool) bool {
	if !p.Next('[') {
		return false
	}
	if p.Next(']') {
		return true
	}
	for {
		p.Space()
		if !item() {
			return false
		}
		if p.Next(',') {
			continue
		}
		return p.Next(']')
	}
}

// plain marks the bytes a string can hold as they are: not the quote, the
// backslash or a control character.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainRun returns the end of the run of plain bytes in b from i. It
// tests eight bytes at a time for one that is a control character, the
// quote or the backslash, with the bit tricks of "Bit Twiddling Hacks"
// (a byte of v is zero when (v-0x01..)&^v&0x80.. is not), which find
// such a byte exactly, and then looks for it one byte at a time.
func plainRun(b []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		q, bs := x^(ones*'"'), x^(ones*'\\')
		if ((x-ones*0x20)&^x|(q-ones)&^q|(bs-ones)&^bs)&highs != 0 {
			break
		}
	}
	for i < len(b) && plain[b[i]] {
		i++
	}
	return i
}

// RawString reads a string without escapes and returns its bytes, which
// alias B.
func (p *Parser) RawString() ([]byte, bool) {
	if p.I >= len(p.B) || p.B[p.I] != '"' {
		return nil, false
	}
	start := p.I + 1
	j := plainRun(p.B, start)
	if j < len(p.B) && p.B[j] == '"' {
		p.I = j + 1
		return p.B[start:j], true
	}
	return nil, false
}

// Text reads a string for an UnmarshalText method: its bytes, escapes
// decoded.
func (p *Parser) Text() ([]byte, bool) {
	if b, ok := p.RawString(); ok {
		return b, true
	}
	s, ok := p.String()
	return []byte(s), ok
}

// String reads a string and decodes its escapes.
func (p *Parser) String() (string, bool) {
	if b, ok := p.RawString(); ok {
		if p.Share && len(b) > 0 {
			return unsafe.String(&b[0], len(b)), true
		}
		return string(b), true
	}
	if p.I >= len(p.B) || p.B[p.I] != '"' {
		return "", false
	}
	j := p.I + 1
	out := make([]byte, 0, 32)
	for j < len(p.B) {
		c := p.B[j]
		switch {
		case c == '"':
			p.I = j + 1
			return string(out), true
		case c < 0x20:
			return "", false
		case c != '\\':
			out = append(out, c)
			j++
			continue
		}
		if j+1 >= len(p.B) {
			return "", false
		}
		switch e := p.B[j+1]; e {
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
			r, ok := Hex4(p.B, j+2)
			if !ok {
				return "", false
			}
			j += 4
			if utf16.IsSurrogate(r) {
				r2, ok := rune(0), j+3 < len(p.B) && p.B[j+2] == '\\' && p.B[j+3] == 'u'
				if ok {
					r2, ok = Hex4(p.B, j+4)
				}
				dec := utf16.DecodeRune(r, r2)
				if !ok || dec == utf8.RuneError {
					return "", false // a lone surrogate: the slow path reports it
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

// Hex4 reads four hexadecimal digits at b[i:].
func Hex4(b []byte, i int) (rune, bool) {
	if i < 0 || i+4 > len(b) {
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

// Int reads a plain integer that fits 64 bits: an optional minus and
// digits, no leading zero, no fraction or exponent.
func (p *Parser) Int() (int64, bool) {
	neg := p.I < len(p.B) && p.B[p.I] == '-'
	if neg {
		p.I++
	}
	digits := p.I
	var n uint64
	for p.I < len(p.B) && p.B[p.I] >= '0' && p.B[p.I] <= '9' {
		if p.I-digits >= 18 {
			return 0, false // more than 18 digits may not fit; the slow path decides
		}
		n = n*10 + uint64(p.B[p.I]-'0')
		p.I++
	}
	if p.I == digits || p.B[digits] == '0' && p.I-digits > 1 {
		return 0, false
	}
	if p.I < len(p.B) && (p.B[p.I] == '.' || p.B[p.I] == 'e' || p.B[p.I] == 'E') {
		return 0, false
	}
	if neg {
		return -int64(n), true
	}
	return int64(n), true
}

// Bool reads true or false.
func (p *Parser) Bool() (v, ok bool) {
	switch {
	case len(p.B)-p.I >= 4 && string(p.B[p.I:p.I+4]) == "true":
		p.I += 4
		return true, true
	case len(p.B)-p.I >= 5 && string(p.B[p.I:p.I+5]) == "false":
		p.I += 5
		return false, true
	}
	return false, false
}

// Skip reads one value of any kind and drops it, counting depth rather
// than recursing. It checks little: it serves to find places in input
// already known to be valid JSON.
func (p *Parser) Skip() bool {
	depth := 0
	for {
		p.Space()
		if p.I >= len(p.B) {
			return false
		}
		c := p.B[p.I]
		switch c {
		case '"':
			if !p.skipString() {
				return false
			}
		case '{', '[':
			depth++
			p.I++
		case '}', ']':
			depth--
			p.I++
		case ',', ':':
			p.I++
			continue
		default: // a number or a literal
			for p.I < len(p.B) && !ends[p.B[p.I]] {
				p.I++
			}
		}
		if depth <= 0 {
			return depth == 0
		}
	}
}

// ends marks the bytes that end a number or a literal.
var ends = func() (t [256]bool) {
	for _, c := range []byte(" \t\r\n,:]}") {
		t[c] = true
	}
	return t
}()

// skipString skips a string, escapes and all.
func (p *Parser) skipString() bool {
	for j := p.I + 1; j < len(p.B); j++ {
		switch p.B[j] {
		case '\\':
			j++
		case '"':
			p.I = j + 1
			return true
		}
	}
	return false
}
