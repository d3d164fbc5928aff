package extract_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
)

// realCopyCases are constructions of real published copy, each in
// sentences written for the test: invisible characters, page furniture,
// and the cues, acts and speakers wire and state-media copy use.
var realCopyCases = []struct {
	name string
	text string
	want []found
}{
	{"zero-width-joiner", "The Mi\u200dnistry said the levee would hold.", []found{
		{"verb-before", "The Mi\u200dnistry", "said", "the levee would hold", "assert"},
	}},
	{"zero-width-in-cue", "The port authority de\u200cnied that the cargo was seized.", []found{
		{"verb-before", "The port authority", "de\u200cnied", "the cargo was seized", "deny"},
	}},
	{"nul", "The port authority\x00 denied that the cargo was seized.", []found{
		{"verb-before", "The port authority", "denied", "the cargo was seized", "deny"},
	}},
	{"nul-in-word", "The port au\x00thority denied that the cargo was seized.", []found{
		{"verb-before", "The port au\x00thority", "denied", "the cargo was seized", "deny"},
	}},
	{"bidi", "The \u202aport authority\u202c denied that the cargo was seized.", []found{
		{"verb-before", "The \u202aport authority", "denied", "the cargo was seized", "deny"},
	}},
	{"ansi", "The port authority \x1b[1mdenied\x1b[0m that the cargo was seized.", []found{
		{"verb-before", "The port authority", "denied", "the cargo was seized", "deny"},
	}},
	{"glued-stop", "The ferry sank on the 13th.The harbour master said the crew was safe.", []found{
		{"verb-before", "The harbour master", "said", "the crew was safe", "assert"},
	}},
	{"date-marker", " date 2021-04-06 Velkor denies dumping waste\n\nVelkor denied that it dumped waste.", []found{
		{"verb-before", "Velkor", "denies", "dumping waste", "deny"},
		{"verb-before", "Velkor", "denied", "it dumped waste", "deny"},
	}},
}

// TestRealCopy checks the constructions of real copy, which rule finds each
// candidate and what it finds.
func TestRealCopy(t *testing.T) {
	for _, tc := range realCopyCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{})
			require.NoError(t, err)
			got := make([]found, len(res.Candidates))
			for i, c := range res.Candidates {
				parts := make([]string, len(c.Content))
				for j, s := range c.Content {
					parts[j] = s.Exact
				}
				got[i] = found{c.Rule, c.Source.Exact, c.Cue.Exact, strings.Join(parts, " | "), c.Act.String()}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
