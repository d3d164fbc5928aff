package timeline

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
)

// Registry returns the registry of the corpus's sources and articles.
//
// The registry of a timeline made by [Timeline.Extend] is built on the
// first call, in time linear in the number of sources and articles.
func (t *Timeline) Registry() *source.Registry {
	if t.reg != nil {
		return t.reg
	}
	if ov := t.ov; ov != nil {
		ov.regOnce.Do(func() {
			// The sources and articles were checked when they were added.
			ov.reg, _ = source.NewRegistry(ov.declared, t.articles)
		})
		if ov.reg != nil {
			return ov.reg
		}
	}
	return &source.Registry{}
}

// sourceReg returns a registry that holds every source of the timeline,
// if not every article: what questions about sources need.
func (t *Timeline) sourceReg() *source.Registry {
	if t.reg == nil && t.ov != nil {
		return t.ov.srcReg
	}
	return t.Registry()
}

// Rules returns the rules the timeline was built under; the zero Rules for
// the defaults.
func (t *Timeline) Rules() Rules { return t.rules }

// Extended reports whether [Timeline.Extend] or [Timeline.ExtendMentions]
// made the timeline without building it whole (see their documentation
// for when they build whole): what a caller extending a timeline on every
// change reads to see which changes cost a full build. It answers the same
// queries either way.
func (t *Timeline) Extended() bool { return t.ov != nil }

// Claims returns copies of all claims in corpus order.
func (t *Timeline) Claims() []claim.Claim {
	out := make([]claim.Claim, len(t.claims))
	for i, c := range t.claims {
		out[i] = c.Clone()
	}
	return out
}

// Claim returns the claim with the given ID.
func (t *Timeline) Claim(id claim.ID) (claim.Claim, bool) {
	i, ok := t.claimAt(id)
	if !ok {
		return claim.Claim{}, false
	}
	return t.claims[i].Clone(), true
}

// Statement returns the statement with the given ID as an entry of its own
// claim's track.
func (t *Timeline) Statement(id claim.StatementID) (Entry, bool) {
	i, ok := t.stmtAt(id)
	if !ok {
		return Entry{}, false
	}
	return t.entry(t.info[i].claim, trackItem{stmt: i}), true
}

// Status returns the claim's status at the instant at, as the statements
// known by then establish it. It fails with an [*Error] wrapping
// [ErrUnknownClaim] for an unknown claim.
func (t *Timeline) Status(id claim.ID, at time.Time) (Status, error) {
	h, err := t.historyOf(id)
	if err != nil {
		return 0, err
	}
	// The last change at or before the instant holds.
	i, _ := slices.BinarySearchFunc(h, at, func(st step, at time.Time) int {
		if t.reportedAt(st.stmt).After(at) {
			return 1
		}
		return -1
	})
	if i == 0 {
		return StatusUnreported, nil
	}
	return h[i-1].to, nil
}

// StatusAfter returns the claim's status right after the article became
// known, with the articles taken in the order [Timeline.ArticleOrder]
// gives: everything it reports is known, and nothing from an article after
// it, even one published at the same instant. Statements with no mention
// count from their said date on. It fails with an [*Error] wrapping
// [ErrUnknownClaim] for an unknown claim and [ErrUnknownArticle] for an
// unknown article.
func (t *Timeline) StatusAfter(id claim.ID, article source.ArticleID) (Status, error) {
	h, err := t.historyOf(id)
	if err != nil {
		return 0, err
	}
	a, ok := t.articleAt(article)
	if !ok {
		return 0, &Error{Field: "article", Value: string(article), Err: ErrUnknownArticle}
	}
	cut := t.artCut[t.artPlace[a]]
	// Steps follow the order statements became known, so their ranks grow.
	i, _ := slices.BinarySearchFunc(h, cut, func(st step, cut int32) int { return cmp.Compare(t.rank[st.stmt], cut) })
	if i == 0 {
		return StatusUnreported, nil
	}
	return h[i-1].to, nil
}

// ArticleOrder returns the IDs of all articles in the order the timeline
// takes them: by publication time, an original before a reprint published
// at the same instant, then by ID. Statuses after each article
// ([Timeline.StatusAfter]) and the text rendering follow it.
func (t *Timeline) ArticleOrder() []source.ArticleID {
	return t.articlesByTime()
}

