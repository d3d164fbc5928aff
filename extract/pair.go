package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/source"
)

// articlePair returns the two names a plural description ("two of its
// major lenders", "the local lenders") stands for when no coordinated
// source came before it: the one pair of names the registry knows, of one
// kind, that the article coordinates anywhere, before or after ("the
// names of two banks — Halden and Orvik —"). A description the registry
// resolves, or an article naming no such pair or more than one, gives
// none; so does a description of another kind ("the two ministers" for
// two banks).
func (x *extractor) articlePair(desc span) ([2]span, bool) {
	reg := x.speakers.reg
	if reg == nil {
		return [2]span{}, false
	}
	text := x.text[desc.start:desc.end]
	if _, ok := reg.Resolve(text); ok {
		return [2]span{}, false
	}
	if !x.artPairRead {
		x.artPairRead = true
		x.artPair = x.findPair()
	}
	return x.artPair, !x.artPair[0].empty()
}

// findPair scans the article for "A and B" where the registry knows A and
// B as two sources of the same organisation-like kind, and returns the
// first such pair's spans when every such pair names the same two
// sources. A list of three ("Halden, Orvik and Tamm") holds no pair, nor
// do the two sides of a relation ("a link between Halden and Orvik").
func (x *extractor) findPair() [2]span {
	var (
		first [2]span
		ids   [2]source.ID
	)
	for off := 0; ; {
		i := strings.Index(x.text[off:], " and ")
		if i < 0 {
			break
		}
		i += off
		off = i + len(" and ")
		a, aid, ok := x.nameBefore(i)
		if !ok {
			continue
		}
		b, bid, ok := x.nameAfter(off)
		if !ok || aid == bid {
			continue
		}
		ka, kb := x.speakers.kindOf(aid), x.speakers.kindOf(bid)
		if ka != kb || !orgKind(ka) {
			continue
		}
		if x.listBefore(a.start) || x.between(a.start) {
			continue
		}
		switch {
		case ids[0] == "":
			first, ids = [2]span{a, b}, [2]source.ID{aid, bid}
		case ids != [2]source.ID{aid, bid} && ids != [2]source.ID{bid, aid}:
			return [2]span{} // two pairs: no telling which
		}
	}
	return first
}

// orgKind reports whether a kind is a body's rather than a person's.
func orgKind(k source.Kind) bool {
	switch k {
	case source.KindGovernment, source.KindAgency, source.KindMilitary, source.KindStateMedia, source.KindMediaOutlet, source.KindOrganisation:
		return true
	default:
		return false // a person, or not known
	}
}

// pairWords is the most words a name of a pair may have.
const pairWords = 6

// nameBefore returns the longest run of words ending at byte end, of at
// most pairWords words, that opens with a capital and that the registry
// resolves, with the source it resolves to.
func (x *extractor) nameBefore(end int) (span, source.ID, bool) {
	starts := make([]int, 0, pairWords)
	for p, n := end, 0; n < pairWords; n++ {
		s := strings.LastIndexAny(x.text[:p], " \n\t—–(\"“") + 1
		w := x.text[s:p]
		if w == "" || strings.ContainsAny(w, ",;:") && n > 0 || !isCapitalised(w) && !connectors[strings.ToLower(w)] {
			break
		}
		starts = append(starts, s)
		if s == 0 || x.text[s-1] != ' ' {
			break
		}
		p = s - 1
	}
	for k := len(starts) - 1; k >= 0; k-- {
		s := starts[k]
		if !isCapitalised(x.text[s:end]) {
			continue
		}
		if src, ok := x.speakers.reg.Resolve(x.text[s:end]); ok {
			return span{s, end}, src.ID, true
		}
	}
	return span{}, "", false
}

// nameAfter returns the longest run of words starting at byte start, of at
// most pairWords words and ending in a capitalised one, that the registry
// resolves, with the source it resolves to.
func (x *extractor) nameAfter(start int) (span, source.ID, bool) {
	ends := make([]int, 0, pairWords)
	for p, n := start, 0; n < pairWords && p < len(x.text); n++ {
		e := strings.IndexAny(x.text[p:], " \n\t—–()\"”,;:")
		if e < 0 {
			e = len(x.text)
		} else {
			e += p
		}
		w := strings.TrimSuffix(x.text[p:e], ".")
		if w == "" || !isCapitalised(w) && !connectors[strings.ToLower(w)] {
			break
		}
		ends = append(ends, e)
		if e >= len(x.text) || x.text[e] != ' ' {
			break
		}
		p = e + 1
	}
	for k := len(ends) - 1; k >= 0; k-- {
		e := ends[k]
		name := x.text[start:e]
		if src, ok := x.speakers.reg.Resolve(name); ok {
			return span{start, e}, src.ID, true
		}
		if t := strings.TrimSuffix(name, "."); t != name {
			if src, ok := x.speakers.reg.Resolve(t); ok {
				return span{start, e - 1}, src.ID, true
			}
		}
	}
	return span{}, "", false
}

// listBefore reports whether the name starting at byte s ends a list of
// three or more: a registry name and a comma come before it ("Halden,
// Orvik and Tamm").
func (x *extractor) listBefore(s int) bool {
	if s < 2 || x.text[s-2:s] != ", " {
		return false
	}
	_, _, ok := x.nameBefore(s - 2)
	return ok
}

// between reports whether the name starting at byte s follows "between":
// "a link between Halden and Orvik" sets the two apart, not together.
func (x *extractor) between(s int) bool {
	before := strings.TrimRight(x.text[:s], " ")
	return len(before) >= len("between") && eqFold(before[len(before)-len("between"):], "between")
}

// connectors may stand inside a name between capitalised words: "Bank
// of the Tamm Isles".
var connectors = map[string]bool{"of": true, "the": true, "for": true, "de": true}
