package desk

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// page is what every template receives.
type page struct {
	Title string
	Story string
	CSRF  string
	Flash string
	// Undo is the Seq of the decision the flash says was saved, which its
	// Undo button takes back; Here is the page's address without the note.
	Undo int64
	Here string
	Nav  string
	Data any
}

// render writes a template with the page data.
func (d *Desk) render(w http.ResponseWriter, r *http.Request, status int, name, title, nav string, data any) {
	p := page{Title: title, Story: d.story.ID(), CSRF: csrfToken(w, r), Nav: nav, Data: data}
	// The note after a decision names what was done in the desk's own
	// words only, so that a crafted link cannot make it say anything else.
	q := r.URL.Query()
	if saved, did := q.Get("saved"), q.Get("did"); saved != "" && (did == "accepted" || did == "rejected" || did == "merged" || did == "undone") {
		p.Flash = "Saved: " + did + " " + saved
		if did == "undone" {
			p.Flash = "Saved: undone decision " + saved + "; the story is as if it had not been made"
		}
		if n, err := strconv.ParseInt(q.Get("undo"), 10, 64); err == nil && n > 0 {
			p.Undo = n
			u := *r.URL
			q.Del("saved")
			q.Del("did")
			q.Del("undo")
			u.RawQuery = q.Encode()
			p.Here = safeBack(u.RequestURI())
		}
	}
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, name, p); err != nil {
		http.Error(w, "desk: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	// Escaped by html/template, the story's text may still hold control
	// characters and bidirectional overrides, which would reorder or hide
	// what a reviewer reads: they become U+FFFD, as in the pictures.
	_, _ = io.WriteString(w, display.Scrub(b.String()))
}

// fail writes an error page with a link to the queue.
func (d *Desk) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	d.failBack(w, r, status, msg, "/queue")
}

// failBack writes an error page with a link to back, a desk address.
func (d *Desk) failBack(w http.ResponseWriter, r *http.Request, status int, msg, back string) {
	d.render(w, r, status, "error.html", http.StatusText(status), "", errorPage{Msg: msg, Back: back})
}

// errorPage is what the error page shows.
type errorPage struct {
	Msg  string
	Back string
}

// timeline catches up with what other programs wrote to the story's store
// (story.Story.Sync: new articles, decisions made elsewhere), so that every
// page shows the story as it is, and builds the story's timeline. It
// returns the head the page is drawn at, which the page's forms send back
// so that a decision made elsewhere since is never overwritten.
func (d *Desk) timeline(w http.ResponseWriter, r *http.Request) (*timeline.Timeline, int64, bool) {
	if _, err := d.story.Sync(r.Context()); err != nil {
		d.fail(w, r, http.StatusServiceUnavailable, "the story cannot be read from its store: "+err.Error())
		return nil, 0, false
	}
	seen := d.story.Head()
	tl, err := d.story.Timeline(d.rules)
	if err != nil {
		d.fail(w, r, http.StatusInternalServerError, "the story's timeline cannot be built: "+err.Error())
		return nil, 0, false
	}
	return tl, seen, true
}

// claimRow is one claim on the overview.
type claimRow struct {
	ID         claim.ID
	Text       string
	Status     timeline.Status
	Statements int
	// Machine counts the statements accepted by the unattended mode that
	// no person has reviewed since.
	Machine int
}

// articleRow is one article on the overview.
type articleRow struct {
	ID        source.ArticleID
	Title     string
	Published string
	Pending   int
	Changes   []changeRow
}

// changeRow is one status change an article made, on the overview.
type changeRow struct {
	Text string
	// Machine marks a change made by a statement the unattended mode
	// accepted and no person has reviewed since.
	Machine bool
}

