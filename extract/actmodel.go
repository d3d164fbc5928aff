package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// ActModel decides a candidate's act from what the rules found: a
// multinomial logistic regression over named features of the candidate (the
// act the rules gave, the rule and form, the cue word and its lexicon
// entries, the words before the cue, the frame between cue and content, the
// content's first words and the lexicon's phrases in it, and the kind of
// speaker; see [ActFeatures]). [TrainActModel] trains one on a caller's own
// labelled candidates, and [Options.ActModel] has Extract use it. Extract
// uses none by default: on the real-news dev stories a model trained on the
// others does worse than the rules (see the package documentation, "Acts
// and factuality").
//
// The zero ActModel is invalid: it knows no act, and Extract given one
// keeps the rules' acts. An ActModel is immutable once built and safe for
// concurrent use. Its memory is one float64 per feature and act: about
// 1,600 features and 15 acts, some 200 KB, for one trained on the
// real-news dev split and the gold set. Extract with a model takes about
// twice as long as without (1.9 times, BenchmarkExtractActModel on the gold
// texts, one core), and allocates nothing more.
type ActModel struct {
	acts  []claim.Act
	names []string  // feature names, sorted
	w     []float64 // len(names) rows of len(acts) weights
	bias  []float64 // one per act
	index map[uint64]int32
	note  string
}

// ActExample is one labelled candidate to train an ActModel on: the
// feature names [ActFeatures] gives for it and the act a person gave it.
// internal/cmd/trainact in the module pairs candidates with labels and
// builds them.
type ActExample struct {
	Features []string
	Act      claim.Act
}

// ActTraining configures TrainActModel. Its zero value gives the
// defaults.
type ActTraining struct {
	// Epochs is the number of passes over the examples: 0 means 30.
	Epochs int
	// Rate is the first pass's learning rate, which decays as 1/(1+t/n)
	// over the t examples seen of n: 0 means 0.2.
	Rate float64
	// L2 is the weight of the penalty on the weights' squares, applied to
	// the features each example has: 0 means 0.2; a negative value means
	// none.
	L2 float64
	// MinCount drops features seen in fewer examples: 0 means 2.
	MinCount int
	// Prior is the weight of each feature "rule-act=A" on the act A,
	// which training keeps fixed: the larger, the more evidence the model
	// needs to give another act than the rules'. 0 means 3; a negative
	// value means none, the weight being learnt as any other. The
	// defaults of L2 and Prior are those that did best when a model was
	// trained on all the real-news dev stories but one and tried on that
	// one.
	Prior float64
	// Seed orders the passes: each pass visits the examples in a
	// permutation drawn from a generator seeded with Seed and the pass's
	// number, so that a training is the same on every run.
	Seed uint64
	// Note is kept in the model and its JSON form: what it was trained
	// on.
	Note string
}

// actModelFormat names the JSON form of an ActModel and its version.
const actModelFormat = "claimtrail-act-model/1"

// maxContentWords bounds the features read per candidate (and so the work
// of one prediction): the content's words after the first maxContentWords
// are not read.
const maxContentWords = 40

