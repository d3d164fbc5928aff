package extract_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
)

// TestDescriptionNamesOwnSpeaker checks that a source text naming its own
// speaker, by a capitalised word or a registry name, is never read as a
// description referring back to the previous speaker, while "the defence
// ministry" and "the ministry" still are.
func TestDescriptionNamesOwnSpeaker(t *testing.T) {
	ministries := []source.Source{
		{ID: "russia-mod", Name: "Russian Defence Ministry", Kind: source.KindAgency},
		{ID: "uk-mod", Name: "British Defence Ministry", Kind: source.KindAgency, Aliases: []string{"UK Ministry of Defence"}},
	}
	reg, err := source.NewRegistry(ministries, nil)
	require.NoError(t, err)
	// A British paper's registry, where "the defence ministry" is Britain's.
	british, err := source.NewRegistry([]source.Source{
		ministries[0],
		{ID: "uk-mod", Name: "British Defence Ministry", Kind: source.KindAgency, Aliases: []string{"the defence ministry"}},
	}, nil)
	require.NoError(t, err)
	const before = "The Russian defence ministry said that the drones were British. "
	type speaker struct {
		ID         source.ID
		Resolution extract.Resolution
	}
	tests := []struct {
		name string
		reg  *source.Registry
		text string
		want speaker
	}{
		{
			name: "capitalised-registry",
			reg:  reg,
			text: "The British defence ministry said that this 'invented story' was false.",
			want: speaker{"uk-mod", extract.ResolutionRegistry},
		},
		{
			name: "capitalised-alias",
			reg:  reg,
			text: "The UK Ministry of Defence said that this 'invented story' was false.",
			want: speaker{"uk-mod", extract.ResolutionRegistry},
		},
		{
			name: "capitalised-unknown",
			reg:  reg,
			text: "The French defence ministry said that the report was wrong.",
			want: speaker{"new:french-defence-ministry", extract.ResolutionNew},
		},
		{
			name: "capitalised-no-registry",
			text: "The British defence ministry said that this 'invented story' was false.",
			want: speaker{"new:british-defence-ministry", extract.ResolutionNew},
		},
		{
			name: "lower-case-registry-alias",
			reg:  british,
			text: "The defence ministry said that this 'invented story' was false.",
			want: speaker{"uk-mod", extract.ResolutionRegistry},
		},
		{
			name: "description",
			reg:  reg,
			text: "The defence ministry said that the drones had been shot down.",
			want: speaker{"russia-mod", extract.ResolutionCarried},
		},
		{
			name: "bare-description",
			reg:  reg,
			text: "The ministry said that the drones had been shot down.",
			want: speaker{"russia-mod", extract.ResolutionCarried},
		},
		{
			name: "description-without-registry",
			text: "The ministry said that the drones had been shot down.",
			want: speaker{"new:russian-defence-ministry", extract.ResolutionCarried},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := extract.Extract(before+tc.text, extract.Options{Registry: tc.reg})
			require.NoError(t, err)
			require.Len(t, res.Candidates, 2)
			c := res.Candidates[1]
			got := speaker{c.Speaker, c.Resolution}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract(%q) speaker mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}
