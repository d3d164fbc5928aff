package timeline_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// TestStatusRules checks each rule of the Status documentation and their
// precedence, on the shells claim, whose accused party is North Korea.
func TestStatusRules(t *testing.T) {
	tests := []struct {
		name  string
		stmts []st
		want  timeline.Status
	}{
		// 1. unreported
		{name: "unreported-no-statement", want: timeline.StatusUnreported},

		// 8. reported: statements that neither affirm nor negate.
		{name: "reported-possible", want: timeline.StatusReported, stmts: []st{
			{id: "s1", src: "us", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a1"}},
		}},
		{name: "reported-possible-negative", want: timeline.StatusReported, stmts: []st{
			{id: "s1", src: "korea-fm", act: claim.ActAssert, f: claim.PSMinus(), at: []string{"a1"}},
		}},
		{name: "reported-question", want: timeline.StatusReported, stmts: []st{
			{id: "s1", src: "ukraine", act: claim.ActQuestion, f: claim.Uu(), at: []string{"a1"}},
		}},
		{name: "reported-declined", want: timeline.StatusReported, stmts: []st{
			{id: "s1", src: "korea", act: claim.ActDeclineComment, f: claim.Uu(), at: []string{"a1"}},
		}},
		{name: "reported-warning", want: timeline.StatusReported, stmts: []st{
			{id: "s1", src: "white-house", act: claim.ActWarn, f: claim.CTu(), at: []string{"a1"}},
			{id: "s2", src: "us-intel", act: claim.ActReport, f: claim.Uu(), at: []string{"a2"}},
		}},

		// 5. alleged
		{name: "alleged-certain", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
		}},
		{name: "alleged-probable-unnamed", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
		}},
		{name: "alleged-absent", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: source.AbsentID, act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
		}},
		{name: "alleged-with-possibility", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "korea-fm", act: claim.ActAssert, f: claim.PSMinus(), at: []string{"a2"}},
		}},

		// 7. denied
		{name: "denied", want: timeline.StatusDenied, stmts: []st{
			{id: "s1", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
		}},
		{name: "denied-probable", want: timeline.StatusDenied, stmts: []st{
			{id: "s1", src: "russia", act: claim.ActReject, f: claim.PRMinus(), at: []string{"a1"}},
		}},
		{name: "denied-despite-possibility", want: timeline.StatusDenied, stmts: []st{
			{id: "s1", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
			{id: "s2", src: "us", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a2"}},
		}},

		// 4. contested
		{name: "contested", want: timeline.StatusContested, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
		}},
		{name: "contested-probable", want: timeline.StatusContested, stmts: []st{
			{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
			{id: "s2", src: "russia", act: claim.ActReject, f: claim.PRMinus(), at: []string{"a2"}},
		}},

		// 3. corroborated
		{name: "corroborated", want: timeline.StatusCorroborated, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a2"}},
		}},
		{name: "corroborated-by-agencies", want: timeline.StatusCorroborated, stmts: []st{
			{id: "s1", src: "kirby", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a2"}},
		}},
		{name: "corroborated-beats-contested", want: timeline.StatusCorroborated, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			{id: "s3", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a3"}},
		}},
		{name: "not-corroborated-one-root", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "white-house", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "state-dept", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
			{id: "s3", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a3"}},
		}},
		{name: "not-corroborated-accused", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "korea-fm", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a2"}},
		}},
		{name: "not-corroborated-absent", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: source.AbsentID, act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a2"}},
		}},
		{name: "not-corroborated-possible", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "ukraine", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a2"}},
		}},

		// 2. confirmed
		{name: "confirmed-admission", want: timeline.StatusConfirmed, stmts: []st{
			{id: "s1", src: "korea-fm", act: claim.ActAdmit, f: claim.CTPlus(), at: []string{"a1"}},
		}},
		{name: "confirmed-admission-by-root", want: timeline.StatusConfirmed, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "korea", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a2"}},
		}},
		{name: "confirmed-beats-denial", want: timeline.StatusConfirmed, stmts: []st{
			{id: "s1", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a1"}},
			{id: "s2", src: "korea", act: claim.ActAdmit, f: claim.CTPlus(), at: []string{"a2"}},
		}},
		{name: "confirmed-beats-corroborated", want: timeline.StatusConfirmed, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a2"}},
			{id: "s3", src: "un-panel", act: claim.ActConfirm, f: claim.CTPlus(), at: []string{"a3"}},
		}},
		{name: "confirmed-investigator", want: timeline.StatusConfirmed, stmts: []st{
			{id: "s1", src: "un-panel", act: claim.ActConfirm, f: claim.CTPlus(), at: []string{"a1"}},
		}},
		{name: "not-confirmed-probable-admission", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "korea-fm", act: claim.ActAdmit, f: claim.PRPlus(), at: []string{"a1"}},
		}},
		{name: "not-confirmed-investigator-probable", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "un-panel", act: claim.ActConfirm, f: claim.PRPlus(), at: []string{"a1"}},
		}},
		// An investigator's finding confirms whatever the verb: "the panel
		// found", "concluded", "established" are read as assert.
		{name: "confirmed-investigator-asserts", want: timeline.StatusConfirmed, stmts: []st{
			{id: "s1", src: "un-panel", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a1"}},
		}},
		{name: "not-confirmed-government-confirms", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "ukraine", act: claim.ActConfirm, f: claim.CTPlus(), at: []string{"a1"}},
		}},
		{name: "not-confirmed-beneficiary-admits", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "russia", act: claim.ActAdmit, f: claim.CTPlus(), at: []string{"a1"}},
		}},

		{name: "not-corroborated-unaffiliated-unnamed", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "insiders", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a2"}},
		}},
		{name: "not-corroborated-beneficiary", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "russia", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a2"}},
		}},
		{name: "not-confirmed-unnamed-admission", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "korea-insider", act: claim.ActAdmit, f: claim.CTPlus(), at: []string{"a1"}},
		}},
		{name: "denied-overlapping-dates", want: timeline.StatusDenied, stmts: []st{
			// "2024" overlaps 2024-03-04, so the later report sets the
			// position although its date sorts first on the track.
			{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), said: "2024-03-04", at: []string{"a4"}},
			{id: "s2", src: "us-intel", act: claim.ActAssert, f: claim.PRMinus(), said: "2024", at: []string{"a6"}},
		}},

		// 6. retracted
		{name: "reported-retraction-of-nothing", want: timeline.StatusReported, stmts: []st{
			{id: "s1", src: "us-intel", act: claim.ActRetract, f: claim.Uu(), at: []string{"a1"}},
		}},
		{name: "reported-retraction-of-possibility", want: timeline.StatusReported, stmts: []st{
			{id: "s1", src: "us", act: claim.ActConcern, f: claim.PSPlus(), at: []string{"a1"}},
			{id: "s2", src: "us", act: claim.ActRetract, f: claim.Uu(), at: []string{"a2"}},
		}},
		{name: "retracted", want: timeline.StatusRetracted, stmts: []st{
			{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
			{id: "s2", src: "us-intel", act: claim.ActRetract, f: claim.Uu(), at: []string{"a2"}},
		}},
		{name: "retracted-beats-denied", want: timeline.StatusRetracted, stmts: []st{
			{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a1"}},
			{id: "s2", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a2"}},
			{id: "s3", src: "us-intel", act: claim.ActRetract, f: claim.Uu(), at: []string{"a3"}},
		}},
		{name: "retraction-other-affirms", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), at: []string{"a2"}},
			{id: "s3", src: "us-intel", act: claim.ActRetract, f: claim.Uu(), at: []string{"a3"}},
		}},
		{name: "retraction-undone", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), said: "2024-03-01", at: []string{"a1"}},
			{id: "s2", src: "us-intel", act: claim.ActRetract, f: claim.Uu(), said: "2024-03-02", at: []string{"a2"}},
			{id: "s3", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), said: "2024-03-03", at: []string{"a3"}},
		}},
		{name: "retraction-not-undone-by-older", want: timeline.StatusRetracted, stmts: []st{
			{id: "s1", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), said: "2024-03-01", at: []string{"a1"}},
			{id: "s2", src: "us-intel", act: claim.ActRetract, f: claim.Uu(), said: "2024-03-05", at: []string{"a5"}},
			{id: "s3", src: "us-intel", act: claim.ActAssert, f: claim.PRPlus(), said: "2024-03-03", at: []string{"a7"}},
		}},
		{name: "corroboration-undone-by-retraction", want: timeline.StatusContested, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a2"}},
			{id: "s3", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a3"}},
			{id: "s4", src: "ukraine", act: claim.ActRetract, f: claim.Uu(), at: []string{"a4"}},
		}},
		{name: "confirmation-undone-by-reversal", want: timeline.StatusContested, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "korea-fm", act: claim.ActAdmit, f: claim.CTPlus(), at: []string{"a2"}},
			{id: "s3", src: "korea-fm", act: claim.ActDeny, f: claim.CTMinus(), at: []string{"a3"}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl := build(t, corpus(nil, tc.stmts...))
			got, err := tl.Current("c")
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "Current(%q)", "c")
			// The status once everything is known is the last step of
			// the history, and the status at any later instant.
			at, err := tl.Status("c", pub("a20"))
			require.NoError(t, err)
			assert.Equal(t, tc.want, at, "Status(%q, a20)", "c")
			h, err := tl.History("c")
			require.NoError(t, err)
			if tc.want == timeline.StatusUnreported {
				assert.Empty(t, h)
			} else if assert.NotEmpty(t, h) {
				assert.Equal(t, tc.want, h[len(h)-1].To)
				assert.Equal(t, timeline.StatusUnreported, h[0].From)
			}
			for i := 1; i < len(h); i++ {
				assert.Equal(t, h[i-1].To, h[i].From, "History(%q)[%d].From", "c", i)
				assert.NotEqual(t, h[i].From, h[i].To, "History(%q)[%d] changes nothing", "c", i)
			}
			assert.Equal(t, []claim.ID{"c"}, tl.ByStatus(tc.want, pub("a20")), "ByStatus(%s, a20)", tc.want)
		})
	}
}

