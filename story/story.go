package story

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/timeline"
)

// Story is one followed story: its registry of sources, its articles,
// claims and accepted statements, what is pending review, and the decisions
// people (or, in unattended mode, the machine) made. Create one with New.
//
// The zero Story is not usable. A Story is safe for concurrent use: its
// methods serialise on a lock, and what they return are copies.
type Story struct {
	mu   sync.Mutex
	id   string
	opts Options

	sources   []source.Source         // the registry's sources, base first, in order
	sourcePos map[source.ID]int       // index into sources
	origin    map[source.ID]source.ID // accepted source ID -> the proposed ID it came from
	reg       *source.Registry        // built from sources; nil when stale
	regKey    registryKey             // digest of sources, kept as they change
	srcIndex  *sourceIndex            // names of known and proposed sources
	mapped    map[source.ID]source.ID // proposed or merged source -> accepted or merged-into source
	proposed  map[source.ID]*SourceProposal
	rejectedS map[source.ID]bool // rejected proposed sources
	articles  []*article         // in the order added
	byArticle map[source.ArticleID]*article
	reprints  *reprintIndex

	claims     []claim.Claim
	claimPos   map[claim.ID]int
	claimIdx   *claimIndex
	statements []claim.Statement
	stmtPos    map[claim.StatementID]int
	stmtKey    map[claim.StatementID]Key // statements accepted from a candidate
	bySpeaker  map[speakerClaim][]claim.StatementID

	proposals map[Key]*proposal
	decided   map[Key]Kind              // accept or reject, by the latest decision on the key
	mentionOf map[Key]claim.StatementID // candidates accepted as mentions of another statement
	decisions []Decision
	orphans   []Decision
	base      base             // what the story held before any decision
	format    string           // the corpus format the story was imported from
	store     Store            // nil for a story kept in memory
	broken    bool             // a write to store failed: the story must be read again
	head      int64            // the store's head the story holds: the number of its last batch
	heads     []seen           // the log's length at each head the story held, oldest first
	lastOn    map[string]int64 // what a decision decides (see target) -> the Seq of the latest decision on it
	undone    map[int64]bool   // the Seqs of the decisions an undo took back
	failed    map[int64]bool   // the Seqs of logged decisions that did not apply when last replayed
	// rev counts the changes to the story's sources, articles, claims and
	// statements that are not additions at the end of their lists (an
	// edit, a merge, a statement taken back), but for those tl records
	// (see mentionAdded and reprintMarked): Timeline extends the
	// timeline it last made only while rev is unchanged.
	rev     uint64
	tl      *timelineCache   // the timeline Timeline last made, nil for none
	builds  int              // how many times Timeline built the whole timeline, itself or through ExtendMentions
	effects map[int64]string // the Seqs of applied decisions -> what each did (see effect)
}

// seen is the length of the decision log at one head of the store.
type seen struct {
	head      int64
	decisions int
}

// base is what a story holds that no decision gave it: its sources as
// given, and claims and statements imported from a corpus. Reextract
// starts from it.
type base struct {
	sources    []source.Source // as given in Options.Sources
	claims     []claim.Claim
	statements []claim.Statement
}

// speakerClaim indexes accepted statements by speaker and claim, to find
// "the same statement again".
type speakerClaim struct {
	speaker source.ID
	claim   claim.ID
}

// article is one added article with what its extraction proposed.
type article struct {
	input source.Article // as given to Add
	a     source.Article // with the reprint decided
	after int            // the number of decisions logged before it was added
	added *Added
	ext   *extraction // what extracting it gave; nil for an imported article
	sig   signature   // its MinHash signature, a function of its text
}

// extraction is what extracting an article gave, kept so that an undo,
// which reads every article again with the registry as it would have
// been, extracts again only those whose registry differs: all of it is a
// function of the article and of the registry whose digest it holds, and
// it is never written to once made.
type extraction struct {
	registry registryKey
	res      *extract.Result
	keys     []Key
	groups   []extract.Group
}

// proposal is a candidate with its article, as kept by the story.
type proposal struct {
	p       Proposal
	article *article
	group   *ClaimProposal
}

