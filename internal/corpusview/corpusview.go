// Package corpusview lets package timeline read what a [claim.Checked]
// holds, which no caller outside the module can reach: its corpus and
// registry, through [Open], so that a checked corpus is built without a
// copy and without being validated again; and its IDs resolved to dense
// indexes, through [Interned], so that the build never hashes an ID that
// validation already looked up. [Intern] validates a corpus the caller
// still holds and interns its IDs in the same pass, as [claim.Check]
// does, but without copying the corpus: what timeline.Build needs, since
// it only reads the corpus while it builds.
//
// Package claim registers the functions that open a Checked, and the one
// that interns a corpus, when it is initialised; nothing else sets them.
//
// # The interned form
//
// Validating a corpus looks up every claim, source and article a statement
// names. When the corpus is checked ([claim.Check], [claim.DecodeChecked],
// [claim.LoadChecked]), that one lookup is kept: an [Index] holds, for
// each statement, the index of its claim, of its source, of each source
// in its Via and of each mention's article, and the tables from an index
// back to its ID. The indexes are the positions the timeline uses already:
//
//   - claim j is corpus.Claims[j];
//   - article j is corpus.Articles[j];
//   - source j is registry.Sources()[j]: the corpus's sources in
//     declaration order, then the built-in absent source when the corpus
//     does not declare it.
//
// A checked corpus is valid, so every reference resolves: no index is
// negative. Reading the index of statement i costs one array read
// (constant time, no hashing, no allocation); the lookups by ID cost one
// lookup in a [Table], the one validation made. No accessor hands out a slice or map the Index keeps, so
// nothing read through it can change it: an Index is immutable and safe
// for concurrent use.
//
// The timeline's load reads a checked corpus as follows, in place of its
// string-keyed maps (statement i, mention k, Via entry k):
//
//	x := corpusview.Interned(checked)
//	in.claim = x.Claim(i)           // was t.claimIdx[s.Claim]
//	in.src = x.Source(i)            // was t.srcs.idx[s.Source]
//	for k := range x.NumVia(i) {    // len(s.Via)
//		vi := x.Via(i, k)           // was t.srcs.idx[s.Via[k]]
//	}
//	for k := range x.NumMentions(i) {
//		a := x.Article(i, k)        // was t.artIdx[s.Mentions[k].Article]
//	}
//
// and x.ClaimIndex, x.ArticleIndex and x.SourceIndex answer the lookups
// by ID that queries make, so that claimIdx and artIdx need not be built
// again. [Index.ViaStart] and [Index.MentionStart] give where statement
// i's entries start in the whole corpus's flat lists, so that the copy can
// be split into parts without counting the entries before each part.
package corpusview

import (
	"github.com/claimtrail/claimtrail/source"
)

// open, interned and intern are the functions package claim registers:
// the first two return the corpus, the registry and the index a
// *claim.Checked holds, the third validates and interns a *claim.Corpus;
// corpora are values of type any so that this package need not import
// claim, which imports it.
var (
	open     func(checked any) (corpus any, reg *source.Registry)
	interned func(checked any) *Index
	intern   func(corpus any) (*source.Registry, *Index, error)
)

// Register records the function that opens a checked corpus. Package claim
// calls it once, from an init function.
func Register(f func(checked any) (corpus any, reg *source.Registry)) { open = f }

// RegisterIndex records the function that returns a checked corpus's
// [Index]. Package claim calls it once, from an init function.
func RegisterIndex(f func(checked any) *Index) { interned = f }

// RegisterIntern records the function that validates and interns a
// corpus. Package claim calls it once, from an init function.
func RegisterIntern(f func(corpus any) (*source.Registry, *Index, error)) { intern = f }

// Open returns the corpus of type C and the registry that checked, a
// *claim.Checked, holds. The corpus must only be read.
func Open[C any](checked any) (*C, *source.Registry) {
	c, reg := open(checked)
	return c.(*C), reg
}

// Interned returns the [Index] of the corpus that checked, a
// *claim.Checked, holds; never nil. It takes constant time.
func Interned(checked any) *Index { return interned(checked) }

// Intern validates c, a *claim.Corpus (nil included), as
// [claim.Corpus.Validate] does, and returns the same error, with the same
// problems in the same order, and nothing else when c is not valid (but
// for one more problem, as [claim.Check] reports it, for a corpus with more
// statements, Via entries or mentions than an int32 counts). For a
// valid corpus it returns the registry of its sources and articles and the
// [Index] of its IDs, found in the one pass that validates them, as
// [claim.Check] keeps them; unlike Check it does not copy the corpus. The
// registry and the Index share nothing with c but its strings, which
// cannot change, so they stay true to the corpus as it was when Intern
// read it; c must not change while Intern runs. It takes Validate's time
// and memory, linear in the size of the corpus, and about 16 bytes more a
// statement with one mention and no Via for the Index.
func Intern[C any](c *C) (*source.Registry, *Index, error) { return intern(c) }

