package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// decideFlags are the flags of the commands that make decisions.
type decideFlags struct {
	by, note string
}

func (f *decideFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.by, "by", "", "who decides (default $CLAIMTRAIL_USER, else $USER or $LOGNAME, else the system account)")
	cmd.Flags().StringVar(&f.note, "note", "", "the reason, kept in the decision log")
}

// unknownReviewer is who a decision names when nothing says who made it.
const unknownReviewer = "unknown"

// who returns who decides: --by, else $CLAIMTRAIL_USER, $USER, $LOGNAME
// or $USERNAME, else the operating system account's name, else
// unknownReviewer, so that every decision the command makes names
// someone, the same one on each run.
func (a *app) who(f *decideFlags) string {
	if f.by != "" {
		return f.by
	}
	for _, v := range []string{"CLAIMTRAIL_USER", "USER", "LOGNAME", "USERNAME"} {
		if u := a.getenv(v); u != "" {
			return u
		}
	}
	if a.account != nil {
		if u := a.account(); u != "" {
			return u
		}
	}
	return unknownReviewer
}

func (a *app) acceptCmd() *cobra.Command {
	var df decideFlags
	var claimID, sameAs, speaker, act, fact, said, as, name, kind, parent string
	var unnamed, named, investigator bool
	cmd := &cobra.Command{
		Use:   "accept KEY...",
		Short: "Accept candidates (by key) or proposed sources",
		Long: `accept accepts candidate statements by their keys, as 'claimtrail pending'
lists them, or proposed sources by their IDs ("new:pentagon@herald-03-02").

A candidate becomes a statement on the claim named by --claim, or, with
--same-as, a new mention of an accepted statement (a reprint reports the
same statement again); with neither it goes to the new claim its group
proposes. --speaker (a source ID), --act, --factuality (CT+, PR-, ...) and
--said (2025-03-02, 2025-03 or 2025) correct what the extractor read.

A proposed source is added to the story, under the ID --as gives and the
name --name gives when set. --kind (government, agency, official,
spokesperson, military, state-media, media-outlet, organisation, person),
--unnamed or --named, --parent (a source ID, or a proposed source's, which
is then accepted as proposed) and --investigator (or --investigator=false)
correct what the extractor proposed ('claimtrail pending --json' shows it);
what they leave out stays as proposed. The status rules need them to tell
who is independent of whom: an unnamed source with no parent never
corroborates a claim, and one with a parent counts for its parent's root.
A parent can be neither the source itself nor one proposed under it. When
the source is one the story knows, merge it instead ('claimtrail merge'),
which takes that source's kind and place.

Each decision is appended to the story's log (see 'claimtrail export
--format decisions'). Accepting costs time linear in the candidate, after
opening the story.`,
		Example: `  claimtrail accept 'herald-03-02#65:ba940aa6' --claim shipments
  claimtrail accept 'courier-03-03#9:4bcacb85' --same-as 's:herald-03-02#65:ba940aa6'
  claimtrail accept 'new:ministry@ledger-03-04' --as norland-ministry
  claimtrail accept 'new:rail-workers-at-hallen@ledger-03-04' --as hallen-workers --unnamed --kind person --parent norland`,
		Args: cobra.MinimumNArgs(1),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			var edit story.Decision
			var err error
			if act != "" {
				if edit.Act, err = claim.ParseAct(act); err != nil {
					return cli.Usagef("--act: %v", err)
				}
			}
			if fact != "" {
				f, err := claim.ParseFactuality(fact)
				if err != nil {
					return cli.Usagef("--factuality: %v", err)
				}
				edit.Factuality = &f
			}
			if said != "" {
				if edit.Said, err = claim.ParseDate(said); err != nil {
					return cli.Usagef("--said: %v", err)
				}
			}
			if claimID != "" && sameAs != "" {
				return cli.Usagef("--claim and --same-as: give one")
			}
			var srcEdit story.Decision
			if kind != "" {
				if srcEdit.SourceKind, err = source.ParseKind(kind); err != nil {
					return cli.Usagef("--kind: %v", err)
				}
				if srcEdit.SourceKind == source.KindUnknown {
					return cli.Usagef("--kind: give a kind, such as agency or person")
				}
			}
			switch {
			case unnamed && named:
				return cli.Usagef("--unnamed and --named: give one")
			case unnamed:
				id := source.IdentityUnnamed
				srcEdit.Identity = &id
			case named:
				id := source.IdentityNamed
				srcEdit.Identity = &id
			}
			srcEdit.Parent = source.ID(parent)
			if cmd.Flags().Changed("investigator") {
				srcEdit.Investigator = &investigator
			}
			sourceFlags := as != "" || name != "" || kind != "" || unnamed || named || parent != "" || srcEdit.Investigator != nil
			var ds []story.Decision
			for _, arg := range args {
				d := edit
				d.Kind, d.By, d.Note = story.KindAccept, a.who(&df), df.note
				if strings.HasPrefix(arg, "new:") {
					if claimID != "" || sameAs != "" || speaker != "" || act != "" || fact != "" || said != "" {
						return cli.Usagef("%s is a proposed source: --claim, --same-as, --speaker, --act, --factuality and --said are for candidates", arg)
					}
					d.Source, d.As, d.Text = source.ID(arg), source.ID(as), name
					d.SourceKind, d.Identity, d.Parent, d.Investigator = srcEdit.SourceKind, srcEdit.Identity, srcEdit.Parent, srcEdit.Investigator
				} else {
					if sourceFlags {
						return cli.Usagef("%s is a candidate: --as, --name, --kind, --unnamed, --named, --parent and --investigator are for proposed sources", arg)
					}
					d.Key, d.Claim, d.SameAs, d.Speaker = story.Key(arg), claim.ID(claimID), claim.StatementID(sameAs), source.ID(speaker)
				}
				ds = append(ds, d)
			}
			return a.decide(ctx, ds, decideMode{})
		}),
	}
	fl := cmd.Flags()
	fl.StringVar(&claimID, "claim", "", "the claim (ID) the candidate states")
	fl.StringVar(&sameAs, "same-as", "", "the accepted statement (ID) the candidate reports again")
	fl.StringVar(&speaker, "speaker", "", "the speaker (source ID), correcting the extractor's")
	fl.StringVar(&act, "act", "", "the act (assert, accuse, deny, ...), correcting the extractor's")
	fl.StringVar(&fact, "factuality", "", "the factuality (CT+, PR+, PS+, CT-, PR-, PS-, CTu, Uu), correcting the extractor's")
	fl.StringVar(&said, "said", "", "when it was said: 2025-03-02, 2025-03 or 2025")
	fl.StringVar(&as, "as", "", "the ID an accepted source takes")
	fl.StringVar(&name, "name", "", "the name an accepted source takes")
	fl.StringVar(&kind, "kind", "", "the kind an accepted source takes (agency, person, ...)")
	fl.BoolVar(&unnamed, "unnamed", false, "accept the source as unnamed: its identity is withheld (\"officials who spoke on condition of anonymity\")")
	fl.BoolVar(&named, "named", false, "accept the source as named, though proposed as unnamed")
	fl.StringVar(&parent, "parent", "", "the source (ID) an accepted source belongs to, which decides its independence")
	fl.BoolVar(&investigator, "investigator", false, "mark an accepted source as an investigating body whose findings settle claims (--investigator=false to unmark)")
	df.add(cmd)
	return cmd
}

