package claim

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dateComparer lets cmp.Diff look at Dates, whose fields are unexported;
// Dates are comparable, so == is the equality the package promises.
var dateComparer = cmp.Comparer(func(a, b Date) bool { return a == b })

// instant returns the Date of an instant given in UTC.
func instant(y int, m time.Month, d, h, min, s, ns int) Date {
	return truncate(time.Date(y, m, d, h, min, s, ns, time.UTC), PrecisionInstant)
}

func TestParsePrecision(t *testing.T) {
	tests := []struct {
		in   string
		want Precision
	}{
		{"unknown", PrecisionUnknown},
		{"year", PrecisionYear},
		{"Month", PrecisionMonth},
		{"DAY", PrecisionDay},
		{" instant ", PrecisionInstant},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParsePrecision(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)

			var p Precision
			require.NoError(t, p.UnmarshalText([]byte(tc.in)))
			assert.Equal(t, tc.want, p)
		})
	}

	for _, in := range []string{"decade", "years", "unknowable"} {
		t.Run("bad/"+in, func(t *testing.T) {
			_, err := ParsePrecision(in)
			assert.ErrorIs(t, err, ErrUnknownName)
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, in, fe.Value)
			}

			p := PrecisionDay
			assert.ErrorIs(t, p.UnmarshalText([]byte(in)), ErrUnknownName)
			assert.Equal(t, PrecisionDay, p, "UnmarshalText changed its receiver on error")
		})
	}
}

func TestPrecisionText(t *testing.T) {
	tests := []struct {
		name string
		p    Precision
		want string
	}{
		{"unknown", PrecisionUnknown, "unknown"},
		{"year", PrecisionYear, "year"},
		{"month", PrecisionMonth, "month"},
		{"day", PrecisionDay, "day"},
		{"instant", PrecisionInstant, "instant"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.p.String())
			b, err := tc.p.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(b))
		})
	}

	t.Run("out-of-range", func(t *testing.T) {
		p := Precision(9)
		assert.Equal(t, "Precision(9)", p.String())
		_, err := p.MarshalText()
		assert.ErrorIs(t, err, ErrInvalid)
	})
}

func TestNewDate(t *testing.T) {
	plus2 := time.FixedZone("+02:00", 2*60*60)
	minus5 := time.FixedZone("-05:00", -5*60*60)
	briefing := time.Date(2023, time.September, 13, 14, 5, 7, 500_000_000, plus2)
	newYearsEve := time.Date(2023, time.December, 31, 23, 30, 0, 0, minus5) // 2024 in UTC

	tests := []struct {
		name string
		t    time.Time
		p    Precision
		want Date
	}{
		{"year", briefing, PrecisionYear, Year(2023)},
		{"month", briefing, PrecisionMonth, Month(2023, time.September)},
		{"day", briefing, PrecisionDay, Day(2023, time.September, 13)},
		{"instant", briefing, PrecisionInstant, instant(2023, time.September, 13, 12, 5, 7, 500_000_000)},
		{"unknown", briefing, PrecisionUnknown, Date{}},
		{"out-of-range", briefing, Precision(9), Date{}},
		{"zero-time", time.Time{}, PrecisionDay, Date{}},
		{"own-location-year", newYearsEve, PrecisionYear, Year(2023)},
		{"own-location-month", newYearsEve, PrecisionMonth, Month(2023, time.December)},
		{"own-location-day", newYearsEve, PrecisionDay, Day(2023, time.December, 31)},
		{"own-location-instant", newYearsEve, PrecisionInstant, instant(2024, time.January, 1, 4, 30, 0, 0)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := NewDate(tc.t, tc.p)
			if diff := cmp.Diff(tc.want, got, dateComparer); diff != "" {
				t.Errorf("NewDate(%v, %v) mismatch (-want +got):\n%s", tc.t, tc.p, diff)
			}
			assert.Equal(t, tc.want.Precision(), got.Precision())
			assert.Equal(t, time.UTC, got.Start().Location())
		})
	}
}

