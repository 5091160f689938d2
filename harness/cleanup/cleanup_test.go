package cleanup

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

const runID = "cc0123abcd"

func load(t *testing.T, name string) *spec.API {
	t.Helper()
	api, err := spec.Load("../../specs/" + name)
	require.NoError(t, err)
	return api
}

func ex(method, path string, status int, body string) *validate.Exchange {
	u, _ := url.Parse(path)
	return &validate.Exchange{Method: method, URL: u, Status: status, RequestBody: []byte(body), Header: http.Header{}}
}

func TestCheckRunID(t *testing.T) {
	for id, ok := range map[string]bool{
		"cc0123abcd": true, "ccffffffff": true,
		"": false, "cc": false, "cc0123abc": false, "cc0123abcde": false, "CC0123ABCD": false,
		"xx0123abcd": false, "cc0123abcg": false, "cc0123abcd-": false,
	} {
		assert.Equal(t, ok, CheckRunID(id) == nil, "%q", id)
		assert.Equal(t, ok, Owned(id+"-x", id), "Owned with run id %q", id)
	}
	assert.True(t, Owned(runID+"-tenant", runID))
	assert.False(t, Owned("tenant-"+runID, runID), "the run id must be a prefix")
	assert.False(t, Owned("", runID))
}

// fakeDoer answers every request with a status and records the requests.
type fakeDoer struct {
	status map[string]int // "METHOD path" -> status (default 200)
	body   map[string]string
	sent   []string
}

func (f *fakeDoer) Do(_ context.Context, method, path string) (*validate.Exchange, error) {
	key := method + " " + path
	f.sent = append(f.sent, key)
	st, ok := f.status[key]
	if !ok {
		st = http.StatusOK
	}
	u, _ := url.Parse(path)
	x := &validate.Exchange{Method: method, URL: u, Status: st, Header: http.Header{"Content-Type": {"application/xml"}}, Body: []byte(f.body[key])}
	return x, nil
}

func TestTrackerKeepsWhatTheRunOwnsUntilItIsDeleted(t *testing.T) {
	api := load(t, "esc")
	tr := NewTracker(api, runID)
	tenant := `<tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>x</name></tenant>`
	steps := []struct {
		x       *validate.Exchange
		pending []string
		notes   int
	}{
		{ex("POST", "/ESCManager/v0/tenants/"+runID+"-a", 200, tenant), []string{runID + "-a"}, 0},
		{ex("POST", "/ESCManager/v0/tenants/someone-else", 200, tenant), []string{runID + "-a"}, 1},
		{ex("POST", "/ESCManager/v0/tenants/"+runID+"-refused", 400, tenant), []string{runID + "-a"}, 1},
		{ex("POST", "/ESCManager/v0/"+runID+"-a/networks/"+runID+"-net", 200, ""), []string{runID + "-net", runID + "-a"}, 1},
		{ex("GET", "/ESCManager/v0/tenants/"+runID+"-a", 200, ""), []string{runID + "-net", runID + "-a"}, 1},
		{ex("DELETE", "/ESCManager/v0/"+runID+"-a/networks/"+runID+"-net", 200, ""), []string{runID + "-a"}, 1},
		{ex("DELETE", "/ESCManager/v0/tenants/someone-else", 200, ""), []string{runID + "-a"}, 0},
	}
	for i, st := range steps {
		tr.Observe(st.x, nil)
		var got []string
		for _, r := range tr.Pending() {
			got = append(got, r.Name)
		}
		assert.Equal(t, st.pending, got, "after step %d (%s %s)", i, st.x.Method, st.x.URL)
		assert.Len(t, tr.Notes(), st.notes, "after step %d: %v", i, tr.Notes())
	}
	d := &fakeDoer{}
	assert.Empty(t, tr.CleanUp(context.Background(), d, validate.New(api)))
	assert.Equal(t, []string{"DELETE /ESCManager/v0/tenants/" + runID + "-a"}, d.sent)
}

func TestCleanUpDeletesNewestFirstAndReportsFailures(t *testing.T) {
	api := load(t, "esc")
	tr := NewTracker(api, runID)
	for _, p := range []string{"/ESCManager/v0/tenants/" + runID + "-t", "/ESCManager/v0/" + runID + "-t/networks/" + runID + "-n", "/ESCManager/v0/images/" + runID + "-i"} {
		tr.Observe(ex("POST", p, 200, ""), nil)
	}
	d := &fakeDoer{status: map[string]int{
		"DELETE /ESCManager/v0/images/" + runID + "-i":                   http.StatusNotFound, // already gone: fine
		"DELETE /ESCManager/v0/" + runID + "-t/networks/" + runID + "-n": http.StatusConflict,
	}}
	errs := tr.CleanUp(context.Background(), d, validate.New(api))
	assert.Equal(t, []string{
		"DELETE /ESCManager/v0/images/" + runID + "-i",
		"DELETE /ESCManager/v0/" + runID + "-t/networks/" + runID + "-n",
		"DELETE /ESCManager/v0/tenants/" + runID + "-t",
	}, d.sent)
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Error(), fmt.Sprintf(`network "%s-n"`, runID))
	assert.Contains(t, errs[0].Error(), "409")
}

