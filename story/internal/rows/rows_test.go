package rows_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/internal/rows"
)

func sample() *story.Batch {
	f := claim.PRPlus()
	return &story.Batch{
		Sources:    []source.Source{{ID: "s", Name: "S", Kind: source.KindAgency, Aliases: []string{"ess"}}},
		Articles:   []story.StoredArticle{{Article: source.Article{ID: "a", Text: "t", Title: "T"}, After: -1}},
		Claims:     []claim.Claim{{ID: "c", Text: "C", Event: claim.MustParseDate("2025")}},
		Statements: []claim.Statement{{ID: "x", Claim: "c", Source: "s", Act: claim.ActAssert, Factuality: claim.CTPlus()}},
		Decisions:  []story.Decision{{Seq: 9, Kind: story.KindAccept, Key: "a#1:00000000", Factuality: &f}},
	}
}

// decodeAll decodes the rows of an encoded batch as a store reads them.
func decodeAll(t *testing.T, e *rows.Encoded) *story.Batch {
	d := rows.NewDecoder()
	doc := func(r rows.Row) []byte { return r.Values[len(r.Values)-1].([]byte) }
	for _, r := range e.Rows("sources") {
		require.NoError(t, d.Source(doc(r)))
	}
	for _, r := range e.Rows("articles") {
		require.NoError(t, d.Article(doc(r), r.Values[1].(int)))
	}
	for _, r := range e.Rows("claims") {
		require.NoError(t, d.Claim(doc(r)))
	}
	for _, r := range e.Rows("statements") {
		require.NoError(t, d.Statement(doc(r)))
	}
	require.NoError(t, d.Finish())
	for i, r := range e.Rows("decisions") {
		require.NoError(t, d.Decision(doc(r), int64(i+1)))
	}
	return d.Batch
}

func TestRoundTrip(t *testing.T) {
	b := sample()
	e, err := rows.Encode(b)
	require.NoError(t, err)
	got := decodeAll(t, e)
	want := sample()
	want.Decisions[0].Seq = 1 // the row's place, not the decision's own
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Decode(Encode) mismatch (-want +got):\n%s", diff)
	}
	bad := sample()
	bad.Decisions[0].Kind = story.Kind(200)
	_, err = rows.Encode(bad)
	assert.ErrorIs(t, err, story.ErrInvalid)
	assert.ErrorIs(t, rows.Duplicate("claims", "c", nil, true), story.ErrDuplicateID)
	assert.NotErrorIs(t, rows.Duplicate("claims", "c", assert.AnError, false), story.ErrDuplicateID)
	assert.ErrorIs(t, rows.CheckStory("a b"), story.ErrInvalid)
}

// FuzzDecoder checks that no stored document makes a decoder panic, and
// that a document it reads encodes again to one it reads the same.
func FuzzDecoder(f *testing.F) {
	e, err := rows.Encode(sample())
	require.NoError(f, err)
	for _, table := range []string{"sources", "articles", "claims", "statements", "decisions"} {
		r := e.Rows(table)[0]
		f.Add(table, r.Values[len(r.Values)-1].([]byte))
	}
	f.Add("statements", []byte(`{"id":"x","act":"shout"}`))
	f.Add("statements", []byte(`{"id":"x","claim":"c","source":"s","act":"assert","factuality":"CT+"}`))
	for _, s := range compactCases {
		e, err := rows.Encode(&story.Batch{Statements: []claim.Statement{s}})
		require.NoError(f, err)
		f.Add("statements", e.Rows("statements")[0].Values[2].([]byte))
	}
	f.Add("decisions", []byte(`{"kind":7}`))
	f.Fuzz(func(t *testing.T, table string, doc []byte) {
		d := rows.NewDecoder()
		var err error
		switch table {
		case "sources":
			err = d.Source(doc)
		case "articles":
			err = d.Article(doc, 0)
		case "claims":
			err = d.Claim(doc)
		case "statements":
			err = errors.Join(d.Statement(doc), d.Finish())
		case "decisions":
			err = d.Decision(doc, 1)
		default:
			return
		}
		if err != nil {
			return
		}
		e, err := rows.Encode(d.Batch)
		if err != nil {
			return // a value the decoder takes but no store would write, such as a time beyond 9999
		}
		again := rows.NewDecoder()
		for _, tbl := range []string{"sources", "articles", "claims", "statements", "decisions"} {
			for _, r := range e.Rows(tbl) {
				doc := r.Values[len(r.Values)-1].([]byte)
				var err error
				switch tbl {
				case "sources":
					err = again.Source(doc)
				case "articles":
					err = again.Article(doc, 0)
				case "claims":
					err = again.Claim(doc)
				case "statements":
					err = errors.Join(again.Statement(doc), again.Finish())
				case "decisions":
					err = again.Decision(doc, 1)
				}
				if err != nil {
					t.Fatalf("%s row written from a decoded one does not decode: %v\n%s", tbl, err, doc)
				}
			}
		}
		if diff := cmp.Diff(d.Batch, again.Batch); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
	})
}

