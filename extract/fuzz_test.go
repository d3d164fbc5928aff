package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/source"
)

// FuzzExtract checks that Extract never panics, rejects invalid UTF-8 with
// an error, and otherwise returns spans that lie inside the text, on rune
// boundaries, and quote it exactly; that Clean accounts for every
// non-blank line; and that an extractor that has just read another input
// gives the same Result as a new one.
func FuzzExtract(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "gold", "*.txt"))
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err == nil {
			f.Add(string(raw), "")
		}
	}
	for _, s := range []string{
		"", "“", "”,” he said", `"a" "b" said "c`, "It is believed that", "according to", "according to X,",
		"U.S. Gen. J. Smith said: “x.\n\n“y", "Both A and B denied it.", "He said.", "x, said", "\xff said",
		"Moscow's denial of", "declined to", "did not", "is said to", "reportedly", "…!?\n\n\n“",
		"was criticised by the head of", "records that showed", "“a,” adding", "x while accusing",
		"Harlow's denial came", "reads:", "was widely believed to", "found he", "is x but admitted",
		"There are call", "There are said", "“No,” called",
	} {
		f.Add(s, "")
	}
	f.Add("The ministry issued a statement on Monday, warning that shells, rockets and drones would be used.", "Velkor, which denied the report.")
	f.Add("The minister said the talks failed.", "The minister, Anton Relic, confirmed the deal.")
	f.Fuzz(func(t *testing.T, text, before string) {
		checkExtract(t, text, before, nil)
	})
}

// FuzzExtractRegistry checks what FuzzExtract checks with a registry of
// the gold articles' sources, so that speakers resolved by name, alias and
// office are read too, and that every registry speaker a candidate names
// is in the registry.
func FuzzExtractRegistry(f *testing.F) {
	arts, err := gold.LoadDir(filepath.Join("testdata", "gold"))
	if err != nil {
		f.Fatal(err)
	}
	for _, a := range arts {
		f.Add(a.Text, "")
	}
	for _, s := range []string{
		"Peskov said.", "The Kremlin denied it, Kirby said.", "Pyongyang's KCNA said", "“No,” Peskov said. He added:",
		"Russia's defence ministry said", "according to Washington, citing Moscow,",
	} {
		f.Add(s, "")
	}
	reg := extract.GoldRegistry(f)
	f.Fuzz(func(t *testing.T, text, before string) {
		checkExtract(t, text, before, reg)
	})
}

// checkExtract checks one fuzzed input, as FuzzExtract says, with reg as
// the registry (nil for none).
func checkExtract(t *testing.T, text, before string, reg *source.Registry) {
	t.Helper()
	ref := time.Date(2024, 5, 17, 0, 0, 0, 0, time.UTC)
	opts := extract.Options{Published: ref, Registry: reg}
	used := new(extract.Extractor)
	_, _ = used.Extract(before, opts)
	res, err := used.Extract(text, opts)
	if !utf8.ValidString(text) {
		if err == nil {
			t.Fatalf("Extract(%q): no error for invalid UTF-8", text)
		}
		return
	}
	if err != nil {
		t.Fatalf("Extract(%q): %v", text, err)
	}
	fresh, err := new(extract.Extractor).Extract(text, opts)
	if err != nil {
		t.Fatalf("Extract(%q): %v", text, err)
	}
	if diff := cmp.Diff(fresh, res); diff != "" {
		t.Fatalf("Extract(%q) after Extract(%q) mismatch (-want +got):\n%s", text, before, diff)
	}
	check := func(what string, s claim.Span) {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("%s span [%d:%d] outside text of %d bytes", what, s.Start, s.End, len(text))
		}
		if !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
			t.Fatalf("%s span [%d:%d] splits a rune", what, s.Start, s.End)
		}
		if text[s.Start:s.End] != s.Exact || !utf8.ValidString(s.Exact) {
			t.Fatalf("%s span [%d:%d] quotes %q", what, s.Start, s.End, s.Exact)
		}
	}
	for _, c := range res.Candidates {
		check("cue", c.Cue)
		if c.SpeakerText.Exact != "" {
			check("source", c.SpeakerText)
		}
		for _, s := range c.Content {
			check("content", s)
		}
		if c.Confidence <= 0 || c.Confidence >= 1 {
			t.Fatalf("confidence %v outside (0, 1)", c.Confidence)
		}
		if !c.Act.IsValid() || !c.Factuality.IsValid() {
			t.Fatalf("invalid act %v or factuality %v", c.Act, c.Factuality)
		}
		if c.Rule == "" {
			t.Fatalf("candidate with cue %q names no rule", c.Cue.Exact)
		}
		if c.Resolution == extract.ResolutionRegistry {
			if _, ok := reg.Source(c.Speaker); reg == nil || !ok {
				t.Fatalf("candidate with cue %q resolved by the registry to %q, which it lacks", c.Cue.Exact, c.Speaker)
			}
		}
	}
	// Every non-blank line is kept or dropped, exactly once.
	covered := make([]bool, len(text))
	mark := func(s, e int) {
		for i := s; i < e; i++ {
			if covered[i] {
				t.Fatalf("byte %d in two blocks or drops", i)
			}
			covered[i] = true
		}
	}
	for _, b := range res.Cleaned.Blocks {
		mark(b.Start, b.End)
	}
	for _, d := range res.Cleaned.Dropped {
		mark(d.Start, d.End)
	}
	for i, r := range text {
		if !covered[i] && !strings.ContainsRune(" \t\r\n\u00a0\ufeff", r) && !isSpaceRune(r) {
			t.Fatalf("byte %d (%q) neither kept nor dropped", i, r)
		}
	}
	for _, g := range extract.Groups(res.Candidates, 0) {
		for _, m := range g.Members {
			if m < 0 || m >= len(res.Candidates) {
				t.Fatalf("group member %d out of range", m)
			}
		}
	}
}

func isSpaceRune(r rune) bool {
	return strings.TrimSpace(string(r)) == ""
}
