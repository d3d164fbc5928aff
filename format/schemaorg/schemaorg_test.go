package schemaorg_test

import (
	"encoding/json"
	"errors"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/review"
	"github.com/claimtrail/claimtrail/format/schemaorg"
	"github.com/claimtrail/claimtrail/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seed builds the sample corpus's timeline, its articles given URLs as a
// published story's would have.
func seed(t testing.TB) *timeline.Timeline {
	t.Helper()
	c, err := claim.Load("../../testdata/corpus.json")
	require.NoError(t, err)
	for i := range c.Articles {
		c.Articles[i].URL = "https://news.example/" + string(c.Articles[i].ID)
	}
	tl, err := timeline.Build(c, nil)
	require.NoError(t, err)
	return tl
}

// reviews are two verdicts by a fictional fact-checking desk.
func reviews() []review.Review {
	return []review.Review{
		{
			Claim:     "shells",
			Reviewer:  review.Reviewer{Name: "Checkers Desk", URL: "https://checkers.example/"},
			Rating:    review.Rating{Name: "True", Numeric: true, Value: 5, Best: 5, Worst: 1},
			URL:       "https://checkers.example/2024/06/norland-shells",
			Published: time.Date(2024, 6, 12, 0, 0, 0, 0, time.UTC),
		},
		{
			Claim:         "talks",
			ClaimReviewed: "Norland and Eastria talked about more arms",
			Reviewer:      review.Reviewer{Name: "Jo Analyst", Person: true},
			Rating:        review.Rating{Name: "Unproven"},
			URL:           "https://checkers.example/2024/07/talks",
			Published:     time.Date(2024, 7, 2, 9, 30, 0, 0, time.UTC),
		},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

func TestClaims(t *testing.T) {
	tl := seed(t)
	doc, err := schemaorg.Claims(tl, schemaorg.Options{})
	require.NoError(t, err)
	golden(t, "claims.jsonld", doc)
	var v struct {
		Graph []map[string]any `json:"@graph"`
	}
	require.NoError(t, json.Unmarshal(doc, &v))
	require.Len(t, v.Graph, len(tl.Claims()))
	for _, n := range v.Graph {
		checkClaim(t, "claim", n)
	}
}

func TestClaimReviews(t *testing.T) {
	tl := seed(t)
	doc, err := schemaorg.ClaimReviews(reviews(), tl, schemaorg.Options{})
	require.NoError(t, err)
	golden(t, "claimreviews.jsonld", doc)
	var v struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	require.NoError(t, json.Unmarshal(doc, &v))
	assert.Equal(t, "https://schema.org", v.Context)
	require.Len(t, v.Graph, 2)
	for _, n := range v.Graph {
		checkClaimReview(t, n)
	}
}

// checkClaimReview checks the properties Google's guidelines for fact
// check structured data require of a ClaimReview (claimReviewed,
// reviewRating with alternateName, url) and those they recommend (author
// with name, itemReviewed as a Claim; the rating's name, ratingValue,
// bestRating and worstRating when numeric).
func checkClaimReview(t *testing.T, n map[string]any) {
	t.Helper()
	assert.Equal(t, "ClaimReview", n["@type"])
	assert.NotEmpty(t, str(n["claimReviewed"]), "claimReviewed")
	assert.True(t, absolute(str(n["url"])), "url %q", n["url"])
	rating, ok := n["reviewRating"].(map[string]any)
	require.True(t, ok, "reviewRating is an object")
	assert.Equal(t, "Rating", rating["@type"])
	assert.NotEmpty(t, str(rating["alternateName"]), "reviewRating.alternateName")
	assert.NotEmpty(t, str(rating["name"]), "reviewRating.name")
	if _, numeric := rating["ratingValue"]; numeric {
		assert.Contains(t, rating, "bestRating")
		assert.Contains(t, rating, "worstRating")
	}
	author, ok := n["author"].(map[string]any)
	require.True(t, ok, "author is an object")
	assert.Contains(t, []string{"Person", "Organization"}, author["@type"])
	assert.NotEmpty(t, str(author["name"]), "author.name")
	assert.NotEmpty(t, str(n["datePublished"]), "datePublished")
	item, ok := n["itemReviewed"].(map[string]any)
	require.True(t, ok, "itemReviewed is an object")
	checkClaim(t, "itemReviewed", item)
}

// checkClaim checks a Claim node: its text, and the properties Google
// recommends for the claim of a fact check (appearance, author,
// datePublished, firstAppearance).
func checkClaim(t *testing.T, where string, n map[string]any) {
	t.Helper()
	assert.Equal(t, "Claim", n["@type"], where)
	assert.NotEmpty(t, str(n["text"]), where+".text")
	assert.NotEmpty(t, str(n["datePublished"]), where+".datePublished")
	appear, ok := n["appearance"].([]any)
	require.True(t, ok && len(appear) > 0, where+".appearance")
	for _, a := range appear {
		w := a.(map[string]any)
		assert.True(t, absolute(str(w["url"])), where+".appearance.url")
		assert.NotEmpty(t, str(w["datePublished"]))
	}
	firstApp, ok := n["firstAppearance"].(map[string]any)
	require.True(t, ok, where+".firstAppearance")
	assert.Equal(t, appear[0], any(firstApp))
	authors, ok := n["author"].([]any)
	require.True(t, ok && len(authors) > 0, where+".author")
	for _, a := range authors {
		au := a.(map[string]any)
		assert.Contains(t, []string{"Person", "Organization"}, au["@type"])
		assert.NotEmpty(t, str(au["name"]))
	}
}

func str(v any) string { s, _ := v.(string); return s }

func absolute(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs() && u.Host != ""
}

func TestClaimAuthors(t *testing.T) {
	tl := seed(t)
	doc, err := schemaorg.Claims(tl, schemaorg.Options{Base: "https://desk.example/claims/"})
	require.NoError(t, err)
	var v struct {
		Graph []struct {
			ID     string `json:"@id"`
			Author []struct {
				Type string `json:"@type"`
				Name string `json:"name"`
			} `json:"author"`
			First struct {
				ID string `json:"@id"`
			} `json:"firstAppearance"`
		} `json:"@graph"`
	}
	require.NoError(t, json.Unmarshal(doc, &v))
	shells := v.Graph[0]
	assert.Equal(t, "https://desk.example/claims/shells", shells.ID)
	var names []string
	for _, a := range shells.Author {
		names = append(names, a.Name)
	}
	// The accuser and the independent witness; not the denier, nor the
	// panel, whose finding is about the more specific claim.
	assert.Equal(t, []string{"Westmark defence ministry", "Southvale"}, names)
	assert.Equal(t, "urn:claimtrail:article:ledger-2024-03-04", shells.First.ID)
	// "It is believed" names no author.
	for _, a := range v.Graph[1].Author {
		assert.NotEqual(t, "no source given", a.Name)
	}
}

func TestClaimReviewsChecksReviews(t *testing.T) {
	tl := seed(t)
	bad := reviews()
	bad[0].Claim = "drones"
	_, err := schemaorg.ClaimReviews(bad, tl, schemaorg.Options{})
	assert.ErrorIs(t, err, claim.ErrUnknownClaim)
}

// TestRoundTrip writes reviews as ClaimReview and reads them back: the
// same reviews, and the claims with their IDs and texts.
func TestRoundTrip(t *testing.T) {
	tl := seed(t)
	doc, err := schemaorg.ClaimReviews(reviews(), tl, schemaorg.Options{})
	require.NoError(t, err)
	got, err := schemaorg.Import(doc, schemaorg.Options{})
	require.NoError(t, err)
	if diff := cmp.Diff(reviews(), got.Reviews); diff != "" {
		t.Errorf("Import(ClaimReviews(reviews)) mismatch (-want +got):\n%s", diff)
	}
	var want []claim.Claim
	for _, id := range []claim.ID{"shells", "talks"} {
		c, _ := tl.Claim(id)
		want = append(want, claim.Claim{ID: c.ID, Text: c.Text})
	}
	if diff := cmp.Diff(want, got.Claims); diff != "" {
		t.Errorf("claims mismatch (-want +got):\n%s", diff)
	}
}

func TestImport(t *testing.T) {
	const one = `{"@context":"https://schema.org","@type":"ClaimReview","url":"https://checkers.example/a",
		"claimReviewed":"Norland ships shells","author":{"@type":"Organization","name":"Checkers Desk"},
		"reviewRating":{"@type":"Rating","alternateName":"False","ratingValue":"1","bestRating":"5","worstRating":"1"},
		"datePublished":"2024-06-12"}`
	hash := claim.ID("claimreview-")
	tests := []struct {
		name   string
		doc    string
		claims []claim.Claim
		want   []review.Review
	}{
		{"single object", one, []claim.Claim{{Text: "Norland ships shells"}}, []review.Review{{
			Reviewer: review.Reviewer{Name: "Checkers Desk"}, URL: "https://checkers.example/a",
			Rating:    review.Rating{Name: "False", Numeric: true, Value: 1, Best: 5, Worst: 1},
			Published: time.Date(2024, 6, 12, 0, 0, 0, 0, time.UTC),
		}}},
		{"array", `[` + one + `,{"@type":"WebPage","name":"x"}]`, []claim.Claim{{Text: "Norland ships shells"}}, []review.Review{{
			Reviewer: review.Reviewer{Name: "Checkers Desk"}, URL: "https://checkers.example/a",
			Rating:    review.Rating{Name: "False", Numeric: true, Value: 1, Best: 5, Worst: 1},
			Published: time.Date(2024, 6, 12, 0, 0, 0, 0, time.UTC),
		}}},
		{"graph with references", `{"@context":"https://schema.org","@graph":[
			{"@type":"Organization","@id":"#desk","name":"Checkers Desk","url":"https://checkers.example/"},
			{"@type":["schema:ClaimReview"],"url":"https://checkers.example/b","claimReviewed":"Talks on deliveries",
			 "author":{"@id":"#desk"},"reviewRating":{"@type":"Rating","name":"Misleading"},
			 "itemReviewed":{"@type":"Claim","@id":"https://claims.example/talks","text":"Norland and Eastria held talks",
			   "author":{"@type":"Person","name":"An official"}},
			 "datePublished":"2024-07-02T09:30:00+02:00"}]}`,
			[]claim.Claim{{ID: "https://claims.example/talks", Text: "Norland and Eastria held talks"}},
			[]review.Review{{
				Claim: "https://claims.example/talks", ClaimReviewed: "Talks on deliveries",
				Reviewer: review.Reviewer{Name: "Checkers Desk", URL: "https://checkers.example/"}, URL: "https://checkers.example/b",
				Rating: review.Rating{Name: "Misleading"}, Published: time.Date(2024, 7, 2, 7, 30, 0, 0, time.UTC),
			}}},
		{"full IRI type and a person", `{"@type":"http://schema.org/ClaimReview","url":"https://c.example/x","claimReviewed":"c",
			"author":[{"@type":"Person","name":"Jo"},{"@type":"Person","name":"Al"}],"reviewRating":{"alternateName":{"@value":"Pants on fire","@language":"en"}}}`,
			[]claim.Claim{{Text: "c"}},
			[]review.Review{{Reviewer: review.Reviewer{Name: "Jo", Person: true}, URL: "https://c.example/x", Rating: review.Rating{Name: "Pants on fire"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := schemaorg.Import([]byte(tc.doc), schemaorg.Options{})
			require.NoError(t, err)
			require.Len(t, got.Claims, len(tc.claims))
			for i := range tc.claims {
				if tc.claims[i].ID == "" {
					assert.True(t, strings.HasPrefix(string(got.Claims[i].ID), string(hash)), "claim ID %q", got.Claims[i].ID)
					tc.claims[i].ID = got.Claims[i].ID
					tc.want[i].Claim = got.Claims[i].ID
				}
			}
			if diff := cmp.Diff(tc.claims, got.Claims); diff != "" {
				t.Errorf("claims mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, got.Reviews); diff != "" {
				t.Errorf("reviews mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestImportErrors(t *testing.T) {
	const good = `"@type":"ClaimReview","url":"https://c.example/x","claimReviewed":"c","author":{"name":"Desk"},"reviewRating":{"alternateName":"False"}`
	tests := []struct {
		name string
		doc  string
		want []importProblem
	}{
		{"syntax", `{"@type":`, []importProblem{{"$", schemaorg.ErrSyntax}}},
		{"trailing", `{` + good + `} {}`, []importProblem{{"$", schemaorg.ErrSyntax}}},
		{"invalid UTF-8", "{\"@type\":\"ClaimReview\",\"url\":\"caf\xe9\"}", []importProblem{{"$", schemaorg.ErrSyntax}}},
		{"not an object", `"ClaimReview"`, []importProblem{{"$", schemaorg.ErrSyntax}}},
		{"graph not an array", `{"@graph":{}}`, []importProblem{{"$.@graph", schemaorg.ErrSyntax}}},
		{"no review", `{"@type":"WebPage"}`, []importProblem{{"$", schemaorg.ErrNoReview}}},
		{"nothing required", `{"@type":"ClaimReview"}`, []importProblem{
			{"claimReviewed", schemaorg.ErrEmpty}, {"url", schemaorg.ErrEmpty}, {"reviewRating", schemaorg.ErrEmpty}, {"author", schemaorg.ErrEmpty},
		}},
		{"rating without words", `{"@type":"ClaimReview","url":"https://c.example/x","claimReviewed":"c","author":{"name":"Desk"},"reviewRating":{"ratingValue":1}}`,
			[]importProblem{{"reviewRating.alternateName", schemaorg.ErrEmpty}}},
		{"rating not a number", `{` + good[:len(good)-1] + `,"ratingValue":"one"}}`, []importProblem{{"reviewRating.ratingValue", schemaorg.ErrInvalid}}},
		{"rating off the scale", `{` + good[:len(good)-1] + `,"ratingValue":9}}`, []importProblem{{"reviewRating.ratingValue", review.ErrInvalid}}},
		{"bad date", `{` + good + `,"datePublished":"June 12"}`, []importProblem{{"datePublished", schemaorg.ErrInvalid}}},
		{"relative url", `{"@type":"ClaimReview","url":"/x","claimReviewed":"c","author":{"name":"Desk"},"reviewRating":{"alternateName":"False"}}`,
			[]importProblem{{"url", review.ErrInvalid}}},
		{"author not an object", `{"@type":"ClaimReview","url":"https://c.example/x","claimReviewed":"c","author":"Desk","reviewRating":{"alternateName":"False"}}`,
			[]importProblem{{"author", schemaorg.ErrInvalid}}},
		{"text of the wrong kind", `{"@type":"ClaimReview","url":"https://c.example/x","claimReviewed":3,"author":{"name":"Desk"},"reviewRating":{"alternateName":"False"}}`,
			[]importProblem{{"claimReviewed", schemaorg.ErrInvalid}}},
		{"path in a graph", `{"@graph":[{"@type":"WebPage"},{"@type":"ClaimReview","url":"https://c.example/x","claimReviewed":"c","author":{"name":"Desk"},"reviewRating":{}}]}`,
			[]importProblem{{"@graph[1].reviewRating.alternateName", schemaorg.ErrEmpty}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := schemaorg.Import([]byte(tc.doc), schemaorg.Options{})
			assert.Empty(t, got.Reviews)
			if diff := cmp.Diff(tc.want, importProblems(err), sameSentinel); diff != "" {
				t.Errorf("Import mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

type importProblem struct {
	Path string
	Err  error
}

func importProblems(err error) []importProblem {
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else if err != nil {
		errs = []error{err}
	}
	var out []importProblem
	for _, e := range errs {
		var se *schemaorg.Error
		if errors.As(e, &se) {
			out = append(out, importProblem{se.Path, se.Err})
		}
	}
	return out
}

var sameSentinel = cmp.Comparer(func(a, b error) bool { return errors.Is(a, b) || errors.Is(b, a) })

func TestErrorText(t *testing.T) {
	e := &schemaorg.Error{Path: "@graph[1].url", Value: "/x", Err: schemaorg.ErrInvalid}
	assert.Equal(t, `schemaorg: @graph[1].url "/x": invalid value`, e.Error())
}
