package timeline

import (
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/corpusview"
	"github.com/claimtrail/claimtrail/source"
)

// record is the timeline's own copy of a statement, kept compactly: its
// claim, source, Via and articles are indexes into the timeline's tables,
// and [Timeline.statement] makes the full [claim.Statement] again on the way
// out. A million statements take less memory, and less of the collector's
// time, than copies of the caller's statements would.
type record struct {
	id         claim.StatementID
	said       claim.Date // the statement's own Said, zero when unknown
	via, nVia  int32      // Timeline.via[via : via+nVia]
	men, nMen  int32      // Timeline.mentions[men : men+nMen]
	act        claim.Act
	factuality claim.Factuality
	machine    bool // the statement's MachineAccepted; no rule reads it
}

// mention is the timeline's own copy of a claim.Mention, its article an
// index. Its quote is kept as offsets into the article's text, which the
// timeline holds already, rather than as four strings of its own: 32
// bytes rather than 80. A quote that cannot be read from the text (an
// article without one, or a cue that matches the exact text only when case
// is ignored) keeps its strings in Timeline.quotes.
type mention struct {
	art, start, end int32
	// With quoted set, pre and suf are the lengths of the span's prefix
	// before start and suffix after end in the article's text. Without,
	// the exact text, prefix and suffix are quotes[pre : pre+3].
	pre, suf int32
	// With cueQuoted set, the cue is the text at [cue, cue+cueLen); with
	// cueKept, quotes[cue]; with neither, the mention has no cue.
	cue, cueLen int32
	how         quoteHow
}

// quoteHow says where a mention's quote is kept, and holds its one
// boolean, so that the mark costs no byte.
type quoteHow uint8

const (
	quoted         quoteHow = 1 << iota // the span's strings are offsets into the text
	cueQuoted                           // the cue is offsets into the text
	cueKept                             // the cue is a string of its own
	machineMention                      // the mention's MachineAccepted; no rule reads it
)

// load takes the timeline's own copy of the corpus and fills the lookup
// tables and the per-statement info, working in the given number of parts.
// With x, the interned form of a checked corpus, it reads each statement's
// claim, source, Via and articles from x and hashes no ID; without it, it
// looks them up by ID. It reports false, leaving the work unfinished, at the
// first reference it cannot resolve or statement it cannot place in time:
// validation, run beside it, reports those properly.
func (t *Timeline) load(c *claim.Corpus, x *corpusview.Index, parts int) bool {
	t.articles = slices.Clone(c.Articles)
	t.claims = make([]claim.Claim, len(c.Claims))
	for i, cl := range c.Claims {
		t.claims[i] = cl.Clone()
	}
	t.srcs = newSourceTable(t.reg, t.claims)
	t.artIdx = make(map[source.ArticleID]int32, len(t.articles))
	for i, a := range t.articles {
		t.artIdx[a.ID] = int32(i)
	}
	t.claimIdx = make(map[claim.ID]int32, len(t.claims))
	for i, c := range t.claims {
		t.claimIdx[c.ID] = int32(i)
	}
	// An article's place in publication order (ties by ID) tells which of
	// a statement's mentions is its first report without touching times.
	t.artOrder = make([]int32, len(t.articles))
	for i := range t.artOrder {
		t.artOrder[i] = int32(i)
	}
	// At one instant an original comes before a reprint, so that a reprint
	// never counts as a statement's first report.
	slices.SortFunc(t.artOrder, func(a, b int32) int {
		return compareArticles(&t.articles[a], &t.articles[b])
	})
	t.artPlace = make([]int32, len(t.articles))
	for p, a := range t.artOrder {
		t.artPlace[a] = int32(p)
	}

	n := len(c.Statements)
	t.recs = make([]record, n)
	t.info = make([]stmtInfo, n)
	ok := make([]bool, parts)
	quotes := make([][]string, parts) // each part's, joined at the end
	if x != nil && x.Len() == n {
		// The interned form knows where each statement's Via entries and
		// mentions start: each part writes its own stretch of the shared
		// arrays without counting.
		t.via = make([]int32, x.ViaStart(n))
		t.mentions = make([]mention, x.MentionStart(n))
		menAt := make([]int, parts+1)
		inParts(n, parts, func(p, lo, hi int) {
			ok[p] = t.loadInterned(c.Statements, x, lo, hi, &quotes[p])
			menAt[p+1] = x.MentionStart(hi)
		})
		t.joinQuotes(quotes, menAt)
		return !slices.Contains(ok, false)
	}
	// Count Via entries and mentions, then copy in parts side by side, each
	// part writing its own stretch of the shared arrays.
	nVia, nMen := make([]int, parts+1), make([]int, parts+1)
	inParts(n, parts, func(p, lo, hi int) {
		for i := lo; i < hi; i++ {
			nVia[p+1] += len(c.Statements[i].Via)
			nMen[p+1] += len(c.Statements[i].Mentions)
		}
	})
	for p := range parts {
		nVia[p+1] += nVia[p]
		nMen[p+1] += nMen[p]
	}
	t.via = make([]int32, nVia[parts])
	t.mentions = make([]mention, nMen[parts])
	inParts(n, parts, func(p, lo, hi int) { ok[p] = t.loadRange(c.Statements, lo, hi, nVia[p], nMen[p], &quotes[p]) })
	t.joinQuotes(quotes, nMen)
	return !slices.Contains(ok, false)
}

