package claim_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
)

// TestDecodePositions checks the line and column of each problem Decode
// reports: found while decoding (at the value, member or byte at fault)
// and found by validation (at the value of the field's path, or of the
// longest part of the path the document holds).
func TestDecodePositions(t *testing.T) {
	type place struct {
		Field        string
		Line, Column int
	}
	const head = "{\n  \"sources\": [{\"id\": \"s\", \"name\": \"S\"}],\n  \"claims\": [{\"id\": \"c\", \"text\": \"t\"}],\n"
	tests := []struct {
		name string
		in   string
		want []place
	}{
		{
			name: "unknown-claim",
			in:   head + "  \"statements\": [\n    {\"id\": \"s1\", \"claim\": \"nope\", \"source\": \"s\", \"act\": \"report\", \"said\": \"2024\"}\n  ]\n}\n",
			want: []place{{Field: "statements[0].claim", Line: 5, Column: 27}},
		},
		{
			name: "deep-and-missing",
			in: head + "  \"articles\": [{\"id\": \"a\", \"published\": \"2024-03-04\", \"text\": \"Kim denied it\"}],\n" +
				"  \"statements\": [{\"id\": \"s1\", \"claim\": \"c\", \"source\": \"s\", \"act\": \"report\", \"said\": \"2024\"},\n" +
				"    {\"id\": \"s2\", \"claim\": \"c\", \"source\": \"s\", \"act\": \"report\"},\n" +
				"    {\"id\": \"s3\", \"claim\": \"c\", \"source\": \"s\", \"act\": \"deny\", \"factuality\": \"CT-\",\n" +
				"     \"mentions\": [{\"article\": \"a\", \"span\": {\"start\": 0, \"end\": 3, \"exact\": \"Bob\"}}]}]\n}",
			want: []place{
				{Field: "statements[1].mentions", Line: 6, Column: 5}, // at the statement, which has none
				{Field: "statements[2].mentions[0].span", Line: 8, Column: 44},
			},
		},
		{
			name: "decoding",
			in:   "{\"claims\": [{\"id\": \"c\",\n \"text\": \"t\", \"txet\": 1}],\r\n\"statements\": [{\"act\": \"dney\", \"said\": 2}]}",
			want: []place{
				{Field: "claims[0]", Line: 2, Column: 15},
				{Field: "statements[0].act", Line: 3, Column: 24},
				{Field: "statements[0].said", Line: 3, Column: 40},
			},
		},
		{
			name: "syntax",
			in:   "{\"claims\": [\n\n  {\"id\": \"c\",, }]}",
			want: []place{{Field: "corpus", Line: 3, Column: 14}},
		},
		{
			name: "literal",
			in:   "{\"claims\": tru }",
			want: []place{{Field: "corpus", Line: 1, Column: 13}}, // within the broken literal, where encoding/json places it
		},
		{
			name: "array",
			in:   "{\"claims\": [{} {}]}",
			want: []place{{Field: "corpus", Line: 1, Column: 16}},
		},
		{
			name: "truncated",
			in:   "{\"claims\": [\n  {\"id\": \"c\"",
			want: []place{{Field: "corpus", Line: 2, Column: 13}},
		},
		{
			name: "trailing",
			in:   "{}\n\n  {}",
			want: []place{{Field: "corpus", Line: 3, Column: 3}},
		},
		{
			name: "empty",
			in:   "\n",
			want: []place{{Field: "corpus"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := claim.Decode(strings.NewReader(tc.in))
			require.Error(t, err)
			var got []place
			for _, e := range unjoin(err) {
				var fe *claim.FieldError
				if errors.As(e, &fe) {
					got = append(got, place{fe.Field, fe.Line, fe.Column})
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Decode(%q) places mismatch (-want +got):\n%s\n%v", tc.in, diff, err)
			}
		})
	}
}

// unjoin returns the problems err joins, or err alone.
func unjoin(err error) []error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()
	}
	return []error{err}
}
