package render_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The fixtures: the sample corpus of the module, and the corpus the
// fictional story of examples/follow-story gives once its decisions are
// applied, kept in testdata/follow-story.json so that the pictures do not
// change when the extractor does. go test -update writes it again.
const (
	seedCorpus   = "../testdata/corpus.json"
	followCorpus = "testdata/follow-story.json"
)

// load builds the timeline of a corpus file.
func load(t testing.TB, path string) *timeline.Timeline {
	t.Helper()
	c, err := claim.Load(path)
	require.NoError(t, err)
	tl, err := timeline.Build(c, nil)
	require.NoError(t, err)
	return tl
}

// TestFollowStoryFixture writes testdata/follow-story.json again from
// examples/follow-story's articles and decisions when run with -update.
func TestFollowStoryFixture(t *testing.T) {
	if !*update {
		t.Skip("run go test -update to write testdata/follow-story.json again from examples/follow-story")
	}
	dir := "../examples/follow-story/testdata"
	var srcs []source.Source
	readJSON(t, filepath.Join(dir, "sources.json"), &srcs)
	var list []struct {
		ID        source.ArticleID `json:"id"`
		File      string           `json:"file"`
		Outlet    source.ID        `json:"outlet"`
		Published time.Time        `json:"published"`
		Title     string           `json:"title"`
	}
	readJSON(t, filepath.Join(dir, "articles.json"), &list)
	raw, err := os.ReadFile(filepath.Join(dir, "decisions.jsonl"))
	require.NoError(t, err)
	decisions, err := story.ReadDecisions(bytes.NewReader(raw))
	require.NoError(t, err)

	ctx := context.Background()
	s, err := story.New("norland-shells", story.Options{Sources: srcs})
	require.NoError(t, err)
	for _, a := range list {
		text, err := os.ReadFile(filepath.Join(dir, a.File))
		require.NoError(t, err)
		_, err = s.Add(ctx, source.Article{ID: a.ID, Outlet: a.Outlet, Published: a.Published, Title: a.Title, Text: string(text)})
		require.NoError(t, err)
	}
	report, err := s.Apply(ctx, decisions...)
	require.NoError(t, err)
	require.Empty(t, report.Orphans)
	out, err := json.MarshalIndent(s.Corpus(), "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(followCorpus, append(out, '\n'), 0o644))
}

// readJSON decodes a JSON file into v.
func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, v))
}
