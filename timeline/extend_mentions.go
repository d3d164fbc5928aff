package timeline

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// ErrUnknownStatement reports a reference to a statement the timeline
// does not hold.
var ErrUnknownStatement = errors.New("unknown statement")

// MentionOf is a new report of a statement a timeline holds already: the
// statement reprinted, or quoted again, by an article an extension adds.
// It is a plain value.
type MentionOf struct {
	// Statement is the statement mentioned, one the timeline holds.
	Statement claim.StatementID `json:"statement"`
	// Mention is where the new article reports it.
	Mention claim.Mention `json:"mention"`
}

// ExtendMentions returns the timeline of t's corpus with the fragment add
// appended to it, as [Timeline.Extend] does, and with each of more
// appended to the mentions of the statement it names: forty reprints of
// a statement are forty mentions of one statement, not forty statements.
// The result is what [Build] returns for that whole corpus, each
// statement's mentions in t's order followed by its new ones in more's
// order. ExtendMentions(add, nil) is Extend(add). t is unchanged, and add
// and more are only read while ExtendMentions runs.
//
// A mention of more is in an article add adds (a reprint) or in one t
// holds (a reprint added before its candidates were accepted, as a review
// desk works). ExtendMentions reports, besides what Extend reports, all
// of them joined, each a [*claim.FieldError] on its path in more: a
// statement t does not hold (one add states included) on
// "mentions[2].statement", wrapping [ErrUnknownStatement]; a mention in
// no article either holds on "mentions[2].mention.article", wrapping
// [ErrUnknownArticle]; a mention more gives twice, or that the statement
// has in t already (same statement, article and span), on
// "mentions[2].mention", wrapping [ErrInvalid]; and any problem [claim.Corpus.Validate] finds in the
// mention (a span that does not match its article's text,
// "mentions[2].mention.span.exact") on its path under
// "mentions[2].mention", or in the statement with it (said after the
// article that now reports it) under "mentions[2].statement".
//
// # Cost
//
// A new mention that only makes a statement known again later, its first
// report in one of t's articles before the new mention's (an earlier
// article in the order of [Timeline.ArticleOrder], or earlier in the same
// article), changes no claim's track, history,
// changes, denials or status (they follow the order statements became
// known, which its first report fixes), no article's place, no source's
// first statement, and no [Timeline.StatusAfter]: it changes the
// statement's mentions, the articles found to mention it
// ([Timeline.Added]'s Repeated, [Query].Article) and what shows them
// ([Timeline.Corpus], the JSON and text forms). ExtendMentions then
// extends as Extend does, and costs beyond it the mentions of the
// statements more names, which it copies to the end of the new
// timeline's mention table with the new ones after them; a new mention
// in one of t's articles also copies that article's list of the
// statements it mentions (the first in an article of a timeline Build
// made indexes those lists, once, as Extend's first new statement in one
// does).
//
// It builds the whole timeline again, as [Build] does, whenever Extend
// would for add, when a statement of more has no mention in t, or a new
// mention in one of t's articles comes before the statement's first
// report (in an earlier article, or earlier in the same one: either way
// its first report, so its place in the order statements became known,
// changes), and to compact: when the mentions left behind by such copies over a
// chain of extensions would outnumber the rest, so that memory stays
// within about twice Build's.
func (t *Timeline) ExtendMentions(add *claim.Corpus, more []MentionOf) (*Timeline, error) {
	declared := t.declaredSources() // a nil t panics, as every method does
	if add == nil {
		return nil, &Error{Field: "corpus", Value: "nil", Err: fmt.Errorf("%w: no fragment to extend with", ErrInvalid)}
	}
	srcReg, err := t.checkFragment(add, declared, more)
	if err != nil {
		return nil, err
	}
	if nt, ok := t.extend(add, declared, srcReg, more); ok {
		return nt, nil
	}
	return t.rebuild(add, more)
}

