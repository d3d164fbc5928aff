package story_test

import (
	"fmt"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// benchWords name the generated sources and claims.
var benchWords = strings.Fields(`harbour grain rail fuel border drone shell convoy bridge depot
	ferry cable pipeline tanker mine airfield radar missile reactor dam canal tunnel silo
	market bank loan tariff ballot court prison embassy envoy treaty ceasefire refugee aid
	vaccine clinic school strike protest riot flood drought fire quake storm spill leak`)

// benchSources returns n sources with two-word names and an alias each.
func benchSources(n int) []source.Source {
	out := make([]source.Source, n)
	for i := range n {
		w1, w2 := benchWords[i%len(benchWords)], benchWords[(i/len(benchWords))%len(benchWords)]
		id := source.ID("src-" + strconv.Itoa(i))
		out[i] = source.Source{ID: id, Name: fmt.Sprintf("Kestrel %s %s Office %d", w1, w2, i), Kind: source.KindAgency,
			Aliases: []string{fmt.Sprintf("KO%d", i)}}
	}
	return out
}

// benchClaims returns n create-claim decisions of varied texts.
func benchClaims(n int) []story.Decision {
	out := make([]story.Decision, n)
	for i := range n {
		var words []string
		for k := range 6 {
			words = append(words, benchWords[(i*7+k*13+i/len(benchWords))%len(benchWords)])
		}
		out[i] = story.Decision{Kind: story.KindCreateClaim, Claim: claim.ID("c" + strconv.Itoa(i)),
			Text: "Claim " + strconv.Itoa(i) + ": " + strings.Join(words, " ")}
	}
	return out
}

// benchArticle returns an article of about size bytes, made of the
// fixture's paragraphs, whose speakers the registry knows.
func benchArticle(t testing.TB, size int) string {
	_, arts := fixture(t)
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		a := arts[i%len(arts)].Text
		if i > 0 {
			a = a[strings.IndexByte(a, '\n')+1:] // one headline
		}
		sb.WriteString(a)
		sb.WriteString("\n")
	}
	return sb.String()
}

// BenchmarkAdd adds a 5 KB article with its proposals to a story whose
// registry holds 10,000 sources and which holds 10,000 claims.
func BenchmarkAdd(b *testing.B) {
	srcs, _ := fixture(b)
	s, err := story.New("bench", story.Options{Sources: append(srcs, benchSources(10000)...)})
	require.NoError(b, err)
	_, err = s.Apply(ctx, benchClaims(10000)...)
	require.NoError(b, err)
	text := benchArticle(b, 5000)
	at := time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC)
	// One article first, so that the registry is built before timing.
	_, err = s.Add(ctx, source.Article{ID: "warm", Text: text, Published: at})
	require.NoError(b, err)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	i := 0
	cpu := cpuTime()
	for b.Loop() {
		i++
		ad, err := s.Add(ctx, source.Article{ID: source.ArticleID("a" + strconv.Itoa(i)), Text: text, Published: at})
		if err != nil || len(ad.Candidates) == 0 {
			b.Fatal(err, "no candidates")
		}
	}
	// The process's CPU time per Add, garbage collection included: on a
	// shared machine it says what Add costs where wall time says how busy
	// the machine was.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(i), "cpu-ns/op")
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// undoStory returns a story of n articles, the fixture's eight again and
// again under new IDs, each with its first candidate accepted onto one
// claim, and the key of a candidate left pending in the last article.
func undoStory(b *testing.B, n int) (*story.Story, story.Key) {
	srcs, arts := fixture(b)
	s, err := story.New("bench", story.Options{Sources: srcs})
	require.NoError(b, err)
	_, err = s.Apply(ctx, story.Decision{Kind: story.KindCreateClaim, Claim: "shells", Text: "Norland ships artillery shells to Eastria"})
	require.NoError(b, err)
	var last story.Key
	for i := range n {
		a := arts[i%len(arts)]
		a.ID = source.ArticleID(fmt.Sprintf("%s-%d", a.ID, i))
		a.Published = a.Published.Add(time.Duration(i/len(arts)) * 30 * 24 * time.Hour)
		a.Reprints = ""
		ad, err := s.Add(ctx, a)
		require.NoError(b, err)
		for k, p := range ad.Candidates {
			if k == 0 {
				_, err = s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: p.Key, Claim: "shells"})
				require.NoError(b, err)
			}
			last = p.Key
		}
	}
	return s, last
}

