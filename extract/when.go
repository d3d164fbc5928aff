package extract

import (
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
)

// dater dates the attributions of one Extract call: it resolves time
// phrases against the publication time, remembering each phrase of the
// call and each phrase of the sentence being read.
type dater struct {
	published time.Time
	// phrases holds the time phrases resolved so far in the call, by
	// their text.
	phrases map[string]phraseDate
	// memo holds the sentence's time phrases resolved so far.
	memo []dateMemo
}

// reset readies the dater for a call with the publication time.
func (d *dater) reset(published time.Time) {
	d.published, d.memo = published, d.memo[:0]
	if d.phrases == nil {
		d.phrases = make(map[string]phraseDate)
	}
	clear(d.phrases)
}

// release drops the phrases of the call, so that a pooled extractor keeps
// no article alive.
func (d *dater) release() {
	d.published = time.Time{}
	clear(d.phrases)
	d.memo = d.memo[:0]
}

// next readies the dater for the next sentence.
func (d *dater) next() { d.memo = d.memo[:0] }

// saidDate returns when the attribution f of sentence s was made, from the
// first time phrase of the sentence outside its content and quotations that
// belongs to its clause: "said on Tuesday", "Last year, the US accused",
// "on Sept. 13 the ministry denied". A phrase nearer the cue of another
// speaker's attribution of the sentence, outside that one's content, is
// that one's: in "The ministry denied the report, KCNA said on Tuesday",
// Tuesday is when KCNA spoke, not the ministry. all is the sentence's
// attributions. It is the zero Date when there is none or it does not
// resolve against the publication time.
func (d *dater) saidDate(s *sentence, f found, all []found) claim.Date {
	if f.source.empty() {
		// "is said to", "reportedly": nobody is said to have spoken, so
		// nothing dates the speaking; the sentence's time phrases date
		// what happened.
		return claim.Date{}
	}
	cue := s.tokenAt(f.cue.start)
	for k := s.lo; k <= s.last; k++ {
		if s.inq[k] || s.lex[k]&lexTime == 0 || s.inContent(f.content, k) {
			continue
		}
		n := s.timeAt(k)
		if n == 0 {
			continue
		}
		if w := s.word(k); n == 1 && w != "yesterday" && w != "today" && !timeNouns[w] && !weekdayPossessives[w] {
			continue // "also", "earlier": not a date
		}
		end := min(k+n-1, s.last)
		if s.anotherClause(k, end, f, all) || s.dateline(k, end) || s.elsewhere(k, end, cue) {
			k = end
			continue
		}
		first := k
		if (s.is(k, "early") || s.is(k, "late")) && end > k && timeNouns[s.word(k+1)] {
			first++ // "said early Tuesday" is Tuesday
		}
		if partsOfDay[strings.TrimSuffix(s.word(end), "'s")] && end > first {
			end-- // "on Monday evening" is Monday
		}
		// A statement is not made after the article reports it: "next
		// month" is when something will happen.
		if date, ok := d.resolve(s, first, end); ok && !date.Start().After(d.published.Add(14*time.Hour)) {
			return date
		}
		k = max(k, end)
	}
	return claim.Date{}
}

// anotherClause reports whether the time phrase of tokens [k, end] is
// nearer the cue of an attribution of all than f's cue, outside that one's
// content, and that attribution is a clause of another speaker: the phrase
// then dates that one. Only a reporting verb with a named source that is
// not f's competes: not a participle ("..., urging"), which shares its main
// clause's speaker, nor a noun or a verb inside another noun phrase ("the
// allegation", "a report alleging"), nor a pronoun ("he said"), which is
// most often the speaker named before; and a pronoun's own clause is not
// taken from it.
func (s *sentence) anotherClause(k, end int, f found, all []found) bool {
	if s.pronounSource(f.source) {
		return false
	}
	mine := s.cueDistance(k, end, f.cue)
	for _, g := range all {
		if g.cue == f.cue || g.participle || g.embedded || g.source.empty() || g.source == f.source ||
			g.form == FormNoun || g.form == FormAgentless || s.pronounSource(g.source) || s.inContent(g.content, k) {
			continue
		}
		if s.cueDistance(k, end, g.cue) < mine {
			return true
		}
	}
	return false
}

