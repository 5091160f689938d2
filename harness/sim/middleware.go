package sim

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// WithLatency delays every answer by d before h runs, to model a slow API in
// performance tests. A request whose context ends first is abandoned with 503.
// d <= 0 returns h unchanged.
func WithLatency(d time.Duration, h http.Handler) http.Handler {
	if d <= 0 {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			h.ServeHTTP(w, r)
		case <-r.Context().Done():
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
}

// secretWords mark query parameters whose values never reach the access log.
// Matching is by substring of the lower-cased name, so api_key, X-Auth-Token
// and sessionId are all caught.
var secretWords = []string{"pass", "secret", "token", "key", "auth", "session", "signature", "sig", "credential", "cookie", "code"}

// IsSecretName reports whether a parameter or header name looks like it
// carries a secret.
func IsSecretName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range secretWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// RedactedTarget returns the request path and query for logging: values of
// secret-looking query parameters are replaced with REDACTED, parameters keep
// their names and are sorted so the line is stable.
func RedactedTarget(u *url.URL) string {
	path := u.EscapedPath()
	if u.RawQuery == "" {
		return path
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return path + "?REDACTED-UNPARSEABLE-QUERY"
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		for _, v := range q[k] {
			if IsSecretName(k) {
				v = "REDACTED"
			}
			parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	return path + "?" + strings.Join(parts, "&")
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

// WriteHeader records the status before passing it on.
func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

// Write implements io.Writer.
func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// WithAccessLog writes one line per request to out:
//
//	METHOD TARGET STATUS BYTES DURATION
//
// It never logs header values (so no Authorization, Cookie or Set-Cookie),
// never logs request or response bodies (so no password or token fields), and
// redacts the values of secret-looking query parameters. Lines are written
// whole under a lock, so concurrent requests do not interleave.
func WithAccessLog(out io.Writer, h http.Handler) http.Handler {
	var mu sync.Mutex
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		line := fmt.Sprintf("%s %s %d %d %s\n", r.Method, RedactedTarget(r.URL), status, rec.bytes, time.Since(start).Round(time.Microsecond))
		mu.Lock()
		defer mu.Unlock()
		_, _ = io.WriteString(out, line)
	})
}

// contextKey is the type of this package's context keys.
type contextKey string

// WithValue is a small helper for simulators that carry per-request values
// (such as the authenticated user) from an auth wrapper to the handler.
func WithValue(r *http.Request, key string, v any) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), contextKey(key), v))
}

// Value returns a value stored by WithValue, or nil.
func Value(r *http.Request, key string) any {
	return r.Context().Value(contextKey(key))
}
