// Package gold reads hand-labelled attributions ("gold" annotations) and
// scores an extractor's candidates against them.
//
// The metrics are those of BBC's Citron: precision, recall and F1 for the source, cue and content spans and
// for whole attributions, by exact match and by token overlap, plus the
// accuracy of act, factuality, speaker and date on matched attributions.
//
// A gold article is two files: NAME.txt, the text, and NAME.json, its
// labels. The format and the annotation guidelines are in
// extract/testdata/gold/GUIDELINES.md in the module.
//
// # Scores
//
// [Score] compares one article's predictions with its gold attributions and
// returns [Counts]; [Counts.Add] sums them over articles, and
// [Counts.Exact], [Counts.Overlap] and [Accuracy] give the rates. Exact
// matching counts an attribution's part as right when its spans are the
// gold ones; overlap matching counts tokens, so a content one word short
// still earns most of its credit. Overlap counts the union of predicted
// tokens, so a duplicate prediction over gold tokens costs nothing there; it
// shows in the exact figures, which count predictions one by one.
//
// [Evaluate] runs extract.Extract on articles with their registries and
// publication times and scores the result; examples/evaluate-extract prints
// it as a table.
package gold
