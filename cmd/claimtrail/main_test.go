package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testNow is the time the command sees in tests.
var testNow = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

// The fictional story of examples/follow-story: its sources, its articles
// (read through a manifest of this package's testdata) and its decisions.
var (
	storySources   = filepath.Join("..", "..", "examples", "follow-story", "testdata", "sources.json")
	storyDecisions = filepath.Join("..", "..", "examples", "follow-story", "testdata", "decisions.jsonl")
	storyManifest  = filepath.Join("testdata", "follow-story.jsonl")
	storyArticles  = filepath.Join("..", "..", "examples", "follow-story", "testdata", "articles")
)

// cliRun runs the command in a store of its own.
type cliRun struct {
	t     *testing.T
	store string
	env   map[string]string
}

// in returns the runner reporting to t, for subtests.
func (c *cliRun) in(t *testing.T) *cliRun {
	d := *c
	d.t = t
	return &d
}

// newCLI returns a runner whose store is a fresh temporary directory.
func newCLI(t *testing.T) *cliRun {
	t.Helper()
	dir := t.TempDir()
	return &cliRun{t: t, store: filepath.Join(dir, "store"), env: map[string]string{"USER": "tester"}}
}

// run runs the command with stdin and returns its output and exit status.
func (c *cliRun) run(stdin string, args ...string) (stdout, stderr string, code int) {
	c.t.Helper()
	var out, errs bytes.Buffer
	env := map[string]string{"CLAIMTRAIL_STORE": c.store}
	for k, v := range c.env {
		env[k] = v
	}
	code = run(context.Background(), args, env2(&out, &errs, strings.NewReader(stdin), env))
	return out.String(), errs.String(), code
}

// ok runs the command and requires it to succeed.
func (c *cliRun) ok(args ...string) string {
	c.t.Helper()
	out, errs, code := c.run("", args...)
	require.Equal(c.t, 0, code, "claimtrail %s: exit status; stderr:\n%s", strings.Join(args, " "), errs)
	assert.Empty(c.t, errs, "claimtrail %s: stderr", strings.Join(args, " "))
	return out
}

func env2(stdout, stderr io.Writer, stdin io.Reader, vars map[string]string) env {
	return env{
		stdin: stdin, stdout: stdout, stderr: stderr,
		getenv:  func(k string) string { return vars[k] },
		tty:     func(io.Writer) bool { return false },
		now:     func() time.Time { return testNow },
		account: func() string { return vars["test-account"] },
	}
}

// golden compares got with testdata/NAME, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to write it")
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// followStory creates the fictional story, adds its articles and applies
// its decisions.
func followStory(t *testing.T) *cliRun {
	t.Helper()
	c := newCLI(t)
	c.ok("init", "norland", "--sources", storySources)
	c.ok("add", "--manifest", storyManifest, "--dir", storyArticles)
	c.ok("decide", storyDecisions)
	return c
}

func TestFollowStory(t *testing.T) {
	c := newCLI(t)
	golden(t, "init.golden", strings.ReplaceAll(c.ok("init", "norland", "--sources", storySources), c.store, "STORE"))
	golden(t, "add.golden", c.ok("add", "--manifest", storyManifest, "--dir", storyArticles))
	golden(t, "decide.golden", c.ok("decide", storyDecisions))
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"status", []string{"status"}},
		{"status-v", []string{"status", "-v"}},
		{"pending", []string{"pending"}},
		{"history", []string{"history", "shipments"}},
		{"changes", []string{"changes", "ledger-03-04"}},
		{"sources", []string{"sources"}},
		{"articles", []string{"articles"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden(t, tc.name+".golden", c.in(t).ok(tc.args...))
		})
	}
	t.Run("json", func(t *testing.T) {
		c := c.in(t)
		var rows []claimStatus
		require.NoError(t, json.Unmarshal([]byte(c.ok("status", "--json")), &rows))
		require.Len(t, rows, 5)
		assert.Equal(t, claim.ID("shipments"), rows[0].Claim)
		assert.Equal(t, "confirmed", rows[0].Status.String())
		for _, args := range [][]string{
			{"pending", "--json"}, {"history", "shipments", "--json"}, {"changes", "ledger-03-04", "--json"},
			{"sources", "--json"}, {"articles", "--json"},
		} {
			assert.True(t, json.Valid([]byte(c.ok(args...))), "claimtrail %s: not JSON", strings.Join(args, " "))
		}
	})
}

