package table

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// ImportCSV reads a mentions table in CSV, as [WriteCSV] writes it or as a
// person edited it in a spreadsheet, and builds a corpus from it with
// [FromMentions]. The errors are [ReadCSV]'s, then FromMentions's, with
// the lines of the rows. ImportCSV takes time and memory linear in the
// size of the table and of base.
//
// The table holds statements and mentions whole, but of sources, articles
// and claims only names, roots and publication details: pass the corpus
// the table was exported from as base, and an edited table comes back
// with every source's kind, investigator flag, aliases and parents, every
// claim's actors, event and relations, and every article's text, so that
// statuses are those of the exported corpus with the table's edits. With
// a nil base those are lost, and statuses can change: an investigator's
// finding no longer confirms a claim when nothing says the source is one,
// nor an admission when nothing says who is accused. [ImportCSVReport]
// says what was built from the table alone.
func ImportCSV(r io.Reader, base *claim.Corpus) (*claim.Corpus, error) {
	c, _, err := ImportCSVReport(r, base)
	return c, err
}

// ImportCSVReport is [ImportCSV], and also returns a [Report] of the
// sources, articles and claims it built from the table alone because base
// did not hold them: what the corpus cannot know. On error the corpus
// and the report are nil.
func ImportCSVReport(r io.Reader, base *claim.Corpus) (*claim.Corpus, *Report, error) {
	rows, err := ReadCSV[Mention](r)
	if err != nil {
		return nil, nil, err
	}
	return FromMentionsReport(rows, base)
}

// Report lists what an import built from the rows of a mentions table
// alone, because its base corpus did not hold it, each list in the order
// the rows first name them. What the table does not hold, these lack, and
// statuses that rest on it can differ from those of the corpus the table
// was exported from. The zero Report is lossless. A Report is a plain
// value.
type Report struct {
	// Sources made from rows (speakers, their roots, outlets) with their
	// names and a speaker's identity. Their kind is unknown, none is an
	// investigator, they have no aliases, offices or Wikidata ID, and a
	// speaker's parent is its root, whatever stood between them: two
	// sources under one root in the exported corpus may now be
	// independent, or an investigator's finding no longer confirm.
	Sources []source.ID
	// Articles made from rows, with title, outlet, URL, publication time,
	// language and reprint. They have no text, so spans are not checked
	// against one, and no wire.
	Articles []source.ArticleID
	// Claims made from rows, with their text. They have no actors (no
	// accused party, whose admission confirms, no target), no event date
	// and no relations to other claims.
	Claims []claim.ID
}

// Lossless reports whether the import built nothing from the table alone:
// every source, article and claim the rows name came from the base
// corpus, so the corpus holds all the exported one held, with the table's
// edits.
func (r *Report) Lossless() bool {
	return r == nil || len(r.Sources) == 0 && len(r.Articles) == 0 && len(r.Claims) == 0
}

// String says in one sentence what the import built from the table
// alone and what those lack, for a program to tell its user, or "" when
// the import was lossless. It takes time linear in the report's length.
func (r *Report) String() string {
	if r.Lossless() {
		return ""
	}
	var parts []string
	if n := len(r.Sources); n > 0 {
		parts = append(parts, fmt.Sprintf("%s (%s): kind unknown, no investigators, aliases or parents below their root", count(n, "source"), listed(r.Sources)))
	}
	if n := len(r.Articles); n > 0 {
		parts = append(parts, fmt.Sprintf("%s (%s): no text", count(n, "article"), listed(r.Articles)))
	}
	if n := len(r.Claims); n > 0 {
		parts = append(parts, fmt.Sprintf("%s (%s): no accused or other actors, event or relations", count(n, "claim"), listed(r.Claims)))
	}
	return "built from the table alone, as the base corpus does not hold them: " + strings.Join(parts, "; ") +
		"; statuses that rest on what they lack can differ from the exported corpus's"
}

// count returns "1 source" or "3 sources".
func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// listed returns up to five IDs, quoted and shortened, and how many more.
func listed[T ~string](ids []T) string {
	const shown = 5
	var b strings.Builder
	for i, id := range ids[:min(len(ids), shown)] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(source.Excerpt(string(id))))
	}
	if len(ids) > shown {
		fmt.Fprintf(&b, " and %d more", len(ids)-shown)
	}
	return b.String()
}

