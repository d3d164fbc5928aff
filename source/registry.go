package source

import (
	"fmt"
	"slices"
	"time"
)

// Registry holds the sources and articles of a corpus, checked: it resolves
// aliases, walks the affiliation tree, and tells whether two sources are
// independent and which article a reprint goes back to.
//
// Build one with [NewRegistry]. A Registry is immutable and safe for
// concurrent use. The zero Registry holds only the absent source.
//
// What its methods cost: [Registry.Source], [Registry.Article],
// [Registry.Root], [Registry.Independent], [Registry.Origin] and
// [Registry.Len] look up precomputed tables, in constant time (Source and
// Article return copies, so add the size of the record: its aliases and
// offices); [Registry.Resolve] is linear in the length of the name;
// [Registry.Under] and [Registry.Investigator] walk up the affiliation tree
// and [Registry.Wire] along the chain of reprints, linear in the depth walked
// and never more than the registry's size; [Registry.Sources],
// [Registry.Declared], [Registry.Articles] and [Registry.MarshalJSON] copy
// the whole registry, linear in its size; [Registry.UnmarshalJSON] costs what
// [NewRegistry] does.
type Registry struct {
	sources  []Source       // in declaration order; the absent source last if built in
	byID     map[ID]int     // index into sources
	root     []int          // root[i] is the index of sources[i]'s affiliation root
	aliases  map[string]int // normalised name or alias -> index
	articles []Article      // in declaration order
	artByID  map[ArticleID]int
	origin   []int                   // origin[i] is the index of the article articles[i] reprints, transitively; i for an original
	builtIn  bool                    // the absent source was added, not declared
	offices  map[string][]heldOffice // normalised title -> the offices with it
	longest  int                     // the length of the longest key of aliases and offices
}

// NewRegistry checks sources and articles and returns a registry that holds
// copies of them, plus the built-in [Absent] source unless sources declares
// [AbsentID] itself.
//
// All problems are reported at once: the error joins one [*FieldError] per
// problem, the first [MaxProblems] of them, and then one [*MoreError] that
// counts the rest by kind, so that the error stays small whatever the
// input; each FieldError quotes at most an excerpt of its value (see
// [Excerpt]). The fields are paths such as "sources[2].parent" and the
// sentinels
// [ErrDuplicateID], [ErrUnknownSource], [ErrUnknownArticle], [ErrCycle],
// [ErrAliasConflict], [ErrEmpty], [ErrInvalidUTF8] and [ErrInvalid]. Among
// the problems [ErrInvalid] reports are a kind or identity out of range, a
// source whose parent is absent (nothing can belong to an absent source),
// an article whose wire is the absent source, an article published before
// the article it reprints, an article language that is not a plausible
// BCP 47 tag (see [Article.Language]), and a publication time or an
// office's From or To outside the years 0001-9999 in UTC (9999-12-31T23:00
// at UTC-5 is already 10000 in UTC, which no JSON time can hold). An article's outlet and wire that
// name no source give [ErrUnknownSource]. On error the registry is nil.
//
// NewRegistry takes time linear in the size of its input, apart from
// sorting the terms of each office (n log n in the number of offices),
// whether the input is valid or not.
func NewRegistry(sources []Source, articles []Article) (*Registry, error) {
	r := &Registry{
		byID:    make(map[ID]int, len(sources)+1),
		aliases: make(map[string]int, 2*len(sources)),
		artByID: make(map[ArticleID]int, len(articles)),
	}
	probs := &problems{kinds: sentinels}
	r.sources = make([]Source, 0, len(sources)+1)
	// declared[k] is the index in sources of r.sources[k], built once so
	// that every error path finds a source's path in constant time.
	declared := make(sourcePaths, 0, len(sources)+1)
	for i, s := range sources {
		p := fieldPath{"sources", i}
		probs.add(s.check(p)...)
		if s.ID == AbsentID && !s.IsAbsent() {
			probs.add(fieldErr(p.f("identity"), s.Identity.String(), fmt.Errorf("%w: the source %q must be absent", ErrInvalid, AbsentID)))
		}
		if _, dup := r.byID[s.ID]; dup && s.ID != "" {
			probs.add(fieldErr(p.f("id"), string(s.ID), ErrDuplicateID))
			continue
		}
		r.byID[s.ID] = len(r.sources)
		r.sources = append(r.sources, s.clone())
		declared = append(declared, i)
	}
	if _, ok := r.byID[AbsentID]; !ok {
		r.byID[AbsentID] = len(r.sources)
		r.sources = append(r.sources, Absent())
		r.builtIn = true
		declared = append(declared, -1)
	}
	r.linkParents(declared, probs)
	r.indexAliases(declared, probs)
	r.linkOffices(declared, probs)
	r.addArticles(articles, probs)
	if err := probs.err(); err != nil {
		return nil, err
	}
	return r, nil
}

