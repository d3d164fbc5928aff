// Package timeline shows how each claim in a corpus evolved: the statements
// about it in time order, its status at any instant, and what each article
// changed.
//
// Build a [Timeline] from a [claim.Corpus] with [Build]; it validates the
// corpus first and is immutable and safe for concurrent use afterwards.
// [BuildChecked] builds a [claim.Checked] corpus, which [claim.LoadChecked]
// and [claim.Check] validated, without validating it again.
// [Rules] holds the editorial choices in the status rules (how many
// independent roots corroborate, whether unnamed sources count, whether a
// possibility is an allegation); nil means the documented defaults.
//
// # Tracks
//
// A claim's track ([Timeline.Track]) lists the statements that count for it
// in the order they were said. A statement's said time is its
// [claim.Statement.Said] date, or, when that is unknown, the publication time
// of the first article that reports it. Dates of different precision compare
// by the start of their period, the coarser first: a statement dated only
// "2022" sorts before one dated "2022-03-15". Ties go to the earlier first
// report, then the article ID, then the position in the article, then the
// statement ID, so a track never depends on the order of the input.
//
// A track also lists what the claim inherits from related claims (see
// Related claims below), so tracks together can hold far more entries than
// the corpus has statements: in a chain of n claims each refining the next
// and each affirmed once, the broadest claim's track lists all n
// affirmations, and the tracks n(n+1)/2. [Build] does not write them out;
// each track is gathered and ordered when it is read, by [Timeline.Track]
// or, one entry at a time, [Timeline.TrackSeq]. Changes can grow the same
// way: when each claim of such a chain is affirmed by a source of its own,
// the broadest claim has a new source for each, and the claims n(n-1)/2
// new sources in all; when one source denies every claim of such a chain,
// the narrowest claim repeats every denial. [Build] keeps no changes for a
// claim that hears agreeing affirmations from many sources, many
// agreeing denials of one source, or denials from many sources that say
// nothing but deny; [Timeline.Changes] works them out when they are read,
// and [Timeline.Denials] the denials of the latter two.
//
// # Positions and status
//
// Each source's position on a claim is set by its latest statement that has
// a polarity or retracts, whenever that statement became known: an article
// that reports an old statement late does not override a source's newer
// position, and a question, a declined comment or a neutral report (Uu,
// CTu) leaves the position as it was. "Latest" compares said dates as
// periods: a statement said in a period wholly before another's is the
// earlier; when the periods overlap, as "2024" and "2024-03-04" do, the one
// that became known later is taken as the later word. A position
//
//   - affirms the claim when its polarity is positive and its certainty
//     probable or certain (PR+, CT+);
//   - negates it when its polarity is negative and its certainty probable or
//     certain (PR-, CT-);
//   - withdraws an affirmation when it is a retraction and the source's
//     latest affirmation (its own, or carried from a refining claim) is
//     later than its latest negation: an affirmation softened to a
//     possibility and then withdrawn is withdrawn. A retraction after a
//     denial, or of nothing, leaves no position at all;
//   - otherwise counts for nothing: a possibility (PS+, PS-) replaces a
//     firmer position but neither affirms nor negates, unless
//     [Rules.PossibleAlleges] makes PS+ an allegation.
//
// The status follows from the positions known at an instant; see [Status]
// for the rules and their precedence. Two sources are independent when their
// affiliation roots differ ([source.Registry.Independent]); absent sources
// are independent of nobody, so "it is believed" never corroborates, and
// neither does an unnamed source with no affiliation.
//
// A claim's actors play roles ([claim.Role]), and the roles decide who can
// settle it:
//
//   - the accused, beneficiaries and subjects are parties: none of them
//     corroborates the claim, since a party cannot corroborate a claim about
//     itself. A named source under an accused party's root that affirms the
//     claim with certainty admits it, which confirms it; the accused's own
//     certain denial never refutes it;
//   - the target, the party harmed (the country whose city was shelled),
//     is a witness: its affirmations corroborate like any independent
//     root's.
//
// Investigators ([source.Source.Investigator]: a UN panel of experts, a
// prosecutor's office, a court, an inspection body) settle claims: a
// certain affirmation (CT+) by a named investigator, or a named source
// speaking for one, that is none of the claim's actors (the target
// included) confirms the claim whatever the act ("the panel found",
// "the court established"); a certain negation (CT-) refutes it.
//
// Status history only grows ([Timeline.History]): statements are taken in
// the order they became known (publication time of the first report, an
// original before a reprint of the same instant (an article that reprints
// another, or carries wire copy: [source.Article.IsReprint]), then article ID, then
// position, then statement ID), and each step records the statement, its
// source and the article that caused it ("refuted by un-panel"). A later
// article adds steps; it never rewrites an earlier one.
// [Timeline.ArticleOrder] lists the articles in that order, and
// [Timeline.StatusAfter] gives a claim's status right after one of them,
// so that articles published at the same instant are told apart;
// [Timeline.Status] gives the status at an instant, once every article
// published by then is known.
//
// # Related claims
//
// Only refines carries statements between claims. When claim A refines
// claim B ("more than 1,000 containers were delivered" refines "North
// Korea supplies munitions"):
//
//   - a statement that affirms A also affirms B: if A is true, so is B. A
//     retraction of A withdraws what A carried up to B, and only that: a
//     source that also affirmed B directly still affirms it;
//   - a statement that negates B also negates A: if B is false, so is A,
//     but only if it was said on or after A's event (its said period
//     starts then or later, or ends after the event starts), or, when A
//     has no event time, on or after A's first report; a statement with
//     no said date is taken as said when first reported. A blanket denial
//     cannot deny what had not happened yet: an older one stays on A's
//     track marked [Entry.Discounted], with why, and counts for nothing. A
//     denial that counts does not report A by itself: it counts from A's
//     first report on;
//   - a denial of A says nothing about B, and an affirmation of B says
//     nothing about A.
//
// This holds transitively. Such statements appear on the other claim's
// track marked Inherited.
//
// A source's position on a claim weighs its own latest word on it against
// the latest word each related claim carried to it, and takes the latest
// of them. When none is later than all the others, as periods of
// different precision can make each later than the next in a circle
// ("2023-05-01" known first, "2023" next, "2023-03-04" last), it takes the
// one that became known last among those said in a period wholly before
// no other's ("2023" here), so that the position does not depend on the
// order in which the related claims were heard of. Part-of, supersedes and contradicts relations
// are navigation: [Timeline.Related] lists them from both ends, as the
// text rendering and the JSON form do, but they carry no statement and no
// status. A part is not the whole: talks on buying drones are part of an
// arms-trade story, but do not mean that drones were delivered, and a
// denial that drones were delivered does not deny the talks.
//
// # Changes
//
// [Timeline.Changes] lists, in the order statements became known, what
// each changed in the picture of a claim ([ChangeKind]): the first report, a
// new source, a denial or repeated denial, certainty raised or lowered, a
// reversal, a retraction, a corroboration, a status change. Each points at
// the statement and the article that caused it. Reversals and certainty
// changes compare a statement with the source's previous statement with a
// polarity, by said time; an old statement reported late reverses nothing. [Timeline.Added] gathers
// what one article added compared with everything before it; a reprint adds
// mentions, not statements.
//
// # Queries
//
// [Timeline.Statements] selects statements by claim, source, affiliation
// root, act, time window, anonymity, relayer and article with a [Query]
// whose zero value selects everything, and [Timeline.StatementSeq] yields
// them one at a time, as [Timeline.TrackSeq] yields a track and
// [Timeline.ChangeSeq] a claim's changes, so that a caller can stop early; [Timeline.Disputed], [Timeline.AnonymousClaims],
// [Timeline.Denials] and [Timeline.ByStatus] answer the common questions
// about claims.
//
// # Following a story
//
// [Timeline.Extend] adds a fragment (new sources, articles, claims and
// statements, which may refer to what the timeline holds) and returns a new
// timeline equal to [Build] of the whole corpus, leaving the old one as it
// was. It rebuilds only the claims the fragment can change, the refines
// components of those it states or adds, and shares everything else, so
// that adding an article costs in proportion to the claims it touches
// rather than to the corpus; it builds whole when the fragment reaches
// back before what the timeline holds, and now and then to compact (see
// its documentation). [Timeline.ExtendMentions] adds new mentions of
// statements the timeline holds too, in the fragment's articles: a
// reprint, or the same statement quoted again, is one more mention of one
// statement, at the cost of that statement's mentions.
package timeline