func TestDateConstructors(t *testing.T) {
	tests := []struct {
		name  string
		d     Date
		want  string
		p     Precision
		start time.Time
	}{
		{"year", Year(2022), "2022", PrecisionYear, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"month", Month(2023, time.September), "2023-09", PrecisionMonth, time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC)},
		{"day", Day(2023, time.September, 13), "2023-09-13", PrecisionDay, time.Date(2023, 9, 13, 0, 0, 0, 0, time.UTC)},
		// The first day of year 1 is the zero time.Time, yet still a date.
		{"year-1", Year(1), "0001", PrecisionYear, time.Time{}},
		{"month-1", Month(1, time.January), "0001-01", PrecisionMonth, time.Time{}},
		{"day-1", Day(1, time.January, 1), "0001-01-01", PrecisionDay, time.Time{}},
		{"year-0", Year(0), "0000", PrecisionYear, time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)},
		// Out-of-range months and days are normalised, as time.Date does.
		{"day-30-february", Day(2023, time.February, 30), "2023-03-02", PrecisionDay, time.Date(2023, 3, 2, 0, 0, 0, 0, time.UTC)},
		{"day-0", Day(2023, time.January, 0), "2022-12-31", PrecisionDay, time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC)},
		{"month-13", Month(2023, 13), "2024-01", PrecisionMonth, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"month-0", Month(2023, 0), "2022-12", PrecisionMonth, time.Date(2022, 12, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.True(t, tc.d.IsValid())
			assert.Equal(t, tc.want, tc.d.String())
			assert.Equal(t, tc.p, tc.d.Precision())
			if diff := cmp.Diff(tc.start, tc.d.Start()); diff != "" {
				t.Errorf("Start() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDateZero(t *testing.T) {
	var d Date
	assert.False(t, d.IsValid())
	assert.Equal(t, PrecisionUnknown, d.Precision())
	assert.Equal(t, "", d.String())
	assert.True(t, d.Start().IsZero())
	assert.True(t, d.End().IsZero())
	b, err := d.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Date
	}{
		{"empty", "", Date{}},
		{"year", "2022", Year(2022)},
		{"month", "2023-09", Month(2023, time.September)},
		{"day", "2023-09-13", Day(2023, time.September, 13)},
		{"leap-day", "2024-02-29", Day(2024, time.February, 29)},
		{"utc", "2023-09-13T14:05:00Z", instant(2023, time.September, 13, 14, 5, 0, 0)},
		{"east", "2023-09-13T14:05:00+02:00", instant(2023, time.September, 13, 12, 5, 0, 0)},
		{"west-next-day", "2023-09-13T23:30:00-02:00", instant(2023, time.September, 14, 1, 30, 0, 0)},
		{"nanos", "2023-09-13T14:05:00.123456789-07:30", instant(2023, time.September, 13, 21, 35, 0, 123456789)},
		{"year-0", "0000", Year(0)},
		{"year-1", "0001", Year(1)},
		{"day-1", "0001-01-01", Day(1, time.January, 1)},
		{"instant-zero", "0001-01-01T00:00:00Z", instant(1, time.January, 1, 0, 0, 0, 0)},
		{"year-9999", "9999", Year(9999)},
		{"last-instant", "9999-12-31T23:59:59.999999999Z", instant(9999, time.December, 31, 23, 59, 59, 999999999)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, got, dateComparer); diff != "" {
				t.Errorf("ParseDate(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
			assert.Equal(t, tc.in != "", got.IsValid())
			assert.Equal(t, got, MustParseDate(tc.in))
		})
	}
}

func TestParseDateError(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"short-year", "22"},
		{"five-digit-year", "20222"},
		{"signed-year", "+202"},
		{"letters", "abcd"},
		{"month-name", "September"},
		{"one-digit-month", "2023-9"},
		{"month-13", "2023-13"},
		{"month-0", "2023-00"},
		{"feb-30", "2023-02-30"},
		{"feb-29-common-year", "2023-02-29"},
		{"slashes", "2023/09/13"},
		{"day-first", "13-09-2023"},
		{"no-offset", "2023-09-13T14:05:00"},
		{"space", "2023-09-13 14:05:00Z"},
		{"hour-25", "2023-09-13T25:05:00Z"},
		{"trailing", "2023-09-13T14:05:00Zjunk"},
		{"padded", " 2023"},
		{"before-year-0-in-utc", "0000-01-01T00:00:00+01:00"},
		{"after-year-9999-in-utc", "9999-12-31T23:00:00-01:00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			assert.ErrorIs(t, err, ErrDate)
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, tc.in, fe.Value)
				assert.Equal(t, "date", fe.Field)
			}
			assert.Equal(t, Date{}, got)

			d := Year(2022)
			assert.ErrorIs(t, d.UnmarshalText([]byte(tc.in)), ErrDate)
			assert.Equal(t, Year(2022), d, "UnmarshalText changed its receiver on error")
		})
	}
}

