package jsonl_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/jsonl"
	"github.com/claimtrail/claimtrail/internal/synth"
	"github.com/claimtrail/claimtrail/source"
)

// statementLines returns n statement lines as Write writes them, each a
// denial with one mention.
func statementLines(b *testing.B, n int) []byte {
	b.Helper()
	var buf bytes.Buffer
	enc := jsonl.NewEncoder(&buf)
	for i := range n {
		s := claim.Statement{
			ID: claim.StatementID(fmt.Sprintf("s%d", i)), Claim: "shells", Source: "norland-foreign",
			Via: []source.ID{"wire"}, Act: claim.ActDeny, Factuality: claim.CTMinus(), Said: claim.Day(2024, 3, 5),
			Mentions: []claim.Mention{{Article: "wire-2024-03-05", Cue: "denied", Span: claim.Span{
				Start: 24, End: 110,
				Exact:  "Norland's foreign ministry again denied on Tuesday that it supplies weapons to Eastria.",
				Prefix: "Norland repeats denial\n\n", Suffix: " It is believed that more than",
			}}},
		}
		if err := enc.Encode(jsonl.StatementRecord(s)); err != nil {
			b.Fatal(err)
		}
	}
	return buf.Bytes()
}

// BenchmarkReadStatements compares Read with plain encoding/json
// unmarshalling of each line into the same struct, in one process:
//
//	GOMAXPROCS=1 go test -run '^$' -bench ReadStatements -count 5 ./format/jsonl/
func BenchmarkReadStatements(b *testing.B) {
	const n = 10000
	data := statementLines(b, n)
	b.Run("jsonl.Read", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			count := 0
			for rec, err := range jsonl.Read(bytes.NewReader(data), jsonl.Options{}) {
				if err != nil || rec.Type != jsonl.TypeStatement {
					b.Fatal(err)
				}
				count++
			}
			if count != n {
				b.Fatalf("read %d records, want %d", count, n)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(make([]byte, 64<<10), jsonl.DefaultMaxLine)
			count := 0
			for sc.Scan() {
				var s claim.Statement
				if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
					b.Fatal(err)
				}
				count++
			}
			if count != n {
				b.Fatalf("read %d records, want %d", count, n)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
	})
}

// BenchmarkValidate measures the streaming validation of statements.
func BenchmarkValidate(b *testing.B) {
	const n = 10000
	var buf bytes.Buffer
	buf.WriteString(base)
	buf.Write(statements(n).(*bytes.Buffer).Bytes()[len(base):])
	data := buf.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := jsonl.Validate(bytes.NewReader(data), jsonl.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkReadInterleaved reads the same lines with Read and with plain
// encoding/json by turns, one after the other in each iteration, so that
// a machine whose speed drifts slows both alike, and reports the median
// rate of each and the median of their ratios:
//
//	GOMAXPROCS=1 go test -run '^$' -bench ReadInterleaved -benchtime 15x ./format/jsonl/
func BenchmarkReadInterleaved(b *testing.B) {
	const n = 10000
	data := statementLines(b, n)
	readJSONL := func() {
		for _, err := range jsonl.Read(bytes.NewReader(data), jsonl.Options{}) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	readPlain := func() {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 64<<10), jsonl.DefaultMaxLine)
		for sc.Scan() {
			var s claim.Statement
			if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
				b.Fatal(err)
			}
		}
	}
	var a, p, ratio []float64
	for b.Loop() {
		start := time.Now()
		readJSONL()
		mid := time.Now()
		readPlain()
		end := time.Now()
		a = append(a, float64(n)/mid.Sub(start).Seconds())
		p = append(p, float64(n)/end.Sub(mid).Seconds())
		ratio = append(ratio, a[len(a)-1]/p[len(p)-1])
	}
	b.ReportMetric(median(a), "jsonl-records/s")
	b.ReportMetric(median(p), "json-records/s")
	b.ReportMetric(median(ratio), "ratio")
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// generated is a reader of base followed by n statements, made a line at
// a time as it is read, so that no file of them sits in memory.
type generated struct {
	n, i int
	buf  []byte
}

func (g *generated) Read(p []byte) (int, error) {
	for len(g.buf) < len(p) && g.i <= g.n {
		if g.i == 0 {
			g.buf = append(g.buf, base...)
		} else {
			g.buf = fmt.Appendf(g.buf, `{"type":"statement","id":"x%d","claim":"shells","source":"norland-foreign","act":"deny","factuality":"CT-","mentions":[{"article":"a1","cue":"denied","span":{"start":0,"end":18,"exact":"Norland denied it."}}]}`+"\n", g.i)
		}
		g.i++
	}
	if len(g.buf) == 0 {
		return 0, io.EOF
	}
	k := copy(p, g.buf)
	g.buf = g.buf[k:]
	return k, nil
}

// BenchmarkValidateStream validates a generated stream of statements in
// one pass. Its peak memory, with the process's, is what /usr/bin/time
// reports; CLAIMTRAIL_BENCH_STATEMENTS sets other sizes (comma-separated):
//
//	go test -c -o jsonl.test ./format/jsonl/
//	/usr/bin/time -f '%U s user, %M KB peak' ./jsonl.test -test.run '^$' -test.bench 'ValidateStream/statements=1000000$' -test.benchtime 1x
func BenchmarkValidateStream(b *testing.B) {
	sizes, err := synth.Sizes(100_000, 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			for b.Loop() {
				if err := jsonl.Validate(&generated{n: n}, jsonl.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
