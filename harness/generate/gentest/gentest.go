// Package gentest helps a simulator's tests send the generated negative scenarios of its API: it
// loads them from the contract and the API's table, and builds each request as the harness would
// send it. Credentials and Accept are left to the caller, who knows its API's.
package gentest

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/generate"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// Load reads the contract of api and its negative table from the specs folder and generates its
// scenarios; it fails the test when there are none.
func Load(t testing.TB, specs, api string) (*spec.API, []generate.Scenario) {
	t.Helper()
	a, err := spec.NewRegistry(specs).Get(api)
	require.NoError(t, err)
	tbl, err := generate.LoadTable(filepath.Join(specs, api))
	require.NoError(t, err)
	scs, err := generate.Scenarios(a, tbl)
	require.NoError(t, err)
	require.NotEmpty(t, scs)
	return a, scs
}

// Request builds rq for a simulator's handler: its path and body with vars expanded, the API's
// Accept ("" none), its Content-Type and its extra headers (which win over Accept, as a generated
// condition on Accept needs).
func Request(rq generate.Request, vars map[string]string, accept string) *http.Request {
	req := httptest.NewRequest(rq.Method, generate.Expand(rq.Path, vars), strings.NewReader(generate.Expand(rq.Body, vars)))
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if rq.ContentType != "" {
		req.Header.Set("Content-Type", rq.ContentType)
	}
	for _, h := range rq.Headers {
		req.Header.Set(h.Name, h.Value)
	}
	return req
}