func TestExportImport(t *testing.T) {
	c := followStory(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		format, file string
	}{
		{"corpus", "story.json"},
		{"jsonl", "story.jsonl"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			c := c.in(t)
			path := filepath.Join(dir, tc.file)
			c.ok("export", "--story", "norland", "--format", tc.format, "-o", path)
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			c.ok("import", "--story", "copy-"+tc.format, path)
			got := c.ok("export", "--story", "copy-"+tc.format, "--format", tc.format)
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("export after import mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, c.ok("status", "--json", "--story", "norland"), c.ok("status", "--json", "--story", "copy-"+tc.format))
		})
	}
	t.Run("csv", func(t *testing.T) {
		c := c.in(t)
		path := filepath.Join(dir, "mentions.csv")
		c.ok("export", "--story", "norland", "--format", "csv", "-o", path)
		// Alone, the table cannot say what a corpus knows beyond it: the
		// import says what it built from the table alone.
		_, errs, code := c.run("", "import", "--story", "sheet", path)
		require.Equal(t, 0, code, errs)
		assert.Contains(t, errs, "note: ")
		assert.Contains(t, errs, "from the table alone")
		// The table holds what the mentions say; a second trip through it
		// changes nothing.
		again := filepath.Join(dir, "again.csv")
		c.ok("export", "--story", "sheet", "--format", "csv", "-o", again)
		_, errs, code = c.run("", "import", "--story", "sheet2", again)
		require.Equal(t, 0, code, errs)
		assert.Equal(t, c.ok("export", "--story", "sheet", "--format", "corpus"), c.ok("export", "--story", "sheet2", "--format", "corpus"))

		// Onto the corpus it was exported from, an edited table comes back
		// with nothing lost: the same statuses as the story.
		base := filepath.Join(dir, "base.json")
		c.ok("export", "--story", "norland", "--format", "corpus", "-o", base)
		c.ok("import", "--story", "sheet3", "--base", base, path)
		assert.Equal(t, c.ok("status", "--json", "--story", "norland"), c.ok("status", "--json", "--story", "sheet3"))
		_, errs, code = c.run("", "import", "--story", "sheet4", "--base", base, "--format", "jsonl", path)
		assert.Equal(t, 2, code, errs)
		assert.Contains(t, errs, "--base goes with a mentions table")
	})
	t.Run("decisions", func(t *testing.T) {
		c := c.in(t)
		// The decision log applied to the same articles in a new story
		// gives the same story.
		path := filepath.Join(dir, "decisions.jsonl")
		c.ok("export", "--story", "norland", "--format", "decisions", "-o", path)
		c.ok("init", "again", "--sources", storySources)
		c.ok("add", "--story", "again", "--manifest", storyManifest, "--dir", storyArticles)
		c.ok("import", "--story", "again", "--format", "decisions", path)
		assert.Equal(t, c.ok("export", "--story", "norland", "--format", "corpus"), c.ok("export", "--story", "again", "--format", "corpus"))
	})
	t.Run("tables", func(t *testing.T) {
		c := c.in(t)
		for _, f := range []string{"claims-csv", "history-csv", "sources-csv", "events-csv", "schemaorg"} {
			out := c.ok("export", "--story", "norland", "--format", f)
			assert.NotEmpty(t, out, f)
		}
	})
}

