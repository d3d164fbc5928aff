package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// ClaimSVG writes the picture of one claim's timeline to w as a standalone
// SVG document (see the package documentation for what it shows).
//
// It fails with an *Error wrapping ErrInvalid for a nil timeline or an
// option that is wrong, ErrUnknownClaim for a claim the timeline does not
// hold, and otherwise returns the writer's first error. Nothing is written
// when the arguments are wrong.
//
// ClaimSVG takes time and memory linear in the entries of the claim's track
// plus its status changes, with a logarithmic factor for ordering the track
// (see timeline.Timeline.Track, which also says how tracks inherit entries
// from refining claims); the text it writes of each quote and name is cut to
// a few hundred runes.
func ClaimSVG(w io.Writer, tl *timeline.Timeline, id claim.ID, opts *Options) error {
	set, err := opts.check()
	if err != nil {
		return err
	}
	r, err := readClaim(tl, id)
	if err != nil {
		return err
	}
	p := &claimPicture{set: set, tl: tl, reg: tl.Registry(), claim: r.claim, track: r.track, hist: r.hist, current: r.current}
	p.layout()
	bw := bufio.NewWriter(w)
	p.write(bw)
	return bw.Flush()
}

// The layout of a claim picture, in pixels.
const (
	marginLeft  = 190.0 // lane labels
	marginRight = 20.0
	bandTop     = 54.0
	bandHeight  = 22.0
	lanesTop    = 92.0
	groupHeader = 18.0
	rowHeight   = 30.0
	lanePad     = 12.0
	markRadius  = 7.0
	maxRows     = 6
	quoteRunes  = 280
	nameRunes   = 120
)

// A group is a kind of lane: which side of the claim a root is on.
type group uint8

const (
	groupAccusing group = iota
	groupDenying
	groupWitness
	groupInvestigator
	groupUnattributed
	groupCount
)

// groupNames are the headings of the groups.
var groupNames = [groupCount]string{
	groupAccusing:     "Accusing side",
	groupDenying:      "Denying side and parties",
	groupWitness:      "Independent witnesses and others",
	groupInvestigator: "Investigators",
	groupUnattributed: "No speaker given",
}

// A lane holds the statements of the sources under one affiliation root.
type lane struct {
	root     source.ID
	group    group
	label    string // cleaned
	speakers []string
	marks    []mark
	rows     int
	top      float64
}

// A mark is one statement on a lane.
type mark struct {
	entry  timeline.Entry
	x0, x1 float64 // the said period
	cx     float64
	row    int
}

// claimPicture is one claim's picture being laid out and written.
type claimPicture struct {
	set     settings
	tl      *timeline.Timeline
	reg     *source.Registry
	claim   claim.Claim
	track   []timeline.Entry
	hist    []timeline.StatusChange
	current timeline.Status

	axis   axis
	lanes  []*lane
	groups [groupCount][]*lane
	bottom float64 // of the lanes
}

// layout sorts the track into lanes and places every mark.
func (p *claimPicture) layout() {
	var sp span
	for _, e := range p.track {
		sp.add(e.Said.Start())
		sp.add(e.Said.End())
		sp.add(e.Reported)
	}
	for _, h := range p.hist {
		sp.add(h.At)
	}
	p.axis = newAxis(sp, marginLeft, p.set.width-marginRight)

	parties := map[source.ID]bool{}
	for _, a := range p.claim.Actors {
		if a.Role != claim.RoleTarget {
			parties[p.root(a.Source)] = true
		}
	}
	byRoot := map[source.ID]*lane{}
	for _, e := range p.track {
		r := p.root(e.Statement.Source)
		l := byRoot[r]
		if l == nil {
			l = &lane{root: r, group: groupWitness}
			byRoot[r] = l
			p.lanes = append(p.lanes, l)
		}
		name := p.sourceName(e.Statement.Source)
		if !contains(l.speakers, name) && len(l.speakers) < 20 {
			l.speakers = append(l.speakers, name)
		}
		x0, x1 := p.axis.x(e.Said.Start()), p.axis.x(e.Said.End())
		if e.Said.Precision() == claim.PrecisionInstant || !e.Said.IsValid() {
			x0 = p.axis.x(e.Reported)
			if e.Said.IsValid() {
				x0 = p.axis.x(e.Said.Start())
			}
			x1 = x0
		}
		l.marks = append(l.marks, mark{entry: e, x0: x0, x1: x1, cx: (x0 + x1) / 2})
	}
	p.assignGroups(byRoot, parties)
	y := lanesTop
	for g := range groupCount {
		if len(p.groups[g]) == 0 {
			continue
		}
		y += groupHeader
		for _, l := range p.groups[g] {
			l.stack()
			l.top = y
			y += lanePad + float64(l.rows)*rowHeight
		}
	}
	p.bottom = y
}

