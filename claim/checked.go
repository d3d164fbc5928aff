package claim

import (
	"io"
	"slices"

	"github.com/claimtrail/claimtrail/internal/corpusview"
	"github.com/claimtrail/claimtrail/source"
)

// Checked is a corpus that passed [Corpus.Validate] and that nobody can
// change any more: it holds its corpus privately, with the registry of its
// sources and articles, so that timeline.BuildChecked can build it without
// validating it again and without copying it. Only this package makes one:
// [Check] from a corpus of the caller's, [DecodeChecked] and [LoadChecked]
// from a document.
//
// The zero Checked holds the empty corpus, which is valid. A Checked is
// immutable and safe for concurrent use.
type Checked struct {
	corpus *Corpus           // nil for the empty corpus
	reg    *source.Registry  // nil for the empty corpus
	idx    *corpusview.Index // nil for the empty corpus
}

func init() {
	corpusview.Register(func(x any) (any, *source.Registry) {
		c := x.(*Checked)
		if c == nil || c.corpus == nil {
			return new(Corpus), new(source.Registry)
		}
		return c.corpus, c.reg
	})
	corpusview.RegisterIndex(func(x any) *corpusview.Index {
		c := x.(*Checked)
		if c == nil || c.idx == nil {
			return new(corpusview.Index)
		}
		return c.idx
	})
	corpusview.RegisterIntern(func(x any) (*source.Registry, *corpusview.Index, error) {
		return x.(*Corpus).validate(false, true)
	})
}

// Check validates c as [Corpus.Validate] does and returns a Checked that
// holds a copy of it, so that changing c afterwards changes nothing in the
// Checked. It returns the error Validate returns, and no Checked, when c
// is not valid. Check takes time and memory linear in the size of the
// corpus: the copy shares the corpus's strings, which cannot change, and
// copies everything else, in a few large allocations; the validation
// keeps, for the timeline, the index of every ID each statement names
// (about 16 bytes a statement with one mention and no Via).
func Check(c *Corpus) (*Checked, error) {
	reg, idx, err := c.validate(false, true)
	if err != nil {
		return nil, err
	}
	return &Checked{corpus: c.clone(), reg: reg, idx: idx}, nil
}

// DecodeChecked reads and validates one corpus document as [Decode] does,
// and returns it as a Checked. Since no one else holds the decoded corpus,
// it is not copied. Its costs and errors are Decode's, and the index
// Check keeps.
func DecodeChecked(r io.Reader) (*Checked, error) {
	c, reg, idx, err := decode(r, true)
	if err != nil {
		return nil, err
	}
	return &Checked{corpus: c, reg: reg, idx: idx}, nil
}

// LoadChecked reads and validates the corpus document in the named file as
// [Load] does, and returns it as a Checked, not copied. Its costs and
// errors are Load's, and the index Check keeps.
func LoadChecked(path string) (*Checked, error) {
	c, reg, idx, err := load(path, true)
	if err != nil {
		return nil, err
	}
	return &Checked{corpus: c, reg: reg, idx: idx}, nil
}

// Corpus returns a copy of the corpus, which the caller may change freely;
// the Checked keeps its own. It takes time and memory linear in the size
// of the corpus.
func (c *Checked) Corpus() *Corpus {
	if c == nil || c.corpus == nil {
		return new(Corpus)
	}
	return c.corpus.clone()
}

// Registry returns the registry of the corpus's sources and articles,
// which is immutable; the empty corpus has the registry of no sources and
// articles. It takes constant time.
func (c *Checked) Registry() *source.Registry {
	if c == nil || c.reg == nil {
		return new(source.Registry)
	}
	return c.reg
}

// Len returns the number of statements in the corpus. It takes constant
// time.
func (c *Checked) Len() int {
	if c == nil || c.corpus == nil {
		return 0
	}
	return len(c.corpus.Statements)
}

// clone returns a copy of c that shares no memory with it but its strings.
// The statements' Via entries and mentions are copied into two arrays,
// each statement's slice capped at its own entries, so that appending to
// one never writes over the next: two allocations, not two a statement.
func (c *Corpus) clone() *Corpus {
	out := &Corpus{
		Format:     c.Format,
		Sources:    slices.Clone(c.Sources),
		Articles:   slices.Clone(c.Articles),
		Claims:     make([]Claim, len(c.Claims)),
		Statements: make([]Statement, len(c.Statements)),
	}
	for i := range out.Sources {
		s := &out.Sources[i]
		s.Aliases = slices.Clone(s.Aliases)
		s.Offices = slices.Clone(s.Offices)
		for k := range s.Offices {
			s.Offices[k].Aliases = slices.Clone(s.Offices[k].Aliases)
		}
	}
	for i, cl := range c.Claims {
		out.Claims[i] = cl.Clone()
	}
	nVia, nMen := 0, 0
	for i := range c.Statements {
		nVia += len(c.Statements[i].Via)
		nMen += len(c.Statements[i].Mentions)
	}
	via := make([]source.ID, 0, nVia)
	mentions := make([]Mention, 0, nMen)
	for i := range c.Statements {
		s := &out.Statements[i]
		*s = c.Statements[i]
		if s.Via != nil {
			lo := len(via)
			via = append(via, s.Via...)
			s.Via = via[lo:len(via):len(via)]
		}
		if s.Mentions != nil {
			lo := len(mentions)
			mentions = append(mentions, s.Mentions...)
			s.Mentions = mentions[lo:len(mentions):len(mentions)]
		}
	}
	return out
}
