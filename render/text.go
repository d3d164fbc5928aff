package render

import (
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/internal/display"
)

// The text of a corpus is hostile input: source names, claim texts, quotes
// and titles may hold markup, quotes, "]]>", terminal escapes, bidirectional
// overrides, NUL and, from callers who build a timeline by other means,
// invalid UTF-8. Every piece of it goes through clean before it is written,
// and then through escapeXML or mermaidText.

// clean returns s as one line of printable text: invalid UTF-8 and the
// characters XML 1.0 forbids, control characters (NUL and ESC among them),
// the bidirectional controls that reorder what a reader sees (U+202A-U+202E,
// U+2066-U+2069, U+200E, U+200F, U+061C) and noncharacters become U+FFFD;
// line breaks and tabs become a space. It cuts s to max runes, ending with
// "…", when max is positive. It takes time linear in the runes it keeps.
func clean(s string, max int) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if max > 0 && n == max {
			b.WriteString("…")
			break
		}
		n++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte(' ')
		case r == utf8.RuneError && size == 1, unsafeRune(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune reports the runes clean replaces with U+FFFD: those the
// desk's pages and the command's HTML replace too (display.Unsafe).
func unsafeRune(r rune) bool { return display.Unsafe(r) }

// escapeXML writes s, already cleaned, escaped for XML text and attribute
// values alike.
func escapeXML(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// xmlText returns s cleaned, cut to max runes and escaped for XML.
func xmlText(s string, max int) string {
	var b strings.Builder
	escapeXML(&b, clean(s, max))
	return b.String()
}

// xmlLines returns s escaped for XML with each of its lines cleaned: the
// text of a title, whose lines the picture chose.
func xmlLines(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		escapeXML(&b, clean(line, 0))
	}
	return b.String()
}

// mermaidReplacer replaces the characters that mean something in Mermaid's
// timeline syntax, or in the Markdown and HTML around it, with look-alikes
// that mean nothing: ':' separates events, '#' and "%%" start comments,
// ';' ends a statement, '<', '>' and '&' would be markup in the labels
// Mermaid draws, and '`' could close the Markdown code fence.
var mermaidReplacer = strings.NewReplacer(
	":", "\u2236", // RATIO
	"#", "\uff03", // FULLWIDTH NUMBER SIGN
	"%", "\uff05", // FULLWIDTH PERCENT SIGN
	";", "\uff1b", // FULLWIDTH SEMICOLON
	"<", "\u2039", // SINGLE LEFT-POINTING ANGLE QUOTATION MARK
	">", "\u203a", // SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
	"&", "\uff06", // FULLWIDTH AMPERSAND
	"`", "\u02cb", // MODIFIER LETTER GRAVE ACCENT
	"{", "\uff5b", // FULLWIDTH LEFT CURLY BRACKET
	"}", "\uff5d", // FULLWIDTH RIGHT CURLY BRACKET
)

// mermaidText returns s cleaned, cut to max runes and with Mermaid's
// special characters replaced.
func mermaidText(s string, max int) string {
	return strings.TrimSpace(mermaidReplacer.Replace(clean(s, max)))
}

// textWidth estimates the width in pixels of s in a sans-serif font of the
// given size: the picture has no font metrics, and labels are cut or left
// out by this estimate.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * 0.58
}

// fit returns s cut to the runes that fit in width pixels at the font size.
func fit(s string, width, size float64) string {
	n := int(width / (size * 0.58))
	if n < 1 {
		n = 1
	}
	return clean(s, n)
}
