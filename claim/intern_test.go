package claim_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/corpusview"
	"github.com/claimtrail/claimtrail/internal/synth"
	"github.com/claimtrail/claimtrail/source"
)

// indexView is everything an Index tells, read through its accessors, so
// that two can be compared.
type indexView struct {
	Claim, Source                  []int32
	Via, Articles                  [][]int32
	ViaStart, MentionStart         []int
	ClaimIDs                       []string
	SourceIDs                      []source.ID
	ArticleIDs                     []source.ArticleID
	ClaimIndex                     map[string]int32
	SourceIndex                    map[source.ID]int32
	ArticleIndex                   map[source.ArticleID]int32
	UnknownClaim, UnknownSource    bool
	UnknownArticle                 bool
	NumClaims, NumSources, NumArts int
}

// viewOf reads x through its accessors, asking each lookup by ID about
// the IDs of ids as well as those x holds.
func viewOf(x *corpusview.Index) indexView {
	var v indexView
	v.ViaStart = append(v.ViaStart, x.ViaStart(0))
	v.MentionStart = append(v.MentionStart, x.MentionStart(0))
	for i := range x.Len() {
		v.Claim = append(v.Claim, x.Claim(i))
		v.Source = append(v.Source, x.Source(i))
		var via, arts []int32
		for k := range x.NumVia(i) {
			via = append(via, x.Via(i, k))
		}
		for k := range x.NumMentions(i) {
			arts = append(arts, x.Article(i, k))
		}
		v.Via = append(v.Via, via)
		v.Articles = append(v.Articles, arts)
		v.ViaStart = append(v.ViaStart, x.ViaStart(i+1))
		v.MentionStart = append(v.MentionStart, x.MentionStart(i+1))
	}
	v.NumClaims, v.NumSources, v.NumArts = x.Claims(), x.Sources(), x.Articles()
	v.ClaimIndex, v.SourceIndex, v.ArticleIndex = map[string]int32{}, map[source.ID]int32{}, map[source.ArticleID]int32{}
	for j := range int32(x.Claims()) {
		id := x.ClaimID(j)
		v.ClaimIDs = append(v.ClaimIDs, id)
		v.ClaimIndex[id], _ = x.ClaimIndex(id)
	}
	for j := range int32(x.Sources()) {
		id := x.SourceID(j)
		v.SourceIDs = append(v.SourceIDs, id)
		v.SourceIndex[id], _ = x.SourceIndex(id)
	}
	for j := range int32(x.Articles()) {
		id := x.ArticleID(j)
		v.ArticleIDs = append(v.ArticleIDs, id)
		v.ArticleIndex[id], _ = x.ArticleIndex(id)
	}
	_, v.UnknownClaim = x.ClaimIndex("no such claim")
	_, v.UnknownSource = x.SourceIndex("no such source")
	_, v.UnknownArticle = x.ArticleIndex("no such article")
	return v
}

