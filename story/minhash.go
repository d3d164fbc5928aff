package story

import (
	"math"

	"github.com/claimtrail/claimtrail/source"
)

// The reprint detector compares articles by MinHash signatures of their
// word shingles, and finds the earlier articles to compare with through
// locality-sensitive hashing, so that adding an article costs the same
// however many came before it.
const (
	// ShingleWords is the number of consecutive words in one shingle.
	ShingleWords = 5
	// signatureLen is the number of hash functions in a MinHash signature.
	signatureLen = 64
	// bands and rows split a signature for locality-sensitive hashing: two
	// articles are compared when all rows of one band agree. With 16 bands of
	// 4 rows, a pair whose shingle sets have a Jaccard similarity of 0.8 is
	// compared with a probability above 0.9999, one of 0.3 with 0.12.
	bands = 16
	rows  = signatureLen / bands
	// DefaultReprintThreshold is the estimated Jaccard similarity of two
	// articles' shingle sets (ShingleWords-word shingles) at which the later
	// article is proposed as a reprint of the earlier one when
	// Options.ReprintThreshold is 0. Wire copy run with a new headline and a
	// trimmed last paragraph stays above it; two reports of one event
	// written separately fall far below it, since they share few runs of
	// five words.
	DefaultReprintThreshold = 0.8
	// maxBucket bounds the articles kept in one band bucket, so that a
	// story with thousands of copies of one text still adds an article in
	// bounded time; the earliest articles are kept, which are the
	// originals.
	maxBucket = 64
)

// signature is an article's MinHash signature. The zero signature (all
// zeros) never occurs for a text with shingles; empty marks a text too short
// to have one.
type signature struct {
	v     [signatureLen]uint32
	empty bool
}

// mix is a 64-bit finaliser (splitmix64) used to derive the hash functions.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// sign computes text's signature, in time linear in len(text) times
// signatureLen.
func sign(text string) signature {
	var ring [ShingleWords]uint64
	n := 0
	var sig signature
	for i := range sig.v {
		sig.v[i] = math.MaxUint32
	}
	words(text, func(w string) {
		h := uint64(14695981039346656037) // FNV-1a
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= 1099511628211
		}
		ring[n%ShingleWords] = h
		n++
		if n < ShingleWords {
			return
		}
		var sh uint64
		for k := range ShingleWords {
			sh = mix(sh ^ ring[(n+k)%ShingleWords])
		}
		for i := range sig.v {
			x := uint32(mix(sh+uint64(i)*0x9e3779b97f4a7c15) >> 32)
			if x < sig.v[i] {
				sig.v[i] = x
			}
		}
	})
	sig.empty = n < ShingleWords
	return sig
}

// similarity estimates the Jaccard similarity of the shingle sets behind two
// signatures.
func (s signature) similarity(o signature) float64 {
	if s.empty || o.empty {
		return 0
	}
	same := 0
	for i := range s.v {
		if s.v[i] == o.v[i] {
			same++
		}
	}
	return float64(same) / signatureLen
}

// band returns the key of band b of the signature.
func (s signature) band(b int) uint64 {
	k := uint64(b)
	for _, x := range s.v[b*rows : (b+1)*rows] {
		k = mix(k ^ uint64(x))
	}
	return k
}

// reprintIndex finds earlier articles whose signatures are like a new one's.
type reprintIndex struct {
	sigs    map[source.ArticleID]signature
	buckets map[uint64][]source.ArticleID
}

func newReprintIndex() *reprintIndex {
	return &reprintIndex{sigs: make(map[source.ArticleID]signature), buckets: make(map[uint64][]source.ArticleID)}
}

// similar returns the indexed articles whose estimated similarity to sig
// is at least threshold, each with it, at most bands*maxBucket of them.
func (x *reprintIndex) similar(sig signature, threshold float64) map[source.ArticleID]float64 {
	if sig.empty {
		return nil
	}
	out := make(map[source.ArticleID]float64)
	for b := range bands {
		for _, id := range x.buckets[sig.band(b)] {
			if _, done := out[id]; done {
				continue
			}
			out[id] = sig.similarity(x.sigs[id])
		}
	}
	for id, v := range out {
		if v < threshold {
			delete(out, id)
		}
	}
	return out
}

// add indexes an article's signature.
func (x *reprintIndex) add(id source.ArticleID, sig signature) {
	x.sigs[id] = sig
	if sig.empty {
		return
	}
	for b := range bands {
		k := sig.band(b)
		if len(x.buckets[k]) < maxBucket {
			x.buckets[k] = append(x.buckets[k], id)
		}
	}
}
