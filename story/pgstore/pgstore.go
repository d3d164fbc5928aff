// Package pgstore keeps stories in PostgreSQL through
// github.com/jackc/pgx/v5, for a newsroom that shares its stories: many
// writers, and collections larger than one machine's memory.
//
// # Schema
//
// Every table leads with story_id, the distribution key: sources,
// articles, claims and statements (one row per record, its place in the
// story in seq and the record in doc, which keeps the round trip
// lossless), decisions (the log, seq its place in it), batches (the
// numbered batches, see Writes) and stories. A
// record is JSON (jsonb), but for a statement, which is in the compact
// layout described below (bytea): statements are most of a story, and the
// server would spend more time parsing their JSON than storing them. Every
// primary key and index starts with story_id, and every query names one
// story, so that all of a story's rows can live together on one node. The
// schema is versioned: schema_migrations records the migrations applied,
// and Open applies the missing ones in order in one transaction, under an
// advisory lock so that two programs starting at once do not race.
//
// # Writes
//
// Each Append is one transaction that first takes a transaction-scoped
// advisory lock on the story, so that the writers of one story take turns
// while writers of different stories do not wait for each other, then reads
// the story's head from batches (one row per batch: its number and the
// last seq of each table after it) and refuses the batch when it is not the
// head the writer saw (story.ErrConflict); rows go in through COPY (the
// binary protocol). A batch is there whole or not at all, and two writers
// lose nothing. Load from a head reads, through the same rows, only what
// came after it.
//
// # The compact layout of a statement
//
// A byte 0x01, then the fields of claim.Statement in order: each string as
// its length (an unsigned LEB128 varint, as Go's encoding/binary writes
// it) and its UTF-8 bytes, each list as its length and its items, each int
// (a span's start and end) as a zig-zag varint:
//
//	id claim source len(via) via... act factuality said
//	len(mentions) (article cue start end exact prefix suffix)...
//
// act, factuality and said are the texts JSON would hold ("deny", "CT-",
// "2025-03", "" for an unknown date). A row that begins with "{" (or
// space) is the statement's JSON: in PostgreSQL, rows written before
// schema version 2 keep it, and read as fast as before (story/sqlitestore
// rewrites them when it migrates a file).
//
// # Scaling out
//
// With the Citus extension, the tables distribute by story without
// change:
//
//	SELECT create_distributed_table('stories', 'story_id');
//	SELECT create_distributed_table('sources', 'story_id', colocate_with => 'stories');
//	-- and likewise articles, claims, statements, decisions and batches
//
// Co-located on story_id, a story's rows sit in one shard group on one
// worker, so every Load and Append runs on a single node inside a single
// transaction, and the advisory lock still serialises one story's writers.
// Adding workers and rebalancing (citus_rebalance_start) spreads the
// stories; the only limit is that one story must fit one worker. A
// database of several newsrooms can add the newsroom to the key the same
// way.
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/internal/rows"
)

// Store keeps stories in one PostgreSQL database. Create one with Open. It
// is safe for concurrent use, and other processes may write the same
// database at the same time. The zero Store is not usable.
type Store struct {
	pool *pgxpool.Pool
}

var _ story.Store = (*Store)(nil)

// Open connects to the database that dsn names (a libpq connection string
// or URL) and brings its schema up to date. The tables go in the
// connection's search path, so one database can hold several stores in
// different schemas.
func Open(ctx context.Context, dsn string) (*Store, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %w", err)
	}
	if err := migrate(ctx, pool, migrations); err != nil {
		pool.Close()
		return nil, err
	}
	return &Store{pool: pool}, nil
}

