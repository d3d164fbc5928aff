package pgstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/internal/storebench"
	"github.com/claimtrail/claimtrail/story/pgstore"
	"github.com/claimtrail/claimtrail/story/storetest"
)

// The tests need a PostgreSQL server: CLAIMTRAIL_POSTGRES names a database
// they may write to (each test makes a schema of its own in it). .ci/run
// starts one; to run them locally, as CI does:
//
//	bash -c 'source .ci/postgres.sh && go test ./story/pgstore/; stop_postgres'
const envDSN = "CLAIMTRAIL_POSTGRES"

func TestMain(m *testing.M) {
	storetest.Main(m, func(dsn string) (story.Store, error) { return pgstore.Open(context.Background(), dsn) })
}

// schema makes a fresh schema in the test database and returns a DSN whose
// search path is it, or skips the test when no database is given.
func schema(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(envDSN)
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is unset in CI: .ci/run starts PostgreSQL and sets it", envDSN)
		}
		t.Skipf("%s is unset: run `bash -c 'source .ci/postgres.sh && go test ./story/pgstore/; stop_postgres'` from the module root to start a throwaway PostgreSQL and run these tests", envDSN)
	}
	conn, err := pgx.Connect(t.Context(), dsn)
	require.NoError(t, err)
	defer conn.Close(context.Background())
	b := make([]byte, 6)
	rand.Read(b)
	name := "t_" + hex.EncodeToString(b)
	_, err = conn.Exec(t.Context(), "CREATE SCHEMA "+name)
	require.NoError(t, err)
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), dsn)
		if err == nil {
			_, _ = c.Exec(context.Background(), "DROP SCHEMA "+name+" CASCADE") // a schema left behind is harmless
			c.Close(context.Background())
		}
	})
	return dsn + " search_path=" + name
}

func open(t *testing.T) story.Store {
	st, err := pgstore.Open(t.Context(), schema(t))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return st
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func TestProcesses(t *testing.T) {
	storetest.Processes(t, schema(t), "p", func(dsn string) (story.Store, error) { return pgstore.Open(context.Background(), dsn) })
}

func TestOpenErrors(t *testing.T) {
	_, err := pgstore.Open(t.Context(), "host=/nonexistent port=1 connect_timeout=1")
	assert.Error(t, err)
	st := open(t)
	_, err = st.Load(t.Context(), "../escape", 0)
	assert.ErrorIs(t, err, story.ErrInvalid)
	assert.ErrorIs(t, storetest.Append(t.Context(), st, "a/b", &story.Batch{}), story.ErrInvalid)
	again, err := pgstore.Open(t.Context(), schema(t))
	require.NoError(t, err, "migrating twice is a no-op")
	again.Close()
}

// BenchmarkGrow measures the insert rate of batches of 10,000 statements
// appended to one story, each after the head the previous one returned.
func BenchmarkGrow(b *testing.B) {
	st, err := pgstore.Open(b.Context(), schema(b))
	require.NoError(b, err)
	defer st.Close()
	storebench.BenchGrow(b, st, 10000)
}

// BenchmarkAppend measures the insert rate in batches of 10,000 statements
// against the server CLAIMTRAIL_POSTGRES names.
func BenchmarkAppend(b *testing.B) {
	st, err := pgstore.Open(b.Context(), schema(b))
	require.NoError(b, err)
	defer st.Close()
	storebench.BenchAppend(b, st, 10000)
}
