package desk_test

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/png"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

var update = flag.Bool("update", false, "write the screenshots of the queue and a claim page under docs/ again")

// chromium returns the Chromium binary to drive: $CLAIMTRAIL_CHROMIUM when
// set (CI sets it, so a missing browser fails there), else the first of
// chromium, chromium-browser and google-chrome on the PATH. Without one the
// test is skipped.
func chromium(t *testing.T) string {
	if p := os.Getenv("CLAIMTRAIL_CHROMIUM"); p != "" {
		_, err := os.Stat(p)
		require.NoError(t, err, "CLAIMTRAIL_CHROMIUM names no file")
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found: install Debian's chromium package (apt-get install chromium) " +
		"or set CLAIMTRAIL_CHROMIUM to a Chrome binary to run the browser test; .ci/run does")
	return ""
}

// TestChromium drives the desk in a real headless Chromium as a reviewer
// does: load the queue, accept one proposal and reject the next with the
// keyboard alone, check the store afterwards, and take screenshots of the
// queue, the overview and a claim page, each checked for a visible picture
// and the elements it must show.
func TestChromium(t *testing.T) {
	bin := chromium(t)
	// Three articles reviewed as the example's decisions say, two more
	// waiting for review.
	f := newFixture(t, 3)
	f.review(t)
	f.add(t, 3, 5)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	ctx := browser(t, bin)

	focused := `document.activeElement && document.activeElement.dataset.key || ""`

	// The queue, its first pending proposal in focus.
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/queue"), chromedp.WaitVisible(chromedp.CSS("article.proposal"))))
	first, err := chromedp.Run(ctx, chromedp.Poll[string](focused))
	require.NoError(t, err)
	require.NotEmpty(t, first, "a proposal has the focus")
	proposals, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("article.proposal").length`))
	require.NoError(t, err)
	require.Greater(t, proposals, 1)
	queueShot := screenshot(t, ctx, "article.proposal mark.hl-cue")

	// Accept it with "a"; the page that follows says it was saved.
	resp, err := chromedp.RunResponse(ctx, chromedp.KeyEvent("a"))
	require.NoError(t, err)
	assert.EqualValues(t, 200, resp.Status)
	flash, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#flash")))
	require.NoError(t, err)
	assert.Contains(t, flash, "accepted "+first)
	second, err := chromedp.Run(ctx, chromedp.Poll[string](focused))
	require.NoError(t, err)
	require.NotEqual(t, first, second, "the next proposal has the focus")

	// Move down and back up with "j" and "k", then reject with "r".
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("j"), chromedp.KeyEvent("k")))
	back, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.dataset.key`))
	require.NoError(t, err)
	assert.Equal(t, second, back)
	resp, err = chromedp.RunResponse(ctx, chromedp.KeyEvent("r"))
	require.NoError(t, err)
	assert.EqualValues(t, 200, resp.Status)
	flash, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#flash")))
	require.NoError(t, err)
	assert.Contains(t, flash, "rejected "+second)

	// The store holds both decisions.
	s := f.reopen(t)
	assert.Equal(t, story.KindAccept, s.Decided(story.Key(first)))
	assert.Equal(t, story.KindReject, s.Decided(story.Key(second)))

	// The overview and a claim page show their pictures.
	tl, err := s.Timeline(nil)
	require.NoError(t, err)
	require.NotEmpty(t, tl.Claims())
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`svg[role="img"]`))))
	screenshot(t, ctx, `table.claims`, `svg[role="img"] title`, `svg[role="img"] rect`)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/claim/"+url.PathEscape(string(busiest(t, tl)))),
		chromedp.WaitVisible(chromedp.CSS(`#picture svg`))))
	claimShot := screenshot(t, ctx, `#picture svg[role="img"] desc`, `#picture svg path`, `table.track tbody tr`)

	if *update {
		for name, b := range map[string][]byte{"desk-queue.png": queueShot, "desk-claim.png": claimShot} {
			require.NoError(t, os.WriteFile("../docs/"+name, b, 0o644))
		}
	}
}

// browser starts a headless Chromium for the test and returns its context.
func browser(t *testing.T, bin string) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1200, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	return ctx
}

