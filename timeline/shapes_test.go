package timeline_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// The worst shapes of a valid corpus for the builder: long chains of
// refines relations and many claims refining one claim. The tests below
// bound what building them allocates, per claim or per track entry, at
// sizes that once took minutes; the benchmarks report their cost.

// chainStatements says which claims of a chain have a statement.
type chainStatements int

const (
	chainBare                  chainStatements = iota // no statement at all
	chainAffirmAll                                    // one affirmation on every claim
	chainAffirmDated                                  // one affirmation on every claim, each said at another instant
	chainNegateTop                                    // one denial, of the broadest claim
	chainBottom                                       // an affirmation and a retraction of the narrowest claim
	chainAffirmEach                                   // one affirmation on every claim, each by a source of its own
	chainDenyAll                                      // one denial on every claim, the narrowest known first
	chainDenyDated                                    // one denial on every claim, each said at another instant, the narrowest known first
	chainAffirmDenyTop                                // one affirmation on every claim and one denial of the broadest, known last
	chainDenyEach                                     // one denial on every claim, each by a source of its own, the narrowest known first
	chainDenyAffirmBottom                             // one denial on every claim, the narrowest known first, and an affirmation of the narrowest by the same source, known last
	chainDenyDatedAffirmBottom                        // as chainDenyAffirmBottom, each denial said at an instant of its own
	chainDenyMixedAffirmBottom                        // as chainDenyAffirmBottom, the denials certain and probable in turn
	chainDenyDatedConfirmFew                          // as chainDenyDatedAffirmBottom, the source also confirming 20 claims along the chain
)

// chain returns a corpus of n claims, each refining the one before it, so
// that claim 0 is the broadest and claim n-1 the narrowest, with the
// statements stmts says.
func chain(n int, stmts chainStatements) *claim.Corpus {
	c := &claim.Corpus{
		Sources: []source.Source{
			{ID: "us", Name: "United States", Kind: source.KindGovernment},
			{ID: "korea", Name: "North Korea", Kind: source.KindGovernment},
		},
		Articles: []source.Article{{ID: "a", Published: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}},
	}
	for i := range n {
		cl := claim.Claim{ID: claim.ID(fmt.Sprintf("c%d", i)), Text: "claim"}
		if i > 0 {
			cl.Relations = []claim.Relation{{Kind: claim.RelationRefines, To: claim.ID(fmt.Sprintf("c%d", i-1))}}
		}
		c.Claims = append(c.Claims, cl)
	}
	add := func(id string, of int, src source.ID, act claim.Act, f claim.Factuality) {
		c.Statements = append(c.Statements, claim.Statement{
			ID: claim.StatementID(id), Claim: claim.ID(fmt.Sprintf("c%d", of)), Source: src, Act: act, Factuality: f,
			Mentions: []claim.Mention{{Article: "a", Span: claim.Span{Start: 10 * len(c.Statements), End: 10*len(c.Statements) + 5, Exact: "quote"}}},
		})
	}
	switch stmts {
	case chainBare:
	case chainAffirmAll:
		for i := range n {
			add(fmt.Sprintf("s%d", i), i, "us", claim.ActAccuse, claim.CTPlus())
		}
	case chainAffirmDated:
		for i := range n {
			add(fmt.Sprintf("s%d", i), i, "us", claim.ActAccuse, claim.CTPlus())
			said := c.Articles[0].Published.Add(-time.Duration(i%1000) * time.Second)
			c.Statements[i].Said = claim.NewDate(said, claim.PrecisionInstant)
		}
	case chainAffirmEach:
		for i := range n {
			id := source.ID(fmt.Sprintf("gov%d", i))
			c.Sources = append(c.Sources, source.Source{ID: id, Name: string(id), Kind: source.KindGovernment})
			add(fmt.Sprintf("s%d", i), i, id, claim.ActAccuse, claim.CTPlus())
		}
	case chainDenyAll, chainDenyDated:
		// Each claim hears the denials of every broader claim after its
		// own: each of them counts, and is a repeated denial.
		for i := n - 1; i >= 0; i-- {
			add(fmt.Sprintf("s%d", i), i, "korea", claim.ActDeny, claim.CTMinus())
			if stmts == chainDenyDated {
				said := c.Articles[0].Published.Add(-time.Duration(i%1000) * time.Second)
				c.Statements[len(c.Statements)-1].Said = claim.NewDate(said, claim.PrecisionInstant)
			}
		}
	case chainDenyEach:
		// Each claim hears the denial of every broader claim, each by a
		// source of its own: n(n-1)/2 denials that count in all.
		for i := n - 1; i >= 0; i-- {
			id := source.ID(fmt.Sprintf("gov%d", i))
			c.Sources = append(c.Sources, source.Source{ID: id, Name: string(id), Kind: source.KindGovernment})
			add(fmt.Sprintf("s%d", i), i, id, claim.ActDeny, claim.CTMinus())
		}
	case chainDenyAffirmBottom, chainDenyDatedAffirmBottom, chainDenyMixedAffirmBottom:
		// The denier carries words up as well as down. Its denials share
		// one said date and factuality in chainDenyAffirmBottom only;
		// in the others each claim hears, of every broader claim's
		// denial, the first and the latest before the affirmation.
		for i := n - 1; i >= 0; i-- {
			f := claim.CTMinus()
			if stmts == chainDenyMixedAffirmBottom && i%2 == 1 {
				f = claim.PRMinus()
			}
			add(fmt.Sprintf("s%d", i), i, "korea", claim.ActDeny, f)
			if stmts == chainDenyDatedAffirmBottom {
				said := c.Articles[0].Published.Add(-time.Duration(i) * time.Second)
				c.Statements[len(c.Statements)-1].Said = claim.NewDate(said, claim.PrecisionInstant)
			}
		}
		add("affirm", n-1, "korea", claim.ActAccuse, claim.CTPlus())
	case chainDenyDatedConfirmFew:
		// A government denying each new allegation on the day it is made
		// and confirming a few of them, a little later: its confirmations
		// are carried up the chain, each alone on its claim, and its
		// denials down, so that each claim hears the source's words both
		// ways.
		for i := n - 1; i >= 0; i-- {
			said := c.Articles[0].Published.Add(-time.Duration(i) * time.Second)
			add(fmt.Sprintf("s%d", i), i, "korea", claim.ActDeny, claim.CTMinus())
			c.Statements[len(c.Statements)-1].Said = claim.NewDate(said, claim.PrecisionInstant)
			if i%max(1, n/20) == n/40 {
				add(fmt.Sprintf("confirm%d", i), i, "korea", claim.ActConfirm, claim.CTPlus())
				c.Statements[len(c.Statements)-1].Said = claim.NewDate(said.Add(time.Second/2), claim.PrecisionInstant)
			}
		}
	case chainAffirmDenyTop:
		for i := range n {
			add(fmt.Sprintf("s%d", i), i, "us", claim.ActAccuse, claim.CTPlus())
		}
		add("deny", 0, "korea", claim.ActDeny, claim.CTMinus())
	case chainNegateTop:
		add("deny", 0, "korea", claim.ActDeny, claim.CTMinus())
	case chainBottom:
		add("accuse", n-1, "us", claim.ActAccuse, claim.CTPlus())
		add("retract", n-1, "us", claim.ActRetract, claim.Uu())
	}
	return c
}

