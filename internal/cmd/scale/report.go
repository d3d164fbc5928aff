package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// report is everything one invocation measured; -json writes it as is.
type report struct {
	Statements int     `json:"statements"`
	Claims     int     `json:"claims"`
	Articles   int     `json:"articles"`
	Sources    int     `json:"sources"`
	Go         string  `json:"go"`
	OS         string  `json:"os"`
	Arch       string  `json:"arch"`
	CPUs       int     `json:"cpus"`
	Runs       int     `json:"runs"`
	LoadStart  float64 `json:"load_average_start"`
	LoadEnd    float64 `json:"load_average_end"`
	// Generate is making the corpus, which the phases do not count.
	Generate sample         `json:"generate"`
	Phases   []*phaseReport `json:"phases"`
	Ratios   []ratio        `json:"ratios,omitempty"`
	// QueryProcs is GOMAXPROCS while the queries ran.
	QueryProcs int           `json:"query_gomaxprocs,omitempty"`
	Queries    []queryReport `json:"queries,omitempty"`
	// PeakRSS is the largest resident set of the process seen, in bytes.
	PeakRSS int64 `json:"peak_rss_bytes"`
}

// sample is one run of one phase.
type sample struct {
	Wall time.Duration `json:"wall_ns"`
	// Copy is, for the sort phase, the copy's share of Wall.
	Copy time.Duration `json:"copy_ns,omitempty"`
	// CPU is the process's CPU time over the run, user and system, on all
	// threads (the garbage collector's included); 0 where unknown.
	CPU time.Duration `json:"cpu_ns"`
	// Alloc and Allocs are the bytes and objects allocated during the run
	// (runtime.MemStats.TotalAlloc and Mallocs).
	Alloc  uint64 `json:"alloc_bytes"`
	Allocs uint64 `json:"allocs"`
	// RSSBefore is the resident set when the run started, from a collected
	// heap returned to the system; PeakRSS the largest during the run. Both
	// are 0 where the system does not report them.
	RSSBefore int64 `json:"rss_before_bytes"`
	PeakRSS   int64 `json:"peak_rss_bytes"`
	// Load is the system's one-minute load average when the run started.
	Load float64 `json:"load_average"`
}

// phaseReport gathers the runs of one phase at one GOMAXPROCS value.
type phaseReport struct {
	Procs   int      `json:"gomaxprocs"`
	Phase   string   `json:"phase"`
	Samples []sample `json:"runs"`
	// The medians over the runs.
	Wall    time.Duration `json:"wall_median_ns"`
	Sort    time.Duration `json:"sort_median_ns,omitempty"`
	CPU     time.Duration `json:"cpu_median_ns"`
	Alloc   uint64        `json:"alloc_median_bytes"`
	PeakRSS int64         `json:"peak_rss_median_bytes"`
	// AllocPerStatement is Alloc divided by the number of statements.
	AllocPerStatement float64 `json:"alloc_bytes_per_statement"`
}

// ratio compares the build with the copy and sort at one GOMAXPROCS value,
// median with median.
type ratio struct {
	Procs int `json:"gomaxprocs"`
	// Wall and CPU divide the build's by the copy and sort's.
	Wall float64 `json:"build_over_copy_sort_wall"`
	CPU  float64 `json:"build_over_copy_sort_cpu,omitempty"`
	// SortOnly divides the build's wall time by the sort's alone, the copy
	// left out, as the timeline package's benchmarks compare them.
	SortOnly float64 `json:"build_over_sort_wall"`
}

// queryReport is one query asked about many claims.
type queryReport struct {
	Query string `json:"query"`
	Calls int    `json:"calls"`
	// Results counts what the calls returned: entries, status changes, or
	// one per status.
	Results int    `json:"results"`
	Sample  sample `json:"sample"`
}

// summarize works out the medians of the phase's runs.
func (p *phaseReport) summarize(statements int) {
	p.Wall = median(p.Samples, func(s sample) time.Duration { return s.Wall })
	p.CPU = median(p.Samples, func(s sample) time.Duration { return s.CPU })
	p.Alloc = median(p.Samples, func(s sample) uint64 { return s.Alloc })
	p.PeakRSS = median(p.Samples, func(s sample) int64 { return s.PeakRSS })
	if p.Phase == "sort" {
		p.Sort = median(p.Samples, func(s sample) time.Duration { return s.Wall - s.Copy })
	}
	p.AllocPerStatement = float64(p.Alloc) / float64(statements)
}

// median returns the median of f over the samples, the mean of the middle
// two for an even number.
func median[T int64 | uint64 | time.Duration](samples []sample, f func(sample) T) T {
	if len(samples) == 0 {
		return 0
	}
	vs := make([]T, len(samples))
	for i, s := range samples {
		vs[i] = f(s)
	}
	slices.Sort(vs)
	n := len(vs)
	if n%2 == 1 {
		return vs[n/2]
	}
	return vs[n/2-1] + (vs[n/2]-vs[n/2-1])/2
}

