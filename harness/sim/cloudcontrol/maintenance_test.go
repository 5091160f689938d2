package cloudcontrol

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// TestMaintenanceAnswersEveryURL: in maintenance (sim.Options.Maintenance) every operation of the
// contract, with or without credentials, and a URL no operation has, answers what document line
// 424 says: HTTP 503 and a <Status> XML of REASON_5, which conforms to the contract; the
// organization is not touched (the system is down).
func TestMaintenanceAnswersEveryURL(t *testing.T) {
	_, v := loadAPI(t)
	param := regexp.MustCompile(`\{[^}]+\}`)
	for _, dataset := range sim.Datasets() {
		s := newSim(t, sim.Options{Maintenance: true, Dataset: dataset})
		for _, op := range operations {
			path := param.ReplaceAllString(op.PathKey, "00000000-0000-0000-0000-00000000cc00")
			for _, auth := range []bool{true, false} {
				req := httptest.NewRequest(op.Method, path, nil)
				if auth {
					req.SetBasicAuth(DefaultUsername, DefaultPassword)
				}
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				require.Equal(t, http.StatusServiceUnavailable, rec.Code, "%s %s (credentials %v): %s", op.Method, path, auth, rec.Body.String())
				assert.Contains(t, rec.Header().Get("Content-Type"), "application/xml")
				assert.Contains(t, rec.Body.String(), "<resultCode>REASON_5</resultCode>")
				assert.Contains(t, rec.Body.String(), "<operation>"+escape(op.Title)+"</operation>")
				u, _ := url.Parse(path)
				x := &validate.Exchange{Method: op.Method, URL: u, Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
				assert.NoError(t, v.Validate(x), "%s %s", op.Method, path)
			}
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/oec/0.9/nothing/here", nil))
		assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
		assert.Contains(t, rec.Body.String(), "<resultCode>REASON_5</resultCode>")
	}

	normal := newClient(t, sim.Options{})
	assert.Equal(t, http.StatusOK, normal.send(get("/oec/0.9/myaccount")).Code, "out of maintenance, the API answers")
}
