package render_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/timeline"
)

// FuzzRender checks that any corpus that validates draws, claim by claim
// and as a story, to well-formed XML with a text alternative, and to
// Mermaid text of the expected structure, without panicking.
func FuzzRender(f *testing.F) {
	for _, path := range []string{seedCorpus, followCorpus} {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, text := range hostile {
		b, err := json.Marshal(hostileCorpus(f, text))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := claim.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		tl, err := timeline.Build(c, nil)
		if err != nil {
			return
		}
		opts := &render.Options{ArticleURL: "/a/{article}", ClaimURL: "/c/{claim}"}
		claims := tl.Claims()
		if len(claims) > 20 {
			claims = claims[:20]
		}
		for _, cl := range claims {
			var b bytes.Buffer
			if err := render.ClaimSVG(&b, tl, cl.ID, opts); err != nil {
				t.Fatalf("ClaimSVG(%q): %v", cl.ID, err)
			}
			checkSVG(t, b.Bytes())
			b.Reset()
			if err := render.ClaimMermaid(&b, tl, cl.ID); err != nil {
				t.Fatalf("ClaimMermaid(%q): %v", cl.ID, err)
			}
			checkMermaid(t, b.String())
		}
		var b bytes.Buffer
		if err := render.StorySVG(&b, tl, opts); err != nil {
			t.Fatalf("StorySVG: %v", err)
		}
		checkSVG(t, b.Bytes())
		b.Reset()
		if err := render.StoryMermaid(&b, tl); err != nil {
			t.Fatalf("StoryMermaid: %v", err)
		}
		checkMermaid(t, b.String())
	})
}
