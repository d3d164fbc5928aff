package claim

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

// munitionsClaim returns a claim with every field set.
func munitionsClaim() Claim {
	return Claim{
		ID:   "kp-supplies-ru",
		Text: "North Korea supplies artillery ammunition to Russia",
		Actors: []Actor{
			{Source: "north-korea", Role: RoleAccused},
			{Source: "russia", Role: RoleBeneficiary},
			{Source: "ukraine", Role: RoleTarget},
			{Source: "wagner"},
		},
		Event:     Month(2022, time.November),
		Relations: []Relation{{Kind: RelationRefines, To: "kp-arms-ru"}},
	}
}

func TestClaimAccused(t *testing.T) {
	tests := []struct {
		name   string
		actors []Actor
		want   []source.ID
	}{
		{"none", nil, nil},
		{"no-accused", []Actor{{Source: "russia", Role: RoleBeneficiary}, {Source: "wagner"}}, nil},
		{"one", munitionsClaim().Actors, []source.ID{"north-korea"}},
		{"in-order", []Actor{
			{Source: "russia", Role: RoleAccused},
			{Source: "ukraine", Role: RoleTarget},
			{Source: "north-korea", Role: RoleAccused},
		}, []source.ID{"russia", "north-korea"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Claim{ID: "c", Text: "t", Actors: tc.actors}.Accused()
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Accused() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClaimClone(t *testing.T) {
	// Each case builds its claim afresh, so that the copy orig is checked
	// against does not depend on Clone.
	tests := []struct {
		name  string
		claim func() Claim
	}{
		{"zero", func() Claim { return Claim{} }},
		{"full", munitionsClaim},
		{"empty-slices", func() Claim { return Claim{ID: "c", Text: "t", Actors: []Actor{}, Relations: []Relation{}} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			orig, want := tc.claim(), tc.claim()
			got := orig.Clone()
			if diff := cmp.Diff(orig, got, dateComparer); diff != "" {
				t.Fatalf("Clone() mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, orig.Actors == nil, got.Actors == nil, "Clone changed whether Actors is nil")
			assert.Equal(t, orig.Relations == nil, got.Relations == nil, "Clone changed whether Relations is nil")

			// Writing through the clone must not reach the original.
			for i := range got.Actors {
				got.Actors[i] = Actor{Source: "changed", Role: RoleTarget}
			}
			for i := range got.Relations {
				got.Relations[i] = Relation{Kind: RelationContradicts, To: "changed"}
			}
			if diff := cmp.Diff(want, orig, dateComparer); diff != "" {
				t.Errorf("original changed through its clone (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClaimJSON(t *testing.T) {
	tests := []struct {
		name string
		c    Claim
		want string
	}{
		{"zero", Claim{}, `{"id":"","text":""}`},
		{"minimal", Claim{ID: "c1", Text: "Russia asked for shells"}, `{"id":"c1","text":"Russia asked for shells"}`},
		{"full", munitionsClaim(), `{
			"id": "kp-supplies-ru",
			"text": "North Korea supplies artillery ammunition to Russia",
			"actors": [
				{"source": "north-korea", "role": "accused"},
				{"source": "russia", "role": "beneficiary"},
				{"source": "ukraine", "role": "target"},
				{"source": "wagner"}
			],
			"event": "2022-11",
			"relations": [{"kind": "refines", "to": "kp-arms-ru"}]
		}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.c)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(b))

			var got Claim
			require.NoError(t, json.Unmarshal(b, &got))
			if diff := cmp.Diff(tc.c, got, dateComparer); diff != "" {
				t.Errorf("json round trip of %s mismatch (-want +got):\n%s", b, diff)
			}
		})
	}

	t.Run("out-of-range-relation", func(t *testing.T) {
		c := munitionsClaim()
		c.Relations[0].Kind = RelationKind(200)
		_, err := json.Marshal(c)
		assert.ErrorIs(t, err, ErrInvalid)
	})
}

func TestParseRole(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Role
	}{
		{"empty", "", RoleSubject},
		{"subject", "subject", RoleSubject},
		{"accused", "accused", RoleAccused},
		{"beneficiary-upper", "BENEFICIARY", RoleBeneficiary},
		{"target-spaced", " Target ", RoleTarget},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseRole(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)

			r := RoleTarget
			require.NoError(t, r.UnmarshalText([]byte(tc.in)))
			assert.Equal(t, tc.want, r)
		})
	}

	for _, in := range []string{"victim", "accuser", "0"} {
		t.Run("bad/"+in, func(t *testing.T) {
			_, err := ParseRole(in)
			assert.ErrorIs(t, err, ErrUnknownName)
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "role", fe.Field)
				assert.Equal(t, in, fe.Value)
			}

			r := RoleTarget
			assert.ErrorIs(t, r.UnmarshalText([]byte(in)), ErrUnknownName)
			assert.Equal(t, RoleTarget, r, "UnmarshalText changed its receiver on error")
		})
	}
}

func TestRoleText(t *testing.T) {
	tests := []struct {
		name string
		r    Role
	}{
		{"subject", RoleSubject},
		{"accused", RoleAccused},
		{"beneficiary", RoleBeneficiary},
		{"target", RoleTarget},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.name, tc.r.String())
			b, err := tc.r.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.name, string(b))
		})
	}

	t.Run("out-of-range", func(t *testing.T) {
		r := Role(4)
		assert.Equal(t, "Role(4)", r.String())
		_, err := r.MarshalText()
		assert.ErrorIs(t, err, ErrInvalid)
	})
}

func TestParseRelationKind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want RelationKind
	}{
		{"refines", "refines", RelationRefines},
		{"part-of", "part-of", RelationPartOf},
		{"part-of-upper", "PART-OF", RelationPartOf},
		{"supersedes", "Supersedes", RelationSupersedes},
		{"contradicts-spaced", " contradicts ", RelationContradicts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseRelationKind(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)

			var k RelationKind
			require.NoError(t, k.UnmarshalText([]byte(tc.in)))
			assert.Equal(t, tc.want, k)
		})
	}

	for _, in := range []string{"part of", "refined", "none"} {
		t.Run("bad/"+in, func(t *testing.T) {
			got, err := ParseRelationKind(in)
			assert.ErrorIs(t, err, ErrUnknownName)
			var fe *FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, "relation", fe.Field)
				assert.Equal(t, in, fe.Value)
			}
			assert.Equal(t, RelationUnknown, got)

			k := RelationPartOf
			assert.ErrorIs(t, k.UnmarshalText([]byte(in)), ErrUnknownName)
			assert.Equal(t, RelationPartOf, k, "UnmarshalText changed its receiver on error")
		})
	}
}

func TestRelationKindText(t *testing.T) {
	tests := []struct {
		name string
		k    RelationKind
	}{
		{"refines", RelationRefines},
		{"part-of", RelationPartOf},
		{"supersedes", RelationSupersedes},
		{"contradicts", RelationContradicts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.name, tc.k.String())
			b, err := tc.k.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tc.name, string(b))

			got, err := ParseRelationKind(string(b))
			require.NoError(t, err)
			assert.Equal(t, tc.k, got)
		})
	}

	invalid := []struct {
		name string
		k    RelationKind
		str  string
	}{
		{"out-of-range", RelationKind(5), "RelationKind(5)"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.str, tc.k.String())
			_, err := tc.k.MarshalText()
			assert.ErrorIs(t, err, ErrInvalid)
		})
	}
}
