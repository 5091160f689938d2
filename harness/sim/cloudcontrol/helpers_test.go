package cloudcontrol

import (
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// P is the path prefix of every organization operation.
const P = "/oec/0.9/" + OrgID

// req is one request of a test script. A body starting with "<" is sent as
// application/xml, any other as a form.
type req struct {
	method, path, body string
}

func get(path string) req        { return req{"GET", path, ""} }
func post(path, body string) req { return req{"POST", path, body} }

// client drives a simulator in-process as one administrator.
type client struct {
	t          *testing.T
	s          *Simulator
	user, pass string
}

func newSim(t *testing.T, opts sim.Options) *Simulator {
	t.Helper()
	s, err := New(opts)
	require.NoError(t, err)
	return s
}

func newClient(t *testing.T, opts sim.Options) *client {
	return &client{t: t, s: newSim(t, opts), user: DefaultUsername, pass: DefaultPassword}
}

func (c *client) as(user, pass string) *client {
	return &client{t: c.t, s: c.s, user: user, pass: pass}
}

func (c *client) send(r req) *httptest.ResponseRecorder {
	c.t.Helper()
	var hr *http.Request
	if r.body == "" {
		hr = httptest.NewRequest(r.method, r.path, nil)
	} else {
		hr = httptest.NewRequest(r.method, r.path, strings.NewReader(r.body))
		if strings.HasPrefix(r.body, "<") {
			hr.Header.Set("Content-Type", "application/xml")
		} else {
			hr.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	}
	if c.user != "" {
		hr.SetBasicAuth(c.user, c.pass)
	}
	rec := httptest.NewRecorder()
	c.s.ServeHTTP(rec, hr)
	return rec
}

func (c *client) get(path string) *httptest.ResponseRecorder { return c.send(get(path)) }

// status is a decoded <Status>.
type status struct {
	Operation    string `xml:"operation"`
	Result       string `xml:"result"`
	ResultDetail string `xml:"resultDetail"`
	ResultCode   string `xml:"resultCode"`
	Info         []struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value"`
	} `xml:"additionalInformation"`
}

func decodeStatus(t *testing.T, rec *httptest.ResponseRecorder) status {
	t.Helper()
	var st status
	require.NoError(t, xml.Unmarshal(rec.Body.Bytes(), &st), rec.Body.String())
	return st
}

// requireOK checks a success Status.
func requireOK(t *testing.T, rec *httptest.ResponseRecorder) status {
	t.Helper()
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	st := decodeStatus(t, rec)
	require.Equal(t, "REASON_0", st.ResultCode, rec.Body.String())
	require.Equal(t, "SUCCESS", st.Result)
	return st
}

// requireFault checks a fault Status.
func requireFault(t *testing.T, rec *httptest.ResponseRecorder, httpStatus int, code string) status {
	t.Helper()
	require.Equal(t, httpStatus, rec.Code, rec.Body.String())
	st := decodeStatus(t, rec)
	require.Equal(t, code, st.ResultCode, rec.Body.String())
	require.Equal(t, "ERROR", st.Result)
	return st
}

// generic decodes any XML body into a tree for assertions.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []node     `xml:",any"`
}

func decodeNode(t *testing.T, rec *httptest.ResponseRecorder) node {
	t.Helper()
	var n node
	require.NoError(t, xml.Unmarshal(rec.Body.Bytes(), &n), rec.Body.String())
	return n
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n node) all(name string) []node {
	var out []node
	for _, c := range n.Children {
		if c.XMLName.Local == name {
			out = append(out, c)
		}
	}
	return out
}

func (n node) text(name string) string {
	for _, c := range n.Children {
		if c.XMLName.Local == name {
			return strings.TrimSpace(c.Text)
		}
	}
	return ""
}
