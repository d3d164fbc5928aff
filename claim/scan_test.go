package claim

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

func TestLoneSurrogate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{name: "none", in: `{"a":"plain"}`, want: -1},
		{name: "pair", in: `{"a":"\ud83d\ude00"}`, want: -1},
		{name: "bmp escape", in: `{"a":"\u00e9\u4e2d"}`, want: -1},
		{name: "escaped backslash", in: `{"a":"\\ud800"}`, want: -1},
		{name: "high alone", in: `{"a":"\ud800x"}`, want: 6},
		{name: "high at end", in: `{"a":"\ud800"}`, want: 6},
		{name: "high then high", in: `{"a":"\ud800\ud800"}`, want: 6},
		{name: "low alone", in: `{"a":"\udc00"}`, want: 6},
		{name: "second string", in: `{"a":"ok","b":"\udfff"}`, want: 15},
		{name: "outside strings", in: `{"a":1}`, want: -1},
		{name: "bad hex", in: `{"a":"\uzzzz"}`, want: -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, loneSurrogate([]byte(tc.in)))
		})
	}
}

// TestDecodeReportsEveryShapeProblem checks that problems found before
// decoding are all reported at once, each with its full path.
func TestDecodeReportsEveryShapeProblem(t *testing.T) {
	const doc = `{
  "claims": [{"id": "c", "text": "t", "Text": "again", "relations": [{"kind": "refines", "to": "c", "weight": 2}]}],
  "statements": [
    {"id": "s", "claim": "c", "source": "absent", "act": "denyy", "factuality": "CT-",
     "mentions": [{"article": "a", "span": {"start": "0", "end": 1.5, "exact": "x"}}]},
    {"id": "s2", "id": "s3", "claim": "c", "source": "absent", "act": "deny", "factuality": "CT-", "said": "yesterday"}
  ]
}`
	_, err := Decode(strings.NewReader(doc))
	require.Error(t, err)
	type problem struct {
		field, value string
		sentinel     error
	}
	want := []problem{
		{"claims[0]", "Text", ErrUnknownField},
		{"claims[0].relations[0]", "weight", ErrUnknownField},
		{"statements[0].act", "denyy", ErrUnknownName},
		{"statements[0].mentions[0].span.start", "0", ErrInvalid},
		{"statements[0].mentions[0].span.end", "1.5", ErrInvalid},
		{"statements[1].id", "id", ErrDuplicateKey},
		{"statements[1].said", "yesterday", ErrDate},
	}
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "Decode error %v is not a joined error", err)
	got := joined.Unwrap()
	require.Len(t, got, len(want), "Decode(...) = %v", err)
	for i, w := range want {
		var fe *FieldError
		require.True(t, errors.As(got[i], &fe), "problem %d: %v", i, got[i])
		assert.Equal(t, w.field, fe.Field, "problem %d", i)
		assert.Equal(t, w.value, fe.Value, "problem %d", i)
		assert.ErrorIs(t, fe, w.sentinel, "problem %d", i)
	}
}

