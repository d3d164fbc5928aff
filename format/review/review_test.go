package review_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/review"
	"github.com/claimtrail/claimtrail/source"
)

func valid() review.Review {
	return review.Review{
		Claim:     "shells",
		Reviewer:  review.Reviewer{Name: "Checkers Desk", URL: "https://checkers.example/"},
		Rating:    review.Rating{Name: "Mostly true", Numeric: true, Value: 4, Best: 5, Worst: 1},
		URL:       "https://checkers.example/2024/shells",
		Published: time.Date(2024, 6, 12, 0, 0, 0, 0, time.UTC),
	}
}

type problem struct {
	Field string
	Err   error
}

func problemsOf(err error) []problem {
	var out []problem
	if err == nil {
		return nil
	}
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *review.FieldError
		if errors.As(e, &fe) {
			out = append(out, problem{fe.Field, fe.Err})
		}
	}
	return out
}

var sameSentinel = cmp.Comparer(func(a, b error) bool { return errors.Is(a, b) || errors.Is(b, a) })

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(r *review.Review)
		want []problem
	}{
		{"valid", func(*review.Review) {}, nil},
		{"words only", func(r *review.Review) { r.Rating = review.Rating{Name: "False"} }, nil},
		{"zero", func(r *review.Review) { *r = review.Review{} }, []problem{
			{"claim", source.ErrEmpty}, {"reviewer.name", source.ErrEmpty}, {"rating.name", source.ErrEmpty}, {"url", source.ErrEmpty},
		}},
		{"relative url", func(r *review.Review) { r.URL = "/2024/shells" }, []problem{{"url", review.ErrInvalid}}},
		{"ftp url", func(r *review.Review) { r.URL = "ftp://checkers.example/x" }, []problem{{"url", review.ErrInvalid}}},
		{"reviewer url", func(r *review.Review) { r.Reviewer.URL = "checkers" }, []problem{{"reviewer.url", review.ErrInvalid}}},
		{"invalid UTF-8", func(r *review.Review) { r.Rating.Name = "fals\xe9" }, []problem{{"rating.name", source.ErrInvalidUTF8}}},
		{"value off the scale", func(r *review.Review) { r.Rating.Value = 7 }, []problem{{"rating.value", review.ErrInvalid}}},
		{"reversed scale", func(r *review.Review) { r.Rating.Best, r.Rating.Worst = 1, 5 }, nil},
		{"empty scale", func(r *review.Review) { r.Rating.Best, r.Rating.Worst, r.Rating.Value = 3, 3, 3 }, []problem{{"rating.best", review.ErrInvalid}}},
		{"not a number", func(r *review.Review) { r.Rating.Value = math.NaN() }, []problem{{"rating.value", review.ErrInvalid}}},
		{"year out of range", func(r *review.Review) { r.Published = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, []problem{{"published", review.ErrInvalid}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := valid()
			tc.edit(&r)
			if diff := cmp.Diff(tc.want, problemsOf(r.Validate()), sameSentinel); diff != "" {
				t.Errorf("Validate mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	c := &claim.Corpus{Claims: []claim.Claim{{ID: "shells", Text: "Norland supplies shells"}}}
	bad := valid()
	bad.Claim = "drones"
	bad.URL = ""
	err := review.Check([]review.Review{valid(), bad}, c)
	want := []problem{{"reviews[1].url", source.ErrEmpty}, {"reviews[1].claim", claim.ErrUnknownClaim}}
	if diff := cmp.Diff(want, problemsOf(err), sameSentinel); diff != "" {
		t.Errorf("Check mismatch (-want +got):\n%s", diff)
	}
	require.NoError(t, review.Check([]review.Review{valid()}, c))
	assert.ErrorIs(t, review.Check([]review.Review{valid()}, nil), claim.ErrUnknownClaim)
	assert.Equal(t, `review: url "": required field is empty`, (&review.FieldError{Field: "url", Err: source.ErrEmpty}).Error())
}