// Options configures a Story. The zero Options follows a story from an empty
// registry, proposes only, and uses the documented defaults.
type Options struct {
	// Sources are the sources the story starts from: its registry before
	// any article is added. They are copied.
	Sources []source.Source
	// Unattended, when above 0, accepts by itself every candidate whose
	// Confidence is at least Unattended and whose speaker the registry
	// resolved (extract.ResolutionRegistry), as a decision of By
	// MachineBy; people review the rest. See the package documentation.
	Unattended float64
	// ReprintThreshold is the estimated similarity from which an article is
	// proposed as a reprint of an earlier one; 0 means
	// DefaultReprintThreshold.
	ReprintThreshold float64
	// ClaimSimilarity is the similarity from which an existing claim is
	// proposed for a candidate; 0 means DefaultClaimSimilarity.
	ClaimSimilarity float64
	// ClaimMatches is how many existing claims are proposed at most for one
	// candidate; 0 means DefaultClaimMatches.
	ClaimMatches int
	// MachineClaimSimilarity is the similarity an existing claim must reach
	// for an unattended acceptance to file a candidate under it rather
	// than under a new claim; 0 means DefaultMachineClaimSimilarity. It is
	// set high: a missed merge costs a reviewer a click, a wrong one hides a
	// claim.
	MachineClaimSimilarity float64
	// MaxArticleBytes is the longest article text, in bytes, that Add
	// accepts; 0 means DefaultMaxArticleBytes, and a negative value sets
	// no bound. Extraction costs more than linear time in a long text, and
	// a story extracts every article again whenever it is opened, so one
	// huge text would slow every later use of the story.
	MaxArticleBytes int
}

// DefaultMaxArticleBytes is the default of Options.MaxArticleBytes: 256
// KiB, some 40,000 words, several times the longest news article, yet
// extracted in seconds at worst.
const DefaultMaxArticleBytes = 256 << 10

// DefaultMachineClaimSimilarity is the default of
// Options.MachineClaimSimilarity.
const DefaultMachineClaimSimilarity = 0.8

// sameStatementSimilarity is the similarity a claim must have to a
// candidate for an accepted statement of it to be proposed as the same
// statement again.
const sameStatementSimilarity = 0.5

var storyID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// New returns an empty story named id with opts. The id is 1 to 128 ASCII
// letters, digits, dots, hyphens and underscores, starting with a letter
// or digit, so that it can name a file. New fails with a *FieldError on
// "id" for another id, and with the registry's error (see
// source.NewRegistry) when opts.Sources do not form a registry. It takes time
// linear in the size of opts.Sources.
func New(id string, opts Options) (*Story, error) {
	if !storyID.MatchString(id) {
		return nil, fieldErr("id", id, ErrInvalid)
	}
	s := &Story{
		id:        id,
		opts:      opts,
		sourcePos: make(map[source.ID]int),
		origin:    make(map[source.ID]source.ID),
		srcIndex:  newSourceIndex(),
		mapped:    make(map[source.ID]source.ID),
		proposed:  make(map[source.ID]*SourceProposal),
		rejectedS: make(map[source.ID]bool),
		byArticle: make(map[source.ArticleID]*article),
		reprints:  newReprintIndex(),
		claimPos:  make(map[claim.ID]int),
		claimIdx:  newClaimIndex(),
		stmtPos:   make(map[claim.StatementID]int),
		stmtKey:   make(map[claim.StatementID]Key),
		bySpeaker: make(map[speakerClaim][]claim.StatementID),
		proposals: make(map[Key]*proposal),
		decided:   make(map[Key]Kind),
		mentionOf: make(map[Key]claim.StatementID),
		lastOn:    make(map[string]int64),
		undone:    make(map[int64]bool),
		failed:    make(map[int64]bool),
		effects:   make(map[int64]string),
	}
	s.opts.Sources = nil
	for _, src := range opts.Sources {
		s.addSource(src, "")
	}
	s.base.sources = slices.Clone(s.sources)
	if _, err := s.registry(); err != nil {
		return nil, err
	}
	return s, nil
}

// ID returns the story's name.
func (s *Story) ID() string { return s.id }

