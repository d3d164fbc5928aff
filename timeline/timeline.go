package timeline

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/corpusview"
	"github.com/claimtrail/claimtrail/source"
)

// Timeline is the history of every claim in a corpus: the statements about
// each claim in time order, its status at any instant, and what each
// article changed. Build one with [Build], or with [BuildChecked] from a
// corpus validated once.
//
// A Timeline is immutable and safe for concurrent use. Everything it returns
// is a copy: changing a returned value does not change the timeline. The
// zero Timeline is empty: it holds no claim. A *Timeline must not be nil:
// every method of a nil one panics (an iterator it returns, when used),
// as writing to a nil map does, rather than answering as an empty
// timeline would and hiding a timeline that was never built.
type Timeline struct {
	reg      *source.Registry
	articles []source.Article
	artIdx   map[source.ArticleID]int32
	claims   []claim.Claim
	claimIdx map[claim.ID]int32
	recs     []record  // the statements, compactly; see load.go
	via      []int32   // source indexes of every record's Via, back to back
	mentions []mention // every record's mentions, back to back
	quotes   []string  // the strings of the mentions whose quote is not offsets into their article's text
	info     []stmtInfo
	srcs     sourceTable
	rules    Rules

	// Per claim, flattened: claim i's items are items[off[i]:off[i+1]].
	// A claim's track items are its own statements, in track order; what
	// it inherits, rel finds when the track is read.
	trackOff, histOff, changeOff []int32
	track                        []int32
	rel                          *relations // nil when no claim refines another
	cut                          []claimCut // per claim, when inherited negations count
	anon                         []uint8    // per claim, what Anonymous needs: anonOwn | ...
	history                      []step
	changes                      []change
	rank                         []int32    // statement -> place in the order statements became known
	artOrder                     []int32    // article indexes in publication order, ties by ID
	artPlace                     []int32    // article -> its place in artOrder
	artCut                       []int32    // place in artOrder -> how many statements are known once that article is
	final                        []counters // per claim, once every statement is known
	denials                      []denial
	firstWord                    []int32 // per source, its first known statement, -1 for none

	// replay holds what working out the changes of the claims Build
	// leaves them to needs (see replay.go); nil when there are none.
	replay *replayState

	// lazy holds the indexes only some queries need, built on first use.
	// It is a pointer so that copies of a Timeline share it safely; it is
	// nil in the zero Timeline, which has nothing to index.
	lazy *lazyIndex

	// lastKnown is the statement that became known last, -1 for none:
	// [Timeline.Extend] appends in place only what comes after it.
	lastKnown int32
	// grown is set by the first [Timeline.Extend] that appends to this
	// timeline's statement tables in place, past their length; any later
	// one copies them. Nil in the zero Timeline, which is never grown.
	grown *atomic.Bool
	// ov is what a timeline extended from another holds beyond the
	// timeline Build made (see extend.go); nil for a built one.
	ov *overlay
}

// lazyIndex holds the indexes only some queries need.
type lazyIndex struct {
	denyOnce sync.Once
	denials  []denial // every claim's denials, when Build left some to work out
	idxOnce  sync.Once
	stmtIdx  map[claim.StatementID]int32
	artOnce  sync.Once
	byArt    map[source.ArticleID][]int32 // article -> statements it mentions, in knowledge order
	compOnce sync.Once
	comp     []int32 // claim -> a label its refines component shares (see extend.go)
	once     sync.Once
	changes  []change                    // every claim's changes, in claim order
	ordered  []int32                     // indexes into changes, in the order they became known
	orderPos map[source.ArticleID][2]int // article -> its run in ordered
	incoming map[int32][]int32           // claim -> the claims with a relation toward it, in corpus order
}

