package main

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/story"
)

func TestUndo(t *testing.T) {
	// The follow-story's log: decision 4 files a candidate as a new
	// mention of the statement decision 3 accepted, and the last two
	// accept candidates no later decision needs.
	base := followStory(t)
	exported := base.ok("export", "--format", "decisions")
	logged, err := story.ReadDecisions(strings.NewReader(exported))
	require.NoError(t, err)
	last := logged[len(logged)-1].Seq
	undo := func(seq int64, by string, at time.Time) story.Decision {
		return story.Decision{Seq: int64(len(logged)) + 1, Kind: story.KindUndo, Undoes: seq, By: by, At: at}
	}
	for _, tc := range []struct {
		name string
		args [][]string
		// code and errs are the last command's exit status and part of
		// its standard error; out is part of its output.
		code      int
		out, errs string
		// want are the decisions logged after the story's own.
		want []story.Decision
	}{
		{name: "last", args: [][]string{{"undo"}},
			out:  "undone: decision 49, accept courier-03-17#248:fc99b978, by desk",
			want: []story.Decision{undo(last, "tester", testNow)}},
		{name: "twice", args: [][]string{{"undo"}, {"undo"}},
			out: "undone: decision 48, accept courier-03-17#160:69de513a",
			want: []story.Decision{undo(last, "tester", testNow), func() story.Decision {
				d := undo(last-1, "tester", testNow)
				d.Seq++
				return d
			}()}},
		{name: "seq by at note", args: [][]string{{"undo", "--seq", "48", "--by", "ana", "--at", "2025-03-04T11:00:00+01:00", "--note", "wrong claim"}},
			want: []story.Decision{func() story.Decision {
				d := undo(48, "ana", time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC))
				d.Note = "wrong claim"
				return d
			}()}},
		{name: "dependent", args: [][]string{{"undo", "--seq", "3"}}, code: 1,
			errs: "not undone: decision 3, accept herald-03-02#65:ba940aa6, by desk: decision 4, accept herald-03-02#9:4bcacb85, by desk no longer applies without it"},
		{name: "dependent names the next undo", args: [][]string{{"undo", "--seq", "3"}}, code: 1,
			errs: "; undo that one first with 'claimtrail undo --seq 4'\n"},
		{name: "by takes back their own", args: [][]string{{"undo", "--by", "desk"}},
			out:  "undone: decision 49, accept courier-03-17#248:fc99b978, by desk",
			want: []story.Decision{undo(last, "desk", testNow)}},
		{name: "by takes back no one else's", args: [][]string{{"undo", "--by", "ana"}}, code: 1,
			errs: "nothing to undo: no decision of story norland by ana is left to take back"},
		{name: "at before the decision", args: [][]string{{"claim", "trains", "Trains run at night"}, {"undo", "--at", "2026-01-15T11:59:59Z"}}, code: 2,
			errs: "--at 2026-01-15T11:59:59Z: before the decision it takes back, made at 2026-01-15T12:00:00Z",
			want: []story.Decision{{Seq: last + 1, Kind: story.KindCreateClaim, Claim: "trains", Text: "Trains run at night", By: "tester", At: testNow}}},
		{name: "at after tomorrow", args: [][]string{{"undo", "--at", testNow.Add(25 * time.Hour).Format(time.RFC3339)}}, code: 2,
			errs: "--at " + testNow.Add(25*time.Hour).Format(time.RFC3339) + ": more than a day after now"},
		{name: "an undo", args: [][]string{{"undo"}, {"undo", "--seq", "50"}}, code: 1,
			errs: "an undo is not taken back",
			want: []story.Decision{undo(last, "tester", testNow)}},
		{name: "taken back already", args: [][]string{{"undo"}, {"undo", "--seq", "49"}}, code: 1,
			errs: "taken back already",
			want: []story.Decision{undo(last, "tester", testNow)}},
		{name: "no such decision", args: [][]string{{"undo", "--seq", "999"}}, code: 1,
			errs: "not undone: story norland has no decision 999: its log holds 49"},
		{name: "seq zero", args: [][]string{{"undo", "--seq", "0"}}, code: 2, errs: "--seq 0: give the seq of a decision"},
		{name: "bad at", args: [][]string{{"undo", "--at", "yesterday"}}, code: 2, errs: `--at "yesterday": want an RFC 3339 time`},
		{name: "at past year 9999 in utc", args: [][]string{{"undo", "--at", "9999-12-31T23:59:59-01:00"}}, code: 2, errs: `--at "9999-12-31T23:59:59-01:00": year 10000 in UTC`},
		{name: "arguments", args: [][]string{{"undo", "49"}}, code: 2, errs: "unknown command"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newCLI(t)
			c.ok("init", "norland", "--sources", storySources)
			c.ok("add", "--manifest", storyManifest, "--dir", storyArticles)
			c.ok("decide", storyDecisions)
			var out, errs string
			var code int
			for _, args := range tc.args {
				out, errs, code = c.run("", args...)
			}
			assert.Equal(t, tc.code, code, "exit status; stderr:\n%s", errs)
			assert.Contains(t, out, tc.out)
			assert.Contains(t, errs, tc.errs)
			ds, err := story.ReadDecisions(strings.NewReader(c.ok("export", "--format", "decisions")))
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, ds[len(logged):], cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("decisions logged mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUndoPending checks that a candidate whose acceptance is taken back
// waits for review again, and that nothing is left to undo once every
// decision is taken back.
func TestUndoPending(t *testing.T) {
	c := followStory(t)
	assert.NotContains(t, c.ok("pending"), "courier-03-17#248:fc99b978")
	c.ok("undo")
	assert.Contains(t, c.ok("pending"), "courier-03-17#248:fc99b978")

	e := newCLI(t)
	e.ok("init", "norland", "--sources", storySources)
	e.ok("claim", "shipments", "Norland ships artillery shells to Eastria by rail")
	e.ok("undo")
	_, errs, code := e.run("", "undo")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "nothing to undo: every decision of story norland is an undo or taken back")
}
