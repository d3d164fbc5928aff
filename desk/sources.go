package desk

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// sourceRow is a source the sources page offers to merge: a proposed
// source waiting for a decision, with the story's best matches for it
// first, or a story source.
type sourceRow struct {
	ID      source.ID
	Name    string
	Kind    source.Kind
	Unnamed bool
	Article source.ArticleID
	Matches []matchChoice
	// N is the row's number on the page, for its anchor.
	N int
}

// matchChoice is an existing source a proposed source may be, as the
// merge forms offer it.
type matchChoice struct {
	ID     source.ID
	Name   string
	Score  int // percent
	Reason string
}

// pendingSources returns the proposed sources of the articles no decision
// has settled, in the order the articles were added, each with its
// matches named from reg. It is linear in the articles' proposed sources
// and their matches.
func (d *Desk) pendingSources(articles []source.ArticleID, reg *source.Registry) []sourceRow {
	var rows []sourceRow
	for _, a := range articles {
		added, ok := d.story.Proposals(a)
		if !ok {
			continue
		}
		for _, sp := range added.Sources {
			if !d.story.PendingSource(sp.Source.ID) {
				continue
			}
			rows = append(rows, sourceRow{ID: sp.Source.ID, Name: sp.Source.Name, Kind: sp.Source.Kind,
				Unnamed: sp.Source.Identity == source.IdentityUnnamed, Article: a, Matches: d.matches(sp, reg)})
		}
	}
	return rows
}

// matches returns a proposed source's matches as the forms offer them,
// best first, without those merged away or rejected since.
func (d *Desk) matches(sp story.SourceProposal, reg *source.Registry) []matchChoice {
	var out []matchChoice
	for _, m := range sp.Matches {
		name := string(m.ID)
		if s, ok := reg.Source(m.ID); ok {
			name = s.Name
		} else if !d.story.PendingSource(m.ID) {
			continue
		}
		out = append(out, matchChoice{ID: m.ID, Name: name, Score: int(m.Score*100 + 0.5), Reason: m.Reason})
	}
	return out
}

// sources serves "/sources": the proposed sources waiting for a decision,
// each with a form to merge it into one of the sources the story proposes
// (best first) or any other, and the story's sources, each with a form to
// merge it into another.
func (d *Desk) sources(w http.ResponseWriter, r *http.Request) {
	tl, seen, ok := d.timeline(w, r)
	if !ok {
		return
	}
	reg := tl.Registry()
	proposed := d.pendingSources(tl.ArticleOrder(), reg)
	var known []sourceRow
	for _, s := range reg.Sources() {
		if s.ID == source.AbsentID {
			continue
		}
		known = append(known, sourceRow{ID: s.ID, Name: s.Name, Kind: s.Kind, Unnamed: s.Identity == source.IdentityUnnamed})
	}
	for i := range proposed {
		proposed[i].N = i + 1
	}
	for i := range known {
		known[i].N = len(proposed) + i + 1
	}
	d.render(w, r, http.StatusOK, "sources.html", "Sources", "sources", map[string]any{
		"Proposed": proposed, "Known": known, "Back": r.URL.RequestURI(), "Seen": seen,
		"Choices": d.choicesFor(tl, nil),
	})
}

// merge serves a merge-source decision posted to "/decide": source is
// merged into the source typed in the form's "other_into" field (an ID,
// or a name or alias the registry resolves) when there is one, else into
// the one chosen in its list.
// The caller holds d.decide and has caught up with the store.
func (d *Desk) merge(w http.ResponseWriter, r *http.Request, seen int64, back string) {
	from := source.ID(strings.TrimSpace(r.PostFormValue("source")))
	into := source.ID(strings.TrimSpace(r.PostFormValue("into")))
	other := strings.TrimSpace(r.PostFormValue("other_into"))
	switch {
	case from == "":
		d.failBack(w, r, http.StatusBadRequest, "the merge was not saved: the form names no source to merge", back)
		return
	case other != "":
		if strings.HasPrefix(other, "new:") {
			into = source.ID(other)
		} else if id, ok := d.resolver()(other); ok {
			into = id
		} else {
			d.failBack(w, r, http.StatusBadRequest, "the merge was not saved: the source "+strconv.Quote(other)+" is no source of the story: pick one the list offers, or type its ID or one of its names", back)
			return
		}
	case into == "":
		d.failBack(w, r, http.StatusBadRequest, "the merge was not saved: choose the source to merge "+string(from)+" into", back)
		return
	}
	dec := story.Decision{Kind: story.KindMergeSource, Source: from, Into: into, By: d.by, At: time.Now().UTC()}
	if !d.hasSource(dec) {
		// Checked before Apply, which would log the decision as an
		// orphan, kept for good.
		d.failBack(w, r, http.StatusNotFound, "the story has no source "+string(from)+" to merge: nothing was saved; reload the page to see the sources it has", back)
		return
	}
	var report *story.Report
	var err error
	if seen >= 0 {
		report, err = d.story.ApplySeen(r.Context(), seen, dec)
	} else {
		report, err = d.story.Apply(r.Context(), dec)
	}
	if err != nil {
		var de *story.DecidedError
		switch {
		case errors.As(err, &de):
			d.failBack(w, r, http.StatusConflict, "the source "+string(from)+" was "+pastTense(de.Decided.Kind)+" meanwhile"+byWhom(&de.Decided)+", perhaps in another browser or program; your merge was not saved and theirs stands. Reload the page to see the story as it is now.", back)
		case errors.Is(err, story.ErrBroken):
			d.failBack(w, r, http.StatusServiceUnavailable, "the merge was not saved: "+err.Error(), back)
		case errors.Is(err, story.ErrConflict):
			d.failBack(w, r, http.StatusConflict, "the merge was not saved: the story changed meanwhile in another program; nothing was changed: reload the page and merge again", back)
		default:
			d.failBack(w, r, http.StatusUnprocessableEntity, "the merge was not saved: "+formMessage(err)+".", back)
		}
		return
	}
	if len(report.Orphans) > 0 {
		d.failBack(w, r, http.StatusNotFound, "the story has no source "+string(from)+" to merge; the decision is kept in the log as an orphan", back)
		return
	}
	redirectSaved(w, r, back, string(from), "merged", lastSeq(report))
}

