package timeline_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// TestExtendMentionsInvalid checks that a bad new mention gets an error
// naming its path in the mentions and the value, and that the timeline is
// unchanged.
func TestExtendMentionsInvalid(t *testing.T) {
	c := corpus(nil,
		st{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
		st{id: "s2", src: "korea", act: claim.ActDeny, f: claim.CTMinus(), said: "2024-03-10", at: []string{"a10"}},
	)
	base := build(t, c)
	day := pub("a20").Add(240 * time.Hour)
	late := source.Article{ID: "late", Published: day, Text: "it said quote s1 again"}
	early := source.Article{ID: "early", Published: pub("a2"), Text: "quote s2"}
	at := func(art source.ArticleID, start, end int, exact string) claim.Mention {
		return claim.Mention{Article: art, Span: claim.Span{Start: start, End: end, Exact: exact}}
	}
	good := at("late", 8, 16, "quote s1")
	newStmt := claim.Statement{ID: "s9", Claim: "c", Source: "us", Act: claim.ActAccuse, Factuality: claim.CTPlus(), Mentions: []claim.Mention{good}}
	tests := []struct {
		name  string
		add   *claim.Corpus
		more  []timeline.MentionOf
		field string
		value string
		err   error
	}{
		{name: "unknown-statement", add: &claim.Corpus{Articles: []source.Article{late}},
			more:  []timeline.MentionOf{{Statement: "ghost", Mention: good}},
			field: "mentions[0].statement", value: "ghost", err: timeline.ErrUnknownStatement},
		{name: "statement-in-fragment", add: &claim.Corpus{Articles: []source.Article{late}, Statements: []claim.Statement{newStmt}},
			more:  []timeline.MentionOf{{Statement: "s1", Mention: good}, {Statement: "s9", Mention: at("late", 0, 2, "it")}},
			field: "mentions[1].statement", value: "s9", err: timeline.ErrUnknownStatement},
		{name: "duplicate-held", add: &claim.Corpus{Articles: []source.Article{late}},
			more:  []timeline.MentionOf{{Statement: "s1", Mention: at("a3", 0, 5, "quote")}, {Statement: "s1", Mention: at("a1", 0, 8, "quote s1")}},
			field: "mentions[1].mention", value: "a1[0:8]", err: timeline.ErrInvalid},
		{name: "said-after-held", add: &claim.Corpus{},
			more:  []timeline.MentionOf{{Statement: "s2", Mention: at("a20", 0, 8, "quote s2")}, {Statement: "s2", Mention: at("a2", 0, 8, "quote s2")}},
			field: "mentions[0].statement.said", value: "2024-03-10", err: claim.ErrDate},
		{name: "article-unknown", add: &claim.Corpus{Articles: []source.Article{late}},
			more:  []timeline.MentionOf{{Statement: "s1", Mention: at("ghost", 0, 5, "quote")}},
			field: "mentions[0].mention.article", value: "ghost", err: timeline.ErrUnknownArticle},
		{name: "duplicate", add: &claim.Corpus{Articles: []source.Article{late}},
			more:  []timeline.MentionOf{{Statement: "s1", Mention: good}, {Statement: "s2", Mention: good}, {Statement: "s1", Mention: good}},
			field: "mentions[2].mention", value: "late[8:16]", err: timeline.ErrInvalid},
		{name: "span-outside", add: &claim.Corpus{Articles: []source.Article{late}},
			more:  []timeline.MentionOf{{Statement: "s1", Mention: good}, {Statement: "s1", Mention: at("late", 30, 35, "quote")}},
			field: "mentions[1].mention.span", value: "[30:35]", err: claim.ErrSpan},
		{name: "span-text", add: &claim.Corpus{Articles: []source.Article{late}},
			more:  []timeline.MentionOf{{Statement: "s2", Mention: at("late", 0, 2, "no")}},
			field: "mentions[0].mention.span", value: "[0:2]", err: claim.ErrSpan},
		{name: "empty-exact", add: &claim.Corpus{Articles: []source.Article{late}},
			more:  []timeline.MentionOf{{Statement: "s2", Mention: at("late", 4, 4, "")}},
			field: "mentions[0].mention.span.exact", value: "", err: claim.ErrEmpty},
		{name: "said-after-article", add: &claim.Corpus{Articles: []source.Article{early}},
			more:  []timeline.MentionOf{{Statement: "s2", Mention: at("early", 0, 8, "quote s2")}},
			field: "mentions[0].statement.said", value: "2024-03-10", err: claim.ErrDate},
	}
	before := outputsOf(t, base, nil)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := base.ExtendMentions(tc.add, tc.more)
			assert.Nil(t, got)
			require.ErrorIs(t, err, tc.err)
			assert.True(t, hasField(err, tc.field, tc.value), "error %v names no %s %q", err, tc.field, tc.value)
			if diff := cmp.Diff(before, outputsOf(t, base, nil), dateCmp); diff != "" {
				t.Errorf("ExtendMentions changed the timeline (-before +after):\n%s", diff)
			}
		})
	}
}