// Entry is one statement on a claim's track, with the times the timeline
// orders it by. It is a copy: changing it changes nothing in the timeline.
type Entry struct {
	// Claim is the claim whose track this is. It differs from
	// Statement.Claim when the statement counts for this claim through a
	// relation (see Inherited).
	Claim claim.ID `json:"claim"`
	// Statement is the statement itself.
	Statement claim.Statement `json:"statement"`
	// Said is when the statement was made: Statement.Said when known, else
	// the publication time of its first report (see SaidFromReport).
	Said claim.Date `json:"said"`
	// SaidFromReport reports whether Said falls back to the first report.
	SaidFromReport bool `json:"said_from_report,omitempty"`
	// Article is the article that first reported the statement; empty for a
	// statement with no mention.
	Article source.ArticleID `json:"article,omitempty"`
	// Reported is when the statement became known: the publication time of
	// its first report, or the start of Said for a statement with no mention.
	Reported time.Time `json:"reported"`
	// Position is the byte offset of the statement in its first report, or
	// -1 for a statement with no mention.
	Position int `json:"position"`
	// Inherited reports that the statement is about a related claim and
	// counts for this one: an affirmation of a claim that refines this one,
	// or a negation of a claim this one refines.
	Inherited bool `json:"inherited,omitempty"`
	// Anonymous reports that the statement rests on an unnamed or absent
	// source: its speaker or someone in its Via chain is one.
	Anonymous bool `json:"anonymous,omitempty"`
	// Discounted says why an inherited statement does not count for this
	// claim's status: a denial of a broader claim said before this claim's
	// event, or before its first report. It stays on the track so that a
	// reader sees it, and why it does not count; it is Counted otherwise.
	Discounted Discount `json:"discounted,omitzero"`
}

// StatusChange is one step in a claim's status history. It is a plain value.
type StatusChange struct {
	// At is when the change became known: the publication time of the
	// article that caused it.
	At   time.Time `json:"at"`
	From Status    `json:"from"`
	To   Status    `json:"to"`
	// Statement, its Source and Article are what caused the change: the
	// status is "refuted by un-panel".
	Statement claim.StatementID `json:"statement"`
	Source    source.ID         `json:"source"`
	Article   source.ArticleID  `json:"article,omitempty"`
}

// Change is one thing a statement changed in the picture of a claim. It is
// a plain value.
type Change struct {
	// Kind is what changed.
	Kind ChangeKind `json:"kind"`
	// Claim is the claim whose picture changed.
	Claim claim.ID `json:"claim"`
	// Statement is the statement that changed it, and Source its speaker.
	Statement claim.StatementID `json:"statement"`
	Source    source.ID         `json:"source"`
	// Article is the article that first reported the statement; empty for a
	// statement with no mention.
	Article source.ArticleID `json:"article,omitempty"`
	// At is when the change became known.
	At time.Time `json:"at"`
	// From and To are the statuses before and after, for ChangeStatus only.
	From Status `json:"from,omitzero"`
	To   Status `json:"to,omitzero"`
	// Inherited reports that the statement is about a related claim.
	Inherited bool `json:"inherited,omitempty"`
}

// stmtInfo is what Build works out about one statement.
//
// It holds no pointers, so the collector need not scan it.
type stmtInfo struct {
	art       int32 // first report, -1 if none
	pos       int32 // offset in the first report, -1 if none
	claim     int32
	src       int32
	stance    stance
	anonymous bool
}

type trackItem struct {
	stmt      int32
	inherited bool
	discount  Discount
}

// claimCut is when the negations a claim inherits from broader claims
// start to count: from the start of its event, or with none, from its
// first report (sec, nsec); none counts if the claim was never reported.
// why is the discount of those that do not.
type claimCut struct {
	sec      int64
	nsec     int32
	reported bool
	why      Discount
}

// The bits of Timeline.anon: the claim's track holds a statement with a
// positive polarity, its own or inherited, and a named one.
const (
	anonOwn uint8 = 1 << iota
	anonOwnNamed
	anonInherited
	anonInheritedNamed
)

// denial is the compact form of a [Denial].
type denial struct {
	claim, src, stmt int32
	inherited        bool
}

// change is the compact form of a [Change] the timeline keeps; the public
// form is made on the way out.
type change struct {
	claim     int32
	stmt      int32
	kind      ChangeKind
	from, to  Status
	inherited bool
}

// step is the compact form of a [StatusChange].
type step struct {
	stmt     int32
	from, to Status
}

