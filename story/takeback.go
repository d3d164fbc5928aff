package story

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// takeBack applies an undo: the story is built again from its base, its
// articles extracted and its log replayed with the decision taken back
// skipped, as if it had never been made, and the undo logged. It is
// refused, leaving the story as it was, when the decision is not in the
// log, is an undo itself, or was taken back before, and with an error
// wrapping ErrDependent when a later decision that applied no longer
// applies without it. It costs what Reextract costs.
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
	r, err := fresh.replay(ctx, arts, append(slices.Clip(s.decisions), d))
	if err != nil {
		return Decision{}, err
	}
	orphans := map[int64]bool{}
	for _, o := range s.orphans {
		orphans[o.Seq] = true
	}
	for _, f := range r.Failed {
		if f.Decision.Seq > n && !s.failed[f.Decision.Seq] {
			return Decision{}, fieldErr("undoes", v, fmt.Errorf("%w: decision %d (%s) no longer applies without it (%w); undo that first", ErrDependent, f.Decision.Seq, f.Decision.Kind, f.Err))
		}
	}
	for _, o := range r.Orphans {
		if o.Seq > n && !orphans[o.Seq] {
			return Decision{}, fieldErr("undoes", v, fmt.Errorf("%w: decision %d (%s) finds nothing to decide without it; undo that first", ErrDependent, o.Seq, o.Kind))
		}
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
