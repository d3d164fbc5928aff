package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/claim"
)

// cueClass is how a cue word attributes.
type cueClass uint8

const (
	cueVerb   cueClass = iota + 1 // a reporting verb: "said", "denied"
	cueNoun                       // an attribution noun: "the allegation", "a denial"
	cueAdj                        // an attitude adjective before "that": "concerned", "confident"
	cueAdverb                     // an agentless adverb: "reportedly", "allegedly"
)

// cueWord is what the lexicon knows about one word form.
type cueWord struct {
	act   claim.Act
	class cueClass
	// certainty is the certainty the word itself carries ("believed" is
	// probable), or CertaintyUnderspecified when the word is neutral.
	certainty claim.Certainty
	// tell marks verbs that take a recipient before their content: "told
	// reporters that".
	tell bool
	// ing marks a present participle, which after a comma takes the main
	// clause's subject as its source: "..., urging the country to".
	ing bool
	// base marks the base form ("say", "deny"), which is a finite verb
	// only after a plural subject, a modal or "to".
	base bool
	// lemma is the entry's first form: "say" for "said".
	lemma string
	// weak marks forms that are often not attributions ("claims", "report",
	// "called"), which need more evidence and get less confidence.
	weak bool
	// clause marks words that report speech only with what was said: a
	// that-clause, a clause or a quotation ("shouted that C", "“C,” she
	// whispered"), not an object ("shouted slogans", "hails from Lyon",
	// "welcomed the delegation").
	clause bool
	// takes lists the prepositional phrases that open the verb's
	// complement rather than a place or manner ("disagreed with the
	// findings", "ruled in favour of the plaintiffs").
	takes [][]string
}

// cues maps lower-case word forms to what they cue. It is built once from
// the cue sections of lexicon.txt and only read afterwards.
var cues = buildCues()

// Flags of a lexicon entry.
const (
	lexStarter     uint8 = 1 << iota // the word can start a cue
	lexTime                          // the word can start a time phrase
	lexPhrase                        // the word starts a phrase of the phrase table
	lexPossible                      // a hedge that makes a statement possible: "may", "could"
	lexProbable                      // a hedge that makes it probable: "likely", "suggests"
	lexDismissal                     // a word that dismisses what it describes: "fabrication"
	lexVerbForm                      // a finite reporting verb form: "said", "denies"
	lexNonResponse                   // a word nonResponse starts at, "be" aside: "declined", "did"
)

// lexEntry is what the matcher looks up once per word, and keeps for the
// word's token.
type lexEntry struct {
	cues    []cueWord
	phrases []phrase // the phrases the word starts: phrases.byFirst
	flags   uint8
	// relay marks a relay cue ("citing"), which the matcher reads once
	// the sentence's other attributions are found.
	relay bool
	// emphatic marks a word that may stand inside a phrase and leave it
	// the same phrase: "nothing whatsoever to do with".
	emphatic bool
	// untruth marks a word that dismisses a claim as what it is or is
	// called: "lies", "incorrect" (untruths).
	untruth bool
}

// lexicon joins starters, timeFirst and the first words of phrases, so
// that the matcher looks each word up once.
var lexicon = func() map[string]*lexEntry {
	m := make(map[string]lexEntry, len(starters)+len(timeFirst))
	for w, c := range starters {
		m[w] = lexEntry{cues: c, flags: lexStarter}
	}
	set := func(words map[string]bool, flag uint8) {
		for w := range words {
			e := m[w]
			e.flags |= flag
			m[w] = e
		}
	}
	set(timeFirst, lexTime)
	set(dismissals, lexDismissal)
	set(probables, lexProbable)
	set(possibles, lexPossible)
	// The words the cases of nonResponse start at, but for the forms of
	// "be", which isBe tells cheaply: it turns every other cue word away.
	set(refusals, lexNonResponse)
	set(negatableAux, lexNonResponse)
	set(noCommentVerbs, lexNonResponse)
	set(unableAux, lexNonResponse)
	set(map[string]bool{"responded": true, "replied": true}, lexNonResponse)
	for w := range relayCues {
		e := m[w]
		e.flags |= lexStarter
		e.relay = true
		m[w] = e
	}
	for w := range emphatics {
		e := m[w]
		e.emphatic = true
		m[w] = e
	}
	for w := range untruths {
		e := m[w]
		e.untruth = true
		m[w] = e
	}
	for w, ps := range phrases.byFirst {
		e := m[w]
		e.flags |= lexPhrase
		e.phrases = ps
		m[w] = e
	}
	for w := range cues {
		if isVerbForm(w) {
			e := m[w]
			e.flags |= lexVerbForm
			m[w] = e
		}
	}
	out := make(map[string]*lexEntry, len(m))
	for w, e := range m {
		out[w] = &e
	}
	return out
}()

