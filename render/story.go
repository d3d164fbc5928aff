package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/claimtrail/claimtrail/timeline"
)

// StorySVG writes the picture of a whole story to w as a standalone SVG
// document: one row per claim, in corpus order, each with its status band
// along one shared time axis, its changes marked, and a link to the claim
// when Options.ClaimURL is set.
//
// It fails with an *Error wrapping ErrInvalid for a nil timeline or an
// option that is wrong, and otherwise returns the writer's first error.
//
// StorySVG takes time and memory linear in the number of claims plus their
// status changes; it does not read the tracks.
func StorySVG(w io.Writer, tl *timeline.Timeline, opts *Options) error {
	set, err := opts.check()
	if err != nil {
		return err
	}
	if tl == nil {
		return errNilTimeline
	}
	claims := tl.Claims()
	hists := make([][]timeline.StatusChange, len(claims))
	current := make([]timeline.Status, len(claims))
	var sp span
	for i, c := range claims {
		if hists[i], err = tl.History(c.ID); err != nil {
			return err
		}
		if current[i], err = tl.Current(c.ID); err != nil {
			return err
		}
		for _, h := range hists[i] {
			sp.add(h.At)
		}
	}
	reg := tl.Registry()
	const (
		labelWidth = 260.0
		top        = 50.0
		row        = 34.0
		band       = 20.0
	)
	width := set.width
	ax := newAxis(sp, labelWidth, width-marginRight)
	axisY := top + float64(len(claims))*row + 6
	legend := newStatusLegend(width)
	legendTop := axisY + 40
	height := legendTop + legend.height() + 12
	prefix := set.prefix

	var desc strings.Builder
	fmt.Fprintf(&desc, "%d claims. ", len(claims))
	for i, c := range claims {
		fmt.Fprintf(&desc, "“%s” is %s", clean(c.Text, 200), current[i])
		if n := len(hists[i]); n > 0 {
			fmt.Fprintf(&desc, " since %s (%d status changes since %s)", dateOf(hists[i][n-1].At), n, dateOf(hists[i][0].At))
		}
		desc.WriteString(". ")
	}
	title := "Status of each claim over time"

	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-title %s-desc" aria-label="%s" font-family="sans-serif">`+"\n",
		num(width), num(height), num(width), num(height), prefix, prefix, title)
	fmt.Fprintf(bw, `<title id="%s-title">%s</title>`+"\n", prefix, title)
	fmt.Fprintf(bw, `<desc id="%s-desc">%s</desc>`+"\n", prefix, xmlText(strings.TrimSpace(desc.String()), 0))
	writeDefs(bw, prefix)
	fmt.Fprintf(bw, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(width), num(height))
	fmt.Fprintf(bw, `<text x="12" y="24" font-size="15" font-weight="bold" fill="%s">%s</text>`+"\n", colourInk, title)
	fmt.Fprintf(bw, `<text x="12" y="40" font-size="11" fill="%s">%d claims; each band shows a claim's status as its statements became known</text>`+"\n", colourMuted, len(claims))

	ticks := ax.ticks(int((ax.x1 - ax.x0) / 90))
	for _, t := range ticks {
		fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#ececec"/>`+"\n", num(t.x), num(top), num(t.x), num(axisY))
	}
	for i, c := range claims {
		y := top + float64(i)*row
		label := fmt.Sprintf("%s (%s)", clean(c.Text, 0), clean(string(c.ID), nameRunes))
		link := set.claimLink(c.ID)
		if link != "" {
			fmt.Fprintf(bw, `<a href="%s">`, xmlText(link, 0))
		}
		fmt.Fprintf(bw, `<g><title>%s</title><text x="12" y="%s" font-size="11" fill="%s">%s</text><text x="12" y="%s" font-size="9" fill="%s">%s</text></g>`,
			xmlText(label, 500), num(y+band/2), colourInk, xmlText(fit(c.Text, labelWidth-24, 11), 0),
			num(y+band/2+11), colourMuted, xmlText(fit(string(c.ID)+" · now "+current[i].String(), labelWidth-24, 9), 0))
		if link != "" {
			fmt.Fprint(bw, `</a>`)
		}
		fmt.Fprint(bw, "\n")
		writeBand(bw, set, ax, reg, hists[i], y+4, band, "")
	}
	fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`+"\n", num(ax.x0), num(axisY), num(ax.x1), num(axisY), colourInk)
	for _, t := range ticks {
		fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/><text x="%s" y="%s" font-size="10" text-anchor="middle" fill="%s">%s</text>`+"\n",
			num(t.x), num(axisY), num(t.x), num(axisY+5), colourInk, num(t.x), num(axisY+17), colourInk, t.label)
	}
	fmt.Fprintf(bw, `<text x="12" y="%s" font-size="10" fill="%s">date said</text>`+"\n", num(axisY+17), colourMuted)
	legend.write(bw, prefix, legendTop, false)
	fmt.Fprint(bw, "</svg>\n")
	return bw.Flush()
}
