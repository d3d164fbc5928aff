package table_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/table"
	"github.com/claimtrail/claimtrail/timeline"
)

// Write the status history of the sample corpus as CSV.
func ExampleWriteCSV() {
	c, err := claim.Load("../../testdata/corpus.json")
	if err != nil {
		log.Fatal(err)
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		log.Fatal(err)
	}
	var shells []table.Step
	for _, s := range table.History(tl) {
		if s.ClaimID == "shells" {
			shells = append(shells, s)
		}
	}
	if err := table.WriteCSV(os.Stdout, shells); err != nil {
		log.Fatal(err)
	}
	// Output:
	// claim_id,step,at,from,to,statement_id,source_id,article_id
	// shells,1,2024-03-04T18:00:00Z,unreported,alleged,westmark-accuses,westmark-defence,ledger-2024-03-04
	// shells,2,2024-03-04T18:00:00Z,alleged,contested,norland-denies,norland-foreign,ledger-2024-03-04
	// shells,3,2024-06-10T08:00:00Z,contested,corroborated,southvale-images,southvale,ledger-2024-06-10
	// shells,4,2024-06-10T08:00:00Z,corroborated,confirmed,panel-confirms,un-panel,ledger-2024-06-10
}

// A reviewer lowers a denial's certainty in a spreadsheet; the mentions
// table comes back into the corpus.
func ExampleImportCSV() {
	c, err := claim.Load("../../testdata/corpus.json")
	if err != nil {
		log.Fatal(err)
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		log.Fatal(err)
	}
	var sheet bytes.Buffer
	if err := table.WriteCSV(&sheet, table.Mentions(tl)); err != nil {
		log.Fatal(err)
	}
	edited := strings.Replace(sheet.String(), "deny,016,CT-,certain negates,2024-03-04", "deny,016,PR-,probable negates,2024-03-04", 1)

	back, err := table.ImportCSV(strings.NewReader(edited), c)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range back.Statements {
		if s.ID == "norland-denies" {
			fmt.Println(s.ID, s.Act, s.Factuality)
		}
	}
	// Output:
	// norland-denies deny PR-
}
