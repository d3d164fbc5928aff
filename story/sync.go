package story

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
)

// Head returns the head of the store the story holds: the number of the
// last batch appended to the story that it has read or written (see
// Store). A story kept in memory numbers its changes (each Add, each Apply
// that logged a decision) the same way. Pass it to Story.ApplySeen with
// decisions made while looking at the story as it is now. Constant time.
func (s *Story) Head() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.head
}

// Sync catches up with what other writers appended to the story's store
// since the story last read or wrote it, and reports the decisions it
// applied. New articles are extracted and new decisions applied, each
// article after the decisions logged before it was added, as Open would
// have done; only what is new is read and extracted. When the new batches
// hold what an incremental catch-up cannot take (sources, claims or
// statements imported into the story), or the story's last write failed
// (ErrBroken), Sync reads the whole story again, as Open does. A story
// kept in memory has nothing to catch up with.
//
// Sync costs one Load of what is new, plus extracting its articles and
// applying its decisions. On error (a store that cannot be read, a
// cancelled ctx) the story holds what it held or is read again whole by
// the next Sync, Add or Apply.
func (s *Story) Sync(ctx context.Context) (*Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sync(ctx)
}

func (s *Story) sync(ctx context.Context) (*Report, error) {
	if s.store == nil {
		return &Report{}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.broken {
		return s.reload(ctx)
	}
	b, err := s.store.Load(ctx, s.id, s.head)
	if err != nil {
		return nil, err
	}
	if b.Head == s.head {
		return &Report{}, nil
	}
	incremental := len(b.Sources) == 0 && len(b.Claims) == 0 && len(b.Statements) == 0 &&
		(len(b.Decisions) == 0 || b.Decisions[0].Seq == int64(len(s.decisions)+1)) &&
		!slices.ContainsFunc(b.Decisions, func(d Decision) bool { return d.Kind == KindUndo })
	arts := make([]*article, 0, len(b.Articles))
	for _, sa := range b.Articles {
		if sa.After < 0 || sa.After > len(s.decisions)+len(b.Decisions) {
			incremental = false
			break
		}
		arts = append(arts, &article{input: sa.Article, after: sa.After})
	}
	if !incremental {
		return s.reload(ctx)
	}
	r, err := s.replay(ctx, arts, b.Decisions, false)
	if err != nil {
		// Part of what is new may be in: read it all again next time.
		s.broken = true
		return nil, err
	}
	s.setHead(b.Head)
	return r, nil
}

// reload reads the story again whole from its store, and reports the
// decisions beyond those the story held as written.
func (s *Story) reload(ctx context.Context) (*Report, error) {
	held := s.logAt(s.head)
	b, err := s.store.Load(ctx, s.id, 0)
	if err != nil {
		return nil, err
	}
	opts := s.opts
	fresh, all, err := rebuild(ctx, s.id, opts, b)
	if err != nil {
		return nil, err
	}
	fresh.store = s.store
	// The heads held before stay true, the store's history only growing:
	// decisions made against them are still told apart.
	fresh.heads = append(s.heads, fresh.heads...)
	s.replace(fresh)
	s.broken = false
	r := &Report{}
	for _, d := range all.Applied {
		if d.Seq > int64(held) {
			r.Applied = append(r.Applied, d)
		}
	}
	for _, d := range all.Orphans {
		if d.Seq > int64(held) {
			r.Orphans = append(r.Orphans, d)
		}
	}
	for _, f := range all.Failed {
		if f.Decision.Seq > int64(held) {
			r.Failed = append(r.Failed, f)
		}
	}
	return r, nil
}

// stale reports whether err is a write refused because another writer
// appended first, which a read of the story and a second try may get past.
func (s *Story) stale(err error) bool {
	return s.broken && errors.Is(err, ErrConflict)
}

// setHead records that the story holds head, with the log as it is.
func (s *Story) setHead(head int64) {
	s.head = head
	s.heads = append(s.heads, seen{head: head, decisions: len(s.decisions)})
}

// logAt returns the length of the log when the story held head: that of
// the latest head it held at or before head, 0 if none.
func (s *Story) logAt(head int64) int {
	i := sort.Search(len(s.heads), func(i int) bool { return s.heads[i].head > head })
	if i == 0 {
		return 0
	}
	return s.heads[i-1].decisions
}

// target names what a decision decides, for the refusal of a decision on
// something decided meanwhile elsewhere; "" for a decision that decides
// nothing another could overwrite.
func target(d Decision) string {
	switch d.Kind {
	case KindAccept, KindReject:
		if d.Key != "" {
			return fmt.Sprintf("key %q", d.Key)
		}
		return fmt.Sprintf("source %q", d.Source)
	case KindMergeSource:
		return fmt.Sprintf("source %q", d.Source)
	case KindCreateClaim, KindRenameClaim:
		return fmt.Sprintf("claim %q", d.Claim)
	case KindReprint:
		return fmt.Sprintf("reprint of article %q", d.Article)
	case KindUndo, KindUnknown:
	}
	return ""
}

// targetOf is target, for an undo that of the decision it takes back.
func (s *Story) targetOf(d Decision) string {
	if d.Kind == KindUndo {
		if d.Undoes >= 1 && d.Undoes <= int64(len(s.decisions)) {
			return target(s.decisions[d.Undoes-1])
		}
		return ""
	}
	return target(d)
}
