package ukcloud

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// apiError is the body of every unsuccessful answer: the error definition
// the document publishes inside its list schemas ({"error": ..., "detail":
// ...}, only `error` required), which the spec adopts for every operation
// (components/schemas/Error).
type apiError struct {
	Error  string `json:"error"`
	Detail string `json:"detail,omitempty"`
}

// json writes a JSON body, served as text/html under wrong-content-type.
func (s *Simulator) json(w http.ResponseWriter, status int, v any) {
	ct := sim.ContentTypeJSON
	if s.faults.On(FaultWrongContentType) {
		ct = sim.ContentTypeHTML
	}
	sim.WriteJSONAs(w, status, ct, v)
}

// fail writes an error body.
func (s *Simulator) fail(w http.ResponseWriter, status int, summary, detail string) {
	s.json(w, status, apiError{Error: summary, Detail: detail})
}

// reshape applies a fault's edit to a body through its generic JSON form.
func (s *Simulator) reshape(v any, edit func(any)) any {
	g, err := sim.Reshape(v)
	if err != nil {
		return v
	}
	edit(g)
	return g
}

// sessionUser resolves the portal_session cookie to a user, answering 401
// itself when there is none. The session slides: every authenticated call
// restarts its lifetime.
func (s *Simulator) sessionUser(w http.ResponseWriter, r *http.Request) (string, bool) {
	if tok, ok := sim.CookieValue(r, CookieName); ok {
		if user, ok := s.sessions.Touch(tok); ok {
			return user, true
		}
	}
	if s.faults.On(FaultSessionNotEnforced) && len(s.users) > 0 {
		return s.users[0].Username, true
	}
	s.fail(w, http.StatusUnauthorized, "Unauthorized", "The user could not be authenticated: log in with POST /api/authenticate and send the "+CookieName+" cookie")
	return "", false
}

// authenticate implements POST /api/authenticate.
func (s *Simulator) authenticate(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Email    *string `json:"email"`
		Password *string `json:"password"`
	}
	if err := decodeJSON(r, &req); err != nil {
		s.fail(w, http.StatusBadRequest, "Bad request", "The email and password was not provided: "+err.Error())
		return
	}
	if req.Email == nil || req.Password == nil || *req.Email == "" || *req.Password == "" {
		s.fail(w, http.StatusBadRequest, "Bad request", "The email and password was not provided")
		return
	}
	user, ok := sim.FindUser(s.users, *req.Email, *req.Password)
	if !ok {
		s.fail(w, http.StatusUnauthorized, "Unauthorized", "The user could not be authenticated")
		return
	}
	tok := s.sessions.Create(user.Username)
	c := &http.Cookie{Name: CookieName, Value: tok, Path: "/", HttpOnly: true}
	w.Header().Set("Set-Cookie", c.String())
	// The document's table types expire_after as String but its example is
	// the number 900; the spec decides, and this follows the example.
	s.json(w, http.StatusCreated, map[string]int{"expire_after": int(s.sessions.TTL().Seconds())})
}

// ping implements GET /api/ping.
func (s *Simulator) ping(w http.ResponseWriter, _ *http.Request, _ string) {
	s.json(w, http.StatusOK, map[string]string{"response": "OK"})
}

// maxBody bounds request bodies; the Portal's are small JSON documents.
const maxBody = 1 << 20

// decodeJSON reads a JSON request body into v. An empty body is an error.
func decodeJSON(r *http.Request, v any) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return err
	}
	if len(body) == 0 {
		return errEmptyBody
	}
	return json.Unmarshal(body, v)
}

type bodyError string

// Error implements error.
func (e bodyError) Error() string { return string(e) }

const errEmptyBody = bodyError("request body is empty")

// pathInt parses a numeric path value; ok is false for anything else, which
// callers treat as "does not exist".
func pathInt(r *http.Request, name string) (int, bool) {
	n, err := strconv.Atoi(r.PathValue(name))
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}
