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

// nearArticle is the article the tests of cues next to a quote use. "Dam at
// Tarnow closed" is printed twice, as the headline, with "says" after it,
// and in the body, with "reported" after it; "the agency" follows both.
var nearArticle = source.Article{
	ID:        "n3",
	Published: time.Date(2025, 1, 10, 8, 0, 0, 0, time.UTC),
	Text: "Dam at Tarnow closed, the agency says\n" +
		"Halvard’s ministry said on Friday that the dam at Tarnow was closed. “The dam is open,” a Tarnow official said. " +
		"Dam at Tarnow closed, the agency reported. Halvard said on Friday morning that the dam was shut, officials said.\n" +
		"Tarnow officials denied it. The dam is open.",
}

func TestMentionOf(t *testing.T) {
	const denial = "Halvard’s ministry denied on Friday that the dam at Tarnow was closed."

	tests := []struct {
		name    string
		article source.Article
		cue     string
		quote   string
		// wantExact is the text the mention's span quotes, found once in
		// the article.
		wantExact string
		wantErr   error
		wantField string
	}{
		{name: "cue-within", article: mentionArticle, cue: "denied", quote: denial, wantExact: denial},
		{name: "cue-case-ignored", article: mentionArticle, cue: "DENIED", quote: denial, wantExact: denial},
		{name: "no-cue", article: mentionArticle, quote: denial, wantExact: denial},
		{name: "cue-before", article: nearArticle, cue: "said", quote: "that the dam at Tarnow was closed.",
			wantExact: "said on Friday that the dam at Tarnow was closed."},
		{name: "cue-before-case-ignored", article: nearArticle, cue: "SAID", quote: "that the dam at Tarnow was closed.",
			wantExact: "said on Friday that the dam at Tarnow was closed."},
		{name: "cue-after", article: nearArticle, cue: "said", quote: "The dam is open,",
			wantExact: "The dam is open,” a Tarnow official said"},
		{name: "cue-overlaps-quote", article: nearArticle, cue: "Halvard’s ministry", quote: "ministry said on Friday",
			wantExact: "Halvard’s ministry said on Friday"},
		{name: "nearest-before", article: nearArticle, cue: "said", quote: "on Friday morning that the dam was shut",
			wantExact: "said on Friday morning that the dam was shut"},
		{name: "nearest-after", article: nearArticle, cue: "said", quote: "the dam was shut",
			wantExact: "the dam was shut, officials said"},
		{name: "twice-cue-next-to-one", article: nearArticle, cue: "reported", quote: "Dam at Tarnow closed",
			wantExact: "Dam at Tarnow closed, the agency reported"},
		{name: "twice-cue-next-to-headline", article: nearArticle, cue: "says", quote: "Dam at Tarnow closed",
			wantExact: "Dam at Tarnow closed, the agency says"},
		{name: "twice-cue-within-one", article: mentionArticle, cue: "said", quote: "Tarnow officials",
			wantExact: "Tarnow officials said"},
		{name: "no-cue-once", article: nearArticle, quote: "that the dam at Tarnow was closed.",
			wantExact: "that the dam at Tarnow was closed."},
		{name: "twice-cue-next-to-both", article: nearArticle, cue: "the agency", quote: "Dam at Tarnow closed",
			wantErr: claim.ErrAmbiguous, wantField: "exact"},
		{name: "twice-cue-next-to-none", article: nearArticle, cue: "denied", quote: "Dam at Tarnow closed",
			wantErr: claim.ErrAmbiguous, wantField: "exact"},
		{name: "twice-no-cue", article: nearArticle, quote: "Dam at Tarnow closed",
			wantErr: claim.ErrAmbiguous, wantField: "exact"},
		{name: "cue-across-sentence-end", article: nearArticle, cue: "said", quote: "Dam at Tarnow closed, the agency reported.",
			wantErr: claim.ErrSpan, wantField: "cue"},
		{name: "cue-across-line-end", article: nearArticle, cue: "says", quote: "Halvard’s ministry said",
			wantErr: claim.ErrSpan, wantField: "cue"},
		{name: "cue-in-another-sentence", article: mentionArticle, cue: "said", quote: denial,
			wantErr: claim.ErrSpan, wantField: "cue"},
		{name: "text-empty", article: source.Article{ID: "n2"}, cue: "denied", quote: denial,
			wantErr: claim.ErrEmpty, wantField: "text"},
		{name: "quote-empty", article: mentionArticle, quote: "",
			wantErr: claim.ErrEmpty, wantField: "exact"},
		{name: "not-found", article: mentionArticle, cue: "denied", quote: "Halvard’s ministry confirmed",
			wantErr: claim.ErrNotFound, wantField: "exact"},
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
			span, err := claim.Find(tc.article.Text, tc.wantExact)
			require.NoError(t, err)
			want := claim.Mention{Article: tc.article.ID, Cue: tc.cue, Span: span}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("MentionOf(%q, %q, %q) mismatch (-want +got):\n%s", tc.article.ID, tc.cue, tc.quote, diff)
			}
		})
	}
}

func TestMentionOfNth(t *testing.T) {
	second, err := claim.FindNth(mentionArticle.Text, "Tarnow officials", 2)
	require.NoError(t, err)
	firstDenied, err := claim.Find(mentionArticle.Text, "Tarnow officials denied")
	require.NoError(t, err)
	headline, err := claim.Locate(nearArticle.Text, 0, len("Dam at Tarnow closed, the agency")) // the headline
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
		{name: "cue-after", article: mentionArticle, cue: "denied", quote: "Tarnow officials", n: 1,
			want: claim.Mention{Article: "n1", Cue: "denied", Span: firstDenied}},
		{name: "cue-next-to-both", article: nearArticle, cue: "the agency", quote: "Dam at Tarnow closed", n: 1,
			want: claim.Mention{Article: "n3", Cue: "the agency", Span: headline}},
		{name: "text-empty", article: source.Article{ID: "n2"}, quote: "Tarnow officials", n: 1,
			wantErr: claim.ErrEmpty, wantField: "text"},
		{name: "too-few", article: mentionArticle, quote: "Tarnow officials", n: 3,
			wantErr: claim.ErrNotFound, wantField: "exact"},
		{name: "n-zero", article: mentionArticle, quote: "Tarnow officials", n: 0,
			wantErr: claim.ErrInvalid, wantField: "n"},
		{name: "cue-in-another-sentence", article: mentionArticle, cue: "denied", quote: "Tarnow officials", n: 2,
			wantErr: claim.ErrSpan, wantField: "cue"},
		{name: "cue-invalid-utf8", article: mentionArticle, cue: "den\xffied", quote: "Tarnow officials", n: 1,
			wantErr: claim.ErrInvalidUTF8, wantField: "cue"},
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
		{name: "cue-before", make: func() (claim.Mention, error) {
			return claim.MentionOf(mentionArticle, "Denied", "that the dam at Tarnow was closed.")
		}},
		{name: "cue-after", make: func() (claim.Mention, error) {
			return claim.MentionOf(mentionArticle, "denied", "Tarnow officials")
		}},
		{name: "nth-cue-after", make: func() (claim.Mention, error) {
			return claim.MentionOfNth(mentionArticle, "said", "Tarnow officials", 2)
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
				Statements: []claim.Statement{{ID: "s", Claim: "closed", Source: "halvard", Act: claim.ActDeny, Factuality: claim.CTMinus(),
					Mentions: []claim.Mention{m}}},
			}
			assert.NoError(t, c.Validate())
		})
	}
}
