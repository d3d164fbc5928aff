package gold_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/source"
)

const text = "Kirby said the talks were advancing. Moscow denied it."

func TestDecode(t *testing.T) {
	a, err := gold.Decode([]byte(`{"title":"t","published":"2024-05-17T00:00:00Z","origin":"o","licence":"l",
		"registry":[{"id":"john-kirby","name":"John Kirby","aliases":["Kirby"]}],
		"attributions":[{"context":"Kirby said the talks were advancing.","source":"Kirby","cue":"said",
		"content":["the talks were advancing"],"speaker":"john-kirby","act":"assert","factuality":"CT+","said":"2024-05-16"}]}`), text)
	require.NoError(t, err)
	require.Len(t, a.Attributions, 1)
	at := a.Attributions[0]
	assert.Equal(t, claim.Span{Start: 0, End: 5, Exact: "Kirby", Suffix: " said the talks were advancing. "}, at.Source)
	assert.Equal(t, 6, at.Cue.Start)
	assert.Equal(t, "the talks were advancing", at.Content[0].Exact)
	assert.Equal(t, claim.MustParseDate("2024-05-16"), at.Said)
	require.NotNil(t, a.Registry)
}

func TestDecodeErrors(t *testing.T) {
	head := `{"title":"t","published":"2024-05-17T00:00:00Z","origin":"o","licence":"l","attributions":[`
	tests := []struct {
		name      string
		json      string
		wantField string // the field of the *gold.Error, "" for the file as a whole
	}{
		{"bad-json", `{`, ""},
		{"unknown-field", `{"title":"t","published":"2024-05-17T00:00:00Z","origin":"o","licence":"l","extra":1}`, ""},
		{"no-origin", `{"title":"t","published":"2024-05-17T00:00:00Z","origin":"","licence":"l"}`, "origin"},
		{"context-missing", head + `{"context":"nowhere","source":"Kirby","cue":"said","content":[],"speaker":"x","act":"assert","factuality":"CT+"}]}`, "attributions[0].context"},
		{"context-twice", head + `{"context":"a","source":"","cue":"said","content":[],"speaker":"absent","act":"assert","factuality":"CT+"}]}`, "attributions[0].context"},
		{"cue-not-in-context", head + `{"context":"Moscow denied it.","source":"Moscow","cue":"said","content":[],"speaker":"x","act":"deny","factuality":"CT-"}]}`, "attributions[0].cue"},
		{"empty-cue", head + `{"context":"Moscow denied it.","source":"Moscow","cue":"","content":[],"speaker":"x","act":"deny","factuality":"CT-"}]}`, "attributions[0].cue"},
		{"bad-act", head + `{"context":"Moscow denied it.","source":"Moscow","cue":"denied","content":[],"speaker":"x","act":"shout","factuality":"CT-"}]}`, ""},
		{"absent-with-source", head + `{"context":"Moscow denied it.","source":"Moscow","cue":"denied","content":[],"speaker":"absent","act":"deny","factuality":"CT-"}]}`, "attributions[0].source"},
		{"content-nth-count", head + `{"context":"Moscow denied it.","source":"Moscow","cue":"denied","content":["it"],"content_nth":[0,1],"speaker":"x","act":"deny","factuality":"CT-"}]}`, "attributions[0].content_nth"},
		{"no-published", `{"title":"t","origin":"o","licence":"l"}`, "published"},
		{"no-factuality", head + `{"context":"Moscow denied it.","source":"Moscow","cue":"denied","content":["it"],"speaker":"x","act":"deny"}]}`, "attributions[0].factuality"},
		{"bad-registry", `{"title":"t","published":"2024-05-17T00:00:00Z","origin":"o","licence":"l","registry":[{"id":"","name":""}]}`, "registry"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := gold.Decode([]byte(tc.json), text)
			assert.ErrorIs(t, err, gold.ErrGold)
			var ge *gold.Error
			if assert.ErrorAs(t, err, &ge) {
				assert.Equal(t, tc.wantField, ge.Field)
				assert.Empty(t, ge.File, "decoded from bytes, the error names no file")
			}
			assert.True(t, strings.HasPrefix(err.Error(), "gold: "), "message %q has no package prefix", err)
		})
	}
}

func span(start, end int) claim.Span {
	return claim.Span{Start: start, End: end, Exact: text[start:end]}
}

