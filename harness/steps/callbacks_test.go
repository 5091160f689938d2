package steps

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/callback"
	"github.com/cloudcontract/cloudcontract/harness/redact"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// jobs is an asynchronous API: POST /api/jobs answers 202 with a transaction id, then posts two
// events and a completion notification to the URLs it was given; bug breaks one thing.
type jobs struct {
	bug string
	n   int64
	wg  sync.WaitGroup
}

func (j *jobs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tx := fmt.Sprintf("tx-%d", atomic.AddInt64(&j.n, 1))
	done, events := r.Header.Get("Callback"), r.Header.Get("Callback-Events")
	w.Header().Set("X-Transaction-Id", tx)
	w.WriteHeader(http.StatusAccepted)
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		post := func(to, txid, status, body string) {
			req, _ := http.NewRequest("POST", to, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/xml")
			req.Header.Set("X_TRANSACTION_ID", txid) // the document's other spelling
			if status != "" {
				req.Header.Set("X-Status-Code", status)
			}
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}
		order := []string{"STARTED", "RUNNING"}
		switch j.bug {
		case "events-out-of-order":
			order = []string{"RUNNING", "STARTED"}
		case "no-events":
			order = nil
		}
		elem := "type"
		if j.bug == "renamed-element" {
			elem = "kind" // the required element under another name
		}
		for _, e := range order {
			post(events, tx, "", `<event xmlns="urn:shop:jobs"><`+elem+`>`+e+`</`+elem+`></event>`)
		}
		switch j.bug {
		case "missing-callback":
		case "wrong-transaction-id":
			post(done, "tx-999", "200", `<job xmlns="urn:shop:jobs"><id>1</id><state>done</state></job>`)
		case "wrong-status-header":
			post(done, tx, "OK", `<job xmlns="urn:shop:jobs"><id>1</id><state>done</state></job>`)
		case "invalid-callback-body":
			post(done, tx, "200", `<job xmlns="urn:shop:jobs"><id>1</id><state>exploded</state></job>`)
		case "job-failed":
			post(done, tx, "200", `<job xmlns="urn:shop:jobs"><id>1</id><state>failed</state></job>`)
		default:
			post(done, tx, "200", `<job xmlns="urn:shop:jobs"><id>1</id><state>done</state></job>`)
		}
	}()
}

func callbackScenario(t *testing.T, base string, f *vcr.Factory, name string) context.Context {
	t.Helper()
	api, err := spec.Load("../spec/testdata/shop")
	require.NoError(t, err)
	u, _ := url.Parse(base)
	env := &Env{API: api, Validator: validate.New(api), Sessions: f, BaseURL: u,
		Wait: func(context.Context, time.Duration) error { return nil }, Timeout: 5 * time.Second, MaxBody: 1 << 20, Policy: redact.New()}
	s, err := NewScenario(env, "jobs.feature", name)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(false) })
	return context.WithValue(context.Background(), ctxKey{}, s)
}

// runJob plays the steps a feature would: create a job, wait for its events and completion.
func runJob(ctx context.Context) error {
	if err := send(ctx, "POST", "/api/jobs"); err != nil {
		return err
	}
	if err := saveHeader(ctx, "X-Transaction-Id", "tx"); err != nil {
		return err
	}
	if err := eventsInOrder(ctx, "Callback-Events", "${tx}", "/type", "STARTED, RUNNING", 2); err != nil {
		return err
	}
	if err := completionArrives(ctx, "${tx}", 2); err != nil {
		return err
	}
	if err := callbackConforms(ctx); err != nil {
		return err
	}
	if err := callbackHeaderIs(ctx, "x-transaction-id", "${tx}"); err != nil {
		return err
	}
	if err := callbackFieldIs(ctx, "/state", "done"); err != nil {
		return err
	}
	if err := saveCallbackField(ctx, "/nosuch", "x"); err == nil {
		return errors.New("saving an absent callback field did not fail")
	}
	if err := saveCallbackField(ctx, "/id", "job"); err != nil {
		return err
	}
	return callbackFieldIs(ctx, "/id", "${job}")
}

func TestCallbacksLive(t *testing.T) {
	tests := []struct{ bug, want string }{
		{"", ""},
		{"missing-callback", "no Callback callback for transaction tx-1 (createJob): no callback arrived within"},
		{"wrong-transaction-id", `callback with unknown transaction id "tx-999" was received while waiting for tx-1: it is not accepted`},
		{"wrong-status-header", "header X-Status-Code does not match its schema"},
		{"invalid-callback-body", "createJobCallback (callback of createJob)"},
		{"events-out-of-order", "expected STARTED, RUNNING in this order, got RUNNING, STARTED"},
	}
	for _, tt := range tests {
		t.Run("bug="+tt.bug, func(t *testing.T) {
			api := &jobs{bug: tt.bug}
			srv := httptest.NewServer(api)
			defer srv.Close()
			rcv, err := callback.Start("", "")
			require.NoError(t, err)
			defer rcv.Close()
			ctx := callbackScenario(t, srv.URL, vcr.NewFactory(vcr.Options{Mode: vcr.Live, Receiver: rcv}), t.Name())
			err = runJob(ctx)
			api.wg.Wait()
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestCallbacksRecordedAndReplayedWithoutListener(t *testing.T) {
	api := &jobs{}
	srv := httptest.NewServer(api)
	defer srv.Close()
	rcv, err := callback.Start("", "")
	require.NoError(t, err)
	dir := t.TempDir()

	rec := vcr.NewFactory(vcr.Options{Mode: vcr.Record, Dir: dir, Receiver: rcv})
	ctx := callbackScenario(t, srv.URL, rec, "job")
	require.NoError(t, runJob(ctx))
	api.wg.Wait()
	s := scenario(ctx)
	require.NoError(t, s.Close(true))
	rcv.Close()

	side := filepath.Join(dir, "jobs", "job.callbacks.yaml")
	data, err := os.ReadFile(side)
	require.NoError(t, err)
	assert.Equal(t, 3, strings.Count(string(data), "header: Callback"), "two events and a completion recorded:\n%s", data)

	// Replay: no receiver, no server; the callbacks come from the recording, at once.
	srv.Close()
	ctx = callbackScenario(t, "http://replay.invalid", vcr.NewFactory(vcr.Options{Mode: vcr.Replay, Dir: dir}), "job")
	start := time.Now()
	require.NoError(t, runJob(ctx))
	assert.Less(t, time.Since(start), time.Second)
}
