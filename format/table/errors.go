package table

import (
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Sentinel errors wrapped by [Error]; test for them with errors.Is.
// Problems with the corpus a table imports into wrap the sentinels of
// packages claim and source.
var (
	// ErrSyntax reports a CSV table that encoding/csv cannot read, or a
	// line with more or fewer cells than the header.
	ErrSyntax = errors.New("not a CSV table")
	// ErrParquet reports a Parquet file that cannot be read: not Parquet,
	// cut short or damaged.
	ErrParquet = errors.New("not a readable Parquet file")
	// ErrUnknownColumn reports a header naming no column of the table.
	ErrUnknownColumn = errors.New("unknown column")
	// ErrDuplicateColumn reports a header naming a column twice.
	ErrDuplicateColumn = errors.New("column given twice")
	// ErrMismatch reports rows of one statement, or of one claim, that
	// disagree on what they share.
	ErrMismatch = errors.New("rows of one record disagree")
	// ErrInvalid is claim.ErrInvalid: a cell that does not parse as its
	// column's kind, or a value with no form in the table.
	ErrInvalid = claim.ErrInvalid
)

// Error reports one problem with one cell, row or line of a table. Row
// counts the table's rows from 1, the header not counted, and is zero for
// a problem of the header or of a line that is not a row; Line is the
// line of a CSV file the problem is on, counting the header as line 1,
// and zero when the table was not read from a file. Column names the
// column, Field the field of the corpus record built from the row, when
// the problem lies there, such as "mentions[0].span"; Value is the
// offending value, or an excerpt of it (source.Excerpt). Err wraps a
// sentinel of this package or of packages claim and source.
type Error struct {
	Row    int
	Line   int
	Column string
	Field  string
	Value  string
	Err    error
}

// Error returns "table: row N (line L), column C "VALUE": REASON", with
// the parts that are unknown left out.
func (e *Error) Error() string {
	at := "table:"
	if e.Row > 0 {
		at += fmt.Sprintf(" row %d", e.Row)
	}
	if e.Line > 0 {
		if e.Row > 0 {
			at += fmt.Sprintf(" (line %d)", e.Line)
		} else {
			at += fmt.Sprintf(" line %d", e.Line)
		}
	}
	if e.Column != "" {
		at += ", column " + e.Column
	}
	if e.Field != "" {
		at += ", field " + e.Field
	}
	if e.Column == "" && e.Field == "" && e.Value == "" {
		return fmt.Sprintf("%s: %v", at, e.Err)
	}
	return fmt.Sprintf("%s %q: %v", at, source.Excerpt(e.Value), e.Err)
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// problems collects the first claim.MaxProblems errors and counts the
// rest.
type problems struct {
	list []error
	more int
}

func (p *problems) add(err error) {
	if len(p.list) < claim.MaxProblems {
		p.list = append(p.list, err)
		return
	}
	p.more++
}

func (p *problems) err() error {
	if p.more > 0 {
		return errors.Join(append(p.list, fmt.Errorf("table: and %d more problems", p.more))...)
	}
	return errors.Join(p.list...)
}
