package timeline

import (
	"fmt"
	"strconv"
)

// Rules holds the editorial choices in the status rules, where one newsroom
// may decide differently from another. The zero Rules is the documented
// default, and a nil *Rules passed to [Build] means the same. A Rules is a
// plain value; [Build] copies it.
type Rules struct {
	// Corroboration is how many independent roots must affirm a claim for
	// it to be corroborated; zero means the default, 2. One makes any
	// affirmation by a source outside the claim's parties corroborate.
	// Negative values are invalid.
	Corroboration int `json:"corroboration,omitempty"`
	// ExcludeUnnamed keeps unnamed sources from corroborating even when
	// their affiliation is known ("US intelligence officials" under the
	// United States). By default they count for their root; an unnamed
	// source with no affiliation never counts.
	ExcludeUnnamed bool `json:"exclude_unnamed,omitempty"`
	// PossibleAlleges makes a possibility (PS+: "may have supplied") an
	// allegation: it affirms the claim for the contested, alleged and
	// retracted rules and is carried to broader claims like any
	// affirmation, but it never corroborates or confirms. By default a
	// possibility neither affirms nor negates.
	PossibleAlleges bool `json:"possible_alleges,omitempty"`
}

// corroboration returns how many independent roots corroborate.
func (r Rules) corroboration() int {
	if r.Corroboration == 0 {
		return 2
	}
	return r.Corroboration
}

// check returns an error naming the first field out of range.
func (r Rules) check() error {
	if r.Corroboration < 0 {
		return &Error{Field: "rules.corroboration", Value: strconv.Itoa(r.Corroboration),
			Err: fmt.Errorf("%w: at least one independent root must corroborate", ErrInvalid)}
	}
	return nil
}
