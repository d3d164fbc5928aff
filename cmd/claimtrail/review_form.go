package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/claimid"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// The review's forms: edit a candidate before accepting it (e), pick the
// claim it states (c) and pick the source a proposed speaker is merged
// into (m). Each is drawn under the candidate and takes the keys until
// Enter decides or Esc closes it.

// mode is what the review's keys do: move through the candidates and
// decide, or fill one of the forms.
type mode int

const (
	browsing mode = iota
	editing
	pickingClaim
	pickingSource
)

// maxInput bounds what a form's field takes, in runes; maxClaimText bounds
// the wording of a new claim.
const (
	maxInput     = 200
	maxClaimText = 300
)

// maxOptions bounds the claims or sources a picker lists at once.
const maxOptions = 8

// The fields of the edit form, in the order Tab visits them.
const (
	fieldSpeaker = iota
	fieldAct
	fieldFactuality
	fieldSaid
	nFields
)

// fieldNames are the edit form's labels, which messages name.
var fieldNames = [nFields]string{"speaker", "act", "factuality", "date said"}

// actNames are the valid acts' names, for the edit form's hint.
var actNames = func() string {
	var names []string
	for a := claim.Act(1); a.IsValid(); a++ {
		names = append(names, a.String())
	}
	return strings.Join(names, ", ")
}()

// factualityNames are the eight FactBank values.
const factualityNames = "CT+, PR+, PS+, CT-, PR-, PS-, CTu, Uu"

// form is the state of the open form: the edit form's fields, or a
// picker's query and options.
type form struct {
	fields [nFields]textinput.Model
	focus  int
	// query is what a picker's user typed; options what it lists, the
	// highlighted one at cursor.
	query   textinput.Model
	options []option
	cursor  int
	// pending is the edited acceptance the claim picker completes, nil
	// when it was opened with c.
	pending *story.Decision
	// reg is the story's registry, and claims its claims, as the story
	// stood when the form opened.
	reg    *source.Registry
	claims []claim.Claim
}

// option is one line of a picker: a claim, a new claim's wording, or a
// source.
type option struct {
	claim    claim.ID
	newClaim string
	source   source.ID
	label    string
}

// newInput returns a text field showing placeholder when empty. It takes
// no clipboard paste of its own (a terminal's paste arrives as typed
// runes) and does not blink.
func newInput(placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = display.Safe(placeholder)
	in.CharLimit = maxInput
	in.Width = 60
	in.KeyMap.Paste = key.NewBinding(key.WithDisabled())
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}

// opening reads what a form offers: the registry and the claims of the
// story as it stands, linear in the story's size.
func (r *review) opening() bool {
	c := r.s.Corpus()
	reg, err := source.NewRegistry(c.Sources, nil)
	if err != nil {
		r.fail("not opened: the story's sources do not form a registry: " + err.Error())
		return false
	}
	r.form = form{reg: reg, claims: c.Claims}
	for _, cl := range c.Claims {
		r.names.claims[cl.ID] = cl.Text
	}
	return true
}

// openEdit opens the edit form on the current candidate, each field
// showing what the extractor read.
func (r *review) openEdit() {
	if r.i >= len(r.items) || !r.opening() {
		return
	}
	c := r.items[r.i].Candidate
	said := "unknown"
	if c.Said.IsValid() {
		said = c.Said.String()
	}
	r.form.fields = [nFields]textinput.Model{
		newInput(r.names.source(c.Speaker)),
		newInput(c.Act.String()),
		newInput(c.Factuality.String()),
		newInput(said),
	}
	r.form.fields[0].Focus()
	r.mode = editing
}

// openClaims opens the claim picker, on the candidate's ranked claims;
// pending is the edited acceptance it completes, or nil.
func (r *review) openClaims(pending *story.Decision) {
	if r.i >= len(r.items) {
		return
	}
	if pending == nil && !r.opening() {
		return
	}
	r.form.pending = pending
	r.form.query = newInput("a claim's ID or words, or a new claim's wording")
	r.form.query.CharLimit = maxClaimText
	r.form.query.Focus()
	r.mode = pickingClaim
	r.findClaims()
}

