// Package vcr builds the HTTP transport of a run. Live, record and replay differ only here: the
// mode is chosen once, when the Factory is built, and each scenario gets a Session whose
// RoundTripper is the real network (live), the network with go-vcr writing a cassette (record), or
// the cassette alone (replay, which never touches the network and never sleeps).
//
// Cassettes are written only for scenarios that passed, replace the previous cassette atomically
// (a failed recording loses nothing), and pass through the redaction policy before they reach the
// disk. The same policy is applied to a live request before it is matched against a cassette. A
// new recording that says what the previous one said leaves the previous files as they are (see
// Compare and keep.go), so that a re-record shows only what the API changed; `cassettes diff`
// shows the same comparison to a person.
package vcr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dnaeon/go-vcr/v2/cassette"
	"github.com/dnaeon/go-vcr/v2/recorder"

	"github.com/cloudcontract/cloudcontract/harness/callback"
	"github.com/cloudcontract/cloudcontract/harness/redact"
)

// Mode is how a run reaches the API.
type Mode int

// Modes.
const (
	// Replay answers from cassettes only (the default).
	Replay Mode = iota
	// Live talks to the target.
	Live
	// Record talks to the target and writes a cassette per passing scenario.
	Record
)

// String implements fmt.Stringer.
func (m Mode) String() string {
	switch m {
	case Live:
		return "live"
	case Record:
		return "record"
	default:
		return "replay"
	}
}

// Options configure a Factory.
type Options struct {
	Mode Mode
	// Dir is the cassette folder of one API (cassettes/NAME).
	Dir string
	// Real is the transport to the target (live and record); nil means a default transport.
	Real http.RoundTripper
	// Policy redacts cassettes and requests before matching; nil means redact.New().
	Policy *redact.Policy
	// Header is written as a comment at the top of each recorded cassette (e.g. the spec hash).
	Header string
	// RecordHint tells a person how to record a missing cassette.
	RecordHint string
	// Receiver receives the API's callbacks in live and record modes (nil: the API has none).
	Receiver *callback.Receiver
	// KeepFailed writes the cassettes of failing scenarios too (certification evidence, written
	// to a bundle, never over the committed cassettes).
	KeepFailed bool
	// RunID identifies the run in live and record modes; it is written into each recorded
	// cassette, and replay gives each scenario the run id its cassette was recorded with, so
	// resources named after ${run_id} match their recording.
	RunID string
	// Vars are the fixture variables of the run (harness.yaml fixtures, resolved before the
	// scenarios): written into each recorded cassette, and given back to the scenario in replay,
	// so that a recording made against one cloud replays with that cloud's values.
	Vars map[string]string
	// VendorSide names the fixture variables among Vars that only a vendor can set (a deployment
	// in maintenance): a recorded cassette carries one only when its scenario used it (see
	// Session.Use), so that such a cassette is told from the others by its "# vars:" line.
	VendorSide []string
	// Wrap, when set, wraps the transport of each scenario (all modes): a test harness such as
	// mutation testing changes the responses one scenario sees. Nil leaves transports as built.
	Wrap func(featureURI, scenario string, rt http.RoundTripper) http.RoundTripper
}

// Factory opens one Session per scenario.
type Factory struct {
	opts Options

	mu   sync.Mutex
	used map[string]string // cassette path -> scenario that claimed it
}

// NewFactory returns a factory for one API and mode.
func NewFactory(opts Options) *Factory {
	if opts.Policy == nil {
		opts.Policy = redact.New()
	}
	if opts.Real == nil {
		opts.Real = http.DefaultTransport
	}
	return &Factory{opts: opts, used: map[string]string{}}
}

// Mode returns the factory's mode (for progress output only: steps never ask).
func (f *Factory) Mode() Mode { return f.opts.Mode }

// Real returns the transport to the target, unrecorded, with the secrets it carries learned by
// the policy.
func (f *Factory) Real() http.RoundTripper {
	return &learning{next: f.opts.Real, policy: f.opts.Policy}
}

