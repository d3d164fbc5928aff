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
}

// cues maps lower-case word forms to what they cue. It is built once from
// the tables below and only read afterwards.
var cues = buildCues()

// Flags of a lexicon entry.
const (
	lexStarter   uint8 = 1 << iota // the word can start a cue
	lexTime                        // the word can start a time phrase
	lexPhrase                      // the word starts a phrase of the phrase table
	lexPossible                    // a hedge that makes a statement possible: "may", "could"
	lexProbable                    // a hedge that makes it probable: "likely", "suggests"
	lexDismissal                   // a word that dismisses what it describes: "fabrication"
	lexVerbForm                    // a finite reporting verb form: "said", "denies"
)

// lexEntry is what the matcher looks up once per word.
type lexEntry struct {
	cues  []cueWord
	flags uint8
}

// lexicon joins starters and timeFirst, so that the matcher looks each
// word up once.
var lexicon = func() map[string]lexEntry {
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
	for w := range phrases.byFirst {
		e := m[w]
		e.flags |= lexPhrase
		m[w] = e
	}
	for w := range cues {
		if isVerbForm(w) {
			e := m[w]
			e.flags |= lexVerbForm
			m[w] = e
		}
	}
	return m
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

// lexFlags returns a word's lexicon flags.
func lexFlags(w string) uint8 {
	if k, ok := filterKey(w); ok && !lexFilter[len(w)][k] {
		return 0
	}
	return lexicon[w].flags
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
	for _, w := range []string{
		"according", "it", "is", "are", "was", "were", "be", "been", "being", "am",
		"declined", "declines", "decline", "refused", "refuses", "did", "does", "has", "have", "had",
		"would", "will", "could", "can", "cannot", "couldn't", "responded", "replied",
		"pleaded", "pleads", "plead", "pled",
	} {
		if _, ok := m[w]; !ok {
			m[w] = nil
		}
	}
	return m
}

type cueEntry struct {
	forms     string // "say says said saying": the last -ing form is a participle
	act       claim.Act
	certainty claim.Certainty
	tell      bool
	weak      bool
}

var verbEntries = []cueEntry{
	{forms: "say says said saying", act: claim.ActAssert},
	{forms: "tell tells told telling", act: claim.ActAssert, tell: true},
	{forms: "inform informs informed informing", act: claim.ActAssert, tell: true},
	{forms: "assure assures assured assuring", act: claim.ActAssert, tell: true},
	{forms: "add adds added adding", act: claim.ActAssert},
	{forms: "note notes noted noting", act: claim.ActAssert},
	{forms: "stress stresses stressed stressing", act: claim.ActAssert},
	{forms: "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising", act: claim.ActAssert},
	{forms: "underscore underscores underscored underscoring", act: claim.ActAssert},
	{forms: "underline underlines underlined underlining", act: claim.ActAssert},
	{forms: "insist insists insisted insisting", act: claim.ActAssert},
	{forms: "argue argues argued arguing", act: claim.ActAssert},
	{forms: "contend contends contended contending", act: claim.ActAssert},
	{forms: "states stated stating", act: claim.ActAssert, weak: true}, // "state" is far more often a noun
	{forms: "testify testifies testified testifying", act: claim.ActAssert},
	{forms: "attribute attributes attributed attributing", act: claim.ActAccuse, weak: true},
	{forms: "link links linked linking", act: claim.ActAccuse, weak: true},
	{forms: "find finds found finding", act: claim.ActAssert, weak: true},
	{forms: "rule rules ruled ruling", act: claim.ActAssert, weak: true},
	{forms: "explain explains explained explaining", act: claim.ActAssert},
	{forms: "write writes wrote writing", act: claim.ActAssert, weak: true},
	{forms: "declare declares declared declaring", act: claim.ActAssert},
	{forms: "maintain maintains maintained maintaining", act: claim.ActAssert, weak: true},
	{forms: "reiterate reiterates reiterated reiterating", act: claim.ActAssert},
	{forms: "assert asserts asserted asserting", act: claim.ActAssert},
	{forms: "announce announces announced announcing", act: claim.ActAssert},
	{forms: "remark remarks remarked remarking", act: claim.ActAssert},
	{forms: "reply replies replied replying", act: claim.ActAssert},
	{forms: "respond responds responded responding", act: claim.ActAssert, weak: true},
	{forms: "counter counters countered countering", act: claim.ActAssert},
	{forms: "observe observes observed observing", act: claim.ActAssert, weak: true},
	{forms: "claim claims claimed claiming", act: claim.ActAssert, weak: true},
	{forms: "predict predicts predicted predicting", act: claim.ActAssert},
	{forms: "conclude concludes concluded concluding", act: claim.ActAssert, weak: true},
	{forms: "reveal reveals revealed revealing", act: claim.ActAssert, weak: true},
	{forms: "disclose discloses disclosed disclosing", act: claim.ActAssert, weak: true},
	{forms: "describe describes described describing", act: claim.ActAssert, weak: true},
	{forms: "believe believes believed believing", act: claim.ActAssert, certainty: claim.CertaintyProbable},
	{forms: "think thinks thought thinking", act: claim.ActAssert, certainty: claim.CertaintyProbable, weak: true},
	{forms: "assess assesses assessed assessing", act: claim.ActAssert, certainty: claim.CertaintyProbable},
	{forms: "estimate estimates estimated estimating", act: claim.ActAssert, certainty: claim.CertaintyProbable, weak: true},
	{forms: "suggest suggests suggested suggesting", act: claim.ActAssert, certainty: claim.CertaintyProbable},
	{forms: "indicate indicates indicated indicating", act: claim.ActAssert, certainty: claim.CertaintyProbable},
	{forms: "show shows showed showing", act: claim.ActAssert, weak: true},
	{forms: "accuse accuses accused accusing", act: claim.ActAccuse},
	{forms: "allege alleges alleged alleging", act: claim.ActAccuse},
	{forms: "blame blames blamed blaming", act: claim.ActAccuse},
	{forms: "condemn condemns condemned condemning", act: claim.ActAccuse},
	{forms: "denounce denounces denounced denouncing", act: claim.ActAccuse},
	{forms: "criticize criticizes criticized criticizing criticise criticises criticised criticising", act: claim.ActAccuse},
	{forms: "charge charges charged charging", act: claim.ActAccuse, weak: true},
	{forms: "deny denies denied denying", act: claim.ActDeny},
	{forms: "refute refutes refuted refuting", act: claim.ActDeny},
	{forms: "dismiss dismisses dismissed dismissing", act: claim.ActDeny},
	{forms: "reject rejects rejected rejecting", act: claim.ActReject},
	{forms: "rebuff rebuffs rebuffed rebuffing", act: claim.ActReject},
	{forms: "dispute disputes disputed disputing", act: claim.ActReject},
	{forms: "confirm confirms confirmed confirming", act: claim.ActConfirm},
	{forms: "verify verifies verified verifying", act: claim.ActConfirm},
	{forms: "corroborate corroborates corroborated corroborating", act: claim.ActConfirm},
	{forms: "admit admits admitted admitting", act: claim.ActAdmit},
	{forms: "acknowledge acknowledges acknowledged acknowledging", act: claim.ActAdmit},
	{forms: "concede concedes conceded conceding", act: claim.ActAdmit},
	{forms: "retract retracts retracted retracting", act: claim.ActRetract},
	{forms: "warn warns warned warning", act: claim.ActWarn},
	{forms: "caution cautions cautioned cautioning", act: claim.ActWarn},
	{forms: "threaten threatens threatened threatening", act: claim.ActThreaten},
	{forms: "urge urges urged urging", act: claim.ActUrge},
	{forms: "appeal appeals appealed appealing", act: claim.ActUrge},
	{forms: "demand demands demanded demanding", act: claim.ActUrge, weak: true},
	{forms: "implore implores implored imploring", act: claim.ActUrge},
	{forms: "encourage encourages encouraged encouraging", act: claim.ActUrge, weak: true},
	{forms: "ask asks asked asking", act: claim.ActUrge, weak: true},
	{forms: "pledge pledges pledged pledging", act: claim.ActPledge},
	{forms: "vow vows vowed vowing", act: claim.ActPledge},
	{forms: "promise promises promised promising", act: claim.ActPledge},
	{forms: "fear fears feared fearing", act: claim.ActConcern, certainty: claim.CertaintyPossible, weak: true},
	{forms: "question questions questioned questioning", act: claim.ActQuestion},
	{forms: "doubt doubts doubted doubting", act: claim.ActQuestion, weak: true},
	{forms: "report reports reported reporting", act: claim.ActReport},
	{forms: "call calls called calling", act: claim.ActUrge, weak: true},
	{forms: "express expresses expressed expressing", act: claim.ActAssert, weak: true},
	{forms: "voice voices voiced voicing", act: claim.ActConcern, weak: true},
	{forms: "raise raises raised raising", act: claim.ActConcern, weak: true},
	{forms: "cast casts casting", act: claim.ActQuestion},
	{forms: "oppose opposes opposed opposing", act: claim.ActReject, weak: true},
	{forms: "quote quotes quoted quoting", act: claim.ActReport, weak: true},
}

// nounEntries are attribution nouns: they cue an attribution when the text
// gives its content ("the allegation that ...") or its source ("Moscow's
// denial of ...").
var nounEntries = []cueEntry{
	{forms: "allegation allegations", act: claim.ActAccuse},
	{forms: "accusation accusations", act: claim.ActAccuse},
	{forms: "claim claims", act: claim.ActAssert},
	{forms: "assertion assertions", act: claim.ActAssert},
	{forms: "statement statements", act: claim.ActAssert},
	{forms: "assessment assessments", act: claim.ActAssert, certainty: claim.CertaintyProbable},
	{forms: "belief", act: claim.ActAssert, certainty: claim.CertaintyProbable},
	{forms: "denial denials", act: claim.ActDeny},
	{forms: "rejection", act: claim.ActReject},
	{forms: "confirmation", act: claim.ActConfirm},
	{forms: "admission", act: claim.ActAdmit},
	{forms: "acknowledgement acknowledgment", act: claim.ActAdmit},
	{forms: "retraction correction", act: claim.ActRetract},
	{forms: "warning warnings", act: claim.ActWarn},
	{forms: "threat threats", act: claim.ActThreaten},
	{forms: "appeal appeals", act: claim.ActUrge},
	{forms: "pledge pledges promise promises", act: claim.ActPledge},
	{forms: "concern concerns fears", act: claim.ActConcern, certainty: claim.CertaintyPossible},
	{forms: "report reports", act: claim.ActReport},
	{forms: "commitment commitments", act: claim.ActPledge},
	{forms: "call calls", act: claim.ActUrge},
	{forms: "demand demands", act: claim.ActUrge},
}

// adjEntries are attitude adjectives that cue an attribution before "that",
// "about" or "over": "remains concerned that".
var adjEntries = []cueEntry{
	{forms: "concerned worried alarmed", act: claim.ActConcern, certainty: claim.CertaintyPossible},
	{forms: "confident convinced certain sure adamant", act: claim.ActAssert},
	{forms: "committed determined", act: claim.ActPledge},
}

// adverbEntries are agentless cues: the statement is attributed to nobody.
var adverbEntries = []cueEntry{
	{forms: "reportedly", act: claim.ActAssert, certainty: claim.CertaintyProbable},
	{forms: "allegedly purportedly supposedly", act: claim.ActAccuse, certainty: claim.CertaintyProbable},
}

func buildCues() map[string][]cueWord {
	m := make(map[string][]cueWord)
	add := func(entries []cueEntry, class cueClass) {
		for _, e := range entries {
			for f := range strings.FieldsSeq(e.forms) {
				w := cueWord{act: e.act, class: class, certainty: e.certainty, tell: e.tell, weak: e.weak}
				w.ing = class == cueVerb && strings.HasSuffix(f, "ing")
				w.lemma, _, _ = strings.Cut(e.forms, " ")
				w.base = class == cueVerb && !w.ing && !strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ed") &&
					!irregularPast[f] && f != "cast"
				m[f] = append(m[f], w)
			}
		}
	}
	add(verbEntries, cueVerb)
	add(nounEntries, cueNoun)
	add(adjEntries, cueAdj)
	add(adverbEntries, cueAdverb)
	return m
}

// agentlessVerbs are the participles of "it is believed that" and "X is
// said to": who believes or says is not given.
var agentlessVerbs = map[string]claim.Act{
	"believed": claim.ActAssert, "thought": claim.ActAssert, "understood": claim.ActAssert,
	"said": claim.ActAssert, "reported": claim.ActAssert, "known": claim.ActAssert,
	"estimated": claim.ActAssert, "rumoured": claim.ActAssert,
	"rumored": claim.ActAssert, "feared": claim.ActConcern, "alleged": claim.ActAccuse,
	"claimed": claim.ActAccuse, "suspected": claim.ActAccuse,
}

// agentlessCertainty is the certainty an agentless participle carries.
var agentlessCertainty = map[string]claim.Certainty{
	"known": claim.CertaintyCertain, "feared": claim.CertaintyPossible,
}

// Words that sit between a subject and its verb.
var auxiliaries = setOf(
	"has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "am",
	"will", "would", "shall", "should", "may", "might", "can", "could", "must",
	"did", "does", "do", "not", "n't", "never", "also", "again", "repeatedly", "consistently",
	"previously", "later", "then", "now", "still", "already", "once", "publicly", "privately",
	"separately", "earlier", "first", "too", "flatly", "swiftly", "quickly", "reportedly",
	"allegedly", "angrily", "strongly", "firmly", "vehemently", "categorically", "initially",
	"subsequently", "openly", "explicitly", "in", "turn", "even", "just", "recently", "long",
	"similarly", "likewise", "further",
)

// clauseWords end a subject noun phrase going left: what stands before
// them belongs to another clause.
var clauseWords = setOf(
	"that", "which", "who", "whom", "whose", "when", "while", "whilst", "because", "if",
	"as", "after", "before", "since", "although", "though", "but", "where", "whether",
	"despite", "unless", "until", "so", "than", "said", "says", "told", "and", "or", "nor",
	"amid", "amidst", "following", "during", "by", "because", "once", "how", "what", "why",
	"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
	"did", "does", "do", "may", "might", "should", "must", "been", "being", "according",
)

// introWords open a sentence before its subject: "Last year, the US
// accused", "On Tuesday the spokesman said". They are trimmed off a subject.
var introWords = setOf(
	"on", "in", "at", "last", "this", "next", "earlier", "later", "meanwhile", "however",
	"but", "and", "yet", "so", "then", "now", "today", "yesterday", "tonight", "separately",
	"instead", "also", "still", "year", "month", "week", "morning", "afternoon", "evening",
	"night", "day", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.",
	"aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "speaking", "asked", "when", "late",
	"early", "previously", "overnight",
)

// pronouns are sources that refer back to a speaker already named.
var pronouns = setOf("he", "she", "they", "it", "we", "i")

// descriptions are heads of definite descriptions that refer back to a
// speaker already named: "the spokesman", "the ministry".
var descriptions = setOf(
	"spokesman", "spokeswoman", "spokesperson", "minister", "ministry", "official",
	"president", "leader", "agency", "department", "diplomat", "envoy", "ambassador",
	"general", "commander", "chief", "secretary", "senator", "lawmaker", "analyst",
	"government", "administration", "military", "army", "office", "kremlin", "embassy",
	"prime", "premier", "director", "head", "statement", "source", "officer", "company",
	"council", "committee", "commission", "organisation", "organization", "union", "alliance",
	"bloc", "court", "firm", "group", "outlet", "newspaper", "paper", "coalition", "forum",
	"officials", "sources", "diplomats", "analysts", "experts", "authorities", "authority",
	"navy", "command", "service", "regulator", "watchdog", "trader", "operator", "broadcaster",
)

// subEntities head a possessive source that is not its possessor:
// "Sarmatia's deputy trade minister" is not Sarmatia.
var subEntities = setOf(
	"minister", "spokesman", "spokeswoman", "spokesperson", "army", "navy", "military",
	"ministry", "embassy", "official", "officials", "agency", "department", "office", "envoy",
	"ambassador", "leader", "president", "chief", "commander", "officer", "editor", "editor-in-chief",
	"diplomats", "mission", "regulator", "parliament", "police", "forces", "guard", "coastguard",
	"court", "prosecutor", "prosecutors", "military's",
)

// mediaWords mark a source as news media, whose attributions relay others.
var mediaWords = setOf(
	"media", "agency", "news", "newspaper", "daily", "broadcaster", "television", "tv",
	"radio", "kcna", "tass", "xinhua", "yonhap", "reuters", "ap", "afp", "kyodo", "ria",
	"interfax", "bbc", "cnn", "outlet", "wire", "times", "post", "journal", "tribune",
	"herald", "gazette", "telegraph", "guardian", "newswire", "rodong", "sinmun",
)

// unnamedWords mark a source that withholds identity: "officials", "a
// source familiar with".
var unnamedWords = setOf(
	"officials", "official", "source", "sources", "people", "person", "diplomats",
	"diplomat", "insiders", "analysts", "experts", "someone", "intelligence",
)

// dismissals in a content make an assertion a denial: "called it a fake".
var dismissals = setOf(
	"fake", "fakes", "fabrication", "fabrications", "fabricated", "groundless", "forgery", "forged",
	"farce", "concocted", "slanderous",
	"baseless", "absurd", "nonsense", "false", "falsehood", "falsehoods", "untrue", "slander",
	"smear", "propaganda", "fiction", "ridiculous", "unfounded", "hoax", "rumours", "rumors",
	"disinformation", "misinformation", "speculation", "fantasy", "preposterous",
)

// possibles and probables are hedges that lower a statement's certainty.
var possibles = setOf(
	"may", "might", "could", "possibly", "possible", "potential", "potentially", "perhaps",
	"maybe", "risk", "if",
)

var probables = setOf(
	"probably", "likely", "believe", "believes", "believed", "suggest", "suggests",
	"suggesting", "suggested", "indicate", "indicates", "indicating", "indicated", "appears",
	"appear", "apparently", "seems", "seem", "assess", "assessed", "assesses", "reportedly",
	"allegedly", "expected", "estimate", "estimated", "presumably", "understood",
)

// negations in a content turn an assertion negative only together with a
// dismissal; on their own they are part of what is said.
var sentenceStarters = setOf(
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
	"his", "her", "its", "their", "our", "in", "on", "at", "but", "and", "however", "after",
	"before", "when", "while", "last", "earlier", "later", "meanwhile", "both", "some",
	"many", "there", "officials", "according", "if", "as", "despite",
)

// titleAbbrevs never end a sentence: "Gen. Kim", "Dec. 4".
var titleAbbrevs = setOf(
	"mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.", "cpt.",
	"sgt.", "cpl.", "adm.", "cmdr.", "cdr.", "brig.", "sen.", "rep.", "gov.", "pres.",
	"amb.", "rev.", "hon.", "st.", "no.", "nos.", "vol.", "jan.", "feb.", "mar.", "apr.",
	"jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "fig.", "mt.", "ft.",
)

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
var intensifiers = setOf("deep", "deepest", "serious", "grave", "strong", "growing", "great", "particular", "renewed", "some", "its", "their", "his", "her")

// speakerWords open a content whose subject is the speaker's own side:
// with "will" or "would" after them it is a pledge.
var speakerWords = setOf("we", "i", "it", "our", "my", "its", "his", "her", "their", "he", "she", "they")

// lightVerbs take an attribution noun as their object: "issued a warning".
var lightVerbs = setOf(
	"issued", "issues", "issue", "made", "makes", "make", "gave", "gives", "delivered", "delivers",
	"released", "releases", "sounded", "repeated", "reiterated", "renewed", "expressed", "voiced",
	"raised", "published", "put", "made", "lodged", "filed",
)

// prepositions end a noun phrase going left.
var prepositions = setOf("of", "to", "in", "on", "at", "for", "with", "from", "by", "about", "against", "into", "over", "under", "between", "among", "through")

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
)

