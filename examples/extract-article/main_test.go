package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestRunGolden(t *testing.T) {
	tests := []struct {
		name   string
		json   bool
		golden string
	}{
		{name: "text", golden: "output.golden"},
		{name: "json", json: true, golden: "output.golden.json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, extractArticle(&out, nil, "", tc.json))
			path := filepath.Join("testdata", tc.golden)
			if *update {
				require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			if diff := cmp.Diff(string(want), out.String()); diff != "" {
				t.Errorf("run(json=%v) mismatch (-want +got):\n%s\n(rerun with -update if the change is intended)", tc.json, diff)
			}
		})
	}
}

func TestRunJSONDecodes(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, extractArticle(&out, nil, "", true))
	var res struct {
		Candidates []json.RawMessage `json:"candidates"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &res))
	assert.NotEmpty(t, res.Candidates)
}

func TestRunFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	require.NoError(t, os.WriteFile(path, []byte("Moscow denied on Tuesday that it had bought shells."), 0o644))
	var out bytes.Buffer
	require.NoError(t, extractArticle(&out, []string{path}, "2024-05-17", false))
	assert.Contains(t, out.String(), `cue      [7:13] "denied"`)
	assert.Contains(t, out.String(), "said     2024-05-14")
}

func TestRunErrors(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, extractArticle(&out, []string{filepath.Join(t.TempDir(), "missing.txt")}, "", false), "missing file")
	assert.Error(t, extractArticle(&out, nil, "31/08/2023", false), "bad date")
	bad := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("x\xffy"), 0o644))
	assert.Error(t, extractArticle(&out, []string{bad}, "", false), "invalid UTF-8")
}

// TestExitStatus checks the command-line convention: usage mistakes exit
// 2 with one message, failures 1, -h 0.
func TestExitStatus(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"seed", nil, 0},
		{"help", []string{"-h"}, 0},
		{"bad-flag", []string{"-nope"}, 2},
		{"two-files", []string{"a", "b"}, 2},
		{"flag-after-file", []string{"a.txt", "-json"}, 2},
		{"bad-date", []string{"-published", "31/08/2023"}, 2},
		{"missing-file", []string{filepath.Join(t.TempDir(), "missing.txt")}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs bytes.Buffer
			assert.Equal(t, tc.code, cli.Run("extract-article", tc.args, io.Discard, &errs, run), "stderr: %s", errs.String())
			if tc.code != 0 {
				assert.Equal(t, 1, strings.Count(errs.String(), "extract-article:"), "one message: %q", errs.String())
			}
		})
	}
}
