package steps

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cucumber/godog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/callback"
	"github.com/cloudcontract/cloudcontract/harness/redact"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// shop is a fake of the test contract harness/spec/testdata/shop: orders in JSON (the list pages
// with page and per_page), servers in XML with x-paging (pager), jobs with callbacks (jobs), a
// CSV report. bug breaks one thing, or serves data too thin to judge.
type shop struct {
	bug   string
	pager *pager
	jobs  *jobs
	// posted is the body of the last order created: order 1 reads back with its fields.
	posted map[string]any
	// job is the body of the last job: it sets the state of an item of order 1.
	job map[string]any
	// shipped orders leave the list.
	shipped map[string]bool
}

func newShop(bug string) *shop {
	return &shop{bug: bug, pager: &pager{bug: bug}, jobs: &jobs{bug: bug}}
}

func order(id int) map[string]any {
	o := map[string]any{"id": id, "email": fmt.Sprintf("%c@example.com", 'a'+id-1), "createdAt": "2024-01-0" + strconv.Itoa(id) + "T00:00:00Z", "note": nil}
	switch id {
	case 1:
		o["items"] = []any{map[string]any{"sku": "a1", "state": "on"}, map[string]any{"sku": "a2", "state": "on"}}
	case 2:
		o["items"] = []any{}
	default:
		o["items"] = []any{map[string]any{"sku": "c1", "state": "off"}}
	}
	return o
}