// Index is a checked corpus's IDs resolved to dense int32 indexes (see the
// package documentation for which positions they are). The zero Index is
// the index of the empty corpus, with the built-in absent source alone.
// An Index is immutable and safe for concurrent use.
type Index struct {
	claim, source  []int32 // per statement
	viaOff, menOff []int32 // per statement and one more: where its entries start in via and art
	via, art       []int32

	claimIDs   []string
	sourceIDs  []source.ID
	articleIDs []source.ArticleID
	claimIdx   *Table[string, int32]
	sourceIdx  *Table[source.ID, int32]
	articleIdx *Table[source.ArticleID, int32]
}

// Parts are the tables [New] makes an Index of. Only package claim fills
// them, once, and gives up every slice and map to the Index.
type Parts struct {
	// Claim and Source hold each statement's claim and source index.
	Claim, Source []int32
	// ViaOff holds, for each statement i, where its Via entries start in
	// Via, and one more entry, len(Via); MentionOff and Article the same
	// for the mentions' article indexes. Nil offsets mean no statement has
	// any.
	ViaOff, MentionOff []int32
	Via, Article       []int32
	// ClaimIDs, SourceIDs and ArticleIDs map an index to its ID;
	// ClaimIndex, SourceIndex and ArticleIndex an ID to its index.
	ClaimIDs     []string
	SourceIDs    []source.ID
	ArticleIDs   []source.ArticleID
	ClaimIndex   *Table[string, int32]
	SourceIndex  *Table[source.ID, int32]
	ArticleIndex *Table[source.ArticleID, int32]
}

// New returns the Index made of p, which the caller must not change
// afterwards (nor add to its Tables). It takes constant time.
func New(p Parts) *Index {
	return &Index{
		claim: p.Claim, source: p.Source,
		viaOff: p.ViaOff, menOff: p.MentionOff, via: p.Via, art: p.Article,
		claimIDs: p.ClaimIDs, sourceIDs: p.SourceIDs, articleIDs: p.ArticleIDs,
		claimIdx: p.ClaimIndex, sourceIdx: p.SourceIndex, articleIdx: p.ArticleIndex,
	}
}

// Len returns the number of statements. It takes constant time, as does
// every method of Index but for the lookups by ID, which cost one lookup
// in a [Table]; none allocates.
func (x *Index) Len() int { return len(x.claim) }

// Claim returns the index of statement i's claim.
func (x *Index) Claim(i int) int32 { return x.claim[i] }

// Source returns the index of statement i's source.
func (x *Index) Source(i int) int32 { return x.source[i] }

// NumVia returns the number of sources in statement i's Via.
func (x *Index) NumVia(i int) int {
	if x.viaOff == nil {
		return 0
	}
	return int(x.viaOff[i+1] - x.viaOff[i])
}

// Via returns the index of the source of statement i's Via[k].
func (x *Index) Via(i, k int) int32 { return x.via[int(x.viaOff[i])+k] }

// ViaStart returns how many Via entries the statements before statement i
// hold together; i may be Len(), which gives the total.
func (x *Index) ViaStart(i int) int {
	if x.viaOff == nil {
		return 0
	}
	return int(x.viaOff[i])
}

// NumMentions returns the number of statement i's mentions.
func (x *Index) NumMentions(i int) int {
	if x.menOff == nil {
		return 0
	}
	return int(x.menOff[i+1] - x.menOff[i])
}

// Article returns the index of the article of statement i's mention k.
func (x *Index) Article(i, k int) int32 { return x.art[int(x.menOff[i])+k] }

// MentionStart returns how many mentions the statements before statement
// i hold together; i may be Len(), which gives the total.
func (x *Index) MentionStart(i int) int {
	if x.menOff == nil {
		return 0
	}
	return int(x.menOff[i])
}

// Claims returns the number of claims.
func (x *Index) Claims() int { return len(x.claimIDs) }

// ClaimID returns the ID of claim j.
func (x *Index) ClaimID(j int32) string { return x.claimIDs[j] }

// ClaimIndex returns the index of the claim id, and whether the corpus
// declares it.
func (x *Index) ClaimIndex(id string) (int32, bool) {
	return x.claimIdx.Get(id)
}

// Sources returns the number of sources, the built-in absent source
// included.
func (x *Index) Sources() int {
	if x.sourceIDs == nil {
		return 1
	}
	return len(x.sourceIDs)
}

// SourceID returns the ID of source j.
func (x *Index) SourceID(j int32) source.ID {
	if x.sourceIDs == nil && j == 0 {
		return source.AbsentID
	}
	return x.sourceIDs[j]
}

// SourceIndex returns the index of the source id, and whether the corpus
// has it (the built-in absent source included).
func (x *Index) SourceIndex(id source.ID) (int32, bool) {
	if x.sourceIdx == nil {
		return 0, id == source.AbsentID
	}
	return x.sourceIdx.Get(id)
}

// Articles returns the number of articles.
func (x *Index) Articles() int { return len(x.articleIDs) }

// ArticleID returns the ID of article j.
func (x *Index) ArticleID(j int32) source.ArticleID { return x.articleIDs[j] }

// ArticleIndex returns the index of the article id, and whether the corpus
// declares it.
func (x *Index) ArticleIndex(id source.ArticleID) (int32, bool) {
	return x.articleIdx.Get(id)
}
