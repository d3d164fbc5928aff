// Package desk is the review desk of a claimtrail story in the browser: an
// HTTP handler ([net/http.Handler]).
//
// It serves, from one story (package story),
//
//   - the overview: every claim with its current status, the story's
//     picture (render.StorySVG), and the articles with what each changed;
//   - the review queue: the proposals no decision has settled, filterable by
//     article, claim and speaker, QueuePageSize to a page, each with its
//     sentence and the candidate's source, cue and content highlighted in
//     place;
//   - an article's page: its whole text with every candidate highlighted,
//     and its proposals;
//   - a claim's page: its timeline picture (render.ClaimSVG), its statements
//     and its status history;
//   - the sources page: the proposed sources no decision has settled, each
//     with the existing sources the story says it may be, best first, and
//     the story's own sources, each with a form to merge it into another.
//
// A reviewer accepts (under a proposed claim, a new claim, or as a new
// mention of an accepted statement) or rejects each proposal with the mouse
// or the keyboard alone: j and k move between proposals, a accepts, r
// rejects, o opens the article; Tab and Enter work without the script.
// Before accepting, e opens the proposal's edit fields (Esc closes them
// and clears what was typed, so that a plain accept after it accepts the
// proposal as proposed):
// its speaker (a story source or a proposed one, by ID or by a name or
// alias the registry resolves), act, factuality and date said, and its
// claim, any claim of the story or a new one worded there, which the
// acceptance creates (one decision, with Decision.Text, so that a refused
// acceptance creates no claim) under an ID made from its first words: at
// most six words and 64 bytes, lower case, joined by hyphens, with "-2",
// "-3" after it when a claim has it (within the 64 bytes). Enter in a field accepts as edited.
// These are the edit fields of story.Decision. A value the desk cannot
// read is refused with status 400 and a page naming the field and the
// value, and nothing is saved: among them a new claim's wording of more
// than 300 characters, or holding a control character (a line break, a
// tab, an escape) or a bidirectional control, which would hide or reorder
// what other reviewers read. A decision on a proposal, or a merge of a
// source, that the story does not have (a stale or crafted form) is
// refused with status 404, and nothing is saved. Error pages name the
// fields as the forms do ("the factuality", "the source to merge into"),
// not by the story's paths to them.
//
// Two entries for one speaker are merged (a merge-source decision): a
// proposal whose speaker is a proposed source shows the sources it may be,
// best first, and m merges it into the one chosen; on the sources page, m
// merges the source in focus the same way. A source typed in the form's
// field (an ID, or a name or alias the registry resolves) goes before the
// list's choice. A merged proposed source's candidates are the other
// source's; a merged story source leaves the registry, its names and
// statements going to the other (see story.Decision).
//
// After each decision the note that says it was saved has an Undo button
// (u): it takes the decision back with a story.KindUndo decision, after
// which the story is as if it had not been made: the proposal is as it was
// before that decision. After accepting onto a new claim worded on the
// page, the button takes back the acceptance and the claim with it.
// The desk takes back only the last decision of the log, made under its
// own name (Options.By): since the page carries the decision's number, a
// crafted link could otherwise make a reviewer take back someone else's
// decision. Any other undo is refused with status 409; 'claimtrail decide'
// takes back any decision that no later one depends on.
//
// Each decision is applied through story.Story.Apply, which writes it to the
// story's store in one transaction, and only then does the page say it was
// saved.
//
// # Safe by default
//
// Article texts, titles and source names are hostile input: every page is
// an html/template, which escapes them, and the pictures escape what they
// draw (see package render). Control characters other than line breaks and
// tabs, bidirectional overrides and isolates, noncharacters and invalid
// UTF-8 are replaced by U+FFFD on every page, as in the pictures, so that a
// name cannot reorder or hide what a reviewer reads. Every write carries a CSRF token, checked
// against a cookie the desk sets (SameSite=Strict, HttpOnly), and a
// request whose Origin is another site's is refused. Every response carries
// a Content-Security-Policy that allows only the desk's own script and
// style; the script and style sheet are embedded in the binary, nothing is
// fetched from the internet, and there is no directory listing. By default
// the desk answers only requests addressed to a loopback name (localhost,
// 127.0.0.1, ::1), which defeats DNS rebinding: a page of another site
// whose domain is made to resolve to 127.0.0.1 is refused. A desk served to
// other machines names the hosts it answers to (Options.Hosts) and needs an
// access check of its own: the desk itself has no accounts, so anyone who
// can reach it can decide.
//
// Two browsers, or a browser and another program on the same store (the
// claimtrail command, another desk), deciding at once lose nothing. Every
// page first catches up with the store (story.Story.Sync), so articles
// added and decisions made elsewhere show; every form carries the head the
// page was drawn at, and a decision on a proposal decided after it,
// anywhere, is refused (story.Story.ApplySeen) with status 409 and a page
// that says who decided it and when, with a link to the page reloaded.
// Decisions are applied one at a time.
//
// # Cost
//
// Each page catches up with the store, at the cost of reading and
// extracting what other programs added since (story.Story.Sync), and builds
// the story's timeline (story.Story.Timeline), in time linear in the
// story's size; a refused decision reads the decision log, linear in it; the queue and the overview are linear in the
// proposals and the claims, and the queue and the article pages in the
// story's sources and claims too, which their edit forms offer once a page;
// the sources page is linear in the sources and the proposed ones.
// Editing a speaker by name, or wording a new claim, reads the story's
// sources or claims, linear in them. The queue shows QueuePageSize proposals a page,
// with links to the next and previous pages, so its size does not grow
// with the story; the overview lists every claim and article. An article's
// page is linear in its text and candidates
// (with a logarithmic factor for ordering the highlights), a claim's page as
// render.ClaimSVG is.
package desk
