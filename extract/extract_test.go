package extract_test

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// brief is a candidate reduced to what a reader checks: the texts of its
// spans and its labels.
type brief struct {
	Source, Cue, Content string
	Speaker              source.ID
	Act                  string
	Factuality           string
	Form                 string
	Rule                 string
	Said                 string
}

func briefs(res *extract.Result) []brief {
	out := make([]brief, len(res.Candidates))
	for i, c := range res.Candidates {
		parts := make([]string, len(c.Content))
		for j, s := range c.Content {
			parts[j] = s.Exact
		}
		out[i] = brief{
			Source: c.SpeakerText.Exact, Cue: c.Cue.Exact, Content: strings.Join(parts, " | "),
			Speaker: c.Speaker, Act: c.Act.String(), Factuality: c.Factuality.String(), Form: c.Form.String(), Rule: c.Rule,
		}
		if c.Said.IsValid() {
			out[i].Said = c.Said.String()
		}
	}
	return out
}

func testRegistry(t *testing.T) *source.Registry {
	t.Helper()
	reg, err := source.NewRegistry([]source.Source{
		{ID: "russia", Name: "Russia", Kind: source.KindGovernment, Aliases: []string{"Moscow", "the Kremlin"}},
		{ID: "dmitry-peskov", Name: "Dmitry Peskov", Kind: source.KindSpokesperson, Parent: "russia", Aliases: []string{"Peskov"}},
		{ID: "north-korea", Name: "North Korea", Kind: source.KindGovernment, Aliases: []string{"Pyongyang"}},
		{ID: "kcna", Name: "KCNA", Kind: source.KindStateMedia, Parent: "north-korea"},
		{ID: "united-states", Name: "United States", Kind: source.KindGovernment, Aliases: []string{"US", "U.S.", "Washington"}},
		{ID: "john-kirby", Name: "John Kirby", Kind: source.KindSpokesperson, Parent: "united-states", Aliases: []string{"Kirby"}},
	}, nil)
	require.NoError(t, err)
	return reg
}

var published = time.Date(2024, time.May, 17, 9, 0, 0, 0, time.UTC) // a Friday

