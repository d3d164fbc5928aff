// Reads the Parquet tables that format/table writes for the sample corpus
// (format/table/testdata/*.parquet, and format/cameo/testdata/events.parquet)
// with DuckDB itself, and checks their
// row counts, column types and a few values. .ci/run installs
// @duckdb/node-api into a throwaway directory, copies this script there and
// runs it with the two testdata directories as its arguments.
import { DuckDBInstance } from '@duckdb/node-api';

const dir = process.argv[2];
const eventsDir = process.argv[3];
if (!dir || !eventsDir) {
  console.error('usage: node duckdb-check.mjs TABLE_DIR CAMEO_DIR');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run("SET TimeZone = 'UTC'");

const file = (name) => `'${dir}/${name}.parquet'`;
let failed = 0;
let passed = 0;

// check runs a query and compares its rows, as JSON-able values, with want.
async function check(name, sql, want) {
  const reader = await db.runAndReadAll(sql);
  const got = JSON.stringify(reader.getRowsJson());
  const expected = JSON.stringify(want);
  if (got === expected) {
    passed++;
  } else {
    failed++;
    console.error(`FAIL ${name}\n  ${sql}\n  want ${expected}\n  got  ${got}`);
  }
}

await check('row counts',
  `SELECT (SELECT count(*) FROM ${file('mentions')}), (SELECT count(*) FROM ${file('claims')}),
          (SELECT count(*) FROM ${file('history')}), (SELECT count(*) FROM ${file('sources')})`,
  [['11', '3', '8', '11']]);
await check('timestamps are timestamps',
  `SELECT DISTINCT typeof(published), typeof(said_start) FROM ${file('mentions')}`,
  [['TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITH TIME ZONE']]);
await check('enums are strings',
  `SELECT DISTINCT typeof(act), typeof(factuality) FROM ${file('mentions')}`,
  [['VARCHAR', 'VARCHAR']]);
await check('lists are lists',
  `SELECT typeof(accused) FROM ${file('claims')} LIMIT 1`,
  [['VARCHAR[]']]);
await check('denials by speaker',
  `SELECT speaker_id, count(DISTINCT statement_id) AS n FROM ${file('mentions')}
   WHERE act = 'deny' GROUP BY speaker_id ORDER BY speaker_id`,
  [['norland-foreign', '2']]);
await check('a mention',
  `SELECT cameo, factuality_words, span_start, span_end, strftime(published, '%Y-%m-%d %H:%M')
   FROM ${file('mentions')} WHERE statement_id = 'westmark-accuses'`,
  [['112', 'certain affirms', '44', '139', '2024-03-04 18:00']]);
await check('claims with status',
  `SELECT claim_id, status, statements, roots, accused FROM ${file('claims')} ORDER BY claim_id`,
  [['containers', 'confirmed', '3', '2', ['norland']], ['shells', 'confirmed', '4', '3', ['norland']], ['talks', 'retracted', '2', '1', []]]);
await check('history in order',
  `SELECT step, "from", "to", source_id FROM ${file('history')} WHERE claim_id = 'shells' ORDER BY step`,
  [['1', 'unreported', 'alleged', 'westmark-defence'], ['2', 'alleged', 'contested', 'norland-foreign'],
   ['3', 'contested', 'corroborated', 'southvale'], ['4', 'corroborated', 'confirmed', 'un-panel']]);
await check('roots of sources',
  `SELECT source_id, root_id FROM ${file('sources')} WHERE parent_id <> '' ORDER BY source_id`,
  [['norland-foreign', 'norland'], ['westmark-defence', 'westmark'], ['westmark-officials', 'westmark']]);
await check('mentions joined with sources',
  `SELECT s.kind, count(*) FROM ${file('mentions')} m JOIN ${file('sources')} s ON m.speaker_id = s.source_id
   GROUP BY s.kind ORDER BY s.kind`,
  [['agency', '4'], ['government', '2'], ['official', '2'], ['organisation', '1'], ['unknown', '2']]);

await check('events by quad class',
  `SELECT quad_class, count(*), sum(goldstein) FROM '${eventsDir}/events.parquet' GROUP BY 1 ORDER BY 1`,
  [['0', '2', null], ['1', '6', -4.1], ['3', '1', -2]]);
await check('event dates',
  `SELECT sqldate, typeof(date), strftime(date, '%Y-%m-%d') FROM '${eventsDir}/events.parquet' WHERE event_id = 'norland-denies-again'`,
  [['20240305', 'TIMESTAMP WITH TIME ZONE', '2024-03-05']]);

console.log(`duckdb: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
