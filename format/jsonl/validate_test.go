package jsonl_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/jsonl"
	"github.com/claimtrail/claimtrail/source"
)

// base is a small valid corpus that the cases below add lines to.
const base = `{"type":"format","format":"claimtrail/1"}
{"type":"source","id":"westmark","name":"Westmark","kind":"government"}
{"type":"source","id":"norland","name":"Norland","kind":"government","aliases":["Nordport"]}
{"type":"source","id":"norland-foreign","name":"Norland foreign ministry","parent":"norland"}
{"type":"article","id":"a1","published":"2024-03-04T18:00:00Z","text":"Norland denied it."}
{"type":"claim","id":"shells","text":"Norland supplies shells","actors":[{"source":"norland","role":"accused"}]}
{"type":"statement","id":"s1","claim":"shells","source":"norland-foreign","act":"deny","factuality":"CT-","mentions":[{"article":"a1","cue":"denied","span":{"start":0,"end":18,"exact":"Norland denied it."}}]}
`

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		lines string
		want  []problem
	}{
		{"valid", "", nil},
		{"forward parent", `{"type":"source","id":"kirby","name":"Kirby","parent":"later"}
{"type":"source","id":"later","name":"Later"}`, nil},
		{"format", `{"type":"format","format":"claimtrail/9"}`, []problem{{8, "format.format", jsonl.ErrInvalid}}},
		{"duplicate source", `{"type":"source","id":"norland","name":"Norland again"}`, []problem{{8, "source.id", claim.ErrDuplicateID}}},
		{"duplicate article", `{"type":"article","id":"a1","published":"2024-03-04T18:00:00Z"}`, []problem{{8, "article.id", claim.ErrDuplicateID}}},
		{"duplicate claim", `{"type":"claim","id":"shells","text":"again"}`, []problem{{8, "claim.id", claim.ErrDuplicateID}}},
		{"duplicate statement", `{"type":"statement","id":"s1","claim":"shells","source":"westmark","act":"accuse","factuality":"CT+","said":"2024"}`, []problem{{8, "statement.id", claim.ErrDuplicateID}}},
		{"alias conflict", `{"type":"source","id":"nord","name":"Nordport"}`, []problem{{8, "source.name", source.ErrAliasConflict}}},
		{"alias conflict in aliases", `{"type":"source","id":"nord","name":"Nord","aliases":["x","norland"]}`, []problem{{8, "source.aliases[1]", source.ErrAliasConflict}}},
		{"empty name", `{"type":"source","id":"x","name":""}`, []problem{{8, "source.name", claim.ErrEmpty}}},
		{"unknown parent", `{"type":"source","id":"x","name":"X","parent":"nobody"}`, []problem{{8, "source.parent", claim.ErrUnknownSource}}},
		{"absent parent", `{"type":"source","id":"x","name":"X","parent":"absent"}`, []problem{{8, "source.parent", claim.ErrInvalid}}},
		{"unknown office holder", `{"type":"source","id":"x","name":"X","offices":[{"title":"minister","of":"nobody"}]}`, []problem{{8, "source.offices[0].of", claim.ErrUnknownSource}}},
		{"parent cycle", `{"type":"source","id":"x","name":"X","parent":"y"}
{"type":"source","id":"y","name":"Y","parent":"x"}`, []problem{{9, "source.parent", claim.ErrCycle}}},
		{"self parent", `{"type":"source","id":"x","name":"X","parent":"x"}`, []problem{{8, "source.parent", claim.ErrCycle}}},
		{"unknown outlet", `{"type":"article","id":"a2","outlet":"ledger","published":"2024-03-04T18:00:00Z"}`, []problem{{8, "article.outlet", claim.ErrUnknownSource}}},
		{"no publication time", `{"type":"article","id":"a2"}`, []problem{{8, "article.published", claim.ErrEmpty}}},
		{"reprint before original", `{"type":"article","id":"a2","reprints":"a1","published":"2024-03-01T00:00:00Z"}`, []problem{{8, "article.published", claim.ErrInvalid}}},
		{"unknown reprint", `{"type":"article","id":"a2","reprints":"gone","published":"2024-03-05T00:00:00Z"}`, []problem{{8, "article.reprints", claim.ErrUnknownArticle}}},
		{"reprint cycle", `{"type":"article","id":"a2","reprints":"a3","published":"2024-03-05T00:00:00Z"}
{"type":"article","id":"a3","reprints":"a2","published":"2024-03-05T00:00:00Z"}`, []problem{{9, "article.reprints", claim.ErrCycle}}},
		{"claim without text", `{"type":"claim","id":"c2"}`, []problem{{8, "claim.text", claim.ErrEmpty}}},
		{"unknown actor", `{"type":"claim","id":"c2","text":"t","actors":[{"source":"nobody"}]}`, []problem{{8, "claim.actors[0].source", claim.ErrUnknownSource}}},
		{"unknown related claim", `{"type":"claim","id":"c2","text":"t","relations":[{"kind":"refines","to":"nothing"}]}`, []problem{{8, "claim.relations[0].to", claim.ErrUnknownClaim}}},
		{"self relation", `{"type":"claim","id":"c2","text":"t","relations":[{"kind":"refines","to":"c2"}]}`, []problem{{8, "claim.relations[0].to", claim.ErrCycle}}},
		{"refinement cycle", `{"type":"claim","id":"c2","text":"t","relations":[{"kind":"refines","to":"c3"}]}
{"type":"claim","id":"c3","text":"u","relations":[{"kind":"part-of","to":"c2"}]}`, []problem{{9, "claim.relations", claim.ErrCycle}}},
		{"contradiction is no cycle", `{"type":"claim","id":"c2","text":"t","relations":[{"kind":"contradicts","to":"c3"}]}
{"type":"claim","id":"c3","text":"u","relations":[{"kind":"contradicts","to":"c2"}]}`, nil},
		{"unknown claim", `{"type":"statement","id":"s2","claim":"nothing","source":"westmark","act":"accuse","factuality":"CT+","said":"2024"}`, []problem{{8, "statement.claim", claim.ErrUnknownClaim}}},
		{"unknown speaker", `{"type":"statement","id":"s2","claim":"shells","source":"nobody","act":"accuse","factuality":"CT+","said":"2024"}`, []problem{{8, "statement.source", claim.ErrUnknownSource}}},
		{"via itself", `{"type":"statement","id":"s2","claim":"shells","source":"westmark","via":["westmark"],"act":"accuse","factuality":"CT+","said":"2024"}`, []problem{{8, "statement.via[0]", claim.ErrCycle}}},
		{"factuality against the act", `{"type":"statement","id":"s2","claim":"shells","source":"westmark","act":"deny","factuality":"CT+","said":"2024"}`, []problem{{8, "statement.factuality", claim.ErrFactuality}}},
		{"no mention nor date", `{"type":"statement","id":"s2","claim":"shells","source":"westmark","act":"accuse","factuality":"CT+"}`, []problem{{8, "statement.mentions", claim.ErrEmpty}}},
		{"said after reported", `{"type":"statement","id":"s2","claim":"shells","source":"westmark","act":"accuse","factuality":"CT+","said":"2025","mentions":[{"article":"a1","span":{"start":0,"end":7,"exact":"Norland"}}]}`, []problem{{8, "statement.said", claim.ErrDate}}},
		{"unknown article", `{"type":"statement","id":"s2","claim":"shells","source":"westmark","act":"accuse","factuality":"CT+","mentions":[{"article":"gone","span":{"start":0,"end":7,"exact":"Norland"}}]}`, []problem{{8, "statement.mentions[0].article", claim.ErrUnknownArticle}}},
		{"span inconsistent", `{"type":"statement","id":"s2","claim":"shells","source":"westmark","act":"accuse","factuality":"CT+","mentions":[{"article":"a1","span":{"start":0,"end":3,"exact":"Norland"}}]}`, []problem{{8, "statement.mentions[0].span", claim.ErrSpan}}},
		{"cue outside span", `{"type":"statement","id":"s2","claim":"shells","source":"westmark","act":"accuse","factuality":"CT+","mentions":[{"article":"a1","cue":"said","span":{"start":0,"end":7,"exact":"Norland"}}]}`, []problem{{8, "statement.mentions[0].cue", claim.ErrSpan}}},
		{"bad line among good", "{\"type\":\"claim\"\n" + `{"type":"claim","id":"c2","text":"t"}`, []problem{{8, "", jsonl.ErrSyntax}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := jsonl.Validate(strings.NewReader(base+tc.lines), jsonl.Options{})
			if diff := cmp.Diff(tc.want, problems(t, err), sameSentinel); diff != "" {
				t.Errorf("Validate mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

// TestDecodeChecksTexts shows what Decode checks beyond Validate: a span
// against its article's text.
func TestDecodeChecksTexts(t *testing.T) {
	wrong := base + `{"type":"statement","id":"s2","claim":"shells","source":"westmark","act":"accuse","factuality":"CT+","mentions":[{"article":"a1","span":{"start":0,"end":7,"exact":"Westmar"}}]}`
	assert.NoError(t, jsonl.Validate(strings.NewReader(wrong), jsonl.Options{}))
	c, err := jsonl.Decode(strings.NewReader(wrong), jsonl.Options{})
	assert.Nil(t, c)
	if diff := cmp.Diff([]problem{{8, "statement.mentions[0].span", claim.ErrSpan}}, problems(t, err), sameSentinel); diff != "" {
		t.Errorf("Decode mismatch (-want +got):\n%s", diff)
	}
	assert.ErrorIs(t, err, claim.ErrSpan)
}

func TestDecodeMatchesCorpusValidate(t *testing.T) {
	// A statement that refers to an article declared after it passes the
	// streaming checks but not the corpus's: Decode still reports it.
	late := `{"type":"source","id":"s","name":"S"}
{"type":"claim","id":"c","text":"t"}
{"type":"statement","id":"x","claim":"c","source":"s","act":"assert","factuality":"CT+","said":"2030","mentions":[{"article":"a","span":{"start":0,"end":1,"exact":"T"}}]}
{"type":"article","id":"a","published":"2024-03-04T18:00:00Z","text":"T"}`
	c, err := jsonl.Decode(strings.NewReader(late), jsonl.Options{})
	assert.Nil(t, c)
	assert.ErrorIs(t, err, claim.ErrUnknownArticle)
}

func TestValidateCapsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(base)
	for i := range 250 {
		fmt.Fprintf(&b, `{"type":"statement","id":"x%d","claim":"nothing","source":"westmark","act":"accuse","factuality":"CT+","said":"2024"}`+"\n", i)
	}
	err := jsonl.Validate(strings.NewReader(b.String()), jsonl.Options{})
	require.Error(t, err)
	assert.Len(t, problems(t, err), claim.MaxProblems)
	var more *source.MoreError
	require.ErrorAs(t, err, &more)
	assert.Equal(t, 150, more.Len())
	assert.ErrorIs(t, err, claim.ErrUnknownClaim)
}

// TestValidateMemory checks that what Validate keeps does not grow with
// the lines: the same statements again and again, with long quotes, cost
// no more than their IDs' hashes.
func TestValidateMemory(t *testing.T) {
	allocs := func(n int) float64 {
		return testing.AllocsPerRun(1, func() {
			require.NoError(t, jsonl.Validate(statements(n), jsonl.Options{}))
		}) / float64(n)
	}
	small, large := allocs(200), allocs(2000)
	// Allocations per statement stay flat as the stream grows tenfold.
	assert.Less(t, large, small*1.5, "allocations per statement: %v at 200, %v at 2000", small, large)
}

// statements returns a stream of base followed by n valid statements.
func statements(n int) io.Reader {
	var b bytes.Buffer
	b.WriteString(base)
	for i := range n {
		fmt.Fprintf(&b, `{"type":"statement","id":"x%d","claim":"shells","source":"norland-foreign","act":"deny","factuality":"CT-","mentions":[{"article":"a1","cue":"denied","span":{"start":0,"end":18,"exact":"Norland denied it."}}]}`+"\n", i)
	}
	return &b
}