// Close closes the store's connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// migrations are the schema's versions, applied in order; a migration is
// never edited once released, only followed by another.
var migrations = []string{
	1: `
CREATE TABLE stories (story_id text NOT NULL PRIMARY KEY, format text NOT NULL DEFAULT '');
CREATE TABLE sources (story_id text NOT NULL, seq bigint NOT NULL, id text NOT NULL, doc jsonb NOT NULL, PRIMARY KEY (story_id, id));
CREATE TABLE articles (story_id text NOT NULL, seq bigint NOT NULL, id text NOT NULL, after integer NOT NULL, doc jsonb NOT NULL, PRIMARY KEY (story_id, id));
CREATE TABLE claims (story_id text NOT NULL, seq bigint NOT NULL, id text NOT NULL, doc jsonb NOT NULL, PRIMARY KEY (story_id, id));
CREATE TABLE statements (story_id text NOT NULL, seq bigint NOT NULL, id text NOT NULL, claim_id text NOT NULL, doc jsonb NOT NULL, PRIMARY KEY (story_id, id));
CREATE TABLE decisions (story_id text NOT NULL, seq bigint NOT NULL, doc jsonb NOT NULL, PRIMARY KEY (story_id, seq));
CREATE INDEX sources_seq ON sources (story_id, seq);
CREATE INDEX articles_seq ON articles (story_id, seq);
CREATE INDEX claims_seq ON claims (story_id, seq);
CREATE INDEX statements_seq ON statements (story_id, seq);
CREATE INDEX statements_claim ON statements (story_id, claim_id);
`,
	// Statements in the compact layout, as bytes: the server no longer
	// parses each statement's JSON, and a written statement updates two
	// indexes, not three. Rows already there keep their JSON, as text in
	// the bytes, which Load reads too.
	2: `
ALTER TABLE statements ALTER COLUMN doc TYPE bytea USING convert_to(doc::text, 'UTF8');
DROP INDEX statements_claim;
`,
	// Numbered batches: each Append records the story's new head and the
	// last seq of each table after it, so that a writer can check that
	// the story is still where it saw it and a reader can load what came
	// after a batch. A story written before counts as one batch.
	3: `
CREATE TABLE batches (story_id text NOT NULL, batch bigint NOT NULL, sources bigint NOT NULL, articles bigint NOT NULL, claims bigint NOT NULL, statements bigint NOT NULL, decisions bigint NOT NULL, PRIMARY KEY (story_id, batch));
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
	// The statements' keys compared byte by byte (COLLATE "C") rather than
	// by the database's locale: the two indexes a written statement
	// updates compare its story and ID, and a locale's comparison costs
	// several times more. Nothing sorts by them, so no order changes.
	// Existing indexes are rebuilt once.
	4: `
ALTER TABLE statements ALTER COLUMN story_id TYPE text COLLATE "C", ALTER COLUMN id TYPE text COLLATE "C";
`,
}

// migrationLock is the advisory lock key that serialises migrations.
const migrationLock = 0x636c61696d7472 // "claimtr"

// migrate applies the migrations the database lacks.
func migrate(ctx context.Context, pool *pgxpool.Pool, migrations []string) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("pgstore: %w", err)
	}
	defer func() { _ = tx.Rollback(ctx) }() // after Commit, a no-op that fails
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
		return fmt.Errorf("pgstore: migrations: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("pgstore: migrations: %w", err)
	}
	var have int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("pgstore: migrations: %w", err)
	}
	if have >= len(migrations) {
		return fmt.Errorf("pgstore: schema version %d is newer than this program's %d", have, len(migrations)-1)
	}
	for v := have + 1; v < len(migrations); v++ {
		if _, err := tx.Exec(ctx, migrations[v]); err != nil {
			return fmt.Errorf("pgstore: migration %d: %w", v, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v); err != nil {
			return fmt.Errorf("pgstore: migration %d: %w", v, err)
		}
	}
	return tx.Commit(ctx)
}

// Load returns what was appended to the story after batch since (0:
// everything), read in one repeatable-read transaction, in time and memory
// linear in the rows read; indexes find where they start.
func (s *Store) Load(ctx context.Context, id string, since int64) (*story.Batch, error) {
	if err := rows.CheckStory(id); err != nil {
		return nil, err
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("pgstore: %w", err)
	}
	defer func() { _ = tx.Rollback(ctx) }() // after Commit, a no-op that fails
	return rows.Load(func(q string, scan func(rows.Scanner) error) error {
		r, err := tx.Query(ctx, q, id)
		if err != nil {
			return fmt.Errorf("pgstore: %w", err)
		}
		defer r.Close()
		return rows.Each(r, scan)
	}, "$1", since)
}

// Append adds a batch to the story in one transaction, creating the story
// on first use, when the story's head is head (or head is story.AnyHead),
// and returns the new head. The transaction takes the story's advisory
// lock before it reads the head, so the check and the write are one step
// for every writer. It costs time linear in the batch, plus one look-up of
// the story's head.
func (s *Store) Append(ctx context.Context, id string, head int64, b *story.Batch) (int64, error) {
	if err := rows.CheckStory(id); err != nil {
		return 0, err
	}
	enc, err := rows.Encode(b)
	if err != nil {
		return 0, err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("pgstore: %w", err)
	}
	defer func() { _ = tx.Rollback(ctx) }() // after Commit, a no-op that fails
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, id); err != nil {
		return 0, fmt.Errorf("pgstore: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO stories (story_id, format) VALUES ($1, $2)
		ON CONFLICT (story_id) DO UPDATE SET format = CASE WHEN excluded.format = '' THEN stories.format ELSE excluded.format END`, id, b.Format); err != nil {
		return 0, fmt.Errorf("pgstore: %w", err)
	}
	headNow := func() (int64, rows.Marks, error) {
		h, m, err := rows.ScanHead(tx.QueryRow(ctx, rows.HeadQuery("$1"), id))
		if errors.Is(err, pgx.ErrNoRows) {
			return 0, rows.Marks{}, nil
		}
		if err != nil {
			return 0, m, fmt.Errorf("pgstore: %w", err)
		}
		return h, m, nil
	}
	insert := func(t rows.Table, first int64, recs []rows.Row) error {
		cols := append([]string{"story_id", "seq"}, t.Columns...)
		i := 0
		src := pgx.CopyFromFunc(func() ([]any, error) {
			if i == len(recs) {
				return nil, nil
			}
			row := append([]any{id, first + int64(i)}, recs[i].Values...)
			i++
			return row, nil
		})
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.Name}, cols, src); err != nil {
			var pe *pgconn.PgError
			if errors.As(err, &pe) && pe.Code == "23505" {
				return rows.Duplicate(t.Name, pe.Detail, err, true)
			}
			return rows.Duplicate(t.Name, "", err, false)
		}
		return nil
	}
	record := func(h int64, m rows.Marks) error {
		_, err := tx.Exec(ctx, rows.InsertBatch(func(i int) string { return "$" + strconv.Itoa(i) }), id, h, m[0], m[1], m[2], m[3], m[4])
		if err != nil {
			return fmt.Errorf("pgstore: %w", err)
		}
		return nil
	}
	next, err := rows.Append(enc, id, head, headNow, insert, record)
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, fmt.Errorf("pgstore: %w", err)
	}
	return next, nil
}
