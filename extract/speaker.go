package extract

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"weak"

	"github.com/claimtrail/claimtrail/source"
)

// speakers resolves source texts to source IDs within one article: through
// the registry, back to earlier speakers for pronouns and descriptions, or
// to new candidate sources.
type speakers struct {
	reg *source.Registry
	// at is the article's publication time: an office ("the Kremlin
	// spokesman") is resolved to whoever held it then.
	at time.Time
	// added are the new sources proposed so far, and byKey finds them by
	// normalised name and by surname.
	added []source.Source
	byKey map[string]source.ID
	// recent are the speakers resolved so far, latest last: at least the
	// last carryBack of them, which are all carry reads.
	recent []heard
	// ids holds the IDs of the new sources, which must differ, with their
	// kinds; byNorm finds them by their normalised names, which must differ
	// too.
	ids    map[source.ID]source.Kind
	byNorm map[string]source.ID
	// cache holds names already resolved through the registry or as new
	// sources; pronouns and descriptions are not cached, as they depend on
	// who spoke last.
	cache map[string]resolved
	// heads finds a registry source by the last word of a name of two or
	// more words ("prosecutors" for "Munich prosecutors"), "" when two
	// sources share it; built when first needed, headsRead tells whether
	// it was. It depends on the registry alone, so a pooled extractor keeps
	// it from one article to the next while the registry stays the same:
	// headsOf is that registry, held weakly so that the pool keeps no
	// registry alive.
	heads     map[string]source.ID
	headsRead bool
	// staff finds the one registry source of a role under a body
	// (staffOf), "" when there are several; read with heads.
	staff   map[staffKey]source.ID
	headsOf weak.Pointer[source.Registry]
	// gender holds what the article has told of a person's: "he" or
	// "she" resolved to them, or "Mr" or "Ms" before their name.
	gender map[source.ID]byte
}

// resolved is a cached resolution.
type resolved struct {
	id    source.ID
	res   Resolution
	conf  float64
	heard heard
}

// heard is a speaker met earlier in the article.
type heard struct {
	id     source.ID
	words  []string // the lower-case words of the text that named it
	person bool
	org    bool
	// thing is true for papers and evidence ("documents that showed",
	// "intelligence that indicates"), which speak but are nobody a
	// pronoun refers to.
	thing bool
}

// reset empties the tables for a new article, keeping their space. The new
// sources of the last article belong to its Result and are not reused.
func (s *speakers) reset(reg *source.Registry, at time.Time) {
	s.reg, s.at, s.added = reg, at, nil
	if s.byKey == nil {
		s.byKey = make(map[string]source.ID)
		s.cache = make(map[string]resolved)
		s.ids = make(map[source.ID]source.Kind)
		s.byNorm = make(map[string]source.ID)
	}
	if reg != nil {
		if w := weak.Make(reg); w != s.headsOf {
			clear(s.heads)
			clear(s.staff)
			s.headsRead = false
			s.headsOf = w
		}
	}
	if s.gender == nil {
		s.gender = make(map[source.ID]byte)
	}
	clear(s.gender)
	clear(s.byNorm)
	clear(s.byKey)
	clear(s.cache)
	clear(s.ids)
	clear(s.recent[:cap(s.recent)])
	s.recent = s.recent[:0]
}

// resolve returns the source ID for a source text, how it was found, and a
// confidence adjustment: lower for a carried or unresolved pronoun. before
// is the text just before the source (at most mentionWindow bytes), where
// a description that refers to no earlier speaker may find whom it names
// ("The CEO of Cambridge Analytica has been suspended, the company said").
//
// fresh is the part of before that follows the latest speaker's source:
// "he" or "she" whose sentence, or the sentence before it, names a
// registry person there refers to that person rather than to the latest
// speaker ("Holmes is charged with fraud. She has pleaded not guilty").
//
// othersPaper marks a document someone other than its issuer took ("Harlow
// denied a statement saying C"): it refers to nobody earlier, and what it
// resolves to is not kept for the same text elsewhere, which may be a
// speaker's own paper ("a statement said").
func (s *speakers) resolve(text, before, fresh string, othersPaper bool) (source.ID, Resolution, float64) {
	// "the Harbour Agency (HA)" is the agency: the abbreviation after
	// its name names nobody else.
	if o := strings.LastIndex(text, " ("); o > 0 && strings.HasSuffix(text, ")") {
		text = text[:o]
	}
	if r, ok := s.cache[text]; ok {
		s.hear(r.heard)
		return r.id, r.res, r.conf
	}
	// A pronoun or a definite description refers back. A pronoun with
	// nobody to refer to is left unresolved, not proposed as a source.
	// Lower-casing keeps the number of runes, so a longer text is no
	// pronoun and need not be lower-cased: most texts are names.
	if p, rest, ok := strings.Cut(strings.TrimSpace(text), " "); ok && pronouns[strings.ToLower(p)] && !strings.Contains(rest, " ") && !isCapitalised(rest) && rest != "" && !relaySources[strings.ToLower(rest)] {
		// "It instead promised", "it ever maintained": a pronoun and an
		// adverb the subject took with it.
		text = p
	}
	if t := strings.TrimSpace(text); utf8.RuneCountInString(t) <= maxPronounRunes && (pronouns[strings.ToLower(t)] || ownerPronouns[strings.ToLower(t)] != "") {
		p := strings.ToLower(t)
		if o := ownerPronouns[p]; o != "" {
			p = o // "his allegations" are what "he" alleged
		}
		if id, ok := s.subjectBefore(p, fresh); ok {
			if g := pronounGender(p); g != 0 {
				s.gender[id] = g
			}
			k := s.kindOf(id)
			s.hear(heard{id: id, person: personKind(k), org: !personKind(k)})
			return id, ResolutionCarried, -0.05
		}
		if id, ok := s.carry(p); ok {
			if g := pronounGender(p); g != 0 {
				s.gender[id] = g
			}
			return id, ResolutionCarried, -0.05
		}
		return "", ResolutionUnresolved, -0.25
	}
	words, written := nameWords(text)
	low := lowerAll(words)
	if len(words) == 0 {
		return s.newSource(text, words, low, newNameKey(words), ""), ResolutionNew, -0.2
	}
	if id, ok := s.member(words, low); ok {
		return id, ResolutionCarried, -0.05
	}
	// A description that names its own speaker, by a capitalised word
	// or a registry name, refers to nobody earlier.
	head, ok := description(text, words, low)
	if !ok && paper(text, words, low) {
		head, ok = low[len(low)-1], true
	}
	if ok && othersPaper && documents[head] {
		ok = false
	}
	if ok && !s.inRegistry(text) {
		if id, ok := s.carry(head); ok {
			return id, ResolutionCarried, -0.05
		}
		if id, ok := s.mentioned(head, before); ok {
			s.remember(id, low, s.kindOf(id), words)
			return id, ResolutionCarried, -0.05
		}
	}
	if id, res, ok := s.national(words, low); ok && !s.inRegistry(text) {
		return id, res, -0.05
	}
	k := newNameKey(words)
	if id, res, ok := s.office(text, words, low, k); ok {
		h := s.remember(id, low, s.kindOf(id), words)
		if !othersPaper {
			s.cache[text] = resolved{id, res, 0, h}
		}
		return id, res, 0
	}
	id, parent, ok := s.lookup(text, words, written, low, k)
	if !ok {
		id, ok = s.byHead(low)
	}
	if !ok {
		id, ok = s.staffOf(words, low)
	}
	if !ok {
		id, ok = s.unnamedOf(text, words, low, parent)
	}
	if ok {
		res := ResolutionRegistry
		if s.isNew(id) {
			res = ResolutionNew // a new source named again: "Peskov" after "Dmitry Peskov"
		}
		h := s.remember(id, low, s.kindOf(id), words)
		if !othersPaper {
			s.cache[text] = resolved{id, res, 0, h}
		}
		return id, res, 0
	}
	id = s.newSource(text, words, low, k, parent)
	h := s.remember(id, low, source.KindUnknown, words)
	if !othersPaper {
		s.cache[text] = resolved{id, ResolutionNew, -0.05, h}
	}
	return id, ResolutionNew, -0.05
}

