package story

import (
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/source"
)

// TestChainFields fails when source.Source or source.Office gains a field,
// which registryKey.chain must then write: otherwise two registries that
// read an article differently could share a digest, and an undo reuse an
// extraction it must not.
func TestChainFields(t *testing.T) {
	assert.Equal(t, 9, reflect.TypeFor[source.Source]().NumField(), "source.Source's fields: write the new one in registryKey.chain")
	assert.Equal(t, 5, reflect.TypeFor[source.Office]().NumField(), "source.Office's fields: write the new one in registryKey.chain")

	base := source.Source{ID: "a", Name: "A", Aliases: []string{"x"},
		Offices: []source.Office{{Title: "envoy", Of: "b", From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}}}
	keys := map[registryKey]string{keyOf([]source.Source{base}): "base"}
	for name, edit := range map[string]func(*source.Source){
		"id":           func(s *source.Source) { s.ID = "b" },
		"name":         func(s *source.Source) { s.Name = "B" },
		"kind":         func(s *source.Source) { s.Kind = source.KindAgency },
		"identity":     func(s *source.Source) { s.Identity = source.IdentityUnnamed },
		"parent":       func(s *source.Source) { s.Parent = "b" },
		"aliases":      func(s *source.Source) { s.Aliases = []string{"x", "y"} },
		"alias-split":  func(s *source.Source) { s.Aliases = []string{"", "x"} },
		"investigator": func(s *source.Source) { s.Investigator = true },
		"office-title": func(s *source.Source) {
			s.Offices = []source.Office{{Title: "envoys", Of: "b", From: s.Offices[0].From}}
		},
		"office-from": func(s *source.Source) { s.Offices = []source.Office{{Title: "envoy", Of: "b"}} },
		"office-to": func(s *source.Source) {
			s.Offices = []source.Office{{Title: "envoy", Of: "b", From: s.Offices[0].From, To: s.Offices[0].From}}
		},
		"wikidata": func(s *source.Source) { s.Wikidata = "Q1" },
	} {
		src := base
		src.Offices = append([]source.Office(nil), base.Offices...)
		edit(&src)
		k := keyOf([]source.Source{src})
		if other, ok := keys[k]; ok {
			t.Errorf("%s: same digest as %s", name, other)
		}
		keys[k] = name
	}
	// Order matters, and a list is not its concatenation.
	a, b := source.Source{ID: "a", Name: "A"}, source.Source{ID: "b", Name: "B"}
	assert.NotEqual(t, keyOf([]source.Source{a, b}), keyOf([]source.Source{b, a}))
}
