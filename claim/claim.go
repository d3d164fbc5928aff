package claim

import (
	"fmt"
	"slices"

	"github.com/claimtrail/claimtrail/internal/enumtext"
	"github.com/claimtrail/claimtrail/source"
)

// ID identifies a [Claim] within a corpus; the empty ID is invalid.
type ID string

// Claim is a proposition that can be true or false, stated once in canonical
// words: "North Korea supplies artillery ammunition to Russia". The same
// proposition phrased differently in two articles is one Claim; statements
// point at it by ID.
//
// A Claim is a plain value; a [Corpus] checks it. The zero Claim is invalid:
// ID and Text are required.
type Claim struct {
	// ID identifies the claim in statements and relations.
	ID ID `json:"id"`
	// Text is the canonical proposition.
	Text string `json:"text"`
	// Actors are the sources the claim is about, with their roles: the
	// accused party, the beneficiary.
	Actors []Actor `json:"actors,omitempty"`
	// Event is when the claimed event happened, as far as known; the zero
	// Date when not known.
	Event Date `json:"event,omitzero"`
	// Relations link the claim to other claims.
	Relations []Relation `json:"relations,omitempty"`
}

// Accused returns the IDs of the actors in the accused role.
func (c Claim) Accused() []source.ID {
	var out []source.ID
	for _, a := range c.Actors {
		if a.Role == RoleAccused {
			out = append(out, a.Source)
		}
	}
	return out
}

// Clone returns a copy of c that shares no memory with it.
func (c Claim) Clone() Claim {
	c.Actors = slices.Clone(c.Actors)
	c.Relations = slices.Clone(c.Relations)
	return c
}

// Actor is a source a claim is about, in a role. The zero Actor is invalid:
// Source is required. It is a plain value, safe to copy.
type Actor struct {
	// Source is the source the claim is about.
	Source source.ID `json:"source"`
	// Role is its part in the claim; zero means subject.
	Role Role `json:"role,omitzero"`
}

// Role is the part an actor plays in a claim. The zero Role is RoleSubject.
//
// Roles decide statuses in package timeline: the accused, beneficiaries
// and subjects are parties to the claim and never corroborate it (the
// accused's certain admission confirms it; its denial never refutes it),
// while the target, the party harmed, is an independent witness whose
// affirmation corroborates like anyone else's. Choose target for the
// country whose city was shelled or the company whose servers were
// breached, and subject only for an actor the claim is about in no other
// way.
type Role uint8

// The roles of an actor.
const (
	RoleSubject     Role = iota // the claim is about the actor, no more is said
	RoleAccused                 // the party said to do the claimed act
	RoleBeneficiary             // the party said to gain from it
	RoleTarget                  // the party the act is aimed at
)

var roleNames = []string{"subject", "accused", "beneficiary", "target"}

// ParseRole returns the Role with the given name, ignoring case; the empty
// string is RoleSubject. An unknown name gives a [*FieldError] wrapping
// [ErrUnknownName].
func ParseRole(s string) (Role, error) {
	if s == "" {
		return RoleSubject, nil
	}
	i, ok := enumtext.Lookup(roleNames, s)
	if !ok {
		return 0, unknownName("role", s, enumtext.Valid(roleNames))
	}
	return Role(i), nil
}

// String returns the role's name.
func (r Role) String() string { return enumtext.Name(roleNames, int(r), fmt.Sprintf("Role(%d)", r)) }

// MarshalText returns the role's name.
func (r Role) MarshalText() ([]byte, error) {
	if int(r) >= len(roleNames) {
		return nil, fieldErr("role", r.String(), ErrInvalid)
	}
	return []byte(r.String()), nil
}

// UnmarshalText parses a name as [ParseRole] does.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := ParseRole(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Relation links a claim to another claim. The zero Relation is invalid:
// Kind and To are required. It is a plain value, safe to copy.
type Relation struct {
	// Kind says how the claim relates to the other.
	Kind RelationKind `json:"kind"`
	// To is the other claim.
	To ID `json:"to"`
}

// RelationKind says how one claim relates to another. The zero RelationKind
// is RelationUnknown, which a corpus rejects.
type RelationKind uint8

// The kinds of relation. Refines and PartOf matter to the timeline: a
// statement that affirms a claim also affirms every claim it refines or is
// part of, and a statement that negates a claim also negates every claim that
// refines it or is part of it (see package timeline).
const (
	RelationUnknown     RelationKind = iota
	RelationRefines                  // a more specific form: "over 1,000 containers delivered" refines "supplies munitions"
	RelationPartOf                   // one component of the other claim
	RelationSupersedes               // replaces the other claim, which is kept for history
	RelationContradicts              // cannot both be true
)

var relationNames = []string{"unknown", "refines", "part-of", "supersedes", "contradicts"}

// ParseRelationKind returns the RelationKind with the given name, ignoring
// case. An unknown name gives a [*FieldError] wrapping [ErrUnknownName].
func ParseRelationKind(s string) (RelationKind, error) {
	i, ok := enumtext.Lookup(relationNames, s)
	if !ok || i == 0 {
		return 0, unknownName("relation", s, enumtext.Valid(relationNames[1:]))
	}
	return RelationKind(i), nil
}

// String returns the relation's name, such as "part-of".
func (k RelationKind) String() string {
	return enumtext.Name(relationNames, int(k), fmt.Sprintf("RelationKind(%d)", k))
}

// MarshalText returns the relation's name.
func (k RelationKind) MarshalText() ([]byte, error) {
	if k == RelationUnknown || int(k) >= len(relationNames) {
		return nil, fieldErr("relation", k.String(), ErrInvalid)
	}
	return []byte(k.String()), nil
}

// UnmarshalText parses a name as [ParseRelationKind] does.
func (k *RelationKind) UnmarshalText(b []byte) error {
	v, err := ParseRelationKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}
