package ukcloud

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// client drives a simulator in-process and keeps the session cookie.
type client struct {
	t      *testing.T
	s      *Simulator
	cookie string
}

func newSim(t *testing.T, opts sim.Options) *Simulator {
	t.Helper()
	s, err := New(opts)
	require.NoError(t, err)
	return s
}

// login returns a client with a fresh session on a new simulator.
func login(t *testing.T, opts sim.Options) *client {
	t.Helper()
	c := &client{t: t, s: newSim(t, opts)}
	c.login()
	return c
}

func (c *client) login() {
	c.t.Helper()
	rec := c.do(http.MethodPost, "/api/authenticate", `{"email":"`+DefaultUsername+`","password":"`+DefaultPassword+`"}`)
	require.Equal(c.t, http.StatusCreated, rec.Code, rec.Body.String())
	for _, ck := range rec.Result().Cookies() {
		if ck.Name == CookieName {
			c.cookie = ck.Value
		}
	}
	require.NotEmpty(c.t, c.cookie)
}

func (c *client) do(method, target, body string) *httptest.ResponseRecorder {
	c.t.Helper()
	var req *http.Request
	if body == "" {
		req = httptest.NewRequest(method, target, nil)
	} else {
		req = httptest.NewRequest(method, target, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: CookieName, Value: c.cookie})
	}
	rec := httptest.NewRecorder()
	c.s.ServeHTTP(rec, req)
	return rec
}

func (c *client) get(target string) *httptest.ResponseRecorder {
	return c.do(http.MethodGet, target, "")
}

// decode parses a JSON body into a generic value.
func decode(t *testing.T, rec *httptest.ResponseRecorder) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &v), rec.Body.String())
	return v
}

func obj(v any) map[string]any { return v.(map[string]any) }
func arr(v any) []any          { return v.([]any) }

// dig walks objects and arrays by keys and indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}
