package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/claimtrail/claimtrail/internal/cli"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
)

// maxArticle is the longest article text add takes, in bytes: the story's
// own bound (story.DefaultMaxArticleBytes, 256 KiB, several times the
// longest news article). add checks every article against it before it
// opens the story, so that a wrong file (a book, a log, a disk image) costs
// nothing but reading its first maxArticle bytes; past it, extraction would
// slow every later command, which extracts every article again.
const maxArticle = story.DefaultMaxArticleBytes

func (a *app) initCmd() *cobra.Command {
	var sourcesFile string
	cmd := &cobra.Command{
		Use:   "init STORY",
		Short: "Create a story",
		Long: `init creates a story named STORY in the store: 1 to 128 letters, digits,
dots, hyphens and underscores.

With --sources it starts from a registry of sources: a JSON array of
sources as package source describes them (id, name, kind, parent,
aliases, offices), so that speakers the articles name resolve to them.
Articles' outlets must be among them. Without it the story starts empty,
and every speaker is proposed as a new source. The sources are fixed once
the story exists. A PostgreSQL story needs --sources.

init reads the sources file once: its work is linear in its size.`,
		Example: `  claimtrail init shells --sources sources.json`,
		Args:    exactArgs("STORY"),
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			id := args[0]
			if err := story.CheckID(id); err != nil {
				return cli.Usagef("story name %q: use 1 to 128 letters, digits, dots, hyphens and underscores, starting with a letter or digit", id)
			}
			var srcs []source.Source
			if sourcesFile != "" {
				var err error
				if srcs, err = readSources(sourcesFile); err != nil {
					return err
				}
				if _, err := story.New(id, story.Options{Sources: srcs}); err != nil {
					return fmt.Errorf("%s: %w", sourcesFile, err)
				}
			}
			st, err := a.openStore(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			if st.sqlite == nil && len(srcs) == 0 {
				return cli.Usagef("a PostgreSQL story starts from its sources: give --sources FILE")
			}
			ok, err := st.exists(ctx, id)
			if err != nil {
				return err
			}
			if ok {
				return fmt.Errorf("story %q already exists in %s: add articles to it with 'claimtrail add', or choose another name", id, st.where)
			}
			if _, err := st.Append(ctx, id, 0, &story.Batch{Sources: srcs}); err != nil {
				return fmt.Errorf("creating story %q: %w", id, err)
			}
			fmt.Fprintf(a.stdout, "created story %s in %s with %d sources\n", id, st.where, len(srcs))
			return nil
		}),
	}
	cmd.Flags().StringVar(&sourcesFile, "sources", "", "JSON array of the sources the story starts from")
	return cmd
}

// readSources reads a JSON array of sources.
func readSources(path string) ([]source.Source, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var srcs []source.Source
	if err := json.Unmarshal(b, &srcs); err != nil {
		return nil, fmt.Errorf("%s: %w (want a JSON array of sources: [{\"id\": \"westmark\", \"name\": \"Westmark\"}, ...])", path, err)
	}
	return srcs, nil
}

// addFlags are the flags of add that describe the articles.
type addFlags struct {
	published, url, outlet, title, id, language, manifest, dir string
	unattended                                                 float64
	json                                                       bool
}

