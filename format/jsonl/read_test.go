package jsonl_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/jsonl"
	"github.com/claimtrail/claimtrail/source"
)

// problem is what a test expects of one *jsonl.Error.
type problem struct {
	Line  int
	Field string
	Err   error
}

// problems lists the *jsonl.Error values err joins, as problems.
func problems(t *testing.T, err error) []problem {
	t.Helper()
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else if err != nil {
		errs = []error{err}
	}
	var out []problem
	for _, e := range errs {
		var je *jsonl.Error
		if !errors.As(e, &je) {
			continue
		}
		out = append(out, problem{Line: je.Line, Field: je.Field, Err: je.Err})
	}
	return out
}

// sameSentinel compares problems by line, field and whether the got error
// wraps the wanted sentinel.
var sameSentinel = cmp.Comparer(func(a, b error) bool {
	return a == nil && b == nil || a != nil && b != nil && (errors.Is(a, b) || errors.Is(b, a))
})

func TestReadRecords(t *testing.T) {
	input := "\uFEFF{\"type\":\"format\",\"format\":\"claimtrail/1\"}\r\n" +
		"\n" +
		`  {"name":"Norland","type":"Source","id":"norland","kind":"government"}` + "\n" +
		`{"type":"article","id":"a","published":"2024-03-04"}` + "\n" +
		`{"type":"claim","id":"c","text":"Norland supplies shells","event":"2023-09"}` // no final line end
	var got []jsonl.Record
	for rec, err := range jsonl.Read(strings.NewReader(input), jsonl.Options{}) {
		require.NoError(t, err)
		got = append(got, rec)
	}
	want := []jsonl.Record{
		{Type: jsonl.TypeFormat, Line: 1, Format: claim.Format},
		{Type: jsonl.TypeSource, Line: 3, Source: source.Source{ID: "norland", Name: "Norland", Kind: source.KindGovernment}},
		{Type: jsonl.TypeArticle, Line: 4, Article: source.Article{ID: "a", Published: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)}},
		{Type: jsonl.TypeClaim, Line: 5, Claim: claim.Claim{ID: "c", Text: "Norland supplies shells", Event: claim.MustParseDate("2023-09")}},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Read mismatch (-want +got):\n%s", diff)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		line string
		want problem
	}{
		{"syntax", `{"type":"claim","id":`, problem{1, "", jsonl.ErrSyntax}},
		{"not an object", `["claim"]`, problem{1, "", jsonl.ErrSyntax}},
		{"trailing data", `{"type":"claim","id":"c","text":"t"} {}`, problem{1, "", jsonl.ErrSyntax}},
		{"no type", `{"id":"c","text":"t"}`, problem{1, "type", jsonl.ErrUnknownType}},
		{"unknown type", `{"type":"decision","id":"d"}`, problem{1, "type", jsonl.ErrUnknownType}},
		{"type not a string", `{"type":3,"id":"d"}`, problem{1, "type", jsonl.ErrUnknownType}},
		{"the unknown type", `{"type":"unknown","id":"d"}`, problem{1, "type", jsonl.ErrUnknownType}},
		{"empty type", `{"type":"","id":"d"}`, problem{1, "type", jsonl.ErrUnknownType}},
		{"the unknown type, then a member", `{"type":" Unknown ","txt":"d"}`, problem{1, "type", jsonl.ErrUnknownType}},
		{"unknown field", `{"type":"claim","id":"c","txt":"t"}`, problem{1, "claim.txt", jsonl.ErrUnknownField}},
		{"unknown nested field", `{"type":"statement","id":"s","mentions":[{"article":"a","span":{"begin":1}}]}`, problem{1, "statement.mentions[0].span.begin", jsonl.ErrUnknownField}},
		{"wrong kind", `{"type":"statement","id":"s","mentions":[{"article":"a","span":{"start":"1"}}]}`, problem{1, "statement.mentions[0].span.start", jsonl.ErrInvalid}},
		{"wrong kind of list", `{"type":"statement","id":"s","via":"norland"}`, problem{1, "statement.via", jsonl.ErrInvalid}},
		{"number out of range", `{"type":"statement","id":"s","mentions":[{"article":"a","span":{"start":1e999}}]}`, problem{1, "statement.mentions[0].span.start", jsonl.ErrInvalid}},
		{"boolean", `{"type":"source","id":"s","name":"S","investigator":"yes"}`, problem{1, "source.investigator", jsonl.ErrInvalid}},
		{"string", `{"type":"claim","id":7}`, problem{1, "claim.id", jsonl.ErrInvalid}},
		{"unknown act", `{"type":"statement","id":"s","act":"dney"}`, problem{1, "statement.act", claim.ErrUnknownName}},
		{"unknown kind", `{"type":"source","id":"s","name":"S","kind":"planet"}`, problem{1, "source.kind", claim.ErrUnknownName}},
		{"bad date", `{"type":"statement","id":"s","said":"2023-02-30"}`, problem{1, "statement.said", claim.ErrDate}},
		{"bad time", `{"type":"article","id":"a","published":"yesterday"}`, problem{1, "article.published", jsonl.ErrInvalid}},
		{"date that does not exist", `{"type":"article","id":"a","published":"2023-02-30"}`, problem{1, "article.published", jsonl.ErrInvalid}},
		{"time not a string", `{"type":"article","id":"a","published":20240304}`, problem{1, "article.published", jsonl.ErrInvalid}},
		{"invalid UTF-8", "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"caf\xe9\"}", problem{1, "claim.text", jsonl.ErrInvalidUTF8}},
		{"invalid UTF-8 in a name", "{\"type\":\"claim\",\"i\xffd\":\"c\"}", problem{1, "", jsonl.ErrInvalidUTF8}},
		{"lone surrogate", `{"type":"claim","id":"c","text":"\ud800 alone"}`, problem{1, "", jsonl.ErrInvalidUTF8}},
		{"low surrogate first", `{"type":"claim","id":"c","text":"\udc00\ud800"}`, problem{1, "", jsonl.ErrInvalidUTF8}},
		{"syntax after a nested value", `{"id":{"x":[1,{"y":2}]},"type":"claim","txt":1`, problem{1, "claim.txt", jsonl.ErrUnknownField}},
		{"syntax after the type", `{"type":"claim","id":"c","actors":[{"source":"a"}],"text":`, problem{1, "", jsonl.ErrSyntax}},
		{"case of a member", `{"type":"claim","ID":"c","Text":"t","Actors":[{"Source":"a","ROLE":"boss"}]}`, problem{1, "claim.actors[0].role", claim.ErrUnknownName}},
		{"time of the wrong kind", `{"type":"article","id":"a","published":{"at":[1]}}`, problem{1, "article.published", jsonl.ErrInvalid}},
		{"list of the wrong kind", `{"type":"claim","id":"c","actors":{"source":"a"}}`, problem{1, "claim.actors", jsonl.ErrInvalid}},
		{"negative offset", `{"type":"statement","id":"s","mentions":[{"article":"a","span":{"start":-1,"end":true}}]}`, problem{1, "statement.mentions[0].span.end", jsonl.ErrInvalid}},
		{"format of the wrong kind", `{"type":"format","format":1}`, problem{1, "format.format", jsonl.ErrInvalid}},
		{"wrong kind inside an array", `{"type":"claim","id":"c","actors":[{"source":{"id":"x"}}]}`, problem{1, "claim.actors[0].source", jsonl.ErrInvalid}},
		{"member given twice", `{"type":"source","id":"s","name":"S","id":"t"}`, problem{1, "source.id", jsonl.ErrDuplicateKey}},
		{"member given twice, spelled apart", `{"type":"claim","id":"c","text":"t","ID":"d"}`, problem{1, "claim.ID", jsonl.ErrDuplicateKey}},
		{"type given twice", `{"type":"claim","id":"c","TYPE":"claim"}`, problem{1, "claim.TYPE", jsonl.ErrDuplicateKey}},
		{"nested member given twice", `{"type":"claim","id":"c","actors":[{"source":"a","source":"b"}]}`, problem{1, "claim.actors[0].source", jsonl.ErrDuplicateKey}},
		{"statement member given twice", `{"type":"statement","id":"s","act":"accuse","act":"deny"}`, problem{1, "statement.act", jsonl.ErrDuplicateKey}},
		{"statement member given twice, out of order", `{"id":"s","type":"statement","claim":"c","Claim":"d"}`, problem{1, "statement.Claim", jsonl.ErrDuplicateKey}},
		{"nested member given twice, spelled apart", `{"type":"claim","id":"c","actors":[{"source":"a","SOURCE":"b"}]}`, problem{1, "claim.actors[0].SOURCE", jsonl.ErrDuplicateKey}},
		{"span member given twice", `{"type":"statement","id":"s","mentions":[{"article":"a","span":{"start":1,"start":2}}]}`, problem{1, "statement.mentions[0].span.start", jsonl.ErrDuplicateKey}},
		{"article member given twice", `{"type":"article","id":"a","published":"2024-03-04T18:00:00Z","published":"2024-03-05T18:00:00Z"}`, problem{1, "article.published", jsonl.ErrDuplicateKey}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs []error
			for _, err := range jsonl.Read(strings.NewReader(tc.line), jsonl.Options{}) {
				errs = append(errs, err)
			}
			require.Len(t, errs, 1)
			got := problems(t, errs[0])
			if diff := cmp.Diff([]problem{tc.want}, got, sameSentinel); diff != "" {
				t.Errorf("Read(%q) mismatch (-want +got):\n%s\nerror: %v", tc.line, diff, errs[0])
			}
		})
	}
}

