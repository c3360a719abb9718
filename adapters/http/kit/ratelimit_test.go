package kit

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newTestLimiter(r Rate) (*Limiter, *fakeClock) {
	c := &fakeClock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := NewLimiter(r)
	l.now = c.now
	return l, c
}

func TestLimiterBurstThenRefill(t *testing.T) {
	l, clock := newTestLimiter(Rate{Events: 5, Per: time.Minute, Burst: 5})
	for i := range 5 {
		if ok, _ := l.Allow("a"); !ok {
			t.Fatalf("attempt %d refused inside the burst", i+1)
		}
	}
	ok, wait := l.Allow("a")
	if ok || wait != 12*time.Second {
		t.Fatalf("6th: ok=%v wait=%v, want refused for 12s", ok, wait)
	}
	if ok, _ := l.Allow("b"); !ok {
		t.Fatal("keys must not share a bucket")
	}
	clock.add(12 * time.Second)
	if ok, _ := l.Allow("a"); !ok {
		t.Fatal("no token after the refill interval")
	}
	if ok, _ := l.Allow("a"); ok {
		t.Fatal("one refill interval gives one attempt")
	}
}

func TestLimiterUndo(t *testing.T) {
	l, clock := newTestLimiter(Rate{Events: 1, Per: time.Hour, Burst: 2})
	for range 10 {
		ok, _, undo := l.Take("owner")
		if !ok {
			t.Fatal("undone attempts must not count")
		}
		clock.add(time.Second) // the password check takes time
		l.Allow("someone else")
		undo()
		undo() // idempotent
	}
	// With another take in between, the undo still gives back a whole token.
	_, _, undo := l.Take("owner")
	clock.add(time.Second)
	l.Allow("owner")
	undo()
	if ok, _ := l.Allow("owner"); !ok {
		t.Fatal("the undone token was not given back")
	}
	if ok, _ := l.Allow("owner"); ok {
		t.Fatal("kept attempts must count")
	}
}

func TestLimiterParallelBurstIsBounded(t *testing.T) {
	l, _ := newTestLimiter(Rate{Events: 5, Per: time.Minute, Burst: 5})
	var passed atomic.Int32
	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			if ok, _, _ := l.Take("victim"); ok {
				passed.Add(1)
			}
		})
	}
	wg.Wait()
	if passed.Load() != 5 {
		t.Fatalf("%d of 100 parallel attempts passed, want 5", passed.Load())
	}
}

func TestLimiterMemoryIsBounded(t *testing.T) {
	l, clock := newTestLimiter(Rate{Events: 5, Per: time.Minute, Burst: 5})
	l.maxKeys = 50
	for i := range 1000 {
		l.Allow(fmt.Sprint("k", i))
	}
	if n := l.Len(); n > 50 {
		t.Fatalf("%d keys held, cap 50", n)
	}
	l.Allow(strings.Repeat("x", 1<<20))
	for k := range l.keys {
		if len(k) > 80 {
			t.Fatalf("a %d-byte key is stored as is", len(k))
		}
	}
	// Idle keys go once their bucket would be full again (a minute here).
	clock.add(61 * time.Second)
	l.Allow("fresh")
	if n := l.Len(); n != 1 {
		t.Fatalf("%d keys after the idle period, want 1", n)
	}
	l.Reset("fresh")
	if l.Len() != 0 {
		t.Fatal("Reset kept the key")
	}
}

func TestLimiterDisabled(t *testing.T) {
	for _, r := range []Rate{{}, {Events: -1}, {Events: 5}} {
		l := NewLimiter(r)
		for range 100 {
			if ok, _ := l.Allow("k"); !ok {
				t.Fatalf("%+v limited", r)
			}
		}
	}
	if c := (Config{LoginPerIP: Rate{Events: -1}}).WithDefaults(); !c.LoginPerIP.Disabled() || c.LoginPerAccount.Events != 5 {
		t.Fatalf("defaults %+v", c)
	}
}

func TestClientIP(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "203.0.113.9:5555"
	r.Header.Add("X-Forwarded-For", "1.1.1.1, 198.51.100.7")
	if got := ClientIP(r, false); got != "203.0.113.9" {
		t.Fatalf("untrusted: %s", got)
	}
	if got := ClientIP(r, true); got != "198.51.100.7" {
		t.Fatalf("trusted proxy: %s (the last hop, not the client-supplied first)", got)
	}
	r.Header.Set("X-Forwarded-For", "garbage")
	if got := ClientIP(r, true); got != "203.0.113.9" {
		t.Fatalf("unparsable XFF: %s", got)
	}
	r.RemoteAddr = "[::ffff:192.0.2.1]:80"
	r.Header.Del("X-Forwarded-For")
	if got := ClientIP(r, true); got != "192.0.2.1" {
		t.Fatalf("mapped v4: %s", got)
	}
	if IPKey("2001:db8:1:2:3:4:5:6") != IPKey("2001:db8:1:2:ffff::1") || IPKey("2001:db8:1:2::1") == IPKey("2001:db8:1:3::1") {
		t.Fatal("IPv6 keys must be by /64")
	}
	if IPKey("192.0.2.1") == IPKey("192.0.2.2") {
		t.Fatal("IPv4 keys are per address")
	}
}
