package timeline_test

import (
	"fmt"
	"log"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// A small corpus built in Go: an accusation, a denial by the accused party,
// and a second, independent government backing the accusation.
func ExampleBuild() {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	mention := func(article source.ArticleID, quote string) []claim.Mention {
		return []claim.Mention{{Article: article, Span: claim.Span{Start: 0, End: len(quote), Exact: quote}}}
	}
	c := &claim.Corpus{
		Sources: []source.Source{
			{ID: "westmark", Name: "Westmark", Kind: source.KindGovernment},
			{ID: "norland", Name: "Norland", Kind: source.KindGovernment},
			{ID: "southvale", Name: "Southvale", Kind: source.KindGovernment},
		},
		Articles: []source.Article{
			{ID: "monday", Published: day(4)},
			{ID: "tuesday", Published: day(5)},
			{ID: "june", Published: day(4).AddDate(0, 3, 0)},
		},
		Claims: []claim.Claim{{
			ID:     "shells",
			Text:   "Norland supplies artillery shells to Eastria",
			Actors: []claim.Actor{{Source: "norland", Role: claim.RoleAccused}},
		}},
		Statements: []claim.Statement{
			{ID: "accusation", Claim: "shells", Source: "westmark", Act: claim.ActAccuse, Factuality: claim.CTPlus(),
				Mentions: mention("monday", "Westmark accused Norland of supplying shells.")},
			{ID: "denial", Claim: "shells", Source: "norland", Act: claim.ActDeny, Factuality: claim.CTMinus(),
				Mentions: mention("tuesday", "Norland denied it.")},
			{ID: "images", Claim: "shells", Source: "southvale", Act: claim.ActAssert, Factuality: claim.CTPlus(),
				Mentions: mention("june", "Southvale said satellite images show the shells.")},
		},
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
		fmt.Printf("%s %-10s -> %-12s by %s in %s\n", step.At.Format(time.DateOnly), step.From, step.To, step.Statement, step.Article)
	}
	now, _ := tl.Status("shells", day(20))
	fmt.Println("on 20 March:", now)
	// Output:
	// 2024-03-04 unreported -> alleged      by accusation in monday
	// 2024-03-05 alleged    -> contested    by denial in tuesday
	// 2024-06-04 contested  -> corroborated by images in june
	// on 20 March: contested
}

// Which statements rest on an unnamed or absent source, as speaker or
// anywhere in the chain that relayed them?
func ExampleTimeline_Statements() {
	c, err := claim.Load("../testdata/corpus.json")
	if err != nil {
		log.Fatal(err)
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		log.Fatal(err)
	}
	entries, err := tl.Statements(timeline.Query{Anonymous: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range entries {
		s := e.Statement
		fmt.Printf("%s %s %s %s on %s: %q\n", e.Reported.Format(time.DateOnly), s.Source, s.Act, s.Factuality, s.Claim, s.Mentions[0].Cue)
	}
	// Output:
	// 2024-03-04 westmark-officials assert PR+ on talks: "said"
	// 2024-03-05 absent assert PR+ on containers: "It is believed"
	// 2024-07-01 westmark-officials retract Uu on talks: "retracted"
}

// What did each day's articles add? A reprint of a wire story repeats its
// statements and adds none.
func ExampleTimeline_Added() {
	c, err := claim.Load("../testdata/corpus.json")
	if err != nil {
		log.Fatal(err)
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, id := range []source.ArticleID{"wire-2024-03-05", "ledger-2024-03-05"} {
		d, err := tl.Added(id)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d new, %d repeated, new claims %v\n", id, len(d.New), len(d.Repeated), d.NewClaims)
		for _, ch := range d.Changes {
			fmt.Printf("  %s on %s (%s)\n", ch.Kind, ch.Claim, ch.Statement)
		}
	}
	// Output:
	// wire-2024-03-05: 2 new, 0 repeated, new claims [containers]
	//   repeated-denial on shells (norland-denies-again)
	//   new-source on shells (believed-containers)
	//   first-report on containers (believed-containers)
	//   status on containers (believed-containers)
	// ledger-2024-03-05: 0 new, 2 repeated, new claims []
}
