package spec

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResolveProfile(t *testing.T) {
	api, err := Load("../../specs/cloudcontrol")
	require.NoError(t, err)
	require.NotEmpty(t, api.Vendors())
	tests := []struct{ profile, region, url, err string }{
		{"dimensiondata", "EU", "https://api-eu.dimensiondata.com", ""},
		{"Dimension Data", "europe (eu)", "https://api-eu.dimensiondata.com", ""},
		{"opsource", "na", "https://api.opsourcecloud.net", ""},
		{"ntta", "AU", "https://aucloudapi.nttamerica.com", ""},
		{"dimensiondata", "MARS", "", "has no region \"MARS\"; regions: NA, EU"},
		{"nimbus", "NA", "", "no vendor profile \"nimbus\""},
		{"dimensiondata", "", "", "has no region"},
	}
	for _, tt := range tests {
		v, err := api.ResolveProfile(tt.profile, tt.region)
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err, tt.profile+"/"+tt.region)
			continue
		}
		require.NoError(t, err, tt.profile+"/"+tt.region)
		assert.Equal(t, tt.url, v.URL)
	}
	shop, err := Load("testdata/shop")
	require.NoError(t, err)
	_, err = shop.ResolveProfile("x", "y")
	assert.ErrorContains(t, err, "lists no vendors")
}
