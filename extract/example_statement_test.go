package extract_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// ExampleCandidate_Statement accepts a candidate as a statement of a claim.
// A candidate whose speaker is an unresolved pronoun is refused until a
// reviewer names the speaker.
func ExampleCandidate_Statement() {
	reg, err := source.NewRegistry([]source.Source{
		{ID: "norland", Name: "Norland", Kind: source.KindGovernment, Aliases: []string{"Nordport"}},
	}, nil)
	if err != nil {
		panic(err)
	}
	text := "Nordport denied shipping shells. He said the report was false."
	res, err := extract.Extract(text, extract.Options{Registry: reg, Published: time.Date(2024, 6, 13, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		panic(err)
	}
	for i, c := range res.Candidates {
		st, err := c.Statement("s1", "shells", "a1", text)
		if errors.Is(err, source.ErrEmpty) {
			fmt.Printf("candidate %d: speaker %q is unresolved: a reviewer names it\n", i, c.SpeakerText.Exact)
			c.Speaker = "norland"
			st, err = c.Statement("s1", "shells", "a1", text)
		}
		if err != nil {
			panic(err)
		}
		m := st.Mentions[0]
		fmt.Printf("candidate %d: %s %s %s %q, cue %q\n", i, st.Source, st.Act, st.Factuality, m.Span.Exact, m.Cue)
	}
	// Output:
	// candidate 0: norland deny CT- "Nordport denied shipping shells", cue "denied"
	// candidate 1: speaker "He" is unresolved: a reviewer names it
	// candidate 1: norland deny CT- "He said the report was false", cue "said"
}
