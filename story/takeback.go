package story

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/source"
)

// takeBack applies an undo: the story is built again from its base, its
// articles extracted and its log replayed with the decision taken back
// skipped, as if it had never been made, and the undo logged. It is
// refused, leaving the story as it was, when the decision is not in the
// log, is an undo itself, or was taken back before, and with an error
// wrapping ErrDependent when a later decision depends on it (see
// dependent). It costs what Reextract costs, less extracting again the
// articles whose registry is the same without the decision (see
// extraction).
func (s *Story) takeBack(ctx context.Context, d Decision) (Decision, error) {
	if err := d.Check(); err != nil {
		return Decision{}, err
	}
	n := d.Undoes
	v := strconv.FormatInt(n, 10)
	switch {
	case n > int64(len(s.decisions)):
		return Decision{}, fieldErr("undoes", v, fmt.Errorf("%w: the log holds %d decisions", ErrInvalid, len(s.decisions)))
	case s.decisions[n-1].Kind == KindUndo:
		return Decision{}, fieldErr("undoes", v, fmt.Errorf("%w: an undo is not taken back; make the decision it took back again", ErrInvalid))
	case s.undone[n]:
		return Decision{}, fieldErr("undoes", v, fmt.Errorf("%w: taken back already", ErrInvalid))
	}
	fresh, arts, err := s.fresh()
	if err != nil {
		return Decision{}, err
	}
	r, err := fresh.replay(ctx, arts, append(slices.Clip(s.decisions), d), true)
	if err != nil {
		return Decision{}, err
	}
	if err := s.dependent(fresh, r, n); err != nil {
		return Decision{}, fieldErr("undoes", v, err)
	}
	fresh.base = s.base
	fresh.head, fresh.heads = s.head, s.heads
	s.replace(fresh)
	return s.decisions[len(s.decisions)-1], nil
}

// fresh returns a story holding what s holds that no decision gave it (its
// base sources, imported claims, statements and articles), with the
// articles to extract again, in order, for replay.
func (s *Story) fresh() (*Story, []*article, error) {
	opts := s.opts
	opts.Sources = s.base.sources
	opts.Unattended = 0
	fresh, err := New(s.id, opts)
	if err != nil {
		return nil, nil, err
	}
	fresh.opts.Unattended = s.opts.Unattended
	fresh.format, fresh.store = s.format, s.store
	for _, c := range s.base.claims {
		fresh.addClaim(c.Clone())
	}
	for _, st := range s.base.statements {
		fresh.addStatement(st.Clone())
	}
	var extracted []*article
	for _, a := range s.articles {
		if a.after < 0 {
			fresh.addImported(a.input)
			continue
		}
		extracted = append(extracted, a)
	}
	return fresh, extracted, nil
}

// dependent returns a *DependentError naming the first decision after
// Seq n that depends on it: one that applied in s and, in fresh (s
// replayed without decision n, which reported r), fails, finds nothing
// to decide, or applies differently (see effect). It is linear in the
// decisions after n.
func (s *Story) dependent(fresh *Story, r *Report, n int64) error {
	orphans := map[int64]bool{}
	for _, o := range fresh.orphans {
		orphans[o.Seq] = true
	}
	failed := map[int64]error{}
	for _, f := range r.Failed {
		failed[f.Decision.Seq] = f.Err
	}
	for seq := n + 1; seq <= int64(len(s.decisions)); seq++ {
		was, applied := s.effects[seq]
		if !applied {
			continue
		}
		later := s.decisions[seq-1]
		now, ok := fresh.effects[seq]
		switch {
		case orphans[seq]:
			return &DependentError{Undoes: n, Later: later, Reason: "finds nothing to decide without it"}
		case !ok:
			reason := "no longer applies without it"
			if err := failed[seq]; err != nil {
				reason += " (" + err.Error() + ")"
			}
			return &DependentError{Undoes: n, Later: later, Reason: reason}
		case now != was:
			return &DependentError{Undoes: n, Later: later, Reason: "applies differently without it: it made " + was + "; without it, " + now}
		}
	}
	return nil
}

// effect describes what an applied decision made, as far as a later undo
// must keep it: for an accepted candidate, the statement's speaker, relays,
// claim, act, factuality and said date (or the statement it is a mention
// of); for an accepted or merged source, the source it is now. A source
// accepted from a proposal is described with its ID, name, kind,
// identity, parent and investigator mark, and so are the proposed sources
// above it, since a decision taken back may have accepted them otherwise.
// Decisions that only name what they decide (a claim created or renamed,
// a reprint, a rejection) make no effect a later undo could change. It is
// linear in the statement and the height of the affiliation tree.
func (s *Story) effect(d Decision) string {
	var b strings.Builder
	switch d.Kind {
	case KindAccept:
		if d.Key == "" {
			s.describeSource(&b, s.resolve(d.Source))
			break
		}
		if to, ok := s.mentionOf[d.Key]; ok {
			fmt.Fprintf(&b, "a mention of statement %s", to)
			break
		}
		i, ok := s.stmtPos[statementID(d.Key)]
		if !ok {
			break
		}
		st := s.statements[i]
		fmt.Fprintf(&b, "a statement by %s", st.Source)
		if len(st.Via) > 0 {
			fmt.Fprintf(&b, " via %s", st.Via)
		}
		fmt.Fprintf(&b, " on claim %s, %s %s", st.Claim, st.Act, st.Factuality)
		if st.Said.IsValid() {
			fmt.Fprintf(&b, ", said %s", st.Said)
		}
		for _, id := range append([]source.ID{st.Source}, st.Via...) {
			s.describeSource(&b, id)
		}
	case KindMergeSource:
		into := s.resolve(d.Source)
		fmt.Fprintf(&b, "merged into %s", into)
		s.describeSource(&b, into)
	case KindReject, KindCreateClaim, KindRenameClaim, KindReprint, KindUndo, KindUnknown:
		// They name what they decide: nothing a taken-back decision made
		// them do otherwise.
	}
	return b.String()
}

// describeSource writes a source accepted from a proposal, and the
// sources above it accepted from proposals, as effect describes them.
func (s *Story) describeSource(b *strings.Builder, id source.ID) {
	for range len(s.sources) {
		i, ok := s.sourcePos[id]
		if _, accepted := s.origin[id]; !ok || !accepted {
			return
		}
		src := s.sources[i]
		fmt.Fprintf(b, "; source %s (%q, %s, %s", src.ID, src.Name, src.Kind, src.Identity)
		if src.Parent != "" {
			fmt.Fprintf(b, ", under %s", src.Parent)
		}
		if src.Investigator {
			b.WriteString(", investigator")
		}
		b.WriteString(")")
		id = src.Parent
	}
}