// lookup tries the registry with the whole name and then with shorter
// tails and capitalised runs of it: "White House national security
// spokesperson John Kirby" finds "John Kirby" or "Kirby". A run that only
// names a possessor ("Sarmatia's deputy trade minister") or follows a
// preposition ("embassy in Washington") is not the speaker; when the name
// is not found, such a possessor is returned as the parent of the new
// source it makes ("Sarmatia"). written are the words with their
// possessive endings, as nameWords gives them: the registry is asked for
// the words as written first, as Registry.Resolve would be asked for the
// text ("Russia's defence ministry"), then without the endings.
func (s *speakers) lookup(text string, words, written, low []string, k nameKey) (id, parent source.ID, ok bool) {
	try := func(i, j int) (source.ID, bool) {
		// A new source is found again by its name or a part of it that is
		// a name ("Peskov"), not by a common noun ("ministry").
		if i == 0 || isCapitalised(words[i]) {
			if id, ok := s.byKey[k.of(i, j)]; ok {
				return id, true
			}
		}
		if s.reg != nil {
			if written != nil && !slices.Equal(written[i:j], words[i:j]) {
				if src, ok := s.reg.Resolve(strings.Join(written[i:j], " ")); ok {
					return src.ID, true
				}
			}
			if src, ok := s.reg.Resolve(strings.Join(words[i:j], " ")); ok {
				return src.ID, true
			}
		}
		return "", false
	}
	for i := range words {
		if i > 1 && s.afterRole(words, low, i-1) {
			// "a spokesman for President Varga", "the head of the port
			// authority": a name after a person's role and a preposition
			// is whom the speaker works for, the parent the runs below
			// find.
			break
		}
		if id, ok := try(i, len(words)); ok {
			return id, "", true
		}
	}
	// fields counts the words as written, strings.Fields of text, when
	// a capitalised run first needs them; -1 until then.
	fields := -1
	head := low[len(low)-1]
	subEntity := subEntities[head] && !isCapitalised(words[len(words)-1])
	for i := 0; i < len(words); i++ {
		if !isCapitalised(words[i]) {
			continue
		}
		j := i
		for j < len(words) && isCapitalised(words[j]) {
			j++
		}
		if fields < 0 {
			fields = 0
			for range strings.FieldsSeq(text) {
				fields++
			}
		}
		// The run's last word as written, when the words are the text's
		// fields one for one; else as nameWords left it.
		last := words[j-1]
		if fields == len(words) {
			last = nthField(text, j-1)
		}
		possessor := strings.HasSuffix(last, "’s") || strings.HasSuffix(last, "'s")
		prep := i - 1
		if prep > 0 && low[prep] == "the" {
			prep-- // "the head of the Harbour Authority"
		}
		afterPrep := prep >= 0 && prepositions[low[prep]]
		if possessor && subEntity || afterPrep || j-i > 1 && orgWords[low[j-1]] && low[j-1] != "house" {
			// Not the speaker itself, but perhaps its parent:
			// "Sarmatia's deputy trade minister", "U.S. Army", "US
			// officials", "a spokesman for President Varga"; not the
			// place of "the embassy in Washington".
			mine := !afterPrep || s.worksFor(words, low, prep)
			for e := j; e > i && parent == ""; e-- {
				if id, ok := try(i, e); ok && mine {
					parent = id
				}
			}
		} else if id, ok := try(i, j); ok {
			if !subEntity || j == len(words) {
				return id, "", true
			}
			parent = id // "US officials": officials of the US
		}
		i = j
	}
	return "", parent, false
}

