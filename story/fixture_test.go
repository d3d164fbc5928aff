package story_test

import (
	"encoding/json"
	"errors"
	"github.com/claimtrail/claimtrail/story"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

// fixtureDir holds the fictional story the example program follows.
const fixtureDir = "../examples/follow-story/testdata"

// fixture returns the fictional story's sources and articles, in order.
func fixture(t testing.TB) ([]source.Source, []source.Article) {
	t.Helper()
	var srcs []source.Source
	b, err := os.ReadFile(filepath.Join(fixtureDir, "sources.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &srcs))
	var list []struct {
		ID        source.ArticleID `json:"id"`
		File      string           `json:"file"`
		Outlet    source.ID        `json:"outlet"`
		Published time.Time        `json:"published"`
		Title     string           `json:"title"`
	}
	b, err = os.ReadFile(filepath.Join(fixtureDir, "articles.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &list))
	var arts []source.Article
	for _, a := range list {
		text, err := os.ReadFile(filepath.Join(fixtureDir, a.File))
		require.NoError(t, err)
		arts = append(arts, source.Article{ID: a.ID, Outlet: a.Outlet, Published: a.Published, Title: a.Title, Text: string(text)})
	}
	return srcs, arts
}

func errorsAs(err error, target **story.FieldError) bool { return errors.As(err, target) }