// elsewhere reports whether the time phrase of tokens [k, end] dates
// something other than the statement whose cue is token cue: a phrase in a
// relative clause set off by a comma that the cue is not in ("disputed the
// reports, which began in February, and said"), or a phrase before a cue
// that "later" or "subsequently" moves on from ("announced in January ...,
// but later stated").
func (s *sentence) elsewhere(k, end, cue int) bool {
	for j := k - 1; j > s.lo; j-- {
		if s.comma(j) || s.toks[j].kind == tokQuote {
			break
		}
		if w := s.word(j); (w == "which" || w == "who") && s.comma(j-1) {
			// The clause runs to the next comma, or to the sentence's end.
			e := end + 1
			for e < s.last && !s.comma(e) {
				e++
			}
			if cue < j || cue > e {
				return true
			}
			break
		}
	}
	if end >= cue {
		return false
	}
	for j := cue - 1; j > end && j >= cue-3; j-- {
		switch s.word(j) {
		case "later", "subsequently", "afterwards":
			return true
		}
		if !auxiliaries[s.word(j)] {
			break
		}
	}
	return false
}

// dateline reports whether the time phrase of tokens [k, end] is a
// dateline's, "UNITED NATIONS, Dec. 4 — Members of the council ..." or
// "BEIJING, March 2 (AFP) - ...": only
// capitalised words and commas before it in the sentence, and a dash
// after it. It dates the dispatch, not what is said in it.
func (s *sentence) dateline(k, end int) bool {
	if s.punct(end+1, '(') {
		// "March 2 (AFP) -": the agency in brackets before the dash.
		for end++; end < s.last && !s.punct(end, ')'); end++ {
		}
	}
	if end+1 >= s.hi || s.toks[end+1].kind != tokPunct {
		return false
	}
	if r, _ := decode(s.text, s.toks[end+1].start); r != '—' && r != '–' && r != '-' {
		return false
	}
	for j := s.lo; j < k; j++ {
		if (s.toks[j].kind != tokWord || !s.toks[j].is(flagUpper)) && !s.comma(j) {
			return false
		}
	}
	return true
}

// pronounSource reports whether a source is a single pronoun: "he", "it".
func (s *sentence) pronounSource(src span) bool {
	k := s.tokenAt(src.start)
	return k < s.hi && s.toks[k].end == src.end && pronouns[s.word(k)]
}

// cueDistance returns how many tokens lie between the tokens [k, end] and
// a cue, 0 when they overlap.
func (s *sentence) cueDistance(k, end int, cue span) int {
	a := s.tokenAt(cue.start)
	b := a
	for b+1 < s.hi && s.toks[b+1].end <= cue.end {
		b++
	}
	switch {
	case end < a:
		return a - end
	case k > b:
		return k - b
	}
	return 0
}

// inContent reports whether token k lies in one of the content spans.
func (s *sentence) inContent(content []span, k int) bool {
	t := s.toks[k]
	for _, c := range content {
		if t.start >= c.start && t.end <= c.end {
			return true
		}
	}
	return false
}

// dateMemo is a time phrase of the sentence already resolved.
type dateMemo struct {
	k, end int
	date   claim.Date
	ok     bool
}

// resolve resolves the time phrase of tokens [k, end] of sentence s
// against the publication time, once per sentence: the attributions of one
// sentence share its phrases.
func (d *dater) resolve(s *sentence, k, end int) (claim.Date, bool) {
	for _, m := range d.memo {
		if m.k == k && m.end == end {
			return m.date, m.ok
		}
	}
	phrase := s.text[s.toks[k].start:s.toks[end].end]
	// "Tuesday's" and "Monday evening’s" are Tuesday and Monday evening.
	if n := len(phrase); n > 2 && phrase[n-2:] == "'s" {
		phrase = phrase[:n-2]
	} else if n > 4 && phrase[n-4:] == "’s" {
		phrase = phrase[:n-4]
	}
	r, ok := d.phrases[phrase]
	if !ok {
		// ParseEnglishDate is pure in the phrase and ref, and ref is the same for
		// the whole call; a failed resolution builds errors that cost far
		// more than the lookup, and "on Monday" recurs all through an
		// article.
		date, err := claim.ParseEnglishDate(phrase, d.published)
		r = phraseDate{date, err == nil}
		if len(d.phrases) < maxPhraseDates {
			d.phrases[phrase] = r
		}
	}
	d.memo = append(d.memo, dateMemo{k, end, r.date, r.ok})
	return r.date, r.ok
}

// phraseDate is a time phrase's resolution against the publication time.
type phraseDate struct {
	date claim.Date
	ok   bool
}

// maxPhraseDates bounds the extractor's table of resolved time phrases, so
// that text of many distinct phrases does not grow it without end.
const maxPhraseDates = 1024

// timeEndingAt returns where a time phrase ending at token j starts ("on
// Tuesday", "on Sept. 13", "last week"), or -1.
func (s *sentence) timeEndingAt(j int) int {
	for k := max(s.lo, j-5); k < j; k++ {
		// timeAt is 0 for a word with no time flag: test that before
		// the map.
		if s.timeWord(k) && timeOpeners[s.word(k)] && s.timeAt(k) == j-k+1 {
			return k
		}
	}
	return -1
}

