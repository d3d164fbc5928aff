package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/claimtrail/claimtrail/claim"
)

// actScratch is the room the act model's features are read in: the
// lower-cased words of a content, kept by the extractor between
// candidates so that a prediction allocates nothing.
type actScratch struct {
	buf   [1024]byte
	words [maxContentWords]string
	s     actScorer
}

// Kinds of word shape, for a content word the lexicon does not have.
const (
	shapeName   = "<Cap>"
	shapeNumber = "<num>"
	shapeWord   = "<w>"
)

var cueClassNames = [...]string{cueVerb: "verb", cueNoun: "noun", cueAdj: "adjective", cueAdverb: "adverb"}

// actVocab maps each word the features may name to itself: the words of
// the lexicon (cue forms, word classes, phrase words) and a few function
// and stance words of the model's own. A word outside it is named by its
// shape, so that no other text becomes a feature.
var actVocab = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	put := func(w string) {
		if w != "" && !strings.ContainsAny(w, "* ") {
			m[w] = w
		}
	}
	for w := range cues {
		put(w)
	}
	for _, class := range lex.classes {
		for w := range class {
			put(w)
		}
	}
	for _, list := range lex.phrases {
		for _, p := range list {
			for w := range strings.FieldsSeq(p) {
				put(w)
			}
		}
	}
	for _, e := range lex.agentless {
		put(e.word)
	}
	for w := range strings.FieldsSeq(actOwnWords) {
		put(w)
	}
	return m
})

// actOwnWords are the model's own words, beside the lexicon's: pronouns,
// modals, negation and words that often carry an act in news copy.
const actOwnWords = `we i our us my me you your they them their it its he she his her
will would shall 'll can could may might must should not n't never no none nothing
nobody false untrue baseless groundless unfounded lie lies lying fabricated fabrication
nonsense absurd ridiculous fake propaganda slander involvement responsibility
evidence innocent guilty wrong wrongdoing deny denies denied reject rejects rejected
claim claims allegation allegations accusation accusations report reports rumours
did does do has have had was were is are be been being that this these those there
what why how who whether if any all only also again always`

// phraseKindNames names the phrase kinds as lexicon.txt does.
var phraseKindNames = sync.OnceValue(func() map[uint16]string {
	m := make(map[uint16]string, len(phraseKinds))
	for name, k := range phraseKinds {
		m[k] = name
	}
	return m
})

// actFeatures gives sink the features of candidate c of text, as
// ActFeatures documents them. Spans outside text are read as empty. Work
// is bounded by the cue's length and the content's first maxContentWords
// words; sc holds the words read.
func actFeatures(text string, c Candidate, sink actSink, sc *actScratch) {
	vocab := actVocab()
	ra := c.Act.String()
	form := c.Form.String()
	sink.add("rule-act", ra, "")
	sink.add("form", form, "")
	sink.add("rule", c.Rule, "")
	sink.add("act-form", ra, form)
	sink.add("act-rule", ra, c.Rule)
	sink.add("resolution", c.Resolution.String(), "")
	actSpeaker(text, c, sink, vocab)
	cueEnd := actCue(text, c, ra, sink, vocab)
	actFrame(text, c, cueEnd, sink)
	actContent(text, c, ra, sink, sc, vocab)
}

// spanIn returns s's bounds when they lie in text, on character
// boundaries.
func spanIn(text string, s claim.Span) (int, int, bool) {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End ||
		!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
		return 0, 0, false
	}
	return s.Start, s.End, true
}

// nextWord returns the bounds of the first word in text[i:end], or ws ==
// end when there is none. A word is a run of letters and digits, with
// apostrophes and hyphens inside it.
func nextWord(text string, i, end int) (ws, we int) {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if isWordRune(r) {
			break
		}
		i += n
	}
	ws = i
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		inner := (r == '\'' || r == '’' || r == '-') && i > ws && i+n < end && nextIsWord(text[i+n:end])
		if !isWordRune(r) && !inner {
			break
		}
		i += n
	}
	return ws, i
}

