package timeline_test

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/timeline"
)

func TestTimelineJSON(t *testing.T) {
	tests := []struct {
		name string
		path string
	}{
		{name: "sample", path: sampleCorpus},
		{name: "latest", path: filepath.Join("testdata", "latest.json")},
		{name: "refine", path: filepath.Join("testdata", "refine.json")},
		{name: "queries", path: filepath.Join("testdata", "queries.json")},
	}
	dates := cmp.Comparer(func(a, b claim.Date) bool { return a == b })
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := claim.Load(tc.path)
			require.NoError(t, err)
			tl := build(t, c)
			data, err := json.Marshal(tl)
			require.NoError(t, err)

			var back timeline.Timeline
			require.NoError(t, json.Unmarshal(data, &back))
			again, err := json.Marshal(&back)
			require.NoError(t, err)
			assert.JSONEq(t, string(data), string(again), "Marshal(Unmarshal(Marshal(tl))) differs")

			want := *c
			want.Format = claim.Format
			if diff := cmp.Diff(&want, back.Corpus(), dates, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Corpus() after a JSON round trip mismatch (-want +got):\n%s", diff)
			}

			// The derived members are there for readers in other languages.
			var doc struct {
				Claims []struct {
					Claim  claim.Claim     `json:"claim"`
					Status timeline.Status `json:"status"`
				} `json:"claims"`
			}
			require.NoError(t, json.Unmarshal(data, &doc))
			require.Len(t, doc.Claims, len(c.Claims))
			for _, cj := range doc.Claims {
				status, err := tl.Current(cj.Claim.ID)
				require.NoError(t, err)
				assert.Equal(t, status, cj.Status, "status of %s", cj.Claim.ID)
			}
		})
	}
}

func TestTimelineJSONZero(t *testing.T) {
	var zero timeline.Timeline
	data, err := json.Marshal(&zero)
	require.NoError(t, err)
	var back timeline.Timeline
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Empty(t, back.Claims())
}

func TestTimelineUnmarshalJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		is   error
	}{
		{name: "no corpus", in: `{"claims":[]}`, is: timeline.ErrInvalid},
		{name: "invalid corpus", in: `{"corpus":{"statements":[{"id":"s","claim":"x","source":"absent","act":"deny","factuality":"CT-","said":"2024"}]}}`, is: claim.ErrUnknownClaim},
		{name: "bad corpus shape", in: `{"corpus":{"claim":[]}}`, is: claim.ErrUnknownField},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tl timeline.Timeline
			assert.ErrorIs(t, json.Unmarshal([]byte(tc.in), &tl), tc.is)
		})
	}
	var tl timeline.Timeline
	assert.Error(t, json.Unmarshal([]byte(`[]`), &tl))
}

func TestTimelineJSONByValue(t *testing.T) {
	tl := load(t, sampleCorpus)
	byPointer, err := json.Marshal(tl)
	require.NoError(t, err)
	byValue, err := json.Marshal(struct{ T timeline.Timeline }{*tl})
	require.NoError(t, err)
	var wrapped struct{ T json.RawMessage }
	require.NoError(t, json.Unmarshal(byValue, &wrapped))
	assert.JSONEq(t, string(byPointer), string(wrapped.T))
}

func TestBuildNil(t *testing.T) {
	_, err := timeline.Build(nil, nil)
	assert.ErrorIs(t, err, timeline.ErrInvalid)
}

func TestByStatusZeroTimeIsCurrent(t *testing.T) {
	tl := load(t, sampleCorpus)
	for _, s := range []timeline.Status{timeline.StatusConfirmed, timeline.StatusRetracted} {
		var want []claim.ID
		for _, c := range tl.Claims() {
			if got, _ := tl.Current(c.ID); got == s {
				want = append(want, c.ID)
			}
		}
		assert.Equal(t, want, tl.ByStatus(s, time.Time{}), "ByStatus(%s, zero)", s)
		assert.NotEmpty(t, want, "the sample corpus has a %s claim", s)
	}
}

// TestCopiesShareTheLazyIndex checks that a Timeline copied by value, as
// MarshalJSON's value receiver does, works like the original, and that
// marshalling while querying is race-free (run with -race).
func TestCopiesShareTheLazyIndex(t *testing.T) {
	tl := load(t, sampleCorpus)
	cp := *tl
	_, ok := cp.Statement("westmark-accuses")
	require.True(t, ok)
	_, ok = tl.Statement("westmark-accuses")
	assert.True(t, ok, "the original lost its index to the copy")
	assert.NotEmpty(t, tl.AllChanges())

	fresh := load(t, sampleCorpus)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = json.Marshal(fresh)
	}()
	_, ok = fresh.Statement("westmark-accuses")
	assert.True(t, ok)
	<-done
}
