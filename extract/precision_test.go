package extract_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
)

// precisionLine is one line of a file in testdata/precision: a sentence,
// the attributions it must give as "cue=act" (none for none.txt and
// known.txt), and why.
type precisionLine struct {
	n        int
	sentence string
	want     []string
	reason   string
}

// readPrecision reads a file of testdata/precision: "SENTENCE | REASON"
// when fields is 2, "SENTENCE | CUE=ACT; ... | REASON" when it is 3.
func readPrecision(t *testing.T, name string, fields int) []precisionLine {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "precision", name))
	require.NoError(t, err)
	defer f.Close()
	var lines []precisionLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		parts := strings.Split(text, " | ")
		require.Lenf(t, parts, fields, "%s:%d: want %d fields separated by \" | \": %q", name, n, fields, text)
		l := precisionLine{n: n, sentence: parts[0], reason: parts[len(parts)-1]}
		if fields == 3 {
			for w := range strings.SplitSeq(parts[1], "; ") {
				require.Containsf(t, w, "=", "%s:%d: want CUE=ACT, got %q", name, n, w)
				l.want = append(l.want, w)
			}
			slices.Sort(l.want)
		}
		require.NotEmptyf(t, l.reason, "%s:%d: no reason given", name, n)
		lines = append(lines, l)
	}
	require.NoError(t, sc.Err())
	return lines
}

// gives returns the attributions Extract finds in sentence, as "cue=act",
// sorted.
func gives(t *testing.T, sentence string) []string {
	t.Helper()
	r, err := extract.Extract(sentence, extract.Options{})
	require.NoError(t, err)
	var got []string
	for _, c := range r.Candidates {
		got = append(got, c.Cue.Exact+"="+c.Act.String())
	}
	slices.Sort(got)
	return got
}

// TestPrecision checks the precision set in testdata/precision: cue words
// used in senses that report nobody's words give no attribution (none.txt),
// the same words in reporting frames give exactly the attributions listed
// (cue.txt), and the sentences the extractor is known to get wrong still
// give one (known.txt), so that a fix moves them to none.txt.
func TestPrecision(t *testing.T) {
	none := readPrecision(t, "none.txt", 2)
	cues := readPrecision(t, "cue.txt", 3)
	known := readPrecision(t, "known.txt", 2)
	require.GreaterOrEqual(t, len(none)+len(cues)+len(known), 200, "the precision set should hold at least 200 sentences")
	seen := make(map[string]string)
	for _, set := range []struct {
		name  string
		lines []precisionLine
	}{{"none.txt", none}, {"cue.txt", cues}, {"known.txt", known}} {
		for _, l := range set.lines {
			where := set.name + ":" + strconv.Itoa(l.n)
			if prev, dup := seen[l.sentence]; dup {
				t.Errorf("%s: sentence also at %s: %q", where, prev, l.sentence)
			}
			seen[l.sentence] = where
		}
	}
	for _, l := range none {
		t.Run("none/"+strconv.Itoa(l.n), func(t *testing.T) {
			assert.Emptyf(t, gives(t, l.sentence), "none.txt:%d: %q (%s) gives attributions", l.n, l.sentence, l.reason)
		})
	}
	for _, l := range cues {
		t.Run("cue/"+strconv.Itoa(l.n), func(t *testing.T) {
			if diff := cmp.Diff(l.want, gives(t, l.sentence)); diff != "" {
				t.Errorf("cue.txt:%d: Extract(%q) mismatch (-want +got):\n%s", l.n, l.sentence, diff)
			}
		})
	}
	for _, l := range known {
		t.Run("known/"+strconv.Itoa(l.n), func(t *testing.T) {
			assert.NotEmptyf(t, gives(t, l.sentence), "known.txt:%d: %q now gives no attribution: move it to none.txt", l.n, l.sentence)
		})
	}
}

// TestPrecisionCountInReadme checks that the module README states the size
// of the precision set as the files hold it: the sentences of the three
// files, and those still read wrongly (known.txt).
func TestPrecisionCountInReadme(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	require.NoError(t, err)
	none := readPrecision(t, "none.txt", 2)
	cues := readPrecision(t, "cue.txt", 3)
	known := readPrecision(t, "known.txt", 2)
	text := strings.Join(strings.Fields(string(readme)), " ")
	for _, tc := range []struct {
		name    string
		pattern string
		want    int
	}{
		{"all", "`extract/testdata/precision` holds ([0-9,]+) sentences", len(none) + len(cues) + len(known)},
		{"known", `and ([0-9,]+) sentences still read wrongly`, len(known)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := regexp.MustCompile(tc.pattern).FindStringSubmatch(text)
			require.NotNilf(t, m, "README.md states no figure matching %q", tc.pattern)
			got, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
			require.NoError(t, err)
			assert.Equalf(t, tc.want, got, "README.md says %q; the files hold %d", m[0], tc.want)
		})
	}
}
