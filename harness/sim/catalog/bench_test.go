package catalog

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// BenchmarkSimulators measures the handling of one typical read per simulator, in process.
func BenchmarkSimulators(b *testing.B) {
	cases := []struct {
		api, path string
		auth      func(*http.Request)
	}{
		{"cloudcontrol", "/oec/0.9/1831c1a9-9c03-44df-a5a4-f2a4662d6bde/serverWithState?pageSize=5", func(r *http.Request) { r.SetBasicAuth("primary.admin", "cloud-sim-password") }},
		{"esc", "/ESCManager/v0/tenants", func(r *http.Request) { r.SetBasicAuth("admin", "esc-sim-password") }},
		{"cam", "/cam/composer/api/v1/ServiceInstances?tenantId=c26b3dd4-4e74-4545-8ac9-bc30a6167b33&ace_orgGuid=all&cloudOE_spaceGuid=cc-dev", func(r *http.Request) { r.Header.Set("Authorization", "Bearer cam-sim-bearer-token-4f1c2a") }},
	}
	for _, c := range cases {
		b.Run(c.api, func(b *testing.B) {
			e, err := Lookup(c.api)
			if err != nil {
				b.Fatal(err)
			}
			s, err := e.New(sim.Options{})
			if err != nil {
				b.Fatal(err)
			}
			req := httptest.NewRequest("GET", c.path, nil)
			c.auth(req)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatalf("%s: %d %s", c.path, rec.Code, rec.Body.String())
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
			}
		})
	}
}
