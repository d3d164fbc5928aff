package extract_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
)

// TestSaidDates checks when each statement was said, for time phrases that
// date the statement and for those that date something else in its
// sentence.
func TestSaidDates(t *testing.T) {
	type said struct{ Speaker, Cue, Said string }
	published := time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		name     string
		sentence string
		want     []said
	}{
		{"weekday-possessive-interview", "In Tuesday's interview, the minister accused the port of negligence.", []said{
			{"the minister", "accused", "2024-03-12"},
		}},
		{"weekday-possessive-press-briefing", "At Wednesday's press briefing, the spokesman denied the report.", []said{
			{"the spokesman", "denied", "2024-03-13"},
		}},
		{"weekday-possessive-event", "After Wednesday's crash, the airline said it would cooperate.", []said{
			{"the airline", "said", ""},
		}},
		{"weekday-evening-possessive-event", "After Wednesday evening’s crash, the airline said it would cooperate.", []said{
			{"the airline", "said", ""},
		}},
		{"day-before-month", "On 12 March, the ministry denied the report.", []said{
			{"the ministry", "denied", "2024-03-12"},
		}},
		{"early-weekday", "The minister said early Tuesday that the port had closed.", []said{
			{"The minister", "said", "2024-03-12"},
		}},
		{"later-is-another-time", "The agency announced in January that it would audit the port, but later stated that the audit was over.", []said{
			{"The agency", "announced", "2024-01"},
			{"The agency", "stated", ""},
		}},
		{"relative-clause-dates-its-noun", "The firm disputed the reports, which began in February 2023, and said it had done nothing wrong.", []said{
			{"The firm", "disputed", ""},
			{"The firm", "said", ""},
		}},
		{"relative-clause-of-the-speaker", "The ministry, which on Monday denied the report, declined to comment further.", []said{
			{"The ministry", "denied", "2024-03-11"},
			{"The ministry", "declined to comment", ""},
		}},
		{"dateline-with-agency", "HALDEN, March 13 (Harbour Wire) - The agency denied the report.", []said{
			{"The agency", "denied", ""},
		}},
		// Thursday 14 March: last week is 4 to 10 March, this week 11 to 14.
		{"last-week-is-its-month", "The minister said in a statement last week that the port would reopen.", []said{
			{"The minister", "said", "2024-03"},
		}},
		{"earlier-this-week", "Earlier this week, the agency denied the report.", []said{
			{"the agency", "denied", "2024-03"},
		}},
		// A verb that takes a noun phrase: its time phrase dates the
		// statement, and is no part of what is denied.
		{"denied-the-report-on-monday", "The firm denied the report on Monday.", []said{
			{"The firm", "denied", "2024-03-11"},
		}},
		{"clause-keeps-its-time", "The firm said the ship sank on Monday.", []said{
			{"The firm", "said", ""},
		}},
		{"in-a-year-dates-the-deed", "The firm denied any wrongdoing in 2019.", []said{
			{"The firm", "denied", ""},
		}},
		{"nobody-said-is-said-to", "The envoy is said to have met the rebels on Monday.", []said{
			{"", "is said to", ""},
		}},
		{"nobody-said-adverb", "The ferry reportedly sank on Monday.", []said{
			{"", "reportedly", ""},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.sentence, extract.Options{Published: published})
			require.NoError(t, err)
			got := make([]said, len(res.Candidates))
			for i, c := range res.Candidates {
				got[i] = said{c.SpeakerText.Exact, c.Cue.Exact, c.Said.String()}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.sentence, diff)
			}
		})
	}
}
