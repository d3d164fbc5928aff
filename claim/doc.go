// Package claim models attributed statements: claims, the statements that
// sources make about them, and the mentions of those statements in
// articles.
//
// It works on three levels, like events and their mentions in event data:
//
//   - a [Claim] is a proposition that can be true or false, stated once in
//     canonical words: "North Korea supplies artillery ammunition to
//     Russia". The same proposition phrased differently in two articles is
//     one claim; identity is by [ID], never guessed;
//   - a [Statement] is one source taking a position on one claim at one
//     time: the United States accuses, North Korea denies. It carries the
//     speaker and the chain it reached the reader through ([Statement.Via]),
//     the speech [Act], the FactBank [Factuality] (certainty and polarity:
//     CT+, PR+, PS+, CT-, PR-, PS-, CTu, Uu) and when it was said, as a
//     [Date] with its [Precision]; beside what it says, whether a program
//     rather than a person accepted it ([Statement.MachineAccepted]);
//   - a [Mention] is a statement as reported in one article: the cue
//     ("denied", "it is believed") and the [Span] of text, located both by
//     offsets and by quotation as W3C Web Annotation does, so that it can be
//     found again when the text shifts ([Span.Relocate]). The same denial
//     reprinted by forty outlets is one statement with forty mentions.
//
// # Acts
//
// Each [Act] maps to its CAMEO event code where CAMEO has one
// ([Act.CAMEO]): assert 010, decline-comment 011, concern 012, admit 015,
// deny 016, urge 020, pledge 030, accuse 112, reject 120, threaten 130.
// Confirm, retract, warn, question and report have none.
//
// # Time
//
// A [Date] is a year, a month, a day or an instant. [ParseEnglishDate] reads the
// relative phrases of news text against a publication time: "last year" in
// a 2023 article is 2022, "in September" is the latest September on or
// before it, "on Wednesday" the latest Wednesday.
//
// # Corpus files
//
// A [Corpus] holds sources, articles, claims and statements, and is also the
// corpus file format: one JSON document with the four lists, enums written
// as names ("deny", "CT-", "2022"); a factuality may also be written in
// words, a certainty and a polarity ("certain negates", see
// [ParseFactuality]), and is written back as its code. [Load] and [Decode]
// read one and validate it; [Corpus.Validate] reports every problem at
// once, each a [*FieldError] naming the field and the value, for sources
// and articles too, wrapping sentinels such as [ErrUnknownClaim] and
// [ErrSpan] for [errors.Is]. The sentinels the two packages share, such as
// [ErrDuplicateID] and [ErrCycle], are package source's own values, so one
// errors.Is test finds the problem whichever package reports it.
// [LoadChecked], [DecodeChecked] and [Check] return a [Checked] corpus,
// validated and closed to change, which timeline.BuildChecked builds
// without validating it again. A Checked also keeps what validation found
// when it looked up each ID a statement names: the claim, source and
// articles as dense indexes, so that building never hashes those IDs a
// second time.
// [DecodeStatement] reads one statement as Decode reads each of a
// corpus's, for formats that hold statements one by one.
//
// # Hostile input
//
// No corpus makes Decode or Validate take more than time linear in its
// size, recurse on its depth, or build a huge error. The first
// [MaxProblems] problems are listed in full, the rest counted by kind in
// one [*MoreError] ("and 2999899 more problems: 999950 unknown claim,
// ..."), and every value is quoted as an excerpt of at most 64 runes with
// its length. Nesting deeper than any field of a corpus is an error of its
// own. Times must lie within the years 0001-9999 in UTC, which is what
// JSON can hold.
package claim
