package ukcloud

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ticketTime is the document's format for ticket times ("28/08/2014 15:42").
const ticketTime = "02/01/2006 15:04"

// Ticket states. The document names only "Awaiting Review" (its example);
// the others are the Portal's usual lifecycle. A new ticket waits for a
// Customer Support Engineer ("Awaiting Review") and, as the document's note
// warns, cannot be cancelled, closed or handed over until then.
const (
	statusAwaitingReview   = "Awaiting Review"
	statusInProgress       = "In Progress"
	statusAwaitingCustomer = "Awaiting Customer"
	statusResolved         = "Resolved"
	statusClosed           = "Closed"
	statusCancelled        = "Cancelled"
)

type ticket struct {
	id             string
	kind           string // incident or service
	accountID      int
	summary        string
	submitted      time.Time
	status         string
	problemArea    string
	service        string
	classification string
	queryNature    string
	details        string
	owner          string
	subscribers    []string
	updates        []ticketUpdate
	changes        []ticketChange
	// desk says the simulated support desk works the ticket: one raised at run time moves one
	// step each time its owner reads it in their own view (GET /api/my_calls/{ticket_id} with
	// for=user, the default), as a Customer Support Engineer would review it (Awaiting Review ->
	// In Progress) and later resolve it (-> Resolved). Only those reads count, so that anyone
	// looking at the ticket otherwise (for=account, a colleague) does not move it under its
	// owner's feet. The seeded tickets stay as seeded.
	desk bool
	// priority is an undocumented field a later revision might add (extras data sets only).
	priority string
}

type ticketUpdate struct {
	Description string `json:"description"`
	CreatedBy   string `json:"created_by"`
	CreatedAt   string `json:"created_at"`
}

type ticketChange struct {
	Field     string `json:"field"`
	From      string `json:"from"`
	To        string `json:"to"`
	ChangedBy string `json:"changed_by"`
	ChangedAt string `json:"changed_at"`
}

func seedTickets() []*ticket {
	at := func(s string) time.Time {
		t, err := time.ParseInLocation(ticketTime, s, ukTime)
		if err != nil {
			panic(err)
		}
		return t
	}
	return []*ticket{
		{id: TicketInProgress, kind: "incident", accountID: AccountDemo, summary: "Test incident (Compute)", submitted: at("20/08/2014 10:05"),
			status: statusInProgress, problemArea: "compute", service: "UKCloud Demo vCloud",
			classification: "Production Service > available but performance degraded", details: "Web Server 1 responds slowly",
			owner: DefaultUsername, subscribers: []string{},
			updates: []ticketUpdate{{Description: "We are investigating the storage latency.", CreatedBy: "UKCloud Support", CreatedAt: "20/08/2014 10:30"}},
			changes: []ticketChange{{Field: "status", From: statusAwaitingReview, To: statusInProgress, ChangedBy: "UKCloud Support", ChangedAt: "20/08/2014 10:29"}}},
		{id: TicketAwaitingReview, kind: "incident", accountID: AccountDemo, summary: "Test incident (Compute)", submitted: at("28/08/2014 15:42"),
			status: statusAwaitingReview, problemArea: "compute", service: "UKCloud Test vCloud",
			classification: "Test/Dev Service > unavailable or unresponsive", details: "testVm does not boot",
			owner: DefaultUsername, subscribers: []string{}, updates: []ticketUpdate{}, changes: []ticketChange{}},
		{id: TicketResolved, kind: "incident", accountID: AccountDemo, summary: "Backup failed (Compute)", submitted: at("01/09/2014 08:15"),
			status: statusResolved, problemArea: "compute", service: "UKCloud Demo vCloud",
			classification: "Other incident", details: "Last night's backup of RedHat-v6.4-x86_64 failed",
			owner: DefaultUsername, subscribers: []string{OpsEmail}, updates: []ticketUpdate{},
			changes: []ticketChange{{Field: "status", From: statusInProgress, To: statusResolved, ChangedBy: "UKCloud Support", ChangedAt: "02/09/2014 09:00"}}},
		{id: TicketClosed, kind: "service", accountID: AccountDemo, summary: "Add a public IP address", submitted: at("03/09/2014 11:20"),
			status: statusClosed, problemArea: "IP Addresses", service: "UKCloud Demo vCloud",
			queryNature: "Add a New Service", details: "One more public IP address on My Edge",
			owner: DefaultUsername, subscribers: []string{}, updates: []ticketUpdate{}, changes: []ticketChange{}},
		{id: TicketToCancel, kind: "incident", accountID: AccountDemo, summary: "Slow console (Compute)", submitted: at("21/08/2014 09:00"),
			status: statusInProgress, problemArea: "compute", service: "UKCloud Demo vCloud",
			classification: "Production Service > available but performance degraded", details: "The console of Web Server 2 is slow",
			owner: DefaultUsername, subscribers: []string{}, updates: []ticketUpdate{}, changes: []ticketChange{}},
		{id: TicketToReassign, kind: "incident", accountID: AccountDemo, summary: "Snapshot removal slow (Compute)", submitted: at("22/08/2014 09:00"),
			status: statusInProgress, problemArea: "compute", service: "UKCloud Demo vCloud",
			classification: "Other incident", details: "Snapshot removal takes an hour",
			owner: DefaultUsername, subscribers: []string{}, updates: []ticketUpdate{}, changes: []ticketChange{}},
		{id: TicketToClose, kind: "incident", accountID: AccountDemo, summary: "DNS resolution (Compute)", submitted: at("02/09/2014 08:15"),
			status: statusResolved, problemArea: "compute", service: "UKCloud Demo vCloud",
			classification: "Other incident", details: "Names did not resolve for an hour",
			owner: DefaultUsername, subscribers: []string{}, updates: []ticketUpdate{},
			changes: []ticketChange{{Field: "status", From: statusInProgress, To: statusResolved, ChangedBy: "UKCloud Support", ChangedAt: "03/09/2014 09:00"}}},
		{id: TicketColleague, kind: "service", accountID: AccountDemo, summary: "Expand storage", submitted: at("05/09/2014 14:00"),
			status: statusAwaitingCustomer, problemArea: "storage", service: "UKCloud Demo vCloud",
			queryNature: "Expand an Existing Service", details: "Another 500GB of Tier 1 storage",
			owner: ColleagueEmail, subscribers: []string{}, updates: []ticketUpdate{}, changes: []ticketChange{}},
	}
}

