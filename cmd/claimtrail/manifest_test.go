package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadManifest(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []entry
		line  int
		field string
		err   error
	}{
		{"file", `{"file": "a.txt", "published": "2025-03-02"}`, []entry{{File: "a.txt", Published: "2025-03-02"}}, 0, "", nil},
		{"all-members", `{"id": "x", "file": "a.txt", "published": "2025-03-02T18:00:00Z", "outlet": "herald", "url": "https://example.org/a", "title": "T", "language": "en", "reprints": "y", "wire": "ap"}`,
			[]entry{{ID: "x", File: "a.txt", Published: "2025-03-02T18:00:00Z", Outlet: "herald", URL: "https://example.org/a", Title: "T", Language: "en", Reprints: "y", Wire: "ap"}}, 0, "", nil},
		{"text", `{"id": "x", "text": "Westmark said so.", "published": "2025-03-02"}`, []entry{{ID: "x", Text: "Westmark said so.", Published: "2025-03-02"}}, 0, "", nil},
		{"blank-and-comment", "# articles\n\n" + `{"file": "a.txt", "published": "2025-03-02"}` + "\n\n", []entry{{File: "a.txt", Published: "2025-03-02"}}, 0, "", nil},
		{"empty", "", nil, 0, "", nil},
		{"unknown-member", `{"file": "a.txt", "published": "2025-03-02", "author": "me"}`, nil, 1, "author", nil},
		{"wrong-type", `{"file": 3, "published": "2025-03-02"}`, nil, 1, "file", nil},
		{"not-json", "{file: a.txt}", nil, 1, "", errManifest},
		{"array", `["a.txt"]`, nil, 1, "", errManifest},
		{"trailing", `{"file": "a.txt", "published": "2025-03-02"} {}`, nil, 1, "", errManifest},
		{"no-file-no-text", `{"published": "2025-03-02"}`, nil, 1, "file", nil},
		{"file-and-text", `{"file": "a.txt", "text": "x", "published": "2025-03-02"}`, nil, 1, "text", nil},
		{"text-without-id", `{"text": "x", "published": "2025-03-02"}`, nil, 1, "id", nil},
		{"no-date", `{"file": "a.txt"}`, nil, 1, "published", nil},
		{"bad-date", `{"file": "a.txt", "published": "2025-02-30"}`, nil, 1, "published", nil},
		{"second-line", `{"file": "a.txt", "published": "2025-03-02"}` + "\n" + `{"file": "b.txt", "published": "yesterday"}`, nil, 2, "published", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readManifest(strings.NewReader(tc.in))
			if tc.line == 0 {
				require.NoError(t, err)
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Errorf("readManifest mismatch (-want +got):\n%s", diff)
				}
				return
			}
			var me *manifestError
			require.ErrorAs(t, err, &me)
			assert.Equal(t, tc.line, me.Line)
			assert.Equal(t, tc.field, me.Field)
			if tc.err != nil {
				assert.ErrorIs(t, err, tc.err)
			}
			assert.Nil(t, got)
		})
	}
}

func TestReadManifestLongLine(t *testing.T) {
	in := `{"id": "x", "published": "2025-03-02", "text": "` + strings.Repeat("a", maxManifestLine) + `"}`
	_, err := readManifest(strings.NewReader(in))
	var me *manifestError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, 1, me.Line)
}

// FuzzReadManifest checks that no input makes readManifest panic, and that
// the entries it reads, written again as JSON Lines, read back the same.
func FuzzReadManifest(f *testing.F) {
	for _, seed := range []string{
		`{"file": "a.txt", "published": "2025-03-02"}`,
		`{"id": "x", "text": "Westmark said so.", "published": "2025-03-02T18:00:00Z", "outlet": "herald"}`,
		"# c\n\n" + `{"file": "a.txt", "published": "2025-03-02", "reprints": "y", "wire": "ap"}`,
		`{"file": "a.txt", "published": "2025-02-30"}`,
		`{"file": 1}`,
		`{"file": "a", "published": "2025-03-02"} []`,
		"\xff\xfe",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := readManifest(strings.NewReader(in))
		if err != nil {
			var me *manifestError
			if !errors.As(err, &me) {
				t.Fatalf("readManifest error %v is not a *manifestError", err)
			}
			return
		}
		var buf bytes.Buffer
		for _, e := range entries {
			b, err := json.Marshal(e)
			require.NoError(t, err)
			buf.Write(append(b, '\n'))
		}
		again, err := readManifest(&buf)
		require.NoError(t, err, "reading back %q", buf.String())
		if diff := cmp.Diff(entries, again); diff != "" {
			t.Errorf("round trip mismatch (-first +second):\n%s", diff)
		}
	})
}