// hasSource reports whether the story has the source a merge decision
// merges: one of its sources, or a source one of its articles proposed
// (settled or not: the story says why a settled one cannot be merged).
// It is linear in the story's size (it reads the story's corpus), or in
// the proposals of the proposing article.
func (d *Desk) hasSource(dec story.Decision) bool {
	if !strings.HasPrefix(string(dec.Source), "new:") {
		return slices.ContainsFunc(d.story.Corpus().Sources, func(s source.Source) bool { return s.ID == dec.Source })
	}
	a, ok := dec.About()
	if !ok {
		return false
	}
	added, ok := d.story.Proposals(a)
	return ok && slices.ContainsFunc(added.Sources, func(sp story.SourceProposal) bool { return sp.Source.ID == dec.Source })
}

// byWhom says who decided and when, for a sentence: " by ana at
// 2025-03-04 10:00 UTC", or "" when the decision says neither.
func byWhom(d *story.Decision) string {
	var s string
	if d.By != "" {
		s += " by " + d.By
	}
	if !d.At.IsZero() {
		s += " at " + d.At.UTC().Format("2006-01-02 15:04 UTC")
	}
	return s
}

// lastSeq returns the Seq of the last decision a report says was applied,
// or 0.
func lastSeq(r *story.Report) int64 {
	if r == nil || len(r.Applied) == 0 {
		return 0
	}
	return r.Applied[len(r.Applied)-1].Seq
}

// redirectSaved sends the browser back to the desk page it came from,
// with the note that what it asked is saved and, when undo is not 0, the
// Seq of the decision its Undo button takes back.
func redirectSaved(w http.ResponseWriter, r *http.Request, back, saved, did string, undo int64) {
	u, err := url.Parse(back)
	if err != nil {
		u = &url.URL{Path: "/queue"}
	}
	q := u.Query()
	q.Set("saved", saved)
	q.Set("did", did)
	if undo > 0 {
		q.Set("undo", strconv.FormatInt(undo, 10))
	}
	u.RawQuery = q.Encode()
	u.Fragment = ""
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}

// decideUndo serves an undo posted to "/decide": the decision whose Seq
// the form's "undoes" names is taken back (a story.KindUndo decision), and
// the story is as if it had never been made. Only the last decision of the
// log, made under the desk's own name, is taken back; any other is refused
// with 409, as is an undo that a later decision depends on.
func (d *Desk) decideUndo(w http.ResponseWriter, r *http.Request) {
	back := safeBack(r.PostFormValue("back"))
	v := r.PostFormValue("undoes")
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		d.failBack(w, r, http.StatusBadRequest, "the undo was not saved: "+strconv.Quote(v)+" names no decision of the log", back)
		return
	}
	d.decide.Lock()
	defer d.decide.Unlock()
	if _, err := d.story.Sync(r.Context()); err != nil {
		d.failBack(w, r, http.StatusServiceUnavailable, "the undo was not saved: "+err.Error(), back)
		return
	}
	// The Seq comes from the page, and a crafted link can put any number
	// there: the desk takes back only the decision it just saved, made
	// under its own name and still the latest of the log, as the note's
	// button offers. Other undos go through 'claimtrail decide'.
	seen := d.story.Head()
	ds := d.story.Decisions()
	if n > int64(len(ds)) {
		d.failBack(w, r, http.StatusUnprocessableEntity, "the undo was not saved: the log holds "+strconv.Itoa(len(ds))+" decisions, not "+strconv.FormatInt(n, 10), back)
		return
	}
	if last := ds[len(ds)-1]; n != last.Seq || last.By != d.by || last.Kind == story.KindUndo {
		d.failBack(w, r, http.StatusConflict, "the undo was not saved: the desk takes back only the last decision of the log, when it saved it itself; decision "+strconv.FormatInt(n, 10)+" is not that one (take it back with 'claimtrail decide')", back)
		return
	}
	dec := story.Decision{Kind: story.KindUndo, Undoes: n, By: d.by, At: time.Now().UTC()}
	_, err = d.story.ApplySeen(r.Context(), seen, dec)
	switch {
	case err == nil:
	case errors.Is(err, story.ErrDependent):
		d.failBack(w, r, http.StatusConflict, "the undo was not saved: "+formMessage(err)+".", back)
		return
	case errors.Is(err, story.ErrBroken):
		d.failBack(w, r, http.StatusServiceUnavailable, "the undo was not saved: "+err.Error(), back)
		return
	case errors.Is(err, story.ErrConflict):
		d.failBack(w, r, http.StatusConflict, "the undo was not saved: the story changed meanwhile in another program; nothing was changed: reload the page and undo again", back)
		return
	default:
		d.failBack(w, r, http.StatusUnprocessableEntity, "the undo was not saved: "+formMessage(err)+".", back)
		return
	}
	redirectSaved(w, r, back, strconv.FormatInt(n, 10), "undone", 0)
}
