package jsonwalk

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKindNameAndValueOf checks how a token of the wrong kind is named in an
// error's message (KindName) and shown as its Value (ValueOf).
func TestKindNameAndValueOf(t *testing.T) {
	tests := []struct {
		name      string
		tok       json.Token
		wantKind  string
		wantValue string
	}{
		{name: "string", tok: "ten", wantKind: "a string", wantValue: "ten"},
		{name: "empty-string", tok: "", wantKind: "a string", wantValue: ""},
		{name: "number", tok: json.Number("7"), wantKind: "a number", wantValue: "7"},
		{name: "number-as-written", tok: json.Number("1.50e+2"), wantKind: "a number", wantValue: "1.50e+2"},
		{name: "true", tok: true, wantKind: "a boolean", wantValue: "true"},
		{name: "false", tok: false, wantKind: "a boolean", wantValue: "false"},
		{name: "object", tok: json.Delim('{'), wantKind: "an object", wantValue: "object"},
		{name: "array", tok: json.Delim('['), wantKind: "an array", wantValue: "array"},
		{name: "null", tok: nil, wantKind: "null", wantValue: "null"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.wantKind, KindName(tc.tok))
			assert.Equal(t, tc.wantValue, ValueOf(tc.tok))
		})
	}
}

// sample is a type to walk: one field of each kind the walk checks.
type sample struct {
	Name  string    `json:"name"`
	Opt   string    `json:"opt,omitempty"`
	At    time.Time `json:"at,omitzero"`
	When  time.Time `json:"when"`
	Count int8      `json:"count"`
	Size  uint8     `json:"size"`
	Flag  bool      `json:"flag"`
	Kind  kind      `json:"kind"`
	List  []inner   `json:"list"`
	Any   any       `json:"any"`
	embedded
	_    int    // unexported: not a member
	Skip string `json:"-"`
}

type inner struct {
	V int `json:"v"`
}

type embedded struct {
	Promoted string `json:"promoted"`
}

// kind accepts only "a".
type kind struct{}

func (*kind) UnmarshalText(b []byte) error {
	if string(b) != "a" {
		return errors.New("not a")
	}
	return nil
}

