package claimtrail_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/timeline"
)

// Example_corpusFile starts from a finished corpus document and follows
// one claim through two articles: an accusation, then a denial and a
// confirmation from an independent panel.
func Example_corpusFile() {
	const doc = `{
  "sources": [
    {"id": "westmark", "name": "Westmark", "kind": "government"},
    {"id": "norland", "name": "Norland", "kind": "government", "aliases": ["Nordport"]},
    {"id": "panel", "name": "UN panel of experts", "kind": "organisation", "investigator": true}
  ],
  "articles": [
    {"id": "a1", "published": "2024-03-04T10:00:00Z", "text": "Westmark accused Norland of shipping shells."},
    {"id": "a2", "published": "2024-06-10T10:00:00Z", "text": "Nordport denied it. A UN panel of experts confirmed the shipments."}
  ],
  "claims": [
    {"id": "shells", "text": "Norland ships shells", "actors": [{"source": "norland", "role": "accused"}]}
  ],
  "statements": [
    {"id": "s1", "claim": "shells", "source": "westmark", "act": "accuse", "factuality": "CT+",
     "mentions": [{"article": "a1", "cue": "accused", "span": {"start": 0, "end": 44, "exact": "Westmark accused Norland of shipping shells."}}]},
    {"id": "s2", "claim": "shells", "source": "norland", "act": "deny", "factuality": "CT-",
     "mentions": [{"article": "a2", "cue": "denied", "span": {"start": 0, "end": 19, "exact": "Nordport denied it."}}]},
    {"id": "s3", "claim": "shells", "source": "panel", "act": "confirm", "factuality": "CT+",
     "mentions": [{"article": "a2", "cue": "confirmed", "span": {"start": 20, "end": 66, "exact": "A UN panel of experts confirmed the shipments."}}]}
  ]
}`
	c, err := claim.Decode(strings.NewReader(doc))
	if err != nil {
		log.Fatal(err)
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		log.Fatal(err)
	}
	history, err := tl.History("shells")
	if err != nil {
		log.Fatal(err)
	}
	for _, step := range history {
		fmt.Printf("%s %-10s -> %-9s (%s)\n", step.At.Format(time.DateOnly), step.From, step.To, step.Statement)
	}
	mid, _ := tl.Status("shells", time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println("on 2024-04-01:", mid)
	// Output:
	// 2024-03-04 unreported -> alleged   (s1)
	// 2024-06-10 alleged    -> contested (s2)
	// 2024-06-10 contested  -> confirmed (s3)
	// on 2024-04-01: alleged
}
