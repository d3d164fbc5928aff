package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/table"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// statusMeaning says what each status means, for the legend.
var statusMeaning = map[timeline.Status]string{
	timeline.StatusUnreported:   "no statement about it yet",
	timeline.StatusReported:     "statements, but none affirms or denies it",
	timeline.StatusAlleged:      "affirmed, and denied by no one",
	timeline.StatusContested:    "affirmed and denied",
	timeline.StatusDenied:       "denied, and affirmed by no one",
	timeline.StatusCorroborated: "affirmed by two or more independent sides",
	timeline.StatusConfirmed:    "admitted by the accused side, or found true by an investigator",
	timeline.StatusRetracted:    "an affirmation withdrawn, and none left",
	timeline.StatusRefuted:      "found false by an investigator",
}

// readFlags are the flags every read command has.
type readFlags struct{ json bool }

func (r *readFlags) add(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&r.json, "json", false, "print JSON instead of text")
}

// sourceRef is a source in JSON output: its ID and name.
type sourceRef struct {
	ID   source.ID `json:"id"`
	Name string    `json:"name"`
}

// claimStatus is one line of status.
type claimStatus struct {
	Claim      claim.ID        `json:"claim"`
	Text       string          `json:"text"`
	Status     timeline.Status `json:"status"`
	Since      time.Time       `json:"since,omitzero"`
	Affirms    []sourceRef     `json:"affirms"`
	Denies     []sourceRef     `json:"denies"`
	Statements int             `json:"statements"`
	// Machine counts the claim's statements the unattended mode accepted
	// and no person has reviewed since (story.Story.MachineAccepted).
	Machine int `json:"machine_accepted,omitempty"`
}

func (a *app) statusCmd() *cobra.Command {
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "status",
		Short: "One line per claim: its status, who affirms it, who denies it, since when",
		Long: `status prints one line per claim of the story, from its accepted statements:
its status (a legend follows the table), the sources whose latest word on it
affirms it, those whose latest word denies it, and since when the status
holds (the publication day of the article that set it).

A source affirms a claim when its latest statement on it with a polarity is
probable or certain and positive (PR+, CT+), and denies it when that
statement is probable or certain and negative; statements carried from a
narrower claim count (see package timeline).

status builds the story's timeline: its work is linear in the story's
statements, plus the claims' tracks.

Statements the unattended mode accepted (add --unattended) that no person
has reviewed since count like the rest; a column says how many each claim
has, and --json gives them as machine_accepted.`,
		Args: cobra.NoArgs,
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			s, tl, err := a.openTimeline(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			rows, err := statuses(tl, s.MachineAccepted)
			if err != nil {
				return err
			}
			if rf.json {
				return writeJSON(a.stdout, rows)
			}
			return a.printStatus(s, tl, rows)
		}),
	}
	rf.add(cmd)
	return cmd
}

