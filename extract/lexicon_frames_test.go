package extract

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

// TestEveryLexiconWordAtTheEdges runs every word and phrase of the lexicon
// through Extract at the start and at the end of a sentence and of a text,
// where a rule that looks at the words after or before its cue has none to
// read: a text cut off after "There are call" once read past its last token.
// Extract must return without panicking and without an error.
func TestEveryLexiconWordAtTheEdges(t *testing.T) {
	f, err := os.Open("lexicon.txt")
	require.NoError(t, err)
	defer f.Close()
	var forms []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "[") {
			continue
		}
		words, _, _ := strings.Cut(line, "|")
		forms = append(forms, strings.Fields(words)...)
		if !strings.Contains(line, "|") {
			forms = append(forms, words) // a phrase, whole
		}
	}
	require.NoError(t, sc.Err())
	require.Greater(t, len(forms), 300, "the lexicon was read")
	frames := []string{
		"%s", "There are %s", "They %s", "The ministry %s.", "%s that", "It is %s",
		"\"No,\" %s", "%s: the report", "Officials %s,", "He was %s by", "the %s of",
	}
	for _, w := range forms {
		for _, fr := range frames {
			text := strings.ReplaceAll(fr, "%s", w)
			if msg := extractSafely(text); msg != "" {
				t.Errorf("Extract(%q): %s", text, msg)
			}
		}
	}
}

// extractSafely runs Extract on text and returns what went wrong: a panic,
// an error, or "" for neither.
func extractSafely(text string) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprintf("panic: %v", r)
		}
	}()
	if _, err := Extract(text, Options{}); err != nil {
		return err.Error()
	}
	return ""
}

// TestEveryCutOfTheGoldTexts extracts the gold articles cut off at word
// boundaries, as scraped copy often is, keeping the start or the end:
// mid-sentence, after a cue word, inside a quotation. Extract must return
// without panicking and without an error. Every boundary of the shortest
// texts is cut; longer texts are cut at evenly spaced boundaries, so that
// the test stays a few thousand extractions.
func TestEveryCutOfTheGoldTexts(t *testing.T) {
	const perText = 160
	names, err := filepath.Glob(filepath.Join("testdata", "gold", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		raw, err := os.ReadFile(name)
		require.NoError(t, err)
		text := string(raw)
		var cuts []int
		for i, r := range text {
			if i > 0 && unicode.IsSpace(r) {
				cuts = append(cuts, i)
			}
		}
		step := max(1, len(cuts)/perText)
		for k := 0; k < len(cuts); k += step {
			i := cuts[k]
			for _, part := range []string{text[:i], text[i:]} {
				if msg := extractSafely(part); msg != "" {
					t.Errorf("Extract of a gold text cut at byte %d (%q): %s", i, source.Excerpt(part), msg)
				}
			}
		}
	}
}
