package extract_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
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
	{"tweeted", "The mayor tweeted that the bridge would stay closed.", []found{
		{"verb-before", "The mayor", "tweeted", "the bridge would stay closed", "assert"},
	}},
	{"posted-on", "The minister posted on X that the border was calm.", []found{
		{"verb-before", "The minister", "posted on X", "the border was calm", "assert"},
	}},
	{"posted-on-page", "The mayor posted on her Facebook page that the bridge was safe.", []found{
		{"verb-before", "The mayor", "posted on her Facebook page", "the bridge was safe", "assert"},
	}},
	{"posted-not-a-cue", "The ferry firm posted a loss.", []found{}},
	{"blasted-as", "The ministry blasted the decision as reckless.", []found{
		{"verb-before", "The ministry", "blasted", "the decision as reckless", "accuse"},
	}},
	{"branded-a-hoax", "The council branded the reports a hoax.", []found{
		{"verb-before", "The council", "branded", "the reports a hoax", "deny"},
	}},
	{"suspect", "Investigators suspect the warehouse fire was set deliberately.", []found{
		{"verb-before", "Investigators", "suspect", "the warehouse fire was set deliberately", "accuse"},
	}},
	{"speculated", "Analysts speculated that the merger would collapse.", []found{
		{"verb-before", "Analysts", "speculated", "the merger would collapse", "assert"},
	}},
	{"wondered", "He wondered whether the figures were right.", []found{
		{"verb-before", "He", "wondered", "whether the figures were right", "question"},
	}},
	{"hits-back", "Velkor hits back at critics over spill", []found{
		{"verb-before", "Velkor", "hits back at", "critics over spill", "reject"},
	}},
	{"ruled-out", "The port authority ruled out any involvement in the collision.", []found{
		{"verb-before", "The port authority", "ruled out", "any involvement in the collision", "deny"},
	}},
	{"stopped-short-of", "The minister stopped short of blaming the contractor.", []found{}},
	{"plural-head-phrase", "Other agencies within the port authority believe the leak happened naturally.", []found{
		{"verb-before", "Other agencies within the port authority", "believe", "the leak happened naturally", "assert"},
	}},
	{"plural-head-in-question", "The logs match the figures for the dates in question.", []found{}},
	{"has-questions-to-answer", "Velkor has questions to answer about the spill, the minister said.", []found{
		{"verb-before", "the minister", "said", "Velkor has questions to answer about the spill", "assert"},
	}},
	{"attention-turned-to", "After the spill, attention turned to Velkor, whose tanker had left the port that night.", []found{
		{"noun", "", "attention", "Velkor, whose tanker had left the port that night", "accuse"},
	}},
	{"report-turned-to", "The report turned to the question of funding.", []found{}},
	{"on-the-assumption", "Police are working on the assumption that the fire was set deliberately.", []found{
		{"noun", "Police", "assumption", "the fire was set deliberately", "assert"},
	}},
	{"report-in-media", "Officials cited a report in the Harbour Times that the mayor had resigned.", []found{
		{"noun", "the Harbour Times", "report", "the mayor had resigned", "report"},
	}},
	// A place is no medium: no speaker, and no content read past it.
	{"report-in-place", "Officials cited a report in the capital that the mayor had resigned.", []found{}},
	{"joined-in", "Canada and Norland were among those to join Westland in accusing Ostrian hackers of sabotage.", []found{
		{"participle", "Canada", "accusing", "Ostrian hackers of sabotage", "accuse"},
		{"participle", "Norland", "accusing", "Ostrian hackers of sabotage", "accuse"},
		{"participle", "Westland", "accusing", "Ostrian hackers of sabotage", "accuse"},
	}},
	{"joined-by", "On Monday, Norland joined Westland and other allies by formally blaming Ostrian hackers for the attacks.", []found{
		{"participle", "Norland", "blaming", "Ostrian hackers for the attacks", "accuse"},
		{"participle", "Westland", "blaming", "Ostrian hackers for the attacks", "accuse"},
		{"participle", "other allies", "blaming", "Ostrian hackers for the attacks", "accuse"},
	}},
	{"joined-no-participle", "Norland joined the talks in Geneva.", []found{}},
	{"even-itself", "Even the port authority itself said the channel was unsafe.", []found{
		{"verb-before", "the port authority", "said", "the channel was unsafe", "assert"},
	}},
	{"themselves", "The ministers themselves denied that the deal was signed.", []found{
		{"verb-before", "The ministers", "denied", "the deal was signed", "deny"},
	}},
	{"almost-adverb", "Norland has almost seamlessly linked the spill to the navy.", []found{
		{"verb-before", "Norland", "linked", "the spill to the navy", "accuse"},
	}},
	{"only-adverb", "The port authority only denied that the ferry had left early.", []found{
		{"verb-before", "The port authority", "denied", "the ferry had left early", "deny"},
	}},
	{"progressive", "Norland is rejecting calls to close the port.", []found{
		{"verb-before", "Norland", "rejecting", "calls to close the port", "reject"},
	}},
	{"progressive-adverb", "The harbour master has been firmly denying that the ferry left early.", []found{
		{"verb-before", "The harbour master", "denying", "the ferry left early", "deny"},
	}},
	{"progressive-future", "The ministry will be announcing the results on Friday.", []found{}},
	{"serial-comma", "The Port Authority, Velkor, and the coastguard claimed that the channel was closed.", []found{
		{"verb-before", "The Port Authority", "claimed", "the channel was closed", "assert"},
		{"verb-before", "Velkor", "claimed", "the channel was closed", "assert"},
		{"verb-before", "the coastguard", "claimed", "the channel was closed", "assert"},
	}},
	{"serial-comma-lower", "The report, its annex, and the minister claimed that the channel was closed.", []found{
		{"verb-before", "the minister", "claimed", "the channel was closed", "assert"},
	}},
	{"abbreviation-appositive", "The director of the Harbour Agency (HA), Mira Sol, said that the channel was clear.", []found{
		{"verb-before", "The director of the Harbour Agency (HA)", "said", "the channel was clear", "assert"},
	}},
	{"abbreviation-aside", "The Harbour Agency (HA) announced that the channel was clear.", []found{
		{"verb-before", "The Harbour Agency (HA)", "announced", "the channel was clear", "assert"},
	}},
	{"abbreviation-after-clause", "The port reopened after the Harbour Agency (HA) announced that the channel was clear.", []found{
		{"verb-before", "the Harbour Agency (HA)", "announced", "the channel was clear", "assert"},
	}},
	{"participle-of-noun", "Tamm passed the checks after the result announced on Monday, including one in Orvik, the Harbour Agency has said.", []found{
		{"verb-before", "the Harbour Agency", "said", "Tamm passed the checks after the result announced on Monday, including one in Orvik", "assert"},
	}},
	{"comma-aside-then-that", "The ministry said, in a brief note, that the ferry was safe.", []found{
		{"verb-before", "The ministry", "said", "the ferry was safe", "assert"},
	}},
	{"obligation-of-other", "The council said the ferry firm must explain what happened.", []found{
		{"verb-before", "The council", "said", "the ferry firm must explain what happened", "urge"},
	}},
	{"obligation-own", "“We must finish the bridge,” the mayor said.", []found{
		{"verb-before", "the mayor", "said", "“We must finish the bridge,”", "assert"},
	}},
	{"obligation-past-guess", "The mayor said the firm must have known.", []found{
		{"verb-before", "The mayor", "said", "the firm must have known", "assert"},
	}},
	{"obligation-should-not-have", "“Travellers should not have to wait this long,” the mayor said.", []found{
		{"verb-before", "the mayor", "said", "“Travellers should not have to wait this long,”", "assert"},
	}},
	{"performative-inside-quote", "“The figures are late, and we urge the board to publish them,” the mayor said.", []found{
		{"verb-before", "the mayor", "said", "“The figures are late, and we urge the board to publish them,”", "urge"},
	}},
	{"on-someones-orders", "His aides say the fire was set on the governor's orders.", []found{
		{"verb-before", "His aides", "say", "the fire was set on the governor's orders", "accuse"},
	}},
	{"irregularities", "The auditors said there were irregularities in the accounts.", []found{
		{"verb-before", "The auditors", "said", "there were irregularities in the accounts", "accuse"},
	}},
	{"called-quote", "The mayor called the closure “an act of sabotage”.", []found{
		{"verb-before", "The mayor", "called", "the closure “an act of sabotage”", "accuse"},
	}},
	{"called-a", "The union called the pay offer a provocation.", []found{
		{"verb-before", "The union", "called", "the pay offer a provocation", "accuse"},
	}},
	{"called-claim", "The ministry called the report “a tale”.", []found{
		{"verb-before", "The ministry", "called", "the report “a tale”", "deny"},
	}},
	{"called-pronoun", "The ministry denied the reports, calling them “a tale”.", []found{
		{"verb-before", "The ministry", "denied", "the reports", "deny"},
	}},
	{"called-a-meeting", "The mayor called a meeting for Tuesday.", []found{}},
	{"called-that-quoted", "The foreign secretary called that “a reckless pattern of behaviour”.", []found{
		// The content reader takes "that" for a conjunction and leaves it out.
		{"verb-before", "The foreign secretary", "called", "“a reckless pattern of behaviour”", "accuse"},
	}},
	{"called-it-dismissal", "The port authority called it “a fabrication”.", []found{
		{"verb-before", "The port authority", "called", "it “a fabrication”", "deny"},
	}},
	{"called-it-unquoted", "The port authority called it off.", []found{}},
	{"alleged-noun", "A patrol boat stopped the alleged smuggling ship off Orvik.", []found{
		{"alleged-noun", "", "alleged", "smuggling ship", "accuse"},
	}},
	{"alleged-heading", "Suspected arms depot spotted near Tamm", []found{
		{"alleged-noun", "", "Suspected", "arms depot", "accuse"},
	}},
	{"alleged-verb", "The council alleged that the ship was smuggling fuel.", []found{
		{"verb-before", "The council", "alleged", "the ship was smuggling fuel", "accuse"},
	}},
	{"said-name-of", "“We want to give the prize to the right team,” said Marten of the decision to delay the ceremony.", []found{
		{"verb-after", "Marten", "said", "“We want to give the prize to the right team,”", "assert"},
	}},
	{"said-head-of", "“The dam is safe,” said the head of the water board.", []found{
		{"verb-after", "the head of the water board", "said", "“The dam is safe,”", "assert"},
	}},
	{"dash-aside", "The Rail Board — acting for the council — said it would appeal the ruling.", []found{
		{"verb-before", "The Rail Board", "said", "it would appeal the ruling", "pledge"},
	}},
	{"refrained-from", "The regulator refrained from accusing the bank.", []found{}},
	{"made-no-comment", "The embassy made no comment.", []found{
		{"non-response", "The embassy", "made no comment", "", "decline-comment"},
	}},
	{"not-available-for-comment", "The mayor was not available for comment.", []found{
		{"non-response", "The mayor", "was not available for comment", "", "decline-comment"},
	}},
	{"nothing-to-do-with-us", "“This has nothing to do with us,” the spokesman said.", []found{
		{"verb-before", "the spokesman", "said", "“This has nothing to do with us,”", "deny"},
	}},
	{"absolute-lie", "The spokesman said the story was an absolute lie.", []found{
		{"verb-before", "The spokesman", "said", "the story was an absolute lie", "deny"},
	}},
	{"lies-as-verb", "The mayor said the town lies below the dam.", []found{
		{"verb-before", "The mayor", "said", "the town lies below the dam", "assert"},
	}},
	{"own-side-negated", "The company said it was not involved in the spill.", []found{
		{"verb-before", "The company", "said", "it was not involved in the spill", "deny"},
	}},
	{"own-side-never", "The bank said it had never held funds for the firm.", []found{
		{"verb-before", "The bank", "said", "it had never held funds for the firm", "deny"},
	}},
	{"none-of", "The regulator said none of the money had left the country.", []found{
		{"verb-before", "The regulator", "said", "none of the money had left the country", "deny"},
	}},
	{"no-after-that", "The governor said the early finding is that no cash left the vault.", []found{
		{"verb-before", "The governor", "said", "the early finding is that no cash left the vault", "deny"},
		{"noun", "", "finding", "no cash left the vault", "deny"},
	}},
	{"noun-is-that", "The first report is that no fuel left the port.", []found{
		{"noun", "", "report", "no fuel left the port", "deny"},
	}},
	{"noun-is-that-quoted", "“The first report is that no fuel left the port and that the firm lost nothing,” the mayor said.", []found{
		{"noun", "", "report", "no fuel left the port and that the firm lost nothing", "deny"},
		{"verb-before", "the mayor", "said", "“The first report is that no fuel left the port and that the firm lost nothing,”", "deny"},
	}},
	{"noun-that-quoted", "“We do not accept the claim that the port hid the spill,” the mayor said.", []found{
		{"noun", "", "claim", "the port hid the spill", "assert"},
		{"verb-before", "the mayor", "said", "“We do not accept the claim that the port hid the spill,”", "deny"},
	}},
	{"noun-quoted-no-clause", "“The report was late,” the mayor said.", []found{
		{"verb-before", "the mayor", "said", "“The report was late,”", "assert"},
	}},
	{"noun-possessive-is-that", "The Harbour Agency's initial assessment is that the dam held.", []found{
		{"noun", "The Harbour Agency's", "assessment", "the dam held", "assert"},
	}},
	{"theory-is-that", "A leading theory is that the ferry hit a reef.", []found{
		{"noun", "", "theory", "the ferry hit a reef", "assert"},
	}},
	{"noun-that-left-out", "The port rejected accusations it was behind the spill.", []found{
		{"verb-before", "The port", "rejected", "accusations it was behind the spill", "reject"},
		{"noun", "", "accusations", "it was behind the spill", "accuse"},
	}},
	// A claim of fact turned down by a verb that does not say it rejects
	// is denied, as the gold guidelines' "Deny or reject" has it; a
	// demand or a rule is rejected.
	{"pushed-back-at-rules", "The firm pushed back against the new rules.", []found{
		{"verb-before", "The firm", "pushed back against", "the new rules", "reject"},
	}},
	{"hits-back-at-claims", "The firm hit back at claims that it sold the data.", []found{
		{"verb-before", "The firm", "hit back at", "claims that it sold the data", "deny"},
		{"noun", "", "claims", "it sold the data", "assert"},
	}},
	{"own-denial-reported", "The firm said it strongly denies reports that it sold the data.", []found{
		{"verb-before", "The firm", "said", "it strongly denies reports that it sold the data", "deny"},
		{"verb-before", "it", "denies", "reports that it sold the data", "deny"},
		{"noun", "", "reports", "it sold the data", "assert"},
	}},
	{"own-denial-in-scare-quotes", "The firm said it “strongly denies” reports that it sold the data.", []found{
		{"verb-before", "The firm", "said", "it “strongly denies” reports that it sold the data", "deny"},
		{"noun", "", "reports", "it sold the data", "assert"},
	}},
	{"refused-an-act", "The president refused to resign.", []found{
		{"non-response", "The president", "refused", "to resign", "reject"},
	}},
	{"declined-an-act", "The mayor declined to step down, saying he had done nothing wrong.", []found{
		{"non-response", "The mayor", "declined", "to step down", "reject"},
		{"participle", "The mayor", "saying", "he had done nothing wrong", "deny"},
	}},
	{"declined-to-a-level", "Shares declined to a record low on Friday.", []found{}},
	{"declined-to-a-number", "Turnout declined to 40 percent in the second round.", []found{}},
	{"refused-to-be-named", "The minister refused to be named.", []found{
		{"non-response", "The minister", "refused to be", "", "decline-comment"},
	}},
	{"declined-to-say", "The firm declined to say whether it had sold the data.", []found{
		{"non-response", "The firm", "declined to say", "", "decline-comment"},
	}},
	{"sorry-admits", "“I am endlessly sorry that we betrayed the trust of our customers,” the chief executive said.", []found{
		{"verb-before", "the chief executive", "said", "“I am endlessly sorry that we betrayed the trust of our customers,”", "admit"},
	}},
	{"misconduct-accuses", "The prosecutor said the director chose to defraud her investors.", []found{
		{"verb-before", "The prosecutor", "said", "the director chose to defraud her investors", "accuse"},
	}},
	{"would-not-confirm", "The ministry would not confirm the report.", []found{
		{"non-response", "The ministry", "would not confirm", "", "decline-comment"},
	}},
	{"could-not-say", "The police could not say whether the driver had been charged.", []found{
		{"non-response", "The police", "could not say", "", "decline-comment"},
	}},
	{"did-not-say-is-no-cue", "The ministry did not say whether the ship had sunk.", []found{}},
	{"reported-as-rejected", "The ministry added that similar accusations had been “completely rejected”.", []found{
		{"verb-before", "The ministry", "added", "similar accusations had been “completely rejected”", "reject"},
	}},
	{"never-true", "“That was never true,” the lawyer argued.", []found{
		{"verb-before", "the lawyer", "argued", "“That was never true,”", "deny"},
	}},
	{"pushing-back-at", "The envoy said the ship was safe, pushing back at reports of a leak.", []found{
		{"verb-before", "The envoy", "said", "the ship was safe", "assert"},
		{"participle", "The envoy", "pushing back at", "reports of a leak", "deny"},
	}},
	{"pushed-alone", "The crowd pushed the cart.", []found{}},
	{"expressed-protest", "The port expressed its strong protest over the fine.", []found{
		{"verb-before", "The port", "expressed its strong protest", "over the fine", "reject"},
	}},
	{"voiced-dissatisfaction", "The port voiced “strong dissatisfaction” with the fine.", []found{
		{"verb-before", "The port", "voiced “strong dissatisfaction", "” with the fine", "reject"},
	}},
	{"dismissed-notion", "The mayor dismissed the notion that the dam was weak.", []found{
		{"verb-before", "The mayor", "dismissed", "the notion that the dam was weak", "reject"},
	}},
	{"dismissed-reports", "The mayor dismissed the reports as nonsense.", []found{
		{"verb-before", "The mayor", "dismissed", "the reports as nonsense", "deny"},
	}},
	{"is-accused-of", "Prosecutors said the broker is accused of hiding the losses.", []found{
		{"verb-before", "Prosecutors", "said", "the broker is accused of hiding the losses", "accuse"},
	}},
	{"accused-of-modifier", "The firm said it will study the ruling on two men accused of the theft.", []found{
		{"verb-before", "The firm", "said", "it will study the ruling on two men accused of the theft", "pledge"},
	}},
	{"quoted-we-will", "“Whatever the panel decides, we will appeal,” the club said.", []found{
		{"verb-before", "the club", "said", "“Whatever the panel decides, we will appeal,”", "pledge"},
	}},
	{"quoted-going-to", "“The vote was close and we are going to fight it,” the mayor said.", []found{
		{"verb-before", "the mayor", "said", "“The vote was close and we are going to fight it,”", "pledge"},
	}},
	{"quoted-ready-to", "“Once the audit is done, we will gladly be ready to talk,” Tamsin Reed said.", []found{
		{"verb-before", "Tamsin Reed", "said", "“Once the audit is done, we will gladly be ready to talk,”", "pledge"},
	}},
	{"quoted-will-not", "“The levy is unfair and we will not pay it,” the union said.", []found{
		{"verb-before", "the union", "said", "“The levy is unfair and we will not pay it,”", "assert"},
	}},
	{"quoted-will-be-state", "“The harvest is poor and we will be hit hard,” the growers said.", []found{
		{"verb-before", "the growers", "said", "“The harvest is poor and we will be hit hard,”", "assert"},
	}},
	{"will-unquoted-other", "The mayor said the storm is over and we will see more sun.", []found{
		{"verb-before", "The mayor", "said", "the storm is over and we will see more sun.", "assert"},
	}},
	{"regrets", "The ministry added that Velmar \"regrets the accidental landing\" of its drone.", []found{
		{"verb-before", "The ministry", "added", "Velmar \"regrets the accidental landing\" of its drone", "admit"},
	}},
	{"apologised-for", "The airline said it apologised for the delay.", []found{
		{"verb-before", "The airline", "said", "it apologised for the delay", "admit"},
	}},
	{"refused-to-do-so", "The council asked the mayor to resign, but she refused to do so.", []found{
		{"verb-before", "The council", "asked", "the mayor to resign", "urge"},
		{"non-response", "she", "refused", "to do so", "reject"},
	}},
	{"refused-to-say", "The mayor refused to say where the funds went.", []found{
		{"non-response", "The mayor", "refused to say", "", "decline-comment"},
	}},
	{"time-comma-pair", "On Friday, Halden and Orvik denied holding funds, which they said was a smear.", []found{
		{"verb-before", "Halden", "denied", "holding funds, which they said was a smear", "deny"},
		{"verb-before", "Orvik", "denied", "holding funds, which they said was a smear", "deny"},
		{"verb-before", "they", "said", "was a smear", "deny"},
		{"verb-before", "they", "said", "was a smear", "deny"},
	}},
	{"noun-pronoun-object", "The mayor read the report it sent.", []found{}},
	{"no-after-reported-that", "The governor said the lenders stated that no cash left the vault.", []found{
		{"verb-before", "The governor", "said", "the lenders stated that no cash left the vault", "assert"},
		{"verb-before", "the lenders", "stated", "no cash left the vault", "deny"},
	}},
	{"not-their-client", "The lender said the broker was not their client.", []found{
		{"verb-before", "The lender", "said", "the broker was not their client", "deny"},
	}},
	{"no-losses", "The regulator said both lenders suffered no losses.", []found{
		{"verb-before", "The regulator", "said", "both lenders suffered no losses", "deny"},
	}},
	{"not-backed-up", "The envoy complained that the claims were not backed up by evidence.", []found{
		{"verb-before", "The envoy", "complained", "the claims were not backed up by evidence", "deny"},
	}},
	{"negated-passive", "The agency said it had not been notified.", []found{
		{"verb-before", "The agency", "said", "it had not been notified", "assert"},
	}},
	{"negated-other", "The mayor said aid workers are not targets.", []found{
		{"verb-before", "The mayor", "said", "aid workers are not targets", "assert"},
	}},
	{"negated-modal", "The firm said it would not appeal the fine.", []found{
		{"verb-before", "The firm", "said", "it would not appeal the fine", "assert"},
	}},
	{"harm-by", "The minister said the pipeline was blown up by saboteurs.", []found{
		{"verb-before", "The minister", "said", "the pipeline was blown up by saboteurs", "accuse"},
	}},
	{"harm-passive-no-party", "The minister said the courier was poisoned with a rare toxin.", []found{
		{"verb-before", "The minister", "said", "the courier was poisoned with a rare toxin", "assert"},
	}},
	{"harm-by-nationality", "The minister said the ferry was shot down by Varnesian forces.", []found{
		{"verb-before", "The minister", "said", "the ferry was shot down by Varnesian forces", "accuse"},
	}},
	{"harm-by-party-later", "The minister said the ferry was shot down in May by actors working for the Varnesian state.", []found{
		{"verb-before", "The minister", "said", "the ferry was shot down in May by actors working for the Varnesian state", "accuse"},
	}},
	{"harm-by-thing", "The inspector said the drone was brought down by a Kestrel missile.", []found{
		{"verb-before", "The inspector", "said", "the drone was brought down by a Kestrel missile", "assert"},
	}},
	{"harm-active-name", "The envoy said Varnesia shot down the airliner.", []found{
		{"verb-before", "The envoy", "said", "Varnesia shot down the airliner", "accuse"},
	}},
	{"harm-active-pronoun", "The envoy said they shot down the airliner by mistake.", []found{
		{"verb-before", "The envoy", "said", "they shot down the airliner by mistake", "accuse"},
	}},
	{"harm-from-inside", "The envoy said a missile fired from inside Varnesia shot down the airliner.", []found{
		{"verb-before", "The envoy", "said", "a missile fired from inside Varnesia shot down the airliner", "assert"},
	}},
	{"harm-victim-of-party", "The firm said it was the victim of speculators.", []found{
		{"verb-before", "The firm", "said", "it was the victim of speculators", "accuse"},
	}},
	{"harm-victim-of-event", "The firm said its founder was the victim of a road accident.", []found{
		{"verb-before", "The firm", "said", "its founder was the victim of a road accident", "assert"},
	}},
	{"harm-possessive", "The envoy said Tallow's poisoning shocked the city.", []found{
		{"verb-before", "The envoy", "said", "Tallow's poisoning shocked the city", "assert"},
	}},
	{"guilty-of", "The judge said the two men were guilty of the theft.", []found{
		{"verb-before", "The judge", "said", "the two men were guilty of the theft", "accuse"},
	}},
	{"falsified", "The union said the figures had been falsified.", []found{
		{"verb-before", "The union", "said", "the figures had been falsified", "accuse"},
	}},
	{"suspicion-that", "Suspicion that the rival firm leaked the plans grew.", []found{
		{"noun", "", "Suspicion", "the rival firm leaked the plans", "accuse"},
	}},
	{"both-after-pair", "Halden Bank and Orvik Bank denied holding funds. Both banks said the papers were forged.", []found{
		{"verb-before", "Halden Bank", "denied", "holding funds", "deny"},
		{"verb-before", "Orvik Bank", "denied", "holding funds", "deny"},
		{"verb-before", "Both banks", "said", "the papers were forged", "deny"},
		{"verb-before", "Both banks", "said", "the papers were forged", "deny"},
	}},
	{"they-after-pair", "Halden Bank and Orvik Bank denied holding funds. They said no money was lost.", []found{
		{"verb-before", "Halden Bank", "denied", "holding funds", "deny"},
		{"verb-before", "Orvik Bank", "denied", "holding funds", "deny"},
		{"verb-before", "They", "said", "no money was lost", "deny"},
		{"verb-before", "They", "said", "no money was lost", "deny"},
	}},
	{"they-not-after-pair", "Halden Bank and Orvik Bank denied holding funds. The regulator said the papers were forged. They said no money was lost.", []found{
		{"verb-before", "Halden Bank", "denied", "holding funds", "deny"},
		{"verb-before", "Orvik Bank", "denied", "holding funds", "deny"},
		{"verb-before", "The regulator", "said", "the papers were forged", "deny"},
		{"verb-before", "They", "said", "no money was lost", "deny"},
	}},
}