// assignGroups puts each lane in its group: investigators when one of its
// speakers is an investigator; the denying side for the claim's parties
// (accused, beneficiaries, subjects) and roots whose every statement with a
// polarity negates; the accusing side for the first other root whose
// statement affirms; the absent source apart; independent witnesses and
// others for the rest, the target among them.
func (p *claimPicture) assignGroups(byRoot map[source.ID]*lane, parties map[source.ID]bool) {
	pos, neg := map[source.ID]bool{}, map[source.ID]bool{}
	accuser := source.ID("")
	for _, e := range p.track {
		r := p.root(e.Statement.Source)
		l := byRoot[r]
		if p.reg.Investigator(e.Statement.Source) && !parties[r] {
			l.group = groupInvestigator
		}
		switch e.Statement.Factuality.Polarity {
		case claim.PolarityPositive:
			pos[r] = true
			if accuser == "" && !parties[r] && r != source.AbsentID && !p.reg.Investigator(e.Statement.Source) {
				accuser = r
			}
		case claim.PolarityNegative:
			neg[r] = true
		case claim.PolarityUnderspecified:
		}
	}
	for _, l := range p.lanes {
		switch {
		case l.group == groupInvestigator:
		case l.root == source.AbsentID:
			l.group = groupUnattributed
		case parties[l.root], neg[l.root] && !pos[l.root]:
			l.group = groupDenying
		case l.root == accuser:
			l.group = groupAccusing
		default:
			l.group = groupWitness
		}
		l.label = p.laneLabel(l.root)
		p.groups[l.group] = append(p.groups[l.group], l)
	}
}

// stack places the lane's marks in rows so that they do not overlap: each
// goes to the first row where it fits, or a new row, up to maxRows, after
// which it goes to the row that ends first. Marks come in track order,
// by the start of their said period.
func (l *lane) stack() {
	var ends []float64
	for i := range l.marks {
		m := &l.marks[i]
		left := min(m.x0, m.cx-markRadius-4)
		right := max(m.x1, m.cx+markRadius+8)
		row := -1
		for r, end := range ends {
			if end+2 <= left {
				row = r
				break
			}
		}
		if row < 0 && len(ends) < maxRows {
			ends = append(ends, 0)
			row = len(ends) - 1
		}
		if row < 0 {
			row = 0
			for r, end := range ends {
				if end < ends[row] {
					row = r
				}
			}
		}
		ends[row] = max(ends[row], right)
		m.row = row
	}
	l.rows = max(len(ends), 1)
}

// root returns the affiliation root of a source, or the source itself when
// the registry does not know it.
func (p *claimPicture) root(id source.ID) source.ID {
	if r, ok := p.reg.Root(id); ok {
		return r
	}
	return id
}

// sourceName returns a source's name, cleaned and cut, with "unnamed" for an
// unnamed source and "no speaker given" for the absent one.
func (p *claimPicture) sourceName(id source.ID) string {
	return sourceName(p.reg, id)
}

// sourceName returns a source's name as pictures show it.
func sourceName(reg *source.Registry, id source.ID) string {
	s, ok := reg.Source(id)
	if !ok {
		return clean(string(id), nameRunes)
	}
	switch s.Identity {
	case source.IdentityAbsent:
		return "no speaker given"
	case source.IdentityUnnamed:
		return clean(s.Name, nameRunes) + " (unnamed)"
	default:
		return clean(s.Name, nameRunes)
	}
}

