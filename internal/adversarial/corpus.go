package adversarial

import (
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Shape is one named input among several of a kind.
type Shape struct {
	// Name is short and typeable, for a subtest.
	Name string
	// Corpus is the input.
	Corpus *claim.Corpus
}

// published is when the articles of every corpus here appeared.
var published = time.Date(2024, 3, 4, 12, 0, 0, 0, time.UTC)

// validCorpus returns a valid corpus of one source "src", one article "a",
// one claim "c" and no statement, the same as validHead.
func validCorpus() *claim.Corpus {
	return &claim.Corpus{
		Format:   claim.Format,
		Sources:  []source.Source{{ID: "src", Name: "Source"}},
		Articles: []source.Article{{ID: "a", Published: published, Text: "The ministry said it."}},
		Claims:   []claim.Claim{{ID: "c", Text: "claim"}},
	}
}

func claimID(prefix string, i int) claim.ID { return claim.ID(prefix + strconv.Itoa(i)) }

// Cycles returns corpora that each loop back on themselves through n
// records, one for every relation that can: source parents, article
// reprints, claim refinements, claim parts, refinements and parts mixed,
// a claim refining itself, and a statement relayed through its own source.
func Cycles(n int) []Shape {
	parents := validCorpus()
	for i := range n {
		parents.Sources = append(parents.Sources, source.Source{ID: source.ID("p" + strconv.Itoa(i)), Name: "Parent " + strconv.Itoa(i), Parent: source.ID("p" + strconv.Itoa((i+1)%n))})
	}

	reprints := validCorpus()
	for i := range n {
		reprints.Articles = append(reprints.Articles, source.Article{ID: source.ArticleID("r" + strconv.Itoa(i)), Published: published, Reprints: source.ArticleID("r" + strconv.Itoa((i+1)%n))})
	}

	relations := func(kinds ...claim.RelationKind) *claim.Corpus {
		c := validCorpus()
		for i := range n {
			c.Claims = append(c.Claims, claim.Claim{ID: claimID("k", i), Text: "claim",
				Relations: []claim.Relation{{Kind: kinds[i%len(kinds)], To: claimID("k", (i+1)%n)}}})
		}
		return c
	}

	self := validCorpus()
	self.Claims[0].Relations = []claim.Relation{{Kind: claim.RelationRefines, To: "c"}}

	via := validCorpus()
	for i := range n {
		via.Statements = append(via.Statements, claim.Statement{ID: claim.StatementID("s" + strconv.Itoa(i)), Claim: "c", Source: "src",
			Via: []source.ID{source.AbsentID, "src"}, Act: claim.ActAssert, Factuality: claim.CTPlus(), Said: claim.Year(2024)})
	}

	return []Shape{
		{Name: "parents", Corpus: parents},
		{Name: "reprints", Corpus: reprints},
		{Name: "refines", Corpus: relations(claim.RelationRefines)},
		{Name: "part-of", Corpus: relations(claim.RelationPartOf)},
		{Name: "refines-part-of", Corpus: relations(claim.RelationRefines, claim.RelationPartOf)},
		{Name: "self-refines", Corpus: self},
		{Name: "via-own-source", Corpus: via},
	}
}

// RefinementChain returns a valid corpus of n claims, each refining the
// one before it, with an accusation of the narrowest claim and a denial of
// the broadest, so that both run the length of the chain.
func RefinementChain(n int) *claim.Corpus {
	c := validCorpus()
	c.Sources = append(c.Sources, source.Source{ID: "other", Name: "Other"})
	c.Claims = make([]claim.Claim, n)
	rel := make([]claim.Relation, n)
	for i := range n {
		c.Claims[i] = claim.Claim{ID: claimID("c", i), Text: "claim"}
		if i > 0 {
			rel[i] = claim.Relation{Kind: claim.RelationRefines, To: claimID("c", i-1)}
			c.Claims[i].Relations = rel[i : i+1 : i+1]
		}
	}
	c.Statements = []claim.Statement{
		{ID: "accuse", Claim: claimID("c", n-1), Source: "src", Act: claim.ActAccuse, Factuality: claim.CTPlus(), Said: claim.Day(2024, 3, 1)},
		{ID: "deny", Claim: "c0", Source: "other", Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.Day(2024, 3, 2)},
	}
	return c
}

// AffirmedChain returns a valid corpus of n claims, each refining the one
// before it, each accused by the same source on the same day, and the
// broadest denied by another: the broadest claim's track lists all n
// accusations, and the tracks n(n+1)/2 entries in all.
func AffirmedChain(n int) *claim.Corpus {
	c := RefinementChain(n)
	c.Statements = make([]claim.Statement, 0, n+1)
	for i := range n {
		c.Statements = append(c.Statements, claim.Statement{ID: claim.StatementID("s" + strconv.Itoa(i)), Claim: claimID("c", i), Source: "src",
			Act: claim.ActAccuse, Factuality: claim.CTPlus(), Said: claim.Day(2024, 3, 1)})
	}
	c.Statements = append(c.Statements, claim.Statement{ID: "deny", Claim: "c0", Source: "other",
		Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.Day(2024, 3, 2)})
	return c
}

// AffirmedByEach returns a valid corpus of n claims, each refining the one
// before it, each accused by a source of its own on the same day, and the
// broadest denied by another: the broadest claim hears n sources, and the
// claims together have n(n-1)/2 new-source changes.
func AffirmedByEach(n int) *claim.Corpus {
	c := AffirmedChain(n)
	for i := range n {
		id := source.ID("gov" + strconv.Itoa(i))
		c.Sources = append(c.Sources, source.Source{ID: id, Name: string(id), Kind: source.KindGovernment})
		c.Statements[i].Source = id
	}
	return c
}

// DeniedChain returns a valid corpus of n claims, each refining the one
// before it, each denied by the same source on the same day, the
// narrowest known first: each claim hears the denials of every broader
// claim after its own, each a repeated denial, and the claims together
// have n(n-1)/2 of them.
func DeniedChain(n int) *claim.Corpus {
	c := RefinementChain(n)
	c.Statements = make([]claim.Statement, 0, n)
	width := len(strconv.Itoa(n))
	for i := n - 1; i >= 0; i-- {
		// Statements known at one instant go by ID: the narrowest first.
		id := strconv.Itoa(n - 1 - i)
		id = "s" + strings.Repeat("0", width-len(id)) + id
		c.Statements = append(c.Statements, claim.Statement{ID: claim.StatementID(id), Claim: claimID("c", i), Source: "other",
			Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.Day(2024, 3, 1)})
	}
	return c
}

// DeniedByEach returns a valid corpus of n claims, each refining the one
// before it, each denied by a source of its own on the same day, the
// narrowest known first, every tenth source an investigator: each claim
// hears the denials of every broader claim, each from a new source, and
// the claims together have n(n-1)/2 of them.
func DeniedByEach(n int) *claim.Corpus {
	c := DeniedChain(n)
	for i := range n {
		id := source.ID("gov" + strconv.Itoa(i))
		c.Sources = append(c.Sources, source.Source{ID: id, Name: string(id), Kind: source.KindGovernment, Investigator: i%10 == 0})
		c.Statements[i].Source = id
	}
	return c
}

// DeniedAndAffirmed returns a valid corpus of n claims, each refining the
// one before it, each denied by the same source on the same day, the
// narrowest known first, and the narrowest also affirmed by that source,
// known last: a source that carries words up as well as down, so that
// each claim hears the denials of every broader claim, n(n-1)/2 in all,
// and then the affirmation.
func DeniedAndAffirmed(n int) *claim.Corpus {
	c := DeniedChain(n)
	c.Statements = append(c.Statements, claim.Statement{ID: "t-affirm", Claim: claimID("c", n-1), Source: "other",
		Act: claim.ActAccuse, Factuality: claim.CTPlus(), Said: claim.Day(2024, 3, 1)})
	return c
}

// DatedDeniedAndAffirmed returns DeniedAndAffirmed's chain with each
// denial said at an instant of its own, one second after the next
// narrower claim's, and the affirmation a second after the last: a
// government denying each allegation as it is made, whose denials of
// broader claims each come later than every one a claim heard before.
func DatedDeniedAndAffirmed(n int) *claim.Corpus {
	c := DeniedAndAffirmed(n)
	start := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	for i := range c.Statements {
		c.Statements[i].Said = claim.NewDate(start.Add(time.Duration(i)*time.Second), claim.PrecisionInstant)
	}
	return c
}

// DatedDeniedAndConfirmed returns DatedDeniedAndAffirmed's chain with
// the source also confirming 20 claims along it, each half a second after
// its denial, known after every denial: a government denying each
// allegation as it is made and confirming a few, whose confirmations
// claims carry up and whose denials they carry down.
func DatedDeniedAndConfirmed(n int) *claim.Corpus {
	c := DatedDeniedAndAffirmed(n)
	step := max(1, n/20)
	for i := step / 2; i < n-1; i += step {
		said := c.Statements[n-1-i].Said.Start().Add(time.Second / 2)
		c.Statements = append(c.Statements, claim.Statement{ID: claim.StatementID("t-confirm-" + strconv.Itoa(i)), Claim: claimID("c", i), Source: "other",
			Act: claim.ActConfirm, Factuality: claim.CTPlus(), Said: claim.NewDate(said, claim.PrecisionInstant)})
	}
	return c
}

// MixedDeniedAndAffirmed returns DeniedAndAffirmed's chain with the
// denials certain and probable in turn.
func MixedDeniedAndAffirmed(n int) *claim.Corpus {
	c := DeniedAndAffirmed(n)
	for i := 1; i < n; i += 2 {
		c.Statements[i].Factuality = claim.PRMinus()
	}
	return c
}

// ManyRefiners returns a valid corpus of one claim refined by n others,
// each accused by the same source on one of 28 days, every third of them
// retracted later.
func ManyRefiners(n int) *claim.Corpus {
	c := validCorpus()
	for i := range n {
		id := claimID("i", i)
		c.Claims = append(c.Claims, claim.Claim{ID: id, Text: "an incident", Relations: []claim.Relation{{Kind: claim.RelationRefines, To: "c"}}})
		c.Statements = append(c.Statements, claim.Statement{ID: claim.StatementID("s" + strconv.Itoa(i)), Claim: id, Source: "src",
			Act: claim.ActAccuse, Factuality: claim.CTPlus(), Said: claim.Day(2024, 2, 1+i%28)})
		if i%3 == 0 {
			c.Statements = append(c.Statements, claim.Statement{ID: claim.StatementID("r" + strconv.Itoa(i)), Claim: id, Source: "src",
				Act: claim.ActRetract, Factuality: claim.Uu(), Said: claim.Day(2024, 3, 1+i%3)})
		}
	}
	return c
}

// SharedName returns a corpus of n sources that all have the name
// "Ministry", each with an alias that differs from it only in case and
// punctuation.
func SharedName(n int) *claim.Corpus {
	c := validCorpus()
	for i := range n {
		c.Sources = append(c.Sources, source.Source{ID: source.ID("m" + strconv.Itoa(i)), Name: "Ministry", Aliases: []string{"the MINISTRY."}})
	}
	return c
}

// BadStatements returns a corpus of n statements with distinct IDs, each
// with one problem, in turn: an unknown claim, an unknown source, a
// mention of an unknown article, a denial that affirms, and a said date
// after the article that reports it.
func BadStatements(n int) *claim.Corpus {
	c := validCorpus()
	c.Statements = make([]claim.Statement, n)
	for i := range n {
		s := claim.Statement{ID: claim.StatementID("s" + strconv.Itoa(i)), Claim: "c", Source: "src", Act: claim.ActAssert, Factuality: claim.CTPlus(), Said: claim.Year(2024)}
		switch i % 5 {
		case 0:
			s.Claim = "nope"
		case 1:
			s.Source = "nobody"
		case 2:
			s.Mentions = []claim.Mention{{Article: "gone", Span: claim.Span{Start: 0, End: 3, Exact: "The"}}}
		case 3:
			s.Act = claim.ActDeny
		case 4:
			s.Said = claim.Year(2025)
			s.Mentions = []claim.Mention{{Article: "a", Span: claim.Span{Start: 0, End: 3, Exact: "The"}}}
		}
		c.Statements[i] = s
	}
	return c
}

// Year10000 returns corpora holding a time that lies in 9999 where it was
// written and in 10000 in UTC: an article published at
// 9999-12-31T23:00-05:00, and a statement said then.
func Year10000() []Shape {
	late := time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("EST", -5*60*60))
	article := validCorpus()
	article.Articles[0].Published = late
	said := validCorpus()
	said.Statements = []claim.Statement{{ID: "s", Claim: "c", Source: "src", Act: claim.ActAssert, Factuality: claim.CTPlus(), Said: claim.NewDate(late, claim.PrecisionInstant)}}
	return []Shape{{Name: "published", Corpus: article}, {Name: "said", Corpus: said}}
}

