package claim

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

// FuzzDecodeFast checks the fast path against the slow one, the shape
// scan and encoding/json: whatever document decodeFast decodes, the slow
// path decodes to the same corpus, nil and empty lists told apart; and
// whatever the slow path turns away, decodeFast turns away too. Documents
// that are not valid UTF-8 never reach decodeFast.
func FuzzDecodeFast(f *testing.F) {
	files, err := filepath.Glob("testdata/*/*.json")
	require.NoError(f, err)
	files = append(files, "../testdata/corpus.json")
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		f.Add(data)
	}
	for _, s := range fastSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		data = bytes.Clone(data)
		blankBOM(data)
		if !utf8.Valid(data) {
			return
		}
		fast, ok := decodeFast(data)
		slow, err := decodeSlow(bytes.Clone(data))
		if !ok {
			return // Decode takes the slow path
		}
		if err != nil {
			t.Fatalf("decodeFast decoded %q, the slow path fails: %v", data, err)
		}
		if diff := cmp.Diff(slow, fast); diff != "" {
			t.Errorf("decodeFast mismatch on %q (-slow +fast):\n%s", data, diff)
		}
	})
}

// fastSeeds are documents at the edges of what decodeFast reads.
var fastSeeds = []string{
	`{}`, `null`, ``, ` {} `, `{} x`, `[]`, `{"sources":[]}`, `{"sources":null,"claims":null}`,
	`{"format":"claimtrail/1","format":"claimtrail/1"}`, `{"Format":"claimtrail/1"}`, `{"form\u0061t":""}`,
	`{"sources":[{"id":"s","name":"S","kind":"government","identity":"named","parent":null,"aliases":["A","\u00e9"],"investigator":true,"offices":[{"title":"t","of":"s","from":"2024-03-04","to":"2025-01-02T10:00:00+02:00"}],"wikidata":"Q1"}]}`,
	`{"sources":[{"id":"s","name":"S","investigator":"yes"}]}`,
	`{"sources":[{"id":"s","name":"S","investigator":null,"kind":null}]}`,
	`{"sources":[{"id":null,"name":"S"}]}`,
	`{"sources":[{"id":"s","name":"S","offices":[{"title":"t","of":"s","from":"0001-01-01"}]}]}`,
	`{"articles":[{"id":"a","published":"2024-03-04"}]}`,
	`{"articles":[{"id":"a","published":"0001-01-01T00:00:00Z"}]}`,
	`{"articles":[{"id":"a","published":"2024-02-30"}]}`,
	`{"articles":[{"id":"a","published":"\u0032024-03-04"}]}`,
	`{"articles":[{"id":"a","published":"2024-03-04T10:00:00Z","text":"a\"b\\c\n\ud83d\ude00","url":null}]}`,
	`{"claims":[{"id":"c","text":"t","actors":[{"source":"s","role":"accused"}],"event":"2023","relations":[{"kind":"refines","to":"d"}]}]}`,
	`{"claims":[{"id":"c","text":"t","event":"2023-13"}]}`,
	`{"claims":[{"id":"c","text":"t","actors":[null]}]}`,
	`{"statements":[{"id":"s","claim":"c","source":"x","via":["v"],"act":"deny","factuality":"CT-","said":"2024-03-04","mentions":[{"article":"a","cue":"denied","span":{"start":0,"end":6,"exact":"denied","prefix":"","suffix":null}}]}]}`,
	`{"statements":[{"id":"s","act":"DENY","factuality":"certain negates"}]}`,
	`{"statements":[{"id":"s","act":null}]}`,
	`{"statements":[{"id":"s","act":"accuse","machine_accepted":true},{"id":"t","machine_accepted":false},{"id":"u","machine_accepted":null}]}`,
	`{"statements":[{"id":"s","machine_accepted":"true"}]}`, `{"statements":[{"id":"s","machine_accepted":0}]}`,
	`{"statements":[{"id":"s","machine_accepted":true,"machine_accepted":true}]}`,
	`{"statements":[{"mentions":[{"span":{"start":1.5}}]}]}`,
	`{"statements":[{"mentions":[{"span":{"start":-0,"end":123456789012345678901}}]}]}`,
	`{"statements":[{"mentions":[{"span":{"start":01}}]}]}`,
	`{"statements":[{"via":[],"mentions":[]}]}`,
	`{"statements":[{"id":"\ud800"}]}`,
	"{\"statements\":[{\"id\":\"tab\there\"}]}",
}

// TestDecodeFastTaken checks that the documents claimtrail writes take the
// fast path, and what it turns away.
func TestDecodeFastTaken(t *testing.T) {
	for _, file := range []string{"testdata/corpus/valid.json", "testdata/corpus/minimal.json", "../testdata/corpus.json"} {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		_, ok := decodeFast(data)
		assert.True(t, ok, "decodeFast(%s)", file)
	}
	for _, s := range []string{
		``, `null`, `{} x`, `{"Format":""}`, `{"format":"","format":""}`, `{"form\u0061t":""}`,
		`{"sources":[{"id":null,"name":"S"}]}`, `{"sources":[{"id":"s","name":"S","investigator":"yes"}]}`,
		`{"articles":[{"id":"a","published":"0001-01-01T00:00:00Z"}]}`, `{"articles":[{"id":"a","published":"\u0032024-03-04"}]}`,
		`{"claims":[{"id":"c","text":"t","event":"2023-13"}]}`, `{"statements":[{"id":"s","act":null}]}`,
		`{"statements":[{"mentions":[{"span":{"start":1.5}}]}]}`, `{"statements":[{"id":"\ud800"}]}`,
	} {
		_, ok := decodeFast([]byte(s))
		assert.False(t, ok, "decodeFast(%s)", s)
	}
}

