package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name    string
		status  func(n int64) int // status of the n-th request the server answers (from 1)
		workers int
		max     int64
		// Otherwise the errors must equal the server's count of non-2xx answers.
		wantAll    bool // every request an error
		wantNone   bool // no error
		wantExactN bool // exactly max requests
	}{
		{name: "all 200", status: func(int64) int { return http.StatusOK }, workers: 4, wantNone: true},
		{name: "204 is a success", status: func(int64) int { return http.StatusNoContent }, workers: 2, wantNone: true},
		{name: "all 401", status: func(int64) int { return http.StatusUnauthorized }, workers: 3, wantAll: true},
		{name: "every other 500", status: func(n int64) int {
			if n%2 == 0 {
				return http.StatusInternalServerError
			}
			return http.StatusOK
		}, workers: 4},
		{name: "bounded count", status: func(int64) int { return http.StatusOK }, workers: 5, max: 37, wantNone: true, wantExactN: true},
		{name: "bounded count with 302s", status: func(int64) int { return http.StatusFound }, workers: 2, max: 11, wantAll: true, wantExactN: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var served, bad, withCookie atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if c, err := r.Cookie("session"); err == nil && c.Value == "abc" {
					withCookie.Add(1)
				}
				code := tt.status(served.Add(1))
				if code < 200 || code > 299 {
					bad.Add(1)
				}
				if code == http.StatusFound {
					w.Header().Set("Location", "/elsewhere") // not followed: the 302 is the answer
				}
				w.WriteHeader(code)
				_, _ = w.Write([]byte("body"))
			}))
			defer srv.Close()

			cfg := config{
				urls:     []string{srv.URL + "/a", srv.URL + "/b"},
				method:   http.MethodGet,
				headers:  http.Header{"Cookie": {"session=abc"}},
				workers:  tt.workers,
				duration: 200 * time.Millisecond,
				max:      tt.max,
				timeout:  2 * time.Second,
			}
			res := run(context.Background(), cfg)

			if res.requests == 0 {
				t.Fatal("no request was sent")
			}
			if tt.wantExactN && res.requests != tt.max {
				t.Errorf("requests = %d, want exactly %d", res.requests, tt.max)
			}
			if tt.max > 0 && res.requests > tt.max {
				t.Errorf("requests = %d, more than -n %d", res.requests, tt.max)
			}
			if served.Load() != res.requests {
				t.Errorf("server answered %d requests, loadgen counted %d", served.Load(), res.requests)
			}
			if withCookie.Load() == 0 {
				t.Error("the Cookie header was not sent")
			}
			switch {
			case tt.wantNone && res.errors != 0:
				t.Errorf("errors = %d, want 0 (first: %s)", res.errors, res.firstErr)
			case tt.wantAll && res.errors != res.requests:
				t.Errorf("errors = %d, want all %d", res.errors, res.requests)
			case !tt.wantNone && !tt.wantAll && (res.errors == 0 || res.errors != bad.Load()):
				t.Errorf("errors = %d, server answered %d non-2xx", res.errors, bad.Load())
			}
			if len(res.latencies) != int(res.requests) {
				t.Errorf("%d latencies for %d requests", len(res.latencies), res.requests)
			}
			if p50, p99, max := res.percentile(.5), res.percentile(.99), res.percentile(1); p50 <= 0 || p50 > p99 || p99 > max {
				t.Errorf("percentiles out of order: p50 %s p99 %s max %s", p50, p99, max)
			}
			if want := float64(res.requests-bad.Load()) / res.elapsed.Seconds(); res.rps() != want || (want == 0) != tt.wantAll {
				t.Errorf("rps = %f, want %f (2xx answers per second)", res.rps(), want)
			}
			// Bounded in time: the duration plus the tail of the requests in flight.
			if res.elapsed > cfg.duration+time.Second {
				t.Errorf("run lasted %s, duration %s", res.elapsed, cfg.duration)
			}
		})
	}
}

func TestTransportErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL
	srv.Close() // nothing listens there any more: every request fails to connect
	res := run(context.Background(), config{urls: []string{u}, method: http.MethodGet, workers: 2,
		duration: 100 * time.Millisecond, max: 20, timeout: time.Second})
	if res.requests == 0 || res.errors != res.requests {
		t.Errorf("requests %d, errors %d: want every request an error", res.requests, res.errors)
	}
	if len(res.latencies) != 0 || res.rps() != 0 || res.firstErr == "" {
		t.Errorf("latencies %d, rps %f, first error %q: want none, 0 and the refusal", len(res.latencies), res.rps(), res.firstErr)
	}
}

func TestLoopbackOnly(t *testing.T) {
	for u, ok := range map[string]bool{
		"http://127.0.0.1:8080/x":  true,
		"http://127.9.9.9/":        true,
		"http://localhost:1/":      true,
		"http://[::1]:80/":         true,
		"http://10.0.0.1/":         false,
		"http://example.com/":      false,
		"ftp://127.0.0.1/":         false,
		"http://192.168.1.1:8080/": false,
	} {
		if err := loopback(u); (err == nil) != ok {
			t.Errorf("loopback(%q) = %v, want ok %v", u, err, ok)
		}
	}
}

func TestHeaderFlag(t *testing.T) {
	h := http.Header{}
	f := headerFlag(h)
	if err := f.Set("Cookie: a=b; c=d"); err != nil {
		t.Fatal(err)
	}
	if err := f.Set("no colon"); err == nil {
		t.Error("a header without a colon was accepted")
	}
	if got := h.Get("Cookie"); got != "a=b; c=d" {
		t.Errorf("Cookie = %q", got)
	}
}