// laneLabel returns the label of a root's lane.
func (p *claimPicture) laneLabel(root source.ID) string {
	return p.sourceName(root)
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// write writes the picture.
func (p *claimPicture) write(w *bufio.Writer) {
	width := p.set.width
	legend := newLegend(width)
	axisY := p.bottom + 8
	legendTop := axisY + 40
	height := legendTop + legend.height() + 12
	prefix := p.set.prefix
	title := "Timeline of the claim: " + clean(p.claim.Text, 200)

	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-title %s-desc" aria-label="%s" font-family="sans-serif">`+"\n",
		num(width), num(height), num(width), num(height), prefix, prefix, xmlText(title, 0))
	fmt.Fprintf(w, `<title id="%s-title">%s</title>`+"\n", prefix, xmlText(title, 0))
	fmt.Fprintf(w, `<desc id="%s-desc">%s</desc>`+"\n", prefix, xmlText(p.describe(), 0))
	writeDefs(w, prefix)
	fmt.Fprintf(w, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(width), num(height))

	// Heading.
	fmt.Fprintf(w, `<text x="12" y="22" font-size="15" font-weight="bold" fill="%s">%s</text>`+"\n",
		colourInk, xmlText(fit(p.claim.Text, width-24, 15), 0))
	sub := fmt.Sprintf("claim %s · now %s · %d statements", clean(string(p.claim.ID), 60), p.current, len(p.track))
	if p.claim.Event.IsValid() {
		sub += " · event " + p.claim.Event.String()
	}
	fmt.Fprintf(w, `<text x="12" y="40" font-size="11" fill="%s">%s</text>`+"\n", colourMuted, xmlText(sub, 0))

	// Grid lines behind everything else.
	ticks := p.axis.ticks(int((p.axis.x1 - p.axis.x0) / 90))
	for _, t := range ticks {
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#ececec"/>`+"\n", num(t.x), num(bandTop), num(t.x), num(axisY))
	}

	writeBand(w, p.set, p.axis, p.reg, p.hist, bandTop, bandHeight, "status")

	// Lanes.
	if len(p.track) == 0 {
		fmt.Fprintf(w, `<text x="%s" y="%s" font-size="12" fill="%s">No statement about this claim yet.</text>`+"\n",
			num(marginLeft), num(lanesTop+16), colourMuted)
	}
	shade := false
	for g := range groupCount {
		if len(p.groups[g]) == 0 {
			continue
		}
		top := p.groups[g][0].top
		fmt.Fprintf(w, `<text x="12" y="%s" font-size="11" font-weight="bold" fill="%s">%s</text>`+"\n",
			num(top-5), colourMuted, xmlText(groupNames[g], 0))
		for _, l := range p.groups[g] {
			h := lanePad + float64(l.rows)*rowHeight
			if shade {
				fmt.Fprintf(w, `<rect x="0" y="%s" width="%s" height="%s" fill="#f7f7f7"/>`+"\n", num(l.top), num(width), num(h))
			}
			shade = !shade
			fmt.Fprintf(w, `<g><title>%s</title><text x="12" y="%s" font-size="11" fill="%s">%s</text></g>`+"\n",
				xmlText("Sources under "+l.label+": "+strings.Join(l.speakers, ", "), 0),
				num(l.top+lanePad+rowHeight/2-2), colourInk, xmlText(fit(l.label, marginLeft-20, 11), 0))
			for _, m := range l.marks {
				p.writeMark(w, l, m)
			}
		}
	}

	// Axis.
	fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`+"\n", num(p.axis.x0), num(axisY), num(p.axis.x1), num(axisY), colourInk)
	for _, t := range ticks {
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/><text x="%s" y="%s" font-size="10" text-anchor="middle" fill="%s">%s</text>`+"\n",
			num(t.x), num(axisY), num(t.x), num(axisY+5), colourInk, num(t.x), num(axisY+17), colourInk, t.label)
	}
	fmt.Fprintf(w, `<text x="12" y="%s" font-size="10" fill="%s">said (bars: the period a date covers)</text>`+"\n", num(axisY+17), colourMuted)

	legend.write(w, prefix, legendTop, true)
	fmt.Fprint(w, "</svg>\n")
}

