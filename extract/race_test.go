//go:build race

package extract_test

// raceEnabled reports whether the tests run under the race detector, which
// allocates at random, so that allocation counts are not checked.
const raceEnabled = true
