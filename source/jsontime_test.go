package source_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

// TestDateAloneJSON reads times given as a date alone, as an outlet's page
// often gives a publication: midnight UTC of that day. Anything else that
// time.Time does not read stays an error, and the receiver is untouched.
func TestDateAloneJSON(t *testing.T) {
	day := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		office  bool // decode into a source.Office, not a source.Article
		in      string
		want    any // *source.Article or *source.Office; nil: an error
		wantErr string
	}{
		{name: "article date", in: `{"id":"a","published":"2024-03-04"}`, want: &source.Article{ID: "a", Published: day}},
		{name: "article time", in: `{"id":"a","published":"2024-03-04T18:00:00+02:00","title":"T"}`,
			want: &source.Article{ID: "a", Title: "T", Published: time.Date(2024, 3, 4, 18, 0, 0, 0, time.FixedZone("", 2*60*60))}},
		{name: "article null", in: `{"id":"a","published":null}`, want: &source.Article{ID: "a"}},
		{name: "article missing day", in: `{"id":"a","published":"2023-02-30"}`, wantErr: "day out of range"},
		{name: "article other layout", in: `{"id":"a","published":"03/04/2024"}`, wantErr: "not an RFC 3339 time or a date"},
		{name: "article number", in: `{"id":"a","published":20240304}`, wantErr: "want a time as a string"},
		{name: "article other field", in: `{"id":7,"published":"2024-03-04"}`, wantErr: "cannot unmarshal number"},
		{name: "office dates", office: true, in: `{"title":"spokesman","of":"k","from":"2008-05-07","to":"2024-03-04"}`,
			want: &source.Office{Title: "spokesman", Of: "k", From: time.Date(2008, 5, 7, 0, 0, 0, 0, time.UTC), To: day}},
		{name: "office open", office: true, in: `{"title":"spokesman","of":"k","from":"2008-05-07T00:00:00Z"}`,
			want: &source.Office{Title: "spokesman", Of: "k", From: time.Date(2008, 5, 7, 0, 0, 0, 0, time.UTC)}},
		{name: "office bad", office: true, in: `{"title":"spokesman","of":"k","to":"2008-13-01"}`, wantErr: "month out of range"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.office {
				before := source.Office{Title: "untouched"}
				got := before
				err := json.Unmarshal([]byte(tc.in), &got)
				check(t, err, tc.wantErr, &before, &got, tc.want)
				return
			}
			before := source.Article{ID: "untouched"}
			got := before
			err := json.Unmarshal([]byte(tc.in), &got)
			check(t, err, tc.wantErr, &before, &got, tc.want)
		})
	}
}

// check compares a decoded value with what a test wants: the value, or an
// error containing wantErr with the receiver as it was before.
func check[T any](t *testing.T, err error, wantErr string, before, got *T, want any) {
	t.Helper()
	if wantErr != "" {
		require.Error(t, err)
		assert.Contains(t, err.Error(), wantErr)
		assert.Equal(t, before, got, "a failed decode leaves its receiver alone")
		return
	}
	require.NoError(t, err)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decoded mismatch (-want +got):\n%s", diff)
	}
}

// TestTimeErrorsPrintSafely gives publication and office times that are
// huge or hold control and bidirectional characters. The error must name
// the field, wrap ErrInvalid, quote a bounded excerpt and print no such
// character raw: time.Time's own error copies the whole value as written.
func TestTimeErrorsPrintSafely(t *testing.T) {
	huge := strings.Repeat("9", 1<<20)
	tests := []struct {
		name  string
		in    string
		into  any
		field string
	}{
		{"published-escape", `{"id":"a","published":"\u001b[2J\rFAKE\u007f\u202e"}`, &source.Article{}, "published"},
		{"published-huge", `{"id":"a","published":"` + huge + `"}`, &source.Article{}, "published"},
		{"published-huge-number", `{"id":"a","published":` + huge + `}`, &source.Article{}, "published"},
		{"office-to-escape", `{"title":"t","of":"k","to":"2008\u007f\u202e"}`, &source.Office{}, "to"},
		{"office-from-huge", `{"title":"t","of":"k","from":"` + huge + `"}`, &source.Office{}, "from"},
		{"registry", `{"sources":[],"articles":[{"id":"a","published":"` + huge + "\u007f" + `"}]}`, &source.Registry{}, "published"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tc.in), tc.into)
			var fe *source.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.ErrorIs(t, err, source.ErrInvalid)
			msg := err.Error()
			assert.Less(t, len(msg), 1024, "length of the message")
			for _, r := range msg {
				if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
					t.Errorf("message holds %U raw: %q", r, msg)
					break
				}
			}
		})
	}
}

// FuzzTimeJSON reads arbitrary JSON values as an article's publication
// time: nothing panics, a time read marshals and reads back as the same
// instant, and an error wraps ErrInvalid with a short message that prints
// no control or bidirectional character raw.
func FuzzTimeJSON(f *testing.F) {
	for _, v := range []string{`"2024-03-04"`, `"2024-03-04T18:00:00+02:00"`, `null`, `"2023-02-30"`, `20240304`, `"\u001b[2J"`, `"9999-12-31T23:59:59-23:59"`} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, value string) {
		var a source.Article
		err := json.Unmarshal([]byte(`{"published":`+value+`}`), &a)
		if err != nil {
			var fe *source.FieldError
			if !errors.As(err, &fe) {
				return // not JSON, or not one value: encoding/json's error
			}
			assert.ErrorIs(t, err, source.ErrInvalid)
			msg := err.Error()
			assert.Less(t, len(msg), 1024, "length of the message")
			for _, r := range msg {
				if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
					t.Fatalf("message holds %U raw: %q", r, msg)
				}
			}
			return
		}
		out, err := json.Marshal(a)
		if err != nil {
			return // a year outside 0-9999 once in UTC has no JSON form
		}
		var back source.Article
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		assert.True(t, a.Published.Equal(back.Published), "%v read back as %v", a.Published, back.Published)
	})
}