func TestDeleteRefusesANameWithoutTheRunID(t *testing.T) {
	d := &fakeDoer{}
	for _, name := range []string{"production-db", "", "cc9999abcd-other-run", "x" + runID} {
		err := Delete(context.Background(), d, &Resource{Kind: "tenant", Name: name, Method: "DELETE", Path: "/t/" + name}, runID)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), "refusing to delete")
	}
	assert.Empty(t, d.sent, "a request was sent for a resource the run does not own")
}

func TestResourcesWithoutAnIDInTheAnswerAreFoundByName(t *testing.T) {
	api := load(t, "cloudcontrol")
	org := "1831c1a9-9c03-44df-a5a4-f2a4662d6bde"
	tr := NewTracker(api, runID)
	net := func(name string) string {
		return `<Network xmlns="http://oec.api.opsource.net/schemas/network"><name>` + name + `</name><description>d</description></Network>`
	}
	tr.Observe(ex("POST", "/oec/0.9/"+org+"/network", 200, net(runID+"-a")), nil)
	tr.Observe(ex("POST", "/oec/0.9/"+org+"/network", 200, net(runID+"-gone")), nil)
	tr.Observe(ex("POST", "/oec/0.9/"+org+"/network", 200, net("keep")), nil)
	list := `<Networks xmlns="http://oec.api.opsource.net/schemas/network">` +
		`<Network><id>n-keep</id><name>keep</name></Network>` +
		`<Network><id>n-a</id><name>` + runID + `-a</name></Network></Networks>`
	d := &fakeDoer{body: map[string]string{"GET /oec/0.9/" + org + "/network": list}}
	errs := tr.CleanUp(context.Background(), d, validate.New(api))
	assert.Empty(t, errs)
	assert.Equal(t, []string{
		"GET /oec/0.9/" + org + "/network", // -gone: not listed any more, nothing to delete
		"GET /oec/0.9/" + org + "/network",
		"GET /oec/0.9/" + org + "/network/n-a?delete",
	}, d.sent)
}

// A VIM connector's id is in its body, XML or JSON: the rule names both sources (element:id|body:/id)
// and whichever the create request holds is taken; a VIM user is deleted before its connector.
func TestSourceAlternativesTakeWhatTheRequestHolds(t *testing.T) {
	api := load(t, "esc")
	tr := NewTracker(api, runID)
	tr.Observe(ex("POST", "/ESCManager/v0/vims", 200, `<vim_connector><id>`+runID+`-xml</id><type>OPENSTACK</type></vim_connector>`), nil)
	tr.Observe(ex("POST", "/ESCManager/v0/vims", 200, `{"id": "`+runID+`-json", "type": "OPENSTACK"}`), nil)
	tr.Observe(ex("POST", "/ESCManager/v0/vims/"+runID+"-xml/vim_users", 200, `<vim_user><id>`+runID+`-user</id></vim_user>`), nil)
	tr.Observe(ex("POST", "/ESCManager/v0/vims", 200, `<vim_connector><type>OPENSTACK</type></vim_connector>`), nil)
	require.Len(t, tr.Notes(), 1, "a connector without an id in its body is noted, not deleted")
	d := &fakeDoer{}
	assert.Empty(t, tr.CleanUp(context.Background(), d, validate.New(api)))
	assert.Equal(t, []string{
		"DELETE /ESCManager/v0/vims/" + runID + "-xml/vim_users/" + runID + "-user",
		"DELETE /ESCManager/v0/vims/" + runID + "-json",
		"DELETE /ESCManager/v0/vims/" + runID + "-xml",
	}, d.sent)
}

func TestSourcesReadEachPartOfTheRequest(t *testing.T) {
	x := ex("POST", "/a/p1?q=v1", 200, "probeId=p-7&port=80")
	for src, want := range map[string]string{
		"path:id":             "p1",
		"query:q":             "v1",
		"form:probeId":        "p-7",
		"form:port":           "80",
		"form:none|form:port": "80",
	} {
		got, err := NewSources(x, map[string]string{"id": "p1"}, nil).Value(src)
		require.NoError(t, err, src)
		assert.Equal(t, want, got, src)
	}
	for _, src := range []string{"form:none", "body:/probeId", "query:none"} {
		_, err := NewSources(x, nil, nil).Value(src)
		assert.Error(t, err, "%s is absent", src)
	}
	_, err := NewSources(ex("POST", "/a", 200, "%zz"), nil, nil).Value("form:x")
	assert.Error(t, err, "a body that is no form has no form field")
}

func TestCallbackSourceReadsTheCallbackGiven(t *testing.T) {
	x := ex("POST", "/a", 202, "")
	cb := func(ptr string) (any, bool) {
		v, ok := map[string]any{"/volume": "vol-1"}[ptr]
		return v, ok
	}
	got, err := NewSources(x, nil, nil).WithCallback(cb).Value("callback:/volume")
	require.NoError(t, err)
	assert.Equal(t, "vol-1", got)
	_, err = NewSources(x, nil, nil).WithCallback(cb).Value("callback:/tenant")
	assert.ErrorContains(t, err, "callback:/tenant is absent")
	_, err = NewSources(x, nil, nil).Value("callback:/volume")
	assert.ErrorContains(t, err, "no callback has arrived")
}