// Policy returns the redaction policy in force.
func (f *Factory) Policy() *redact.Policy { return f.opts.Policy }

// Session is the transport of one scenario.
type Session struct {
	// Transport carries the scenario's requests.
	Transport http.RoundTripper
	// Cassette is the cassette file of the scenario.
	Cassette string
	// Inbox receives the scenario's callbacks (nil when the API sends none); CallbackBase is the
	// URL to give the API, to which the harness appends /<request header name>.
	Inbox        *callback.Inbox
	CallbackBase string
	// RunID is the run id of the scenario: the run's, or in replay the recorded one.
	RunID string
	// Vars are the fixture variables of the scenario: the run's, or in replay the recorded ones.
	Vars map[string]string
	// Cleanup carries the requests that delete what a scenario left behind: the real network,
	// never recorded (live and record), or nil in replay, where nothing was created.
	Cleanup http.RoundTripper

	used  map[string]bool // the variables the scenario used (Use)
	close func(passed bool) error
}

// Use notes that the scenario used the variable name: a vendor-side fixture variable is written
// into the scenario's recording only then.
func (s *Session) Use(name string) {
	if s.used == nil {
		s.used = map[string]bool{}
	}
	s.used[name] = true
}

// Close ends the scenario: in record mode the cassette is written when passed is true, and
// discarded otherwise (the previous cassette stays).
func (s *Session) Close(passed bool) error {
	if s.close == nil {
		return nil
	}
	return s.close(passed)
}

var slugRe = regexp.MustCompile(`[^a-z0-9]+`)

