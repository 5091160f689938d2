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

// TestMaintenanceOnlyWhereDocumented: a simulator whose entry names a maintenance fixture serves
// a maintenance window; the others refuse the option, naming why.
func TestMaintenanceOnlyWhereDocumented(t *testing.T) {
	for _, e := range Entries() {
		_, err := e.New(sim.Options{Maintenance: true})
		if e.Maintenance != "" {
			assert.NoError(t, err, e.Name)
			continue
		}
		if assert.Error(t, err, e.Name) {
			assert.Contains(t, err.Error(), "describes no scheduled maintenance window", e.Name)
		}
	}
}
