package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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
		{"subfolder", `{"file": "2025/a.txt", "published": "2025-03-02"}`, []entry{{File: "2025/a.txt", Published: "2025-03-02"}}, 0, "", nil},
		{"absolute-file", `{"file": "/etc/passwd", "published": "2025-03-02"}`, nil, 1, "file", nil},
		{"climbing-file", `{"file": "articles/../../secret.txt", "published": "2025-03-02"}`, nil, 1, "file", nil},
		{"year-one", `{"file": "a.txt", "published": "0001-01-01"}`, nil, 1, "published", nil},
		{"far-future", `{"file": "a.txt", "published": "3025-03-02"}`, nil, 1, "published", nil},
		{"tomorrow", `{"file": "a.txt", "published": "2026-01-16T11:00:00Z"}`, []entry{{File: "a.txt", Published: "2026-01-16T11:00:00Z"}}, 0, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readManifest(strings.NewReader(tc.in), testNow)
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

// TestReadManifestEveryLine checks that one reading reports every bad
// line, up to maxBadLines, and counts the rest.
func TestReadManifestEveryLine(t *testing.T) {
	good := `{"file": "a.txt", "published": "2025-03-02"}`
	bad := `{"file": "/a.txt", "published": "2025-03-02"}`
	tests := []struct {
		name  string
		lines []string
		want  []int
		more  int
	}{
		{"two", []string{good, bad, good, `{"published": "x"}`}, []int{2, 4}, 0},
		{"capped", append([]string{good}, slices.Repeat([]string{bad}, maxBadLines+3)...), []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3},
		{"one-more", slices.Repeat([]string{bad}, maxBadLines+1), []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readManifest(strings.NewReader(strings.Join(tc.lines, "\n")), testNow)
			assert.Nil(t, got)
			var p *problems
			require.ErrorAs(t, err, &p)
			var lines []int
			for _, e := range p.errs {
				var me *manifestError
				require.ErrorAs(t, e, &me)
				lines = append(lines, me.Line)
				assert.Contains(t, err.Error(), me.Error())
			}
			assert.Equal(t, tc.want, lines)
			assert.Equal(t, tc.more, p.more)
			if tc.more > 0 {
				assert.Contains(t, err.Error(), fmt.Sprintf("and %d more not shown", tc.more))
			}
		})
	}
}

func TestReadManifestLongLine(t *testing.T) {
	in := `{"id": "x", "published": "2025-03-02", "text": "` + strings.Repeat("a", maxManifestLine) + `"}`
	_, err := readManifest(strings.NewReader(in), testNow)
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
		`{"file": "../a", "published": "0001-01-01"}` + "\n" + `{"file": "/a", "published": "3025-01-01"}`,
		"\xff\xfe",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := readManifest(strings.NewReader(in), testNow)
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
		again, err := readManifest(&buf, testNow)
		require.NoError(t, err, "reading back %q", buf.String())
		if diff := cmp.Diff(entries, again); diff != "" {
			t.Errorf("round trip mismatch (-first +second):\n%s", diff)
		}
	})
}
