package render

import (
	"bufio"
	"fmt"
	"io"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// ClaimMermaid writes one claim's timeline as the text of a Mermaid
// "timeline" diagram, for a Markdown report (in a "```mermaid" block): a
// section of the statements, one period per said date with an event per
// statement ("Norland foreign ministry deny CT-"), then a section of the
// status changes, one period per day. Mermaid's special characters in names
// and texts (':', '#', '%', ';', '<', '>', '&', '`', '{', '}') are replaced by
// look-alikes that mean nothing to it, and control and bidirectional
// characters by U+FFFD, so that no text of the corpus can end an event,
// start a comment, or close the Markdown code block.
//
// It fails with an *Error wrapping ErrInvalid for a nil timeline and
// ErrUnknownClaim for a claim the timeline does not hold, and otherwise
// returns the writer's first error. It takes time linear in the entries of
// the claim's track plus its status changes, with a logarithmic factor for
// ordering the track.
func ClaimMermaid(w io.Writer, tl *timeline.Timeline, id claim.ID) error {
	r, err := readClaim(tl, id)
	if err != nil {
		return err
	}
	c, track, hist, cur := r.claim, r.track, r.hist, r.current
	reg := tl.Registry()
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "timeline")
	fmt.Fprintf(bw, "    title %s (%s)\n", mermaidText(c.Text, 200), cur)
	fmt.Fprintf(bw, "    accTitle: %s\n", mermaidText("Timeline of the claim "+c.Text, 200))
	fmt.Fprintf(bw, "    accDescr: %s\n", mermaidText(fmt.Sprintf("%d statements, %d status changes, %s now", len(track), len(hist), cur), 0))
	if len(track) == 0 {
		fmt.Fprintln(bw, "    section Statements")
		fmt.Fprintln(bw, "        none yet : no statement about this claim")
	}
	for i := 0; i < len(track); {
		if i == 0 {
			fmt.Fprintln(bw, "    section Statements")
		}
		period := saidLabel(track[i])
		fmt.Fprintf(bw, "        %s", period)
		for ; i < len(track) && saidLabel(track[i]) == period; i++ {
			fmt.Fprintf(bw, " : %s", mermaidEvent(reg, track[i]))
		}
		fmt.Fprintln(bw)
	}
	writeMermaidHistory(bw, reg, "Status", hist)
	return bw.Flush()
}

// StoryMermaid writes the status history of every claim as the text of a
// Mermaid "timeline" diagram: one section per claim, in corpus order, one
// period per day a claim's status changed. It replaces special characters
// as ClaimMermaid does. It fails with an *Error wrapping ErrInvalid for a nil
// timeline, and otherwise returns the writer's first error. It takes time
// linear in the number of claims plus their status changes.
func StoryMermaid(w io.Writer, tl *timeline.Timeline) error {
	if tl == nil {
		return errNilTimeline
	}
	reg := tl.Registry()
	claims := tl.Claims()
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "timeline")
	fmt.Fprintln(bw, "    title Status of each claim over time")
	fmt.Fprintln(bw, "    accTitle: Status of each claim over time")
	fmt.Fprintf(bw, "    accDescr: %d claims, each with the days its status changed\n", len(claims))
	for _, c := range claims {
		hist, err := tl.History(c.ID)
		if err != nil {
			return err
		}
		writeMermaidHistory(bw, reg, mermaidText(c.Text, 80), hist)
	}
	return bw.Flush()
}

// writeMermaidHistory writes a section of status changes, one period per
// day; a claim never reported gets one period saying so.
func writeMermaidHistory(w *bufio.Writer, reg *source.Registry, section string, hist []timeline.StatusChange) {
	fmt.Fprintf(w, "    section %s\n", section)
	if len(hist) == 0 {
		fmt.Fprintln(w, "        not yet : unreported")
	}
	for i := 0; i < len(hist); {
		day := dateOf(hist[i].At)
		fmt.Fprintf(w, "        %s", day)
		for ; i < len(hist) && dateOf(hist[i].At) == day; i++ {
			fmt.Fprintf(w, " : %s", mermaidText(fmt.Sprintf("%s → %s by %s", hist[i].From, hist[i].To, sourceName(reg, hist[i].Source)), 0))
		}
		fmt.Fprintln(w)
	}
}

// saidLabel returns the period a statement is listed under: its said date,
// or the day of its first report when the date was not given.
func saidLabel(e timeline.Entry) string {
	if e.SaidFromReport || !e.Said.IsValid() {
		return dateOf(e.Reported) + " (reported)"
	}
	return mermaidText(e.Said.String(), 0)
}

// mermaidEvent describes one statement as a Mermaid event.
func mermaidEvent(reg *source.Registry, e timeline.Entry) string {
	s := fmt.Sprintf("%s %s %s", sourceName(reg, e.Statement.Source), e.Statement.Act, e.Statement.Factuality)
	if e.Inherited {
		s += " (about " + clean(string(e.Statement.Claim), nameRunes) + ")"
	}
	if e.Discounted != timeline.Counted {
		s += " (does not count)"
	}
	if e.Statement.MachineAccepted {
		s += " (" + machineNote + ")"
	}
	return mermaidText(s, 0)
}
