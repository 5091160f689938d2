// Package ukcloud simulates the UKCloud Portal API (the vendor document
// "UKCloud Portal API Reference Guide", specs/ukcloud/openapi.yaml) so that
// contract tests can run without the vendor, and so that the harness can be
// shown to catch each kind of contract break (see KnownFaults).
//
// The simulator is stateful and deterministic: it keeps accounts, compute
// services (vOrgs), VDCs, vApps, VMs, edge gateways, builds and support calls
// in memory, logs users in with the portal_session cookie, and, given the same
// seed and the same sequence of requests, answers byte for byte the same.
// Where the document is silent the decision taken is written next to the
// code that takes it.
package ukcloud

import (
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// Default credentials of the simulated Portal user.
const (
	DefaultUsername = "api.user@example.com"
	DefaultPassword = "portal-sim-password"
)

// CookieName is the session cookie set by POST /api/authenticate.
const CookieName = "portal_session"

// DefaultSessionTTL is the documented session lifetime ({"expire_after": 900}).
const DefaultSessionTTL = 900 * time.Second

// ClockStep is how far the simulated clock moves per stamped event (a build
// or ticket created, a note added, a state changed).
const ClockStep = time.Minute

// Simulator is the UKCloud Portal API simulator. It is safe for concurrent
// use; requests are served one at a time against the in-memory state (after
// any configured latency), which keeps answers deterministic.
type Simulator struct {
	opts     sim.Options
	faults   sim.Faults
	users    []sim.Credential
	ids      *sim.IDs
	clock    *sim.Clock
	sessions *sim.Sessions
	handler  http.Handler
	data     *dataset // the data set served, with its choices; its slices seed the state below
	seeds    []string // the data set's identifying literals, taken before any change

	mu       sync.Mutex // guards the state below
	accounts []*account
	vmotions map[int][]vmotion
	builds   []*build
	tickets  []*ticket
}

var (
	_ sim.Simulator = (*Simulator)(nil)
	_ sim.Seeded    = (*Simulator)(nil)
)

// New returns a simulator with the seeded Portal of opts.Dataset. It fails
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
	data, err := newDataset(name, opts.StartTime())
	if err != nil {
		return nil, err
	}
	ids := sim.NewIDs(opts.Seed)
	s := &Simulator{
		opts:     opts,
		faults:   faults,
		users:    opts.Users([]sim.Credential{{Username: DefaultUsername, Password: DefaultPassword, Role: "admin"}}),
		ids:      ids,
		clock:    sim.NewClock(opts.StartTime(), ClockStep),
		sessions: sim.NewSessions(opts.TTL(data.sessionTTL), opts.NowFunc(), ids),
		data:     data,
		seeds:    data.seedValues(),
		accounts: data.accounts,
		vmotions: data.vmotions,
		builds:   data.builds,
		tickets:  data.tickets,
	}
	s.handler = opts.Wrap(s.routes())
	return s, nil
}

// Name returns "ukcloud", the folder name of this API everywhere in the repo.
func (s *Simulator) Name() string { return "ukcloud" }

// Dataset returns the name of the data set the simulator serves.
func (s *Simulator) Dataset() string { return s.data.name }

// Fixtures returns the values, in the data set served, of the fixture variables of
// specs/ukcloud/harness.yaml that a run cannot discover through the API: the account the user
// administers, one the user only sees, a vOrg of that one the user has no permissions for, and a
// colleague's e-mail address.
func (s *Simulator) Fixtures() map[string]string {
	out := make(map[string]string, len(s.data.fixtures))
	for k, v := range s.data.fixtures {
		out[k] = v
	}
	return out
}

// SeedValues returns the identifying literals of the data set served, as seeded (ids, names,
// URNs, e-mail addresses, ticket ids): a feature naming one of them leans on this simulator.
func (s *Simulator) SeedValues() []string { return append([]string(nil), s.seeds...) }

// Faults returns the faults this simulator knows (not only those switched on).
func (s *Simulator) Faults() []sim.Fault { return KnownFaults() }

// ServeHTTP serves one request of the Portal API.
func (s *Simulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// authedHandler is a handler that runs for a logged-in user (an email).
type authedHandler func(w http.ResponseWriter, r *http.Request, user string)

func (s *Simulator) routes() http.Handler {
	mux := http.NewServeMux()
	open := func(pattern string, h http.HandlerFunc) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			s.mu.Lock()
			defer s.mu.Unlock()
			h(w, r)
		})
	}
	authed := func(pattern string, h authedHandler) {
		open(pattern, func(w http.ResponseWriter, r *http.Request) {
			user, ok := s.sessionUser(w, r)
			if !ok {
				return
			}
			h(w, r, user)
		})
	}

	open("POST /api/authenticate", s.authenticate)
	authed("GET /api/ping", s.ping)
	authed("GET /api/my_vm", s.myVM)

	authed("GET /api/my_calls", s.listCalls)
	authed("POST /api/my_calls", s.createCall)
	authed("GET /api/my_calls/{ticket_id}", s.getCall)
	authed("PUT /api/my_calls/{ticket_id}", s.addNote)
	authed("PUT /api/my_calls/{ticket_id}/subscribe", s.subscribe)
	authed("PUT /api/my_calls/{ticket_id}/unsubscribe", s.unsubscribe)
	authed("PUT /api/my_calls/{ticket_id}/reopen", s.callAction(actReopen))
	authed("PUT /api/my_calls/{ticket_id}/change_owner", s.changeOwner)
	authed("PUT /api/my_calls/{ticket_id}/cancel", s.callAction(actCancel))
	authed("PUT /api/my_calls/{ticket_id}/close", s.callAction(actClose))

	authed("GET /api/accounts", s.listAccounts)
	authed("GET /api/accounts/{account_id}/compute_services", s.computeServices)
	authed("GET /api/accounts/{account_id}/compute_services/{vorg_id}", s.computeService)
	authed("GET /api/accounts/{account_id}/api_credentials", s.apiCredentials)
	authed("GET /api/accounts/{account_id}/platform_visibility/vmotion_events", s.vmotionEvents)

	authed("GET /api/accounts/{account_id}/vorgs", s.listVorgs)
	authed("POST /api/accounts/{account_id}/vorgs", s.createVorg)
	authed("GET /api/accounts/{account_id}/vorgs/{vorg_id}/vdcs", s.listVDCs)
	authed("POST /api/accounts/{account_id}/vorgs/{vorg_id}/vdcs", s.createVDC)
	authed("GET /api/accounts/{account_id}/vorgs/{vorg_id}/vdcs/{vdc_urn}/edge-gateways", s.listEdges)
	authed("POST /api/accounts/{account_id}/vorgs/{vorg_id}/vdcs/{vdc_urn}/edge-gateways", s.createEdge)

	authed("GET /api/vorg-builds/{build_id}", s.getBuild(kindVorg))
	authed("GET /api/vdc-builds/{build_id}", s.getBuild(kindVDC))
	authed("GET /api/edge-gateway-builds/{build_id}", s.getBuild(kindEdge))
	authed("GET /api/accounts/{account_id}/vorg-builds", s.listBuilds(kindVorg))
	authed("GET /api/accounts/{account_id}/vdc-builds", s.listBuilds(kindVDC))
	authed("GET /api/accounts/{account_id}/edge-gateway-builds", s.listBuilds(kindEdge))

	authed("GET /api/billing/cloud-storage-report", s.cloudStorageReport)
	authed("GET /api/billing/billing-csv", s.billingCSV)

	open("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, http.StatusNotFound, "Not found", "no such resource: "+r.Method+" "+r.URL.Path)
	})
	return mux
}
