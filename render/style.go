package render

import (
	"fmt"
	"io"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// The colours are the Okabe-Ito palette, told apart by readers with the
// common colour-vision deficiencies; and colour never carries meaning alone:
// each polarity has its sign in the label under a mark, each status its
// name in its band and a pattern of its own.
const (
	colourAffirms = "#d55e00" // vermillion
	colourNegates = "#0072b2" // blue
	colourNeither = "#6b6b6b" // grey
	colourInk     = "#1a1a1a"
	colourMuted   = "#595959"
	colourRule    = "#d0d0d0"
)

// polarityColour returns the colour of a polarity.
func polarityColour(p claim.Polarity) string {
	switch p {
	case claim.PolarityPositive:
		return colourAffirms
	case claim.PolarityNegative:
		return colourNegates
	default:
		return colourNeither
	}
}

// polarityKey names a polarity in pattern ids.
func polarityKey(p claim.Polarity) string {
	switch p {
	case claim.PolarityPositive:
		return "pos"
	case claim.PolarityNegative:
		return "neg"
	default:
		return "neu"
	}
}

// A shape is the outline of a statement's mark; the act decides it.
type shape uint8

const (
	shapeCircle  shape = iota // assert, report
	shapeUp                   // accuse
	shapeDiamond              // confirm, admit
	shapeDown                 // deny, reject
	shapeCross                // retract
	shapeSquare               // warn, threaten, urge, pledge, concern
	shapeHexagon              // question, decline-comment
	shapeCount
)

// actShape returns the shape of an act's mark.
func actShape(a claim.Act) shape {
	switch a {
	case claim.ActAccuse:
		return shapeUp
	case claim.ActConfirm, claim.ActAdmit:
		return shapeDiamond
	case claim.ActDeny, claim.ActReject:
		return shapeDown
	case claim.ActRetract:
		return shapeCross
	case claim.ActWarn, claim.ActThreaten, claim.ActUrge, claim.ActPledge, claim.ActConcern:
		return shapeSquare
	case claim.ActQuestion, claim.ActDeclineComment:
		return shapeHexagon
	default:
		return shapeCircle
	}
}

// shapeNames says in the legend which acts each shape stands for.
var shapeNames = [shapeCount]string{
	shapeCircle:  "assert, report",
	shapeUp:      "accuse",
	shapeDiamond: "confirm, admit",
	shapeDown:    "deny, reject",
	shapeCross:   "retract",
	shapeSquare:  "warn, threaten, urge, pledge, concern",
	shapeHexagon: "question, decline comment",
}

// path returns the SVG path of the shape centred on (x, y) with radius r.
func (s shape) path(x, y, r float64) string {
	switch s {
	case shapeUp:
		return fmt.Sprintf("M%s %sL%s %sL%s %sZ", num(x), num(y-r), num(x+r), num(y+r*0.8), num(x-r), num(y+r*0.8))
	case shapeDown:
		return fmt.Sprintf("M%s %sL%s %sL%s %sZ", num(x), num(y+r), num(x+r), num(y-r*0.8), num(x-r), num(y-r*0.8))
	case shapeDiamond:
		return fmt.Sprintf("M%s %sL%s %sL%s %sL%s %sZ", num(x), num(y-r), num(x+r), num(y), num(x), num(y+r), num(x-r), num(y))
	case shapeCross:
		a, w := r*0.8, r*0.3
		return fmt.Sprintf("M%s %sL%s %sL%s %sL%s %sL%s %sL%s %sL%s %sL%s %sL%s %sL%s %sL%s %sL%s %sZ",
			num(x-a), num(y-a+w), num(x-a+w), num(y-a), num(x), num(y-w), num(x+a-w), num(y-a),
			num(x+a), num(y-a+w), num(x+w), num(y), num(x+a), num(y+a-w), num(x+a-w), num(y+a),
			num(x), num(y+w), num(x-a+w), num(y+a), num(x-a), num(y+a-w), num(x-w), num(y))
	case shapeSquare:
		a := r * 0.8
		return fmt.Sprintf("M%s %sH%sV%sH%sZ", num(x-a), num(y-a), num(x+a), num(y+a), num(x-a))
	case shapeHexagon:
		h := r * 0.87
		return fmt.Sprintf("M%s %sL%s %sL%s %sL%s %sL%s %sL%s %sZ",
			num(x-r), num(y), num(x-r/2), num(y-h), num(x+r/2), num(y-h), num(x+r), num(y), num(x+r/2), num(y+h), num(x-r/2), num(y+h))
	default:
		return fmt.Sprintf("M%s %sa%s %s 0 1 0 %s 0a%s %s 0 1 0 %s 0Z", num(x-r), num(y), num(r), num(r), num(2*r), num(r), num(r), num(-2*r))
	}
}

// fill returns the fill of a mark: solid for a certain statement, hatched
// for a probable one, white for a possible or underspecified one (the
// latter with a dot in its centre, drawn by the caller).
func fill(prefix string, f claim.Factuality) string {
	switch f.Certainty {
	case claim.CertaintyCertain:
		return polarityColour(f.Polarity)
	case claim.CertaintyProbable:
		return "url(#" + prefix + "-hatch-" + polarityKey(f.Polarity) + ")"
	default:
		return "#ffffff"
	}
}

// dash returns the outline dashes of a speaker's identity: solid for a
// named source, dashed for an unnamed one, dotted for the absent source.
func dash(id source.Identity) string {
	switch id {
	case source.IdentityUnnamed:
		return "4 2"
	case source.IdentityAbsent:
		return "1 2"
	default:
		return ""
	}
}

// statusStyle is how a status is drawn in its band: a fill colour, a
// pattern over it (empty for none) and the colour of its label.
type statusStyle struct {
	fill, pattern, ink string
}

// statusStyles gives each status a colour and a pattern of its own (none
// for unreported); the pattern, and the status's name written in the band
// where it fits, carry it without colour.
var statusStyles = map[timeline.Status]statusStyle{
	timeline.StatusUnreported:   {"#f4f4f4", "", colourMuted},
	timeline.StatusReported:     {"#dedede", "dots", colourInk},
	timeline.StatusAlleged:      {"#f6d3b3", "rise", colourInk},
	timeline.StatusContested:    {"#e6c3d9", "cross", colourInk},
	timeline.StatusDenied:       {"#bcd8ec", "fall", colourInk},
	timeline.StatusCorroborated: {"#eea777", "rise-dense", colourInk},
	timeline.StatusConfirmed:    {"#b34f00", "rise-light", "#ffffff"},
	timeline.StatusRetracted:    {"#c9c9c9", "level", colourInk},
	timeline.StatusRefuted:      {"#005a8c", "fall-light", "#ffffff"},
}

// statusOrder lists the statuses as the legend shows them.
var statusOrder = []timeline.Status{
	timeline.StatusReported, timeline.StatusAlleged, timeline.StatusContested,
	timeline.StatusDenied, timeline.StatusCorroborated, timeline.StatusConfirmed,
	timeline.StatusRetracted, timeline.StatusRefuted,
}

// styleOf returns the style of a status; an out-of-range status is drawn
// as unreported.
func styleOf(s timeline.Status) statusStyle {
	if st, ok := statusStyles[s]; ok {
		return st
	}
	return statusStyles[timeline.StatusUnreported]
}

// writeDefs writes the patterns the marks and the bands use, their ids
// starting with prefix.
func writeDefs(w io.Writer, prefix string) {
	fmt.Fprint(w, "<defs>\n")
	for _, p := range []claim.Polarity{claim.PolarityPositive, claim.PolarityNegative, claim.PolarityUnderspecified} {
		fmt.Fprintf(w, `<pattern id="%s-hatch-%s" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"/><rect width="2" height="4" fill="%s"/></pattern>`+"\n",
			prefix, polarityKey(p), polarityColour(p))
	}
	patterns := map[string]string{
		"dots":       `<pattern id="%s-band-dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1" fill="#000000" fill-opacity="0.35"/></pattern>`,
		"rise":       `<pattern id="%s-band-rise" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="1.5" height="8" fill="#000000" fill-opacity="0.25"/></pattern>`,
		"rise-dense": `<pattern id="%s-band-rise-dense" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="1.5" height="4" fill="#000000" fill-opacity="0.25"/></pattern>`,
		"fall":       `<pattern id="%s-band-fall" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="1.5" height="8" fill="#000000" fill-opacity="0.25"/></pattern>`,
		"cross":      `<pattern id="%s-band-cross" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="1.5" height="8" fill="#000000" fill-opacity="0.25"/><rect width="8" height="1.5" fill="#000000" fill-opacity="0.25"/></pattern>`,
		"level":      `<pattern id="%s-band-level" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="1.5" fill="#000000" fill-opacity="0.25"/></pattern>`,
		"rise-light": `<pattern id="%s-band-rise-light" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="1" height="4" fill="#ffffff" fill-opacity="0.35"/></pattern>`,
		"fall-light": `<pattern id="%s-band-fall-light" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="1" height="4" fill="#ffffff" fill-opacity="0.35"/></pattern>`,
	}
	for _, name := range []string{"dots", "rise", "rise-dense", "fall", "cross", "level", "rise-light", "fall-light"} {
		fmt.Fprintf(w, patterns[name]+"\n", prefix)
	}
	fmt.Fprint(w, "</defs>\n")
}

// num formats a coordinate with one decimal.
func num(x float64) string {
	s := fmt.Sprintf("%.1f", x)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}
