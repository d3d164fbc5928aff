package claim

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseEnglishDate(t *testing.T) {
	// Wednesday 13 September 2023, the afternoon of a briefing.
	wed := time.Date(2023, time.September, 13, 14, 5, 0, 0, time.UTC)
	// Late on Wednesday in New York is already Thursday in UTC.
	wedNewYork := time.Date(2023, time.September, 13, 23, 30, 0, 0, time.FixedZone("EDT", -4*60*60))
	jan := time.Date(2024, time.January, 10, 9, 0, 0, 0, time.UTC)
	dec := time.Date(2023, time.December, 1, 9, 0, 0, 0, time.UTC)
	leap := time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC)
	leapDay := time.Date(2024, time.February, 29, 9, 0, 0, 0, time.UTC)

	tests := []struct {
		name   string
		phrase string
		ref    time.Time
		want   Date
	}{
		{"today", "today", wed, Day(2023, time.September, 13)},
		{"today-punctuated", " Today. ", wed, Day(2023, time.September, 13)},
		{"today-ref-location", "today", wedNewYork, Day(2023, time.September, 13)},
		{"yesterday", "yesterday", wed, Day(2023, time.September, 12)},
		{"yesterday-new-year", "yesterday", time.Date(2024, time.January, 1, 8, 0, 0, 0, time.UTC), Day(2023, time.December, 31)},
		{"tomorrow", "tomorrow", wed, Day(2023, time.September, 14)},
		{"this-year", "this year", wed, Year(2023)},
		{"earlier-this-year", "earlier this year", wed, Year(2023)},
		{"last-year", "last year", wed, Year(2022)},
		{"last-year-spaced", "Last   Year", wed, Year(2022)},
		{"next-year", "next year", wed, Year(2024)},
		{"this-month", "this month", wed, Month(2023, time.September)},
		{"last-month", "last month", wed, Month(2023, time.August)},
		{"during-last-month", "during last month", wed, Month(2023, time.August)},
		{"last-month-in-january", "last month", jan, Month(2023, time.December)},
		// Wednesday 13 September 2023: this week is 11 to 13 September, last
		// week 4 to 10 September.
		{"this-week", "this week", wed, Month(2023, time.September)},
		{"earlier-this-week", "earlier this week", wed, Month(2023, time.September)},
		{"last-week", "last week", wed, Month(2023, time.September)},
		// Friday 1 December 2023: this week began on 27 November.
		{"this-week-two-months", "this week", dec, Year(2023)},
		// Wednesday 10 January 2024: last week was 1 to 7 January.
		{"last-week-new-year", "Last week", jan, Month(2024, time.January)},
		// Monday 11 September 2023: this week is that day alone, last week 4 to 10.
		{"this-week-on-monday", "this week", time.Date(2023, time.September, 11, 9, 0, 0, 0, time.UTC), Month(2023, time.September)},
		// Sunday 3 September 2023: last week was 21 to 27 August.
		{"last-week-month-before", "last week", time.Date(2023, time.September, 3, 9, 0, 0, 0, time.UTC), Month(2023, time.August)},
		// Tuesday 5 September 2023: last week was 28 August to 3 September.
		{"last-week-two-months", "last week", time.Date(2023, time.September, 5, 9, 0, 0, 0, time.UTC), Year(2023)},
		{"next-month", "next month", wed, Month(2023, time.October)},
		{"next-month-in-december", "next month", dec, Month(2024, time.January)},

		{"on-wednesday-on-a-wednesday", "on Wednesday", wed, Day(2023, time.September, 13)},
		{"wednesday", "Wednesday", wed, Day(2023, time.September, 13)},
		{"last-wednesday", "last Wednesday", wed, Day(2023, time.September, 6)},
		{"on-monday", "on Monday", wed, Day(2023, time.September, 11)},
		{"last-monday", "last Monday", wed, Day(2023, time.September, 11)},
		{"on-thursday", "on Thursday", wed, Day(2023, time.September, 7)},
		{"sunday", "SUNDAY", wed, Day(2023, time.September, 10)},
		{"saturday", "Saturday,", wed, Day(2023, time.September, 9)},
		{"wednesday-ref-location", "on Wednesday", wedNewYork, Day(2023, time.September, 13)},
		{"tuesday-across-year", "on Tuesday", jan, Day(2024, time.January, 9)},
		{"friday-across-year", "on Friday", time.Date(2024, time.January, 2, 9, 0, 0, 0, time.UTC), Day(2023, time.December, 29)},

		{"in-september-this-month", "in September", wed, Month(2023, time.September)},
		{"last-september", "last September", wed, Month(2022, time.September)},
		{"in-august-before", "in August", wed, Month(2023, time.August)},
		{"last-august-before", "last August", wed, Month(2023, time.August)},
		{"in-october-after", "in October", wed, Month(2022, time.October)},
		{"december-after", "December", wed, Month(2022, time.December)},
		{"in-december-in-january", "in December", jan, Month(2023, time.December)},
		{"abbreviated-month", "in Sept", wed, Month(2023, time.September)},
		{"september-2022", "September 2022", wed, Month(2022, time.September)},
		{"in-jan-2020", "in Jan 2020", wed, Month(2020, time.January)},
		{"future-month-year", "September 2030", wed, Month(2030, time.September)},
		{"month-year-0", "September 0000", wed, Month(0, time.September)},

		{"sept-13-2023", "Sept. 13, 2023", wed, Day(2023, time.September, 13)},
		{"september-13", "September 13", wed, Day(2023, time.September, 13)},
		{"13-september", "13 September", wed, Day(2023, time.September, 13)},
		{"on-12-sept", "on 12 Sept", wed, Day(2023, time.September, 12)},
		{"september-14-after", "September 14", wed, Day(2022, time.September, 14)},
		{"last-september-13", "last September 13", wed, Day(2022, time.September, 13)},
		{"last-september-12", "last September 12", wed, Day(2023, time.September, 12)},
		{"ordinal-first", "1st May", wed, Day(2023, time.May, 1)},
		{"ordinal-second", "September 2nd", wed, Day(2023, time.September, 2)},
		{"ordinal-third-year", "Jan 3rd 2020", wed, Day(2020, time.January, 3)},
		{"day-month-year", "31 December 2019", wed, Day(2019, time.December, 31)},
		{"month-day-year", "December 31 2019", wed, Day(2019, time.December, 31)},
		{"leap-day", "February 29", leap, Day(2024, time.February, 29)},
		{"leap-day-on-it", "Feb 29", leapDay, Day(2024, time.February, 29)},
		{"last-leap-day-on-it", "last Feb 29", leapDay, Day(2020, time.February, 29)},
		{"leap-day-common-year", "Feb 29", wed, Day(2020, time.February, 29)},
		{"leap-day-before-it", "29 February", time.Date(2024, time.February, 28, 9, 0, 0, 0, time.UTC), Day(2020, time.February, 29)},
		{"leap-day-across-1900", "Feb 29", time.Date(1904, time.January, 10, 9, 0, 0, 0, time.UTC), Day(1896, time.February, 29)},
		{"leap-day-with-year", "29 February 2024", wed, Day(2024, time.February, 29)},
		{"ordinal-before-month", "13th September", wed, Day(2023, time.September, 13)},

		{"weekday-date", "Wednesday, September 13", wed, Day(2023, time.September, 13)},
		{"weekday-date-year", "Wednesday, Sept. 13, 2023", wed, Day(2023, time.September, 13)},
		{"weekday-day-month-year", "Wednesday 13 September 2023", wed, Day(2023, time.September, 13)},
		{"on-weekday-date", "on Wednesday, September 13", wed, Day(2023, time.September, 13)},
		{"weekday-date-before", "Tuesday, Sept. 12", wed, Day(2023, time.September, 12)},
		{"weekday-date-not-checked", "Monday, September 13, 2023", wed, Day(2023, time.September, 13)},
		{"weekday-leap-day", "Saturday, Feb. 29", wed, Day(2020, time.February, 29)},

		{"three-years-ago", "three years ago", wed, Year(2020)},
		{"a-year-ago", "a year ago", wed, Year(2022)},
		{"2-weeks-ago", "2 weeks ago", wed, Day(2023, time.August, 30)},
		{"a-week-ago", "a week ago", wed, Day(2023, time.September, 6)},
		{"10-days-ago", "10 days ago", wed, Day(2023, time.September, 3)},
		{"one-day-ago", "one day ago", wed, Day(2023, time.September, 12)},
		{"0-days-ago", "0 days ago", wed, Day(2023, time.September, 13)},
		{"a-month-ago", "a month ago", wed, Month(2023, time.August)},
		{"twelve-months-ago", "twelve months ago", wed, Month(2022, time.September)},
		{"11-months-ago-across-year", "11 months ago", jan, Month(2023, time.February)},
		{"ten-years-ago", "Ten Years Ago", wed, Year(2013)},

		{"year", "2018", wed, Year(2018)},
		{"in-year", "in 2018", wed, Year(2018)},
		{"iso-month", "2023-08", wed, Month(2023, time.August)},
		{"on-iso-day", "on 2023-09-01", wed, Day(2023, time.September, 1)},
		{"rfc3339", "2023-09-13T14:05:00Z", wed, NewDate(wed, PrecisionInstant)},
		{"rfc3339-offset", "on 2023-09-13T16:05:00+02:00", wed, NewDate(wed, PrecisionInstant)},
		{"rfc3339-lower-case", "2023-09-13t16:05:00+02:00", wed, NewDate(wed, PrecisionInstant)},
		{"absolute-zero-ref", "2022", time.Time{}, Year(2022)},
		{"absolute-day-zero-ref", "on 2023-09-13", time.Time{}, Day(2023, time.September, 13)},
		{"in-year-zero-ref", "in 2018", time.Time{}, Year(2018)},
		{"month-year-zero-ref", "September 2022", time.Time{}, Month(2022, time.September)},
		{"month-day-year-zero-ref", "Sept. 13, 2023", time.Time{}, Day(2023, time.September, 13)},
		{"day-month-year-zero-ref", "13 September 2023", time.Time{}, Day(2023, time.September, 13)},
		{"weekday-date-year-zero-ref", "Wednesday, Sept. 13, 2023", time.Time{}, Day(2023, time.September, 13)},
		{"leap-day-year-zero-ref", "Feb 29, 2024", time.Time{}, Day(2024, time.February, 29)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseEnglishDate(tc.phrase, tc.ref)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, got, dateComparer); diff != "" {
				t.Errorf("ParseEnglishDate(%q, %v) mismatch (-want +got):\n%s", tc.phrase, tc.ref, diff)
			}
		})
	}
}

