package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/format/table"
	"github.com/claimtrail/claimtrail/internal/formerr"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// contextBytes bounds the text shown around a candidate on each side.
const contextBytes = 240

func (a *app) reviewCmd() *cobra.Command {
	var df decideFlags
	cmd := &cobra.Command{
		Use:   "review",
		Short: "Review the pending candidates one by one in the terminal",
		Long: `review shows each candidate waiting for review in the terminal, one at a
time: its sentence with the source (who), the cue (the verb) and the content
(what) highlighted, the speaker, act and factuality, and what it may be. Keys:

  a        accept: as a new mention of the accepted statement it repeats, or
           onto the best matching claim, or onto its group's new claim
  e        edit, then accept: correct the speaker (a story source or a
           proposed one, by its ID or any of its names), the act, the
           factuality (CT+, PR-, ...) and the date said (2025, 2025-03 or
           2025-03-14); a field left empty keeps what the extractor read.
           Tab moves between the fields, Enter accepts, Esc cancels
  c        pick the claim to accept it onto: the claims it may state, best
           first; type to find any claim by its ID or words, or word a new
           claim, created as the candidate is accepted onto it. Up and
           down move the highlight, Enter accepts, Esc cancels
  r        reject
  m        merge the speaker, a proposed new source, into a known source:
           the story's best matches for it first, or type a source's name
           or ID. Enter merges, Esc cancels
  s, n     skip to the next candidate; p goes back
  u        undo the last decision made in this review, then the one
           before, and so on
  q        quit (Ctrl-C too)

A value the story cannot take (an act that is none, a speaker it does not
know, a date that does not exist) is named with the field, and nothing is
saved. Forms take no control or bidirectional characters.

Each decision is saved to the store as it is made. u takes one back with
an undo decision ({"kind":"undo","undoes":SEQ} in the log, which only
grows): the story is then as if it had not been made, and its candidate
waits for review again. An undo that a later decision depends on is
refused, naming it.

Before each candidate, review catches up with the store: articles added
and decisions made elsewhere (another terminal, the review desk) show, new
candidates join the end of the list, and a candidate decided elsewhere
says so. A decision on a candidate decided elsewhere since review last
caught up is refused, never overwriting theirs. review needs a terminal;
scripts use 'claimtrail accept', 'claimtrail reject' and 'claimtrail undo'.

Each decision costs its work in the story (see 'claimtrail accept'), an
undo what applying the log again costs, with the articles whose registry
it changes extracted again; catching up costs reading and
extracting what was added elsewhere; opening a form costs a copy of the
story's sources and claims, and each key typed in the claim picker a pass
over the claims; drawing a candidate is bounded by its sentence, at most a
few hundred bytes of text around it.`,
		Example: `  claimtrail review
  claimtrail review --by ana --story norland`,
		Args: cobra.NoArgs,
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			if !a.tty(a.stdout) {
				return errors.New("review needs a terminal: in a script, use 'claimtrail pending --json' with 'claimtrail accept' and 'claimtrail reject'")
			}
			s, err := a.openStory(ctx, story.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			m := newReview(s, a.verbose, a.who(&df), a.stdout)
			m.now = a.now
			if len(m.items) == 0 {
				fmt.Fprintln(a.stdout, "nothing waits for review.")
				return nil
			}
			p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(a.stdin), tea.WithOutput(a.stdout), tea.WithAltScreen())
			final, err := p.Run()
			if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
				return err
			}
			r, ok := final.(*review)
			if !ok {
				r = m
			}
			fmt.Fprintf(a.stdout, "%d decisions saved, %d taken back with undo, %d candidates still wait for review.\n", r.saved, r.undone, len(s.Pending()))
			return nil
		}),
	}
	cmd.Flags().StringVar(&df.by, "by", "", "who decides (default $CLAIMTRAIL_USER, else $USER)")
	return cmd
}

// review is the terminal review's model.
type review struct {
	s     *opened
	names *names
	by    string
	// now dates each decision; nil leaves decisions undated.
	now   func() time.Time
	texts map[source.ArticleID]string
	items []story.Proposal
	i     int
	// done are the decisions this review saved and did not take back,
	// oldest first, for undo.
	done []made
	// saved counts the decisions saved, undone those taken back.
	saved, undone int
	// mode says whether a form is open, and form is its state.
	mode mode
	form form
	// msg is the message under the candidate; bad says it reports a
	// failure.
	msg   string
	bad   bool
	width int
	st    styles
}

// made is a decision the review saved: its Seq in the log, the item it
// decided and what it was.
type made struct {
	seq int64
	at  int
	d   story.Decision
}

