package cloudcontrol

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// TestCredentialsLayOverTheSeededAdministrators: a caller that only changes
// the primary administrator's password (with the generic role "admin" of
// every simulator) keeps a primary administrator, and the seeded
// sub-administrator and read-only administrator still log in.
func TestCredentialsLayOverTheSeededAdministrators(t *testing.T) {
	c := newClient(t, sim.Options{Credentials: []sim.Credential{{Username: DefaultUsername, Password: "canary-password", Role: "admin"}}})
	c.pass = "canary-password"
	requireOK(t, c.send(post(P+"/account", newAccount)))
	assert.Equal(t, http.StatusUnauthorized, c.as(DefaultUsername, DefaultPassword).get("/oec/0.9/myaccount").Code, "the old password is replaced")

	sub := c.as(SubAdminUsername, SubAdminPassword)
	assert.Equal(t, http.StatusOK, sub.get("/oec/0.9/myaccount").Code)
	requireFault(t, sub.get(P+"/report/usage?startDate=2013-07-01&endDate=2013-07-01"), http.StatusForbidden, "REASON_140")
	assert.Equal(t, http.StatusOK, c.as(ReadOnlyUsername, ReadOnlyPassword).get("/oec/0.9/myaccount").Code)

	// A credential naming other roles, or another user, is taken as given.
	c = newClient(t, sim.Options{Credentials: []sim.Credential{{Username: DefaultUsername, Password: DefaultPassword, Role: RoleServer},
		{Username: "extra.admin", Password: "extra-password", Role: RoleNetwork}}})
	requireFault(t, c.send(post(P+"/account", newAccount)), http.StatusForbidden, "REASON_140")
	requireOK(t, c.as("extra.admin", "extra-password").get(P+"/network/"+NetworkEmpty+"?delete"))
}

// TestStartingAServerRunsItsVMwareTools: a server deployed stopped has no
// VMware Tools running; once started it may be shut down gracefully (which
// needs them), and once stopped it no longer runs them.
func TestStartingAServerRunsItsVMwareTools(t *testing.T) {
	c := newClient(t, sim.Options{})
	requireOK(t, c.send(post(P+"/server", newServer)))
	n := decodeNode(t, c.get(P+"/serverWithState?name=new-web"))
	items := n.all("serverWithState")
	require.Len(t, items, 1)
	id := items[0].attr("id")
	S := P + "/server/" + url.PathEscape(id)

	requireFault(t, c.get(S+"?reboot"), http.StatusBadRequest, "REASON_40")
	requireOK(t, c.get(S+"?start"))
	requireOK(t, c.get(S+"?shutdown"))
	requireOK(t, c.get(S+"?start"))
	requireOK(t, c.get(S+"?reboot"))
	requireOK(t, c.get(S+"?poweroff"))
	requireOK(t, c.get(S+"?restart"))
	requireOK(t, c.get(S+"?shutdown"))

	// mail-01 keeps its stopped tools across a reset.
	requireOK(t, c.get(P+"/server/"+ServerMail01+"?reset"))
	requireFault(t, c.get(P+"/server/"+ServerMail01+"?shutdown"), http.StatusBadRequest, "REASON_800")
}

// TestRemoteCopyHistoryResultsAreDocumented: a failed remote OVF copy is
// recorded with the result the 4.11 samples use (ERROR), so the whole
// history conforms to the contract.
func TestRemoteCopyHistoryResultsAreDocumented(t *testing.T) {
	problems, _ := run(t, sim.Options{}, []req{get(P + "/remoteOvfPackageCopyHistory")})
	assert.Empty(t, problems)
	n := decodeNode(t, newClient(t, sim.Options{}).get(P+"/remoteOvfPackageCopyHistory?sourceGeoKey=asiapacific"))
	records := n.all("copyRemoteOvfPackageRecord")
	require.Len(t, records, 1)
	assert.Equal(t, "ERROR", records[0].text("result"))
}
