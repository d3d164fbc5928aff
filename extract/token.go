package extract

import (
	"unicode"
	"unicode/utf8"
)

// tokKind is what a token is.
type tokKind uint8

const (
	tokWord  tokKind = iota + 1 // letters, digits, and the apostrophes, hyphens and dots inside them
	tokPunct                    // any other mark: , ; : ( ) - and so on
	tokStop                     // a sentence-ending mark: . ! ? …
	tokQuote                    // a double quotation mark, straight or curly
)

// Token flags.
const (
	flagUpper  uint8 = 1 << iota // the first letter is upper case
	flagAbbrev                   // a word that keeps its final full stop: "U.S.", "Gen.", "J."
	flagNumber                   // the word starts with a digit
	flagOpen                     // a quotation mark that opens
	flagClose                    // a quotation mark that closes
	flagSingle                   // a single quotation mark: ‘ ’ or a straight ' standing alone
)

// token is a piece of text by byte offsets into the original text. Tokens
// never split a rune, so every offset is a rune boundary.
type token struct {
	start, end int
	kind       tokKind
	flags      uint8
}

func (t token) is(f uint8) bool { return t.flags&f != 0 }

// tokenizer appends the tokens of text[start:end] to a reused slice.
type tokenizer struct {
	text string
	toks []token
	low  []byte // scratch for lower-casing words
}

// tokenize returns the tokens of text[start:end]. The returned slice is
// reused by the next call.
func (z *tokenizer) tokenize(start, end int) []token {
	z.toks = z.toks[:0]
	text := z.text
	i := start
	for i < end {
		if c := text[i]; c < utf8.RuneSelf && asciiWord[c] {
			j := z.word(i, end)
			z.toks = append(z.toks, z.wordToken(i, j))
			i = z.toks[len(z.toks)-1].end
			continue
		}
		r, n := decode(text, i)
		switch {
		case isSpace(r) || invisible(r):
			i += n
		case r == 0x1b:
			i += escapeLen(text, i, end)
		case isWordRune(r):
			j := z.word(i, end)
			z.toks = append(z.toks, z.wordToken(i, j))
			i = z.toks[len(z.toks)-1].end
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»' || r == '„':
			z.toks = append(z.toks, token{start: i, end: i + n, kind: tokQuote, flags: quoteFlags(text, r, i, n, start, end)})
			i += n
		case r == '‘' || r == '’' || r == '\'':
			// Apostrophes inside words belong to the word ("don’t"); one
			// standing alone may open or close a single quotation.
			z.toks = append(z.toks, token{start: i, end: i + n, kind: tokQuote, flags: flagSingle | quoteFlags(text, r, i, n, start, end)})
			i += n
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + n
			for j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			z.toks = append(z.toks, token{start: i, end: j, kind: tokStop})
			i = j
		default:
			z.toks = append(z.toks, token{start: i, end: i + n, kind: tokPunct})
			i += n
		}
	}
	return z.toks
}

// word returns the end of the word starting at i: letters and digits, with
// apostrophes, hyphens and dots kept when a letter or digit follows them
// ("don’t", "arms-related", "U.S", "3.5").
func (z *tokenizer) word(i, end int) int {
	text := z.text
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				i++
				continue
			}
			if (c == '\'' || c == '-' || c == '.') && i+1 < end && z.wordAt(i+1) && (c != '.' || !z.gluedStop(i, end)) {
				i++
				continue
			}
			if c < 0x20 && invisible(rune(c)) && i+1 < end && z.wordAt(i+1) {
				i++
				continue
			}
			if c == '\'' && z.pluralPossessive(i, 1, end) {
				i++
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if isWordRune(r) {
			i += n
			continue
		}
		if (r == '’' || r == '‑' || invisible(r)) && i+n < end && z.wordAt(i+n) {
			i += n
			continue
		}
		if r == '’' && z.pluralPossessive(i, n, end) {
			i += n
		}
		break
	}
	return i
}

// pluralPossessive reports whether the mark at text[i:i+n] ends a plural
// possessive ("the officials’ claims"): after an s, before a space and a
// lower-case word.
func (z *tokenizer) pluralPossessive(i, n, end int) bool {
	text := z.text
	if i == 0 || (text[i-1] != 's' && text[i-1] != 'S') || i+n+1 >= end || text[i+n] != ' ' {
		return false
	}
	c := text[i+n+1]
	return 'a' <= c && c <= 'z'
}

// gluedStop reports whether the full stop at text[i] ends a sentence glued
// to the next for want of a space ("on the 13th.The minister said"): it
// follows a word of two or more letters with a lower-case one, with no dot
// before it in the word, and comes before a capital and a lower-case
// letter. "U.S", "a.m" and "3.5" are words.
func (z *tokenizer) gluedStop(i, end int) bool {
	text := z.text
	if i+2 >= end || text[i+1] < 'A' || text[i+1] > 'Z' || text[i+2] < 'a' || text[i+2] > 'z' {
		return false
	}
	letters, lower := 0, false
	for k := i - 1; k >= 0; k-- {
		c := text[k]
		if c == '.' {
			return false
		}
		if !asciiWord[c] {
			break
		}
		letters++
		lower = lower || 'a' <= c && c <= 'z'
	}
	return letters >= 2 && lower
}

