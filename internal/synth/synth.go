// Package synth generates the synthetic corpora that claimtrail's timeline
// benchmarks and its scale command measure, so that both measure the same
// corpus for one size.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Corpus returns a valid corpus of n statements: 30 governments with 9
// agencies each, one claim per 50 statements with one in ten refining
// another, one article per 20 statements, and a mix of acts, factualities
// and said-date precisions like a real corpus's. Every article has a text
// of 5,000 bytes, as a news article has, and each mention quotes it with
// its span's exact text and suffix, so that validation checks each span
// against its article. The same n gives the same corpus. Each statement's
// IDs are strings of their own, as a decoded corpus's are, rather than
// shared with the claim or article they name; the articles share one text,
// so that a large corpus fits in memory. It takes time and memory linear
// in n.
func Corpus(n int) *claim.Corpus {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	c := &claim.Corpus{}
	for g := range 30 {
		root := source.ID(fmt.Sprintf("gov-%d", g))
		c.Sources = append(c.Sources, source.Source{ID: root, Name: string(root), Kind: source.KindGovernment})
		for a := range 9 {
			id := source.ID(fmt.Sprintf("gov-%d-agency-%d", g, a))
			s := source.Source{ID: id, Name: string(id), Kind: source.KindAgency, Parent: root}
			if a == 8 {
				s.Identity = source.IdentityUnnamed
			}
			c.Sources = append(c.Sources, s)
		}
	}
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	text := strings.Repeat("quote said", articleText/10)
	nArticles := max(1, n/20)
	c.Articles = make([]source.Article, 0, nArticles)
	for i := range nArticles {
		c.Articles = append(c.Articles, source.Article{
			ID:        source.ArticleID(fmt.Sprintf("a%d", i)),
			Published: base.Add(time.Duration(i) * 37 * time.Minute),
			Text:      text,
		})
	}
	nClaims := max(1, n/50)
	c.Claims = make([]claim.Claim, 0, nClaims)
	for i := range nClaims {
		cl := claim.Claim{
			ID:     claim.ID(fmt.Sprintf("c%d", i)),
			Text:   fmt.Sprintf("claim %d", i),
			Actors: []claim.Actor{{Source: source.ID(fmt.Sprintf("gov-%d", i%30)), Role: claim.RoleAccused}},
		}
		if i%10 == 9 {
			cl.Relations = []claim.Relation{{Kind: claim.RelationRefines, To: claim.ID(fmt.Sprintf("c%d", i-1))}}
		}
		c.Claims = append(c.Claims, cl)
	}
	kinds := []struct {
		act claim.Act
		f   claim.Factuality
	}{
		{claim.ActAccuse, claim.CTPlus()}, {claim.ActAssert, claim.PRPlus()}, {claim.ActDeny, claim.CTMinus()},
		{claim.ActDeny, claim.CTMinus()}, {claim.ActConcern, claim.PSPlus()}, {claim.ActReport, claim.Uu()},
		{claim.ActConfirm, claim.CTPlus()}, {claim.ActRetract, claim.Uu()},
	}
	c.Statements = make([]claim.Statement, 0, n)
	for i := range n {
		k := kinds[r.IntN(len(kinds))]
		a := r.IntN(nArticles)
		src := c.Sources[r.IntN(len(c.Sources))].ID
		st := claim.Statement{
			ID:         claim.StatementID(fmt.Sprintf("s%d", i)),
			Claim:      claim.ID(fmt.Sprintf("c%d", r.IntN(nClaims))),
			Source:     src,
			Act:        k.act,
			Factuality: k.f,
			Mentions: []claim.Mention{{
				Article: c.Articles[a].ID,
				Span:    claim.Span{Start: 10 * i % articleText, End: 10*i%articleText + 5, Exact: "quote", Suffix: " said"},
			}},
		}
		pub := c.Articles[a].Published
		switch r.IntN(5) {
		case 0:
			st.Said = claim.NewDate(pub, claim.PrecisionYear)
		case 1, 2, 3:
			st.Said = claim.NewDate(pub.AddDate(0, 0, -r.IntN(30)), claim.PrecisionDay)
		}
		c.Statements = append(c.Statements, st)
	}
	return c
}

// articleText is the length in bytes of every article's text.
const articleText = 5000

// SizesVar is the environment variable that sets the benchmarks' corpus
// sizes, in statements, comma-separated: CLAIMTRAIL_BENCH_STATEMENTS=3000000
// runs one size, larger than the defaults, alone.
const SizesVar = "CLAIMTRAIL_BENCH_STATEMENTS"

// Sizes returns the sizes in [SizesVar], or defaults when it is unset or
// empty. A size that is not a positive whole number is an error naming the
// variable and the size.
func Sizes(defaults ...int) ([]int, error) {
	s := os.Getenv(SizesVar)
	if strings.TrimSpace(s) == "" {
		return defaults, nil
	}
	var sizes []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%s=%q: %q is not a positive number of statements", SizesVar, s, f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}
