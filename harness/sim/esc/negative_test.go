package esc

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/generate"
	"github.com/cloudcontract/cloudcontract/harness/generate/gentest"
	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// TestGeneratedConditions sends every request of every generated negative scenario
// (features/esc/generated.feature, from the contract and specs/esc/negative.yaml) to both data
// sets and expects the documented status: each condition is a subtest. A vendor-side request goes
// to a simulator in the state its fixture names, and is answered without a notification.
func TestGeneratedConditions(t *testing.T) {
	_, scs := gentest.Load(t, "../../../specs", "esc")
	conditions := map[string]bool{}
	for _, dataset := range []string{sim.DatasetDefault, sim.DatasetSecond} {
		s := newSim(t, sim.Options{Dataset: dataset})
		at := map[string]*Simulator{}
		for _, v := range VendorStates() {
			at[v.Fixture] = newSim(t, sim.Options{Dataset: dataset, VendorState: v.Name})
		}
		rc := newReceiver(t)
		for _, sc := range scs {
			conditions[sc.Condition] = true
			t.Run(dataset+"/"+sc.Name, func(t *testing.T) {
				for _, rq := range sc.Requests {
					req := gentest.Request(rq, nil, "application/xml")
					if rq.Auth == generate.AuthDefault {
						req.SetBasicAuth(DefaultUsername, DefaultPassword)
					}
					rec := httptest.NewRecorder()
					if rq.At != "" {
						require.Contains(t, at, rq.At, "the vendor-side fixture of a simulator's state")
						req.Header.Set("Callback", rc.cb())
						at[rq.At].ServeHTTP(rec, req)
						at[rq.At].Wait()
						assert.Empty(t, rc.take(), "a refused request is not notified")
					} else {
						s.ServeHTTP(rec, req)
					}
					assert.Equal(t, rq.Status, rec.Code, "%s %s (%s): %s", rq.Method, rq.Path, sc.Condition, rec.Body.String())
					if rq.Status == http.StatusUnauthorized {
						assert.Contains(t, rec.Header().Get("WWW-Authenticate"), "Basic realm=")
					}
				}
			})
		}
	}
	for _, v := range []string{"a VIM ESC cannot reach", "a failure inside ESC", "a VIM part of a service registration"} {
		assert.True(t, conditions["vendor side: "+v], "no generated scenario of vendor side: %s", v)
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