func TestReadKeepsGoingAfterABadLine(t *testing.T) {
	input := "{\"type\":\"claim\"\n" + `{"type":"claim","id":"c","text":"t"}` + "\n"
	var lines []int
	var failed []bool
	for rec, err := range jsonl.Read(strings.NewReader(input), jsonl.Options{}) {
		lines = append(lines, rec.Line)
		failed = append(failed, err != nil)
	}
	assert.Equal(t, []int{1, 2}, lines)
	assert.Equal(t, []bool{true, false}, failed)
}

func TestReadLongLines(t *testing.T) {
	long := `{"type":"claim","id":"c","text":"` + strings.Repeat("x", 200<<10) + `"}`
	input := long + "\n" + `{"type":"claim","id":"d","text":"t"}` + "\n" + long
	tests := []struct {
		name    string
		maxLine int
		wantErr []bool
	}{
		{"default", 0, []bool{false, false, false}},
		{"small", 1 << 10, []bool{true, false, true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []bool
			for rec, err := range jsonl.Read(strings.NewReader(input), jsonl.Options{MaxLine: tc.maxLine}) {
				got = append(got, err != nil)
				if err != nil {
					assert.ErrorIs(t, err, jsonl.ErrLineTooLong)
				} else {
					assert.NotEmpty(t, rec.Claim.Text)
				}
			}
			assert.Equal(t, tc.wantErr, got)
		})
	}
}

