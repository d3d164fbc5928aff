package timeline_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// benchSizes returns the corpus sizes, in statements, the benchmarks run at:
// 10,000, 100,000 and 1,000,000, or the comma-separated sizes in the
// CLAIMTRAIL_BENCH_STATEMENTS environment variable, so that one size, or a
// larger one, can be run alone:
//
//	CLAIMTRAIL_BENCH_STATEMENTS=3000000 go test -run '^$' -bench 'Build|Sort' ./timeline/
func benchSizes(b *testing.B) []int {
	s := os.Getenv("CLAIMTRAIL_BENCH_STATEMENTS")
	if s == "" {
		return []int{10_000, 100_000, 1_000_000}
	}
	var sizes []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("CLAIMTRAIL_BENCH_STATEMENTS=%q: %q is not a positive number of statements", s, f)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// synthetic returns a valid corpus of n statements: 30 governments with 9
// agencies each, one claim per 50 statements, one article per 20, and a mix
// of acts, factualities and said-date precisions like a real corpus's.
func synthetic(n int) *claim.Corpus {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	c := &claim.Corpus{}
	for g := range 30 {
		root := source.ID(fmt.Sprintf("gov-%d", g))
		c.Sources = append(c.Sources, source.Source{ID: root, Name: string(root), Kind: source.KindGovernment})
		for a := range 9 {
			id := source.ID(fmt.Sprintf("gov-%d-agency-%d", g, a))
			s := source.Source{ID: id, Name: string(id), Kind: source.KindAgency, Parent: root}
			if a == 8 {
				s.Identity = source.IdentityUnnamed
			}
			c.Sources = append(c.Sources, s)
		}
	}
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	nArticles := max(1, n/20)
	for i := range nArticles {
		c.Articles = append(c.Articles, source.Article{
			ID:        source.ArticleID(fmt.Sprintf("a%d", i)),
			Published: base.Add(time.Duration(i) * 37 * time.Minute),
		})
	}
	nClaims := max(1, n/50)
	for i := range nClaims {
		cl := claim.Claim{
			ID:     claim.ID(fmt.Sprintf("c%d", i)),
			Text:   fmt.Sprintf("claim %d", i),
			Actors: []claim.Actor{{Source: source.ID(fmt.Sprintf("gov-%d", i%30)), Role: claim.RoleAccused}},
		}
		if i%10 == 9 {
			cl.Relations = []claim.Relation{{Kind: claim.RelationRefines, To: claim.ID(fmt.Sprintf("c%d", i-1))}}
		}
		c.Claims = append(c.Claims, cl)
	}
	kinds := []struct {
		act claim.Act
		f   claim.Factuality
	}{
		{claim.ActAccuse, claim.CTPlus()}, {claim.ActAssert, claim.PRPlus()}, {claim.ActDeny, claim.CTMinus()},
		{claim.ActDeny, claim.CTMinus()}, {claim.ActConcern, claim.PSPlus()}, {claim.ActReport, claim.Uu()},
		{claim.ActConfirm, claim.CTPlus()}, {claim.ActRetract, claim.Uu()},
	}
	for i := range n {
		k := kinds[r.IntN(len(kinds))]
		a := r.IntN(nArticles)
		src := c.Sources[r.IntN(len(c.Sources))].ID
		st := claim.Statement{
			ID:         claim.StatementID(fmt.Sprintf("s%d", i)),
			Claim:      claim.ID(fmt.Sprintf("c%d", r.IntN(nClaims))),
			Source:     src,
			Act:        k.act,
			Factuality: k.f,
			Mentions: []claim.Mention{{
				Article: c.Articles[a].ID,
				Span:    claim.Span{Start: 10 * i % 5000, End: 10*i%5000 + 5, Exact: "quote"},
			}},
		}
		pub := c.Articles[a].Published
		switch r.IntN(5) {
		case 0:
			st.Said = claim.NewDate(pub, claim.PrecisionYear)
		case 1, 2, 3:
			st.Said = claim.NewDate(pub.AddDate(0, 0, -r.IntN(30)), claim.PrecisionDay)
		}
		c.Statements = append(c.Statements, st)
	}
	return c
}

// BenchmarkBuild measures building a timeline, validation included.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes(b) {
		c := synthetic(n)
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			measure(b, n, func() func() {
				return func() {
					if _, err := timeline.Build(c, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// BenchmarkSort measures only sorting the same statements by said time,
// the floor BenchmarkBuild is compared with.
func BenchmarkSort(b *testing.B) {
	for _, n := range benchSizes(b) {
		c := synthetic(n)
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			measure(b, n, func() func() {
				stmts := slices.Clone(c.Statements)
				return func() {
					slices.SortFunc(stmts, func(x, y claim.Statement) int { return x.Said.Compare(y.Said) })
				}
			})
		})
	}
}

// measure times run() for each iteration, after an untimed prepare() that
// returns it and a garbage collection, so that each run starts from a
// collected heap, as a program's one build does, rather than paying for the
// last run's garbage. It reports wall time per statement and the process's
// CPU time per statement (all threads, the collector's included), since
// Build works on every processor and the sort on one.
func measure(b *testing.B, n int, prepare func() (run func())) {
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		run := prepare()
		runtime.GC()
		before := cpuTime()
		b.StartTimer()
		run()
		b.StopTimer()
		cpu += cpuTime() - before
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/statement")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/statement")
	}
}
