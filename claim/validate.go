package claim

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/internal/corpusview"
	"github.com/claimtrail/claimtrail/source"
)

// validator checks claims and statements against the IDs a corpus declares.
// It looks only at which sources and articles exist, and at the articles'
// texts and publication times, not at whether they are valid themselves, so
// that one bad source does not hide the statements that refer to it
// correctly.
//
// Every ID a statement names is looked up once, by its dense index: the
// claim's position in the corpus, the article's, and the source's in the
// registry (declaration order, the built-in absent source last). When it
// interns, the validator keeps those indexes for each statement, so that
// a checked corpus is never hashed again (see corpusview.Index).
type validator struct {
	sources   *corpusview.Table[source.ID, int32]
	sourceIDs []source.ID                                // by index
	articles  *corpusview.Table[source.ArticleID, int32] // the first of each ID's index in arts
	arts      []article
	claims    *corpusview.Table[string, int32]
	p         *problems // where the problems found go
	// utf8 says that every string of the claims and statements is known to
	// be valid UTF-8, as those Decode reads from a valid document are, so
	// that they need not be checked again.
	utf8 bool
	// The article the last mention past a statement's first named, found
	// in articles or not, and the last speaker of a statement found: the
	// statements of one article usually come one after the other, and
	// share them often.
	lastID      source.ArticleID
	last        article // idx -1 when not found
	lastChecked bool
	lastSource  source.ID
	lastSourceI int32
	// in holds each statement's indexes when the validator interns; nil
	// otherwise.
	in *interned
}

// lookups holds what the validator finds of a batch of statements
// before it checks them: the index of each one's claim, and its first
// mention's article. Found together, with [corpusview.Table.GetAll], the
// lookups' cache misses overlap, where one statement at a time they come
// one after the other: the tables of a large corpus's claims and articles
// do not fit in the processor's caches, and most lookups miss.
type lookups struct {
	claimIDs [corpusview.Batch]string
	artIDs   [corpusview.Batch]source.ArticleID
	claims   [corpusview.Batch]int32 // valid where claimOK
	claimOK  [corpusview.Batch]bool
	artJ     [corpusview.Batch]int32 // valid where artOK
	artOK    [corpusview.Batch]bool
	arts     [corpusview.Batch]article // idx -1 when not found or no mention
}

// resolve looks up the claim and the first mention's article of each of
// stmts, at most corpusview.Batch of them, into l, as claims.Get and
// articles.Get would one at a time.
func (v *validator) resolve(stmts []Statement, l *lookups) {
	n := len(stmts)
	for k := range stmts {
		s := &stmts[k]
		l.claimIDs[k] = string(s.Claim)
		l.artIDs[k] = ""
		if len(s.Mentions) > 0 {
			l.artIDs[k] = s.Mentions[0].Article
		}
	}
	v.claims.GetAll(l.claimIDs[:n], l.claims[:n], l.claimOK[:n])
	v.articles.GetAll(l.artIDs[:n], l.artJ[:n], l.artOK[:n])
	// The articles found are read together too, for the same reason.
	for k := range n {
		if l.artOK[k] && len(stmts[k].Mentions) > 0 {
			l.arts[k] = v.arts[l.artJ[k]]
		} else {
			l.arts[k] = article{idx: -1}
		}
	}
}

// sourceIndex returns the index of the source id, and whether the corpus
// declares it or id is the absent source's.
func (v *validator) sourceIndex(id source.ID) (int32, bool) {
	if id == v.lastSource && id != "" {
		return v.lastSourceI, true
	}
	j, ok := v.sources.Get(id)
	if !ok {
		return -1, false
	}
	v.lastSource, v.lastSourceI = id, j
	return j, true
}

// article is what the validator needs of an article.
type article struct {
	idx       int32     // its index: its place in the corpus, counting the first of each ID
	text      string    // "" when the article has none or it is not valid UTF-8
	published time.Time // zero when missing, which the registry reports
}

