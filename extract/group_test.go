package extract

import (
	"math/rand/v2"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
)

// similarCandidates returns n candidates whose contents are drawn from a
// vocabulary of a few words, so that most of them are alike: the worst case
// for Groups, where every candidate is a match for many groups. The draw is
// seeded, so the candidates are the same on every run.
func similarCandidates(n int) []Candidate {
	vocab := strings.Fields("shells rockets drones missiles artillery shipped supplied Russia Korea border sanctions talks troops weapons")
	r := rand.New(rand.NewPCG(8, 1))
	out := make([]Candidate, n)
	words := make([]string, 6)
	for i := range out {
		for k, j := range r.Perm(len(vocab))[:len(words)] {
			words[k] = vocab[j]
		}
		out[i].Content = []claim.Span{{Exact: strings.Join(words, " ")}}
	}
	return out
}