func TestByStatus(t *testing.T) {
	tl := load(t, sampleCorpus)
	tests := []struct {
		name   string
		status timeline.Status
		at     string
		want   []claim.ID
	}{
		{"unreported-before", timeline.StatusUnreported, "2024-03-01T00:00:00Z", []claim.ID{"shells", "containers", "talks"}},
		{"contested-early", timeline.StatusContested, "2024-03-04T18:00:00Z", []claim.ID{"shells"}},
		{"unreported-early", timeline.StatusUnreported, "2024-03-04T18:00:00Z", []claim.ID{"containers"}},
		{"alleged-early", timeline.StatusAlleged, "2024-03-04T18:00:00Z", []claim.ID{"talks"}},
		{"contested-march", timeline.StatusContested, "2024-03-31T00:00:00Z", []claim.ID{"shells", "containers"}},
		{"confirmed-end", timeline.StatusConfirmed, "2025-01-01T00:00:00Z", []claim.ID{"shells", "containers"}},
		{"retracted-end", timeline.StatusRetracted, "2025-01-01T00:00:00Z", []claim.ID{"talks"}},
		{"none", timeline.StatusDenied, "2025-01-01T00:00:00Z", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := claim.MustParseDate(tc.at).Start()
			assert.Equal(t, tc.want, tl.ByStatus(tc.status, at), "ByStatus(%s, %s)", tc.status, tc.at)
		})
	}
}