// overview serves "/": the claims with their status, the story picture,
// and the articles with what each changed.
func (d *Desk) overview(w http.ResponseWriter, r *http.Request) {
	tl, _, ok := d.timeline(w, r)
	if !ok {
		return
	}
	var claims []claimRow
	for _, c := range tl.Claims() {
		st, _ := tl.Current(c.ID)
		n, _ := tl.Statements(timeline.Query{Claim: c.ID})
		row := claimRow{ID: c.ID, Text: c.Text, Status: st, Statements: len(n)}
		for _, x := range n {
			if !x.Inherited && d.story.MachineAccepted(x.Statement.ID) {
				row.Machine++
			}
		}
		claims = append(claims, row)
	}
	pending := map[source.ArticleID]int{}
	for _, p := range d.story.Pending() {
		a, _ := p.Key.Article()
		pending[a]++
	}
	var articles []articleRow
	for _, id := range tl.ArticleOrder() {
		a, _ := tl.Registry().Article(id)
		row := articleRow{ID: id, Title: a.Title, Published: a.Published.UTC().Format(time.DateOnly), Pending: pending[id]}
		if diff, err := tl.Added(id); err == nil {
			for _, ch := range diff.Changes {
				if ch.Kind == timeline.ChangeStatus {
					row.Changes = append(row.Changes, changeRow{Text: string(ch.Claim) + ": " + ch.From.String() + " → " + ch.To.String(),
						Machine: d.story.MachineAccepted(ch.Statement)})
				}
			}
		}
		articles = append(articles, row)
	}
	var svg bytes.Buffer
	if err := render.StorySVG(&svg, tl, &render.Options{ClaimURL: "/claim/{claim}", IDPrefix: "story"}); err != nil {
		d.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	d.render(w, r, http.StatusOK, "overview.html", "Overview", "overview", map[string]any{
		"Claims": claims, "Articles": articles, "Pending": len(d.story.Pending()),
		"Picture": template.HTML(svg.String()), // render escapes every text it writes
	})
}

// proposalView is one proposal as the queue and the article page show it.
type proposalView struct {
	// N is the proposal's number on its page, Place its number on its
	// article's page.
	N          int
	Place      int
	Key        story.Key
	Article    source.ArticleID
	Speaker    string
	Act        claim.Act
	Factuality claim.Factuality
	Confidence float64
	Quote      string
	Cue        string
	Sentence   []segment
	SameAs     claim.StatementID
	Claims     []claimChoice
	Group      claim.ID
	State      string
	// Machine marks an accepted proposal the unattended mode accepted
	// and no person has reviewed since.
	Machine bool
	// Merge is the speaker, when it is a proposed source waiting for a
	// decision, with the sources it may be.
	Merge *sourceRow
}

// claimChoice is a claim a proposal may be accepted under.
type claimChoice struct {
	ID         claim.ID
	Text       string
	Similarity float64
}

// views returns the proposals as pages show them, with the context the
// highlight needs.
func (d *Desk) views(ps []story.Proposal, reg *source.Registry, texts map[source.ArticleID]string) []proposalView {
	out := make([]proposalView, 0, len(ps))
	proposed := map[source.ID]string{}
	props := map[source.ID]story.SourceProposal{}
	seen := map[source.ArticleID]bool{}
	place := map[story.Key]int{} // a candidate's number on its article's page
	for i, p := range ps {
		a, _ := p.Key.Article()
		if !seen[a] {
			seen[a] = true
			if added, ok := d.story.Proposals(a); ok {
				for _, sp := range added.Sources {
					proposed[sp.Source.ID] = sp.Source.Name + " (proposed source)"
					props[sp.Source.ID] = sp
				}
				for j, c := range added.Candidates {
					place[c.Key] = j + 1
				}
			}
		}
		speaker := speakerName(reg, p.Candidate.Speaker)
		if name, ok := proposed[p.Candidate.Speaker]; ok {
			if _, known := reg.Source(p.Candidate.Speaker); !known {
				speaker = name
			}
		}
		v := proposalView{N: i + 1, Place: place[p.Key], Key: p.Key, Article: a, Speaker: speaker,
			Act: p.Candidate.Act, Factuality: p.Candidate.Factuality, Confidence: p.Candidate.Confidence,
			Quote: p.Quote, Cue: p.Candidate.Cue.Exact, SameAs: p.SameAs, Group: p.Group}
		for _, m := range p.Claims {
			c := claimChoice{ID: m.Claim, Similarity: m.Similarity}
			v.Claims = append(v.Claims, c)
		}
		if sp, ok := props[p.Candidate.Speaker]; ok && d.story.PendingSource(sp.Source.ID) {
			v.Merge = &sourceRow{ID: sp.Source.ID, Name: sp.Source.Name, Kind: sp.Source.Kind, Article: a,
				Unnamed: sp.Source.Identity == source.IdentityUnnamed, Matches: d.matches(sp, reg)}
		}
		switch d.story.Decided(p.Key) {
		case story.KindAccept:
			v.State = "accepted"
			v.Machine = d.story.AcceptedByMachine(p.Key)
		case story.KindReject:
			v.State = "rejected"
		default:
			v.State = "pending"
		}
		if text, ok := texts[a]; ok {
			v.Sentence = sentence(text, p.Candidate)
		}
		out = append(out, v)
	}
	return out
}

// speakerName returns a speaker's name, or its ID when the registry does
// not hold it yet (a proposed source), or a note when nobody resolved.
func speakerName(reg *source.Registry, id source.ID) string {
	if id == "" {
		return "(speaker not resolved)"
	}
	if s, ok := reg.Source(id); ok {
		if s.Identity == source.IdentityAbsent {
			return "no speaker given"
		}
		return s.Name
	}
	return string(id)
}

// QueuePageSize is how many proposals one page of the queue shows; the
// page has links to the next and the previous page (?page=N, from 1). A
// page's size and the work of writing it do not grow with the story's
// proposals beyond listing and filtering them.
const QueuePageSize = 50

// pager is the queue's place among its pages.
type pager struct {
	Page, Pages, First, Last, Total int
	Prev, Next                      string
}

// paginate returns the page of n items that ?page= asks for (clamped to
// the pages there are), with the links to its neighbours, which keep the
// other query parameters.
func paginate(n int, q url.Values) pager {
	p := pager{Total: n, Pages: max(1, (n+QueuePageSize-1)/QueuePageSize)}
	p.Page, _ = strconv.Atoi(q.Get("page"))
	p.Page = min(max(p.Page, 1), p.Pages)
	p.First = (p.Page - 1) * QueuePageSize
	p.Last = min(p.First+QueuePageSize, n)
	link := func(page int) string {
		v := url.Values{}
		for k, vs := range q {
			if k != "page" && k != "saved" && k != "did" {
				v[k] = vs
			}
		}
		if page > 1 {
			v.Set("page", strconv.Itoa(page))
		}
		if len(v) == 0 {
			return "/queue"
		}
		return "/queue?" + v.Encode()
	}
	if p.Page > 1 {
		p.Prev = link(p.Page - 1)
	}
	if p.Page < p.Pages {
		p.Next = link(p.Page + 1)
	}
	return p
}

// queue serves "/queue": the proposals no decision has settled, filtered by
// article, claim (a proposed match or the group) and speaker, QueuePageSize
// to a page.
func (d *Desk) queue(w http.ResponseWriter, r *http.Request) {
	tl, seen, ok := d.timeline(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	fa, fc, fs := q.Get("article"), q.Get("claim"), q.Get("source")
	var kept []story.Proposal
	for _, p := range d.story.Pending() {
		if a, _ := p.Key.Article(); fa != "" && string(a) != fa {
			continue
		}
		if fs != "" && string(p.Candidate.Speaker) != fs {
			continue
		}
		if fc != "" && string(p.Group) != fc && !matches(p.Claims, fc) {
			continue
		}
		kept = append(kept, p)
	}
	texts := map[source.ArticleID]string{}
	for _, a := range tl.Registry().Articles() {
		texts[a.ID] = a.Text
	}
	claimTexts := map[claim.ID]string{}
	for _, c := range tl.Claims() {
		claimTexts[c.ID] = c.Text
	}
	pg := paginate(len(kept), q)
	views := d.views(kept[pg.First:pg.Last], tl.Registry(), texts)
	for i := range views {
		views[i].N += pg.First
		for j := range views[i].Claims {
			views[i].Claims[j].Text = claimTexts[views[i].Claims[j].ID]
		}
	}
	d.render(w, r, http.StatusOK, "queue.html", "Review queue", "queue", map[string]any{
		"Proposals": views, "Article": fa, "Claim": fc, "Source": fs, "Pager": pg,
		"Back": r.URL.RequestURI(), "Seen": seen, "Choices": d.choicesFor(tl, kept[pg.First:pg.Last]),
	})
}

// matches reports whether a claim is among a proposal's matches.
func matches(ms []story.ClaimMatch, id string) bool {
	for _, m := range ms {
		if string(m.Claim) == id {
			return true
		}
	}
	return false
}

// article serves "/article/ID": the article's text with every candidate's
// source, cue and content highlighted in place, and its proposals.
func (d *Desk) article(w http.ResponseWriter, r *http.Request) {
	id := source.ArticleID(r.PathValue("id"))
	tl, seen, tlok := d.timeline(w, r)
	if !tlok {
		return
	}
	added, ok := d.story.Proposals(id)
	a, known := tl.Registry().Article(id)
	if !ok || !known {
		d.fail(w, r, http.StatusNotFound, "the story has no article "+string(id))
		return
	}
	claimTexts := map[claim.ID]string{}
	for _, c := range tl.Claims() {
		claimTexts[c.ID] = c.Text
	}
	views := d.views(added.Candidates, tl.Registry(), nil)
	for i := range views {
		for j := range views[i].Claims {
			views[i].Claims[j].Text = claimTexts[views[i].Claims[j].ID]
		}
	}
	d.render(w, r, http.StatusOK, "article.html", a.Title, "", map[string]any{
		"Article": a, "Published": a.Published.UTC().Format(time.RFC3339),
		"Text": highlight(a.Text, added.Candidates), "Proposals": views,
		"Back": r.URL.RequestURI(), "Seen": seen, "Choices": d.choicesFor(tl, added.Candidates),
	})
}

// trackRow is one statement on a claim page.
type trackRow struct {
	Said       string
	Speaker    string
	Act        claim.Act
	Factuality claim.Factuality
	Article    source.ArticleID
	Quote      string
	Inherited  bool
	// Machine marks a statement accepted by the unattended mode that no
	// person has reviewed since.
	Machine bool
}

// claim serves "/claim/ID": the claim's timeline picture, its track and
// its status history.
func (d *Desk) claim(w http.ResponseWriter, r *http.Request) {
	tl, _, ok := d.timeline(w, r)
	if !ok {
		return
	}
	id := claim.ID(r.PathValue("id"))
	c, known := tl.Claim(id)
	if !known {
		d.fail(w, r, http.StatusNotFound, "the story has no claim "+string(id))
		return
	}
	var svg bytes.Buffer
	if err := render.ClaimSVG(&svg, tl, id, &render.Options{ArticleURL: "/article/{article}", IDPrefix: "claim"}); err != nil {
		d.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	track, _ := tl.Track(id)
	reg := tl.Registry()
	rows := make([]trackRow, 0, len(track))
	for _, e := range track {
		row := trackRow{Said: e.Said.String(), Speaker: speakerName(reg, e.Statement.Source), Act: e.Statement.Act,
			Factuality: e.Statement.Factuality, Article: e.Article, Inherited: e.Inherited,
			Machine: d.story.MachineAccepted(e.Statement.ID)}
		for _, m := range e.Statement.Mentions {
			if m.Article == e.Article {
				row.Quote = m.Span.Exact
			}
		}
		rows = append(rows, row)
	}
	hist, _ := tl.History(id)
	cur, _ := tl.Current(id)
	d.render(w, r, http.StatusOK, "claim.html", c.Text, "", map[string]any{
		"Claim": c, "Status": cur, "Picture": template.HTML(svg.String()), // render escapes every text it writes
		"Track": rows, "History": hist,
	})
}

// decideHandler serves "POST /decide": it accepts or rejects one proposal,
// saves the decision through the story, and only then redirects to the page
// it came from with a note that says so. A proposal decided meanwhile, in
// another browser or by another program on the same store (the command
// line, another desk), after the head the page was drawn at ("seen"), is not
// decided again: the page says who decided it and when, and links to the
// page reloaded.
func (d *Desk) decideHandler(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		d.fail(w, r, http.StatusBadRequest, "the form cannot be read: "+err.Error())
		return
	}
	if !csrfOK(r) {
		d.fail(w, r, http.StatusForbidden, "this form's security token is missing or out of date: reload the page and decide again")
		return
	}
	switch r.PostFormValue("action") {
	case "merge":
		d.decideMerge(w, r)
		return
	case "undo":
		d.decideUndo(w, r)
		return
	}
	key := story.Key(r.PostFormValue("key"))
	if _, ok := key.Article(); !ok {
		d.fail(w, r, http.StatusBadRequest, "no proposal named "+string(key))
		return
	}
	seen, ok := d.seenOf(w, r)
	if !ok {
		return
	}
	dec := story.Decision{Key: key, By: d.by, At: time.Now().UTC()}
	action := r.PostFormValue("action")
	switch action {
	case "accept", "accept-edited":
		// Only "Accept as edited" reads the edit fields: a plain accept
		// saves the proposal as proposed, whatever fields the browser
		// posts with it (left filled, or refilled on Back).
		dec.Kind = story.KindAccept
		// The choice is one the page offered: "" for the proposed new
		// claim, "claim:ID" or "same:ID". Anything else is refused rather
		// than read as a new claim, and an ID the story does not hold is
		// refused by Apply.
		choice := r.PostFormValue("claim")
		same, isSame := strings.CutPrefix(choice, "same:")
		c, isClaim := strings.CutPrefix(choice, "claim:")
		switch {
		case choice == "":
		case isSame && same != "":
			dec.SameAs = claim.StatementID(same)
		case isClaim && c != "":
			dec.Claim = claim.ID(c)
		default:
			d.fail(w, r, http.StatusBadRequest, "unknown choice of claim "+strconv.Quote(choice)+": want claim:ID, same:ID, or nothing for the proposed new claim")
			return
		}
	case "reject":
		dec.Kind = story.KindReject
		if e := editOf(r.PostForm); e.statementEdited() || e.other != "" || e.newClaim != "" {
			d.fail(w, r, http.StatusBadRequest, "the decision was not saved: a rejected proposal takes no edit; clear the edit fields, or accept it as edited")
			return
		}
	default:
		d.fail(w, r, http.StatusBadRequest, "unknown action "+strconv.Quote(action)+": want accept, accept-edited, reject or merge")
		return
	}
	back := safeBack(r.PostFormValue("back"))
	d.decide.Lock()
	defer d.decide.Unlock()
	if _, err := d.story.Sync(r.Context()); err != nil {
		d.fail(w, r, http.StatusServiceUnavailable, "the decision was not saved: the story cannot be read from its store: "+err.Error())
		return
	}
	if !d.hasProposal(key) {
		// Checked before Apply, which would log the decision as an
		// orphan, kept for good.
		d.failBack(w, r, http.StatusNotFound, "the story has no proposal "+string(key)+": nothing was saved; reload the page to see the proposals it has", back)
		return
	}
	if k := d.story.Decided(key); k != story.KindUnknown && (seen < 0 || d.decidedAfter(key, seen)) {
		// Decided meanwhile, here or elsewhere: say by whom.
		d.conflict(w, r, key, d.lastDecision(key), back)
		return
	}
	if action == "accept-edited" {
		if err := applyEdit(&dec, editOf(r.PostForm), d.resolver(), d.claimTaken()); err != nil {
			d.failBack(w, r, http.StatusBadRequest, "the decision was not saved: "+err.Error()+".", back)
			return
		}
	}
	batch := []story.Decision{dec}
	var report *story.Report
	var err error
	if seen >= 0 {
		report, err = d.story.ApplySeen(r.Context(), seen, batch...)
	} else {
		report, err = d.story.Apply(r.Context(), batch...)
	}
	if err != nil {
		var de *story.DecidedError
		switch {
		case errors.As(err, &de):
			d.conflict(w, r, key, &de.Decided, back)
		case errors.Is(err, story.ErrBroken):
			d.fail(w, r, http.StatusServiceUnavailable, "the decision was not saved: "+err.Error())
		case errors.Is(err, story.ErrConflict):
			d.failBack(w, r, http.StatusConflict, "the decision was not saved: the story changed meanwhile in another program; nothing was changed: reload the page and decide again", back)
		default:
			d.failBack(w, r, http.StatusUnprocessableEntity, "the decision was not saved: "+formMessage(err)+".", back)
		}
		return
	}
	if len(report.Orphans) > 0 {
		d.fail(w, r, http.StatusNotFound, "the story has no proposal "+string(key)+"; the decision is kept in the log as an orphan")
		return
	}
	did := "accepted"
	if dec.Kind == story.KindReject {
		did = "rejected"
	}
	redirectSaved(w, r, back, string(key), did, lastSeq(report))
}

// hasProposal reports whether the story proposes the candidate key names,
// in time linear in the proposals of its article.
func (d *Desk) hasProposal(key story.Key) bool {
	a, ok := key.Article()
	if !ok {
		return false
	}
	added, ok := d.story.Proposals(a)
	return ok && slices.ContainsFunc(added.Candidates, func(p story.Proposal) bool { return p.Key == key })
}

// seenOf reads the head a form's page was drawn at, -1 when the form
// gives none; false after writing the error page of a bad one.
func (d *Desk) seenOf(w http.ResponseWriter, r *http.Request) (int64, bool) {
	v := r.PostFormValue("seen")
	if v == "" {
		return -1, true
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		d.fail(w, r, http.StatusBadRequest, "the form's seen "+strconv.Quote(v)+" is not a head of the story: reload the page and decide again")
		return 0, false
	}
	return n, true
}

// decideMerge serves a merge posted to "/decide": it catches up with the
// store and merges, one decision at a time, as decideHandler decides.
func (d *Desk) decideMerge(w http.ResponseWriter, r *http.Request) {
	seen, ok := d.seenOf(w, r)
	if !ok {
		return
	}
	back := safeBack(r.PostFormValue("back"))
	d.decide.Lock()
	defer d.decide.Unlock()
	if _, err := d.story.Sync(r.Context()); err != nil {
		d.failBack(w, r, http.StatusServiceUnavailable, "the merge was not saved: the story cannot be read from its store: "+err.Error(), back)
		return
	}
	d.merge(w, r, seen, back)
}

// safeBack returns the desk address a form asks to come back to, or
// "/queue" for anything that would leave the desk.
func safeBack(back string) string {
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.HasPrefix(back, "/\\") {
		return "/queue"
	}
	if _, err := url.Parse(back); err != nil {
		return "/queue"
	}
	return back
}

// decidedAfter reports whether the latest decision on key came after the
// head seen: whether the page that offered the decision could not show it.
// It is linear in the log.
func (d *Desk) decidedAfter(key story.Key, seen int64) bool {
	last := d.lastDecision(key)
	return last == nil || last.Seq > seen
}

// lastDecision returns the latest logged decision on key, or nil. It is
// linear in the log.
func (d *Desk) lastDecision(key story.Key) *story.Decision {
	ds := d.story.Decisions()
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].Key == key {
			return &ds[i]
		}
	}
	return nil
}

// conflict writes the page of a decision refused because the proposal was
// decided meanwhile: who decided it, when, and a link to the page it came
// from, reloaded.
func (d *Desk) conflict(w http.ResponseWriter, r *http.Request, key story.Key, by *story.Decision, back string) {
	msg := "proposal " + string(key) + " was decided meanwhile"
	if by != nil {
		msg = "proposal " + string(key) + " was " + pastTense(by.Kind) + " meanwhile"
		if by.By != "" {
			msg += " by " + by.By
		}
		if !by.At.IsZero() {
			msg += " at " + by.At.UTC().Format("2006-01-02 15:04 UTC")
		}
	}
	d.failBack(w, r, http.StatusConflict, msg+", perhaps in another browser or program; your decision was not saved and theirs stands. Reload the page to see the story as it is now.", back)
}

// pastTense names what a decision did.
func pastTense(k story.Kind) string {
	switch k {
	case story.KindAccept:
		return "accepted"
	case story.KindReject:
		return "rejected"
	case story.KindMergeSource:
		return "merged"
	case story.KindUndo:
		return "undone"
	case story.KindUnknown, story.KindCreateClaim, story.KindRenameClaim, story.KindReprint:
	}
	return "decided (" + k.String() + ")"
}
