package jsonl

import (
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Validate reads the JSON Lines corpus in r and checks it in one pass by
// the rules of [claim.Corpus.Validate]: each record's own fields as that
// method checks them, and across records duplicate IDs, references to
// sources, articles and claims that no line declares, affiliation,
// reprint and refinement cycles, names and aliases that two sources
// claim, and statements said after the first article that reports them.
// Statements must come after the sources, articles and claims they refer
// to, as [Write] writes them; sources, articles and claims may refer to
// ones declared on later lines. A span is checked for consistency in
// itself (its offsets against its exact text) but not against its
// article's text, which Validate does not keep: [Decode], which holds the
// corpus, checks that too.
//
// Every problem is reported at once, each an [*Error] with its line and
// field path, up to [claim.MaxProblems]; the rest are counted by kind in a
// final [*source.MoreError]. Validate returns nil for a valid corpus.
//
// Validate takes time linear in the length of r and holds one line at a
// time. Beyond that its memory grows only with the IDs of the sources,
// articles and claims (with each source's parent, names and aliases, each
// article's publication time and the article it reprints, each claim's
// refining relations) and the references to records not yet declared:
// not with the statements, their texts, quotes or mentions. To find
// duplicate statement IDs it keeps 16 bytes per statement (a 64-bit hash
// of its ID and its line; two IDs with the same hash, about one chance in
// 10^7 among a million statements, would be reported as a duplicate): up
// to 16 MiB in memory, and past that in sorted runs in a temporary file
// (in [os.TempDir], removed before Validate returns), merged at the end
// with a 32 KiB buffer per run of a million statements. When no temporary
// file can be written, the hashes stay in memory.
func Validate(r io.Reader, opts Options) error {
	v := newValidator(false)
	for rec, err := range Read(r, opts) {
		if err != nil {
			v.p.add(err)
			continue
		}
		v.add(rec)
	}
	v.finish()
	return v.p.err()
}

// Decode reads the JSON Lines corpus in r into a [claim.Corpus] and
// validates it as [Validate] does, checking spans against their
// articles' texts too, and then as [claim.Corpus.Validate] does. The
// problems are reported as Validate reports them; on error the corpus is
// nil. Decode takes time linear in the length of r; it holds the corpus
// and one line of r at a time, never the whole input.
func Decode(r io.Reader, opts Options) (*claim.Corpus, error) {
	v := newValidator(true)
	c := &claim.Corpus{}
	for rec, err := range Read(r, opts) {
		if err != nil {
			v.p.add(err)
			continue
		}
		v.add(rec)
		switch rec.Type {
		case TypeFormat:
			c.Format = rec.Format
		case TypeSource:
			c.Sources = append(c.Sources, rec.Source)
		case TypeArticle:
			c.Articles = append(c.Articles, rec.Article)
		case TypeClaim:
			c.Claims = append(c.Claims, rec.Claim)
		case TypeStatement:
			c.Statements = append(c.Statements, rec.Statement)
		case TypeUnknown:
			// Not reached: Read returns no record without a type.
		}
	}
	v.finish()
	if err := v.p.err(); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// validator holds what the checks across records need.
type validator struct {
	p        problems
	keepText bool
	seed     maphash.Seed
	sources  map[source.ID]sourceInfo
	names    map[string]source.ID // normalised names and aliases, by owner
	articles map[source.ArticleID]articleInfo
	claims   map[claim.ID]claimInfo
	said     keys        // a hash of each statement ID, with its line
	pending  []reference // references to records not declared yet
}

// statementKey is what Validate keeps of a statement: a hash of its ID and
// its line, 16 bytes.
type statementKey struct {
	hash uint64
	line int
}

type sourceInfo struct {
	parent source.ID
	line   int
}

type articleInfo struct {
	published time.Time
	reprints  source.ArticleID
	text      string // kept only by Decode
	line      int
}

type claimInfo struct {
	broader []claim.ID // the claims it refines or is part of
	line    int
}

// reference is a reference from a line to a record not yet declared.
type reference struct {
	to    Type
	id    string
	line  int
	field string
}

func newValidator(keepText bool) *validator {
	return &validator{
		keepText: keepText,
		seed:     maphash.MakeSeed(),
		sources:  map[source.ID]sourceInfo{source.AbsentID: {}},
		names:    map[string]source.ID{source.Normalize(source.Absent().Name): source.AbsentID},
		articles: map[source.ArticleID]articleInfo{},
		claims:   map[claim.ID]claimInfo{},
		said:     keys{spill: !keepText},
	}
}

// stubName is the name a stand-in source takes in the one-record corpora
// add checks: a private-use character no real name or alias normalises
// to, and the stand-in's ID, so that no two stand-ins share a name.
const stubName = "\uE000"

// add checks one record and files what later records are checked against.
func (v *validator) add(rec Record) {
	n := rec.Line
	switch rec.Type {
	case TypeFormat:
		if rec.Format != claim.Format {
			v.p.add(lineErr(n, "format.format", rec.Format, fmt.Errorf("%w: want %q", ErrInvalid, claim.Format)))
		}
	case TypeSource:
		v.addSource(rec.Source, n)
	case TypeArticle:
		v.addArticle(rec.Article, n)
	case TypeClaim:
		v.addClaim(rec.Claim, n)
	case TypeStatement:
		v.addStatement(rec.Statement, n)
	case TypeUnknown:
		// Not reached: Read returns no record without a type.
	}
}

func (v *validator) addSource(s source.Source, n int) {
	c := &claim.Corpus{Sources: []source.Source{s}}
	stubs := map[source.ID]bool{s.ID: true, source.AbsentID: true}
	v.refSource(c, stubs, s.Parent, n, "source.parent", true)
	for i, o := range s.Offices {
		v.refSource(c, stubs, o.Of, n, fmt.Sprintf("source.offices[%d].of", i), true)
	}
	v.check(c, "sources[0]", "source", n)
	if s.ID == "" {
		return
	}
	if prev, dup := v.sources[s.ID]; dup && s.ID != source.AbsentID || dup && prev.line > 0 {
		v.p.add(lineErr(n, "source.id", string(s.ID), fmt.Errorf("%w: also on line %d", claim.ErrDuplicateID, prev.line)))
		return
	}
	v.sources[s.ID] = sourceInfo{parent: s.Parent, line: n}
	for k, name := range append([]string{s.Name}, s.Aliases...) {
		key := source.Normalize(name)
		if key == "" {
			continue
		}
		if owner, taken := v.names[key]; taken && owner != s.ID {
			field := "source.name"
			if k > 0 {
				field = fmt.Sprintf("source.aliases[%d]", k-1)
			}
			v.p.add(lineErr(n, field, name, fmt.Errorf("%w: also %q", source.ErrAliasConflict, source.Excerpt(string(owner)))))
			continue
		}
		v.names[key] = s.ID
	}
}

func (v *validator) addArticle(a source.Article, n int) {
	c := &claim.Corpus{Articles: []source.Article{a}}
	stubs := map[source.ID]bool{source.AbsentID: true}
	v.refSource(c, stubs, a.Outlet, n, "article.outlet", true)
	v.refSource(c, stubs, a.Wire, n, "article.wire", true)
	if a.Reprints != "" && a.Reprints != a.ID {
		if prev, ok := v.articles[a.Reprints]; ok {
			c.Articles = append(c.Articles, source.Article{ID: a.Reprints, Published: prev.published})
		} else {
			c.Articles = append(c.Articles, source.Article{ID: a.Reprints, Published: a.Published})
			v.pending = append(v.pending, reference{TypeArticle, string(a.Reprints), n, "article.reprints"})
		}
	}
	v.check(c, "articles[0]", "article", n)
	if a.ID == "" {
		return
	}
	if prev, dup := v.articles[a.ID]; dup {
		v.p.add(lineErr(n, "article.id", string(a.ID), fmt.Errorf("%w: also on line %d", claim.ErrDuplicateID, prev.line)))
		return
	}
	info := articleInfo{published: a.Published, reprints: a.Reprints, line: n}
	if v.keepText {
		info.text = a.Text
	}
	v.articles[a.ID] = info
}

func (v *validator) addClaim(cl claim.Claim, n int) {
	c := &claim.Corpus{Claims: []claim.Claim{cl}}
	stubs := map[source.ID]bool{source.AbsentID: true}
	for i, a := range cl.Actors {
		v.refSource(c, stubs, a.Source, n, fmt.Sprintf("claim.actors[%d].source", i), true)
	}
	claimStubs := map[claim.ID]bool{cl.ID: true}
	var broader []claim.ID
	for i, r := range cl.Relations {
		if r.Kind == claim.RelationRefines || r.Kind == claim.RelationPartOf {
			broader = append(broader, r.To)
		}
		if claimStubs[r.To] {
			continue
		}
		claimStubs[r.To] = true
		c.Claims = append(c.Claims, claim.Claim{ID: r.To, Text: stubName})
		if _, ok := v.claims[r.To]; !ok && r.To != "" {
			v.pending = append(v.pending, reference{TypeClaim, string(r.To), n, fmt.Sprintf("claim.relations[%d].to", i)})
		}
	}
	v.check(c, "claims[0]", "claim", n)
	if cl.ID == "" {
		return
	}
	if prev, dup := v.claims[cl.ID]; dup {
		v.p.add(lineErr(n, "claim.id", string(cl.ID), fmt.Errorf("%w: also on line %d", claim.ErrDuplicateID, prev.line)))
		return
	}
	v.claims[cl.ID] = claimInfo{broader: broader, line: n}
}

func (v *validator) addStatement(s claim.Statement, n int) {
	c := &claim.Corpus{Statements: []claim.Statement{s}}
	stubs := map[source.ID]bool{source.AbsentID: true}
	v.refSource(c, stubs, s.Source, n, "statement.source", false)
	for i, via := range s.Via {
		v.refSource(c, stubs, via, n, fmt.Sprintf("statement.via[%d]", i), false)
	}
	if _, ok := v.claims[s.Claim]; ok {
		c.Claims = append(c.Claims, claim.Claim{ID: s.Claim, Text: stubName})
	}
	seen := map[source.ArticleID]bool{}
	for _, m := range s.Mentions {
		a, ok := v.articles[m.Article]
		if !ok || seen[m.Article] {
			continue
		}
		seen[m.Article] = true
		c.Articles = append(c.Articles, source.Article{ID: m.Article, Published: a.published, Text: a.text})
	}
	v.check(c, "statements[0]", "statement", n)
	if s.ID == "" {
		return
	}
	v.said.add(statementKey{maphash.String(v.seed, string(s.ID)), n})
}

// refSource adds a stand-in for the source id to c, so that the record's
// own checks pass the reference; a reference to a source not declared yet
// is kept to be settled at the end when forward is true, and left for the
// record's checks to report otherwise.
func (v *validator) refSource(c *claim.Corpus, stubs map[source.ID]bool, id source.ID, n int, field string, forward bool) {
	if id == "" || stubs[id] {
		return
	}
	if _, ok := v.sources[id]; !ok {
		if !forward {
			return
		}
		v.pending = append(v.pending, reference{TypeSource, string(id), n, field})
	}
	stubs[id] = true
	c.Sources = append(c.Sources, source.Source{ID: id, Name: stubName + string(id)})
}

// check validates a corpus of one record and its stand-ins, and reports
// the problems of the record, whose path in c is at, as problems of the
// line n, with paths that start with the record's type name.
func (v *validator) check(c *claim.Corpus, at, name string, n int) {
	err := c.Validate()
	if err == nil {
		return
	}
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		field, value, cause, ok := fieldOf(e)
		if !ok {
			continue // a stand-in's problem, or a count of problems already listed
		}
		rest, found := strings.CutPrefix(field, at)
		if !found || rest != "" && rest[0] != '.' {
			continue
		}
		v.p.add(lineErr(n, name+rest, value, cause))
	}
}

// fieldOf returns the field, value and cause of a problem that package
// claim or source reports.
func fieldOf(err error) (field, value string, cause error, ok bool) {
	var ce *claim.FieldError
	if errors.As(err, &ce) {
		return ce.Field, ce.Value, ce.Err, true
	}
	var se *source.FieldError
	if errors.As(err, &se) {
		return se.Field, se.Value, se.Err, true
	}
	return "", "", nil, false
}

// finish settles the references to records declared later and checks the
// cycles that span records.
func (v *validator) finish() {
	for _, r := range v.pending {
		var ok bool
		var sentinel error
		switch r.to {
		case TypeSource:
			_, ok = v.sources[source.ID(r.id)]
			sentinel = claim.ErrUnknownSource
		case TypeArticle:
			_, ok = v.articles[source.ArticleID(r.id)]
			sentinel = claim.ErrUnknownArticle
		case TypeClaim:
			_, ok = v.claims[claim.ID(r.id)]
			sentinel = claim.ErrUnknownClaim
		case TypeUnknown, TypeFormat, TypeStatement:
			// Not reached: references point at sources, articles and claims.
		}
		if !ok {
			v.p.add(lineErr(r.line, r.field, r.id, sentinel))
		}
	}
	v.pending = nil
	v.duplicateStatements()
	v.parentCycles()
	v.reprintCycles()
	v.claimCycles()
}

// parentCycles reports each affiliation cycle once, at the source whose
// parent closes it, walking each chain once.
func (v *validator) parentCycles() {
	state := make(map[source.ID]uint8, len(v.sources)) // 1 on the path, 2 done
	for _, id := range byLine(v.sources, func(i sourceInfo) int { return i.line }) {
		var path []source.ID
		for cur := id; cur != "" && state[cur] == 0; {
			state[cur] = 1
			path = append(path, cur)
			info, ok := v.sources[cur]
			if !ok || info.parent == cur {
				break // a self-parent is the record's own problem
			}
			if state[info.parent] == 1 {
				v.p.add(lineErr(info.line, "source.parent", string(info.parent), claim.ErrCycle))
				break
			}
			cur = info.parent
		}
		for _, p := range path {
			state[p] = 2
		}
	}
}

// reprintCycles reports each cycle of reprints once.
func (v *validator) reprintCycles() {
	state := make(map[source.ArticleID]uint8, len(v.articles))
	for _, id := range byLine(v.articles, func(i articleInfo) int { return i.line }) {
		var path []source.ArticleID
		for cur := id; cur != "" && state[cur] == 0; {
			state[cur] = 1
			path = append(path, cur)
			info, ok := v.articles[cur]
			if !ok || info.reprints == cur {
				break
			}
			if state[info.reprints] == 1 {
				v.p.add(lineErr(info.line, "article.reprints", string(info.reprints), claim.ErrCycle))
				break
			}
			cur = info.reprints
		}
		for _, p := range path {
			state[p] = 2
		}
	}
}

// claimCycles reports refines and part-of relations that loop, with a
// depth-first search on an explicit stack.
func (v *validator) claimCycles() {
	state := make(map[claim.ID]uint8, len(v.claims))
	type frame struct {
		id claim.ID
		k  int
	}
	var stack []frame
	for _, root := range byLine(v.claims, func(i claimInfo) int { return i.line }) {
		if state[root] != 0 {
			continue
		}
		state[root] = 1
		stack = append(stack[:0], frame{root, 0})
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			info := v.claims[top.id]
			if top.k == len(info.broader) {
				state[top.id] = 2
				stack = stack[:len(stack)-1]
				continue
			}
			to := info.broader[top.k]
			top.k++
			if _, ok := v.claims[to]; !ok || to == top.id {
				continue
			}
			switch state[to] {
			case 0:
				state[to] = 1
				stack = append(stack, frame{to, 0})
			case 1:
				v.p.add(lineErr(info.line, "claim.relations", string(to), claim.ErrCycle))
			}
		}
	}
}

