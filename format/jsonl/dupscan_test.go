package jsonl

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMayRepeatMember(t *testing.T) {
	many := func(extra string) string {
		var b strings.Builder
		b.WriteString(`{"type":"claim"`)
		for i := range 40 {
			fmt.Fprintf(&b, `,"m%d":%d`, i, i)
		}
		return b.String() + extra + "}"
	}
	tests := []struct {
		name string
		line string
		want bool
	}{
		{"plain", `{"type":"claim","id":"c","text":"t"}`, false},
		{"twice", `{"type":"claim","id":"c","id":"d"}`, true},
		{"two spellings", `{"type":"claim","id":"c","ID":"d"}`, true},
		{"name as a value", `{"type":"claim","id":"id","text":"type"}`, false},
		{"siblings in an array", `{"type":"claim","actors":[{"source":"a"},{"source":"b"}]}`, false},
		{"nested twice", `{"type":"claim","actors":[{"source":"a","Source":"b"}]}`, true},
		{"same name at two depths", `{"type":"statement","span":{"start":1},"start":2}`, false},
		{"after a nested object", `{"type":"statement","span":{"start":1,"end":2},"span":{}}`, true},
		{"quote escaped in a value", `{"type":"claim","text":"a \"b\", \"text\": c","id":"c"}`, false},
		{"escaped name", `{"type":"claim","\u0069d":"c"}`, true},
		{"name outside ASCII", `{"type":"claim","ıd":"c"}`, true},
		{"many members", many(""), false},
		{"many members, one twice", many(`,"M7":1`), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, mayRepeatMember([]byte(tc.line)))
		})
	}
}

// FuzzMayRepeatMember checks that the scan never clears a line in which
// the exact walk finds a member given twice.
func FuzzMayRepeatMember(f *testing.F) {
	for _, s := range []string{
		`{"type":"claim","id":"c","ID":"d"}`, `{"type":"statement","mentions":[{"span":{"start":1,"START":2}}]}`,
		`{"type":"source","id":"s","name":"n","aliases":["a","a"]}`, `{"type":"article","id":"a","published":"2024-03-04T00:00:00Z"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if !json.Valid([]byte(line)) || mayRepeatMember([]byte(line)) {
			return
		}
		for typ := TypeFormat; typ <= TypeStatement; typ++ {
			if e := newWalker([]byte(line), 1).record(typ); e != nil && errors.Is(e, ErrDuplicateKey) {
				t.Fatalf("the scan cleared %q, where the walk as %v finds %v", line, typ, e)
			}
		}
	})
}
