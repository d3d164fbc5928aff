package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/source"
)

// maxManifestLine is the longest line of a manifest: an article's text may
// be given inline, and 16 MiB holds any news article many times over while
// keeping a hostile file from making the reader hold an unbounded line.
const maxManifestLine = 16 << 20

// entry is one line of an article manifest: an article's metadata and
// either the file that holds its text or the text itself.
type entry struct {
	// ID names the article; the file's name without its extension when
	// empty.
	ID source.ArticleID `json:"id,omitempty"`
	// File is the text file, relative to the manifest's directory (or the
	// directory add's --dir names), and inside it: neither an absolute
	// path nor one that climbs out with "..".
	File string `json:"file,omitempty"`
	// Text is the article's text, for a manifest that carries it.
	Text string `json:"text,omitempty"`
	// Published is an RFC 3339 time or a day (2025-03-02, taken as
	// midnight UTC).
	Published string           `json:"published"`
	Outlet    source.ID        `json:"outlet,omitempty"`
	URL       string           `json:"url,omitempty"`
	Title     string           `json:"title,omitempty"`
	Language  string           `json:"language,omitempty"`
	Reprints  source.ArticleID `json:"reprints,omitempty"`
	Wire      source.ID        `json:"wire,omitempty"`
}

// manifestError is a problem with one line of a manifest.
type manifestError struct {
	Line  int
	Field string
	Err   error
}

func (e *manifestError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("manifest line %d: %v", e.Line, e.Err)
	}
	return fmt.Sprintf("manifest line %d: %s: %v", e.Line, e.Field, e.Err)
}

func (e *manifestError) Unwrap() error { return e.Err }

// errManifest reports a manifest line that is not a JSON object of an
// article.
var errManifest = errors.New("not a JSON object of an article")

// readManifest reads an article manifest: JSON Lines, one object per
// article with "published" and one of "file" or "text", and optionally
// "id", "outlet", "url", "title", "language", "reprints" and "wire". Blank
// lines and lines starting with "#" are skipped. An unknown member, a
// missing, malformed or future date (see parsePublished; now is the
// present), both or neither of file and text, a file outside the
// manifest's folder, or a line longer than maxManifestLine give a
// *manifestError naming the line and the member. Every line is read: the
// error reports the first maxBadLines bad ones (see badLines). It reads in
// time linear in the input and holds one line at a time besides the
// entries.
func readManifest(r io.Reader, now time.Time) ([]entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxManifestLine)
	var entries []entry
	var bad badLines
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		e, err := parseEntry(line, now)
		if err != nil {
			var me *manifestError
			if !errors.As(err, &me) {
				me = &manifestError{Err: err}
			}
			me.Line = n
			bad.add(me)
			continue
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = &manifestError{Line: n + 1, Err: fmt.Errorf("a line longer than %d bytes", maxManifestLine)}
		}
		bad.add(err)
	}
	if err := bad.err(); err != nil {
		return nil, err
	}
	return entries, nil
}

// parseEntry parses one manifest line.
func parseEntry(line []byte, now time.Time) (entry, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	var e entry
	if err := dec.Decode(&e); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) && ute.Field != "" {
			return entry{}, &manifestError{Field: ute.Field, Err: fmt.Errorf("want a JSON %s", ute.Type)}
		}
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return entry{}, &manifestError{Field: strings.Trim(name, `"`), Err: errors.New("unknown member (want id, file, text, published, outlet, url, title, language, reprints, wire)")}
		}
		return entry{}, fmt.Errorf("%w: %w", errManifest, err)
	}
	if dec.More() {
		return entry{}, fmt.Errorf("%w: data after the object", errManifest)
	}
	switch {
	case e.File == "" && e.Text == "":
		return entry{}, &manifestError{Field: "file", Err: errors.New("give the article's file, or its text in \"text\"")}
	case e.File != "" && e.Text != "":
		return entry{}, &manifestError{Field: "text", Err: errors.New("give \"file\" or \"text\", not both")}
	case e.File == "" && e.ID == "":
		return entry{}, &manifestError{Field: "id", Err: errors.New("an article given by its text needs an id")}
	case e.File != "" && !filepath.IsLocal(e.File):
		return entry{}, &manifestError{Field: "file", Err: fmt.Errorf("%q is not inside the manifest's folder: give a path relative to it, without \"..\" (or point add's --dir at the articles' folder)", e.File)}
	}
	if _, err := parsePublished(e.Published, now); err != nil {
		return entry{}, &manifestError{Field: "published", Err: err}
	}
	return e, nil
}

// futureSlack is how far past the present a publication time may be: a
// day, so that an article dated in a time zone ahead of the reader's, or
// on a clock running a little fast, is taken.
const futureSlack = 24 * time.Hour

// parsePublished parses a publication time: RFC 3339, or a day taken as
// midnight UTC. It refuses the year 1 (0001-01-01, the zero time, which
// the story takes for a missing date) and a time more than futureSlack
// after now (3025 for 2025 is a typing slip, and would sort the article
// after every real one), each with an error quoting s.
func parsePublished(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("missing: give the publication time, such as 2025-03-02 or 2025-03-02T18:00:00Z")
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		if t, err = time.Parse(time.DateOnly, s); err != nil {
			return time.Time{}, fmt.Errorf("%q is not a date: want 2025-03-02 or 2025-03-02T18:00:00Z", s)
		}
	}
	switch {
	case t.Year() < 2:
		return time.Time{}, fmt.Errorf("%q is in the year %d: give the article's real publication date", s, t.Year())
	case t.After(now.Add(futureSlack)):
		return time.Time{}, fmt.Errorf("%q is in the future (after %s): check the year", s, now.Add(futureSlack).UTC().Format(time.DateOnly))
	}
	return t, nil
}