// openSources opens the source picker on the current candidate's speaker,
// a proposed source, listing the story's best matches for it first.
func (r *review) openSources() {
	if r.i >= len(r.items) {
		return
	}
	sp, ok := r.proposedSpeaker(r.items[r.i])
	if !ok {
		r.fail("the speaker is no proposed source: only a new source is merged into a known one (to correct a speaker, press e)")
		return
	}
	if !r.opening() {
		return
	}
	for _, m := range sp.Matches {
		r.form.options = append(r.form.options, option{source: m.ID,
			label: fmt.Sprintf("%s (%s, %.2f)", r.names.source(m.ID), m.Reason, m.Score)})
	}
	r.form.query = newInput("or type a source's name or ID")
	r.form.query.Focus()
	r.mode = pickingSource
}

// formKey handles a key while a form is open: Esc closes it, Enter
// submits it, Tab and the arrows move between the edit form's fields or a
// picker's options, and the rest edits the field.
func (r *review) formKey(k tea.KeyMsg) tea.Cmd {
	if k.Type == tea.KeyRunes && strings.IndexFunc(string(k.Runes), display.Unsafe) >= 0 {
		r.fail("not typed: " + display.Safe(string(k.Runes)) + " holds a control or bidirectional character, which a form does not take")
		return nil
	}
	r.msg, r.bad = "", false
	forward, back := false, false
	switch k.Type {
	case tea.KeyEsc:
		r.close()
		return nil
	case tea.KeyEnter:
		r.submit()
		return nil
	case tea.KeyTab, tea.KeyDown:
		forward = true
	case tea.KeyShiftTab, tea.KeyUp:
		back = true
	default:
		// Any other key edits the field.
	}
	if r.mode == editing {
		switch {
		case forward:
			r.focusField(r.form.focus + 1)
		case back:
			r.focusField(r.form.focus - 1)
		default:
			var cmd tea.Cmd
			r.form.fields[r.form.focus], cmd = r.form.fields[r.form.focus].Update(k)
			return cmd
		}
		return nil
	}
	if n := len(r.form.options); forward || back {
		if n > 0 && forward {
			r.form.cursor = (r.form.cursor + 1) % n
		}
		if n > 0 && back {
			r.form.cursor = (r.form.cursor + n - 1) % n
		}
		return nil
	}
	before := r.form.query.Value()
	var cmd tea.Cmd
	r.form.query, cmd = r.form.query.Update(k)
	if r.mode == pickingClaim && r.form.query.Value() != before {
		r.findClaims()
	}
	return cmd
}

// submit submits the open form.
func (r *review) submit() {
	switch r.mode {
	case editing:
		r.submitEdit()
	case pickingClaim:
		r.submitClaim()
	case pickingSource:
		r.submitSource()
	case browsing:
		// No form is open.
	}
}

// focusField moves the edit form's focus to field i, wrapping around.
func (r *review) focusField(i int) {
	r.form.fields[r.form.focus].Blur()
	r.form.focus = (i + nFields) % nFields
	r.form.fields[r.form.focus].Focus()
}

// fieldError returns the message of a bad value in a form: the field, the
// value quoted, and what to do.
func fieldError(field, value, reason string) string {
	return "not saved: the " + field + " " + strconv.Quote(value) + " " + reason
}

