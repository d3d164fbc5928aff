package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/claimtrail/claimtrail/internal/enumtext"
)

// Cleaned is scraped article text sorted into the paragraphs worth reading
// and the page furniture around them. Offsets are byte offsets into the
// original text, so anything found in a kept block points straight back at
// the page as saved.
type Cleaned struct {
	// Text is the original text. It is left out of JSON, which is read
	// beside the text it came from.
	Text string `json:"-"`
	// Blocks are the kept paragraphs and headings, in text order.
	Blocks []Block `json:"blocks"`
	// Dropped are the lines left out, in text order, each with its reason.
	Dropped []Drop `json:"dropped,omitempty"`
}

// Block is one kept paragraph or heading: a line of the original text, or
// several when a paragraph is wrapped over lines.
type Block struct {
	// Start and End are byte offsets into the original text, End exclusive,
	// without surrounding white space.
	Start int `json:"start"`
	End   int `json:"end"`
	// Heading is true for a headline or section heading: a short line that
	// does not end a sentence.
	Heading bool `json:"heading,omitempty"`
}

// Drop is a line of the original text left out of the article, and why.
type Drop struct {
	// Start and End are byte offsets into the original text, End exclusive.
	Start int `json:"start"`
	End   int `json:"end"`
	// Reason says why the line was dropped.
	Reason Reason `json:"reason"`
}

// Reason says why a line was dropped as page furniture. Its methods and
// ParseReason take constant time, or linear in the name read.
type Reason uint8

// The reasons a line is dropped. The zero Reason is ReasonUnknown, which
// Clean never gives.
const (
	ReasonUnknown    Reason = iota
	ReasonNavigation        // a menu, share or sign-up line: "Home", "Connect with us"
	ReasonImage             // an image caption or size tokens: "... for 750x375 1", "1x 1 2"
	ReasonAd                // an advertisement or app promotion: "Advertisement", "CTN News App"
	ReasonEndMarker         // the end of the article: "Continue Reading", "Related News"
	ReasonRelated           // a link after the end of the article: related headlines, ads
	ReasonRepeat            // a line that repeats an earlier kept line, such as a headline printed twice
	ReasonByline            // a byline or dateline: "By Jane Doe", "Updated 3 hours ago"
)

var reasonNames = []string{"unknown", "navigation", "image", "ad", "end-marker", "related", "repeat", "byline"}

// ParseReason returns the reason named s, ignoring case and surrounding
// space; the empty string is ReasonUnknown. An unknown name gives a
// [*Error] wrapping [source.ErrUnknownName] that quotes it and
// lists the valid names. Work is linear in the length of s.
func ParseReason(s string) (Reason, error) { return reasonText.Parse(s) }

var reasonText = enumtext.New(enumtext.Config[Reason]{
	Type:           "Reason",
	Field:          "reason",
	Names:          reasonNames,
	UnknownZero:    true,
	Err:            enumErr,
	ErrUnknownName: errUnknownName,
	ErrInvalid:     errInvalid,
})

// String returns the reason's name, such as "image", or "Reason(42)" for an
// out-of-range value.
func (r Reason) String() string { return reasonText.String(r) }

// IsValid reports whether r is one of the reasons other than ReasonUnknown.
func (r Reason) IsValid() bool { return reasonText.IsValid(r) }

// MarshalText returns the reason's name. ReasonUnknown marshals as "unknown";
// an out-of-range value gives a [*Error] wrapping [source.ErrInvalid].
func (r Reason) MarshalText() ([]byte, error) { return reasonText.Marshal(r) }

// UnmarshalText parses a name as [ParseReason] does; on error it leaves r
// unchanged.
func (r *Reason) UnmarshalText(b []byte) error { return reasonText.Unmarshal(r, b) }

