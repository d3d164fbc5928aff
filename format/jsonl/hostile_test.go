package jsonl_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/jsonl"
)

// TestErrorKeysPrintSafely gives records member names that hold escape
// sequences, a carriage return, a right-to-left override and a megabyte of
// text. The name goes into the field path of the error, which people read
// on a terminal: it must come out quoted and shortened, never raw.
func TestErrorKeysPrintSafely(t *testing.T) {
	long := strings.Repeat("k", 1<<20)
	tests := []struct {
		name  string
		line  string
		field string
	}{
		{"unknown-escape", `{"type":"claim","id":"c","text":"t","\u001b[2J\rFAKE: confirmed":1}`, `claim."\x1b[2J\rFAKE: confirmed"`},
		{"unknown-bidi", `{"type":"claim","id":"c","text":"t","a\u202eb":1}`, `claim."a\u202eb"`},
		{"unknown-long", `{"type":"claim","id":"c","text":"t","` + long + `":1}`, "claim." + strings.Repeat("k", 64) + "… (1048576 bytes)"},
		{"duplicate-escape", `{"type":"claim","id":"c","text":"t","\u0007":1,"\u0007":2}`, `claim."\a"`},
		{"plain", `{"type":"claim","id":"c","text":"t","colour":1}`, "claim.colour"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := jsonl.Validate(strings.NewReader(tc.line+"\n"), jsonl.Options{})
			require.Error(t, err)
			var je *jsonl.Error
			require.ErrorAs(t, err, &je)
			assert.Equal(t, tc.field, je.Field)
			msg := err.Error()
			assert.Less(t, len(msg), 1024, "length of the message")
			for _, r := range msg {
				if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
					t.Errorf("message holds %U raw: %q", r, msg)
					break
				}
			}
		})
	}
}

// TestEncodeKeepsText writes texts that look like what encoding/json
// writes for bytes that are not UTF-8 (U+FFFD itself, backslashes before
// "ufffd") but are valid: they must be written and read back unchanged,
// not refused.
func TestEncodeKeepsText(t *testing.T) {
	for _, text := range []string{"\ufffd", `\ufffd`, `\\ufffd`, `\\\ufffd`, "\\\ufffd", `a\`, "\u00e9\u202e"} {
		var buf bytes.Buffer
		require.NoError(t, jsonl.NewEncoder(&buf).Encode(jsonl.ClaimRecord(claim.Claim{ID: "c", Text: text})), "text %q", text)
		var got []string
		for rec, err := range jsonl.Read(&buf, jsonl.Options{}) {
			require.NoError(t, err)
			got = append(got, rec.Claim.Text)
		}
		assert.Equal(t, []string{text}, got)
	}
}

// FuzzEncodeText encodes arbitrary text as a claim's: Encode refuses it,
// with ErrInvalidUTF8, exactly when it is not valid UTF-8, and otherwise
// the text reads back unchanged.
func FuzzEncodeText(f *testing.F) {
	for _, s := range []string{"\ufffd", `\ufffd`, "\\\xff", "a\xffb", `\\`, ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var buf bytes.Buffer
		err := jsonl.NewEncoder(&buf).Encode(jsonl.ClaimRecord(claim.Claim{ID: "c", Text: text}))
		if !utf8.ValidString(text) {
			assert.ErrorIs(t, err, jsonl.ErrInvalidUTF8, "text %q", text)
			assert.Zero(t, buf.Len(), "nothing written")
			return
		}
		require.NoError(t, err, "text %q", text)
		for rec, err := range jsonl.Read(&buf, jsonl.Options{}) {
			require.NoError(t, err)
			assert.Equal(t, text, rec.Claim.Text)
		}
	})
}

// TestEncodeErrorsAreShort encodes records that fail, with a megabyte ID
// or type: the error quotes an excerpt of it, not all of it.
func TestEncodeErrorsAreShort(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	enc := jsonl.NewEncoder(io.Discard)
	for name, err := range map[string]error{
		"bad act":          enc.Encode(jsonl.StatementRecord(claim.Statement{ID: claim.StatementID(huge), Act: claim.Act(200)})),
		"bad utf-8":        enc.Encode(jsonl.ClaimRecord(claim.Claim{ID: claim.ID(huge), Text: "\xff"})),
		"write fails":      jsonl.NewEncoder(failingWriter{}).Encode(jsonl.ClaimRecord(claim.Claim{ID: claim.ID(huge), Text: "t"})),
		"other type":       enc.EncodeOther("claim"+huge+"\xff", struct{}{}),
		"other not utf-8":  enc.EncodeOther(huge, struct{ A string }{"\xff"}),
		"other not object": enc.EncodeOther(huge, 1),
	} {
		require.Error(t, err, name)
		assert.Less(t, len(err.Error()), 1024, "length of the %s error", name)
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }
