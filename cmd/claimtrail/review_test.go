package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/creack/pty"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/story"
)

// ansi matches the escape sequences a terminal program writes.
var ansi = regexp.MustCompile(`\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]`)

// screen collects what a program writes to a pseudo-terminal.
type screen struct {
	mu   sync.Mutex
	cond *sync.Cond
	raw  strings.Builder
	done bool
}

func newScreen(r io.Reader) *screen {
	s := &screen{}
	s.cond = sync.NewCond(&s.mu)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := r.Read(buf)
			s.mu.Lock()
			s.raw.Write(buf[:n])
			if err != nil {
				s.done = true
			}
			s.cond.Broadcast()
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return s
}

// mark returns how much has been written so far.
func (s *screen) mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.raw.Len()
}

// waitFor waits until the text written after mark, escape sequences
// removed, holds want, and returns the raw text written after mark. It fails
// the test when the terminal closes first.
func (s *screen) waitFor(t *testing.T, mark int, want string) string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		raw := s.raw.String()[mark:]
		if strings.Contains(ansi.ReplaceAllString(raw, ""), want) {
			return raw
		}
		if s.done {
			t.Fatalf("the terminal closed before showing %q; it showed:\n%s", want, ansi.ReplaceAllString(raw, ""))
		}
		s.cond.Wait()
	}
}

func TestReview(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "norland", "--sources", storySources)
	c.ok("add", "--manifest", storyManifest, "--dir", storyArticles)
	c.ok("claim", "shipments", "Norland ships artillery shells to Eastria by rail")

	ptmx, tty, err := pty.Open()
	require.NoError(t, err)
	defer ptmx.Close()
	require.NoError(t, pty.Setsize(ptmx, &pty.Winsize{Rows: 30, Cols: 110}))
	scr := newScreen(ptmx)
	codes := make(chan int, 1)
	go func() {
		vars := map[string]string{"CLAIMTRAIL_STORE": c.store, "USER": "tester"}
		e := env{stdin: tty, stdout: tty, stderr: tty, getenv: func(k string) string { return vars[k] },
			tty: func(w io.Writer) bool { _, ok := w.(*os.File); return ok }}
		codes <- run(context.Background(), []string{"review"}, e)
		tty.Close()
	}()
	keys := func(k string) int {
		m := scr.mark()
		_, err := ptmx.Write([]byte(k))
		require.NoError(t, err)
		return m
	}

	first := scr.waitFor(t, 0, "1 of 39")
	assert.Contains(t, ansi.ReplaceAllString(first, ""), "Westmark accuses Norland of shipping shells to Eastria")
	scr.waitFor(t, keys("s"), "2 of 39")
	// The source and the cue are highlighted: escape sequences set their
	// style (the underlined cue letter by letter).
	second := scr.waitFor(t, 0, "accused")
	assert.Regexp(t, `\x1b\[[0-9;]*mWestmark\x1b\[0?m`, second)
	assert.Regexp(t, `\x1b\[[0-9;]*ma\x1b\[0?m\x1b\[[0-9;]*mc`, second)
	scr.waitFor(t, keys("c"), "accept onto which claim?")
	scr.waitFor(t, keys("shipments\r"), "accept herald-03-02#65:ba940aa6 (u undoes it)")
	scr.waitFor(t, keys("a"), "this candidate proposes no claim")
	scr.waitFor(t, keys("r"), "(u undoes it)")
	scr.waitFor(t, keys("u"), "undone: reject")
	// Edit, then accept: a bad act is named and nothing saved; corrected,
	// the candidate, which proposes no claim, goes on to the claim picker.
	scr.waitFor(t, keys("e"), "edit, then accept")
	scr.waitFor(t, keys("\t"), "assert, accuse, deny")
	scr.waitFor(t, keys("shout\r"), `not saved: the act "shout" is no act`)
	scr.waitFor(t, keys("\x7f\x7f\x7f\x7f\x7fwarn\r"), "pick the claim it states")
	scr.waitFor(t, keys("shipments\r"), "accept herald-03-02#247:8aceb38c (u undoes it)")
	end := keys("q")
	scr.waitFor(t, end, "3 decisions saved, 1 taken back with undo, 37 candidates still wait for review.")
	assert.Equal(t, 0, <-codes)

	// The store holds the accepted candidate, and the rejection taken back
	// by an undo.
	var ds []story.Decision
	ds, err = story.ReadDecisions(strings.NewReader(c.ok("export", "--format", "decisions")))
	require.NoError(t, err)
	require.Len(t, ds, 5)
	want := story.Decision{Seq: 5, Kind: story.KindAccept, Key: "herald-03-02#247:8aceb38c", Act: claim.ActWarn, Claim: "shipments", By: "tester"}
	if diff := cmp.Diff(want, ds[4], cmpopts.IgnoreFields(story.Decision{}, "At")); diff != "" {
		t.Errorf("the edited acceptance mismatch (-want +got):\n%s", diff)
	}
	assert.Equal(t, story.KindReject, ds[2].Kind)
	assert.Equal(t, story.KindUndo, ds[3].Kind)
	assert.Equal(t, ds[2].Seq, ds[3].Undoes)
	assert.Equal(t, story.KindCreateClaim, ds[0].Kind)
	assert.Equal(t, story.KindAccept, ds[1].Kind)
	assert.Equal(t, story.Key("herald-03-02#65:ba940aa6"), ds[1].Key)
	assert.Equal(t, "shipments", string(ds[1].Claim))
	assert.Equal(t, "tester", ds[1].By)
}

