package render_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// golden compares got with the named file in testdata; go test -update
// rewrites it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// TestGolden draws every claim and the whole story of the sample corpus and
// of the follow-story corpus, and compares each picture and each Mermaid
// text with its golden file.
// axisLabel matches the label under a picture's axis, its last small text
// at the left edge.
var axisLabel = regexp.MustCompile(`<text x="12" y="[0-9.]+" font-size="10" fill="#[0-9a-f]+">([^<]*)</text>`)

func TestGolden(t *testing.T) {
	opts := &render.Options{ArticleURL: "https://news.example/articles/{article}.html", ClaimURL: "/claims/{claim}"}
	for _, tc := range []struct {
		name, path string
	}{
		{"seed", seedCorpus},
		{"follow", followCorpus},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := load(t, tc.path)
			var mermaid bytes.Buffer
			for _, c := range tl.Claims() {
				var b bytes.Buffer
				require.NoError(t, render.ClaimSVG(&b, tl, c.ID, opts))
				checkSVG(t, b.Bytes())
				golden(t, tc.name+"-"+string(c.ID)+".svg", b.Bytes())

				require.NoError(t, render.ClaimMermaid(&mermaid, tl, c.ID))
				mermaid.WriteString("\n")
			}
			var b bytes.Buffer
			require.NoError(t, render.StorySVG(&b, tl, opts))
			checkSVG(t, b.Bytes())
			golden(t, tc.name+"-story.svg", b.Bytes())
			// The axis's label says what its dates are, in words no status
			// uses, so that it does not read as a band.
			labels := axisLabel.FindAllStringSubmatch(b.String(), -1)
			require.NotEmpty(t, labels)
			label := labels[len(labels)-1][1]
			assert.Equal(t, "date said", label)
			_, err := timeline.ParseStatus(label)
			assert.Error(t, err, "the axis label %q is a status name", label)

			require.NoError(t, render.StoryMermaid(&mermaid, tl))
			checkMermaid(t, mermaid.String())
			golden(t, tc.name+".mmd", mermaid.Bytes())
		})
	}
}

// TestDeterministic checks that drawing the same claim twice gives the same
// bytes.
func TestDeterministic(t *testing.T) {
	tl := load(t, followCorpus)
	var a, b bytes.Buffer
	require.NoError(t, render.ClaimSVG(&a, tl, "shipments", nil))
	require.NoError(t, render.ClaimSVG(&b, tl, "shipments", nil))
	assert.Equal(t, a.String(), b.String())
}

// svgNode is the part of an SVG document checkSVG reads.
type svgNode struct {
	XMLName  xml.Name
	Role     string `xml:"role,attr"`
	Label    string `xml:"aria-label,attr"`
	Labelled string `xml:"aria-labelledby,attr"`
	Title    string `xml:"title"`
	Desc     string `xml:"desc"`
}

// checkSVG checks that b is one well-formed XML document, walked token by
// token with encoding/xml in strict mode, whose root is an svg element with
// a text alternative: role="img", an aria-label, and a title and desc that
// aria-labelledby names.
func checkSVG(t testing.TB, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, roots := 0, 0
	ids := map[string]bool{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "not well-formed XML")
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
			for _, a := range tok.Attr {
				if a.Name.Local == "id" {
					assert.False(t, ids[a.Value], "id %q given twice", a.Value)
					ids[a.Value] = true
				}
				if a.Name.Local == "href" {
					assert.False(t, strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Value)), "javascript:"), "href %q", a.Value)
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	assert.Equal(t, 1, roots, "one root element")
	var root svgNode
	require.NoError(t, xml.Unmarshal(b, &root))
	assert.Equal(t, "svg", root.XMLName.Local)
	assert.Equal(t, "http://www.w3.org/2000/svg", root.XMLName.Space)
	assert.Equal(t, "img", root.Role)
	assert.NotEmpty(t, root.Label)
	assert.NotEmpty(t, root.Title)
	assert.NotEmpty(t, root.Desc)
	for _, id := range strings.Fields(root.Labelled) {
		assert.True(t, ids[id], "aria-labelledby names %q, which no element has", id)
	}
}

