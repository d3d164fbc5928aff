package timeline_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/timeline"
)

// BenchmarkLoadBuild measures reading a corpus file and building its
// timeline: claim.Load then Build, which validate it twice, against
// claim.LoadChecked then BuildChecked, which validate it once. The file
// is the synthetic corpus, written once to the temporary directory and
// kept there for later runs.
func BenchmarkLoadBuild(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("load-build/statements=%d", n), func(b *testing.B) {
			path := syntheticFile(b, n)
			measure(b, n, func() func() {
				return func() {
					c, err := claim.Load(path)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := timeline.Build(c, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
		b.Run(fmt.Sprintf("checked/statements=%d", n), func(b *testing.B) {
			path := syntheticFile(b, n)
			measure(b, n, func() func() {
				return func() {
					c, err := claim.LoadChecked(path)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := timeline.BuildChecked(c, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// syntheticFile returns the path of the synthetic corpus of n statements
// as a file in the temporary directory, writing it unless a run before
// wrote it.
func syntheticFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("claimtrail-bench-synthetic-%d.json", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	data, err := json.Marshal(synthetic(n))
	if err != nil {
		b.Fatal(err)
	}
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkBuildChecked measures building the timeline of a corpus checked
// beforehand, out of the timing: BuildChecked alone, which reads the
// statements' interned IDs rather than looking each up.
func BenchmarkBuildChecked(b *testing.B) {
	for _, n := range benchSizes(b) {
		ch, err := claim.Check(synthetic(n))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("statements=%d", n), func(b *testing.B) {
			measure(b, n, func() func() {
				return func() {
					if _, err := timeline.BuildChecked(ch, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
