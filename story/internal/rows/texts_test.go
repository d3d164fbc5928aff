package rows

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
)

// TestTextsAsMarshalled checks that the texts a statement row is written
// with, taken without allocating, are what MarshalText gives, for every
// act and factuality in range or out of it.
func TestTextsAsMarshalled(t *testing.T) {
	for i := range 256 {
		a := claim.Act(i)
		want, werr := a.MarshalText()
		got, err := actText(a)
		assert.Equal(t, werr != nil, err != nil, "act %d", i)
		assert.Equal(t, string(want), got, "act %d", i)
	}
	for c := range 20 {
		for p := range 20 {
			f := claim.Factuality{Certainty: claim.Certainty(c), Polarity: claim.Polarity(p)}
			want, werr := f.MarshalText()
			got, err := factualityText(f)
			assert.Equal(t, werr != nil, err != nil, "factuality %d/%d", c, p)
			assert.Equal(t, string(want), got, "factuality %d/%d", c, p)
		}
	}
	assert.Zero(t, testing.AllocsPerRun(10, func() {
		_, _ = actText(claim.ActDeny)
		_, _ = factualityText(claim.CTMinus())
	}))
}
