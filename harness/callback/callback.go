// Package callback receives the asynchronous notifications an API POSTs back to the client
// (Cisco ESC's Callback and Callback-ESC-Events headers): a Receiver listens (loopback by
// default) and files each notification in the Inbox of the scenario whose URL it was sent to.
// An Inbox can also be filled from a recording, so replay needs no listener.
package callback

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Received is one notification.
type Received struct {
	// Seq is its position in the scenario's inbox (0-based, arrival order).
	Seq int `yaml:"seq"`
	// Header is the request header whose URL the notification was sent to (Callback,
	// Callback-ESC-Events, ...).
	Header string `yaml:"header"`
	Method string `yaml:"method"`
	// Path is the path it was posted to, under the scenario's callback URL.
	Path    string      `yaml:"path"`
	Headers http.Header `yaml:"headers"`
	Body    string      `yaml:"body"`
}

// Inbox holds the notifications of one scenario, in arrival order.
type Inbox struct {
	mu     sync.Mutex
	list   []Received
	notify chan struct{}
	closed bool // no more will come (replay): waits return at once
}

// NewInbox returns an empty inbox that waits for notifications.
func NewInbox() *Inbox { return &Inbox{notify: make(chan struct{})} }

// Recorded returns a closed inbox holding recorded notifications.
func Recorded(list []Received) *Inbox {
	in := NewInbox()
	in.list = append(in.list, list...)
	in.closed = true
	return in
}

// Add files a notification.
func (in *Inbox) Add(r Received) {
	in.mu.Lock()
	r.Seq = len(in.list)
	in.list = append(in.list, r)
	close(in.notify)
	in.notify = make(chan struct{})
	in.mu.Unlock()
}

// All returns a copy of every notification so far.
func (in *Inbox) All() []Received {
	in.mu.Lock()
	defer in.mu.Unlock()
	return append([]Received(nil), in.list...)
}

// ErrTimeout is returned when no notification came in time (or, in replay, none was recorded).
var ErrTimeout = errors.New("no callback arrived")

// Wait returns the first notification at position ≥ from, waiting up to timeout for it.
func (in *Inbox) Wait(ctx context.Context, from int, timeout time.Duration) (Received, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		in.mu.Lock()
		if from < len(in.list) {
			r := in.list[from]
			in.mu.Unlock()
			return r, nil
		}
		if in.closed {
			in.mu.Unlock()
			return Received{}, fmt.Errorf("%w: none was recorded (record the scenario again)", ErrTimeout)
		}
		ch := in.notify
		in.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			return Received{}, fmt.Errorf("%w within %s", ErrTimeout, timeout)
		case <-ctx.Done():
			return Received{}, ctx.Err()
		}
	}
}

// Receiver is the HTTP server notifications are sent to.
type Receiver struct {
	// Base is the URL the API is told to call (the advertised URL, or the bound address).
	Base string

	srv     *http.Server
	ln      net.Listener
	mu      sync.Mutex
	inboxes map[string]*Inbox
	// Unrouted counts notifications sent to no open scenario.
	unrouted []string
	maxBody  int64
}

// Start listens on addr (default 127.0.0.1:0: loopback, any free port). advertise, when set, is
// the base URL given to the API instead of the bound address (a real endpoint must be able to
// reach it: e.g. http://ci-runner.example:9000).
func Start(addr, advertise string) (*Receiver, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("callback receiver: %w", err)
	}
	r := &Receiver{ln: ln, inboxes: map[string]*Inbox{}, maxBody: 10 << 20}
	r.Base = strings.TrimSuffix(advertise, "/")
	if r.Base == "" {
		r.Base = "http://" + ln.Addr().String()
	}
	r.srv = &http.Server{Handler: r, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = r.srv.Serve(ln) }()
	return r, nil
}

// Close stops the receiver at once: every scenario is over by then, and a graceful shutdown would
// wait for connections an API opened but never used.
func (r *Receiver) Close() error { return r.srv.Close() }

// Open creates the inbox of a scenario and returns it with its base URL
// (BASE/cb/<random id>); a notification to BASE/cb/<id>/<Header> is filed with that header name.
func (r *Receiver) Open() (*Inbox, string, func()) {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	id := hex.EncodeToString(b)
	in := NewInbox()
	r.mu.Lock()
	r.inboxes[id] = in
	r.mu.Unlock()
	return in, r.Base + "/cb/" + id, func() {
		r.mu.Lock()
		delete(r.inboxes, id)
		r.mu.Unlock()
	}
}

// ServeHTTP files a notification; anything not under an open scenario's URL gets 404.
func (r *Receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	rest, ok := strings.CutPrefix(req.URL.Path, "/cb/")
	if !ok {
		http.NotFound(w, req)
		return
	}
	id, header, _ := strings.Cut(rest, "/")
	r.mu.Lock()
	in := r.inboxes[id]
	if in == nil {
		r.unrouted = append(r.unrouted, req.Method+" "+req.URL.Path)
	}
	r.mu.Unlock()
	if in == nil {
		http.Error(w, "no scenario waits for callbacks here", http.StatusNotFound)
		return
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, r.maxBody))
	if err != nil {
		http.Error(w, "cannot read the body", http.StatusBadRequest)
		return
	}
	in.Add(Received{Header: header, Method: req.Method, Path: "/" + header, Headers: req.Header.Clone(), Body: string(body)})
	w.WriteHeader(http.StatusOK)
}

// Unrouted lists notifications that reached no open scenario (for diagnostics).
func (r *Receiver) Unrouted() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.unrouted...)
}