// submitEdit reads the edit form and accepts the candidate as edited: onto
// the claim it proposes, or, when it proposes none or would file it as a
// new mention of an accepted statement (which keeps that statement's
// speaker, act, factuality and date), onto the claim picked next. A bad
// value is named, its field focused, and nothing saved.
func (r *review) submitEdit() {
	p := r.items[r.i]
	var values [nFields]string
	for i := range nFields {
		values[i] = r.form.fields[i].Value()
	}
	d, edited, bad, msg := readEdit(values, func(v string) (source.ID, bool) { return r.resolveSource(v, p) })
	if msg != "" {
		r.fail(msg)
		r.focusField(bad)
		return
	}
	d.Kind, d.Key, d.By = story.KindAccept, p.Key, r.by
	base := r.accept("")
	switch {
	case !edited:
		if r.decide(base) {
			r.close()
		}
	case base.SameAs != "":
		r.openClaims(&d)
		r.note("an edited statement is a statement of its own, not a new mention of " + display.Safe(string(base.SameAs)) + ": pick the claim it states")
	case base.Claim == "" && p.Group == "":
		r.openClaims(&d)
		r.note("this candidate proposes no claim: pick the claim it states")
	default:
		d.Claim = base.Claim
		if r.decide(d) {
			r.close()
		}
	}
}

// readEdit reads the edit form's values into the edit fields of an accept
// decision, resolving a speaker with resolve. It reports whether any value
// was given; for the first value it cannot read, it returns its field and
// a message naming the field and the value. It is linear in the values,
// plus what resolve costs.
func readEdit(values [nFields]string, resolve func(string) (source.ID, bool)) (d story.Decision, edited bool, bad int, msg string) {
	for i := range nFields {
		v := strings.TrimSpace(values[i])
		if v == "" {
			continue
		}
		edited = true
		switch i {
		case fieldSpeaker:
			id, ok := resolve(v)
			if !ok {
				msg = fieldError("speaker", v, "is no source of the story: type a source's ID or one of its names ('claimtrail sources -v' lists them), or a proposed source's ID (new:...)")
			}
			d.Speaker = id
		case fieldAct:
			a, err := claim.ParseAct(v)
			if err != nil || !a.IsValid() {
				msg = fieldError("act", v, "is no act: type one of "+actNames)
			}
			d.Act = a
		case fieldFactuality:
			f, err := claim.ParseFactuality(v)
			if err != nil {
				msg = fieldError("factuality", v, "is no factuality value: type one of "+factualityNames)
			}
			d.Factuality = &f
		case fieldSaid:
			dt, err := claim.ParseDate(v)
			if err != nil {
				msg = fieldError("date said", v, "is no date: type a year (2025), a month (2025-03) or a day (2025-03-14)")
			}
			d.Said = dt
		}
		if msg != "" {
			return story.Decision{}, edited, i, msg
		}
	}
	return d, edited, 0, ""
}

// close closes the open form.
func (r *review) close() {
	r.mode = browsing
	r.form = form{}
}

// resolveSource returns the source a reviewer typed: a proposed source by
// its ID ("new:x@a1"), a story source by its ID or any name or alias the
// registry resolves, or a source the candidate's article proposes by its
// name. It is linear in the name and the article's proposals.
func (r *review) resolveSource(v string, p story.Proposal) (source.ID, bool) {
	if strings.HasPrefix(v, "new:") {
		at := strings.LastIndexByte(v, '@')
		if at < 0 {
			return "", false
		}
		added, ok := r.s.Proposals(source.ArticleID(v[at+1:]))
		if !ok {
			return "", false
		}
		for _, sp := range added.Sources {
			if sp.Source.ID == source.ID(v) {
				return sp.Source.ID, true
			}
		}
		return "", false
	}
	if s, ok := r.form.reg.Source(source.ID(v)); ok && s.ID != source.AbsentID {
		return s.ID, true
	}
	if s, ok := r.form.reg.Resolve(v); ok && s.ID != source.AbsentID {
		return s.ID, true
	}
	id, _ := p.Key.Article()
	if added, ok := r.s.Proposals(id); ok {
		for _, sp := range added.Sources {
			if strings.EqualFold(sp.Source.Name, v) {
				return sp.Source.ID, true
			}
		}
	}
	return "", false
}