// newValidator returns the validator of c's claims and statements, which
// reports to p. validUTF8 says that the claims' and statements' strings
// are known to be valid UTF-8, textsValid that the articles' texts are
// (the registry, made without error, checked them), so that neither is
// checked again: an article's text may be thousands of bytes.
func newValidator(c *Corpus, p *problems, validUTF8, textsValid bool) *validator {
	v := &validator{
		p:         p,
		utf8:      validUTF8,
		sources:   corpusview.NewTable[source.ID, int32](len(c.Sources) + 1),
		sourceIDs: make([]source.ID, 0, len(c.Sources)+1),
		articles:  corpusview.NewTable[source.ArticleID, int32](len(c.Articles)),
		arts:      make([]article, 0, len(c.Articles)),
		claims:    corpusview.NewTable[string, int32](len(c.Claims)),
	}
	// The registry's order: the first of each ID, then the built-in absent
	// source when the corpus does not declare it.
	for _, s := range c.Sources {
		if v.sources.Add(s.ID, int32(len(v.sourceIDs))) {
			v.sourceIDs = append(v.sourceIDs, s.ID)
		}
	}
	if v.sources.Add(source.AbsentID, int32(len(v.sourceIDs))) {
		v.sourceIDs = append(v.sourceIDs, source.AbsentID)
	}
	for _, a := range c.Articles {
		j := int32(len(v.arts))
		if !v.articles.Add(a.ID, j) {
			continue
		}
		// An article whose text is not valid UTF-8 still exists (the registry
		// reports its text); its mentions are checked without the text.
		text := a.Text
		if !v.utf8 && !textsValid && !utf8.ValidString(text) {
			text = ""
		}
		v.arts = append(v.arts, article{idx: j, text: text, published: a.Published})
	}
	return v
}

func (v *validator) claimErrs(claims []Claim) {
	for i, c := range claims {
		// Paths are formatted only when there is a problem to report.
		path := func() string { return fmt.Sprintf("claims[%d]", i) }
		if e := v.textErr(string(c.ID), true); e != nil {
			v.p.field(func() string { return path() + ".id" }, string(c.ID), e)
		}
		if e := v.textErr(c.Text, true); e != nil {
			v.p.field(func() string { return path() + ".text" }, c.Text, e)
		}
		if _, dup := v.claims.Get(string(c.ID)); dup && c.ID != "" {
			v.p.field(func() string { return path() + ".id" }, string(c.ID), ErrDuplicateID)
		} else {
			// The last of the claims without an ID stands for them, as
			// the first of each other ID does.
			v.claims.Set(string(c.ID), int32(i))
		}
		for k, a := range c.Actors {
			if _, ok := v.sources.Get(a.Source); !ok {
				v.p.field(func() string { return fmt.Sprintf("%s.actors[%d].source", path(), k) }, string(a.Source), ErrUnknownSource)
			}
			if int(a.Role) >= len(roleNames) {
				v.p.field(func() string { return fmt.Sprintf("%s.actors[%d].role", path(), k) }, a.Role.String(), ErrInvalid)
			}
		}
		if err := dateErr(func() string { return path() + ".event" }, c.Event); err != nil {
			v.p.add(err)
		}
	}
	for i, c := range claims {
		for k, r := range c.Relations {
			field := func() string { return fmt.Sprintf("claims[%d].relations[%d]", i, k) }
			if r.Kind == RelationUnknown || int(r.Kind) >= len(relationNames) {
				v.p.field(func() string { return field() + ".kind" }, r.Kind.String(), ErrInvalid)
			}
			switch _, ok := v.claims.Get(string(r.To)); {
			case !ok:
				v.p.field(func() string { return field() + ".to" }, string(r.To), ErrUnknownClaim)
			case r.To == c.ID:
				v.p.field(func() string { return field() + ".to" }, string(r.To), ErrCycle)
			}
		}
	}
	refinementCycles(claims, v.claims, v.p)
}

// refinementCycles reports each loop in the refines and part-of relations,
// once, at the relation that closes it: a claim cannot be more specific than
// itself. The depth-first search keeps its own stack, not the goroutine's:
// a chain of a million relations would otherwise overflow it, which no
// caller can recover from. It is linear in the claims and relations.
func refinementCycles(claims []Claim, index *corpusview.Table[string, int32], p *problems) {
	state := make([]uint8, len(claims)) // 0 unvisited, 1 on the stack, 2 done
	type frame struct{ i, k int }       // claim i, whose relations before k are done
	var stack []frame
	for root, c := range claims {
		if j, ok := index.Get(string(c.ID)); !ok || int(j) != root || state[root] != 0 {
			continue
		}
		state[root] = 1
		stack = append(stack[:0], frame{root, 0})
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			i := top.i
			if top.k == len(claims[i].Relations) {
				state[i] = 2
				stack = stack[:len(stack)-1]
				continue
			}
			k := top.k
			top.k++
			r := claims[i].Relations[k]
			if r.Kind != RelationRefines && r.Kind != RelationPartOf || r.To == claims[i].ID {
				continue
			}
			j, ok := index.Get(string(r.To))
			if !ok {
				continue
			}
			switch state[j] {
			case 0:
				state[j] = 1
				stack = append(stack, frame{int(j), 0})
			case 1:
				p.field(func() string { return fmt.Sprintf("claims[%d].relations[%d].to", i, k) }, string(r.To), ErrCycle)
			}
		}
	}
}