// byLine returns the keys of m in the order of their lines, so that a
// cycle is reported at the same line whatever the map's order.
func byLine[K comparable, V any](m map[K]V, line func(V) int) []K {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b K) int { return cmp.Compare(line(m[a]), line(m[b])) })
	return keys
}

// problems collects the first claim.MaxProblems errors and counts the
// rest by the sentinel they wrap.
type problems struct {
	list []error
	more source.MoreError
}

// counted are the sentinels a problem left out is counted by.
var counted = []error{
	ErrSyntax, ErrUnknownType, ErrLineTooLong, ErrUnknownField, claim.ErrDuplicateID,
	claim.ErrUnknownClaim, claim.ErrUnknownSource, claim.ErrUnknownArticle, claim.ErrCycle,
	source.ErrAliasConflict, claim.ErrSpan, claim.ErrDate, claim.ErrFactuality, claim.ErrEmpty,
	claim.ErrInvalidUTF8, claim.ErrUnknownName, claim.ErrInvalid,
}

func (p *problems) add(err error) {
	if len(p.list) < claim.MaxProblems {
		p.list = append(p.list, err)
		return
	}
	var kind error
	for _, s := range counted {
		if errors.Is(err, s) {
			kind = s
			break
		}
	}
	for i := range p.more.Kinds {
		if errors.Is(p.more.Kinds[i].Err, kind) {
			p.more.Kinds[i].Count++
			return
		}
	}
	p.more.Kinds = append(p.more.Kinds, source.KindCount{Err: kind, Count: 1})
}

func (p *problems) err() error {
	if len(p.more.Kinds) > 0 {
		more := p.more
		return errors.Join(append(p.list, &more)...)
	}
	return errors.Join(p.list...)
}