// findClaims lists the claims the picker offers for what was typed: with
// nothing typed, the candidate's ranked claims; else the claim of that ID,
// then the ranked claims and the others whose ID or text holds it (at most
// maxOptions), and last a new claim so worded. The highlight goes to the
// first claim found, or to the new claim. It is linear in the story's
// claims.
func (r *review) findClaims() {
	f := &r.form
	f.options, f.cursor = nil, 0
	typed := strings.Join(strings.Fields(f.query.Value()), " ")
	q := strings.ToLower(typed)
	seen := map[claim.ID]bool{}
	add := func(id claim.ID, why string) {
		if seen[id] || len(f.options) >= maxOptions {
			return
		}
		seen[id] = true
		label := display.Safe(id)
		if text := r.names.claims[id]; text != "" {
			label = display.Safe(excerpt(text, 60)) + " [" + label + "]"
		}
		f.options = append(f.options, option{claim: id, label: label + why})
	}
	exists := make(map[claim.ID]bool, len(f.claims))
	for _, c := range f.claims {
		exists[c.ID] = true
	}
	p := r.items[r.i]
	if exists[claim.ID(typed)] {
		add(claim.ID(typed), "")
	}
	for _, m := range p.Claims {
		if q == "" || strings.Contains(strings.ToLower(string(m.Claim)), q) || strings.Contains(strings.ToLower(r.names.claims[m.Claim]), q) {
			add(m.Claim, fmt.Sprintf(" (similarity %.2f)", m.Similarity))
		}
	}
	if q == "" {
		return
	}
	for _, c := range f.claims {
		if strings.Contains(strings.ToLower(string(c.ID)), q) || strings.Contains(strings.ToLower(c.Text), q) {
			add(c.ID, "")
		}
	}
	if !exists[claim.ID(typed)] {
		f.options = append(f.options, option{newClaim: typed, label: "a new claim: " + display.Safe("\u201c"+excerpt(typed, 70)+"\u201d")})
	}
}

// submitClaim accepts the candidate, as edited when the picker completes
// an edit, onto the highlighted claim, or onto a new claim worded in the
// picker: one decision creates the claim and accepts the candidate, or,
// refused, does neither.
func (r *review) submitClaim() {
	if len(r.form.options) == 0 {
		r.fail("no claim to pick: type a claim's ID or words to find it, or the wording of a new claim")
		return
	}
	o := r.form.options[r.form.cursor]
	d := r.accept("")
	if r.form.pending != nil {
		d = *r.form.pending
	}
	d.SameAs = ""
	if o.claim != "" {
		d.Claim = o.claim
		if r.decide(d) {
			r.close()
		}
		return
	}
	if msg := checkClaimText(o.newClaim); msg != "" {
		r.fail(msg)
		return
	}
	taken := make(map[claim.ID]bool, len(r.form.claims))
	for _, c := range r.form.claims {
		taken[c.ID] = true
	}
	d.Claim = claimID(o.newClaim, func(id claim.ID) bool { return taken[id] })
	d.Text = o.newClaim
	if r.decide(d) {
		r.close()
	}
}

// checkClaimText returns why a new claim's wording is refused, or "".
func checkClaimText(text string) string {
	switch {
	case text == "":
		return "not saved: the new claim is empty: type its wording"
	case len([]rune(text)) > maxClaimText:
		return fmt.Sprintf("not saved: the new claim %s is longer than %d characters", strconv.Quote(excerpt(text, 40)), maxClaimText)
	case strings.IndexFunc(text, display.Unsafe) >= 0:
		return "not saved: the new claim " + strconv.Quote(text) + " holds a control or bidirectional character"
	}
	return ""
}

// claimID makes a new claim's ID from its wording as claimid.New does, the
// same way in the desk and the terminal review.
func claimID(text string, taken func(claim.ID) bool) claim.ID {
	return claimid.New(text, taken)
}

