package timeline

import (
	"fmt"

	"github.com/claimtrail/claimtrail/internal/enumtext"
)

// Status is where a claim stands at one instant, derived from the statements
// known by then. The zero Status is StatusUnreported.
//
// The rules, applied in this order, the first that holds giving the status
// (see the package documentation for what "affirms" and "negates" mean):
//
//  1. unreported: no statement about the claim is known yet;
//  2. confirmed: a named source under the root of an accused party affirms
//     it with certainty (an admission), or an organisation that is none of
//     the claim's parties confirms it with certainty (act confirm, CT+: a UN
//     panel of experts);
//  3. corroborated: sources under two or more independent roots affirm it.
//     A source counts only if it is none of the claim's parties (the roots
//     of its actors, whatever their role: a party cannot corroborate a claim
//     about itself), is not absent, and, if unnamed, has an affiliation,
//     without which its independence cannot be told;
//  4. contested: some source affirms it and some source negates it;
//  5. alleged: some source affirms it and none negates it;
//  6. retracted: no source affirms it any more and at least one withdrew an
//     earlier affirmation;
//  7. denied: sources negate it and none affirms it;
//  8. reported: statements exist but no position affirms or negates it,
//     such as questions, possibilities, warnings or declined comments.
type Status uint8

// The statuses of a claim.
const (
	StatusUnreported   Status = iota // no statement about the claim is known
	StatusReported                   // statements, but no position affirms or negates it
	StatusAlleged                    // affirmed, and negated by no one
	StatusContested                  // affirmed and negated
	StatusDenied                     // negated, and affirmed by no one
	StatusCorroborated               // affirmed by two or more independent roots
	StatusConfirmed                  // admitted by the accused side, or confirmed by an independent organisation
	StatusRetracted                  // an affirmation withdrawn, and no affirmation left
)

var statusNames = []string{"unreported", "reported", "alleged", "contested", "denied", "corroborated", "confirmed", "retracted"}

// ParseStatus returns the Status with the given name, ignoring case. An
// unknown name gives a [*Error] wrapping [ErrUnknownName] that lists the
// valid names.
func ParseStatus(s string) (Status, error) {
	i, ok := enumtext.Lookup(statusNames, s)
	if !ok {
		return 0, &Error{Field: "status", Value: s, Err: fmt.Errorf("%w (valid: %s)", ErrUnknownName, enumtext.Valid(statusNames))}
	}
	return Status(i), nil
}

// String returns the status's name, such as "contested".
func (s Status) String() string {
	return enumtext.Name(statusNames, int(s), fmt.Sprintf("Status(%d)", s))
}

// MarshalText returns the status's name.
func (s Status) MarshalText() ([]byte, error) {
	if int(s) >= len(statusNames) {
		return nil, &Error{Field: "status", Value: s.String(), Err: ErrInvalid}
	}
	return []byte(s.String()), nil
}

// UnmarshalText parses a name as [ParseStatus] does.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ChangeKind is what a statement changed in the picture of a claim. The zero
// ChangeKind is ChangeUnknown and never appears in a timeline.
type ChangeKind uint8

// The kinds of change. One statement can cause several.
const (
	ChangeUnknown          ChangeKind = iota
	ChangeFirstReport                 // the first statement about the claim
	ChangeNewSource                   // a source not heard on the claim before
	ChangeDenial                      // a source negates the claim for the first time
	ChangeRepeatedDenial              // a source that negated the claim negates it again
	ChangeCertaintyRaised             // a source keeps its polarity and is surer than before
	ChangeCertaintyLowered            // a source keeps its polarity and is less sure than before
	ChangeReversal                    // a source flips its own polarity
	ChangeRetraction                  // a source withdraws an earlier statement
	ChangeCorroboration               // a further independent root affirms the claim
	ChangeStatus                      // the claim's status changed
)

var changeNames = []string{
	"unknown", "first-report", "new-source", "denial", "repeated-denial",
	"certainty-raised", "certainty-lowered", "reversal", "retraction",
	"corroboration", "status",
}

// ParseChangeKind returns the ChangeKind with the given name, ignoring case.
// An unknown name gives a [*Error] wrapping [ErrUnknownName] that lists the
// valid names.
func ParseChangeKind(s string) (ChangeKind, error) {
	i, ok := enumtext.Lookup(changeNames, s)
	if !ok || i == 0 {
		return 0, &Error{Field: "change", Value: s, Err: fmt.Errorf("%w (valid: %s)", ErrUnknownName, enumtext.Valid(changeNames[1:]))}
	}
	return ChangeKind(i), nil
}

// String returns the change's name, such as "repeated-denial".
func (k ChangeKind) String() string {
	return enumtext.Name(changeNames, int(k), fmt.Sprintf("ChangeKind(%d)", k))
}

// MarshalText returns the change's name.
func (k ChangeKind) MarshalText() ([]byte, error) {
	if k == ChangeUnknown || int(k) >= len(changeNames) {
		return nil, &Error{Field: "change", Value: k.String(), Err: ErrInvalid}
	}
	return []byte(k.String()), nil
}

// UnmarshalText parses a name as [ParseChangeKind] does.
func (k *ChangeKind) UnmarshalText(b []byte) error {
	v, err := ParseChangeKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}
