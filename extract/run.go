package extract

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"
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
	// lastSource is the end of the latest source resolved, in bytes: a
	// pronoun looks in the text since then for whom it names.
	lastSource int
	// spoken holds the content pieces of the attributions resolved that
	// end after lastSource and within mentionWindow of the latest source:
	// a person named inside what someone said is not whom a later "he" or
	// "she" refers to.
	spoken []span
	// pair is the last two names a source coordinated ("BDO and BPI"),
	// which "both", "the two banks" and "they" right after refer to.
	pair [2]span
	// artPair is the one pair of same-kind registry names the article
	// coordinates anywhere ("BDO and BPI"), found when first needed:
	// artPairRead tells whether it was looked for.
	artPair     [2]span
	artPairRead bool
	speakers    speakers
	// dates resolves the time phrases of the call.
	dates   dater
	cleaned Cleaned
	// an analyses each sentence of a block, which m then reads.
	an analyser
	m  matcher
	// actScratch is where the act model reads each candidate.
	actScratch actScratch
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

// doubled returns s with room for one more element: s itself when it has
// some, else a copy with twice the capacity. append grows a long slice by a
// quarter at a time, which allocates four times its final size along the
// way; doubling allocates it once more, and the slices that grow with the
// text (the blocks and drops of Clean, the new sources) are linear in it
// with a small factor.
func doubled[S ~[]E, E any](s S) S {
	if len(s) < cap(s) {
		return s
	}
	return slices.Grow(s, max(cap(s), 4))
}

// extract runs the extractor, new or used, on text, as Extract documents.
// Everything it reads is reset first and dropped afterwards: a used
// extractor gives what a new one gives.
func (x *extractor) extract(text string, opts Options) (*Result, error) {
	if limit := opts.maxText(); limit >= 0 && len(text) > limit {
		return nil, fieldErr("text", fmt.Sprintf("%d bytes", len(text)),
			fmt.Errorf("%w: longer than Options.MaxTextBytes, %d bytes; split the text or raise the limit", ErrTooLarge, limit))
	}
	if !utf8.ValidString(text) {
		off := invalidOffset(text)
		return nil, fieldErr("text", fmt.Sprintf("byte %d", off), source.ErrInvalidUTF8)
	}
	x.reset(text, opts)
	defer x.release()
	if err := x.run(); err != nil {
		return nil, err
	}
	return x.result(), nil
}

// reset readies an extractor, new or used, for text.
func (x *extractor) reset(text string, opts Options) {
	x.text, x.opts, x.openQuote, x.lastDirect, x.prevOpen, x.pair = text, opts, -1, -1, span{}, [2]span{}
	x.artPair, x.artPairRead = [2]span{}, false
	x.lastSource = 0
	x.spoken = x.spoken[:0]
	x.z.text = text
	x.found.reset()
	x.speakers.reset(opts.Registry, opts.Published)
	x.dates.reset(opts.Published)
}

// release drops what an extractor holds of the last text, so that a pooled
// extractor keeps no article alive.
func (x *extractor) release() {
	x.text, x.z.text = "", ""
	x.opts = Options{}
	x.cleaned = Cleaned{}
	x.an.release()
	x.m.sentence = sentence{}
	x.found.reset()
	x.dates.release()
	x.speakers.reset(nil, time.Time{})
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
	x.an.start(x.text, x.toks, x.inq, x.regs, b.Heading)
	for _, s := range x.sents {
		m.sentence = x.an.sentence(s[0], s[1])
		m.out = m.out[:0]
		x.dates.next()
		m.run()
		x.add(m)
	}
	x.endBlock()
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
	x.carryDates(res.Candidates)
	res.NewSources = x.speakers.added
	return res
}

// carryDates gives a direct quotation with no said date of its own the
// date of the statement right before it, when that is a quotation by the
// same speaker and the new one opens the next sentence: "“We will not
// pay,” the minister said on Tuesday. “This is theft,” he added." Work is
// linear in the candidates.
func (x *extractor) carryDates(cs []Candidate) {
	for i := 1; i < len(cs); i++ {
		c, p := &cs[i], cs[i-1]
		if c.Said.IsValid() || !p.Said.IsValid() || c.Form != FormDirect || p.Form == FormIndirect ||
			c.Speaker == "" || c.Speaker != p.Speaker || len(c.Content) == 0 {
			continue
		}
		end := max(p.Cue.End, p.SpeakerText.End)
		for _, s := range p.Content {
			end = max(end, s.End)
		}
		start := c.Content[0].Start
		if c.SpeakerText.Exact != "" {
			start = min(start, c.SpeakerText.Start)
		}
		if start > end && x.nextSentence(x.text[end:start]) {
			c.Said = p.Said
		}
	}
}

