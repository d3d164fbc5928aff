package timeline_test

// A slow, straightforward reference for the status rules, in the manner of
// net/netip's parseIPSlow: it recomputes every claim's status after every
// statement from the public corpus and registry alone, from scratch each
// time, with none of Build's tallies, slots, buckets or parts. Tests and
// the fuzz target below hold Build's status histories to it.

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// refStmt is one statement as the reference sees it.
type refStmt struct {
	s        claim.Statement
	said     claim.Date // Said, or the first report's publication instant
	reported time.Time  // when it became known
	art      source.ArticleID
	reprint  bool
	pos      int
	rank     int // place in the order statements became known
}

// refPol is the polarity a statement takes for the status rules.
type refPol int

const (
	refNone    refPol = iota // no position, or a possibility
	refAffirm                // affirms
	refNegate                // negates
	refRetract               // retracts
)

func refStance(s claim.Statement, r timeline.Rules) refPol {
	f := s.Factuality
	switch {
	case s.Act == claim.ActRetract:
		return refRetract
	case r.PossibleAlleges && f == claim.PSPlus():
		return refAffirm
	case f.Certainty >= claim.CertaintyProbable && f.Polarity == claim.PolarityPositive:
		return refAffirm
	case f.Certainty >= claim.CertaintyProbable && f.Polarity == claim.PolarityNegative:
		return refNegate
	}
	return refNone
}