// TrainActModel trains a model on examples, deterministically: the same
// examples in the same order and the same opts give the same model, byte for
// byte in JSON, on one machine architecture. It returns an [*Error] for the
// field "examples" wrapping [source.ErrEmpty] when there are none, and for
// the field "act" or "feature" wrapping [source.ErrInvalid] when an
// example's act is not valid or a feature name is empty.
//
// Work is linear in Epochs times the examples' features times the acts;
// memory in the distinct features times the acts, plus the examples.
func TrainActModel(examples []ActExample, opts ActTraining) (*ActModel, error) {
	if len(examples) == 0 {
		return nil, fieldErr("examples", "0 examples", source.ErrEmpty)
	}
	epochs, rate, l2, minCount := opts.Epochs, opts.Rate, opts.L2, opts.MinCount
	if epochs <= 0 {
		epochs = 30
	}
	if rate <= 0 {
		rate = 0.2
	}
	switch {
	case l2 == 0:
		l2 = 0.2
	case l2 < 0:
		l2 = 0
	}
	prior := opts.Prior
	switch {
	case prior == 0:
		prior = 3
	case prior < 0:
		prior = 0
	}
	if minCount <= 0 {
		minCount = 2
	}
	// The acts and features, counted once per example they appear in.
	seen := map[string]int{}
	var acts []claim.Act
	for _, e := range examples {
		if !e.Act.IsValid() {
			return nil, fieldErr("act", e.Act.String(), source.ErrInvalid)
		}
		if !slices.Contains(acts, e.Act) {
			acts = append(acts, e.Act)
		}
		for i, f := range e.Features {
			if f == "" {
				return nil, fieldErr("feature", "", source.ErrInvalid)
			}
			if !slices.Contains(e.Features[:i], f) {
				seen[f]++
			}
		}
	}
	slices.Sort(acts)
	var names []string
	for f, n := range seen {
		if n >= minCount {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	m := &ActModel{acts: acts, names: names, note: opts.Note,
		w: make([]float64, len(names)*len(acts)), bias: make([]float64, len(acts))}
	if err := m.buildIndex(); err != nil {
		return nil, err
	}
	// Each example as its rows and its act's column.
	row := make(map[string]int32, len(names))
	for i, f := range names {
		row[f] = int32(i)
	}
	type coded struct {
		rows []int32
		act  int
	}
	data := make([]coded, len(examples))
	for i, e := range examples {
		c := coded{act: slices.Index(acts, e.Act)}
		for _, f := range e.Features {
			if r, ok := row[f]; ok {
				c.rows = append(c.rows, r)
			}
		}
		data[i] = c
	}
	k := len(acts)
	// fixed marks the weights Prior sets, which training leaves alone.
	fixed := make([]bool, len(m.w))
	if prior != 0 {
		for j, a := range acts {
			if r, ok := row["rule-act="+a.String()]; ok {
				m.w[int(r)*k+j], fixed[int(r)*k+j] = prior, true
			}
		}
	}
	p := make([]float64, k)
	order := make([]int, len(data))
	t := 0
	for epoch := range epochs {
		for i := range order {
			order[i] = i
		}
		r := rand.New(rand.NewPCG(opts.Seed, uint64(epoch)))
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			d := data[i]
			eta := rate / (1 + float64(t)/float64(len(data)))
			t++
			m.scores(d.rows, p)
			softmax(p)
			for j := range k {
				g := p[j]
				if j == d.act {
					g--
				}
				m.bias[j] -= float64(eta * g)
				for _, r := range d.rows {
					if fixed[int(r)*k+j] {
						continue
					}
					w := &m.w[int(r)*k+j]
					*w -= float64(eta * float64(g+float64(l2**w)))
				}
			}
		}
	}
	for i := range m.w {
		m.w[i] = round4(m.w[i])
	}
	for i := range m.bias {
		m.bias[i] = round4(m.bias[i])
	}
	return m, nil
}

// round4 rounds x to four decimals, as the JSON form keeps it.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// softmax turns scores into probabilities, in place.
func softmax(p []float64) {
	top := slices.Max(p)
	sum := 0.0
	for i := range p {
		p[i] = math.Exp(p[i] - top)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
}

// scores sets p to the bias plus the weights of rows, one per act.
func (m *ActModel) scores(rows []int32, p []float64) {
	copy(p, m.bias)
	k := len(m.acts)
	for _, r := range rows {
		w := m.w[int(r)*k : int(r)*k+k]
		for j := range p {
			p[j] += w[j]
		}
	}
}

// buildIndex indexes the feature names by their hash, which is how a
// prediction finds them without building the names.
func (m *ActModel) buildIndex() error {
	m.index = make(map[uint64]int32, len(m.names))
	for i, f := range m.names {
		h := hashName(f)
		if j, ok := m.index[h]; ok {
			return fieldErr("feature", f, fmt.Errorf("%w: same hash as %q", source.ErrInvalid, m.names[j]))
		}
		m.index[h] = int32(i)
	}
	return nil
}

// Acts returns the acts the model can give, in ascending order; a new
// slice. Work is linear in their number.
func (m *ActModel) Acts() []claim.Act { return slices.Clone(m.acts) }

// Note returns what the model says it was trained on.
func (m *ActModel) Note() string { return m.note }

// Predict returns the act the model gives a candidate with these features,
// and its probability; a feature the model does not know counts nothing.
// The zero model gives ActUnknown and 0. Work is linear in the features
// times the acts.
func (m *ActModel) Predict(features []string) (claim.Act, float64) {
	if m == nil || len(m.acts) == 0 {
		return claim.ActUnknown, 0
	}
	var s actScorer
	s.reset(m)
	for _, f := range features {
		s.addHash(hashName(f))
	}
	return s.best()
}

// actModelJSON is the JSON form of an ActModel.
type actModelJSON struct {
	Format   string               `json:"format"`
	Note     string               `json:"note,omitempty"`
	Acts     []claim.Act          `json:"acts"`
	Bias     []float64            `json:"bias"`
	Features map[string][]float64 `json:"features"`
}

// MarshalJSON writes the model as an object: its format name, note, acts,
// bias per act, and each feature's weights per act, features in sorted
// order. Work and size are linear in the weights.
func (m *ActModel) MarshalJSON() ([]byte, error) {
	j := actModelJSON{Format: actModelFormat, Note: m.note, Acts: m.acts, Bias: m.bias,
		Features: make(map[string][]float64, len(m.names))}
	if j.Acts == nil {
		j.Acts, j.Bias = []claim.Act{}, []float64{}
	}
	k := len(m.acts)
	for i, f := range m.names {
		j.Features[f] = m.w[i*k : i*k+k]
	}
	return json.Marshal(j)
}

// maxActWeight bounds the magnitude of a weight or bias read from JSON,
// so that no sum of them overflows to an infinity and a prediction's
// probability is always a number. A trained model's weights are a few
// units at most.
const maxActWeight = 1e6

// UnmarshalJSON reads the form MarshalJSON writes. It returns an [*Error]
// wrapping [source.ErrInvalid] naming the field that is wrong: "format"
// for another format, "acts" for an invalid or repeated act or none, "bias"
// or "features" for a row whose length is not the number of acts or a
// number that is not finite or beyond ±1e6, "feature" for an empty or
// repeated name, and "act model" for input that is not one JSON object of
// these keys, each once (keys are matched exactly, and nothing may follow
// the object); on error m is unchanged. Work and memory are linear in the
// input.
func (m *ActModel) UnmarshalJSON(b []byte) error {
	j, err := readActModelJSON(b)
	if err != nil {
		return err
	}
	if j.Format != actModelFormat {
		return fieldErr("format", j.Format, fmt.Errorf("%w: want %q", source.ErrInvalid, actModelFormat))
	}
	if len(j.Acts) == 0 {
		return fieldErr("acts", "[]", fmt.Errorf("%w: no act", source.ErrInvalid))
	}
	for i, a := range j.Acts {
		if !a.IsValid() || slices.Contains(j.Acts[:i], a) {
			return fieldErr("acts", a.String(), fmt.Errorf("%w: invalid or repeated act", source.ErrInvalid))
		}
	}
	k := len(j.Acts)
	finite := func(field, name string, row []float64) error {
		if len(row) != k {
			return fieldErr(field, name, fmt.Errorf("%w: %d weights for %d acts", source.ErrInvalid, len(row), k))
		}
		for _, x := range row {
			if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > maxActWeight {
				return fieldErr(field, name, fmt.Errorf("%w: weight %v is not a number within ±%g", source.ErrInvalid, x, maxActWeight))
			}
		}
		return nil
	}
	if err := finite("bias", "bias", j.Bias); err != nil {
		return err
	}
	order := make([]int, len(j.names))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(j.names[a], j.names[b]) })
	n := &ActModel{acts: j.Acts, bias: j.Bias, note: j.Note,
		names: make([]string, 0, len(order)), w: make([]float64, 0, len(order)*k)}
	for i, o := range order {
		f := j.names[o]
		if f == "" {
			return fieldErr("feature", "", fmt.Errorf("%w: empty name", source.ErrInvalid))
		}
		if i > 0 && f == j.names[order[i-1]] {
			return fieldErr("feature", f, fmt.Errorf("%w: named twice in features", source.ErrInvalid))
		}
		if err := finite("features", f, j.rows[o]); err != nil {
			return err
		}
		n.names = append(n.names, f)
		n.w = append(n.w, j.rows[o]...)
	}
	if err := n.buildIndex(); err != nil {
		return err
	}
	*m = *n
	return nil
}

