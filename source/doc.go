// Package source models who speaks and who reports: governments, agencies,
// officials, spokespeople, militaries, state media, news outlets,
// organisations and persons, named, unnamed or absent, and the articles
// that carry their statements.
package source
