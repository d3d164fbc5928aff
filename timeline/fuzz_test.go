package timeline_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// FuzzParseStatus checks that ParseStatus accepts exactly the names, in
// any case, and the empty string for the zero Status, and that what it accepts goes through its name and its text
// form back to itself.
func FuzzParseStatus(f *testing.F) {
	for _, s := range []string{"unreported", "Contested", " DENIED ", "retracted", "", "bogus", "Status(9)", "confirmed\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := timeline.ParseStatus(s)
		if err != nil {
			var te *timeline.Error
			if !errors.Is(err, timeline.ErrUnknownName) || !errors.As(err, &te) || te.Value != source.Excerpt(s) {
				t.Fatalf("ParseStatus(%q) error %v is not an *Error wrapping ErrUnknownName that quotes the input (an excerpt of a long one)", s, err)
			}
			return
		}
		name := v.String()
		if in := strings.TrimSpace(s); in != "" && !strings.EqualFold(in, name) {
			t.Errorf("ParseStatus(%q) = %s, whose name differs from the input", s, name)
		}
		again, err := timeline.ParseStatus(name)
		if err != nil || again != v {
			t.Errorf("ParseStatus(%q) = %v, %v; want %v", name, again, err, v)
		}
		text, err := v.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", v, err)
		}
		var back timeline.Status
		if err := back.UnmarshalText(text); err != nil || back != v {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, v)
		}
	})
}

// FuzzParseChangeKind is FuzzParseStatus for ChangeKind.
func FuzzParseChangeKind(f *testing.F) {
	for _, s := range []string{"first-report", "REPEATED-DENIAL", " status ", "unknown", "", "reversal!", "ChangeKind(3)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := timeline.ParseChangeKind(s)
		if err != nil {
			var te *timeline.Error
			if !errors.Is(err, timeline.ErrUnknownName) || !errors.As(err, &te) || te.Value != source.Excerpt(s) {
				t.Fatalf("ParseChangeKind(%q) error %v is not an *Error wrapping ErrUnknownName that quotes the input (an excerpt of a long one)", s, err)
			}
			return
		}
		name := k.String()
		if in := strings.TrimSpace(s); in != "" && !strings.EqualFold(in, name) {
			t.Errorf("ParseChangeKind(%q) = %s, whose name differs from the input", s, name)
		}
		again, err := timeline.ParseChangeKind(name)
		if err != nil || again != k {
			t.Errorf("ParseChangeKind(%q) = %v, %v; want %v", name, again, err, k)
		}
		text, err := k.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", k, err)
		}
		var back timeline.ChangeKind
		if err := back.UnmarshalText(text); err != nil || back != k {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, k)
		}
	})
}

// FuzzBuild decodes arbitrary bytes as a corpus and, when they are one,
// builds its timeline and asks it every question, checking that nothing
// panics, that the answers agree with one another, and that the checked
// corpus builds the same timeline from its interned IDs.
func FuzzBuild(f *testing.F) {
	for _, path := range fixtures(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		`{}`,
		`{"claims":[{"id":"c","text":"t"}],"statements":[{"id":"s","claim":"c","source":"absent","act":"report","said":"2022"}]}`,
		`{"sources":[{"id":"x","name":"X","kind":"organisation"}],"claims":[{"id":"c","text":"t","actors":[{"source":"x","role":"accused"}]},` +
			`{"id":"d","text":"u","relations":[{"kind":"part-of","to":"c"}]}],"statements":[{"id":"s","claim":"d","source":"x","act":"confirm",` +
			`"factuality":"CT+","said":"2022-02"},{"id":"t","claim":"c","source":"absent","act":"retract","said":"2022-01-01T10:00:00+09:00"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := claim.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		tl, err := timeline.Build(c, nil)
		if err != nil {
			t.Fatalf("Build of a decoded corpus: %v", err)
		}
		ch, err := claim.DecodeChecked(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("DecodeChecked of a corpus Decode accepts: %v", err)
		}
		checked, err := timeline.BuildChecked(ch, nil)
		if err != nil {
			t.Fatalf("BuildChecked of a decoded corpus: %v", err)
		}
		if want, got := mustJSON(t, tl), mustJSON(t, checked); !bytes.Equal(want, got) {
			t.Errorf("BuildChecked and Build differ:\n%s\n%s", got, want)
		}
		total := 0
		for _, cl := range c.Claims {
			if _, err := tl.Track(cl.ID); err != nil {
				t.Fatalf("Track(%q): %v", cl.ID, err)
			}
			h, err := tl.History(cl.ID)
			if err != nil {
				t.Fatalf("History(%q): %v", cl.ID, err)
			}
			prev := timeline.StatusUnreported
			for i, sc := range h {
				if sc.From != prev || sc.From == sc.To || i > 0 && sc.At.Before(h[i-1].At) {
					t.Errorf("History(%q)[%d] = %+v does not follow %v", cl.ID, i, sc, prev)
				}
				if got, err := tl.Status(cl.ID, sc.At); err != nil || i == len(h)-1 && got != sc.To {
					t.Errorf("Status(%q, %v) = %v, %v; want %v", cl.ID, sc.At, got, err, sc.To)
				}
				prev = sc.To
			}
			if cur, err := tl.Current(cl.ID); err != nil || cur != prev {
				t.Errorf("Current(%q) = %v, %v; want the history's last status %v", cl.ID, cur, err, prev)
			}
			if len(h) > 0 {
				if got, _ := tl.Status(cl.ID, h[0].At.Add(-time.Nanosecond)); got != timeline.StatusUnreported {
					t.Errorf("Status(%q) before its first step = %v", cl.ID, got)
				}
			}
			chs, err := tl.Changes(cl.ID)
			if err != nil {
				t.Fatalf("Changes(%q): %v", cl.ID, err)
			}
			total += len(chs)
		}
		all := tl.AllChanges()
		if len(all) != total {
			t.Errorf("AllChanges() has %d changes, the claims %d", len(all), total)
		}
		for _, a := range c.Articles {
			if _, err := tl.Added(a.ID); err != nil {
				t.Errorf("Added(%q): %v", a.ID, err)
			}
		}
		entries, err := tl.Statements(timeline.Query{Anonymous: true})
		if err != nil {
			t.Fatalf("Statements: %v", err)
		}
		for _, e := range entries {
			if got, ok := tl.Statement(e.Statement.ID); !ok || !got.Anonymous {
				t.Errorf("Statement(%q) = %+v, %v", e.Statement.ID, got, ok)
			}
		}
		_ = tl.Denials()
		_ = tl.Disputed()
		_ = tl.AnonymousClaims()
		_ = tl.ByStatus(timeline.StatusContested, time.Now())
		if err := tl.WriteText(io.Discard); err != nil {
			t.Errorf("WriteText: %v", err)
		}
		if _, err := json.Marshal(all); err != nil {
			t.Errorf("json.Marshal(AllChanges()): %v", err)
		}
	})
}