func TestAddForms(t *testing.T) {
	articles := filepath.Join("..", "..", "examples", "follow-story", "testdata", "articles")
	one := filepath.Join(articles, "03-ledger-denial.txt")
	text, err := os.ReadFile(one)
	require.NoError(t, err)
	tests := []struct {
		name  string
		stdin string
		args  []string
		ids   []string
	}{
		{"file", "", []string{"--published", "2025-03-04", "--outlet", "ledger", one}, []string{"03-ledger-denial"}},
		{"file-with-id", "", []string{"--published", "2025-03-04T12:00:00Z", "--id", "ledger", "--title", "Denial", one}, []string{"ledger"}},
		{"folder", "", []string{"--published", "2025-03-20", articles}, []string{
			"01-herald-accusation", "02-courier-reprint", "03-ledger-denial", "04-herald-southvale",
			"05-courier-monitors", "06-ledger-admission", "07-herald-sanctions", "08-courier-dealer"}},
		{"stdin", string(text), []string{"--published", "2025-03-04", "--id", "from-stdin", "-"}, []string{"from-stdin"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCLI(t)
			c.ok("init", "s", "--sources", storySources)
			out, errs, code := c.run(tc.stdin, append([]string{"add"}, tc.args...)...)
			require.Equal(t, 0, code, errs)
			assert.Contains(t, out, "candidates wait for review")
			var corpus claim.Corpus
			// Articles with no accepted statement are in the corpus too.
			require.NoError(t, json.Unmarshal([]byte(c.ok("export", "--format", "corpus")), &corpus))
			var ids []string
			for _, a := range corpus.Articles {
				ids = append(ids, string(a.ID))
			}
			assert.Equal(t, tc.ids, ids)
		})
	}
}