// lexFilter marks the (length, first two letters) of the lexicon's plain
// lower-case ASCII words, so that most words are turned away without
// hashing: a word whose mark is not set is in no table.
var lexFilter = func() (f [maxFilterLen + 1][26 * 26]bool) {
	for w := range lexicon {
		if k, ok := filterKey(w); ok {
			f[len(w)][k] = true
		}
	}
	return f
}()

const maxFilterLen = 24

// filterKey indexes a word's first two letters when the word is lower-case
// ASCII and no longer than maxFilterLen; ok is false for any other word,
// which is then looked up in full.
func filterKey(w string) (int, bool) {
	if len(w) < 2 || len(w) > maxFilterLen {
		return 0, false
	}
	a, b := w[0], w[1]
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return 0, false
	}
	return int(a-'a')*26 + int(b-'a'), true
}

// lookup returns a word's lexicon entry, or nil when it has none.
func lookup(w string) *lexEntry {
	if k, ok := filterKey(w); ok && !lexFilter[len(w)][k] {
		return nil
	}
	return lexicon[w]
}

// starters maps every word that can start a cue to its entries in cues
// (none for the words that start only multi-word cues: "according", "it",
// "is", "declined", "did"), so that the matcher needs one lookup per word.
var starters = buildStarters()

func buildStarters() map[string][]cueWord {
	m := make(map[string][]cueWord, len(cues)+32)
	for w, e := range cues {
		m[w] = e
	}
	for w := range lex.class("multiWordStarters") {
		if _, ok := m[w]; !ok {
			m[w] = nil
		}
	}
	return m
}

// pastAsBase are verb forms that are both base and past ("cast"), read
// as past: they need no plural subject.
var pastAsBase = lex.class("pastAsBase")

// cueEntry is a line of a cue section of lexicon.txt.
type cueEntry struct {
	forms     string // "say says said saying": the last -ing form is a participle
	act       claim.Act
	certainty claim.Certainty
	tell      bool
	weak      bool
	clause    bool
	takes     [][]string
}

func buildCues() map[string][]cueWord {
	m := make(map[string][]cueWord)
	add := func(entries []cueEntry, class cueClass) {
		for _, e := range entries {
			for f := range strings.FieldsSeq(e.forms) {
				w := cueWord{act: e.act, class: class, certainty: e.certainty, tell: e.tell, weak: e.weak, clause: e.clause, takes: e.takes}
				w.ing = class == cueVerb && strings.HasSuffix(f, "ing")
				w.lemma, _, _ = strings.Cut(e.forms, " ")
				w.base = class == cueVerb && !w.ing && !strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ed") &&
					!irregularPast[f] && !pastAsBase[f]
				m[f] = append(m[f], w)
			}
		}
	}
	// The order of the sections is the order in which a word's readings
	// are tried: verb, noun, adjective, adverb.
	add(lex.verbs, cueVerb)
	add(lex.nouns, cueNoun)
	add(lex.adjs, cueAdj)
	add(lex.adverbs, cueAdverb)
	return m
}