// Year10000Documents returns the corpora of Year10000 as documents, with
// the times written at UTC-5 as a user would write them: encoding/json
// cannot write the said date, which claim.Date holds in UTC.
func Year10000Documents() [][]byte {
	const late = `"9999-12-31T23:00:00-05:00"`
	return [][]byte{
		[]byte(strings.Replace(validHead, `"2024-03-04T12:00:00Z"`, late, 1) + `]}`),
		[]byte(validHead + `{"id": "s", "claim": "c", "source": "src", "act": "assert", "factuality": "CT+", "said": ` + late + `}]}`),
	}
}

// TerminalHostile are the sequences TerminalIDs puts in IDs and texts: an
// escape sequence that clears the screen, one that sets the window title,
// a carriage return that lets a line overwrite itself, and U+202E, which
// reverses the text after it.
var TerminalHostile = []string{"\x1b[2J", "\x1b]0;pwned\x07", "\r", "\u202e"}

// TerminalIDs returns a valid corpus whose IDs, names and texts hold each
// of TerminalHostile.
func TerminalIDs() *claim.Corpus {
	h := ""
	for _, s := range TerminalHostile {
		h += s
	}
	c := validCorpus()
	c.Sources[0].ID = source.ID("src" + h)
	c.Sources[0].Name = "Source" + h
	c.Sources = append(c.Sources, source.Source{ID: source.ID("outlet" + h), Name: "Outlet" + h, Kind: source.KindMediaOutlet})
	c.Articles[0].ID = source.ArticleID("a" + h)
	c.Articles[0].Outlet = c.Sources[1].ID
	c.Articles[0].Title = "Title" + h
	c.Articles[0].Text = "The ministry" + h + " said it."
	c.Claims[0].ID = claim.ID("c" + h)
	c.Claims[0].Text = "claim" + h
	c.Claims = append(c.Claims, claim.Claim{ID: claim.ID("d" + h), Text: "narrower" + h, Relations: []claim.Relation{{Kind: claim.RelationRefines, To: c.Claims[0].ID}}})
	text := c.Articles[0].Text
	c.Statements = []claim.Statement{
		{ID: claim.StatementID("s" + h), Claim: c.Claims[1].ID, Source: c.Sources[0].ID, Act: claim.ActAccuse, Factuality: claim.CTPlus(),
			Mentions: []claim.Mention{{Article: c.Articles[0].ID, Cue: "said", Span: claim.Span{Start: 0, End: len(text), Exact: text}}}},
		{ID: claim.StatementID("t" + h), Claim: c.Claims[0].ID, Source: source.AbsentID, Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.Day(2024, 3, 1)},
	}
	return c
}
