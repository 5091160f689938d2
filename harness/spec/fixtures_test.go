package spec

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
)

func TestAcceptHeader(t *testing.T) {
	tests := []struct {
		types, preferred []string
		want             string
	}{
		{[]string{"application/json", "application/xml"}, []string{"application/xml", "application/json"}, "application/xml, application/json;q=0.9"},
		{[]string{"application/json", "application/xml"}, nil, "application/json, application/xml"},
		{[]string{"application/json"}, []string{"application/xml"}, "application/json"},
		{[]string{"text/plain", "application/json", "application/xml"}, []string{"application/xml"}, "application/xml, text/plain;q=0.9, application/json;q=0.8"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, AcceptHeader(tt.types, tt.preferred), "%v by %v", tt.types, tt.preferred)
	}
}

// TestCredentialRolesChecked shows each mistake of a credential_roles declaration failing the
// load: a set harness.yaml does not have, a set declared twice, no role, a role the contract does
// not define.
func TestCredentialRolesChecked(t *testing.T) {
	doc := &openapi3.T{Extensions: map[string]any{"x-role-definitions": map[string]any{"server": "servers", "read only": "reads"}}}
	creds := map[string]Credential{"default": {}, "sub": {}}
	tests := []struct {
		name  string
		roles []CredentialRoles
		want  string
	}{
		{"declared", []CredentialRoles{{Set: "sub", Roles: []string{"server"}}}, ""},
		{"unknown set", []CredentialRoles{{Set: "nobody", Roles: []string{"server"}}}, "not a credential set"},
		{"twice", []CredentialRoles{{Set: "sub", Roles: []string{"server"}}, {Set: "sub", Roles: []string{"read only"}}}, "declared twice"},
		{"no role", []CredentialRoles{{Set: "sub"}}, "names no role"},
		{"undefined role", []CredentialRoles{{Set: "sub", Roles: []string{"network"}}}, `role "network" is not one of the contract's x-role-definitions`},
	}
	for _, tt := range tests {
		a := &API{Doc: doc, Harness: Harness{Credentials: creds, CredentialRoles: tt.roles}}
		err := a.checkFixtures()
		if tt.want == "" {
			assert.NoError(t, err, tt.name)
			continue
		}
		if assert.Error(t, err, tt.name) {
			assert.Contains(t, err.Error(), tt.want, tt.name)
		}
	}
	a := &API{Doc: doc, Harness: Harness{CredentialRoles: []CredentialRoles{{Set: "sub", Roles: []string{"server"}}}}}
	got, ok := a.Harness.RolesOf("sub")
	assert.True(t, ok)
	assert.Equal(t, []string{"server"}, got)
	_, ok = a.Harness.RolesOf("default")
	assert.False(t, ok)
}

// TestVendorSideFixture shows a vendor-side fixture found by VendorSide with the reason a run
// without it prints, an ordinary fixture not taken for one, and a vendor-side fixture with a
// discovery refused (the vendor sets it; no documented list gives it).
func TestVendorSideFixture(t *testing.T) {
	h := Harness{Fixtures: []Fixture{
		{Name: "maintenance_target", Description: "a deployment in maintenance", VendorSide: true},
		{Name: "image_id", Description: "an image"},
	}}
	f, ok := h.VendorSide("maintenance_target")
	assert.True(t, ok)
	assert.Equal(t, "vendor side: set maintenance_target to run", f.NotRunReason())
	_, ok = h.VendorSide("image_id")
	assert.False(t, ok, "an ordinary fixture")
	_, ok = h.VendorSide("nothing")
	assert.False(t, ok, "no such fixture")

	a := &API{Doc: &openapi3.T{}, Harness: h}
	assert.NoError(t, a.checkFixtures())
	a.Harness.Fixtures[0].Discover = &Discovery{Path: "/x", Value: "/id"}
	err := a.checkFixtures()
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), "a vendor-side fixture is set by the vendor, never discovered")
	}
}

// TestOptionalFixture shows an optional fixture found by Optional (as a vendor-side one is, and
// an ordinary one is not) with the reason a run without it prints, and a fixture discovered
// through an optional one refused unless it is optional too.
func TestOptionalFixture(t *testing.T) {
	h := Harness{Fixtures: []Fixture{
		{Name: "location_maintenance", Description: "a location in maintenance", Optional: true, Discover: &Discovery{Path: "/dc", Value: "/location"}},
		{Name: "image_maintenance", Description: "an image there", Optional: true, Discover: &Discovery{Path: "/image/${location_maintenance}", Value: "/id"}},
		{Name: "maintenance_target", Description: "a deployment in maintenance", VendorSide: true},
		{Name: "image_id", Description: "an image"},
	}}
	tests := []struct {
		name, reason string
		optional     bool
	}{
		{"location_maintenance", "the cloud holds no location_maintenance now: set location_maintenance to run", true},
		{"maintenance_target", "vendor side: set maintenance_target to run", true},
		{"image_id", "", false},
		{"nothing", "", false},
	}
	for _, tt := range tests {
		f, ok := h.Optional(tt.name)
		assert.Equal(t, tt.optional, ok, tt.name)
		if ok {
			assert.Equal(t, tt.reason, f.NotRunReason(), tt.name)
		}
	}
	_, vendor := h.VendorSide("location_maintenance")
	assert.False(t, vendor, "optional is not vendor side")

	a := &API{Doc: &openapi3.T{}, Harness: h}
	assert.NoError(t, a.checkFixtures())
	a.Harness.Fixtures[1].Optional = false
	err := a.checkFixtures()
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), "uses ${location_maintenance}, which a run may lack")
	}
}