// manyRefiners returns a corpus of one accusation and n specific
// incidents refining it, each stated by the same source: an accusation,
// and for every third incident a later retraction, with said dates of
// every precision so that said periods overlap.
func manyRefiners(n int) *claim.Corpus {
	day := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	c := &claim.Corpus{
		Sources: []source.Source{{ID: "us", Name: "United States", Kind: source.KindGovernment}},
		Claims:  []claim.Claim{{ID: "all", Text: "the accusation"}},
	}
	for a := range 30 {
		c.Articles = append(c.Articles, source.Article{ID: source.ArticleID(fmt.Sprintf("a%02d", a)), Published: day.AddDate(0, 0, a)})
	}
	precisions := []claim.Precision{claim.PrecisionDay, claim.PrecisionInstant, claim.PrecisionMonth, claim.PrecisionDay, claim.PrecisionYear}
	for i := range n {
		id := claim.ID(fmt.Sprintf("i%d", i))
		c.Claims = append(c.Claims, claim.Claim{ID: id, Text: "an incident", Relations: []claim.Relation{{Kind: claim.RelationRefines, To: "all"}}})
		art := c.Articles[i%len(c.Articles)]
		said := claim.NewDate(art.Published.Add(-time.Duration(i%48)*time.Hour), precisions[i%len(precisions)])
		c.Statements = append(c.Statements, claim.Statement{
			ID: claim.StatementID(fmt.Sprintf("s%d", i)), Claim: id, Source: "us", Act: claim.ActAccuse, Factuality: claim.CTPlus(), Said: said,
			Mentions: []claim.Mention{{Article: art.ID, Span: claim.Span{Start: 10 * i, End: 10*i + 5, Exact: "quote"}}},
		})
		if i%3 == 0 {
			later := c.Articles[(i+7)%len(c.Articles)]
			c.Statements = append(c.Statements, claim.Statement{
				ID: claim.StatementID(fmt.Sprintf("r%d", i)), Claim: id, Source: "us", Act: claim.ActRetract, Factuality: claim.Uu(),
				Mentions: []claim.Mention{{Article: later.ID, Span: claim.Span{Start: 10*i + 1, End: 10*i + 6, Exact: "quote"}}},
			})
		}
	}
	return c
}

