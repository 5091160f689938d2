// Command loadgen is a small, bounded HTTP load generator for loopback
// benchmarks (scripts/bench.sh): WORKERS goroutines each send one request
// after another, over kept-alive connections, to the given URLs in turn,
// until DURATION has passed (or MAX requests were sent). Requests in flight
// at the deadline finish (bounded by -timeout) and count.
//
//	loadgen [-c 8] [-d 5s] [-n 0] [-X GET] [-body S] [-H 'Name: value']... URL...
//
// It prints one line, easy to read from a script:
//
//	requests=N errors=E elapsed=5.001s rps=R p50=... p90=... p99=... max=...
//
// requests counts every request sent; an error is a transport failure or an
// answer outside 2xx (the first error is printed on stderr); rps counts only
// the 2xx answers; the latency percentiles are those of the answered requests
// (whatever their status).
//
// Only loopback targets are accepted: this is a benchmark tool, not a load
// test of anything remote.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// config is what a run does.
type config struct {
	urls     []string
	method   string
	body     string
	headers  http.Header
	workers  int
	duration time.Duration
	max      int64         // most requests sent in all; 0: no limit but the duration
	timeout  time.Duration // of each request
}

// result is what a run measured.
type result struct {
	requests  int64 // sent
	errors    int64 // transport failures and answers outside 2xx
	firstErr  string
	elapsed   time.Duration
	latencies []time.Duration // of every answered request, sorted
}

// rps is the 2xx answers per second.
func (r result) rps() float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return float64(r.requests-r.errors) / r.elapsed.Seconds()
}

// percentile is the latency under which a fraction p (0..1) of the answered
// requests were answered (nearest rank); 0 without answers.
func (r result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(p*float64(len(r.latencies))+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(r.latencies) {
		i = len(r.latencies) - 1
	}
	return r.latencies[i]
}

func (r result) String() string {
	return fmt.Sprintf("requests=%d errors=%d elapsed=%.3fs rps=%.1f p50=%s p90=%s p99=%s max=%s",
		r.requests, r.errors, r.elapsed.Seconds(), r.rps(),
		r.percentile(0.50), r.percentile(0.90), r.percentile(0.99), r.percentile(1))
}

// run sends the load of cfg and measures it. It returns when every worker has
// stopped: at most cfg.duration plus cfg.timeout after it started.
func run(ctx context.Context, cfg config) result {
	transport := &http.Transport{
		Proxy:               nil, // loopback: never through a proxy of the environment
		MaxIdleConnsPerHost: cfg.workers,
		MaxConnsPerHost:     cfg.workers,
		DisableCompression:  true,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{
		Transport: transport,
		Timeout:   cfg.timeout,
		// A redirect is an answer like any other (outside 2xx: an error), not followed.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}

	var (
		sent, errs atomic.Int64
		mu         sync.Mutex
		res        result
		wg         sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(cfg.duration)
	for w := 0; w < cfg.workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var lat []time.Duration
			var n int64 // requests sent
			var firstErr string
			// Each worker starts at its own URL, so that every URL is loaded from
			// the first request on.
			for i := w; ctx.Err() == nil && time.Now().Before(deadline); i++ {
				if cfg.max > 0 && sent.Add(1) > cfg.max {
					break
				}
				t0 := time.Now()
				answered, err := do(ctx, client, cfg, cfg.urls[i%len(cfg.urls)])
				if answered {
					lat = append(lat, time.Since(t0))
				}
				n++
				if err != nil {
					errs.Add(1)
					if firstErr == "" {
						firstErr = err.Error()
					}
				}
			}
			mu.Lock()
			res.requests += n
			res.latencies = append(res.latencies, lat...)
			if res.firstErr == "" {
				res.firstErr = firstErr
			}
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.errors = errs.Load()
	sort.Slice(res.latencies, func(i, j int) bool { return res.latencies[i] < res.latencies[j] })
	return res
}

// do sends one request and reads the whole answer (so that the connection is
// reused). answered: a whole answer came back; an answer outside 2xx is an
// error too.
func do(ctx context.Context, client *http.Client, cfg config, u string) (answered bool, err error) {
	var body io.Reader
	if cfg.body != "" {
		body = strings.NewReader(cfg.body)
	}
	req, err := http.NewRequestWithContext(ctx, cfg.method, u, body)
	if err != nil {
		return false, err
	}
	for k, vs := range cfg.headers {
		req.Header[k] = vs
	}
	resp, err := client.Do(req)
	if err != nil {
		return false, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return false, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return true, fmt.Errorf("%s %s: %s", cfg.method, u, resp.Status)
	}
	return true, nil
}

// loopback says whether u is an http URL of this machine (127.0.0.0/8, ::1 or
// localhost).
func loopback(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return err
	}
	if p.Scheme != "http" && p.Scheme != "https" {
		return fmt.Errorf("%s: not an http(s) URL", u)
	}
	host := p.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%s: only loopback targets (127.0.0.0/8, ::1, localhost) are accepted", u)
}

// headerFlag collects repeated -H 'Name: value' flags.
type headerFlag http.Header

func (h headerFlag) String() string {
	var b bytes.Buffer
	_ = http.Header(h).Write(&b)
	return strings.TrimSpace(b.String())
}

func (h headerFlag) Set(s string) error {
	name, value, ok := strings.Cut(s, ":")
	if !ok || strings.TrimSpace(name) == "" {
		return errors.New(`want "Name: value"`)
	}
	http.Header(h).Add(strings.TrimSpace(name), strings.TrimSpace(value))
	return nil
}

func main() {
	headers := http.Header{}
	cfg := config{headers: headers}
	flag.IntVar(&cfg.workers, "c", 8, "workers (concurrent connections)")
	flag.DurationVar(&cfg.duration, "d", 5*time.Second, "how long requests are started")
	flag.Int64Var(&cfg.max, "n", 0, "most requests in all (0: only the duration bounds the run)")
	flag.StringVar(&cfg.method, "X", http.MethodGet, "method")
	flag.StringVar(&cfg.body, "body", "", "request body")
	flag.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "timeout of each request")
	flag.Var(headerFlag(headers), "H", "request header 'Name: value' (repeatable)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "Usage: loadgen [flags] URL...")
		flag.PrintDefaults()
	}
	flag.Parse()
	cfg.urls = flag.Args()
	if len(cfg.urls) == 0 || cfg.workers < 1 || cfg.duration <= 0 || cfg.duration > time.Hour {
		flag.Usage()
		os.Exit(2)
	}
	for _, u := range cfg.urls {
		if err := loopback(u); err != nil {
			fmt.Fprintln(os.Stderr, "loadgen:", err)
			os.Exit(2)
		}
	}
	res := run(context.Background(), cfg)
	fmt.Println(res)
	if res.firstErr != "" {
		fmt.Fprintln(os.Stderr, "loadgen: first error:", res.firstErr)
	}
}