// Clean sorts text into kept blocks and dropped lines. It never fails: text
// that is not page furniture is kept, and invalid UTF-8 is kept as it is.
// Every line of text ends up in exactly one block or drop, except blank
// lines. Clean is safe for concurrent use. Work is linear in the length of
// text, and memory in its number of lines: the blocks and drops refer to
// text, which is not copied.
func Clean(text string) Cleaned {
	c := Cleaned{Text: text, Blocks: []Block{}}
	var lw lineWords
	seen := make(map[string]bool)
	ended := false // an end marker was seen
	prevBlank := true
	titled := "" // the headline a page title before it repeated
	for start := 0; start < len(text); {
		// Lines end at "\n", "\r\n" or a lone "\r" (old Mac files).
		end := lineEnd(text[start:])
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += start
			next = end + 1
			if text[end] == '\r' && next < len(text) && text[next] == '\n' {
				next++
			}
		}
		s, e := trimSpace(text, start, end)
		start = next
		if s == e {
			prevBlank = true
			continue
		}
		if n := dateMarker(text[s:e]); n > 0 {
			// A stored page's " date 2020-09-03" marker before the first
			// line: a dateline, not the headline's first words.
			c.Dropped = append(doubled(c.Dropped), Drop{Start: s, End: s + n, Reason: ReasonByline})
			if s, _ = trimSpace(text, s+n, e); s == e {
				prevBlank = true
				continue
			}
		}
		pageHead := false
		if n := dateline(text[s:e]); n > 0 {
			// "MANILA • The bank said ...": the dateline is not the
			// paragraph's first words.
			c.Dropped = append(doubled(c.Dropped), Drop{Start: s, End: s + n, Reason: ReasonByline})
			s, _ = trimSpace(text, s+n, e)
		}
		title := pageTitle(text[s:e])
		if t := title; t != text[s:e] && t == nextLine(text, start) {
			// A page title, "Ferry fares rise - The Courier", before the
			// headline it repeats: the site's name goes, the headline after
			// it is a repeat.
			c.Dropped = append(doubled(c.Dropped), Drop{Start: s + len(t), End: e, Reason: ReasonNavigation})
			_, e = trimSpace(text, s, s+len(t))
			pageHead = true
			title = pageTitle(text[s:e])
		}
		line := text[s:e]
		lw.read(line)
		reason := lw.furniture(line, ended)
		switch {
		case reason == ReasonEndMarker:
			ended = true
		case reason == ReasonUnknown && lw.words > 14:
			// Prose after an end marker ("Also read" in mid-article): the
			// article goes on.
			ended = false
		}
		if reason == ReasonUnknown && line == titled {
			reason = ReasonRepeat
		}
		titled = ""
		if pageHead {
			titled = line
		}
		if reason == ReasonUnknown && !endsSentence(line) {
			// A headline printed twice; a sentence said twice is kept. A
			// page title is the headline with the site's name after it
			// ("... - The Courier"), and a link to the story repeats the
			// headline's first five words and then its address's slug.
			key := line
			if len(key) > 200 {
				key = key[:200]
			}
			first := firstWords(line, 5)
			switch {
			case lw.words >= 3 && (seen[key] || seen[title]):
				reason = ReasonRepeat
			case first != "" && lw.words <= 16 && seen[first]:
				reason = ReasonRepeat
			default:
				seen[key] = true
				if first != "" && lw.words <= 16 {
					seen[first] = true
				}
			}
		}
		if reason != ReasonUnknown {
			c.Dropped = append(doubled(c.Dropped), Drop{Start: s, End: e, Reason: reason})
			prevBlank = false
			continue
		}
		heading := lw.heading(line) || pageHead
		// A paragraph wrapped over lines continues when the previous line
		// was kept and did not end its sentence, and this one goes on in
		// lower case or is prose itself.
		if n := len(c.Blocks); n > 0 && !prevBlank && c.Blocks[n-1].End == lastKeptEnd(c) &&
			!endsParagraph(text[c.Blocks[n-1].Start:c.Blocks[n-1].End]) && (startsLower(line) || !heading && !c.Blocks[n-1].Heading) {
			c.Blocks[n-1].End = e
			c.Blocks[n-1].Heading = false
			prevBlank = false
			continue
		}
		c.Blocks = append(doubled(c.Blocks), Block{Start: s, End: e, Heading: heading})
		prevBlank = false
	}
	return c
}

