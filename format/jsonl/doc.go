// Package jsonl reads and writes a corpus as JSON Lines, one record per
// line, streaming both ways.
//
// Each line is a JSON object whose "type" member says what it holds,
// followed by that record's own members exactly as the corpus JSON document
// writes them ([claim.Corpus]). An excerpt:
//
//	{"type":"format","format":"claimtrail/1"}
//	{"type":"source","id":"norland","name":"Norland","kind":"government"}
//	{"type":"article","id":"wire-2024-03-05","outlet":"wire","published":"2024-03-05T09:00:00Z"}
//	{"type":"claim","id":"shells","text":"Norland supplies artillery shells to Eastria"}
//	{"type":"statement","id":"s2","claim":"shells","source":"norland-foreign","act":"deny","factuality":"CT-"}
//
// The types are "format" (the corpus's [claim.Format], written first when
// the corpus names it), "source", "article", "claim" and "statement"
// ([Type]). A corpus converts both ways without loss: [Write] then
// [Decode] gives back the same [claim.Corpus], and [Encoder] appends
// records to a file that already holds some, so a story grows without
// rewriting it.
//
// Records of other packages (a story's decisions, say) can share a file:
// [Encoder.EncodeOther] writes a line of a type of their own, and
// [Options.Other] hands such lines back to the caller, so that this
// package needs to know nothing of them.
//
// # Reading
//
// [Read] yields the records of a stream one at a time as an
// iter.Seq2[Record, error], holding one line in memory, so that a
// collection larger than memory can be filtered in one pass. A line that
// does not decode gives an [*Error] naming its line, and, where the
// problem lies inside the record, the field path ("statement.act",
// "statement.mentions[0].span.start") and the value; reading goes on with
// the next line. Member names match as encoding/json matches them, case
// ignored; a member given twice in one object, however spelled ("id" and
// "ID"), is an error ([ErrDuplicateKey]) rather than a value silently
// lost, as are members the record type does not have.
//
// # Validating
//
// [Validate] checks a whole stream in one pass by the rules of
// [claim.Corpus.Validate], record by record, and keeps only what the checks
// across records need: the IDs of sources, articles and claims with the
// few facts other records are checked against (a source's parent, an
// article's publication time, a claim's refining relations), the
// normalised names that aliases must not share, and a hash and a line per
// statement, 16 bytes, to find duplicate statement IDs. Its memory grows with those, never with the texts, the
// quotes or the number of mentions. [Decode] reads a whole corpus into
// memory and validates it with [claim.Corpus.Validate].
package jsonl
