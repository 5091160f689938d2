package ukcloud

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
// (features/ukcloud/generated.feature, from the contract and specs/ukcloud/negative.yaml) to both
// data sets, with the data set's fixture values, and expects the documented status.
func TestGeneratedConditions(t *testing.T) {
	_, scs := gentest.Load(t, "../../../specs", "ukcloud")
	for _, dataset := range []string{"", "second"} {
		c := login(t, sim.Options{Dataset: dataset})
		vars := c.s.Fixtures()
		for _, sc := range scs {
			t.Run(dataset+"/"+sc.Name, func(t *testing.T) {
				for _, rq := range sc.Requests {
					req := gentest.Request(rq, vars, "application/json")
					if rq.Auth == generate.AuthDefault {
						req.AddCookie(&http.Cookie{Name: CookieName, Value: c.cookie})
					}
					rec := httptest.NewRecorder()
					c.s.ServeHTTP(rec, req)
					assert.Equal(t, rq.Status, rec.Code, "%s %s (%s): %s", rq.Method, req.URL, sc.Condition, rec.Body.String())
				}
			})
		}
	}
}
