package adversarial_test

import (
	"bytes"
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/internal/adversarial"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// The cases below feed every shape of package adversarial through the
// public entry points. Each bounds the allocations of the call it makes,
// per unit of input, with margins of several times what it measured;
// wall time is never asserted. With CLAIMTRAIL_ADVERSARIAL=full they run
// at full size and log the time and allocation of each call.

// full reports whether to run at full size.
var full = os.Getenv("CLAIMTRAIL_ADVERSARIAL") == "full"

// maxMessage bounds the message of an error that lists MaxProblems
// problems and counts the rest; maxShort bounds one of a few problems.
const (
	maxMessage = 200 * claim.MaxProblems
	maxShort   = 2000
)

// cost is what one call took.
type cost struct {
	elapsed time.Duration
	mallocs uint64
	bytes   uint64
}

// measure runs f once and returns what it took. The time is only logged.
func measure(f func()) cost {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	return cost{elapsed: elapsed, mallocs: after.Mallocs - before.Mallocs, bytes: after.TotalAlloc - before.TotalAlloc}
}

// bound checks that c allocated at most perUnit bytes per unit of n units
// plus a fixed 1 MB (raceFactor times that under the race detector), and
// logs it at full size or with -v.
func bound(t *testing.T, what string, n int, perUnit float64, c cost) {
	t.Helper()
	if full || testing.Verbose() {
		t.Logf("%-28s n=%-9d %10.1f ms %12d bytes %10d allocs (%.1f bytes per unit)",
			what, n, float64(c.elapsed.Microseconds())/1000, c.bytes, c.mallocs, float64(c.bytes)/float64(max(n, 1)))
	}
	assert.LessOrEqual(t, float64(c.bytes), raceFactor*(perUnit*float64(n)+1<<20), "%s: bytes allocated for n=%d", what, n)
}

// size picks the full or the reduced size.
func size(fullN, reduced int) int {
	if full {
		return fullN
	}
	return reduced
}

// wantError checks that err wraps every sentinel in want and that its
// message is shorter than maxLen.
func wantError(t *testing.T, err error, maxLen int, want ...error) {
	t.Helper()
	require.Error(t, err)
	for _, sentinel := range want {
		assert.ErrorIs(t, err, sentinel)
	}
	assert.Less(t, len(err.Error()), maxLen, "message length")
}

// decodePerByte is the bytes Decode may allocate per input byte in the
// suite: generous, as the documents are small and the bound is per byte
// plus a fixed megabyte.
const decodePerByte = 100

// decode runs claim.Decode on doc and bounds its allocation per input byte.
func decode(t *testing.T, what string, doc []byte) (*claim.Corpus, error) {
	t.Helper()
	var c *claim.Corpus
	var err error
	bound(t, what, len(doc), decodePerByte, measure(func() { c, err = claim.Decode(bytes.NewReader(doc)) }))
	return c, err
}

func TestAdversarialJSON(t *testing.T) {
	t.Run("deep-nesting", func(t *testing.T) {
		doc := adversarial.DeepNesting(size(100_000, 100_000))
		_, err := decode(t, "Decode deep-nesting", doc)
		wantError(t, err, maxShort, claim.ErrUnknownField)
	})
	t.Run("duplicate-keys", func(t *testing.T) {
		doc := adversarial.DuplicateKeys(size(100_000, 5_000))
		_, err := decode(t, "Decode duplicate-keys", doc)
		wantError(t, err, maxMessage, claim.ErrDuplicateKey, claim.ErrUnknownField)
		t.Run("message-quotes-keys", func(t *testing.T) {
			for _, s := range adversarial.TerminalHostile {
				assert.NotContains(t, err.Error(), s, "a control character of a key, unquoted")
			}
		})
	})
	t.Run("duplicate-statement-ids", func(t *testing.T) {
		doc := adversarial.DuplicateStatementIDs(size(1_000_000, 50_000))
		_, err := decode(t, "Decode duplicate-ids", doc)
		wantError(t, err, maxMessage, claim.ErrDuplicateID)
	})
	t.Run("huge-numbers", func(t *testing.T) {
		for _, doc := range adversarial.HugeNumbers() {
			_, err := claim.Decode(bytes.NewReader(doc))
			wantError(t, err, maxShort, claim.ErrInvalid)
		}
	})
	t.Run("nan-infinity", func(t *testing.T) {
		for _, doc := range adversarial.NaNInfinity() {
			_, err := claim.Decode(bytes.NewReader(doc))
			wantError(t, err, maxShort)
		}
	})
	t.Run("long-string", func(t *testing.T) {
		doc := adversarial.LongString(size(50<<20, 2<<20))
		c, err := decode(t, "Decode long-string", doc)
		require.NoError(t, err)
		var tl *timeline.Timeline
		bound(t, "Build long-string", len(doc), 64, measure(func() { tl, err = timeline.Build(c, nil) }))
		require.NoError(t, err)
		var out bytes.Buffer
		bound(t, "WriteText long-string", len(doc), 64, measure(func() { err = tl.WriteText(&out) }))
		require.NoError(t, err)
	})
	t.Run("long-bad-value", func(t *testing.T) {
		doc := adversarial.LongBadValue(size(50<<20, 2<<20))
		_, err := decode(t, "Decode long-bad-value", doc)
		wantError(t, err, maxShort, claim.ErrUnknownName)
	})
	t.Run("invalid-utf8", func(t *testing.T) {
		_, err := claim.Decode(bytes.NewReader(adversarial.InvalidUTF8()))
		wantError(t, err, maxShort, claim.ErrInvalidUTF8)
		assert.True(t, utf8.ValidString(err.Error()), "message is valid UTF-8: %q", err.Error())
	})
	t.Run("hostile-runes", func(t *testing.T) {
		c, err := claim.Decode(bytes.NewReader(adversarial.Document(adversarial.HostileRunes())))
		if err != nil {
			wantError(t, err, maxShort)
			return
		}
		tl, err := timeline.Build(c, nil)
		require.NoError(t, err)
		var out strings.Builder
		require.NoError(t, tl.WriteText(&out))
		for _, r := range []string{"\x00", "\u202e", "\u2066", "\u200f"} {
			assert.NotContains(t, out.String(), r, "WriteText output")
		}
	})
	t.Run("cycles", func(t *testing.T) {
		for _, shape := range adversarial.Cycles(size(100_000, 10_000)) {
			t.Run(shape.Name, func(t *testing.T) {
				doc := adversarial.Document(shape.Corpus)
				_, err := decode(t, "Decode cycle "+shape.Name, doc)
				wantError(t, err, maxMessage, claim.ErrCycle)
				bound(t, "Build cycle "+shape.Name, len(doc), 64, measure(func() { _, err = timeline.Build(shape.Corpus, nil) }))
				wantError(t, err, maxMessage, claim.ErrCycle)
			})
		}
	})
}

func TestAdversarialCorpus(t *testing.T) {
	t.Run("refinement-chain", func(t *testing.T) {
		n := size(1_000_000, 20_000)
		doc := adversarial.Document(adversarial.RefinementChain(n))
		c, err := decode(t, "Decode chain", doc)
		require.NoError(t, err)
		var tl *timeline.Timeline
		bound(t, "Build chain (per claim)", n, 2000, measure(func() { tl, err = timeline.Build(c, nil) }))
		require.NoError(t, err)
		var out bytes.Buffer
		bound(t, "WriteText chain (per claim)", n, 4000, measure(func() { err = tl.WriteText(&out) }))
		require.NoError(t, err)
	})
	t.Run("affirmed-chain", func(t *testing.T) {
		n := size(100_000, 10_000)
		c := adversarial.AffirmedChain(n)
		var tl *timeline.Timeline
		var err error
		bound(t, "Build affirmed-chain (per claim)", n, 3000, measure(func() { tl, err = timeline.Build(c, nil) }))
		require.NoError(t, err)
		for _, id := range []claim.ID{"c0", claim.ID("c" + strconv.Itoa(n-1))} {
			got, err := tl.Current(id)
			require.NoError(t, err)
			assert.Equal(t, timeline.StatusContested, got, "Current(%q)", id)
		}
		// The broadest claim's track lists every accusation and the
		// denial; reading its first entries costs ordering it, 28 bytes
		// per entry, and no more.
		var track []timeline.Entry
		bound(t, "Track affirmed-chain c0 (per entry)", n+1, 2000, measure(func() { track, err = tl.Track("c0") }))
		require.NoError(t, err)
		assert.Len(t, track, n+1, "Track(c0)")
		seq, err := tl.TrackSeq("c0")
		require.NoError(t, err)
		bound(t, "TrackSeq affirmed-chain c0, 10 entries", n+1, 40, measure(func() {
			k := 0
			for range seq {
				if k++; k == 10 {
					break
				}
			}
		}))
	})
	t.Run("affirmed-by-each", func(t *testing.T) {
		n := size(100_000, 10_000)
		c := adversarial.AffirmedByEach(n)
		var tl *timeline.Timeline
		var err error
		bound(t, "Build affirmed-by-each (per claim)", n, 4000, measure(func() { tl, err = timeline.Build(c, nil) }))
		require.NoError(t, err)
		for _, id := range []claim.ID{"c0", claim.ID("c" + strconv.Itoa(n-2))} {
			got, err := tl.Current(id)
			require.NoError(t, err)
			assert.Equal(t, timeline.StatusCorroborated, got, "Current(%q)", id)
		}
		// The broadest claim's changes name every source it hears; they
		// are worked out when read, in proportion to its track.
		var chs []timeline.Change
		bound(t, "Changes affirmed-by-each c0 (per change)", 2*n, 2000, measure(func() { chs, err = tl.Changes("c0") }))
		require.NoError(t, err)
		news := 0
		for _, ch := range chs {
			if ch.Kind == timeline.ChangeNewSource {
				news++
			}
		}
		assert.Equal(t, n, news, "new sources in Changes(c0)")
	})
	t.Run("denied-chain", func(t *testing.T) {
		n := size(100_000, 10_000)
		c := adversarial.DeniedChain(n)
		var tl *timeline.Timeline
		var err error
		bound(t, "Build denied-chain (per claim)", n, 4000, measure(func() { tl, err = timeline.Build(c, nil) }))
		require.NoError(t, err)
		narrowest := claim.ID("c" + strconv.Itoa(n-1))
		for _, id := range []claim.ID{"c0", narrowest} {
			got, err := tl.Current(id)
			require.NoError(t, err)
			assert.Equal(t, timeline.StatusDenied, got, "Current(%q)", id)
		}
		// The narrowest claim repeats every broader claim's denial; its
		// changes are worked out when read, in proportion to its track.
		var chs []timeline.Change
		bound(t, "Changes denied-chain narrowest (per change)", n+1, 2000, measure(func() { chs, err = tl.Changes(narrowest) }))
		require.NoError(t, err)
		repeated := 0
		for _, ch := range chs {
			if ch.Kind == timeline.ChangeRepeatedDenial {
				repeated++
			}
		}
		assert.Equal(t, n-1, repeated, "repeated denials in Changes(%s)", narrowest)
	})
	t.Run("denied-by-each", func(t *testing.T) {
		n := size(100_000, 10_000)
		c := adversarial.DeniedByEach(n)
		var tl *timeline.Timeline
		var err error
		bound(t, "Build denied-by-each (per claim)", n, 4000, measure(func() { tl, err = timeline.Build(c, nil) }))
		require.NoError(t, err)
		narrowest := claim.ID("c" + strconv.Itoa(n-1))
		// The broadest claim's denier is no investigator; the narrowest
		// claim's is, and it hears them all.
		for id, want := range map[claim.ID]timeline.Status{"c0": timeline.StatusDenied, narrowest: timeline.StatusRefuted} {
			got, err := tl.Current(id)
			require.NoError(t, err)
			assert.Equal(t, want, got, "Current(%q)", id)
		}
		// The narrowest claim hears every broader claim's denial, each
		// from a new source; its changes and denials are worked out when
		// read, in proportion to its track.
		var chs []timeline.Change
		bound(t, "Changes denied-by-each narrowest (per change)", 2*n, 2000, measure(func() { chs, err = tl.Changes(narrowest) }))
		require.NoError(t, err)
		news := 0
		for _, ch := range chs {
			if ch.Kind == timeline.ChangeNewSource {
				news++
			}
		}
		assert.Equal(t, n-1, news, "new sources in Changes(%s)", narrowest)
	})
	t.Run("denied-and-affirmed", func(t *testing.T) {
		n := size(100_000, 10_000)
		c := adversarial.DeniedAndAffirmed(n)
		var tl *timeline.Timeline
		var err error
		bound(t, "Build denied-and-affirmed (per claim)", n, 4000, measure(func() { tl, err = timeline.Build(c, nil) }))
		require.NoError(t, err)
		narrowest := claim.ID("c" + strconv.Itoa(n-1))
		// The source's affirmation, said the same day and known last, is
		// its latest word on every claim.
		for _, id := range []claim.ID{"c0", narrowest} {
			got, err := tl.Current(id)
			require.NoError(t, err)
			assert.Equal(t, timeline.StatusAlleged, got, "Current(%q)", id)
		}
		// The narrowest claim repeats every broader claim's denial; its
		// changes are worked out when read, in proportion to its track.
		var chs []timeline.Change
		bound(t, "Changes denied-and-affirmed narrowest (per change)", n+1, 2000, measure(func() { chs, err = tl.Changes(narrowest) }))
		require.NoError(t, err)
		repeated := 0
		for _, ch := range chs {
			if ch.Kind == timeline.ChangeRepeatedDenial {
				repeated++
			}
		}
		assert.Equal(t, n-1, repeated, "repeated denials in Changes(%s)", narrowest)
	})
	for _, tc := range []struct {
		name   string
		corpus func(int) *claim.Corpus
	}{
		{"dated-denied-and-affirmed", adversarial.DatedDeniedAndAffirmed},
		{"mixed-denied-and-affirmed", adversarial.MixedDeniedAndAffirmed},
		{"dated-denied-and-confirmed", adversarial.DatedDeniedAndConfirmed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := size(100_000, 10_000)
			c := tc.corpus(n)
			var tl *timeline.Timeline
			var err error
			bound(t, "Build "+tc.name+" (per claim)", n, 4000, measure(func() { tl, err = timeline.Build(c, nil) }))
			require.NoError(t, err)
			narrowest := claim.ID("c" + strconv.Itoa(n-1))
			// The affirmation, said and known last, is the source's
			// latest word on every claim.
			for _, id := range []claim.ID{"c0", narrowest} {
				got, err := tl.Current(id)
				require.NoError(t, err)
				assert.Equal(t, timeline.StatusAlleged, got, "Current(%q)", id)
			}
			// The narrowest claim repeats every broader claim's denial;
			// its changes are worked out when read.
			var chs []timeline.Change
			bound(t, "Changes "+tc.name+" narrowest (per change)", n+1, 2000, measure(func() { chs, err = tl.Changes(narrowest) }))
			require.NoError(t, err)
			repeated := 0
			for _, ch := range chs {
				if ch.Kind == timeline.ChangeRepeatedDenial {
					repeated++
				}
			}
			assert.Equal(t, n-1, repeated, "repeated denials in Changes(%s)", narrowest)
		})
	}
	t.Run("many-refiners", func(t *testing.T) {
		n := size(100_000, 10_000)
		c := adversarial.ManyRefiners(n)
		var tl *timeline.Timeline
		var err error
		bound(t, "Build refiners (per claim)", n, 4000, measure(func() { tl, err = timeline.Build(c, nil) }))
		require.NoError(t, err)
		var out bytes.Buffer
		bound(t, "WriteText refiners (per claim)", n, 8000, measure(func() { err = tl.WriteText(&out) }))
		require.NoError(t, err)
	})
	t.Run("shared-name", func(t *testing.T) {
		n := size(80_000, 10_000)
		c := adversarial.SharedName(n)
		var err error
		bound(t, "Validate shared-name (per source)", n, 2000, measure(func() { err = c.Validate() }))
		wantError(t, err, maxMessage, source.ErrAliasConflict)
	})
	t.Run("bad-statements", func(t *testing.T) {
		n := size(1_000_000, 20_000)
		c := adversarial.BadStatements(n)
		var err error
		bound(t, "Build bad-statements (per statement)", n, 500, measure(func() { _, err = timeline.Build(c, nil) }))
		wantError(t, err, maxMessage, claim.ErrUnknownClaim, claim.ErrUnknownSource, claim.ErrUnknownArticle, claim.ErrFactuality, claim.ErrDate)
		var more *claim.MoreError
		assert.ErrorAs(t, err, &more)
		doc := adversarial.Document(c)
		_, err = decode(t, "Decode bad-statements", doc)
		wantError(t, err, maxMessage, claim.ErrUnknownClaim, claim.ErrUnknownSource, claim.ErrUnknownArticle, claim.ErrFactuality, claim.ErrDate)
	})
	t.Run("year-10000", func(t *testing.T) {
		docs := adversarial.Year10000Documents()
		for i, shape := range adversarial.Year10000() {
			t.Run(shape.Name, func(t *testing.T) {
				_, err := timeline.Build(shape.Corpus, nil)
				wantError(t, err, maxShort)
				assert.True(t, errors.Is(err, claim.ErrInvalid) || errors.Is(err, claim.ErrDate), "ErrInvalid or ErrDate: %v", err)
				_, err = claim.Decode(bytes.NewReader(docs[i]))
				wantError(t, err, maxShort)
				assert.True(t, errors.Is(err, claim.ErrInvalid) || errors.Is(err, claim.ErrDate), "ErrInvalid or ErrDate: %v", err)
			})
		}
	})
}

