package sim

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync"
	"time"
)

// DefaultWebhookTimeout bounds one webhook POST when NewWebhooks is given no
// timeout.
const DefaultWebhookTimeout = 10 * time.Second

// Webhook is one POST a simulator makes to a URL its client gave it (a
// completion callback, an event notification). Everything in it is computed
// when the request that causes it is served, under the simulator's lock, so
// that what is sent depends only on the seed and the request sequence, never
// on when the goroutine runs.
type Webhook struct {
	URL    string
	Header http.Header
	Body   []byte
}

// WebhookResult is the outcome of one delivery: the status the receiver
// answered, or the error that prevented delivery.
type WebhookResult struct {
	Webhook Webhook
	Status  int
	Err     error
}

// Webhooks delivers batches of webhooks in the background. A batch (the
// webhooks one request causes) is delivered in order by one goroutine, each
// POST bounded by a timeout, after the request that caused it has been
// answered; batches of different requests are independent. Wait blocks until
// every batch sent so far is delivered; Close stops delivering (in-flight
// POSTs are cancelled, queued ones dropped) and waits for the goroutines. It
// is safe for concurrent use.
type Webhooks struct {
	client  *http.Client
	timeout time.Duration
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup

	mu       sync.Mutex
	closed   bool
	onResult func(WebhookResult)
}

// NewWebhooks returns a deliverer using client (nil means a fresh
// http.Client) and bounding each POST by timeout (<= 0 means
// DefaultWebhookTimeout).
func NewWebhooks(client *http.Client, timeout time.Duration) *Webhooks {
	if client == nil {
		client = &http.Client{}
	}
	if timeout <= 0 {
		timeout = DefaultWebhookTimeout
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Webhooks{client: client, timeout: timeout, ctx: ctx, cancel: cancel}
}

// OnResult registers a function called after each delivery attempt, from the
// delivering goroutine (tests and access logs use it). nil removes it.
func (w *Webhooks) OnResult(f func(WebhookResult)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.onResult = f
}

// Send delivers batch in order in the background and returns at once. An
// empty batch, or any batch after Close, is dropped.
func (w *Webhooks) Send(batch []Webhook) {
	if len(batch) == 0 {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		for _, h := range batch {
			if w.ctx.Err() != nil {
				return
			}
			res := w.deliver(h)
			w.mu.Lock()
			f := w.onResult
			w.mu.Unlock()
			if f != nil {
				f(res)
			}
		}
	}()
}

func (w *Webhooks) deliver(h Webhook) WebhookResult {
	ctx, cancel := context.WithTimeout(w.ctx, w.timeout)
	defer cancel()
	res := WebhookResult{Webhook: h}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(h.Body))
	if err != nil {
		res.Err = err
		return res
	}
	for k, vs := range h.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	resp, err := w.client.Do(req)
	if err != nil {
		res.Err = err
		return res
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
	res.Status = resp.StatusCode
	return res
}

// Wait blocks until every batch sent so far has been delivered (or dropped
// by Close).
func (w *Webhooks) Wait() { w.wg.Wait() }

// Close stops delivering: later batches are dropped, in-flight POSTs are
// cancelled and the rest of their batches skipped. It waits for the
// delivering goroutines and may be called more than once.
func (w *Webhooks) Close() {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	w.cancel()
	w.wg.Wait()
}