func TestReadStopsOnReadError(t *testing.T) {
	boom := errors.New("disk gone")
	r := io.MultiReader(strings.NewReader(`{"type":"claim","id":"c","text":"t"}`+"\n"), &failing{boom})
	var errs []error
	for _, err := range jsonl.Read(r, jsonl.Options{}) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 2)
	assert.NoError(t, errs[0])
	assert.ErrorIs(t, errs[1], boom)
}

func TestReadBreak(t *testing.T) {
	input := strings.Repeat(`{"type":"claim","id":"c","text":"t"}`+"\n", 5)
	n := 0
	for _, err := range jsonl.Read(strings.NewReader(input), jsonl.Options{}) {
		require.NoError(t, err)
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
}

type failing struct{ err error }

func (f *failing) Read([]byte) (int, error) { return 0, f.err }

func TestTypeText(t *testing.T) {
	for _, typ := range []jsonl.Type{jsonl.TypeFormat, jsonl.TypeSource, jsonl.TypeArticle, jsonl.TypeClaim, jsonl.TypeStatement} {
		b, err := typ.MarshalText()
		require.NoError(t, err)
		var back jsonl.Type
		require.NoError(t, back.UnmarshalText(bytes.ToUpper(b)))
		assert.Equal(t, typ, back)
	}
	// TypeUnknown keeps the enum contract: it marshals and reads back, and
	// IsValid says no line may carry it.
	b, err := jsonl.TypeUnknown.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "unknown", string(b))
	assert.False(t, jsonl.TypeUnknown.IsValid())
	assert.True(t, jsonl.TypeStatement.IsValid())
	_, err = jsonl.Type(42).MarshalText()
	assert.ErrorIs(t, err, jsonl.ErrInvalid)
	assert.Equal(t, "Type(42)", jsonl.Type(42).String())
	typ := jsonl.TypeClaim
	err = typ.UnmarshalText([]byte("decision"))
	assert.ErrorIs(t, err, jsonl.ErrUnknownType)
	assert.ErrorIs(t, err, claim.ErrUnknownName)
	assert.EqualError(t, err, `jsonl: type "decision": unknown record type: unknown name (valid: format, source, article, claim, statement)`)
	assert.Equal(t, jsonl.TypeClaim, typ, "a failed UnmarshalText changed its receiver")
	got, err := jsonl.ParseType(" Statement\t")
	assert.NoError(t, err)
	assert.Equal(t, jsonl.TypeStatement, got)
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		err  *jsonl.Error
		want string
	}{
		{&jsonl.Error{Line: 3, Field: "statement.act", Value: "dney", Err: claim.ErrUnknownName}, `jsonl: line 3: statement.act "dney": unknown name`},
		{&jsonl.Error{Line: 4, Column: 9, Err: jsonl.ErrSyntax}, `jsonl: line 4, column 9: not a JSON object`},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.err.Error())
	}
}

func asError(err error, target **jsonl.Error) bool { return errors.As(err, target) }