func (a *app) addCmd() *cobra.Command {
	var f addFlags
	cmd := &cobra.Command{
		Use:   "add [FILE|DIR|-]...",
		Short: "Add articles and show what each proposes",
		Long: `add adds articles to the story. Each is read for statements, and what it
proposes is shown: each candidate statement with its speaker, act and
factuality, the existing claim it may state, speakers the story does not
know yet, and whether it reprints an earlier article. Nothing is accepted:
list the proposals with 'claimtrail pending' and decide with 'claimtrail
accept' and 'claimtrail reject' (or, with --unattended, the confident ones
whose speaker the story knows are accepted by the machine, marked so).

Articles are text files: each FILE, every file in a DIR (in name order,
hidden files left out), or standard input for "-". An article's ID is its
file name without the extension (give --id for one article or for "-").
--published is required; --url, --outlet (a source of the story), --title
and --language describe the articles.

Many articles with their own metadata come in a manifest, --manifest FILE:
JSON Lines, one article per line:

  {"id": "herald-03-02", "file": "articles/01.txt", "published": "2025-03-02T18:00:00Z",
   "outlet": "herald", "title": "...", "url": "https://...", "language": "en"}

"file" is relative to the manifest's folder, or to --dir when given, and
must stay inside it (no absolute path, no ".."); "text" may carry the text
instead. "reprints" and "wire" mark copies. Every file is read, and every
line checked, before anything is added; the first ` + fmt.Sprint(maxBadLines) + ` bad lines are
reported together.

A publication time is refused in the year 1 and more than a day after
the present (a mistyped year), so that no article sorts after every real
one.

An article longer than ` + kib(maxArticle) + ` is refused before
the story is opened: the error names the file and its size.

A progress bar shows on standard error when it is a terminal. add costs,
per article, one extraction (linear in its text) and look-ups bounded by
its candidates (see package story); opening the story costs extracting
every article already in it again.`,
		Example: `  claimtrail add --published 2025-03-02 --outlet herald herald.txt
  claimtrail add --published 2025-03-04T12:00:00Z articles/
  curl -s https://example.org/article.txt | claimtrail add --id ex-1 --published 2025-03-05 -
  claimtrail add --manifest articles.jsonl`,
		RunE: a.command(func(ctx context.Context, cmd *cobra.Command, args []string) error {
			arts, err := a.articles(args, &f)
			if err != nil {
				return err
			}
			return a.add(ctx, arts, &f)
		}),
	}
	fl := cmd.Flags()
	fl.StringVar(&f.published, "published", "", "publication time: 2025-03-02 or 2025-03-02T18:00:00Z")
	fl.StringVar(&f.url, "url", "", "where the article was read")
	fl.StringVar(&f.outlet, "outlet", "", "the source (ID) that published the articles")
	fl.StringVar(&f.title, "title", "", "the headline (one article only)")
	fl.StringVar(&f.id, "id", "", "the article's ID (one article only; default the file name)")
	fl.StringVar(&f.language, "language", "", "the language, a BCP 47 tag such as en")
	fl.StringVar(&f.manifest, "manifest", "", "JSON Lines file of articles with their metadata")
	fl.StringVar(&f.dir, "dir", "", "the folder a manifest's files are in (default the manifest's folder)")
	fl.Float64Var(&f.unattended, "unattended", 0, "accept by machine each candidate at least this confident (0 to 1) whose speaker the story knows")
	fl.BoolVar(&f.json, "json", false, "print what each article proposes as JSON")
	return cmd
}

// input is an article read for add, with where it came from.
type input struct {
	from    string
	article source.Article
}

