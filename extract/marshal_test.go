package extract_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// TestCandidateOldFormat reads candidates stored before SpeakerText was
// renamed from Source: the old key "source" must give the same candidates
// as the new key, and writing them back must use only the new key.
func TestCandidateOldFormat(t *testing.T) {
	old, err := os.ReadFile(filepath.Join("testdata", "candidates-old.json"))
	require.NoError(t, err)
	require.Contains(t, string(old), `"source":`)
	var got []extract.Candidate
	require.NoError(t, json.Unmarshal(old, &got))
	var want []extract.Candidate
	require.NoError(t, json.Unmarshal(bytes.ReplaceAll(old, []byte(`"source":`), []byte(`"speaker_text":`)), &want))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unmarshal(old format) mismatch (-want +got):\n%s", diff)
	}
	require.Len(t, got, 3)
	assert.Equal(t, "The harbour authority", got[0].SpeakerText.Exact)
	assert.Equal(t, "the agency", got[1].SpeakerText.Exact)
	assert.Equal(t, claim.Span{}, got[2].SpeakerText, "an agentless candidate names nobody")

	b, err := json.Marshal(got)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"source":`)
	assert.Contains(t, string(b), `"speaker_text":`)
}

// TestCandidateUnmarshalJSON checks each way of giving the span that names
// the speaker, and that a failed unmarshal leaves the candidate alone.
func TestCandidateUnmarshalJSON(t *testing.T) {
	span := claim.Span{Start: 0, End: 6, Exact: "Velkor"}
	tests := []struct {
		name    string
		in      string
		want    extract.Candidate
		wantErr error // an *extract.Error for "source" wrapping it
		// wantJSON is true when json reports a malformed candidate.
		wantJSON bool
	}{
		{
			name: "new key",
			in:   `{"speaker_text":{"start":0,"end":6,"exact":"Velkor"},"rule":"verb-before","act":"deny"}`,
			want: extract.Candidate{SpeakerText: span, Rule: "verb-before", Act: claim.ActDeny},
		},
		{
			name: "old key",
			in:   `{"source":{"start":0,"end":6,"exact":"Velkor"},"rule":"verb-before","act":"deny"}`,
			want: extract.Candidate{SpeakerText: span, Rule: "verb-before", Act: claim.ActDeny},
		},
		{
			name: "both keys agree",
			in:   `{"source":{"start":0,"end":6,"exact":"Velkor"},"speaker_text":{"start":0,"end":6,"exact":"Velkor"}}`,
			want: extract.Candidate{SpeakerText: span},
		},
		{
			name: "neither key",
			in:   `{"rule":"it-is-believed","speaker":"absent"}`,
			want: extract.Candidate{Rule: "it-is-believed", Speaker: source.AbsentID},
		},
		{
			name:    "both keys differ",
			in:      `{"source":{"start":0,"end":4,"exact":"Velk"},"speaker_text":{"start":0,"end":6,"exact":"Velkor"}}`,
			wantErr: source.ErrInvalid,
		},
		{
			name:     "old key not a span",
			in:       `{"source":"Velkor"}`,
			wantJSON: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			keep := extract.Candidate{Rule: "kept"}
			got := keep
			err := json.Unmarshal([]byte(tc.in), &got)
			switch {
			case tc.wantJSON:
				var te *json.UnmarshalTypeError
				assert.ErrorAs(t, err, &te)
				assert.Equal(t, keep, got, "a failed unmarshal changed the candidate")
			case tc.wantErr == nil:
				require.NoError(t, err)
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Errorf("Unmarshal(%s) mismatch (-want +got):\n%s", tc.in, diff)
				}
			default:
				assert.ErrorIs(t, err, tc.wantErr)
				var xe *extract.Error
				if assert.ErrorAs(t, err, &xe) {
					assert.Equal(t, "source", xe.Field)
					assert.Equal(t, "Velk", xe.Value)
				}
				assert.Equal(t, keep, got, "a failed unmarshal changed the candidate")
			}
		})
	}
}

// FuzzCandidateJSON checks that reading a candidate never panics, and that
// one it reads is written under the new key and reads back the same.
func FuzzCandidateJSON(f *testing.F) {
	if old, err := os.ReadFile(filepath.Join("testdata", "candidates-old.json")); err == nil {
		var cs []json.RawMessage
		if json.Unmarshal(old, &cs) == nil {
			for _, c := range cs {
				f.Add(string(c))
			}
		}
	}
	for _, s := range []string{
		`{}`, `null`, `{"source":null}`, `{"source":{},"speaker_text":{}}`,
		`{"source":{"exact":"a"},"speaker_text":{"exact":"b"}}`, `{"source":1}`, `[`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var c extract.Candidate
		if json.Unmarshal([]byte(in), &c) != nil {
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			return // an enum out of range, which Marshal rejects
		}
		if bytes.Contains(b, []byte(`"source":`)) {
			t.Fatalf("Marshal wrote the old key: %s", b)
		}
		var back extract.Candidate
		require.NoError(t, json.Unmarshal(b, &back), "reading back %s", b)
		if diff := cmp.Diff(c, back, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("round trip mismatch (-want +got):\n%s", diff)
		}
	})
}
