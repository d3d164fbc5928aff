package extract

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// sentence is one sentence of a block, analysed once before any rule reads
// it: the block's tokens and quotation regions, each word's lower-case
// form, and one lexicon lookup per word (its flags and its entry). The
// readers of every stage (subject, content, when, act) are its methods and
// return what they find; nothing writes a sentence once an analyser has
// built it.
//
// Its slices are the block's: a sentence reads only its own tokens,
// toks[lo:hi], and the analyser fills those before it hands the sentence
// out, so the block's earlier sentences stay as they were.
type sentence struct {
	text string
	toks []token  // the block's tokens
	inq  []bool   // which tokens are inside quotations
	regs []region // the block's quotations, in text order
	lows []string // lower-case forms of the words, "" for other tokens
	lex  []uint8  // the lexicon flags of the words
	ents []*lexEntry
	lo   int // the sentence, toks[lo:hi]
	hi   int
	// last is the sentence's final index before a closing full stop.
	last int
	// heading is true in a headline or section heading.
	heading bool
}

// analyser builds a block's sentences: it holds the block, and the
// buffers of lower-case forms and lexicon lookups that each sentence's
// analysis fills for its tokens.
type analyser struct {
	block sentence
	// lowBuf and lowEnds are scratch for lower.
	lowBuf  []byte
	lowEnds []lowEnd
}

// start readies the analyser for a block's tokens, quotation marks and
// regions.
func (a *analyser) start(text string, toks []token, inq []bool, regs []region, heading bool) {
	b := &a.block
	b.text, b.toks, b.inq, b.regs, b.heading = text, toks, inq, regs, heading
	// sentence sets each sentence's words in these before it hands it out.
	b.lows = slices.Grow(b.lows[:0], len(toks))[:len(toks)]
	b.lex = slices.Grow(b.lex[:0], len(toks))[:len(toks)]
	b.ents = slices.Grow(b.ents[:0], len(toks))[:len(toks)]
}

// sentence analyses the block's tokens [lo, hi) and returns them as a
// sentence. Work is linear in the sentence's tokens, with one lexicon
// lookup per word and one allocation for the lower-case forms of the
// capitalised words.
func (a *analyser) sentence(lo, hi int) sentence {
	s := a.block
	s.lo, s.hi = lo, hi
	s.last = hi - 1
	for s.last >= lo && s.toks[s.last].kind == tokStop {
		s.last--
	}
	a.lower(lo, hi)
	// One lookup per word gives its flags, quoted words included, which
	// the content readers use; most words are in no table at all.
	// Every token of the sentence is set, words or not, so the block's
	// slices need no clearing: the readers look at no token past the
	// sentence, and the block's earlier sentences were set before it.
	for i := lo; i < hi; i++ {
		s.ents[i], s.lex[i] = nil, 0
		if s.toks[i].kind == tokWord {
			if e := lookup(s.lows[i]); e != nil {
				s.ents[i], s.lex[i] = e, e.flags
			}
		}
	}
	return s
}

// release drops what the analyser holds of the last text, so that a
// pooled extractor keeps no article alive.
func (a *analyser) release() {
	clear(a.block.lows[:cap(a.block.lows)]) // words of a longer paragraph may lie past len
	a.block = sentence{lows: a.block.lows[:0], lex: a.block.lex[:0], ents: a.block.ents[:0]}
}

// lower sets the lower-case forms of all the words of tokens [lo, hi),
// those that are not their own from one string: one allocation per
// sentence rather than one per capitalised word. Every word of the
// sentence is set, so the block's slice needs no clearing: word reads
// no other index.
func (a *analyser) lower(lo, hi int) {
	b := &a.block
	buf, ends := a.lowBuf[:0], a.lowEnds[:0]
	for i := lo; i < hi; i++ {
		t := b.toks[i]
		if t.kind != tokWord {
			continue
		}
		if w := b.text[t.start:t.end]; isLowerASCII(w) {
			b.lows[i] = w
		} else {
			buf = appendLower(buf, w)
			ends = append(ends, lowEnd{i, len(buf)})
		}
	}
	a.lowBuf, a.lowEnds = buf, ends
	if len(ends) == 0 {
		return
	}
	all, start := string(buf), 0
	for _, e := range ends {
		b.lows[e.tok], start = all[start:e.end], e.end
	}
}

// span is a byte range of the original text.
type span struct{ start, end int }

func (s span) empty() bool { return s.end <= s.start }

// word returns the lower-case form of a word token of the sentence, or ""
// for any other token. lowerSentence works out every word's form when run
// starts on the sentence: a word already in lower case is a slice of the
// text, and the others share one string.
func (s *sentence) word(i int) string {
	if i < s.lo || i >= s.hi || s.toks[i].kind != tokWord {
		return ""
	}
	return s.lows[i]
}

// lowEnd is where a word's lower-case form ends in lowerSentence's buffer.
type lowEnd struct{ tok, end int }

