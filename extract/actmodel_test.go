package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// candidateAt extracts text and returns its candidate whose cue is cue.
func candidateAt(t *testing.T, text, cue string) extract.Candidate {
	t.Helper()
	res, err := extract.Extract(text, extract.Options{})
	require.NoError(t, err)
	for _, c := range res.Candidates {
		if c.Cue.Exact == cue {
			return c
		}
	}
	t.Fatalf("no candidate with cue %q in %q", cue, text)
	return extract.Candidate{}
}

func TestActFeatures(t *testing.T) {
	tests := []struct {
		name, text, cue string
		want, notWant   []string
	}{
		{
			name: "denial-that", text: "The ministry denied that it had never sent troops.", cue: "denied",
			want: []string{"rule-act=deny", "form=indirect", "cue=denied", "cue-entry=verb/deny", "tense=past",
				"frame=that", "frame-gap=1-3", "speaker=description", "speaker-first=the", "speaker-head=ministry",
				"c0=it", "content=negated-early", "content-word=never", "act-cue=deny/denied"},
			notWant: []string{"frame=content-first", "content=quoted"},
		},
		{
			name: "quotation-first", text: "“We will retaliate against any attack,” the minister said.", cue: "said",
			want:    []string{"frame=content-first", "content=quoted", "content=first-person", "content=future", "c0=we", "phrase=threat"},
			notWant: []string{"frame=that"},
		},
		{
			name: "unknown-names-are-shapes", text: "Zorblax Quentor said Vintrel Corp had paid nothing.", cue: "said",
			want:    []string{"speaker=name", "c0=<Cap>", "content=negated", "content-length=4-12"},
			notWant: []string{"speaker-head=quentor"},
		},
		{
			name: "negated-before", text: "The agency would not confirm that the ship had sunk.", cue: "would not confirm",
			want: []string{"cue=would", "cue=not", "cue=confirm"},
		},
		{
			name: "passive-before", text: "The plan was criticised by two councillors as reckless.", cue: "criticised",
			want: []string{"before=passive", "before-word=was", "rule=passive"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := extract.ActFeatures(tc.text, candidateAt(t, tc.text, tc.cue))
			for _, w := range tc.want {
				assert.Contains(t, got, w)
			}
			for _, w := range tc.notWant {
				assert.NotContains(t, got, w)
			}
			// No word of the text that the lexicon lacks becomes a
			// feature: the names are the lexicon's words and shapes.
			for _, f := range got {
				for _, w := range []string{"zorblax", "quentor", "vintrel"} {
					assert.NotContains(t, strings.ToLower(f), w)
				}
			}
		})
	}
}

func TestActFeaturesOutsideText(t *testing.T) {
	text := "He said so."
	tests := []struct {
		name string
		c    extract.Candidate
		want []string
	}{
		{name: "zero", c: extract.Candidate{}, want: []string{"speaker=none", "cue=none", "frame=no-content"}},
		{name: "past-end", c: extract.Candidate{Cue: claim.Span{Start: 3, End: 400}, SpeakerText: claim.Span{Start: -1, End: 2},
			Content: []claim.Span{{Start: 8, End: 90}}}, want: []string{"speaker=none", "cue=none"}},
		{name: "mark-cue", c: extract.Candidate{Cue: claim.Span{Start: 10, End: 11}, Content: []claim.Span{{Start: 0, End: 2}}},
			want: []string{"cue-mark=other", "frame=content-first"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := extract.ActFeatures(text, tc.c)
			for _, w := range tc.want {
				assert.Contains(t, got, w)
			}
		})
	}
}

