package storetest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/story"
)

// Processes runs the tests that need other processes, writing through
// stores opened from dsn (in this process with open, in the children with
// the function given to Main): a writer killed with SIGKILL in the middle of
// its batches leaves every batch it reported committed, whole, and no
// batch in part; two writers appending to one story at once lose nothing;
// two programs deciding on one story's candidates at once, each against
// the head it opened the story at, decide each candidate once between
// them, the other's decision refused, never overwritten. story names the
// stories it writes, which must hold nothing.
func Processes(t *testing.T, dsn, story string, open func(dsn string) (story.Store, error)) {
	t.Run("sigkill", func(t *testing.T) { testKill(t, dsn, story+"-kill", open) })
	t.Run("two-writers", func(t *testing.T) { testTwoWriters(t, dsn, story+"-two", open) })
	t.Run("two-deciders", func(t *testing.T) { testTwoDeciders(t, dsn, story+"-decide", open) })
}

// start starts a child writer.
func start(t *testing.T, dsn, orders string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChild+"="+orders, envDSN+"="+dsn)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	return cmd, bufio.NewScanner(out)
}

func testKill(t *testing.T, dsn, id string, open func(string) (story.Store, error)) {
	cmd, lines := start(t, dsn, id+" k 0")
	committed := 0
	for lines.Scan() {
		if _, err := fmt.Sscanf(lines.Text(), "committed %d", &committed); err != nil {
			t.Fatalf("child wrote %q", lines.Text())
		}
		if committed == 20 {
			break
		}
	}
	require.Equal(t, 20, committed, "the child stopped before 20 batches")
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	for lines.Scan() {
		_, _ = fmt.Sscanf(lines.Text(), "committed %d", &committed) // reported before the signal landed; a line cut by the kill is no report
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "the child was killed")

	st := reopen(t, dsn, open)
	b, err := st.Load(ctx, id, 0)
	require.NoError(t, err)
	perBatch := map[string]int{}
	for _, d := range b.Decisions {
		perBatch[batchOf(string(d.Claim))]++
	}
	claims := map[string]int{}
	for _, c := range b.Claims {
		claims[batchOf(string(c.ID))]++
	}
	for k := 1; k <= committed; k++ {
		name := fmt.Sprintf("k-%d", k)
		assert.Equal(t, batchSize, perBatch[name], "decisions of committed batch %s", name)
		assert.Equal(t, batchSize, claims[name], "claims of committed batch %s", name)
	}
	for name, n := range perBatch {
		assert.Equal(t, batchSize, n, "batch %s is whole or absent", name)
		assert.Equal(t, batchSize, claims[name], "batch %s is whole or absent", name)
	}
	assert.LessOrEqual(t, len(perBatch), committed+1, "at most the batch being written when killed is there unreported")
	for i, d := range b.Decisions {
		assert.Equal(t, int64(i+1), d.Seq)
	}
}

// reopen opens the store again in this process, closed when the test
// ends if it has a Close method.
func reopen(t *testing.T, dsn string, open func(string) (story.Store, error)) story.Store {
	t.Helper()
	st, err := open(dsn)
	require.NoError(t, err)
	if c, ok := st.(io.Closer); ok {
		t.Cleanup(func() { c.Close() })
	}
	return st
}

// batchOf returns "PREFIX-K" of "PREFIX-K-I".
func batchOf(id string) string {
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return id
	}
	return id[:i]
}

func testTwoWriters(t *testing.T, dsn, id string, open func(string) (story.Store, error)) {
	const n = 15
	a, linesA := start(t, dsn, fmt.Sprintf("%s a %d", id, n))
	b, linesB := start(t, dsn, fmt.Sprintf("%s b %d", id, n))
	done := make(chan int, 2)
	count := func(s *bufio.Scanner) {
		k := 0
		for s.Scan() {
			k++
		}
		done <- k
	}
	go count(linesA)
	go count(linesB)
	assert.Equal(t, 2*n, <-done+<-done)
	require.NoError(t, a.Wait())
	require.NoError(t, b.Wait())

	st := reopen(t, dsn, open)
	got, err := st.Load(ctx, id, 0)
	require.NoError(t, err)
	assert.Len(t, got.Decisions, 2*n*batchSize, "no decision lost")
	assert.Len(t, got.Claims, 2*n*batchSize, "no claim lost")
	seen := map[string]bool{}
	for i, d := range got.Decisions {
		assert.Equal(t, int64(i+1), d.Seq, "one sequence for both writers")
		seen[string(d.Claim)] = true
	}
	assert.Len(t, seen, 2*n*batchSize)
}

