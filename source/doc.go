// Package source models who speaks and who reports: governments, agencies
// (intelligence included), officials, spokespeople, militaries, state media,
// news outlets, international organisations and persons, and the articles
// that carry their statements.
//
// # Sources
//
// A [Source] has a [Kind] and an [Identity]. Named sources are the usual
// case. An unnamed source ("US intelligence officials", identity withheld)
// and the absent source ("it is believed", no speaker at all) are values of
// their own, not missing fields: every [Registry] holds the built-in
// [Absent] source under [AbsentID].
//
// # Affiliation and independence
//
// Sources form an affiliation tree through [Source.Parent]: John Kirby ->
// White House -> United States. Two sources under one root are not
// independent: the White House and the State Department agreeing is not
// corroboration; the United States and Ukraine agreeing is
// ([Registry.Independent]). Give an unnamed source the parent its text
// implies ("US officials" under the United States) so that it is not taken
// for an independent voice.
//
// A registry must hold every parent its sources name. To build a story's
// registry of the sources known so far from a larger reference registry,
// take them with [Registry.Lineage], which adds their ancestors, and pass
// the result to [NewRegistry].
//
// # Aliases
//
// A registry resolves a source's name and aliases ([Registry.Resolve]) after
// [Normalize]: case, diacritics, punctuation and a leading "the" are
// ignored, so "Pyongyang", "the DPRK" and "North Korea" can all name one
// source, and "P'yŏngyang" finds "Pyongyang".
//
// # Offices
//
// A source may hold offices over time ([Office], Wikidata's "position
// held"): Liz Truss was the United Kingdom's foreign secretary from
// September 2021 to September 2022. [Registry.ResolveOffice] turns a
// speaker named by title ("Britain's foreign secretary", "the Kremlin
// spokesman", "the US defence secretary") into the person who held the
// office on a date, or into the office alone when nobody known held it
// then. A source may also carry its Wikidata item ID ([Source.Wikidata]).
//
// # Articles
//
// An [Article] is a source record too: outlet, URL, title, publication time,
// language, and what it reprints, so that forty reprints of one wire story
// count as one origin. [Article.Reprints] names the article it copies, when
// that is in the corpus, and [Registry.Origin] follows the chain back to
// the original. [Article.Wire] names the wire service or outlet whose story
// it carries (a source, such as the Associated Press), so that an AP story
// in a local paper is recorded as a reprint even when the AP original is
// not at hand; [Registry.Wire] finds the wire an article goes back to
// through its chain, and [Article.IsReprint] tells a copy from an original.
//
// # Errors
//
// [NewRegistry] reports every problem at once, each a [*FieldError] naming
// the field ("sources[2].parent") and the value, wrapping a sentinel such as
// [ErrCycle] or [ErrAliasConflict] for [errors.Is].
//
// # Hostile input
//
// No input makes NewRegistry take more than time linear in its size (the
// terms of offices are sorted, n log n), recurse on its depth, or build a
// huge error: the first [MaxProblems] problems are listed in full and the
// rest counted by kind in one [*MoreError] ("and 199900 more problems:
// 199850 duplicate id, 50 unknown source"), which errors.Is still sees
// through, and a value is quoted as an excerpt of at most 64 runes with its
// length ([Excerpt]). Publication times and office terms must lie within
// the years 0001-9999 in UTC, which is what JSON can hold.
package source
