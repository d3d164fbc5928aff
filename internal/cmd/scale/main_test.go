package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunJSON runs the command on a tiny corpus and checks what the report
// says about it.
func TestRunJSON(t *testing.T) {
	var out, errs bytes.Buffer
	status := run([]string{"-statements", "2000", "-runs", "3", "-procs", "1,2", "-queries", "7", "-json"}, &out, &errs)
	require.Equal(t, 0, status, "stderr: %s", errs.String())
	var rep report
	require.NoError(t, json.Unmarshal(out.Bytes(), &rep))

	assert.Equal(t, 2000, rep.Statements)
	assert.Equal(t, 40, rep.Claims)
	assert.Equal(t, 100, rep.Articles)
	assert.Equal(t, 300, rep.Sources)
	assert.Equal(t, 3, rep.Runs)
	var got []string
	for _, p := range rep.Phases {
		got = append(got, fmt.Sprintf("%d %s", p.Procs, p.Phase))
		assert.Len(t, p.Samples, 3, "%d %s", p.Procs, p.Phase)
		assert.Positive(t, p.Wall, "%d %s", p.Procs, p.Phase)
		assert.Positive(t, p.Alloc, "%d %s", p.Procs, p.Phase)
		assert.InDelta(t, float64(p.Alloc)/2000, p.AllocPerStatement, 1e-9)
	}
	want := []string{"1 sort", "1 build", "2 sort", "2 build"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("phases mismatch (-want +got):\n%s", diff)
	}
	require.Len(t, rep.Ratios, 2)
	for _, r := range rep.Ratios {
		assert.Positive(t, r.Wall)
		assert.Greater(t, r.SortOnly, r.Wall, "the sort alone takes less than the copy and sort")
	}
	var queries []string
	for _, q := range rep.Queries {
		queries = append(queries, q.Query)
		assert.Equal(t, 7, q.Calls, q.Query)
	}
	if diff := cmp.Diff([]string{"Status", "History", "Track", "Statements"}, queries); diff != "" {
		t.Errorf("queries mismatch (-want +got):\n%s", diff)
	}
	// Every statement's mention is in an article, so a claim's statements
	// are about 2000/40 on average: seven claims return some.
	assert.Positive(t, rep.Queries[3].Results)
	assert.Equal(t, 7, rep.Queries[0].Results)
	assert.Contains(t, errs.String(), "scale: generated 2,000 statements")
	assert.Equal(t, 1+3*4, strings.Count(errs.String(), "scale: "), "a progress line per step:\n%s", errs.String())
	assert.Contains(t, errs.String(), "scale: run 3 of 3, GOMAXPROCS=2, build: ")
}

// TestRunText checks that the tables name what they measure.
func TestRunText(t *testing.T) {
	var out, errs bytes.Buffer
	status := run([]string{"-statements", "500", "-runs", "1", "-procs", "1"}, &out, &errs)
	require.Equal(t, 0, status, "stderr: %s", errs.String())
	for _, want := range []string{
		"500 statements, 10 claims, 25 articles, 300 sources",
		"copy+sort", "sort alone", "build",
		"GOMAXPROCS=1: build / copy+sort",
		"Status", "History", "Track", "Statements",
		"peak resident set of the process",
	} {
		assert.Contains(t, out.String(), want)
	}
}

// TestRunPhases checks that -phases runs what it names and nothing else.
func TestRunPhases(t *testing.T) {
	tests := []struct {
		name    string
		phases  string
		want    []string
		queries bool
	}{
		{name: "empty", phases: "empty", want: []string{"empty"}},
		{name: "build-then-sort", phases: "build,sort", want: []string{"build", "sort"}},
		{name: "queries-alone", phases: "queries", queries: true},
		{name: "none", phases: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			status := run([]string{"-statements", "300", "-runs", "2", "-phases", tc.phases, "-queries", "3", "-json"}, &out, &errs)
			require.Equal(t, 0, status, "stderr: %s", errs.String())
			var rep report
			require.NoError(t, json.Unmarshal(out.Bytes(), &rep))
			var got []string
			for _, p := range rep.Phases {
				got = append(got, p.Phase)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("phases mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, tc.queries, len(rep.Queries) > 0)
		})
	}
}

// TestRunBadFlags checks that bad flags stop the command with status 2 and
// a message naming the flag and the value.
func TestRunBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "statements-zero", args: []string{"-statements", "0"}, want: "-statements 0"},
		{name: "runs-negative", args: []string{"-runs", "-1"}, want: "-runs -1"},
		{name: "queries-zero", args: []string{"-queries", "0"}, want: "-queries 0"},
		{name: "procs-word", args: []string{"-procs", "1,two"}, want: `-procs "1,two": "two"`},
		{name: "procs-zero", args: []string{"-procs", "0"}, want: `-procs "0"`},
		{name: "phase-unknown", args: []string{"-phases", "sort,bulid"}, want: `unknown phase "bulid"`},
		{name: "phase-twice", args: []string{"-phases", "sort,sort"}, want: `phase "sort" given twice`},
		{name: "argument", args: []string{"10000000"}, want: `unexpected argument "10000000"`},
		{name: "unknown-flag", args: []string{"-n", "3"}, want: "-n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			assert.Equal(t, 2, run(tc.args, &out, &errs))
			assert.Contains(t, errs.String(), tc.want)
			assert.Empty(t, out.String())
		})
	}
}

