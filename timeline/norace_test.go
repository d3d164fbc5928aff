//go:build !race

package timeline

// raceEnabled reports whether the tests run under the race detector.
const raceEnabled = false
