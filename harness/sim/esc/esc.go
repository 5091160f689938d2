// Package esc simulates the Cisco Elastic Services Controller (ESC)
// northbound REST API (the vendor document shared/seeds/000_3d950b6de95e87ef.txt,
// contract specs/esc/openapi.yaml) so that contract tests can run without an
// ESC VM, and so that the harness can be shown to catch each kind of contract
// break (see KnownFaults).
//
// The simulator is stateful and deterministic. It keeps tenants, networks,
// subnets, images, flavors, volumes, routers, deployments (VM groups and
// their VMs), VM snapshots, VIM connectors and users, file servers, dynamic
// mapping actions and metrics, configuration parameters, the operation mode,
// hosts and system states in memory. Internal ids are the client's, checked
// against the document's rules (1..72 characters of the RFC 3986 unreserved
// set without "~") and unique across tenants, networks, subnets, images,
// flavors, volumes, routers and deployments.
//
// Writes are asynchronous as the document describes ("web hooks"): the
// synchronous answer is the documented acceptance status with the
// transaction id in the ESC_TRANSACTION_ID header, and once it has been
// written the simulator POSTs the notifications of the operation to the URLs
// of the request's Callback and Callback-ESC-Events headers, in order, from
// one goroutine per request (see notify.go for what goes where). Every
// identifier, transaction id and body is drawn from the seeded generator
// while the request is served, so two simulators with the same seed send the
// same bytes. The state change itself is applied when the request is
// accepted, so a GET right after a write already sees it.
//
// Where the document is silent the decision taken is written next to the
// code that takes it.
package esc

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// Default credentials of the one REST user (document lines 87-135: "The REST
// interface has only one default username/password (admin credentials)").
const (
	DefaultUsername = "admin"
	DefaultPassword = "esc-sim-password"
)

// ContextRoot is the context root of every path (DEFECTS.md D01: the
// document's footer spells it /ESCManger; the only complete request uses
// /ESCManager, which the contract adopts).
const ContextRoot = "/ESCManager"

// CallbackTimeout bounds one notification POST.
const CallbackTimeout = 10 * time.Second

// Realm is the Basic authentication realm announced on 401.
const Realm = "ESCManager"

// Config holds the ESC-specific settings beyond sim.Options.
type Config struct {
	// AuthDisabled serves every request without HTTP Basic authentication,
	// as ESC does out of the box (line 95: "By default, the REST
	// authentication is disabled").
	AuthDisabled bool
	// CallbackClient posts the notifications; nil means a plain http.Client.
	// Each POST is bounded by CallbackTimeout whatever the client's own
	// timeout.
	CallbackClient *http.Client
}

// Simulator is the ESC northbound REST API simulator. It is safe for
// concurrent use; requests are served one at a time against the in-memory
// state (after any configured latency), which keeps answers and
// notifications deterministic.
type Simulator struct {
	opts    sim.Options
	cfg     Config
	data    dataset // the data set seeded at start (never changed)
	faults  sim.Faults
	users   []sim.Credential
	ids     *sim.IDs
	hooks   *sim.Webhooks
	router  sim.Router[handlerFunc]
	handler http.Handler
	// inflight counts requests being served, so Wait covers notifications not yet handed over.
	inflight sync.WaitGroup

	mu sync.Mutex // guards the state below
	st *state
}

var (
	_ sim.Simulator = (*Simulator)(nil)
	_ sim.Seeded    = (*Simulator)(nil)
)

// New returns a simulator with the seeded ESC, Basic authentication
// enabled. It fails only when opts.Faults names a fault this simulator does
// not know.
func New(opts sim.Options) (*Simulator, error) {
	return NewWithConfig(opts, Config{AuthDisabled: opts.AuthDisabled})
}

// NewWithConfig is New with ESC-specific settings, such as authentication
// switched off.
func NewWithConfig(opts sim.Options, cfg Config) (*Simulator, error) {
	if err := opts.CheckVendorState(VendorStates()); err != nil {
		return nil, err
	}
	faults, err := sim.ParseFaults(KnownFaults(), opts.Faults)
	if err != nil {
		return nil, err
	}
	name, err := opts.DatasetName()
	if err != nil {
		return nil, err
	}
	ds := datasetNamed(name)
	s := &Simulator{
		data:   ds,
		opts:   opts,
		cfg:    cfg,
		faults: faults,
		users:  opts.Users([]sim.Credential{{Username: DefaultUsername, Password: DefaultPassword, Role: "admin"}}),
		ids:    sim.NewIDs(opts.Seed),
		hooks:  sim.NewWebhooks(cfg.CallbackClient, CallbackTimeout),
		st:     seedState(ds),
	}
	s.routes()
	s.handler = opts.Wrap(http.HandlerFunc(s.serve))
	return s, nil
}

