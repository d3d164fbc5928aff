package jsonl_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/jsonl"
)

// decision stands for a record another package defines.
type decision struct {
	Key    string `json:"key"`
	Accept bool   `json:"accept,omitempty"`
}

func TestOtherRecords(t *testing.T) {
	var buf bytes.Buffer
	enc := jsonl.NewEncoder(&buf)
	require.NoError(t, enc.Encode(jsonl.ClaimRecord(claim.Claim{ID: "c", Text: "t"})))
	require.NoError(t, enc.EncodeOther("decision", decision{Key: "a1@12", Accept: true}))
	require.NoError(t, enc.EncodeOther("note", struct{}{}))
	require.NoError(t, enc.EncodeOther("decision", map[string]any{"key": "a2@40"}))
	assert.Equal(t, `{"type":"claim","id":"c","text":"t"}
{"type":"decision","key":"a1@12","accept":true}
{"type":"note"}
{"type":"decision","key":"a2@40"}
`, buf.String())

	// Without Options.Other, the lines are errors.
	var errs int
	for _, err := range jsonl.Read(bytes.NewReader(buf.Bytes()), jsonl.Options{}) {
		if err != nil {
			errs++
			assert.ErrorIs(t, err, jsonl.ErrUnknownType)
		}
	}
	assert.Equal(t, 3, errs)

	// With it, they go to the caller, and the corpus records are read.
	var got []decision
	var lines []int
	opts := jsonl.Options{Other: func(line int, typ string, data []byte) error {
		if typ != "decision" {
			return nil
		}
		var d struct {
			Type string `json:"type"`
			decision
		}
		lines = append(lines, line)
		if err := json.Unmarshal(data, &d); err != nil {
			return err
		}
		got = append(got, d.decision)
		return nil
	}}
	var records int
	for _, err := range jsonl.Read(bytes.NewReader(buf.Bytes()), opts) {
		require.NoError(t, err)
		records++
	}
	assert.Equal(t, 1, records)
	assert.Equal(t, []int{2, 4}, lines)
	if diff := cmp.Diff([]decision{{"a1@12", true}, {"a2@40", false}}, got); diff != "" {
		t.Errorf("decisions mismatch (-want +got):\n%s", diff)
	}
	assert.NoError(t, jsonl.Validate(bytes.NewReader(buf.Bytes()), opts))
	c, err := jsonl.Decode(bytes.NewReader(buf.Bytes()), opts)
	require.NoError(t, err)
	assert.Len(t, c.Claims, 1)

	// An error from Other is reported at its line.
	refuse := errors.New("no decisions here")
	err = jsonl.Validate(bytes.NewReader(buf.Bytes()), jsonl.Options{Other: func(int, string, []byte) error { return refuse }})
	assert.ErrorIs(t, err, refuse)
	var je *jsonl.Error
	require.ErrorAs(t, err, &je)
	assert.Equal(t, 2, je.Line)
}

func TestEncodeOtherErrors(t *testing.T) {
	tests := []struct {
		name string
		typ  string
		v    any
	}{
		{"a type of this package", "claim", decision{}},
		{"in another case", "Statement", decision{}},
		{"with space", " claim", decision{}},
		{"the unknown type", "unknown", decision{}},
		{"empty type", "", decision{}},
		{"invalid UTF-8", "d\xff", decision{}},
		{"not an object", "decision", []string{"a"}},
		{"not marshalable", "decision", map[string]any{"f": func() {}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			assert.Error(t, jsonl.NewEncoder(&buf).EncodeOther(tc.typ, tc.v))
			assert.Zero(t, buf.Len())
		})
	}
}
