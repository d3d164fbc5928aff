package claim

import (
	"testing"
	"time"
)

// TestAfter checks after against time.Time's own After and Add, the
// expression it replaces, on times a nanosecond, a second and the slack
// apart, in other zones, and at the far ends of what time.Time holds.
func TestAfter(t *testing.T) {
	base := time.Date(2024, 3, 4, 22, 0, 0, 500, time.UTC)
	bangkok := time.FixedZone("ICT", 7*3600)
	far := time.Date(292277026596, 12, 4, 15, 30, 7, 999999999, time.UTC)
	tests := []struct {
		name string
		t, u time.Time
	}{
		{name: "equal", t: base, u: base},
		{name: "nanosecond-later", t: base.Add(time.Nanosecond), u: base},
		{name: "nanosecond-earlier", t: base.Add(-time.Nanosecond), u: base},
		{name: "second-later", t: base.Add(time.Second), u: base},
		{name: "slack-later", t: base.Add(maxUTCOffset), u: base},
		{name: "slack-and-a-nanosecond", t: base.Add(maxUTCOffset + time.Nanosecond), u: base},
		{name: "slack-less-a-nanosecond", t: base.Add(maxUTCOffset - time.Nanosecond), u: base},
		{name: "zones", t: base.In(bangkok).Add(maxUTCOffset + 1), u: base},
		{name: "monotonic", t: time.Now().Add(maxUTCOffset + time.Second), u: time.Now()},
		{name: "year-one", t: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), u: time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)},
		{name: "far-future", t: far, u: far.Add(-maxUTCOffset)},
		{name: "far-past", t: time.Unix(-1<<62, 0), u: time.Unix(-1<<62, 0).Add(-maxUTCOffset - 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, slack := range []time.Duration{0, maxUTCOffset} {
				for _, swap := range []bool{false, true} {
					x, y := tc.t, tc.u
					if swap {
						x, y = y, x
					}
					if got, want := after(x, y, slack), x.After(y.Add(slack)); got != want {
						t.Errorf("after(%v, %v, %v) = %v, want %v", x, y, slack, got, want)
					}
				}
			}
		})
	}
}