// errMissingParent is the reason given for a parent that is not among the
// sources: a registry grown from a larger one is the usual cause.
var errMissingParent = fmt.Errorf("%w: the parent is not among the sources; add it too, "+
	"or take the source with its ancestors from a larger registry with Registry.Lineage", ErrUnknownSource)

// linkParents checks every parent reference, finds cycles and fills r.root.
func (r *Registry) linkParents(declared sourcePaths, probs *problems) {
	parent := make([]int, len(r.sources))
	for i, s := range r.sources {
		parent[i] = -1
		if s.Parent == "" {
			continue
		}
		p, ok := r.byID[s.Parent]
		if !ok {
			probs.add(fieldErr(declared.path(i)+".parent", string(s.Parent), errMissingParent))
			continue
		}
		// The absent source speaks for no one, so no source can stand under
		// it; a self-parent is reported once, as a cycle, by check.
		if r.sources[p].IsAbsent() && s.Parent != s.ID {
			probs.add(fieldErr(declared.path(i)+".parent", string(s.Parent), fmt.Errorf("%w: nothing can belong to an absent source", ErrInvalid)))
		}
		parent[i] = p
	}
	r.root = make([]int, len(r.sources))
	const (
		unvisited = iota
		visiting
		done
	)
	state := make([]uint8, len(r.sources))
	var path []int
	for i := range r.sources {
		path = path[:0]
		j := i
		for j >= 0 && state[j] == unvisited {
			state[j] = visiting
			path = append(path, j)
			j = parent[j]
		}
		var root int
		switch {
		case j < 0:
			root = path[len(path)-1]
		case state[j] == done:
			root = r.root[j]
		default: // j is on the current path: a cycle
			s := r.sources[j]
			if s.Parent != s.ID { // a self-parent was already reported by check
				probs.add(fieldErr(declared.path(j)+".parent", string(s.Parent), ErrCycle))
			}
			root = j
		}
		for _, k := range path {
			state[k] = done
			r.root[k] = root
		}
	}
}

// indexAliases files each source under its normalised name and aliases.
func (r *Registry) indexAliases(declared sourcePaths, probs *problems) {
	for i, s := range r.sources {
		names := append([]string{s.Name}, s.Aliases...)
		for k, n := range names {
			key := Normalize(n)
			if key == "" {
				continue
			}
			if j, taken := r.aliases[key]; taken && j != i {
				field := declared.path(i) + ".name"
				if k > 0 {
					field = fmt.Sprintf("%s.aliases[%d]", declared.path(i), k-1)
				}
				probs.add(fieldErr(field, n, fmt.Errorf("%w: also %q", ErrAliasConflict, Excerpt(string(r.sources[j].ID)))))
				continue
			}
			r.aliases[key] = i
			r.longest = max(r.longest, len(key))
		}
	}
}

// addArticles checks and stores the articles and resolves reprint chains.
func (r *Registry) addArticles(articles []Article, probs *problems) {
	r.articles = make([]Article, 0, len(articles))
	declaredAt := make([]int, 0, len(articles)) // index in articles of r.articles[k]
	for i, a := range articles {
		p := fieldPath{"articles", i}
		probs.add(a.check(p)...)
		if a.Outlet != "" {
			if _, ok := r.byID[a.Outlet]; !ok {
				probs.add(fieldErr(p.f("outlet"), string(a.Outlet), ErrUnknownSource))
			}
		}
		if a.Wire != "" {
			if w, ok := r.byID[a.Wire]; !ok {
				probs.add(fieldErr(p.f("wire"), string(a.Wire), ErrUnknownSource))
			} else if r.sources[w].IsAbsent() {
				probs.add(fieldErr(p.f("wire"), string(a.Wire), fmt.Errorf("%w: the absent source publishes no stories", ErrInvalid)))
			}
		}
		if _, dup := r.artByID[a.ID]; dup && a.ID != "" {
			probs.add(fieldErr(p.f("id"), string(a.ID), ErrDuplicateID))
			continue
		}
		r.artByID[a.ID] = len(r.articles)
		r.articles = append(r.articles, a)
		declaredAt = append(declaredAt, i)
	}
	r.origin = make([]int, len(r.articles))
	for i := range r.origin {
		r.origin[i] = -1
	}
	for i, a := range r.articles {
		if a.Reprints == "" || a.Reprints == a.ID {
			continue
		}
		j, ok := r.artByID[a.Reprints]
		if !ok {
			probs.add(fieldErr(fmt.Sprintf("articles[%d].reprints", declaredAt[i]), string(a.Reprints), ErrUnknownArticle))
			continue
		}
		// A copy cannot appear before what it copies. A missing time is
		// reported by check and compared with nothing.
		if orig := r.articles[j]; !a.Published.IsZero() && !orig.Published.IsZero() && a.Published.Before(orig.Published) {
			probs.add(fieldErr(fmt.Sprintf("articles[%d].published", declaredAt[i]), a.Published.Format(time.RFC3339Nano),
				fmt.Errorf("%w: published before %q, which it reprints, was published at %s", ErrInvalid, Excerpt(string(orig.ID)), orig.Published.Format(time.RFC3339Nano))))
		}
	}
	// seen[j] == i+1 marks article j as on the chain followed from i, so
	// that each article is visited once in all: linear in the articles.
	seen := make([]int, len(r.articles))
	var chain []int
	for i := range r.articles {
		if r.origin[i] >= 0 {
			continue
		}
		chain = chain[:0]
		j := i
		for {
			if r.origin[j] >= 0 {
				j = r.origin[j]
				break
			}
			if seen[j] == i+1 {
				a := r.articles[j]
				if a.Reprints != a.ID {
					probs.add(fieldErr(fmt.Sprintf("articles[%d].reprints", declaredAt[j]), string(a.Reprints), ErrCycle))
				}
				break
			}
			seen[j] = i + 1
			chain = append(chain, j)
			next, ok := r.artByID[r.articles[j].Reprints]
			if r.articles[j].Reprints == "" || !ok {
				break
			}
			j = next
		}
		for _, k := range chain {
			r.origin[k] = j
		}
	}
}