func TestErrors(t *testing.T) {
	c := followStory(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		return path
	}
	article := write("a.txt", "Westmark said on Monday that the trains ran at night.")
	long := strings.Repeat("Westmark said that the trains ran at night. ", maxArticle/44+1)[:maxArticle+1]
	big := write("big.txt", long)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string
	}{
		{"unknown-command", "", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown-flag", "", []string{"status", "--colour"}, 2, "unknown flag: --colour"},
		{"extra-argument", "", []string{"status", "now"}, 2, "Run 'claimtrail status --help'"},
		{"missing-argument", "", []string{"history"}, 2, "want 1 argument(s), CLAIM"},
		{"missing-file", "", []string{"add", "--published", "2025-03-20", filepath.Join(dir, "nope.txt")}, 1, "nope.txt: no such file"},
		{"bad-date", "", []string{"add", "--published", "2025-02-30", article}, 2, `"2025-02-30" is not a date`},
		{"no-date", "", []string{"add", article}, 2, "--published: missing"},
		{"stdin-without-id", "x", []string{"add", "--published", "2025-03-20", "-"}, 2, "needs --id"},
		{"unknown-outlet", "", []string{"add", "--published", "2025-03-20", "--outlet", "gazette", article}, 1, `outlet "gazette" is not a source`},
		{"duplicate-article", "", []string{"add", "--published", "2025-03-20", "--id", "ledger-03-04", article}, 1, `already holds an article "ledger-03-04"`},
		{"unknown-story", "", []string{"status", "--story", "elsewhere"}, 1, `no story "elsewhere"`},
		{"bad-story-name", "", []string{"status", "--story", "../x"}, 2, `--story "../x"`},
		{"unknown-key", "", []string{"accept", "ledger-03-04#1:00000000"}, 1, "no candidate ledger-03-04#1:00000000"},
		{"malformed-key", "", []string{"reject", "no-key-here"}, 2, "reject no-key-here"},
		{"unknown-source-proposal", "", []string{"accept", "new:nobody@ledger-03-04"}, 1, "no proposed source new:nobody@ledger-03-04"},
		{"unknown-claim", "", []string{"history", "moon-landing"}, 1, `no claim "moon-landing"`},
		{"accept-onto-unknown-claim", "", []string{"accept", "ledger-03-04#23:6e7f5eec", "--claim", "moon-landing"}, 1, "moon-landing"},
		{"unknown-article", "", []string{"changes", "gazette-01"}, 1, `no article "gazette-01"`},
		{"bad-act", "", []string{"accept", "ledger-03-04#23:6e7f5eec", "--act", "shout"}, 2, "--act"},
		{"bad-format", "", []string{"export", "--format", "pdf"}, 2, `--format "pdf"`},
		{"init-twice", "", []string{"init", "norland"}, 1, `story "norland" already exists`},
		{"import-existing", "", []string{"import", "--story", "norland", storySources}, 1, "already exists"},
		{"bad-decisions", "{\"kind\":\"fly\"}\n", []string{"decide", "-"}, 1, "line 1"},
		{"bad-manifest", "", []string{"add", "--manifest", write("m.jsonl", `{"file":"a.txt","published":"March"}`)}, 1, "manifest line 1: published"},
		{"manifest-and-files", "", []string{"add", "--manifest", "m.jsonl", article}, 2, "not both"},
		{"year-one", "", []string{"add", "--published", "0001-01-01", article}, 2, `"0001-01-01" is in the year 1`},
		{"far-future", "", []string{"add", "--published", "3025-03-02", article}, 2, `"3025-03-02" is in the future (after 2026-01-16)`},
		{"dir-without-manifest", "", []string{"add", "--published", "2025-03-20", "--dir", dir, article}, 2, "--dir"},
		{"manifest-absolute-file", "", []string{"add", "--manifest", write("abs.jsonl", `{"file":"`+article+`","published":"2025-03-20"}`)}, 1, "manifest line 1: file: \"" + article + "\" is not inside the manifest's folder"},
		{"manifest-climbing-file", "", []string{"add", "--manifest", write("up.jsonl", `{"file":"../a.txt","published":"2025-03-20"}`)}, 1, "manifest line 1: file"},
		{"manifest-every-line", "", []string{"add", "--manifest", write("bad.jsonl", "{\"file\":\"a.txt\"}\n{\"file\":\"a.txt\",\"published\":\"2025-03-20\"}\n{\"file\":\"/a.txt\",\"published\":\"2025-03-20\"}")}, 1, "2 problems:\n  manifest line 1: published: missing"},
		{"decisions-every-line", "{\"kind\":\"fly\"}\n\n{\"kind\":\"accept\"}\n", []string{"decide", "-"}, 1, "2 problems:\n  story: line 1.kind"},
		{"decide-unknown-key", `{"kind":"accept","key":"ledger-03-04#1:00000000"}`, []string{"decide", "-"}, 1, "nothing applied: line 1: no candidate ledger-03-04#1:00000000"},
		{"decide-unknown-article", `{"kind":"accept","key":"gazette-01#1:00000000"}`, []string{"decide", "-"}, 1, "line 1: no article gazette-01 in story norland"},
		{"import-unknown-key", `{"kind":"reject","key":"ledger-03-04#1:00000000"}`, []string{"import", "--format", "decisions", "-"}, 1, "no candidate ledger-03-04#1:00000000"},
		{"article-too-large", "", []string{"add", "--published", "2025-03-20", article, big}, 1, "big.txt: 257 KiB (262145 bytes), longer than the 256 KiB (262144 bytes) an article may be"},
		{"stdin-too-large", long, []string{"add", "--published", "2025-03-20", "--id", "big", "-"}, 1, "standard input: more than 256 KiB (262144 bytes), longer than"},
		{"manifest-text-too-large", "", []string{"add", "--manifest", write("big.jsonl", `{"id":"big","text":"`+long+`","published":"2025-03-20"}`)}, 1, "big.jsonl: article big: 257 KiB (262145 bytes), longer than"},
		{"actor-unknown-role", "", []string{"claim", "y", "Text", "--actor", "spy=norland"}, 2, `role "spy": unknown name`},
		{"actor-no-role", "", []string{"claim", "y", "Text", "--actor", "=norland"}, 2, "want ROLE=SOURCE"},
		{"actor-no-source", "", []string{"claim", "y", "Text", "--actor", "accused"}, 2, "want ROLE=SOURCE"},
		{"actor-unknown-source", "", []string{"claim", "y", "Text", "--actor", "accused=nobody"}, 1, `"nobody": unknown source`},
		{"actor-on-rename", "", []string{"claim", "shipments", "Text", "--rename", "--actor", "accused=norland"}, 2, "cannot be changed by --rename"},
		{"serve-bad-port", "", []string{"serve", "--addr", "127.0.0.1:99999"}, 2, `the port "99999" is invalid`},
		{"serve-named-port", "", []string{"serve", "--addr", "127.0.0.1:http"}, 2, `the port "http" is invalid`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := c.run(tc.stdin, tc.args...)
			assert.Equal(t, tc.code, code, "exit status; stderr: %s", errs)
			assert.Contains(t, errs, tc.stderr)
			assert.Equal(t, 1, strings.Count(errs, "claimtrail: "), "the error is printed once: %q", errs)
			assert.Empty(t, out)
		})
	}
	// Nothing above changed the story.
	golden(t, "status.golden", c.ok("status"))
}

