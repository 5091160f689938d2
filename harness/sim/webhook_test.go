package sim

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder is a webhook receiver that keeps what it got, in arrival order.
type recorder struct {
	mu    sync.Mutex
	got   []string
	delay time.Duration
}

func (rc *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if rc.delay > 0 {
		select {
		case <-time.After(rc.delay):
		case <-r.Context().Done():
			return
		}
	}
	b, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	rc.got = append(rc.got, r.Method+" "+r.URL.Path+" "+r.Header.Get("X-Seq")+" "+string(b))
	rc.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (rc *recorder) list() []string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]string(nil), rc.got...)
}

func TestWebhooksDeliverInOrder(t *testing.T) {
	rc := &recorder{}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	w := NewWebhooks(nil, 0)
	defer w.Close()
	var mu sync.Mutex
	var results []WebhookResult
	w.OnResult(func(r WebhookResult) { mu.Lock(); results = append(results, r); mu.Unlock() })

	var batch []Webhook
	for _, s := range []string{"1", "2", "3"} {
		batch = append(batch, Webhook{URL: srv.URL + "/cb", Header: http.Header{"X-Seq": {s}}, Body: []byte("body" + s)})
	}
	w.Send(batch)
	w.Send(nil)
	w.Wait()
	assert.Equal(t, []string{"POST /cb 1 body1", "POST /cb 2 body2", "POST /cb 3 body3"}, rc.list())
	require.Len(t, results, 3)
	for _, r := range results {
		assert.NoError(t, r.Err)
		assert.Equal(t, http.StatusNoContent, r.Status)
	}
}

func TestWebhooksErrorsAndTimeout(t *testing.T) {
	slow := &recorder{delay: time.Second}
	srv := httptest.NewServer(slow)
	defer srv.Close()
	w := NewWebhooks(nil, 20*time.Millisecond)
	defer w.Close()
	var mu sync.Mutex
	var results []WebhookResult
	w.OnResult(func(r WebhookResult) { mu.Lock(); results = append(results, r); mu.Unlock() })
	w.Send([]Webhook{{URL: "://bad"}, {URL: srv.URL + "/slow"}})
	w.Wait()
	require.Len(t, results, 2, "a failed delivery does not stop the batch")
	assert.Error(t, results[0].Err)
	assert.Error(t, results[1].Err, "the timeout bounds each POST")
}

func TestWebhooksClose(t *testing.T) {
	slow := &recorder{delay: 5 * time.Second}
	srv := httptest.NewServer(slow)
	defer srv.Close()
	w := NewWebhooks(nil, time.Minute)
	w.Send([]Webhook{{URL: srv.URL + "/a"}, {URL: srv.URL + "/b"}})
	done := make(chan struct{})
	go func() { w.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("Close did not cancel the in-flight delivery")
	}
	w.Close()
	fast := &recorder{}
	srv2 := httptest.NewServer(fast)
	defer srv2.Close()
	w.Send([]Webhook{{URL: srv2.URL + "/late"}})
	w.Wait()
	assert.Empty(t, fast.list(), "nothing is sent after Close")
	assert.Empty(t, slow.list())
}