// phrases holds the phrases by kind; a word ending in "*" matches any word
// it starts. Case is ignored and apostrophes are straight.
var phrases = buildPhrases(map[uint16][]string{
	phraseDenial: {
		"never supplied", "never supply", "never sent", "never send", "never sold", "never sell",
		"never transferred", "never transfer", "never shipped", "never ship", "never provided",
		"never delivered", "never bought", "never received", "never been involved", "no knowledge", "not involved", "no involvement", "nothing to do with", "not true",
		"no truth", "no basis", "no evidence", "fairy tale", "did not happen", "no such",
		"none of", "done nothing", "did nothing", "we deny", "we reject",
		"we categorically deny", "are lies", "is a lie", "these are lies",
	},
	phraseThreat: {
		"retaliat*", "in kind", "pay a price", "pay the price", "consequences", "hit back",
		"punish*", "strike back", "respond forcefully", "respond firmly", "decisive response",
	},
	phraseConcern: {"concerned that", "concerned about", "concerned by", "worried that", "worried about", "alarmed by", "alarmed that"},
	phraseNonAnswer: {
		"not going to speculate", "not going to comment", "not going to get ahead", "won't speculate",
		"will not speculate", "refer you to", "no comment", "won't comment", "will not comment",
		"not in a position to", "decline to comment", "can't comment", "cannot comment",
	},
	phraseRetract: {
		"should not have published", "should not have run", "no longer stands by", "no longer has confidence",
		"withdraws the", "withdrew the", "retracts", "retracted", "regrets the error", "was wrong to report",
	},
	phraseUrge: {
		"the importance of", "the need for", "the need to", "the necessity of",
		"we are asking", "we ask", "we urge", "we call on", "we appeal", "i urge", "i call on", "i ask",
	},
	phraseAccusation: {
		"brib*", "smuggl*", "violat*", "in breach", "illegal*", "illicit", "crime*", "criminal",
		"provocation", "aggression", "carried out by", "was behind", "were behind", "is behind",
		"are behind", "responsible for", "orchestrat*", "launder*", "corrupt*", "fraud*", "atrocit*",
		"banned under", "sold his office", "sold her office", "war crime*",
	},
	phraseThreatIdiom: {"every option is on the table", "all options are on the table", "options remain on the table"},
	phraseFuture:      {"will", "would", "*'ll"},
})

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
var ownBodies = setOf("company", "government", "ministry", "administration", "country", "army", "military", "firm", "group")

