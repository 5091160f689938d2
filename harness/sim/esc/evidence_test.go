package esc

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// TestDocumentedAndInferredBreaks shows the two verdicts on the ESC contract: breaking what the
// document states fails, strict or not; breaking what the contract only infers (x-evidence) is a
// deviation that passes, and fails only when strict; content the document does not forbid (an
// element a later ESC adds) passes either way.
func TestDocumentedAndInferredBreaks(t *testing.T) {
	api := loadAPI(t)
	xmlHeader := http.Header{"Content-Type": {"application/xml; charset=UTF-8"}}
	const ns = `xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"`
	long := "tenant-name-of-sixty-five-characters-which-lines-71-73-forbid-xxxx" // 66 > 64
	tests := []struct {
		name      string
		status    int
		path      string
		header    http.Header
		body      string
		failure   string // a documented break: fails strict or not
		deviation string // an inferred break: passes, fails when strict
	}{
		{name: "conforming tenant", status: 200, path: "/ESCManager/v0/tenants/t1", header: xmlHeader,
			body: `<tenant ` + ns + `><internal_tenant_id>t1</internal_tenant_id><name>a</name></tenant>`},
		{name: "an element a later ESC adds", status: 200, path: "/ESCManager/v0/tenants/t1", header: xmlHeader,
			body: `<tenant ` + ns + `><internal_tenant_id>t1</internal_tenant_id><name>a</name><vim_project_id>p</vim_project_id><placement_zone>az-1</placement_zone></tenant>`},
		{name: "documented: a tenant name past 64 characters (lines 71-73)", status: 200, path: "/ESCManager/v0/tenants/t1", header: xmlHeader,
			body: `<tenant ` + ns + `><name>` + long + `</name></tenant>`, failure: "length must be <= 64"},
		{name: "documented: a status the response table does not list", status: 201, path: "/ESCManager/v0/tenants/t1", header: xmlHeader,
			body: `<tenant ` + ns + `><name>a</name></tenant>`, failure: "status not documented"},
		{name: "inferred: a 401 without its Basic challenge", status: 401, path: "/ESCManager/v0/tenants", header: http.Header{},
			deviation: "inferred from the document's prose at line 95"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := &validate.Exchange{Method: "GET", URL: &url.URL{Path: tt.path}, Status: tt.status, Header: tt.header, Body: []byte(tt.body)}
			v := validate.New(api)
			devs, err := v.ValidateAll(x)
			if tt.failure != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.failure)
			} else {
				require.NoError(t, err)
			}
			if tt.deviation != "" {
				require.Len(t, devs, 1)
				assert.True(t, devs[0].Deviation())
				assert.Contains(t, devs[0].String(), tt.deviation)
			} else {
				assert.Empty(t, devs)
			}
			v.Strict = true
			devs, err = v.ValidateAll(x)
			assert.Empty(t, devs)
			if tt.failure != "" || tt.deviation != "" {
				require.Error(t, err)
			} else {
				assert.NoError(t, err)
			}
		})
	}
}

// TestAnEventTypeOutsideTheExamplesIsADeviation: EventType lists the eight values of the
// document's examples; a real ESC notifies others (VM_RECOVERY_COMPLETE, VM_REBOOTED, ...), which
// are deviations, not failures. An event notification without the element at all is one too
// (every example carries it; no model requires it).
func TestAnEventTypeOutsideTheExamplesIsADeviation(t *testing.T) {
	api := loadAPI(t)
	op := api.Operation("recoverVm")
	require.NotNil(t, op)
	note := func(body string) *validate.Notification {
		return &validate.Notification{To: "Callback-ESC-Events", Method: "POST", URL: "http://client.example/events",
			Headers: http.Header{"Content-Type": {"application/xml"}, "Esc_transaction_id": {"d53f0047-2315-466c-b7e3-aa78e0a567e8"}},
			Body:    []byte(body)}
	}
	const head = `<esc_event xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">`
	for _, tt := range []struct{ name, body, want string }{
		{"VM_RECOVERY_COMPLETE", head + `<event_type>VM_RECOVERY_COMPLETE</event_type><vm_name>vm-1</vm_name></esc_event>`, `got "VM_RECOVERY_COMPLETE"`},
		{"no event_type", head + `<vm_name>vm-1</vm_name></esc_event>`, "missing properties: 'event_type'"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := validate.New(api)
			_, devs, err := v.ValidateCallbackAll(op, note(tt.body))
			require.NoError(t, err)
			require.Len(t, devs, 1)
			assert.Contains(t, devs[0].String(), tt.want)
			assert.Contains(t, devs[0].String(), "a deviation")
			v.Strict = true
			_, _, err = v.ValidateCallbackAll(op, note(tt.body))
			assert.Error(t, err)
		})
	}
	v := validate.New(api)
	_, devs, err := v.ValidateCallbackAll(op, note(head+`<event_type>VM_ALIVE</event_type></esc_event>`))
	require.NoError(t, err)
	assert.Empty(t, devs)
}