// addSource appends a source to the registry; proposed is the proposed ID
// it was accepted from, empty for a base source.
func (s *Story) addSource(src source.Source, proposed source.ID) {
	src.Aliases = slices.Clone(src.Aliases)
	src.Offices = slices.Clone(src.Offices)
	s.sourcePos[src.ID] = len(s.sources)
	s.sources = append(s.sources, src)
	if proposed != "" {
		s.origin[src.ID] = proposed
	}
	s.srcIndex.add(src, false)
	s.reg = nil
	s.regKey = s.regKey.chain(src)
}

// registry returns the registry of the story's sources, built again when
// sources were added since it was last built.
func (s *Story) registry() (*source.Registry, error) {
	if s.reg != nil {
		return s.reg, nil
	}
	reg, err := source.NewRegistry(s.sources, nil)
	if err != nil {
		return nil, err
	}
	s.reg = reg
	return reg, nil
}

// Added is what adding one article proposed, for people to review.
type Added struct {
	// Article is the article's ID.
	Article source.ArticleID `json:"article"`
	// Candidates are the statements the extractor found, in text order,
	// each with its stable key and its proposals.
	Candidates []Proposal `json:"candidates"`
	// Sources are the speakers the registry does not know, proposed with
	// story-wide IDs ("new:pentagon@a1") and the existing sources they may
	// be.
	Sources []SourceProposal `json:"sources,omitempty"`
	// Claims are the new claims proposed for groups of candidates that may
	// state one claim (see extract.Groups).
	Claims []ClaimProposal `json:"claims,omitempty"`
	// Reprint, when not nil, proposes the article as a reprint of an
	// earlier one.
	Reprint *ReprintProposal `json:"reprint,omitempty"`
	// Machine lists the decisions the unattended mode made on the article.
	Machine []Decision `json:"machine,omitempty"`
}

// Proposal is one candidate statement of an article, proposed for review.
type Proposal struct {
	// Key identifies the candidate across re-extractions; decisions name
	// it.
	Key Key `json:"key"`
	// Candidate is what the extractor found. Its Speaker and Via name
	// story sources, with proposed sources under their story-wide IDs.
	Candidate extract.Candidate `json:"candidate"`
	// Quote is the candidate's content as it stands in the text, its
	// pieces joined by " … ".
	Quote string `json:"quote"`
	// SameAs, when not empty, is an accepted statement this candidate may
	// report again: same speaker, a claim it matches, same polarity and a
	// compatible said date. Accepting it as such adds a mention, not a
	// statement.
	SameAs claim.StatementID `json:"same_as,omitempty"`
	// Claims are the existing claims the candidate may state, best first.
	Claims []ClaimMatch `json:"claims,omitempty"`
	// Group is the ID of the proposed new claim (in Added.Claims) the
	// candidate belongs to; empty when it joins no group.
	Group claim.ID `json:"group,omitempty"`
}

// SourceProposal is a speaker the registry does not know, proposed as a new
// source.
type SourceProposal struct {
	// Source is the proposed source. Its ID is story-wide: the extractor's
	// ID followed by "@" and the article's ID, so that proposals of two
	// articles never collide; a parent that is proposed too is named the
	// same way.
	Source source.Source `json:"source"`
	// Matches are existing sources it may be, best first: merge it into
	// one of them instead of adding it.
	Matches []SourceMatch `json:"matches,omitempty"`
}

// ClaimProposal proposes a new claim for a group of candidates.
type ClaimProposal struct {
	// ID is the ID the claim takes when a candidate of the group is
	// accepted with no claim named: "c:" followed by the first member's key.
	ID claim.ID `json:"id"`
	// Text is the proposed wording: the first member's quote. A reviewer
	// usually rewrites it (a rename decision).
	Text string `json:"text"`
	// Members are the keys of the candidates in the group.
	Members []Key `json:"members"`
}

// ReprintProposal proposes an article as a reprint of an earlier one.
type ReprintProposal struct {
	// Of is the earlier article.
	Of source.ArticleID `json:"of"`
	// Similarity is the estimated Jaccard similarity of the two texts'
	// shingle sets (see DefaultReprintThreshold).
	Similarity float64 `json:"similarity"`
}

