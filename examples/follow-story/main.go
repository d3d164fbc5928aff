// Command follow-story follows a fictional story article by article: eight
// short reports on whether Norland ships artillery shells to Eastria, written
// for claimtrail. Each article is added to a story.Story, the review
// decisions recorded for it in testdata/decisions.jsonl are applied, and the
// program prints what the article proposed, what the decisions changed and,
// at the end, the status grid: each claim's status right after each article.
//
// Usage:
//
//	go run ./examples/follow-story [-decisions file.jsonl] [-store dir] [-unattended 0.85]
//
// With -decisions it applies another decisions file instead (JSON Lines, as
// story.WriteDecisions writes them). With -store it keeps the story in a
// SQLite file in dir (story/sqlitestore), each article and each batch of
// decisions written in one transaction; run it again with the same dir and
// it reopens the story from the file, rebuilds it, and prints its grid.
// Without -store the story lives in memory. With -unattended the story
// accepts by itself the candidates at least that confident whose speaker the
// registry knows; they are marked "machine" where they are listed.
package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/sqlitestore"
	"github.com/claimtrail/claimtrail/timeline"
)

//go:embed testdata/sources.json testdata/articles.json testdata/decisions.jsonl testdata/articles
var files embed.FS

func main() {
	os.Exit(cli.Run("follow-story", os.Args[1:], os.Stdout, os.Stderr, run))
}

func run(w, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("follow-story", flag.ContinueOnError)
	decisionsPath := fs.String("decisions", "", "apply this decisions file (JSON Lines) instead of the committed one")
	storeDir := fs.String("store", "", "keep the story in a SQLite file in this directory")
	unattended := fs.Float64("unattended", 0, "accept by itself each candidate at least this confident whose speaker the registry knows")
	if err := cli.Parse(fs, args, 0, stderr); err != nil {
		return err
	}
	srcs, arts, err := load()
	if err != nil {
		return err
	}
	raw, err := files.ReadFile("testdata/decisions.jsonl")
	if err != nil {
		return err
	}
	if *decisionsPath != "" {
		if raw, err = os.ReadFile(*decisionsPath); err != nil {
			return err
		}
	}
	decisions, err := story.ReadDecisions(bytes.NewReader(raw))
	if err != nil {
		return err
	}

	ctx := context.Background()
	if *unattended < 0 || *unattended > 1 {
		return cli.Usagef("-unattended %v: want a confidence from 0 to 1", *unattended)
	}
	opts := story.Options{Sources: srcs, Unattended: *unattended}
	var s *story.Story
	if *storeDir == "" {
		s, err = story.New("norland-shells", opts)
	} else {
		st, err := sqlitestore.Open(*storeDir)
		if err != nil {
			return err
		}
		defer st.Close()
		var report *story.Report
		if s, report, err = story.Open(ctx, st, "norland-shells", opts); err != nil {
			return err
		}
		if n := len(s.Corpus().Articles); n > 0 {
			fmt.Fprintf(w, "reopened %s: %d articles, %d decisions applied again, %d orphans, %d failed\n\n",
				st.Path("norland-shells"), n, len(report.Applied), len(report.Orphans), len(report.Failed))
			return grid(w, s)
		}
	}
	if err != nil {
		return err
	}
	next := 0
	for _, a := range arts {
		added, err := s.Add(ctx, a)
		if err != nil {
			return err
		}
		printAdded(w, a, added)
		for _, d := range added.Machine {
			fmt.Fprintf(w, "  machine accepted %s\n", d.Key)
		}

		// Apply the decisions that are about the articles added so far, in
		// the file's order, stopping at the first about a later article.
		var batch []story.Decision
		for ; next < len(decisions); next++ {
			if id, ok := decisions[next].About(); ok {
				if _, known := s.Proposals(id); !known {
					break
				}
			}
			batch = append(batch, decisions[next])
		}
		report, err := s.Apply(ctx, batch...)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  decisions: %d applied, %d orphans\n", len(report.Applied), len(report.Orphans))

		tl, err := s.Timeline(nil)
		if err != nil {
			return err
		}
		if diff, err := tl.Added(a.ID); err == nil {
			for _, ch := range diff.Changes {
				if ch.Kind == timeline.ChangeStatus {
					fmt.Fprintf(w, "  %s: %s -> %s (%s)\n", ch.Claim, ch.From, ch.To, ch.Source)
				}
			}
			if len(diff.Repeated) > 0 {
				fmt.Fprintf(w, "  reports again %d statement(s)\n", len(diff.Repeated))
			}
		}
	}
	if next < len(decisions) {
		fmt.Fprintf(w, "%d decisions were about articles never added\n", len(decisions)-next)
	}
	fmt.Fprintf(w, "\n%d candidates left for review\n\n", len(s.Pending()))
	return grid(w, s)
}