// worksFor reports whether the preposition at word p follows a person's
// role in lower case and names whom the person works for: "a spokesman
// for", "the head of", "an analyst at", "officials from".
func (s *speakers) worksFor(words, low []string, p int) bool {
	switch low[p] {
	case "for", "of", "at", "from":
		return s.afterRole(words, low, p)
	}
	return false
}

// afterRole reports whether the preposition at word p follows a person's
// role in lower case: "a spokesman for", "two diplomats in". A name after
// it is not the speaker.
func (s *speakers) afterRole(words, low []string, p int) bool {
	if p < 1 || !prepositions[low[p]] || isCapitalised(words[p-1]) {
		return false
	}
	r := low[p-1]
	return personRoles[r] || unnamedWords[r] || r == "head"
}

// nthField returns strings.Fields(text)[n] without splitting the rest.
func nthField(text string, n int) string {
	for f := range strings.FieldsSeq(text) {
		if n == 0 {
			return f
		}
		n--
	}
	return ""
}

// member resolves a speaker counted out of a group ("one US official",
// "two other officials", "one of the officials") to the group: the
// registry's "US officials", or the latest earlier speaker named by the
// same plural ("officials") when the registry knows it. A group the
// article alone names ("three security officials") keeps its members
// apart, as annotators do. It reports false for any other text.
func (s *speakers) member(words, low []string) (source.ID, bool) {
	if n := len(low); s.reg != nil && n >= 2 && unnamedWords[low[n-1]] && !strings.HasSuffix(low[n-1], "s") && isCapitalised(words[0]) {
		// "the US defence official" after "US defence officials": one
		// of the group the registry knows.
		rest := append(slices.Clone(words[:n-1]), low[n-1]+"s")
		if src, ok := s.reg.Resolve(strings.Join(rest, " ")); ok {
			return src.ID, true
		}
	}
	if len(low) < 2 || !quantifiers[low[0]] {
		return "", false
	}
	i := 1
	if low[i] == "of" && i+1 < len(low) {
		i++
		if low[i] == "the" || possessives[low[i]] {
			i++
		}
	}
	for i < len(low)-1 && (low[i] == "other" || low[i] == "senior") {
		i++
	}
	head := low[len(low)-1]
	if i >= len(low) || !unnamedWords[head] {
		return "", false
	}
	plural := head
	if !strings.HasSuffix(head, "s") {
		plural = head + "s"
	}
	if s.reg != nil {
		rest := append(slices.Clone(words[i:len(words)-1]), plural)
		if src, ok := s.reg.Resolve(strings.Join(rest, " ")); ok {
			return src.ID, true
		}
	}
	if id, ok := s.carry(plural); ok && !s.isNew(id) {
		return id, true
	}
	return "", false
}

// office resolves a speaker named by title ("Britain's foreign secretary",
// "the Kremlin spokesman") through the registry's offices, to whoever held
// the office when the article appeared. An office the registry knows but
// nobody held then is proposed as a new source of its own, under the
// organisation. A name that also names its holder ("the Kremlin spokesman
// Dmitry Peskov") is left to the registry's names.
func (s *speakers) office(text string, words, low []string, k nameKey) (source.ID, Resolution, bool) {
	if s.reg == nil || len(words) < 2 {
		return "", 0, false
	}
	om, ok := s.reg.ResolveOffice(text, s.at)
	if !ok {
		return "", 0, false
	}
	if om.Holder != "" {
		return om.Holder, ResolutionRegistry, true
	}
	return s.newSource(text, words, low, k, om.Of), ResolutionNew, true
}

// isNew reports whether id is a source proposed in this article.
func (s *speakers) isNew(id source.ID) bool {
	_, ok := s.ids[id]
	return ok
}

// mentionWindow is how far before a description mentioned looks for whom
// it names, in bytes: about the sentence and the one before it.
const mentionWindow = 400

// mentionRun is the longest run of capitalised words mentioned tries as a
// name.
const mentionRun = 6

// mentioned returns the one registry source named in before that a
// description's head fits, by a word of its names ("the governor" for
// "Governor Anna Holm") or by its kind ("the company" for an
// organisation, "the ministry" for an agency): the source the text just
// spoke of, though nobody quoted it ("The CEO of Cambridge Analytica has
// been suspended by the firm's board, the company said"). When two
// sources there fit ("Acme Corp's shares fell after Borealis Ltd
// cancelled its order, the company said") the text does not say which, and
// it reports false. Work is bounded by mentionWindow: each run of
// capitalised words, and each part of it, is looked up once.
func (s *speakers) mentioned(head, before string) (source.ID, bool) {
	if s.reg == nil || before == "" {
		return "", false
	}
	if len(before) > mentionWindow {
		before = before[len(before)-mentionWindow:]
	}
	var found source.ID
	words := strings.Fields(before)
	for j := len(words); j > 0; {
		w := strings.Trim(words[j-1], `"“”‘’'(),.;:!?`)
		if !isCapitalised(w) {
			j--
			continue
		}
		i := j - 1
		for i > 0 && j-i < mentionRun && isCapitalised(strings.Trim(words[i-1], `"“”‘’'(`)) && !strings.ContainsAny(words[i-1], ",.;:!?)”") {
			i--
		}
	run:
		for a := i; a < j; a++ {
			for b := j; b > a; b-- {
				name := strings.Trim(strings.Join(words[a:b], " "), `"“”‘’'(),.;:!?`)
				name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
				src, ok := s.reg.Resolve(name)
				if !ok || !s.titled(src.ID, head) && !s.ofKind(src.ID, head) {
					continue
				}
				if found != "" && found != src.ID {
					return "", false
				}
				// The run's longest fitting name is the one it gives.
				found = src.ID
				break run
			}
		}
		j = i
	}
	return found, found != ""
}

