package jsonl

import (
	"bytes"

	"github.com/claimtrail/claimtrail/claim"
)

// statementOpen is how the encoder starts a statement line.
const statementOpen = `{"type":"statement"`

// fastStatement decodes a statement line that starts as the encoder
// writes one, {"type":"statement" and then the statement's members, with
// claim.DecodeStatement, the reader claim.Decode uses for each statement
// of a corpus: the rest of the line, "{" in place of the comma after the
// type, is a statement object, copied into scratch, which is returned for
// the next line. It reports false for any other line and for one
// DecodeStatement refuses; the line then takes the general path, which
// decodes it the same way or reports its problems with the line's
// number and the record's field paths. FuzzFastStatement checks that both
// paths agree.
func fastStatement(line, scratch []byte) (claim.Statement, []byte, bool) {
	if !bytes.HasPrefix(line, []byte(statementOpen)) || len(line) == len(statementOpen) {
		return claim.Statement{}, scratch, false
	}
	rest := line[len(statementOpen):]
	switch rest[0] {
	case '}':
		return claim.Statement{}, scratch, len(bytes.TrimSpace(rest[1:])) == 0
	case ',':
		if bytes.HasPrefix(bytes.TrimLeft(rest[1:], " \t\r\n"), []byte("}")) {
			return claim.Statement{}, scratch, false // a comma before the end
		}
	default:
		return claim.Statement{}, scratch, false
	}
	scratch = append(append(scratch[:0], '{'), rest[1:]...)
	s, err := claim.DecodeStatement(scratch)
	return s, scratch, err == nil
}
