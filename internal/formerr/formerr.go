// Package formerr says what is wrong with a decision the story refused in
// the words of the forms that made it (the desk's pages and the terminal
// review), rather than by the story's path to the field.
package formerr

import (
	"errors"
	"strconv"
	"strings"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/story"
)

// Labels are the names the forms give the fields of a decision, and of the
// statement it makes, by the field names the story's and the claim
// package's errors use.
var Labels = map[string]string{
	"key":        "proposal",
	"speaker":    "speaker",
	"source":     "source",
	"via":        "relay",
	"act":        "act",
	"factuality": "factuality",
	"said":       "date said",
	"claim":      "claim",
	"same_as":    "statement it is a new mention of",
	"text":       "new claim",
	"into":       "source to merge into",
	"undoes":     "decision to undo",
	"seen":       "page's state",
}

// Message says what is wrong with a decision the story refused, in the
// forms' words: "the factuality "CT+" does not fit the act: ..." rather
// than the story's path to the field ("decisions[0].key", then
// "statements[0].factuality"). The innermost field error names the field;
// one the forms have no label for keeps its path. Another error is said as
// it is. Linear in the error's text.
func Message(err error) string {
	var ce *claim.FieldError
	if errors.As(err, &ce) {
		field := ce.Field
		if i := strings.LastIndexByte(field, '.'); i >= 0 && strings.HasPrefix(field, "statements[") {
			field = field[i+1:]
			if field == "source" {
				field = "speaker"
			}
		}
		return labelled(field, ce.Value, ce.Err)
	}
	var se *story.FieldError
	if errors.As(err, &se) {
		field := se.Field
		if strings.HasPrefix(field, "decisions[") {
			if i := strings.IndexByte(field, '.'); i >= 0 {
				field = field[i+1:]
			}
		}
		return labelled(field, se.Value, se.Err)
	}
	return err.Error()
}

// labelled says "the LABEL "VALUE": REASON" for a field, by its form
// label when it has one.
func labelled(field, value string, err error) string {
	if l, ok := Labels[field]; ok {
		field = l
	}
	return "the " + field + " " + strconv.Quote(value) + ": " + err.Error()
}
