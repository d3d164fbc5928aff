package gold

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Article is one labelled article.
type Article struct {
	// Name is the file name without its extension.
	Name string
	// Text is the article text, Title its headline.
	Text  string
	Title string
	// Published is when it appeared; Origin and Licence say where the text
	// comes from and on what terms.
	Published time.Time
	Origin    string
	Licence   string
	// Registry holds the sources a user would know beforehand; nil when
	// the file lists none.
	Registry *source.Registry
	// Attributions are the labelled attributions, in file order.
	Attributions []Attribution
}

// Attribution is one labelled attribution with its spans located in the
// text.
type Attribution struct {
	// Source is the zero Span when no speaker is given.
	Source  claim.Span
	Cue     claim.Span
	Content []claim.Span
	// Speaker is a registry ID, source.AbsentID, or "new:" and the name
	// of a speaker the registry does not know.
	Speaker    source.ID
	Act        claim.Act
	Factuality claim.Factuality
	// Said is the zero Date when the text does not say when.
	Said claim.Date
	// Rule is, for a prediction, the extractor rule that proposed it
	// (extract.Candidate.Rule); it is empty in gold attributions and
	// plays no part in the score.
	Rule string
}

// file is the JSON form of a gold article.
type file struct {
	Title        string          `json:"title"`
	Published    time.Time       `json:"published"`
	Origin       string          `json:"origin"`
	Licence      string          `json:"licence"`
	Registry     []source.Source `json:"registry"`
	Attributions []fileAttrib    `json:"attributions"`
}

type fileAttrib struct {
	Context    string            `json:"context"`
	Source     string            `json:"source"`
	SourceNth  int               `json:"source_nth"`
	Cue        string            `json:"cue"`
	CueNth     int               `json:"cue_nth"`
	Content    []string          `json:"content"`
	ContentNth []int             `json:"content_nth"`
	Speaker    source.ID         `json:"speaker"`
	Act        claim.Act         `json:"act"`
	Factuality *claim.Factuality `json:"factuality"` // required: a pointer tells a missing one from Uu
	Said       claim.Date        `json:"said"`
}

// LoadDir reads every NAME.json in dir with its NAME.txt, in name order.
// Work is Load's for each file; memory holds every article read.
func LoadDir(dir string) ([]Article, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var out []Article
	for _, n := range names {
		a, err := Load(n)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, &Error{File: dir, Err: fmt.Errorf("%w: no *.json files in the folder", ErrGold)}
	}
	return out, nil
}

// Load reads one gold article from its JSON file and the .txt beside it.
// A problem with the file is an [*Error] naming the file and, for an
// attribution, its index and field, such as "attributions[3].cue"; a file
// that cannot be read gives the error of [os.ReadFile]. Load takes time
// linear in the sizes of the two files times the attributions' number.
func Load(jsonPath string) (Article, error) {
	raw, err := os.ReadFile(jsonPath)
	if err != nil {
		return Article{}, err
	}
	textPath := strings.TrimSuffix(jsonPath, ".json") + ".txt"
	text, err := os.ReadFile(textPath)
	if err != nil {
		return Article{}, err
	}
	a, err := Decode(raw, string(text))
	if err != nil {
		return Article{}, in(jsonPath, "", err)
	}
	a.Name = strings.TrimSuffix(filepath.Base(jsonPath), ".json")
	return a, nil
}

// Decode reads a gold article's JSON against its text. A problem is an
// [*Error] wrapping [ErrGold] that names the field, such as
// "attributions[3].cue", and the value. Decode takes time linear in the
// sizes of raw and text times the number of attributions.
func Decode(raw []byte, text string) (Article, error) {
	var f file
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Article{}, in("", "", err)
	}
	a := Article{Text: text, Title: f.Title, Published: f.Published, Origin: f.Origin, Licence: f.Licence}
	if f.Published.IsZero() {
		return Article{}, invalid("published", "", "want the publication time")
	}
	for _, field := range []struct{ name, v string }{{"title", f.Title}, {"origin", f.Origin}, {"licence", f.Licence}} {
		if strings.TrimSpace(field.v) == "" {
			return Article{}, invalid(field.name, field.v, "want a text")
		}
	}
	var err error
	if a.Registry, err = registry(f.Registry); err != nil {
		return Article{}, err
	}
	for i, fa := range f.Attributions {
		at, err := locate(text, fa)
		if err != nil {
			return Article{}, in("", fmt.Sprintf("attributions[%d]", i), err)
		}
		a.Attributions = append(a.Attributions, at)
	}
	return a, nil
}

// registry builds a gold file's registry, nil when it lists no source.
func registry(sources []source.Source) (*source.Registry, error) {
	if len(sources) == 0 {
		return nil, nil
	}
	reg, err := source.NewRegistry(sources, nil)
	if err != nil {
		return nil, in("", "registry", err)
	}
	return reg, nil
}

// locate finds an attribution's spans in the text.
func locate(text string, fa fileAttrib) (Attribution, error) {
	at := Attribution{Speaker: fa.Speaker, Act: fa.Act, Said: fa.Said}
	if fa.Factuality == nil {
		return at, invalid("factuality", "", "want a factuality such as CT+")
	}
	at.Factuality = *fa.Factuality
	if n := strings.Count(text, fa.Context); fa.Context == "" || n != 1 {
		return at, invalid("context", fa.Context, "occurs %d times in the text, want once", n)
	}
	if !fa.Act.IsValid() {
		return at, invalid("act", fa.Act.String(), "want an act such as deny")
	}
	if fa.Speaker == "" {
		return at, invalid("speaker", "", "want a source ID, or %q for no speaker", source.AbsentID)
	}
	if (fa.Speaker == source.AbsentID) != (fa.Source == "") {
		return at, invalid("source", fa.Source, "an absent speaker goes with an empty source, and only then; the speaker is %q", fa.Speaker)
	}
	base := strings.Index(text, fa.Context)
	find := func(field, piece string, n int) (claim.Span, error) {
		s, err := claim.FindNth(fa.Context, piece, n+1)
		if err == nil {
			s, err = claim.Locate(text, base+s.Start, base+s.End)
		}
		if err != nil {
			return claim.Span{}, invalid(field, piece, "occurrence %d not in the context: %w", n, err)
		}
		return s, nil
	}
	var err error
	if fa.Source != "" {
		if at.Source, err = find("source", fa.Source, fa.SourceNth); err != nil {
			return at, err
		}
	}
	if fa.Cue == "" {
		return at, invalid("cue", "", "want the words that attribute, such as \"said\"")
	}
	if at.Cue, err = find("cue", fa.Cue, fa.CueNth); err != nil {
		return at, err
	}
	if len(fa.ContentNth) > 0 && len(fa.ContentNth) != len(fa.Content) {
		return at, invalid("content_nth", fmt.Sprint(fa.ContentNth), "%d numbers for %d content pieces, want one each", len(fa.ContentNth), len(fa.Content))
	}
	for i, piece := range fa.Content {
		n := 0
		if len(fa.ContentNth) > 0 {
			n = fa.ContentNth[i]
		}
		s, err := find(fmt.Sprintf("content[%d]", i), piece, n)
		if err != nil {
			return at, err
		}
		at.Content = append(at.Content, s)
	}
	return at, nil
}
