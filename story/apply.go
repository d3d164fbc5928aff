package story

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// Report says what became of decisions given to Story.Apply or replayed by
// Story.Reextract.
type Report struct {
	// Applied are the decisions applied, with their Seq in the log.
	Applied []Decision `json:"applied,omitempty"`
	// Orphans are the decisions whose candidate or proposed source the
	// story no longer has (the extractor no longer finds it). They stay in
	// the log, and apply again should it come back.
	Orphans []Decision `json:"orphans,omitempty"`
	// Failed are decisions replayed by Story.Reextract that no longer
	// apply (a candidate whose speaker is no longer resolved, say), each
	// with its error. They stay in the log.
	Failed []Failure `json:"failed,omitempty"`
}

// Failure is a decision that could not be applied again, and why.
type Failure struct {
	Decision Decision `json:"decision"`
	Err      error    `json:"-"`
	// Reason is Err's message, for JSON.
	Reason string `json:"reason"`
}

// Apply applies decisions in order and appends them to the story's log.
// It stops at the first decision that is invalid or does not fit the story
// (an unknown claim, a source rejected before, an edit that makes the
// statement invalid), returning a *FieldError whose field starts with
// "decisions[i]." and the report of those applied before it, which stay
// applied. A decision whose candidate or proposed source the story does not
// have is no error: it is logged and reported as an orphan. A cancelled ctx
// stops it between two decisions.
//
// A story opened from a Store (see Open) first catches up with what other
// writers appended (see Story.Sync). A decision on something decided by a
// decision the story had not seen when Apply was called (a candidate or a
// proposed source accepted, rejected or merged, a claim created or
// renamed, an article marked as a reprint, by another program) is refused
// with a *DecidedError, wrapping ErrConflict, that names it, who decided
// it and when: Apply never overwrites a decision made elsewhere that its
// caller has not seen. Decide again after looking at the story, or use
// Story.ApplySeen to say which head the decisions were made against.
//
// The decisions it logged, those before a refused one included, are then
// written to the store in one transaction, checked against the head the
// story caught up to. Should another writer append in between, Apply reads
// the story again from the store and applies the decisions once more, with
// the same refusals, which makes the retry safe; when that second try
// meets another writer too, Apply fails with an error wrapping
// ErrConflict and nothing of it is stored. When the write fails otherwise,
// Apply returns an error wrapping ErrBroken; the story then holds what the
// store does not, and the next Sync, Add or Apply reads it again from the
// store.
//
// An undo (KindUndo) takes back an earlier decision: the story is built
// again as if it had never been made (see the package documentation),
// or, when a later decision depends on it (would fail, find nothing to
// decide, or apply differently without it), the undo is refused with a
// *DependentError naming that decision, wrapping ErrDependent, and the
// story is left as it was.
//
// Each decision costs time linear in the candidate's size, apart from
// rejecting a candidate accepted before, which is linear in the statements,
// and an undo, which costs what Reextract costs without extracting again
// the articles read with a registry it leaves as it was (see the package
// documentation); catching up costs what
// Sync costs, and reads the whole story again after an undo made elsewhere.
func (s *Story) Apply(ctx context.Context, ds ...Decision) (*Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.applySeen(ctx, s.head, ds)
}

// ApplySeen is Apply for decisions made against an earlier state of the
// story: seen is the head (see Story.Head) the story had when the
// decider looked at it, such as when a review page was drawn. Decisions
// made since seen by anyone else (another program, or another caller of
// this Story) on what a decision decides make it refused with a
// *DecidedError. The story knows the log at the heads it held since it
// was created or opened; for a seen before those (a page drawn by an
// earlier run of the program), every decision counts as made after it, so
// that nothing is overwritten unseen. A seen above the story's head gives
// a *FieldError on "seen" wrapping ErrInvalid. It costs what Apply costs, plus a search
// among the heads the story held, logarithmic in them.
func (s *Story) ApplySeen(ctx context.Context, seen int64, ds ...Decision) (*Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.applySeen(ctx, seen, ds)
}

func (s *Story) applySeen(ctx context.Context, seen int64, ds []Decision) (*Report, error) {
	for try := 0; ; try++ {
		if _, err := s.sync(ctx); err != nil {
			return nil, err
		}
		if seen < 0 || seen > s.head {
			return nil, fieldErr("seen", strconv.FormatInt(seen, 10), fmt.Errorf("%w: the story's head is %d", ErrInvalid, s.head))
		}
		r, err := s.applyOnce(ctx, seen, ds)
		if try == 0 && s.stale(err) {
			continue
		}
		return r, err
	}
}

