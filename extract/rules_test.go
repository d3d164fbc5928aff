package extract_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
)

// found is a candidate as the rule tests compare it: the rule, the texts of
// source, cue and content (pieces joined by " | "), and the act.
type found struct {
	Rule, Source, Cue, Content, Act string
}

// ruleCases hold at least one sentence per rule, in the order the rules
// are tried, with the shapes the package documentation and the matcher's
// comments give as examples.
var ruleCases = []struct {
	name     string
	sentence string
	want     []found
}{
	{"according-before", "According to the port authority, the cargo left on Friday.", []found{
		{"according-to", "the port authority", "According to", "the cargo left on Friday", "assert"},
	}},
	{"according-after-media", "The cargo left on Friday, according to the Harbour Gazette.", []found{
		{"according-to", "the Harbour Gazette", "according to", "The cargo left on Friday", "report"},
	}},
	{"according-to-a-denial", "According to the harbour governor, none of the missing cash entered the country.", []found{
		{"according-to", "the harbour governor", "According to", "none of the missing cash entered the country", "deny"},
	}},
	{"it-is-believed", "It is believed that the convoy crossed the border at night.", []found{
		{"it-is-believed", "", "It is believed", "the convoy crossed the border at night", "assert"},
	}},
	{"it-is-feared", "It is feared that the dam could give way.", []found{
		{"it-is-believed", "", "It is feared", "the dam could give way", "concern"},
	}},
	{"it-is-widely-assumed", "It is widely assumed that the convoy was turned back.", []found{
		{"it-is-believed", "", "It is widely assumed", "the convoy was turned back", "assert"},
	}},
	{"is-said-to", "The envoy is said to have met the rebels twice.", []found{
		{"is-said-to", "", "is said to", "The envoy | have met the rebels twice", "assert"},
	}},
	{"is-widely-believed-to", "The ferry, which was widely believed to be carrying fuel, sank off Orvik.", []found{
		{"is-said-to", "", "was widely believed to", "The ferry | be carrying fuel", "assert"},
	}},
	{"is-presumed-to-relative-that", "Divers reached the wreck that is presumed to hold the cargo.", []found{
		{"is-said-to", "", "is presumed to", "the wreck | hold the cargo", "assert"},
	}},
	{"was-reported-as", "The cause of the sinking was initially reported as a fire in the engine room.", []found{
		{"is-said-to", "", "was initially reported as", "The cause of the sinking | a fire in the engine room", "assert"},
	}},
	{"is-known-as", "The town is known as Orvik.", []found{}},
	{"was-accused-of", "The harbour master was accused of taking bribes.", []found{
		{"is-said-to", "", "accused", "The harbour master | of taking bribes", "accuse"},
	}},
	{"declined-to-comment", "The embassy declined to comment.", []found{
		{"non-response", "The embassy", "declined to comment", "", "decline-comment"},
	}},
	{"did-not-respond", "The ministry did not immediately respond to a request for comment.", []found{
		{"non-response", "The ministry", "did not immediately respond", "", "decline-comment"},
	}},
	{"could-not-be-reached", "Velkor could not be reached.", []found{
		{"non-response", "Velkor", "could not be reached", "", "decline-comment"},
	}},
	{"had-no-comment", "The shipping firm had no comment.", []found{
		{"non-response", "The shipping firm", "had no comment", "", "decline-comment"},
	}},
	{"neither-nor-responded", "Neither the harbour master nor the navy responded to requests for comment.", []found{
		{"non-response", "the harbour master", "responded", "", "decline-comment"},
		{"non-response", "the navy", "responded", "", "decline-comment"},
	}},
	{"pleaded-not-guilty", "The captain pleaded not guilty to two smuggling charges.", []found{
		{"not-guilty-plea", "The captain", "pleaded not guilty", "to two smuggling charges", "deny"},
	}},
	{"alleged-quoted-noun", "The port's alleged “cover-up” angered residents.", []found{
		{"alleged-noun", "", "alleged", "“cover-up”", "accuse"},
	}},
	{"alleged-noun", "Guards seized the alleged arms shipment at the port.", []found{
		{"alleged-noun", "", "alleged", "arms shipment", "accuse"},
	}},
	{"learned-from", "The ministry learned from the coastguard that the ferry had sunk.", []found{
		{"learned-from", "the coastguard", "learned from", "the ferry had sunk", "assert"},
	}},
	{"heard-from", "Reporters heard from two port officials that the cargo had been moved.", []found{
		{"learned-from", "two port officials", "heard from", "the cargo had been moved", "assert"},
	}},
	{"learned-from-no-that", "The crew learned from its mistakes and sailed on.", []found{}},
	{"verb-before", "The mayor said the bridge would reopen in June.", []found{
		{"verb-before", "The mayor", "said", "the bridge would reopen in June", "assert"},
	}},
	{"verb-around-quote", "“The bridge is safe,” the mayor said, “and it will stay open.”", []found{
		{"verb-before", "the mayor", "said", "“The bridge is safe,” | “and it will stay open.”", "assert"},
	}},
	{"verb-parenthetical", "Several of the invoices, the auditor noted, match the shipments.", []found{
		{"verb-before", "the auditor", "noted", "Several of the invoices | match the shipments", "assert"},
	}},
	{"verb-relative", "The firm, which denied wrongdoing, would appeal the ruling.", []found{
		{"verb-before", "The firm", "denied", "wrongdoing", "deny"},
	}},
	{"verb-own-future", "The coach said his team would win the final.", []found{
		{"verb-before", "The coach", "said", "his team would win the final", "pledge"},
	}},
	{"verb-media", "The state broadcaster reported that the talks had stalled.", []found{
		{"verb-before", "The state broadcaster", "reported", "the talks had stalled", "report"},
	}},
	{"phrasal-called-on", "The senator called on the agency to release the files.", []found{
		{"verb-before", "The senator", "called on", "the agency to release the files", "urge"},
	}},
	{"phrasal-expressed-concern", "The senator expressed deep concern about the delays.", []found{
		{"verb-before", "The senator", "expressed deep concern", "about the delays", "concern"},
	}},
	{"phrasal-cast-doubt", "The auditors cast doubt on the figures.", []found{
		{"verb-before", "The auditors", "cast doubt on", "the figures", "question"},
	}},
	{"called-a-fabrication", "The council called the claims a fabrication.", []found{
		{"verb-before", "The council", "called", "the claims a fabrication", "deny"},
	}},
	{"verb-trailing-present", "“The ferry left on time,” the harbour master says.", []found{
		{"verb-before", "the harbour master", "says", "“The ferry left on time,”", "assert"},
	}},
	{"verb-statement-reads", "“The ferry left on time,” the statement reads.", []found{
		{"verb-before", "the statement", "reads", "“The ferry left on time,”", "assert"},
	}},
	{"verb-reads-colon", "The notice reads: “The ferry is cancelled.”", []found{
		{"verb-before", "The notice", "reads", "“The ferry is cancelled.”", "assert"},
	}},
	{"verb-reads-a-report", "She reads the harbour report every morning.", []found{}},
	{"verb-plural-noun-subject", "Several engineering reports point out that the bridge is unsafe.", []found{
		{"verb-before", "Several engineering reports", "point out", "the bridge is unsafe", "assert"},
	}},
	{"verb-posted-that", "The mayor posted that the bridge was closed.", []found{
		{"verb-before", "The mayor", "posted", "the bridge was closed", "assert"},
	}},
	{"verb-attested-to", "Ledgers that attested to large deposits were found.", []found{
		{"verb-before", "Ledgers", "attested to", "large deposits were found", "assert"},
	}},
	{"coordinated-after-no-cue", "The skater is chasing a second title but admitted she had been tired.", []found{
		{"coordinated", "The skater", "admitted", "she had been tired", "admit"},
	}},
	{"verb-after", "“The bridge is safe,” said the mayor.", []found{
		{"verb-after", "the mayor", "said", "“The bridge is safe,”", "assert"},
	}},
	{"nested", "The ministry denied the report, the Harbour Gazette said.", []found{
		{"verb-before", "The ministry", "denied", "the report", "deny"},
		{"verb-before", "the Harbour Gazette", "said", "The ministry denied the report", "assert"},
	}},
	{"verb-said-the-same", "The ministry denied the report. Spokespeople for the port authority and the coastguard said the same.", []found{
		{"verb-before", "The ministry", "denied", "the report", "deny"},
		{"verb-before", "the port authority", "said", "the same", "deny"},
		{"verb-before", "the coastguard", "said", "the same", "deny"},
	}},
	{"verb-both-after-pair", "Halden Bank and Orvik Bank examined the ledgers. Both concluded that the money had never arrived.", []found{
		{"verb-before", "Both", "concluded", "the money had never arrived", "assert"},
		{"verb-before", "Both", "concluded", "the money had never arrived", "assert"},
	}},
	{"verb-quoted-performative-reject", "“We reject this ultimatum,” the minister said.", []found{
		{"verb-before", "the minister", "said", "“We reject this ultimatum,”", "reject"},
	}},
	{"verb-quoted-performative-demand", "“We demand that the crew be released at once,” she told reporters.", []found{
		{"verb-before", "she", "told", "“We demand that the crew be released at once,”", "urge"},
	}},
	{"verb-quoted-performative-adverb", "“We strongly condemn this attack,” the envoy said.", []found{
		{"verb-before", "the envoy", "said", "“We strongly condemn this attack,”", "accuse"},
	}},
	{"verb-referred-to-as", "The coastguard referred to the collision as an accident.", []found{
		{"verb-before", "The coastguard", "referred to", "the collision as an accident", "assert"},
	}},
	{"verb-referred-to-no-as", "The bill was referred to the committee.", []found{}},
	{"verb-said-to-reporters", "“No money entered the country,” Harbour Agency (HA) Governor Anna Holm said to reporters on Sunday.", []found{
		{"verb-before", "Harbour Agency (HA) Governor Anna Holm", "said", "“No money entered the country,”", "deny"},
	}},
	{"verb-found-that", "Auditors found that the ledgers had been altered.", []found{
		{"verb-before", "Auditors", "found", "the ledgers had been altered", "assert"},
	}},
	{"verb-found-a-clause", "The court found he had no prior knowledge of the plan.", []found{
		{"verb-before", "The court", "found", "he had no prior knowledge of the plan", "deny"},
	}},
	{"verb-found-a-thing", "Customs officers found undeclared cargo on board.", []found{}},
	{"verb-held-that", "The tribunal held that the port had acted lawfully.", []found{
		{"verb-before", "The tribunal", "held", "the port had acted lawfully", "assert"},
	}},
	{"verb-holds-responsible", "The council holds the contractor responsible for the collapse.", []found{
		{"verb-before", "The council", "holds", "the contractor responsible for the collapse", "accuse"},
	}},
	{"verb-held-a-meeting", "The council held a meeting on Tuesday.", []found{}},
	{"verb-proved-that", "Tests on the hull proved that the ferry had been overloaded.", []found{
		{"verb-before", "Tests on the hull", "proved", "the ferry had been overloaded", "assert"},
	}},
	{"verb-proved-fatal", "The delay proved fatal for the crew.", []found{}},
	{"verb-pointed-to", "Investigators pointed to a faulty valve as the cause.", []found{
		{"verb-before", "Investigators", "pointed to", "a faulty valve as the cause", "assert"},
	}},
	{"verb-determined-that", "The inquiry determined that the pilot had been tired.", []found{
		{"verb-before", "The inquiry", "determined", "the pilot had been tired", "assert"},
	}},
	{"verb-to-determine", "Divers are working to determine the cause of the sinking.", []found{}},
	{"verb-sought", "Prosecutors sought ten-year sentences for the smugglers.", []found{
		{"verb-before", "Prosecutors", "sought", "ten-year sentences for the smugglers", "urge"},
	}},
	{"verb-sought-to", "The mayor sought to calm residents.", []found{}},
	{"verb-linked-to-after-noun", "The court jailed two men linked to the smuggling ring.", []found{}},
	{"verb-found-no-evidence", "Regulators found no evidence that the banks held the money.", []found{
		{"verb-before", "Regulators", "found", "no evidence that the banks held the money", "deny"},
	}},
	{"verb-content-ends-at-a-named-clause", "A navy spokesman called the allegations ridiculous and Anna Holm, the head of the port authority, said the ship had left.", []found{
		{"verb-before", "A navy spokesman", "called", "the allegations ridiculous", "deny"},
		{"verb-before", "Anna Holm", "said", "the ship had left", "assert"},
	}},
	{"verb-deny-a-fact", "The port authority dismissed the reports as groundless.", []found{
		{"verb-before", "The port authority", "dismissed", "the reports as groundless", "deny"},
	}},
	{"verb-reject-a-demand", "The port authority dismissed calls for an inquiry.", []found{
		{"verb-before", "The port authority", "dismissed", "calls for an inquiry", "reject"},
	}},
	{"verb-reject-a-forecast", "The minister dismissed the forecast as wishful thinking.", []found{
		{"verb-before", "The minister", "dismissed", "the forecast as wishful thinking", "reject"},
	}},
	{"verb-rejected-says-so", "The ministry rejected the accusations.", []found{
		{"verb-before", "The ministry", "rejected", "the accusations", "reject"},
	}},
	{"coordinated-and", "The minister denied the report and urged calm.", []found{
		{"verb-before", "The minister", "denied", "the report", "deny"},
		{"coordinated", "The minister", "urged", "calm", "urge"},
	}},
	{"coordinated-comma", "Ostrava Mining denies spill, calls reports false", []found{
		{"verb-before", "Ostrava Mining", "denies", "spill", "deny"},
		{"coordinated", "Ostrava Mining", "calls", "reports false", "deny"},
	}},
	{"passive-by", "The findings were announced on Wednesday by the harbour master.", []found{
		{"passive", "the harbour master", "announced", "The findings", "assert"},
	}},
	{"passive-by-as", "The plan was criticised by two councillors as reckless.", []found{
		{"passive", "two councillors", "criticised", "The plan | as reckless", "accuse"},
	}},
	{"passive-told-by", "The mayor was told by the engineers that the bridge was unsafe.", []found{
		{"passive", "the engineers", "told", "the bridge was unsafe", "assert"},
	}},
	{"passive-reported-in-media", "The ferry has been reported in local media as too small for the route.", []found{
		{"passive", "local media", "reported", "The ferry | as too small for the route", "report"},
	}},
	{"passive-by-ends-in-of", "The plan was criticised by the head of", []found{
		{"passive", "the head", "criticised", "The plan | of", "accuse"},
	}},
	{"passive-no-agent", "The plan was announced on Friday.", []found{}},
	{"passive-by-a-time", "The result will be announced by Friday.", []found{}},
	{"passive-weak-verb-alone", "The wreck was found by divers.", []found{}},
	{"relative-that", "The banks said clerks created records that showed deposits of two billion.", []found{
		{"verb-before", "The banks", "said", "clerks created records that showed deposits of two billion", "assert"},
		{"verb-before", "records", "showed", "deposits of two billion", "assert"},
	}},
	{"relative-that-quote-before", "The auditors examined “spurious” papers that showed deposits.", []found{
		{"verb-before", "papers", "showed", "deposits", "assert"},
	}},
	{"relative-that-not-after-a-verb", "The mayor said that showed the plan had failed.", []found{
		{"verb-before", "The mayor", "said", "showed the plan had failed", "assert"},
	}},
	{"relative-that-non-response", "A tanker that did not answer radio calls was boarded.", []found{}},
	{"participle", "The governor appeared on television, urging residents to leave the coast.", []found{
		{"participle", "The governor", "urging", "residents to leave the coast", "urge"},
	}},
	{"participle-after-quote-comma", "The council said the plan was “a disaster,” adding that the mayor should resign.", []found{
		{"verb-before", "The council", "said", "the plan was “a disaster,”", "assert"},
		{"participle", "The council", "adding", "the mayor should resign", "urge"},
	}},
	{"participle-after-while", "The council praised the harbour master while accusing the navy of ignoring the warnings.", []found{
		{"verb-before", "The council", "praised", "the harbour master", "assert"},
		{"participle", "The council", "accusing", "the navy of ignoring the warnings", "accuse"},
	}},
	{"participle-after-while-no-source", "Ferries kept sailing while warning passengers of delays.", []found{}},
	{"participle-subject-before-aside", "The governor, for her part, tried to calm traders, reiterating that the banks were sound.", []found{
		{"participle", "The governor", "reiterating", "the banks were sound", "assert"},
	}},
	{"embedded-participle-statement", "A statement from the port authority saying the ferry had sunk was posted at noon.", []found{
		{"embedded-participle", "the port authority", "saying", "the ferry had sunk was posted at noon", "assert"},
	}},
	{"embedded-participle-no-speaker", "The crowd kept chanting slogans saying nothing new.", []found{}},
	{"embedded-participle-put-out", "The port authority put out a statement saying the ferry had sunk.", []found{
		{"noun", "The port authority", "statement", "", "assert"},
		{"embedded-participle", "a statement", "saying", "the ferry had sunk", "assert"},
	}},
	{"embedded-participle-others-paper", "The port authority received a letter saying the ferry had sunk.", []found{
		{"embedded-participle", "a letter", "saying", "the ferry had sunk", "assert"},
	}},
	{"embedded-participle", "The agency cited new data suggesting that the outbreak had peaked.", []found{
		{"embedded-participle", "new data", "suggesting", "the outbreak had peaked", "assert"},
	}},
	{"embedded-participle-with", "Velkor denied the report, with its spokesman Piet Amsel calling it a smear.", []found{
		{"verb-before", "Velkor", "denied", "the report", "deny"},
		{"embedded-participle", "its spokesman Piet Amsel", "calling", "it a smear", "deny"},
	}},
	{"noun-that", "The allegation that the mayor took bribes surfaced last week.", []found{
		{"noun", "", "allegation", "the mayor took bribes", "accuse"},
	}},
	{"noun-possessive", "Harlow's denial of the payments came within hours.", []found{
		{"noun", "Harlow's", "denial", "of the payments", "deny"},
	}},
	{"noun-possessive-against", "The governor's allegations against the port were rejected.", []found{
		{"noun", "The governor's", "allegations", "against the port", "accuse"},
	}},
	{"noun-agentless-of", "Allegations of the port's involvement in the smuggling are absurd, the ministry said.", []found{
		{"noun", "", "Allegations", "of the port's involvement in the smuggling", "accuse"},
		{"verb-before", "the ministry", "said", "Allegations of the port's involvement in the smuggling are absurd", "deny"},
	}},
	{"noun-agentless-linking", "The minister rejected allegations linking the port to the smuggling.", []found{
		{"verb-before", "The minister", "rejected", "allegations linking the port to the smuggling", "reject"},
		{"noun", "", "allegations", "linking the port to the smuggling", "accuse"},
	}},
	{"noun-agentless-about", "The council faced criticism over its handling of the funds.", []found{
		{"noun", "", "criticism", "over its handling of the funds", "accuse"},
	}},
	{"noun-in-charge-of", "The clerk was in charge of the ledgers.", []found{}},
	{"noun-possessive-no-content", "Harlow's denial came within hours.", []found{
		{"noun", "Harlow's", "denial", "", "deny"},
	}},
	{"noun-possessive-lower-case", "The minister's remark that the port was safe drew criticism.", []found{
		{"noun", "The minister's", "remark", "the port was safe", "assert"},
	}},
	{"noun-possessive-then-cue-verb", "Holm's statement stressed that the port was safe.", []found{
		{"verb-before", "Holm's statement", "stressed", "the port was safe", "assert"},
	}},
	{"noun-possessive-compound", "The ministry's report card was poor.", []found{}},
	{"noun-possessive-object", "The mayor answered Holm's statement on Friday.", []found{}},
	{"noun-from", "A warning from the regulator that prices would rise unsettled markets.", []found{
		{"noun", "the regulator", "warning", "prices would rise", "warn"},
	}},
	{"noun-suspicions-grew-that", "Suspicions grew that the harbour master had lied.", []found{
		{"noun", "", "Suspicions", "the harbour master had lied", "accuse"},
	}},
	{"noun-on-suspicion-of", "The clerk was arrested on suspicion of fraud.", []found{
		{"noun", "", "suspicion", "fraud", "accuse"},
	}},
	{"noun-grew-no-clause", "The fears grew louder.", []found{}},
	{"noun-suspicion-fallen-on", "Suspicion has fallen on the harbour master.", []found{
		{"noun", "", "Suspicion", "the harbour master", "accuse"},
	}},
	{"noun-made-by", "The ministry rejected the accusations made by the port authority regarding the missing fuel.", []found{
		{"verb-before", "The ministry", "rejected", "the accusations made by the port authority regarding the missing fuel", "reject"},
		{"noun", "the port authority", "accusations", "regarding the missing fuel", "accuse"},
	}},
	{"noun-light-verb", "The union has issued a stern warning.", []found{
		{"noun", "The union", "warning", "", "warn"},
	}},
	{"adjective", "The union remains concerned that the plant will close.", []found{
		{"adjective", "The union", "remains concerned", "the plant will close", "concern"},
	}},
	{"reportedly", "The tanker reportedly switched off its transponder.", []found{
		{"agentless-adverb", "", "reportedly", "The tanker | switched off its transponder", "assert"},
	}},
	{"allegedly", "The tanker allegedly carried fuel to the rebels.", []found{
		{"agentless-adverb", "", "allegedly", "The tanker | carried fuel to the rebels", "accuse"},
	}},
	{"relay-aside", "The Harbour Gazette, citing two port officials, reported that the ferry had been seized.", []found{
		{"verb-before", "The Harbour Gazette", "reported", "the ferry had been seized", "report"},
		{"relay", "two port officials", "citing", "the ferry had been seized", "assert"},
	}},
	{"relay-trailing", "The ferry was seized at dawn, the Harbour Gazette reported, citing a coastguard spokesman.", []found{
		{"verb-before", "the Harbour Gazette", "reported", "The ferry was seized at dawn", "report"},
		{"relay", "a coastguard spokesman", "citing", "The ferry was seized at dawn", "assert"},
	}},
	{"relay-according-to", "According to the Harbour Gazette, citing people familiar with the inquiry, the ferry was seized at dawn.", []found{
		{"according-to", "the Harbour Gazette", "According to", "the ferry was seized at dawn", "report"},
		{"relay", "people familiar with the inquiry", "citing", "the ferry was seized at dawn", "assert"},
	}},
	{"relay-quoting", "Radio Norden quoting the port authority said the crew had been freed.", []found{
		{"verb-before", "Radio Norden", "said", "the crew had been freed", "assert"},
		{"relay", "the port authority", "quoting", "the crew had been freed", "assert"},
	}},
	{"relay-act-of-content", "The broadcaster, quoting the harbour authority, said the report was a fabrication.", []found{
		{"verb-before", "The broadcaster", "said", "the report was a fabrication", "deny"},
		{"relay", "the harbour authority", "quoting", "the report was a fabrication", "deny"},
	}},
	{"citing-a-reason", "The mayor denied the report, citing safety concerns for residents.", []found{
		{"verb-before", "The mayor", "denied", "the report", "deny"},
	}},
	{"trailer-after-briefing", "The ferry was seized at dawn, the spokesman said at a briefing on Tuesday, the agency reported.", []found{
		{"verb-before", "the spokesman", "said", "The ferry was seized at dawn", "assert"},
		{"verb-before", "the agency", "reported", "The ferry was seized at dawn, the spokesman said at a briefing on Tuesday", "report"},
	}},
}

