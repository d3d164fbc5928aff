package story

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// Store keeps stories. The packages story/sqlitestore (an embedded SQLite
// file per story, the default) and story/pgstore (PostgreSQL, for stories
// shared by a newsroom) implement it, and story/storetest checks an
// implementation.
//
// A story is stored as what cannot be derived: the sources and the claims
// and statements it started from (Options.Sources, or a corpus given to
// Import), its articles in the order they were added, and its decision log.
// Everything else (proposals, accepted statements) follows by running the
// extractor and applying the log again, which Open does.
//
// Each Append is a numbered batch: the story's head is the number of its
// last batch, 0 for a story never written. A writer passes the head it last
// saw to Append, which refuses the batch when another writer appended
// first: optimistic concurrency, so that no writer decides on what it has
// not seen. A reader catches up with Load from the head it holds.
//
// Implementations must be safe for concurrent use, by goroutines and by
// processes: each Append is one transaction that checks the head and
// writes the batch, all or nothing, and two writers appending to one story
// lose nothing.
type Store interface {
	// Load returns what was appended to the story after its batch number
	// since, in the order it was appended, with Batch.Head set to the
	// story's head: everything for since 0, an empty Batch of Head 0 for
	// a story never written. A since the story never had (above its head)
	// gives an error wrapping ErrInvalid.
	Load(ctx context.Context, story string, since int64) (*Batch, error)
	// Append adds the batch to the story in one transaction, creating the
	// story on first use, and returns the story's new head. When head is
	// not AnyHead and the story's head is not head, it writes nothing and
	// fails with an error wrapping ErrConflict. An ID the story already
	// holds (a source, article, claim or statement) fails the whole batch
	// with an error wrapping ErrDuplicateID. Decisions are appended to the
	// log in order; their Seq is set by the store, after those of earlier
	// batches.
	Append(ctx context.Context, story string, head int64, b *Batch) (int64, error)
}

// AnyHead, given to Store.Append as the head, appends whatever the story's
// head: for writes that cannot contradict another writer's, such as
// importing a corpus whose IDs the store checks.
const AnyHead int64 = -1

// Batch is what one Store.Append adds to a story, or what Store.Load
// returns.
type Batch struct {
	// Sources are base sources: those the story started from, not those
	// accepted from proposals (which the decision log gives).
	Sources []source.Source
	// Articles are the articles added, in order.
	Articles []StoredArticle
	// Claims and Statements are imported ones, which no decision gave.
	Claims     []claim.Claim
	Statements []claim.Statement
	// Decisions are appended to the log.
	Decisions []Decision
	// Format is the corpus format the story was imported from; empty
	// otherwise.
	Format string
	// Head is, in a Batch that Store.Load returns, the story's head: the
	// number of its last batch. Store.Append ignores it.
	Head int64
}

// StoredArticle is an article as stored: its text and metadata as given to
// Story.Add, and its place among the decisions.
type StoredArticle struct {
	Article source.Article `json:"article"`
	// After is the number of decisions in the log when the article was
	// added, so that replaying the log reads it with the registry it was
	// first read with; -1 for an imported article, which is not extracted.
	After int `json:"after"`
}

// ErrBroken reports a story whose last write to its store failed: the
// story in memory held what the store does not, so Story.Sync, or the
// next Add or Apply, reads it again from the store.
var ErrBroken = errors.New("story: a write to the store failed")

// Open opens the story named id in st, creating it on first use with
// opts.Sources as its base sources (they are ignored for a story that
// exists). It reads the story and rebuilds it: each article is extracted
// again and the decision log applied again, as Reextract does; decisions
// that became orphans or no longer apply are reported in the Report.
// Afterwards Add and Apply write through to st, each in one transaction.
//
// Two programs may follow one story at once: the store loses neither's
// writes, each catches up with the other's before it writes (see
// Story.Sync, Story.Add and Story.Apply), and a decision made elsewhere is
// never overwritten by one made without seeing it. When both add an
// article with the same ID, the second Add fails with ErrDuplicateID.
//
// Open costs what Load costs, plus extracting every article and applying
// every decision; imported articles are not extracted.
func Open(ctx context.Context, st Store, id string, opts Options) (*Story, *Report, error) {
	if !storyID.MatchString(id) {
		return nil, nil, fieldErr("id", id, ErrInvalid)
	}
	b, err := st.Load(ctx, id, 0)
	if err != nil {
		return nil, nil, err
	}
	if b.Head == 0 && len(opts.Sources) > 0 {
		if _, err := New(id, opts); err != nil {
			return nil, nil, err
		}
		_, err := st.Append(ctx, id, 0, &Batch{Sources: opts.Sources})
		if err != nil && !errors.Is(err, ErrConflict) {
			return nil, nil, err
		}
		// Created here, or by another program meanwhile: read what is
		// there.
		if b, err = st.Load(ctx, id, 0); err != nil {
			return nil, nil, err
		}
	}
	s, r, err := rebuild(ctx, id, opts, b)
	if err != nil {
		return nil, nil, err
	}
	s.store = st
	return s, r, nil
}

