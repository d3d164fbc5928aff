package claim

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail/internal/enumtext"
)

// Polarity is the direction a statement takes toward its claim. The zero
// Polarity is PolarityUnderspecified: no direction is given.
type Polarity uint8

// The polarities.
const (
	PolarityUnderspecified Polarity = iota // "u": neither affirms nor negates
	PolarityPositive                       // "+": affirms the claim
	PolarityNegative                       // "-": negates the claim
)

var polarityNames = []string{"underspecified", "positive", "negative"}

// ParsePolarity returns the Polarity with the given name ("positive",
// "negative", "underspecified") or sign ("+", "-", "u"), ignoring case and
// surrounding space. Besides those, it accepts these alternatives, which
// [Polarity.MarshalText] never writes:
//
//   - "affirms", "affirm" and "affirmative" for "positive";
//   - "negates" and "negate" for "negative";
//   - "undetermined" and "uncommitted" for "underspecified".
//
// An unknown name gives a [*FieldError] wrapping [ErrUnknownName] that
// lists the valid names.
func ParsePolarity(s string) (Polarity, error) {
	switch strings.TrimSpace(s) {
	case "+":
		return PolarityPositive, nil
	case "-":
		return PolarityNegative, nil
	case "u", "U":
		return PolarityUnderspecified, nil
	}
	p, ok := polarityWord(s)
	if !ok {
		return 0, unknownName("polarity", s, "+, -, u, "+enumtext.Valid(polarityNames)+", "+polarityAlternativeNames)
	}
	return p, nil
}

// polarityAlternatives maps the other names ParsePolarity accepts, in lower
// case, to their polarities.
var polarityAlternatives = map[string]Polarity{
	"affirms":      PolarityPositive,
	"affirm":       PolarityPositive,
	"affirmative":  PolarityPositive,
	"negates":      PolarityNegative,
	"negate":       PolarityNegative,
	"undetermined": PolarityUnderspecified,
	"uncommitted":  PolarityUnderspecified,
}

// polarityAlternativeNames lists polarityAlternatives' keys for error
// messages, in a fixed order.
const polarityAlternativeNames = "affirms, affirm, affirmative, negates, negate, undetermined, uncommitted"

// polarityWord returns the polarity a name or an alternative name (not a
// sign) stands for, ignoring case and surrounding space.
func polarityWord(s string) (Polarity, bool) {
	if i, ok := enumtext.Lookup(polarityNames, s); ok {
		return Polarity(i), true
	}
	p, ok := polarityAlternatives[strings.ToLower(strings.TrimSpace(s))]
	return p, ok
}

// String returns the polarity's name, such as "negative".
func (p Polarity) String() string {
	return enumtext.Name(polarityNames, int(p), fmt.Sprintf("Polarity(%d)", p))
}

// Sign returns "+", "-" or "u".
func (p Polarity) Sign() string { return enumtext.Name([]string{"u", "+", "-"}, int(p), "?") }

// MarshalText returns the polarity's name.
func (p Polarity) MarshalText() ([]byte, error) {
	if int(p) >= len(polarityNames) {
		return nil, fieldErr("polarity", p.String(), ErrInvalid)
	}
	return []byte(p.String()), nil
}

