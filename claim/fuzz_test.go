package claim

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/source"
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
			if !errors.As(err, &fe) || !errors.Is(err, ErrDate) || fe.Value != source.Excerpt(s) {
				t.Fatalf("ParseDate(%q) error = %v, want a *FieldError quoting the input (an excerpt past 64 runes) and wrapping ErrDate", s, err)
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

func FuzzParseEnglishDate(f *testing.F) {
	for _, s := range []string{
		"today", "yesterday", "tomorrow", "this year", "last year", "next year",
		"this month", "last month", "next month", "on Wednesday", "last Wednesday",
		"in September", "last September", "September 2022", "Sept. 13, 2023",
		"13 September", "September 13", "Feb 30", "Feb 29", "three years ago",
		"2 weeks ago", "10000 years ago", "10000 months ago", "2018",
		"2023-09-13T14:05:00Z", "gibberish", "", "last", "1st May",
		"Wednesday, September 13", "Wednesday, Sept. 13, 2023", "13 September 2023",
		"29 February", "last Feb 29", "September +202", "September -202", "+13 September",
		"this week", "earlier this week", "last week", "next week",
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

		d, err := ParseEnglishDate(phrase, ref)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrDate) || fe.Value != source.Excerpt(phrase) {
				t.Fatalf("ParseEnglishDate(%q, %v) error = %v, want a *FieldError quoting the phrase and wrapping ErrDate", phrase, ref, err)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseEnglishDate(%q, %v) = the zero Date and no error", phrase, ref)
		}
		if _, err := d.MarshalText(); err != nil {
			t.Fatalf("ParseEnglishDate(%q, %v) = %q, which does not marshal: %v", phrase, ref, d, err)
		}
		// A phrase that resolves with no reference time names its own date,
		// so every reference time gives that date.
		if abs, err := ParseEnglishDate(phrase, time.Time{}); err == nil && abs != d {
			t.Fatalf("ParseEnglishDate(%q, zero) = %q but ParseEnglishDate(%q, %v) = %q", phrase, abs, phrase, ref, d)
		}
	})
}

