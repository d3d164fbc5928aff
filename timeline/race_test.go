//go:build race

package timeline

// raceEnabled reports whether the tests run under the race detector, which
// makes building twenty to thirty times slower: the tests that build many
// corpora, or large ones, build fewer or smaller ones under it.
const raceEnabled = true
