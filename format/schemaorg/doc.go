// Package schemaorg writes claims and fact-checkers' reviews as schema.org
// JSON-LD, and reads reviews from the ClaimReview markup fact-checkers
// publish.
//
// # Claims
//
// [Claims] writes each claim of a timeline as a schema.org Claim: its
// text, an appearance for every article that reports a statement about
// it (URL, headline, publication time and publisher), its firstAppearance
// (the first of them in the timeline's order), its datePublished (when it
// was first stated), and an author for each source that stated it (a
// statement with a positive polarity: asserted, accused, confirmed,
// admitted, reported as likely), as a Person (officials, spokespeople,
// persons) or an Organization (everyone else). Those who only denied or
// questioned it are not its authors; absent sources ("it is believed") name
// no one and are left out.
//
// schema.org has no property for how a statement was annotated, so whether
// a program rather than a person accepted it
// ([claim.Statement.MachineAccepted]) is not written: a Claim written from
// statements no person reviewed reads like any other. Keep the corpus, or
// its JSON Lines or tables, where that matters.
//
// # Reviews
//
// [ClaimReviews] writes reviews (package format/review) as schema.org
// ClaimReview with every property Google's structured-data guidelines
// for fact checks require (claimReviewed, reviewRating with its
// alternateName, url) and those they recommend (author, itemReviewed as
// the Claim above, the rating's name, ratingValue, bestRating and
// worstRating), with datePublished. [Import] reads ClaimReview documents,
// a single object, an array or an @graph, as fact-checkers publish them
// and public ClaimReview feeds carry them, into claims and reviews.
//
// A claim's @id is [Options.Base] followed by its ID, so that a claim
// written and read back keeps its ID.
package schemaorg
