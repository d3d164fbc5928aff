package jsonl

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/claimtrail/claimtrail/claim"
)

// spillKeys is how many statement keys Validate holds in memory (16 bytes
// each, 16 MiB) before it sorts them and writes them to a temporary file,
// so that its memory does not grow with the number of statements. A
// variable so that tests can make it small.
var spillKeys = 1 << 20

// keyBytes is the size of a statement key in a spilled run.
const keyBytes = 16

// mergeBuffer is the read buffer of each spilled run while they are merged.
const mergeBuffer = 32 << 10

// keys holds the statement keys of a Validate pass: in memory while they
// are few, then in sorted runs in one temporary file.
type keys struct {
	mem    []statementKey
	spill  bool     // write full batches to runs (Validate); Decode keeps all
	file   *os.File // the runs, one after the other; nil before the first
	w      *bufio.Writer
	runs   []int64 // the number of keys in each run
	failed error   // the temporary file could not be written: keys stay in memory
}

// add keeps the key of a statement.
func (k *keys) add(key statementKey) {
	k.mem = append(k.mem, key)
	if k.spill && k.failed == nil && len(k.mem) >= spillKeys {
		k.flush()
	}
}

// sortKeys orders keys by hash, then line.
func sortKeys(s []statementKey) {
	slices.SortFunc(s, func(a, b statementKey) int {
		if c := cmp.Compare(a.hash, b.hash); c != 0 {
			return c
		}
		return cmp.Compare(a.line, b.line)
	})
}

// flush writes the keys in memory as one sorted run. When the temporary
// file cannot be made or written, the keys stay in memory from then on
// and the check is done there, as for a small corpus.
func (k *keys) flush() {
	sortKeys(k.mem)
	if k.file == nil {
		f, err := os.CreateTemp("", "claimtrail-jsonl-ids-*")
		if err != nil {
			k.failed = err
			return
		}
		k.file, k.w = f, bufio.NewWriterSize(f, mergeBuffer)
	}
	var b [keyBytes]byte
	for _, key := range k.mem {
		binary.LittleEndian.PutUint64(b[:8], key.hash)
		binary.LittleEndian.PutUint64(b[8:], uint64(key.line))
		if _, err := k.w.Write(b[:]); err != nil {
			k.failed = err
			return
		}
	}
	k.runs = append(k.runs, int64(len(k.mem)))
	k.mem = k.mem[:0]
}

// close removes the temporary file, if any.
func (k *keys) close() {
	if k.file != nil {
		name := k.file.Name()
		_ = k.file.Close()
		_ = os.Remove(name)
		k.file = nil
	}
	k.mem = nil
}

// run is one sorted sequence of keys being merged.
type run struct {
	mem  []statementKey // a run in memory
	r    *bufio.Reader  // or one in the file
	left int64
	head statementKey
}

// next moves the run to its next key; false at its end or on a read error.
func (r *run) next() (bool, error) {
	if r.r == nil {
		if len(r.mem) == 0 {
			return false, nil
		}
		r.head, r.mem = r.mem[0], r.mem[1:]
		return true, nil
	}
	if r.left == 0 {
		return false, nil
	}
	var b [keyBytes]byte
	if _, err := io.ReadFull(r.r, b[:]); err != nil {
		return false, err
	}
	r.left--
	r.head = statementKey{hash: binary.LittleEndian.Uint64(b[:8]), line: int(binary.LittleEndian.Uint64(b[8:]))}
	return true, nil
}

// runHeap orders runs by their next key.
type runHeap []*run

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	a, b := h[i].head, h[j].head
	return a.hash < b.hash || a.hash == b.hash && a.line < b.line
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*run)) }
func (h *runHeap) Pop() any {
	old := *h
	r := old[len(old)-1]
	*h = old[:len(old)-1]
	return r
}

// dupLine is a statement whose ID an earlier line gave.
type dupLine struct{ line, first int }

// duplicates calls found for each key whose hash an earlier key (by line)
// has, with that earlier key's line, in the order of the keys' hashes.
// It merges the runs in the file with the keys in memory, holding one
// buffer per run.
func (k *keys) duplicates(found func(dupLine)) error {
	sortKeys(k.mem)
	if k.w != nil {
		if err := k.w.Flush(); err != nil {
			return err
		}
	}
	var h runHeap
	var off int64
	for _, n := range k.runs {
		r := &run{r: bufio.NewReaderSize(io.NewSectionReader(k.file, off*keyBytes, n*keyBytes), mergeBuffer), left: n}
		off += n
		if ok, err := r.next(); err != nil {
			return err
		} else if ok {
			h = append(h, r)
		}
	}
	if mem := (&run{mem: k.mem}); len(k.mem) > 0 {
		_, _ = mem.next()
		h = append(h, mem)
	}
	heap.Init(&h)
	first, started := statementKey{}, false
	for len(h) > 0 {
		r := h[0]
		key := r.head
		if started && key.hash == first.hash {
			found(dupLine{key.line, first.line})
		} else {
			first, started = key, true
		}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

// duplicateStatements reports the statements whose IDs an earlier line
// gave, by merging the sorted hashes of their IDs: the first of them by
// line in full, as many as the problems' list has room for, and the rest
// counted, so that its memory is bounded whatever the number of
// duplicates.
func (v *validator) duplicateStatements() {
	defer v.said.close()
	room := max(claim.MaxProblems-len(v.p.list), 0)
	var kept dupHeap // the room lowest lines found so far, highest on top
	extra := 0
	err := v.said.duplicates(func(d dupLine) {
		if room == 0 {
			extra++
			return
		}
		if len(kept) < room {
			heap.Push(&kept, d)
			return
		}
		if d.line < kept[0].line {
			kept[0] = d
			heap.Fix(&kept, 0)
		}
		extra++
	})
	if err != nil {
		v.p.add(&Error{Field: "statement.id", Err: fmt.Errorf("checking for duplicate IDs: reading the temporary file: %w", err)})
		return
	}
	listed := []dupLine(kept)
	slices.SortFunc(listed, func(a, b dupLine) int { return cmp.Compare(a.line, b.line) })
	for _, d := range listed {
		// The ID itself is not kept, so the error cannot quote it.
		v.p.add(&Error{Line: d.line, Field: "statement.id", Err: fmt.Errorf("%w: also on line %d", claim.ErrDuplicateID, d.first)})
	}
	for range extra {
		v.p.add(errDuplicateCounted)
	}
}

// errDuplicateCounted stands for a duplicate statement ID left out of the
// list, to be counted.
var errDuplicateCounted = &Error{Field: "statement.id", Err: claim.ErrDuplicateID}

// dupHeap is a max-heap of duplicates by line.
type dupHeap []dupLine

func (h dupHeap) Len() int           { return len(h) }
func (h dupHeap) Less(i, j int) bool { return h[i].line > h[j].line }
func (h dupHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *dupHeap) Push(x any)        { *h = append(*h, x.(dupLine)) }
func (h *dupHeap) Pop() any {
	old := *h
	d := old[len(old)-1]
	*h = old[:len(old)-1]
	return d
}
