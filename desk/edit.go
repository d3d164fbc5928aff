package desk

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/claimid"
	"github.com/claimtrail/claimtrail/internal/formerr"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// choice is one entry of a list the edit form offers: a value the form
// posts and the label a reviewer reads.
type choice struct {
	Value string
	Label string
}

// choices are the page-wide lists the edit forms draw from: the speakers
// (story sources, then the sources the page's articles propose) and the
// claims, each offered once a page as a datalist, and the acts and
// factuality values offered in each form.
type choices struct {
	Sources      []choice
	Claims       []choice
	Acts         []string
	Factualities []string
}

// acts are the names of the valid acts, in their declared order.
var acts = func() []string {
	var out []string
	for a := claim.Act(1); a.IsValid(); a++ {
		out = append(out, a.String())
	}
	return out
}()

// factualities are the eight FactBank values, strongest first.
var factualities = []string{
	claim.CTPlus().String(), claim.PRPlus().String(), claim.PSPlus().String(),
	claim.CTMinus().String(), claim.PRMinus().String(), claim.PSMinus().String(),
	claim.CTu().String(), claim.Uu().String(),
}

// choicesFor returns what the edit forms of a page offer: every source of
// the story's registry and every source the articles of ps propose, and
// every claim. It is linear in the registry, the claims and the proposals
// of those articles.
func (d *Desk) choicesFor(tl *timeline.Timeline, ps []story.Proposal) choices {
	ch := choices{Acts: acts, Factualities: factualities}
	reg := tl.Registry()
	for _, s := range reg.Sources() {
		if s.ID == source.AbsentID {
			continue
		}
		ch.Sources = append(ch.Sources, choice{Value: string(s.ID), Label: s.Name})
	}
	seen := map[source.ArticleID]bool{}
	for _, p := range ps {
		a, _ := p.Key.Article()
		if seen[a] {
			continue
		}
		seen[a] = true
		if added, ok := d.story.Proposals(a); ok {
			for _, sp := range added.Sources {
				if _, known := reg.Source(sp.Source.ID); !known {
					ch.Sources = append(ch.Sources, choice{Value: string(sp.Source.ID), Label: sp.Source.Name + " (proposed in " + string(a) + ")"})
				}
			}
		}
	}
	for _, c := range tl.Claims() {
		ch.Claims = append(ch.Claims, choice{Value: string(c.ID), Label: c.Text})
	}
	return ch
}

// edit is what a reviewer changed in a proposal before accepting it, as
// the form posts it; empty fields keep what the extractor proposed.
type edit struct {
	speaker, act, factuality, said, other, newClaim string
}

// editOf reads the edit fields of a decision form.
func editOf(form url.Values) edit {
	get := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	return edit{speaker: get("speaker"), act: get("act"), factuality: get("factuality"),
		said: get("said"), other: get("other_claim"), newClaim: get("new_claim")}
}

// statementEdited reports whether the edit changes the statement itself,
// not only the claim it goes to.
func (e edit) statementEdited() bool {
	return e.speaker != "" || e.act != "" || e.factuality != "" || e.said != ""
}

// editError is an edit field the desk cannot use: the form's name of the
// field, its value and why.
type editError struct {
	field, value, reason string
}

// Error says "the FIELD "VALUE" REASON", the value cut to an excerpt
// (see source.Excerpt).
func (e *editError) Error() string {
	return "the " + e.field + " " + strconv.Quote(source.Excerpt(e.value)) + " " + e.reason
}

// formMessage says what is wrong with a decision the story refused in the
// form's words (see formerr.Message).
func formMessage(err error) string { return formerr.Message(err) }