// articles reads the articles add names, every one of them, before any is
// added.
func (a *app) articles(args []string, f *addFlags) ([]input, error) {
	if f.unattended < 0 || f.unattended > 1 {
		return nil, cli.Usagef("--unattended %v: want a confidence from 0 to 1", f.unattended)
	}
	if f.manifest != "" {
		if len(args) > 0 {
			return nil, cli.Usagef("give files or --manifest, not both")
		}
		if f.published != "" || f.url != "" || f.outlet != "" || f.title != "" || f.id != "" || f.language != "" {
			return nil, cli.Usagef("with --manifest, give each article's metadata in the manifest")
		}
		return readManifestArticles(f.manifest, f.dir, a.now())
	}
	if len(args) == 0 {
		return nil, cli.Usagef("name the articles to add: files, a folder, - for standard input, or --manifest FILE")
	}
	if f.dir != "" {
		return nil, cli.Usagef("--dir is where a manifest's files are: give it with --manifest")
	}
	published, err := parsePublished(f.published, a.now())
	if err != nil {
		return nil, cli.Usagef("--published: %v", err)
	}
	var files []string
	for _, arg := range args {
		if arg == "-" {
			files = append(files, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("%w: check the path", err)
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		inDir, err := dirFiles(arg)
		if err != nil {
			return nil, err
		}
		if len(inDir) == 0 {
			return nil, fmt.Errorf("%s: no article files in the folder", arg)
		}
		files = append(files, inDir...)
	}
	if len(files) > 1 && (f.id != "" || f.title != "") {
		return nil, cli.Usagef("--id and --title describe one article; for several, use a manifest (--manifest)")
	}
	if slices.Contains(files, "-") && f.id == "" {
		return nil, cli.Usagef("an article read from standard input needs --id")
	}
	var out []input
	for _, file := range files {
		var text []byte
		var err error
		if file == "-" {
			text, err = io.ReadAll(io.LimitReader(a.stdin, maxArticle+1))
			if err == nil && len(text) > maxArticle {
				err = tooLarge("standard input", "more than "+kib(maxArticle))
			}
		} else {
			text, err = readArticle(file)
		}
		if err != nil {
			return nil, err
		}
		id := source.ArticleID(f.id)
		if id == "" {
			id = fileID(file)
		}
		out = append(out, input{from: file, article: source.Article{
			ID: id, Published: published, URL: f.url, Outlet: source.ID(f.outlet),
			Title: f.title, Language: f.language, Text: string(text),
		}})
	}
	return out, nil
}

// readManifestArticles reads a manifest and the files it names, which are
// in dir, or in the manifest's folder when dir is empty.
func readManifestArticles(path, dir string, now time.Time) ([]input, error) {
	mf, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer mf.Close()
	entries, err := readManifest(mf, now)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s: no articles in the manifest", path)
	}
	base := dir
	if base == "" {
		base = filepath.Dir(path)
	}
	out := make([]input, 0, len(entries))
	for _, e := range entries {
		published, _ := parsePublished(e.Published, now) // checked by readManifest
		text, from := e.Text, path
		if e.File != "" {
			from = filepath.Join(base, e.File) // local, checked by readManifest
			b, err := readArticle(from)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			text = string(b)
		} else if len(text) > maxArticle {
			return nil, tooLarge(fmt.Sprintf("%s: article %s", path, safe(string(e.ID))), kib(len(text)))
		}
		id := e.ID
		if id == "" {
			id = fileID(e.File)
		}
		out = append(out, input{from: from, article: source.Article{
			ID: id, Published: published, URL: e.URL, Outlet: e.Outlet, Title: e.Title,
			Language: e.Language, Reprints: e.Reprints, Wire: e.Wire, Text: text,
		}})
	}
	return out, nil
}

// readArticle reads an article file, refusing one larger than maxArticle
// after reading at most maxArticle+1 bytes of it.
func readArticle(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: check the path", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxArticle+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxArticle {
		size := "more than " + kib(maxArticle)
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			size = kib(int(info.Size()))
		}
		return nil, tooLarge(path, size)
	}
	return b, nil
}

// tooLarge says that an article is longer than add takes.
func tooLarge(from, size string) error {
	return fmt.Errorf("%s: %s, longer than the %s an article may be: is it an article? split a longer text into articles: %w",
		from, size, kib(maxArticle), story.ErrTooLarge)
}

// kib writes a size in bytes as KiB or MiB, with the bytes beside it.
func kib(n int) string {
	if n >= 10<<20 {
		return fmt.Sprintf("%.1f MiB (%d bytes)", float64(n)/(1<<20), n)
	}
	return fmt.Sprintf("%d KiB (%d bytes)", (n+1023)/1024, n)
}

// dirFiles lists the regular files of a folder that are not hidden, in
// name order.
func dirFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range ents {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	return files, nil
}

// fileID is an article ID made from a file name: its base name without the
// extension.
func fileID(path string) source.ArticleID {
	base := filepath.Base(path)
	return source.ArticleID(strings.TrimSuffix(base, filepath.Ext(base)))
}

