package gold

import (
	"slices"
	"strings"

	"github.com/samber/lo"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// ArticleScore is how the extractor did on one article: its candidates in
// gold terms and their counts.
type ArticleScore struct {
	Article Article
	// Predicted are the extractor's candidates in gold terms.
	Predicted []Predicted
	Counts    Counts
}

// Evaluate runs extract.Extract on every article, with the article's
// registry and publication time, and scores the candidates. It returns the
// per-article results and their summed counts. Work is Extract's and
// Score's for each article in turn; memory is linear in the predictions,
// which the results keep, besides one Extract at a time.
func Evaluate(articles []Article) ([]ArticleScore, Counts, error) {
	var total Counts
	out := make([]ArticleScore, 0, len(articles))
	for _, a := range articles {
		res, err := extract.Extract(a.Text, extract.Options{Registry: a.Registry, Published: a.Published})
		if err != nil {
			return nil, Counts{}, err
		}
		pred := lo.Map(res.Candidates, func(c extract.Candidate, _ int) Predicted { return FromCandidate(c) })
		names := lo.SliceToMap(res.NewSources, func(s source.Source) (source.ID, string) { return s.ID, s.Name })
		c := Score(a, pred, func(p, g source.ID) bool { return SameNewSpeaker(names[p], g) })
		total.Add(c)
		out = append(out, ArticleScore{Article: a, Predicted: pred, Counts: c})
	}
	return out, total, nil
}

// FromCandidate returns an extractor's candidate in gold terms: its
// speaker's span as the source, and its cue, content, speaker, act,
// factuality, date said and rule.
func FromCandidate(c extract.Candidate) Predicted {
	return Predicted{Source: c.SpeakerText, Cue: c.Cue, Content: c.Content, Speaker: c.Speaker,
		Act: c.Act, Factuality: c.Factuality, Said: c.Said, Rule: c.Rule}
}

// SameNewSpeaker reports whether a proposed new source's name matches a gold
// speaker "new:Name As Written": the same name once normalised, the words of
// one a run of the other's ("spokesman for the port authority" in "A
// spokesman for the port authority"), or the same last word ("Peskov" and
// "Dmitry Peskov"). Words are whole: "US" is not in "Russia". Work is
// the product of the two names' numbers of words, which are short.
func SameNewSpeaker(name string, gold source.ID) bool {
	g, ok := strings.CutPrefix(string(gold), "new:")
	if !ok || name == "" {
		return false
	}
	fa, fb := strings.Fields(source.Normalize(name)), strings.Fields(source.Normalize(g))
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	for i := 0; i+len(fa) <= len(fb); i++ {
		if slices.Equal(fa, fb[i:i+len(fa)]) {
			return true
		}
	}
	return fa[len(fa)-1] == fb[len(fb)-1]
}
