package esc

import (
	"fmt"
	"net/http"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// The states only the vendor's side can put an ESC in, which a simulator made with
// sim.Options.VendorState serves for the vendor-side scenarios (specs/esc/negative.yaml
// vendor_side). In each, every operation documenting the state's answer gives it once its caller
// is authenticated and its Accept negotiated, before its body is read or any id it names is looked
// up: nothing is created or changed, so no notification follows. The other operations are served
// as usual.
const (
	vimUnreachableState      = "vim-unreachable"
	internalFailureState     = "internal-failure"
	serviceRegistrationState = "service-registration"
)

// vendorState is one state, the status its operations answer and, by route (method and path
// below ContextRoot), the document's reason phrase of that answer and the line stating it.
type vendorState struct {
	sim.VendorState
	status  int
	answers map[string]documentedAnswer
}

// documentedAnswer is the reason phrase the document gives a status of one operation, and its line.
type documentedAnswer struct {
	phrase string
	line   int
}

var vendorStates = []vendorState{
	{sim.VendorState{Name: vimUnreachableState, Fixture: "vim_unreachable_target",
		Description: "the VIM behind ESC unreachable: operations documenting 503 answer it (\"Unable to query VIM\")"},
		http.StatusServiceUnavailable, map[string]documentedAnswer{
			"POST /v0/{internalTenantId}/networks/{internalNetworkId}": {"Unable to query VIM", 407},
			"POST /v0/deployments/{internal_deployment_id}":            {"Failed to query VIM", 1152},
			"POST /v0/{internalTenantId}/volumes/{internalVolumeId}":   {"Unable to query VIM", 2185},
			"POST /v0/{internalTenantId}/routers/{internalRouterId}":   {"Unable to query VIM", 3067},
		}},
	{sim.VendorState{Name: internalFailureState, Fixture: "internal_failure_target",
		Description: "a failure inside ESC, injected by its vendor: operations documenting 500 answer it (\"Internal server error\")"},
		http.StatusInternalServerError, map[string]documentedAnswer{
			"PUT /v0/tenants/{internal_tenant_id}":                       {"Internal Server Error", 264},
			"DELETE /v0/{internalTenantId}/networks/{internalNetworkId}": {"Internal server error", 353},
			"DELETE /v0/{internalTenantId}/subnets/{internalSubnetId}":   {"Internal server error", 474},
			"POST /v0/{internalTenantId}/subnets/{internalSubnetId}":     {"Internal server error", 525},
			"DELETE /v0/images/{internalImageId}":                        {"Internal server error", 551},
			"POST /v0/images/{internalImageId}":                          {"Internal server error", 713},
			"DELETE /v0/flavors/{internalFlavorId}":                      {"Internal server error", 763},
			"POST /v0/flavors/{internalFlavorId}":                        {"Internal server error", 845},
			"POST /v0/deployments/{internal_deployment_id}":              {"Internal server error", 1151},
			"PUT /v0/deployments/{internal_deployment_id}":               {"Internal server error", 1572},
			"PUT /v0/config/{category}/{key}/{value}":                    {"Internal server error.", 2088},
			"DELETE /v0/{internalTenantId}/volumes/{internalVolumeId}":   {"Internal server error", 2130},
			"DELETE /v0/vims/{vim_id}":                                   {"Internal Server Error", 2321},
			"PUT /v0/vims/{vim_id}":                                      {"Internal Server Error", 2362},
			"PUT /v0/vims/{vim_id}/check_status":                         {"Internal Server Error", 2383},
			"POST /v0/vims":                                              {"Internal Server Error", 2447},
			"POST /v0/vims/default_vim_connector":                        {"Internal Server Error", 2475},
			"DELETE /v0/vims/{vim_id}/vim_users/{vim_user_id}":           {"Internal Server Error", 2502},
			"PUT /v0/vims/{vim_id}/vim_users/{vim_user_id}":              {"Internal Server Error", 2546},
			"POST /v0/vims/{vim_id}/vim_users":                           {"Internal Server Error", 2593},
			"DELETE /v0/fileserver/{internalServerId}":                   {"Internal server error", 2661},
			"DELETE /v0/{internalTenantId}/routers/{internalRouterId}":   {"Internal server error", 3033},
			"PUT /internal/ssl/reload":                                   {"Failed to reload ESC truststore", 3113},
		}},
	{sim.VendorState{Name: serviceRegistrationState, Fixture: "service_registration_target",
		Description: "the VIM of ESC part of a service registration, configured by its operator: the flavor operations documenting 406 answer it (\"Operation not supported on VIM/Flavor part of service registration\")"},
		http.StatusNotAcceptable, map[string]documentedAnswer{
			"GET /v0/flavors/{internalFlavorId}":  {"Operation not supported on VIM/Flavor part of service registration", 782},
			"POST /v0/flavors/{internalFlavorId}": {"Operation not supported on VIM/Flavor part of service registration", 843},
		}},
}

// VendorStates lists the states a simulator made with sim.Options.VendorState serves.
func VendorStates() []sim.VendorState {
	out := make([]sim.VendorState, len(vendorStates))
	for i, v := range vendorStates {
		out[i] = v.VendorState
	}
	return out
}

// inState returns the handler of a route in the simulator's vendor state: the state's documented
// answer where the route documents it, h otherwise (and without a state).
func (s *Simulator) inState(method, path string, h handlerFunc) handlerFunc {
	for _, v := range vendorStates {
		if v.Name != s.opts.VendorState {
			continue
		}
		a, ok := v.answers[method+" "+path]
		if !ok {
			return h
		}
		return func(w http.ResponseWriter, _ *http.Request) {
			s.fail(w, v.status, a.phrase, fmt.Sprintf("the simulator serves the vendor state %s (document line %d)", v.Name, a.line))
		}
	}
	return h
}
