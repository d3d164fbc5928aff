package jsonl

import "bytes"

// mayRepeatMember reports whether a line that decoded may give a member
// twice in one object, however spelled: it reads only member names, byte
// by byte, without decoding any value, and compares them with ASCII case
// ignored. A name with an escape or a byte outside ASCII, which
// encoding/json may fold in other ways, counts as a possible repeat, so
// that the exact walk ([duplicateMember]) decides. It is linear in the
// line, with a map only for objects of more than 16 members.
func mayRepeatMember(line []byte) bool {
	var stack []*memberNames // nil entries are arrays
	wantName := false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '{':
			stack = append(stack, &memberNames{})
			wantName = true
		case '[':
			stack = append(stack, nil)
			wantName = false
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			wantName = false
		case ',':
			wantName = len(stack) > 0 && stack[len(stack)-1] != nil
		case '"':
			end := stringEnd(line, i)
			if end < 0 {
				return true // not reached for a line that decoded
			}
			if wantName {
				name := line[i+1 : end]
				if bytes.IndexByte(name, '\\') >= 0 || !isASCII(name) {
					return true
				}
				if seenBefore(stack[len(stack)-1], name) {
					return true
				}
				wantName = false
			}
			i = end
		}
	}
	return false
}

// memberNames holds the member names of one object read so far: in a list
// while there are few, in a set of lower-case names after.
type memberNames struct {
	names [][]byte
	set   map[string]bool
}

// seenBefore records name in o and reports whether o held it already,
// with ASCII case ignored.
func seenBefore(o *memberNames, name []byte) bool {
	if o.set != nil {
		key := string(bytes.ToLower(name))
		if o.set[key] {
			return true
		}
		o.set[key] = true
		return false
	}
	for _, n := range o.names {
		if bytes.EqualFold(n, name) {
			return true
		}
	}
	o.names = append(o.names, name)
	if len(o.names) > 16 {
		o.set = make(map[string]bool, 2*len(o.names))
		for _, n := range o.names {
			o.set[string(bytes.ToLower(n))] = true
		}
		o.names = nil
	}
	return false
}

// stringEnd returns the index of the quotation mark closing the string
// that opens at line[i], or -1.
func stringEnd(line []byte, i int) int {
	for j := i + 1; j < len(line); j++ {
		switch line[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return -1
}

// isASCII reports whether b holds only ASCII bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
