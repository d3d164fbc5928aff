package main

import (
	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/synth"
)

// synthetic returns the corpus of n statements that the timeline package's
// benchmarks (BenchmarkBuild and BenchmarkSort) measure: synth.Corpus, so
// that for one n both measure the same corpus.
func synthetic(n int) *claim.Corpus { return synth.Corpus(n) }
