// Package claim models attributed statements: a [Claim] is a proposition, a
// [Statement] is one source taking a position on it, and a [Mention] is that
// statement as reported in one article.
package claim