func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// lowerWord writes the lower-case form of word into dst, with curly
// apostrophes straightened, and returns it; it returns nil when dst is
// too short.
func lowerWord(dst []byte, word string) []byte {
	n := 0
	for _, r := range word {
		switch {
		case r == '’':
			r = '\''
		case r >= utf8.RuneSelf:
			r = unicode.ToLower(r)
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		if n+utf8.RuneLen(r) > len(dst) {
			return nil
		}
		n += utf8.EncodeRune(dst[n:], r)
	}
	return dst[:n]
}

// canonical returns the vocabulary's copy of a lower-case word.
func canonical(vocab map[string]string, w []byte) (string, bool) {
	s, ok := vocab[string(w)]
	return s, ok
}

// shape names a word the vocabulary lacks by its first character.
func shape(word string) string {
	r, _ := utf8.DecodeRuneInString(word)
	switch {
	case unicode.IsUpper(r):
		return shapeName
	case unicode.IsDigit(r):
		return shapeNumber
	}
	return shapeWord
}

// actSpeaker gives the kind of speaker: none, a pronoun, a name or a
// description, and the speaker's first and last words when the lexicon
// has them ("the", "ministry").
func actSpeaker(text string, c Candidate, sink actSink, vocab map[string]string) {
	s, e, ok := spanIn(text, c.SpeakerText)
	if !ok {
		sink.add("speaker", "none", "")
		return
	}
	var tmp [64]byte
	first := true
	last := ""
	for i := s; i < e; {
		ws, we := nextWord(text, i, e)
		if ws >= e {
			break
		}
		i = we
		w, known := canonical(vocab, lowerWord(tmp[:], text[ws:we]))
		if first {
			first = false
			switch {
			case known && pronouns[w]:
				sink.add("speaker", "pronoun", "")
			case known && (determiners[w] || quantifiers[w]):
				sink.add("speaker", "description", "")
			case shape(text[ws:we]) == shapeName:
				sink.add("speaker", "name", "")
			default:
				sink.add("speaker", "description", "")
			}
			if known {
				sink.add("speaker-first", w, "")
			}
		}
		last = ""
		if known {
			last = w
		}
	}
	if last != "" {
		sink.add("speaker-head", last, "")
	}
}

// actCue gives the cue's words, their lexicon entries and tense, and the
// words just before the cue that change it ("did not", "would", "was"). It
// returns the end of the cue.
func actCue(text string, c Candidate, ra string, sink actSink, vocab map[string]string) int {
	s, e, ok := spanIn(text, c.Cue)
	if !ok {
		sink.add("cue", "none", "")
		return 0
	}
	var tmp [64]byte
	lastForm := ""
	for i := s; i < e; {
		ws, we := nextWord(text, i, e)
		if ws >= e {
			break
		}
		i = we
		w, known := canonical(vocab, lowerWord(tmp[:], text[ws:we]))
		if !known {
			sink.add("cue", shape(text[ws:we]), "")
			continue
		}
		sink.add("cue", w, "")
		sink.add("act-cue", ra, w)
		for _, entry := range cues[w] {
			sink.add("cue-entry", cueClassNames[entry.class], entry.act.String())
			if entry.weak {
				sink.add("cue-weak", "", "")
			}
			if entry.certainty != claim.CertaintyUnderspecified {
				sink.add("cue-certainty", entry.certainty.String(), "")
			}
		}
		lastForm = w
	}
	switch {
	case lastForm == "":
		r, _ := utf8.DecodeRuneInString(text[s:])
		sink.add("cue-mark", punctKind(r), "")
	case strings.HasSuffix(lastForm, "ing"):
		sink.add("tense", "ing", "")
	case strings.HasSuffix(lastForm, "ed") || irregularPast[lastForm]:
		sink.add("tense", "past", "")
	case strings.HasSuffix(lastForm, "s"):
		sink.add("tense", "s", "")
	default:
		sink.add("tense", "base", "")
	}
	actBefore(text, s, lastForm, sink, vocab)
	return e
}

// punctKind names a cue that is no word: a dash or colon in a headline, a
// quotation mark.
func punctKind(r rune) string {
	switch r {
	case '-', '–', '—':
		return "dash"
	case ':':
		return "colon"
	case '"', '“', '”', '\'', '‘', '’':
		return "quote"
	}
	return "other"
}

// actBefore gives the up to three words before the cue in its sentence
// that the lexicon has as auxiliaries or negators, and whether the cue is
// negated, passive or after a modal.
func actBefore(text string, cue int, form string, sink actSink, vocab map[string]string) {
	from := max(0, cue-120)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from++
	}
	var ring [3][2]int
	n := 0
	for i := from; i < cue; {
		ws, we := nextWord(text, i, cue)
		if ws >= cue {
			break
		}
		// A sentence's end or a line break between two words starts the
		// count again.
		if strings.ContainsAny(text[i:ws], ".!?;\n") {
			n = 0
		}
		ring[n%3] = [2]int{ws, we}
		n++
		i = we
	}
	var tmp [64]byte
	for k := max(0, n-3); k < n; k++ {
		r := ring[k%3]
		w, known := canonical(vocab, lowerWord(tmp[:], text[r[0]:r[1]]))
		if !known {
			continue
		}
		switch {
		case negators[w] || strings.HasSuffix(w, "n't"):
			sink.add("before", "negated", "")
		case isBe(w) && (strings.HasSuffix(form, "ed") || irregularPast[form]):
			sink.add("before", "passive", "")
		}
		if auxiliaries[w] || negators[w] || strings.HasSuffix(w, "n't") {
			sink.add("before-word", w, "")
		}
	}
}

