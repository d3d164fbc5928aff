package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/source"
)

// benchArticles reads the gold articles: real-sized articles with page
// furniture, quotes and attributions of every kind.
func benchArticles(b *testing.B) []string {
	b.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "gold", "*.txt"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no gold articles: %v", err)
	}
	var out []string
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(raw))
	}
	return out
}

// goldSources reads the registry of each gold article, in the order
// benchArticles reads their texts.
func goldSources(tb testing.TB) [][]source.Source {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "gold", "*.json"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no gold articles: %v", err)
	}
	var out [][]source.Source
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		var art struct {
			Registry []source.Source `json:"registry"`
		}
		if err := json.Unmarshal(raw, &art); err != nil {
			tb.Fatalf("%s: %v", n, err)
		}
		out = append(out, art.Registry)
	}
	return out
}

// goldRegistry merges the registries of the gold articles into one, each
// article's sources whole or not at all: an article whose sources clash
// with those taken before (an alias used twice) is left out, and a source
// whose ID was taken before is taken once.
func goldRegistry(tb testing.TB) *source.Registry {
	tb.Helper()
	var all []source.Source
	seen := make(map[source.ID]bool)
	for _, srcs := range goldSources(tb) {
		var add []source.Source
		for _, s := range srcs {
			if !seen[s.ID] {
				add = append(add, s)
			}
		}
		if _, err := source.NewRegistry(append(slices.Clip(all), add...), nil); err != nil {
			continue
		}
		all = append(all, add...)
		for _, s := range add {
			seen[s.ID] = true
		}
	}
	reg, err := source.NewRegistry(all, nil)
	if err != nil || reg.Len() == 0 {
		tb.Fatalf("no registry from the gold articles: %v", err)
	}
	return reg
}

// benchOptions has a publication time, as real use does, so that relative
// dates resolve, but no registry: every speaker is looked up and proposed.
var benchOptions = Options{Published: time.Date(2024, time.May, 17, 9, 0, 0, 0, time.UTC)}

// BenchmarkExtract runs Extract over each gold article in turn and reports
// MB/s of article text and allocations per article. Compare with
// BenchmarkTokenize, a plain pass that only splits the same text into words.
func BenchmarkExtract(b *testing.B) {
	arts := benchArticles(b)
	b.SetBytes(totalLen(arts))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			if _, err := Extract(a, benchOptions); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() {
		for _, a := range arts {
			_, _ = Extract(a, benchOptions)
		}
	}))/float64(len(arts)), "allocs/article")
}

// BenchmarkExtractRegistry is BenchmarkExtract with each article's own
// registry, as real use has one: speakers resolve by name, alias and
// office as well as being proposed.
func BenchmarkExtractRegistry(b *testing.B) {
	arts, srcs := benchArticles(b), goldSources(b)
	if len(srcs) != len(arts) {
		b.Fatalf("%d gold texts, %d registries", len(arts), len(srcs))
	}
	opts := make([]Options, len(arts))
	for k, s := range srcs {
		reg, err := source.NewRegistry(s, nil)
		if err != nil {
			b.Fatalf("gold article %d: %v", k, err)
		}
		opts[k] = benchOptions
		opts[k].Registry = reg
	}
	b.SetBytes(totalLen(arts))
	b.ReportAllocs()
	for b.Loop() {
		for k, a := range arts {
			if _, err := Extract(a, opts[k]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() {
		for k, a := range arts {
			_, _ = Extract(a, opts[k])
		}
	}))/float64(len(arts)), "allocs/article")
}

// BenchmarkExtractAll runs ExtractAll over the gold articles eight times
// over and reports MB/s of article text. Run it with -cpu 1,2 to see what
// a second core gives: at 1 it is Extract's speed less ExtractAll's
// bookkeeping.
func BenchmarkExtractAll(b *testing.B) { benchExtractAll(b, benchOptions) }

