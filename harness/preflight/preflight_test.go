package preflight_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/preflight"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// toy is a small API whose harness.yaml has a probe, a role path and three fixtures (two
// discoverable, one chained on the other, one only settable).
type toy struct {
	zones     string // JSON of /api/zones
	probe     int    // status of /api/me (0: 200)
	html      bool   // /api/me answers an HTML page
	adminDeny bool   // /api/admin answers 403
	rootRoles string // the roles /api/me lists for root (JSON; "" the declared ones)
}

func (ty toy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	users := map[string]string{"user": "user-pw", "root": "root-pw"}
	u, p, ok := r.BasicAuth()
	if !ok || users[u] != p {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.URL.Path == "/api/me" && ty.html:
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html>router admin</html>"))
	case r.URL.Path == "/api/me" && ty.probe != 0:
		w.WriteHeader(ty.probe)
	case r.URL.Path == "/api/me" && u == "root":
		roles := ty.rootRoles
		if roles == "" {
			roles = `[{"name":"operator"}]`
		}
		_, _ = w.Write([]byte(`{"name":"root","roles":` + roles + `}`))
	case r.URL.Path == "/api/me":
		_ = json.NewEncoder(w).Encode(map[string]string{"name": u})
	case r.URL.Path == "/api/admin" && (u != "root" || ty.adminDeny):
		w.WriteHeader(http.StatusForbidden)
	case r.URL.Path == "/api/admin":
		_, _ = w.Write([]byte(`{}`))
	case r.URL.Path == "/api/zones":
		_, _ = w.Write([]byte(ty.zones))
	case r.URL.Path == "/api/zones/z-2/images":
		_, _ = w.Write([]byte(`[{"id":"img-9"}]`))
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

const openZones = `{"zones":[{"name":"z-1","state":"closed"},{"name":"z-2","state":"open"}]}`

func load(t *testing.T) *spec.API {
	t.Helper()
	api, err := spec.Load("testdata/toy")
	require.NoError(t, err)
	return api
}

func good() map[string]spec.Credential {
	return map[string]spec.Credential{"default": {Username: "user", Password: "user-pw"}, "admin": {Username: "root", Password: "root-pw"}}
}

func TestPreflight(t *testing.T) {
	api := load(t)
	tests := []struct {
		name   string
		server http.Handler
		tls    bool
		target string
		creds  map[string]spec.Credential
		vars   map[string]string
		kinds  []preflight.Kind
		msgs   []string
	}{
		{name: "a conforming target passes", server: toy{zones: openZones}, creds: good(), vars: map[string]string{"tenant": "t-1"}},
		{name: "unreachable", target: "http://127.0.0.1:1", creds: good(), vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.Unreachable}, msgs: []string{"cannot reach the toy target: 127.0.0.1:1 refused or dropped the connection"}},
		{name: "untrusted certificate", server: toy{zones: openZones}, tls: true, creds: good(), vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.TLS}, msgs: []string{"give --ca-cert FILE"}},
		{name: "plain HTTP spoken to a TLS target", server: toy{zones: openZones}, creds: good(), vars: map[string]string{"tenant": "t"}, target: "https-of-plain",
			kinds: []preflight.Kind{preflight.TLS}, msgs: []string{"does not speak TLS"}},
		{name: "a set not configured", server: toy{zones: openZones}, creds: map[string]spec.Credential{"default": good()["default"]}, vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.CredentialsMissing}, msgs: []string{`credential set "admin" of toy is not configured: set CLOUDCONTRACT_TOY_ADMIN_USERNAME and CLOUDCONTRACT_TOY_ADMIN_PASSWORD`}},
		{name: "a set rejected", server: toy{zones: openZones}, creds: map[string]spec.Credential{"default": good()["default"], "admin": {Username: "root", Password: "wrong"}}, vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.CredentialsDenied}, msgs: []string{`credentials of set "admin" rejected: getAdmin (GET /api/admin) answered 401: set CLOUDCONTRACT_TOY_ADMIN_USERNAME`}},
		{name: "a set without its role", server: toy{zones: openZones, adminDeny: true}, creds: good(), vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.RoleMissing}, msgs: []string{`credential set "admin" lacks the role its scenarios need: getAdmin (GET /api/admin) answered 403`}},
		{name: "a set holding a role more than declared", server: toy{zones: openZones, rootRoles: `[{"name":"operator"},{"name":"auditor"}]`}, creds: good(), vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.RoleMissing}, msgs: []string{`credential set "admin" holds the roles [auditor, operator], harness.yaml declares [operator]`}},
		{name: "a set without the role declared", server: toy{zones: openZones, rootRoles: `[]`}, creds: good(), vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.RoleMissing}, msgs: []string{`credential set "admin" holds the roles [], harness.yaml declares [operator]`}},
		{name: "another API answers 404", server: toy{zones: openZones, probe: http.StatusNotFound}, creds: good(), vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.NotThisAPI}, msgs: []string{"the target answered 404 to getMe (GET /api/me): is it a Toy API endpoint?"}},
		{name: "a web page answers", server: toy{zones: openZones, html: true}, creds: good(), vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.NotThisAPI}, msgs: []string{`with Content-Type "text/html", not a media type the contract documents: is it a Toy API endpoint?`}},
		{name: "a fixture nothing gives", server: toy{zones: openZones}, creds: good(),
			kinds: []preflight.Kind{preflight.FixtureUnresolved}, msgs: []string{`fixture "tenant" of toy is not set (the tenant of the default credentials (no operation lists it)): set CLOUDCONTRACT_TOY_VAR_TENANT=VALUE, or --var tenant=VALUE`}},
		{name: "a fixture discovery finds nothing", server: toy{zones: `{"zones":[{"name":"z-1","state":"closed"}]}`}, creds: good(), vars: map[string]string{"tenant": "t"},
			kinds: []preflight.Kind{preflight.FixtureUnresolved, preflight.FixtureUnresolved}, msgs: []string{`fixture "zone" of toy (an open zone) could not be discovered: GET /api/zones: none of the 1 items has /state = "open"`, `fixture "image"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := tt.target
			if tt.server != nil {
				var srv *httptest.Server
				if tt.tls {
					srv = httptest.NewTLSServer(tt.server)
				} else {
					srv = httptest.NewServer(tt.server)
				}
				t.Cleanup(srv.Close)
				if target == "https-of-plain" {
					target = strings.Replace(srv.URL, "http://", "https://", 1)
				} else {
					target = srv.URL
				}
			}
			rep := preflight.Run(context.Background(), preflight.Config{API: api, Target: target, Credentials: tt.creds, Vars: tt.vars, Timeout: 5 * time.Second})
			var kinds []preflight.Kind
			var msgs []string
			for _, p := range rep.Problems {
				kinds = append(kinds, p.Kind)
				msgs = append(msgs, p.Message)
			}
			assert.Equal(t, tt.kinds, kinds, "problems: %q", msgs)
			for i, want := range tt.msgs {
				if assert.Less(t, i, len(msgs)) {
					assert.Contains(t, msgs[i], want)
				}
			}
			if len(tt.kinds) == 0 {
				assert.True(t, rep.OK())
				assert.Equal(t, map[string]string{"zone": "z-2", "image": "img-9", "tenant": "t-1"}, rep.Vars, "discovered, chained and given fixtures")
				assert.NoError(t, rep.Err("toy"))
			} else {
				assert.Error(t, rep.Err("toy"))
			}
			for _, m := range msgs {
				assert.NotContains(t, m, "root-pw", "a password in a message")
				assert.NotContains(t, m, "user-pw", "a password in a message")
			}
		})
	}
}

// TestPreflightChecksOnlyWhatIsSelected: a run whose scenarios use only the default set and no
// fixture does not need the others.
func TestPreflightChecksOnlyWhatIsSelected(t *testing.T) {
	srv := httptest.NewServer(toy{zones: openZones})
	t.Cleanup(srv.Close)
	rep := preflight.Run(context.Background(), preflight.Config{API: load(t), Target: srv.URL,
		Credentials: map[string]spec.Credential{"default": good()["default"]}, Sets: []string{"default"}, Fixtures: []string{}})
	assert.True(t, rep.OK(), "%v", rep.Problems)
	assert.Empty(t, rep.Vars)
}

// TestPreflightOptionalFixtures: an optional fixture discovery does not find (and one discovered
// through it) is no problem, its scenarios are reported not run, and the preflight says so; one
// the cloud holds is discovered; a discovery that fails otherwise (an error answer) still stops
// the run.
func TestPreflightOptionalFixtures(t *testing.T) {
	tests := []struct {
		name    string
		zones   string
		vars    map[string]string
		checks  []string
		problem string
	}{
		{name: "none in the cloud", zones: openZones, checks: []string{
			"toy: fixture zone_busy is not set: the scenarios needing it will not run (the cloud holds no zone_busy now: set zone_busy to run; it is a zone in maintenance)",
			"toy: fixture image_busy is not set: the scenarios needing it will not run (the cloud holds no image_busy now: set image_busy to run; it is an image of the zone in maintenance)"}},
		{name: "one in the cloud", zones: `{"zones":[{"name":"z-1","state":"open"},{"name":"z-2","state":"busy"}]}`, vars: map[string]string{"zone_busy": "z-2", "image_busy": "img-9"}},
		{name: "its list answers an error", zones: `{"zones":[{"name":"z-9","state":"busy"}]}`, vars: map[string]string{"zone_busy": "z-9"}, problem: `fixture "image_busy" of toy (an image of the zone in maintenance) could not be discovered: GET /api/zones/z-9/images answered 404`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(toy{zones: tt.zones})
			t.Cleanup(srv.Close)
			rep := preflight.Run(context.Background(), preflight.Config{API: load(t), Target: srv.URL, Credentials: good(), Fixtures: []string{"zone_busy", "image_busy"}})
			if tt.problem != "" {
				require.Len(t, rep.Problems, 1)
				assert.Equal(t, preflight.FixtureUnresolved, rep.Problems[0].Kind)
				assert.Contains(t, rep.Problems[0].Message, tt.problem)
			} else {
				assert.True(t, rep.OK(), "%v", rep.Problems)
			}
			for _, c := range tt.checks {
				assert.Contains(t, rep.Checks, c)
			}
			for k, v := range tt.vars {
				assert.Equal(t, v, rep.Vars[k], k)
			}
			if len(tt.vars) == 0 {
				assert.Empty(t, rep.Vars)
			}
		})
	}
}

// TestPreflightLeavesVendorSideFixturesToTheVendor: a vendor-side fixture nobody set is no problem
// (its scenarios are reported not run) and the preflight says so; one the vendor set is used.
func TestPreflightLeavesVendorSideFixturesToTheVendor(t *testing.T) {
	srv := httptest.NewServer(toy{zones: openZones})
	t.Cleanup(srv.Close)
	cfg := preflight.Config{API: load(t), Target: srv.URL, Credentials: good(), Fixtures: []string{"tenant", "outage_target"}, Vars: map[string]string{"tenant": "t-1"}}
	rep := preflight.Run(context.Background(), cfg)
	assert.True(t, rep.OK(), "%v", rep.Problems)
	assert.Contains(t, rep.Checks, "toy: fixture outage_target is not set: the scenarios needing it will not run (vendor side: set outage_target to run; it is the base URL of the API on a deployment in maintenance)")
	assert.NotContains(t, rep.Vars, "outage_target")

	cfg.Vars = map[string]string{"tenant": "t-1", "outage_target": "http://maintenance.example"}
	rep = preflight.Run(context.Background(), cfg)
	assert.True(t, rep.OK(), "%v", rep.Problems)
	assert.Equal(t, "http://maintenance.example", rep.Vars["outage_target"])

	cfg.Vars = nil
	rep = preflight.Run(context.Background(), cfg)
	require.Len(t, rep.Problems, 1, "an ordinary fixture nobody set still stops the run")
	assert.Contains(t, rep.Problems[0].Message, `fixture "tenant" of toy is not set`)
}
