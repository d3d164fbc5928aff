package claim

import (
	"fmt"
	"maps"
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
// surrounding space; the empty string is PolarityUnderspecified. Besides
// those, it accepts these alternatives, which [Polarity.MarshalText] never
// writes:
//
//   - "affirms", "affirm" and "affirmative" for "positive";
//   - "negates" and "negate" for "negative";
//   - "undetermined" and "uncommitted" for "underspecified".
//
// An unknown name gives a [*FieldError] wrapping [ErrUnknownName] that
// lists the valid names.
func ParsePolarity(s string) (Polarity, error) { return polarityText.Parse(s) }

// polarityWords maps the alternative names of a polarity that are words,
// not signs, to their polarities: ParseFactuality reads those too.
var polarityWords = map[string]Polarity{
	"affirms":      PolarityPositive,
	"affirm":       PolarityPositive,
	"affirmative":  PolarityPositive,
	"negates":      PolarityNegative,
	"negate":       PolarityNegative,
	"undetermined": PolarityUnderspecified,
	"uncommitted":  PolarityUnderspecified,
}

// polarityAlternativeNames lists polarityWords' keys for error messages, in
// a fixed order.
const polarityAlternativeNames = "affirms, affirm, affirmative, negates, negate, undetermined, uncommitted"

var polarityText = enumtext.New(enumtext.Config[Polarity]{
	Type:  "Polarity",
	Field: "polarity",
	Names: polarityNames,
	Alternatives: func() map[string]Polarity {
		m := map[string]Polarity{"+": PolarityPositive, "-": PolarityNegative, "u": PolarityUnderspecified}
		maps.Copy(m, polarityWords)
		return m
	}(),
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// polarityWord returns the polarity a name or an alternative name (not a
// sign) stands for, ignoring case and surrounding space.
func polarityWord(s string) (Polarity, bool) {
	if p, ok := polarityText.Lookup(s); ok {
		return p, true
	}
	p, ok := polarityWords[strings.ToLower(strings.TrimSpace(s))]
	return p, ok
}

// String returns the polarity's name, such as "negative", or
// "Polarity(42)" for an out-of-range value.
func (p Polarity) String() string { return polarityText.String(p) }

// IsValid reports whether p is one of the polarities;
// PolarityUnderspecified, the zero Polarity, is.
func (p Polarity) IsValid() bool { return polarityText.IsValid(p) }

// Sign returns "+", "-" or "u", or "?" for an out-of-range value.
func (p Polarity) Sign() string {
	if !p.IsValid() {
		return "?"
	}
	return polaritySigns[p]
}

var polaritySigns = [...]string{"u", "+", "-"}

// MarshalText returns the polarity's name; an out-of-range value gives a
// [*FieldError] wrapping [ErrInvalid].
func (p Polarity) MarshalText() ([]byte, error) { return polarityText.Marshal(p) }

// UnmarshalText parses a name as [ParsePolarity] does; on error it leaves p
// unchanged.
func (p *Polarity) UnmarshalText(b []byte) error { return polarityText.Unmarshal(p, b) }

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
// "PS", "U"), ignoring case and surrounding space; the empty string is
// CertaintyUnderspecified. An unknown name gives a [*FieldError] wrapping
// [ErrUnknownName] that lists the valid names.
func ParseCertainty(s string) (Certainty, error) { return certaintyText.Parse(s) }

var certaintyCodes = [...]string{"U", "PS", "PR", "CT"}

var certaintyText = enumtext.New(enumtext.Config[Certainty]{
	Type:  "Certainty",
	Field: "certainty",
	Names: certaintyNames,
	Alternatives: map[string]Certainty{
		"u": CertaintyUnderspecified, "ps": CertaintyPossible, "pr": CertaintyProbable, "ct": CertaintyCertain,
	},
	Err:            enumErr,
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the certainty's name, such as "probable", or
// "Certainty(42)" for an out-of-range value.
func (c Certainty) String() string { return certaintyText.String(c) }

// IsValid reports whether c is one of the certainties;
// CertaintyUnderspecified, the zero Certainty, is.
func (c Certainty) IsValid() bool { return certaintyText.IsValid(c) }

// Code returns the FactBank code: "CT", "PR", "PS" or "U", or "?" for an
// out-of-range value.
func (c Certainty) Code() string {
	if !c.IsValid() {
		return "?"
	}
	return certaintyCodes[c]
}

// MarshalText returns the certainty's name; an out-of-range value gives a
// [*FieldError] wrapping [ErrInvalid].
func (c Certainty) MarshalText() ([]byte, error) { return certaintyText.Marshal(c) }

// UnmarshalText parses a name as [ParseCertainty] does; on error it leaves
// c unchanged.
func (c *Certainty) UnmarshalText(b []byte) error { return certaintyText.Unmarshal(c, b) }

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

// The eight FactBank values, each returned by a function of its name so
// that no caller can change what the name stands for (as net/netip's
// IPv6Loopback does). Each call takes constant time and allocates nothing.

// CTPlus returns CT+: certain, positive ("confirmed that").
func CTPlus() Factuality { return Factuality{CertaintyCertain, PolarityPositive} }

// PRPlus returns PR+: probable, positive ("believed to").
func PRPlus() Factuality { return Factuality{CertaintyProbable, PolarityPositive} }

// PSPlus returns PS+: possible, positive ("may have").
func PSPlus() Factuality { return Factuality{CertaintyPossible, PolarityPositive} }

// CTMinus returns CT-: certain, negative ("denied").
func CTMinus() Factuality { return Factuality{CertaintyCertain, PolarityNegative} }

// PRMinus returns PR-: probable, negative ("unlikely").
func PRMinus() Factuality { return Factuality{CertaintyProbable, PolarityNegative} }

// PSMinus returns PS-: possible, negative ("may not have").
func PSMinus() Factuality { return Factuality{CertaintyPossible, PolarityNegative} }

// CTu returns CTu: certain, underspecified, a source sure that it takes
// no position, as in a retraction.
func CTu() Factuality { return Factuality{CertaintyCertain, PolarityUnderspecified} }

// Uu returns Uu: uncommitted, the zero Factuality.
func Uu() Factuality { return Factuality{} }

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
	for i, name := range factualityNames {
		if strings.EqualFold(name, t) {
			return factualities[i], nil
		}
	}
	if strings.EqualFold(t, "uncommitted") || strings.EqualFold(t, "underspecified") {
		return Uu(), nil
	}
	words := strings.FieldsFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '_' || r == ','
	})
	if len(words) == 2 {
		for _, w := range [][2]string{{words[0], words[1]}, {words[1], words[0]}} {
			c, okc := certaintyText.Lookup(w[0])
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

var factualities = [...]Factuality{CTPlus(), PRPlus(), PSPlus(), CTMinus(), PRMinus(), PSMinus(), CTu(), Uu()}

// factualityNames are the names of factualities, in their order, built
// once so that parsing a million statements does not build them each time.
var factualityNames = func() (names [len(factualities)]string) {
	for i, f := range factualities {
		names[i] = f.String()
	}
	return names
}()

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
