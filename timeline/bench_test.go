package timeline_test

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/synth"
	"github.com/claimtrail/claimtrail/timeline"
)

// benchSizes returns the corpus sizes, in statements, the benchmarks run at:
// 10,000, 100,000 and 1,000,000, or the comma-separated sizes in the
// CLAIMTRAIL_BENCH_STATEMENTS environment variable, so that one size, or a
// larger one, can be run alone:
//
//	CLAIMTRAIL_BENCH_STATEMENTS=3000000 go test -run '^$' -bench 'Build|Sort' ./timeline/
func benchSizes(b *testing.B) []int {
	sizes, err := synth.Sizes(10_000, 100_000, 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	return sizes
}

// synthetic returns the benchmarks' corpus of n statements (see
// synth.Corpus), which the scale command measures too.
func synthetic(n int) *claim.Corpus { return synth.Corpus(n) }

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