// applyOnce applies decisions to a story that holds its store's head, and
// writes them through.
func (s *Story) applyOnce(ctx context.Context, seen int64, ds []Decision) (_ *Report, retErr error) {
	r := &Report{}
	defer func() {
		if len(r.Applied)+len(r.Orphans) == 0 {
			return
		}
		logged := s.decisions[len(s.decisions)-len(r.Applied)-len(r.Orphans):]
		switch err := s.write(ctx, &Batch{Decisions: logged}); {
		case err == nil:
		case retErr == nil || s.stale(err):
			retErr = err
		default:
			// Both: the decisions before the refused one are not stored.
			retErr = errors.Join(err, retErr)
		}
	}()
	known := s.logAt(seen) // the decisions the decider saw
	before := len(s.decisions)
	for i, d := range ds {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		if t := s.targetOf(d); t != "" {
			if q := s.lastOn[t]; q > int64(known) && q <= int64(before) {
				return r, prefix(fmt.Sprintf("decisions[%d]", i), &DecidedError{Target: t, Seen: seen, Decided: s.decisions[q-1]})
			}
		}
		if d.Kind == KindUndo {
			u, err := s.takeBack(ctx, d)
			if err != nil {
				return r, prefix(fmt.Sprintf("decisions[%d]", i), err)
			}
			r.Applied = append(r.Applied, u)
			continue
		}
		orphan, err := s.apply(d)
		if err != nil {
			return r, prefix(fmt.Sprintf("decisions[%d]", i), err)
		}
		d = s.log(d, orphan)
		if orphan {
			r.Orphans = append(r.Orphans, d)
		} else {
			s.effects[d.Seq] = s.effect(d)
			r.Applied = append(r.Applied, d)
		}
	}
	return r, nil
}

// log appends a decision to the log.
func (s *Story) log(d Decision, orphan bool) Decision {
	d.Seq = int64(len(s.decisions) + 1)
	d.Actors = slices.Clone(d.Actors)
	if d.Factuality != nil {
		f := *d.Factuality
		d.Factuality = &f
	}
	if d.Identity != nil {
		i := *d.Identity
		d.Identity = &i
	}
	if d.Investigator != nil {
		b := *d.Investigator
		d.Investigator = &b
	}
	t := s.targetOf(d)
	s.decisions = append(s.decisions, d)
	if t != "" {
		s.lastOn[t] = d.Seq
	}
	if d.Kind == KindUndo {
		s.undone[d.Undoes] = true
	}
	if orphan {
		s.orphans = append(s.orphans, d)
	}
	return d
}

// prefix puts path before the field of a *FieldError, or wraps another
// error in one naming path.
func prefix(path string, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		return &FieldError{Field: path + "." + fe.Field, Value: fe.Value, Err: fe.Err}
	}
	return &FieldError{Field: path, Err: err}
}

