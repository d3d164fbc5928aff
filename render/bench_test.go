package render_test

import (
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/render"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// bigTimeline returns the timeline of one claim with n statements by 50
// sources over 1000 days, dated to the day, the month or not at all.
func bigTimeline(tb testing.TB, n int) *timeline.Timeline {
	tb.Helper()
	c := &claim.Corpus{Claims: []claim.Claim{{ID: "c", Text: "A claim many speak of"}}}
	for i := range 50 {
		c.Sources = append(c.Sources, source.Source{ID: source.ID(fmt.Sprintf("s%d", i)), Name: fmt.Sprintf("Source %d", i)})
	}
	start := time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC)
	for i := range n {
		pub := start.AddDate(0, 0, i%1000)
		aid := source.ArticleID(fmt.Sprintf("a%d", i))
		c.Articles = append(c.Articles, source.Article{ID: aid, Published: pub, Title: "Article"})
		st := claim.Statement{ID: claim.StatementID(fmt.Sprintf("st%d", i)), Claim: "c",
			Source: source.ID(fmt.Sprintf("s%d", i%50)), Act: claim.ActAssert, Factuality: claim.CTPlus(),
			Mentions: []claim.Mention{{Article: aid, Span: claim.Span{Start: 0, End: 5, Exact: "quote"}}}}
		if i%2 == 1 {
			st.Act, st.Factuality = claim.ActDeny, claim.CTMinus()
		}
		switch i % 3 {
		case 1:
			st.Said = claim.NewDate(pub, claim.PrecisionDay)
		case 2:
			st.Said = claim.NewDate(pub, claim.PrecisionMonth)
		}
		c.Statements = append(c.Statements, st)
	}
	tl, err := timeline.Build(c, nil)
	require.NoError(tb, err)
	return tl
}

// BenchmarkClaimSVG draws one claim of 1,000 and 10,000 statements; the
// bytes and allocations per statement stay flat as the track grows.
func BenchmarkClaimSVG(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			tl := bigTimeline(b, n)
			w := &countingWriter{}
			b.ReportAllocs()
			for b.Loop() {
				if err := render.ClaimSVG(w, tl, "c", nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w.n)/float64(b.N)/float64(n), "bytes/statement")
		})
	}
}

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)

// TestAllocsLinear checks that drawing a claim allocates in proportion to
// its statements: per statement, a track ten times longer costs no more
// than a fifth more allocations.
func TestAllocsLinear(t *testing.T) {
	perStatement := func(n int) float64 {
		tl := bigTimeline(t, n)
		return testing.AllocsPerRun(2, func() {
			if err := render.ClaimSVG(io.Discard, tl, "c", nil); err != nil {
				t.Fatal(err)
			}
		}) / float64(n)
	}
	small, large := perStatement(200), perStatement(2000)
	if large > small*1.2 {
		t.Errorf("ClaimSVG allocates %.1f times per statement for 2000 statements, %.1f for 200: not linear", large, small)
	}
}
