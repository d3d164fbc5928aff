package jsonl_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimtrail/claimtrail/format/jsonl"
)

// FuzzRead reads arbitrary input: nothing panics, every error is an
// *Error with a line, and every record read writes back to a line that
// reads as the same record.
func FuzzRead(f *testing.F) {
	seed, err := os.ReadFile("testdata/corpus.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	for line := range strings.Lines(string(seed)) {
		f.Add(line)
	}
	for _, s := range []string{
		`{"type":"claim","id":"c","txt":"t"}`,
		`{"type":"statement","id":"s","mentions":[{"article":"a","span":{"start":"1"}}]}`,
		`{"type":"claim","id":"c","text":"\ud800"}`,
		"{\"type\":\"claim\",\"id\":\"c\",\"text\":\"caf\xe9\"}",
		`{"id":"c","type":"CLAIM","TEXT":"t"}`,
		`{"type":"statement","said":"2023-02-30"}`,
		`{"type":"statement","id":"s","machine_accepted":true}`, `{"type":"statement","id":"s","machine_accepted":1}`,
		`[1,2`,
		"\uFEFF{\"type\":\"format\",\"format\":\"x\"}\r\n\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		for rec, err := range jsonl.Read(strings.NewReader(input), jsonl.Options{MaxLine: 1 << 16}) {
			if err != nil {
				var je *jsonl.Error
				if !asError(err, &je) || je.Line < 1 {
					t.Fatalf("error %v is not a *jsonl.Error with a line", err)
				}
				continue
			}
			var buf bytes.Buffer
			if err := jsonl.NewEncoder(&buf).Encode(rec); err != nil {
				continue // a value read that does not marshal back, such as a year out of range
			}
			var back []jsonl.Record
			for r, err := range jsonl.Read(&buf, jsonl.Options{}) {
				if err != nil {
					t.Fatalf("re-reading %q: %v", buf.String(), err)
				}
				r.Line = rec.Line
				back = append(back, r)
			}
			if len(back) != 1 {
				t.Fatalf("re-reading %q gave %d records", buf.String(), len(back))
			}
			if diff := cmp.Diff(rec, back[0], cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("round trip of %q mismatch (-want +got):\n%s", buf.String(), diff)
			}
		}
	})
}
