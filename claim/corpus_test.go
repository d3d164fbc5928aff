package claim_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// corpusDir holds the corpus fixtures: valid.json and minimal.json are
// valid, the others are broken in the way their names say.
const corpusDir = "testdata/corpus"

func TestLoad(t *testing.T) {
	c, err := claim.Load(filepath.Join(corpusDir, "valid.json"))
	require.NoError(t, err)

	type counts struct{ Sources, Articles, Claims, Statements, Mentions int }
	got := counts{len(c.Sources), len(c.Articles), len(c.Claims), len(c.Statements), 0}
	for _, s := range c.Statements {
		got.Mentions += len(s.Mentions)
	}
	if diff := gocmp.Diff(counts{10, 3, 4, 7, 8}, got); diff != "" {
		t.Errorf("Load(valid.json) counts mismatch (-want +got):\n%s", diff)
	}

	// Spot-check values that go through each kind of decoding.
	s2 := c.Statements[1]
	assert.Equal(t, claim.StatementID("s2"), s2.ID)
	assert.Equal(t, claim.ActDeny, s2.Act)
	assert.Equal(t, claim.CTMinus(), s2.Factuality)
	assert.Equal(t, "denied", s2.Mentions[0].Cue)
	assert.Equal(t, "A spokesman for Marrak’s foreign ministry denied the report, calling it “a fabrication”.", s2.Mentions[0].Quote())
	assert.Equal(t, claim.Year(2022), c.Statements[6].Said)
	assert.Equal(t, claim.MustParseDate("2024-04-01T16:30:00Z"), c.Statements[4].Said)
	assert.Equal(t, claim.RoleAccused, c.Claims[0].Actors[0].Role)
	assert.Equal(t, claim.RelationRefines, c.Claims[1].Relations[0].Kind)
	assert.True(t, c.Articles[2].Published.Equal(time.Date(2024, 4, 2, 12, 0, 0, 0, time.UTC)))

	r, err := c.Registry()
	require.NoError(t, err)
	origin, ok := r.Origin("a2")
	assert.True(t, ok)
	assert.Equal(t, source.ArticleID("a1"), origin)
	root, ok := r.Root("marrak-fm-spokesman")
	assert.True(t, ok)
	assert.Equal(t, source.ID("marrak"), root)
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		file      string
		wantErr   error
		wantField string
		wantValue string
	}{
		{file: "invalid-utf8.json", wantErr: claim.ErrInvalidUTF8, wantField: "claims[0].text", wantValue: "byte offset 45"},
		{file: "unknown-field.json", wantErr: claim.ErrUnknownField, wantField: "claims[0]", wantValue: "confidence"},
		{file: "trailing-data.json", wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "byte offset 139"},
		{file: "unknown-act.json", wantErr: claim.ErrUnknownName, wantField: "statements[0].act", wantValue: "denyy"},
		{file: "syntax-error.json", wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "byte offset 22"},
		{file: "wrong-type.json", wantErr: claim.ErrInvalid, wantField: "statements[0].mentions[0].span.start", wantValue: "ten"},
	}
	for _, tc := range tests {
		t.Run(strings.TrimSuffix(tc.file, ".json"), func(t *testing.T) {
			c, err := claim.Load(filepath.Join(corpusDir, tc.file))
			assert.Nil(t, c)
			assert.ErrorIs(t, err, tc.wantErr)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, tc.wantField, fe.Field)
				assert.Equal(t, tc.wantValue, fe.Value)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	c, err := claim.Load(filepath.Join(corpusDir, "no-such-corpus.json"))
	assert.Nil(t, c)
	assert.ErrorIs(t, err, fs.ErrNotExist)
	var pe *fs.PathError
	assert.ErrorAs(t, err, &pe)
}

// TestLoadBroken checks that one Load reports every problem of broken.json,
// each as a field error with its path and value.
func TestLoadBroken(t *testing.T) {
	c, err := claim.Load(filepath.Join(corpusDir, "broken.json"))
	assert.Nil(t, c)
	require.Error(t, err)

	// Load prefixes each problem with the file name and keeps them joined.
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "Load error %T does not join its problems", err)
	want := []problem{
		{"format", "claimtrail/9", claim.ErrInvalid},
		{"sources[1].aliases[0]", "Tarnow government", source.ErrAliasConflict},
		{"sources[2].id", "tarnow", source.ErrDuplicateID},
		{"sources[3].parent", "loop-b", source.ErrCycle},
		{"articles[1].id", "b1", source.ErrDuplicateID},
		{"claims[1].id", "closed", claim.ErrDuplicateID},
		{"claims[2].text", "", claim.ErrEmpty},
		{"claims[4].relations[0].to", "loop-1", claim.ErrCycle},
		{"claims[5].relations[0].to", "self", claim.ErrCycle},
		{"claims[6].relations[0].to", "nowhere", claim.ErrUnknownClaim},
		{"claims[7].relations[0].kind", "unknown", claim.ErrInvalid},
		{"claims[8].actors[0].source", "stranger", claim.ErrUnknownSource},
		{"statements[1].id", "ok", claim.ErrDuplicateID},
		{"statements[2].claim", "missing", claim.ErrUnknownClaim},
		{"statements[3].source", "ghost", claim.ErrUnknownSource},
		{"statements[4].via[0]", "ghost-relay", claim.ErrUnknownSource},
		{"statements[5].mentions[0].article", "b9", claim.ErrUnknownArticle},
		{"statements[6].mentions[0].span", "[88:106]", claim.ErrSpan},
		{"statements[7].mentions[0].span", "[45:63]", claim.ErrSpan},
		{"statements[8].mentions[0].span.prefix", "Ministers said the dam was closed. ", claim.ErrSpan},
		{"statements[9].mentions[0].span", "[45:66]", claim.ErrSpan},
		{"statements[10].mentions[0].cue", "rejected", claim.ErrSpan},
		{"statements[11].factuality", "CT+", claim.ErrFactuality},
		{"statements[12].act", "unknown", claim.ErrInvalid},
		{"statements[13].mentions", "", claim.ErrEmpty},
	}
	got := problemsOf(t, errors.Join(joined.Unwrap()...))
	assert.Len(t, joined.Unwrap(), len(want), "number of problems")
	if diff := gocmp.Diff(want, got, problemOpts); diff != "" {
		t.Errorf("Load(broken.json) problems mismatch (-want +got):\n%s", diff)
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	for _, file := range []string{"valid.json", "minimal.json"} {
		t.Run(strings.TrimSuffix(file, ".json"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(corpusDir, file))
			require.NoError(t, err)
			first, err := claim.Decode(bytes.NewReader(data))
			require.NoError(t, err)

			out, err := json.Marshal(first)
			require.NoError(t, err)
			second, err := claim.Decode(bytes.NewReader(out))
			require.NoError(t, err, "Decode(json.Marshal(corpus))")
			if diff := gocmp.Diff(first, second, dateComparer, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Decode(json.Marshal(corpus)) mismatch (-want +got):\n%s", diff)
			}
			again, err := json.Marshal(second)
			require.NoError(t, err)
			assert.JSONEq(t, string(out), string(again), "marshalling is not stable")
		})
	}
}