// TestRealCopy checks the constructions of real copy, which rule finds each
// candidate and what it finds.
func TestRealCopy(t *testing.T) {
	for _, tc := range realCopyCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{})
			require.NoError(t, err)
			got := founds(res)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestOffices checks that a speaker named by title resolves to whoever
// held the office when the article appeared, and that an office nobody
// held then is proposed as a source of its own under its organisation.
func TestOffices(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	reg, err := source.NewRegistry([]source.Source{
		{ID: "velmar", Name: "Velmar", Kind: source.KindGovernment, Aliases: []string{"Velmarian"}},
		{ID: "velmar-palace", Name: "Velmar Palace", Kind: source.KindGovernment, Parent: "velmar", Aliases: []string{"the Palace"}},
		{ID: "ada-korr", Name: "Ada Korr", Kind: source.KindPerson, Offices: []source.Office{
			{Title: "foreign secretary", Aliases: []string{"foreign minister"}, Of: "velmar", From: day(2022, 1, 1), To: day(2023, 6, 1)},
		}},
		{ID: "ivo-brann", Name: "Ivo Brann", Kind: source.KindPerson, Offices: []source.Office{
			{Title: "foreign secretary", Aliases: []string{"foreign minister"}, Of: "velmar", From: day(2023, 6, 1)},
		}},
		{ID: "oren-talby", Name: "Oren Talby", Kind: source.KindSpokesperson, Offices: []source.Office{
			{Title: "spokesman", Of: "velmar-palace", From: day(2010, 1, 1)},
		}},
		{ID: "pia-send", Name: "Pia Send", Kind: source.KindPerson, Offices: []source.Office{
			{Title: "defence secretary", Of: "velmar", From: day(2015, 1, 1), To: day(2018, 1, 1)},
		}},
	}, nil)
	require.NoError(t, err)
	tests := []struct {
		name      string
		text      string
		published time.Time
		speaker   source.ID
		parent    source.ID // of a new source
	}{
		{"holder-then", "Velmar's foreign secretary said the talks would resume.", day(2022, 9, 1), "ada-korr", ""},
		{"holder-later", "Velmar's foreign secretary said the talks would resume.", day(2024, 2, 1), "ivo-brann", ""},
		{"office-of", "The foreign minister of Velmar said the talks would resume.", day(2024, 2, 1), "ivo-brann", ""},
		{"under-org", "The Palace spokesman said the talks would resume.", day(2024, 2, 1), "oren-talby", ""},
		{"nobody-then", "Velmar's defence secretary said the talks would resume.", day(2024, 2, 1), "new:velmar-defence-secretary", "velmar"},
		{"named-holder", "Velmar's foreign secretary Ada Korr said the talks would resume.", day(2024, 2, 1), "ada-korr", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{Registry: reg, Published: tc.published})
			require.NoError(t, err)
			require.Len(t, res.Candidates, 1)
			assert.Equal(t, tc.speaker, res.Candidates[0].Speaker)
			if tc.parent != "" {
				require.Len(t, res.NewSources, 1)
				assert.Equal(t, tc.parent, res.NewSources[0].Parent)
			}
		})
	}
}

