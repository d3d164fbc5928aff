package main

import (
	"bytes"
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
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{name: "timeline", args: nil, golden: "timeline.golden"},
		{name: "json", args: []string{"-json"}, golden: "corpus.golden.json"},
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
				t.Errorf("run(%q) mismatch (-want +got):\n%s\n(rerun with -update if the change is intended)", tc.args, diff)
			}
		})
	}
}

func TestJSONOutputDecodes(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, io.Discard, []string{"-json"}))
	c, err := claim.Decode(&out)
	require.NoError(t, err)
	assert.NotEmpty(t, c.Statements)
}

func TestRunBadFlag(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run(&out, io.Discard, []string{"-nope"}))
}

// TestExitStatus checks the command-line convention: usage mistakes exit
// 2 with one message, -h 0, and no argument is ignored.
func TestExitStatus(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"ok", nil, 0},
		{"help", []string{"-h"}, 0},
		{"bad-flag", []string{"-nope"}, 2},
		{"extra-argument", []string{"extra"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs bytes.Buffer
			assert.Equal(t, tc.code, cli.Run("seed-story", tc.args, io.Discard, &errs, run), "stderr: %s", errs.String())
			if tc.code != 0 {
				assert.Equal(t, 1, strings.Count(errs.String(), "seed-story:"), "one message: %q", errs.String())
			}
		})
	}
}