// checkMermaid checks the structure of Mermaid timeline text: a "timeline"
// line, then only title, accTitle, accDescr, section and period lines, each
// period followed by events after " : ", and no character that would start
// a comment or markup.
func checkMermaid(t testing.TB, s string) {
	t.Helper()
	for i, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if line == "" {
			continue
		}
		assert.NotContains(t, line, "#", "line %d: %q", i+1, line)
		assert.NotContains(t, line, "%", "line %d: %q", i+1, line)
		assert.NotContains(t, line, "<", "line %d: %q", i+1, line)
		assert.NotContains(t, line, "`", "line %d: %q", i+1, line)
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case line == "timeline":
		case strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "     "):
			keyword, rest, _ := strings.Cut(trimmed, " ")
			switch keyword {
			case "title", "section":
				assert.NotContains(t, rest, ":", "line %d: %q", i+1, line)
			case "accTitle:", "accDescr:":
				assert.NotContains(t, rest, ":", "line %d: %q", i+1, line)
			default:
				t.Errorf("line %d: unexpected keyword %q", i+1, keyword)
			}
		case strings.HasPrefix(line, "        "):
			parts := strings.Split(trimmed, " : ")
			assert.GreaterOrEqual(t, len(parts), 2, "line %d: a period without events: %q", i+1, line)
			for _, p := range parts {
				assert.NotContains(t, p, ":", "line %d: %q", i+1, line)
				assert.NotEmpty(t, strings.TrimSpace(p), "line %d: %q", i+1, line)
			}
		default:
			t.Errorf("line %d: unexpected indentation: %q", i+1, line)
		}
	}
}

// TestErrors checks the errors for bad arguments.
func TestErrors(t *testing.T) {
	tl := load(t, seedCorpus)
	for _, tc := range []struct {
		name  string
		draw  func(w io.Writer) error
		field string
		want  error
	}{
		{"nil-timeline", func(w io.Writer) error { return render.ClaimSVG(w, nil, "shells", nil) }, "timeline", render.ErrInvalid},
		{"nil-story", func(w io.Writer) error { return render.StorySVG(w, nil, nil) }, "timeline", render.ErrInvalid},
		{"nil-mermaid", func(w io.Writer) error { return render.ClaimMermaid(w, nil, "shells") }, "timeline", render.ErrInvalid},
		{"nil-story-mermaid", func(w io.Writer) error { return render.StoryMermaid(w, nil) }, "timeline", render.ErrInvalid},
		{"unknown-claim", func(w io.Writer) error { return render.ClaimSVG(w, tl, "nope", nil) }, "claim", render.ErrUnknownClaim},
		{"unknown-claim-mermaid", func(w io.Writer) error { return render.ClaimMermaid(w, tl, "nope") }, "claim", render.ErrUnknownClaim},
		{"javascript", func(w io.Writer) error {
			return render.ClaimSVG(w, tl, "shells", &render.Options{ArticleURL: "javascript:alert('{article}')"})
		}, "ArticleURL", render.ErrInvalid},
		{"data-claim-url", func(w io.Writer) error {
			return render.StorySVG(w, tl, &render.Options{ClaimURL: "data:text/html,{claim}"})
		}, "ClaimURL", render.ErrInvalid},
		{"bad-url", func(w io.Writer) error {
			return render.StorySVG(w, tl, &render.Options{ClaimURL: "http://[::1"})
		}, "ClaimURL", render.ErrInvalid},
		{"control-url", func(w io.Writer) error {
			return render.StorySVG(w, tl, &render.Options{ArticleURL: "/a/\u202e{article}"})
		}, "ArticleURL", render.ErrInvalid},
		{"javascript-article-link", func(w io.Writer) error {
			return render.ClaimSVG(w, tl, "shells", &render.Options{ArticleLinks: map[source.ArticleID]string{
				"a": "https://news.example/a", "ledger-2024-03-04": "javascript:alert(1)"}})
		}, `ArticleLinks["ledger-2024-03-04"]`, render.ErrInvalid},
		{"empty-article-link", func(w io.Writer) error {
			return render.StorySVG(w, tl, &render.Options{ArticleLinks: map[source.ArticleID]string{"ledger-2024-03-04": ""}})
		}, `ArticleLinks["ledger-2024-03-04"]`, render.ErrInvalid},
		{"bidi-article-link", func(w io.Writer) error {
			return render.StorySVG(w, tl, &render.Options{ArticleLinks: map[source.ArticleID]string{"x\x1b]0;t\a": "/a/\u202eb"}})
		}, `ArticleLinks["x\x1b]0;t\a"]`, render.ErrInvalid},
		{"prefix", func(w io.Writer) error {
			return render.ClaimSVG(w, tl, "shells", &render.Options{IDPrefix: `x" onload="alert(1)`})
		}, "IDPrefix", render.ErrInvalid},
		{"prefix-digit", func(w io.Writer) error {
			return render.ClaimSVG(w, tl, "shells", &render.Options{IDPrefix: "1ct"})
		}, "IDPrefix", render.ErrInvalid},
		{"too-wide", func(w io.Writer) error {
			return render.ClaimSVG(w, tl, "shells", &render.Options{Width: 1 << 30})
		}, "Width", render.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := tc.draw(&b)
			assert.ErrorIs(t, err, tc.want)
			var re *render.Error
			if assert.ErrorAs(t, err, &re) {
				assert.Equal(t, tc.field, re.Field)
			}
			assert.Zero(t, b.Len(), "nothing written on error")
		})
	}
}

