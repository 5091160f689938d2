package ukcloud

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// specPath is the contract this simulator answers to.
var specPath = filepath.Join("..", "..", "..", "specs", "ukcloud", "openapi.yaml")

// loadSpec loads the contract, skipping when it is absent (the spec and the
// simulator are written side by side).
func loadSpec(t *testing.T) routers.Router {
	t.Helper()
	if _, err := os.Stat(specPath); err != nil {
		t.Skipf("no contract at %s: %v", specPath, err)
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	doc, err := loader.LoadFromFile(specPath)
	require.NoError(t, err)
	require.NoError(t, doc.Validate(loader.Context, openapi3.DisableExamplesValidation()))
	doc.Servers = openapi3.Servers{{URL: "http://portal.test"}}
	router, err := legacy.NewRouter(doc)
	require.NoError(t, err)
	return router
}

// specRequests are every operation's success request plus a spread of
// documented errors and build polls.
func specRequests() []struct{ method, path, body string } {
	type req = struct{ method, path, body string }
	reqs := []req{{"POST", "/api/authenticate", `{"email":"` + DefaultUsername + `","password":"` + DefaultPassword + `"}`}}
	reqs = append(reqs, authedOps...)
	return append(reqs,
		req{"POST", "/api/authenticate", `{"email":"x@example.com"}`},
		req{"GET", "/api/accounts/2/vorgs", ""},
		req{"GET", "/api/accounts/48/vorgs/32/vdcs", ""},
		req{"GET", "/api/accounts/1/compute_services/99", ""},
		req{"GET", "/api/accounts/1/compute_services?per_page=2&page=2", ""},
		req{"GET", "/api/vorg-builds/11", ""},
		req{"GET", "/api/vorg-builds/11", ""},
		req{"GET", "/api/vdc-builds/11", ""},
		req{"GET", "/api/accounts/1/vorg-builds", ""},
		req{"GET", "/api/accounts/1/vdc-builds", ""},
		req{"GET", "/api/accounts/1/edge-gateway-builds", ""},
		req{"POST", "/api/accounts/1/vorgs", `{"data":{"type":"Vorg","attributes":{"zoneId":"Z","name":"x"}}}`},
		req{"POST", "/api/accounts/48/vorgs", `{"data":{"type":"Vorg","attributes":{"zoneId":"B","name":"x"}}}`},
		req{"GET", "/api/my_calls/NOPE", ""},
		req{"PUT", "/api/my_calls/INC1002185/close", ""},
		req{"GET", "/api/billing/billing-csv?period=bad&org_id=1-1-1-9836cf", ""},
	)
}

// violations replays specRequests against a simulator with opts and returns
// the contract violations found, keyed by request.
func violations(t *testing.T, router routers.Router, opts sim.Options) map[string]error {
	t.Helper()
	out := map[string]error{}
	c := login(t, opts)
	for _, r := range specRequests() {
		rec := c.do(r.method, r.path, r.body)
		httpReq := httptest.NewRequest(r.method, "http://portal.test"+r.path, strings.NewReader(r.body))
		httpReq.Header.Set("Content-Type", "application/json")
		route, params, err := router.FindRoute(httpReq)
		require.NoError(t, err, r.path)
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: httpReq, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}},
			Status: rec.Code, Header: rec.Header(), Body: io.NopCloser(strings.NewReader(rec.Body.String())),
			Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
		}
		if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
			out[fmt.Sprintf("%s %s -> %d %s", r.method, r.path, rec.Code, rec.Body.String())] = err
		}
	}
	return out
}

func registerCSV() {
	openapi3filter.RegisterBodyDecoder("text/csv", func(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
		b, err := io.ReadAll(body)
		return string(b), err
	})
}

// TestAnswersMatchSpec checks every operation's success answer, and a
// spread of documented errors, against the contract.
func TestAnswersMatchSpec(t *testing.T) {
	router := loadSpec(t)
	registerCSV()
	for req, err := range violations(t, router, sim.Options{}) {
		t.Errorf("%s\n  %v", req, err)
	}
}

// TestFaultsBreakSpec shows that each fault that changes single answers is
// visible to plain contract validation (paging-ignored, session-not-enforced
// and build-stuck break behaviour, not one answer's shape, and are covered
// in TestFaults and TestBuildStuck).
func TestFaultsBreakSpec(t *testing.T) {
	router := loadSpec(t)
	registerCSV()
	for _, f := range []string{FaultWrongStatus, FaultMissingRequiredField, FaultWrongType, FaultBadDateFormat,
		FaultMissingLocation, FaultWrongContentType} {
		t.Run(f, func(t *testing.T) {
			assert.NotEmpty(t, violations(t, router, sim.Options{Faults: []string{f}}))
		})
	}
}
