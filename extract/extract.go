package extract

import (
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/enumtext"
	"github.com/claimtrail/claimtrail/source"
)

// Options configures Extract. The zero Options is usable: no registry, so
// every speaker comes back as a new candidate source, no publication time,
// so relative dates ("on Wednesday") stay unresolved, and the default
// limits on the text's size and on the attributions found.
type Options struct {
	// Registry resolves speakers by name and alias. Nil means none.
	Registry *source.Registry
	// Published is when the article appeared; relative dates are read
	// against it. The zero time leaves them unresolved.
	Published time.Time
	// MaxTextBytes is the longest text Extract reads, in bytes: 0 means
	// DefaultMaxTextBytes, a negative value means no limit. A longer text
	// is an error wrapping ErrTooLarge; nothing is cut off silently.
	MaxTextBytes int
	// MaxCandidates is the most attributions Extract finds in one text: 0
	// means DefaultMaxCandidates, a negative value means no limit. Extract
	// stops reading soon after it finds more, with an error wrapping
	// ErrTooLarge, rather than return part of the article.
	MaxCandidates int
	// ActModel, when not nil, decides each candidate's act from the
	// rules' act and the words around it (see ActModel). Nil keeps the
	// rules' acts.
	ActModel *ActModel
}

// DefaultMaxTextBytes is the longest text Extract reads when
// Options.MaxTextBytes is 0: 4 MiB. News articles are a few kilobytes,
// long features and scraped pages a few hundred kilobytes at most, so the
// limit is met only by something that is not one article (a whole site, a book, a
// dump); above it, split the text or set the option. Extract allocates
// about 5 bytes per byte of news text and 10 per byte of text made of
// quotations, so a text at the limit costs 20 to 40 MB while it is read,
// and about a fifth of a second at the 20 MB/s of one core.
const DefaultMaxTextBytes = 4 << 20

// DefaultMaxCandidates is the most attributions Extract finds in one text
// when Options.MaxCandidates is 0: 50,000. Real news copy gives about 6
// attributions per kilobyte, 11 in the densest articles, so a text within
// DefaultMaxTextBytes stays under the limit unless it is made of little
// but attributions (a line of "X said Y." sentences gives 28 per
// kilobyte). It bounds what a Result holds, about 350 bytes a candidate or
// 18 MB at the limit, and what Groups and the people reviewing the
// candidates are given when the text limit is raised.
const DefaultMaxCandidates = 50_000

// maxText is the limit on the text's length that opts sets, or -1 for none.
func (o Options) maxText() int {
	switch {
	case o.MaxTextBytes == 0:
		return DefaultMaxTextBytes
	case o.MaxTextBytes < 0:
		return -1
	}
	return o.MaxTextBytes
}

// maxCandidates is the limit on attributions that opts sets, or -1 for
// none.
func (o Options) maxCandidates() int {
	switch {
	case o.MaxCandidates == 0:
		return DefaultMaxCandidates
	case o.MaxCandidates < 0:
		return -1
	}
	return o.MaxCandidates
}

// Result is what Extract proposes for one article: the cleaned text, the
// candidate attributions and the new sources they speak through. Nothing in
// it is accepted yet: a person reviews it. Groups proposes which candidates
// state the same claim.
type Result struct {
	// Cleaned is the article sorted into kept blocks and dropped furniture.
	// Its Text is left out of JSON: a caller that reads a Result back puts
	// the text in again.
	Cleaned Cleaned `json:"cleaned"`
	// Candidates are the attributions found, in text order of their cues.
	Candidates []Candidate `json:"candidates"`
	// NewSources are the speakers the registry does not know, proposed as
	// sources with IDs starting "new:"; candidates refer to them by ID. The
	// IDs and normalised names are unique within one Result, so the sources
	// load into a source.Registry together; another article's Result may
	// propose the same IDs. Across articles, add the accepted sources to the
	// registry given to the next Extract.
	NewSources []source.Source `json:"new_sources,omitempty"`
}

