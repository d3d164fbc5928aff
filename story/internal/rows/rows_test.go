package rows_test

import (
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
			err = d.Statement(doc)
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
					err = again.Statement(doc)
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

func TestStatements(t *testing.T) {
	var docs [][]byte
	var want []claim.Statement
	for i, s := range []claim.Statement{
		{ID: "a", Claim: "c", Source: "s", Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.MustParseDate("2024-03"),
			Mentions: []claim.Mention{{Article: "x", Cue: "denied", Span: claim.Span{Start: 1, End: 7, Exact: "denied"}}}},
		{ID: "b", Claim: "c", Source: "s", Act: claim.ActReport, Via: []source.ID{"v"}},
	} {
		e, err := rows.Encode(&story.Batch{Statements: []claim.Statement{s}})
		require.NoError(t, err)
		doc := e.Rows("statements")[0].Values[2].([]byte)
		if i == 1 {
			doc = append([]byte(" {  "), doc[1:]...) // as a database may space it
		}
		docs = append(docs, doc)
		want = append(want, s)
	}
	d := rows.NewDecoder()
	require.NoError(t, d.Statements(docs))
	if diff := cmp.Diff(want, d.Batch.Statements); diff != "" {
		t.Errorf("Statements mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []string{`[]`, ``, `{"id":"a","act":"shout"}`, `{"id":"a","colour":1}`} {
		assert.Error(t, rows.NewDecoder().Statements([][]byte{[]byte(bad)}), bad)
	}
	require.NoError(t, rows.NewDecoder().Statements(nil))
}
