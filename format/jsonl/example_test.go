package jsonl_test

import (
	"errors"
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
	err := jsonl.Validate(strings.NewReader(lines), jsonl.Options{})
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var je *jsonl.Error
		if errors.As(e, &je) {
			fmt.Printf("line %d: %s %q\n", je.Line, je.Field, je.Value)
		}
	}
	// Output:
	// line 3: statement.factuality "CT+"
	// line 4: statement.act "dney"
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
