package render_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// hostile are texts that would break out of XML, Mermaid or a terminal, or
// reorder what a reader sees, were they written raw.
var hostile = []string{
	`<script>alert("x")</script>`,
	`"><svg onload=alert(1)>`,
	`' onmouseover='alert(1)`,
	`]]><!-- -->`,
	"\x1b[31mred\x1b[0m",
	"abc\u202eevil\u202c",
	"\u2066isolate\u2069",
	"nul\x00byte",
	"line\nbreak\r\ttab",
	"&amp; &#x3c; &lt;",
	"a : b # c %% d ; e ` f { g }",
	"\ufffe\uffff",
}

// hostileCorpus returns a valid corpus whose source names, claim text,
// article title, URL and text, and quotes hold text t.
func hostileCorpus(t testing.TB, text string) *claim.Corpus {
	t.Helper()
	quote := "X" + text + "Y"
	art := source.Article{
		ID: "a1", Title: text, URL: "https://news.example/?q=" + text, Outlet: "outlet",
		Published: time.Date(2024, 3, 4, 12, 0, 0, 0, time.UTC),
		Text:      "Someone said " + quote + " today.",
	}
	m, err := claim.MentionOf(art, "", quote)
	require.NoError(t, err)
	return &claim.Corpus{
		Sources: []source.Source{
			{ID: "accuser", Name: "Accuser " + text},
			{ID: "accused", Name: "Accused " + text},
			{ID: "ghost", Name: text + " officials", Identity: source.IdentityUnnamed, Parent: "accuser"},
			{ID: "outlet", Name: text},
		},
		Articles: []source.Article{art},
		Claims: []claim.Claim{{ID: "c1", Text: "Claim " + text,
			Actors: []claim.Actor{{Source: "accused", Role: claim.RoleAccused}}}},
		Statements: []claim.Statement{
			{ID: "s1", Claim: "c1", Source: "accuser", Act: claim.ActAccuse, Factuality: claim.CTPlus(), Mentions: []claim.Mention{m}},
			{ID: "s2", Claim: "c1", Source: "accused", Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.Day(2024, 3, 3), Mentions: []claim.Mention{m}},
			{ID: "s3", Claim: "c1", Source: "ghost", Act: claim.ActAssert, Factuality: claim.PRPlus(), Said: claim.Year(2023), Mentions: []claim.Mention{m}},
			{ID: "s4", Claim: "c1", Source: source.AbsentID, Act: claim.ActAssert, Factuality: claim.PSPlus(), Mentions: []claim.Mention{m}},
		},
	}
}

// TestHostileText draws corpora whose every text is hostile and checks that
// the pictures are well-formed XML with none of it raw, and that the Mermaid
// text has nothing that would end an event or start a comment.
func TestHostileText(t *testing.T) {
	for i, text := range hostile {
		t.Run(string(rune('a'+i)), func(t *testing.T) {
			c := hostileCorpus(t, text)
			tl, err := timeline.Build(c, nil)
			require.NoError(t, err)
			opts := &render.Options{ArticleURL: "/a/{article}", ClaimURL: "/c/{claim}"}
			outputs := map[string]*bytes.Buffer{}
			for _, name := range []string{"claim", "story", "claim-mermaid", "story-mermaid"} {
				outputs[name] = &bytes.Buffer{}
			}
			require.NoError(t, render.ClaimSVG(outputs["claim"], tl, "c1", opts))
			require.NoError(t, render.StorySVG(outputs["story"], tl, opts))
			require.NoError(t, render.ClaimMermaid(outputs["claim-mermaid"], tl, "c1"))
			require.NoError(t, render.StoryMermaid(outputs["story-mermaid"], tl))
			checkSVG(t, outputs["claim"].Bytes())
			checkSVG(t, outputs["story"].Bytes())
			checkMermaid(t, outputs["claim-mermaid"].String())
			checkMermaid(t, outputs["story-mermaid"].String())
			for name, b := range outputs {
				out := b.String()
				for _, bad := range []string{"<script", "<svg onload", "]]>", "<!--", "\x1b", "\u202e", "\u202c", "\u2066", "\u2069", "\x00", "\r", "\t", "\ufffe", "\uffff"} {
					assert.NotContains(t, out, bad, "%s output", name)
				}
			}
			// In the SVG pictures, quotes are escaped too: no text can end an
			// attribute. Mermaid has no attributes, and no '<' to open one.
			for _, name := range []string{"claim", "story"} {
				assert.NotContains(t, outputs[name].String(), "='alert", "%s output", name)
			}
			// The quote is in the picture's titles, escaped, not left out.
			assert.Contains(t, outputs["claim"].String(), "“X")
		})
	}
}

// TestHostileClaimID draws a claim whose ID, put in a link, must be escaped.
func TestHostileClaimID(t *testing.T) {
	c := &claim.Corpus{Claims: []claim.Claim{{ID: `c"/><script>`, Text: "A claim"}}}
	tl, err := timeline.Build(c, nil)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, render.StorySVG(&b, tl, &render.Options{ClaimURL: "/claims/{claim}"}))
	checkSVG(t, b.Bytes())
	assert.Contains(t, b.String(), `href="/claims/c%22%2F%3E%3Cscript%3E"`)
	assert.NotContains(t, b.String(), "<script")
}

// TestInvalidUTF8 checks that text a corpus would reject, reaching the
// renderer through a timeline built by other means, comes out replaced: the
// texts go through the same cleaning, so a name with invalid UTF-8 in a
// registry built directly is drawn with U+FFFD.
func TestInvalidUTF8(t *testing.T) {
	c := hostileCorpus(t, "ok")
	tl, err := timeline.Build(c, nil)
	require.NoError(t, err)
	// A corpus cannot hold invalid UTF-8; Build rejects it.
	bad := hostileCorpus(t, "ok")
	bad.Claims[0].Text = "bad \xff\xfe text"
	_, err = timeline.Build(bad, nil)
	require.Error(t, err)
	var b bytes.Buffer
	require.NoError(t, render.ClaimSVG(&b, tl, "c1", nil))
	assert.True(t, strings.ToValidUTF8(b.String(), "") == b.String())
}