// BenchmarkExtractAllRegistry is BenchmarkExtractAll with one registry of
// all the gold articles' sources (goldRegistry).
func BenchmarkExtractAllRegistry(b *testing.B) {
	opts := benchOptions
	opts.Registry = goldRegistry(b)
	benchExtractAll(b, opts)
}

// benchExtractAll runs ExtractAll over the gold articles eight times over
// with opts.
func benchExtractAll(b *testing.B, opts Options) {
	var arts []Article
	for range 8 {
		for _, a := range benchArticles(b) {
			arts = append(arts, Article{Text: a})
		}
	}
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, err := range ExtractAll(slices.Values(arts), opts) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTokenize is the baseline for BenchmarkExtract: one pass over the
// same text that splits it into words and counts them, the least any
// extractor must do.
func BenchmarkTokenize(b *testing.B) {
	arts := benchArticles(b)
	b.SetBytes(totalLen(arts))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, a := range arts {
			n += countWords(a)
		}
	}
	if n == 0 {
		b.Fatal("no words")
	}
}

// totalLen is the bytes of text in all the articles.
func totalLen(arts []string) int64 {
	n := 0
	for _, a := range arts {
		n += len(a)
	}
	return int64(n)
}

// countWords counts runs of letters and digits.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !in {
			n++
		}
		in = word
		i += w
	}
	return n
}

// BenchmarkExtractSize runs Extract on one long input made of the gold
// articles repeated, at 1 MB and 10 MB: time per byte should stay the same
// if Extract is linear in its input.
func BenchmarkExtractSize(b *testing.B) { benchExtractSize(b, benchOptions) }

// BenchmarkExtractSizeRegistry is BenchmarkExtractSize with one registry
// of all the gold articles' sources (goldRegistry).
func BenchmarkExtractSizeRegistry(b *testing.B) {
	opts := benchOptions
	opts.Registry = goldRegistry(b)
	benchExtractSize(b, opts)
}

