package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], env{
		stdin:    os.Stdin,
		stdout:   os.Stdout,
		stderr:   os.Stderr,
		getenv:   os.Getenv,
		tty:      isTerminal,
		now:      time.Now,
		account:  account,
		hostname: os.Hostname,
	})
	stop()
	os.Exit(code)
}

// env is what the command reads and writes outside its arguments, so that
// tests run it with their own streams and variables.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// tty reports whether w is a terminal, which decides the progress bar.
	tty func(w io.Writer) bool
	// now is the time, which dates decisions and bounds publication times.
	now func() time.Time
	// account is the name of the operating system account running the
	// command, or "" when it cannot be found; decisions name it when no
	// variable names the reviewer.
	account func() string
	// hostname returns the machine's name, for the desk's address seen from
	// other machines; nil when unknown.
	hostname func() (string, error)
}

// account returns the operating system account's name, or "".
func account() string {
	u, err := user.Current()
	if err != nil {
		return ""
	}
	return u.Username
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// run runs the command line args and returns the exit status: 0 when it
// succeeded (or printed help), 2 for a usage mistake, 1 for any other
// failure. Each error is printed once on stderr.
func run(ctx context.Context, args []string, e env) int {
	if e.now == nil {
		e.now = time.Now
	}
	a := &app{env: e}
	root := a.root()
	if args == nil {
		args = []string{} // cobra reads os.Args for nil
	}
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return 0
	}
	var usage *cli.UsageError
	if errors.As(err, &usage) || !a.ran {
		// Errors from cobra itself (an unknown command or flag, a wrong
		// number of arguments) come before any command runs.
		name := "claimtrail"
		if cmd != nil {
			name = cmd.CommandPath()
		}
		fmt.Fprintf(e.stderr, "claimtrail: %v\nRun '%s --help' for usage.\n", err, name)
		return 2
	}
	fmt.Fprintf(e.stderr, "claimtrail: %v\n", err)
	return 1
}

// app holds the global flags and the environment of one run.
type app struct {
	env
	storeDir  string
	db        string
	storyName string
	verbose   bool
	// ran is set when a command's own code starts, so that errors cobra
	// reports before it are told apart as usage mistakes.
	ran bool
}

// root builds the command tree.
func (a *app) root() *cobra.Command {
	root := &cobra.Command{
		Use:   "claimtrail",
		Short: "Follow a news story: who claimed what, who denied it, and how it changed",
		Long: `claimtrail follows a news story article by article. Each article added is
read for statements (who said what, denied what, on whose authority); they
wait as proposals until you accept or reject them, and the accepted ones
make each claim's timeline: its status, who affirms it, who denies it, and
what each article changed.

A story lives in a store: by default a SQLite file per story in the
directory named by --store or CLAIMTRAIL_STORE (.claimtrail when neither is
set); with --db postgres://... or CLAIMTRAIL_DB, a PostgreSQL database.

Exit status: 0 when the command succeeded, 1 when it failed, 2 for a
mistake in the command line.`,
		Example: `  claimtrail init shells --sources sources.json
  claimtrail add --published 2025-03-02 --outlet herald article.txt
  claimtrail pending
  claimtrail accept 'herald-03-02#65:ba940aa6' --claim shipments
  claimtrail status`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Without a command, say what there is.
			return cmd.Help()
		},
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: true},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &cli.UsageError{Err: err}
	})
	pf := root.PersistentFlags()
	pf.StringVar(&a.storeDir, "store", "", "directory of SQLite story files (default $CLAIMTRAIL_STORE, else .claimtrail)")
	pf.StringVar(&a.db, "db", "", "PostgreSQL URL of a shared store, instead of --store (default $CLAIMTRAIL_DB)")
	pf.StringVar(&a.storyName, "story", "", "story to work on (default $CLAIMTRAIL_STORY, else the only story in the store)")
	pf.BoolVarP(&a.verbose, "verbose", "v", false, "show IDs and keys beside names")
	root.AddCommand(
		a.initCmd(),
		a.addCmd(),
		a.pendingCmd(),
		a.articlesCmd(),
		a.statusCmd(),
		a.historyCmd(),
		a.changesCmd(),
		a.sourcesCmd(),
		a.acceptCmd(),
		a.rejectCmd(),
		a.mergeCmd(),
		a.claimCmd(),
		a.decideCmd(),
		a.undoCmd(),
		a.exportCmd(),
		a.importCmd(),
		a.renderCmd(),
		a.serveCmd(),
		a.reviewCmd(),
	)
	return root
}

// command marks a command's run function, so that its errors are told
// apart from cobra's usage errors, and gives it the context.
func (a *app) command(f func(ctx context.Context, cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		a.ran = true
		return f(cmd.Context(), cmd, args)
	}
}

// exactArgs is cobra.ExactArgs with a message naming what is missing.
func exactArgs(names ...string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != len(names) {
			return cli.Usagef("want %d argument(s), %s; got %d", len(names), strings.Join(names, " "), len(args))
		}
		return nil
	}
}
