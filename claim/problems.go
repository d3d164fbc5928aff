package claim

import (
	"errors"

	"github.com/claimtrail/claimtrail/source"
)

// MaxProblems is how many problems an error from [Decode], [Load] or
// [Corpus.Validate] lists in full: [source.MaxProblems], which
// source.NewRegistry keeps to as well. The problems after those are not
// built, only counted by kind in one [*MoreError] at the end.
const MaxProblems = source.MaxProblems

// MoreError is [source.MoreError]: the problems an error leaves out after
// the first [MaxProblems], counted by the sentinel they wrap, claim's and
// source's alike ("and 999900 more problems: 999900 unknown claim").
// errors.Is sees through it to those sentinels.
type MoreError = source.MoreError

// problems collects the problems of one call: the first MaxProblems in
// full, and then only their number by kind.
type problems struct {
	errs []error
	more MoreError
}

func newProblems() *problems { return &problems{} }

// kinds are the sentinels problems are counted by, the most specific first.
var kinds = []error{
	ErrUnknownClaim, ErrSpan, ErrNotFound, ErrAmbiguous, ErrDate, ErrFactuality, ErrUnknownField, ErrDuplicateKey,
	ErrEmpty, ErrInvalidUTF8, ErrUnknownName, ErrDuplicateID, ErrUnknownSource, ErrUnknownArticle, ErrCycle,
	source.ErrAliasConflict, ErrInvalid,
}

// full reports whether the next problem is only counted.
func (p *problems) full() bool { return len(p.errs) >= MaxProblems }

// add records err, merging the counts of a *MoreError into p's.
func (p *problems) add(err error) {
	if more := (*MoreError)(nil); errors.As(err, &more) {
		for _, k := range more.Kinds {
			p.count(k.Err, k.Count)
		}
		return
	}
	if p.full() {
		p.count(kindOfProblem(err), 1)
		return
	}
	p.errs = append(p.errs, err)
}

// field records a problem with the field path names, as a *FieldError;
// path is called, and the error built, only while p is not full, so that
// a million bad statements cost a count each.
func (p *problems) field(path func() string, value string, err error) {
	if p.full() {
		p.count(kindOfProblem(err), 1)
		return
	}
	p.errs = append(p.errs, fieldErr(path(), value, err))
}

func (p *problems) count(kind error, n int) {
	for i := range p.more.Kinds {
		if errors.Is(p.more.Kinds[i].Err, kind) {
			p.more.Kinds[i].Count += n
			return
		}
	}
	p.more.Kinds = append(p.more.Kinds, source.KindCount{Err: kind, Count: n})
}

// err joins the problems, nil when there were none.
func (p *problems) err() error {
	if len(p.more.Kinds) > 0 {
		more := p.more
		return errors.Join(append(p.errs, &more)...)
	}
	return errors.Join(p.errs...)
}

// kindOfProblem returns the first of kinds that err wraps, or nil.
func kindOfProblem(err error) error {
	for _, k := range kinds {
		if errors.Is(err, k) {
			return k
		}
	}
	return nil
}
