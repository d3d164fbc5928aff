package claim

import (
	"bytes"
	"fmt"
	"time"
	"unicode/utf8"
)

// utf8BOM is the byte-order mark some editors put at the start of a UTF-8
// file. It is not JSON, but it says nothing wrong about the document.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// blankBOM overwrites a leading UTF-8 byte-order mark in data with spaces,
// which JSON skips, so that byte offsets in later errors still count from
// the start of the file.
func blankBOM(data []byte) {
	if bytes.HasPrefix(data, utf8BOM) {
		copy(data, "   ")
	}
}

// notUTF8 reports a document that is empty or encoded in UTF-16, the two
// mistakes that would otherwise read as a syntax error or as invalid UTF-8
// at byte 0; nil otherwise. It looks at the first few bytes only.
func notUTF8(data []byte) error {
	if len(bytes.TrimLeft(data, " \t\r\n")) == 0 {
		return fieldErr("corpus", "", fmt.Errorf("%w: the document is empty, want a JSON corpus document", ErrEmpty))
	}
	var enc string
	switch {
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = "UTF-16 big-endian byte-order mark"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc = "UTF-16 little-endian byte-order mark"
	case len(data) >= 2 && data[0] == 0 && data[1] != 0:
		enc = "UTF-16 big-endian text"
	case len(data) >= 2 && data[0] != 0 && data[1] == 0:
		enc = "UTF-16 little-endian text"
	default:
		return nil
	}
	return corpusErrAt(0, enc, fmt.Errorf("%w: the document is UTF-16, convert it to UTF-8", ErrInvalidUTF8))
}

// looksLike names what a document that is not JSON appears to be, for the
// files most often passed by mistake: an HTML page (a saved article) or a
// CSV or TSV table (a spreadsheet export). It returns the error to report,
// quoting the document's first line, or nil when it recognises neither.
// It reads at most the first line.
func looksLike(data []byte) error {
	text := bytes.TrimLeft(data, " \t\r\n")
	line, _, _ := bytes.Cut(text, []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	if len(line) > 1024 {
		line = line[:1024]
	}
	first := string(line)
	if !utf8.ValidString(first) {
		return nil
	}
	var what string
	switch {
	case len(line) == 0:
		return nil
	case line[0] == '<':
		lower := bytes.ToLower(line)
		switch {
		case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")),
			bytes.Contains(lower, []byte("<head")), bytes.Contains(lower, []byte("<body")):
			what = "an HTML page"
		case bytes.HasPrefix(lower, []byte("<?xml")):
			what = "an XML document"
		default:
			what = "HTML or XML markup"
		}
	case bytes.ContainsAny(line[:1], "{[\"-0123456789"):
		return nil // JSON, broken further on
	case bytes.Contains(line, []byte("\t")):
		what = "a TSV table (tab-separated values)"
	case bytes.Contains(line, []byte(",")) || bytes.Contains(line, []byte(";")):
		what = "a CSV table (comma-separated values)"
	default:
		return nil
	}
	return corpusErrAt(len(data)-len(text), first, fmt.Errorf("%w: the document looks like %s, not a JSON corpus document", ErrInvalid, what))
}

// missingDay returns the error for a date of the form YYYY-MM-DD, alone or
// at the start of a timestamp, whose month exists but whose day does not,
// such as 2023-02-30; nil for anything else, which the caller reports in
// its own words.
func missingDay(s string) error {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return nil
	}
	y, okY := digits(s[0:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:10])
	if !okY || !okM || !okD || m < 1 || m > 12 || d < 1 {
		return nil
	}
	days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d <= days {
		return nil
	}
	return fmt.Errorf("%w: the day does not exist: %s %04d has %d days", ErrDate, time.Month(m), y, days)
}

// digits reads s as a decimal number of ASCII digits only.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
