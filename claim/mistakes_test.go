package claim_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// mistakesDir holds the files people pass to Load by mistake: empty files,
// UTF-16 text, spreadsheets and web pages, and corpora with the date and
// encoding slips that are easy to make by hand.
const mistakesDir = "testdata/mistakes"

// TestLoadMistakes checks that each file people pass by mistake gives an
// error that says what is wrong with it, at the field where it is, and
// that the harmless ones load. The messages themselves are kept in
// testdata/mistakes/errors.golden, so that a change of wording shows in
// review; rewrite it with -update.
func TestLoadMistakes(t *testing.T) {
	tests := []struct {
		file      string
		wantErr   error // nil: the file loads
		wantField string
		wantValue string
	}{
		{file: "empty.json", wantErr: claim.ErrEmpty, wantField: "corpus", wantValue: ""},
		{file: "blank.json", wantErr: claim.ErrEmpty, wantField: "corpus", wantValue: ""},
		{file: "bom.json"},
		{file: "utf16le-bom.json", wantErr: claim.ErrInvalidUTF8, wantField: "corpus", wantValue: "UTF-16 little-endian byte-order mark"},
		{file: "utf16be-bom.json", wantErr: claim.ErrInvalidUTF8, wantField: "corpus", wantValue: "UTF-16 big-endian byte-order mark"},
		{file: "utf16le.json", wantErr: claim.ErrInvalidUTF8, wantField: "corpus", wantValue: "UTF-16 little-endian text"},
		{file: "utf16be.json", wantErr: claim.ErrInvalidUTF8, wantField: "corpus", wantValue: "UTF-16 big-endian text"},
		{file: "mentions.csv", wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "claim_id,claim_text,speaker,act,said"},
		{file: "mentions.tsv", wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "claim_id\tclaim_text\tspeaker"},
		{file: "article.html", wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: "<!DOCTYPE html>"},
		{file: "feed.xml", wantErr: claim.ErrInvalid, wantField: "corpus", wantValue: `<?xml version="1.0" encoding="UTF-8"?>`},
		{file: "said-no-such-day.json", wantErr: claim.ErrDate, wantField: "statements[0].said", wantValue: "2023-02-30"},
		{file: "said-leap-day.json", wantErr: claim.ErrDate, wantField: "statements[0].said", wantValue: "2023-02-29"},
		{file: "published-no-such-day.json", wantErr: claim.ErrDate, wantField: "articles[0].published", wantValue: "2023-04-31T09:00:00Z"},
		{file: "published-date-only.json"},
		{file: "published-zero-time.json", wantErr: claim.ErrInvalid, wantField: "articles[0].published", wantValue: "0001-01-01T00:00:00Z"},
		{file: "invalid-utf8-claim-text.json", wantErr: claim.ErrInvalidUTF8, wantField: "claims[0].text", wantValue: "byte offset 189"},
	}
	goldenFile := filepath.Join(mistakesDir, "errors.golden")
	golden := map[string]string{} // file -> message, one "file: message" line each
	if !*update {
		data, err := os.ReadFile(goldenFile)
		require.NoError(t, err)
		for line := range strings.Lines(string(data)) {
			path, _, _ := strings.Cut(line, ": ")
			golden[filepath.Base(path)] = strings.TrimSuffix(line, "\n")
		}
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			c, err := claim.Load(filepath.Join(mistakesDir, tc.file))
			if tc.wantErr == nil {
				require.NoError(t, err)
				assert.NotNil(t, c)
				return
			}
			require.Error(t, err)
			assert.Nil(t, c)
			assert.ErrorIs(t, err, tc.wantErr)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, tc.wantField, fe.Field)
				assert.Equal(t, tc.wantValue, fe.Value)
			}
			// One problem each: the mistake, not what follows from it.
			var joined interface{ Unwrap() []error }
			if errors.As(err, &joined) {
				assert.Len(t, joined.Unwrap(), 1, "Load(%s) error: %v", tc.file, err)
			}
			if *update {
				golden[tc.file] = err.Error()
				return
			}
			if diff := cmp.Diff(golden[tc.file], err.Error()); diff != "" {
				t.Errorf("Load(%s) message mismatch (-want +got), rewrite with -update if intended:\n%s", tc.file, diff)
			}
		})
	}
	if *update {
		var out strings.Builder
		for _, tc := range tests {
			if msg, ok := golden[tc.file]; ok {
				out.WriteString(msg + "\n")
			}
		}
		require.NoError(t, os.WriteFile(goldenFile, []byte(out.String()), 0o644))
	}
}
