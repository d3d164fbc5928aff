package timeline_test

import (
	"fmt"
	"log"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// A reprint: a second outlet runs the first article's text a day later.
// Its quote is one more mention of the statement the timeline holds, not
// a second statement; the claim's status does not change, and the
// reprint repeats the statement rather than adding it.
func ExampleTimeline_ExtendMentions() {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	text := "Westmark accused Norland of supplying shells."
	quote := claim.Span{Start: 0, End: len(text), Exact: text}
	first := &claim.Corpus{
		Sources:  []source.Source{{ID: "westmark", Name: "Westmark", Kind: source.KindGovernment}},
		Articles: []source.Article{{ID: "monday", Published: day(4), Text: text}},
		Claims:   []claim.Claim{{ID: "shells", Text: "Norland supplies artillery shells to Eastria"}},
		Statements: []claim.Statement{{ID: "accusation", Claim: "shells", Source: "westmark", Act: claim.ActAccuse,
			Factuality: claim.CTPlus(), Mentions: []claim.Mention{{Article: "monday", Span: quote}}}},
	}
	tl, err := timeline.Build(first, nil)
	if err != nil {
		log.Fatal(err)
	}
	reprint := &claim.Corpus{Articles: []source.Article{{ID: "tuesday", Published: day(5), Text: text, Reprints: "monday"}}}
	next, err := tl.ExtendMentions(reprint, []timeline.MentionOf{
		{Statement: "accusation", Mention: claim.Mention{Article: "tuesday", Span: quote}},
	})
	if err != nil {
		log.Fatal(err)
	}
	e, _ := next.Statement("accusation")
	for _, m := range e.Statement.Mentions {
		fmt.Println("mentioned in", m.Article)
	}
	d, _ := next.Added("tuesday")
	status, _ := next.Current("shells")
	fmt.Println("tuesday repeats", len(d.Repeated), "and adds", len(d.New), "statements; the claim stays", status)
	// Output:
	// mentioned in monday
	// mentioned in tuesday
	// tuesday repeats 1 and adds 0 statements; the claim stays alleged
}