// wantView returns what the Index of the valid corpus c must tell, found
// the slow way: by searching the corpus's lists and its registry's
// sources for each ID.
func wantView(t *testing.T, c *claim.Corpus) indexView {
	t.Helper()
	reg, err := c.Registry()
	require.NoError(t, err)
	var sourceIDs []source.ID
	for _, s := range reg.Sources() {
		sourceIDs = append(sourceIDs, s.ID)
	}
	claimAt := func(id claim.ID) int32 {
		return int32(slices.IndexFunc(c.Claims, func(cl claim.Claim) bool { return cl.ID == id }))
	}
	articleAt := func(id source.ArticleID) int32 {
		return int32(slices.IndexFunc(c.Articles, func(a source.Article) bool { return a.ID == id }))
	}
	sourceAt := func(id source.ID) int32 { return int32(slices.Index(sourceIDs, id)) }
	v := indexView{
		ViaStart: []int{0}, MentionStart: []int{0}, SourceIDs: sourceIDs,
		ClaimIndex: map[string]int32{}, SourceIndex: map[source.ID]int32{}, ArticleIndex: map[source.ArticleID]int32{},
		NumClaims: len(c.Claims), NumSources: len(sourceIDs), NumArts: len(c.Articles),
	}
	nVia, nMen := 0, 0
	for _, s := range c.Statements {
		v.Claim = append(v.Claim, claimAt(s.Claim))
		v.Source = append(v.Source, sourceAt(s.Source))
		var via, arts []int32
		for _, id := range s.Via {
			via = append(via, sourceAt(id))
		}
		for _, m := range s.Mentions {
			arts = append(arts, articleAt(m.Article))
		}
		v.Via = append(v.Via, via)
		v.Articles = append(v.Articles, arts)
		nVia, nMen = nVia+len(s.Via), nMen+len(s.Mentions)
		v.ViaStart = append(v.ViaStart, nVia)
		v.MentionStart = append(v.MentionStart, nMen)
	}
	for j, cl := range c.Claims {
		v.ClaimIDs = append(v.ClaimIDs, string(cl.ID))
		v.ClaimIndex[string(cl.ID)] = int32(j)
	}
	for j, id := range sourceIDs {
		v.SourceIndex[id] = int32(j)
	}
	for j, a := range c.Articles {
		v.ArticleIDs = append(v.ArticleIDs, a.ID)
		v.ArticleIndex[a.ID] = int32(j)
	}
	return v
}

// internCorpus returns a valid corpus whose statements have several
// mentions, Via entries, no mention at all, and the absent source, both
// declared (absent true) and built in.
func internCorpus(t *testing.T, absent bool) *claim.Corpus {
	t.Helper()
	c := testCorpus(t)
	c.Statements = append(c.Statements,
		claim.Statement{ID: "d4", Claim: "open", Source: "courier", Via: []source.ID{"halvard", source.AbsentID, "tarnow"},
			Act: claim.ActReport, Said: claim.Year(2024)},
		claim.Statement{ID: "d5", Claim: "spare", Source: "tarnow", Act: claim.ActAssert, Factuality: claim.CTPlus(),
			Mentions: []claim.Mention{
				{Article: "n2", Span: claim.Span{Start: 1, End: 3, Exact: "ab"}},
				{Article: "n2", Span: claim.Span{Start: 5, End: 7, Exact: "cd"}},
				{Article: "n3", Span: claim.Span{Start: 0, End: 2, Exact: "ef"}},
			}},
	)
	c.Articles = append(c.Articles, source.Article{ID: "n3", Outlet: "courier", Published: time.Date(2025, 1, 12, 8, 0, 0, 0, time.UTC)})
	if absent {
		c.Sources = append(c.Sources[:2:2], append([]source.Source{source.Absent()}, c.Sources[2:]...)...)
	}
	require.NoError(t, c.Validate())
	return c
}

