package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/story/pgstore"
	"github.com/claimtrail/claimtrail/story/sqlitestore"
	"github.com/claimtrail/claimtrail/timeline"
)

// defaultStoreDir is the store directory when neither --store nor
// CLAIMTRAIL_STORE names one.
const defaultStoreDir = ".claimtrail"

// store is an open story store with what the command needs to tell a
// missing story from an empty one.
type store struct {
	story.Store
	close func() error
	// sqlite is the SQLite store, nil for PostgreSQL.
	sqlite *sqlitestore.Store
	// where names the store in messages.
	where string
}

// Close closes the store.
func (s *store) Close() error { return s.close() }

// openStore opens the store the flags and environment name. A SQLite
// store's directory is created only when create is set (init and import,
// which create stories): a command run in the wrong folder leaves no empty
// store behind.
func (a *app) openStore(ctx context.Context, create bool) (*store, error) {
	db := a.db
	if db == "" {
		db = a.getenv("CLAIMTRAIL_DB")
	}
	dir := a.storeDir
	if dir == "" {
		dir = a.getenv("CLAIMTRAIL_STORE")
	}
	if db != "" {
		if a.storeDir != "" {
			return nil, cli.Usagef("--store %q and --db name two stores: give one", a.storeDir)
		}
		pg, err := pgstore.Open(ctx, db)
		if err != nil {
			return nil, fmt.Errorf("opening the PostgreSQL store: %w (check --db or CLAIMTRAIL_DB)", err)
		}
		return &store{Store: pg, close: pg.Close, where: "the PostgreSQL store"}, nil
	}
	if dir == "" {
		dir = defaultStoreDir
	}
	if !create {
		if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
			return nil, cli.Usagef("no story store at %s: create a story with 'claimtrail init NAME', or point --store (or CLAIMTRAIL_STORE) at the store", dir)
		}
	}
	st, err := sqlitestore.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("opening the store %s: %w", dir, err)
	}
	return &store{Store: st, close: st.Close, sqlite: st, where: dir}, nil
}

// exists reports whether the store holds the story named id. A SQLite story
// exists once its file does; a PostgreSQL story once it holds anything.
func (s *store) exists(ctx context.Context, id string) (bool, error) {
	if s.sqlite != nil {
		_, err := os.Stat(s.sqlite.Path(id))
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, os.ErrNotExist):
			return false, nil
		}
		return false, err
	}
	b, err := s.Load(ctx, id, 0)
	if err != nil {
		return false, err
	}
	return len(b.Sources)+len(b.Articles)+len(b.Claims)+len(b.Statements)+len(b.Decisions) > 0, nil
}

// stories lists the stories of a SQLite store, sorted; nil for PostgreSQL,
// whose stories the store does not list.
func (s *store) stories() []string {
	if s.sqlite == nil {
		return nil
	}
	dir := filepath.Dir(s.sqlite.Path("x"))
	files, err := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	if err != nil {
		return nil
	}
	var names []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".sqlite")
		if story.CheckID(name) == nil {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// storyID returns the story the flags and environment name, or the only
// story of a SQLite store.
func (a *app) storyID(s *store) (string, error) {
	id := a.storyName
	if id == "" {
		id = a.getenv("CLAIMTRAIL_STORY")
	}
	if id != "" {
		if err := story.CheckID(id); err != nil {
			return "", cli.Usagef("--story %q: a story name is 1 to 128 letters, digits, dots, hyphens and underscores", id)
		}
		return id, nil
	}
	names := s.stories()
	switch len(names) {
	case 1:
		return names[0], nil
	case 0:
		return "", cli.Usagef("no story in %s: create one with 'claimtrail init NAME', or name one with --story", s.where)
	}
	return "", cli.Usagef("%d stories in %s (%s): name one with --story or CLAIMTRAIL_STORY", len(names), s.where, strings.Join(names, ", "))
}

// opened is a story opened from its store, for one command.
type opened struct {
	*story.Story
	st     *store
	report *story.Report
}

// openStory opens the story a command works on, which must exist. The
// caller closes it. It costs what story.Open costs: every article is
// extracted again and every decision applied again.
func (a *app) openStory(ctx context.Context, opts story.Options) (*opened, error) {
	st, err := a.openStore(ctx, false)
	if err != nil {
		return nil, err
	}
	o, err := a.openIn(ctx, st, opts)
	if err != nil {
		st.Close()
		return nil, err
	}
	return o, nil
}

// openTimeline opens the story a command works on, as openStory does, and
// builds its timeline under the default rules. The caller closes the
// story; on an error nothing stays open. It costs what openStory costs,
// plus a build linear in the story's statements.
func (a *app) openTimeline(ctx context.Context) (*opened, *timeline.Timeline, error) {
	s, err := a.openStory(ctx, story.Options{})
	if err != nil {
		return nil, nil, err
	}
	tl, err := s.Timeline(nil)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, tl, nil
}

// openIn opens the story a command works on in st.
func (a *app) openIn(ctx context.Context, st *store, opts story.Options) (*opened, error) {
	id, err := a.storyID(st)
	if err != nil {
		return nil, err
	}
	ok, err := st.exists(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		msg := fmt.Sprintf("no story %q in %s: create it with 'claimtrail init %s'", id, st.where, id)
		if names := st.stories(); len(names) > 0 {
			msg += fmt.Sprintf(", or name one of %s", strings.Join(names, ", "))
		}
		return nil, errors.New(msg)
	}
	s, report, err := story.Open(ctx, st, id, opts)
	if err != nil {
		return nil, fmt.Errorf("opening story %q: %w", id, err)
	}
	return &opened{Story: s, st: st, report: report}, nil
}

// Close closes the story's store.
func (o *opened) Close() error { return o.st.Close() }
