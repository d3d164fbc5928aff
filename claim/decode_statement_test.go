package claim_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
)

func TestDecodeStatement(t *testing.T) {
	const good = `{"id":"s1","claim":"c","source":"kcna","act":"deny","factuality":"CT-","said":"2024-03-05",` +
		`"mentions":[{"article":"a","cue":"denied","span":{"start":0,"end":6,"exact":"denied"}}]}`
	var want claim.Statement
	require.NoError(t, json.Unmarshal([]byte(good), &want))
	got, err := claim.DecodeStatement([]byte(good))
	require.NoError(t, err)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DecodeStatement mismatch (-want +got):\n%s", diff)
	}

	tests := []struct {
		name  string
		data  string
		field string
		err   error
	}{
		{name: "unknown", data: `{"id":"s","txt":"x"}`, field: "statement", err: claim.ErrUnknownField},
		{name: "case", data: `{"ID":"s"}`, field: "statement", err: claim.ErrUnknownField},
		{name: "nested", data: `{"mentions":[{"span":{"begin":1}}]}`, field: "mentions[0].span", err: claim.ErrUnknownField},
		{name: "twice", data: `{"id":"s","id":"t"}`, field: "id", err: claim.ErrDuplicateKey},
		{name: "act", data: `{"id":"s","act":"dney"}`, field: "act", err: claim.ErrUnknownName},
		{name: "date", data: `{"id":"s","said":"2023-02-30"}`, field: "said", err: claim.ErrDate},
		{name: "kind", data: `{"id":"s","mentions":[{"span":{"start":"1"}}]}`, field: "mentions[0].span.start", err: claim.ErrInvalid},
		{name: "null", data: `null`, field: "statement", err: claim.ErrInvalid},
		{name: "trailing", data: `{"id":"s"} {}`, field: "statement", err: claim.ErrInvalid},
		{name: "syntax", data: `{"id":`, field: "statement", err: claim.ErrInvalid},
		{name: "utf8", data: "{\"id\":\"caf\xe9\"}", field: "id", err: claim.ErrInvalidUTF8},
		{name: "surrogate", data: `{"id":"\ud800"}`, field: "statement", err: claim.ErrInvalidUTF8},
		{name: "machine", data: `{"id":"s","machine_accepted":"yes"}`, field: "machine_accepted", err: claim.ErrInvalid},
		{name: "machine-twice", data: `{"machine_accepted":true,"machine_accepted":false}`, field: "machine_accepted", err: claim.ErrDuplicateKey},
		{name: "mention-machine", data: `{"id":"s","mentions":[{"machine_accepted":0}]}`, field: "mentions[0].machine_accepted", err: claim.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := claim.DecodeStatement([]byte(tc.data))
			assert.ErrorIs(t, err, tc.err)
			var fe *claim.FieldError
			if assert.ErrorAs(t, err, &fe) {
				assert.Equal(t, tc.field, fe.Field)
				assert.Positive(t, fe.Line, "line of %v", err)
			}
			assert.Zero(t, s)
		})
	}
}

