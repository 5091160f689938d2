package vcr

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/redact"
)

const canary = "CANARY-vcr-s3cr3t-91c2"

// server answers with a counter so that recordings can be told apart, and sets a session cookie.
func server(t *testing.T) (*httptest.Server, *int64) {
	var n int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := atomic.AddInt64(&n, 1)
		body, _ := io.ReadAll(r.Body)
		http.SetCookie(w, &http.Cookie{Name: "portal_session", Value: "sess-" + canary, Path: "/"})
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"n": %d, "path": %q, "echo": %q, "token": "tok-%s"}`, c, r.URL.Path, string(body), canary)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func do(t *testing.T, rt http.RoundTripper, method, url, ct, body string) (*http.Response, string, error) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	req.Header.Set("Authorization", "Bearer "+canary)
	resp, err := (&http.Client{Transport: rt}).Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b), nil
}

func policy() *redact.Policy {
	p := redact.New()
	p.AddValues(canary)
	return p
}

func TestRecordThenReplay(t *testing.T) {
	srv, _ := server(t)
	dir := t.TempDir()
	rec := NewFactory(Options{Mode: Record, Dir: dir, Policy: policy(), Header: "# test header\n"})
	s, err := rec.Open("features/shop/orders.feature", "Create an order")
	require.NoError(t, err)
	resp, body, err := do(t, s.Transport, "POST", srv.URL+"/api/orders?page=1", "application/json", `{"password": "`+canary+`", "name": "x"}`)
	require.NoError(t, err)
	assert.Contains(t, body, canary, "the live scenario sees real values while recording")
	assert.Contains(t, resp.Header.Get("Set-Cookie"), canary)
	require.NoError(t, s.Close(true))

	path := filepath.Join(dir, "orders", "create-an-order.yaml")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "# test header\n"))
	assert.NotContains(t, string(data), canary, "no secret reaches the cassette")
	assert.Contains(t, string(data), "portal_session=REDACTED")

	// Replay from another host: host and port are not matched; JSON formatting is not either.
	rep := NewFactory(Options{Mode: Replay, Dir: dir, Policy: policy()})
	s, err = rep.Open("features/shop/orders.feature", "Create an order")
	require.NoError(t, err)
	_, body, err = do(t, s.Transport, "POST", "http://elsewhere.invalid:9/api/orders?page=1", "application/json", `{"name":"x","password":"`+canary+`"}`)
	require.NoError(t, err)
	assert.Contains(t, body, `"n": 1`)

	// The interaction was used; a second identical request is not in the cassette.
	_, _, err = do(t, s.Transport, "POST", "http://elsewhere.invalid/api/orders?page=1", "application/json", `{"name":"x","password":"`+canary+`"}`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not in cassette")
}

func TestReplayRejectsDifferentRequests(t *testing.T) {
	srv, _ := server(t)
	dir := t.TempDir()
	rec := NewFactory(Options{Mode: Record, Dir: dir, Policy: policy()})
	s, err := rec.Open("a.feature", "s")
	require.NoError(t, err)
	_, _, err = do(t, s.Transport, "POST", srv.URL+"/api/x?a=1", "application/json", `{"name":"x"}`)
	require.NoError(t, err)
	require.NoError(t, s.Close(true))

	tests := []struct{ name, method, url, body string }{
		{"method", "PUT", "http://h/api/x?a=1", `{"name":"x"}`},
		{"path", "POST", "http://h/api/y?a=1", `{"name":"x"}`},
		{"query", "POST", "http://h/api/x?a=2", `{"name":"x"}`},
		{"body", "POST", "http://h/api/x?a=1", `{"name":"y"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewFactory(Options{Mode: Replay, Dir: dir, Policy: policy()}).Open("a.feature", "s")
			require.NoError(t, err)
			_, _, err = do(t, s.Transport, tt.method, tt.url, "application/json", tt.body)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "is not in cassette")
		})
	}
}

func TestFailedRecordingKeepsThePreviousCassette(t *testing.T) {
	srv, _ := server(t)
	dir := t.TempDir()
	f := NewFactory(Options{Mode: Record, Dir: dir, Policy: policy()})
	s, err := f.Open("a.feature", "first")
	require.NoError(t, err)
	_, _, err = do(t, s.Transport, "GET", srv.URL+"/one", "", "")
	require.NoError(t, err)
	require.NoError(t, s.Close(true))
	path := filepath.Join(dir, "a", "first.yaml")
	before, err := os.ReadFile(path)
	require.NoError(t, err)

	// A failing re-recording changes nothing.
	s, err = NewFactory(Options{Mode: Record, Dir: dir, Policy: policy()}).Open("a.feature", "first")
	require.NoError(t, err)
	_, _, err = do(t, s.Transport, "GET", srv.URL+"/two", "", "")
	require.NoError(t, err)
	require.NoError(t, s.Close(false))
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))

	// A passing re-recording replaces (does not append to) the cassette.
	s, err = NewFactory(Options{Mode: Record, Dir: dir, Policy: policy()}).Open("a.feature", "first")
	require.NoError(t, err)
	_, _, err = do(t, s.Transport, "GET", srv.URL+"/three", "", "")
	require.NoError(t, err)
	require.NoError(t, s.Close(true))
	after, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(after), "/three")
	assert.NotContains(t, string(after), "/one")
	assert.Equal(t, 1, strings.Count(string(after), "- request:"))
	leftovers, _ := filepath.Glob(filepath.Join(dir, "a", ".*"))
	assert.Empty(t, leftovers, "temporary recording files are removed")
}

