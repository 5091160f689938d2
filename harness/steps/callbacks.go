package steps

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/callback"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// Steps over asynchronous notifications (OpenAPI callbacks). The harness gives the API a URL of
// the scenario's own in every callback header the operation declares (unless the feature sets
// the header itself), remembers the transaction id of each answer, and files notifications in the
// scenario's inbox (from the receiver live, from the recording in replay).

type callbackState struct {
	knownTx  map[string]*spec.Operation
	consumed map[int]bool
	last     *callback.Received
	lastOp   *spec.Operation
}

// addCallbackHeaders sets the callback URLs of the operation's declared callbacks.
func (s *Scenario) addCallbackHeaders(req *http.Request, op *spec.Operation) {
	if s.session.Inbox == nil || op == nil {
		return
	}
	for _, cb := range op.Callbacks() {
		if cb.Header != "" && len(validate.HeaderValues(req.Header, cb.Header)) == 0 {
			req.Header.Set(cb.Header, s.session.CallbackBase+"/"+cb.Header)
		}
	}
}

// noteTransaction remembers the transaction id of an answer and the operation it belongs to.
func (s *Scenario) noteTransaction(h http.Header, op *spec.Operation) {
	names := s.env.API.Harness.Callbacks.TransactionHeaders
	if len(names) == 0 || op == nil {
		return
	}
	for _, v := range validate.HeaderValues(h, names...) {
		if s.cb.knownTx == nil {
			s.cb.knownTx = map[string]*spec.Operation{}
		}
		s.cb.knownTx[v] = op
	}
}

func (s *Scenario) txOf(r callback.Received) string {
	vals := validate.HeaderValues(r.Headers, s.env.API.Harness.Callbacks.TransactionHeaders...)
	if len(vals) == 0 {
		return ""
	}
	return vals[0]
}

func (s *Scenario) inbox() (*callback.Inbox, error) {
	if s.session.Inbox == nil {
		return nil, fmt.Errorf("%s declares no callbacks: there is no inbox to wait on", s.env.API.Name)
	}
	if len(s.env.API.Harness.Callbacks.TransactionHeaders) == 0 {
		return nil, fmt.Errorf("specs/%s/harness.yaml names no callbacks.transaction_headers: notifications cannot be matched to requests", s.env.API.Name)
	}
	return s.session.Inbox, nil
}

// completionHeader is the header of the operation's completion callback: Callback when declared,
// else its first callback header.
func completionHeader(op *spec.Operation) string {
	first := ""
	for _, cb := range op.Callbacks() {
		if validate.HeaderKey(cb.Header) == "callback" {
			return cb.Header
		}
		if first == "" {
			first = cb.Header
		}
	}
	return first
}

// awaitCallback waits for the next unconsumed notification of a transaction sent to the URL of
// header. A notification carrying a transaction id no answer of this scenario gave is reported.
func (s *Scenario) awaitCallback(ctx context.Context, header, tx string, timeout time.Duration) error {
	in, err := s.inbox()
	if err != nil {
		return err
	}
	op, known := s.cb.knownTx[tx]
	if !known {
		return fmt.Errorf("no answer of this scenario carried transaction id %q (headers %s)", tx, strings.Join(s.env.API.Harness.Callbacks.TransactionHeaders, ", "))
	}
	if header == "" {
		header = completionHeader(op)
	}
	deadline := time.Now().Add(timeout)
	for i := 0; ; i++ {
		r, err := in.Wait(ctx, i, time.Until(deadline))
		if err != nil {
			if errors.Is(err, callback.ErrTimeout) {
				return fmt.Errorf("no %s callback for transaction %s (%s): %v; received: %s", header, tx, op.ID, err, describeInbox(s, in.All()))
			}
			return err
		}
		if s.cb.consumed[i] {
			continue
		}
		got := s.txOf(r)
		if got == "" {
			return fmt.Errorf("a %s callback without a transaction id (headers %s) was received: %s", r.Header, strings.Join(s.env.API.Harness.Callbacks.TransactionHeaders, ", "), excerpt([]byte(r.Body)))
		}
		if _, ok := s.cb.knownTx[got]; !ok {
			return fmt.Errorf("a %s callback with unknown transaction id %q was received while waiting for %s: it is not accepted", r.Header, got, tx)
		}
		if got == tx && validate.HeaderKey(r.Header) == validate.HeaderKey(header) {
			if s.cb.consumed == nil {
				s.cb.consumed = map[int]bool{}
			}
			s.cb.consumed[i] = true
			rc := r
			s.cb.last, s.cb.lastOp = &rc, op
			return nil
		}
	}
}

func describeInbox(s *Scenario, list []callback.Received) string {
	if len(list) == 0 {
		return "nothing"
	}
	parts := make([]string, len(list))
	for i, r := range list {
		parts[i] = fmt.Sprintf("%s tx=%q", r.Header, s.txOf(r))
	}
	return strings.Join(parts, ", ")
}

func (s *Scenario) callbackTimeout(secs int) time.Duration {
	if secs > 0 {
		return time.Duration(secs) * time.Second
	}
	if d, err := time.ParseDuration(s.env.API.Harness.Callbacks.Timeout); err == nil && d > 0 {
		return d
	}
	return 30 * time.Second
}

// completionArrives waits for the completion callback (the operation's Callback header).
func completionArrives(ctx context.Context, tx string, secs int) error {
	return callbackArrives(ctx, "", tx, secs)
}

// callbackArrives waits for the next callback of a transaction sent to header's URL ("" for the
// completion callback).
func callbackArrives(ctx context.Context, header, tx string, secs int) error {
	s := scenario(ctx)
	t, err := s.Expand(tx)
	if err != nil {
		return err
	}
	return s.awaitCallback(ctx, header, t, s.callbackTimeout(secs))
}