func TestResolveError(t *testing.T) {
	wed := time.Date(2023, time.September, 13, 14, 5, 0, 0, time.UTC)
	tests := []struct {
		name   string
		phrase string
		ref    time.Time
	}{
		{"empty", "", wed},
		{"blank", " \t\n", wed},
		{"punctuation", ".,;:", wed},
		{"gibberish", "gibberish", wed},
		{"several-words", "the other day", wed},
		{"feb-30", "Feb 30", wed},
		{"feb-30-with-year", "February 30, 2024", wed},
		{"30-feb", "30 Feb", wed},
		{"september-31", "September 31", wed},
		{"feb-29-common-year", "February 29 2023", wed},
		{"day-0", "0 September", wed},
		{"bad-year", "September 99", wed},
		{"five-digit-year", "September 20222", wed},
		{"trailing-words", "September 13 2023 at noon", wed},
		{"weekday-and-month", "Wednesday, September", wed},
		{"weekday-and-month-year", "Wednesday, September 2023", wed},
		{"weekday-and-year", "Wednesday 2023", wed},
		{"weekday-and-iso-day", "Wednesday 2023-09-13", wed},
		{"two-weekdays", "Wednesday Thursday", wed},
		{"weekday-and-feb-30", "Wednesday, Feb 30", wed},
		{"weekday-and-bad-year", "Wednesday, September 13, 99", wed},
		{"last-weekday-and-date", "last Wednesday, September 13", wed},
		{"weekday-and-relative", "Wednesday last week", wed},
		// Friday 3 January 2025: this week began on Monday 30 December 2024.
		{"this-week-two-years", "this week", time.Date(2025, time.January, 3, 9, 0, 0, 0, time.UTC)},
		{"last-week-zero-ref", "last week", time.Time{}},
		{"next-week", "next week", wed},
		{"next-weekday", "next Wednesday", wed},
		{"last-alone", "last", wed},
		{"last-year-number", "last 2018", wed},
		{"the-4th-of-july", "on the 4th of July", wed},
		{"at-timestamp", "at 2023-09-13T16:05:00+02:00", wed},
		{"unknown-unit", "5 fortnights ago", wed},
		{"hours-ago", "an hour ago", wed},
		{"negative-ago", "-3 days ago", wed},
		{"huge-ago", "10001 days ago", wed},
		{"word-ago", "many years ago", wed},
		{"ago-alone", "days ago", wed},
		{"before-year-0", "10000 years ago", wed},
		{"negative-year", "September -202", wed},
		{"plus-year", "September +202", wed},
		{"plus-year-four-digits", "September +2022", wed},
		{"plus-year-alone", "+2018", wed},
		{"plus-day", "September +13", wed},
		{"plus-day-before-month", "+13 September", wed},
		{"minus-day-before-month", "-13 September", wed},
		{"plus-ago", "+3 days ago", wed},
		{"day-not-ordinal", "September 13h", wed},
		{"day-three-digits", "September 013", wed},
		{"bad-iso-day", "2023-02-30", wed},
		{"zero-ref-today", "today", time.Time{}},
		{"zero-ref-last-year", "last year", time.Time{}},
		{"zero-ref-weekday", "on Wednesday", time.Time{}},
		{"zero-ref-ago", "3 days ago", time.Time{}},
		{"zero-ref-month", "in September", time.Time{}},
		{"zero-ref-last-month-name", "last September", time.Time{}},
		{"zero-ref-month-day", "September 13", time.Time{}},
		{"zero-ref-day-month", "13 September", time.Time{}},
		{"zero-ref-leap-day", "Feb 29", time.Time{}},
		{"zero-ref-weekday-date", "Wednesday, September 13", time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseEnglishDate(tc.phrase, tc.ref)
			assert.ErrorIs(t, err, ErrDate)
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, tc.phrase, fe.Value, "the error quotes the phrase as given")
			}
			assert.Equal(t, Date{}, got)
		})
	}
}
