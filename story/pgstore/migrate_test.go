package pgstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/storetest"
)

// TestVersion1 writes a story as schema version 1 held it (statements as
// jsonb), then opens the database, which migrates it: the old statements
// read back, and statements appended afterwards (in the compact layout)
// read back after them.
func TestVersion1(t *testing.T) {
	dsn := os.Getenv("CLAIMTRAIL_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CLAIMTRAIL_POSTGRES is unset in CI: .ci/run starts PostgreSQL and sets it")
		}
		t.Skip("CLAIMTRAIL_POSTGRES is unset: run `bash -c 'source .ci/postgres.sh && go test ./story/pgstore/; stop_postgres'` from the module root")
	}
	ctx := t.Context()
	conn, err := pgx.Connect(ctx, dsn)
	require.NoError(t, err)
	defer conn.Close(context.Background())
	b := make([]byte, 6)
	rand.Read(b)
	schema := "v1_" + hex.EncodeToString(b)
	_, err = conn.Exec(ctx, "CREATE SCHEMA "+schema)
	require.NoError(t, err)
	defer func() {
		_, err := conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		assert.NoError(t, err)
	}()
	dsn += " search_path=" + schema

	pool, err := pgxpool.New(ctx, dsn)
	require.NoError(t, err)
	require.NoError(t, migrate(ctx, pool, migrations[:2]))
	c, err := claim.Load(filepath.Join("..", "..", "testdata", "corpus.json"))
	require.NoError(t, err)
	for i, s := range c.Statements {
		doc, err := json.Marshal(s)
		require.NoError(t, err)
		_, err = pool.Exec(ctx, `INSERT INTO statements (story_id, seq, id, claim_id, doc) VALUES ('old', $1, $2, $3, $4)`,
			i+1, string(s.ID), string(s.Claim), string(doc))
		require.NoError(t, err)
	}
	pool.Close()

	st, err := Open(ctx, dsn)
	require.NoError(t, err)
	defer st.Close()
	got, err := st.Load(ctx, "old", 0)
	require.NoError(t, err)
	if diff := cmp.Diff(c.Statements, got.Statements); diff != "" {
		t.Errorf("statements of a version 1 database mismatch (-want +got):\n%s", diff)
	}
	more := []claim.Statement{{ID: "new", Claim: c.Statements[0].Claim, Source: c.Statements[0].Source, Act: claim.ActDeny,
		Factuality: claim.CTMinus(), Said: claim.MustParseDate("2025-01")}}
	require.NoError(t, storetest.Append(ctx, st, "old", &story.Batch{Statements: more}))
	assert.ErrorIs(t, storetest.Append(ctx, st, "old", &story.Batch{Statements: c.Statements[:1]}), story.ErrDuplicateID)
	got, err = st.Load(ctx, "old", 0)
	require.NoError(t, err)
	if diff := cmp.Diff(append(c.Statements, more...), got.Statements); diff != "" {
		t.Errorf("old and new statements mismatch (-want +got):\n%s", diff)
	}
	var version int
	require.NoError(t, st.pool.QueryRow(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&version))
	assert.Equal(t, len(migrations)-1, version)
}
