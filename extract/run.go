package extract

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// extractor holds the state of one Extract call.
type extractor struct {
	text string
	opts Options
	z    tokenizer
	// Per-block scratch, reused.
	toks  []token
	inq   []bool
	regs  []region
	sents [][2]int
	// found holds every attribution so far, in text order.
	found foundList
	// openQuote is the index in found of an attribution whose quotation
	// runs on past its paragraph, or -1.
	openQuote int
	// lastDirect is the index in found of the paragraph's latest direct
	// quotation, whose speaker a quotation standing alone after it goes on
	// with, or -1.
	lastDirect int
	// prevOpen is the unclosed quotation that ended the previous block.
	prevOpen span
	// pair is the last two names a source coordinated ("BDO and BPI"),
	// which "both", "the two banks" and "they" right after refer to.
	pair [2]span
	// artPair is the one pair of same-kind registry names the article
	// coordinates anywhere ("BDO and BPI"), found when first needed:
	// artPairRead tells whether it was looked for.
	artPair     [2]span
	artPairRead bool
	speakers    speakers
	// phraseDates holds the time phrases resolved so far in this call,
	// by their text.
	phraseDates map[string]phraseDate
	cleaned     Cleaned
	m           matcher
}

// foundList is the attributions of a call in text order, kept in chunks
// of fixed size: appending never copies what is there, so a long text
// allocates its attributions once, not the twice that a growing slice
// allocates, and indexes stay valid.
type foundList struct {
	chunks [][]found
	n      int
}

// foundChunk is the attributions per chunk: as many as fill 32 KB, the
// largest size class the allocator does not round up to whole pages.
const foundChunk = 32 << 10 / int(unsafe.Sizeof(found{}))

// keptChunks is how many chunks a pooled extractor keeps between calls.
const keptChunks = 8

func (l *foundList) len() int { return l.n }

// at returns attribution i, which stays where it is while the list grows.
func (l *foundList) at(i int) *found { return &l.chunks[i/foundChunk][i%foundChunk] }

// push appends f.
func (l *foundList) push(f found) {
	c := l.n / foundChunk
	if c == len(l.chunks) {
		l.chunks = append(l.chunks, make([]found, foundChunk))
	}
	l.chunks[c][l.n%foundChunk] = f
	l.n++
}

// reset empties the list, dropping what it referred to and all but the
// first few chunks.
func (l *foundList) reset() {
	for i := 0; i < l.n; i += foundChunk {
		clear(l.chunks[i/foundChunk][:min(l.n-i, foundChunk)])
	}
	clear(l.chunks[min(len(l.chunks), keptChunks):])
	l.chunks = l.chunks[:min(len(l.chunks), keptChunks)]
	l.n = 0
}

// extract runs the extractor, new or used, on text, as Extract documents.
// Everything it reads is reset first and dropped afterwards: a used
// extractor gives what a new one gives.
func (x *extractor) extract(text string, opts Options) (*Result, error) {
	if !utf8.ValidString(text) {
		off := invalidOffset(text)
		return nil, fmt.Errorf("extract: %w", &source.FieldError{Field: "text", Value: fmt.Sprintf("byte %d", off), Err: source.ErrInvalidUTF8})
	}
	x.reset(text, opts)
	defer x.release()
	x.run()
	return x.result(), nil
}

// reset readies an extractor, new or used, for text.
func (x *extractor) reset(text string, opts Options) {
	x.text, x.opts, x.openQuote, x.lastDirect, x.prevOpen, x.pair = text, opts, -1, -1, span{}, [2]span{}
	x.artPair, x.artPairRead = [2]span{}, false
	x.z.text = text
	x.found.reset()
	x.speakers.reset(opts.Registry, opts.Published)
	if x.phraseDates == nil {
		x.phraseDates = make(map[string]phraseDate)
	}
	clear(x.phraseDates)
	x.m.x, x.m.text = x, text
}

// release drops what an extractor holds of the last text, so that a pooled
// extractor keeps no article alive.
func (x *extractor) release() {
	x.text, x.z.text, x.m.text = "", "", ""
	x.opts = Options{}
	x.cleaned = Cleaned{}
	clear(x.m.lows[:cap(x.m.lows)]) // words of a longer paragraph may lie past len
	x.found.reset()
	clear(x.phraseDates)
	x.speakers.reset(nil, time.Time{})
}

