package catalog

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

func TestAuthCanBeSwitchedOffOnlyWhereTheDocumentSaysSo(t *testing.T) {
	for _, e := range Entries() {
		s, err := e.New(sim.Options{AuthDisabled: true})
		if e.Name != "esc" {
			assert.ErrorContains(t, err, "no way to switch authentication off", e.Name)
			continue
		}
		require.NoError(t, err)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/ESCManager/v0/tenants", nil))
		assert.Equal(t, 200, rec.Code, "no credentials needed")
		on, err := e.New(sim.Options{})
		require.NoError(t, err)
		rec = httptest.NewRecorder()
		on.ServeHTTP(rec, httptest.NewRequest("GET", "/ESCManager/v0/tenants", nil))
		assert.Equal(t, 401, rec.Code, "Basic auth on by default")
	}
	_, err := Lookup("nimbus")
	assert.ErrorContains(t, err, "simulated: cam, cloudcontrol, esc, ukcloud")
}

// TestEveryFaultSaysHowItIsCaught: the fault matrix reads each fault's signature from here.
func TestEveryFaultSaysHowItIsCaught(t *testing.T) {
	for _, e := range Entries() {
		for _, f := range e.Faults() {
			if f.Signature == "" || f.Description == "" {
				t.Errorf("%s fault %s: needs a Description and the Signature its failure shows", e.Name, f.Name)
			}
		}
	}
}

// TestVendorStatesOnlyWhereDocumented: a simulator serves each vendor state its entry lists; any
// other state is refused, naming the known ones (or that the document describes none).
func TestVendorStatesOnlyWhereDocumented(t *testing.T) {
	for _, e := range Entries() {
		for _, v := range e.VendorStates {
			_, err := e.New(sim.Options{VendorState: v.Name})
			assert.NoError(t, err, "%s %s", e.Name, v.Name)
		}
		_, err := e.New(sim.Options{VendorState: "no-such-state"})
		if assert.Error(t, err, e.Name) {
			if len(e.VendorStates) == 0 {
				assert.Contains(t, err.Error(), "describes no vendor-side state", e.Name)
			} else {
				assert.Contains(t, err.Error(), "expected one of "+e.VendorStates[0].Name, e.Name)
			}
		}
	}
}