func (a *app) rejectCmd() *cobra.Command {
	var df decideFlags
	cmd := &cobra.Command{
		Use:   "reject KEY...",
		Short: "Reject candidates (by key) or proposed sources",
		Long: `reject rejects candidate statements by their keys, as 'claimtrail pending'
lists them, or proposed sources by their IDs. A rejected candidate accepted
before stops counting. Each decision is appended to the story's log.

Rejecting costs time linear in the candidate, or in the story's statements
for one accepted before, after opening the story.`,
		Example: `  claimtrail reject 'ledger-03-04#31:0b4fd2c1' --note "not a statement"`,
		Args:    cobra.MinimumNArgs(1),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			var ds []story.Decision
			for _, arg := range args {
				d := story.Decision{Kind: story.KindReject, By: a.who(&df), Note: df.note}
				if strings.HasPrefix(arg, "new:") {
					d.Source = source.ID(arg)
				} else {
					d.Key = story.Key(arg)
				}
				ds = append(ds, d)
			}
			return a.decide(ctx, ds, decideMode{})
		}),
	}
	df.add(cmd)
	return cmd
}

func (a *app) mergeCmd() *cobra.Command {
	var df decideFlags
	cmd := &cobra.Command{
		Use:   "merge SOURCE INTO",
		Short: "Merge a proposed source into an existing one",
		Long: `merge takes a proposed source ("new:ministry@ledger-03-04") to be the
existing source INTO (an ID 'claimtrail sources -v' shows): its candidates
are then spoken by INTO. The decision is appended to the story's log.`,
		Example: `  claimtrail merge 'new:ministry@ledger-03-04' norland-foreign`,
		Args:    exactArgs("SOURCE", "INTO"),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			d := story.Decision{Kind: story.KindMergeSource, Source: source.ID(args[0]), Into: source.ID(args[1]), By: a.who(&df), Note: df.note}
			return a.decide(ctx, []story.Decision{d}, decideMode{})
		}),
	}
	df.add(cmd)
	return cmd
}