func (x *extractor) run() {
	x.cleaned = Clean(x.text)
	m := &x.m
	for _, whole := range x.cleaned.Blocks {
		for b := range pieces(x.text, whole) {
			x.block(m, b)
		}
	}
}

// maxBlock is the longest stretch of text read as one paragraph. A longer
// block (a page with no line breaks) is read in pieces cut after a full
// stop where one comes near the limit, so memory per block stays small and
// the time linear in the text.
const maxBlock = 16 << 10

// pieces yields a block, or for a block longer than maxBlock its pieces.
func pieces(text string, b Block) iter.Seq[Block] {
	return func(yield func(Block) bool) {
		for b.End-b.Start > maxBlock {
			cut := b.Start + maxBlock
			// Back up to a space after a full stop, or at least a space,
			// within the last quarter of the piece.
			best := -1
			for k := cut; k > b.Start+maxBlock*3/4; k-- {
				if text[k] == ' ' || text[k] == '\n' {
					if best < 0 {
						best = k
					}
					if text[k-1] == '.' {
						best = k
						break
					}
				}
			}
			if best < 0 {
				for !utf8.RuneStart(text[cut]) {
					cut--
				}
				best = cut
			}
			if !yield(Block{Start: b.Start, End: best, Heading: b.Heading}) {
				return
			}
			b.Start = best
		}
		yield(b)
	}
}

// block reads one block: its tokens, quotations and sentences, and the
// attributions in each sentence.
func (x *extractor) block(m *matcher, b Block) {
	// The tokenizer's slice is ours until the next block.
	x.toks = x.z.tokenize(b.Start, b.End)
	x.regs, x.inq = quoteRegions(x.toks, x.inq, x.regs)
	x.unquoteDangling(b)
	x.continueQuote()
	x.lastDirect = -1 // a quotation goes on only within its paragraph
	x.sents = x.z.sentences(x.toks, x.inq, x.sents)
	m.toks, m.inq, m.regs, m.heading = x.toks, x.inq, x.regs, b.Heading
	// run sets each sentence's words in these before it reads them.
	m.lows = slices.Grow(m.lows[:0], len(x.toks))[:len(x.toks)]
	m.lex = slices.Grow(m.lex[:0], len(x.toks))[:len(x.toks)]
	m.ents = slices.Grow(m.ents[:0], len(x.toks))[:len(x.toks)]
	for _, s := range x.sents {
		m.lo, m.hi = s[0], s[1]
		m.out = m.out[:0]
		m.run()
		x.add(m)
	}
	x.endBlock()
}

// unquoteDangling reads a quotation left open at the end of a paragraph as
// not quoted when the next paragraph does not open one: the closing mark
// was lost ("“We never bought a shell, he said. Kirby said ..."), and the
// rest of the paragraph is not the quoted speaker's. A quotation that runs
// on into a paragraph opening with a quotation mark stays open.
func (x *extractor) unquoteDangling(b Block) {
	n := len(x.regs)
	if n == 0 || !x.regs[n-1].unclosed {
		return
	}
	k := b.End
	for k < len(x.text) {
		r, w := decode(x.text, k)
		if !isSpace(r) {
			break
		}
		k += w
	}
	if k < len(x.text) {
		if r, _ := decode(x.text, k); r == '“' || r == '"' || r == '«' || r == '„' {
			return
		}
	}
	r := x.regs[n-1]
	for i := r.lo; i <= r.hi; i++ {
		x.inq[i] = false
	}
	x.regs = x.regs[:n-1]
}

// continueQuote handles a quotation that runs over paragraphs: when the
// previous paragraph ended inside a quotation and this one opens with a
// quotation mark, this paragraph's first quotation continues the content of
// the attribution that holds the earlier part.
func (x *extractor) continueQuote() {
	if x.prevOpen.empty() || len(x.toks) == 0 || x.toks[0].kind != tokQuote || len(x.regs) == 0 || x.regs[0].lo != 0 {
		x.openQuote = -1
		return
	}
	if x.openQuote < 0 {
		return
	}
	r := x.regs[0]
	f := x.found.at(x.openQuote)
	f.content = append(f.content, span{x.toks[r.lo].start, x.toks[r.hi].end})
	if !r.unclosed {
		x.openQuote = -1
	}
}

// endBlock remembers whether the block ended inside a quotation.
func (x *extractor) endBlock() {
	x.prevOpen = span{}
	if n := len(x.regs); n > 0 && x.regs[n-1].unclosed {
		r := x.regs[n-1]
		x.prevOpen = span{x.toks[r.lo].start, x.toks[r.hi].end}
		return
	}
	x.openQuote = -1
}

