package extract

import (
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
)

// lexiconText is the lexicon file; its top describes its format.
//
//go:embed lexicon.txt
var lexiconText string

// lexFile is the lexicon file read: the cue entries by section, the
// agentless participles, the phrases by kind, and the word classes by name.
// It is built once, at package initialisation, and only read afterwards.
type lexFile struct {
	verbs, nouns, adjs, adverbs []cueEntry
	agentless                   []agentlessEntry
	phrases                     map[uint16][]string
	classes                     map[string]map[string]bool
	// asked holds the class names the code has asked for, so that a test
	// can tell a class the file lacks or the code no longer uses.
	asked map[string]bool
}

// agentlessEntry is a line of the [agentless] section.
type agentlessEntry struct {
	word      string
	act       claim.Act
	certainty claim.Certainty
}

// lex is the parsed lexicon; lexErr is the error parsing it, which
// TestLexicon reports. A file with errors still gives every line that
// parses, so that the package initialises and the test can say what is
// wrong.
var lex, lexErr = parseLexicon(lexiconText)

// phraseKinds names the kinds of phrase in "[phrases KIND]" headers.
var phraseKinds = map[string]uint16{
	"denial": phraseDenial, "threat": phraseThreat, "concern": phraseConcern,
	"non-answer": phraseNonAnswer, "retract": phraseRetract, "urge": phraseUrge,
	"future": phraseFuture, "threat-idiom": phraseThreatIdiom, "accusation": phraseAccusation,
	"harm": phraseHarm, "obligation": phraseObligation, "admission": phraseAdmission,
	"rejection": phraseRejection, "pledge": phrasePledge,
}

// parseLexicon reads a lexicon file in the format lexicon.txt describes.
// It returns what it could read and every error, each naming its line.
func parseLexicon(text string) (*lexFile, error) {
	f := &lexFile{
		phrases: make(map[uint16][]string),
		classes: make(map[string]map[string]bool),
		asked:   make(map[string]bool),
	}
	var errs []error
	fail := func(n int, line, reason string) {
		errs = append(errs, fmt.Errorf("extract: lexicon.txt:%d: %s: %q", n, reason, line))
	}
	// refs holds each word class's "@OTHER" references, resolved at the end.
	refs := make(map[string][]string)
	var section, name string
	seen := make(map[string]bool) // "section form" of the cue forms read
	for n, line := range strings.Split(text, "\n") {
		n++
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			head, ok := strings.CutSuffix(line[1:], "]")
			fields := strings.Fields(head)
			if !ok || len(fields) == 0 {
				fail(n, line, "malformed section header")
				section = ""
				continue
			}
			section, name = fields[0], ""
			switch section {
			case "verbs", "nouns", "adjectives", "adverbs", "agentless":
				if len(fields) != 1 {
					fail(n, line, "section takes no name")
				}
			case "phrases", "words", "lines":
				if len(fields) != 2 {
					fail(n, line, "section needs one name")
					section = ""
					continue
				}
				name = fields[1]
				if section == "phrases" {
					if _, ok := phraseKinds[name]; !ok {
						fail(n, line, "unknown kind of phrase")
						section = ""
					}
					continue
				}
				if _, dup := f.classes[name]; dup {
					fail(n, line, "class defined twice")
				}
				f.classes[name] = make(map[string]bool)
			default:
				fail(n, line, "unknown section")
				section = ""
			}
			continue
		}
		switch section {
		case "":
			fail(n, line, "line outside a section")
		case "verbs", "nouns", "adjectives", "adverbs":
			e, err := parseCueEntry(line)
			if err != nil {
				fail(n, line, err.Error())
				continue
			}
			// The rule table takes one reading of each class a word.
			for form := range strings.FieldsSeq(e.forms) {
				if seen[section+" "+form] {
					fail(n, line, "form "+form+" listed twice in ["+section+"]")
				}
				seen[section+" "+form] = true
			}
			switch section {
			case "verbs":
				f.verbs = append(f.verbs, e)
			case "nouns":
				f.nouns = append(f.nouns, e)
			case "adjectives":
				f.adjs = append(f.adjs, e)
			default:
				f.adverbs = append(f.adverbs, e)
			}
		case "agentless":
			e, err := parseCueEntry(line)
			if err == nil && (strings.Contains(e.forms, " ") || e.tell || e.weak || e.clause) {
				err = errors.New("want one word, an act and a certainty")
			}
			if err != nil {
				fail(n, line, err.Error())
				continue
			}
			f.agentless = append(f.agentless, agentlessEntry{word: e.forms, act: e.act, certainty: e.certainty})
		case "phrases":
			f.phrases[phraseKinds[name]] = append(f.phrases[phraseKinds[name]], strings.Join(strings.Fields(line), " "))
		case "words":
			for w := range strings.FieldsSeq(line) {
				if other, ok := strings.CutPrefix(w, "@"); ok {
					refs[name] = append(refs[name], other)
					continue
				}
				f.classes[name][w] = true
			}
		case "lines":
			f.classes[name][strings.Join(strings.Fields(line), " ")] = true
		}
	}
	// Resolve the references in file order of the classes that make them,
	// following chains, and refusing cycles.
	var resolve func(name string, seen []string) error
	resolve = func(name string, seen []string) error {
		if slices.Contains(seen, name) {
			return fmt.Errorf("extract: lexicon.txt: class %s includes itself", name)
		}
		for _, other := range refs[name] {
			words, ok := f.classes[other]
			if !ok {
				return fmt.Errorf("extract: lexicon.txt: class %s includes @%s, which is not defined", name, other)
			}
			if err := resolve(other, append(seen, name)); err != nil {
				return err
			}
			for w := range words {
				f.classes[name][w] = true
			}
		}
		delete(refs, name)
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(refs)) {
		if err := resolve(name, nil); err != nil {
			errs = append(errs, err)
		}
	}
	return f, errors.Join(errs...)
}

