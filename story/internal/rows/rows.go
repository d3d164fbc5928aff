// Package rows turns a story.Batch into table rows and back, for the store
// backends: one encoding, so that SQLite and PostgreSQL hold the same rows.
package rows

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/jsonl"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// Table is a table of the store schema: its name and its columns after
// story_id and seq, which every table has.
type Table struct {
	Name    string
	Columns []string
}

// Tables are the tables a batch writes, in the order a batch is written.
var Tables = []Table{
	{Name: "sources", Columns: []string{"id", "doc"}},
	{Name: "articles", Columns: []string{"id", "after", "doc"}},
	{Name: "claims", Columns: []string{"id", "doc"}},
	{Name: "statements", Columns: []string{"id", "claim_id", "doc"}},
	{Name: "decisions", Columns: []string{"doc"}},
}

// Row is one row to insert: its key (the record's ID, for error messages)
// and the values of its table's Columns.
type Row struct {
	Key    string
	Values []any
}

// Encoded is a batch as rows, by table.
type Encoded struct {
	rows map[string][]Row
}

// Rows returns the rows of a table.
func (e *Encoded) Rows(table string) []Row { return e.rows[table] }

// CheckStory reports a story name that story.Open would refuse.
func CheckStory(id string) error { return story.CheckID(id) }