// TestInterned checks that every way of making a Checked keeps the index
// of its IDs that a search of the corpus finds, in the registry's order
// of sources, and that Check's index does not change with the corpus it
// was given.
func TestInterned(t *testing.T) {
	data, err := os.ReadFile(checkedValid)
	require.NoError(t, err)
	valid, err := claim.Load(checkedValid)
	require.NoError(t, err)
	corpora := []struct {
		name string
		c    *claim.Corpus
	}{
		{"valid.json", valid},
		{"built-in-absent", internCorpus(t, false)},
		{"declared-absent", internCorpus(t, true)},
		{"synth", synth.Corpus(2000)},
		{"no-statements", &claim.Corpus{Claims: []claim.Claim{{ID: "c", Text: "c"}}}},
	}
	for _, tc := range corpora {
		want := wantView(t, tc.c)
		doc, err := json.Marshal(tc.c)
		require.NoError(t, err)
		if tc.name == "valid.json" {
			doc = data
		}
		path := t.TempDir() + "/corpus.json"
		require.NoError(t, os.WriteFile(path, doc, 0o644))
		for _, mk := range []struct {
			name string
			make func() (*claim.Checked, error)
		}{
			{"check", func() (*claim.Checked, error) { return claim.Check(tc.c) }},
			{"decode", func() (*claim.Checked, error) { return claim.DecodeChecked(strings.NewReader(string(doc))) }},
			{"load", func() (*claim.Checked, error) { return claim.LoadChecked(path) }},
		} {
			t.Run(tc.name+"/"+mk.name, func(t *testing.T) {
				ch, err := mk.make()
				require.NoError(t, err)
				x := corpusview.Interned(ch)
				require.NotNil(t, x)
				if diff := cmp.Diff(want, viewOf(x)); diff != "" {
					t.Errorf("Interned(%s) mismatch (-want +got):\n%s", mk.name, diff)
				}
			})
		}
	}
	t.Run("check-copies", func(t *testing.T) {
		c := internCorpus(t, false)
		want := wantView(t, c)
		ch, err := claim.Check(c)
		require.NoError(t, err)
		slices.Reverse(c.Statements)
		slices.Reverse(c.Claims)
		if diff := cmp.Diff(want, viewOf(corpusview.Interned(ch))); diff != "" {
			t.Errorf("Interned after changing the corpus given to Check (-want +got):\n%s", diff)
		}
	})
}

// TestInternedZero checks the index of the zero and the nil Checked: no
// statements, no claims or articles, and the built-in absent source.
func TestInternedZero(t *testing.T) {
	want := indexView{
		ViaStart: []int{0}, MentionStart: []int{0}, SourceIDs: []source.ID{source.AbsentID},
		ClaimIndex: map[string]int32{}, SourceIndex: map[source.ID]int32{source.AbsentID: 0}, ArticleIndex: map[source.ArticleID]int32{},
		NumSources: 1,
	}
	for _, tc := range []struct {
		name string
		ch   *claim.Checked
	}{{"zero", new(claim.Checked)}, {"nil", nil}} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(want, viewOf(corpusview.Interned(tc.ch))); diff != "" {
				t.Errorf("Interned mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// The empty corpus checked has the same index.
	ch, err := claim.Check(&claim.Corpus{})
	require.NoError(t, err)
	if diff := cmp.Diff(want, viewOf(corpusview.Interned(ch))); diff != "" {
		t.Errorf("Interned(Check(empty)) mismatch (-want +got):\n%s", diff)
	}
}

// TestCheckReportsAsValidate checks that interning while validating
// changes nothing in what is reported, in the same order, for corpora
// with many problems of every kind the lookups find.
func TestCheckReportsAsValidate(t *testing.T) {
	for _, c := range orderCorpora(t) {
		t.Run(c.name, func(t *testing.T) {
			want := c.c.Validate()
			require.Error(t, want)
			ch, err := claim.Check(c.c)
			assert.Nil(t, ch)
			assert.Equal(t, want.Error(), errString(err))
		})
	}
}

// FuzzDecodeChecked checks that DecodeChecked accepts what Decode accepts
// and fails as it fails, and that the index it keeps is the one a search
// of the corpus finds, and the one Check keeps.
func FuzzDecodeChecked(f *testing.F) {
	addDecodeSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := claim.Decode(bytes.NewReader(data))
		ch, chErr := claim.DecodeChecked(bytes.NewReader(data))
		if errString(err) != errString(chErr) {
			t.Fatalf("DecodeChecked error %q, Decode's %q", errString(chErr), errString(err))
		}
		if err != nil {
			if ch != nil {
				t.Errorf("DecodeChecked returned a Checked with error %v", chErr)
			}
			return
		}
		want := wantView(t, c)
		if diff := cmp.Diff(want, viewOf(corpusview.Interned(ch))); diff != "" {
			t.Errorf("Interned(DecodeChecked) mismatch (-want +got):\n%s", diff)
		}
		checked, err := claim.Check(c)
		if err != nil {
			t.Fatalf("Check of a decoded corpus: %v", err)
		}
		if diff := cmp.Diff(want, viewOf(corpusview.Interned(checked))); diff != "" {
			t.Errorf("Interned(Check) mismatch (-want +got):\n%s", diff)
		}
	})
}

