// Command extract-article runs claimtrail's extractor on an article and
// prints what it proposes: the page furniture it dropped, every candidate
// attribution with its spans, the new sources, and the proposed claim
// groups.
//
// With no arguments it reads the seed article (testdata/, see ORIGIN.md
// there) against the seed story's registry:
//
//	go run ./examples/extract-article
//	go run ./examples/extract-article -json
//	go run ./examples/extract-article -published 2024-05-14 article.txt
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
)

//go:embed testdata/ctn-news-2023-dprk-russia-arms.txt
var seedText string

func main() {
	os.Exit(cli.Run("extract-article", os.Args[1:], os.Stdout, os.Stderr, run))
}

func run(w, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("extract-article", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	published := fs.String("published", "", "publication date of the article (YYYY-MM-DD); the seed's 2023-08-31 without a file")
	if err := cli.Parse(fs, args, 1, stderr); err != nil {
		return err
	}
	return extractArticle(w, fs.Args(), *published, *asJSON)
}

func extractArticle(w io.Writer, args []string, published string, asJSON bool) error {
	text := seedText
	opts := extract.Options{Published: time.Date(2023, 8, 31, 0, 0, 0, 0, time.UTC)}
	reg, err := seedRegistry()
	if err != nil {
		return err
	}
	opts.Registry = reg
	if len(args) == 1 {
		b, err := os.ReadFile(args[0])
		if err != nil {
			return err
		}
		text = string(b)
		// Your own article: no registry (every speaker is proposed as new)
		// and no publication time unless -published gives one.
		opts = extract.Options{}
	}
	if published != "" {
		t, err := time.Parse(time.DateOnly, published)
		if err != nil {
			return cli.Usagef("-published %q: want a date such as 2024-05-14", published)
		}
		opts.Published = t
	}
	res, err := extract.Extract(text, opts)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return print(w, text, res)
}

func print(w io.Writer, text string, res *extract.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Dropped %d lines of page furniture:\n", len(res.Cleaned.Dropped))
	for _, d := range res.Cleaned.Dropped {
		fmt.Fprintf(&b, "  %-10s [%d:%d] %q\n", d.Reason, d.Start, d.End, clip(text[d.Start:d.End], 60))
	}
	fmt.Fprintf(&b, "\n%d candidate attributions:\n", len(res.Candidates))
	for i, c := range res.Candidates {
		fmt.Fprintf(&b, "\n#%d %s %s (%s, %s, confidence %.2f)\n", i+1, c.Act, c.Factuality, c.Form, c.Resolution, c.Confidence)
		fmt.Fprintf(&b, "  speaker  %s\n", display.Safe(c.Speaker))
		if len(c.Via) > 0 {
			fmt.Fprintf(&b, "  via      %s\n", display.Safe(fmt.Sprint(c.Via)))
		}
		if c.SpeakerText.Exact != "" {
			fmt.Fprintf(&b, "  source   [%d:%d] %q\n", c.SpeakerText.Start, c.SpeakerText.End, c.SpeakerText.Exact)
		}
		fmt.Fprintf(&b, "  cue      [%d:%d] %q\n", c.Cue.Start, c.Cue.End, c.Cue.Exact)
		fmt.Fprintf(&b, "  rule     %s\n", c.Rule)
		for _, s := range c.Content {
			fmt.Fprintf(&b, "  content  [%d:%d] %q\n", s.Start, s.End, clip(s.Exact, 90))
		}
		if c.Said.IsValid() {
			fmt.Fprintf(&b, "  said     %s\n", c.Said)
		}
	}
	if len(res.NewSources) > 0 {
		fmt.Fprintf(&b, "\n%d new sources:\n", len(res.NewSources))
		for _, s := range res.NewSources {
			fmt.Fprintf(&b, "  %s %q kind=%s identity=%s\n", display.Safe(s.ID), s.Name, s.Kind, s.Identity)
		}
	}
	if groups := extract.Groups(res.Candidates, 0); len(groups) > 0 {
		fmt.Fprintf(&b, "\n%d proposed claim groups (candidate numbers):\n", len(groups))
		for _, g := range groups {
			nums := make([]string, len(g.Members))
			for i, m := range g.Members {
				nums[i] = fmt.Sprint("#", m+1)
			}
			fmt.Fprintf(&b, "  %s (similarity %.2f)\n", strings.Join(nums, " "), g.Similarity)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

//go:embed testdata/registry.json
var seedRegistryJSON []byte

// seedRegistry is what a user following the story would already have: the
// sources of the seed story (examples/seed-story), with their aliases.
func seedRegistry() (*source.Registry, error) {
	var sources []source.Source
	if err := json.Unmarshal(seedRegistryJSON, &sources); err != nil {
		return nil, fmt.Errorf("testdata/registry.json: %w", err)
	}
	return source.NewRegistry(sources, nil)
}