// benchExtractSize runs Extract with opts on the gold articles repeated
// to 1 MB and 10 MB, with no limit on text or candidates.
func benchExtractSize(b *testing.B, opts Options) {
	// 10 MB is past DefaultMaxTextBytes, and its candidates may be past
	// DefaultMaxCandidates: lift both limits.
	opts.MaxTextBytes, opts.MaxCandidates = -1, -1
	joined := strings.Join(benchArticles(b), "\n\n")
	for _, size := range []struct {
		name string
		n    int
	}{{"1MB", 1 << 20}, {"10MB", 10 << 20}} {
		text := repeatTo(joined, size.n)
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Extract(text, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// repeatTo repeats s, separated by blank lines, until it is about n bytes.
// Each line of each copy starts with the copy's number ("R12: "), so that
// no copy is dropped as a repeat of an earlier one and every copy costs
// what the first does.
func repeatTo(s string, n int) string {
	var sb strings.Builder
	lines := strings.Split(s, "\n")
	for k := 0; sb.Len() < n; k++ {
		prefix := "R" + strconv.Itoa(k) + ": "
		for _, l := range lines {
			if strings.TrimSpace(l) != "" {
				sb.WriteString(prefix)
			}
			sb.WriteString(l)
			sb.WriteByte('\n')
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// BenchmarkGroups runs Groups on 10,000 and 100,000 candidates drawn from a
// small vocabulary, so that contents overlap heavily: time per candidate
// should stay about the same if Groups is near-linear. It reports the
// groups found and their mean size.
func BenchmarkGroups(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"10k", 10_000}, {"100k", 100_000}} {
		cands := similarCandidates(size.n)
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			var groups []Group
			for b.Loop() {
				groups = Groups(cands, 0)
			}
			members := 0
			for _, g := range groups {
				members += len(g.Members)
			}
			b.ReportMetric(float64(len(groups)), "groups")
			if len(groups) > 0 {
				b.ReportMetric(float64(members)/float64(len(groups)), "members/group")
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(cands)), "ns/candidate")
		})
	}
}

// BenchmarkExtractQuotes runs Extract on about 10 MB of quote-heavy text:
// paragraphs of direct quotations, each with its speaker ("he said"), so
// that nearly every sentence gives a candidate. It reports the bytes
// allocated per byte of input, from runtime.MemStats.TotalAlloc.
func BenchmarkExtractQuotes(b *testing.B) {
	text := quoteText(10 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	// 10 MB is past DefaultMaxTextBytes and its candidates past
	// DefaultMaxCandidates: lift both limits.
	opts := benchOptions
	opts.MaxTextBytes, opts.MaxCandidates = -1, -1
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	n := 0
	for b.Loop() {
		if _, err := Extract(text, opts); err != nil {
			b.Fatal(err)
		}
		n++
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(n)/float64(len(text)), "alloc-B/in-B")
}

// quoteText builds about n bytes of paragraphs of direct quotations with
// their speakers, the names varying so that speakers are not all one.
func quoteText(n int) string {
	names := []string{"Anton Relic", "Maria Okafor", "the minister", "a spokesperson for the agency", "John Kirby"}
	var sb strings.Builder
	for k := 0; sb.Len() < n; k++ {
		name := names[k%len(names)]
		sb.WriteString("“We will not accept the offer number " + strconv.Itoa(k) + ",” " + name + " said on Monday. ")
		sb.WriteString("“The talks have failed, and the ministry knows it,” he said. ")
		sb.WriteString("She told reporters that the plan was dead, adding: “Nobody believes it.”\n\n")
	}
	return sb.String()
}

// BenchmarkExtractAlloc runs Extract on the gold articles repeated to
// 256 KB and 1 MB (see repeatTo), and on 1 MB of one-line statements each
// by a speaker of its own ("Official 12 said the talks failed.", 27
// attributions and new sources a kilobyte, the densest shape), and reports
// the bytes it allocates per byte of input, from runtime.MemStats.TotalAlloc,
// and its peak heap per byte of input: the most heap in use above what was
// in use before the call, sampled every 50 µs by another goroutine while
// Extract runs once more after the timed loop.
func BenchmarkExtractAlloc(b *testing.B) {
	joined := strings.Join(benchArticles(b), "\n\n")
	for _, size := range []struct {
		name string
		text string
	}{
		{"gold-256KB", repeatTo(joined, 256<<10)},
		{"gold-1MB", repeatTo(joined, 1<<20)},
		{"statements-1MB", statementLines(1 << 20)},
	} {
		text := size.text
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			n := 0
			for b.Loop() {
				if _, err := Extract(text, benchOptions); err != nil {
					b.Fatal(err)
				}
				n++
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(n)/float64(len(text)), "alloc-B/in-B")
			b.ReportMetric(float64(peakHeap(func() { _, _ = Extract(text, benchOptions) }))/float64(len(text)), "peak-B/in-B")
		})
	}
}

// statementLines builds about n bytes of one-line paragraphs, each a
// statement by a speaker named by a number, so that each is a new source.
func statementLines(n int) string {
	var sb strings.Builder
	for k := 0; sb.Len() < n; k++ {
		sb.WriteString("Official " + strconv.Itoa(k) + " said the talks failed.\n\n")
	}
	return sb.String()
}

// peakHeap runs f and returns the most heap in use while it ran above what
// was in use before it, sampled every 50 µs.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		var s runtime.MemStats
		t := time.NewTicker(50 * time.Microsecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&s)
			peak = max(peak, s.HeapInuse)
			select {
			case <-stop:
				done <- peak
				return
			case <-t.C:
			}
		}
	}()
	f()
	runtime.ReadMemStats(&ms)
	close(stop)
	peak := max(<-done, ms.HeapInuse)
	if peak < base {
		return 0
	}
	return peak - base
}