// actExamples are hand-made examples: a denial cue denies, a threat in the
// content threatens, anything else asserts.
func actExamples() []extract.ActExample {
	var out []extract.ActExample
	for i := range 12 {
		out = append(out,
			extract.ActExample{Features: []string{"rule-act=assert", "cue=denied"}, Act: claim.ActDeny},
			extract.ActExample{Features: []string{"rule-act=assert", "cue=said", "phrase=threat"}, Act: claim.ActThreaten},
			extract.ActExample{Features: []string{"rule-act=assert", "cue=said"}, Act: claim.ActAssert},
		)
		if i%4 == 0 {
			out = append(out, extract.ActExample{Features: []string{"rule-act=assert", "cue=said", "seen-once"}, Act: claim.ActAssert})
		}
	}
	out = append(out, extract.ActExample{Features: []string{"only-once"}, Act: claim.ActAssert})
	return out
}

func TestTrainActModel(t *testing.T) {
	m, err := extract.TrainActModel(actExamples(), extract.ActTraining{Note: "hand-made"})
	require.NoError(t, err)
	assert.Equal(t, []claim.Act{claim.ActAssert, claim.ActDeny, claim.ActThreaten}, m.Acts())
	assert.Equal(t, "hand-made", m.Note())
	tests := []struct {
		name     string
		features []string
		want     claim.Act
	}{
		{"deny", []string{"rule-act=assert", "cue=denied"}, claim.ActDeny},
		{"threat", []string{"rule-act=assert", "cue=said", "phrase=threat"}, claim.ActThreaten},
		{"assert", []string{"rule-act=assert", "cue=said"}, claim.ActAssert},
		{"unknown-features", []string{"rule-act=assert", "never-seen"}, claim.ActAssert},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, p := m.Predict(tc.features)
			assert.Equal(t, tc.want, got)
			assert.Greater(t, p, 1.0/3)
			assert.LessOrEqual(t, p, 1.0)
		})
	}
	raw, err := json.Marshal(m)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "only-once", "a feature seen in fewer than MinCount examples is dropped")
	assert.Contains(t, string(raw), "seen-once")

	// The same examples and options give the same model, byte for byte;
	// another seed visits them in another order.
	again, err := extract.TrainActModel(actExamples(), extract.ActTraining{Note: "hand-made"})
	require.NoError(t, err)
	raw2, err := json.Marshal(again)
	require.NoError(t, err)
	assert.Equal(t, string(raw), string(raw2))
	other, err := extract.TrainActModel(actExamples(), extract.ActTraining{Note: "hand-made", Seed: 7, Epochs: 3, L2: -1, Rate: 0.5, MinCount: 1})
	require.NoError(t, err)
	raw3, err := json.Marshal(other)
	require.NoError(t, err)
	assert.NotEqual(t, string(raw), string(raw3))
	assert.Contains(t, string(raw3), "only-once")
}

