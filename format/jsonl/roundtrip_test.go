package jsonl_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/jsonl"
	"github.com/claimtrail/claimtrail/source"
)

// collect reads every record of a JSON Lines stream into a corpus without
// validating it, failing the test on any line that does not decode.
func collect(t testing.TB, data []byte) *claim.Corpus {
	t.Helper()
	c := &claim.Corpus{}
	for rec, err := range jsonl.Read(bytes.NewReader(data), jsonl.Options{}) {
		require.NoError(t, err)
		switch rec.Type {
		case jsonl.TypeFormat:
			c.Format = rec.Format
		case jsonl.TypeSource:
			c.Sources = append(c.Sources, rec.Source)
		case jsonl.TypeArticle:
			c.Articles = append(c.Articles, rec.Article)
		case jsonl.TypeClaim:
			c.Claims = append(c.Claims, rec.Claim)
		case jsonl.TypeStatement:
			c.Statements = append(c.Statements, rec.Statement)
		case jsonl.TypeUnknown:
			t.Fatalf("a record of no type on line %d", rec.Line)
		}
	}
	return c
}

func TestRoundTripSeedCorpus(t *testing.T) {
	want, err := claim.Load("../../testdata/corpus.json")
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, jsonl.Write(&buf, want))

	got, err := jsonl.Decode(bytes.NewReader(buf.Bytes()), jsonl.Options{})
	require.NoError(t, err)
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Decode(Write(corpus)) mismatch (-want +got):\n%s", diff)
	}
	// The corpus JSON written from either is the same document.
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	gotJSON, err := json.Marshal(got)
	require.NoError(t, err)
	assert.JSONEq(t, string(wantJSON), string(gotJSON))

	golden := filepath.Join("testdata", "corpus.jsonl")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	wantLines, err := os.ReadFile(golden)
	require.NoError(t, err)
	if diff := cmp.Diff(string(wantLines), buf.String()); diff != "" {
		t.Errorf("Write(corpus) mismatch with %s (-want +got):\n%s", golden, diff)
	}
}