// TestWorstShapesAllocateLinearly builds the worst shapes at sizes that
// once took minutes and gigabytes, and bounds what each build allocates
// (validation included), per claim or statement. The chain with an
// affirmation on every claim has tracks that together grow as the square
// of its length, 1.25 billion entries at 50,000 claims; Build writes none
// of them out.
func TestWorstShapesAllocateLinearly(t *testing.T) {
	div := 1
	if testing.Short() || timeline.RaceEnabled {
		div = 10
	}
	tests := []struct {
		name   string
		corpus func() *claim.Corpus
		unit   string
		units  func(*claim.Corpus) int
		bytes  uint64 // at most, per unit
		status map[claim.ID]timeline.Status
	}{
		{
			name: "chain-bare", corpus: func() *claim.Corpus { return chain(50_000/div, chainBare) },
			unit: "claim", units: claims, bytes: 2048,
		},
		{
			name: "chain-negate-top", corpus: func() *claim.Corpus { return chain(50_000/div, chainNegateTop) },
			unit: "claim", units: claims, bytes: 2048,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusDenied, "c1": timeline.StatusUnreported},
		},
		{
			name: "chain-bottom", corpus: func() *claim.Corpus { return chain(50_000/div, chainBottom) },
			unit: "claim", units: claims, bytes: 2048,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusRetracted, "c1": timeline.StatusRetracted},
		},
		{
			name: "chain-affirm-all", corpus: func() *claim.Corpus { return chain(50_000/div, chainAffirmAll) },
			unit: "claim", units: claims, bytes: 2048,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusAlleged, "c1": timeline.StatusAlleged},
		},
		{
			name: "chain-affirm-dated", corpus: func() *claim.Corpus { return chain(50_000/div, chainAffirmDated) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusAlleged, "c1": timeline.StatusAlleged},
		},
		{
			// Each claim's new sources, n(n-1)/2 changes in all, are worked
			// out when read, not by Build.
			name: "chain-affirm-each", corpus: func() *claim.Corpus { return chain(50_000/div, chainAffirmEach) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusCorroborated, "c1": timeline.StatusCorroborated},
		},
		{
			// Each claim's repeated denials, n(n-1)/2 changes in all, are
			// worked out when read, not by Build.
			name: "chain-deny-all", corpus: func() *claim.Corpus { return chain(50_000/div, chainDenyAll) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusDenied, "c1": timeline.StatusDenied},
		},
		{
			name: "chain-deny-dated", corpus: func() *claim.Corpus { return chain(50_000/div, chainDenyDated) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusDenied, "c1": timeline.StatusDenied},
		},
		{
			// Each claim's new sources and denials, n(n-1)/2 of each, are
			// worked out when read, not by Build.
			name: "chain-deny-each", corpus: func() *claim.Corpus { return chain(50_000/div, chainDenyEach) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusDenied, "c1": timeline.StatusDenied},
		},
		{
			// A source that denies every claim and affirms the narrowest,
			// so that it carries words up and down: each claim's repeated
			// denials, n(n-1)/2 in all, are worked out when read.
			name: "chain-deny-affirm-bottom", corpus: func() *claim.Corpus { return chain(50_000/div, chainDenyAffirmBottom) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusAlleged, "c1": timeline.StatusAlleged},
		},
		{
			// The same, each denial said at an instant of its own, later
			// than the one before it.
			name: "chain-deny-dated-affirm-bottom", corpus: func() *claim.Corpus { return chain(50_000/div, chainDenyDatedAffirmBottom) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusAlleged, "c1": timeline.StatusAlleged},
		},
		{
			// The same, the denials certain and probable in turn.
			name: "chain-deny-mixed-affirm-bottom", corpus: func() *claim.Corpus { return chain(50_000/div, chainDenyMixedAffirmBottom) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusAlleged, "c1": timeline.StatusAlleged},
		},
		{
			// The same, the source confirming 20 claims along the chain
			// rather than the narrowest: those confirmations are heard one
			// by one, and each claim hears a few of the denials.
			name: "chain-deny-dated-confirm-few", corpus: func() *claim.Corpus { return chain(50_000/div, chainDenyDatedConfirmFew) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusDenied, "c1": timeline.StatusDenied},
		},
		{
			name: "chain-affirm-deny-top", corpus: func() *claim.Corpus { return chain(50_000/div, chainAffirmDenyTop) },
			unit: "claim", units: claims, bytes: 4096,
			status: map[claim.ID]timeline.Status{"c0": timeline.StatusContested, "c1": timeline.StatusContested},
		},
		{
			name: "many-refiners", corpus: func() *claim.Corpus { return manyRefiners(50_000 / div) },
			unit: "statement", units: func(c *claim.Corpus) int { return len(c.Statements) }, bytes: 4096,
			status: map[claim.ID]timeline.Status{"all": timeline.StatusAlleged, "i0": timeline.StatusRetracted, "i1": timeline.StatusAlleged},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.corpus()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			tl, err := timeline.Build(c, nil)
			runtime.ReadMemStats(&after)
			require.NoError(t, err, "Build")
			n := tc.units(c)
			per := (after.TotalAlloc - before.TotalAlloc) / uint64(n)
			t.Logf("%d bytes per %s (%d of them)", per, tc.unit, n)
			assert.LessOrEqual(t, per, tc.bytes, "Build(%s) allocates per %s", tc.name, tc.unit)
			for id, want := range tc.status {
				got, err := tl.Current(id)
				require.NoError(t, err)
				assert.Equal(t, want, got, "Current(%q)", id)
			}
		})
	}
}