// TestWalkProblems checks the kind, path, value and offset of each problem
// a walk of every field reports, with the options that decide them.
func TestWalkProblems(t *testing.T) {
	type got struct {
		Kind   Kind
		Path   string
		Key    string
		Value  string
		Want   string
		Offset int
	}
	exact := Options{Exact: true, Duplicates: true, CheckUTF8: true}
	tests := []struct {
		name string
		opts Options
		in   string
		want []got
	}{
		{name: "valid", opts: exact, in: `{"name":"n","at":"2024-03-04T00:00:00Z","count":-3,"size":3,"flag":true,"kind":"a","list":[{"v":1}],"any":{"x":[1]},"promoted":"p"}`},
		{name: "unknown-and-duplicate", opts: exact, in: `{"name":"a", "Name":"b","name":"c"}`, want: []got{
			{Kind: Unknown, Key: "Name", Offset: 13}, {Kind: Duplicate, Key: "name", Offset: 24},
		}},
		{name: "fold-case", in: `{"NAME":"b","Nope":1}`, want: []got{{Kind: Unknown, Key: "Nope", Offset: 12}}},
		{name: "fold-case-duplicate", opts: Options{Duplicates: true}, in: `{"name":"a","NAME":"b","nope":1,"nope":2}`, want: []got{
			{Kind: Duplicate, Key: "NAME", Offset: 12}, {Kind: Unknown, Key: "nope", Offset: 23}, {Kind: Duplicate, Key: "nope", Offset: 32},
		}},
		{name: "null", opts: exact, in: `{"name":null,"opt":null,"list":null}`, want: []got{{Kind: Null, Path: "name", Offset: 8}}},
		{name: "null-anywhere", opts: Options{NullAnywhere: true}, in: `{"name":null}`},
		{name: "root-null", opts: exact, in: `null`, want: []got{{Kind: WrongKind, Value: "null", Want: "an object"}}},
		{name: "kinds", opts: exact, in: `{"name":1,"when":2,"count":"x","size":"y","flag":0,"kind":3,"list":{},"any":[]}`, want: []got{
			{Kind: WrongKind, Path: "name", Value: "1", Want: "a string", Offset: 8},
			{Kind: WrongKind, Path: "when", Value: "2", Want: "a string", Offset: 17},
			{Kind: WrongKind, Path: "count", Value: "x", Want: "a number", Offset: 27},
			{Kind: WrongKind, Path: "size", Value: "y", Want: "a number", Offset: 38},
			{Kind: WrongKind, Path: "flag", Value: "0", Want: "true or false", Offset: 49},
			{Kind: WrongKind, Path: "kind", Value: "3", Want: "a string", Offset: 58},
			{Kind: WrongKind, Path: "list", Value: "object", Want: "an array", Offset: 67},
		}},
		{name: "wants", opts: Options{WantTime: "a time", WantInt: "an integer"}, in: `{"when":1,"count":true}`, want: []got{
			{Kind: WrongKind, Path: "when", Value: "1", Want: "a time", Offset: 8},
			{Kind: WrongKind, Path: "count", Value: "true", Want: "an integer", Offset: 18},
		}},
		{name: "values", opts: exact, in: `{"at":"soon","when":"0001-01-01T00:00:00Z","count":300,"size":-1,"kind":"b","list":[{"v":1.5}]}`, want: []got{
			{Kind: BadTime, Path: "at", Value: "soon", Offset: 6},
			{Kind: ZeroTime, Path: "when", Value: "0001-01-01T00:00:00Z", Offset: 20},
			{Kind: BadInt, Path: "count", Value: "300", Offset: 51},
			{Kind: BadUint, Path: "size", Value: "-1", Offset: 62},
			{Kind: BadText, Path: "kind", Value: "b", Offset: 72},
			{Kind: BadInt, Path: "list[0].v", Value: "1.5", Offset: 89},
		}},
		{name: "utf8", opts: exact, in: "{\"name\":\"a\xffb\",\"x\xfe\":1}", want: []got{
			{Kind: BadUTF8, Path: "name", Value: "a\uFFFDb", Offset: 10},
			{Kind: BadUTF8, Value: "x\uFFFD", Offset: 16},
			{Kind: Unknown, Key: "x\uFFFD", Offset: 14},
		}},
		{name: "utf8-unchecked", opts: Options{Exact: true}, in: "{\"name\":\"a\xffb\"}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var problems []got
			w := New([]byte(tc.in), tc.opts, func(p Problem) bool {
				v := p.Value
				if p.Kind == WrongKind {
					v = ValueOf(p.Tok)
				}
				problems = append(problems, got{Kind: p.Kind, Path: p.Path, Key: p.Key, Value: v, Want: p.Want, Offset: p.Offset})
				return true
			})
			require.NoError(t, w.Value(reflect.TypeFor[sample](), "", false))
			assert.Equal(t, int64(len(tc.in)), w.Offset())
			if diff := cmp.Diff(tc.want, problems); diff != "" {
				t.Errorf("walk(%s) problems mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestWalkStops checks that a walk ends with ErrStop when the report
// function asks, and with a *SyntaxError on broken JSON.
func TestWalkStops(t *testing.T) {
	w := New([]byte(`{"name":1,"when":2}`), Options{}, func(Problem) bool { return false })
	assert.ErrorIs(t, w.Value(reflect.TypeFor[sample](), "", false), ErrStop)

	for _, in := range []string{`{"name":`, `{"any":{"a":[}`, `{"list":[1,}`, `{"name":"a"`, `{"nope":[`} {
		w := New([]byte(in), Options{}, func(Problem) bool { return true })
		var se *SyntaxError
		err := w.Value(reflect.TypeFor[sample](), "", false)
		if assert.ErrorAs(t, err, &se, "walk(%s)", in) {
			assert.Equal(t, se.Err.Error(), se.Error())
			assert.Positive(t, se.Offset)
		}
	}
}

func TestInvalidAt(t *testing.T) {
	assert.Equal(t, -1, InvalidAt([]byte("héllo")))
	assert.Equal(t, 1, InvalidAt([]byte("h\xc3")))
	assert.Equal(t, 0, InvalidAt([]byte("\xff")))
}
