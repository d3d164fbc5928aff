// Package table turns a timeline into the tables people analyse elsewhere,
// in a spreadsheet, pandas, R or DuckDB, and reads an edited mentions
// table back into a corpus.
//
// # Tables
//
// Four tables, each a slice of one row type built from a
// [timeline.Timeline]:
//
//   - [Mentions]: one row per mention, a statement as reported in one
//     article, with the claim's text, the speaker's name and affiliation
//     root, the act and its CAMEO code, the factuality as a code and in
//     words, the said date and its precision, the article's title, outlet,
//     URL and publication time, the cue, quote and span, and whether a
//     program rather than a person accepted the statement or this mention
//     of it (machine_accepted, [claim.Statement.MachineAccepted],
//     [claim.Mention.MachineAccepted]);
//   - [Claims]: one row per claim, with its current status, since when, and
//     the counts of its statements, mentions, speakers, roots, affirmations,
//     negations and anonymous statements;
//   - [History]: one row per status change of each claim, with the
//     statement, source and article that caused it;
//   - [Sources]: one row per source with its kind, identity, parent and
//     root.
//
// Package format/cameo's event table, one row per statement, is written
// and read by the same functions.
//
// The column names are the `parquet` tags of the row types, listed by
// [Columns]; they are stable, and the README lists them with what they
// hold.
//
// # CSV
//
// [WriteCSV] writes any of the tables through encoding/csv: a header, then
// a line per row; times as RFC 3339 in UTC, lists joined with ";". [ReadCSV]
// reads one back, columns in any order, with every problem named by row,
// line and column. [ImportCSV] reads a mentions table, as written or as a
// person edited it, into a [claim.Corpus] on top of the corpus it came
// from, so that a review done in a spreadsheet comes back in: see
// [FromMentions] for what the table decides and what the base corpus keeps.
// What the table does not hold (source kinds, investigator flags, parents,
// claim actors, article texts) comes only from that base: without it,
// statuses can change, and [ImportCSVReport] returns a [Report] of what
// was built from the table alone.
//
// # Parquet
//
// [WriteParquet] writes any of the tables as a Parquet file through
// github.com/parquet-go/parquet-go, with typed columns: times as
// timestamps (UTC, milliseconds; null when unknown), IDs, names and enums
// as dictionary-encoded strings, counts and offsets as 64-bit integers,
// lists as lists. DuckDB reads them as they are (.ci/run checks that);
// [ReadParquet] reads them back.
package table
