// Package sim is the skeleton shared by the cloudcontract API simulators.
//
// A simulator is a stateful, in-memory HTTP server that follows one vendor
// document closely enough to serve as its reference implementation, and that
// can be told to break its own contract (a fault switch) so tests can prove
// the harness notices each kind of break. This package holds what every
// simulator needs and nothing API-specific: options, the fault set, seeded
// identifiers, a simulated clock, sessions, body writers for JSON, XML and
// CSV, paging arithmetic, middleware (latency, an access log that never
// records secrets) and a server runner with graceful shutdown.
package sim

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// DefaultStart is the origin of the simulated clock when Options.Start is
// zero. It is fixed so that timestamps in bodies never depend on wall time.
var DefaultStart = time.Date(2018, time.July, 20, 9, 0, 0, 0, time.UTC)

// Credential is one user a simulator accepts. Which fields matter depends on
// the API: Basic and form/JSON logins use Username and Password, bearer-token
// APIs use Token, and Role lets an API grant different rights to different
// users.
type Credential struct {
	Username string
	Password string
	Token    string
	Role     string
}

// Options configures a simulator. The zero value is usable: no faults, seed 0,
// the default clock origin, real time for session expiry, the API's default
// session lifetime and credentials, no added latency and no access log.
type Options struct {
	// Faults names the contract breaks to switch on (see each API's KnownFaults).
	Faults []string
	// Seed makes identifiers and session tokens deterministic: two simulators
	// with the same seed answer the same request sequence byte for byte.
	Seed int64
	// Start is the origin of the simulated clock used for timestamps written
	// into bodies; zero means DefaultStart.
	Start time.Time
	// Now is the real time source used for session expiry only; nil means
	// time.Now. Tests inject a fake to expire sessions without sleeping.
	Now func() time.Time
	// SessionTTL is how long a session lives without activity; zero means the
	// API's documented default.
	SessionTTL time.Duration
	// Latency is added to every answer, for performance tests.
	Latency time.Duration
	// Credentials are the users the simulator accepts; nil means the API's
	// defaults.
	Credentials []Credential
	// Log receives one access-log line per request; nil means no log.
	Log io.Writer
	// AuthDisabled serves requests without authentication, for APIs whose document says
	// authentication can be switched off (Cisco ESC); the others refuse it.
	AuthDisabled bool
	// Dataset names the data set the simulator is populated with (DatasetDefault when empty;
	// see Datasets).
	Dataset string
	// VendorState names the state only the vendor's side can put a deployment in (a whole-system
	// maintenance window, a failing back end) that the simulator serves, for the vendor-side
	// scenarios; empty serves the API as usual. A simulator knows only the states of its
	// document (its VendorStates) and refuses any other.
	VendorState string
}

// VendorState is one state only the vendor's side can put a deployment of an API in, which a
// simulator made with Options.VendorState serves: with --target sim, a second simulator in each
// state is started and its vendor-side fixture set to its URL.
type VendorState struct {
	// Name is the value of Options.VendorState (simulate --vendor-state).
	Name string
	// Fixture is the vendor-side fixture of specs/<api>/harness.yaml naming the base URL of such
	// a deployment.
	Fixture string
	// Description says what the deployment answers, for the help of simulate.
	Description string
}

// CheckVendorState returns an error naming the known states when Options.VendorState is none of
// them, or nil.
func (o Options) CheckVendorState(known []VendorState) error {
	if o.VendorState == "" {
		return nil
	}
	var names []string
	for _, v := range known {
		if v.Name == o.VendorState {
			return nil
		}
		names = append(names, v.Name)
	}
	if len(names) == 0 {
		return fmt.Errorf("vendor state %q: the document describes no vendor-side state for this API", o.VendorState)
	}
	return fmt.Errorf("vendor state %q: expected one of %s", o.VendorState, strings.Join(names, ", "))
}

// StartTime returns the origin of the simulated clock.
func (o Options) StartTime() time.Time {
	if o.Start.IsZero() {
		return DefaultStart
	}
	return o.Start
}

// NowFunc returns the real time source for session expiry.
func (o Options) NowFunc() func() time.Time {
	if o.Now == nil {
		return time.Now
	}
	return o.Now
}

// TTL returns the session lifetime, falling back to def when unset.
func (o Options) TTL(def time.Duration) time.Duration {
	if o.SessionTTL <= 0 {
		return def
	}
	return o.SessionTTL
}

// Users returns the configured credentials, falling back to def when unset.
// The result is a copy, so a simulator may keep it without aliasing the
// caller's slice.
func (o Options) Users(def []Credential) []Credential {
	src := o.Credentials
	if src == nil {
		src = def
	}
	return append([]Credential(nil), src...)
}

// Wrap applies the options' cross-cutting middleware to h: the access log
// (outermost, so it measures the added latency too) and the latency.
func (o Options) Wrap(h http.Handler) http.Handler {
	h = WithLatency(o.Latency, h)
	if o.Log != nil {
		h = WithAccessLog(o.Log, h)
	}
	return h
}

// Simulator is what every API simulator provides: an http.Handler, the API
// name used in folder names (ukcloud, cloudcontrol, esc, cam) and the faults
// it can be told to commit.
type Simulator interface {
	http.Handler
	Name() string
	Faults() []Fault
}
