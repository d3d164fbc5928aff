package claim_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/corpusview"
	"github.com/claimtrail/claimtrail/internal/synth"
)

// validateSizes returns the corpus sizes, in statements, that
// BenchmarkValidate, BenchmarkIntern and BenchmarkCheck run at: 10,000 and 1,000,000, or
// the comma-separated sizes in CLAIMTRAIL_BENCH_STATEMENTS, as the
// timeline package's benchmarks read it:
//
//	CLAIMTRAIL_BENCH_STATEMENTS=1000000 GOMAXPROCS=1 go test -run '^$' -bench 'Validate|Intern|Check' -benchtime 5x ./claim/
func validateSizes(b *testing.B) []int {
	sizes, err := synth.Sizes(10_000, 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	return sizes
}

// BenchmarkValidate measures Corpus.Validate on the timeline benchmarks'
// corpus (internal/synth), reporting wall and CPU time and bytes
// allocated per statement.
func BenchmarkValidate(b *testing.B) {
	benchValidation(b, func(c *claim.Corpus) error { return c.Validate() })
}

// BenchmarkIntern measures corpusview.Intern, which timeline.Build calls:
// Validate, resolving the corpus's IDs for the timeline in the same pass,
// without the copy Check makes.
func BenchmarkIntern(b *testing.B) {
	benchValidation(b, func(c *claim.Corpus) error {
		_, _, err := corpusview.Intern(c)
		return err
	})
}

// BenchmarkCheck measures Check, which validates the corpus, copies it and
// resolves its IDs for the timeline, on the same corpus.
func BenchmarkCheck(b *testing.B) {
	benchValidation(b, func(c *claim.Corpus) error {
		_, err := claim.Check(c)
		return err
	})
}

func benchValidation(b *testing.B, f func(*claim.Corpus) error) {
	for _, n := range validateSizes(b) {
		c := synth.Corpus(n)
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var ms0, ms1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms0)
			cpu0 := cpuTime()
			for b.Loop() {
				if err := f(c); err != nil {
					b.Fatal(err)
				}
			}
			cpu := cpuTime() - cpu0
			runtime.ReadMemStats(&ms1)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/statement")
			if cpu > 0 {
				// The process's CPU time, all threads: on a busy machine
				// it stretches less than the wall time does.
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(n), "cpu-ns/statement")
			}
			b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N)/float64(n), "B/statement")
			b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/float64(b.N)/float64(n), "allocs/statement")
		})
	}
}
