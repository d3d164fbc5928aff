package claim

import "github.com/claimtrail/claimtrail/internal/enumtext"

// Act is the kind of speech act a [Statement] performs: accusing, denying,
// warning, relaying. The zero Act is ActUnknown, which a corpus rejects.
//
// Some acts fix the polarity of a statement's [Factuality], and
// [Corpus.Validate] reports a statement that contradicts its act
// ([ErrFactuality]): a denial or rejection negates (CT-, PR-, PS-); an
// accusation, admission or confirmation affirms (CT+, PR+, PS+); declining
// to comment and retracting take no position (Uu or CTu), since a
// retraction withdraws an earlier statement rather than stating the
// opposite, which would be a denial. The other acts take any factuality.
type Act uint8

// The speech acts. Each maps to its CAMEO event code where CAMEO has one;
// see [Act.CAMEO].
const (
	ActUnknown        Act = iota
	ActAssert             // states the claim as fact or opinion (CAMEO 010)
	ActAccuse             // accuses a party of the claimed act (CAMEO 112)
	ActDeny               // denies the claim, typically the accused party (CAMEO 016)
	ActReject             // rejects the claim or a demand tied to it (CAMEO 120)
	ActConfirm            // confirms a claim someone else made
	ActAdmit              // admits or acknowledges the claim, typically the accused party (CAMEO 015)
	ActRetract            // withdraws an earlier statement, taking no position itself (Uu or CTu)
	ActWarn               // warns against the claimed act or its consequences
	ActThreaten           // threatens consequences if the claimed act goes on (CAMEO 130)
	ActUrge               // appeals or urges, for example to halt the claimed act (CAMEO 020)
	ActPledge             // pledges or expresses intent to act (CAMEO 030)
	ActConcern            // expresses concern that the claim holds or may come true (CAMEO 012)
	ActQuestion           // questions the claim without denying it
	ActDeclineComment     // declines to comment or does not respond (CAMEO 011)
	ActReport             // relays the claim neutrally, taking no position
)

var actNames = []string{
	"unknown", "assert", "accuse", "deny", "reject", "confirm", "admit", "retract",
	"warn", "threaten", "urge", "pledge", "concern", "question", "decline-comment", "report",
}

// cameoCodes holds the CAMEO code of each act; "" where CAMEO has none.
// Warnings have no CAMEO category of their own (CAMEO codes a threat, 13x,
// only when consequences are stated), so ActWarn has none; code such a
// statement as ActThreaten when it states consequences.
var cameoCodes = []string{
	"", "010", "112", "016", "120", "", "015", "",
	"", "130", "020", "030", "012", "", "011", "",
}

// ParseAct returns the Act with the given name, ignoring case and
// surrounding space; the empty string is [ActUnknown], as is "unknown",
// which [Act.IsValid] and a corpus reject. Besides the names [Act.String]
// gives, it accepts these alternatives, which [Act.MarshalText] never
// writes:
//
//   - "decline" and "decline_comment" for "decline-comment";
//   - "acknowledge" and "acknowledged" for "admit";
//   - "appeal" for "urge";
//   - "allege" for "accuse".
//
// An unknown name gives a [*FieldError] wrapping [ErrUnknownName] that
// lists the valid names.
func ParseAct(s string) (Act, error) { return actText.Parse(s) }

var actText = enumtext.New(enumtext.Config[Act]{
	Type:        "Act",
	Field:       "act",
	Names:       actNames,
	UnknownZero: true,
	Alternatives: map[string]Act{
		"decline":         ActDeclineComment,
		"decline_comment": ActDeclineComment,
		"acknowledge":     ActAdmit,
		"acknowledged":    ActAdmit,
		"appeal":          ActUrge,
		"allege":          ActAccuse,
	},
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the act's name, such as "deny", or "Act(42)" for an
// out-of-range value.
func (a Act) String() string { return actText.String(a) }

// IsValid reports whether a is one of the named acts other than ActUnknown.
func (a Act) IsValid() bool { return actText.IsValid(a) }

// CAMEO returns the act's CAMEO event code ("016" for a denial), or "" when
// CAMEO has no code for it.
func (a Act) CAMEO() string {
	if int(a) >= len(cameoCodes) {
		return ""
	}
	return cameoCodes[a]
}

// MarshalText returns the act's name. ActUnknown marshals as "unknown";
// an out-of-range value gives a [*FieldError] wrapping [ErrInvalid].
func (a Act) MarshalText() ([]byte, error) { return actText.Marshal(a) }

// UnmarshalText parses a name as [ParseAct] does; on error it leaves a
// unchanged.
func (a *Act) UnmarshalText(b []byte) error { return actText.Unmarshal(a, b) }

// fitting names the factualities that fit an act, for error messages.
func (a Act) fitting() string {
	switch a {
	case ActDeny, ActReject:
		return "CT-, PR- or PS-"
	case ActAccuse, ActAdmit, ActConfirm:
		return "CT+, PR+ or PS+"
	case ActDeclineComment, ActRetract:
		return "Uu or CTu"
	default:
		return "any"
	}
}

// fits reports whether an act can carry factuality f: a denial or rejection
// negates, an accusation, admission or confirmation affirms, and declining
// to comment or retracting takes no position (Uu or CTu): a retraction
// withdraws an earlier statement rather than stating the opposite, which
// would be a denial. Other acts take any factuality.
func (a Act) fits(f Factuality) bool {
	switch a {
	case ActDeny, ActReject:
		return f.Polarity == PolarityNegative
	case ActAccuse, ActAdmit, ActConfirm:
		return f.Polarity == PolarityPositive
	case ActDeclineComment, ActRetract:
		return f.Polarity == PolarityUnderspecified
	default:
		return true
	}
}
