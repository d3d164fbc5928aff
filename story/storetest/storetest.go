// Package storetest checks an implementation of story.Store: one suite that
// every backend runs, so that SQLite and PostgreSQL keep the same contract.
//
// A backend's tests call Run with a function that opens a fresh store, and
// Processes with a way to open the store from a string (a directory, a
// DSN) in another process. Processes re-executes the test binary, so the
// backend's TestMain must hand over to Main first:
//
//	func TestMain(m *testing.M) { storetest.Main(m, openFromDSN) }
//
// The suite reads the fixtures of the module (testdata/corpus.json and the
// fictional story of examples/follow-story) from the module's directory,
// wherever the backend's package sits: see Sample and Fixture.
package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// moduleRoot returns the directory of the claimtrail module, which holds
// the fixtures: two levels above this package's source file, as the
// compiler saw it, or, in a binary built with -trimpath, the nearest
// directory above the working directory whose go.mod declares the module.
// It reads at most one go.mod per directory level.
func moduleRoot(t testing.TB) string {
	t.Helper()
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		dir := filepath.Join(filepath.Dir(file), "..", "..")
		if isModuleRoot(dir) {
			return dir
		}
	}
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if isModuleRoot(dir) {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatalf("storetest: no directory holding the go.mod of %s above this package's source or the working directory; the fixtures are read from there", modulePath)
		}
		dir = up
	}
}

// modulePath is the module whose fixtures the suite reads.
const modulePath = "github.com/claimtrail/claimtrail"