// timeFirst holds the words a time phrase can start with, so that most
// words are turned away with one lookup.
var timeFirst = func() map[string]bool {
	m := setOf("yesterday", "today", "tonight", "overnight", "earlier", "later", "again", "also",
		"late", "publicly", "repeatedly", "on", "in", "last", "this", "next", "early", "at")
	for w := range weekdays {
		m[w] = true
	}
	for w := range monthNames {
		m[w] = true
	}
	return m
}()

// timeNouns are one-word time phrases that name a date: weekdays and months.
var timeNouns = func() map[string]bool {
	m := make(map[string]bool)
	for w := range weekdays {
		m[w] = true
	}
	for w := range monthNames {
		m[w] = true
	}
	return m
}()

// placeAbbrevs name places and bodies, and so can end a sentence ("parts
// from the U.S. Kirby said"), unlike initials ("J.D. Harmon").
var placeAbbrevs = setOf("u.s.", "u.k.", "u.n.", "e.u.", "d.c.", "u.s.s.r.", "u.a.e.")

// partsOfDay may follow a weekday in a time phrase: "on Monday evening".
var partsOfDay = setOf("morning", "afternoon", "evening", "night")

// quantifiers open a source noun phrase: "said one official", "said two
// diplomats".
var quantifiers = setOf("one", "two", "three", "four", "five", "several", "some", "many", "both", "another", "senior", "other")