// FromMentions builds a corpus from the rows of a mentions table, on top
// of base (which may be nil). The table is the word on statements: the
// corpus holds exactly the statements the rows hold, in the order they
// first appear, each with its rows' mentions in order, so a row deleted in
// a spreadsheet removes its mention, and an act or factuality edited
// there changes the statement. Base's sources, articles and claims are
// kept (an article's text, which the table does not hold, among them);
// a claim's text is the one its rows give, when they give one. A claim,
// speaker, outlet or article the rows name and base does not hold is
// created from the row: a source with its name and identity, under the
// row's root when that differs from it (the root created too); an article
// with its title, outlet, URL, publication time, language and reprint.
// What those lack is lost (see [ImportCSV] and [Report]). A source on a
// statement's via list must be in base, as the table gives no more than
// its ID: one that is not is an unknown source.
//
// Each row needs statement_id, claim_id, speaker_id and act. A statement's
// factuality is read from factuality, else from factuality_words; when a
// row gives both they must agree. The rows of one statement must agree on
// its claim, speaker, via, act, factuality and said date, and the rows of
// one claim on its text ([ErrMismatch]). A statement is machine-accepted
// when all its rows say machine_accepted (left out or empty: false);
// otherwise the mentions whose rows say so are. A mention machine-accepted
// within a machine-accepted statement reads back as the statement's mark
// alone. A row with an article_id is a
// mention and needs span_start and span_end; quote is the span's exact
// text.
//
// Every problem with the rows is reported at once as an [*Error] naming
// the row, the column and the value, up to [claim.MaxProblems]; then the
// corpus is checked with [claim.Corpus.Validate], whose problems with a
// statement are reported as *Error values at the statement's first row,
// with Field the path within the statement ("mentions[0].span"). On error
// the corpus is nil. FromMentions takes time and memory linear in the
// number of rows and the size of base.
func FromMentions(rows []Mention, base *claim.Corpus) (*claim.Corpus, error) {
	c, _, err := FromMentionsReport(rows, base)
	return c, err
}

// FromMentionsReport is [FromMentions], and also returns a [Report] of the
// sources, articles and claims it built from the rows alone. On error the
// corpus and the report are nil.
func FromMentionsReport(rows []Mention, base *claim.Corpus) (*claim.Corpus, *Report, error) {
	b := newBuilder(base)
	for i := range rows {
		b.row(i+1, &rows[i])
	}
	if err := b.p.err(); err != nil {
		return nil, nil, err
	}
	c := b.c
	for _, st := range b.order {
		if st.s.MachineAccepted {
			// Every row says so: the statement is marked, not each
			// mention.
			for i := range st.s.Mentions {
				st.s.Mentions[i].MachineAccepted = false
			}
		}
		c.Statements = append(c.Statements, st.s)
	}
	if err := c.Validate(); err != nil {
		return nil, nil, b.atRows(err)
	}
	return c, &b.made, nil
}

// builder gathers a corpus from rows.
type builder struct {
	c        *claim.Corpus
	p        problems
	claims   map[claim.ID]int // index in c.Claims
	textRow  map[claim.ID]int // the row that set a claim's text
	sources  map[source.ID]bool
	articles map[source.ArticleID]bool
	stmts    map[claim.StatementID]*statementRows
	order    []*statementRows
	made     Report // what the rows alone gave
}

// statementRows is a statement built from its rows, and the row that
// started it.
type statementRows struct {
	s        claim.Statement
	first    int
	mentions []int // the row of each mention
}

func newBuilder(base *claim.Corpus) *builder {
	b := &builder{
		c:        &claim.Corpus{},
		claims:   map[claim.ID]int{},
		textRow:  map[claim.ID]int{},
		sources:  map[source.ID]bool{source.AbsentID: true},
		articles: map[source.ArticleID]bool{},
		stmts:    map[claim.StatementID]*statementRows{},
	}
	if base != nil {
		b.c.Format = base.Format
		b.c.Sources = slices.Clone(base.Sources)
		b.c.Articles = slices.Clone(base.Articles)
		for _, cl := range base.Claims {
			b.c.Claims = append(b.c.Claims, cl.Clone())
		}
	}
	for _, s := range b.c.Sources {
		b.sources[s.ID] = true
	}
	for _, a := range b.c.Articles {
		b.articles[a.ID] = true
	}
	for i, cl := range b.c.Claims {
		b.claims[cl.ID] = i
	}
	return b
}