// Encode turns a batch into rows; a record that does not marshal (an enum
// out of range) is an error. Linear in the batch.
func Encode(b *story.Batch) (*Encoded, error) {
	e := &Encoded{rows: make(map[string][]Row)}
	add := func(table, key string, v any, values ...any) error {
		doc, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("story: %s %q: %w", table, key, err)
		}
		e.rows[table] = append(e.rows[table], Row{Key: key, Values: append(values, doc)})
		return nil
	}
	for _, s := range b.Sources {
		if err := add("sources", string(s.ID), s, string(s.ID)); err != nil {
			return nil, err
		}
	}
	for _, a := range b.Articles {
		if err := add("articles", string(a.Article.ID), a.Article, string(a.Article.ID), a.After); err != nil {
			return nil, err
		}
	}
	for _, c := range b.Claims {
		if err := add("claims", string(c.ID), c, string(c.ID)); err != nil {
			return nil, err
		}
	}
	if len(b.Statements) > 0 {
		// One buffer holds every statement's row; each row is a slice of it.
		buf := make([]byte, 0, 128*len(b.Statements))
		rs := make([]Row, 0, len(b.Statements))
		values := make([]any, 0, 3*len(b.Statements))
		for i := range b.Statements {
			s := &b.Statements[i]
			start := len(buf)
			var err error
			if buf, err = appendStatement(buf, s); err != nil {
				return nil, fmt.Errorf("story: statements %q: %w", source.Excerpt(string(s.ID)), err)
			}
			values = append(values, string(s.ID), string(s.Claim), buf[start:len(buf):len(buf)])
			rs = append(rs, Row{Key: string(s.ID), Values: values[len(values)-3 : len(values) : len(values)]})
		}
		// A row's slice of buf stays valid when buf grows: it points at the
		// old array, which is not written again.
		e.rows["statements"] = rs
	}
	for _, d := range b.Decisions {
		d.Seq = 0 // the row's seq is the decision's place in the log
		if err := add("decisions", string(d.Key), d); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// Decoder builds a batch from rows. Statement rows in JSON are decoded
// together by Finish, which a caller must call after the last row.
type Decoder struct {
	Batch *story.Batch
	enums enums
	// json holds the statement rows in JSON, and jsonAt their places in
	// Batch.Statements.
	json   [][]byte
	jsonAt []int
}

// NewDecoder returns a decoder of an empty batch.
func NewDecoder() *Decoder { return &Decoder{Batch: &story.Batch{}} }

func decode(table string, doc []byte, v any) error {
	if err := json.Unmarshal(doc, v); err != nil {
		return fmt.Errorf("story: stored %s row: %w", table, err)
	}
	return nil
}

// Source decodes a row of sources.
func (d *Decoder) Source(doc []byte) error {
	var s source.Source
	err := decode("sources", doc, &s)
	d.Batch.Sources = append(d.Batch.Sources, s)
	return err
}

// Article decodes a row of articles.
func (d *Decoder) Article(doc []byte, after int) error {
	var a source.Article
	err := decode("articles", doc, &a)
	d.Batch.Articles = append(d.Batch.Articles, story.StoredArticle{Article: a, After: after})
	return err
}

// Claim decodes a row of claims.
func (d *Decoder) Claim(doc []byte) error {
	var c claim.Claim
	err := decode("claims", doc, &c)
	d.Batch.Claims = append(d.Batch.Claims, c)
	return err
}

// Statement decodes a row of statements: in the compact layout at once,
// in JSON (as rows written before the layout are) when Finish is called.
// doc must not change until then.
func (d *Decoder) Statement(doc []byte) error {
	if len(doc) > 0 && doc[0] == compactStatement {
		st, err := d.enums.readStatement(string(doc))
		d.Batch.Statements = append(d.Batch.Statements, st)
		return err
	}
	d.json = append(d.json, doc)
	d.jsonAt = append(d.jsonAt, len(d.Batch.Statements))
	d.Batch.Statements = append(d.Batch.Statements, claim.Statement{})
	return nil
}

// Finish decodes the statement rows in JSON, in bulk, through the statement
// parser of format/jsonl, which reads a statement's JSON several times
// faster than encoding/json. The rows are read one after the other, never
// all copied into one buffer.
func (d *Decoder) Finish() error {
	if len(d.json) == 0 {
		return nil
	}
	n := 0
	for rec, err := range jsonl.Read(&statementLines{docs: d.json}, jsonl.Options{}) {
		if err != nil {
			return fmt.Errorf("story: stored statements row: %w", err)
		}
		if n == len(d.json) {
			break
		}
		d.Batch.Statements[d.jsonAt[n]] = rec.Statement
		n++
	}
	if n != len(d.json) {
		return fmt.Errorf("story: stored statements: %d rows read as %d statements", len(d.json), n)
	}
	d.json, d.jsonAt = nil, nil
	return nil
}

// statementLines reads JSON objects of statements as JSON Lines records of
// type "statement": `{"type":"statement",` then each object after its
// opening brace, then a line end.
type statementLines struct {
	docs [][]byte
	i    int    // the document being read
	rest []byte // what is left of it to give
	head bool   // whether its type member has been given
}

var statementHead = []byte(`{"type":"statement"`)

func (r *statementLines) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if r.rest == nil {
			if r.i == len(r.docs) {
				if n == 0 {
					return 0, io.EOF
				}
				return n, nil
			}
			doc := bytes.TrimSpace(r.docs[r.i])
			r.i++
			if len(doc) < 2 || doc[0] != '{' {
				return n, fmt.Errorf("story: stored statements row %d is not a JSON object", r.i)
			}
			body := bytes.TrimSpace(doc[1:])
			if body[0] != '}' {
				r.rest = append(append([]byte{','}, body...), '\n')
			} else {
				r.rest = append(body, '\n')
			}
			r.head = false
		}
		if !r.head {
			k := copy(p[n:], statementHead)
			if k < len(statementHead) {
				// Too little room for the head: give it whole next time.
				if n == 0 {
					return 0, io.ErrShortBuffer
				}
				return n, nil
			}
			n += k
			r.head = true
		}
		k := copy(p[n:], r.rest)
		n += k
		r.rest = r.rest[k:]
		if len(r.rest) == 0 {
			r.rest = nil
		}
	}
	return n, nil
}

// Decision decodes a row of decisions at its place in the log; a decision
// that fails story.Decision.Check is an error, since no store writes one.
func (d *Decoder) Decision(doc []byte, seq int64) error {
	var x story.Decision
	err := decode("decisions", doc, &x)
	if err == nil {
		if cerr := x.Check(); cerr != nil {
			err = fmt.Errorf("story: stored decisions row %d: %w", seq, cerr)
		}
	}
	x.Seq = seq
	d.Batch.Decisions = append(d.Batch.Decisions, x)
	return err
}

