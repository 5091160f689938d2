package cloudcontrol

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	negative "github.com/cloudcontract/cloudcontract/harness/generate"
	"github.com/cloudcontract/cloudcontract/harness/generate/gentest"
	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// TestGeneratedConditions sends every request of every generated negative scenario
// (features/cloudcontrol/generated.feature, from the contract, harness.yaml's credential roles and
// specs/cloudcontrol/negative.yaml) to both data sets: each condition is a subtest. The default
// data set answers the document's first answer; where the document allows two, the second data
// set answers the other one.
func TestGeneratedConditions(t *testing.T) {
	api, scs := gentest.Load(t, "../../../specs", "cloudcontrol")
	conditions := map[string]bool{}
	for _, dataset := range []string{sim.DatasetDefault, sim.DatasetSecond} {
		s := newSim(t, sim.Options{Dataset: dataset})
		at := map[string]*Simulator{MaintenanceFixture: newSim(t, sim.Options{Dataset: dataset, Maintenance: true})}
		vars := s.Fixtures()
		vars["run_id"] = "ccgen" // what a run names its resources after
		for _, sc := range scs {
			conditions[sc.Condition] = true
			t.Run(dataset+"/"+sc.Name, func(t *testing.T) {
				for _, rq := range sc.Requests {
					req := gentest.Request(rq, vars, "")
					if c, ok := api.Harness.Credentials[rq.Auth]; ok {
						req.SetBasicAuth(c.Username, c.Password)
					}
					rec := httptest.NewRecorder()
					if rq.At != "" {
						require.Contains(t, at, rq.At, "the vendor-side fixture of a simulator's mode")
						at[rq.At].ServeHTTP(rec, req)
					} else {
						s.ServeHTTP(rec, req)
					}
					want, code := rq.Status, ""
					if len(rq.Reasons) > 0 {
						code = rq.Reasons[0]
					}
					if rq.Alternative != 0 && dataset == sim.DatasetSecond {
						want, code = rq.Alternative, rq.Reasons[len(rq.Reasons)-1]
					}
					assert.Equal(t, want, rec.Code, "%s %s (%s): %s", rq.Method, rq.Path, sc.Condition, rec.Body.String())
					if code != "" {
						assert.Contains(t, rec.Body.String(), "<resultCode>"+code+"</resultCode>", "%s %s (%s)", rq.Method, rq.Path, sc.Condition)
					}
					if rq.Status == http.StatusUnauthorized {
						assert.Contains(t, rec.Header().Get("WWW-Authenticate"), "Basic realm=")
					}
				}
			})
		}
	}
	for _, c := range []string{negative.NoCredentials + ", " + negative.WrongCredentials, negative.RoleLacking, negative.ForeignID,
		negative.UnknownID, negative.MalformedBody, negative.WrongStructure, "vendor side: the whole system's scheduled maintenance"} {
		assert.True(t, conditions[c], "no generated scenario of %s", c)
	}
}
