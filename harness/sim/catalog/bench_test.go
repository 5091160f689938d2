package catalog

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// BenchmarkSimulators measures the handling of one typical read per simulator, in process.
func BenchmarkSimulators(b *testing.B) {
	cases := []struct {
		api, path string
		auth      func(*http.Request)
	}{
		{"ukcloud", "/api/accounts", nil},
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
			if c.auth != nil {
				c.auth(req)
			} else {
				login(b, s, req)
			}
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

// login opens a UKCloud session on the simulator and gives its cookie to req.
func login(b *testing.B, s http.Handler, req *http.Request) {
	l := httptest.NewRequest("POST", "/api/authenticate", strings.NewReader(`{"email": "api.user@example.com", "password": "portal-sim-password"}`))
	l.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, l)
	if rec.Code != 201 && rec.Code != 200 {
		b.Fatalf("login: %d %s", rec.Code, rec.Body.String())
	}
	for _, c := range rec.Result().Cookies() {
		req.AddCookie(c)
	}
}
