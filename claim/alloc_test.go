package claim_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// TestValidateAllocationsDoNotGrowWithStatements guards against work done
// for every statement of a valid corpus that only an invalid one needs,
// such as formatting field paths: validating ten times the statements must
// not take more allocations, beyond the few large tables validation keeps.
func TestValidateAllocationsDoNotGrowWithStatements(t *testing.T) {
	corpusOf := func(n int) *claim.Corpus {
		c := &claim.Corpus{
			Sources:  []source.Source{{ID: "s", Name: "S"}},
			Articles: []source.Article{{ID: "a", Published: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), Text: "Kim Denied it"}},
			Claims:   []claim.Claim{{ID: "c", Text: "c", Event: claim.Year(2024)}},
		}
		for i := range n {
			c.Statements = append(c.Statements, claim.Statement{
				ID: claim.StatementID(fmt.Sprintf("s%d", i)), Claim: "c", Source: "s", Via: []source.ID{source.AbsentID},
				Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.Day(2024, time.March, 4),
				Mentions: []claim.Mention{{Article: "a", Cue: "denied", Span: claim.Span{Start: 0, End: 13, Exact: "Kim Denied it"}}},
			})
		}
		return c
	}
	small, large := corpusOf(500), corpusOf(5000)
	allocs := func(c *claim.Corpus) float64 {
		return testing.AllocsPerRun(3, func() {
			if err := c.Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
	a, b := allocs(small), allocs(large)
	assert.LessOrEqual(t, b, a+10, "Validate allocations: %v for 500 statements, %v for 5000", a, b)
}