// agentlessVerbs are the participles of "it is believed that" and "X is
// said to": who believes or says is not given.
var agentlessVerbs = func() map[string]claim.Act {
	m := make(map[string]claim.Act, len(lex.agentless))
	for _, e := range lex.agentless {
		m[e.word] = e.act
	}
	return m
}()

// agentlessCertainty is the certainty an agentless participle carries.
var agentlessCertainty = func() map[string]claim.Certainty {
	m := make(map[string]claim.Certainty)
	for _, e := range lex.agentless {
		if e.certainty != claim.CertaintyUnderspecified {
			m[e.word] = e.certainty
		}
	}
	return m
}()

// Words that sit between a subject and its verb.
var auxiliaries = lex.class("auxiliaries")

// clauseWords end a subject noun phrase going left: what stands before
// them belongs to another clause.
var clauseWords = lex.class("clauseWords")

// introWords open a sentence before its subject: "Last year, the US
// accused", "On Tuesday the spokesman said". They are trimmed off a subject.
var introWords = lex.class("introWords")

// pronouns are sources that refer back to a speaker already named.
var pronouns = lex.class("pronouns")

// descriptions are heads of definite descriptions that refer back to a
// speaker already named: "the spokesman", "the ministry".
var descriptions = lex.class("descriptions")

// subEntities head a possessive source that is not its possessor:
// "Sarmatia's deputy trade minister" is not Sarmatia.
var subEntities = lex.class("subEntities")

// mediaWords mark a source as news media, whose attributions relay others.
var mediaWords = lex.class("mediaWords")

// unnamedWords mark a source that withholds identity: "officials", "a
// source familiar with".
var unnamedWords = lex.class("unnamedWords")

// dismissals in a content make an assertion a denial: "called it a fake".
var dismissals = lex.class("dismissals")

// untruths dismiss a claim only as what it is or is called: "the
// accusation is “lies”", "this is completely incorrect".
var untruths = lex.class("untruths")

// emphatics stand inside a phrase and leave it the same phrase: "nothing
// whatsoever to do with".
var emphatics = lex.class("emphatics")

// possibles and probables are hedges that lower a statement's certainty.
var possibles = lex.class("possibles")

var probables = lex.class("probables")

// negations in a content turn an assertion negative only together with a
// dismissal; on their own they are part of what is said.
var sentenceStarters = lex.class("sentenceStarters")

// titleAbbrevs never end a sentence: "Gen. Kim", "Dec. 4".
var titleAbbrevs = lex.class("titleAbbrevs")

// lemmaOf returns the lemma of a verb form in the lexicon, or "".
func lemmaOf(w string) string {
	for _, e := range cues[w] {
		if e.class == cueVerb {
			return e.lemma
		}
	}
	return ""
}

// intensifiers stand between "expressed" and "concern".
var intensifiers = lex.class("intensifiers")

// speakerWords open a content whose subject is the speaker's own side:
// with "will" or "would" after them it is a pledge.
var speakerWords = lex.class("speakerWords")

// lightVerbs take an attribution noun as their object: "issued a warning".
var lightVerbs = lex.class("lightVerbs")

// issuingVerbs make their subject the author of the document they take as
// object ("issued a statement saying C"); issuingOutVerbs do so with "out"
// after them ("read out a statement saying C").
var (
	issuingVerbs    = lex.class("issuingVerbs")
	issuingOutVerbs = lex.class("issuingOutVerbs")
)

// prepositions end a noun phrase going left.
var prepositions = lex.class("prepositions")

// Kinds of phrase that, found in an assertion's content, change its act.
const (
	phraseDenial      uint16 = 1 << iota // "has never supplied", "no knowledge": a denial
	phraseThreat                         // "retaliate", "in kind": with "will", a threat
	phraseConcern                        // "concerned that": an expression of concern
	phraseNonAnswer                      // "not going to speculate": a refusal to answer
	phraseRetract                        // "should not have published": a retraction
	phraseUrge                           // "the need for", opening the content: an appeal
	phraseFuture                         // "will", "would": what is to be done
	phraseThreatIdiom                    // "all options are on the table": a threat as it stands
	phraseAccusation                     // "took bribes", "in breach of": wrongdoing asserted is an accusation
	phraseHarm                           // "shot down", "poisoned": an accusation when the content names who did it
	phraseObligation                     // "must", "should": of another party, an appeal
	phraseAdmission                      // "regrets", "apologised for": an admission
	phraseRejection                      // "will never accept", "we do not agree with": a rejection
	phrasePledge                         // "readiness to", "will not rest": a pledge
)

