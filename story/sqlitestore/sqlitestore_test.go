package sqlitestore_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/internal/storebench"
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

// TestWaitsForWAL opens a story while another connection is writing to
// its new file in rollback-journal mode, as when two processes create one
// story at once. Switching the file to the write-ahead log needs the lock
// the writer holds, and SQLite refuses it at once instead of waiting for
// the busy timeout: the store must wait for the writer, not fail with
// SQLITE_BUSY.
func TestWaitsForWAL(t *testing.T) {
	for _, begin := range []string{"BEGIN", "BEGIN IMMEDIATE", "BEGIN EXCLUSIVE"} {
		t.Run(begin, func(t *testing.T) {
			st, err := sqlitestore.Open(t.TempDir())
			require.NoError(t, err)
			defer st.Close()
			other, err := sql.Open("sqlite", "file:"+st.Path("busy"))
			require.NoError(t, err)
			defer other.Close()
			_, err = other.Exec(`CREATE TABLE held (x INTEGER)`)
			require.NoError(t, err)
			conn, err := other.Conn(t.Context())
			require.NoError(t, err)
			defer conn.Close()
			_, err = conn.ExecContext(t.Context(), begin)
			require.NoError(t, err)
			_, err = conn.ExecContext(t.Context(), `INSERT INTO held VALUES (1)`)
			require.NoError(t, err)
			committed := make(chan error, 1)
			go func() {
				time.Sleep(200 * time.Millisecond)
				_, err := conn.ExecContext(context.Background(), `COMMIT`)
				committed <- err
			}()
			b := &story.Batch{Claims: []claim.Claim{{ID: "c1", Text: "A claim."}}}
			require.NoError(t, storetest.Append(t.Context(), st, "busy", b))
			require.NoError(t, <-committed)
			got, err := st.Load(t.Context(), "busy", 0)
			require.NoError(t, err)
			assert.Len(t, got.Claims, 1)
		})
	}
}

func TestProcesses(t *testing.T) {
	storetest.Processes(t, t.TempDir(), "p", func(dir string) (story.Store, error) { return sqlitestore.Open(dir) })
}

func TestOpenErrors(t *testing.T) {
	_, err := sqlitestore.Open("")
	assert.ErrorIs(t, err, story.ErrEmpty)
	st := open(t)
	_, err = st.Load(t.Context(), "../escape", 0)
	assert.ErrorIs(t, err, story.ErrInvalid)
	assert.ErrorIs(t, storetest.Append(t.Context(), st, "a/b", &story.Batch{}), story.ErrInvalid)
}

// BenchmarkGrow measures the insert rate of batches of 10,000 statements
// appended to one story, each after the head the previous one returned.
func BenchmarkGrow(b *testing.B) {
	st, err := sqlitestore.Open(b.TempDir())
	require.NoError(b, err)
	defer st.Close()
	storebench.BenchGrow(b, st, 10000)
}

// BenchmarkAppend measures the insert rate in batches of 10,000 statements.
func BenchmarkAppend(b *testing.B) {
	st, err := sqlitestore.Open(b.TempDir())
	require.NoError(b, err)
	defer st.Close()
	storebench.BenchAppend(b, st, 10000)
}

// BenchmarkLoad imports a corpus of n statements into a SQLite file, then
// measures opening the story from a fresh store and building its timeline,
// and reports the file's size per statement.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{10000, 100000, 1000000} {
		b.Run("statements="+strconv.Itoa(n), func(b *testing.B) {
			// CLAIMTRAIL_BENCH_DIR keeps the imported story between runs, so
			// that a tool timing whole processes (farm-bench) times the
			// opening, not the import.
			dir := os.Getenv("CLAIMTRAIL_BENCH_DIR")
			if dir == "" {
				dir = b.TempDir()
			} else {
				dir = filepath.Join(dir, strconv.Itoa(n))
			}
			st, err := sqlitestore.Open(dir)
			require.NoError(b, err)
			if _, err := os.Stat(st.Path("big")); err != nil {
				require.NoError(b, story.Import(b.Context(), st, "big", storebench.Corpus(n)))
			}
			require.NoError(b, st.Close())
			info, err := os.Stat(st.Path("big"))
			require.NoError(b, err)
			wal, _ := os.Stat(st.Path("big") + "-wal")
			size := info.Size()
			if wal != nil {
				size += wal.Size()
			}
			b.ReportAllocs()
			cpu, runs := storebench.CPUTime(), 0
			for b.Loop() {
				runs++
				st, err := sqlitestore.Open(dir)
				require.NoError(b, err)
				s, _, err := story.Open(b.Context(), st, "big", story.Options{})
				require.NoError(b, err)
				tl, err := s.Timeline(nil)
				require.NoError(b, err)
				if len(tl.Claims()) == 0 {
					b.Fatal("no claims")
				}
				st.Close()
			}
			b.ReportMetric(float64(size)/float64(n), "bytes/statement")
			b.ReportMetric(float64(storebench.CPUTime()-cpu)/float64(runs), "cpu-ns/op")
		})
	}
}