func (a *app) claimCmd() *cobra.Command {
	var df decideFlags
	var rename bool
	var actors []string
	cmd := &cobra.Command{
		Use:   "claim ID TEXT",
		Short: "Create a claim, with the parties it is about, or reword one with --rename",
		Long: `claim creates a claim with an ID of your choosing and its canonical
wording, so that candidates can be accepted onto it (accept --claim ID).
With --rename it rewords an existing claim, such as one a group of
candidates proposed. The decision is appended to the story's log.

--actor ROLE=SOURCE names a party the new claim is about, once per party:
the accused (the party said to do it), a beneficiary, the target (the party
harmed) or a subject, each a source of the story ('claimtrail sources -v').
The status rules need them: the accused's admission confirms a claim, and
parties never corroborate a claim about themselves, while the target is an
independent witness. A claim's parties are set when it is created: create
the claim with its actors first, then accept candidates onto it.`,
		Example: `  claimtrail claim shipments "Norland ships artillery shells to Eastria by rail" \
      --actor accused=norland --actor beneficiary=eastria
  claimtrail claim --rename shipments "Norland ships shells to Eastria"`,
		Args: exactArgs("ID", "TEXT"),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			kind := story.KindCreateClaim
			if rename {
				kind = story.KindRenameClaim
				if len(actors) > 0 {
					return cli.Usagef("--actor names a new claim's parties: a claim's parties are set when it is created, and cannot be changed by --rename")
				}
			}
			d := story.Decision{Kind: kind, Claim: claim.ID(args[0]), Text: args[1], By: a.who(&df), Note: df.note}
			for _, arg := range actors {
				actor, err := parseActor(arg)
				if err != nil {
					return cli.Usagef("--actor %q: %v", arg, err)
				}
				d.Actors = append(d.Actors, actor)
			}
			return a.decide(ctx, []story.Decision{d}, decideMode{})
		}),
	}
	cmd.Flags().BoolVar(&rename, "rename", false, "reword an existing claim")
	cmd.Flags().StringArrayVar(&actors, "actor", nil, "a party the new claim is about, ROLE=SOURCE (accused, beneficiary, target, subject); repeat for each")
	df.add(cmd)
	return cmd
}

// parseActor parses ROLE=SOURCE.
func parseActor(s string) (claim.Actor, error) {
	role, src, ok := strings.Cut(s, "=")
	if !ok || role == "" || src == "" {
		return claim.Actor{}, errors.New("want ROLE=SOURCE, such as accused=norland")
	}
	r, err := claim.ParseRole(role)
	if err != nil {
		return claim.Actor{}, err
	}
	return claim.Actor{Source: source.ID(src), Role: r}, nil
}

func (a *app) decideCmd() *cobra.Command {
	var orphans bool
	cmd := &cobra.Command{
		Use:   "decide FILE|-",
		Short: "Apply a file of decisions (JSON Lines)",
		Long: `decide applies the decisions in FILE (or standard input for "-"), in order:
JSON Lines, one decision per line, as 'claimtrail export --format
decisions' writes them and package story describes. Every line is read and
checked before any decision is applied: each malformed line is reported
(the first ` + fmt.Sprint(maxBadLines) + `), and so is each decision about a candidate or
proposed source the story does not have, as 'claimtrail accept' reports
it; then nothing is applied. With --orphans such decisions (about an
article not added yet, say) are kept in the log and listed as orphans
instead, to apply when the article comes. Decisions keep the "by" and "at"
the file gives them.

An undo ({"kind":"undo","undoes":N}) in a file whose decisions carry
their "seq", as an exported log's do, takes back the decision of the same
file with seq N, under whatever number this story logs it; one that names
no earlier line of the file is refused. In a file without seqs, N is the
number of a decision in this story's own log (see 'claimtrail export
--format decisions').

If the story refuses a decision (a claim it does not hold), decide stops
there; those before it stay applied.

decide reads the file once, one line at a time, and costs each decision's
work after opening the story.`,
		Example: `  claimtrail decide decisions.jsonl
  claimtrail decide --orphans shared-decisions.jsonl`,
		Args: exactArgs("FILE"),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			ds, lines, err := a.readDecisionsFile(args[0])
			if err != nil {
				return err
			}
			return a.decide(ctx, ds, decideMode{file: true, lines: lines, orphans: orphans})
		}),
	}
	cmd.Flags().BoolVar(&orphans, "orphans", false, "keep decisions about candidates the story does not have in the log, as orphans, instead of refusing them")
	return cmd
}

