// Command trainact trains an act model of package extract (an
// extract.ActModel) on the labelled real-news dev articles and the module's
// own gold articles, and prints how it does on stories it was not trained
// on: leave-one-story-out cross-validation, beside the rules' acts on the
// same pairs. Run it from the module root, with the dev texts in DIR
// (extract/testdata/realnews/README.md says how to fill that folder):
//
//	go run ./internal/cmd/trainact -realnews DIR                 # the figures
//	go run ./internal/cmd/trainact -realnews DIR -o model.json   # and the model trained on every pair
//	go run ./internal/cmd/trainact -realnews DIR -gold=false     # without the gold set
//	go run ./internal/cmd/trainact -realnews DIR -by-article     # leave one article out instead
//	go run ./internal/cmd/trainact -realnews DIR -kinds rule-act,cue  # only some kinds of feature
//
// Besides accuracy per story, it prints the accuracy of a model that
// overrides the rules only when it gives its act a probability of at least
// 0.5 to 0.95, the model's accuracy on its own training pairs, and the
// confusion of acts for the model and for the rules.
//
// Each article is extracted with no Options.ActModel, so that every
// candidate keeps the rules' act, and its candidates are paired with the
// labelled attributions as gold.Score pairs them: a label with at most one
// candidate whose cue overlaps its cue and whose content overlaps its
// content, preferring one whose source overlaps too. Each pair is one
// example: the candidate's extract.ActFeatures and the label's act.
//
// Only the dev split is read: the test split is scored once per release and
// never trained on, and the held-out gold set (extract/testdata/heldout) is
// not read at all. Training is deterministic: the same texts and labels give
// the same file.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/samber/lo"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/extract/gold"
	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/source"
)

// The sets the command reads, from the module root.
const (
	realnews = "extract/testdata/realnews"
	goldDir  = "extract/testdata/gold"
)

// goldStory is the story of every gold-set example: the gold articles are
// in every fold's training and in none's test.
const goldStory = "(gold set)"

func main() {
	os.Exit(cli.Run("trainact", os.Args[1:], os.Stdout, os.Stderr, run))
}

func run(w, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("trainact", flag.ContinueOnError)
	texts := fs.String("realnews", "", "the folder of the real-news texts (dev split only is read)")
	set := fs.String("set", realnews, "the folder of the labelled set: manifest.json and labels/, in the form of "+realnews)
	withGold := fs.Bool("gold", true, "train on the gold articles of "+goldDir+" too")
	out := fs.String("o", "", "write the model trained on every pair to this file, as JSON")
	epochs := fs.Int("epochs", 0, "passes over the examples (0: extract.ActTraining's default)")
	l2 := fs.Float64("l2", 0, "L2 penalty (0: the default; negative: none)")
	prior := fs.Float64("prior", 0, "fixed weight of the rules' act (0: extract.ActTraining.Prior's default; negative: none)")
	byArticle := fs.Bool("by-article", false, "leave one article out instead of one story: how the model does on articles of stories it was trained on")
	kinds := fs.String("kinds", "", "keep only the features of these kinds (comma-separated, such as rule-act,cue), to measure what each adds")
	if err := cli.Parse(fs, args, 0, stderr); err != nil {
		return err
	}
	if *texts == "" {
		return cli.Usagef("-realnews DIR is required: the folder of the real-news texts")
	}
	exs, err := load(stderr, *set, *texts, *withGold)
	if err != nil {
		return err
	}
	if *byArticle {
		for i := range exs {
			if exs[i].story != goldStory {
				exs[i].story = exs[i].article
			}
		}
	}
	if *kinds != "" {
		keep := strings.Split(*kinds, ",")
		for i := range exs {
			exs[i].features = lo.Filter(exs[i].features, func(f string, _ int) bool {
				k, _, _ := strings.Cut(f, "=")
				return slices.Contains(keep, k)
			})
		}
	}
	opts := extract.ActTraining{Epochs: *epochs, L2: *l2, Prior: *prior}
	rep, err := loso(exs, opts)
	rep.unit = "story"
	if *byArticle {
		rep.unit = "article"
	}
	if err != nil {
		return err
	}
	dev := lo.CountBy(exs, func(e example) bool { return e.story != goldStory })
	opts.Note = fmt.Sprintf("trained by internal/cmd/trainact on %d matched pairs of the real-news dev split (%d stories) and %d of the gold set",
		dev, len(rep.stories), len(exs)-dev)
	m, err := extract.TrainActModel(examples(exs), opts)
	if err != nil {
		return err
	}
	for _, e := range exs {
		p, _ := m.Predict(e.features)
		rep.inSample += b2i(p == e.gold)
	}
	rep.trained = len(exs)
	if _, err := io.WriteString(w, rep.String()); err != nil {
		return err
	}
	if *out == "" {
		return nil
	}
	raw, err := m.MarshalJSON()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, append(raw, '\n'), 0o644); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "\nwrote %s: %d acts, trained on %d examples\n", *out, len(m.Acts()), len(exs))
	return err
}

