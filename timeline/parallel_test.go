package timeline_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/timeline"
)

// TestBuildInParts checks that building claims side by side, as Build does
// for large corpora, gives exactly what building them one by one gives,
// from a corpus or from its checked form.
func TestBuildInParts(t *testing.T) {
	size := 6000
	if timeline.RaceEnabled {
		// Building is twenty to thirty times slower under the race
		// detector; 3,000 statements still give every part claims of its
		// own.
		size = 3000
	}
	c := synthetic(size)
	one, err := timeline.BuildInParts(c, timeline.Rules{}, 1)
	require.NoError(t, err)
	ch, err := claim.Check(c)
	require.NoError(t, err)
	dates := cmp.Comparer(func(a, b claim.Date) bool { return a == b })
	for _, tc := range []struct {
		name  string
		parts int
	}{{"corpus", 2}, {"corpus", 3}, {"corpus", 7}, {"checked", 1}, {"checked", 3}, {"checked", 7}} {
		parts := tc.parts
		var got *timeline.Timeline
		if tc.name == "checked" {
			got, err = timeline.BuildCheckedInParts(ch, timeline.Rules{}, parts)
		} else {
			got, err = timeline.BuildInParts(c, timeline.Rules{}, parts)
		}
		require.NoError(t, err)
		if diff := cmp.Diff(string(mustJSON(t, one)), string(mustJSON(t, got))); diff != "" {
			t.Fatalf("%s, parts=%d: timeline JSON mismatch (-want +got):\n%s", tc.name, parts, diff)
		}
		for _, cl := range one.Claims() {
			wantTrack, _ := one.Track(cl.ID)
			gotTrack, _ := got.Track(cl.ID)
			if diff := cmp.Diff(wantTrack, gotTrack, dates); diff != "" {
				t.Fatalf("parts=%d: Track(%q) mismatch (-want +got):\n%s", parts, cl.ID, diff)
			}
			wantHist, _ := one.History(cl.ID)
			gotHist, _ := got.History(cl.ID)
			if diff := cmp.Diff(wantHist, gotHist); diff != "" {
				t.Fatalf("parts=%d: History(%q) mismatch (-want +got):\n%s", parts, cl.ID, diff)
			}
		}
		if diff := cmp.Diff(one.AllChanges(), got.AllChanges()); diff != "" {
			t.Errorf("parts=%d: AllChanges() mismatch (-want +got):\n%s", parts, diff)
		}
		if diff := cmp.Diff(one.Denials(), got.Denials()); diff != "" {
			t.Errorf("parts=%d: Denials() mismatch (-want +got):\n%s", parts, diff)
		}
		if diff := cmp.Diff(one.Disputed(), got.Disputed()); diff != "" {
			t.Errorf("parts=%d: Contested() mismatch (-want +got):\n%s", parts, diff)
		}
	}
}

// TestMentionQuotes checks that the timeline gives back every mention's
// cue and span as the corpus has them, whether it keeps them as offsets
// into the article's text or as strings of their own (an article without
// text, a cue that matches the exact text only when case is ignored),
// built in one part or in several, from a corpus or from its checked form.
func TestMentionQuotes(t *testing.T) {
	c := synthetic(3000)
	for i := range c.Articles {
		if i%3 == 1 {
			c.Articles[i].Text = "" // its mentions' quotes are kept as strings
		}
	}
	for i := range c.Statements {
		sp := &c.Statements[i].Mentions[0].Span
		switch i % 5 {
		case 1:
			c.Statements[i].Mentions[0].Cue = "QUOTE" // found regardless of case only
		case 2:
			c.Statements[i].Mentions[0].Cue = "uot"
		case 3:
			if sp.Start >= 10 {
				sp.Prefix = " said"
			}
		case 4:
			sp.Suffix = ""
		}
	}
	require.NoError(t, c.Validate())
	ch, err := claim.Check(c)
	require.NoError(t, err)
	dates := cmp.Comparer(func(a, b claim.Date) bool { return a == b })
	for _, parts := range []int{1, 3} {
		for _, tc := range []struct {
			name  string
			build func() (*timeline.Timeline, error)
		}{
			{"corpus", func() (*timeline.Timeline, error) { return timeline.BuildInParts(c, timeline.Rules{}, parts) }},
			{"checked", func() (*timeline.Timeline, error) { return timeline.BuildCheckedInParts(ch, timeline.Rules{}, parts) }},
		} {
			tl, err := tc.build()
			require.NoError(t, err)
			if diff := cmp.Diff(c.Statements, tl.Corpus().Statements, dates); diff != "" {
				t.Errorf("%s, parts=%d: Corpus().Statements mismatch (-want +got):\n%s", tc.name, parts, diff)
			}
		}
	}
}