// actFrame gives what stands between the cue and the content: "that", a
// colon, a quotation mark, a few other words; or the content before the
// cue ("“C,” he said").
func actFrame(text string, c Candidate, cueEnd int, sink actSink) {
	if len(c.Content) == 0 {
		sink.add("frame", "no-content", "")
		return
	}
	s, _, ok := spanIn(text, c.Content[0])
	if !ok || cueEnd == 0 {
		return
	}
	if s < cueEnd {
		sink.add("frame", "content-first", "")
		return
	}
	gap := text[cueEnd:min(s, cueEnd+200)]
	if strings.ContainsRune(gap, ':') {
		sink.add("frame", "colon", "")
	}
	var tmp [64]byte
	words := 0
	for i := 0; i < len(gap); {
		ws, we := nextWord(gap, i, len(gap))
		if ws >= len(gap) {
			break
		}
		i = we
		words++
		if w := lowerWord(tmp[:], gap[ws:we]); string(w) == "that" {
			sink.add("frame", "that", "")
		}
	}
	switch {
	case words == 0:
		sink.add("frame-gap", "0", "")
	case words <= 3:
		sink.add("frame-gap", "1-3", "")
	default:
		sink.add("frame-gap", "4+", "")
	}
}

// Feature kinds of the content's first words, by position.
var contentPositions = [...]string{"c0", "c1", "c2"}

// actContent gives the content's first three words, the lexicon words in
// its first maxContentWords words, the lexicon's phrases among them
// ("nothing to do with", "will retaliate"), negation, the first person,
// a future, a question mark, quotation marks and its length.
func actContent(text string, c Candidate, ra string, sink actSink, sc *actScratch, vocab map[string]string) {
	n, used := 0, 0
	quoted, question := false, false
	for ci, sp := range c.Content {
		s, e, ok := spanIn(text, sp)
		if !ok {
			continue
		}
		if ci == 0 {
			r, _ := utf8.DecodeRuneInString(text[s:])
			if punctKind(r) == "quote" {
				sink.add("content", "quoted", "")
			}
		}
		i := s
		for i < e && n < maxContentWords {
			ws, we := nextWord(text, i, e)
			if ws >= e {
				break
			}
			between := text[i:ws]
			quoted = quoted || strings.ContainsAny(between, "\"“”")
			question = question || strings.ContainsRune(between, '?')
			i = we
			raw := text[ws:we]
			w := lowerWord(sc.buf[used:], raw)
			if w == nil {
				n = maxContentWords
				break
			}
			word, known := canonical(vocab, w)
			if !known {
				used += len(w)
				word = unsafe.String(unsafe.SliceData(w), len(w))
			}
			sc.words[n] = word
			if n < len(contentPositions) {
				if known {
					sink.add(contentPositions[n], word, "")
				} else {
					sink.add(contentPositions[n], shape(raw), "")
				}
			}
			if known {
				sink.add("content-word", word, "")
				switch {
				case negators[word] || strings.HasSuffix(word, "n't"):
					if n < 5 {
						sink.add("content", "negated-early", "")
					}
					sink.add("content", "negated", "")
				case word == "we" || word == "i" || word == "our" || word == "us" || word == "my":
					sink.add("content", "first-person", "")
				case word == "will" || word == "would" || word == "shall" || strings.HasSuffix(word, "'ll"):
					sink.add("content", "future", "")
				}
			}
			n++
		}
		if n < maxContentWords {
			question = question || strings.ContainsRune(text[i:e], '?')
		}
	}
	if len(c.Content) > 0 {
		switch {
		case n <= 3:
			sink.add("content-length", "1-3", "")
		case n <= 12:
			sink.add("content-length", "4-12", "")
		default:
			sink.add("content-length", "13+", "")
		}
	}
	if quoted {
		sink.add("content", "has-quote", "")
	}
	if question {
		sink.add("content", "question", "")
	}
	actPhrases(sc.words[:n], ra, sink)
}

// actPhrases gives the kinds of the lexicon's phrases found in the words,
// and those at the very start.
func actPhrases(words []string, ra string, sink actSink) {
	names := phraseKindNames()
	for k, w := range words {
		try := func(list []phrase) {
			for _, p := range list {
				if len(p.words) > len(words)-k {
					continue
				}
				ok := true
				for j, pw := range p.words {
					if !wordMatches(words[k+j], pw) {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				kind := names[p.kind]
				sink.add("phrase", kind, "")
				sink.add("act-phrase", ra, kind)
				if k == 0 {
					sink.add("phrase-first", kind, "")
				}
			}
		}
		try(phrases.byFirst[w])
		if len(w) >= 3 {
			try(phrases.prefixed[w[:3]])
		}
		try(phrases.suffixed)
	}
}