// subjectBefore returns the registry person "he" or "she" (p) refers to
// in fresh, the text since the latest speaker's source: the first person
// named in the pronoun's own sentence before it, else in the sentence
// before, not known to be of the other gender. Work is bounded by
// mentionWindow, as mentioned's.
func (s *speakers) subjectBefore(p, fresh string) (source.ID, bool) {
	if s.reg == nil || fresh == "" || p != "he" && p != "she" {
		// "it" and "they" name a body, and the first body a sentence
		// names is as often its object ("called on Tavundi").
		return "", false
	}
	if len(fresh) > mentionWindow {
		fresh = fresh[len(fresh)-mentionWindow:]
	}
	fits := func(id source.ID) bool {
		g := s.gender[id]
		return personKind(s.kindOf(id)) && (g == 0 || g == pronounGender(p))
	}
	cut := sentenceStart(fresh)
	if id, ok := s.firstNamed(fresh[cut:], fits); ok {
		return id, true
	}
	if cut == 0 {
		return "", false
	}
	prev := fresh[:cut]
	return s.firstNamed(prev[sentenceStart(strings.TrimRight(prev, " \n")):], fits)
}

// sentenceStart returns where the last sentence of text starts: after the
// last full stop, question or exclamation mark followed by a space or a
// line break, or at 0.
func sentenceStart(text string) int {
	for i := len(text) - 2; i >= 0; i-- {
		if (text[i] == '.' || text[i] == '?' || text[i] == '!' || text[i] == '\n') && (text[i+1] == ' ' || text[i+1] == '\n') {
			return i + 1
		}
	}
	return 0
}

// firstNamed returns the registry source named as the subject of the
// sentence text, by a run of capitalised words (or a part of it, longest
// first) that starts among its first subjectWords words, if it fits: "Holmes
// is charged", "Canadian opposition leader Pierre Poilievre took", not
// "the killing of Nijjar".
func (s *speakers) firstNamed(text string, fits func(source.ID) bool) (source.ID, bool) {
	words := strings.Fields(text)
	for i := 0; i < len(words) && i < subjectWords; {
		if !isCapitalised(strings.Trim(words[i], `"“”‘’'(`)) {
			i++
			continue
		}
		j := i + 1
		for j < len(words) && j-i < mentionRun && isCapitalised(strings.Trim(words[j], `"“”‘’'(`)) && !strings.ContainsAny(words[j-1], ",.;:!?)”") {
			j++
		}
		if last := strings.TrimRight(words[j-1], `"”’),.;:!?`); strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") {
			// "Mr Berg's lawyers filed": the subject is the lawyers.
			i = j
			continue
		}
		for n := j - i; n > 0; n-- {
			for a := i; a+n <= j; a++ {
				name := strings.Trim(strings.Join(words[a:a+n], " "), `"“”‘’'(),.;:!?`)
				if src, ok := s.reg.Resolve(name); ok && fits(src.ID) {
					return src.ID, true
				}
			}
		}
		i = j
	}
	return "", false
}

// subjectWords is how far into its sentence firstNamed looks for a name
// to start, in words: a title or two may come before it.
const subjectWords = 4

// personKind reports whether a source of kind k is a person.
func personKind(k source.Kind) bool {
	return k == source.KindPerson || k == source.KindOfficial || k == source.KindSpokesperson
}

// ownerPronouns map a possessive pronoun before an attribution noun to the
// pronoun of its owner: "his allegations" are what "he" alleged.
var ownerPronouns = map[string]string{"his": "he", "her": "she", "its": "it", "their": "they"}

// carry returns the latest earlier speaker that a pronoun or the head of a
// description can refer to.
func (s *speakers) carry(head string) (source.ID, bool) {
	for i := len(s.recent) - 1; i >= 0 && i >= len(s.recent)-carryBack; i-- {
		h := s.recent[i]
		if h.thing && pronouns[head] {
			continue
		}
		switch head {
		case "he", "she", "i":
			// "she" after a man the article has called "he" or "Mr"
			// is someone else.
			if g := s.gender[h.id]; h.person && (g == 0 || pronounGender(head) == 0 || g == pronounGender(head)) {
				return h.id, true
			}

		case "it":
			if h.org {
				return h.id, true
			}
		case "they", "we":
			if !h.person {
				return h.id, true
			}
		default:
			if documents[head] {
				// "the statement said": the latest speaker issued it,
				// not a paper or evidence that spoke ("documents
				// showed").
				if h.thing {
					continue
				}
				return h.id, true
			}
			for _, w := range h.words {
				if w == head || strings.TrimSuffix(w, "'s") == head || sameRole(w, head) {
					if h.person && orgWords[head] {
						// "the ministry" after "foreign ministry
						// spokesman Zhao" is the ministry he speaks
						// for, when the registry knows it.
						if p, ok := s.parentTitled(h.id, head); ok {
							return p, true
						}
						break
					}
					return h.id, true
				}
			}
			if s.titled(h.id, head) {
				// "the governor" after "Diokno", whom the registry
				// knows as "BSP Governor Benjamin Diokno".
				return h.id, true
			}
			if s.ofKind(h.id, head) {
				// "the company" after "Cambridge Analytica", which the
				// registry has as an organisation.
				return h.id, true
			}
		}
	}
	return "", false
}

