package claim

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allActs lists every named act with its name and CAMEO code.
var allActs = []struct {
	act   Act
	name  string
	cameo string
}{
	{ActUnknown, "unknown", ""},
	{ActAssert, "assert", "010"},
	{ActAccuse, "accuse", "112"},
	{ActDeny, "deny", "016"},
	{ActReject, "reject", "120"},
	{ActConfirm, "confirm", ""},
	{ActAdmit, "admit", "015"},
	{ActRetract, "retract", ""},
	{ActWarn, "warn", ""},
	{ActThreaten, "threaten", "130"},
	{ActUrge, "urge", "020"},
	{ActPledge, "pledge", "030"},
	{ActConcern, "concern", "012"},
	{ActQuestion, "question", ""},
	{ActDeclineComment, "decline-comment", "011"},
	{ActReport, "report", ""},
}

func TestActString(t *testing.T) {
	for _, tc := range allActs {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.name, tc.act.String())
		})
	}
	t.Run("out-of-range", func(t *testing.T) {
		assert.Equal(t, "Act(16)", Act(16).String())
	})
}

func TestActCAMEO(t *testing.T) {
	for _, tc := range allActs {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.cameo, tc.act.CAMEO())
		})
	}
	t.Run("out-of-range", func(t *testing.T) {
		assert.Equal(t, "", Act(200).CAMEO())
	})
}

func TestParseAct(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Act
	}{
		{"lower", "deny", ActDeny},
		{"upper", "DENY", ActDeny},
		{"title", "Accuse", ActAccuse},
		{"spaced", " warn\t", ActWarn},
		{"hyphenated", "decline-comment", ActDeclineComment},
		{"hyphenated-upper", "Decline-Comment", ActDeclineComment},
		{"alias-decline", "decline", ActDeclineComment},
		{"alias-decline-upper", "DECLINE", ActDeclineComment},
		{"alias-decline-title", "Decline", ActDeclineComment},
		{"alias-underscore", "decline_comment", ActDeclineComment},
		{"alias-underscore-mixed", "Decline_Comment", ActDeclineComment},
		{"alias-spaced", " decline ", ActDeclineComment},
		{"alias-acknowledge", "acknowledge", ActAdmit},
		{"alias-acknowledged", "Acknowledged", ActAdmit},
		{"alias-acknowledge-spaced", "\tACKNOWLEDGE ", ActAdmit},
		{"alias-appeal", "appeal", ActUrge},
		{"alias-appeal-upper", "APPEAL", ActUrge},
		{"alias-allege", "allege", ActAccuse},
		{"alias-allege-title", "Allege", ActAccuse},
		// ActUnknown marshals as "unknown", so it must read back.
		{"unknown", "unknown", ActUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseAct(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}

	for _, tc := range allActs {
		t.Run("all/"+tc.name, func(t *testing.T) {
			for _, in := range []string{tc.name, strings.ToUpper(tc.name)} {
				got, err := ParseAct(in)
				require.NoError(t, err)
				assert.Equal(t, tc.act, got, "ParseAct(%q)", in)
			}
		})
	}
}

func TestParseActError(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"noun", "denial"},
		{"past-tense", "denied"},
		{"alleged", "alleged"},
		{"appealed", "appealed"},
		{"acknowledgement", "acknowledgement"},
		{"space-separated", "decline comment"},
		{"code", "016"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseAct(tc.in)
			assert.ErrorIs(t, err, ErrUnknownName)
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "act", fe.Field)
				assert.Equal(t, tc.in, fe.Value)
			}
			assert.Equal(t, ActUnknown, got)

			a := ActDeny
			assert.ErrorIs(t, a.UnmarshalText([]byte(tc.in)), ErrUnknownName)
			assert.Equal(t, ActDeny, a, "UnmarshalText changed its receiver on error")
		})
	}
}

func TestActIsValid(t *testing.T) {
	tests := []struct {
		name string
		a    Act
		want bool
	}{
		{"unknown", ActUnknown, false},
		{"assert", ActAssert, true},
		{"decline-comment", ActDeclineComment, true},
		{"report", ActReport, true},
		{"out-of-range", Act(16), false},
		{"max", Act(255), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.a.IsValid())
		})
	}
}

