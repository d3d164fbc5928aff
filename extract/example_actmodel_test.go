package extract_test

import (
	"encoding/json"
	"fmt"
	"log"
	"strings"

	"github.com/claimtrail/claimtrail/extract"
)

// A model written by internal/cmd/trainact (or MarshalJSON) is loaded with
// json.Unmarshal and handed to Extract in Options.ActModel. This one is
// written by hand to show the hook: it knows two acts, and its one
// feature, the cue "urged" (see ActFeatures), outweighs the bias toward
// assert, so with it "urged" warns where the rules say it urges.
func ExampleActModel_UnmarshalJSON() {
	model := `{
		"format": "claimtrail-act-model/1",
		"note": "hand-written: urged warns",
		"acts": ["assert", "warn"],
		"bias": [1, 0],
		"features": {"cue=urged": [0, 3]}
	}`
	var m extract.ActModel
	if err := json.Unmarshal([]byte(model), &m); err != nil {
		log.Fatal(err)
	}
	var names []string
	for _, a := range m.Acts() {
		names = append(names, a.String())
	}
	fmt.Println(m.Note()+":", strings.Join(names, ", "))

	text := "The mayor said the bridge was safe. The council urged residents to stay calm."
	for _, opts := range []extract.Options{{}, {ActModel: &m}} {
		res, err := extract.Extract(text, opts)
		if err != nil {
			log.Fatal(err)
		}
		var acts []string
		for _, c := range res.Candidates {
			acts = append(acts, text[c.Cue.Start:c.Cue.End]+"="+c.Act.String())
		}
		fmt.Println(opts.ActModel != nil, strings.Join(acts, " "))
	}
	// Output:
	// hand-written: urged warns: assert, warn
	// false said=assert urged=urge
	// true said=assert urged=warn
}