func (v *validator) statementErrs(statements []Statement) {
	dups := newDupFinder(statements)
	in := v.in
	if in != nil {
		in.claim = make([]int32, len(statements))
		in.source = make([]int32, len(statements))
		// Many corpora have no Via at all: their offsets are made at the
		// first Via entry, all zero before it.
		in.menOff = make([]int32, len(statements)+1)
		// Most statements have one mention and no Via.
		in.art = make([]int32, 0, len(statements))
	}
	look := new(lookups)
	for i := range statements {
		s := &statements[i]
		b := i % corpusview.Batch // s's place in its batch
		if b == 0 {
			v.resolve(statements[i:min(i+corpusview.Batch, len(statements))], look)
		}
		// The path is formatted only when there is a problem to report: a
		// valid corpus of a million statements must not pay for it.
		path := func() string { return fmt.Sprintf("statements[%d]", i) }
		if e := v.textErr(string(s.ID), true); e != nil {
			v.p.field(func() string { return path() + ".id" }, string(s.ID), e)
		}
		if dups.dup(s.ID) {
			v.p.field(func() string { return path() + ".id" }, string(s.ID), ErrDuplicateID)
		}
		cl, ok := look.claims[b], look.claimOK[b]
		if !ok {
			cl = -1
			v.p.field(func() string { return path() + ".claim" }, string(s.Claim), ErrUnknownClaim)
		}
		src, ok := v.sourceIndex(s.Source)
		if !ok {
			v.p.field(func() string { return path() + ".source" }, string(s.Source), ErrUnknownSource)
		}
		if in != nil {
			in.claim[i], in.source[i] = cl, src
			if len(s.Via) > 0 && in.viaOff == nil {
				in.viaOff = make([]int32, len(statements)+1)
			}
		}
		for k, via := range s.Via {
			j, ok := v.sources.Get(via)
			if in != nil {
				in.via = append(in.via, j)
			}
			switch {
			case !ok:
				v.p.field(func() string { return fmt.Sprintf("%s.via[%d]", path(), k) }, string(via), ErrUnknownSource)
			case via == s.Source:
				// Via is who relayed the speaker's words; the speaker cannot
				// relay itself.
				v.p.field(func() string { return fmt.Sprintf("%s.via[%d]", path(), k) }, string(via), fmt.Errorf("%w: the statement's own source", ErrCycle))
			}
		}
		switch {
		case !s.Act.IsValid() || !s.Factuality.IsValid():
			// Both are reported when both are wrong; whether they fit each
			// other is asked only of valid values.
			if !s.Act.IsValid() {
				v.p.field(func() string { return path() + ".act" }, s.Act.String(), fmt.Errorf("%w: want one of %s", ErrInvalid, strings.Join(actNames[1:], ", ")))
			}
			if !s.Factuality.IsValid() {
				v.p.field(func() string { return path() + ".factuality" }, s.Factuality.String(), ErrInvalid)
			}
		case !s.Act.fits(s.Factuality):
			v.p.field(func() string { return path() + ".factuality" }, s.Factuality.String(), fmt.Errorf("%w: %s wants %s", ErrFactuality, s.Act, s.Act.fitting()))
		}
		if len(s.Mentions) == 0 && !s.Said.IsValid() {
			v.p.field(func() string { return path() + ".mentions" }, "", fmt.Errorf("%w: a statement needs a mention or a said date", ErrEmpty))
		}
		var first time.Time // publication of the earliest known article that mentions it
		var firstID source.ArticleID
		for k := range s.Mentions {
			m := &s.Mentions[k]
			var a int32
			var published time.Time
			if k == 0 {
				a, published = v.mentionErrs(i, k, m, &look.arts[b])
			} else {
				a, published = v.mentionErrs(i, k, m, v.article(m.Article))
			}
			if in != nil {
				in.art = append(in.art, a)
			}
			if !published.IsZero() && (first.IsZero() || published.Before(first)) {
				first, firstID = published, m.Article
			}
		}
		if in != nil {
			in.menOff[i+1] = int32(len(in.art))
			if in.viaOff != nil {
				in.viaOff[i+1] = int32(len(in.via))
			}
		}
		if err := dateErr(func() string { return path() + ".said" }, s.Said); err != nil {
			v.p.add(err)
		} else if err := saidErr(s.Said, first, firstID); err != nil {
			v.p.field(func() string { return path() + ".said" }, s.Said.String(), err)
		}
	}
}

