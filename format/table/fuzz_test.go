package table_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/table"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// FuzzImportCSV imports arbitrary CSV: nothing panics, every problem is
// an error, a corpus imported writes back to a table that imports as the
// same corpus, losslessly onto it, and the report of the first import
// lists exactly the sources, articles and claims the corpus holds.
func FuzzImportCSV(f *testing.F) {
	f.Add(mentionsCSV(f))
	f.Add("statement_id,claim_id,speaker_id,act,said\ns1,c,absent,report,2024\n")
	f.Add("statement_id,claim_id,speaker_id,act,article_id,published,span_start,span_end,quote\ns1,c,absent,report,a,2024-03-04,0,1,x\n")
	f.Add("statement_id,claim_id,speaker_id,act,via\ns1,c,absent,report,;\n")
	f.Add("statement_id,claim_id,speaker_id,act,said,machine_accepted\ns1,c,absent,report,2024,true\ns2,c,absent,report,2024,\ns1,c,absent,report,2024,1\n")
	f.Add("statement_id,claim_id,speaker_id,act,said,machine_accepted\ns1,c,absent,report,2024,yes\n")
	f.Add("\uFEFFclaim_id\n\"unterminated\n")
	f.Fuzz(func(t *testing.T, input string) {
		c, report, err := table.ImportCSVReport(strings.NewReader(input), nil)
		if err != nil {
			if c != nil || report != nil {
				t.Fatalf("a corpus or report and an error: %v", err)
			}
			return
		}
		var sources []source.ID
		for _, s := range c.Sources {
			sources = append(sources, s.ID)
		}
		var articles []source.ArticleID
		for _, a := range c.Articles {
			articles = append(articles, a.ID)
		}
		var claims []claim.ID
		for _, cl := range c.Claims {
			claims = append(claims, cl.ID)
		}
		if diff := cmp.Diff(&table.Report{Sources: sources, Articles: articles, Claims: claims}, report, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("report mismatch (-corpus +report):\n%s", diff)
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
		again, report, err := table.ImportCSVReport(bytes.NewReader(back.Bytes()), c)
		if err != nil {
			t.Fatalf("re-importing:\n%s\n%v", back.String(), err)
		}
		if !report.Lossless() {
			t.Errorf("re-importing onto the corpus: %s", report)
		}
		if diff := cmp.Diff(c.Statements, again.Statements, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("statements mismatch (-want +got):\n%s", diff)
		}
	})
}
