package claim_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// syntheticCorpus returns a valid corpus document of about size bytes:
// articles of a few kilobytes of text, and statements that mention them.
func syntheticCorpus(size int) []byte {
	c := claim.Corpus{
		Sources: []source.Source{{ID: "kcna", Name: "KCNA", Kind: source.KindStateMedia}, {ID: "us", Name: "United States", Kind: source.KindGovernment}},
		Claims:  []claim.Claim{{ID: "c", Text: "North Korea supplies artillery ammunition to Russia", Event: claim.Year(2023)}},
	}
	text := strings.Repeat("The United States accused North Korea. Pyongyang denied it. ", 50)
	for n := 0; n < size; n += len(text) + 1000 {
		a := source.ArticleID(fmt.Sprintf("a%d", len(c.Articles)))
		c.Articles = append(c.Articles, source.Article{ID: a, Outlet: "kcna", Published: scalePublished, Language: "en", Text: text})
		for k := range 4 {
			c.Statements = append(c.Statements, claim.Statement{
				ID: claim.StatementID(fmt.Sprintf("%s-s%d", a, k)), Claim: "c", Source: "us", Act: claim.ActAccuse, Factuality: claim.CTPlus(),
				Said:     claim.Day(2024, time.March, 4),
				Mentions: []claim.Mention{{Article: a, Cue: "accused", Span: claim.Span{Start: 0, End: 37, Exact: text[:37], Suffix: text[37:69]}}},
			})
		}
	}
	b, err := json.Marshal(c)
	if err != nil {
		panic(err)
	}
	return b
}

// peakHeap calls f and returns the largest heap in use while it ran,
// sampled every millisecond, above the heap in use before.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak uint64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	return max(peak, base.HeapAlloc) - base.HeapAlloc
}

// BenchmarkDecode reads a 20 MB corpus and reports, per byte of input, the
// bytes allocated and the peak heap in use (sampled) while decoding it.
func BenchmarkDecode(b *testing.B) {
	data := syntheticCorpus(20 << 20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var peak, total uint64
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			if _, err := claim.Decode(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}))
	}
	runtime.ReadMemStats(&after)
	total = after.TotalAlloc - before.TotalAlloc
	b.ReportMetric(float64(peak)/float64(len(data)), "peak-B/in-B")
	b.ReportMetric(float64(total)/float64(b.N)/float64(len(data)), "alloc-B/in-B")
}