// refKnowledgeOrder returns the corpus's statements in the order they
// became known: the first report's publication time (a statement with no
// mention at its said date, before articles of the same instant), an
// original before a reprint, article ID, position, statement ID.
func refKnowledgeOrder(c *claim.Corpus) []refStmt {
	arts := map[source.ArticleID]source.Article{}
	for _, a := range c.Articles {
		arts[a.ID] = a
	}
	artBefore := func(x, y source.Article) bool {
		if !x.Published.Equal(y.Published) {
			return x.Published.Before(y.Published)
		}
		if xr, yr := x.IsReprint(), y.IsReprint(); xr != yr {
			return yr
		}
		return x.ID < y.ID
	}
	var out []refStmt
	for _, s := range c.Statements {
		r := refStmt{s: s, pos: -1}
		for _, m := range s.Mentions {
			a := arts[m.Article]
			switch {
			case r.art == "" || artBefore(a, arts[r.art]):
				r.art, r.pos = a.ID, m.Span.Start
			case a.ID == r.art && m.Span.Start < r.pos:
				r.pos = m.Span.Start
			}
		}
		if r.art != "" {
			a := arts[r.art]
			r.reported, r.reprint = a.Published, a.IsReprint()
		} else {
			r.reported = s.Said.Start()
		}
		r.said = s.Said
		if !r.said.IsValid() {
			r.said = claim.NewDate(r.reported, claim.PrecisionInstant)
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(x, y refStmt) int {
		if c := x.reported.Compare(y.reported); c != 0 {
			return c
		}
		if xm, ym := x.art != "", y.art != ""; xm != ym {
			if xm {
				return +1
			}
			return -1
		}
		if x.reprint != y.reprint {
			if x.reprint {
				return +1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(x.art, y.art), cmp.Compare(x.pos, y.pos), cmp.Compare(x.s.ID, y.s.ID))
	})
	for i := range out {
		out[i].rank = i
	}
	return out
}

// refLater reports whether b is the later word than a: a's said period
// ends before b's starts, or, when neither period lies wholly before the
// other, b became known later.
func refLater(a, b *refStmt) bool {
	switch {
	case refWhollyBefore(a, b):
		return true
	case refWhollyBefore(b, a):
		return false
	}
	return a.rank < b.rank
}

// refWhollyBefore reports whether x's said period ends before y's starts.
func refWhollyBefore(x, y *refStmt) bool {
	xs, xe, ys := x.said.Start(), x.said.End(), y.said.Start()
	if x.said.Precision() == claim.PrecisionInstant {
		xe = xs
	}
	return !xe.After(ys) && xs.Before(ys)
}

// refNewest folds a list, in the order it became known, down to its latest
// word as Build does: each statement replaces the one held unless the one
// held is later.
func refNewest(list []*refStmt) *refStmt {
	var best *refStmt
	for _, s := range list {
		if best == nil || refLater(best, s) {
			best = s
		}
	}
	return best
}

// refClosure returns the claims reachable from id by following refines
// relations forward (the claims id refines) or, with back, backward (the
// claims that refine id); id itself is left out.
func refClosure(c *claim.Corpus, id claim.ID, back bool) map[claim.ID]bool {
	seen := map[claim.ID]bool{}
	stack := []claim.ID{id}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, cl := range c.Claims {
			for _, r := range cl.Relations {
				if r.Kind != claim.RelationRefines {
					continue
				}
				from, to := cl.ID, r.To
				if back {
					from, to = to, from
				}
				if from == x && to != id && !seen[to] {
					seen[to] = true
					stack = append(stack, to)
				}
			}
		}
	}
	return seen
}

// refStatus is the claim's status once the statements known are known, as
// the documentation of Status and of the package states the rules.
func refStatus(c *claim.Corpus, reg *source.Registry, rules timeline.Rules, cl claim.Claim, known []refStmt) timeline.Status {
	ups, downs := refClosure(c, cl.ID, true), refClosure(c, cl.ID, false)
	// The statements that count for the claim, in the order known.
	type item struct {
		*refStmt
		pol       refPol
		inherited bool
	}
	var items []item
	var first *refStmt
	for i := range known {
		s := &known[i]
		p := refStance(s.s, rules)
		switch {
		case s.s.Claim == cl.ID:
			items = append(items, item{s, p, false})
		case ups[s.s.Claim] && (p == refAffirm || p == refRetract):
			items = append(items, item{s, p, true})
		case downs[s.s.Claim] && p == refNegate:
			items = append(items, item{s, p, true})
			continue
		default:
			continue
		}
		if first == nil {
			first = s
		}
	}
	if first == nil {
		return timeline.StatusUnreported
	}
	// Negations of broader claims count when said on or after the event,
	// or, with no event, the first report.
	thr := claim.NewDate(first.reported, claim.PrecisionInstant).Start()
	if cl.Event.IsValid() {
		thr = cl.Event.Start()
	}
	counts := func(s *refStmt) bool {
		if s.said.Precision() == claim.PrecisionInstant {
			return !s.said.Start().Before(thr)
		}
		return !s.said.Start().Before(thr) || s.said.End().After(thr)
	}

	// Each source's position.
	type chanState struct {
		of        claim.ID
		word      *refStmt
		pol       refPol
		withdrawn bool
	}
	type state struct {
		own      []*refStmt
		aff, neg []*refStmt
		chans    []*chanState
	}
	states := map[source.ID]*state{}
	var order []source.ID
	for _, it := range items {
		if it.inherited && it.pol == refNegate && !counts(it.refStmt) {
			continue
		}
		if it.s.Factuality.Polarity == claim.PolarityUnderspecified && it.pol != refRetract {
			continue
		}
		st := states[it.s.Source]
		if st == nil {
			st = &state{}
			states[it.s.Source] = st
			order = append(order, it.s.Source)
		}
		switch it.pol {
		case refAffirm:
			st.aff = append(st.aff, it.refStmt)
		case refNegate:
			st.neg = append(st.neg, it.refStmt)
		case refNone, refRetract:
		}
		if !it.inherited {
			st.own = append(st.own, it.refStmt)
			continue
		}
		k := slices.IndexFunc(st.chans, func(ch *chanState) bool { return ch.of == it.s.Claim })
		switch {
		case it.pol == refRetract:
			if k >= 0 && !st.chans[k].withdrawn && st.chans[k].pol == refAffirm && refLater(st.chans[k].word, it.refStmt) {
				*st.chans[k] = chanState{of: it.s.Claim, word: it.refStmt, pol: refRetract, withdrawn: true}
			}
		case k < 0:
			st.chans = append(st.chans, &chanState{of: it.s.Claim, word: it.refStmt, pol: it.pol})
		case refLater(st.chans[k].word, it.refStmt):
			*st.chans[k] = chanState{of: it.s.Claim, word: it.refStmt, pol: it.pol}
		}
	}

	roots := func(roles ...claim.Role) []source.ID {
		var out []source.ID
		for _, a := range cl.Actors {
			if len(roles) == 0 || slices.Contains(roles, a.Role) {
				r, _ := reg.Root(a.Source)
				out = append(out, r)
			}
		}
		return out
	}
	accused := roots(claim.RoleAccused)
	parties := roots(claim.RoleAccused, claim.RoleBeneficiary, claim.RoleSubject)
	actors := roots()

	var affirm, negate, retracted, confirm, refute int
	indep := map[source.ID]bool{}
	for _, id := range order {
		st := states[id]
		type word struct {
			s   *refStmt
			pol refPol
		}
		var best *word
		if own := refNewest(st.own); own != nil {
			w := word{own, refStance(own.s, rules)}
			if w.pol == refRetract {
				aff, neg := refNewest(st.aff), refNewest(st.neg)
				if aff == nil || neg != nil && !refLater(neg, aff) {
					w.pol = refNone
				}
			}
			best = &w
		}
		// The latest word across the source's own and each related
		// claim's: the one later than all others, or, when none is, the
		// one known last among those said wholly before no other.
		var words, gone []word
		if best != nil {
			words = append(words, *best)
		}
		for _, ch := range st.chans {
			if ch.withdrawn {
				gone = append(gone, word{ch.word, ch.pol})
			} else {
				words = append(words, word{ch.word, ch.pol})
			}
		}
		latest := func(ws []word) *word {
			var out *word
			for i, w := range ws {
				if slices.ContainsFunc(ws, func(v word) bool { return refWhollyBefore(w.s, v.s) }) {
					continue
				}
				if out == nil || out.s.rank < w.s.rank {
					out = &ws[i]
				}
			}
			return out
		}
		if best = latest(words); best == nil {
			best = latest(gone)
		}
		if best == nil {
			continue
		}
		src, _ := reg.Source(id)
		root, _ := reg.Root(id)
		named := !src.IsAbsent() && !src.IsUnnamed()
		investigator := named && reg.Investigator(id) && !slices.Contains(actors, root)
		certain := best.s.s.Factuality.Certainty == claim.CertaintyCertain
		switch best.pol {
		case refAffirm:
			affirm++
			if certain && (slices.Contains(accused, root) && named || !slices.Contains(accused, root) && investigator) {
				confirm++
			}
			if best.s.s.Factuality.Certainty >= claim.CertaintyProbable && !src.IsAbsent() &&
				(!src.IsUnnamed() || src.Parent != "" && !rules.ExcludeUnnamed) && !slices.Contains(parties, root) {
				indep[root] = true
			}
		case refNegate:
			negate++
			if certain && investigator {
				refute++
			}
		case refRetract:
			retracted++
		case refNone:
		}
	}
	need := rules.Corroboration
	if need == 0 {
		need = 2
	}
	switch {
	case confirm > 0 && refute == 0:
		return timeline.StatusConfirmed
	case refute > 0 && confirm == 0:
		return timeline.StatusRefuted
	case len(indep) >= need:
		return timeline.StatusCorroborated
	case affirm > 0 && negate > 0:
		return timeline.StatusContested
	case affirm > 0:
		return timeline.StatusAlleged
	case retracted > 0:
		return timeline.StatusRetracted
	case negate > 0:
		return timeline.StatusDenied
	}
	return timeline.StatusReported
}

// refStep is one step of a status history: the statement after which the
// status changed, and the new status.
type refStep struct {
	Statement claim.StatementID
	To        timeline.Status
}

// refHistories returns each claim's status history by the reference.
func refHistories(c *claim.Corpus, rules timeline.Rules) (map[claim.ID][]refStep, error) {
	reg, err := c.Registry()
	if err != nil {
		return nil, err
	}
	all := refKnowledgeOrder(c)
	out := map[claim.ID][]refStep{}
	for _, cl := range c.Claims {
		status := timeline.StatusUnreported
		for k := range all {
			if s := refStatus(c, reg, rules, cl, all[:k+1]); s != status {
				out[cl.ID] = append(out[cl.ID], refStep{all[k].s.ID, s})
				status = s
			}
		}
	}
	return out, nil
}

// checkAgainstReference builds c under the rules and compares every
// claim's status history with the reference's.
func checkAgainstReference(t *testing.T, c *claim.Corpus, rules timeline.Rules) {
	t.Helper()
	tl, err := timeline.Build(c, &rules)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	want, err := refHistories(c, rules)
	if err != nil {
		t.Fatalf("reference: %v", err)
	}
	// The status right after each article, in the reference's article
	// order: everything first reported in it or an article before it, and
	// every statement with no mention said by its publication.
	arts := slices.Clone(c.Articles)
	slices.SortFunc(arts, func(x, y source.Article) int {
		if !x.Published.Equal(y.Published) {
			return x.Published.Compare(y.Published)
		}
		if xr, yr := x.IsReprint(), y.IsReprint(); xr != yr {
			if xr {
				return +1
			}
			return -1
		}
		return cmp.Compare(x.ID, y.ID)
	})
	var order []source.ArticleID
	for _, a := range arts {
		order = append(order, a.ID)
	}
	if got := tl.ArticleOrder(); !slices.Equal(order, got) {
		t.Errorf("ArticleOrder() = %v, the reference %v", got, order)
	}
	reg, _ := c.Registry()
	all := refKnowledgeOrder(c)
	place := map[source.ArticleID]int{}
	for i, id := range order {
		place[id] = i
	}
	for p, a := range arts {
		var known []refStmt
		for _, s := range all {
			if s.art != "" && place[s.art] <= p || s.art == "" && !s.reported.After(a.Published) {
				known = append(known, s)
			}
		}
		for _, cl := range c.Claims {
			got, err := tl.StatusAfter(cl.ID, a.ID)
			if err != nil {
				t.Fatalf("StatusAfter(%q, %q): %v", cl.ID, a.ID, err)
			}
			if want := refStatus(c, reg, rules, cl, known); got != want {
				t.Errorf("StatusAfter(%q, %q) with %+v = %v, the reference %v", cl.ID, a.ID, rules, got, want)
			}
		}
	}
	for _, cl := range c.Claims {
		h, err := tl.History(cl.ID)
		if err != nil {
			t.Fatalf("History(%q): %v", cl.ID, err)
		}
		var got []refStep
		for _, sc := range h {
			got = append(got, refStep{sc.Statement, sc.To})
		}
		if d := diffSteps(want[cl.ID], got); d != "" {
			t.Errorf("History(%q) with %+v disagrees with the reference (-want +got):\n%s", cl.ID, rules, d)
		}
	}
}

func diffSteps(want, got []refStep) string {
	if slices.Equal(want, got) {
		return ""
	}
	return fmt.Sprintf("-%v\n+%v", want, got)
}

// randomCorpus makes a small valid corpus from r: a few sources of every
// kind of identity and affiliation, investigators among them, claims
// related by every kind of relation (refines and part-of only toward
// earlier claims, so there is no cycle), articles sharing days and
// reprinting each other, and statements of every act with said dates of
// every precision, some reported late.
func randomCorpus(r *rand.Rand) *claim.Corpus {
	sources := []source.Source{
		{ID: "us", Name: "United States", Kind: source.KindGovernment},
		{ID: "us-agency", Name: "US agency", Kind: source.KindAgency, Parent: "us"},
		{ID: "us-unnamed", Name: "US officials", Identity: source.IdentityUnnamed, Parent: "us"},
		{ID: "floating", Name: "people familiar", Identity: source.IdentityUnnamed},
		{ID: "korea", Name: "North Korea", Kind: source.KindGovernment},
		{ID: "korea-fm", Name: "North Korea foreign ministry", Parent: "korea"},
		{ID: "russia", Name: "Russia", Kind: source.KindGovernment},
		{ID: "ukraine", Name: "Ukraine", Kind: source.KindGovernment},
		{ID: "un", Name: "United Nations", Kind: source.KindOrganisation},
		{ID: "panel", Name: "UN panel", Parent: "un", Investigator: true},
		{ID: "panel-leak", Name: "a panel member", Identity: source.IdentityUnnamed, Parent: "panel"},
		{ID: "court", Name: "A court", Investigator: true},
	}
	ids := []source.ID{source.AbsentID}
	for _, s := range sources {
		ids = append(ids, s.ID)
	}
	day := func(d int) time.Time { return time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	var arts []source.Article
	for i := range 2 + r.IntN(5) {
		a := source.Article{ID: source.ArticleID(fmt.Sprintf("a%d", i)), Published: day(r.IntN(6))}
		switch {
		case i > 0 && r.IntN(4) == 0:
			orig := arts[r.IntN(i)]
			a.Reprints, a.Published = orig.ID, orig.Published.Add(time.Duration(r.IntN(2))*time.Hour)
		case r.IntN(6) == 0:
			a.Wire = "us-agency" // a wire story whose original is not in the corpus
		}
		arts = append(arts, a)
	}
	roles := []claim.Role{claim.RoleAccused, claim.RoleBeneficiary, claim.RoleSubject, claim.RoleTarget}
	kinds := []claim.RelationKind{claim.RelationRefines, claim.RelationRefines, claim.RelationPartOf, claim.RelationSupersedes, claim.RelationContradicts}
	var claims []claim.Claim
	for i := range 1 + r.IntN(4) {
		cl := claim.Claim{ID: claim.ID(fmt.Sprintf("c%d", i)), Text: "claim"}
		for _, who := range []source.ID{"korea", "russia", "ukraine", "us"} {
			if r.IntN(3) == 0 {
				cl.Actors = append(cl.Actors, claim.Actor{Source: who, Role: roles[r.IntN(len(roles))]})
			}
		}
		if r.IntN(3) == 0 {
			cl.Event = randomDate(r, day)
		}
		if i > 0 && r.IntN(2) == 0 {
			cl.Relations = append(cl.Relations, claim.Relation{Kind: kinds[r.IntN(len(kinds))], To: claims[r.IntN(i)].ID})
		}
		claims = append(claims, cl)
	}
	type actFact struct {
		act claim.Act
		f   []claim.Factuality
	}
	acts := []actFact{
		{claim.ActAccuse, []claim.Factuality{claim.CTPlus(), claim.PRPlus(), claim.PSPlus()}},
		{claim.ActAssert, []claim.Factuality{claim.CTPlus(), claim.PRPlus(), claim.PSPlus(), claim.CTMinus(), claim.PRMinus(), claim.PSMinus(), claim.CTu(), claim.Uu()}},
		{claim.ActDeny, []claim.Factuality{claim.CTMinus(), claim.PRMinus()}},
		{claim.ActConfirm, []claim.Factuality{claim.CTPlus()}},
		{claim.ActAdmit, []claim.Factuality{claim.CTPlus()}},
		{claim.ActRetract, []claim.Factuality{claim.Uu(), claim.CTu()}},
		{claim.ActRetract, []claim.Factuality{claim.Uu()}},
		{claim.ActQuestion, []claim.Factuality{claim.Uu()}},
		{claim.ActDeclineComment, []claim.Factuality{claim.Uu()}},
	}
	var stmts []claim.Statement
	for i := range r.IntN(14) {
		af := acts[r.IntN(len(acts))]
		s := claim.Statement{
			ID:         claim.StatementID(fmt.Sprintf("s%02d", i)),
			Claim:      claims[r.IntN(len(claims))].ID,
			Source:     ids[r.IntN(len(ids))],
			Act:        af.act,
			Factuality: af.f[r.IntN(len(af.f))],
		}
		if r.IntN(2) == 0 {
			s.Said = randomDate(r, day)
		}
		for range r.IntN(3) {
			a := arts[r.IntN(len(arts))]
			start := r.IntN(3) * 10
			s.Mentions = append(s.Mentions, claim.Mention{Article: a.ID, Span: claim.Span{Start: start, End: start + 1, Exact: "x"}})
		}
		for _, m := range s.Mentions {
			for _, a := range arts {
				if a.ID == m.Article && s.Said.IsValid() && s.Said.Start().After(a.Published) {
					s.Said = claim.NewDate(s.Said.Start(), claim.PrecisionYear)
				}
			}
		}
		if len(s.Mentions) == 0 && !s.Said.IsValid() {
			s.Said = randomDate(r, day)
		}
		stmts = append(stmts, s)
	}
	return &claim.Corpus{Sources: sources, Articles: arts, Claims: claims, Statements: stmts}
}

// randomDate returns a date around the corpus's days, of any precision.
func randomDate(r *rand.Rand, day func(int) time.Time) claim.Date {
	t := day(r.IntN(9) - 2).Add(time.Duration(r.IntN(24)) * time.Hour)
	switch r.IntN(4) {
	case 0:
		return claim.NewDate(t, claim.PrecisionYear)
	case 1:
		return claim.NewDate(t, claim.PrecisionMonth)
	case 2:
		return claim.NewDate(t, claim.PrecisionDay)
	}
	return claim.NewDate(t, claim.PrecisionInstant)
}

// refRules are the rule sets the reference is checked under.
var refRules = []timeline.Rules{
	{},
	{Corroboration: 1},
	{Corroboration: 3, ExcludeUnnamed: true},
	{PossibleAlleges: true},
}

// TestBuildAgreesWithReference holds Build to the reference on the
// fixtures and on many random corpora.
func TestBuildAgreesWithReference(t *testing.T) {
	for _, path := range fixtures(t) {
		c, err := claim.Load(path)
		if err != nil {
			t.Fatalf("Load(%s): %v", path, err)
		}
		for _, rules := range refRules {
			checkAgainstReference(t, c, rules)
		}
	}
	n := 3000
	if testing.Short() {
		n = 300
	}
	for seed := range n {
		c := randomCorpus(rand.New(rand.NewPCG(uint64(seed), 7)))
		if err := c.Validate(); err != nil {
			t.Fatalf("seed %d: random corpus is invalid: %v", seed, err)
		}
		checkAgainstReference(t, c, refRules[seed%len(refRules)])
		if t.Failed() {
			t.Fatalf("seed %d disagrees", seed)
		}
	}
}

// FuzzBuildAgainstReference holds Build to the reference on random
// corpora drawn from the fuzzer's seeds.
func FuzzBuildAgainstReference(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, seed*31, uint8(seed))
	}
	f.Fuzz(func(t *testing.T, a, b uint64, k uint8) {
		c := randomCorpus(rand.New(rand.NewPCG(a, b)))
		if err := c.Validate(); err != nil {
			t.Fatalf("random corpus is invalid: %v", err)
		}
		checkAgainstReference(t, c, refRules[int(k)%len(refRules)])
	})
}