// timeWord reports whether token k can start a time phrase, by the
// sentence's lexicon flags.
func (s *sentence) timeWord(k int) bool {
	return k >= s.lo && k < s.hi && s.lex[k]&lexTime != 0
}

// skipTime skips a time phrase: "on Tuesday", "on Sept. 13", "last week",
// "yesterday", with a comma after it.
func (s *sentence) skipTime(i int) int {
	for range 4 {
		n := s.timeAt(i)
		if n == 0 {
			return i
		}
		i += n
		if s.comma(i) && (i+1 > s.last || !s.is(i+1, "that")) {
			// "said on Tuesday, adding" keeps the comma for the caller.
			return i
		}
	}
	return i
}

// timeAt returns the number of tokens of a time phrase starting at token i,
// or 0.
func (s *sentence) timeAt(i int) int {
	if !s.timeWord(i) {
		return 0
	}
	w := s.word(i)
	switch {
	case timeAdverbs[w]:
		return 1
	case w == "at":
		// "at 3 p.m.", "at 0900 GMT": a time of day, no date.
		if k := i + 1; k <= s.last && s.toks[k].is(flagNumber) {
			k++
			if clockWords[s.word(k)] {
				k++
			}
			return k - i
		}
	case timePrepositions[w]:
		k := i + 1
		if s.is(k, "early") || s.is(k, "late") {
			k++
		}
		n := s.dateWords(k)
		if n > 0 {
			return k - i + n
		}
		if timeUnits[s.word(k)] {
			return k - i + 1
		}
	}
	if n := s.dateWords(i); n > 0 {
		return n
	}
	return 0
}

// dateWords returns the tokens of a weekday or date at i: "Tuesday",
// "Sept. 13", "Wednesday, Sept. 13, 2023", "2018".
func (s *sentence) dateWords(i int) int {
	w := s.word(i)
	k := i
	if !s.timeWord(i) && (i > s.last || i < s.lo || !s.toks[i].is(flagNumber)) {
		return 0
	}
	if weekdayPossessives[w] {
		return s.atSpeech(i, i+1) // "at Tuesday's briefing"
	}
	if weekdays[w] {
		k++
		if s.comma(k) && monthNames[s.word(k+1)] {
			k++
		} else {
			if p := s.word(k); partsOfDay[p] {
				k++ // "Monday evening"
			} else if strings.HasSuffix(p, "'s") && partsOfDay[p[:len(p)-2]] {
				return s.atSpeech(i, k+1) // "Monday evening's speech"
			}
			return k - i
		}
		w = s.word(k)
	}
	if s.toks[i].is(flagNumber) && s.toks[i].end-s.toks[i].start <= 2 && monthNames[s.word(i+1)] && s.word(i+1) != "may" {
		// "on 19 July", "19 July 2021"
		k = i + 2
		if k <= s.last && s.toks[k].is(flagNumber) && s.toks[k].end-s.toks[k].start == 4 {
			k++
		}
		return k - i
	}
	if monthNames[w] && (w != "may" || s.mayIsMonth(k)) {
		k++
		if k <= s.last && s.toks[k].is(flagNumber) {
			k++
			if s.comma(k) && k+1 <= s.last && s.toks[k+1].is(flagNumber) && s.toks[k+1].end-s.toks[k+1].start == 4 {
				k += 2
			}
		}
		return k - i
	}
	if i <= s.last && s.toks[i].is(flagNumber) && s.toks[i].end-s.toks[i].start == 4 && k > s.lo && (s.is(i-1, "in")) {
		return 1
	}
	return 0
}

// atSpeech returns the tokens of a possessive time phrase, [i, next), when
// a speech event follows it within three words ("Tuesday's interview",
// "Wednesday's regular press briefing"), and 0 when it dates something
// else ("Wednesday's crash").
func (s *sentence) atSpeech(i, next int) int {
	for j := next; j < next+3 && j <= s.last && s.toks[j].kind == tokWord; j++ {
		if speechEvents[s.word(j)] {
			return next - i
		}
	}
	return 0
}

// mayIsMonth reports whether "May" at k is the month, not the modal or a
// name: capitalised, not after another capitalised word, and after a
// preposition or before a number.
func (s *sentence) mayIsMonth(k int) bool {
	if !s.toks[k].is(flagUpper) {
		return false
	}
	if k+1 <= s.last && s.toks[k+1].is(flagNumber) {
		return true
	}
	return monthPrepositions[s.word(k-1)]
}
