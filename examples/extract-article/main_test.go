package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
			require.NoError(t, run(&out, nil, "", tc.json))
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
	require.NoError(t, run(&out, nil, "", true))
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
	require.NoError(t, run(&out, []string{path}, "2024-05-17", false))
	assert.Contains(t, out.String(), `cue      [7:13] "denied"`)
	assert.Contains(t, out.String(), "said     2024-05-14")
}

func TestRunErrors(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run(&out, []string{"a", "b"}, "", false), "two files")
	assert.Error(t, run(&out, []string{filepath.Join(t.TempDir(), "missing.txt")}, "", false), "missing file")
	assert.Error(t, run(&out, nil, "31/08/2023", false), "bad date")
	bad := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("x\xffy"), 0o644))
	assert.Error(t, run(&out, []string{bad}, "", false), "invalid UTF-8")
}