// apply applies one decision; orphan reports a decision whose candidate or
// proposed source the story does not have.
func (s *Story) apply(d Decision) (orphan bool, err error) {
	if err := d.Check(); err != nil {
		return false, err
	}
	switch d.Kind {
	case KindAccept:
		if d.Key != "" {
			return s.acceptCandidate(d)
		}
		if s.proposed[d.Source] == nil {
			return true, nil
		}
		_, err := s.acceptSource(d.Source, sourceEdit{
			as: d.As, name: d.Text, kind: d.SourceKind, identity: d.Identity,
			parent: d.Parent, investigator: d.Investigator,
		}, "source")
		return false, err
	case KindReject:
		if d.Key != "" {
			return s.rejectCandidate(d.Key)
		}
		if s.proposed[d.Source] == nil {
			return true, nil
		}
		if _, done := s.mapped[d.Source]; done {
			return false, fieldErr("source", string(d.Source), fmt.Errorf("%w: already accepted or merged", ErrInvalid))
		}
		s.rejectedS[d.Source] = true
		s.srcIndex.remove(d.Source)
		return false, nil
	case KindMergeSource:
		if !isProposed(d.Source) {
			return s.mergeAccepted(d)
		}
		if s.proposed[d.Source] == nil {
			return true, nil
		}
		if _, done := s.mapped[d.Source]; done || s.rejectedS[d.Source] {
			return false, fieldErr("source", string(d.Source), fmt.Errorf("%w: already decided", ErrInvalid))
		}
		into := s.resolve(d.Into)
		if isProposed(into) {
			var err error
			if into, err = s.acceptSource(into, sourceEdit{}, "into"); err != nil {
				return false, err
			}
		} else if _, ok := s.sourcePos[into]; !ok && into != source.AbsentID {
			return false, fieldErr("into", string(d.Into), ErrUnknownSource)
		}
		s.mapped[d.Source] = into
		s.srcIndex.remove(d.Source)
		return false, nil
	case KindCreateClaim:
		if _, ok := s.claimPos[d.Claim]; ok {
			return false, fieldErr("claim", string(d.Claim), ErrDuplicateID)
		}
		for i, a := range d.Actors {
			if _, ok := s.sourcePos[a.Source]; !ok {
				return false, fieldErr(fmt.Sprintf("actors[%d].source", i), string(a.Source), ErrUnknownSource)
			}
		}
		s.addClaim(claim.Claim{ID: d.Claim, Text: d.Text, Actors: slices.Clone(d.Actors)})
		return false, nil
	case KindRenameClaim:
		i, ok := s.claimPos[d.Claim]
		if !ok {
			return false, fieldErr("claim", string(d.Claim), ErrUnknownClaim)
		}
		s.claims[i].Text = d.Text
		s.rev++
		s.claimIdx.add(d.Claim, d.Text)
		return false, nil
	case KindUndo:
		// Replayed from the log: replay skipped the decision it takes
		// back. Story.undo applies a new one.
		return false, nil
	case KindReprint:
		a, o := s.byArticle[d.Article], s.byArticle[d.Of]
		switch {
		case a == nil:
			return false, fieldErr("article", string(d.Article), ErrUnknownArticle)
		case o == nil:
			return false, fieldErr("of", string(d.Of), ErrUnknownArticle)
		case o.a.Published.After(a.a.Published):
			return false, fieldErr("of", string(d.Of), fmt.Errorf("%w: published after %s", ErrInvalid, d.Article))
		}
		a.a.Reprints = d.Of
		s.reprintMarked(a)
		return false, nil
	default:
		// Check refuses unknown kinds before: this is a kind added to
		// Check and not here.
		return false, fieldErr("kind", d.Kind.String(), ErrInvalid)
	}
}

// addClaim adds a claim and indexes its text.
func (s *Story) addClaim(c claim.Claim) {
	s.claimPos[c.ID] = len(s.claims)
	s.claims = append(s.claims, c)
	s.claimIdx.add(c.ID, c.Text)
}

// sourceEdit is what a decision accepting a proposed source changes of it;
// zero values keep what was proposed.
type sourceEdit struct {
	as           source.ID // the ID it takes; derived when empty
	name         string
	kind         source.Kind
	identity     *source.Identity
	parent       source.ID
	investigator *bool
}

// edits reports whether e changes more than the ID and the name, which an
// accepted source keeps silently for compatibility with older logs.
func (e sourceEdit) edits() bool {
	return e.kind != source.KindUnknown || e.identity != nil || e.parent != "" || e.investigator != nil
}

