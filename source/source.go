package source

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/internal/enumtext"
)

// ID identifies a [Source] within a corpus. IDs are chosen by the caller and
// compared exactly; the empty ID is invalid.
type ID string

// AbsentID is the ID of the built-in absent source: the speaker of "it is
// believed" and other statements that name no speaker at all. Every
// [Registry] holds it.
const AbsentID ID = "absent"

// Source is one speaker or reporter: a government, an agency, an official, a
// news outlet, an unnamed "US intelligence officials", or the absent source.
//
// A Source is a plain value. Build a [Registry] from sources to check them
// and to query affiliation and aliases; the registry keeps its own copies, so
// changing a Source afterwards does not change the registry.
//
// The zero Source is invalid: ID and Name are required.
type Source struct {
	// ID identifies the source in statements and articles.
	ID ID `json:"id"`
	// Name is the canonical name, or for an unnamed source the description
	// the text gives ("US intelligence officials").
	Name string `json:"name"`
	// Kind says what sort of source this is; zero means not stated.
	Kind Kind `json:"kind,omitzero"`
	// Identity says whether the source is named, unnamed or absent; zero
	// means named.
	Identity Identity `json:"identity,omitzero"`
	// Parent is the source this one belongs to (John Kirby -> White House ->
	// United States); empty for a root.
	Parent ID `json:"parent,omitempty"`
	// Aliases are other names that resolve to this source ("Pyongyang",
	// "DPRK"). Case, punctuation, diacritics and a leading "the" are ignored.
	Aliases []string `json:"aliases,omitempty"`
	// Investigator marks an independent investigating body whose findings
	// settle a claim: a UN panel of experts, a prosecutor's office, a court,
	// an inspection body such as the OPCW or the IAEA. The sources below it
	// in the affiliation tree speak for it (the panel's coordinator); its
	// parent does not (the UN as a whole). See [Registry.Investigator].
	Investigator bool `json:"investigator,omitempty"`
	// Offices are the positions the source holds or held ("foreign
	// secretary" of the United Kingdom from 2022 to 2023), so that a speaker
	// named by title resolves to whoever held it on the article's date.
	Offices []Office `json:"offices,omitempty"`
	// Wikidata is the source's Wikidata item ID ("Q7747"), empty when
	// unknown; it is checked for its form only.
	Wikidata string `json:"wikidata,omitempty"`
}

// Absent returns the built-in source of agentless attributions ("it is
// believed", "reportedly"): ID [AbsentID], name "no source given",
// identity absent. A registry holds it under AbsentID unless the caller
// declares that ID, in which case the declared source must also be absent.
// Each call returns a new value, so that no caller can change the source
// every registry holds; it takes constant time and allocates nothing.
func Absent() Source { return Source{ID: AbsentID, Name: absentName, Identity: IdentityAbsent} }

// absentName is the name of [Absent].
const absentName = "no source given"

// IsAbsent reports whether the source names no speaker at all.
func (s Source) IsAbsent() bool { return s.Identity == IdentityAbsent }

// IsUnnamed reports whether the source is unnamed (identity withheld).
func (s Source) IsUnnamed() bool { return s.Identity == IdentityUnnamed }

// clone returns s with its slices copied, so the copy shares no memory with s.
func (s Source) clone() Source {
	s.Aliases = slices.Clone(s.Aliases)
	if s.Offices != nil {
		s.Offices = slices.Clone(s.Offices)
		for i := range s.Offices {
			s.Offices[i].Aliases = slices.Clone(s.Offices[i].Aliases)
		}
	}
	return s
}

// check returns one error per problem with s's own fields (not its
// references), each field prefixed by path.
func (s Source) check(p fieldPath) []error {
	var errs []error
	errs = checkText(errs, p, "id", string(s.ID), true)
	errs = checkText(errs, p, "name", s.Name, true)
	errs = checkText(errs, p, "parent", string(s.Parent), false)
	for i, a := range s.Aliases {
		if !utf8.ValidString(a) || a == "" {
			errs = checkText(errs, p, fmt.Sprintf("aliases[%d]", i), a, true)
		}
	}
	if s.Investigator && s.IsAbsent() {
		errs = append(errs, fieldErr(p.f("investigator"), "true", fmt.Errorf("%w: an absent source names no speaker, so it cannot investigate", ErrInvalid)))
	}
	if s.IsAbsent() && s.Parent != "" && s.Parent != s.ID {
		errs = append(errs, fieldErr(p.f("parent"), string(s.Parent), fmt.Errorf("%w: an absent source names no speaker, so it belongs to no one", ErrInvalid)))
	}
	if s.Parent != "" && s.Parent == s.ID {
		errs = append(errs, fieldErr(p.f("parent"), string(s.Parent), ErrCycle))
	}
	errs = append(errs, s.checkOffices(p)...)
	if s.Kind != KindUnknown && !s.Kind.IsValid() {
		errs = append(errs, fieldErr(p.f("kind"), s.Kind.String(), ErrInvalid))
	}
	if !s.Identity.IsValid() {
		errs = append(errs, fieldErr(p.f("identity"), s.Identity.String(), ErrInvalid))
	}
	return errs
}

