package timeline

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/corpusview"
	"github.com/claimtrail/claimtrail/source"
)

// An extended timeline shares the tables of the timeline Build made (its
// root) and holds, for the claims extensions touched, the results of
// Build run on the sub-corpus of their refines components: a part. Each
// part's statement and claim indexes are rewritten to the extended
// timeline's, so that a query reads a touched claim's track, history,
// changes and denials from its part as it reads the others' from the
// root. Statements, mentions, articles and claims are appended to the
// root's tables past their length, in place for the first extension of a
// timeline and by copy for any later one (see Timeline.grown).

// overlay is what a timeline made by [Timeline.Extend] holds beyond the
// tables of the timeline Build made.
type overlay struct {
	root *Timeline // the timeline Build made, whose lazy statement index serves its statements

	homes    homes   // per claim, where its data is
	parts    []part  // appended in place as the statement tables are
	partSize int     // statements and claims in all parts, superseded ones included
	comp     []int32 // per claim, a label its refines component shares

	// The IDs added since the root, with their indexes.
	claims *idLayer[claim.ID, int32]
	arts   *idLayer[source.ArticleID, int32]
	stmts  *idLayer[claim.StatementID, int32]
	byArt  *idLayer[source.ArticleID, []int32]

	// Where the mentions of the statements extensions gave new mentions
	// are (see addMentionsOf), and how many mentions those copies left
	// behind.
	men     *idLayer[int32, [2]int32]
	deadMen int

	declared []source.Source  // every declared source, in corpus order
	srcReg   *source.Registry // every source, and the articles of the last part
	regOnce  sync.Once        // builds reg, every source and article
	reg      *source.Registry
}

// part is the timeline Build made of one extension's sub-corpus, its
// statement, claim and source indexes rewritten to the extended
// timeline's.
type part struct {
	t      *Timeline
	denOff []int32 // per local claim, where its denials start in t.denials
}

// extendShare is the largest share of the corpus's size the claims an
// extension touches may have, and extendKeep the largest share all parts
// may have together, before Extend builds the whole timeline again. A
// size counts statements and claims together, since building a part, as
// building the whole, costs time and memory in both: a fragment adding
// many claims with no statement costs as much as one stating them.
const (
	extendShare = 4 // a quarter
	extendKeep  = 1 // as large as the corpus
	// extendFloor is the size below which neither bound applies:
	// building so little costs little either way.
	extendFloor = 1024
)

// Extend returns the timeline of t's corpus with the fragment add
// appended to it: add's sources, articles, claims and statements after
// t's, as [Build] of that whole corpus would return it, and answering
// every query as that timeline would. The fragment refers to what t holds
// (a statement on one of t's claims, an article reprinting one of t's). t
// is unchanged, and the fragment is only read while Extend runs.
//
// Extend checks the fragment as Build checks a corpus: a source, article,
// claim or statement whose ID t holds already is a [*claim.FieldError] on
// its path ("statements[2].id") wrapping [claim.ErrDuplicateID] (which is
// [source.ErrDuplicateID]), all of them joined; any other problem is reported as
// [claim.Corpus.Validate] reports it, with the paths of add's items. A nil
// fragment is an [*Error] on "corpus" wrapping [ErrInvalid].
//
// # Cost and sharing
//
// When everything add reports became known after everything t holds (its
// new articles are published after t's last; each new statement is first
// reported in a new article, or in one of t's after every statement t
// holds became known, as when an article added with no statement has its
// statements accepted top down, or is said after t's last article when it
// has no mention), Extend works out only the claims it can change: the
// refines components of the claims it states or adds, built from their own
// statements with Build's code. The new timeline shares t's tables for
// every other claim, and appends the new statements, mentions and articles
// to t's (in place the first time t is extended, by copy after that, so
// extend the latest timeline). It costs the touched components' statements
// and claims, plus O(claims + sources) small copies (O(articles) more when
// a new statement is first reported in one of t's articles, whose statuses
// after each article ([Timeline.StatusAfter]) are recounted from it on),
// plus the new statements' indexes, and nothing in proportion to the
// corpus's statements; the registry and the indexes of
// [Timeline.AllChanges] and [Timeline.Added] are built again on first use.
// The first new statement an extension finds in one of the articles of a
// timeline Build made indexes the statements each of its articles
// mentions, once, in time linear in its mentions.
//
// Extend builds the whole timeline again, as Build does, when the order in
// which statements became known cannot be extended at its end: add adds an
// article published before t's last one, reports an unmentioned statement
// said before it, or a statement first reported before t's last known
// statement (in an earlier article, or earlier in the article that
// reported it: a candidate accepted above one accepted before, or at the
// same position with a smaller ID). It also builds whole when add declares
// the absent source, when t or the touched claims have changes worked out
// when read (see [Timeline.Changes]), when the touched components (the
// claims add adds among them) hold more than a quarter of the corpus's
// statements and claims taken together, and to compact: when the parts
// built for earlier extensions would hold more statements and claims than
// the corpus. So memory stays within about twice Build's, and a chain of
// extensions costs on average no more than the touched components plus one
// full build per corpus-sized amount of touched statements and claims.
//
// Extend adds no mention to a statement t holds: [Timeline.ExtendMentions]
// does, for reprints and other new reports of what t holds.
func (t *Timeline) Extend(add *claim.Corpus) (*Timeline, error) {
	return t.ExtendMentions(add, nil)
}