// national resolves what a nation's side issued or ran, named by its
// demonym ("The Chinese statement", "a highly anticipated German
// investigation"), to the latest body (not person) among the recent
// registry speakers whose ID, name or alias has a word starting as the
// demonym's stem ("chin" for "Chinese": "chinese-mfa"), or else to the
// country the registry resolves from it ("Germany"). Only one capitalised
// word, the demonym, may stand before the head. What it resolves to is the
// latest speaker after it: "the statement" that follows is the same.
func (s *speakers) national(words, low []string) (source.ID, Resolution, bool) {
	n := len(low)
	if s.reg == nil || n < 2 || !documents[low[n-1]] && !inquiries[low[n-1]] {
		return "", 0, false
	}
	demonym := ""
	for i, w := range words[:n-1] {
		if isCapitalised(w) {
			if demonym != "" {
				return "", 0, false
			}
			demonym = low[i]
		}
	}
	stem := demonymStem(demonym)
	if stem == "" {
		return "", 0, false
	}
	for i := len(s.recent) - 1; i >= 0 && i >= len(s.recent)-carryBack; i-- {
		if h := s.recent[i]; !h.person && !s.isNew(h.id) && s.namedFrom(h.id, stem) {
			s.hear(h)
			return h.id, ResolutionCarried, true
		}
	}
	for _, name := range [...]string{demonym + "y", stem + "a", stem + "ia", stem, stem + "e", stem + "ain"} {
		if src, ok := s.reg.Resolve(name); ok && strings.HasPrefix(strings.ToLower(src.Name), stem) {
			s.hear(heard{id: src.ID, words: low, org: true})
			return src.ID, ResolutionRegistry, true
		}
	}
	return "", 0, false
}

// demonymStem returns the stem of a nationality adjective, four letters or
// more, without its ending: "germ" for "german", "chin" for "chinese",
// "russ" for "russian"; "" for a word with no such ending.
func demonymStem(w string) string {
	for _, suf := range [...]string{"ian", "ese", "ish", "an", "i"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) >= 4 {
			return stem
		}
	}
	return ""
}

// namedFrom reports whether a source's ID, or its registry name or an
// alias, has a word that starts with stem.
func (s *speakers) namedFrom(id source.ID, stem string) bool {
	for _, w := range strings.Split(string(id), "-") {
		if strings.HasPrefix(w, stem) {
			return true
		}
	}
	src, ok := s.reg.Source(id)
	if !ok {
		return false
	}
	for _, name := range append([]string{src.Name}, src.Aliases...) {
		for w := range strings.FieldsSeq(name) {
			if len(w) >= len(stem) && strings.EqualFold(w[:len(stem)], stem) {
				return true
			}
		}
	}
	return false
}

// parentTitled returns the registry parent of a source when the
// registry names the parent with the word head: "chinese-foreign-ministry",
// also called "Foreign Ministry", for "the ministry".
func (s *speakers) parentTitled(id source.ID, head string) (source.ID, bool) {
	if s.reg == nil {
		return "", false
	}
	src, ok := s.reg.Source(id)
	if !ok || src.Parent == "" || !s.titled(src.Parent, head) {
		return "", false
	}
	return src.Parent, true
}

// titled reports whether the registry names a source by a title with the
// word head in it: its name or one of its aliases holds the word.
func (s *speakers) titled(id source.ID, head string) bool {
	if s.reg == nil {
		return false
	}
	src, ok := s.reg.Source(id)
	if !ok {
		return false
	}
	for _, name := range append([]string{src.Name}, src.Aliases...) {
		for w := range strings.FieldsSeq(name) {
			if strings.EqualFold(w, head) {
				return true
			}
		}
	}
	return false
}

// ofKind reports whether the registry has the source id as the kind of
// body the description head names: an organisation for "the company", an
// agency for "the agency", a government for "the government". A source
// the registry does not know is no kind.
func (s *speakers) ofKind(id source.ID, head string) bool {
	if s.reg == nil {
		return false
	}
	src, ok := s.reg.Source(id)
	if !ok {
		return false
	}
	return src.Kind == source.KindOrganisation && companyHeads[head] ||
		src.Kind == source.KindAgency && agencyHeads[head] ||
		src.Kind == source.KindGovernment && governmentHeads[head]
}

// pronounGender returns 'm' for "he", 'f' for "she", and 0 for any other
// word.
func pronounGender(p string) byte {
	switch p {
	case "he":
		return 'm'
	case "she":
		return 'f'
	}
	return 0
}

// sameRole reports whether two role nouns name the same role: "spokesman"
// and "spokesperson".
func sameRole(a, b string) bool {
	return strings.HasPrefix(a, "spokes") && strings.HasPrefix(b, "spokes")
}

// remember records a resolved speaker for later pronouns.
func (s *speakers) remember(id source.ID, low []string, kind source.Kind, words []string) heard {
	h := heard{id: id, words: low}
	h.thing = len(low) > 0 && evidenceWords[low[len(low)-1]]
	if len(low) > 1 {
		switch strings.TrimSuffix(low[0], ".") {
		case "mr":
			s.gender[id] = 'm'
		case "mrs", "ms", "miss":
			s.gender[id] = 'f'
		}
		for _, w := range low[:len(low)-1] {
			switch w {
			case "spokesman", "chairman", "congressman":
				s.gender[id] = 'm'
			case "spokeswoman", "chairwoman", "congresswoman":
				s.gender[id] = 'f'
			}
		}
	}
	switch kind {
	case source.KindPerson, source.KindOfficial, source.KindSpokesperson:
		h.person = true
	case source.KindGovernment, source.KindAgency, source.KindMilitary, source.KindStateMedia, source.KindMediaOutlet, source.KindOrganisation:
		h.org = true
	default:
		h.person = looksLikePerson(words, low)
		h.org = !h.person
	}
	s.hear(h)
	return h
}

// hear appends a speaker to recent. carry reads only the last carryBack,
// so recent keeps no more than maxRecent: a long text's speakers are not
// all kept to the end.
func (s *speakers) hear(h heard) {
	if len(s.recent) == maxRecent {
		n := copy(s.recent, s.recent[len(s.recent)-carryBack:])
		clear(s.recent[n:])
		s.recent = s.recent[:n]
	}
	s.recent = append(s.recent, h)
}