func TestReviewNeedsTerminal(t *testing.T) {
	c := followStory(t)
	_, errs, code := c.run("", "review")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "review needs a terminal")
}

func TestAddProgressBar(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "norland", "--sources", storySources)
	ptmx, tty, err := pty.Open()
	require.NoError(t, err)
	defer ptmx.Close()
	require.NoError(t, pty.Setsize(ptmx, &pty.Winsize{Rows: 30, Cols: 110}))
	scr := newScreen(ptmx)
	var out strings.Builder
	vars := map[string]string{"CLAIMTRAIL_STORE": c.store}
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: tty, getenv: func(k string) string { return vars[k] },
		tty: func(w io.Writer) bool { return w == io.Writer(tty) }}
	code := run(context.Background(), []string{"add", "--manifest", storyManifest, "--dir", storyArticles}, e)
	tty.Close()
	require.Equal(t, 0, code)
	// The bar goes to the terminal, the summary to standard output only.
	scr.waitFor(t, 0, "adding articles")
	scr.waitFor(t, 0, "(7/8)")
	assert.NotContains(t, out.String(), "adding articles")
	assert.Contains(t, out.String(), "Westmark accuses Norland of shipping shells to Eastria (2025-03-02)")
}

func TestReviewMerge(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "norland", "--sources", storySources)
	c.ok("add", "--manifest", storyManifest, "--dir", storyArticles)
	a := &app{env: env2(io.Discard, io.Discard, strings.NewReader(""), map[string]string{"CLAIMTRAIL_STORE": c.store})}
	s, err := a.openStory(t.Context(), story.Options{})
	require.NoError(t, err)
	defer s.Close()
	r := newReview(s, false, "tester", io.Discard)
	// The candidate whose speaker is a proposed source that may be a known
	// one, and one whose speaker the story knows.
	merge, known := -1, -1
	for i, p := range r.items {
		if sp, ok := r.proposedSpeaker(p); ok && len(sp.Matches) > 0 && merge < 0 {
			merge = i
		}
		if !strings.HasPrefix(string(p.Candidate.Speaker), "new:") && known < 0 {
			known = i
		}
	}
	require.GreaterOrEqual(t, merge, 0, "the story proposes a source with a match")
	require.GreaterOrEqual(t, known, 0)
	sp, _ := r.proposedSpeaker(r.items[merge])

	press := func(k string) { r.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}) }
	r.i = known
	press("m")
	assert.Empty(t, r.done, "a known speaker is not merged")
	assert.Contains(t, r.msg, "no proposed source")

	r.i = merge
	assert.Contains(t, r.View(), "m merges it into")
	press("m")
	assert.Contains(t, r.View(), "into which source?")
	r.Update(tea.KeyMsg{Type: tea.KeyEnter})
	require.Len(t, r.done, 1)
	assert.Equal(t, story.Decision{Kind: story.KindMergeSource, Source: sp.Source.ID, Into: sp.Matches[0].ID, By: "tester"}, r.done[0].d)
	assert.Equal(t, merge, r.i, "the candidate still waits for its own decision")
	press("q")
	assert.Equal(t, 1, r.saved)
	assert.NotContains(t, c.ok("pending"), string(sp.Source.ID)+" ", "the merged source no longer waits")
}

// TestReviewCatchUp checks that the review catches up with the store
// before each candidate: an article added elsewhere joins the list, and a
// candidate decided elsewhere says so and cannot be decided over.
func TestReviewCatchUp(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "norland", "--sources", storySources)
	c.ok("add", "--manifest", storyManifest, "--dir", storyArticles)
	c.ok("claim", "shipments", "Norland ships artillery shells to Eastria by rail")
	a := &app{env: env2(io.Discard, io.Discard, strings.NewReader(""), map[string]string{"CLAIMTRAIL_STORE": c.store})}
	s, err := a.openStory(t.Context(), story.Options{})
	require.NoError(t, err)
	defer s.Close()
	r := newReview(s, false, "tester", io.Discard)
	n := len(r.items)
	press := func(k string) { r.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}) }

	late := filepath.Join(t.TempDir(), "late.txt")
	require.NoError(t, os.WriteFile(late, []byte("Westmark said on Monday that a night train carried shells to Eastria.\n"), 0o644))
	c.ok("add", late, "--published", "2025-03-20T09:00:00Z")
	next := r.items[1].Key
	c.ok("reject", string(next))
	press("s")
	require.Greater(t, len(r.items), n, "the article added elsewhere joins the list")
	id, _ := r.items[len(r.items)-1].Key.Article()
	assert.Equal(t, "late", string(id))
	assert.Contains(t, r.View(), "decided already (reject)")
	// Decided elsewhere after the review caught up: refused.
	r.i = 2
	other := r.items[2].Key
	c.ok("accept", string(other), "--claim", "shipments")
	press("r")
	assert.Contains(t, r.msg, "not saved")
	assert.Empty(t, r.done)
	assert.Equal(t, story.KindAccept, s.Decided(other), "theirs stands")

	// Undo goes back through what this review decided, newest first.
	r.i = 0
	press("c")
	for _, k := range "shipments" {
		press(string(k))
	}
	r.Update(tea.KeyMsg{Type: tea.KeyEnter})
	r.i = 3
	press("r")
	require.Len(t, r.done, 2)
	press("u")
	press("u")
	assert.Empty(t, r.done)
	assert.Equal(t, 2, r.undone)
	assert.Equal(t, story.KindUnknown, s.Decided(r.items[0].Key))
	press("u")
	assert.Contains(t, r.msg, "nothing to undo")
}
