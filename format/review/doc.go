// Package review holds a fact-checker's verdict on a claim: who reviewed
// it, the rating they gave, where and when they published it.
//
// A review is shown beside a claim's status, never mixed into it: the
// status (package timeline) says who says what; a review is someone's
// verdict on whether it is true. Reviews are kept beside the corpus, not
// in it: a [Review] names its claim by ID, and [Check] tells whether a list
// of reviews fits a corpus. Package format/schemaorg writes reviews as
// schema.org ClaimReview and reads them from the ClaimReview markup that
// fact-checkers publish.
package review
