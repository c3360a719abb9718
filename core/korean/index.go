package korean

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Field is one searchable text of a document and its weight (e.g. name 3,
// brand 1, category 1). A Weight that is not positive counts as 1.
type Field struct {
	Text   string
	Weight float64
}

// Hit is a matching document and its relevance score (higher is better).
type Hit struct {
	ID    int64
	Score float64
}

// Index is an in-memory inverted index of short texts keyed by int64 IDs.
// It is safe for any number of concurrent readers and writers (writers are
// serialised). The zero value is ready to use; an Index must not be copied.
//
// Texts are indexed in folded form (see Fold) with posting lists of
// syllable unigrams and bigrams and of 초성 unigrams and bigrams; a query is
// answered by intersecting the posting lists of its words, then verifying
// and scoring every candidate.
type Index struct {
	mu   sync.RWMutex
	docs []doc              // by slot; free slots have live == false
	slot map[int64]int32    // ID → slot
	free []int32            // free slots, reused by Add
	post map[uint64][]int32 // gram key → ascending slots
	pool sync.Pool          // *scratch
}

type doc struct {
	id     int64
	fields []field
	live   bool
}

// field is a Field prepared for matching.
type field struct {
	f     string // Fold(Text)
	cho   string // f with every syllable replaced by its 초성: same byte offsets as f
	flags []byte // per byte offset of f, len(f)+1: token start/end marks
	n     int    // runes in f
	w     float64
}

const (
	tokStart = 1 << iota
	tokEnd
)

// Gram key tags: the four posting families share one map.
const (
	tagUni = iota
	tagBi
	tagChoUni
	tagChoBi
)

func gramKey(tag int, a, b rune) uint64 {
	return uint64(tag)<<42 | uint64(a)<<21 | uint64(b)
}

func newField(text string, w float64) field {
	if !(w > 0) { // also catches NaN
		w = 1
	}
	text = compose(text)
	var b strings.Builder
	b.Grow(len(text))
	var starts, ends []int
	prevKept, prevClass, n := false, 0, 0
	for _, r := range text {
		r = unicode.ToLower(r)
		if !keep(r) {
			prevKept = false
			continue
		}
		// Words end at spaces/punctuation and where the script changes, so
		// "1kg" is "1"+"kg" and "cj제일제당" is "cj"+"제일제당".
		if c := runeClass(r); !prevKept || c != prevClass {
			if b.Len() > 0 {
				ends = append(ends, b.Len())
			}
			starts = append(starts, b.Len())
			prevClass = c
		}
		prevKept = true
		b.WriteRune(r)
		n++
	}
	f := b.String()
	ends = append(ends, len(f))
	flags := make([]byte, len(f)+1)
	for _, s := range starts {
		flags[s] |= tokStart
	}
	for _, e := range ends {
		flags[e] |= tokEnd
	}
	return field{f: f, cho: project(f), flags: flags, n: n, w: w}
}

// project replaces every syllable of a folded string by its 초성. Both are
// three bytes in UTF-8, so byte offsets are preserved.
func project(f string) string {
	var b []byte
	for i, r := range f {
		if isSyllable(r) {
			if b == nil {
				b = make([]byte, i, len(f))
				copy(b, f[:i])
			}
			b = utf8.AppendRune(b, initialOf(r))
		} else if b != nil {
			b = utf8.AppendRune(b, r)
		}
	}
	if b == nil {
		return f
	}
	return string(b)
}

// docKeys returns the sorted distinct gram keys of fields.
func docKeys(fs []field) []uint64 {
	var keys []uint64
	for i := range fs {
		prev, prevP := rune(-1), rune(-1)
		for _, r := range fs[i].f {
			p := initialOf(r)
			keys = append(keys, gramKey(tagUni, r, 0))
			if isInitial(p) {
				keys = append(keys, gramKey(tagChoUni, p, 0))
			}
			if prev >= 0 {
				keys = append(keys, gramKey(tagBi, prev, r))
				if isInitial(prevP) || isInitial(p) {
					keys = append(keys, gramKey(tagChoBi, prevP, p))
				}
			}
			prev, prevP = r, p
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// Add indexes (or re-indexes) the document id with the given fields.
func (ix *Index) Add(id int64, fields ...Field) {
	fs := make([]field, 0, len(fields))
	for _, f := range fields {
		if fd := newField(f.Text, f.Weight); fd.n > 0 {
			fs = append(fs, fd)
		}
	}
	keys := docKeys(fs)

	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.slot == nil {
		ix.slot = make(map[int64]int32)
		ix.post = make(map[uint64][]int32)
	}
	if s, ok := ix.slot[id]; ok {
		ix.removeSlot(s)
	}
	var s int32
	if n := len(ix.free); n > 0 {
		s, ix.free = ix.free[n-1], ix.free[:n-1]
	} else {
		s = int32(len(ix.docs))
		ix.docs = append(ix.docs, doc{})
	}
	ix.docs[s] = doc{id: id, fields: fs, live: true}
	ix.slot[id] = s
	for _, k := range keys {
		l := ix.post[k]
		if n := len(l); n == 0 || l[n-1] < s {
			l = append(l, s) // the common case while bulk loading
		} else {
			i, _ := slices.BinarySearch(l, s)
			l = slices.Insert(l, i, s)
		}
		ix.post[k] = l
	}
}

// Remove drops the document id; it is a no-op for an unknown id.
func (ix *Index) Remove(id int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if s, ok := ix.slot[id]; ok {
		ix.removeSlot(s)
	}
}

func (ix *Index) removeSlot(s int32) {
	d := &ix.docs[s]
	for _, k := range docKeys(d.fields) {
		l := ix.post[k]
		if i, ok := slices.BinarySearch(l, s); ok {
			l = slices.Delete(l, i, i+1)
		}
		if len(l) == 0 {
			delete(ix.post, k)
		} else {
			ix.post[k] = l
		}
	}
	delete(ix.slot, d.id)
	*d = doc{}
	ix.free = append(ix.free, s)
}

// Len returns the number of indexed documents.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.slot)
}

// Search returns the best limit hits for q (all of them if limit <= 0),
// best first: higher score, then lower ID. keep, if not nil, filters IDs
// before scoring; it runs under the read lock and must not call Add or
// Remove.
//
// Every word of q must match (AND), each in any field. Per word and field
// the match kinds rank: whole text or whole words > prefix of a word >
// substring > 초성 (ㄱㅊ, also mixed like 김ㅊ) > typo; within a kind the
// field weight multiplies, and a larger share of the text matched (a
// shorter text) scores higher. A multi-word query also scores as its words
// joined, so "김치 찌개" ranks 김치찌개 like "김치 찌개". Words of 3+
// syllables may match with one syllable edit or two jamo edits, but only
// when the query has fewer than typoFallback exact hits: a typo pass on
// every query would bury exact results under look-alikes (고추장 → 고추가루).
func (ix *Index) Search(q string, limit int, keep func(id int64) bool) []Hit {
	t := &topK{k: limit}
	ix.run(q, keep, t)
	SortHits(t.h)
	return t.h
}

// Match returns every hit for q, in no particular order (sort with
// SortHits): for filtering, other sort orders and total counts.
func (ix *Index) Match(q string) []Hit {
	var a appendSink
	ix.run(q, nil, &a)
	return a.h
}

// SortHits sorts hits best first: higher score, then lower ID.
func SortHits(h []Hit) {
	slices.SortFunc(h, func(a, b Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// typoFallback: the typo pass runs when the exact pass has fewer hits.
const typoFallback = 5

type sink interface {
	add(Hit)
	reset()
}

type appendSink struct{ h []Hit }

func (a *appendSink) add(h Hit) { a.h = append(a.h, h) }
func (a *appendSink) reset()    { a.h = a.h[:0] }

// topK keeps the best k hits in a heap whose root is the worst kept hit.
type topK struct {
	k int
	h []Hit
}

func worse(a, b Hit) bool { return a.Score < b.Score || a.Score == b.Score && a.ID > b.ID }

func (t *topK) reset() { t.h = t.h[:0] }

func (t *topK) add(x Hit) {
	if t.k <= 0 || len(t.h) < t.k {
		t.h = append(t.h, x)
		if t.k > 0 {
			for i := len(t.h) - 1; i > 0; {
				p := (i - 1) / 2
				if !worse(t.h[i], t.h[p]) {
					break
				}
				t.h[i], t.h[p] = t.h[p], t.h[i]
				i = p
			}
		}
		return
	}
	if !worse(t.h[0], x) {
		return
	}
	t.h[0] = x
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < len(t.h) && worse(t.h[l], t.h[m]) {
			m = l
		}
		if r := l + 1; r < len(t.h) && worse(t.h[r], t.h[m]) {
			m = r
		}
		if m == i {
			return
		}
		t.h[i], t.h[m] = t.h[m], t.h[i]
		i = m
	}
}

func (ix *Index) run(q string, keep func(int64) bool, out sink) {
	words, joined := parseQuery(q)
	if len(words) == 0 {
		return
	}
	sc, _ := ix.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer ix.pool.Put(sc)

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := ix.collect(words, joined, keep, false, sc, out)
	if n >= typoFallback || !slices.ContainsFunc(words, func(w qword) bool { return w.typo }) {
		return
	}
	out.reset()
	ix.collect(words, joined, keep, true, sc, out)
}

// collect finds the candidates of all words, verifies and scores them, and
// returns how many hits it emitted.
func (ix *Index) collect(words []qword, joined *qword, keep func(int64) bool, typo bool, sc *scratch, out sink) int {
	lists := make([][]int32, 0, len(words))
	for i := range words {
		var l []int32
		if typo && words[i].typo {
			l = ix.typoCandidates(&words[i], sc)
		} else {
			l = ix.exactCandidates(&words[i])
		}
		if len(l) == 0 {
			return 0
		}
		lists = append(lists, l)
	}
	n := 0
	for _, s := range intersectAll(lists) {
		d := &ix.docs[s]
		if keep != nil && !keep(d.id) {
			continue
		}
		if score := scoreDoc(d, words, joined, typo, sc); score > 0 {
			out.add(Hit{ID: d.id, Score: score})
			n++
		}
	}
	return n
}

// exactCandidates is a superset of the documents that contain w exactly
// (or by 초성): those holding all of its grams. The result may alias a
// posting list and must not be modified.
func (ix *Index) exactCandidates(w *qword) []int32 {
	lists := make([][]int32, 0, len(w.keys))
	for _, k := range w.keys {
		l := ix.post[k]
		if len(l) == 0 {
			return nil
		}
		lists = append(lists, l)
	}
	return intersectAll(lists)
}

// typoCandidates are the documents holding all but one (two for words of 5+
// syllables) of w's distinct characters: a superset of its typo matches.
func (ix *Index) typoCandidates(w *qword, sc *scratch) []int32 {
	need := max(1, len(w.uniq)-1)
	if w.n >= 5 {
		need = max(1, len(w.uniq)-2)
	}
	lists := make([][]int32, 0, len(w.uniq))
	for _, r := range w.uniq {
		if l := ix.post[gramKey(tagUni, r, 0)]; len(l) > 0 {
			lists = append(lists, l)
		}
	}
	if len(lists) < need {
		return nil
	}
	if len(sc.cnt) < len(ix.docs) {
		sc.cnt = make([]uint8, len(ix.docs))
	}
	cnt := sc.cnt
	var out []int32
	for _, l := range lists {
		for _, s := range l {
			cnt[s]++ // w.uniq has at most maxTypoRunes entries: no overflow
			if int(cnt[s]) == need {
				out = append(out, s)
			}
		}
	}
	for _, l := range lists {
		for _, s := range l {
			cnt[s] = 0
		}
	}
	slices.Sort(out)
	return out
}

// intersectAll intersects ascending lists, smallest first. With one list it
// returns that list itself.
func intersectAll(lists [][]int32) []int32 {
	if len(lists) == 0 {
		return nil
	}
	slices.SortFunc(lists, func(a, b []int32) int { return len(a) - len(b) })
	res := lists[0]
	for _, l := range lists[1:] {
		if len(res) == 0 {
			break
		}
		res = intersect(res, l)
	}
	return res
}

// intersect returns the common elements of ascending a and b (a the
// shorter), galloping through b so a rare gram costs little against a
// common one.
func intersect(a, b []int32) []int32 {
	out := make([]int32, 0, len(a))
	j := 0
	for _, x := range a {
		// Exponential then binary search for x in b[j:].
		step := 1
		hi := j
		for hi < len(b) && b[hi] < x {
			j = hi + 1
			hi += step
			step *= 2
		}
		hi = min(hi+1, len(b))
		k, found := slices.BinarySearch(b[j:hi], x)
		j += k
		if j >= len(b) {
			break
		}
		if found {
			out = append(out, x)
			j++
		}
	}
	return out
}
