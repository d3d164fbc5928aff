//go:build !race

package adversarial_test

// raceFactor widens the allocation bounds under the race detector; see
// race_test.go.
const raceFactor = 1
