package timeline

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// twoWayCorpus makes a valid corpus from r as denialsCorpus does, in which
// the deniers also affirm, retract and ask about claims, narrower and
// broader, at the same few said dates, so that claims inherit runs of
// agreeing negations from sources that carry words up, broken by what
// those sources say otherwise. In half of them every negation of a
// source shares its first one's said date, factuality and article, so
// that the source's negations are carried in bulk (its first statement's
// article, or none when it has none); in the others they
// mostly differ, and are heard one by one.
func twoWayCorpus(r *rand.Rand) *claim.Corpus {
	c := denialsCorpus(r)
	deniers := []source.ID{"korea"}
	for _, s := range c.Sources {
		if len(s.ID) > 6 && s.ID[:6] == "denier" {
			deniers = append(deniers, s.ID)
		}
	}
	day := func(d int) time.Time { return time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	dates := []claim.Date{
		{},
		claim.NewDate(day(-1), claim.PrecisionDay),
		claim.NewDate(day(-1), claim.PrecisionYear),
		claim.NewDate(day(-40), claim.PrecisionDay),
	}
	dates = dates[:1+r.IntN(len(dates))]
	for i := range 1 + r.IntN(len(c.Claims)) {
		s := claim.Statement{
			ID:     claim.StatementID(fmt.Sprintf("w%04d", i)),
			Claim:  c.Claims[r.IntN(len(c.Claims))].ID,
			Source: deniers[r.IntN(len(deniers))],
			Said:   dates[r.IntN(len(dates))],
		}
		switch r.IntN(8) {
		case 0, 1, 2:
			s.Act, s.Factuality = claim.ActAccuse, claim.CTPlus()
		case 3:
			s.Act, s.Factuality = claim.ActAccuse, claim.PSPlus()
		case 4, 5:
			s.Act, s.Factuality = claim.ActRetract, claim.Uu()
		case 6:
			s.Act, s.Factuality = claim.ActQuestion, claim.Uu()
		default:
			s.Act, s.Factuality = claim.ActDeny, claim.PSMinus()
		}
		a := c.Articles[r.IntN(len(c.Articles))]
		pos := r.IntN(6) * 10
		s.Mentions = []claim.Mention{{Article: a.ID, Span: claim.Span{Start: pos, End: pos + 1, Exact: "x"}}}
		if s.Said.IsValid() && s.Said.Start().After(a.Published) {
			s.Said = claim.NewDate(s.Said.Start(), claim.PrecisionYear)
		}
		c.Statements = append(c.Statements, s)
	}
	if r.IntN(2) == 0 {
		first := map[source.ID]claim.Statement{}
		for i, s := range c.Statements {
			if s.Factuality.Polarity != claim.PolarityNegative {
				continue
			}
			f, ok := first[s.Source]
			if !ok {
				first[s.Source] = s
				continue
			}
			s.Said, s.Factuality = f.Said, f.Factuality
			switch {
			case len(f.Mentions) == 0:
				s.Mentions = nil
			case len(s.Mentions) == 0:
				s.Mentions = f.Mentions
			default:
				s.Mentions = []claim.Mention{{Article: f.Mentions[0].Article, Span: s.Mentions[0].Span}}
			}
			c.Statements[i] = s
		}
	}
	return c
}

// twoWayChain returns a chain of n claims, each refining the one before,
// each denied by one source, the narrowest first, that also affirms the
// narrowest claim, known last, as the worst shape chain-deny-affirm-bottom
// has it, with r choosing said dates among a few, certainties, articles,
// event times, and affirmations and retractions of claims in between.
// With agree, the denials share one said date, factuality and article,
// so that they are carried in bulk; without, they differ, and are heard
// one by one.
func twoWayChain(r *rand.Rand, n int, agree bool) *claim.Corpus {
	published := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	c := &claim.Corpus{
		Sources: []source.Source{{ID: "korea", Name: "North Korea", Kind: source.KindGovernment}},
	}
	for i := range 3 {
		c.Articles = append(c.Articles, source.Article{ID: source.ArticleID(fmt.Sprintf("a%d", i)), Published: published.AddDate(0, 0, i)})
	}
	dates := []claim.Date{{}, claim.NewDate(published.AddDate(0, 0, -1), claim.PrecisionDay), claim.NewDate(published, claim.PrecisionYear)}
	dates = dates[:1+r.IntN(len(dates))]
	for i := range n {
		cl := claim.Claim{ID: claim.ID(fmt.Sprintf("c%d", i)), Text: "claim"}
		if i > 0 {
			cl.Relations = []claim.Relation{{Kind: claim.RelationRefines, To: claim.ID(fmt.Sprintf("c%d", i-1))}}
		}
		if r.IntN(10) == 0 {
			cl.Event = dates[r.IntN(len(dates))]
		}
		c.Claims = append(c.Claims, cl)
	}
	said := func() claim.Date { return dates[r.IntN(len(dates))] }
	add := func(of int, act claim.Act, f claim.Factuality, art int, said claim.Date) {
		c.Statements = append(c.Statements, claim.Statement{
			ID: claim.StatementID(fmt.Sprintf("s%d", len(c.Statements))), Claim: claim.ID(fmt.Sprintf("c%d", of)), Source: "korea",
			Act: act, Factuality: f, Said: said,
			Mentions: []claim.Mention{{Article: c.Articles[art].ID, Span: claim.Span{Start: 10 * len(c.Statements), End: 10*len(c.Statements) + 5, Exact: "quote"}}},
		})
	}
	certain := r.IntN(2) == 0
	denySaid, denyArt := said(), r.IntN(2)
	for i := n - 1; i >= 0; i-- {
		f := claim.CTMinus()
		if !certain && r.IntN(3) == 0 {
			f = claim.PRMinus()
		}
		if agree {
			add(i, claim.ActDeny, claim.CTMinus(), denyArt, denySaid)
		} else {
			add(i, claim.ActDeny, f, r.IntN(2), said())
		}
		switch r.IntN(30) {
		case 0:
			add(r.IntN(n), claim.ActAccuse, claim.CTPlus(), r.IntN(3), said())
		case 1:
			add(r.IntN(n), claim.ActRetract, claim.Uu(), r.IntN(3), said())
		}
	}
	add(n-1, claim.ActAccuse, claim.CTPlus(), 2, said())
	return c
}

// TestTwoWayAgreeWithPlain holds the build that hears, of the agreeing
// negations of sources that also carry words up, only the first of each
// run, to the one that hears every word.
func TestTwoWayAgreeWithPlain(t *testing.T) {
	n, chains, length := 150, 16, 70
	if testing.Short() || raceEnabled {
		// A chain of 70 claims takes about 25 s under the race detector
		// on a loaded 2-core machine; 20 keep the shape.
		n, chains, length = 8, 2, 20
	}
	for seed := range n {
		c := twoWayCorpus(rand.New(rand.NewPCG(uint64(seed), 47)))
		checkBulk(t, c, bulkRules[seed%len(bulkRules)])
	}
	for seed := range chains {
		r := rand.New(rand.NewPCG(uint64(seed), 53))
		checkBulk(t, twoWayChain(r, length+r.IntN(length), seed%4 != 0), bulkRules[seed%len(bulkRules)])
	}
}

// TestDatedAgreeWithPlain holds the build that hears, of the negations of
// dated sources (see datedOrder), only those that set what their other
// words compare with, to the one that hears every word, on random
// corpora and chains whose deniers say each word at an instant or on a
// day of its own.
func TestDatedAgreeWithPlain(t *testing.T) {
	n, chains, length := 120, 12, 50
	if testing.Short() || raceEnabled {
		n, chains, length = 10, 2, 20
	}
	for seed := range n {
		r := rand.New(rand.NewPCG(uint64(seed), 61))
		checkBulk(t, datedTwoWay(r, twoWayCorpus(r)), bulkRules[seed%len(bulkRules)])
	}
	for seed := range chains {
		r := rand.New(rand.NewPCG(uint64(seed), 67))
		checkBulk(t, datedChain(r, length+r.IntN(length)), bulkRules[seed%len(bulkRules)])
		checkBulk(t, mixedDated(r, length+r.IntN(length)), bulkRules[seed%len(bulkRules)])
	}
}

// FuzzTwoWayAgainstPlain is TestTwoWayAgreeWithPlain on the fuzzer's
// seeds, on random corpora and on chains.
func FuzzTwoWayAgainstPlain(f *testing.F) {
	for seed := range fuzzSeeds(8) {
		f.Add(seed, seed*59, uint8(seed))
	}
	f.Fuzz(func(t *testing.T, a, b uint64, k uint8) {
		r := rand.New(rand.NewPCG(a, b))
		c := twoWayCorpus(r)
		switch {
		case k&0xc0 == 0xc0:
			c = datedChain(r, 2+r.IntN(100))
		case k&0x80 != 0:
			c = twoWayChain(r, 2+r.IntN(100), k&0x40 != 0)
		case k&0x40 != 0:
			c = datedTwoWay(r, c)
		}
		checkBulk(t, c, bulkRules[int(k&0x7f)%len(bulkRules)])
	})
}

// TestTwoWayChainHearsFew checks that the claims of a chain denied on
// every claim by a source that also affirms the narrowest hear a
// bounded number of that source's negations, not one for each broader
// claim, and that their changes, worked out when read, still name every
// repeated denial.
func TestTwoWayChainHearsFew(t *testing.T) {
	const n = 300
	tl, ok := buildBulk(twoWayChain(rand.New(rand.NewPCG(1, 1)), n, true), Rules{}, 1, bulkAuto)
	require.True(t, ok, "buildBulk")
	b := newBuilder(tl, tl.knowledgeOrder(), 1, bulkAuto)
	heard := int(b.effDownOff[n] - b.effDownOff[0])
	for c := range n {
		heard += int(b.pdownOff[c+1] - b.pdownOff[c])
	}
	t.Logf("%d negations heard one by one or in bulk", heard)
	assert.Less(t, heard, 4*n, "negations the chain's claims hear")
	plain, ok := buildBulk(twoWayChain(rand.New(rand.NewPCG(1, 1)), n, true), Rules{}, 1, bulkNever)
	require.True(t, ok, "buildBulk(plain)")
	repeated := func(tl *Timeline) int {
		chs, err := tl.Changes(claim.ID(fmt.Sprintf("c%d", n-1)))
		require.NoError(t, err)
		k := 0
		for _, ch := range chs {
			if ch.Kind == ChangeRepeatedDenial {
				k++
			}
		}
		return k
	}
	want := repeated(plain)
	assert.Greater(t, want, n/4, "repeated denials of the narrowest claim, heard one by one")
	assert.Equal(t, want, repeated(tl), "repeated denials of the narrowest claim, worked out when read")
}

// datedTwoWay gives every statement of each denier of c (see
// denialsCorpus) a said date of its own from a few that do not overlap,
// all instants or all days, and each of its negations a certainty of
// its own, so that the deniers that also carry words up have negations
// that differ in said date or factuality, as a government's denials of
// each new allegation, each on the day it is made, do.
func datedTwoWay(r *rand.Rand, c *claim.Corpus) *claim.Corpus {
	day := func(d int) time.Time { return time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	pools := map[source.ID][]claim.Date{}
	for _, s := range c.Sources {
		if s.ID != "korea" && (len(s.ID) <= 6 || s.ID[:6] != "denier") {
			continue
		}
		var pool []claim.Date
		for k := range 2 + r.IntN(7) {
			if r.IntN(2) == 0 {
				pool = append(pool, claim.NewDate(day(-8+k), claim.PrecisionDay))
			} else {
				pool = append(pool, claim.NewDate(day(-4).Add(time.Duration(k*10)*time.Hour), claim.PrecisionInstant))
			}
		}
		if r.IntN(3) != 0 {
			// One precision only: the periods are then the same or apart.
			p := pool[0].Precision()
			for i := range pool {
				pool[i] = claim.NewDate(pool[i].Start(), p)
			}
		}
		pools[s.ID] = pool
	}
	facts := []claim.Factuality{claim.CTMinus(), claim.PRMinus()}
	for i := range c.Statements {
		s := &c.Statements[i]
		pool := pools[s.Source]
		if pool == nil {
			continue
		}
		s.Said = pool[r.IntN(len(pool))]
		if s.Factuality.Polarity == claim.PolarityNegative && s.Factuality.Certainty >= claim.CertaintyProbable && r.IntN(2) == 0 {
			s.Factuality = facts[r.IntN(len(facts))]
		}
	}
	for i := range c.Claims {
		if r.IntN(4) == 0 {
			c.Claims[i].Event = claim.NewDate(day(-4).Add(time.Duration(r.IntN(90))*time.Hour), claim.PrecisionInstant)
		}
	}
	return c
}

// datedChain returns twoWayChain's chain with denials that differ, every
// statement said at an instant or on a day of its own or shared with a
// few others, so that the periods of the source's words are the same or
// apart, and a few claims with an event among them.
func datedChain(r *rand.Rand, n int) *claim.Corpus {
	c := twoWayChain(r, n, false)
	published := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	days := r.IntN(2) == 0
	spread := 1 + r.IntN(3*n)
	at := func() claim.Date {
		if days {
			return claim.NewDate(published.AddDate(0, 0, -1-r.IntN(spread)), claim.PrecisionDay)
		}
		return claim.NewDate(published.Add(-time.Duration(r.IntN(spread))*time.Minute), claim.PrecisionInstant)
	}
	for i := range c.Statements {
		c.Statements[i].Said = at()
	}
	for i := range c.Claims {
		c.Claims[i].Event = claim.Date{}
		if r.IntN(8) == 0 {
			c.Claims[i].Event = at()
		}
	}
	return c
}

// mixedDated returns a chain of n claims, some also refining an earlier
// claim than the one before, in which one source denies every claim once
// or twice, certain or probable, and affirms, retracts or asks about some
// of them, each word at an instant or on a day of a few hundred, and a
// second source affirms a few: the dated source's negations carried down
// come between its other words, before and after them in said order, and
// before and after the claims' events.
func mixedDated(r *rand.Rand, n int) *claim.Corpus {
	published := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	c := &claim.Corpus{Sources: []source.Source{
		{ID: "korea", Name: "North Korea", Kind: source.KindGovernment, Investigator: r.IntN(4) == 0},
		{ID: "us", Name: "United States", Kind: source.KindGovernment},
	}}
	for i := range 5 {
		c.Articles = append(c.Articles, source.Article{ID: source.ArticleID(fmt.Sprintf("a%d", i)), Published: published.AddDate(0, 0, i)})
	}
	days := r.IntN(3) == 0
	spread := 1 + r.IntN(3*n)
	at := func() claim.Date {
		if days {
			return claim.NewDate(published.AddDate(0, 0, -1-r.IntN(spread)), claim.PrecisionDay)
		}
		return claim.NewDate(published.Add(-time.Duration(1+r.IntN(spread))*time.Minute), claim.PrecisionInstant)
	}
	for i := range n {
		cl := claim.Claim{ID: claim.ID(fmt.Sprintf("c%d", i)), Text: "claim"}
		if i > 0 {
			cl.Relations = []claim.Relation{{Kind: claim.RelationRefines, To: claim.ID(fmt.Sprintf("c%d", i-1))}}
		}
		if i > 1 && r.IntN(6) == 0 {
			cl.Relations = append(cl.Relations, claim.Relation{Kind: claim.RelationRefines, To: claim.ID(fmt.Sprintf("c%d", r.IntN(i-1)))})
		}
		if r.IntN(5) == 0 {
			cl.Event = at()
		}
		c.Claims = append(c.Claims, cl)
	}
	certain := c.Sources[0].Investigator || r.IntN(2) == 0
	add := func(of int, src source.ID, act claim.Act, f claim.Factuality) {
		art := c.Articles[r.IntN(len(c.Articles))]
		c.Statements = append(c.Statements, claim.Statement{
			ID: claim.StatementID(fmt.Sprintf("s%d", len(c.Statements))), Claim: claim.ID(fmt.Sprintf("c%d", of)), Source: src,
			Act: act, Factuality: f, Said: at(),
			Mentions: []claim.Mention{{Article: art.ID, Span: claim.Span{Start: 10 * len(c.Statements), End: 10*len(c.Statements) + 5, Exact: "quote"}}},
		})
	}
	for i := range n {
		for range 1 + r.IntN(2) {
			f := claim.CTMinus()
			if !certain && r.IntN(2) == 0 {
				f = claim.PRMinus()
			}
			add(i, "korea", claim.ActDeny, f)
		}
		// A source's affirmations of a claim are carried up one by one
		// when a retraction or another factuality is among them (see
		// bulkWords), as a dated source's must be; one alone is carried
		// in bulk, and in a few corpora that makes the source no dated
		// one.
		affirm := []claim.Factuality{claim.CTPlus(), claim.PRPlus(), claim.PSPlus()}
		switch r.IntN(10) {
		case 0, 1, 2, 3:
			add(i, "korea", claim.ActAccuse, affirm[r.IntN(len(affirm))])
			add(i, "korea", claim.ActRetract, claim.Uu())
		case 4, 5:
			add(i, "korea", claim.ActRetract, claim.Uu())
		case 6:
			add(i, "korea", claim.ActQuestion, claim.Uu())
		case 7:
			add(i, "korea", claim.ActAccuse, claim.CTPlus())
			add(i, "korea", claim.ActAccuse, claim.PRPlus())
		case 8:
			if r.IntN(20) == 0 {
				add(i, "korea", claim.ActAccuse, claim.CTPlus())
			}
		}
		if r.IntN(4) == 0 {
			add(i, "us", claim.ActAccuse, claim.CTPlus())
		}
	}
	return c
}

// TestDatedBreakers builds, in bulk and one word at a time, chains in
// which a dated source's negations of broader claims come between its
// other words in said order, so that the position of the source on the
// claim "t" moves at a negation that is neither the first nor the latest
// of those it inherits: the first later than its latest word that
// stands, or than its latest affirmation, against which its own
// retraction is weighed.
func TestDatedBreakers(t *testing.T) {
	type word struct {
		claim string
		act   claim.Act
		f     claim.Factuality
		at    int // said, in minutes after the start
	}
	tests := []struct {
		name  string
		words []word // in the order they became known
	}{
		{
			// A retraction of an affirmation carried up leaves the
			// latest word that stands the earlier affirmation: the
			// second negation, not the third, passes it.
			name: "withdrawn", words: []word{
				{"u2", claim.ActAccuse, claim.CTPlus(), 13}, {"u2", claim.ActAccuse, claim.PRPlus(), 11},
				{"u1", claim.ActAccuse, claim.CTPlus(), 15}, {"u1", claim.ActRetract, claim.Uu(), 16},
				{"k0", claim.ActDeny, claim.CTMinus(), 12}, {"k1", claim.ActDeny, claim.CTMinus(), 14},
				{"k2", claim.ActDeny, claim.PRMinus(), 18},
			},
		},
		{
			// The source's own retraction stands until a negation is
			// later than its affirmation: the second one is.
			name: "own-retraction", words: []word{
				{"t", claim.ActAccuse, claim.CTPlus(), 15}, {"t", claim.ActRetract, claim.Uu(), 20},
				{"k0", claim.ActDeny, claim.CTMinus(), 12}, {"k1", claim.ActDeny, claim.PRMinus(), 17},
				{"k2", claim.ActDeny, claim.CTMinus(), 18},
			},
		},
		{
			// The source's own affirmation stands until the second
			// negation, later than it, and the first was said before the
			// claim's event.
			name: "own-affirmation", words: []word{
				{"k0", claim.ActDeny, claim.CTMinus(), 3},
				{"t", claim.ActAccuse, claim.CTPlus(), 15}, {"t", claim.ActRetract, claim.Uu(), 9},
				{"k1", claim.ActDeny, claim.CTMinus(), 12}, {"k2", claim.ActDeny, claim.PRMinus(), 17},
				{"k1", claim.ActDeny, claim.CTMinus(), 18},
			},
		},
	}
	start := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &claim.Corpus{
				Sources:  []source.Source{{ID: "korea", Name: "North Korea", Kind: source.KindGovernment}},
				Articles: []source.Article{{ID: "a", Published: start.Add(time.Hour)}},
			}
			for i, id := range []string{"k0", "k1", "k2", "t", "u1", "u2"} {
				cl := claim.Claim{ID: claim.ID(id), Text: "claim"}
				if i > 0 {
					cl.Relations = []claim.Relation{{Kind: claim.RelationRefines, To: c.Claims[i-1].ID}}
				}
				if id == "t" {
					cl.Event = claim.NewDate(start.Add(5*time.Minute), claim.PrecisionInstant)
				}
				c.Claims = append(c.Claims, cl)
			}
			for i, w := range tc.words {
				c.Statements = append(c.Statements, claim.Statement{
					ID: claim.StatementID(fmt.Sprintf("s%d", i)), Claim: claim.ID(w.claim), Source: "korea", Act: w.act, Factuality: w.f,
					Said:     claim.NewDate(start.Add(time.Duration(w.at)*time.Minute), claim.PrecisionInstant),
					Mentions: []claim.Mention{{Article: "a", Span: claim.Span{Start: 10 * i, End: 10*i + 5, Exact: "quote"}}},
				})
			}
			tl, ok := buildBulk(c, Rules{}, 1, bulkAlways)
			require.True(t, ok, "buildBulk")
			b := newBuilder(tl, tl.knowledgeOrder(), 1, bulkAlways)
			require.NotNil(t, b.dated, "the source is dated")
			for _, r := range bulkRules {
				checkBulk(t, c, r)
			}
		})
	}
}

