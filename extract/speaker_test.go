package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/source"
)

// TestDescriptionNamesOwnSpeaker checks that a source text naming its own
// speaker, by a capitalised word or a registry name, is never read as a
// description referring back to the previous speaker, while "the defence
// ministry" and "the ministry" still are.
func TestDescriptionNamesOwnSpeaker(t *testing.T) {
	ministries := []source.Source{
		{ID: "russia-mod", Name: "Russian Defence Ministry", Kind: source.KindAgency},
		{ID: "uk-mod", Name: "British Defence Ministry", Kind: source.KindAgency, Aliases: []string{"UK Ministry of Defence"}},
	}
	reg, err := source.NewRegistry(ministries, nil)
	require.NoError(t, err)
	// A British paper's registry, where "the defence ministry" is Britain's.
	british, err := source.NewRegistry([]source.Source{
		ministries[0],
		{ID: "uk-mod", Name: "British Defence Ministry", Kind: source.KindAgency, Aliases: []string{"the defence ministry"}},
	}, nil)
	require.NoError(t, err)
	const before = "The Russian defence ministry said that the drones were British. "
	type speaker struct {
		ID         source.ID
		Resolution extract.Resolution
	}
	tests := []struct {
		name string
		reg  *source.Registry
		text string
		want speaker
	}{
		{
			name: "capitalised-registry",
			reg:  reg,
			text: "The British defence ministry said that this 'invented story' was false.",
			want: speaker{"uk-mod", extract.ResolutionRegistry},
		},
		{
			name: "capitalised-alias",
			reg:  reg,
			text: "The UK Ministry of Defence said that this 'invented story' was false.",
			want: speaker{"uk-mod", extract.ResolutionRegistry},
		},
		{
			name: "capitalised-unknown",
			reg:  reg,
			text: "The French defence ministry said that the report was wrong.",
			want: speaker{"new:french-defence-ministry", extract.ResolutionNew},
		},
		{
			name: "capitalised-no-registry",
			text: "The British defence ministry said that this 'invented story' was false.",
			want: speaker{"new:british-defence-ministry", extract.ResolutionNew},
		},
		{
			name: "lower-case-registry-alias",
			reg:  british,
			text: "The defence ministry said that this 'invented story' was false.",
			want: speaker{"uk-mod", extract.ResolutionRegistry},
		},
		{
			name: "description",
			reg:  reg,
			text: "The defence ministry said that the drones had been shot down.",
			want: speaker{"russia-mod", extract.ResolutionCarried},
		},
		{
			name: "bare-description",
			reg:  reg,
			text: "The ministry said that the drones had been shot down.",
			want: speaker{"russia-mod", extract.ResolutionCarried},
		},
		{
			name: "description-without-registry",
			text: "The ministry said that the drones had been shot down.",
			want: speaker{"new:russian-defence-ministry", extract.ResolutionCarried},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(before+tc.text, extract.Options{Registry: tc.reg})
			require.NoError(t, err)
			require.Len(t, res.Candidates, 2)
			c := res.Candidates[1]
			got := speaker{c.Speaker, c.Resolution}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) speaker mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestSpeakerAgreesWithRegistry checks that a source named by any name or
// alias of a registry, "<alias> said that the talks failed.", resolves to
// the source Registry.Resolve gives for that alias: possessive ("Russia's
// defence ministry", with a straight or a curly apostrophe), dotted
// ("U.S.") and multiword aliases included.
func TestSpeakerAgreesWithRegistry(t *testing.T) {
	small, err := source.NewRegistry([]source.Source{
		{ID: "united-states", Name: "United States", Kind: source.KindGovernment, Aliases: []string{"U.S.", "US", "the United States of America"}},
		{ID: "russia", Name: "Russia", Kind: source.KindGovernment, Aliases: []string{"Moscow", "the Kremlin"}},
		{ID: "russia-mod", Name: "Russian Defence Ministry", Kind: source.KindAgency, Parent: "russia", Aliases: []string{"Russia's defence ministry", "Russia’s Ministry of Defence"}},
		{ID: "uk-mod", Name: "British Defence Ministry", Kind: source.KindAgency, Aliases: []string{"Britain’s defence ministry", "the UK Ministry of Defence"}},
		{ID: "us-army", Name: "U.S. Army", Kind: source.KindMilitary, Parent: "united-states", Aliases: []string{"the U.S. Army's Pacific Command"}},
		{ID: "kcna", Name: "Korean Central News Agency", Kind: source.KindStateMedia, Aliases: []string{"KCNA"}},
		{ID: "jean-dupont", Name: "Jean-Luc Dupont", Kind: source.KindPerson, Aliases: []string{"Dupont"}},
		{ID: "anna-o-neill", Name: "Anna O'Neill", Kind: source.KindOfficial},
	}, nil)
	require.NoError(t, err)
	seed := readRegistry(t, filepath.Join("..", "examples", "extract-article", "testdata", "registry.json"))
	regs := []struct {
		name string
		reg  *source.Registry
	}{{"small", small}, {"seed", seed}}
	golds, err := filepath.Glob(filepath.Join("testdata", "gold", "*.json"))
	require.NoError(t, err)
	for _, n := range golds {
		a, err := gold.Load(n)
		require.NoError(t, err)
		if a.Registry != nil {
			regs = append(regs, struct {
				name string
				reg  *source.Registry
			}{a.Name, a.Registry})
		}
	}
	// Names that describe a source rather than name it: no sentence has
	// them as its subject, so none is built for them.
	descriptive := map[string]bool{
		"US intelligence sources (not disclosed)":           true,
		"intelligence seen by the Corvanian Foreign Office": true,
	}
	for _, r := range regs {
		for _, src := range r.reg.Sources() {
			if src.ID == source.AbsentID {
				continue
			}
			var aliases []string
			for _, a := range append([]string{src.Name}, src.Aliases...) {
				// Each apostrophe written both ways: "Russia's", "Russia’s".
				aliases = append(aliases, a)
				if strings.ContainsAny(a, "'’") {
					aliases = append(aliases, strings.NewReplacer("'", "’", "’", "'").Replace(a))
				}
			}
			for _, alias := range aliases {
				if descriptive[alias] {
					continue
				}
				t.Run(r.name+"/"+alias, func(t *testing.T) {
					want, ok := r.reg.Resolve(alias)
					require.True(t, ok, "Resolve(%q)", alias)
					// The sentence opens with a capital, as written: "The
					// Kremlin said".
					first, n := utf8.DecodeRuneInString(alias)
					text := string(unicode.ToUpper(first)) + alias[n:] + " said that the talks failed."
					res, err := extract.Extract(text, extract.Options{Registry: r.reg})
					require.NoError(t, err)
					require.NotEmpty(t, res.Candidates, "Extract(%q)", text)
					c := res.Candidates[0]
					assert.Equal(t, want.ID, c.Speaker, "Extract(%q) speaker of source %q", text, c.SpeakerText.Exact)
					assert.Equal(t, extract.ResolutionRegistry, c.Resolution, "Extract(%q)", text)
				})
			}
		}
	}
}

// readRegistry reads a registry from a JSON list of sources.
func readRegistry(t *testing.T, path string) *source.Registry {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var sources []source.Source
	require.NoError(t, json.Unmarshal(raw, &sources))
	reg, err := source.NewRegistry(sources, nil)
	require.NoError(t, err)
	return reg
}

// TestSpeakerWorksFor checks that a speaker named by a role and whom it
// works for ("a spokesman for President Varga") is a source of its own
// under that one, not that one, while a name before "of" ("Amb. Linda
// Okafor of Nigeria") is still resolved by its tail; that "the
// statement" speaks for the latest speaker; that "the governor" is a
// recent speaker whom the registry calls governor; and that a bare plural
// ("Prosecutors") is the one registry source whose name ends in it.
func TestSpeakerWorksFor(t *testing.T) {
	reg, err := source.NewRegistry([]source.Source{
		{ID: "varga", Name: "Anton Varga", Kind: source.KindPerson, Aliases: []string{"President Anton Varga"}},
		{ID: "harbour-authority", Name: "Harbour Authority", Kind: source.KindAgency},
		{ID: "nigeria", Name: "Nigeria", Kind: source.KindGovernment},
		{ID: "anna-holm", Name: "Anna Holm", Kind: source.KindOfficial, Aliases: []string{"Harbour Governor Anna Holm", "Holm"}},
		{ID: "lisk-prosecutors", Name: "Lisk prosecutors", Kind: source.KindAgency},
		{ID: "port-investigators", Name: "Port investigators", Kind: source.KindAgency},
		{ID: "coast-investigators", Name: "Coast investigators", Kind: source.KindAgency},
		{ID: "varnesia", Name: "Varnesia", Kind: source.KindGovernment},
		{ID: "varnesian-officials", Name: "Varnesian defence officials", Kind: source.KindOfficial},
		{ID: "ostria-mfa", Name: "Ostrian foreign ministry", Kind: source.KindAgency},
	}, nil)
	require.NoError(t, err)
	type speaker struct {
		ID     source.ID
		Parent source.ID
	}
	tests := []struct {
		name string
		text string
		want []speaker
	}{
		{"spokesman-for-a-person", "A spokesman for President Anton Varga said the talks had failed.",
			[]speaker{{"new:spokesman-for-president-anton-varga", "varga"}}},
		{"head-of-a-body", "The head of the Harbour Authority said the talks had failed.",
			[]speaker{{"new:head-of-the-harbour-authority", "harbour-authority"}}},
		{"name-of-a-country", "Amb. Linda Okafor of Nigeria said the talks had failed.",
			[]speaker{{"nigeria", ""}}},
		{"the-statement", "The Harbour Authority denied the report. The statement said no ship had docked.",
			[]speaker{{"harbour-authority", ""}, {"harbour-authority", ""}}},
		{"title-the-registry-gives", "Holm said the port would reopen. The governor said the ships were safe.",
			[]speaker{{"anna-holm", ""}, {"anna-holm", ""}}},
		{"bare-plural-one-registry-source", "Prosecutors said the port chief took bribes.",
			[]speaker{{"lisk-prosecutors", ""}}},
		{"bare-plural-two-registry-sources", "Investigators said the port chief took bribes.",
			[]speaker{{"new:investigators", ""}}},
		{"demonym-inquiry-to-the-country", "The Varnesian investigation concluded that the dam had been sabotaged.",
			[]speaker{{"varnesia", ""}}},
		{"demonym-statement-to-the-recent-body", "The Ostrian foreign ministry denied the report. The Ostrian statement said no ship had docked. The statement added that talks would go on.",
			[]speaker{{"ostria-mfa", ""}, {"ostria-mfa", ""}, {"ostria-mfa", ""}}},
		{"one-of-a-registry-group", "The Varnesian defence official said the port was shut.",
			[]speaker{{"varnesian-officials", ""}}},
		{"he-after-with-participle", "Velkor denied the report, with its spokesman Piet Amsel calling it a smear. He added that the firm would sue.",
			[]speaker{{"new:velkor", ""}, {"new:its-spokesman-piet-amsel", ""}, {"new:its-spokesman-piet-amsel", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{Registry: reg})
			require.NoError(t, err)
			parents := make(map[source.ID]source.ID)
			for _, s := range res.NewSources {
				parents[s.ID] = s.Parent
			}
			var got []speaker
			for _, c := range res.Candidates {
				got = append(got, speaker{c.Speaker, parents[c.Speaker]})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) speakers mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestBareHeadFollowsTheRegistry extracts one text with registries that
// name its bare plural differently, in turn and on one goroutine, so that
// the pooled extractor that keeps what it read of a registry is reused: each
// call must answer for its own registry, the first one again included.
func TestBareHeadFollowsTheRegistry(t *testing.T) {
	registry := func(id source.ID, name string) *source.Registry {
		reg, err := source.NewRegistry([]source.Source{{ID: id, Name: name, Kind: source.KindAgency}}, nil)
		require.NoError(t, err)
		return reg
	}
	lisk := registry("lisk-prosecutors", "Lisk prosecutors")
	varn := registry("varn-prosecutors", "Varn state prosecutors")
	other := registry("port-police", "Port police")
	text := "Prosecutors said the port chief took bribes."
	for i, tc := range []struct {
		reg  *source.Registry
		want source.ID
	}{
		{lisk, "lisk-prosecutors"}, {varn, "varn-prosecutors"}, {other, "new:prosecutors"},
		{lisk, "lisk-prosecutors"}, {lisk, "lisk-prosecutors"}, {nil, "new:prosecutors"}, {varn, "varn-prosecutors"},
	} {
		res, err := extract.Extract(text, extract.Options{Registry: tc.reg})
		require.NoError(t, err)
		require.Len(t, res.Candidates, 1)
		assert.Equal(t, tc.want, res.Candidates[0].Speaker, "call %d", i)
	}
}

// TestPronounGender checks that "he" and "she" skip a person the article
// has already called the other, by a pronoun, "Mr" or "Ms", or a role such
// as "spokeswoman".
func TestPronounGender(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []source.ID
	}{
		{"she-skips-a-he", "Tomas Reval said the talks were over. He added that no arms were sent. Irena Palk said the port was closed. Reval said more. “We do not comment on rumours,” she told reporters.",
			[]source.ID{"new:tomas-reval", "new:tomas-reval", "new:irena-palk", "new:tomas-reval", "new:irena-palk"}},
		{"he-skips-a-ms", "Mr Reval said the talks were over. Ms Palk said the port was closed. “We deny it,” he said.",
			[]source.ID{"new:mr-reval", "new:ms-palk", "new:mr-reval"}},
		{"she-skips-a-spokesman", "Spokesman Piet Amsel said the port was closed. “We deny it,” she said.",
			[]source.ID{"new:spokesman-piet-amsel", ""}},
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

// TestDescriptionByKind checks that a description refers back to a recent
// registry speaker of the kind it names, though the speaker's name and
// aliases lack the word: "the company" an organisation, "the agency" an
// agency, "the government" a government, and nothing of another kind.
func TestDescriptionByKind(t *testing.T) {
	reg, err := source.NewRegistry([]source.Source{
		{ID: "halden-data", Name: "Halden Data", Kind: source.KindOrganisation},
		{ID: "harbour-board", Name: "Harbour Safety Board", Kind: source.KindAgency},
		{ID: "norland", Name: "Norland", Kind: source.KindGovernment},
		{ID: "mira-sol", Name: "Mira Sol", Kind: source.KindPerson},
	}, nil)
	require.NoError(t, err)
	tests := []struct {
		name, text string
		want       source.ID
	}{
		{"company", "Halden Data denied the report. The company said it had deleted the files.", "halden-data"},
		{"firm", "Halden Data denied the report. The firm said it had deleted the files.", "halden-data"},
		{"agency", "The Harbour Safety Board said four bolts were missing. The agency said the door had been refitted.", "harbour-board"},
		{"government", "Norland denied the report. The government said the ship had left.", "norland"},
		{"other-kind", "Norland denied the report. The company said the ship had left.", "new:company"},
		{"person", "Mira Sol denied the report. The agency said the ship had left.", "new:agency"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{Registry: reg})
			require.NoError(t, err)
			require.Len(t, res.Candidates, 2)
			assert.Equal(t, tc.want, res.Candidates[1].Speaker)
		})
	}
}

// TestPaperSpeaksForItsIssuer checks that a document is never a source of
// its own: "the statement", "the letter", "the latest assessment" and an
// indefinite "a statement" speak for the latest speaker named, and a
// participle after a document someone issued ("issued a statement
// saying") for whoever issued it. "A report" is most often another
// outlet's and stays a source of its own.
func TestPaperSpeaksForItsIssuer(t *testing.T) {
	reg, err := source.NewRegistry([]source.Source{
		{ID: "port-authority", Name: "Orvik Port Authority", Kind: source.KindAgency},
		{ID: "harlow", Name: "Mara Harlow", Kind: source.KindOfficial},
	}, nil)
	require.NoError(t, err)
	tests := []struct {
		name, text string
		want       []source.ID
	}{
		{"the-letter", "The Orvik Port Authority said the pier was closed. The letter added that repairs would take a month.",
			[]source.ID{"port-authority", "port-authority"}},
		{"the-latest-assessment", "The Orvik Port Authority said the pier was closed. The latest assessment says repairs will take a month.",
			[]source.ID{"port-authority", "port-authority"}},
		{"the-release", "The Orvik Port Authority said the pier was closed. The release stated that nobody was hurt.",
			[]source.ID{"port-authority", "port-authority"}},
		{"a-statement", "Mara Harlow denied the claims. A statement said the payments were legal.",
			[]source.ID{"harlow", "harlow"}},
		{"a-court-statement", "Mara Harlow denied the claims. A court statement said the payments were legal.",
			[]source.ID{"harlow", "harlow"}},
		{"a-report-is-not-the-speaker", "Mara Harlow denied the claims. A report said the payments were illegal.",
			[]source.ID{"harlow", "new:report"}},
		{"issued-a-statement-saying", "Mara Harlow issued a statement saying the payments were legal.",
			[]source.ID{"harlow", "harlow"}},
		{"signed-a-joint-statement-saying", "The players signed a joint statement saying they would not play again.",
			[]source.ID{"new:players"}},
		{"a-statement-from-saying", "A statement from the Orvik Port Authority saying the pier was safe was read out.",
			[]source.ID{"port-authority"}},
		{"released-a-statement-saying", "The Orvik Port Authority released a statement saying the pier was safe.",
			[]source.ID{"port-authority", "port-authority"}},
		{"put-out-a-statement-saying", "Mara Harlow put out a statement saying the payments were legal.",
			[]source.ID{"harlow", "harlow"}},
		{"read-out-a-statement-saying", "Mara Harlow read out a statement saying the payments were legal.",
			[]source.ID{"harlow"}},
		{"has-posted-a-letter-saying", "Mara Harlow has posted a letter saying the payments were legal.",
			[]source.ID{"harlow"}},
		{"retracted-a-report-alleging", "The Orvik Port Authority retracted a report alleging that the pier was unsafe.",
			[]source.ID{"port-authority", "port-authority"}},
		// A paper another verb takes is someone else's: not its
		// taker's, nor the latest speaker's.
		{"denied-a-statement-saying", "Mara Harlow denied a statement saying the payments were illegal.",
			[]source.ID{"harlow", "new:statement"}},
		{"denied-the-statement-saying", "Mara Harlow denied the statement saying the payments were illegal.",
			[]source.ID{"harlow", "new:statement"}},
		{"rejected-a-report-saying", "Mara Harlow rejected a report saying the payments were illegal.",
			[]source.ID{"harlow", "new:report"}},
		{"received-a-letter-saying", "The Orvik Port Authority received a letter saying the pier was unsafe.",
			[]source.ID{"new:letter"}},
		{"leaked-a-memo-saying", "The Orvik Port Authority leaked a memo saying Mara Harlow had lied.",
			[]source.ID{"new:memo"}},
		{"read-a-report-saying", "Mara Harlow said the pier was safe. She read a report saying the pier was unsafe.",
			[]source.ID{"harlow", "new:report"}},
		{"a-statement-said-after-another's", "Mara Harlow denied a statement saying the payments were illegal. A statement said the payments were legal.",
			[]source.ID{"harlow", "new:statement", "new:statement"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{Registry: reg})
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

// TestNounOwner checks who owns an attribution noun: a possessor named
// after a capitalised word ("U.S. officials' claims", "the Orvik army's
// accusations"), and a possessive pronoun, which refers back as its
// subject pronoun would ("his assertion that C" after he spoke), but only
// when the noun gives what was said.
func TestNounOwner(t *testing.T) {
	type cand struct {
		Cue     string
		Speaker source.ID
	}
	tests := []struct {
		name, text string
		want       []cand
	}{
		{"plural-possessor-after-a-name", "The ministry dismissed U.S. officials' claims that the leak came from a lab.",
			[]cand{{"dismissed", "new:ministry"}, {"claims", "new:us-officials"}}},
		{"possessor-after-a-name", "The militia rejected the Orvik army's accusations that it fired the rocket.",
			[]cand{{"rejected", "new:militia"}, {"accusations", "new:orvik-army"}}},
		{"his-assertion", "The president said the vote was fair and repeated his assertion that the count was clean.",
			[]cand{{"said", "new:president"}, {"assertion", "new:president"}}},
		{"their-claim", "The unions said the talks had failed. Their claim that the port was unsafe was rejected.",
			[]cand{{"said", "new:unions"}, {"claim", "new:unions"}}},
		{"his-comments-alone", "Mr Holm said the port was safe. His comments came after the vote.",
			[]cand{{"said", "new:mr-holm"}}},
		{"made-her-remarks", "The mayor said the port was safe. She made her remarks on Monday.",
			[]cand{{"said", "new:mayor"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{})
			require.NoError(t, err)
			var got []cand
			for _, c := range res.Candidates {
				got = append(got, cand{tc.text[c.Cue.Start:c.Cue.End], c.Speaker})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestDescriptionOfMention checks that a description no earlier speaker
// fits refers to the registry source the text named just before it, by
// kind or by a word of its names, and to nothing when none fits.
func TestDescriptionOfMention(t *testing.T) {
	reg, err := source.NewRegistry([]source.Source{
		{ID: "velkor", Name: "Velkor Dynamics", Kind: source.KindOrganisation, Aliases: []string{"Velkor"}},
		{ID: "halden-data", Name: "Halden Data", Kind: source.KindOrganisation},
		{ID: "anna-holm", Name: "Anna Holm", Kind: source.KindOfficial, Aliases: []string{"Harbour Governor Anna Holm"}},
		{ID: "orvik", Name: "Orvik", Kind: source.KindGovernment},
	}, nil)
	require.NoError(t, err)
	tests := []struct {
		name, text string
		want       source.ID
	}{
		{"company-by-kind", "The chief executive of Velkor Dynamics has been suspended by the board, the company said.", "velkor"},
		{"governor-by-title", "Harbour Governor Anna Holm visited the pier on Monday. The governor said the repairs were done.", "anna-holm"},
		{"nothing-fits", "Orvik held talks with the port. The company said the repairs were done.", "new:company"},
		// Two registry sources fit: the text does not say which.
		{"two-companies-fit", "Velkor Dynamics' shares fell after Halden Data cancelled its order, the company said.", "new:company"},
		{"two-companies-by-a-third", "The ministry fined Velkor Dynamics after a complaint by Halden Data, the company said.", "new:company"},
		{"one-company-and-a-government", "Orvik fined Velkor Dynamics after a complaint, the company said.", "velkor"},
		{"one-company-named-twice", "Velkor shares fell after Velkor Dynamics cut its forecast, the company said.", "velkor"},
		{"no-mention", "The company said the repairs were done.", "new:company"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{Registry: reg})
			require.NoError(t, err)
			require.NotEmpty(t, res.Candidates)
			assert.Equal(t, tc.want, res.Candidates[len(res.Candidates)-1].Speaker)
		})
	}
}

// TestPronounWithAdverb checks that a pronoun subject with an adverb the
// subject took along ("It instead promised") refers back as the pronoun
// alone, and is never proposed as a new source.
func TestPronounWithAdverb(t *testing.T) {
	tests := []struct {
		name, text string
		want       []source.ID
	}{
		{"it-instead", "The ministry said the port was shut. It instead promised an inquiry.", []source.ID{"new:ministry", "new:ministry"}},
		{"they-later", "The unions said the talks had failed. They later said the strike would go on.", []source.ID{"new:unions", "new:unions"}},
		{"it-ever", "Velkor denied that it ever kept a list of targets. It called the report false.", []source.ID{"new:velkor", "new:velkor"}},
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

// TestPronounAfterNarration checks that "he" or "she" refers to the
// registry person named as the subject of its sentence, or of the one
// before, since the latest speaker, rather than to that speaker; and to
// the speaker when the sentence names the person only as an object.
func TestPronounAfterNarration(t *testing.T) {
	reg, err := source.NewRegistry([]source.Source{
		{ID: "holm", Name: "Anna Holm", Kind: source.KindOfficial, Aliases: []string{"Holm"}},
		{ID: "berg", Name: "Jon Berg", Kind: source.KindPerson, Aliases: []string{"Berg"}},
		{ID: "dahl", Name: "Piet Dahl", Kind: source.KindPerson, Aliases: []string{"Dahl"}},
	}, nil)
	require.NoError(t, err)
	tests := []struct {
		name, text string
		want       []source.ID
	}{
		{"subject-of-the-sentence-before", "Jon Berg said the port was shut. Anna Holm is charged with fraud. She has denied the charges.",
			[]source.ID{"berg", "holm"}},
		{"named-only-as-an-object", "Jon Berg said the port was shut. The board later met Piet Dahl in private. He said the talks went well.",
			[]source.ID{"berg", "berg"}},
		{"other-gender", "Anna Holm said the port was shut. Mr Berg's lawyers filed a motion. She said the port would reopen.",
			[]source.ID{"holm", "holm"}},
		// A person named only in what someone said is not whom the
		// pronoun refers to.
		{"named-in-the-content-before", "The judge said Anna Holm is charged with fraud. She said the trial would start in May.",
			[]source.ID{"new:judge", ""}},
		{"named-in-the-content-after-a-speaker", "Jon Berg said Anna Holm is charged with fraud. He said the trial would start in May.",
			[]source.ID{"berg", "berg"}},
		{"named-in-its-own-quotation", "Jon Berg said the port was shut. “Anna Holm is charged with fraud,” she said.",
			[]source.ID{"berg", "berg"}},
		{"named-after-the-content", "The judge said the trial was fair. Anna Holm is charged with fraud. She said the trial would start in May.",
			[]source.ID{"new:judge", "holm"}},
		{"named-before-its-own-quotation", "Jon Berg said the port was shut. Anna Holm paused. “This was not a test. It was a message,” she said.",
			[]source.ID{"berg", "holm"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(tc.text, extract.Options{Registry: reg})
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