type ticketSummaryJSON struct {
	TicketID  string `json:"ticket_id"`
	Summary   string `json:"summary"`
	Submitted string `json:"submitted"`
	Status    string `json:"status"`
	Priority  string `json:"priority,omitempty"`
}

// ticketJSON is a ticket's details. The document describes no field beyond
// the list's four; the rest echo what the ticket was created with.
type ticketJSON struct {
	TicketID       string   `json:"ticket_id"`
	Type           string   `json:"type"`
	Summary        string   `json:"summary"`
	Submitted      string   `json:"submitted"`
	Status         string   `json:"status"`
	ProblemArea    string   `json:"problem_area"`
	Service        string   `json:"service"`
	Classification string   `json:"classification,omitempty"`
	QueryNature    string   `json:"query_nature,omitempty"`
	FurtherDetails string   `json:"further_details"`
	Owner          string   `json:"owner"`
	AccountID      int      `json:"account_id"`
	Subscribers    []string `json:"subscribers"`
	Priority       string   `json:"priority,omitempty"`
}

func renderTicket(t *ticket) ticketJSON {
	return ticketJSON{TicketID: t.id, Type: t.kind, Summary: t.summary, Submitted: t.submitted.In(ukTime).Format(ticketTime),
		Status: t.status, ProblemArea: t.problemArea, Service: t.service, Classification: t.classification,
		QueryNature: t.queryNature, FurtherDetails: t.details, Owner: t.owner, AccountID: t.accountID,
		Subscribers: append([]string{}, t.subscribers...), Priority: t.priority}
}

// inScope reports whether user sees t: with for=user the tickets the user
// owns or is subscribed to, with for=account every ticket of an account the
// user can see.
func (s *Simulator) inScope(t *ticket, user, scope string) bool {
	if scope == "account" {
		return s.accountVisible(t.accountID)
	}
	return t.owner == user || slices.Contains(t.subscribers, user)
}

// scopeOf reads the `for` parameter. Absent means "user" (the document's
// examples all pass for=user); the spec makes it an enum, and since the list
// operation documents no 400, any other value is also read as "user".
func scopeOf(r *http.Request) string {
	if r.URL.Query().Get("for") == "account" {
		return "account"
	}
	return "user"
}

// listCalls implements GET /api/my_calls.
func (s *Simulator) listCalls(w http.ResponseWriter, r *http.Request, user string) {
	scope := scopeOf(r)
	out := []ticketSummaryJSON{}
	for _, t := range s.tickets {
		if s.inScope(t, user, scope) {
			out = append(out, ticketSummaryJSON{TicketID: t.id, Summary: t.summary, Submitted: t.submitted.In(ukTime).Format(ticketTime),
				Status: t.status, Priority: t.priority})
		}
	}
	if s.data.ticketsNewestFirst {
		slices.Reverse(out)
	}
	s.json(w, http.StatusOK, out)
}