// TestDatedChainHearsFew checks that the claims of a chain denied on
// every claim by a source that also affirms the narrowest, each denial
// said later than the one known before it, or the denials certain and
// probable in turn, hear a bounded number of that source's negations,
// not one for each broader claim, and that their changes, worked out
// when read, still name every repeated denial.
func TestDatedChainHearsFew(t *testing.T) {
	const n = 200
	published := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, shape := range []string{"dated", "mixed", "confirmed"} {
		mixed := shape == "mixed"
		t.Run(shape, func(t *testing.T) {
			c := &claim.Corpus{
				Sources:  []source.Source{{ID: "korea", Name: "North Korea", Kind: source.KindGovernment}},
				Articles: []source.Article{{ID: "a", Published: published}},
			}
			for i := range n {
				// Each claim's event comes before every denial, so that
				// all of them count.
				cl := claim.Claim{ID: claim.ID(fmt.Sprintf("c%d", i)), Text: "claim", Event: claim.NewDate(published.AddDate(0, 0, -1), claim.PrecisionDay)}
				if i > 0 {
					cl.Relations = []claim.Relation{{Kind: claim.RelationRefines, To: claim.ID(fmt.Sprintf("c%d", i-1))}}
				}
				c.Claims = append(c.Claims, cl)
			}
			add := func(of int, act claim.Act, f claim.Factuality, said claim.Date) {
				k := len(c.Statements)
				c.Statements = append(c.Statements, claim.Statement{
					ID: claim.StatementID(fmt.Sprintf("s%d", k)), Claim: claim.ID(fmt.Sprintf("c%d", of)), Source: "korea", Act: act, Factuality: f, Said: said,
					Mentions: []claim.Mention{{Article: "a", Span: claim.Span{Start: 10 * k, End: 10*k + 5, Exact: "quote"}}},
				})
			}
			for i := n - 1; i >= 0; i-- {
				f, said := claim.CTMinus(), claim.NewDate(published.Add(-time.Duration(i+1)*time.Second), claim.PrecisionInstant)
				if mixed {
					said = claim.NewDate(published, claim.PrecisionInstant)
					if i%2 == 1 {
						f = claim.PRMinus()
					}
				}
				add(i, claim.ActDeny, f, said)
				if shape == "confirmed" && i%20 == 10 {
					// A confirmation of every twentieth claim, each
					// carried up alone, which bulkWords would carry in
					// bulk but for the denials.
					add(i, claim.ActConfirm, claim.CTPlus(), claim.NewDate(said.Start().Add(time.Second/2), claim.PrecisionInstant))
				}
			}
			add(n-1, claim.ActAccuse, claim.CTPlus(), claim.NewDate(published, claim.PrecisionInstant))
			tl, ok := buildBulk(c, Rules{}, 1, bulkAuto)
			require.True(t, ok, "buildBulk")
			b := newBuilder(tl, tl.knowledgeOrder(), 1, bulkAuto)
			require.NotNil(t, b.dated, "the source is dated")
			assert.Zero(t, b.keyedOff[n], "affirmations carried in bulk")
			heard := int(b.effDownOff[n] - b.effDownOff[0])
			for c := range n {
				heard += int(b.pdownOff[c+1] - b.pdownOff[c])
			}
			t.Logf("%d negations heard one by one or in bulk", heard)
			assert.Less(t, heard, 4*n, "negations the chain's claims hear")
			plain, ok := buildBulk(c, Rules{}, 1, bulkNever)
			require.True(t, ok, "buildBulk(plain)")
			repeated := func(tl *Timeline) int {
				chs, err := tl.Changes(claim.ID(fmt.Sprintf("c%d", n-1)))
				require.NoError(t, err)
				k := 0
				for _, ch := range chs {
					if ch.Kind == ChangeRepeatedDenial {
						k++
					}
				}
				return k
			}
			assert.Equal(t, n-1, repeated(plain), "repeated denials of the narrowest claim, heard one by one")
			assert.Equal(t, n-1, repeated(tl), "repeated denials of the narrowest claim, worked out when read")
		})
	}
}
