package gold_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/source"
)

// TestOffsetsRoundTrip writes every gold article in the offsets form and
// reads it back against its text: the attributions must be the same, and
// the file must quote none of the text.
func TestOffsetsRoundTrip(t *testing.T) {
	for _, dir := range []string{"../testdata/gold", "../testdata/heldout"} {
		arts, err := gold.LoadDir(dir)
		require.NoError(t, err)
		for _, a := range arts {
			t.Run(a.Name, func(t *testing.T) {
				raw, err := gold.EncodeOffsets(a)
				require.NoError(t, err)
				back, err := gold.DecodeOffsets(raw, a.Text)
				require.NoError(t, err)
				if diff := cmp.Diff(a.Attributions, back.Attributions, cmp.Comparer(func(x, y claim.Date) bool { return x == y })); diff != "" {
					t.Errorf("DecodeOffsets(EncodeOffsets(%s)) mismatch (-want +got):\n%s", a.Name, diff)
				}
				assert.True(t, a.Published.Equal(back.Published), "published")
				if a.Registry != nil {
					if diff := cmp.Diff(a.Registry.Declared(), back.Registry.Declared(), cmpopts.EquateEmpty()); diff != "" {
						t.Errorf("registry mismatch (-want +got):\n%s", diff)
					}
				}
				// No sentence of the text is in the file: no run of eight
				// words of the text appears in it.
				words := strings.Fields(a.Text)
				for i := 0; i+8 <= len(words); i += 4 {
					run := strings.Join(words[i:i+8], " ")
					assert.NotContains(t, string(raw), run)
				}
			})
		}
	}
}

func TestDecodeOffsetsErrors(t *testing.T) {
	head := `{"published":"2024-05-17T00:00:00Z","attributions":[`
	tests := []struct {
		name      string
		json      string
		wantField string // the field of the *gold.Error, "" for the file as a whole
	}{
		{"bad-json", `{`, ""},
		{"trailing", `{"published":"2024-05-17T00:00:00Z","attributions":[]} {}`, ""},
		{"unknown-field", `{"published":"2024-05-17T00:00:00Z","attributions":[],"text":"x"}`, ""},
		{"no-published", `{"attributions":[]}`, "published"},
		{"bad-registry", `{"published":"2024-05-17T00:00:00Z","registry":[{"id":"","name":""}],"attributions":[]}`, "registry"},
		{"cue-out-of-range", head + `{"source":[37,43],"cue":[44,90],"content":[],"speaker":"x","act":"deny","factuality":"CT-"}]}`, "attributions[0].cue"},
		{"cue-reversed", head + `{"source":[37,43],"cue":[50,44],"content":[],"speaker":"x","act":"deny","factuality":"CT-"}]}`, "attributions[0].cue"},
		{"cue-empty", head + `{"source":[37,43],"cue":[44,44],"content":[],"speaker":"x","act":"deny","factuality":"CT-"}]}`, "attributions[0].cue"},
		{"source-negative", head + `{"source":[-1,43],"cue":[44,50],"content":[],"speaker":"x","act":"deny","factuality":"CT-"}]}`, "attributions[0].source"},
		{"content-out-of-range", head + `{"source":[37,43],"cue":[44,50],"content":[[51,99]],"speaker":"x","act":"deny","factuality":"CT-"}]}`, "attributions[0].content[0]"},
		{"no-factuality", head + `{"source":[37,43],"cue":[44,50],"content":[],"speaker":"x","act":"deny"}]}`, "attributions[0].factuality"},
		{"bad-act", head + `{"source":[37,43],"cue":[44,50],"content":[],"speaker":"x","act":"shout","factuality":"CT-"}]}`, ""},
		{"empty-speaker", head + `{"source":[37,43],"cue":[44,50],"content":[],"speaker":"","act":"deny","factuality":"CT-"}]}`, "attributions[0].speaker"},
		{"absent-with-source", head + `{"source":[37,43],"cue":[44,50],"content":[],"speaker":"absent","act":"deny","factuality":"CT-"}]}`, "attributions[0].source"},
		{"named-without-source", head + `{"cue":[44,50],"content":[],"speaker":"x","act":"deny","factuality":"CT-"}]}`, "attributions[0].source"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := gold.DecodeOffsets([]byte(tc.json), text)
			assert.ErrorIs(t, err, gold.ErrGold)
			var ge *gold.Error
			if assert.ErrorAs(t, err, &ge) {
				assert.Equal(t, tc.wantField, ge.Field)
				assert.Empty(t, ge.File, "decoded from bytes, the error names no file")
			}
			assert.True(t, strings.HasPrefix(err.Error(), "gold: "), "message %q has no package prefix", err)
		})
	}
	// A span inside a multi-byte rune is refused.
	_, err := gold.DecodeOffsets([]byte(head+`{"cue":[1,2],"content":[],"speaker":"absent","act":"assert","factuality":"CT+"}]}`), "“x”")
	assert.ErrorIs(t, err, gold.ErrGold)
}