// lastKeptEnd is the end of the last kept block, or -1 when a drop came
// after it, so that a drop between two lines keeps them apart.
func lastKeptEnd(c Cleaned) int {
	b := c.Blocks[len(c.Blocks)-1]
	if n := len(c.Dropped); n > 0 && c.Dropped[n-1].Start > b.Start {
		return -1
	}
	return b.End
}

// lineWords holds what Clean needs to know about one line.
type lineWords struct {
	words    int  // words of letters
	sizes    int  // size tokens: "750x375", "1x"
	numbers  int  // plain numbers
	lastSize bool // the line ends with size tokens and numbers
	low      []byte
}

func (lw *lineWords) read(line string) {
	lw.words, lw.sizes, lw.numbers, lw.lastSize = 0, 0, 0, false
	if len(line) > 400 {
		// A paragraph of prose: no caption, menu or link line is this
		// long, and counting its words would tell nothing more.
		lw.words = len(line) / 8
		return
	}
	for i := 0; i < len(line); {
		for i < len(line) && fieldSpace(line, i) > 0 {
			i += fieldSpace(line, i)
		}
		j := i
		for j < len(line) {
			if c := line[j]; c == ' ' || c == '\t' || c == '\r' || c == 0xC2 && fieldSpace(line, j) > 0 {
				break
			}
			j++
		}
		if j == i {
			break
		}
		f := line[i:j]
		i = j
		switch {
		case f[0] >= '0' && f[0] <= '9' && isSizeToken(f): // the cheap test first: most fields are words
			lw.sizes++
			lw.lastSize = true
		case f[0] >= '0' && f[0] <= '9' && isNumber(f):
			lw.numbers++
		default:
			lw.words++
			lw.lastSize = false
			if lw.words > 24 && lw.sizes == 0 {
				return // prose: the rest of the line changes nothing
			}
		}
	}
}

// fieldSpace returns the width of the space at line[i] (a space, tab,
// carriage return or no-break space), or 0.
func fieldSpace(line string, i int) int {
	switch line[i] {
	case ' ', '\t', '\r':
		return 1
	case 0xC2:
		if i+1 < len(line) && line[i+1] == 0xA0 {
			return 2
		}
	}
	return 0
}

// furniture returns why line is page furniture, or ReasonUnknown when it is
// article text. After an end marker, short lines that are not sentences are
// related links.
func (lw *lineWords) furniture(line string, ended bool) Reason {
	if lw.sizes > 0 && (lw.words == 0 || lw.lastSize) || photoCredit(line) {
		return ReasonImage
	}
	if lw.words <= 24 && !endsSentence(line) && strings.Count(line, "; ") >= 2 {
		// "Storm latest: roads shut; ferries stop; mayor says ..." is a
		// row of links to other stories.
		return ReasonRelated
	}
	if r := lw.prefixed(line); r != ReasonUnknown {
		return r
	}
	if lw.words > 14 && lw.sizes == 0 {
		return ReasonUnknown // a paragraph of prose
	}
	lw.low = appendLower(lw.low[:0], line)
	// low reads lw.low in place, without a copy: nothing below keeps it
	// or writes lw.low while it is read.
	low := strings.TrimRight(unsafe.String(unsafe.SliceData(lw.low), len(lw.low)), " .:»›>|")
	if lw.words <= 12 && isMenu(low) {
		return ReasonNavigation
	}
	if lw.words <= 4 {
		switch {
		case endMarkers[low]:
			return ReasonEndMarker
		case navigation[low]:
			return ReasonNavigation
		case adLines[low] || strings.HasSuffix(low, " app") || strings.HasPrefix(low, "download ") || strings.HasPrefix(low, "get the "):
			return ReasonAd
		}
	}
	if lw.words <= 12 && (strings.HasPrefix(low, "by ") || strings.HasPrefix(low, "updated ") || strings.HasPrefix(low, "published ") || strings.HasPrefix(low, "posted ")) && !endsSentence(line) {
		return ReasonByline
	}
	if lw.words <= 8 && !endsSentence(line) && agencyDateline(low) {
		return ReasonByline
	}
	if lw.words <= 12 && (strings.Contains(low, "cookie") || strings.HasPrefix(low, "share this") || strings.HasPrefix(low, "follow us")) {
		return ReasonNavigation
	}
	if ended && lw.words <= 14 && !endsSentence(line) {
		return ReasonRelated
	}
	return ReasonUnknown
}

