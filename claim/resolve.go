package claim

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/source"
)

// ParseEnglishDate turns an English time phrase from an article into a [Date], read against
// ref, usually the article's publication time. It understands, ignoring case
// and a leading "on", "in", "during" or "earlier":
//
//   - "today", "yesterday", "tomorrow" (day);
//   - "this year", "last year", "next year", "this month", "last month",
//     "next month" (year or month);
//   - "this week" (from Monday of ref's week to ref's day) and "last week"
//     (Monday to Sunday of the week before), as the month those days fall
//     in, or their year when they straddle two months: a [Date] has no week
//     precision, and a coarser date that holds the whole week is true where
//     a day would be a guess. A week that straddles two years is an error;
//   - a weekday: "Wednesday" is the latest Wednesday on or before ref,
//     "last Wednesday" the latest one strictly before it (day);
//   - a month: "September" is the latest September on or before ref's month,
//     "last September" the latest one strictly before it; "September 2022"
//     (month);
//   - a day of a month: "September 13", "Sept. 13", "13 September", "1st
//     May", with a year after it or not ("Sept. 13, 2023", "13 September
//     2023"); with no year it is the latest such day on or before ref, or
//     strictly before it after "last", so "Feb 29" goes back to the latest
//     leap year (day);
//   - either form of day after a weekday, as news writes dates: "Wednesday,
//     Sept. 13, 2023"; the weekday is not checked against the date (day);
//   - a year: "2018" (year);
//   - "N days ago", "N weeks ago" (day), "N months ago" (month), "N years
//     ago" (year), with N in digits up to 10000, a word from "one" to
//     "twelve", or "a" or "an";
//   - anything [ParseDate] reads.
//
// Numbers are plain digits, so a signed one, as in "September +2022", is an
// error; a year has four digits. Month names may be cut to their first three
// letters, or "Sept"; commas and full stops are ignored.
//
// ref's calendar day is read in ref's own location. A phrase that names its
// year needs no ref; a phrase it does not understand gives a [*FieldError]
// wrapping [ErrDate] that quotes it, and so does a zero ref for a phrase
// that needs one: a relative phrase, or a month or day with no year. So
// does a phrase that resolves outside the years 0000 to 9999.
func ParseEnglishDate(phrase string, ref time.Time) (Date, error) {
	d, err := resolve(phrase, ref)
	if err != nil {
		return Date{}, err
	}
	// Arithmetic such as "10000 years ago" can leave 0000-9999, where a Date
	// has no text form and would fail later, far from the phrase.
	if y := d.Start().Year(); y < 0 || y > 9999 {
		return Date{}, fieldErr("time phrase", phrase, fmt.Errorf("%w: year out of range", ErrDate))
	}
	return d, nil
}

// errNoRef is the reason given when a phrase needs the reference time and
// it is zero.
var errNoRef = errors.New("no reference time to resolve against")

// resolve reads phrase for ParseEnglishDate, which checks the range of the result.
// Phrases that carry their own year come first, so that only the others
// need ref.
// punctToSpace turns the commas and full stops of a date phrase into
// spaces. A Replacer is safe for concurrent use.
var punctToSpace = strings.NewReplacer(",", " ", ".", " ")

