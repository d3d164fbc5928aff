package claim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestInTextRange checks the bounds inTextRange compares with, and that it
// agrees with the calendar year at and around them.
func TestInTextRange(t *testing.T) {
	assert.Equal(t, time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), int64(unixYear0))
	assert.Equal(t, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), int64(unixYear10000))
	for _, tc := range []struct {
		name string
		d    Date
	}{
		{"year -1", Year(-1)},
		{"year 0", Year(0)},
		{"last instant of -1", NewDate(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond), PrecisionInstant)},
		{"year 9999", Year(9999)},
		{"last day", Day(9999, time.December, 31)},
		{"last instant", NewDate(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond), PrecisionInstant)},
		{"year 10000", Year(10000)},
		{"instant at UTC-5", NewDate(time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -5*3600)), PrecisionInstant)},
		{"far past", Year(-300000)},
		{"far future", Year(300000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			y := tc.d.t.Year()
			assert.Equal(t, y >= 0 && y <= 9999, tc.d.inTextRange(), "year %d", y)
		})
	}
}
