package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/steps"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// badServer misbehaves on /api/orders in the way its mode says, and answers /api/orders/1 well.
type badServer struct {
	mode     string
	attempts int64
}

const order = `{"id": 1, "email": "a@example.com", "createdAt": "2016-07-08T10:42:14Z"}`

func (b *badServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/api/orders/1" {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, order)
		return
	}
	atomic.AddInt64(&b.attempts, 1)
	switch b.mode {
	case "invalid-json":
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"id": 1,`)
	case "invalid-xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<Servers><server></Servers>`)
	case "body-not-content-type":
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `<orders><order id="1"/></orders>`)
	case "truncated":
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "500")
		fmt.Fprint(w, `[`+order)
	case "reset":
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	case "never-answers":
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	case "maintenance":
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, `<Status xmlns="http://oec.api.opsource.net/schemas/general"><operation>List</operation><result>ERROR</result><resultCode>REASON_5</resultCode></Status>`)
	case "flaky":
		if atomic.LoadInt64(&b.attempts) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, "["+order+"]")
	case "server-error":
		// An undocumented 500 carrying a success body: the API's own answer, a contract failure.
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, "["+order+"]")
	case "bad-gateway":
		w.WriteHeader(http.StatusBadGateway)
	case "redirect":
		http.Redirect(w, r, "http://elsewhere.invalid/api/orders", http.StatusFound)
	case "huge":
		w.Header().Set("Content-Type", "application/json")
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		w.Write([]byte("["))
		for i := 0; i < 100; i++ { // 100 MB, never read in full
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
		w.Write([]byte("]"))
	}
}

func TestBadServers(t *testing.T) {
	tests := []struct {
		mode, want string
		env        bool // an environment failure, not a contract failure
	}{
		{"invalid-json", "invalid JSON", false},
		{"invalid-xml", "malformed XML", false},
		{"body-not-content-type", "invalid JSON", false},
		{"truncated", "reading the response body", true},
		{"reset", "GET /api/orders", true},
		{"never-answers", "no answer within 500ms (--timeout)", true},
		{"maintenance", "the service is unavailable: HTTP 503 (REASON_5: scheduled maintenance) after 3 attempts", true},
		{"redirect", "expected status 200, got 302 (status not documented for listOrders", false},
		{"server-error", "expected status 200, got 500 (status not documented for listOrders", false},
		{"bad-gateway", "the service is unavailable: HTTP 502", true},
		{"huge", "response body exceeds 1048576 bytes", true},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			path := "/api/orders"
			if tt.mode == "invalid-xml" {
				path = "/api/servers"
			}
			cfg, out := shopSuite(t, &badServer{mode: tt.mode}, fmt.Sprintf(`Feature: bad server
  Scenario: the misbehaving operation
    When I send a GET request to "%s"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: a healthy operation goes on
    When I send a GET request to "/api/orders/1"
    Then the response status should be 200
    And the response should conform to the contract
`, path))
			start := time.Now()
			res, err := Run(context.Background(), cfg)
			require.NoError(t, err)
			assert.Less(t, time.Since(start), 4*time.Second, "bounded: no hang")
			require.Len(t, res.Scenarios, 2)
			assert.False(t, res.OK(), "the run fails (non-zero exit)")
			assert.Equal(t, 1, res.Passed(), "the other scenario goes on and passes:\n%s", out)
			var failed ScenarioResult
			for _, s := range res.Scenarios {
				if !s.Passed {
					failed = s
				}
			}
			assert.Contains(t, failed.Error, tt.want)
			var ee *steps.EnvironmentError
			var ce *validate.ContractError
			if tt.env {
				assert.True(t, errors.As(failed.Err, &ee), "an environment failure: %v", failed.Err)
				assert.Equal(t, 1, res.Environment())
			} else {
				assert.False(t, errors.As(failed.Err, &ee), "not an environment failure: %v", failed.Err)
				assert.Equal(t, 0, res.Environment())
				if tt.mode != "redirect" {
					assert.True(t, errors.As(failed.Err, &ce), "a contract failure: %v", failed.Err)
				}
			}
		})
	}
}

func TestUnavailabilityIsRetried(t *testing.T) {
	srv := &badServer{mode: "flaky"}
	cfg, _ := shopSuite(t, srv, `Feature: f
  Scenario: flaky
    When I send a GET request to "/api/orders"
    Then the response status should be 200
    And the response should conform to the contract
`)
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.True(t, res.OK())
	assert.Equal(t, int64(3), atomic.LoadInt64(&srv.attempts), "two 503s, then the answer")
}

func shopSuite(t *testing.T, h http.Handler, feature string) (Config, *bytes.Buffer) {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "shop"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "shop", "bad.feature"), []byte(feature), 0o644))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	var out bytes.Buffer
	return Config{
		APIs: []string{"shop"}, SpecsDir: "../spec/testdata", FeaturesDir: dir, CassettesDir: t.TempDir(),
		Target: srv.URL, Registry: spec.NewRegistry("../spec/testdata"), Output: &out, SkipPreflight: true, // each case is a scenario's failure
		Timeout: 500 * time.Millisecond, MaxBody: 1 << 20, Concurrency: 2,
	}, &out
}

// TestFailuresAsJSON: one JSON object per failed scenario, with the contract problems structured.
func TestFailuresAsJSON(t *testing.T) {
	cfg, _ := shopSuite(t, &badServer{mode: "body-not-content-type"}, `Feature: bad server
  Scenario: the misbehaving operation
    When I send a GET request to "/api/orders"
    Then the response should conform to the contract

  Scenario: a healthy operation
    When I send a GET request to "/api/orders/1"
    Then the response status should be 200
`)
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteFailures(&buf, res))
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 1, "one line per failed scenario: %s", buf.String())
	var rec FailureRecord
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &rec))
	assert.Equal(t, "shop", rec.API)
	assert.Equal(t, "the misbehaving operation", rec.Scenario)
	assert.Equal(t, KindContract, rec.Kind)
	assert.Equal(t, "GET /api/orders", rec.RequestLine)
	assert.Equal(t, 200, rec.Status)
	require.Len(t, rec.Problems, 1)
	assert.Equal(t, "body", rec.Problems[0].Check)
	assert.Contains(t, rec.Problems[0].Message, "invalid JSON")
	assert.Contains(t, rec.Reproduce, "curl")
}