func resolve(phrase string, ref time.Time) (Date, error) {
	p := strings.ToLower(strings.Join(strings.Fields(strings.Trim(phrase, " \t\n.,;:")), " "))
	for _, lead := range []string{"earlier ", "on ", "in ", "during "} {
		p = strings.TrimPrefix(p, lead)
	}
	// ParseDate wants the upper-case T and Z of RFC 3339 back.
	if d, err := ParseDate(strings.ToUpper(p)); err == nil && d.IsValid() {
		return d, nil
	}
	bad := func(why string) (Date, error) {
		return Date{}, fieldErr("time phrase", phrase, fmt.Errorf("%w: %s", ErrDate, why))
	}
	words := strings.Fields(punctToSpace.Replace(p))
	if len(words) == 0 {
		return bad("empty phrase")
	}
	// A weekday before a date is how news writes a day; the date alone
	// decides, so a weekday that does not match it is not an error.
	if _, ok := weekdays[words[0]]; ok && len(words) > 1 {
		d, ok, err := resolveMonthDay(words[1:], false, ref)
		switch {
		case ok && err != nil:
			return bad(err.Error())
		case ok && d.Precision() == PrecisionDay:
			return d, nil
		}
		return bad("a weekday can only come before a day of a month")
	}
	last := false
	rest := words
	if rest[0] == "last" && len(rest) > 1 {
		last, rest = true, rest[1:]
	}
	if d, ok, err := resolveMonthDay(rest, last, ref); ok {
		if err != nil {
			return bad(err.Error())
		}
		return d, nil
	}

	// Everything below counts from ref.
	if ref.IsZero() {
		return bad(errNoRef.Error())
	}
	day := truncate(ref, PrecisionDay)
	y, m, _ := ref.Date()
	switch p {
	case "today":
		return day, nil
	case "yesterday":
		return truncate(day.Start().AddDate(0, 0, -1), PrecisionDay), nil
	case "tomorrow":
		return truncate(day.Start().AddDate(0, 0, 1), PrecisionDay), nil
	case "this year":
		return Year(y), nil
	case "last year":
		return Year(y - 1), nil
	case "next year":
		return Year(y + 1), nil
	case "this month":
		return Month(y, m), nil
	case "last month":
		return truncate(time.Date(y, m-1, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth), nil
	case "next month":
		return truncate(time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth), nil
	}
	switch p {
	case "this week", "last week":
		start := day.Start().AddDate(0, 0, -((int(day.Start().Weekday()) + 6) % 7)) // Monday
		end := day.Start()
		if p == "last week" {
			start, end = start.AddDate(0, 0, -7), start.AddDate(0, 0, -1)
		}
		return weekSpan(start, end, bad)
	}
	if d, ok := resolveAgo(words, day); ok {
		return d, nil
	}
	if wd, ok := weekdays[rest[0]]; ok && len(rest) == 1 {
		back := (int(day.Start().Weekday()) - int(wd) + 7) % 7
		if last && back == 0 {
			back = 7
		}
		return truncate(day.Start().AddDate(0, 0, -back), PrecisionDay), nil
	}
	return bad("not a time phrase claimtrail understands")
}

// weekSpan returns the finest Date that holds every day from start to end,
// both days of one week: their month, or their year. Days in two years fail
// through bad.
func weekSpan(start, end time.Time, bad func(string) (Date, error)) (Date, error) {
	switch {
	case start.Year() != end.Year():
		return bad("the week straddles two years, which no date holds")
	case start.Month() != end.Month():
		return Year(start.Year()), nil
	}
	return Month(start.Year(), start.Month()), nil
}

// resolveAgo reads "N days|weeks|months|years ago".
func resolveAgo(words []string, day Date) (Date, bool) {
	if len(words) != 3 || words[2] != "ago" {
		return Date{}, false
	}
	n, ok := numbers[words[0]]
	if !ok {
		v, ok := unsigned(words[0])
		if !ok || v > 10000 {
			return Date{}, false
		}
		n = v
	}
	t := day.Start()
	switch strings.TrimSuffix(words[1], "s") {
	case "day":
		return truncate(t.AddDate(0, 0, -n), PrecisionDay), true
	case "week":
		return truncate(t.AddDate(0, 0, -7*n), PrecisionDay), true
	case "month":
		return truncate(time.Date(t.Year(), t.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC), PrecisionMonth), true
	case "year":
		return Year(t.Year() - n), true
	}
	return Date{}, false
}

// resolveMonthDay reads "September", "September 2022", "September 13",
// "13 September", "September 13 2023" and "13 September 2023". ok reports
// whether words start with a month name or a day followed by one; err, when
// ok, why they do not make a date. ref is needed only when no year is given.
func resolveMonthDay(words []string, last bool, ref time.Time) (d Date, ok bool, err error) {
	var month time.Month
	dayOf := 0
	rest := words
	switch {
	case months[rest[0]] != 0:
		month, rest = months[rest[0]], rest[1:]
		if len(rest) > 0 {
			if v, ok := dayOfMonth(rest[0]); ok {
				dayOf, rest = v, rest[1:]
			}
		}
	case len(rest) > 1 && months[rest[1]] != 0:
		v, ok := dayOfMonth(rest[0])
		if !ok {
			return Date{}, false, nil
		}
		dayOf, month, rest = v, months[rest[1]], rest[2:]
	default:
		return Date{}, false, nil
	}
	year, hasYear := 0, false
	if len(rest) == 1 {
		v, ok := unsigned(rest[0])
		if !ok || len(rest[0]) != 4 {
			return Date{}, true, fmt.Errorf("%q is not a year", source.Excerpt(rest[0]))
		}
		year, hasYear, rest = v, true, rest[1:]
	}
	if len(rest) > 0 {
		return Date{}, true, fmt.Errorf("unexpected %q", source.Excerpt(strings.Join(rest, " ")))
	}
	// A day that no year has, such as 30 February, is wrong whatever the
	// year; 29 February is wrong only in a year named without a leap day.
	if dayOf > 0 && time.Date(2000, month, dayOf, 0, 0, 0, 0, time.UTC).Month() != month {
		return Date{}, true, fmt.Errorf("%s has no day %d", month, dayOf)
	}
	if hasYear {
		if dayOf == 0 {
			return Month(year, month), true, nil
		}
		t := time.Date(year, month, dayOf, 0, 0, 0, 0, time.UTC)
		if t.Month() != month {
			return Date{}, true, fmt.Errorf("%s %d has no day %d", month, year, dayOf)
		}
		return truncate(t, PrecisionDay), true, nil
	}

	if ref.IsZero() {
		return Date{}, true, errNoRef
	}
	today := truncate(ref, PrecisionDay).Start()
	year = today.Year()
	if dayOf == 0 {
		if month > today.Month() || last && month == today.Month() {
			year--
		}
		return Month(year, month), true, nil
	}
	// Walk back to the latest year that has the day on or before ref (or
	// strictly before it, after "last"): this year or the one before, except
	// for 29 February, which can be up to eight years back.
	for ; ; year-- {
		t := time.Date(year, month, dayOf, 0, 0, 0, 0, time.UTC)
		if t.Month() == month && (t.Before(today) || !last && t.Equal(today)) {
			return truncate(t, PrecisionDay), true, nil
		}
	}
}

// dayOfMonth reads a day of a month, "13" or "13th": one or two digits from
// 1 to 31, perhaps with an ordinal suffix, which is not checked against the
// number ("1th" is 1).
func dayOfMonth(s string) (int, bool) {
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			s = n
			break
		}
	}
	v, ok := unsigned(s)
	if !ok || len(s) > 2 || v < 1 || v > 31 {
		return 0, false
	}
	return v, true
}

// unsigned reads a number written in ASCII digits only. strconv.Atoi also
// takes a sign, which a date never has.
func unsigned(s string) (int, bool) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": time.January, "jan": time.January, "february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March, "april": time.April, "apr": time.April,
	"may": time.May, "june": time.June, "jun": time.June, "july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August, "september": time.September, "sep": time.September,
	"sept": time.September, "october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November, "december": time.December, "dec": time.December,
}

var numbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
}
