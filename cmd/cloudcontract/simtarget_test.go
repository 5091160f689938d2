package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
	"github.com/cloudcontract/cloudcontract/harness/sim/cloudcontrol"
	escsim "github.com/cloudcontract/cloudcontract/harness/sim/esc"
)

// TestServeVendorStates: with --target sim, an API whose simulator serves vendor states gets a
// simulator in each, its URL as the state's vendor-side fixture (maintenance answering 503, a
// network failure 400 REASON_10 where documented; ESC's unreachable VIM 503 "Unable to query
// VIM"), beside the other fixtures; a value the user gave wins, and an API without states gets
// nothing.
func TestServeVendorStates(t *testing.T) {
	entry, err := catalog.Lookup("cloudcontrol")
	require.NoError(t, err)
	cfg := runner.Config{Vars: map[string]map[string]string{"cloudcontrol": {"org_id": "o"}}}
	stop, err := serveVendorStates(entry, simOptions{}, &cfg, "cloudcontrol")
	require.NoError(t, err)
	defer stop(context.Background())
	url := cfg.Vars["cloudcontrol"]["maintenance_target"]
	require.NotEmpty(t, url)
	assert.Equal(t, "o", cfg.Vars["cloudcontrol"]["org_id"])
	resp, err := http.Get(url + "/oec/0.9/myaccount")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	require.Len(t, cfg.Vars["cloudcontrol"], len(entry.VendorStates)+1, "a URL per state, and org_id")
	req, err := http.NewRequest(http.MethodGet, cfg.Vars["cloudcontrol"]["network_failure_target"]+"/oec/0.9/base/image/deployedWithSoftwareLabels/NA1", nil)
	require.NoError(t, err)
	req.SetBasicAuth(cloudcontrol.DefaultUsername, cloudcontrol.DefaultPassword)
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, string(body), "<resultCode>REASON_10</resultCode>")

	given := runner.Config{Vars: map[string]map[string]string{"cloudcontrol": {"maintenance_target": "https://maintenance.example"}}}
	_, err = serveVendorStates(entry, simOptions{}, &given, "cloudcontrol")
	require.NoError(t, err)
	assert.Equal(t, "https://maintenance.example", given.Vars["cloudcontrol"]["maintenance_target"])
	assert.NotEmpty(t, given.Vars["cloudcontrol"]["timeout_target"], "the other states are still served")

	esc, err := catalog.Lookup("esc")
	require.NoError(t, err)
	escCfg := runner.Config{}
	stopESC, err := serveVendorStates(esc, simOptions{dataset: "second"}, &escCfg, "esc")
	require.NoError(t, err)
	defer stopESC(context.Background())
	require.Len(t, escCfg.Vars["esc"], len(esc.VendorStates), "a URL per state")
	req, err = http.NewRequest(http.MethodPost, escCfg.Vars["esc"]["vim_unreachable_target"]+"/ESCManager/v0/t1/networks/n1", strings.NewReader("{}"))
	require.NoError(t, err)
	req.SetBasicAuth(escsim.DefaultUsername, escsim.DefaultPassword)
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Contains(t, string(body), "Unable to query VIM")

	cam, err := catalog.Lookup("cam")
	require.NoError(t, err)
	none := runner.Config{}
	_, err = serveVendorStates(cam, simOptions{}, &none, "cam")
	require.NoError(t, err)
	assert.Nil(t, none.Vars)
}
