package claim_test

import (
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// The tests in this file give Validate and Decode hostile inputs large
// enough that quadratic work, deep recursion or unbounded errors would
// take minutes, crash, or take gigabytes, and check allocation bounds with
// generous margins. Wall time is never asserted; a regression shows as a
// test that runs for minutes.

var scalePublished = time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)

// TestValidateLongCue checks the cue of a 375 KB mention: a cue that
// almost matches everywhere in its span took 27 s when it was compared at
// every offset.
func TestValidateLongCue(t *testing.T) {
	exact := strings.Repeat("a", 250_000)
	c := &claim.Corpus{
		Articles: []source.Article{{ID: "a", Published: scalePublished}},
		Claims:   []claim.Claim{{ID: "c", Text: "c"}},
		Statements: []claim.Statement{{ID: "s", Claim: "c", Source: source.AbsentID, Act: claim.ActReport, Factuality: claim.Uu(),
			Mentions: []claim.Mention{{Article: "a", Cue: strings.Repeat("A", 125_000) + "b", Span: claim.Span{Exact: exact, End: len(exact)}}}}},
	}
	var err error
	allocs := testing.AllocsPerRun(1, func() { err = c.Validate() })
	assert.ErrorIs(t, err, claim.ErrSpan)
	assert.Less(t, allocs, 100.0, "allocations")
}

// TestValidateDeepChain checks a chain of a million refinements closed
// into a loop: the depth-first search was recursive, and 8 million ended
// the process with a stack overflow.
func TestValidateDeepChain(t *testing.T) {
	const n = 1_000_000
	ids := make([]claim.ID, n)
	for i := range ids {
		ids[i] = claim.ID("c" + strconv.Itoa(i))
	}
	c := &claim.Corpus{Claims: make([]claim.Claim, n)}
	rel := make([]claim.Relation, n)
	for i := range c.Claims {
		rel[i] = claim.Relation{Kind: claim.RelationRefines, To: ids[(i+1)%n]}
		c.Claims[i] = claim.Claim{ID: ids[i], Text: "c", Relations: rel[i : i+1 : i+1]}
	}
	var err error
	mallocs, _ := allocations(func() { err = c.Validate() })
	assert.ErrorIs(t, err, claim.ErrCycle)
	assert.Equal(t, 1, len(problemsOf(t, err)), "one loop, one problem")
	assert.Less(t, float64(mallocs)/n, 1.0, "allocations per claim")
}

// TestDecodeDeepNesting checks that arrays and objects nested 100,000
// deep, which no corpus field holds, give an error with memory linear in
// the input, not a stack overflow.
func TestDecodeDeepNesting(t *testing.T) {
	const depth = 100_000
	tests := []struct {
		name string
		doc  string
	}{
		{name: "arrays-in-list", doc: `{"sources": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`},
		{name: "arrays-in-field", doc: `{"claims": [{"id": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}]}`},
		{name: "objects-unknown", doc: `{"x": ` + strings.Repeat(`{"a": `, depth) + "1" + strings.Repeat("}", depth) + `}`},
		{name: "unclosed", doc: `{"x": ` + strings.Repeat("[", depth)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			_, bytes := allocations(func() { _, err = claim.Decode(strings.NewReader(tc.doc)) })
			assert.Error(t, err)
			assert.Less(t, bytes, uint64(100*len(tc.doc)), "bytes allocated for %d bytes of input", len(tc.doc))
		})
	}
}

// allocations returns the number of allocations one call of f makes and
// the bytes they take, as testing.AllocsPerRun does but without a second
// call, which inputs of this size make costly.
func allocations(f func()) (mallocs, bytes uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
}

// TestValidateTimeRange checks times within 0001-9999 where they were
// written but not in UTC, where a timeline shows them and encoding/json
// could not write them: 9999-12-31T23:00 at UTC-5 is 10000-01-01T04:00Z.
func TestValidateTimeRange(t *testing.T) {
	late := time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("UTC-5", -5*60*60))
	c := &claim.Corpus{
		Articles: []source.Article{{ID: "a", Published: late}},
		Claims:   []claim.Claim{{ID: "c", Text: "c", Event: claim.NewDate(late, claim.PrecisionInstant)}},
		Statements: []claim.Statement{{ID: "s", Claim: "c", Source: source.AbsentID, Act: claim.ActReport, Factuality: claim.Uu(),
			Said: claim.NewDate(late, claim.PrecisionInstant)}},
	}
	want := []problem{
		{"articles[0].published", "9999-12-31T23:00:00-05:00", source.ErrInvalid},
		{"claims[0].event", "10000-01-01T04:00:00Z", claim.ErrDate},
		{"statements[0].said", "10000-01-01T04:00:00Z", claim.ErrDate},
	}
	if diff := gocmp.Diff(want, problemsOf(t, c.Validate()), problemOpts); diff != "" {
		t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
	}
	// Within range in UTC, the corpus validates and is written.
	ok := time.Date(9999, 12, 31, 18, 0, 0, 0, time.FixedZone("UTC-5", -5*60*60))
	c.Articles[0].Published = ok
	c.Claims[0].Event = claim.NewDate(ok, claim.PrecisionInstant)
	c.Statements[0].Said = claim.NewDate(ok, claim.PrecisionInstant)
	require.NoError(t, c.Validate())
	_, err := json.Marshal(c)
	assert.NoError(t, err)
}

