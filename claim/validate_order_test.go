package claim_test

import (
	"errors"
	"fmt"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// orderCase is a corpus with many problems, and the problems Validate
// reports for it, in the order reported.
type orderCase struct {
	name string
	c    *claim.Corpus
	want []problem
	more string // the *claim.MoreError's message at the end, if any
}

// orderCorpora returns corpora whose statements name the same IDs, known
// and unknown, one after the other and apart, and repeat statement IDs,
// so that the order of the problems tells how each ID was looked up.
func orderCorpora(t *testing.T) []orderCase {
	t.Helper()
	lookups := testCorpus(t)
	base := lookups.Statements[2] // said 2025, mentioned in n2, which has no text
	stmt := func(id claim.StatementID, cl claim.ID, src source.ID, via []source.ID, arts ...source.ArticleID) claim.Statement {
		s := base
		s.ID, s.Claim, s.Source, s.Via, s.Mentions = id, cl, src, via, nil
		for _, a := range arts {
			s.Mentions = append(s.Mentions, claim.Mention{Article: a, Span: base.Mentions[0].Span})
		}
		return s
	}
	lookups.Statements = append(lookups.Statements,
		stmt("d1", "shut", "courier", nil, "n2"),                             // 3: duplicate, unknown claim
		stmt("d9", "shut", "ghost", nil, "n9", "n9"),                         // 4: the same unknown claim, unknown source, article twice
		stmt("d1", "closed", "ghost", []source.ID{"ghost", "courier"}, "n2"), // 5: duplicate again, via unknown and itself
		stmt("", "", "", []source.ID{""}, "", "n2", "n9"),                    // 6: everything empty
		stmt("d10", "closed", "courier", []source.ID{"courier"}, "n9", "n2"), // 7: via its own source, unknown then known article
		stmt("d9", "repairs", source.AbsentID, []source.ID{"tarnow"}, "n2"),  // 8: duplicate of 4
		stmt("d11", "open", "courier", []source.ID{source.AbsentID}, "n2"),   // 9: valid
		stmt("", "nope", "courier", nil, "n2"),                               // 10: empty ID again, not a duplicate
	)
	var many []claim.Statement
	for i := range source.MaxProblems + 20 {
		many = append(many, stmt(claim.StatementID(fmt.Sprintf("m%d", i%7)), claim.ID(fmt.Sprintf("c%d", i%3)), "courier", nil, "n2"))
	}
	manyCorpus := testCorpus(t)
	manyCorpus.Statements = append(manyCorpus.Statements, many...)
	var wantMany []problem
	for i := range many {
		if len(wantMany) >= source.MaxProblems {
			break
		}
		path := fmt.Sprintf("statements[%d]", i+3)
		if i >= 7 {
			wantMany = append(wantMany, problem{path + ".id", fmt.Sprintf("m%d", i%7), claim.ErrDuplicateID})
		}
		if len(wantMany) < source.MaxProblems {
			wantMany = append(wantMany, problem{path + ".claim", fmt.Sprintf("c%d", i%3), claim.ErrUnknownClaim})
		}
	}
	// Statements that name unknown claims and articles at places that
	// fall on every side of the batches in which the validator looks up
	// claims and first mentions' articles together.
	batches := testCorpus(t)
	var wantBatches []problem
	for i := range 100 {
		path := fmt.Sprintf("statements[%d]", i+3)
		cl, first, second := claim.ID("closed"), source.ArticleID("n2"), source.ArticleID("")
		if i%5 == 0 {
			cl = claim.ID(fmt.Sprintf("gone-%d", i))
			wantBatches = append(wantBatches, problem{path + ".claim", string(cl), claim.ErrUnknownClaim})
		}
		if i%7 == 0 {
			first = "n9"
			wantBatches = append(wantBatches, problem{path + ".mentions[0].article", "n9", claim.ErrUnknownArticle})
		}
		arts := []source.ArticleID{first}
		if i%11 == 0 {
			second = source.ArticleID(fmt.Sprintf("n9-%d", i))
			arts = append(arts, second)
			wantBatches = append(wantBatches, problem{path + ".mentions[1].article", string(second), claim.ErrUnknownArticle})
		}
		batches.Statements = append(batches.Statements, stmt(claim.StatementID(fmt.Sprintf("b%d", i)), cl, "courier", nil, arts...))
	}
	return []orderCase{
		{name: "batches", c: batches, want: wantBatches},
		{name: "lookups", c: lookups, want: []problem{
			{"statements[3].id", "d1", claim.ErrDuplicateID},
			{"statements[3].claim", "shut", claim.ErrUnknownClaim},
			{"statements[4].claim", "shut", claim.ErrUnknownClaim},
			{"statements[4].source", "ghost", claim.ErrUnknownSource},
			{"statements[4].mentions[0].article", "n9", claim.ErrUnknownArticle},
			{"statements[4].mentions[1].article", "n9", claim.ErrUnknownArticle},
			{"statements[5].id", "d1", claim.ErrDuplicateID},
			{"statements[5].source", "ghost", claim.ErrUnknownSource},
			{"statements[5].via[0]", "ghost", claim.ErrUnknownSource},
			{"statements[6].id", "", claim.ErrEmpty},
			{"statements[6].claim", "", claim.ErrUnknownClaim},
			{"statements[6].source", "", claim.ErrUnknownSource},
			{"statements[6].via[0]", "", claim.ErrUnknownSource},
			{"statements[6].mentions[0].article", "", claim.ErrUnknownArticle},
			{"statements[6].mentions[2].article", "n9", claim.ErrUnknownArticle},
			{"statements[7].via[0]", "courier", claim.ErrCycle},
			{"statements[7].mentions[0].article", "n9", claim.ErrUnknownArticle},
			{"statements[8].id", "d9", claim.ErrDuplicateID},
			{"statements[10].id", "", claim.ErrEmpty},
			{"statements[10].claim", "nope", claim.ErrUnknownClaim},
		}},
		{name: "many", c: manyCorpus, want: wantMany, more: "and 133 more problems: 67 unknown claim, 66 duplicate id"},
	}
}

// TestValidateOrder checks the problems Validate reports, and their order:
// a statement's own problems in the order of its fields, statements in
// their order, and past MaxProblems only counts.
func TestValidateOrder(t *testing.T) {
	for _, tc := range orderCorpora(t) {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.c.Validate()
			require.Error(t, err)
			errs := err.(interface{ Unwrap() []error }).Unwrap()
			more := ""
			if m := (*claim.MoreError)(nil); errors.As(errs[len(errs)-1], &m) {
				more, errs = m.Error(), errs[:len(errs)-1]
			}
			assert.Equal(t, tc.more, more, "the count of the problems not listed")
			got := problemsOf(t, errors.Join(errs...))
			if diff := gocmp.Diff(tc.want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
