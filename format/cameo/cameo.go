package cameo

import (
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// Event is one row of the event table: one statement. The struct tags
// name the columns; package format/table writes the table as CSV or
// Parquet. An Event is a plain value.
type Event struct {
	EventID         string     `parquet:"event_id"`
	SQLDate         int64      `parquet:"sqldate"`
	Date            time.Time  `parquet:"date,timestamp(millisecond)"`
	DatePrecision   string     `parquet:"date_precision,dict"`
	DateFromReport  bool       `parquet:"date_from_report"`
	Actor1Code      string     `parquet:"actor1_code,dict"`
	Actor1Name      string     `parquet:"actor1_name,dict"`
	Actor1Country   string     `parquet:"actor1_country,dict"`
	Actor1Speaker   string     `parquet:"actor1_speaker,dict"`
	Actor1Kind      string     `parquet:"actor1_kind,dict"`
	Actor1Anonymous bool       `parquet:"actor1_anonymous"`
	Actor2Code      string     `parquet:"actor2_code,dict"`
	Actor2Name      string     `parquet:"actor2_name,dict"`
	Actor2Country   string     `parquet:"actor2_country,dict"`
	EventCode       string     `parquet:"event_code,dict"`
	EventRootCode   string     `parquet:"event_root_code,dict"`
	QuadClass       int64      `parquet:"quad_class"`
	Goldstein       *float64   `parquet:"goldstein,optional"`
	Act             string     `parquet:"act,dict"`
	Factuality      string     `parquet:"factuality,dict"`
	ClaimID         string     `parquet:"claim_id,dict"`
	NumMentions     int64      `parquet:"num_mentions"`
	NumArticles     int64      `parquet:"num_articles"`
	NumSources      int64      `parquet:"num_sources"`
	FirstReported   *time.Time `parquet:"first_reported,optional,timestamp(millisecond)"`
	SourceURL       string     `parquet:"source_url"`
}

// Options holds the choices of [Events]. The zero Options means the
// defaults: no country codes.
type Options struct {
	// Countries gives the country code of affiliation roots by source ID,
	// such as "westmark": "WMK". Events reads it and does not keep it.
	Countries map[source.ID]string
}

// QuadClass returns the CAMEO quad class of an event code: 1 verbal
// cooperation, 2 material cooperation, 3 verbal conflict, 4 material
// conflict; 0 for a code that is not a CAMEO code of two digits or more
// with a root from 01 to 20.
func QuadClass(code string) int {
	if len(code) < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9' {
		return 0
	}
	switch root := int(code[0]-'0')*10 + int(code[1]-'0'); {
	case root >= 1 && root <= 5:
		return 1
	case root >= 6 && root <= 9:
		return 2
	case root >= 10 && root <= 14:
		return 3
	case root >= 15 && root <= 20:
		return 4
	}
	return 0
}

// goldstein holds GDELT's Goldstein weights for the codes claim.Act maps
// to.
var goldstein = map[string]float64{
	"010": 0, "011": -0.1, "012": -0.4, "015": 0, "016": -2,
	"020": 3, "030": 4, "112": -2, "120": -4, "130": -4.4,
}

// Goldstein returns the Goldstein weight GDELT gives a CAMEO event code,
// for the codes the acts of package claim map to, and false for others.
func Goldstein(code string) (float64, bool) {
	v, ok := goldstein[code]
	return v, ok
}

// Events returns the event table of tl: one row per statement, in corpus
// order. The date is the statement's said date, or, when that is unknown,
// the publication time of its first report (DateFromReport), as its first
// instant in UTC; SQLDate is that day as GDELT writes it, 20240304.
// NumMentions counts the statement's mentions, NumArticles the articles
// and NumSources the outlets among them; SourceURL is the first report's
// URL. Events takes time linear in the size of the timeline's corpus and
// tracks.
func Events(tl *timeline.Timeline, opts Options) []Event {
	reg := tl.Registry()
	entries := map[claim.StatementID]timeline.Entry{}
	for _, c := range tl.Claims() {
		track, _ := tl.Track(c.ID)
		for _, e := range track {
			if !e.Inherited {
				entries[e.Statement.ID] = e
			}
		}
	}
	accused := map[claim.ID]source.ID{}
	for _, c := range tl.Claims() {
		if a := c.Accused(); len(a) > 0 {
			accused[c.ID] = a[0]
		}
	}
	var rows []Event
	for _, s := range tl.Corpus().Statements {
		e := entries[s.ID]
		ev := Event{
			EventID:       string(s.ID),
			Act:           s.Act.String(),
			Factuality:    s.Factuality.String(),
			ClaimID:       string(s.Claim),
			EventCode:     s.Act.CAMEO(),
			Actor1Speaker: string(s.Source),
			NumMentions:   int64(len(s.Mentions)),
		}
		said := e.Said
		if !said.IsValid() {
			said = s.Said
		}
		if said.IsValid() {
			ev.Date = said.Start()
			ev.DatePrecision = said.Precision().String()
			ev.SQLDate = int64(ev.Date.Year()*10000 + int(ev.Date.Month())*100 + ev.Date.Day())
		}
		ev.DateFromReport = e.SaidFromReport
		if code := ev.EventCode; code != "" {
			ev.EventRootCode = code[:2]
			ev.QuadClass = int64(QuadClass(code))
			if g, ok := Goldstein(code); ok {
				ev.Goldstein = &g
			}
		}
		if sp, ok := reg.Source(s.Source); ok {
			ev.Actor1Kind = sp.Kind.String()
			ev.Actor1Anonymous = sp.IsAbsent() || sp.IsUnnamed()
		}
		ev.Actor1Code, ev.Actor1Name, ev.Actor1Country = actor(reg, s.Source, opts)
		if a, ok := accused[s.Claim]; ok {
			ev.Actor2Code, ev.Actor2Name, ev.Actor2Country = actor(reg, a, opts)
		}
		articles, outlets := map[source.ArticleID]bool{}, map[source.ID]bool{}
		for _, m := range s.Mentions {
			articles[m.Article] = true
			if a, ok := reg.Article(m.Article); ok && a.Outlet != "" {
				outlets[a.Outlet] = true
			}
		}
		ev.NumArticles, ev.NumSources = int64(len(articles)), int64(len(outlets))
		if e.Article != "" {
			reported := e.Reported.UTC()
			ev.FirstReported = &reported
			if a, ok := reg.Article(e.Article); ok {
				ev.SourceURL = a.URL
			}
		}
		rows = append(rows, ev)
	}
	return rows
}

// actor returns the root of id's affiliation tree: its ID, name and
// country code.
func actor(reg *source.Registry, id source.ID, opts Options) (code, name, country string) {
	root, ok := reg.Root(id)
	if !ok {
		return string(id), "", ""
	}
	s, _ := reg.Source(root)
	return string(root), s.Name, opts.Countries[root]
}