// findTicket returns the ticket of the path in the given scope, answering
// 400 itself as the document says ("The ticket could not be found").
func (s *Simulator) findTicket(w http.ResponseWriter, r *http.Request, user, scope string) (*ticket, bool) {
	id := r.PathValue("ticket_id")
	for _, t := range s.tickets {
		if t.id == id && s.inScope(t, user, scope) {
			return t, true
		}
	}
	s.fail(w, http.StatusBadRequest, "Bad request", fmt.Sprintf("The ticket %s could not be found", id))
	return nil, false
}

// getCall implements GET /api/my_calls/{ticket_id}.
func (s *Simulator) getCall(w http.ResponseWriter, r *http.Request, user string) {
	scope := scopeOf(r)
	t, ok := s.findTicket(w, r, user, scope)
	if !ok {
		return
	}
	if scope == "user" && t.owner == user {
		s.review(t)
	}
	s.json(w, http.StatusOK, struct {
		Ticket  ticketJSON     `json:"ticket"`
		Updates []ticketUpdate `json:"updates"`
		Changes []ticketChange `json:"changes"`
	}{renderTicket(t), append([]ticketUpdate{}, t.updates...), append([]ticketChange{}, t.changes...)})
}

// supportDesk is who the simulated support desk's changes are made by.
const supportDesk = "UKCloud Support"

// review is the simulated support desk working a ticket raised at run time, one step per read
// by its owner with for=user:
// a Customer Support Engineer reviews it (Awaiting Review -> In Progress), then resolves it
// (In Progress -> Resolved). Until the review, the document's note applies: the ticket cannot be
// cancelled, closed or handed over.
func (s *Simulator) review(t *ticket) {
	if !t.desk {
		return
	}
	switch t.status {
	case statusAwaitingReview:
		s.setStatus(t, statusInProgress, supportDesk)
	case statusInProgress:
		s.setStatus(t, statusResolved, supportDesk)
	}
}

func (s *Simulator) stamp() string { return s.clock.Tick().In(ukTime).Format(ticketTime) }

func (s *Simulator) change(t *ticket, field, from, to, by string) {
	t.changes = append(t.changes, ticketChange{Field: field, From: from, To: to, ChangedBy: by, ChangedAt: s.stamp()})
}

func (s *Simulator) setStatus(t *ticket, status, by string) {
	s.change(t, "status", t.status, status, by)
	t.status = status
}

func finished(t *ticket) bool { return t.status == statusClosed || t.status == statusCancelled }

func (s *Simulator) unprocessable(w http.ResponseWriter, detail string) {
	s.fail(w, http.StatusUnprocessableEntity, "Unprocessable entity", detail)
}

// addNote implements PUT /api/my_calls/{ticket_id}: 400 for an unknown
// ticket, 422 for an empty note or a closed/cancelled ticket, otherwise the
// ticket's notes. A note on a ticket awaiting the customer hands it back to
// support (In Progress).
func (s *Simulator) addNote(w http.ResponseWriter, r *http.Request, user string) {
	t, ok := s.findTicket(w, r, user, "account")
	if !ok {
		return
	}
	var req struct {
		Description *string `json:"description"`
	}
	if err := decodeJSON(r, &req); err != nil || req.Description == nil || strings.TrimSpace(*req.Description) == "" {
		s.unprocessable(w, "There was an error saving the update: description is required")
		return
	}
	if finished(t) {
		s.unprocessable(w, "There was an error saving the update: the ticket is "+t.status)
		return
	}
	t.updates = append(t.updates, ticketUpdate{Description: *req.Description, CreatedBy: user, CreatedAt: s.stamp()})
	if t.status == statusAwaitingCustomer {
		s.setStatus(t, statusInProgress, user)
	}
	s.json(w, http.StatusOK, append([]ticketUpdate{}, t.updates...))
}

// Documented values of a new ticket.
var (
	incidentAreas = []string{"compute", "storage", "email and collaboration", "other"}
	serviceAreas  = []string{"compute", "storage", "email and collaboration", "Connectivity PSN or GSI",
		"Connectivity Leased Line", "Cloud Enablement Services", "IP Addresses", "Other"}
	classifications = []string{
		"Production Service > unavailable or unresponsive",
		"Production Service > available but performance degraded",
		"Production Service > available, but client access to service restricted",
		"Test/Dev Service > unavailable or unresponsive",
		"Test/Dev Service > available, but performance degraded",
		"Test/Dev Service > available, but client access to service restricted",
		"Service available, part of redundant infrastructure unavailable",
		"Confirmed data loss or breach",
		"Possible data loss or breach",
		"Other incident",
	}
	queryNatures = []string{"Change a Configuration", "Add a New Service", "Claim Service Credits",
		"Expand an Existing Service", "Information Required", "Other"}
)

