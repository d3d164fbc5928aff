package cameo_test

import (
	"fmt"
	"log"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/cameo"
	"github.com/claimtrail/claimtrail/timeline"
)

// List the coded events of the sample corpus.
func ExampleEvents() {
	c, err := claim.Load("../../testdata/corpus.json")
	if err != nil {
		log.Fatal(err)
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range cameo.Events(tl, cameo.Options{}) {
		if e.EventCode != "" {
			fmt.Printf("%d %s %s quad %d goldstein %g against %q\n", e.SQLDate, e.Actor1Code, e.EventCode, e.QuadClass, *e.Goldstein, e.Actor2Code)
		}
	}
	// Output:
	// 20240304 westmark 112 quad 3 goldstein -2 against "norland"
	// 20240304 norland 016 quad 1 goldstein -2 against "norland"
	// 20240304 westmark 010 quad 1 goldstein 0 against ""
	// 20240305 norland 016 quad 1 goldstein -2 against "norland"
	// 20240305 absent 010 quad 1 goldstein 0 against "norland"
	// 20240610 southvale 010 quad 1 goldstein 0 against "norland"
	// 20240610 norland 011 quad 1 goldstein -0.1 against "norland"
}