// add adds articles to the story and prints what each proposes.
func (a *app) add(ctx context.Context, arts []input, f *addFlags) error {
	s, err := a.openStory(ctx, story.Options{Unattended: f.unattended})
	if err != nil {
		return err
	}
	defer s.Close()
	c := s.Corpus()
	n := newNames(c, a.verbose)
	known := make(map[source.ID]bool, len(c.Sources))
	for _, src := range c.Sources {
		known[src.ID] = true
	}
	for _, in := range arts {
		for field, id := range map[string]source.ID{"outlet": in.article.Outlet, "wire": in.article.Wire} {
			if id != "" && !known[id] {
				return fmt.Errorf("%s: %s %q is not a source of story %s: name one of its sources (see 'claimtrail sources -v'), or leave it out", in.from, field, id, s.ID())
			}
		}
		if !utf8.ValidString(in.article.Text) {
			return fmt.Errorf("%s: the text is not UTF-8: convert it first (iconv -t UTF-8)", in.from)
		}
	}
	var bar *progressbar.ProgressBar
	if len(arts) > 1 && !f.json && a.tty(a.stderr) {
		bar = progressbar.NewOptions(len(arts),
			progressbar.OptionSetWriter(a.stderr),
			progressbar.OptionSetDescription("adding articles"),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
		)
	}
	// The bar is a courtesy on a terminal: a failure to draw it is no
	// failure of add, so its errors are dropped.
	var all []*story.Added
	for _, in := range arts {
		added, err := s.Add(ctx, in.article)
		if err != nil {
			if bar != nil {
				_ = bar.Clear()
			}
			return addError(in, s.ID(), err)
		}
		if f.json {
			all = append(all, added)
			continue
		}
		if bar != nil {
			_ = bar.Clear()
		}
		if err := printAdded(a.stdout, n, in.article, added); err != nil {
			return err
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	if f.json {
		return writeJSON(a.stdout, all)
	}
	if pending := len(s.Pending()); pending > 0 {
		fmt.Fprintf(a.stdout, "\n%d candidates wait for review: list them with 'claimtrail pending', decide with 'claimtrail accept KEY' or 'claimtrail reject KEY'.\n", pending)
	}
	return nil
}

// addError says what went wrong adding an article and what to do.
func addError(in input, storyID string, err error) error {
	switch {
	case errors.Is(err, story.ErrDuplicateID):
		return fmt.Errorf("%s: story %s already holds an article %q: give it another ID (--id, or \"id\" in a manifest): %w", in.from, storyID, in.article.ID, err)
	case errors.Is(err, story.ErrUnknownArticle):
		return fmt.Errorf("%s: it reprints an article the story does not hold: add that one first: %w", in.from, err)
	}
	return fmt.Errorf("%s: %w", in.from, err)
}

// printAdded prints what adding an article proposed.
func printAdded(w io.Writer, n *names, a source.Article, added *story.Added) error {
	for _, sp := range added.Sources {
		n.sources[sp.Source.ID] = sp.Source.Name
	}
	for _, cp := range added.Claims {
		n.claims[cp.ID] = cp.Text
	}
	n.articles[a.ID] = a.Title
	fmt.Fprintf(w, "%s (%s)\n", n.article(a.ID), day(a.Published))
	summary := []string{plural(len(added.Candidates), "candidate statement")}
	if len(added.Sources) > 0 {
		summary = append(summary, plural(len(added.Sources), "new source"))
	}
	if len(added.Machine) > 0 {
		summary = append(summary, fmt.Sprintf("%d accepted by machine", len(added.Machine)))
	}
	fmt.Fprintf(w, "  %s\n", strings.Join(summary, ", "))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, p := range added.Candidates {
		var cols []string
		if n.verbose {
			cols = append(cols, safe(string(p.Key)))
		}
		cols = append(cols, n.source(p.Candidate.Speaker), p.Candidate.Act.String(), p.Candidate.Factuality.String(), quote(p.Quote, 48))
		switch {
		case p.SameAs != "":
			cols = append(cols, "reports again an accepted statement")
		case len(p.Claims) > 0:
			cols = append(cols, fmt.Sprintf("may state: %s (%.2f)", n.claim(p.Claims[0].Claim, 40), p.Claims[0].Similarity))
		case p.Group != "":
			cols = append(cols, "new claim")
		default:
			cols = append(cols, "")
		}
		fmt.Fprintln(tw, row(cols...))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, sp := range added.Sources {
		line := "  new source: " + n.source(sp.Source.ID)
		if len(sp.Matches) > 0 {
			line += fmt.Sprintf(", may be %s (%s)", n.source(sp.Matches[0].ID), sp.Matches[0].Reason)
		}
		fmt.Fprintln(w, line)
	}
	if added.Reprint != nil {
		fmt.Fprintf(w, "  reprints %s (similarity %.2f)\n", n.article(added.Reprint.Of), added.Reprint.Similarity)
	}
	return nil
}

// plural returns "1 thing" or "n things".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