// Current returns the claim's status once every statement is known. It
// fails with an [*Error] wrapping [ErrUnknownClaim] for an unknown claim.
func (t *Timeline) Current(id claim.ID) (Status, error) {
	h, err := t.historyOf(id)
	if err != nil || len(h) == 0 {
		return StatusUnreported, err
	}
	return h[len(h)-1].to, nil
}

// History returns the claim's status changes in the order they became
// known. History only grows: a later article adds a step, it never rewrites
// an earlier one. It fails with an [*Error] wrapping [ErrUnknownClaim] for
// an unknown claim.
func (t *Timeline) History(id claim.ID) ([]StatusChange, error) {
	h, err := t.historyOf(id)
	if err != nil {
		return nil, err
	}
	out := make([]StatusChange, len(h))
	for i, st := range h {
		out[i] = t.publicStep(st)
	}
	return out, nil
}

func (t *Timeline) historyOf(id claim.ID) ([]step, error) {
	c, err := t.claimIndex(id)
	if err != nil {
		return nil, err
	}
	p, k := t.home(c)
	return p.history[p.histOff[k]:p.histOff[k+1]], nil
}

// Changes returns what each statement changed in the picture of the claim,
// in the order the statements became known. It fails with an [*Error]
// wrapping [ErrUnknownClaim] for an unknown claim.
//
// Build keeps the changes of most claims, and Changes copies them. A claim
// carried agreeing affirmations by more than 64 sources has a change for
// each new source, and a chain of n claims each affirmed by a source of
// its own has n(n-1)/2 changes in all; a claim that inherits several
// denials from one source that says nothing but denials has a repeated
// denial for each, and a chain of n claims each denied by that source
// has n(n-1)/2 of them; so has a chain of n claims each denied by a
// source of its own that says nothing else, each source new to every
// narrower claim. Build keeps no changes for such a claim: Changes
// works them out from every word the claim hears, in O(k log k) time and
// O(k) memory for a claim that hears k words, about the size of its
// track.
func (t *Timeline) Changes(id claim.ID) ([]Change, error) {
	c, err := t.claimIndex(id)
	if err != nil {
		return nil, err
	}
	return t.publicChanges(t.changesOf(c)), nil
}

// ChangeSeq returns the claim's changes, in the order [Timeline.Changes]
// returns them, one at a time, so that a caller that stops early pays
// only for the changes it read. It fails as Changes does, before any is
// read.
//
// For a claim whose changes Build kept, each change read costs a
// constant; for one whose changes are worked out when read (see
// Changes), each range over the sequence works them out again first, in
// O(k log k) time and O(k) memory for a claim that hears k words.
func (t *Timeline) ChangeSeq(id claim.ID) (iter.Seq[Change], error) {
	c, err := t.claimIndex(id)
	if err != nil {
		return nil, err
	}
	return func(yield func(Change) bool) {
		for _, ch := range t.changesOf(c) {
			if !yield(t.publicChange(ch)) {
				return
			}
		}
	}, nil
}

// AllChanges returns the changes of every claim, in the order their
// statements became known; changes one statement causes on several claims
// follow corpus claim order. The first call to AllChanges or
// [Timeline.Added] works out the changes Build did not keep (see
// [Timeline.Changes]) and keeps every change, so its time and memory are
// proportional to the number of changes, which can grow as the square of
// the length of a chain; later calls copy them.
func (t *Timeline) AllChanges() []Change {
	l := t.ensureLazy()
	out := make([]Change, len(l.ordered))
	for i, k := range l.ordered {
		out[i] = t.publicChange(l.changes[k])
	}
	return out
}

func (t *Timeline) publicChanges(chs []change) []Change {
	out := make([]Change, len(chs))
	for i, ch := range chs {
		out[i] = t.publicChange(ch)
	}
	return out
}

// Diff is what one article added to the picture compared with everything
// published before it. It is a copy: changing it changes nothing in the
// timeline.
type Diff struct {
	Article source.Article `json:"article"`
	// New are the statements the article is the first to report.
	New []Entry `json:"new,omitempty"`
	// Repeated are statements the article reports again after an earlier
	// article did; they add mentions, not statements.
	Repeated []Entry `json:"repeated,omitempty"`
	// Changes are the changes the new statements caused.
	Changes []Change `json:"changes,omitempty"`
	// NewClaims are the claims the article is the first to report.
	NewClaims []claim.ID `json:"new_claims,omitempty"`
	// NewSources are the speakers heard for the first time in the corpus.
	NewSources []source.ID `json:"new_sources,omitempty"`
}

