package story

import (
	"fmt"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// mergeAccepted merges one story source into another: d.Source, a base
// source or one accepted from a proposal, becomes d.Into (a story source, or
// a proposed one, accepted as proposed). Into takes the merged source's
// name and aliases as aliases, its offices, and its Wikidata ID when it has
// none; the sources under it, the statements it speaks or relays, the
// claims it is a party to and the articles it published become Into's; and
// later references to it (a candidate's speaker, an article's outlet, a
// decision's speaker) resolve to Into. A source that is not in the story is
// an orphan, as a proposed source no longer proposed is. The work is
// linear in the story's sources, statements, claims and articles.
func (s *Story) mergeAccepted(d Decision) (orphan bool, err error) {
	from := d.Source
	pos, ok := s.sourcePos[from]
	if !ok {
		if _, merged := s.mapped[from]; merged {
			return false, fieldErr("source", string(from), fmt.Errorf("%w: already merged", ErrInvalid))
		}
		return true, nil
	}
	into := s.resolve(d.Into)
	if isProposed(into) {
		if into, err = s.acceptSource(into, sourceEdit{}, "into"); err != nil {
			return false, err
		}
		pos = s.sourcePos[from]
	}
	if _, ok := s.sourcePos[into]; !ok {
		return false, fieldErr("into", string(d.Into), ErrUnknownSource)
	}
	s.rev++ // sources, speakers, actors and outlets change in place
	if into == from {
		return false, fieldErr("into", string(d.Into), fmt.Errorf("%w: a source cannot be merged into itself", ErrInvalid))
	}
	up := s.sources[s.sourcePos[into]].Parent
	for n := 0; up != "" && n < len(s.sources); n++ {
		if up == from {
			return false, fieldErr("into", string(d.Into), fmt.Errorf("%w: %s is under %s", ErrInvalid, into, from))
		}
		i, ok := s.sourcePos[up]
		if !ok {
			break
		}
		up = s.sources[i].Parent
	}

	// The registry is built from the merged sources first: when it refuses
	// them (an alias of the merged source that another source holds), the
	// story is left as it was.
	gone := s.sources[pos]
	sources := make([]source.Source, 0, len(s.sources)-1)
	for _, src := range s.sources {
		if src.ID == from {
			continue
		}
		if src.ID == into {
			src = absorb(src, gone)
		}
		if src.Parent == from {
			src.Parent = into
		}
		sources = append(sources, src)
	}
	reg, err := source.NewRegistry(sources, nil)
	if err != nil {
		return false, fieldErr("source", string(from), err)
	}

	s.sources, s.reg, s.regKey = sources, reg, keyOf(sources)
	clear(s.sourcePos)
	for i, src := range s.sources {
		s.sourcePos[src.ID] = i
	}
	delete(s.origin, from)
	s.mapped[from] = into
	s.srcIndex.remove(from)
	s.srcIndex.remove(into)
	s.srcIndex.add(s.sources[s.sourcePos[into]], false)

	clear(s.bySpeaker)
	for i := range s.statements {
		st := &s.statements[i]
		if st.Source == from || slices.Contains(st.Via, from) {
			rewriteSpeaker(st, from, into)
		}
		sc := speakerClaim{st.Source, st.Claim}
		s.bySpeaker[sc] = append(s.bySpeaker[sc], st.ID)
	}
	for i := range s.claims {
		c := &s.claims[i]
		if slices.ContainsFunc(c.Actors, func(a claim.Actor) bool { return a.Source == from }) {
			actors := make([]claim.Actor, 0, len(c.Actors))
			for _, a := range c.Actors {
				if a.Source == from {
					a.Source = into
				}
				if !slices.Contains(actors, a) {
					actors = append(actors, a)
				}
			}
			c.Actors = actors
		}
	}
	for _, art := range s.articles {
		if art.a.Outlet == from {
			art.a.Outlet = into
		}
		if art.a.Wire == from {
			art.a.Wire = into
		}
	}
	return false, nil
}

// absorb returns into with what it takes from the source merged into it:
// its name and aliases as aliases, its offices, and its Wikidata ID when
// into has none.
func absorb(into, gone source.Source) source.Source {
	names := map[string]bool{source.Normalize(into.Name): true}
	for _, a := range into.Aliases {
		names[source.Normalize(a)] = true
	}
	into.Aliases = slices.Clone(into.Aliases)
	for _, n := range append([]string{gone.Name}, gone.Aliases...) {
		if k := source.Normalize(n); k != "" && !names[k] {
			names[k] = true
			into.Aliases = append(into.Aliases, n)
		}
	}
	into.Offices = append(slices.Clone(into.Offices), gone.Offices...)
	if into.Wikidata == "" {
		into.Wikidata = gone.Wikidata
	}
	return into
}

// rewriteSpeaker makes a statement spoken or relayed by from spoken or
// relayed by into. Its Via is copied, since it may be shared with the
// story's base; a source is on the chain once at most, and never the
// speaker, as when a candidate is accepted.
func rewriteSpeaker(st *claim.Statement, from, into source.ID) {
	if st.Source == from {
		st.Source = into
	}
	via := make([]source.ID, 0, len(st.Via))
	for _, v := range st.Via {
		if v == from {
			v = into
		}
		if v == st.Source || slices.Contains(via, v) {
			continue
		}
		via = append(via, v)
	}
	if len(via) == 0 {
		via = nil
	}
	st.Via = via
}
