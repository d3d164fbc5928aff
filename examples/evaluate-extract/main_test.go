package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/internal/cli"
)

func TestRun(t *testing.T) {
	for _, verbose := range []bool{false, true} {
		var out bytes.Buffer
		require.NoError(t, runGold(&out, filepath.Join("..", "..", "extract", "testdata", "gold"), verbose, extract.Options{}))
		assert.Contains(t, out.String(), "gold attributions")
		assert.Contains(t, out.String(), "act accuracy")
		assert.Contains(t, out.String(), "seed-ctn-dprk-russia")
		if verbose {
			assert.Contains(t, out.String(), "== seed-ctn-dprk-russia")
			assert.Contains(t, out.String(), "(rule ", "a false alarm or a difference names its rule")
		}
	}
}

func TestRunMissingDir(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, runGold(&out, t.TempDir(), false, extract.Options{}))
}

// realnewsSet writes a small set in the real-news layout to a temporary
// folder, made from two gold articles: its manifest, labels and second
// annotator's labels, and a folder with the texts. It returns the set,
// the texts and a folder of the same labels in the context form.
func realnewsSet(t *testing.T) (set, texts, context string) {
	t.Helper()
	dir := t.TempDir()
	set, texts, context = filepath.Join(dir, "set"), filepath.Join(dir, "texts"), filepath.Join(dir, "context")
	for _, d := range []string{filepath.Join(set, "labels"), filepath.Join(set, "second"), texts, context} {
		require.NoError(t, os.MkdirAll(d, 0o755))
	}
	var entries []gold.Entry
	for i, name := range []string{"denials-roundup", "wire-shell-shipments"} {
		a, err := gold.Load(filepath.Join("..", "..", "extract", "testdata", "gold", name+".json"))
		require.NoError(t, err)
		raw, err := gold.EncodeOffsets(a)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(set, "labels", name+".json"), raw, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(set, "second", name+".json"), raw, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(texts, name+".txt"), []byte(a.Text), 0o644))
		for _, ext := range []string{".json", ".txt"} {
			b, err := os.ReadFile(filepath.Join("..", "..", "extract", "testdata", "gold", name+ext))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(context, name+ext), b, 0o644))
		}
		sum := sha256.Sum256([]byte(a.Text))
		entries = append(entries, gold.Entry{ID: name, URL: "https://example.org/" + name, Story: name, Published: a.Published,
			SHA256: hex.EncodeToString(sum[:]), Bytes: len(a.Text), Split: []string{"dev", "test"}[i]})
	}
	m, err := json.Marshal(entries)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(set, "manifest.json"), m, 0o644))
	return set, texts, context
}

func TestRunRealNews(t *testing.T) {
	set, texts, _ := realnewsSet(t)
	tests := []struct {
		name      string
		split     string
		agreement bool
		stories   []string
		ids       []string
		want      []string
	}{
		{"dev", "dev", false, nil, nil, []string{"split dev: 1 texts found", "denials found", "denials-roundup"}},
		{"test", "test", false, nil, nil, []string{"split test: 1 texts found", "wire-shell-shipments"}},
		{"all", "all", false, nil, nil, []string{"split all: 2 texts found"}},
		{"story", "all", false, []string{"wire-shell-shipments"}, nil, []string{"split all: 1 texts found", "wire-shell-shipments"}},
		{"id", "all", false, nil, []string{"denials-roundup"}, []string{"split all: 1 texts found", "denials-roundup"}},
		{"story-other-split", "dev", false, []string{"wire-shell-shipments"}, nil, []string{"split dev: 0 texts found"}},
		// The same labels twice agree perfectly.
		{"agreement", "all", true, nil, nil, []string{"second annotator against the first: 2 articles", "whole       1.000   1.000   1.000      1.000   1.000   1.000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := runRealNews(&out, set, texts, realNewsOptions{split: tc.split, agreement: tc.agreement, stories: tc.stories, ids: tc.ids})
			if tc.name == "story-other-split" {
				assert.Error(t, err, "nothing to score is an error")
			} else {
				require.NoError(t, err)
			}
			for _, w := range tc.want {
				assert.Contains(t, out.String(), w)
			}
		})
	}
	t.Run("bad-split", func(t *testing.T) {
		assert.Error(t, runRealNews(io.Discard, set, texts, realNewsOptions{split: "train"}))
	})
	t.Run("unknown-story", func(t *testing.T) {
		assert.Error(t, runRealNews(io.Discard, set, texts, realNewsOptions{split: "all", stories: []string{"nope"}}))
		assert.Error(t, runRealNews(io.Discard, set, texts, realNewsOptions{split: "all", ids: []string{"nope"}}))
	})
	t.Run("no-texts", func(t *testing.T) {
		var out bytes.Buffer
		assert.Error(t, runRealNews(&out, set, t.TempDir(), realNewsOptions{split: "dev"}))
		assert.Contains(t, out.String(), "skipped:")
	})
	t.Run("changed-text", func(t *testing.T) {
		require.NoError(t, os.WriteFile(filepath.Join(texts, "wire-shell-shipments.txt"), []byte("changed"), 0o644))
		var out bytes.Buffer
		require.NoError(t, runRealNews(&out, set, texts, realNewsOptions{split: "all"}))
		assert.Contains(t, out.String(), "1 missing or changed")
	})
}

