// Package sqlitestore keeps stories in SQLite files, one per story, through
// modernc.org/sqlite: pure Go, no cgo and no server, so that any program
// that follows a story runs with `go run` alone. It is the default store.
//
// Open takes a directory; the story named ID lives in ID.sqlite in it,
// created with its schema on first use. The schema is versioned: each
// file records the migrations applied to it in schema_migrations, and
// opening a file applies the missing ones in order, each in its own
// transaction. The database runs in write-ahead-log mode with full
// synchronisation, so that a committed transaction survives a crash of the
// process or the machine, and every Append is one immediate transaction:
// writers of one story, in one process or several, take turns, and each
// batch is there whole or not at all. Inside it, Append reads the story's
// head (the batches table: one row per batch, its number and the last seq
// of each table after it) and refuses the batch when it is not the head
// the writer saw (story.ErrConflict).
//
// The tables are those of story/pgstore, with the story's name in each
// row, so that a file can be copied into a shared PostgreSQL database as it
// is: sources, articles, claims, statements and decisions, each with its
// place in the story (seq) and the record (doc), which is what makes the
// round trip lossless. A statement's record is in a compact binary layout
// (see story/pgstore), which a story's million statements read several
// times faster than JSON; other records are JSON. The statements table has
// no rowid: its key is the story and seq, and a unique index on the story
// and the ID refuses duplicates, so a statement written updates two
// b-trees. Opening a file of schema version 1 (statements as JSON) rewrites
// its statements in the compact layout, in the migration's transaction, and
// then compacts the file (VACUUM): a one-time cost linear in the story.
//
// Rows are written a hundred to an INSERT, through prepared statements
// reused across the batch.
package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/internal/rows"
)

// Store keeps each story in a SQLite file of its directory. Create one with
// Open. It is safe for concurrent use, and other processes may use the same
// directory at the same time. The zero Store is not usable.
type Store struct {
	dir string
	mu  sync.Mutex
	dbs map[string]*sql.DB
}

var _ story.Store = (*Store)(nil)

// Open returns a store of the stories in dir, creating dir when it does not
// exist. It opens no file until a story is used.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, &story.FieldError{Field: "dir", Value: dir, Err: story.ErrEmpty}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("sqlitestore: %w", err)
	}
	return &Store{dir: dir, dbs: make(map[string]*sql.DB)}, nil
}

// Path returns the file that holds the story named id.
func (s *Store) Path(id string) string { return filepath.Join(s.dir, id+".sqlite") }

// Close closes the story files the store opened.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for id, db := range s.dbs {
		errs = append(errs, db.Close())
		delete(s.dbs, id)
	}
	return errors.Join(errs...)
}

// db returns the database of a story, opening and migrating it on first
// use.
func (s *Store) db(ctx context.Context, id string) (*sql.DB, error) {
	if err := rows.CheckStory(id); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if db, ok := s.dbs[id]; ok {
		return db, nil
	}
	dsn := "file:" + s.Path(id) + "?_txlock=immediate" +
		"&_pragma=busy_timeout(" + strconv.Itoa(int(busyTimeout/time.Millisecond)) + ")&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: %w", err)
	}
	if err := useWAL(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	s.dbs[id] = db
	return db, nil
}

// busyTimeout is how long a statement waits for another writer of the
// same file before it fails with SQLITE_BUSY.
const busyTimeout = 60 * time.Second

