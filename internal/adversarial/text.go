package adversarial

import "strings"

// words are the words OneLine cycles through: common enough that the
// extractor's lexicon knows some, with a cue among them.
var words = []string{"the", "ministry", "said", "officials", "according", "to", "reports", "denied", "shipments", "Kim"}

// OneLine returns size bytes of words separated by single spaces, with no
// punctuation and no line break, so that the whole text is one sentence.
func OneLine(size int) string {
	var b strings.Builder
	b.Grow(size + 16)
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()[:size]
}

// OpeningQuotes returns a text of n quotations that are opened and never
// closed, curly and straight in turn, each after a cue.
func OpeningQuotes(n int) string {
	var b strings.Builder
	for i := range n {
		if i%2 == 0 {
			b.WriteString("The ministry said “we deny it ")
		} else {
			b.WriteString(`Officials said "it is false `)
		}
	}
	return b.String()
}

// CueRuns returns a text of n runs of "said, " followed by n runs of
// `He said: “`, cues with nothing to attribute.
func CueRuns(n int) string {
	return strings.Repeat("said, ", n) + strings.Repeat("He said: “", n)
}

// ControlSentences returns a text of n sentences of attribution, each with
// a NUL, a zero-width joiner, bidirectional controls or an ANSI escape
// sequence inside it, in turn.
func ControlSentences(n int) string {
	controls := []string{"\x00", "\u200d", "\u202e", "\u2066\u2069", "\x1b[31m", "\x1b]0;t\x07", "\ufeff"}
	var b strings.Builder
	for i := range n {
		c := controls[i%len(controls)]
		b.WriteString("The mini" + c + "stry said" + c + " the ship" + c + "ments had stopped" + c + ". ")
		b.WriteString("“We deny" + c + " it,” Kim" + c + " said. ")
	}
	return b.String()
}

// Sentence is the sentence RepeatedSentence repeats.
const Sentence = "The ministry said the artillery shipments to the border had stopped in March."

// RepeatedSentence returns Sentence n times, separated by spaces.
func RepeatedSentence(n int) string {
	return strings.Repeat(Sentence+" ", n)
}
