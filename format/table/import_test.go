package table_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/table"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// mentionsCSV writes the sample corpus's mentions table.
func mentionsCSV(t testing.TB) string {
	_, tl := seed(t)
	var buf bytes.Buffer
	require.NoError(t, table.WriteCSV(&buf, table.Mentions(tl)))
	return buf.String()
}

func TestImportRoundTrip(t *testing.T) {
	c, _ := seed(t)
	got, err := table.ImportCSV(strings.NewReader(mentionsCSV(t)), c)
	require.NoError(t, err)
	if diff := cmp.Diff(c, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("ImportCSV(mentions, corpus) mismatch (-want +got):\n%s", diff)
	}
}

// TestImportWithoutBase builds a corpus from the table alone: the
// statements come back whole, and the sources and articles they name are
// made from the rows.
func TestImportWithoutBase(t *testing.T) {
	c, _ := seed(t)
	got, err := table.ImportCSV(strings.NewReader(mentionsCSV(t)), nil)
	require.NoError(t, err)
	if diff := cmp.Diff(c.Statements, got.Statements, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("statements mismatch (-want +got):\n%s", diff)
	}
	for _, cl := range got.Claims {
		want := findClaim(c, cl.ID)
		assert.Equal(t, want.Text, cl.Text)
	}
	reg, err := got.Registry()
	require.NoError(t, err)
	root, ok := reg.Root("westmark-defence")
	assert.True(t, ok)
	assert.Equal(t, source.ID("westmark"), root)
	a, ok := reg.Article("ledger-2024-06-10")
	require.True(t, ok)
	assert.Equal(t, source.ID("ledger"), a.Outlet)
	assert.Empty(t, a.Text)
}

func findClaim(c *claim.Corpus, id claim.ID) claim.Claim {
	for _, cl := range c.Claims {
		if cl.ID == id {
			return cl
		}
	}
	return claim.Claim{}
}

// TestImportEdits reads back a table a reviewer edited: a factuality
// lowered in words, a mention's row deleted, a claim reworded.
func TestImportEdits(t *testing.T) {
	c, tl := seed(t)
	rows := table.Mentions(tl)
	var kept []table.Mention
	for _, r := range rows {
		switch {
		case r.StatementID == "norland-denies":
			r.Factuality, r.FactualityWords = "", "probable negates"
		case r.StatementID == "norland-denies-again" && r.ArticleID == "ledger-2024-03-05":
			continue // the reprint's mention, deleted
		}
		if r.ClaimID == "talks" {
			r.ClaimText = "Norland and Eastria talked about more deliveries"
		}
		kept = append(kept, r)
	}
	got, err := table.FromMentions(kept, c)
	require.NoError(t, err)
	for _, s := range got.Statements {
		switch s.ID {
		case "norland-denies":
			assert.Equal(t, claim.PRMinus(), s.Factuality)
		case "norland-denies-again":
			assert.Len(t, s.Mentions, 1)
		}
	}
	assert.Equal(t, "Norland and Eastria talked about more deliveries", findClaim(got, "talks").Text)
	assert.Len(t, got.Statements, len(c.Statements))
}