// publicChange returns the public form of a change.
func (t *Timeline) publicChange(ch change) Change {
	return Change{
		Kind:      ch.kind,
		Claim:     t.claims[ch.claim].ID,
		Statement: t.recs[ch.stmt].id,
		Source:    t.srcs.ids[t.info[ch.stmt].src],
		Article:   t.articleID(t.info[ch.stmt].art),
		At:        t.reportedAt(ch.stmt),
		From:      ch.from,
		To:        ch.to,
		Inherited: ch.inherited,
	}
}

// publicStep returns the public form of a status step.
func (t *Timeline) publicStep(st step) StatusChange {
	return StatusChange{
		At:        t.reportedAt(st.stmt),
		From:      st.from,
		To:        st.to,
		Statement: t.recs[st.stmt].id,
		Source:    t.srcs.ids[t.info[st.stmt].src],
		Article:   t.articleID(t.info[st.stmt].art),
	}
}

// Build checks the corpus as [claim.Corpus.Validate] does and builds its
// timeline. It returns the validation error unchanged when the corpus is
// invalid, with every problem in it. The corpus is only read while Build
// runs, and the timeline keeps what it needs of it: changing the corpus
// afterwards does not change the timeline. The validation resolves each
// claim, source and article ID a statement names to its index in the same
// pass, as [claim.Check] does but without Check's copy of the corpus, and
// the build reads those indexes as [BuildChecked] does, so that no ID is
// looked up twice.
//
// Statements on a track are ordered by when they were said (see
// [claim.Date.Compare]: a year-only date sorts at the start of its year,
// before the days in it), then by when they became known, then by article
// ID, then by position in the article, then by statement ID. The status
// history and the changes follow the order in which statements became
// known: publication time of the first report (an original before a
// reprint published at the same instant), article ID, position, statement
// ID.
//
// Building takes time and memory linear in the size of the corpus, with a
// logarithmic factor for sorting, plus the changes it records. Tracks can
// be far larger than the corpus, since a claim's track lists the statements
// it inherits (see the package documentation): in a chain of n claims each
// affirmed once they hold n(n+1)/2 entries in all. Build does not write
// them out; [Timeline.Track] gathers each when it is read. To work out
// statuses and changes, a claim takes each statement that counts for it in
// turn, except that the affirmations one source carries to it from
// refining claims, when they agree in said date and factuality, count in
// bulk: the claim takes the first of them, and the first after each other
// word of that source on the claim, at O(log² n) each, since the ones in
// between change nothing; and when every word of a source on the claim
// affirms it with one factuality, whatever their dates, the claim takes
// only the first the source carries to it. When a claim is carried such
// words by more than 64 sources, it takes of those whose every word on it
// affirms it alike only the few that can move its status (the first, the
// first that confirms it, and the first of each of the first
// [Rules.Corroboration] roots that corroborate it), and its changes, which
// name every new source, are worked out when they are read (see
// [Timeline.Changes]). Negations carried down to narrower claims by a
// source that carries nothing up count in bulk too: where every word of
// such a source on a claim negates it with one factuality, whatever their
// dates, the claim takes only the first of its inherited negations that
// counts (said on or after the claim's event or first report), at
// O(log² n) per negation and per such source, and its changes and denials
// are worked out when read (see [Timeline.Changes] and
// [Timeline.Denials]). When a claim inherits negations from more than 64
// such sources, it takes of those whose every word on it negates it alike
// only the two words that can move its status (the first that counts, and
// the first that refutes it), found at O(log² n), and no longer each
// source in turn; finding the first that refutes it passes over, at
// O(log n) each, the certain negations of investigators that are actors
// of the claim, which cannot refute it. A source that also carries words
// up, and none of them in bulk, has its negations of broader claims
// count in bulk when all of them share one said date and factuality: the
// claim takes the first of them, and the first after each other word of
// that source on the claim, at O(log² n) each, and its
// changes and denials are worked out when read. A source that carries
// no more affirmations and retractions up than negations down has the
// words it carries up taken one by one when that lets its negations
// count in bulk, as a government that denies each new allegation and
// confirms a few does. When such a source's
// negations differ in said date or factuality, and the said periods of
// its words are, two by two, the same or apart (all instants, or all
// days), the claim takes, between two other words of that source on it,
// only the negations that set what those words compare with: the first,
// the first later than the source's latest word that stands and than its
// latest affirmation, and the latest, at most four, at O(log² n) each.
// So a chain of a million
// claims each refining the next, a chain of a hundred thousand claims each
// affirmed once by one source, each affirmed by a source of its own, each
// denied by one source, each denied by a source of its own, or each denied
// by one source that also affirms the narrowest or a few claims along
// it, whether its denials share a said date and factuality or each is
// said at an instant of its own, or one claim refined by
// a hundred thousand others costs in proportion to its claims and
// statements, with a logarithmic factor. The words taken one by one
// (negations of a source that carries affirmations up in bulk, more of
// them than the negations it carries down, or that
// also carries words up and whose negations differ in said date or
// factuality with said periods that overlap, as a year and a day in it
// do, and
// affirmations or retractions carried up that disagree with the source's
// others, or whose source's negations count in bulk) cost in proportion
// to the claims they reach; most of them
// change something each time, and the changes are kept.
// Where claims refine several claims that share ancestors, finding the
// claims that carry words to a claim costs at worst their number times the
// number of claims that refine it directly.
func Build(c *claim.Corpus, rules *Rules) (*Timeline, error) {
	if c == nil {
		return nil, &Error{Field: "corpus", Value: "nil", Err: fmt.Errorf("%w: no corpus to build from", ErrInvalid)}
	}
	var r Rules
	if rules != nil {
		r = *rules
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	// One pass validates the corpus and resolves each ID it names to its
	// index, as claim.Check does, without Check's copy: the build only
	// reads the corpus, and reads the indexes as BuildChecked does.
	reg, x, err := corpusview.Intern(c)
	if err != nil {
		return nil, err
	}
	t, ok := buildFrom(c, reg, x, r, 0, bulkAuto)
	if !ok {
		// A valid corpus resolves every reference and places every
		// statement in time.
		return nil, &Error{Field: "corpus", Value: "", Err: ErrInvalid}
	}
	return t, nil
}

// BuildChecked builds the timeline of a corpus that [claim.Check],
// [claim.DecodeChecked] or [claim.LoadChecked] validated, as [Build] does,
// without validating it again and with the registry the Checked holds:
// after claim.LoadChecked it saves the second validation and two of the
// three registries that [claim.Load] then Build make. A nil Checked is an
// [*Error] on "corpus" wrapping [ErrInvalid]; the rules are checked as
// Build checks them. Its costs are Build's less the validation's, and the
// timeline holds its own copy of what it needs, as Build's does.
func BuildChecked(c *claim.Checked, rules *Rules) (*Timeline, error) {
	if c == nil {
		return nil, &Error{Field: "corpus", Value: "nil", Err: fmt.Errorf("%w: no corpus to build from", ErrInvalid)}
	}
	var r Rules
	if rules != nil {
		r = *rules
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	corpus, reg := corpusview.Open[claim.Corpus](c)
	t, ok := buildFrom(corpus, reg, corpusview.Interned(c), r, 0, bulkAuto)
	if !ok {
		// A checked corpus resolves every reference.
		return nil, &Error{Field: "corpus", Value: "", Err: ErrInvalid}
	}
	return t, nil
}

// build builds the timeline of c under the rules in the given number of
// parts (0: as suits the corpus), or reports false when c has a reference
// it cannot resolve.
func build(c *claim.Corpus, rules Rules, parts int) (*Timeline, bool) {
	return buildBulk(c, rules, parts, bulkAuto)
}

// buildBulk is build, carrying agreeing affirmations in bulk or not (see
// bulk.go).
func buildBulk(c *claim.Corpus, rules Rules, parts int, bulk bulkMode) (*Timeline, bool) {
	reg, err := c.Registry()
	if err != nil {
		return nil, false
	}
	return buildFrom(c, reg, nil, rules, parts, bulk)
}

// buildFrom is buildBulk with the registry of c's sources and articles and,
// when c is checked, its interned form x (nil otherwise), which saves
// looking up each statement's IDs.
func buildFrom(c *claim.Corpus, reg *source.Registry, x *corpusview.Index, rules Rules, parts int, bulk bulkMode) (*Timeline, bool) {
	if parts <= 0 {
		parts = partsFor(len(c.Statements))
	}
	t := &Timeline{reg: reg, rules: rules, lazy: new(lazyIndex), lastKnown: -1, grown: new(atomic.Bool)}
	if !t.load(c, x, parts) {
		return nil, false
	}
	order := t.knowledgeOrder()
	if len(order) > 0 {
		t.lastKnown = order[len(order)-1]
	}
	b := newBuilder(t, order, parts, bulk)
	b.run(parts)
	return t, true
}

// parallelFrom is the number of statements from which Build works on
// several processors.
const parallelFrom = 1 << 16

// partsFor returns how many parts to split work over n statements into:
// one per processor for a large corpus, else one, since below parallelFrom
// the goroutines cost more than they save.
func partsFor(n int) int {
	if n < parallelFrom {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), 8)
}

// inParts calls f for each of parts consecutive ranges [lo, hi) of [0, n),
// side by side when parts > 1, and returns when all have returned.
func inParts(n, parts int, f func(p, lo, hi int)) {
	if parts <= 1 {
		f(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { f(p, n*p/parts, n*(p+1)/parts) })
	}
	wg.Wait()
}

// knowledgeOrder returns every statement index ordered by when it became
// known: publication time of the first report (an original before a
// reprint of the same instant), article ID, position, statement ID. Statements are bucketed by article in one linear pass, so
// only the statements of one article are ever sorted together.
func (t *Timeline) knowledgeOrder() []int32 {
	arts, place := t.artOrder, t.artPlace
	off := make([]int32, len(t.articles)+1)
	var unmentioned []int32
	for i := range t.info {
		if a := t.info[i].art; a >= 0 {
			off[place[a]+1]++
		} else {
			unmentioned = append(unmentioned, int32(i))
		}
	}
	for p := 1; p < len(off); p++ {
		off[p] += off[p-1]
	}
	// Bucket (position, statement) pairs, read in statement order, so that
	// sorting a bucket compares positions held in the bucket itself.
	type placed struct{ pos, stmt int32 }
	pairs := make([]placed, int(off[len(off)-1]))
	next := slices.Clone(off)
	for i := range t.info {
		if a := t.info[i].art; a >= 0 {
			p := place[a]
			pairs[next[p]] = placed{t.info[i].pos, int32(i)}
			next[p]++
		}
	}
	byPos := func(a, b placed) int {
		if c := cmp.Compare(a.pos, b.pos); c != 0 {
			return c
		}
		return cmp.Compare(t.recs[a.stmt].id, t.recs[b.stmt].id)
	}
	for p := range arts {
		if b := pairs[off[p]:off[p+1]]; !slices.IsSortedFunc(b, byPos) {
			slices.SortFunc(b, byPos)
		}
	}
	bucketed := make([]int32, len(pairs))
	for i, pr := range pairs {
		bucketed[i] = pr.stmt
	}
	t.artCut = slices.Clone(off[1:])
	if len(unmentioned) == 0 {
		return bucketed
	}
	// Statements with no mention became known when they were said; merge
	// them in by time, before any article of the same instant (their
	// article ID is empty).
	slices.SortFunc(unmentioned, func(a, b int32) int {
		if c := t.reportedAt(a).Compare(t.reportedAt(b)); c != 0 {
			return c
		}
		return cmp.Compare(t.recs[a].id, t.recs[b].id)
	})
	// Once an article is known, so are the statements with no mention
	// said by its publication: they come before any article of their
	// instant.
	k := 0
	for p, a := range arts {
		for k < len(unmentioned) && !t.articles[a].Published.Before(t.reportedAt(unmentioned[k])) {
			k++
		}
		t.artCut[p] += int32(k)
	}
	order := make([]int32, 0, len(t.info))
	k = 0
	for _, s := range bucketed {
		for k < len(unmentioned) && !t.reportedAt(s).Before(t.reportedAt(unmentioned[k])) {
			order = append(order, unmentioned[k])
			k++
		}
		order = append(order, s)
	}
	return append(order, unmentioned[k:]...)
}

// said returns when statement i was said: its Said date, or the
// publication time of its first report when that is unknown.
func (t *Timeline) said(i int32) claim.Date {
	if !t.recs[i].said.IsValid() {
		return claim.NewDate(t.articles[t.info[i].art].Published, claim.PrecisionInstant)
	}
	return t.recs[i].said
}

// compareTrack orders two statements on a track: by said date, then by
// the order they became known (publication of the first report, article
// ID, position, statement ID). It needs the knowledge order's ranks.
func (t *Timeline) compareTrack(a, b int32) int {
	if c := t.said(a).Compare(t.said(b)); c != 0 {
		return c
	}
	return cmp.Compare(t.rank[a], t.rank[b])
}

func (t *Timeline) articleID(i int32) source.ArticleID {
	if i < 0 {
		return ""
	}
	return t.articles[i].ID
}

// reportedAt returns when statement i became known.
func (t *Timeline) reportedAt(i int32) time.Time {
	in := &t.info[i]
	if in.art >= 0 {
		return t.articles[in.art].Published
	}
	return t.recs[i].said.Start()
}

// sourceTable is what Build needs to know about each source, by index.
type sourceTable struct {
	idx          map[source.ID]int32
	ids          []source.ID
	root         []int32
	anonymous    []bool // unnamed or absent
	absent       []bool
	floating     []bool    // unnamed with no parent: its independence cannot be told
	investigator []bool    // a named investigator or a named source speaking for one
	accused      [][]int32 // per claim, the roots of its accused parties
	parties      [][]int32 // per claim, the roots of its actors that cannot corroborate it: all but targets
	actors       [][]int32 // per claim, the roots of all its actors
}

func newSourceTable(reg *source.Registry, claims []claim.Claim) sourceTable {
	all := reg.Sources()
	st := sourceTable{
		idx:          make(map[source.ID]int32, len(all)),
		ids:          make([]source.ID, 0, len(all)),
		root:         make([]int32, 0, len(all)),
		anonymous:    make([]bool, 0, len(all)),
		absent:       make([]bool, 0, len(all)),
		floating:     make([]bool, 0, len(all)),
		investigator: make([]bool, 0, len(all)),
		accused:      make([][]int32, len(claims)),
		parties:      make([][]int32, len(claims)),
		actors:       make([][]int32, len(claims)),
	}
	st.addSources(all, reg)
	for i, c := range claims {
		target := false
		for _, a := range c.Actors {
			r := st.root[st.idx[a.Source]]
			if a.Role == claim.RoleAccused && !slices.Contains(st.accused[i], r) {
				st.accused[i] = append(st.accused[i], r)
			}
			if !slices.Contains(st.actors[i], r) {
				st.actors[i] = append(st.actors[i], r)
			}
			target = target || a.Role == claim.RoleTarget
		}
		// Most claims name no target: their parties are their actors.
		st.parties[i] = st.actors[i]
		if target {
			st.parties[i] = nil
			for _, a := range c.Actors {
				if r := st.root[st.idx[a.Source]]; a.Role != claim.RoleTarget && !slices.Contains(st.parties[i], r) {
					st.parties[i] = append(st.parties[i], r)
				}
			}
		}
	}
	return st
}

// addSources appends what Build needs to know of each of sources, all of
// which reg holds, each one's root among them or before them.
func (st *sourceTable) addSources(sources []source.Source, reg *source.Registry) {
	for _, s := range sources {
		st.idx[s.ID] = int32(len(st.ids))
		st.ids = append(st.ids, s.ID)
		anon := s.IsAbsent() || s.IsUnnamed()
		st.anonymous = append(st.anonymous, anon)
		st.absent = append(st.absent, s.IsAbsent())
		st.floating = append(st.floating, s.IsUnnamed() && s.Parent == "")
		st.investigator = append(st.investigator, !anon && reg.Investigator(s.ID))
	}
	for _, s := range sources {
		r, _ := reg.Root(s.ID)
		st.root = append(st.root, st.idx[r])
	}
}
