package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPostgres follows the fictional story in a PostgreSQL store, as
// TestFollowStory does in SQLite, and checks that the command shows the
// same. It needs the server CLAIMTRAIL_POSTGRES names; to run it locally
// as CI does, from the module root:
//
//	bash -c 'source .ci/postgres.sh && go test -run Postgres ./cmd/claimtrail/; stop_postgres'
func TestPostgres(t *testing.T) {
	dsn := os.Getenv("CLAIMTRAIL_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CLAIMTRAIL_POSTGRES is unset in CI: .ci/run starts PostgreSQL and sets it")
		}
		t.Skip("CLAIMTRAIL_POSTGRES is unset: run `bash -c 'source .ci/postgres.sh && go test -run Postgres ./cmd/claimtrail/; stop_postgres'` from the module root")
	}
	// A schema of its own, so that the test sees only its stories.
	conn, err := pgx.Connect(t.Context(), dsn)
	require.NoError(t, err)
	defer conn.Close(context.Background())
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "cli_" + hex.EncodeToString(b)
	_, err = conn.Exec(t.Context(), "CREATE SCHEMA "+schema)
	require.NoError(t, err)
	t.Cleanup(func() {
		if c, err := pgx.Connect(context.Background(), dsn); err == nil {
			_, _ = c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE") // a schema left behind is harmless
			c.Close(context.Background())
		}
	})

	c := newCLI(t)
	c.env["CLAIMTRAIL_DB"] = dsn + " search_path=" + schema
	c.env["CLAIMTRAIL_STORY"] = "norland"
	_, errs, code := c.run("", "init", "norland")
	assert.Equal(t, 2, code, "a PostgreSQL story needs its sources")
	assert.Contains(t, errs, "give --sources FILE")
	_, errs, code = c.run("", "status")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, `no story "norland" in the PostgreSQL store`)

	c.ok("init", "norland", "--sources", storySources)
	c.ok("add", "--manifest", storyManifest, "--dir", storyArticles)
	c.ok("decide", storyDecisions)
	golden(t, "status.golden", c.ok("status"))
	golden(t, "history.golden", c.ok("history", "shipments"))
}
