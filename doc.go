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
// # Getting started
//
// Load a corpus document and ask how a claim stands:
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
// The programs under examples/ are complete walk-throughs: seed-story encodes
// a real 2023 news article statement by statement and prints its timeline,
// load-corpus reads a corpus file of a user's own, extract-article proposes
// the statements in the seed article as saved from the web, and
// evaluate-extract scores the extractor on the gold articles.
package claimtrail