func TestAdversarialText(t *testing.T) {
	extractCase := func(t *testing.T, what, text string, perByte float64) *extract.Result {
		t.Helper()
		var r *extract.Result
		var err error
		// The limits are lifted so that the full sizes are read through,
		// not refused (TestLimits in extract checks the limits).
		opts := extract.Options{MaxTextBytes: -1, MaxCandidates: -1}
		bound(t, "Extract "+what, len(text), perByte, measure(func() { r, err = extract.Extract(text, opts) }))
		require.NoError(t, err)
		return r
	}
	t.Run("one-line", func(t *testing.T) {
		extractCase(t, "one-line", adversarial.OneLine(size(50<<20, 1<<20)), 200)
	})
	t.Run("opening-quotes", func(t *testing.T) {
		extractCase(t, "opening-quotes", adversarial.OpeningQuotes(size(100_000, 5_000)), 200)
	})
	t.Run("cue-runs", func(t *testing.T) {
		extractCase(t, "cue-runs", adversarial.CueRuns(size(100_000, 5_000)), 200)
	})
	t.Run("control-sentences", func(t *testing.T) {
		extractCase(t, "control-sentences", adversarial.ControlSentences(size(100_000, 2_000)), 200)
		_, err := extract.Extract(adversarial.ControlSentences(10)+"\xff", extract.Options{})
		wantError(t, err, maxShort, source.ErrInvalidUTF8)
		var fe *extract.Error
		assert.ErrorAs(t, err, &fe)
	})
	t.Run("repeated-sentence", func(t *testing.T) {
		n := size(100_000, 5_000)
		r := extractCase(t, "repeated-sentence", adversarial.RepeatedSentence(n), 200)
		require.NotEmpty(t, r.Candidates)
		var groups []extract.Group
		bound(t, "Groups repeated-sentence (per candidate)", len(r.Candidates), 1500, measure(func() { groups = extract.Groups(r.Candidates, 0) }))
		assert.NotEmpty(t, groups)
	})
}

func TestAdversarialTerminal(t *testing.T) {
	tl, err := timeline.Build(adversarial.TerminalIDs(), nil)
	require.NoError(t, err)
	var out strings.Builder
	require.NoError(t, tl.WriteText(&out))
	for _, s := range adversarial.TerminalHostile {
		assert.NotContains(t, out.String(), s, "WriteText output")
	}
	assert.NotContains(t, out.String(), "\x1b", "WriteText output")
}
