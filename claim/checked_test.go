package claim_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

const (
	checkedValid   = "testdata/corpus/valid.json"
	checkedBroken  = "testdata/corpus/broken.json"
	checkedSyntax  = "testdata/corpus/syntax-error.json"
	checkedUnknown = "testdata/corpus/unknown-act.json"
)

// TestChecked checks that each way of making a Checked accepts what
// Validate accepts, fails as Load and Decode fail otherwise, and holds
// the corpus it was given.
func TestChecked(t *testing.T) {
	want, err := claim.Load(checkedValid)
	require.NoError(t, err, "Load")
	data, err := os.ReadFile(checkedValid)
	require.NoError(t, err)
	makers := []struct {
		name string
		make func() (*claim.Checked, error)
	}{
		{"check", func() (*claim.Checked, error) {
			c, err := claim.Load(checkedValid)
			require.NoError(t, err)
			return claim.Check(c)
		}},
		{"decode", func() (*claim.Checked, error) { return claim.DecodeChecked(strings.NewReader(string(data))) }},
		{"load", func() (*claim.Checked, error) { return claim.LoadChecked(checkedValid) }},
	}
	for _, tc := range makers {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := tc.make()
			require.NoError(t, err)
			if diff := cmp.Diff(want, ch.Corpus()); diff != "" {
				t.Errorf("Corpus() mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, len(want.Statements), ch.Len(), "Len()")
			reg, err := want.Registry()
			require.NoError(t, err)
			if diff := cmp.Diff(reg.Sources(), ch.Registry().Sources()); diff != "" {
				t.Errorf("Registry().Sources() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCheckedRejects checks that no way of making a Checked lets an
// invalid corpus through, and that each reports what Validate, Load or
// Decode report.
func TestCheckedRejects(t *testing.T) {
	for _, path := range []string{checkedBroken, checkedSyntax, checkedUnknown} {
		t.Run(path, func(t *testing.T) {
			_, loadErr := claim.Load(path)
			require.Error(t, loadErr, "Load")
			ch, err := claim.LoadChecked(path)
			assert.Nil(t, ch, "LoadChecked")
			assert.Equal(t, loadErr.Error(), errString(err), "LoadChecked's error is Load's")
			f, err := os.Open(path)
			require.NoError(t, err)
			defer f.Close()
			ch, err = claim.DecodeChecked(f)
			assert.Nil(t, ch, "DecodeChecked")
			var fe *claim.FieldError
			assert.ErrorAs(t, err, &fe, "DecodeChecked")
		})
	}
	tests := []struct {
		name string
		c    *claim.Corpus
		want error
	}{
		{"nil", nil, claim.ErrEmpty},
		{"unknown-claim", &claim.Corpus{
			Sources:  []source.Source{{ID: "us", Name: "United States"}},
			Articles: []source.Article{{ID: "a1", Outlet: "Wire", Title: "t", Text: "some text"}},
			Statements: []claim.Statement{{
				ID: "s1", Claim: "nope", Source: "us", Act: claim.ActAccuse, Factuality: claim.CTPlus(),
			}},
		}, claim.ErrUnknownClaim},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ch, err := claim.Check(tc.c)
			assert.Nil(t, ch, "Check")
			assert.ErrorIs(t, err, tc.want, "Check")
			var fe *claim.FieldError
			assert.ErrorAs(t, err, &fe, "Check")
		})
	}
}

// TestCheckedIsImmutable checks that neither the corpus given to Check nor
// one returned by Corpus can change what a Checked holds.
func TestCheckedIsImmutable(t *testing.T) {
	c, err := claim.Load(checkedValid)
	require.NoError(t, err)
	want, err := claim.Load(checkedValid)
	require.NoError(t, err)
	require.NotEmpty(t, c.Statements)
	require.NotEmpty(t, c.Claims)
	ch, err := claim.Check(c)
	require.NoError(t, err)
	spoil := func(c *claim.Corpus) {
		for i := range c.Statements {
			c.Statements[i].Claim = "spoilt"
			for k := range c.Statements[i].Mentions {
				c.Statements[i].Mentions[k].Cue = "spoilt"
			}
			for k := range c.Statements[i].Via {
				c.Statements[i].Via[k] = "spoilt"
			}
		}
		for i := range c.Claims {
			for k := range c.Claims[i].Actors {
				c.Claims[i].Actors[k].Source = "spoilt"
			}
			for k := range c.Claims[i].Relations {
				c.Claims[i].Relations[k].To = "spoilt"
			}
		}
		for i := range c.Sources {
			for k := range c.Sources[i].Aliases {
				c.Sources[i].Aliases[k] = "spoilt"
			}
			for k := range c.Sources[i].Offices {
				c.Sources[i].Offices[k].Title = "spoilt"
				for j := range c.Sources[i].Offices[k].Aliases {
					c.Sources[i].Offices[k].Aliases[j] = "spoilt"
				}
			}
		}
		for i := range c.Articles {
			c.Articles[i].Text = "spoilt"
		}
	}
	spoil(c)
	spoil(ch.Corpus())
	if diff := cmp.Diff(want, ch.Corpus()); diff != "" {
		t.Errorf("Corpus() after changing the corpora given and returned (-want +got):\n%s", diff)
	}
}

// TestCheckedZero checks that the zero Checked, and a nil one, hold the
// empty corpus.
func TestCheckedZero(t *testing.T) {
	for _, tc := range []struct {
		name string
		ch   *claim.Checked
	}{{"zero", new(claim.Checked)}, {"nil", nil}} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(&claim.Corpus{}, tc.ch.Corpus()); diff != "" {
				t.Errorf("Corpus() mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, 0, tc.ch.Len(), "Len()")
			require.NotNil(t, tc.ch.Registry(), "Registry()")
			_, ok := tc.ch.Registry().Source(source.AbsentID)
			assert.True(t, ok, "the empty registry holds the absent source")
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