// Added returns what the article added compared with everything before
// it. It fails with an [*Error] wrapping [ErrUnknownArticle] for an unknown
// article. Its first call orders every change, as [Timeline.AllChanges]
// does; later calls cost the article's statements and changes.
func (t *Timeline) Added(id source.ArticleID) (Diff, error) {
	a, ok := t.articleAt(id)
	if !ok {
		return Diff{}, &Error{Field: "article", Value: string(id), Err: ErrUnknownArticle}
	}
	l := t.ensureLazy()
	d := Diff{Article: t.articles[a]}
	for _, s := range t.byArticle(id) {
		e := t.entry(t.info[s].claim, trackItem{stmt: s})
		if t.info[s].art == a {
			d.New = append(d.New, e)
		} else {
			d.Repeated = append(d.Repeated, e)
		}
	}
	if run, ok := l.orderPos[id]; ok {
		for _, k := range l.ordered[run[0]:run[1]] {
			d.Changes = append(d.Changes, t.publicChange(l.changes[k]))
		}
	}
	for _, ch := range d.Changes {
		if ch.Kind == ChangeFirstReport {
			d.NewClaims = append(d.NewClaims, ch.Claim)
		}
	}
	for _, e := range d.New {
		if i, _ := t.stmtAt(e.Statement.ID); t.firstWord[t.info[i].src] == i {
			d.NewSources = append(d.NewSources, e.Statement.Source)
		}
	}
	return d, nil
}

// Query selects statements for [Timeline.Statements]. Its zero value selects
// all of them; each field set narrows the selection.
type Query struct {
	// Claim keeps the statements about this claim (not inherited ones).
	Claim claim.ID
	// Source keeps the statements whose speaker is exactly this source.
	Source source.ID
	// Under keeps the statements whose speaker is this source or lies below
	// it in the affiliation tree: everything the US government said.
	Under source.ID
	// Acts keeps the statements that perform one of these acts.
	Acts []claim.Act
	// From and To keep the statements said within [From, To): those whose
	// said period overlaps the window. A zero bound is open.
	From, To time.Time
	// Anonymous keeps the statements that rest on an unnamed or absent
	// source, as speaker or anywhere in the Via chain.
	Anonymous bool
	// Via keeps the statements this source relayed: it is in their Via
	// chain ("Kirby said that intelligence indicates ...").
	Via source.ID
	// Article keeps the statements this article mentions, first report or
	// not.
	Article source.ArticleID
}

// Statements returns the statements the query selects, in track order (said
// time, then first report). It fails with an [*Error] wrapping [ErrWindow]
// when To is before From, [ErrUnknownClaim] for an unknown claim,
// [ErrUnknownSource] for an unknown Source, Under or Via,
// [ErrUnknownArticle] for an unknown Article, and [ErrInvalid] for an act
// that is not one of the named acts.
//
// It takes time linear in the number of statements in the corpus, plus
// O(m log m) to order the m it selects, and memory for the m entries it
// returns; [Timeline.StatementSeq] yields them one at a time.
func (t *Timeline) Statements(q Query) ([]Entry, error) {
	picked, err := t.pick(q)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, len(picked))
	for i, s := range picked {
		out[i] = t.entry(t.info[s].claim, trackItem{stmt: s})
	}
	return out, nil
}

// StatementSeq returns the statements the query selects, in the order
// [Timeline.Statements] returns them, one at a time, and fails as it
// does, before any is read. A caller that stops early pays for the
// entries it read, not for copies of all of them.
//
// Each range over the sequence selects and orders the statements again:
// time linear in the number of statements in the corpus plus O(m log m)
// for the m it selects, and 4 bytes for each of them; each entry then
// costs a copy of its statement.
func (t *Timeline) StatementSeq(q Query) (iter.Seq[Entry], error) {
	if _, err := t.checkQuery(q); err != nil {
		return nil, err
	}
	return func(yield func(Entry) bool) {
		picked, _ := t.pick(q)
		for _, s := range picked {
			if !yield(t.entry(t.info[s].claim, trackItem{stmt: s})) {
				return
			}
		}
	}, nil
}

// queryIdx is a query with its claim, article and relaying source
// resolved to indexes, -1 when not given.
type queryIdx struct{ claim, art, via int32 }

