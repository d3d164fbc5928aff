package timeline_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// nextArticle returns the k-th article a story of the synthetic corpus c
// adds: published 37 minutes after the one before (the corpus's last
// first), with 20 statements on 3 of c's claims by c's sources.
func nextArticle(r *rand.Rand, c *claim.Corpus, k int) *claim.Corpus {
	last := c.Articles[len(c.Articles)-1].Published
	a := source.Article{
		ID:        source.ArticleID(fmt.Sprintf("next-%d", k)),
		Published: last.Add(time.Duration(k+1) * 37 * time.Minute),
		Text:      strings.Repeat("quote said", 500),
	}
	claims := [3]claim.ID{}
	for i := range claims {
		claims[i] = c.Claims[r.IntN(len(c.Claims))].ID
	}
	kinds := []struct {
		act claim.Act
		f   claim.Factuality
	}{
		{claim.ActAccuse, claim.CTPlus()}, {claim.ActAssert, claim.PRPlus()}, {claim.ActDeny, claim.CTMinus()},
		{claim.ActConcern, claim.PSPlus()}, {claim.ActReport, claim.Uu()}, {claim.ActConfirm, claim.CTPlus()},
	}
	f := &claim.Corpus{Articles: []source.Article{a}}
	for i := range 20 {
		kd := kinds[r.IntN(len(kinds))]
		f.Statements = append(f.Statements, claim.Statement{
			ID:         claim.StatementID(fmt.Sprintf("next-%d-%d", k, i)),
			Claim:      claims[i%3],
			Source:     c.Sources[r.IntN(len(c.Sources))].ID,
			Act:        kd.act,
			Factuality: kd.f,
			Mentions: []claim.Mention{{
				Article: a.ID,
				Span:    claim.Span{Start: 10 * i, End: 10*i + 5, Exact: "quote", Suffix: " said"},
			}},
		})
	}
	return f
}

// nextReprint returns the k-th reprint a story of the synthetic corpus c
// adds, as nextArticle its k-th article: an article reprinting one of c's,
// published 37 minutes after the one before, that mentions 20 of c's
// statements on 3 of its claims again, as new mentions of them.
// byClaim lists, per claim, the statements on it that have a mention.
func nextReprint(r *rand.Rand, c *claim.Corpus, byClaim map[claim.ID][]int, k int) (*claim.Corpus, []timeline.MentionOf) {
	last := c.Articles[len(c.Articles)-1].Published
	a := source.Article{
		ID:        source.ArticleID(fmt.Sprintf("reprint-%d", k)),
		Published: last.Add(time.Duration(k+1) * 37 * time.Minute),
		Text:      strings.Repeat("quote said", 500),
	}
	var claims [3][]int
	for i := range claims {
		for len(claims[i]) == 0 {
			claims[i] = byClaim[c.Claims[r.IntN(len(c.Claims))].ID]
		}
	}
	var more []timeline.MentionOf
	seen := map[claim.StatementID]bool{}
	for i := 0; len(more) < 20; i++ {
		on := claims[i%3]
		s := &c.Statements[on[r.IntN(len(on))]]
		if seen[s.ID] && len(seen) < len(claims[0])+len(claims[1])+len(claims[2]) {
			continue
		}
		seen[s.ID] = true
		if a.Reprints == "" {
			a.Reprints = s.Mentions[0].Article
		}
		j := len(more)
		more = append(more, timeline.MentionOf{Statement: s.ID, Mention: claim.Mention{
			Article: a.ID,
			Span:    claim.Span{Start: 10 * j, End: 10*j + 5, Exact: "quote", Suffix: " said"},
		}})
	}
	return &claim.Corpus{Articles: []source.Article{a}}, more
}

