package claimtrail_test

import (
	"fmt"
	"log"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// Example is the whole job: the extractor proposes the attributions in an
// article's text, a reviewer accepts each as a statement of a claim, and
// the timeline says where each claim stands.
func Example() {
	const text = "Westmark accused Norland of shipping artillery shells to the front. " +
		"Norland's foreign ministry denied the accusation. " +
		"A UN panel of experts confirmed the shipments. " +
		"It is believed that more shells are on the way."
	published := time.Date(2024, 6, 13, 10, 0, 0, 0, time.UTC)
	reg, err := source.NewRegistry([]source.Source{
		{ID: "westmark", Name: "Westmark", Kind: source.KindGovernment},
		{ID: "norland", Name: "Norland", Kind: source.KindGovernment},
		{ID: "norland-mfa", Name: "Norland's foreign ministry", Kind: source.KindAgency, Parent: "norland"},
		{ID: "panel", Name: "UN panel of experts", Kind: source.KindOrganisation, Investigator: true},
	}, nil)
	if err != nil {
		log.Fatal(err)
	}

	// 1. The extractor proposes candidates: speaker, act, factuality, spans.
	res, err := extract.Extract(text, extract.Options{Registry: reg, Published: published})
	if err != nil {
		log.Fatal(err)
	}

	// 2. A reviewer decides which claim each candidate states; the
	// candidates become statements of a corpus.
	corpus := &claim.Corpus{
		Sources:  reg.Declared(),
		Articles: []source.Article{{ID: "a1", Title: "Shells", Published: published, Text: text}},
		Claims: []claim.Claim{
			{ID: "shells", Text: "Norland ships artillery shells to the front",
				Actors: []claim.Actor{{Source: "norland", Role: claim.RoleAccused}}},
			{ID: "more", Text: "More shells are on the way"},
		},
	}
	decide := func(c extract.Candidate) claim.ID {
		if c.Speaker == source.AbsentID {
			return "more" // "It is believed that more shells are on the way."
		}
		return "shells"
	}
	for i, c := range res.Candidates {
		st, err := c.Statement(claim.StatementID(fmt.Sprint("s", i+1)), decide(c), "a1", text)
		if err != nil {
			log.Fatal(err)
		}
		corpus.Statements = append(corpus.Statements, st)
	}

	// 3. The timeline says where each claim stands, and who said what.
	tl, err := timeline.Build(corpus, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, cl := range tl.Claims() {
		status, _ := tl.Current(cl.ID)
		fmt.Printf("%s: %s\n", cl.Text, status)
	}
	for _, cl := range tl.Claims() {
		fmt.Printf("\n%s\n", cl.Text)
		track, _ := tl.Track(cl.ID)
		for _, e := range track {
			speaker, _ := reg.Source(e.Statement.Source)
			fmt.Printf("  %-27s %-8s %-4s %q\n", speaker.Name, e.Statement.Act, e.Statement.Factuality, e.Statement.Mentions[0].Span.Exact)
		}
	}
	fmt.Println("\nCT+ certain it holds, CT- certain it does not, PR+ probably holds")
	// Output:
	// Norland ships artillery shells to the front: confirmed
	// More shells are on the way: alleged
	//
	// Norland ships artillery shells to the front
	//   Westmark                    accuse   CT+  "Westmark accused Norland of shipping artillery shells to the front"
	//   Norland's foreign ministry  deny     CT-  "Norland's foreign ministry denied the accusation"
	//   UN panel of experts         confirm  CT+  "A UN panel of experts confirmed the shipments"
	//
	// More shells are on the way
	//   no source given             assert   PR+  "It is believed that more shells are on the way"
	//
	// CT+ certain it holds, CT- certain it does not, PR+ probably holds
}