// joinQuotes makes t.quotes of the strings each part kept, parts[p], and
// moves the indexes into them of part p's mentions, t.mentions[menAt[p]:
// menAt[p+1]], to where part p's strings now start.
func (t *Timeline) joinQuotes(parts [][]string, menAt []int) {
	total := 0
	for _, q := range parts {
		total += len(q)
	}
	if total == 0 {
		return
	}
	t.quotes = make([]string, 0, total)
	for p, q := range parts {
		if base := int32(len(t.quotes)); base > 0 && len(q) > 0 {
			for k := menAt[p]; k < menAt[p+1]; k++ {
				mm := &t.mentions[k]
				if mm.how&quoted == 0 {
					mm.pre += base
				}
				if mm.how&cueKept != 0 {
					mm.cue += base
				}
			}
		}
		t.quotes = append(t.quotes, q...)
	}
}

// loadRange copies and indexes statements lo to hi-1, writing their Via
// entries from t.via[v] and their mentions from t.mentions[m] on.
func (t *Timeline) loadRange(stmts []claim.Statement, lo, hi, v, m int, quotes *[]string) bool {
	for i := lo; i < hi; i++ {
		s := &stmts[i]
		in := &t.info[i]
		var okClaim, okSrc bool
		in.claim, okClaim = t.claimIdx[s.Claim]
		in.src, okSrc = t.srcs.idx[s.Source]
		if !okClaim || !okSrc {
			return false
		}
		t.recs[i] = record{
			id: s.ID, said: s.Said, act: s.Act, factuality: s.Factuality, machine: s.MachineAccepted,
			via: int32(v), nVia: int32(len(s.Via)), men: int32(m), nMen: int32(len(s.Mentions)),
		}
		in.anonymous = t.srcs.anonymous[in.src]
		for _, id := range s.Via {
			vi, ok := t.srcs.idx[id]
			if !ok {
				return false
			}
			t.via[v] = vi
			v++
			in.anonymous = in.anonymous || t.srcs.anonymous[vi]
		}
		in.art, in.pos = -1, -1
		for _, mm := range s.Mentions {
			a, ok := t.artIdx[mm.Article]
			if !ok {
				return false
			}
			t.addMention(in, m, a, &mm, quotes)
			m++
		}
		if !s.Said.IsValid() && in.art < 0 {
			return false // no time to place it at
		}
		in.stance = classify(s, t.rules)
	}
	return true
}

// loadInterned is loadRange for a checked corpus: it reads statement i's
// claim, source, Via and articles from x, and where its Via entries and
// mentions go from where x holds them.
//
// It reads the texts of the first mentions' articles of each
// corpusview.Batch statements together, before it copies them: the
// articles of a large corpus do not fit in the processor's caches, and
// read one statement at a time each read would wait for the one before.
func (t *Timeline) loadInterned(stmts []claim.Statement, x *corpusview.Index, lo, hi int, quotes *[]string) bool {
	var texts [corpusview.Batch]string
	for i := lo; i < hi; i++ {
		b := (i - lo) % corpusview.Batch
		if b == 0 {
			for k := range min(corpusview.Batch, hi-i) {
				if x.NumMentions(i+k) > 0 {
					texts[k] = t.articles[x.Article(i+k, 0)].Text
				}
			}
		}
		s := &stmts[i]
		in := &t.info[i]
		in.claim, in.src = x.Claim(i), x.Source(i)
		v, m := x.ViaStart(i), x.MentionStart(i)
		t.recs[i] = record{
			id: s.ID, said: s.Said, act: s.Act, factuality: s.Factuality, machine: s.MachineAccepted,
			via: int32(v), nVia: int32(len(s.Via)), men: int32(m), nMen: int32(len(s.Mentions)),
		}
		in.anonymous = t.srcs.anonymous[in.src]
		for k := range s.Via {
			vi := x.Via(i, k)
			t.via[v+k] = vi
			in.anonymous = in.anonymous || t.srcs.anonymous[vi]
		}
		in.art, in.pos = -1, -1
		for k := range s.Mentions {
			a := x.Article(i, k)
			text := texts[b]
			if k > 0 {
				text = t.articles[a].Text
			}
			t.addMentionOf(in, m+k, a, text, &s.Mentions[k], quotes)
		}
		if !s.Said.IsValid() && in.art < 0 {
			return false // no time to place it at
		}
		in.stance = classify(s, t.rules)
	}
	return true
}