// isLowerASCII reports whether w has no upper-case letter and no byte
// outside ASCII, so that it is its own lower-case form.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// is reports whether token i is the word w (lower case).
func (s *sentence) is(i int, w string) bool {
	if i < s.lo || i >= s.hi || s.toks[i].kind != tokWord {
		return false
	}
	t := s.toks[i]
	return eqFold(s.text[t.start:t.end], w)
}

// punct reports whether token i is the punctuation mark c.
func (s *sentence) punct(i int, c byte) bool {
	return i >= s.lo && i < s.hi && s.toks[i].kind == tokPunct && s.text[s.toks[i].start] == c
}

func (s *sentence) comma(i int) bool { return s.punct(i, ',') }

// boundary reports whether token i ends a clause: a comma, semicolon,
// colon, dash or bracket.
func (s *sentence) boundary(i int) bool {
	if i < s.lo || i >= s.hi {
		return true
	}
	t := s.toks[i]
	if t.kind == tokStop {
		return true
	}
	if t.kind != tokPunct {
		return false
	}
	switch s.text[t.start] {
	case ',', ';', ':', '(', ')', '[', ']':
		return true
	}
	r, _ := decode(s.text, t.start)
	return r == '—' || r == '–'
}

// tokSpan returns the byte span of tokens [i, j] (inclusive).
func (s *sentence) tokSpan(i, j int) span {
	if i > j {
		return span{}
	}
	return span{s.toks[i].start, s.toks[j].end}
}

// determinerBefore reports whether token i follows a determiner or a
// possessive, which makes it a noun or an adjective rather than a verb.
func (s *sentence) determinerBefore(i int) bool {
	p := i - 1
	if p < s.lo || s.toks[p].kind != tokWord {
		return false
	}
	w := s.word(p)
	return determiners[w] || hasPossessive(w)
}

// tokenAt returns the index of the sentence token that starts at or after
// byte offset off.
func (s *sentence) tokenAt(off int) int {
	for k := s.lo; k < s.hi; k++ {
		if s.toks[k].start >= off {
			return k
		}
	}
	return s.hi
}

// regionEndingAt returns the quotation whose closing mark is token p. The
// regions are in text order and do not overlap, so a binary search finds it.
func (s *sentence) regionEndingAt(p int) (region, bool) {
	k, _ := slices.BinarySearchFunc(s.regs, p, func(r region, p int) int { return cmp.Compare(r.hi, p) })
	if k < len(s.regs) && s.regs[k].hi == p {
		return s.regs[k], true
	}
	return region{}, false
}

// regionStartingAt returns the quotation whose opening mark is token i.
func (s *sentence) regionStartingAt(i int) (region, bool) {
	k, _ := slices.BinarySearchFunc(s.regs, i, func(r region, i int) int { return cmp.Compare(r.lo, i) })
	if k < len(s.regs) && s.regs[k].lo == i {
		return s.regs[k], true
	}
	return region{}, false
}

// phraseAt reports whether the words from token k, skipping quotation
// marks and emphatic words inside the phrase, are the phrase's words,
// within end.
func (s *sentence) phraseAt(k, end int, words []string) bool {
	for i, pw := range words {
		for k < s.hi && s.toks[k].kind == tokQuote {
			k++
		}
		// "nothing whatsoever to do with", "never ever supplied": an
		// emphatic word inside a phrase leaves it the same phrase.
		for i > 0 && k < s.hi && s.toks[k].end <= end && s.ents[k] != nil && s.ents[k].emphatic && !wordMatches(s.word(k), pw) {
			k++
		}
		if k >= s.hi || s.toks[k].end > end || s.toks[k].kind != tokWord || !wordMatches(s.word(k), pw) {
			return false
		}
		k++
	}
	return true
}

// firstWordAt returns the first word token from k on.
func (s *sentence) firstWordAt(k int) int {
	for k < s.hi && s.toks[k].kind != tokWord {
		k++
	}
	return k
}

// leadingWords fills buf with the lower-case words that open c, as many as
// fit, and returns the filled part.
func (s *sentence) leadingWords(c span, buf []string) []string {
	n := 0
	for k := s.tokenAt(c.start); k < s.hi && s.toks[k].end <= c.end && n < len(buf); k++ {
		if s.toks[k].kind == tokWord {
			buf[n] = s.word(k)
			n++
		}
	}
	return buf[:n]
}

// verbAt reports whether token k is a finite reporting verb form, by the
// sentence's lexicon flags.
func (s *sentence) verbAt(k int) bool {
	return k >= s.lo && k < s.hi && s.lex[k]&lexVerbForm != 0
}

// inName reports whether the word at k is part of a name: capitalised after
// a capitalised word, as "May" in "Theresa May".
func (s *sentence) inName(k int) bool {
	return k > s.lo && s.toks[k].is(flagUpper) && s.toks[k-1].kind == tokWord && s.toks[k-1].is(flagUpper)
}

// lastRegion returns the block's last quotation.
func (s *sentence) lastRegion() (region, bool) {
	if len(s.regs) == 0 {
		return region{}, false
	}
	return s.regs[len(s.regs)-1], true
}
