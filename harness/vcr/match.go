package vcr

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"

	"github.com/dnaeon/go-vcr/v2/cassette"

	"github.com/cloudcontract/cloudcontract/harness/redact"
)

// matcher compares a live request with a recorded one: method, path and query (never host or
// port), and body, after applying the same redaction the cassette went through. JSON and form
// bodies are compared by value, so formatting does not matter.
type matcher struct {
	policy *redact.Policy
}

func newMatcher(p *redact.Policy) *matcher { return &matcher{policy: p} }

func (m *matcher) match(r *http.Request, rec cassette.Request) bool {
	if !strings.EqualFold(r.Method, rec.Method) {
		return false
	}
	ru, err := url.Parse(rec.URL)
	if err != nil {
		return false
	}
	if r.URL.EscapedPath() != ru.EscapedPath() && r.URL.Path != ru.Path {
		return false
	}
	if canonicalQuery(m.policy.Query(r.URL.RawQuery)) != canonicalQuery(ru.RawQuery) {
		return false
	}
	body, _ := r.Context().Value(bodyKey{}).([]byte)
	ct := r.Header.Get("Content-Type")
	return sameBody(ct, m.policy.Body(ct, body), []byte(rec.Body))
}

// canonicalQuery sorts parameters; a marker without a value (?delete) equals ?delete=.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		k, v, _ := strings.Cut(p, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		parts[i] = k + "=" + v
	}
	sort.Strings(parts)
	return strings.Join(parts, "&")
}

func sameBody(contentType string, live, recorded []byte) bool {
	if bytes.Equal(live, recorded) {
		return true
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case strings.HasSuffix(mt, "json"):
		var a, b any
		if json.Unmarshal(live, &a) != nil || json.Unmarshal(recorded, &b) != nil {
			return false
		}
		return reflect.DeepEqual(a, b)
	case mt == "application/x-www-form-urlencoded":
		a, err1 := url.ParseQuery(string(live))
		b, err2 := url.ParseQuery(string(recorded))
		return err1 == nil && err2 == nil && reflect.DeepEqual(a, b)
	default:
		return bytes.Equal(bytes.TrimSpace(live), bytes.TrimSpace(recorded))
	}
}
