package table

import (
	"slices"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// Mention is one row of the mentions table: a statement as reported in one
// article, with the names a person reading it needs beside the IDs. A
// statement with no mention (known only by its said date) has one row with
// the article and span columns empty.
//
// The struct tags name the columns, in CSV and Parquet alike; see the
// package documentation for what each holds. A Mention is a plain value.
type Mention struct {
	ClaimID         string     `parquet:"claim_id,dict"`
	ClaimText       string     `parquet:"claim_text,dict"`
	StatementID     string     `parquet:"statement_id"`
	SpeakerID       string     `parquet:"speaker_id,dict"`
	SpeakerName     string     `parquet:"speaker_name,dict"`
	SpeakerIdentity string     `parquet:"speaker_identity,dict"`
	RootID          string     `parquet:"root_id,dict"`
	RootName        string     `parquet:"root_name,dict"`
	Via             []string   `parquet:"via,list"`
	Act             string     `parquet:"act,dict"`
	CAMEO           string     `parquet:"cameo,dict"`
	Factuality      string     `parquet:"factuality,dict"`
	FactualityWords string     `parquet:"factuality_words,dict"`
	Said            string     `parquet:"said,dict"`
	SaidPrecision   string     `parquet:"said_precision,dict"`
	SaidStart       *time.Time `parquet:"said_start,optional,timestamp(millisecond)"`
	ArticleID       string     `parquet:"article_id,dict"`
	ArticleTitle    string     `parquet:"article_title,dict"`
	OutletID        string     `parquet:"outlet_id,dict"`
	OutletName      string     `parquet:"outlet_name,dict"`
	URL             string     `parquet:"url,dict"`
	Published       *time.Time `parquet:"published,optional,timestamp(millisecond)"`
	Language        string     `parquet:"language,dict"`
	Reprints        string     `parquet:"reprints,dict"`
	Cue             string     `parquet:"cue,dict"`
	Quote           string     `parquet:"quote"`
	SpanStart       *int64     `parquet:"span_start,optional"`
	SpanEnd         *int64     `parquet:"span_end,optional"`
	Prefix          string     `parquet:"prefix"`
	Suffix          string     `parquet:"suffix"`
	// MachineAccepted reports that a program, not a person, accepted the
	// statement (claim.Statement.MachineAccepted) or this mention of it
	// (claim.Mention.MachineAccepted).
	MachineAccepted bool `parquet:"machine_accepted"`
}

// Claim is one row of the claims table: a claim, its status now and the
// counts behind it. A Claim is a plain value.
type Claim struct {
	ClaimID        string     `parquet:"claim_id"`
	Text           string     `parquet:"text"`
	Status         string     `parquet:"status,dict"`
	StatusSince    *time.Time `parquet:"status_since,optional,timestamp(millisecond)"`
	Statements     int64      `parquet:"statements"`
	Inherited      int64      `parquet:"inherited"`
	Mentions       int64      `parquet:"mentions"`
	Sources        int64      `parquet:"sources"`
	Roots          int64      `parquet:"roots"`
	Affirming      int64      `parquet:"affirming"`
	Negating       int64      `parquet:"negating"`
	Anonymous      int64      `parquet:"anonymous"`
	FirstReported  *time.Time `parquet:"first_reported,optional,timestamp(millisecond)"`
	LastReported   *time.Time `parquet:"last_reported,optional,timestamp(millisecond)"`
	Event          string     `parquet:"event,dict"`
	EventPrecision string     `parquet:"event_precision,dict"`
	Accused        []string   `parquet:"accused,list"`
}

// Step is one row of the status history table: a claim's status changing,
// with the statement, source and article that changed it. A Step is a
// plain value.
type Step struct {
	ClaimID     string    `parquet:"claim_id,dict"`
	Step        int64     `parquet:"step"`
	At          time.Time `parquet:"at,timestamp(millisecond)"`
	From        string    `parquet:"from,dict"`
	To          string    `parquet:"to,dict"`
	StatementID string    `parquet:"statement_id"`
	SourceID    string    `parquet:"source_id,dict"`
	ArticleID   string    `parquet:"article_id,dict"`
}

// Source is one row of the sources table: a source with its parent and
// the root of its affiliation tree. A Source is a plain value.
type Source struct {
	SourceID     string   `parquet:"source_id"`
	Name         string   `parquet:"name"`
	Kind         string   `parquet:"kind,dict"`
	Identity     string   `parquet:"identity,dict"`
	ParentID     string   `parquet:"parent_id,dict"`
	RootID       string   `parquet:"root_id,dict"`
	RootName     string   `parquet:"root_name,dict"`
	Investigator bool     `parquet:"investigator"`
	Aliases      []string `parquet:"aliases,list"`
	Wikidata     string   `parquet:"wikidata"`
}

// Mentions returns the mentions table of tl's corpus: one row per mention,
// statements in corpus order and each statement's mentions in its order.
// It takes time and memory linear in the size of the corpus.
func Mentions(tl *timeline.Timeline) []Mention {
	c, reg := tl.Corpus(), tl.Registry()
	texts := make(map[claim.ID]string, len(c.Claims))
	for _, cl := range c.Claims {
		texts[cl.ID] = cl.Text
	}
	var rows []Mention
	for _, s := range c.Statements {
		row := Mention{
			ClaimID:         string(s.Claim),
			ClaimText:       texts[s.Claim],
			StatementID:     string(s.ID),
			SpeakerID:       string(s.Source),
			Act:             s.Act.String(),
			CAMEO:           s.Act.CAMEO(),
			Factuality:      s.Factuality.String(),
			FactualityWords: Words(s.Factuality),
			MachineAccepted: s.MachineAccepted,
		}
		if sp, ok := reg.Source(s.Source); ok {
			row.SpeakerName, row.SpeakerIdentity = sp.Name, sp.Identity.String()
		}
		row.RootID, row.RootName = root(reg, s.Source)
		for _, v := range s.Via {
			row.Via = append(row.Via, string(v))
		}
		if s.Said.IsValid() {
			start := s.Said.Start()
			row.Said, row.SaidPrecision, row.SaidStart = s.Said.String(), s.Said.Precision().String(), &start
		}
		if len(s.Mentions) == 0 {
			rows = append(rows, row)
			continue
		}
		for _, m := range s.Mentions {
			r := row
			r.Via = slices.Clone(row.Via)
			r.ArticleID = string(m.Article)
			if a, ok := reg.Article(m.Article); ok {
				published := a.Published.UTC()
				r.ArticleTitle, r.OutletID, r.URL, r.Published = a.Title, string(a.Outlet), a.URL, &published
				r.Language, r.Reprints = a.Language, string(a.Reprints)
				if o, ok := reg.Source(a.Outlet); ok {
					r.OutletName = o.Name
				}
			}
			start, end := int64(m.Span.Start), int64(m.Span.End)
			r.Cue, r.Quote, r.SpanStart, r.SpanEnd = m.Cue, m.Span.Exact, &start, &end
			r.Prefix, r.Suffix = m.Span.Prefix, m.Span.Suffix
			r.MachineAccepted = s.MachineAccepted || m.MachineAccepted
			rows = append(rows, r)
		}
	}
	return rows
}

// Words returns a factuality in words, a certainty and a polarity such as
// "certain negates", as claim.ParseFactuality reads them back; Uu is
// "uncommitted".
func Words(f claim.Factuality) string {
	if f == claim.Uu() {
		return "uncommitted"
	}
	pol := map[claim.Polarity]string{
		claim.PolarityPositive:       "affirms",
		claim.PolarityNegative:       "negates",
		claim.PolarityUnderspecified: "undetermined",
	}[f.Polarity]
	return f.Certainty.String() + " " + pol
}

// root returns the ID and name of the root of id's affiliation tree.
func root(reg *source.Registry, id source.ID) (string, string) {
	r, ok := reg.Root(id)
	if !ok {
		return "", ""
	}
	s, _ := reg.Source(r)
	return string(r), s.Name
}

// Claims returns the claims table of tl: one row per claim in corpus
// order, with its current status and the counts of its track. Statements,
// Mentions, Sources, Roots, Affirming, Negating and Anonymous count the
// claim's own statements; Inherited counts those that reach its track
// through related claims (timeline.Entry.Inherited). Affirming and
// Negating count statements with a probable or certain polarity (PR+ and
// CT+, PR- and CT-); Roots counts distinct affiliation roots among the
// speakers, absent sources left out. FirstReported and LastReported are the
// earliest and latest times the claim's own statements became known.
// Claims takes time linear in the size of the timeline's tracks.
func Claims(tl *timeline.Timeline) []Claim {
	reg := tl.Registry()
	var rows []Claim
	for _, c := range tl.Claims() {
		row := Claim{ClaimID: string(c.ID), Text: c.Text}
		if st, err := tl.Current(c.ID); err == nil {
			row.Status = st.String()
		}
		if h, err := tl.History(c.ID); err == nil && len(h) > 0 {
			since := h[len(h)-1].At.UTC()
			row.StatusSince = &since
		}
		track, _ := tl.Track(c.ID)
		speakers, roots := map[source.ID]bool{}, map[source.ID]bool{}
		for _, e := range track {
			if e.Inherited {
				row.Inherited++
				continue
			}
			s := e.Statement
			row.Statements++
			row.Mentions += int64(len(s.Mentions))
			speakers[s.Source] = true
			if r, ok := reg.Root(s.Source); ok && r != source.AbsentID {
				roots[r] = true
			}
			if s.Factuality.Certainty >= claim.CertaintyProbable {
				switch s.Factuality.Polarity {
				case claim.PolarityPositive:
					row.Affirming++
				case claim.PolarityNegative:
					row.Negating++
				case claim.PolarityUnderspecified:
					// Neither affirms nor negates.
				}
			}
			if e.Anonymous {
				row.Anonymous++
			}
			reported := e.Reported.UTC()
			if row.FirstReported == nil || reported.Before(*row.FirstReported) {
				row.FirstReported = &reported
			}
			if row.LastReported == nil || reported.After(*row.LastReported) {
				last := reported
				row.LastReported = &last
			}
		}
		row.Sources, row.Roots = int64(len(speakers)), int64(len(roots))
		if c.Event.IsValid() {
			row.Event, row.EventPrecision = c.Event.String(), c.Event.Precision().String()
		}
		for _, a := range c.Accused() {
			row.Accused = append(row.Accused, string(a))
		}
		rows = append(rows, row)
	}
	return rows
}

// History returns the status history table of tl: each claim's steps in
// the order they became known, claims in corpus order, Step counting from
// 1 within each claim. It takes time linear in the number of steps.
func History(tl *timeline.Timeline) []Step {
	var rows []Step
	for _, c := range tl.Claims() {
		h, _ := tl.History(c.ID)
		for i, ch := range h {
			rows = append(rows, Step{
				ClaimID: string(c.ID), Step: int64(i + 1), At: ch.At.UTC(),
				From: ch.From.String(), To: ch.To.String(),
				StatementID: string(ch.Statement), SourceID: string(ch.Source), ArticleID: string(ch.Article),
			})
		}
	}
	return rows
}

// Sources returns the sources table of tl's registry: every source in
// declaration order, the built-in absent source last, with its parent and
// root. It takes time linear in the number of sources.
func Sources(tl *timeline.Timeline) []Source {
	reg := tl.Registry()
	var rows []Source
	for _, s := range reg.Sources() {
		row := Source{
			SourceID: string(s.ID), Name: s.Name, Kind: s.Kind.String(), Identity: s.Identity.String(),
			ParentID: string(s.Parent), Investigator: s.Investigator, Aliases: slices.Clone(s.Aliases), Wikidata: s.Wikidata,
		}
		row.RootID, row.RootName = root(reg, s.ID)
		rows = append(rows, row)
	}
	return rows
}
