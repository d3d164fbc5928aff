package enumtext

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLookup(t *testing.T) {
	names := []string{"", "deny", "decline-comment"}
	tests := []struct {
		name   string
		in     string
		want   int
		wantOK bool
	}{
		{name: "exact", in: "deny", want: 1, wantOK: true},
		{name: "case", in: "DENY", want: 1, wantOK: true},
		{name: "space", in: "  Decline-Comment ", want: 2, wantOK: true},
		{name: "empty never matches", in: "", want: 0, wantOK: false},
		{name: "unknown", in: "denyy", want: 0, wantOK: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Lookup(names, tc.in)
			assert.Equal(t, tc.wantOK, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestValidAndName(t *testing.T) {
	names := []string{"", "a", "b"}
	assert.Equal(t, "a, b", Valid(names))
	assert.Equal(t, "b", Name(names, 2, "?"))
	assert.Equal(t, "?", Name(names, 3, "?"))
	assert.Equal(t, "?", Name(names, -1, "?"))
}