// TestVersion1 opens a story file written before schema version 2 (by the
// store as it was then: statements as JSON, in a table with a rowid), which
// the store migrates on opening, rewriting the statements in the compact
// layout. The story reads back whole, and statements appended afterwards
// read back after the old ones.
func TestVersion1(t *testing.T) {
	dir := t.TempDir()
	old, err := os.ReadFile(filepath.Join("testdata", "v1.sqlite"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "v1.sqlite"), old, 0o644))
	st, err := sqlitestore.Open(dir)
	require.NoError(t, err)
	defer st.Close()

	want := storetest.Sample(t)
	b, err := st.Load(t.Context(), "v1", 0)
	require.NoError(t, err)
	if diff := cmp.Diff(want.Statements, b.Statements); diff != "" {
		t.Errorf("statements of a version 1 file mismatch (-want +got):\n%s", diff)
	}
	assert.Len(t, b.Decisions, 2)
	assert.Len(t, b.Articles, len(want.Articles)+1)
	assert.Equal(t, int64(1), b.Head, "a story written before batches were numbered is one batch")

	more := storebench.Corpus(250).Statements
	for i := range more {
		more[i].ID = claim.StatementID("new-" + string(more[i].ID))
		more[i].Claim, more[i].Source = want.Statements[0].Claim, want.Statements[0].Source
		more[i].Mentions = nil
		more[i].Said = claim.MustParseDate("2025-01-01")
	}
	require.NoError(t, storetest.Append(t.Context(), st, "v1", &story.Batch{Statements: more}))
	err = storetest.Append(t.Context(), st, "v1", &story.Batch{Statements: []claim.Statement{more[0], want.Statements[1]}})
	var fe *story.FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, story.ErrDuplicateID)
	assert.Equal(t, string(more[0].ID), fe.Value, "the refused ID is named")

	b, err = st.Load(t.Context(), "v1", 1)
	require.NoError(t, err)
	assert.Equal(t, int64(2), b.Head)
	if diff := cmp.Diff(more, b.Statements); diff != "" {
		t.Errorf("statements after the first batch mismatch (-want +got):\n%s", diff)
	}
	b, err = st.Load(t.Context(), "v1", 0)
	require.NoError(t, err)
	if diff := cmp.Diff(append(want.Statements, more...), b.Statements); diff != "" {
		t.Errorf("old and new statements mismatch (-want +got):\n%s", diff)
	}

	db, err := sql.Open("sqlite", "file:"+st.Path("v1"))
	require.NoError(t, err)
	defer db.Close()
	var version, json int
	require.NoError(t, db.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&version))
	assert.Equal(t, 3, version)
	require.NoError(t, db.QueryRow(`SELECT COUNT(*) FROM statements WHERE substr(doc, 1, 1) <> x'01'`).Scan(&json))
	assert.Zero(t, json, "the migration rewrote the JSON rows in the compact layout")
	var plan []string
	r, err := db.Query(`EXPLAIN QUERY PLAN SELECT doc FROM statements WHERE story_id = ? ORDER BY seq`, "v1")
	require.NoError(t, err)
	for r.Next() {
		var id, parent, unused int
		var detail string
		require.NoError(t, r.Scan(&id, &parent, &unused, &detail))
		plan = append(plan, detail)
	}
	require.NoError(t, r.Err())
	assert.NotContains(t, strings.Join(plan, "\n"), "TEMP B-TREE", "statements read in order without sorting: %q", plan)
}
