package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/format/cameo"
	"github.com/claimtrail/claimtrail/format/jsonl"
	"github.com/claimtrail/claimtrail/format/schemaorg"
	"github.com/claimtrail/claimtrail/format/table"
	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/internal/display"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// exportFormat is one format export writes.
type exportFormat struct {
	name, what string
	// timeline reports that the format needs the story's timeline.
	timeline bool
	write    func(w io.Writer, s *opened, tl *timeline.Timeline) error
}

// exportFormats are the formats export writes, in the order help lists
// them.
var exportFormats = []exportFormat{
	{"corpus", "the corpus JSON (package claim): sources, articles, claims, statements; import reads it back", false,
		func(w io.Writer, s *opened, _ *timeline.Timeline) error { return writeJSON(w, s.Corpus()) }},
	{"jsonl", "the corpus as JSON Lines (package format/jsonl), one record a line; import reads it back", false,
		func(w io.Writer, s *opened, _ *timeline.Timeline) error { return jsonl.Write(w, s.Corpus()) }},
	{"csv", "the mentions table (package format/table), one row per mention, for spreadsheets; import reads it back", true,
		func(w io.Writer, _ *opened, tl *timeline.Timeline) error {
			return table.WriteCSV(w, table.Mentions(tl))
		}},
	{"claims-csv", "the claims table: each claim's status and counts", true,
		func(w io.Writer, _ *opened, tl *timeline.Timeline) error { return table.WriteCSV(w, table.Claims(tl)) }},
	{"history-csv", "the status history table: each status change and what caused it", true,
		func(w io.Writer, _ *opened, tl *timeline.Timeline) error { return table.WriteCSV(w, table.History(tl)) }},
	{"sources-csv", "the sources table, with each source's affiliation root", true,
		func(w io.Writer, _ *opened, tl *timeline.Timeline) error { return table.WriteCSV(w, table.Sources(tl)) }},
	{"events-csv", "the CAMEO event table (package format/cameo), GDELT-like", true,
		func(w io.Writer, _ *opened, tl *timeline.Timeline) error {
			return table.WriteCSV(w, cameo.Events(tl, cameo.Options{}))
		}},
	{"schemaorg", "the claims as schema.org Claim JSON-LD (package format/schemaorg)", true,
		func(w io.Writer, _ *opened, tl *timeline.Timeline) error {
			b, err := schemaorg.Claims(tl, schemaorg.Options{})
			if err != nil {
				return err
			}
			_, err = w.Write(append(b, '\n'))
			return err
		}},
	{"decisions", "the decision log as JSON Lines (package story); import and decide read it back", false,
		func(w io.Writer, s *opened, _ *timeline.Timeline) error {
			return story.WriteDecisions(w, s.Decisions())
		}},
}

// formatHelp lists formats for a command's help.
func formatHelp(names []string) string {
	var b strings.Builder
	for _, f := range exportFormats {
		if slices.Contains(names, f.name) {
			fmt.Fprintf(&b, "  %-12s %s\n", f.name, f.what)
		}
	}
	return b.String()
}

func (a *app) exportCmd() *cobra.Command {
	var format, output string
	all := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		all[i] = f.name
	}
	cmd := &cobra.Command{
		Use:   "export --format FORMAT",
		Short: "Write the story in one of the library's formats",
		Long: `export writes the story to standard output, or to --output FILE, in one
of these formats:

` + formatHelp(all) + `
The corpus formats hold the accepted story: what people decided, not what
waits for review. Each format costs time linear in the story's size (the
tables and schemaorg, in the claims' tracks), after opening the story.`,
		Example: `  claimtrail export --format corpus --output story.json
  claimtrail export --format csv > mentions.csv
  claimtrail export --format decisions > decisions.jsonl`,
		Args: cobra.NoArgs,
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			i := slices.IndexFunc(exportFormats, func(f exportFormat) bool { return f.name == format })
			if i < 0 {
				return cli.Usagef("--format %q: want one of %s", format, strings.Join(all, ", "))
			}
			f := exportFormats[i]
			s, err := a.openStory(ctx, story.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			var tl *timeline.Timeline
			if f.timeline {
				if tl, err = s.Timeline(nil); err != nil {
					return err
				}
			}
			return a.writeOutput(output, func(w io.Writer) error { return f.write(w, s, tl) })
		}),
	}
	cmd.Flags().StringVar(&format, "format", "", "the format: "+strings.Join(all, ", "))
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

