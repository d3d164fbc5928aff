package gold

import (
	"cmp"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Predicted is an attribution an extractor proposes, in the terms Score
// compares: the same fields as Attribution.
type Predicted = Attribution

// PRF is precision, recall and F1, each from 0 to 1.
type PRF struct {
	Precision, Recall, F1 float64
}

func prf(tp, fp, fn float64) PRF {
	var p PRF
	if tp+fp > 0 {
		p.Precision = tp / (tp + fp)
	}
	if tp+fn > 0 {
		p.Recall = tp / (tp + fn)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Counts are the raw numbers of a score; Add sums them over articles, and
// Exact, Overlap and Accuracy turn them into rates.
type Counts struct {
	// Gold and Predicted count attributions.
	Gold, Predicted int
	// Exact match counts per part: true positives among predictions (TP),
	// predictions matching nothing (FP), gold attributions found by none
	// (FN). Index with the Part constants.
	ExactTP, ExactFP, ExactFN [numParts]int
	// Token overlap per part: predicted tokens, gold tokens, and tokens in
	// both.
	PredTokens, GoldTokens, BothTokens [numParts]int
	// Matched counts gold attributions paired with a prediction (cues
	// overlapping, contents overlapping or both empty); the others count
	// the pairs that agree.
	Matched, ActAgree, FactualityAgree, SpeakerAgree int
	// Dated counts matched pairs whose gold gives a said date, DateAgree
	// those where the prediction has the same one.
	Dated, DateAgree int
	// Denials counts gold attributions whose act is deny or reject;
	// DenialsFound those paired with a prediction that is a denial too
	// (deny or reject) by the same speaker: a denial handed to the wrong
	// speaker, or read as an assertion, is not found.
	Denials, DenialsFound int
}

// Part is one part of an attribution, or the whole. Its zero value is
// PartSource.
type Part int

// The parts scored.
const (
	PartSource Part = iota
	PartCue
	PartContent
	PartWhole
	numParts
)

var partNames = [...]string{"source", "cue", "content", "whole"}

// String returns the part's name.
func (p Part) String() string {
	if p < 0 || p >= numParts {
		return "Part(" + strconv.Itoa(int(p)) + ")"
	}
	return partNames[p]
}

// Add adds o's counts to c, in constant time.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	for p := range numParts {
		c.ExactTP[p] += o.ExactTP[p]
		c.ExactFP[p] += o.ExactFP[p]
		c.ExactFN[p] += o.ExactFN[p]
		c.PredTokens[p] += o.PredTokens[p]
		c.GoldTokens[p] += o.GoldTokens[p]
		c.BothTokens[p] += o.BothTokens[p]
	}
	c.Matched += o.Matched
	c.ActAgree += o.ActAgree
	c.FactualityAgree += o.FactualityAgree
	c.SpeakerAgree += o.SpeakerAgree
	c.Dated += o.Dated
	c.DateAgree += o.DateAgree
	c.Denials += o.Denials
	c.DenialsFound += o.DenialsFound
}

// Exact returns exact-match precision, recall and F1 for a part, in
// constant time.
func (c Counts) Exact(p Part) PRF {
	return prf(float64(c.ExactTP[p]), float64(c.ExactFP[p]), float64(c.ExactFN[p]))
}

// Overlap returns token-overlap precision, recall and F1 for a part:
// the share of predicted tokens that are gold, and of gold tokens that are
// predicted. For PartWhole the tokens of all three parts are summed. It
// takes constant time.
func (c Counts) Overlap(p Part) PRF {
	both, pred, gold := float64(c.BothTokens[p]), float64(c.PredTokens[p]), float64(c.GoldTokens[p])
	return prf(both, pred-both, gold-both)
}

// Accuracy returns agree over total, or 0 when total is 0. It takes
// constant time.
func Accuracy(agree, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(agree) / float64(total)
}

// Score compares predicted attributions with an article's gold ones.
//
// Exact matching follows Citron: a cue is right when a gold cue has the same
// span; a source (or content) is right when a gold attribution with an
// overlapping cue has the same source (or content) spans; a whole
// attribution is right when cue, source and content all are. Overlap
// matching counts tokens (words and punctuation marks): precision is the
// share of predicted tokens inside gold spans of the same part, recall the
// share of gold tokens inside predicted ones.
//
// Act, factuality, speaker and date are scored on pairs: each gold
// attribution is paired with at most one prediction whose cue overlaps its
// cue and whose content overlaps its content (or both have none).
// newSpeaker decides whether a predicted new source matches a gold
// "new:Name" speaker; nil compares IDs only.
//
// Work is linear in the length of the text and in the spans' tokens, plus
// the product of the numbers of gold and predicted attributions (each is
// looked for on the other side), plus newSpeaker's calls, one per pair;
// memory is linear in the text's tokens. An article has a few dozen of
// each, so the product is small; score a corpus article by article.
func Score(a Article, pred []Predicted, newSpeaker func(pred source.ID, gold source.ID) bool) Counts {
	g := a.Attributions
	c := Counts{Gold: len(g), Predicted: len(pred)}
	// Exact: each prediction and each gold attribution is right for a
	// part when some attribution on the other side matches it there.
	for _, p := range pred {
		ok := anyMatch(p, g)
		for part := range numParts {
			if ok[part] {
				c.ExactTP[part]++
			} else {
				c.ExactFP[part]++
			}
		}
	}
	for _, x := range g {
		ok := anyMatch(x, pred)
		for part := range numParts {
			if !ok[part] {
				c.ExactFN[part]++
			}
		}
	}
	// Overlap, by tokens.
	toks := tokens(a.Text)
	for part := PartSource; part <= PartContent; part++ {
		pm, gm := mark(toks, pred, part), mark(toks, g, part)
		for i := range toks {
			if pm[i] {
				c.PredTokens[part]++
			}
			if gm[i] {
				c.GoldTokens[part]++
			}
			if pm[i] && gm[i] {
				c.BothTokens[part]++
			}
		}
		c.PredTokens[PartWhole] += c.PredTokens[part]
		c.GoldTokens[PartWhole] += c.GoldTokens[part]
		c.BothTokens[PartWhole] += c.BothTokens[part]
	}
	// Pairs.
	denial := func(a claim.Act) bool { return a == claim.ActDeny || a == claim.ActReject }
	for i, best := range Pair(g, pred) {
		x := g[i]
		if denial(x.Act) {
			c.Denials++
		}
		if best < 0 {
			continue
		}
		p := pred[best]
		c.Matched++
		if p.Act == x.Act {
			c.ActAgree++
		}
		if p.Factuality == x.Factuality {
			c.FactualityAgree++
		}
		if p.Speaker == x.Speaker || (newSpeaker != nil && newSpeaker(p.Speaker, x.Speaker)) {
			c.SpeakerAgree++
			if denial(x.Act) && denial(p.Act) {
				c.DenialsFound++
			}
		}
		if x.Said.IsValid() {
			c.Dated++
			if p.Said.IsValid() && p.Said.Compare(x.Said) == 0 {
				c.DateAgree++
			}
		}
	}
	return c
}

// Pair pairs gold attributions with predictions as Score does for act,
// factuality, speaker and date: for each gold attribution in turn, the
// first prediction not yet paired whose cue overlaps its cue and whose
// content overlaps its content (or both have none), preferring one whose
// source overlaps too. It returns, for each gold attribution, the index of
// its prediction in pred, or -1. Work is the product of the two lengths;
// memory is linear in them.
func Pair(gold []Attribution, pred []Predicted) []int {
	used := make([]bool, len(pred))
	out := make([]int, len(gold))
	for i, x := range gold {
		best := -1
		for j, p := range pred {
			if used[j] || !overlaps(p.Cue, x.Cue) || !contentsMeet(p.Content, x.Content) {
				continue
			}
			// Prefer the prediction whose source overlaps too.
			if best < 0 || (!overlaps(pred[best].Source, x.Source) && overlaps(p.Source, x.Source)) {
				best = j
			}
		}
		out[i] = best
		if best >= 0 {
			used[best] = true
		}
	}
	return out
}

// anyMatch reports, for each part, whether a matches some attribution of
// others exactly there: the same cue span; or a cue overlapping and the
// same source (or content) spans; or, for the whole, all three the same.
func anyMatch(a Attribution, others []Attribution) [numParts]bool {
	var ok [numParts]bool
	for _, o := range others {
		cue := sameSpan(a.Cue, o.Cue)
		ok[PartCue] = ok[PartCue] || cue
		if !overlaps(a.Cue, o.Cue) {
			continue
		}
		src, con := sameSpan(a.Source, o.Source), sameSpans(a.Content, o.Content)
		ok[PartSource] = ok[PartSource] || src
		ok[PartContent] = ok[PartContent] || con
		ok[PartWhole] = ok[PartWhole] || src && con && cue
	}
	return ok
}

func sameSpan(a, b claim.Span) bool {
	return a.Start == b.Start && a.End == b.End
}

func sameSpans(a, b []claim.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameSpan(a[i], b[i]) {
			return false
		}
	}
	return true
}