// Add adds an article to the story and returns what its extraction
// proposes; it accepts nothing by itself unless Options.Unattended is set.
// The article needs an ID the story does not hold, a text and a
// publication time; its Outlet and Wire, when given, must be story sources,
// and Reprints an article the story holds. Problems give a *FieldError on
// "article.FIELD" wrapping ErrEmpty, ErrDuplicateID, ErrUnknownSource,
// ErrUnknownArticle or ErrInvalid; text that is not valid UTF-8 gives
// extract.Extract's error. A text longer than Options.MaxArticleBytes gives
// a *FieldError on "article.text" wrapping ErrTooLarge, checked before any
// other work. A cancelled ctx stops it before it changes anything.
//
// Add costs extract.Extract of the text plus, per candidate, a look-up in
// the claim index bounded by its content words times MaxPostings, and per
// proposed source a look-up bounded by its name words times MaxPostings;
// the reprint check reads at most 16 buckets of at most 64 articles. None
// of it grows with the number of claims, statements or articles already
// in the story, beyond building the registry again after sources were
// accepted (linear in the sources). Memory is linear in the article.
//
// A story opened from a Store (see Open) first catches up with what other
// writers appended (see Story.Sync), then writes the article and any
// unattended decisions to the store in one transaction, checked against
// the head it caught up to, before Add returns. Should another writer
// append in between, Add reads the story again from the store and adds
// the article once more, which is safe: an article changes no one's
// decisions, and one with an ID another writer added meanwhile fails with
// ErrDuplicateID. When that second try meets another writer too, Add
// fails with an error wrapping ErrConflict. When the write fails
// otherwise, Add returns an error wrapping ErrBroken; the story then holds
// what the store does not, and the next Sync, Add or Apply reads it again
// from the store.
func (s *Story) Add(ctx context.Context, a source.Article) (*Added, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if limit := s.opts.MaxArticleBytes; limit >= 0 && len(a.Text) > cmp.Or(limit, DefaultMaxArticleBytes) {
		return nil, fieldErr("article.text", a.Text, fmt.Errorf("%w: %d bytes, more than Options.MaxArticleBytes (%d)",
			ErrTooLarge, len(a.Text), cmp.Or(limit, DefaultMaxArticleBytes)))
	}
	for try := 0; ; try++ {
		if _, err := s.sync(ctx); err != nil {
			return nil, err
		}
		added, err := s.addOnce(ctx, a)
		if try == 0 && s.stale(err) {
			continue
		}
		return added, err
	}
}

// addOnce adds an article to a story that holds its store's head, and
// writes it through.
func (s *Story) addOnce(ctx context.Context, a source.Article) (*Added, error) {
	after := len(s.decisions)
	added, err := s.add(a)
	if err != nil {
		return nil, err
	}
	if s.opts.Unattended > 0 {
		s.unattended(added)
	}
	b := &Batch{Articles: []StoredArticle{{Article: a, After: after}}, Decisions: added.Machine}
	if err := s.write(ctx, b); err != nil {
		return nil, err
	}
	return cloneAdded(added), nil
}

// add adds the article and its proposals, without unattended decisions.
func (s *Story) add(a source.Article) (*Added, error) { return s.addAgain(a, nil) }

