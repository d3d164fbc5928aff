package claim_test

import (
	"cmp"
	"errors"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// problem is one reported validation problem: the field and value a
// *claim.FieldError or *source.FieldError carries, and the sentinel it wraps.
type problem struct {
	Field string
	Value string
	Err   error
}

// sentinels are the errors problemsOf looks for, most specific first.
var sentinels = []error{
	claim.ErrEmpty, claim.ErrInvalidUTF8, claim.ErrUnknownName, claim.ErrDuplicateID,
	claim.ErrUnknownClaim, claim.ErrUnknownSource, claim.ErrUnknownArticle, claim.ErrCycle,
	claim.ErrSpan, claim.ErrNotFound, claim.ErrAmbiguous, claim.ErrDate, claim.ErrFactuality,
	claim.ErrInvalid,
	source.ErrEmpty, source.ErrInvalidUTF8, source.ErrUnknownName, source.ErrDuplicateID,
	source.ErrUnknownSource, source.ErrUnknownArticle, source.ErrCycle, source.ErrAliasConflict,
	source.ErrInvalid,
}

// problemsOf splits err, which joins one error per problem, into problems.
// It fails the test for a problem that is not a field error.
func problemsOf(t *testing.T, err error) []problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else {
		errs = []error{err}
	}
	var out []problem
	for _, e := range errs {
		var p problem
		var fe *claim.FieldError
		var sfe *source.FieldError
		switch {
		case errors.As(e, &fe):
			p.Field, p.Value = fe.Field, fe.Value
		case errors.As(e, &sfe):
			p.Field, p.Value = sfe.Field, sfe.Value
		default:
			t.Errorf("problem %v (%T) is neither a *claim.FieldError nor a *source.FieldError", e, e)
			continue
		}
		for _, s := range sentinels {
			if errors.Is(e, s) {
				p.Err = s
				break
			}
		}
		if p.Err == nil {
			t.Errorf("problem %v wraps no sentinel error", e)
		}
		out = append(out, p)
	}
	return out
}

// problemOpts compares problem lists in any order, sentinels by errors.Is.
var problemOpts = gocmp.Options{
	cmpopts.EquateErrors(),
	cmpopts.EquateEmpty(),
	cmpopts.SortSlices(func(a, b problem) bool {
		return cmp.Or(cmp.Compare(a.Field, b.Field), cmp.Compare(a.Value, b.Value)) < 0
	}),
}

// validateText is the article the Go-built test corpus quotes. The curly
// apostrophe makes byte offsets differ from rune counts.
const validateText = "Halvard’s ministry denied on Friday that the dam at Tarnow was closed. " +
	"Tarnow officials said the dam was closed for repairs."

// testCorpus returns a fresh, valid corpus that each test case may change.
func testCorpus(t *testing.T) *claim.Corpus {
	t.Helper()
	denial, err := claim.Find(validateText, "Halvard’s ministry denied on Friday that the dam at Tarnow was closed.")
	require.NoError(t, err)
	repairs, err := claim.Find(validateText, "Tarnow officials said the dam was closed for repairs.")
	require.NoError(t, err)
	return &claim.Corpus{
		Format: claim.Format,
		Sources: []source.Source{
			{ID: "tarnow", Name: "Tarnow", Kind: source.KindGovernment, Aliases: []string{"Tarnow government"}},
			{ID: "tarnow-water", Name: "Tarnow water board", Kind: source.KindAgency, Parent: "tarnow"},
			{ID: "halvard", Name: "Halvard", Kind: source.KindGovernment},
			{ID: "halvard-mfa", Name: "Halvard foreign ministry", Kind: source.KindAgency, Parent: "halvard", Aliases: []string{"Halvard’s ministry"}},
			{ID: "courier", Name: "The Courier", Kind: source.KindMediaOutlet},
		},
		Articles: []source.Article{
			{ID: "n1", Outlet: "courier", Published: time.Date(2025, 1, 10, 8, 0, 0, 0, time.UTC), Text: validateText},
			{ID: "n2", Outlet: "courier", Published: time.Date(2025, 1, 11, 8, 0, 0, 0, time.UTC)}, // no text
		},
		Claims: []claim.Claim{
			{ID: "closed", Text: "The dam at Tarnow is closed", Actors: []claim.Actor{{Source: "tarnow-water", Role: claim.RoleAccused}}},
			{ID: "repairs", Text: "The dam at Tarnow is closed for repairs", Event: claim.Month(2025, time.January),
				Relations: []claim.Relation{{Kind: claim.RelationRefines, To: "closed"}}},
			{ID: "open", Text: "The dam at Tarnow is open", Relations: []claim.Relation{{Kind: claim.RelationContradicts, To: "closed"}}},
			{ID: "spare", Text: "A claim no statement is about"},
		},
		Statements: []claim.Statement{
			{ID: "d1", Claim: "closed", Source: "halvard-mfa", Act: claim.ActDeny, Factuality: claim.CTMinus(),
				Mentions: []claim.Mention{{Article: "n1", Cue: "denied", Span: denial}}},
			{ID: "d2", Claim: "repairs", Source: "tarnow-water", Via: []source.ID{"tarnow"}, Act: claim.ActAssert,
				Factuality: claim.CTPlus(), Said: claim.Day(2025, time.January, 9),
				Mentions: []claim.Mention{{Article: "n1", Cue: "said", Span: repairs}}},
			{ID: "d3", Claim: "closed", Source: source.AbsentID, Act: claim.ActReport, Said: claim.Year(2025),
				// n2 has no text: the span is checked only on its own.
				Mentions: []claim.Mention{{Article: "n2", Span: claim.Span{Start: 100, End: 106, Exact: "closed"}}}},
		},
	}
}

func TestCorpusValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *claim.Corpus)
		want   []problem
	}{
		{name: "valid", change: func(*claim.Corpus) {}},
		{name: "format-empty", change: func(c *claim.Corpus) { c.Format = "" }},
		{
			name:   "format-wrong",
			change: func(c *claim.Corpus) { c.Format = "claimtrail/2" },
			want:   []problem{{"format", "claimtrail/2", claim.ErrInvalid}},
		},
		{
			name:   "said-without-mention",
			change: func(c *claim.Corpus) { c.Statements[1].Mentions = nil },
		},
		{
			name:   "cue-case-ignored",
			change: func(c *claim.Corpus) { c.Statements[0].Mentions[0].Cue = "DENIED" },
		},
		{
			name: "mutual-contradiction",
			change: func(c *claim.Corpus) {
				c.Claims[0].Relations = []claim.Relation{{Kind: claim.RelationContradicts, To: "open"}}
			},
		},

		// Sources and articles: reported by package source.
		{
			name: "duplicate-source",
			change: func(c *claim.Corpus) {
				c.Sources = append(c.Sources, source.Source{ID: "halvard", Name: "Halvard again"})
			},
			want: []problem{{"sources[5].id", "halvard", source.ErrDuplicateID}},
		},
		{
			name: "duplicate-article",
			change: func(c *claim.Corpus) {
				c.Articles = append(c.Articles, source.Article{ID: "n1", Published: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)})
			},
			want: []problem{{"articles[2].id", "n1", source.ErrDuplicateID}},
		},
		{
			name: "affiliation-cycle",
			change: func(c *claim.Corpus) {
				c.Sources[0].Parent = "tarnow-water" // tarnow -> tarnow-water -> tarnow
			},
			want: []problem{{"sources[0].parent", "tarnow-water", source.ErrCycle}},
		},
		{
			name: "alias-claimed-twice",
			change: func(c *claim.Corpus) {
				c.Sources[2].Aliases = []string{"The Tarnow Government"}
			},
			want: []problem{{"sources[2].aliases[0]", "The Tarnow Government", source.ErrAliasConflict}},
		},
		{
			name: "article-text-invalid-utf8",
			change: func(c *claim.Corpus) {
				c.Articles[0].Text = "Halvard\xff"
			},
			// The article still exists: its mentions are not reported as
			// pointing at an unknown article.
			want: []problem{{"articles[0].text", "Halvard\xff", source.ErrInvalidUTF8}},
		},

		// Claims.
		{
			name:   "duplicate-claim",
			change: func(c *claim.Corpus) { c.Claims = append(c.Claims, claim.Claim{ID: "open", Text: "The dam is open"}) },
			want:   []problem{{"claims[4].id", "open", claim.ErrDuplicateID}},
		},
		{
			name:   "claim-id-empty",
			change: func(c *claim.Corpus) { c.Claims[3].ID = "" },
			want:   []problem{{"claims[3].id", "", claim.ErrEmpty}},
		},
		{
			name:   "claim-text-empty",
			change: func(c *claim.Corpus) { c.Claims[3].Text = "" },
			want:   []problem{{"claims[3].text", "", claim.ErrEmpty}},
		},
		{
			name:   "claim-text-invalid-utf8",
			change: func(c *claim.Corpus) { c.Claims[3].Text = "A claim \xc3(" },
			want:   []problem{{"claims[3].text", "A claim \xc3(", claim.ErrInvalidUTF8}},
		},
		{
			name:   "actor-unknown-source",
			change: func(c *claim.Corpus) { c.Claims[0].Actors[0].Source = "marrak" },
			want:   []problem{{"claims[0].actors[0].source", "marrak", claim.ErrUnknownSource}},
		},
		{
			name:   "actor-role-out-of-range",
			change: func(c *claim.Corpus) { c.Claims[0].Actors[0].Role = claim.Role(9) },
			want:   []problem{{"claims[0].actors[0].role", "Role(9)", claim.ErrInvalid}},
		},
		{
			name: "relation-to-self",
			change: func(c *claim.Corpus) {
				c.Claims[2].Relations[0].To = "open"
			},
			want: []problem{{"claims[2].relations[0].to", "open", claim.ErrCycle}},
		},
		{
			name:   "relation-to-missing-claim",
			change: func(c *claim.Corpus) { c.Claims[1].Relations[0].To = "shut" },
			want:   []problem{{"claims[1].relations[0].to", "shut", claim.ErrUnknownClaim}},
		},
		{
			name:   "relation-kind-unknown",
			change: func(c *claim.Corpus) { c.Claims[2].Relations[0].Kind = claim.RelationUnknown },
			want:   []problem{{"claims[2].relations[0].kind", "unknown", claim.ErrInvalid}},
		},
		{
			name:   "relation-kind-out-of-range",
			change: func(c *claim.Corpus) { c.Claims[2].Relations[0].Kind = claim.RelationKind(42) },
			want:   []problem{{"claims[2].relations[0].kind", "RelationKind(42)", claim.ErrInvalid}},
		},
		{
			name: "refinement-cycle-of-two",
			change: func(c *claim.Corpus) {
				c.Claims[0].Relations = []claim.Relation{{Kind: claim.RelationPartOf, To: "repairs"}}
			},
			// closed -> repairs -> closed, reported once, where it closes.
			want: []problem{{"claims[1].relations[0].to", "closed", claim.ErrCycle}},
		},
		{
			name: "refinement-cycle-of-three",
			change: func(c *claim.Corpus) {
				c.Claims[0].Relations = []claim.Relation{{Kind: claim.RelationRefines, To: "spare"}}
				c.Claims[3].Relations = []claim.Relation{{Kind: claim.RelationPartOf, To: "repairs"}}
			},
			// closed -> spare -> repairs -> closed.
			want: []problem{{"claims[1].relations[0].to", "closed", claim.ErrCycle}},
		},
		{
			name: "refines-self",
			change: func(c *claim.Corpus) {
				c.Claims[3].Relations = []claim.Relation{{Kind: claim.RelationRefines, To: "spare"}}
			},
			// Reported once, as a relation to self, not again as a loop.
			want: []problem{{"claims[3].relations[0].to", "spare", claim.ErrCycle}},
		},
		{
			name: "diamond-is-no-cycle",
			change: func(c *claim.Corpus) {
				// open and spare both refine repairs and closed; repairs refines closed.
				c.Claims[2].Relations = []claim.Relation{{Kind: claim.RelationRefines, To: "repairs"}, {Kind: claim.RelationPartOf, To: "closed"}}
				c.Claims[3].Relations = []claim.Relation{{Kind: claim.RelationRefines, To: "repairs"}, {Kind: claim.RelationRefines, To: "closed"}}
			},
		},
		{
			name: "supersedes-loop-is-no-cycle",
			change: func(c *claim.Corpus) {
				c.Claims[0].Relations = []claim.Relation{{Kind: claim.RelationSupersedes, To: "repairs"}}
			},
		},

		// Statements.
		{
			name: "duplicate-statement",
			change: func(c *claim.Corpus) {
				c.Statements = append(c.Statements, claim.Statement{ID: "d2", Claim: "open", Source: "tarnow", Act: claim.ActAssert, Said: claim.Year(2024)})
			},
			want: []problem{{"statements[3].id", "d2", claim.ErrDuplicateID}},
		},
		{
			name:   "statement-id-empty",
			change: func(c *claim.Corpus) { c.Statements[2].ID = "" },
			want:   []problem{{"statements[2].id", "", claim.ErrEmpty}},
		},
		{
			name:   "statement-id-invalid-utf8",
			change: func(c *claim.Corpus) { c.Statements[2].ID = "d\xff3" },
			want:   []problem{{"statements[2].id", "d\xff3", claim.ErrInvalidUTF8}},
		},
		{
			name:   "missing-claim",
			change: func(c *claim.Corpus) { c.Statements[0].Claim = "shut" },
			want:   []problem{{"statements[0].claim", "shut", claim.ErrUnknownClaim}},
		},
		{
			name:   "missing-source",
			change: func(c *claim.Corpus) { c.Statements[0].Source = "halvard-mod" },
			want:   []problem{{"statements[0].source", "halvard-mod", claim.ErrUnknownSource}},
		},
		{
			name:   "missing-via",
			change: func(c *claim.Corpus) { c.Statements[1].Via = append(c.Statements[1].Via, "courier", "wire") },
			want:   []problem{{"statements[1].via[2]", "wire", claim.ErrUnknownSource}},
		},
		{
			name:   "missing-article",
			change: func(c *claim.Corpus) { c.Statements[2].Mentions[0].Article = "n9" },
			want:   []problem{{"statements[2].mentions[0].article", "n9", claim.ErrUnknownArticle}},
		},
		{
			name:   "act-unknown",
			change: func(c *claim.Corpus) { c.Statements[2].Act = claim.ActUnknown },
			want:   []problem{{"statements[2].act", "unknown", claim.ErrInvalid}},
		},
		{
			name:   "act-out-of-range",
			change: func(c *claim.Corpus) { c.Statements[2].Act = claim.Act(200) },
			want:   []problem{{"statements[2].act", "Act(200)", claim.ErrInvalid}},
		},
		{
			name: "factuality-invalid",
			change: func(c *claim.Corpus) {
				c.Statements[2].Factuality = claim.Factuality{Certainty: claim.CertaintyProbable}
			},
			want: []problem{{"statements[2].factuality", "Factuality(probable,underspecified)", claim.ErrInvalid}},
		},
		{
			name:   "deny-affirms",
			change: func(c *claim.Corpus) { c.Statements[0].Factuality = claim.CTPlus() },
			want:   []problem{{"statements[0].factuality", "CT+", claim.ErrFactuality}},
		},
		{
			name: "accuse-negates",
			change: func(c *claim.Corpus) {
				c.Statements[1].Act, c.Statements[1].Factuality = claim.ActAccuse, claim.PRMinus()
			},
			want: []problem{{"statements[1].factuality", "PR-", claim.ErrFactuality}},
		},
		{
			name: "decline-comment-affirms",
			change: func(c *claim.Corpus) {
				c.Statements[2].Act, c.Statements[2].Factuality = claim.ActDeclineComment, claim.PSPlus()
			},
			want: []problem{{"statements[2].factuality", "PS+", claim.ErrFactuality}},
		},
		{
			name: "no-mention-no-said",
			change: func(c *claim.Corpus) {
				c.Statements[0].Mentions = nil
			},
			want: []problem{{"statements[0].mentions", "", claim.ErrEmpty}},
		},

		{
			name:   "via-own-source",
			change: func(c *claim.Corpus) { c.Statements[1].Via = []source.ID{"tarnow", "tarnow-water"} },
			want:   []problem{{"statements[1].via[1]", "tarnow-water", claim.ErrCycle}},
		},
		{
			// An unknown source relaying itself is reported as unknown, once
			// for each field.
			name: "via-own-unknown-source",
			change: func(c *claim.Corpus) {
				c.Statements[1].Source = "ghost"
				c.Statements[1].Via = []source.ID{"ghost"}
			},
			want: []problem{
				{"statements[1].source", "ghost", claim.ErrUnknownSource},
				{"statements[1].via[0]", "ghost", claim.ErrUnknownSource},
			},
		},
		{
			name:   "via-other-source",
			change: func(c *claim.Corpus) { c.Statements[2].Via = []source.ID{"courier"} },
		},
		{
			name:   "retract-uncommitted",
			change: func(c *claim.Corpus) { c.Statements[2].Act = claim.ActRetract },
		},
		{
			name: "retract-certain-uncommitted",
			change: func(c *claim.Corpus) {
				c.Statements[2].Act, c.Statements[2].Factuality = claim.ActRetract, claim.CTu()
			},
		},
		{
			name: "retract-affirms",
			change: func(c *claim.Corpus) {
				c.Statements[2].Act, c.Statements[2].Factuality = claim.ActRetract, claim.PRPlus()
			},
			want: []problem{{"statements[2].factuality", "PR+", claim.ErrFactuality}},
		},
		{
			name: "retract-negates",
			change: func(c *claim.Corpus) {
				c.Statements[2].Act, c.Statements[2].Factuality = claim.ActRetract, claim.CTMinus()
			},
			want: []problem{{"statements[2].factuality", "CT-", claim.ErrFactuality}},
		},

		// Dates. n1 is published on 2025-01-10 at 08:00 UTC, n2 a day later.
		{
			name:   "said-day-of-report",
			change: func(c *claim.Corpus) { c.Statements[1].Said = claim.Day(2025, time.January, 10) },
		},
		{
			name:   "said-month-of-report",
			change: func(c *claim.Corpus) { c.Statements[1].Said = claim.Month(2025, time.January) },
		},
		{
			name:   "said-at-report",
			change: func(c *claim.Corpus) { c.Statements[1].Said = claim.MustParseDate("2025-01-10T08:00:00Z") },
		},
		{
			name:   "said-day-after-report",
			change: func(c *claim.Corpus) { c.Statements[1].Said = claim.Day(2025, time.January, 11) },
			want:   []problem{{"statements[1].said", "2025-01-11", claim.ErrDate}},
		},
		{
			name:   "said-instant-after-report",
			change: func(c *claim.Corpus) { c.Statements[1].Said = claim.MustParseDate("2025-01-10T10:00:00+01:00") },
			want:   []problem{{"statements[1].said", "2025-01-10T09:00:00Z", claim.ErrDate}},
		},
		{
			// 09:00 at UTC+1 is the publication instant itself.
			name:   "said-instant-at-report-other-zone",
			change: func(c *claim.Corpus) { c.Statements[1].Said = claim.MustParseDate("2025-01-10T09:00:00+01:00") },
		},
		{
			name:   "said-instant-just-after-report",
			change: func(c *claim.Corpus) { c.Statements[1].Said = claim.MustParseDate("2025-01-10T08:00:00.000000001Z") },
			want:   []problem{{"statements[1].said", "2025-01-10T08:00:00.000000001Z", claim.ErrDate}},
		},
		{
			// A report at 22:00 UTC on 10 January is already 11 January
			// east of UTC+2, so a statement said that local day fits.
			name: "said-local-day-of-report",
			change: func(c *claim.Corpus) {
				c.Articles[0].Published = time.Date(2025, time.January, 10, 22, 0, 0, 0, time.UTC)
				c.Statements[1].Said = claim.Day(2025, time.January, 11)
			},
		},
		{
			name:   "said-year-after-report",
			change: func(c *claim.Corpus) { c.Statements[2].Said = claim.Year(2026) },
			want:   []problem{{"statements[2].said", "2026", claim.ErrDate}},
		},
		{
			// The earliest report counts: n1, a day before n2.
			name: "said-after-earliest-of-two",
			change: func(c *claim.Corpus) {
				c.Statements[0].Mentions = append(c.Statements[0].Mentions, claim.Mention{Article: "n2", Span: claim.Span{Start: 0, End: 6, Exact: "denied"}})
				c.Statements[0].Mentions[0], c.Statements[0].Mentions[1] = c.Statements[0].Mentions[1], c.Statements[0].Mentions[0]
				c.Statements[0].Said = claim.Day(2025, time.January, 11)
			},
			want: []problem{{"statements[0].said", "2025-01-11", claim.ErrDate}},
		},
		{
			name:   "said-day-of-later-report",
			change: func(c *claim.Corpus) { c.Statements[2].Said = claim.Day(2025, time.January, 11) },
		},
		{
			// An unknown article has no publication time to compare with.
			name: "said-after-unknown-article",
			change: func(c *claim.Corpus) {
				c.Statements[2].Mentions[0].Article = "n9"
				c.Statements[2].Said = claim.Year(2030)
			},
			want: []problem{{"statements[2].mentions[0].article", "n9", claim.ErrUnknownArticle}},
		},
		{
			// Nor has an article without one, which the registry reports.
			name: "said-after-article-without-time",
			change: func(c *claim.Corpus) {
				c.Articles[1].Published = time.Time{}
				c.Statements[2].Said = claim.Year(2030)
			},
			want: []problem{{"articles[1].published", "", source.ErrEmpty}},
		},
		{
			name:   "event-year-10000",
			change: func(c *claim.Corpus) { c.Claims[1].Event = claim.Year(10000) },
			want:   []problem{{"claims[1].event", "10000", claim.ErrDate}},
		},
		{
			name:   "event-year-negative",
			change: func(c *claim.Corpus) { c.Claims[1].Event = claim.Month(-1, time.March) },
			want:   []problem{{"claims[1].event", "-0001-03", claim.ErrDate}},
		},
		{
			name:   "event-year-0",
			change: func(c *claim.Corpus) { c.Claims[1].Event = claim.Year(0) },
		},
		{
			name:   "event-normalised-past-9999",
			change: func(c *claim.Corpus) { c.Claims[1].Event = claim.Day(9999, time.December, 32) },
			want:   []problem{{"claims[1].event", "10000-01-01", claim.ErrDate}},
		},
		{
			// Out of range, not also after its report.
			name:   "said-year-10000",
			change: func(c *claim.Corpus) { c.Statements[1].Said = claim.Year(10000) },
			want:   []problem{{"statements[1].said", "10000", claim.ErrDate}},
		},
		{
			name:   "said-year-negative",
			change: func(c *claim.Corpus) { c.Statements[1].Said = claim.Day(-5, time.January, 2) },
			want:   []problem{{"statements[1].said", "-0005-01-02", claim.ErrDate}},
		},

		// Mentions and spans.
		{
			name:   "cue-invalid-utf8",
			change: func(c *claim.Corpus) { c.Statements[0].Mentions[0].Cue = "den\xffied" },
			want:   []problem{{"statements[0].mentions[0].cue", "den\xffied", claim.ErrInvalidUTF8}},
		},
		{
			name:   "cue-outside-span",
			change: func(c *claim.Corpus) { c.Statements[0].Mentions[0].Cue = "said" },
			want:   []problem{{"statements[0].mentions[0].cue", "said", claim.ErrSpan}},
		},
		{
			name:   "span-exact-empty",
			change: func(c *claim.Corpus) { c.Statements[2].Mentions[0].Span = claim.Span{Start: 4, End: 4} },
			want:   []problem{{"statements[2].mentions[0].span.exact", "", claim.ErrEmpty}},
		},
		{
			name: "span-exact-invalid-utf8",
			change: func(c *claim.Corpus) {
				c.Statements[2].Mentions[0].Span = claim.Span{Start: 4, End: 6, Exact: "\xff\xfe"}
			},
			want: []problem{{"statements[2].mentions[0].span", "[4:6]", claim.ErrInvalidUTF8}},
		},
		{
			name: "span-prefix-invalid-utf8",
			change: func(c *claim.Corpus) {
				c.Statements[2].Mentions[0].Span.Prefix = "the dam was \xff"
			},
			want: []problem{{"statements[2].mentions[0].span", "[100:106]", claim.ErrInvalidUTF8}},
		},
		{
			name: "span-offsets-do-not-fit-exact",
			change: func(c *claim.Corpus) {
				c.Statements[2].Mentions[0].Span.End = 110
			},
			want: []problem{{"statements[2].mentions[0].span", "[100:110]", claim.ErrSpan}},
		},
		{
			name: "span-negative",
			change: func(c *claim.Corpus) {
				c.Statements[2].Mentions[0].Span = claim.Span{Start: -6, End: 0, Exact: "closed"}
			},
			want: []problem{{"statements[2].mentions[0].span", "[-6:0]", claim.ErrSpan}},
		},
		{
			name: "span-outside-article",
			change: func(c *claim.Corpus) {
				s := &c.Statements[1].Mentions[0].Span
				s.Start, s.End = len(validateText)-10, len(validateText)-10+len(s.Exact)
			},
			want: []problem{{"statements[1].mentions[0].span", "[116:169]", claim.ErrSpan}},
		},
		{
			name: "span-off-rune-boundary",
			change: func(c *claim.Corpus) {
				// Bytes 8-10 are the three bytes of "’" in "Halvard’s".
				c.Statements[2].Mentions[0] = claim.Mention{Article: "n1", Span: claim.Span{Start: 9, End: 15, Exact: "xs min"}}
			},
			want: []problem{{"statements[2].mentions[0].span", "[9:15]", claim.ErrSpan}},
		},
		{
			name: "span-not-matching-quote",
			change: func(c *claim.Corpus) {
				c.Statements[0].Mentions[0].Span.Exact = "Halvard’s ministry denied on Monday that the dam at Tarnow was closed."
			},
			want: []problem{{"statements[0].mentions[0].span", "[0:72]", claim.ErrSpan}},
		},
		{
			name: "span-prefix-mismatch",
			change: func(c *claim.Corpus) {
				c.Statements[1].Mentions[0].Span.Prefix = "Marrak was closed. "
			},
			want: []problem{{"statements[1].mentions[0].span.prefix", "Marrak was closed. ", claim.ErrSpan}},
		},
		{
			name: "span-suffix-mismatch",
			change: func(c *claim.Corpus) {
				c.Statements[0].Mentions[0].Span.Suffix = " Halvard"
			},
			want: []problem{{"statements[0].mentions[0].span.suffix", " Halvard", claim.ErrSpan}},
		},

		// Everything at once.
		{
			name: "several",
			change: func(c *claim.Corpus) {
				c.Format = "claimtrail/0"
				c.Sources[4].ID = "tarnow"
				c.Claims[3].Text = "\xff"
				c.Claims[1].Relations[0].To = "repairs"
				c.Statements[0].Factuality = claim.CTPlus()
				c.Statements[1].Via = []source.ID{"nobody"}
				c.Statements[2].Mentions[0].Article = "n3"
			},
			want: []problem{
				{"format", "claimtrail/0", claim.ErrInvalid},
				{"sources[4].id", "tarnow", source.ErrDuplicateID},
				{"articles[0].outlet", "courier", source.ErrUnknownSource},
				{"articles[1].outlet", "courier", source.ErrUnknownSource},
				{"claims[3].text", "\xff", claim.ErrInvalidUTF8},
				{"claims[1].relations[0].to", "repairs", claim.ErrCycle},
				{"statements[0].factuality", "CT+", claim.ErrFactuality},
				{"statements[1].via[0]", "nobody", claim.ErrUnknownSource},
				{"statements[2].mentions[0].article", "n3", claim.ErrUnknownArticle},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := testCorpus(t)
			tc.change(c)
			err := c.Validate()
			if diff := gocmp.Diff(tc.want, problemsOf(t, err), problemOpts); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
			}
			if len(tc.want) == 0 {
				assert.NoError(t, err)
			}
		})
	}
}

