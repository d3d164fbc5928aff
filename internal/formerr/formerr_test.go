package formerr_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/formerr"
	"github.com/claimtrail/claimtrail/story"
)

func TestMessage(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"story-path", fmt.Errorf("story: %w", &story.FieldError{Field: "decisions[0].claim", Value: "nope", Err: story.ErrUnknownClaim}),
			`the claim "nope": ` + story.ErrUnknownClaim.Error()},
		{"statement-path", &story.FieldError{Field: "decisions[0].key", Value: "k", Err: &claim.FieldError{Field: "statements[0].factuality", Value: "CT+", Err: claim.ErrFactuality}},
			`the factuality "CT+": ` + claim.ErrFactuality.Error()},
		{"statement-source", &claim.FieldError{Field: "statements[3].source", Value: "nobody", Err: errors.New("unknown source")},
			`the speaker "nobody": unknown source`},
		{"label", &story.FieldError{Field: "decisions[2].text", Value: "x", Err: story.ErrInvalid},
			`the new claim "x": ` + story.ErrInvalid.Error()},
		{"no-label", &story.FieldError{Field: "decisions[0].note", Value: "n", Err: story.ErrInvalid},
			`the note "n": ` + story.ErrInvalid.Error()},
		{"plain", errors.New("the store is gone"), "the store is gone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, formerr.Message(tc.err))
		})
	}
}