func TestImportLabels(t *testing.T) {
	set, texts, context := realnewsSet(t)
	want, err := os.ReadFile(filepath.Join(set, "labels", "denials-roundup.json"))
	require.NoError(t, err)
	require.NoError(t, os.Remove(filepath.Join(set, "labels", "denials-roundup.json")))
	var out bytes.Buffer
	require.NoError(t, importLabels(&out, set, texts, context))
	assert.Contains(t, out.String(), "2 articles' labels written")
	got, err := os.ReadFile(filepath.Join(set, "labels", "denials-roundup.json"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))

	// A text that is not the manifest's is refused.
	require.NoError(t, os.WriteFile(filepath.Join(texts, "denials-roundup.txt"), []byte("other"), 0o644))
	assert.ErrorIs(t, importLabels(io.Discard, set, texts, context), gold.ErrText)
}

// TestExitStatus checks the command-line convention: usage mistakes exit
// 2 with one message, failures 1, -h 0.
func TestExitStatus(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"help", []string{"-h"}, 0},
		{"bad-flag", []string{"-nope"}, 2},
		{"extra-argument", []string{"extra"}, 2},
		{"split-alone", []string{"-split", "test"}, 2},
		{"stories-alone", []string{"-stories", "a"}, 2},
		{"bad-split", []string{"-realnews", t.TempDir(), "-split", "train"}, 2},
		{"missing-dir", []string{"-dir", t.TempDir()}, 1},
		{"no-texts", []string{"-realnews", t.TempDir()}, 1},
		{"missing-model", []string{"-act-model", filepath.Join(t.TempDir(), "none.json")}, 1},
		{"bad-model", []string{"-act-model", badModel(t)}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs bytes.Buffer
			assert.Equal(t, tc.code, cli.Run("evaluate-extract", tc.args, io.Discard, &errs, run), "stderr: %s", errs.String())
			if tc.code != 0 {
				assert.Equal(t, 1, strings.Count(errs.String(), "evaluate-extract:"), "one message: %q", errs.String())
			}
		})
	}
}

// badModel writes a file that is no act model and returns its path.
func badModel(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "model.json")
	require.NoError(t, os.WriteFile(p, []byte(`{"format":"other"}`), 0o644))
	return p
}

// TestActModel checks -act-model: a model that gives every candidate a
// warning scores the gold set's acts by that, where the rules score them
// by theirs, on the same pairs; on the real-news layout too.
func TestActModel(t *testing.T) {
	m, err := extract.TrainActModel([]extract.ActExample{{Features: []string{"cue=said"}, Act: claim.ActWarn}}, extract.ActTraining{MinCount: 1})
	require.NoError(t, err)
	raw, err := json.Marshal(m)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "model.json")
	require.NoError(t, os.WriteFile(file, raw, 0o644))
	dir := filepath.Join("..", "..", "extract", "testdata", "gold")
	var rules, model bytes.Buffer
	require.NoError(t, run(&rules, io.Discard, []string{"-dir", dir}))
	require.NoError(t, run(&model, io.Discard, []string{"-dir", dir, "-act-model", file}))
	line := func(out, prefix string) string {
		for l := range strings.Lines(out) {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
		return ""
	}
	assert.Equal(t, line(rules.String(), "matched pairs"), line(model.String(), "matched pairs"))
	assert.NotEqual(t, line(rules.String(), "act accuracy"), line(model.String(), "act accuracy"))
	assert.Contains(t, line(model.String(), "denials found"), "0.000 (0 of")

	set, texts, _ := realnewsSet(t)
	var out bytes.Buffer
	require.NoError(t, runRealNews(&out, set, texts, realNewsOptions{split: "all", extract: extract.Options{ActModel: m}}))
	assert.Contains(t, line(out.String(), "denials found"), "0.000 (0 of")
}
