package extract

import "slices"

// region is a quotation within a block, by token index: lo is the opening
// mark, hi the closing one, or the block's last token when the quotation is
// left open at the end of the paragraph (it goes on in the next one).
type region struct {
	lo, hi   int
	unclosed bool
}

// quoteRegions pairs the quotation marks of a block's tokens. It marks in
// inq which tokens lie inside a quotation, marks included, and returns the
// regions. A closing mark with no opening one is ignored; a quotation still
// open at the end of the block is unclosed.
func quoteRegions(toks []token, inq []bool, regions []region) ([]region, []bool) {
	regions = regions[:0]
	inq = inq[:0]
	for range toks {
		inq = append(inq, false)
	}
	open := -1
	for i, t := range toks {
		if t.kind != tokQuote || t.is(flagSingle) {
			continue
		}
		switch {
		case open < 0 && t.is(flagOpen):
			open = i
		case open >= 0 && t.is(flagClose):
			regions = append(regions, region{lo: open, hi: i})
			open = -1
		case open >= 0 && t.is(flagOpen):
			// A new opening mark inside an open quotation: the first one
			// was never closed. Start again here.
			open = i
		}
	}
	if open >= 0 {
		regions = append(regions, region{lo: open, hi: len(toks) - 1, unclosed: true})
	}
	for _, r := range regions {
		for k := r.lo; k <= r.hi; k++ {
			inq[k] = true
		}
	}
	// Single quotation marks, as British copy and headlines use them,
	// outside double ones (inside, they are quotations within the quote).
	// One left open is more likely an apostrophe ("the officials’ claims")
	// and opens nothing.
	singles := len(regions)
	open = -1
	for i, t := range toks {
		if t.kind != tokQuote || !t.is(flagSingle) || inq[i] {
			continue
		}
		switch {
		case open < 0 && t.is(flagOpen) && !t.is(flagClose):
			open = i
		case open >= 0 && t.is(flagClose):
			regions = append(regions, region{lo: open, hi: i})
			open = -1
		}
	}
	if len(regions) > singles {
		for _, r := range regions[singles:] {
			for k := r.lo; k <= r.hi; k++ {
				inq[k] = true
			}
		}
		slices.SortFunc(regions, func(a, b region) int { return a.lo - b.lo })
	}
	return regions, inq
}

// sentences splits a block's tokens into sentences, appending [lo, hi)
// token ranges to out. A sentence ends at a full stop, question or
// exclamation mark outside a quotation (or one that closes a quotation),
// when what follows starts a sentence: a capital letter, a quotation mark,
// a digit, or the end of the block. Titles and month abbreviations ("Gen.",
// "Dec.") never end a sentence; "U.S." and initials end one only before a
// word that usually starts one ("The", "He").
func (z *tokenizer) sentences(toks []token, inq []bool, out [][2]int) [][2]int {
	out = out[:0]
	lo := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		end := -1
		switch {
		case t.kind == tokStop && !inq[i]:
			end = i + 1
			// Closing brackets after the stop belong to this sentence.
			for end < len(toks) && toks[end].kind == tokPunct && z.text[toks[end].start] == ')' {
				end++
			}
		case t.kind == tokStop && i+1 < len(toks) && toks[i+1].kind == tokQuote && toks[i+1].is(flagClose) && inq[i+1] && !toks[i+1].is(flagOpen):
			// “We deny it.” The minister then left.
			end = i + 2
		case t.kind == tokWord && t.is(flagAbbrev) && !inq[i]:
			if z.abbrevEnds(toks, i) {
				end = i + 1
			}
		}
		if end < 0 {
			continue
		}
		if end < len(toks) && !startsSentence(z, toks[end]) {
			continue
		}
		out = append(out, [2]int{lo, end})
		lo = end
		i = end - 1
	}
	if lo < len(toks) {
		out = append(out, [2]int{lo, len(toks)})
	}
	return z.capLength(toks, out)
}

// maxSentence is the most tokens a sentence is read as: a run of text with
// no full stop longer than this (a list, a table, a page with no
// punctuation) is read in pieces, so that the work per cue stays bounded and
// the whole run linear in the text.
const maxSentence = 200

// capLength splits sentences longer than maxSentence tokens after the last
// comma or semicolon before the limit, or at the limit.
func (z *tokenizer) capLength(toks []token, out [][2]int) [][2]int {
	long := false
	for _, s := range out {
		long = long || s[1]-s[0] > maxSentence
	}
	if !long {
		return out
	}
	var capped [][2]int
	for _, s := range out {
		lo, hi := s[0], s[1]
		for hi-lo > maxSentence {
			cut := lo + maxSentence
			for k := cut - 1; k > lo+maxSentence/2; k-- {
				if toks[k].kind == tokPunct && (z.text[toks[k].start] == ',' || z.text[toks[k].start] == ';') {
					cut = k + 1
					break
				}
			}
			capped = append(capped, [2]int{lo, cut})
			lo = cut
		}
		capped = append(capped, [2]int{lo, hi})
	}
	return capped
}

// abbrevEnds reports whether the abbreviation at toks[i] also ends its
// sentence.
func (z *tokenizer) abbrevEnds(toks []token, i int) bool {
	w := z.lower(z.text[toks[i].start:toks[i].end])
	if w == "no." && (i+1 >= len(toks) || toks[i+1].kind != tokWord || !toks[i+1].is(flagNumber)) {
		// "No. 2" is an abbreviation; "said no." ends a sentence.
		return i+1 >= len(toks) || startsSentence(z, toks[i+1])
	}
	if titleAbbrevs[w] || toks[i].end-toks[i].start <= 2 {
		// A title, a month, or an initial such as "J.".
		return false
	}
	if i+1 >= len(toks) {
		return true
	}
	next := toks[i+1]
	if next.kind != tokWord || !next.is(flagUpper) {
		return false
	}
	return sentenceStarters[z.lower(z.text[next.start:next.end])]
}

// startsSentence reports whether t can open a sentence.
func startsSentence(z *tokenizer, t token) bool {
	switch t.kind {
	case tokQuote:
		return true
	case tokWord:
		return t.is(flagUpper) || t.is(flagNumber)
	case tokPunct:
		c := z.text[t.start]
		return c == '(' || c == '[' || c == '-'
	default:
		return false // a full stop opens nothing
	}
}