func TestStoryChoice(t *testing.T) {
	c := newCLI(t)
	// A read command where there is no store creates none.
	for _, args := range [][]string{{"status"}, {"pending"}, {"serve"}, {"export", "--format", "corpus"}, {"decide", "-"}} {
		_, errs, code := c.run("", args...)
		assert.Equal(t, 2, code, "claimtrail %s", args[0])
		assert.Contains(t, errs, "no story store at "+c.store)
		assert.NoDirExists(t, c.store, "claimtrail %s", args[0])
	}
	require.NoError(t, os.Mkdir(c.store, 0o755))
	_, errs, code := c.run("", "status")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "no story in")
	c.ok("init", "one")
	assert.Contains(t, c.ok("status"), "story one has no claims yet")
	c.ok("init", "two")
	_, errs, code = c.run("", "status")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "2 stories in")
	c.env["CLAIMTRAIL_STORY"] = "two"
	assert.Contains(t, c.ok("status"), "story two has no claims yet")
}

func TestHelp(t *testing.T) {
	c := newCLI(t)
	root := (&app{}).root()
	for _, cmd := range root.Commands() {
		if cmd.Name() == "help" {
			continue
		}
		t.Run(cmd.Name(), func(t *testing.T) {
			out := c.in(t).ok(cmd.Name(), "--help")
			assert.Contains(t, out, "Usage:")
			assert.Contains(t, out, cmd.Long[:20])
		})
	}
	assert.Contains(t, c.ok(), "Available Commands:")
}

// TestHostileText checks that text from articles reaches the terminal
// quoted: no escape sequence or bidirectional override in a title, a
// speaker's name or a quote is printed as it is.
func TestHostileText(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "s")
	dir := t.TempDir()
	path := filepath.Join(dir, "evil.txt")
	text := "\x1b[2JMallory \u202eKnox said on Monday that \x1b]0;owned\x07the trains ran at night.\n\n" +
		"Westmark denied that \u202ethe trains ran at night."
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	outs := []string{c.ok("add", "--published", "2025-03-20", "--title", "Evil \x1b[31mred\u202e title", path)}
	for _, args := range [][]string{{"pending"}, {"pending", "-v"}, {"articles"}, {"articles", "-v"}} {
		outs = append(outs, c.ok(args...))
	}
	// Accepted, the statements show in the read commands too.
	var pend pendingOut
	require.NoError(t, json.Unmarshal([]byte(c.ok("pending", "--json")), &pend))
	require.NotEmpty(t, pend.Candidates)
	c.ok("claim", "trains", "The trains \x1b[5mran\u202e at night")
	for _, p := range pend.Candidates {
		if p.Candidate.Factuality.Polarity != 0 {
			c.ok("accept", string(p.Key), "--claim", "trains")
		}
	}
	for _, args := range [][]string{{"status"}, {"status", "-v"}, {"history", "trains"}, {"changes", "evil"}, {"sources"}} {
		outs = append(outs, c.ok(args...))
	}
	assert.Contains(t, outs[len(outs)-5], "The trains")
	for i, out := range outs {
		assert.NotContains(t, out, "\x1b", "output %d", i)
		assert.NotContains(t, out, "\u202e", "output %d", i)
	}
	assert.Contains(t, outs[0], `"Evil \x1b[31mred\u202e title"`, "the title is shown quoted, with Go escapes")

	// The pages render --out writes replace them with U+FFFD, as the
	// pictures do.
	pictures := filepath.Join(dir, "pictures")
	c.ok("render", "--out", pictures)
	for _, name := range []string{"index.html", "story.svg", "claims/trains.svg"} {
		b, err := os.ReadFile(filepath.Join(pictures, name))
		require.NoError(t, err)
		for _, r := range string(b) {
			if display.Unsafe(r) && r != '\n' && r != '\t' && r != '\r' {
				t.Errorf("%s holds %U", name, r)
				break
			}
		}
		assert.Contains(t, string(b), "The trains \ufffd[5mran\ufffd at night", name)
	}
}