func (h *shop) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	writeJSON := func(status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(v)
	}
	path, q := r.URL.Path, r.URL.Query()
	switch {
	case path == "/api/servers":
		h.pager.ServeHTTP(w, r)
	case path == "/api/jobs":
		if r.Method == http.MethodPost {
			_ = json.NewDecoder(r.Body).Decode(&h.job)
		}
		h.jobs.ServeHTTP(w, r)
	case path == "/api/report":
		w.Header().Set("Content-Type", "text/csv")
		fmt.Fprint(w, "Date,Name,Cost\n2024-01-01,disk,3\n")
	case path == "/api/orders" && r.Method == http.MethodPost:
		if h.bug == "hang-up" {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		h.post(r)
		w.Header().Set("Location", "/api/builds/1")
		writeJSON(http.StatusAccepted, order(1))
	case path == "/api/orders":
		var list []any
		for n := 1; n <= 3; n++ {
			if !h.shipped[strconv.Itoa(n)] {
				list = append(list, h.listed(order(n)))
			}
		}
		if h.bug == "empty" {
			list = []any{}
		}
		if pp := q.Get("per_page"); pp != "" {
			size, _ := strconv.Atoi(pp)
			page, _ := strconv.Atoi(q.Get("page"))
			start := (page - 1) * size
			if h.bug == "walk-duplicate" && page > 1 {
				start-- // the last item of the previous page again
			}
			end := start + size
			if start > len(list) {
				start = len(list)
			}
			if end > len(list) {
				end = len(list)
			}
			list = list[start:end]
		}
		writeJSON(http.StatusOK, list)
	case strings.HasPrefix(path, "/api/orders/"):
		id := strings.TrimPrefix(path, "/api/orders/")
		if q.Get("action") == "ship" {
			if h.bug != "readback-still-listed" {
				h.shipped = map[string]bool{id: true}
			}
			return
		}
		if _, annotate := q["annotate"]; annotate {
			h.posted = map[string]any{"note": q.Get("note")}
		}
		if _, cancel := q["cancel"]; cancel || q.Has("annotate") {
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, `<Status xmlns="http://oec.api.opsource.net/schemas/general"><operation>cancel</operation><result>SUCCESS</result><resultCode>REASON_0</resultCode></Status>`)
			return
		}
		if h.bug != "no-request-id" {
			w.Header().Set("X-Request-Id", "req-"+id)
		}
		n, _ := strconv.Atoi(id)
		switch {
		case id == "big":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"id": 1, "note": %q}`, strings.Repeat("x", 1<<17))
		case n == 1 && h.bug == "readback-404":
			w.WriteHeader(http.StatusNotFound)
		case n >= 1 && n <= 3:
			o := order(n)
			if h.bug == "bad-email" {
				o["email"] = "not-an-email"
			}
			if n == 1 {
				h.readBack(o)
			}
			writeJSON(http.StatusOK, o)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	default:
		http.NotFound(w, r)
	}
}

// post keeps the fields of an order posted: its JSON body, or, from a multipart body, the file
// name of its attachment as its note.
func (h *shop) post(r *http.Request) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		_ = json.NewDecoder(r.Body).Decode(&h.posted)
		return
	}
	h.posted = map[string]any{}
	if r.ParseMultipartForm(1<<16) == nil {
		for _, f := range r.MultipartForm.File["attachment"] {
			h.posted["note"] = f.Filename
		}
	}
}

// readBack gives order 1 the fields of the last order posted, and its items the states it gave by
// sku, as a store would, or breaks them.
func (h *shop) readBack(o map[string]any) {
	for k, v := range h.posted {
		o[k] = v
	}
	if states, ok := h.posted["states"].(map[string]any); ok {
		for _, it := range o["items"].([]any) {
			item := it.(map[string]any)
			if state, ok := states[item["sku"].(string)]; ok {
				h.setState(item, state)
			}
		}
		return
	}
	switch h.bug {
	case "readback-drop":
		delete(o, "note")
	case "readback-change":
		o["note"] = "gift wrap"
	case "readback-retype":
		o["note"] = fmt.Sprint(o["note"])
	}
}

// listed gives a listed order 1 the state the last job set on its item, as a store would, or
// breaks it.
func (h *shop) listed(o map[string]any) map[string]any {
	if o["id"] != 1 || h.job == nil {
		return o
	}
	if h.bug == "readback-no-items" {
		delete(o, "items")
	}
	items, _ := o["items"].([]any)
	for _, it := range items {
		item := it.(map[string]any)
		if item["sku"] != h.job["sku"] {
			continue
		}
		h.setState(item, h.job["state"])
	}
	return o
}

// setState sets the state of an item as a store would, or breaks it.
func (h *shop) setState(item map[string]any, state any) {
	item["state"] = state
	switch h.bug {
	case "readback-drop":
		delete(item, "state")
	case "readback-change":
		item["state"] = "broken"
	case "readback-unlisted":
		item["sku"] = "z9"
	}
}

// stepCase runs the step under test after its setup, against the fake shop with a bug (or in a
// broken state, by env). The setup must pass; the step must fail, with an error naming wants.
// A case with passes set shows a step passing where the tests claim it should.
type stepCase struct {
	name   string
	bug    string
	env    func(*Env)
	setup  []string
	step   string // the step under test: its first line, then any doc string or table lines
	want   []string
	passes bool
	hooks  Hooks // receives the end of the scenario (nil: none)
	// readBacks replaces the shop's round-trip rules (readback.yaml), for a rule of a kind the
	// shop's own rules do not show.
	readBacks string
}

const (
	authenticated = "I am authenticated"
	getOrder1     = `I send a GET request to "/api/orders/1"`
	getOrder2     = `I send a GET request to "/api/orders/2"` // an order with no items
	getServers    = `I send a GET request to "/api/servers"`
	createJob     = `I send a POST request to "/api/jobs"`
	saveTx        = `I save the response header "X-Transaction-Id" as "tx"`
	awaitDone     = `the completion callback for transaction "${tx}" should arrive within 2 seconds`
)

const readBack = `reading back the last write should show the fields it sent`

// statesByPairs reads back the states an order gives its items by sku ({"a2": "off"}) from the
// order's list of items, each with its sku and state.
const statesByPairs = `readback:
  createOrder:
    read: getOrder
    params: {id: response:/id}
    sent: /states
    at: /items
    pairs: {name: /sku, value: /state}
    document-line: 1
`

// attachmentAsNote reads back the file name of an order's attachment as its note.
const attachmentAsNote = `readback:
  createOrder:
    read: getOrder
    params: {id: response:/id}
    sent: /attachment
    rename: {/filename: /note}
    skip: {/contentType: the order keeps no media type}
    document-line: 1
`

// postAttachment creates an order from a multipart body (contentType its Content-Type) with an
// attachment.
func postAttachment(contentType string) string {
	return "I send a POST request to \"/api/orders\" with body:\n\"\"\"" + contentType + "\n--cc-b\n" +
		"Content-Disposition: form-data; name=\"attachment\"; filename=\"gift.txt\"\nContent-Type: text/plain\n\nwrap it\n--cc-b--\n\"\"\""
}

// postStates creates an order that gives its items states by sku.
func postStates(states string) string {
	return "I send a POST request to \"/api/orders\" with body:\n\"\"\"json\n{\"states\": " + states + "}\n\"\"\""
}

// createJobFor starts a job setting the state of item sku of order 1 to off.
func createJobFor(sku string) string {
	return "I send a POST request to \"/api/jobs\" with body:\n\"\"\"json\n" + `{"sku": "` + sku + `", "state": "off"}` + "\n\"\"\""
}

// postOrder creates order 1 with a note (a JSON value).
func postOrder(note string) string {
	return "I send a POST request to \"/api/orders\" with body:\n\"\"\"json\n" +
		`{"id": 1, "email": "a@example.com", "createdAt": "2024-01-01T00:00:00Z", "note": ` + note + "}\n\"\"\""
}

// stepCases shows every step failing. Cases named "vacuous: ..." are checks that used to pass on
// data that proves nothing (an empty list, a field no item has, a value never expanded).
var stepCases = []stepCase{
	{name: "no default credentials", env: func(e *Env) { delete(e.Credentials, "default") },
		step: `I am authenticated`, want: []string{`no credentials named "default"`}},
	{name: "unknown credentials",
		step: `I am authenticated as "nobody"`, want: []string{`no credentials named "nobody"`}},
	{name: "variable from an unset variable",
		step: `the variable "x" is "${nope}"`, want: []string{"variable ${nope} is not set", "set: "}},
	{name: "request header from an unset variable",
		step: `the request header "X-Trace" is "trace-${nope}"`, want: []string{"variable ${nope} is not set"}},

	{name: "maintenance at: not a base URL",
		step: `the cloud in scheduled maintenance at "maintenance.example/api"`, want: []string{`the cloud in scheduled maintenance at "maintenance.example/api": expected the base URL of the API there`}},
	{name: "maintenance at: a URL with a query",
		step: `the cloud in scheduled maintenance at "https://maintenance.example/?x=1"`, want: []string{"expected the base URL of the API there"}},
	{name: "maintenance at: an unset variable that is no vendor-side fixture",
		step: `the cloud in scheduled maintenance at "${nope}"`, want: []string{"variable ${nope} is not set"}},

	{name: "send: oversized body",
		step: `I send a GET request to "/api/orders/big"`, want: []string{"GET /api/orders/big", "response body exceeds 65536 bytes"}},
	{name: "send with body: unset variable",
		step: "I send a POST request to \"/api/orders\" with body:\n\"\"\"json\n{\"id\": ${nope}}\n\"\"\"", want: []string{"variable ${nope} is not set"}},
	{name: "send with query: a row of three cells",
		step: "I send a GET request to \"/api/servers\" with query:\n| pageSize | 5 | 6 |", want: []string{"expected 2 cells (name | value), got 3"}},
	{name: "send with form: the server hangs up", bug: "hang-up",
		step: "I send a POST request to \"/api/orders\" with form:\n| email | a@example.com |", want: []string{"POST /api/orders", "EOF"}},

	{name: "status", setup: []string{`I send a GET request to "/api/orders/9"`},
		step: `the response status should be 200`, want: []string{"GET /api/orders/9", "expected status 200, got 404"}},
	{name: "status a success", setup: []string{`I send a GET request to "/api/orders/9"`},
		step: `the response status should be a success`, want: []string{"GET /api/orders/9", "expected status a success (2xx), got 404"}},
	{name: "status either", setup: []string{`I send a GET request to "/api/orders/9"`},
		step: `the response status should be 400 or 403`, want: []string{"GET /api/orders/9", "expected status 400 or 403, got 404"}},
	{name: "status either, the second", passes: true, setup: []string{`I send a GET request to "/api/orders/9"`},
		step: `the response status should be 400 or 404`},
	{name: "contract: bad email", bug: "bad-email", setup: []string{getOrder1},
		step: `the response should conform to the contract`, want: []string{"getOrder", "body at /email", "expected format", `got "not-an-email"`}},
	{name: "header present", bug: "no-request-id", setup: []string{getOrder1},
		step: `the response header "X-Request-Id" should be present`, want: []string{"expected a X-Request-Id header, the response has none"}},
	{name: "header absent", setup: []string{getOrder1},
		step: `the response header "X-Request-Id" should be absent`, want: []string{`expected no X-Request-Id header, got "req-1"`}},
	{name: "header is", setup: []string{getOrder1},
		step: `the response header "X-Request-Id" should be "req-2"`, want: []string{`expected header X-Request-Id to be "req-2", got "req-1"`}},
	{name: "header matches", setup: []string{getOrder1},
		step: `the response header "X-Request-Id" should match "^req-[0-9]+-[a-z]+$"`, want: []string{"expected header X-Request-Id to match ^req-[0-9]+-[a-z]+$", `got "req-1"`}},
	{name: "vacuous: header matches an empty pattern", setup: []string{getOrder1},
		step: `the response header "X-Request-Id" should match ""`, want: []string{"an empty pattern matches any value"}},
	{name: "field is", setup: []string{getOrder1},
		step: `the response field "/email" should be "b@example.com"`, want: []string{`expected field /email to be "b@example.com", got "a@example.com"`}},
	{name: "field matches", setup: []string{getOrder1},
		step: `the response field "/createdAt" should match "^2025-"`, want: []string{"expected field /createdAt to match ^2025-", `got "2024-01-01T00:00:00Z"`}},
	{name: "vacuous: field matches an empty pattern", setup: []string{getOrder1},
		step: `the response field "/createdAt" should match ""`, want: []string{"an empty pattern matches any value"}},
	{name: "field exists", setup: []string{getOrder1},
		step: `the response field "/shipped" should exist`, want: []string{"the response has no field /shipped", `"email":"a@example.com"`}},
	{name: "field does not exist", setup: []string{getOrder1},
		step: `the response field "/email" should not exist`, want: []string{"expected no field /email, got a@example.com"}},
	{name: "vacuous: field does not exist, pointer with a variable", setup: []string{getOrder1, `the variable "i" is "0"`},
		step: `the response field "/items/${i}" should not exist`, want: []string{`expected no field /items/0, got {"sku":"a1","state":"on"}`}},
	{name: "vacuous: field does not exist, its parent is missing", setup: []string{getOrder1},
		step: `the response field "/shipping/address" should not exist`, want: []string{"expected no field /shipping/address", "/shipping, where it would be, is not an object or array (got absent)"}},
	{name: "field does not exist in a CSV body", setup: []string{`I send a GET request to "/api/report"`},
		step: `the response field "/total" should not exist`, want: []string{"GET /api/report answered 200 with no JSON or XML body", "text/csv"}},
	{name: "item count", setup: []string{getOrder1},
		step: `the response field "/items" should have 3 items`, want: []string{"expected 3 items in /items, got 2"}},
	{name: "item count of a field that is not a list", setup: []string{getOrder1},
		step: `the response field "/email" should have 1 item`, want: []string{"field /email is not an array: a@example.com"}},
	{name: "at least", setup: []string{getOrder1},
		step: `the response field "/items" should have at least 3 items`, want: []string{"expected at least 3 items in /items, got 2"}},
	{name: "vacuous: at least 0", setup: []string{getOrder2},
		step: `the response field "/items" should have at least 0 items`, want: []string{`"at least 0 items" holds for any list`}},
	{name: "at most", setup: []string{getOrder1},
		step: `the response field "/items" should have at most 1 item`, want: []string{"expected at most 1 items in /items, got 2"}},
	{name: "every item", setup: []string{getOrder1},
		step: `every item of the response field "/items" should have "/state" equal to "off"`, want: []string{`item /items/0/state is "on", expected "off"`}},
	{name: "vacuous: every item of an empty list", setup: []string{getOrder2},
		step: `every item of the response field "/items" should have "/state" equal to "on"`, want: []string{`expected every item of /items to have /state equal to "on", but /items is empty`, `"if any"`}},
	{name: "every item, a field no item has", setup: []string{getOrder1},
		step: `every item of the response field "/items" should have "/colour" equal to "null"`, want: []string{`item /items/0 has no field /colour, expected "null"`}},
	{name: "every item if any", setup: []string{getOrder1},
		step: `every item of the response field "/items" should have "/state" equal to "off" if any`, want: []string{`item /items/0/state is "on", expected "off"`}},
	{name: "every item if any, of an empty list", passes: true, setup: []string{getOrder2},
		step: `every item of the response field "/items" should have "/state" equal to "on" if any`},
	{name: "read back", passes: true, setup: []string{postOrder(`"gift"`)},
		step: readBack},
	{name: "read back: a field dropped", bug: "readback-drop", setup: []string{postOrder(`"gift"`)},
		step: readBack, want: []string{"GET /api/orders/1 answered 200", "readback at /note: dropped since createOrder sent it at /note", `expected "gift"; got nothing`}},
	{name: "read back: a value changed", bug: "readback-change", setup: []string{postOrder(`"gift"`)},
		step: readBack, want: []string{"getOrder", "reading back createOrder (POST /api/orders, answered 202)", "GET /api/orders/1", `readback at /note: changed since createOrder sent it at /note [expected "gift"; got "gift wrap"]`}},
	{name: "read back: a type changed", bug: "readback-retype", setup: []string{postOrder(`5`)},
		step: readBack, want: []string{"GET /api/orders/1", `readback at /note: changed type since createOrder sent it at /note [expected number 5; got string "5"]`}},
	{name: "read back: the read answers 404", bug: "readback-404", setup: []string{postOrder(`"gift"`)},
		step: readBack, want: []string{"reading back createOrder (POST /api/orders, answered 202): GET /api/orders/1 answered 404"}},
	{name: "vacuous: read back no documented field", setup: []string{"I send a POST request to \"/api/orders\" with body:\n\"\"\"json\n{\"colour\": \"red\"}\n\"\"\""},
		step: readBack, want: []string{"compared no field, so it could not fail", "/colour"}},
	{name: "read back: no write", setup: []string{getOrder1},
		step: readBack, want: []string{"no successful create or update to read back"}},
	{name: "read back: fields sent in the query", passes: true, setup: []string{`I send a GET request to "/api/orders/1?annotate&note=gift"`},
		step: readBack},
	{name: "read back: an item inside a listed item, found by a callback field", passes: true, setup: []string{createJobFor("a2"), saveTx, awaitDone},
		step: readBack},
	{name: "read back: a field of an item inside a listed item changed", bug: "readback-change", setup: []string{createJobFor("a2"), saveTx, awaitDone},
		step: readBack, want: []string{"GET /api/orders answered 200", `readback at /0/items/1/state: changed since createJob sent it at /state [expected "off"; got "broken"]`}},
	{name: "read back: a field of an item inside a listed item dropped", bug: "readback-drop", setup: []string{createJobFor("a2"), saveTx, awaitDone},
		step: readBack, want: []string{`readback at /0/items/1/state: dropped since createJob sent it at /state`}},
	{name: "read back: the item inside the listed item is not listed", bug: "readback-unlisted", setup: []string{createJobFor("a2"), saveTx, awaitDone},
		step: readBack, want: []string{`none of the 2 items of /0/items has /sku = "a2": what was written is not listed`}},
	{name: "read back: the list inside the listed item is missing", bug: "readback-no-items", setup: []string{createJobFor("a2"), saveTx, awaitDone},
		step: readBack, want: []string{`the answer lists nothing at /0/items, so no item has /sku = "a2": what was written is not listed`}},
	{name: "read back: the callback naming what to read has not arrived", setup: []string{createJobFor("a2")},
		step: readBack, want: []string{"callback:/id: no callback has arrived: wait for the write's callback first"}},
	{name: "read back: a removed item is gone", passes: true, setup: []string{`I send a GET request to "/api/orders/2?action=ship"`},
		step: readBack},
	{name: "read back: a removed item still listed", bug: "readback-still-listed", setup: []string{`I send a GET request to "/api/orders/2?action=ship"`},
		step: readBack, want: []string{"reading back shipOrder (GET /api/orders/2?action=ship, answered 200)", "readback at /1: still listed since shipOrder removed it", "expected no item with /id = \"2\"", `"id":2`}},
	{name: "read back: a map sent, read as name/value items", passes: true, readBacks: statesByPairs, setup: []string{postStates(`{"a2": "off", "a1": "on"}`)},
		step: readBack},
	{name: "read back: a value of a map sent changed in its item", bug: "readback-change", readBacks: statesByPairs, setup: []string{postStates(`{"a2": "off"}`)},
		step: readBack, want: []string{"reading back createOrder (POST /api/orders, answered 202)", `readback at /items/1/state: changed since createOrder sent it at /states/a2 [expected "off"; got "broken"]`}},
	{name: "read back: a value of a map sent dropped from its item", bug: "readback-drop", readBacks: statesByPairs, setup: []string{postStates(`{"a2": "off"}`)},
		step: readBack, want: []string{`readback at /items/1/state: dropped since createOrder sent it at /states/a2 [expected "off"; got nothing]`}},
	{name: "read back: no item of a name sent", bug: "readback-unlisted", readBacks: statesByPairs, setup: []string{postStates(`{"a2": "off"}`)},
		step: readBack, want: []string{`readback at /items: dropped since createOrder sent it at /states/a2 [expected "off"; got nothing]`}},
	{name: "read back: no map sent where the rule reads pairs", readBacks: statesByPairs, setup: []string{postStates(`"off"`)},
		step: readBack, want: []string{"GET /api/orders/1 at /items: what was sent is a string, not a map of names to values"}},
	{name: "read back: a file sent in a multipart body", passes: true, readBacks: attachmentAsNote, setup: []string{postAttachment("multipart/form-data; boundary=cc-b")},
		step: readBack},
	{name: "read back: the name of a file sent in a multipart body changed", bug: "readback-change", readBacks: attachmentAsNote, setup: []string{postAttachment("multipart/form-data; boundary=cc-b")},
		step: readBack, want: []string{`readback at /note: changed since createOrder sent it at /attachment/filename [expected "gift.txt"; got "gift wrap"]`}},
	{name: "read back: a multipart body without its boundary", readBacks: attachmentAsNote, setup: []string{postAttachment("multipart/form-data")},
		step: readBack, want: []string{"its multipart body cannot be read", "names no boundary"}},
	{name: "read back: a field sent in the query changed", bug: "readback-change", setup: []string{`I send a GET request to "/api/orders/1?annotate&note=gift"`},
		step: readBack, want: []string{"reading back annotateOrder (GET /api/orders/1?annotate&note=gift, answered 200)", `readback at /note: changed since annotateOrder sent it at /note [expected "gift"; got "gift wrap"]`}},
	{name: "read back: a field sent in the query dropped", bug: "readback-drop", setup: []string{`I send a GET request to "/api/orders/1?annotate&note=gift"`},
		step: readBack, want: []string{`readback at /note: dropped since annotateOrder sent it at /note`}},
	{name: "read back: a query without fields", setup: []string{`I send a GET request to "/api/orders/1?annotate"`},
		step: readBack, want: []string{"its query carries no field"}},
	{name: "read back: a write that cannot be", setup: []string{`I send a GET request to "/api/orders/1?cancel"`},
		step: readBack, want: []string{"cancelOrder (GET /api/orders/1?cancel, answered 200) cannot be read back", "sends no field"}},
	{name: "body contains", setup: []string{getOrder1},
		step: `the response body should contain "b@example.com"`, want: []string{`expected the body to contain "b@example.com"`, `"email":"a@example.com"`}},
	{name: "vacuous: body contains nothing", setup: []string{getOrder1},
		step: `the response body should contain ""`, want: []string{"every body contains"}},
	{name: "body contains either", setup: []string{getOrder1},
		step: `the response body should contain "b@example.com" or "c@example.com"`, want: []string{`expected the body to contain "b@example.com" or "c@example.com"`, `"email":"a@example.com"`}},
	{name: "body contains either, the second", passes: true, setup: []string{getOrder1},
		step: `the response body should contain "b@example.com" or "a@example.com"`},
	{name: "vacuous: body contains either of nothing", setup: []string{getOrder1},
		step: `the response body should contain "b@example.com" or ""`, want: []string{"every body contains"}},
	{name: "body contains either, our reading, strict run", env: func(e *Env) { e.Validator.Strict = true }, setup: []string{getOrder1},
		step: `the response body should contain "b@example.com" or "c@example.com", our reading of document line 430`, want: []string{`expected the body to contain "b@example.com" or "c@example.com" (our own reading of the document at line 430)`}},
	{name: "save field", setup: []string{getOrder1},
		step: `I save the response field "/shipped" as "s"`, want: []string{"the response has no field /shipped"}},
	{name: "save header", setup: []string{getOrder1},
		step: `I save the response header "Location" as "loc"`, want: []string{"GET /api/orders/1: no Location header to save as loc"}},
	{name: "save from the first item of an empty list", setup: []string{getOrder2},
		step: `I save "/sku" of the first item of "/items" as "sku"`, want: []string{"/items is empty: there is no item to take"}},
	{name: "save from the first item, without the field", setup: []string{getOrder1},
		step: `I save "/price" of the first item of "/items" as "price"`, want: []string{"the item of /items that was picked has no field /price to save as price"}},
	{name: "save from the first item whose", setup: []string{getOrder1},
		step: `I save "/sku" of the first item of "/items" whose "/state" is "off" as "sku"`, want: []string{`none of the 2 items of /items has /state equal to "off"`}},
	{name: "save from the first item whose ... is not", setup: []string{getOrder1},
		step: `I save "/sku" of the first item of "/items" whose "/state" is not "on" as "sku"`, want: []string{`none of the 2 items of /items has /state other than "on"`}},
	{name: "save the number of items of a missing list", setup: []string{getOrder1},
		step: `I save the number of items of "/lines" as "n"`, want: []string{"the response has no field /lines"}},
	{name: "item count from a variable", setup: []string{getOrder1, `the variable "n" is "3"`},
		step: `the response field "/items" should have "${n}" items`, want: []string{"expected 3 items in /items, got 2"}},
	{name: "item count from a variable that is no number", setup: []string{getOrder1, `the variable "n" is "three"`},
		step: `the response field "/items" should have "${n}" items`, want: []string{`item count "three" (from "${n}") is not a whole number`}},
	{name: "an item whose", setup: []string{getOrder1},
		step: `the response field "/items" should have an item whose "/sku" is "zz"`, want: []string{`none of the 2 items of /items has /sku equal to "zz"`}},
	{name: "no item whose", setup: []string{getOrder1},
		step: `the response field "/items" should have no item whose "/sku" is "a2"`, want: []string{`expected no item of /items with /sku equal to "a2", found one: item 1`}},
	{name: "vacuous: no item whose, a field no item has", setup: []string{getOrder1},
		step: `the response field "/items" should have no item whose "/colour" is "red"`, want: []string{`expected no item of /items with /colour equal to "red", but item 0 has no field /colour`}},
	{name: "no item whose, in an empty list", passes: true, setup: []string{getOrder2},
		step: `the response field "/items" should have no item whose "/sku" is "a1"`},
	{name: "poll",
		step: `I poll GET "/api/orders/1" until the response field "/email" is "z@example.com" within 2 attempts`, want: []string{`field /email did not become "z@example.com" within 2 attempts; it was a@example.com → a@example.com`}},
	{name: "vacuous: poll within 0 attempts",
		step: `I poll GET "/api/orders/1" until the response field "/email" is "a@example.com" within 0 attempts`, want: []string{"within 0 attempts sends nothing"}},
	{name: "vacuous: poll for an absent field", setup: []string{`the variable "absent" is "(absent)"`},
		step: `I poll GET "/api/orders/1" until the response field "/shipped" is "${absent}" within 1 attempts`, want: []string{`field /shipped did not become "(absent)" within 1 attempts; it was (absent)`}},
	{name: "wait",
		step: `I wait "soon" seconds`, want: []string{`wait: "soon" is not a number of seconds`}},
	{name: "walking pages: an item twice", bug: "walk-duplicate",
		step: `walking the pages of "/api/orders" with "page" and "per_page" of 2 yields every item of "" exactly once`, want: []string{"walking /api/orders by per_page=2: 3 item(s) unpaged, 4 across pages", "item seen 2 time(s) across pages, 1 time(s) unpaged: {\"createdAt\":\"2024-01-02T00:00:00Z\""}},
	{name: "vacuous: walking the pages of an empty list", bug: "empty",
		step: `walking the pages of "/api/orders" with "page" and "per_page" of 2 yields every item of "" exactly once`, want: []string{"cannot be judged on 0 item(s) of the body", "at least 3 items"}},
	{name: "vacuous: walking a list that fits one page",
		step: `walking the pages of "/api/orders" with "page" and "per_page" of 3 yields every item of "" exactly once`, want: []string{"cannot be judged on 3 item(s)", "at least 4 items"}},
	{name: "paging through: an item twice", bug: "duplicate",
		step: `paging through "/api/servers" by 3 yields every item exactly once`, want: []string{"paging /api/servers by 3: items on more than one page"}},
	{name: "vacuous: paging through an empty list", bug: "empty",
		step: `paging through "/api/servers" by 3 yields every item exactly once`, want: []string{"cannot be judged on 0 item(s)", "at least 4 items"}},
	{name: "vacuous: paging through a list that fits one page",
		step: `paging through "/api/servers" by 7 yields every item exactly once`, want: []string{"cannot be judged on 7 item(s)", "at least 8 items"}},
	{name: "ordered", setup: []string{getServers},
		step: `the response items should be ordered by "name.DESCENDING"`, want: []string{`items 0 and 1 are not ordered by name.DESCENDING: name="alpha" before name="Bravo"`}},
	{name: "vacuous: ordered by a field no item has", setup: []string{getServers},
		step: `the response items should be ordered by "started"`, want: []string{"expected the items ordered by started, but item 0 has no field started"}},
	{name: "vacuous: ordered, a second key no item has", setup: []string{getServers},
		step: `the response items should be ordered by "name,nosuch"`, want: []string{"item 0 has no field nosuch"}},
	{name: "vacuous: ordered, one item", bug: "one", setup: []string{getServers},
		step: `the response items should be ordered by "name"`, want: []string{"ordering cannot be judged on 1 item(s)"}},
	{name: "vacuous: ordered, no item", bug: "empty", setup: []string{getServers},
		step: `the response items should be ordered by "name"`, want: []string{"ordering cannot be judged on 0 item(s)"}},
	{name: "vacuous: ordered, every item equal", bug: "twins", setup: []string{getServers},
		step: `the response items should be ordered by "cpuCount"`, want: []string{"ordering cannot be judged: all 7 items compare equal by cpuCount"}},
	{name: "every response item", setup: []string{getServers},
		step: `every response item should have "cpuCount" at most "5"`, want: []string{`item 2 has cpuCount "7", expected it at most "5"`}},
	{name: "vacuous: every response item of an empty page", bug: "empty", setup: []string{getServers},
		step: `every response item should have "name" equal to "alpha"`, want: []string{`expected every item to have name equal to "alpha", but the page holds no item`}},
	{name: "every response item, a field no item has", setup: []string{getServers},
		step: `every response item should have "location" in "NA1,NA3"`, want: []string{`item 0 has location "(absent)", expected it in "NA1,NA3"`}},
	{name: "every response item if any", setup: []string{getServers},
		step: `every response item should have "name" equal to "alpha" if any`, want: []string{`item 1 has name "Bravo", expected it equal to "alpha"`}},
	{name: "every response item if any, of an empty page", passes: true, bug: "empty", setup: []string{getServers},
		step: `every response item should have "name" equal to "alpha" if any`},
	{name: "page holds", setup: []string{getServers},
		step: `the response page should hold 6 items`, want: []string{"expected 6 items on the page, got 7"}},
	{name: "page holds at least", setup: []string{getServers},
		step: `the response page should hold at least 8 items`, want: []string{"expected at least 8 items on the page, got 7"}},
	{name: "vacuous: page holds at least 0", bug: "empty", setup: []string{getServers},
		step: `the response page should hold at least 0 items`, want: []string{`"at least 0 items" holds for any page`}},

	{name: "completion callback", bug: "missing-callback", setup: []string{createJob, saveTx},
		step: `the completion callback for transaction "${tx}" should arrive within 1 second`, want: []string{"no Callback callback for transaction tx-1 (createJob)", "received: Callback-Events"}},
	{name: "named callback", bug: "no-events", setup: []string{createJob, saveTx},
		step: `a "Callback-Events" callback for transaction "${tx}" should arrive within 1 second`, want: []string{"no Callback-Events callback for transaction tx-1", `received: Callback tx="tx-1"`}},
	{name: "callback conforms", bug: "invalid-callback-body", setup: []string{createJob, saveTx, awaitDone},
		step: `the callback should conform to the contract`, want: []string{"createJobCallback (callback of createJob)", "exploded"}},
	{name: "callback header", bug: "wrong-status-header", setup: []string{createJob, saveTx, awaitDone},
		step: `the callback header "X-Status-Code" should be "200"`, want: []string{`Callback callback: expected header X-Status-Code to be "200", got "OK"`}},
	{name: "callback field", bug: "job-failed", setup: []string{createJob, saveTx, awaitDone},
		step: `the callback field "/state" should be "done"`, want: []string{`Callback callback: expected field /state to be "done", got "failed"`}},
	{name: "save a callback field", setup: []string{createJob, saveTx, awaitDone},
		step: `I save the callback field "/nope" as "x"`, want: []string{"Callback callback: no field /nope to save as x"}},
	{name: "callbacks in order", bug: "events-out-of-order", setup: []string{createJob, saveTx},
		step: `the "Callback-Events" callbacks for transaction "${tx}" should carry "/type" values "STARTED, RUNNING" in order within 2 seconds`, want: []string{"expected STARTED, RUNNING in this order, got RUNNING, STARTED"}},
	{name: "vacuous: callbacks in order, a renamed required element", bug: "renamed-element", setup: []string{createJob, saveTx},
		step: `the "Callback-Events" callbacks for transaction "${tx}" should carry "/type" values "STARTED, RUNNING" in order within 2 seconds`, want: []string{"callback 1 of the 2 expected (STARTED, RUNNING) breaks its contract", "createJobEvent", "missing properties: 'type'", `got {"kind":"STARTED"}`}},
	{name: "vacuous: callbacks in order, no value listed", setup: []string{createJob, saveTx},
		step: `the "Callback-Events" callbacks for transaction "${tx}" should carry "/type" values " , " in order within 2 seconds`, want: []string{"no values listed", "could not fail"}},
}

// stepResult is what godog said of one step.
type stepResult struct {
	text   string
	status godog.StepResultStatus
	err    error
}

// runCase plays a case as a feature through the registered step table, against a fresh shop.
func runCase(t *testing.T, c stepCase) []stepResult {
	t.Helper()
	dir := "../spec/testdata/shop"
	if c.readBacks != "" {
		dir = t.TempDir()
		require.NoError(t, os.CopyFS(dir, os.DirFS("../spec/testdata/shop")))
		require.NoError(t, os.WriteFile(filepath.Join(dir, spec.ReadBackFile), []byte(c.readBacks), 0o644))
	}
	api, err := spec.Load(dir)
	require.NoError(t, err)
	h := newShop(c.bug)
	srv := httptest.NewServer(h)
	defer srv.Close()
	rcv, err := callback.Start("", "")
	require.NoError(t, err)
	defer rcv.Close()
	base, _ := url.Parse(srv.URL)
	env := &Env{API: api, Validator: validate.New(api), Sessions: vcr.NewFactory(vcr.Options{Mode: vcr.Live, Receiver: rcv}), BaseURL: base,
		Credentials: map[string]spec.Credential{"default": {Username: "alice", Password: "alice-secret"}, "subadmin": {Username: "bob", Password: "bob-secret"}},
		Wait:        func(context.Context, time.Duration) error { return nil }, PollInterval: time.Millisecond,
		Timeout: 5 * time.Second, MaxBody: 1 << 16, Policy: redact.New(), RunID: "cc-test"}
	if c.env != nil {
		c.env(env)
	}

	var b strings.Builder
	b.WriteString("Feature: a step shown failing\n\n  Scenario: " + c.name + "\n")
	for _, line := range append(append([]string(nil), c.setup...), c.step) {
		for i, l := range strings.Split(line, "\n") {
			if i == 0 {
				l = "* " + l
			}
			b.WriteString("    " + l + "\n")
		}
	}

	var mu sync.Mutex
	var results []stepResult
	suite := godog.TestSuite{
		Name: c.name,
		ScenarioInitializer: func(sc *godog.ScenarioContext) {
			Register(sc, env, c.hooks)
			sc.StepContext().After(func(ctx context.Context, st *godog.Step, status godog.StepResultStatus, err error) (context.Context, error) {
				mu.Lock()
				defer mu.Unlock()
				results = append(results, stepResult{text: st.Text, status: status, err: err})
				return ctx, nil
			})
		},
		Options: &godog.Options{Format: "progress", Output: io.Discard, Strict: true, NoColors: true,
			FeatureContents: []godog.Feature{{Name: "negative.feature", Contents: []byte(b.String())}}},
	}
	suite.Run()
	h.jobs.wg.Wait()
	return results
}

// TestEveryStepFails runs each case: its setup passes and its step fails, naming what was
// expected and what came (or, for the few cases marked passes, the step passes).
func TestEveryStepFails(t *testing.T) {
	for _, c := range stepCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			results := runCase(t, c)
			n := len(c.setup) + 1
			require.Len(t, results, n, "every step of the case ran: %+v", results)
			for _, r := range results[:n-1] {
				require.Equal(t, godog.StepPassed, r.status, "setup step %q: %v", r.text, r.err)
			}
			last := results[n-1]
			if c.passes {
				assert.Equal(t, godog.StepPassed, last.status, "step %q: %v", last.text, last.err)
				return
			}
			require.Equal(t, godog.StepFailed, last.status, "step %q should fail (status %v)", last.text, last.status)
			require.Error(t, last.err)
			for _, w := range c.want {
				assert.Contains(t, last.err.Error(), w)
			}
		})
	}
}

// deviationsSeen keeps the deviations of the scenarios that end.
type deviationsSeen struct {
	mu   sync.Mutex
	devs []Deviation
}

func (d *deviationsSeen) ScenarioDone(s *Scenario, _ *godog.Scenario, _ error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if s != nil {
		d.devs = append(d.devs, s.Deviations...)
	}
}

// TestOurReadingIsADeviation: a body that holds neither text an inferred expectation names passes
// a run that is not strict, and is reported as a deviation with the document line as evidence.
func TestOurReadingIsADeviation(t *testing.T) {
	seen := &deviationsSeen{}
	results := runCase(t, stepCase{name: "our reading", hooks: seen, setup: []string{getOrder1},
		step: `the response body should contain "b@example.com" or "c@example.com", our reading of document line 430`})
	require.Len(t, results, 2)
	assert.Equal(t, godog.StepPassed, results[1].status, "%v", results[1].err)
	require.Len(t, seen.devs, 1)
	d := seen.devs[0]
	assert.Equal(t, "getOrder", d.Operation)
	assert.Equal(t, "GET /api/orders/1", d.RequestLine)
	require.NotNil(t, d.Problem.Evidence)
	assert.Equal(t, 430, d.Problem.Evidence.Line)
	assert.Contains(t, d.Problem.Message, `expected the body to contain "b@example.com" or "c@example.com"`)
}

// cannotFail is every step that cannot fail, whatever the response or the state. Keep it short:
// a step belongs here only when no input makes it fail.
var cannotFail = []string{
	`^I am not authenticated$`,
}

// TestEveryStepHasAFailingCase fails when a step of the vocabulary has no case showing it fail
// (a new step, or a step whose expression no longer matches its case), unless it is listed, with
// its reason in the table, as one that cannot fail.
func TestEveryStepHasAFailingCase(t *testing.T) {
	defs := vocabulary()
	compiled := make([]*regexp.Regexp, len(defs))
	for i, d := range defs {
		compiled[i] = regexp.MustCompile(d.expr)
	}
	failing := map[string][]string{}
	for _, c := range stepCases {
		text := strings.SplitN(c.step, "\n", 2)[0]
		var matched []string
		for i, re := range compiled {
			if re.MatchString(text) {
				matched = append(matched, defs[i].expr)
			}
		}
		require.Len(t, matched, 1, "case %q: step %q should match exactly one expression of the vocabulary", c.name, text)
		if !c.passes {
			failing[matched[0]] = append(failing[matched[0]], c.name)
		}
	}
	var declared []string
	for _, d := range defs {
		if d.cannotFail != "" {
			declared = append(declared, d.expr)
			assert.Empty(t, failing[d.expr], "%s is listed as unable to fail (%s), yet cases show it failing", d.expr, d.cannotFail)
			continue
		}
		assert.NotEmpty(t, failing[d.expr], "no case shows the step %s failing", d.expr)
	}
	sort.Strings(declared)
	want := append([]string(nil), cannotFail...)
	sort.Strings(want)
	assert.Equal(t, want, declared, "the steps the table says cannot fail")
	assert.Equal(t, len(defs), len(Vocabulary()))
}

// scenarioSeen keeps the state and the error of the scenario that ends.
type scenarioSeen struct {
	mu  sync.Mutex
	s   *Scenario
	err error
}

func (d *scenarioSeen) ScenarioDone(s *Scenario, _ *godog.Scenario, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.s, d.err = s, err
}

// TestCloudInMaintenance shows the scenario's requests sent to the deployment in maintenance with
// the same credentials, once (an unavailable answer there is the subject, not retried), and a
// scenario needing a vendor-side fixture the run does not have skipped from that step on, with
// the reason, instead of failing; an ordinary fixture missing still fails.
func TestCloudInMaintenance(t *testing.T) {
	var hits atomic.Int32
	var auth atomic.Value
	maint := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		auth.Store(r.Header.Get("Authorization") + " " + r.URL.Path)
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, `<Status xmlns="http://oec.api.opsource.net/schemas/general"><operation>Get Order</operation><result>ERROR</result><resultDetail>System is down for scheduled maintenance.</resultDetail><resultCode>REASON_5</resultCode></Status>`)
	}))
	defer maint.Close()
	vendorSide := func(e *Env) {
		e.Retries = 2
		e.API.Harness.Fixtures = append(e.API.Harness.Fixtures, spec.Fixture{Name: "maintenance_target", Description: "a deployment in maintenance", VendorSide: true})
	}
	steps := []string{`the cloud in scheduled maintenance at "${maintenance_target}"`, authenticated, getOrder1, `the response status should be 503`}

	seen := &scenarioSeen{}
	results := runCase(t, stepCase{name: "in maintenance", env: vendorSide, hooks: seen,
		setup: append([]string{`the variable "maintenance_target" is "` + maint.URL + `/shop"`}, steps[:3]...), step: steps[3]})
	require.Len(t, results, 5)
	for _, r := range results {
		assert.Equal(t, godog.StepPassed, r.status, "step %q: %v", r.text, r.err)
	}
	assert.Equal(t, int32(1), hits.Load(), "one request, not retried")
	assert.Equal(t, "Basic YWxpY2U6YWxpY2Utc2VjcmV0 /shop/api/orders/1", auth.Load(), "the same credentials, under the target's path prefix")
	require.NotNil(t, seen.s)
	assert.Empty(t, seen.s.NotRun)
	assert.Equal(t, "GET /api/orders/1", seen.s.Exchanges[0].RequestLine(), "the contract sees the path without the prefix")

	seen = &scenarioSeen{}
	results = runCase(t, stepCase{name: "not given", env: vendorSide, hooks: seen, setup: steps[:3], step: steps[3]})
	require.Len(t, results, 4)
	for _, r := range results {
		assert.Equal(t, godog.StepSkipped, r.status, "step %q: %v", r.text, r.err)
	}
	assert.Equal(t, int32(1), hits.Load(), "nothing sent")
	require.NotNil(t, seen.s)
	assert.Equal(t, "vendor side: set maintenance_target to run", seen.s.NotRun)
	assert.Empty(t, seen.s.Exchanges)

	results = runCase(t, stepCase{name: "an ordinary fixture", setup: nil, step: `the cloud in scheduled maintenance at "${maintenance_target}"`})
	require.Len(t, results, 1)
	assert.Equal(t, godog.StepFailed, results[0].status, "not vendor side: a missing value fails")
}

// TestOptionalFixtureNotHeld shows a scenario naming an optional fixture the run does not have
// (the cloud holds none now) skipped from that step on with the reason, nothing sent, instead of
// failing; given one, it runs.
func TestOptionalFixtureNotHeld(t *testing.T) {
	optional := func(e *Env) {
		e.API.Harness.Fixtures = append(e.API.Harness.Fixtures, spec.Fixture{Name: "order_busy", Description: "an order in maintenance", Optional: true})
	}
	step := `I send a GET request to "/api/orders/${order_busy}"`
	seen := &scenarioSeen{}
	results := runCase(t, stepCase{name: "not held", env: optional, hooks: seen, setup: []string{authenticated}, step: step})
	require.Len(t, results, 2)
	assert.Equal(t, godog.StepSkipped, results[1].status, "%v", results[1].err)
	require.NotNil(t, seen.s)
	assert.Equal(t, "the cloud holds no order_busy now: set order_busy to run", seen.s.NotRun)
	assert.Empty(t, seen.s.Exchanges)

	seen = &scenarioSeen{}
	results = runCase(t, stepCase{name: "held", env: optional, hooks: seen, setup: []string{`the variable "order_busy" is "1"`, authenticated}, step: step})
	require.Len(t, results, 3)
	assert.Equal(t, godog.StepPassed, results[2].status, "%v", results[2].err)
	assert.Empty(t, seen.s.NotRun)
	require.Len(t, seen.s.Exchanges, 1)
	assert.Equal(t, "GET /api/orders/1", seen.s.Exchanges[0].RequestLine())
}
