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