// writeMark writes one statement's mark: the bar of its said period, its
// shape, its factuality under it, and its title, in a link to its article.
func (p *claimPicture) writeMark(w *bufio.Writer, l *lane, m mark) {
	e := m.entry
	st := e.Statement
	cy := l.top + lanePad/2 + rowHeight/2 + float64(m.row)*rowHeight - 3
	colour := polarityColour(st.Factuality.Polarity)
	opacity := ""
	switch {
	case e.Discounted != timeline.Counted:
		opacity = ` opacity="0.35"`
	case e.Inherited:
		opacity = ` opacity="0.6"`
	}
	link := p.set.articleLink(e.Article)
	if link != "" {
		fmt.Fprintf(w, `<a href="%s">`, xmlText(link, 0))
	}
	fmt.Fprintf(w, `<g%s><title>%s</title>`, opacity, xmlLines(p.markTitle(e)))
	if m.x1-m.x0 >= 1 {
		fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="4" fill="%s" fill-opacity="0.3" stroke="%s" stroke-width="0.8"/>`,
			num(m.x0), num(cy-2), num(m.x1-m.x0), colour, colour)
	}
	identity := source.IdentityNamed
	if s, ok := p.reg.Source(st.Source); ok {
		identity = s.Identity
	}
	d := dash(identity)
	dashAttr := ""
	if d != "" {
		dashAttr = ` stroke-dasharray="` + d + `"`
	}
	fmt.Fprintf(w, `<path d="%s" fill="%s" stroke="%s" stroke-width="1.6"%s/>`,
		actShape(st.Act).path(m.cx, cy, markRadius), fill(p.set.prefix, st.Factuality), colour, dashAttr)
	if st.Factuality.Certainty == claim.CertaintyUnderspecified {
		fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="1.5" fill="%s"/>`, num(m.cx), num(cy), colour)
	}
	if e.Discounted != timeline.Counted {
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.2"/>`,
			num(m.cx-markRadius-2), num(cy+markRadius+2), num(m.cx+markRadius+2), num(cy-markRadius-2), colourInk)
	}
	fmt.Fprintf(w, `<text x="%s" y="%s" font-size="9" text-anchor="middle" fill="%s">%s</text></g>`,
		num(m.cx), num(cy+markRadius+10), colourInk, xmlText(st.Factuality.String(), 0))
	if link != "" {
		fmt.Fprint(w, `</a>`)
	}
	fmt.Fprint(w, "\n")
}

// markTitle returns the text a mark carries: speaker, act and factuality,
// when it was said, the article that reported it, and the quote.
func (p *claimPicture) markTitle(e timeline.Entry) string {
	st := e.Statement
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s, %s (%s, %s)", p.sourceName(st.Source), st.Act, st.Factuality,
		st.Factuality.Certainty, st.Factuality.Polarity)
	if len(st.Via) > 0 {
		b.WriteString(", through ")
		for i, v := range st.Via {
			if i == 5 {
				fmt.Fprintf(&b, " and %d more", len(st.Via)-i)
				break
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(p.sourceName(v))
		}
	}
	b.WriteString("\nsaid ")
	if e.SaidFromReport {
		b.WriteString("when first reported, " + dateOf(e.Reported))
	} else {
		b.WriteString(e.Said.String())
	}
	if e.Article != "" {
		b.WriteString("\nin " + articleName(p.reg, e.Article))
	}
	if q := quoteOf(st, e.Article); q != "" {
		b.WriteString("\n“" + clean(q, quoteRunes) + "”")
	}
	if e.Inherited {
		fmt.Fprintf(&b, "\nabout claim %s, which counts for this one", clean(string(st.Claim), nameRunes))
	}
	if e.Discounted != timeline.Counted {
		fmt.Fprintf(&b, "\ndoes not count: %s", e.Discounted)
	}
	if st.MachineAccepted {
		b.WriteString("\n" + machineNote)
	}
	return b.String()
}

// machineNote marks a statement a program accepted and no person has
// reviewed (claim.Statement.MachineAccepted), in the words of the
// timeline's text and the review desk.
const machineNote = "by machine, not reviewed"

// articleName describes an article: its title, outlet and publication day.
func articleName(reg *source.Registry, id source.ArticleID) string {
	a, ok := reg.Article(id)
	if !ok {
		return clean(string(id), nameRunes)
	}
	name := clean(string(id), nameRunes)
	if a.Title != "" {
		name = "“" + clean(a.Title, nameRunes) + "”"
	}
	if a.Outlet != "" {
		name += ", " + sourceName(reg, a.Outlet)
	}
	return name + ", " + dateOf(a.Published)
}

// quoteOf returns the exact text of the statement's mention in the article,
// or of its first mention.
func quoteOf(st claim.Statement, article source.ArticleID) string {
	for _, m := range st.Mentions {
		if m.Article == article {
			return m.Span.Exact
		}
	}
	if len(st.Mentions) > 0 {
		return st.Mentions[0].Span.Exact
	}
	return ""
}

// dateOf returns the day of t in UTC, or "" for the zero time.
func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// describe returns the picture's text alternative: the claim, its status
// history, and each statement in the order said.
func (p *claimPicture) describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Claim “%s”, %s now. ", clean(p.claim.Text, 200), p.current)
	if len(p.hist) > 0 {
		b.WriteString("Status history: ")
		for i, h := range p.hist {
			if i > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%s on %s, by %s", h.To, dateOf(h.At), p.sourceName(h.Source))
		}
		b.WriteString(". ")
	}
	if len(p.track) > 0 {
		b.WriteString("Statements in the order said: ")
		for i, e := range p.track {
			if i > 0 {
				b.WriteString("; ")
			}
			said := e.Said.String()
			if e.SaidFromReport {
				said = dateOf(e.Reported)
			}
			fmt.Fprintf(&b, "%s, %s %s (%s)", said, p.sourceName(e.Statement.Source), e.Statement.Act, e.Statement.Factuality)
			if e.Inherited {
				b.WriteString(", about a related claim")
			}
			if e.Statement.MachineAccepted {
				b.WriteString(", " + machineNote)
			}
		}
		b.WriteString(".")
	}
	return b.String()
}