// row adds one row, numbered n.
func (b *builder) row(n int, r *Mention) {
	fail := func(col, value string, err error) { b.p.add(&Error{Row: n, Column: col, Value: value, Err: err}) }
	for _, req := range []struct{ col, v string }{
		{"statement_id", r.StatementID}, {"claim_id", r.ClaimID}, {"speaker_id", r.SpeakerID}, {"act", r.Act},
	} {
		if strings.TrimSpace(req.v) == "" {
			fail(req.col, req.v, claim.ErrEmpty)
		}
	}
	if r.StatementID == "" || r.ClaimID == "" || r.SpeakerID == "" {
		return
	}
	b.claim(n, r, fail)
	b.source(source.ID(r.SpeakerID), r.SpeakerName, r.SpeakerIdentity, r.RootID, r.RootName, "speaker_identity", fail)

	s := claim.Statement{ID: claim.StatementID(r.StatementID), Claim: claim.ID(r.ClaimID), Source: source.ID(r.SpeakerID), MachineAccepted: r.MachineAccepted}
	for _, v := range r.Via {
		s.Via = append(s.Via, source.ID(v))
	}
	var err error
	if r.Act != "" {
		if s.Act, err = claim.ParseAct(r.Act); err != nil {
			fail("act", r.Act, err)
		}
	}
	s.Factuality, err = factuality(r)
	if err != nil {
		col, v := "factuality", r.Factuality
		if r.Factuality == "" {
			col, v = "factuality_words", r.FactualityWords
		}
		fail(col, v, err)
	}
	if s.Said, err = claim.ParseDate(r.Said); err != nil {
		fail("said", r.Said, err)
	}

	st, seen := b.stmts[s.ID]
	if !seen {
		st = &statementRows{s: s, first: n}
		b.stmts[s.ID] = st
		b.order = append(b.order, st)
	} else {
		b.agree(st, s, r, fail)
		st.s.MachineAccepted = st.s.MachineAccepted && r.MachineAccepted
	}
	if r.ArticleID == "" {
		return
	}
	b.article(r, fail)
	m := claim.Mention{Article: source.ArticleID(r.ArticleID), Cue: r.Cue, Span: claim.Span{Exact: r.Quote, Prefix: r.Prefix, Suffix: r.Suffix},
		MachineAccepted: r.MachineAccepted}
	if r.SpanStart == nil {
		fail("span_start", "", fmt.Errorf("%w: a mention needs its span", claim.ErrEmpty))
	} else {
		m.Span.Start = int(*r.SpanStart)
	}
	if r.SpanEnd == nil {
		fail("span_end", "", fmt.Errorf("%w: a mention needs its span", claim.ErrEmpty))
	} else {
		m.Span.End = int(*r.SpanEnd)
	}
	st.s.Mentions = append(st.s.Mentions, m)
	st.mentions = append(st.mentions, n)
}

// factuality reads a row's factuality from its code or its words.
func factuality(r *Mention) (claim.Factuality, error) {
	switch {
	case r.Factuality == "" && r.FactualityWords == "":
		return claim.Uu(), nil
	case r.Factuality == "":
		return claim.ParseFactuality(r.FactualityWords)
	}
	f, err := claim.ParseFactuality(r.Factuality)
	if err != nil || r.FactualityWords == "" {
		return f, err
	}
	if w, err := claim.ParseFactuality(r.FactualityWords); err != nil || w != f {
		return f, fmt.Errorf("%w: factuality_words says %q", ErrMismatch, r.FactualityWords)
	}
	return f, nil
}

// agree checks a further row of a statement against its first.
func (b *builder) agree(st *statementRows, s claim.Statement, r *Mention, fail func(string, string, error)) {
	differs := func(col, v string) {
		fail(col, v, fmt.Errorf("%w: row %d of statement %q says otherwise", ErrMismatch, st.first, source.Excerpt(string(s.ID))))
	}
	switch {
	case s.Claim != st.s.Claim:
		differs("claim_id", r.ClaimID)
	case s.Source != st.s.Source:
		differs("speaker_id", r.SpeakerID)
	case !slices.Equal(s.Via, st.s.Via):
		differs("via", strings.Join(r.Via, ListSeparator))
	case s.Act != st.s.Act:
		differs("act", r.Act)
	case s.Factuality != st.s.Factuality:
		differs("factuality", r.Factuality)
	case !s.Said.Equal(st.s.Said):
		differs("said", r.Said)
	}
}