// compactCases are statements that use every field of claim.Statement.
var compactCases = []claim.Statement{
	{ID: "a", Claim: "c", Source: "s", Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.MustParseDate("2024-03"),
		Mentions: []claim.Mention{{Article: "x", Cue: "denied", Span: claim.Span{Start: 1, End: 7, Exact: "denied"}}}},
	{ID: "b", Claim: "c", Source: "s", Act: claim.ActReport, Via: []source.ID{"v", "w"}},
	{ID: "ünï", Claim: "c\n\"q\"", Source: "s", Act: claim.ActWarn, Factuality: claim.PSPlus(), Said: claim.MustParseDate("2024-03-02T10:00:00Z"),
		Mentions: []claim.Mention{
			{Article: "x", Span: claim.Span{Start: 300, End: 100000, Exact: "it is believed", Prefix: "— ", Suffix: " that\n"}},
			{Article: "y", Cue: "said", Span: claim.Span{Start: -1, End: 0, Exact: "x"}},
		}},
	{ID: "m", Claim: "c", Source: "s", Act: claim.ActAccuse, Factuality: claim.CTPlus(), Via: []source.ID{"v"}, MachineAccepted: true,
		Mentions: []claim.Mention{{Article: "x", Cue: "accused", Span: claim.Span{Start: 0, End: 7, Exact: "accused"}}}},
	{ID: "r", Claim: "c", Source: "s", Act: claim.ActAccuse, Factuality: claim.CTPlus(),
		Mentions: []claim.Mention{
			{Article: "x", Cue: "accused", Span: claim.Span{Start: 0, End: 7, Exact: "accused"}},
			{Article: "y", Cue: "accused", Span: claim.Span{Start: 0, End: 7, Exact: "accused"}, MachineAccepted: true},
			{Article: "z", Cue: "accused", Span: claim.Span{Start: 0, End: 7, Exact: "accused"}, MachineAccepted: true},
		}},
}

// TestStatements reads statement rows as stores hold them: compact rows,
// and JSON rows as written before the compact layout, mixed, in order.
func TestStatements(t *testing.T) {
	var docs [][]byte
	var want []claim.Statement
	for i, s := range compactCases {
		e, err := rows.Encode(&story.Batch{Statements: []claim.Statement{s}})
		require.NoError(t, err)
		doc := e.Rows("statements")[0].Values[2].([]byte)
		docs = append(docs, doc)
		want = append(want, s)
		js, err := json.Marshal(s)
		require.NoError(t, err)
		if i == 1 {
			js = append([]byte(" {  "), js[1:]...) // as a database may space it
		}
		docs = append(docs, js)
		want = append(want, s)
	}
	d := rows.NewDecoder()
	for _, doc := range docs {
		require.NoError(t, d.Statement(doc))
	}
	require.NoError(t, d.Finish())
	if diff := cmp.Diff(want, d.Batch.Statements); diff != "" {
		t.Errorf("Statement mismatch (-want +got):\n%s", diff)
	}
	good := docs[0]
	bad := []struct {
		name string
		doc  []byte
	}{
		{name: "json-array", doc: []byte(`[]`)},
		{name: "empty", doc: nil},
		{name: "json-act", doc: []byte(`{"id":"a","act":"shout"}`)},
		{name: "json-field", doc: []byte(`{"id":"a","colour":1}`)},
		{name: "compact-short", doc: good[:len(good)-3]},
		{name: "compact-long", doc: append(slices.Clone(good), 0)},
		{name: "compact-length", doc: []byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f}},
		{name: "compact-varint", doc: []byte{1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}},
		{name: "compact-act", doc: compactWith(t, "assert", "yelled")},
		{name: "compact-factuality", doc: compactWith(t, "CT+", "XX+")},
		{name: "compact-said", doc: compactWith(t, "2024-03", "2024-13")},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			d := rows.NewDecoder()
			assert.Error(t, errors.Join(d.Statement(tc.doc), d.Finish()))
		})
	}
	require.NoError(t, rows.NewDecoder().Finish())
}

// compactWith returns the compact row of a statement with one of its
// texts (an act, a factuality, a date) replaced by another of the same
// length.
func compactWith(t *testing.T, old, new string) []byte {
	t.Helper()
	s := claim.Statement{ID: "a", Claim: "c", Source: "s", Act: claim.ActAssert, Factuality: claim.CTPlus(), Said: claim.MustParseDate("2024-03")}
	e, err := rows.Encode(&story.Batch{Statements: []claim.Statement{s}})
	require.NoError(t, err)
	doc := e.Rows("statements")[0].Values[2].([]byte)
	i := bytes.Index(doc, []byte(old))
	require.GreaterOrEqual(t, i, 0)
	require.Len(t, new, len(old))
	return slices.Concat(doc[:i], []byte(new), doc[i+len(old):])
}