// example is one labelled pair: a candidate's features, the act the
// rules gave it, the act its label has, and whether its speaker is the
// label's.
type example struct {
	story, article string
	features       []string
	rule, gold     claim.Act
	speakerRight   bool
}

// load extracts the dev articles and, with withGold, the gold articles,
// and pairs their candidates with the labels.
func load(stderr io.Writer, set, texts string, withGold bool) ([]example, error) {
	m, err := gold.ReadManifest(filepath.Join(set, "manifest.json"))
	if err != nil {
		return nil, err
	}
	arts, skipped, err := gold.LoadOffsetsDir(m, filepath.Join(set, "labels"), texts, "dev")
	if err != nil {
		return nil, err
	}
	for _, e := range skipped {
		fmt.Fprintln(stderr, "skipped:", e)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("no dev text of the set found in %s; see %s/README.md for how to fill it", texts, set)
	}
	story := lo.SliceToMap(m, func(e gold.Entry) (string, string) { return e.ID, e.Story })
	var out []example
	for _, a := range arts {
		exs, err := pairs(a, story[a.Name])
		if err != nil {
			return nil, err
		}
		out = append(out, exs...)
	}
	if withGold {
		g, err := gold.LoadDir(goldDir)
		if err != nil {
			return nil, err
		}
		for _, a := range g {
			exs, err := pairs(a, goldStory)
			if err != nil {
				return nil, err
			}
			out = append(out, exs...)
		}
	}
	return out, nil
}

// pairs extracts a with the rules' acts and pairs its candidates with its
// labels as gold.Score does.
func pairs(a gold.Article, story string) ([]example, error) {
	res, err := extract.Extract(a.Text, extract.Options{Registry: a.Registry, Published: a.Published})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	names := lo.SliceToMap(res.NewSources, func(s source.Source) (source.ID, string) { return s.ID, s.Name })
	pred := lo.Map(res.Candidates, func(c extract.Candidate, _ int) gold.Predicted { return gold.FromCandidate(c) })
	var out []example
	for i, best := range gold.Pair(a.Attributions, pred) {
		if best < 0 {
			continue
		}
		x, p := a.Attributions[i], res.Candidates[best]
		out = append(out, example{
			story: story, article: a.Name,
			features: extract.ActFeatures(a.Text, p),
			rule:     p.Act, gold: x.Act,
			speakerRight: p.Speaker == x.Speaker || gold.SameNewSpeaker(names[p.Speaker], x.Speaker),
		})
	}
	return out, nil
}

func examples(exs []example) []extract.ActExample {
	return lo.Map(exs, func(e example, _ int) extract.ActExample {
		return extract.ActExample{Features: e.features, Act: e.gold}
	})
}

// report is the cross-validation's figures.
type report struct {
	// unit is what each fold leaves out: "story" or "article".
	unit    string
	stories []storyScore
	// goldPairs are the gold set's examples, in every fold's training.
	goldPairs int
	total     storyScore
	// confusion counts, by gold act and then predicted act, the model's
	// and the rules' predictions.
	model, rules map[claim.Act]map[claim.Act]int
	// byThreshold counts the pairs right when the model overrides the
	// rules only at a probability of at least each of thresholds.
	byThreshold [len(thresholds)]int
	// inSample counts the pairs the model trained on all of them gets
	// right, of trained.
	inSample, trained int
}

// thresholds are the probabilities from which the model may override the
// rules, in the report.
var thresholds = [...]float64{0.5, 0.6, 0.7, 0.8, 0.9, 0.95}

// storyScore counts one story's pairs and what the rules and the model
// got right, and its denials (deny or reject in the label) found as
// denials by the right speaker.
type storyScore struct {
	name                                string
	pairs, rules, model                 int
	denials, rulesDenials, modelDenials int
}

func (s *storyScore) add(o storyScore) {
	s.pairs += o.pairs
	s.rules += o.rules
	s.model += o.model
	s.denials += o.denials
	s.rulesDenials += o.rulesDenials
	s.modelDenials += o.modelDenials
}

