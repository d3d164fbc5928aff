package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/timeline"
)

// TestMachineAccepted checks that a statement a program accepted says so
// in every picture of its claim (its mark's title and the picture's
// description in SVG, its event in Mermaid), and that no picture says it
// of a statement a person accepted.
func TestMachineAccepted(t *testing.T) {
	const note = "by machine, not reviewed"
	c, err := claim.Load(seedCorpus)
	require.NoError(t, err)
	const id = "norland-denies"
	i := 0
	for i < len(c.Statements) && c.Statements[i].ID != id {
		i++
	}
	require.Less(t, i, len(c.Statements))
	plain, err := timeline.Build(c, nil)
	require.NoError(t, err)
	c.Statements[i].MachineAccepted = true
	marked, err := timeline.Build(c, nil)
	require.NoError(t, err)
	draws := []struct {
		name string
		draw func(w *bytes.Buffer, tl *timeline.Timeline, id claim.ID) error
	}{
		{name: "svg", draw: func(w *bytes.Buffer, tl *timeline.Timeline, id claim.ID) error {
			return render.ClaimSVG(w, tl, id, nil)
		}},
		{name: "mermaid", draw: func(w *bytes.Buffer, tl *timeline.Timeline, id claim.ID) error { return render.ClaimMermaid(w, tl, id) }},
	}
	for _, d := range draws {
		t.Run(d.name, func(t *testing.T) {
			total := 0
			for _, cl := range c.Claims {
				var a, b bytes.Buffer
				require.NoError(t, d.draw(&a, plain, cl.ID))
				require.NoError(t, d.draw(&b, marked, cl.ID))
				assert.NotContains(t, a.String(), note, cl.ID)
				track, err := marked.Track(cl.ID)
				require.NoError(t, err)
				on := 0
				for _, e := range track {
					if e.Statement.ID == id {
						on++
					}
				}
				total += on
				want := on // a Mermaid event per entry
				if d.name == "svg" {
					want = 2 * on // the mark's title and the description
				}
				assert.Equal(t, want, strings.Count(b.String(), note), "claim %s, %d entries of %s", cl.ID, on, id)
				if d.name == "svg" {
					checkSVG(t, b.Bytes())
				} else {
					checkMermaid(t, b.String())
				}
			}
			assert.Positive(t, total, "the marked statement is on a track")
		})
	}
}
