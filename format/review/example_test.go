package review_test

import (
	"fmt"

	"github.com/claimtrail/claimtrail/format/review"
)

func ExampleReview_Validate() {
	r := review.Review{
		Claim:    "shells",
		Reviewer: review.Reviewer{Name: "Checkers Desk"},
		Rating:   review.Rating{Name: "Mostly true", Numeric: true, Value: 6, Best: 5, Worst: 1},
		URL:      "checkers.example/shells",
	}
	fmt.Println(r.Validate())
	// Output:
	// review: url "checkers.example/shells": invalid value: not an absolute http or https URL
	// review: rating.value "6": invalid value: outside the scale from 1 to 5
}
