package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// chainCorpus makes a valid corpus from r whose claims refine each other
// in chains and diamonds, with few sources, few said dates and few
// factualities, so that one source's words about many claims agree in
// date and factuality as often as not: the shape Build carries in bulk.
// Retractions, denials, neutral words, late reports, event times and
// several claims refined by one make sure that the words that do not
// agree, and those between them, are told apart.
func chainCorpus(r *rand.Rand) *claim.Corpus {
	day := func(d int) time.Time { return time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	c := &claim.Corpus{Sources: []source.Source{
		{ID: "us", Name: "United States", Kind: source.KindGovernment},
		{ID: "us-unnamed", Name: "US officials", Identity: source.IdentityUnnamed, Parent: "us"},
		{ID: "korea", Name: "North Korea", Kind: source.KindGovernment},
		{ID: "ukraine", Name: "Ukraine", Kind: source.KindGovernment},
		{ID: "panel", Name: "UN panel", Investigator: true},
	}}
	ids := []source.ID{"us", "us-unnamed", "korea", "ukraine", "panel", source.AbsentID}
	srcs := ids[:1+r.IntN(len(ids))]
	for i := range 1 + r.IntN(4) {
		c.Articles = append(c.Articles, source.Article{ID: source.ArticleID(fmt.Sprintf("a%d", i)), Published: day(r.IntN(3))})
	}
	dates := []claim.Date{
		claim.NewDate(day(-1), claim.PrecisionDay),
		claim.NewDate(day(-1), claim.PrecisionYear),
		claim.NewDate(day(-1).Add(-time.Hour), claim.PrecisionInstant),
		claim.NewDate(day(-2), claim.PrecisionMonth),
	}
	dates = dates[:1+r.IntN(len(dates))]
	n := 2 + r.IntN(24)
	for i := range n {
		cl := claim.Claim{ID: claim.ID(fmt.Sprintf("c%d", i)), Text: "claim"}
		if r.IntN(8) == 0 {
			cl.Actors = []claim.Actor{{Source: "korea", Role: claim.RoleAccused}}
		}
		if r.IntN(6) == 0 {
			cl.Event = dates[r.IntN(len(dates))]
		}
		if i > 0 {
			cl.Relations = []claim.Relation{{Kind: claim.RelationRefines, To: claim.ID(fmt.Sprintf("c%d", i-1))}}
			if i > 1 && r.IntN(4) == 0 {
				cl.Relations[0].To = claim.ID(fmt.Sprintf("c%d", r.IntN(i-1)))
			}
			if i > 2 && r.IntN(5) == 0 {
				if to := claim.ID(fmt.Sprintf("c%d", r.IntN(i))); to != cl.Relations[0].To {
					cl.Relations = append(cl.Relations, claim.Relation{Kind: claim.RelationRefines, To: to})
				}
			}
		}
		c.Claims = append(c.Claims, cl)
	}
	facts := []claim.Factuality{claim.CTPlus(), claim.CTPlus(), claim.PRPlus(), claim.PSPlus()}
	facts = facts[:1+r.IntN(len(facts))]
	for i := range r.IntN(4 * n) {
		s := claim.Statement{
			ID:         claim.StatementID(fmt.Sprintf("s%03d", i)),
			Claim:      c.Claims[r.IntN(n)].ID,
			Source:     srcs[r.IntN(len(srcs))],
			Act:        claim.ActAccuse,
			Factuality: facts[r.IntN(len(facts))],
		}
		switch r.IntN(12) {
		case 0:
			s.Act, s.Factuality = claim.ActRetract, claim.Uu()
		case 1:
			s.Act, s.Factuality = claim.ActDeny, claim.CTMinus()
		case 2:
			s.Act, s.Factuality = claim.ActQuestion, claim.Uu()
		}
		if r.IntN(4) != 0 {
			s.Said = dates[r.IntN(len(dates))]
		}
		if r.IntN(8) != 0 || !s.Said.IsValid() {
			a := c.Articles[r.IntN(len(c.Articles))]
			pos := r.IntN(6) * 10
			s.Mentions = []claim.Mention{{Article: a.ID, Span: claim.Span{Start: pos, End: pos + 1, Exact: "x"}}}
			if s.Said.IsValid() && s.Said.Start().After(a.Published) {
				s.Said = claim.NewDate(s.Said.Start(), claim.PrecisionYear)
			}
		}
		c.Statements = append(c.Statements, s)
	}
	return c
}

// manySourcesCorpus makes a valid corpus from r as chainCorpus does, with
// longer chains and more statements, most of them by one of a hundred or
// more sources of their own: governments, their agencies and unnamed
// officials, investigators and absent speakers, so that claims hear
// agreeing affirmations from more than manySources sources, and the few
// that can move a claim's status are found among many that cannot.
func manySourcesCorpus(r *rand.Rand) *claim.Corpus {
	c := chainCorpus(r)
	for len(c.Claims) < 12 || len(c.Statements) == 0 {
		c = chainCorpus(r)
	}
	nRoots := 3 + r.IntN(40)
	ids := []source.ID{}
	for i := range 70 + r.IntN(100) {
		id := source.ID(fmt.Sprintf("src%d", i))
		s := source.Source{ID: id, Name: string(id), Kind: source.KindGovernment}
		switch root := fmt.Sprintf("src%d", r.IntN(nRoots)); {
		case i < nRoots:
			s.Investigator = r.IntN(8) == 0
		case r.IntN(5) == 0:
			s.Kind, s.Identity, s.Parent = source.KindUnknown, source.IdentityUnnamed, source.ID(root)
		default:
			s.Kind, s.Parent = source.KindAgency, source.ID(root)
		}
		c.Sources = append(c.Sources, s)
		ids = append(ids, id)
	}
	for i := range c.Claims {
		if r.IntN(3) == 0 {
			c.Claims[i].Actors = []claim.Actor{{Source: ids[r.IntN(nRoots)], Role: claim.RoleAccused}}
			if r.IntN(2) == 0 {
				c.Claims[i].Actors = append(c.Claims[i].Actors, claim.Actor{Source: ids[r.IntN(nRoots)], Role: claim.RoleTarget})
			}
		}
	}
	base := len(c.Statements)
	for i := range base + 2*len(ids) {
		s := c.Statements[r.IntN(base)]
		s.ID = claim.StatementID(fmt.Sprintf("m%04d", i))
		s.Claim = c.Claims[r.IntN(len(c.Claims))].ID
		s.Source = ids[r.IntN(len(ids))]
		if r.IntN(3) != 0 {
			s.Act, s.Factuality = claim.ActAccuse, claim.CTPlus()
		}
		if r.IntN(10) == 0 {
			s.Act, s.Factuality = claim.ActAccuse, claim.PRPlus()
		}
		c.Statements = append(c.Statements, s)
	}
	return c
}

// TestManySourcesAgreeWithPlain holds the build that hears, of the many
// sources a claim inherits agreeing affirmations from, only those that can
// move its status, to the one that hears every word.
func TestManySourcesAgreeWithPlain(t *testing.T) {
	n := 50
	if testing.Short() || raceEnabled {
		n = 2
	}
	for seed := range n {
		c := manySourcesCorpus(rand.New(rand.NewPCG(uint64(seed), 29)))
		checkBulk(t, c, bulkRules[seed%len(bulkRules)])
	}
}

// FuzzManySourcesAgainstPlain is TestManySourcesAgreeWithPlain on the
// fuzzer's seeds.
func FuzzManySourcesAgainstPlain(f *testing.F) {
	for seed := range fuzzSeeds(4) {
		f.Add(seed, seed*31, uint8(seed))
	}
	f.Fuzz(func(t *testing.T, a, b uint64, k uint8) {
		c := manySourcesCorpus(rand.New(rand.NewPCG(a, b)))
		checkBulk(t, c, bulkRules[int(k)%len(bulkRules)])
	})
}

// fuzzSeeds returns how many of n seeds a fuzz target adds: all of them,
// or under the race detector, where the seeds run as tests twenty to
// thirty times slower, a quarter of them. The tests that share the fuzz
// targets' generators check many more corpora; under the race detector
// the seeds are there for the parallel build and the lazy reads, which
// any corpus exercises.
func fuzzSeeds(n uint64) uint64 {
	if raceEnabled {
		return max(1, n/4)
	}
	return n
}

// bulkRules are the rule sets bulk carrying is checked under: the
// defaults, and those that change which words affirm or corroborate.
var bulkRules = []Rules{{}, {PossibleAlleges: true}, {Corroboration: 1, ExcludeUnnamed: true}}

// checkBulk builds c with agreeing affirmations carried in bulk, in one
// part and in three, hearing every uniform source or only those that can
// move each claim's status, and with every word heard one by one, and
// fails unless the timelines are the same in every track, history,
// change, denial and answer their JSON form holds, and in the changes
// AllChanges and Added return.
func checkBulk(t *testing.T, c *claim.Corpus, rules Rules) {
	t.Helper()
	if err := c.Validate(); err != nil {
		t.Fatalf("chainCorpus made an invalid corpus: %v", err)
	}
	plain, ok := buildBulk(c, rules, 1, bulkNever)
	require.True(t, ok, "buildBulk(plain)")
	want := changesJSON(t, plain)
	for _, mode := range []bulkMode{bulkAuto, bulkAlways, bulkMovers} {
		for _, parts := range []int{1, 3} {
			bulk, ok := buildBulk(c, rules, parts, mode)
			require.True(t, ok, "buildBulk(bulk)")
			if got := changesJSON(t, bulk); !bytes.Equal(want, got) {
				var w, g any
				require.NoError(t, json.Unmarshal(want, &w))
				require.NoError(t, json.Unmarshal(got, &g))
				t.Fatalf("mode %d, parts=%d, %+v: bulk build mismatch (-plain +bulk):\n%s", mode, parts, rules, cmp.Diff(w, g))
			}
		}
	}
}

// changesJSON returns the JSON form of tl, of its AllChanges and of what
// each of its articles added.
func changesJSON(t *testing.T, tl *Timeline) []byte {
	t.Helper()
	var diffs []Diff
	for _, a := range tl.ArticleOrder() {
		d, err := tl.Added(a)
		require.NoError(t, err, "Added(%s)", a)
		diffs = append(diffs, d)
	}
	// The timeline's own MarshalJSON, not json.Marshal of it, which
	// would compact its document again: that took most of the time of
	// the tests that compare builds.
	doc, err := tl.MarshalJSON()
	require.NoError(t, err, "MarshalJSON")
	rest, err := json.Marshal(struct {
		All   []Change
		Added []Diff
	}{tl.AllChanges(), diffs})
	require.NoError(t, err, "json.Marshal")
	b := append([]byte(`{"Timeline":`), doc...)
	b = append(b, ',')
	return append(b, rest[1:]...)
}

// TestBulkAgreesWithPlain holds the build that carries agreeing
// affirmations in bulk to the one that hears every word, on many random
// chains.
func TestBulkAgreesWithPlain(t *testing.T) {
	n := 500
	if testing.Short() || raceEnabled {
		n = 20
	}
	for seed := range n {
		c := chainCorpus(rand.New(rand.NewPCG(uint64(seed), 13)))
		checkBulk(t, c, bulkRules[seed%len(bulkRules)])
	}
}

// FuzzBulkAgainstPlain is TestBulkAgreesWithPlain on the fuzzer's seeds.
func FuzzBulkAgainstPlain(f *testing.F) {
	for seed := range fuzzSeeds(8) {
		f.Add(seed, seed*17, uint8(seed))
	}
	f.Fuzz(func(t *testing.T, a, b uint64, k uint8) {
		c := chainCorpus(rand.New(rand.NewPCG(a, b)))
		checkBulk(t, c, bulkRules[int(k)%len(bulkRules)])
	})
}

// denialsCorpus makes a valid corpus from r as chainCorpus does, with
// many more negations: by sources that say nothing else (down-only), by
// some that also affirm, retract or ask, at few said dates of every
// precision or none, certain or probable, so that claims inherit runs of
// agreeing negations whose first that counts, for claims with and
// without an event, must be told from those that do not count.
func denialsCorpus(r *rand.Rand) *claim.Corpus {
	c := chainCorpus(r)
	for len(c.Claims) < 6 {
		c = chainCorpus(r)
	}
	day := func(d int) time.Time { return time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	deniers := []source.ID{"korea"}
	for i := range 1 + r.IntN(4) {
		id := source.ID(fmt.Sprintf("denier%d", i))
		c.Sources = append(c.Sources, source.Source{ID: id, Name: string(id), Kind: source.KindGovernment, Investigator: r.IntN(3) == 0})
		deniers = append(deniers, id)
	}
	dates := []claim.Date{
		claim.NewDate(day(-1), claim.PrecisionDay),
		claim.NewDate(day(-1), claim.PrecisionYear),
		claim.NewDate(day(-3).Add(-time.Hour), claim.PrecisionInstant),
		claim.NewDate(day(-2), claim.PrecisionMonth),
		claim.NewDate(day(-40), claim.PrecisionDay),
	}
	dates = dates[:1+r.IntN(len(dates))]
	facts := []claim.Factuality{claim.CTMinus(), claim.CTMinus(), claim.PRMinus()}
	facts = facts[:1+r.IntN(len(facts))]
	for i := range len(c.Claims) * (1 + r.IntN(4)) {
		s := claim.Statement{
			ID:         claim.StatementID(fmt.Sprintf("d%04d", i)),
			Claim:      c.Claims[r.IntN(len(c.Claims))].ID,
			Source:     deniers[r.IntN(len(deniers))],
			Act:        claim.ActDeny,
			Factuality: facts[r.IntN(len(facts))],
		}
		switch r.IntN(30) {
		case 0:
			s.Act, s.Factuality = claim.ActAccuse, claim.CTPlus()
		case 1:
			s.Act, s.Factuality = claim.ActQuestion, claim.Uu()
		case 2:
			s.Act, s.Factuality = claim.ActRetract, claim.Uu()
		}
		if r.IntN(3) != 0 {
			s.Said = dates[r.IntN(len(dates))]
		}
		a := c.Articles[r.IntN(len(c.Articles))]
		pos := r.IntN(6) * 10
		s.Mentions = []claim.Mention{{Article: a.ID, Span: claim.Span{Start: pos, End: pos + 1, Exact: "x"}}}
		if s.Said.IsValid() && s.Said.Start().After(a.Published) {
			s.Said = claim.NewDate(s.Said.Start(), claim.PrecisionYear)
		}
		c.Statements = append(c.Statements, s)
	}
	for i := range c.Claims {
		if r.IntN(4) == 0 {
			c.Claims[i].Event = dates[r.IntN(len(dates))]
		}
	}
	return c
}

// TestDenialsAgreeWithPlain holds the build that hears, of the negations
// of down-only sources a claim inherits, only the first that counts of
// each uniform negator, to the one that hears every word.
func TestDenialsAgreeWithPlain(t *testing.T) {
	n, long := 400, 150
	if testing.Short() || raceEnabled {
		n, long = 8, 20
	}
	for seed := range n {
		c := denialsCorpus(rand.New(rand.NewPCG(uint64(seed), 41)))
		checkBulk(t, c, bulkRules[seed%len(bulkRules)])
	}
	for _, c := range []*claim.Corpus{deniedChain(long, false), deniedChain(long, true)} {
		checkBulk(t, c, Rules{})
	}
}

// deniedChain returns a chain of n claims, each refining the one before,
// each denied once by one source, the narrowest first, with a said date
// of its own when dated.
func deniedChain(n int, dated bool) *claim.Corpus {
	published := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	c := &claim.Corpus{
		Sources:  []source.Source{{ID: "korea", Name: "North Korea", Kind: source.KindGovernment}},
		Articles: []source.Article{{ID: "a", Published: published}},
	}
	for i := range n {
		cl := claim.Claim{ID: claim.ID(fmt.Sprintf("c%d", i)), Text: "claim"}
		if i > 0 {
			cl.Relations = []claim.Relation{{Kind: claim.RelationRefines, To: claim.ID(fmt.Sprintf("c%d", i-1))}}
		}
		c.Claims = append(c.Claims, cl)
	}
	for i := n - 1; i >= 0; i-- {
		s := claim.Statement{
			ID: claim.StatementID(fmt.Sprintf("s%d", i)), Claim: claim.ID(fmt.Sprintf("c%d", i)), Source: "korea",
			Act: claim.ActDeny, Factuality: claim.CTMinus(),
			Mentions: []claim.Mention{{Article: "a", Span: claim.Span{Start: 10 * len(c.Statements), End: 10*len(c.Statements) + 5, Exact: "quote"}}},
		}
		if dated {
			s.Said = claim.NewDate(published.Add(-time.Duration(i%7)*time.Second), claim.PrecisionInstant)
		}
		c.Statements = append(c.Statements, s)
	}
	return c
}

// FuzzDenialsAgainstPlain is TestDenialsAgreeWithPlain on the fuzzer's
// seeds.
func FuzzDenialsAgainstPlain(f *testing.F) {
	for seed := range fuzzSeeds(8) {
		f.Add(seed, seed*23, uint8(seed))
	}
	f.Fuzz(func(t *testing.T, a, b uint64, k uint8) {
		c := denialsCorpus(rand.New(rand.NewPCG(a, b)))
		checkBulk(t, c, bulkRules[int(k)%len(bulkRules)])
	})
}

// negatorsCorpus makes a valid corpus from r as denialsCorpus does, with
// more than manySources deniers: governments, their agencies, unnamed
// officials and investigators, some of them the claims' actors, so that
// claims inherit negations from more than manySources down-only sources,
// and the few words that can move a claim's status (the first that
// counts, the first that refutes) are found among many that cannot, past
// sources whose words differ and investigators that may not refute.
func negatorsCorpus(r *rand.Rand) *claim.Corpus {
	c := denialsCorpus(r)
	day := func(d int) time.Time { return time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	nRoots := 2 + r.IntN(30)
	var ids []source.ID
	for i := range 66 + r.IntN(40) {
		id := source.ID(fmt.Sprintf("neg%d", i))
		s := source.Source{ID: id, Name: string(id), Kind: source.KindGovernment}
		switch root := source.ID(fmt.Sprintf("neg%d", r.IntN(nRoots))); {
		case i < nRoots:
			s.Investigator = r.IntN(3) == 0
		case r.IntN(6) == 0:
			s.Kind, s.Identity, s.Parent = source.KindUnknown, source.IdentityUnnamed, root
		default:
			s.Kind, s.Parent = source.KindAgency, root
		}
		c.Sources = append(c.Sources, s)
		ids = append(ids, id)
	}
	for i := range c.Claims {
		if r.IntN(3) == 0 {
			c.Claims[i].Actors = []claim.Actor{{Source: ids[r.IntN(nRoots)], Role: claim.RoleAccused}}
			if r.IntN(2) == 0 {
				c.Claims[i].Actors = append(c.Claims[i].Actors, claim.Actor{Source: ids[r.IntN(nRoots)], Role: claim.RoleTarget})
			}
		}
	}
	dates := []claim.Date{
		{},
		claim.NewDate(day(-1), claim.PrecisionDay),
		claim.NewDate(day(-1), claim.PrecisionYear),
		claim.NewDate(day(-3).Add(-time.Hour), claim.PrecisionInstant),
		claim.NewDate(day(-40), claim.PrecisionDay),
	}
	dates = dates[:1+r.IntN(len(dates))]
	facts := []claim.Factuality{claim.CTMinus(), claim.CTMinus(), claim.PRMinus()}
	facts = facts[:1+r.IntN(len(facts))]
	for i := range len(ids) + r.IntN(2*len(ids)) {
		s := claim.Statement{
			ID:         claim.StatementID(fmt.Sprintf("n%05d", i)),
			Claim:      c.Claims[r.IntN(len(c.Claims))].ID,
			Source:     ids[r.IntN(len(ids))],
			Act:        claim.ActDeny,
			Factuality: facts[r.IntN(len(facts))],
			Said:       dates[r.IntN(len(dates))],
		}
		switch r.IntN(16) {
		case 0:
			s.Act, s.Factuality = claim.ActAccuse, claim.CTPlus()
		case 1:
			s.Act, s.Factuality = claim.ActQuestion, claim.Uu()
		case 2, 3:
			s.Factuality = claim.PSMinus()
		}
		a := c.Articles[r.IntN(len(c.Articles))]
		pos := r.IntN(6) * 10
		s.Mentions = []claim.Mention{{Article: a.ID, Span: claim.Span{Start: pos, End: pos + 1, Exact: "x"}}}
		if s.Said.IsValid() && s.Said.Start().After(a.Published) {
			s.Said = claim.NewDate(s.Said.Start(), claim.PrecisionYear)
		}
		c.Statements = append(c.Statements, s)
	}
	return c
}

// TestNegatorsAgreeWithPlain holds the build that hears, of the uniform
// negators a claim inherits negations from, only the words that can move
// its status, to the one that hears every word.
func TestNegatorsAgreeWithPlain(t *testing.T) {
	n := 12
	if testing.Short() || raceEnabled {
		n = 2
	}
	for seed := range n {
		c := negatorsCorpus(rand.New(rand.NewPCG(uint64(seed), 43)))
		checkBulk(t, c, bulkRules[seed%len(bulkRules)])
	}
}

// FuzzNegatorsAgainstPlain is TestNegatorsAgreeWithPlain on the fuzzer's
// seeds.
func FuzzNegatorsAgainstPlain(f *testing.F) {
	for seed := range fuzzSeeds(4) {
		f.Add(seed, seed*37, uint8(seed))
	}
	f.Fuzz(func(t *testing.T, a, b uint64, k uint8) {
		c := negatorsCorpus(rand.New(rand.NewPCG(a, b)))
		checkBulk(t, c, bulkRules[int(k)%len(bulkRules)])
	})
}

// TestNegatorsPastWordsThatDiffer checks the words that can move a
// claim's status against sources whose words differ at the claim: the
// first denial of the broader claim that counts is by a source that
// softens it to a possibility on the narrower claim, so that the
// narrower claim stays denied, or refuted, only through a later source's
// denial, which Build must hear.
func TestNegatorsPastWordsThatDiffer(t *testing.T) {
	published := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	c := &claim.Corpus{
		Sources: []source.Source{
			{ID: "korea", Name: "North Korea", Kind: source.KindGovernment},
			{ID: "russia", Name: "Russia", Kind: source.KindGovernment},
			{ID: "panel", Name: "UN panel", Investigator: true},
			{ID: "court", Name: "A court", Investigator: true},
		},
		Articles: []source.Article{{ID: "a", Published: published}, {ID: "b", Published: published.AddDate(0, 0, 1)}},
		Claims: []claim.Claim{
			{ID: "all", Text: "the accusation"},
			{ID: "one", Text: "an incident", Relations: []claim.Relation{{Kind: claim.RelationRefines, To: "all"}}, Event: claim.Day(2024, 2, 1)},
		},
	}
	add := func(id string, of claim.ID, src source.ID, art source.ArticleID, f claim.Factuality) {
		c.Statements = append(c.Statements, claim.Statement{
			ID: claim.StatementID(id), Claim: of, Source: src, Act: claim.ActDeny, Factuality: f,
			Mentions: []claim.Mention{{Article: art, Span: claim.Span{Start: 10 * len(c.Statements), End: 10*len(c.Statements) + 1, Exact: "x"}}},
		})
	}
	tests := []struct {
		name    string
		deniers []source.ID // of the broader claim, in order; the first softens on the narrower one
	}{
		{name: "negations", deniers: []source.ID{"korea", "russia"}},
		{name: "refutations", deniers: []source.ID{"panel", "korea", "court"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c.Statements = nil
			for i, src := range tc.deniers {
				add(fmt.Sprintf("s%d", i), "all", src, "a", claim.CTMinus())
			}
			add("soft", "one", tc.deniers[0], "b", claim.PSMinus())
			checkBulk(t, c, Rules{})
		})
	}
}
