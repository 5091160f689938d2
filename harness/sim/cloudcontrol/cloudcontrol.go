// Package cloudcontrol simulates the Cloud REST API v0.9 (OpSource /
// Dimension Data CloudControl; vendor document 001_0dd653c21ee0abae.txt,
// contract specs/cloudcontrol/openapi.yaml) so that contract tests can run
// without the vendor, and so that the harness can be shown to catch each kind
// of contract break (see KnownFaults).
//
// The simulator is stateful and deterministic. It keeps one organization in
// memory (administrators and their roles, data centers, OS and customer
// images, servers with disks and backup, networks with ACL and NAT rules,
// public IP blocks and load-balancing resources, Cloud Files accounts,
// image imports, exports and copies) and answers every one of the 139
// operations of the contract. Given the same seed and the same sequence of
// requests it answers byte for byte the same: new identifiers come from the
// seeded generator and timestamps from the simulated clock.
//
// One request skeleton serves every operation: the operation is found from
// the path and its query marker, then HTTP Basic authentication, the org id,
// the role (x-roles) and, for paging lists, the paging and filtering
// parameters (section 1.8) are checked from the contract tables in
// contract_gen.go before the operation's handler runs. Errors are the
// documented <Status> with the REASON code and the HTTP status the contract
// gives that code for that operation. Operations complete at once (the real
// service is asynchronous); pending and failed states exist in the seeded
// data so that the "operation in progress" and "invalid state" codes can be
// exercised. Where the document is silent the decision taken is written next
// to the code that takes it.
package cloudcontrol

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// Default credentials. The primary administrator holds every role; the
// sub-administrator only "server", so it may manage servers but gets 403
// REASON_140 on network, image, backup, storage, account and report
// operations; the read-only administrator may only read.
const (
	DefaultUsername  = "primary.admin"
	DefaultPassword  = "cloud-sim-password"
	SubAdminUsername = "sub.admin"
	SubAdminPassword = "sub-admin-password"
	ReadOnlyUsername = "read.only"
	ReadOnlyPassword = "read-only-password"
)

// Roles of section 2.2, as written in <role><name>.
const (
	RolePrimary    = "primary administrator"
	RoleNetwork    = "network"
	RoleServer     = "server"
	RoleBackup     = "backup"
	RoleCreateImg  = "create image"
	RoleStorage    = "storage"
	RoleReports    = "reports"
	RoleReadOnly   = "read only"
	roleSeparator  = ","
	basicAuthRealm = `Basic realm="CloudControl"`
)

// ClockStep is how far the simulated clock moves per stamped event.
const ClockStep = time.Minute

// Simulator is the CloudControl simulator. It is safe for concurrent use;
// requests are served one at a time against the in-memory state, which keeps
// answers deterministic.
type Simulator struct {
	opts     sim.Options
	dataset  string // sim.DatasetDefault or sim.DatasetSecond
	faults   sim.Faults
	ids      *sim.IDs
	clock    *sim.Clock
	router   sim.Router[*opSpec]
	handlers map[string]handler
	handler  http.Handler

	mu sync.Mutex // guards st
	st *state
}

var _ sim.Simulator = (*Simulator)(nil)

// New returns a simulator with the seeded organization. Options.Credentials,
// when given, are laid over the default administrators (see administrators):
// each Credential's Role is a comma-separated list of section 2.2 roles
// ("primary administrator" for the primary administrator). New fails only
// when opts.Faults names a fault this simulator does not know.
func New(opts sim.Options) (*Simulator, error) {
	if opts.AuthDisabled {
		return nil, errors.New("the document gives no way to switch authentication off for this API")
	}
	faults, err := sim.ParseFaults(KnownFaults(), opts.Faults)
	if err != nil {
		return nil, err
	}
	dataset, err := opts.DatasetName()
	if err != nil {
		return nil, err
	}
	if err := opts.CheckVendorState(VendorStates()); err != nil {
		return nil, err
	}
	s := &Simulator{
		opts:   opts,
		faults: faults,
		ids:    sim.NewIDs(opts.Seed),
		clock:  sim.NewClock(opts.StartTime(), ClockStep),
	}
	s.dataset = dataset
	s.st = seed(administrators(opts.Credentials))
	if dataset == sim.DatasetSecond {
		makeSecond(s.st)
	}
	s.handlers = s.routes()
	for i := range operations {
		op := &operations[i]
		s.router.Add(op.Method, op.PathKey, op)
	}
	s.handler = opts.Wrap(http.HandlerFunc(s.serve))
	if opts.VendorState == maintenanceState {
		s.handler = opts.Wrap(http.HandlerFunc(s.maintenance))
	}
	return s, nil
}

// DefaultCredentials are the administrators of the seeded organization, each
// Role a comma-separated list of roles.
func DefaultCredentials() []sim.Credential {
	return []sim.Credential{
		{Username: DefaultUsername, Password: DefaultPassword, Role: RolePrimary},
		{Username: SubAdminUsername, Password: SubAdminPassword, Role: RoleServer},
		{Username: ReadOnlyUsername, Password: ReadOnlyPassword, Role: RoleReadOnly},
	}
}

// genericAdminRole is the role every simulator's default credential carries
// (sim.Credential.Role "admin"); here it means the seeded administrator's roles.
const genericAdminRole = "admin"