// TestGroupMembers checks that a speaker counted out of a group the
// registry knows ("one Velmar official") is the group, and that members
// of a group only the article names stay sources of their own.
func TestGroupMembers(t *testing.T) {
	reg, err := source.NewRegistry([]source.Source{
		{ID: "velmar", Name: "Velmar", Kind: source.KindGovernment},
		{ID: "velmar-officials", Name: "Velmar officials", Kind: source.KindAgency, Parent: "velmar", Identity: source.IdentityUnnamed},
	}, nil)
	require.NoError(t, err)
	tests := []struct {
		name     string
		text     string
		speakers []source.ID
	}{
		{"one-official", "One Velmar official said the convoy had left.", []source.ID{"velmar-officials"}},
		{"two-other-officials", "Velmar officials said the convoy had left. Two other officials said it carried fuel.", []source.ID{"velmar-officials", "velmar-officials"}},
		{"one-of-the-officials", "Velmar officials said the convoy had left. One of the officials said it carried fuel.", []source.ID{"velmar-officials", "velmar-officials"}},
		{"group-not-known", "Three port officials said the convoy had left. Two of the officials said it carried fuel.", []source.ID{"new:three-port-officials", "new:two-of-the-officials"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{Registry: reg})
			require.NoError(t, err)
			var got []source.ID
			for _, c := range res.Candidates {
				got = append(got, c.Speaker)
			}
			assert.Equal(t, tc.speakers, got)
		})
	}
}