// heading reports whether a kept line is a headline or section heading:
// short, and not ending a sentence.
func (lw *lineWords) heading(line string) bool {
	return lw.words <= 16 && !endsSentence(line)
}

// startsLower reports whether line starts with a lower-case letter.
func startsLower(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r)
}

// isMenu reports whether a line is a row of menu items: three or more short
// items separated by "|", "·" or "•".
func isMenu(low string) bool {
	n := strings.Count(low, "|") + strings.Count(low, "·") + strings.Count(low, "•")
	return n >= 2
}

// endsParagraph reports whether a kept line closes its paragraph: it ends
// with a full stop, question or exclamation mark or a closing quotation
// mark. A line ending in a comma, semicolon or colon goes on in the next.
func endsParagraph(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', '!', '?', '…', '"', '”', '’', '»':
		return true
	}
	return false
}

// endsSentence reports whether line ends as a sentence does: with a full
// stop, question or exclamation mark, or a closing quotation mark.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', '!', '?', '…', '"', '”', '’', '»', ':', ';', ',':
		return true
	}
	return false
}

// isSizeToken reports whether f is an image size token: "750x375", "1x",
// "2x".
func isSizeToken(f string) bool {
	x := strings.IndexByte(f, 'x')
	if x <= 0 || !isNumber(f[:x]) {
		return false
	}
	return x == len(f)-1 || isNumber(f[x+1:])
}

func isNumber(f string) bool {
	if f == "" {
		return false
	}
	for i := 0; i < len(f); i++ {
		if f[i] < '0' || f[i] > '9' {
			return false
		}
	}
	return true
}

// dateMarker returns the length of a leading "date 2020-09-03" marker in
// line, or 0.
func dateMarker(line string) int {
	const n = len("date 2020-09-03")
	if len(line) < n || !strings.HasPrefix(line, "date ") {
		return 0
	}
	for i := 5; i < n; i++ {
		if c := line[i]; (i == 9 || i == 12) != (c == '-') || c != '-' && (c < '0' || c > '9') {
			return 0
		}
	}
	if len(line) > n && line[n] != ' ' && line[n] != '\t' {
		return 0
	}
	return n
}

// trimSpace returns the bounds of text[s:e] without white space at its ends.
func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := decode(text, s)
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

var endMarkers = lex.class("endMarkers")

var linkPrefixes = lex.class("linkPrefixes")

var captionPrefixes = lex.class("captionPrefixes")

var navigation = lex.class("navigation")

var adLines = lex.class("adLines")