func claims(c *claim.Corpus) int { return len(c.Claims) }

// TestAffirmedByEachChanges reads the changes of a chain whose claims are
// each affirmed by a source of their own, which Build leaves to be worked
// out when read: the broadest claim hears every source, each new one
// corroborating it further.
func TestAffirmedByEachChanges(t *testing.T) {
	const n = 500
	tl, err := timeline.Build(chain(n, chainAffirmEach), nil)
	require.NoError(t, err, "Build")
	tests := []struct {
		claim                  claim.ID
		newSources, corrobs    int
		first, status, history int
	}{
		{claim: "c0", newSources: n - 1, corrobs: n - 1, first: 1, status: 2, history: 2},
		{claim: "c498", newSources: 1, corrobs: 1, first: 1, status: 2, history: 2},
		{claim: "c499", newSources: 0, corrobs: 0, first: 1, status: 1, history: 1},
	}
	for _, tc := range tests {
		t.Run(string(tc.claim), func(t *testing.T) {
			chs, err := tl.Changes(tc.claim)
			require.NoError(t, err, "Changes(%s)", tc.claim)
			count := map[timeline.ChangeKind]int{}
			for _, ch := range chs {
				count[ch.Kind]++
				assert.Equal(t, tc.claim, ch.Claim, "Changes(%s): claim of %+v", tc.claim, ch)
			}
			want := map[timeline.ChangeKind]int{
				timeline.ChangeFirstReport: tc.first, timeline.ChangeStatus: tc.status,
				timeline.ChangeNewSource: tc.newSources, timeline.ChangeCorroboration: tc.corrobs,
			}
			for k, v := range want {
				if v == 0 {
					delete(want, k)
				}
			}
			assert.Equal(t, want, count, "Changes(%s) by kind", tc.claim)
			h, err := tl.History(tc.claim)
			require.NoError(t, err)
			assert.Len(t, h, tc.history, "History(%s)", tc.claim)
		})
	}
	// Every claim's changes, read one by one and all at once.
	total := 0
	for i := range n {
		chs, err := tl.Changes(claim.ID(fmt.Sprintf("c%d", i)))
		require.NoError(t, err)
		total += len(chs)
	}
	assert.Len(t, tl.AllChanges(), total, "AllChanges")
	d, err := tl.Added("a")
	require.NoError(t, err, "Added(a)")
	assert.Len(t, d.Changes, total, "Added(a).Changes")
}