// TestPairSpeakers checks that "both banks" after "Halden Bank and Orvik
// Bank" gives one candidate for each bank.
func TestPairSpeakers(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		speakers []source.ID
	}{
		{"both", "Halden Bank and Orvik Bank denied holding funds. Both banks said the papers were forged.",
			[]source.ID{"new:halden-bank", "new:orvik-bank", "new:halden-bank", "new:orvik-bank"}},
		{"the-two", "Halden Bank and Orvik Bank denied holding funds. The two lenders said the papers were forged.",
			[]source.ID{"new:halden-bank", "new:orvik-bank", "new:halden-bank", "new:orvik-bank"}},
		{"two-of", "Halden Bank and Orvik Bank denied holding funds. Two of its lenders said the papers were forged.",
			[]source.ID{"new:halden-bank", "new:orvik-bank", "new:halden-bank", "new:orvik-bank"}},
		{"aside-in-pair", "Halden Bank, the largest lender, and Orvik Bank said they had no ties to the firm.",
			[]source.ID{"new:halden-bank", "new:orvik-bank"}},
		{"aside-and-comma", "Halden Bank, the largest lender, and Orvik Bank, said on Friday that they had no ties to the firm. Both banks said the papers were forged.",
			[]source.ID{"new:halden-bank", "new:orvik-bank", "new:halden-bank", "new:orvik-bank"}},
		{"last-with-preposition", "Halden Bank, the largest lender, and Bank of Orvik, said they had no ties to the firm.",
			[]source.ID{"new:halden-bank", "new:bank-of-orvik"}},
		{"no-pair", "Both banks said the papers were forged.", []source.ID{"new:banks"}},
		{"three-names", "Halden, Orvik and Tamm denied holding funds. Both banks said the papers were forged.",
			[]source.ID{"new:halden", "new:orvik", "new:tamm", "new:banks"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{})
			require.NoError(t, err)
			var got []source.ID
			for _, c := range res.Candidates {
				got = append(got, c.Speaker)
				assert.Empty(t, c.Via, "a member of the pair relays nobody")
			}
			assert.Equal(t, tc.speakers, got)
		})
	}
}