// checkQuery checks q as [Timeline.Statements] documents and resolves its
// references.
func (t *Timeline) checkQuery(q Query) (queryIdx, error) {
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return queryIdx{}, &Error{Field: "query.to", Value: q.To.Format(time.RFC3339), Err: ErrWindow}
	}
	for _, f := range []struct {
		field string
		id    source.ID
	}{{"query.source", q.Source}, {"query.under", q.Under}, {"query.via", q.Via}} {
		if _, ok := t.sourceReg().Source(f.id); f.id != "" && !ok {
			return queryIdx{}, &Error{Field: f.field, Value: string(f.id), Err: ErrUnknownSource}
		}
	}
	for i, a := range q.Acts {
		if !a.IsValid() {
			return queryIdx{}, &Error{Field: fmt.Sprintf("query.acts[%d]", i), Value: a.String(), Err: ErrInvalid}
		}
	}
	want := int32(-1)
	if q.Claim != "" {
		c, err := t.claimIndex(q.Claim)
		if err != nil {
			return queryIdx{}, err
		}
		want = c
	}
	art := int32(-1)
	if q.Article != "" {
		a, ok := t.articleAt(q.Article)
		if !ok {
			return queryIdx{}, &Error{Field: "query.article", Value: string(q.Article), Err: ErrUnknownArticle}
		}
		art = a
	}
	via := int32(-1)
	if q.Via != "" {
		via = t.srcs.idx[q.Via]
	}
	return queryIdx{claim: want, art: art, via: via}, nil
}

// pick returns the statements q selects, in track order.
func (t *Timeline) pick(q Query) ([]int32, error) {
	qi, err := t.checkQuery(q)
	if err != nil {
		return nil, err
	}
	want, art, via := qi.claim, qi.art, qi.via
	// Which sources lie under q.Under is worked out once, not per statement.
	var under []bool
	if q.Under != "" {
		under = make([]bool, len(t.srcs.ids))
		reg := t.sourceReg()
		for k, id := range t.srcs.ids {
			under[k] = reg.Under(id, q.Under)
		}
	}
	var picked []int32
	for i := range t.recs {
		r, in := &t.recs[i], &t.info[i]
		switch {
		case want >= 0 && in.claim != want,
			q.Source != "" && t.srcs.ids[in.src] != q.Source,
			under != nil && !under[in.src],
			len(q.Acts) > 0 && !slices.Contains(q.Acts, r.act),
			q.Anonymous && !in.anonymous,
			via >= 0 && !slices.Contains(t.via[r.via:r.via+r.nVia], via),
			art >= 0 && !t.mentionsIn(int32(i), art):
			continue
		}
		if !q.From.IsZero() || !q.To.IsZero() {
			said := t.said(int32(i))
			if !q.From.IsZero() && !said.End().After(q.From) && !said.Start().Equal(q.From) ||
				!q.To.IsZero() && !said.Start().Before(q.To) {
				continue
			}
		}
		picked = append(picked, int32(i))
	}
	slices.SortFunc(picked, t.compareTrack)
	return picked, nil
}

// ByStatus returns the claims whose status at the instant at is s, in
// corpus order; a zero at means once every statement is known, as
// [Timeline.Current] does.
func (t *Timeline) ByStatus(s Status, at time.Time) []claim.ID {
	var out []claim.ID
	for _, c := range t.claims {
		var got Status
		if at.IsZero() {
			got, _ = t.Current(c.ID)
		} else {
			got, _ = t.Status(c.ID, at)
		}
		if got == s {
			out = append(out, c.ID)
		}
	}
	return out
}

// Disputed returns the claims that, once every statement is known, some
// source affirms and some source negates, whatever their status: a claim
// corroborated by two independent roots, or confirmed, and still denied by
// someone is disputed too; [StatusContested] is the narrower status of a
// claim affirmed and denied and nothing more. Corpus order.
func (t *Timeline) Disputed() []claim.ID {
	var out []claim.ID
	for i, c := range t.claims {
		p, k := t.home(int32(i))
		if p.final[k].affirm > 0 && p.final[k].negate > 0 {
			out = append(out, c.ID)
		}
	}
	return out
}

// AnonymousClaims returns the claims that rest only on unnamed or absent
// sources: at least one statement on the track has positive polarity (any
// certainty; inherited ones count when they affirm, that is PR+ or CT+),
// and every such statement rests on an unnamed or absent source. Corpus
// order. Build works out what it needs, so AnonymousClaims takes
// time linear in the number of claims. (Query.Anonymous, by contrast,
// selects statements.)
func (t *Timeline) AnonymousClaims() []claim.ID {
	var out []claim.ID
	for c := range t.claims {
		p, k := t.home(int32(c))
		f := p.anon[k]
		affirmed := f&(anonOwn|anonInherited) != 0
		named := f&(anonOwnNamed|anonInheritedNamed) != 0
		if affirmed && !named {
			out = append(out, t.claims[c].ID)
		}
	}
	return out
}

