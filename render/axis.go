package render

import (
	"strconv"
	"time"
)

// axis maps instants to horizontal positions. It works in seconds as
// float64, since a corpus may span the years 0001 to 9999, far more than a
// time.Duration holds.
type axis struct {
	from, to float64 // Unix seconds at the ends of the axis
	x0, x1   float64 // pixels
}

// span collects the instants a picture must show.
type span struct {
	min, max float64
	ok       bool
}

// add widens the span to include t; the zero time is ignored.
func (s *span) add(t time.Time) {
	if t.IsZero() {
		return
	}
	u := unix(t)
	if !s.ok {
		s.min, s.max, s.ok = u, u, true
		return
	}
	s.min = min(s.min, u)
	s.max = max(s.max, u)
}

// unix returns t in Unix seconds, with its fraction.
func unix(t time.Time) float64 {
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9
}

// newAxis returns the axis for the span between pixels x0 and x1, padded by
// 3% on each side, or by a day when the span is a single instant. An empty
// span gives a day around the Unix epoch, never drawn with marks.
func newAxis(s span, x0, x1 float64) axis {
	if !s.ok {
		s = span{min: 0, max: 0, ok: true}
	}
	pad := (s.max - s.min) * 0.03
	if pad < 86400 {
		pad = 86400
	}
	return axis{from: s.min - pad, to: s.max + pad, x0: x0, x1: x1}
}

// x returns the position of t on the axis.
func (a axis) x(t time.Time) float64 {
	return a.x0 + (unix(t)-a.from)/(a.to-a.from)*(a.x1-a.x0)
}

// A tickStep is one spacing of the axis's ticks.
type tickStep struct {
	years, months, days int
	approx              float64 // seconds, to choose the step
}

// tickSteps are the spacings the axis chooses from, finest first.
var tickSteps = func() []tickStep {
	const day = 86400.0
	steps := []tickStep{
		{days: 1, approx: day}, {days: 2, approx: 2 * day}, {days: 3, approx: 3 * day}, {days: 7, approx: 7 * day},
		{days: 14, approx: 14 * day},
		{months: 1, approx: 30.4 * day}, {months: 2, approx: 61 * day}, {months: 3, approx: 91 * day},
		{months: 6, approx: 182 * day},
	}
	for _, y := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000} {
		steps = append(steps, tickStep{years: y, approx: float64(y) * 365.25 * day})
	}
	return steps
}()

// A tick is one labelled instant on the axis.
type tick struct {
	x     float64
	label string
}

// ticks returns at most max+1 ticks for the axis, on round instants: the
// first of a year, a month, or a day at midnight UTC. It takes time linear
// in max.
func (a axis) ticks(max int) []tick {
	if max < 2 {
		max = 2
	}
	length := a.to - a.from
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if length/s.approx <= float64(max) {
			step = s
			break
		}
	}
	start := time.Unix(int64(a.from), 0).UTC()
	var t time.Time
	layout := time.DateOnly
	switch {
	case step.years > 0:
		y := start.Year() / step.years * step.years
		t = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		layout = "2006"
	case step.months > 0:
		m := (int(start.Month()) - 1) / step.months * step.months
		t = time.Date(start.Year(), time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
		layout = "2006-01"
	default:
		t = time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	}
	var out []tick
	for i := 0; i < max+4 && len(out) <= max; i++ {
		u := unix(t)
		if u > a.to {
			break
		}
		if u >= a.from {
			label := t.Format(layout)
			if step.years > 0 {
				label = strconv.Itoa(t.Year())
			}
			out = append(out, tick{x: a.x(t), label: label})
		}
		t = t.AddDate(step.years, step.months, step.days)
	}
	return out
}
