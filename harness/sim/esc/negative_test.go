package esc

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cloudcontract/cloudcontract/harness/generate"
	"github.com/cloudcontract/cloudcontract/harness/generate/gentest"
	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// TestGeneratedConditions sends every request of every generated negative scenario
// (features/esc/generated.feature, from the contract and specs/esc/negative.yaml) to both data
// sets and expects the documented status: each condition is a subtest.
func TestGeneratedConditions(t *testing.T) {
	_, scs := gentest.Load(t, "../../../specs", "esc")
	for _, dataset := range []string{"", "second"} {
		s := newSim(t, sim.Options{Dataset: dataset})
		for _, sc := range scs {
			t.Run(dataset+"/"+sc.Name, func(t *testing.T) {
				for _, rq := range sc.Requests {
					req := gentest.Request(rq, nil, "application/xml")
					if rq.Auth == generate.AuthDefault {
						req.SetBasicAuth(DefaultUsername, DefaultPassword)
					}
					rec := httptest.NewRecorder()
					s.ServeHTTP(rec, req)
					assert.Equal(t, rq.Status, rec.Code, "%s %s (%s): %s", rq.Method, rq.Path, sc.Condition, rec.Body.String())
					if rq.Status == http.StatusUnauthorized {
						assert.Contains(t, rec.Header().Get("WWW-Authenticate"), "Basic realm=")
					}
				}
			})
		}
	}
}

// TestAcceptable shows the negotiation of a representation: XML and JSON (and wildcards) pass,
// anything else answers 406.
func TestAcceptable(t *testing.T) {
	for accept, want := range map[string]bool{
		"": true, "application/xml": true, "application/json;q=0.9": true, "*/*": true,
		"text/csv": false, "text/html, image/png": false, "application/yang-data+xml": true,
	} {
		assert.Equal(t, want, acceptable(accept), accept)
	}
}