// phrases holds the phrases by kind; a word ending in "*" matches any word
// it starts. Case is ignored and apostrophes are straight.
var phrases = buildPhrases(lex.phrases)

// phrase is one entry of the phrase table.
type phrase struct {
	words []string
	kind  uint16
}

// phraseTable finds phrases by their first word.
type phraseTable struct {
	byFirst map[string][]phrase
	// prefixed holds the phrases whose first word ends in "*", by the
	// first three bytes of that word, so that a word looks at few of them.
	prefixed map[string][]phrase
	suffixed []phrase // phrases whose first word starts with "*"
	// lastBytes holds the last bytes of the suffixed phrases' first words,
	// so that most words skip that list; first3 marks the three-letter
	// keys of prefixed for ASCII letters, so that most words skip the map.
	lastBytes [256]bool
	first3    [26 * 26 * 26]bool
}

// hasPrefix reports whether some prefixed phrase may start w, by its first
// three letters.
func (t *phraseTable) hasPrefix(w string) bool {
	if k, ok := letters3(w); ok {
		return t.first3[k]
	}
	return len(t.prefixed[w[:3]]) > 0
}

// letters3 indexes the first three bytes of w when they are ASCII letters.
func letters3(w string) (int, bool) {
	k := 0
	for i := 0; i < 3; i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return 0, false
		}
		k = k*26 + int(c-'a')
	}
	return k, true
}

func buildPhrases(m map[uint16][]string) phraseTable {
	t := phraseTable{byFirst: make(map[string][]phrase), prefixed: make(map[string][]phrase)}
	for kind, list := range m {
		for _, p := range list {
			ph := phrase{words: strings.Fields(p), kind: kind}
			switch first := ph.words[0]; {
			case strings.HasSuffix(first, "*"):
				key := first[:min(3, len(first)-1)]
				t.prefixed[key] = append(t.prefixed[key], ph)
				if k, ok := letters3(key); ok && len(key) == 3 {
					t.first3[k] = true
				}
			case strings.HasPrefix(first, "*"):
				t.suffixed = append(t.suffixed, ph)
				t.lastBytes[first[len(first)-1]] = true
			default:
				t.byFirst[first] = append(t.byFirst[first], ph)
			}
		}
	}
	return t
}

// wordMatches reports whether a text word matches a phrase word.
func wordMatches(w, p string) bool {
	switch {
	case strings.HasSuffix(p, "*"):
		return strings.HasPrefix(w, p[:len(p)-1])
	case strings.HasPrefix(p, "*"):
		return strings.HasSuffix(w, p[1:])
	}
	return w == p
}

// ownBodies after "the" or a possessive name the speaker's side: "the
// company would", "his government will".
var ownBodies = lex.class("ownBodies")

// timeFirst holds the words a time phrase can start with, so that most
// words are turned away with one lookup.
var timeFirst = lex.class("timeFirst")

// timeNouns are one-word time phrases that name a date: weekdays and months.
var timeNouns = lex.class("timeNouns")

// weekdayPossessives ("Tuesday's") and speechEvents ("briefing"): a
// weekday's possessive dates a statement made at a speech event.
var (
	weekdayPossessives = lex.class("weekdayPossessives")
	speechEvents       = lex.class("speechEvents")
)

// placeAbbrevs name places and bodies, and so can end a sentence ("parts
// from the U.S. Kirby said"), unlike initials ("J.D. Harmon").
var placeAbbrevs = lex.class("placeAbbrevs")

// partsOfDay may follow a weekday in a time phrase: "on Monday evening".
var partsOfDay = lex.class("partsOfDay")

