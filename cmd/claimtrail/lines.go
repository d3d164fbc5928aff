package main

import (
	"fmt"
	"strings"
)

// maxBadLines is how many problems a file of many lines (a manifest, a
// decisions file) reports at once: enough to fix a batch in one go, few
// enough to read.
const maxBadLines = 10

// badLines gathers the problems found in a file of many lines, so that
// one run reports them all, up to maxBadLines, and counts the rest.
type badLines struct {
	errs []error
	more int
}

// add records a problem.
func (b *badLines) add(err error) {
	if len(b.errs) == maxBadLines {
		b.more++
		return
	}
	b.errs = append(b.errs, err)
}

// err returns nil when no problem was found, the one problem when there
// was one, and otherwise a *problems listing them. errors.As and errors.Is
// find each of them.
func (b *badLines) err() error {
	switch len(b.errs) {
	case 0:
		return nil
	case 1:
		if b.more == 0 {
			return b.errs[0]
		}
	}
	return &problems{errs: b.errs, more: b.more}
}

// problems is several problems found in one file.
type problems struct {
	errs []error
	more int
}

// Error lists the problems one a line, indented, after their count.
func (p *problems) Error() string {
	var s strings.Builder
	fmt.Fprintf(&s, "%d problems:", len(p.errs)+p.more)
	for _, err := range p.errs {
		s.WriteString("\n  " + err.Error())
	}
	if p.more > 0 {
		fmt.Fprintf(&s, "\n  and %d more not shown", p.more)
	}
	return s.String()
}

// Unwrap returns the problems shown, for errors.Is and errors.As.
func (p *problems) Unwrap() []error { return p.errs }
