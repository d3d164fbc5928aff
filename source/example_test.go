package source_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/claimtrail/claimtrail/source"
)

// exampleSources are the sources of the seed story: the United States with
// two of its branches, North Korea, Russia and Ukraine.
var exampleSources = []source.Source{
	{ID: "us", Name: "United States", Kind: source.KindGovernment, Aliases: []string{"US", "Washington"}},
	{ID: "white-house", Name: "White House", Kind: source.KindAgency, Parent: "us"},
	{ID: "kirby", Name: "John Kirby", Kind: source.KindSpokesperson, Parent: "white-house"},
	{ID: "state-dept", Name: "US Department of State", Kind: source.KindAgency, Parent: "us"},
	{ID: "dprk", Name: "North Korea", Kind: source.KindGovernment, Aliases: []string{"Pyongyang", "DPRK", "Democratic People's Republic of Korea"}},
	{ID: "russia", Name: "Russia", Kind: source.KindGovernment, Aliases: []string{"Moscow", "Kremlin"}},
	{ID: "ukraine", Name: "Ukraine", Kind: source.KindGovernment},
}

func ExampleNewRegistry() {
	r, err := source.NewRegistry(exampleSources, nil)
	if err != nil {
		log.Fatal(err)
	}
	// The registry adds the built-in absent source.
	fmt.Println(r.Len())
	root, _ := r.Root("kirby")
	fmt.Println(root)
	// Output:
	// 8
	// us
}

// NewRegistry reports every problem at once; each is a *FieldError naming
// the field and the value, and wrapping a sentinel error.
func ExampleNewRegistry_errors() {
	sources := []source.Source{
		{ID: "us", Name: "United States"},
		{ID: "white-house", Name: "White House", Parent: "usa"},
		{ID: "us", Name: "America"},
		{ID: "kremlin", Name: "Kremlin", Parent: "kremlin"},
	}
	_, err := source.NewRegistry(sources, nil)
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *source.FieldError
		if !errors.As(e, &fe) {
			continue
		}
		switch {
		case errors.Is(fe, source.ErrDuplicateID):
			fmt.Printf("%s %q: duplicate\n", fe.Field, fe.Value)
		case errors.Is(fe, source.ErrUnknownSource):
			fmt.Printf("%s %q: no such source\n", fe.Field, fe.Value)
		case errors.Is(fe, source.ErrCycle):
			fmt.Printf("%s %q: cycle\n", fe.Field, fe.Value)
		}
	}
	// Output:
	// sources[2].id "us": duplicate
	// sources[3].parent "kremlin": cycle
	// sources[1].parent "usa": no such source
}

// A story's registry holds the sources known so far. Lineage takes them
// from a larger reference registry together with the parents they name,
// which NewRegistry needs.
func ExampleRegistry_Lineage() {
	reference, err := source.NewRegistry(exampleSources, nil)
	if err != nil {
		log.Fatal(err)
	}

	// John Kirby alone will not do: his parent is not among the sources.
	kirby, _ := reference.Source("kirby")
	_, err = source.NewRegistry([]source.Source{kirby}, nil)
	fmt.Println(err)

	sources, err := reference.Lineage("kirby", "dprk", "state-dept")
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range sources {
		fmt.Printf("%s (parent %q)\n", s.ID, s.Parent)
	}
	story, err := source.NewRegistry(sources, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(story.Len(), story.Independent("kirby", "state-dept"), story.Independent("kirby", "dprk"))

	_, err = reference.Lineage("kirby", "kim")
	var fe *source.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, fe.Value, errors.Is(err, source.ErrUnknownSource))
	}
	// Output:
	// source: sources[0].parent "white-house": unknown source: the parent is not among the sources; add it too, or take the source with its ancestors from a larger registry with Registry.Lineage
	// us (parent "")
	// white-house (parent "us")
	// kirby (parent "white-house")
	// dprk (parent "")
	// state-dept (parent "us")
	// 6 false true
	// ids[1] kim true
}