// administrators lays the given credentials over DefaultCredentials: a
// credential with the user name of a default administrator replaces its
// password (and its roles, unless it names none or the generic "admin"), any
// other is added. The organization keeps its sub-administrator and read-only
// administrator when a caller only changes the primary administrator's
// password (as the harness's canary recording does), so scenarios acting as
// them still find them.
func administrators(given []sim.Credential) []sim.Credential {
	out := DefaultCredentials()
	for _, g := range given {
		i := slices.IndexFunc(out, func(d sim.Credential) bool { return d.Username == g.Username })
		if i < 0 {
			out = append(out, g)
			continue
		}
		role := out[i].Role
		if r := strings.TrimSpace(g.Role); r != "" && r != genericAdminRole {
			role = r
		}
		out[i] = g
		out[i].Role = role
	}
	return out
}

// Name returns "cloudcontrol", the folder name of this API everywhere in the repo.
func (s *Simulator) Name() string { return "cloudcontrol" }

// Faults returns the faults this simulator knows (not only those switched on).
func (s *Simulator) Faults() []sim.Fault { return KnownFaults() }

// ServeHTTP serves one request of the Cloud REST API.
func (s *Simulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// handler serves one operation once the skeleton has authenticated and
// authorised the call and checked its paging parameters.
type handler func(c *call)

// serve is the one request skeleton of every operation.
func (s *Simulator) serve(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	op, params, allowed, ok := s.router.Find(r.Method, r.URL.Path, query)
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &call{s: s, w: w, r: r, op: op, params: params, query: query}
	if !ok {
		// Outside the contract: no documented answer exists, so a Status
		// with the catch-all code and the HTTP status that says why.
		status := http.StatusNotFound
		if len(allowed) > 0 {
			status = http.StatusMethodNotAllowed
			w.Header().Set("Allow", strings.Join(allowed, ", "))
		}
		c.op = &opSpec{Title: "Unknown"}
		c.write(status, errorStatus(c.op.Title, "REASON_420", "No such function: "+r.Method+" "+r.URL.Path))
		return
	}
	acct := s.authenticate(r)
	if acct == nil {
		// 1.3.3: 401 "Invalid request credentials"; the document gives no body.
		w.Header().Set("WWW-Authenticate", basicAuthRealm)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	c.user = acct
	if org, has := params["org-id"]; has && org != s.st.orgID {
		// Operations that document REASON_100 answer it; the others answer
		// the common 403 REASON_140 ("{org-id} invalid"). Where both are
		// documented, the second data set answers the common one.
		if op.documents("REASON_100") && s.dataset != sim.DatasetSecond {
			c.fail(100, "")
			return
		}
		c.fail(140, "{org-id} "+org+" invalid (does not match credentials).")
		return
	}
	if !acct.mayCall(op) {
		c.fail(140, "Invalid role: "+acct.userName+" lacks the role required by "+op.Title+" (one of: "+strings.Join(op.Roles, ", ")+").")
		return
	}
	if failing := failingCode(s.opts.VendorState); failing != 0 && op.documents(code(failing)) {
		c.fail(failing, "")
		return
	}
	if op.Paging != nil {
		q, perr := parsePaging(op.Paging, query, s.st.pageSize)
		if perr != nil {
			c.fail(perr.code, perr.detail)
			return
		}
		c.paging = q
		if code, detail := s.unknownFilterRef(op, q); code != 0 {
			c.fail(code, detail)
			return
		}
	}
	if c.namesMaintenance() {
		return
	}
	h := s.handlers[op.ID]
	if h == nil {
		c.fail(420, "Not implemented by the simulator.")
		return
	}
	h(c)
}

// unknownFilterRef answers a networkId or location filter naming a network
// or a data center the organization does not have, where the operation
// documents the code for it (REASON_250, REASON_770): "if a networkId filter
// is specified, either the network does not exist or is not owned by the
// organization" (5.18, 11.2.4 and 6.3).
func (s *Simulator) unknownFilterRef(op *opSpec, q *pageQuery) (int, string) {
	for _, f := range q.filters {
		if f.op != "" {
			continue
		}
		for _, v := range f.values {
			// Filter values match without regard to case (1.8), so does the look-up.
			switch {
			case f.field == "networkId" && op.documents("REASON_250") && find(s.st.networks, func(n *network) bool { return strings.EqualFold(n.id, v) }) == nil:
				return 250, "networkId " + v + " could not be found for " + s.st.orgID + "."
			case f.field == "location" && op.documents("REASON_770") && find(s.st.datacenters, func(d *datacenter) bool { return strings.EqualFold(d.location, v) }) == nil:
				return 770, "location " + v + " is either unavailable or invalid."
			}
		}
	}
	return 0, ""
}

// authenticate resolves HTTP Basic credentials to an administrator of the
// organization (accounts are state: Add Sub-Administrator Account creates a
// user who can log in at once).
func (s *Simulator) authenticate(r *http.Request) *account {
	u, p, ok := r.BasicAuth()
	if !ok {
		return nil
	}
	var creds []sim.Credential
	for _, a := range s.st.accounts {
		creds = append(creds, sim.Credential{Username: a.userName, Password: a.password})
	}
	c, ok := sim.FindUser(creds, u, p)
	if !ok {
		return nil
	}
	return s.st.account(c.Username)
}

// mayCall reports whether the administrator holds one of the roles the
// operation requires. The primary administrator may call everything.
func (a *account) mayCall(op *opSpec) bool {
	if len(op.Roles) == 0 || a.hasRole(RolePrimary) {
		return true
	}
	for _, r := range op.Roles {
		if a.hasRole(r) {
			return true
		}
	}
	return false
}

func (a *account) hasRole(role string) bool {
	for _, r := range a.roles {
		if r == role {
			return true
		}
	}
	return false
}
