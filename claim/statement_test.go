package claim_test

import (
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// mentionArticle is the article the MentionOf tests quote: "denied" occurs
// twice, in two different sentences.
var mentionArticle = source.Article{
	ID:        "n1",
	Published: time.Date(2025, 1, 10, 8, 0, 0, 0, time.UTC),
	Text: "Halvard’s ministry denied on Friday that the dam at Tarnow was closed. " +
		"Tarnow officials denied it too. Tarnow officials said the dam was open.",
}

func TestMentionOf(t *testing.T) {
	const denial = "Halvard’s ministry denied on Friday that the dam at Tarnow was closed."
	span, err := claim.Find(mentionArticle.Text, denial)
	require.NoError(t, err)

	tests := []struct {
		name      string
		article   source.Article
		cue       string
		quote     string
		want      claim.Mention
		wantErr   error
		wantField string
	}{
		{name: "found", article: mentionArticle, cue: "denied", quote: denial,
			want: claim.Mention{Article: "n1", Cue: "denied", Span: span}},
		{name: "cue-case-ignored", article: mentionArticle, cue: "DENIED", quote: denial,
			want: claim.Mention{Article: "n1", Cue: "DENIED", Span: span}},
		{name: "no-cue", article: mentionArticle, quote: denial,
			want: claim.Mention{Article: "n1", Span: span}},
		{name: "text-empty", article: source.Article{ID: "n2"}, cue: "denied", quote: denial,
			wantErr: claim.ErrEmpty, wantField: "text"},
		{name: "quote-empty", article: mentionArticle, quote: "",
			wantErr: claim.ErrEmpty, wantField: "exact"},
		{name: "not-found", article: mentionArticle, cue: "denied", quote: "Halvard’s ministry confirmed",
			wantErr: claim.ErrNotFound, wantField: "exact"},
		{name: "ambiguous", article: mentionArticle, cue: "said", quote: "Tarnow officials",
			wantErr: claim.ErrAmbiguous, wantField: "exact"},
		{name: "cue-outside-quote", article: mentionArticle, cue: "said", quote: denial,
			wantErr: claim.ErrSpan, wantField: "cue"},
		{name: "cue-invalid-utf8", article: mentionArticle, cue: "den\xffied", quote: denial,
			wantErr: claim.ErrInvalidUTF8, wantField: "cue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.MentionOf(tc.article, tc.cue, tc.quote)
			if tc.wantErr != nil {
				assert.ErrorIs(t, err, tc.wantErr)
				var fe *claim.FieldError
				if assert.ErrorAs(t, err, &fe) {
					assert.Equal(t, tc.wantField, fe.Field)
				}
				assert.Equal(t, claim.Mention{}, got)
				return
			}
			require.NoError(t, err)
			if diff := gocmp.Diff(tc.want, got); diff != "" {
				t.Errorf("MentionOf(%q, %q, %q) mismatch (-want +got):\n%s", tc.article.ID, tc.cue, tc.quote, diff)
			}
		})
	}
}

func TestMentionOfNth(t *testing.T) {
	second, err := claim.FindNth(mentionArticle.Text, "Tarnow officials", 2)
	require.NoError(t, err)

	tests := []struct {
		name      string
		article   source.Article
		cue       string
		quote     string
		n         int
		want      claim.Mention
		wantErr   error
		wantField string
	}{
		{name: "second", article: mentionArticle, cue: "officials", quote: "Tarnow officials", n: 2,
			want: claim.Mention{Article: "n1", Cue: "officials", Span: second}},
		{name: "only", article: mentionArticle, quote: "was open.", n: 1,
			// Byte offsets: the "’" before them takes three bytes.
			want: claim.Mention{Article: "n1", Span: claim.Span{Start: 135, End: 144, Exact: "was open.",
				Prefix: ". Tarnow officials said the dam ", Suffix: ""}}},
		{name: "text-empty", article: source.Article{ID: "n2"}, quote: "Tarnow officials", n: 1,
			wantErr: claim.ErrEmpty, wantField: "text"},
		{name: "too-few", article: mentionArticle, quote: "Tarnow officials", n: 3,
			wantErr: claim.ErrNotFound, wantField: "exact"},
		{name: "n-zero", article: mentionArticle, quote: "Tarnow officials", n: 0,
			wantErr: claim.ErrInvalid, wantField: "n"},
		{name: "cue-outside-quote", article: mentionArticle, cue: "denied", quote: "Tarnow officials", n: 1,
			wantErr: claim.ErrSpan, wantField: "cue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.MentionOfNth(tc.article, tc.cue, tc.quote, tc.n)
			if tc.wantErr != nil {
				assert.ErrorIs(t, err, tc.wantErr)
				var fe *claim.FieldError
				if assert.ErrorAs(t, err, &fe) {
					assert.Equal(t, tc.wantField, fe.Field)
				}
				assert.Equal(t, claim.Mention{}, got)
				return
			}
			require.NoError(t, err)
			if diff := gocmp.Diff(tc.want, got); diff != "" {
				t.Errorf("MentionOfNth(%q, %q, %q, %d) mismatch (-want +got):\n%s", tc.article.ID, tc.cue, tc.quote, tc.n, diff)
			}
		})
	}
}

// TestMentionOfValidates checks that what MentionOf returns passes
// Corpus.Validate in a corpus that holds the article.
func TestMentionOfValidates(t *testing.T) {
	tests := []struct {
		name string
		make func() (claim.Mention, error)
	}{
		{name: "one", make: func() (claim.Mention, error) {
			return claim.MentionOf(mentionArticle, "denied", "Halvard’s ministry denied on Friday")
		}},
		{name: "nth", make: func() (claim.Mention, error) {
			return claim.MentionOfNth(mentionArticle, "Denied", "denied", 2)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := tc.make()
			require.NoError(t, err)
			c := claim.Corpus{
				Sources:  []source.Source{{ID: "halvard", Name: "Halvard"}},
				Articles: []source.Article{mentionArticle},
				Claims:   []claim.Claim{{ID: "closed", Text: "The dam at Tarnow is closed"}},
				Statements: []claim.Statement{{ID: "s", Claim: "closed", Source: "halvard", Act: claim.ActDeny, Factuality: claim.CTMinus,
					Mentions: []claim.Mention{m}}},
			}
			assert.NoError(t, c.Validate())
		})
	}
}