func TestReplayErrors(t *testing.T) {
	dir := t.TempDir()
	f := NewFactory(Options{Mode: Replay, Dir: dir, RecordHint: "record it with: make record"})
	_, err := f.Open("features/x/a.feature", "Missing one")
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrNoCassette))
	assert.Contains(t, err.Error(), `scenario "Missing one"`)
	assert.Contains(t, err.Error(), filepath.Join(dir, "a", "missing-one.yaml"))
	assert.Contains(t, err.Error(), "make record")

	require.NoError(t, os.MkdirAll(filepath.Join(dir, "a"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", "broken.yaml"), []byte("interactions: [\n"), 0o644))
	_, err = f.Open("a.feature", "Broken")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "broken.yaml cannot be read")

	_, err = f.Open("features/x/a.feature", "missing one")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "share the cassette", "two scenarios mapping to one cassette are refused")
}

func TestReplayNeverTouchesTheNetwork(t *testing.T) {
	var hits int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { atomic.AddInt64(&hits, 1) }))
	defer srv.Close()
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "a"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", "s.yaml"), []byte("---\nversion: 1\ninteractions: []\n"), 0o644))
	f := NewFactory(Options{Mode: Replay, Dir: dir, Real: http.DefaultTransport})
	s, err := f.Open("a.feature", "s")
	require.NoError(t, err)
	_, _, err = do(t, s.Transport, "GET", srv.URL+"/x", "", "")
	require.Error(t, err)
	assert.Equal(t, int64(0), atomic.LoadInt64(&hits))
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Create a vOrg (202 + Location)": "create-a-vorg-202-location",
		"  ":                             "unnamed",
		"Page 2 of <per_page>":           "page-2-of-per-page",
	} {
		assert.Equal(t, want, Slug(in))
	}
}

func TestReplayUsesTheRecordedRunID(t *testing.T) {
	srv, _ := server(t)
	dir := t.TempDir()
	rec := NewFactory(Options{Mode: Record, Dir: dir, Policy: policy(), RunID: "cc0a1b2c3d", Header: "# test header\n"})
	s, err := rec.Open("a.feature", "named")
	require.NoError(t, err)
	assert.Equal(t, "cc0a1b2c3d", s.RunID)
	_, _, err = do(t, s.Transport, "POST", srv.URL+"/api/things", "application/json", `{"name": "`+s.RunID+`-thing"}`)
	require.NoError(t, err)
	require.NoError(t, s.Close(true))
	data, err := os.ReadFile(filepath.Join(dir, "a", "named.yaml"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "# test header run-id=cc0a1b2c3d\n"), string(data[:60]))

	// A later replay (another run, another id) names things as the recording did.
	rep := NewFactory(Options{Mode: Replay, Dir: dir, Policy: policy(), RunID: "ccffffffff"})
	s, err = rep.Open("a.feature", "named")
	require.NoError(t, err)
	assert.Equal(t, "cc0a1b2c3d", s.RunID)
	_, _, err = do(t, s.Transport, "POST", "http://h/api/things", "application/json", `{"name": "`+s.RunID+`-thing"}`)
	require.NoError(t, err)

	live := NewFactory(Options{Mode: Live, RunID: "cc12345678"})
	s, err = live.Open("a.feature", "named")
	require.NoError(t, err)
	assert.Equal(t, "cc12345678", s.RunID)
}

// TestVendorSideVarsOnlyWhereUsed shows a vendor-side fixture variable written into the
// recording of the scenario that used it, and left out of the others (which a vendor's value
// would otherwise change at every recording); replay gives it back to the scenario that used it.
func TestVendorSideVarsOnlyWhereUsed(t *testing.T) {
	srv, _ := server(t)
	dir := t.TempDir()
	vars := map[string]string{"image": "img-1", "maintenance_target": "http://127.0.0.1:4711"}
	rec := NewFactory(Options{Mode: Record, Dir: dir, Policy: policy(), Vars: vars, VendorSide: []string{"maintenance_target"}})
	for _, tt := range []struct {
		name string
		uses bool
	}{{"vendor", true}, {"user", false}} {
		s, err := rec.Open("a.feature", tt.name)
		require.NoError(t, err)
		assert.Equal(t, vars, s.Vars, "a live scenario has every variable of the run")
		if tt.uses {
			s.Use("maintenance_target")
		}
		_, _, err = do(t, s.Transport, "GET", srv.URL+"/api/things", "", "")
		require.NoError(t, err)
		require.NoError(t, s.Close(true))
	}
	rep := NewFactory(Options{Mode: Replay, Dir: dir, Policy: policy()})
	s, err := rep.Open("a.feature", "vendor")
	require.NoError(t, err)
	assert.Equal(t, vars, s.Vars)
	s, err = rep.Open("a.feature", "user")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"image": "img-1"}, s.Vars)
}
