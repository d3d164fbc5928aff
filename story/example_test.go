package story_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

func ExampleStory_Add() {
	s, err := story.New("harbour", story.Options{Sources: []source.Source{
		{ID: "halden", Name: "Halden Port Authority", Kind: source.KindAgency, Aliases: []string{"the port authority"}},
	}})
	if err != nil {
		log.Fatal(err)
	}
	added, err := s.Add(context.Background(), source.Article{
		ID:        "gazette-1",
		Published: time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC),
		Text:      "Halden Port Authority denied that fuel had leaked into the harbour.\n\nFishermen said the water smelled of diesel.\n",
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range added.Candidates {
		fmt.Printf("%s %s %s: %s\n", p.Key, p.Candidate.Speaker, p.Candidate.Act, p.Quote)
	}
	for _, sp := range added.Sources {
		fmt.Println("new source:", sp.Source.ID)
	}
	// Output:
	// gazette-1#22:c1e8e018 halden deny: fuel had leaked into the harbour
	// gazette-1#79:890f64ca new:fishermen@gazette-1 assert: the water smelled of diesel
	// new source: new:fishermen@gazette-1
}

func ExampleStory_Apply() {
	s, err := story.New("harbour", story.Options{Sources: []source.Source{
		{ID: "halden", Name: "Halden Port Authority", Kind: source.KindAgency},
	}})
	if err != nil {
		log.Fatal(err)
	}
	added, err := s.Add(context.Background(), source.Article{
		ID:        "gazette-1",
		Published: time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC),
		Text:      "Halden Port Authority denied that fuel had leaked into the harbour.\n",
	})
	if err != nil {
		log.Fatal(err)
	}
	report, err := s.Apply(context.Background(),
		story.Decision{Kind: story.KindCreateClaim, Claim: "leak", Text: "Fuel leaked into Halden harbour", By: "ana"},
		story.Decision{Kind: story.KindAccept, Key: added.Candidates[0].Key, Claim: "leak", By: "ana"},
	)
	if err != nil {
		log.Fatal(err)
	}
	st, _ := s.StatementOf(added.Candidates[0].Key)
	fmt.Println(len(report.Applied), "decisions applied")
	fmt.Println(st.ID, st.Source, st.Act, st.Factuality, "on", st.Claim)
	// Output:
	// 2 decisions applied
	// s:gazette-1#22:c1e8e018 halden deny CT- on leak
}
