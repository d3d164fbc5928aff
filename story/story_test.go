package story_test

import (
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

var ctx = context.Background()

// newStory returns a story of the fixture's sources with its first n
// articles added.
func newStory(t *testing.T, n int, opts story.Options) (*story.Story, []*story.Added) {
	t.Helper()
	srcs, arts := fixture(t)
	opts.Sources = srcs
	s, err := story.New("shells", opts)
	require.NoError(t, err)
	var out []*story.Added
	for _, a := range arts[:n] {
		ad, err := s.Add(ctx, a)
		require.NoError(t, err)
		out = append(out, ad)
	}
	return s, out
}

func TestNew(t *testing.T) {
	tests := []struct {
		name  string
		id    string
		srcs  []source.Source
		field string
		want  error
	}{
		{name: "empty-id", id: "", field: "id", want: story.ErrInvalid},
		{name: "slash", id: "a/b", field: "id", want: story.ErrInvalid},
		{name: "dot-first", id: ".hidden", field: "id", want: story.ErrInvalid},
		{name: "bad-sources", id: "ok", srcs: []source.Source{{ID: "a", Name: "A"}, {ID: "a", Name: "B"}}, want: source.ErrDuplicateID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := story.New(tc.id, story.Options{Sources: tc.srcs})
			assert.ErrorIs(t, err, tc.want)
			if tc.field != "" {
				var fe *story.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, tc.field, fe.Field)
			}
		})
	}
	s, err := story.New("shells-2025_v1.0", story.Options{})
	require.NoError(t, err)
	assert.Equal(t, "shells-2025_v1.0", s.ID())
}

func TestAddErrors(t *testing.T) {
	s, _ := newStory(t, 1, story.Options{})
	at := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	tests := []struct {
		name  string
		ctx   context.Context
		a     source.Article
		field string
		want  error
	}{
		{name: "no-id", a: source.Article{Text: "x", Published: at}, field: "article.id", want: story.ErrEmpty},
		{name: "duplicate", a: source.Article{ID: "herald-03-02", Text: "x", Published: at}, field: "article.id", want: story.ErrDuplicateID},
		{name: "no-text", a: source.Article{ID: "n", Text: " \n", Published: at}, field: "article.text", want: story.ErrEmpty},
		{name: "no-time", a: source.Article{ID: "n", Text: "x"}, field: "article.published", want: story.ErrEmpty},
		{name: "far-time", a: source.Article{ID: "n", Text: "x", Published: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, field: "article.published", want: story.ErrInvalid},
		{name: "outlet", a: source.Article{ID: "n", Text: "x", Published: at, Outlet: "nobody"}, field: "article.outlet", want: story.ErrUnknownSource},
		{name: "wire", a: source.Article{ID: "n", Text: "x", Published: at, Wire: "nobody"}, field: "article.wire", want: story.ErrUnknownSource},
		{name: "reprints-unknown", a: source.Article{ID: "n", Text: "x", Published: at, Reprints: "nope"}, field: "article.reprints", want: story.ErrUnknownArticle},
		{name: "reprints-later", a: source.Article{ID: "n", Text: "x", Published: at.AddDate(0, 0, -10), Reprints: "herald-03-02"}, field: "article.reprints", want: story.ErrInvalid},
		{name: "utf8", a: source.Article{ID: "n", Text: "Westmark said \xff", Published: at}, field: "text", want: source.ErrInvalidUTF8},
		{name: "cancelled", ctx: cancelled, a: source.Article{ID: "n", Text: "x", Published: at}, want: context.Canceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.ctx
			if c == nil {
				c = ctx
			}
			_, err := s.Add(c, tc.a)
			assert.ErrorIs(t, err, tc.want)
			if tc.field != "" {
				assert.Contains(t, err.Error(), tc.field)
			}
		})
	}
	_, ok := s.Proposals("n")
	assert.False(t, ok, "a refused article is not added")
}

var keyForm = regexp.MustCompile(`^[a-z0-9-]+#[0-9]+:[0-9a-f]{8}(~[0-9]+)?$`)

