package main

import (
	"bytes"
	"errors"
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

	"github.com/claimtrail/claimtrail/claim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestRunGolden(t *testing.T) {
	corpus := filepath.Join("..", "..", "testdata", "corpus.json")
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{name: "current", args: []string{corpus}, golden: "current.golden"},
		{name: "at", args: []string{"-at", "2024-03-04", corpus}, golden: "at.golden"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(&out, io.Discard, tc.args))
			path := filepath.Join("testdata", tc.golden)
			if *update {
				require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			if diff := cmp.Diff(string(want), out.String()); diff != "" {
				t.Errorf("run(%q) mismatch (-want +got):\n%s", tc.args, diff)
			}
		})
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(broken, []byte(`{"claims":[{"id":"c","text":"x"}],"statements":[{"id":"s","claim":"missing","source":"absent","act":"deny","factuality":"CT+","said":"2024"}]}`), 0o644))
	tests := []struct {
		name string
		args []string
		is   error
	}{
		{name: "missing file", args: []string{filepath.Join(dir, "nope.json")}, is: os.ErrNotExist},
		{name: "broken corpus", args: []string{broken}, is: claim.ErrUnknownClaim},
		{name: "bad date", args: []string{"-at", "March", filepath.Join("..", "..", "testdata", "corpus.json")}},
		{name: "bad flag", args: []string{"-nope"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := run(&bytes.Buffer{}, io.Discard, tc.args)
			require.Error(t, err)
			if tc.is != nil {
				assert.True(t, errors.Is(err, tc.is), "run(%q) = %v, want an error wrapping %v", tc.args, err, tc.is)
			}
		})
	}
}

// TestExitStatus checks the command-line convention: usage mistakes exit
// 2 with one message, failures 1, -h 0.
func TestExitStatus(t *testing.T) {
	corpus := filepath.Join("..", "..", "testdata", "corpus.json")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"ok", []string{corpus}, 0},
		{"help", []string{"-h"}, 0},
		{"bad-flag", []string{"-nope"}, 2},
		{"bad-date", []string{"-at", "March", corpus}, 2},
		{"extra-file", []string{corpus, corpus}, 2},
		{"flag-after-path", []string{corpus, "-at", "2024-04-01"}, 2},
		{"missing-file", []string{filepath.Join(t.TempDir(), "nope.json")}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs bytes.Buffer
			assert.Equal(t, tc.code, cli.Run("load-corpus", tc.args, io.Discard, &errs, run), "stderr: %s", errs.String())
			if tc.code != 0 {
				assert.Equal(t, 1, strings.Count(errs.String(), "load-corpus:"), "one message: %q", errs.String())
			}
		})
	}
}
