// Package cam simulates the IBM Cloud Automation Manager 4.1 service and
// service instance APIs (the vendor document "Service and service instance
// APIs", specs/cam/openapi.yaml) so that contract tests can run without the
// vendor, and so that the harness can be shown to catch each kind of contract
// break (see KnownFaults).
//
// The simulator is stateful and deterministic: it keeps services (with their
// versions, the service manifests), stand-alone actions, service instances
// (with their action instances, bind instances and stack locks) and icons in
// memory, scoped by tenant and namespace, authenticates every call with a
// Bearer token, and, given the same seed and the same sequence of requests,
// answers byte for byte the same. Where the document is silent the decision
// taken is written next to the code that takes it.
package cam

import (
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// DefaultToken is the bearer token the simulator accepts when no credentials
// are configured (specs/cam/harness.yaml carries the same value).
const DefaultToken = "cam-sim-bearer-token-4f1c2a"

// DefaultUsername is the owner of what the default token creates.
const DefaultUsername = "admin"

// DefaultTenantID is the tenant every token of the simulator belongs to in
// the default data set (the tenant of the document's examples, line 1172). A
// request for another tenant is refused with 401.
const DefaultTenantID = "c26b3dd4-4e74-4545-8ac9-bc30a6167b33"

// FailMarker makes a deployment fail: an instance parameter value containing
// it ends the run in Error, as the document's failed instance whose url is
// "https://jsonplaceholder.Invalid" (lines 1190, 1261, 1297).
const FailMarker = ".Invalid"

// ClockStep is how far the simulated clock moves per stamped event.
const ClockStep = time.Second

const apiBase = "/cam/composer/api/v1"

// Simulator is the CAM simulator. It is safe for concurrent use; requests are
// served one at a time against the in-memory state (after any configured
// latency), which keeps answers deterministic.
type Simulator struct {
	opts    sim.Options
	faults  sim.Faults
	users   []sim.Credential
	ids     *sim.IDs
	clock   *sim.Clock
	handler http.Handler
	data    *dataset

	mu        sync.Mutex // guards the state below
	services  []*service
	manifests map[string]*manifest
	actions   map[string]*action
	instances []*instance
	icons     []*icon
}

var (
	_ sim.Simulator = (*Simulator)(nil)
	_ sim.Seeded    = (*Simulator)(nil)
)

// New returns a simulator holding the data set opts.Dataset names: by
// default the document's three icons and nothing else (see dataset). It fails
// when opts.Faults names a fault this simulator does not know, or
// opts.Dataset a data set it does not serve.
func New(opts sim.Options) (*Simulator, error) {
	if err := opts.CheckVendorState(nil); err != nil {
		return nil, err
	}
	if opts.AuthDisabled {
		return nil, errors.New("the document gives no way to switch authentication off for this API")
	}
	faults, err := sim.ParseFaults(KnownFaults(), opts.Faults)
	if err != nil {
		return nil, err
	}
	name, err := opts.DatasetName()
	if err != nil {
		return nil, err
	}
	data := newDataset(name)
	s := &Simulator{
		opts:      opts,
		faults:    faults,
		users:     opts.Users([]sim.Credential{{Username: DefaultUsername, Token: DefaultToken, Role: "admin"}}),
		ids:       sim.NewIDs(opts.Seed),
		clock:     sim.NewClock(opts.StartTime(), ClockStep),
		manifests: map[string]*manifest{},
		actions:   map[string]*action{},
		icons:     append([]*icon(nil), data.icons...),
		data:      data,
	}
	s.seed()
	s.handler = opts.Wrap(s.routes())
	return s, nil
}

// Name returns "cam", the folder name of this API everywhere in the repo.
func (s *Simulator) Name() string { return "cam" }

// Faults returns the faults this simulator knows (not only those switched on).
func (s *Simulator) Faults() []sim.Fault { return KnownFaults() }

// ServeHTTP serves one request of the CAM API.
func (s *Simulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// caller is the authenticated requester and the scope of the request.
type caller struct {
	user  sim.Credential
	token string
	// tenant, org and ns come from tenantId, ace_orgGuid and cloudOE_spaceGuid;
	// hasNS tells whether cloudOE_spaceGuid was sent at all.
	tenant, org, ns string
	hasNS           bool
}

// authedHandler is a handler that runs for an authenticated caller.
type authedHandler func(w http.ResponseWriter, r *http.Request, c caller)

func (s *Simulator) routes() http.Handler {
	mux := http.NewServeMux()
	handle := func(pattern string, h authedHandler) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			s.mu.Lock()
			defer s.mu.Unlock()
			c, ok := s.authenticate(w, r)
			if !ok {
				return
			}
			h(w, r, c)
		})
	}

	handle("POST "+apiBase+"/ServiceManifest", s.createService)
	handle("PUT "+apiBase+"/ServiceManifest/{serviceManifestId}", s.updateService)
	handle("POST "+apiBase+"/ServiceManifest/{serviceManifestId}/deploy", s.deployManifest)
	handle("POST "+apiBase+"/ServiceManifest/{serviceId}/unretire", s.unretireService)
	handle("PUT "+apiBase+"/Service/{serviceId}", s.publishService)
	handle("POST "+apiBase+"/Service/retireService", s.retireService)
	handle("POST "+apiBase+"/Service/encryptServiceData", s.encryptServiceData)
	handle("POST "+apiBase+"/Service/{serviceId}/ServiceInstances", s.createServiceInstance)
	handle("GET "+apiBase+"/service", s.listServices)

	handle("POST "+apiBase+"/Actions/createAction", s.createAction)
	handle("POST "+apiBase+"/ActionInstances/invokeAction", s.invokeAction)

	handle("GET "+apiBase+"/ServiceInstances", s.listInstances)
	handle("GET "+apiBase+"/ServiceInstances/{serviceInstanceId}", s.getInstance)
	handle("DELETE "+apiBase+"/ServiceInstances/{serviceInstanceId}", s.terminateInstance)
	handle("GET "+apiBase+"/ServiceInstances/{serviceInstanceId}/getInputParameters", s.getInputParameters)
	handle("POST "+apiBase+"/ServiceInstances/{serviceInstanceId}/versionChangeInputParameters", s.versionChangeInputParameters)
	handle("POST "+apiBase+"/ServiceInstances/{serviceInstanceId}/submitVersionChange", s.submitVersionChange)
	handle("POST "+apiBase+"/ServiceInstances/updateServiceInstance", s.rerun(actUpdate))
	handle("POST "+apiBase+"/ServiceInstances/retryServiceInstance", s.rerun(actRetry))
	handle("POST "+apiBase+"/ServiceInstances/resumeServiceInstance", s.rerun(actResume))
	handle("POST "+apiBase+"/ServiceInstances/bindServiceInstance", s.bindInstance)
	handle("POST "+apiBase+"/ServiceInstances/deleteBindInstance", s.unbindInstance)
	handle("POST "+apiBase+"/ServiceInstances/cleanupServiceInstance", s.cleanupInstance)

	handle("POST "+apiBase+"/icons/upload", s.uploadIcon)
	handle("GET "+apiBase+"/icons", s.listIcons)
	handle("DELETE "+apiBase+"/icons/{iconId}", s.deleteIcon)
	handle("GET "+apiBase+"/icons/name/{iconName}", s.downloadIcon)

	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.fail(w, http.StatusNotFound, "NOT_FOUND", "Shared class \"\" has no method handling "+r.Method+" "+r.URL.Path)
	})
	return mux
}
