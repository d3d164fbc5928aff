package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	for _, verbose := range []bool{false, true} {
		var out bytes.Buffer
		require.NoError(t, run(&out, filepath.Join("..", "..", "extract", "testdata", "gold"), verbose))
		assert.Contains(t, out.String(), "gold attributions")
		assert.Contains(t, out.String(), "act accuracy")
		assert.Contains(t, out.String(), "seed-ctn-dprk-russia")
		if verbose {
			assert.Contains(t, out.String(), "== seed-ctn-dprk-russia")
		}
	}
}

func TestRunMissingDir(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run(&out, t.TempDir(), false))
}