// rebuild makes a story from what a store holds.
func rebuild(ctx context.Context, id string, opts Options, b *Batch) (*Story, *Report, error) {
	opts.Sources = b.Sources
	unattended := opts.Unattended
	opts.Unattended = 0
	s, err := New(id, opts)
	if err != nil {
		return nil, nil, err
	}
	s.opts.Unattended = unattended
	s.format = b.Format
	// The base keeps what the store returned, never changed: Reextract
	// clones what it takes from it.
	s.base.claims, s.base.statements = b.Claims, b.Statements
	for _, c := range b.Claims {
		s.addClaim(c.Clone())
	}
	// A story's statements share their Via and Mentions with the base, not
	// copied: the story never writes into them (acceptSame and undo copy
	// the mentions they change), and a million statements copied would be a
	// million allocations more on every Open.
	s.statements = slices.Grow(s.statements, len(b.Statements))
	s.stmtPos = make(map[claim.StatementID]int, len(b.Statements))
	for _, st := range b.Statements {
		s.addStatement(st)
	}
	// Imported articles come first; the others interleave with the log.
	var extracted []*article
	for _, sa := range b.Articles {
		if sa.After < 0 {
			s.addImported(sa.Article)
			continue
		}
		extracted = append(extracted, &article{input: sa.Article, after: sa.After})
	}
	r, err := s.replay(ctx, extracted, b.Decisions, false)
	if err != nil {
		return nil, nil, err
	}
	s.setHead(b.Head)
	return s, r, nil
}

// addImported adds an imported article: it is part of the corpus, and of
// the reprint index, but proposes nothing.
func (s *Story) addImported(a source.Article) {
	art := &article{input: a, a: a, after: -1, added: &Added{Article: a.ID}}
	s.articles = append(s.articles, art)
	s.byArticle[a.ID] = art
	art.sig = sign(a.Text)
	s.reprints.add(a.ID, art.sig)
}

// replay adds articles and applies decisions, each article after the
// decisions logged before it was added: the story holds the log's first
// decisions, ds are those that follow, and arts the articles added after
// those the story holds. With reuse, an article read with a registry of
// the same digest as when arts had it is not extracted again (see
// extraction).
func (s *Story) replay(ctx context.Context, arts []*article, ds []Decision, reuse bool) (*Report, error) {
	r := &Report{}
	next := 0
	held := len(s.decisions)
	// A decision taken back by an undo later in the log is never applied:
	// the story is as if it had not been made.
	later := map[int64]bool{}
	for _, d := range ds {
		if d.Kind == KindUndo {
			later[d.Undoes] = true
		}
	}
	addUntil := func(i int) error {
		for next < len(arts) && arts[next].after <= held+i {
			if err := ctx.Err(); err != nil {
				return err
			}
			var prev *article
			if reuse {
				prev = arts[next]
			}
			if _, err := s.addAgain(arts[next].input, prev); err != nil {
				return fmt.Errorf("story: article %q: %w", arts[next].input.ID, err)
			}
			next++
		}
		return nil
	}
	for i, d := range ds {
		if err := addUntil(i); err != nil {
			return nil, err
		}
		d.Seq = 0
		if later[int64(held+i+1)] {
			s.log(d, false)
			continue
		}
		orphan, err := s.apply(d)
		switch {
		case err != nil:
			d = s.log(d, false)
			s.failed[d.Seq] = true
			r.Failed = append(r.Failed, Failure{Decision: d, Err: err, Reason: err.Error()})
		case orphan:
			r.Orphans = append(r.Orphans, s.log(d, true))
		default:
			d = s.log(d, false)
			s.effects[d.Seq] = s.effect(d)
			r.Applied = append(r.Applied, d)
		}
	}
	if err := addUntil(len(ds)); err != nil {
		return nil, err
	}
	return r, nil
}

// write appends a batch to the story's store, checked against the head the
// story holds; a failure breaks the story, which must then be read again.
// A story kept in memory numbers its batches itself.
func (s *Story) write(ctx context.Context, b *Batch) error {
	if s.store == nil {
		s.setHead(s.head + 1) // numbered as a store would
		return nil
	}
	head, err := s.store.Append(context.WithoutCancel(ctx), s.id, s.head, b)
	if err != nil {
		s.broken = true
		if errors.Is(err, ErrConflict) {
			return err
		}
		return fmt.Errorf("%w: %w", ErrBroken, err)
	}
	s.setHead(head)
	return nil
}

// Import writes a corpus to st as the story named id, in one
// transaction: its sources become the story's base sources, its articles
// imported articles (not extracted), its claims and statements imported
// ones. The corpus is validated first (claim.Corpus.Validate). Export
// returns it unchanged, so that the corpus JSON goes through a store
// losslessly. Importing into a story that holds any of the corpus's IDs
// fails with an error wrapping ErrDuplicateID and writes nothing. Import
// costs time linear in the corpus.
func Import(ctx context.Context, st Store, id string, c *claim.Corpus) error {
	if !storyID.MatchString(id) {
		return fieldErr("id", id, ErrInvalid)
	}
	if err := c.Validate(); err != nil {
		return err
	}
	b := &Batch{Sources: c.Sources, Claims: c.Claims, Statements: c.Statements, Format: c.Format}
	for _, a := range c.Articles {
		b.Articles = append(b.Articles, StoredArticle{Article: a, After: -1})
	}
	_, err := st.Append(ctx, id, AnyHead, b)
	return err
}

// Export returns the story named id in st as a corpus (see Story.Corpus):
// a corpus given to Import comes back as it went in. It costs what Open
// costs.
func Export(ctx context.Context, st Store, id string) (*claim.Corpus, error) {
	s, _, err := Open(ctx, st, id, Options{})
	if err != nil {
		return nil, err
	}
	return s.Corpus(), nil
}

// CheckID reports whether id can name a story: 1 to 128 ASCII letters,
// digits, dots, hyphens and underscores, starting with a letter or digit,
// so that it can name a file. Another id gives a *FieldError on "id"
// wrapping ErrInvalid.
func CheckID(id string) error {
	if !storyID.MatchString(id) {
		return fieldErr("id", id, ErrInvalid)
	}
	return nil
}
