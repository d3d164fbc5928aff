package claim_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

func ExampleFind() {
	text := "Veldoria’s defence ministry said on Monday that Marrak ships drone parts to the rebels. " +
		"Marrak’s foreign ministry denied the report."

	s, err := claim.Find(text, "denied the report")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s, s.Exact)
	fmt.Printf("prefix %q\n", s.Prefix)
	fmt.Printf("suffix %q\n", s.Suffix)

	// A quote that occurs twice needs more context.
	_, err = claim.Find(text, "ministry")
	fmt.Println(errors.Is(err, claim.ErrAmbiguous))
	// Output:
	// [118:135] denied the report
	// prefix "bels. Marrak’s foreign ministry "
	// suffix "."
	// true
}

func ExampleMentionOf() {
	a := source.Article{
		ID:        "a1",
		Published: time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC),
		Text:      "Marrak’s foreign ministry denied the report. Veldoria said it stood by it.",
	}

	m, err := claim.MentionOf(a, "denied", "Marrak’s foreign ministry denied the report.")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Article, m.Cue, m.Span)
	fmt.Printf("suffix %q\n", m.Span.Suffix)

	// A cue next to the quote, in the same sentence, is taken into the
	// span.
	m, err = claim.MentionOf(a, "said", "it stood by it.")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%v %q\n", m.Span, m.Quote())

	// A cue in another sentence marks nothing.
	_, err = claim.MentionOf(a, "said", "Marrak’s foreign ministry denied the report.")
	fmt.Println(errors.Is(err, claim.ErrSpan))
	// Output:
	// a1 denied [0:46]
	// suffix " Veldoria said it stood by it."
	// [56:76] "said it stood by it."
	// true
}

func ExampleSpan_Relocate() {
	text := "Halvard denied it. Tarnow denied it too."
	s, err := claim.Locate(text, 26, 32) // Tarnow's "denied"
	if err != nil {
		fmt.Println(err)
		return
	}

	// The article is updated: a line is added at the top. The offsets no
	// longer fit, but the prefix tells the two denials apart.
	edited := "Updated on Friday. Halvard denied it. Tarnow denied it too."
	fmt.Println(s.Check(edited) == nil)
	moved, err := s.Relocate(edited)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s, "->", moved, moved.Exact)

	// Once the quote is gone, Relocate says so.
	_, err = s.Relocate("Halvard confirmed it.")
	fmt.Println(errors.Is(err, claim.ErrNotFound))
	// Output:
	// false
	// [26:32] -> [45:51] denied
	// true
}

func ExampleDecode() {
	const doc = `{
  "format": "claimtrail/1",
  "sources": [
    {"id": "marrak", "name": "Marrak", "kind": "government"},
    {"id": "marrak-fm", "name": "Marrak foreign ministry", "kind": "agency", "parent": "marrak"}
  ],
  "articles": [
    {"id": "a1", "published": "2024-03-05T09:30:00Z",
     "text": "Marrak's foreign ministry denied that it ships drone parts to the rebels."}
  ],
  "claims": [
    {"id": "shipments", "text": "Marrak ships drone parts to the rebels",
     "actors": [{"source": "marrak", "role": "accused"}], "event": "2023"}
  ],
  "statements": [
    {"id": "s1", "claim": "shipments", "source": "marrak-fm", "act": "deny", "factuality": "CT-",
     "mentions": [{"article": "a1", "cue": "denied",
       "span": {"start": 0, "end": 73, "exact": "Marrak's foreign ministry denied that it ships drone parts to the rebels."}}]}
  ]
}`
	c, err := claim.Decode(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range c.Statements {
		fmt.Println(s.ID, s.Source, s.Act, s.Act.CAMEO(), s.Factuality, s.Claim)
		fmt.Printf("  %q\n", s.Mentions[0].Quote())
	}
	fmt.Println(c.Claims[0].Event, c.Claims[0].Accused())
	// Output:
	// s1 marrak-fm deny 016 CT- shipments
	//   "Marrak's foreign ministry denied that it ships drone parts to the rebels."
	// 2023 [marrak]
}

func ExampleCorpus_Validate() {
	c := claim.Corpus{
		Sources: []source.Source{
			{ID: "halvard", Name: "Halvard"},
			{ID: "tarnow", Name: "Tarnow", Aliases: []string{"Halvard"}},
		},
		Articles: []source.Article{
			{ID: "a1", Published: time.Date(2025, 1, 10, 8, 0, 0, 0, time.UTC), Text: "Halvard denied it."},
		},
		Claims: []claim.Claim{
			{ID: "dam-closed", Text: "The dam at Tarnow is closed"},
		},
		Statements: []claim.Statement{
			{ID: "s1", Claim: "dam-shut", Source: "halvard", Act: claim.ActDeny, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{{Article: "a1", Span: claim.Span{Start: 8, End: 14, Exact: "denied"}}}},
			{ID: "s2", Claim: "dam-closed", Source: "ghost", Act: claim.ActAssert},
		},
	}

	err := c.Validate()
	// The error joins one *claim.FieldError per problem, those of sources
	// and articles too.
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *claim.FieldError
		if errors.As(e, &fe) {
			fmt.Printf("%s %q\n", fe.Field, fe.Value)
		}
	}
	fmt.Println(errors.Is(err, claim.ErrUnknownClaim), errors.Is(err, source.ErrAliasConflict))
	// Output:
	// sources[1].aliases[0] "Halvard"
	// statements[0].claim "dam-shut"
	// statements[0].factuality "CT+"
	// statements[1].source "ghost"
	// statements[1].mentions ""
	// true true
}
