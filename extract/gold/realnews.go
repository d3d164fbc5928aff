package gold

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/source"
)

// Entry is one article of a set whose texts are not shipped: published
// third-party articles, of which a manifest keeps only facts (where the
// text was read, its hash, its story and split) and the labels keep only
// offsets (see [DecodeOffsets]).
type Entry struct {
	// ID names the article; its text is ID.txt and its labels ID.json.
	ID string `json:"id"`
	// URL is where the article was published.
	URL string `json:"url"`
	// Story groups the articles of one news story; a split never divides
	// one.
	Story string `json:"story"`
	// Kind is the story's kind: politics, military, business,
	// sport-doping, court, cyber-espionage.
	Kind string `json:"kind"`
	// Outlet and OutletType ("wire", "national", "state-media") say who
	// published it.
	Outlet     string `json:"outlet"`
	OutletType string `json:"outlet_type"`
	// Published is when it appeared, as far as the text tells;
	// PublishedNote says how it was found.
	Published     time.Time `json:"published"`
	PublishedNote string    `json:"published_note,omitempty"`
	// SHA256 is the hex digest of the saved text's bytes, and Bytes its
	// length.
	SHA256 string `json:"sha256"`
	Bytes  int    `json:"bytes"`
	// Split is "dev" (tuned on) or "test" (scored once per release, never
	// tuned on).
	Split string `json:"split"`
}

// ReadManifest reads a manifest: a JSON array of [Entry] values. Each
// entry needs an ID, a URL, a SHA-256 digest, a publication time and a
// split of "dev" or "test"; IDs are unique. Work and memory are linear in
// the size of the file.
func ReadManifest(path string) ([]Entry, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m []Entry
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, in(path, "", err)
	}
	seen := map[string]bool{}
	for i, e := range m {
		switch {
		case e.ID == "" || e.URL == "" || len(e.SHA256) != 64 || e.Published.IsZero():
			return nil, in(path, fmt.Sprintf("[%d]", i), invalid("id", e.ID, "want an id, a url, a sha256 of 64 hex digits and a publication time"))
		case e.Split != "dev" && e.Split != "test":
			return nil, in(path, fmt.Sprintf("[%d]", i), invalid("split", e.Split, "want dev or test"))
		case seen[e.ID]:
			return nil, in(path, fmt.Sprintf("[%d]", i), invalid("id", e.ID, "given twice"))
		}
		seen[e.ID] = true
	}
	return m, nil
}

// ReadText reads an entry's text from dir and checks it against the
// manifest's digest. A missing file or a different text gives an error
// wrapping [ErrText]: a page saved again may have changed, and labels
// are offsets into the text that was labelled. Work and memory are linear
// in the size of the file.
func (e Entry) ReadText(dir string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(dir, e.ID+".txt"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", &Error{File: filepath.Join(dir, e.ID+".txt"), Err: fmt.Errorf("%w: the file is missing", ErrText)}
	}
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != e.SHA256 {
		return "", &Error{File: filepath.Join(dir, e.ID+".txt"), Err: fmt.Errorf("%w: its sha256 is %s, the manifest's %s", ErrText, got, e.SHA256)}
	}
	return string(raw), nil
}

// LoadOffsetsDir reads the labels of every entry in splits (all of them
// when splits is empty) from labels/ID.json against its text in texts/.
// Entries whose text is missing or changed are skipped and returned in
// skipped with their error, so that a partly filled folder still gives a
// score; entries with no labels file are left out. Other errors stop it.
// Work is linear in the sizes of the files read, as DecodeOffsets'; memory
// holds every article read.
func LoadOffsetsDir(entries []Entry, labels, texts string, splits ...string) (arts []Article, skipped []error, err error) {
	for _, e := range entries {
		if len(splits) > 0 && !slices.Contains(splits, e.Split) {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(labels, e.ID+".json"))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		text, err := e.ReadText(texts)
		if err != nil {
			if errors.Is(err, ErrText) {
				skipped = append(skipped, err)
				continue
			}
			return nil, nil, err
		}
		a, err := DecodeOffsets(raw, text)
		if err != nil {
			return nil, nil, in(filepath.Join(labels, e.ID+".json"), "", err)
		}
		a.Name = e.ID
		a.Origin = e.URL
		arts = append(arts, a)
	}
	return arts, skipped, nil
}

// Agree scores a second annotator's labels of an article against the
// first annotator's, as [Score] scores predictions against gold, for the
// agreement between annotators. The two may have built different
// registries, so speakers agree when one of the names (the name and
// aliases of a registry source, the name after "new:") of one, once
// normalised, is the other's or a run of its words ("Peskov" and "Dmitry
// Peskov"; not "German Foreign Ministry" and "Russian Foreign Ministry").
// Work is Score's, each pair's speakers compared name by name (a source's
// name and aliases, each against each).
func Agree(first, second Article) Counts {
	pred := make([]Predicted, len(second.Attributions))
	copy(pred, second.Attributions)
	return Score(first, pred, func(p, g source.ID) bool {
		for _, pn := range speakerNames(second.Registry, p) {
			for _, gn := range speakerNames(first.Registry, g) {
				if wordRun(pn, gn) {
					return true
				}
			}
		}
		return false
	})
}

// wordRun reports whether the words of one name, normalised, are a run of
// the other's.
func wordRun(a, b string) bool {
	fa, fb := strings.Fields(source.Normalize(a)), strings.Fields(source.Normalize(b))
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	if len(fa) == 0 {
		return false
	}
	for i := 0; i+len(fa) <= len(fb); i++ {
		if slices.Equal(fa, fb[i:i+len(fa)]) {
			return true
		}
	}
	return false
}

// speakerNames returns the names a speaker ID stands for.
func speakerNames(reg *source.Registry, id source.ID) []string {
	if n, ok := strings.CutPrefix(string(id), "new:"); ok {
		return []string{n}
	}
	s, ok := reg.Source(id)
	if !ok {
		return []string{string(id)}
	}
	return append([]string{s.Name}, s.Aliases...)
}