// TestRoundTripMachineAccepted writes the seed corpus with some of its
// statements marked machine-accepted and reads it back: the mark survives,
// on the lines of those statements only.
func TestRoundTripMachineAccepted(t *testing.T) {
	tests := []struct {
		name    string
		mark    func(i int) bool
		mention func(i int) bool // the last mention of statement i, when it has more than one
	}{
		{name: "none"},
		{name: "some", mark: func(i int) bool { return i%2 == 1 }},
		{name: "all", mark: func(int) bool { return true }},
		{name: "mentions", mention: func(int) bool { return true }},
		{name: "both", mark: func(i int) bool { return i%2 == 0 }, mention: func(i int) bool { return i%3 == 0 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want, err := claim.Load("../../testdata/corpus.json")
			require.NoError(t, err)
			marked := 0
			for i := range want.Statements {
				s := &want.Statements[i]
				if tc.mark != nil && tc.mark(i) {
					s.MachineAccepted = true
					marked++
				}
				if n := len(s.Mentions); n > 1 && tc.mention != nil && tc.mention(i) {
					s.Mentions[n-1].MachineAccepted = true
					marked++
				}
			}
			var buf bytes.Buffer
			require.NoError(t, jsonl.Write(&buf, want))
			assert.Equal(t, marked, bytes.Count(buf.Bytes(), []byte(`"machine_accepted":true`)))
			assert.NotContains(t, buf.String(), `"machine_accepted":false`)
			got, err := jsonl.Decode(bytes.NewReader(buf.Bytes()), jsonl.Options{})
			require.NoError(t, err)
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Decode(Write(corpus)) mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(want, collect(t, buf.Bytes()), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Read(Write(corpus)) mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRoundTripRandom writes random corpora, valid or not, and reads them
// back: every field of every record survives.
func TestRoundTripRandom(t *testing.T) {
	for seed := range uint64(200) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			want := randomCorpus(rand.New(rand.NewPCG(seed, 7)))
			var buf bytes.Buffer
			require.NoError(t, jsonl.Write(&buf, want))
			got := collect(t, buf.Bytes())
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Read(Write(corpus)) mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEncoderAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "story.jsonl")
	c, err := claim.Load("../../testdata/corpus.json")
	require.NoError(t, err)
	half := len(c.Statements) / 2

	first := *c
	first.Statements = c.Statements[:half]
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, jsonl.Write(f, &first))
	require.NoError(t, f.Close())

	// A later session appends the rest without rewriting the file.
	f, err = os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	enc := jsonl.NewEncoder(f)
	for _, s := range c.Statements[half:] {
		require.NoError(t, enc.Encode(jsonl.StatementRecord(s)))
	}
	require.NoError(t, f.Close())

	f, err = os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	got, err := jsonl.Decode(f, jsonl.Options{})
	require.NoError(t, err)
	if diff := cmp.Diff(c, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Decode(appended file) mismatch (-want +got):\n%s", diff)
	}
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name string
		rec  jsonl.Record
		want error
	}{
		{"unknown type", jsonl.Record{}, jsonl.ErrUnknownType},
		{"act out of range", jsonl.StatementRecord(claim.Statement{ID: "s", Act: claim.Act(200)}), nil},
		{"kind out of range", jsonl.SourceRecord(source.Source{ID: "s", Kind: source.Kind(99)}), nil},
		{"text not utf-8", jsonl.ClaimRecord(claim.Claim{ID: "c", Text: "a\xffb"}), jsonl.ErrInvalidUTF8},
		{"id not utf-8", jsonl.SourceRecord(source.Source{ID: "s\xc3", Name: "n"}), jsonl.ErrInvalidUTF8},
		{"quote not utf-8", jsonl.StatementRecord(claim.Statement{ID: "s", Act: claim.ActReport, Mentions: []claim.Mention{{Article: "a", Span: claim.Span{Exact: `\\` + "\xff"}}}}), jsonl.ErrInvalidUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := jsonl.NewEncoder(&buf).Encode(tc.rec)
			require.Error(t, err)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
			}
			assert.Zero(t, buf.Len(), "nothing written")
		})
	}
	assert.ErrorIs(t, jsonl.Write(&bytes.Buffer{}, nil), claim.ErrEmpty)
	for _, c := range []*claim.Corpus{
		{Sources: []source.Source{{ID: "s", Kind: source.Kind(99)}}},
		{Articles: []source.Article{{ID: "a", Published: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}},
		{Claims: []claim.Claim{{ID: "c", Actors: []claim.Actor{{Source: "s", Role: claim.Role(99)}}}}},
		{Statements: []claim.Statement{{ID: "s", Act: claim.Act(99)}}},
		{Format: claim.Format, Statements: []claim.Statement{{ID: "s", Act: claim.Act(99)}}},
	} {
		assert.Error(t, jsonl.Write(&bytes.Buffer{}, c))
	}
	assert.Equal(t, "", jsonl.Record{Type: jsonl.TypeFormat}.ID())
	assert.Equal(t, "a", jsonl.ArticleRecord(source.Article{ID: "a"}).ID())
	assert.Equal(t, "c", jsonl.ClaimRecord(claim.Claim{ID: "c"}).ID())
	assert.Equal(t, "s", jsonl.SourceRecord(source.Source{ID: "s"}).ID())
}

// randomCorpus makes a corpus of random records whose every field is set
// now and then, with texts that need escaping, so that a round trip
// exercises every member. It is not meant to be valid.
func randomCorpus(r *rand.Rand) *claim.Corpus {
	texts := []string{"Norland", "", "quote \"inside\"", "line\nbreak", "<b>&amp;</b>", "Ünïcödé ☃", "tab\there", "emoji 😀", "\u2028sep", "back\\slash"}
	text := func() string { return texts[r.IntN(len(texts))] }
	nonEmpty := func() string {
		if s := text(); s != "" {
			return s
		}
		return "x"
	}
	some := func() bool { return r.IntN(2) == 0 }
	when := func() time.Time {
		t := time.Date(1990+r.IntN(40), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60), r.IntN(3)*int(time.Millisecond), time.UTC)
		if some() {
			t = t.In(time.FixedZone("", 3600*(r.IntN(25)-12)))
		}
		return t
	}
	date := func() claim.Date {
		switch t := when(); r.IntN(5) {
		case 1:
			return claim.Year(t.Year())
		case 2:
			return claim.Month(t.Year(), t.Month())
		case 3:
			return claim.Day(t.Year(), t.Month(), t.Day())
		case 4:
			return claim.NewDate(t, claim.PrecisionInstant)
		}
		return claim.Date{}
	}
	ids := func(prefix string, n int) []string {
		var out []string
		for i := range r.IntN(n + 1) {
			out = append(out, fmt.Sprintf("%s%d", prefix, i))
		}
		return out
	}
	c := &claim.Corpus{}
	if some() {
		c.Format = claim.Format
	}
	for _, id := range ids("src", 5) {
		s := source.Source{ID: source.ID(id), Name: nonEmpty(), Kind: source.Kind(r.IntN(10)), Identity: source.Identity(r.IntN(3)), Investigator: some()}
		if some() {
			s.Parent = "src0"
		}
		if some() {
			s.Aliases = []string{nonEmpty(), nonEmpty()}
		}
		if some() {
			s.Offices = []source.Office{{Title: nonEmpty(), Of: "src0", From: when()}, {Title: nonEmpty(), Aliases: []string{nonEmpty()}, Of: "src1", To: when()}}
		}
		if some() {
			s.Wikidata = "Q42"
		}
		c.Sources = append(c.Sources, s)
	}
	for _, id := range ids("art", 4) {
		a := source.Article{ID: source.ArticleID(id), Published: when()}
		if some() {
			a.Outlet, a.URL, a.Title, a.Language = "src0", "https://example.org/"+id, text(), "en"
		}
		if some() {
			a.Reprints, a.Wire = "art0", "src1"
		}
		a.Text = text()
		c.Articles = append(c.Articles, a)
	}
	for _, id := range ids("cl", 4) {
		cl := claim.Claim{ID: claim.ID(id), Text: nonEmpty(), Event: date()}
		if some() {
			cl.Actors = []claim.Actor{{Source: "src0", Role: claim.Role(r.IntN(4))}, {Source: "src1"}}
		}
		if some() {
			cl.Relations = []claim.Relation{{Kind: claim.RelationKind(1 + r.IntN(4)), To: "cl0"}}
		}
		c.Claims = append(c.Claims, cl)
	}
	facts := []claim.Factuality{claim.CTPlus(), claim.PRPlus(), claim.PSPlus(), claim.CTMinus(), claim.PRMinus(), claim.PSMinus(), claim.CTu(), claim.Uu()}
	for _, id := range ids("st", 6) {
		s := claim.Statement{ID: claim.StatementID(id), Claim: "cl0", Source: "src1", Act: claim.Act(1 + r.IntN(15)), Factuality: facts[r.IntN(len(facts))], Said: date(), MachineAccepted: some()}
		if some() {
			s.Via = []source.ID{"src0", "src2"}
		}
		for range r.IntN(3) {
			start := r.IntN(100)
			s.Mentions = append(s.Mentions, claim.Mention{Article: "art0", Cue: text(), Span: claim.Span{Start: start, End: start + r.IntN(50), Exact: text(), Prefix: text(), Suffix: text()}, MachineAccepted: some()})
		}
		c.Statements = append(c.Statements, s)
	}
	return c
}