// add takes a sentence's attributions: participles get the main clause's
// source, coordinated sources ("North Korea and Russia") split into one
// attribution each, a quotation that opened the paragraph picks up its
// earlier part, and each is resolved and dated.
func (x *extractor) add(m *matcher) {
	if len(m.out) == 0 {
		x.quoteGoesOn(m)
		return
	}
	x.lastDirect = -1
	first := x.found.len()
	for _, f := range m.out {
		if f.participle {
			f.source = m.mainSubject(m.tokenAt(f.cue.start))
			if f.source.empty() {
				continue
			}
		}
		x.prependOpenQuote(&f, m)
		f.said = m.saidDate(f, x.opts)
		var one [1]span
		srcs := x.conjuncts(f.source, one[:0])
		var aliases [2]span
		switch {
		case len(srcs) == 2:
			x.pair = [2]span{srcs[0], srcs[1]}
		case !x.pair[0].empty() && x.bothOf(f.source):
			// "Both banks said", after "BDO and BPI": one each.
			srcs, aliases = []span{f.source, f.source}, x.pair
		case x.pair[0].empty() && x.speakers.reg != nil && x.endsInPairNoun(f.source) && x.bothOf(f.source):
			// "Two of its lenders denied", with "BDO and BPI" named
			// together somewhere in the article, and no other pair.
			if p, ok := x.articlePair(f.source); ok {
				srcs, aliases = []span{f.source, f.source}, p
			}
		case len(srcs) > 2:
			x.pair = [2]span{}
		}
		for n, src := range srcs {
			g := f
			if n > 0 {
				g.content = slices.Clone(f.content)
			}
			g.source = src
			if !aliases[n%2].empty() {
				g.alias = aliases[n%2]
			}
			x.found.push(g)
			if r, ok := m.lastRegion(); ok && r.unclosed && len(g.content) > 0 && g.content[len(g.content)-1].end == x.toks[r.hi].end {
				x.openQuote = x.found.len() - 1
			}
			if g.form == FormDirect && n == 0 {
				x.lastDirect = x.found.len() - 1
			}
		}
	}
	x.relays(first)
}

// bothOf reports whether a source refers to the two names last
// coordinated: "both", "both banks", "the two banks", "two of its
// lenders", or "they" when the latest attribution is the pair's.
func (x *extractor) bothOf(s span) bool {
	text := x.text[s.start:s.end]
	words := strings.Fields(text)
	low := lowerAll(words)
	switch {
	case len(low) == 0:
		return false
	case len(low) == 1 && low[0] == "they":
		n := x.found.len()
		return n > 0 && (x.found.at(n-1).source == x.pair[1] || x.found.at(n-1).alias == x.pair[1])
	case low[0] == "both":
		return true
	case low[0] == "the" && len(low) <= 4 && pairNouns[low[len(low)-1]]:
		// "the local lenders", "the lenders": a description of the
		// pair's kind.
		return true
	}
	for i, w := range low {
		if i > 3 || possessives[w] || w == "of" {
			continue
		}
		if w == "two" {
			return (i == 0 || low[0] == "the") && strings.HasSuffix(low[len(low)-1], "s")
		}
	}
	return false
}

// endsInPairNoun reports whether a source ends in a plural noun for
// parties ("lenders"), without allocating: most sources do not, and
// bothOf need not read them.
func (x *extractor) endsInPairNoun(s span) bool {
	text := strings.TrimRight(x.text[s.start:s.end], " ")
	w := text[strings.LastIndexByte(text, ' ')+1:]
	var buf [32]byte
	if len(w) > len(buf) {
		return false
	}
	return pairNouns[string(appendLower(buf[:0], w))]
}

// relays links each attribution of the sentence just added (from index
// first on) to the one whose content holds its cue, the nearest one: in
// "The ministry denied the report, KCNA said", the denial came through
// KCNA.
func (x *extractor) relays(first int) {
	for i := first; i < x.found.len(); i++ {
		g := x.found.at(i)
		g.via = -1
		best := -1
		for j := first; j < x.found.len(); j++ {
			h := x.found.at(j)
			if j == i || h.cue == g.cue || h.source == g.source || !h.holds(g.cue) {
				continue
			}
			if best < 0 || h.contentLen() < x.found.at(best).contentLen() {
				best = j
			}
		}
		if best >= 0 {
			// The first of the conjuncts that share a cue stands for them.
			for best > first && x.found.at(best-1).cue == x.found.at(best).cue {
				best--
			}
			g.via = best
		}
	}
}

