package gold_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/source"
)

// writeSet writes a one-article set to a temporary folder: its manifest,
// its labels and, when withText, its text.
func writeSet(t *testing.T, withText bool, textOnDisk string) (manifest, labels, texts string) {
	t.Helper()
	dir := t.TempDir()
	sum := sha256.Sum256([]byte(text))
	m := `[{"id":"a1","url":"https://example.org/a1","story":"s","kind":"politics","outlet":"o","outlet_type":"wire",
		"published":"2024-05-17T00:00:00Z","sha256":"` + hex.EncodeToString(sum[:]) + `","bytes":54,"split":"dev"},
		{"id":"a2","url":"https://example.org/a2","story":"t","kind":"court","outlet":"o","outlet_type":"wire",
		"published":"2024-05-18T00:00:00Z","sha256":"` + hex.EncodeToString(sum[:]) + `","bytes":54,"split":"test"}]`
	manifest = filepath.Join(dir, "manifest.json")
	require.NoError(t, os.WriteFile(manifest, []byte(m), 0o644))
	labels = filepath.Join(dir, "labels")
	texts = filepath.Join(dir, "texts")
	require.NoError(t, os.MkdirAll(labels, 0o755))
	require.NoError(t, os.MkdirAll(texts, 0o755))
	lab := `{"published":"2024-05-17T00:00:00Z","registry":[{"id":"moscow","name":"Moscow","aliases":["Kremlin"]}],
		"attributions":[{"source":[37,43],"cue":[44,50],"content":[[51,53]],"speaker":"moscow","act":"deny","factuality":"CT-"}]}`
	for _, id := range []string{"a1", "a2"} {
		require.NoError(t, os.WriteFile(filepath.Join(labels, id+".json"), []byte(lab), 0o644))
	}
	if withText {
		require.NoError(t, os.WriteFile(filepath.Join(texts, "a1.txt"), []byte(textOnDisk), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(texts, "a2.txt"), []byte(text), 0o644))
	}
	return manifest, labels, texts
}

func TestLoadOffsetsDir(t *testing.T) {
	tests := []struct {
		name        string
		withText    bool
		onDisk      string
		splits      []string
		wantNames   []string
		wantSkipped int
	}{
		{name: "all", withText: true, onDisk: text, wantNames: []string{"a1", "a2"}},
		{name: "dev", withText: true, onDisk: text, splits: []string{"dev"}, wantNames: []string{"a1"}},
		{name: "changed-text", withText: true, onDisk: text + " Updated.", wantNames: []string{"a2"}, wantSkipped: 1},
		{name: "no-texts", withText: false, wantSkipped: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			manifest, labels, texts := writeSet(t, tc.withText, tc.onDisk)
			m, err := gold.ReadManifest(manifest)
			require.NoError(t, err)
			arts, skipped, err := gold.LoadOffsetsDir(m, labels, texts, tc.splits...)
			require.NoError(t, err)
			var names []string
			for _, a := range arts {
				names = append(names, a.Name)
				assert.Equal(t, "https://example.org/"+a.Name, a.Origin)
			}
			assert.Equal(t, tc.wantNames, names)
			assert.Len(t, skipped, tc.wantSkipped)
			for _, err := range skipped {
				assert.ErrorIs(t, err, gold.ErrText)
			}
		})
	}
}

func TestReadManifestErrors(t *testing.T) {
	tests := []struct {
		name string
		json string
	}{
		{"not-json", `{`},
		{"no-url", `[{"id":"a","sha256":"` + hex.EncodeToString(make([]byte, 32)) + `","published":"2024-05-17T00:00:00Z","split":"dev"}]`},
		{"short-hash", `[{"id":"a","url":"u","sha256":"ab","published":"2024-05-17T00:00:00Z","split":"dev"}]`},
		{"bad-split", `[{"id":"a","url":"u","sha256":"` + hex.EncodeToString(make([]byte, 32)) + `","published":"2024-05-17T00:00:00Z","split":"train"}]`},
		{"duplicate", `[{"id":"a","url":"u","sha256":"` + hex.EncodeToString(make([]byte, 32)) + `","published":"2024-05-17T00:00:00Z","split":"dev"},` +
			`{"id":"a","url":"u","sha256":"` + hex.EncodeToString(make([]byte, 32)) + `","published":"2024-05-17T00:00:00Z","split":"dev"}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "m.json")
			require.NoError(t, os.WriteFile(p, []byte(tc.json), 0o644))
			_, err := gold.ReadManifest(p)
			assert.ErrorIs(t, err, gold.ErrGold)
		})
	}
	_, err := gold.ReadManifest(filepath.Join(t.TempDir(), "missing.json"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// TestRealNewsManifest checks the committed set: its manifest reads, every
// entry has labels that decode once the text is there, stories never
// cross splits, and no label file names a story kept for independent
// checks.
func TestRealNewsManifest(t *testing.T) {
	m, err := gold.ReadManifest("../testdata/realnews/manifest.json")
	require.NoError(t, err)
	split := map[string]string{}
	for _, e := range m {
		if s, ok := split[e.Story]; ok {
			assert.Equal(t, s, e.Split, "story %s is in both splits", e.Story)
		}
		split[e.Story] = e.Split
		_, err := os.Stat(filepath.Join("../testdata/realnews/labels", e.ID+".json"))
		assert.NoError(t, err, "labels of %s", e.ID)
	}
	assert.GreaterOrEqual(t, len(m), 40, "articles")
	assert.GreaterOrEqual(t, len(split), 8, "stories")
	// Without the texts, everything is skipped and nothing fails.
	arts, skipped, err := gold.LoadOffsetsDir(m, "../testdata/realnews/labels", t.TempDir())
	require.NoError(t, err)
	assert.Empty(t, arts)
	assert.Len(t, skipped, len(m))
}

func TestAgree(t *testing.T) {
	g := gold.Attribution{Source: span(37, 43), Cue: span(44, 50), Content: []claim.Span{span(51, 53)}, Speaker: "moscow", Act: claim.ActDeny}
	reg1, err := source.NewRegistry([]source.Source{{ID: "moscow", Name: "Russia", Aliases: []string{"Moscow"}}}, nil)
	require.NoError(t, err)
	reg2, err := source.NewRegistry([]source.Source{{ID: "ru", Name: "Moscow"}}, nil)
	require.NoError(t, err)
	first := gold.Article{Text: text, Registry: reg1, Attributions: []gold.Attribution{g}}
	tests := []struct {
		name    string
		speaker source.ID
		agree   int
	}{
		{"other-registry-same-name", "ru", 1},
		{"new-name", "new:Moscow", 1},
		{"other-speaker", "new:Kyiv", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := g
			b.Speaker = tc.speaker
			c := gold.Agree(first, gold.Article{Text: text, Registry: reg2, Attributions: []gold.Attribution{b}})
			assert.Equal(t, 1, c.Matched)
			assert.Equal(t, tc.agree, c.SpeakerAgree)
		})
	}
}