// errWriter fails every write.
type errWriter struct{}

var errWrite = errors.New("disk full")

func (errWriter) Write([]byte) (int, error) { return 0, errWrite }

// TestWriterError checks that a writer's error is returned.
func TestWriterError(t *testing.T) {
	tl := load(t, seedCorpus)
	for _, tc := range []struct {
		name string
		draw func(w io.Writer) error
	}{
		{"claim", func(w io.Writer) error { return render.ClaimSVG(w, tl, "shells", nil) }},
		{"story", func(w io.Writer) error { return render.StorySVG(w, tl, nil) }},
		{"claim-mermaid", func(w io.Writer) error { return render.ClaimMermaid(w, tl, "shells") }},
		{"story-mermaid", func(w io.Writer) error { return render.StoryMermaid(w, tl) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorIs(t, tc.draw(errWriter{}), errWrite)
		})
	}
}

// TestOptions checks what the options change in a picture.
func TestOptions(t *testing.T) {
	tl := load(t, seedCorpus)
	draw := func(opts *render.Options) string {
		var b bytes.Buffer
		require.NoError(t, render.ClaimSVG(&b, tl, "shells", opts))
		checkSVG(t, b.Bytes())
		return b.String()
	}
	for _, tc := range []struct {
		name    string
		opts    *render.Options
		want    []string
		notWant []string
	}{
		{"default", nil, []string{`width="960.0"`, `id="ct-title"`}, []string{"<a "}},
		{"narrow", &render.Options{Width: 100}, []string{`width="480.0"`}, nil},
		{"wide", &render.Options{Width: 1600}, []string{`width="1600.0"`}, nil},
		{"prefix", &render.Options{IDPrefix: "claim-1"}, []string{`id="claim-1-title"`, `url(#claim-1-hatch-pos)`}, []string{`id="ct-title"`}},
		{"links", &render.Options{ArticleURL: "/article/{article}"}, []string{`<a href="/article/ledger-2024-03-04">`}, nil},
		{"article-links", &render.Options{
			ArticleURL:   "/article/{article}",
			ArticleLinks: map[source.ArticleID]string{"ledger-2024-03-04": "https://news.example/ledger?d=0304&p=1"},
		}, []string{`<a href="https://news.example/ledger?d=0304&amp;p=1">`}, []string{`<a href="/article/ledger-2024-03-04">`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := draw(tc.opts)
			for _, w := range tc.want {
				assert.Contains(t, got, w)
			}
			for _, w := range tc.notWant {
				assert.NotContains(t, got, w)
			}
		})
	}
}

// TestEmptyClaim draws a claim with no statement and a story with no claim.
func TestEmptyClaim(t *testing.T) {
	c := &claim.Corpus{Claims: []claim.Claim{{ID: "quiet", Text: "Nobody has said anything about this"}}}
	tl, err := timeline.Build(c, nil)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, render.ClaimSVG(&b, tl, "quiet", nil))
	checkSVG(t, b.Bytes())
	assert.Contains(t, b.String(), "No statement about this claim yet.")
	var m bytes.Buffer
	require.NoError(t, render.ClaimMermaid(&m, tl, "quiet"))
	checkMermaid(t, m.String())

	empty, err := timeline.Build(&claim.Corpus{}, nil)
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, render.StorySVG(&b, empty, nil))
	checkSVG(t, b.Bytes())
	m.Reset()
	require.NoError(t, render.StoryMermaid(&m, empty))
	checkMermaid(t, m.String())
}

// TestDocsPictures keeps the pictures the README shows, under docs/, as
// the renderer draws them: the sample corpus's claim "shells" and the
// follow-story's story picture. go test -update rewrites them.
func TestDocsPictures(t *testing.T) {
	for _, tc := range []struct {
		file string
		draw func(w io.Writer) error
	}{
		{"../docs/claim-timeline.svg", func(w io.Writer) error {
			return render.ClaimSVG(w, load(t, seedCorpus), "shells", nil)
		}},
		{"../docs/story-timeline.svg", func(w io.Writer) error {
			return render.StorySVG(w, load(t, followCorpus), nil)
		}},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, tc.draw(&b))
			if *update {
				require.NoError(t, os.WriteFile(tc.file, b.Bytes(), 0o644))
			}
			want, err := os.ReadFile(tc.file)
			require.NoError(t, err, "run go test -update to create it")
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("%s is not what the renderer draws (-want +got):\n%s", tc.file, diff)
			}
		})
	}
}
