package jsonwalk

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestParserString checks String against encoding/json on strings with
// and without escapes, and what it turns away.
func TestParserString(t *testing.T) {
	for _, in := range []string{
		`""`, `"plain text that runs past eight bytes"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u20ac"`, `"\ud83d\ude00 x"`,
		`"` + strings.Repeat("é", 20) + `"`,
	} {
		var want string
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatal(err)
		}
		for _, share := range []bool{false, true} {
			p := Parser{B: []byte(in), Share: share}
			got, ok := p.String()
			assert.True(t, ok, "String(%s)", in)
			assert.Equal(t, want, got, "String(%s)", in)
			assert.Equal(t, len(in), p.I, "String(%s) end", in)
		}
	}
	for _, in := range []string{
		`"open`, `"a\`, `"a\q"`, `"\u12"`, `"\u12zz"`, `"\ud800"`, `"\ud83d\u0041"`, "\"tab\there\"", "\"long run of plain bytes\x01\"", `x`, ``,
	} {
		p := Parser{B: []byte(in)}
		_, ok := p.String()
		assert.False(t, ok, "String(%q)", in)
	}
}

// TestParserScalars checks Int, Bool and Null.
func TestParserScalars(t *testing.T) {
	ints := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true}, {"-0", 0, true}, {"42,", 42, true}, {"-17", -17, true}, {"999999999999999999", 999999999999999999, true},
		{"1000000000000000000", 0, false}, {"01", 0, false}, {"1.5", 0, false}, {"1e3", 0, false}, {"-", 0, false}, {"", 0, false},
	}
	for _, tc := range ints {
		p := Parser{B: []byte(tc.in)}
		got, ok := p.Int()
		assert.Equal(t, tc.ok, ok, "Int(%s)", tc.in)
		if tc.ok {
			assert.Equal(t, tc.want, got, "Int(%s)", tc.in)
		}
	}
	for in, want := range map[string]bool{"true": true, "false": false} {
		p := Parser{B: []byte(in)}
		got, ok := p.Bool()
		assert.True(t, ok)
		assert.Equal(t, want, got)
	}
	p := Parser{B: []byte("nul")}
	_, ok := p.Bool()
	assert.False(t, ok)
	assert.False(t, p.Null())
	p = Parser{B: []byte(" null ")}
	assert.True(t, p.Null())
	assert.True(t, p.End())
}

// TestParserSkip checks that Skip drops exactly one value of each kind.
func TestParserSkip(t *testing.T) {
	for _, in := range []string{
		`1`, `-2.5e3`, `true`, `null`, `"a\"]}"`, `[]`, `{}`, `[1, [2, {"a": [3]}], "x"]`, `{"a": {"b": [1, 2]}, "c": "}"}`,
	} {
		p := Parser{B: []byte(" " + in + " ,9")}
		assert.True(t, p.Skip(), "Skip(%s)", in)
		assert.True(t, p.Next(','), "Skip(%s) stopped at %d", in, p.I)
	}
	for _, in := range []string{``, `"open`, `[1, 2`, `}`} {
		p := Parser{B: []byte(in)}
		assert.False(t, p.Skip(), "Skip(%s)", in)
	}
}

// TestParserContainers checks Object and Array on well-formed and broken
// input.
func TestParserContainers(t *testing.T) {
	p := Parser{B: []byte(`{"a": [1, 2], "b": {}}`)}
	var keys []string
	assert.True(t, p.Object(func(key []byte) bool {
		keys = append(keys, string(key))
		return p.Skip()
	}))
	assert.Equal(t, []string{"a", "b"}, keys)
	for _, in := range []string{`{"a" 1}`, `{"a": 1,}`, `{"a\n": 1}`, `[1 2]`, `{`, `[`} {
		p := Parser{B: []byte(in)}
		ok := p.Object(func([]byte) bool { return p.Skip() })
		if in[0] == '[' {
			p.I = 0
			ok = p.Array(p.Skip)
		}
		assert.False(t, ok, "%s", in)
	}
	p = Parser{B: []byte(`[]`)}
	assert.True(t, p.Array(p.Skip))
	b, ok := (&Parser{B: []byte(`"\u0041b"`)}).Text()
	assert.True(t, ok)
	assert.Equal(t, "Ab", string(b))
}