func (s *Scenario) lastCallback() (*callback.Received, error) {
	if s.cb.last == nil {
		return nil, errors.New("no callback yet: wait for one first")
	}
	return s.cb.last, nil
}

func (s *Scenario) notification(r *callback.Received) *validate.Notification {
	return &validate.Notification{To: r.Header, Method: r.Method, URL: s.session.CallbackBase + r.Path, Headers: r.Headers, Body: []byte(r.Body)}
}

func callbackConforms(ctx context.Context) error {
	s := scenario(ctx)
	r, err := s.lastCallback()
	if err != nil {
		return err
	}
	_, err = s.validateCallback(s.cb.lastOp, s.notification(r))
	return err
}

func callbackHeaderIs(ctx context.Context, name, want string) error {
	s := scenario(ctx)
	r, err := s.lastCallback()
	if err != nil {
		return err
	}
	w, err := s.Expand(want)
	if err != nil {
		return err
	}
	vals := validate.HeaderValues(r.Headers, name)
	if len(vals) == 0 || vals[0] != w {
		return fmt.Errorf("%s callback: expected header %s to be %q, got %q", r.Header, name, w, strings.Join(vals, ", "))
	}
	return nil
}

// callbackField returns a field of a notification, validated against its contract first: a
// notification that breaks its contract (a renamed element, say) is reported as such, not as a
// field that is missing or null.
func (s *Scenario) callbackField(r *callback.Received, op *spec.Operation, ptr string) (any, bool, error) {
	d, verr := s.validateCallback(op, s.notification(r))
	if verr != nil {
		return nil, false, verr
	}
	if d == nil {
		return nil, false, fmt.Errorf("the %s callback has no JSON or XML body: %s", r.Header, excerpt([]byte(r.Body)))
	}
	v, ok := validate.Lookup(d.Value, ptr)
	return v, ok, nil
}

func callbackFieldIs(ctx context.Context, ptr, want string) error {
	s := scenario(ctx)
	r, err := s.lastCallback()
	if err != nil {
		return err
	}
	w, err := s.Expand(want)
	if err != nil {
		return err
	}
	v, ok, err := s.callbackField(r, s.cb.lastOp, ptr)
	if err != nil {
		return err
	}
	if !ok || validate.Render(v) != w {
		got := "(absent)"
		if ok {
			got = validate.Render(v)
		}
		return fmt.Errorf("%s callback: expected field %s to be %q, got %q", r.Header, ptr, w, got)
	}
	return nil
}

// saveCallbackField saves a field of the last callback, for values ESC generates and tells only
// in a notification (the id of a volume made of a snapshot, the tenant images belong to).
func saveCallbackField(ctx context.Context, ptr, name string) error {
	s := scenario(ctx)
	r, err := s.lastCallback()
	if err != nil {
		return err
	}
	v, ok, err := s.callbackField(r, s.cb.lastOp, ptr)
	if err != nil {
		return err
	}
	if !ok || v == nil {
		return fmt.Errorf("%s callback: no field %s to save as %s", r.Header, ptr, name)
	}
	s.vars[name] = validate.Render(v)
	return nil
}

// eventsInOrder waits until as many notifications of a transaction have reached header's URL as
// values are listed, then compares the field of each, in arrival order.
func eventsInOrder(ctx context.Context, header, tx, ptr, list string, secs int) error {
	s := scenario(ctx)
	t, err := s.Expand(tx)
	if err != nil {
		return err
	}
	var want []string
	for _, v := range strings.Split(list, ",") {
		if v = strings.TrimSpace(v); v != "" {
			want = append(want, v)
		}
	}
	if len(want) == 0 {
		return fmt.Errorf("%s callbacks of transaction %s: no values listed in %q, so the step could not fail: list the values expected in order", header, t, list)
	}
	in, err := s.inbox()
	if err != nil {
		return err
	}
	op, known := s.cb.knownTx[t]
	if !known {
		return fmt.Errorf("no answer of this scenario carried transaction id %q", t)
	}
	deadline := time.Now().Add(s.callbackTimeout(secs))
	var got []string
	for i := 0; len(got) < len(want); i++ {
		r, err := in.Wait(ctx, i, time.Until(deadline))
		if err != nil {
			return fmt.Errorf("%s callbacks of transaction %s: expected %s, received only %s (%v)", header, t, strings.Join(want, ", "), strings.Join(got, ", "), err)
		}
		if validate.HeaderKey(r.Header) != validate.HeaderKey(header) {
			continue
		}
		rtx := s.txOf(r)
		if _, ok := s.cb.knownTx[rtx]; rtx != "" && !ok {
			return fmt.Errorf("a %s callback with unknown transaction id %q was received: it is not accepted", r.Header, rtx)
		}
		if rtx != t {
			continue
		}
		v, ok, err := s.callbackField(&r, op, ptr)
		if err != nil {
			return fmt.Errorf("%s callbacks of transaction %s: callback %d of the %d expected (%s) breaks its contract: %w", header, t, len(got)+1, len(want), strings.Join(want, ", "), err)
		}
		if !ok {
			return fmt.Errorf("%s callbacks of transaction %s: expected %s in this order; callback %d has no field %s: %s", header, t, strings.Join(want, ", "), len(got)+1, ptr, excerpt([]byte(r.Body)))
		}
		got = append(got, validate.Render(v))
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		return fmt.Errorf("%s callbacks of transaction %s: expected %s in this order, got %s", header, t, strings.Join(want, ", "), strings.Join(got, ", "))
	}
	return nil
}