// Candidate is one proposed attribution: who (SpeakerText, Speaker), the
// cue, the content, and what the statement does (Act, Factuality), with byte
// spans into the original text. Its JSON form is the one json.Marshal
// writes; see UnmarshalJSON for the key older versions wrote.
type Candidate struct {
	// SpeakerText is the text naming the speaker, which Speaker resolves
	// to an ID; the zero Span when the text names nobody ("it is
	// believed").
	SpeakerText claim.Span `json:"speaker_text,omitzero"`
	// Cue is the attribution cue: "said", "according to", "it is believed".
	Cue claim.Span `json:"cue"`
	// Content is what is attributed, one span per piece: a direct quote
	// split by its cue has two. Empty for a non-response.
	Content []claim.Span `json:"content,omitempty"`
	// Form is the grammatical form of the attribution.
	Form Form `json:"form"`
	// Rule names the rule that found the attribution, such as
	// "verb-before" or "according-to"; the package documentation lists
	// them under "Rules". It tells a reviewer, or whoever tunes the rules,
	// where a wrong candidate came from. Never empty in a Candidate that
	// Extract returns.
	Rule string `json:"rule"`
	// Speaker is the ID of the source the speaker resolves to: a registry
	// source, source.AbsentID, or a proposed new source in
	// Result.NewSources; empty when Resolution is ResolutionUnresolved (a
	// "he" with nobody before it), for the reviewer to fill in.
	Speaker source.ID `json:"speaker"`
	// Resolution says how Speaker was found.
	Resolution Resolution `json:"resolution"`
	// Via is the chain of speakers the statement came through, nearest to
	// the reader first, as claim.Statement.Via has it: in "The ministry
	// denied the report, KCNA said", the ministry's denial has Via [KCNA's
	// ID]. Empty when the article reports the statement itself, and when
	// the relayer is an unresolved pronoun; it never holds Speaker.
	Via []source.ID `json:"via,omitempty"`
	// Act is the speech act, Factuality the speaker's stance on the content.
	Act        claim.Act        `json:"act"`
	Factuality claim.Factuality `json:"factuality"`
	// Said is when the statement was made, when the text says so and it
	// resolves against Options.Published; the zero Date otherwise.
	Said claim.Date `json:"said,omitzero"`
	// Confidence is how sure the extractor is that this is an attribution
	// with these spans, from 0 to 1. It orders review, it is not a
	// probability.
	Confidence float64 `json:"confidence"`
}

// Mention returns the candidate as a claim.Mention of article: the cue and
// the span from the first of source, cue and content to the last. text must
// be the text the candidate was extracted from: Mention checks each of the
// candidate's spans against it and returns the *claim.FieldError of
// claim.Span.Check (wrapping claim.ErrSpan) when one does not match. Work
// is linear in the length of the candidate's spans; text is not copied.
func (c Candidate) Mention(article source.ArticleID, text string) (claim.Mention, error) {
	if err := c.Cue.Check(text); err != nil {
		return claim.Mention{}, err
	}
	start, end := c.Cue.Start, c.Cue.End
	for _, s := range append([]claim.Span{c.SpeakerText}, c.Content...) {
		if s.Exact == "" {
			continue
		}
		if err := s.Check(text); err != nil {
			return claim.Mention{}, err
		}
		start, end = min(start, s.Start), max(end, s.End)
	}
	span, err := claim.Locate(text, start, end)
	if err != nil {
		return claim.Mention{}, err
	}
	return claim.Mention{Article: article, Cue: c.Cue.Exact, Span: span}, nil
}

// Statement returns the candidate accepted as a statement of claim: its
// speaker, relays, act, factuality and said date, and its mention in
// article (see Mention). It returns an [*Error] for the field
// "speaker" wrapping [ErrUnresolved] (and so source.ErrEmpty) when the
// speaker is unresolved, so that a reviewer names it first, and Mention's
// errors. Work is linear in the
// length of the candidate's spans and relays.
func (c Candidate) Statement(id claim.StatementID, claimID claim.ID, article source.ArticleID, text string) (claim.Statement, error) {
	if c.Speaker == "" {
		return claim.Statement{}, fieldErr("speaker", c.SpeakerText.Exact, ErrUnresolved)
	}
	m, err := c.Mention(article, text)
	if err != nil {
		return claim.Statement{}, err
	}
	return claim.Statement{
		ID: id, Claim: claimID, Source: c.Speaker, Via: slices.Clone(c.Via),
		Act: c.Act, Factuality: c.Factuality, Said: c.Said, Mentions: []claim.Mention{m},
	}, nil
}

// Group is a proposed claim: candidates whose contents are alike.
type Group struct {
	// Members are indexes into the candidates given to Groups, in
	// ascending order.
	Members []int `json:"members"`
	// Similarity is the lowest similarity (0 to 1) between two members.
	Similarity float64 `json:"similarity"`
}

// Extract proposes the attributions in an article's text. text may be a
// scraped page: page furniture is dropped first (see Clean). Extract is
// deterministic and safe for concurrent use.
//
// Work is linear in the length of text. Memory is linear too, the Result
// included: in all about 5 bytes allocated per byte of news text (4 at
// peak), 10 per byte of text made of quotations, and about 1.4 KB per
// attribution whose speaker is new, which makes 37 bytes per byte of a text
// that is nothing but one-line statements by a new speaker each. Options bound both: a text longer than
// Options.MaxTextBytes (DefaultMaxTextBytes unless set) is refused before
// it is read, with an [*Error] for the field "text" giving its length, and
// a text in which Extract finds more than Options.MaxCandidates
// (DefaultMaxCandidates) attributions gives an [*Error] for the field
// "candidates" as soon as the limit is passed; both wrap [ErrTooLarge].
// When text is not valid UTF-8 Extract reads no further and returns an
// [*Error] for the field "text" naming the offset of the first bad byte,
// which matches source.ErrInvalidUTF8 with errors.Is; strings.ToValidUTF8
// repairs such text.
func Extract(text string, opts Options) (*Result, error) {
	x := extractors.Get().(*extractor)
	defer extractors.Put(x)
	return x.extract(text, opts)
}