// isModuleRoot reports whether dir holds the go.mod of modulePath.
func isModuleRoot(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	for line := range strings.Lines(string(b)) {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" && strings.Trim(f[1], `"`) == modulePath {
			return true
		}
	}
	return false
}

// Sample returns the module's sample corpus, testdata/corpus.json, read
// from the module's directory whatever the caller's; a corpus that does
// not load fails the test. It costs loading the file, a few kilobytes.
func Sample(t testing.TB) *claim.Corpus {
	t.Helper()
	c, err := claim.Load(filepath.Join(moduleRoot(t), "testdata", "corpus.json"))
	require.NoError(t, err)
	return c
}

// Run runs the store suite against stores that open returns: each call must
// give a store holding no story, closed when the test ends.
func Run(t *testing.T, open func(t *testing.T) story.Store) {
	t.Run("empty", func(t *testing.T) { testEmpty(t, open(t)) })
	t.Run("round-trip", func(t *testing.T) { testRoundTrip(t, open(t)) })
	t.Run("all-or-nothing", func(t *testing.T) { testAllOrNothing(t, open(t)) })
	t.Run("import-export", func(t *testing.T) { testImportExport(t, open(t)) })
	t.Run("follow", func(t *testing.T) { testFollow(t, open(t)) })
	t.Run("machine-accepted", func(t *testing.T) { testMachine(t, open(t)) })
	t.Run("stories-apart", func(t *testing.T) { testApart(t, open(t)) })
	t.Run("cancelled", func(t *testing.T) { testCancelled(t, open(t)) })
	t.Run("heads", func(t *testing.T) { testHeads(t, open(t)) })
	t.Run("two-stories", func(t *testing.T) { testTwoStories(t, open(t)) })
	t.Run("retry", func(t *testing.T) { testRetry(t, open(t)) })
}

var ctx = context.Background()

func testEmpty(t *testing.T, st story.Store) {
	b, err := st.Load(ctx, "never-written", 0)
	require.NoError(t, err)
	assert.Empty(t, b.Sources)
	assert.Empty(t, b.Articles)
	assert.Empty(t, b.Decisions)
}

func at(day int) time.Time { return time.Date(2025, 3, day, 12, 0, 0, 0, time.UTC) }

// sample returns a batch with one of everything.
func sample(prefix string) *story.Batch {
	ct := claim.CTMinus()
	return &story.Batch{
		Sources:  []source.Source{{ID: source.ID(prefix + "src"), Name: "Halden " + prefix, Kind: source.KindAgency, Aliases: []string{"the authority " + prefix}}},
		Articles: []story.StoredArticle{{Article: source.Article{ID: source.ArticleID(prefix + "a"), Published: at(2), Text: "Halden denied it.\n", Title: "Ünïcode “title”"}, After: 3}},
		Claims:   []claim.Claim{{ID: claim.ID(prefix + "c"), Text: "Fuel leaked", Event: claim.MustParseDate("2025-03")}},
		Statements: []claim.Statement{{ID: claim.StatementID(prefix + "s"), Claim: claim.ID(prefix + "c"), Source: source.ID(prefix + "src"),
			Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.MustParseDate("2025-03-01")}},
		Decisions: []story.Decision{
			{Kind: story.KindCreateClaim, Claim: claim.ID(prefix + "k"), Text: "t", By: "ana", At: at(3)},
			{Kind: story.KindAccept, Key: story.Key(prefix + "a#7:0011aabb"), Factuality: &ct, Note: "ünïcode"},
		},
	}
}

func testRoundTrip(t *testing.T, st story.Store) {
	first, second := sample("x"), sample("y")
	require.NoError(t, Append(ctx, st, "rt", first))
	require.NoError(t, Append(ctx, st, "rt", second))
	got, err := st.Load(ctx, "rt", 0)
	require.NoError(t, err)
	want := &story.Batch{
		Sources:    append(first.Sources, second.Sources...),
		Articles:   append(first.Articles, second.Articles...),
		Claims:     append(first.Claims, second.Claims...),
		Statements: append(first.Statements, second.Statements...),
		Decisions:  append(first.Decisions, second.Decisions...),
	}
	for i := range want.Decisions {
		want.Decisions[i].Seq = int64(i + 1)
	}
	want.Head = 2
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}
}

func testAllOrNothing(t *testing.T, st story.Store) {
	require.NoError(t, Append(ctx, st, "aon", sample("x")))
	tests := []struct {
		name string
		b    *story.Batch
	}{
		{name: "source", b: &story.Batch{Decisions: sample("z").Decisions, Sources: sample("x").Sources}},
		{name: "article", b: &story.Batch{Decisions: sample("z").Decisions, Articles: sample("x").Articles}},
		{name: "claim", b: &story.Batch{Decisions: sample("z").Decisions, Claims: sample("x").Claims}},
		{name: "statement", b: &story.Batch{Decisions: sample("z").Decisions, Statements: sample("x").Statements}},
		{name: "within", b: &story.Batch{Sources: append(sample("w").Sources, sample("w").Sources...)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Append(ctx, st, "aon", tc.b)
			assert.ErrorIs(t, err, story.ErrDuplicateID)
			got, err := st.Load(ctx, "aon", 0)
			require.NoError(t, err)
			assert.Len(t, got.Decisions, 2, "a failed batch writes nothing")
			assert.Len(t, got.Sources, 1)
		})
	}
}

func testImportExport(t *testing.T, st story.Store) {
	marked := Sample(t)
	for i := range marked.Statements {
		marked.Statements[i].MachineAccepted = i%2 == 0
	}
	tests := []struct {
		name string
		c    *claim.Corpus
	}{
		{name: "sample", c: Sample(t)},
		{name: "machine-accepted", c: marked},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c
			require.NoError(t, story.Import(ctx, st, tc.name, c))
			got, err := story.Export(ctx, st, tc.name)
			require.NoError(t, err)
			if diff := cmp.Diff(c, got); diff != "" {
				t.Errorf("Export(Import(corpus)) mismatch (-want +got):\n%s", diff)
			}
			a, _ := json.Marshal(c)
			b, _ := json.Marshal(got)
			assert.JSONEq(t, string(a), string(b), "the corpus JSON goes through the store unchanged")
			s, _, err := story.Open(ctx, st, tc.name, story.Options{})
			require.NoError(t, err)
			for _, x := range c.Statements {
				assert.Equal(t, x.MachineAccepted, s.MachineAccepted(x.ID), "MachineAccepted(%s) of the imported story", x.ID)
			}
			nothing, err := st.Load(ctx, tc.name, 1)
			require.NoError(t, err)
			assert.Equal(t, &story.Batch{Head: 1, Format: c.Format}, nothing, "nothing after the head, and the story's format")
			assert.ErrorIs(t, story.Import(ctx, st, tc.name, c), story.ErrDuplicateID)
		})
	}
	c := Sample(t)
	bad := *c
	bad.Statements = append([]claim.Statement{{ID: "s", Claim: "nope", Source: "absent", Act: claim.ActAssert}}, c.Statements...)
	assert.ErrorIs(t, story.Import(ctx, st, "bad", &bad), claim.ErrUnknownClaim)
}

// Fixture returns the fictional story of examples/follow-story: its
// sources, its articles in order, and its decisions, read from the
// module's directory whatever the caller's.
func Fixture(t testing.TB) ([]source.Source, []source.Article, []story.Decision) {
	t.Helper()
	return FixtureIn(t, filepath.Join(moduleRoot(t), "examples", "follow-story", "testdata"))
}

// FixtureIn returns the fictional story of examples/follow-story read from
// its directory dir: a copy of it, or one changed for a test.
func FixtureIn(t testing.TB, dir string) ([]source.Source, []source.Article, []story.Decision) {
	t.Helper()
	var srcs []source.Source
	b, err := os.ReadFile(filepath.Join(dir, "sources.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &srcs))
	var list []struct {
		ID        source.ArticleID `json:"id"`
		File      string           `json:"file"`
		Outlet    source.ID        `json:"outlet"`
		Published time.Time        `json:"published"`
		Title     string           `json:"title"`
	}
	b, err = os.ReadFile(filepath.Join(dir, "articles.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &list))
	var arts []source.Article
	for _, a := range list {
		text, err := os.ReadFile(filepath.Join(dir, a.File))
		require.NoError(t, err)
		arts = append(arts, source.Article{ID: a.ID, Outlet: a.Outlet, Published: a.Published, Title: a.Title, Text: string(text)})
	}
	f, err := os.Open(filepath.Join(dir, "decisions.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	ds, err := story.ReadDecisions(f)
	require.NoError(t, err)
	return srcs, arts, ds
}

func testFollow(t *testing.T, st story.Store) {
	srcs, arts, ds := Fixture(t)
	s, r, err := story.Open(ctx, st, "follow", story.Options{Sources: srcs, Unattended: 0.85})
	require.NoError(t, err)
	assert.Empty(t, r.Applied)
	mem, err := story.New("follow", story.Options{Sources: srcs, Unattended: 0.85})
	require.NoError(t, err)
	next := 0
	for _, a := range arts {
		_, err := s.Add(ctx, a)
		require.NoError(t, err)
		_, err = mem.Add(ctx, a)
		require.NoError(t, err)
		var batch []story.Decision
		for ; next < len(ds); next++ {
			if id, ok := ds[next].About(); ok {
				if _, known := s.Proposals(id); !known {
					break
				}
			}
			batch = append(batch, ds[next])
		}
		_, err = s.Apply(ctx, batch...)
		require.NoError(t, err)
		_, err = mem.Apply(ctx, batch...)
		require.NoError(t, err)
	}
	again, r, err := story.Open(ctx, st, "follow", story.Options{Unattended: 0.85})
	require.NoError(t, err)
	assert.Empty(t, r.Failed)
	if diff := cmp.Diff(mem.Corpus(), again.Corpus()); diff != "" {
		t.Errorf("reopened story mismatch (-in memory +reopened):\n%s", diff)
	}
	if diff := cmp.Diff(mem.Decisions(), again.Decisions()); diff != "" {
		t.Errorf("reopened log mismatch (-in memory +reopened):\n%s", diff)
	}
	for _, d := range mem.Decisions() {
		if d.By == story.MachineBy {
			st, ok := again.StatementOf(d.Key)
			if ok {
				assert.Equal(t, mem.MachineAccepted(st.ID), again.MachineAccepted(st.ID), st.ID)
				assert.Equal(t, st.MachineAccepted, again.MachineAccepted(st.ID), "the statement carries the mark: %s", st.ID)
			}
		}
	}
}

// testMachine follows the fictional story unattended, with no person's
// decision, and checks that the statements the machine accepted keep
// their mark through the store, through Export, and through Import into
// another story.
func testMachine(t *testing.T, st story.Store) {
	srcs, arts, _ := Fixture(t)
	s, _, err := story.Open(ctx, st, "unattended", story.Options{Sources: srcs, Unattended: 0.8})
	require.NoError(t, err)
	// A candidate the machine accepts as a new mention of a statement it
	// accepted before adds no statement.
	accepted := map[claim.StatementID]bool{}
	for _, a := range arts {
		added, err := s.Add(ctx, a)
		require.NoError(t, err)
		for _, d := range added.Machine {
			st, ok := s.StatementOf(d.Key)
			require.True(t, ok, d.Key)
			accepted[st.ID] = true
		}
	}
	machine := len(accepted)
	require.Positive(t, machine, "the unattended mode accepted something")
	count := func(c *claim.Corpus) int {
		n := 0
		for _, x := range c.Statements {
			if x.MachineAccepted {
				n++
			}
		}
		return n
	}
	assert.Equal(t, machine, count(s.Corpus()), "machine-accepted statements in the story's corpus")
	out, err := story.Export(ctx, st, "unattended")
	require.NoError(t, err)
	// A statement accepted from a candidate has an empty Via where the
	// store gives none: the same.
	if diff := cmp.Diff(s.Corpus(), out, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Export(story) mismatch (-want +got):\n%s", diff)
	}
	require.NoError(t, story.Import(ctx, st, "unattended-copy", out))
	back, err := story.Export(ctx, st, "unattended-copy")
	require.NoError(t, err)
	if diff := cmp.Diff(out, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Export(Import(Export(story))) mismatch (-want +got):\n%s", diff)
	}
	a, _ := json.Marshal(out)
	b, _ := json.Marshal(back)
	assert.JSONEq(t, string(a), string(b), "the corpus JSON goes through the store unchanged")
	assert.Equal(t, machine, count(back), "machine-accepted statements after the round trip")
	copied, _, err := story.Open(ctx, st, "unattended-copy", story.Options{})
	require.NoError(t, err)
	for _, x := range back.Statements {
		assert.Equal(t, x.MachineAccepted, copied.MachineAccepted(x.ID), "MachineAccepted(%s) of the imported story", x.ID)
	}
}

func testApart(t *testing.T, st story.Store) {
	require.NoError(t, Append(ctx, st, "one", sample("x")))
	require.NoError(t, Append(ctx, st, "two", sample("x")), "IDs are per story")
	b, err := st.Load(ctx, "two", 0)
	require.NoError(t, err)
	assert.Len(t, b.Decisions, 2)
	assert.Equal(t, int64(1), b.Decisions[0].Seq)
}

func testCancelled(t *testing.T, st story.Store) {
	c, cancel := context.WithCancel(ctx)
	cancel()
	assert.ErrorIs(t, Append(c, st, "c", sample("x")), context.Canceled)
	_, err := st.Load(c, "c", 0)
	assert.ErrorIs(t, err, context.Canceled)
}

// The child process's orders, in the environment.
const (
	envChild = "CLAIMTRAIL_STORETEST_CHILD"
	envDSN   = "CLAIMTRAIL_STORETEST_DSN"
	// batchSize is the number of decisions and claims in one batch a child
	// writes.
	batchSize = 50
)

// Main runs the tests, or, in a child process that Processes started, the
// writer it was asked to be, with a store that open opens from the string
// Processes was given. A backend's TestMain calls it.
func Main(m *testing.M, open func(dsn string) (story.Store, error)) {
	orders := os.Getenv(envChild)
	if orders == "" {
		os.Exit(m.Run())
	}
	if err := child(orders, os.Getenv(envDSN), open); err != nil {
		fmt.Fprintln(os.Stderr, "storetest child:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// child writes batches to a story: "ID PREFIX N" writes N batches (N 0: until
// killed), each of batchSize decisions and as many claims, and prints
// "committed K" after batch K commits.
func child(orders, dsn string, open func(string) (story.Store, error)) error {
	if rest, ok := strings.CutPrefix(orders, "decide "); ok {
		return decider(rest, dsn, open)
	}
	var id, prefix string
	var n int
	if _, err := fmt.Sscan(orders, &id, &prefix, &n); err != nil {
		return fmt.Errorf("orders %q: %w", orders, err)
	}
	st, err := open(dsn)
	if err != nil {
		return err
	}
	for k := 1; n == 0 || k <= n; k++ {
		if err := Append(context.Background(), st, id, batch(prefix, k)); err != nil {
			return err
		}
		if _, err := fmt.Printf("committed %d\n", k); err != nil {
			return err
		}
	}
	return nil
}

// batch returns batch k of a writer: decisions and claims named
// PREFIX-K-I, the same number of each.
func batch(prefix string, k int) *story.Batch {
	b := &story.Batch{}
	for i := range batchSize {
		id := claim.ID(prefix + "-" + strconv.Itoa(k) + "-" + strconv.Itoa(i))
		b.Claims = append(b.Claims, claim.Claim{ID: id, Text: "claim " + string(id)})
		b.Decisions = append(b.Decisions, story.Decision{Kind: story.KindRenameClaim, Claim: id, Text: "renamed " + string(id), By: prefix})
	}
	return b
}

// Append appends b to the story whatever its head (story.AnyHead), for
// tests that write batches without following a story.
func Append(ctx context.Context, st story.Store, id string, b *story.Batch) error {
	_, err := st.Append(ctx, id, story.AnyHead, b)
	return err
}