// TestCompactFields guards the compact layout: it writes each field of
// claim.Statement by hand, so a field added to claim.Statement must be
// added to the layout (story/internal/rows/compact.go) and to this list, or
// stores would drop it.
func TestCompactFields(t *testing.T) {
	fields := func(v any) []string {
		var out []string
		for f := range reflect.TypeOf(v).Fields() {
			out = append(out, f.Name+" "+f.Type.String())
		}
		return out
	}
	want := map[string][]string{
		"Statement": {"ID claim.StatementID", "Claim claim.ID", "Source source.ID", "Via []source.ID", "Act claim.Act",
			"Factuality claim.Factuality", "MachineAccepted bool", "Said claim.Date", "Mentions []claim.Mention"},
		"Mention": {"Article source.ArticleID", "Cue string", "Span claim.Span", "MachineAccepted bool"},
		"Span":    {"Start int", "End int", "Exact string", "Prefix string", "Suffix string"},
	}
	got := map[string][]string{
		"Statement": fields(claim.Statement{}),
		"Mention":   fields(claim.Mention{}),
		"Span":      fields(claim.Span{}),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claim's fields changed: update the compact layout of statements (-layout +claim):\n%s", diff)
	}
}

func TestRecode(t *testing.T) {
	var docs [][]byte
	for _, s := range compactCases {
		e, err := rows.Encode(&story.Batch{Statements: []claim.Statement{s}})
		require.NoError(t, err)
		js, err := json.Marshal(s)
		require.NoError(t, err)
		docs = append(docs, js, e.Rows("statements")[0].Values[2].([]byte))
	}
	got, err := rows.Recode(docs)
	require.NoError(t, err)
	require.Len(t, got, len(docs))
	d := rows.NewDecoder()
	for i, doc := range got {
		require.Equal(t, byte(1), doc[0], "row %d is compact", i)
		require.NoError(t, d.Statement(doc))
	}
	require.NoError(t, d.Finish())
	var want []claim.Statement
	for _, s := range compactCases {
		want = append(want, s, s)
	}
	if diff := cmp.Diff(want, d.Batch.Statements); diff != "" {
		t.Errorf("Recode mismatch (-want +got):\n%s", diff)
	}
	_, err = rows.Recode([][]byte{[]byte(`{"id":"a","act":"shout"}`)})
	assert.Error(t, err)
	_, err = rows.Recode([][]byte{{1, 5}})
	assert.Error(t, err)
}

// TestCompactFlags checks the flags that end a compact statement row: a
// statement without the machine-accepted mark is written as before the
// flags, one with it gains a single byte, and a bit no reader knows is
// refused.
func TestCompactFlags(t *testing.T) {
	s := compactCases[0]
	row := func(s claim.Statement) []byte {
		e, err := rows.Encode(&story.Batch{Statements: []claim.Statement{s}})
		require.NoError(t, err)
		return e.Rows("statements")[0].Values[2].([]byte)
	}
	plain := row(s)
	s.MachineAccepted = true
	marked := row(s)
	assert.Equal(t, append(slices.Clone(plain), 1), marked, "the mark is one byte at the end")
	tests := []struct {
		name    string
		tail    []byte
		machine bool
		mention bool
		ok      bool
	}{
		{name: "none", ok: true},
		{name: "machine", tail: []byte{1}, machine: true, ok: true},
		{name: "mention", tail: []byte{2, 1, 0}, mention: true, ok: true},
		{name: "both", tail: []byte{3, 1, 0}, machine: true, mention: true, ok: true},
		{name: "no-mentions", tail: []byte{2, 0}},
		{name: "too-many", tail: []byte{2, 2, 0, 0}},
		{name: "out-of-range", tail: []byte{2, 1, 1}},
		{name: "mention-cut", tail: []byte{2, 1}},
		{name: "zero", tail: []byte{0}},
		{name: "unknown", tail: []byte{4}},
		{name: "high", tail: []byte{0x81, 0x01}},
		{name: "after", tail: []byte{1, 0}},
		{name: "cut", tail: []byte{0x80}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := rows.NewDecoder()
			err := errors.Join(d.Statement(append(slices.Clone(plain), tc.tail...)), d.Finish())
			if !tc.ok {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Len(t, d.Batch.Statements, 1)
			assert.Equal(t, tc.machine, d.Batch.Statements[0].MachineAccepted)
			assert.Equal(t, tc.mention, d.Batch.Statements[0].Mentions[0].MachineAccepted)
		})
	}
}