// Duplicate returns the error of a failed insert: a *story.FieldError
// wrapping story.ErrDuplicateID when unique says the database refused a
// duplicate key, else err.
func Duplicate(table, key string, err error, unique bool) error {
	if unique {
		return &story.FieldError{Field: table + ".id", Value: source.Excerpt(key), Err: story.ErrDuplicateID}
	}
	return fmt.Errorf("story: insert into %s: %w", table, err)
}

// Scanner reads the columns of the row a query stands on: database/sql's
// *sql.Rows and pgx's Rows are both one.
type Scanner interface {
	Scan(dest ...any) error
}

// Query runs the SQL query q, whose one parameter is the story's name, and
// calls scan for each row, in order, until scan fails.
type Query func(q string, scan func(Scanner) error) error

// Marks are the last seq of each table of Tables, in its order, after one
// batch of a story: the batches table keeps them, so that a reader can ask
// for what came after a batch and a writer knows where to go on.
type Marks [5]int64

// marksColumns are the columns of the batches table that hold Marks.
const marksColumns = `sources, articles, claims, statements, decisions`

// Load reads a story's rows appended after batch since (0: all of them)
// through query and decodes them: sources, articles, claims, statements
// and decisions in the order they were appended, then the story's corpus
// format and its head. param is how the database writes the query's
// parameter ("?" or "$1"). A since above the story's head is an error
// wrapping story.ErrInvalid. Linear in the rows read; when since is the
// story's head, three look-ups and no table read.
func Load(query Query, param string, since int64) (*story.Batch, error) {
	d := NewDecoder()
	var doc []byte
	var after int
	var from Marks
	where := ` WHERE story_id = ` + param
	if since < 0 {
		return nil, &story.FieldError{Field: "since", Value: strconv.FormatInt(since, 10), Err: story.ErrInvalid}
	}
	if since > 0 {
		found := false
		err := query(`SELECT `+marksColumns+` FROM batches`+where+` AND batch = `+strconv.FormatInt(since, 10), func(r Scanner) error {
			found = true
			return r.Scan(&from[0], &from[1], &from[2], &from[3], &from[4])
		})
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, &story.FieldError{Field: "since", Value: strconv.FormatInt(since, 10), Err: fmt.Errorf("%w: the story has no such batch", story.ErrInvalid)}
		}
	}
	newer := func(i int) string {
		return where + ` AND seq > ` + strconv.FormatInt(from[i], 10) + ` ORDER BY seq`
	}
	steps := []struct {
		q    string
		scan func(Scanner) error
	}{
		{`SELECT COALESCE(MAX(batch), 0) FROM batches` + where, func(r Scanner) error {
			return r.Scan(&d.Batch.Head)
		}},
		{`SELECT doc FROM sources` + newer(0), func(r Scanner) error {
			return errors.Join(r.Scan(&doc), d.Source(doc))
		}},
		{`SELECT after, doc FROM articles` + newer(1), func(r Scanner) error {
			return errors.Join(r.Scan(&after, &doc), d.Article(doc, after))
		}},
		{`SELECT doc FROM claims` + newer(2), func(r Scanner) error {
			return errors.Join(r.Scan(&doc), d.Claim(doc))
		}},
		{Last("statements", param), func(r Scanner) error {
			// Statements are numbered from 1 on without gaps, so the last
			// seq is their number: most of a large story's memory, taken
			// at once rather than grown (and copied) by doubling.
			var n int64
			err := r.Scan(&n)
			d.Batch.Statements = make([]claim.Statement, 0, min(max(n-from[3], 0), maxPresize))
			return err
		}},
		{`SELECT doc FROM statements` + newer(3), func(r Scanner) error {
			var doc []byte // a copy of its own, kept until d.Finish
			return errors.Join(r.Scan(&doc), d.Statement(doc))
		}},
		{`SELECT seq, doc FROM decisions` + newer(4), func(r Scanner) error {
			var seq int64
			return errors.Join(r.Scan(&seq, &doc), d.Decision(doc, seq))
		}},
		{`SELECT format FROM stories` + where, func(r Scanner) error {
			return r.Scan(&d.Batch.Format)
		}},
	}
	for i, st := range steps {
		if i == 1 && since > 0 && d.Batch.Head == since {
			// Nothing new, the common case of a writer catching up
			// before it writes: the tables are not read.
			st = steps[len(steps)-1]
			if err := query(st.q, st.scan); err != nil {
				return nil, err
			}
			break
		}
		if err := query(st.q, st.scan); err != nil {
			return nil, err
		}
	}
	if err := d.Finish(); err != nil {
		return nil, err
	}
	return d.Batch, nil
}

