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

	"github.com/claimtrail/claimtrail/internal/corpusview"
	"github.com/claimtrail/claimtrail/internal/jsonwalk"
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
// everything [Corpus.Validate] reports. Each problem is a [*FieldError].
// They are reported all at once, before
// validation, capped as Validate caps them; on error the corpus is nil.
//
// The files most often passed by mistake are named for what they are, on
// the field "corpus": an empty document ([ErrEmpty]), a UTF-16 one, with
// or without a byte-order mark ([ErrInvalidUTF8], "convert it to UTF-8"),
// and a CSV or TSV table, an HTML page or an XML document ([ErrInvalid],
// quoting the first line). A UTF-8 byte-order mark is accepted, and byte
// offsets count it. Invalid UTF-8 inside a string is reported at the
// field's path, with the byte offset as the Value; a day its month does
// not have, such as "2023-02-30", is an [ErrDate] that says the day does
// not exist; and a publication time written as the zero time
// "0001-01-01T00:00:00Z" is reported as written ([ErrInvalid]), not as a
// missing value.
//
// Every problem found in the document carries its place in it, a
// [FieldError]'s Line and Column: where the value at fault starts (for a
// problem validation finds, the value at the field's path, or the nearest
// enclosing value the document holds), the member at fault, or the byte a
// syntax error or invalid UTF-8 is found at.
//
// Decode takes time linear in the size of the input. A document as
// encoding/json writes it is read in one pass without reflection; any
// other, and any document with a problem, is read again the slower way
// that names every problem. Decode holds the whole document in memory,
// and the corpus's strings share that memory rather than copy it, so the
// document stays in memory as long as any of them does: use
// strings.Clone on a string to keep it alone. It allocates about 1.5
// bytes per byte of input in all, the input included, and its heap peaks
// at about as much (BenchmarkDecode measures both; BenchmarkLoad a
// million statements). To bound that memory, bound the input with
// [LimitReader], which fails with [ErrTooLarge] rather than truncating
// the document.
func Decode(r io.Reader) (*Corpus, error) {
	c, _, _, err := decode(r, false)
	return c, err
}

// decode is Decode, which also returns the registry of the corpus's
// sources and articles and, when intern is set, the index of its IDs,
// both made by the validation that follows the decoding.
func decode(r io.Reader, intern bool) (*Corpus, *source.Registry, *corpusview.Index, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("claim: reading corpus: %w", err)
	}
	blankBOM(data)
	c, ok := (*Corpus)(nil), false
	if utf8.Valid(data) {
		c, ok = decodeFast(data)
	}
	if !ok {
		if c, err = decodeSlow(data); err != nil {
			return nil, nil, nil, place(data, err)
		}
	}
	// A corpus the fast path read holds only strings cut from a valid
	// document or decoded from its escapes: valid UTF-8, not checked again.
	reg, idx, err := c.validate(ok, intern)
	if err != nil {
		return nil, nil, nil, place(data, err)
	}
	return c, reg, idx, nil
}

// decodeSlow decodes a document that decodeFast turned away: it reports
// its problems with their paths, or decodes it with encoding/json.
func decodeSlow(data []byte) (*Corpus, error) {
	if err := notUTF8(data); err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		// encoding/json would silently turn invalid bytes into U+FFFD. The
		// scan names the fields whose strings hold them; invalid bytes
		// outside any string are reported at their offset.
		at := jsonwalk.InvalidAt(data)
		if _, bad, err := scanDocument(data, reflect.TypeFor[Corpus](), true); bad > 0 {
			return nil, err
		}
		return nil, corpusErrAt(at, fmt.Sprintf("byte offset %d", at), ErrInvalidUTF8)
	}
	if at := loneSurrogate(data); at >= 0 {
		return nil, corpusErrAt(at, fmt.Sprintf("byte offset %d", at), fmt.Errorf("%w: an escaped UTF-16 surrogate without its pair", ErrInvalidUTF8))
	}
	end, _, err := scanDocument(data, reflect.TypeFor[Corpus](), false)
	if err != nil {
		if what := looksLike(data); what != nil {
			return nil, what
		}
		return nil, err
	}
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		// Point at the first byte after the document and its trailing space.
		at := len(data) - len(rest)
		return nil, corpusErrAt(at, fmt.Sprintf("byte offset %d", at), fmt.Errorf("%w: data after the corpus document", ErrInvalid))
	}
	// json.Unmarshal decodes from data itself, where a json.Decoder would
	// copy the whole document into its buffer first. The scan has checked
	// field names exactly, so Unmarshal's matching them in any case does
	// not matter.
	var c Corpus
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, jsonError(err)
	}
	return &c, nil
}

// ErrTooLarge reports a document longer than the limit [LimitReader] sets.
var ErrTooLarge = errors.New("document too large")