// TestListChunks checks that a list long enough to be read in chunks
// comes out whole and in order.
func TestListChunks(t *testing.T) {
	for _, n := range []int{0, 1, 1023, 1024, 1025, 5000} {
		var b bytes.Buffer
		b.WriteByte('[')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"source":"s","role":"accused"}`)
		}
		b.WriteByte(']')
		p := fastParser{}
		p.B = b.Bytes()
		var got []Actor
		require.True(t, list(&p, &got, p.actor), "list of %d", n)
		assert.Len(t, got, n)
		assert.NotNil(t, got)
		for _, a := range got {
			assert.Equal(t, Actor{Source: "s", Role: RoleAccused}, a)
		}
	}
}

// TestLastListSizes checks the estimated sizing of the statements list:
// whole and in order whatever the estimate, and never holding more than an
// eighth of unused capacity, whether the statements come last in the
// document (the estimate holds), first (it is far too high), or longer
// ones come first (too low).
func TestLastListSizes(t *testing.T) {
	statement := func(i int, quote string) string {
		return fmt.Sprintf(`{"id":"s%d","claim":"c","source":"x","act":"deny","factuality":"CT-","mentions":[{"article":"a","cue":"denied","span":{"start":0,"end":%d,"exact":%q}}]}`, i, len(quote), quote)
	}
	doc := func(n int, quote func(i int) string, after string) []byte {
		var b bytes.Buffer
		b.WriteString(`{"statements":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(statement(i, quote(i)))
		}
		b.WriteString(`]` + after + `}`)
		return b.Bytes()
	}
	short := func(int) string { return "denied" }
	long := strings.Repeat("x", 300)
	tests := []struct {
		name string
		data []byte
		n    int
	}{
		{name: "short", data: doc(1000, short, ""), n: 1000},
		{name: "last", data: doc(5000, short, ""), n: 5000},
		{name: "followed", data: doc(3000, short, `,"claims":[{"id":"c","text":"`+strings.Repeat("y", 1<<20)+`"}]`), n: 3000},
		{name: "shorter-later", data: doc(6000, func(i int) string { return long[:max(300-i/10, 1)] }, ""), n: 6000},
		{name: "longer-later", data: doc(6000, func(i int) string { return long[:min(6+i/20, 300)] }, ""), n: 6000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := decodeFast(tc.data)
			require.True(t, ok)
			require.Len(t, c.Statements, tc.n)
			for i, s := range c.Statements {
				if s.ID != StatementID(fmt.Sprintf("s%d", i)) {
					t.Fatalf("statements[%d].id = %q", i, s.ID)
				}
			}
			assert.LessOrEqual(t, cap(c.Statements)-len(c.Statements), len(c.Statements)/8, "unused capacity")
		})
	}
}

// TestMentionsShareNothingWritable checks that the mentions of statements,
// read into one slab, are each a slice of their own length: appending to
// one statement's mentions leaves the next statement's alone.
func TestMentionsShareNothingWritable(t *testing.T) {
	data := []byte(`{"statements":[` +
		`{"id":"s1","mentions":[{"article":"a","span":{"start":0,"end":1,"exact":"x"}}]},` +
		`{"id":"s2","mentions":[{"article":"b","span":{"start":0,"end":1,"exact":"y"}},{"article":"c","span":{"start":0,"end":1,"exact":"z"}}]},` +
		`{"id":"s3","mentions":[]}]}`)
	c, ok := decodeFast(data)
	require.True(t, ok)
	require.Len(t, c.Statements, 3)
	for _, s := range c.Statements {
		assert.Equal(t, len(s.Mentions), cap(s.Mentions), "%s: capacity", s.ID)
		assert.NotNil(t, s.Mentions, "%s", s.ID)
	}
	_ = append(c.Statements[0].Mentions, Mention{Article: "hijacked"})
	assert.Equal(t, source.ArticleID("b"), c.Statements[1].Mentions[0].Article)
}

// TestDecodeAllocationsDoNotGrowWithStatements bounds the allocations of
// Decode on a valid corpus: ten times the statements may take only the
// few more allocations of larger tables, not one or more per statement.
func TestDecodeAllocationsDoNotGrowWithStatements(t *testing.T) {
	small, large := benchCorpus(2000), benchCorpus(20000)
	allocs := func(data []byte) float64 {
		return testing.AllocsPerRun(2, func() {
			if _, err := Decode(bytes.NewReader(data)); err != nil {
				t.Fatal(err)
			}
		})
	}
	a, b := allocs(small), allocs(large)
	// 18,000 more statements, 1,800 more articles and 180 more claims: the
	// mention slabs take one allocation per 512 statements, and package
	// source's registry one or two per article.
	assert.Less(t, b-a, 18000.0/5, "Decode allocations: %v for 2,000 statements, %v for 20,000", a, b)
}