// statuses works out each claim's line of status, in corpus order;
// machine reports the statements accepted by machine and not reviewed.
func statuses(tl *timeline.Timeline, machine func(claim.StatementID) bool) ([]claimStatus, error) {
	reg := tl.Registry()
	ref := func(id source.ID) sourceRef {
		src, _ := reg.Source(id)
		return sourceRef{ID: id, Name: src.Name}
	}
	deniers := map[claim.ID][]source.ID{}
	for _, d := range tl.Denials() {
		deniers[d.Claim] = append(deniers[d.Claim], d.Source)
	}
	rows := []claimStatus{}
	for _, c := range tl.Claims() {
		st, err := tl.Current(c.ID)
		if err != nil {
			return nil, err
		}
		hist, err := tl.History(c.ID)
		if err != nil {
			return nil, err
		}
		row := claimStatus{Claim: c.ID, Text: c.Text, Status: st, Affirms: []sourceRef{}, Denies: []sourceRef{}}
		if len(hist) > 0 {
			row.Since = hist[len(hist)-1].At
		}
		seq, err := tl.TrackSeq(c.ID)
		if err != nil {
			return nil, err
		}
		// Each source's latest word with a polarity, or retraction, in
		// track order (said time).
		latest := map[source.ID]claim.Statement{}
		var order []source.ID
		for e := range seq {
			if !e.Inherited {
				row.Statements++
				if machine(e.Statement.ID) {
					row.Machine++
				}
			}
			if e.Discounted != timeline.Counted {
				continue
			}
			f := e.Statement.Factuality
			if f.Polarity == claim.PolarityUnderspecified && e.Statement.Act != claim.ActRetract {
				continue
			}
			if _, seen := latest[e.Statement.Source]; !seen {
				order = append(order, e.Statement.Source)
			}
			latest[e.Statement.Source] = e.Statement
		}
		denies := deniers[c.ID]
		for _, id := range order {
			w := latest[id]
			f := w.Factuality
			if w.Act != claim.ActRetract && f.Polarity == claim.PolarityPositive && f.Certainty >= claim.CertaintyProbable && !slices.Contains(denies, id) {
				row.Affirms = append(row.Affirms, ref(id))
			}
		}
		for _, id := range denies {
			row.Denies = append(row.Denies, ref(id))
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// printStatus prints the status table and its legend.
func (a *app) printStatus(s *opened, tl *timeline.Timeline, rows []claimStatus) error {
	w := a.stdout
	n := newNames(tl.Corpus(), a.verbose)
	if len(rows) == 0 {
		fmt.Fprintf(w, "story %s has no claims yet: accept candidates ('claimtrail pending') to make them.\n", s.ID())
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		machine := slices.ContainsFunc(rows, func(r claimStatus) bool { return r.Machine > 0 })
		header := "STATUS\tCLAIM\tAFFIRMS\tDENIES\tSINCE"
		if machine {
			header += "\tUNREVIEWED"
		}
		fmt.Fprintln(tw, header)
		for _, r := range rows {
			aff := make([]source.ID, len(r.Affirms))
			for i, x := range r.Affirms {
				aff[i] = x.ID
			}
			den := make([]source.ID, len(r.Denies))
			for i, x := range r.Denies {
				den[i] = x.ID
			}
			line := fmt.Sprintf("%s\t%s\t%s\t%s\t%s", r.Status, n.claim(r.Claim, 48), n.sourceList(aff), n.sourceList(den), day(r.Since))
			if machine {
				line += "\t"
				if r.Machine > 0 {
					line += fmt.Sprintf("%d by machine", r.Machine)
				}
			}
			fmt.Fprintln(tw, line)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
		var seen []timeline.Status
		for _, r := range rows {
			if !slices.Contains(seen, r.Status) {
				seen = append(seen, r.Status)
			}
		}
		slices.Sort(seen)
		for _, st := range seen {
			fmt.Fprintf(w, "%-13s %s\n", st.String()+":", statusMeaning[st])
		}
		if machine {
			fmt.Fprintln(w, machineNote)
		}
	}
	if p := len(s.Pending()); p > 0 {
		fmt.Fprintf(w, "\n%d candidates wait for review: 'claimtrail pending'.\n", p)
	}
	if o := len(s.Orphans()); o > 0 {
		fmt.Fprintf(w, "%d decisions name candidates the extractor no longer finds: see 'claimtrail pending --json'.\n", o)
	}
	return nil
}

// pendingItem is a candidate waiting for review, in JSON output.
type pendingItem struct {
	Article source.ArticleID `json:"article"`
	story.Proposal
}

// pendingSource is a proposed source no decision has accepted, rejected or
// merged yet, in JSON output.
type pendingSource struct {
	Article source.ArticleID `json:"article"`
	story.SourceProposal
}

// pendingOut is pending's JSON output.
type pendingOut struct {
	Candidates []pendingItem   `json:"candidates"`
	Sources    []pendingSource `json:"sources"`
}

func (a *app) pendingCmd() *cobra.Command {
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "pending [ARTICLE]",
		Short: "List the candidates and new sources waiting for review, with their keys",
		Long: `pending lists the candidate statements no decision has accepted or
rejected yet, article by article (or of one ARTICLE), each with the key that
'claimtrail accept' and 'claimtrail reject' take, its speaker, act,
factuality (see the legend), quote, and what it may be: a new mention of an
accepted statement, an existing claim it may state, or a new claim. Then it
lists the speakers the story does not know yet, proposed as new sources,
with the ID that 'claimtrail accept', 'claimtrail reject' and 'claimtrail
merge' take, the kind and identity (named or unnamed) the extractor read,
which 'claimtrail accept ID --kind K --unnamed' corrects, and the known
sources they may be.

It is linear in the story's candidates, proposed sources and decisions,
after opening the story.`,
		Args: cobra.MaximumNArgs(1),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			s, err := a.openStory(ctx, story.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			var only source.ArticleID
			if len(args) == 1 {
				only = source.ArticleID(args[0])
				if _, ok := s.Proposals(only); !ok {
					return fmt.Errorf("no article %q in story %s: see the articles' IDs with 'claimtrail articles'", only, s.ID())
				}
			}
			out := pendingOut{Candidates: []pendingItem{}, Sources: []pendingSource{}}
			for _, p := range s.Pending() {
				id, _ := p.Key.Article()
				if only == "" || id == only {
					out.Candidates = append(out.Candidates, pendingItem{Article: id, Proposal: p})
				}
			}
			for _, sp := range pendingSources(s.Story) {
				if only == "" || sp.Article == only {
					out.Sources = append(out.Sources, sp)
				}
			}
			if rf.json {
				return writeJSON(a.stdout, out)
			}
			return a.printPending(s, out)
		}),
	}
	rf.add(cmd)
	return cmd
}

// pendingSources returns the proposed sources no decision has settled
// (see story.Story.PendingSource), in the order their articles were added.
func pendingSources(s *story.Story) []pendingSource {
	c := s.Corpus()
	var out []pendingSource
	for _, art := range c.Articles {
		added, ok := s.Proposals(art.ID)
		if !ok {
			continue
		}
		for _, sp := range added.Sources {
			if s.PendingSource(sp.Source.ID) {
				out = append(out, pendingSource{Article: art.ID, SourceProposal: sp})
			}
		}
	}
	return out
}

// printPending prints the candidates and sources waiting for review.
func (a *app) printPending(s *opened, out pendingOut) error {
	w := a.stdout
	if len(out.Candidates)+len(out.Sources) == 0 {
		fmt.Fprintln(w, "nothing waits for review.")
		return nil
	}
	n := newNames(s.Corpus(), a.verbose)
	for _, art := range s.Corpus().Articles {
		if added, ok := s.Proposals(art.ID); ok {
			for _, sp := range added.Sources {
				n.sources[sp.Source.ID] = sp.Source.Name
			}
			for _, cp := range added.Claims {
				n.claims[cp.ID] = cp.Text
			}
		}
	}
	var codes []claim.Factuality
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	var last source.ArticleID
	for _, it := range out.Candidates {
		if it.Article != last {
			last = it.Article
			fmt.Fprintf(tw, "%s\n", n.article(it.Article))
		}
		c := it.Candidate
		if !slices.Contains(codes, c.Factuality) {
			codes = append(codes, c.Factuality)
		}
		var what string
		switch {
		case it.SameAs != "":
			what = "reports again " + safe(string(it.SameAs))
		case len(it.Claims) > 0:
			what = fmt.Sprintf("may state: %s (%.2f)", n.claim(it.Claims[0].Claim, 40), it.Claims[0].Similarity)
		case it.Group != "":
			what = "new claim " + safe(string(it.Group))
		}
		fmt.Fprintln(tw, row(safe(string(it.Key)), n.source(c.Speaker), c.Act.String(), c.Factuality.String(), quote(it.Quote, 48), what))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(out.Sources) > 0 {
		if len(out.Candidates) > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, "New sources:")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, sp := range out.Sources {
			var may string
			if len(sp.Matches) > 0 {
				may = fmt.Sprintf("may be %s [%s] (%s)", n.source(sp.Matches[0].ID), safe(string(sp.Matches[0].ID)), sp.Matches[0].Reason)
			}
			kind := "kind unknown"
			if sp.Source.Kind != source.KindUnknown {
				kind = sp.Source.Kind.String()
			}
			fmt.Fprintln(tw, row(safe(string(sp.Source.ID)), safe(sp.Source.Name), kind, sp.Source.Identity.String(), may))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n%d candidates, %d new sources. ", len(out.Candidates), len(out.Sources))
	writeLegend(w, codes)
	fmt.Fprintln(w, "Decide with 'claimtrail accept KEY [--claim CLAIM]' or 'claimtrail reject KEY';")
	fmt.Fprintln(w, "for a source, 'claimtrail accept ID [--as NEW-ID] [--unnamed] [--parent ID]', 'claimtrail merge ID INTO' or 'claimtrail reject ID'.")
	return nil
}

// row returns the cells of an indented tabwriter row, joined by tabs, with
// empty cells at its end left out so that the line has no trailing spaces.
func row(cells ...string) string {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return "  " + strings.Join(cells, "\t")
}

// writeLegend prints what the factuality codes mean.
func writeLegend(w io.Writer, codes []claim.Factuality) {
	slices.SortFunc(codes, func(x, y claim.Factuality) int { return strings.Compare(x.String(), y.String()) })
	parts := make([]string, len(codes))
	for i, f := range codes {
		parts[i] = f.String() + " " + table.Words(f)
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "Factuality: %s.\n", strings.Join(parts, ", "))
	}
}

// claimArg checks that the timeline holds the claim a command names.
func claimArg(tl *timeline.Timeline, id claim.ID, storyID string) error {
	if _, ok := tl.Claim(id); !ok {
		return fmt.Errorf("no claim %q in story %s: see the claims' IDs with 'claimtrail status -v'", id, storyID)
	}
	return nil
}

// machineNote explains the statements accepted by machine, under the
// tables that mark them.
const machineNote = "by machine:   accepted by the unattended mode (add --unattended), not reviewed by a person yet;\n              they count like the rest until someone accepts or rejects them."

// historyOut is history's JSON output.
type historyOut struct {
	Claim   claim.Claim             `json:"claim"`
	Status  timeline.Status         `json:"status"`
	Track   []timeline.Entry        `json:"track"`
	History []timeline.StatusChange `json:"history"`
	// Machine lists the track's statements the unattended mode accepted
	// and no person has reviewed since.
	Machine []claim.StatementID `json:"machine_accepted,omitempty"`
}

func (a *app) historyCmd() *cobra.Command {
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "history CLAIM",
		Short: "A claim's statements in the order they were said, and its status history",
		Long: `history prints one claim (by its ID, which 'claimtrail status -v' shows):
every statement that counts for it in the order it was said, with its
speaker, act, factuality (see the legend) and quote, then how its status
changed, article by article, and who changed it. A statement the
unattended mode accepted and no person has reviewed is marked "by machine"
(in --json, its ID is listed under machine_accepted).

It builds the story's timeline and reads the claim's track: linear in the
story's statements plus the track's length times its logarithm.`,
		Args: exactArgs("CLAIM"),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			s, tl, err := a.openTimeline(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			id := claim.ID(args[0])
			if err := claimArg(tl, id, s.ID()); err != nil {
				return err
			}
			c, _ := tl.Claim(id)
			st, _ := tl.Current(id)
			track, err := tl.Track(id)
			if err != nil {
				return err
			}
			hist, err := tl.History(id)
			if err != nil {
				return err
			}
			out := historyOut{Claim: c, Status: st, Track: track, History: hist}
			for _, e := range track {
				if s.MachineAccepted(e.Statement.ID) && !slices.Contains(out.Machine, e.Statement.ID) {
					out.Machine = append(out.Machine, e.Statement.ID)
				}
			}
			if rf.json {
				if out.Track == nil {
					out.Track = []timeline.Entry{}
				}
				if out.History == nil {
					out.History = []timeline.StatusChange{}
				}
				return writeJSON(a.stdout, out)
			}
			return a.printHistory(tl, out)
		}),
	}
	rf.add(cmd)
	return cmd
}

// printHistory prints a claim's track and status history.
func (a *app) printHistory(tl *timeline.Timeline, h historyOut) error {
	w := a.stdout
	n := newNames(tl.Corpus(), a.verbose)
	fmt.Fprintf(w, "%s\n%s", n.claim(h.Claim.ID, 0), h.Status)
	if len(h.History) > 0 {
		fmt.Fprintf(w, " since %s", day(h.History[len(h.History)-1].At))
	}
	fmt.Fprintf(w, ": %s\n\nStatements, in the order they were said:\n", statusMeaning[h.Status])
	var codes []claim.Factuality
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, e := range h.Track {
		st := e.Statement
		if !slices.Contains(codes, st.Factuality) {
			codes = append(codes, st.Factuality)
		}
		said := e.Said.String()
		if e.SaidFromReport {
			said = day(e.Reported) + "*"
		}
		var q string
		if len(st.Mentions) > 0 {
			q = quote(st.Mentions[0].Quote(), 56)
		}
		var notes []string
		if e.Inherited {
			notes = append(notes, "via "+n.claim(st.Claim, 32))
		}
		if e.Discounted != timeline.Counted {
			notes = append(notes, "does not count: "+e.Discounted.String())
		}
		if e.Anonymous {
			notes = append(notes, "unnamed source")
		}
		if slices.Contains(h.Machine, st.ID) {
			notes = append(notes, "by machine")
		}
		if len(st.Mentions) > 1 {
			notes = append(notes, fmt.Sprintf("%d mentions", len(st.Mentions)))
		}
		fmt.Fprintln(tw, row(said, n.source(st.Source), st.Act.String(), st.Factuality.String(), q, strings.Join(notes, "; ")))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nStatus history:")
	for _, sc := range h.History {
		fmt.Fprintf(w, "  %s  %s -> %s  by %s, in %s\n", day(sc.At), sc.From, sc.To, n.source(sc.Source), n.article(sc.Article))
	}
	fmt.Fprintln(w)
	writeLegend(w, codes)
	fmt.Fprintln(w, "A date with * is unknown and taken from the first report.")
	if len(h.Machine) > 0 {
		fmt.Fprintln(w, machineNote)
	}
	return nil
}

func (a *app) changesCmd() *cobra.Command {
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "changes ARTICLE",
		Short: "What one article added to the picture",
		Long: `changes prints what an article (by its ID) added compared with everything
published before it: the statements it was first to report, those it
reported again, and what they changed in each claim (a first report, a new
source, a denial, a reversal, a status change ...). A statement the
unattended mode accepted and no person has reviewed is marked "by machine"
(in --json, its machine_accepted is true).

It builds the story's timeline: linear in the story's statements.`,
		Args: exactArgs("ARTICLE"),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			s, tl, err := a.openTimeline(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			diff, err := tl.Added(source.ArticleID(args[0]))
			if errors.Is(err, timeline.ErrUnknownArticle) {
				return fmt.Errorf("no article %q in story %s: see the articles' IDs with 'claimtrail articles'", args[0], s.ID())
			}
			if err != nil {
				return err
			}
			if rf.json {
				return writeJSON(a.stdout, diff)
			}
			return a.printChanges(tl, diff)
		}),
	}
	rf.add(cmd)
	return cmd
}