// TestTrainActModelPrior checks that the prior keeps the rules' act unless
// the evidence outweighs it.
func TestTrainActModelPrior(t *testing.T) {
	var exs []extract.ActExample
	for range 10 {
		exs = append(exs, extract.ActExample{Features: []string{"rule-act=assert", "cue=said"}, Act: claim.ActAssert})
	}
	for range 3 {
		exs = append(exs, extract.ActExample{Features: []string{"rule-act=assert", "hint"}, Act: claim.ActDeny})
	}
	tests := []struct {
		name  string
		prior float64
		want  claim.Act
	}{
		{"none", -1, claim.ActDeny},
		{"default", 0, claim.ActDeny},
		{"strong", 40, claim.ActAssert},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := extract.TrainActModel(exs, extract.ActTraining{Prior: tc.prior, L2: -1})
			require.NoError(t, err)
			got, _ := m.Predict([]string{"rule-act=assert", "hint"})
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestTrainActModelErrors(t *testing.T) {
	tests := []struct {
		name     string
		examples []extract.ActExample
		field    string
		want     error
	}{
		{"none", nil, "examples", source.ErrEmpty},
		{"unknown-act", []extract.ActExample{{Features: []string{"a"}}}, "act", source.ErrInvalid},
		{"empty-feature", []extract.ActExample{{Features: []string{"a", ""}, Act: claim.ActDeny}}, "feature", source.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := extract.TrainActModel(tc.examples, extract.ActTraining{})
			assert.Nil(t, m)
			require.ErrorIs(t, err, tc.want)
			var xe *extract.Error
			require.ErrorAs(t, err, &xe)
			assert.Equal(t, tc.field, xe.Field)
		})
	}
}

func TestActModelJSON(t *testing.T) {
	m, err := extract.TrainActModel(actExamples(), extract.ActTraining{})
	require.NoError(t, err)
	raw, err := json.Marshal(m)
	require.NoError(t, err)
	var back extract.ActModel
	require.NoError(t, json.Unmarshal(raw, &back))
	again, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.Equal(t, string(raw), string(again))
	for _, ex := range actExamples() {
		a, p := m.Predict(ex.Features)
		b, q := back.Predict(ex.Features)
		assert.Equal(t, a, b)
		assert.InDelta(t, p, q, 1e-12)
	}

	var zero extract.ActModel
	act, p := zero.Predict([]string{"cue=denied"})
	assert.Equal(t, claim.ActUnknown, act)
	assert.Zero(t, p)
	raw, err = json.Marshal(&zero)
	require.NoError(t, err)
	assert.JSONEq(t, `{"format":"claimtrail-act-model/1","acts":[],"bias":[],"features":{}}`, string(raw))
}

func TestActModelUnmarshalErrors(t *testing.T) {
	const format = `"format":"claimtrail-act-model/1"`
	tests := []struct {
		name, in, field string
	}{
		{"not-json", `[1,2`, "act model"},
		{"unknown-key", `{` + format + `,"acts":["deny"],"bias":[0],"features":{},"extra":1}`, "act model"},
		{"format", `{"format":"other/2","acts":["deny"],"bias":[0],"features":{}}`, "format"},
		{"no-acts", `{` + format + `,"acts":[],"bias":[],"features":{}}`, "acts"},
		{"repeated-act", `{` + format + `,"acts":["deny","deny"],"bias":[0,0],"features":{}}`, "acts"},
		{"unknown-act", `{` + format + `,"acts":["shrug"],"bias":[0],"features":{}}`, "act"},
		{"short-bias", `{` + format + `,"acts":["deny","assert"],"bias":[0],"features":{}}`, "bias"},
		{"short-row", `{` + format + `,"acts":["deny"],"bias":[0],"features":{"cue=x":[]}}`, "features"},
		{"empty-name", `{` + format + `,"acts":["deny"],"bias":[0],"features":{"":[1]}}`, "feature"},
		{"trailing-text", `{` + format + `,"acts":["deny"],"bias":[0],"features":{}} x`, "act model"},
		{"second-object", `{` + format + `,"acts":["deny"],"bias":[0],"features":{}} {"note":"y"}`, "act model"},
		{"repeated-feature", `{` + format + `,"acts":["deny"],"bias":[0],"features":{"cue=x":[1],"cue=x":[-1]}}`, "feature"},
		{"repeated-key", `{` + format + `,"acts":["deny"],"bias":[0],"features":{},"features":{"a":[1]}}`, "act model"},
		{"key-in-other-case", `{` + format + `,"acts":["deny"],"bias":[0],"features":{},"Features":{"a":[1]}}`, "act model"},
		{"huge-bias", `{` + format + `,"acts":["deny","assert"],"bias":[1e308,0],"features":{}}`, "bias"},
		{"huge-weight", `{` + format + `,"acts":["deny","assert"],"bias":[0,0],"features":{"a":[-1e7,0]}}`, "features"},
		{"overflowing-weight", `{` + format + `,"acts":["deny"],"bias":[0],"features":{"a":[1e309]}}`, "features"},
		{"row-not-array", `{` + format + `,"acts":["deny"],"bias":[0],"features":{"a":{"b":1}}}`, "features"},
		{"features-not-object", `{` + format + `,"acts":["deny"],"bias":[0],"features":[1]}`, "features"},
		{"not-object", `[` + format + `]`, "act model"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := extract.TrainActModel(actExamples(), extract.ActTraining{})
			require.NoError(t, err)
			before, err := json.Marshal(m)
			require.NoError(t, err)
			err = m.UnmarshalJSON([]byte(tc.in))
			require.Error(t, err)
			var xe *extract.Error
			if tc.field == "act" {
				require.ErrorIs(t, err, source.ErrUnknownName) // claim.Act's own error
				return
			}
			require.ErrorAs(t, err, &xe)
			assert.Equal(t, tc.field, xe.Field)
			assert.ErrorIs(t, err, source.ErrInvalid)
			after, err := json.Marshal(m)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "a failed UnmarshalJSON leaves the model unchanged")
		})
	}
}