// wordAt reports whether a letter or digit starts at text[i].
func (z *tokenizer) wordAt(i int) bool {
	if c := z.text[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(z.text[i:])
	return isWordRune(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordToken classifies text[i:j] and, for an abbreviation, takes in the
// full stop after it.
func (z *tokenizer) wordToken(i, j int) token {
	text := z.text
	t := token{start: i, end: j, kind: tokWord}
	switch c := text[i]; {
	case 'A' <= c && c <= 'Z':
		t.flags |= flagUpper
	case '0' <= c && c <= '9':
		t.flags |= flagNumber
	case c >= utf8.RuneSelf:
		if r, _ := utf8.DecodeRuneInString(text[i:]); unicode.IsUpper(r) {
			t.flags |= flagUpper
		}
	}
	if j < len(text) && text[j] == '.' && z.abbreviation(i, j) {
		t.end = j + 1
		t.flags |= flagAbbrev
	}
	return t
}

// abbreviation reports whether the word text[i:j], followed by a full stop,
// is an abbreviation that keeps it: a single letter (an initial), a dotted
// form ("U.S", "a.m"), or a listed one ("Gen", "Dec", "Mr").
func (z *tokenizer) abbreviation(i, j int) bool {
	w := z.text[i:j]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	dotted := false
	for k := 0; k < len(w); k++ {
		if w[k] == '.' {
			dotted = true
		}
		if w[k] >= '0' && w[k] <= '9' {
			return false
		}
	}
	if dotted {
		return true
	}
	low := z.lower(w)
	if low == "no" || low == "nos" {
		// "No. 2", but not "said no."
		k := j + 1
		for k < len(z.text) && z.text[k] == ' ' {
			k++
		}
		return k < len(z.text) && z.text[k] >= '0' && z.text[k] <= '9'
	}
	return abbreviations[low]
}

// lower returns w in lower case, in a scratch buffer reused by the next
// call; map lookups with string(b) do not allocate.
func (z *tokenizer) lower(w string) string {
	z.low = appendLower(z.low[:0], w)
	return string(z.low)
}

// appendLower appends w to b in lower case, with typographic apostrophes as
// straight ones so that "don’t" and "don't" look alike.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == '’' || r == '‘' {
			r = '\''
		}
		if invisible(r) {
			i += n
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n
	}
	return b
}

// quoteFlags decides whether the quotation mark r at text[i:i+n] opens or
// closes. Curly marks say so themselves; a straight one opens after space or
// an opening bracket and before a non-space, and closes otherwise.
func quoteFlags(text string, r rune, i, n, start, end int) uint8 {
	switch r {
	case '“', '«', '„', '‘':
		return flagOpen
	case '”', '»', '’':
		return flagClose
	}
	before := rune(' ')
	if i > start {
		before, _ = utf8.DecodeLastRuneInString(text[start:i])
	}
	after := rune(' ')
	if i+n < end {
		after, _ = decode(text, i+n)
	}
	spaceBefore := isSpace(before) || before == '(' || before == '[' || before == '—' || before == '–'
	spaceAfter := isSpace(after) || unicode.IsPunct(after)
	switch {
	case spaceBefore && !spaceAfter:
		return flagOpen
	case !spaceBefore && spaceAfter:
		return flagClose
	}
	return flagOpen | flagClose
}

// decode returns the rune at text[i] and its width; an invalid byte reads
// as utf8.RuneError of width 1.
func decode(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == 0xA0 || r == 0x200B || r == 0xFEFF || (r > 0x7f && unicode.IsSpace(r))
}

// invisible reports whether r is a character that shows nothing: a control
// character (NUL, a stray escape) or a format character (zero-width joiner
// and non-joiner, bidi controls, the soft hyphen). Scraped text carries
// them inside words and between them; the tokenizer reads through them, so
// that "Mi\u200dnistry" is the word "ministry", with offsets into the
// original.
func invisible(r rune) bool {
	if r < 0x20 {
		return r != '\n' && r != '\r' && r != '\t' && r != 0x1b
	}
	return r >= 0x7f && (r <= 0x9f || r == 0xAD || unicode.Is(unicode.Cf, r))
}

// escapeLen returns the length of the ANSI escape sequence at text[i], an
// ESC: "\x1b[31m" and the like (CSI: "[", parameters, a final byte from @
// to ~), or the ESC alone.
func escapeLen(text string, i, end int) int {
	if i+1 >= end || text[i+1] != '[' {
		return 1
	}
	for k := i + 2; k < end && k < i+32; k++ {
		if c := text[k]; c >= 0x40 && c <= 0x7e {
			return k + 1 - i
		}
	}
	return 1
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// abbreviations are words that keep their full stop: titles, months,
// and the like. Single letters and dotted forms ("U.S.") need no entry.
var abbreviations = lex.class("abbreviations")

// eqFold reports whether s equals the lower-case ASCII word w, ignoring
// case, with typographic apostrophes read as straight ones.
func eqFold(s, w string) bool {
	j := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if invisible(r) {
				i += n
				continue
			}
			if j < len(w) && r == '’' && w[j] == '\'' {
				i += n
				j++
				continue
			}
			return false
		}
		if j >= len(w) {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[j] {
			return false
		}
		i++
		j++
	}
	return j == len(w)
}

// containsQuote reports whether s holds a double quotation mark.
func containsQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xE2: // “ ” „ are E2 80 9C, 9D, 9E
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x9C && s[i+2] <= 0x9E {
				return true
			}
		case 0xC2: // « » are C2 AB, BB
			if i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB) {
				return true
			}
		}
	}
	return false
}
