package render

import (
	"bufio"
	"fmt"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// A legend explains the picture's shapes, fills, outlines and bands. Its
// items flow left to right and wrap at the picture's width.
type legend struct {
	width float64
	items []legendItem
}

// A legendItem is one symbol and its meaning, or a heading that starts a
// line.
type legendItem struct {
	heading bool
	text    string
	draw    func(w *bufio.Writer, prefix string, x, y float64)
}

const (
	legendLine = 20.0
	legendFont = 10.0
)

// newLegend returns the legend of a picture of the given width.
func newLegend(width float64) *legend {
	l := &legend{width: width}
	l.add(true, "Act (shape)", nil)
	for s := range shapeCount {
		l.add(false, shapeNames[s], func(w *bufio.Writer, _ string, x, y float64) {
			fmt.Fprintf(w, `<path d="%s" fill="%s" stroke="%s" stroke-width="1.4"/>`, s.path(x, y, 6), colourNeither, colourNeither)
		})
	}
	l.add(true, "Polarity (colour, sign)", nil)
	for _, p := range []struct {
		pol  claim.Polarity
		text string
	}{{claim.PolarityPositive, "+ affirms"}, {claim.PolarityNegative, "- negates"}, {claim.PolarityUnderspecified, "u takes no side"}} {
		l.add(false, p.text, func(w *bufio.Writer, _ string, x, y float64) {
			fmt.Fprintf(w, `<path d="%s" fill="%s"/>`, shapeCircle.path(x, y, 6), polarityColour(p.pol))
		})
	}
	l.add(true, "Certainty (fill)", nil)
	for _, c := range []struct {
		f    claim.Factuality
		text string
	}{{claim.CTPlus(), "CT certain"}, {claim.PRPlus(), "PR probable"}, {claim.PSPlus(), "PS possible"}, {claim.Uu(), "U underspecified"}} {
		l.add(false, c.text, func(w *bufio.Writer, prefix string, x, y float64) {
			fmt.Fprintf(w, `<path d="%s" fill="%s" stroke="%s" stroke-width="1.4"/>`, shapeCircle.path(x, y, 6), fill(prefix, c.f), colourAffirms)
			if c.f.Certainty == claim.CertaintyUnderspecified {
				fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="1.5" fill="%s"/>`, num(x), num(y), colourAffirms)
			}
		})
	}
	l.add(true, "Speaker (outline)", nil)
	for _, i := range []struct {
		id   source.Identity
		text string
	}{{source.IdentityNamed, "named"}, {source.IdentityUnnamed, "unnamed"}, {source.IdentityAbsent, "no speaker given"}} {
		l.add(false, i.text, func(w *bufio.Writer, _ string, x, y float64) {
			d := dash(i.id)
			if d != "" {
				d = ` stroke-dasharray="` + d + `"`
			}
			fmt.Fprintf(w, `<path d="%s" fill="#ffffff" stroke="%s" stroke-width="1.6"%s/>`, shapeCircle.path(x, y, 6), colourInk, d)
		})
	}
	l.add(false, "faded: about a related claim", func(w *bufio.Writer, _ string, x, y float64) {
		fmt.Fprintf(w, `<path d="%s" fill="%s" opacity="0.6"/>`, shapeCircle.path(x, y, 6), colourNeither)
	})
	l.add(false, "struck: does not count", func(w *bufio.Writer, _ string, x, y float64) {
		fmt.Fprintf(w, `<path d="%s" fill="%s" opacity="0.35"/><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.2"/>`,
			shapeCircle.path(x, y, 6), colourNeither, num(x-7), num(y+7), num(x+7), num(y-7), colourInk)
	})
	l.addStatuses()
	return l
}

// newStatusLegend returns a legend of the statuses alone, for a story
// picture.
func newStatusLegend(width float64) *legend {
	l := &legend{width: width}
	l.addStatuses()
	return l
}

// addStatuses adds the status bands and the change marker.
func (l *legend) addStatuses() {
	l.add(true, "Status (band)", nil)
	for _, s := range statusOrder {
		st := styleOf(s)
		l.add(false, s.String(), func(w *bufio.Writer, prefix string, x, y float64) {
			fmt.Fprintf(w, `<rect x="%s" y="%s" width="14" height="10" fill="%s" stroke="%s" stroke-width="0.5"/>`, num(x-7), num(y-5), st.fill, colourMuted)
			if st.pattern != "" {
				fmt.Fprintf(w, `<rect x="%s" y="%s" width="14" height="10" fill="url(#%s-band-%s)"/>`, num(x-7), num(y-5), prefix, st.pattern)
			}
		})
	}
	l.add(false, "status change", func(w *bufio.Writer, _ string, x, y float64) {
		fmt.Fprintf(w, `<path d="M%s %sL%s %sL%s %sZ" fill="%s"/><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`,
			num(x-4), num(y-7), num(x+4), num(y-7), num(x), num(y-1), colourInk, num(x), num(y-1), num(x), num(y+7), colourInk)
	})
}

// add appends an item.
func (l *legend) add(heading bool, text string, draw func(w *bufio.Writer, prefix string, x, y float64)) {
	l.items = append(l.items, legendItem{heading: heading, text: text, draw: draw})
}

// place calls at for each item with its position, and returns the number of
// lines the legend takes.
func (l *legend) place(at func(it legendItem, x float64, line int)) int {
	x, line := 12.0, 0
	for i, it := range l.items {
		w := textWidth(it.text, legendFont) + 12
		if !it.heading {
			w += 20
		}
		if it.heading && i > 0 || x+w > l.width-12 && x > 12 {
			x, line = 12, line+1
		}
		at(it, x, line)
		x += w
	}
	return line + 1
}

// height returns the height the legend takes.
func (l *legend) height() float64 {
	return float64(l.place(func(legendItem, float64, int) {})) * legendLine
}

// write writes the legend with its first line at top.
func (l *legend) write(w *bufio.Writer, prefix string, top float64, _ bool) {
	fmt.Fprint(w, `<g font-size="10">`+"\n")
	l.place(func(it legendItem, x float64, line int) {
		y := top + float64(line)*legendLine
		if it.heading {
			fmt.Fprintf(w, `<text x="%s" y="%s" font-weight="bold" fill="%s">%s</text>`+"\n", num(x), num(y+4), colourInk, xmlText(it.text, 0))
			return
		}
		it.draw(w, prefix, x+7, y)
		fmt.Fprintf(w, `<text x="%s" y="%s" fill="%s">%s</text>`+"\n", num(x+18), num(y+4), colourInk, xmlText(it.text, 0))
	})
	fmt.Fprint(w, "</g>\n")
}
