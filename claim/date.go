package claim

import (
	"cmp"
	"fmt"
	"strconv"
	"time"

	"github.com/claimtrail/claimtrail/internal/enumtext"
)

// Precision says how much of a [Date] is known. The zero Precision is
// PrecisionUnknown: the date is unknown, and IsValid reports false.
type Precision uint8

// The precisions of a date, coarse to fine.
const (
	PrecisionUnknown Precision = iota
	PrecisionYear              // "2022", from "last year"
	PrecisionMonth             // "2023-09", from "in September"
	PrecisionDay               // "2023-09-13", from "on Wednesday"
	PrecisionInstant           // a full timestamp, such as a briefing's start
)

var precisionNames = []string{"unknown", "year", "month", "day", "instant"}

// ParsePrecision returns the Precision with the given name, ignoring case
// and surrounding space; the empty string is PrecisionUnknown. An unknown
// name gives a [*FieldError] wrapping [ErrUnknownName] that lists the valid
// names.
func ParsePrecision(s string) (Precision, error) { return precisionText.Parse(s) }

var precisionText = enumtext.New(enumtext.Config[Precision]{
	Type:           "Precision",
	Field:          "precision",
	Names:          precisionNames,
	UnknownZero:    true,
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the precision's name, such as "month", or
// "Precision(42)" for an out-of-range value.
func (p Precision) String() string { return precisionText.String(p) }

// IsValid reports whether p is one of the precisions other than
// PrecisionUnknown.
func (p Precision) IsValid() bool { return precisionText.IsValid(p) }

// MarshalText returns the precision's name. PrecisionUnknown marshals as
// "unknown"; an out-of-range value gives a [*FieldError] wrapping
// [ErrInvalid].
func (p Precision) MarshalText() ([]byte, error) { return precisionText.Marshal(p) }

// UnmarshalText parses a name as [ParsePrecision] does; on error it leaves
// p unchanged.
func (p *Precision) UnmarshalText(b []byte) error { return precisionText.Unmarshal(p, b) }

// Date is a point in time known to a [Precision]: a year ("2022"), a month
// ("2023-09"), a day ("2023-09-13") or an instant ("2023-09-13T14:05:00Z").
// It stands for the whole period it names: "2022" is all of 2022.
//
// Dates of year, month and day precision are calendar dates with no time
// zone; their periods are taken in UTC. Date is a small immutable value,
// comparable with ==, safe for concurrent use. The zero Date is the unknown
// date: IsValid reports false, String returns "", and it marshals to "".
type Date struct {
	t time.Time // start of the period, UTC
	p Precision
}

// NewDate returns the date of t at precision p, truncating what p does not
// keep. Year, month and day are read in t's own location. A zero t or
// [PrecisionUnknown] gives the zero Date.
func NewDate(t time.Time, p Precision) Date {
	if t.IsZero() {
		return Date{}
	}
	return truncate(t, p)
}

// truncate is NewDate without the zero-time check, so that the first day of
// year 1, which is the zero time.Time, is still a date when named explicitly.
func truncate(t time.Time, p Precision) Date {
	y, m, d := t.Date()
	switch p {
	case PrecisionYear:
		return Date{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), p}
	case PrecisionMonth:
		return Date{time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), p}
	case PrecisionDay:
		return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC), p}
	case PrecisionInstant:
		return Date{t.UTC(), p}
	default: // PrecisionUnknown and out-of-range precisions
		return Date{}
	}
}

// Year returns the date of the whole year y. A year outside 0000-9999 gives
// a Date that has no text form: [Date.MarshalText] and [Corpus.Validate]
// reject it.
func Year(y int) Date { return Date{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear} }

// Month returns the date of month m of year y. Like [time.Date], it
// normalises a month out of range: Month(2023, 13) is 2024-01 and
// Month(2023, 0) is 2022-12. A year outside 0000-9999, given or reached by
// normalising, gives a Date that has no text form: [Date.MarshalText] and
// [Corpus.Validate] reject it.
func Month(y int, m time.Month) Date {
	return truncate(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
}

// Day returns the date of day d of month m of year y. Like [time.Date], it
// normalises a month or day out of range: Day(2023, 2, 30) is 2023-03-02
// and Day(2023, 1, 0) is 2022-12-31. A year outside 0000-9999, given or
// reached by normalising, gives a Date that has no text form:
// [Date.MarshalText] and [Corpus.Validate] reject it.
func Day(y int, m time.Month, d int) Date {
	return truncate(time.Date(y, m, d, 0, 0, 0, 0, time.UTC), PrecisionDay)
}

// ParseDate parses "2006", "2006-01", "2006-01-02" or an RFC 3339 timestamp
// into a Date of year, month, day or instant precision. The empty string
// gives the zero Date. Anything else gives a [*FieldError] wrapping
// [ErrDate] that quotes s; for a day its month does not have, such as
// "2023-02-30", the error says that the day does not exist.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	var layout string
	var p Precision
	switch {
	case len(s) == 4:
		layout, p = "2006", PrecisionYear
	case len(s) == 7:
		layout, p = "2006-01", PrecisionMonth
	case len(s) == 10:
		if t, ok := day(s); ok {
			return truncate(t, PrecisionDay), nil // the common case, without time.Parse
		}
		layout, p = "2006-01-02", PrecisionDay
	default:
		layout, p = time.RFC3339Nano, PrecisionInstant
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		if reason := missingDay(s); reason != nil {
			return Date{}, fieldErr("date", s, reason)
		}
	}
	if err != nil || !hasYear(s, t.Year()) && p != PrecisionInstant {
		return Date{}, fieldErr("date", s, fmt.Errorf("%w: want YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 time", ErrDate))
	}
	// An offset can carry a timestamp out of 0000-9999 once it is in UTC,
	// where String would print a year ParseDate cannot read back.
	if p == PrecisionInstant && (t.UTC().Year() < 0 || t.UTC().Year() > 9999) {
		return Date{}, fieldErr("date", s, fmt.Errorf("%w: year out of range", ErrDate))
	}
	return truncate(t, p), nil
}

