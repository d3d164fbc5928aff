package desk_test

import (
	"context"
	"fmt"
	"log"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/desk"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// ExampleForStory serves the review desk of a story kept in memory; with
// net/http, http.ListenAndServe("127.0.0.1:8080", d) puts it in a browser.
func ExampleForStory() {
	s, err := story.New("shells", story.Options{Sources: []source.Source{{ID: "norland", Name: "Norland"}}})
	if err != nil {
		log.Fatal(err)
	}
	_, err = s.Add(context.Background(), source.Article{
		ID: "a1", Published: time.Date(2025, 3, 2, 9, 0, 0, 0, time.UTC),
		Text: "Norland denied that it had shipped artillery shells.",
	})
	if err != nil {
		log.Fatal(err)
	}
	d := desk.ForStory(s, nil)

	rec := httptest.NewRecorder()
	d.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1:8080/queue", nil)) // the desk answers loopback names by default
	fmt.Println(rec.Code, strings.Count(rec.Body.String(), `class="proposal state-pending"`), "proposal to review")
	// Output: 200 1 proposal to review
}
