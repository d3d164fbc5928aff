package extract

import (
	"iter"
	"runtime"
	"sync"
	"time"
)

// Article is one text for ExtractAll: the article's text and when it
// appeared. The zero Published leaves Options.Published in force.
type Article struct {
	Text      string
	Published time.Time
}

// ExtractAll runs Extract on every article of articles, spread over
// runtime.GOMAXPROCS(0) goroutines, and yields each article's Result and
// error in the order of articles, as Extract would return them one by one.
// opts applies to every article, but an article's non-zero Published
// replaces opts.Published; the registry is only read, so one registry
// serves every goroutine.
//
// Work is Extract's for each article, spread over the cores. ExtractAll
// reads at most twice GOMAXPROCS articles ahead of the one it yields, so
// besides what the caller keeps it holds at most that many Results and
// texts at once, whatever the number of articles. A caller that stops
// early (a break in a range loop) stops the reading: ExtractAll waits for
// the articles already started, and returns with no goroutine left
// running. An article's error (text over Options.MaxTextBytes, invalid
// UTF-8) is yielded in its place; the others go on.
func ExtractAll(articles iter.Seq[Article], opts Options) iter.Seq2[*Result, error] {
	return func(yield func(*Result, error) bool) {
		workers := runtime.GOMAXPROCS(0)
		// pending are the articles started and not yet yielded, oldest
		// first; sem holds a token for each one still being read.
		pending := make([]*job, 0, 2*workers)
		sem := make(chan struct{}, workers)
		var wg sync.WaitGroup
		defer wg.Wait()
		next := func() bool {
			j := pending[0]
			copy(pending, pending[1:])
			pending = pending[:len(pending)-1]
			<-j.done
			return yield(j.res, j.err)
		}
		for a := range articles {
			if len(pending) == cap(pending) && !next() {
				return
			}
			o := opts
			if !a.Published.IsZero() {
				o.Published = a.Published
			}
			j := &job{done: make(chan struct{})}
			pending = append(pending, j)
			sem <- struct{}{}
			wg.Add(1)
			go func() {
				defer wg.Done()
				j.res, j.err = Extract(a.Text, o)
				<-sem
				close(j.done)
			}()
		}
		for len(pending) > 0 {
			if !next() {
				return
			}
		}
	}
}

// job is one article ExtractAll has started: done is closed once res and
// err are set.
type job struct {
	res  *Result
	err  error
	done chan struct{}
}
