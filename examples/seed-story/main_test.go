package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
			require.NoError(t, run(&out, tc.args))
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
	require.NoError(t, run(&out, []string{"-json"}))
	c, err := claim.Decode(&out)
	require.NoError(t, err)
	assert.NotEmpty(t, c.Statements)
}

func TestRunBadFlag(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run(&out, []string{"-nope"}))
}