type newTicket struct {
	ProblemArea    *string `json:"problem_area"`
	Service        *string `json:"service"`
	Classification *string `json:"classification"`
	QueryNature    *string `json:"query_nature"`
	Summary        *string `json:"summary"`
	FurtherDetails *string `json:"further_details"`
}

// createCall implements POST /api/my_calls. Exactly one of incident and
// service is required; a body that is not that shape, or lacks a required
// field, is 400 (the status the document gives this operation for a bad
// request); a problem_area, classification or query_nature that is not one
// of the documented values is 422 (the ticket cannot be saved). The new
// ticket belongs to the user's first account and awaits review.
func (s *Simulator) createCall(w http.ResponseWriter, r *http.Request, user string) {
	var req struct {
		Incident json.RawMessage `json:"incident"`
		Service  json.RawMessage `json:"service"`
	}
	if err := decodeJSON(r, &req); err != nil {
		s.fail(w, http.StatusBadRequest, "Bad request", "The body must be a JSON object: "+err.Error())
		return
	}
	hasInc, hasSvc := len(req.Incident) > 0 && string(req.Incident) != "null", len(req.Service) > 0 && string(req.Service) != "null"
	if hasInc == hasSvc {
		s.fail(w, http.StatusBadRequest, "Bad request", "Give exactly one of incident and service")
		return
	}
	kind, raw, secondName, areas, values := "incident", req.Incident, "classification", incidentAreas, classifications
	if hasSvc {
		kind, raw, secondName, areas, values = "service", req.Service, "query_nature", serviceAreas, queryNatures
	}
	var nt newTicket
	if err := json.Unmarshal(raw, &nt); err != nil {
		s.fail(w, http.StatusBadRequest, "Bad request", kind+" must be an object of strings: "+err.Error())
		return
	}
	second := nt.Classification
	if hasSvc {
		second = nt.QueryNature
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"problem_area", nt.ProblemArea}, {"service", nt.Service}, {secondName, second}, {"summary", nt.Summary}, {"further_details", nt.FurtherDetails}} {
		if f.v == nil || strings.TrimSpace(*f.v) == "" {
			s.fail(w, http.StatusBadRequest, "Bad request", kind+"."+f.name+" is required")
			return
		}
	}
	if !slices.Contains(areas, *nt.ProblemArea) {
		s.unprocessable(w, fmt.Sprintf("%s.problem_area %q is not one of: %s", kind, *nt.ProblemArea, strings.Join(areas, ", ")))
		return
	}
	if !slices.Contains(values, *second) {
		s.unprocessable(w, fmt.Sprintf("%s.%s %q is not one of: %s", kind, secondName, *second, strings.Join(values, "; ")))
		return
	}
	t := &ticket{kind: kind, accountID: s.homeAccount(), summary: *nt.Summary, submitted: s.clock.Tick(), status: statusAwaitingReview,
		problemArea: *nt.ProblemArea, service: *nt.Service, details: *nt.FurtherDetails, owner: user,
		subscribers: []string{}, updates: []ticketUpdate{}, changes: []ticketChange{}, desk: true}
	if s.data.extras {
		t.priority = "P4"
	}
	if kind == "incident" {
		t.id = fmt.Sprintf("%s%d", s.data.incidentPrefix, s.ids.Next("incident", s.data.firstID["incident"]))
		t.classification = *nt.Classification
	} else {
		t.id = fmt.Sprintf("%s%d", s.data.servicePrefix, s.ids.Next("service", s.data.firstID["service"]))
		t.queryNature = *nt.QueryNature
	}
	s.tickets = append(s.tickets, t)
	status := http.StatusCreated
	if s.faults.On(FaultWrongStatus) {
		status = http.StatusOK
	}
	if s.faults.On(FaultTicketIDRetyped) {
		s.json(w, status, retypedTicketID(renderTicket(t)))
		return
	}
	s.json(w, status, renderTicket(t))
}

