// Command seed-story encodes the project's seed article, a 2023 news report
// on North Korean arms sales to Russia, as a claimtrail corpus and prints its
// timeline: for each claim its status, its statements in time order with the
// exact text that reports them, and its status history; then what the
// article added.
//
// Usage:
//
//	go run ./examples/seed-story         # the timeline, as text
//	go run ./examples/seed-story -json   # the corpus, as a corpus document
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/timeline"
)

func main() {
	os.Exit(cli.Run("seed-story", os.Args[1:], os.Stdout, os.Stderr, run))
}

func run(w, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("seed-story", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the corpus as a JSON corpus document instead of the timeline")
	if err := cli.Parse(fs, args, 0, stderr); err != nil {
		return err
	}
	c, err := seedCorpus()
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	}
	tl, err := timeline.Build(c, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Seed story: %d claims, %d statements, %d sources\n\n", len(c.Claims), len(c.Statements), tl.Registry().Len())
	if err := tl.WriteText(w); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nClaims resting only on unnamed or absent sources:")
	for _, id := range tl.AnonymousClaims() {
		fmt.Fprintf(w, "  %s\n", display.Safe(id))
	}
	fmt.Fprintln(w, "\nWho denies what:")
	for _, d := range tl.Denials() {
		fmt.Fprintf(w, "  %s denies %s (%s)\n", display.Safe(d.Source), display.Safe(d.Claim), display.Safe(d.Statement))
	}
	return nil
}