// prefixed returns why a line is furniture by its first words: a link ("Read: ...", "Related article: ...", "Short
// link: ...") or a picture's caption ("File - ...", "(Image: ...)"), or
// ReasonUnknown.
func (lw *lineWords) prefixed(line string) Reason {
	// The label is within a line's first 20 bytes; the dashes are 3 bytes.
	k := labelEnd(line[:min(len(line), 23)])
	if k <= 0 || k > 20 {
		return ReasonUnknown
	}
	if _, n := utf8.DecodeRuneInString(line[k:]); k+n < len(line) && line[k+n] != ' ' {
		return ReasonUnknown // "read-only", "re-run"
	}
	lw.low = appendLower(lw.low[:0], line[:k])
	head := bytes.TrimPrefix(bytes.TrimSpace(lw.low), []byte("("))
	switch {
	case linkPrefixes[string(head)]:
		return ReasonRelated
	case captionPrefixes[string(head)]:
		return ReasonImage
	}
	return ReasonUnknown
}

// labelEnd is strings.IndexAny(s, ":|-–—") without decoding runes: the
// dashes are the only marks outside ASCII, and only whole ones count.
func labelEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':', '|', '-':
			return i
		case 0xE2: // "–" is E2 80 93, "—" is E2 80 94
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x93 || s[i+2] == 0x94) {
				return i
			}
		}
	}
	return -1
}

// photoCredit reports whether line ends with a picture's credit: an
// agency in capitals, a slash and the photographer's name ("... over the
// harbour. AFP/Lena Dorsk"), or "(Image: ...)".
func photoCredit(line string) bool {
	if strings.HasSuffix(line, ")") {
		if k := strings.LastIndex(line, "("); k >= 0 && captionPrefixes[strings.ToLower(strings.TrimSpace(strings.SplitN(line[k+1:], ":", 2)[0]))] && strings.Contains(line[k:], ":") {
			return true
		}
	}
	slash := strings.LastIndexByte(line, '/')
	if slash < 0 || len(line)-slash > 48 {
		return false
	}
	f := strings.Fields(line[max(0, slash-16):])
	for k := len(f) - 1; k >= 0 && k >= len(f)-3; k-- {
		agency, name, ok := strings.Cut(f[k], "/")
		if !ok {
			continue
		}
		return len(agency) >= 2 && strings.ToUpper(agency) == agency && strings.ToLower(agency) != agency && startsUpper(name) &&
			!endsSentence(line) && allUpperStart(f[k+1:])
	}
	return false
}