// BenchmarkExtend measures adding one article of 20 statements on 3
// claims to the timeline of the synthetic corpus (see BenchmarkBuild), as
// a story adds articles: each iteration extends the timeline the last one
// made, so that the compacting rebuilds Extend does now and then (see
// Timeline.Extend) are paid for in the figure. It reports the process's
// CPU time per article, and its share of the CPU time of the Build of the
// same corpus that made the first timeline, in the same run
// (of-build/article), and the CPU time of the first extension, which
// indexes the built timeline's statement IDs (first-cpu-ns):
//
//	CLAIMTRAIL_BENCH_STATEMENTS=1000000 GOMAXPROCS=1 go test -run '^$' -bench '^BenchmarkExtend$' -benchtime=4000x ./timeline/
//
// At 4,000 articles of a corpus of 1,000,000 statements the chain reaches
// no compacting rebuild: each article touches components of about 190
// statements and claims in all, and the first rebuild comes at the
// 5,277th article (the 10,586th is the second), so -benchtime=6000x pays
// for one.
func BenchmarkExtend(b *testing.B) {
	for _, n := range benchSizes(b) {
		c := synthetic(n)
		runtime.GC()
		start := cpuTime()
		base, err := timeline.Build(c, nil)
		buildCPU := cpuTime() - start
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(uint64(n), 3))
			// The first extension of a built timeline indexes its
			// statement IDs and copies its statement tables with room to
			// grow, once; a story pays that once too.
			extendChain(b, base, buildCPU, func(tl *timeline.Timeline, k int) (*timeline.Timeline, time.Duration, int) {
				return timed(b, tl, nextArticle(r, c, k), nil)
			})
		})
		// The reprint variant: each article mentions 20 of the corpus's
		// statements again (Timeline.ExtendMentions), as a reprint, or
		// candidates accepted as new mentions, add them.
		b.Run(fmt.Sprintf("statements=%d-reprint", n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(uint64(n), 5))
			byClaim := map[claim.ID][]int{}
			for i, s := range c.Statements {
				if len(s.Mentions) > 0 {
					byClaim[s.Claim] = append(byClaim[s.Claim], i)
				}
			}
			extendChain(b, base, buildCPU, func(tl *timeline.Timeline, k int) (*timeline.Timeline, time.Duration, int) {
				f, more := nextReprint(r, c, byClaim, k)
				return timed(b, tl, f, more)
			})
		})
		// The review desk's variant: each article is added with no
		// statement (a timeline viewed before any decision, not
		// measured), then its 20 statements are accepted one at a time,
		// top down, each extending the timeline the one before made;
		// the figures are those of the 20 extensions. The first
		// indexes the statements each of the built timeline's articles
		// mentions, once.
		b.Run(fmt.Sprintf("statements=%d-held", n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(uint64(n), 3))
			extendChain(b, base, buildCPU, func(tl *timeline.Timeline, k int) (*timeline.Timeline, time.Duration, int) {
				f := nextArticle(r, c, k)
				tl, err := tl.Extend(&claim.Corpus{Articles: f.Articles})
				if err != nil {
					b.Fatal(err)
				}
				var cpu time.Duration
				rebuilt := 0
				for i := range f.Statements {
					next, c, re := timed(b, tl, &claim.Corpus{Statements: f.Statements[i : i+1]}, nil)
					cpu += c
					rebuilt += re
					tl = next
				}
				return tl, cpu, rebuilt
			})
		})
	}
}

// extendChain runs b's loop over a chain of extensions of base, as a
// story adds articles: step(tl, k) extends tl with the k-th article and
// returns the new timeline, the CPU time of its extensions alone (see
// timed) and how many of them built whole. Step 0 runs before the loop;
// its CPU time is reported as first-cpu-ns. It reports the CPU time per
// article and its share of buildCPU, the CPU time of the Build that made
// base in this run (of-build/article), and the rebuilds per article.
func extendChain(b *testing.B, base *timeline.Timeline, buildCPU time.Duration, step func(tl *timeline.Timeline, k int) (*timeline.Timeline, time.Duration, int)) {
	b.StopTimer()
	tl, first, _ := step(base, 0)
	b.StartTimer()
	b.ReportAllocs()
	var cpu time.Duration
	k, rebuilt := 1, 0
	for b.Loop() {
		b.StopTimer()
		next, c, re := step(tl, k)
		b.StartTimer()
		k++
		cpu += c
		rebuilt += re
		tl = next
	}
	if cpu > 0 && buildCPU > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/article")
		// The share of a Build of the same corpus, measured in this run,
		// that one article costs.
		b.ReportMetric(float64(cpu)/float64(b.N)/float64(buildCPU), "of-build/article")
		b.ReportMetric(float64(first.Nanoseconds()), "first-cpu-ns")
	}
	b.ReportMetric(float64(rebuilt)/float64(b.N), "rebuilds/article")
}

// timed extends tl with the fragment and mentions, the benchmark's timer
// running for that call alone, and returns the new timeline, the call's
// CPU time, and 1 when it built the timeline whole (0 otherwise).
func timed(b *testing.B, tl *timeline.Timeline, add *claim.Corpus, mentions []timeline.MentionOf) (*timeline.Timeline, time.Duration, int) {
	before := cpuTime()
	b.StartTimer()
	next, err := tl.ExtendMentions(add, mentions)
	b.StopTimer()
	cpu := cpuTime() - before
	if err != nil {
		b.Fatal(err)
	}
	if timeline.Incremental(next) {
		return next, cpu, 0
	}
	return next, cpu, 1
}
