package claim

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/internal/corpusview"
)

// contextRunes is how many runes of text Locate keeps on each side of a span.
const contextRunes = 32

// Span locates a piece of an article's text twice over, as W3C Web
// Annotation does: by position (Start and End, byte offsets into the UTF-8
// text, End exclusive) and by quotation (Exact, the text itself, with up to
// 32 runes of Prefix and Suffix around it). The quotation lets [Span.Relocate]
// find the place again after the text shifts.
//
// The zero Span is invalid: Exact is required.
type Span struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// Locate returns the span of text[start:end] with its prefix and suffix. It
// fails with a [*FieldError] wrapping [ErrSpan] when the offsets are out of
// range, reversed, empty or not on rune boundaries.
func Locate(text string, start, end int) (Span, error) {
	if err := checkOffsets(text, start, end); err != nil {
		return Span{}, err
	}
	return Span{
		Start:  start,
		End:    end,
		Exact:  text[start:end],
		Prefix: lastRunes(text[:start], contextRunes),
		Suffix: firstRunes(text[end:], contextRunes),
	}, nil
}

// Find returns the span of the one occurrence of exact in text. It fails
// with a [*FieldError] wrapping [ErrNotFound] when exact does not occur, or
// [ErrAmbiguous] when it occurs more than once: quote more of the text, or
// use [Locate] with offsets.
func Find(text, exact string) (Span, error) {
	if exact == "" {
		return Span{}, fieldErr("exact", exact, fmt.Errorf("%w: want the quote to find", ErrEmpty))
	}
	i := strings.Index(text, exact)
	if i < 0 {
		return Span{}, fieldErr("exact", exact, ErrNotFound)
	}
	if strings.Contains(text[i+1:], exact) {
		return Span{}, fieldErr("exact", exact, ErrAmbiguous)
	}
	return Locate(text, i, i+len(exact))
}

// FindNth returns the span of the nth occurrence (counting from 1) of exact
// in text, for a quote that occurs more than once, such as a headline
// printed twice on a page. Occurrences may not overlap. It fails with a
// [*FieldError] wrapping [ErrNotFound] when there are fewer than n, and
// [ErrInvalid] when n is less than 1.
func FindNth(text, exact string, n int) (Span, error) {
	switch {
	case exact == "":
		return Span{}, fieldErr("exact", exact, fmt.Errorf("%w: want the quote to find", ErrEmpty))
	case n < 1:
		return Span{}, fieldErr("n", strconv.Itoa(n), fmt.Errorf("%w: occurrences count from 1", ErrInvalid))
	}
	start, from := -1, 0
	for range n {
		i := strings.Index(text[from:], exact)
		if i < 0 {
			return Span{}, fieldErr("exact", exact, fmt.Errorf("%w: occurrence %d", ErrNotFound, n))
		}
		start = from + i
		from = start + len(exact)
	}
	return Locate(text, start, start+len(exact))
}

// Check reports whether s points at its exact text in text, with a matching
// prefix and suffix where those are given. The error is a [*FieldError]
// wrapping [ErrSpan] that says what does not match.
func (s Span) Check(text string) error {
	if err := checkOffsets(text, s.Start, s.End); err != nil {
		return err
	}
	if text[s.Start:s.End] != s.Exact {
		return fieldErr("span", s.String(), fmt.Errorf("%w: the text there is %q", ErrSpan, clip(text[s.Start:s.End])))
	}
	if !strings.HasSuffix(text[:s.Start], s.Prefix) {
		return fieldErr("span.prefix", s.Prefix, fmt.Errorf("%w: prefix does not precede the span", ErrSpan))
	}
	if !strings.HasPrefix(text[s.End:], s.Suffix) {
		return fieldErr("span.suffix", s.Suffix, fmt.Errorf("%w: suffix does not follow the span", ErrSpan))
	}
	return nil
}

// Relocate finds s again in text that may have changed since s was made:
// it returns s unchanged when it still checks, and otherwise the occurrence
// of s.Exact whose surroundings best match s.Prefix and s.Suffix, nearest to
// the old offset on a tie. It fails with [ErrNotFound] when s.Exact no
// longer occurs, and [ErrAmbiguous] when several occurrences match equally
// well at the same distance.
func (s Span) Relocate(text string) (Span, error) {
	if s.Check(text) == nil {
		return s, nil
	}
	if s.Exact == "" {
		return Span{}, fieldErr("span.exact", s.Exact, fmt.Errorf("%w: want the text the span covers", ErrEmpty))
	}
	best, bestScore, bestDist, tie := -1, -1, 0, false
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], s.Exact)
		if i < 0 {
			break
		}
		i += from
		score := commonSuffix(text[:i], s.Prefix) + commonPrefix(text[i+len(s.Exact):], s.Suffix)
		dist := max(i-s.Start, s.Start-i)
		switch {
		case score > bestScore || score == bestScore && dist < bestDist:
			best, bestScore, bestDist, tie = i, score, dist, false
		case score == bestScore && dist == bestDist:
			tie = true
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		from = i + n
	}
	switch {
	case best < 0:
		return Span{}, fieldErr("span.exact", s.Exact, ErrNotFound)
	case tie:
		return Span{}, fieldErr("span.exact", s.Exact, ErrAmbiguous)
	}
	return Locate(text, best, best+len(s.Exact))
}

