package source

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Office is a position a source holds for a time, as Wikidata's "position
// held" records it: the UK's foreign secretary from 2022 to 2023, the
// Kremlin's spokesman since 2008. Offices let text that names a speaker by
// title ("Britain's foreign secretary", "the Kremlin spokesman") resolve
// to the person who held the title on the article's date
// ([Registry.ResolveOffice]).
//
// An Office is a plain value. The zero Office is invalid: Title and Of are
// required.
type Office struct {
	// Title is the office's name without its organisation: "foreign
	// secretary", "spokesman". Case, punctuation and diacritics are
	// ignored when matching, as [Normalize] does.
	Title string `json:"title"`
	// Aliases are other titles of the same office ("foreign minister",
	// "spokesperson").
	Aliases []string `json:"aliases,omitempty"`
	// Of is the source whose office it is: the United Kingdom, the Kremlin.
	Of ID `json:"of"`
	// From and To bound the term, To exclusive; a zero bound is open (held
	// since before anyone recorded, or still held). In JSON each is an
	// RFC 3339 time, or a date alone ("2022-09-06") read as midnight UTC.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
}

// heldAt reports whether the term includes the instant at; a zero at asks
// for the current holder, whose term has no end.
func (o Office) heldAt(at time.Time) bool {
	if at.IsZero() {
		return o.To.IsZero()
	}
	return (o.From.IsZero() || !at.Before(o.From)) && (o.To.IsZero() || at.Before(o.To))
}