// TestExtractActModel checks the hook: with no model Extract keeps the
// rules' acts; with one, every candidate's act is the model's and its
// factuality follows the act.
func TestExtractActModel(t *testing.T) {
	warn := []extract.ActExample{
		{Features: []string{"cue=said"}, Act: claim.ActWarn},
		{Features: []string{"cue=said"}, Act: claim.ActWarn},
	}
	m, err := extract.TrainActModel(warn, extract.ActTraining{})
	require.NoError(t, err)
	for i, text := range goldTexts(t)[:4] {
		rules, err := extract.Extract(text, extract.Options{})
		require.NoError(t, err)
		require.NotEmpty(t, rules.Candidates)
		zero, err := extract.Extract(text, extract.Options{ActModel: &extract.ActModel{}})
		require.NoError(t, err)
		if diff := cmp.Diff(rules, zero); diff != "" {
			t.Errorf("text %d: a model with no act changed the result (-rules +zero):\n%s", i, diff)
		}
		got, err := extract.Extract(text, extract.Options{ActModel: m})
		require.NoError(t, err)
		require.Len(t, got.Candidates, len(rules.Candidates))
		assert.True(t, slices.ContainsFunc(rules.Candidates, func(c extract.Candidate) bool { return c.Act != claim.ActWarn }))
		for j, c := range got.Candidates {
			assert.Equal(t, claim.ActWarn, c.Act)
			assert.Equal(t, claim.PolarityPositive, c.Factuality.Polarity)
			assert.NotEqual(t, claim.CertaintyCertain, c.Factuality.Certainty, "a warning is not certain")
			r := rules.Candidates[j]
			r.Act, r.Factuality = c.Act, c.Factuality
			assert.Equal(t, r, c, "the model changes only the act and its factuality")
		}
	}
}

// TestExtractActModelAllocs checks that the model costs no allocation:
// its features are hashed as they are read, in the extractor's scratch.
// One extractor reads every run, out of the pool, which the race detector
// empties at random.
func TestExtractActModelAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates at random")
	}
	m, err := extract.TrainActModel(actExamples(), extract.ActTraining{})
	require.NoError(t, err)
	text := goldTexts(t)[0]
	var x extract.Extractor
	without := testing.AllocsPerRun(20, func() { _, _ = x.Extract(text, extract.Options{}) })
	with := testing.AllocsPerRun(20, func() { _, _ = x.Extract(text, extract.Options{ActModel: m}) })
	assert.LessOrEqual(t, with, without, "allocations per Extract with the model, against without")
}

