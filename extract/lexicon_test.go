package extract_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/extract"
)

// TestLexicon checks that the embedded lexicon.txt parses, defines every
// class the code uses, and no class it does not.
func TestLexicon(t *testing.T) {
	assert.NoError(t, extract.LexiconError())
}

// TestParseLexicon checks the reader of the lexicon format on small files.
func TestParseLexicon(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  map[string]map[string]bool
		fails bool
	}{
		{name: "empty", text: "# nothing\n\n", want: map[string]map[string]bool{}},
		{name: "words", text: "[words a]\nx y  # a comment\nz\n", want: map[string]map[string]bool{"a": {"x": true, "y": true, "z": true}}},
		{name: "include", text: "[words a]\nx @b\n[words b]\ny @c\n[words c]\nz\n", want: map[string]map[string]bool{
			"a": {"x": true, "y": true, "z": true}, "b": {"y": true, "z": true}, "c": {"z": true},
		}},
		{name: "lines", text: "[lines a]\nread   more\nhome\n", want: map[string]map[string]bool{"a": {"read more": true, "home": true}}},
		{name: "cues", text: "[verbs]\nsay says said saying | assert\nwarn warned | warn possible tell weak\nrule ruled | assert takes:with takes:in+favour+of\n[nouns]\nclaim | assert\n[adjectives]\nsure | assert\n[adverbs]\nreportedly | assert probable\n[agentless]\nknown | assert certain\n[phrases denial]\nnever  supplied\n", want: map[string]map[string]bool{}},
		{name: "outside-section", text: "word\n", fails: true},
		{name: "unknown-section", text: "[nonsense]\n", fails: true},
		{name: "unclosed-header", text: "[words a\n", fails: true},
		{name: "empty-header", text: "[]\n", fails: true},
		{name: "named-cues", text: "[verbs x]\n", fails: true},
		{name: "unnamed-words", text: "[words]\nx\n", fails: true},
		{name: "unknown-phrase-kind", text: "[phrases nonsense]\nx y\n", fails: true},
		{name: "class-twice", text: "[words a]\nx\n[words a]\ny\n", fails: true},
		{name: "form-twice", text: "[nouns]\nclaim claims | assert\nclaim | accuse\n", fails: true},
		{name: "no-bar", text: "[verbs]\nsay says\n", fails: true},
		{name: "no-act", text: "[verbs]\nsay says |\n", fails: true},
		{name: "unknown-act", text: "[verbs]\nsay | shout\n", fails: true},
		{name: "unknown-attribute", text: "[nouns]\nclaim | assert loud\n", fails: true},
		{name: "takes-nothing", text: "[verbs]\nrule | assert takes:\n", fails: true},
		{name: "takes-empty-word", text: "[verbs]\nrule | assert takes:in++of\n", fails: true},
		{name: "agentless-two-words", text: "[agentless]\nbelieved thought | assert\n", fails: true},
		{name: "agentless-tell", text: "[agentless]\nbelieved | assert tell\n", fails: true},
		{name: "undefined-include", text: "[words a]\n@b\n", fails: true},
		{name: "cycle", text: "[words a]\n@b\n[words b]\n@a\n", fails: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extract.ParseLexicon(tc.text)
			if tc.fails {
				assert.Error(t, err)
				return
			}
			assert.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
