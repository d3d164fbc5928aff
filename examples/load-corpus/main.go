// Command load-corpus shows how a program loads its own corpus from a JSON
// corpus document and asks the timeline questions about it.
//
// Usage:
//
//	go run ./examples/load-corpus [-at 2024-04-01] [corpus.json]
//
// Without a path it reads testdata/corpus.json, a small fictional story that
// ships with claimtrail. With -at it prints each claim's status at that date
// as well as its current status.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/timeline"
)

func main() {
	os.Exit(cli.Run("load-corpus", os.Args[1:], os.Stdout, os.Stderr, run))
}

func run(w, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("load-corpus", flag.ContinueOnError)
	at := fs.String("at", "", "also print each claim's status at the end of this day, written YYYY-MM-DD")
	if err := cli.Parse(fs, args, 1, stderr); err != nil {
		return err
	}
	var when time.Time
	if *at != "" {
		var err error
		if when, err = time.Parse(time.DateOnly, *at); err != nil {
			return cli.Usagef("-at %q: want a date such as 2024-04-01", *at)
		}
	}
	path := "testdata/corpus.json"
	if fs.NArg() > 0 {
		path = fs.Arg(0)
	}

	// Load validates the document and reports every problem in it at once.
	c, err := claim.Load(path)
	if err != nil {
		return err
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		return err
	}

	fmt.Fprintf(w, "%s: %s, %s, %s\n", path, count(len(c.Claims), "claim"), count(len(c.Statements), "statement"), count(len(c.Articles), "article"))
	for _, cl := range tl.Claims() {
		now, err := tl.Current(cl.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n%s (%s)\n  %s\n", display.Safe(cl.ID), now, display.Safe(cl.Text))
		if !when.IsZero() {
			then, err := tl.Status(cl.ID, when.Add(24*time.Hour-time.Nanosecond))
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "  status on %s: %s\n", *at, then)
		}
		changes, err := tl.Changes(cl.ID)
		if err != nil {
			return err
		}
		for _, ch := range changes {
			if ch.Kind == timeline.ChangeStatus {
				fmt.Fprintf(w, "  %s  %s -> %s  after %s (%s)\n", ch.At.Format(time.DateOnly), ch.From, ch.To, display.Safe(ch.Statement), display.Safe(ch.Article))
			}
		}
	}

	fmt.Fprintln(w, "\nDisputed (affirmed and negated, whatever the status):", tl.Disputed())
	fmt.Fprintln(w, "Resting only on unnamed or absent sources:", tl.AnonymousClaims())
	anon, err := tl.Statements(timeline.Query{Anonymous: true})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Statements resting on unnamed or absent sources:")
	for _, e := range anon {
		fmt.Fprintf(w, "  %s: %s %s", display.Safe(e.Statement.ID), display.Safe(e.Statement.Source), e.Statement.Act)
		if len(e.Statement.Mentions) > 0 {
			fmt.Fprintf(w, " %q", e.Statement.Mentions[0].Quote())
		}
		fmt.Fprintln(w)
	}
	return nil
}

// count writes n with the noun, plural when n is not 1: "1 article",
// "3 claims".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
