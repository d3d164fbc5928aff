package table_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/format/table"
)

// TestReadParquetDamaged reads sources.parquet with each byte in turn
// overwritten by 0x00 or 0xff: parquet-go trusts the lengths and offsets a file states,
// and some damaged bytes made it index out of range. Each read must give
// rows or an error wrapping ErrParquet, never a panic.
func TestReadParquetDamaged(t *testing.T) {
	file, err := os.ReadFile(filepath.Join("testdata", "sources.parquet"))
	require.NoError(t, err)
	for i := range file {
		damaged := bytes.Clone(file)
		damaged[i] = []byte{0x00, 0xff}[i%2]
		_, err := table.ReadParquet[table.Source](bytes.NewReader(damaged), int64(len(damaged)))
		if err != nil && !assert.ErrorIs(t, err, table.ErrParquet, "byte %d set to %#x", i, damaged[i]) {
			return
		}
	}
}

// TestReadParquetClaimedRows gives sources.parquet metadata claiming far
// more rows than its pages hold. The memory of ReadParquet must follow
// the rows it reads, not the rows claimed: reading the whole claim up
// front made a 3 KB file claiming a million rows allocate gigabytes.
func TestReadParquetClaimedRows(t *testing.T) {
	file, err := os.ReadFile(filepath.Join("testdata", "sources.parquet"))
	require.NoError(t, err)
	want, err := table.ReadParquet[table.Source](bytes.NewReader(file), int64(len(file)))
	require.NoError(t, err)
	for _, claimed := range []int64{1 << 16, 1 << 40} {
		lying := withNumRows(t, file, claimed)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		rows, err := table.ReadParquet[table.Source](bytes.NewReader(lying), int64(len(lying)))
		runtime.ReadMemStats(&after)
		if err != nil {
			assert.ErrorIs(t, err, table.ErrParquet, "claiming %d rows", claimed)
		} else {
			assert.Len(t, rows, len(want), "claiming %d rows", claimed)
		}
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(8<<20),
			"bytes allocated reading %d bytes claiming %d rows", len(lying), claimed)
	}
}

// withNumRows returns a copy of the Parquet file p whose footer states n
// rows.
func withNumRows(t *testing.T, p []byte, n int64) []byte {
	t.Helper()
	footer := len(p) - 8 - int(binary.LittleEndian.Uint32(p[len(p)-8:]))
	var md format.FileMetaData
	proto := &thrift.CompactProtocol{}
	require.NoError(t, thrift.Unmarshal(proto, p[footer:len(p)-8], &md))
	md.NumRows = n
	enc, err := thrift.Marshal(proto, &md)
	require.NoError(t, err)
	out := append(bytes.Clone(p[:footer]), enc...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(enc)))
	return append(out, "PAR1"...)
}

// FuzzReadParquet reads arbitrary bytes as Parquet: nothing panics, every
// problem is an error wrapping ErrParquet, and rows read write back to a
// file that reads as the same rows.
func FuzzReadParquet(f *testing.F) {
	for _, name := range []string{"sources", "history"} {
		file, err := os.ReadFile(filepath.Join("testdata", name+".parquet"))
		require.NoError(f, err)
		f.Add(file)
	}
	f.Add([]byte("PAR1PAR1"))
	f.Fuzz(func(t *testing.T, file []byte) {
		rows, err := table.ReadParquet[table.Source](bytes.NewReader(file), int64(len(file)))
		if err != nil {
			assert.ErrorIs(t, err, table.ErrParquet)
			return
		}
		var again bytes.Buffer
		require.NoError(t, table.WriteParquet(&again, rows))
		back, err := table.ReadParquet[table.Source](bytes.NewReader(again.Bytes()), int64(again.Len()))
		require.NoError(t, err)
		if diff := cmp.Diff(rows, back, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("ReadParquet(WriteParquet(rows)) mismatch (-first +second):\n%s", diff)
		}
	})
}

// TestHeaderNamesPrintSafely gives CSV headers whose column names hold
// escape sequences, a carriage return, a right-to-left override and a
// megabyte of text. The name goes into the error people read on a
// terminal: quoted and shortened, never raw.
func TestHeaderNamesPrintSafely(t *testing.T) {
	long := strings.Repeat("c", 1<<20)
	tests := []struct {
		name   string
		header string
		column string
	}{
		{"unknown-escape", "claim_id,\"\x1b[2J\rFAKE: confirmed\"\n", `"\x1b[2J\rFAKE: confirmed"`},
		{"unknown-bidi", "claim_id,a\u202eb\n", `"a\u202eb"`},
		{"unknown-long", "claim_id," + long + "\n", strings.Repeat("c", 64) + "… (1048576 bytes)"},
		{"duplicate-plain", "claim_id,claim_id\n", "claim_id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := table.ReadCSV[table.Claim](strings.NewReader(tc.header))
			var te *table.Error
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tc.column, te.Column)
			msg := err.Error()
			assert.Less(t, len(msg), 2048, "length of the message")
			for _, r := range msg {
				if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
					t.Errorf("message holds %U raw: %q", r, msg)
					break
				}
			}
		})
	}
}
