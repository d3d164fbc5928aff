package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/internal/cli"
)

// TestPairsAsScore checks that the command pairs candidates with labels as
// gold.Score does: on the gold articles, as many pairs, and the rules' act
// right on as many, as evaluate-extract counts.
func TestPairsAsScore(t *testing.T) {
	t.Chdir("../../..")
	arts, err := gold.LoadDir(goldDir)
	require.NoError(t, err)
	scores, _, err := gold.Evaluate(arts)
	require.NoError(t, err)
	for i, a := range arts {
		t.Run(a.Name, func(t *testing.T) {
			exs, err := pairs(a, goldStory)
			require.NoError(t, err)
			c := scores[i].Counts
			assert.Len(t, exs, c.Matched)
			agree, denials := 0, 0
			for _, e := range exs {
				agree += b2i(e.rule == e.gold)
				if (e.gold == claim.ActDeny || e.gold == claim.ActReject) && (e.rule == claim.ActDeny || e.rule == claim.ActReject) && e.speakerRight {
					denials++
				}
				assert.NotEmpty(t, e.features)
			}
			assert.Equal(t, c.ActAgree, agree)
			assert.Equal(t, c.DenialsFound, denials)
		})
	}
}

// TestLoso checks the cross-validation on examples whose act the features
// tell and the rules get wrong half the time: the model, trained on the
// other stories, beats the rules on each.
func TestLoso(t *testing.T) {
	var exs []example
	for _, story := range []string{"b-story", "a-story", "c-story", goldStory} {
		for i := range 10 {
			rule := claim.ActAssert
			if i%2 == 0 {
				rule = claim.ActDeny
			}
			exs = append(exs,
				example{story: story, features: []string{"cue=denied"}, rule: rule, gold: claim.ActDeny, speakerRight: true},
				example{story: story, features: []string{"cue=said"}, rule: claim.ActAssert, gold: claim.ActAssert},
			)
		}
	}
	r, err := loso(exs, extract.ActTraining{})
	require.NoError(t, err)
	require.Len(t, r.stories, 3)
	assert.Equal(t, []string{"a-story", "b-story", "c-story"}, []string{r.stories[0].name, r.stories[1].name, r.stories[2].name})
	assert.Equal(t, 20, r.goldPairs)
	assert.Equal(t, storyScore{name: "all", pairs: 60, rules: 45, model: 60, denials: 30, rulesDenials: 15, modelDenials: 30}, r.total)
	assert.Equal(t, 15, r.rules[claim.ActDeny][claim.ActAssert])
	assert.Equal(t, 30, r.model[claim.ActDeny][claim.ActDeny])
	r.unit = "story"
	out := r.String()
	assert.Contains(t, out, "act accuracy, leave one story out: rules 0.750, model 1.000 (60 pairs)")
	assert.Contains(t, out, "denials found (deny or reject, right speaker): rules 15, model 30, of 30")
	assert.Contains(t, out, "confusion, model")
	again, err := loso(exs, extract.ActTraining{})
	require.NoError(t, err)
	again.unit = "story"
	assert.Equal(t, out, again.String(), "cross-validation is deterministic")
}

func TestRunErrors(t *testing.T) {
	t.Chdir("../../..")
	tests := []struct {
		name  string
		args  []string
		usage bool
	}{
		{"no-texts", nil, true},
		{"argument", []string{"-realnews", "x", "extra"}, true},
		{"empty-folder", []string{"-realnews", t.TempDir()}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			err := run(&out, &errs, tc.args)
			require.Error(t, err)
			var ue *cli.UsageError
			assert.Equal(t, tc.usage, errors.As(err, &ue), "usage error: %v", err)
		})
	}
}

// TestRunWritesModel runs the whole command on a set of its own, made of
// gold articles in the real-news form (a manifest, offset labels and the
// texts in a folder), so that it runs without the real-news texts: it
// prints the figures and writes a model that reads back and is the same on
// a second run.
func TestRunWritesModel(t *testing.T) {
	t.Chdir("../../..")
	arts, err := gold.LoadDir(goldDir)
	require.NoError(t, err)
	set, texts := t.TempDir(), t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(set, "labels"), 0o755))
	var manifest []gold.Entry
	for i, a := range arts[:6] {
		raw, err := gold.EncodeOffsets(a)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(set, "labels", a.Name+".json"), raw, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(texts, a.Name+".txt"), []byte(a.Text), 0o644))
		sum := sha256.Sum256([]byte(a.Text))
		manifest = append(manifest, gold.Entry{ID: a.Name, URL: "https://example.org/" + a.Name, Story: fmt.Sprintf("story-%d", i%3),
			Kind: "politics", Outlet: "Example", OutletType: "national", Published: a.Published,
			SHA256: hex.EncodeToString(sum[:]), Bytes: len(a.Text), Split: "dev"})
	}
	raw, err := json.Marshal(manifest)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(set, "manifest.json"), raw, 0o644))

	model := func() (string, []byte) {
		outFile := filepath.Join(t.TempDir(), "model.json")
		var out, errs bytes.Buffer
		require.NoError(t, run(&out, &errs, []string{"-set", set, "-realnews", texts, "-gold=false", "-o", outFile}), errs.String())
		b, err := os.ReadFile(outFile)
		require.NoError(t, err)
		return out.String(), b
	}
	report, first := model()
	assert.Contains(t, report, "act model, leave one story out: 3 dev folds")
	assert.Contains(t, report, "story-0")
	assert.Contains(t, report, "wrote ")
	var m extract.ActModel
	require.NoError(t, json.Unmarshal(first, &m))
	assert.Contains(t, m.Note(), "0 of the gold set")
	_, second := model()
	assert.Equal(t, string(first), string(second), "training is deterministic")
}
