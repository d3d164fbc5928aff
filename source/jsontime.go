package source

import (
	"encoding/json"
	"time"
)

// dateOrTime is a time in a corpus file: an RFC 3339 time, or a date alone
// ("2024-03-04"), read as midnight UTC of that day, since an outlet's page
// or a researcher's spreadsheet often gives no more.
type dateOrTime time.Time

// UnmarshalJSON reads an RFC 3339 time or a date.
func (t *dateOrTime) UnmarshalJSON(b []byte) error {
	var s string
	if len(b) != len(`"2006-01-02"`) || b[0] != '"' || json.Unmarshal(b, &s) != nil {
		return (*time.Time)(t).UnmarshalJSON(b)
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return err
	}
	*t = dateOrTime(d)
	return nil
}

// UnmarshalJSON reads an article as encoding/json would, except that
// Published may be a date alone ("2024-03-04"), read as midnight UTC. On
// an error a is left as it was.
func (a *Article) UnmarshalJSON(b []byte) error {
	type plain Article
	aux := struct {
		*plain
		Published dateOrTime `json:"published"`
	}{plain: &plain{}}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*a = Article(*aux.plain)
	a.Published = time.Time(aux.Published)
	return nil
}

// UnmarshalJSON reads an office as encoding/json would, except that From
// and To may be dates alone ("2022-09-06"), read as midnight UTC. On an
// error o is left as it was.
func (o *Office) UnmarshalJSON(b []byte) error {
	type plain Office
	aux := struct {
		*plain
		From dateOrTime `json:"from"`
		To   dateOrTime `json:"to"`
	}{plain: &plain{}}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*o = Office(*aux.plain)
	o.From, o.To = time.Time(aux.From), time.Time(aux.To)
	return nil
}
