package claim_test

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/claimtrail/claimtrail/claim"
)

func ExampleParseEnglishDate() {
	// The article appeared on Wednesday 13 September 2023.
	published := time.Date(2023, time.September, 13, 14, 5, 0, 0, time.UTC)
	for _, phrase := range []string{
		"on Wednesday",
		"last Wednesday",
		"in September",
		"last year",
		"Sept. 13, 2022",
		"three years ago",
	} {
		d, err := claim.ParseEnglishDate(phrase, published)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-16s %-10s (%s)\n", phrase, d, d.Precision())
	}

	_, err := claim.ParseEnglishDate("Feb 30", published)
	fmt.Println(errors.Is(err, claim.ErrDate))
	// Output:
	// on Wednesday     2023-09-13 (day)
	// last Wednesday   2023-09-06 (day)
	// in September     2023-09    (month)
	// last year        2022       (year)
	// Sept. 13, 2022   2022-09-13 (day)
	// three years ago  2020       (year)
	// true
}

func ExampleDate_Compare() {
	dates := []claim.Date{
		claim.MustParseDate("2022-03-15"),
		claim.MustParseDate("2022-01-01"),
		{}, // unknown
		claim.MustParseDate("2022-01"),
		claim.MustParseDate("2022"),
	}
	slices.SortFunc(dates, claim.Date.Compare)
	for _, d := range dates {
		fmt.Printf("%q\n", d)
	}
	// Output:
	// ""
	// "2022"
	// "2022-01"
	// "2022-01-01"
	// "2022-03-15"
}

func ExampleParseFactuality() {
	f, err := claim.ParseFactuality("pr-")
	if err != nil {
		panic(err)
	}
	fmt.Println(f, f.Certainty, f.Polarity)

	// Words read too, in either order; the value is still written as its
	// FactBank code.
	for _, words := range []string{"certain negates", "probable-affirms", "negative possible", "uncommitted"} {
		f, err := claim.ParseFactuality(words)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: %s\n", words, f)
	}

	// Probable needs a polarity: "PR u" is not a FactBank value, nor is
	// "probable undetermined".
	_, err = claim.ParseFactuality("PR u")
	fmt.Println(errors.Is(err, claim.ErrUnknownName))
	_, err = claim.ParseFactuality("probable undetermined")
	fmt.Println(errors.Is(err, claim.ErrUnknownName))
	// Output:
	// PR- probable negative
	// certain negates: CT-
	// probable-affirms: PR+
	// negative possible: PS-
	// uncommitted: Uu
	// true
	// true
}

func ExampleAct_CAMEO() {
	for _, a := range []claim.Act{claim.ActAssert, claim.ActAccuse, claim.ActDeny, claim.ActDeclineComment, claim.ActWarn} {
		code := a.CAMEO()
		if code == "" {
			code = "none"
		}
		fmt.Printf("%s: %s\n", a, code)
	}
	// Output:
	// assert: 010
	// accuse: 112
	// deny: 016
	// decline-comment: 011
	// warn: none
}