// useWAL puts the file in write-ahead-log mode, which the file keeps from
// then on. SQLite takes the exclusive lock this needs without waiting for
// the busy timeout, so a writer that opens a new file while another
// process is creating it can be told the file is busy at once: useWAL
// tries again, with growing pauses, until busyTimeout has passed.
func useWAL(ctx context.Context, db *sql.DB) error {
	pause := time.Millisecond
	deadline := time.Now().Add(busyTimeout)
	for {
		var mode string
		err := db.QueryRowContext(ctx, `PRAGMA journal_mode=WAL`).Scan(&mode)
		switch {
		case err == nil && strings.EqualFold(mode, "wal"):
			return nil
		case err == nil:
			return fmt.Errorf("sqlitestore: journal mode is %q after asking for WAL", mode)
		case !isBusy(err) || time.Now().After(deadline):
			return fmt.Errorf("sqlitestore: write-ahead log: %w", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, 100*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY, in any of its forms.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// migrations are the schema's versions, applied in order; a migration is
// never edited once released, only followed by another.
var migrations = []string{
	1: `
CREATE TABLE sources (story_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, doc BLOB NOT NULL, PRIMARY KEY (story_id, id));
CREATE TABLE articles (story_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, after INTEGER NOT NULL, doc BLOB NOT NULL, PRIMARY KEY (story_id, id));
CREATE TABLE claims (story_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, doc BLOB NOT NULL, PRIMARY KEY (story_id, id));
CREATE TABLE statements (story_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, claim_id TEXT NOT NULL, doc BLOB NOT NULL, PRIMARY KEY (story_id, id));
CREATE TABLE decisions (story_id TEXT NOT NULL, seq INTEGER NOT NULL, doc BLOB NOT NULL, PRIMARY KEY (story_id, seq));
CREATE TABLE stories (story_id TEXT NOT NULL PRIMARY KEY, format TEXT NOT NULL DEFAULT '');
CREATE INDEX sources_seq ON sources (story_id, seq);
CREATE INDEX articles_seq ON articles (story_id, seq);
CREATE INDEX claims_seq ON claims (story_id, seq);
CREATE INDEX statements_seq ON statements (story_id, seq);
CREATE INDEX statements_claim ON statements (story_id, claim_id);
`,
	// Statements keyed by their place, in a table without rowids: a row
	// written goes into two b-trees, not four, and a story's statements
	// read in order straight from the table. recode then rewrites the rows
	// written in JSON in the compact layout.
	2: `
CREATE TABLE statements_v2 (story_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, claim_id TEXT NOT NULL, doc BLOB NOT NULL, PRIMARY KEY (story_id, seq)) WITHOUT ROWID;
INSERT INTO statements_v2 (story_id, seq, id, claim_id, doc) SELECT story_id, seq, id, claim_id, doc FROM statements;
DROP TABLE statements;
ALTER TABLE statements_v2 RENAME TO statements;
CREATE UNIQUE INDEX statements_id ON statements (story_id, id);
`,
	// Numbered batches: each Append records the story's new head and the
	// last seq of each table after it, so that a writer can check that
	// the story is still where it saw it and a reader can load what came
	// after a batch. A story written before counts as one batch.
	3: `
CREATE TABLE batches (story_id TEXT NOT NULL, batch INTEGER NOT NULL, sources INTEGER NOT NULL, articles INTEGER NOT NULL, claims INTEGER NOT NULL, statements INTEGER NOT NULL, decisions INTEGER NOT NULL, PRIMARY KEY (story_id, batch)) WITHOUT ROWID;
INSERT INTO batches (story_id, batch, sources, articles, claims, statements, decisions)
SELECT story_id, 1,
  (SELECT COALESCE(MAX(seq), 0) FROM sources t WHERE t.story_id = s.story_id),
  (SELECT COALESCE(MAX(seq), 0) FROM articles t WHERE t.story_id = s.story_id),
  (SELECT COALESCE(MAX(seq), 0) FROM claims t WHERE t.story_id = s.story_id),
  (SELECT COALESCE(MAX(seq), 0) FROM statements t WHERE t.story_id = s.story_id),
  (SELECT COALESCE(MAX(seq), 0) FROM decisions t WHERE t.story_id = s.story_id)
FROM (SELECT story_id FROM stories UNION SELECT story_id FROM sources UNION SELECT story_id FROM articles
  UNION SELECT story_id FROM claims UNION SELECT story_id FROM statements UNION SELECT story_id FROM decisions) s;
`,
}

// migrate applies the migrations a database lacks.
func migrate(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlitestore: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // after Commit, a no-op that fails
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)`); err != nil {
		return fmt.Errorf("sqlitestore: migrations: %w", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("sqlitestore: migrations: %w", err)
	}
	if have >= len(migrations) {
		return fmt.Errorf("sqlitestore: schema version %d is newer than this program's %d", have, len(migrations)-1)
	}
	for v := have + 1; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("sqlitestore: migration %d: %w", v, err)
		}
		if v == 2 && have > 0 {
			if err := recode(ctx, tx); err != nil {
				return fmt.Errorf("sqlitestore: migration %d: %w", v, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES (?)`, v); err != nil {
			return fmt.Errorf("sqlitestore: migration %d: %w", v, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlitestore: migrations: %w", err)
	}
	if have > 0 && have < 2 {
		// The statements were copied to a new table: give the old one's
		// pages back, or the file keeps twice the size it needs. Only
		// space is at stake, so a VACUUM that another reader or writer
		// holds off is not an error: the file is whole either way.
		_, _ = db.ExecContext(ctx, `VACUUM`)
	}
	return nil
}

// recode rewrites the statement rows written in JSON (before schema
// version 2) in the compact layout, a part at a time, so that opening the
// story reads them at the compact layout's speed from then on. Linear in
// the statements.
func recode(ctx context.Context, tx *sql.Tx) error {
	const part = 10000
	var afterStory string
	var afterSeq int64
	for {
		r, err := tx.QueryContext(ctx, `SELECT story_id, seq, doc FROM statements WHERE (story_id, seq) > (?, ?) AND substr(doc, 1, 1) <> x'01' ORDER BY story_id, seq LIMIT ?`, afterStory, afterSeq, part)
		if err != nil {
			return err
		}
		type row struct {
			story string
			seq   int64
		}
		var keys []row
		var docs [][]byte
		for r.Next() {
			var k row
			var doc []byte
			if err := r.Scan(&k.story, &k.seq, &doc); err != nil {
				r.Close()
				return err
			}
			keys, docs = append(keys, k), append(docs, doc)
		}
		if err := errors.Join(r.Err(), r.Close()); err != nil {
			return err
		}
		if len(keys) == 0 {
			return nil
		}
		compact, err := rows.Recode(docs)
		if err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `UPDATE statements SET doc = ? WHERE story_id = ? AND seq = ?`)
		if err != nil {
			return err
		}
		for i, k := range keys {
			if _, err := stmt.ExecContext(ctx, compact[i], k.story, k.seq); err != nil {
				stmt.Close()
				return err
			}
		}
		stmt.Close()
		afterStory, afterSeq = keys[len(keys)-1].story, keys[len(keys)-1].seq
	}
}

// Load returns what was appended to the story after batch since (0:
// everything), in one read transaction. It reads those rows once, in time
// and memory linear in them, and finds where they start through indexes.
func (s *Store) Load(ctx context.Context, id string, since int64) (*story.Batch, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(s.Path(id)); errors.Is(err, os.ErrNotExist) {
		if err := rows.CheckStory(id); err != nil {
			return nil, err
		}
		if since != 0 {
			return nil, &story.FieldError{Field: "since", Value: strconv.FormatInt(since, 10), Err: fmt.Errorf("%w: the story was never written", story.ErrInvalid)}
		}
		return &story.Batch{}, nil
	}
	db, err := s.db(ctx, id)
	if err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // after Commit, a no-op that fails
	return rows.Load(func(q string, scan func(rows.Scanner) error) error {
		r, err := tx.QueryContext(ctx, q, id)
		if err != nil {
			return fmt.Errorf("sqlitestore: %w", err)
		}
		defer r.Close()
		return rows.Each(r, scan)
	}, "?", since)
}

// Append adds a batch to the story in one immediate transaction, creating
// the story's file on first use, when the story's head is head (or head is
// story.AnyHead), and returns the new head. The transaction takes the
// file's write lock before it reads the head, so the check and the write
// are one step for every process. It costs time linear in the batch, plus
// one look-up of the story's head.
func (s *Store) Append(ctx context.Context, id string, head int64, b *story.Batch) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	enc, err := rows.Encode(b)
	if err != nil {
		return 0, err
	}
	db, err := s.db(ctx, id)
	if err != nil {
		return 0, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sqlitestore: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // after Commit, a no-op that fails
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories (story_id, format) VALUES (?, ?) ON CONFLICT (story_id) DO UPDATE SET format = CASE WHEN excluded.format = '' THEN stories.format ELSE excluded.format END`, id, b.Format); err != nil {
		return 0, fmt.Errorf("sqlitestore: %w", err)
	}
	headNow := func() (int64, rows.Marks, error) {
		h, m, err := rows.ScanHead(tx.QueryRowContext(ctx, rows.HeadQuery("?"), id))
		if errors.Is(err, sql.ErrNoRows) {
			return 0, rows.Marks{}, nil
		}
		if err != nil {
			return 0, m, fmt.Errorf("sqlitestore: %w", err)
		}
		return h, m, nil
	}
	insert := func(t rows.Table, first int64, recs []rows.Row) error {
		return insert(ctx, tx, id, t, first, recs)
	}
	record := func(h int64, m rows.Marks) error {
		_, err := tx.ExecContext(ctx, rows.InsertBatch(func(int) string { return "?" }), id, h, m[0], m[1], m[2], m[3], m[4])
		if err != nil {
			return fmt.Errorf("sqlitestore: %w", err)
		}
		return nil
	}
	next, err := rows.Append(enc, id, head, headNow, insert, record)
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("sqlitestore: %w", err)
	}
	return next, nil
}

// isUnique reports whether err is SQLite's refusal of a duplicate key.
func isUnique(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY || se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE)
}

// chunk is the number of rows one INSERT writes: a statement with many
// rows costs SQLite much less per row than a statement per row.
const chunk = 100

// insert writes a table's rows, the first at seq first, chunk rows per
// statement, one prepared statement reused for every whole chunk. The
// story's name and the first row's seq are bound once per statement (?1
// and ?2; a row's seq is ?2 plus its place), so that a row binds only its
// own values. A statement that fails writes none of its rows, so a refused
// duplicate is found by writing its chunk again row by row.
func insert(ctx context.Context, tx *sql.Tx, id string, t rows.Table, first int64, recs []rows.Row) error {
	width := len(t.Columns)
	query := func(n int) string {
		var q strings.Builder
		q.WriteString("INSERT INTO " + t.Name + " (story_id, seq, " + strings.Join(t.Columns, ", ") + ") VALUES ")
		for i := range n {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(?1, ?2 + " + strconv.Itoa(i) + strings.Repeat(", ?", width) + ")")
		}
		return q.String()
	}
	var whole *sql.Stmt
	defer func() {
		if whole != nil {
			whole.Close()
		}
	}()
	args := make([]any, 0, 2+chunk*width)
	for start := 0; start < len(recs); start += chunk {
		part := recs[start:min(start+chunk, len(recs))]
		args = append(args[:0], id, first+int64(start))
		for _, rec := range part {
			args = append(args, rec.Values...)
		}
		var err error
		if len(part) == chunk {
			if whole == nil {
				if whole, err = tx.PrepareContext(ctx, query(chunk)); err != nil {
					return fmt.Errorf("sqlitestore: %w", err)
				}
			}
			_, err = whole.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, query(len(part)), args...)
		}
		if err == nil {
			continue
		}
		if !isUnique(err) {
			return rows.Duplicate(t.Name, "", err, false)
		}
		one := query(1)
		for i, rec := range part {
			row := append([]any{id, first + int64(start+i)}, rec.Values...)
			if _, err := tx.ExecContext(ctx, one, row...); err != nil {
				return rows.Duplicate(t.Name, rec.Key, err, isUnique(err))
			}
		}
		return rows.Duplicate(t.Name, "", err, true)
	}
	return nil
}