// TestDecisionStamp checks that decisions made on the command line say who
// made them and when, and that those read from a file keep what it says.
func TestDecisionStamp(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		by   string
	}{
		{"user", map[string]string{"USER": "tester"}, nil, "tester"},
		{"by-flag", map[string]string{"USER": "tester"}, []string{"--by", "maria"}, "maria"},
		{"claimtrail-user", map[string]string{"USER": "tester", "CLAIMTRAIL_USER": "desk-7"}, nil, "desk-7"},
		{"logname", map[string]string{"LOGNAME": "lena"}, nil, "lena"},
		{"account", map[string]string{"test-account": "svc-news"}, nil, "svc-news"},
		{"nobody", map[string]string{}, nil, unknownReviewer},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCLI(t)
			c.env = tc.env
			c.ok("init", "s")
			c.ok(append([]string{"claim", "trains", "The trains ran at night"}, tc.args...)...)
			ds, err := story.ReadDecisions(strings.NewReader(c.ok("export", "--format", "decisions")))
			require.NoError(t, err)
			require.Len(t, ds, 1)
			assert.Equal(t, tc.by, ds[0].By)
			assert.True(t, testNow.Equal(ds[0].At), "at %v, want %v", ds[0].At, testNow)
		})
	}
	t.Run("file", func(t *testing.T) {
		c := newCLI(t)
		c.ok("init", "s")
		out, errs, code := c.run(`{"kind":"create-claim","claim":"trains","text":"The trains ran at night","by":"maria"}`+"\n", "decide", "-")
		require.Equal(t, 0, code, errs)
		assert.Equal(t, "create-claim trains\n", out)
		ds, err := story.ReadDecisions(strings.NewReader(c.ok("export", "--format", "decisions")))
		require.NoError(t, err)
		require.Len(t, ds, 1)
		assert.Equal(t, "maria", ds[0].By)
		assert.True(t, ds[0].At.IsZero(), "a decision from a file keeps its own time (none)")
	})
}

// TestDecideOrphans checks that decide refuses decisions about candidates
// the story does not have, as accept does, unless --orphans keeps them.
func TestDecideOrphans(t *testing.T) {
	c := followStory(t)
	before := c.ok("export", "--format", "decisions")
	orphan := `{"kind":"accept","key":"gazette-01#1:00000000"}` + "\n"
	_, errs, code := c.run(orphan, "decide", "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "nothing applied")
	assert.Equal(t, before, c.ok("export", "--format", "decisions"), "nothing was logged")

	out, errs, code := c.run(orphan, "decide", "--orphans", "-")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "orphan (no such candidate in the story yet; kept in the log): accept gazette-01#1:00000000\n", out)
	assert.Contains(t, c.ok("export", "--format", "decisions"), "gazette-01#1:00000000")
}