// writeOutput writes through write to the file named, or to standard output
// for "". A file is written whole or not at all: it is written beside and
// renamed into place.
func (a *app) writeOutput(name string, write func(io.Writer) error) error {
	if name == "" || name == "-" {
		bw := bufio.NewWriter(a.stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file private; an export is an ordinary file.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// importFormats are the formats import reads.
var importFormats = []string{"corpus", "jsonl", "csv", "decisions"}

func (a *app) importCmd() *cobra.Command {
	var format, base string
	cmd := &cobra.Command{
		Use:   "import FILE|-",
		Short: "Read a story from the library's formats, or apply a decision log",
		Long: `import reads FILE (or standard input for "-") in one of these formats:

` + formatHelp(importFormats) + `
A corpus (corpus, jsonl, csv) becomes a new story, named by --story: its
sources, articles, claims and statements are taken as they are, already
accepted, and 'claimtrail export' gives them back unchanged. The story must
not exist yet. Decisions are applied to an existing story, as 'claimtrail
decide' does.

Without --format the format follows the file's extension: .json is corpus,
.jsonl is jsonl, .csv is csv. Reading is linear in the input; writing the
story is one transaction.

A mentions table (csv) holds statements and what a spreadsheet shows of
their sources, articles and claims, not everything a corpus knows: a
source's kind, aliases, offices and place in its affiliation tree, an
investigator's mark, a claim's accused party and relations, an article's
text. --base FILE takes those from the corpus the table was exported from
(a corpus JSON file), so that a table edited in a spreadsheet comes back
with the same statuses. Without it, import lists on standard error what it
built from the table alone, since statuses that rest on it may differ.`,
		Example: `  claimtrail import --story copy story.json
  claimtrail import --story sheet --format csv mentions.csv
  claimtrail import --story sheet --base story.json mentions.csv
  claimtrail import --format decisions decisions.jsonl`,
		Args: exactArgs("FILE"),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			name := args[0]
			if format == "" {
				switch strings.ToLower(filepath.Ext(name)) {
				case ".json":
					format = "corpus"
				case ".jsonl":
					format = "jsonl"
				case ".csv":
					format = "csv"
				default:
					return cli.Usagef("%s: say what it holds with --format (%s)", name, strings.Join(importFormats, ", "))
				}
			}
			if !slices.Contains(importFormats, format) {
				return cli.Usagef("--format %q: want one of %s", format, strings.Join(importFormats, ", "))
			}
			r := a.stdin
			if name != "-" {
				f, err := os.Open(name)
				if err != nil {
					return fmt.Errorf("%w: check the path", err)
				}
				defer f.Close()
				r = f
			}
			r = bufio.NewReader(r)
			if format == "decisions" {
				ds, lines, err := readDecisions(r)
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				return a.decide(ctx, ds, decideMode{file: true, lines: lines})
			}
			if base != "" && format != "csv" {
				return cli.Usagef("--base goes with a mentions table (--format csv), not %s", format)
			}
			return a.importCorpus(ctx, name, func() (*claim.Corpus, error) { return a.readCorpus(r, format, base) })
		}),
	}
	cmd.Flags().StringVar(&format, "format", "", "the format: "+strings.Join(importFormats, ", "))
	cmd.Flags().StringVar(&base, "base", "", "with a mentions table: the corpus JSON file it was exported from, for what a table does not hold")
	return cmd
}

// readCorpus reads a corpus in one of the corpus formats; a mentions
// table is read onto the corpus in the file base, when given, and what it
// built from the table alone is listed on standard error.
func (a *app) readCorpus(r io.Reader, format, base string) (*claim.Corpus, error) {
	switch format {
	case "corpus":
		return claim.Decode(r)
	case "jsonl":
		return jsonl.Decode(r, jsonl.Options{})
	}
	var b *claim.Corpus
	if base != "" {
		var err error
		if b, err = claim.Load(base); err != nil {
			return nil, fmt.Errorf("--base: %w", err)
		}
	}
	c, rep, err := table.ImportCSVReport(r, b)
	if err != nil {
		return nil, err
	}
	if !rep.Lossless() {
		fmt.Fprintf(a.stderr, "note: %s\n", display.Safe(rep.String()))
	}
	return c, nil
}

// importCorpus reads a corpus with read and writes it to the store as a
// new story, which must not exist.
func (a *app) importCorpus(ctx context.Context, name string, read func() (*claim.Corpus, error)) error {
	st, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	id := a.storyName
	if id == "" {
		id = a.getenv("CLAIMTRAIL_STORY")
	}
	if id == "" {
		return cli.Usagef("name the new story with --story NAME")
	}
	if err := story.CheckID(id); err != nil {
		return cli.Usagef("--story %q: a story name is 1 to 128 letters, digits, dots, hyphens and underscores", id)
	}
	ok, err := st.exists(ctx, id)
	if err != nil {
		return err
	}
	if ok {
		return fmt.Errorf("story %q already exists in %s: import into a new story with --story NEW", id, st.where)
	}
	c, err := read()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := story.Import(ctx, st, id, c); err != nil {
		if errors.Is(err, story.ErrDuplicateID) {
			return fmt.Errorf("importing story %q: %w (the corpus repeats an ID)", id, err)
		}
		return fmt.Errorf("importing story %q: %w", id, err)
	}
	fmt.Fprintf(a.stdout, "imported story %s into %s: %d sources, %d articles, %d claims, %d statements\n",
		id, st.where, len(c.Sources), len(c.Articles), len(c.Claims), len(c.Statements))
	return nil
}
