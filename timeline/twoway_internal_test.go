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

// FuzzTwoWayAgainstPlain is TestTwoWayAgreeWithPlain on the fuzzer's
// seeds, on random corpora and on chains.
func FuzzTwoWayAgainstPlain(f *testing.F) {
	for seed := range fuzzSeeds(8) {
		f.Add(seed, seed*59, uint8(seed))
	}
	f.Fuzz(func(t *testing.T, a, b uint64, k uint8) {
		r := rand.New(rand.NewPCG(a, b))
		c := twoWayCorpus(r)
		if k&0x80 != 0 {
			c = twoWayChain(r, 2+r.IntN(100), k&0x40 != 0)
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
