package esc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// faultRun drives a fresh simulator with one fault through a small scenario
// and returns, per step, the answer code, its transaction id and the
// notifications it caused.
type faultStep struct {
	code  int
	txn   string
	notes []received
}

func faultScenario(t *testing.T, fault string) map[string]faultStep {
	t.Helper()
	var faults []string
	if fault != "" {
		faults = []string{fault}
	}
	c := newClient(t, sim.Options{Faults: faults})
	out := map[string]faultStep{}
	do := func(name, method, path, body string) {
		rec := c.do(method, path, body)
		out[name] = faultStep{code: rec.Code, txn: rec.Header().Get(HeaderTransactionID), notes: c.rc.take()}
	}
	do("tenant", "POST", "/v0/tenants/t1", tenantBody)
	do("deployment", "POST", "/v0/deployments/dep1", datamodelBody("t1", "d", 1))
	vm := vmNames(t, c, "dep1")[0]
	c.rc.take()
	do("vm", "POST", "/v0/t1/deployments/vm/"+vm, fmt.Sprintf(vmOp, "stop"))
	do("snapshot", "POST", "/v0/t1/deployments/snapshot-vm/"+vm, `{"operation":"snapshot","name":"s"}`)
	snaps := parse(t, c.get("/v0/snapshots").Body.String()).children("snapshot")
	require.Len(t, snaps, 1)
	do("volume-from-snapshot", "POST", "/v0/snapshots/"+snaps[0].text("id")+"/volumes", `{"name":"v"}`)
	do("fileserver", "POST", "/v0/fileserver/fs1", fileServer)
	do("host", "POST", "/v0/hosts/my-ucs-1/disable", "")
	return out
}

func byPath(notes []received, path string) []received {
	var out []received
	for _, n := range notes {
		if n.Path == path {
			out = append(out, n)
		}
	}
	return out
}

func TestFaults(t *testing.T) {
	clean := faultScenario(t, "")
	require.Equal(t, 200, clean["tenant"].code)
	require.Equal(t, 201, clean["snapshot"].code)
	require.Equal(t, 202, clean["volume-from-snapshot"].code)
	require.Len(t, clean["tenant"].notes, 1)
	require.Len(t, byPath(clean["deployment"].notes, "/cb"), 3)

	tests := []struct {
		fault string
		check func(t *testing.T, got map[string]faultStep)
	}{
		{FaultMissingCallback, func(t *testing.T, got map[string]faultStep) {
			assert.Empty(t, got["tenant"].notes)
			assert.Empty(t, got["fileserver"].notes)
			assert.Equal(t, []string{"/events VM_DEPLOYED", "/cb VM_DEPLOYED", "/events VM_ALIVE", "/cb VM_ALIVE"},
				stages(t, got["deployment"].notes), "intermediate notifications still come, SERVICE_ALIVE does not")
			assert.Equal(t, []string{"/events VM_STOPPED"}, stages(t, got["vm"].notes))
			assert.Len(t, got["host"].notes, 1, "host events are not completions")
		}},
		{FaultWrongTransactionID, func(t *testing.T, got map[string]faultStep) {
			for name, st := range got {
				for _, n := range st.notes {
					assert.NotEmpty(t, n.Header.Get(HeaderTransactionID), name)
					assert.NotEqual(t, st.txn, n.Header.Get(HeaderTransactionID), name)
				}
			}
		}},
		{FaultWrongStatusHeader, func(t *testing.T, got map[string]faultStep) {
			for name, st := range got {
				for _, n := range byPath(st.notes, "/cb") {
					assert.Empty(t, n.Header.Values(HeaderStatusCode), name)
				}
				for _, n := range byPath(st.notes, "/events") {
					assert.Equal(t, "999", n.Header.Get(HeaderStatusCode), name)
				}
			}
		}},
		{FaultInvalidCallbackBody, func(t *testing.T, got map[string]faultStep) {
			assert.Equal(t, "escnotification", rootOf(t, got["tenant"].notes[0].Body).Local)
			for _, n := range byPath(got["deployment"].notes, "/cb") {
				assert.Equal(t, "deployment", rootOf(t, n.Body).Local)
				assert.Nil(t, parse(t, n.Body).child("deployment_stage"))
			}
			vmDone := byPath(got["vm"].notes, "/cb")[0]
			assert.Nil(t, parse(t, vmDone.Body).child("event_type"))
			_, err := parseXML([]byte(got["fileserver"].notes[0].Body))
			assert.Error(t, err, "the file server notification is not well-formed")
			_, err = parseXML([]byte(got["volume-from-snapshot"].notes[0].Body))
			assert.Error(t, err)
			for _, n := range byPath(got["deployment"].notes, "/events") {
				assert.NotNil(t, parse(t, n.Body).child("event_type"), "event notifications are untouched")
			}
		}},
		{FaultWrongHTTPStatus, func(t *testing.T, got map[string]faultStep) {
			assert.Equal(t, 201, got["tenant"].code)
			assert.Equal(t, 201, got["deployment"].code)
			assert.Equal(t, 200, got["snapshot"].code)
			assert.Equal(t, 200, got["volume-from-snapshot"].code)
			assert.Equal(t, 200, got["host"].code, "host actions document only default")
			assert.Len(t, got["tenant"].notes, 1, "notifications are unaffected")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fault, func(t *testing.T) {
			tt.check(t, faultScenario(t, tt.fault))
		})
	}
}

func TestTenantUpdateNotKept(t *testing.T) {
	for _, faulty := range []bool{false, true} {
		var faults []string
		if faulty {
			faults = []string{FaultTenantUpdateNotKept}
		}
		c := newClient(t, sim.Options{Faults: faults})
		require.Equal(t, 200, c.do("POST", "/v0/tenants/t1", tenantBody).Code)
		rec := c.do("PUT", "/v0/tenants/t1", `<tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>renamed</name></tenant>`)
		require.Equal(t, 200, rec.Code, rec.Body.String())
		notes := byPath(c.rc.take(), "/cb")
		require.NotEmpty(t, notes)
		assert.Contains(t, notes[len(notes)-1].Body, "renamed", "the notification shows the update")
		assert.Equal(t, !faulty, strings.Contains(c.get("/v0/tenants/t1").Body.String(), "renamed"))
	}
}

// TestFaultsBreakSpec shows that the contract checks of TestAnswersMatchSpec
// catch each fault over the whole script; missing-callback leaves nothing
// to validate, so it shows as completions that never came.
func TestFaultsBreakSpec(t *testing.T) {
	api := loadAPI(t)
	completions := func(opts sim.Options) int {
		n := 0
		for _, x := range run(t, opts) {
			n += len(byPath(x.notes, "/cb"))
		}
		return n
	}
	assert.Less(t, completions(sim.Options{Faults: []string{FaultMissingCallback}}), completions(sim.Options{}))
	for _, f := range []string{FaultWrongTransactionID, FaultWrongStatusHeader, FaultInvalidCallbackBody, FaultWrongHTTPStatus} {
		t.Run(f, func(t *testing.T) {
			problems := contractProblems(t, api, run(t, sim.Options{Faults: []string{f}}))
			assert.NotEmpty(t, problems)
			want := map[string]string{
				FaultWrongTransactionID:  "notification transaction id",
				FaultWrongStatusHeader:   "ESC-Status-Code",
				FaultInvalidCallbackBody: "body",
				FaultWrongHTTPStatus:     "status not documented",
			}[f]
			assert.True(t, strings.Contains(strings.Join(problems, "\n"), want), "problems mention %q:\n%s", want, strings.Join(problems, "\n"))
		})
	}
}
