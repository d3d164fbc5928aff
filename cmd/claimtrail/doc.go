// Command claimtrail follows a news story article by article from the
// command line: who claimed what, who denied it, on whose authority, and how
// each claim's status changed. It is built on package
// [github.com/claimtrail/claimtrail/story], for people who do not write Go.
//
// Install it with
//
//	go install github.com/claimtrail/claimtrail/cmd/claimtrail@latest
//
// # Following a story
//
//	claimtrail init shells --sources sources.json   # a story, from a registry of sources
//	claimtrail add --manifest articles.jsonl        # or: add --published 2025-03-02 --outlet herald a.txt
//	claimtrail pending                              # the candidates, with their keys
//	claimtrail review                               # or one by one in the terminal: a, e, c, r, m, s, u, q
//	claimtrail claim shipments "Norland ships artillery shells to Eastria"
//	claimtrail accept 'herald-03-02#65:ba940aa6' --claim shipments
//	claimtrail reject 'ledger-03-04#23:6e7f5eec'
//	claimtrail undo                                 # takes back the last decision, or --seq N
//	claimtrail status                               # one line per claim
//	claimtrail history shipments                    # a claim's statements and status changes
//	claimtrail changes ledger-03-04                 # what one article changed
//	claimtrail sources                              # affiliation trees and offices
//	claimtrail articles                             # the articles, their IDs and what waits
//	claimtrail export --format corpus -o story.json # or jsonl, csv, decisions, schemaorg, ...
//	claimtrail import --story copy story.json
//	claimtrail render --out pictures                # index.html, the story's and each claim's SVG picture
//	claimtrail serve                                # the review desk in the browser, on 127.0.0.1:8080
//
// render draws the pictures of package render (SVG, or Mermaid text with
// --mermaid); serve serves the review desk of package desk, on the loopback
// interface unless --addr says otherwise, and beyond it only to browsers that
// opened the address with the token it prints.
//
// Every command has --help. The read commands (status, pending, history,
// changes, sources, articles) print names, not IDs, and a legend for the
// codes they show; -v adds the IDs and --json prints JSON instead. Decisions go to the
// story's log, which 'export --format decisions' writes and 'decide' (or
// 'import --format decisions') applies again, so that a review can be
// scripted, versioned and shared.
//
// # Stores
//
// A story lives in a SQLite file in the directory that --store or
// CLAIMTRAIL_STORE names (.claimtrail in the current directory by default),
// or, with --db postgres://... or CLAIMTRAIL_DB, in a PostgreSQL database
// (package story/pgstore). --story or CLAIMTRAIL_STORY names the story; a
// SQLite store that holds one story needs neither.
//
// # Exit status and errors
//
// claimtrail exits with 0 when the command succeeded, 1 when it failed (a
// missing file, an unknown story, claim or key, input the library refuses),
// and 2 for a mistake in the command line (an unknown command or flag, a
// wrong number of arguments, a malformed flag value such as a date). Each
// error is printed once on standard error and says what to do about it.
// Names and texts from articles are printed with any escape sequence,
// control character or bidirectional override quoted, so that none reaches
// the terminal as such.
//
// # Work
//
// Each command opens its story, which costs what [story.Open] costs:
// every article is extracted again and every decision applied again, in
// time linear in the story's articles and decisions. The read commands then
// build the story's timeline, linear in its statements (history also reads
// one claim's track); each command's help states its own bound. add reads
// every file and checks every manifest line before it adds anything; each
// article is at most story.DefaultMaxArticleBytes (256 KiB; a longer one
// is refused before any work, naming the file and its size) and each
// manifest line at most 16 MiB.
//
// The commands are built with github.com/spf13/cobra, so each has its own
// --help with examples, and flags may come before or after the arguments;
// review is a github.com/charmbracelet/bubbletea program, its forms' fields
// github.com/charmbracelet/bubbles text inputs.
package main
