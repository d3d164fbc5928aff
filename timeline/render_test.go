package timeline_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestWriteText compares the text form of the sample corpus's timeline
// with testdata/corpus.golden; go test -update rewrites the golden file.
func TestWriteText(t *testing.T) {
	tl := load(t, sampleCorpus)
	var b bytes.Buffer
	require.NoError(t, tl.WriteText(&b))
	const golden = "testdata/corpus.golden"
	if *update {
		require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update to create it")
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("WriteText mismatch (-want +got):\n%s", diff)
	}

	// Writing is deterministic.
	var again bytes.Buffer
	require.NoError(t, tl.WriteText(&again))
	assert.Equal(t, b.String(), again.String())
}

// TestWriteTextArticleOrder checks that articles appear in publication
// order, those published at the same time in ID order.
func TestWriteTextArticleOrder(t *testing.T) {
	c := corpus(nil,
		st{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
		st{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"b-same"}},
		st{id: "s3", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a-same"}},
	)
	c.Articles = []source.Article{
		{ID: "b-same", Published: pub("a3")},
		{ID: "a2", Published: pub("a2")},
		{ID: "a-same", Published: pub("a3")},
	}
	tl := build(t, c)
	var b bytes.Buffer
	require.NoError(t, tl.WriteText(&b))
	_, byArticle, ok := strings.Cut(b.String(), "Article by article\n")
	require.True(t, ok)
	var got []string
	for _, line := range strings.Split(byArticle, "\n") {
		if f := strings.Fields(line); len(f) > 1 && strings.HasPrefix(line, "  2024-") {
			got = append(got, f[1])
		}
	}
	assert.Equal(t, []string{"a2", "a-same", "b-same"}, got)
}

var errBoom = errors.New("boom")

// failWriter accepts n bytes, then fails.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errBoom
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteTextError(t *testing.T) {
	tl := load(t, sampleCorpus)
	tests := []struct {
		name string
		n    int
	}{
		{"at-once", 0},
		{"midway", 100},
		{"late", 5000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tl.WriteText(&failWriter{n: tc.n})
			assert.ErrorIs(t, err, errBoom)
		})
	}
}

// TestWriteTextEscapes checks that IDs and texts with control characters,
// escape sequences, line breaks and bidirectional overrides are quoted, so
// that nothing in a corpus can clear a terminal or forge a line.
func TestWriteTextEscapes(t *testing.T) {
	hostile := []string{"\x1b[2J", "\x1b]0;title\x07", "\rFAKE: status confirmed", "a\nstatus: confirmed", "\u202eevil", "nul\x00", "\u2066iso"}
	for _, h := range hostile {
		t.Run(strings.ToValidUTF8(h, "?"), func(t *testing.T) {
			cl := shells
			cl.ID = claim.ID("c" + h)
			cl.Text = "text " + h
			c := corpus([]claim.Claim{cl}, st{id: "s" + h, claim: cl.ID, src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}})
			c.Sources = append(c.Sources, source.Source{ID: source.ID("src" + h), Name: "Source " + h})
			c.Statements = append(c.Statements, st{id: "t" + h, claim: cl.ID, src: source.ID("src" + h), act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}}.statement())
			tl := build(t, c)
			var b bytes.Buffer
			require.NoError(t, tl.WriteText(&b))
			out := b.String()
			for _, bad := range []string{"\x1b", "\r", "\u202e", "\u2066", "\x00", "\x07"} {
				assert.NotContains(t, out, bad)
			}
			assert.NotContains(t, out, "\nstatus: confirmed", "a forged line")
			assert.Contains(t, out, "Claim "+strconv.Quote(string(cl.ID)))
		})
	}
}
