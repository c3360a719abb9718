package korean

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Field is one searchable text of a document and its weight (e.g. name 3,
// brand 1, category 1). A Weight that is not a positive finite number
// counts as 1; weights are capped at maxWeight.
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
// syllable unigrams and bigrams and of 초성 unigrams and bigrams, per field;
// a query is answered by intersecting the posting lists of its words, then
// verifying and scoring the candidate fields. A document has at most
// maxFields (16) fields, more are ignored, and each field's folded text is
// cut at maxFieldBytes (4 KiB); an Index holds up to 2^28 documents.
type Index struct {
	mu   sync.RWMutex
	docs []doc               // by slot; free slots are zero
	slot map[int64]int32     // ID → slot
	free []int32             // free slots, reused by Add
	post map[uint64][]uint32 // gram key → ascending entries slot<<fieldBits | field
	maxW float32             // the largest field weight ever added
	pool sync.Pool           // *scratch
}

// doc is an indexed document. Its fields live in one string, so that
// verifying a candidate touches one block of memory rather than a dozen
// scattered ones (verification is bound by memory latency): a header of nf
// records {offset uint32, bytes uint16, runes uint16, weight float32}, then
// per field f, cho and flags back to back.
type doc struct {
	id   int64
	data string
	nf   uint8
	// Rune counts and weights of the first fields, kept here too so that
	// Search can bound a candidate's score without touching data.
	lens [boundFields]uint16
	ws   [boundFields]float32
}

const boundFields = 4

const (
	maxWeight     = 1e6
	hdrSize       = 12
	maxFieldBytes = 4096 // folded bytes indexed per field; longer texts are cut
)

func packDoc(fs []field) string {
	size := len(fs) * hdrSize
	for i := range fs {
		size += 3*len(fs[i].f) + 1
	}
	buf := make([]byte, len(fs)*hdrSize, size)
	for i := range fs {
		fd := &fs[i]
		h := buf[i*hdrSize:]
		binary.LittleEndian.PutUint32(h, uint32(len(buf)))
		binary.LittleEndian.PutUint16(h[4:], uint16(len(fd.f)))
		binary.LittleEndian.PutUint16(h[6:], uint16(fd.n))
		binary.LittleEndian.PutUint32(h[8:], math.Float32bits(float32(fd.w)))
		buf = append(buf, fd.f...)
		buf = append(buf, fd.cho...)
		buf = append(buf, fd.flags...)
	}
	return string(buf)
}

// field returns the i-th field of d; its strings alias d.data.
func (d *doc) field(i int) field {
	h := d.data[i*hdrSize:]
	off := int(uint32(h[0]) | uint32(h[1])<<8 | uint32(h[2])<<16 | uint32(h[3])<<24)
	lf := int(uint16(h[4]) | uint16(h[5])<<8)
	n := int(uint16(h[6]) | uint16(h[7])<<8)
	w := math.Float32frombits(uint32(h[8]) | uint32(h[9])<<8 | uint32(h[10])<<16 | uint32(h[11])<<24)
	b := d.data[off:]
	return field{f: b[:lf], cho: b[lf : 2*lf], flags: b[2*lf : 3*lf+1], n: n, w: float64(w)}
}

// field is a Field prepared for matching.
type field struct {
	f     string // Fold(Text)
	cho   string // f with every syllable replaced by its 초성: same byte offsets as f
	flags string // per byte offset of f, len(f)+1: token start/end marks
	n     int    // runes in f
	w     float64
}

const (
	tokStart = 1 << iota
	tokEnd
)

// Posting entries pack the slot and the field index, so that verification
// only looks at the fields that hold a word's grams.
const (
	fieldBits = 4
	maxFields = 1 << fieldBits
	fieldMask = maxFields - 1
	allFields = 1<<maxFields - 1
)

// Gram key tags: all posting families share one map.
const (
	tagUni = iota
	tagBi
	tagChoUni
	tagChoBi
	// tagStart+tag: the same gram where it begins a word. Search reads
	// these first to find prefix and whole-word matches.
	tagStart
)

func gramKey(tag int, a, b rune) uint64 {
	return uint64(tag)<<42 | uint64(a)<<21 | uint64(b)
}

func newField(text string, w float64) field {
	if !(w > 0) || math.IsInf(w, 1) { // also catches NaN
		w = 1
	}
	w = min(w, maxWeight)
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
		if b.Len()+utf8.RuneLen(r) > maxFieldBytes {
			break
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
	return field{f: f, cho: project(f), flags: string(flags), n: n, w: w}
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

// fieldKeys returns the sorted distinct gram keys of fd.
func fieldKeys(fd *field) []uint64 {
	var keys []uint64
	prev, prevP, prevStart := rune(-1), rune(-1), false
	for off, r := range fd.f {
		p := initialOf(r)
		start := fd.flags[off]&tokStart != 0
		keys = appendGram(keys, tagUni, r, 0, start)
		if isInitial(p) {
			keys = appendGram(keys, tagChoUni, p, 0, start)
		}
		if prev >= 0 {
			keys = appendGram(keys, tagBi, prev, r, prevStart)
			if isInitial(prevP) || isInitial(p) {
				keys = appendGram(keys, tagChoBi, prevP, p, prevStart)
			}
		}
		prev, prevP, prevStart = r, p, start
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// appendGram appends a gram's key, and its word-start variant when the
// gram begins a word.
func appendGram(keys []uint64, tag int, a, b rune, start bool) []uint64 {
	keys = append(keys, gramKey(tag, a, b))
	if start {
		keys = append(keys, gramKey(tag+tagStart, a, b))
	}
	return keys
}

// Add indexes (or re-indexes) the document id with the given fields.
func (ix *Index) Add(id int64, fields ...Field) {
	fs := make([]field, 0, min(len(fields), maxFields))
	for _, f := range fields {
		if fd := newField(f.Text, f.Weight); fd.n > 0 && len(fs) < maxFields {
			fs = append(fs, fd)
		}
	}
	data := packDoc(fs)
	keys := make([][]uint64, len(fs))
	for i := range fs {
		keys[i] = fieldKeys(&fs[i])
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.slot == nil {
		ix.slot = make(map[int64]int32)
		ix.post = make(map[uint64][]uint32)
	}
	if s, ok := ix.slot[id]; ok {
		ix.removeSlot(s)
	}
	var s int32
	if n := len(ix.free); n > 0 {
		s, ix.free = ix.free[n-1], ix.free[:n-1]
	} else {
		if len(ix.docs) >= 1<<(32-fieldBits) {
			panic("korean: Index holds at most 2^28 documents")
		}
		s = int32(len(ix.docs))
		ix.docs = append(ix.docs, doc{})
	}
	d := doc{id: id, data: data, nf: uint8(len(fs))}
	for i := range min(len(fs), boundFields) {
		d.lens[i], d.ws[i] = uint16(fs[i].n), float32(fs[i].w)
	}
	for i := range fs {
		ix.maxW = max(ix.maxW, float32(fs[i].w))
	}
	ix.docs[s] = d
	ix.slot[id] = s
	for fi, ks := range keys {
		e := uint32(s)<<fieldBits | uint32(fi)
		for _, k := range ks {
			l := ix.post[k]
			if n := len(l); n == 0 || l[n-1] < e {
				l = append(l, e) // the common case while bulk loading
			} else {
				i, _ := slices.BinarySearch(l, e)
				l = slices.Insert(l, i, e)
			}
			ix.post[k] = l
		}
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
	for fi := range int(d.nf) {
		e := uint32(s)<<fieldBits | uint32(fi)
		fd := d.field(fi)
		for _, k := range fieldKeys(&fd) {
			l := ix.post[k]
			if i, ok := slices.BinarySearch(l, e); ok {
				l = slices.Delete(l, i, i+1)
			}
			if len(l) == 0 {
				delete(ix.post, k)
			} else {
				ix.post[k] = l
			}
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
// Every word of q must match (AND), each in any field, and scores its best
// field: weight × (kind + 0.9 × the share of the field's text it covers).
// Kinds: 10 whole words or text, 8 prefix of a word, 6 substring, 5 초성
// at a word start, 4 초성 elsewhere (ㄱㅊ; mixed 김ㅊ too), at most 2 typo.
// So in one field a better kind always wins and a shorter text breaks
// ties, while a heavier field can outweigh a better kind (a name substring,
// 3 × 6, beats a whole brand, 1 × 10). A multi-word query also scores as its
// words joined, so "김치 찌개" ranks 김치찌개 as high as "김치 찌개". Words
// of 3+ syllables may match with one syllable edit or up to two jamo
// edits, only when the query has fewer than typoFallback (5) exact hits: a
// typo pass on every query would bury exact results under look-alikes
// (고추장 → 고추가루).
//
// Cost grows with the candidates that can still reach the top limit: the
// fields where a one-word query begins a word are scored first and score
// bounds skip the rest; a one-letter query ("ㄱ") still visits most of a
// catalogue.
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
	// floor returns a score a hit must beat to be kept, if there is one.
	floor() (float64, bool)
}

type appendSink struct{ h []Hit }

func (a *appendSink) add(h Hit)              { a.h = append(a.h, h) }
func (a *appendSink) reset()                 { a.h = a.h[:0] }
func (a *appendSink) floor() (float64, bool) { return 0, false }

// topK keeps the best k hits in a heap whose root is the worst kept hit.
type topK struct {
	k int
	h []Hit
}

func worse(a, b Hit) bool { return a.Score < b.Score || a.Score == b.Score && a.ID > b.ID }

func (t *topK) reset() { t.h = t.h[:0] }

func (t *topK) floor() (float64, bool) {
	if t.k > 0 && len(t.h) == t.k {
		return t.h[0].Score, true
	}
	return 0, false
}

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

// cands are the candidate fields of one query word: ascending entries
// slot<<fieldBits | field. With all set, every field of the slot is a
// candidate (typo matching does not know which field will match).
type cands struct {
	e   []uint32
	all bool
}

// fieldsOf returns the field mask of slot in c, starting the search at *pos
// and leaving *pos at the slot's first entry (slots are visited ascending).
func (c *cands) fieldsOf(slot uint32, pos *int) uint16 {
	j := gallop(c.e, *pos, slot<<fieldBits)
	*pos = j
	var m uint16
	for ; j < len(c.e) && c.e[j]>>fieldBits == slot; j++ {
		m |= 1 << (c.e[j] & fieldMask)
	}
	if c.all && m != 0 {
		m = allFields
	}
	return m
}

// collect finds the candidates of all words, verifies and scores them, and
// returns how many hits it emitted.
func (ix *Index) collect(words []qword, joined *qword, keep func(int64) bool, typo bool, sc *scratch, out sink) int {
	cs := make([]cands, len(words))
	for i := range words {
		if typo && words[i].typo {
			cs[i] = cands{e: ix.typoCandidates(&words[i], sc), all: true}
		} else {
			cs[i] = cands{e: ix.exactCandidates(&words[i])}
		}
		if len(cs[i].e) == 0 {
			return 0
		}
	}
	q := query{words: words, joined: joined, cs: cs, keep: keep, typo: typo, sc: sc, out: out,
		tops: make([]*cands, len(words)), lows: make([]float64, len(words))}
	if typo {
		// A typo word scores its top base only where it matches exactly.
		for i := range words {
			if words[i].typo {
				q.tops[i] = &cands{e: ix.exactCandidates(&words[i])}
				q.lows[i] = scoreTypo - 0.3
			}
		}
	}
	if len(words) > 1 || typo {
		drv := slices.MinFunc(cs, func(a, b cands) int { return len(a.e) - len(b.e) })
		if a, ok := out.(*appendSink); ok && !typo {
			// An upper bound of the hits (typo candidates are too many).
			a.h = slices.Grow(a.h, len(drv.e))
		}
		return ix.scan(&q, drv.e, nil)
	}
	// One word: score the fields where it begins a word first. When
	// Search's limit is then full of hits that no mere substring match can
	// beat, the rest is skipped; most broad queries end here. The limit
	// must reach typoFallback so that skipping never triggers a typo pass.
	w := &words[0]
	first := ix.post[w.start]
	if t, ok := out.(*topK); !ok || t.k < typoFallback {
		if exactByPostings(w) {
			return ix.scanExact(w, cs[0].e, first, keep, out)
		}
		if a, ok := out.(*appendSink); ok {
			a.h = slices.Grow(a.h, len(cs[0].e)) // an upper bound of the hits
		}
		return ix.scan(&q, cs[0].e, nil)
	}
	q.lows[0] = w.rest
	if len(first) == 0 { // never at a word start: bound every field by rest
		q.tops[0] = &cands{}
		return ix.scan(&q, cs[0].e, nil)
	}
	lists := [][]uint32{first}
	for _, k := range w.keys[1:] {
		lists = append(lists, ix.post[k])
	}
	starts := intersectAll(lists)
	q.tops[0] = &cands{e: starts}
	n := ix.scan(&q, starts, nil)
	if f, full := out.floor(); full && f > float64(ix.maxW)*(w.rest+0.9)+1e-9 {
		return n
	}
	return n + ix.scan(&q, cs[0].e, starts)
}

// query is one pass of a query over the index.
type query struct {
	words  []qword
	joined *qword
	cs     []cands
	keep   func(int64) bool
	typo   bool
	sc     *scratch
	out    sink
	// tops[i], if not nil, are the fields where word i may score its top
	// base (begin a word, match exactly); elsewhere it scores at most
	// lows[i]. scan bounds candidates' scores with them.
	tops []*cands
	lows []float64
}

// scan verifies and scores the documents of the entries drv, except those
// in skip (ascending entries too), and returns how many hits it emitted.
func (ix *Index) scan(q *query, drv, skip []uint32) int {
	pos := make([]int, len(q.words))
	masks := make([]uint16, len(q.words))
	topPos := make([]int, len(q.words))
	topMasks := make([]uint16, len(q.words))
	n, sk := 0, 0
next:
	for k := 0; k < len(drv); {
		slot := drv[k] >> fieldBits
		for k < len(drv) && drv[k]>>fieldBits == slot {
			k++
		}
		if sk = gallop(skip, sk, slot<<fieldBits); sk < len(skip) && skip[sk]>>fieldBits == slot {
			continue
		}
		for i := range q.cs {
			if masks[i] = q.cs[i].fieldsOf(slot, &pos[i]); masks[i] == 0 {
				continue next
			}
		}
		d := &ix.docs[slot]
		// Once Search holds limit hits, skip candidates that cannot beat
		// the worst of them, without reading their texts. The margin
		// absorbs rounding differences between bound and score.
		if f, ok := q.out.floor(); ok {
			for i, t := range q.tops {
				topMasks[i] = allFields
				if t != nil {
					topMasks[i] = t.fieldsOf(slot, &topPos[i])
				}
			}
			if scoreBound(d, q.words, masks, q.joined, topMasks, q.lows) < f-1e-9 {
				continue
			}
		}
		if q.keep != nil && !q.keep(d.id) {
			continue
		}
		if score := scoreDoc(d, q.words, masks, q.joined, q.typo, q.sc); score > 0 {
			q.out.add(Hit{ID: d.id, Score: score})
			n++
		}
	}
	return n
}

// exactByPostings reports whether w's posting lists say exactly which
// fields contain it and where it begins a word: a word of one or two runes
// is one gram, and its word-start list marks the fields where it begins a
// word. Mixed 초성 words ("김ㅊ") must still check their syllables.
func exactByPostings(w *qword) bool { return w.n <= 2 && !w.mixed }

// scanExact scores the documents of drv for a word that exactByPostings
// (starts are its word-start entries, a subset of drv) like scan would, but
// reads a document's text only where the word begins a word in a field and
// may match it whole; elsewhere the base score follows from the postings
// and the rest from the dense metadata. Broad queries ("파", "ㄱㅊ") spend
// most of their time waiting on memory for texts, so this is what makes
// them cheap. It returns how many hits it emitted.
func (ix *Index) scanExact(w *qword, drv, starts []uint32, keep func(int64) bool, out sink) int {
	if a, ok := out.(*appendSink); ok {
		a.h = slices.Grow(a.h, len(drv)) // an upper bound of the hits
	}
	n, sp := 0, 0
	for k := 0; k < len(drv); {
		slot := drv[k] >> fieldBits
		var mask, startMask uint16
		for ; k < len(drv) && drv[k]>>fieldBits == slot; k++ {
			mask |= 1 << (drv[k] & fieldMask)
		}
		for ; sp < len(starts) && starts[sp]>>fieldBits <= slot; sp++ {
			if starts[sp]>>fieldBits == slot {
				startMask |= 1 << (starts[sp] & fieldMask)
			}
		}
		d := &ix.docs[slot]
		if keep != nil && !keep(d.id) {
			continue
		}
		best := 0.0
		for j := range int(d.nf) {
			if mask&(1<<j) == 0 {
				continue
			}
			var fw float64
			var fn int
			if j < boundFields {
				fw, fn = float64(d.ws[j]), int(d.lens[j])
			} else {
				fd := d.field(j)
				fw, fn = fd.w, fd.n
			}
			base := w.rest
			if startMask&(1<<j) != 0 {
				base = w.top // 초성 at a word start
				if !w.cho {
					// A whole word or a prefix: only the text tells.
					fd := d.field(j)
					base = textMatch(fd.f, w.text, fd.flags)
				}
			}
			best = max(best, scoreOf(fw, base, w.n, fn))
		}
		if best > 0 {
			out.add(Hit{ID: d.id, Score: best})
			n++
		}
	}
	return n
}

// exactCandidates are the fields holding all of w's grams: a superset of
// those containing w exactly (or by 초성). The result may alias a posting
// list and must not be modified.
func (ix *Index) exactCandidates(w *qword) []uint32 {
	lists := make([][]uint32, 0, len(w.keys))
	for _, k := range w.keys {
		l := ix.post[k]
		if len(l) == 0 {
			return nil
		}
		lists = append(lists, l)
	}
	return intersectAll(lists)
}

// typoCandidates are the documents (as entries of field 0) holding all but
// one (two for words of 5+ runes) of w's distinct characters: a superset of
// its typo matches.
func (ix *Index) typoCandidates(w *qword, sc *scratch) []uint32 {
	need := max(1, len(w.uniq)-1)
	if w.n >= 5 {
		need = max(1, len(w.uniq)-2)
	}
	lists := make([][]uint32, 0, len(w.uniq))
	for _, r := range w.uniq {
		if l := ix.post[gramKey(tagUni, r, 0)]; len(l) > 0 {
			lists = append(lists, l)
		}
	}
	if len(lists) < need {
		return nil
	}
	if len(sc.cnt) < len(ix.docs) {
		sc.cnt = make([]uint32, len(ix.docs))
	}
	// cnt[slot] holds, per slot, the last list counted (high bits) and the
	// count (low 8 bits), so a rune in two fields of a document counts once.
	cnt := sc.cnt
	var out []uint32
	for li, l := range lists {
		stamp := uint32(li+1) << 8
		for _, e := range l {
			s := e >> fieldBits
			c := cnt[s]
			if c&^0xff == stamp {
				continue
			}
			c = stamp | (c&0xff + 1)
			cnt[s] = c
			if int(c&0xff) == need {
				out = append(out, s<<fieldBits)
			}
		}
	}
	for _, l := range lists {
		for _, e := range l {
			cnt[e>>fieldBits] = 0
		}
	}
	slices.Sort(out)
	return out
}

// intersectAll intersects ascending lists, smallest first. With one list it
// returns that list itself.
func intersectAll(lists [][]uint32) []uint32 {
	if len(lists) == 0 {
		return nil
	}
	slices.SortFunc(lists, func(a, b []uint32) int { return len(a) - len(b) })
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
func intersect(a, b []uint32) []uint32 {
	out := make([]uint32, 0, len(a))
	j := 0
	for _, x := range a {
		if j = gallop(b, j, x); j == len(b) {
			break
		}
		if b[j] == x {
			out = append(out, x)
			j++
		}
	}
	return out
}

// gallop returns the first index i >= from with l[i] >= x (or len(l)),
// by exponential then binary search.
func gallop(l []uint32, from int, x uint32) int {
	lo, step := from, 1
	hi := from
	for hi < len(l) && l[hi] < x {
		lo = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi+1, len(l))
	if lo >= hi {
		return lo
	}
	i, _ := slices.BinarySearch(l[lo:hi], x)
	return lo + i
}
