package claim

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/internal/jsonwalk"
)

// place sets the Line and Column of each *FieldError in err from where
// its problem lies in data, and returns err. A problem the decoding
// found knows its byte offset; one Validate found is placed at its path
// (the value of "statements[3].mentions[0].span"), or where no value has
// that path, at the value of the longest prefix of it that data holds.
//
// It reads data at most twice, in time linear in its length, and not at
// all for an error without problems of a path.
func place(data []byte, err error) error {
	var fes []*FieldError
	for _, e := range problemsOf(err) {
		if fe := (*FieldError)(nil); errors.As(e, &fe) {
			fes = append(fes, fe)
		}
	}
	locate(data, fes)
	offsets := make([]int, 0, len(fes))
	for _, fe := range fes {
		if fe.Line == unplaced {
			offsets = append(offsets, fe.Column-1)
		}
	}
	slices.Sort(offsets)
	lines := lineStarts(data, slices.Compact(offsets))
	for _, fe := range fes {
		if fe.Line == unplaced {
			off := min(fe.Column-1, len(data))
			ls := lines[off]
			fe.Line, fe.Column = ls.line, off-ls.start+1
		}
	}
	return err
}

// problemsOf returns the problems err joins, or err alone.
func problemsOf(err error) []error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()
	}
	return []error{err}
}

// lineStart is the line an offset lies on, and the offset that line
// starts at.
type lineStart struct{ line, start int }

// lineStarts returns the line of each of the ascending offsets, reading
// data once up to the last.
func lineStarts(data []byte, offsets []int) map[int]lineStart {
	out := make(map[int]lineStart, len(offsets))
	line, start, from := 1, 0, 0
	for _, off := range offsets {
		seg := data[from:off]
		if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
			line += n
			start = from + bytes.LastIndexByte(seg, '\n') + 1
		}
		out[off] = lineStart{line, start}
		from = off
	}
	return out
}

// pathNode is one step of the paths locate looks for: its children by
// member name or by "[i]", and the offset plus one of the value found at
// it.
type pathNode struct {
	children map[string]*pathNode
	at       int
}

// locate sets the offset of each problem that has none from its path.
func locate(data []byte, fes []*FieldError) {
	root := &pathNode{}
	var want []*FieldError
	for _, fe := range fes {
		if fe.Line == 0 && fe.Field != "" && fe.Field != "corpus" {
			want = append(want, fe)
			node := root
			for _, step := range steps(fe.Field) {
				node = node.child(step)
			}
		}
	}
	if len(want) == 0 {
		return
	}
	p := jsonwalk.Parser{B: data}
	p.Space()
	root.at = p.I + 1
	root.find(&p)
	for _, fe := range want {
		node := root
		for _, step := range steps(fe.Field) {
			next := node.children[step]
			if next == nil || next.at == 0 {
				break
			}
			node = next
		}
		fe.Line, fe.Column = unplaced, node.at
	}
}

func (n *pathNode) child(step string) *pathNode {
	if n.children == nil {
		n.children = map[string]*pathNode{}
	}
	c := n.children[step]
	if c == nil {
		c = &pathNode{}
		n.children[step] = c
	}
	return c
}

// find reads the value at p, recording where the values of n's children
// start. It recurses only as deep as the paths wanted.
func (n *pathNode) find(p *jsonwalk.Parser) bool {
	if len(n.children) == 0 {
		return p.Skip()
	}
	p.Space()
	if p.I >= len(p.B) {
		return false
	}
	if p.B[p.I] == '[' {
		i := 0
		return p.Array(func() bool {
			c := n.children["["+strconv.Itoa(i)+"]"]
			i++
			return n.visit(p, c)
		})
	}
	return p.Object(func(key []byte) bool {
		return n.visit(p, n.children[string(key)])
	})
}

// visit records where the value at p starts for c, and reads it.
func (n *pathNode) visit(p *jsonwalk.Parser, c *pathNode) bool {
	if c == nil {
		return p.Skip()
	}
	c.at = p.I + 1
	return c.find(p)
}

// steps splits a path such as "statements[3].mentions[0].span" into its
// steps: "statements", "[3]", "mentions", "[0]", "span".
func steps(path string) []string {
	var out []string
	for name := range strings.SplitSeq(path, ".") {
		for {
			i := strings.IndexByte(name, '[')
			if i < 0 {
				break
			}
			if i > 0 {
				out = append(out, name[:i])
			}
			j := strings.IndexByte(name[i:], ']')
			if j < 0 {
				break
			}
			out = append(out, name[i:i+j+1])
			name = name[i+j+1:]
		}
		if name != "" {
			out = append(out, name)
		}
	}
	return out
}
