package claim

import (
	"fmt"
	"math"
	"strconv"

	"github.com/claimtrail/claimtrail/internal/corpusview"
	"github.com/claimtrail/claimtrail/source"
)

// interned is what a validator keeps of each statement when it interns:
// the statement parts of a corpusview.Index.
type interned struct {
	claim, source  []int32
	viaOff, menOff []int32 // viaOff nil when no statement has a Via entry
	via, art       []int32
}

// index returns the index of the IDs of c, which v validated, interning,
// and found valid, so that no ID is declared twice. It takes time linear
// in the claims and articles; the statements' indexes, and the tables by
// ID, are v's already.
func (v *validator) index(c *Corpus) *corpusview.Index {
	claimIDs := make([]string, len(c.Claims))
	for i := range c.Claims {
		claimIDs[i] = string(c.Claims[i].ID)
	}
	articleIDs := make([]source.ArticleID, len(c.Articles))
	for i := range c.Articles {
		articleIDs[i] = c.Articles[i].ID
	}
	in := v.in
	return corpusview.New(corpusview.Parts{
		Claim: in.claim, Source: in.source,
		ViaOff: in.viaOff, MentionOff: in.menOff, Via: in.via, Article: in.art,
		ClaimIDs: claimIDs, SourceIDs: v.sourceIDs, ArticleIDs: articleIDs,
		ClaimIndex: v.claims, SourceIndex: v.sources, ArticleIndex: v.articles,
	})
}

// internLimitErr reports a corpus too large for its indexes to be int32:
// more statements, Via entries or mentions in all than [math.MaxInt32].
func internLimitErr(statements, via, mentions int) error {
	for _, n := range []struct {
		what  string
		count int
	}{{"statements", statements}, {"via entries", via}, {"mentions", mentions}} {
		if n.count > math.MaxInt32 {
			return fieldErr("statements", strconv.Itoa(n.count)+" "+n.what,
				fmt.Errorf("%w: more than %d %s, the most a checked corpus holds", ErrInvalid, math.MaxInt32, n.what))
		}
	}
	return nil
}