// styles are the review's highlights.
type styles struct {
	source, cue, content, dim, bold, err lipgloss.Style
}

func newReview(s *opened, verbose bool, by string, out io.Writer) *review {
	c := s.Corpus()
	r := &review{s: s, names: newNames(c, verbose), by: by, texts: map[source.ArticleID]string{}, width: 80}
	for _, a := range c.Articles {
		r.texts[a.ID] = a.Text
	}
	r.items = s.Pending()
	seen := map[source.ArticleID]bool{}
	for _, p := range r.items {
		id, _ := p.Key.Article()
		if seen[id] {
			continue
		}
		seen[id] = true
		if added, ok := s.Proposals(id); ok {
			r.learn(id, added)
		}
	}
	re := lipgloss.NewRenderer(out, termenv.WithUnsafe())
	re.SetColorProfile(termenv.ANSI)
	r.st = styles{
		source:  re.NewStyle().Bold(true).Foreground(lipgloss.Color("3")),
		cue:     re.NewStyle().Underline(true).Foreground(lipgloss.Color("5")),
		content: re.NewStyle().Foreground(lipgloss.Color("2")),
		dim:     re.NewStyle().Faint(true),
		bold:    re.NewStyle().Bold(true),
		err:     re.NewStyle().Foreground(lipgloss.Color("1")),
	}
	return r
}

// learn takes the names an article's proposals give its new sources and
// claims, and, for an article added since the review started, its text.
func (r *review) learn(id source.ArticleID, added *story.Added) {
	for _, sp := range added.Sources {
		r.names.sources[sp.Source.ID] = sp.Source.Name
	}
	for _, cp := range added.Claims {
		r.names.claims[cp.ID] = cp.Text
	}
	if _, ok := r.texts[id]; !ok {
		for _, a := range r.s.Corpus().Articles {
			if a.ID == id {
				r.texts[id] = a.Text
			}
		}
	}
}

// Init starts the review.
func (r *review) Init() tea.Cmd { return nil }

// Update handles a key or a resize.
func (r *review) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.width = max(msg.Width, 40)
	case tea.KeyMsg:
		if msg.Type == tea.KeyCtrlC {
			return r, tea.Quit
		}
		if r.mode != browsing {
			return r, r.formKey(msg)
		}
		r.msg, r.bad = "", false
		switch msg.String() {
		case "q":
			return r, tea.Quit
		case "a":
			r.decide(r.accept(""))
		case "e":
			r.openEdit()
		case "c":
			r.openClaims(nil)
		case "m":
			r.openSources()
		case "r":
			if r.i < len(r.items) {
				r.decide(story.Decision{Kind: story.KindReject, Key: r.items[r.i].Key, By: r.by})
			}
		case "s", "n", "down", "right":
			r.i = min(r.i+1, len(r.items))
			r.catchUp()
		case "p", "up", "left":
			r.i = max(r.i-1, 0)
		case "u":
			r.undo()
		}
	}
	return r, nil
}

// accept returns the decision accepting the current candidate onto claim
// id, or, for "", onto what it proposes.
func (r *review) accept(id claim.ID) story.Decision {
	if r.i >= len(r.items) {
		return story.Decision{}
	}
	p := r.items[r.i]
	d := story.Decision{Kind: story.KindAccept, Key: p.Key, By: r.by, Claim: id}
	if id == "" {
		switch {
		case p.SameAs != "":
			d.SameAs = p.SameAs
		case len(p.Claims) > 0:
			d.Claim = p.Claims[0].Claim
		}
	}
	return d
}

// proposedSpeaker returns the source proposal of a candidate's speaker,
// when the speaker is a proposed source.
func (r *review) proposedSpeaker(p story.Proposal) (story.SourceProposal, bool) {
	id, _ := p.Key.Article()
	added, ok := r.s.Proposals(id)
	if !ok {
		return story.SourceProposal{}, false
	}
	for _, sp := range added.Sources {
		if sp.Source.ID == p.Candidate.Speaker {
			return sp, true
		}
	}
	return story.SourceProposal{}, false
}