// decider follows the orders "ID BY forward|backward HEAD": it opens the
// story ID and rejects each candidate of its articles, as By BY, in order
// or in reverse, each against head HEAD (where the story stood when both
// deciders were started), and prints "ok KEY" for a decision made and
// "refused KEY" for one refused because another program decided the
// candidate after HEAD.
func decider(orders, dsn string, open func(string) (story.Store, error)) error {
	var id, by, dir string
	var seen int64
	if _, err := fmt.Sscan(orders, &id, &by, &dir, &seen); err != nil {
		return fmt.Errorf("orders %q: %w", orders, err)
	}
	st, err := open(dsn)
	if err != nil {
		return err
	}
	s, _, err := story.Open(ctx, st, id, story.Options{})
	if err != nil {
		return err
	}
	var pending []story.Proposal
	for _, a := range s.Corpus().Articles {
		added, _ := s.Proposals(a.ID)
		pending = append(pending, added.Candidates...)
	}
	if dir == "backward" {
		slices.Reverse(pending)
	}
	for _, p := range pending {
		for {
			_, err := s.ApplySeen(ctx, seen, story.Decision{Kind: story.KindReject, Key: p.Key, By: by})
			var de *story.DecidedError
			switch {
			case err == nil:
				fmt.Println("ok", p.Key)
			case errors.As(err, &de):
				fmt.Println("refused", p.Key)
			case errors.Is(err, story.ErrConflict):
				continue // the other program wrote at each try: try again
			default:
				return err
			}
			break
		}
	}
	return nil
}

func testTwoDeciders(t *testing.T, dsn, id string, open func(string) (story.Store, error)) {
	srcs, arts, _ := Fixture(t)
	st := reopen(t, dsn, open)
	s, _, err := story.Open(ctx, st, id, story.Options{Sources: srcs})
	require.NoError(t, err)
	for _, a := range arts[:4] {
		_, err := s.Add(ctx, a)
		require.NoError(t, err)
	}
	var keys []story.Key
	for _, p := range s.Pending() {
		keys = append(keys, p.Key)
	}
	require.Greater(t, len(keys), 10)

	head := strconv.FormatInt(s.Head(), 10)
	a, linesA := start(t, dsn, "decide "+id+" a forward "+head)
	b, linesB := start(t, dsn, "decide "+id+" b backward "+head)
	type said struct {
		by   string
		word string
		key  story.Key
	}
	out := make(chan []said, 2)
	read := func(by string, sc *bufio.Scanner) {
		var got []said
		for sc.Scan() {
			word, key, _ := strings.Cut(sc.Text(), " ")
			got = append(got, said{by: by, word: word, key: story.Key(key)})
		}
		out <- got
	}
	go read("a", linesA)
	go read("b", linesB)
	all := append(<-out, <-out...)
	require.NoError(t, a.Wait())
	require.NoError(t, b.Wait())

	okBy := map[story.Key]string{}
	tried := map[story.Key]int{}
	refused := 0
	for _, x := range all {
		tried[x.key]++
		switch x.word {
		case "ok":
			assert.Empty(t, okBy[x.key], "%s decided by both", x.key)
			okBy[x.key] = x.by
		case "refused":
			refused++
		default:
			t.Fatalf("a decider wrote %q", x.word)
		}
	}
	t.Logf("%d candidates, %d decisions refused", len(keys), refused)
	for _, k := range keys {
		assert.Equal(t, 2, tried[k], "each decider tried %s once", k)
		assert.NotEmpty(t, okBy[k], "%s decided by one of them", k)
	}

	got, err := st.Load(ctx, id, 0)
	require.NoError(t, err)
	inLog := map[story.Key]string{}
	for i, d := range got.Decisions {
		assert.Equal(t, int64(i+1), d.Seq, "one sequence for both")
		assert.Empty(t, inLog[d.Key], "%s is in the log twice", d.Key)
		inLog[d.Key] = d.By
	}
	assert.Equal(t, okBy, inLog, "the log holds each decision made, by whom it says, and nothing refused")
}