// UnmarshalText parses a name as [ParsePolarity] does.
func (p *Polarity) UnmarshalText(b []byte) error {
	v, err := ParsePolarity(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Certainty is how sure a speaker is of what they state. The zero Certainty
// is CertaintyUnderspecified.
type Certainty uint8

// The certainties, in rising order: Certainty values compare with < and >.
const (
	CertaintyUnderspecified Certainty = iota // "U": not given
	CertaintyPossible                        // "PS": may, could, possibly
	CertaintyProbable                        // "PR": likely, believed, suggests
	CertaintyCertain                         // "CT": stated as fact
)

var certaintyNames = []string{"underspecified", "possible", "probable", "certain"}

// ParseCertainty returns the Certainty with the given name ("certain",
// "probable", "possible", "underspecified") or FactBank code ("CT", "PR",
// "PS", "U"), ignoring case. An unknown name gives a [*FieldError] wrapping
// [ErrUnknownName].
func ParseCertainty(s string) (Certainty, error) {
	if i, ok := enumtext.Lookup(certaintyCodes, s); ok {
		return Certainty(i), nil
	}
	i, ok := enumtext.Lookup(certaintyNames, s)
	if !ok {
		return 0, unknownName("certainty", s, enumtext.Valid(certaintyCodes)+", "+enumtext.Valid(certaintyNames))
	}
	return Certainty(i), nil
}

var certaintyCodes = []string{"U", "PS", "PR", "CT"}

// String returns the certainty's name, such as "probable".
func (c Certainty) String() string {
	return enumtext.Name(certaintyNames, int(c), fmt.Sprintf("Certainty(%d)", c))
}

// Code returns the FactBank code: "CT", "PR", "PS" or "U".
func (c Certainty) Code() string { return enumtext.Name(certaintyCodes, int(c), "?") }

// MarshalText returns the certainty's name.
func (c Certainty) MarshalText() ([]byte, error) {
	if int(c) >= len(certaintyNames) {
		return nil, fieldErr("certainty", c.String(), ErrInvalid)
	}
	return []byte(c.String()), nil
}

// UnmarshalText parses a name as [ParseCertainty] does.
func (c *Certainty) UnmarshalText(b []byte) error {
	v, err := ParseCertainty(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Factuality is a FactBank factuality value: the certainty and polarity with
// which a source presents a claim. Only eight combinations are valid, written
// CT+, PR+, PS+, CT-, PR-, PS-, CTu and Uu; a certainty of possible or
// probable needs a polarity, and an underspecified certainty has none.
//
// The zero Factuality is Uu, "uncommitted", which is valid. Factuality is a
// comparable value, safe for concurrent use.
type Factuality struct {
	Certainty Certainty
	Polarity  Polarity
}

// Factuality values by their FactBank names.
var (
	CTPlus  = Factuality{CertaintyCertain, PolarityPositive}
	PRPlus  = Factuality{CertaintyProbable, PolarityPositive}
	PSPlus  = Factuality{CertaintyPossible, PolarityPositive}
	CTMinus = Factuality{CertaintyCertain, PolarityNegative}
	PRMinus = Factuality{CertaintyProbable, PolarityNegative}
	PSMinus = Factuality{CertaintyPossible, PolarityNegative}
	CTu     = Factuality{CertaintyCertain, PolarityUnderspecified}
	Uu      = Factuality{CertaintyUnderspecified, PolarityUnderspecified}
)

// ParseFactuality parses a factuality value, ignoring case and surrounding
// space. It accepts:
//
//   - a FactBank value, as [Factuality.String] writes it: CT+, PR+, PS+,
//     CT-, PR-, PS-, CTu or Uu ("pr+" too);
//   - a certainty name and a polarity name, as [ParseCertainty] and
//     [ParsePolarity] read them but not as codes or signs, in either order,
//     separated by spaces, a hyphen, an underscore or a comma: "certain
//     negates", "probable-affirms", "possible positive", "negative certain",
//     "certain undetermined" (CTu);
//   - "uncommitted" or "underspecified" alone, for Uu.
//
// [Factuality.MarshalText] writes the FactBank value. Anything else,
// including a pair that is not one of the eight values ("probable
// undetermined": a probable statement takes a side) and a certainty alone
// ("possible"), gives a [*FieldError] wrapping [ErrUnknownName] that lists
// the accepted forms.
func ParseFactuality(s string) (Factuality, error) {
	t := strings.TrimSpace(s)
	for _, f := range factualities {
		if strings.EqualFold(f.String(), t) {
			return f, nil
		}
	}
	if strings.EqualFold(t, "uncommitted") || strings.EqualFold(t, "underspecified") {
		return Uu, nil
	}
	words := strings.FieldsFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '_' || r == ','
	})
	if len(words) == 2 {
		for _, w := range [][2]string{{words[0], words[1]}, {words[1], words[0]}} {
			c, okc := enumtext.Lookup(certaintyNames, w[0])
			p, okp := polarityWord(w[1])
			if f := (Factuality{Certainty(c), p}); okc && okp && f.IsValid() {
				return f, nil
			}
		}
	}
	return Factuality{}, unknownName("factuality", s, "CT+, PR+, PS+, CT-, PR-, PS-, CTu, Uu; "+
		"a certainty (certain, probable, possible) and a polarity (positive, negative, underspecified, "+polarityAlternativeNames+
		"; the underspecified ones with certain only) in either order, such as \"certain negates\"; "+
		"or uncommitted or underspecified alone for Uu")
}

var factualities = []Factuality{CTPlus, PRPlus, PSPlus, CTMinus, PRMinus, PSMinus, CTu, Uu}

// IsValid reports whether f is one of the eight FactBank values.
func (f Factuality) IsValid() bool {
	switch f.Certainty {
	case CertaintyCertain:
		return f.Polarity <= PolarityNegative
	case CertaintyProbable, CertaintyPossible:
		return f.Polarity == PolarityPositive || f.Polarity == PolarityNegative
	case CertaintyUnderspecified:
		return f.Polarity == PolarityUnderspecified
	}
	return false
}

// String returns the FactBank name, such as "CT-", or a descriptive form
// for an invalid value.
func (f Factuality) String() string {
	if !f.IsValid() {
		return fmt.Sprintf("Factuality(%s,%s)", f.Certainty, f.Polarity)
	}
	return f.Certainty.Code() + f.Polarity.Sign()
}

// MarshalText returns the FactBank name; an invalid value gives an error.
func (f Factuality) MarshalText() ([]byte, error) {
	if !f.IsValid() {
		return nil, fieldErr("factuality", f.String(), ErrInvalid)
	}
	return []byte(f.String()), nil
}

// UnmarshalText parses a name as [ParseFactuality] does.
func (f *Factuality) UnmarshalText(b []byte) error {
	v, err := ParseFactuality(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}
