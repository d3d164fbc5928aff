package story

import (
	"cmp"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

const (
	// MaxPostings is the number of claims a word may belong to and still
	// be used to find claims: a word in more claims than that says little
	// about which claim a statement is about, and reading its list would make
	// one proposal cost in proportion to the whole story. Such a word still
	// counts toward the similarity of the claims found through other words.
	MaxPostings = 1000
	// maxClaimWords bounds the words kept for one claim (its text and its
	// accepted statements), so that a claim stated a thousand times does
	// not grow without bound; the earliest words are kept.
	maxClaimWords = 400
	// maxCandidateWords bounds the words read from one candidate's content.
	maxCandidateWords = 64
	// DefaultClaimSimilarity is the similarity from which an existing claim
	// is proposed for a candidate when Options.ClaimSimilarity is 0: the
	// share of the candidate's content words (or the claim's, when it has
	// fewer) found among the claim's words.
	DefaultClaimSimilarity = 0.3
	// DefaultClaimMatches is the number of existing claims proposed for one
	// candidate when Options.ClaimMatches is 0.
	DefaultClaimMatches = 3
)

// ClaimMatch is an existing claim proposed for a candidate, with its
// similarity: the overlap coefficient of the candidate's content words and
// the claim's words (its text and the quotes of its accepted statements),
// from 0 to 1.
type ClaimMatch struct {
	Claim      claim.ID `json:"claim"`
	Similarity float64  `json:"similarity"`
}

// claimIndex is an inverted index from content words to the claims whose
// text or accepted statements hold them.
type claimIndex struct {
	postings map[string][]claim.ID
	words    map[claim.ID]map[string]bool
}

func newClaimIndex() *claimIndex {
	return &claimIndex{postings: make(map[string][]claim.ID), words: make(map[claim.ID]map[string]bool)}
}

// add indexes text's content words under the claim.
func (x *claimIndex) add(id claim.ID, text string) {
	set := x.words[id]
	if set == nil {
		set = make(map[string]bool)
		x.words[id] = set
	}
	if len(set) >= maxClaimWords {
		return
	}
	for _, w := range contentWords(text, maxCandidateWords) {
		if set[w] || len(set) >= maxClaimWords {
			continue
		}
		set[w] = true
		x.postings[w] = append(x.postings[w], id)
	}
}

// match returns the claims most like the words, best first, at most n of
// them, each with a similarity of at least min. It reads the postings of
// each word that has at most MaxPostings of them: its work is at most
// len(ws) * MaxPostings, however many claims there are.
func (x *claimIndex) match(ws []string, n int, min float64) []ClaimMatch {
	if len(ws) == 0 {
		return nil
	}
	shared := make(map[claim.ID]int)
	for _, w := range ws {
		p := x.postings[w]
		if len(p) > MaxPostings {
			continue
		}
		for _, id := range p {
			shared[id]++
		}
	}
	// A word skipped as too common still counts for the claims found.
	var out []ClaimMatch
	for id, k := range shared {
		set := x.words[id]
		for _, w := range ws {
			if len(x.postings[w]) > MaxPostings && set[w] {
				k++
			}
		}
		sim := float64(k) / float64(min2(len(ws), len(set)))
		if sim >= min {
			out = append(out, ClaimMatch{Claim: id, Similarity: sim})
		}
	}
	slices.SortFunc(out, func(a, b ClaimMatch) int {
		if c := cmp.Compare(b.Similarity, a.Similarity); c != 0 {
			return c
		}
		return cmp.Compare(a.Claim, b.Claim)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func min2(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// SourceMatch is an existing source proposed for a new one, so that a
// reviewer can merge instead of adding: Score runs from 0 to 1, and Reason
// says what matched: "office" (the source held the office the new source
// names, on the article's date), "name" (shared words of names and aliases)
// or "proposed" (a source proposed by an earlier article, not yet accepted,
// with shared words).
type SourceMatch struct {
	ID     source.ID `json:"id"`
	Score  float64   `json:"score"`
	Reason string    `json:"reason"`
}

// sourceIndex finds sources by the words of their names and aliases.
type sourceIndex struct {
	postings map[string][]source.ID
	words    map[source.ID]int // distinct name words per source
	proposed map[source.ID]bool
}

func newSourceIndex() *sourceIndex {
	return &sourceIndex{postings: make(map[string][]source.ID), words: make(map[source.ID]int), proposed: make(map[source.ID]bool)}
}

// nameWords returns the distinct words of a source's names, normalised as
// the registry normalises names.
func nameWords(names ...string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, n := range names {
		words(source.Normalize(n), func(w string) {
			if w == "the" || seen[w] {
				return
			}
			seen[w] = true
			out = append(out, w)
		})
	}
	return out
}

// add indexes a source; proposed marks one that is only proposed.
func (x *sourceIndex) add(s source.Source, proposed bool) {
	if _, ok := x.words[s.ID]; ok {
		return
	}
	ws := nameWords(append([]string{s.Name}, s.Aliases...)...)
	x.words[s.ID] = len(ws)
	if proposed {
		x.proposed[s.ID] = true
	}
	for _, w := range ws {
		x.postings[w] = append(x.postings[w], s.ID)
	}
}

// remove forgets a proposed source once it is accepted, merged or
// rejected: its postings stay until the index is rebuilt, and are skipped.
func (x *sourceIndex) remove(id source.ID) {
	delete(x.words, id)
	delete(x.proposed, id)
}

// match returns the sources whose names share words with s's, best first,
// at most n, each sharing at least half of the smaller word set. Its work is
// bounded by the words of s times MaxPostings.
func (x *sourceIndex) match(s source.Source, n int) []SourceMatch {
	ws := nameWords(append([]string{s.Name}, s.Aliases...)...)
	shared := make(map[source.ID]int)
	for _, w := range ws {
		p := x.postings[w]
		if len(p) > MaxPostings {
			continue
		}
		for _, id := range p {
			if id != s.ID {
				shared[id]++
			}
		}
	}
	var out []SourceMatch
	for id, k := range shared {
		total, ok := x.words[id]
		if !ok {
			continue
		}
		score := float64(k) / float64(len(ws)+total-k) // Jaccard of the word sets
		if float64(k)/float64(min2(len(ws), total)) < 0.5 {
			continue
		}
		reason := "name"
		if x.proposed[id] {
			reason = "proposed"
		}
		out = append(out, SourceMatch{ID: id, Score: score, Reason: reason})
	}
	slices.SortFunc(out, func(a, b SourceMatch) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
