package main

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/story"
)

// The keys the review tests press.
var (
	enter    = tea.KeyMsg{Type: tea.KeyEnter}
	esc      = tea.KeyMsg{Type: tea.KeyEsc}
	tab      = tea.KeyMsg{Type: tea.KeyTab}
	down     = tea.KeyMsg{Type: tea.KeyDown}
	backstep = tea.KeyMsg{Type: tea.KeyBackspace}
)

// typed is text typed at once, as a terminal sends a word or a paste.
func typed(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// reviewFixture is a story for the review's key tests: two claims made
// before the articles, so that candidates are matched to them; a plain
// article, whose third candidate's speaker is a proposed source with
// matches; an article reporting an accepted statement again; and an
// article of hostile text.
func reviewFixture(t *testing.T) (*review, *opened) {
	t.Helper()
	r, s, _ := reviewFixtureCLI(t)
	return r, s
}

// reviewFixtureCLI is reviewFixture with the commands that run on its
// store, as another shell runs them.
func reviewFixtureCLI(t *testing.T) (*review, *opened, *cliRun) {
	t.Helper()
	c := newCLI(t)
	c.ok("init", "norland", "--sources", storySources)
	c.ok("claim", "shipments", "Norland ships artillery shells to Eastria by rail")
	c.ok("claim", "hostile", "Norland ships shells \x1b[2J to Eastria \u202e by night \x1b]0;pwned\x07")
	dir := filepath.Join("testdata", "review")
	c.ok("add", filepath.Join(dir, "plain.txt"), "--published", "2025-03-02T10:00:00Z")
	c.ok("add", filepath.Join(dir, "hostile.txt"), "--published", "2025-03-03T10:00:00Z")
	c.ok("accept", "plain#55:ba940aa6", "--claim", "shipments")
	c.ok("add", filepath.Join(dir, "again.txt"), "--published", "2025-03-07T10:00:00Z")
	a := &app{env: env2(io.Discard, io.Discard, strings.NewReader(""), map[string]string{"CLAIMTRAIL_STORE": c.store})}
	s, err := a.openStory(t.Context(), story.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	r := newReview(s, false, "tester", io.Discard)
	r.now = func() time.Time { return testNow }
	return r, s, c
}

// goTo moves the review to the candidate of key k.
func goTo(t *testing.T, r *review, k story.Key) {
	t.Helper()
	for i, p := range r.items {
		if p.Key == k {
			r.i = i
			return
		}
	}
	t.Fatalf("no candidate %s waits for review", k)
}

func TestReviewKeys(t *testing.T) {
	ct := func(s string) *claim.Factuality {
		f, err := claim.ParseFactuality(s)
		require.NoError(t, err)
		return &f
	}
	accept := func(k story.Key) story.Decision {
		return story.Decision{Kind: story.KindAccept, Key: k, By: "tester"}
	}
	edited := func(d story.Decision, edit func(*story.Decision)) story.Decision {
		edit(&d)
		return d
	}
	const (
		westmark = story.Key("plain#9:4bcacb85")   // Westmark accused, onto shipments
		ministry = story.Key("plain#201:dc679746") // "the ministry", a proposed source
		ilves    = story.Key("plain#235:8aceb38c") // Marta Ilves said
		again    = story.Key("again#42:ba940aa6")  // Westmark again: a new mention
	)
	for _, tc := range []struct {
		name string
		at   story.Key
		keys []tea.KeyMsg
		// want are the decisions the keys logged; msg is in the message
		// under the candidate; form is set when a form stays open.
		want []story.Decision
		msg  string
		form mode
	}{
		{name: "edit every field", at: westmark,
			keys: []tea.KeyMsg{typed("e"), typed("Norland's foreign ministry"), tab, typed("deny"), tab, typed("pr-"), tab, typed("2025-03"), enter},
			want: []story.Decision{edited(accept(westmark), func(d *story.Decision) {
				d.Speaker, d.Act, d.Factuality, d.Said, d.Claim = "norland-foreign", claim.ActDeny, ct("PR-"), claim.Month(2025, 3), "shipments"
			})},
			msg: "accept plain#9:4bcacb85"},
		{name: "edit speaker by ID", at: ilves,
			keys: []tea.KeyMsg{typed("e"), typed("westmark-defence"), enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) { d.Speaker, d.Claim = "westmark-defence", "hostile" })}},
		{name: "edit speaker a proposed source", at: ilves,
			keys: []tea.KeyMsg{typed("e"), typed("new:ministry@plain"), enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) { d.Speaker, d.Claim = "new:ministry@plain", "hostile" })}},
		{name: "edit speaker a proposed source by name", at: ilves,
			keys: []tea.KeyMsg{typed("e"), typed("MINISTRY"), enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) { d.Speaker, d.Claim = "new:ministry@plain", "hostile" })}},
		{name: "edit nothing accepts", at: westmark,
			keys: []tea.KeyMsg{typed("e"), enter},
			want: []story.Decision{edited(accept(westmark), func(d *story.Decision) { d.Claim = "shipments" })}},
		{name: "edit unknown speaker", at: westmark,
			keys: []tea.KeyMsg{typed("e"), typed("Nobody at all"), enter},
			msg:  `not saved: the speaker "Nobody at all" is no source of the story`, form: editing},
		{name: "edit unknown act", at: westmark,
			keys: []tea.KeyMsg{typed("e"), tab, typed("shout"), enter},
			msg:  `not saved: the act "shout" is no act`, form: editing},
		{name: "edit act unknown", at: westmark,
			keys: []tea.KeyMsg{typed("e"), tab, typed("unknown"), enter},
			msg:  `not saved: the act "unknown" is no act`, form: editing},
		{name: "edit bad factuality", at: westmark,
			keys: []tea.KeyMsg{typed("e"), tab, tab, typed("PR"), enter},
			msg:  `not saved: the factuality "PR" is no factuality value`, form: editing},
		{name: "edit day that does not exist", at: westmark,
			keys: []tea.KeyMsg{typed("e"), tab, tab, tab, typed("2025-02-30"), enter},
			msg:  `not saved: the date said "2025-02-30" is no date`, form: editing},
		{name: "edit fixed after a bad value", at: westmark,
			keys: []tea.KeyMsg{typed("e"), tab, typed("shouts"), enter, backstep, backstep, backstep, backstep, backstep, backstep, typed("warn"), enter},
			want: []story.Decision{edited(accept(westmark), func(d *story.Decision) { d.Act, d.Claim = claim.ActWarn, "shipments" })}},
		{name: "edit cancelled", at: westmark,
			keys: []tea.KeyMsg{typed("e"), tab, typed("deny"), esc}},
		{name: "edit a new mention picks a claim", at: again,
			keys: []tea.KeyMsg{typed("e"), tab, typed("warn"), enter},
			msg:  "an edited statement is a statement of its own", form: pickingClaim},
		{name: "edit a new mention onto a claim", at: again,
			keys: []tea.KeyMsg{typed("e"), tab, typed("warn"), enter, enter},
			want: []story.Decision{edited(accept(again), func(d *story.Decision) { d.Act, d.Claim = claim.ActWarn, "shipments" })}},
		{name: "control character not typed", at: westmark,
			keys: []tea.KeyMsg{typed("e"), typed("West\u202emark")},
			msg:  `not typed: "West\u202emark" holds a control or bidirectional character`, form: editing},
		{name: "pick the best claim", at: ilves,
			keys: []tea.KeyMsg{typed("c"), enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) { d.Claim = "hostile" })}},
		{name: "pick the second claim", at: ilves,
			keys: []tea.KeyMsg{typed("c"), down, enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) { d.Claim = "shipments" })}},
		{name: "pick a claim by ID", at: ilves,
			keys: []tea.KeyMsg{typed("c"), typed("shipments"), enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) { d.Claim = "shipments" })}},
		{name: "pick a claim by its words", at: ilves,
			keys: []tea.KeyMsg{typed("c"), typed("BY RAIL"), enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) { d.Claim = "shipments" })}},
		{name: "pick a new claim", at: ilves,
			keys: []tea.KeyMsg{typed("c"), typed("  Night trains carry shells to Eastria  "), enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) {
				d.Claim, d.Text = "night-trains-carry-shells-to-eastria", "Night trains carry shells to Eastria"
			})},
			msg: "accept plain#235:8aceb38c"},
		{name: "pick a new claim over a found one", at: ilves,
			keys: []tea.KeyMsg{typed("c"), typed("shells"), down, down, enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) { d.Claim, d.Text = "shells", "shells" })}},
		{name: "edit unknown proposed source", at: ilves,
			keys: []tea.KeyMsg{typed("e"), typed("new:no-such@plain"), enter},
			msg:  `not saved: the speaker "new:no-such@plain" is no source of the story`, form: editing},
		{name: "edit refused by the story", at: westmark,
			keys: []tea.KeyMsg{typed("e"), tab, typed("deny"), enter},
			msg:  "factuality does not fit the act", form: editing},
		{name: "no new claim when the acceptance is refused", at: again,
			keys: []tea.KeyMsg{typed("e"), tab, typed("deny"), enter, typed("Trains carry timber"), enter},
			msg:  "factuality does not fit the act", form: pickingClaim},
		{name: "new claim with an ID taken", at: ilves,
			keys: []tea.KeyMsg{typed("c"), typed("Shipments!"), down, enter},
			want: []story.Decision{edited(accept(ilves), func(d *story.Decision) { d.Claim, d.Text = "shipments-2", "Shipments!" })}},
		{name: "pick claim cancelled", at: ilves,
			keys: []tea.KeyMsg{typed("c"), typed("shipments"), esc}},
		{name: "merge into the best match", at: ministry,
			keys: []tea.KeyMsg{typed("m"), enter},
			want: []story.Decision{{Kind: story.KindMergeSource, Source: "new:ministry@plain", Into: "norland-foreign", By: "tester"}},
			msg:  "(u undoes it)"},
		{name: "merge into the second match", at: ministry,
			keys: []tea.KeyMsg{typed("m"), down, enter},
			want: []story.Decision{{Kind: story.KindMergeSource, Source: "new:ministry@plain", Into: "westmark-defence", By: "tester"}}},
		{name: "merge into a source named", at: ministry,
			keys: []tea.KeyMsg{typed("m"), typed("Nordport"), enter},
			want: []story.Decision{{Kind: story.KindMergeSource, Source: "new:ministry@plain", Into: "norland", By: "tester"}}},
		{name: "merge into no source", at: ministry,
			keys: []tea.KeyMsg{typed("m"), typed("Nowhere Ministry"), enter},
			msg:  `not saved: the source "Nowhere Ministry" is no source of the story`, form: pickingSource},
		{name: "merge into itself", at: ministry,
			keys: []tea.KeyMsg{typed("m"), typed("new:ministry@plain"), enter},
			msg:  `not saved: the source "new:ministry@plain" is the speaker itself`, form: pickingSource},
		{name: "merge a known speaker", at: westmark,
			keys: []tea.KeyMsg{typed("m")},
			msg:  "the speaker is no proposed source"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, s := reviewFixture(t)
			before, claims := len(s.Decisions()), len(s.Corpus().Claims)
			goTo(t, r, tc.at)
			for _, k := range tc.keys {
				r.Update(k)
			}
			got := s.Decisions()[before:]
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(story.Decision{}, "Seq", "At")); diff != "" {
				t.Errorf("decisions logged mismatch (-want +got):\n%s", diff)
			}
			for _, d := range got {
				assert.Equal(t, testNow, d.At, "decisions are dated")
			}
			assert.Contains(t, r.msg, tc.msg)
			assert.Equal(t, tc.form, r.mode, "the form open afterwards")
			assert.Equal(t, len(tc.want), r.saved)
			created := 0
			for _, d := range tc.want {
				if d.Text != "" {
					created++
				}
			}
			assert.Len(t, s.Corpus().Claims, claims+created, "claims afterwards")
			assert.NotContains(t, r.View(), "\x1b[2J")
		})
	}
}