// readDecisionsFile reads a decisions file, or standard input for "-",
// as readDecisions does.
func (a *app) readDecisionsFile(name string) ([]story.Decision, []int, error) {
	r := a.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: check the path", err)
		}
		defer f.Close()
		r = f
	}
	ds, lines, err := readDecisions(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return ds, lines, nil
}

// readDecisions reads JSON Lines of decisions as story.ReadDecisions does,
// but goes on past a malformed line, so that every bad line is reported at
// once: the errors of the first maxBadLines, each naming its line ("line
// 7.kind"), and how many more there were. It returns each decision's line
// number beside it. It reads in time linear in the input and holds one
// line at a time besides the decisions.
func readDecisions(r io.Reader) ([]story.Decision, []int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), story.MaxDecisionLine)
	var ds []story.Decision
	var lines []int
	var bad badLines
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		got, err := story.ReadDecisions(bytes.NewReader(line))
		if err != nil {
			bad.add(renumber(err, n))
			continue
		}
		ds = append(ds, got...)
		lines = append(lines, n)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line %d: longer than %d bytes", n+1, story.MaxDecisionLine)
		}
		bad.add(err)
	}
	if err := bad.err(); err != nil {
		return nil, nil, err
	}
	return ds, lines, nil
}

// renumber makes an error story.ReadDecisions gave for a one-line input
// name line n of the file instead of line 1.
func renumber(err error, n int) error {
	var fe *story.FieldError
	if !errors.As(err, &fe) {
		return fmt.Errorf("line %d: %w", n, err)
	}
	field, ok := strings.CutPrefix(fe.Field, "line 1")
	if !ok {
		return fmt.Errorf("line %d: %w", n, err)
	}
	c := *fe
	c.Field = fmt.Sprintf("line %d%s", n, field)
	return &c
}

// decideMode says where decisions come from and how strictly to check them.
type decideMode struct {
	// file is set for decisions read from a file, which keep their own
	// "by" and "at"; decisions made on the command line are dated now.
	file bool
	// lines are the file's line of each decision, for messages.
	lines []int
	// orphans keeps decisions about candidates or proposed sources the
	// story does not have as orphans, instead of refusing them all.
	orphans bool
}

