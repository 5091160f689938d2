package cam

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// qSecond is the scope of a call in the second data set's first namespace.
const qSecond = "tenantId=" + secondTenantID + "&ace_orgGuid=" + secondTeam + "&cloudOE_spaceGuid=" + secondNS

func TestUnknownDataset(t *testing.T) {
	_, err := New(sim.Options{Dataset: "third"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "third")
}

func TestFixturesPerDataset(t *testing.T) {
	tests := []struct {
		dataset string
		want    map[string]string
	}{
		{"", map[string]string{"tenant": DefaultTenantID, "org_guid": "all", "space_guid": defaultNamespace, "other_space_guid": defaultOther}},
		{sim.DatasetDefault, map[string]string{"tenant": DefaultTenantID, "org_guid": "all", "space_guid": defaultNamespace, "other_space_guid": defaultOther}},
		{sim.DatasetSecond, map[string]string{"tenant": secondTenantID, "org_guid": secondTeam, "space_guid": secondNS, "other_space_guid": secondOther}},
	}
	for _, tt := range tests {
		t.Run(tt.dataset, func(t *testing.T) {
			s := newSim(t, sim.Options{Dataset: tt.dataset})
			assert.Equal(t, tt.want, s.Fixtures())
			seeds := s.SeedValues()
			assert.Contains(t, seeds, tt.want["tenant"])
			assert.Contains(t, seeds, tt.want["space_guid"])
			assert.NotContains(t, seeds, "all", "the document's team is a word of the document, not a seed value")
		})
	}
}

// TestDatasetsDiffer shows that the two data sets share no identifying value.
func TestDatasetsDiffer(t *testing.T) {
	first := newSim(t, sim.Options{}).SeedValues()
	second := newSim(t, sim.Options{Dataset: sim.DatasetSecond}).SeedValues()
	assert.Greater(t, len(second), len(first))
	for _, v := range first {
		assert.NotContains(t, second, v)
	}
}

// TestSecondDatasetScope: the second data set's token is valid for its own
// tenant and team, in the team's namespaces and the global one only.
func TestSecondDatasetScope(t *testing.T) {
	tests := []struct {
		name, query string
		want        int
	}{
		{"its tenant, team and namespace", qSecond, 200},
		{"its other namespace", "tenantId=" + secondTenantID + "&ace_orgGuid=" + secondTeam + "&cloudOE_spaceGuid=" + secondOther, 200},
		{"the global namespace", "tenantId=" + secondTenantID + "&ace_orgGuid=" + secondTeam, 200},
		{"an empty namespace", "tenantId=" + secondTenantID + "&ace_orgGuid=" + secondTeam + "&cloudOE_spaceGuid=", 200},
		{"a namespace of no team of its", "tenantId=" + secondTenantID + "&ace_orgGuid=" + secondTeam + "&cloudOE_spaceGuid=" + defaultNamespace, 401},
		{"the document's team", "tenantId=" + secondTenantID + "&ace_orgGuid=all&cloudOE_spaceGuid=" + secondNS, 401},
		{"the default data set's tenant", "tenantId=" + DefaultTenantID + "&ace_orgGuid=" + secondTeam, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, sim.Options{Dataset: sim.DatasetSecond})
			rec := c.get(base + "/service?" + tt.query)
			assert.Equal(t, tt.want, rec.Code, rec.Body.String())
		})
	}
	c := newClient(t, sim.Options{})
	assert.Equal(t, 401, c.get(base+"/service?tenantId="+secondTenantID+"&ace_orgGuid=all").Code, "the default data set refuses the second one's tenant")
}