func TestMustParseDatePanics(t *testing.T) {
	defer func() {
		err, _ := recover().(error)
		assert.ErrorIs(t, err, ErrDate)
	}()
	MustParseDate("2023-02-30")
	t.Error("MustParseDate(\"2023-02-30\") did not panic")
}

func TestDateStartEnd(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		name       string
		d          Date
		start, end time.Time
	}{
		{"year", Year(2022), utc(2022, 1, 1, 0, 0), utc(2023, 1, 1, 0, 0)},
		{"month", Month(2023, time.September), utc(2023, 9, 1, 0, 0), utc(2023, 10, 1, 0, 0)},
		{"december", Month(2023, time.December), utc(2023, 12, 1, 0, 0), utc(2024, 1, 1, 0, 0)},
		{"day", Day(2023, time.September, 13), utc(2023, 9, 13, 0, 0), utc(2023, 9, 14, 0, 0)},
		{"leap-day", Day(2024, time.February, 29), utc(2024, 2, 29, 0, 0), utc(2024, 3, 1, 0, 0)},
		{"instant", instant(2023, time.September, 13, 14, 5, 0, 0), utc(2023, 9, 13, 14, 5), utc(2023, 9, 13, 14, 5)},
		{"zero", Date{}, time.Time{}, time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.start, tc.d.Start()); diff != "" {
				t.Errorf("%v.Start() mismatch (-want +got):\n%s", tc.d, diff)
			}
			if diff := cmp.Diff(tc.end, tc.d.End()); diff != "" {
				t.Errorf("%v.End() mismatch (-want +got):\n%s", tc.d, diff)
			}
		})
	}
}

func TestDateContains(t *testing.T) {
	plus2 := time.FixedZone("+02:00", 2*60*60)
	at := time.Date(2023, time.September, 13, 14, 5, 0, 0, time.UTC)
	tests := []struct {
		name string
		d    Date
		t    time.Time
		want bool
	}{
		{"year-first-instant", Year(2022), time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"year-last-instant", Year(2022), time.Date(2022, 12, 31, 23, 59, 59, 999999999, time.UTC), true},
		{"year-end", Year(2022), time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"year-before", Year(2022), time.Date(2021, 12, 31, 23, 59, 59, 0, time.UTC), false},
		{"month-inside", Month(2023, time.September), at, true},
		{"month-end", Month(2023, time.September), time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC), false},
		{"day-inside", Day(2023, time.September, 13), at, true},
		{"day-next", Day(2023, time.September, 14), at, false},
		// 01:00 at +02:00 is still the 12th in UTC, where the period is taken.
		{"day-other-location", Day(2023, time.September, 12), time.Date(2023, 9, 13, 1, 0, 0, 0, plus2), true},
		{"instant-itself", NewDate(at, PrecisionInstant), at, true},
		{"instant-other-location", NewDate(at, PrecisionInstant), at.In(plus2), true},
		{"instant-nanosecond-later", NewDate(at, PrecisionInstant), at.Add(time.Nanosecond), false},
		{"zero-date", Date{}, at, false},
		{"zero-date-zero-time", Date{}, time.Time{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.d.Contains(tc.t), "%v.Contains(%v)", tc.d, tc.t)
		})
	}
}

func TestDateCompare(t *testing.T) {
	// In ascending order, no two equal.
	sorted := []Date{
		{},
		Year(0),
		Year(1),
		Year(2021),
		Year(2022),
		Month(2022, time.January),
		Day(2022, time.January, 1),
		instant(2022, time.January, 1, 0, 0, 0, 0),
		instant(2022, time.January, 1, 0, 0, 0, 1),
		Day(2022, time.January, 2),
		Month(2022, time.February),
		Day(2022, time.March, 15),
		Year(2023),
	}
	for i, a := range sorted {
		for j, b := range sorted {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = +1
			}
			assert.Equal(t, want, a.Compare(b), "%q.Compare(%q)", a, b)
		}
	}

	shuffled := slices.Clone(sorted)
	slices.Reverse(shuffled)
	shuffled[0], shuffled[5] = shuffled[5], shuffled[0]
	slices.SortFunc(shuffled, Date.Compare)
	if diff := cmp.Diff(sorted, shuffled, dateComparer); diff != "" {
		t.Errorf("slices.SortFunc(dates, Date.Compare) mismatch (-want +got):\n%s", diff)
	}
}

