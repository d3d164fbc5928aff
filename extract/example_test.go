package extract_test

import (
	"fmt"
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