// TestSecondDatasetContent checks what the second data set holds and the
// choices it takes: newest first, optional fields left out, later fields
// added, an icon without its media type.
func TestSecondDatasetContent(t *testing.T) {
	c := newClient(t, sim.Options{Dataset: sim.DatasetSecond})
	tests := []struct {
		name   string
		target string
		check  func(t *testing.T, body any)
	}{
		{"the services of a namespace with the global ones, newest first", "/service?" + qSecond, func(t *testing.T, body any) {
			require.Len(t, body, 2)
			assert.Equal(t, "remote-package", dig(body, 0, "name"))
			assert.Equal(t, "db2-warehouse", dig(body, 1, "name"))
			assert.Equal(t, "", dig(body, 1, "namespaceId"))
			assert.Nil(t, dig(body, 0, "displayName"), "optional field left out")
			assert.Nil(t, dig(body, 0, "template_mapping"), "optional field left out")
			assert.Equal(t, "ops-lead", dig(body, 0, "lastModifiedBy"), "field of a later CAM")
			assert.Regexp(t, `^\d{4}-\d{2}-\d{2}T`, dig(body, 0, "creationTime"), "the document's other form")
		}},
		{"the global services only", "/service?tenantId=" + secondTenantID + "&ace_orgGuid=" + secondTeam, func(t *testing.T, body any) {
			require.Len(t, body, 1)
			assert.Equal(t, "db2-warehouse", dig(body, 0, "name"))
		}},
		{"a retired service in the other namespace", "/service?tenantId=" + secondTenantID + "&ace_orgGuid=" + secondTeam + "&cloudOE_spaceGuid=" + secondOther, func(t *testing.T, body any) {
			require.Len(t, body, 2)
			assert.Equal(t, "legacy-mq", dig(body, 0, "name"))
			assert.Equal(t, statusRetired, dig(body, 0, "status"))
		}},
		{"the instances of a namespace, newest first", "/ServiceInstances?" + qSecond, func(t *testing.T, body any) {
			require.Len(t, body, 2)
			assert.Equal(t, "remote-package-11", dig(body, 0, "name"))
			assert.Equal(t, statusError, dig(body, 0, "Status"))
			assert.Equal(t, "remote-package-07", dig(body, 1, "name"))
			assert.Equal(t, statusActive, dig(body, 1, "Status"))
			assert.Nil(t, dig(body, 1, "templateName"), "optional field left out")
			assert.Equal(t, "cc-4471", dig(body, 1, "costCenter"), "field of a later CAM")
			assert.IsType(t, float64(0), dig(body, 1, "ordered_time"), "epoch milliseconds")
			assert.Equal(t, "*******", dig(body, 1, "Bearer_Token"), "masked as the document prints it")
		}},
		{"an instance stays as it is when read", "/ServiceInstances/65a0c3e2b1d4f6a7c8e9f101?" + qSecond, func(t *testing.T, body any) {
			assert.Equal(t, statusActive, dig(body, "Status"))
			assert.Equal(t, "SUCCESS", dig(body, "activity_deployment_details", "instance", "remotepkg5d8e2b14", "status"))
		}},
		{"a list-typed parameter with an array default", "/ServiceInstances/65a0c3e2b1d4f6a7c8e9f101/getInputParameters?" + qSecond, func(t *testing.T, body any) {
			assert.Equal(t, "zones", dig(body, "InputParameters", "input_parameters", 1, "name"))
			assert.Equal(t, "list", dig(body, "InputParameters", "input_parameters", 1, "type"))
			assert.Equal(t, []any{"eu-de-1", "eu-de-2"}, dig(body, "InputParameters", "input_parameters", 1, "default"))
			assert.Equal(t, `["eu-de-1","eu-de-2"]`, dig(body, "activity_deployment_details", "instance", "remotepkg5d8e2b14", "template_params_zones"),
				"the flattened record holds the list as JSON text")
		}},
		{"five icons, one without its media type", "/icons?" + qSecond, func(t *testing.T, body any) {
			require.Len(t, body, 5)
			assert.Equal(t, "db2-warehouse.png", dig(body, 0, "name"))
			assert.Equal(t, "image/png", dig(body, 0, "ContentTye"))
			assert.Nil(t, dig(body, 2, "ContentTye"))
			assert.Equal(t, "ops-lead", dig(body, 2, "uploadedBy"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, c.must(200, "GET", base+tt.target, ""))
		})
	}
	rec := c.get(base + "/icons/name/legacy-batch.svg?" + qSecond)
	require.Equal(t, 200, rec.Code)
	assert.Equal(t, "application/octet-stream", rec.Header().Get("Content-Type"))
}

// TestSecondDatasetMatchesSpec checks the second data set's own records, and
// the tour run in its scope, against the contract, strictly: its array
// defaults and later fields are no deviation either.
func TestSecondDatasetMatchesSpec(t *testing.T) {
	v := loadValidator(t)
	v.Strict = true
	c := newClient(t, sim.Options{Dataset: sim.DatasetSecond})
	for _, target := range []string{
		"/service?" + qSecond,
		"/ServiceInstances?" + qSecond,
		"/ServiceInstances/65a0c3e2b1d4f6a7c8e9f102?" + qSecond,
		"/ServiceInstances/65a0c3e2b1d4f6a7c8e9f101/getInputParameters?" + qSecond,
		"/ServiceInstances/65a0c3e2b1d4f6a7c8e9f101?filter[include]=UpgradePaths&filter[include]=DowngradePaths&" + qSecond,
		"/icons?tenantId=" + secondTenantID + "&ace_orgGuid=" + secondTeam,
		"/icons/name/db2-warehouse.png?tenantId=" + secondTenantID + "&ace_orgGuid=" + secondTeam,
	} {
		rec := c.get(base + target)
		require.Equal(t, 200, rec.Code, target)
	}
	for _, x := range c.log {
		u, err := url.Parse(x.target)
		require.NoError(t, err)
		ex := &validate.Exchange{Method: x.method, URL: u, Status: x.rec.Code, Header: x.rec.Header(), Body: x.rec.Body.Bytes()}
		assert.NoError(t, v.Validate(ex), x.target)
	}
}
