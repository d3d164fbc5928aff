package story

import (
	"context"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Decisions returns the story's decision log, oldest first, orphans
// included. It is a copy, linear in the log.
func (s *Story) Decisions() []Decision {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneDecisions(s.decisions)
}

// Orphans returns the logged decisions whose candidate or proposed source
// the story does not have at present, oldest first: after Reextract, those
// the extractor no longer finds. Linear in the orphans.
func (s *Story) Orphans() []Decision {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneDecisions(s.orphans)
}

func cloneDecisions(ds []Decision) []Decision {
	out := slices.Clone(ds)
	for i := range out {
		out[i].Actors = slices.Clone(out[i].Actors)
		if f := out[i].Factuality; f != nil {
			v := *f
			out[i].Factuality = &v
		}
	}
	return out
}

// Pending returns the candidates no decision has accepted or rejected yet,
// in the order their articles were added and then in text order. Linear in
// the story's candidates.
func (s *Story) Pending() []Proposal {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Proposal
	for _, a := range s.articles {
		for _, p := range a.added.Candidates {
			if _, done := s.decided[p.Key]; !done {
				out = append(out, cloneAdded(&Added{Candidates: []Proposal{p}}).Candidates[0])
			}
		}
	}
	return out
}

// Decided returns the kind of the latest decision on a candidate
// (KindAccept or KindReject), or KindUnknown when none was made, in constant
// time.
func (s *Story) Decided(k Key) Kind {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.decided[k]
}

// PendingSource reports whether id is a proposed source ("new:x@a1") that
// no decision has settled yet: neither accepted (by a decision on it, or
// as the speaker or parent of an accepted candidate or source), rejected,
// nor merged into another source. It is false for story sources and IDs
// the story never proposed. Constant time.
func (s *Story) PendingSource(id source.ID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proposed[id] == nil || s.rejectedS[id] {
		return false
	}
	_, done := s.mapped[id]
	return !done
}

// MachineAccepted reports whether a statement was accepted by the
// unattended mode and no person has decided on it since, in constant time:
// its claim.Statement.MachineAccepted, which the story's corpus, its store
// and what is written from them keep. A statement imported with the mark
// (from a corpus another story exported) has it too, and keeps it: it has
// no candidate to decide on, and no decision clears the mark of a
// statement by its ID. It is false for a
// statement the story does not hold.
func (s *Story) MachineAccepted(id claim.StatementID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.stmtPos[id]
	return ok && s.statements[i].MachineAccepted
}

// AcceptedByMachine reports whether the unattended mode accepted a
// candidate and no person has decided on it since: as a statement of its
// own, that statement is MachineAccepted; as a new mention of another
// statement, that mention is (claim.Mention.MachineAccepted). It is false
// for a pending or rejected candidate. It takes time linear in the
// statement's mentions.
func (s *Story) AcceptedByMachine(k Key) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.decided[k] != KindAccept {
		return false
	}
	if to, ok := s.mentionOf[k]; ok {
		i, ok := s.stmtPos[to]
		p := s.proposals[k]
		if !ok || p == nil {
			return false
		}
		start := mentionStart(p.p.Candidate)
		return slices.ContainsFunc(s.statements[i].Mentions, func(m claim.Mention) bool {
			return m.MachineAccepted && m.Article == p.article.a.ID && m.Span.Start == start
		})
	}
	i, ok := s.stmtPos[statementID(k)]
	return ok && s.statements[i].MachineAccepted
}

// StatementOf returns the statement a candidate was accepted as (a statement
// of its own, or the statement it is a new mention of), and false when the
// candidate is not accepted. It takes time linear in the statement's size.
func (s *Story) StatementOf(k Key) (claim.Statement, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.mentionOf[k]
	if !ok {
		id = statementID(k)
	}
	i, ok := s.stmtPos[id]
	if !ok {
		return claim.Statement{}, false
	}
	return s.statements[i].Clone(), true
}

// Reextract runs the extractor again over every article and applies the
// decision log again by key, interleaved as they first came: each article
// after the decisions logged before it was added, so that it is read with
// the registry it was first read with (the base sources plus those accepted
// by then). Use it when
// the extractor improves. Decisions whose candidate is no longer found are
// kept in the log and reported as orphans; those that no longer apply are
// kept and reported as failures. Unattended acceptance is not run again:
// the machine's logged decisions are replayed like the rest.
//
// Reextract costs what adding every article and applying every decision
// costs. On error (a cancelled ctx, an article the extractor now refuses)
// the story is left as it was.
func (s *Story) Reextract(ctx context.Context) (*Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fresh, extracted, err := s.fresh()
	if err != nil {
		return nil, err
	}
	r, err := fresh.replay(ctx, extracted, s.decisions, false)
	if err != nil {
		return nil, err
	}
	fresh.base = s.base
	fresh.head, fresh.heads = s.head, s.heads
	s.replace(fresh)
	return r, nil
}

// replace takes over another story's state.
func (s *Story) replace(o *Story) {
	s.rev++
	s.opts = o.opts
	s.sources, s.sourcePos, s.origin, s.reg, s.regKey, s.srcIndex = o.sources, o.sourcePos, o.origin, o.reg, o.regKey, o.srcIndex
	s.mapped, s.proposed, s.rejectedS = o.mapped, o.proposed, o.rejectedS
	s.articles, s.byArticle, s.reprints = o.articles, o.byArticle, o.reprints
	s.claims, s.claimPos, s.claimIdx = o.claims, o.claimPos, o.claimIdx
	s.statements, s.stmtPos, s.stmtKey, s.bySpeaker = o.statements, o.stmtPos, o.stmtKey, o.bySpeaker
	s.proposals, s.decided, s.mentionOf = o.proposals, o.decided, o.mentionOf
	s.decisions, s.orphans, s.base = o.decisions, o.orphans, o.base
	s.format, s.store = o.format, o.store
	s.head, s.heads, s.lastOn = o.head, o.heads, o.lastOn
	s.undone, s.failed, s.effects = o.undone, o.failed, o.effects
}

// addStatement adds a statement that no candidate gave (an imported one).
// The story keeps st's Via and Mentions, and never writes into them.
func (s *Story) addStatement(st claim.Statement) {
	s.stmtPos[st.ID] = len(s.statements)
	s.statements = append(s.statements, st)
	sc := speakerClaim{st.Source, st.Claim}
	s.bySpeaker[sc] = append(s.bySpeaker[sc], st.ID)
	for _, m := range st.Mentions {
		s.claimIdx.add(st.Claim, m.Span.Exact)
	}
}
