package jsonl

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// statementsFile returns a JSON Lines corpus of n statements whose IDs
// repeat as ids picks them.
func statementsFile(n int, id func(i int) string) string {
	var b strings.Builder
	b.WriteString(`{"type":"source","id":"westmark","name":"Westmark"}` + "\n")
	b.WriteString(`{"type":"claim","id":"shells","text":"Norland ships shells"}` + "\n")
	for i := range n {
		fmt.Fprintf(&b, `{"type":"statement","id":%q,"claim":"shells","source":"westmark","act":"accuse","factuality":"CT+","said":"2024"}`+"\n", id(i))
	}
	return b.String()
}

// TestSpilledDuplicates checks that spilling statement keys to a
// temporary file finds the same duplicates, reported the same way, as
// keeping them all in memory, whatever the number of runs.
func TestSpilledDuplicates(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name string
		n    int
		id   func(i int) string
	}{
		{"none", 3000, func(i int) string { return fmt.Sprint("s", i) }},
		{"a-few", 3000, func(i int) string { return fmt.Sprint("s", i%2990) }},
		{"many", 3000, func(i int) string { return fmt.Sprint("s", i%7) }},
		{"random", 5000, func(int) string { return fmt.Sprint("s", r.IntN(4000)) }},
		{"all-one", 2500, func(int) string { return "s" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := statementsFile(tc.n, tc.id)
			want := Validate(strings.NewReader(doc), Options{})
			for _, batch := range []int{1, 7, 100, 1000} {
				old := spillKeys
				spillKeys = batch
				got := Validate(strings.NewReader(doc), Options{})
				spillKeys = old
				if want == nil {
					assert.NoError(t, got, "batch %d", batch)
					continue
				}
				require.Error(t, got, "batch %d", batch)
				assert.Equal(t, want.Error(), got.Error(), "batch %d", batch)
			}
		})
	}
}

// TestSpillBoundsMemory checks that Validate keeps at most spillKeys
// statement keys in memory and removes its temporary file.
func TestSpillBoundsMemory(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	old := spillKeys
	spillKeys = 100
	defer func() { spillKeys = old }()

	v := newValidator(false)
	for rec, err := range Read(strings.NewReader(statementsFile(2050, func(i int) string { return fmt.Sprint("s", i%2000) })), Options{}) {
		require.NoError(t, err)
		v.add(rec)
		assert.LessOrEqual(t, len(v.said.mem), spillKeys)
	}
	require.NoError(t, v.said.failed)
	assert.Len(t, v.said.runs, 20)
	v.finish()
	err := v.p.err()
	require.Error(t, err)
	assert.Equal(t, 50, strings.Count(err.Error(), "duplicate id"), "the fifty repeated IDs")
	left, err := filepath.Glob(filepath.Join(dir, "*"))
	require.NoError(t, err)
	assert.Empty(t, left, "the temporary file is removed")
}

// TestSpillWithoutTempDir checks that Validate still finds duplicates when
// no temporary file can be made: the keys stay in memory.
func TestSpillWithoutTempDir(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	old := spillKeys
	spillKeys = 10
	defer func() { spillKeys = old }()
	err := Validate(strings.NewReader(statementsFile(100, func(i int) string { return fmt.Sprint("s", i%90) })), Options{})
	require.Error(t, err)
	assert.Equal(t, 10, strings.Count(err.Error(), "duplicate id"))
	_, statErr := os.Stat(filepath.Join(os.TempDir()))
	assert.Error(t, statErr)
}