func TestCorpusValidateZero(t *testing.T) {
	var c claim.Corpus
	assert.NoError(t, c.Validate())
}

// TestCorpusNil checks that a nil *Corpus neither panics nor passes for an
// empty one.
func TestCorpusNil(t *testing.T) {
	var c *claim.Corpus
	want := &claim.FieldError{Field: "corpus", Err: claim.ErrEmpty}
	tests := []struct {
		name string
		call func() error
	}{
		{name: "validate", call: c.Validate},
		{name: "registry", call: func() error {
			r, err := c.Registry()
			assert.Nil(t, r)
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			require.NotPanics(t, func() { err = tc.call() })
			assert.ErrorIs(t, err, claim.ErrEmpty)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				if diff := gocmp.Diff(*want, *fe, cmpopts.EquateErrors()); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", tc.name, diff)
				}
			}
		})
	}
}

// TestSharedSentinels checks that the sentinels both packages report are
// one value each, so that errors.Is matches a problem whichever package
// reports it.
func TestSharedSentinels(t *testing.T) {
	tests := []struct {
		name   string
		claim  error
		source error
	}{
		{"empty", claim.ErrEmpty, source.ErrEmpty},
		{"invalid-utf8", claim.ErrInvalidUTF8, source.ErrInvalidUTF8},
		{"unknown-name", claim.ErrUnknownName, source.ErrUnknownName},
		{"duplicate-id", claim.ErrDuplicateID, source.ErrDuplicateID},
		{"unknown-source", claim.ErrUnknownSource, source.ErrUnknownSource},
		{"unknown-article", claim.ErrUnknownArticle, source.ErrUnknownArticle},
		{"cycle", claim.ErrCycle, source.ErrCycle},
		{"invalid", claim.ErrInvalid, source.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorIs(t, &source.FieldError{Field: "f", Err: tc.source}, tc.claim)
			assert.ErrorIs(t, &claim.FieldError{Field: "f", Err: tc.claim}, tc.source)
		})
	}
	// The sentinels of claim alone stay distinct from source's.
	for _, e := range []error{claim.ErrUnknownClaim, claim.ErrSpan, claim.ErrDate, claim.ErrFactuality, claim.ErrUnknownField} {
		assert.NotErrorIs(t, e, source.ErrInvalid)
		assert.NotErrorIs(t, e, source.ErrAliasConflict)
	}

	// A duplicate source, which package source reports, and a duplicate
	// claim answer the same test.
	problems := []struct {
		name   string
		change func(c *claim.Corpus)
		want   error
	}{
		{"duplicate-source", func(c *claim.Corpus) {
			c.Sources = append(c.Sources, source.Source{ID: "courier", Name: "Courier again"})
		}, claim.ErrDuplicateID},
		{"duplicate-claim", func(c *claim.Corpus) {
			c.Claims = append(c.Claims, claim.Claim{ID: "spare", Text: "Again"})
		}, source.ErrDuplicateID},
		{"source-cycle", func(c *claim.Corpus) { c.Sources[0].Parent = "tarnow" }, claim.ErrCycle},
		{"claim-cycle", func(c *claim.Corpus) { c.Claims[2].Relations[0].To = "open" }, source.ErrCycle},
	}
	for _, tc := range problems {
		t.Run(tc.name, func(t *testing.T) {
			c := testCorpus(t)
			tc.change(c)
			assert.ErrorIs(t, c.Validate(), tc.want)
		})
	}
}