// pairNouns are plural nouns for parties a pair of names can stand for:
// "the local lenders".
var pairNouns = lex.class("pairNouns")

// quantifiers open a source noun phrase: "said one official", "said two
// diplomats".
var quantifiers = lex.class("quantifiers")

// Word classes the matcher's rules test words against, by name in
// lexicon.txt, which says what each is for.
var (
	concernObjects    = lex.class("concernObjects")
	doubtObjects      = lex.class("doubtObjects")
	stanceObjects     = lex.class("stanceObjects")
	baseFormOpeners   = lex.class("baseFormOpeners")
	continueForms     = lex.class("continueForms")
	timeAdverbs       = lex.class("timeAdverbs")
	timePrepositions  = lex.class("timePrepositions")
	timeOpeners       = lex.class("timeOpeners")
	timeUnits         = lex.class("timeUnits")
	clockWords        = lex.class("clockWords")
	monthPrepositions = lex.class("monthPrepositions")
	subordinators     = lex.class("subordinators")
	trailerVerbs      = lex.class("trailerVerbs")
	trailerEndVerbs   = lex.class("trailerEndVerbs")
	refusals          = lex.class("refusals")
	negatableAux      = lex.class("negatableAux")
	respondVerbs      = lex.class("respondVerbs")
	pleads            = lex.class("pleads")
	learnVerbs        = lex.class("learnVerbs")
	assumptionVerbs   = lex.class("assumptionVerbs")
	unableAux         = lex.class("unableAux")
	notAdverbs        = lex.class("notAdverbs")
	noCommentVerbs    = lex.class("noCommentVerbs")
	holdBack          = lex.class("holdBack")
	negators          = lex.class("negators")
	negModals         = lex.class("negModals")
	notObliged        = lex.class("notObliged")
	claimObjects      = lex.class("claimObjects")
	rejectObjects     = lex.class("rejectObjects")
	opinionObjects    = lex.class("opinionObjects")
	attributives      = lex.class("attributives")
	objectPronouns    = lex.class("objectPronouns")
	negSkips          = lex.class("negSkips")
	negationAffirms   = lex.class("negationAffirms")
	negUntil          = lex.class("negUntil")
	unknowns          = lex.class("unknowns")
	relativePronouns  = lex.class("relativePronouns")
	othersArticles    = lex.class("othersArticles")
	possessives       = lex.class("possessives")
	platforms         = lex.class("platforms")
	postedThings      = lex.class("postedThings")
	platformNouns     = lex.class("platformNouns")
)

var irregularPast = lex.class("irregularPast")

var adjectives = lex.class("adjectives")

var determiners = lex.class("determiners")

var copulas = lex.class("copulas")

// statementWords follow "in a": "said in a statement".
var statementWords = lex.class("statementWords")

// dismissedHeads, with claimObjects, are the nouns a dismissal before them
// calls untrue: "a false narrative", not "a false start".
var dismissedHeads = lex.class("dismissedHeads")

// doubtWords leave a wrongdoing later in their clause unaffirmed: "it is
// unlikely an adversary was behind it".
var doubtWords = lex.class("doubtWords")

// processNouns, next to a wrongdoing, name what an investigation or a
// prosecution is about: "a criminal investigation", "charges of fraud".
var processNouns = lex.class("processNouns")

// recipients are the usual people told: "told reporters".
var recipients = lex.class("recipients")

var weekdays = lex.class("weekdays")

var monthNames = lex.class("monthNames")

var orgWords = lex.class("orgWords")

// experts are people who speak for themselves, not for an office.
var experts = lex.class("experts")

// doers name a party by what it is, as the agent of harm: "saboteurs".
var doers = lex.class("doers")

var personRoles = lex.class("personRoles")

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "am", "'s":
		return true
	}
	return false
}

