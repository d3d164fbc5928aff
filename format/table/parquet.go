package table

import (
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"
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
// back in UTC at millisecond precision. ReadParquet takes time and memory
// linear in the size of the file.
func ReadParquet[R Row](r io.ReaderAt, size int64) ([]R, error) {
	rows, err := parquet.Read[R](r, size)
	if err != nil {
		return nil, fmt.Errorf("table: reading Parquet: %w", err)
	}
	return rows, nil
}
