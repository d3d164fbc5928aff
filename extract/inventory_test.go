package extract_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
)

// TestInventory checks one sentence for each class of cue words taken from
// the published inventories (testdata/INVENTORY.md): that the lexicon has
// the class's words and that the rules read them in the frames they take.
func TestInventory(t *testing.T) {
	tests := []struct {
		class    string
		sentence string
		want     []found
	}{
		{"say", "The harbour master mentioned that the pier had been closed since March.", []found{
			{"verb-before", "The harbour master", "mentioned", "the pier had been closed since March", "assert"},
		}},
		{"say-proclaim", "The union proclaimed that the strike was over.", []found{
			{"verb-before", "The union", "proclaimed", "the strike was over", "assert"},
		}},
		{"say-reaffirm", "The ferry firm reaffirmed that the crossing was safe.", []found{
			{"verb-before", "The ferry firm", "reaffirmed", "the crossing was safe", "assert"},
		}},
		{"say-confess", "The mayor confessed that the budget had been overspent.", []found{
			{"verb-before", "The mayor", "confessed", "the budget had been overspent", "admit"},
		}},
		{"say-hint", "The councillor hinted that the vote could be delayed.", []found{
			{"verb-before", "The councillor", "hinted", "the vote could be delayed", "assert"},
		}},
		{"complain", "The fishermen lamented that the quotas were too low.", []found{
			{"verb-before", "The fishermen", "lamented", "the quotas were too low", "assert"},
		}},
		{"complain-boast", "The ferry operator boasted that its boats had never been late.", []found{
			{"verb-before", "The ferry operator", "boasted", "its boats had never been late", "assert"},
		}},
		{"response", "“We have nothing to hide,” the director retorted.", []found{
			{"verb-before", "the director", "retorted", "“We have nothing to hide,”", "deny"},
		}},
		{"advise", "The agency notified the shipowners that the channel would close.", []found{
			{"verb-before", "The agency", "notified", "the channel would close", "assert"},
		}},
		{"manner-of-speaking", "“Get off the pier,” the guard shouted.", []found{
			{"verb-before", "the guard", "shouted", "“Get off the pier,”", "assert"},
		}},
		{"judgment", "The opposition castigated the minister for the delays.", []found{
			{"verb-before", "The opposition", "castigated", "the minister for the delays", "accuse"},
		}},
		{"judgment-rebuke", "The auditor rebuked the port for losing the ledgers.", []found{
			{"verb-before", "The auditor", "rebuked", "the port for losing the ledgers", "accuse"},
		}},
		{"judgment-praise", "The council commended the crew for its courage.", []found{
			{"verb-before", "The council", "commended", "the crew for its courage", "assert"},
		}},
		{"judgment-passive-for", "The board was blamed for the losses at the harbour.", []found{
			{"is-said-to", "", "blamed", "The board | for the losses at the harbour", "accuse"},
		}},
		{"judgment-passive-criticised", "The navy was criticised for its slow response.", []found{
			{"is-said-to", "", "criticised", "The navy | for its slow response", "accuse"},
		}},
		{"affirm-or-deny", "The company disavowed the statement posted by a former manager.", []found{
			{"verb-before", "The company", "disavowed", "the statement posted by a former manager", "deny"},
		}},
		{"respond-to-proposal", "The party repudiated the deal signed by its leader.", []found{
			{"verb-before", "The party", "repudiated", "the deal signed by its leader", "reject"},
		}},
		{"retract", "The witness recanted his testimony.", []found{
			{"verb-before", "The witness", "recanted", "his testimony", "retract"},
		}},
		{"conjecture", "The engineers surmised that the crack had grown over the winter.", []found{
			{"verb-before", "The engineers", "surmised", "the crack had grown over the winter", "assert"},
		}},
		{"recommend", "The inspectors recommended that the bridge be closed.", []found{
			{"verb-before", "The inspectors", "recommended", "the bridge be closed", "urge"},
		}},
		{"noun-inside-content", "The minister dismissed the criticism that the port was badly run.", []found{
			{"verb-before", "The minister", "dismissed", "the criticism that the port was badly run", "reject"},
			{"noun", "", "criticism", "the port was badly run", "accuse"},
		}},
		{"noun-commitment", "The coastguard issued an ultimatum that the trawler leave the zone by noon.", []found{
			{"noun", "The coastguard", "ultimatum", "the trawler leave the zone by noon", "threaten"},
		}},
		{"adjective-certainty", "The traders remain sceptical that the new bridge will be finished this year.", []found{
			{"adjective", "The traders", "remain sceptical", "the new bridge will be finished this year", "question"},
		}},
		{"adjective-hopeful", "The governor said he was hopeful that the talks would resume.", []found{
			{"verb-before", "The governor", "said", "he was hopeful that the talks would resume", "assert"},
			{"adjective", "he", "hopeful", "the talks would resume", "assert"},
		}},
		// Words of the inventories left out of the lexicon, because news
		// copy mostly uses them for something else (INVENTORY.md).
		{"recall-an-envoy", "The government recalled its ambassador for consultations.", nil},
		{"agree-to", "The council agreed to lease the pier to the navy.", nil},
		{"answer-an-object", "The mayor answered the letter on Friday.", nil},
		{"repeat-as-adjective", "The ferry suffered repeated delays.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.class, func(t *testing.T) {
			res, err := extract.Extract(tc.sentence, extract.Options{})
			require.NoError(t, err)
			var got []found
			for _, c := range res.Candidates {
				parts := make([]string, len(c.Content))
				for k, p := range c.Content {
					parts[k] = p.Exact
				}
				got = append(got, found{c.Rule, c.SpeakerText.Exact, c.Cue.Exact, strings.Join(parts, " | "), c.Act.String()})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.sentence, diff)
			}
		})
	}
}
