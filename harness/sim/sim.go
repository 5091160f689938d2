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
	"errors"
	"io"
	"net/http"
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
	// Maintenance serves the API as its document says it answers during a whole-system
	// scheduled maintenance window, for the vendor-side scenarios (CloudControl: every URL
	// answers 503 REASON_5). A simulator whose document describes none refuses it (Unsupported).
	Maintenance bool
}

// Unsupported returns an error naming the options a simulator's document gives no way to
// serve (a maintenance window), or nil.
func (o Options) Unsupported() error {
	if o.Maintenance {
		return errors.New("the document describes no scheduled maintenance window for this API")
	}
	return nil
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