// TestExtract checks each kind of attribution the extractor reads, on
// sentences written for the test.
func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []brief
	}{
		{
			name: "indirect",
			text: "Russia denied that it had bought any shells from North Korea.",
			want: []brief{{Source: "Russia", Cue: "denied", Content: "it had bought any shells from North Korea", Speaker: "russia", Act: "deny", Factuality: "CT-", Form: "indirect"}},
		},
		{
			name: "direct-before-cue",
			text: "“We have never bought a single shell,” Peskov said on Tuesday.",
			want: []brief{{Source: "Peskov", Cue: "said", Content: "“We have never bought a single shell,”", Speaker: "dmitry-peskov", Act: "deny", Factuality: "CT-", Form: "direct", Said: "2024-05-14"}},
		},
		{
			name: "direct-split",
			text: `"The reports are false," Kirby said, "and everyone knows it."`,
			want: []brief{{Source: "Kirby", Cue: "said", Content: `"The reports are false," | "and everyone knows it."`, Speaker: "john-kirby", Act: "deny", Factuality: "CT-", Form: "direct"}},
		},
		{
			name: "inverted",
			text: "“Talks are advancing,” said White House spokesman John Kirby.",
			want: []brief{{Source: "White House spokesman John Kirby", Cue: "said", Content: "“Talks are advancing,”", Speaker: "john-kirby", Act: "assert", Factuality: "CT+", Form: "direct"}},
		},
		{
			name: "mixed",
			text: "Peskov said the sanctions were “a declaration of economic war” and would fail.",
			want: []brief{{Source: "Peskov", Cue: "said", Content: "the sanctions were “a declaration of economic war” and would fail", Speaker: "dmitry-peskov", Act: "assert", Factuality: "CT+", Form: "mixed"}},
		},
		{
			name: "colon-quote",
			text: "Kirby told reporters: “We are watching this very closely.”",
			want: []brief{{Source: "Kirby", Cue: "told", Content: "“We are watching this very closely.”", Speaker: "john-kirby", Act: "assert", Factuality: "CT+", Form: "direct"}},
		},
		{
			name: "according-to",
			text: "North Korea shipped 1,000 containers in September, according to US officials.",
			want: []brief{{Source: "US officials", Cue: "according to", Content: "North Korea shipped 1,000 containers in September", Speaker: "new:us-officials", Act: "assert", Factuality: "CT+", Form: "according-to"}},
		},
		{
			name: "according-to-media",
			text: "According to KCNA, the minister rejected the claims.",
			want: []brief{
				{Source: "KCNA", Cue: "According to", Content: "the minister rejected the claims", Speaker: "kcna", Act: "report", Factuality: "Uu", Form: "according-to"},
				{Source: "the minister", Cue: "rejected", Content: "the claims", Speaker: "new:minister", Act: "reject", Factuality: "CT-", Form: "indirect"},
			},
		},
		{
			name: "agentless",
			text: "It is believed that the shells were shipped by rail.",
			want: []brief{{Cue: "It is believed", Content: "the shells were shipped by rail", Speaker: "absent", Act: "assert", Factuality: "PR+", Form: "agentless"}},
		},
		{
			name: "reportedly",
			text: "Pyongyang reportedly received food and fuel in return.",
			want: []brief{{Cue: "reportedly", Content: "Pyongyang | received food and fuel in return", Speaker: "absent", Act: "assert", Factuality: "PR+", Form: "agentless"}},
		},
		{
			name: "is-said-to",
			text: "The minister is said to have visited the factory twice.",
			want: []brief{{Cue: "is said to", Content: "The minister | have visited the factory twice", Speaker: "absent", Act: "assert", Factuality: "PR+", Form: "agentless"}},
		},
		{
			name: "non-response",
			text: "The Kremlin did not immediately respond to a request for comment.",
			want: []brief{{Source: "The Kremlin", Cue: "did not immediately respond", Speaker: "russia", Act: "decline-comment", Factuality: "Uu", Form: "non-response"}},
		},
		{
			name: "declined",
			text: "A spokesman for the ministry declined to comment.",
			want: []brief{{Source: "A spokesman for the ministry", Cue: "declined to comment", Speaker: "new:spokesman-for-the-ministry", Act: "decline-comment", Factuality: "Uu", Form: "non-response"}},
		},
		{
			name: "dismissal",
			text: "Peskov called the report a fake.",
			want: []brief{{Source: "Peskov", Cue: "called", Content: "the report a fake", Speaker: "dmitry-peskov", Act: "deny", Factuality: "CT-", Form: "indirect"}},
		},
		{
			name: "noun-that",
			text: "Moscow rejected the allegation that it had paid in oil.",
			want: []brief{
				{Source: "Moscow", Cue: "rejected", Content: "the allegation that it had paid in oil", Speaker: "russia", Act: "reject", Factuality: "CT-", Form: "indirect"},
				{Cue: "allegation", Content: "it had paid in oil", Speaker: "absent", Act: "accuse", Factuality: "CT+", Form: "noun"},
			},
		},
		{
			name: "hedge",
			text: "The US warned that Pyongyang could supply missiles.",
			want: []brief{{Source: "The US", Cue: "warned", Content: "Pyongyang could supply missiles", Speaker: "united-states", Act: "warn", Factuality: "PS+", Form: "indirect"}},
		},
		{
			name: "concern",
			text: "Washington remains concerned that the talks may be advancing.",
			want: []brief{{Source: "Washington", Cue: "remains concerned", Content: "the talks may be advancing", Speaker: "united-states", Act: "concern", Factuality: "PS+", Form: "indirect"}},
		},
		{
			name: "coordinated",
			text: "Kirby accused Pyongyang of lying and urged it to stop the shipments.",
			want: []brief{
				{Source: "Kirby", Cue: "accused", Content: "Pyongyang of lying", Speaker: "john-kirby", Act: "accuse", Factuality: "CT+", Form: "indirect"},
				{Source: "Kirby", Cue: "urged", Content: "it to stop the shipments", Speaker: "john-kirby", Act: "urge", Factuality: "CT+", Form: "indirect"},
			},
		},
		{
			name: "conjoined-sources",
			text: "Both North Korea and Russia have consistently denied the transfers.",
			want: []brief{
				{Source: "North Korea", Cue: "denied", Content: "the transfers", Speaker: "north-korea", Act: "deny", Factuality: "CT-", Form: "indirect"},
				{Source: "Russia", Cue: "denied", Content: "the transfers", Speaker: "russia", Act: "deny", Factuality: "CT-", Form: "indirect"},
			},
		},
		{
			name: "aside",
			text: "Peskov, who spoke to reporters in Moscow, said the deal was lawful.",
			want: []brief{{Source: "Peskov", Cue: "said", Content: "the deal was lawful", Speaker: "dmitry-peskov", Act: "assert", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "pronoun-carried",
			text: "Peskov said the talks went well.\n\nHe said the deal was lawful.",
			want: []brief{
				{Source: "Peskov", Cue: "said", Content: "the talks went well", Speaker: "dmitry-peskov", Act: "assert", Factuality: "CT+", Form: "indirect"},
				{Source: "He", Cue: "said", Content: "the deal was lawful", Speaker: "dmitry-peskov", Act: "assert", Factuality: "CT+", Form: "indirect"},
			},
		},
		{
			name: "pronoun-after-speaker",
			text: "Kirby said the talks were advancing. He added that Washington would respond.",
			want: []brief{
				{Source: "Kirby", Cue: "said", Content: "the talks were advancing", Speaker: "john-kirby", Act: "assert", Factuality: "CT+", Form: "indirect"},
				{Source: "He", Cue: "added", Content: "Washington would respond", Speaker: "john-kirby", Act: "assert", Factuality: "CT+", Form: "indirect"},
			},
		},
		{
			name: "new-speaker-surname",
			text: "Analyst Hwang Dae-sik said the trade would grow. Hwang added that prices were rising.",
			want: []brief{
				{Source: "Analyst Hwang Dae-sik", Cue: "said", Content: "the trade would grow", Speaker: "new:analyst-hwang-dae-sik", Act: "assert", Factuality: "CT+", Form: "indirect"},
				{Source: "Hwang", Cue: "added", Content: "prices were rising", Speaker: "new:analyst-hwang-dae-sik", Act: "assert", Factuality: "CT+", Form: "indirect"},
			},
		},
		{
			name: "nested",
			text: "The ministry denied the report, KCNA said.",
			want: []brief{
				{Source: "The ministry", Cue: "denied", Content: "the report", Speaker: "new:ministry", Act: "deny", Factuality: "CT-", Form: "indirect"},
				{Source: "KCNA", Cue: "said", Content: "The ministry denied the report", Speaker: "kcna", Act: "assert", Factuality: "CT+", Form: "indirect"},
			},
		},
		{
			name: "abbreviations",
			text: "Gen. Paul LaCamera met U.S. officials on Dec. 4 in Seoul. The U.S. Army said the drills would go ahead.",
			want: []brief{{Source: "The U.S. Army", Cue: "said", Content: "the drills would go ahead", Speaker: "new:us-army", Act: "assert", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "passive-is-not-a-cue",
			text: "The shipment was denied entry at the port.",
		},
		{
			name: "negated-is-not-a-cue",
			text: "The statement did not say who sent the shells.",
		},
		{
			name: "name-is-not-a-cue",
			text: "The United States imposed new sanctions on Friday.",
		},
		{
			name: "said-last-year",
			text: "Last year, the US accused North Korea of shipping shells to Russia.",
			want: []brief{{Source: "the US", Cue: "accused", Content: "North Korea of shipping shells to Russia", Speaker: "united-states", Act: "accuse", Factuality: "CT+", Form: "indirect", Said: "2023"}},
		},
		{
			name: "name-with-may",
			text: "Theresa May said Britain would leave.",
			want: []brief{{Source: "Theresa May", Cue: "said", Content: "Britain would leave", Speaker: "new:theresa-may", Act: "assert", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "month-may",
			text: "Peskov said the talks would resume in May.",
			want: []brief{{Source: "Peskov", Cue: "said", Content: "the talks would resume in May", Speaker: "dmitry-peskov", Act: "assert", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "said-no",
			text: "Asked about the deal, Peskov said no. Russia has repeatedly denied the claim.",
			want: []brief{
				{Source: "Peskov", Cue: "said", Content: "no", Speaker: "dmitry-peskov", Act: "assert", Factuality: "CT+", Form: "indirect"},
				{Source: "Russia", Cue: "denied", Content: "the claim", Speaker: "russia", Act: "deny", Factuality: "CT-", Form: "indirect"},
			},
		},
		{
			name: "place-abbreviation-ends-sentence",
			text: "The drones had parts from the U.S. Kirby said the parts were old.",
			want: []brief{{Source: "Kirby", Cue: "said", Content: "the parts were old", Speaker: "john-kirby", Act: "assert", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "single-quotes",
			text: "‘We will respond,’ says Peskov.",
			want: []brief{{Source: "Peskov", Cue: "says", Content: "‘We will respond,’", Speaker: "dmitry-peskov", Act: "pledge", Factuality: "CT+", Form: "direct"}},
		},
		{
			name: "straight-single-quotes",
			text: "'These claims are absurd,' Peskov said.",
			want: []brief{{Source: "Peskov", Cue: "said", Content: "'These claims are absurd,'", Speaker: "dmitry-peskov", Act: "deny", Factuality: "CT-", Form: "direct"}},
		},
		{
			name: "plural-possessive-is-not-a-quote",
			text: "The officials’ claims were false, Peskov said.",
			want: []brief{{Source: "Peskov", Cue: "said", Content: "The officials’ claims were false", Speaker: "dmitry-peskov", Act: "deny", Factuality: "CT-", Form: "indirect"}},
		},
		{
			name: "list-of-names",
			text: "The United States, Japan and South Korea condemned the launch.",
			want: []brief{
				{Source: "The United States", Cue: "condemned", Content: "the launch", Speaker: "united-states", Act: "accuse", Factuality: "CT+", Form: "indirect"},
				{Source: "Japan", Cue: "condemned", Content: "the launch", Speaker: "new:japan", Act: "accuse", Factuality: "CT+", Form: "indirect"},
				{Source: "South Korea", Cue: "condemned", Content: "the launch", Speaker: "new:south-korea", Act: "accuse", Factuality: "CT+", Form: "indirect"},
			},
		},
		{
			name: "names-joined-by-preposition",
			text: "Ministers from France and Germany said the talks would continue.",
			want: []brief{{Source: "Ministers from France and Germany", Cue: "said", Content: "the talks would continue", Speaker: "new:ministers-from-france-and-germany", Act: "assert", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "statement-adjunct",
			text: "The Kremlin said in a statement on Tuesday that the reports were groundless.",
			want: []brief{{Source: "The Kremlin", Cue: "said", Content: "the reports were groundless", Speaker: "russia", Act: "deny", Factuality: "CT-", Form: "indirect", Said: "2024-05-14"}},
		},
		{
			name: "headline-coordinated",
			text: "Kremlin denies arms deal, calls reports absurd",
			want: []brief{
				{Source: "Kremlin", Cue: "denies", Content: "arms deal", Speaker: "russia", Act: "deny", Factuality: "CT-", Form: "indirect"},
				{Source: "Kremlin", Cue: "calls", Content: "reports absurd", Speaker: "russia", Act: "deny", Factuality: "CT-", Form: "indirect"},
			},
		},
		{
			name: "neither-nor-responded",
			text: "Neither the Kremlin nor Peskov responded to requests for comment.",
			want: []brief{
				{Source: "the Kremlin", Cue: "responded", Speaker: "russia", Act: "decline-comment", Factuality: "Uu", Form: "non-response"},
				{Source: "Peskov", Cue: "responded", Speaker: "dmitry-peskov", Act: "decline-comment", Factuality: "Uu", Form: "non-response"},
			},
		},
		{
			name: "relative-clause",
			text: "The Kremlin, which denied wrongdoing, would appeal the ruling.",
			want: []brief{{Source: "The Kremlin", Cue: "denied", Content: "wrongdoing", Speaker: "russia", Act: "deny", Factuality: "CT-", Form: "indirect"}},
		},
		{
			name: "quote-goes-on",
			text: "“We deny it,” Peskov said. “It is a lie.”\n\n“Next paragraph,” it said.",
			want: []brief{
				{Source: "Peskov", Cue: "said", Content: "“We deny it,” | “It is a lie.”", Speaker: "dmitry-peskov", Act: "deny", Factuality: "CT-", Form: "direct"},
				{Source: "it", Cue: "said", Content: "“Next paragraph,”", Act: "assert", Factuality: "CT+", Form: "direct"}, // "it" is not Peskov
			},
		},
		{
			name: "pleaded-not-guilty",
			text: "Peskov pleaded not guilty to two counts of fraud.",
			want: []brief{{Source: "Peskov", Cue: "pleaded not guilty", Content: "to two counts of fraud", Speaker: "dmitry-peskov", Act: "deny", Factuality: "CT-", Form: "indirect"}},
		},
		{
			name: "testified",
			text: "A port official testified that the bids had been opened early.",
			want: []brief{{Source: "A port official", Cue: "testified", Content: "the bids had been opened early", Speaker: "new:port-official", Act: "assert", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "future-is-not-said",
			text: "On May 20, 2024, Peskov said the deal was lawful.",
			want: []brief{{Source: "Peskov", Cue: "said", Content: "the deal was lawful", Speaker: "dmitry-peskov", Act: "assert", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "past-date-is-said",
			text: "On May 13, 2024, Peskov said the deal was lawful.",
			want: []brief{{Source: "Peskov", Cue: "said", Content: "the deal was lawful", Speaker: "dmitry-peskov", Act: "assert", Factuality: "CT+", Form: "indirect", Said: "2024-05-13"}},
		},
		{
			name: "infinitive-has-no-subject",
			text: "Pyongyang threatened to respond in kind.",
			want: []brief{{Source: "Pyongyang", Cue: "threatened", Content: "to respond in kind", Speaker: "north-korea", Act: "threaten", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "continues-to",
			text: "The Kremlin continues to call for talks.",
			want: []brief{{Source: "The Kremlin", Cue: "call for", Content: "talks", Speaker: "russia", Act: "urge", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "time-of-day",
			text: "Kirby said at 3 p.m. on Friday that the talks had ended.",
			want: []brief{{Source: "Kirby", Cue: "said", Content: "the talks had ended", Speaker: "john-kirby", Act: "assert", Factuality: "CT+", Form: "indirect", Said: "2024-05-17"}},
		},
		{
			name: "quote-never-closed",
			text: "“We have never bought a shell, Peskov said. Kirby said the shipments went on.",
			want: []brief{
				{Source: "Peskov", Cue: "said", Content: "“We have never bought a shell", Speaker: "dmitry-peskov", Act: "deny", Factuality: "CT-", Form: "direct"},
				{Source: "Kirby", Cue: "said", Content: "the shipments went on", Speaker: "john-kirby", Act: "assert", Factuality: "CT+", Form: "indirect"},
			},
		},
		{
			name: "old-mac-line-ends",
			text: "Kremlin denies arms deal\r\rPeskov said the report was false.",
			want: []brief{
				{Source: "Kremlin", Cue: "denies", Content: "arms deal", Speaker: "russia", Act: "deny", Factuality: "CT-", Form: "indirect"},
				{Source: "Peskov", Cue: "said", Content: "the report was false", Speaker: "dmitry-peskov", Act: "deny", Factuality: "CT-", Form: "indirect"},
			},
		},
		{
			name: "pronoun-unresolved",
			text: "He said the deal was lawful.",
			want: []brief{{Source: "He", Cue: "said", Content: "the deal was lawful", Act: "assert", Factuality: "CT+", Form: "indirect"}},
		},
		{
			name: "multi-paragraph-quote",
			text: "Kirby said: “The shipments have grown.\n\n“They now include missiles.”",
			want: []brief{{Source: "Kirby", Cue: "said", Content: "“The shipments have grown. | “They now include missiles.”", Speaker: "john-kirby", Act: "assert", Factuality: "CT+", Form: "direct"}},
		},
	}
	reg := testRegistry(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{Registry: reg, Published: published})
			require.NoError(t, err)
			got := briefs(res)
			// The rules are checked in rules_test.go.
			noRule := cmpopts.IgnoreFields(brief{}, "Rule")
			if diff := cmp.Diff(tc.want, got, noRule, cmp.Comparer(func(a, b []brief) bool { return len(a) == 0 && len(b) == 0 || cmp.Equal(a, b, noRule) })); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
			checkSpans(t, tc.text, res)
		})
	}
}

// checkSpans checks every span against the text it came from.
func checkSpans(t *testing.T, text string, res *extract.Result) {
	t.Helper()
	for i, c := range res.Candidates {
		spans := append([]claim.Span{c.Cue}, c.Content...)
		if c.SpeakerText.Exact != "" {
			spans = append(spans, c.SpeakerText)
		}
		for _, s := range spans {
			assert.NoError(t, s.Check(text), "candidate %d span %v", i, s)
		}
		assert.NotEmpty(t, c.Rule, "candidate %d names no rule", i)
	}
}

func TestExtractInvalidUTF8(t *testing.T) {
	_, err := extract.Extract("He said \xff it.", extract.Options{})
	var fe *extract.Error
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "text", fe.Field)
	assert.Equal(t, "byte 8", fe.Value)
	assert.ErrorIs(t, err, source.ErrInvalidUTF8)
}

// TestNewSources checks that unknown speakers come back as sources, never
// dropped, and that unnamed ones are marked so.
func TestNewSources(t *testing.T) {
	res, err := extract.Extract("Two officials briefed on the matter said the shells were old. Analyst Hwang Dae-sik said prices rose.", extract.Options{})
	require.NoError(t, err)
	want := []source.Source{
		{ID: "new:two-officials-briefed-on-the-matter", Name: "Two officials briefed on the matter", Identity: source.IdentityUnnamed},
		{ID: "new:analyst-hwang-dae-sik", Name: "Analyst Hwang Dae-sik", Kind: source.KindPerson},
	}
	if diff := cmp.Diff(want, res.NewSources); diff != "" {
		t.Errorf("NewSources mismatch (-want +got):\n%s", diff)
	}
	for _, c := range res.Candidates {
		assert.Equal(t, extract.ResolutionNew, c.Resolution)
	}
}

// TestNewSourceIDsDiffer checks that the proposed sources load into a
// registry: distinct IDs and distinct names once normalised.
func TestNewSourceIDsDiffer(t *testing.T) {
	res, err := extract.Extract("Al-Shabaab said the attack was over. Al Shabaab later said it had ended. "+
		"Al Shabaab Media said nothing.", extract.Options{})
	require.NoError(t, err)
	require.Len(t, res.Candidates, 3)
	assert.Equal(t, res.Candidates[0].Speaker, res.Candidates[1].Speaker, "one name, spelt two ways")
	require.Len(t, res.NewSources, 2)
	assert.NotEqual(t, res.NewSources[0].ID, res.NewSources[1].ID)
	_, err = source.NewRegistry(res.NewSources, nil)
	assert.NoError(t, err, "new sources load into a registry")
}

func TestEnumText(t *testing.T) {
	for f := extract.FormUnknown; f <= extract.FormNonResponse; f++ {
		b, err := f.MarshalText()
		require.NoError(t, err)
		var back extract.Form
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, f, back)
	}
	for r := extract.ResolutionUnknown; r <= extract.ResolutionUnresolved; r++ {
		b, err := r.MarshalText()
		require.NoError(t, err)
		var back extract.Resolution
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
	}
	for r := extract.ReasonUnknown; r <= extract.ReasonByline; r++ {
		got, err := extract.ParseReason(strings.ToUpper(r.String()))
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	_, err := extract.ParseForm("shouted")
	assert.ErrorIs(t, err, source.ErrUnknownName)
	var fe *extract.Error
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "shouted", fe.Value)
	assert.Equal(t, "Form(99)", extract.Form(99).String())
	assert.Equal(t, "Resolution(99)", extract.Resolution(99).String())
}

func TestMention(t *testing.T) {
	text := "“It is a lie,” Peskov said."
	res, err := extract.Extract(text, extract.Options{})
	require.NoError(t, err)
	require.Len(t, res.Candidates, 1)
	m, err := res.Candidates[0].Mention("a1", text)
	require.NoError(t, err)
	assert.Equal(t, "said", m.Cue)
	assert.Equal(t, "“It is a lie,” Peskov said", m.Span.Exact)
	assert.Equal(t, source.ArticleID("a1"), m.Article)

	_, err = res.Candidates[0].Mention("a1", "some other text entirely")
	assert.ErrorIs(t, err, claim.ErrSpan, "a text the candidate did not come from")
}

// TestViaNotOwnSpeaker checks that a statement is never relayed through its
// own speaker, which a corpus rejects as a cycle.
func TestViaNotOwnSpeaker(t *testing.T) {
	res, err := extract.Extract("KCNA retracted the report, which it said may have been groundless.", extract.Options{Registry: testRegistry(t)})
	require.NoError(t, err)
	for _, c := range res.Candidates {
		assert.NotContains(t, c.Via, c.Speaker, "candidate %q", c.Cue.Exact)
	}
}

func TestVia(t *testing.T) {
	res, err := extract.Extract("The ministry denied the report, KCNA said. Kirby said intelligence indicates that the talks advanced.", extract.Options{Registry: testRegistry(t)})
	require.NoError(t, err)
	via := map[string][]source.ID{}
	for _, c := range res.Candidates {
		via[c.Cue.Exact] = c.Via
	}
	want := map[string][]source.ID{
		"denied":    {"kcna"},
		"said":      nil,
		"indicates": {"john-kirby"},
	}
	if diff := cmp.Diff(want, via); diff != "" {
		t.Errorf("Via mismatch (-want +got):\n%s", diff)
	}
}

// TestStatement checks that an accepted candidate becomes a statement that
// a corpus validates.
func TestStatement(t *testing.T) {
	text := "“It is a lie,” Peskov said on Tuesday. He said nothing else."
	reg := testRegistry(t)
	res, err := extract.Extract(text, extract.Options{Registry: reg, Published: published})
	require.NoError(t, err)
	require.NotEmpty(t, res.Candidates)
	st, err := res.Candidates[0].Statement("s1", "c1", "a1", text)
	require.NoError(t, err)
	assert.Equal(t, source.ID("dmitry-peskov"), st.Source)
	assert.Equal(t, claim.ActDeny, st.Act)
	assert.Equal(t, "2024-05-14", st.Said.String())
	c := &claim.Corpus{
		Format:     claim.Format,
		Sources:    reg.Sources(),
		Articles:   []source.Article{{ID: "a1", Published: published, Text: text}},
		Claims:     []claim.Claim{{ID: "c1", Text: "Russia bought shells"}},
		Statements: []claim.Statement{st},
	}
	assert.NoError(t, c.Validate())

	unresolved := extract.Candidate{SpeakerText: claim.Span{Start: 0, End: 2, Exact: "He"}, Cue: res.Candidates[0].Cue}
	_, err = unresolved.Statement("s2", "c1", "a1", text)
	assert.ErrorIs(t, err, source.ErrEmpty)
}

func TestGroups(t *testing.T) {
	text := "Kirby said North Korea shipped artillery shells to Russia. " +
		"Peskov denied that North Korea shipped any shells to Russia. " +
		"The ministry said the harvest was good."
	res, err := extract.Extract(text, extract.Options{})
	require.NoError(t, err)
	require.Len(t, res.Candidates, 3)
	got := extract.Groups(res.Candidates, 0)
	require.Len(t, got, 1)
	assert.Equal(t, []int{0, 1}, got[0].Members)
	assert.InDelta(t, 1.0, got[0].Similarity, 1e-9) // every word of the shorter content is in the longer one
}

// TestGroupsDoNotChain checks that a candidate joins a group only when it is
// like every member: A is like B and B like C, but A is not like C.
func TestGroupsDoNotChain(t *testing.T) {
	text := "Kirby said tanks crossed the river. " +
		"Peskov said tanks crossed the river on rafts near Kherson. " +
		"Zelensky said rafts near Kherson carried fuel."
	res, err := extract.Extract(text, extract.Options{})
	require.NoError(t, err)
	require.Len(t, res.Candidates, 3)
	for _, g := range extract.Groups(res.Candidates, 0.5) {
		assert.Less(t, len(g.Members), 3, "group %v chains unlike contents", g.Members)
	}
}

// TestGolden runs Extract on every gold article, with its registry and
// publication time, and compares the result with testdata/golden/NAME.json;
// go test -update rewrites them. It guards against unnoticed changes: the
// gold scores are in package gold.
func TestGolden(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "gold", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, n := range names {
		name := strings.TrimSuffix(filepath.Base(n), ".json")
		t.Run(name, func(t *testing.T) {
			// The article's own publication time and registry, as a user
			// following the story would have them.
			a, err := gold.Load(n)
			require.NoError(t, err)
			res, err := extract.Extract(a.Text, extract.Options{Registry: a.Registry, Published: a.Published})
			require.NoError(t, err)
			checkSpans(t, a.Text, res)
			got, err := json.MarshalIndent(briefs(res), "", "  ")
			require.NoError(t, err)
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
			}
			want, err := os.ReadFile(golden)
			if errors.Is(err, os.ErrNotExist) {
				t.Fatalf("%s is missing: run go test -update", golden)
			}
			require.NoError(t, err)
			if diff := cmp.Diff(string(want), string(got)+"\n"); diff != "" {
				t.Errorf("Extract(%s) mismatch (-want +got):\n%s", name, diff)
			}
		})
	}
}

// TestExtractConcurrent runs Extract on the gold articles from several
// goroutines at once, as a server would, and checks each result against a
// run on its own: extractors are pooled, and no state may leak between
// calls.
func TestExtractConcurrent(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "gold", "*.txt"))
	require.NoError(t, err)
	var texts []string
	var want [][]brief
	for _, n := range names {
		raw, err := os.ReadFile(n)
		require.NoError(t, err)
		res, err := extract.Extract(string(raw), extract.Options{Published: published})
		require.NoError(t, err)
		texts = append(texts, string(raw))
		want = append(want, briefs(res))
	}
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			for k := range 3 * len(texts) {
				i := (g + k) % len(texts)
				res, err := extract.Extract(texts[i], extract.Options{Published: published})
				if err == nil && !cmp.Equal(want[i], briefs(res)) {
					err = fmt.Errorf("%s: result differs when run concurrently:\n%s", names[i], cmp.Diff(want[i], briefs(res)))
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		assert.NoError(t, <-errs)
	}
}
