package claim

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/source"
)

// StatementID identifies a [Statement] within a corpus; the empty ID is
// invalid.
type StatementID string

// Statement is one source taking a position on one claim at one time: the
// United States accuses, North Korea denies, the White House warns. The same
// denial reprinted by forty outlets is one Statement with forty mentions.
//
// A Statement is a plain value; a [Corpus] checks it. The zero Statement is
// invalid: ID, Claim, Source and Act are required, and so is a mention or a
// Said date, so that the statement has a place in time.
type Statement struct {
	// ID identifies the statement.
	ID StatementID `json:"id"`
	// Claim is the claim the statement takes a position on.
	Claim ID `json:"claim"`
	// Source is who takes the position: a named, unnamed or absent source.
	Source source.ID `json:"source"`
	// Via is the chain the statement reached the reader through, not
	// counting the article itself: the sources that relayed it, nearest to
	// the reader first. In "Kirby said intelligence indicates ...", Source is
	// the intelligence source and Via is [Kirby]. Source itself cannot be
	// on it.
	Via []source.ID `json:"via,omitempty"`
	// Act is the speech act.
	Act Act `json:"act"`
	// Factuality is the certainty and polarity toward the claim; the zero
	// value is Uu.
	Factuality Factuality `json:"factuality"`
	// MachineAccepted records that the statement was accepted by a
	// program rather than by a person: the unattended mode of package
	// story accepts confident candidates whose speaker the registry
	// resolved, and a person has not reviewed them since. It is
	// provenance of the annotation, not part of what the statement says:
	// no rule of the timeline reads it (a statement counts the same
	// whoever accepted it), and validation checks only its type. Outputs
	// show it so that a reader can tell what no person has checked. The
	// JSON omits it when false, so a corpus that has no such statement is
	// written as it always was. It sits beside Act and Factuality, in
	// their padding, so that it costs a statement no memory.
	MachineAccepted bool `json:"machine_accepted,omitempty"`
	// Said is when the statement was made; the zero Date when not known, in
	// which case the timeline falls back to its first report. Its period
	// cannot start after the publication of the earliest article that
	// mentions the statement.
	Said Date `json:"said,omitzero"`
	// Mentions are the places the statement is reported.
	Mentions []Mention `json:"mentions,omitempty"`
}

// Clone returns a copy of s that shares no memory with it.
func (s Statement) Clone() Statement {
	s.Via = slices.Clone(s.Via)
	s.Mentions = slices.Clone(s.Mentions)
	return s
}

// Mention is a statement as reported in one article: the cue that marks the
// attribution ("denied", "it is believed", "according to") and the span of
// text that reports it. The zero Mention is invalid: Article and Span are
// required. It is a plain value, safe to copy; [MentionOf] builds one from
// an article's text.
type Mention struct {
	// Article is where the statement is reported.
	Article source.ArticleID `json:"article"`
	// Cue is the attribution cue as it stands in the text; when given it must
	// occur within the span's exact text (case ignored).
	Cue string `json:"cue,omitempty"`
	// Span locates the reporting text: the attribution with its content.
	Span Span `json:"span"`
	// MachineAccepted records that a program, not a person, accepted this
	// mention of a statement a person accepted (a story's unattended mode
	// taking a reprint or a repeat as a new mention), as
	// Statement.MachineAccepted does for a whole statement; written only
	// when true. No status rule reads it.
	MachineAccepted bool `json:"machine_accepted,omitempty"`
}

