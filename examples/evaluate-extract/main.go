// Command evaluate-extract scores claimtrail's extractor against the gold
// attributions in extract/testdata/gold (or another directory of gold
// articles) and prints precision, recall and F1 for source, cue, content and
// whole attributions, by exact match and by token overlap (the metrics of
// BBC's Citron), then the accuracy of act, factuality, speaker and date,
// and how many denials were found as denials by the right speaker.
// Run it from the module root:
//
//	go run ./examples/evaluate-extract
//	go run ./examples/evaluate-extract -v                 # every miss and false alarm, with the rule behind each prediction
//	go run ./examples/evaluate-extract -dir my/gold/articles
//
// With -realnews it scores the real published articles of
// extract/testdata/realnews, whose texts are not shipped: give the folder
// that holds them (see that folder's README for how to fill it). Each
// text's sha256 is checked against the manifest first; missing or changed
// texts are listed and skipped.
//
//	go run ./examples/evaluate-extract -realnews DIR                # the dev split
//	go run ./examples/evaluate-extract -realnews DIR -split test    # once per release
//	go run ./examples/evaluate-extract -realnews DIR -agreement     # second annotator against the first
//	go run ./examples/evaluate-extract -realnews DIR -import LABELS # add labelled articles
//	go run ./examples/evaluate-extract -realnews DIR -stories a,b   # only the articles of these stories
//	go run ./examples/evaluate-extract -realnews DIR -ids x,y       # only these articles
//	go run ./examples/evaluate-extract -act-model FILE              # acts by a model trainact wrote
//
// -act-model scores the extractor with the acts of an extract.ActModel
// read from FILE (as internal/cmd/trainact -o writes one) instead of the
// rules' acts, on any set.
//
// -stories and -ids score a part of a split: the articles of a story added
// since the rules were last changed, say, to see how the rules do on text
// they were not tuned on before anyone looks at its misses.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/samber/lo"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/source"
)

// realnews is the folder of the real-news set, from the module root.
const realnews = "extract/testdata/realnews"

func main() {
	os.Exit(cli.Run("evaluate-extract", os.Args[1:], os.Stdout, os.Stderr, run))
}

func run(w, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("evaluate-extract", flag.ContinueOnError)
	dir := fs.String("dir", "extract/testdata/gold", "directory of gold articles (NAME.json with NAME.txt)")
	verbose := fs.Bool("v", false, "list the gold attributions missed and the predictions that match none")
	texts := fs.String("realnews", "", "score the real-news set, whose texts are in this folder")
	split := fs.String("split", "dev", "with -realnews: dev, test or all")
	agreement := fs.Bool("agreement", false, "with -realnews: score the second annotator against the first instead of the extractor")
	imp := fs.String("import", "", "with -realnews: convert the context-form labels in this folder (NAME.json beside NAME.txt) into "+realnews+"/labels")
	stories := fs.String("stories", "", "with -realnews: score only the articles of these stories (comma-separated manifest story names)")
	ids := fs.String("ids", "", "with -realnews: score only these articles (comma-separated manifest IDs)")
	modelFile := fs.String("act-model", "", "decide acts by the extract.ActModel in this JSON file instead of the rules")
	if err := cli.Parse(fs, args, 0, stderr); err != nil {
		return err
	}
	var opts extract.Options
	if *modelFile != "" {
		raw, err := os.ReadFile(*modelFile)
		if err != nil {
			return err
		}
		opts.ActModel = new(extract.ActModel)
		if err := opts.ActModel.UnmarshalJSON(raw); err != nil {
			return fmt.Errorf("-act-model %s: %w", *modelFile, err)
		}
	}
	switch {
	case *texts == "" && (*agreement || *imp != "" || *split != "dev" || *stories != "" || *ids != ""):
		return cli.Usagef("-split, -agreement, -import, -stories and -ids go with -realnews")
	case *split != "dev" && *split != "test" && *split != "all":
		return cli.Usagef("-split %q: want dev, test or all", *split)
	case *imp != "":
		return importLabels(w, realnews, *texts, *imp)
	case *texts != "":
		return runRealNews(w, realnews, *texts, realNewsOptions{split: *split, agreement: *agreement, verbose: *verbose,
			stories: list(*stories), ids: list(*ids), extract: opts})
	}
	return runGold(w, *dir, *verbose, opts)
}

func runGold(w io.Writer, dir string, verbose bool, opts extract.Options) error {
	articles, err := gold.LoadDir(dir)
	if err != nil {
		return err
	}
	return report(w, articles, verbose, opts)
}