// retypedTicketID renders a ticket with its ticket_id as the number of its digits.
func retypedTicketID(t ticketJSON) map[string]any {
	var out map[string]any
	b, _ := json.Marshal(t)
	_ = json.Unmarshal(b, &out)
	n, _ := strconv.Atoi(strings.TrimLeft(t.TicketID, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	out["ticket_id"] = n
	return out
}

// homeAccount is the account new tickets are raised in: the first one the
// user can see.
func (s *Simulator) homeAccount() int {
	for _, a := range s.accounts {
		if a.visible {
			return a.id
		}
	}
	return 0
}

// accountUser reads {"email": ...} and checks the address is a user of the
// ticket's account, answering 400 itself ("The ticket or user could not be
// found").
func (s *Simulator) accountUser(w http.ResponseWriter, r *http.Request, t *ticket) (string, bool) {
	var req struct {
		Email *string `json:"email"`
	}
	if err := decodeJSON(r, &req); err != nil || req.Email == nil || *req.Email == "" {
		s.fail(w, http.StatusBadRequest, "Bad request", `The user could not be found: give {"email": "..."}`)
		return "", false
	}
	if a := s.accountByID(t.accountID); a == nil || !slices.Contains(a.users, *req.Email) {
		s.fail(w, http.StatusBadRequest, "Bad request", fmt.Sprintf("The user %s could not be found in the ticket's account", *req.Email))
		return "", false
	}
	return *req.Email, true
}

// noContent answers 200 without a body ("None --- Check the response status code").
func noContent(w http.ResponseWriter) {
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(http.StatusOK)
}

// subscribe implements PUT /api/my_calls/{ticket_id}/subscribe: 422 when the
// user is already subscribed or the ticket is closed or cancelled.
func (s *Simulator) subscribe(w http.ResponseWriter, r *http.Request, user string) {
	t, ok := s.findTicket(w, r, user, "account")
	if !ok {
		return
	}
	email, ok := s.accountUser(w, r, t)
	if !ok {
		return
	}
	switch {
	case finished(t):
		s.unprocessable(w, "There was an error saving the update: the ticket is "+t.status)
	case slices.Contains(t.subscribers, email):
		s.unprocessable(w, "There was an error saving the update: "+email+" is already subscribed")
	default:
		t.subscribers = append(t.subscribers, email)
		s.change(t, "subscribers", "", email, user)
		noContent(w)
	}
}

// unsubscribe implements PUT /api/my_calls/{ticket_id}/unsubscribe: 422 when
// the user is not subscribed.
func (s *Simulator) unsubscribe(w http.ResponseWriter, r *http.Request, user string) {
	t, ok := s.findTicket(w, r, user, "account")
	if !ok {
		return
	}
	email, ok := s.accountUser(w, r, t)
	if !ok {
		return
	}
	i := slices.Index(t.subscribers, email)
	if i < 0 {
		s.unprocessable(w, "There was an error saving the update: "+email+" is not subscribed")
		return
	}
	t.subscribers = slices.Delete(t.subscribers, i, i+1)
	s.change(t, "subscribers", email, "", user)
	noContent(w)
}

// changeOwner implements PUT /api/my_calls/{ticket_id}/change_owner: 422
// while the ticket awaits review or once it is closed or cancelled.
func (s *Simulator) changeOwner(w http.ResponseWriter, r *http.Request, user string) {
	t, ok := s.findTicket(w, r, user, "account")
	if !ok {
		return
	}
	email, ok := s.accountUser(w, r, t)
	if !ok {
		return
	}
	if t.status == statusAwaitingReview || finished(t) {
		s.unprocessable(w, "There was an error saving the update: the ticket is "+t.status)
		return
	}
	s.change(t, "owner", t.owner, email, user)
	t.owner = email
	noContent(w)
}

// callAct is a state change without a body.
type callAct struct {
	name string
	from []string // states the action is allowed in
	to   string
}

// The state machine of the body-less actions. Anything else is 422 ("There
// was an error saving the update"), including cancelling or closing a ticket
// that still awaits review, which the document's note warns about.
var (
	actReopen = callAct{name: "reopen", from: []string{statusResolved}, to: statusInProgress}
	actCancel = callAct{name: "cancel", from: []string{statusInProgress, statusAwaitingCustomer}, to: statusCancelled}
	actClose  = callAct{name: "close", from: []string{statusInProgress, statusAwaitingCustomer, statusResolved}, to: statusClosed}
)

// callAction implements PUT /api/my_calls/{ticket_id}/{reopen,cancel,close}.
func (s *Simulator) callAction(act callAct) authedHandler {
	return func(w http.ResponseWriter, r *http.Request, user string) {
		t, ok := s.findTicket(w, r, user, "account")
		if !ok {
			return
		}
		if !slices.Contains(act.from, t.status) {
			s.unprocessable(w, fmt.Sprintf("There was an error saving the update: cannot %s a ticket that is %s", act.name, t.status))
			return
		}
		s.setStatus(t, act.to, user)
		noContent(w)
	}
}