// overlaps reports whether two non-empty spans share a byte; two empty
// spans (no source on either side) count as overlapping.
func overlaps(a, b claim.Span) bool {
	if a.End <= a.Start || b.End <= b.Start {
		return a.End <= a.Start && b.End <= b.Start
	}
	return a.Start < b.End && b.Start < a.End
}

func contentsMeet(a, b []claim.Span) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == 0 && len(b) == 0
	}
	for _, x := range a {
		for _, y := range b {
			if overlaps(x, y) {
				return true
			}
		}
	}
	return false
}

// tokens splits text into words (runs of letters and digits) and single
// other non-space characters, by byte range.
func tokens(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
					break
				}
				j += n2
			}
			out = append(out, [2]int{i, j})
			i = j
		default:
			out = append(out, [2]int{i, i + n})
			i += n
		}
	}
	return out
}

// mark returns which tokens lie inside a span of the given part of any of
// the attributions. toks are in text order and do not overlap, so each
// span finds its first token by binary search and marks only the tokens it
// covers.
func mark(toks [][2]int, as []Attribution, part Part) []bool {
	m := make([]bool, len(toks))
	for _, a := range as {
		var spans []claim.Span
		switch part {
		case PartSource:
			spans = []claim.Span{a.Source}
		case PartCue:
			spans = []claim.Span{a.Cue}
		case PartContent:
			spans = a.Content
		default: // PartWhole has no tokens of its own: it is scored from the parts
		}
		for _, s := range spans {
			if s.End <= s.Start {
				continue
			}
			i, _ := slices.BinarySearchFunc(toks, s.Start, func(t [2]int, start int) int { return cmp.Compare(t[1], start+1) })
			for ; i < len(toks) && toks[i][0] < s.End; i++ {
				m[i] = true
			}
		}
	}
	return m
}
