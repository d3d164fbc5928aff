// Package storebench holds what the stores' benchmarks share: a synthetic
// corpus of any size, the benchmarks of appending to a store, and the CPU
// time of the process, so that a figure on a shared machine says what the
// store costs rather than how busy the machine was.
package storebench

import (
	"context"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// Corpus returns a valid corpus of n statements: 100 statements a claim,
// 20 an article, speakers from 50 sources under 5 roots, each statement
// with one mention. Articles carry no text, so spans are checked for their
// own consistency only. It costs time and memory linear in n.
func Corpus(n int) *claim.Corpus {
	c := &claim.Corpus{Format: claim.Format}
	for r := range 5 {
		root := source.ID("root-" + strconv.Itoa(r))
		c.Sources = append(c.Sources, source.Source{ID: root, Name: "Root " + strconv.Itoa(r), Kind: source.KindGovernment})
		for k := range 9 {
			c.Sources = append(c.Sources, source.Source{ID: source.ID(string(root) + "-" + strconv.Itoa(k)), Name: "Agency " + strconv.Itoa(r) + "-" + strconv.Itoa(k),
				Kind: source.KindAgency, Parent: root})
		}
	}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for a := 0; a*20 < n; a++ {
		c.Articles = append(c.Articles, source.Article{ID: source.ArticleID("a" + strconv.Itoa(a)), Published: start.Add(time.Duration(a) * time.Hour)})
	}
	for k := 0; k*100 < n; k++ {
		c.Claims = append(c.Claims, claim.Claim{ID: claim.ID("c" + strconv.Itoa(k)), Text: "Claim number " + strconv.Itoa(k)})
	}
	acts := []struct {
		act claim.Act
		f   claim.Factuality
	}{{claim.ActAccuse, claim.CTPlus()}, {claim.ActDeny, claim.CTMinus()}, {claim.ActAssert, claim.PRPlus()}, {claim.ActReport, claim.Uu()}}
	c.Statements = make([]claim.Statement, n)
	for i := range n {
		a := acts[i%len(acts)]
		c.Statements[i] = claim.Statement{
			ID: claim.StatementID("s" + strconv.Itoa(i)), Claim: claim.ID("c" + strconv.Itoa(i/100)),
			Source: c.Sources[(i*7)%len(c.Sources)].ID, Act: a.act, Factuality: a.f,
			Mentions: []claim.Mention{{Article: source.ArticleID("a" + strconv.Itoa(i/20)), Cue: "said",
				Span: claim.Span{Start: 10, End: 30, Exact: "officials said it was"}}},
		}
		c.Statements[i].Mentions[0].Span.End = 10 + len(c.Statements[i].Mentions[0].Span.Exact)
	}
	return c
}

// BenchAppend appends batches of batch statements to one story per run of
// the benchmark, and reports statements/s.
func BenchAppend(b *testing.B, st story.Store, batch int) {
	c := Corpus(batch)
	b.ReportAllocs()
	i := 0
	start, cpu := time.Now(), CPUTime()
	for b.Loop() {
		i++
		if _, err := st.Append(context.Background(), "bench-"+strconv.Itoa(i), story.AnyHead, &story.Batch{Statements: c.Statements}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(i*batch)/time.Since(start).Seconds(), "statements/s")
	// Per second of this process's CPU time: on a shared machine, what the
	// store costs rather than how busy the machine was. For a server, its
	// own CPU time is not counted.
	b.ReportMetric(float64(i*batch)/(CPUTime()-cpu).Seconds(), "statements/cpu-s")
}

// CPUTime returns the CPU time this process has used, user and system.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchGrow appends batches of batch statements to one story, each batch
// after the head the previous one returned, as a story grows when it is
// imported or followed: what a store costs per statement once the story
// exists. Only the Append calls are timed; renaming each batch's
// statements is not. It reports statements/s (wall) and statements/cpu-s.
func BenchGrow(b *testing.B, st story.Store, batch int) {
	c := Corpus(batch)
	b.ReportAllocs()
	var wall, cpu time.Duration
	head := int64(0)
	n := 0
	stmts := make([]claim.Statement, len(c.Statements))
	for b.Loop() {
		b.StopTimer()
		n++
		for k, s := range c.Statements {
			s.ID = claim.StatementID("b" + strconv.Itoa(n) + "-" + string(s.ID))
			stmts[k] = s
		}
		b.StartTimer()
		start, used := time.Now(), CPUTime()
		h, err := st.Append(context.Background(), "grow", head, &story.Batch{Statements: stmts})
		wall, cpu = wall+time.Since(start), cpu+CPUTime()-used
		if err != nil {
			b.Fatal(err)
		}
		head = h
	}
	b.ReportMetric(float64(n*batch)/wall.Seconds(), "statements/s")
	b.ReportMetric(float64(n*batch)/cpu.Seconds(), "statements/cpu-s")
}
