package serve_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/kokmeal/kokmeal/hosts/internal/serve"
)

// Shutdown must let a request that is already running finish.
func TestShutdownFinishesInFlightRequests(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	srv := serve.NewServer(addr, h, zap.NewNop())
	runErr := make(chan error, 1)
	go func() { runErr <- serve.Run(ctx, srv, zap.NewNop(), 5*time.Second) }()

	var resp *http.Response
	reqErr := make(chan error, 1)
	go func() {
		for range 50 { // the listener may not be up yet
			resp, err = http.Get("http://" + addr + "/")
			if err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		reqErr <- err
	}()
	<-started
	cancel()
	if err := <-reqErr; err != nil {
		t.Fatalf("in-flight request failed during shutdown: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "done" {
		t.Fatalf("got %d %q", resp.StatusCode, body)
	}
	if err := <-runErr; err != nil {
		t.Fatalf("Run: %v", err)
	}
}