// actModelRead is the JSON form of an ActModel as read: its features in
// the order of the input, repeated names kept, so that a repeated name is
// an error rather than the last one winning.
type actModelRead struct {
	Format, Note string
	Acts         []claim.Act
	Bias         []float64
	names        []string
	rows         [][]float64
}

// readActModelJSON reads one JSON object with the keys of actModelJSON,
// matched exactly and each at most once, and nothing after it. It walks
// the tokens rather than decoding into a map, which would keep the last of
// two features with the same name. Work and memory are linear in b.
func readActModelJSON(b []byte) (actModelRead, error) {
	var j actModelRead
	bad := func(err error) (actModelRead, error) {
		return actModelRead{}, fieldErr("act model", string(b), fmt.Errorf("%w: %w", source.ErrInvalid, err))
	}
	d := json.NewDecoder(bytes.NewReader(b))
	if t, err := d.Token(); err != nil {
		return bad(err)
	} else if t != json.Delim('{') {
		return bad(fmt.Errorf("%v where an object should begin", t))
	}
	seen := map[string]bool{}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return bad(err)
		}
		key, _ := t.(string) // an object's keys are strings
		if seen[key] {
			return actModelRead{}, fieldErr("act model", key, fmt.Errorf("%w: key given twice", source.ErrInvalid))
		}
		seen[key] = true
		switch key {
		case "format":
			err = d.Decode(&j.Format)
		case "note":
			err = d.Decode(&j.Note)
		case "acts":
			if err = d.Decode(&j.Acts); err != nil {
				return actModelRead{}, fieldErr("acts", "", fmt.Errorf("%w: %w", source.ErrInvalid, err))
			}
		case "bias":
			err = d.Decode(&j.Bias)
		case "features":
			err = readFeatureRows(d, &j)
		default:
			return actModelRead{}, fieldErr("act model", key, fmt.Errorf("%w: unknown key", source.ErrInvalid))
		}
		if err != nil {
			var xe *Error
			if errors.As(err, &xe) {
				return actModelRead{}, err
			}
			return actModelRead{}, fieldErr(key, "", fmt.Errorf("%w: %w", source.ErrInvalid, err))
		}
	}
	if _, err := d.Token(); err != nil { // the closing brace
		return bad(err)
	}
	if _, err := d.Token(); err != io.EOF {
		return bad(fmt.Errorf("more input after the object (offset %d)", d.InputOffset()))
	}
	return j, nil
}