// printChanges prints what an article added.
func (a *app) printChanges(tl *timeline.Timeline, d timeline.Diff) error {
	w := a.stdout
	n := newNames(tl.Corpus(), a.verbose)
	fmt.Fprintf(w, "%s (%s)\n", n.article(d.Article.ID), day(d.Article.Published))
	if len(d.New)+len(d.Repeated) == 0 {
		fmt.Fprintln(w, "  no accepted statement: see its candidates with 'claimtrail pending ARTICLE'.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	machine := false
	for _, list := range []struct {
		head    string
		entries []timeline.Entry
	}{{"New statements:", d.New}, {"Reported again:", d.Repeated}} {
		if len(list.entries) == 0 {
			continue
		}
		fmt.Fprintln(tw, list.head)
		for _, e := range list.entries {
			st := e.Statement
			line := fmt.Sprintf("  %s\t%s\t%s\ton %s", n.source(st.Source), st.Act, st.Factuality, n.claim(st.Claim, 48))
			if st.MachineAccepted {
				line += "\tby machine"
				machine = true
			}
			fmt.Fprintln(tw, line)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(d.Changes) > 0 {
		fmt.Fprintln(w, "Changes:")
		for _, ch := range d.Changes {
			line := fmt.Sprintf("  %s: %s", n.claim(ch.Claim, 48), ch.Kind)
			if ch.Kind == timeline.ChangeStatus {
				line += fmt.Sprintf(" %s -> %s", ch.From, ch.To)
			}
			fmt.Fprintf(w, "%s, by %s\n", line, n.source(ch.Source))
		}
	}
	if len(d.NewClaims) > 0 {
		fmt.Fprintln(w, "First to report:")
		for _, id := range d.NewClaims {
			fmt.Fprintf(w, "  %s\n", n.claim(id, 0))
		}
	}
	if len(d.NewSources) > 0 {
		fmt.Fprintf(w, "Heard for the first time: %s\n", n.sourceList(d.NewSources))
	}
	if machine {
		fmt.Fprintln(w, machineNote)
	}
	return nil
}

func (a *app) sourcesCmd() *cobra.Command {
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "The story's sources as affiliation trees, with their offices",
		Long: `sources prints the story's sources (those it started from and those
accepted since) as affiliation trees: each root (a government, an
organisation) with the sources under it indented, their kind, whether they
are unnamed or investigators, and the offices they hold. Sources under one
root are not independent of each other: they do not corroborate each other.

It is linear in the story's sources.`,
		Args: cobra.NoArgs,
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			s, err := a.openStory(ctx, story.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			c := s.Corpus()
			if rf.json {
				if c.Sources == nil {
					c.Sources = []source.Source{}
				}
				return writeJSON(a.stdout, c.Sources)
			}
			return a.printSources(c)
		}),
	}
	rf.add(cmd)
	return cmd
}

// printSources prints the sources as trees.
func (a *app) printSources(c *claim.Corpus) error {
	w := a.stdout
	if len(c.Sources) == 0 {
		fmt.Fprintln(w, "no sources yet: accept proposed sources, or start a story with 'claimtrail init --sources FILE'.")
		return nil
	}
	n := newNames(c, a.verbose)
	children := map[source.ID][]source.Source{}
	known := map[source.ID]bool{}
	for _, s := range c.Sources {
		known[s.ID] = true
	}
	var roots []source.Source
	for _, s := range c.Sources {
		if s.Parent == "" || !known[s.Parent] {
			roots = append(roots, s)
		} else {
			children[s.Parent] = append(children[s.Parent], s)
		}
	}
	var walk func(s source.Source, depth int)
	walk = func(s source.Source, depth int) {
		var tags []string
		if s.Kind.IsValid() {
			tags = append(tags, s.Kind.String())
		}
		if s.IsUnnamed() {
			tags = append(tags, "unnamed")
		}
		if s.Investigator {
			tags = append(tags, "investigator")
		}
		line := strings.Repeat("  ", depth) + n.source(s.ID)
		if len(tags) > 0 {
			line += " (" + strings.Join(tags, ", ") + ")"
		}
		fmt.Fprintln(w, line)
		for _, o := range s.Offices {
			term := ""
			if !o.From.IsZero() || !o.To.IsZero() {
				term = fmt.Sprintf(", %s to %s", day(o.From), day(o.To))
			}
			fmt.Fprintf(w, "%s  office: %s of %s%s\n", strings.Repeat("  ", depth), safe(o.Title), n.source(o.Of), term)
		}
		for _, ch := range children[s.ID] {
			walk(ch, depth+1)
		}
	}
	for _, r := range roots {
		walk(r, 0)
	}
	return nil
}

// articleRow is one article in articles' JSON output: the article without
// its text, and its candidates.
type articleRow struct {
	Article    source.Article         `json:"article"`
	Candidates int                    `json:"candidates"`
	Pending    int                    `json:"pending"`
	Reprint    *story.ReprintProposal `json:"reprint_proposed,omitempty"`
}

func (a *app) articlesCmd() *cobra.Command {
	var rf readFlags
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "The story's articles, with their IDs and what waits for review",
		Long: `articles lists the story's articles in the order they were added: the
publication day, the ID that 'claimtrail changes' and 'claimtrail pending'
take, the outlet, the title, how many candidates the article proposed and
how many still wait for review, and the earlier article it may reprint.

It is linear in the story's articles and candidates, after opening the
story.`,
		Args: cobra.NoArgs,
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			s, err := a.openStory(ctx, story.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			c := s.Corpus()
			pending := map[source.ArticleID]int{}
			for _, p := range s.Pending() {
				id, _ := p.Key.Article()
				pending[id]++
			}
			rows := []articleRow{}
			for _, art := range c.Articles {
				r := articleRow{Article: art, Pending: pending[art.ID]}
				r.Article.Text = ""
				if added, ok := s.Proposals(art.ID); ok {
					r.Candidates = len(added.Candidates)
					r.Reprint = added.Reprint
				}
				rows = append(rows, r)
			}
			if rf.json {
				return writeJSON(a.stdout, rows)
			}
			if len(rows) == 0 {
				fmt.Fprintf(a.stdout, "story %s has no articles yet: add them with 'claimtrail add'.\n", s.ID())
				return nil
			}
			n := newNames(c, a.verbose)
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "PUBLISHED\tID\tOUTLET\tTITLE\tCANDIDATES\tNOTE")
			for _, r := range rows {
				outlet := "-"
				if r.Article.Outlet != "" {
					outlet = n.source(r.Article.Outlet)
				}
				var note string
				switch {
				case r.Article.Reprints != "":
					note = "reprints " + safe(string(r.Article.Reprints))
				case r.Reprint != nil:
					note = fmt.Sprintf("may reprint %s (%.2f)", safe(string(r.Reprint.Of)), r.Reprint.Similarity)
				}
				fmt.Fprintln(tw, strings.TrimPrefix(row(day(r.Article.Published), safe(string(r.Article.ID)), outlet,
					safe(excerpt(r.Article.Title, 48)), fmt.Sprintf("%d, %d pending", r.Candidates, r.Pending), note), "  "))
			}
			return tw.Flush()
		}),
	}
	rf.add(cmd)
	return cmd
}