// TestLatestWordInACircle checks a source's position when said periods of
// different precision make each of its words later than the next in a
// circle: "2023-05-01" known first, "2023" next, "2023-03-04" last, each
// carried from a refining claim. The position is the word known last among
// those said in a period wholly before no other's ("2023-03-04" is wholly
// before "2023-05-01"): the certain finding of 2023, which confirms the
// claim. Folding the words in the order they came would end on the last.
func TestLatestWordInACircle(t *testing.T) {
	narrow := func(id claim.ID) claim.Claim {
		return claim.Claim{ID: id, Text: "an incident", Relations: []claim.Relation{{Kind: claim.RelationRefines, To: "c"}}}
	}
	c := corpus([]claim.Claim{shells, narrow("may"), narrow("year"), narrow("march")},
		st{id: "s1", claim: "may", src: "un-panel", act: claim.ActAssert, f: claim.PRPlus(), said: "2023-05-01", at: []string{"a1@0"}},
		st{id: "s2", claim: "year", src: "un-panel", act: claim.ActConfirm, f: claim.CTPlus(), said: "2023", at: []string{"a2@0"}},
		st{id: "s3", claim: "march", src: "un-panel", act: claim.ActAssert, f: claim.PRPlus(), said: "2023-03-04", at: []string{"a3@0"}},
	)
	got, err := build(t, c).Current("c")
	if assert.NoError(t, err) {
		assert.Equal(t, timeline.StatusConfirmed, got, "Current(%q)", "c")
	}
	checkAgainstReference(t, c, timeline.Rules{})
}