// checkMentionsOf returns the problems of more that checkFragment cannot
// find by validating a corpus: a statement t does not hold, a mention in
// an article add does not add, a mention given twice.
func (t *Timeline) checkMentionsOf(add *claim.Corpus, more []MentionOf) []error {
	if len(more) == 0 {
		return nil
	}
	var errs []error
	newArt := make(map[source.ArticleID]bool, len(add.Articles))
	for _, a := range add.Articles {
		newArt[a.ID] = true
	}
	type key struct {
		stmt       claim.StatementID
		art        source.ArticleID
		start, end int
	}
	seen := make(map[key]bool, len(more))
	for i := range more {
		m := &more[i]
		path := "mentions[" + strconv.Itoa(i) + "]"
		if _, ok := t.stmtAt(m.Statement); !ok {
			errs = append(errs, &claim.FieldError{Field: path + ".statement", Value: string(m.Statement), Err: ErrUnknownStatement})
		}
		art := m.Mention.Article
		sp := &m.Mention.Span
		a, held := t.articleAt(art)
		if !held && !newArt[art] {
			errs = append(errs, &claim.FieldError{Field: path + ".mention.article", Value: string(art), Err: ErrUnknownArticle})
		}
		k := key{m.Statement, art, sp.Start, sp.End}
		if seen[k] || held && t.hasMention(m.Statement, a, sp) {
			errs = append(errs, &claim.FieldError{Field: path + ".mention", Value: fmt.Sprintf("%s[%d:%d]", art, sp.Start, sp.End),
				Err: fmt.Errorf("%w: the statement has this mention already", ErrInvalid)})
		}
		seen[k] = true
	}
	return errs
}

// hasMention reports whether the statement id, if t holds it, has a
// mention in article a at sp's place.
func (t *Timeline) hasMention(id claim.StatementID, a int32, sp *claim.Span) bool {
	i, ok := t.stmtAt(id)
	if !ok {
		return false
	}
	men, n := t.menSpan(i)
	return slices.ContainsFunc(t.mentions[men:men+n], func(m mention) bool {
		return m.art == a && m.start == int32(sp.Start) && m.end == int32(sp.End)
	})
}

// mentionStatements returns, for more, whose statements t holds, a
// statement per statement more names, in the order more first names
// them, as t holds it but with only its new mentions; and per such
// statement, the index in more of each of its mentions. Validating them
// with the fragment checks the new mentions as Build would check them in
// the whole corpus: their spans against their articles' texts, the
// statement's said date against their publication.
func (t *Timeline) mentionStatements(more []MentionOf) ([]claim.Statement, [][]int) {
	var out []claim.Statement
	var owner [][]int
	at := make(map[claim.StatementID]int, len(more))
	for k, m := range more {
		g, ok := at[m.Statement]
		if !ok {
			i, _ := t.stmtAt(m.Statement) // checked
			s := t.statement(i)
			s.Mentions = nil
			g = len(out)
			at[m.Statement] = g
			out = append(out, s)
			owner = append(owner, nil)
		}
		out[g].Mentions = append(out[g].Mentions, m.Mention)
		owner[g] = append(owner[g], k)
	}
	return out, owner
}

// mentionPaths returns err, problems joined as [claim.Corpus.Validate]
// joins them, with the paths into the statements mentionStatements made,
// statements[n] on, moved to the new mentions they come from:
// "statements[n+g].mentions[k].span" to "mentions[owner[g][k]].mention.span",
// and any other path into statement n+g to one under
// "mentions[owner[g][0]].statement".
func mentionPaths(err error, n int, owner [][]int) error {
	if len(owner) == 0 {
		return err
	}
	return movePaths(err, func(field string) (string, bool) { return mentionPath(field, n, owner) })
}

// mentionPath returns field moved as mentionPaths moves it, or false when
// it is no path into statement n or later.
func mentionPath(field string, n int, owner [][]int) (string, bool) {
	g, rest, ok := index(field, "statements[")
	if !ok || g < n || g-n >= len(owner) {
		return "", false
	}
	own := owner[g-n]
	if k, tail, ok := index(rest, ".mentions["); ok && k < len(own) {
		return "mentions[" + strconv.Itoa(own[k]) + "].mention" + tail, true
	}
	return "mentions[" + strconv.Itoa(own[0]) + "].statement" + rest, true
}

// index reads the index of a path that starts with prefix ("statements[")
// and returns it and the rest of the path after its closing bracket.
func index(path, prefix string) (int, string, bool) {
	rest, ok := strings.CutPrefix(path, prefix)
	if !ok {
		return 0, "", false
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0, "", false
	}
	i, err := strconv.Atoi(rest[:end])
	if err != nil {
		return 0, "", false
	}
	return i, rest[end+1:], true
}