// addAgain adds the article and its proposals, without unattended
// decisions, reusing what extracting it as prev gave when prev was read
// with a registry of the same digest (see extraction); prev may be nil.
func (s *Story) addAgain(a source.Article, prev *article) (*Added, error) {
	if err := s.checkArticle(a); err != nil {
		return nil, err
	}
	reg, err := s.registry()
	if err != nil {
		return nil, err
	}
	ex := prev.extracted(s.regKey)
	if ex == nil {
		res, err := extract.Extract(a.Text, extract.Options{Registry: reg, Published: a.Published})
		if err != nil {
			return nil, err
		}
		ex = &extraction{registry: s.regKey, res: res, keys: keys(a.ID, a.Text, res.Candidates), groups: extract.Groups(res.Candidates, 0)}
	}
	res := ex.res
	a.Text = strings.Clone(a.Text)
	art := &article{input: a, a: a, after: len(s.decisions), ext: ex}
	// An outlet merged into another source is that source.
	art.a.Outlet, art.a.Wire = s.resolve(a.Outlet), s.resolve(a.Wire)
	added := &Added{Article: a.ID}
	art.added = added

	// Proposed sources take story-wide IDs.
	rename := func(id source.ID) source.ID {
		if strings.HasPrefix(string(id), "new:") {
			return proposedID(id, a.ID)
		}
		return id
	}
	for _, ns := range res.NewSources {
		ns.ID = rename(ns.ID)
		ns.Parent = rename(ns.Parent)
		sp := SourceProposal{Source: ns, Matches: s.sourceMatches(reg, ns, a.Published)}
		added.Sources = append(added.Sources, sp)
	}
	for i := range added.Sources {
		sp := &added.Sources[i]
		s.proposed[sp.Source.ID] = sp
		s.srcIndex.add(sp.Source, true)
	}

	ks := ex.keys
	n := s.opts.ClaimMatches
	if n <= 0 {
		n = DefaultClaimMatches
	}
	min := s.opts.ClaimSimilarity
	if min <= 0 {
		min = DefaultClaimSimilarity
	}
	for i, c := range res.Candidates {
		c.Speaker = rename(c.Speaker)
		c.Via = slices.Clone(c.Via)
		for k := range c.Via {
			c.Via[k] = rename(c.Via[k])
		}
		p := Proposal{Key: ks[i], Candidate: c, Quote: quote(a.Text, c)}
		p.Claims = s.claimIdx.match(contentWords(p.Quote, maxCandidateWords), n, min)
		p.SameAs = s.sameAs(c, p.Claims)
		added.Candidates = append(added.Candidates, p)
	}
	for _, g := range ex.groups {
		first := added.Candidates[g.Members[0]]
		cp := ClaimProposal{ID: claim.ID("c:" + string(first.Key)), Text: first.Quote}
		for _, m := range g.Members {
			cp.Members = append(cp.Members, added.Candidates[m].Key)
			added.Candidates[m].Group = cp.ID
		}
		added.Claims = append(added.Claims, cp)
	}

	if prev != nil && prev.input.Text == a.Text {
		art.sig = prev.sig
	} else {
		art.sig = sign(a.Text)
	}
	added.Reprint = s.reprintOf(a, art.sig)
	s.reprints.add(a.ID, art.sig)

	s.articles = append(s.articles, art)
	s.byArticle[a.ID] = art
	for i := range added.Candidates {
		p := &proposal{p: added.Candidates[i], article: art}
		for k := range added.Claims {
			if added.Claims[k].ID == p.p.Group {
				p.group = &added.Claims[k]
			}
		}
		s.proposals[p.p.Key] = p
	}
	return added, nil
}

// checkArticle checks an article before it is added.
func (s *Story) checkArticle(a source.Article) error {
	switch {
	case a.ID == "":
		return fieldErr("article.id", "", ErrEmpty)
	case s.byArticle[a.ID] != nil:
		return fieldErr("article.id", string(a.ID), ErrDuplicateID)
	case strings.TrimSpace(a.Text) == "":
		return fieldErr("article.text", a.Text, ErrEmpty)
	case a.Published.IsZero():
		return fieldErr("article.published", "", ErrEmpty)
	case a.Published.Year() < 1 || a.Published.UTC().Year() > 9999:
		return fieldErr("article.published", a.Published.Format(time.RFC3339), ErrInvalid)
	}
	if a.Outlet != "" {
		if _, ok := s.sourcePos[s.resolve(a.Outlet)]; !ok {
			return fieldErr("article.outlet", string(a.Outlet), ErrUnknownSource)
		}
	}
	if a.Wire != "" {
		if _, ok := s.sourcePos[s.resolve(a.Wire)]; !ok {
			return fieldErr("article.wire", string(a.Wire), ErrUnknownSource)
		}
	}
	if a.Reprints != "" {
		o := s.byArticle[a.Reprints]
		if o == nil {
			return fieldErr("article.reprints", string(a.Reprints), ErrUnknownArticle)
		}
		if o.a.Published.After(a.Published) {
			return fieldErr("article.reprints", string(a.Reprints), ErrInvalid)
		}
	}
	return nil
}

// quote returns a candidate's content as the text has it.
func quote(text string, c extract.Candidate) string {
	parts := make([]string, 0, len(c.Content))
	for _, sp := range c.Content {
		parts = append(parts, spanText(text, sp.Start, sp.End))
	}
	return strings.Join(parts, " … ")
}