// TestChainsAgreeWithReference holds Build to the reference on random
// chains and diamonds of refining claims, where one source's words about
// many claims often agree and Build carries them in bulk.
func TestChainsAgreeWithReference(t *testing.T) {
	n := 300
	if testing.Short() || timeline.RaceEnabled {
		n = 30
	}
	for seed := range n {
		c := timeline.ChainCorpus(rand.New(rand.NewPCG(uint64(seed), 13)))
		checkAgainstReference(t, c, refRules[seed%len(refRules)])
		if t.Failed() {
			t.Fatalf("seed %d disagrees", seed)
		}
	}
}

// FuzzBuildAsChecked checks that Build, which validates and interns the
// corpus in one pass, gives byte for byte the timeline BuildChecked gives
// for the same corpus checked by claim.Check, and the one the build that
// looks each ID up by name gives, on random corpora drawn from the
// fuzzer's seeds, with statements spread over several articles and
// claims, some with no text.
func FuzzBuildAsChecked(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, seed*17, uint8(seed))
	}
	f.Fuzz(func(t *testing.T, a, b uint64, k uint8) {
		c := randomCorpus(rand.New(rand.NewPCG(a, b)))
		rules := refRules[int(k)%len(refRules)]
		tl, err := timeline.Build(c, &rules)
		if err != nil {
			t.Fatalf("Build of a valid random corpus: %v", err)
		}
		ch, err := claim.Check(c)
		if err != nil {
			t.Fatalf("Check of a valid random corpus: %v", err)
		}
		checked, err := timeline.BuildChecked(ch, &rules)
		if err != nil {
			t.Fatalf("BuildChecked: %v", err)
		}
		byName, err := timeline.BuildInParts(c, rules, 1+int(k)%3)
		if err != nil {
			t.Fatalf("BuildInParts: %v", err)
		}
		want := mustJSON(t, tl)
		if got := mustJSON(t, checked); !bytes.Equal(want, got) {
			t.Errorf("BuildChecked(Check(c)) differs from Build(c):\n%s\n%s", got, want)
		}
		if got := mustJSON(t, byName); !bytes.Equal(want, got) {
			t.Errorf("the build by name differs from Build(c):\n%s\n%s", got, want)
		}
	})
}