// sourcePaths maps the position of each source in a registry to its index
// among the declared sources, -1 for the built-in absent source.
type sourcePaths []int

// path returns "sources[i]" for the registry's source k declared at index
// i, or "sources" for the built-in absent source.
func (d sourcePaths) path(k int) string {
	if d[k] < 0 {
		return "sources"
	}
	return fmt.Sprintf("sources[%d]", d[k])
}

// Len returns the number of sources, the built-in absent source included.
func (r *Registry) Len() int {
	if r == nil || r.sources == nil {
		return 1
	}
	return len(r.sources)
}

// Source returns the source with the given ID.
func (r *Registry) Source(id ID) (Source, bool) {
	i, ok := r.index(id)
	if !ok {
		return Source{}, false
	}
	return r.at(i), true
}

// Sources returns copies of all sources in declaration order, the built-in
// absent source last.
func (r *Registry) Sources() []Source {
	out := make([]Source, r.Len())
	for i := range out {
		out[i] = r.at(i)
	}
	return out
}

// Resolve returns the source whose name or alias matches name once both are
// passed through [Normalize]: "Pyongyang", "the DPRK" and "North Korea" can
// all resolve to one source.
func (r *Registry) Resolve(name string) (Source, bool) {
	if r == nil || r.aliases == nil {
		if Normalize(name) == Normalize(absentName) {
			return Absent(), true
		}
		return Source{}, false
	}
	i, ok := r.aliases[Normalize(name)]
	if !ok {
		return Source{}, false
	}
	return r.at(i), true
}

// Root returns the ID of the top of id's affiliation tree (the United States
// for John Kirby), or id itself for a root. It returns false for an unknown
// id.
func (r *Registry) Root(id ID) (ID, bool) {
	i, ok := r.index(id)
	if !ok {
		return "", false
	}
	if r == nil || r.root == nil {
		return id, true
	}
	return r.sources[r.root[i]].ID, true
}

// Under reports whether id is ancestor or lies below it in the affiliation
// tree. Unknown IDs are under nothing.
func (r *Registry) Under(id, ancestor ID) bool {
	i, ok := r.index(id)
	if !ok {
		return false
	}
	if _, ok := r.index(ancestor); !ok {
		return false
	}
	for steps := 0; steps <= r.Len(); steps++ {
		s := r.at(i)
		if s.ID == ancestor {
			return true
		}
		if s.Parent == "" {
			return false
		}
		if i, ok = r.index(s.Parent); !ok {
			return false
		}
	}
	return false
}

// Investigator reports whether id is an investigator or speaks for one: it,
// or a source above it in the affiliation tree, has
// [Source.Investigator] set. Unknown IDs are no investigator.
func (r *Registry) Investigator(id ID) bool {
	i, ok := r.index(id)
	for steps := 0; ok && steps <= r.Len(); steps++ {
		s := r.at(i)
		if s.Investigator {
			return true
		}
		if s.Parent == "" {
			return false
		}
		i, ok = r.index(s.Parent)
	}
	return false
}

