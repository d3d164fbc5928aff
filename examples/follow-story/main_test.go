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
	"github.com/claimtrail/claimtrail/story"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestRunGolden(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, io.Discard, nil))
	path := filepath.Join("testdata", "output.golden")
	if *update {
		require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), out.String()); diff != "" {
		t.Errorf("run() mismatch (-want +got):\n%s", diff)
	}
}

func TestRunDecisionsFlag(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string
		want    error
		orphans bool
	}{
		{name: "empty", content: ""},
		{name: "orphan", content: `{"kind":"accept","key":"herald-03-02#1:00000000"}` + "\n", orphans: true},
		{name: "bad", content: `{"kind":"approve"}`, want: story.ErrUnknownName},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".jsonl")
			require.NoError(t, os.WriteFile(path, []byte(tc.content), 0o644))
			var out bytes.Buffer
			err := run(&out, io.Discard, []string{"-decisions", path})
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
				return
			}
			require.NoError(t, err)
			assert.Contains(t, out.String(), "candidates left for review")
			if tc.orphans {
				assert.Contains(t, out.String(), "0 applied, 1 orphans")
			}
		})
	}
	err := run(io.Discard, io.Discard, []string{"-decisions", filepath.Join(dir, "missing.jsonl")})
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestRunStore(t *testing.T) {
	dir := t.TempDir()
	var first, memory bytes.Buffer
	require.NoError(t, run(&first, io.Discard, []string{"-store", dir}))
	require.NoError(t, run(&memory, io.Discard, nil))
	assert.Equal(t, memory.String(), first.String(), "a story kept in SQLite follows as one in memory")
	var again bytes.Buffer
	require.NoError(t, run(&again, io.Discard, []string{"-store", dir}))
	assert.Contains(t, again.String(), "8 articles, 49 decisions applied again, 0 orphans, 0 failed")
	grid := first.String()[strings.Index(first.String(), "claim "):]
	assert.True(t, strings.HasSuffix(again.String(), grid), "the reopened story has the same grid:\n%s", again.String())
}

func TestRunUnattended(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, io.Discard, []string{"-unattended", "0.85"}))
	assert.Contains(t, out.String(), "machine accepted herald-03-02#247:8aceb38c", "Ilves's quotation: confident, speaker in the registry")
	err := run(io.Discard, io.Discard, []string{"-unattended", "2"})
	var usage *cli.UsageError
	assert.ErrorAs(t, err, &usage)
}
