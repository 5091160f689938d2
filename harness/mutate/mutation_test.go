package mutate

import (
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	jsonCT = "application/json"
	xmlCT  = "application/xml"
)

func TestOperatorsOnJSONBodies(t *testing.T) {
	body := `{"id":7,"name":"web","on":true,"tags":["a","b"],"meta":{"owner":"ann"}}`
	cases := []struct {
		name string
		m    Mutation
		want string
	}{
		{"drop a member", Mutation{Operator: OpDrop, Path: "/name"}, `{"id":7,"meta":{"owner":"ann"},"on":true,"tags":["a","b"]}`},
		{"drop a nested member", Mutation{Operator: OpDrop, Path: "/meta/owner"}, `{"id":7,"meta":{},"name":"web","on":true,"tags":["a","b"]}`},
		{"drop an item", Mutation{Operator: OpDrop, Path: "/tags/0"}, `{"id":7,"meta":{"owner":"ann"},"name":"web","on":true,"tags":["b"]}`},
		{"rename", Mutation{Operator: OpRename, Path: "/id"}, `{"idRenamed":7,"meta":{"owner":"ann"},"name":"web","on":true,"tags":["a","b"]}`},
		{"retype number to string", Mutation{Operator: OpRetype, Path: "/id", Value: `"7"`}, `{"id":"7","meta":{"owner":"ann"},"name":"web","on":true,"tags":["a","b"]}`},
		{"retype string to number", Mutation{Operator: OpRetype, Path: "/name", Value: `1`}, `{"id":7,"meta":{"owner":"ann"},"name":1,"on":true,"tags":["a","b"]}`},
		{"retype bool to string", Mutation{Operator: OpRetype, Path: "/on", Value: `"true"`}, `{"id":7,"meta":{"owner":"ann"},"name":"web","on":"true","tags":["a","b"]}`},
		{"retype object to string", Mutation{Operator: OpRetype, Path: "/meta", Value: `"mutant"`}, `{"id":7,"meta":"mutant","name":"web","on":true,"tags":["a","b"]}`},
		{"null", Mutation{Operator: OpNull, Path: "/meta/owner"}, `{"id":7,"meta":{"owner":null},"name":"web","on":true,"tags":["a","b"]}`},
		{"null an item", Mutation{Operator: OpNull, Path: "/tags/1"}, `{"id":7,"meta":{"owner":"ann"},"name":"web","on":true,"tags":["a",null]}`},
		{"paging", Mutation{Operator: OpPaging, Path: "/id", Value: "8"}, `{"id":8,"meta":{"owner":"ann"},"name":"web","on":true,"tags":["a","b"]}`},
		{"reason", Mutation{Operator: OpReason, Path: "/name", Value: `"REASON_999"`}, `{"id":7,"meta":{"owner":"ann"},"name":"REASON_999","on":true,"tags":["a","b"]}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &Response{Status: 200, Header: http.Header{"Content-Type": {jsonCT}}, Body: []byte(body)}
			require.NoError(t, c.m.Apply(r))
			assert.JSONEq(t, c.want, string(r.Body))
		})
	}
}

func TestOperatorsOnXMLBodies(t *testing.T) {
	body := `<?xml version="1.0" encoding="UTF-8"?>` +
		`<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250">` +
		`<server id="a"><name>web</name><cpuCount>2</cpuCount><g:note>x</g:note></server>` +
		`<server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`
	head := `<?xml version="1.0" encoding="UTF-8"?>`
	cases := []struct {
		name string
		m    Mutation
		want string
	}{
		{"drop an element", Mutation{Operator: OpDrop, Path: "/Servers/server/name"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250"><server id="a"><cpuCount>2</cpuCount><g:note>x</g:note></server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
		{"drop the second item's element", Mutation{Operator: OpDrop, Path: "/Servers/server[2]/cpuCount"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250"><server id="a"><name>web</name><cpuCount>2</cpuCount><g:note>x</g:note></server><server id="b"><name>db</name></server></Servers>`},
		{"drop an attribute", Mutation{Operator: OpDrop, Path: "/Servers/server/@id"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250"><server><name>web</name><cpuCount>2</cpuCount><g:note>x</g:note></server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
		{"rename an element, its prefix kept", Mutation{Operator: OpRename, Path: "/Servers/server/note"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250"><server id="a"><name>web</name><cpuCount>2</cpuCount><g:noteRenamed>x</g:noteRenamed></server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
		{"rename an attribute", Mutation{Operator: OpRename, Path: "/Servers/@pageSize"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSizeRenamed="250"><server id="a"><name>web</name><cpuCount>2</cpuCount><g:note>x</g:note></server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
		{"retype a number", Mutation{Operator: OpRetype, Path: "/Servers/server/cpuCount", Value: "mutant"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250"><server id="a"><name>web</name><cpuCount>mutant</cpuCount><g:note>x</g:note></server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
		{"retype an element with children", Mutation{Operator: OpRetype, Path: "/Servers/server", Value: "mutant"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250"><server id="a">mutant</server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
		{"null an element", Mutation{Operator: OpNull, Path: "/Servers/server/name"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250"><server id="a"><name/><cpuCount>2</cpuCount><g:note>x</g:note></server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
		{"null an attribute", Mutation{Operator: OpNull, Path: "/Servers/server/@id"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250"><server id=""><name>web</name><cpuCount>2</cpuCount><g:note>x</g:note></server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
		{"move to a foreign namespace", Mutation{Operator: OpNamespace, Path: "/Servers/server/name"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="2" pageSize="250"><server id="a"><mutant:name xmlns:mutant="urn:cloudcontract:mutant">web</mutant:name><cpuCount>2</cpuCount><g:note>x</g:note></server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
		{"paging attribute", Mutation{Operator: OpPaging, Path: "/Servers/@totalCount", Value: "3"},
			head + `<Servers xmlns="urn:s" xmlns:g="urn:g" totalCount="3" pageSize="250"><server id="a"><name>web</name><cpuCount>2</cpuCount><g:note>x</g:note></server><server id="b"><name>db</name><cpuCount>4</cpuCount></server></Servers>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &Response{Status: 200, Header: http.Header{"Content-Type": {xmlCT}}, Body: []byte(body)}
			require.NoError(t, c.m.Apply(r))
			assert.Equal(t, c.want, string(r.Body))
		})
	}
}

func TestOperatorsOnStatusAndHeaders(t *testing.T) {
	base := func() *Response {
		return &Response{Status: 202, Header: http.Header{"Content-Type": {jsonCT}, "Location": {"/api/builds/1"}, "Esc_transaction_id": {"t1"}}, Body: []byte(`{}`)}
	}
	r := base()
	require.NoError(t, Mutation{Operator: OpStatus, Value: "299"}.Apply(r))
	assert.Equal(t, 299, r.Status)

	r = base()
	require.NoError(t, Mutation{Operator: OpMediaType, Value: "text/plain"}.Apply(r))
	assert.Equal(t, "text/plain", r.Header.Get("Content-Type"))

	r = base()
	orig := r.Header
	require.NoError(t, Mutation{Operator: OpHeader, Path: "Location"}.Apply(r))
	assert.Empty(t, r.Header.Get("Location"))
	assert.Equal(t, "/api/builds/1", orig.Get("Location"), "the recorded header is not changed in place")

	r = base()
	require.NoError(t, Mutation{Operator: OpHeader, Path: "ESC-Transaction-Id"}.Apply(r), "names compare as the validator compares them")
	assert.NotContains(t, r.Header, "Esc_transaction_id")
}

func TestMutationsThatDoNotApply(t *testing.T) {
	cases := []struct {
		name string
		ct   string
		body string
		m    Mutation
	}{
		{"same status", jsonCT, `{}`, Mutation{Operator: OpStatus, Value: "200"}},
		{"absent header", jsonCT, `{}`, Mutation{Operator: OpHeader, Path: "Location"}},
		{"absent member", jsonCT, `{"a":1}`, Mutation{Operator: OpDrop, Path: "/b"}},
		{"rename an item", jsonCT, `[1]`, Mutation{Operator: OpRename, Path: "/0"}},
		{"null a null", jsonCT, `{"a":null}`, Mutation{Operator: OpNull, Path: "/a"}},
		{"namespace in JSON", jsonCT, `{"a":1}`, Mutation{Operator: OpNamespace, Path: "/a"}},
		{"drop the root", xmlCT, `<a><b/></a>`, Mutation{Operator: OpDrop, Path: "/a"}},
		{"absent element", xmlCT, `<a><b/></a>`, Mutation{Operator: OpDrop, Path: "/a/c"}},
		{"opaque body", "text/csv", "a,b\n", Mutation{Operator: OpDrop, Path: "/a"}},
		{"no body for media type", jsonCT, ``, Mutation{Operator: OpMediaType, Value: "text/plain"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &Response{Status: 200, Header: http.Header{"Content-Type": {c.ct}}, Body: []byte(c.body)}
			err := c.m.Apply(r)
			assert.True(t, errors.Is(err, ErrNotApplicable), "got %v", err)
		})
	}
}

func TestMutationString(t *testing.T) {
	assert.Equal(t, "status → 299", Mutation{Operator: OpStatus, Value: "299"}.String())
	assert.Equal(t, "drop /items/0/name", Mutation{Operator: OpDrop, Path: "/items/0/name"}.String())
	assert.Equal(t, "null /a → null", Mutation{Operator: OpNull, Path: "/a"}.String())
	assert.Equal(t, "header Location", Mutation{Operator: OpHeader, Path: "Location"}.String())
}
