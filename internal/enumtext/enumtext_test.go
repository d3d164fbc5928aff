package enumtext

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

type color uint8

var (
	errUnknown = errors.New("unknown name")
	errInvalid = errors.New("invalid value")
)

func testErr(field, value string, err error) error {
	return fmt.Errorf("test: %s %q: %w", field, value, err)
}

func config(alts map[string]color) Config[color] {
	return Config[color]{
		Type: "color", Field: "color", Names: []string{"unknown", "red", "green"}, UnknownZero: true,
		Alternatives: alts, Err: testErr, ErrUnknownName: errUnknown, ErrInvalid: errInvalid,
	}
}

func TestParse(t *testing.T) {
	e := New(config(map[string]color{"verde": 2}))
	tests := []struct {
		name    string
		in      string
		want    color
		wantErr error
	}{
		{name: "exact", in: "red", want: 1},
		{name: "case", in: "GREEN", want: 2},
		{name: "space", in: "  Red ", want: 1},
		{name: "empty is zero", in: "", want: 0},
		{name: "blank is zero", in: " ", want: 0},
		{name: "placeholder", in: "unknown", want: 0},
		{name: "alternative", in: "Verde", want: 2},
		{name: "unknown", in: "blue", wantErr: errUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := e.Parse(tc.in)
			assert.ErrorIs(t, err, tc.wantErr)
			assert.Equal(t, tc.want, got)
		})
	}
	_, err := e.Parse("blue")
	assert.EqualError(t, err, `test: color "blue": unknown name (valid: red, green)`)
}

func TestMarshal(t *testing.T) {
	e := New(config(nil))
	b, err := e.Marshal(0)
	assert.NoError(t, err)
	assert.Equal(t, "unknown", string(b))
	_, err = e.Marshal(3)
	assert.ErrorIs(t, err, errInvalid)
	assert.Equal(t, "color(3)", e.String(3))
	assert.False(t, e.IsValid(0))
	assert.True(t, e.IsValid(2))
	assert.False(t, e.IsValid(3))
	assert.Equal(t, 3, e.Len())

	v := color(2)
	assert.ErrorIs(t, e.Unmarshal(&v, []byte("blue")), errUnknown)
	assert.Equal(t, color(2), v, "a failed Unmarshal changed its receiver")
	assert.NoError(t, e.Unmarshal(&v, []byte("red")))
	assert.Equal(t, color(1), v)
}

func TestLookup(t *testing.T) {
	e := New(config(map[string]color{"verde": 2}))
	got, ok := e.Lookup(" GREEN ")
	assert.True(t, ok)
	assert.Equal(t, color(2), got)
	_, ok = e.Lookup("verde")
	assert.False(t, ok, "Lookup reads canonical names only")
	_, ok = e.Lookup("")
	assert.False(t, ok, "Lookup does not read the empty string")
}

func TestNewRejectsBadConfig(t *testing.T) {
	tests := []struct {
		name string
		c    Config[color]
	}{
		{name: "no names", c: Config[color]{Type: "color", Err: testErr}},
		{name: "no error", c: Config[color]{Type: "color", Names: []string{"a"}}},
		{name: "upper-case alternative", c: config(map[string]color{"Verde": 2})},
		{name: "alternative is a name", c: config(map[string]color{"red": 2})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Panics(t, func() { New(tc.c) })
		})
	}
}
