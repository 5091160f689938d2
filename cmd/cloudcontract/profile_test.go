package main

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/ukcloud"
)

func TestProfileFile(t *testing.T) {
	s, err := ukcloud.New(sim.Options{Credentials: []sim.Credential{{Username: "ops@example.com", Password: "from-the-profile-9x", Role: "admin"}}})
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	defer srv.Close()
	profile := filepath.Join(t.TempDir(), "profile.yaml")
	require.NoError(t, os.WriteFile(profile, []byte(fmt.Sprintf(`timeout: 10s
apis:
  ukcloud:
    target: %s
    credentials:
      default: {username: ops@example.com, password: from-the-profile-9x}
    vars: {account: "%s", member_account: "%s", restricted_vorg: "%s", colleague_email: "%s"}
`, srv.URL, s.Fixtures()["account"], s.Fixtures()["member_account"], s.Fixtures()["restricted_vorg"], s.Fixtures()["colleague_email"])), 0o644))

	// The profile gives the target and the credentials: a live run passes.
	code, out, errOut := run(t, "run", "--api", "ukcloud", "--tags", "@billing", "--config", profile)
	assert.Equal(t, 0, code, out+errOut)
	assert.Contains(t, errOut, "live mode")
	assert.NotContains(t, out+errOut, "from-the-profile-9x", "a password never reaches the output")

	// The environment wins over the file, and a flag over both.
	t.Setenv("CLOUDCONTRACT_TARGET", "http://127.0.0.1:1")
	code, _, errOut = run(t, "run", "--api", "ukcloud", "--tags", "@billing", "--config", profile, "--timeout", "2s")
	assert.Equal(t, 1, code, "the environment's target (nothing listens) was used")
	assert.Contains(t, errOut, "cannot reach the ukcloud target: 127.0.0.1:1 refused or dropped the connection")
	code, out, errOut = run(t, "run", "--api", "ukcloud", "--tags", "@billing", "--config", profile, "--target", srv.URL)
	assert.Equal(t, 0, code, out+errOut)

	// The environment's password wins over the profile's: the simulator refuses it.
	t.Setenv("CLOUDCONTRACT_TARGET", "")
	t.Setenv("CLOUDCONTRACT_UKCLOUD_PASSWORD", "wrong-from-env-77")
	code, out, errOut = run(t, "run", "--api", "ukcloud", "--tags", "@billing", "--config", profile)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `preflight of ukcloud failed, no scenario was run:
  - credentials of set "default" rejected by POST /api/authenticate (401)`)
	assert.NotContains(t, out+errOut, "wrong-from-env-77")

	// The poll interval comes from the environment too.
	t.Setenv("CLOUDCONTRACT_UKCLOUD_PASSWORD", "")
	t.Setenv("CLOUDCONTRACT_POLL_INTERVAL", "-1s")
	code, _, errOut = run(t, "run", "--api", "ukcloud", "--tags", "@billing", "--config", profile)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--poll-interval -1s: must be positive")
	t.Setenv("CLOUDCONTRACT_POLL_INTERVAL", "")

	// A bad profile names the file and the line.
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("timeout: 10s\ncolour: red\n"), 0o644))
	code, out, errOut = run(t, "run", "--api", "ukcloud", "--config", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, out+errOut, bad)
	assert.Contains(t, out+errOut, "line 2: field colour not found")
}