// MentionOf returns the mention, in article a, of quote in a.Text marked by
// cue: its Article is a.ID and its Span covers the quote, or the quote and
// the cue when the cue stands next to it. cue may be empty.
//
// The cue may lie within the quote, as [Corpus.Validate] always allowed, or
// next to it, anywhere in the same sentence, before it ("Halvard said that
// ...") or after it ("..., she said."), for a quote that is only the
// content. The cue is matched with case ignored, rune by rune (a case pair
// of different lengths in UTF-8, such as the Kelvin sign and k, does not
// match), and no sentence end may lie
// between it and the quote: neither a '.', '!' or '?' followed by a space,
// a tab or a line end, nor a line end, which in an article's text ends a
// paragraph or a headline. The Span then runs from the start of the cue to
// the end of the quote, or from the start of the quote to the end of the
// cue, words between them included, so that the cue lies within its exact
// text as Corpus.Validate requires. A cue within the quote wins, and the
// Span is the quote alone; otherwise, of the cue's occurrences next to the
// quote, the nearest wins (fewest bytes between it and the quote; one that
// touches or overlaps the quote is nearest of all), and of two equally near
// the earlier, so the one before the quote.
//
// A quote printed more than once (a headline repeated in the body, a pull
// quote) is taken where the cue is within it or next to it, when that holds
// for exactly one of its occurrences; with an empty cue, only a quote that
// occurs once is taken.
//
// The error is a [*FieldError]: on "text" wrapping [ErrEmpty] when a has no
// text; on "exact" wrapping [ErrEmpty] for an empty quote, [ErrNotFound]
// when quote does not occur and [ErrAmbiguous] when it occurs more than once
// and the cue is next to none or several of its occurrences (quote more of
// the text, or use [MentionOfNth]); on "span" wrapping [ErrSpan] when the
// quote found does not start and end on rune boundaries; on "cue" wrapping
// [ErrInvalidUTF8] for a cue that is not valid UTF-8, or [ErrSpan] when the
// quote occurs once and the cue is neither within it nor next to it.
//
// MentionOf takes time linear in the length of the text, the cue and the
// quote, plus a binary search per occurrence of the quote.
func MentionOf(a source.Article, cue, quote string) (Mention, error) {
	switch {
	case a.Text == "":
		return Mention{}, fieldErr("text", a.Text, fmt.Errorf("%w: want the article's text", ErrEmpty))
	case quote == "":
		return Mention{}, fieldErr("exact", quote, fmt.Errorf("%w: want the quote to find", ErrEmpty))
	case !utf8.ValidString(cue):
		return Mention{}, fieldErr("cue", cue, ErrInvalidUTF8)
	}
	text := a.Text
	first := strings.Index(text, quote)
	if first < 0 {
		return Mention{}, fieldErr("exact", quote, ErrNotFound)
	}
	if !strings.Contains(text[first+1:], quote) {
		return mentionAt(a, cue, first, first+len(quote))
	}
	// The quote is printed more than once: take the one occurrence the cue
	// marks.
	near := newCueFinder(text, cue)
	marked, start, end := 0, 0, 0
	for i := first; i >= 0 && marked < 2; {
		if s, e, ok := near.find(i, i+len(quote)); ok && onBoundary(text, i) && onBoundary(text, i+len(quote)) {
			marked++
			start, end = s, e
		}
		next := strings.Index(text[i+1:], quote)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	if marked != 1 {
		why := "the cue is next to none of them"
		switch {
		case cue == "":
			why = "there is no cue to tell them apart"
		case marked > 1:
			why = "the cue is next to more than one"
		}
		return Mention{}, fieldErr("exact", quote, fmt.Errorf("%w, and %s: quote more of the text, or use MentionOfNth", ErrAmbiguous, why))
	}
	span, err := Locate(text, start, end)
	if err != nil {
		return Mention{}, err
	}
	return Mention{Article: a.ID, Cue: cue, Span: span}, nil
}

// MentionOfNth is like [MentionOf] for the nth occurrence (counting from 1)
// of quote in a.Text, found by [FindNth]: for a quote that occurs more than
// once. The cue may lie within that occurrence or next to it, as for
// MentionOf, and the Span covers the cue the same way. Instead of
// [ErrAmbiguous] it fails with a [*FieldError] wrapping [ErrNotFound] when
// there are fewer than n occurrences, and [ErrInvalid] when n is less than
// 1.
func MentionOfNth(a source.Article, cue, quote string, n int) (Mention, error) {
	if a.Text == "" {
		return Mention{}, fieldErr("text", a.Text, fmt.Errorf("%w: want the article's text", ErrEmpty))
	}
	span, err := FindNth(a.Text, quote, n)
	if err != nil {
		return Mention{}, err
	}
	if !utf8.ValidString(cue) {
		return Mention{}, fieldErr("cue", cue, ErrInvalidUTF8)
	}
	return mentionAt(a, cue, span.Start, span.End)
}

// mentionAt returns the mention in a of the quote at text[qs:qe] marked by
// cue, within it or next to it; cue is valid UTF-8.
func mentionAt(a source.Article, cue string, qs, qe int) (Mention, error) {
	if _, err := Locate(a.Text, qs, qe); err != nil {
		return Mention{}, err
	}
	start, end, ok := newCueFinder(a.Text, cue).find(qs, qe)
	if !ok {
		return Mention{}, fieldErr("cue", cue, fmt.Errorf("%w: the cue is neither within the quote nor next to it in its sentence", ErrSpan))
	}
	span, err := Locate(a.Text, start, end)
	if err != nil {
		return Mention{}, err
	}
	return Mention{Article: a.ID, Cue: cue, Span: span}, nil
}

// Quote returns the exact reporting text, the same as m.Span.Exact.
func (m Mention) Quote() string { return m.Span.Exact }

// cueFinder finds the cue that marks a quote in a text. It indexes the
// cue's occurrences and the sentence ends once, so that a quote printed
// many times costs a binary search per occurrence, not a scan of its
// sentence.
type cueFinder struct {
	text, cue string
	// all holds the start of every occurrence of cue in text, case
	// ignored; bounded those that start and end on rune boundaries, as a
	// span must (in valid UTF-8 text, all of them).
	all, bounded []int
	// starts holds where text can start after a sentence or line end, and
	// ends where it stops before one, in increasing order.
	starts, ends []int
}

func newCueFinder(text, cue string) *cueFinder {
	f := &cueFinder{text: text, cue: cue}
	if cue == "" {
		return f // within every quote
	}
	indexFold(text, cue, func(i int) bool {
		f.all = append(f.all, i)
		if onBoundary(text, i) && onBoundary(text, i+len(cue)) {
			f.bounded = append(f.bounded, i)
		}
		return true
	})
	// A sentence end lies between a '.', '!' or '?' and the space, tab or
	// line end that follows it; a line end ("\n", "\r") belongs to neither
	// side.
	for p := 0; p < len(text); p++ {
		sentence := p > 0 && endsSentence(text[p-1]) && isBlank(text[p])
		line := text[p] == '\n' || text[p] == '\r'
		if sentence {
			f.starts = append(f.starts, p)
		}
		if line {
			f.starts = append(f.starts, p+1)
		}
		if sentence || line {
			f.ends = append(f.ends, p)
		}
	}
	return f
}

// find returns the extent of the mention of the quote at text[qs:qe]: the
// quote alone when the cue is empty or within it, or else the quote with
// the nearest occurrence of the cue next to it in its sentence, the
// earliest of those equally near. ok is false when there is none.
func (f *cueFinder) find(qs, qe int) (start, end int, ok bool) {
	n := len(f.cue)
	if n == 0 {
		return qs, qe, true
	}
	if k, _ := slices.BinarySearch(f.all, qs); k < len(f.all) && f.all[k]+n <= qe {
		return qs, qe, true
	}
	// The sentence around the quote: from the last sentence or line end
	// at or before qs to the first at or after qe.
	lo, hi := 0, len(f.text)
	if k, _ := slices.BinarySearch(f.starts, qs+1); k > 0 {
		lo = f.starts[k-1]
	}
	if k, _ := slices.BinarySearch(f.ends, qe); k < len(f.ends) {
		hi = f.ends[k]
	}
	best, bestDist := -1, 0
	// Before the quote: the earliest occurrence that reaches it, else the
	// last that ends before it. An occurrence that runs past hi cannot be
	// taken, nor can any before it that also reaches the quote.
	if k, _ := slices.BinarySearch(f.bounded, max(lo, qs-n)); k < len(f.bounded) && f.bounded[k] < qs {
		if f.bounded[k]+n <= hi {
			best = f.bounded[k]
		}
	} else if k--; k >= 0 && f.bounded[k] >= lo {
		best, bestDist = f.bounded[k], qs-(f.bounded[k]+n)
	}
	// After the quote: the first occurrence that ends past it.
	if k, _ := slices.BinarySearch(f.bounded, max(qs, qe-n+1)); k < len(f.bounded) && f.bounded[k]+n <= hi {
		if dist := max(0, f.bounded[k]-qe); best < 0 || dist < bestDist {
			best = f.bounded[k]
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	return min(best, qs), max(best+n, qe), true
}

func endsSentence(c byte) bool { return c == '.' || c == '!' || c == '?' }

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