// parseCueEntry reads "FORMS | ACT [CERTAINTY] [tell] [weak] [clause]
// [takes:WORD+WORD...]...".
func parseCueEntry(line string) (cueEntry, error) {
	left, right, ok := strings.Cut(line, "|")
	forms, attrs := strings.Fields(left), strings.Fields(right)
	if !ok || len(forms) == 0 || len(attrs) == 0 {
		return cueEntry{}, errors.New("want FORMS | ACT [CERTAINTY] [tell] [weak] [clause]")
	}
	act, err := claim.ParseAct(attrs[0])
	if err != nil || act == 0 {
		return cueEntry{}, fmt.Errorf("unknown act %q", attrs[0])
	}
	e := cueEntry{forms: strings.Join(forms, " "), act: act}
	for _, a := range attrs[1:] {
		switch a {
		case "possible":
			e.certainty = claim.CertaintyPossible
		case "probable":
			e.certainty = claim.CertaintyProbable
		case "certain":
			e.certainty = claim.CertaintyCertain
		case "tell":
			e.tell = true
		case "weak":
			e.weak = true
		case "clause":
			e.clause = true
		default:
			p, ok := strings.CutPrefix(a, "takes:")
			words := strings.Split(p, "+")
			if !ok || slices.Contains(words, "") {
				return cueEntry{}, fmt.Errorf("unknown attribute %q (want possible, probable, certain, tell, weak, clause or takes:WORD+WORD)", a)
			}
			e.takes = append(e.takes, words)
		}
	}
	return e, nil
}

// class returns the word class called name. A name the file does not
// define gives an empty class, and lexiconError reports it.
func (f *lexFile) class(name string) map[string]bool {
	f.asked[name] = true
	if c, ok := f.classes[name]; ok {
		return c
	}
	return map[string]bool{}
}

// lexiconError returns the errors of the lexicon file: those of parsing it,
// a class the code asks for that the file lacks, and a class the file
// defines that the code never asks for. It is meant for tests, after the
// package has initialised.
func lexiconError() error {
	errs := []error{lexErr}
	for _, name := range slices.Sorted(maps.Keys(lex.asked)) {
		if _, ok := lex.classes[name]; !ok {
			errs = append(errs, fmt.Errorf("extract: lexicon.txt: the code uses class %s, which is not defined", name))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(lex.classes)) {
		if !lex.asked[name] {
			errs = append(errs, fmt.Errorf("extract: lexicon.txt: class %s is not used", name))
		}
	}
	return errors.Join(errs...)
}