// decide applies decisions to the story and says what they did. Unless
// mode.orphans is set, a decision about a candidate or proposed source the
// story does not have is refused before anything is applied, rather than
// logged as an orphan.
func (a *app) decide(ctx context.Context, ds []story.Decision, mode decideMode) error {
	for i, d := range ds {
		if !mode.file && d.At.IsZero() && a.now != nil {
			d.At = a.now().UTC()
		}
		if err := d.Check(); err != nil {
			return cli.Usagef("%s: %v", describe(d), err)
		}
		ds[i] = d
	}
	s, err := a.openStory(ctx, story.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	if !mode.orphans {
		var bad badLines
		for i, d := range ds {
			if err := known(s.Story, d); err != nil {
				if i < len(mode.lines) {
					err = fmt.Errorf("line %d: %w", mode.lines[i], err)
				}
				bad.add(err)
			}
		}
		if err := bad.err(); err != nil {
			if mode.file {
				return fmt.Errorf("nothing applied: %w\n(to keep decisions for articles not added yet as orphans, use 'claimtrail decide --orphans')", err)
			}
			return err
		}
	}
	targets, err := fileUndos(ds, mode)
	if err != nil {
		return err
	}
	report, err := applyDecisions(ctx, s.Story, ds, targets)
	if err != nil {
		return fmt.Errorf("%w (decisions before it were applied; see 'claimtrail pending' and 'claimtrail status')", err)
	}
	w := a.stdout
	for _, d := range report.Applied {
		if d.Kind == story.KindAccept && d.Key != "" {
			if st, ok := s.StatementOf(d.Key); ok {
				fmt.Fprintf(w, "accepted %s as %s on claim %s\n", safe(string(d.Key)), safe(string(st.ID)), safe(string(st.Claim)))
				continue
			}
		}
		fmt.Fprintf(w, "%s\n", describe(d))
	}
	for _, d := range report.Orphans {
		fmt.Fprintf(w, "orphan (no such candidate in the story yet; kept in the log): %s\n", describe(d))
	}
	return nil
}

// fileUndos finds what each undo of a decisions file takes back. A file
// whose decisions carry their seq (an exported log) numbers them its own
// way: its undo names the seq of an earlier line of the same file, which
// the story logs under another number, and it must take back that
// decision, not the one this story has under the same number. It returns,
// for each such undo, the index of the decision it takes back. An undo in
// a numbered file that names no earlier line of it is refused; in a file
// without seqs (written by hand), an undo names a decision of the story's
// own log, as on the command line.
func fileUndos(ds []story.Decision, mode decideMode) (map[int]int, error) {
	if !mode.file {
		return nil, nil
	}
	at := map[int64]int{}
	for i, d := range ds {
		if d.Seq != 0 {
			at[d.Seq] = i
		}
	}
	if len(at) == 0 {
		return nil, nil
	}
	targets := map[int]int{}
	var bad badLines
	for i, d := range ds {
		if d.Kind != story.KindUndo {
			continue
		}
		j, ok := at[d.Undoes]
		if !ok || j >= i {
			err := fmt.Errorf("undoes %d, which no earlier line of this file has as its seq: an undo in a file of numbered decisions takes back one of them (to take back decision %d of this story, give the undo alone, without seq)", d.Undoes, d.Undoes)
			if i < len(mode.lines) {
				err = fmt.Errorf("line %d: %w", mode.lines[i], err)
			}
			bad.add(err)
			continue
		}
		targets[i] = j
	}
	if err := bad.err(); err != nil {
		return nil, fmt.Errorf("nothing applied: %w", err)
	}
	return targets, nil
}

// applyDecisions applies ds in order. With undos that name a decision of
// the same file (targets, from fileUndos), it applies them one at a time,
// so that each undo takes back the Seq the story gave the decision it
// names.
func applyDecisions(ctx context.Context, s *story.Story, ds []story.Decision, targets map[int]int) (*story.Report, error) {
	if len(targets) == 0 {
		return s.Apply(ctx, ds...)
	}
	all := &story.Report{}
	logged := make([]int64, len(ds))
	for i, d := range ds {
		if j, ok := targets[i]; ok {
			d.Undoes = logged[j]
		}
		r, err := s.Apply(ctx, d)
		if r != nil {
			all.Applied = append(all.Applied, r.Applied...)
			all.Orphans = append(all.Orphans, r.Orphans...)
			// One decision was applied: it is logged once, applied or as an orphan.
			for _, got := range r.Applied {
				logged[i] = got.Seq
			}
			for _, got := range r.Orphans {
				logged[i] = got.Seq
			}
		}
		if err != nil {
			return all, err
		}
	}
	return all, nil
}

// known checks that the candidate or proposed source a decision names is
// in the story.
func known(s *story.Story, d story.Decision) error {
	id, ok := d.About()
	if !ok || d.Kind == story.KindReprint {
		return nil
	}
	added, ok := s.Proposals(id)
	if ok && d.Key != "" && slices.ContainsFunc(added.Candidates, func(p story.Proposal) bool { return p.Key == d.Key }) {
		return nil
	}
	if ok && d.Key == "" && slices.ContainsFunc(added.Sources, func(p story.SourceProposal) bool { return p.Source.ID == d.Source }) {
		return nil
	}
	if !ok {
		return fmt.Errorf("no article %s in story %s, which %s is about: add the article first", safe(string(id)), s.ID(), describe(d))
	}
	if d.Key != "" {
		return fmt.Errorf("no candidate %s in story %s: list the candidates and their keys with 'claimtrail pending'", safe(string(d.Key)), s.ID())
	}
	return fmt.Errorf("no proposed source %s in story %s: the new sources show under 'claimtrail add' and 'claimtrail pending --json'", safe(string(d.Source)), s.ID())
}

// describe names what a decision does in a few words.
func describe(d story.Decision) string {
	switch {
	case d.Key != "":
		return d.Kind.String() + " " + safe(string(d.Key))
	case d.Kind == story.KindMergeSource:
		return fmt.Sprintf("%s %s into %s", d.Kind, safe(string(d.Source)), safe(string(d.Into)))
	case d.Source != "":
		return d.Kind.String() + " " + safe(string(d.Source))
	case d.Kind == story.KindReprint:
		return fmt.Sprintf("%s %s of %s", d.Kind, safe(string(d.Article)), safe(string(d.Of)))
	case d.Kind == story.KindUndo:
		return fmt.Sprintf("undo decision %d", d.Undoes)
	}
	return d.Kind.String() + " " + safe(string(d.Claim))
}
