package claim

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		{"statements[0].mentions[0].span.start", "string", ErrInvalid},
		{"statements[0].mentions[0].span.end", "1.5", ErrInvalid},
		{"statements[1]", "id", ErrDuplicateKey},
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