// sourceMatches proposes existing sources for a new one: the holder of the
// office it names on the date, then sources whose names share words.
func (s *Story) sourceMatches(reg *source.Registry, ns source.Source, at time.Time) []SourceMatch {
	var out []SourceMatch
	if m, ok := reg.ResolveOffice(ns.Name, at); ok && m.Holder != "" {
		out = append(out, SourceMatch{ID: m.Holder, Score: 1, Reason: "office"})
	}
	for _, m := range s.srcIndex.match(ns, 5) {
		if len(out) > 0 && m.ID == out[0].ID {
			continue
		}
		out = append(out, m)
	}
	return out
}

// sameAs returns an accepted statement the candidate may report again.
func (s *Story) sameAs(c extract.Candidate, claims []ClaimMatch) claim.StatementID {
	speaker := s.resolve(c.Speaker)
	if speaker == "" {
		return ""
	}
	for _, m := range claims {
		if m.Similarity < sameStatementSimilarity {
			break
		}
		if id := s.sameOn(speaker, m.Claim, c, ""); id != "" {
			return id
		}
	}
	return ""
}

// sameOn returns the latest accepted statement by speaker on claim cl
// that candidate c would make again (the same polarity, a compatible said
// date), first reported in article art unless art is empty, or "".
func (s *Story) sameOn(speaker source.ID, cl claim.ID, c extract.Candidate, art source.ArticleID) claim.StatementID {
	ids := s.bySpeaker[speakerClaim{speaker, cl}]
	for i := len(ids) - 1; i >= 0; i-- {
		st := s.statements[s.stmtPos[ids[i]]]
		if art != "" && (len(st.Mentions) == 0 || st.Mentions[0].Article != art) {
			continue
		}
		if st.Factuality.Polarity == c.Factuality.Polarity && compatible(st.Said, c.Said) {
			return st.ID
		}
	}
	return ""
}

// compatible reports whether two said dates may be the same: either is
// unknown, or their periods overlap.
func compatible(a, b claim.Date) bool {
	if !a.IsValid() || !b.IsValid() {
		return true
	}
	return a.Start().Before(b.End()) && b.Start().Before(a.End())
}

// resolve returns the story source a candidate's speaker stands for: a
// proposed source maps to the source it was accepted as or merged into, a
// story source merged into another to that one; one not decided yet stays
// itself.
func (s *Story) resolve(id source.ID) source.ID {
	for range 8 {
		to, ok := s.mapped[id]
		if !ok {
			return id
		}
		id = to
	}
	return id
}

// reprintOf proposes the article as a reprint of the most similar earlier
// article published no later than it; the earliest published wins a tie.
func (s *Story) reprintOf(a source.Article, sig signature) *ReprintProposal {
	threshold := s.opts.ReprintThreshold
	if threshold <= 0 {
		threshold = DefaultReprintThreshold
	}
	var best *ReprintProposal
	var bestAt time.Time
	for id, sim := range s.reprints.similar(sig, threshold) {
		o := s.byArticle[id]
		if o == nil || o.a.Published.After(a.Published) {
			continue
		}
		if best == nil || sim > best.Similarity ||
			sim == best.Similarity && (o.a.Published.Before(bestAt) || o.a.Published.Equal(bestAt) && id < best.Of) {
			best = &ReprintProposal{Of: id, Similarity: sim}
			bestAt = o.a.Published
		}
	}
	return best
}

// cloneAdded returns a deep enough copy of an Added for a caller to keep.
func cloneAdded(a *Added) *Added {
	c := *a
	c.Candidates = slices.Clone(a.Candidates)
	for i := range c.Candidates {
		p := &c.Candidates[i]
		p.Claims = slices.Clone(p.Claims)
		p.Candidate.Content = slices.Clone(p.Candidate.Content)
		p.Candidate.Via = slices.Clone(p.Candidate.Via)
	}
	c.Sources = slices.Clone(a.Sources)
	for i := range c.Sources {
		c.Sources[i].Matches = slices.Clone(c.Sources[i].Matches)
		c.Sources[i].Source.Aliases = slices.Clone(c.Sources[i].Source.Aliases)
	}
	c.Claims = slices.Clone(a.Claims)
	for i := range c.Claims {
		c.Claims[i].Members = slices.Clone(c.Claims[i].Members)
	}
	if a.Reprint != nil {
		r := *a.Reprint
		c.Reprint = &r
	}
	c.Machine = slices.Clone(a.Machine)
	return &c
}