// TestRunHelp checks that -h prints the flags and succeeds.
func TestRunHelp(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 0, run([]string{"-h"}, &out, &errs))
	assert.Contains(t, errs.String(), "-statements")
}

// TestSynthetic checks that the generated corpus is valid and has the
// documented shape.
func TestSynthetic(t *testing.T) {
	tests := []struct {
		n, claims, articles int
	}{
		{n: 1, claims: 1, articles: 1},
		{n: 49, claims: 1, articles: 2},
		{n: 1000, claims: 20, articles: 50},
	}
	for _, tc := range tests {
		t.Run(strconv.Itoa(tc.n), func(t *testing.T) {
			c := synthetic(tc.n)
			require.NoError(t, c.Validate())
			assert.Len(t, c.Statements, tc.n)
			assert.Len(t, c.Claims, tc.claims)
			assert.Len(t, c.Articles, tc.articles)
			assert.Len(t, c.Sources, 300)
			if diff := cmp.Diff(c, synthetic(tc.n)); diff != "" {
				t.Errorf("synthetic(%d) differs from one call to the next (-first +second):\n%s", tc.n, diff)
			}
		})
	}
}

// TestMedian checks odd and even numbers of runs.
func TestMedian(t *testing.T) {
	tests := []struct {
		name  string
		walls []time.Duration
		want  time.Duration
	}{
		{name: "none", want: 0},
		{name: "one", walls: []time.Duration{5}, want: 5},
		{name: "odd", walls: []time.Duration{9, 1, 5}, want: 5},
		{name: "even", walls: []time.Duration{9, 1, 5, 2}, want: 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ss []sample
			for _, w := range tc.walls {
				ss = append(ss, sample{Wall: w})
			}
			assert.Equal(t, tc.want, median(ss, func(s sample) time.Duration { return s.Wall }))
		})
	}
}

// TestFormat checks the numbers the tables print.
func TestFormat(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{name: "count-small", got: count(7), want: "7"},
		{name: "count-thousands", got: count(10_000_000), want: "10,000,000"},
		{name: "count-negative", got: count(-1234), want: "-1,234"},
		{name: "mib", got: mib(3 << 30), want: "3,072 MiB"},
		{name: "mib-unknown", got: mib(0), want: "n/a"},
		{name: "dur-ns", got: dur(380), want: "380 ns"},
		{name: "dur-ms", got: dur(537 * time.Millisecond), want: "537 ms"},
		{name: "dur-s", got: dur(3300 * time.Millisecond), want: "3.30 s"},
		{name: "load-range", got: loadRange([]float64{2.5, 1.25, 2}), want: "1.2-2.5"},
		{name: "load-unknown", got: load(-1), want: "n/a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.got)
		})
	}
}

// TestParseStatus reads the lines of /proc/self/status that matter.
func TestParseStatus(t *testing.T) {
	in := "Name:\tscale\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\nThreads:\t5\nbroken line\nVmSwap:\t x kB\n"
	want := map[string]int64{"VmHWM": 2 << 20, "VmRSS": 1 << 20}
	if diff := cmp.Diff(want, parseStatus([]byte(in))); diff != "" {
		t.Errorf("parseStatus mismatch (-want +got):\n%s", diff)
	}
}

// FuzzParseStatus checks that any input reads without a panic into sizes
// that are whole kilobytes.
func FuzzParseStatus(f *testing.F) {
	f.Add([]byte("VmHWM:\t  2048 kB\nVmRSS:\t1 kB\n"))
	f.Add([]byte("VmHWM: -5 kB\nA: 99999999999999999999 kB\n:\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		for name, v := range parseStatus(b) {
			if v < 0 || v%1024 != 0 {
				t.Errorf("parseStatus(%q)[%q] = %d, want a non-negative multiple of 1024", b, name, v)
			}
		}
	})
}

// FuzzParseCounts checks that a list read back from its own text is the
// same list, and that nothing panics.
func FuzzParseCounts(f *testing.F) {
	for _, s := range []string{"1,2", " 4 ", "", "0", "1,,2", "-3", "9999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ns, err := parseCounts(s)
		if err != nil {
			return
		}
		for _, n := range ns {
			if n < 1 {
				t.Fatalf("parseCounts(%q) = %v, want positive numbers", s, ns)
			}
		}
		text := make([]string, len(ns))
		for i, n := range ns {
			text[i] = strconv.Itoa(n)
		}
		again, err := parseCounts(strings.Join(text, ","))
		require.NoError(t, err)
		if !slices.Equal(ns, again) {
			t.Errorf("parseCounts(%q) = %v, read back as %v", s, ns, again)
		}
	})
}
