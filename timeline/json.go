package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
)

// Corpus returns a copy of the corpus the timeline was built from, without
// the built-in absent source, which [Build] adds again.
func (t *Timeline) Corpus() *claim.Corpus {
	c := &claim.Corpus{
		Format:     claim.Format,
		Sources:    t.Registry().Declared(),
		Articles:   slices.Clone(t.articles),
		Claims:     t.Claims(),
		Statements: make([]claim.Statement, len(t.recs)),
	}
	for i := range t.recs {
		c.Statements[i] = t.statement(int32(i))
	}
	return c
}

// timelineJSON is the JSON form of a Timeline: the corpus it was built from,
// which is enough to build it again, and what it derives, for readers in
// other languages.
type timelineJSON struct {
	Corpus    *claim.Corpus `json:"corpus"`
	Rules     Rules         `json:"rules"`
	Claims    []claimJSON   `json:"claims"`
	Disputed  []claim.ID    `json:"disputed"`
	Anonymous []claim.ID    `json:"anonymous"`
	Denials   []Denial      `json:"denials"`
}

// claimJSON is one claim's part of a Timeline's JSON form.
type claimJSON struct {
	Claim   claim.Claim    `json:"claim"`
	Status  Status         `json:"status"`
	Related []Link         `json:"related,omitempty"`
	Track   []Entry        `json:"track"`
	History []StatusChange `json:"history"`
	Changes []Change       `json:"changes"`
}

// MarshalJSON writes the timeline as one JSON document: "corpus", the
// corpus it was built from (see [Timeline.Corpus]), then what the timeline
// derives from it: for each claim its current status, track, status
// history and changes ("claims"), and the "disputed", "anonymous" and
// "denials" answers.
//
// MarshalJSON writes every track in full, inherited entries included, so
// the document, the time and the memory it takes grow with the tracks
// rather than the corpus: as the square of the length of a chain whose
// claims are all affirmed. To read large timelines in part, use
// [Timeline.TrackSeq] and the other queries.
//
// MarshalJSON has a value receiver so that a Timeline stored by value
// marshals too.
func (t Timeline) MarshalJSON() ([]byte, error) {
	v := timelineJSON{
		Corpus:    t.Corpus(),
		Rules:     t.rules,
		Claims:    make([]claimJSON, len(t.claims)),
		Disputed:  t.Disputed(),
		Anonymous: t.AnonymousClaims(),
		Denials:   t.Denials(),
	}
	for i, c := range t.claims {
		cj := claimJSON{Claim: c.Clone()}
		var err error
		if cj.Status, err = t.Current(c.ID); err != nil {
			return nil, err
		}
		if cj.Related, err = t.Related(c.ID); err != nil {
			return nil, err
		}
		if cj.Track, err = t.Track(c.ID); err != nil {
			return nil, err
		}
		if cj.History, err = t.History(c.ID); err != nil {
			return nil, err
		}
		if cj.Changes, err = t.Changes(c.ID); err != nil {
			return nil, err
		}
		v.Claims[i] = cj
	}
	return json.Marshal(v)
}

// UnmarshalJSON reads what MarshalJSON writes. It takes only the "corpus"
// member, checks it as [claim.Decode] does and builds the timeline anew
// with [Build]; the derived members are ignored, since the timeline derives
// them again. The error is Decode's or Build's.
func (t *Timeline) UnmarshalJSON(b []byte) error {
	var v struct {
		Corpus json.RawMessage `json:"corpus"`
		Rules  Rules           `json:"rules"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	if v.Corpus == nil {
		return &Error{Field: "corpus", Value: "", Err: fmt.Errorf("%w: the document has no corpus member", ErrInvalid)}
	}
	c, err := claim.Decode(bytes.NewReader(v.Corpus))
	if err != nil {
		return err
	}
	built, err := Build(c, &v.Rules)
	if err != nil {
		return err
	}
	*t = *built
	return nil
}