func TestAddProposals(t *testing.T) {
	s, added := newStory(t, 3, story.Options{})
	first := added[0]
	require.NotEmpty(t, first.Candidates)
	for _, p := range first.Candidates {
		assert.Regexp(t, keyForm, string(p.Key))
		art, ok := p.Key.Article()
		assert.True(t, ok)
		assert.Equal(t, source.ArticleID("herald-03-02"), art)
		assert.Empty(t, p.Claims, "no claims exist yet")
		assert.Empty(t, p.SameAs)
	}
	assert.Nil(t, first.Reprint)
	assert.Empty(t, s.Corpus().Statements, "Add accepts nothing by itself")
	assert.Len(t, s.Pending(), len(first.Candidates)+len(added[1].Candidates)+len(added[2].Candidates))

	// The second article is the first with a new headline.
	require.NotNil(t, added[1].Reprint)
	assert.Equal(t, source.ArticleID("herald-03-02"), added[1].Reprint.Of)
	assert.GreaterOrEqual(t, added[1].Reprint.Similarity, story.DefaultReprintThreshold)
	assert.Nil(t, added[2].Reprint)

	// Proposed sources carry their article, so they never collide.
	ids := map[source.ID]bool{}
	for _, ad := range added {
		for _, sp := range ad.Sources {
			assert.True(t, strings.HasSuffix(string(sp.Source.ID), "@"+string(ad.Article)), sp.Source.ID)
			assert.False(t, ids[sp.Source.ID])
			ids[sp.Source.ID] = true
		}
	}
	third := added[2]
	var ministry *story.SourceProposal
	for i := range third.Sources {
		if third.Sources[i].Source.Name == "ministry" {
			ministry = &third.Sources[i]
		}
	}
	require.NotNil(t, ministry, "the ledger's \"the ministry\" is proposed")
	require.NotEmpty(t, ministry.Matches)
	assert.Equal(t, source.ID("norland-foreign"), ministry.Matches[0].ID, "best match first")

	got, ok := s.Proposals("ledger-03-04")
	require.True(t, ok)
	if diff := cmp.Diff(third, got); diff != "" {
		t.Errorf("Proposals mismatch (-want +got):\n%s", diff)
	}
}

func TestKeysIgnoreRegistry(t *testing.T) {
	srcs, arts := fixture(t)
	keysOf := func(opts story.Options) []story.Key {
		s, err := story.New("k", opts)
		require.NoError(t, err)
		ad, err := s.Add(ctx, source.Article{ID: arts[0].ID, Text: arts[0].Text, Published: arts[0].Published})
		require.NoError(t, err)
		var out []story.Key
		for _, p := range ad.Candidates {
			out = append(out, p.Key)
		}
		return out
	}
	with, without := keysOf(story.Options{Sources: srcs}), keysOf(story.Options{})
	if diff := cmp.Diff(with, without); diff != "" {
		t.Errorf("keys depend on the registry (-with +without):\n%s", diff)
	}
}

func TestSameStatementAgain(t *testing.T) {
	s, added := newStory(t, 1, story.Options{})
	for _, p := range added[0].Candidates {
		_, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: p.Key})
		require.NoError(t, err)
	}
	_, arts := fixture(t)
	reprint, err := s.Add(ctx, arts[1])
	require.NoError(t, err)
	same := 0
	for _, p := range reprint.Candidates {
		if p.SameAs == "" {
			continue
		}
		same++
		r, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: p.Key, SameAs: p.SameAs})
		require.NoError(t, err)
		assert.Len(t, r.Applied, 1)
	}
	assert.GreaterOrEqual(t, same, 4, "the reprint's statements are proposed as the same statements")
	c := s.Corpus()
	assert.Len(t, c.Statements, len(added[0].Candidates), "mentions, not statements")
	mentions := 0
	for _, st := range c.Statements {
		mentions += len(st.Mentions)
	}
	assert.Equal(t, len(added[0].Candidates)+same, mentions)
	_, err = timeline.Build(c, nil)
	require.NoError(t, err)
}