// LimitReader returns a reader of the first n bytes of r that fails with
// an error wrapping [ErrTooLarge] if r holds more, so that
//
//	c, err := claim.Decode(claim.LimitReader(r, 64<<20))
//
// reads at most 64 MiB and, for a longer document, fails with an error
// that errors.Is(err, claim.ErrTooLarge) recognises, rather than with the
// syntax error that io.LimitReader's silent truncation would give. Decode
// holds the whole document in memory, and its corpus and validation take
// a few times more, so a limit on the input bounds them all.
func LimitReader(r io.Reader, n int64) io.Reader { return &limitReader{r: r, n: n, left: n} }

// limitReader is the reader LimitReader returns; left is how many bytes
// it may still return.
type limitReader struct {
	r       io.Reader
	n, left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, l.n)
	}
	// Read one byte beyond the limit, to tell a document of exactly n
	// bytes from a longer one.
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	k, err := l.r.Read(p)
	if int64(k) > l.left {
		k, l.left = int(l.left), -1
		return k, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, l.n)
	}
	l.left -= int64(k)
	return k, err
}

// readAll reads r to its end as io.ReadAll does, but into a buffer of the
// right size when r tells its length (a *bytes.Reader, a
// *strings.Reader, a *bytes.Buffer, a regular *os.File), so that reading
// does not copy the document as the buffer grows.
func readAll(r io.Reader) ([]byte, error) {
	size := int64(-1)
	switch v := r.(type) {
	case interface{ Len() int }:
		size = int64(v.Len())
	case *os.File:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			if off, err := v.Seek(0, io.SeekCurrent); err == nil {
				size = fi.Size() - off
			}
		}
	}
	if size < 0 || size > 1<<40 {
		return io.ReadAll(r)
	}
	// One byte more than the size, to see the end without growing.
	buf := make([]byte, 0, size+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the reader was longer than it said
		}
	}
}

// Load reads and validates the corpus document in the named file, as
// [Decode] does. Each problem in the error is prefixed with the path; when
// there are several, the error still joins them (it has an
// Unwrap() []error method), capped as Decode caps them. Load takes time
// linear in the size of the file; to bound its memory, open the file and
// pass it to Decode through [LimitReader].
func Load(path string) (*Corpus, error) {
	c, _, _, err := load(path, false)
	return c, err
}

// load is Load, returning what decode returns.
func load(path string, intern bool) (*Corpus, *source.Registry, *corpusview.Index, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("claim: %w", err)
	}
	defer f.Close()
	c, reg, idx, err := decode(f, intern)
	if err != nil {
		return nil, nil, nil, inFile(path, err)
	}
	return c, reg, idx, nil
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
// error joins one error per problem, up to [MaxProblems] (see below), each
// a [*FieldError] with a field such as "statements[4].mentions[0].span" or
// "sources[3].parent": problems with sources and articles too, wrapping
// package source's sentinels, which this package's are. It reports duplicate IDs,
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
	_, _, err := c.validate(false, false)
	return err
}

// validate is Validate; validUTF8 says that every string of the corpus's
// claims and statements is known to be valid UTF-8. For a valid corpus it
// also returns the registry of its sources and articles and, when intern
// is set, the index of its IDs (see corpusview.Index), found in the same
// pass.
func (c *Corpus) validate(validUTF8, intern bool) (*source.Registry, *corpusview.Index, error) {
	if c == nil {
		return nil, nil, nilCorpus()
	}
	p := newProblems()
	if c.Format != "" && c.Format != Format {
		p.add(fieldErr("format", c.Format, fmt.Errorf("%w: want %q", ErrInvalid, Format)))
	}
	reg, err := c.Registry()
	if err != nil {
		// Flatten the registry's joined errors so that the result joins one
		// error per problem, as documented; its MoreError's counts join
		// this one's.
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range joined.Unwrap() {
				p.add(fromSource(e))
			}
		} else {
			p.add(fromSource(err))
		}
	}
	v := newValidator(c, p, validUTF8, err == nil)
	if intern {
		v.in = new(interned)
	}
	v.claimErrs(c.Claims)
	v.statementErrs(c.Statements)
	if intern {
		if err := internLimitErr(len(c.Statements), len(v.in.via), len(v.in.art)); err != nil {
			p.add(err)
		}
	}
	if err := p.err(); err != nil {
		return nil, nil, err
	}
	if !intern {
		return reg, nil, nil
	}
	return reg, v.index(c), nil
}

// fromSource returns a problem package source reports as a *FieldError of
// this package, with the same field, value and sentinel, so that Validate
// returns one error type; any other error is returned as it is.
func fromSource(err error) error {
	if sfe := (*source.FieldError)(nil); errors.As(err, &sfe) {
		return &FieldError{Field: sfe.Field, Value: sfe.Value, Err: sfe.Err}
	}
	return err
}

// nilCorpus returns the error for a nil *Corpus.
func nilCorpus() error { return &FieldError{Field: "corpus", Err: ErrEmpty} }
