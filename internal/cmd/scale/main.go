package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/timeline"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// config is what the flags ask for.
type config struct {
	statements int
	runs       int
	procs      []int
	phases     []string
	queries    int
	json       bool
}

// phaseNames are the phases -phases accepts, in the order the
// documentation gives them.
var phaseNames = []string{"sort", "build", "empty", "queries"}

// run parses args, measures and writes the report to stdout. It returns
// the process's exit status: 0, 1 when measuring fails, 2 for bad flags.
func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "scale: %v\n", err)
		return 2
	}
	rep, err := measureAll(cfg, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "scale: %v\n", err)
		return 1
	}
	if cfg.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = rep.writeText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "scale: writing the report: %v\n", err)
		return 1
	}
	return 0
}

// parseFlags reads the command line into a config; flag.ErrHelp means
// -h was asked for and the usage printed.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./internal/cmd/scale [flags]")
		fs.PrintDefaults()
	}
	cfg := config{}
	fs.IntVar(&cfg.statements, "statements", 1_000_000, "number of statements to generate")
	fs.IntVar(&cfg.runs, "runs", 3, "runs of each phase, in turn, for the medians")
	procs := fs.String("procs", "", "comma-separated GOMAXPROCS values to measure at, in turn (default: GOMAXPROCS as started)")
	phases := fs.String("phases", "sort,build,queries", "comma-separated phases: sort, build, empty, queries")
	fs.IntVar(&cfg.queries, "queries", 1000, "claims each query is asked about")
	fs.BoolVar(&cfg.json, "json", false, "write the report as JSON")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected argument %q: every setting is a flag", fs.Arg(0))
	}
	if cfg.statements < 1 {
		return config{}, fmt.Errorf("-statements %d: want at least 1", cfg.statements)
	}
	if cfg.runs < 1 {
		return config{}, fmt.Errorf("-runs %d: want at least 1", cfg.runs)
	}
	if cfg.queries < 1 {
		return config{}, fmt.Errorf("-queries %d: want at least 1", cfg.queries)
	}
	var err error
	if cfg.procs, err = parseCounts(*procs); err != nil {
		return config{}, fmt.Errorf("-procs %q: %w", *procs, err)
	}
	if len(cfg.procs) == 0 {
		cfg.procs = []int{runtime.GOMAXPROCS(0)}
	}
	if cfg.phases, err = parsePhases(*phases); err != nil {
		return config{}, fmt.Errorf("-phases %q: %w", *phases, err)
	}
	return cfg, nil
}