func TestStatusText(t *testing.T) {
	names := []struct {
		s    timeline.Status
		name string
	}{
		{timeline.StatusUnreported, "unreported"},
		{timeline.StatusReported, "reported"},
		{timeline.StatusAlleged, "alleged"},
		{timeline.StatusContested, "contested"},
		{timeline.StatusDenied, "denied"},
		{timeline.StatusCorroborated, "corroborated"},
		{timeline.StatusConfirmed, "confirmed"},
		{timeline.StatusRetracted, "retracted"},
	}
	for _, tc := range names {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.name, tc.s.String())
			data, err := json.Marshal(tc.s)
			require.NoError(t, err)
			assert.Equal(t, `"`+tc.name+`"`, string(data))
			var back timeline.Status
			require.NoError(t, json.Unmarshal(data, &back))
			assert.Equal(t, tc.s, back)
			for _, in := range []string{tc.name, strings.ToUpper(tc.name), " " + strings.ToTitle(tc.name[:1]) + tc.name[1:] + " "} {
				got, err := timeline.ParseStatus(in)
				assert.NoError(t, err, "ParseStatus(%q)", in)
				assert.Equal(t, tc.s, got, "ParseStatus(%q)", in)
			}
		})
	}

	bad := []string{"bogus", "contest", "contested!", "Status(3)", "3"}
	for _, in := range bad {
		t.Run("bad-"+in, func(t *testing.T) {
			_, err := timeline.ParseStatus(in)
			assert.ErrorIs(t, err, timeline.ErrUnknownName)
			var te *timeline.Error
			if assert.ErrorAs(t, err, &te) {
				assert.Equal(t, "status", te.Field)
				assert.Equal(t, in, te.Value)
			}
			// The message quotes the input and lists the valid names.
			assert.Contains(t, err.Error(), strconv.Quote(in))
			assert.Contains(t, err.Error(), "corroborated")
			var s timeline.Status
			assert.ErrorIs(t, json.Unmarshal([]byte(`"`+in+`"`), &s), timeline.ErrUnknownName)
		})
	}

	t.Run("out-of-range", func(t *testing.T) {
		s := timeline.Status(42)
		assert.Equal(t, "Status(42)", s.String())
		_, err := s.MarshalText()
		assert.ErrorIs(t, err, timeline.ErrInvalid)
		_, err = json.Marshal(s)
		assert.ErrorIs(t, err, timeline.ErrInvalid)
		var typeErr *json.UnmarshalTypeError
		assert.ErrorAs(t, json.Unmarshal([]byte(`3`), &s), &typeErr, "numbers are not statuses")
	})
}