// Slug turns a name into a file name.
func Slug(s string) string {
	s = strings.Trim(slugRe.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if len(s) > 100 {
		s = s[:100]
	}
	if s == "" {
		s = "unnamed"
	}
	return s
}

// CassettePath is the cassette file of a scenario: DIR/<feature file>/<scenario slug>.yaml.
func (f *Factory) CassettePath(featureURI, scenario string) string {
	base := strings.TrimSuffix(filepath.Base(featureURI), filepath.Ext(featureURI))
	return filepath.Join(f.opts.Dir, base, Slug(scenario)+".yaml")
}

// Open prepares the transport of one scenario, wrapped by Options.Wrap when set.
func (f *Factory) Open(featureURI, scenario string) (*Session, error) {
	s, err := f.open(featureURI, scenario)
	if err == nil && f.opts.Wrap != nil {
		s.Transport = f.opts.Wrap(featureURI, scenario, s.Transport)
	}
	return s, err
}

func (f *Factory) open(featureURI, scenario string) (*Session, error) {
	path := f.CassettePath(featureURI, scenario)
	f.mu.Lock()
	if prev, dup := f.used[path]; dup {
		f.mu.Unlock()
		return nil, fmt.Errorf("scenario %q and scenario %q of %s share the cassette %s: give scenarios distinct names (outline names should include their <placeholders>)", scenario, prev, featureURI, path)
	}
	f.used[path] = scenario
	f.mu.Unlock()

	switch f.opts.Mode {
	case Live:
		s := &Session{Transport: &learning{next: f.opts.Real, policy: f.opts.Policy}, Cassette: path, RunID: f.opts.RunID, Vars: f.opts.Vars}
		s.Cleanup = s.Transport
		if f.opts.Receiver != nil {
			var done func()
			s.Inbox, s.CallbackBase, done = f.opts.Receiver.Open()
			s.close = func(bool) error { done(); return nil }
		}
		return s, nil
	case Record:
		return f.openRecord(path)
	default:
		s, err := f.openReplay(path, scenario)
		if err != nil {
			return nil, err
		}
		list, err := LoadCallbacks(CallbacksPath(path))
		if err != nil {
			return nil, err
		}
		s.Inbox, s.CallbackBase = callback.Recorded(list), replayCallbackBase
		s.RunID, s.Vars = recordedHeader(path)
		return s, nil
	}
}

// learning registers the secrets a response carries (session cookies) with the policy, so that
// they are masked in reports and logs even in live runs.
type learning struct {
	next   http.RoundTripper
	policy *redact.Policy
}

// RoundTrip implements http.RoundTripper.
func (l *learning) RoundTrip(r *http.Request) (*http.Response, error) {
	l.policy.Learn(r.Header)
	resp, err := l.next.RoundTrip(r)
	if resp != nil {
		l.policy.Learn(resp.Header)
	}
	return resp, err
}

func (f *Factory) openRecord(path string) (*Session, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	tmpDir, err := os.MkdirTemp(filepath.Dir(path), ".recording-")
	if err != nil {
		return nil, err
	}
	tmpName := filepath.Join(tmpDir, "cassette")
	rec, err := recorder.NewAsMode(tmpName, recorder.ModeRecording, &learning{next: f.opts.Real, policy: f.opts.Policy})
	if err != nil {
		os.RemoveAll(tmpDir)
		return nil, err
	}
	rec.AddSaveFilter(f.saveFilter)
	s := &Session{Transport: &bodyBuffer{next: rec}, Cassette: path, RunID: f.opts.RunID, Vars: f.opts.Vars}
	s.Cleanup = &learning{next: f.opts.Real, policy: f.opts.Policy}
	done := func() {}
	if f.opts.Receiver != nil {
		s.Inbox, s.CallbackBase, done = f.opts.Receiver.Open()
	}
	s.close = func(passed bool) error {
		defer os.RemoveAll(tmpDir)
		done()
		if !passed && !f.opts.KeepFailed {
			return nil
		}
		var callbacks []byte
		if s.Inbox != nil {
			var err error
			if callbacks, err = f.callbacksData(s.Inbox.All(), s.used); err != nil {
				return fmt.Errorf("writing the callbacks of %s: %w", path, err)
			}
		}
		if err := rec.Stop(); err != nil {
			return fmt.Errorf("writing cassette %s: %w", path, err)
		}
		data, err := os.ReadFile(tmpName + ".yaml")
		if errors.Is(err, os.ErrNotExist) {
			// The scenario made no request: no cassette to keep, only its callbacks.
			if s.Inbox != nil {
				return writeOrRemove(CallbacksPath(path), callbacks)
			}
			return nil
		}
		if err != nil {
			return err
		}
		return f.keepOrWrite(path, append([]byte(f.header(s.used)), data...), callbacks, s.Inbox != nil)
	}
	return s, nil
}

// header is the comment written at the top of a recorded cassette: the caller's, with the run id,
// and a second line with the fixture variables when the run has any (a vendor-side one only when
// the scenario used it).
func (f *Factory) header(used map[string]bool) string {
	h := strings.TrimSuffix(f.opts.Header, "\n")
	if f.opts.RunID != "" {
		if h == "" {
			h = "# cloudcontract cassette:"
		}
		h += " run-id=" + f.opts.RunID
	}
	if len(f.opts.Vars) > 0 {
		if h == "" {
			h = "# cloudcontract cassette:"
		}
		vals := url.Values{}
		for k, v := range f.opts.Vars {
			if used[k] || !slices.Contains(f.opts.VendorSide, k) {
				vals.Set(k, v)
			}
		}
		h += "\n" + varsPrefix + vals.Encode()
	}
	if h == "" {
		return ""
	}
	return h + "\n"
}

// varsPrefix starts the header line that carries the fixture variables, query-encoded.
const varsPrefix = "# vars: "

// recordedHeader reads the run id and the fixture variables from a cassette's header comment
// (empty when it has none).
func recordedHeader(path string) (runID string, vars map[string]string) {
	fh, err := os.Open(path)
	if err != nil {
		return "", nil
	}
	defer fh.Close()
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(fh, buf)
	lines := strings.SplitN(string(buf[:n]), "\n", 3)
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "#") {
		return "", nil
	}
	for _, f := range strings.Fields(lines[0]) {
		if v, ok := strings.CutPrefix(f, "run-id="); ok {
			runID = v
		}
	}
	if len(lines) > 1 {
		if enc, ok := strings.CutPrefix(lines[1], varsPrefix); ok {
			if vals, err := url.ParseQuery(enc); err == nil {
				vars = map[string]string{}
				for k := range vals {
					vars[k] = vals.Get(k)
				}
			}
		}
	}
	return runID, vars
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".cassette-*.yaml")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// saveFilter redacts an interaction just before it is written. It replaces maps instead of
// changing them: the live response handed to the scenario keeps its real values.
func (f *Factory) saveFilter(i *cassette.Interaction) error {
	p := f.opts.Policy
	reqCT := i.Request.Headers.Get("Content-Type")
	i.Request.Headers = p.Header(i.Request.Headers)
	i.Request.URL = p.URL(i.Request.URL)
	i.Request.Body = string(p.Body(reqCT, []byte(i.Request.Body)))
	if len(i.Request.Form) > 0 {
		form := make(map[string][]string, len(i.Request.Form))
		for k, vs := range i.Request.Form {
			nv := make([]string, len(vs))
			for j, v := range vs {
				if p.IsSecretField(k) {
					nv[j] = redact.Mask
				} else {
					nv[j] = p.String(v)
				}
			}
			form[k] = nv
		}
		i.Request.Form = form
	}
	i.Response.Headers = p.Header(i.Response.Headers)
	i.Response.Body = string(p.Body(i.Response.Headers.Get("Content-Type"), []byte(i.Response.Body)))
	i.Response.Duration = i.Response.Duration.Round(time.Millisecond)
	return nil
}

