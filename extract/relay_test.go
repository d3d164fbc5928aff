package extract_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// TestRelaysAndDates checks whom each statement came through and when it
// was said, for relays ("citing", "quoting") and for sentences where two
// speakers share the time phrases.
func TestRelaysAndDates(t *testing.T) {
	type said struct {
		Source string
		Via    []source.ID
		Said   string
	}
	published := time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		name     string
		sentence string
		want     []said
	}{
		{"relay-aside", "The Harbour Gazette, citing two port officials, reported that the ferry had been seized.", []said{
			{"The Harbour Gazette", nil, ""},
			{"two port officials", []source.ID{"new:harbour-gazette"}, ""},
		}},
		{"relay-keeps-the-relayer-date", "The ferry sank, the Harbour Gazette reported on Tuesday, quoting Radio Norden.", []said{
			{"the Harbour Gazette", nil, "2024-03-12"},
			{"Radio Norden", []source.ID{"new:harbour-gazette"}, ""},
		}},
		{"nested-date-is-the-outer-speaker", "The ministry denied the report, the Harbour Gazette said on Tuesday.", []said{
			{"The ministry", []source.ID{"new:harbour-gazette"}, ""},
			{"the Harbour Gazette", nil, "2024-03-12"},
		}},
		{"each-clause-its-date", "Last year the ministry denied the report, and on Monday the agency confirmed it.", []said{
			{"the ministry", nil, "2023"},
			{"the agency", nil, "2024-03-11"},
		}},
		{"pronoun-shares-the-date", "The minister confirmed on Monday that an inquiry had begun, though he said it was small.", []said{
			{"The minister", nil, "2024-03-11"},
			{"he", nil, "2024-03-11"},
		}},
		{"continued-quotation-keeps-the-date", "“We will not pay,” the minister said on Tuesday. “This is theft,” he added.", []said{
			{"the minister", nil, "2024-03-12"},
			{"he", nil, "2024-03-12"},
		}},
		{"narration-between-ends-the-date", "“We will not pay,” the minister said on Tuesday. The talks ended. “This is theft,” he added.", []said{
			{"the minister", nil, "2024-03-12"},
			{"he", nil, ""},
		}},
		{"dateline-dates-nothing-said", "HALDEN, March 13 — The agency said on Monday that the port had closed.", []said{
			{"The agency", nil, "2024-03-11"},
		}},
		{"trailer-after-briefing", "The ferry was seized, the spokesman said at a briefing on Tuesday, the agency reported.", []said{
			{"the spokesman", []source.ID{"new:agency"}, "2024-03-12"},
			{"the agency", nil, ""},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.sentence, extract.Options{Published: published})
			require.NoError(t, err)
			got := make([]said, len(res.Candidates))
			for i, c := range res.Candidates {
				got[i] = said{c.SpeakerText.Exact, c.Via, c.Said.String()}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.sentence, diff)
			}
		})
	}
}

// TestSpeakersOfGroups checks whom a statement by several speakers gives
// one candidate each.
func TestSpeakersOfGroups(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []source.ID
	}{
		{"spokespeople-for-two", "Spokespeople for the port authority and the coastguard said the same.",
			[]source.ID{"new:port-authority", "new:coastguard"}},
		{"both-after-opening-pair", "Halden Bank and Orvik Bank examined the ledgers. Both concluded that the money had never arrived.",
			[]source.ID{"new:halden-bank", "new:orvik-bank"}},
		{"the-two-after-opening-pair", "Halden Bank and the Bank of Orvik examined the ledgers. The two lenders said the money had never arrived.",
			[]source.ID{"new:halden-bank", "new:bank-of-orvik"}},
		{"floating-all-after-a-list", "The port authority, the coastguard, and the navy have all said the ship had left.",
			[]source.ID{"new:port-authority", "new:coastguard", "new:navy"}},
		{"floating-both-after-a-pair", "Halden Bank and Orvik Bank both denied the report.",
			[]source.ID{"new:halden-bank", "new:orvik-bank"}},
		{"both-with-no-pair", "The Harbour Board met on Monday. Both said the talks went well.",
			[]source.ID{"new:both"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{})
			require.NoError(t, err)
			var got []source.ID
			for _, c := range res.Candidates {
				got = append(got, c.Speaker)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) speakers mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
