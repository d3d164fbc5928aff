// Command scale measures timeline.Build on a large synthetic corpus, ten
// million statements or more, next to the cost of copying and sorting the
// same statements, and reports time, CPU time, memory and a few queries:
//
//	go run ./internal/cmd/scale -statements 10000000
//	GOMAXPROCS=1 go run ./internal/cmd/scale -statements 1000000 -runs 3
//	go run ./internal/cmd/scale -statements 1000000 -procs 1,2 -json
//
// It generates the corpus in memory with the generator of the timeline
// package's benchmarks (30 governments with 9 agencies each, one claim per
// 50 statements with one in ten refining another, one article per 20
// statements, a mix of acts, factualities and said-date precisions), with the
// same seed, so that for one size both measure the same corpus. Generating
// is not counted. Then, for each run and each GOMAXPROCS value, it measures
// each phase in turn, so that a change in the machine's load falls on all of
// them alike:
//
//   - sort: copying the statements (a shallow copy, as slices.Clone makes)
//     and sorting the copy by said time, the floor the build is compared
//     with; "sort alone" leaves the copy out, as the timeline package's
//     BenchmarkSort does;
//   - build: timeline.Build with the default rules, validation included;
//   - empty: nothing, only what every phase does around it; under callgrind,
//     a run of this phase is the baseline to subtract (see below).
//
// Each phase starts from a collected heap returned to the system
// (debug.FreeOSMemory) and reports its wall time; the process's CPU time
// (getrusage, user and system, all threads, the garbage collector's
// included); the bytes and objects allocated (runtime.MemStats TotalAlloc and
// Mallocs), also per statement; and the resident set at its start and at its
// peak (VmRSS and VmHWM of /proc/self/status, the peak reset before each
// phase by writing 5 to /proc/self/clear_refs). The build does not copy the
// statements' text, so what it allocates is all its own. The report gives the
// median of the runs of each phase and the ratio of the build's median to the
// copy and sort's, with the one-minute load average when each run started.
//
// Last, the queries phase asks Timeline.Status (at the middle of the corpus's
// time range), Timeline.History, Timeline.Track and Timeline.Statements (with
// Query.Claim) about claims spread evenly over the corpus, on the last
// timeline built, and reports each query's time, allocation and result size
// per call. A line on the standard error tells each step's end as it comes.
//
// The flags are:
//
//	-statements N  statements to generate (1,000,000)
//	-runs R        runs of each phase, for the medians (3)
//	-procs LIST    GOMAXPROCS values to measure at, in turn, such as 1,2
//	               (GOMAXPROCS as the program started)
//	-phases LIST   phases to run, of sort, build, empty and queries, in the
//	               order given (sort,build,queries)
//	-queries K     claims each query is asked about (1,000)
//	-json          write the report as JSON instead of tables
//
// The program holds the corpus, one timeline and, while a phase runs, what
// the phase allocates: its memory is linear in -statements (at ten million
// statements, 2.7 GiB for the corpus and 5.5 GiB at the peak), and its time
// linear in -statements times -runs and the number of -procs values, but for
// the Statements query, which reads the whole corpus on each call.
//
// # Counting instructions
//
// Instruction counts do not depend on the machine's load. Where perf cannot
// read the processor's counters, as in many virtual machines, callgrind
// counts them: run each phase alone in a process of its own, with the empty
// phase as the baseline, and subtract it:
//
//	go build -o /tmp/scale ./internal/cmd/scale
//	for p in empty sort build; do
//	  GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind \
//	    --callgrind-out-file=/dev/null \
//	    /tmp/scale -statements 1000000 -runs 1 -phases $p 2>&1 | grep Collected
//	done
//
// The build's share is build minus empty, the copy and sort's is sort minus
// empty: the program generates the same corpus each time, so the rest cancels
// out but for the garbage collector's timing. Without asyncpreemptoff,
// callgrind 3.19 stops on an assertion when the Go runtime preempts a
// goroutine with a signal.
package main
