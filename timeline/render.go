package timeline

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
)

// WriteText writes the whole timeline as plain text for people to read:
// first one line per claim and a legend, as [Timeline.WriteSummary] writes
// them, with a legend of the FactBank codes; then for each claim its
// current status, its track and its status history; then for each article
// in publication order what it added. Sources are named by their names
// (the registry's Name), claims and statements by their IDs. The layout is
// meant for reading and for golden files, not for parsing; use
// encoding/json on the query results for that. A statement a program
// accepted and no person has reviewed ([claim.Statement.MachineAccepted])
// is marked "[by machine, not reviewed]" on its track line; it counts as
// any other.
//
// WriteText writes every track in full, inherited entries included, so its
// output and the time it takes grow with the tracks rather than the corpus:
// O(k log k) for a track of k entries (see [Timeline.Track]), and as the
// square of the length of a chain whose claims are all affirmed. Memory
// beyond the writer's buffer is that of the longest track.
func (t *Timeline) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if len(t.claims) > 0 {
		if err := t.WriteSummary(bw); err != nil {
			return err
		}
		_, _ = bw.WriteString(factualityLegend) // bw keeps its first error for Flush
	}
	for i, c := range t.claims {
		_, _ = bw.WriteString("\n")
		t.writeClaim(bw, int32(i), c)
	}
	if len(t.articles) > 0 {
		_, _ = bw.WriteString("\nArticle by article\n")
		for _, a := range t.articlesByTime() {
			d, err := t.Added(a)
			if err != nil {
				return err
			}
			t.writeDiff(bw, d)
		}
	}
	return bw.Flush()
}

func (t *Timeline) writeClaim(w *bufio.Writer, c int32, cl claim.Claim) {
	status, _ := t.Current(cl.ID)
	fmt.Fprintf(w, "Claim %s: %s\n", display.Safe(cl.ID), display.Safe(cl.Text))
	var about []string
	for _, a := range cl.Actors {
		about = append(about, a.Role.String()+" "+display.Safe(a.Source))
	}
	if cl.Event.IsValid() {
		about = append(about, "event "+cl.Event.String())
	}
	if len(about) > 0 {
		fmt.Fprintf(w, "  about: %s\n", strings.Join(about, "; "))
	}
	if links, _ := t.Related(cl.ID); len(links) > 0 {
		var rel []string
		for _, l := range links {
			rel = append(rel, l.String())
		}
		fmt.Fprintf(w, "  related: %s\n", strings.Join(rel, "; "))
	}
	fmt.Fprintf(w, "  status: %s\n", status)
	items := t.trackStmts(c, nil)
	if len(items) > 0 {
		_, _ = w.WriteString("  track:\n") // w keeps its first error for Flush
	}
	for _, s := range items {
		e := t.entry(c, t.item(c, s))
		said := e.Said.String()
		if e.SaidFromReport {
			said = "(reported " + e.Reported.UTC().Format("2006-01-02") + ")"
		}
		s := e.Statement
		flags := ""
		if len(s.Via) > 0 {
			via := make([]string, len(s.Via))
			for i, v := range s.Via {
				via[i] = display.Safe(v)
			}
			flags += " [via " + strings.Join(via, ", ") + "]"
		}
		if e.Inherited {
			flags += " [inherited from " + display.Safe(s.Claim) + "]"
		}
		if e.Anonymous {
			flags += " [unnamed or absent source]"
		}
		if s.MachineAccepted {
			flags += " [by machine, not reviewed]"
		}
		switch e.Discounted {
		case Counted:
		case DiscountBeforeEvent:
			flags += " [not counted: said before the claimed event]"
		case DiscountBeforeReport:
			flags += " [not counted: said before this claim was first reported]"
		}
		fmt.Fprintf(w, "    %-23s %-28s %-15s %-3s %s%s\n", said, t.name(s.Source), s.Act, s.Factuality, display.Safe(s.ID), flags)
		for _, m := range s.Mentions {
			fmt.Fprintf(w, "      %s %s %q\n", display.Safe(m.Article), m.Span, clip(m.Span.Exact, 100))
		}
	}
	h, _ := t.History(cl.ID)
	if len(h) > 0 {
		_, _ = w.WriteString("  history:\n")
	}
	for _, sc := range h {
		fmt.Fprintf(w, "    %s  %s -> %s by %s  (%s)\n", sc.At.UTC().Format(time.DateOnly), sc.From, sc.To, t.name(sc.Source), display.Safe(sc.Statement))
	}
}

func (t *Timeline) writeDiff(w *bufio.Writer, d Diff) {
	a := d.Article
	fmt.Fprintf(w, "  %s %s %q\n", a.Published.UTC().Format(time.DateOnly), display.Safe(a.ID), a.Title)
	if a.Reprints != "" {
		fmt.Fprintf(w, "    reprints %s\n", display.Safe(a.Reprints))
	}
	if a.Wire != "" {
		fmt.Fprintf(w, "    wire copy from %s\n", t.name(a.Wire))
	}
	fmt.Fprintf(w, "    new statements: %d, repeated: %d\n", len(d.New), len(d.Repeated))
	for _, ch := range d.Changes {
		extra := ""
		if ch.Kind == ChangeStatus {
			extra = fmt.Sprintf(" %s -> %s", ch.From, ch.To)
		}
		if ch.Inherited {
			extra += " [inherited]"
		}
		fmt.Fprintf(w, "    %-17s %s by %s (%s)%s\n", ch.Kind, display.Safe(ch.Claim), t.name(ch.Source), display.Safe(ch.Statement), extra)
	}
}

// clip shortens s to at most n runes for display.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-3]) + "..."
}

// factualityLegend ends the summary of WriteText.
const factualityLegend = `
Factuality (FactBank): CT+ and CT- certain that the claim holds, or that it
does not; PR+ and PR- probably; PS+ and PS- possibly; CTu certain but taking
no side (a retraction); Uu uncommitted (a question, a neutral report).
Below, each claim in full: its track (said date, speaker, act, factuality,
statement ID; under it each report, as article [byte offsets] "quote"), then
its status history; then what each article added.
`

// name is how text output names a source: its name, quoted if it could
// drive a terminal, or its ID when the registry has no name for it.
func (t *Timeline) name(id source.ID) string {
	if s, ok := t.sourceReg().Source(id); ok && s.Name != "" {
		return display.Safe(s.Name)
	}
	return display.Safe(id)
}