func ExampleRegistry_Resolve() {
	r, err := source.NewRegistry(exampleSources, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{
		"Pyongyang",
		"P'yŏngyang",
		"the DPRK",
		"the Democratic People’s Republic of Korea",
		"U.S.",
		"the Kremlin",
		"No source given",
		"Seoul",
	} {
		s, ok := r.Resolve(name)
		fmt.Printf("%-42s %-8s %v\n", name, s.ID, ok)
	}
	// Output:
	// Pyongyang                                  dprk     true
	// P'yŏngyang                                 dprk     true
	// the DPRK                                   dprk     true
	// the Democratic People’s Republic of Korea  dprk     true
	// U.S.                                       us       true
	// the Kremlin                                russia   true
	// No source given                            absent   true
	// Seoul                                               false
}

// Two sources under one affiliation root do not corroborate each other.
func ExampleRegistry_Independent() {
	r, err := source.NewRegistry(exampleSources, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Independent("white-house", "state-dept"))
	fmt.Println(r.Independent("kirby", "us"))
	fmt.Println(r.Independent("us", "ukraine"))
	fmt.Println(r.Independent("us", source.AbsentID))
	// Output:
	// false
	// false
	// true
	// false
}

func ExampleRegistry_Under() {
	r, err := source.NewRegistry(exampleSources, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Under("kirby", "white-house"))
	fmt.Println(r.Under("kirby", "us"))
	fmt.Println(r.Under("state-dept", "white-house"))
	// Output:
	// true
	// true
	// false
}

// Reprints of a wire story all go back to one origin.
func ExampleRegistry_Origin() {
	day := time.Date(2023, 8, 31, 0, 0, 0, 0, time.UTC)
	articles := []source.Article{
		{ID: "ap-wire", Published: day},
		{ID: "ctn", Published: day, Reprints: "ap-wire"},
		{ID: "blog", Published: day.AddDate(0, 0, 1), Reprints: "ctn"},
	}
	r, err := source.NewRegistry(nil, articles)
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range r.Articles() {
		origin, _ := r.Origin(a.ID)
		fmt.Println(a.ID, "->", origin)
	}
	// Output:
	// ap-wire -> ap-wire
	// ctn -> ap-wire
	// blog -> ap-wire
}

// The zero Registry holds only the absent source.
func ExampleRegistry_zero() {
	var r source.Registry
	fmt.Println(r.Len())
	s, ok := r.Source(source.AbsentID)
	fmt.Println(s.Name, ok, s.IsAbsent())
	// Output:
	// 1
	// no source given true true
}

func ExampleNormalize() {
	fmt.Println(source.Normalize("P'yŏngyang"))
	fmt.Println(source.Normalize("the Democratic People’s Republic of Korea"))
	fmt.Println(source.Normalize("U.S."))
	fmt.Println(source.Normalize("  The   Kremlin "))
	// Output:
	// pyongyang
	// democratic peoples republic of korea
	// us
	// kremlin
}

func ExampleParseKind() {
	k, err := source.ParseKind("State-Media")
	fmt.Println(k, err)

	_, err = source.ParseKind("army")
	fmt.Println(errors.Is(err, source.ErrUnknownName))
	// Output:
	// state-media <nil>
	// true
}

func ExampleParseIdentity() {
	i, err := source.ParseIdentity("UNNAMED")
	fmt.Println(i, err)
	// Output:
	// unnamed <nil>
}

// Sources marshal their kind and identity as names, and omit them when
// zero.
func ExampleSource_json() {
	b, err := json.Marshal([]source.Source{
		{ID: "us-intel", Name: "US intelligence officials", Kind: source.KindAgency, Identity: source.IdentityUnnamed, Parent: "us"},
		{ID: "us", Name: "United States"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output:
	// [{"id":"us-intel","name":"US intelligence officials","kind":"agency","identity":"unnamed","parent":"us"},{"id":"us","name":"United States"}]
}
