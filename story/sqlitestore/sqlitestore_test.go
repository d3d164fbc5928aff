package sqlitestore_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/sqlitestore"
	"github.com/claimtrail/claimtrail/story/storetest"
)

func TestMain(m *testing.M) {
	storetest.Main(m, func(dir string) (story.Store, error) { return sqlitestore.Open(dir) })
}

func open(t *testing.T) story.Store {
	st, err := sqlitestore.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return st
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func TestProcesses(t *testing.T) {
	storetest.Processes(t, t.TempDir(), "p", func(dir string) (story.Store, error) { return sqlitestore.Open(dir) })
}

func TestOpenErrors(t *testing.T) {
	_, err := sqlitestore.Open("")
	assert.ErrorIs(t, err, story.ErrEmpty)
	st := open(t)
	_, err = st.Load(t.Context(), "../escape")
	assert.ErrorIs(t, err, story.ErrInvalid)
	assert.ErrorIs(t, st.Append(t.Context(), "a/b", &story.Batch{}), story.ErrInvalid)
}
