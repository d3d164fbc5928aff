package desk

import (
	"sort"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/story"
)

// A segment is a run of text with the highlights that cover it: Class
// lists "source", "cue" and "content" as they apply, and Ref is the number
// of the first candidate covering it (for a link to its proposal); an
// unhighlighted run has neither.
type segment struct {
	Text  string
	Class string
	Ref   int
	Title string
}

// A boundary is where a span of one candidate starts or ends.
type boundary struct {
	at    int
	start bool
	kind  int // 0 source, 1 cue, 2 content
	ref   int
}

var kindNames = [3]string{"source", "cue", "content"}

// highlight cuts an article's text into segments at every start and end of
// a candidate's source, cue and content spans, each marked with the spans
// covering it. Spans outside the text or off rune boundaries are left out.
// It takes time linear in the text plus n log n in the spans.
func highlight(text string, cands []story.Proposal) []segment {
	var bs []boundary
	add := func(s claim.Span, kind, ref int) {
		if s.Exact == "" || s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			return
		}
		if text[s.Start:s.End] != s.Exact {
			return
		}
		bs = append(bs, boundary{at: s.Start, start: true, kind: kind, ref: ref}, boundary{at: s.End, kind: kind, ref: ref})
	}
	for i, p := range cands {
		addCandidate(add, p.Candidate, i+1)
	}
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].at < bs[j].at })
	var out []segment
	var open [3]int
	refs := map[int]int{}
	pos := 0
	emit := func(end int) {
		if end <= pos {
			return
		}
		seg := segment{Text: text[pos:end]}
		var classes []string
		for k, n := range open {
			if n > 0 {
				classes = append(classes, "hl-"+kindNames[k])
			}
		}
		if len(classes) > 0 {
			seg.Class = strings.Join(classes, " ")
			for ref := range refs {
				if seg.Ref == 0 || ref < seg.Ref {
					seg.Ref = ref
				}
			}
			seg.Title = strings.Join(classNames(open), ", ") + " of candidate " + strconv.Itoa(seg.Ref)
		}
		out = append(out, seg)
		pos = end
	}
	for _, b := range bs {
		emit(b.at)
		if b.start {
			open[b.kind]++
			refs[b.ref]++
		} else {
			open[b.kind]--
			if refs[b.ref]--; refs[b.ref] == 0 {
				delete(refs, b.ref)
			}
		}
	}
	emit(len(text))
	return out
}

// addCandidate adds a candidate's spans.
func addCandidate(add func(claim.Span, int, int), c extract.Candidate, ref int) {
	add(c.SpeakerText, 0, ref)
	add(c.Cue, 1, ref)
	for _, s := range c.Content {
		add(s, 2, ref)
	}
}

// classNames names the kinds of span open.
func classNames(open [3]int) []string {
	var out []string
	for k, n := range open {
		if n > 0 {
			out = append(out, kindNames[k])
		}
	}
	return out
}

// sentence returns the highlighted text around one candidate: from the
// start of its sentence to the end of the sentence it ends in, at most 600
// bytes either side of its spans.
func sentence(text string, c extract.Candidate) []segment {
	lo, hi := len(text), 0
	span := func(s claim.Span) {
		if s.Exact == "" || s.Start < 0 || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Exact {
			return
		}
		lo, hi = min(lo, s.Start), max(hi, s.End)
	}
	span(c.SpeakerText)
	span(c.Cue)
	for _, s := range c.Content {
		span(s)
	}
	if lo >= hi {
		return nil
	}
	start := max(0, lo-600)
	if i := strings.LastIndexAny(text[start:lo], ".!?\n"); i >= 0 {
		start += i + 1
	}
	end := min(len(text), hi+600)
	if i := strings.IndexAny(text[hi:end], ".!?\n"); i >= 0 {
		end = hi + i + 1
	}
	for start > 0 && !runeStart(text[start]) {
		start--
	}
	for end < len(text) && !runeStart(text[end]) {
		end++
	}
	shift := func(s claim.Span) claim.Span {
		if s.Exact == "" {
			return s
		}
		s.Start -= start
		s.End -= start
		return s
	}
	cc := c
	cc.SpeakerText = shift(c.SpeakerText)
	cc.Cue = shift(c.Cue)
	cc.Content = make([]claim.Span, len(c.Content))
	for i, s := range c.Content {
		cc.Content[i] = shift(s)
	}
	return highlight(text[start:end], []story.Proposal{{Candidate: cc}})
}

// runeStart reports whether b starts a UTF-8 sequence.
func runeStart(b byte) bool { return b&0xc0 != 0x80 }