// Fixtures gives the fixture variables of specs/esc/harness.yaml in the data
// set served: the VIM image, flavor and network a deployment datamodel names
// (ESC lists images and flavors without a model, and only those it created),
// and the name of a system state (the document names none and lists none).
func (s *Simulator) Fixtures() map[string]string {
	return map[string]string{"image": s.data.image, "flavor": s.data.flavor, "network": s.data.network, "system_state": s.data.states[0].name}
}

// SeedValues lists the identifying literals of the data set served: tenant
// ids and names, host names and uuids, VIM connector ids and endpoints, and
// the fixture values.
func (s *Simulator) SeedValues() []string {
	d := s.data
	out := []string{d.image, d.flavor, d.network}
	for _, t := range d.tenants {
		out = append(out, t.InternalTenantID, t.ExternalTenantID, t.Name)
		if t.VimProjectID != "" {
			out = append(out, t.VimProjectID)
		}
	}
	for _, h := range d.hosts {
		out = append(out, h.name)
		if h.uuid != "" {
			out = append(out, h.uuid)
		}
	}
	for _, st := range d.states {
		out = append(out, st.name)
	}
	for _, i := range d.images {
		out = append(out, i.InternalImageID, i.ExternalImageID, i.Name, i.Src)
	}
	for _, f := range d.flavors {
		out = append(out, f.InternalFlavorID, f.ExternalFlavorID, f.Name)
	}
	for _, v := range d.vims {
		out = append(out, v.ID)
		if v.Properties != nil {
			for _, p := range v.Properties.Property {
				if p.Name == "os_auth_url" {
					out = append(out, p.Value)
				}
			}
		}
	}
	return dedupe(out)
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	out := in[:0]
	for _, v := range in {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// Name returns "esc", the folder name of this API everywhere in the repo.
func (s *Simulator) Name() string { return "esc" }

// Faults returns the faults this simulator knows (not only those switched on).
func (s *Simulator) Faults() []sim.Fault { return KnownFaults() }

// ServeHTTP serves one request of the ESC API. The notifications the request
// causes are handed to the background deliverer only once the answer has
// been written.
func (s *Simulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.inflight.Add(1)
	defer s.inflight.Done()
	out := &outbox{}
	s.handler.ServeHTTP(w, sim.WithValue(r, outboxKey, out))
	if f, ok := w.(http.Flusher); ok && len(out.hooks) > 0 {
		f.Flush()
	}
	s.hooks.Send(out.hooks)
}

// Wait blocks until every notification caused so far has been delivered (or
// has failed). Tests call it before looking at what their receiver got.
func (s *Simulator) Wait() {
	// A request whose answer the client has read may still be handing its notifications over.
	s.inflight.Wait()
	s.hooks.Wait()
}

// Close stops delivering notifications (in-flight POSTs are cancelled) and
// waits for the delivering goroutines. Requests are still answered after
// Close, without notifications.
func (s *Simulator) Close() { s.hooks.Close() }

// OnDelivery registers a function called after each notification POST with
// its outcome, from the delivering goroutine; nil removes it.
func (s *Simulator) OnDelivery(f func(sim.WebhookResult)) { s.hooks.OnResult(f) }

// handlerFunc serves one routed request; path parameters are in
// r.PathValue.
type handlerFunc func(w http.ResponseWriter, r *http.Request)

// serve authenticates, routes and runs the handler under the state lock.
func (s *Simulator) serve(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.AuthDisabled {
		if _, ok := sim.BasicUser(r, s.users); !ok {
			// The contract lists no 401 (DEFECTS.md D55); HTTP Basic
			// authentication answers it, with the challenge, whatever the path.
			w.Header().Set("WWW-Authenticate", `Basic realm="`+Realm+`"`)
			s.fail(w, http.StatusUnauthorized, "Unauthorized", "send HTTP Basic credentials of the REST user")
			return
		}
	}
	h, params, allowed, ok := s.router.Find(r.Method, r.URL.EscapedPath(), r.URL.Query())
	if !ok {
		if len(allowed) > 0 {
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			s.fail(w, http.StatusMethodNotAllowed, "Method Not Allowed", r.Method+" is not served on "+r.URL.Path)
			return
		}
		s.fail(w, http.StatusNotFound, "Not Found", "no such resource: "+r.Method+" "+r.URL.Path)
		return
	}
	if !acceptable(r.Header.Get("Accept")) {
		// JAX-RS negotiates the representation before the resource method runs: nothing is
		// read or changed (document: 406 Not Acceptable).
		s.fail(w, http.StatusNotAcceptable, "Not Acceptable", "ESC answers application/xml or application/json, not "+r.Header.Get("Accept"))
		return
	}
	for k, v := range params {
		r.SetPathValue(k, v)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	h(w, r)
}

// routes registers every operation of the contract under its path key.
func (s *Simulator) routes() {
	add := func(method, path string, h handlerFunc) {
		s.router.Add(method, ContextRoot+path, s.inState(method, path, h))
	}

	add("GET", "/v0/tenants", s.listTenants)
	add("GET", "/v0/tenants/{internal_tenant_id}", s.getTenant)
	add("POST", "/v0/tenants/{internal_tenant_id}", s.createTenant)
	add("PUT", "/v0/tenants/{internal_tenant_id}", s.updateTenant)
	add("DELETE", "/v0/tenants/{internal_tenant_id}", s.deleteTenant)

	add("GET", "/v0/images", s.listImages)
	add("GET", "/v0/images/{internalImageId}", s.getImage)
	add("POST", "/v0/images/{internalImageId}", s.createImage)
	add("DELETE", "/v0/images/{internalImageId}", s.deleteImage)

	add("GET", "/v0/flavors", s.listFlavors)
	add("GET", "/v0/flavors/{internalFlavorId}", s.getFlavor)
	add("POST", "/v0/flavors/{internalFlavorId}", s.createFlavor)
	add("DELETE", "/v0/flavors/{internalFlavorId}", s.deleteFlavor)

	add("GET", "/v0/deployments", s.listDeployments)
	add("GET", "/v0/deployments/{internal_deployment_id}", s.getDeployment)
	add("POST", "/v0/deployments/{internal_deployment_id}", s.createDeployment)
	add("PUT", "/v0/deployments/{internal_deployment_id}", s.updateDeployment)
	add("DELETE", "/v0/deployments/{internal_deployment_id}", s.deleteDeployment)
	add("GET", "/v0/deployments/config/{internal_deployment_id}", s.getDeploymentConfig)

	add("GET", "/v0/config", s.listConfig)
	add("GET", "/v0/config/{category}", s.listConfigCategory)
	add("GET", "/v0/config/{category}/{key}", s.getConfig)
	add("POST", "/v0/config/{category}/{key}", s.createConfig)
	add("PUT", "/v0/config/{category}/{key}/{value}", s.updateConfig)

	add("GET", "/v0/operationmode", s.getOperationMode)
	add("POST", "/v0/operationmode/{escOpMode}", s.setOperationMode)

	add("GET", "/v0/hosts/{hostName}/status", s.getHostStatus)
	add("POST", "/v0/hosts/{hostName}/disable", s.hostAction(false))
	add("POST", "/v0/hosts/{hostName}/enable", s.hostAction(true))

	add("GET", "/v0/vims", s.listVims)
	add("POST", "/v0/vims", s.createVim)
	add("GET", "/v0/vims/default_vim_connector", s.getDefaultVim)
	add("POST", "/v0/vims/default_vim_connector", s.createDefaultVim)
	add("GET", "/v0/vims/{vim_id}", s.getVim)
	add("PUT", "/v0/vims/{vim_id}", s.updateVim)
	add("DELETE", "/v0/vims/{vim_id}", s.deleteVim)
	add("PUT", "/v0/vims/{vim_id}/check_status", s.checkVimStatus)

	add("GET", "/v0/vims/{vim_id}/vim_users", s.listVimUsers)
	add("POST", "/v0/vims/{vim_id}/vim_users", s.createVimUser)
	add("GET", "/v0/vims/{vim_id}/vim_users/{vim_user_id}", s.getVimUser)
	add("PUT", "/v0/vims/{vim_id}/vim_users/{vim_user_id}", s.updateVimUser)
	add("DELETE", "/v0/vims/{vim_id}/vim_users/{vim_user_id}", s.deleteVimUser)

	add("GET", "/v0/systemstate/{name}", s.getSystemState)
	add("POST", "/v0/systemstate/{name}/reset", s.resetSystemState)

	add("GET", "/v0/fileserver", s.listFileServers)
	add("GET", "/v0/fileserver/{internalServerId}", s.getFileServer)
	add("POST", "/v0/fileserver/{internalServerId}", s.createFileServer)
	add("PUT", "/v0/fileserver/{internalServerId}", s.updateFileServer)
	add("DELETE", "/v0/fileserver/{internalServerId}", s.deleteFileServer)

	add("GET", "/v0/dynamic_mapping/actions", s.listMappings(kindAction))
	add("POST", "/v0/dynamic_mapping/actions", s.createMappings(kindAction))
	add("DELETE", "/v0/dynamic_mapping/actions", s.deleteNonCoreMappings(kindAction))
	add("GET", "/v0/dynamic_mapping/actions/{action_name}", s.getMapping(kindAction))
	add("DELETE", "/v0/dynamic_mapping/actions/{action_name}", s.deleteMapping(kindAction))
	add("GET", "/v0/dynamic_mapping/metrics", s.listMappings(kindMetric))
	add("POST", "/v0/dynamic_mapping/metrics", s.createMappings(kindMetric))
	add("DELETE", "/v0/dynamic_mapping/metrics", s.deleteNonCoreMappings(kindMetric))
	add("GET", "/v0/dynamic_mapping/metrics/{metric_name}", s.getMapping(kindMetric))
	add("DELETE", "/v0/dynamic_mapping/metrics/{metric_name}", s.deleteMapping(kindMetric))

	add("GET", "/v0/snapshots", s.listSnapshots)
	add("DELETE", "/v0/snapshots/{snapshotIdOrName}", s.deleteSnapshot)
	add("POST", "/v0/snapshots/{snapshotId}/volumes", s.createVolumeFromSnapshot)

	add("PUT", "/internal/ssl/reload", s.reloadTruststore)

	// Tenant-scoped paths come last: their first segment is a parameter, and
	// on a tie (DEFECTS.md D07: /v0/config/{category} against
	// /v0/{internalTenantId}/volumes) the route registered first, the one with
	// the literal segment further left, wins.
	add("GET", "/v0/{internalTenantId}/networks", s.listNetworks)
	add("GET", "/v0/{internalTenantId}/networks/{internalNetworkId}", s.getNetwork)
	add("POST", "/v0/{internalTenantId}/networks/{internalNetworkId}", s.createNetwork)
	add("DELETE", "/v0/{internalTenantId}/networks/{internalNetworkId}", s.deleteNetwork)
	add("GET", "/v0/{internalTenantId}/subnets", s.listSubnets)
	add("GET", "/v0/{internalTenantId}/subnets/{internalSubnetId}", s.getSubnet)
	add("POST", "/v0/{internalTenantId}/subnets/{internalSubnetId}", s.createSubnet)
	add("DELETE", "/v0/{internalTenantId}/subnets/{internalSubnetId}", s.deleteSubnet)
	add("POST", "/v0/{internal_tenant_id}/deployments/service/{internal_deployment_id}", s.operateDeployment)
	add("POST", "/v0/{internal_tenant_id}/deployments/migrate-vm/{vm_name}", s.migrateVM)
	add("POST", "/v0/{internal_tenant_id}/deployments/recovery-vm/{vm_name}", s.recoverVM)
	add("POST", "/v0/{internal_tenant_id}/deployments/snapshot-vm/{vm_name}", s.snapshotVM)
	add("POST", "/v0/{internal_tenant_id}/deployments/vm/{vm_name}", s.operateVM)
	add("GET", "/v0/{internalTenantId}/volumes", s.listVolumes)
	add("GET", "/v0/{internalTenantId}/volumes/{internalVolumeId}", s.getVolume)
	add("POST", "/v0/{internalTenantId}/volumes/{internalVolumeId}", s.createVolume)
	add("DELETE", "/v0/{internalTenantId}/volumes/{internalVolumeId}", s.deleteVolume)
	add("POST", "/v0/{internalTenantId}/routers/{internalRouterId}", s.createRouter)
	add("PUT", "/v0/{internalTenantId}/routers/{internalRouterId}", s.updateRouter)
	add("DELETE", "/v0/{internalTenantId}/routers/{internalRouterId}", s.deleteRouter)
}

// acceptable reports whether an Accept header admits a representation ESC writes: XML or JSON
// (an absent header admits any).
func acceptable(accept string) bool {
	if strings.TrimSpace(accept) == "" {
		return true
	}
	for _, part := range strings.Split(accept, ",") {
		mt, _, _ := strings.Cut(part, ";")
		switch strings.ToLower(strings.TrimSpace(mt)) {
		case "*/*", "application/*", "text/*", "application/xml", "text/xml", "application/json":
			return true
		}
		if strings.HasSuffix(strings.ToLower(strings.TrimSpace(mt)), "+xml") || strings.HasSuffix(strings.ToLower(strings.TrimSpace(mt)), "+json") {
			return true
		}
	}
	return false
}
