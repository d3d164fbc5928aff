package claim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/internal/jsonwalk"
)

// DecodeStatement decodes one statement from data: a JSON object as
// encoding/json writes a [Statement], and as a corpus document holds each
// of its statements. It reads it as [Decode] reads the statements of a
// corpus, with the same reader: member names must match exactly; unknown
// members ([ErrUnknownField]), a member given twice ([ErrDuplicateKey]),
// values of the wrong kind ([ErrInvalid]), unknown enum names, dates that
// do not parse, invalid UTF-8 and data after the object are errors, each
// a [*FieldError] with its path within the statement, such as
// "mentions[0].span.start", its Line and Column in data, all reported at
// once. A problem with the whole of data is on the field "statement".
//
// DecodeStatement does not check the statement against a corpus (its
// claim, source and articles, its spans against their texts, whether its
// act fits its factuality): [Corpus.Validate] does. The statement's
// strings are its own, not data's. It is for readers of other formats
// that hold statements one by one (package format/jsonl reads each
// statement line with it), and takes time and memory linear in len(data).
func DecodeStatement(data []byte) (Statement, error) {
	if utf8.Valid(data) {
		p := fastParser{Parser: jsonwalk.Parser{B: data}}
		var s Statement
		if p.statement(&s) && p.End() {
			return s, nil
		}
	}
	s, err := decodeStatementSlow(data)
	if err != nil {
		return Statement{}, place(data, onStatement(err))
	}
	return s, nil
}

// decodeStatementSlow decodes a statement the fast reader turned away, as
// decodeSlow decodes a corpus: it reports its problems with their paths,
// or decodes it with encoding/json.
func decodeStatementSlow(data []byte) (Statement, error) {
	t := reflect.TypeFor[Statement]()
	if !utf8.Valid(data) {
		at := jsonwalk.InvalidAt(data)
		if _, bad, err := scanDocument(data, t, true); bad > 0 {
			return Statement{}, err
		}
		return Statement{}, corpusErrAt(at, fmt.Sprintf("byte offset %d", at), ErrInvalidUTF8)
	}
	if at := loneSurrogate(data); at >= 0 {
		return Statement{}, corpusErrAt(at, fmt.Sprintf("byte offset %d", at), fmt.Errorf("%w: an escaped UTF-16 surrogate without its pair", ErrInvalidUTF8))
	}
	end, _, err := scanDocument(data, t, false)
	if err != nil {
		return Statement{}, err
	}
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		at := len(data) - len(rest)
		return Statement{}, corpusErrAt(at, fmt.Sprintf("byte offset %d", at), fmt.Errorf("%w: data after the statement", ErrInvalid))
	}
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return Statement{}, fieldErr("statement", "null", fmt.Errorf("%w: want an object, got null", ErrInvalid))
	}
	var s Statement
	if err := json.Unmarshal(data, &s); err != nil {
		return Statement{}, fieldErr("statement", "", fmt.Errorf("%w: %w", ErrInvalid, err))
	}
	return s, nil
}

// onStatement names the whole of a statement "statement" where the
// corpus's readers name the whole document "corpus", in each problem err
// joins.
func onStatement(err error) error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs := joined.Unwrap()
		out := make([]error, len(errs))
		for i, e := range errs {
			out[i] = onStatement(e)
		}
		return errors.Join(out...)
	}
	if fe := (*FieldError)(nil); errors.As(err, &fe) && fe.Field == "corpus" {
		c := *fe
		c.Field = "statement"
		return &c
	}
	return err
}
