package render_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/timeline"
)

// ExampleClaimMermaid writes the timeline of one claim of the sample corpus
// as Mermaid text, for a Markdown report.
func ExampleClaimMermaid() {
	c, err := claim.Load("../testdata/corpus.json")
	if err != nil {
		log.Fatal(err)
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		log.Fatal(err)
	}
	if err := render.ClaimMermaid(os.Stdout, tl, "talks"); err != nil {
		log.Fatal(err)
	}
	// Output:
	// timeline
	//     title Norland and Eastria held talks on further arms deliveries (retracted)
	//     accTitle: Timeline of the claim Norland and Eastria held talks on further arms deliveries
	//     accDescr: 2 statements, 2 status changes, retracted now
	//     section Statements
	//         2024-03-04 (reported) : Officials in Westmark (unnamed) assert PR+
	//         2024-07-01 (reported) : Officials in Westmark (unnamed) retract Uu
	//     section Status
	//         2024-03-04 : unreported → alleged by Officials in Westmark (unnamed)
	//         2024-07-01 : alleged → retracted by Officials in Westmark (unnamed)
}

// ExampleClaimSVG draws one claim of the sample corpus, each mark linking
// to the article that reported it, and prints the picture's text
// alternative.
func ExampleClaimSVG() {
	c, err := claim.Load("../testdata/corpus.json")
	if err != nil {
		log.Fatal(err)
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		log.Fatal(err)
	}
	var b strings.Builder
	opts := &render.Options{ArticleURL: "/articles/{article}"}
	if err := render.ClaimSVG(&b, tl, "talks", opts); err != nil {
		log.Fatal(err)
	}
	svg := b.String()
	_, desc, _ := strings.Cut(svg, `<desc id="ct-desc">`)
	desc, _, _ = strings.Cut(desc, "</desc>")
	fmt.Println(strings.HasPrefix(svg, "<svg "), strings.Count(svg, `<a href="/articles/`))
	fmt.Println(desc)
	// Output:
	// true 4
	// Claim “Norland and Eastria held talks on further arms deliveries”, retracted now. Status history: alleged on 2024-03-04, by Officials in Westmark (unnamed); retracted on 2024-07-01, by Officials in Westmark (unnamed). Statements in the order said: 2024-03-04, Officials in Westmark (unnamed) assert (PR+); 2024-07-01, Officials in Westmark (unnamed) retract (Uu).
}