func TestChangeKindText(t *testing.T) {
	names := []struct {
		k    timeline.ChangeKind
		name string
	}{
		{timeline.ChangeFirstReport, "first-report"},
		{timeline.ChangeNewSource, "new-source"},
		{timeline.ChangeDenial, "denial"},
		{timeline.ChangeRepeatedDenial, "repeated-denial"},
		{timeline.ChangeCertaintyRaised, "certainty-raised"},
		{timeline.ChangeCertaintyLowered, "certainty-lowered"},
		{timeline.ChangeReversal, "reversal"},
		{timeline.ChangeRetraction, "retraction"},
		{timeline.ChangeCorroboration, "corroboration"},
		{timeline.ChangeStatus, "status"},
	}
	for _, tc := range names {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.name, tc.k.String())
			data, err := json.Marshal(tc.k)
			require.NoError(t, err)
			assert.Equal(t, `"`+tc.name+`"`, string(data))
			var back timeline.ChangeKind
			require.NoError(t, json.Unmarshal(data, &back))
			assert.Equal(t, tc.k, back)
			for _, in := range []string{tc.name, strings.ToUpper(tc.name), "\t" + tc.name + "\n"} {
				got, err := timeline.ParseChangeKind(in)
				assert.NoError(t, err, "ParseChangeKind(%q)", in)
				assert.Equal(t, tc.k, got, "ParseChangeKind(%q)", in)
			}
		})
	}

	bad := []string{"bogus", "first report", "first_report", "1"}
	for _, in := range bad {
		t.Run("bad-"+in, func(t *testing.T) {
			_, err := timeline.ParseChangeKind(in)
			assert.ErrorIs(t, err, timeline.ErrUnknownName)
			var te *timeline.Error
			if assert.ErrorAs(t, err, &te) {
				assert.Equal(t, "change", te.Field)
				assert.Equal(t, in, te.Value)
			}
			var k timeline.ChangeKind
			assert.ErrorIs(t, json.Unmarshal([]byte(`"`+in+`"`), &k), timeline.ErrUnknownName)
		})
	}

	invalid := []timeline.ChangeKind{11, 200}
	for _, k := range invalid {
		t.Run("invalid-"+k.String(), func(t *testing.T) {
			_, err := k.MarshalText()
			assert.ErrorIs(t, err, timeline.ErrInvalid)
			_, err = json.Marshal(timeline.Change{Kind: k})
			assert.ErrorIs(t, err, timeline.ErrInvalid)
		})
	}
	assert.Equal(t, "unknown", timeline.ChangeUnknown.String())
	assert.Equal(t, "ChangeKind(200)", timeline.ChangeKind(200).String())
}

