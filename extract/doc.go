// Package extract proposes the attributed statements in an article's text:
// who speaks, the cue, the content, the act, polarity and certainty, when it
// was said, and the exact spans, for a person to review and accept into a
// claimtrail corpus.
package extract
