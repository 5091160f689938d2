package vcr

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dnaeon/go-vcr/v2/cassette"

	"github.com/cloudcontract/cloudcontract/harness/redact"
)

// FuzzReadRecording: any file either reads or fails with an error naming the file.
func FuzzReadRecording(f *testing.F) {
	f.Add([]byte("# cloudcontract cassette: api=x spec-sha256=ab\n---\nversion: 1\ninteractions:\n    - request:\n        url: http://h/a\n        method: GET\n      response:\n        code: 200\n"))
	f.Add([]byte("version: 1\ninteractions: []\n"))
	f.Add([]byte("version: 2\n"))
	f.Add([]byte("interactions: [{request: {}}]\n"))
	f.Add([]byte("\x00\xff: ["))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "c.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := ReadRecording(path)
		if err != nil {
			if !bytes.Contains([]byte(err.Error()), []byte(path)) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, in := range r.Interactions {
			if _, err := Exchange(in); err != nil && in.Request.URL != "" {
				_ = err // an unparsable URL is reported by callers with the file name
			}
		}
	})
}

// FuzzMatch: the matcher never panics, and a request always matches the recording made of it
// (redaction is applied the same way on both sides).
func FuzzMatch(f *testing.F) {
	f.Add("POST", "/api/x?b=2&a=1&password=secret", "application/json", `{"password": "s3cret-1", "name": "x"}`)
	f.Add("GET", "/oec/0.9/org/server/1?delete", "", "")
	f.Add("PUT", "/p", "application/x-www-form-urlencoded", "token=abc&x=1")
	f.Add("POST", "/p", "application/xml", `<a><password>p</password></a>`)
	f.Fuzz(func(t *testing.T, method, target, ct, body string) {
		req, err := http.NewRequest(method, "http://host"+target, bytes.NewReader([]byte(body)))
		if err != nil {
			return
		}
		req.Header.Set("Content-Type", ct)
		req = req.WithContext(context.WithValue(req.Context(), bodyKey{}, []byte(body)))
		p := redact.New()
		rec := cassette.Request{Method: req.Method, URL: p.URL(req.URL.String()), Body: string(p.Body(ct, []byte(body)))}
		m := newMatcher(p)
		if !m.match(req, rec) {
			t.Fatalf("a request does not match its own recording: %s %s %q", method, target, body)
		}
		_ = m.match(req, cassette.Request{Method: method, URL: "::", Body: body})
	})
}

// FuzzCompare: comparing two recordings never panics, and a recording compared with itself, or
// with itself recorded at another port and run id, has no change.
func FuzzCompare(f *testing.F) {
	f.Add("application/json", `{"id":"3f78f9db-be9b-4517-a013-f1a6e39d5f5d","n":[1,2]}`, `{"id":"7e1ef55a-1361-4899-a928-5154c99e5005","n":[1]}`)
	f.Add("application/xml", `<a x="1"><b>t</b><b>u</b></a>`, `<a><b>t</b></a>`)
	f.Add("text/csv", "a,b\n1,2\n", "a,b\n")
	f.Add("application/x-www-form-urlencoded", "a=1&a=2", "a=%zz")
	f.Fuzz(func(t *testing.T, ct, oldBody, newBody string) {
		snap := func(port, runID, body string) *Snapshot {
			in := &cassette.Interaction{
				Request:  cassette.Request{Method: "POST", URL: "http://127.0.0.1:" + port + "/api/" + runID, Body: body, Headers: http.Header{"Content-Type": {ct}}},
				Response: cassette.Response{Code: 200, Body: body, Headers: http.Header{"Content-Type": {ct}}},
			}
			return &Snapshot{Name: "f.yaml", Header: Header{RunID: runID}, Interactions: []*cassette.Interaction{in}}
		}
		_ = Compare(snap("1", "cc00000001", oldBody), snap("2", "cc00000002", newBody))
		if c := Compare(snap("1", "cc00000001", oldBody), snap("1", "cc00000001", oldBody)); !c.Same() {
			t.Fatalf("a recording differs from itself: %v", c.Changes)
		}
		if strings.Contains(oldBody, "cc0000000") {
			return
		}
		if c := Compare(snap("1", "cc00000001", oldBody), snap("2", "cc00000002", oldBody)); !c.Same() {
			t.Fatalf("a recording differs from itself at another port and run id: %v", c.Changes)
		}
	})
}