// allUpperStart reports whether every word starts with a capital.
func allUpperStart(words []string) bool {
	for _, w := range words {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// agencyDateline reports whether a short line is a news agency's name and
// a date: "AFP , Saturday 29 Oct 2022".
func agencyDateline(low string) bool {
	n := 0
	for w := range strings.FieldsFuncSeq(low, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		switch {
		case n == 0 && !agencyNames[w]:
			return false
		case n > 0 && (weekdays[w] || monthNames[w]):
			return true
		}
		n++
	}
	return false
}

var agencyNames = lex.class("agencyNames")

// dateline returns the length of a dateline opening line, with the space
// after it, or 0: one or more place names in capitals, separated by "/"
// or ",", perhaps in brackets or followed by an agency in brackets, and a
// dash, bullet or colon ("OSLO - ", "(TALLINN) — ", "RIGA/TARTU • ",
// "NEW YORK (Wire) - "). What follows must start a sentence.
func dateline(line string) int {
	i, letters := 0, 0
	if strings.HasPrefix(line, "(") {
		i++
	}
	for i < len(line) {
		r, n := utf8.DecodeRuneInString(line[i:])
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == ' ' || r == '/' || r == ',' || r == '.' && letters > 0:
		default:
			goto sep
		}
		i += n
	}
sep:
	if letters < 3 || i > 40 {
		return 0
	}
	if i < len(line) && line[i] == ')' {
		i++
	} else if i < len(line) && line[i] == '(' {
		// "NEW YORK (Wire) -"
		k := strings.IndexByte(line[i:], ')')
		if k < 0 || k > 20 {
			return 0
		}
		i += k + 1
	}
	for i < len(line) && line[i] == ' ' {
		i++
	}
	r, n := utf8.DecodeRuneInString(line[i:])
	if r != '-' && r != '—' && r != '–' && r != '•' && r != ':' {
		return 0
	}
	i += n
	if i >= len(line) || line[i] != ' ' {
		return 0
	}
	for i < len(line) && line[i] == ' ' {
		i++
	}
	r, _ = utf8.DecodeRuneInString(line[i:])
	if !unicode.IsUpper(r) && r != '"' && r != '“' && r != '‘' && !unicode.IsDigit(r) {
		return 0
	}
	if head := strings.ToLower(strings.TrimSpace(strings.Trim(line[:strings.IndexAny(line, "-—–•:")], "() "))); captionPrefixes[head] || linkPrefixes[head] {
		return 0 // "FILE - ..." is a caption, "READ: ..." a link, dropped whole
	}
	return i
}

// pageTitle returns line without a site's name after a dash or bar at its
// end ("Ferry fares rise - The Courier"), or line when it has none.
func pageTitle(line string) string {
	// A page title is a headline and a site's name of at most four words:
	// a paragraph is none, and only a title's tail holds the separator.
	if len(line) > maxTitle {
		return line
	}
	from := max(0, len(line)-titleTail)
	// One backward pass finds the last place of each separator; they are
	// then tried in order, as a site's name follows the first that fits.
	var last [len(titleSeps)]int
	for i := range last {
		last[i] = -1
	}
	for i, hits := len(line)-3, 0; i >= from && i > 0 && hits < len(titleSeps); i-- {
		if line[i] != ' ' {
			continue
		}
		// Every separator's second byte is '-', '|' or the dashes' first.
		if c := line[i+1]; c != '-' && c != '|' && c != 0xE2 {
			continue
		}
		for k, sep := range titleSeps {
			if last[k] < 0 && strings.HasPrefix(line[i:], sep) {
				last[k] = i
				hits++
			}
		}
	}
	for k, sep := range titleSeps {
		if last[k] < 0 {
			continue
		}
		site := strings.Fields(line[last[k]+len(sep):])
		if len(site) == 0 || len(site) > 4 || !allUpperStart(site) {
			continue
		}
		return strings.TrimSpace(line[:last[k]])
	}
	return line
}

// lineEnd is strings.IndexAny(s, "\r\n"): the index of the first line
// break, or -1. Two byte searches are faster than IndexAny's set, and the
// search for '\r', which most text lacks, stops at the first '\n'.
func lineEnd(s string) int {
	n := strings.IndexByte(s, '\n')
	seg := s
	if n >= 0 {
		seg = s[:n]
	}
	if r := strings.IndexByte(seg, '\r'); r >= 0 {
		return r
	}
	return n
}

// titleSeps are the separators before a site's name in a page title.
var titleSeps = [...]string{" - ", " | ", " – ", " — "}

// maxTitle is the longest line pageTitle takes for a page title, and
// titleTail how many bytes at its end it searches for the separator before
// a site's name.
const (
	maxTitle  = 400
	titleTail = 80
)

// nextLine returns the next line of text from start that is not blank,
// without white space at its ends.
func nextLine(text string, start int) string {
	for start < len(text) {
		end := lineEnd(text[start:])
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s, e := trimSpace(text, start, end); s < e {
			return text[s:e]
		}
		start = end + 1
	}
	return ""
}

// firstWords returns the first n words of a heading of more than n words,
// in lower case and marked apart from whole lines, or "" for a shorter line.
func firstWords(line string, n int) string {
	// Only the first n+1 fields matter: splitting a whole paragraph
	// allocated a slice of all its words.
	var buf [8]string
	f := buf[:0]
	for w := range strings.FieldsSeq(line) {
		if f = append(f, w); len(f) > n {
			break
		}
	}
	if len(f) <= n {
		return ""
	}
	return "\x00" + strings.ToLower(strings.Join(f[:n], " "))
}
