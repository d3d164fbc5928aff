package claim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/source"
)

// BenchmarkLoad loads a corpus file of CLAIMTRAIL_LOAD_STATEMENTS
// statements (10,000 by default) the way Load does now, path=fast, the
// way it did before the fast path, path=slow (the shape scan,
// encoding/json and validation), and as LoadChecked does, path=checked
// (Load's work and the index of its IDs), so that with -count all run in
// turn in one process:
//
//	CLAIMTRAIL_LOAD_STATEMENTS=1000000 GOMAXPROCS=1 go test -run '^$' -bench 'Load/' -benchtime 1x -count 3 ./claim/
//
// With CLAIMTRAIL_LOAD_FILE set, the corpus is that file, written first
// if it does not exist, so that a run that finds it measures loading
// alone, peak memory included (/usr/bin/time -v).
func BenchmarkLoad(b *testing.B) {
	n := 10000
	if s := os.Getenv("CLAIMTRAIL_LOAD_STATEMENTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("CLAIMTRAIL_LOAD_STATEMENTS=%q: want a positive number", s)
		}
	}
	path := os.Getenv("CLAIMTRAIL_LOAD_FILE")
	if path == "" {
		path = filepath.Join(b.TempDir(), "corpus.json")
	}
	if _, err := os.Stat(path); err != nil {
		if err := os.WriteFile(path, benchCorpus(n), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, bench := range []struct {
		name string
		load func(string) (int, error)
	}{
		{"path=fast", statementsOf(Load)},
		{"path=slow", statementsOf(loadSlow)},
		{"path=checked", func(path string) (int, error) {
			ch, err := LoadChecked(path)
			return ch.Len(), err
		}},
	} {
		b.Run(bench.name, func(b *testing.B) {
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			statements := 0
			for b.Loop() {
				n, err := bench.load(path)
				if err != nil {
					b.Fatal(err)
				}
				statements += n
			}
			b.ReportMetric(float64(statements)/b.Elapsed().Seconds(), "statements/s")
		})
	}
}

// statementsOf returns a function that loads a corpus with load and
// returns its number of statements.
func statementsOf(load func(string) (*Corpus, error)) func(string) (int, error) {
	return func(path string) (int, error) {
		c, err := load(path)
		if err != nil {
			return 0, err
		}
		return len(c.Statements), nil
	}
}

// loadSlow loads a corpus as Load did before decodeFast.
func loadSlow(path string) (*Corpus, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	blankBOM(data)
	c, err := decodeSlow(data)
	if err != nil {
		return nil, err
	}
	return c, c.Validate()
}

// benchCorpus returns a valid corpus document of n statements, each a
// denial with one mention, in articles of ten statements each, of fifty
// sources and n/100 claims: about 505 bytes a statement.
func benchCorpus(n int) []byte {
	c := Corpus{}
	for i := range 50 {
		c.Sources = append(c.Sources, source.Source{ID: source.ID(fmt.Sprintf("src%d", i)), Name: fmt.Sprintf("Source %d", i), Kind: source.KindGovernment})
	}
	for i := range max(n/100, 1) {
		c.Claims = append(c.Claims, Claim{ID: ID(fmt.Sprintf("c%d", i)), Text: "Norland supplies weapons to Eastria", Event: Year(2023)})
	}
	const sentence = "Norland's foreign ministry again denied on Tuesday that it supplies weapons to Eastria. "
	text := strings.Repeat(sentence, 16)
	published := time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC)
	for i := range n {
		article := source.ArticleID(fmt.Sprintf("a%d", i/10))
		if i%10 == 0 {
			c.Articles = append(c.Articles, source.Article{
				ID: article, Outlet: "src1", Published: published, Language: "en", Text: text,
				Title: "Norland repeats denial", URL: fmt.Sprintf("https://example.org/%d", i/10),
			})
		}
		start := (i % 10) * len(sentence)
		end := start + len(sentence) - 1
		c.Statements = append(c.Statements, Statement{
			ID: StatementID(fmt.Sprintf("s%d", i)), Claim: ID(fmt.Sprintf("c%d", i%len(c.Claims))), Source: source.ID(fmt.Sprintf("src%d", i%50)),
			Act: ActDeny, Factuality: CTMinus(), Said: Day(2024, 3, 5),
			Mentions: []Mention{{Article: article, Cue: "denied", Span: Span{
				Start: start, End: end, Exact: text[start:end], Prefix: text[max(start-24, 0):start], Suffix: text[end : end+24],
			}}},
		})
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(c); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
