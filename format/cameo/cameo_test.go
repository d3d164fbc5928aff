package cameo_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/cameo"
	"github.com/claimtrail/claimtrail/format/table"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func seed(t testing.TB) *timeline.Timeline {
	t.Helper()
	c, err := claim.Load("../../testdata/corpus.json")
	require.NoError(t, err)
	tl, err := timeline.Build(c, nil)
	require.NoError(t, err)
	return tl
}

// countries gives the fictional countries of the sample corpus codes of
// their own.
var countries = map[source.ID]string{"westmark": "WMK", "norland": "NLD", "southvale": "SVL"}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

func TestEventsTable(t *testing.T) {
	events := cameo.Events(seed(t), cameo.Options{Countries: countries})
	require.Len(t, events, 9)

	var csvBuf bytes.Buffer
	require.NoError(t, table.WriteCSV(&csvBuf, events))
	golden(t, "events.csv", csvBuf.Bytes())
	back, err := table.ReadCSV[cameo.Event](bytes.NewReader(csvBuf.Bytes()))
	require.NoError(t, err)
	if diff := cmp.Diff(events, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("CSV round trip mismatch (-want +got):\n%s", diff)
	}

	var pq bytes.Buffer
	require.NoError(t, table.WriteParquet(&pq, events))
	golden(t, "events.parquet", pq.Bytes())
	fromParquet, err := table.ReadParquet[cameo.Event](bytes.NewReader(pq.Bytes()), int64(pq.Len()))
	require.NoError(t, err)
	if diff := cmp.Diff(events, fromParquet, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Parquet round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestEvents(t *testing.T) {
	events := cameo.Events(seed(t), cameo.Options{Countries: countries})
	byID := map[string]cameo.Event{}
	for _, e := range events {
		byID[e.EventID] = e
	}
	minus2 := -2.0
	tests := []struct {
		id   string
		want cameo.Event
	}{
		{"westmark-accuses", cameo.Event{
			SQLDate: 20240304, DatePrecision: "day",
			Actor1Code: "westmark", Actor1Name: "Westmark", Actor1Country: "WMK", Actor1Speaker: "westmark-defence", Actor1Kind: "agency",
			Actor2Code: "norland", Actor2Name: "Norland", Actor2Country: "NLD",
			EventCode: "112", EventRootCode: "11", QuadClass: 3, Goldstein: &minus2,
			Act: "accuse", Factuality: "CT+", ClaimID: "shells", NumMentions: 1, NumArticles: 1, NumSources: 1,
		}},
		{"norland-denies", cameo.Event{
			SQLDate: 20240304, DatePrecision: "day",
			Actor1Code: "norland", Actor1Name: "Norland", Actor1Country: "NLD", Actor1Speaker: "norland-foreign", Actor1Kind: "agency",
			Actor2Code: "norland", Actor2Name: "Norland", Actor2Country: "NLD",
			EventCode: "016", EventRootCode: "01", QuadClass: 1, Goldstein: &minus2,
			Act: "deny", Factuality: "CT-", ClaimID: "shells", NumMentions: 1, NumArticles: 1, NumSources: 1,
		}},
	}
	ignore := cmpopts.IgnoreFields(cameo.Event{}, "EventID", "Date", "FirstReported", "SourceURL", "DateFromReport")
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, byID[tc.id], ignore); diff != "" {
				t.Errorf("Events mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// A statement reported by a wire story and its reprint: two articles,
	// two outlets, dated by its said day.
	again := byID["norland-denies-again"]
	assert.Equal(t, int64(2), again.NumArticles)
	assert.Equal(t, int64(2), again.NumSources)
	// An act with no CAMEO code has no class and no weight.
	for _, e := range events {
		if e.EventCode == "" {
			assert.Zero(t, e.QuadClass, e.EventID)
			assert.Nil(t, e.Goldstein, e.EventID)
		}
	}
	// "It is believed" has no speaker to name: it is anonymous.
	assert.True(t, byID["believed-containers"].Actor1Anonymous)
	assert.True(t, byID["believed-containers"].DateFromReport)
}

// TestEveryCodeHasAWeight checks that every act with a CAMEO code has a
// quad class and a Goldstein weight.
func TestEveryCodeHasAWeight(t *testing.T) {
	for a := claim.ActAssert; a.IsValid(); a++ {
		code := a.CAMEO()
		if code == "" {
			continue
		}
		_, ok := cameo.Goldstein(code)
		assert.True(t, ok, "%s (%s) has no Goldstein weight", a, code)
		assert.NotZero(t, cameo.QuadClass(code), "%s (%s) has no quad class", a, code)
	}
}

func TestQuadClass(t *testing.T) {
	tests := []struct {
		code string
		want int
	}{
		{"010", 1}, {"0214", 1}, {"057", 1}, {"061", 2}, {"094", 2}, {"10", 3}, {"112", 3},
		{"1246", 3}, {"130", 3}, {"145", 3}, {"150", 4}, {"20", 4}, {"204", 4},
		{"", 0}, {"0", 0}, {"00", 0}, {"21", 0}, {"x1", 0}, {"9", 0}, {"99", 0},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, cameo.QuadClass(tc.code), "QuadClass(%q)", tc.code)
	}
	_, ok := cameo.Goldstein("999")
	assert.False(t, ok)
}