func TestDateText(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		want string
	}{
		{"zero", Date{}, ""},
		{"year", Year(2022), "2022"},
		{"year-0", Year(0), "0000"},
		{"month", Month(2023, time.September), "2023-09"},
		{"day", Day(2023, time.September, 13), "2023-09-13"},
		{"instant", instant(2023, time.September, 13, 14, 5, 0, 0), "2023-09-13T14:05:00Z"},
		{"instant-nanos", instant(2023, time.September, 13, 14, 5, 0, 120_000_000), "2023-09-13T14:05:00.12Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.d.String())

			b, err := tc.d.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(b))

			var got Date
			require.NoError(t, got.UnmarshalText(b))
			if diff := cmp.Diff(tc.d, got, dateComparer); diff != "" {
				t.Errorf("UnmarshalText(%q) mismatch (-want +got):\n%s", b, diff)
			}
		})
	}
}

func TestDateMarshalTextOutOfRange(t *testing.T) {
	tests := []struct {
		name string
		d    Date
	}{
		{"negative-year", Year(-1)},
		{"year-10000", Year(10000)},
		{"day-10000", Day(10000, time.January, 1)},
		{"normalised-past-9999", Day(9999, time.December, 32)},
		{"normalised-before-0000", Month(0, 0)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.d.MarshalText()
			assert.ErrorIs(t, err, ErrDate)
			var fe *FieldError
			assert.ErrorAs(t, err, &fe)
		})
	}
}

func TestDateJSON(t *testing.T) {
	type event struct {
		Name string `json:"name"`
		When Date   `json:"when,omitzero"`
	}
	tests := []struct {
		name string
		in   event
		want string
	}{
		{"zero-omitted", event{Name: "briefing"}, `{"name":"briefing"}`},
		{"year", event{"war", Year(2022)}, `{"name":"war","when":"2022"}`},
		{"month", event{"talks", Month(2023, time.September)}, `{"name":"talks","when":"2023-09"}`},
		{"day", event{"summit", Day(2023, time.September, 13)}, `{"name":"summit","when":"2023-09-13"}`},
		{"instant", event{"briefing", instant(2023, time.September, 13, 14, 5, 0, 0)}, `{"name":"briefing","when":"2023-09-13T14:05:00Z"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.in)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(b))

			var got event
			require.NoError(t, json.Unmarshal(b, &got))
			if diff := cmp.Diff(tc.in, got, dateComparer); diff != "" {
				t.Errorf("json round trip of %s mismatch (-want +got):\n%s", b, diff)
			}
		})
	}

	t.Run("bad", func(t *testing.T) {
		var got event
		err := json.Unmarshal([]byte(`{"name":"x","when":"Sept. 13"}`), &got)
		assert.ErrorIs(t, err, ErrDate)
	})

	t.Run("out-of-range", func(t *testing.T) {
		_, err := json.Marshal(event{"far", Year(10000)})
		assert.ErrorIs(t, err, ErrDate)
	})
}

func TestDateEqual(t *testing.T) {
	tests := []struct {
		name string
		a, b Date
		want bool
	}{
		{"same-day", MustParseDate("2023-09-13"), Day(2023, time.September, 13), true},
		{"year-and-day", Year(2023), Day(2023, time.January, 1), false},
		{"zero", Date{}, Date{}, true},
		{"zero-and-valid", Date{}, Year(2023), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.a.Equal(tc.b))
			assert.Equal(t, tc.want, tc.b.Equal(tc.a))
		})
	}
	// go-cmp uses Equal, so structs holding Dates compare.
	type holder struct{ D Date }
	assert.True(t, cmp.Equal(holder{Year(2022)}, holder{MustParseDate("2022")}))
}
