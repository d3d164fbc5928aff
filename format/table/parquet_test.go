package table_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/format/table"
)

// parquetRoundTrip writes rows as Parquet, checks the file against the
// golden one (which the DuckDB check in .ci/run reads), reads it back with
// parquet-go and returns the file.
func parquetRoundTrip[R table.Row](t *testing.T, name string, rows []R) *parquet.File {
	var buf bytes.Buffer
	require.NoError(t, table.WriteParquet(&buf, rows))
	golden(t, name, buf.Bytes())
	back, err := table.ReadParquet[R](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	if diff := cmp.Diff(rows, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("ReadParquet(WriteParquet(%s)) mismatch (-want +got):\n%s", name, diff)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	assert.Equal(t, table.Columns[R](), leafNames(f), "columns of %s", name)
	assert.Equal(t, int64(len(rows)), f.NumRows())
	return f
}

// leafNames returns the names of a file's top-level columns.
func leafNames(f *parquet.File) []string {
	var names []string
	for _, field := range f.Schema().Fields() {
		names = append(names, field.Name())
	}
	return names
}

func TestParquetTables(t *testing.T) {
	_, tl := seed(t)
	mentions := parquetRoundTrip(t, "mentions.parquet", table.Mentions(tl))
	parquetRoundTrip(t, "claims.parquet", table.Claims(tl))
	history := parquetRoundTrip(t, "history.parquet", table.History(tl))
	parquetRoundTrip(t, "sources.parquet", table.Sources(tl))

	// Times are timestamps, enums dictionary-encoded strings.
	schema := mentions.Schema()
	published, ok := schema.Lookup("published")
	require.True(t, ok)
	ts, ok := published.Node.Type().LogicalType().Value.(*format.TimestampType)
	require.True(t, ok, "published is a timestamp")
	assert.True(t, ts.IsAdjustedToUTC)
	act, ok := schema.Lookup("act")
	require.True(t, ok)
	_, isString := act.Node.Type().LogicalType().Value.(*format.StringType)
	assert.True(t, isString, "act is a string")
	assert.True(t, dictionary(mentions, "act"), "act is dictionary-encoded")
	assert.True(t, dictionary(mentions, "speaker_id"), "speaker_id is dictionary-encoded")
	assert.False(t, dictionary(mentions, "quote"), "quote is not dictionary-encoded")
	at, ok := history.Schema().Lookup("at")
	require.True(t, ok)
	_, isTime := at.Node.Type().LogicalType().Value.(*format.TimestampType)
	assert.True(t, isTime, "at is a timestamp")
}

// dictionary reports whether the named column of f's first row group is
// dictionary-encoded.
func dictionary(f *parquet.File, name string) bool {
	for _, c := range f.Metadata().RowGroups[0].Columns {
		if len(c.MetaData.PathInSchema) == 0 || c.MetaData.PathInSchema[0] != name {
			continue
		}
		for _, e := range c.MetaData.Encoding {
			if e == format.RLEDictionary {
				return true
			}
		}
	}
	return false
}

func TestParquetErrors(t *testing.T) {
	_, err := table.ReadParquet[table.Step](bytes.NewReader([]byte("not parquet")), 11)
	assert.Error(t, err)
	assert.Error(t, table.WriteParquet(failingWriter{}, []table.Step{{ClaimID: "c"}}))
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