// carryBack is how many of the latest speakers a pronoun or description
// can refer to, and maxRecent how many recent holds before it drops all
// but those.
const (
	carryBack = 8
	maxRecent = 64
)

// kindOf returns a registry source's kind.
func (s *speakers) kindOf(id source.ID) source.Kind {
	if s.reg != nil {
		if src, ok := s.reg.Source(id); ok {
			return src.Kind
		}
	}
	return s.ids[id] // a new source's kind, or KindUnknown
}

// newSource proposes a source for a speaker the registry does not know, with
// parent as its parent, or returns the one already proposed under the same
// name or surname.
func (s *speakers) newSource(text string, words, low []string, k nameKey, parent source.ID) source.ID {
	key := k.of(0, len(words))
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(text))
	}
	if id, ok := s.byKey[key]; ok {
		return id
	}
	// Names a registry would take for one ("Al-Shabaab", "Al Shabaab") are
	// one source, so that the new sources load into a registry together.
	name := displayName(text)
	norm := normalize(name)
	if id, ok := s.byNorm[norm]; ok {
		s.byKey[key] = id
		return id
	}
	id := source.ID(slug(key))
	for n := 2; s.isNew(id); n++ {
		id = source.ID(slug(key) + "-" + strconv.Itoa(n)) // "Al-Shabaab" and "Al Shabaab"
	}
	s.byNorm[norm] = id
	person := looksLikePerson(words, low)
	src := source.Source{ID: id, Name: name, Kind: guessKind(low, person), Parent: parent}
	if isUnnamed(low, person) {
		src.Identity = source.IdentityUnnamed
	}
	if s.added == nil {
		// An article proposes a dozen or so sources: growing from one
		// copied each of them several times.
		s.added = make([]source.Source, 0, 16)
	}
	s.added = append(doubled(s.added), src)
	s.ids[id] = src.Kind
	s.byKey[key] = id
	// A person is later called by any part of their name: "Peskov" for
	// "Dmitry Peskov", "Hwang" for "Analyst Hwang Dae-sik".
	if person {
		start := len(words)
		for start > 0 && isCapitalised(words[start-1]) && !personRoles[low[start-1]] {
			start--
		}
		s.claim(k.of(start, len(words)), id)
		for i := start; i < len(words); i++ {
			s.claim(k.of(i, i+1), id)
		}
	}
	return id
}

// claim makes key find id, unless it finds another source already.
func (s *speakers) claim(key string, id source.ID) {
	if _, taken := s.byKey[key]; !taken && key != "" {
		s.byKey[key] = id
	}
}

// normalize is source.Normalize, with a path for ASCII names that does not
// decode runes or consult the fold table, which holds no ASCII letter:
// letters lower-cased, digits kept, spaces, hyphens, underscores and
// slashes one space apart, other marks dropped, and leading "the" words
// removed. TestNormalize holds it to source.Normalize.
func normalize(name string) string {
	var buf [64]byte
	b, space := buf[:0], false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return source.Normalize(name)
		case 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		case c == ' ' || '\t' <= c && c <= '\r' || c == '-' || c == '_' || c == '/':
			space = true
		}
	}
	for len(b) > 4 && string(b[:4]) == "the " {
		b = b[4:]
	}
	return string(b)
}

// maxPronounRunes is the length in runes of the longest pronoun, subject
// or possessive.
var maxPronounRunes = func() int {
	n := 0
	for p := range pronouns {
		n = max(n, utf8.RuneCountInString(p))
	}
	for p := range ownerPronouns {
		n = max(n, utf8.RuneCountInString(p))
	}
	return n
}()

// displayName is a source text as a name: without a leading article and
// surrounding punctuation.
func displayName(text string) string {
	text = strings.TrimSpace(text)
	for _, a := range []string{"the ", "The ", "a ", "A ", "an ", "An ", "both ", "Both "} {
		text = strings.TrimPrefix(text, a)
	}
	return strings.Trim(text, " ,;:")
}

// nameKey is a name in the form the speakers table is keyed by: lower-case
// words of letters, digits and hyphens, one space apart. Any run of words
// of the name is a substring of it, so looking one up costs no allocation.
type nameKey struct {
	full   string
	starts []int // where word i starts in full; starts[len(words)] is len(full)+1
}

func newNameKey(words []string) nameKey {
	size := len(words)
	for _, w := range words {
		size += len(w)
	}
	b := make([]byte, 0, size)
	starts := make([]int, len(words)+1)
	for i, w := range words {
		n := len(b)
		if n > 0 {
			b = append(b, ' ')
		}
		mark := len(b)
		for _, r := range w {
			if r < utf8.RuneSelf && r != '-' {
				// ASCII letters and digits as unicode classes them.
				switch {
				case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
					b = append(b, byte(r))
				case 'A' <= r && r <= 'Z':
					b = append(b, byte(r)+'a'-'A')
				}
				continue
			}
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' && len(b) > mark:
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
		}
		if len(b) == mark {
			b = b[:n] // nothing left of the word: no space for it either
		}
		starts[i] = mark
		if len(b) == n {
			starts[i] = n
		}
	}
	starts[len(words)] = len(b) + 1
	return nameKey{full: string(b), starts: starts}
}

// of returns the key of words [i, j).
func (k nameKey) of(i, j int) string {
	if i >= j || i >= len(k.starts) || j >= len(k.starts) {
		if i < j && j == len(k.starts)-1 && i < len(k.starts) {
			return strings.TrimSpace(k.full[min(k.starts[i], len(k.full)):])
		}
		return ""
	}
	start, end := k.starts[i], k.starts[j]-1
	if start >= end || end > len(k.full) {
		return ""
	}
	return strings.TrimSpace(k.full[start:end])
}