// isAdverb reports whether w is an adverb: by its -ly ending, or one of a
// few without it.
func isAdverb(w string) bool {
	if len(w) > 4 && strings.HasSuffix(w, "ly") {
		return !notAdverbs[w]
	}
	// A few adverbs without "-ly" stand between a subject and its verb:
	// "has almost seamlessly linked", "only denied".
	switch w {
	case "almost", "just", "only", "already":
		return true
	}
	return false
}

// isVerbForm reports whether w is a finite verb form in the lexicon, not a
// noun: "said", "denied", "warns".
func isVerbForm(w string) bool {
	for _, e := range cues[w] {
		if e.class == cueVerb && !e.ing {
			return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") || irregularPast[w]
		}
	}
	return false
}

// isAdjective reports whether w may stand between a possessive and its
// noun: "Moscow's repeated denials", "the ministry's latest statement".
func isAdjective(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "est") || adjectives[w]
}

// hasPossessive reports whether w ends in "'s" (after lower-casing, which
// straightens apostrophes).
func hasPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'")
}

// relayCues are the words that name a relayed statement's origin after a
// comma: "citing", "quoting".
var relayCues = lex.class("relayCues")

// relaySources head the noun phrase a relay cue names as a source.
var relaySources = lex.class("relaySources")

// spokesGroups speak for the bodies named after "for" or "of":
// "spokespeople for the agency and the ministry".
var spokesGroups = lex.class("spokesGroups")

// documents head a description of what a speaker issued: "the statement".
var documents = lex.class("documents")

// evidenceWords head a source that is a paper or evidence, not a person
// or a body: "documents that showed", "intelligence that indicates".
var evidenceWords = lex.class("evidenceWords")

// participleOpeners open a participle clause whose source is the main
// clause's: "while accusing", "after saying".
var participleOpeners = lex.class("participleOpeners")

// finiteAux are the finite forms of "be", "have" and the modals, which
// show that a clause has begun: "found the money was moved".
var finiteAux = lex.class("finiteAux")

// nounThenVerbs are verbs that often follow an attribution noun as its
// clause's subject and are no cue: "Moscow's reaction came a day later".
var nounThenVerbs = lex.class("nounThenVerbs")

// nounSwells are the verbs of a growing suspicion or fear before its
// "that" clause: "suspicions grew that C".
var nounSwells = lex.class("nounSwells")

// madeBy join an attribution noun to the party after "by": "the
// accusations made by the government".
var madeBy = lex.class("madeBy")

// aboutWords open what an attribution noun is about, after its source.
var aboutWords = lex.class("aboutWords")

// nounObjects open what an accusation noun with no source is about:
// "allegations of bribery", "accusations linking the firm to the fire".
var nounObjects = lex.class("nounObjects")

// companyHeads, agencyHeads and governmentHeads are descriptions that
// refer back to a recent speaker of the registry kind they name
// (organisation, agency, government), whatever its name says.
var (
	companyHeads    = lex.class("companyHeads")
	agencyHeads     = lex.class("agencyHeads")
	governmentHeads = lex.class("governmentHeads")
)

// silentVerbs, after "declined to" or "refused to", make a refusal to
// speak: "declined to comment", "refused to be named".
var silentVerbs = lex.class("silentVerbs")

// withholdVerbs, after "would not", "will not" or "could not", make a
// refusal to answer: "would not confirm the report", "could not say".
// modalNot are those modals.
var (
	withholdVerbs = lex.class("withholdVerbs")
	modalNot      = lex.class("modalNot")
)

// strongPast are irregular past tenses that end a noun phrase going right:
// "Harlow's denial of the payments came within hours".
var strongPast = lex.class("strongPast")

// inquiries head what a nation's side ran: "the German investigation".
var inquiries = lex.class("inquiries")

// noEvidence follow "found no" in a denial: "found no evidence that".
var noEvidence = lex.class("noEvidence")

// placePrepositions open a phrase of place, time or manner, which says
// nothing after a verb: "concluded with fireworks".
var placePrepositions = lex.class("placePrepositions")

// muteHeads head a subject that cannot speak: "The flood threatened".
var muteHeads = lex.class("muteHeads")