// Independent reports whether a and b can corroborate each other: both are
// known, neither is absent, and their affiliation roots differ. The White
// House and the State Department (one root, the United States) are not
// independent; the United States and Ukraine are.
func (r *Registry) Independent(a, b ID) bool {
	i, ok := r.index(a)
	j, ok2 := r.index(b)
	if !ok || !ok2 || r.at(i).IsAbsent() || r.at(j).IsAbsent() {
		return false
	}
	ra, _ := r.Root(a)
	rb, _ := r.Root(b)
	return ra != rb
}

// Lineage returns copies of the sources ids name and of all their
// ancestors in the affiliation tree, each once, ready to pass to
// [NewRegistry]: a story's registry of the sources known so far, taken from
// a larger reference registry, needs every parent its sources name. The
// order is fixed: the ids in the order given, each preceded by those of its
// ancestors not already listed, root first, so that every ancestor comes
// before its descendants.
//
// The absent source is listed only when asked for and r declares it
// itself, with its own name and aliases; the built-in one is left out, as
// NewRegistry adds it to every registry. No source has the absent source
// for an ancestor.
//
// An unknown ID gives a [*FieldError] on "ids[k]" (k its index in ids)
// wrapping [ErrUnknownSource]; the unknown IDs are reported, joined, the
// first [MaxProblems] in full and the rest counted by a [*MoreError], and
// the slice is nil. Lineage takes time linear in the number of ids and of
// the sources it returns.
func (r *Registry) Lineage(ids ...ID) ([]Source, error) {
	probs := &problems{kinds: sentinels}
	for k, id := range ids {
		if _, ok := r.index(id); !ok {
			probs.add(fieldErr(fmt.Sprintf("ids[%d]", k), string(id), ErrUnknownSource))
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	builtIn := r == nil || r.sources == nil || r.builtIn
	out := make([]Source, 0, len(ids))
	listed := make(map[ID]bool, len(ids))
	var chain []int
	for _, id := range ids {
		if listed[id] || id == AbsentID && builtIn {
			continue
		}
		// id and its ancestors not yet listed, nearest first. NewRegistry
		// refuses cycles; the bound is a second guard.
		chain = chain[:0]
		i, ok := r.index(id)
		for steps := 0; ok && steps < r.Len(); steps++ {
			s := r.sources[i]
			if listed[s.ID] {
				break
			}
			chain = append(chain, i)
			if s.Parent == "" {
				break
			}
			i, ok = r.index(s.Parent)
		}
		for k := len(chain) - 1; k >= 0; k-- {
			s := r.at(chain[k])
			listed[s.ID] = true
			out = append(out, s)
		}
	}
	return out, nil
}

// Article returns the article with the given ID.
func (r *Registry) Article(id ArticleID) (Article, bool) {
	if r == nil {
		return Article{}, false
	}
	i, ok := r.artByID[id]
	if !ok {
		return Article{}, false
	}
	return r.articles[i], true
}

// Articles returns all articles in declaration order.
func (r *Registry) Articles() []Article {
	if r == nil {
		return nil
	}
	return slices.Clone(r.articles)
}

// Origin returns the ID of the article that id goes back to through its
// chain of reprints, or id itself for an original. It returns false for an
// unknown id.
func (r *Registry) Origin(id ArticleID) (ArticleID, bool) {
	if r == nil {
		return "", false
	}
	i, ok := r.artByID[id]
	if !ok {
		return "", false
	}
	return r.articles[r.origin[i]].ID, true
}

// Wire returns the ID of the wire service or outlet whose story the
// article id goes back to: its own [Article.Wire], or else the Wire of the
// article it reprints, and so on along its chain of reprints; the empty ID
// when none of them has one. It returns false for an unknown id.
func (r *Registry) Wire(id ArticleID) (ID, bool) {
	if r == nil {
		return "", false
	}
	i, ok := r.artByID[id]
	// NewRegistry refuses reprint cycles; the bound is a second guard.
	for steps := 0; ok && steps <= len(r.articles); steps++ {
		a := r.articles[i]
		if a.Wire != "" {
			return a.Wire, true
		}
		if i, ok = r.artByID[a.Reprints]; a.Reprints == "" || !ok {
			return "", true
		}
	}
	return "", ok
}

// index returns the position of id, treating the zero Registry as holding
// only the absent source.
func (r *Registry) index(id ID) (int, bool) {
	if r == nil || r.byID == nil {
		return 0, id == AbsentID
	}
	i, ok := r.byID[id]
	return i, ok
}

// at returns a copy of the source at position i.
func (r *Registry) at(i int) Source {
	if r == nil || r.sources == nil {
		return Absent()
	}
	return r.sources[i].clone()
}
