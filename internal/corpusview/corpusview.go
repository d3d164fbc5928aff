// Package corpusview lets package timeline read the corpus a
// [claim.Checked] holds, which no caller outside the module can reach, so
// that a checked corpus can be built without a copy and without being
// validated again.
//
// Package claim registers the one function that opens a Checked when it is
// initialised; nothing else sets it.
package corpusview

import (
	"github.com/claimtrail/claimtrail/source"
)

// open is the function package claim registers: it returns the corpus and
// the registry a *claim.Checked holds, as values of type any so that this
// package need not import claim, which imports it.
var open func(checked any) (corpus any, reg *source.Registry)

// Register records the function that opens a checked corpus. Package claim
// calls it once, from an init function.
func Register(f func(checked any) (corpus any, reg *source.Registry)) { open = f }

// Open returns the corpus of type C and the registry that checked, a
// *claim.Checked, holds. The corpus must only be read.
func Open[C any](checked any) (*C, *source.Registry) {
	c, reg := open(checked)
	return c.(*C), reg
}
