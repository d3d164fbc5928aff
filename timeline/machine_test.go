package timeline_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/timeline"
)

// TestMachineAccepted checks that a timeline keeps the machine-accepted
// mark of its statements, however it is built, shows it in its text and
// JSON forms, and derives the same statuses with it as without it.
func TestMachineAccepted(t *testing.T) {
	plain, err := claim.Load(sampleCorpus)
	require.NoError(t, err)
	marked, err := claim.Load(sampleCorpus)
	require.NoError(t, err)
	want := map[claim.StatementID]bool{}
	for i := range marked.Statements {
		if i%3 == 0 {
			marked.Statements[i].MachineAccepted = true
			want[marked.Statements[i].ID] = true
		}
	}
	require.NotEmpty(t, want)
	half := len(marked.Statements) / 2
	tests := []struct {
		name  string
		build func(t *testing.T, c *claim.Corpus) *timeline.Timeline
	}{
		{name: "build", build: func(t *testing.T, c *claim.Corpus) *timeline.Timeline { return build(t, c) }},
		{name: "checked", build: func(t *testing.T, c *claim.Corpus) *timeline.Timeline {
			ch, err := claim.Check(c)
			require.NoError(t, err)
			tl, err := timeline.BuildChecked(ch, nil)
			require.NoError(t, err)
			return tl
		}},
		{name: "extend", build: func(t *testing.T, c *claim.Corpus) *timeline.Timeline {
			first := *c
			first.Statements = c.Statements[:half]
			tl, err := timeline.Build(&first, nil)
			require.NoError(t, err)
			tl, err = tl.Extend(&claim.Corpus{Statements: c.Statements[half:]})
			require.NoError(t, err)
			return tl
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			without, with := tc.build(t, plain), tc.build(t, marked)
			got := map[claim.StatementID]bool{}
			for _, s := range with.Corpus().Statements {
				if s.MachineAccepted {
					got[s.ID] = true
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("machine-accepted statements of Corpus() mismatch (-want +got):\n%s", diff)
			}
			for id := range want {
				e, ok := with.Statement(id)
				require.True(t, ok, id)
				assert.True(t, e.Statement.MachineAccepted, "Statement(%s)", id)
			}
			for _, c := range marked.Claims {
				a, err := without.History(c.ID)
				require.NoError(t, err)
				b, err := with.History(c.ID)
				require.NoError(t, err)
				if diff := cmp.Diff(a, b); diff != "" {
					t.Errorf("History(%s) depends on the mark (-without +with):\n%s", c.ID, diff)
				}
			}

			// The text differs only by the mark, on the track line of each
			// marked statement (once per track it is on).
			var a, b bytes.Buffer
			require.NoError(t, without.WriteText(&a))
			require.NoError(t, with.WriteText(&b))
			const mark = " [by machine, not reviewed]"
			la, lb := strings.Split(a.String(), "\n"), strings.Split(b.String(), "\n")
			require.Len(t, lb, len(la))
			marks := 0
			for i := range la {
				if la[i] == lb[i] {
					continue
				}
				assert.Equal(t, la[i], strings.Replace(lb[i], mark, "", 1), "the line gains the mark alone")
				assert.True(t, slices.ContainsFunc(strings.Fields(la[i]), func(f string) bool { return want[claim.StatementID(f)] }),
					"the line of a marked statement: %q", la[i])
				marks++
			}
			assert.GreaterOrEqual(t, marks, len(want), "a marked line per marked statement")
			assert.Equal(t, marks, strings.Count(b.String(), mark))

			js, err := json.Marshal(with)
			require.NoError(t, err)
			var back timeline.Timeline
			require.NoError(t, json.Unmarshal(js, &back))
			if diff := cmp.Diff(with.Corpus(), back.Corpus()); diff != "" {
				t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
			}
			plainJS, err := json.Marshal(without)
			require.NoError(t, err)
			assert.NotContains(t, string(plainJS), "machine_accepted", "unmarked statements are written as before")
			assert.Contains(t, string(js), `"machine_accepted":true`)
		})
	}
}
