package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
)

type line struct {
	Text   string
	Reason string // "" for a kept block
	Head   bool
}

func lines(c extract.Cleaned) []line {
	var out []line
	b, d := 0, 0
	for b < len(c.Blocks) || d < len(c.Dropped) {
		if d >= len(c.Dropped) || b < len(c.Blocks) && c.Blocks[b].Start < c.Dropped[d].Start {
			out = append(out, line{Text: c.Text[c.Blocks[b].Start:c.Blocks[b].End], Head: c.Blocks[b].Heading})
			b++
			continue
		}
		out = append(out, line{Text: c.Text[c.Dropped[d].Start:c.Dropped[d].End], Reason: c.Dropped[d].Reason.String()})
		d++
	}
	return out
}

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []line
	}{
		{
			name: "furniture",
			text: "Home\nConnect with us\nSeoul warns Pyongyang\n\nBy Jane Doe\n\nSeoul warned on Tuesday that the drills were a provocation.\n\nAdvertisement\n\n1x 1 2\n\nDefence officials in Seoul for 800x450 1\n\nThe ministry said talks would resume.\n\nContinue Reading\n\nRelated News\n\nKim visits factory\nTrade talks stall",
			want: []line{
				{Text: "Home", Reason: "navigation"},
				{Text: "Connect with us", Reason: "navigation"},
				{Text: "Seoul warns Pyongyang", Head: true},
				{Text: "By Jane Doe", Reason: "byline"},
				{Text: "Seoul warned on Tuesday that the drills were a provocation."},
				{Text: "Advertisement", Reason: "ad"},
				{Text: "1x 1 2", Reason: "image"},
				{Text: "Defence officials in Seoul for 800x450 1", Reason: "image"},
				{Text: "The ministry said talks would resume."},
				{Text: "Continue Reading", Reason: "end-marker"},
				{Text: "Related News", Reason: "end-marker"},
				{Text: "Kim visits factory", Reason: "related"},
				{Text: "Trade talks stall", Reason: "related"},
			},
		},
		{
			name: "repeated-headline",
			text: "Seoul warns Pyongyang over jamming\n\nSeoul warns Pyongyang over jamming\n\nThe ministry said so.",
			want: []line{
				{Text: "Seoul warns Pyongyang over jamming", Head: true},
				{Text: "Seoul warns Pyongyang over jamming", Reason: "repeat"},
				{Text: "The ministry said so."},
			},
		},
		{
			name: "wrapped-paragraph",
			text: "The ministry said the talks\nwould resume next week.\n\nOfficials agreed.",
			want: []line{
				{Text: "The ministry said the talks\nwould resume next week."},
				{Text: "Officials agreed."},
			},
		},
		{
			name: "wrapped-after-comma",
			text: "“We will respond,” the minister said,\n“and we will not wait.”",
			want: []line{{Text: "“We will respond,” the minister said,\n“and we will not wait.”"}},
		},
		{
			name: "sentence-said-twice",
			text: "“No comment,” he said.\n\nThe talks went on.\n\n“No comment,” he said.",
			want: []line{{Text: "“No comment,” he said."}, {Text: "The talks went on."}, {Text: "“No comment,” he said."}},
		},
		{
			name: "also-read-mid-article",
			text: "Also read\n\nKim visits factory\n\nThe ministry said the drills, which began on Monday, would go on for another week at least.\n\nTalks resume\n\nThe envoy said he was hopeful.",
			want: []line{
				{Text: "Also read", Reason: "end-marker"},
				{Text: "Kim visits factory", Reason: "related"},
				{Text: "The ministry said the drills, which began on Monday, would go on for another week at least."},
				{Text: "Talks resume", Head: true},
				{Text: "The envoy said he was hopeful."},
			},
		},
		{
			name: "menu-row",
			text: "World | Politics | Business\nThe minister resigned.",
			want: []line{
				{Text: "World | Politics | Business", Reason: "navigation"},
				{Text: "The minister resigned."},
			},
		},
		{
			name: "page-title",
			text: "Port Denies Blame for Ferry Delay - The Harbour Courier\nPort Denies Blame for Ferry Delay\n\nThe port said the delay was the weather's fault.",
			want: []line{
				{Text: "Port Denies Blame for Ferry Delay", Head: true},
				{Text: " - The Harbour Courier", Reason: "navigation"},
				{Text: "Port Denies Blame for Ferry Delay", Reason: "repeat"},
				{Text: "The port said the delay was the weather's fault."},
			},
		},
		{
			name: "title-not-repeated",
			text: "Fares rise - and so do tempers\n\nThe council said fares would rise.",
			want: []line{
				{Text: "Fares rise - and so do tempers", Head: true},
				{Text: "The council said fares would rise."},
			},
		},
		{
			name: "headline-as-link",
			text: "Orvik Mayor Says Ferry Firm Broke Its Promise\n\nThe mayor said the firm broke its promise.\n\nOrvik Mayor Says Ferry Firm Broke-its-promise",
			want: []line{
				{Text: "Orvik Mayor Says Ferry Firm Broke Its Promise", Head: true},
				{Text: "The mayor said the firm broke its promise."},
				{Text: "Orvik Mayor Says Ferry Firm Broke-its-promise", Reason: "repeat"},
			},
		},
		{
			name: "links-row",
			text: "Storm latest: roads shut in Tamm; ferries stop; mayor says schools stay open\n\nThe mayor said schools would stay open.",
			want: []line{
				{Text: "Storm latest: roads shut in Tamm; ferries stop; mayor says schools stay open", Reason: "related"},
				{Text: "The mayor said schools would stay open."},
			},
		},
		{
			name: "link-prefixes",
			text: "READ: Mayor says ferry fares will rise\nRead | Council denies report on fares\nRelated article: Port blames weather\nShort link: example.org/x1\nThe mayor said fares would rise.",
			want: []line{
				{Text: "READ: Mayor says ferry fares will rise", Reason: "related"},
				{Text: "Read | Council denies report on fares", Reason: "related"},
				{Text: "Related article: Port blames weather", Reason: "related"},
				{Text: "Short link: example.org/x1", Reason: "related"},
				{Text: "The mayor said fares would rise."},
			},
		},
		{
			name: "read-only-is-prose",
			text: "Read-only copies of the report, the council said, would be sent out.",
			want: []line{{Text: "Read-only copies of the report, the council said, would be sent out."}},
		},
		{
			name: "captions",
			text: "FILE - The mayor speaks in Tamm, where she said the ferry would run again.\nThe ferry at the quay in Orvik, which the port said was safe. WNA/Lena Dorsk\nThe quay in Orvik (Image: Lena Dorsk)\nThe port said the ferry was safe.",
			want: []line{
				{Text: "FILE - The mayor speaks in Tamm, where she said the ferry would run again.", Reason: "image"},
				{Text: "The ferry at the quay in Orvik, which the port said was safe. WNA/Lena Dorsk", Reason: "image"},
				{Text: "The quay in Orvik (Image: Lena Dorsk)", Reason: "image"},
				{Text: "The port said the ferry was safe."},
			},
		},
		{
			name: "agency-date",
			text: "AFP , Sunday 12 Mar 2023\nThe port said the ferry was safe.",
			want: []line{
				{Text: "AFP , Sunday 12 Mar 2023", Reason: "byline"},
				{Text: "The port said the ferry was safe."},
			},
		},
		{
			name: "datelines",
			text: "ORVIK/TAMM • None of the fuel was lost, the port said.\n\n(TAMM) — The mayor said the ferry was safe.\n\nNEW ORVIK (Wire) - Fares will rise, the council said.\n\nNATO summit: the envoy said talks went well.",
			want: []line{
				{Text: "ORVIK/TAMM • ", Reason: "byline"},
				{Text: "None of the fuel was lost, the port said."},
				{Text: "(TAMM) — ", Reason: "byline"},
				{Text: "The mayor said the ferry was safe."},
				{Text: "NEW ORVIK (Wire) - ", Reason: "byline"},
				{Text: "Fares will rise, the council said."},
				{Text: "NATO summit: the envoy said talks went well."},
			},
		},
		{
			name: "empty",
			text: "\n\n  \n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := lines(extract.Clean(tc.text))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Clean(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestCleanSeed checks the seed article: its furniture goes, its text stays.
func TestCleanSeed(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "gold", "seed-ctn-dprk-russia.txt"))
	require.NoError(t, err)
	c := extract.Clean(string(raw))
	var dropped []string
	for _, d := range c.Dropped {
		dropped = append(dropped, d.Reason.String()+": "+c.Text[d.Start:d.End])
	}
	want := []string{
		"navigation: Connect with us",
		"repeat: White House Warns North Korea Against Arms Sales to Russia Amid Ukraine Crisis",
		"image: 1x 1 2",
		"image: US warns N Korea against selling weapons to Russia for 750x375 1",
		"end-marker: Continue Reading",
		"ad: CTN News App",
		"ad: CTN News App",
		"related: české casino",
		"end-marker: Recent News",
		"related: compras monedas fc 24",
		"related: Volunteering at Soi Dog",
		"related: Find a Job",
		"related: Jooble jobs",
		"related: Free ibomma Movies",
	}
	if diff := cmp.Diff(want, dropped); diff != "" {
		t.Errorf("Clean(seed) dropped mismatch (-want +got):\n%s", diff)
	}
	assert.Len(t, c.Blocks, 17) // the headline, seven section headings and nine paragraphs
}

func TestReasonString(t *testing.T) {
	for r := extract.ReasonUnknown; r <= extract.ReasonByline; r++ {
		b, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, r.String(), string(b))
		assert.NotContains(t, r.String(), "Reason(")
	}
	assert.Equal(t, "Reason(99)", extract.Reason(99).String())
}
