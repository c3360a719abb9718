package recipe

// topN moves the best n of items (by better) to the front, best first, and
// returns them. It keeps a heap of n instead of sorting everything, so the
// first pages of 50,000 candidates cost one pass.
func topN[T any](items []T, n int, better func(a, b T) bool) []T {
	if n <= 0 {
		return items[:0]
	}
	if n > len(items) {
		n = len(items)
	}
	h := items[:n]
	// A heap whose root is the worst kept item.
	worse := func(i, j int) bool { return better(h[j], h[i]) }
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < n && worse(l, m) {
				m = l
			}
			if r := l + 1; r < n && worse(r, m) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for i := n/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, x := range items[n:] {
		if better(x, h[0]) {
			h[0] = x
			down(0)
		}
	}
	// Pop the heap: the worst goes last each time.
	for end := n - 1; end > 0; end-- {
		h[0], h[end] = h[end], h[0]
		n = end
		down(0)
	}
	return h
}
