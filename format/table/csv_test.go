package table_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/table"
)

// golden compares got with the named file in testdata, rewriting it under
// -update.
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

// roundTrip writes rows as CSV, checks them against the golden file and
// reads them back.
func roundTrip[R table.Row](t *testing.T, name string, rows []R) {
	var buf bytes.Buffer
	require.NoError(t, table.WriteCSV(&buf, rows))
	golden(t, name, buf.Bytes())
	back, err := table.ReadCSV[R](bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	if diff := cmp.Diff(rows, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("ReadCSV(WriteCSV(%s)) mismatch (-want +got):\n%s", name, diff)
	}
}

func TestCSVTables(t *testing.T) {
	_, tl := seed(t)
	t.Run("mentions", func(t *testing.T) { roundTrip(t, "mentions.csv", table.Mentions(tl)) })
	t.Run("claims", func(t *testing.T) { roundTrip(t, "claims.csv", table.Claims(tl)) })
	t.Run("history", func(t *testing.T) { roundTrip(t, "history.csv", table.History(tl)) })
	t.Run("sources", func(t *testing.T) { roundTrip(t, "sources.csv", table.Sources(tl)) })
}

func TestColumns(t *testing.T) {
	assert.Equal(t, []string{"claim_id", "step", "at", "from", "to", "statement_id", "source_id", "article_id"}, table.Columns[table.Step]())
	assert.Len(t, table.Columns[table.Mention](), 31)
}

func TestClaimsCounts(t *testing.T) {
	_, tl := seed(t)
	rows := table.Claims(tl)
	byID := map[string]table.Claim{}
	for _, r := range rows {
		byID[r.ClaimID] = r
	}
	shells := byID["shells"]
	assert.Equal(t, "confirmed", shells.Status)
	assert.Equal(t, []string{"norland"}, shells.Accused)
	cur, err := tl.Current("shells")
	require.NoError(t, err)
	assert.Equal(t, cur.String(), shells.Status)
	track, err := tl.Track("shells")
	require.NoError(t, err)
	assert.Equal(t, int64(len(track)), shells.Statements+shells.Inherited)
	assert.Positive(t, shells.Negating)
	assert.Positive(t, shells.Affirming)
}

func TestReadCSVErrors(t *testing.T) {
	header := strings.Join(table.Columns[table.Step](), ",") + "\n"
	tests := []struct {
		name  string
		input string
		want  []tableProblem
	}{
		{"empty", "", []tableProblem{{0, 1, "", claim.ErrEmpty}}},
		{"unknown column", "claim_id,steps\n", []tableProblem{{0, 1, "steps", table.ErrUnknownColumn}}},
		{"duplicate column", "claim_id,claim_id\n", []tableProblem{{0, 1, "claim_id", table.ErrDuplicateColumn}}},
		{"bad integer", header + "c,one,2024-03-04T18:00:00Z,reported,alleged,s,src,a\n", []tableProblem{{1, 2, "step", table.ErrInvalid}}},
		{"bad time", header + "c,1,yesterday,reported,alleged,s,src,a\nc,2,2024-03-04,reported,alleged,s,src,a\n", []tableProblem{{1, 2, "at", table.ErrInvalid}}},
		{"cells missing", header + "c,1\n" + "c,x,2024-03-04T18:00:00Z,reported,alleged,s,src,a\n", []tableProblem{{0, 2, "", table.ErrSyntax}, {2, 3, "step", table.ErrInvalid}}},
		{"bare quote", header + "c,1,\"2024\"x,a,b,c,d,e\n", []tableProblem{{0, 2, "", table.ErrSyntax}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := table.ReadCSV[table.Step](strings.NewReader(tc.input))
			require.Error(t, err)
			if diff := cmp.Diff(tc.want, tableProblems(err), sameSentinel); diff != "" {
				t.Errorf("ReadCSV mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestWriteCSVErrors(t *testing.T) {
	err := table.WriteCSV(&bytes.Buffer{}, []table.Source{{SourceID: "s", Aliases: []string{"a;b"}}})
	var te *table.Error
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "aliases", te.Column)
	assert.Equal(t, 1, te.Row)
	assert.ErrorIs(t, err, table.ErrInvalid)
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		err  *table.Error
		want string
	}{
		{&table.Error{Row: 3, Line: 4, Column: "act", Value: "dney", Err: claim.ErrUnknownName}, `table: row 3 (line 4), column act "dney": unknown name`},
		{&table.Error{Line: 1, Err: table.ErrSyntax}, `table: line 1: not a CSV table`},
		{&table.Error{Row: 2, Column: "quote", Field: "mentions[0].span", Value: "x", Err: claim.ErrSpan}, `table: row 2, column quote, field mentions[0].span "x": span does not match the article`},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.err.Error())
	}
}

// tableProblem is what a test expects of one *table.Error.
type tableProblem struct {
	Row, Line int
	Column    string
	Err       error
}

func tableProblems(err error) []tableProblem {
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else if err != nil {
		errs = []error{err}
	}
	var out []tableProblem
	for _, e := range errs {
		var te *table.Error
		if errors.As(e, &te) {
			out = append(out, tableProblem{te.Row, te.Line, te.Column, te.Err})
		}
	}
	return out
}

var sameSentinel = cmp.Comparer(func(a, b error) bool {
	return a == nil && b == nil || a != nil && b != nil && (errors.Is(a, b) || errors.Is(b, a))
})