// decide saves d, remembering it for undo, and moves to the next
// candidate. It reports whether d was saved.
func (r *review) decide(d story.Decision) bool {
	if d.Kind == story.KindUnknown {
		return false
	}
	if d.Kind == story.KindAccept && d.Claim == "" && d.SameAs == "" && r.items[r.i].Group == "" {
		r.fail("this candidate proposes no claim: press c to pick one or word a new one")
		return false
	}
	if r.now != nil {
		d.At = r.now().UTC()
	}
	rep, err := r.s.Apply(context.Background(), d)
	if err != nil {
		r.fail("not saved: " + formerr.Message(err))
		return false
	}
	if len(rep.Orphans) > 0 {
		// The candidate or source went away meanwhile: the decision is
		// logged, but changed nothing.
		r.fail("not applied: the story no longer has what " + describe(d) + " decides; the decision is kept in the log")
		return false
	}
	if len(rep.Applied) > 0 {
		r.done = append(r.done, made{seq: rep.Applied[len(rep.Applied)-1].Seq, at: r.i, d: d})
	}
	r.saved++
	r.note(describe(d) + " (u undoes it)")
	r.next(d)
	return true
}

// next moves to the next candidate after d, unless d merged the
// candidate's speaker: the candidate then still waits for its own
// decision.
func (r *review) next(d story.Decision) {
	if d.Kind != story.KindMergeSource {
		r.i = min(r.i+1, len(r.items))
		r.catchUp()
	}
}

// note sets the message under the candidate; fail sets it as a failure.
func (r *review) note(msg string) { r.msg, r.bad = msg, false }
func (r *review) fail(msg string) { r.msg, r.bad = msg, true }

// undo takes back the last decision this review saved and did not take
// back yet, with an undo decision, and goes back to its candidate. A
// decision taken back elsewhere meanwhile (another program's undo) is
// dropped from the decisions u takes back, and the review says so: the
// next u takes back the one before.
func (r *review) undo() {
	if len(r.done) == 0 {
		r.fail("nothing to undo: only the decisions made in this review can be taken back here")
		return
	}
	if r.dropTakenBack() {
		return
	}
	last := r.done[len(r.done)-1]
	d := story.Decision{Kind: story.KindUndo, Undoes: last.seq, By: r.by}
	if r.now != nil {
		d.At = r.now().UTC()
	}
	if _, err := r.s.Apply(context.Background(), d); err != nil {
		if r.dropTakenBack() {
			return
		}
		r.fail("not undone: " + formerr.Message(err))
		return
	}
	r.done = r.done[:len(r.done)-1]
	r.undone++
	r.note("undone: " + describe(last.d))
	r.i = last.at
	r.catchUp()
}

// dropTakenBack catches up with the store and, when the last decision of
// the review's done list was taken back elsewhere meanwhile, drops it from
// the list and says so. It reports whether it dropped it. Linear in the
// decision log.
func (r *review) dropTakenBack() bool {
	r.catchUp()
	last := r.done[len(r.done)-1]
	for _, d := range r.s.Decisions() {
		if d.Kind == story.KindUndo && d.Undoes == last.seq {
			r.done = r.done[:len(r.done)-1]
			more := "nothing else of this review to undo"
			if len(r.done) > 0 {
				more = "u undoes the decision before it"
			}
			r.fail("taken back elsewhere already: " + describe(last.d) + "; " + more)
			return true
		}
	}
	return false
}

// catchUp reads what other programs wrote to the story since (see
// story.Story.Sync) and adds the candidates that came with it to the end
// of the list. A store that cannot be read leaves the list as it is, and
// says so.
func (r *review) catchUp() {
	if _, err := r.s.Sync(context.Background()); err != nil {
		r.msg = "not caught up with the store: " + err.Error()
		return
	}
	have := make(map[story.Key]bool, len(r.items))
	for _, p := range r.items {
		have[p.Key] = true
	}
	for _, p := range r.s.Pending() {
		if have[p.Key] {
			continue
		}
		id, _ := p.Key.Article()
		if _, ok := r.texts[id]; !ok {
			if added, ok := r.s.Proposals(id); ok {
				r.learn(id, added)
			}
		}
		r.items = append(r.items, p)
	}
}

// View draws the current candidate.
func (r *review) View() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n\n", r.st.bold.Render("claimtrail review: "+safe(r.s.ID())), r.st.dim.Render(fmt.Sprintf("%d of %d", min(r.i+1, len(r.items)), len(r.items))))
	if r.i >= len(r.items) {
		b.WriteString("No more candidates. Press q to quit, p to go back, u to undo the last decision.\n")
	} else {
		r.viewItem(&b, r.items[r.i])
	}
	b.WriteString("\n")
	switch r.mode {
	case editing:
		r.viewEdit(&b)
	case pickingClaim, pickingSource:
		r.viewPicker(&b)
	default:
		b.WriteString(r.st.dim.Render("a accept  e edit…  c pick claim…  r reject  m merge speaker…  s skip  p back  u undo  q quit") + "\n")
	}
	if r.msg != "" {
		style := r.st.dim
		if r.bad {
			style = r.st.err
		}
		// Wrapped to the terminal, rather than cut at its edge.
		b.WriteString(style.Width(max(r.width, 40)).Render(safe(r.msg)) + "\n")
	}
	return b.String()
}

