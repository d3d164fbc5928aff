package claim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// TestAliasConflictSentinel checks that Validate's alias conflicts are
// found with claim's own name for the sentinel, as with source's.
func TestAliasConflictSentinel(t *testing.T) {
	c := &claim.Corpus{Sources: []source.Source{
		{ID: "a", Name: "Norland"},
		{ID: "b", Name: "Norland"},
	}}
	err := c.Validate()
	assert.ErrorIs(t, err, claim.ErrAliasConflict)
	assert.ErrorIs(t, err, source.ErrAliasConflict)
}