// FuzzActModelJSON checks that UnmarshalJSON never panics, that what it
// accepts writes back to JSON that reads as the same model, and that
// Extract with it gives valid acts, the same twice, as many candidates as
// the rules find.
func FuzzActModelJSON(f *testing.F) {
	m, err := extract.TrainActModel(actExamples(), extract.ActTraining{})
	require.NoError(f, err)
	raw, err := json.Marshal(m)
	require.NoError(f, err)
	f.Add(string(raw))
	for _, s := range []string{
		``, `{}`, `null`, `{"format":"claimtrail-act-model/1","acts":["deny"],"bias":[1e308],"features":{"a":[-1e308]}}`,
		`{"format":"claimtrail-act-model/1","acts":["deny","assert"],"bias":[0,0],"features":{"a":[1,2],"b":[3]}}`,
		`{"format":"claimtrail-act-model/1","acts":["DENY"],"bias":[0],"features":{"a":[1]},"note":"x"}`,
		`{"format":"claimtrail-act-model/1","acts":["deny","assert"],"bias":[1e6,-1e6],"features":{"a":[1e6,-1e6],"b":[1e6,-1e6]}}`,
		`{"format":"claimtrail-act-model/1","acts":["deny"],"bias":[0],"features":{"a":[1],"a":[2]}} {}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var m extract.ActModel
		if err := m.UnmarshalJSON([]byte(in)); err != nil {
			return
		}
		out, err := json.Marshal(&m)
		require.NoError(t, err)
		var back extract.ActModel
		require.NoError(t, back.UnmarshalJSON(out))
		again, err := json.Marshal(&back)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(again))
		act, p := m.Predict([]string{"a", "b"})
		assert.True(t, act.IsValid())
		assert.True(t, p > 0 && p <= 1, "probability %v", p)
		const text = "The ministry denied that it sent shells. “We will retaliate,” the minister said, and Eastria warned of sanctions."
		opts := extract.Options{ActModel: &m, MaxCandidates: 3}
		r1, err1 := extract.Extract(text, opts)
		r2, err2 := extract.Extract(text, opts)
		assert.Equal(t, err1, err2)
		assert.Equal(t, r1, r2, "Extract with a model is deterministic")
		require.NoError(t, err1)
		for _, c := range r1.Candidates {
			assert.True(t, c.Act.IsValid(), "act %v", c.Act)
		}
		assert.Len(t, r1.Candidates, 3)
	})
}

// FuzzActFeatures checks that ActFeatures never panics, whatever the
// candidate's spans, and gives the same names twice.
func FuzzActFeatures(f *testing.F) {
	f.Add("The ministry denied that it had never sent troops.", 4, 12, 13, 19, 25, 49)
	f.Add("“We will retaliate,” the minister said.", 22, 34, 35, 39, 0, 21)
	f.Add("x", -3, 9, 0, 0, 5, 1)
	f.Add("É’n't — said: “no?”", 0, 5, 5, 9, 9, 40)
	f.Fuzz(func(t *testing.T, text string, ss, se, cs, ce, ks, ke int) {
		c := extract.Candidate{
			SpeakerText: claim.Span{Start: ss, End: se},
			Cue:         claim.Span{Start: cs, End: ce},
			Content:     []claim.Span{{Start: ks, End: ke}, {Start: ke, End: ke + 3}},
			Act:         claim.ActAssert, Form: extract.FormIndirect, Rule: "verb-before",
		}
		a := extract.ActFeatures(text, c)
		b := extract.ActFeatures(text, c)
		assert.Equal(t, a, b)
		for _, n := range a {
			assert.Contains(t, n, "=")
		}
	})
}

// BenchmarkExtractActModel measures Extract on the gold texts with the
// rules' acts and with a model trained on the gold candidates' features
// (labelled by the rules' own acts, which gives a model of realistic
// size): the model's cost per byte of text.
func BenchmarkExtractActModel(b *testing.B) {
	names, err := filepath.Glob(filepath.Join("testdata", "gold", "*.txt"))
	require.NoError(b, err)
	var texts []string
	var exs []extract.ActExample
	size := 0
	for _, n := range names {
		raw, err := os.ReadFile(n)
		require.NoError(b, err)
		text := string(raw)
		texts = append(texts, text)
		size += len(text)
		res, err := extract.Extract(text, extract.Options{})
		require.NoError(b, err)
		for _, c := range res.Candidates {
			exs = append(exs, extract.ActExample{Features: extract.ActFeatures(text, c), Act: c.Act})
		}
	}
	m, err := extract.TrainActModel(exs, extract.ActTraining{})
	require.NoError(b, err)
	for _, bc := range []struct {
		name string
		opts extract.Options
	}{{"rules", extract.Options{}}, {"model", extract.Options{ActModel: m}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					if _, err := extract.Extract(t, bc.opts); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
