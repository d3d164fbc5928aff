package schemaorg_test

import (
	"fmt"

	"github.com/claimtrail/claimtrail/format/schemaorg"
)

// Read a fact-checker's ClaimReview markup into a claim and a review.
func ExampleImport() {
	page := `{
	  "@context": "https://schema.org",
	  "@type": "ClaimReview",
	  "url": "https://checkers.example/2024/06/norland-shells",
	  "claimReviewed": "Norland supplies artillery shells to Eastria",
	  "author": {"@type": "Organization", "name": "Checkers Desk"},
	  "reviewRating": {"@type": "Rating", "alternateName": "True", "ratingValue": 5, "bestRating": 5, "worstRating": 1},
	  "itemReviewed": {"@type": "Claim", "@id": "urn:claimtrail:claim:shells"},
	  "datePublished": "2024-06-12"
	}`
	got, err := schemaorg.Import([]byte(page), schemaorg.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := got.Reviews[0]
	fmt.Println(got.Claims[0].ID, "-", got.Claims[0].Text)
	fmt.Println(r.Reviewer.Name, "rates it", r.Rating.Name, r.Rating.Value, "of", r.Rating.Best, "on", r.Published.Format("2006-01-02"))
	// Output:
	// shells - Norland supplies artillery shells to Eastria
	// Checkers Desk rates it True 5 of 5 on 2024-06-12
}
