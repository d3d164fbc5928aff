package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/story"
)

func (a *app) undoCmd() *cobra.Command {
	var df decideFlags
	var seq int64
	var at string
	cmd := &cobra.Command{
		Use:   "undo",
		Short: "Take back the last decision, or the one --seq names",
		Long: `undo takes back a decision: the last one of the story's log that is not
an undo and was not taken back yet (with --by NAME, the last such decision
made by NAME, so that one reviewer does not take back another's), or, with
--seq N, decision N (the "seq" of 'claimtrail export --format decisions').
Run again, it takes back the one before, and so on.

The log only grows: the undo is a decision of its own,
{"kind":"undo","undoes":N}, dated --at (default now) and made by --by
(default $CLAIMTRAIL_USER, else $USER or $LOGNAME, else the system
account), and the story is then as if decision N had never been made: a
candidate it accepted or rejected waits for review again, a claim it
created or a source it accepted or merged is gone.

An undo that a later decision depends on (a candidate accepted onto the
claim the decision created, a source it accepted used as a speaker since)
is refused, naming that decision, and the story is left as it was: undo
that one first. An --at before the time of the decision taken back, or
more than a day after now, is refused. An undo, a decision taken back already, or a number the
log does not hold are refused too. A refusal exits with status 1.

After opening the story, an undo costs applying its log again, and
extracting again only the articles read with a registry the decision
taken back changed (a source it accepted or merged).`,
		Example: `  claimtrail undo
  claimtrail undo --seq 12 --note "accepted onto the wrong claim"
  claimtrail undo --by ana --at 2025-03-04T10:00:00Z`,
		Args: cobra.NoArgs,
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("seq") && seq < 1 {
				return cli.Usagef("--seq %d: give the seq of a decision of the log, from 1 ('claimtrail export --format decisions' shows them)", seq)
			}
			when := a.now().UTC()
			if at != "" {
				t, err := parseAt(at)
				if err != nil {
					return cli.Usagef("--at %q: %v", at, err)
				}
				when = t
			}
			s, err := a.openStory(ctx, story.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			log := s.Decisions()
			var target story.Decision
			if seq == 0 {
				var ok bool
				if target, ok = lastDecision(log, df.by); !ok {
					if df.by != "" {
						return fmt.Errorf("nothing to undo: no decision of story %s by %s is left to take back", s.ID(), safe(df.by))
					}
					return fmt.Errorf("nothing to undo: every decision of story %s is an undo or taken back", s.ID())
				}
			} else {
				for _, d := range log {
					if d.Seq == seq {
						target = d
					}
				}
				if target.Seq == 0 {
					return fmt.Errorf("not undone: story %s has no decision %d: its log holds %d ('claimtrail export --format decisions' lists them)", s.ID(), seq, len(log))
				}
			}
			if at != "" {
				if !target.At.IsZero() && when.Before(target.At) {
					return cli.Usagef("--at %s: before the decision it takes back, made at %s", when.Format(time.RFC3339), target.At.UTC().Format(time.RFC3339))
				}
				if limit := a.now().UTC().Add(24 * time.Hour); when.After(limit) {
					return cli.Usagef("--at %s: more than a day after now (%s)", when.Format(time.RFC3339), a.now().UTC().Format(time.RFC3339))
				}
			}
			d := story.Decision{Kind: story.KindUndo, Undoes: target.Seq, By: a.who(&df), At: when, Note: df.note}
			if _, err := s.Apply(ctx, d); err != nil {
				var dep *story.DependentError
				if errors.As(err, &dep) {
					return fmt.Errorf("not undone: %s: %s %s; undo that one first with 'claimtrail undo --seq %d'", took(target), took(dep.Later), dep.Reason, dep.Later.Seq)
				}
				return fmt.Errorf("not undone: %s: %w", took(target), err)
			}
			fmt.Fprintf(a.stdout, "undone: %s\n", took(target))
			return nil
		}),
	}
	cmd.Flags().Int64Var(&seq, "seq", 0, "the seq of the decision to take back (default the last one not taken back)")
	cmd.Flags().StringVar(&at, "at", "", "when the undo is made: an RFC 3339 time, such as 2025-03-04T10:00:00Z (default now)")
	df.add(cmd)
	return cmd
}

// lastDecision returns the last decision of a log that is not an undo and
// that no undo took back, made by by unless by is empty, in time linear in
// the log.
func lastDecision(log []story.Decision, by string) (story.Decision, bool) {
	undone := map[int64]bool{}
	for _, d := range log {
		if d.Kind == story.KindUndo {
			undone[d.Undoes] = true
		}
	}
	for i := len(log) - 1; i >= 0; i-- {
		if d := log[i]; d.Kind != story.KindUndo && !undone[d.Seq] && (by == "" || d.By == by) {
			return d, true
		}
	}
	return story.Decision{}, false
}

// took names a decision taken back: its seq, what it did, by whom and
// when.
func took(d story.Decision) string {
	var b strings.Builder
	fmt.Fprintf(&b, "decision %d, %s", d.Seq, describe(d))
	if d.By != "" {
		fmt.Fprintf(&b, ", by %s", safe(d.By))
	}
	if !d.At.IsZero() {
		fmt.Fprintf(&b, " at %s", d.At.UTC().Format(time.RFC3339))
	}
	return b.String()
}

// parseAt reads an RFC 3339 time, in UTC, of a year from 0 to 9999 (the
// years a decision's JSON can hold).
func parseAt(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, errors.New("want an RFC 3339 time, such as 2025-03-04T10:00:00Z")
	}
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return time.Time{}, fmt.Errorf("year %d in UTC: want a time from year 0 to 9999", y)
	}
	return t, nil
}