// ratios pairs each GOMAXPROCS value's build with its sort.
func ratios(phases []*phaseReport) []ratio {
	var out []ratio
	for _, b := range phases {
		if b.Phase != "build" {
			continue
		}
		i := slices.IndexFunc(phases, func(s *phaseReport) bool { return s.Phase == "sort" && s.Procs == b.Procs })
		if i < 0 || phases[i].Wall <= 0 {
			continue
		}
		s := phases[i]
		r := ratio{Procs: b.Procs, Wall: float64(b.Wall) / float64(s.Wall)}
		if s.CPU > 0 {
			r.CPU = float64(b.CPU) / float64(s.CPU)
		}
		if s.Sort > 0 {
			r.SortOnly = float64(b.Wall) / float64(s.Sort)
		}
		out = append(out, r)
	}
	return out
}

// writeText writes the report as a few small tables.
func (r *report) writeText(w io.Writer) error {
	fmt.Fprintf(w, "timeline.Build at scale: %s statements, %s claims, %s articles, %s sources\n",
		count(r.Statements), count(r.Claims), count(r.Articles), count(r.Sources))
	fmt.Fprintf(w, "%s %s/%s, %d CPUs; load average %s at the start, %s at the end\n",
		r.Go, r.OS, r.Arch, r.CPUs, load(r.LoadStart), load(r.LoadEnd))
	fmt.Fprintf(w, "corpus generated in %s (not counted below), peak resident set %s meanwhile\n\n",
		dur(r.Generate.Wall), mib(r.Generate.PeakRSS))

	if len(r.Phases) > 0 {
		fmt.Fprintf(w, "each phase: median of %d runs, the phases in turn, each from a collected heap\n", r.Runs)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "GOMAXPROCS\tphase\twall\twall of each run\tCPU\tallocated\tper statement\tpeak RSS\trise\tload\t")
		for _, p := range r.Phases {
			runs := make([]string, len(p.Samples))
			loads := make([]float64, len(p.Samples))
			for i, s := range p.Samples {
				runs[i] = dur(s.Wall)
				loads[i] = s.Load
			}
			name := p.Phase
			if name == "sort" {
				name = "copy+sort"
			}
			rise := median(p.Samples, func(s sample) int64 { return s.PeakRSS - s.RSSBefore })
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%.0f B\t%s\t%s\t%s\t\n",
				p.Procs, name, dur(p.Wall), strings.Join(runs, " "), dur(p.CPU), mib(int64(p.Alloc)),
				p.AllocPerStatement, mib(p.PeakRSS), mib(rise), loadRange(loads))
			if p.Phase == "sort" {
				fmt.Fprintf(tw, "%d\tsort alone\t%s\t\t\t\t\t\t\t\t\n", p.Procs, dur(p.Sort))
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for _, q := range r.Ratios {
		fmt.Fprintf(w, "GOMAXPROCS=%d: build / copy+sort %.2fx wall, %.2fx CPU; build / sort alone %.2fx wall\n",
			q.Procs, q.Wall, q.CPU, q.SortOnly)
	}
	if len(r.Queries) > 0 {
		fmt.Fprintf(w, "\nqueries on the last timeline built, GOMAXPROCS=%d, %s claims spread over the corpus\n",
			r.QueryProcs, count(r.Queries[0].Calls))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "query\tper call\tallocated per call\tresults per call\tload\t")
		for _, q := range r.Queries {
			n := float64(q.Calls)
			fmt.Fprintf(tw, "%s\t%s\t%.0f B\t%.1f\t%s\t\n", q.Query,
				dur(time.Duration(float64(q.Sample.Wall)/n)), float64(q.Sample.Alloc)/n, float64(q.Results)/n, load(q.Sample.Load))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "\npeak resident set of the process: %s\n", mib(r.PeakRSS))
	return err
}

// dur formats d to about three significant digits.
func dur(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= 100*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	case d >= time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/1e6)
	case d >= time.Microsecond:
		return fmt.Sprintf("%.1f µs", float64(d)/1e3)
	default:
		return fmt.Sprintf("%d ns", d)
	}
}

// mib formats a number of bytes in MiB, "n/a" for 0, which is what the
// system reports when it does not know.
func mib(b int64) string {
	if b == 0 {
		return "n/a"
	}
	return count(int((b+1<<19)>>20)) + " MiB"
}

// load formats a load average, "n/a" when unknown.
func load(l float64) string {
	if l < 0 {
		return "n/a"
	}
	return strconv.FormatFloat(l, 'f', 1, 64)
}

// loadRange formats the lowest and highest of some load averages.
func loadRange(ls []float64) string {
	if len(ls) == 0 {
		return "n/a"
	}
	lo, hi := slices.Min(ls), slices.Max(ls)
	if lo == hi {
		return load(lo)
	}
	return load(lo) + "-" + load(hi)
}

// count formats n with commas between thousands.
func count(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