func TestActText(t *testing.T) {
	for _, tc := range allActs {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.act.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.name, string(b))

			var got Act
			require.NoError(t, got.UnmarshalText(b))
			assert.Equal(t, tc.act, got)
		})
	}

	t.Run("out-of-range", func(t *testing.T) {
		_, err := Act(16).MarshalText()
		assert.ErrorIs(t, err, ErrInvalid)
		var fe *FieldError
		if assert.ErrorAs(t, err, &fe) {
			assert.Equal(t, "Act(16)", fe.Value)
		}
	})
}

func TestActJSON(t *testing.T) {
	type record struct {
		Act Act `json:"act"`
	}
	tests := []struct {
		name string
		in   record
		want string
	}{
		{"deny", record{ActDeny}, `{"act":"deny"}`},
		{"decline-comment", record{ActDeclineComment}, `{"act":"decline-comment"}`},
		{"unknown", record{}, `{"act":"unknown"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.in)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(b))

			var got record
			require.NoError(t, json.Unmarshal(b, &got))
			assert.Equal(t, tc.in, got)
		})
	}

	t.Run("number", func(t *testing.T) {
		var got record
		assert.Error(t, json.Unmarshal([]byte(`{"act":3}`), &got))
	})
	aliases := []struct {
		name string
		in   string
		want Act
		out  string
	}{
		{"decline", `{"act":"Decline"}`, ActDeclineComment, `{"act":"decline-comment"}`},
		{"acknowledge", `{"act":"acknowledge"}`, ActAdmit, `{"act":"admit"}`},
		{"acknowledged", `{"act":"acknowledged"}`, ActAdmit, `{"act":"admit"}`},
		{"appeal", `{"act":"appeal"}`, ActUrge, `{"act":"urge"}`},
		{"allege", `{"act":"allege"}`, ActAccuse, `{"act":"accuse"}`},
	}
	for _, tc := range aliases {
		// An alternative name reads, and marshals back under the canonical one.
		t.Run("alias/"+tc.name, func(t *testing.T) {
			var got record
			require.NoError(t, json.Unmarshal([]byte(tc.in), &got))
			assert.Equal(t, tc.want, got.Act)
			b, err := json.Marshal(got)
			require.NoError(t, err)
			assert.JSONEq(t, tc.out, string(b))
		})
	}
}

func TestActFits(t *testing.T) {
	tests := []struct {
		name string
		a    Act
		f    Factuality
		want bool
	}{
		{"deny-negates", ActDeny, CTMinus(), true},
		{"deny-probably-negates", ActDeny, PRMinus(), true},
		{"deny-affirms", ActDeny, CTPlus(), false},
		{"deny-uncommitted", ActDeny, Uu(), false},
		{"reject-negates", ActReject, PSMinus(), true},
		{"reject-affirms", ActReject, PRPlus(), false},
		{"accuse-affirms", ActAccuse, CTPlus(), true},
		{"accuse-possibly-affirms", ActAccuse, PSPlus(), true},
		{"accuse-negates", ActAccuse, CTMinus(), false},
		{"accuse-uncommitted", ActAccuse, CTu(), false},
		{"admit-affirms", ActAdmit, CTPlus(), true},
		{"admit-negates", ActAdmit, PRMinus(), false},
		{"confirm-affirms", ActConfirm, PRPlus(), true},
		{"confirm-uncommitted", ActConfirm, Uu(), false},
		{"decline-uncommitted", ActDeclineComment, Uu(), true},
		{"decline-certain-uncommitted", ActDeclineComment, CTu(), true},
		{"decline-affirms", ActDeclineComment, CTPlus(), false},
		{"decline-negates", ActDeclineComment, CTMinus(), false},
		{"retract-uncommitted", ActRetract, Uu(), true},
		{"retract-certain-uncommitted", ActRetract, CTu(), true},
		{"retract-affirms", ActRetract, CTPlus(), false},
		{"retract-probably-affirms", ActRetract, PRPlus(), false},
		{"retract-negates", ActRetract, CTMinus(), false},
		{"retract-possibly-negates", ActRetract, PSMinus(), false},
		{"warn-anything", ActWarn, PSPlus(), true},
		{"report-uncommitted", ActReport, Uu(), true},
		{"report-negates", ActReport, CTMinus(), true},
		{"question-negates", ActQuestion, PSMinus(), true},
		{"unknown-anything", ActUnknown, CTPlus(), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.a.fits(tc.f), "%v.fits(%v)", tc.a, tc.f)
		})
	}
}
