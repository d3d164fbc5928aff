package schemaorg_test

import (
	"os"
	"testing"

	"github.com/claimtrail/claimtrail/format/schemaorg"
)

// FuzzImport reads arbitrary documents: nothing panics, an error comes
// with no reviews, and what is read is consistent: every review is valid
// and names a claim that was read.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"testdata/claimreviews.jsonld", "testdata/claims.jsonld"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		`{"@type":"ClaimReview","url":"https://c.example/x","claimReviewed":"c","author":{"name":"Desk"},"reviewRating":{"alternateName":"False","ratingValue":"1"}}`,
		`[{"@graph":[{"@id":"#a","name":"A"},{"@type":["ClaimReview"],"author":{"@id":"#a"}}]}]`,
		`{"@graph":[{"@type":"ClaimReview","itemReviewed":[{"@id":"urn:claimtrail:claim:x","name":{"@value":"n"}}]}]}`,
		`null`, `[]`, `{"@graph":null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := schemaorg.Import(data, schemaorg.Options{})
		if err != nil {
			if len(got.Reviews) > 0 || len(got.Claims) > 0 {
				t.Fatalf("an error and a result: %v", err)
			}
			return
		}
		claims := map[string]bool{}
		for _, c := range got.Claims {
			if c.ID == "" || c.Text == "" || claims[string(c.ID)] {
				t.Fatalf("claim %+v: empty or repeated", c)
			}
			claims[string(c.ID)] = true
		}
		for _, r := range got.Reviews {
			if err := r.Validate(); err != nil {
				t.Fatalf("review %+v read without error does not validate: %v", r, err)
			}
			if !claims[string(r.Claim)] {
				t.Fatalf("review names claim %q, not read", r.Claim)
			}
		}
	})
}