// viewItem draws one candidate.
func (r *review) viewItem(b *strings.Builder, p story.Proposal) {
	id, _ := p.Key.Article()
	c := p.Candidate
	fmt.Fprintf(b, "%s\n", r.names.article(id))
	if k := r.s.Decided(p.Key); k != story.KindUnknown {
		fmt.Fprintf(b, "%s\n", r.st.err.Render("decided already ("+k.String()+"), here or elsewhere: s skips it"))
	}
	if r.names.verbose {
		fmt.Fprintf(b, "%s\n", r.st.dim.Render(safe(string(p.Key))))
	}
	b.WriteString("\n" + r.sentence(r.texts[id], c) + "\n\n")
	fmt.Fprintf(b, "  who:  %s\n", r.st.source.Render(r.names.source(c.Speaker)))
	if sp, ok := r.proposedSpeaker(p); ok {
		b.WriteString("        a new source")
		if len(sp.Matches) > 0 {
			fmt.Fprintf(b, "; m merges it into a known source, such as %s (%s)", r.names.source(sp.Matches[0].ID), sp.Matches[0].Reason)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "  does: %s, %s (%s)\n", c.Act, c.Factuality, table.Words(c.Factuality))
	switch {
	case p.SameAs != "":
		fmt.Fprintf(b, "  a:    a new mention of %s\n", safe(string(p.SameAs)))
	case len(p.Claims) > 0:
		fmt.Fprintf(b, "  a:    onto %s (similarity %.2f)\n", r.names.claim(p.Claims[0].Claim, 60), p.Claims[0].Similarity)
		for _, m := range p.Claims[1:] {
			fmt.Fprintf(b, "        or c %s: %s\n", safe(string(m.Claim)), r.names.claim(m.Claim, 50))
		}
	case p.Group != "":
		fmt.Fprintf(b, "  a:    onto a new claim, %s\n", r.names.claim(p.Group, 60))
	}
}

// sentence returns the text around a candidate, its source, cue and content
// highlighted, bounded to contextBytes on each side.
func (r *review) sentence(text string, c extract.Candidate) string {
	type mark struct {
		start, end int
		style      lipgloss.Style
	}
	var marks []mark
	add := func(s claim.Span, st lipgloss.Style) {
		if s.End > s.Start && s.Start >= 0 && s.End <= len(text) {
			marks = append(marks, mark{s.Start, s.End, st})
		}
	}
	add(c.SpeakerText, r.st.source)
	add(c.Cue, r.st.cue)
	for _, s := range c.Content {
		add(s, r.st.content)
	}
	if len(marks) == 0 {
		return r.st.dim.Render("(the candidate's text is not in the article)")
	}
	slices.SortFunc(marks, func(x, y mark) int { return x.start - y.start })
	lo, hi := marks[0].start, marks[0].end
	for _, m := range marks {
		hi = max(hi, m.end)
	}
	from := max(0, lo-contextBytes)
	if i := strings.LastIndexAny(text[from:lo], ".\n"); i >= 0 {
		from += i + 1
	}
	to := min(len(text), hi+contextBytes)
	if i := strings.IndexAny(text[hi:to], ".\n"); i >= 0 {
		to = hi + i + 1
	}
	var b strings.Builder
	at := from
	for _, m := range marks {
		if m.start < at { // overlapping spans: the earlier one wins
			continue
		}
		b.WriteString(collapse(text[at:m.start]))
		b.WriteString(m.style.Render(collapse(strings.TrimSpace(text[m.start:m.end]))))
		at = m.end
	}
	if at < to {
		b.WriteString(collapse(text[at:to]))
	}
	return lipgloss.NewStyle().Width(min(r.width, 100)).Render(strings.TrimSpace(b.String()))
}

// collapse turns each run of white space in s into one space, keeping one
// at either end when s has one there, and makes the rest safe for a
// terminal.
func collapse(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		if s != "" {
			return " "
		}
		return ""
	}
	out := safe(strings.Join(words, " "))
	if strings.TrimLeftFunc(s, unicode.IsSpace) != s {
		out = " " + out
	}
	if strings.TrimRightFunc(s, unicode.IsSpace) != s {
		out += " "
	}
	return out
}