func TestScore(t *testing.T) {
	g := gold.Attribution{Source: span(0, 5), Cue: span(6, 10), Content: []claim.Span{span(11, 35)}, Speaker: "john-kirby", Act: 1}
	a := gold.Article{Text: text, Attributions: []gold.Attribution{g}}
	t.Run("exact", func(t *testing.T) {
		c := gold.Score(a, []gold.Predicted{g}, nil)
		for p := gold.PartSource; p <= gold.PartWhole; p++ {
			assert.Equal(t, gold.PRF{Precision: 1, Recall: 1, F1: 1}, c.Exact(p), p.String())
			assert.Equal(t, gold.PRF{Precision: 1, Recall: 1, F1: 1}, c.Overlap(p), p.String())
		}
		assert.Equal(t, 1, c.Matched)
		assert.Equal(t, 1, c.ActAgree)
		assert.Equal(t, 1, c.SpeakerAgree)
	})
	t.Run("partial-content", func(t *testing.T) {
		p := g
		p.Content = []claim.Span{span(15, 35)} // "talks were advancing": 3 of 4 gold tokens
		c := gold.Score(a, []gold.Predicted{p}, nil)
		assert.Equal(t, 0, c.ExactTP[gold.PartContent])
		assert.Equal(t, 1, c.ExactTP[gold.PartCue])
		o := c.Overlap(gold.PartContent)
		assert.InDelta(t, 1.0, o.Precision, 1e-9)
		assert.InDelta(t, 0.75, o.Recall, 1e-9)
		assert.Equal(t, 1, c.Matched)
	})
	t.Run("false-alarm", func(t *testing.T) {
		p := gold.Attribution{Source: span(37, 43), Cue: span(44, 50), Content: []claim.Span{span(51, 53)}}
		c := gold.Score(a, []gold.Predicted{p}, nil)
		assert.Equal(t, 1, c.ExactFP[gold.PartCue])
		assert.Equal(t, 1, c.ExactFN[gold.PartCue])
		assert.Equal(t, 0, c.Matched)
		assert.Zero(t, c.Overlap(gold.PartWhole).F1)
	})
}

func TestSameNewSpeaker(t *testing.T) {
	tests := []struct {
		name string
		pred string
		gold source.ID
		want bool
	}{
		{"same", "Dmitry Peskov", "new:Dmitry Peskov", true},
		{"surname", "Peskov", "new:Dmitry Peskov", true},
		{"inside", "spokesman for the port authority", "new:A spokesman for the port authority", true},
		{"other", "Kirby", "new:Dmitry Peskov", false},
		{"part-of-a-word", "US", "new:Russia", false},
		{"pronoun", "He", "new:Stephen Dujarric", false},
		{"registry-id", "Dmitry Peskov", "dmitry-peskov", false},
		{"empty", "", "new:x", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, gold.SameNewSpeaker(tc.pred, tc.gold))
		})
	}
}

// TestFloors holds the extractor to the targets on the gold
// articles it was developed on, and to the overlap target on the held-out
// articles it was never tuned on (see testdata/heldout/README.md).
func TestFloors(t *testing.T) {
	for _, tc := range []struct {
		dir          string
		wholeF1, act float64
	}{
		{filepath.Join("..", "testdata", "gold"), 0.85, 0.90},
		{filepath.Join("..", "testdata", "heldout"), 0.85, 0.75},
	} {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			arts, err := gold.LoadDir(tc.dir)
			require.NoError(t, err)
			_, total, err := gold.Evaluate(arts)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, total.Overlap(gold.PartWhole).F1, tc.wholeF1, "whole-attribution overlap F1")
			assert.GreaterOrEqual(t, gold.Accuracy(total.ActAgree, total.Matched), tc.act, "act accuracy")
		})
	}
}

func TestPartString(t *testing.T) {
	assert.Equal(t, "whole", gold.PartWhole.String())
	assert.Equal(t, "Part(9)", gold.Part(9).String())
}

// FuzzDecode checks that Decode never panics and that what it accepts has
// spans inside the text.
func FuzzDecode(f *testing.F) {
	f.Add(`{"title":"t","published":"2024-05-17T00:00:00Z","origin":"o","licence":"l","attributions":[{"context":"Moscow denied it.","source":"Moscow","cue":"denied","content":["it"],"speaker":"x","act":"deny","factuality":"CT-"}]}`, text)
	f.Add(`{"title":"t","published":"2024-05-17T00:00:00Z","origin":"o","licence":"l","registry":[{"id":"a","name":"A"}],"attributions":[]}`, "")
	f.Fuzz(func(t *testing.T, raw, txt string) {
		a, err := gold.Decode([]byte(raw), txt)
		if err != nil {
			return
		}
		for _, at := range a.Attributions {
			for _, s := range append([]claim.Span{at.Cue}, at.Content...) {
				if err := s.Check(txt); err != nil {
					t.Fatalf("accepted span %v: %v", s, err)
				}
			}
		}
	})
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *gold.Error
		want string
	}{
		{"whole", &gold.Error{Err: gold.ErrGold}, "gold: invalid annotation"},
		{"file", &gold.Error{File: "a.json", Err: gold.ErrText}, "gold: a.json: article text missing or changed"},
		{"field", &gold.Error{File: "a.json", Field: "attributions[2].cue", Value: "said", Err: gold.ErrGold},
			`gold: a.json: attributions[2].cue "said": invalid annotation`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
		})
	}
}

func TestLoadNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"title":"t","published":"2024-05-17T00:00:00Z","origin":"o","licence":"l",
		"attributions":[{"context":"Moscow denied it.","source":"Moscow","cue":"","content":[],"speaker":"x","act":"deny","factuality":"CT-"}]}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644))
	_, err := gold.Load(path)
	var ge *gold.Error
	require.ErrorAs(t, err, &ge)
	assert.Equal(t, path, ge.File)
	assert.Equal(t, "attributions[0].cue", ge.Field)
	assert.ErrorIs(t, err, gold.ErrGold)

	_, err = gold.LoadDir(t.TempDir())
	assert.ErrorIs(t, err, gold.ErrGold, "an empty folder")
}