func TestImportErrors(t *testing.T) {
	c, tl := seed(t)
	rows := table.Mentions(tl)
	edit := func(f func(rows []table.Mention) []table.Mention) []table.Mention {
		cp := make([]table.Mention, len(rows))
		copy(cp, rows)
		return f(cp)
	}
	rowOf := func(id string) int {
		for i, r := range rows {
			if r.StatementID == id {
				return i
			}
		}
		return -1
	}
	denies := rowOf("norland-denies")
	again := rowOf("norland-denies-again") // two rows: the wire story and its reprint
	tests := []struct {
		name string
		rows []table.Mention
		want []tableProblem
	}{
		{"unknown act", edit(func(r []table.Mention) []table.Mention { r[denies].Act = "dney"; return r }), []tableProblem{{denies + 1, 0, "act", claim.ErrUnknownName}}},
		{"no statement id", edit(func(r []table.Mention) []table.Mention { r[denies].StatementID = ""; return r }), []tableProblem{{denies + 1, 0, "statement_id", claim.ErrEmpty}}},
		{"bad factuality", edit(func(r []table.Mention) []table.Mention { r[denies].Factuality = "CT?"; return r }), []tableProblem{{denies + 1, 0, "factuality", claim.ErrUnknownName}}},
		{"words disagree", edit(func(r []table.Mention) []table.Mention { r[denies].FactualityWords = "possible negates"; return r }), []tableProblem{{denies + 1, 0, "factuality", table.ErrMismatch}}},
		{"bad said", edit(func(r []table.Mention) []table.Mention { r[denies].Said = "last week"; return r }), []tableProblem{{denies + 1, 0, "said", claim.ErrDate}}},
		{"rows of a statement disagree", edit(func(r []table.Mention) []table.Mention { r[again+1].Act = "reject"; return r }), []tableProblem{{again + 2, 0, "act", table.ErrMismatch}}},
		{"claim texts disagree", edit(func(r []table.Mention) []table.Mention { r[again+1].ClaimText = "something else"; return r }), []tableProblem{{again + 2, 0, "claim_text", table.ErrMismatch}}},
		{"mention without span", edit(func(r []table.Mention) []table.Mention { r[denies].SpanStart = nil; return r }), []tableProblem{{denies + 1, 0, "span_start", claim.ErrEmpty}}},
		{"new article without time", edit(func(r []table.Mention) []table.Mention {
			r[denies].ArticleID, r[denies].Published = "new-article", nil
			return r
		}), []tableProblem{{denies + 1, 0, "published", claim.ErrEmpty}}},
		{"act against factuality", edit(func(r []table.Mention) []table.Mention {
			r[denies].Factuality, r[denies].FactualityWords = "CT+", ""
			return r
		}), []tableProblem{{denies + 1, 0, "factuality", claim.ErrFactuality}}},
		{"rows disagree on the speaker", edit(func(r []table.Mention) []table.Mention { r[again+1].SpeakerID = "westmark"; return r }), []tableProblem{{again + 2, 0, "speaker_id", table.ErrMismatch}}},
		{"rows disagree on the claim", edit(func(r []table.Mention) []table.Mention {
			r[again+1].ClaimID, r[again+1].ClaimText = "talks", ""
			return r
		}), []tableProblem{{again + 2, 0, "claim_id", table.ErrMismatch}}},
		{"rows disagree on via", edit(func(r []table.Mention) []table.Mention { r[again+1].Via = []string{"wire"}; return r }), []tableProblem{{again + 2, 0, "via", table.ErrMismatch}}},
		{"rows disagree on factuality", edit(func(r []table.Mention) []table.Mention {
			r[again+1].Factuality, r[again+1].FactualityWords = "PR-", ""
			return r
		}), []tableProblem{{again + 2, 0, "factuality", table.ErrMismatch}}},
		{"rows disagree on said", edit(func(r []table.Mention) []table.Mention { r[again+1].Said = "2024"; return r }), []tableProblem{{again + 2, 0, "said", table.ErrMismatch}}},
		{"unknown relay", edit(func(r []table.Mention) []table.Mention { r[denies].Via = []string{"nobody"}; return r }), []tableProblem{{denies + 1, 0, "via", claim.ErrUnknownSource}}},
		{"cue outside the quote", edit(func(r []table.Mention) []table.Mention { r[denies].Cue = "zebra"; return r }), []tableProblem{{denies + 1, 0, "cue", claim.ErrSpan}}},
		{"said after reported", edit(func(r []table.Mention) []table.Mention { r[denies].Said = "2025-01-01"; return r }), []tableProblem{{denies + 1, 0, "said", claim.ErrDate}}},
		{"quote edited", edit(func(r []table.Mention) []table.Mention { r[again+1].Quote = "Norland said nothing"; return r }), []tableProblem{{again + 2, 0, "quote", claim.ErrSpan}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := table.FromMentions(tc.rows, c)
			assert.Nil(t, got)
			if diff := cmp.Diff(tc.want, tableProblems(err), sameSentinel); diff != "" {
				t.Errorf("FromMentions mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestImportCSVErrors(t *testing.T) {
	_, err := table.ImportCSV(strings.NewReader("statement_id,verdict\n"), nil)
	assert.ErrorIs(t, err, table.ErrUnknownColumn)
	// Lines are counted from the header, rows from the first row after it.
	input := "statement_id,claim_id,speaker_id,act\ns1,c,absent,report\ns2,c,absent,\n"
	_, err = table.ImportCSV(strings.NewReader(input), nil)
	assert.Equal(t, []tableProblem{{2, 0, "act", claim.ErrEmpty}}, tableProblems(err))
}

// TestImportRoundTripStatuses exports the mentions table, imports it
// back, and compares what a reader of the timeline sees: with the
// exported corpus as base, the corpus, every claim's status and counts,
// and the status history come back the same, and the report says the
// import was lossless; without a base, the report lists what was built
// from the table alone, and the statuses that rest on it move.
func TestImportRoundTripStatuses(t *testing.T) {
	c, tl := seed(t)
	csv := mentionsCSV(t)

	got, report, err := table.ImportCSVReport(strings.NewReader(csv), c)
	require.NoError(t, err)
	assert.True(t, report.Lossless(), "report: %s", report)
	assert.Empty(t, report.String())
	if diff := cmp.Diff(c, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("ImportCSVReport(mentions, corpus) mismatch (-want +got):\n%s", diff)
	}
	back, err := timeline.Build(got, nil)
	require.NoError(t, err)
	if diff := cmp.Diff(table.Claims(tl), table.Claims(back)); diff != "" {
		t.Errorf("claims table after the round trip mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(table.History(tl), table.History(back)); diff != "" {
		t.Errorf("status history after the round trip mismatch (-want +got):\n%s", diff)
	}

	bare, report, err := table.ImportCSVReport(strings.NewReader(csv), nil)
	require.NoError(t, err)
	assert.False(t, report.Lossless())
	assert.Len(t, report.Claims, len(c.Claims))
	assert.Len(t, report.Articles, len(c.Articles))
	assert.Contains(t, report.Sources, source.ID("westmark-defence"))
	assert.Contains(t, report.String(), "kind unknown")
	bareTL, err := timeline.Build(bare, nil)
	require.NoError(t, err)
	status := func(tl *timeline.Timeline) map[string]string {
		out := map[string]string{}
		for _, row := range table.Claims(tl) {
			out[row.ClaimID] = row.Status
		}
		return out
	}
	want, moved := status(tl), status(bareTL)
	assert.Equal(t, "confirmed", want["shells"], "the sample's flagship claim")
	assert.NotEqual(t, want["shells"], moved["shells"], "statuses without the base: what the report warns of")
}

// TestReportString checks the report's sentence, long lists shortened.
func TestReportString(t *testing.T) {
	var nilReport *table.Report
	assert.True(t, nilReport.Lossless())
	assert.Empty(t, nilReport.String())
	r := &table.Report{
		Sources:  []source.ID{"a", "b", "c", "d", "e", "f", "g"},
		Articles: []source.ArticleID{"x"},
		Claims:   []claim.ID{"c1", "c2"},
	}
	assert.Equal(t, `built from the table alone, as the base corpus does not hold them: `+
		`7 sources ("a", "b", "c", "d", "e" and 2 more): kind unknown, no investigators, aliases or parents below their root; `+
		`1 article ("x"): no text; 2 claims ("c1", "c2"): no accused or other actors, event or relations; `+
		`statuses that rest on what they lack can differ from the exported corpus's`, r.String())
}

// TestImportMachineAccepted writes the mentions table of a corpus whose
// statements are in part machine-accepted, as CSV and as Parquet, and
// imports it back: each statement keeps its mark, and a table without
// the column (as written before it) marks none.
func TestImportMachineAccepted(t *testing.T) {
	c, err := claim.Load("../../testdata/corpus.json")
	require.NoError(t, err)
	// Every other statement is marked, and of the others, those with
	// more than one mention have their second mention marked.
	want := map[string]bool{}
	mentions := 0
	for i := range c.Statements {
		s := &c.Statements[i]
		switch {
		case i%2 == 0:
			s.MachineAccepted = true
			want[string(s.ID)] = true
		case len(s.Mentions) > 1:
			s.Mentions[1].MachineAccepted = true
			want[string(s.ID)+"#1"] = true
			mentions++
		}
	}
	require.Positive(t, mentions, "the corpus has a statement of two mentions, unmarked")
	tl, err := timeline.Build(c, nil)
	require.NoError(t, err)
	rows := table.Mentions(tl)
	var csvTable bytes.Buffer
	require.NoError(t, table.WriteCSV(&csvTable, rows))
	var pq bytes.Buffer
	require.NoError(t, table.WriteParquet(&pq, rows))
	// The same table without its last column, machine_accepted.
	records, err := csv.NewReader(bytes.NewReader(csvTable.Bytes())).ReadAll()
	require.NoError(t, err)
	require.Equal(t, "machine_accepted", records[0][len(records[0])-1])
	var older bytes.Buffer
	w := csv.NewWriter(&older)
	for _, rec := range records {
		require.NoError(t, w.Write(rec[:len(rec)-1]))
	}
	w.Flush()
	require.NoError(t, w.Error())
	tests := []struct {
		name string
		read func() ([]table.Mention, error)
		want map[string]bool
	}{
		{name: "csv", read: func() ([]table.Mention, error) {
			return table.ReadCSV[table.Mention](bytes.NewReader(csvTable.Bytes()))
		}, want: want},
		{name: "parquet", read: func() ([]table.Mention, error) {
			return table.ReadParquet[table.Mention](bytes.NewReader(pq.Bytes()), int64(pq.Len()))
		}, want: want},
		{name: "csv-without-column", read: func() ([]table.Mention, error) { return table.ReadCSV[table.Mention](bytes.NewReader(older.Bytes())) }, want: map[string]bool{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.read()
			require.NoError(t, err)
			back, err := table.FromMentions(got, c)
			require.NoError(t, err)
			marks := map[string]bool{}
			for _, s := range back.Statements {
				if s.MachineAccepted {
					marks[string(s.ID)] = true
				}
				for j, m := range s.Mentions {
					if m.MachineAccepted {
						marks[fmt.Sprintf("%s#%d", s.ID, j)] = true
					}
				}
			}
			if diff := cmp.Diff(tc.want, marks); diff != "" {
				t.Errorf("machine-accepted statements mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