// BenchmarkUndo takes back the acceptance of a candidate of the last of
// 200 articles: the story is built again as if it had never been made.
// Each iteration accepts the candidate and takes it back.
func BenchmarkUndo(b *testing.B) {
	s, k := undoStory(b, 200)
	b.ReportAllocs()
	cpu := cpuTime()
	n := 0
	for b.Loop() {
		n++
		r, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: k, Claim: "shells"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Apply(ctx, story.Decision{Kind: story.KindUndo, Undoes: r.Applied[0].Seq}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(n), "cpu-ns/op")
}

// BenchmarkTimelineReprint asks for the timeline of a story of 2,000
// articles (see undoStory) after each of a run of reprints: an earlier
// article's text again, under a new ID a day after the last, marked as a
// reprint, its candidates accepted as new mentions of the statements the
// story holds. Adding, marking and accepting are not timed; Story.Timeline
// extends the timeline it kept with the new mentions. It reports the CPU
// time of a Timeline call, and its share of a timeline.Build of the
// story's corpus measured in the same run (of-build):
//
//	GOMAXPROCS=1 go test -run '^$' -bench '^BenchmarkTimelineReprint$' -benchtime=200x -count=3 ./story/
//
// Each reprint mentions the same few statements again, and an extension
// copies the mentions of the statements it gives new ones (see
// timeline.Timeline.ExtendMentions): over a long run the call grows with
// them, and builds whole now and then to compact.
func BenchmarkTimelineReprint(b *testing.B) {
	s, _ := undoStory(b, 2000)
	_, arts := fixture(b)
	stmts := s.Corpus().Statements
	if _, err := s.Timeline(nil); err != nil {
		b.Fatal(err)
	}
	last := time.Time{}
	for _, a := range arts {
		if a.Published.After(last) {
			last = a.Published
		}
	}
	last = last.Add(2000 / time.Duration(len(arts)) * 30 * 24 * time.Hour)
	b.ReportAllocs()
	var cpu time.Duration
	k := 0
	for b.Loop() {
		b.StopTimer()
		k++
		a := arts[k%len(arts)]
		a.ID = source.ArticleID(fmt.Sprintf("reprint-%d", k))
		a.Published = last.Add(time.Duration(k) * 24 * time.Hour)
		a.Reprints = ""
		ad, err := s.Add(ctx, a)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Apply(ctx, story.Decision{Kind: story.KindReprint, Article: a.ID, Of: source.ArticleID(fmt.Sprintf("%s-%d", arts[k%len(arts)].ID, k%len(arts)))}); err != nil {
			b.Fatal(err)
		}
		for i, p := range ad.Candidates {
			same := p.SameAs
			if same == "" {
				same = stmts[(k+i)%len(stmts)].ID
			}
			if _, err := s.Apply(ctx, story.Decision{Kind: story.KindAccept, Key: p.Key, SameAs: same}); err != nil {
				b.Fatal(err)
			}
		}
		before := cpuTime()
		b.StartTimer()
		_, err = s.Timeline(nil)
		b.StopTimer()
		cpu += cpuTime() - before
		b.StartTimer()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	c := s.Corpus()
	before := cpuTime()
	if _, err := timeline.Build(c, nil); err != nil {
		b.Fatal(err)
	}
	build := cpuTime() - before
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	if build > 0 {
		b.ReportMetric(float64(cpu)/float64(b.N)/float64(build), "of-build")
	}
	b.ReportMetric(float64(len(c.Statements)), "statements")
}
