package vcr

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/callback"
)

// stableServer answers like an API: a generated id and the run id's name echoed back, a Date
// header, and a state that the test can switch (a real change).
func stableServer(t *testing.T, state *atomic.Value) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost {
			b := make([]byte, 16)
			_, _ = rand.Read(b)
			id := fmt.Sprintf("%x-%x-%x-%x-%x", b[:4], b[4:6], b[6:8], b[8:10], b[10:])
			w.Header().Set("Location", "http://"+r.Host+"/api/things/"+id)
			w.WriteHeader(http.StatusCreated)
			fmt.Fprintf(w, `{"id": %q}`, id)
			return
		}
		fmt.Fprintf(w, `{"path": %q, "state": %q}`, r.URL.Path, state.Load().(string))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// recordOnce records two scenarios in one run (a fresh run id and receiver each time): "create"
// creates a thing and reads it back, "read" reads a fixed one; both get one callback.
func recordOnce(t *testing.T, dir, runID, specHash string, srv *httptest.Server) {
	t.Helper()
	recv, err := callback.Start("127.0.0.1:0", "")
	require.NoError(t, err)
	defer recv.Close()
	f := NewFactory(Options{Mode: Record, Dir: dir, Policy: policy(), RunID: runID, Receiver: recv,
		Header: "# cloudcontract test cassette: api=x spec-sha256=" + specHash + "\n", Vars: map[string]string{"org": "o1"}})
	for _, name := range []string{"create", "read"} {
		s, err := f.Open("a.feature", name)
		require.NoError(t, err)
		target := "/api/things/fixed"
		if name == "create" {
			_, body, err := do(t, s.Transport, "POST", srv.URL+"/api/things", "application/json", `{"name": "`+s.RunID+`-thing"}`)
			require.NoError(t, err)
			target = "/api/things/" + strings.Split(body, `"`)[3]
		}
		_, _, err = do(t, s.Transport, "GET", srv.URL+target, "", "")
		require.NoError(t, err)
		resp, err := http.Post(s.CallbackBase+"/Callback", "application/json", strings.NewReader(`{"name": "`+s.RunID+`-thing"}`))
		require.NoError(t, err)
		resp.Body.Close()
		require.NoError(t, s.Close(true))
	}
}

func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			out[p] = string(data)
		}
		return nil
	}))
	return out
}

func TestReRecordKeepsUnchangedFilesByteForByte(t *testing.T) {
	var state atomic.Value
	state.Store("on")
	dir := t.TempDir()
	recordOnce(t, dir, "cc00000001", "aaaa", stableServer(t, &state))
	first := snapshotDir(t, dir)
	require.Len(t, first, 4, "two cassettes and their callbacks")

	// Another run: another server (port), run id, receiver, Date and generated ids.
	recordOnce(t, dir, "cc00000002", "aaaa", stableServer(t, &state))
	assert.Equal(t, first, snapshotDir(t, dir))
	assert.Contains(t, first[filepath.Join(dir, "a", "create.yaml")], "Location:", "the generated id is in the recording")

	// The contract changed, the answers did not: the old recordings stay, with the new hash.
	recordOnce(t, dir, "cc00000003", "bbbb", stableServer(t, &state))
	for p, data := range snapshotDir(t, dir) {
		assert.Equal(t, strings.Replace(first[p], "spec-sha256=aaaa", "spec-sha256=bbbb", 1), data, p)
	}

	// A real change rewrites the scenarios it touches, cassette and callbacks together.
	state.Store("off")
	recordOnce(t, dir, "cc00000004", "bbbb", stableServer(t, &state))
	after := snapshotDir(t, dir)
	for p, data := range after {
		assert.Contains(t, data, "run-id=cc00000004", "%s: both scenarios read the state", p)
		assert.NotContains(t, data, "cc00000001")
	}
}

func TestReRecordKeepsNothingOfAChangedScenario(t *testing.T) {
	var state atomic.Value
	state.Store("on")
	dir := t.TempDir()
	recordOnce(t, dir, "cc00000001", "aaaa", stableServer(t, &state))
	// The fixture variables changed: a change, even though the answers are the same.
	recv, err := callback.Start("127.0.0.1:0", "")
	require.NoError(t, err)
	defer recv.Close()
	f := NewFactory(Options{Mode: Record, Dir: dir, Policy: policy(), RunID: "cc00000002", Receiver: recv,
		Header: "# cloudcontract test cassette: api=x spec-sha256=aaaa\n", Vars: map[string]string{"org": "o2"}})
	s, err := f.Open("a.feature", "read")
	require.NoError(t, err)
	_, _, err = do(t, s.Transport, "GET", stableServer(t, &state).URL+"/api/things/fixed", "", "")
	require.NoError(t, err)
	require.NoError(t, s.Close(true))
	data, err := os.ReadFile(filepath.Join(dir, "a", "read.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "run-id=cc00000002")
	assert.Contains(t, string(data), "# vars: org=o2")
	_, err = os.Stat(filepath.Join(dir, "a", "read.callbacks.yaml"))
	assert.True(t, os.IsNotExist(err), "no callback this time: the old recording of callbacks goes with the old cassette")
}
