package jsonl_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/jsonl"
)

// Filter a JSON Lines corpus in one pass: the denials, one record at a
// time, whatever the size of the file.
func ExampleRead() {
	f, err := os.Open("testdata/corpus.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	for rec, err := range jsonl.Read(f, jsonl.Options{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		if rec.Type == jsonl.TypeStatement && rec.Statement.Act == claim.ActDeny {
			fmt.Println(rec.Line, rec.Statement.ID, rec.Statement.Source)
		}
	}
	// Output:
	// 21 norland-denies norland-foreign
	// 23 norland-denies-again norland-foreign
}

// Validate names the line and the field of each problem.
func ExampleValidate() {
	lines := `{"type":"source","id":"norland","name":"Norland"}
{"type":"claim","id":"shells","text":"Norland supplies shells"}
{"type":"statement","id":"s1","claim":"shells","source":"norland","act":"deny","factuality":"CT+","said":"2024"}
{"type":"statement","id":"s2","claim":"shell","source":"norland","act":"dney","factuality":"CT-","said":"2024"}
`
	fmt.Println(jsonl.Validate(strings.NewReader(lines), jsonl.Options{}))
	// Output:
	// jsonl: line 3: statement.factuality "CT+": factuality does not fit the act: deny wants CT-, PR- or PS-
	// jsonl: line 4: statement.act "dney": claim: act "dney": unknown name (valid: assert, accuse, deny, reject, confirm, admit, retract, warn, threaten, urge, pledge, concern, question, decline-comment, report)
}

// Write a corpus, then read it back.
func ExampleWrite() {
	c, err := claim.Load("../../testdata/corpus.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := jsonl.Write(&b, c); err != nil {
		fmt.Println(err)
		return
	}
	back, err := jsonl.Decode(strings.NewReader(b.String()), jsonl.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(b.String(), "\n"), "lines;", len(back.Statements), "statements")
	// Output:
	// 28 lines; 9 statements
}
