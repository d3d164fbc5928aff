package gold

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// The offsets form of a gold article labels a text that cannot be shipped
// (a third-party article) without quoting any of it: every span is a pair
// of byte offsets [start, end) into the text, and the file holds no
// sentence of the text. Read it with [DecodeOffsets] once the text is at
// hand, and write it with [EncodeOffsets] from an article read in the
// context form with [Decode].
type offsetFile struct {
	Published    time.Time       `json:"published"`
	Registry     []source.Source `json:"registry,omitempty"`
	Attributions []offsetAttrib  `json:"attributions"`
}

type offsetAttrib struct {
	// Source is absent (null) when no speaker is given.
	Source     *[2]int           `json:"source,omitempty"`
	Cue        [2]int            `json:"cue"`
	Content    [][2]int          `json:"content"`
	Speaker    source.ID         `json:"speaker"`
	Act        claim.Act         `json:"act"`
	Factuality *claim.Factuality `json:"factuality"`
	Said       claim.Date        `json:"said,omitzero"`
}

// DecodeOffsets reads a gold article in the offsets form against its text.
// Every span must lie within the text, on rune boundaries, and be
// non-empty; the error, wrapping [ErrGold], names the attribution and the
// field. The article's Title, Origin and Licence are left empty: the form
// carries no text. Work is linear in the sizes of raw and text; text is
// not copied.
func DecodeOffsets(raw []byte, text string) (Article, error) {
	var f offsetFile
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Article{}, in("", "", err)
	}
	if dec.More() {
		return Article{}, &Error{Err: fmt.Errorf("%w: data after the document", ErrGold)}
	}
	if f.Published.IsZero() {
		return Article{}, invalid("published", "", "want the publication time")
	}
	a := Article{Text: text, Published: f.Published}
	var err error
	if a.Registry, err = registry(f.Registry); err != nil {
		return Article{}, err
	}
	for i, fa := range f.Attributions {
		at, err := fa.locate(text)
		if err != nil {
			return Article{}, in("", fmt.Sprintf("attributions[%d]", i), err)
		}
		a.Attributions = append(a.Attributions, at)
	}
	return a, nil
}

func (fa offsetAttrib) locate(text string) (Attribution, error) {
	at := Attribution{Speaker: fa.Speaker, Act: fa.Act, Said: fa.Said}
	switch {
	case fa.Factuality == nil:
		return at, invalid("factuality", "", "want a factuality such as CT+")
	case !fa.Factuality.IsValid():
		return at, invalid("factuality", fa.Factuality.String(), "want one of the eight FactBank values")
	case !fa.Act.IsValid():
		return at, invalid("act", fa.Act.String(), "want an act such as deny")
	case fa.Speaker == "":
		return at, invalid("speaker", "", "want a source ID, or %q for no speaker", source.AbsentID)
	case (fa.Speaker == source.AbsentID) != (fa.Source == nil):
		return at, invalid("source", fmt.Sprint(fa.Source), "an absent speaker goes with no source, and only then; the speaker is %q", fa.Speaker)
	}
	at.Factuality = *fa.Factuality
	span := func(field string, o [2]int) (claim.Span, error) {
		s, err := claim.Locate(text, o[0], o[1])
		if err != nil {
			return claim.Span{}, invalid(field, fmt.Sprintf("[%d, %d]", o[0], o[1]), "%w", err)
		}
		return s, nil
	}
	var err error
	if fa.Source != nil {
		if at.Source, err = span("source", *fa.Source); err != nil {
			return at, err
		}
	}
	if at.Cue, err = span("cue", fa.Cue); err != nil {
		return at, err
	}
	for k, o := range fa.Content {
		s, err := span(fmt.Sprintf("content[%d]", k), o)
		if err != nil {
			return at, err
		}
		at.Content = append(at.Content, s)
	}
	return at, nil
}

// EncodeOffsets writes a gold article in the offsets form: its publication
// time, registry and attributions, with spans as byte offsets and no text.
// Work and memory are linear in the registry and the attributions.
func EncodeOffsets(a Article) ([]byte, error) {
	f := offsetFile{Published: a.Published, Attributions: make([]offsetAttrib, 0, len(a.Attributions))}
	if a.Registry != nil {
		f.Registry = a.Registry.Declared()
	}
	for _, at := range a.Attributions {
		fact := at.Factuality
		oa := offsetAttrib{
			Cue: [2]int{at.Cue.Start, at.Cue.End}, Content: [][2]int{},
			Speaker: at.Speaker, Act: at.Act, Factuality: &fact, Said: at.Said,
		}
		if at.Source.Exact != "" {
			oa.Source = &[2]int{at.Source.Start, at.Source.End}
		}
		for _, c := range at.Content {
			oa.Content = append(oa.Content, [2]int{c.Start, c.End})
		}
		f.Attributions = append(f.Attributions, oa)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	// One attribution a line keeps the file short and its diffs readable.
	return compactAttributions(buf.Bytes()), nil
}

// compactAttributions puts each attribution of an indented document on a
// line of its own.
func compactAttributions(doc []byte) []byte {
	s := string(doc)
	head, list, ok := strings.Cut(s, "\"attributions\": [")
	if !ok {
		return doc
	}
	var items []json.RawMessage
	if err := json.Unmarshal([]byte("["+list[:strings.LastIndex(list, "]")]+"]"), &items); err != nil {
		return doc
	}
	var b strings.Builder
	b.WriteString(head)
	b.WriteString("\"attributions\": [")
	for i, it := range items {
		var c bytes.Buffer
		if err := json.Compact(&c, it); err != nil {
			return doc
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  ")
		b.Write(c.Bytes())
	}
	if len(items) > 0 {
		b.WriteString("\n ")
	}
	b.WriteString("]\n}\n")
	return []byte(b.String())
}