// FuzzDecodeStatement checks DecodeStatement against encoding/json:
// whatever it decodes, json.Unmarshal decodes to the same statement, and
// whatever it refuses is reported as *FieldErrors only.
func FuzzDecodeStatement(f *testing.F) {
	for _, s := range []string{
		`{"id":"s1","claim":"c","source":"kcna","act":"deny","factuality":"CT-","said":"2024-03-05","mentions":[{"article":"a","cue":"denied","span":{"start":0,"end":6,"exact":"denied"}}]}`,
		`{"id":"s\u00e9\n","via":[],"mentions":[]}`, `{"via":null,"said":null}`, `{"id":"s","id":"t"}`,
		`{"act":"DENY","factuality":"certain negates","said":"2023-09"}`, `{"mentions":[{"span":{"start":01}}]}`,
		`null`, `{}`, `[]`, `{"id":"s"} x`, "{\"id\":\"\xff\"}",
		`{"id":"s","act":"accuse","factuality":"CT+","machine_accepted":true}`, `{"machine_accepted":false}`,
		`{"machine_accepted":null}`, `{"machine_accepted":"true"}`, `{"machine_accepted":1}`, `{"machine_accepted":tru}`,
		`{"mentions":[{"article":"a","span":{"start":0,"end":1,"exact":"x"},"machine_accepted":true}]}`,
		`{"mentions":[{"machine_accepted":null},{"machine_accepted":"no"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := claim.DecodeStatement(data)
		if err != nil {
			errs := []error{err}
			if joined, ok := err.(interface{ Unwrap() []error }); ok {
				errs = joined.Unwrap()
			}
			for _, e := range errs {
				var fe *claim.FieldError
				var more *claim.MoreError
				if !errors.As(e, &fe) && !errors.As(e, &more) {
					t.Fatalf("DecodeStatement(%q): %T %v is not a *FieldError", data, e, e)
				}
			}
			return
		}
		var want claim.Statement
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("DecodeStatement decoded %q, json.Unmarshal fails: %v", data, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("DecodeStatement(%q) mismatch (-json +got):\n%s", data, diff)
		}
	})
}

// TestStatementMachineAccepted checks that the machine-accepted mark goes
// through both of DecodeStatement's paths (the fast reader, and the slow
// one a member name with an escape sends it to) and through
// encoding/json, and that a statement without it is written as before.
func TestStatementMachineAccepted(t *testing.T) {
	const (
		head   = `{"id":"s","claim":"c","source":"kcna","act":"deny","factuality":"CT-"`
		tail   = `,"said":"2024-03-05"}`
		plain  = head + tail
		marked = head + `,"machine_accepted":true` + tail
	)
	tests := []struct {
		name string
		data string
		want bool
		out  string // json.Marshal of the statement
	}{
		{name: "true", data: marked, want: true, out: marked},
		{name: "false", data: head + `,"machine_accepted":false` + tail, out: plain},
		{name: "null", data: head + `,"machine_accepted":null` + tail, out: plain},
		{name: "absent", data: plain, out: plain},
		{name: "first", data: `{"machine_accepted":true,` + plain[1:], want: true, out: marked},
		{name: "last", data: plain[:len(plain)-1] + `,"machine_accepted":true}`, want: true, out: marked},
		{name: "slow", data: head + `,"machine_\u0061ccepted":true` + tail, want: true, out: marked},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.DecodeStatement([]byte(tc.data))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.MachineAccepted)
			out, err := json.Marshal(got)
			require.NoError(t, err)
			assert.Equal(t, tc.out, string(out))
			again, err := claim.DecodeStatement(out)
			require.NoError(t, err)
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("DecodeStatement(json.Marshal(s)) mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, tc.want, got.Clone().MachineAccepted, "Clone")
		})
	}
}

// TestMentionMachineAccepted checks that a mention's machine-accepted mark
// goes through both of DecodeStatement's paths and encoding/json, and
// Clone, and that a mention without it is written as before.
func TestMentionMachineAccepted(t *testing.T) {
	const (
		head   = `{"id":"s","claim":"c","source":"kcna","act":"deny","factuality":"CT-","said":"2024-03-05","mentions":[{"article":"a","span":{"start":0,"end":6,"exact":"denied"}}`
		plain  = head + `]}`
		marked = head + `,{"article":"b","span":{"start":0,"end":6,"exact":"denied"},"machine_accepted":true}]}`
	)
	tests := []struct {
		name string
		data string
		want []bool
		out  string
	}{
		{name: "absent", data: plain, want: []bool{false}, out: plain},
		{name: "true", data: marked, want: []bool{false, true}, out: marked},
		{name: "false", data: head + `,{"article":"b","span":{"start":0,"end":6,"exact":"denied"},"machine_accepted":false}]}`, want: []bool{false, false},
			out: head + `,{"article":"b","span":{"start":0,"end":6,"exact":"denied"}}]}`},
		{name: "first", data: head + `,{"machine_accepted":true,"article":"b","span":{"start":0,"end":6,"exact":"denied"}}]}`, want: []bool{false, true}, out: marked},
		{name: "slow", data: head + `,{"article":"b","span":{"start":0,"end":6,"exact":"denied"},"machine_\u0061ccepted":true}]}`, want: []bool{false, true}, out: marked},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := claim.DecodeStatement([]byte(tc.data))
			require.NoError(t, err)
			var marks []bool
			for _, m := range got.Clone().Mentions {
				marks = append(marks, m.MachineAccepted)
			}
			assert.Equal(t, tc.want, marks)
			assert.False(t, got.MachineAccepted, "the statement is not marked")
			out, err := json.Marshal(got)
			require.NoError(t, err)
			assert.Equal(t, tc.out, string(out))
		})
	}
}
