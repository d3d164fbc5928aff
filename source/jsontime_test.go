package source_test

import (
	"encoding/json"
	"testing"
	"time"

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
		{name: "article other layout", in: `{"id":"a","published":"03/04/2024"}`, wantErr: "cannot parse"},
		{name: "article number", in: `{"id":"a","published":20240304}`, wantErr: "Time.UnmarshalJSON"},
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
