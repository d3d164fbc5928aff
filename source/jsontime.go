package source

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// readTime reads raw, a time in a corpus file, into *t: an RFC 3339 time,
// or a date alone ("2024-03-04"), read as midnight UTC of that day, since
// an outlet's page or a researcher's spreadsheet often gives no more.
// Absent or null leaves *t as it is. Any other value gives a *FieldError on
// field, wrapping ErrInvalid, that quotes an excerpt of the value: the
// error of time.Time's UnmarshalJSON would copy all of it, control
// characters included. readTime takes time linear in the length of raw.
func readTime(field string, raw json.RawMessage, t *time.Time) error {
	if raw == nil || string(raw) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return fieldErr(field, string(raw), fmt.Errorf("%w: want a time as a string", ErrInvalid))
	}
	var parsed time.Time
	var err error
	if len(s) == len(time.DateOnly) {
		parsed, err = time.Parse(time.DateOnly, s)
	} else {
		// As strict as time.Time's UnmarshalJSON.
		err = parsed.UnmarshalText([]byte(s))
	}
	if err != nil {
		reason := "not an RFC 3339 time or a date"
		if pe, ok := errors.AsType[*time.ParseError](err); ok && pe.Message != "" {
			reason = strings.TrimPrefix(pe.Message, ": ")
		}
		return fieldErr(field, s, fmt.Errorf("%w: %s", ErrInvalid, reason))
	}
	*t = parsed
	return nil
}

// UnmarshalJSON reads an article as encoding/json would, except that
// Published may be a date alone ("2024-03-04"), read as midnight UTC. On
// an error a is left as it was.
func (a *Article) UnmarshalJSON(b []byte) error {
	type plain Article
	aux := struct {
		*plain
		Published json.RawMessage `json:"published"`
	}{plain: &plain{}}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	got := Article(*aux.plain)
	if err := readTime("published", aux.Published, &got.Published); err != nil {
		return err
	}
	*a = got
	return nil
}

// UnmarshalJSON reads an office as encoding/json would, except that From
// and To may be dates alone ("2022-09-06"), read as midnight UTC. On an
// error o is left as it was.
func (o *Office) UnmarshalJSON(b []byte) error {
	type plain Office
	aux := struct {
		*plain
		From json.RawMessage `json:"from"`
		To   json.RawMessage `json:"to"`
	}{plain: &plain{}}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	got := Office(*aux.plain)
	if err := readTime("from", aux.From, &got.From); err != nil {
		return err
	}
	if err := readTime("to", aux.To, &got.To); err != nil {
		return err
	}
	*o = got
	return nil
}