// acceptSource accepts a proposed source as e.as (derived when empty),
// with what e changes, accepting a proposed parent too, and returns the ID
// it took. A source accepted or merged before keeps what it became. field
// names the decision's field in errors.
func (s *Story) acceptSource(proposed source.ID, e sourceEdit, field string) (source.ID, error) {
	id := e.as
	if to, done := s.mapped[proposed]; done {
		if id != "" && id != to || e.edits() {
			return "", fieldErr(field, string(proposed), fmt.Errorf("%w: already accepted as %s", ErrInvalid, to))
		}
		return s.resolve(to), nil
	}
	if s.rejectedS[proposed] {
		return "", fieldErr(field, string(proposed), ErrRejected)
	}
	sp := s.proposed[proposed]
	if sp == nil {
		return "", fieldErr(field, string(proposed), ErrUnknownSource)
	}
	src := sp.Source
	if id == "" {
		id = acceptedID(proposed)
		if _, taken := s.sourcePos[id]; taken || id == source.AbsentID {
			art := string(proposed[len(proposed)-len(sp.article()):])
			id = source.ID(string(id) + "-" + art)
		}
	}
	if _, taken := s.sourcePos[id]; taken || id == source.AbsentID || isProposed(id) {
		return "", fieldErr("as", string(id), ErrDuplicateID)
	}
	parentField := field
	if e.parent != "" {
		if err := s.checkParent(proposed, e.parent); err != nil {
			return "", err
		}
		src.Parent, parentField = e.parent, "parent"
	}
	if src.Parent != "" {
		parent := s.resolve(src.Parent)
		if isProposed(parent) {
			var err error
			if parent, err = s.acceptSource(parent, sourceEdit{}, parentField); err != nil {
				return "", err
			}
		}
		src.Parent = parent
	}
	if e.kind != source.KindUnknown {
		src.Kind = e.kind
	}
	if e.identity != nil {
		src.Identity = *e.identity
	}
	if e.investigator != nil {
		src.Investigator = *e.investigator
	}
	src.ID = id
	if e.name != "" {
		src.Name = e.name
	}
	key := s.regKey
	s.addSource(src, proposed)
	if _, err := s.registry(); err != nil {
		// The registry refuses the source (an alias another source holds):
		// take it out again.
		s.sources = s.sources[:len(s.sources)-1]
		s.rev++
		delete(s.sourcePos, id)
		delete(s.origin, id)
		s.reg, s.regKey = nil, key
		return "", fieldErr(field, string(proposed), err)
	}
	s.mapped[proposed] = id
	s.srcIndex.remove(proposed)
	return id, nil
}

// checkParent checks the parent a decision gives a proposed source: a story
// source, or a proposed source neither rejected nor proposed under it, so
// that accepting it makes no cycle. It looks at most at the proposed
// sources above parent.
func (s *Story) checkParent(proposed, parent source.ID) error {
	p := s.resolve(parent)
	if !isProposed(p) {
		if _, ok := s.sourcePos[p]; !ok {
			return fieldErr("parent", string(parent), ErrUnknownSource)
		}
		return nil
	}
	for seen := 0; isProposed(p) && seen <= len(s.proposed); seen++ {
		if p == proposed {
			return fieldErr("parent", string(parent), fmt.Errorf("%w: %s is proposed under %s", ErrInvalid, parent, proposed))
		}
		if s.rejectedS[p] {
			return fieldErr("parent", string(parent), ErrRejected)
		}
		sp := s.proposed[p]
		if sp == nil {
			return fieldErr("parent", string(parent), ErrUnknownSource)
		}
		p = s.resolve(sp.Source.Parent)
	}
	return nil
}

// article returns the article part of a proposed source's ID.
func (sp *SourceProposal) article() string {
	id := string(sp.Source.ID)
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '@' {
			return id[i+1:]
		}
	}
	return ""
}

// speaker resolves a candidate's speaker or relay to a story source,
// accepting a proposed source as it was proposed.
func (s *Story) speaker(id source.ID, field string) (source.ID, error) {
	if id == "" {
		return "", fieldErr(field, "", ErrEmpty)
	}
	id = s.resolve(id)
	if isProposed(id) {
		return s.acceptSource(id, sourceEdit{}, field)
	}
	if _, ok := s.sourcePos[id]; !ok && id != source.AbsentID {
		return "", fieldErr(field, string(id), ErrUnknownSource)
	}
	return id, nil
}

// statementID returns the ID of the statement accepted from a candidate.
func statementID(k Key) claim.StatementID { return claim.StatementID("s:" + string(k)) }

