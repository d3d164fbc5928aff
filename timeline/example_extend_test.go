package timeline_test

import (
	"fmt"
	"log"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// A story followed article by article: the timeline of the first article,
// extended with the second, which reports a denial. The first timeline is
// unchanged.
func ExampleTimeline_Extend() {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	mention := func(article source.ArticleID, quote string) []claim.Mention {
		return []claim.Mention{{Article: article, Span: claim.Span{Start: 0, End: len(quote), Exact: quote}}}
	}
	first := &claim.Corpus{
		Sources:  []source.Source{{ID: "westmark", Name: "Westmark", Kind: source.KindGovernment}},
		Articles: []source.Article{{ID: "monday", Published: day(4)}},
		Claims:   []claim.Claim{{ID: "shells", Text: "Norland supplies artillery shells to Eastria"}},
		Statements: []claim.Statement{{ID: "accusation", Claim: "shells", Source: "westmark", Act: claim.ActAccuse,
			Factuality: claim.CTPlus(), Mentions: mention("monday", "Westmark accused Norland of supplying shells.")}},
	}
	tl, err := timeline.Build(first, nil)
	if err != nil {
		log.Fatal(err)
	}
	// The second article names a source the timeline does not hold yet.
	second := &claim.Corpus{
		Sources:  []source.Source{{ID: "norland", Name: "Norland", Kind: source.KindGovernment}},
		Articles: []source.Article{{ID: "tuesday", Published: day(5)}},
		Statements: []claim.Statement{{ID: "denial", Claim: "shells", Source: "norland", Act: claim.ActDeny,
			Factuality: claim.CTMinus(), Mentions: mention("tuesday", "Norland denied it.")}},
	}
	next, err := tl.Extend(second)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range []*timeline.Timeline{tl, next} {
		status, _ := t.Current("shells")
		fmt.Println(len(t.ArticleOrder()), "articles:", status)
	}
	// Output:
	// 1 articles: alleged
	// 2 articles: contested
}