// maxPresize bounds the statements Load makes room for before reading
// them, should a damaged store hold a seq far beyond its rows.
const maxPresize = 1 << 22

// Last returns the query of the last seq a table holds for a story (0 when
// it holds none), with param the database's way of writing its parameter.
func Last(table, param string) string {
	return `SELECT COALESCE(MAX(seq), 0) FROM ` + table + ` WHERE story_id = ` + param
}

// HeadQuery returns the query of a story's head and the Marks after it (no
// row for a story never written), with param the database's way of
// writing its parameter.
func HeadQuery(param string) string {
	return `SELECT batch, ` + marksColumns + ` FROM batches WHERE story_id = ` + param + ` ORDER BY batch DESC LIMIT 1`
}

// ScanHead reads a row of HeadQuery.
func ScanHead(r Scanner) (head int64, m Marks, err error) {
	err = r.Scan(&head, &m[0], &m[1], &m[2], &m[3], &m[4])
	return head, m, err
}

// InsertBatch returns the statement that records a batch: its parameters
// are the story, the batch's number and its Marks, written with param as
// the database writes parameter i (from 1).
func InsertBatch(param func(i int) string) string {
	q := `INSERT INTO batches (story_id, batch, ` + marksColumns + `) VALUES (`
	for i := 1; i <= 7; i++ {
		if i > 1 {
			q += ", "
		}
		q += param(i)
	}
	return q + `)`
}

// Conflict returns the error of an Append whose writer saw head want while
// the story is at have.
func Conflict(id string, want, have int64) error {
	return fmt.Errorf("story: %q is at batch %d, not %d as the writer saw: %w", id, have, want, story.ErrConflict)
}

// Append writes an encoded batch table by table, in the order of Tables,
// inside the caller's transaction, after checking the story's head.
// headNow returns the story's head and Marks (0 and zero Marks for a story
// never written); a head other than want fails with an error wrapping
// story.ErrConflict, unless want is story.AnyHead. insert writes a table's
// rows, the first at seq first, and record the batch's row (its number and
// Marks). It returns the new head, and stops at the first error. Linear in
// the batch.
func Append(enc *Encoded, id string, want int64, headNow func() (int64, Marks, error), insert func(t Table, first int64, rs []Row) error, record func(head int64, m Marks) error) (int64, error) {
	head, m, err := headNow()
	if err != nil {
		return 0, err
	}
	if want != story.AnyHead && want != head {
		return 0, Conflict(id, want, head)
	}
	for i, t := range Tables {
		rs := enc.Rows(t.Name)
		if len(rs) == 0 {
			continue
		}
		if err := insert(t, m[i]+1, rs); err != nil {
			return 0, err
		}
		m[i] += int64(len(rs))
	}
	if err := record(head+1, m); err != nil {
		return 0, err
	}
	return head + 1, nil
}

// Cursor is a query's result as database/sql and pgx both give it.
type Cursor interface {
	Scanner
	Next() bool
	Err() error
}

// Each calls scan for each row of c, in order, and returns the first error
// of scan or of c. The caller closes c.
func Each(c Cursor, scan func(Scanner) error) error {
	for c.Next() {
		if err := scan(c); err != nil {
			return err
		}
	}
	return c.Err()
}