// Proposals returns what adding the article proposed, and false for an
// article the story does not hold. It takes time linear in the proposals.
func (s *Story) Proposals(id source.ArticleID) (*Added, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.byArticle[id]
	if a == nil {
		return nil, false
	}
	return cloneAdded(a.added), true
}

// Corpus returns the story as a claim corpus: its sources, articles (with
// their texts and the reprints decided), claims and accepted statements,
// in the order they joined the story. The corpus is a copy. It takes time
// and memory linear in the story's size.
func (s *Story) Corpus() *claim.Corpus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.corpus()
}

func (s *Story) corpus() *claim.Corpus {
	c := &claim.Corpus{Format: claim.Format}
	if s.format != "" || len(s.base.claims) > 0 || len(s.base.statements) > 0 {
		c.Format = s.format // as imported
	}
	for _, src := range s.sources {
		src.Aliases = slices.Clone(src.Aliases)
		src.Offices = slices.Clone(src.Offices)
		c.Sources = append(c.Sources, src)
	}
	for _, a := range s.articles {
		c.Articles = append(c.Articles, a.a)
	}
	for _, cl := range s.claims {
		c.Claims = append(c.Claims, cl.Clone())
	}
	for _, st := range s.statements {
		c.Statements = append(c.Statements, st.Clone())
	}
	return c
}

// Timeline returns the timeline of the story's accepted statements, as
// timeline.Build of [Story.Corpus] under rules (nil: the defaults) makes
// it. The timeline shares nothing with the story: it does not change when
// the story does.
//
// The story keeps the timeline it last returned. When the rules are the
// same and the story has only grown since (sources, articles, claims and
// statements added at the end: accepted candidates, accepted sources, new
// articles), Timeline extends that timeline with what was added, with
// [timeline.Timeline.Extend], at the cost of the claims the additions
// touch rather than of the whole story. That holds for candidates accepted
// in an article the timeline holds already, as a review desk works (add an
// article, view the timeline, accept a candidate, view it again): a
// statement is an addition at the end while it became known after every
// statement the timeline holds, so candidates accepted top down in the
// latest article extend it, and one accepted above a candidate accepted
// before, or in an earlier article, builds whole. A candidate accepted as
// a new mention of a statement that timeline holds (a reprint, or the
// same statement quoted again: see [Decision].SameAs), in an article added
// since or in one the timeline holds (the desk's order: add the reprint,
// view, accept its candidates), and a reprint marked on an article added
// since, are additions too: the mentions go to
// [timeline.Timeline.ExtendMentions], at the cost of those statements'
// mentions. After anything else (an edit, a rename, a merge, a reprint
// marked on an article the timeline holds, a decision taken back, a
// re-extraction) or under other rules it builds the whole timeline, in
// time linear in the story's size (see timeline.Build). ExtendMentions
// itself builds whole when the additions do not come after what the
// timeline holds, as when a new mention in an article it holds comes
// before the statement's first report (see its documentation). The kept
// timeline costs the memory of one timeline.
func (s *Story) Timeline(rules *timeline.Rules) (*timeline.Timeline, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var r timeline.Rules
	if rules != nil {
		r = *rules
	}
	if tc := s.tl; tc != nil && tc.rules == r && tc.rev == s.rev &&
		tc.sources <= len(s.sources) && tc.articles <= len(s.articles) &&
		tc.claims <= len(s.claims) && tc.statements <= len(s.statements) {
		add := &claim.Corpus{
			Sources:    s.sources[tc.sources:],
			Claims:     s.claims[tc.claims:],
			Statements: s.statements[tc.statements:],
		}
		for _, a := range s.articles[tc.articles:] {
			add.Articles = append(add.Articles, a.a)
		}
		// ExtendMentions reads the fragment while it runs, and keeps
		// copies.
		if t, err := tc.t.ExtendMentions(add, tc.mentions); err == nil {
			if !t.Extended() {
				s.builds++ // built whole by ExtendMentions
			}
			s.keep(t, r)
			return t, nil
		}
		// Build reports the problem, with the whole story's paths.
	}
	// Build copies the corpus, so the story's own slices are handed to it
	// as they are, under the lock, rather than copied twice.
	c := &claim.Corpus{Format: claim.Format, Sources: s.sources, Claims: s.claims, Statements: s.statements}
	c.Articles = make([]source.Article, len(s.articles))
	for i, a := range s.articles {
		c.Articles[i] = a.a
	}
	s.builds++
	t, err := timeline.Build(c, rules)
	if err != nil {
		s.tl = nil
		return nil, err
	}
	s.keep(t, r)
	return t, nil
}