// writeBand writes a claim's status band between the axis's ends at y:
// one segment per status it held, each filled with the status's colour and
// pattern and labelled with its name where it fits, and a marker at each
// change, carrying what caused it and linking to its article. Changes
// known at one instant share a marker. It takes time linear in the changes.
func writeBand(w *bufio.Writer, set settings, ax axis, reg *source.Registry, hist []timeline.StatusChange, y, h float64, label string) {
	if label != "" {
		fmt.Fprintf(w, `<text x="12" y="%s" font-size="11" fill="%s">%s</text>`+"\n", num(y+h/2+4), colourInk, xmlText(label, 0))
	}
	status := timeline.StatusUnreported
	from := ax.x0
	segment := func(to float64) {
		if to-from < 0.5 {
			return
		}
		st := styleOf(status)
		fmt.Fprintf(w, `<g><title>%s</title><rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`,
			xmlText(status.String(), 0), num(from), num(y), num(to-from), num(h), st.fill)
		if st.pattern != "" {
			fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="%s" fill="url(#%s-band-%s)"/>`,
				num(from), num(y), num(to-from), num(h), set.prefix, st.pattern)
		}
		if name := status.String(); textWidth(name, 10)+8 <= to-from {
			fmt.Fprintf(w, `<text x="%s" y="%s" font-size="10" fill="%s">%s</text>`,
				num(from+4), num(y+h/2+3.5), st.ink, xmlText(name, 0))
		}
		fmt.Fprint(w, "</g>\n")
	}
	for i := 0; i < len(hist); {
		j := i
		for j+1 < len(hist) && hist[j+1].At.Equal(hist[i].At) {
			j++
		}
		x := ax.x(hist[i].At)
		segment(x)
		from = max(from, x)
		status = hist[j].To
		i = j + 1
	}
	segment(ax.x1)
	for i := 0; i < len(hist); {
		j := i
		var t strings.Builder
		t.WriteString(dateOf(hist[i].At))
		for ; j < len(hist) && hist[j].At.Equal(hist[i].At); j++ {
			c := hist[j]
			fmt.Fprintf(&t, "\n%s → %s, by %s", c.From, c.To, sourceName(reg, c.Source))
			if c.Article != "" {
				t.WriteString(" in " + articleName(reg, c.Article))
			}
		}
		x := ax.x(hist[i].At)
		link := set.articleLink(hist[j-1].Article)
		if link != "" {
			fmt.Fprintf(w, `<a href="%s">`, xmlText(link, 0))
		}
		fmt.Fprintf(w, `<g><title>%s</title><path d="M%s %sL%s %sL%s %sZ" fill="%s"/><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5"/></g>`,
			xmlLines(t.String()), num(x-4), num(y-6), num(x+4), num(y-6), num(x), num(y), colourInk,
			num(x), num(y), num(x), num(y+h), colourInk)
		if link != "" {
			fmt.Fprint(w, `</a>`)
		}
		fmt.Fprint(w, "\n")
		i = j
	}
}

// claimRead is what both pictures of one claim read of it.
type claimRead struct {
	claim   claim.Claim
	track   []timeline.Entry
	hist    []timeline.StatusChange
	current timeline.Status
}

// readClaim reads the claim id from tl, failing as ClaimSVG and
// ClaimMermaid document for a nil timeline or an unknown claim.
func readClaim(tl *timeline.Timeline, id claim.ID) (claimRead, error) {
	if tl == nil {
		return claimRead{}, errNilTimeline
	}
	c, ok := tl.Claim(id)
	if !ok {
		return claimRead{}, &Error{Field: "claim", Value: source.Excerpt(string(id)), Err: ErrUnknownClaim}
	}
	r := claimRead{claim: c}
	var err error
	if r.track, err = tl.Track(id); err != nil {
		return claimRead{}, err
	}
	if r.hist, err = tl.History(id); err != nil {
		return claimRead{}, err
	}
	if r.current, err = tl.Current(id); err != nil {
		return claimRead{}, err
	}
	return r, nil
}