// loso trains, for each story but the gold set's, on every other example
// and predicts that story's. Work is the stories times a training.
func loso(exs []example, opts extract.ActTraining) (report, error) {
	r := report{model: map[claim.Act]map[claim.Act]int{}, rules: map[claim.Act]map[claim.Act]int{}}
	stories := lo.Uniq(lo.FilterMap(exs, func(e example, _ int) (string, bool) { return e.story, e.story != goldStory }))
	slices.Sort(stories)
	r.goldPairs = lo.CountBy(exs, func(e example) bool { return e.story == goldStory })
	denial := func(a claim.Act) bool { return a == claim.ActDeny || a == claim.ActReject }
	count := func(m map[claim.Act]map[claim.Act]int, g, p claim.Act) {
		if m[g] == nil {
			m[g] = map[claim.Act]int{}
		}
		m[g][p]++
	}
	for _, s := range stories {
		train := lo.Filter(exs, func(e example, _ int) bool { return e.story != s })
		m, err := extract.TrainActModel(examples(train), opts)
		if err != nil {
			return report{}, err
		}
		sc := storyScore{name: s}
		for _, e := range exs {
			if e.story != s {
				continue
			}
			p, prob := m.Predict(e.features)
			for ti, th := range thresholds {
				q := e.rule
				if prob >= th {
					q = p
				}
				r.byThreshold[ti] += b2i(q == e.gold)
			}
			sc.pairs++
			sc.rules += b2i(e.rule == e.gold)
			sc.model += b2i(p == e.gold)
			if denial(e.gold) {
				sc.denials++
				sc.rulesDenials += b2i(e.speakerRight && denial(e.rule))
				sc.modelDenials += b2i(e.speakerRight && denial(p))
			}
			count(r.model, e.gold, p)
			count(r.rules, e.gold, e.rule)
		}
		r.stories = append(r.stories, sc)
		r.total.add(sc)
	}
	r.total.name = "all"
	return r, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func ratio(a, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(a) / float64(n)
}

// String writes the report as text.
func (r report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "act model, leave one %s out: %d dev folds, %d matched pairs; the %d gold-set pairs are in every fold's training\n\n",
		r.unit, len(r.stories), r.total.pairs, r.goldPairs)
	width := len("story")
	for _, s := range r.stories {
		width = max(width, len(s.name))
	}
	fmt.Fprintf(&b, "%-*s %6s %7s %7s %13s\n", width, r.unit, "pairs", "rules", "model", "denials r/m")
	for _, s := range append(slices.Clone(r.stories), r.total) {
		fmt.Fprintf(&b, "%-*s %6d %7.3f %7.3f %6s\n", width, s.name, s.pairs, ratio(s.rules, s.pairs), ratio(s.model, s.pairs),
			fmt.Sprintf("%d/%d of %d", s.rulesDenials, s.modelDenials, s.denials))
	}
	fmt.Fprintf(&b, "\nact accuracy, leave one %s out: rules %.3f, model %.3f (%d pairs)\n",
		r.unit, ratio(r.total.rules, r.total.pairs), ratio(r.total.model, r.total.pairs), r.total.pairs)
	fmt.Fprintf(&b, "denials found (deny or reject, right speaker): rules %d, model %d, of %d labelled in matched pairs\n",
		r.total.rulesDenials, r.total.modelDenials, r.total.denials)
	fmt.Fprintf(&b, "the model overriding the rules only at a probability of at least:")
	for i, th := range thresholds {
		fmt.Fprintf(&b, " %.2f %.3f;", th, ratio(r.byThreshold[i], r.total.pairs))
	}
	fmt.Fprintf(&b, "\nthe model on its own training pairs, all stories: %.3f (%d pairs)\n", ratio(r.inSample, r.trained), r.trained)
	confusion(&b, "model", r.model)
	confusion(&b, "rules", r.rules)
	return b.String()
}

// confusion writes a confusion table: a row per labelled act, a column per
// predicted act, with each row's accuracy.
func confusion(b *strings.Builder, name string, m map[claim.Act]map[claim.Act]int) {
	var acts []claim.Act
	for g, row := range m {
		acts = append(acts, g)
		for p := range row {
			acts = append(acts, p)
		}
	}
	slices.Sort(acts)
	acts = slices.Compact(acts)
	short := func(a claim.Act) string { return a.String()[:min(6, len(a.String()))] }
	fmt.Fprintf(b, "\nconfusion, %s (rows: label, columns: predicted)\n%-16s", name, "")
	for _, a := range acts {
		fmt.Fprintf(b, " %6s", short(a))
	}
	fmt.Fprintf(b, " %6s\n", "acc")
	for _, g := range acts {
		row := m[g]
		if row == nil {
			continue
		}
		fmt.Fprintf(b, "%-16s", g)
		n := 0
		for _, p := range acts {
			fmt.Fprintf(b, " %6d", row[p])
			n += row[p]
		}
		fmt.Fprintf(b, " %6.3f\n", ratio(row[g], n))
	}
}