// maxUTCOffset is the largest offset of a local time zone from UTC.
const maxUTCOffset = 14 * time.Hour

// saidErr reports a statement said after it was first reported: when the
// period of its said date starts after first, the publication of the
// earliest known article that mentions it (firstID). Only the start counts, so a said date
// whose period holds the publication time, such as the day of the report,
// is fine. A Date's periods lie in UTC while an article's day is local, so
// a said day, month or year may start up to 14 hours (the largest UTC
// offset) after the publication instant: "2024-03-05" said in an article
// published at 2024-03-04T22:00Z, which is already 5 March in Bangkok, is
// fine. An instant is compared exactly.
func saidErr(said Date, first time.Time, firstID source.ArticleID) error {
	slack := maxUTCOffset
	if said.Precision() == PrecisionInstant {
		slack = 0 // an instant is the same everywhere
	}
	if !said.IsValid() || first.IsZero() || !after(said.Start(), first, slack) {
		return nil
	}
	return fmt.Errorf("%w: said after it was first reported, in %q published %s", ErrDate, source.Excerpt(string(firstID)), first.Format(time.RFC3339Nano))
}

// after reports whether t is after u plus slack, a whole number of
// seconds, as t.After(u.Add(slack)) does, in Unix seconds: time.Time.Add,
// which keeps a monotonic reading and checks for overflow, costs more
// than the rest of a statement's date checks. Times too far from the
// present for the sum to be safe are left to Add.
func after(t, u time.Time, slack time.Duration) bool {
	const far = 1 << 60
	ts, us := t.Unix(), u.Unix()
	if us <= -far || us >= far || ts <= -far || ts >= far {
		return t.After(u.Add(slack))
	}
	us += int64(slack / time.Second)
	return ts > us || ts == us && t.Nanosecond() > u.Nanosecond()
}

// dateErr returns the problem with date d at field, or nil: a precision out
// of range, or a year outside 0000-9999, which no text form can hold.
//
// The field's path is a function, called only when there is a problem:
// formatting it for every statement of a large corpus would cost more than
// the check.
func dateErr(field func() string, d Date) error {
	switch {
	case int(d.p) >= len(precisionNames):
		return fieldErr(field(), d.p.String(), ErrInvalid)
	case d.IsValid() && !d.inTextRange():
		return fieldErr(field(), d.String(), fmt.Errorf("%w: year %d is outside 0000-9999", ErrDate, d.t.Year()))
	}
	return nil
}

// article returns the article id, with idx -1 when the corpus does not
// declare it.
func (v *validator) article(id source.ArticleID) *article {
	if !v.lastChecked || id != v.lastID {
		if j, ok := v.articles.Get(id); ok {
			v.last = v.arts[j]
		} else {
			v.last = article{idx: -1}
		}
		v.lastID, v.lastChecked = id, true
	}
	return &v.last
}

// mentionErrs checks mention k of statement i, whose article is a (idx -1
// when the corpus does not declare it), and returns the index of its
// article, -1 when the article is unknown, and the article's publication
// time, zero when the article is unknown or has none.
func (v *validator) mentionErrs(i, k int, m *Mention, a *article) (int32, time.Time) {
	path := func() string { return fmt.Sprintf("statements[%d].mentions[%d]", i, k) }
	if a.idx < 0 {
		v.p.field(func() string { return path() + ".article" }, string(m.Article), ErrUnknownArticle)
	}
	text := a.text
	if e := v.textErr(m.Cue, false); e != nil {
		v.p.field(func() string { return path() + ".cue" }, m.Cue, e)
	}
	if err := m.Span.checkSelf(v.utf8); err != nil {
		v.p.add(prefixed(path(), err))
		return a.idx, a.published
	}
	if text != "" {
		if err := m.Span.checkText(text); err != nil {
			v.p.add(prefixed(path(), err))
			return a.idx, a.published
		}
	}
	if m.Cue != "" && (v.utf8 || validText(m.Cue)) && !containsFold(m.Span.Exact, m.Cue) {
		v.p.field(func() string { return path() + ".cue" }, m.Cue, fmt.Errorf("%w: the cue is not within the span's exact text", ErrSpan))
	}
	return a.idx, a.published
}