// submitSource merges the candidate's speaker, a proposed source, into the
// source typed, or else into the highlighted match.
func (r *review) submitSource() {
	p := r.items[r.i]
	sp, ok := r.proposedSpeaker(p)
	if !ok {
		r.close()
		return
	}
	var into source.ID
	if typed := strings.TrimSpace(r.form.query.Value()); typed != "" {
		id, ok := r.resolveSource(typed, p)
		if !ok {
			r.fail(fieldError("source", typed, "is no source of the story: type a source's ID or one of its names ('claimtrail sources -v' lists them), or pick one of the list"))
			return
		}
		into = id
	} else if len(r.form.options) > 0 {
		into = r.form.options[r.form.cursor].source
	} else {
		r.fail("no source to merge into: type a source's name or ID")
		return
	}
	if into == sp.Source.ID {
		r.fail(fieldError("source", string(into), "is the speaker itself: pick the source it is"))
		return
	}
	if r.decide(story.Decision{Kind: story.KindMergeSource, Source: sp.Source.ID, Into: into, By: r.by}) {
		r.close()
	}
}

// viewEdit draws the edit form: each field, the value it stands for (the
// source a typed speaker resolves to) and the values it takes.
func (r *review) viewEdit(b *strings.Builder) {
	b.WriteString(r.st.bold.Render("edit, then accept") + r.st.dim.Render("  (Tab next field, Enter accepts, Esc cancels; an empty field keeps what was read)") + "\n")
	hints := [nFields]string{"", actNames, factualityNames, "2025, 2025-03 or 2025-03-14"}
	for i := range nFields {
		mark := "  "
		if i == r.form.focus {
			mark = "> "
		}
		fmt.Fprintf(b, "%s%-11s %s", mark, fieldNames[i]+":", r.form.fields[i].View())
		v := strings.TrimSpace(r.form.fields[i].Value())
		switch {
		case i == fieldSpeaker && v != "":
			if id, ok := r.resolveSource(v, r.items[r.i]); ok {
				fmt.Fprintf(b, "  %s", r.st.dim.Render("= "+r.names.source(id)))
			} else {
				fmt.Fprintf(b, "  %s", r.st.err.Render("no source of the story"))
			}
		case i == r.form.focus && hints[i] != "":
			fmt.Fprintf(b, "\n             %s", r.st.dim.Render(hints[i]))
		}
		b.WriteString("\n")
	}
}

// viewPicker draws the claim or source picker: what was typed and the
// options, the highlighted one marked.
func (r *review) viewPicker(b *strings.Builder) {
	if r.mode == pickingClaim {
		title := "accept onto which claim?"
		if r.form.pending != nil {
			title = "accept as edited onto which claim?"
		}
		b.WriteString(r.st.bold.Render(title) + r.st.dim.Render("  (type to find a claim or word a new one; Up/Down choose, Enter accepts, Esc cancels)") + "\n")
		fmt.Fprintf(b, "  claim: %s\n", r.form.query.View())
	} else {
		sp, _ := r.proposedSpeaker(r.items[r.i])
		b.WriteString(r.st.bold.Render("merge "+r.names.source(sp.Source.ID)+" into which source?") + r.st.dim.Render("  (Up/Down choose, or type a name or ID; Enter merges, Esc cancels)") + "\n")
		fmt.Fprintf(b, "  source: %s", r.form.query.View())
		if v := strings.TrimSpace(r.form.query.Value()); v != "" {
			if id, ok := r.resolveSource(v, r.items[r.i]); ok {
				fmt.Fprintf(b, "  %s", r.st.dim.Render("= "+r.names.source(id)))
			} else {
				fmt.Fprintf(b, "  %s", r.st.err.Render("no source of the story"))
			}
		}
		b.WriteString("\n")
	}
	if len(r.form.options) == 0 {
		b.WriteString(r.st.dim.Render("  (nothing to pick from: type)") + "\n")
	}
	for i, o := range r.form.options {
		if i == r.form.cursor {
			fmt.Fprintf(b, "> %s\n", r.st.bold.Render(o.label))
		} else {
			fmt.Fprintf(b, "  %s\n", o.label)
		}
	}
}
