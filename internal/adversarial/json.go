package adversarial

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
)

// validHead is the start of a valid corpus document with one source, one
// article and one claim, to which documents append statements.
const validHead = `{"format": "claimtrail/1",
"sources": [{"id": "src", "name": "Source"}],
"articles": [{"id": "a", "published": "2024-03-04T12:00:00Z", "text": "The ministry said it."}],
"claims": [{"id": "c", "text": "claim"}],
"statements": [`

// statementJSON is one valid statement on the claim of validHead, its ID
// left to fill in.
func statementJSON(b *strings.Builder, id string) {
	b.WriteString(`{"id": `)
	b.WriteString(strconv.Quote(id))
	b.WriteString(`, "claim": "c", "source": "src", "act": "assert", "factuality": "CT+", "said": "2024"}`)
}

// DeepNesting returns a document whose first statement's mentions field
// holds arrays and objects alternately nested depth deep: [{"a": [{"a":
// ...}]}]. No field of a corpus nests deeper than a few levels.
func DeepNesting(depth int) []byte {
	var b strings.Builder
	b.WriteString(validHead)
	b.WriteString(`{"id": "s", "claim": "c", "source": "src", "act": "assert", "factuality": "CT+", "mentions": `)
	for i := range depth {
		if i%2 == 0 {
			b.WriteString("[")
		} else {
			b.WriteString(`{"a": `)
		}
	}
	b.WriteString("1")
	for i := depth - 1; i >= 0; i-- {
		if i%2 == 0 {
			b.WriteString("]")
		} else {
			b.WriteString("}")
		}
	}
	b.WriteString("}]}")
	return []byte(b.String())
}

// DuplicateKeys returns a document of n statements, each giving its "id"
// twice and holding two unknown keys made of control characters (NUL, ESC
// sequences, carriage returns, U+202E), the second a repeat of the first.
func DuplicateKeys(n int) []byte {
	const hostile = `"\u0000\u001b[2J\r\u202e"`
	var b strings.Builder
	b.WriteString(validHead)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		id := strconv.Quote("s" + strconv.Itoa(i))
		b.WriteString(`{"id": ` + id + `, "id": ` + id + `, ` + hostile + `: 1, ` + hostile + `: 2, "claim": "c", "source": "src", "act": "assert", "factuality": "CT+", "said": "2024"}`)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// DuplicateStatementIDs returns a well-formed document of n statements,
// all with the ID "s".
func DuplicateStatementIDs(n int) []byte {
	var b strings.Builder
	b.WriteString(validHead)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		statementJSON(&b, "s")
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// HugeNumbers returns documents with numbers no int or time can hold where
// one is expected: 1e999 and a 100-digit integer as span offsets, as a
// publication time and as a said date.
func HugeNumbers() [][]byte {
	digits := "1" + strings.Repeat("0", 99)
	var docs [][]byte
	for _, num := range []string{"1e999", digits, "-" + digits, "1e-999"} {
		docs = append(docs,
			[]byte(strings.Replace(validHead, `"published": "2024-03-04T12:00:00Z"`, `"published": `+num, 1)+`]}`),
			[]byte(validHead+`{"id": "s", "claim": "c", "source": "src", "act": "assert", "factuality": "CT+", "said": `+num+`}]}`),
			[]byte(validHead+`{"id": "s", "claim": "c", "source": "src", "act": "assert", "factuality": "CT+", "mentions": [{"article": "a", "span": {"start": `+num+`, "end": `+num+`, "exact": "said"}}]}]}`),
		)
	}
	return docs
}

// NaNInfinity returns documents that spell NaN, Infinity and -Infinity
// where a number is expected, as JavaScript would write them and JSON does
// not allow.
func NaNInfinity() [][]byte {
	var docs [][]byte
	for _, num := range []string{"NaN", "Infinity", "-Infinity", `"NaN"`, `"Infinity"`} {
		docs = append(docs, []byte(validHead+`{"id": "s", "claim": "c", "source": "src", "act": "assert", "factuality": "CT+", "mentions": [{"article": "a", "span": {"start": `+num+`, "end": 3, "exact": "The"}}]}]}`))
	}
	return docs
}

// LongString returns a valid document whose article text is one line of
// size bytes with no punctuation, and a statement quoting all of it.
func LongString(size int) []byte {
	text := OneLine(size)
	c := &claim.Corpus{}
	*c = *validCorpus()
	c.Articles[0].Text = text
	c.Statements = []claim.Statement{{ID: "s", Claim: "c", Source: "src", Act: claim.ActAssert, Factuality: claim.CTPlus(),
		Mentions: []claim.Mention{{Article: "a", Span: claim.Span{Start: 0, End: len(text), Exact: text}}}}}
	return Document(c)
}

// LongBadValue returns a document whose first statement's act is a name
// of size bytes on one line, which no act has.
func LongBadValue(size int) []byte {
	return []byte(validHead + `{"id": "s", "claim": "c", "source": "src", "act": "` + strings.Repeat("x", size) + `", "factuality": "CT+", "said": "2024"}]}`)
}

// InvalidUTF8 returns a document whose IDs and texts hold bytes that are
// not UTF-8, raw and as escaped lone surrogates.
func InvalidUTF8() []byte {
	return []byte("{\"sources\": [{\"id\": \"src\xff\", \"name\": \"Source\xc0\xaf\"}],\n" +
		"\"articles\": [{\"id\": \"a\\ud800\", \"published\": \"2024-03-04T12:00:00Z\", \"text\": \"The \xed\xa0\x80 ministry said it.\"}],\n" +
		"\"claims\": [{\"id\": \"c\xfe\", \"text\": \"claim\\udc00\"}],\n" +
		"\"statements\": []}")
}

// HostileRunes returns a corpus whose IDs and texts hold NUL, zero-width
// characters (U+200B, U+200D, U+FEFF) and bidirectional controls (U+202E,
// U+2066, U+200F) in valid UTF-8.
func HostileRunes() *claim.Corpus {
	const h = "\x00\u200b\u200d\ufeff\u202e\u2066\u200f"
	c := validCorpus()
	c.Sources[0].ID = "src" + h
	c.Sources[0].Name = "Source" + h
	c.Sources[0].Aliases = []string{h + "alias"}
	c.Articles[0].ID = "a" + h
	c.Articles[0].Title = "title" + h
	c.Articles[0].Text = "The ministry" + h + " said it."
	c.Claims[0].ID = "c" + h
	c.Claims[0].Text = "claim" + h
	c.Statements = []claim.Statement{{ID: "s" + h, Claim: c.Claims[0].ID, Source: c.Sources[0].ID, Act: claim.ActAssert, Factuality: claim.CTPlus(),
		Mentions: []claim.Mention{{Article: c.Articles[0].ID, Cue: "said", Span: claim.Span{Start: 4, End: len(c.Articles[0].Text), Exact: c.Articles[0].Text[4:]}}}}}
	return c
}

// Document returns c as a corpus document, as encoding/json writes it. It
// panics if c holds a time encoding/json cannot write.
func Document(c *claim.Corpus) []byte {
	b, err := json.Marshal(c)
	if err != nil {
		panic("adversarial: " + err.Error())
	}
	return b
}