// parseCounts reads a comma-separated list of positive numbers; the empty
// string is the empty list. It takes time linear in the length of s.
func parseCounts(s string) ([]int, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var ns []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive number", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// parsePhases reads a comma-separated list of phase names, each at most
// once; the empty string is the empty list.
func parsePhases(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var ps []string
	for f := range strings.SplitSeq(s, ",") {
		p := strings.TrimSpace(f)
		if !slices.Contains(phaseNames, p) {
			return nil, fmt.Errorf("unknown phase %q (want %s)", p, strings.Join(phaseNames, ", "))
		}
		if slices.Contains(ps, p) {
			return nil, fmt.Errorf("phase %q given twice", p)
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// measureAll generates the corpus and measures the phases cfg asks for:
// for each run, for each GOMAXPROCS value, each phase in turn, so that a
// change in the machine's load falls on all of them alike; then the
// queries, once, on the last timeline built. It writes a line to progress
// as each step ends, since at ten million statements a run takes minutes.
func measureAll(cfg config, progress io.Writer) (*report, error) {
	rep := &report{
		Go:        runtime.Version(),
		OS:        runtime.GOOS,
		Arch:      runtime.GOARCH,
		CPUs:      runtime.NumCPU(),
		Runs:      cfg.runs,
		LoadStart: loadAverage(),
	}
	start := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(start)

	var c *claim.Corpus
	rep.Generate = measure(func() { c = synthetic(cfg.statements) })
	rep.Statements, rep.Claims, rep.Articles, rep.Sources = len(c.Statements), len(c.Claims), len(c.Articles), len(c.Sources)
	rep.PeakRSS = rep.Generate.PeakRSS
	fmt.Fprintf(progress, "scale: generated %s statements in %s\n", count(rep.Statements), dur(rep.Generate.Wall))

	var tl *timeline.Timeline
	byKey := map[[2]string]*phaseReport{}
	for run := range cfg.runs {
		for _, p := range cfg.procs {
			runtime.GOMAXPROCS(p)
			for _, name := range cfg.phases {
				if name == "queries" {
					continue
				}
				var s sample
				tl = nil // the last timeline built is kept for the queries
				switch name {
				case "sort":
					s = measureSort(c)
				case "build":
					var err error
					s = measure(func() { tl, err = timeline.Build(c, nil) })
					if err != nil {
						return nil, fmt.Errorf("building the timeline: %w", err)
					}
				default: // "empty"
					s = measure(func() {})
				}
				key := [2]string{strconv.Itoa(p), name}
				pr := byKey[key]
				if pr == nil {
					pr = &phaseReport{Procs: p, Phase: name}
					byKey[key] = pr
					rep.Phases = append(rep.Phases, pr)
				}
				pr.Samples = append(pr.Samples, s)
				fmt.Fprintf(progress, "scale: run %d of %d, GOMAXPROCS=%d, %s: %s wall, %s CPU, load %s\n",
					run+1, cfg.runs, p, name, dur(s.Wall), dur(s.CPU), load(s.Load))
				rep.PeakRSS = max(rep.PeakRSS, s.PeakRSS)
			}
		}
	}
	for _, pr := range rep.Phases {
		pr.summarize(cfg.statements)
	}
	rep.Ratios = ratios(rep.Phases)

	if slices.Contains(cfg.phases, "queries") {
		if tl == nil {
			var err error
			if tl, err = timeline.Build(c, nil); err != nil {
				return nil, fmt.Errorf("building the timeline: %w", err)
			}
		}
		rep.QueryProcs = runtime.GOMAXPROCS(0)
		qs, err := measureQueries(tl, c, cfg.queries)
		if err != nil {
			return nil, err
		}
		rep.Queries = qs
		for _, q := range qs {
			rep.PeakRSS = max(rep.PeakRSS, q.Sample.PeakRSS)
		}
	}
	rep.LoadEnd = loadAverage()
	runtime.KeepAlive(c)
	return rep, nil
}

// measureSort copies the corpus's statements and sorts the copy by said
// time, the floor a build is compared with; the sample's Copy is the
// copy's share of the wall time.
func measureSort(c *claim.Corpus) sample {
	var copied time.Duration
	s := measure(func() {
		t0 := time.Now()
		stmts := slices.Clone(c.Statements)
		copied = time.Since(t0)
		slices.SortFunc(stmts, func(x, y claim.Statement) int { return x.Said.Compare(y.Said) })
	})
	s.Copy = copied
	return s
}

// measure runs f once from a collected heap returned to the system, and
// reports its wall time, the process's CPU time, the bytes and objects it
// allocated, and the resident set before and at its peak.
func measure(f func()) sample {
	debug.FreeOSMemory()
	s := sample{Load: loadAverage()}
	s.RSSBefore = procStatus()["VmRSS"]
	reset := resetPeak()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	c0, cpuOK := cpuTime()
	t0 := time.Now()
	f()
	s.Wall = time.Since(t0)
	c1, _ := cpuTime()
	runtime.ReadMemStats(&m1)
	if reset {
		s.PeakRSS = procStatus()["VmHWM"]
	}
	if cpuOK {
		s.CPU = c1 - c0
	}
	s.Alloc = m1.TotalAlloc - m0.TotalAlloc
	s.Allocs = m1.Mallocs - m0.Mallocs
	return s
}

// measureQueries asks each query about k claims spread evenly over the
// corpus, one query at a time.
func measureQueries(tl *timeline.Timeline, c *claim.Corpus, k int) ([]queryReport, error) {
	k = min(k, len(c.Claims))
	ids := make([]claim.ID, k)
	for i := range ids {
		ids[i] = c.Claims[i*len(c.Claims)/k].ID
	}
	first, last := c.Articles[0].Published, c.Articles[len(c.Articles)-1].Published
	mid := first.Add(last.Sub(first) / 2)
	queries := []struct {
		name string
		ask  func(claim.ID) (int, error)
	}{
		{"Status", func(id claim.ID) (int, error) { _, err := tl.Status(id, mid); return 1, err }},
		{"History", func(id claim.ID) (int, error) { h, err := tl.History(id); return len(h), err }},
		{"Track", func(id claim.ID) (int, error) { t, err := tl.Track(id); return len(t), err }},
		{"Statements", func(id claim.ID) (int, error) {
			s, err := tl.Statements(timeline.Query{Claim: id})
			return len(s), err
		}},
	}
	var out []queryReport
	for _, q := range queries {
		var entries int
		var err error
		s := measure(func() {
			for _, id := range ids {
				var n int
				if n, err = q.ask(id); err != nil {
					return
				}
				entries += n
			}
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q.name, err)
		}
		out = append(out, queryReport{Query: q.name, Calls: k, Results: entries, Sample: s})
	}
	return out, nil
}
