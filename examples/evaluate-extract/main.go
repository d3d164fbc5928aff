// Command evaluate-extract scores claimtrail's extractor against the gold
// attributions in extract/testdata/gold (or another directory of gold
// articles) and prints precision, recall and F1 for source, cue, content and
// whole attributions, by exact match and by token overlap (the metrics of
// BBC's Citron), then the accuracy of act, factuality, speaker and date.
// Run it from the module root:
//
//	go run ./examples/evaluate-extract
//	go run ./examples/evaluate-extract -v                 # every miss and false alarm
//	go run ./examples/evaluate-extract -dir my/gold/articles
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract/gold"
)

func main() {
	dir := flag.String("dir", "extract/testdata/gold", "directory of gold articles (NAME.json with NAME.txt)")
	verbose := flag.Bool("v", false, "list the gold attributions missed and the predictions that match none")
	flag.Parse()
	if err := run(os.Stdout, *dir, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "evaluate-extract:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, dir string, verbose bool) error {
	articles, err := gold.LoadDir(dir)
	if err != nil {
		return err
	}
	results, total, err := gold.Evaluate(articles)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles, %d gold attributions, %d predicted\n\n", len(articles), total.Gold, total.Predicted)
	fmt.Fprintf(&b, "%-8s  %-27s  %-27s\n", "", "exact match", "token overlap")
	fmt.Fprintf(&b, "%-8s  %7s %7s %7s    %7s %7s %7s\n", "part", "P", "R", "F1", "P", "R", "F1")
	for p := gold.PartSource; p <= gold.PartWhole; p++ {
		e, o := total.Exact(p), total.Overlap(p)
		fmt.Fprintf(&b, "%-8s  %7.3f %7.3f %7.3f    %7.3f %7.3f %7.3f\n", p, e.Precision, e.Recall, e.F1, o.Precision, o.Recall, o.F1)
	}
	fmt.Fprintf(&b, "\nmatched pairs %d of %d gold\n", total.Matched, total.Gold)
	fmt.Fprintf(&b, "act accuracy         %.3f\n", gold.Accuracy(total.ActAgree, total.Matched))
	fmt.Fprintf(&b, "factuality accuracy  %.3f\n", gold.Accuracy(total.FactualityAgree, total.Matched))
	fmt.Fprintf(&b, "speaker accuracy     %.3f\n", gold.Accuracy(total.SpeakerAgree, total.Matched))
	fmt.Fprintf(&b, "said-date accuracy   %.3f (%d dated)\n", gold.Accuracy(total.DateAgree, total.Dated), total.Dated)
	fmt.Fprintf(&b, "\n%-28s %5s %5s %9s %6s\n", "article", "gold", "pred", "whole-F1", "act")
	for _, r := range results {
		fmt.Fprintf(&b, "%-28s %5d %5d %9.3f %6.3f\n", r.Article.Name, r.Counts.Gold, r.Counts.Predicted,
			r.Counts.Overlap(gold.PartWhole).F1, gold.Accuracy(r.Counts.ActAgree, r.Counts.Matched))
	}
	if verbose {
		for _, r := range results {
			misses(&b, r)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// misses lists the gold attributions with no prediction whose cue overlaps,
// and the predictions whose cue overlaps no gold one.
func misses(b *strings.Builder, r gold.Result) {
	fmt.Fprintf(b, "\n== %s\n", r.Article.Name)
	meets := func(a, c claim.Span) bool { return a.Start < c.End && c.Start < a.End }
	for _, g := range r.Article.Attributions {
		var hit *gold.Predicted
		for i := range r.Predicted {
			if meets(r.Predicted[i].Cue, g.Cue) {
				hit = &r.Predicted[i]
				break
			}
		}
		if hit == nil {
			fmt.Fprintf(b, "MISS  %s %q <%s> %s\n", g.Act, g.Source.Exact, g.Cue.Exact, contents(g.Content))
			continue
		}
		if hit.Act != g.Act || hit.Source.Exact != g.Source.Exact || contents(hit.Content) != contents(g.Content) || hit.Speaker != g.Speaker {
			fmt.Fprintf(b, "DIFF  gold %s %s %q <%s> %s\n      pred %s %s %q <%s> %s\n", g.Act, g.Speaker, g.Source.Exact, g.Cue.Exact, contents(g.Content),
				hit.Act, hit.Speaker, hit.Source.Exact, hit.Cue.Exact, contents(hit.Content))
		}
	}
	for _, p := range r.Predicted {
		found := false
		for _, g := range r.Article.Attributions {
			if meets(p.Cue, g.Cue) {
				found = true
				break
			}
		}
		if !found {
			fmt.Fprintf(b, "FALSE %s %q <%s> %s\n", p.Act, p.Source.Exact, p.Cue.Exact, contents(p.Content))
		}
	}
}

func contents(cs []claim.Span) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%q", c.Exact)
	}
	return "[" + strings.Join(parts, " | ") + "]"
}
