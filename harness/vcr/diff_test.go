package vcr

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dnaeon/go-vcr/v2/cassette"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/cloudcontract/cloudcontract/harness/callback"
)

// recording describes one recording of a small scenario; the fields are what may differ between
// two recordings of it.
type recording struct {
	port, runID, id, date, created, receiver string
	vars                                     map[string]string
	duration                                 time.Duration
	// mutate changes the interactions after they are built (a real change).
	mutate func([]*cassette.Interaction, []callback.Received)
}

func baseRecording() recording {
	return recording{port: "40001", runID: "cc0a1b2c3d", id: "3f78f9db-be9b-4517-a013-f1a6e39d5f5d", date: "Mon, 23 Nov 2026 07:23:38 GMT",
		created: "2026-11-23T07:23:38Z", receiver: "cc9664383071fb03", vars: map[string]string{"org-id": "org-1"}, duration: 3 * time.Millisecond}
}

// noisy is the same scenario recorded again: nothing but noise differs.
func noisy() recording {
	return recording{port: "51234", runID: "cc99887766", id: "7e1ef55a-1361-4899-a928-5154c99e5005", date: "Thu, 03 Dec 2026 09:03:48 GMT",
		created: "2026-12-03T09:03:48.123Z", receiver: "6af8f94dbd4eadcd", vars: map[string]string{"org-id": "org-1"}, duration: 250 * time.Millisecond}
}

func (r recording) build(t *testing.T) *Snapshot {
	t.Helper()
	base := "http://127.0.0.1:" + r.port
	hdr := func(kv ...string) http.Header {
		h := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			h.Add(kv[i], kv[i+1])
		}
		return h
	}
	ins := []*cassette.Interaction{
		{Request: cassette.Request{Method: "POST", URL: base + "/api/things?b=2&a=1", Body: `{"name": "` + r.runID + `-thing"}`,
			Headers: hdr("Content-Type", "application/json", "Callback", "http://127.0.0.1:4"+r.port[1:]+"/cb/"+r.receiver+"/Callback", "User-Agent", "Go-http-client/1.1")},
			Response: cassette.Response{Code: 201, Status: "201 Created", Duration: r.duration,
				Headers: hdr("Content-Type", "application/json", "Date", r.date, "Content-Length", fmt.Sprint(90+len(r.created)), "Location", base+"/api/things/"+r.id),
				Body:    `{"id":"` + r.id + `","name":"` + r.runID + `-thing","created":"` + r.created + `","count":3,"tags":["a","b"]}`}},
		{Request: cassette.Request{Method: "GET", URL: base + "/api/things/" + r.id, Headers: hdr("Accept", "application/json")},
			Response: cassette.Response{Code: 200, Headers: hdr("Content-Type", "application/json", "Date", r.date), Body: `{"id":"` + r.id + `","state":"on"}`}},
		{Request: cassette.Request{Method: "GET", URL: base + "/api/things/" + r.id + "/xml"},
			Response: cassette.Response{Code: 200, Headers: hdr("Content-Type", "application/xml"),
				Body: `<thing xmlns="urn:x" kind="big"><id>` + r.id + `</id><items><item>a</item><item>b</item></items><owner>` + r.runID + `</owner></thing>`}},
	}
	cbs := []callback.Received{{Seq: 0, Header: "Callback", Method: "POST", Path: "/Callback",
		Headers: hdr("Content-Type", "application/xml", "Esc-Status-Code", "200", "Content-Length", "99", "User-Agent", "Go-http-client/1.1"),
		Body:    `<tenant><id>` + r.id + `</id><name>` + r.runID + `-tnt</name><enabled>true</enabled></tenant>`}}
	if r.mutate != nil {
		r.mutate(ins, cbs)
	}
	header := h(r.runID, "aaaa")
	if len(r.vars) > 0 {
		header += varsPrefix
		var parts []string
		for k, v := range r.vars {
			parts = append(parts, k+"="+v)
		}
		header += strings.Join(parts, "&") + "\n"
	}
	data, err := yaml.Marshal(struct {
		Version      int                     `yaml:"version"`
		Interactions []*cassette.Interaction `yaml:"interactions"`
	}{1, ins})
	require.NoError(t, err)
	cb, err := yaml.Marshal(callbackFile{Version: 1, Callbacks: cbs})
	require.NoError(t, err)
	s, err := ParseSnapshot("x/s.yaml", append([]byte(header+"---\n"), data...), append([]byte(h(r.runID, "aaaa")), cb...))
	require.NoError(t, err)
	return s
}

func h(runID, spec string) string {
	return "# cloudcontract dev cassette: api=x spec-sha256=" + spec + " run-id=" + runID + "\n"
}

func TestCompareIgnoresWhatChangesWithEveryRecording(t *testing.T) {
	c := Compare(baseRecording().build(t), noisy().build(t))
	assert.True(t, c.Same(), "%v", c.Changes)
	assert.False(t, c.SpecChanged)
}