// checkText appends an error when v, field name of the record at p, is not
// valid UTF-8, or is empty and required.
func checkText(errs []error, p fieldPath, name, v string, required bool) []error {
	switch {
	case !utf8.ValidString(v):
		return append(errs, fieldErr(p.f(name), v, ErrInvalidUTF8))
	case required && v == "":
		return append(errs, fieldErr(p.f(name), v, ErrEmpty))
	}
	return errs
}

// fieldPath names one record of a list, such as sources[3]. Field paths
// are formatted only when there is a problem to report.
type fieldPath struct {
	list string
	i    int
}

// f returns the path of the named field of the record: "sources[3].parent".
func (p fieldPath) f(name string) string { return fmt.Sprintf("%s[%d].%s", p.list, p.i, name) }

// Kind is what sort of source speaks or reports. The zero Kind is
// KindUnknown: not stated, which a registry accepts and IsValid reports
// false for.
type Kind uint8

// The kinds of source.
const (
	KindUnknown      Kind = iota
	KindGovernment        // a state or its government as a whole: "the United States", "Pyongyang"
	KindAgency            // a ministry, department or agency, intelligence included
	KindOfficial          // an office holder speaking in office: a minister, a president
	KindSpokesperson      // someone who speaks for another source: "spokesperson John Kirby"
	KindMilitary          // armed forces or a command
	KindStateMedia        // state-controlled media: KCNA, TASS
	KindMediaOutlet       // an independent news outlet or wire service
	KindOrganisation      // an international or non-governmental organisation: the UN, a panel of experts
	KindPerson            // a private person, an expert, an analyst
)

var kindNames = []string{"unknown", "government", "agency", "official", "spokesperson", "military", "state-media", "media-outlet", "organisation", "person"}

// ParseKind returns the Kind with the given name, ignoring case and
// surrounding space. The empty string parses as [KindUnknown], and the US
// spelling "organization" is accepted for "organisation"; [Kind.String] and
// [Kind.MarshalText] still write "organisation". An unknown name gives a
// [*FieldError] wrapping [ErrUnknownName] that lists the valid names.
func ParseKind(s string) (Kind, error) { return kindText.Parse(s) }

var kindText = enumtext.New(enumtext.Config[Kind]{
	Type:           "Kind",
	Field:          "kind",
	Names:          kindNames,
	UnknownZero:    true,
	Alternatives:   map[string]Kind{"organization": KindOrganisation},
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the kind's name, such as "state-media", or "Kind(42)" for
// an out-of-range value.
func (k Kind) String() string { return kindText.String(k) }

// IsValid reports whether k is one of the kinds other than KindUnknown. A
// registry accepts KindUnknown too: a kind that is not stated.
func (k Kind) IsValid() bool { return kindText.IsValid(k) }

// MarshalText returns the kind's name. KindUnknown marshals as "unknown";
// an out-of-range value gives a [*FieldError] wrapping [ErrInvalid].
func (k Kind) MarshalText() ([]byte, error) { return kindText.Marshal(k) }

// UnmarshalText parses a name as [ParseKind] does; on error it leaves k
// unchanged.
func (k *Kind) UnmarshalText(b []byte) error { return kindText.Unmarshal(k, b) }

// Identity says whether a source is named, unnamed or absent. The zero
// Identity is IdentityNamed.
type Identity uint8

// The identities of a source.
const (
	IdentityNamed   Identity = iota // a source the text names: "John Kirby", "the White House"
	IdentityUnnamed                 // a source whose identity is withheld: "US intelligence officials"
	IdentityAbsent                  // no speaker at all: "it is believed", "reportedly"
)

var identityNames = []string{"named", "unnamed", "absent"}

// ParseIdentity returns the Identity with the given name, ignoring case
// and surrounding space. The empty string parses as [IdentityNamed]. An
// unknown name gives a [*FieldError] wrapping [ErrUnknownName] that lists
// the valid names.
func ParseIdentity(s string) (Identity, error) { return identityText.Parse(s) }

var identityText = enumtext.New(enumtext.Config[Identity]{
	Type:           "Identity",
	Field:          "identity",
	Names:          identityNames,
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the identity's name, such as "unnamed", or
// "Identity(42)" for an out-of-range value.
func (i Identity) String() string { return identityText.String(i) }

// IsValid reports whether i is one of the identities; IdentityNamed, the
// zero Identity, is.
func (i Identity) IsValid() bool { return identityText.IsValid(i) }

// MarshalText returns the identity's name; an out-of-range value gives a
// [*FieldError] wrapping [ErrInvalid].
func (i Identity) MarshalText() ([]byte, error) { return identityText.Marshal(i) }

// UnmarshalText parses a name as [ParseIdentity] does; on error it leaves i
// unchanged.
func (i *Identity) UnmarshalText(b []byte) error { return identityText.Unmarshal(i, b) }
