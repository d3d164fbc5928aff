package extract_test

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// saidLines returns n sentences that each give one attribution.
func saidLines(n int) string {
	var sb strings.Builder
	for i := range n {
		sb.WriteString("Velkor said the ferry left at " + strconv.Itoa(i) + ". ")
	}
	return sb.String()
}

// TestLimits checks Options.MaxTextBytes and Options.MaxCandidates: the
// zero value is the default, a negative value lifts the limit, a text at
// the limit is read, and one past it gives an *Error for the field wrapping
// ErrTooLarge.
func TestLimits(t *testing.T) {
	three := saidLines(3)
	tests := []struct {
		name      string
		text      string
		opts      extract.Options
		wantCands int
		wantField string // empty when no error
	}{
		{name: "text at limit", text: three, opts: extract.Options{MaxTextBytes: len(three)}, wantCands: 3},
		{name: "text past limit", text: three, opts: extract.Options{MaxTextBytes: len(three) - 1}, wantField: "text"},
		{name: "text unlimited", text: three, opts: extract.Options{MaxTextBytes: -1}, wantCands: 3},
		{name: "text past default", text: strings.Repeat("x", extract.DefaultMaxTextBytes+1), wantField: "text"},
		{
			name: "size before UTF-8", text: strings.Repeat("x", 10) + "\xff",
			opts: extract.Options{MaxTextBytes: 10}, wantField: "text",
		},
		{name: "candidates at limit", text: three, opts: extract.Options{MaxCandidates: 3}, wantCands: 3},
		{name: "candidates past limit", text: three, opts: extract.Options{MaxCandidates: 2}, wantField: "candidates"},
		{name: "candidates unlimited", text: three, opts: extract.Options{MaxCandidates: -1}, wantCands: 3},
		{name: "candidates past default", text: saidLines(extract.DefaultMaxCandidates + 1), wantField: "candidates"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, tc.opts)
			if tc.wantField == "" {
				require.NoError(t, err)
				assert.Len(t, res.Candidates, tc.wantCands)
				return
			}
			assert.Nil(t, res)
			assert.ErrorIs(t, err, extract.ErrTooLarge)
			assert.NotErrorIs(t, err, source.ErrInvalidUTF8)
			var xe *extract.Error
			if assert.ErrorAs(t, err, &xe) {
				assert.Equal(t, tc.wantField, xe.Field)
			}
		})
	}
}

// TestLimitsValue checks that the errors name the size that was too large.
func TestLimitsValue(t *testing.T) {
	_, err := extract.Extract(saidLines(3), extract.Options{MaxTextBytes: 5})
	var xe *extract.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, strconv.Itoa(len(saidLines(3)))+" bytes", xe.Value)

	text := saidLines(3)
	_, err = extract.Extract(text, extract.Options{MaxCandidates: 2})
	require.ErrorAs(t, err, &xe)
	// The block ends at the last full stop, before the trailing space.
	assert.Equal(t, "3 by byte "+strconv.Itoa(len(text)-1)+" of "+strconv.Itoa(len(text)), xe.Value)
}

// TestMaxCandidatesStopsEarly checks that Extract stops reading soon after
// the attributions pass the limit: on a text of 200,000 attributions with
// a limit of 100 it allocates a small part of what reading it all takes.
func TestMaxCandidatesStopsEarly(t *testing.T) {
	text := saidLines(200_000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := extract.Extract(text, extract.Options{MaxCandidates: 100, MaxTextBytes: -1})
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, extract.ErrTooLarge)
	// Reading it all allocates about 10 bytes per byte of text; the limit
	// is passed in the first block of 16 KB.
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(len(text)/4), "bytes allocated for %d bytes of text", len(text))
}