// TestDecodeShapeFields checks the field and value of each kind of shape
// problem, and which package's FieldError reports it.
func TestDecodeShapeFields(t *testing.T) {
	const statement = `"claim":"c","source":"absent","act":"report","said":"2025"`
	tests := []struct {
		name      string
		in        string
		wantField string
		wantValue string
		wantErr   error
	}{
		{name: "string-for-number", in: `{"statements":[{"id":"s",` + statement + `,"mentions":[{"article":"a","span":{"start":"10","end":16,"exact":"closed"}}]}]}`,
			wantField: "statements[0].mentions[0].span.start", wantValue: "10", wantErr: ErrInvalid},
		{name: "number-for-string", in: `{"claims":[{"id":7,"text":"t"}]}`, wantField: "claims[0].id", wantValue: "7", wantErr: ErrInvalid},
		{name: "float-for-string", in: `{"claims":[{"id":-1.5e3,"text":"t"}]}`, wantField: "claims[0].id", wantValue: "-1.5e3", wantErr: ErrInvalid},
		{name: "boolean-for-string", in: `{"claims":[{"id":true,"text":"t"}]}`, wantField: "claims[0].id", wantValue: "true", wantErr: ErrInvalid},
		{name: "string-for-array", in: `{"claims":"none"}`, wantField: "claims", wantValue: "none", wantErr: ErrInvalid},
		{name: "object-for-array", in: `{"claims":{}}`, wantField: "claims", wantValue: "object", wantErr: ErrInvalid},
		{name: "array-for-object", in: `{"claims":[[]]}`, wantField: "claims[0]", wantValue: "array", wantErr: ErrInvalid},
		{name: "number-for-enum", in: `{"statements":[{"id":"s","claim":"c","source":"absent","act":3,"said":"2025"}]}`, wantField: "statements[0].act", wantValue: "3", wantErr: ErrInvalid},
		{name: "number-for-time", in: `{"articles":[{"id":"a","published":1700000000}]}`, wantField: "articles[0].published", wantValue: "1700000000", wantErr: ErrInvalid},
		{name: "root-string", in: `"corpus"`, wantField: "corpus", wantValue: "corpus", wantErr: ErrInvalid},
		{name: "root-number", in: `42`, wantField: "corpus", wantValue: "42", wantErr: ErrInvalid},
		{name: "root-null", in: `null`, wantField: "corpus", wantValue: "null", wantErr: ErrInvalid},

		{name: "duplicate-top-level-key", in: `{"claims":[],"claims":[]}`, wantField: "claims", wantValue: "claims", wantErr: ErrDuplicateKey},
		{name: "duplicate-key", in: `{"statements":[{"id":"s","id":"t",` + statement + `}]}`, wantField: "statements[0].id", wantValue: "id", wantErr: ErrDuplicateKey},
		{name: "duplicate-nested-key", in: `{"claims":[{"id":"c","text":"t","relations":[{"kind":"refines","to":"c","to":"d"}]}]}`,
			wantField: "claims[0].relations[0].to", wantValue: "to", wantErr: ErrDuplicateKey},
		{name: "duplicate-source-key", in: `{"sources":[{"id":"x","name":"X","name":"Y"}]}`, wantField: "sources[0].name", wantValue: "name", wantErr: ErrDuplicateKey},

		{name: "time-not-rfc3339", in: `{"articles":[{"id":"a","published":"2024-03-04 18:00"}]}`,
			wantField: "articles[0].published", wantValue: "2024-03-04 18:00", wantErr: source.ErrInvalid},
		{name: "time-words", in: `{"articles":[{"id":"a","published":"yesterday"}]}`,
			wantField: "articles[0].published", wantValue: "yesterday", wantErr: source.ErrInvalid},
		{name: "time-empty", in: `{"articles":[{"id":"a","published":""}]}`,
			wantField: "articles[0].published", wantValue: "", wantErr: source.ErrInvalid},
		{name: "time-second-article", in: `{"articles":[{"id":"a","published":"2024-03-04T18:00:00Z"},{"id":"b","published":"2024-03-04 18:00"}]}`,
			wantField: "articles[1].published", wantValue: "2024-03-04 18:00", wantErr: source.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Decode(strings.NewReader(tc.in))
			assert.Nil(t, c)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.wantErr)
			var fe *FieldError
			require.ErrorAs(t, err, &fe, "every problem is a *FieldError, those of sources and articles too")
			var sfe *source.FieldError
			assert.False(t, errors.As(err, &sfe), "Decode error %v is a *source.FieldError", err)
			assert.Equal(t, tc.wantField, fe.Field)
			assert.Equal(t, tc.wantValue, fe.Value)
		})
	}
}

func TestDecodeNull(t *testing.T) {
	const claims = `"claims":[{"id":"c","text":"t"}]`
	const stmt = `{"id":"s","claim":"c","source":"absent","act":"report","said":"2024"`
	tests := []struct {
		name      string
		in        string
		wantField string // "" when the document decodes
	}{
		{name: "empty lists", in: `{"sources":null,"articles":null,"claims":null,"statements":null}`},
		{name: "optional field", in: `{` + claims + `,"statements":[` + stmt + `,"via":null,"mentions":null}]}`},
		{name: "required factuality", in: `{` + claims + `,"statements":[` + stmt + `,"factuality":null}]}`, wantField: "statements[0].factuality"},
		{name: "required span start", in: `{` + claims + `,"statements":[` + stmt + `,"mentions":[{"article":"a","span":{"start":null,"end":1,"exact":"x"}}]}]}`, wantField: "statements[0].mentions[0].span.start"},
		{name: "list element", in: `{"claims":[null]}`, wantField: "claims[0]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tc.in))
			if tc.wantField == "" {
				assert.NoError(t, err)
				return
			}
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.wantField, fe.Field)
			assert.Equal(t, "null", fe.Value)
			assert.ErrorIs(t, err, ErrInvalid)
		})
	}
}

func TestValidateReportsBothActAndFactuality(t *testing.T) {
	c := &Corpus{
		Claims: []Claim{{ID: "c", Text: "t"}, {ID: "c", Text: "again", Actors: []Actor{{Source: "nobody"}}}},
		Statements: []Statement{{
			ID: "s", Claim: "c", Source: "absent", Act: Act(99),
			Factuality: Factuality{Certainty: 9}, Said: Year(2024),
		}},
	}
	err := c.Validate()
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *FieldError
		if errors.As(e, &fe) {
			fields = append(fields, fe.Field)
		}
	}
	assert.Contains(t, fields, "statements[0].act")
	assert.Contains(t, fields, "statements[0].factuality")
	assert.Contains(t, fields, "claims[1].id", "duplicate claim")
	assert.Contains(t, fields, "claims[1].actors[0].source", "a duplicate claim's other problems are reported too")
}
