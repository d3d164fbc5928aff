package claim

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePolarity(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Polarity
	}{
		{"plus", "+", PolarityPositive},
		{"minus", "-", PolarityNegative},
		{"u", "u", PolarityUnderspecified},
		{"upper-u", "U", PolarityUnderspecified},
		{"positive", "positive", PolarityPositive},
		{"negative-upper", "NEGATIVE", PolarityNegative},
		{"underspecified-spaced", " Underspecified ", PolarityUnderspecified},
		{"plus-spaced", " + ", PolarityPositive},
		{"affirms", "affirms", PolarityPositive},
		{"affirm-upper", "AFFIRM", PolarityPositive},
		{"affirmative", "Affirmative", PolarityPositive},
		{"negates", "negates", PolarityNegative},
		{"negate-spaced", " negate ", PolarityNegative},
		{"undetermined", "undetermined", PolarityUnderspecified},
		{"uncommitted", "Uncommitted", PolarityUnderspecified},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParsePolarity(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)

			var p Polarity
			require.NoError(t, p.UnmarshalText([]byte(tc.in)))
			assert.Equal(t, tc.want, p)
		})
	}

	for _, in := range []string{"?", "pos", "++", "affirmed", "negated", "certain"} {
		t.Run("bad/"+in, func(t *testing.T) {
			_, err := ParsePolarity(in)
			assert.ErrorIs(t, err, ErrUnknownName)
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "polarity", fe.Field)
				assert.Equal(t, in, fe.Value)
			}

			p := PolarityNegative
			assert.ErrorIs(t, p.UnmarshalText([]byte(in)), ErrUnknownName)
			assert.Equal(t, PolarityNegative, p, "UnmarshalText changed its receiver on error")
		})
	}
}

func TestPolarityText(t *testing.T) {
	tests := []struct {
		name string
		p    Polarity
		want string
		sign string
	}{
		{"underspecified", PolarityUnderspecified, "underspecified", "u"},
		{"positive", PolarityPositive, "positive", "+"},
		{"negative", PolarityNegative, "negative", "-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.p.String())
			assert.Equal(t, tc.sign, tc.p.Sign())

			b, err := tc.p.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(b))

			for _, in := range []string{tc.want, tc.sign} {
				got, err := ParsePolarity(in)
				require.NoError(t, err)
				assert.Equal(t, tc.p, got, "ParsePolarity(%q)", in)
			}
		})
	}

	t.Run("out-of-range", func(t *testing.T) {
		p := Polarity(7)
		assert.Equal(t, "Polarity(7)", p.String())
		assert.Equal(t, "?", p.Sign())
		_, err := p.MarshalText()
		assert.ErrorIs(t, err, ErrInvalid)
	})
}

func TestParseCertainty(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Certainty
	}{
		{"ct", "CT", CertaintyCertain},
		{"pr-lower", "pr", CertaintyProbable},
		{"ps-mixed", "Ps", CertaintyPossible},
		{"u-lower", "u", CertaintyUnderspecified},
		{"certain", "certain", CertaintyCertain},
		{"probable-upper", "PROBABLE", CertaintyProbable},
		{"possible-spaced", " possible ", CertaintyPossible},
		{"underspecified", "underspecified", CertaintyUnderspecified},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseCertainty(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)

			var c Certainty
			require.NoError(t, c.UnmarshalText([]byte(tc.in)))
			assert.Equal(t, tc.want, c)
		})
	}

	for _, in := range []string{"C", "CT+", "sure", "likely"} {
		t.Run("bad/"+in, func(t *testing.T) {
			_, err := ParseCertainty(in)
			assert.ErrorIs(t, err, ErrUnknownName)
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "certainty", fe.Field)
				assert.Equal(t, in, fe.Value)
			}

			c := CertaintyProbable
			assert.ErrorIs(t, c.UnmarshalText([]byte(in)), ErrUnknownName)
			assert.Equal(t, CertaintyProbable, c, "UnmarshalText changed its receiver on error")
		})
	}
}

