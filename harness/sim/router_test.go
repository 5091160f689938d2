package sim

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRouter(t *testing.T) {
	var r Router[string]
	r.Add("GET", "/oec/0.9/{org-id}/server/{server-id}", "get")
	r.Add("GET", "/oec/0.9/{org-id}/server/{server-id}?delete", "delete")
	r.Add("GET", "/oec/0.9/{org-id}/server/deployed", "deployed")
	r.Add("POST", "/oec/0.9/{org-id}/server/{server-id}", "modify")
	r.Add("GET", "/oec/0.9/{org-id}/publicip?action=reserve", "reserve")
	tests := []struct {
		name, method, path, query string
		want                      string
		params                    map[string]string
		allowed                   []string
	}{
		{name: "param", method: "GET", path: "/oec/0.9/o1/server/s1", want: "get", params: map[string]string{"org-id": "o1", "server-id": "s1"}},
		{name: "marker wins", method: "GET", path: "/oec/0.9/o1/server/s1", query: "delete", want: "delete", params: map[string]string{"org-id": "o1", "server-id": "s1"}},
		{name: "literal wins", method: "GET", path: "/oec/0.9/o1/server/deployed", want: "deployed", params: map[string]string{"org-id": "o1"}},
		{name: "method", method: "post", path: "/oec/0.9/o1/server/s1", want: "modify", params: map[string]string{"org-id": "o1", "server-id": "s1"}},
		{name: "marker value", method: "GET", path: "/oec/0.9/o1/publicip", query: "action=RESERVE", want: "reserve", params: map[string]string{"org-id": "o1"}},
		{name: "marker value mismatch", method: "GET", path: "/oec/0.9/o1/publicip", query: "action=release"},
		{name: "escaped param", method: "GET", path: "/oec/0.9/o1/server/a%20b", want: "get", params: map[string]string{"org-id": "o1", "server-id": "a b"}},
		{name: "wrong method", method: "DELETE", path: "/oec/0.9/o1/server/s1", allowed: []string{"GET", "POST"}},
		{name: "unknown", method: "GET", path: "/nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, _ := url.ParseQuery(tt.query)
			v, params, allowed, ok := r.Find(tt.method, tt.path, q)
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, v)
			if tt.want != "" {
				assert.Equal(t, tt.params, params)
			}
			assert.Equal(t, tt.allowed, allowed)
		})
	}
}
