package desk_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/desk"
	"github.com/claimtrail/claimtrail/source"
)

// longArticle returns an article of n statements, each a candidate.
func longArticle(id string, n int) source.Article {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Westmark said on Monday that train %d carried shells.\n\n", i+1)
	}
	return source.Article{ID: source.ArticleID(id), Title: "Trains", Text: b.String(),
		Published: time.Date(2025, 3, 20, 9, 0, 0, 0, time.UTC)}
}

var (
	proposalRe = regexp.MustCompile(`<article class="proposal`)
	prevRe     = regexp.MustCompile(`<a href="([^"]*)" rel="prev">`)
	nextRe     = regexp.MustCompile(`<a href="([^"]*)" rel="next">`)
)

// TestQueuePages checks that the queue shows QueuePageSize proposals a page
// however many wait, with links to the neighbouring pages that keep the
// filter.
func TestQueuePages(t *testing.T) {
	const n = 2*desk.QueuePageSize + 7
	f := newFixture(t, 0, longArticle("trains", n))
	require.Len(t, f.story.Pending(), n)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	c := newClient(t, srv.URL)
	link := func(re *regexp.Regexp, body string) string {
		m := re.FindStringSubmatch(body)
		if m == nil {
			return ""
		}
		return strings.ReplaceAll(m[1], "&amp;", "&")
	}
	tests := []struct {
		name       string
		path       string
		shown      int
		first      string
		prev, next string
	}{
		{"first", "/queue", desk.QueuePageSize, "train 1 ", "", "/queue?page=2"},
		{"second", "/queue?page=2", desk.QueuePageSize, "train 51 ", "/queue", "/queue?page=3"},
		{"last", "/queue?page=3", 7, "train 101 ", "/queue?page=2", ""},
		{"past-the-end", "/queue?page=99", 7, "train 101 ", "/queue?page=2", ""},
		{"zero", "/queue?page=0", desk.QueuePageSize, "train 1 ", "", "/queue?page=2"},
		{"not-a-number", "/queue?page=x", desk.QueuePageSize, "train 1 ", "", "/queue?page=2"},
		{"filtered", "/queue?article=trains&page=2", desk.QueuePageSize, "train 51 ", "/queue?article=trains", "/queue?article=trains&page=3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := c.get(tc.path)
			require.Equal(t, http.StatusOK, status)
			assert.Len(t, proposalRe.FindAllString(body, -1), tc.shown)
			assert.Contains(t, body, fmt.Sprintf("%d proposals;", n))
			first := strings.Index(body, `<article class="proposal`)
			require.GreaterOrEqual(t, first, 0)
			assert.Contains(t, body[first:first+3000], tc.first, "the page starts where it should")
			assert.Equal(t, tc.prev, link(prevRe, body), "previous")
			assert.Equal(t, tc.next, link(nextRe, body), "next")
		})
	}
	t.Run("one-page", func(t *testing.T) {
		status, body, _ := c.get("/queue?source=nobody")
		require.Equal(t, http.StatusOK, status)
		assert.NotContains(t, body, `class="pages"`)
		assert.Contains(t, body, "Nothing left to review here.")
	})
}

// TestQueuePageBounded checks that a page of the queue does not grow with
// the proposals waiting: with four times as many, the first page is as
// long, give or take the counts it prints.
func TestQueuePageBounded(t *testing.T) {
	size := func(n int) int {
		f := newFixture(t, 0, longArticle("trains", n))
		srv := httptest.NewServer(f.desk)
		defer srv.Close()
		status, body, _ := newClient(t, srv.URL).get("/queue")
		require.Equal(t, http.StatusOK, status)
		return len(body)
	}
	small, large := size(desk.QueuePageSize+1), size(4*desk.QueuePageSize)
	assert.InDelta(t, small, large, 64, "first page with %d and %d proposals", desk.QueuePageSize+1, 4*desk.QueuePageSize)
}
