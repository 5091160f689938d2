package main

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
)

// TestServeMaintenance: with --target sim, an API whose simulator has a maintenance mode gets a
// second simulator in maintenance, its URL as the vendor-side fixture (answering 503), beside the
// other fixtures; a value the user gave wins, and an API without the mode gets nothing.
func TestServeMaintenance(t *testing.T) {
	entry, err := catalog.Lookup("cloudcontrol")
	require.NoError(t, err)
	cfg := runner.Config{Vars: map[string]map[string]string{"cloudcontrol": {"org_id": "o"}}}
	stop, err := serveMaintenance(entry, simOptions{}, &cfg, "cloudcontrol")
	require.NoError(t, err)
	defer stop(context.Background())
	url := cfg.Vars["cloudcontrol"]["maintenance_target"]
	require.NotEmpty(t, url)
	assert.Equal(t, "o", cfg.Vars["cloudcontrol"]["org_id"])
	resp, err := http.Get(url + "/oec/0.9/myaccount")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)

	given := runner.Config{Vars: map[string]map[string]string{"cloudcontrol": {"maintenance_target": "https://maintenance.example"}}}
	_, err = serveMaintenance(entry, simOptions{}, &given, "cloudcontrol")
	require.NoError(t, err)
	assert.Equal(t, "https://maintenance.example", given.Vars["cloudcontrol"]["maintenance_target"])

	esc, err := catalog.Lookup("esc")
	require.NoError(t, err)
	none := runner.Config{}
	_, err = serveMaintenance(esc, simOptions{}, &none, "esc")
	require.NoError(t, err)
	assert.Nil(t, none.Vars)
}
