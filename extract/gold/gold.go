package gold

import (
	"bytes"
	"encoding/json"
	"errors"
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

// ErrGold reports a gold file that does not hold together: a context that
// is not in the text once, a span not in its context, a missing field.
var ErrGold = errors.New("gold: invalid annotation")

// LoadDir reads every NAME.json in dir with its NAME.txt, in name order.
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
		return nil, fmt.Errorf("gold: no *.json files in %s", dir)
	}
	return out, nil
}

// Load reads one gold article from its JSON file and the .txt beside it.
// Errors name the file and, for an attribution, its index and field.
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
		return Article{}, fmt.Errorf("%s: %w", jsonPath, err)
	}
	a.Name = strings.TrimSuffix(filepath.Base(jsonPath), ".json")
	return a, nil
}

// Decode reads a gold article's JSON against its text.
func Decode(raw []byte, text string) (Article, error) {
	var f file
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Article{}, fmt.Errorf("%w: %w", ErrGold, err)
	}
	a := Article{Text: text, Title: f.Title, Published: f.Published, Origin: f.Origin, Licence: f.Licence}
	if f.Published.IsZero() {
		return Article{}, fmt.Errorf("%w: published is missing", ErrGold)
	}
	for field, v := range map[string]string{"title": f.Title, "origin": f.Origin, "licence": f.Licence} {
		if strings.TrimSpace(v) == "" {
			return Article{}, fmt.Errorf("%w: %s is empty", ErrGold, field)
		}
	}
	var err error
	if a.Registry, err = registry(f.Registry); err != nil {
		return Article{}, err
	}
	for i, fa := range f.Attributions {
		at, err := locate(text, fa)
		if err != nil {
			return Article{}, fmt.Errorf("%w: attributions[%d]: %w", ErrGold, i, err)
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
		return nil, fmt.Errorf("%w: registry: %w", ErrGold, err)
	}
	return reg, nil
}

// locate finds an attribution's spans in the text.
func locate(text string, fa fileAttrib) (Attribution, error) {
	at := Attribution{Speaker: fa.Speaker, Act: fa.Act, Said: fa.Said}
	if fa.Factuality == nil {
		return at, errors.New("factuality is missing")
	}
	at.Factuality = *fa.Factuality
	if fa.Context == "" || strings.Count(text, fa.Context) != 1 {
		return at, fmt.Errorf("context %q occurs %d times in the text, want once", clip(fa.Context), strings.Count(text, fa.Context))
	}
	if !fa.Act.IsValid() {
		return at, fmt.Errorf("act %q is not valid", fa.Act)
	}
	if fa.Speaker == "" {
		return at, errors.New("speaker is empty")
	}
	if (fa.Speaker == source.AbsentID) != (fa.Source == "") {
		return at, fmt.Errorf("speaker %q with source %q: an absent speaker goes with an empty source, and only then", fa.Speaker, fa.Source)
	}
	base := strings.Index(text, fa.Context)
	find := func(field, piece string, n int) (claim.Span, error) {
		s, err := claim.FindNth(fa.Context, piece, n+1)
		if err != nil {
			return claim.Span{}, fmt.Errorf("%s %q (occurrence %d) not in context: %w", field, piece, n, err)
		}
		return claim.Locate(text, base+s.Start, base+s.End)
	}
	var err error
	if fa.Source != "" {
		if at.Source, err = find("source", fa.Source, fa.SourceNth); err != nil {
			return at, err
		}
	}
	if fa.Cue == "" {
		return at, errors.New("cue is empty")
	}
	if at.Cue, err = find("cue", fa.Cue, fa.CueNth); err != nil {
		return at, err
	}
	if len(fa.ContentNth) > 0 && len(fa.ContentNth) != len(fa.Content) {
		return at, fmt.Errorf("content_nth has %d numbers for %d content pieces", len(fa.ContentNth), len(fa.Content))
	}
	for i, piece := range fa.Content {
		n := 0
		if len(fa.ContentNth) > 0 {
			n = fa.ContentNth[i]
		}
		s, err := find("content", piece, n)
		if err != nil {
			return at, err
		}
		at.Content = append(at.Content, s)
	}
	return at, nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 50 {
		return string(r[:50]) + "…"
	}
	return s
}
