package jsonl

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
)

// generalStatement decodes a statement line the general way.
func generalStatement(line []byte) (statementLine, error) {
	var v statementLine
	var d lineDecoder
	return v, d.decode(line, &v)
}

// fastStatementOf decodes line with fastStatement and a scratch buffer of
// its own.
func fastStatementOf(line []byte) (claim.Statement, bool) {
	s, _, ok := fastStatement(line, nil)
	return s, ok
}

// FuzzFastStatement checks the fast path against encoding/json: whatever
// line the fast path decodes, encoding/json decodes to the same statement,
// nil and empty slices told apart. Lines that are not valid UTF-8 or
// hold a lone surrogate never reach either path.
func FuzzFastStatement(f *testing.F) {
	seed, err := os.ReadFile("testdata/corpus.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	for line := range strings.Lines(string(seed)) {
		if strings.HasPrefix(line, `{"type":"statement"`) {
			f.Add(strings.TrimSpace(line))
		}
	}
	for _, s := range []string{
		`{"type":"statement","id":"s\u00e9\n\"q\"","via":[],"mentions":[]}`,
		`{"type":"statement","id":"s","mentions":[{"article":"a","span":{"start":-0,"end":12,"exact":"\ud83d\ude00 x"}}]}`,
		`{"type":"statement","id":"s","id":"t"}`,
		`{"type":"statement","act":"DENY","factuality":"certain negates","said":"2023-09"}`,
		`{"type":"statement","mentions":[{"span":{"start":01}}]}`,
		`{"type":"statement","mentions":[{"span":{"start":1e2}}]}`,
		`{"type":"statement","via":null}`,
		`{"type":"statement","id":"s","act":"accuse","factuality":"CT+","machine_accepted":true}`,
		`{"type":"statement","id":"s","machine_accepted":false}`, `{"type":"statement","machine_accepted":null}`,
		`{"type":"statement","machine_accepted":"true"}`, `{"type":"statement","Machine_Accepted":true}`,
		`{"type":"statement", "id" : "s" , "via" : [ "a" , "b" ] }`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if !utf8.ValidString(line) || hasLoneSurrogate([]byte(line)) {
			return // Read turns these lines away before either path
		}
		fast, ok := fastStatementOf([]byte(line))
		if !ok {
			return
		}
		general, err := generalStatement([]byte(line))
		if err != nil {
			t.Fatalf("fast path decoded %q, encoding/json fails: %v", line, err)
		}
		if general.Type != "statement" {
			t.Fatalf("fast path decoded %q of type %q", line, general.Type)
		}
		if diff := cmp.Diff(general.Statement, fast); diff != "" {
			t.Errorf("fast path mismatch on %q (-encoding/json +fast):\n%s", line, diff)
		}
	})
}

func TestFastStatementDeclines(t *testing.T) {
	for _, line := range []string{
		`{"type":"statement","id":null}`,
		`{"type":"statement","ID":"s"}`,
		`{"type":"statement","id":"s","id":"t"}`,
		`{"type":"statement","act":"dney"}`,
		`{"type":"statement","mentions":[{"span":{"start":1.5}}]}`,
		`{"type":"statement","mentions":[{"span":{"start":99999999999999999999}}]}`,
		`{"type":"statement","mentions":[{"article":"a","article":"b"}]}`,
		`{"type":"statement","id":"s"} x`,
		`{"type":"claim","id":"c"}`,
		`{"id":"s"}`,
		`{"type":"statement","id":"a\qb"}`,
		`{"type":"statement","id":"\ud800"}`,
		"{\"type\":\"statement\",\"id\":\"tab\there\"}",
	} {
		_, ok := fastStatementOf([]byte(line))
		assert.False(t, ok, "fastStatement(%q)", line)
	}
	esc, ok := fastStatementOf([]byte(`{"type":"statement","act":"\u0064eny","factuality":"CT\u002d","via":["\ud83d\ude00"]}`))
	assert.True(t, ok)
	assert.Equal(t, "deny", esc.Act.String())
	assert.Equal(t, "CT-", esc.Factuality.String())
	assert.Equal(t, "😀", string(esc.Via[0]))
	for _, line := range []string{
		`{"type":"statement","id":"\u12"}`,
		`{"type":"statement","id":"\u12zz"}`,
		`{"type":"statement","id":"\ud83d\u0041"}`,
		`{"type":"statement","id":"abc`,
		`{"type":"statement","id":"a\`,
		`{"type":"statement","via":["a" "b"]}`,
		`{"type":"statement","mentions":[{"span":{"start":-}}]}`,
		`{"type":"statement","mentions":[{"cue":1}]}`,
		`{"type":"statement","mentions":[{"span":{"end":1,"end":2}}]}`,
		`{"type":"statement","mentions":[{"what":1}]}`,
		`{"type":"statement","said":"2023-13"}`,
		`{"type":"statement","factuality":"CT"}`,
		`{"type":"statement" "id":"s"}`,
		`{"type":"statement",}`,
		`{}`,
	} {
		_, ok := fastStatementOf([]byte(line))
		assert.False(t, ok, "fastStatement(%q)", line)
	}
	s, ok := fastStatementOf([]byte(`{"type":"statement","id":"a\/b\u0041\t"}`))
	assert.True(t, ok)
	assert.Equal(t, "a/bA\t", string(s.ID))
}
