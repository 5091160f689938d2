package validate

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

func shop(t *testing.T) *Validator {
	t.Helper()
	api, err := spec.Load("../spec/testdata/shop")
	require.NoError(t, err)
	return New(api)
}

func exchange(method, target string, status int, ct, body string, hdr ...string) *Exchange {
	u, _ := url.Parse(target)
	h := http.Header{}
	if ct != "" {
		h.Set("Content-Type", ct)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		h.Add(hdr[i], hdr[i+1])
	}
	return &Exchange{Method: method, URL: u, Status: status, Header: h, Body: []byte(body)}
}

const goodOrder = `{"id": 1, "email": "a@example.com", "createdAt": "2016-07-08T10:42:14+01:00"}`

const goodServers = `<?xml version="1.0"?>
<Servers xmlns="http://oec.api.opsource.net/schemas/server" pageNumber="1" pageCount="2" totalCount="2" pageSize="250">
  <server id="s1"><name>web</name><cpuCount>2</cpuCount><started>true</started>
    <disks><disk sizeGb="10">root</disk><disk sizeGb="20">data</disk></disks></server>
  <server id="s2"><name>db</name><cpuCount>4</cpuCount></server>
</Servers>`

func TestValidate(t *testing.T) {
	v := shop(t)
	tests := []struct {
		name string
		x    *Exchange
		// want lists substrings of problems, one per expected problem; empty means valid.
		want []string
	}{
		{"valid JSON list", exchange("GET", "http://h/api/orders", 200, "application/json; charset=utf-8", "["+goodOrder+"]"), nil},
		{"valid 202 with Location", exchange("POST", "http://h/api/orders", 202, "application/json", goodOrder, "Location", "/api/builds/10"), nil},
		{"valid XML", exchange("GET", "http://h/api/servers", 200, "application/xml", goodServers), nil},
		{"valid CSV", exchange("GET", "http://h/api/report", 200, "text/csv", "Date,Name,Cost\n2018-01-01,a,1.0\n"), nil},
		{"valid no-body response", exchange("GET", "http://h/api/orders/1", 404, "", ""), nil},
		{"undocumented status", exchange("GET", "http://h/api/orders", 203, "application/json", "[]"), []string{"status: status not documented", "expected one of 200, 401; got 203"}},
		{"wrong content type", exchange("GET", "http://h/api/orders", 200, "text/html", "<html/>"), []string{"content-type: Content-Type not documented", "got text/html"}},
		{"missing content type", exchange("GET", "http://h/api/orders", 200, "", "[]"), []string{"Content-Type header missing"}},
		{"JSON after a byte-order mark", exchange("GET", "http://h/api/orders", 200, "application/json; charset=utf-8", "\ufeff["+goodOrder+"]"), nil},
		{"a proxy's 401 in plain text", exchange("GET", "http://h/api/orders", 401, "text/plain", "Unauthorized"), []string{"content-type: Content-Type not documented for this response [expected application/json; got text/plain: Unauthorized]"}},
		{"a proxy's 401 in XML", exchange("GET", "http://h/api/orders", 401, "application/xml", "<error>denied</error>"), []string{"content-type: Content-Type not documented for this response [expected application/json; got application/xml: <error>denied</error>]"}},
		{"empty body where one is documented", exchange("GET", "http://h/api/orders", 200, "application/json", ""), []string{"has no body"}},
		{"missing required header", exchange("POST", "http://h/api/orders", 202, "application/json", goodOrder), []string{"header: required header Location is missing"}},
		{"header outside its pattern", exchange("POST", "http://h/api/orders", 202, "application/json", goodOrder, "Location", "http://elsewhere/x"), []string{"header Location does not match", "got http://elsewhere/x"}},
		{"missing required field", exchange("GET", "http://h/api/orders", 200, "application/json", `[{"id": 1, "createdAt": "2016-07-08T10:42:14Z"}]`), []string{"body at /0: missing properties: 'email'"}},
		{"wrong type", exchange("GET", "http://h/api/orders", 200, "application/json", `[{"id": "1", "email": "a@example.com", "createdAt": "2016-07-08T10:42:14Z"}]`), []string{"body at /0/id", "expected integer"}},
		{"bad date format", exchange("GET", "http://h/api/orders", 200, "application/json", `[{"id": 1, "email": "a@example.com", "createdAt": "08/07/2016 10:42"}]`), []string{"body at /0/createdAt", "date-time"}},
		{"bad email format", exchange("GET", "http://h/api/orders", 200, "application/json", `[{"id": 1, "email": "nobody", "createdAt": "2016-07-08T10:42:14Z"}]`), []string{"body at /0/email", "email"}},
		{"nested ref failure", exchange("GET", "http://h/api/orders", 200, "application/json", `[{"id": 1, "email": "a@example.com", "createdAt": "2016-07-08T10:42:14Z", "items": [{}]}]`), []string{"body at /0/items/0: missing properties: 'sku'"}},
		{"all problems reported", exchange("GET", "http://h/api/orders", 200, "application/json", `[{"id": "x", "email": "nobody", "createdAt": "yesterday"}]`), []string{"/0/createdAt", "/0/email", "/0/id"}},
		{"invalid JSON", exchange("GET", "http://h/api/orders", 200, "application/json", `[{"id": 1,`), []string{"body at /: invalid JSON"}},
		{"error response schema via components", exchange("GET", "http://h/api/orders", 401, "application/json", `{}`), []string{"missing properties: 'error'"}},
		{"unknown path", exchange("GET", "http://h/api/unknown", 200, "application/json", `{}`), []string{"route: no operation for GET /api/unknown"}},
		{"CSV header differs", exchange("GET", "http://h/api/report", 200, "text/csv", "Date,Cost\n"), []string{"csv: CSV header columns differ", "expected Date,Name,Cost; got Date,Cost"}},
		{"CSV row too short", exchange("GET", "http://h/api/report", 200, "text/csv", "Date,Name,Cost\n1,2\n"), []string{"CSV line 2 has 2 fields"}},
		{"XML wrong root", exchange("GET", "http://h/api/servers", 200, "application/xml", `<Server xmlns="http://oec.api.opsource.net/schemas/server"/>`), []string{"root element is <Server>, expected <Servers>"}},
		{"XML wrong namespace", exchange("GET", "http://h/api/servers", 200, "application/xml", strings.Replace(goodServers, "schemas/server", "schemas/srv", 1)), []string{"namespace \"http://oec.api.opsource.net/schemas/srv\", expected"}},
		{"XML missing attribute", exchange("GET", "http://h/api/servers", 200, "application/xml", strings.Replace(goodServers, ` totalCount="2"`, "", 1)), []string{"body at / (XML /Servers): missing properties: 'totalCount'"}},
		{"XML wrong scalar type", exchange("GET", "http://h/api/servers", 200, "application/xml", strings.Replace(goodServers, "<cpuCount>4</cpuCount>", "<cpuCount>four</cpuCount>", 1)), []string{"body at /server/1/cpuCount (XML /Servers/server[2]/cpuCount)", "expected integer"}},
		{"XML attribute out of range", exchange("GET", "http://h/api/servers", 200, "application/xml", strings.Replace(goodServers, `pageNumber="1"`, `pageNumber="0"`, 1)), []string{"body at /pageNumber (XML /Servers/@pageNumber)"}},
		{"XML undocumented element", exchange("GET", "http://h/api/servers", 200, "application/xml", strings.Replace(goodServers, "<name>db</name>", "<name>db</name><colour>red</colour>", 1)), []string{"additionalProperties 'colour' not allowed"}},
		{"XML malformed", exchange("GET", "http://h/api/servers", 200, "application/xml", `<Servers><server></Servers>`), []string{"body at /: malformed XML"}},
		{"XML status with marker route", exchange("GET", "http://h/api/orders/3?cancel", 200, "application/xml", `<Status xmlns="http://oec.api.opsource.net/schemas/general"><operation>cancel</operation><result>BROKEN</result><resultCode>REASON_0</resultCode></Status>`), []string{"cancelOrder", "/result (XML /Status/result)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.Validate(tt.x)
			if len(tt.want) == 0 {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			var ce *ContractError
			require.True(t, errors.As(err, &ce), "a contract failure is a *ContractError")
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestContractErrorNamesOperationAndRequest(t *testing.T) {
	v := shop(t)
	err := v.Validate(exchange("GET", "http://h/api/orders?page=2", 203, "application/json", "[]"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "listOrders (GET /api/orders): GET /api/orders?page=2 answered 203")
}

func TestXMLDecodedValues(t *testing.T) {
	v := shop(t)
	tg, err := v.Prepare(exchange("GET", "http://h/api/servers", 200, "application/xml", goodServers))
	require.NoError(t, err)
	require.NoError(t, tg.BodyErr)
	val := tg.Body.Value
	for ptr, want := range map[string]string{
		"/pageNumber":              "1",
		"/server/0/id":             "s1",
		"/server/0/cpuCount":       "2",
		"/server/0/started":        "true",
		"/server/0/disks/1/sizeGb": "20",
		"/server/0/disks/1/label":  "data",
		"/server/1/name":           "db",
	} {
		got, ok := Lookup(val, ptr)
		require.True(t, ok, ptr)
		assert.Equal(t, want, Render(got), ptr)
	}
	assert.Equal(t, "/Servers/server[1]/disks/disk[2]/@sizeGb", tg.Body.XMLPath("/server/0/disks/1/sizeGb"))
}

func TestLookup(t *testing.T) {
	doc := map[string]any{"a": []any{map[string]any{"b/c": "x", "d~e": "y"}}}
	tests := []struct {
		ptr  string
		want any
		ok   bool
	}{
		{"", doc, true},
		{"/a/0/b~1c", "x", true},
		{"/a/0/d~0e", "y", true},
		{"/a/1", nil, false},
		{"/a/-1", nil, false},
		{"/a/01", nil, false},
		{"/z", nil, false},
		{"a", nil, false},
	}
	for _, tt := range tests {
		got, ok := Lookup(doc, tt.ptr)
		assert.Equal(t, tt.ok, ok, tt.ptr)
		if tt.ok {
			assert.Equal(t, tt.want, got, tt.ptr)
		}
	}
}