// nameWords returns the words of a source text without a leading
// determiner and without possessive endings (straight or curly "'s").
// When a word had such an ending, written holds the same words with their
// endings, as a registry alias may spell them ("Russia's defence
// ministry"); otherwise written is nil.
func nameWords(text string) (words, written []string) {
	words = make([]string, 0, strings.Count(text, " ")+1)
	lead := true
	for w := range strings.FieldsSeq(text) {
		if lead && (strings.EqualFold(w, "the") || strings.EqualFold(w, "both") || strings.EqualFold(w, "a") || strings.EqualFold(w, "an")) {
			continue
		}
		lead = false
		w = strings.TrimRight(w, ",.;:")
		bare := strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if bare == "" {
			continue
		}
		if bare != w && written == nil {
			written = append(make([]string, 0, cap(words)), words...)
		}
		words = append(words, bare)
		if written != nil {
			written = append(written, w)
		}
	}
	return words, written
}

func lowerAll(words []string) []string {
	// One string for all the words, sliced: one allocation, not one each.
	var b []byte
	ends := make([]int, len(words))
	for i, w := range words {
		b = appendLower(b, w)
		ends[i] = len(b)
	}
	all := string(b)
	out := make([]string, len(words))
	start := 0
	for i, e := range ends {
		out[i] = all[start:e]
		start = e
	}
	return out
}

// description reports whether a source text is a definite description that
// refers back ("the spokesman", "the ministry", "the country's foreign
// minister") and returns its head noun. words are the text's name words as
// written, low the same in lower case. A capitalised word before the head
// names the speaker ("the British defence ministry", "the Kremlin's
// spokesman"): such a text is not a description.
func description(text string, words, low []string) (string, bool) {
	if len(text) < 4 || !strings.EqualFold(text[:4], "the ") || len(low) > 3 {
		return "", false
	}
	head := low[len(low)-1]
	if !descriptions[head] {
		return "", false
	}
	for _, w := range words[:len(words)-1] {
		if isCapitalised(w) {
			return "", false
		}
	}
	return head, true
}

// paper reports whether text is an indefinite description of a document,
// in lower case: "A statement said", "a court statement said", "an
// assessment said". Like "the statement", it speaks for the latest speaker
// named, who issued it; a document is never a source of its own. "A
// report" is left out.
func paper(text string, words, low []string) bool {
	if len(low) == 0 || len(low) > 3 || !documents[low[len(low)-1]] || low[len(low)-1] == "report" {
		// "a report said" is most often another outlet's, not the
		// speaker's own.
		return false
	}
	if !strings.HasPrefix(strings.ToLower(text), "a ") && !strings.HasPrefix(strings.ToLower(text), "an ") {
		return false
	}
	for _, w := range words {
		if isCapitalised(w) {
			return false
		}
	}
	return true
}

// byHead resolves a bare plural of people ("Prosecutors", "the
// investigators") to the one registry source whose name or alias of two or
// more words ends in it ("Munich prosecutors"). The first call for a
// registry reads it once, linear in its names; later articles read with
// the same registry by the same pooled extractor reuse what it read.
func (s *speakers) byHead(low []string) (source.ID, bool) {
	if s.reg == nil || len(low) != 1 || !strings.HasSuffix(low[0], "s") || !unnamedWords[low[0]] && !relaySources[low[0]] {
		return "", false
	}
	s.readRegistry()
	id := s.heads[low[0]]
	return id, id != ""
}

// readRegistry fills heads and staff from the registry, once per registry,
// linear in its names.
func (s *speakers) readRegistry() {
	if s.headsRead {
		return
	}
	s.headsRead = true
	if s.heads == nil {
		s.heads = make(map[string]source.ID)
		s.staff = make(map[staffKey]source.ID)
	}
	for _, src := range s.reg.Sources() {
		for _, name := range append([]string{src.Name}, src.Aliases...) {
			i := strings.LastIndexByte(name, ' ')
			if i < 0 {
				continue
			}
			h := strings.ToLower(name[i+1:])
			if id, seen := s.heads[h]; seen && id != src.ID {
				s.heads[h] = ""
			} else {
				s.heads[h] = src.ID
			}
		}
		kind := src.Kind
		if kind == source.KindPerson {
			kind = source.KindOfficial
		}
		if src.Parent == "" || kind != source.KindSpokesperson && kind != source.KindOfficial {
			continue
		}
		k := staffKey{src.Parent, kind}
		if _, seen := s.staff[k]; seen {
			s.staff[k] = "" // two of a role: the role names neither
		} else {
			s.staff[k] = src.ID
		}
	}
}

// unnamedOf resolves one unnamed spokesperson or representative of a
// body, named by an indefinite role and the body ("a spokesman for
// Islamic Jihad", "a Corvane spokeswoman", "a representative of the port
// authority"), to the body when the registry knows it and no spokesperson
// of it (staffOf): the body speaks through whoever it sent. An unnamed
// official ("a senior official at the council") is someone of its own.
// parent is the body lookup found after a preposition or as a possessor,
// if any; else the registry is asked for the words before the role.
func (s *speakers) unnamedOf(text string, words, low []string, parent source.ID) (source.ID, bool) {
	if s.reg == nil || len(low) < 2 {
		return "", false
	}
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(text)), " ")
	if first != "a" && first != "an" && first != "one" {
		return "", false
	}
	r := -1
	for i, w := range low {
		if staffRoles[w] == source.KindSpokesperson || w == "representative" {
			r = i
			break
		}
	}
	if r < 0 {
		return "", false
	}
	for _, w := range words[r+1:] {
		if isCapitalised(w) && parent == "" {
			return "", false // "a spokesman, Ali Rabiei": a name
		}
	}
	body := parent
	for i := 0; i < r && body == ""; i++ {
		if src, ok := s.reg.Resolve(strings.Join(words[i:r], " ")); ok {
			body = src.ID
		}
	}
	if k := s.kindOf(body); k == source.KindUnknown || k == source.KindPerson || k == source.KindOfficial || k == source.KindSpokesperson {
		// "a spokesman for President Varga" speaks for a person: a
		// source of its own under him.
		return "", false
	}
	return body, true
}

