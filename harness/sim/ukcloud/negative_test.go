package ukcloud

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/generate"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// TestGeneratedConditions sends every request of every generated negative scenario
// (features/ukcloud/generated.feature, from the contract and specs/ukcloud/negative.yaml) to both
// data sets, with the data set's fixture values, and expects the documented status.
func TestGeneratedConditions(t *testing.T) {
	api, err := spec.NewRegistry("../../../specs").Get("ukcloud")
	require.NoError(t, err)
	tbl, err := generate.LoadTable(filepath.Join("../../../specs", "ukcloud"))
	require.NoError(t, err)
	scs, err := generate.Scenarios(api, tbl)
	require.NoError(t, err)
	require.NotEmpty(t, scs)
	for _, dataset := range []string{"", "second"} {
		c := login(t, sim.Options{Dataset: dataset})
		vars := c.s.Fixtures()
		for _, sc := range scs {
			t.Run(dataset+"/"+sc.Name, func(t *testing.T) {
				for _, rq := range sc.Requests {
					req := httptest.NewRequest(rq.Method, generate.Expand(rq.Path, vars), strings.NewReader(generate.Expand(rq.Body, vars)))
					req.Header.Set("Accept", "application/json")
					if rq.ContentType != "" {
						req.Header.Set("Content-Type", rq.ContentType)
					}
					if rq.Auth == generate.AuthDefault {
						req.AddCookie(&http.Cookie{Name: CookieName, Value: c.cookie})
					}
					for _, h := range rq.Headers {
						req.Header.Set(h.Name, h.Value)
					}
					rec := httptest.NewRecorder()
					c.s.ServeHTTP(rec, req)
					assert.Equal(t, rq.Status, rec.Code, "%s %s (%s): %s", rq.Method, req.URL, sc.Condition, rec.Body.String())
				}
			})
		}
	}
}
