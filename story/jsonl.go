package story

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxDecisionLine is the longest line ReadDecisions reads: 1 MiB, far
// more than any decision needs, so that a hostile file cannot make it hold
// an unbounded line in memory.
const MaxDecisionLine = 1 << 20

// ReadDecisions reads a decisions file: JSON Lines, one Decision object per
// line, as WriteDecisions writes them. Blank lines are skipped. A line that
// is not one JSON object of a decision (unknown member, member given twice,
// trailing data, a line longer than MaxDecisionLine), or a decision that
// fails Decision.Check, gives a *FieldError whose field is "line N" or
// "line N.FIELD", wrapping ErrSyntax or Check's error. An undo reads
// {"kind":"undo","undoes":SEQ} (see Decision); a file without one reads as
// it always did. It reads in time linear
// in the input and holds one line at a time besides the decisions.
func ReadDecisions(r io.Reader) ([]Decision, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var out []Decision
	for n := 1; ; n++ {
		line, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return out, &FieldError{Field: fmt.Sprintf("line %d", n), Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
		}
		if len(bytes.TrimSpace(line)) > 0 {
			d, derr := decodeDecision(line)
			if derr != nil {
				return out, prefix(fmt.Sprintf("line %d", n), derr)
			}
			out = append(out, d)
		}
		if errors.Is(err, io.EOF) {
			return out, nil
		}
	}
}

// errLongLine reports a line longer than MaxDecisionLine.
var errLongLine = fmt.Errorf("line longer than %d bytes", MaxDecisionLine)

// readLine reads one line without its end, refusing lines longer than
// MaxDecisionLine; it returns io.EOF with the last line.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > MaxDecisionLine+1 {
			return nil, errLongLine
		}
		line = append(line, chunk...)
		switch {
		case err == nil:
			return bytes.TrimSuffix(line, []byte("\n")), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return line, err
		}
	}
}

// decodeDecision decodes and checks one line.
func decodeDecision(line []byte) (Decision, error) {
	if err := checkKeys(line); err != nil {
		return Decision{}, err
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	var d Decision
	if err := dec.Decode(&d); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			return Decision{}, fe
		}
		return Decision{}, fieldErr("json", string(line), fmt.Errorf("%w: %w", ErrSyntax, err))
	}
	if dec.More() {
		return Decision{}, fieldErr("json", string(line), fmt.Errorf("%w: data after the object", ErrSyntax))
	}
	if err := d.Check(); err != nil {
		return Decision{}, err
	}
	return d, nil
}

// checkKeys refuses a line whose object gives a member twice, which
// encoding/json would take silently (the last one wins).
func checkKeys(line []byte) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	t, err := dec.Token()
	if err != nil || t != json.Delim('{') {
		return fieldErr("json", string(line), fmt.Errorf("%w: not a JSON object", ErrSyntax))
	}
	seen := make(map[string]bool)
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fieldErr("json", string(line), fmt.Errorf("%w: %w", ErrSyntax, err))
		}
		k, _ := t.(string)
		if seen[k] {
			return fieldErr(k, "", fmt.Errorf("%w: member given twice", ErrSyntax))
		}
		seen[k] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return fieldErr(k, "", fmt.Errorf("%w: %w", ErrSyntax, err))
		}
	}
	return nil
}

// WriteDecisions writes decisions as JSON Lines, one object per line, in
// order, as ReadDecisions reads them. It fails on the first decision that
// does not marshal (an enum out of range) or the writer's first error.
// Linear in the decisions.
func WriteDecisions(w io.Writer, ds []Decision) error {
	bw := bufio.NewWriter(w)
	for i, d := range ds {
		b, err := json.Marshal(d)
		if err != nil {
			return prefix(fmt.Sprintf("decisions[%d]", i), err)
		}
		if _, err := bw.Write(append(b, '\n')); err != nil {
			return err
		}
	}
	return bw.Flush()
}