// staffOf resolves a person named by a role and the body the person
// serves ("a foreign ministry spokesman", "the head of the electoral
// council") to the one registry source with that role under that body: a
// spokesperson for "spokesman", "spokeswoman" or "spokesperson", an
// official or person for "head", "chief", "chairman", "president",
// "director" or "leader". The body is what the registry resolves from the
// words before the role, or after its "of" or "for". It reports false when
// the registry knows none or several, or a capitalised word follows the
// role (a name, which the registry lookup reads). The first call for a
// registry reads it once, as byHead does.
func (s *speakers) staffOf(words, low []string) (source.ID, bool) {
	if s.reg == nil || len(low) < 2 {
		return "", false
	}
	r := -1
	for i, w := range low {
		if staffRoles[w] != source.KindUnknown {
			r = i
			break
		}
	}
	if r < 0 {
		return "", false
	}
	var body []string
	switch {
	case r == len(low)-1:
		body = words[:r]
	case r+2 < len(low) && (low[r+1] == "of" || low[r+1] == "for"):
		body = words[r+2:]
	default:
		return "", false
	}
	for len(body) > 0 && determiners[strings.ToLower(body[0])] {
		body = body[1:]
	}
	if len(body) == 0 {
		return "", false
	}
	org, ok := s.reg.Resolve(strings.Join(body, " "))
	if !ok {
		return "", false
	}
	s.readRegistry()
	id := s.staff[staffKey{org.ID, staffRoles[low[r]]}]
	return id, id != ""
}

// staffKey finds the one registry source of a role under a body.
type staffKey struct {
	parent source.ID
	kind   source.Kind
}

// staffRoles give the kind of registry source a role word names.
var staffRoles = map[string]source.Kind{
	"spokesman": source.KindSpokesperson, "spokeswoman": source.KindSpokesperson, "spokesperson": source.KindSpokesperson,
	"head": source.KindOfficial, "chief": source.KindOfficial, "chairman": source.KindOfficial, "chairwoman": source.KindOfficial,
	"president": source.KindOfficial, "director": source.KindOfficial, "leader": source.KindOfficial,
}

// inRegistry reports whether the registry knows a source text as a name or
// alias.
func (s *speakers) inRegistry(text string) bool {
	if s.reg == nil {
		return false
	}
	_, ok := s.reg.Resolve(text)
	return ok
}

// looksLikePerson reports whether a name reads as a person's: it ends in two
// or more capitalised words that are not an organisation's.
func looksLikePerson(words, low []string) bool {
	n := 0
	for i := len(words) - 1; i >= 0 && isCapitalised(words[i]); i-- {
		if orgWords[low[i]] {
			return false
		}
		n++
	}
	if n == 0 {
		for _, w := range low {
			if personRoles[w] {
				return true
			}
		}
		return false
	}
	if n >= 2 {
		return true
	}
	// One capitalised word after a role: "spokesman Peskov".
	return len(words) >= 2 && personRoles[low[len(low)-2]]
}

func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// isUnnamed reports whether a source withholds identity: "officials", "a
// source familiar with the matter", but not "Kremlin officials named".
func isUnnamed(low []string, person bool) bool {
	if person {
		return false
	}
	for _, w := range low {
		if unnamedWords[w] {
			return true
		}
	}
	return false
}

// guessKind guesses a new source's kind from its lower-case words and
// whether they name a person.
func guessKind(low []string, person bool) source.Kind {
	for i := len(low) - 1; i >= 0; i-- {
		w := low[i]
		switch {
		case strings.HasPrefix(w, "spokes"):
			return source.KindSpokesperson
		case mediaWords[w]:
			return source.KindMediaOutlet
		case w == "ministry" || w == "department" || w == "agency" || w == "office" || w == "intelligence" || w == "service":
			return source.KindAgency
		case w == "military" || w == "army" || w == "navy" || w == "command" || w == "forces":
			return source.KindMilitary
		case w == "government" || w == "administration" || w == "kremlin":
			return source.KindGovernment
		case experts[w]:
			return source.KindPerson
		case personRoles[w]:
			return source.KindOfficial
		}
	}
	if person {
		return source.KindPerson
	}
	return source.KindUnknown
}

// isKeyASCII reports whether a name key is plain ASCII letters and digits
// in words joined by single spaces, with no hyphen at either end of a word.
func isKeyASCII(key string) bool {
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case c == ' ' || c == '-':
			if i == 0 || i == len(key)-1 || key[i-1] == ' ' || key[i-1] == '-' || key[i+1] == ' ' || key[i+1] == '-' {
				return false
			}
		default:
			return false
		}
	}
	return key != ""
}

// slug turns a name key into a new source's ID: "john kirby" ->
// "new:john-kirby".
func slug(key string) string {
	if isKeyASCII(key) {
		// The usual case: "john kirby" has nothing to drop but spaces.
		b := make([]byte, 0, len("new:")+len(key))
		b = append(b, "new:"...)
		for i := 0; i < len(key); i++ {
			c := key[i]
			if c == ' ' {
				c = '-'
			}
			b = append(b, c)
		}
		return string(b)
	}
	b := make([]byte, 0, len("new:")+len(key))
	b = append(b, "new:"...)
	dash := false
	for _, r := range key {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = utf8.AppendRune(b, r)
			dash = false
			continue
		}
		if !dash && len(b) > len("new:") {
			b = append(b, '-')
			dash = true
		}
	}
	if dash {
		b = b[:len(b)-1]
	}
	return string(b)
}