// day reads a date written YYYY-MM-DD whose day exists, as time.Parse
// reads it with the layout "2006-01-02"; false for anything else, which
// ParseDate reads the long way.
func day(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	y, okY := digits(s[0:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:10])
	if !okY || !okM || !okD || m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// hasYear reports whether s starts with year written as t.Format("2006")
// writes a year of 0-9999, without formatting it.
func hasYear(s string, year int) bool {
	if year < 0 || year > 9999 || len(s) < 4 {
		return false
	}
	for i := 3; i >= 0; i-- {
		if s[i] != byte('0'+year%10) {
			return false
		}
		year /= 10
	}
	return true
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for
// constants in tests and examples.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsValid reports whether d is a known date.
func (d Date) IsValid() bool { return d.p != PrecisionUnknown }

// Precision returns how much of d is known.
func (d Date) Precision() Precision { return d.p }

// Start returns the first instant of d's period, in UTC; zero for the zero Date.
func (d Date) Start() time.Time { return d.t }

// End returns the instant just after d's period: the start of the next year
// for a year, the next month for a month, the next day for a day, and the
// instant itself for an instant. Zero for the zero Date.
func (d Date) End() time.Time {
	switch d.p {
	case PrecisionYear:
		return d.t.AddDate(1, 0, 0)
	case PrecisionMonth:
		return d.t.AddDate(0, 1, 0)
	case PrecisionDay:
		return d.t.AddDate(0, 0, 1)
	default: // an instant, or the zero Date
		return d.t
	}
}

// Contains reports whether t falls within d's period. An instant contains
// only itself.
func (d Date) Contains(t time.Time) bool {
	if !d.IsValid() {
		return false
	}
	if d.p == PrecisionInstant {
		return t.Equal(d.t)
	}
	return !t.Before(d.t) && t.Before(d.End())
}

// Equal reports whether d and e are the same date at the same precision,
// as Compare(e) == 0 does. It lets go-cmp compare values that hold Dates.
func (d Date) Equal(e Date) bool { return d.Compare(e) == 0 }

// Compare orders dates by the start of their periods; on equal starts the
// coarser date comes first, so "2022" sorts before "2022-01" before
// "2022-01-01", and all three before "2022-03-15". The zero Date sorts
// before every valid date. It returns -1, 0 or +1 for use with
// [slices.SortFunc].
func (d Date) Compare(e Date) int {
	// The zero Date starts at the zero time.Time, in year 1, so by start it
	// would sort after "0000"; PrecisionUnknown is the lowest precision, so
	// comparing precisions puts it first.
	if !d.IsValid() || !e.IsValid() {
		return cmp.Compare(d.p, e.p)
	}
	if c := d.t.Compare(e.t); c != 0 {
		return c
	}
	return cmp.Compare(d.p, e.p)
}

// String returns d as ParseDate reads it: "2022", "2023-09", "2023-09-13",
// or RFC 3339 for an instant; "" for the zero Date.
func (d Date) String() string {
	switch d.p {
	case PrecisionYear:
		return d.t.Format("2006")
	case PrecisionMonth:
		return d.t.Format("2006-01")
	case PrecisionDay:
		return d.t.Format("2006-01-02")
	case PrecisionInstant:
		return d.t.Format(time.RFC3339Nano)
	default: // the zero Date
		return ""
	}
}

// MarshalText returns [Date.String]. Years outside 0000-9999 have no text
// form and give an error.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsValid() && (d.t.Year() < 0 || d.t.Year() > 9999) {
		return nil, fieldErr("date", strconv.Itoa(d.t.Year()), fmt.Errorf("%w: year out of range", ErrDate))
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses text as [ParseDate] does.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// The instants, in seconds since 1970 UTC, of the start of year 0000 and
// of year 10000: a Date's years 0000-9999 lie between them.
const (
	unixYear0     = -62167219200
	unixYear10000 = 253402300800
)

// inTextRange reports whether d's year is within 0000-9999, the years a
// text form holds. A Date's time is in UTC, so comparing its instant with
// the bounds tells its year without working out the calendar date, which
// costs several times more.
func (d Date) inTextRange() bool {
	s := d.t.Unix()
	return s >= unixYear0 && s < unixYear10000
}