func TestCertaintyText(t *testing.T) {
	tests := []struct {
		name string
		c    Certainty
		want string
		code string
	}{
		{"underspecified", CertaintyUnderspecified, "underspecified", "U"},
		{"possible", CertaintyPossible, "possible", "PS"},
		{"probable", CertaintyProbable, "probable", "PR"},
		{"certain", CertaintyCertain, "certain", "CT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.c.String())
			assert.Equal(t, tc.code, tc.c.Code())

			b, err := tc.c.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(b))

			for _, in := range []string{tc.want, tc.code} {
				got, err := ParseCertainty(in)
				require.NoError(t, err)
				assert.Equal(t, tc.c, got, "ParseCertainty(%q)", in)
			}
		})
	}

	t.Run("out-of-range", func(t *testing.T) {
		c := Certainty(4)
		assert.Equal(t, "Certainty(4)", c.String())
		assert.Equal(t, "?", c.Code())
		_, err := c.MarshalText()
		assert.ErrorIs(t, err, ErrInvalid)
	})
}

func TestCertaintyOrder(t *testing.T) {
	// Certainty values compare with < and >, weakest first.
	rising := []Certainty{CertaintyUnderspecified, CertaintyPossible, CertaintyProbable, CertaintyCertain}
	for i := 1; i < len(rising); i++ {
		assert.Less(t, rising[i-1], rising[i])
	}
}

// allFactualities lists the eight FactBank values with their names.
var allFactualities = []struct {
	name string
	f    Factuality
	c    Certainty
	p    Polarity
}{
	{"CT+", CTPlus(), CertaintyCertain, PolarityPositive},
	{"PR+", PRPlus(), CertaintyProbable, PolarityPositive},
	{"PS+", PSPlus(), CertaintyPossible, PolarityPositive},
	{"CT-", CTMinus(), CertaintyCertain, PolarityNegative},
	{"PR-", PRMinus(), CertaintyProbable, PolarityNegative},
	{"PS-", PSMinus(), CertaintyPossible, PolarityNegative},
	{"CTu", CTu(), CertaintyCertain, PolarityUnderspecified},
	{"Uu", Uu(), CertaintyUnderspecified, PolarityUnderspecified},
}

func TestParseFactuality(t *testing.T) {
	for _, tc := range allFactualities {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, Factuality{tc.c, tc.p}, tc.f)
			assert.True(t, tc.f.IsValid())
			assert.Equal(t, tc.name, tc.f.String())

			for _, in := range []string{tc.name, strings.ToLower(tc.name), strings.ToUpper(tc.name), " " + tc.name + "\n"} {
				got, err := ParseFactuality(in)
				require.NoError(t, err, "ParseFactuality(%q)", in)
				assert.Equal(t, tc.f, got, "ParseFactuality(%q)", in)
			}

			b, err := tc.f.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.name, string(b))

			var got Factuality
			require.NoError(t, got.UnmarshalText(b))
			assert.Equal(t, tc.f, got)
		})
	}

	t.Run("zero-is-Uu", func(t *testing.T) {
		var f Factuality
		assert.Equal(t, Uu(), f)
		assert.True(t, f.IsValid())
		assert.Equal(t, "Uu", f.String())
	})
}

// TestParseFactualityWords checks the factuality values written as a
// certainty and a polarity in words.
func TestParseFactualityWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Factuality
	}{
		{"certain-negates", "certain negates", CTMinus()},
		{"probable-affirms-hyphen", "probable-affirms", PRPlus()},
		{"possible-positive", "possible positive", PSPlus()},
		{"negative-certain", "negative certain", CTMinus()},
		{"negates-probable-underscore", "negates_probable", PRMinus()},
		{"possible-negative-comma", "possible, negative", PSMinus()},
		{"possible-negate-comma-tight", "possible,negate", PSMinus()},
		{"certain-affirmative-upper", "CERTAIN AFFIRMATIVE", CTPlus()},
		{"affirm-possible-mixed", " Affirm  Possible\t", PSPlus()},
		{"certain-undetermined", "certain undetermined", CTu()},
		{"uncommitted-certain", "uncommitted-certain", CTu()},
		{"certain-underspecified", "certain underspecified", CTu()},
		{"underspecified-certain", "underspecified certain", CTu()},
		{"uncommitted", "uncommitted", Uu()},
		{"underspecified-upper", " UNDERSPECIFIED ", Uu()},
		{"underspecified-twice", "underspecified underspecified", Uu()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseFactuality(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)

			var f Factuality
			require.NoError(t, f.UnmarshalText([]byte(tc.in)))
			assert.Equal(t, tc.want, f)

			// MarshalText still writes the FactBank value.
			b, err := got.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.want.String(), string(b))
		})
	}
}

