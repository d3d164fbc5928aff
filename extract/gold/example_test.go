package gold_test

import (
	"fmt"

	"github.com/claimtrail/claimtrail/extract/gold"
)

func ExampleScore() {
	text := "Moscow denied that it had bought shells, a spokesman said."
	labels := `{"title":"Moscow denies","published":"2024-05-17T09:00:00Z",
		"origin":"written for this example","licence":"MIT",
		"attributions":[{"context":"Moscow denied that it had bought shells","source":"Moscow",
			"cue":"denied","content":["it had bought shells"],"speaker":"new:Moscow","act":"deny","factuality":"CT-"}]}`
	a, err := gold.Decode([]byte(labels), text)
	if err != nil {
		panic(err)
	}
	// A prediction with the right cue and source but a content one word
	// longer than the gold one.
	pred := a.Attributions[0]
	longer, err := gold.Decode([]byte(`{"title":"t","published":"2024-05-17T09:00:00Z","origin":"o","licence":"l",
		"attributions":[{"context":"Moscow denied that it had bought shells","source":"Moscow","cue":"denied",
			"content":["that it had bought shells"],"speaker":"new:Moscow","act":"deny","factuality":"CT-"}]}`), text)
	if err != nil {
		panic(err)
	}
	pred.Content = longer.Attributions[0].Content
	c := gold.Score(a, []gold.Predicted{pred}, nil)
	fmt.Printf("content exact F1 %.2f, overlap P %.2f R %.2f\n",
		c.Exact(gold.PartContent).F1, c.Overlap(gold.PartContent).Precision, c.Overlap(gold.PartContent).Recall)
	fmt.Printf("act accuracy %.2f\n", gold.Accuracy(c.ActAgree, c.Matched))
	// Output:
	// content exact F1 0.00, overlap P 0.80 R 1.00
	// act accuracy 1.00
}