// holds reports whether one of f's content pieces contains s.
func (f found) holds(s span) bool {
	for _, c := range f.content {
		if c.start <= s.start && s.end <= c.end {
			return true
		}
	}
	return false
}

// contentLen is the bytes of f's content.
func (f found) contentLen() int {
	n := 0
	for _, c := range f.content {
		n += c.end - c.start
	}
	return n
}

// quoteGoesOn gives a sentence that is only a quotation, right after a
// direct quotation in the same paragraph, to that quotation's speaker:
// “We deny it,” Peskov said. “It is a lie.”
func (x *extractor) quoteGoesOn(m *matcher) {
	if x.lastDirect < 0 || x.lastDirect >= x.found.len() {
		return
	}
	r, ok := m.regionStartingAt(m.lo)
	if !ok || r.unclosed || r.hi < m.last {
		x.lastDirect = -1 // narration ends the speaker's turn
		return
	}
	q := span{x.toks[r.lo].start, x.toks[r.hi].end}
	// Every conjunct of the attribution gets the quotation.
	for k := x.lastDirect; k < x.found.len() && x.found.at(k).cue == x.found.at(x.lastDirect).cue; k++ {
		f := x.found.at(k)
		f.content = append(f.content, q)
	}
}

// prependOpenQuote gives a direct quotation that opens its paragraph the
// part of it in the paragraph before: “A, (new paragraph) “B,” he said.
func (x *extractor) prependOpenQuote(f *found, m *matcher) {
	if x.prevOpen.empty() || len(f.content) == 0 || len(x.regs) == 0 || x.regs[0].lo != 0 {
		return
	}
	if f.content[0].start != x.toks[0].start {
		return
	}
	if x.openQuote >= 0 && x.openQuote < x.found.len() {
		return // already carried by an earlier attribution
	}
	f.content = append([]span{x.prevOpen}, f.content...)
}

// lastRegion returns the block's last quotation.
func (m *matcher) lastRegion() (region, bool) {
	if len(m.regs) == 0 {
		return region{}, false
	}
	return m.regs[len(m.regs)-1], true
}

// conjuncts splits a coordinated source, "both North Korea and Russia", into
// its names; any other source comes back alone. The names are appended to
// buf, which the caller passes on its stack: most sources are alone.
func (x *extractor) conjuncts(s span, buf []span) []span {
	if s.empty() {
		return append(buf, s)
	}
	text := x.text[s.start:s.end]
	if !strings.Contains(text, " and ") && !strings.Contains(text, " nor ") {
		return append(buf, s)
	}
	// A name the registry knows whole ("Bosnia and Herzegovina") is one.
	if x.speakers.reg != nil {
		if _, ok := x.speakers.reg.Resolve(text); ok {
			return append(buf, s)
		}
	}
	out := buf
	start := s.start
	if len(text) > 5 && eqFold(text[:5], "both ") {
		start += 5
	}
	if len(text) > 8 && eqFold(text[:8], "neither ") {
		start += 8
	}
	cut := func(i, width int) {
		out = append(out, span{start, i})
		start = i + width
	}
	for i := start; i < s.end; i++ {
		switch {
		case i+5 <= s.end && (x.text[i:i+5] == " and " || x.text[i:i+5] == " nor "):
			cut(i, 5)
		case x.text[i] == ',' && i+1 < s.end && x.text[i+1] == ' ':
			if i+6 <= s.end && x.text[i:i+6] == ", and " {
				cut(i, 6)
				i += 5
			} else {
				cut(i, 2)
			}
		}
	}
	out = append(out, span{start, s.end})
	for i, o := range out {
		// "Ministers from France and Germany", "the Ministry of Oceans and
		// Fisheries": a preposition makes the whole one speaker; the last
		// name may hold one ("Halden and the Bank of Orvik").
		if o.empty() || i < len(out)-1 && hasPreposition(x.text[o.start:o.end]) {
			return []span{s}
		}
	}
	// An aside after a name is no name of its own: "Halden Bank, the
	// largest lender, and Orvik Bank".
	names := out[:1]
	for i, o := range out[1:] {
		if i+2 == len(out) || hasCapital(x.text[o.start:o.end]) {
			names = append(names, o)
		}
	}
	return names
}