// claim files the row's claim, or checks its text against the claim's.
func (b *builder) claim(n int, r *Mention, fail func(string, string, error)) {
	id := claim.ID(r.ClaimID)
	i, ok := b.claims[id]
	if !ok {
		b.claims[id] = len(b.c.Claims)
		b.c.Claims = append(b.c.Claims, claim.Claim{ID: id, Text: r.ClaimText})
		b.made.Claims = append(b.made.Claims, id)
		b.textRow[id] = n
		return
	}
	if r.ClaimText == "" {
		return
	}
	first, set := b.textRow[id]
	switch {
	case !set:
		b.c.Claims[i].Text = r.ClaimText
		b.textRow[id] = n
	case b.c.Claims[i].Text != r.ClaimText:
		fail("claim_text", r.ClaimText, fmt.Errorf("%w: row %d gives claim %q another text", ErrMismatch, first, source.Excerpt(r.ClaimID)))
	}
}

// source creates a source the corpus does not hold, under its root.
func (b *builder) source(id source.ID, name, identity, rootID, rootName, col string, fail func(string, string, error)) {
	if b.sources[id] {
		return
	}
	s := source.Source{ID: id, Name: name}
	if s.Name == "" {
		s.Name = string(id)
	}
	var err error
	if s.Identity, err = source.ParseIdentity(identity); err != nil {
		fail(col, identity, err)
	}
	if rootID != "" && rootID != string(id) {
		s.Parent = source.ID(rootID)
		b.source(s.Parent, rootName, "", "", "", col, fail)
	}
	b.sources[id] = true
	b.c.Sources = append(b.c.Sources, s)
	b.made.Sources = append(b.made.Sources, id)
}

// article creates an article the corpus does not hold.
func (b *builder) article(r *Mention, fail func(string, string, error)) {
	id := source.ArticleID(r.ArticleID)
	if b.articles[id] {
		return
	}
	a := source.Article{ID: id, Title: r.ArticleTitle, Outlet: source.ID(r.OutletID), URL: r.URL, Language: r.Language, Reprints: source.ArticleID(r.Reprints)}
	if r.Published == nil {
		fail("published", "", fmt.Errorf("%w: a new article needs its publication time", claim.ErrEmpty))
	} else {
		a.Published = *r.Published
	}
	if a.Outlet != "" {
		b.source(a.Outlet, r.OutletName, "", "", "", "outlet_id", fail)
	}
	b.articles[id] = true
	b.c.Articles = append(b.c.Articles, a)
	b.made.Articles = append(b.made.Articles, id)
}

// atRows reports the problems Validate found with statements at their
// first rows.
func (b *builder) atRows(err error) error {
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	} else {
		errs = []error{err}
	}
	var p problems
	for _, e := range errs {
		var fe *claim.FieldError
		if !errors.As(e, &fe) || !strings.HasPrefix(fe.Field, "statements[") {
			p.add(e)
			continue
		}
		rest := fe.Field[len("statements["):]
		end := strings.IndexByte(rest, ']')
		i, convErr := strconv.Atoi(rest[:max(end, 0)])
		if end < 0 || convErr != nil || i >= len(b.order) {
			p.add(e)
			continue
		}
		field := strings.TrimPrefix(rest[end+1:], ".")
		p.add(&Error{Row: b.order[i].rowOf(field), Column: columnFor(field), Field: field, Value: fe.Value, Err: fe.Err})
	}
	return p.err()
}

// rowOf returns the row a field of the statement comes from: a mention's
// own row, or the statement's first.
func (st *statementRows) rowOf(field string) int {
	rest, ok := strings.CutPrefix(field, "mentions[")
	if !ok {
		return st.first
	}
	k, err := strconv.Atoi(rest[:max(strings.IndexByte(rest, ']'), 0)])
	if err != nil || k >= len(st.mentions) {
		return st.first
	}
	return st.mentions[k]
}

// columnFor names the column a statement's field comes from.
func columnFor(field string) string {
	name, _, _ := strings.Cut(field, "[")
	name, _, _ = strings.Cut(name, ".")
	switch name {
	case "id":
		return "statement_id"
	case "claim":
		return "claim_id"
	case "source":
		return "speaker_id"
	case "via", "act", "factuality", "said":
		return name
	case "mentions":
		switch {
		case strings.HasSuffix(field, ".article"):
			return "article_id"
		case strings.HasSuffix(field, ".cue"):
			return "cue"
		}
		return "quote"
	}
	return ""
}
