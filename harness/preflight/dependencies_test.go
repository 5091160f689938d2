package preflight

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// A fixture whose discovery names another (${org_id} in its path or filters) needs that one
// discovered first, even when no scenario names it.
func TestWithDependencies(t *testing.T) {
	api := &spec.API{Harness: spec.Harness{Fixtures: []spec.Fixture{
		{Name: "org_id", Discover: &spec.Discovery{Path: "/myaccount", Value: "/orgId"}},
		{Name: "location", Discover: &spec.Discovery{Path: "/${org_id}/datacenter", Value: "/location"}},
		{Name: "image_id", Discover: &spec.Discovery{Path: "/base/image/${location}", Value: "/id"}},
		{Name: "server", Discover: &spec.Discovery{Path: "/${org_id}/server", Where: map[string]string{"/location": "${location}"}, Value: "/id"}},
		{Name: "given"},
	}}}
	tests := []struct {
		names, want []string
	}{
		{[]string{"image_id"}, []string{"image_id", "location", "org_id"}},
		{[]string{"server"}, []string{"server", "org_id", "location"}},
		{[]string{"given"}, []string{"given"}},
		{nil, nil},
	}
	for _, tt := range tests {
		assert.ElementsMatch(t, tt.want, withDependencies(api, tt.names), "%v", tt.names)
	}
}