// TestRefinementRetraction checks that retracting a refining claim
// withdraws only what it carried up to the broader claim.
func TestRefinementRetraction(t *testing.T) {
	general := shells
	specific := claim.Claim{
		ID: "spec", Text: "North Korea shipped 1,000 containers of shells in March",
		Actors:    shells.Actors,
		Relations: []claim.Relation{{Kind: claim.RelationRefines, To: "c"}},
	}
	tests := []struct {
		name  string
		stmts []st
		want  timeline.Status
	}{
		{name: "direct-affirmation-stands", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", claim: "spec", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a2"}},
			{id: "s3", claim: "spec", src: "us", act: claim.ActRetract, f: claim.Uu(), at: []string{"a3"}},
		}},
		{name: "carried-affirmation-withdrawn", want: timeline.StatusRetracted, stmts: []st{
			{id: "s1", claim: "spec", src: "us", act: claim.ActAccuse, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", claim: "spec", src: "us", act: claim.ActRetract, f: claim.Uu(), at: []string{"a2"}},
		}},
		{name: "other-refiner-still-carries", want: timeline.StatusAlleged, stmts: []st{
			{id: "s1", claim: "spec", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", claim: "spec2", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a2"}},
			{id: "s3", claim: "spec2", src: "ukraine", act: claim.ActRetract, f: claim.Uu(), at: []string{"a3"}},
		}},
		{name: "own-retraction-remembered", want: timeline.StatusRetracted, stmts: []st{
			{id: "s1", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "ukraine", act: claim.ActRetract, f: claim.Uu(), at: []string{"a2"}},
			{id: "s3", claim: "spec", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a3"}},
			{id: "s4", claim: "spec", src: "ukraine", act: claim.ActRetract, f: claim.Uu(), at: []string{"a4"}},
		}},
		{name: "own-retraction-after-carried", want: timeline.StatusRetracted, stmts: []st{
			{id: "s1", claim: "spec", src: "ukraine", act: claim.ActAssert, f: claim.CTPlus(), at: []string{"a1"}},
			{id: "s2", src: "ukraine", act: claim.ActRetract, f: claim.Uu(), at: []string{"a2"}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			specific2 := specific
			specific2.ID = "spec2"
			tl := build(t, corpus([]claim.Claim{general, specific, specific2}, tc.stmts...))
			got, err := tl.Current("c")
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "Current(%q)", "c")
		})
	}
}