// reportOf splits err, which joins one error per problem, into the
// problems it lists and the counts of its *claim.MoreError, if any.
func reportOf(t *testing.T, err error) ([]problem, []source.KindCount) {
	t.Helper()
	if err == nil {
		return nil, nil
	}
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	var more []source.KindCount
	if m := (*claim.MoreError)(nil); errors.As(errs[len(errs)-1], &m) {
		more, errs = m.Kinds, errs[:len(errs)-1]
	}
	return problemsOf(t, errors.Join(errs...)), more
}

// sameReport checks that Intern's error, got, reports the problems
// Validate's, want, does, in the same order, and the same counts of those
// it leaves out.
func sameReport(t *testing.T, want, got error) {
	t.Helper()
	wantProblems, wantMore := reportOf(t, want)
	gotProblems, gotMore := reportOf(t, got)
	if diff := cmp.Diff(wantProblems, gotProblems, cmpopts.EquateErrors()); diff != "" {
		t.Errorf("Intern problems differ from Validate's (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantMore, gotMore, cmpopts.EquateErrors()); diff != "" {
		t.Errorf("Intern's count of the problems left out differs from Validate's (-want +got):\n%s", diff)
	}
}

// lenient returns the corpus the JSON document data holds, read by
// encoding/json without validation, so that it may hold any problem
// Validate reports; nil when encoding/json cannot read it.
func lenient(data []byte) *claim.Corpus {
	var c claim.Corpus
	if json.Unmarshal(data, &c) != nil {
		return nil
	}
	return &c
}

// TestInternReportsAsValidate checks that corpusview.Intern reports what
// Validate reports, problem by problem, in the same order, and returns no
// registry or index with its error: for corpora with many problems of
// every kind the lookups find, the broken fixture and the nil corpus.
func TestInternReportsAsValidate(t *testing.T) {
	type invalid struct {
		name string
		c    *claim.Corpus
	}
	var corpora []invalid
	for _, oc := range orderCorpora(t) {
		corpora = append(corpora, invalid{oc.name, oc.c})
	}
	data, err := os.ReadFile(filepath.Join(corpusDir, "broken.json"))
	require.NoError(t, err)
	broken := lenient(data)
	require.NotNil(t, broken, "encoding/json reads broken.json")
	// encoding/json reads invalid UTF-8 as U+FFFD: a corpus made in Go
	// holds it as it is.
	badUTF8 := internCorpus(t, false)
	badUTF8.Claims[0].Text = "clos\xffed"
	badUTF8.Statements[0].ID = "\xfe"
	badUTF8.Statements[1].Mentions[0].Cue = "\xc3"
	corpora = append(corpora, invalid{"broken.json", broken}, invalid{"invalid-utf8", badUTF8})
	corpora = append(corpora, invalid{"nil", nil})
	for _, tc := range corpora {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.c.Validate()
			require.Error(t, want)
			reg, x, err := corpusview.Intern(tc.c)
			assert.Nil(t, reg)
			assert.Nil(t, x)
			sameReport(t, want, err)
		})
	}
}