// timelineCache is the timeline Story.Timeline last made, with the rules
// it was made under and how much of the story it holds.
type timelineCache struct {
	t                                     *timeline.Timeline
	rules                                 timeline.Rules
	rev                                   uint64
	sources, articles, claims, statements int
	// mentions are the mentions added since to the statements t holds,
	// in the order they were added.
	mentions []timeline.MentionOf
}

// mentionAdded records that the statement at i got the mention m, at
// the end of its mentions: for the kept timeline, a new mention of a
// statement it holds, or nothing to record for a statement added since,
// which the next extension carries whole.
func (s *Story) mentionAdded(i int, m claim.Mention) {
	if tc := s.tl; tc != nil && i < tc.statements {
		tc.mentions = append(tc.mentions, timeline.MentionOf{Statement: s.statements[i].ID, Mention: m})
	}
}

// reprintMarked records that article a was marked a reprint: nothing to
// record for an article the kept timeline does not hold yet, which the
// next extension adds as it is now, and a change for one it holds.
func (s *Story) reprintMarked(a *article) {
	if tc := s.tl; tc != nil && (tc.articles > len(s.articles) || !slices.Contains(s.articles[tc.articles:], a)) {
		s.rev++
	}
}

// keep keeps t, made under rules of the story as it is, for the next
// call to Timeline.
func (s *Story) keep(t *timeline.Timeline, rules timeline.Rules) {
	s.tl = &timelineCache{
		t: t, rules: rules, rev: s.rev,
		sources: len(s.sources), articles: len(s.articles), claims: len(s.claims), statements: len(s.statements),
	}
}

// registryKey is a digest of a story's sources, in order: each source
// chained to the digest of those before it (see chain).
type registryKey [sha256.Size]byte

// chain returns the digest of the sources k digests followed by src. It
// writes every field of src, each length-prefixed, so that two different
// lists of sources give two different digests; TestChainFields fails when
// source.Source or source.Office gains a field it does not write. It is
// linear in the size of src.
func (k registryKey) chain(src source.Source) registryKey {
	h := sha256.New()
	h.Write(k[:])
	var n [8]byte
	str := func(v string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(v)))
		h.Write(n[:])
		h.Write([]byte(v))
	}
	num := func(v int64) {
		binary.LittleEndian.PutUint64(n[:], uint64(v))
		h.Write(n[:])
	}
	strs := func(vs []string) {
		num(int64(len(vs)))
		for _, v := range vs {
			str(v)
		}
	}
	str(string(src.ID))
	str(src.Name)
	num(int64(src.Kind))
	num(int64(src.Identity))
	str(string(src.Parent))
	strs(src.Aliases)
	if src.Investigator {
		num(1)
	} else {
		num(0)
	}
	num(int64(len(src.Offices)))
	for _, o := range src.Offices {
		str(o.Title)
		strs(o.Aliases)
		str(string(o.Of))
		b, _ := o.From.MarshalBinary()
		str(string(b))
		b, _ = o.To.MarshalBinary()
		str(string(b))
	}
	str(src.Wikidata)
	var out registryKey
	h.Sum(out[:0])
	return out
}

// keyOf returns the digest of a list of sources, linear in their size.
func keyOf(srcs []source.Source) registryKey {
	var k registryKey
	for _, src := range srcs {
		k = k.chain(src)
	}
	return k
}

// extracted returns what extracting the article gave when it was read
// with a registry of digest key, or nil when it was read with another, or
// a is nil.
func (a *article) extracted(key registryKey) *extraction {
	if a == nil || a.ext == nil || a.ext.registry != key {
		return nil
	}
	return a.ext
}
