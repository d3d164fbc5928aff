package table_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimtrail/claimtrail/format/table"
	"github.com/claimtrail/claimtrail/timeline"
)

// FuzzImportCSV imports arbitrary CSV: nothing panics, every problem is
// an error, and a corpus imported writes back to a table that imports as
// the same corpus.
func FuzzImportCSV(f *testing.F) {
	f.Add(mentionsCSV(f))
	f.Add("statement_id,claim_id,speaker_id,act,said\ns1,c,absent,report,2024\n")
	f.Add("statement_id,claim_id,speaker_id,act,article_id,published,span_start,span_end,quote\ns1,c,absent,report,a,2024-03-04,0,1,x\n")
	f.Add("statement_id,claim_id,speaker_id,act,via\ns1,c,absent,report,;\n")
	f.Add("\uFEFFclaim_id\n\"unterminated\n")
	f.Fuzz(func(t *testing.T, input string) {
		c, err := table.ImportCSV(strings.NewReader(input), nil)
		if err != nil {
			if c != nil {
				t.Fatalf("a corpus and an error: %v", err)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("imported corpus does not validate: %v", err)
		}
		// Write the statements back through a table and import again.
		tl, err := timeline.Build(c, nil)
		if err != nil {
			t.Fatalf("building the imported corpus: %v", err)
		}
		var back bytes.Buffer
		if err := table.WriteCSV(&back, table.Mentions(tl)); err != nil {
			if errors.Is(err, table.ErrInvalid) {
				return // a list item holding the separator has no CSV form
			}
			t.Fatal(err)
		}
		again, err := table.ImportCSV(bytes.NewReader(back.Bytes()), c)
		if err != nil {
			t.Fatalf("re-importing:\n%s\n%v", back.String(), err)
		}
		if diff := cmp.Diff(c.Statements, again.Statements, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("statements mismatch (-want +got):\n%s", diff)
		}
	})
}
