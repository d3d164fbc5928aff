package extract_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// TestErrorType checks that every error the package returns is one
// *extract.Error naming the field and the value, wrapping source's sentinel,
// with the package's name once at the start of the message.
func TestErrorType(t *testing.T) {
	tests := []struct {
		name      string
		err       func() error
		wantField string
		wantValue string
		wantIs    error
		wantText  string
	}{
		{
			name:      "invalid UTF-8",
			err:       func() error { _, err := extract.Extract("Ab \xff said it.", extract.Options{}); return err },
			wantField: "text", wantValue: "byte 3", wantIs: source.ErrInvalidUTF8,
			wantText: `extract: text "byte 3": `,
		},
		{
			name:      "unknown form",
			err:       func() error { _, err := extract.ParseForm("sideways"); return err },
			wantField: "form", wantValue: "sideways", wantIs: source.ErrUnknownName,
			wantText: `extract: form "sideways": `,
		},
		{
			name:      "form out of range",
			err:       func() error { _, err := extract.Form(42).MarshalText(); return err },
			wantField: "form", wantIs: source.ErrInvalid,
		},
		{
			name:      "unknown reason",
			err:       func() error { var r extract.Reason; return r.UnmarshalText([]byte("weather")) },
			wantField: "reason", wantValue: "weather", wantIs: source.ErrUnknownName,
		},
		{
			name: "unresolved speaker",
			err: func() error {
				_, err := extract.Candidate{SpeakerText: claim.Span{Exact: "he"}, Resolution: extract.ResolutionUnresolved}.Statement("s1", "c1", "a1", "")
				return err
			},
			wantField: "speaker", wantValue: "he", wantIs: extract.ErrUnresolved,
			wantText: `extract: speaker "he": an unresolved reference, not a name: choose the source it refers to`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			require.Error(t, err)
			var xe *extract.Error
			require.ErrorAs(t, err, &xe)
			assert.Equal(t, tc.wantField, xe.Field)
			if tc.wantValue != "" {
				assert.Equal(t, tc.wantValue, xe.Value)
			}
			assert.ErrorIs(t, err, tc.wantIs)
			var fe *source.FieldError
			assert.False(t, errors.As(err, &fe), "no source.FieldError inside: %v", err)
			if tc.wantText != "" {
				assert.Contains(t, err.Error(), tc.wantText)
			}
			assert.NotContains(t, err.Error(), "source:", "one package name in the message")
		})
	}
}