// TestReviewHostile draws every candidate of the hostile article in each
// form: its text, its speaker's name and the claims, with a terminal
// title sequence, a screen clear and bidirectional controls in them,
// reach the screen escaped.
func TestReviewHostile(t *testing.T) {
	r, _ := reviewFixture(t)
	raw := []string{"\x1b]0;", "\x1b[2J", "\u202e", "\u2066", "\x07"}
	for _, tc := range []struct {
		name string
		keys []tea.KeyMsg
		// want is drawn escaped.
		want string
	}{
		{name: "candidate", want: `"\x1b[2Jrail clerk"`},
		{name: "edit", keys: []tea.KeyMsg{typed("e")}, want: `"\x1b[2Jrail clerk"`},
		{name: "edit speaker typed", keys: []tea.KeyMsg{typed("e"), typed("new:2jrail-clerk@hostile")}, want: `= "\x1b[2Jrail clerk"`},
		{name: "claims", keys: []tea.KeyMsg{typed("c")}, want: `"Norland ships shells \x1b[2J to Eastria \u202e by night \x1b]0;pwned\a"`},
		{name: "claims found", keys: []tea.KeyMsg{typed("c"), typed("night")}, want: `\u202e by night`},
		{name: "sources", keys: []tea.KeyMsg{typed("m")}, want: `merge "\x1b[2Jrail clerk" into which source?`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			goTo(t, r, "hostile#138:59a2089f")
			r.close()
			for _, k := range tc.keys {
				r.Update(k)
			}
			view := r.View()
			for _, s := range raw {
				assert.NotContains(t, view, s)
			}
			assert.Contains(t, ansi.ReplaceAllString(view, ""), tc.want)
		})
	}
	// The other candidate's sentence holds the title sequence and the
	// override.
	goTo(t, r, "hostile#64:410d0488")
	r.close()
	view := r.View()
	for _, s := range raw {
		assert.NotContains(t, view, s)
	}
	assert.Contains(t, ansi.ReplaceAllString(view, ""), `\u202eHallen`)
}