// readFeatureRows reads the value of "features": an object of rows, or
// null, keeping every name in order.
func readFeatureRows(d *json.Decoder, j *actModelRead) error {
	t, err := d.Token()
	if err != nil {
		return err
	}
	if t == nil {
		return nil
	}
	if t != json.Delim('{') {
		return fmt.Errorf("%v where an object of features should begin", t)
	}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return err
		}
		name, _ := t.(string)
		var row []float64
		if err := d.Decode(&row); err != nil {
			return fieldErr("features", name, fmt.Errorf("%w: %w", source.ErrInvalid, err))
		}
		j.names = append(j.names, name)
		j.rows = append(j.rows, row)
	}
	_, err = d.Token() // the closing brace
	return err
}

// ActFeatures returns the names of the features an ActModel reads for the
// candidate c of text: c as Extract gives it with no Options.ActModel, so
// that its Act is the rules'. A name may come more than once, and counts
// each time. This is what a caller trains a model of its own on, with the
// acts its people gave (see [TrainActModel]). Work is bounded by c's cue
// and the first 40 words of its content, whatever their length.
func ActFeatures(text string, c Candidate) []string {
	var s actNames
	var sc actScratch
	actFeatures(text, c, &s, &sc)
	return s.names
}

// actSink receives a candidate's features: kind and value, and a second
// value for a feature that joins two ("rule-act×form").
type actSink interface {
	add(kind, a, b string)
}

// actNames collects feature names, for training.
type actNames struct{ names []string }

func (s *actNames) add(kind, a, b string) {
	if b != "" {
		s.names = append(s.names, kind+"="+a+"/"+b)
		return
	}
	s.names = append(s.names, kind+"="+a)
}

// actScorer sums a model's weights over features as they come, without
// building their names.
type actScorer struct {
	m *ActModel
	p [32]float64
}

func (s *actScorer) reset(m *ActModel) {
	s.m = m
	copy(s.p[:], m.bias)
}

func (s *actScorer) add(kind, a, b string) {
	h := hashString(fnvOffset, kind)
	h = hashString(hashByte(h, '='), a)
	if b != "" {
		h = hashString(hashByte(h, '/'), b)
	}
	s.addHash(h)
}

func (s *actScorer) addHash(h uint64) {
	r, ok := s.m.index[h]
	if !ok {
		return
	}
	k := len(s.m.acts)
	w := s.m.w[int(r)*k : int(r)*k+k]
	for j := range w {
		s.p[j] += w[j]
	}
}

// best returns the act of the highest score and its probability; the
// first act wins a tie.
func (s *actScorer) best() (claim.Act, float64) {
	j := s.top()
	p := s.p[:len(s.m.acts)]
	softmax(p)
	return s.m.acts[j], p[j]
}

// top returns the index of the highest score; the first wins a tie.
func (s *actScorer) top() int {
	p := s.p[:len(s.m.acts)]
	j := 0
	for i := range p {
		if p[i] > p[j] {
			j = i
		}
	}
	return j
}

// FNV-1a, 64 bits, over a feature's name as it is built.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = hashByte(h, s[i])
	}
	return h
}

// hashName hashes a whole feature name as actScorer.add hashes its parts.
func hashName(f string) uint64 { return hashString(fnvOffset, f) }

// decideAct returns the act of candidate c of the extractor's text: the
// rules' act, c.Act, when Options.ActModel is nil or knows no act, and the
// model's otherwise. This is the one place where a learned model changes
// what the rules found. Work is bounded as ActFeatures says, and it
// allocates nothing: the features are hashed as they are read, in the
// extractor's scratch.
func (x *extractor) decideAct(c Candidate) claim.Act {
	m := x.opts.ActModel
	if m == nil || len(m.acts) == 0 || len(m.acts) > len(actScorer{}.p) {
		return c.Act
	}
	sc := &x.actScratch
	sc.s.reset(m)
	actFeatures(x.text, c, &sc.s, sc)
	return m.acts[sc.s.top()]
}
