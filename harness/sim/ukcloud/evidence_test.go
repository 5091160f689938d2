package ukcloud

import (
	"encoding/json"
	"net/http"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// TestEvidenceOnTheContract: on the UKCloud contract, a simulator answer broken where the
// document states the assertion (x-document-line, or a published schema) fails with and without
// --strict; broken where the contract only infers it (x-evidence) it is a deviation: it passes a
// plain run, reported with its evidence, and fails a strict one.
func TestEvidenceOnTheContract(t *testing.T) {
	api, err := spec.Load(filepath.Join("..", "..", "..", "specs", "ukcloud"))
	require.NoError(t, err)
	tests := []struct {
		name, path string
		// breakIt changes the simulator's answer (status, header and body); a string is the raw
		// body, nil keeps the simulator's.
		breakIt    func(status *int, h http.Header, body any) any
		documented string // substring of the failure when the document states what is broken
		inferred   string // substring of the deviation when the contract infers it
		// neither: the change breaks nothing the document says (fields a later revision adds).
	}{
		{name: "fields a later revision adds", path: "/api/accounts/1/compute_services",
			breakIt: func(_ *int, _ http.Header, b any) any {
				m := b.(map[string]any)
				m["links"] = map[string]any{"self": "/api/accounts/1/compute_services"}
				dig(b, "vOrgs", 0).(map[string]any)["region"] = "Region 5"
				return b
			}},
		{name: "a status no section and no table gives", path: "/api/ping",
			breakIt: func(status *int, _ http.Header, b any) any {
				*status = http.StatusTeapot
				return b
			},
			documented: "status not documented for this operation"},
		{name: "an account without the name the published schema requires", path: "/api/accounts",
			breakIt: func(_ *int, _ http.Header, b any) any {
				delete(b.([]any)[0].(map[string]any), "name")
				return b
			},
			documented: "missing properties: 'name'"},
		{name: "vMotion events as the array only the prose speaks of", path: "/api/accounts/1/platform_visibility/vmotion_events",
			breakIt:    func(_ *int, _ http.Header, b any) any { return []any{b} },
			documented: "expected object, but got array"},
		{name: "a ping answer outside the one value the example shows", path: "/api/ping",
			breakIt: func(_ *int, _ http.Header, b any) any {
				b.(map[string]any)["response"] = "PONG"
				return b
			},
			inferred: "inferred from the document's example at line 854"},
		{name: "a my_vm VM without a field only the broken example shows", path: "/api/my_vm",
			breakIt: func(_ *int, _ http.Header, b any) any {
				delete(dig(b, "account", "vms", 0).(map[string]any), "comment")
				return b
			},
			inferred: "missing properties: 'comment'"},
		{name: "an error body the document never shows", path: "/api/accounts/2/compute_services",
			breakIt: func(status *int, h http.Header, _ any) any {
				require.Equal(t, http.StatusForbidden, *status)
				h.Set("Content-Type", "text/html")
				return nil
			},
			inferred: "inferred from the document's schema at line 1698"},
		{name: "a vMotion 401, a status only the general table gives, as plain text", path: "/api/accounts/1/platform_visibility/vmotion_events",
			breakIt: func(status *int, h http.Header, _ any) any {
				*status = http.StatusUnauthorized
				h.Set("Content-Type", "text/plain")
				return "Unauthorized"
			},
			inferred: "inferred from the document's table at line 42"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := login(t, sim.Options{})
			rec := c.get(tt.path)
			status, h := rec.Code, rec.Header().Clone()
			var body any
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
			raw := rec.Body.Bytes()
			switch b := tt.breakIt(&status, h, body).(type) {
			case nil:
			case string:
				raw = []byte(b)
			default:
				raw, err = json.Marshal(b)
				require.NoError(t, err)
			}
			u, err := url.Parse(tt.path)
			require.NoError(t, err)
			x := &validate.Exchange{Method: http.MethodGet, URL: u, Status: status, Header: h, Body: raw}

			// The simulator's own answer conforms, strictly.
			strict := validate.New(api)
			strict.Strict = true
			_, err = strict.ValidateAll(&validate.Exchange{Method: http.MethodGet, URL: u, Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()})
			require.NoError(t, err)

			v := validate.New(api)
			devs, err := v.ValidateAll(x)
			var ce *validate.ContractError
			if tt.documented == "" && tt.inferred == "" {
				assert.NoError(t, err)
				assert.Empty(t, devs)
				devs, err = strict.ValidateAll(x)
				assert.NoError(t, err)
				assert.Empty(t, devs)
				return
			}
			if tt.documented != "" {
				require.ErrorAs(t, err, &ce)
				assert.Contains(t, ce.Error(), tt.documented)
				for _, p := range ce.Problems {
					assert.False(t, p.Deviation(), "%s", p)
				}
			} else {
				require.NoError(t, err, "an inferred assertion broken fails only a strict run")
				require.NotEmpty(t, devs)
				var rendered string
				for _, d := range devs {
					assert.True(t, d.Deviation())
					rendered += d.String() + "\n"
				}
				assert.Contains(t, rendered, tt.inferred)
			}

			devs, err = strict.ValidateAll(x)
			assert.Empty(t, devs)
			require.ErrorAs(t, err, &ce, "strict: every break fails")
			if tt.documented != "" {
				assert.Contains(t, ce.Error(), tt.documented)
			} else {
				assert.Contains(t, ce.Error(), tt.inferred)
			}
		})
	}
}
