package claim

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"", "2022", "0000", "0001", "9999", "2023-09", "2023-09-13", "2024-02-29",
		"2023-02-30", "2023-13", "abcd", "+202", "2023-9",
		"2023-09-13T14:05:00Z", "2023-09-13T14:05:00+02:00", "2023-09-13T14:05:00.123456789-07:30",
		"0000-01-01T00:00:00+01:00", "9999-12-31T23:00:00-01:00", "0001-01-01T00:00:00Z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrDate) || fe.Value != s {
				t.Fatalf("ParseDate(%q) error = %v, want a *FieldError quoting the input and wrapping ErrDate", s, err)
			}
			return
		}
		if d.IsValid() != (s != "") {
			t.Fatalf("ParseDate(%q).IsValid() = %v", s, d.IsValid())
		}
		text, err := d.MarshalText()
		if err != nil {
			t.Fatalf("ParseDate(%q).MarshalText() error: %v", s, err)
		}
		if string(text) != d.String() {
			t.Fatalf("ParseDate(%q): MarshalText %q != String %q", s, text, d.String())
		}
		again, err := ParseDate(d.String())
		if err != nil {
			t.Fatalf("ParseDate(%q) = %q, which does not parse: %v", s, d, err)
		}
		if again != d {
			t.Fatalf("ParseDate(%q) = %q, which parses as %q", s, d, again)
		}
	})
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"today", "yesterday", "tomorrow", "this year", "last year", "next year",
		"this month", "last month", "next month", "on Wednesday", "last Wednesday",
		"in September", "last September", "September 2022", "Sept. 13, 2023",
		"13 September", "September 13", "Feb 30", "Feb 29", "three years ago",
		"2 weeks ago", "10000 years ago", "10000 months ago", "2018",
		"2023-09-13T14:05:00Z", "gibberish", "", "last", "1st May",
		"Wednesday, September 13", "Wednesday, Sept. 13, 2023", "13 September 2023",
		"29 February", "last Feb 29", "September +202", "September -202", "+13 September",
	} {
		f.Add(s, uint16(2023), uint16(255), uint16(845), int8(0))
	}
	f.Add("on Friday", uint16(2024), uint16(1), uint16(0), int8(-5))
	f.Add("last month", uint16(1900), uint16(0), uint16(0), int8(14))
	f.Fuzz(func(t *testing.T, phrase string, year, yday, minute uint16, offset int8) {
		// A reference time between 1800 and 2199, at any minute of the
		// year, in a zone from -14:00 to +14:00.
		loc := time.FixedZone("", int(offset)%15*60*60)
		ref := time.Date(1800+int(year)%400, time.January, 1, 0, 0, 0, 0, loc).
			AddDate(0, 0, int(yday)%366).
			Add(time.Duration(minute%(24*60)) * time.Minute)

		d, err := Resolve(phrase, ref)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrDate) || fe.Value != phrase {
				t.Fatalf("Resolve(%q, %v) error = %v, want a *FieldError quoting the phrase and wrapping ErrDate", phrase, ref, err)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("Resolve(%q, %v) = the zero Date and no error", phrase, ref)
		}
		if _, err := d.MarshalText(); err != nil {
			t.Fatalf("Resolve(%q, %v) = %q, which does not marshal: %v", phrase, ref, d, err)
		}
		// A phrase that resolves with no reference time names its own date,
		// so every reference time gives that date.
		if abs, err := Resolve(phrase, time.Time{}); err == nil && abs != d {
			t.Fatalf("Resolve(%q, zero) = %q but Resolve(%q, %v) = %q", phrase, abs, phrase, ref, d)
		}
	})
}

func FuzzParseFactuality(f *testing.F) {
	for _, s := range []string{"CT+", "PR+", "PS+", "CT-", "PR-", "PS-", "CTu", "Uu", "ct+", " uu ", "PR u", "PRu", "U+", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseFactuality(s)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrUnknownName) || fe.Value != s {
				t.Fatalf("ParseFactuality(%q) error = %v, want a *FieldError quoting the input and wrapping ErrUnknownName", s, err)
			}
			return
		}
		if !v.IsValid() {
			t.Fatalf("ParseFactuality(%q) = invalid %v", s, v)
		}
		text, err := v.MarshalText()
		if err != nil {
			t.Fatalf("ParseFactuality(%q).MarshalText() error: %v", s, err)
		}
		if !strings.EqualFold(strings.TrimSpace(s), string(text)) {
			t.Fatalf("ParseFactuality(%q) marshals as %q", s, text)
		}
		var again Factuality
		if err := again.UnmarshalText(text); err != nil || again != v {
			t.Fatalf("ParseFactuality(%q) = %v, which reads back as %v, %v", s, v, again, err)
		}
	})
}

func FuzzParseAct(f *testing.F) {
	for _, s := range []string{"deny", "DENY", "Accuse", "decline-comment", "decline", "Decline_Comment", "unknown", "", "denial", " warn ", "acknowledged", "Appeal", "ALLEGE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAct(s)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrUnknownName) || fe.Value != s {
				t.Fatalf("ParseAct(%q) error = %v, want a *FieldError quoting the input and wrapping ErrUnknownName", s, err)
			}
			return
		}
		if a != ActUnknown && !a.IsValid() {
			t.Fatalf("ParseAct(%q) = invalid %v", s, a)
		}
		text, err := a.MarshalText()
		if err != nil {
			t.Fatalf("ParseAct(%q).MarshalText() error: %v", s, err)
		}
		var again Act
		if err := again.UnmarshalText(text); err != nil || again != a {
			t.Fatalf("ParseAct(%q) = %v, which reads back as %v, %v", s, a, again, err)
		}
	})
}
