// Package claimtrail tracks who claimed what, who denied it, and how the
// picture changed from one news article to the next.
//
// News reports statements, not facts. One article says the White House warns
// North Korea against selling munitions to Russia; that it is believed
// Russia's defence minister asked for artillery ammunition; that last year
// the United States accused North Korea of shipping shells; that both
// countries have consistently denied it. claimtrail records each of those
// statements with its speaker, its act, its certainty, its time and its exact
// place in the article, and builds a timeline that shows how each claim
// evolved and where it stands at any instant.
//
// This package holds only this overview. The work is done by three packages,
// each importing the one before it, and an extractor beside them:
//
//   - package source: who speaks and who reports. A [source.Source] is a
//     government, agency, official, spokesperson, military, state medium,
//     outlet, organisation or person; named, unnamed ("US intelligence
//     officials") or absent ("it is believed"). A [source.Registry] resolves
//     aliases ("Pyongyang", "the DPRK"), walks the affiliation tree (John
//     Kirby -> White House -> United States) and says whether two sources are
//     independent. A [source.Article] records outlet, URL, title, publication
//     time, language and the story it reprints.
//   - package claim: what is said. A [claim.Claim] is a proposition stated
//     once; a [claim.Statement] is one source taking a position on it (an
//     [claim.Act] such as deny or accuse, with a FactBank
//     [claim.Factuality] such as CT- or PR+, and a [claim.Date] with
//     precision); a [claim.Mention] is that statement in one article, located
//     by a [claim.Span]. A [claim.Corpus] holds them all, is the JSON corpus
//     file format ([claim.Load], [claim.Decode]), and reports every problem
//     at once ([claim.Corpus.Validate]).
//   - package timeline: how it evolved. [timeline.Build] turns a corpus into
//     a [timeline.Timeline]: each claim's track of statements in time order,
//     its [timeline.Status] at any instant or after any article by
//     documented rules (alleged, contested, denied, corroborated, confirmed,
//     refuted, retracted) with editorial choices in [timeline.Rules], the
//     [timeline.Change] each article caused, what one article added
//     ([timeline.Timeline.Added]), and queries by claim, source, affiliation,
//     act, time window and anonymity.
//   - package extract: statements from raw text. [extract.Extract] drops a
//     scraped page's furniture, reads its sentences and quotations, and
//     proposes each attribution as an [extract.Candidate] with source, cue
//     and content spans, the speaker resolved through a registry or proposed
//     as a new source, the act, factuality and date said; [extract.Groups]
//     proposes which candidates state one claim. A person accepts them into
//     a corpus. Package extract/gold scores the extractor against
//     hand-labelled articles.
//
// Around them, for following a story and for people who do not write Go:
//
//   - package story: a story followed article by article. [story.Story.Add]
//     runs the extractor and proposes; decisions ([story.Decision]: accept,
//     reject, merge a source, create a claim, mark a reprint) form an
//     append-only log that survives re-extraction. Packages
//     story/sqlitestore and story/pgstore keep stories in SQLite files or
//     a PostgreSQL database.
//   - packages under format/: the corpus as JSON Lines (format/jsonl), CSV
//     and Parquet tables (format/table), schema.org Claim and ClaimReview
//     (format/schemaorg, with fact-checkers' verdicts in format/review) and
//     CAMEO event rows (format/cameo).
//   - package render: a claim's timeline, or a whole story, as an SVG
//     picture or Mermaid text; package desk: the review desk, a web page
//     served by an http.Handler.
//   - the claimtrail command (cmd/claimtrail): a story store from the
//     command line, with init, add, review, status, history, export, render
//     and serve.
//
// # Getting started
//
// The package example is the whole job: [extract.Extract] proposes the
// attributions in an article's text as candidates, a reviewer accepts each
// as a statement of a claim ([extract.Candidate.Statement]), and
// [timeline.Build] says where each claim stands. With a corpus already
// written, load it and ask how a claim stands:
//
//	c, err := claim.Load("corpus.json")
//	if err != nil {
//		log.Fatal(err) // every problem in the file, each naming its field and value
//	}
//	tl, err := timeline.Build(c, nil)
//	if err != nil {
//		log.Fatal(err)
//	}
//	status, _ := tl.Current("shells")
//	history, _ := tl.History("shells")
//
// # Glossary
//
// The terms the packages use, most of them from the references the design
// learns from:
//
//   - Claim: a proposition that can be true or false, stated once
//     ("Norland ships shells"). Statement: one source taking a position on
//     one claim at one time. Mention: a statement as one article reports
//     it, with its cue and span.
//   - Act: the kind of speech act (accuse, deny, confirm, warn, report ...).
//   - CAMEO: the event coding scheme of political science and GDELT; each
//     act that has one maps to its CAMEO code ([claim.Act.CAMEO]): 112
//     accuse, 016 deny responsibility, 015 acknowledge, 011 decline to
//     comment.
//   - Factuality: FactBank's pair of certainty and polarity, written as a
//     code. CT+ and CT-: certain that the claim holds, or that it does not;
//     PR+ and PR-: probably; PS+ and PS-: possibly; CTu: certain, but taking
//     no side, as when a source retracts what it said; Uu: uncommitted,
//     neither sure nor taking a side, as in a question or a neutral report.
//   - Speaker and Via: the source that takes the position, and the chain it
//     reached the reader through, nearest first: in "the ministry denied
//     it, KCNA said", the ministry speaks and Via holds KCNA.
//   - Named, unnamed, absent: a source the text names; one whose identity is
//     withheld ("US intelligence officials"); and no speaker at all ("it is
//     believed"), the built-in [source.Absent] source.
//   - Root and independent: the top of a source's affiliation tree (John
//     Kirby -> White House -> United States). Two sources under one root are
//     not independent, so their agreement is not corroboration.
//   - Investigator: a body whose certain findings confirm or refute a claim
//     whatever verb the article uses: a UN panel of experts, a court.
//   - Status: where a claim stands at an instant, by documented rules:
//     reported, alleged, contested, denied, corroborated, confirmed,
//     refuted, retracted ([timeline.Status]).
//   - Inherited and Discounted: a statement about a related claim that
//     counts on this claim's track (an affirmation of a more specific claim
//     affirms the general one), and the reason one such statement does not
//     count for the status (a denial said before the specific event).
//
// # Contracts every package keeps
//
// Every enum (an act, a polarity, a status) is a small integer type with
// one behaviour: String gives its name; MarshalText writes the name and
// fails for an out-of-range value; Parse and UnmarshalText read the name in
// any case, read the empty string as the zero value, and reject anything
// else with an error that lists the valid names, leaving the receiver
// alone; IsValid reports false for out-of-range values and for a zero
// named "unknown", which the corpus rejects where a value is required.
//
// Errors are typed: each package returns errors of its own type
// ([claim.FieldError], [source.FieldError], [timeline.Error],
// [extract.Error], [story.FieldError], extract/gold's gold.Error and the
// format packages' own),
// naming the field and quoting the value, wrapping sentinel errors for
// [errors.Is]. The sentinels two packages share are one value, so one
// errors.Is test finds the problem whichever package reports it. [claim.Corpus.Validate] reports every
// problem of a corpus as a [claim.FieldError], those of its sources and
// articles too.
//
// Nothing exported can be changed under a caller: the FactBank values
// ([claim.CTPlus] and the others) and [source.Absent] are functions.
//
// This package imports the packages its overview describes, so that the
// links above lead to them in go doc and on pkg.go.dev; it has no API.
//
// The programs under examples/ are complete walk-throughs: seed-story encodes
// a real 2023 news article statement by statement and prints its timeline,
// load-corpus reads a corpus file of a user's own, extract-article proposes
// the statements in the seed article as saved from the web,
// evaluate-extract scores the extractor on the gold articles, and
// follow-story follows a fictional story through eight articles with a
// decisions file.
package claimtrail

import (
	"errors"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// The overview's doc links resolve through these imports.
var (
	_ = errors.Is
	_ = claim.Load
	_ = extract.Extract
	_ = source.Absent
	_ = story.New
	_ = timeline.Build
)