// rebuild builds the timeline of t's corpus with add appended, and the
// mentions more appended to the mentions of the statements they name.
func (t *Timeline) rebuild(add *claim.Corpus, more []MentionOf) (*Timeline, error) {
	c := t.Corpus()
	for _, m := range more {
		i, _ := t.stmtAt(m.Statement) // checked
		s := &c.Statements[i]
		s.Mentions = append(s.Mentions, m.Mention)
	}
	c.Sources = append(c.Sources, add.Sources...)
	c.Articles = append(c.Articles, add.Articles...)
	c.Claims = append(c.Claims, add.Claims...)
	c.Statements = append(c.Statements, add.Statements...)
	return Build(c, &t.rules)
}

// declaredSources returns the sources t's corpus declares, in order.
func (t *Timeline) declaredSources() []source.Source {
	if t.ov != nil {
		return t.ov.declared
	}
	return t.Registry().Declared()
}

// checkFragment reports the problems of add appended to t's corpus, and
// returns a registry of every source the two declare.
func (t *Timeline) checkFragment(add *claim.Corpus, declared []source.Source, more []MentionOf) (*source.Registry, error) {
	var errs []error
	dup := func(field string, i int, id string, err error) {
		errs = append(errs, &claim.FieldError{Field: fmt.Sprintf("%s[%d].id", field, i), Value: id, Err: err})
	}
	builtIn := !slices.ContainsFunc(declared, func(s source.Source) bool { return s.ID == source.AbsentID })
	for i, s := range add.Sources {
		if _, ok := t.srcs.idx[s.ID]; ok && (s.ID != source.AbsentID || !builtIn) {
			dup("sources", i, string(s.ID), source.ErrDuplicateID)
		}
	}
	for i, a := range add.Articles {
		if _, ok := t.articleAt(a.ID); ok {
			dup("articles", i, string(a.ID), source.ErrDuplicateID)
		}
	}
	for i, c := range add.Claims {
		if _, ok := t.claimAt(c.ID); ok {
			dup("claims", i, string(c.ID), claim.ErrDuplicateID)
		}
	}
	for i, s := range add.Statements {
		if _, ok := t.stmtAt(s.ID); ok {
			dup("statements", i, string(s.ID), claim.ErrDuplicateID)
		}
	}
	errs = append(errs, t.checkMentionsOf(add, more)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// The fragment's items come first, so that a problem's path is the
	// one it has in add; t's items that it refers to follow, already
	// checked. New sources are checked against all of t's (an alias
	// taken already); without any, the sources the fragment names, with
	// their ancestors, are enough.
	vc := &claim.Corpus{
		Format:     add.Format,
		Articles:   slices.Clone(add.Articles),
		Claims:     slices.Clone(add.Claims),
		Statements: add.Statements,
	}
	newArt := make(map[source.ArticleID]bool, len(add.Articles))
	for _, a := range add.Articles {
		newArt[a.ID] = true
	}
	seenArt := make(map[int32]bool)
	takeArt := func(id source.ArticleID) {
		// An article t holds, and the articles it reprints.
		for steps := 0; id != "" && !newArt[id] && steps <= len(t.articles); steps++ {
			a, ok := t.articleAt(id)
			if !ok || seenArt[a] {
				return
			}
			seenArt[a] = true
			vc.Articles = append(vc.Articles, t.articles[a])
			id = t.articles[a].Reprints
		}
	}
	for _, a := range add.Articles {
		takeArt(a.Reprints)
	}
	newClaim := make(map[claim.ID]bool, len(add.Claims))
	for _, c := range add.Claims {
		newClaim[c.ID] = true
	}
	seenClaim := make(map[int32]bool)
	takeClaim := func(id claim.ID) {
		if c, ok := t.claimAt(id); ok && !newClaim[id] && !seenClaim[c] {
			seenClaim[c] = true
			// Its own relations were checked with t; they name claims
			// the fragment cannot change.
			cl := t.claims[c].Clone()
			cl.Relations = nil
			vc.Claims = append(vc.Claims, cl)
		}
	}
	for _, c := range add.Claims {
		for _, r := range c.Relations {
			takeClaim(r.To)
		}
	}
	// The new mentions are checked as statements of their own, after
	// add's, each holding only its new mentions (see mentionStatements).
	mini, owner := t.mentionStatements(more)
	if len(mini) > 0 {
		vc.Statements = slices.Concat(add.Statements, mini)
	}
	for _, s := range vc.Statements {
		takeClaim(s.Claim)
		for _, m := range s.Mentions {
			takeArt(m.Article)
		}
	}
	if len(add.Sources) > 0 {
		// t's sources first, as in the whole corpus, so that a problem
		// between a new source and one of t's (an alias both claim) is
		// the new one's, as Build reports it; its path is then moved to
		// the place the source has in add.
		vc.Sources = slices.Concat(declared, add.Sources)
		reg, _, err := corpusview.Intern(vc)
		return reg, mentionPaths(shiftSources(err, len(declared)), len(add.Statements), owner)
	}
	vc.Sources = t.lineage(t.sourceReg(), t.srcs.idx, vc)
	return t.sourceReg(), mentionPaths(vc.Validate(), len(add.Statements), owner)
}

// shiftSources returns err, problems joined as [claim.Corpus.Validate]
// joins them, with each path into sources past the first n moved n
// places down: "sources[14].aliases[0]" for n 12 is "sources[2].aliases[0]".
func shiftSources(err error, n int) error {
	if n == 0 {
		return err
	}
	return movePaths(err, func(field string) (string, bool) { return shiftedSource(field, n) })
}

// movePaths returns err, problems joined as [claim.Corpus.Validate] joins
// them, with the path of each problem that move moves replaced by where
// move puts it, the problem otherwise unchanged.
func movePaths(err error, move func(field string) (string, bool)) error {
	if err == nil {
		return nil
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
		// Validate reports every problem as a *claim.FieldError.
		if fe := (*claim.FieldError)(nil); errors.As(e, &fe) {
			if f, ok := move(fe.Field); ok {
				c := *fe
				c.Field = f
				out[i] = &c
			}
		}
	}
	return errors.Join(out...)
}

// shiftedSource returns field, a path, with its index into sources moved
// n places down, or false when it is no path into sources past the first
// n.
func shiftedSource(field string, n int) (string, bool) {
	rest, ok := strings.CutPrefix(field, "sources[")
	if !ok {
		return "", false
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return "", false
	}
	i, err := strconv.Atoi(rest[:end])
	if err != nil || i < n {
		return "", false
	}
	return "sources[" + strconv.Itoa(i-n) + rest[end:], true
}

// lineage returns the sources of reg that c names (as speakers, in Via
// chains, as actors, outlets and wires), with their ancestors, in the
// order of idx; those reg does not hold are left for validation to
// report.
func (t *Timeline) lineage(reg *source.Registry, idx map[source.ID]int32, c *claim.Corpus) []source.Source {
	seen := map[source.ID]bool{}
	var ids []source.ID
	name := func(id source.ID) {
		if id == "" || seen[id] {
			return
		}
		seen[id] = true
		if _, ok := idx[id]; ok {
			ids = append(ids, id)
		}
	}
	for i := range c.Statements {
		name(c.Statements[i].Source)
		for _, v := range c.Statements[i].Via {
			name(v)
		}
	}
	for i := range c.Claims {
		for _, a := range c.Claims[i].Actors {
			name(a.Source)
		}
	}
	for i := range c.Articles {
		name(c.Articles[i].Outlet)
		name(c.Articles[i].Wire)
	}
	out, err := reg.Lineage(ids...)
	if err != nil {
		return nil
	}
	// In corpus order, as the whole corpus's registry has them.
	slices.SortFunc(out, func(a, b source.Source) int { return cmp.Compare(idx[a.ID], idx[b.ID]) })
	return out
}

// knownKey places a statement, or the start of an article, in the order
// statements became known (see [Timeline.knowledgeOrder]).
type knownKey struct {
	at      time.Time
	art     *source.Article // nil for a statement with no mention
	isStart bool            // the article itself, before its statements
	pos     int32
	id      claim.StatementID
}

func compareKnown(x, y *knownKey) int {
	if c := x.at.Compare(y.at); c != 0 {
		return c
	}
	// A statement with no mention comes before any article of its instant.
	if (x.art == nil) != (y.art == nil) {
		if x.art == nil {
			return -1
		}
		return +1
	}
	if x.art != nil {
		if c := compareArticles(x.art, y.art); c != 0 {
			return c
		}
		if x.isStart != y.isStart {
			if x.isStart {
				return -1
			}
			return +1
		}
		if c := cmp.Compare(x.pos, y.pos); c != 0 {
			return c
		}
	}
	return cmp.Compare(x.id, y.id)
}

// compareArticles orders articles as a timeline does (artOrder): by
// publication, an original before a reprint of the same instant, then by ID.
func compareArticles(x, y *source.Article) int {
	if c := x.Published.Compare(y.Published); c != 0 {
		return c
	}
	if xr, yr := x.IsReprint(), y.IsReprint(); xr != yr {
		if xr {
			return +1
		}
		return -1
	}
	return cmp.Compare(x.ID, y.ID)
}

// stmtKey returns where statement i of t became known.
func (t *Timeline) stmtKey(i int32) knownKey {
	k := knownKey{at: t.reportedAt(i), pos: t.info[i].pos, id: t.recs[i].id}
	if a := t.info[i].art; a >= 0 {
		k.art = &t.articles[a]
	}
	return k
}

// extend makes the timeline of t with add appended without building it
// whole, or reports false when it cannot (see Extend). add is valid.
func (t *Timeline) extend(add *claim.Corpus, declared []source.Source, srcReg *source.Registry, more []MentionOf) (*Timeline, bool) {
	if t.grown == nil || t.replay != nil {
		return nil, false
	}
	for _, s := range add.Sources {
		if s.ID == source.AbsentID {
			return nil, false
		}
	}
	nStmt, nArt, nClaim := len(t.recs), len(t.articles), len(t.claims)
	total := nStmt + len(add.Statements) + nClaim + len(add.Claims) // the corpus's size

	// The new articles, in the order they are taken, must come after t's
	// last article and last statement.
	artOrder := make([]int, len(add.Articles))
	for i := range artOrder {
		artOrder[i] = i
	}
	slices.SortFunc(artOrder, func(x, y int) int { return compareArticles(&add.Articles[x], &add.Articles[y]) })
	var last []knownKey
	if nArt > 0 {
		last = append(last, knownKey{at: t.articles[t.artOrder[nArt-1]].Published, art: &t.articles[t.artOrder[nArt-1]], isStart: true})
	}
	if t.lastKnown >= 0 {
		last = append(last, t.stmtKey(t.lastKnown))
	}
	after := func(k *knownKey) bool {
		for i := range last {
			if compareKnown(k, &last[i]) <= 0 {
				return false
			}
		}
		return true
	}
	newArtIdx := make(map[source.ArticleID]int32, len(add.Articles))
	for i, a := range add.Articles {
		newArtIdx[a.ID] = int32(nArt + i)
	}
	if len(artOrder) > 0 {
		first := &add.Articles[artOrder[0]]
		if !after(&knownKey{at: first.Published, art: first, isStart: true}) {
			return nil, false
		}
	}
	// New mentions of t's statements are in the new articles: they keep
	// those statements' first reports, unless a statement had none.
	if !t.mentionsFit(more) {
		return nil, false
	}
	// Each new statement's first report, and where it became known.
	artPlace := make([]int32, len(add.Articles)) // new article -> its place after t's
	for p, a := range artOrder {
		artPlace[a] = int32(p)
	}
	// An article's place in the new timeline's order: t's keep theirs,
	// the new ones follow.
	placeOf := func(id source.ArticleID) (*source.Article, int32) {
		if a, ok := newArtIdx[id]; ok {
			return &add.Articles[a-int32(nArt)], int32(nArt) + artPlace[a-int32(nArt)]
		}
		a, _ := t.articleAt(id) // add is valid: every mention's article is known
		return &t.articles[a], t.artPlace[a]
	}
	var lastStmt *knownKey
	if t.lastKnown >= 0 {
		lastStmt = &last[len(last)-1]
	}
	firstHeld := int32(nArt) // the first of t's articles a new statement is first reported in
	keys := make([]knownKey, len(add.Statements))
	for i := range add.Statements {
		s := &add.Statements[i]
		k := knownKey{id: s.ID, pos: -1}
		first := int32(-1)
		for _, m := range s.Mentions {
			art, p := placeOf(m.Article)
			switch {
			case first < 0 || p < first:
				first, k.art, k.pos = p, art, int32(m.Span.Start)
			case p == first && int32(m.Span.Start) < k.pos:
				k.pos = int32(m.Span.Start)
			}
		}
		if first >= 0 {
			k.at = k.art.Published
			if first < int32(nArt) {
				// First reported in one of t's articles: it must still
				// become known after everything t holds, so that the new
				// statements' ranks follow t's and no statement of t
				// moves.
				if lastStmt != nil && compareKnown(&k, lastStmt) <= 0 {
					return nil, false
				}
				firstHeld = min(firstHeld, first)
			}
		} else {
			k.at = s.Said.Start()
			if !after(&k) {
				return nil, false
			}
		}
		keys[i] = k
	}
	stmtOrder := make([]int, len(add.Statements))
	for i := range stmtOrder {
		stmtOrder[i] = i
	}
	slices.SortFunc(stmtOrder, func(x, y int) int { return compareKnown(&keys[x], &keys[y]) })

	// The claims the fragment can change: the refines components of the
	// claims it states and adds.
	newClaimIdx := make(map[claim.ID]int32, len(add.Claims))
	for i, c := range add.Claims {
		newClaimIdx[c.ID] = int32(nClaim + i)
	}
	claimOf := func(id claim.ID) int32 {
		if c, ok := t.claimAt(id); ok {
			return c
		}
		return newClaimIdx[id]
	}
	comp := t.components()
	if len(add.Claims) > 0 {
		comp = slices.Grow(slices.Clone(comp), len(add.Claims))
		for i := range add.Claims {
			comp = append(comp, int32(nClaim+i))
		}
	}
	merge := map[int32]int32{}
	find := func(l int32) int32 {
		for {
			m, ok := merge[l]
			if !ok {
				return l
			}
			l = m
		}
	}
	for i, c := range add.Claims {
		for _, r := range c.Relations {
			if r.Kind != claim.RelationRefines {
				continue
			}
			a, b := find(comp[nClaim+i]), find(comp[claimOf(r.To)])
			if a != b {
				merge[max(a, b)] = min(a, b)
			}
		}
	}
	if len(merge) > 0 {
		for c, l := range comp {
			comp[c] = find(l)
		}
	}
	// The touched components' labels, which are claim indexes: a bit per
	// claim, so that a fragment adding many claims costs linear time.
	labels := make([]uint64, (len(comp)+63)/64)
	mark := func(l int32) { labels[l/64] |= 1 << (l % 64) }
	for i := range add.Claims {
		mark(comp[nClaim+i])
	}
	for _, s := range add.Statements {
		mark(comp[claimOf(s.Claim)])
	}
	var touched []int32 // in claim order
	var own []int32     // the statements t holds on them
	for c, l := range comp {
		if labels[l/64]&(1<<(l%64)) == 0 {
			continue
		}
		touched = append(touched, int32(c))
		if c < nClaim {
			p, k := t.home(int32(c))
			own = append(own, p.track[p.trackOff[k]:p.trackOff[k+1]]...)
		}
	}
	sub := len(own) + len(add.Statements) + len(touched) // the part's size
	var kept int
	if t.ov != nil {
		kept = t.ov.partSize
	}
	if sub > max(total/extendShare, extendFloor) || kept+sub > max(total*extendKeep, extendFloor) {
		return nil, false
	}
	slices.Sort(own)

	stmtMap := append(own, make([]int32, len(add.Statements))...) // the part's statements, as the new timeline's
	for i := range add.Statements {
		stmtMap[len(own)+i] = int32(nStmt + i)
	}
	allDeclared, srcs := declared, t.srcs
	if len(add.Sources) > 0 {
		// The registry's order is the whole corpus's, absent source last,
		// as the parts' builds need it.
		allDeclared = slices.Grow(slices.Clip(declared), len(add.Sources))
		for _, src := range add.Sources {
			// The timeline keeps the sources; the caller's slices are theirs.
			src.Aliases = slices.Clone(src.Aliases)
			src.Offices = slices.Clone(src.Offices)
			for i := range src.Offices {
				src.Offices[i].Aliases = slices.Clone(src.Offices[i].Aliases)
			}
			allDeclared = append(allDeclared, src)
		}
		reg, err := source.NewRegistry(allDeclared, nil)
		if err != nil {
			return nil, false
		}
		srcReg = reg
		srcs = t.srcs.with(add.Sources, srcReg)
	}

	// Past here the extension holds: take t's tables.
	inPlace := t.grown.CompareAndSwap(false, true)
	nt := &Timeline{
		artIdx: t.artIdx, claimIdx: t.claimIdx, rules: t.rules,
		trackOff: t.trackOff, histOff: t.histOff, changeOff: t.changeOff,
		track: t.track, rel: t.rel, cut: t.cut, anon: t.anon,
		history: t.history, changes: t.changes, final: t.final, denials: t.denials,
		lazy: new(lazyIndex), grown: new(atomic.Bool), lastKnown: t.lastKnown,
	}
	k := len(add.Statements)
	nt.articles = appendTo(t.articles, inPlace, add.Articles...)
	nt.claims = appendTo(t.claims, inPlace)
	for _, c := range add.Claims {
		nt.claims = append(nt.claims, c.Clone())
	}
	nt.artOrder = appendTo(t.artOrder, inPlace)
	for _, a := range artOrder {
		nt.artOrder = append(nt.artOrder, int32(nArt+a))
	}
	nt.artPlace = appendTo(t.artPlace, inPlace)
	for _, p := range artPlace {
		nt.artPlace = append(nt.artPlace, int32(nArt)+p)
	}
	nt.srcs = srcs

	ov := &overlay{root: t, declared: allDeclared, srcReg: srcReg, comp: comp}
	if t.ov != nil {
		*ov = overlay{
			root: t.ov.root, declared: allDeclared, srcReg: srcReg, comp: comp,
			claims: t.ov.claims, arts: t.ov.arts, stmts: t.ov.stmts, byArt: t.ov.byArt,
			homes: t.ov.homes, parts: appendTo(t.ov.parts, inPlace), partSize: t.ov.partSize,
			men: t.ov.men, deadMen: t.ov.deadMen,
		}
	}
	nt.ov = ov
	ov.claims = ov.claims.with(newClaimIdx)
	ov.arts = ov.arts.with(newArtIdx)

	// The new statements, appended to t's.
	nt.recs = appendTo(t.recs, inPlace, make([]record, k)...)
	nt.info = appendTo(t.info, inPlace, make([]stmtInfo, k)...)
	nt.via = appendTo(t.via, inPlace)
	nt.mentions = appendTo(t.mentions, inPlace)
	nt.quotes = appendTo(t.quotes, inPlace)
	if !nt.loadNew(add.Statements, nStmt) {
		return nil, false // add is valid: every reference resolves
	}
	nt.rank = appendTo(t.rank, inPlace, make([]int32, k)...)
	for r, i := range stmtOrder {
		nt.rank[nStmt+i] = int32(nStmt + r)
	}
	if k > 0 {
		nt.lastKnown = int32(nStmt + stmtOrder[k-1])
	}
	nt.firstWord = slices.Clone(t.firstWord)
	for range len(nt.srcs.ids) - len(nt.firstWord) {
		nt.firstWord = append(nt.firstWord, -1)
	}
	for _, i := range stmtOrder {
		if src := nt.info[nStmt+i].src; nt.firstWord[src] < 0 {
			nt.firstWord[src] = int32(nStmt + i)
		}
	}
	// How many statements are known once each new article is: all of t's,
	// and the new ones up to it.
	// t's articles from the first a new statement is first reported in
	// on know the new statements up to them too: their counts are
	// recomputed, on a copy.
	known := 0
	knownBy := func(a *source.Article) int32 {
		start := knownKey{at: a.Published, art: a, isStart: true}
		for known < k && compareKnown(&keys[stmtOrder[known]], &start) < 0 {
			known++
		}
		// The article's own statements.
		for known < k && keys[stmtOrder[known]].art != nil && keys[stmtOrder[known]].art.ID == a.ID {
			known++
		}
		return int32(known)
	}
	if firstHeld < int32(nArt) {
		nt.artCut = slices.Grow(slices.Clone(t.artCut), len(add.Articles))
		for p := firstHeld; p < int32(nArt); p++ {
			nt.artCut[p] += knownBy(&t.articles[t.artOrder[p]])
		}
	} else {
		nt.artCut = appendTo(t.artCut, inPlace)
	}
	for _, a := range artOrder {
		nt.artCut = append(nt.artCut, int32(nStmt)+knownBy(&add.Articles[a]))
	}
	// The statements of t the new articles mention again come first in
	// their lists: they became known before any new statement.
	byArt := nt.addMentionsOf(more, ov, nArt)
	if byArt == nil {
		byArt = make(map[source.ArticleID][]int32)
	}
	stmtIdx := make(map[claim.StatementID]int32, k)
	for _, i := range stmtOrder {
		s := &add.Statements[i]
		stmtIdx[s.ID] = int32(nStmt + i)
		for j, m := range s.Mentions {
			if slices.ContainsFunc(s.Mentions[:j], func(o claim.Mention) bool { return o.Article == m.Article }) {
				continue
			}
			list, ok := byArt[m.Article]
			if !ok {
				// One of t's articles lists t's statements first: they
				// became known before any new one.
				list = slices.Clone(t.byArticle(m.Article))
			}
			byArt[m.Article] = append(list, int32(nStmt+i))
		}
	}
	ov.stmts = ov.stmts.with(stmtIdx)
	ov.byArt = ov.byArt.with(byArt)

	if len(touched) > 0 {
		// Build the touched components from their own statements, with
		// Build's code.
		pt := nt.part(stmtMap, touched, srcReg)
		if pt.replay != nil {
			return nil, false
		}
		ov.homes = ov.homes.with(nClaim+len(add.Claims), touched, int32(len(ov.parts)))
		ov.parts = append(ov.parts, nt.adopt(pt, stmtMap, touched))
		ov.partSize += len(pt.recs) + len(pt.claims)
	}
	return nt, true
}

// appendTo returns s with more appended: in place, past s's length, when
// inPlace says that nothing else appends there, else in a copy.
func appendTo[T any](s []T, inPlace bool, more ...T) []T {
	if !inPlace {
		out := make([]T, len(s), len(s)+max(len(more), len(s)/4))
		copy(out, s)
		s = out
	}
	return append(s, more...)
}

// loadNew copies statements, the fragment's, to t's tables from index
// from on, as load does, with their Via entries and mentions appended.
func (t *Timeline) loadNew(stmts []claim.Statement, from int) bool {
	for k := range stmts {
		s := &stmts[k]
		i := from + k
		in := &t.info[i]
		var okClaim, okSrc bool
		in.claim, okClaim = t.claimAt(s.Claim)
		in.src, okSrc = t.srcs.idx[s.Source]
		if !okClaim || !okSrc {
			return false
		}
		t.recs[i] = record{
			id: s.ID, said: s.Said, act: s.Act, factuality: s.Factuality, machine: s.MachineAccepted,
			via: int32(len(t.via)), nVia: int32(len(s.Via)), men: int32(len(t.mentions)), nMen: int32(len(s.Mentions)),
		}
		in.anonymous = t.srcs.anonymous[in.src]
		for _, id := range s.Via {
			vi, ok := t.srcs.idx[id]
			if !ok {
				return false
			}
			t.via = append(t.via, vi)
			in.anonymous = in.anonymous || t.srcs.anonymous[vi]
		}
		in.art, in.pos = -1, -1
		for _, mm := range s.Mentions {
			a, ok := t.articleAt(mm.Article)
			if !ok {
				return false
			}
			t.mentions = append(t.mentions, mention{})
			t.addMention(in, len(t.mentions)-1, a, &mm, &t.quotes)
		}
		if !s.Said.IsValid() && in.art < 0 {
			return false
		}
		in.stance = classify(s, t.rules)
	}
	return true
}

// part returns the timeline Build makes of t's statements stmts (in
// corpus order) on the claims claims (in corpus order), which hold every
// statement on them, reading them from t's tables rather than from a
// corpus: statement i of the part is stmts[i], claim k is claims[k]. reg
// holds every source in the whole corpus's order.
func (t *Timeline) part(stmts, claims []int32, reg *source.Registry) *Timeline {
	pt := &Timeline{reg: reg, rules: t.rules, lazy: new(lazyIndex), lastKnown: -1, quotes: t.quotes}
	pt.claims = make([]claim.Claim, len(claims))
	pt.claimIdx = make(map[claim.ID]int32, len(claims))
	local := make(map[int32]int32, len(claims))
	for k, c := range claims {
		cl := t.claims[c] // the part reads it and never hands it out
		if slices.ContainsFunc(cl.Relations, func(r claim.Relation) bool { return r.Kind != claim.RelationRefines }) {
			// Only refines carries statements, and its claims are all in
			// the component; the other relations are navigation.
			cl.Relations = slices.DeleteFunc(slices.Clone(cl.Relations), func(r claim.Relation) bool { return r.Kind != claim.RelationRefines })
		}
		pt.claims[k] = cl
		pt.claimIdx[cl.ID] = int32(k)
		local[c] = int32(k)
	}
	pt.srcs = newSourceTable(reg, pt.claims)
	srcOf := make([]int32, len(t.srcs.ids))
	for g, id := range t.srcs.ids {
		srcOf[g] = pt.srcs.idx[id]
	}
	nVia, nMen := 0, 0
	for _, s := range stmts {
		nVia += int(t.recs[s].nVia)
		_, n := t.menSpan(s)
		nMen += int(n)
	}
	pt.via = make([]int32, 0, nVia)
	pt.mentions = make([]mention, 0, nMen)
	pt.articles = make([]source.Article, 0, nMen)
	artOf := make(map[int32]int32, nMen)
	pt.recs = make([]record, len(stmts))
	pt.info = make([]stmtInfo, len(stmts))
	for i, s := range stmts {
		r, in := t.recs[s], t.info[s]
		r.men, r.nMen = t.menSpan(s)
		men := t.mentions[r.men : r.men+r.nMen]
		r.via, r.men = int32(len(pt.via)), int32(len(pt.mentions))
		for _, v := range t.via[t.recs[s].via : t.recs[s].via+r.nVia] {
			pt.via = append(pt.via, srcOf[v])
		}
		for _, m := range men {
			a, ok := artOf[m.art]
			if !ok {
				a = int32(len(pt.articles))
				artOf[m.art] = a
				pt.articles = append(pt.articles, t.articles[m.art])
			}
			m.art = a
			pt.mentions = append(pt.mentions, m)
		}
		in.claim, in.src = local[in.claim], srcOf[in.src]
		if in.art >= 0 {
			in.art = artOf[in.art]
		}
		pt.recs[i], pt.info[i] = r, in
	}
	pt.artOrder = make([]int32, len(pt.articles))
	for i := range pt.artOrder {
		pt.artOrder[i] = int32(i)
	}
	slices.SortFunc(pt.artOrder, func(a, b int32) int { return compareArticles(&pt.articles[a], &pt.articles[b]) })
	pt.artPlace = make([]int32, len(pt.articles))
	for p, a := range pt.artOrder {
		pt.artPlace[a] = int32(p)
	}
	order := pt.knowledgeOrder()
	b := newBuilder(pt, order, 1, bulkAuto)
	b.run(1)
	return pt
}

// adopt rewrites the statement, claim and source indexes of pt, built
// from a sub-corpus, to t's: stmtMap and claimMap map pt's statements and
// claims to t's.
func (t *Timeline) adopt(pt *Timeline, stmtMap, claimMap []int32) part {
	for i, s := range pt.track {
		pt.track[i] = stmtMap[s]
	}
	for i := range pt.history {
		pt.history[i].stmt = stmtMap[pt.history[i].stmt]
	}
	for i := range pt.changes {
		ch := &pt.changes[i]
		ch.stmt, ch.claim = stmtMap[ch.stmt], claimMap[ch.claim]
	}
	p := part{t: pt, denOff: make([]int32, len(claimMap)+1)}
	for i := range pt.denials {
		d := &pt.denials[i]
		p.denOff[d.claim+1]++
		d.stmt, d.claim = stmtMap[d.stmt], claimMap[d.claim]
		d.src = t.srcs.idx[pt.srcs.ids[d.src]]
	}
	for c := 1; c < len(p.denOff); c++ {
		p.denOff[c] += p.denOff[c-1]
	}
	if r := pt.rel; r != nil {
		for i, s := range r.upStmt {
			r.upStmt[i] = stmtMap[s]
		}
		for i, s := range r.downStmt {
			r.downStmt[i] = stmtMap[s]
		}
	}
	return p
}

// with returns the table with sources appended, reg holding them all.
func (st sourceTable) with(sources []source.Source, reg *source.Registry) sourceTable {
	n := len(st.ids) + len(sources)
	out := sourceTable{
		idx:          make(map[source.ID]int32, n),
		ids:          slices.Grow(slices.Clone(st.ids), len(sources)),
		root:         slices.Grow(slices.Clone(st.root), len(sources)),
		anonymous:    slices.Grow(slices.Clone(st.anonymous), len(sources)),
		absent:       slices.Grow(slices.Clone(st.absent), len(sources)),
		floating:     slices.Grow(slices.Clone(st.floating), len(sources)),
		investigator: slices.Grow(slices.Clone(st.investigator), len(sources)),
		// Only Build reads the claims' parties, and only for the claims
		// it builds.
		accused: st.accused, parties: st.parties, actors: st.actors,
	}
	maps.Copy(out.idx, st.idx)
	out.addSources(sources, reg)
	return out
}

// home returns the timeline that holds claim c's track, history, changes,
// denials and counts, and c's index there: t itself but for a claim an
// extension touched, whose part holds them.
func (t *Timeline) home(c int32) (*Timeline, int32) {
	if t.ov == nil {
		return t, c
	}
	h := t.ov.homes.at(c)
	if h.part < 0 {
		return t, c
	}
	return t.ov.parts[h.part].t, h.local
}

// components returns, per claim, a label that the claims of one refines
// component share (weakly connected: a claim, the claims it refines and
// those that refine it, transitively).
func (t *Timeline) components() []int32 {
	if t.ov != nil {
		return t.ov.comp
	}
	if t.lazy == nil {
		return nil
	}
	l := t.lazy
	l.compOnce.Do(func() {
		parent := make([]int32, len(t.claims))
		for i := range parent {
			parent[i] = int32(i)
		}
		find := func(c int32) int32 {
			for parent[c] != c {
				parent[c] = parent[parent[c]]
				c = parent[c]
			}
			return c
		}
		for i, cl := range t.claims {
			for _, r := range cl.Relations {
				if to, ok := t.claimIdx[r.To]; ok && r.Kind == claim.RelationRefines {
					a, b := find(int32(i)), find(to)
					parent[max(a, b)] = min(a, b)
				}
			}
		}
		for i := range parent {
			parent[i] = find(int32(i))
		}
		l.comp = parent
	})
	return l.comp
}

// claimAt returns the index of the claim with the given ID.
func (t *Timeline) claimAt(id claim.ID) (int32, bool) {
	if c, ok := t.claimIdx[id]; ok {
		return c, true
	}
	if t.ov != nil {
		return t.ov.claims.get(id)
	}
	return 0, false
}

// articleAt returns the index of the article with the given ID.
func (t *Timeline) articleAt(id source.ArticleID) (int32, bool) {
	if a, ok := t.artIdx[id]; ok {
		return a, true
	}
	if t.ov != nil {
		return t.ov.arts.get(id)
	}
	return 0, false
}

// stmtAt returns the index of the statement with the given ID.
func (t *Timeline) stmtAt(id claim.StatementID) (int32, bool) {
	root := t
	if t.ov != nil {
		root = t.ov.root
	}
	if i, ok := root.ensureIndex().stmtIdx[id]; ok {
		return i, true
	}
	if t.ov != nil {
		return t.ov.stmts.get(id)
	}
	return 0, false
}

// byArticle returns the statements the article mentions, in the order
// they became known.
func (t *Timeline) byArticle(id source.ArticleID) []int32 {
	root := t
	if t.ov != nil {
		// An extension's list of an article comes before the root's: a
		// new statement first reported in one of the root's articles
		// lengthens its list.
		if list, ok := t.ov.byArt.get(id); ok {
			return list
		}
		root = t.ov.root
	}
	return root.ensureByArt().byArt[id]
}

// overlayDenials returns the denials of every claim of an extended
// timeline, in claim order, each claim's from where its data is.
func (t *Timeline) overlayDenials() []denial {
	l := t.lazy
	l.denyOnce.Do(func() {
		ov := t.ov
		k := 0
		for c := range int32(len(t.claims)) {
			start := k
			for k < len(t.denials) && t.denials[k].claim == c {
				k++
			}
			if h := ov.homes.at(c); h.part >= 0 {
				p := &ov.parts[h.part]
				lc := h.local
				l.denials = append(l.denials, p.t.denials[p.denOff[lc]:p.denOff[lc+1]]...)
				continue
			}
			l.denials = append(l.denials, t.denials[start:k]...)
		}
	})
	return l.denials
}

// idLayer maps the IDs an extension added to their indexes. Each
// extension adds a layer above its timeline's; a layer at least half the
// size of the one below is merged into it, so that a lookup walks
// O(log n) layers for n IDs and each ID is copied O(log n) times.
type idLayer[K comparable, V any] struct {
	own map[K]V
	up  *idLayer[K, V]
}

// get returns the value of k.
func (l *idLayer[K, V]) get(k K) (V, bool) {
	for ; l != nil; l = l.up {
		if v, ok := l.own[k]; ok {
			return v, true
		}
	}
	var zero V
	return zero, false
}

// with returns l with own added as a new layer; own is kept.
func (l *idLayer[K, V]) with(own map[K]V) *idLayer[K, V] {
	if len(own) == 0 {
		return l
	}
	n := &idLayer[K, V]{own: own, up: l}
	for n.up != nil && len(n.up.own) <= 2*len(n.own) {
		merged := make(map[K]V, len(n.up.own)+len(n.own))
		maps.Copy(merged, n.up.own)
		maps.Copy(merged, n.own)
		n = &idLayer[K, V]{own: merged, up: n.up.up}
	}
	return n
}

// home is where a claim's data is: in part part at index local, or in
// the root's own tables for part -1.
type home struct{ part, local int32 }

// homes is a home per claim, in chunks of homeChunk claims that
// timelines extended from one another share until one changes them: an
// extension copies the chunk list and the chunks it touches, not a home
// per claim. A nil chunk is all the root's.
type homes struct{ chunks [][]home }

const homeChunk = 1024

// at returns claim c's home.
func (h homes) at(c int32) home {
	if k := int(c / homeChunk); k < len(h.chunks) && h.chunks[k] != nil {
		return h.chunks[k][c%homeChunk]
	}
	return home{part: -1}
}

// with returns the homes of n claims, the touched ones in part p at their
// index in touched, the others as in h.
func (h homes) with(n int, touched []int32, p int32) homes {
	out := homes{chunks: make([][]home, (n+homeChunk-1)/homeChunk)}
	copy(out.chunks, h.chunks)
	copied := map[int]bool{}
	for k, c := range touched {
		i := int(c / homeChunk)
		if !copied[i] {
			copied[i] = true
			ch := make([]home, homeChunk)
			if out.chunks[i] != nil {
				copy(ch, out.chunks[i])
			} else {
				for j := range ch {
					ch[j].part = -1
				}
			}
			out.chunks[i] = ch
		}
		out.chunks[i][c%homeChunk] = home{part: p, local: int32(k)}
	}
	return out
}