// TestDecodeMarshalsNames checks that enums and dates are written as names,
// never as numbers.
func TestDecodeMarshalsNames(t *testing.T) {
	c, err := claim.Load(filepath.Join(corpusDir, "valid.json"))
	require.NoError(t, err)
	out, err := json.Marshal(c)
	require.NoError(t, err)

	type statement struct{ ID, Act, Factuality, Said string }
	type relation struct{ Kind, To string }
	type actor struct{ Source, Role string }
	type claimJSON struct {
		ID        string
		Event     string
		Actors    []actor
		Relations []relation
	}
	var got struct {
		Format     string
		Sources    []struct{ ID, Kind, Identity string }
		Claims     []claimJSON
		Statements []statement
	}
	require.NoError(t, json.Unmarshal(out, &got))

	assert.Equal(t, claim.Format, got.Format)
	assert.Equal(t, "unnamed", got.Sources[2].Identity)
	assert.Equal(t, "agency", got.Sources[2].Kind)
	wantClaims := []claimJSON{
		{ID: "shipments", Event: "2023", Actors: []actor{{"marrak", "accused"}, {"rebels", "beneficiary"}}},
		{ID: "engines-2023", Event: "2023", Actors: []actor{{"marrak", "accused"}, {"rebels", ""}}, Relations: []relation{{"refines", "shipments"}}},
		{ID: "eastport-route", Relations: []relation{{"part-of", "shipments"}}},
		{ID: "exports-halted", Event: "2024-02", Relations: []relation{{"contradicts", "shipments"}, {"supersedes", "eastport-route"}}},
	}
	if diff := gocmp.Diff(wantClaims, got.Claims); diff != "" {
		t.Errorf("json.Marshal(corpus) claims mismatch (-want +got):\n%s", diff)
	}
	wantStatements := []statement{
		{"s1", "accuse", "CT+", "2024-03-04"},
		{"s2", "deny", "CT-", ""},
		{"s3", "assert", "PR+", ""},
		{"s4", "assert", "PR+", "2024-04"},
		{"s5", "decline-comment", "Uu", "2024-04-01T16:30:00Z"},
		{"s6", "question", "PS-", ""},
		{"s7", "warn", "CTu", "2022"},
	}
	if diff := gocmp.Diff(wantStatements, got.Statements); diff != "" {
		t.Errorf("json.Marshal(corpus) statements mismatch (-want +got):\n%s", diff)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *claim.Corpus
	}{
		{name: "empty-object", in: `{}`, want: &claim.Corpus{}},
		{name: "trailing-space", in: "{}\n\t \n", want: &claim.Corpus{}},
		{name: "format", in: `{"format":"claimtrail/1"}`, want: &claim.Corpus{Format: claim.Format}},
		{
			name: "names-any-case",
			in: `{"claims":[{"id":"c","text":"t"}],"statements":[` +
				`{"id":"s","claim":"c","source":"absent","act":"DENY","factuality":"ct-","said":"2025-01"}]}`,
			want: &claim.Corpus{
				Claims: []claim.Claim{{ID: "c", Text: "t"}},
				Statements: []claim.Statement{{
					ID: "s", Claim: "c", Source: source.AbsentID, Act: claim.ActDeny,
					Factuality: claim.CTMinus(), Said: claim.Month(2025, time.January),
				}},
			},
		},
		{
			name: "article-wire",
			in: `{"sources":[{"id":"ap","name":"Associated Press","kind":"media-outlet"}],` +
				`"articles":[{"id":"a","published":"2024-03-04T18:00:00Z","wire":"ap"}]}`,
			want: &claim.Corpus{
				Sources:  []source.Source{{ID: "ap", Name: "Associated Press", Kind: source.KindMediaOutlet}},
				Articles: []source.Article{{ID: "a", Published: time.Date(2024, 3, 4, 18, 0, 0, 0, time.UTC), Wire: "ap"}},
			},
		},
		{
			name: "factuality-words",
			in: `{"claims":[{"id":"c","text":"t"}],"statements":[` +
				`{"id":"s","claim":"c","source":"absent","act":"deny","factuality":"certain negates","said":"2025"},` +
				`{"id":"t","claim":"c","source":"absent","act":"assert","factuality":"Affirms-Probable","said":"2025"},` +
				`{"id":"u","claim":"c","source":"absent","act":"warn","factuality":"uncommitted","said":"2025"}]}`,
			want: &claim.Corpus{
				Claims: []claim.Claim{{ID: "c", Text: "t"}},
				Statements: []claim.Statement{
					{ID: "s", Claim: "c", Source: source.AbsentID, Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.Year(2025)},
					{ID: "t", Claim: "c", Source: source.AbsentID, Act: claim.ActAssert, Factuality: claim.PRPlus(), Said: claim.Year(2025)},
					{ID: "u", Claim: "c", Source: source.AbsentID, Act: claim.ActWarn, Factuality: claim.Uu(), Said: claim.Year(2025)},
				},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.Decode(strings.NewReader(tc.in))
			require.NoError(t, err)
			if diff := gocmp.Diff(tc.want, got, dateComparer, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Decode(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	const claims = `"claims":[{"id":"c","text":"t"}]`
	tests := []struct {
		name      string
		in        string
		wantErr   error
		wantField string
		wantValue string
	}{
		{name: "empty-input", in: ``, wantErr: claim.ErrEmpty, wantField: "corpus"},
		{name: "truncated", in: `{"claims":[`, wantErr: claim.ErrInvalid, wantField: "corpus"},
		{name: "syntax", in: `{"claims":[}`, wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "byte offset 11"},
		{name: "array", in: `[]`, wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "array"},
		{name: "string", in: `"corpus"`, wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "corpus"},
		{name: "wrong-type", in: `{"claims":[{"id":7}]}`, wantErr: claim.ErrInvalid, wantField: "claims[0].id", wantValue: "7"},
		{name: "unknown-field", in: `{"claim":[]}`, wantErr: claim.ErrUnknownField, wantField: "corpus", wantValue: "claim"},
		{name: "field-name-case", in: `{"CLAIMS":[]}`, wantErr: claim.ErrUnknownField, wantField: "corpus", wantValue: "CLAIMS"},
		{name: "duplicate-key", in: `{"claims":[],"claims":[]}`, wantErr: claim.ErrDuplicateKey, wantField: "claims", wantValue: "claims"},
		{name: "lone-surrogate", in: `{"format":"\ud800x"}`, wantErr: claim.ErrInvalidUTF8, wantField: "corpus", wantValue: "byte offset 11"},
		{name: "null", in: `null`, wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "null"},
		{name: "unknown-nested-field", in: `{"sources":[{"id":"x","name":"X","rank":1}]}`, wantErr: claim.ErrUnknownField, wantField: "sources[0]", wantValue: "rank"},
		{name: "trailing-object", in: `{} {}`, wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "byte offset 3"},
		{name: "trailing-garbage", in: "{}\n\tx", wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "byte offset 4"},
		{name: "invalid-utf8", in: "{\"format\":\"claim\xfftrail/1\"}", wantErr: claim.ErrInvalidUTF8, wantField: "format", wantValue: "byte offset 16"},
		{name: "truncated-rune", in: "{\"format\":\"\xe2\x80\"}", wantErr: claim.ErrInvalidUTF8, wantField: "format", wantValue: "byte offset 11"},
		{
			name:    "unknown-act",
			in:      `{` + claims + `,"statements":[{"id":"s","claim":"c","source":"absent","act":"denyy","said":"2025"}]}`,
			wantErr: claim.ErrUnknownName, wantField: "statements[0].act", wantValue: "denyy",
		},
		{
			name:    "unknown-factuality",
			in:      `{` + claims + `,"statements":[{"id":"s","claim":"c","source":"absent","act":"deny","factuality":"CT","said":"2025"}]}`,
			wantErr: claim.ErrUnknownName, wantField: "statements[0].factuality", wantValue: "CT",
		},
		{
			name:    "factuality-words-invalid",
			in:      `{` + claims + `,"statements":[{"id":"s","claim":"c","source":"absent","act":"assert","factuality":"probable undetermined","said":"2025"}]}`,
			wantErr: claim.ErrUnknownName, wantField: "statements[0].factuality", wantValue: "probable undetermined",
		},
		{
			name:    "unknown-relation",
			in:      `{"claims":[{"id":"c","text":"t","relations":[{"kind":"unknown","to":"c"}]}]}`,
			wantErr: claim.ErrInvalid, wantField: "claims[0].relations[0].kind", wantValue: "unknown",
		},
		{
			name:    "unknown-role",
			in:      `{"claims":[{"id":"c","text":"t","actors":[{"source":"absent","role":"villain"}]}]}`,
			wantErr: claim.ErrUnknownName, wantField: "claims[0].actors[0].role", wantValue: "villain",
		},
		{
			name:    "bad-date",
			in:      `{` + claims + `,"statements":[{"id":"s","claim":"c","source":"absent","act":"deny","said":"last year"}]}`,
			wantErr: claim.ErrDate, wantField: "statements[0].said", wantValue: "last year",
		},
		{
			name:    "invalid-corpus",
			in:      `{"format":"claimtrail/1",` + claims + `,"statements":[{"id":"s","claim":"d","source":"absent","act":"report","said":"2025"}]}`,
			wantErr: claim.ErrUnknownClaim, wantField: "statements[0].claim", wantValue: "d",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.Decode(strings.NewReader(tc.in))
			assert.Nil(t, got)
			assert.ErrorIs(t, err, tc.wantErr)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, tc.wantField, fe.Field)
				if tc.wantValue != "" {
					assert.Equal(t, tc.wantValue, fe.Value)
				}
			}
		})
	}
}

func TestDecodeSourceErrors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantErr   error
		wantField string
	}{
		{name: "unknown-kind", in: `{"sources":[{"id":"x","name":"X","kind":"alien"}]}`, wantErr: source.ErrUnknownName, wantField: "sources[0].kind"},
		{name: "unknown-identity", in: `{"sources":[{"id":"x","name":"X","identity":"secret"}]}`, wantErr: source.ErrUnknownName, wantField: "sources[0].identity"},
		{name: "absent-declared-named", in: `{"sources":[{"id":"absent","name":"Nobody"}]}`, wantErr: source.ErrInvalid, wantField: "sources[0].identity"},
		{name: "published-not-rfc3339", in: `{"articles":[{"id":"a","published":"04.03.2024"}]}`, wantErr: source.ErrInvalid, wantField: "articles[0].published"},
		{name: "language", in: `{"articles":[{"id":"a","published":"2024-03-04T18:00:00Z","language":"English"}]}`, wantErr: source.ErrInvalid, wantField: "articles[0].language"},
		{name: "unknown-wire", in: `{"articles":[{"id":"a","published":"2024-03-04T18:00:00Z","wire":"ap"}]}`, wantErr: source.ErrUnknownSource, wantField: "articles[0].wire"},
		{name: "absent-wire", in: `{"articles":[{"id":"a","published":"2024-03-04T18:00:00Z","wire":"absent"}]}`, wantErr: source.ErrInvalid, wantField: "articles[0].wire"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.Decode(strings.NewReader(tc.in))
			assert.Nil(t, got)
			assert.ErrorIs(t, err, tc.wantErr)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, tc.wantField, fe.Field)
			}
		})
	}
}

// errReader fails every read.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestDecodeReadError(t *testing.T) {
	c, err := claim.Decode(errReader{io.ErrClosedPipe})
	assert.Nil(t, c)
	assert.ErrorIs(t, err, io.ErrClosedPipe)
}