// TestValidateManyProblems checks that a million bad statements give an
// error that lists MaxProblems problems and counts the rest, built in
// memory that does not grow with them: they took 1.3 GB and gave a 112 MB
// message.
func TestValidateManyProblems(t *testing.T) {
	const n = 1_000_000
	c := &claim.Corpus{Statements: make([]claim.Statement, n)}
	for i := range c.Statements {
		c.Statements[i] = claim.Statement{ID: "s", Claim: "nope", Source: "nobody", Act: claim.ActReport, Factuality: claim.Uu(), Said: claim.Year(2024)}
	}
	var err error
	mallocs, _ := allocations(func() { err = c.Validate() })
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	require.Len(t, errs, claim.MaxProblems+1)
	var more *claim.MoreError
	require.ErrorAs(t, errs[len(errs)-1], &more)
	// Each statement has an unknown claim and source, and all but the
	// first a duplicate ID.
	assert.Equal(t, 3*n-1-claim.MaxProblems, more.Len(), "problems left out")
	for _, sentinel := range []error{claim.ErrUnknownClaim, claim.ErrUnknownSource, claim.ErrDuplicateID} {
		assert.ErrorIs(t, err, sentinel)
	}
	assert.NotErrorIs(t, err, claim.ErrSpan)
	assert.Less(t, len(err.Error()), 100*claim.MaxProblems, "message length")
	assert.Less(t, float64(mallocs)/n, 0.1, "allocations per statement")
}

// TestDecodeManyProblems checks that the problems with a document's shape
// are capped as Validate's are.
func TestDecodeManyProblems(t *testing.T) {
	const n = 100_000
	doc := `{"statements": [` + strings.Repeat(`{"x": 1, "act": 7}, `, n-1) + `{"x": 1}]}`
	_, err := claim.Decode(strings.NewReader(doc))
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	require.Len(t, errs, claim.MaxProblems+1)
	var more *claim.MoreError
	require.ErrorAs(t, errs[len(errs)-1], &more)
	assert.Equal(t, 2*n-1-claim.MaxProblems, more.Len(), "problems left out")
	assert.ErrorIs(t, err, claim.ErrUnknownField)
	assert.ErrorIs(t, err, claim.ErrInvalid)
	assert.Less(t, len(err.Error()), 100*claim.MaxProblems, "message length")
}

// TestLongValue checks that a value of 10 MB is quoted as an excerpt with
// its length, not copied whole into the error.
func TestLongValue(t *testing.T) {
	long := strings.Repeat("x", 10<<20)
	tests := []struct {
		name string
		err  func() error
	}{
		{name: "format", err: func() error { return (&claim.Corpus{Format: long}).Validate() }},
		{name: "unknown-field", err: func() error {
			_, err := claim.Decode(strings.NewReader(`{"` + long + `": 1}`))
			return err
		}},
		{name: "wrong-kind", err: func() error {
			_, err := claim.Decode(strings.NewReader(`{"statements": [{"mentions": [{"span": {"start": "` + long + `"}}]}]}`))
			return err
		}},
		{name: "bad-time", err: func() error {
			_, err := claim.Decode(strings.NewReader(`{"articles": [{"id": "a", "published": "` + long + `"}]}`))
			return err
		}},
		{name: "bad-enum", err: func() error {
			_, err := claim.Decode(strings.NewReader(`{"statements": [{"act": "` + long + `"}]}`))
			return err
		}},
		{name: "unknown-claim", err: func() error {
			return (&claim.Corpus{Statements: []claim.Statement{{ID: "s", Claim: claim.ID(long), Source: source.AbsentID, Act: claim.ActReport, Factuality: claim.Uu(), Said: claim.Year(2024)}}}).Validate()
		}},
		{name: "resolve", err: func() error {
			_, err := claim.ParseEnglishDate("in March "+long, scalePublished)
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			require.Error(t, err)
			assert.Less(t, len(err.Error()), 1000, "message length")
			var fe *claim.FieldError
			var sfe *source.FieldError
			var value string
			switch {
			case errors.As(err, &fe):
				value = fe.Value
			case errors.As(err, &sfe):
				value = sfe.Value
			default:
				t.Errorf("%v is not a field error", err)
			}
			assert.Less(t, len(value), 200, "len(Value)")
			assert.True(t, strings.HasSuffix(value, " bytes)"), "Value %q ends with the length", value)
		})
	}
}

// TestDecodeMemory checks the bytes Decode allocates for a valid corpus:
// about 8 per byte of input, where a second full copy of the document in
// a json.Decoder's buffer, growing, made it 14. BenchmarkDecode reports
// the peak heap as well.
func TestDecodeMemory(t *testing.T) {
	data := syntheticCorpus(2 << 20)
	var err error
	_, bytes := allocations(func() { _, err = claim.Decode(strings.NewReader(string(data))) })
	require.NoError(t, err)
	assert.Less(t, float64(bytes)/float64(len(data)), 11.0, "bytes allocated per byte of input")
}

func TestLimitReader(t *testing.T) {
	doc := `{"claims": [{"id": "c", "text": "c"}]}`
	tests := []struct {
		name    string
		limit   int64
		wantErr error
	}{
		{name: "larger", limit: int64(len(doc)) + 100},
		{name: "exact", limit: int64(len(doc))},
		{name: "one-short", limit: int64(len(doc)) - 1, wantErr: claim.ErrTooLarge},
		{name: "zero", limit: 0, wantErr: claim.ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// iotest.OneByteReader hides the length, so that Decode reads
			// in small steps through the limit.
			for _, r := range []io.Reader{strings.NewReader(doc), iotest.OneByteReader(strings.NewReader(doc))} {
				c, err := claim.Decode(claim.LimitReader(r, tc.limit))
				if tc.wantErr != nil {
					assert.ErrorIs(t, err, tc.wantErr)
					assert.Nil(t, c)
					continue
				}
				require.NoError(t, err)
				assert.Len(t, c.Claims, 1)
			}
		})
	}
}