// TestChromiumEdit edits a proposal with the keyboard alone, as a reviewer
// does: e opens the edit fields of the proposal in focus, the speaker is
// typed, the act and the factuality picked by typing their names in
// their lists, the date said typed, a new claim worded, and Enter accepts.
// The store holds the statement as edited.
func TestChromiumEdit(t *testing.T) {
	bin := chromium(t)
	f := newFixture(t, 3)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	ctx := browser(t, bin)

	focused := `document.activeElement && document.activeElement.dataset.key || ""`
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/queue"), chromedp.WaitVisible(chromedp.CSS("article.proposal"))))
	key, err := chromedp.Run(ctx, chromedp.Poll[string](focused))
	require.NoError(t, err)
	require.NotEmpty(t, key)

	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("e")))
	// The focus moves once the key's events are over.
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.name === "speaker"`))
	require.NoError(t, err, "e puts the focus in the speaker field")
	require.NoError(t, chromedp.Do(ctx,
		chromedp.KeyEvent("Eastria"), chromedp.KeyEvent(kb.Tab),
		chromedp.KeyEvent("deny"), chromedp.KeyEvent(kb.Tab),
		chromedp.KeyEvent("PR-"), chromedp.KeyEvent(kb.Tab),
		chromedp.KeyEvent("2025-02"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab),
		chromedp.KeyEvent("Trains run at night")))
	field, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.name || ""`))
	require.NoError(t, err)
	require.Equal(t, "new_claim", field)
	resp, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter))
	require.NoError(t, err)
	if resp.Status != 200 {
		msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#error") || document.body).textContent`))
		require.FailNow(t, "the edited decision was refused", "status %d: %s", resp.Status, msg)
	}
	flash, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#flash")))
	require.NoError(t, err)
	assert.Contains(t, flash, "accepted "+key)

	st, ok := f.reopen(t).StatementOf(story.Key(key))
	require.True(t, ok, "the store holds %s accepted", key)
	assert.Equal(t, source.ID("eastria"), st.Source)
	assert.Equal(t, claim.ActDeny, st.Act)
	assert.Equal(t, "PR-", st.Factuality.String())
	assert.Equal(t, "2025-02", st.Said.String())
	assert.Equal(t, claim.ID("trains-run-at-night"), st.Claim)

	// Esc closes the edit fields, clears what was typed in them, and gives
	// the focus back to the proposal: a plain accept after it accepts the
	// proposal as proposed.
	next, err := chromedp.Run(ctx, chromedp.Poll[string](focused))
	require.NoError(t, err)
	var proposed story.Proposal
	for _, p := range f.story.Pending() {
		if string(p.Key) == next {
			proposed = p
		}
	}
	require.Equal(t, next, string(proposed.Key), "the proposal in focus is pending")
	require.NotEqual(t, claim.ActQuestion, proposed.Candidate.Act)
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("e")))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.name === "speaker"`))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.KeyEvent("Southvale"), chromedp.KeyEvent(kb.Tab),
		chromedp.KeyEvent("question"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab),
		chromedp.KeyEvent("2025-01"), chromedp.KeyEvent(kb.Escape)))
	back, err := chromedp.Run(ctx, chromedp.Evaluate[string](focused))
	require.NoError(t, err)
	assert.Equal(t, next, back)
	open, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("details.edit[open]").length`))
	require.NoError(t, err)
	assert.Zero(t, open)
	typed, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`Array.prototype.map.call(document.activeElement.querySelectorAll("details.edit input, details.edit select"), function (el) { return el.value; }).join("")`))
	require.NoError(t, err)
	assert.Empty(t, typed, "Esc leaves the edit fields empty")

	resp, err = chromedp.RunResponse(ctx, chromedp.KeyEvent("a"))
	require.NoError(t, err)
	require.Equal(t, 200, int(resp.Status))
	st, ok = f.reopen(t).StatementOf(story.Key(next))
	require.True(t, ok, "the store holds %s accepted", next)
	assert.Equal(t, proposed.Candidate.Act, st.Act, "accepted as proposed, not as the cleared edit")
	assert.NotEqual(t, source.ID("southvale"), st.Source)
	assert.NotEqual(t, "2025-01", st.Said.String())
}