// acceptCandidate applies an accept decision on a candidate.
func (s *Story) acceptCandidate(d Decision) (orphan bool, err error) {
	p := s.proposals[d.Key]
	if p == nil {
		return true, nil
	}
	c := p.p.Candidate
	c.Content = slices.Clone(c.Content)
	if d.Speaker != "" {
		c.Speaker = d.Speaker
	}
	if c.Speaker, err = s.speaker(c.Speaker, "speaker"); err != nil {
		return false, err
	}
	via := make([]source.ID, 0, len(c.Via))
	for _, v := range c.Via {
		r, err := s.speaker(v, "via")
		if err != nil {
			return false, err
		}
		if r != c.Speaker && !slices.Contains(via, r) {
			via = append(via, r)
		}
	}
	c.Via = via
	if d.Act != claim.ActUnknown {
		c.Act = d.Act
	}
	if d.Factuality != nil {
		c.Factuality = *d.Factuality
	}
	if d.Said.IsValid() {
		c.Said = d.Said
	}
	art := p.article.a

	if d.SameAs != "" {
		i, ok := s.stmtPos[d.SameAs]
		if !ok {
			return false, fieldErr("same_as", string(d.SameAs), ErrUnknownStatement)
		}
		m, err := c.Mention(art.ID, art.Text)
		if err != nil {
			return false, fieldErr("key", string(d.Key), err)
		}
		// As a statement's: a person's decision on the candidate adds
		// the mention again, without it.
		m.MachineAccepted = d.By == MachineBy
		s.undo(d.Key)
		st := &s.statements[i]
		if !slices.ContainsFunc(st.Mentions, func(o claim.Mention) bool { return o.Article == m.Article && o.Span.Start == m.Span.Start }) {
			// Clipped, so that append copies: a stored statement's
			// mentions are shared with the story's base (see rebuild).
			st.Mentions = append(slices.Clip(st.Mentions), m)
			s.mentionAdded(i, m)
		}
		s.mentionOf[d.Key] = st.ID
		s.decided[d.Key] = KindAccept
		s.claimIdx.add(st.Claim, p.p.Quote)
		return false, nil
	}

	// The claim a decision creates (one worded by the decision, or the
	// new claim proposed for the candidate's group) is added only once the
	// statement proved valid against it: a refused acceptance leaves no
	// claim behind.
	claimID := d.Claim
	var created *claim.Claim
	switch {
	case d.Text != "":
		if _, ok := s.claimPos[claimID]; ok {
			return false, fieldErr("claim", string(claimID), fmt.Errorf("%w: text words a new claim, and the story has this one", ErrDuplicateID))
		}
		created = &claim.Claim{ID: claimID, Text: d.Text}
	case claimID == "":
		claimID = claim.ID("c:" + string(d.Key))
		text := p.p.Quote
		if p.group != nil {
			claimID, text = p.group.ID, p.group.Text
		}
		if _, ok := s.claimPos[claimID]; !ok {
			if text == "" {
				text = spanText(art.Text, c.Cue.Start, c.Cue.End)
			}
			created = &claim.Claim{ID: claimID, Text: text}
		}
	}
	var cl claim.Claim
	if created != nil {
		cl = *created
	} else {
		ci, ok := s.claimPos[claimID]
		if !ok {
			return false, fieldErr("claim", string(claimID), ErrUnknownClaim)
		}
		cl = s.claims[ci]
	}
	st, err := c.Statement(statementID(d.Key), claimID, art.ID, art.Text)
	if err != nil {
		return false, fieldErr("key", string(d.Key), err)
	}
	// The mark travels with the statement, into the corpus, the store and
	// every format written from them; a person's decision on the
	// candidate accepts it again, without it.
	st.MachineAccepted = d.By == MachineBy
	if err := s.checkStatement(d.Key, st, cl, art); err != nil {
		return false, err
	}
	if created != nil {
		s.addClaim(*created)
	}
	s.undo(d.Key)
	s.stmtPos[st.ID] = len(s.statements)
	s.statements = append(s.statements, st)
	s.stmtKey[st.ID] = d.Key
	sc := speakerClaim{st.Source, st.Claim}
	s.bySpeaker[sc] = append(s.bySpeaker[sc], st.ID)
	s.claimIdx.add(claimID, p.p.Quote)
	s.decided[d.Key] = KindAccept
	return false, nil
}

// checkStatement validates a statement as a corpus would, with only what
// it refers to, so that an edit that makes it invalid (a denial that
// affirms, a said date after its article) is refused when it is made.
func (s *Story) checkStatement(k Key, st claim.Statement, c claim.Claim, a source.Article) error {
	c = c.Clone()
	c.Relations, c.Actors = nil, nil
	a.Outlet, a.Wire, a.Reprints = "", "", ""
	ids := append([]source.ID{st.Source}, st.Via...)
	var srcs []source.Source
	for _, id := range ids {
		if i, ok := s.sourcePos[id]; ok {
			src := s.sources[i]
			src.Parent, src.Offices, src.Aliases = "", nil, nil
			srcs = append(srcs, src)
		}
	}
	mini := claim.Corpus{Sources: srcs, Articles: []source.Article{a}, Claims: []claim.Claim{c}, Statements: []claim.Statement{st}}
	if err := mini.Validate(); err != nil {
		return fieldErr("key", string(k), err)
	}
	return nil
}

