package render

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// hexColour matches a colour written in a picture.
var hexColour = regexp.MustCompile(`#[0-9a-fA-F]{6}`)

// TestNotColourAlone checks that a picture does not carry meaning by colour
// alone: with every colour taken out, marks of different acts (as the legend
// groups them), factualities or speaker identities still differ, and so do
// the bands of different statuses.
func TestNotColourAlone(t *testing.T) {
	acts := []claim.Act{
		claim.ActAssert, claim.ActAccuse, claim.ActConfirm, claim.ActDeny, claim.ActRetract,
		claim.ActWarn, claim.ActQuestion,
	}
	facts := []claim.Factuality{
		claim.CTPlus(), claim.CTMinus(), claim.PRPlus(), claim.PRMinus(), claim.PSPlus(), claim.PSMinus(), claim.Uu(),
	}
	ids := []source.Identity{source.IdentityNamed, source.IdentityUnnamed, source.IdentityAbsent}
	seen := map[string]string{}
	for _, a := range acts {
		for _, f := range facts {
			for _, id := range ids {
				// What a reader sees of the mark without colour: its
				// outline, whether it is solid, hatched or white, its dashes,
				// and the factuality written under it.
				look := fmt.Sprintf("%s|%s|%s|%s", actShape(a).path(0, 0, 6),
					hexColour.ReplaceAllString(fill("ct", f), "#colour"), dash(id), f.String())
				look = regexp.MustCompile(`hatch-[a-z]+`).ReplaceAllString(look, "hatch")
				meaning := fmt.Sprintf("%s %s %s", shapeNames[actShape(a)], f, id)
				if other, ok := seen[look]; ok {
					t.Errorf("%s and %s look the same without colour: %s", meaning, other, look)
				}
				seen[look] = meaning
			}
		}
	}
	patterns := map[string]timeline.Status{}
	for _, s := range append([]timeline.Status{timeline.StatusUnreported}, statusOrder...) {
		p := styleOf(s).pattern
		if other, ok := patterns[p]; ok {
			t.Errorf("statuses %s and %s share the band pattern %q: a band too narrow for its name tells them apart by colour alone", s, other, p)
		}
		patterns[p] = s
	}
	var defs stringsWriter
	writeDefs(&defs, "ct")
	for p := range patterns {
		if p != "" {
			assert.Contains(t, string(defs), `id="ct-band-`+p+`"`, "pattern %q is drawn", p)
		}
	}
}

// stringsWriter collects what is written to it.
type stringsWriter []byte

func (w *stringsWriter) Write(p []byte) (int, error) {
	*w = append(*w, p...)
	return len(p), nil
}
