package claim

import (
	"fmt"
	"slices"
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
}

// MentionOf returns the mention, in article a, of the one occurrence of
// quote in a.Text, marked by cue: its Article is a.ID and its Span is what
// [Find] returns. cue may be empty; otherwise it must occur within quote,
// case ignored, as [Corpus.Validate] requires.
//
// The error is a [*FieldError]: on "text" wrapping [ErrEmpty] when a has no
// text; Find's, on "exact", wrapping [ErrEmpty] for an empty quote,
// [ErrNotFound] when quote does not occur and [ErrAmbiguous] when it occurs
// more than once (quote more of the text, or use [MentionOfNth]); on "cue"
// wrapping [ErrInvalidUTF8] for a cue that is not valid UTF-8, or [ErrSpan]
// for one not within quote.
func MentionOf(a source.Article, cue, quote string) (Mention, error) {
	if a.Text == "" {
		return Mention{}, fieldErr("text", a.Text, ErrEmpty)
	}
	span, err := Find(a.Text, quote)
	if err != nil {
		return Mention{}, err
	}
	return mentionAt(a, cue, span)
}

// MentionOfNth is like [MentionOf] for the nth occurrence (counting from 1)
// of quote in a.Text, found by [FindNth]: for a quote that occurs more than
// once. Instead of [ErrAmbiguous] it fails with a [*FieldError] wrapping
// [ErrNotFound] when there are fewer than n occurrences, and [ErrInvalid]
// when n is less than 1.
func MentionOfNth(a source.Article, cue, quote string, n int) (Mention, error) {
	if a.Text == "" {
		return Mention{}, fieldErr("text", a.Text, ErrEmpty)
	}
	span, err := FindNth(a.Text, quote, n)
	if err != nil {
		return Mention{}, err
	}
	return mentionAt(a, cue, span)
}

// mentionAt checks cue against span and returns the mention in a.
func mentionAt(a source.Article, cue string, span Span) (Mention, error) {
	switch {
	case !utf8.ValidString(cue):
		return Mention{}, fieldErr("cue", cue, ErrInvalidUTF8)
	case !containsFold(span.Exact, cue):
		return Mention{}, fieldErr("cue", cue, fmt.Errorf("%w: the cue is not within the quote", ErrSpan))
	}
	return Mention{Article: a.ID, Cue: cue, Span: span}, nil
}

// Quote returns the exact reporting text, the same as m.Span.Exact.
func (m Mention) Quote() string { return m.Span.Exact }
