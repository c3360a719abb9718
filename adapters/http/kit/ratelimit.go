package kit

import (
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limiter is a token bucket per key (an account, a client IP) with bounded
// memory: a key unused long enough for its bucket to refill is forgotten
// (a fresh bucket is the same as a full one), and past MaxKeys the least
// recently used of a random sample of keys is evicted.
//
// It is per process: behind several replicas each keeps its own counts, so
// the effective limit is the configured one times the replica count.
type Limiter struct {
	mu        sync.Mutex
	limit     rate.Limit
	burst     int
	disabled  bool
	idle      time.Duration
	maxKeys   int
	now       func() time.Time
	lastSweep time.Time
	keys      map[string]*bucket
}

type bucket struct {
	lim      *rate.Limiter
	lastSeen time.Time
}

// DefaultMaxKeys bounds a Limiter's memory (about 200 bytes a key).
const DefaultMaxKeys = 100_000

// NewLimiter builds a limiter allowing r per key. A Rate without events
// (Events <= 0, or Per <= 0) allows everything; Config.WithDefaults has
// already replaced a zero Rate with the default one.
func NewLimiter(r Rate) *Limiter {
	l := &Limiter{maxKeys: DefaultMaxKeys, now: time.Now, keys: map[string]*bucket{}}
	if r.Disabled() || r.Events == 0 || r.Per <= 0 {
		l.disabled = true
		return l
	}
	l.limit = rate.Limit(float64(r.Events) / r.Per.Seconds())
	l.burst = max(r.Burst, 1)
	// The time an empty bucket takes to fill again.
	l.idle = time.Duration(float64(l.burst) / float64(l.limit) * float64(time.Second))
	return l
}

// Allow takes one token for key: ok, or not and how long until one is
// there.
func (l *Limiter) Allow(key string) (ok bool, retryAfter time.Duration) {
	ok, retryAfter, _ = l.Take(key)
	return ok, retryAfter
}

// Take is Allow that can be taken back: a caller that learns the attempt
// should not count (a login that succeeded) calls undo, which returns the
// token. Taking first and undoing later, rather than counting failures
// after the fact, is what stops a burst of concurrent attempts from all
// passing the check before any of them failed. undo is never nil.
func (l *Limiter) Take(key string) (ok bool, retryAfter time.Duration, undo func()) {
	if l.disabled {
		return true, 0, func() {}
	}
	key = boundKey(key)
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.sweep(now)
	b := l.keys[key]
	if b == nil {
		if len(l.keys) >= l.maxKeys {
			l.evictOne()
		}
		b = &bucket{lim: rate.NewLimiter(l.limit, l.burst)}
		l.keys[key] = b
	}
	b.lastSeen = now
	res := b.lim.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return false, d, func() {}
	}
	var once sync.Once
	return true, 0, func() {
		once.Do(func() {
			l.mu.Lock()
			defer l.mu.Unlock()
			// Cancel as of the moment the token was taken: rate only
			// restores a reservation that has not "acted" yet, and an
			// immediate one acts at once. Cancelling at that moment gives
			// the token back exactly, even with other takes in between
			// (the refill it re-counts makes up for what it holds back).
			res.CancelAt(now)
		})
	}
}

// Reset forgets key, as if it had never been seen.
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.keys, boundKey(key))
}

// Len is the number of keys held, for tests and metrics.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.keys)
}

// sweep drops idle keys, at most once per idle period so that it costs
// O(1) amortised per call.
func (l *Limiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < l.idle {
		return
	}
	l.lastSweep = now
	for k, b := range l.keys {
		if now.Sub(b.lastSeen) >= l.idle {
			delete(l.keys, k)
		}
	}
}

// evictOne drops the least recently seen of a few keys; map iteration order
// is random, so this approximates LRU without bookkeeping. Recently active
// keys (an attacker's target) are the least likely to go.
func (l *Limiter) evictOne() {
	var (
		oldKey string
		oldAt  time.Time
		n      int
	)
	for k, b := range l.keys {
		if n == 0 || b.lastSeen.Before(oldAt) {
			oldKey, oldAt = k, b.lastSeen
		}
		if n++; n == 8 {
			break
		}
	}
	delete(l.keys, oldKey)
}

// boundKey keeps long keys (an email is whatever a client sends) from
// costing memory: they are stored as their SHA-256.
func boundKey(key string) string {
	if len(key) <= 64 {
		return key
	}
	sum := sha256.Sum256([]byte(key))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// ClientIP is the address the request came from: the connection's peer, or
// with trustProxy the last X-Forwarded-For entry (the one appended by the
// single trusted proxy in front of us; earlier entries are client-supplied
// and could be anything). "" if none parses.
func ClientIP(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			last := xff[len(xff)-1]
			last = strings.TrimSpace(last[strings.LastIndexByte(last, ',')+1:])
			if a, err := netip.ParseAddr(last); err == nil {
				return a.Unmap().String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return a.Unmap().String()
	}
	return ""
}

// IPKey is the rate-limit key of an address: IPv4 as is, IPv6 by its /64,
// since one subscriber usually holds a whole /64 and could otherwise rotate
// through it.
func IPKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return "ip:" + ip
	}
	if a.Is6() {
		p, _ := a.Prefix(64)
		return "ip:" + p.String()
	}
	return "ip:" + a.String()
}