// addMention copies mm, a mention of statement in in article a, to
// t.mentions[m], keeping the strings its quote cannot be read from the
// article's text as in quotes, and keeps in's first report up to date.
func (t *Timeline) addMention(in *stmtInfo, m int, a int32, mm *claim.Mention, quotes *[]string) {
	t.addMentionOf(in, m, a, t.articles[a].Text, mm, quotes)
}

// addMentionOf is addMention for a caller that has read article a's text,
// text, already.
func (t *Timeline) addMentionOf(in *stmtInfo, m int, a int32, text string, mm *claim.Mention, quotes *[]string) {
	sp := &mm.Span
	out := mention{art: a, start: int32(sp.Start), end: int32(sp.End)}
	if sp.Start >= len(sp.Prefix) && sp.Start <= sp.End && sp.End <= len(text)-len(sp.Suffix) &&
		text[sp.Start:sp.End] == sp.Exact && text[sp.Start-len(sp.Prefix):sp.Start] == sp.Prefix && text[sp.End:sp.End+len(sp.Suffix)] == sp.Suffix {
		out.how = quoted
		out.pre, out.suf = int32(len(sp.Prefix)), int32(len(sp.Suffix))
	} else {
		out.pre = int32(len(*quotes))
		*quotes = append(*quotes, sp.Exact, sp.Prefix, sp.Suffix)
	}
	if mm.Cue != "" {
		if k := strings.Index(sp.Exact, mm.Cue); k >= 0 && out.how&quoted != 0 {
			out.how |= cueQuoted
			out.cue, out.cueLen = out.start+int32(k), int32(len(mm.Cue))
		} else {
			out.how |= cueKept
			out.cue = int32(len(*quotes))
			*quotes = append(*quotes, mm.Cue)
		}
	}
	if mm.MachineAccepted {
		out.how |= machineMention
	}
	t.mentions[m] = out
	switch {
	case in.art < 0 || t.artPlace[a] < t.artPlace[in.art]:
		in.art, in.pos = a, int32(sp.Start)
	case a == in.art && int32(sp.Start) < in.pos:
		in.pos = int32(sp.Start)
	}
}

// quote returns the cue and span of mention mm.
func (t *Timeline) quote(mm *mention) (string, claim.Span) {
	sp := claim.Span{Start: int(mm.start), End: int(mm.end)}
	text := t.articles[mm.art].Text
	if mm.how&quoted != 0 {
		sp.Exact = text[mm.start:mm.end]
		sp.Prefix = text[mm.start-mm.pre : mm.start]
		sp.Suffix = text[mm.end : mm.end+mm.suf]
	} else {
		sp.Exact, sp.Prefix, sp.Suffix = t.quotes[mm.pre], t.quotes[mm.pre+1], t.quotes[mm.pre+2]
	}
	var cue string
	switch {
	case mm.how&cueQuoted != 0:
		cue = text[mm.cue : mm.cue+mm.cueLen]
	case mm.how&cueKept != 0:
		cue = t.quotes[mm.cue]
	}
	return cue, sp
}

// statement makes statement i's claim.Statement again from its record.
func (t *Timeline) statement(i int32) claim.Statement {
	r := &t.recs[i]
	in := &t.info[i]
	s := claim.Statement{
		ID:         r.id,
		Claim:      t.claims[in.claim].ID,
		Source:     t.srcs.ids[in.src],
		Act:        r.act,
		Factuality: r.factuality,
		Said:       r.said,

		MachineAccepted: r.machine,
	}
	if r.nVia > 0 {
		s.Via = make([]source.ID, r.nVia)
		for k, v := range t.via[r.via : r.via+r.nVia] {
			s.Via[k] = t.srcs.ids[v]
		}
	}
	if men, nMen := t.menSpan(i); nMen > 0 {
		s.Mentions = make([]claim.Mention, nMen)
		for k := range t.mentions[men : men+nMen] {
			mm := &t.mentions[int(men)+k]
			cue, span := t.quote(mm)
			s.Mentions[k] = claim.Mention{Article: t.articles[mm.art].ID, Cue: cue, Span: span, MachineAccepted: mm.how&machineMention != 0}
		}
	}
	return s
}
