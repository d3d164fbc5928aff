package timeline

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
)

// Summary is where one claim stands now, in the words of a one-line report:
// its status, since when, and who is on which side.
type Summary struct {
	Claim  claim.ID `json:"claim"`
	Text   string   `json:"text"`
	Status Status   `json:"status"`
	// Since is when the claim took its current status: the publication time
	// of the article that caused its last status change; zero for a claim
	// nobody has spoken of.
	Since time.Time `json:"since,omitzero"`
	// Affirm and Negate list the sources whose latest word on the claim
	// affirms it (PR+ or CT+, or PS+ under Rules.PossibleAlleges) or negates
	// it (PR- or CT-), in the order they first spoke on its track. A later
	// possibility replaces a source's firmer word, a retraction withdraws an
	// affirmation (and leaves no position after a denial), and a question, a declined comment or a neutral report
	// (Uu, CTu) leaves it as it was, as for the status. Words are taken in
	// track order, so when two of one source's words have overlapping said
	// dates ("2024" and "2024-03-04") the one later on the track counts,
	// where the status takes the one that became known later.
	Affirm []source.ID `json:"affirm"`
	Negate []source.ID `json:"negate"`
	// Statements counts the entries of the claim's track, inherited ones
	// included.
	Statements int `json:"statements"`
}

// Summaries returns one Summary per claim, in the order of Claims. It
// reads every track once: its cost is that of Track for every claim,
// which grows with the tracks rather than with the corpus when claims
// inherit many statements (see the package documentation).
func (t *Timeline) Summaries() []Summary {
	out := make([]Summary, 0, len(t.claims))
	var order []source.ID                // the claim's speakers, in the order they first spoke
	latest := make(map[source.ID]stance) // each speaker's latest word that counts
	for _, c := range t.claims {
		s := Summary{Claim: c.ID, Text: c.Text}
		s.Status, _ = t.Current(c.ID)
		if h, _ := t.History(c.ID); len(h) > 0 {
			s.Since = h[len(h)-1].At
		}
		track, _ := t.TrackSeq(c.ID)
		order = order[:0]
		clear(latest)
		for e := range track {
			s.Statements++
			if e.Discounted != Counted {
				continue
			}
			src := e.Statement.Source
			if _, ok := latest[src]; !ok {
				order = append(order, src)
			}
			st := classify(&e.Statement, t.rules)
			f := e.Statement.Factuality
			switch {
			case st == stanceRetracted:
				latest[src] = stanceNeutral // withdraws an affirmation; after a denial, leaves no position
			case st == stanceNeutral && (f == claim.Uu() || f == claim.CTu()):
				// leaves the position as it was
			default:
				latest[src] = st
			}
		}
		for _, src := range order {
			switch latest[src] {
			case stanceAffirm:
				s.Affirm = append(s.Affirm, src)
			case stanceNegate:
				s.Negate = append(s.Negate, src)
			case stanceNeutral, stanceRetracted:
				// on neither side
			}
		}
		out = append(out, s)
	}
	return out
}

// statusMeaning says what each status means, for a summary's legend.
var statusMeaning = [...]string{
	StatusUnreported:   "no statement about it yet",
	StatusReported:     "statements, but none affirms or denies it",
	StatusAlleged:      "affirmed, and denied by no one",
	StatusContested:    "affirmed and denied",
	StatusDenied:       "denied, and affirmed by no one",
	StatusCorroborated: "affirmed by two or more independent sides",
	StatusConfirmed:    "admitted by the accused side, or found true by an investigator",
	StatusRetracted:    "an affirmation withdrawn, and none left",
	StatusRefuted:      "found false by an investigator",
}

// Meaning says in a few words what the status means, as a legend would:
// "affirmed and denied" for StatusContested. Status's documentation gives
// the rules in full. It returns "" for an invalid status.
func (s Status) Meaning() string {
	if int(s) >= len(statusMeaning) {
		return ""
	}
	return statusMeaning[s]
}

// WriteSummary writes one line per claim, in the order of Claims: its
// status, its text, the names of the sources that affirm and that deny it
// (see Summary), and the day of its last status change (a claim's text is
// cut to its first 60 characters, ending in "…", so that lines stay short); then a legend of
// the statuses it used. Names come from the timeline's registry; text
// that could drive a terminal (control characters, right-to-left
// overrides) is written quoted. Its cost is that of Summaries.
func (t *Timeline) WriteSummary(w io.Writer) error {
	rows := t.Summaries()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STATUS\tCLAIM\tAFFIRMED BY\tDENIED BY\tSINCE")
	var used []Status
	for _, r := range rows {
		since := "-"
		if !r.Since.IsZero() {
			since = r.Since.UTC().Format(time.DateOnly)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Status, display.Safe(shorten(r.Text)), t.names(r.Affirm), t.names(r.Negate), since)
		if !slices.Contains(used, r.Status) {
			used = append(used, r.Status)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	slices.Sort(used)
	if len(used) > 0 {
		fmt.Fprintln(w)
	}
	for _, s := range used {
		if _, err := fmt.Fprintf(w, "%-13s %s\n", s.String()+":", s.Meaning()); err != nil {
			return err
		}
	}
	return nil
}

// names joins the names of sources for a summary line: "-" for none.
func (t *Timeline) names(ids []source.ID) string {
	if len(ids) == 0 {
		return "-"
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = t.name(id)
	}
	return strings.Join(parts, ", ")
}

// summaryText is how many runes of a claim's text a summary line shows.
const summaryText = 60

// shorten cuts text to summaryText runes, ending in "…" when it cut.
func shorten(text string) string {
	if utf8.RuneCountInString(text) <= summaryText {
		return text
	}
	n := 0
	for i := range text {
		if n == summaryText-1 {
			return text[:i] + "…"
		}
		n++
	}
	return text
}
