package esc

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// TestVendorStatesFollowTheContract: each state answers exactly the operations of the contract
// documenting its status (406: with the answer "Operation not supported on VIM/Flavor part of
// service registration", not the negotiation's "Not Acceptable"), each with its documented reason
// phrase, and the line the table cites holds that status and phrase in the document.
func TestVendorStatesFollowTheContract(t *testing.T) {
	api := loadAPI(t)
	doc := documentLines(t, api)
	for _, v := range vendorStates {
		t.Run(v.Name, func(t *testing.T) {
			want := map[string]string{}
			for _, op := range api.Operations() {
				r := op.Op.Responses.Value(strconv.Itoa(v.status))
				if r == nil || r.Value.Description == nil {
					continue
				}
				phrase := *r.Value.Description
				if v.status == http.StatusNotAcceptable && !strings.Contains(phrase, "service registration") {
					continue
				}
				want[op.Method+" "+strings.TrimPrefix(op.PathKey, ContextRoot)] = phrase
			}
			got := map[string]string{}
			for route, a := range v.answers {
				got[route] = a.phrase
				if doc == nil {
					continue
				}
				require.Greater(t, len(doc), a.line, route)
				assert.True(t, strings.HasPrefix(doc[a.line-1], strconv.Itoa(v.status)+"\t"+a.phrase), "%s: document line %d reads %q", route, a.line, doc[a.line-1])
			}
			assert.Equal(t, want, got)
		})
	}
}

// documentLines reads the vendor document, one string a line, from the folder beside the
// repository that cloudcontract audit reads by default (nil when it is not at hand).
func documentLines(t *testing.T, api *spec.API) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "seeds", api.Harness.Document))
	if err != nil {
		t.Logf("the document lines are not checked: %v", err)
		return nil
	}
	return strings.Split(string(b), "\n")
}

// TestVendorStatesAnswerTheirStatus: in each state (both data sets), every route documenting the
// state's status answers it with the document's reason phrase to an authenticated request, with a
// body or without, and nothing follows: no notification, nothing created; a request without
// credentials is refused first, and an operation not documenting it is served as usual. With
// authentication disabled, the state's answer needs no credentials.
func TestVendorStatesAnswerTheirStatus(t *testing.T) {
	param := regexp.MustCompile(`\{[^}]+\}`)
	for _, dataset := range sim.Datasets() {
		for _, v := range vendorStates {
			t.Run(dataset+"/"+v.Name, func(t *testing.T) {
				c := newClient(t, sim.Options{Dataset: dataset, VendorState: v.Name})
				for route, a := range v.answers {
					method, path, _ := strings.Cut(route, " ")
					path = param.ReplaceAllString(path, "cc-absent-0000")
					for _, body := range []string{"", flavorBody} {
						rec := c.do(method, path, body)
						assert.Equal(t, v.status, rec.Code, "%s %s: %s", method, path, rec.Body.String())
						assert.True(t, strings.HasPrefix(rec.Body.String(), a.phrase+": "), "%s: %s", route, rec.Body.String())
						assert.Empty(t, c.rc.take(), "%s: no notification follows a refusal", route)
					}
				}
				assert.Equal(t, http.StatusOK, c.get("/v0/tenants").Code, "an operation not documenting it is served")
				c.noAuth = true
				for route := range v.answers {
					method, path, _ := strings.Cut(route, " ")
					assert.Equal(t, http.StatusUnauthorized, c.do(method, param.ReplaceAllString(path, "cc-absent-0000"), "").Code, "credentials are checked first: %s", route)
				}
				open, err := NewWithConfig(sim.Options{Dataset: dataset, VendorState: v.Name}, Config{AuthDisabled: true})
				require.NoError(t, err)
				t.Cleanup(open.Close)
				c.s = open
				for route := range v.answers {
					method, path, _ := strings.Cut(route, " ")
					assert.Equal(t, v.status, c.do(method, param.ReplaceAllString(path, "cc-absent-0000"), "").Code, "without authentication: %s", route)
				}
			})
		}
	}
}

// TestVendorStateChangesNothing: a create refused in a state leaves nothing behind (the same
// flavor is absent afterwards, and a simulator out of the state creates it).
func TestVendorStateChangesNothing(t *testing.T) {
	for _, state := range []string{internalFailureState, serviceRegistrationState} {
		c := newClient(t, sim.Options{VendorState: state})
		require.NotEqual(t, http.StatusOK, c.do("POST", "/v0/flavors/flv1", flavorBody).Code)
		if state == internalFailureState {
			assert.Equal(t, http.StatusNotFound, c.get("/v0/flavors/flv1").Code, "nothing was created")
		}
		assert.Empty(t, c.rc.take())
	}
	vim := newClient(t, sim.Options{VendorState: vimUnreachableState})
	vim.mustDo("POST", "/v0/tenants/tenant1", tenantBody, http.StatusOK)
	vim.rc.take()
	vim.mustDo("POST", "/v0/tenant1/networks/net1", networkBody, http.StatusServiceUnavailable)
	assert.Equal(t, http.StatusNotFound, vim.get("/v0/tenant1/networks/net1").Code, "nothing was created")
	assert.Empty(t, vim.rc.take())

	normal := newClient(t, sim.Options{})
	normal.mustDo("POST", "/v0/flavors/flv1", flavorBody, http.StatusOK)
	normal.mustDo("GET", "/v0/flavors/flv1", "", http.StatusOK)
	assert.NotEmpty(t, normal.rc.take(), "out of a state, a create is notified")
}

// TestUnknownVendorState: a state the document does not describe is refused, naming the known ones.
func TestUnknownVendorState(t *testing.T) {
	_, err := New(sim.Options{VendorState: "on-fire"})
	assert.ErrorContains(t, err, `vendor state "on-fire": expected one of vim-unreachable, internal-failure, service-registration`)
}
