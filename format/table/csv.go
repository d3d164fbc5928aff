package table

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/cameo"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
)

// Row is the set of row types: one per table, the CAMEO event table of
// package format/cameo included.
type Row interface {
	Mention | Claim | Step | Source | cameo.Event
}

// ListSeparator separates the items of a list column (via, accused,
// aliases) in a CSV cell. An item that holds it cannot be written to CSV.
const ListSeparator = ";"

// WriteCSV writes rows as a CSV table (RFC 4180 quoting through
// encoding/csv, lines ending in "\n"): a header of the column names, then
// one line per row. Times are RFC 3339 in UTC, empty when unknown; lists
// are joined with [ListSeparator]. It fails on a list item that holds the
// separator, with an [*Error] naming the row and the column, and on a
// write error. WriteCSV takes time linear in the size of rows and holds
// one line at a time besides them.
//
// A spreadsheet may read a cell that starts with "=", "+", "-" or "@" as a
// formula; quotes from articles are written as they are, so open the
// file as text, or import it, rather than double-click it, when its
// articles are not your own.
func WriteCSV[R Row](w io.Writer, rows []R) error {
	cols := columnsOf(reflect.TypeFor[R]())
	cw := csv.NewWriter(w)
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.name
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("table: writing CSV: %w", err)
	}
	record := make([]string, len(cols))
	for i := range rows {
		v := reflect.ValueOf(&rows[i]).Elem()
		for k, c := range cols {
			cell, err := formatCell(v.Field(c.index))
			if err != nil {
				return &Error{Row: i + 1, Column: c.name, Value: cell, Err: err}
			}
			record[k] = cell
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("table: writing CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("table: writing CSV: %w", err)
	}
	return nil
}

// ReadCSV reads a CSV table of rows of type R as [WriteCSV] writes it. The
// header names the columns, in any order; a column left out reads as
// empty, an unknown or repeated column is an error. Every problem is
// reported at once, each an [*Error] with its row, line and column, up to
// [claim.MaxProblems]: unknown and repeated columns, lines with more or
// fewer cells than the header, CSV syntax, and cells that do not parse
// as their column's kind. A UTF-8 byte-order mark before the header is
// ignored. ReadCSV takes time and memory linear in the size of the table.
func ReadCSV[R Row](r io.Reader) ([]R, error) {
	cols := columnsOf(reflect.TypeFor[R]())
	byName := make(map[string]column, len(cols))
	for _, c := range cols {
		byName[c.name] = c
	}
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	var p problems
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &Error{Row: 0, Line: 1, Err: fmt.Errorf("%w: no header", claim.ErrEmpty)}
	}
	if err != nil {
		return nil, csvErr(err)
	}
	fields := make([]column, len(header))
	seen := map[string]bool{}
	for i, name := range header {
		if i == 0 {
			name = strings.TrimPrefix(name, "\uFEFF")
		}
		c, ok := byName[name]
		// The name comes from the file and goes into an error people read
		// on a terminal: shortened, and quoted when it holds anything that
		// does not print plainly, such as an escape sequence.
		shown := display.Safe(source.Excerpt(name))
		switch {
		case !ok:
			p.add(&Error{Line: 1, Column: shown, Value: name, Err: fmt.Errorf("%w (valid: %s)", ErrUnknownColumn, columnList(cols))})
		case seen[name]:
			p.add(&Error{Line: 1, Column: shown, Value: name, Err: ErrDuplicateColumn})
		}
		seen[name] = true
		fields[i] = c
		if !ok {
			fields[i] = column{index: -1}
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	var rows []R
	for n := 1; ; n++ {
		record, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.add(csvErr(err))
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			break // a syntax error leaves the reader lost
		}
		var row R
		v := reflect.ValueOf(&row).Elem()
		for i, cell := range record {
			if err := parseCell(v.Field(fields[i].index), cell); err != nil {
				line, _ := cr.FieldPos(i)
				p.add(&Error{Row: n, Line: line, Column: fields[i].name, Value: cell, Err: err})
			}
		}
		rows = append(rows, row)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return rows, nil
}

// csvErr turns an encoding/csv error into an *Error with its line.
func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{Line: pe.Line, Err: fmt.Errorf("%w: %w", ErrSyntax, pe.Err)}
	}
	return fmt.Errorf("table: reading CSV: %w", err)
}

// column is one column of a row type: the index of its field and its name.
type column struct {
	index int
	name  string
}

// columnsOf returns the columns of row type t, named by their parquet
// tags, in field order.
func columnsOf(t reflect.Type) []column {
	cols := make([]column, t.NumField())
	for i := range cols {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("parquet"), ",")
		cols[i] = column{index: i, name: name}
	}
	return cols
}

// Columns returns the column names of the table of rows of type R, in
// order: the header WriteCSV writes and the columns of the Parquet file
// WriteParquet writes.
func Columns[R Row]() []string {
	cols := columnsOf(reflect.TypeFor[R]())
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

func columnList(cols []column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

var timeType = reflect.TypeFor[time.Time]()

// formatCell writes one field as a CSV cell.
func formatCell(v reflect.Value) (string, error) {
	switch {
	case v.Type() == timeType:
		return v.Interface().(time.Time).UTC().Format(time.RFC3339Nano), nil
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return "", nil
		}
		return formatCell(v.Elem())
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), nil
	case reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64), nil
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Slice:
		items := v.Interface().([]string)
		for _, it := range items {
			if strings.Contains(it, ListSeparator) || it == "" {
				return it, fmt.Errorf("%w: a list item cannot be empty or hold %q in CSV", ErrInvalid, ListSeparator)
			}
		}
		return strings.Join(items, ListSeparator), nil
	default:
		return "", fmt.Errorf("%w: no CSV form for %s", ErrInvalid, v.Type())
	}
}

// parseCell reads one CSV cell into a field; an empty cell leaves the zero
// value. A field index of -1 is an unknown column, already reported.
func parseCell(v reflect.Value, cell string) error {
	if !v.IsValid() || cell == "" {
		return nil
	}
	switch {
	case v.Type() == timeType:
		t, err := parseTime(cell)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(t))
		return nil
	case v.Kind() == reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := parseCell(p.Elem(), cell); err != nil {
			return err
		}
		v.Set(p)
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(cell)
	case reflect.Int64:
		n, err := strconv.ParseInt(strings.TrimSpace(cell), 10, 64)
		if err != nil {
			return fmt.Errorf("%w: want an integer", ErrInvalid)
		}
		v.SetInt(n)
	case reflect.Float64:
		f, err := strconv.ParseFloat(strings.TrimSpace(cell), 64)
		if err != nil {
			return fmt.Errorf("%w: want a number", ErrInvalid)
		}
		v.SetFloat(f)
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.TrimSpace(cell))
		if err != nil {
			return fmt.Errorf("%w: want true or false", ErrInvalid)
		}
		v.SetBool(b)
	case reflect.Slice:
		v.Set(reflect.ValueOf(strings.Split(cell, ListSeparator)))
	default:
		// The row types hold no other kinds; formatCell reports them.
	}
	return nil
}

// parseTime reads an RFC 3339 time, or a date alone as midnight UTC, as a
// spreadsheet may write it back.
func parseTime(cell string) (time.Time, error) {
	cell = strings.TrimSpace(cell)
	if t, err := time.Parse(time.RFC3339Nano, cell); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, cell); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%w: want an RFC 3339 time such as 2024-03-04T18:00:00Z, or a date", ErrInvalid)
}