// TestReviewUndoNewClaim checks that u takes back an acceptance onto a new
// claim picked in the review, and the claim with it.
func TestReviewUndoNewClaim(t *testing.T) {
	r, s := reviewFixture(t)
	claims := len(s.Corpus().Claims)
	goTo(t, r, "plain#235:8aceb38c")
	for _, k := range []tea.KeyMsg{typed("c"), typed("Night trains carry shells"), enter} {
		r.Update(k)
	}
	require.Len(t, r.done, 1)
	require.Len(t, s.Corpus().Claims, claims+1)
	assert.Equal(t, story.KindAccept, s.Decided("plain#235:8aceb38c"))
	r.Update(typed("u"))
	assert.Contains(t, r.msg, "undone: accept plain#235:8aceb38c")
	assert.Equal(t, story.KindUnknown, s.Decided("plain#235:8aceb38c"))
	assert.Len(t, s.Corpus().Claims, claims, "the new claim is taken back too")
	assert.Equal(t, 1, r.undone)
	assert.Equal(t, "plain#235:8aceb38c", string(r.items[r.i].Key), "back on its candidate")
}

// TestReviewUndoTakenBackElsewhere checks that a decision of the review
// taken back by another program is dropped from what u takes back, with a
// message, and that u then takes back the decision before it.
func TestReviewUndoTakenBackElsewhere(t *testing.T) {
	r, s, c := reviewFixtureCLI(t)
	goTo(t, r, "plain#235:8aceb38c")
	first := r.items[r.i].Key
	r.Update(typed("r"))
	second := r.items[r.i].Key
	r.Update(typed("r"))
	require.Len(t, r.done, 2)
	c.ok("undo", "--seq", strconv.FormatInt(r.done[1].seq, 10))

	r.Update(typed("u"))
	assert.True(t, r.bad)
	assert.Equal(t, "taken back elsewhere already: reject "+string(second)+"; u undoes the decision before it", r.msg)
	require.Len(t, r.done, 1)
	assert.Equal(t, 0, r.undone)

	r.Update(typed("u"))
	assert.False(t, r.bad, r.msg)
	assert.Equal(t, "undone: reject "+string(first), r.msg)
	assert.Empty(t, r.done)
	assert.Equal(t, 1, r.undone)
	assert.Equal(t, story.KindUnknown, s.Decided(first))
	assert.Equal(t, story.KindUnknown, s.Decided(second))

	// Taken back elsewhere with nothing before it.
	r.Update(typed("r"))
	require.Len(t, r.done, 1)
	c.ok("undo", "--seq", strconv.FormatInt(r.done[0].seq, 10))
	r.Update(typed("u"))
	assert.Equal(t, "taken back elsewhere already: reject "+string(first)+"; nothing else of this review to undo", r.msg)
	assert.Empty(t, r.done)
}

// TestReviewErrorWords checks that a decision the story refuses is said
// in the review's words, the field named as the forms name it rather than
// by the story's path, and wrapped to the terminal rather than cut at its
// edge.
func TestReviewErrorWords(t *testing.T) {
	r, _ := reviewFixture(t)
	r.Update(tea.WindowSizeMsg{Width: 50, Height: 40})
	goTo(t, r, "plain#235:8aceb38c")
	require.False(t, r.decide(story.Decision{Kind: story.KindAccept, Key: "plain#235:8aceb38c", Claim: "no-such-claim-of-this-story", By: "tester"}))
	assert.True(t, r.bad)
	assert.True(t, strings.HasPrefix(r.msg, `not saved: the claim "no-such-claim-of-this-story": `), r.msg)
	assert.NotContains(t, r.msg, "decisions[")
	view := ansi.ReplaceAllString(r.View(), "")
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	assert.Contains(t, squeeze(view), squeeze(r.msg), "the whole message, wrapped")
	for _, line := range strings.Split(view, "\n") {
		if strings.Contains(line, "not saved") || strings.Contains(line, "no-such-claim") {
			assert.LessOrEqual(t, len([]rune(line)), 50, "%q", line)
		}
	}
}