// TestExtendMentions extends with new mentions of statements the
// timeline holds and checks what each answers beside Build: the cases
// that stay incremental, and those that build whole.
func TestExtendMentions(t *testing.T) {
	c := corpus(nil,
		st{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
		st{id: "s2", src: "korea", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a3@10", "a5"}},
		st{id: "s3", src: "russia", act: claim.ActDeny, f: claim.CTMinus(), said: "2024-03-04"},
	)
	reprint := func(id string, published time.Time) source.Article {
		return source.Article{ID: source.ArticleID(id), Published: published, Reprints: "a3", Text: "quote s1 quote s2 quote s3"}
	}
	late := pub("a20").Add(time.Hour)
	at := func(art string, start int, stmt string) timeline.MentionOf {
		exact := "quote " + stmt
		return timeline.MentionOf{Statement: claim.StatementID(stmt), Mention: claim.Mention{Article: source.ArticleID(art), Span: claim.Span{Start: start, End: start + len(exact), Exact: exact}}}
	}
	tests := []struct {
		name        string
		add         *claim.Corpus
		more        []timeline.MentionOf
		incremental bool
	}{
		{name: "reprint", add: &claim.Corpus{Articles: []source.Article{reprint("r1", late)}},
			more: []timeline.MentionOf{at("r1", 9, "s2"), at("r1", 0, "s1")}, incremental: true},
		{name: "with-new-statement", add: &claim.Corpus{Articles: []source.Article{reprint("r1", late)}, Statements: []claim.Statement{
			{ID: "s9", Claim: "c", Source: "us", Act: claim.ActAccuse, Factuality: claim.CTPlus(), Mentions: []claim.Mention{at("r1", 0, "s1").Mention}},
		}}, more: []timeline.MentionOf{at("r1", 9, "s2")}, incremental: true},
		{name: "first-mention", add: &claim.Corpus{Articles: []source.Article{reprint("r1", late)}},
			more: []timeline.MentionOf{at("r1", 18, "s3")}},
		{name: "before-last", add: &claim.Corpus{Articles: []source.Article{reprint("r1", pub("a4"))}},
			more: []timeline.MentionOf{at("r1", 9, "s2")}},
		{name: "none", add: &claim.Corpus{Articles: []source.Article{reprint("r1", late)}}, incremental: true},
		// In articles the timeline holds: incremental while each
		// statement's first report stays its first.
		{name: "held-later", add: &claim.Corpus{},
			more: []timeline.MentionOf{at("a20", 0, "s2"), at("a3", 30, "s1"), at("a20", 9, "s1")}, incremental: true},
		{name: "held-same-article-later", add: &claim.Corpus{},
			more: []timeline.MentionOf{at("a3", 20, "s2")}, incremental: true},
		{name: "held-with-statement", add: &claim.Corpus{Statements: []claim.Statement{
			{ID: "s9", Claim: "c", Source: "us", Act: claim.ActAccuse, Factuality: claim.CTPlus(), Mentions: []claim.Mention{at("a20", 20, "s9").Mention}},
		}}, more: []timeline.MentionOf{at("a20", 0, "s1")}, incremental: true},
		{name: "held-with-reprint", add: &claim.Corpus{Articles: []source.Article{reprint("r1", late)}},
			more: []timeline.MentionOf{at("r1", 9, "s2"), at("a5", 30, "s1")}, incremental: true},
		{name: "held-before-first", add: &claim.Corpus{},
			more: []timeline.MentionOf{at("a2", 0, "s2")}},
		{name: "held-same-article-earlier", add: &claim.Corpus{},
			more: []timeline.MentionOf{at("a3", 0, "s2")}},
		{name: "held-first-mention", add: &claim.Corpus{},
			more: []timeline.MentionOf{at("a20", 0, "s3")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base := build(t, c)
			got, err := base.ExtendMentions(tc.add, tc.more)
			require.NoError(t, err)
			assert.Equal(t, tc.incremental, timeline.Incremental(got))
			whole := withMentions(appended(c, tc.add), tc.more)
			want := build(t, whole)
			times := instants(whole)
			if diff := cmp.Diff(outputsOf(t, want, times), outputsOf(t, got, times), dateCmp); diff != "" {
				t.Errorf("ExtendMentions mismatch with Build (-want +got):\n%s", diff)
			}
			// Extended again, with a later reprint of the same statements.
			next := reprint("r2", late.Add(time.Hour))
			more := []timeline.MentionOf{at("r2", 9, "s2")}
			again, err := got.ExtendMentions(&claim.Corpus{Articles: []source.Article{next}}, more)
			require.NoError(t, err)
			whole = withMentions(appended(whole, &claim.Corpus{Articles: []source.Article{next}}), more)
			times = instants(whole)
			if diff := cmp.Diff(outputsOf(t, build(t, whole), times), outputsOf(t, again, times), dateCmp); diff != "" {
				t.Errorf("second ExtendMentions mismatch with Build (-want +got):\n%s", diff)
			}
		})
	}
}