// founds returns what a result found, compactly: each candidate's rule,
// source, cue, content pieces joined by " | ", and act.
func founds(res *extract.Result) []found {
	got := make([]found, len(res.Candidates))
	for i, c := range res.Candidates {
		parts := make([]string, len(c.Content))
		for j, s := range c.Content {
			parts[j] = s.Exact
		}
		got[i] = found{c.Rule, c.SpeakerText.Exact, c.Cue.Exact, strings.Join(parts, " | "), c.Act.String()}
	}
	return got
}

// TestRules checks each rule on its sentences: which rule finds each
// candidate, and what it finds.
func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.sentence, extract.Options{})
			require.NoError(t, err)
			got := founds(res)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.sentence, diff)
			}
		})
	}
}

// TestRuleOrder checks that the rule table is in the order the package
// documentation gives.
func TestRuleOrder(t *testing.T) {
	want := []string{
		"according-to", "it-is-believed", "is-said-to", "non-response", "not-guilty-plea",
		"alleged-noun", "learned-from", "passive", "participle", "embedded-participle", "coordinated", "verb-before", "verb-after",
		"noun", "adjective", "agentless-adverb", "relay",
	}
	if diff := cmp.Diff(want, extract.RuleNames); diff != "" {
		t.Errorf("RuleNames mismatch (-want +got):\n%s", diff)
	}
}

// TestRulesCovered checks that every rule has a sentence in ruleCases, and
// that the cases name no rule the extractor does not have.
func TestRulesCovered(t *testing.T) {
	seen := make(map[string]bool)
	for _, tc := range ruleCases {
		for _, w := range tc.want {
			seen[w.Rule] = true
		}
	}
	for _, r := range extract.RuleNames {
		assert.True(t, seen[r], "rule %q has no sentence in ruleCases", r)
		delete(seen, r)
	}
	assert.Empty(t, seen, "ruleCases name rules the extractor does not have")
}
