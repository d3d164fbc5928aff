package source

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// ArticleID identifies an [Article] within a corpus; the empty ID is invalid.
type ArticleID string

// Article is one published piece of text: where statements are reported. It
// is also a source record: the outlet that published it, and what it
// reprints, so that forty reprints of one wire story count as one origin:
// the article it copies (Reprints), when that is in the corpus, or the wire
// service or outlet whose story it carries (Wire), when only the copy is; or
// both. [Article.IsReprint] tells a reprint, [Registry.Origin] the article a
// reprint goes back to, and [Registry.Wire] the wire service.
//
// The zero Article is invalid: ID and Published are required.
type Article struct {
	// ID identifies the article in mentions.
	ID ArticleID `json:"id"`
	// Outlet is the source that published the article; optional.
	Outlet ID `json:"outlet,omitempty"`
	// URL is where the article was read; optional.
	URL string `json:"url,omitempty"`
	// Title is the headline; optional.
	Title string `json:"title,omitempty"`
	// Published is when the article appeared; required. In JSON it is an
	// RFC 3339 time, or a date alone ("2024-03-04") read as midnight UTC.
	Published time.Time `json:"published"`
	// Language is a BCP 47 tag such as "en" or "pt-BR"; optional. It is
	// checked for its shape only, not against the IANA registry: subtags of
	// 1 to 8 ASCII letters or digits joined by "-", the first of them a
	// language of 2 or 3 letters, or "x" (private use, "x-newsroom") or
	// "i" (the old registered forms, "i-klingon") followed by at least one
	// more subtag. Case is ignored.
	Language string `json:"language,omitempty"`
	// Reprints is the article or wire story this one copies; empty for an
	// original, or when what it copies is not in the corpus.
	Reprints ArticleID `json:"reprints,omitempty"`
	// Wire is the wire service or outlet whose story this article reprints,
	// a source in the registry other than the absent source: the Associated
	// Press for an AP story in a local paper. It may be given with or
	// without Reprints, so that a reprint can be recorded when the original
	// is not in the corpus. Empty for an original, or when not known.
	Wire ID `json:"wire,omitempty"`
	// Text is the article's text, against which mention spans are checked.
	// Optional; without it spans are checked only for their own consistency.
	Text string `json:"text,omitempty"`
}

// IsReprint reports whether a copies another story: Reprints or Wire is set.
func (a Article) IsReprint() bool { return a.Reprints != "" || a.Wire != "" }

// check returns one error per problem with a's own fields (not its
// references), each field prefixed by path.
func (a Article) check(p fieldPath) []error {
	var errs []error
	errs = checkText(errs, p, "id", string(a.ID), true)
	for _, f := range []struct{ name, v string }{
		{"outlet", string(a.Outlet)}, {"url", a.URL}, {"title", a.Title},
		{"language", a.Language}, {"reprints", string(a.Reprints)}, {"wire", string(a.Wire)},
	} {
		errs = checkText(errs, p, f.name, f.v, false)
	}
	if !utf8.ValidString(a.Text) {
		// The text itself is not quoted: it may be megabytes long.
		errs = append(errs, fieldErr(p.f("text"), firstInvalid(a.Text), ErrInvalidUTF8))
	}
	if a.Language != "" && utf8.ValidString(a.Language) && !plausibleLanguage(a.Language) {
		errs = append(errs, fieldErr(p.f("language"), a.Language, fmt.Errorf("%w: not a BCP 47 language tag such as \"en\" or \"pt-BR\"", ErrInvalid)))
	}
	if a.Published.IsZero() {
		errs = append(errs, fieldErr(p.f("published"), "", fmt.Errorf("%w: want the publication time", ErrEmpty)))
	}
	errs = checkTime(errs, p, "published", a.Published)
	if a.Reprints != "" && a.Reprints == a.ID {
		errs = append(errs, fieldErr(p.f("reprints"), string(a.Reprints), ErrCycle))
	}
	return errs
}

// plausibleLanguage reports whether tag has the shape of a BCP 47 language
// tag, as the comment on [Article.Language] describes it.
func plausibleLanguage(tag string) bool {
	subtags := strings.Split(tag, "-")
	for _, sub := range subtags {
		if len(sub) < 1 || len(sub) > 8 || strings.TrimLeft(sub, asciiAlnum) != "" {
			return false
		}
	}
	first := strings.ToLower(subtags[0])
	switch {
	case first == "x" || first == "i":
		return len(subtags) > 1
	case len(first) < 2 || len(first) > 3:
		return false
	}
	return strings.TrimLeft(first, asciiLetters) == ""
}

const (
	asciiLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	asciiAlnum   = asciiLetters + "0123456789"
)

// firstInvalid returns a short excerpt of s around its first invalid byte,
// so that an error can show where the problem is without quoting all of s.
func firstInvalid(s string) string {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			lo, hi := max(0, i-16), min(len(s), i+16)
			return strings.Clone(s[lo:hi]) // not a slice that keeps all of s
		}
		i += n
	}
	return ""
}

// checkTime appends an error when t, field name of the record at p, is not
// zero and lies outside the years 0001-9999 in UTC: an instant at the end
// of 9999 in a zone behind UTC is in 10000 there, and encoding/json writes
// times only within 0000-9999, so a timeline that shows it in UTC could
// not be written.
func checkTime(errs []error, p fieldPath, name string, t time.Time) []error {
	if y := t.UTC().Year(); !t.IsZero() && (y < 1 || y > 9999) {
		return append(errs, fieldErr(p.f(name), t.Format(time.RFC3339Nano),
			fmt.Errorf("%w: times must be within the years 0001-9999 in UTC, and this is %d there", ErrInvalid, y)))
	}
	return errs
}
