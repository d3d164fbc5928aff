// Package adversarial makes the worst inputs claimtrail's public entry
// points are meant to survive, at any size.
//
// One standing suite feeds them through claim.Decode,
// claim.Corpus.Validate, timeline.Build, timeline.Timeline.WriteText,
// extract.Extract and extract.Groups as a user loading someone else's corpus or scraping
// someone else's page would.
//
// Each generator is deterministic: the same size gives the same bytes. The
// generators take a size n and return either a JSON document ([]byte), a
// corpus value (*claim.Corpus, for shapes JSON cannot hold or that are
// cheaper to build directly) or an article text (string).
//
// The package's tests run every shape at a reduced size in go test ./...,
// bounding the allocations of each call by its input size and checking
// that invalid input gives a short error matching the package sentinels.
// With CLAIMTRAIL_ADVERSARIAL=full in the environment they run every shape
// at full size and log its time and allocation:
//
//	CLAIMTRAIL_ADVERSARIAL=full go test -v -run Adversarial ./internal/adversarial/
//
// # Shapes
//
//   - JSON documents: deep nesting, duplicate keys, duplicate IDs, huge
//     numbers, NaN and Infinity, long strings, hostile runes, cycles;
//   - corpus shapes: refinement chains, bare, with every claim
//     affirmed, and denied by a source that also affirms the narrowest,
//     its denials said at instants of their own or certain and probable
//     in turn; many refiners, shared names, many bad statements, times
//     past the year 9999 in UTC;
//   - article texts: one long line, unbalanced quotes, runs of cues,
//     control characters in sentences, one sentence repeated;
//   - terminal output: IDs holding escape sequences.
package adversarial