// String returns "[start:end]".
func (s Span) String() string {
	return "[" + strconv.Itoa(s.Start) + ":" + strconv.Itoa(s.End) + "]"
}

// checkSelf reports problems a span has on its own, without its text;
// validUTF8 says that its strings are known to be valid UTF-8. A good span
// costs a few comparisons: the validator asks it of every mention.
func (s *Span) checkSelf(validUTF8 bool) error {
	if (validUTF8 || validText(s.Exact) && validText(s.Prefix) && validText(s.Suffix)) &&
		s.Exact != "" && s.Start >= 0 && s.End <= math.MaxInt32 && s.Start <= s.End && s.End-s.Start == len(s.Exact) {
		return nil
	}
	return s.selfErr(validUTF8)
}

// selfErr returns the first problem checkSelf finds, or nil.
func (s *Span) selfErr(validUTF8 bool) error {
	switch {
	case !validUTF8 && (!utf8.ValidString(s.Exact) || !utf8.ValidString(s.Prefix) || !utf8.ValidString(s.Suffix)):
		return fieldErr("span", s.String(), ErrInvalidUTF8)
	case s.Exact == "":
		return fieldErr("span.exact", s.Exact, fmt.Errorf("%w: want the text the span covers", ErrEmpty))
	case s.Start < 0:
		return fieldErr("span", s.String(), fmt.Errorf("%w: negative start", ErrSpan))
	case s.End > math.MaxInt32:
		return fieldErr("span", s.String(), fmt.Errorf("%w: beyond the 2 GiB an article's text may hold", ErrSpan))
	case s.End < s.Start || s.End-s.Start != len(s.Exact):
		return fieldErr("span", s.String(), fmt.Errorf("%w: offsets do not fit the %d bytes of exact text", ErrSpan, len(s.Exact)))
	}
	return nil
}

// checkText is [Span.Check] for a span that checkSelf passed: the same
// error, and for a span that points at its text, the answer in a few
// comparisons rather than a call that copies the span.
func (s *Span) checkText(text string) error {
	if 0 <= s.Start && s.Start < s.End && s.End <= len(text) && onBoundary(text, s.Start) && onBoundary(text, s.End) &&
		text[s.Start:s.End] == s.Exact && strings.HasSuffix(text[:s.Start], s.Prefix) && strings.HasPrefix(text[s.End:], s.Suffix) {
		return nil
	}
	return s.Check(text)
}

// validText reports whether s is valid UTF-8, as utf8.ValidString does,
// sooner for a short ASCII string such as an ID or a quote's prefix, which
// utf8.ValidString reads a byte at a time: two loads of 8 bytes (or 4),
// which may overlap, cover a string of 4 to 16 bytes.
func validText(s string) bool {
	const hi8, hi4 = 0x8080808080808080, 0x80808080
	n := len(s)
	switch {
	case n > 16:
	case n >= 8:
		if (corpusview.LE64(s)|corpusview.LE64(s[n-8:]))&hi8 == 0 {
			return true
		}
	case n >= 4:
		if (corpusview.LE32(s)|corpusview.LE32(s[n-4:]))&hi4 == 0 {
			return true
		}
	default:
		var or byte
		for i := range n {
			or |= s[i]
		}
		if or < utf8.RuneSelf {
			return true
		}
	}
	return utf8.ValidString(s)
}

func checkOffsets(text string, start, end int) error {
	var why string
	switch {
	case start < 0 || end > len(text) || start > end:
		why = fmt.Sprintf("outside the %d bytes of text", len(text))
	case start == end:
		why = "empty"
	case !onBoundary(text, start) || !onBoundary(text, end):
		why = "not on a rune boundary"
	default:
		return nil
	}
	where := "[" + strconv.Itoa(start) + ":" + strconv.Itoa(end) + "]"
	return fieldErr("span", where, fmt.Errorf("%w: %s", ErrSpan, why))
}

func onBoundary(text string, i int) bool {
	return i == 0 || i == len(text) || utf8.RuneStart(text[i])
}

func lastRunes(s string, n int) string {
	i := len(s)
	// ASCII first: one byte, one rune.
	for ; n > 0 && i > 0 && s[i-1] < utf8.RuneSelf; n-- {
		i--
	}
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s) && s[i] < utf8.RuneSelf; n-- {
		i++
	}
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// maxContext caps how many bytes of context Relocate compares at each
// occurrence, so that a span with a very long prefix or suffix costs no more
// than one with the 32 runes Locate keeps (at most 4 bytes each).
const maxContext = 4 * contextRunes

func commonPrefix(a, b string) int {
	n := 0
	for n < maxContext && n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b string) int {
	n := 0
	for n < maxContext && n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) <= 80 {
		return s
	}
	return firstRunes(s, 77) + "..."
}