// titles returns the office's normalised titles.
func (o Office) titles() []string {
	out := []string{Normalize(o.Title)}
	// A set, not slices.Contains, so that an office with many aliases
	// costs time linear in them.
	seen := map[string]bool{out[0]: true}
	for _, a := range o.Aliases {
		if n := Normalize(a); n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// checkOffices returns one error per problem with s's offices and its
// external identifier, apart from references, which linkOffices checks.
func (s Source) checkOffices(p fieldPath) []error {
	var errs []error
	if s.Wikidata != "" && !validQID(s.Wikidata) {
		errs = append(errs, fieldErr(p.f("wikidata"), s.Wikidata, fmt.Errorf("%w: a Wikidata item ID is Q and digits, such as Q42", ErrInvalid)))
	}
	for k, o := range s.Offices {
		path := fmt.Sprintf("offices[%d]", k)
		errs = checkText(errs, p, path+".title", o.Title, true)
		if utf8.ValidString(o.Title) && o.Title != "" && Normalize(o.Title) == "" {
			errs = append(errs, fieldErr(p.f(path+".title"), o.Title, fmt.Errorf("%w: no letters or digits to match", ErrInvalid)))
		}
		errs = checkText(errs, p, path+".of", string(o.Of), true)
		for i, a := range o.Aliases {
			errs = checkText(errs, p, fmt.Sprintf("%s.aliases[%d]", path, i), a, true)
		}
		errs = checkTime(errs, p, path+".from", o.From)
		errs = checkTime(errs, p, path+".to", o.To)
		if !o.From.IsZero() && !o.To.IsZero() && !o.From.Before(o.To) {
			errs = append(errs, fieldErr(p.f(path+".to"), o.To.Format(time.RFC3339), fmt.Errorf("%w: the term ends before it starts (from %s)", ErrInvalid, o.From.Format(time.RFC3339))))
		}
	}
	if len(s.Offices) > 0 && s.IsAbsent() {
		errs = append(errs, fieldErr(p.f("offices"), s.Offices[0].Title, fmt.Errorf("%w: an absent source holds no office", ErrInvalid)))
	}
	return errs
}

func validQID(q string) bool {
	if len(q) < 2 || q[0] != 'Q' || q[1] == '0' {
		return false
	}
	for _, c := range q[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// heldOffice is one office of one source, indexed for resolution.
type heldOffice struct {
	holder, of, index int // the holder, the organisation, and the office's index among the holder's
	office            Office
	titles            []string
}

// linkOffices checks that every office belongs to a known source and that
// no two sources hold one office over overlapping terms, and indexes the
// offices by title. Terms of one office are compared after sorting them by
// start, so the work is n log n in the number of offices.
func (r *Registry) linkOffices(declared sourcePaths, probs *problems) {
	r.offices = map[string][]heldOffice{}
	for i, s := range r.sources {
		for k, o := range s.Offices {
			path := fmt.Sprintf("%s.offices[%d]", declared.path(i), k)
			of, ok := r.byID[o.Of]
			switch {
			case !ok && o.Of != "":
				probs.add(fieldErr(path+".of", string(o.Of), ErrUnknownSource))
				continue
			case !ok:
				continue
			case r.sources[of].IsAbsent():
				probs.add(fieldErr(path+".of", string(o.Of), fmt.Errorf("%w: the absent source has no offices", ErrInvalid)))
				continue
			}
			h := heldOffice{holder: i, of: of, index: k, office: o, titles: o.titles()}
			for _, t := range h.titles {
				r.longest = max(r.longest, len(t))
				r.offices[t] = append(r.offices[t], h)
			}
		}
	}
	reported := map[[2]int]bool{}
	for _, list := range r.offices {
		terms := slices.Clone(list)
		slices.SortStableFunc(terms, func(a, b heldOffice) int {
			if c := cmp.Compare(a.of, b.of); c != 0 {
				return c
			}
			return a.office.From.Compare(b.office.From)
		})
		// Within one organisation, a term that starts before the latest end
		// so far (a zero To is no end) overlaps an earlier one.
		var last heldOffice
		for j, h := range terms {
			if j > 0 && h.of == last.of && h.holder != last.holder && !reported[[2]int{h.holder, h.index}] &&
				(last.office.To.IsZero() || h.office.From.Before(last.office.To)) {
				reported[[2]int{h.holder, h.index}] = true
				path := fmt.Sprintf("%s.offices[%d]", declared.path(h.holder), h.index)
				probs.add(fieldErr(path+".from", h.office.From.Format(time.RFC3339),
					fmt.Errorf("%w: %q also holds %q of %q over an overlapping term", ErrInvalid, Excerpt(string(r.sources[last.holder].ID)), Excerpt(h.office.Title), Excerpt(string(h.office.Of)))))
			}
			if j == 0 || h.of != last.of || !last.office.To.IsZero() && (h.office.To.IsZero() || h.office.To.After(last.office.To)) {
				last = h
			}
		}
	}
}

// OfficeMatch is what [Registry.ResolveOffice] finds: the office a phrase
// names and who held it.
type OfficeMatch struct {
	// Of is the organisation whose office it is, and Title the office's
	// title as recorded.
	Of    ID
	Title string
	// Holder is who held the office at the instant asked for; empty when
	// the registry knows the office but nobody who held it then.
	Holder ID
}

// ResolveOffice finds the office a phrase names by organisation and title
// ("Britain's foreign secretary", "the Kremlin spokesman", "the US defence
// secretary", "the foreign minister of Russia") and who held it at the
// instant at; a zero at asks for the current holder. The organisation is
// resolved as [Registry.Resolve] does (so "Britain" and "British" resolve
// when they are aliases), and an office matches when it belongs to that
// source or to one below it (the US defence secretary is an office of the
// Department of Defense, under the United States). It reports false when
// the phrase names no office the registry knows, or more than one.
//
// When the office is known but no holder's term includes at, the match
// has an empty Holder: the caller can speak of the office itself.
//
// ResolveOffice takes time linear in the length of the phrase times that
// of the longest name, alias or title in the registry, plus the offices
// found.
func (r *Registry) ResolveOffice(phrase string, at time.Time) (OfficeMatch, bool) {
	if r == nil || len(r.offices) == 0 {
		return OfficeMatch{}, false
	}
	// The phrase is split once into words of its key; org and title are
	// slices of that key, and a slice longer than every name and title the
	// registry knows is skipped before it is hashed, so that the work is
	// linear in the phrase, not quadratic.
	key := Normalize(dropPossessives(phrase))
	words := strings.Fields(key)
	starts := make([]int, len(words)+1) // starts[k] is where words[k] begins in key
	for k, off := 0, 0; k < len(words); k++ {
		starts[k] = off
		off += len(words[k]) + 1
	}
	starts[len(words)] = len(key) + 1
	span := func(from, to int) string { return key[starts[from] : starts[to]-1] }
	var found []heldOffice
	try := func(org, title string) {
		// org is a key already, but for a leading "the", which Normalize
		// would drop: "the foreign minister of the kremlin".
		for {
			rest, ok := strings.CutPrefix(org, "the ")
			if !ok {
				break
			}
			org = rest
		}
		if org == "" || title == "" || len(org) > r.longest || len(title) > r.longest {
			return
		}
		i, ok := r.aliases[org]
		if !ok {
			return
		}
		for _, h := range r.offices[title] {
			if h.of == i || r.Under(r.sources[h.of].ID, r.sources[i].ID) {
				found = append(found, h)
			}
		}
	}
	for k := 1; k < len(words); k++ {
		try(span(0, k), span(k, len(words)))
		if words[k] == "of" && k+1 < len(words) {
			try(span(k+1, len(words)), span(0, k))
		}
	}
	if len(found) == 0 {
		return OfficeMatch{}, false
	}
	// One office may be found through several splits, and held by several
	// people over time: it must be one office, and at most one holder then.
	first := found[0].office
	firstTitles := make(map[string]bool, len(found[0].titles))
	for _, t := range found[0].titles {
		firstTitles[t] = true
	}
	same := func(h heldOffice) bool {
		return h.of == found[0].of && slices.ContainsFunc(h.titles, func(t string) bool { return firstTitles[t] })
	}
	m := OfficeMatch{Of: first.Of, Title: first.Title}
	for _, h := range found {
		if !same(h) {
			return OfficeMatch{}, false
		}
		if h.office.heldAt(at) {
			if m.Holder != "" && m.Holder != r.sources[h.holder].ID {
				return OfficeMatch{}, false
			}
			m.Holder = r.sources[h.holder].ID
		}
	}
	return m, true
}

// dropPossessives removes a possessive "'s" or "’s" at the end of each
// word, which Normalize would fold into the word ("Britain's" into
// "britains").
func dropPossessives(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		for _, apo := range []string{"'s", "’s", "'S", "’S"} {
			if t, ok := strings.CutSuffix(w, apo); ok && t != "" {
				words[i] = t
				break
			}
		}
	}
	return strings.Join(words, " ")
}
