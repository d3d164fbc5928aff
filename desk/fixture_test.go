package desk_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/desk"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/sqlitestore"
	"github.com/claimtrail/claimtrail/story/storetest"
)

// The desk is tested on the fictional story of examples/follow-story, its
// articles added to a story in a SQLite store in a temporary directory.
const exampleDir = "../examples/follow-story/testdata"

// exampleStory returns the example's sources and articles.
func exampleStory(t testing.TB) ([]source.Source, []source.Article) {
	t.Helper()
	srcs, arts, _ := storetest.FixtureIn(t, exampleDir)
	return srcs, arts
}

// fixture is a story in a store, and its desk.
type fixture struct {
	dir   string
	srcs  []source.Source
	store *sqlitestore.Store
	story *story.Story
	desk  *desk.Desk
}

// newFixture adds the first n articles of the example to a new story in a
// SQLite store, with extra articles after them, and opens its desk.
func newFixture(t testing.TB, n int, extra ...source.Article) *fixture {
	t.Helper()
	ctx := context.Background()
	srcs, arts := exampleStory(t)
	dir := t.TempDir()
	st, err := sqlitestore.Open(dir)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	opts := &desk.Options{Story: story.Options{Sources: srcs}, By: "tester"}
	s, _, err := story.Open(ctx, st, "shells", opts.Story)
	require.NoError(t, err)
	for _, a := range append(arts[:n:n], extra...) {
		_, err := s.Add(ctx, a)
		require.NoError(t, err)
	}
	return &fixture{dir: dir, srcs: srcs, store: st, story: s, desk: desk.ForStory(s, opts)}
}

// review applies the example's committed decisions about the articles the
// story holds, in the file's order, stopping at the first about another
// article, as examples/follow-story does. A decision the story refuses (the
// extractor may have changed since the file was written) is logged and
// skipped: the review only gives the pages something to show.
func (f *fixture) review(t testing.TB) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(exampleDir, "decisions.jsonl"))
	require.NoError(t, err)
	ds, err := story.ReadDecisions(bytes.NewReader(b))
	require.NoError(t, err)
	for _, d := range ds {
		if id, ok := d.About(); ok {
			if _, known := f.story.Proposals(id); !known {
				break
			}
		}
		if _, err := f.story.Apply(context.Background(), d); err != nil {
			t.Logf("decision %s %s not applied: %v", d.Kind, d.Key, err)
		}
	}
}

// add adds the example's articles from..to-1 to the story.
func (f *fixture) add(t testing.TB, from, to int) {
	t.Helper()
	_, arts := exampleStory(t)
	for _, a := range arts[from:to] {
		_, err := f.story.Add(context.Background(), a)
		require.NoError(t, err)
	}
}

// reopen reads the story again from its file, as another process would.
func (f *fixture) reopen(t testing.TB) *story.Story {
	t.Helper()
	st, err := sqlitestore.Open(f.dir)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	s, _, err := story.Open(context.Background(), st, "shells", story.Options{Sources: f.srcs})
	require.NoError(t, err)
	return s
}