// Denial is a source whose position negates a claim once every statement
// is known.
type Denial struct {
	Claim  claim.ID  `json:"claim"`
	Source source.ID `json:"source"`
	// Statement is the statement that sets the source's position: its
	// latest said statement on the claim with a polarity.
	Statement claim.StatementID `json:"statement"`
	// Inherited reports that the denial is of a broader claim this one
	// refines.
	Inherited bool `json:"inherited,omitempty"`
}

// Denials answers "who denies what": for each claim in corpus order, the
// sources whose position on it negates it (see the package documentation),
// in source order.
//
// Build keeps the denials of most claims, and Denials copies them. A claim
// that inherits many denials of one source from broader claims, or
// denials from many sources (see [Timeline.Changes]), has its denials
// worked out on the first call, from every word it hears, at about the
// cost of reading its track, and kept; in a chain of n claims each denied
// by one source that first call costs in proportion to the n(n+1)/2
// entries of the tracks, and in a chain of n claims each denied by a
// source of its own it returns n(n+1)/2 denials.
func (t *Timeline) Denials() []Denial {
	var out []Denial
	for _, d := range t.allDenials() {
		out = append(out, Denial{
			Claim: t.claims[d.claim].ID, Source: t.srcs.ids[d.src],
			Statement: t.recs[d.stmt].id, Inherited: d.inherited,
		})
	}
	return out
}

// allDenials returns the denials of every claim in claim order, those
// Build did not keep worked out on the first call and kept.
func (t *Timeline) allDenials() []denial {
	if t.ov != nil {
		return t.overlayDenials()
	}
	rs := t.replay
	if rs == nil || rs.lazyDenials == nil || t.lazy == nil {
		return t.denials
	}
	l := t.lazy
	l.denyOnce.Do(func() {
		l.denials = make([]denial, 0, len(t.denials))
		k := 0
		for c := range int32(len(t.claims)) {
			if rs.lazyDenials[c] {
				l.denials = append(l.denials, rs.denials(t, c)...)
				continue
			}
			for k < len(t.denials) && t.denials[k].claim == c {
				l.denials = append(l.denials, t.denials[k])
				k++
			}
		}
	})
	return l.denials
}

// claimIndex returns the index of a claim, or an error naming it.
func (t *Timeline) claimIndex(id claim.ID) (int32, error) {
	c, ok := t.claimAt(id)
	if !ok {
		return 0, &Error{Field: "claim", Value: string(id), Err: ErrUnknownClaim}
	}
	return c, nil
}

// entry builds the public view of one track item.
func (t *Timeline) entry(c int32, it trackItem) Entry {
	in := &t.info[it.stmt]
	return Entry{
		Claim:          t.claims[c].ID,
		Statement:      t.statement(it.stmt),
		Said:           t.said(it.stmt),
		SaidFromReport: !t.recs[it.stmt].said.IsValid(),
		Article:        t.articleID(in.art),
		Reported:       t.reportedAt(it.stmt),
		Position:       int(in.pos),
		Inherited:      it.inherited,
		Anonymous:      in.anonymous,
		Discounted:     it.discount,
	}
}

// ensureIndex builds the index of statement IDs only some queries need. A timeline made by [Timeline.Extend] reads those of the timeline
// Build made through stmtAt and byArticle, with its own additions.
func (t *Timeline) ensureIndex() *lazyIndex {
	if t.lazy == nil {
		return &lazyIndex{}
	}
	l := t.lazy
	l.idxOnce.Do(func() {
		l.stmtIdx = make(map[claim.StatementID]int32, len(t.recs))
		for i := range t.recs {
			l.stmtIdx[t.recs[i].id] = int32(i)
		}
	})
	return l
}

// ensureByArt builds the index of the statements each article mentions,
// as ensureIndex does.
func (t *Timeline) ensureByArt() *lazyIndex {
	if t.lazy == nil {
		return &lazyIndex{}
	}
	l := t.lazy
	l.artOnce.Do(func() {
		l.byArt = make(map[source.ArticleID][]int32)
		for i := range t.recs {
			r := &t.recs[i]
			mentions := t.mentions[r.men : r.men+r.nMen]
			for k, m := range mentions {
				if !slices.ContainsFunc(mentions[:k], func(o mention) bool { return o.art == m.art }) {
					id := t.articles[m.art].ID
					l.byArt[id] = append(l.byArt[id], int32(i))
				}
			}
		}
		for _, list := range l.byArt {
			slices.SortFunc(list, func(a, b int32) int { return cmp.Compare(t.rank[a], t.rank[b]) })
		}
	})
	return l
}