// prefixed puts path in front of the field of a *FieldError.
func prefixed(path string, err error) error {
	if fe := (*FieldError)(nil); errors.As(err, &fe) {
		return fieldErr(path+"."+fe.Field, fe.Value, fe.Err)
	}
	return err
}

// textErr returns the sentinel for text that is not valid UTF-8, or empty
// and required; nil for good text. Text known to be valid UTF-8 is not
// checked again.
func (v *validator) textErr(s string, required bool) error {
	switch {
	case !v.utf8 && !validText(s):
		return ErrInvalidUTF8
	case required && s == "":
		return ErrEmpty
	}
	return nil
}

// dupFinder finds the statements whose non-empty ID an earlier statement
// already has: usually none. A corpus may hold millions of statements:
// radix-sorting 32-bit hashes of their IDs is several times faster than
// filling a map, and takes 8 bytes a statement, the hashes and the sort's
// buffer, while it runs. Only the statements whose hash another shares,
// the duplicates and about a hundred pairs of others in a million
// statements, are then looked at again, as the validator meets them in
// order: their IDs are hashed once more, and compared in a map.
type dupFinder struct {
	seed uint64
	// shared holds the hashes that more than one statement has, nil when
	// none does; filter has the bit of the low 16 bits of each, so that
	// most statements are passed over without a map lookup.
	shared map[uint32]bool
	filter *[1 << 16 / 64]uint64
	seen   map[StatementID]bool
}

// newDupFinder returns the finder of the duplicate IDs among statements.
// It takes time linear in their number.
func newDupFinder(statements []Statement) *dupFinder {
	d := &dupFinder{seed: rand.Uint64()}
	keys := make([]uint32, len(statements))
	for i := range statements {
		keys[i] = d.hash(statements[i].ID)
	}
	sorted := radixSort(keys)
	for k := 1; k < len(sorted); k++ {
		if h := sorted[k]; h == sorted[k-1] {
			if d.shared == nil {
				d.shared = make(map[uint32]bool)
				d.filter = new([1 << 16 / 64]uint64)
				d.seen = make(map[StatementID]bool)
			}
			d.shared[h] = true
			d.filter[h&0xffff/64] |= 1 << (h % 64)
		}
	}
	return d
}

// hash returns the 32 bits of id's hash that the finder sorts. They need
// not withstand chosen collisions: a collision costs a map lookup, and the
// map does.
func (d *dupFinder) hash(id StatementID) uint32 { return uint32(corpusview.Hash(d.seed, string(id))) }

// dup reports whether id, the ID of the next statement in the order given
// to newDupFinder, is not empty and the ID of an earlier statement. It must
// be called once for each statement, in that order.
func (d *dupFinder) dup(id StatementID) bool {
	if d.shared == nil || id == "" {
		return false
	}
	h := d.hash(id)
	if d.filter[h&0xffff/64]&(1<<(h%64)) == 0 || !d.shared[h] {
		return false
	}
	if d.seen[id] {
		return true
	}
	d.seen[id] = true
	return false
}

// radixSort sorts keys, least significant 16 bits first, and returns the
// sorted slice (keys itself or a buffer of the same length).
func radixSort(keys []uint32) []uint32 {
	if len(keys) < 1<<12 {
		slices.Sort(keys)
		return keys
	}
	buf := make([]uint32, len(keys))
	count := make([]int, 1<<16)
	for shift := uint(0); shift < 32; shift += 16 {
		clear(count)
		for _, k := range keys {
			count[(k>>shift)&0xffff]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, k := range keys {
			d := (k >> shift) & 0xffff
			buf[count[d]] = k
			count[d]++
		}
		keys, buf = buf, keys
	}
	return keys
}
