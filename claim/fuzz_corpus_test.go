package claim_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// FuzzDecode checks that Decode never panics, that every error it returns
// names a field, and that whatever it accepts marshals and decodes again to
// an equal corpus, with the same JSON.
func FuzzDecode(f *testing.F) {
	addDecodeSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := claim.Decode(bytes.NewReader(data))
		if err != nil {
			if c != nil {
				t.Errorf("Decode returned a corpus with error %v", err)
			}
			var fe *claim.FieldError
			if !errors.As(err, &fe) {
				t.Errorf("Decode error %v (%T) is no *claim.FieldError", err, err)
			}
			return
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("json.Marshal of a decoded corpus: %v", err)
		}
		again, err := claim.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("Decode(json.Marshal(Decode(%q))) = %v\njson: %s", data, err, out)
		}
		// A present but empty list and a missing one decode differently
		// ([] and nil) and mean the same.
		if diff := gocmp.Diff(c, again, dateComparer, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Decode(json.Marshal(corpus)) mismatch (-want +got):\n%s", diff)
		}
		out2, err := json.Marshal(again)
		if err != nil {
			t.Fatalf("json.Marshal of a re-decoded corpus: %v", err)
		}
		if !bytes.Equal(out, out2) {
			t.Errorf("json.Marshal not stable:\n%s\n%s", out, out2)
		}
	})
}

// addDecodeSeeds adds the corpus fixtures, the mistaken files and a few
// small documents to f's seed corpus.
func addDecodeSeeds(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no corpus fixtures in %s: %v", corpusDir, err)
	}
	mistakes, err := filepath.Glob(filepath.Join(mistakesDir, "*.*"))
	if err != nil || len(mistakes) == 0 {
		f.Fatalf("no fixtures in %s: %v", mistakesDir, err)
	}
	files = append(files, mistakes...)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		``, `{}`, `null`, `[]`, `{"format":"claimtrail/1"}`,
		`{"claims":[{"id":"c","text":"t","event":"2022-02"}],"statements":[{"id":"s","claim":"c","source":"absent","act":"report","said":"2022-02-24T04:00:00+03:00"}]}`,
		`{"articles":[{"id":"a","published":"2023-09-13T10:00:00+09:00","text":"x"}]}`,
		`{"sources":[{"id":"kcna","name":"KCNA","kind":"state-media"}],"claims":[{"id":"c","text":"t"}],"statements":[{"id":"s","claim":"c","source":"kcna","act":"deny","factuality":"CT-","said":"2024-03-05","machine_accepted":true}]}`,
	} {
		f.Add([]byte(s))
	}
}

// FuzzSpan checks that Locate, Find, Check and Relocate never panic, that
// what Locate and Find return checks against its text, and that what
// Relocate returns checks against the new text and quotes the same words.
func FuzzSpan(f *testing.F) {
	f.Add(spanText, "Überraschung: "+spanText, 22, 28)
	f.Add("Halvard denied it. Tarnow denied it too.", "Update: Halvard denied it. Tarnow denied it too.", 26, 32)
	f.Add("Halvard denied it.", "Halvard confirmed it.", 8, 14)
	f.Add("Y denied. Z denied.", "denied", 7, 13)
	f.Add("Zoë", "\x80", 3, 2)
	f.Add(strings.Repeat("ä", 40)+"x"+strings.Repeat("ö", 40), "x", 80, 81)
	f.Add("", "", 0, 0)
	f.Fuzz(func(t *testing.T, text, edited string, start, end int) {
		checkFieldErr := func(op string, err error) {
			var fe *claim.FieldError
			if err != nil && !errors.As(err, &fe) {
				t.Errorf("%s error %v (%T) is not a *claim.FieldError", op, err, err)
			}
		}

		if s, err := claim.Locate(text, start, end); err == nil {
			if err := s.Check(text); err != nil {
				t.Errorf("Locate(%q, %d, %d) = %+v fails Check: %v", text, start, end, s, err)
			}
			if s.Exact != text[start:end] {
				t.Errorf("Locate(%q, %d, %d).Exact = %q", text, start, end, s.Exact)
			}
			if n := utf8.RuneCountInString(s.Prefix); n > 32 {
				t.Errorf("Locate prefix has %d runes", n)
			}
			if n := utf8.RuneCountInString(s.Suffix); n > 32 {
				t.Errorf("Locate suffix has %d runes", n)
			}
			if r, err := s.Relocate(text); err != nil || r != s {
				t.Errorf("Relocate on the same text = %+v, %v; want %+v", r, err, s)
			}
			relocated(t, s, edited)
		} else {
			if !errors.Is(err, claim.ErrSpan) {
				t.Errorf("Locate(%q, %d, %d) error %v does not wrap ErrSpan", text, start, end, err)
			}
			checkFieldErr("Locate", err)
		}

		if s, err := claim.Find(text, edited); err == nil {
			if err := s.Check(text); err != nil {
				t.Errorf("Find(%q, %q) = %+v fails Check: %v", text, edited, s, err)
			}
			if s.Exact != edited {
				t.Errorf("Find(%q, %q).Exact = %q", text, edited, s.Exact)
			}
		} else {
			checkFieldErr("Find", err)
		}

		if m, err := claim.MentionOf(source.Article{ID: "a", Text: text}, "", edited); err == nil {
			if err := m.Span.Check(text); err != nil {
				t.Errorf("MentionOf(%q, %q).Span = %+v fails Check: %v", text, edited, m.Span, err)
			}
		} else {
			checkFieldErr("MentionOf", err)
		}

		// An arbitrary span, not made by Locate.
		s := claim.Span{Start: start, End: end, Exact: edited, Prefix: prefixOf(text), Suffix: suffixOf(text)}
		checkFieldErr("Check", s.Check(text))
		relocated(t, s, text)
	})
}

// relocated relocates s in text and checks the result.
func relocated(t *testing.T, s claim.Span, text string) {
	t.Helper()
	r, err := s.Relocate(text)
	if err != nil {
		var fe *claim.FieldError
		if !errors.As(err, &fe) {
			t.Errorf("Relocate error %v (%T) is not a *claim.FieldError", err, err)
		}
		return
	}
	if err := r.Check(text); err != nil {
		t.Errorf("%+v.Relocate(%q) = %+v fails Check: %v", s, text, r, err)
	}
	if r.Exact != s.Exact {
		t.Errorf("%+v.Relocate(%q).Exact = %q", s, text, r.Exact)
	}
}

func prefixOf(s string) string { return s[:len(s)/3] }
func suffixOf(s string) string { return s[2*len(s)/3:] }
