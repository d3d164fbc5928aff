package story

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// Key identifies a candidate statement within a story, stably: it does not
// depend on the candidate's position in the extractor's list, on the
// registry, nor on how the extractor reads the content, so decisions keyed by
// it apply again after the extractor changes. It reads
//
//	ARTICLE#CUE:HASH
//
// where ARTICLE is the article's ID, CUE the byte offset of the
// attribution cue in the article's text ("denied" at byte 1234), and HASH
// the first 8 hex digits of the SHA-256 of the cue's text, a NUL byte and
// the source text ("denied\x00the ministry"; the source text is empty when
// the text names nobody). Two candidates with one cue and one source text
// (the extractor gives one per name of "both Halden and Orvik", from a shared
// "both") are told apart by a suffix "~2", "~3" in the order Extract lists
// them. A new extractor that finds the same cue and source gives the same
// key; one that reads a different cue gives a new key, and decisions on the
// old one are reported as orphans.
type Key string

// Article returns the article part of the key, and false when k is not of
// the form ARTICLE#CUE:HASH.
func (k Key) Article() (source.ArticleID, bool) {
	i := strings.LastIndexByte(string(k), '#')
	if i <= 0 || !strings.Contains(string(k[i:]), ":") {
		return "", false
	}
	return source.ArticleID(k[:i]), true
}

// keys returns the keys of an article's candidates, in their order.
func keys(article source.ArticleID, text string, cands []extract.Candidate) []Key {
	out := make([]Key, len(cands))
	seen := make(map[Key]int, len(cands))
	for i, c := range cands {
		h := sha256.New()
		h.Write([]byte(spanText(text, c.Cue.Start, c.Cue.End)))
		h.Write([]byte{0})
		h.Write([]byte(spanText(text, c.SpeakerText.Start, c.SpeakerText.End)))
		k := Key(fmt.Sprintf("%s#%d:%s", article, c.Cue.Start, hex.EncodeToString(h.Sum(nil)[:4])))
		seen[k]++
		if n := seen[k]; n > 1 {
			k = Key(fmt.Sprintf("%s~%d", k, n))
		}
		out[i] = k
	}
	return out
}

// spanText returns text[start:end], or "" for a span that does not fit.
func spanText(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	return text[start:end]
}

// proposedID returns the story-wide ID of a source that an article's
// extraction proposes: the extractor's ID ("new:pentagon"), unique within
// one article, followed by "@" and the article's ID, so that two articles'
// proposals never collide.
func proposedID(id source.ID, article source.ArticleID) source.ID {
	return source.ID(string(id) + "@" + string(article))
}

// isProposed reports whether id names a proposed source.
func isProposed(id source.ID) bool {
	return strings.HasPrefix(string(id), "new:") && strings.Contains(string(id), "@")
}

// acceptedID returns the ID a proposed source takes when accepted without
// one given: the extractor's ID without "new:" and the article
// ("new:pentagon@a1" becomes "pentagon").
func acceptedID(proposed source.ID) source.ID {
	s := strings.TrimPrefix(string(proposed), "new:")
	if i := strings.LastIndexByte(s, '@'); i > 0 {
		s = s[:i]
	}
	return source.ID(s)
}