func TestCorpusRegistry(t *testing.T) {
	c := testCorpus(t)
	r, err := c.Registry()
	require.NoError(t, err)
	got, ok := r.Resolve("Halvard's Ministry")
	assert.True(t, ok)
	assert.Equal(t, source.ID("halvard-mfa"), got.ID)
	assert.False(t, r.Independent("tarnow", "tarnow-water"))
	assert.True(t, r.Independent("halvard-mfa", "tarnow-water"))

	c.Sources[1].Parent = "nowhere"
	r, err = c.Registry()
	assert.Nil(t, r)
	var sfe *source.FieldError
	if assert.ErrorAs(t, err, &sfe) {
		assert.Equal(t, "sources[1].parent", sfe.Field)
	}
	assert.ErrorIs(t, err, source.ErrUnknownSource)
}

func TestStatementClone(t *testing.T) {
	c := testCorpus(t)
	orig := c.Statements[1]
	clone := orig.Clone()
	if diff := gocmp.Diff(orig, clone, dateComparer); diff != "" {
		t.Fatalf("Clone() mismatch (-want +got):\n%s", diff)
	}
	clone.Via[0] = "halvard"
	clone.Mentions[0].Cue = "officials"
	assert.Equal(t, source.ID("tarnow"), orig.Via[0], "Clone shares Via")
	assert.Equal(t, "said", orig.Mentions[0].Cue, "Clone shares Mentions")

	var zero claim.Statement
	assert.Nil(t, zero.Clone().Via)
	assert.Nil(t, zero.Clone().Mentions)
}

func TestMentionQuote(t *testing.T) {
	tests := []struct {
		name    string
		mention claim.Mention
		want    string
	}{
		{name: "zero", mention: claim.Mention{}, want: ""},
		{name: "exact", mention: claim.Mention{Article: "n1", Cue: "said", Span: claim.Span{Start: 3, End: 7, Exact: "said"}}, want: "said"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.mention.Quote())
		})
	}
}

// dateComparer compares claim.Date values, whose fields are unexported.
var dateComparer = gocmp.Comparer(func(a, b claim.Date) bool { return a == b })
