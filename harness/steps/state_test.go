package steps

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

func TestExpand(t *testing.T) {
	s := &Scenario{env: &Env{API: &spec.API{}}, vars: map[string]string{"id": "42", "run_id": "cc01", "a.b": "x"}}
	tests := []struct{ in, want, err string }{
		{"/api/things/${id}", "/api/things/42", ""},
		{"${run_id}-${id}-${a.b}", "cc01-42-x", ""},
		{`{"data": {"id": "${id}"}}`, `{"data": {"id": "42"}}`, ""},
		{"no variables {here}", "no variables {here}", ""},
		{"${missing} and ${gone}", "", "variable ${missing}, ${gone} is not set (set: a.b, id, run_id)"},
	}
	for _, tt := range tests {
		got, err := s.Expand(tt.in)
		if tt.err != "" {
			assert.EqualError(t, err, tt.err)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
	}
}

func TestResolveKeepsTheTargetPrefixAndDropsForeignHosts(t *testing.T) {
	base, _ := url.Parse("https://cloud.example/prefix/")
	s := &Scenario{env: &Env{BaseURL: base}, base: base}
	tests := []struct{ path, want, api string }{
		{"/api/x?page=2", "https://cloud.example/prefix/api/x?page=2", "/api/x?page=2"},
		{"http://elsewhere:8080/api/vorg-builds/10", "https://cloud.example/prefix/api/vorg-builds/10", "/api/vorg-builds/10"},
		{"/api/vdcs/urn:vcloud:vdc:1/edge-gateways", "https://cloud.example/prefix/api/vdcs/urn:vcloud:vdc:1/edge-gateways", "/api/vdcs/urn:vcloud:vdc:1/edge-gateways"},
	}
	for _, tt := range tests {
		u, err := s.resolve(tt.path)
		require.NoError(t, err)
		assert.Equal(t, tt.want, u.String())
		api := s.apiURL(u)
		assert.Equal(t, tt.api, api.RequestURI())
	}
}

func TestEncodeOrderedKeepsTableOrder(t *testing.T) {
	vals := url.Values{"pageSize": {"5"}, "name": {"a b", "c"}, "?delete": {""}}
	assert.Equal(t, "pageSize=5&name=a+b&name=c&delete", encodeOrdered(vals, []string{"pageSize", "name", "?delete"}))
}