// TestRegistryPairs checks coordinated subjects and plural descriptions
// against a registry that knows each name: one candidate per name, and a
// description of the pair's kind stands for both wherever the article
// names them together, before or after it, as long as it names no other
// pair.
func TestRegistryPairs(t *testing.T) {
	reg, err := source.NewRegistry([]source.Source{
		{ID: "halden", Name: "Halden Bank", Aliases: []string{"Halden"}, Kind: source.KindOrganisation},
		{ID: "orvik", Name: "Orvik Bank", Aliases: []string{"Orvik"}, Kind: source.KindOrganisation},
		{ID: "tamm", Name: "Tamm Bank", Aliases: []string{"Tamm"}, Kind: source.KindOrganisation},
		{ID: "hdb", Name: "HDB Holdings", Aliases: []string{"HDB", "HDB Holdings Inc."}, Kind: source.KindOrganisation},
		{ID: "bti", Name: "Bank of the Tamm Isles", Aliases: []string{"BTI"}, Kind: source.KindOrganisation},
		{ID: "velk", Name: "Velk", Kind: source.KindOrganisation},
		{ID: "pell", Name: "Ada Pell", Aliases: []string{"Pell"}, Kind: source.KindPerson},
		{ID: "rusk", Name: "Ivo Rusk", Aliases: []string{"Rusk"}, Kind: source.KindPerson},
	}, nil)
	require.NoError(t, err)
	tests := []struct {
		name     string
		text     string
		speakers []source.ID
	}{
		{"names", "Halden and Orvik denied holding funds.", []source.ID{"halden", "orvik"}},
		{"acronyms", "On Friday, HDB and BTI separately denied holding funds for Velk, which they said is not their client.",
			[]source.ID{"hdb", "bti", "hdb", "bti"}},
		{"local-lenders-after", "Halden and Orvik denied holding funds. The local lenders also disputed the papers.",
			[]source.ID{"halden", "orvik", "halden", "orvik"}},
		{"group-before", "The two lenders said the papers were false. The fraud used the names of two banks, Halden and Orvik.",
			[]source.ID{"halden", "orvik"}},
		{"two-of-its-before", "Velk said two of its major lenders denied holding funds. The names of two banks — Halden and Orvik — were used.",
			[]source.ID{"velk", "halden", "orvik"}},
		{"full-names", "The two banks said the papers were false. The papers named HDB Holdings Inc. and Bank of the Tamm Isles (BTI).",
			[]source.ID{"hdb", "bti"}},
		{"between-no-pair", "The two lenders said the papers were false. The fraud used a link between Velk and Halden.",
			[]source.ID{"new:two-lenders"}},
		{"two-pairs", "The two lenders said the papers were false. Halden and Orvik were named, and Velk and Tamm too.",
			[]source.ID{"new:two-lenders"}},
		{"list-of-three", "The two lenders said the papers were false. The papers named Halden, Orvik and Tamm.",
			[]source.ID{"new:two-lenders"}},
		{"people-not-banks", "The two lenders said the papers were false. The papers named Pell and Rusk.",
			[]source.ID{"new:two-lenders"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{Registry: reg})
			require.NoError(t, err)
			var got []source.ID
			for _, c := range res.Candidates {
				got = append(got, c.Speaker)
			}
			assert.Equal(t, tc.speakers, got)
		})
	}
}