// candidate turns a found attribution into a Candidate.
func (x *extractor) candidate(f found) (Candidate, bool) {
	c := Candidate{Form: f.form, Act: f.act, Said: f.said, Confidence: f.confidence}
	if f.ruleName != nil {
		c.Rule = *f.ruleName
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
		if c.SpeakerText, err = claim.Locate(x.text, f.source.start, f.source.end); err != nil {
			return c, false
		}
		name := c.SpeakerText.Exact
		if !f.alias.empty() {
			name = x.text[f.alias.start:f.alias.end]
		}
		var conf float64
		before := x.text[max(0, f.source.start-mentionWindow):f.source.start]
		fresh := ""
		if x.lastSource <= f.source.start {
			from := max(0, x.lastSource, f.source.start-mentionWindow)
			fresh = x.text[from:f.source.start]
			if heOrShe(name) {
				fresh = x.unspoken(fresh, from, f)
			}
		}
		c.Speaker, c.Resolution, conf = x.speakers.resolve(name, before, fresh, f.othersPaper)
		x.lastSource = f.source.end
		c.Confidence += conf
	}
	kept := x.spoken[:0]
	for _, p := range x.spoken {
		if p.end > x.lastSource && p.end > f.cue.start-mentionWindow {
			kept = append(kept, p)
		}
	}
	x.spoken = kept
	for _, p := range f.content {
		if !p.empty() && p.end > x.lastSource {
			x.spoken = append(x.spoken, p)
		}
	}
	c.Act = x.decideAct(c)
	c.Factuality = factuality(f, c.Act)
	c.Confidence = min(max(c.Confidence, 0.05), 0.99)
	return c, true
}

// unspoken returns fresh, the text from byte from to f's source, with
// every piece of content said in it blanked: the content of the
// attributions resolved before f and f's own. "The judge said Mara Harlow
// is charged with fraud. She said" names Harlow only in what the judge
// said, and "“Harlow is guilty,” she said" in what "she" says; "Brandt
// paused. “I'm not going to speculate,” he said" keeps Brandt. fresh is
// copied only when some content falls in it.
func (x *extractor) unspoken(fresh string, from int, f found) string {
	var b []byte
	blank := func(p span) {
		lo, hi := max(p.start, from), min(p.end, from+len(fresh))
		if lo >= hi {
			return
		}
		if b == nil {
			b = []byte(fresh)
		}
		for i := lo - from; i < hi-from; i++ {
			b[i] = ' '
		}
	}
	for _, p := range x.spoken {
		blank(p)
	}
	for _, p := range f.content {
		blank(p)
	}
	if b == nil {
		return fresh
	}
	return string(b)
}

// heOrShe reports whether a source text is "he" or "she", in any case,
// perhaps with a word after it ("She instead"): the pronouns that look for
// a person named since the latest speaker.
func heOrShe(text string) bool {
	// Most source texts are names: the first byte turns them away.
	if len(text) < 2 || text[0] != 'h' && text[0] != 'H' && text[0] != 's' && text[0] != 'S' {
		return false
	}
	p, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	return strings.EqualFold(p, "he") || strings.EqualFold(p, "she")
}

// run reads the text block by block. It stops after the block in which
// the attributions found pass Options.MaxCandidates, so that a text full
// of them costs no more than the limit and one block more.
func (x *extractor) run() error {
	x.cleaned = Clean(x.text)
	m := &x.m
	limit := x.opts.maxCandidates()
	for _, whole := range x.cleaned.Blocks {
		for b := range pieces(x.text, whole) {
			x.block(m, b)
			if limit >= 0 && x.found.len() > limit {
				return fieldErr("candidates", fmt.Sprintf("%d by byte %d of %d", x.found.len(), b.End, len(x.text)),
					fmt.Errorf("%w: more than Options.MaxCandidates, %d; split the text or raise the limit", ErrTooLarge, limit))
			}
		}
	}
	return nil
}

// nextSentence reports whether the text between two statements is only the
// end of the first one's sentence: a few words, one full stop, and no
// quotation mark ("on Tuesday. ").
func (x *extractor) nextSentence(gap string) bool {
	return len(gap) <= 60 && strings.Count(gap, ".") == 1 && !strings.ContainsAny(gap, "“”\"!?")
}