// rejectCandidate applies a reject decision on a candidate, taking back
// what accepting it had added.
func (s *Story) rejectCandidate(k Key) (orphan bool, err error) {
	if s.proposals[k] == nil {
		return true, nil
	}
	s.undo(k)
	s.decided[k] = KindReject
	return false, nil
}

// undo takes back what accepting the candidate had added: its statement, or
// its mention of another statement.
func (s *Story) undo(k Key) {
	if to, ok := s.mentionOf[k]; ok {
		delete(s.mentionOf, k)
		p := s.proposals[k]
		if i, ok := s.stmtPos[to]; ok && p != nil {
			s.rev++
			st := &s.statements[i]
			// A copy: the mentions may be shared with the base.
			st.Mentions = slices.DeleteFunc(slices.Clone(st.Mentions), func(m claim.Mention) bool {
				return m.Article == p.article.a.ID && m.Span.Start == mentionStart(p.p.Candidate)
			})
		}
	}
	id := statementID(k)
	i, ok := s.stmtPos[id]
	if !ok {
		return
	}
	st := s.statements[i]
	s.rev++
	s.statements = slices.Delete(s.statements, i, i+1)
	delete(s.stmtPos, id)
	for j := i; j < len(s.statements); j++ {
		s.stmtPos[s.statements[j].ID] = j
	}
	delete(s.stmtKey, id)
	sc := speakerClaim{st.Source, st.Claim}
	s.bySpeaker[sc] = slices.DeleteFunc(s.bySpeaker[sc], func(o claim.StatementID) bool { return o == id })
}

// mentionStart is where a candidate's mention starts: the first of its
// spans, as Candidate.Mention has it.
func mentionStart(c extract.Candidate) int {
	start := c.Cue.Start
	if c.SpeakerText.End > 0 && c.SpeakerText.Start < start {
		start = c.SpeakerText.Start
	}
	for _, sp := range c.Content {
		if sp.Start < start {
			start = sp.Start
		}
	}
	return start
}

// sameInArticle returns the statement an earlier candidate of added's
// article made that p would make again: on the claim p goes to (cl, or
// else the claim its group proposes), by the same speaker, with the same
// polarity and a compatible said date; or "".
func (s *Story) sameInArticle(p Proposal, cl claim.ID, added *Added) claim.StatementID {
	if cl == "" {
		for _, g := range added.Claims {
			if slices.Contains(g.Members, p.Key) {
				cl = g.ID
				break
			}
		}
	}
	if cl == "" {
		return "" // a claim of its own, which no statement is on yet
	}
	return s.sameOn(s.resolve(p.Candidate.Speaker), cl, p.Candidate, added.Article)
}

// unattended accepts the candidates of an article that the unattended mode
// takes: confident ones whose speaker the registry resolved. One that does
// not apply (its edit would be invalid) is left for people.
func (s *Story) unattended(added *Added) {
	sim := s.opts.MachineClaimSimilarity
	if sim <= 0 {
		sim = DefaultMachineClaimSimilarity
	}
	for _, p := range added.Candidates {
		c := p.Candidate
		if c.Confidence < s.opts.Unattended || c.Resolution != extract.ResolutionRegistry {
			continue
		}
		d := Decision{Kind: KindAccept, Key: p.Key, By: MachineBy, SameAs: p.SameAs}
		if d.SameAs == "" && len(p.Claims) > 0 && p.Claims[0].Similarity >= sim {
			d.Claim = p.Claims[0].Claim
		}
		if d.SameAs == "" {
			// The article may state it twice (a headline, then the body
			// quoting the same words): a person makes that one statement
			// with two mentions, and so does the machine.
			if id := s.sameInArticle(p, d.Claim, added); id != "" {
				d.SameAs, d.Claim = id, ""
			}
		}
		if _, err := s.apply(d); err != nil {
			continue
		}
		d = s.log(d, false)
		s.effects[d.Seq] = s.effect(d)
		added.Machine = append(added.Machine, d)
	}
}
