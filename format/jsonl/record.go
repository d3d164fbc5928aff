package jsonl

import (
	"errors"
	"fmt"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/enumtext"
	"github.com/claimtrail/claimtrail/source"
)

// Type says what a [Record] holds. The zero Type is TypeUnknown, a
// placeholder no line may carry: it marshals to "unknown" and reads back,
// as every enum of claimtrail does, but [Type.IsValid] reports false for
// it, and the reader and the encoder refuse a record of that type.
type Type uint8

// The record types, in the order [Write] writes them.
const (
	TypeUnknown   Type = iota
	TypeFormat         // "format": the corpus format, as claim.Corpus.Format
	TypeSource         // "source": a source.Source
	TypeArticle        // "article": a source.Article
	TypeClaim          // "claim": a claim.Claim
	TypeStatement      // "statement": a claim.Statement
)

var typeText = enumtext.New(enumtext.Config[Type]{
	Type:        "Type",
	Field:       "type",
	Names:       []string{"unknown", "format", "source", "article", "claim", "statement"},
	UnknownZero: true,
	Err: func(field, value string, err error) error {
		if errors.Is(err, claim.ErrUnknownName) {
			err = fmt.Errorf("%w: %w", ErrUnknownType, err)
		}
		return &Error{Field: field, Value: source.Excerpt(value), Err: err}
	},
	ErrUnknownName: claim.ErrUnknownName,
	ErrInvalid:     claim.ErrInvalid,
})

// ParseType returns the Type with the given name, ignoring case and
// surrounding space; the empty string is [TypeUnknown], as is "unknown",
// which no line may carry. An unknown name gives an [*Error] on the field
// "type" wrapping both [ErrUnknownType] and claim.ErrUnknownName that
// lists the valid names. It takes time linear in len(s).
func ParseType(s string) (Type, error) { return typeText.Parse(s) }

// String returns the type's name, such as "statement", or "Type(42)" for
// a value out of range.
func (t Type) String() string { return typeText.String(t) }

// IsValid reports whether t is one of the record types, not TypeUnknown
// and not out of range.
func (t Type) IsValid() bool { return typeText.IsValid(t) }

// MarshalText returns the type's name, "unknown" for TypeUnknown; a value
// out of range gives an [*Error] wrapping claim.ErrInvalid.
func (t Type) MarshalText() ([]byte, error) { return typeText.Marshal(t) }

// UnmarshalText parses a name as [ParseType] does; on error it leaves t
// unchanged.
func (t *Type) UnmarshalText(b []byte) error { return typeText.Unmarshal(t, b) }

// Record is one line of a JSON Lines corpus: its Type and the one value of
// that type. Only the field Type names is used; the others are zero when
// read. The zero Record is invalid: its Type is TypeUnknown.
//
// A Record is a plain value. The slices in the value it holds are its own
// when read, and shared with the caller's when built.
type Record struct {
	// Type says which of the fields below the record holds.
	Type Type
	// Line is the line the record was read from, counting from 1; zero for
	// a record built in code. The encoder ignores it.
	Line int
	// Format is the format a TypeFormat record names, such as
	// [claim.Format].
	Format    string
	Source    source.Source
	Article   source.Article
	Claim     claim.Claim
	Statement claim.Statement
}

// SourceRecord returns a record holding s.
func SourceRecord(s source.Source) Record { return Record{Type: TypeSource, Source: s} }

// ArticleRecord returns a record holding a.
func ArticleRecord(a source.Article) Record { return Record{Type: TypeArticle, Article: a} }

// ClaimRecord returns a record holding c.
func ClaimRecord(c claim.Claim) Record { return Record{Type: TypeClaim, Claim: c} }

// StatementRecord returns a record holding s.
func StatementRecord(s claim.Statement) Record { return Record{Type: TypeStatement, Statement: s} }

// ID returns the ID of the record's value as text: a source's, an
// article's, a claim's or a statement's ID, or "" for a format record.
func (r Record) ID() string {
	switch r.Type {
	case TypeSource:
		return string(r.Source.ID)
	case TypeArticle:
		return string(r.Article.ID)
	case TypeClaim:
		return string(r.Claim.ID)
	case TypeStatement:
		return string(r.Statement.ID)
	case TypeUnknown, TypeFormat:
		// No ID.
	}
	return ""
}

// The shapes of the lines: the record's members with "type" before them.
// encoding/json promotes the embedded record's members to the line's own
// level.
type (
	formatLine struct {
		Type   string `json:"type"`
		Format string `json:"format"`
	}
	sourceLine struct {
		Type string `json:"type"`
		source.Source
	}
	articleLine struct {
		Type string `json:"type"`
		source.Article
	}
	claimLine struct {
		Type string `json:"type"`
		claim.Claim
	}
	statementLine struct {
		Type string `json:"type"`
		claim.Statement
	}
)