// BenchmarkChain measures building chains of refines relations, with no
// statement, with one affirmation on every claim (the broadest claim's
// track lists all of them), and with statements at one end. Pick a size
// with -bench, as in -bench 'Chain/affirm-all/claims=100000$'.
func BenchmarkChain(b *testing.B) {
	shapes := []struct {
		name  string
		stmts chainStatements
		sizes []int
	}{
		{"bare", chainBare, []int{10_000, 100_000, 1_000_000}},
		{"affirm-all", chainAffirmAll, []int{1_000, 10_000, 100_000}},
		{"affirm-dated", chainAffirmDated, []int{1_000, 10_000, 100_000}},
		{"affirm-each", chainAffirmEach, []int{1_000, 2_000, 4_000, 10_000, 100_000}},
		{"deny-all", chainDenyAll, []int{1_000, 2_000, 4_000, 10_000, 100_000}},
		{"deny-dated", chainDenyDated, []int{1_000, 2_000, 4_000, 10_000, 100_000}},
		{"deny-each", chainDenyEach, []int{1_000, 2_000, 4_000, 10_000, 100_000}},
		{"deny-affirm-bottom", chainDenyAffirmBottom, []int{1_000, 2_000, 4_000, 10_000, 100_000}},
		{"deny-dated-affirm-bottom", chainDenyDatedAffirmBottom, []int{1_000, 2_000, 4_000, 10_000, 100_000}},
		{"deny-mixed-affirm-bottom", chainDenyMixedAffirmBottom, []int{1_000, 2_000, 4_000, 10_000, 100_000}},
		{"deny-dated-confirm-few", chainDenyDatedConfirmFew, []int{1_000, 2_000, 4_000, 10_000, 100_000}},
		{"affirm-deny-top", chainAffirmDenyTop, []int{1_000, 10_000, 100_000}},
		{"negate-top", chainNegateTop, []int{10_000, 100_000}},
		{"bottom", chainBottom, []int{10_000, 100_000}},
	}
	for _, sh := range shapes {
		for _, n := range sh.sizes {
			c := chain(n, sh.stmts)
			b.Run(fmt.Sprintf("%s/claims=%d", sh.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := timeline.Build(c, nil); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/claim")
			})
		}
	}
}

// BenchmarkManyRefiners measures building one claim refined by many
// incidents, all stated by one source.
func BenchmarkManyRefiners(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		c := manyRefiners(n)
		b.Run(fmt.Sprintf("incidents=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := timeline.Build(c, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.Statements)), "ns/statement")
		})
	}
}

// TestAffirmedChainTracks reads the tracks of a chain with an affirmation
// on every claim: the broadest claim's lists every affirmation, in the
// order they were said and became known, and reading the first entries
// of it one at a time allocates for those entries only, not for the
// whole track.
func TestAffirmedChainTracks(t *testing.T) {
	const n = 20_000
	tl, err := timeline.Build(chain(n, chainAffirmAll), nil)
	require.NoError(t, err, "Build")
	track, err := tl.Track("c0")
	require.NoError(t, err, "Track(c0)")
	require.Len(t, track, n, "Track(c0)")
	for i, e := range track {
		if e.Statement.ID != claim.StatementID(fmt.Sprintf("s%d", i)) || e.Inherited != (i > 0) {
			t.Fatalf("Track(c0)[%d] = %s, inherited %v; want s%d, inherited %v", i, e.Statement.ID, e.Inherited, i, i > 0)
		}
	}
	last, err := tl.Track(claim.ID(fmt.Sprintf("c%d", n-1)))
	require.NoError(t, err)
	assert.Len(t, last, 1, "the narrowest claim's track")

	seq, err := tl.TrackSeq("c0")
	require.NoError(t, err, "TrackSeq(c0)")
	firstThree := func() {
		k := 0
		for range seq {
			if k++; k == 3 {
				break
			}
		}
	}
	one := testing.AllocsPerRun(3, func() {
		for range seq {
			break
		}
	})
	three := testing.AllocsPerRun(3, firstThree)
	whole := testing.AllocsPerRun(1, func() { _, _ = tl.Track("c0") })
	t.Logf("allocations: %v for one entry, %v for three, %v for the whole track", one, three, whole)
	assert.LessOrEqual(t, three, 3*one+1, "TrackSeq allocates for the entries read")
	assert.Less(t, 100*three, whole, "TrackSeq allocates less than Track")

	_, err = tl.TrackSeq("nope")
	assert.ErrorIs(t, err, timeline.ErrUnknownClaim, "TrackSeq(nope)")
}

// BenchmarkChainTrack measures reading the broadest claim's track of a
// chain with an affirmation on every claim, which lists every one of
// them: whole (Track), and its first ten entries (TrackSeq).
func BenchmarkChainTrack(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		tl, err := timeline.Build(chain(n, chainAffirmAll), nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("whole/claims=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := tl.Track("c0"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/entry")
		})
		b.Run(fmt.Sprintf("first-ten/claims=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				seq, err := tl.TrackSeq("c0")
				if err != nil {
					b.Fatal(err)
				}
				k := 0
				for range seq {
					if k++; k == 10 {
						break
					}
				}
			}
		})
	}
}
