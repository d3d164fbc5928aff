package timeline_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/timeline"
)

// TestBuildAllocationsDoNotGrowWithStatements guards against allocating for
// each statement: building ten times the statements about the same claims,
// from the same sources and articles, must not take more allocations.
func TestBuildAllocationsDoNotGrowWithStatements(t *testing.T) {
	corpusOf := func(n int) *claim.Corpus {
		c := corpus(nil)
		for i := range n {
			s := st{id: fmt.Sprintf("s%d", i), src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{fmt.Sprintf("a%d@%d", 1+i%20, i)}}
			if i%3 == 0 {
				s = st{id: fmt.Sprintf("s%d", i), src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{fmt.Sprintf("a%d@%d", 1+i%20, i)}}
			}
			c.Statements = append(c.Statements, s.statement())
		}
		return c
	}
	allocs := func(c *claim.Corpus) float64 {
		return testing.AllocsPerRun(3, func() {
			if _, err := timeline.Build(c, nil); err != nil {
				t.Fatal(err)
			}
		})
	}
	// Both sizes stay below the size from which Build works in parallel.
	a, b := allocs(corpusOf(400)), allocs(corpusOf(4000))
	assert.LessOrEqual(t, b, a+20, "Build allocations: %v for 400 statements, %v for 4000", a, b)
}
