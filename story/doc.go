// Package story follows one story across articles: each article is added,
// the extractor proposes statements, new sources, claim matches and
// reprints, and people accept, edit, merge or reject them. Decisions are
// data, keyed stably, so that they apply again when the extractor improves.
//
// # Adding articles
//
// A Story starts from a registry of sources (Options.Sources). Story.Add
// runs extract.Extract on an article with the story's current registry and
// records what it proposes, accepting nothing by itself:
//
//   - each candidate statement as a Proposal with a stable Key (see Key for
//     its form: the article, the cue's offset and a hash of the cue and
//     source texts, never a list position);
//   - the same statement again: when a candidate has the speaker of an
//     accepted statement, a claim it matches, its polarity and a compatible
//     said date, Proposal.SameAs names that statement, to be accepted as a
//     new mention of it (forty reprints are one statement);
//   - the speakers the registry does not know, as SourceProposal values with
//     story-wide IDs ("new:pentagon@a1": two articles' proposals never
//     collide) and the existing sources they may be: the holder of the
//     office they name on the article's date, then sources whose names and
//     aliases share words, then sources other articles proposed;
//   - for each candidate, the existing claims it may state, ranked by the
//     overlap of its content words with the claim's words (its text and the
//     quotes of its accepted statements), found through an inverted index:
//     the work does not grow with the number of claims (see MaxPostings);
//     and, for groups of candidates that may state one claim (extract.Groups),
//     a proposed new claim. Nothing is merged silently;
//   - a near duplicate of an earlier article as a reprint of it: articles are
//     compared by MinHash signatures of their five-word shingles, found
//     through locality-sensitive hashing, and one whose estimated Jaccard
//     similarity with an earlier article is at least
//     DefaultReprintThreshold (0.8) is proposed as its reprint.
//
// # Decisions
//
// A Decision accepts a candidate (optionally edited: speaker, claim, act,
// factuality, said date; or as a new mention of an accepted statement),
// rejects one, accepts (optionally setting its kind, whether it is
// unnamed, its parent and its investigator mark, which decide its
// independence), rejects or merges a proposed source, merges one
// story source into another (two registry entries found to be one
// speaker: its statements, names and the sources under it go to the
// other), creates or renames a claim, or marks a reprint. Story.Apply applies decisions and
// appends them to the story's log, which only grows; ReadDecisions and
// WriteDecisions read and write it as JSON Lines, so that it can be
// reviewed, versioned and shared.
//
// # Undo
//
// The log only grows, so a decision is taken back by another: an undo
// (KindUndo) names the Seq of an earlier decision in its Undoes field, and
// is written to the decisions file as {"kind":"undo","undoes":12}. From
// then on the story holds what it would hold had that decision never been
// made: whenever the log is replayed (Open, Sync, Reextract), the decision
// taken back is skipped, and the articles added after it are read with the
// registry as it would have been. Applying an undo builds the story again
// that way: it applies the log again and reads every article again, but
// extracts again only the articles read with a registry the decision
// taken back changed (those added after a source it accepted or merged),
// reusing for the others what their extraction gave, which the story keeps
// in memory; an undo of a candidate's acceptance whose speaker the
// registry knew extracts nothing. It is refused, and the story left
// as it was, when a later decision depends on the decision taken back:
// when, without it, a later decision that applied would fail (a candidate
// accepted onto the claim it created), find nothing to decide, or apply
// differently (a candidate spoken by a source it accepted with an ID, a
// name, a kind, an identity, a parent or an investigator mark of its own,
// or by a source it merged into another; a source merged into one it
// accepted so). The error is a *DependentError, wrapping ErrDependent, that
// names the later decision, to be undone first. A later decision that
// would apply the same way does not hold an undo back: a candidate whose
// speaker an undone acceptance had accepted as proposed accepts it again,
// and keeps it. An undo is not itself taken back (make the
// decision again), nor is a decision taken back twice. Logs written
// before undo existed hold no undo and read as before.
//
// Story.Reextract runs the extractor again over every article and applies
// the log again by key. A decision whose candidate the extractor no longer
// finds is an orphan: reported, kept in the log, never dropped.
//
// # Unattended mode
//
// With Options.Unattended set, Add accepts by itself each candidate whose
// confidence reaches it and whose speaker the registry resolved, filing it
// under an existing claim only when their similarity reaches
// Options.MachineClaimSimilarity, and under its group's new claim
// otherwise. A candidate that would make again a statement an earlier
// candidate of the same article made (the same speaker, claim and
// polarity, a compatible said date: a headline and the body quoting the
// same words) becomes a second mention of it, as a repeat from an earlier
// article does. Those decisions are logged with By set to MachineBy, listed in
// Added.Machine, and the statements they accept are marked
// (claim.Statement.MachineAccepted, which Story.MachineAccepted reads) until
// a person decides on them. The mark is on the statement, so the story's
// corpus, Export and what is written from it show it, and Import keeps it.
// The rest is left for people. That is how collections of thousands of
// articles a day are followed.
//
// # Stores
//
// A Story lives in memory unless it is opened from a Store with Open, after
// which Add and Apply write through to the store, each in one transaction.
// A store keeps what cannot be derived: the base sources, the articles in
// the order they were added, imported claims and statements, and the
// decision log; Open rebuilds the rest by extracting and applying again.
// story/sqlitestore keeps each story in a SQLite file, created on first use
// and needing no server; story/pgstore keeps stories in PostgreSQL, with a
// schema distributed by story. Import and Export move a claim.Corpus
// (the corpus JSON) into and out of a store without loss. story/storetest
// is the suite both pass.
//
// # Two programs on one story
//
// A command-line program, a review desk and a newsroom's importer may
// follow one story at once. Each Store.Append is a numbered batch, and the
// story's head is the number of the last one; Story.Head says which head a
// Story holds. The store checks, in the transaction that appends, that the
// writer's head is still the story's (optimistic concurrency), and refuses
// the batch with an error wrapping ErrConflict otherwise. So:
//
//   - Story.Sync catches up with what other programs appended since the
//     story last read or wrote the store: it loads only that (Store.Load
//     from the story's head) and extracts only the new articles;
//   - Story.Add and Story.Apply catch up before they change anything, and
//     when another program appends between their catching up and their
//     write, they read the story again and try once more; a second
//     conflict is returned as an error wrapping ErrConflict;
//   - Story.Apply refuses a decision on something another decision, which
//     the story had not seen when Apply was called, decided (a candidate or
//     a proposed source accepted, rejected or merged, a claim created or
//     renamed, a reprint marked), with a *DecidedError that says what, by
//     whom and when: a decision made elsewhere is never overwritten by one
//     made without seeing it. Story.ApplySeen takes the head the decider
//     saw, such as the head a review page was drawn at.
//
// # Timeline
//
// Story.Corpus returns the accepted story as a claim.Corpus, and
// Story.Timeline returns its timeline, as timeline.Build of that corpus
// makes it. A returned timeline does not follow later Add or Apply calls:
// call Story.Timeline again after them. The story keeps the timeline it
// last returned and, while the story has only grown since (new articles,
// sources, claims and accepted statements, candidates accepted as new
// mentions of accepted statements in new articles or in articles it holds,
// reprints marked on new articles), extends it with
// timeline.Timeline.ExtendMentions at the cost of the claims the additions
// touch (which builds whole when they do not come after what it holds: see
// Story.Timeline); after anything else (an edit, a rename, a merge, a
// reprint marked on an article the timeline holds, a decision taken back,
// a re-extraction) it builds the whole timeline again, in time linear in
// the story's size.
package story