// ErrNoCassette is returned in replay when a scenario has no cassette.
var ErrNoCassette = errors.New("no cassette")

func (f *Factory) openReplay(path, scenario string) (*Session, error) {
	name := strings.TrimSuffix(path, ".yaml")
	if _, err := os.Stat(path); err != nil {
		hint := f.opts.RecordHint
		if hint == "" {
			hint = "record it with --record --target URL"
		}
		return nil, fmt.Errorf("%w for scenario %q: %s does not exist; %s", ErrNoCassette, scenario, path, hint)
	}
	rec, err := recorder.NewAsMode(name, recorder.ModeReplaying, noNetwork{})
	if err != nil {
		return nil, fmt.Errorf("cassette %s cannot be read: %w", path, err)
	}
	rec.SkipRequestLatency = true
	rec.SetReplayableInteractions(false)
	rec.SetMatcher(newMatcher(f.opts.Policy).match)
	return &Session{Transport: &replayErrors{next: &bodyBuffer{next: rec}, path: path}, Cassette: path}, nil
}

// noNetwork is the "real" transport of replay: reaching it is a bug, and it says so.
type noNetwork struct{}

// RoundTrip implements http.RoundTripper.
func (noNetwork) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("replay must not reach the network (%s %s)", r.Method, r.URL)
}

// replayErrors turns go-vcr's terse errors into ones a person can act on.
type replayErrors struct {
	next http.RoundTripper
	path string
}

// RoundTrip implements http.RoundTripper.
func (r *replayErrors) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if errors.Is(err, cassette.ErrInteractionNotFound) {
		return nil, fmt.Errorf("replay: %s %s is not in cassette %s (or was already replayed): the scenario changed since it was recorded; record it again", req.Method, req.URL.RequestURI(), r.path)
	}
	return resp, err
}

type bodyKey struct{}

// bodyBuffer reads the request body once, so the matcher can compare it and the recorder can
// still send it.
type bodyBuffer struct{ next http.RoundTripper }

// RoundTrip implements http.RoundTripper.
func (b *bodyBuffer) RoundTrip(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil && r.Body != http.NoBody {
		var err error
		body, err = io.ReadAll(r.Body)
		r.Body.Close()
		if err != nil {
			return nil, err
		}
	}
	r = r.WithContext(context.WithValue(r.Context(), bodyKey{}, body))
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	if body == nil {
		r.Body = http.NoBody
	}
	return b.next.RoundTrip(r)
}