// TestMachineAccepted checks that statements the unattended mode accepted
// are marked in status, history and their JSON until a person decides on
// them.
func TestMachineAccepted(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "norland", "--sources", storySources)
	c.ok("add", "--manifest", storyManifest, "--dir", storyArticles, "--unattended", "0.5")
	total := func() (int, []claimStatus) {
		var rows []claimStatus
		require.NoError(t, json.Unmarshal([]byte(c.ok("status", "--json")), &rows))
		n := 0
		for _, r := range rows {
			n += r.Machine
		}
		return n, rows
	}
	before, rows := total()
	require.Positive(t, before)
	status := c.ok("status")
	assert.Contains(t, status, "UNREVIEWED")
	assert.Contains(t, status, "by machine:   accepted by the unattended mode")

	var first claimStatus
	for _, r := range rows {
		if r.Machine > 0 {
			first = r
			break
		}
	}
	assert.Contains(t, c.ok("history", string(first.Claim)), "by machine")
	var h historyOut
	require.NoError(t, json.Unmarshal([]byte(c.ok("history", string(first.Claim), "--json")), &h))
	assert.Len(t, h.Machine, first.Machine)
	for _, e := range h.Track {
		if slices.Contains(h.Machine, e.Statement.ID) && e.Article != "" {
			changes := c.ok("changes", string(e.Article))
			assert.Contains(t, changes, "by machine", "changes %s marks the statement", e.Article)
			assert.Contains(t, changes, "by machine:   accepted by the unattended mode")
			break
		}
	}

	// A person accepting one of them makes it reviewed.
	ds, err := story.ReadDecisions(strings.NewReader(c.ok("export", "--format", "decisions")))
	require.NoError(t, err)
	var key story.Key
	for _, d := range ds {
		if d.By == story.MachineBy && d.Key != "" {
			key = d.Key
			break
		}
	}
	require.NotEmpty(t, key)
	c.ok("accept", string(key))
	after, _ := total()
	assert.Equal(t, before-1, after)

	// The mark is on the statements: an exported story imported as
	// another shows the same marks, and exports the same again.
	dir := t.TempDir()
	for _, tc := range []struct{ format, file string }{{"corpus", "story.json"}, {"jsonl", "story.jsonl"}} {
		path := filepath.Join(dir, tc.file)
		c.ok("export", "--story", "norland", "--format", tc.format, "-o", path)
		want, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Contains(t, string(want), `"machine_accepted"`, tc.format)
		c.ok("import", "--story", "copy-"+tc.format, path)
		assert.Equal(t, string(want), c.ok("export", "--story", "copy-"+tc.format, "--format", tc.format), "export after import, %s", tc.format)
		assert.Equal(t, c.ok("status", "--json", "--story", "norland"), c.ok("status", "--json", "--story", "copy-"+tc.format), tc.format)
		assert.Contains(t, c.ok("history", "--story", "copy-"+tc.format, string(first.Claim)), "by machine", tc.format)
	}

	// A story reviewed by people marks nothing.
	people := followStory(t)
	assert.NotContains(t, people.ok("status"), "UNREVIEWED")
	assert.NotContains(t, people.ok("status", "--json"), "machine_accepted")
}

// TestClaimActors checks that claim --actor names the parties a new claim
// is about, which the status rules read.
func TestClaimActors(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "s", "--sources", storySources)
	c.ok("claim", "trains", "Norland ships shells by rail", "--actor", "accused=norland", "--actor", "Beneficiary=eastria", "--actor", "target=westmark")
	var corpus claim.Corpus
	require.NoError(t, json.Unmarshal([]byte(c.ok("export", "--format", "corpus")), &corpus))
	require.Len(t, corpus.Claims, 1)
	want := []claim.Actor{{Source: "norland", Role: claim.RoleAccused}, {Source: "eastria", Role: claim.RoleBeneficiary}, {Source: "westmark", Role: claim.RoleTarget}}
	if diff := cmp.Diff(want, corpus.Claims[0].Actors); diff != "" {
		t.Errorf("claim actors mismatch (-want +got):\n%s", diff)
	}
}

