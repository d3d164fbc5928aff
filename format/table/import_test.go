package table_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/table"
	"github.com/claimtrail/claimtrail/source"
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