func TestParseFactualityError(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"pr-u-spaced", "PR u"},
		{"pr-u", "PRu"},
		{"ps-u", "PSu"},
		{"u-plus", "U+"},
		{"u-minus", "U-"},
		{"certainty-only", "CT"},
		{"extra-sign", "CT+-"},
		{"struct-form", "Factuality(probable,underspecified)"},
		{"probable-undetermined", "probable undetermined"},
		{"possible-uncommitted", "possible-uncommitted"},
		{"possible-alone", "possible"},
		{"certain-alone", "certain"},
		{"negates-alone", "negates"},
		{"underspecified-affirms", "underspecified affirms"},
		{"two-certainties", "certain probable"},
		{"two-polarities", "affirms negates"},
		{"three-words", "certain certain negates"},
		{"codes-as-words", "CT +"},
		{"code-and-word", "PR negates"},
		{"slash", "certain/negates"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseFactuality(tc.in)
			assert.ErrorIs(t, err, ErrUnknownName)
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "factuality", fe.Field)
				assert.Equal(t, tc.in, fe.Value)
			}
			assert.Equal(t, Factuality{}, got)

			f := PRMinus()
			assert.ErrorIs(t, f.UnmarshalText([]byte(tc.in)), ErrUnknownName)
			assert.Equal(t, PRMinus(), f, "UnmarshalText changed its receiver on error")
		})
	}
}

func TestFactualityIsValid(t *testing.T) {
	valid := map[Factuality]bool{}
	for _, tc := range allFactualities {
		valid[tc.f] = true
	}
	// Every certainty and polarity, in range and just out of it.
	for c := range Certainty(5) {
		for p := range Polarity(4) {
			f := Factuality{c, p}
			t.Run(f.String(), func(t *testing.T) {
				assert.Equal(t, valid[f], f.IsValid())
				if valid[f] {
					return
				}
				_, err := f.MarshalText()
				assert.ErrorIs(t, err, ErrInvalid)
				var fe *FieldError
				if assert.ErrorAs(t, err, &fe) {
					assert.Equal(t, f.String(), fe.Value)
				}
			})
		}
	}
}

func TestFactualityInvalidString(t *testing.T) {
	tests := []struct {
		name string
		f    Factuality
		want string
	}{
		{"PR-u", Factuality{CertaintyProbable, PolarityUnderspecified}, "Factuality(probable,underspecified)"},
		{"U+", Factuality{CertaintyUnderspecified, PolarityPositive}, "Factuality(underspecified,positive)"},
		{"out-of-range", Factuality{Certainty(9), Polarity(9)}, "Factuality(Certainty(9),Polarity(9))"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.False(t, tc.f.IsValid())
			assert.Equal(t, tc.want, tc.f.String())
		})
	}
}

func TestFactualityJSON(t *testing.T) {
	type record struct {
		Factuality Factuality `json:"factuality"`
		Certainty  Certainty  `json:"certainty"`
		Polarity   Polarity   `json:"polarity"`
	}
	in := record{PRMinus(), CertaintyPossible, PolarityNegative}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"factuality":"PR-","certainty":"possible","polarity":"negative"}`, string(b))

	var got record
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, in, got)

	_, err = json.Marshal(record{Factuality: Factuality{CertaintyProbable, PolarityUnderspecified}})
	assert.ErrorIs(t, err, ErrInvalid)
}

// TestFactualityValues checks that each named value is the one its name
// says, and that changing one a caller holds changes nothing for the next.
func TestFactualityValues(t *testing.T) {
	tests := []struct {
		name string
		f    func() Factuality
	}{
		{"CT+", CTPlus}, {"PR+", PRPlus}, {"PS+", PSPlus},
		{"CT-", CTMinus}, {"PR-", PRMinus}, {"PS-", PSMinus},
		{"CTu", CTu}, {"Uu", Uu},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.f()
			assert.True(t, f.IsValid())
			assert.Equal(t, tc.name, f.String())
			f.Polarity = PolarityNegative + 1
			assert.Equal(t, tc.name, tc.f().String(), "changing a returned value changed the next")
		})
	}
	assert.Equal(t, Factuality{}, Uu(), "Uu is the zero Factuality")
}
