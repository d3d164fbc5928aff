package extract_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
)

// actCases are sentences whose act comes from what the content says rather
// than from the cue, one or more per phrase kind, with sentences where the
// phrase must change nothing.
var actCases = []struct {
	name     string
	sentence string
	want     []string // the acts of the candidates, in order
}{
	{"never-accept-is-a-rejection", "“Halden will never accept this,” the mayor said.", []string{"reject"}},
	{"do-not-agree-is-a-rejection", "“We do not agree with the claim that the port was negligent,” said the harbour master.", []string{"accuse", "reject"}}, // the claim that a named party was negligent accuses
	{"disapproves-is-a-rejection", "The ministry said it strongly disapproves of the blockade.", []string{"reject"}},
	{"firmly-opposes-is-a-rejection", "The council said it firmly opposes the new tolls.", []string{"reject", "reject"}},
	{"accepted-is-no-rejection", "The mayor said the council had accepted the offer.", []string{"assert"}},
	{"unwarranted-is-a-dismissal", "The ferry firm said the accusations were unwarranted.", []string{"deny"}},
	{"not-correspond-is-a-denial", "The opposition said the published tallies do not correspond to the votes cast.", []string{"deny"}},
	{"serious-concerns", "The envoy said Ostria has serious concerns about the count.", []string{"concern"}},
	{"have-concerns-quoted", "“We have concerns that the count was rushed,” the envoy said.", []string{"concern", "concern"}},
	{"important-that-quoted", "“Now that the polls have closed, it is vitally important that every ballot is counted,” the envoy said.", []string{"urge"}},
	{"critical-that-quoted", "“It is critical that the tallies be published,” she said.", []string{"urge"}},
	{"readiness-is-a-pledge", "The ministry dismissed the report, expressing its readiness to cooperate with the inquiry.", []string{"deny", "pledge"}},
	{"doers-targeted-is-an-accusation", "Port officials said hackers targeted the harbour's billing system.", []string{"accuse"}},
	{"targeted-with-nobody-is-an-assertion", "The envoy said the ferry was targeted.", []string{"assert"}},
	{"slandering-is-an-accusation", "The mayor said the ferry firm had begun slandering the council.", []string{"accuse"}},
	{"overreacted-is-an-accusation", "The editorial said the council overreacted to the spill.", []string{"accuse"}},
	{"insisted-for-is-an-appeal", "Several governments have insisted for a recount in the port district.", []string{"urge"}},
	{"insisted-on-is-an-appeal", "The council insisted on an inquiry into the spill.", []string{"urge"}},
	{"insisted-that-is-an-assertion", "The council insisted that the spill was small.", []string{"assert"}},
	{"will-not-rest-is-a-pledge", "The governor said her office will not rest until the money is found.", []string{"pledge"}},
	{"accusation-is-lies", "The militia said the army's accusation over the blast is “lies”.", []string{"deny", "accuse"}},
	{"this-is-incorrect", "A spokesman for the militia said this is ‘completely incorrect’.", []string{"deny"}},
	{"described-as-lies", "The militia described as “lies” the army's accusations that it fired the rocket.", []string{"deny", "accuse"}},
	{"claims-are-wrong", "The ferry firm said the claims were wrong.", []string{"deny"}},
	{"incorrect-to-is-no-denial", "The coach said it was incorrect to blame the referee.", []string{"assert"}},
	{"figures-incorrect-is-no-denial", "The analyst said the figures are incorrect.", []string{"assert"}},
	{"nothing-whatsoever-to-do-with", "“This case has nothing whatsoever to do with politics,” the prosecutor said.", []string{"deny"}},
	{"never-ever-supplied", "The firm said it had never ever supplied the militia.", []string{"deny"}},
	{"we-have-seen-and-rejected", "“We have seen and rejected the statement of the prime minister,” the ministry said.", []string{"reject"}},
	{"we-have-rejected", "“We have rejected the offer,” the union said.", []string{"reject"}},
	{"we-have-said-is-an-assertion", "“We have said this many times,” the mayor said.", []string{"assert"}},
	{"lies-on-the-coast-is-no-denial", "The mayor said Orvik, which lies on the coast, was flooded.", []string{"assert"}},
}

// TestActs checks the act each content gives its assertion.
func TestActs(t *testing.T) {
	for _, tc := range actCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.sentence, extract.Options{})
			require.NoError(t, err)
			got := make([]string, len(res.Candidates))
			for i, c := range res.Candidates {
				got[i] = c.Act.String()
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) acts mismatch (-want +got):\n%s", tc.sentence, diff)
			}
		})
	}
}