func TestCompareShowsEachRealChange(t *testing.T) {
	tests := []struct {
		name   string
		mutate func([]*cassette.Interaction, []callback.Received)
		vars   map[string]string
		want   []string
	}{
		{"status", func(in []*cassette.Interaction, _ []callback.Received) { in[1].Response.Code = 203 },
			nil, []string{"interaction 2: GET /api/things/7e1ef55a-1361-4899-a928-5154c99e5005|status: 200 → 203"}},
		{"json field", func(in []*cassette.Interaction, _ []callback.Received) {
			in[1].Response.Body = strings.Replace(in[1].Response.Body, `"on"`, `"off"`, 1)
		}, nil, []string{`response body /state: "on" → "off"`}},
		{"json field removed and added", func(in []*cassette.Interaction, _ []callback.Received) {
			in[0].Response.Body = strings.Replace(in[0].Response.Body, `"count":3,`, `"total":3,`, 1)
		}, nil, []string{`response body /count: removed 3`, `response body /total: added 3`}},
		{"a number is never an id", func(in []*cassette.Interaction, _ []callback.Received) {
			in[0].Response.Body = strings.Replace(in[0].Response.Body, `"count":3`, `"count":4`, 1)
		}, nil, []string{`response body /count: 3 → 4`}},
		{"array item", func(in []*cassette.Interaction, _ []callback.Received) {
			in[0].Response.Body = strings.Replace(in[0].Response.Body, `["a","b"]`, `["a"]`, 1)
		}, nil, []string{`response body /tags/1: removed "b"`}},
		{"xml element", func(in []*cassette.Interaction, _ []callback.Received) {
			in[2].Response.Body = strings.Replace(in[2].Response.Body, `<item>b</item>`, `<item>c</item>`, 1)
		}, nil, []string{`response body /thing/items/item/1: "b" → "c"`}},
		{"xml attribute", func(in []*cassette.Interaction, _ []callback.Received) {
			in[2].Response.Body = strings.Replace(in[2].Response.Body, `kind="big"`, `kind="small"`, 1)
		}, nil, []string{`response body /thing/@kind: "big" → "small"`}},
		{"header added", func(in []*cassette.Interaction, _ []callback.Received) { in[1].Response.Headers.Set("Etag", `"v2"`) },
			nil, []string{`response header Etag: added "\"v2\""`}},
		{"header removed", func(in []*cassette.Interaction, _ []callback.Received) { in[0].Response.Headers.Del("Location") },
			nil, []string{`response header Location: removed "http://127.0.0.1:{port}/api/things/3f78f9db-be9b-4517-a013-f1a6e39d5f5d"`}},
		{"request body", func(in []*cassette.Interaction, _ []callback.Received) {
			in[0].Request.Body = strings.Replace(in[0].Request.Body, `-thing"`, `-other"`, 1)
		}, nil, []string{`request body /name: "${run_id}-thing" → "${run_id}-other"`}},
		{"query", func(in []*cassette.Interaction, _ []callback.Received) {
			in[0].Request.URL = strings.Replace(in[0].Request.URL, "b=2", "b=3", 1)
		}, nil, []string{`request: POST /api/things?b=2&a=1 → POST /api/things?b=3&a=1`}},
		{"interaction added", func(in []*cassette.Interaction, _ []callback.Received) {
			in[1].Request.Method = "DELETE"
		}, nil, []string{"interaction 2: DELETE", "interaction added (answered 200)", "interaction removed (answered 200)"}},
		{"timestamp format", func(in []*cassette.Interaction, _ []callback.Received) {
			in[0].Response.Body = strings.Replace(in[0].Response.Body, `"created":"2026-12-03T09:03:48.123Z"`, `"created":"03/12/2026 09:03"`, 1)
		}, nil, []string{`response body /created: "2026-11-23T07:23:38Z" → "03/12/2026 09:03"`}},
		{"generated id used inconsistently", func(in []*cassette.Interaction, _ []callback.Received) {
			in[1].Response.Body = strings.Replace(in[1].Response.Body, "7e1ef55a", "00000000", 1)
		}, nil, []string{`response body /id:`}},
		{"callback header", func(_ []*cassette.Interaction, cb []callback.Received) { cb[0].Headers.Set("Esc-Status-Code", "999") },
			nil, []string{`callback 1: Callback POST /Callback|header Esc-Status-Code: "200" → "999"`}},
		{"callback body", func(_ []*cassette.Interaction, cb []callback.Received) {
			cb[0].Body = strings.Replace(cb[0].Body, "true", "false", 1)
		}, nil, []string{`body /tenant/enabled: "true" → "false"`}},
		{"fixture variables", nil, map[string]string{"org-id": "org-2"}, []string{`fixture variable org-id: "org-1" → "org-2"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := noisy()
			n.mutate = tt.mutate
			if tt.vars != nil {
				n.vars = tt.vars
			}
			c := Compare(baseRecording().build(t), n.build(t))
			require.False(t, c.Same(), "the change went unnoticed")
			var got []string
			for _, ch := range c.Changes {
				got = append(got, ch.Where+"|"+ch.String())
			}
			all := strings.Join(got, "\n")
			for _, w := range tt.want {
				assert.Contains(t, all, w)
			}
		})
	}
}

// An id the scenario sent before the API ever answered with it is the scenario's, not generated:
// a different value is a change.
func TestCompareSentIDsAreNotGenerated(t *testing.T) {
	mutate := func(id string) func([]*cassette.Interaction, []callback.Received) {
		return func(in []*cassette.Interaction, _ []callback.Received) {
			in[0].Request.Body = `{"name": "x", "parent": "` + id + `"}`
			in[0].Response.Body = `{"parent":"` + id + `"}`
		}
	}
	o, n := baseRecording(), noisy()
	o.mutate, n.mutate = mutate("11111111-2222-3333-4444-555555555555"), mutate("99999999-2222-3333-4444-555555555555")
	c := Compare(o.build(t), n.build(t))
	require.False(t, c.Same())
	assert.Contains(t, c.Changes[0].String(), "request body /parent")

	n.mutate = mutate("11111111-2222-3333-4444-555555555555")
	assert.True(t, Compare(o.build(t), n.build(t)).Same())
}

// A timestamp the scenario sends is compared as it is.
func TestCompareSentTimestamps(t *testing.T) {
	o, n := baseRecording(), noisy()
	o.mutate = func(in []*cassette.Interaction, _ []callback.Received) {
		in[1].Request.URL += "?since=2026-11-23T07:23:38Z"
	}
	n.mutate = func(in []*cassette.Interaction, _ []callback.Received) {
		in[1].Request.URL += "?since=2026-12-03T07:23:38Z"
	}
	assert.False(t, Compare(o.build(t), n.build(t)).Same())
}

func TestCompareSpecHashIsNotAnAPIChange(t *testing.T) {
	o := baseRecording().build(t)
	n := noisy().build(t)
	n.Header.SpecHash = "bbbb"
	c := Compare(o, n)
	assert.True(t, c.Same())
	assert.True(t, c.SpecChanged)
}

func TestParseSnapshotNamesFileAndLine(t *testing.T) {
	_, err := ParseSnapshot("cassettes/x/broken.yaml", []byte("---\nversion: 1\ninteractions:\n  - request: {\n    method: GET\n"), nil)
	require.Error(t, err)
	assert.Regexp(t, `^cassettes/x/broken\.yaml:\d+: `, err.Error())
	_, err = ParseSnapshot("cassettes/x/v2.yaml", []byte("version: 2\n"), nil)
	assert.EqualError(t, err, "cassettes/x/v2.yaml: version 2, expected 1 (is it a cassette?)")
	_, err = ParseSnapshot("c/a.yaml", []byte("version: 1\ninteractions: []\n"), []byte("version: 1\ncallbacks: [{nope: 1}]\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "c/a.callbacks.yaml:2: ")
}

func TestIDLike(t *testing.T) {
	for tok, want := range map[string]bool{
		"3f78f9db-be9b-4517-a013-f1a6e39d5f5d": true, "ffc5da": true, "205004": true, "cc9664383071fb03": true,
		"eceNfeNeNaNcNbbNfeN0": true, "fa:16:3e:ae:83:25": true, "192.168.97.153": true, "decade": false, "12345": false, "abc": false, "REASON": false, "serverWithState": false,
	} {
		assert.Equal(t, want, idLike(tok), tok)
	}
}

// TestCompareFixtureURLs shows a fixture variable holding a simulator's URL compared without its
// loopback port (it moves with each recording, as the target does), and any other difference of
// such a URL still a change.
func TestCompareFixtureURLs(t *testing.T) {
	tests := []struct {
		old, new string
		same     bool
	}{
		{"http://127.0.0.1:4711", "http://127.0.0.1:39001", true},
		{"http://127.0.0.1:4711", "http://127.0.0.1:4711/oec", false},
		{"https://maintenance.example:443", "https://maintenance.example:8443", false},
		{"http://127.0.0.1:4711", "https://other.example", false},
	}
	for _, tt := range tests {
		o, n := baseRecording(), noisy()
		o.vars = map[string]string{"org-id": "org-1", "maintenance_target": tt.old}
		n.vars = map[string]string{"org-id": "org-1", "maintenance_target": tt.new}
		c := Compare(o.build(t), n.build(t))
		assert.Equal(t, tt.same, c.Same(), "%s → %s: %v", tt.old, tt.new, c.Changes)
	}
}
