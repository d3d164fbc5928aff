package table

import (
	"errors"
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"

	"github.com/claimtrail/claimtrail/source"
)

// WriteParquet writes rows as a Parquet file with one column per field,
// named as [Columns] names them: IDs, names and enums (act, status,
// factuality, precision) as dictionary-encoded strings, counts and
// offsets as 64-bit integers, times as timestamps in milliseconds (UTC;
// null when unknown), lists (via, accused, aliases) as lists of strings.
// It is plain Parquet: DuckDB reads it as it is (.ci/run checks that),
// and so can pandas, Polars or Spark. WriteParquet takes
// time and memory linear in the size of rows.
func WriteParquet[R Row](w io.Writer, rows []R) error {
	pw := parquet.NewGenericWriter[R](w)
	if _, err := pw.Write(rows); err != nil {
		return fmt.Errorf("table: writing Parquet: %w", err)
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("table: writing Parquet: %w", err)
	}
	return nil
}

// ReadParquet reads the rows of a Parquet file that WriteParquet wrote, or
// any file whose columns have the same names and kinds (columns the file
// lacks read as zero values). r holds the file, size bytes long. Times come
// back in UTC at millisecond precision. A file that is not Parquet, is cut
// short or is damaged gives an error wrapping [ErrParquet], never a panic.
//
// ReadParquet takes time and memory linear in the size of the file plus
// the rows it holds: it reads 256 rows at a time, so a file
// whose metadata claims more rows than its pages hold costs no more than
// the rows it holds. Compressed pages can hold many rows per byte; to
// bound the memory of an untrusted file, bound its size and the rows it
// declares before calling (parquet.OpenFile gives NumRows).
func ReadParquet[R Row](r io.ReaderAt, size int64) (rows []R, err error) {
	// parquet-go trusts the offsets and lengths a file states, and a
	// damaged one makes it index out of range: such a panic is the
	// file's fault, and is reported as one.
	defer func() {
		if p := recover(); p != nil {
			rows, err = nil, fmt.Errorf("table: reading Parquet: %w (%s)", ErrParquet, source.Excerpt(fmt.Sprint(p)))
		}
	}()
	f, err := parquet.OpenFile(r, size)
	if err != nil {
		return nil, fmt.Errorf("table: reading Parquet: %w: %w", ErrParquet, err)
	}
	pr := parquet.NewGenericReader[R](f)
	defer pr.Close()
	// parquet.Read makes room for the rows the metadata claims before
	// reading any: a 3 KB file claiming a million rows took gigabytes.
	// Reading in batches makes the memory follow the rows actually read.
	batch := make([]R, parquetBatch)
	for {
		n, err := pr.Read(batch)
		rows = append(rows, batch[:n]...)
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("table: reading Parquet: %w: %w", ErrParquet, err)
		}
		if n == 0 {
			return rows, nil
		}
	}
}

// parquetBatch is how many rows ReadParquet reads at a time.
const parquetBatch = 256