func FuzzParseFactuality(f *testing.F) {
	for _, s := range []string{
		"CT+", "PR+", "PS+", "CT-", "PR-", "PS-", "CTu", "Uu", "ct+", " uu ", "PR u", "PRu", "U+", "",
		"certain negates", "probable-affirms", "possible positive", "negative certain", "possible, negate",
		"certain_undetermined", "uncommitted", "underspecified", "probable undetermined", "possible", "CT +",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseFactuality(s)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrUnknownName) || fe.Value != source.Excerpt(s) {
				t.Fatalf("ParseFactuality(%q) error = %v, want a *FieldError quoting the input (an excerpt past 64 runes) and wrapping ErrUnknownName", s, err)
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
		if string(text) != v.String() {
			t.Fatalf("ParseFactuality(%q): MarshalText %q != String %q", s, text, v.String())
		}
		// Only FactBank values are this short (no certainty or polarity
		// word has fewer than six letters), and they read as themselves.
		if tr := strings.TrimSpace(s); len(tr) <= 3 && !strings.EqualFold(tr, string(text)) {
			t.Fatalf("ParseFactuality(%q) marshals as %q", s, text)
		}
		again, err := ParseFactuality(v.String())
		if err != nil || again != v {
			t.Fatalf("ParseFactuality(%q) = %v, which parses back as %v, %v", s, v, again, err)
		}
		var back Factuality
		if err := back.UnmarshalText(text); err != nil || back != v {
			t.Fatalf("ParseFactuality(%q) = %v, which reads back as %v, %v", s, v, back, err)
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
			if !errors.As(err, &fe) || !errors.Is(err, ErrUnknownName) || fe.Value != source.Excerpt(s) {
				t.Fatalf("ParseAct(%q) error = %v, want a *FieldError quoting the input (an excerpt past 64 runes) and wrapping ErrUnknownName", s, err)
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

// FuzzMentionOf checks that MentionOf and MentionOfNth never panic, that
// their errors are *FieldErrors, and that a mention they return holds: its
// span checks against the text, quotes the quote with the cue within it or
// at one of its ends, and passes Corpus.Validate when the text is valid.
func FuzzMentionOf(f *testing.F) {
	const text = "Dam at Tarnow closed, the agency says\n" +
		"Halvard’s ministry said on Friday that the dam at Tarnow was closed. “The dam is open,” an official said. " +
		"Dam at Tarnow closed, the agency reported.\n\nTarnow officials denied it! The dam is open."
	for _, c := range [][2]string{
		{"said", "that the dam at Tarnow was closed."}, {"said", "The dam is open,"}, {"SAID", "the dam"},
		{"reported", "Dam at Tarnow closed"}, {"the agency", "Dam at Tarnow closed"}, {"", "Dam at Tarnow closed"},
		{"says", "Halvard’s ministry"}, {"denied", "The dam is open."}, {"ministry", "Halvard’s ministry said"},
		{"den\xffied", "Tarnow"}, {"", ""}, {"K", "\x80"},
	} {
		f.Add(text, c[0], c[1], uint8(1))
	}
	f.Add("said said said", "said", "said", uint8(2))
	f.Add("a. b", "a", "b", uint8(1))
	f.Add("said said the dam said said", "said", "the dam", uint8(1))
	f.Add("aaaa aaaa", "aa", "a", uint8(3))
	f.Add("Says: it is.\r\nSays", "says", "it", uint8(1))
	f.Add("\x80\u212a", "\ufffdk", "\u212a", uint8(1))
	f.Fuzz(func(t *testing.T, text, cue, quote string, n uint8) {
		a := source.Article{ID: "a", Published: time.Date(2025, 1, 10, 8, 0, 0, 0, time.UTC), Text: text}
		check := func(op string, m Mention, err error) {
			t.Helper()
			if err != nil {
				var fe *FieldError
				if !errors.As(err, &fe) {
					t.Fatalf("%s(%q, %q, %q) error %v (%T) is not a *FieldError", op, text, cue, quote, err, err)
				}
				return
			}
			if m.Article != a.ID || m.Cue != cue {
				t.Fatalf("%s(%q, %q, %q) = %+v: article or cue changed", op, text, cue, quote, m)
			}
			if err := m.Span.Check(text); err != nil {
				t.Fatalf("%s(%q, %q, %q).Span = %+v fails Check: %v", op, text, cue, quote, m.Span, err)
			}
			exact := m.Span.Exact
			if !strings.Contains(exact, quote) || !containsFold(exact, cue) {
				t.Fatalf("%s(%q, %q, %q).Span.Exact = %q, without the quote or the cue", op, text, cue, quote, exact)
			}
			if !strings.HasPrefix(exact, quote) && !strings.EqualFold(exact[:len(cue)], cue) ||
				!strings.HasSuffix(exact, quote) && !strings.EqualFold(exact[len(exact)-len(cue):], cue) {
				t.Fatalf("%s(%q, %q, %q).Span.Exact = %q, which neither starts nor ends with the quote or the cue", op, text, cue, quote, exact)
			}
			if utf8.ValidString(text) {
				c := Corpus{
					Articles:   []source.Article{a},
					Claims:     []Claim{{ID: "c", Text: "c"}},
					Statements: []Statement{{ID: "s", Claim: "c", Source: source.AbsentID, Act: ActReport, Mentions: []Mention{m}}},
				}
				if err := c.Validate(); err != nil {
					t.Fatalf("%s(%q, %q, %q) = %+v, which fails Validate: %v", op, text, cue, quote, m, err)
				}
			}
		}
		if utf8.ValidString(cue) {
			// The cue finder against the slow reference, at the first
			// few occurrences of the quote.
			near := newCueFinder(text, cue)
			for i, k := strings.Index(text, quote), 0; quote != "" && i >= 0 && k < 8; k++ {
				s, e, ok := near.find(i, i+len(quote))
				rs, re, rok := cueNearRef(text, cue, i, i+len(quote))
				if s != rs || e != re || ok != rok {
					t.Fatalf("cue %q near %q at %d in %q: find = %d, %d, %v; reference = %d, %d, %v", cue, quote, i, text, s, e, ok, rs, re, rok)
				}
				next := strings.Index(text[i+1:], quote)
				if next < 0 {
					break
				}
				i += 1 + next
			}
		}
		m, err := MentionOf(a, cue, quote)
		check("MentionOf", m, err)
		m, err = MentionOfNth(a, cue, quote, int(n%4))
		check("MentionOfNth", m, err)
	})
}

// cueNearRef is the slow, obvious form of cueFinder.find: it scans the
// sentence around the quote at text[qs:qe] for the cue.
func cueNearRef(text, cue string, qs, qe int) (start, end int, ok bool) {
	if containsFold(text[qs:qe], cue) {
		return qs, qe, true
	}
	lo, hi := qs, qe
	for ; lo > 0; lo-- {
		if c := text[lo-1]; c == '\n' || c == '\r' || lo < len(text) && endsSentence(c) && isBlank(text[lo]) {
			break
		}
	}
	for ; hi < len(text); hi++ {
		if c := text[hi]; c == '\n' || c == '\r' || hi > 0 && endsSentence(text[hi-1]) && isBlank(c) {
			break
		}
	}
	best, bestDist := -1, 0
	for i := lo; i+len(cue) <= hi; i++ {
		if !matchFoldAt(text, i, cue) || !onBoundary(text, i+len(cue)) {
			continue
		}
		if dist := max(0, qs-(i+len(cue)), i-qe); best < 0 || dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	return min(best, qs), max(best+len(cue), qe), true
}

func FuzzParsePolarity(f *testing.F) {
	for _, s := range []string{"+", "-", "u", "U", " + ", "positive", "NEGATIVE", "underspecified", "affirms", "affirm", "Affirmative", "negates", "negate", "undetermined", "uncommitted", "", "++", "affirmed"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePolarity(s)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrUnknownName) || fe.Value != source.Excerpt(s) {
				t.Fatalf("ParsePolarity(%q) error = %v, want a *FieldError quoting the input (an excerpt past 64 runes) and wrapping ErrUnknownName", s, err)
			}
			return
		}
		text, err := p.MarshalText()
		if err != nil {
			t.Fatalf("ParsePolarity(%q) = %v, which does not marshal: %v", s, p, err)
		}
		var again Polarity
		if err := again.UnmarshalText(text); err != nil || again != p {
			t.Fatalf("ParsePolarity(%q) = %v, which reads back as %v, %v", s, p, again, err)
		}
		if again, err := ParsePolarity(p.Sign()); err != nil || again != p {
			t.Fatalf("ParsePolarity(%q) = %v, whose sign %q parses as %v, %v", s, p, p.Sign(), again, err)
		}
	})
}
