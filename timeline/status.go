package timeline

import "github.com/claimtrail/claimtrail/internal/enumtext"

// Status is where a claim stands at one instant, derived from the statements
// known by then. The zero Status is StatusUnreported.
//
// The rules, applied in this order, the first that holds giving the status
// (see the package documentation for what "affirms" and "negates" mean, and
// [Rules] for the choices a newsroom can make differently):
//
//  1. unreported: no statement about the claim is known yet;
//  2. confirmed: a confirmation stands and no refutation does. A named
//     source under the root of an accused party affirms the claim with
//     certainty (an admission), or an investigator that is none of the
//     claim's actors affirms it with certainty (CT+), whatever the act: a
//     UN panel of experts "found", a court "established";
//  3. refuted: a refutation stands and no confirmation does: an
//     investigator that is none of the claim's actors negates it with
//     certainty (CT-). The accused party's own denial never refutes;
//  4. corroborated: sources under two or more independent roots affirm it
//     ([Rules.Corroboration] sets how many). A source counts only if it is
//     not the accused, a beneficiary or a subject of the claim (the roots
//     of those actors: they cannot corroborate a claim about themselves;
//     the target, the party harmed, is a witness and counts), is not
//     absent, and, if unnamed, has an affiliation, without which its
//     independence cannot be told;
//  5. contested: some source affirms it and some source negates it;
//  6. alleged: some source affirms it and none negates it;
//  7. retracted: no source affirms it any more and at least one withdrew an
//     earlier affirmation;
//  8. denied: sources negate it and none affirms it;
//  9. reported: statements exist but no position affirms or negates it,
//     such as questions, possibilities, warnings or declined comments.
//
// When a confirmation and a refutation both stand, neither rule 2 nor rule
// 3 holds and the claim falls to the rules below them: it is at least
// contested.
type Status uint8

// The statuses of a claim.
const (
	StatusUnreported   Status = iota // no statement about the claim is known
	StatusReported                   // statements, but no position affirms or negates it
	StatusAlleged                    // affirmed, and negated by no one
	StatusContested                  // affirmed and negated
	StatusDenied                     // negated, and affirmed by no one
	StatusCorroborated               // affirmed by two or more independent roots
	StatusConfirmed                  // admitted by the accused side, or found true by an independent investigator
	StatusRetracted                  // an affirmation withdrawn, and no affirmation left
	StatusRefuted                    // found false by an independent investigator
)

var statusNames = []string{"unreported", "reported", "alleged", "contested", "denied", "corroborated", "confirmed", "retracted", "refuted"}

// ParseStatus returns the Status with the given name, ignoring case and
// surrounding space; the empty string is StatusUnreported. An unknown name
// gives a [*Error] wrapping [ErrUnknownName] that lists the valid names.
func ParseStatus(s string) (Status, error) { return statusText.Parse(s) }

var statusText = enumtext.New(enumtext.Config[Status]{
	Type:           "Status",
	Field:          "status",
	Names:          statusNames,
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the status's name, such as "contested", or "Status(42)" for an
// out-of-range value.
func (s Status) String() string { return statusText.String(s) }

// IsValid reports whether s is one of the statuses; StatusUnreported, the zero
// Status, is.
func (s Status) IsValid() bool { return statusText.IsValid(s) }

// MarshalText returns the status's name; an out-of-range value gives a
// [*Error] wrapping [ErrInvalid].
func (s Status) MarshalText() ([]byte, error) { return statusText.Marshal(s) }

// UnmarshalText parses a name as [ParseStatus] does; on error it leaves s
// unchanged.
func (s *Status) UnmarshalText(b []byte) error { return statusText.Unmarshal(s, b) }

// ChangeKind is what a statement changed in the picture of a claim. The zero
// ChangeKind is ChangeUnknown, which never appears in a timeline and which
// IsValid reports false for.
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

// ParseChangeKind returns the ChangeKind with the given name, ignoring case
// and surrounding space; the empty string is ChangeUnknown, as is
// "unknown", which [ChangeKind.IsValid] reports false for. An unknown name
// gives a [*Error] wrapping [ErrUnknownName] that lists the valid names.
func ParseChangeKind(s string) (ChangeKind, error) { return changeText.Parse(s) }

var changeText = enumtext.New(enumtext.Config[ChangeKind]{
	Type:           "ChangeKind",
	Field:          "change",
	Names:          changeNames,
	UnknownZero:    true,
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the change's name, such as "repeated-denial", or "ChangeKind(42)" for an
// out-of-range value.
func (k ChangeKind) String() string { return changeText.String(k) }

// IsValid reports whether k is one of the change kinds other than ChangeUnknown.
func (k ChangeKind) IsValid() bool { return changeText.IsValid(k) }

// MarshalText returns the change's name. ChangeUnknown marshals as "unknown";
// an out-of-range value gives a [*Error] wrapping [ErrInvalid].
func (k ChangeKind) MarshalText() ([]byte, error) { return changeText.Marshal(k) }

// UnmarshalText parses a name as [ParseChangeKind] does; on error it leaves k
// unchanged.
func (k *ChangeKind) UnmarshalText(b []byte) error { return changeText.Unmarshal(k, b) }

// Discount says why a statement on a claim's track does not count for the
// claim's status. The zero Discount is Counted: the statement counts.
//
// Only inherited negations are discounted: a denial of a broader claim
// counts against a claim that refines it only when it was said on or after
// the refining claim's event, or, for a claim with no event time, on or
// after its first report. A statement whose said date is unknown is taken
// as said when it was first reported.
type Discount uint8

// The reasons a statement does not count.
const (
	Counted              Discount = iota // the statement counts
	DiscountBeforeEvent                  // a negation of a broader claim said before this claim's event
	DiscountBeforeReport                 // a negation of a broader claim said before this claim was first reported
)

var discountNames = []string{"counted", "before-event", "before-first-report"}

// ParseDiscount returns the Discount with the given name, ignoring case
// and surrounding space; the empty string is Counted. An unknown name gives
// a [*Error] wrapping [ErrUnknownName] that lists the valid names.
func ParseDiscount(s string) (Discount, error) { return discountText.Parse(s) }

var discountText = enumtext.New(enumtext.Config[Discount]{
	Type:           "Discount",
	Field:          "discount",
	Names:          discountNames,
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the discount's name, such as "before-event", or "Discount(42)" for an
// out-of-range value.
func (d Discount) String() string { return discountText.String(d) }

// IsValid reports whether d is one of the discounts; Counted, the zero
// Discount, is.
func (d Discount) IsValid() bool { return discountText.IsValid(d) }

// MarshalText returns the discount's name; an out-of-range value gives a
// [*Error] wrapping [ErrInvalid].
func (d Discount) MarshalText() ([]byte, error) { return discountText.Marshal(d) }

// UnmarshalText parses a name as [ParseDiscount] does; on error it leaves d
// unchanged.
func (d *Discount) UnmarshalText(b []byte) error { return discountText.Unmarshal(d, b) }