// applyEdit sets the edited fields of an accept decision. A speaker is
// given by its ID (a story source's, or a proposed source's "new:x@a1"),
// else by a name or alias the story's registry resolves, through
// resolve, which is called only then. Another claim replaces the choice of
// the claim list; a new claim's text makes the decision create that claim
// as it accepts the proposal (Decision.Text), under an ID made from its
// words that no claim has (see claimID): one decision, so that a refused
// acceptance creates no claim either. A new claim's text must be one line
// of at most maxClaimText characters, with no control characters and no
// bidirectional controls, which would hide or reorder what other
// reviewers read.
func applyEdit(dec *story.Decision, e edit, resolve func(string) (source.ID, bool), hasClaim func(claim.ID) bool) error {
	if e.other != "" && e.newClaim != "" {
		return &editError{"new claim", e.newClaim, "comes with another claim " + strconv.Quote(source.Excerpt(e.other)) + ": give one of them"}
	}
	if dec.SameAs != "" && e.statementEdited() && e.other == "" && e.newClaim == "" {
		return &editError{"claim", "again: statement " + string(dec.SameAs),
			"files the proposal as a new mention of an accepted statement, which keeps that statement's speaker, act, factuality and date: choose a claim to accept it as a statement of its own"}
	}
	if e.speaker != "" {
		id := source.ID(e.speaker)
		if !strings.HasPrefix(e.speaker, "new:") {
			r, ok := resolve(e.speaker)
			if !ok {
				return &editError{"speaker", e.speaker, "is no source of the story: pick one the list offers, or type its ID or one of its names"}
			}
			id = r
		}
		dec.Speaker = id
	}
	if e.act != "" {
		a, err := claim.ParseAct(e.act)
		if err != nil {
			return &editError{"act", e.act, "is no act: pick one the list offers"}
		}
		dec.Act = a
	}
	if e.factuality != "" {
		f, err := claim.ParseFactuality(e.factuality)
		if err != nil {
			return &editError{"factuality", e.factuality, "is no factuality value: pick one of CT+, PR+, PS+, CT-, PR-, PS-, CTu, Uu"}
		}
		dec.Factuality = &f
	}
	if e.said != "" {
		dt, err := claim.ParseDate(e.said)
		if err != nil {
			return &editError{"date said", e.said, "is no date: write a year (2025), a month (2025-03) or a day (2025-03-14)"}
		}
		dec.Said = dt
	}
	switch {
	case e.other != "":
		dec.Claim, dec.SameAs = claim.ID(e.other), ""
	case e.newClaim != "":
		if err := checkClaimText(e.newClaim); err != nil {
			return err
		}
		dec.Claim, dec.SameAs, dec.Text = claimID(e.newClaim, hasClaim), "", e.newClaim
	}
	return nil
}

// maxClaimText bounds the characters of a new claim's text: a claim is
// one proposition, a sentence, not a paragraph.
const maxClaimText = 300

// checkClaimText refuses a new claim's text that is longer than
// maxClaimText characters, not valid UTF-8, or holds a control character
// (a line break, a tab, an escape) or a bidirectional control (U+202E
// and its kin), with an error naming the field and the value.
func checkClaimText(text string) error {
	if !utf8.ValidString(text) {
		return &editError{"new claim", text, "is not valid UTF-8 text"}
	}
	if n := utf8.RuneCountInString(text); n > maxClaimText {
		return &editError{"new claim", text, fmt.Sprintf("has %d characters: a claim is one sentence of at most %d", n, maxClaimText)}
	}
	for _, r := range text {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return &editError{"new claim", text, fmt.Sprintf("holds the invisible character %U, which would hide or reorder what reviewers read: type the claim again without it", r)}
		}
	}
	return nil
}

// maxIDBytes bounds a new claim's ID, suffix included.
const maxIDBytes = claimid.MaxBytes

// claimID makes a new claim's ID from its wording as claimid.New does, the
// same way in the desk and the terminal review.
func claimID(text string, taken func(claim.ID) bool) claim.ID {
	return claimid.New(text, taken)
}

// resolver returns the function applyEdit resolves a speaker with: an ID
// the registry holds, else a name or alias it resolves. The registry is
// read from the story when first needed.
func (d *Desk) resolver() func(string) (source.ID, bool) {
	return func(s string) (source.ID, bool) {
		reg, err := source.NewRegistry(d.story.Corpus().Sources, nil)
		if err != nil {
			return "", false
		}
		if src, ok := reg.Source(source.ID(s)); ok && src.ID != source.AbsentID {
			return src.ID, true
		}
		if src, ok := reg.Resolve(s); ok {
			return src.ID, true
		}
		return "", false
	}
}

// claimTaken reports whether the story has a claim of that ID; it reads
// the story's claims when called.
func (d *Desk) claimTaken() func(claim.ID) bool {
	var ids map[claim.ID]bool
	return func(id claim.ID) bool {
		if ids == nil {
			ids = map[claim.ID]bool{}
			for _, c := range d.story.Corpus().Claims {
				ids[c.ID] = true
			}
		}
		return ids[id]
	}
}
