package claim

import (
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

// ParseRole returns the Role with the given name, ignoring case and
// surrounding space; the empty string is RoleSubject. An unknown name gives
// a [*FieldError] wrapping [ErrUnknownName] that lists the valid names.
func ParseRole(s string) (Role, error) { return roleText.Parse(s) }

var roleText = enumtext.New(enumtext.Config[Role]{
	Type:           "Role",
	Field:          "role",
	Names:          roleNames,
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the role's name, such as "accused", or "Role(42)" for an
// out-of-range value.
func (r Role) String() string { return roleText.String(r) }

// IsValid reports whether r is one of the roles; RoleSubject, the zero
// Role, is.
func (r Role) IsValid() bool { return roleText.IsValid(r) }

// MarshalText returns the role's name; an out-of-range value gives a
// [*FieldError] wrapping [ErrInvalid].
func (r Role) MarshalText() ([]byte, error) { return roleText.Marshal(r) }

// UnmarshalText parses a name as [ParseRole] does; on error it leaves r
// unchanged.
func (r *Role) UnmarshalText(b []byte) error { return roleText.Unmarshal(r, b) }

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
// case and surrounding space; the empty string is RelationUnknown, as is
// "unknown", which [RelationKind.IsValid] and a corpus reject. An unknown
// name gives a [*FieldError] wrapping [ErrUnknownName] that lists the valid
// names.
func ParseRelationKind(s string) (RelationKind, error) { return relationText.Parse(s) }

var relationText = enumtext.New(enumtext.Config[RelationKind]{
	Type:           "RelationKind",
	Field:          "relation",
	Names:          relationNames,
	UnknownZero:    true,
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the relation's name, such as "part-of", or
// "RelationKind(42)" for an out-of-range value.
func (k RelationKind) String() string { return relationText.String(k) }

// IsValid reports whether k is one of the kinds other than RelationUnknown.
func (k RelationKind) IsValid() bool { return relationText.IsValid(k) }

// MarshalText returns the relation's name. RelationUnknown marshals as
// "unknown"; an out-of-range value gives a [*FieldError] wrapping
// [ErrInvalid].
func (k RelationKind) MarshalText() ([]byte, error) { return relationText.Marshal(k) }

// UnmarshalText parses a name as [ParseRelationKind] does; on error it
// leaves k unchanged.
func (k *RelationKind) UnmarshalText(b []byte) error { return relationText.Unmarshal(k, b) }
