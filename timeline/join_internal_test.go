package timeline

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
)

// TestJoinCopiesWhenStretchesDoNotFit checks join's fallback: tracks that
// did not fill the stretches sized for them are copied, not lost.
func TestJoinCopiesWhenStretchesDoNotFit(t *testing.T) {
	tl := &Timeline{claims: make([]claim.Claim, 2), track: make([]int32, 5)}
	w1 := &builder{lo: 0, hi: 1, track: []int32{1, 2}, trackEnd: []int32{2}, histEnd: []int32{0}, changeEnd: []int32{0}}
	w2 := &builder{lo: 1, hi: 2, track: []int32{3}, trackEnd: []int32{1}, histEnd: []int32{0}, changeEnd: []int32{0}}
	tl.join([]*builder{w1, w2})
	assert.Equal(t, []int32{1, 2, 3}, tl.track)
	assert.Equal(t, []int32{0, 2, 3}, tl.trackOff)
}
