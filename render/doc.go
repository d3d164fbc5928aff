// Package render draws a claimtrail timeline as pictures for people: an SVG
// picture of each claim's timeline, an SVG picture of a whole story, and
// Mermaid "timeline" text for Markdown reports.
//
// # A claim's picture
//
// ClaimSVG draws one claim of a timeline.Timeline:
//
//   - time runs along the horizontal axis. A statement is drawn at the
//     period its said date covers, as a bar under its mark, not a point: a
//     day, a month or a year ("last year"). A statement whose date was not
//     given stands at the instant it was first reported;
//   - one lane per affiliation root (see source.Registry.Root), grouped by
//     side: the accusing side (the first root outside the claim's parties
//     to affirm it), the denying side and the parties (the claim's accused,
//     beneficiaries and subjects, and any root that only negates),
//     independent witnesses and others (the target, later independent
//     roots, sources taking no side), investigators (source.Source.Investigator),
//     and statements with no speaker ("it is believed");
//   - one mark per statement on the claim's track (timeline.Timeline.Track),
//     inherited ones from related claims faded and those that do not count
//     struck through. Its shape says the act (a triangle up for an
//     accusation, down for a denial, a diamond for a confirmation or an
//     admission, a cross for a retraction, ...), its colour and the sign
//     written under it its polarity, its fill its certainty (solid for
//     certain, hatched for probable, white for possible, white with a dot
//     for underspecified) and its outline the speaker: solid when named,
//     dashed when unnamed, dotted when absent;
//   - the status as a band along the axis, one segment per status the claim
//     held, each with its colour, a pattern of its own and its name, and a
//     marker at each change;
//   - a legend.
//
// Every mark carries, as an SVG title that a browser shows on hover, its
// speaker, act, factuality, said date, article (title, outlet, date) and
// quote, and "by machine, not reviewed" for a statement a program accepted
// ([claim.Statement.MachineAccepted]), as the picture's description and a
// Mermaid event say too; every change marker what changed, who caused it
// and in which article. With Options.ArticleURL set, both link to the article.
//
// # A story's picture
//
// StorySVG draws every claim of a timeline as one row of status bands along a
// shared axis, with Options.ClaimURL linking each row to the claim's page.
// The axis is labelled "date said": a status changes at the instant the
// statement that changed it was said, or first reported when no date was
// given, as on a claim's picture.
//
// # Mermaid
//
// ClaimMermaid and StoryMermaid write the same timelines as Mermaid
// "timeline" text, which Markdown renderers such as GitHub's draw.
//
// # Accessibility
//
// Each SVG picture has role="img", an aria-label, and a title and desc
// element (aria-labelledby) whose text describes the claim, its status
// history and each statement, so that a screen reader has the picture in
// words. Colour never carries meaning alone: polarity is written under each
// mark, certainty is a fill pattern, each status has a pattern and its name,
// and the colours are the Okabe-Ito palette, which readers with the common
// colour-vision deficiencies tell apart.
//
// # Hostile text
//
// Names, claim texts, article titles and quotes are input a caller may not
// trust. Every piece of text is escaped for XML ('<', '>', '&', quotes, so
// "]]>" and "<script>" come out as text), and control characters (NUL and
// the ESC of terminal escapes among them), bidirectional overrides and
// invalid UTF-8 are replaced with U+FFFD. Mermaid's special characters are
// replaced with look-alikes (see ClaimMermaid). Link patterns must be http,
// https or relative URLs, and the IDs put in them are escaped.
//
// # Cost
//
// ClaimSVG and ClaimMermaid take time linear in the entries of the claim's
// track plus its status changes, with the logarithmic factor
// timeline.Timeline.Track takes to order the track; StorySVG and StoryMermaid
// take time linear in the claims plus their status changes. Quotes and names
// are cut to a few hundred runes, so each mark writes a bounded amount of
// text. Output is built in a buffered writer and never held whole in memory.
package render
