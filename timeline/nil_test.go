package timeline_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/timeline"
)

// TestNilTimelinePanics checks what the Timeline doc promises: every
// method of a nil *Timeline panics, as a nil map's writes do, rather than
// answering as if the timeline were empty. The zero Timeline is the empty
// one.
func TestNilTimelinePanics(t *testing.T) {
	nilTL := reflect.ValueOf((*timeline.Timeline)(nil))
	typ := nilTL.Type()
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		t.Run(m.Name, func(t *testing.T) {
			args := make([]reflect.Value, m.Type.NumIn()-1)
			for k := range args {
				args[k] = reflect.Zero(m.Type.In(k + 1))
			}
			if m.Name == "UnmarshalJSON" {
				// A valid document, so that the method gets as far as
				// writing the timeline.
				doc, err := json.Marshal(&timeline.Timeline{})
				require.NoError(t, err)
				args[0] = reflect.ValueOf(doc)
			}
			assert.Panics(t, func() {
				out := nilTL.Method(i).Call(args)
				// A method returning an iterator panics when it is used.
				for _, v := range out {
					if v.Kind() == reflect.Func && v.Type().NumIn() == 1 && !v.IsNil() {
						yield := reflect.MakeFunc(v.Type().In(0), func([]reflect.Value) []reflect.Value {
							return []reflect.Value{reflect.ValueOf(true)}
						})
						v.Call([]reflect.Value{yield})
					}
				}
			}, "(*Timeline)(nil).%s", m.Name)
		})
	}
}
