package claim

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestInternLimitErr checks the bound on what a checked corpus's int32
// indexes can count, without making a corpus that large.
func TestInternLimitErr(t *testing.T) {
	tests := []struct {
		name                     string
		statements, via, mention int
		value                    string // the FieldError's Value, "" for no error
	}{
		{name: "empty"},
		{name: "at-limit", statements: math.MaxInt32, via: math.MaxInt32, mention: math.MaxInt32},
		{name: "statements", statements: math.MaxInt32 + 1, value: "2147483648 statements"},
		{name: "via", via: math.MaxInt32 + 2, value: "2147483649 via entries"},
		{name: "mentions", statements: 5, mention: math.MaxInt32 + 1, value: "2147483648 mentions"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := internLimitErr(tc.statements, tc.via, tc.mention)
			if tc.value == "" {
				assert.NoError(t, err)
				return
			}
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "statements", fe.Field)
				assert.Equal(t, tc.value, fe.Value)
			}
			assert.ErrorIs(t, err, ErrInvalid)
		})
	}
}