// extractors keeps extractors between calls, so that their scratch space
// (tokens, flags, lower-case words, tables) is allocated once, not per
// article.
var extractors = sync.Pool{New: func() any { return new(extractor) }}

// invalidOffset returns the offset of the first invalid UTF-8 byte.
func invalidOffset(text string) int {
	for i, r := range text {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(text[i:]); n == 1 {
				return i
			}
		}
	}
	return len(text)
}

// Form is the grammatical form of an attribution. Its methods and
// ParseForm take constant time, or linear in the name read.
type Form uint8

// The forms of attribution. The zero Form is FormUnknown, which Extract
// never gives.
const (
	FormUnknown     Form = iota
	FormDirect           // a quotation: “We deny it,” he said.
	FormIndirect         // reported speech: he denied that ...
	FormMixed            // reported speech holding a partial quotation
	FormAccordingTo      // "according to X"
	FormAgentless        // no speaker: "it is believed", "reportedly", "is said to"
	FormNoun             // an attribution noun: "Moscow's denial", "the allegation that"
	FormNonResponse      // "declined to comment", "did not respond"
)

var formNames = []string{"unknown", "direct", "indirect", "mixed", "according-to", "agentless", "noun", "non-response"}

// ParseForm returns the form named s, ignoring case and surrounding space;
// the empty string is FormUnknown. An unknown name gives a
// [*Error] wrapping [source.ErrUnknownName] that quotes it and
// lists the valid names. Work is linear in the length of s.
func ParseForm(s string) (Form, error) { return formText.Parse(s) }

var formText = enumtext.New(enumtext.Config[Form]{
	Type:           "Form",
	Field:          "form",
	Names:          formNames,
	UnknownZero:    true,
	Err:            enumErr,
	ErrUnknownName: errUnknownName,
	ErrInvalid:     errInvalid,
})

// String returns the form's name, such as "direct", or "Form(42)" for an
// out-of-range value.
func (f Form) String() string { return formText.String(f) }

// IsValid reports whether f is one of the forms other than FormUnknown.
func (f Form) IsValid() bool { return formText.IsValid(f) }

// MarshalText returns the form's name. FormUnknown marshals as "unknown";
// an out-of-range value gives a [*Error] wrapping [source.ErrInvalid].
func (f Form) MarshalText() ([]byte, error) { return formText.Marshal(f) }

// UnmarshalText parses a name as [ParseForm] does; on error it leaves f
// unchanged.
func (f *Form) UnmarshalText(b []byte) error { return formText.Unmarshal(f, b) }

// Resolution says how a candidate's speaker was found. Its methods and
// ParseResolution take constant time, or linear in the name read.
type Resolution uint8

// The ways a speaker is resolved. The zero Resolution is ResolutionUnknown,
// which Extract never gives.
const (
	ResolutionUnknown    Resolution = iota
	ResolutionRegistry              // the source text matches a registry name or alias
	ResolutionCarried               // a pronoun or description refers back to an earlier speaker
	ResolutionNew                   // a speaker the registry does not know, proposed in Result.NewSources
	ResolutionAbsent                // the text names no speaker
	ResolutionUnresolved            // a pronoun with no earlier speaker to refer to; Speaker is empty
)

var resolutionNames = []string{"unknown", "registry", "carried", "new", "absent", "unresolved"}

// ParseResolution returns the resolution named s, ignoring case and
// surrounding space; the empty string is ResolutionUnknown. An unknown name
// gives a [*Error] wrapping [source.ErrUnknownName] that quotes
// it and lists the valid names. Work is linear in the length of s.
func ParseResolution(s string) (Resolution, error) { return resolutionText.Parse(s) }

var resolutionText = enumtext.New(enumtext.Config[Resolution]{
	Type:           "Resolution",
	Field:          "resolution",
	Names:          resolutionNames,
	UnknownZero:    true,
	Err:            enumErr,
	ErrUnknownName: errUnknownName,
	ErrInvalid:     errInvalid,
})

// String returns the resolution's name, such as "carried", or "Resolution(42)" for an
// out-of-range value.
func (r Resolution) String() string { return resolutionText.String(r) }

// IsValid reports whether r is one of the resolutions other than ResolutionUnknown.
func (r Resolution) IsValid() bool { return resolutionText.IsValid(r) }

// MarshalText returns the resolution's name. ResolutionUnknown marshals as "unknown";
// an out-of-range value gives a [*Error] wrapping [source.ErrInvalid].
func (r Resolution) MarshalText() ([]byte, error) { return resolutionText.Marshal(r) }

// UnmarshalText parses a name as [ParseResolution] does; on error it leaves r
// unchanged.
func (r *Resolution) UnmarshalText(b []byte) error { return resolutionText.Unmarshal(r, b) }

// enumErr is the error of this package's enum types, for enumtext.
func enumErr(field, value string, err error) error {
	return fieldErr(field, value, err)
}

// The sentinels this package's enum errors wrap.
var (
	errUnknownName = source.ErrUnknownName
	errInvalid     = source.ErrInvalid
)
