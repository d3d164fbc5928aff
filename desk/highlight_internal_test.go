package desk

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/story"
)

// sample is the text TestHighlight cuts.
const sample = "Kirby said the shells came from Norland. Officials denied it."

// span returns the span of sample[start:end].
func span(start, end int) claim.Span {
	return claim.Span{Start: start, End: end, Exact: sample[start:end]}
}

// TestHighlight checks the segments of overlapping, nested, touching and
// broken spans.
func TestHighlight(t *testing.T) {
	text := sample
	c1 := extract.Candidate{SpeakerText: span(0, 5), Cue: span(6, 10), Content: []claim.Span{span(11, 39)}}
	c2 := extract.Candidate{SpeakerText: span(41, 50), Cue: span(51, 57), Content: []claim.Span{span(58, 60)}}
	broken := extract.Candidate{SpeakerText: claim.Span{Start: 3, End: 500, Exact: "x"}, Cue: claim.Span{Start: 0, End: 4, Exact: "nope"}}
	got := highlight(text, []story.Proposal{{Candidate: c1}, {Candidate: c2}, {Candidate: broken}})
	want := []segment{
		{Text: "Kirby", Class: "hl-source", Ref: 1, Title: "source of candidate 1"},
		{Text: " "},
		{Text: "said", Class: "hl-cue", Ref: 1, Title: "cue of candidate 1"},
		{Text: " "},
		{Text: "the shells came from Norland", Class: "hl-content", Ref: 1, Title: "content of candidate 1"},
		{Text: ". "},
		{Text: "Officials", Class: "hl-source", Ref: 2, Title: "source of candidate 2"},
		{Text: " "},
		{Text: "denied", Class: "hl-cue", Ref: 2, Title: "cue of candidate 2"},
		{Text: " "},
		{Text: "it", Class: "hl-content", Ref: 2, Title: "content of candidate 2"},
		{Text: "."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("highlight mismatch (-want +got):\n%s", diff)
	}

	// Nested spans of two candidates: both classes on the overlap.
	nested := extract.Candidate{Cue: span(0, 10), Content: []claim.Span{span(6, 20)}}
	got = highlight(text, []story.Proposal{{Candidate: nested}})
	assert.Equal(t, "hl-cue hl-content", got[1].Class)
	assert.Equal(t, text, join(got))

	// The sentence around a candidate.
	got = sentence(text, c2)
	assert.Equal(t, " Officials denied it.", join(got))
}

// join concatenates segments' text.
func join(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

// FuzzHighlight checks that any spans, valid or not, cut a text into
// segments that give the text back, without panicking.
func FuzzHighlight(f *testing.F) {
	f.Add("Kirby said the shells came from Norland.", 0, 5, 6, 10, 11, 39)
	f.Add("ŏ said x", 0, 2, 1, 3, -1, 100)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		mk := func(s, e int) claim.Span {
			if s >= 0 && e <= len(text) && s <= e {
				return claim.Span{Start: s, End: e, Exact: text[s:e]}
			}
			return claim.Span{Start: s, End: e, Exact: "x"}
		}
		cand := extract.Candidate{SpeakerText: mk(a, b), Cue: mk(c, d), Content: []claim.Span{mk(e, g)}}
		if got := join(highlight(text, []story.Proposal{{Candidate: cand}})); got != text {
			t.Fatalf("highlight(%q) gives back %q", text, got)
		}
		_ = sentence(text, cand)
	})
}