// mentionsFit reports whether extending t with the new mentions more
// leaves every statement they name where it was in the order statements
// became known (it has a first report in t already), and leaves the
// mentions that copying their statements' mentions leaves behind no more
// than the rest.
func (t *Timeline) mentionsFit(more []MentionOf) bool {
	if len(more) == 0 {
		return true
	}
	dead := 0
	if t.ov != nil {
		dead = t.ov.deadMen
	}
	seen := make(map[int32]bool, len(more))
	for _, m := range more {
		i, _ := t.stmtAt(m.Statement) // checked
		in := &t.info[i]
		if in.art < 0 {
			return false
		}
		// A mention in an article t holds must come after the
		// statement's first report, which it then leaves first.
		if a, held := t.articleAt(m.Mention.Article); held {
			if t.artPlace[a] < t.artPlace[in.art] || a == in.art && int32(m.Mention.Span.Start) < in.pos {
				return false
			}
		}
		if !seen[i] {
			seen[i] = true
			_, n := t.menSpan(i)
			dead += int(n)
		}
	}
	return dead <= max(len(t.mentions)-dead, extendFloor)
}

// addMentionsOf appends the mentions of the statements more names to
// t's mention table, each statement's old ones followed by its new ones,
// and records where they now are in ov. It returns, per article, the
// statements more mentions there, in the order they became known, with
// those it mentioned already for one of the nArt articles t held before
// the extension (see byArticle). t is the new timeline, whose tables
// (articles and mentions among them) take the fragment's already; more
// fits (see mentionsFit).
func (t *Timeline) addMentionsOf(more []MentionOf, ov *overlay, nArt int) map[source.ArticleID][]int32 {
	if len(more) == 0 {
		return nil
	}
	// Each statement's new mentions, in the order more first names it.
	group := make(map[int32][]int, len(more))
	var order []int32
	for k, m := range more {
		i, _ := t.stmtAt(m.Statement) // checked
		if _, ok := group[i]; !ok {
			order = append(order, i)
		}
		group[i] = append(group[i], k)
	}
	spans := make(map[int32][2]int32, len(order))
	byArt := make(map[source.ArticleID][]int32)
	for _, i := range order {
		men, n := t.menSpan(i)
		start := int32(len(t.mentions))
		t.mentions = append(t.mentions, t.mentions[men:men+n]...)
		in := t.info[i] // its first report stays where it is
		for _, k := range group[i] {
			m := &more[k]
			a, _ := t.articleAt(m.Mention.Article) // checked
			t.mentions = append(t.mentions, mention{})
			t.addMention(&in, len(t.mentions)-1, a, &m.Mention, &t.quotes)
			if list := byArt[m.Mention.Article]; len(list) == 0 || list[len(list)-1] != i {
				byArt[m.Mention.Article] = append(list, i)
			}
		}
		spans[i] = [2]int32{start, int32(len(t.mentions)) - start}
		ov.deadMen += int(n)
	}
	ov.men = ov.men.with(spans)
	for id, list := range byArt {
		if a, _ := t.articleAt(id); a < int32(nArt) {
			// An article t holds keeps the statements it mentioned.
			list = append(list, t.byArticle(id)...)
		}
		slices.SortFunc(list, func(a, b int32) int { return cmp.Compare(t.rank[a], t.rank[b]) })
		byArt[id] = slices.Compact(list)
	}
	return byArt
}

// menSpan returns where statement i's mentions are in t.mentions: from
// its record, or for a statement an extension gave new mentions, from
// the overlay.
func (t *Timeline) menSpan(i int32) (men, n int32) {
	if t.ov != nil && t.ov.men != nil {
		if s, ok := t.ov.men.get(i); ok {
			return s[0], s[1]
		}
	}
	r := &t.recs[i]
	return r.men, r.nMen
}

// mentionsIn reports whether statement i has a mention in article a.
func (t *Timeline) mentionsIn(i, a int32) bool {
	men, n := t.menSpan(i)
	return slices.ContainsFunc(t.mentions[men:men+n], func(m mention) bool { return m.art == a })
}
