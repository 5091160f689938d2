package cam

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// obj is a JSON object. Bodies are built as generic values: the service
// definitions they echo are the client's own documents, and map keys are
// encoded sorted, which keeps answers deterministic.
type obj = map[string]any

// json writes a JSON body, served as text/html under wrong-content-type.
func (s *Simulator) json(w http.ResponseWriter, status int, v any) {
	ct := sim.ContentTypeJSON
	if s.faults.On(FaultWrongContentType) {
		ct = sim.ContentTypeHTML
	}
	sim.WriteJSONAs(w, status, ct, v)
}

// ok writes a success. Under wrong-status the operations named by
// KnownFaults answer an undocumented 2xx instead of 200.
func (s *Simulator) ok(w http.ResponseWriter, v any, wrongStatus int) {
	status := http.StatusOK
	if wrongStatus != 0 && s.faults.On(FaultWrongStatus) {
		status = wrongStatus
	}
	s.json(w, status, v)
}

// fail writes the LoopBack error body the document shows (lines 2766-2772):
// {"error": {"statusCode", "name", "message", "code"}}. LoopBack writes
// statusCode as a number; the document's only example writes "419" as a
// string, which lockError reproduces.
func (s *Simulator) fail(w http.ResponseWriter, status int, code, message string) {
	s.json(w, status, obj{"error": obj{"statusCode": status, "name": "Error", "message": message, "code": code}})
}

func (s *Simulator) notFound(w http.ResponseWriter, model, id string) {
	s.fail(w, http.StatusNotFound, "MODEL_NOT_FOUND", "Unknown \""+model+"\" id \""+id+"\".")
}

// lockError is the 419 of a stack locked by a running deployment, worded and
// typed as in the document (statusCode a string, line 2768).
func (s *Simulator) lockError(w http.ResponseWriter, stack string) {
	s.json(w, 419, obj{"error": obj{"statusCode": "419", "name": "Error",
		"message": "ResourceLockError: Failed to obtain lock for resource stack_" + stack + ".; caused by Error: unable to obtain lock"}})
}

// authenticate resolves the Bearer token and the tenant of the request,
// answering 401 itself when either is wrong. A token is valid for the tenant
// of the data set only, and for its team and the team's namespaces; every
// call names its tenant and team (tenantId and ace_orgGuid are in every curl
// of the document). The document names no error for a team or namespace the
// token may not use; the simulator answers it as it does another tenant.
func (s *Simulator) authenticate(w http.ResponseWriter, r *http.Request) (caller, bool) {
	q := r.URL.Query()
	c := caller{tenant: q.Get("tenantId"), org: q.Get("ace_orgGuid"), ns: q.Get("cloudOE_spaceGuid")}
	_, c.hasNS = q["cloudOE_spaceGuid"]
	tok, _ := sim.BearerToken(r)
	user, found := sim.FindToken(s.users, tok)
	switch {
	case found:
		c.user, c.token = user, tok
	case s.faults.On(FaultTokenNotEnforced) && len(s.users) > 0:
		c.user, c.token = s.users[0], s.users[0].Token
	default:
		s.fail(w, http.StatusUnauthorized, "AUTHORIZATION_REQUIRED", "Authorization Required: send a valid bearer token (Authorization: Bearer <token>)")
		return c, false
	}
	if c.tenant == "" || c.org == "" {
		s.fail(w, http.StatusUnauthorized, "AUTHORIZATION_REQUIRED", "Authorization Required: tenantId and ace_orgGuid are required")
		return c, false
	}
	if c.tenant != s.data.tenant {
		s.fail(w, http.StatusUnauthorized, "AUTHORIZATION_REQUIRED", "Authorization Required: the token is not valid for tenant "+c.tenant)
		return c, false
	}
	if err := s.data.allows(c.org, c.ns); err != nil {
		s.fail(w, http.StatusUnauthorized, "AUTHORIZATION_REQUIRED", "Authorization Required: "+err.Error())
		return c, false
	}
	return c, true
}

// owner is the user name recorded as owner of what a caller creates.
func (c caller) owner() string {
	if c.user.Username != "" {
		return c.user.Username
	}
	return DefaultUsername
}

// maxBody bounds request bodies.
const maxBody = 4 << 20

var errEmptyBody = errors.New("request body is empty")

// decodeJSON reads a JSON request body into v. An empty body is an error.
func decodeJSON(r *http.Request, v any) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return err
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return errEmptyBody
	}
	return json.Unmarshal(body, v)
}

// badBody answers a request body that cannot be used. The contract documents
// no 400; LoopBack answers 400 to a body that is not JSON, which is what a
// client would see (the harness sends only valid bodies).
func (s *Simulator) badBody(w http.ResponseWriter, err error) {
	s.fail(w, http.StatusBadRequest, "INVALID_BODY", "The request body is invalid: "+err.Error())
}

// stamp formats a simulated time as the document does ("2020-02-27T05:13:06.943Z").
func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

// jsDate formats a time as JavaScript's Date.toString(), the form of
// creationTime in the service list (line 897).
func jsDate(t time.Time) string { return t.UTC().Format("Mon Jan 02 2006 15:04:05 GMT+0000 (UTC)") }

// str returns v as a string ("" for anything else).
func str(v any) string {
	s, _ := v.(string)
	return s
}

// asObj returns v as an object (nil for anything else).
func asObj(v any) obj {
	o, _ := v.(map[string]any)
	return o
}

// asList returns v as an array (nil for anything else).
func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// clone deep-copies a JSON value, so stored documents never alias answers.
func clone(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = clone(e)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = clone(e)
		}
		return out
	default:
		return v
	}
}