// TestChromiumMerge merges sources with the keyboard alone: on the sources
// page, j moves to a proposed source and m merges it into the best match
// the story proposes; Tab reaches another's field, past its article's link, where a name typed and
// Enter merge it into the source of that name; u takes that merge back.
// The store holds all three decisions.
func TestChromiumMerge(t *testing.T) {
	bin := chromium(t)
	f := newFixture(t, 4)
	srv := httptest.NewServer(f.desk)
	defer srv.Close()
	ctx := browser(t, bin)

	focused := `document.activeElement && document.activeElement.dataset.source || ""`
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/sources"), chromedp.WaitVisible(chromedp.CSS("article.source-item"))))
	// to moves the focus down with j to the source id.
	to := func(id string) {
		t.Helper()
		for range 20 {
			got, err := chromedp.Run(ctx, chromedp.Poll[string](focused))
			require.NoError(t, err)
			if got == id {
				return
			}
			require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("j")))
		}
		require.FailNow(t, "j never reached "+id)
	}
	saved := func(resp *network.Response, err error, what string) {
		t.Helper()
		require.NoError(t, err)
		if resp.Status != 200 {
			msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#error") || document.body).textContent`))
			require.FailNow(t, "the merge was refused", "status %d: %s", resp.Status, msg)
		}
		flash, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#flash")))
		require.NoError(t, err)
		assert.Contains(t, flash, "merged "+what)
	}

	to(ministry)
	resp, err := chromedp.RunResponse(ctx, chromedp.KeyEvent("m"))
	saved(resp, err, ministry)

	to(railWorkers)
	// Past the link to the article that proposed it, to the field.
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab)))
	field, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.name || ""`))
	require.NoError(t, err)
	require.Equal(t, "other_into", field)
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("Nordport")))
	resp, err = chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter))
	saved(resp, err, railWorkers)

	// u takes the last merge back.
	resp, err = chromedp.RunResponse(ctx, chromedp.KeyEvent("u"))
	require.NoError(t, err)
	require.EqualValues(t, 200, resp.Status)
	flash, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#flash")))
	require.NoError(t, err)
	assert.Contains(t, flash, "undone decision")

	s := f.reopen(t)
	var got []story.Decision
	for _, d := range s.Decisions() {
		got = append(got, story.Decision{Kind: d.Kind, Source: d.Source, Into: d.Into, Undoes: d.Undoes})
	}
	assert.Equal(t, []story.Decision{
		{Kind: story.KindMergeSource, Source: ministry, Into: "norland-foreign"},
		{Kind: story.KindMergeSource, Source: railWorkers, Into: "norland"},
		{Kind: story.KindUndo, Undoes: 2},
	}, got)
	assert.False(t, s.PendingSource(ministry))
	assert.True(t, s.PendingSource(railWorkers), "waits for a decision again")
}

// busiest returns the claim with the most statements on its track.
func busiest(t *testing.T, tl *timeline.Timeline) claim.ID {
	best, most := claim.ID(""), -1
	for _, c := range tl.Claims() {
		track, err := tl.Track(c.ID)
		require.NoError(t, err)
		if len(track) > most {
			best, most = c.ID, len(track)
		}
	}
	return best
}

// screenshot checks that the page has each selector and takes a screenshot
// of it, checked as a picture: a PNG of the window's size with many colours
// and more than a little that is not white.
func screenshot(t *testing.T, ctx context.Context, selectors ...string) []byte {
	t.Helper()
	for _, sel := range selectors {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
		require.NoError(t, err)
		assert.Positive(t, n, "no %s on the page", sel)
	}
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	colours, ink := count(img)
	assert.Greater(t, colours, 20, "a screenshot of a few colours is blank")
	bounds := img.Bounds()
	assert.Greater(t, float64(ink)/float64(bounds.Dx()*bounds.Dy()), 0.02, "a screenshot almost all white is blank")
	return b
}

// count returns the number of distinct colours in img and of pixels that
// are not white.
func count(img image.Image) (colours, ink int) {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				ink++
			}
		}
	}
	return len(seen), ink
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