// report runs the extractor on the articles and writes the scores. opts
// gives the act model, if any; each article gives its registry and
// publication time.
func report(w io.Writer, articles []gold.Article, verbose bool, opts extract.Options) error {
	evaluate := gold.Evaluate
	if opts.ActModel != nil {
		evaluate = func(articles []gold.Article) ([]gold.ArticleScore, gold.Counts, error) {
			return evaluateWith(articles, opts)
		}
	}
	results, total, err := evaluate(articles)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles, %d gold attributions, %d predicted\n\n", len(articles), total.Gold, total.Predicted)
	writeTotals(&b, total)
	width := len("article")
	for _, r := range results {
		width = max(width, len(r.Article.Name))
	}
	fmt.Fprintf(&b, "\n%-*s %5s %5s %9s %6s\n", width, "article", "gold", "pred", "whole-F1", "act")
	for _, r := range results {
		fmt.Fprintf(&b, "%-*s %5d %5d %9.3f %6.3f\n", width, r.Article.Name, r.Counts.Gold, r.Counts.Predicted,
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

// writeTotals writes the summed scores: spans, then the pairs.
func writeTotals(b *strings.Builder, total gold.Counts) {
	fmt.Fprintf(b, "%-8s  %-27s  %-27s\n", "", "exact match", "token overlap")
	fmt.Fprintf(b, "%-8s  %7s %7s %7s    %7s %7s %7s\n", "part", "P", "R", "F1", "P", "R", "F1")
	for p := gold.PartSource; p <= gold.PartWhole; p++ {
		e, o := total.Exact(p), total.Overlap(p)
		fmt.Fprintf(b, "%-8s  %7.3f %7.3f %7.3f    %7.3f %7.3f %7.3f\n", p, e.Precision, e.Recall, e.F1, o.Precision, o.Recall, o.F1)
	}
	fmt.Fprintf(b, "\nmatched pairs %d of %d gold\n", total.Matched, total.Gold)
	fmt.Fprintf(b, "act accuracy         %.3f\n", gold.Accuracy(total.ActAgree, total.Matched))
	fmt.Fprintf(b, "factuality accuracy  %.3f\n", gold.Accuracy(total.FactualityAgree, total.Matched))
	fmt.Fprintf(b, "speaker accuracy     %.3f\n", gold.Accuracy(total.SpeakerAgree, total.Matched))
	fmt.Fprintf(b, "said-date accuracy   %.3f (%d dated)\n", gold.Accuracy(total.DateAgree, total.Dated), total.Dated)
	fmt.Fprintf(b, "denials found        %.3f (%d of %d, as a denial by the right speaker)\n", gold.Accuracy(total.DenialsFound, total.Denials), total.DenialsFound, total.Denials)
}

// realNewsOptions say what part of the real-news set to score, and how.
type realNewsOptions struct {
	// split is dev, test or all.
	split string
	// stories and ids, when not empty, keep only the articles of these
	// stories, or with these IDs.
	stories, ids []string
	// agreement scores the second annotator instead of the extractor;
	// verbose lists every miss.
	agreement, verbose bool
	// extract gives the act model, if any.
	extract extract.Options
}

// evaluateWith is gold.Evaluate with opts's act model: it extracts each
// article with its registry and publication time and scores the
// candidates. Work and memory are gold.Evaluate's.
func evaluateWith(articles []gold.Article, opts extract.Options) ([]gold.ArticleScore, gold.Counts, error) {
	var total gold.Counts
	out := make([]gold.ArticleScore, 0, len(articles))
	for _, a := range articles {
		o := opts
		o.Registry, o.Published = a.Registry, a.Published
		res, err := extract.Extract(a.Text, o)
		if err != nil {
			return nil, gold.Counts{}, err
		}
		pred := lo.Map(res.Candidates, func(c extract.Candidate, _ int) gold.Predicted { return gold.FromCandidate(c) })
		names := lo.SliceToMap(res.NewSources, func(s source.Source) (source.ID, string) { return s.ID, s.Name })
		c := gold.Score(a, pred, func(p, g source.ID) bool { return gold.SameNewSpeaker(names[p], g) })
		total.Add(c)
		out = append(out, gold.ArticleScore{Article: a, Predicted: pred, Counts: c})
	}
	return out, total, nil
}

// list splits a comma-separated flag value into its trimmed, non-empty
// items.
func list(s string) []string {
	return lo.Compact(lo.Map(strings.Split(s, ","), func(x string, _ int) string { return strings.TrimSpace(x) }))
}

// runRealNews scores the real-news set in set (its manifest, labels and
// second annotator's labels) with the texts in texts.
func runRealNews(w io.Writer, set, texts string, o realNewsOptions) error {
	split, agreement, verbose := o.split, o.agreement, o.verbose
	splits := map[string][]string{"dev": {"dev"}, "test": {"test"}, "all": nil}
	which, ok := splits[split]
	if !ok {
		return fmt.Errorf("-split %q: want dev, test or all", split)
	}
	m, err := gold.ReadManifest(filepath.Join(set, "manifest.json"))
	if err != nil {
		return err
	}
	if m, err = only(m, o.stories, o.ids); err != nil {
		return err
	}
	arts, skipped, err := gold.LoadOffsetsDir(m, filepath.Join(set, "labels"), texts, which...)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, e := range skipped {
		fmt.Fprintln(&b, "skipped:", e)
	}
	fmt.Fprintf(&b, "real news, split %s: %d texts found in %s, %d missing or changed\n", split, len(arts), texts, len(skipped))
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("no text of the set found in %s; see %s/README.md for how to fill it", texts, set)
	}
	if !agreement {
		return report(w, arts, verbose, o.extract)
	}
	second, _, err := gold.LoadOffsetsDir(m, filepath.Join(set, "second"), texts, which...)
	if err != nil {
		return err
	}
	first := lo.KeyBy(arts, func(a gold.Article) string { return a.Name })
	var total gold.Counts
	n := 0
	for _, a := range second {
		if f, ok := first[a.Name]; ok {
			total.Add(gold.Agree(f, a))
			n++
		}
	}
	b.Reset()
	fmt.Fprintf(&b, "\nsecond annotator against the first: %d articles, %d and %d attributions\n\n", n, total.Gold, total.Predicted)
	writeTotals(&b, total)
	_, err = io.WriteString(w, b.String())
	return err
}

// only keeps the manifest entries of the stories and IDs given, all of them
// when both are empty. A story or ID the manifest does not have is an
// error, so that a misspelt name does not score nothing in silence.
func only(m []gold.Entry, stories, ids []string) ([]gold.Entry, error) {
	if len(stories) == 0 && len(ids) == 0 {
		return m, nil
	}
	for _, s := range stories {
		if !lo.ContainsBy(m, func(e gold.Entry) bool { return e.Story == s }) {
			return nil, fmt.Errorf("-stories: no story %q in the manifest", s)
		}
	}
	for _, id := range ids {
		if !lo.ContainsBy(m, func(e gold.Entry) bool { return e.ID == id }) {
			return nil, fmt.Errorf("-ids: no article %q in the manifest", id)
		}
	}
	return lo.Filter(m, func(e gold.Entry, _ int) bool {
		return lo.Contains(stories, e.Story) || lo.Contains(ids, e.ID)
	}), nil
}

// importLabels converts context-form labels (NAME.json beside NAME.txt, as
// GUIDELINES.md describes them) into the offsets form in set/labels, after
// checking that each text is the one the manifest describes and is in
// texts too.
func importLabels(w io.Writer, set, texts, from string) error {
	m, err := gold.ReadManifest(filepath.Join(set, "manifest.json"))
	if err != nil {
		return err
	}
	byID := lo.KeyBy(m, func(e gold.Entry) string { return e.ID })
	arts, err := gold.LoadDir(from)
	if err != nil {
		return err
	}
	for _, a := range arts {
		e, ok := byID[a.Name]
		if !ok {
			return fmt.Errorf("%s is not in %s/manifest.json: add its entry first", a.Name, set)
		}
		if _, err := e.ReadText(from); err != nil {
			return err
		}
		if _, err := e.ReadText(texts); err != nil {
			return err
		}
		a.Published = e.Published
		raw, err := gold.EncodeOffsets(a)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(set, "labels", a.Name+".json"), raw, 0o644); err != nil {
			return err
		}
	}
	_, err = fmt.Fprintf(w, "%d articles' labels written to %s/labels\n", len(arts), set)
	return err
}

// misses lists the gold attributions with no prediction whose cue overlaps,
// and the predictions whose cue overlaps no gold one.
func misses(b *strings.Builder, r gold.ArticleScore) {
	fmt.Fprintf(b, "\n== %s\n", r.Article.Name)
	meets := func(a, c claim.Span) bool { return a.Start < c.End && c.Start < a.End }
	// Each gold attribution is shown beside one prediction whose cue meets
	// its cue, one not shown beside another yet, preferring one whose
	// source meets its source too: "X and Y denied" gives two predictions
	// with one cue, and each is shown beside its own speaker's gold.
	shown := make([]bool, len(r.Predicted))
	for _, g := range r.Article.Attributions {
		var hit *gold.Predicted
		best := -1
		for i, p := range r.Predicted {
			if shown[i] || !meets(p.Cue, g.Cue) {
				continue
			}
			if best < 0 || !meets(r.Predicted[best].Source, g.Source) && meets(p.Source, g.Source) {
				best = i
			}
		}
		if best >= 0 {
			shown[best] = true
			hit = &r.Predicted[best]
		}
		if hit == nil {
			fmt.Fprintf(b, "MISS  %s %q <%s> %s\n", g.Act, g.Source.Exact, g.Cue.Exact, contents(g.Content))
			continue
		}
		if hit.Act != g.Act || hit.Source.Exact != g.Source.Exact || contents(hit.Content) != contents(g.Content) || hit.Speaker != g.Speaker {
			fmt.Fprintf(b, "DIFF  gold %s %s %q <%s> %s\n      pred %s %s %q <%s> %s (rule %s)\n", g.Act, g.Speaker, g.Source.Exact, g.Cue.Exact, contents(g.Content),
				hit.Act, hit.Speaker, hit.Source.Exact, hit.Cue.Exact, contents(hit.Content), hit.Rule)
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
			fmt.Fprintf(b, "FALSE %s %q <%s> %s (rule %s)\n", p.Act, p.Source.Exact, p.Cue.Exact, contents(p.Content), p.Rule)
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
