package claim

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Resolve turns a time phrase from an article into a [Date], read against
// ref, usually the article's publication time. It understands, ignoring case
// and a leading "on", "in", "during" or "earlier":
//
//   - "today", "yesterday", "tomorrow" (day);
//   - "this year", "last year", "next year", "this month", "last month",
//     "next month" (year or month);
//   - a weekday: "Wednesday" is the latest Wednesday on or before ref,
//     "last Wednesday" the latest one strictly before it (day);
//   - a month: "September" is the latest September on or before ref's month,
//     "last September" the latest one strictly before it; "September 2022"
//     (month); "September 13", "13 September", "Sept. 13, 2023" (day, in the
//     latest such day on or before ref when no year is given);
//   - a year: "2018" (year);
//   - "N days ago", "N weeks ago" (day), "N months ago" (month), "N years
//     ago" (year), with N in digits or a word from one to twelve;
//   - anything [ParseDate] reads.
//
// ref's calendar day is read in ref's own location. A phrase it does not
// understand gives a [*FieldError] wrapping [ErrDate] that quotes it; a zero
// ref gives the same for any relative phrase.
func Resolve(phrase string, ref time.Time) (Date, error) {
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

// resolve reads phrase for Resolve, which checks the range of the result.
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
	if ref.IsZero() {
		return bad("no reference time to resolve against")
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
	words := strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(p))
	if len(words) == 0 {
		return bad("empty phrase")
	}
	if d, ok := resolveAgo(words, day); ok {
		return d, nil
	}
	last := false
	if words[0] == "last" && len(words) > 1 {
		last, words = true, words[1:]
	}
	if wd, ok := weekdays[words[0]]; ok && len(words) == 1 {
		back := (int(day.Start().Weekday()) - int(wd) + 7) % 7
		if last && back == 0 {
			back = 7
		}
		return truncate(day.Start().AddDate(0, 0, -back), PrecisionDay), nil
	}
	if d, ok, err := resolveMonthDay(words, last, day); ok {
		if err != nil {
			return bad(err.Error())
		}
		return d, nil
	}
	return bad("not a time phrase claimtrail understands")
}

// resolveAgo reads "N days|weeks|months|years ago".
func resolveAgo(words []string, day Date) (Date, bool) {
	if len(words) != 3 || words[2] != "ago" {
		return Date{}, false
	}
	n, ok := numbers[words[0]]
	if !ok {
		v, err := strconv.Atoi(words[0])
		if err != nil || v < 0 || v > 10000 {
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
// whether words start with a month name or a day followed by one.
func resolveMonthDay(words []string, last bool, day Date) (d Date, ok bool, err error) {
	var month time.Month
	dayOf, year, hasYear := 0, 0, false
	rest := words
	switch {
	case months[rest[0]] != 0:
		month, rest = months[rest[0]], rest[1:]
		if len(rest) > 0 {
			if v, err := strconv.Atoi(strings.TrimRight(rest[0], "stndrh")); err == nil && v >= 1 && v <= 31 && len(rest[0]) <= 4 {
				dayOf, rest = v, rest[1:]
			}
		}
	case len(rest) > 1 && months[rest[1]] != 0:
		v, err := strconv.Atoi(strings.TrimRight(rest[0], "stndrh"))
		if err != nil || v < 1 || v > 31 {
			return Date{}, false, nil
		}
		dayOf, month, rest = v, months[rest[1]], rest[2:]
	default:
		return Date{}, false, nil
	}
	if len(rest) == 1 {
		v, err := strconv.Atoi(rest[0])
		if err != nil || len(rest[0]) != 4 {
			return Date{}, true, fmt.Errorf("%q is not a year", rest[0])
		}
		year, hasYear, rest = v, true, rest[1:]
	}
	if len(rest) > 0 {
		return Date{}, true, fmt.Errorf("unexpected %q", strings.Join(rest, " "))
	}
	if !hasYear {
		year = day.Start().Year()
		probe := time.Date(year, month, max(dayOf, 1), 0, 0, 0, 0, time.UTC)
		limit := day.Start()
		if dayOf == 0 {
			limit = time.Date(year, day.Start().Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		if probe.After(limit) || last && probe.Equal(limit) {
			year--
		}
	}
	if dayOf == 0 {
		return Month(year, month), true, nil
	}
	t := time.Date(year, month, dayOf, 0, 0, 0, 0, time.UTC)
	if t.Month() != month {
		return Date{}, true, fmt.Errorf("%s has no day %d", month, dayOf)
	}
	return truncate(t, PrecisionDay), true, nil
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