// printAdded prints what adding an article proposed.
func printAdded(w io.Writer, a source.Article, added *story.Added) {
	fmt.Fprintf(w, "== %s  %s (%s)\n", a.ID, a.Title, a.Published.Format(time.DateOnly))
	for _, p := range added.Candidates {
		line := fmt.Sprintf("  %-26s %-16s %-15s %q", p.Key, p.Candidate.Speaker, p.Candidate.Act, excerpt(p.Quote))
		switch {
		case p.SameAs != "":
			line += " = " + string(p.SameAs)
		case len(p.Claims) > 0:
			line += fmt.Sprintf(" ~ %s (%.2f)", p.Claims[0].Claim, p.Claims[0].Similarity)
		}
		fmt.Fprintln(w, line)
	}
	for _, sp := range added.Sources {
		line := "  new source " + string(sp.Source.ID)
		if len(sp.Matches) > 0 {
			line += fmt.Sprintf(" ~ %s (%s)", sp.Matches[0].ID, sp.Matches[0].Reason)
		}
		fmt.Fprintln(w, line)
	}
	if added.Reprint != nil {
		fmt.Fprintf(w, "  reprint of %s (similarity %.2f)\n", added.Reprint.Of, added.Reprint.Similarity)
	}
}

// excerpt shortens a quote for one line.
func excerpt(q string) string {
	r := []rune(q)
	if len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return q
}

// grid prints each claim's status right after each article.
func grid(w io.Writer, s *story.Story) error {
	tl, err := s.Timeline(nil)
	if err != nil {
		return err
	}
	order := tl.ArticleOrder()
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	head := []string{"claim"}
	for i := range order {
		head = append(head, fmt.Sprint(i+1))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, c := range tl.Claims() {
		row := []string{string(c.ID)}
		for _, a := range order {
			st, err := tl.StatusAfter(c.ID, a)
			if err != nil {
				return err
			}
			row = append(row, st.String())
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for i, a := range order {
		fmt.Fprintf(w, "%d = %s\n", i+1, a)
	}
	return nil
}

// load reads the story's sources and articles.
func load() ([]source.Source, []source.Article, error) {
	var srcs []source.Source
	b, err := files.ReadFile("testdata/sources.json")
	if err != nil {
		return nil, nil, err
	}
	if err := json.Unmarshal(b, &srcs); err != nil {
		return nil, nil, fmt.Errorf("testdata/sources.json: %w", err)
	}
	var list []struct {
		ID        source.ArticleID `json:"id"`
		File      string           `json:"file"`
		Outlet    source.ID        `json:"outlet"`
		Published time.Time        `json:"published"`
		Title     string           `json:"title"`
	}
	if b, err = files.ReadFile("testdata/articles.json"); err != nil {
		return nil, nil, err
	}
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, nil, fmt.Errorf("testdata/articles.json: %w", err)
	}
	var arts []source.Article
	for _, a := range list {
		text, err := files.ReadFile("testdata/" + a.File)
		if err != nil {
			return nil, nil, err
		}
		arts = append(arts, source.Article{ID: a.ID, Outlet: a.Outlet, Published: a.Published, Title: a.Title, Text: string(text)})
	}
	return srcs, arts, nil
}
