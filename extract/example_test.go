package extract_test

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

func ExampleExtract() {
	reg, err := source.NewRegistry([]source.Source{
		{ID: "russia", Name: "Russia", Kind: source.KindGovernment, Aliases: []string{"Moscow", "the Kremlin"}},
		{ID: "dmitry-peskov", Name: "Dmitry Peskov", Kind: source.KindSpokesperson, Parent: "russia", Aliases: []string{"Peskov"}},
	}, nil)
	if err != nil {
		panic(err)
	}
	text := "Share this article\n\n" +
		"Kremlin spokesman Dmitry Peskov on Tuesday dismissed the report as groundless.\n\n" +
		"“We have never bought a single shell,” he said, adding that Moscow would respond to any new sanctions.\n\n" +
		"Two officials briefed on the intelligence said the shipments had begun in August."
	res, err := extract.Extract(text, extract.Options{
		Registry:  reg,
		Published: time.Date(2024, time.May, 17, 9, 0, 0, 0, time.UTC),
	})
	if err != nil {
		panic(err)
	}
	for _, d := range res.Cleaned.Dropped {
		fmt.Printf("dropped %s: %q\n", d.Reason, text[d.Start:d.End])
	}
	for _, c := range res.Candidates {
		fmt.Printf("%s %s %s <%s> %q said=%v\n", c.Speaker, c.Act, c.Factuality, c.Cue.Exact, c.Content[0].Exact, c.Said)
	}
	for _, s := range res.NewSources {
		fmt.Printf("new source %s (%s)\n", s.ID, s.Identity)
	}
	// Output:
	// dropped navigation: "Share this article"
	// dmitry-peskov deny CT- <dismissed> "the report as groundless" said=2024-05-14
	// dmitry-peskov deny CT- <said> "“We have never bought a single shell,”" said=
	// dmitry-peskov assert CT+ <adding> "Moscow would respond to any new sanctions" said=
	// new:two-officials-briefed-on-the-intelligence assert CT+ <said> "the shipments had begun in August" said=
	// new source new:two-officials-briefed-on-the-intelligence (unnamed)
}

func ExampleClean() {
	page := "Home\nWorld\n\nKremlin rejects report\n\nThe Kremlin on Tuesday rejected the report.\n\n" +
		"Officials in Seoul for 800x450 1\n\nContinue Reading\n\nRelated News\n\nKim visits factory"
	c := extract.Clean(page)
	for _, b := range c.Blocks {
		fmt.Printf("kept    %q heading=%v\n", page[b.Start:b.End], b.Heading)
	}
	for _, d := range c.Dropped {
		fmt.Printf("dropped %q (%s)\n", page[d.Start:d.End], d.Reason)
	}
	// Output:
	// kept    "Kremlin rejects report" heading=true
	// kept    "The Kremlin on Tuesday rejected the report." heading=false
	// dropped "Home" (navigation)
	// dropped "World" (navigation)
	// dropped "Officials in Seoul for 800x450 1" (image)
	// dropped "Continue Reading" (end-marker)
	// dropped "Related News" (end-marker)
	// dropped "Kim visits factory" (related)
}

func ExampleGroups() {
	text := "Kirby said North Korea shipped artillery shells to Russia. " +
		"Peskov denied that North Korea shipped any shells to Russia. " +
		"The ministry said the harvest was good."
	res, err := extract.Extract(text, extract.Options{})
	if err != nil {
		panic(err)
	}
	for _, g := range extract.Groups(res.Candidates, 0) {
		for _, m := range g.Members {
			c := res.Candidates[m]
			fmt.Printf("%s %s %q\n", c.SpeakerText.Exact, c.Cue.Exact, c.Content[0].Exact)
		}
		fmt.Printf("similarity %.2f\n", g.Similarity)
	}
	// Output:
	// Kirby said "North Korea shipped artillery shells to Russia"
	// Peskov denied "North Korea shipped any shells to Russia"
	// similarity 1.00
}

func ExampleCandidate_Mention() {
	text := "“It is a lie,” Kremlin spokesman Dmitry Peskov said on Tuesday."
	res, err := extract.Extract(text, extract.Options{})
	if err != nil {
		panic(err)
	}
	m, err := res.Candidates[0].Mention("tass-2024-05-14", text)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s cue=%q [%d:%d] %q\n", m.Article, m.Cue, m.Span.Start, m.Span.End, m.Span.Exact)
	// Output:
	// tass-2024-05-14 cue="said" [0:55] "“It is a lie,” Kremlin spokesman Dmitry Peskov said"
}

func ExampleExtractAll() {
	articles := []extract.Article{
		{Text: "The port authority denied that the ferry had left early.", Published: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)},
		{Text: "Velkor said on Monday that the channel was closed.", Published: time.Date(2024, 5, 8, 0, 0, 0, 0, time.UTC)},
		{Text: "Not valid \xff text."},
	}
	i := 0
	for res, err := range extract.ExtractAll(slices.Values(articles), extract.Options{}) {
		switch {
		case errors.Is(err, source.ErrInvalidUTF8):
			fmt.Printf("article %d: not valid UTF-8\n", i)
		case err != nil:
			fmt.Printf("article %d: %v\n", i, err)
		default:
			for _, c := range res.Candidates {
				fmt.Printf("article %d: %s %s %q said=%v\n", i, c.Speaker, c.Act, c.Content[0].Exact, c.Said)
			}
		}
		i++
	}
	// Output:
	// article 0: new:port-authority deny "the ferry had left early" said=
	// article 1: new:velkor assert "the channel was closed" said=2024-05-06
	// article 2: not valid UTF-8
}