// hasCapital reports whether a phrase holds an upper-case letter.
func hasCapital(phrase string) bool {
	return strings.ContainsFunc(phrase, unicode.IsUpper)
}

// hasPreposition reports whether a phrase holds a preposition word.
func hasPreposition(phrase string) bool {
	for w := range strings.FieldsSeq(phrase) {
		if prepositions[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// result resolves speakers and builds the Result.
func (x *extractor) result() *Result {
	res := &Result{Cleaned: x.cleaned}
	res.Candidates = make([]Candidate, 0, x.found.len())
	// at maps an index of found to its candidate, or -1.
	at := make([]int, x.found.len())
	for i := range at {
		at[i] = -1
		if c, ok := x.candidate(*x.found.at(i)); ok {
			at[i] = len(res.Candidates)
			res.Candidates = append(res.Candidates, c)
		}
	}
	// Relays: the chain of the attribution that holds this one, then its
	// speaker. Holders come later in the text only within a sentence, so
	// a pass in order of found settles chains of any depth after two.
	for pass := 0; pass < 2; pass++ {
		for i := range at {
			f := x.found.at(i)
			if at[i] < 0 || f.via < 0 || at[f.via] < 0 {
				continue
			}
			h := res.Candidates[at[f.via]]
			c := &res.Candidates[at[i]]
			if h.Speaker == "" || h.Speaker == source.AbsentID || h.Speaker == c.Speaker {
				continue // "KCNA retracted the report, which it said ...": no relay
			}
			c.Via = slices.DeleteFunc(append(slices.Clone(h.Via), h.Speaker), func(id source.ID) bool { return id == c.Speaker })
		}
	}
	res.NewSources = x.speakers.added
	return res
}

// candidate turns a found attribution into a Candidate.
func (x *extractor) candidate(f found) (Candidate, bool) {
	c := Candidate{Form: f.form, Act: f.act, Said: f.said, Confidence: f.confidence}
	if f.rule != nil {
		c.Rule = *f.rule
	}
	var err error
	if c.Cue, err = claim.Locate(x.text, f.cue.start, f.cue.end); err != nil {
		return c, false
	}
	n := 0
	for _, p := range f.content {
		if !p.empty() {
			n++
		}
	}
	if n > 0 {
		c.Content = make([]claim.Span, 0, n) // nil when there is none, as before
	}
	for _, p := range f.content {
		if p.empty() {
			continue
		}
		s, err := claim.Locate(x.text, p.start, p.end)
		if err != nil {
			return c, false
		}
		c.Content = append(c.Content, s)
	}
	if f.source.empty() {
		c.Speaker, c.Resolution = source.AbsentID, ResolutionAbsent
	} else {
		if c.Source, err = claim.Locate(x.text, f.source.start, f.source.end); err != nil {
			return c, false
		}
		name := c.Source.Exact
		if !f.alias.empty() {
			name = x.text[f.alias.start:f.alias.end]
		}
		var conf float64
		c.Speaker, c.Resolution, conf = x.speakers.resolve(name)
		c.Confidence += conf
	}
	c.Factuality = factuality(f, c.Act)
	c.Confidence = min(max(c.Confidence, 0.05), 0.99)
	return c, true
}

// factuality derives the FactBank value from the act, the cue's own
// certainty and the hedges found around it.
func factuality(f found, act claim.Act) claim.Factuality {
	cert := claim.CertaintyCertain
	if f.certainty != claim.CertaintyUnderspecified {
		cert = f.certainty
	}
	switch f.hedge {
	case claim.CertaintyPossible:
		cert = claim.CertaintyPossible
	case claim.CertaintyProbable:
		if cert == claim.CertaintyCertain {
			cert = claim.CertaintyProbable
		}
	}
	switch act {
	case claim.ActDeny, claim.ActReject:
		return claim.Factuality{Certainty: cert, Polarity: claim.PolarityNegative}
	case claim.ActDeclineComment, claim.ActQuestion, claim.ActReport:
		return claim.Uu
	case claim.ActRetract:
		return claim.CTu
	case claim.ActWarn, claim.ActConcern:
		if cert == claim.CertaintyCertain {
			cert = claim.CertaintyPossible
		}
	}
	return claim.Factuality{Certainty: cert, Polarity: claim.PolarityPositive}
}
