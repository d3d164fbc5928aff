package main

import (
	"context"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

func (a *app) renderCmd() *cobra.Command {
	var out string
	var mermaid bool
	cmd := &cobra.Command{
		Use:   "render [CLAIM]",
		Short: "Draw the story's timeline, or one claim's, as SVG or Mermaid",
		Long: `render draws timelines (see package render for what the pictures show):

  render                 the story's picture as SVG on standard output: one row
                         of status bands per claim along a shared time axis
  render CLAIM           one claim's picture as SVG: a mark per statement, one
                         lane per side, the status as a band along the axis
  render --mermaid [CLAIM]  the same as Mermaid timeline text, for Markdown
  render --out DIR       a folder to open in a browser: index.html, story.svg
                         and one SVG file per claim under claims/

Every picture carries a text alternative, and names and quotes from the
articles are escaped. A mark or a status change links to the address its
article was read at (add --url, or a manifest's url), when it has one. A claim's picture costs time linear in its track plus
its status changes; the story's, linear in its claims and their changes;
--out draws every claim.`,
		Example: `  claimtrail render shipments > shipments.svg
  claimtrail render --mermaid >> report.md
  claimtrail render --out pictures && xdg-open pictures/index.html`,
		Args: cobra.MaximumNArgs(1),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			if out != "" && (len(args) > 0 || mermaid) {
				return cli.Usagef("--out draws every claim as SVG: give it without CLAIM and --mermaid")
			}
			s, tl, err := a.openTimeline(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			if len(args) == 1 {
				if err := claimArg(tl, claim.ID(args[0]), s.ID()); err != nil {
					return err
				}
			}
			opts := &render.Options{ArticleLinks: articleLinks(s.Corpus().Articles)}
			switch {
			case out != "":
				return renderFolder(out, s.ID(), tl, opts, a.stdout)
			case mermaid && len(args) == 1:
				return a.writeOutput("", func(w io.Writer) error { return render.ClaimMermaid(w, tl, claim.ID(args[0])) })
			case mermaid:
				return a.writeOutput("", func(w io.Writer) error { return render.StoryMermaid(w, tl) })
			case len(args) == 1:
				return a.writeOutput("", func(w io.Writer) error { return render.ClaimSVG(w, tl, claim.ID(args[0]), opts) })
			}
			return a.writeOutput("", func(w io.Writer) error { return render.StorySVG(w, tl, opts) })
		}),
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "write index.html and every picture to this folder")
	cmd.Flags().BoolVar(&mermaid, "mermaid", false, "write Mermaid timeline text instead of SVG")
	return cmd
}

// articleLinks returns the address each article was read at (its --url),
// for the pictures' marks to link to; an article with no address, or one
// that is not a plain http or https URL, has no link.
func articleLinks(articles []source.Article) map[source.ArticleID]string {
	links := map[source.ArticleID]string{}
	for _, art := range articles {
		u, err := url.Parse(art.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || display.Scrub(art.URL) != art.URL {
			continue
		}
		links[art.ID] = art.URL
	}
	return links
}

// plainID is a claim ID that can name a file as it is.
var plainID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)

// indexPage is the index.html of render --out.
var indexPage = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Story}}: claims and their timelines</title>
<style>
body { font-family: sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; } td, th { text-align: left; padding: .3rem .8rem .3rem 0; vertical-align: top; }
img { max-width: 100%; border: 1px solid #ddd; }
</style>
</head>
<body>
<h1>{{.Story}}</h1>
<p><img src="story.svg" alt="Status of each claim of {{.Story}} over time; the table below says the same in words."></p>
<table>
<thead><tr><th>Status</th><th>Claim</th><th>Since</th></tr></thead>
<tbody>
{{range .Claims}}<tr><td>{{.Status}}</td><td><a href="{{.File}}">{{.Text}}</a></td><td>{{.Since}}</td></tr>
{{end}}</tbody>
</table>
<p>Each claim's page is an SVG picture with a description in words; hover a mark for its quote.</p>
</body>
</html>
`))

// renderFolder writes index.html, story.svg and claims/*.svg to dir.
func renderFolder(dir, storyID string, tl *timeline.Timeline, opts *render.Options, stdout io.Writer) error {
	if err := os.MkdirAll(filepath.Join(dir, "claims"), 0o755); err != nil {
		return err
	}
	write := func(name string, draw func(w io.Writer) error) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if err := draw(f); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
		return f.Close()
	}
	if err := write("story.svg", func(w io.Writer) error { return render.StorySVG(w, tl, opts) }); err != nil {
		return err
	}
	type row struct{ Status, Text, File, Since string }
	var rows []row
	used := map[string]bool{}
	for i, c := range tl.Claims() {
		name := string(c.ID)
		for n := 0; !plainID.MatchString(name) || used[name]; n++ {
			name = fmt.Sprintf("claim-%d-%d", i+1, n)
		}
		used[name] = true
		file := "claims/" + name + ".svg"
		if err := write(file, func(w io.Writer) error { return render.ClaimSVG(w, tl, c.ID, opts) }); err != nil {
			return err
		}
		st, _ := tl.Current(c.ID)
		hist, _ := tl.History(c.ID)
		since := "-"
		if len(hist) > 0 {
			since = day(hist[len(hist)-1].At)
		}
		rows = append(rows, row{Status: st.String(), Text: c.Text, File: file, Since: since})
	}
	if err := write("index.html", func(w io.Writer) error {
		var b strings.Builder
		if err := indexPage.Execute(&b, struct {
			Story  string
			Claims []row
		}{storyID, rows}); err != nil {
			return err
		}
		// Control characters and bidirectional overrides in claims become
		// U+FFFD, as in the pictures.
		_, err := io.WriteString(w, display.Scrub(b.String()))
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: index.html, story.svg and %d claim pictures\n", dir, len(rows))
	return nil
}