// TestAcceptSourceFlags accepts a proposed source with its kind, identity
// and parent set, and checks the decision logged and the status that
// follows: unnamed rail workers under Westmark do not corroborate what
// Westmark's own spokesperson says.
func TestAcceptSourceFlags(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		return path
	}
	texts := []string{
		"Marta Ilves said on Monday that Norland ships artillery shells to Eastria.",
		"Rail workers at Hallen, who spoke on condition of anonymity, said that Norland ships artillery shells to Eastria.",
	}
	for _, tc := range []struct {
		name   string
		flags  []string
		want   story.Decision
		status string
	}{
		{"as-proposed", nil, story.Decision{}, "corroborated"},
		{"unnamed-under-westmark", []string{"--unnamed", "--kind", "person", "--parent", "westmark"},
			story.Decision{SourceKind: source.KindPerson, Identity: ptr(source.IdentityUnnamed), Parent: "westmark"}, "alleged"},
		{"investigator", []string{"--named", "--investigator", "--kind", "organisation"},
			story.Decision{SourceKind: source.KindOrganisation, Identity: ptr(source.IdentityNamed), Investigator: ptr(true)}, "confirmed"},
		{"not-investigator", []string{"--investigator=false"}, story.Decision{Investigator: ptr(false)}, "corroborated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newCLI(t)
			c.ok("init", "s", "--sources", storySources)
			for i, text := range texts {
				c.ok("add", "--id", fmt.Sprintf("w%d", i+1), "--published", fmt.Sprintf("2025-03-0%d", i+2), write(fmt.Sprintf("w%d.txt", i+1), text))
			}
			var p pendingOut
			require.NoError(t, json.Unmarshal([]byte(c.ok("pending", "--json")), &p))
			require.Len(t, p.Candidates, 2)
			require.Len(t, p.Sources, 1)
			proposed := string(p.Sources[0].Source.ID)
			c.ok("claim", "shells", "Norland ships artillery shells to Eastria")
			c.ok(append([]string{"accept", proposed}, tc.flags...)...)
			for _, cd := range p.Candidates {
				c.ok("accept", string(cd.Key), "--claim", "shells")
			}
			ds, err := story.ReadDecisions(strings.NewReader(c.ok("export", "--format", "decisions")))
			require.NoError(t, err)
			require.Len(t, ds, 4)
			got := ds[1]
			want := tc.want
			want.Seq, want.Kind, want.Source, want.By, want.At = got.Seq, story.KindAccept, source.ID(proposed), "tester", got.At
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("decision mismatch (-want +got):\n%s", diff)
			}
			var rows []claimStatus
			require.NoError(t, json.Unmarshal([]byte(c.ok("status", "--json")), &rows))
			require.Len(t, rows, 1)
			assert.Equal(t, tc.status, rows[0].Status.String())
		})
	}
	c := followStory(t)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"bad-kind", []string{"accept", "new:x@ledger-03-04", "--kind", "wizard"}, 2, "--kind"},
		{"unknown-kind", []string{"accept", "new:x@ledger-03-04", "--kind", "unknown"}, 2, "--kind: give a kind"},
		{"named-and-unnamed", []string{"accept", "new:x@ledger-03-04", "--named", "--unnamed"}, 2, "--unnamed and --named"},
		{"parent-on-candidate", []string{"accept", "ledger-03-04#23:6e7f5eec", "--parent", "norland"}, 2, "is a candidate"},
		{"investigator-on-candidate", []string{"accept", "ledger-03-04#23:6e7f5eec", "--investigator=false"}, 2, "is a candidate"},
		{"unknown-parent", []string{"accept", "new:shell@ledger-03-04", "--parent", "nobody"}, 1, "nobody"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := c.in(t).run("", tc.args...)
			assert.Equal(t, tc.code, code, errs)
			assert.Contains(t, errs, tc.stderr)
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestDecideFileUndo checks that an undo in a file of numbered decisions
// (an exported log) takes back the decision of the same file it names,
// which the story logs under another number, and never the decision the
// story itself has under that number.
func TestDecideFileUndo(t *testing.T) {
	c := followStory(t)
	const key = "ledger-03-04#23:6e7f5eec"
	file := `{"seq":1,"kind":"reject","key":"` + key + `"}` + "\n" + `{"seq":2,"kind":"undo","undoes":1}` + "\n"
	_, errs, code := c.run(file, "decide", "-")
	require.Equal(t, 0, code, "stderr: %s", errs)

	var logged []story.Decision
	for line := range strings.Lines(c.ok("export", "--format", "decisions")) {
		var d story.Decision
		require.NoError(t, json.Unmarshal([]byte(line), &d))
		logged = append(logged, d)
	}
	require.GreaterOrEqual(t, len(logged), 3)
	reject, undo := logged[len(logged)-2], logged[len(logged)-1]
	assert.Equal(t, story.KindReject, reject.Kind)
	assert.Equal(t, story.Key(key), reject.Key)
	assert.Equal(t, story.KindUndo, undo.Kind)
	assert.Equal(t, reject.Seq, undo.Undoes, "the undo takes back the file's reject, not the story's decision 1")
	assert.Contains(t, c.ok("pending"), key, "the candidate waits for review again")

	_, errs, code = c.run(`{"seq":7,"kind":"undo","undoes":3}`+"\n", "decide", "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "nothing applied: line 1: undoes 3, which no earlier line of this file has as its seq")
}
