package claim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/source"
)

// Format is the value of a corpus document's "format" field. Documents
// without the field are read as this format too.
const Format = "claimtrail/1"

// Corpus is everything a timeline is built from: the sources and articles,
// the claims, and the statements about them. It is also the corpus file
// format: one JSON document with the four lists, read by [Decode] and
// [Load] and written by encoding/json.
//
// A Corpus is a plain value; [Corpus.Validate] checks it. The zero Corpus is
// valid and empty; a nil *Corpus is not a corpus, and Validate and Registry
// report it as an error. Like any Go value, a Corpus is safe for concurrent
// reads but not for a write concurrent with anything else; timeline.Build
// takes its own copy.
type Corpus struct {
	// Format names the document format; empty or [Format].
	Format     string           `json:"format,omitempty"`
	Sources    []source.Source  `json:"sources"`
	Articles   []source.Article `json:"articles"`
	Claims     []Claim          `json:"claims"`
	Statements []Statement      `json:"statements"`
}

// Decode reads one corpus document from r and validates it. Field names
// must match exactly, case included; unknown fields ([ErrUnknownField]),
// keys given twice in one object ([ErrDuplicateKey], at the key's own path
// such as "statements[0].id"), values of the wrong kind ([ErrInvalid]; the
// Value is the string, number or boolean as written, or "object", "array"
// or "null"), unknown enum names, dates and times that do not parse,
// trailing data and invalid UTF-8 (escaped lone surrogates included) are
// errors, each naming its full path such as "statements[3].act", as is
// everything [Corpus.Validate] reports. An enum name or a time that does
// not parse in a source or an article is a [*source.FieldError], as
// Validate reports those records; the other problems with the document's
// shape are [*FieldError] values. They are reported all at once, before
// validation, capped as Validate caps them; on error the corpus is nil.
func Decode(r io.Reader) (*Corpus, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("claim: reading corpus: %w", err)
	}
	if !utf8.Valid(data) {
		// encoding/json would silently turn invalid bytes into U+FFFD.
		at := invalidAt(data)
		return nil, fieldErr("corpus", fmt.Sprintf("byte offset %d", at), ErrInvalidUTF8)
	}
	if at := loneSurrogate(data); at >= 0 {
		return nil, fieldErr("corpus", fmt.Sprintf("byte offset %d", at), fmt.Errorf("%w: an escaped UTF-16 surrogate without its pair", ErrInvalidUTF8))
	}
	if err := scanDocument(data, reflect.TypeFor[Corpus]()); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Corpus
	if err := dec.Decode(&c); err != nil {
		return nil, jsonError(err)
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		// Point at the first byte after the document and its trailing space,
		// not past the token Token has just read.
		at := end + int64(len(data[end:])-len(bytes.TrimLeft(data[end:], " \t\r\n")))
		return nil, fieldErr("corpus", fmt.Sprintf("byte offset %d", at), fmt.Errorf("%w: data after the corpus document", ErrInvalid))
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Load reads and validates the corpus document in the named file, as
// [Decode] does. Each problem in the error is prefixed with the path; when
// there are several, the error still joins them (it has an
// Unwrap() []error method).
func Load(path string) (*Corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("claim: %w", err)
	}
	defer f.Close()
	c, err := Decode(f)
	if err != nil {
		return nil, inFile(path, err)
	}
	return c, nil
}

// inFile prefixes each problem in err with the file's path, keeping a
// joined error joined, so that callers can still list the problems.
func inFile(path string, err error) error {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return fmt.Errorf("%s: %w", path, err)
	}
	errs := joined.Unwrap()
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = inFile(path, e)
	}
	return errors.Join(out...)
}

// jsonError wraps an encoding/json error. The shape check before decoding
// reports, with their paths, every problem encoding/json can find (syntax,
// kinds, enum values), so this is a backstop that should not be reached.
func jsonError(err error) error {
	return fieldErr("corpus", "", fmt.Errorf("%w: %w", ErrInvalid, err))
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// Registry checks the corpus's sources and articles and returns the
// registry built from them, as [source.NewRegistry] does. A nil Corpus has
// no registry, not even an empty one: Registry returns the error
// [Corpus.Validate] gives for it, a [*FieldError] on "corpus" wrapping
// [ErrEmpty], so that a corpus that failed to load is not mistaken for an
// empty one.
func (c *Corpus) Registry() (*source.Registry, error) {
	if c == nil {
		return nil, nilCorpus()
	}
	return source.NewRegistry(c.Sources, c.Articles)
}

// Validate checks the whole corpus and reports every problem at once: the
// error joins one error per problem, up to [MaxProblems] (see below). Problems with sources and articles are
// [*source.FieldError] values; all others are [*FieldError] values, with
// fields such as "statements[4].mentions[0].span". It reports duplicate IDs,
// references to missing sources, claims or articles, affiliation, reprint
// and refinement cycles, a statement relayed through its own source
// ([ErrCycle]), aliases claimed twice, spans outside their article or not
// matching their quote, invalid UTF-8, empty required text, invalid enum
// values, acts whose factuality contradicts them ([ErrFactuality]; a
// retraction, like declining to comment, takes no position: Uu or CTu), dates
// outside the years 0000-9999 (an instant counts in UTC), publication times
// and office terms outside 0001-9999 in UTC ([ErrInvalid]: 9999-12-31T23:00
// at UTC-5 is in 10000 in UTC, which no JSON time can hold), and
// statements said after they were first
// reported: a said date whose period starts after the publication of the
// earliest article that mentions the statement ([ErrDate]). It returns nil
// for a valid corpus. A nil Corpus is not valid: the error is a
// [*FieldError] on "corpus" wrapping [ErrEmpty].
//
// The error lists the first [MaxProblems] problems in full and ends with
// one [*MoreError] that counts the rest by kind, so that a corpus of a
// million bad statements gives an error as short as one of a hundred;
// errors.Is finds the sentinels of the problems counted as well as those
// listed. Each value is quoted as an excerpt of at most 64 runes with its
// length ([source.Excerpt]). Validate takes time and memory linear in the
// size of the corpus, valid or not, and does not recurse on its depth.
func (c *Corpus) Validate() error {
	if c == nil {
		return nilCorpus()
	}
	p := newProblems()
	if c.Format != "" && c.Format != Format {
		p.add(fieldErr("format", c.Format, fmt.Errorf("%w: want %q", ErrInvalid, Format)))
	}
	if _, err := c.Registry(); err != nil {
		// Flatten the registry's joined errors so that the result joins one
		// error per problem, as documented; its MoreError's counts join
		// this one's.
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range joined.Unwrap() {
				p.add(e)
			}
		} else {
			p.add(err)
		}
	}
	v := newValidator(c, p)
	v.claimErrs(c.Claims)
	v.statementErrs(c.Statements)
	return p.err()
}

// nilCorpus returns the error for a nil *Corpus.
func nilCorpus() error { return &FieldError{Field: "corpus", Err: ErrEmpty} }