// ensureLazy builds the orders only some queries need: every change in
// the order it became known, and the relations toward each claim.
func (t *Timeline) ensureLazy() *lazyIndex {
	if t.lazy == nil {
		return &lazyIndex{}
	}
	l := t.lazy
	l.once.Do(func() {
		// The changes of every claim, those worked out when read among
		// them, in claim order.
		l.changes = t.changes
		if t.replay != nil || t.ov != nil {
			l.changes = make([]change, 0, len(t.changes))
			for c := range t.claims {
				l.changes = append(l.changes, t.changesOf(int32(c))...)
			}
		}
		l.ordered = make([]int32, len(l.changes))
		for i := range l.ordered {
			l.ordered[i] = int32(i)
		}
		// Changes are stored claim by claim; order them by when their
		// statements became known, keeping claim order within one statement.
		slices.SortStableFunc(l.ordered, func(a, b int32) int {
			ca, cb := &l.changes[a], &l.changes[b]
			if c := cmp.Compare(t.rank[ca.stmt], t.rank[cb.stmt]); c != 0 {
				return c
			}
			return cmp.Compare(ca.claim, cb.claim)
		})
		l.incoming = make(map[int32][]int32)
		for i, cl := range t.claims {
			for _, r := range cl.Relations {
				if to, ok := t.claimAt(r.To); ok && !slices.Contains(l.incoming[to], int32(i)) {
					l.incoming[to] = append(l.incoming[to], int32(i))
				}
			}
		}
		l.orderPos = make(map[source.ArticleID][2]int)
		for i, k := range l.ordered {
			art := t.info[l.changes[k].stmt].art
			if art < 0 {
				continue
			}
			id := t.articles[art].ID
			run, ok := l.orderPos[id]
			if !ok {
				run[0] = i
			}
			run[1] = i + 1
			l.orderPos[id] = run
		}
	})
	return l
}

// articlesByTime returns the article IDs in publication order (an original
// before a reprint of the same instant, then by ID).
func (t *Timeline) articlesByTime() []source.ArticleID {
	ids := make([]source.ArticleID, len(t.artOrder))
	for i, a := range t.artOrder {
		ids[i] = t.articles[a].ID
	}
	return ids
}

// Link is one relation between two claims as either of them sees it: the
// claim at the other end, the kind of relation, and its direction. Only
// refines carries statements (see the package documentation); every kind
// is shown so that a reader can move between related claims.
type Link struct {
	// Claim is the claim at the other end.
	Claim claim.ID `json:"claim"`
	// Kind is the relation.
	Kind claim.RelationKind `json:"kind"`
	// Incoming reports that the other claim declares the relation toward
	// this one: with Kind part-of, Claim is a part of this claim.
	Incoming bool `json:"incoming,omitempty"`
}

// String returns "refines shells" for an outgoing link and "talks part-of
// this" for an incoming one. A claim ID that holds a control character, a
// line break, a bidirectional override or invalid UTF-8 is quoted with Go's
// escapes, so that printing a link cannot forge what a terminal shows.
func (l Link) String() string {
	if l.Incoming {
		return display.Safe(l.Claim) + " " + l.Kind.String() + " this"
	}
	return l.Kind.String() + " " + display.Safe(l.Claim)
}

// Related returns the claim's relations in both directions: those it
// declares, in their order, then those other claims declare toward it, in
// corpus order. It fails with an [*Error] wrapping [ErrUnknownClaim] for an
// unknown claim.
func (t *Timeline) Related(id claim.ID) ([]Link, error) {
	c, err := t.claimIndex(id)
	if err != nil {
		return nil, err
	}
	var out []Link
	for _, r := range t.claims[c].Relations {
		out = append(out, Link{Claim: r.To, Kind: r.Kind})
	}
	for _, o := range t.ensureLazy().incoming[c] {
		for _, r := range t.claims[o].Relations {
			if r.To == id {
				out = append(out, Link{Claim: t.claims[o].ID, Kind: r.Kind, Incoming: true})
			}
		}
	}
	return out, nil
}
