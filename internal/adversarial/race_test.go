//go:build race

package adversarial_test

// raceFactor widens the allocation bounds under the race detector, whose
// instrumentation makes some calls allocate twice as much or more.
const raceFactor = 4
