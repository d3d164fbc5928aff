package story_test

import (
	"errors"
	"testing"

	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/storetest"
)

// fixtureDir holds the fictional story the example program follows.
const fixtureDir = "../examples/follow-story/testdata"

// fixture returns the fictional story's sources and articles, in order.
func fixture(t testing.TB) ([]source.Source, []source.Article) {
	t.Helper()
	srcs, arts, _ := storetest.FixtureIn(t, fixtureDir)
	return srcs, arts
}

func errorsAs(err error, target **story.FieldError) bool { return errors.As(err, target) }