// TestDenials checks that a denial is found only when the prediction is a
// denial by the same speaker.
func TestDenials(t *testing.T) {
	g := gold.Attribution{Source: span(37, 43), Cue: span(44, 50), Content: []claim.Span{span(51, 53)}, Speaker: "moscow", Act: claim.ActDeny}
	a := gold.Article{Text: text, Attributions: []gold.Attribution{g}}
	tests := []struct {
		name    string
		speaker source.ID
		act     claim.Act
		found   int
	}{
		{"found", "moscow", claim.ActDeny, 1},
		{"reject-counts", "moscow", claim.ActReject, 1},
		{"wrong-speaker", "kirby", claim.ActDeny, 0},
		{"read-as-assert", "moscow", claim.ActAssert, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := g
			p.Speaker, p.Act = tc.speaker, tc.act
			c := gold.Score(a, []gold.Predicted{p}, nil)
			assert.Equal(t, 1, c.Denials)
			assert.Equal(t, tc.found, c.DenialsFound)
			var sum gold.Counts
			sum.Add(c)
			sum.Add(c)
			assert.Equal(t, 2*tc.found, sum.DenialsFound)
		})
	}
}

func FuzzDecodeOffsets(f *testing.F) {
	f.Add([]byte(`{"published":"2024-05-17T00:00:00Z","attributions":[{"source":[37,43],"cue":[44,50],"content":[[51,53]],"speaker":"x","act":"deny","factuality":"CT-"}]}`), text)
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "gold", "denials-roundup.json"))
	if err == nil {
		txt, _ := os.ReadFile(filepath.Join("..", "testdata", "gold", "denials-roundup.txt"))
		if a, err := gold.Decode(raw, string(txt)); err == nil {
			if enc, err := gold.EncodeOffsets(a); err == nil {
				f.Add(enc, string(txt))
			}
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte, text string) {
		a, err := gold.DecodeOffsets(raw, text)
		if err != nil {
			return
		}
		for _, at := range a.Attributions {
			for _, s := range append([]claim.Span{at.Cue}, at.Content...) {
				if s.Check(text) != nil || !utf8.ValidString(s.Exact) && utf8.ValidString(text) {
					t.Fatalf("span %v does not check against the text", s)
				}
			}
		}
		enc, err := gold.EncodeOffsets(a)
		if err != nil {
			t.Fatalf("EncodeOffsets of a decoded article: %v", err)
		}
		back, err := gold.DecodeOffsets(enc, text)
		if err != nil {
			t.Fatalf("DecodeOffsets(EncodeOffsets(a)): %v", err)
		}
		if len(back.Attributions) != len(a.Attributions) {
			t.Fatalf("round trip has %d attributions, want %d", len(back.Attributions), len(a.Attributions))
		}
	})
}