// TestIntern checks that corpusview.Intern returns, for a valid corpus,
// the index a search of the corpus finds and the registry Corpus.Registry
// makes, and that neither changes when the corpus changes afterwards.
func TestIntern(t *testing.T) {
	valid, err := claim.Load(checkedValid)
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		c    *claim.Corpus
	}{
		{"valid.json", valid},
		{"built-in-absent", internCorpus(t, false)},
		{"declared-absent", internCorpus(t, true)},
		{"synth", synth.Corpus(2000)},
		{"no-statements", &claim.Corpus{Claims: []claim.Claim{{ID: "c", Text: "c"}}}},
		{"empty", &claim.Corpus{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := wantView(t, tc.c)
			wantReg, err := tc.c.Registry()
			require.NoError(t, err)
			reg, x, err := corpusview.Intern(tc.c)
			require.NoError(t, err)
			require.NotNil(t, reg)
			require.NotNil(t, x)
			slices.Reverse(tc.c.Statements)
			slices.Reverse(tc.c.Claims)
			slices.Reverse(tc.c.Articles)
			for i := range tc.c.Sources {
				tc.c.Sources[i].Name += " renamed"
			}
			if diff := cmp.Diff(want, viewOf(x)); diff != "" {
				t.Errorf("Intern index mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantReg.Sources(), reg.Sources()); diff != "" {
				t.Errorf("Intern registry's sources mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantReg.Articles(), reg.Articles()); diff != "" {
				t.Errorf("Intern registry's articles mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestInternDoesNotCopy checks that corpusview.Intern allocates what
// Validate allocates and the index, about 20 bytes a statement, and not a
// copy of the statements and their mentions, as Check makes, which takes
// more than 200.
func TestInternDoesNotCopy(t *testing.T) {
	const n = 20_000
	c := synth.Corpus(n)
	perStatement := func(f func()) float64 {
		f() // warm up
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		const runs = 3
		for range runs {
			f()
		}
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc-before.TotalAlloc) / runs / n
	}
	validate := perStatement(func() { require.NoError(t, c.Validate()) })
	intern := perStatement(func() {
		_, _, err := corpusview.Intern(c)
		require.NoError(t, err)
	})
	check := perStatement(func() {
		_, err := claim.Check(c)
		require.NoError(t, err)
	})
	assert.LessOrEqual(t, intern, validate+32, "bytes a statement: Intern %.1f, Validate %.1f", intern, validate)
	assert.Greater(t, check, intern+150, "bytes a statement: Check %.1f, Intern %.1f", check, intern)
}

// FuzzIntern checks that corpusview.Intern reports what Validate reports,
// in the same order, for any corpus encoding/json reads, valid or not,
// and that for a valid one it returns the index a search of the corpus
// finds, and the one Check keeps.
func FuzzIntern(f *testing.F) {
	addDecodeSeeds(f)
	for _, s := range []string{
		`{"claims":[{"id":"c","text":"t"},{"id":"c","text":"u"}],"statements":[{"id":"s","claim":"d","source":"x","via":["x","absent"],"act":"deny","factuality":"CT+","mentions":[{"article":"a"}]}]}`,
		`{"sources":[{"id":"g","name":"G","kind":"government"}],"articles":[{"id":"a","published":"2024-01-02T00:00:00Z","text":"G denied it"}],"claims":[{"id":"c","text":"t"}],"statements":[{"id":"s","claim":"c","source":"g","act":"deny","factuality":"CT-","mentions":[{"article":"a","cue":"denied","span":{"start":2,"end":8,"exact":"denied"}}]},{"id":"s","claim":"c","source":"g","via":["g"],"act":"deny","factuality":"CT-","said":"2025"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := lenient(data)
		if c == nil {
			return
		}
		want := c.Validate()
		reg, x, err := corpusview.Intern(c)
		sameReport(t, want, err)
		if err != nil {
			if reg != nil || x != nil {
				t.Errorf("Intern returned a registry or an index with error %v", err)
			}
			return
		}
		view := wantView(t, c)
		if diff := cmp.Diff(view, viewOf(x)); diff != "" {
			t.Errorf("Intern index mismatch (-want +got):\n%s", diff)
		}
		checked, err := claim.Check(c)
		if err != nil {
			t.Fatalf("Check of a corpus Intern accepts: %v", err)
		}
		if diff := cmp.Diff(viewOf(corpusview.Interned(checked)), viewOf(x)); diff != "" {
			t.Errorf("Intern index differs from Check's (-Check +Intern):\n%s", diff)
		}
	})
}
