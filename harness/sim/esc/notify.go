package esc

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// Notification headers. The document's prose spells the transaction id
// esc-transaction-id (line 47) and every example ESC_TRANSACTION_ID (DEFECTS.md
// D12); the examples are followed. Header names are case-insensitive, so the
// wire spelling Go gives them (Esc_transaction_id) is the same header.
const (
	HeaderTransactionID = "ESC_TRANSACTION_ID"
	HeaderStatusCode    = "ESC-Status-Code"
	HeaderStatusMessage = "ESC-Status-Message"
	HeaderCallback      = "Callback"
	HeaderEvents        = "Callback-ESC-Events"
)

// contentTypeNotification is the media type of every notification, as in
// the document's examples.
const contentTypeNotification = "application/xml; charset=UTF-8"

// outbox collects the notifications one request causes; ServeHTTP hands
// them to the deliverer once the answer is written.
type outbox struct{ hooks []sim.Webhook }

const outboxKey = "esc.outbox"

// bodyKind says how invalid-callback-body breaks a notification body.
type bodyKind int

const (
	kindResourceBody   bodyKind = iota // rename the root element
	kindDeploymentBody                 // drop deployment_stage
	kindEventBody                      // drop event_type
	kindDocumentBody                   // any element documented: truncate the XML
)

// txn is one accepted asynchronous request: its transaction id and the URLs
// its notifications go to.
type txn struct {
	s        *Simulator
	id       string // the transaction id of the synchronous answer
	noteID   string // the one notifications carry (differs under wrong-transaction-id)
	callback string // "" when no completion notification is asked for
	events   string // "" when no event notification is asked for
	out      *outbox
}

// hookURL reads a callback header. ok is false for a value that is not an
// absolute http(s) URL; an absent header is "" and ok.
func hookURL(r *http.Request, name string) (string, bool) {
	v := r.Header.Get(name)
	if v == "" && name == HeaderEvents {
		// DEFECTS.md D15: the host actions name it "Callback- ESC-Events".
		v = r.Header.Get("Callback- ESC-Events")
	}
	if v == "" {
		return "", true
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return v, true
}

// callbackRule is how an operation treats a missing Callback header.
type callbackRule int

const (
	// callbackOptional: without it no notification is sent (line 43).
	callbackOptional callbackRule = iota
	// callbackRequired: the operation documents "400 Missing callback"
	// (deployment operations, migrate-vm, snapshot-vm, vm operations).
	callbackRequired
)

// hookHeaders checks the Callback and Callback-ESC-Events headers before anything
// changes, answering 400 itself when the operation documents it (has400).
// A malformed URL on an operation without a documented 400 is ignored, as a
// missing header would be.
func (s *Simulator) hookHeaders(w http.ResponseWriter, r *http.Request, rule callbackRule, has400 bool) (cb, ev string, ok bool) {
	cb, cbOK := hookURL(r, HeaderCallback)
	ev, evOK := hookURL(r, HeaderEvents)
	if has400 {
		if !cbOK {
			s.fail(w, http.StatusBadRequest, "Invalid Request", "the Callback header is not an absolute http(s) URL")
			return "", "", false
		}
		if !evOK {
			s.fail(w, http.StatusBadRequest, "Invalid Request", "the Callback-ESC-Events header is not an absolute http(s) URL")
			return "", "", false
		}
		if rule == callbackRequired && cb == "" {
			s.fail(w, http.StatusBadRequest, "Missing callback", "the Callback header is required")
			return "", "", false
		}
	}
	return cb, ev, true
}

// accept writes the synchronous answer of an asynchronous write (status is
// the documented one) with its transaction id, and returns the transaction
// the notifications are built on. The answer has no body: the contract
// documents none (DEFECTS.md D56).
func (s *Simulator) accept(w http.ResponseWriter, r *http.Request, status int, cb, ev string) *txn {
	return s.acceptAs(w, r, status, cb, ev, true)
}

// acceptAs is accept; faultable false keeps the status under
// wrong-http-status (host actions document only `default`, which any
// status matches).
func (s *Simulator) acceptAs(w http.ResponseWriter, r *http.Request, status int, cb, ev string, faultable bool) *txn {
	t := &txn{s: s, id: s.ids.UUID(), callback: cb, events: ev}
	t.noteID = t.id
	if s.faults.On(FaultWrongTransactionID) {
		t.noteID = s.ids.UUID()
	}
	if out, ok := sim.Value(r, outboxKey).(*outbox); ok {
		t.out = out
	} else {
		t.out = &outbox{}
	}
	if faultable && s.faults.On(FaultWrongHTTPStatus) {
		switch status {
		case http.StatusOK, http.StatusNoContent:
			status = http.StatusCreated
		default:
			status = http.StatusOK
		}
	}
	w.Header().Set(HeaderTransactionID, t.id)
	sim.WriteBody(w, status, "", nil)
	return t
}

// notify queues a notification to the Callback URL. final marks the
// completion notification (the one missing-callback drops).
func (t *txn) notify(v any, kind bodyKind, code int, message string, final bool) {
	if t.callback == "" {
		return
	}
	f := t.s.faults
	if final && f.On(FaultMissingCallback) {
		return
	}
	body := t.body(v, kind, f.On(FaultInvalidCallbackBody))
	h := t.header(message)
	if !f.On(FaultWrongStatusHeader) {
		h.Set(HeaderStatusCode, strconv.Itoa(code))
	}
	t.out.hooks = append(t.out.hooks, sim.Webhook{URL: t.callback, Header: h, Body: body})
}

// event queues an esc_event notification to the Callback-ESC-Events URL.
// The contract makes its status headers optional; they are sent as for
// completion notifications.
func (t *txn) event(ev escEvent, message string) {
	if t.events == "" {
		return
	}
	ev.XMLName = named(nsNetconf, "esc_event")
	h := t.header(message)
	code := "200"
	if t.s.faults.On(FaultWrongStatusHeader) {
		code = "999"
	}
	h.Set(HeaderStatusCode, code)
	t.out.hooks = append(t.out.hooks, sim.Webhook{URL: t.events, Header: h, Body: mustXML(ev)})
}

func (t *txn) header(message string) http.Header {
	h := http.Header{}
	h.Set("Content-Type", contentTypeNotification)
	h.Set(HeaderTransactionID, t.noteID)
	h.Set(HeaderStatusMessage, message)
	return h
}

// body encodes a notification body, broken as invalid-callback-body says
// when broken is set.
func (t *txn) body(v any, kind bodyKind, broken bool) []byte {
	if !broken {
		return mustXML(v)
	}
	switch kind {
	case kindDeploymentBody:
		if d, ok := v.(deploymentNote); ok {
			d.DeploymentStage = ""
			return mustXML(d)
		}
	case kindEventBody:
		if e, ok := v.(escEvent); ok {
			e.EventType = ""
			return mustXML(e)
		}
	case kindDocumentBody:
		b := mustXML(v)
		return b[:len(b)*2/3]
	}
	b := mustXML(v)
	return renameRoot(b, "escnotification")
}

// mustXML encodes a body built by the simulator itself; a failure is a bug.
func mustXML(v any) []byte {
	b, err := sim.MarshalXML(v)
	if err != nil {
		panic("esc: encoding a notification: " + err.Error())
	}
	return b
}

// renameRoot rewrites the root element's name of a document the simulator
// encoded.
func renameRoot(doc []byte, name string) []byte {
	n, err := parseXML(doc)
	if err != nil {
		return doc
	}
	n.XMLName = xml.Name{Local: name}
	return mustXML(n)
}