func TestClaimMatchUsesIndex(t *testing.T) {
	s, err := story.New("big", story.Options{})
	require.NoError(t, err)
	// Many claims share "shells"; one also says "Hallen" and "timber".
	var ds []story.Decision
	for i := range story.MaxPostings + 10 {
		ds = append(ds, story.Decision{Kind: story.KindCreateClaim, Claim: claim.ID("c" + strconv.Itoa(i)), Text: "Shells shipped in batch " + strconv.Itoa(i)})
	}
	ds = append(ds, story.Decision{Kind: story.KindCreateClaim, Claim: "timber", Text: "The Hallen trains carried timber shells"})
	_, err = s.Apply(ctx, ds...)
	require.NoError(t, err)
	ad, err := s.Add(ctx, source.Article{ID: "a", Published: time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC),
		Text: "Rail workers said the Hallen trains carried timber, not shells.\n"})
	require.NoError(t, err)
	require.NotEmpty(t, ad.Candidates)
	require.NotEmpty(t, ad.Candidates[0].Claims)
	assert.Equal(t, claim.ID("timber"), ad.Candidates[0].Claims[0].Claim)
	assert.InDelta(t, 1.0, ad.Candidates[0].Claims[0].Similarity, 1e-9, "a word too common to search by still counts")
}

func TestExtractionErrorLeavesStory(t *testing.T) {
	s, _ := newStory(t, 1, story.Options{})
	_, err := s.Add(ctx, source.Article{ID: "bad", Text: "x \xff", Published: time.Now()})
	var fe *extract.Error
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "text", fe.Field)
	assert.Len(t, s.Corpus().Articles, 1)
}

// loadFailing is a store whose Load fails once failLoads is set: a story
// that reads it at all reports the failure.
type loadFailing struct {
	*memStore
	failLoads bool
}

func (l *loadFailing) Load(c context.Context, id string, since int64) (*story.Batch, error) {
	if l.failLoads {
		return nil, errors.New("the store was read")
	}
	return l.memStore.Load(c, id, since)
}

func TestArticleSizeBound(t *testing.T) {
	at := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	huge := strings.Repeat("He said that ", 1<<20/13+1) // over 1 MiB
	tests := []struct {
		name  string
		limit int
		text  string
		want  error
	}{
		{name: "default-over", text: huge, want: story.ErrTooLarge},
		{name: "default-one-over", text: strings.Repeat("x", story.DefaultMaxArticleBytes+1), want: story.ErrTooLarge},
		{name: "set-over", limit: 40, text: "Westmark said that Norland shipped shells.", want: story.ErrTooLarge},
		{name: "set-at", limit: 42, text: "Westmark said that Norland shipped shells."},
		{name: "unbounded", limit: -1, text: "x" + strings.Repeat(" \n", story.DefaultMaxArticleBytes/2)},
		{name: "checked-first", limit: 10, text: "Westmark said \xff and more", want: story.ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := story.New("sized", story.Options{MaxArticleBytes: tc.limit})
			require.NoError(t, err)
			_, err = s.Add(ctx, source.Article{ID: "a", Text: tc.text, Published: at})
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, tc.want)
			var fe *story.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "article.text", fe.Field)
			assert.Contains(t, err.Error(), strconv.Itoa(len(tc.text))+" bytes", "the error gives the size")
			assert.Contains(t, err.Error(), "MaxArticleBytes")
			_, ok := s.Proposals("a")
			assert.False(t, ok)
		})
	}

	// Before any work: the store is not read, and a refused 1 MiB text
	// costs a few allocations, none of its size.
	st := &loadFailing{memStore: &memStore{}}
	s, _, err := story.Open(ctx, st, "sized", story.Options{})
	require.NoError(t, err)
	st.failLoads = true
	_, err = s.Add(ctx, source.Article{ID: "a", Text: huge, Published: at})
	assert.ErrorIs(t, err, story.ErrTooLarge)
	allocs := testing.AllocsPerRun(5, func() {
		_, _ = s.Add(ctx, source.Article{ID: "a", Text: huge, Published: at})
	})
	assert.Less(t, allocs, 20.0)
	_, err = s.Add(ctx, source.Article{ID: "a", Text: "Westmark said so.", Published: at})
	assert.ErrorContains(t, err, "the store was read", "an article within the bound goes on to the store")
}
